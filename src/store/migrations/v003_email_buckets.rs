//! Version 3: the email index moves from one record per address (`contact_email`, keyed by the
//! address's 32-byte keyed hash) to buckets of entries (`contact_email_buckets`, see
//! [`crate::contacts::email_index`]), keyed by the hash's first 18 bits and holding its first
//! 16 bytes: sled holds a page-table entry in memory for every page of the tree, and the old
//! layout had four times the pages.
//!
//! Only the stored hashes move (the keyed hash is not recomputed, so no key is needed). Each
//! entry is added to its bucket before the old tree is dropped; a second run after a crash adds
//! the same entries again, which changes nothing.

use super::Migration;
use crate::contacts::email_index::{bucket_key, with, Hash, HASH_LEN};

pub const MIGRATION: Migration = Migration { version: 3, name: "email index in buckets", up };

const OLD: &str = "contact_email";

fn up(db: &sled::Db) -> Result<(), String> {
    let err = |e: sled::Error| e.to_string();
    if !db.tree_names().iter().any(|n| n.as_ref() == OLD.as_bytes()) {
        return Ok(());
    }
    let old = db.open_tree(OLD).map_err(err)?;
    let new = db.open_tree(crate::contacts::BY_EMAIL).map_err(err)?;
    let mut moved = 0u64;
    for item in old.iter() {
        let (key, id) = item.map_err(err)?;
        if key.len() < HASH_LEN || id.len() != 16 {
            continue;
        }
        let h: Hash = key[..HASH_LEN].try_into().map_err(|_| "short key".to_string())?;
        new.fetch_and_update(bucket_key(&h), |b| Some(with(b.unwrap_or_default(), &h, &id))).map_err(err)?;
        moved += 1;
    }
    new.flush().map_err(err)?;
    db.drop_tree(OLD).map_err(err)?;
    tracing::info!(moved, "email index moved into buckets");
    Ok(())
}
