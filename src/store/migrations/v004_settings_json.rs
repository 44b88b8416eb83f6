//! Version 4: the settings record moves from postcard to JSON, so that settings added later
//! (the shop's time zone first) read their defaults from an older record without a migration
//! each. Postcard is not self-describing: a struct read with a field more fails.

use serde::{Deserialize, Serialize};

use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 4, name: "settings as JSON", up };

/// The settings' tree and their record's key, as versions 1–3 named them.
const TREE: &str = "settings";
const KEY: &[u8] = b"settings";

/// The record as versions 1–3 wrote it.
#[derive(Deserialize, Serialize)]
pub(crate) struct V3 {
    pub(crate) organisation: String,
    pub(crate) postal_address: String,
    pub(crate) dpo_contact: String,
    pub(crate) login_notice: String,
}

pub(crate) fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let tree = db.open_tree(TREE).map_err(|e| e.to_string())?;
    let Some(raw) = tree.get(KEY).map_err(|e| e.to_string())? else { return Ok(()) };
    // Already JSON (a migration interrupted after its write): nothing to do.
    if serde_json::from_slice::<serde_json::Value>(&raw).is_ok_and(|v| v.is_object()) {
        return Ok(());
    }
    let old: V3 = postcard::from_bytes(&raw).map_err(|e| format!("reading the settings record: {e}"))?;
    let json = serde_json::to_vec(&old).map_err(|e| e.to_string())?;
    tree.insert(KEY, json).map_err(|e| e.to_string())?;
    Ok(())
}
