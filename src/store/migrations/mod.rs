//! Ordered schema migrations, one file each. They run at start; a store newer than this binary
//! is refused rather than misread.

mod v001_initial;
mod v002_contact_keys_inline;
mod v003_email_buckets;
mod v004_settings_json;
mod v005_form_required_purposes;
mod v006_request_notify_outcome;
mod v007_campaign_sender_preheader;
mod v008_wording_language;
mod v009_template_translations;

use super::{StoreError, META};

pub const SCHEMA_KEY: &[u8] = b"schema_version";

pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub up: fn(&sled::Db) -> Result<(), String>,
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
pub fn run(db: &sled::Db) -> Result<u32, StoreError> {
    let found = current(db)?;
    let known = latest();
    if found > known {
        return Err(StoreError::Downgrade { found, known });
    }
    let meta = db.open_tree(META)?;
    for m in MIGRATIONS.iter().filter(|m| m.version > found) {
        tracing::info!(version = m.version, name = m.name, "applying store migration");
        (m.up)(db).map_err(|reason| StoreError::Migration { version: m.version, name: m.name, reason })?;
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
