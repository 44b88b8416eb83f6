//! Version 6: privacy requests gain `notify_outcome` (Art. 19: the person is told when their
//! data is rectified or erased, or processing restricted, unless they asked not to be). Every
//! stored request is rewritten with it on, which is what the article asks by default.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Inputs, Migration};
use crate::domain::{ContactId, RequestId};

pub const MIGRATION: Migration = Migration { version: 6, name: "request notify outcome", up };

/// The privacy requests' tree, as versions 1–6 named it.
const REQUESTS: &str = "dsr_requests";

// The parts of a request, as versions 1–6 write them. postcard stores a variant by its position
// (the names are for the reader): later versions may add variants at the end, never between.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Kind {
    Access,
    Portability,
    Rectification,
    Erasure,
    Restriction,
    Objection,
    Withdrawal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Channel {
    Portal,
    Email,
    Letter,
    Phone,
    InPerson,
    Api,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Verification {
    Pending,
    Verified,
    Failed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum State {
    Open,
    Done,
    Refused,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Step {
    pub(crate) at: DateTime<Utc>,
    pub(crate) by: String,
    pub(crate) what: String,
}

/// A request as versions 1–5 wrote it.
#[derive(Serialize, Deserialize)]
pub(crate) struct V5 {
    pub(crate) id: RequestId,
    pub(crate) kind: Kind,
    pub(crate) channel: Channel,
    pub(crate) contact: Option<ContactId>,
    pub(crate) subject_erased: bool,
    pub(crate) received_at: DateTime<Utc>,
    pub(crate) due_at: DateTime<Utc>,
    pub(crate) extension_reason: Option<String>,
    pub(crate) verification: Verification,
    pub(crate) assignee: Option<String>,
    pub(crate) state: State,
    pub(crate) closed_at: Option<DateTime<Utc>>,
    pub(crate) steps: Vec<Step>,
}

/// A request as version 6 writes it: `notify_outcome` last.
#[derive(Serialize, Deserialize)]
struct V6 {
    id: RequestId,
    kind: Kind,
    channel: Channel,
    contact: Option<ContactId>,
    subject_erased: bool,
    received_at: DateTime<Utc>,
    due_at: DateTime<Utc>,
    extension_reason: Option<String>,
    verification: Verification,
    assignee: Option<String>,
    state: State,
    closed_at: Option<DateTime<Utc>>,
    steps: Vec<Step>,
    notify_outcome: bool,
}

pub(crate) fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let tree = db.open_tree(REQUESTS).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        if postcard::from_bytes::<V6>(&v).is_ok() {
            continue;
        }
        let o: V5 = postcard::from_bytes(&v).map_err(|e| format!("reading a request: {e}"))?;
        let new = V6 {
            id: o.id,
            kind: o.kind,
            channel: o.channel,
            contact: o.contact,
            subject_erased: o.subject_erased,
            received_at: o.received_at,
            due_at: o.due_at,
            extension_reason: o.extension_reason,
            verification: o.verification,
            assignee: o.assignee,
            state: o.state,
            closed_at: o.closed_at,
            steps: o.steps,
            notify_outcome: true,
        };
        tree.insert(k, postcard::to_allocvec(&new).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    }
    Ok(())
}
