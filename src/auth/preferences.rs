//! What each staff member chose for themselves: the language of the admin pages, and the
//! columns of the contacts list. Stored as JSON by person id (`user_preferences`), so that a
//! preference added later needs no migration; erased and exported with the person.

use serde::{Deserialize, Serialize};

use crate::domain::PersonId;
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, Store, StoreError};

pub const TREE: &str = "user_preferences";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "each staff member's own choices: language of the admin pages, columns of the contacts list",
    holds: Holds::Personal {
        categories: &["interface language", "list columns"],
        layout: Layout::Custom(erase),
        export: Some(export),
    },
};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserPreferences {
    /// A code of an admin catalogue (`de`); None: English.
    pub language: Option<String>,
}

#[derive(Clone)]
pub struct Preferences {
    store: Store,
    tree: sled::Tree,
}

impl Preferences {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.tree(TREE)?, store: store.clone() })
    }

    pub fn get(&self, person: &PersonId) -> Result<UserPreferences> {
        Ok(match self.tree.get(person.as_bytes())? {
            Some(v) => serde_json::from_slice(&v).unwrap_or_default(),
            None => UserPreferences::default(),
        })
    }

    /// Stores (uncommitted).
    pub fn put(&self, person: &PersonId, p: &UserPreferences) -> Result<()> {
        let v = serde_json::to_vec(p).map_err(|e| StoreError::Conflict(e.to_string()))?;
        let _gate = self.store.write_gate();
        self.tree.insert(person.as_bytes(), v)?;
        Ok(())
    }
}

fn erase(store: &Store, person: &PersonId) -> Result<usize> {
    let tree = store.tree(TREE)?;
    let _gate = store.write_gate();
    Ok(tree.remove(person.as_bytes())?.is_some() as usize)
}

fn export(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let p = Preferences::open(store)?;
    let tree = store.tree(TREE)?;
    if tree.get(person.as_bytes())?.is_none() {
        return Ok(Vec::new());
    }
    Ok(vec![serde_json::to_value(p.get(person)?).unwrap_or_default()])
}
