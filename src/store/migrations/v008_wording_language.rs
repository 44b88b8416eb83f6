//! Version 8: each consent wording version records the language it is written in. Versions
//! stored before are rewritten with the language where it is certain (the shipped English
//! defaults, unchanged) and with none otherwise: a text the shop wrote may be in any language,
//! and the proof must not claim one it cannot know.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Inputs, Migration};
use crate::domain::Wording;

pub const MIGRATION: Migration = Migration { version: 8, name: "wording language", up };

/// The consent wordings' tree, as versions 1–8 named it.
const WORDINGS: &str = "consent_wordings";
/// The language the shipped default wordings are written in.
const SHIPPED_LANGUAGE: &str = "en";

/// A wording as versions 1–7 wrote it.
#[derive(Serialize, Deserialize)]
struct V7 {
    purpose: String,
    version: u32,
    text: String,
    created_at: DateTime<Utc>,
}

fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let seeds = crate::domain::consent::default_purposes();
    let tree = db.open_tree(WORDINGS).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        if postcard::from_bytes::<Wording>(&v).is_ok() {
            continue;
        }
        let o: V7 = postcard::from_bytes(&v).map_err(|e| format!("reading a consent wording: {e}"))?;
        let shipped = seeds.iter().any(|(p, text)| p.key == o.purpose && *text == o.text);
        let new = Wording {
            purpose: o.purpose,
            version: o.version,
            text: o.text,
            created_at: o.created_at,
            language: shipped.then(|| SHIPPED_LANGUAGE.to_string()),
        };
        tree.insert(k, postcard::to_allocvec(&new).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_wordings_say_english_only_for_the_unchanged_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let tree = db.open_tree(WORDINGS).unwrap();
        let (newsletter, seed) = crate::domain::consent::default_purposes().remove(0);
        let old = |version: u32, text: &str| V7 {
            purpose: newsletter.key.clone(),
            version,
            text: text.into(),
            created_at: Utc::now(),
        };
        tree.insert(b"a", postcard::to_allocvec(&old(1, seed)).unwrap()).unwrap();
        tree.insert(b"b", postcard::to_allocvec(&old(2, "Ja, schickt mir den Newsletter.")).unwrap()).unwrap();
        let inputs = Inputs { message_seed: |_| None };
        up(&db, &inputs).unwrap();
        up(&db, &inputs).unwrap();
        let read = |k: &[u8]| postcard::from_bytes::<Wording>(&tree.get(k).unwrap().unwrap()).unwrap();
        assert_eq!(read(b"a").language.as_deref(), Some("en"));
        assert_eq!(read(b"a").text, seed);
        assert_eq!(read(b"b").language, None, "the shop's own text: language not claimed");
        assert_eq!(read(b"b").version, 2);
    }
}
