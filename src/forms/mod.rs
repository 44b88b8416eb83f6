//! Subscribe forms: the form definitions built in the admin UI, what people submit through them
//! (kept so that consent can be proven), signed confirmation links, the proof-of-work challenge
//! and the rate limits of the public endpoints.
//!
//! Trees:
//! - `forms`: form id → [`Form`] (plain: the controller's texts and choices, no personal data);
//! - `form_stats`: form id → [`Counts`] (plain counters);
//! - `form_submissions`: `contact id ‖ seq` → sealed [`Submission`]: values, purposes ticked with
//!   the wording version shown, truncated IP, browser family, times;
//! - `form_pending`: `submitted-at (s, BE) ‖ contact id ‖ seq` → form id: the sign-ups still
//!   waiting for confirmation, in time order, for the daily cleanup.

pub mod languages;
pub mod ops;
pub mod pow;

use std::collections::BTreeMap;
use std::fmt;
use std::num::NonZeroU32;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use uuid::Uuid;

use crate::domain::{ContactId, EmailAddress, PersonId, TruncatedIp};
use crate::store::registry::Layout;
use crate::store::{Holds, Keyring, PlainTree, Registration, Result, SealedTree, Store, Writes};

pub const FORMS: &str = "forms";
pub const STATS: &str = "form_stats";
pub const SUBMISSIONS: &str = "form_submissions";
pub const PENDING: &str = "form_pending";

pub const REGISTRATION: Registration = Registration {
    tree: FORMS,
    purpose: "subscribe forms: texts, fields asked, lists, purposes, options",
    holds: Holds::Nothing { why: "written by the controller; names no person" },
};

pub const STATS_REGISTRATION: Registration = Registration {
    tree: STATS,
    purpose: "per form: how many submissions, confirmations and removed sign-ups",
    holds: Holds::Nothing { why: "counters only" },
};

pub const SUBMISSIONS_REGISTRATION: Registration = Registration {
    tree: SUBMISSIONS,
    purpose: "what a person submitted through a subscribe form, to prove consent: values, purposes ticked \
              with the wording version shown, truncated IP, browser family, submission and confirmation times",
    holds: Holds::Personal {
        categories: &["contact details", "custom fields", "consents", "truncated IP address", "browser family"],
        layout: Layout::PersonPrefix,
        export: Some(export_submissions),
    },
};

pub const PENDING_REGISTRATION: Registration = Registration {
    tree: PENDING,
    purpose: "sign-ups waiting for confirmation, in time order, for the daily removal of unconfirmed ones",
    holds: Holds::Personal { categories: &["contact id"], layout: Layout::Custom(erase_pending), export: None },
};

fn export_submissions(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let t: SealedTree<Submission> = store.sealed(SUBMISSIONS)?;
    Ok(t.scan_prefix(person.as_bytes())?.into_iter().map(|(_, s)| s.to_json()).collect())
}

fn erase_pending(store: &Store, person: &PersonId) -> Result<usize> {
    store.remove_where(&store.tree(PENDING)?, |k, _| k.get(8..24) == Some(person.as_bytes().as_slice()))
}

/// A form's id: time-ordered, so the list shows the newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FormId(Uuid);

impl FormId {
    pub fn new() -> Self {
        Self(Uuid::now_v7())
    }
    pub fn as_bytes(&self) -> &[u8; 16] {
        self.0.as_bytes()
    }
    pub fn from_slice(b: &[u8]) -> Option<Self> {
        Uuid::from_slice(b).ok().map(Self)
    }
    /// `form:<id>`: the audit target, the contact's `source_ref` and the outbox caller.
    pub fn reference(&self) -> String {
        format!("form:{}", self.0)
    }
}

impl Default for FormId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for FormId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for FormId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Self)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub id: FormId,
    /// For the admin list.
    pub name: String,
    /// Heading and introduction on the hosted page.
    pub title: String,
    pub intro: String,
    pub ask_first_name: bool,
    pub ask_last_name: bool,
    /// Keys of custom fields asked (validated as everywhere else).
    pub custom_fields: Vec<String>,
    /// List slugs the person is put on once confirmed.
    pub lists: Vec<String>,
    /// Purpose keys asked for, each an unticked checkbox with its wording.
    pub purposes: Vec<String>,
    pub double_opt_in: bool,
    /// Shown after a submission (and after confirming).
    pub thank_you: String,
    pub proof_of_work: bool,
    /// Where the browser goes after a submission: https, or a path on this site. Empty: our page.
    pub redirect_url: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Of `purposes`, those a sign-up must tick (the newsletter box, typically): without them
    /// the form is refused with the box named, not accepted as a subscriber who cannot be mailed.
    pub required_purposes: Vec<String>,
}

impl Form {
    pub fn to_json(&self, counts: &Counts, public_url: &str) -> serde_json::Value {
        serde_json::json!({
            "id": self.id, "name": self.name, "title": self.title, "intro": self.intro,
            "ask_first_name": self.ask_first_name, "ask_last_name": self.ask_last_name,
            "custom_fields": self.custom_fields, "lists": self.lists, "purposes": self.purposes,
            "required_purposes": self.required_purposes,
            "double_opt_in": self.double_opt_in, "thank_you": self.thank_you,
            "proof_of_work": self.proof_of_work, "redirect_url": self.redirect_url,
            "created_by": self.created_by, "created_at": self.created_at, "updated_at": self.updated_at,
            "hosted_url": format!("{public_url}/f/{}", self.id),
            "counts": { "submissions": counts.submitted, "confirmed": counts.confirmed, "pending": counts.pending(),
                        "removed_unconfirmed": counts.removed },
        })
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub submitted: u64,
    pub confirmed: u64,
    /// Unconfirmed sign-ups removed by the cleanup.
    pub removed: u64,
}

impl Counts {
    /// Waiting for confirmation (an erasure in between makes this an upper bound).
    pub fn pending(&self) -> u64 {
        self.submitted.saturating_sub(self.confirmed + self.removed)
    }
}

/// What one person submitted through a form, sealed with their key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub form: FormId,
    pub at: DateTime<Utc>,
    /// Field key (`email`, `first_name`, `custom.<key>`) → the text submitted.
    pub values: BTreeMap<String, String>,
    /// (purpose, wording version shown) for each box ticked.
    pub purposes: Vec<(String, u32)>,
    pub ip: Option<TruncatedIp>,
    /// Browser family and OS, never the raw header.
    pub user_agent: String,
    /// The contact did not exist before this submission (so an unconfirmed one is removed whole).
    pub created_contact: bool,
    pub confirmed_at: Option<DateTime<Utc>>,
}

impl Submission {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "form": self.form, "submitted_at": self.at, "values": self.values,
            "purposes": self.purposes.iter().map(|(p, v)| serde_json::json!({"purpose": p, "wording_version": v})).collect::<Vec<_>>(),
            "ip": self.ip.map(|i| i.to_string()), "user_agent": self.user_agent,
            "confirmed_at": self.confirmed_at,
        })
    }
}

fn submission_key(contact: &ContactId, seq: u64) -> [u8; 24] {
    let mut k = [0u8; 24];
    k[..16].copy_from_slice(contact.as_bytes());
    k[16..].copy_from_slice(&seq.to_be_bytes());
    k
}

fn pending_key(at: DateTime<Utc>, contact: &ContactId, seq: u64) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..8].copy_from_slice(&(at.timestamp().max(0) as u64).to_be_bytes());
    k[8..24].copy_from_slice(contact.as_bytes());
    k[24..].copy_from_slice(&seq.to_be_bytes());
    k
}

/// A sign-up waiting for confirmation, as the cleanup sees it.
pub struct PendingSignUp {
    pub at: i64,
    pub contact: ContactId,
    pub seq: u64,
    pub form: Option<FormId>,
}

/// The confirmed form submissions of a contact, read-only: what lead scoring counts (a
/// double opt-in never confirmed may have been typed by someone else).
#[derive(Clone)]
pub struct SubmissionLog(SealedTree<Submission>);

impl SubmissionLog {
    /// (form, when submitted) of each confirmed submission, oldest first.
    pub fn confirmed_of(&self, contact: &ContactId) -> Result<Vec<(FormId, DateTime<Utc>)>> {
        Ok(self
            .0
            .scan_prefix(contact.as_bytes())?
            .into_iter()
            .filter(|(_, s)| s.confirmed_at.is_some())
            .map(|(_, s)| (s.form, s.at))
            .collect())
    }
}

/// The form repositories and the public endpoints' abuse controls.
pub struct Forms {
    store: Store,
    forms: PlainTree<Form>,
    stats: PlainTree<Counts>,
    submissions: SealedTree<Submission>,
    pending: sled::Tree,
    pub languages: languages::Languages,
    pub per_ip: DefaultKeyedRateLimiter<std::net::IpAddr>,
    pub per_address: DefaultKeyedRateLimiter<[u8; 32]>,
    pub challenges: pow::Spent,
}

impl Forms {
    pub fn open(store: &Store, config: &crate::config::FormsConfig) -> Result<Self> {
        let nz = |n: u32| NonZeroU32::new(n.max(1)).expect("non-zero");
        Ok(Self {
            forms: store.plain(FORMS)?,
            stats: store.plain(STATS)?,
            submissions: store.sealed(SUBMISSIONS)?,
            pending: store.tree(PENDING)?,
            languages: languages::Languages::open(store)?,
            per_ip: RateLimiter::keyed(Quota::per_minute(nz(config.per_ip_per_minute))),
            per_address: RateLimiter::keyed(Quota::per_hour(nz(config.per_address_per_hour))),
            challenges: pow::Spent::default(),
            store: store.clone(),
        })
    }

    pub fn all(&self) -> Result<Vec<Form>> {
        let mut out: Vec<Form> = self.forms.iter().map(|r| r.map(|(_, f)| f)).collect::<Result<_>>()?;
        out.reverse();
        Ok(out)
    }

    pub fn get(&self, id: &FormId) -> Result<Option<Form>> {
        self.forms.get(id.as_bytes())
    }

    pub fn put(&self, f: &Form) -> Result<()> {
        self.forms.put(f.id.as_bytes(), f)
    }

    pub fn remove(&self, id: &FormId) -> Result<bool> {
        self.stats.remove(id.as_bytes())?;
        self.languages.remove(id)?;
        self.forms.remove(id.as_bytes())
    }

    pub fn counts(&self, id: &FormId) -> Result<Counts> {
        Ok(self.stats.get(id.as_bytes())?.unwrap_or_default())
    }

    /// Adds to a form's counters (uncommitted). Callers for one form may race; the counts are
    /// for display, and a lost increment is corrected by nothing worse than a stale number.
    pub fn count(&self, id: &FormId, f: impl FnOnce(&mut Counts)) -> Result<()> {
        let mut c = self.counts(id)?;
        f(&mut c);
        self.stats.put(id.as_bytes(), &c)
    }

    /// Stores a submission as number `seq` (uncommitted; the public intake's id of the sign-up,
    /// so that carrying it out again writes the same record), and marks it pending unless
    /// already confirmed.
    /// Adds a new submission's writes to `writes` (for one transaction with its entry on the
    /// change feed).
    pub fn stage_submission(&self, writes: &mut Writes, contact: &ContactId, seq: u64, s: &Submission) -> Result<()> {
        self.submissions.stage_put(writes, &contact.person(), &submission_key(contact, seq), s)?;
        if s.confirmed_at.is_none() {
            writes.put(&self.pending, pending_key(s.at, contact, seq).to_vec(), s.form.as_bytes().to_vec());
        }
        Ok(())
    }

    pub fn submission(&self, contact: &ContactId, seq: u64) -> Result<Option<Submission>> {
        Ok(self.submissions.get(&submission_key(contact, seq))?.map(|(_, s)| s))
    }

    /// The submissions, read-only, for another room to hold.
    pub fn submission_log(&self) -> SubmissionLog {
        SubmissionLog(self.submissions.clone())
    }

    pub fn submissions_of(&self, contact: &ContactId) -> Result<Vec<Submission>> {
        Ok(self.submissions.scan_prefix(contact.as_bytes())?.into_iter().map(|(_, s)| s).collect())
    }

    /// Adds to `writes` the submission marked confirmed and its removal from the pending index
    /// (for one transaction with its entry on the change feed).
    pub fn stage_confirmation(&self, writes: &mut Writes, contact: &ContactId, seq: u64, s: &Submission) -> Result<()> {
        self.submissions.stage_put(writes, &contact.person(), &submission_key(contact, seq), s)?;
        writes.remove(&self.pending, pending_key(s.at, contact, seq).to_vec());
        Ok(())
    }

    /// Removes one unconfirmed submission and its pending entry (uncommitted).
    pub fn remove_submission(&self, p: &PendingSignUp) -> Result<()> {
        self.submissions.remove(&submission_key(&p.contact, p.seq))?;
        let mut k = [0u8; 32];
        k[..8].copy_from_slice(&(p.at.max(0) as u64).to_be_bytes());
        k[8..24].copy_from_slice(p.contact.as_bytes());
        k[24..].copy_from_slice(&p.seq.to_be_bytes());
        let _gate = self.store.write_gate();
        self.pending.remove(k)?;
        Ok(())
    }

    /// Sign-ups submitted before `before` and still unconfirmed, oldest first.
    pub fn pending_before(&self, before: DateTime<Utc>, limit: usize) -> Result<Vec<PendingSignUp>> {
        let end = (before.timestamp().max(0) as u64).to_be_bytes();
        let mut out = Vec::new();
        for item in self.pending.range(..end.as_slice()) {
            let (k, v) = item?;
            if k.len() != 32 {
                continue;
            }
            let Some(contact) = ContactId::from_slice(&k[8..24]) else { continue };
            out.push(PendingSignUp {
                at: u64::from_be_bytes(k[..8].try_into().expect("8 bytes")) as i64,
                contact,
                seq: u64::from_be_bytes(k[24..].try_into().expect("8 bytes")),
                form: FormId::from_slice(&v),
            });
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }
}

// ---- signed confirmation links

const TOKEN_MAC: &str = "tidings/form-confirm";
const TOKEN_LEN: usize = 16 + 16 + 8 + 8 + 16;

/// What a confirmation link names: one submission of one contact through one form, until `expires`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConfirmToken {
    pub contact: ContactId,
    pub form: FormId,
    pub seq: u64,
    pub expires: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Not a token of ours, or altered.
    Invalid,
    Expired,
}

impl ConfirmToken {
    fn body(&self) -> [u8; TOKEN_LEN - 16] {
        let mut b = [0u8; TOKEN_LEN - 16];
        b[..16].copy_from_slice(self.contact.as_bytes());
        b[16..32].copy_from_slice(self.form.as_bytes());
        b[32..40].copy_from_slice(&self.seq.to_be_bytes());
        b[40..48].copy_from_slice(&self.expires.to_be_bytes());
        b
    }

    /// `base64url(contact ‖ form ‖ seq ‖ expiry ‖ HMAC)`, the HMAC under a key of its own
    /// (the lookup key with this use's domain label), truncated to 128 bits.
    pub fn sign(&self, keyring: &Keyring) -> String {
        use base64::Engine;
        let body = self.body();
        let mac = keyring.lookup_hash(TOKEN_MAC, &body);
        let mut raw = body.to_vec();
        raw.extend_from_slice(&mac[..16]);
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
    }

    pub fn verify(keyring: &Keyring, token: &str, now: DateTime<Utc>) -> std::result::Result<Self, TokenError> {
        use base64::Engine;
        if token.len() > 128 {
            return Err(TokenError::Invalid);
        }
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(token).map_err(|_| TokenError::Invalid)?;
        if raw.len() != TOKEN_LEN {
            return Err(TokenError::Invalid);
        }
        let (body, mac) = raw.split_at(TOKEN_LEN - 16);
        let want = keyring.lookup_hash(TOKEN_MAC, body);
        if !bool::from(want[..16].ct_eq(mac)) {
            return Err(TokenError::Invalid);
        }
        let t = ConfirmToken {
            contact: ContactId::from_slice(&body[..16]).ok_or(TokenError::Invalid)?,
            form: FormId::from_slice(&body[16..32]).ok_or(TokenError::Invalid)?,
            seq: u64::from_be_bytes(body[32..40].try_into().expect("8 bytes")),
            expires: i64::from_be_bytes(body[40..48].try_into().expect("8 bytes")),
        };
        if now.timestamp() > t.expires {
            return Err(TokenError::Expired);
        }
        Ok(t)
    }
}

/// The keyed hash that rate-limits an address without holding it in memory in plaintext.
pub fn address_key(keyring: &Keyring, email: &EmailAddress) -> [u8; 32] {
    keyring.lookup_hash("tidings/form-rate", email.as_str().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SecretKey;

    #[test]
    fn confirmation_tokens_are_signed_and_expire() {
        let ring = Keyring::new(SecretKey::random());
        let now = Utc::now();
        let t = ConfirmToken { contact: ContactId::new(), form: FormId::new(), seq: 42, expires: now.timestamp() + 60 };
        let s = t.sign(&ring);
        assert_eq!(ConfirmToken::verify(&ring, &s, now), Ok(t));
        assert_eq!(ConfirmToken::verify(&ring, &s, now + chrono::Duration::seconds(61)), Err(TokenError::Expired));
        // Any altered character is refused, and so is another key's token.
        let mut chars: Vec<char> = s.chars().collect();
        chars[5] = if chars[5] == 'A' { 'B' } else { 'A' };
        let altered: String = chars.into_iter().collect();
        assert_eq!(ConfirmToken::verify(&ring, &altered, now), Err(TokenError::Invalid));
        let other = Keyring::new(SecretKey::random());
        assert_eq!(ConfirmToken::verify(&other, &s, now), Err(TokenError::Invalid));
        assert_eq!(ConfirmToken::verify(&ring, "garbage", now), Err(TokenError::Invalid));
    }
}
