//! Version 10: the search index follows the change feed (`change_feed`) instead of a log of its
//! own (`contact_changes`). Changes the index had not committed when the old binary stopped are
//! moved to the feed under their sequence numbers (both came from sled's one id generator, so
//! the index's committed mark still sorts before them), each as an import-chunk entry naming its
//! contacts, and the old tree is dropped.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 10, name: "change feed", up };

/// The index's change log, as versions 1–9 named it: sequence number (u64, big endian) → one
/// or more of contact id (16 bytes) and a created flag (1 byte).
const CHANGES: &str = "contact_changes";
/// The feed's tree, as version 10 names it.
const ENTRIES: &str = "change_feed";
const CHANGE_LEN: usize = 17;

/// A feed entry as version 10 writes it.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Stored {
    pub at: DateTime<Utc>,
    pub change: Change,
}

/// The first variants of version 10's `Change`, at their positions.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Change {
    ContactCreated(Uuid),
    ContactUpdated(Uuid),
    ContactDeleted(Uuid),
    ContactErased(Uuid),
    ContactsImported(Vec<(Uuid, bool)>),
}

pub(crate) fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let err = |e: sled::Error| e.to_string();
    if !db.tree_names().iter().any(|n| n.as_ref() == CHANGES.as_bytes()) {
        return Ok(());
    }
    let (old, entries) = (db.open_tree(CHANGES).map_err(err)?, db.open_tree(ENTRIES).map_err(err)?);
    let at = Utc::now();
    for item in old.iter() {
        let (k, v) = item.map_err(err)?;
        let ids: Vec<(Uuid, bool)> = v
            .chunks_exact(CHANGE_LEN)
            .filter_map(|one| Uuid::from_slice(&one[..16]).ok().map(|id| (id, one[16] == 1)))
            .collect();
        if ids.is_empty() {
            continue;
        }
        let value =
            postcard::to_allocvec(&Stored { at, change: Change::ContactsImported(ids) }).map_err(|e| e.to_string())?;
        entries.insert(k, value).map_err(err)?;
    }
    db.flush().map_err(err)?;
    db.drop_tree(CHANGES).map_err(err)?;
    Ok(())
}
