//! Version 1: the first layout. Trees are created lazily by their repositories; this records
//! when the store was created so that backups and reports can say how old it is.

use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 1, name: "initial", up };

fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let meta = db.open_tree(crate::store::META).map_err(|e| e.to_string())?;
    let now = chrono::Utc::now().to_rfc3339();
    meta.compare_and_swap(b"created_at", None as Option<&[u8]>, Some(now.as_bytes())).map_err(|e| e.to_string())?.ok();
    Ok(())
}
