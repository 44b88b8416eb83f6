//! Version 6: privacy requests gain `notify_outcome` (Art. 19: the person is told when their
//! data is rectified or erased, or processing restricted, unless they asked not to be). Every
//! stored request is rewritten with it on, which is what the article asks by default.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Migration;
use crate::domain::{ContactId, RequestId};
use crate::gdpr::requests::{Channel, Kind, Request, State, Step, Verification};

pub const MIGRATION: Migration = Migration { version: 6, name: "request notify outcome", up };

/// A request as versions 1–5 wrote it.
#[derive(Serialize, Deserialize)]
struct V5 {
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
}

fn up(db: &sled::Db) -> Result<(), String> {
    let tree = db.open_tree(crate::gdpr::requests::REQUESTS).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        if postcard::from_bytes::<Request>(&v).is_ok() {
            continue;
        }
        let o: V5 = postcard::from_bytes(&v).map_err(|e| format!("reading a request: {e}"))?;
        let new = Request {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_requests_read_with_the_notice_on() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let now = Utc::now();
        let old = V5 {
            id: RequestId::new(),
            kind: Kind::Erasure,
            channel: Channel::Email,
            contact: None,
            subject_erased: false,
            received_at: now,
            due_at: now,
            extension_reason: None,
            verification: Verification::Pending,
            assignee: None,
            state: State::Open,
            closed_at: None,
            steps: vec![],
        };
        let tree = db.open_tree(crate::gdpr::requests::REQUESTS).unwrap();
        tree.insert(old.id.as_bytes(), postcard::to_allocvec(&old).unwrap()).unwrap();
        up(&db).unwrap();
        up(&db).unwrap();
        let (_, v) = tree.iter().next().unwrap().unwrap();
        let r: Request = postcard::from_bytes(&v).unwrap();
        assert!(r.notify_outcome);
        assert_eq!(r.kind, Kind::Erasure);
    }
}
