//! Lead scoring: the models (`domain::score`), stored, and what a contact's score is made of,
//! gathered from the rooms that hold it (events, form submissions, bounces, the record and its
//! consents). A score is never stored: it is computed from the stored events' times when read
//! (by a segment's condition, the contact page, the API), so decay needs no job and a
//! withdrawal of consent takes the points away at once.
//!
//! Tree `score_models`: key → the model's JSON and the types of the fields its rules read (a
//! custom field's type as it was when the rule was written: a rule stays readable if the field
//! changes). Not personal data: rules written by staff.

pub mod ops;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::config::EngagementPolicy;
use crate::contacts::Contacts;
use crate::domain::score::{self, Breakdown, Facts, Model, On};
use crate::domain::{ConsentStates, Contact, Event, FieldKind, Status};
use crate::mail::bounce::{BounceKind, BounceRecords};
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};
use crate::tracking::store::TrackStore;

pub const MODELS: &str = "score_models";

pub const REGISTRATION: Registration = Registration {
    tree: MODELS,
    purpose: "lead-scoring models: name, half-life, rules",
    holds: Holds::Nothing { why: "rules written by staff over events and fields; no contact is named" },
};

/// The status field's name in a history entry's changed fields.
const STATUS_FIELD: &str = "status";

/// Events read per contact (newest first), as the segments read them.
pub const EVENTS_PER_CONTACT: usize = 10_000;

/// A model as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    json: String,
    fields: BTreeMap<String, FieldKind>,
}

/// The models, cached in memory (every evaluation of a segment over a score reads them).
#[derive(Clone)]
pub struct Models {
    tree: PlainTree<Stored>,
    cache: Arc<RwLock<Option<Arc<Vec<Model>>>>>,
}

impl Models {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(MODELS)?, cache: Arc::new(RwLock::new(None)) })
    }

    /// Every model, by key.
    pub fn all(&self) -> Result<Arc<Vec<Model>>> {
        if let Some(all) = self.cache.read().unwrap_or_else(|p| p.into_inner()).as_ref() {
            return Ok(all.clone());
        }
        let mut out = Vec::new();
        for item in self.tree.iter() {
            let (_, stored) = item?;
            match read(&stored) {
                Some(m) => out.push(m),
                None => tracing::error!(json = %stored.json, "a stored scoring model does not parse"),
            }
        }
        let out = Arc::new(out);
        *self.cache.write().unwrap_or_else(|p| p.into_inner()) = Some(out.clone());
        Ok(out)
    }

    pub fn get(&self, key: &str) -> Result<Option<Model>> {
        Ok(self.all()?.iter().find(|m| m.key == key).cloned())
    }

    /// Stores a model (uncommitted) with the types of the custom fields its rules read.
    pub fn put(&self, m: &Model, fields: BTreeMap<String, FieldKind>) -> Result<()> {
        let stored = Stored { json: m.to_json().to_string(), fields };
        self.tree.put(m.key.as_bytes(), &stored)?;
        self.forget();
        Ok(())
    }

    /// Removes a model (uncommitted); true when there was one.
    pub fn remove(&self, key: &str) -> Result<bool> {
        let r = self.tree.remove(key.as_bytes())?;
        self.forget();
        Ok(r)
    }

    fn forget(&self) {
        *self.cache.write().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

fn read(stored: &Stored) -> Option<Model> {
    let v: serde_json::Value = serde_json::from_str(&stored.json).ok()?;
    let fields = &stored.fields;
    let mut m = Model::parse(&v, &|k| fields.get(k).copied()).ok()?;
    m.version = v.get("version").and_then(serde_json::Value::as_u64).unwrap_or(1) as u32;
    Some(m)
}

/// Each model with the contact's score in it (None: they objected to profiling).
pub type Scores = Vec<(Model, Option<Breakdown>)>;

/// Computes scores: the models, and read access to what they count.
#[derive(Clone)]
pub struct Scorer {
    models: Models,
    contacts: Contacts,
    events: TrackStore,
    bounces: BounceRecords,
    submissions: crate::forms::SubmissionLog,
    /// Who tracking measures per person, in mail and on the website: scoring counts the same.
    engagement: EngagementPolicy,
    website: EngagementPolicy,
}

impl Scorer {
    pub fn new(
        store: &Store,
        contacts: Contacts,
        events: TrackStore,
        submissions: crate::forms::SubmissionLog,
        tracking: &crate::config::TrackingConfig,
    ) -> Result<Self> {
        Ok(Self {
            models: Models::open(store)?,
            contacts,
            events,
            bounces: BounceRecords::open(store)?,
            submissions,
            engagement: tracking.engagement,
            website: tracking.website_linking,
        })
    }

    /// Whether `purpose`'s measurement of the person is allowed now, by tracking's own rule
    /// ([`crate::tracking::person_allowed`]) under the policy that applies to it.
    fn measured(&self, consents: &ConsentStates, purpose: &str) -> bool {
        let policy = match purpose {
            score::ENGAGEMENT => self.engagement,
            score::WEBSITE_TRACKING => self.website,
            _ => return false,
        };
        crate::tracking::person_allowed(policy, consents.get(purpose).map(|(s, _)| *s))
    }

    pub fn models(&self) -> &Models {
        &self.models
    }

    /// The contacts' events, as scores read them (the segments read them too).
    pub fn events(&self) -> &TrackStore {
        &self.events
    }

    /// The contact's score in each model (only those in `keys` when given), each None when the
    /// person objected to profiling. `events`: the contact's events when the caller has read
    /// them already.
    pub fn scores(
        &self,
        contact: &Contact,
        consents: &ConsentStates,
        events: Option<&[Event]>,
        keys: Option<&BTreeSet<String>>,
        zone: Tz,
        now: DateTime<Utc>,
    ) -> Result<Scores> {
        let all = self.models.all()?;
        let models: Vec<&Model> = all.iter().filter(|m| keys.is_none_or(|k| k.contains(&m.key))).collect();
        if score::objected(consents) {
            // Nothing about the person is read for a score they objected to.
            return Ok(models.into_iter().map(|m| (m.clone(), None)).collect());
        }
        let any = |what: fn(&On) -> bool| models.iter().any(|m| m.reads(what));
        let loaded;
        let events = match events {
            Some(e) => e,
            None if any(|o| {
                matches!(
                    o,
                    On::Opened | On::Clicked { .. } | On::PageViewed { .. } | On::Custom { .. } | On::Ordered { .. }
                )
            }) =>
            {
                loaded = self.events.events_of(&contact.id, EVENTS_PER_CONTACT)?;
                &loaded
            }
            None => &[],
        };
        let forms: Vec<(String, DateTime<Utc>)> = if any(|o| matches!(o, On::FormSubmitted { .. })) {
            self.submissions.confirmed_of(&contact.id)?.into_iter().map(|(f, at)| (f.to_string(), at)).collect()
        } else {
            Vec::new()
        };
        let bounces: Vec<DateTime<Utc>> = if any(|o| matches!(o, On::Bounced)) {
            self.bounces
                .of_person(&contact.id.person())?
                .into_iter()
                .filter(|b| b.kind != BounceKind::Complaint)
                .map(|b| b.at)
                .collect()
        } else {
            Vec::new()
        };
        let unsubscribed_at = if contact.status == Status::Unsubscribed && any(|o| matches!(o, On::Unsubscribed)) {
            Some(self.unsubscribed_at(contact)?)
        } else {
            None
        };
        let measured = |purpose: &str| self.measured(consents, purpose);
        let facts = Facts {
            contact,
            consents,
            events,
            forms: &forms,
            bounces: &bounces,
            unsubscribed_at,
            zone,
            measured: &measured,
        };
        Ok(models.into_iter().map(|m| (m.clone(), score::score(m, &facts, now))).collect())
    }

    /// When the contact became `unsubscribed` (it is now): the newest entry of its history that
    /// changed the field `status`, read from the entry's list of changed fields (machine names),
    /// not from its words, which differ by path (an unsubscribe link, an admin's edit, an
    /// import, a merge) and may change between releases. No such entry: the contact has had its
    /// status since it was created.
    fn unsubscribed_at(&self, contact: &Contact) -> Result<DateTime<Utc>> {
        Ok(self
            .contacts
            .history(&contact.id)?
            .into_iter()
            .filter(|h| h.fields.iter().any(|f| f == STATUS_FIELD))
            .map(|h| h.at)
            .max()
            .unwrap_or(contact.created_at))
    }
}
