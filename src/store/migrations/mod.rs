//! Ordered schema migrations, one file each. They run at start; a store newer than this binary
//! is refused rather than misread.
//!
//! A migration is history: it keeps its own copy of the record shapes it reads and writes (as
//! the version before it wrote them and as its own version writes them), and the tree names as
//! they were, rather than importing today's feature types, which change after it. What only a
//! feature can give (the built-in texts this release ships) it receives in [`Inputs`], which the
//! application hands to the store with its registry. The application's tests
//! (`src/wiring.rs`) hold each copy to today's types: a record a migration writes is one
//! today's feature reads.

mod v001_initial;
mod v002_contact_keys_inline;
mod v003_email_buckets;
pub(crate) mod v004_settings_json;
pub(crate) mod v005_form_required_purposes;
pub(crate) mod v006_request_notify_outcome;
pub(crate) mod v007_campaign_sender_preheader;
mod v008_wording_language;
pub(crate) mod v009_template_translations;
pub(crate) mod v010_change_feed;
pub(crate) mod v011_profiling_purpose;
pub(crate) mod v012_saved_search_segment;
pub(crate) mod v013_profiling_description;
pub(crate) mod v014_profiling_send_time;

pub use v009_template_translations::{MessageSeed, Variant as MessageVariant};

use super::{StoreError, META};

pub const SCHEMA_KEY: &[u8] = b"schema_version";

pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub up: fn(&sled::Db, &Inputs) -> Result<(), String>,
}

/// What migrations need from the application's features.
pub struct Inputs {
    /// Migration 9: the built-in text of a system message as this release ships it (the base
    /// in the catalogue's source language and a version in each other language); `None` for a
    /// message whose text is not built in.
    pub message_seed: fn(&str) -> Option<MessageSeed>,
}

pub static MIGRATIONS: &[Migration] = &[
    v001_initial::MIGRATION,
    v002_contact_keys_inline::MIGRATION,
    v003_email_buckets::MIGRATION,
    v004_settings_json::MIGRATION,
    v005_form_required_purposes::MIGRATION,
    v006_request_notify_outcome::MIGRATION,
    v007_campaign_sender_preheader::MIGRATION,
    v008_wording_language::MIGRATION,
    v009_template_translations::MIGRATION,
    v010_change_feed::MIGRATION,
    v011_profiling_purpose::MIGRATION,
    v012_saved_search_segment::MIGRATION,
    v013_profiling_description::MIGRATION,
    v014_profiling_send_time::MIGRATION,
];

pub fn latest() -> u32 {
    MIGRATIONS.last().map(|m| m.version).unwrap_or(0)
}

pub fn current(db: &sled::Db) -> Result<u32, StoreError> {
    let meta = db.open_tree(META)?;
    Ok(match meta.get(SCHEMA_KEY)? {
        Some(v) => u32::from_be_bytes(v.as_ref().try_into().map_err(|_| StoreError::Migration {
            version: 0,
            name: "read schema_version",
            reason: "schema_version is not 4 bytes".into(),
        })?),
        None => 0,
    })
}

/// Brings the store to [`latest`]; returns the version it found.
pub fn run(db: &sled::Db, inputs: &Inputs) -> Result<u32, StoreError> {
    let found = current(db)?;
    let known = latest();
    if found > known {
        return Err(StoreError::Downgrade { found, known });
    }
    let meta = db.open_tree(META)?;
    for m in MIGRATIONS.iter().filter(|m| m.version > found) {
        tracing::info!(version = m.version, name = m.name, "applying store migration");
        (m.up)(db, inputs).map_err(|reason| StoreError::Migration { version: m.version, name: m.name, reason })?;
        meta.insert(SCHEMA_KEY, &m.version.to_be_bytes())?;
        db.flush()?;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_dense_and_ordered() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1, "migration {} out of order", m.name);
        }
        assert_eq!(latest() as usize, MIGRATIONS.len());
    }
}
