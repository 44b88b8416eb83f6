//! The record of each bounce and complaint, and the index of the newest ones.
//!
//! Tree `bounces`: contact id ‖ a time-ordered suffix (UUIDv7) → [`BounceRecord`], sealed with the
//! contact's key: erasure is a prefix scan, and an erased person's events cannot be read back.
//! Tree `bounce_recent`: suffix → contact id, the newest events across all contacts (at most
//! 200), for Settings → Email.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::BounceKind;
use crate::domain::{ContactId, PersonId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, SealedTree, Store, Writes};

pub const TREE: &str = "bounces";
/// The newest events across all contacts (suffix -> contact id), for Settings -> Email.
pub const RECENT: &str = "bounce_recent";
const RECENT_KEEP: usize = 200;

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "bounces and complaints per contact: kind, SMTP status, diagnostic, source, campaign, time",
    holds: Holds::Personal {
        categories: &["delivery failures", "spam complaints"],
        layout: Layout::PersonPrefix,
        export: Some(export_bounces),
    },
};

pub const RECENT_REGISTRATION: Registration = Registration {
    tree: RECENT,
    purpose: "which contacts the newest bounce and complaint events belong to (for the settings page)",
    holds: Holds::Personal { categories: &["contact identifiers"], layout: Layout::Index, export: None },
};

fn export_bounces(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let t = store.sealed::<BounceRecord>(TREE)?;
    Ok(t.scan_prefix(person.as_bytes())?
        .into_iter()
        .map(|(_, r)| serde_json::to_value(r).unwrap_or(serde_json::Value::Null))
        .collect())
}

/// What is stored per event (sealed with the contact's key).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BounceRecord {
    pub kind: BounceKind,
    pub status: String,
    pub diagnostic: String,
    pub source: String,
    pub campaign: Option<String>,
    pub at: DateTime<Utc>,
    /// Keyed hash of the source and event id (hex), for recognising a repeated delivery.
    pub dedupe: Option<String>,
}

/// The key of an event: the person, then its suffix (time order within the person).
fn key(person: &[u8], suffix: &[u8]) -> Vec<u8> {
    let mut key = person.to_vec();
    key.extend_from_slice(suffix);
    key
}

#[derive(Clone)]
pub struct BounceRecords {
    store: Store,
    records: SealedTree<BounceRecord>,
    recent: sled::Tree,
}

impl BounceRecords {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { records: store.sealed(TREE)?, recent: store.tree(RECENT)?, store: store.clone() })
    }

    /// The person's events, oldest first.
    pub fn of_person(&self, person: &PersonId) -> Result<Vec<BounceRecord>> {
        Ok(self.records.scan_prefix(person.as_bytes())?.into_iter().map(|(_, r)| r).collect())
    }

    /// Adds an event to `writes`, to land with the change-feed entry that announces it.
    pub fn stage(&self, writes: &mut Writes, person: &PersonId, suffix: &Uuid, rec: &BounceRecord) -> Result<()> {
        self.records.stage_put(writes, person, &key(person.as_bytes(), suffix.as_bytes()), rec)
    }

    /// Notes the event among the newest (uncommitted), dropping the oldest beyond
    /// `RECENT_KEEP`.
    pub fn remember_recent(&self, suffix: &Uuid, contact: &ContactId) -> Result<()> {
        let _gate = self.store.write_gate();
        self.recent.insert(suffix.as_bytes(), contact.as_bytes().as_slice())?;
        while self.recent.len() > RECENT_KEEP {
            match self.recent.pop_min()? {
                Some(_) => {}
                None => break,
            }
        }
        Ok(())
    }

    /// The newest events across all contacts, newest first, at most `limit`, each with its
    /// contact (an event whose record is gone, its contact erased, is passed over).
    pub fn recent(&self, limit: usize) -> Result<Vec<(BounceRecord, ContactId)>> {
        let mut out = Vec::new();
        for item in self.recent.iter().rev() {
            let (suffix, contact) = item?;
            let Some(contact) = ContactId::from_slice(&contact) else { continue };
            let Some((_, rec)) = self.records.get(&key(contact.as_bytes(), &suffix))? else { continue };
            out.push((rec, contact));
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }
}
