//! The register of data-subject requests (Art. 15–21): what was asked, how it arrived, whether
//! the requester is verified, when it is due, who handles it, what was done and answered.
//!
//! Trees:
//! - `dsr_requests`: request id → [`Request`] (plain): kind, dates, state and the steps taken,
//!   written by the system ("archive produced", "erasure carried out"), never free text about
//!   the person. It names the contact by id only, and erasing the person clears that id: the
//!   register keeps proof that an erasure was done without keeping whom it was for.
//! - `dsr_details`: contact ‖ request id → sealed [`Details`]: what the requester wrote, the
//!   response sent, notes. Erased with the person.

use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{ContactId, PersonId, RequestId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{PlainTree, Result, SealedTree, Store};

pub const REQUESTS: &str = "dsr_requests";
/// The sealing domain of [`Request::extension_reason`].
pub const EXTENSION_REASON: &str = "tidings/dsr-extension-reason";
pub const DETAILS: &str = "dsr_details";

pub const REGISTRATION: Registration = Registration {
    tree: REQUESTS,
    purpose: "the register of data-subject requests: kind, dates, state, steps taken",
    holds: Holds::Personal {
        categories: &["contact id", "requests made"],
        layout: Layout::Custom(forget_subject),
        export: Some(export_requests),
    },
};

pub const DETAILS_REGISTRATION: Registration = Registration {
    tree: DETAILS,
    purpose: "what a requester wrote and the responses sent",
    holds: Holds::Personal {
        categories: &["correspondence about the request"],
        layout: Layout::PersonPrefix,
        export: Some(export_details),
    },
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Art. 15
    Access,
    /// Art. 20
    Portability,
    /// Art. 16
    Rectification,
    /// Art. 17
    Erasure,
    /// Art. 18
    Restriction,
    /// Art. 21
    Objection,
    /// Art. 7(3)
    Withdrawal,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Access,
        Kind::Portability,
        Kind::Rectification,
        Kind::Erasure,
        Kind::Restriction,
        Kind::Objection,
        Kind::Withdrawal,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Access => "access",
            Kind::Portability => "portability",
            Kind::Rectification => "rectification",
            Kind::Erasure => "erasure",
            Kind::Restriction => "restriction",
            Kind::Objection => "objection",
            Kind::Withdrawal => "withdrawal",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Kind::Access => "Access (Art. 15)",
            Kind::Portability => "Data portability (Art. 20)",
            Kind::Rectification => "Rectification (Art. 16)",
            Kind::Erasure => "Erasure (Art. 17)",
            Kind::Restriction => "Restriction of processing (Art. 18)",
            Kind::Objection => "Objection (Art. 21)",
            Kind::Withdrawal => "Consent withdrawal (Art. 7(3))",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The self-service privacy portal (identity proven by the emailed link).
    Portal,
    Email,
    Letter,
    Phone,
    InPerson,
    Api,
}

impl Channel {
    pub const ALL: [Channel; 6] =
        [Channel::Portal, Channel::Email, Channel::Letter, Channel::Phone, Channel::InPerson, Channel::Api];

    pub fn as_str(&self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::Email => "email",
            Channel::Letter => "letter",
            Channel::Phone => "phone",
            Channel::InPerson => "in_person",
            Channel::Api => "api",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    Pending,
    Verified,
    /// The requester could not prove who they are: the request is refused (Art. 12(6)).
    Failed,
}

impl Verification {
    pub fn as_str(&self) -> &'static str {
        match self {
            Verification::Pending => "pending",
            Verification::Verified => "verified",
            Verification::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Verification> {
        [Verification::Pending, Verification::Verified, Verification::Failed].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Open,
    Done,
    Refused,
}

impl State {
    pub fn as_str(&self) -> &'static str {
        match self {
            State::Open => "open",
            State::Done => "done",
            State::Refused => "refused",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        [State::Open, State::Done, State::Refused].into_iter().find(|k| k.as_str() == s)
    }
}

/// One thing done about a request, by whom (an actor reference: `user:…`, `system`, `portal`);
/// `what` is a [`super::steps::StepText`] as its English sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub at: DateTime<Utc>,
    pub by: String,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub id: RequestId,
    pub kind: Kind,
    pub channel: Channel,
    /// None once the person was erased (or before the requester is matched to a contact).
    pub contact: Option<ContactId>,
    pub subject_erased: bool,
    pub received_at: DateTime<Utc>,
    /// One month after receipt, or up to three with an extension (Art. 12(3)).
    pub due_at: DateTime<Utc>,
    /// Why the deadline was extended (told to the requester within the first month).
    pub extension_reason: Option<String>,
    pub verification: Verification,
    /// A user id reference (`person:…`) of whoever handles it.
    pub assignee: Option<String>,
    pub state: State,
    pub closed_at: Option<DateTime<Utc>>,
    pub steps: Vec<Step>,
    /// Art. 19: tell the person when their data is rectified or erased, or processing
    /// restricted, on this request (unless they said they do not want to be told).
    pub notify_outcome: bool,
}

/// Free text about a request: personal data of the requester, sealed with their key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    pub message: String,
    pub response: String,
    pub notes: String,
}

/// How close to its deadline an open request is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Closed,
    OnTime,
    /// Due within [`NEARLY_DUE_DAYS`].
    NearlyDue,
    Overdue,
}

pub const NEARLY_DUE_DAYS: i64 = 7;

impl Request {
    pub fn new(kind: Kind, channel: Channel, contact: Option<ContactId>, received_at: DateTime<Utc>) -> Self {
        Request {
            id: RequestId::new(),
            kind,
            channel,
            contact,
            subject_erased: false,
            received_at,
            due_at: received_at.checked_add_months(Months::new(1)).unwrap_or(received_at),
            extension_reason: None,
            verification: if channel == Channel::Portal { Verification::Verified } else { Verification::Pending },
            assignee: None,
            state: State::Open,
            closed_at: None,
            steps: Vec::new(),
            notify_outcome: true,
        }
    }

    /// Why the deadline was extended, as staff wrote it (sealed with the person's key while
    /// the request names them; unreadable once they are erased).
    pub fn extension_reason_text(&self, store: &Store) -> Result<Option<String>> {
        self.extension_reason
            .as_deref()
            .map(|v| store.open_text(self.contact.as_ref().map(|c| c.person()).as_ref(), EXTENSION_REASON, v))
            .transpose()
    }

    /// The latest a deadline may be moved to: three months after receipt.
    pub fn latest_due(&self) -> DateTime<Utc> {
        self.received_at.checked_add_months(Months::new(3)).unwrap_or(self.received_at)
    }

    pub fn urgency(&self, now: DateTime<Utc>) -> Urgency {
        if self.state != State::Open {
            Urgency::Closed
        } else if now > self.due_at {
            Urgency::Overdue
        } else if self.due_at - now <= chrono::Duration::days(NEARLY_DUE_DAYS) {
            Urgency::NearlyDue
        } else {
            Urgency::OnTime
        }
    }

    pub fn step(&mut self, by: &str, what: super::steps::StepText) {
        self.steps.push(Step { at: Utc::now(), by: by.to_string(), what: what.to_string() });
    }
}

#[derive(Clone)]
pub struct Requests {
    store: Store,
    requests: PlainTree<Request>,
    by_contact: sled::Tree,
    details: SealedTree<Details>,
}

pub const BY_CONTACT: &str = "dsr_by_contact";

pub const BY_CONTACT_REGISTRATION: Registration = Registration {
    tree: BY_CONTACT,
    purpose: "which requests a contact made (lookup)",
    holds: Holds::Personal { categories: &["contact id"], layout: Layout::PersonPrefix, export: None },
};

fn pair(c: &ContactId, r: &RequestId) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..16].copy_from_slice(c.as_bytes());
    k[16..].copy_from_slice(r.as_bytes());
    k
}

impl Requests {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            store: store.clone(),
            requests: store.plain(REQUESTS)?,
            by_contact: store.tree(BY_CONTACT)?,
            details: store.sealed(DETAILS)?,
        })
    }

    pub fn get(&self, id: &RequestId) -> Result<Option<Request>> {
        self.requests.get(id.as_bytes())
    }

    /// Saves (uncommitted).
    pub fn put(&self, r: &Request) -> Result<()> {
        self.requests.put(r.id.as_bytes(), r)?;
        if let Some(c) = &r.contact {
            let _gate = self.store.write_gate();
            self.by_contact.insert(pair(c, &r.id), &[])?;
        }
        Ok(())
    }

    pub fn details(&self, r: &Request) -> Result<Details> {
        let Some(c) = &r.contact else { return Ok(Details::default()) };
        Ok(self.details.get(&pair(c, &r.id))?.map(|(_, d)| d).unwrap_or_default())
    }

    pub fn put_details(&self, r: &Request, d: &Details) -> Result<()> {
        let Some(c) = &r.contact else { return Ok(()) };
        self.details.put(&c.person(), &pair(c, &r.id), d)
    }

    /// Every request, newest first.
    pub fn all(&self) -> Result<Vec<Request>> {
        self.requests.iter().rev().map(|r| r.map(|(_, v)| v)).collect()
    }

    /// Removes a request and what was filed with it (retention of closed requests).
    pub fn remove(&self, r: &Request) -> Result<()> {
        self.requests.remove(r.id.as_bytes())?;
        if let Some(c) = &r.contact {
            self.details.remove(&pair(c, &r.id))?;
            let _gate = self.store.write_gate();
            self.by_contact.remove(pair(c, &r.id))?;
        }
        Ok(())
    }

    pub fn of_contact(&self, c: &ContactId) -> Result<Vec<Request>> {
        let mut out = Vec::new();
        for item in self.by_contact.scan_prefix(c.as_bytes()).rev() {
            let (k, _) = item?;
            if let Some(r) = RequestId::from_slice(&k[16..32]).map(|id| self.get(&id)).transpose()?.flatten() {
                out.push(r);
            }
        }
        Ok(out)
    }
}

fn export_requests(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let requests = Requests::open(store)?;
    Ok(requests
        .of_contact(&ContactId::from(*person))?
        .into_iter()
        .map(|r| serde_json::to_value(r).unwrap_or(serde_json::Value::Null))
        .collect())
}

fn export_details(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let t: SealedTree<Details> = store.sealed(DETAILS)?;
    Ok(t.scan_prefix(person.as_bytes())?
        .into_iter()
        .map(|(_, d)| serde_json::to_value(d).unwrap_or(serde_json::Value::Null))
        .collect())
}

/// Erasure: the person's requests stay in the register (proof of what was done and when) but
/// no longer say for whom.
fn forget_subject(store: &Store, person: &PersonId) -> Result<usize> {
    let requests = Requests::open(store)?;
    let contact = ContactId::from(*person);
    let mut n = 0;
    for mut r in requests.of_contact(&contact)? {
        r.contact = None;
        r.subject_erased = true;
        requests.requests.put(r.id.as_bytes(), &r)?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_month_to_answer_three_at_most_and_urgency() {
        let received = Utc.with_ymd_and_hms(2026, 1, 31, 10, 0, 0).unwrap();
        let r = Request::new(Kind::Access, Channel::Email, None, received);
        assert_eq!(r.due_at, Utc.with_ymd_and_hms(2026, 2, 28, 10, 0, 0).unwrap(), "end of a shorter month");
        assert_eq!(r.latest_due(), Utc.with_ymd_and_hms(2026, 4, 30, 10, 0, 0).unwrap());
        assert_eq!(r.urgency(received), Urgency::OnTime);
        assert_eq!(r.urgency(r.due_at - chrono::Duration::days(2)), Urgency::NearlyDue);
        assert_eq!(r.urgency(r.due_at + chrono::Duration::hours(1)), Urgency::Overdue);
        assert_eq!(Request::new(Kind::Access, Channel::Portal, None, received).verification, Verification::Verified);
    }
}
