//! The personal-data registry: the one list of every tree and what it holds.
//!
//! The store keeps the mechanism (what a registration says, the erase and export walkers, where
//! data keys live); the list itself is the application's, handed to [`Store::open`] as a
//! [`Registry`]. Export, erasure, restriction and retention iterate it; nothing else knows which
//! trees hold personal data. [`Store::tree`] refuses a name that is not in it, and a test fails
//! when a tree exists on disk without an entry.

use super::{typed, Result, Store};
use crate::domain::PersonId;

pub type ExportFn = fn(&Store, &PersonId) -> Result<Vec<serde_json::Value>>;

/// How a tree ties its records to a person, which is how erasure finds them.
#[derive(Debug, Clone, Copy)]
pub enum Layout {
    /// Values are `person id || sealed value` ([`typed::SealedTree`]).
    Sealed,
    /// Keys are keyed hashes of a value (a login name, an email); values are the person id.
    Index,
    /// Keys begin with the person id; values are sealed ([`typed::SealedTree`]). Erasure is a
    /// prefix scan, which keeps it fast in trees with millions of people.
    PersonPrefix,
    /// Keys are the person id; values are sealed, and may carry the person's wrapped data key
    /// ([`typed::SealedTree::insert_keyed`]): the store looks for keys here before
    /// `person_keys`, and erasure removes these records after every other tree, with the key.
    Keyed,
    /// The owning module erases (a lookup index whose key it can compute).
    Custom(EraseFn),
    /// Not a sled tree: data derived from trees above (the search index). Erasing the source
    /// records queues the removal; the operation that erases waits until the derived store has
    /// committed it.
    Derived,
}

pub type EraseFn = fn(&Store, &PersonId) -> Result<usize>;

pub enum Holds {
    /// Personal data: exported with the person's archive and removed by erasure.
    Personal { categories: &'static [&'static str], layout: Layout, export: Option<ExportFn> },
    /// Pseudonymous records (ids and truncated IPs) kept for accountability under their own
    /// retention period: exported, but not erased with the person.
    Retained { categories: &'static [&'static str], why: &'static str, export: ExportFn },
    /// Holds no personal data, and says why.
    Nothing { why: &'static str },
}

pub struct Registration {
    pub tree: &'static str,
    pub purpose: &'static str,
    pub holds: Holds,
}

/// The store's own trees. The application lists them with its features' registrations (first:
/// they hold nothing and erasure passes them by), and [`Store::open`] refuses a registry that
/// leaves them out.
pub const META_REGISTRATION: Registration = Registration {
    tree: super::META,
    purpose: "schema version, key fingerprint and store bookkeeping",
    holds: Holds::Nothing { why: "counters and versions only" },
};

pub const PERSON_KEYS_REGISTRATION: Registration = Registration {
    tree: super::PERSON_KEYS,
    purpose: "data keys of users and website visitors, wrapped by the master key (a contact's key is kept \
              in the contact's own record)",
    holds: Holds::Nothing { why: "keys, not data; erasure destroys the person's key last (see Store::erase_person)" },
};

/// What the application tells the store about the data its features keep. The store knows no
/// feature: the application assembles this once (`src/wiring.rs`) and every opening of the store
/// is handed the same value, which the store keeps for as long as it is open.
pub struct Registry {
    /// Every tree and what it holds, in the order erasure walks them (an eraser that reads
    /// another tree's records comes before that tree).
    pub registrations: &'static [Registration],
    /// The tree of suppression tombstones (keyed hashes of erased addresses, with the date):
    /// a restore puts back the ones that erasures journalled after the archive left.
    pub suppression: &'static str,
    /// Folders of the data directory whose files the store's records point to (the media
    /// library's images): archived and restored with the store.
    pub content_dirs: &'static [&'static str],
    /// What the migrations need from the features.
    pub migrations: super::migrations::Inputs,
}

impl Registration {
    /// Records here may carry their person's data key ([`Layout::Keyed`]).
    pub fn is_keyed(&self) -> bool {
        matches!(self.holds, Holds::Personal { layout: Layout::Keyed, .. })
    }
}

impl Registry {
    pub fn lookup(&self, tree: &str) -> Option<&'static Registration> {
        self.registrations.iter().find(|r| r.tree == tree)
    }

    /// Trees present in the database that the registry does not know (sled's default tree
    /// aside). Registrations whose name is not a sled tree (the search index) are listed but
    /// never opened.
    pub fn unregistered_trees(&self, db: &sled::Db) -> Vec<String> {
        db.tree_names()
            .into_iter()
            .map(|n| String::from_utf8_lossy(&n).into_owned())
            .filter(|n| n != "__sled__default" && self.lookup(n).is_none())
            .collect()
    }
}

pub(super) fn erase_in(store: &Store, tree: &'static str, layout: Layout, person: &PersonId) -> Result<usize> {
    match layout {
        Layout::Custom(erase) => return erase(store, person),
        Layout::Derived => return Ok(0),
        _ => {}
    }
    let t = store.tree(tree)?;
    match layout {
        Layout::PersonPrefix => {
            let doomed = t.scan_prefix(person.as_bytes()).keys().collect::<std::result::Result<Vec<_>, _>>()?;
            store.remove_keys(&t, &doomed)
        }
        Layout::Keyed => {
            let _gate = store.write_gate();
            Ok(usize::from(t.remove(person.as_bytes())?.is_some()))
        }
        Layout::Sealed => store.remove_where(&t, |_, v| typed::owner(v).as_ref() == Some(person)),
        Layout::Index => store.remove_where(&t, |_, v| v == person.as_bytes()),
        Layout::Custom(_) | Layout::Derived => unreachable!("handled above"),
    }
}
