//! Version 2: each contact's data key moves from `person_keys` into the contact's own record
//! ([`crate::store::SealedTree::insert_keyed`]), one sled record fewer per contact; sled keeps
//! a page-table entry in memory for every few records, so a large store opens smaller.
//!
//! Only bytes move: the wrapped key stays bound to the person and the sealed record to its
//! tree and key, so no key is unwrapped here. Each record is rewritten before its key leaves
//! `person_keys`; a crash in between leaves the key in both places, which a second run (or
//! the erasure that removes both) settles.

use super::{Inputs, Migration};
use crate::store::typed::Keyed;

pub const MIGRATION: Migration = Migration { version: 2, name: "contact keys inside contact records", up };

/// The contacts' tree, as version 1 named it.
const CONTACTS: &str = "contacts";

fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let err = |e: sled::Error| e.to_string();
    let contacts = db.open_tree(CONTACTS).map_err(err)?;
    let keys = db.open_tree(crate::store::PERSON_KEYS).map_err(err)?;
    let mut moved = 0u64;
    for item in contacts.iter() {
        let (id, raw) = item.map_err(err)?;
        if Keyed::parse(&raw).is_none() {
            let Some(wrapped) = keys.get(&id).map_err(err)? else { continue };
            let (person, sealed) = raw.split_at(16.min(raw.len()));
            let keyed = Keyed::encode(person, &wrapped, &[], sealed).map_err(|e| e.to_string())?;
            contacts.insert(&id, keyed).map_err(err)?;
            moved += 1;
        }
        keys.remove(&id).map_err(err)?;
    }
    tracing::info!(moved, "contact keys moved into their records");
    Ok(())
}
