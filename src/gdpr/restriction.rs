//! Restriction of processing (Art. 18): the contact is kept, but no mail goes to them, no
//! tracking is recorded about them, and exports to others leave them out, until lifted.
//! The mark is a record of its own, so every place that must honour it asks one cheap
//! question: [`Restrictions::is_restricted`] (a key lookup, nothing decrypted).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{ContactId, PersonId, RequestId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, SealedTree, Store};

pub const TREE: &str = "restrictions";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "contacts whose processing is restricted (Art. 18), since when and why",
    holds: Holds::Personal {
        categories: &["restriction of processing"],
        layout: Layout::PersonPrefix,
        export: Some(export),
    },
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restriction {
    pub since: DateTime<Utc>,
    /// Why (contested accuracy, unlawful processing, legal claims, pending objection).
    pub reason: String,
    pub request: Option<RequestId>,
}

#[derive(Clone)]
pub struct Restrictions {
    tree: SealedTree<Restriction>,
    raw: sled::Tree,
}

impl Restrictions {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.sealed(TREE)?, raw: store.tree(TREE)? })
    }

    pub fn is_restricted(&self, c: &ContactId) -> Result<bool> {
        // Most installations restrict no one: no lookup at all then.
        if self.raw.is_empty() {
            return Ok(false);
        }
        Ok(self.raw.contains_key(c.as_bytes())?)
    }

    pub fn get(&self, c: &ContactId) -> Result<Option<Restriction>> {
        Ok(self.tree.get(c.as_bytes())?.map(|(_, r)| r))
    }

    /// Adds the mark to `w`, for one transaction with its entry on the change feed.
    pub fn stage_put(&self, w: &mut crate::store::Writes, c: &ContactId, r: &Restriction) -> Result<()> {
        self.tree.stage_put(w, &c.person(), c.as_bytes(), r)
    }

    /// Adds the lifting to `w`.
    pub fn stage_remove(&self, w: &mut crate::store::Writes, c: &ContactId) {
        w.remove(&self.raw, c.as_bytes().to_vec());
    }

    pub fn count(&self) -> usize {
        self.raw.len()
    }

    /// Every restricted contact (few: a restriction is a person's request).
    pub fn ids(&self) -> Result<Vec<ContactId>> {
        let mut out = Vec::new();
        for kv in self.raw.iter() {
            let (k, _) = kv?;
            if let Some(id) = ContactId::from_slice(&k) {
                out.push(id);
            }
        }
        Ok(out)
    }
}

fn export(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let t: SealedTree<Restriction> = store.sealed(TREE)?;
    Ok(t.scan_prefix(person.as_bytes())?
        .into_iter()
        .map(|(_, r)| serde_json::to_value(r).unwrap_or(serde_json::Value::Null))
        .collect())
}
