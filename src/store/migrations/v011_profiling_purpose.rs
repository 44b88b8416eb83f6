//! Version 11: lead scoring is profiling (GDPR Art. 21/22), so it has a purpose of its own,
//! `profiling`, on legitimate interest: it stands until the person objects. A new store gets it
//! with the other default purposes; a store made before gets it here, once, with its shipped
//! English text as wording version 1 (the other languages follow at start, as for every
//! untouched default). A shop that already defined a purpose of that key keeps its own.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 11, name: "profiling purpose", up };

/// The trees, as version 11 names them.
const PURPOSES: &str = "purposes";
const WORDINGS: &str = "consent_wordings";
const KEY: &str = "profiling";
const SHIPPED_LANGUAGE: &str = "en";

/// A purpose as version 11 writes it.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Purpose {
    pub key: String,
    pub name: String,
    pub description: String,
    pub basis: LawfulBasis,
    pub categories: Vec<String>,
    pub retention_days: u32,
    pub recipients: Vec<String>,
    pub current_wording: u32,
    pub updated_at: DateTime<Utc>,
}

/// Version 11's lawful bases, at their positions.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum LawfulBasis {
    Consent,
    Contract,
    LegitimateInterest,
    LegalObligation,
}

/// A wording as version 11 writes it.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Wording {
    pub purpose: String,
    pub version: u32,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub language: Option<String>,
}

/// The shipped name, description, categories, retention and text of the purpose.
const NAME: &str = "Interest score (profiling)";
const DESCRIPTION: &str = "Working out from a person's email opens and clicks, website visits, orders and profile how interested they are in our offers (a lead score), to choose what to send them. The score is computed when needed, never stored; measurement only counts where its own consent is given.";
const CATEGORIES: [&str; 5] = ["email interactions", "page views", "shop events", "orders", "profile fields"];
const RETENTION_DAYS: u32 = 365;
const TEXT: &str = "We estimate from your email opens and clicks, your visits to our website and your orders how interested you are in our offers, to send you what is more relevant. You can object at any time: untick this and no score is computed for you any more.";

fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let err = |e: sled::Error| e.to_string();
    let purposes = db.open_tree(PURPOSES).map_err(err)?;
    // An empty store is seeded whole when the purposes open.
    if purposes.is_empty() || purposes.contains_key(KEY).map_err(err)? {
        return Ok(());
    }
    let now = Utc::now();
    let wordings = db.open_tree(WORDINGS).map_err(err)?;
    let mut wkey = KEY.as_bytes().to_vec();
    wkey.push(0);
    wkey.extend_from_slice(&1u32.to_be_bytes());
    let wording = Wording {
        purpose: KEY.into(),
        version: 1,
        text: TEXT.into(),
        created_at: now,
        language: Some(SHIPPED_LANGUAGE.into()),
    };
    wordings.insert(wkey, postcard::to_allocvec(&wording).map_err(|e| e.to_string())?).map_err(err)?;
    let purpose = Purpose {
        key: KEY.into(),
        name: NAME.into(),
        description: DESCRIPTION.into(),
        basis: LawfulBasis::LegitimateInterest,
        categories: CATEGORIES.iter().map(|s| s.to_string()).collect(),
        retention_days: RETENTION_DAYS,
        recipients: Vec::new(),
        current_wording: 1,
        updated_at: now,
    };
    purposes.insert(KEY, postcard::to_allocvec(&purpose).map_err(|e| e.to_string())?).map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The migration's copy is the seed today's code ships: a store migrated and a store made
    /// new hold the same purpose.
    #[test]
    fn an_older_store_gets_the_shipped_purpose_once() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let inputs = Inputs { message_seed: |_| None };
        up(&db, &inputs).unwrap();
        assert!(db.open_tree(PURPOSES).unwrap().is_empty(), "an empty store is seeded at open");
        let (newsletter, _) = crate::domain::consent::default_purposes().remove(0);
        let purposes = db.open_tree(PURPOSES).unwrap();
        purposes.insert(newsletter.key.as_bytes(), postcard::to_allocvec(&newsletter).unwrap()).unwrap();
        up(&db, &inputs).unwrap();
        up(&db, &inputs).unwrap();
        let read: crate::domain::Purpose = postcard::from_bytes(&purposes.get(KEY).unwrap().unwrap()).unwrap();
        let (seed, text) = crate::domain::consent::default_purposes().into_iter().find(|(p, _)| p.key == KEY).unwrap();
        assert_eq!(
            (read.name.as_str(), read.basis, &read.categories, read.retention_days),
            (seed.name.as_str(), seed.basis, &seed.categories, seed.retention_days)
        );
        // The description as version 11 shipped it; version 13 corrects it.
        assert_eq!(read.description, super::super::v013_profiling_description::BEFORE);
        let wordings = db.open_tree(WORDINGS).unwrap();
        assert_eq!(wordings.len(), 1);
        let (_, w) = wordings.iter().next().unwrap().unwrap();
        let w: crate::domain::Wording = postcard::from_bytes(&w).unwrap();
        assert_eq!((w.text.as_str(), w.version, w.language.as_deref()), (text, 1, Some("en")));
    }
}
