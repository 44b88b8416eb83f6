//! Version 4: the settings record moves from postcard to JSON, so that settings added later
//! (the shop's time zone first) read their defaults from an older record without a migration
//! each. Postcard is not self-describing: a struct read with a field more fails.

use serde::{Deserialize, Serialize};

use super::Migration;

pub const MIGRATION: Migration = Migration { version: 4, name: "settings as JSON", up };

/// The record as versions 1–3 wrote it.
#[derive(Deserialize, Serialize)]
struct V3 {
    organisation: String,
    postal_address: String,
    dpo_contact: String,
    login_notice: String,
}

fn up(db: &sled::Db) -> Result<(), String> {
    let tree = db.open_tree(crate::settings::TREE).map_err(|e| e.to_string())?;
    let Some(raw) = tree.get(crate::settings::KEY).map_err(|e| e.to_string())? else { return Ok(()) };
    // Already JSON (a migration interrupted after its write): nothing to do.
    if serde_json::from_slice::<serde_json::Value>(&raw).is_ok_and(|v| v.is_object()) {
        return Ok(());
    }
    let old: V3 = postcard::from_bytes(&raw).map_err(|e| format!("reading the settings record: {e}"))?;
    let json = serde_json::to_vec(&old).map_err(|e| e.to_string())?;
    tree.insert(crate::settings::KEY, json).map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_postcard_record_becomes_json_with_the_new_settings_at_their_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let old = V3 {
            organisation: "Rösterei".into(),
            postal_address: "Hauptstraße 1\r\n10115 Berlin".into(),
            dpo_contact: "dpo@example.com".into(),
            login_notice: String::new(),
        };
        let tree = db.open_tree(crate::settings::TREE).unwrap();
        tree.insert(crate::settings::KEY, postcard::to_allocvec(&old).unwrap()).unwrap();
        up(&db).unwrap();
        up(&db).unwrap();
        let raw = tree.get(crate::settings::KEY).unwrap().unwrap();
        let s: crate::settings::Settings = serde_json::from_slice(&raw).unwrap();
        assert_eq!((s.organisation.as_str(), s.time_zone.as_str()), ("Rösterei", "UTC"));
        assert_eq!(s.normalised().address_line(), "Hauptstraße 1, 10115 Berlin");
    }
}
