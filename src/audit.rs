//! Append-only, hash-chained audit log.
//!
//! Each entry carries the MAC of the one before it and its own MAC under a key derived from the
//! master key, and a signed head records the last entry: an edited, reordered, inserted or
//! deleted entry (the last one included) breaks the chain and `tidings audit verify` names it.
//!
//! Entries name admin users by id, never by email or name. Contacts are named by a pseudonym
//! (`subject:…`): a MAC of the contact id under that person's own data key. While the person
//! exists, `audit_subjects` turns the pseudonym back into `contact:<id>` for display and
//! queries; erasure destroys the key and that mapping, so entries written about the person no
//! longer resolve to anyone, while every entry stays as written and the chain still verifies.
//!
//! Retention removes the oldest entries past their period. The chain then starts at a signed
//! anchor (the first kept entry's sequence number and the MAC it follows), so what remains
//! still verifies and a removal by anyone without the audit key is still detected.

use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sled::Transactional;

use crate::domain::{ContactId, PersonId, TokenId, TruncatedIp};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, Store, StoreError};

pub const TREE: &str = "audit";
pub const SUBJECTS: &str = "audit_subjects";
const HEAD_KEY: &[u8] = b"audit_head";
const ANCHOR_KEY: &[u8] = b"audit_anchor";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "who did what and when, for accountability (GDPR Art. 5(2))",
    holds: Holds::Retained {
        categories: &["admin user ids", "contact pseudonyms", "truncated IP addresses", "actions taken"],
        why: "the controller must be able to show what was done; entries hold admin ids and contact pseudonyms \
              that stop resolving when the contact is erased",
        export: export_person,
    },
};

pub const SUBJECTS_REGISTRATION: Registration = Registration {
    tree: SUBJECTS,
    purpose: "which contact each pseudonym in the audit log stands for, while the contact exists",
    holds: Holds::Personal { categories: &["contact id"], layout: Layout::Custom(forget_subjects), export: None },
};

/// How audit entries name a contact.
pub const SUBJECT_PREFIX: &str = "subject:";
/// Written when a contact was already gone when the entry was made.
pub const ERASED_SUBJECT: &str = "subject:erased";

/// Stored with postcard, which cannot read internally or adjacently tagged enums: keep the
/// default representation and present `reference()` to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    User(PersonId),
    Token(TokenId),
    /// The command-line tool run by the operator on the host.
    Cli,
    /// The server itself (scheduler, start-up).
    System,
    /// Someone not signed in (a failed login names its target instead).
    Anonymous,
}

impl Actor {
    pub fn reference(&self) -> String {
        match self {
            Actor::User(p) => p.reference(),
            Actor::Token(t) => t.reference(),
            Actor::Cli => "cli".into(),
            Actor::System => "system".into(),
            Actor::Anonymous => "anonymous".into(),
        }
    }
}

/// What happened. The string form is what is stored, so variants can be added freely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Login,
    LoginFailed,
    LoginSecondFactorFailed,
    Lockout,
    Unlock,
    Logout,
    SessionsRevoked,
    PasswordChanged,
    PasswordReset,
    TotpEnrolled,
    TotpDisabled,
    RecoveryCodeUsed,
    RecoveryCodesRegenerated,
    UserCreated,
    UserRoleChanged,
    UserDisabled,
    UserEnabled,
    TokenCreated,
    TokenRevoked,
    SettingsChanged,
    BackupCreated,
    BackupRestored,
    ServerStarted,
    ContactCreated,
    ContactUpdated,
    ContactDeleted,
    ContactsMerged,
    ContactUnmasked,
    ConsentRecorded,
    ContactsExported,
    ContactsImported,
    ContactsBulkUpserted,
    ContactsBulkAction,
    FieldCreated,
    FieldChanged,
    FieldDeleted,
    PurposeCreated,
    PurposeChanged,
    ListCreated,
    ListChanged,
    ListDeleted,
    SavedSearchSaved,
    SavedSearchDeleted,
    SearchReindexed,
    MailTestSent,
    ContactStatusChanged,
    CampaignCreated,
    CampaignChanged,
    CampaignScheduled,
    CampaignStarted,
    CampaignPaused,
    CampaignResumed,
    CampaignCancelled,
    CampaignFinished,
    TemplateSaved,
    TemplateDeleted,
    FormCreated,
    FormChanged,
    FormDeleted,
    MessageQueued,
    RequestCreated,
    RequestChanged,
    RequestArchiveProduced,
    ContactErased,
    ContactRestricted,
    ContactRestrictionLifted,
    RetentionRun,
    RetentionPolicyChanged,
    BreachRecorded,
    BreachAssessed,
    BreachChanged,
    BreachNoticeQueued,
    MediaUploaded,
    MediaChanged,
    MediaDeleted,
    SegmentSaved,
    SegmentDeleted,
    ScoreModelSaved,
    ScoreModelDeleted,
    JourneySaved,
    JourneyPublished,
    JourneyStateChanged,
    JourneyDeleted,
    JourneyEnrolled,
}

impl Action {
    pub const ALL: [Action; 84] = [
        Action::Login,
        Action::LoginFailed,
        Action::LoginSecondFactorFailed,
        Action::Lockout,
        Action::Unlock,
        Action::Logout,
        Action::SessionsRevoked,
        Action::PasswordChanged,
        Action::PasswordReset,
        Action::TotpEnrolled,
        Action::TotpDisabled,
        Action::RecoveryCodeUsed,
        Action::RecoveryCodesRegenerated,
        Action::UserCreated,
        Action::UserRoleChanged,
        Action::UserDisabled,
        Action::UserEnabled,
        Action::TokenCreated,
        Action::TokenRevoked,
        Action::SettingsChanged,
        Action::BackupCreated,
        Action::BackupRestored,
        Action::ServerStarted,
        Action::ContactCreated,
        Action::ContactUpdated,
        Action::ContactDeleted,
        Action::ContactsMerged,
        Action::ContactUnmasked,
        Action::ConsentRecorded,
        Action::ContactsExported,
        Action::ContactsImported,
        Action::ContactsBulkUpserted,
        Action::ContactsBulkAction,
        Action::FieldCreated,
        Action::FieldChanged,
        Action::FieldDeleted,
        Action::PurposeCreated,
        Action::PurposeChanged,
        Action::ListCreated,
        Action::ListChanged,
        Action::ListDeleted,
        Action::SavedSearchSaved,
        Action::SavedSearchDeleted,
        Action::SearchReindexed,
        Action::MailTestSent,
        Action::ContactStatusChanged,
        Action::CampaignCreated,
        Action::CampaignChanged,
        Action::CampaignScheduled,
        Action::CampaignStarted,
        Action::CampaignPaused,
        Action::CampaignResumed,
        Action::CampaignCancelled,
        Action::CampaignFinished,
        Action::TemplateSaved,
        Action::TemplateDeleted,
        Action::FormCreated,
        Action::FormChanged,
        Action::FormDeleted,
        Action::MessageQueued,
        Action::RequestCreated,
        Action::RequestChanged,
        Action::RequestArchiveProduced,
        Action::ContactErased,
        Action::ContactRestricted,
        Action::ContactRestrictionLifted,
        Action::RetentionRun,
        Action::RetentionPolicyChanged,
        Action::BreachRecorded,
        Action::BreachAssessed,
        Action::BreachChanged,
        Action::BreachNoticeQueued,
        Action::MediaUploaded,
        Action::MediaChanged,
        Action::MediaDeleted,
        Action::SegmentSaved,
        Action::SegmentDeleted,
        Action::ScoreModelSaved,
        Action::ScoreModelDeleted,
        Action::JourneySaved,
        Action::JourneyPublished,
        Action::JourneyStateChanged,
        Action::JourneyDeleted,
        Action::JourneyEnrolled,
    ];

    pub fn as_str(&self) -> &'static str {
        use Action::*;
        match self {
            Login => "auth.login",
            LoginFailed => "auth.login_failed",
            LoginSecondFactorFailed => "auth.second_factor_failed",
            Lockout => "auth.lockout",
            Unlock => "auth.unlock",
            Logout => "auth.logout",
            SessionsRevoked => "auth.sessions_revoked",
            PasswordChanged => "auth.password_changed",
            PasswordReset => "auth.password_reset",
            TotpEnrolled => "auth.totp_enrolled",
            TotpDisabled => "auth.totp_disabled",
            RecoveryCodeUsed => "auth.recovery_code_used",
            RecoveryCodesRegenerated => "auth.recovery_codes_regenerated",
            UserCreated => "user.created",
            UserRoleChanged => "user.role_changed",
            UserDisabled => "user.disabled",
            UserEnabled => "user.enabled",
            TokenCreated => "token.created",
            TokenRevoked => "token.revoked",
            SettingsChanged => "settings.changed",
            BackupCreated => "backup.created",
            BackupRestored => "backup.restored",
            ServerStarted => "system.started",
            ContactCreated => "contact.created",
            ContactUpdated => "contact.updated",
            ContactDeleted => "contact.deleted",
            ContactsMerged => "contact.merged",
            ContactUnmasked => "contact.unmasked",
            ConsentRecorded => "contact.consent_recorded",
            ContactsExported => "contacts.exported",
            ContactsImported => "contacts.imported",
            ContactsBulkUpserted => "contacts.bulk_upserted",
            ContactsBulkAction => "contacts.bulk_action",
            FieldCreated => "field.created",
            FieldChanged => "field.changed",
            FieldDeleted => "field.deleted",
            PurposeCreated => "purpose.created",
            PurposeChanged => "purpose.changed",
            ListCreated => "list.created",
            ListChanged => "list.changed",
            ListDeleted => "list.deleted",
            SavedSearchSaved => "saved_search.saved",
            SavedSearchDeleted => "saved_search.deleted",
            SearchReindexed => "search.reindexed",
            MailTestSent => "mail.test_sent",
            ContactStatusChanged => "contact.status_changed",
            CampaignCreated => "campaign.created",
            CampaignChanged => "campaign.changed",
            CampaignScheduled => "campaign.scheduled",
            CampaignStarted => "campaign.started",
            CampaignPaused => "campaign.paused",
            CampaignResumed => "campaign.resumed",
            CampaignCancelled => "campaign.cancelled",
            CampaignFinished => "campaign.finished",
            TemplateSaved => "template.saved",
            TemplateDeleted => "template.deleted",
            FormCreated => "form.created",
            FormChanged => "form.changed",
            FormDeleted => "form.deleted",
            MessageQueued => "message.queued",
            RequestCreated => "request.created",
            RequestChanged => "request.changed",
            RequestArchiveProduced => "request.archive_produced",
            ContactErased => "contact.erased",
            ContactRestricted => "contact.restricted",
            ContactRestrictionLifted => "contact.restriction_lifted",
            RetentionRun => "retention.run",
            RetentionPolicyChanged => "retention.policy_changed",
            BreachRecorded => "breach.recorded",
            BreachAssessed => "breach.assessed",
            BreachChanged => "breach.changed",
            BreachNoticeQueued => "breach.notice_queued",
            MediaUploaded => "media.uploaded",
            MediaChanged => "media.changed",
            MediaDeleted => "media.deleted",
            SegmentSaved => "segment.saved",
            SegmentDeleted => "segment.deleted",
            ScoreModelSaved => "score_model.saved",
            ScoreModelDeleted => "score_model.deleted",
            JourneySaved => "journey.saved",
            JourneyPublished => "journey.published",
            JourneyStateChanged => "journey.state_changed",
            JourneyDeleted => "journey.deleted",
            JourneyEnrolled => "journey.enrolled",
        }
    }
}

/// `auth.` matches every `auth.*` action; anything else matches exactly (so `auth.login` does not
/// also match `auth.login_failed`).
pub fn action_matches(action: &str, filter: &str) -> bool {
    if filter.ends_with('.') {
        action.starts_with(filter)
    } else {
        action == filter
    }
}

/// What a caller records; the log adds sequence, time and chain.
#[derive(Debug, Clone)]
pub struct Event {
    pub actor: Actor,
    pub ip: Option<TruncatedIp>,
    pub action: Action,
    pub target: Option<String>,
    pub details: Vec<(String, String)>,
    /// Free text about a person (key, text, the person): sealed with that person's data key.
    pub sealed: Vec<(String, String, ContactId)>,
}

impl Event {
    pub fn new(actor: Actor, action: Action) -> Self {
        Self { actor, ip: None, action, target: None, details: Vec::new(), sealed: Vec::new() }
    }
    pub fn ip(mut self, ip: Option<TruncatedIp>) -> Self {
        self.ip = ip;
        self
    }
    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }
    pub fn detail(mut self, k: &str, v: impl ToString) -> Self {
        self.details.push((k.to_string(), v.to_string()));
        self
    }
    /// A detail that staff typed about a person (a reason, a note): kept sealed with the
    /// person's own data key, so that their erasure makes it unreadable while the entry and the
    /// chain stay as written. Shown as written while the person exists.
    pub fn sealed_detail(mut self, k: &str, v: impl ToString, about: &ContactId) -> Self {
        self.sealed.push((k.to_string(), v.to_string(), *about));
        self
    }
}

/// How a sealed detail is stored: `sealed:<pseudonym>:<base64 of the sealed text>`.
const SEALED_PREFIX: &str = "sealed:";
/// Shown for a sealed detail whose person was erased (or was gone when it was written).
pub const SEALED_ERASED: &str = crate::store::ERASED_TEXT;

fn seal_detail(dk: &crate::store::SecretKey, p: &[u8; 16], text: &str) -> String {
    use base64::Engine;
    let sealed = dk.seal(&sealed_aad(p), text.as_bytes());
    format!("{SEALED_PREFIX}{}:{}", hex::encode(p), base64::engine::general_purpose::STANDARD_NO_PAD.encode(sealed))
}

fn sealed_aad(p: &[u8; 16]) -> Vec<u8> {
    let mut aad = b"tidings/audit-sealed-detail".to_vec();
    aad.extend_from_slice(p);
    aad
}

/// The text of a sealed detail while its person's key exists; `None` for any other value.
fn open_sealed(store: &Store, subjects: &sled::Tree, value: &str) -> Result<Option<String>> {
    use base64::Engine;
    let Some(rest) = value.strip_prefix(SEALED_PREFIX) else { return Ok(None) };
    let erased = || Ok(Some(SEALED_ERASED.to_string()));
    let Some((hexed, b64)) = rest.split_once(':') else { return erased() };
    let (Some(p), Ok(sealed)) = (
        hex::decode(hexed).ok().and_then(|b| <[u8; 16]>::try_from(b).ok()),
        base64::engine::general_purpose::STANDARD_NO_PAD.decode(b64),
    ) else {
        return erased();
    };
    let Some(owner) = subjects.get(by_pseudonym(&p))?.and_then(|v| v.get(..16).and_then(PersonId::from_slice)) else {
        return erased();
    };
    let Some(dk) = store.existing_data_key(&owner)? else { return erased() };
    Ok(Some(match dk.open(&sealed_aad(&p), &sealed) {
        Ok(text) => String::from_utf8_lossy(&text).into_owned(),
        Err(_) => SEALED_ERASED.to_string(),
    }))
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub ip: Option<TruncatedIp>,
    pub action: String,
    pub target: Option<String>,
    pub details: Vec<(String, String)>,
    #[serde(with = "hex_bytes")]
    pub prev: [u8; 32],
    #[serde(with = "hex_bytes")]
    pub mac: [u8; 32],
}

mod hex_bytes {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(b: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&hex::encode(b))
        } else {
            s.serialize_bytes(b)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        use serde::de::Error;
        if d.is_human_readable() {
            let s = String::deserialize(d)?;
            let v = hex::decode(s).map_err(D::Error::custom)?;
            v.try_into().map_err(|_| D::Error::custom("expected 32 bytes"))
        } else {
            let v = <Vec<u8>>::deserialize(d)?;
            v.try_into().map_err(|_| D::Error::custom("expected 32 bytes"))
        }
    }
}

/// How an entry is shown in the UI and the API: the actor as a reference string.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub ip: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub details: Vec<(String, String)>,
    pub prev: String,
    pub mac: String,
}

impl Entry {
    pub fn view(&self) -> EntryView {
        EntryView {
            seq: self.seq,
            at: self.at,
            actor: self.actor.reference(),
            ip: self.ip.map(|i| i.to_string()),
            action: self.action.clone(),
            target: self.target.clone(),
            details: self.details.clone(),
            prev: hex::encode(self.prev),
            mac: hex::encode(self.mac),
        }
    }

    fn compute_mac(&self, store: &Store) -> [u8; 32] {
        let mut body = self.clone();
        body.mac = [0; 32];
        let bytes = postcard::to_allocvec(&body).expect("audit entry serializes");
        store.keyring().audit_key().mac("tidings/audit-entry", &[&bytes])
    }
}

fn head_mac(store: &Store, seq: u64, mac: &[u8; 32]) -> [u8; 32] {
    store.keyring().audit_key().mac("tidings/audit-head", &[&seq.to_be_bytes(), mac])
}

/// The log. Appends are serialized (each needs the previous MAC); reads are free.
pub struct AuditLog {
    store: Store,
    tree: sled::Tree,
    meta: sled::Tree,
    subjects: sled::Tree,
    append: Mutex<()>,
}

/// Where the chain starts once retention has removed the oldest entries: the first kept entry
/// and the MAC it follows, signed with the audit key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Anchor {
    pub seq: u64,
    #[serde(serialize_with = "hex_bytes::serialize")]
    pub prev: [u8; 32],
    /// When entries were last removed, and how many have been in all.
    pub at: DateTime<Utc>,
    pub removed: u64,
}

impl Anchor {
    fn mac(&self, store: &Store) -> [u8; 32] {
        store.keyring().audit_key().mac(
            "tidings/audit-anchor",
            &[&self.seq.to_be_bytes(), &self.prev, &self.at.timestamp().to_be_bytes(), &self.removed.to_be_bytes()],
        )
    }

    fn encode(&self, store: &Store) -> Vec<u8> {
        let mut v = Vec::with_capacity(88);
        v.extend_from_slice(&self.seq.to_be_bytes());
        v.extend_from_slice(&self.prev);
        v.extend_from_slice(&self.at.timestamp().to_be_bytes());
        v.extend_from_slice(&self.removed.to_be_bytes());
        v.extend_from_slice(&self.mac(store));
        v
    }

    /// None when the stored anchor is malformed or its signature does not match.
    fn decode(store: &Store, raw: &[u8]) -> Option<Anchor> {
        if raw.len() != 88 {
            return None;
        }
        let a = Anchor {
            seq: u64::from_be_bytes(raw[..8].try_into().ok()?),
            prev: raw[8..40].try_into().ok()?,
            at: DateTime::from_timestamp(i64::from_be_bytes(raw[40..48].try_into().ok()?), 0)?,
            removed: u64::from_be_bytes(raw[48..56].try_into().ok()?),
        };
        let mac: [u8; 32] = raw[56..88].try_into().ok()?;
        bool::from(subtle::ConstantTimeEq::ct_eq(&a.mac(store)[..], &mac[..])).then_some(a)
    }
}

/// The pseudonym of `id` under `owner`'s data key (16 bytes: enough to never collide, short
/// enough to read).
fn pseudonym(dk: &crate::store::SecretKey, id: &ContactId) -> [u8; 16] {
    let mac = dk.mac("tidings/audit-subject", &[id.as_bytes()]);
    mac[..16].try_into().expect("16 bytes")
}

fn subject_ref(p: &[u8; 16]) -> String {
    format!("{SUBJECT_PREFIX}{}", hex::encode(p))
}

/// `audit_subjects` keys: `p ‖ pseudonym` → `owner ‖ contact id` (display), and
/// `o ‖ owner ‖ pseudonym` → empty (what erasing the owner removes).
fn by_pseudonym(p: &[u8; 16]) -> [u8; 17] {
    let mut k = [0u8; 17];
    k[0] = b'p';
    k[1..].copy_from_slice(p);
    k
}

fn by_owner(owner: &PersonId, p: &[u8; 16]) -> [u8; 33] {
    let mut k = [0u8; 33];
    k[0] = b'o';
    k[1..17].copy_from_slice(owner.as_bytes());
    k[17..].copy_from_slice(p);
    k
}

/// Erasure: the person's pseudonyms stop resolving (their data key goes too, so they cannot
/// be computed again).
fn forget_subjects(store: &Store, person: &PersonId) -> Result<usize> {
    let t = store.tree(SUBJECTS)?;
    let mut prefix = vec![b'o'];
    prefix.extend_from_slice(person.as_bytes());
    let doomed: Vec<sled::IVec> = t.scan_prefix(&prefix).keys().collect::<sled::Result<_>>()?;
    let _gate = store.write_gate();
    for k in &doomed {
        if let Ok(p) = <[u8; 16]>::try_from(&k[17..]) {
            t.remove(by_pseudonym(&p))?;
        }
        t.remove(k)?;
    }
    Ok(doomed.len())
}

/// The live contact whose data key names `id` in the log: the contact itself, or the one it
/// was merged into.
fn owner_of(store: &Store, id: &ContactId) -> Result<Option<(PersonId, crate::store::SecretKey)>> {
    if let Some(dk) = store.existing_data_key(&id.person())? {
        return Ok(Some((id.person(), dk)));
    }
    if let Some(to) = crate::contacts::lookup::merged_into(store, id)? {
        if let Some(dk) = store.existing_data_key(&to.person())? {
            return Ok(Some((to.person(), dk)));
        }
    }
    Ok(None)
}

fn contact_in(value: &str) -> Option<ContactId> {
    value.strip_prefix("contact:").and_then(|id| id.parse().ok())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    Intact { entries: u64 },
    Broken { seq: u64, reason: Break },
}

/// How the chain is broken. Shown in English by the CLI and the API; pages word it in the
/// reader's language from the variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The retention anchor does not carry the audit key's signature.
    AnchorAltered,
    Unreadable,
    /// Stored under another sequence number than its own.
    Misplaced,
    Missing {
        expected: u64,
        next: u64,
    },
    /// Its `prev` is not the MAC of the entry before.
    NotFollowing,
    Altered,
    HeadMissing,
    HeadMalformed,
    HeadAltered,
    /// The signed head names another last entry.
    HeadMismatch {
        head: u64,
        last: u64,
    },
}

impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Break::AnchorAltered => {
                f.write_str("the retention anchor was altered (it does not carry the audit key's signature)")
            }
            Break::Unreadable => f.write_str("entry is unreadable"),
            Break::Misplaced => f.write_str("entry is stored under another sequence number"),
            Break::Missing { expected, next } => write!(f, "entry {expected} is missing (next present is {next})"),
            Break::NotFollowing => f.write_str("entry does not follow the previous one (chain broken)"),
            Break::Altered => f.write_str("entry was altered (MAC mismatch)"),
            Break::HeadMissing => f.write_str("the signed head is missing"),
            Break::HeadMalformed => f.write_str("the signed head is malformed"),
            Break::HeadAltered => f.write_str("the signed head was altered"),
            Break::HeadMismatch { head, last } => write!(
                f,
                "the head says the log ends at entry {head}, but it ends at {last}: entries were removed or added"
            ),
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// An action (`auth.login`), or a family of them when it ends with a dot (`auth.`).
    pub action: Option<String>,
    pub actor: Option<String>,
    pub target: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Only entries with a sequence number below this (paging newest-first).
    pub before: Option<u64>,
}

impl AuditLog {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            tree: store.tree(TREE)?,
            meta: store.bookkeeping()?,
            subjects: store.tree(SUBJECTS)?,
            store: store.clone(),
            append: Mutex::new(()),
        })
    }

    /// How entries name this contact from now on: `subject:…`, or [`ERASED_SUBJECT`] when the
    /// contact is gone. Callers about to erase someone take it first, to record the erasure
    /// under the same pseudonym as the person's earlier entries.
    pub fn subject(&self, id: &ContactId) -> Result<String> {
        Ok(self.subject_entry(id)?.map(|(p, _)| subject_ref(&p)).unwrap_or_else(|| ERASED_SUBJECT.to_string()))
    }

    fn subject_entry(&self, id: &ContactId) -> Result<Option<([u8; 16], PersonId)>> {
        Ok(owner_of(&self.store, id)?.map(|(owner, dk)| (pseudonym(&dk, id), owner)))
    }

    /// Replaces every `contact:<id>` in a target or detail by the contact's pseudonym, and
    /// remembers (until erasure) what the pseudonym stands for.
    fn pseudonymise(&self, value: String, mapped: &mut Vec<([u8; 16], PersonId, ContactId)>) -> Result<String> {
        let Some(id) = contact_in(&value) else { return Ok(value) };
        Ok(match self.subject_entry(&id)? {
            Some((p, owner)) => {
                mapped.push((p, owner, id));
                subject_ref(&p)
            }
            None => ERASED_SUBJECT.to_string(),
        })
    }

    /// `contact:<id>` for a pseudonym whose contact still exists; anything else unchanged.
    pub fn resolve(&self, value: &str) -> Result<String> {
        let Some(hexed) = value.strip_prefix(SUBJECT_PREFIX) else { return Ok(value.to_string()) };
        let Some(p) = hex::decode(hexed).ok().and_then(|b| <[u8; 16]>::try_from(b).ok()) else {
            return Ok(value.to_string());
        };
        Ok(match self.subjects.get(by_pseudonym(&p))? {
            Some(v) if v.len() == 32 => {
                ContactId::from_slice(&v[16..]).map(|c| c.reference()).unwrap_or_else(|| value.to_string())
            }
            _ => value.to_string(),
        })
    }

    /// Entries as people see them: pseudonyms of contacts that still exist resolved.
    pub fn views(&self, entries: &[Entry]) -> Result<Vec<EntryView>> {
        entries
            .iter()
            .map(|e| {
                let mut v = e.view();
                if let Some(t) = &v.target {
                    v.target = Some(self.resolve(t)?);
                }
                for (_, d) in v.details.iter_mut() {
                    *d = match open_sealed(&self.store, &self.subjects, d)? {
                        Some(text) => text,
                        None => self.resolve(d)?,
                    };
                }
                Ok(v)
            })
            .collect()
    }

    /// Appends and commits before returning: an action is not acknowledged unaudited.
    pub fn record(&self, event: Event) -> Result<Entry> {
        let entry = self.append_uncommitted(event)?;
        self.store.commit()?;
        Ok(entry)
    }

    /// Appends without waiting for the disk; the caller commits (e.g. with its own write).
    pub fn append_uncommitted(&self, event: Event) -> Result<Entry> {
        let _one_at_a_time = self.append.lock().unwrap_or_else(|p| p.into_inner());
        let (seq, prev) = match self.tree.last()? {
            Some((_, raw)) => {
                let last: Entry = postcard::from_bytes(&raw)?;
                (last.seq + 1, last.mac)
            }
            None => (1, [0; 32]),
        };
        let mut mapped = Vec::new();
        let target = event.target.map(|t| self.pseudonymise(t, &mut mapped)).transpose()?;
        let mut details = event
            .details
            .into_iter()
            .map(|(k, v)| Ok((k, self.pseudonymise(v, &mut mapped)?)))
            .collect::<Result<Vec<_>>>()?;
        for (k, text, about) in event.sealed {
            let value = match owner_of(&self.store, &about)? {
                Some((owner, dk)) => {
                    let p = pseudonym(&dk, &about);
                    mapped.push((p, owner, about));
                    seal_detail(&dk, &p, &text)
                }
                // The person is gone already: nothing about them is kept.
                None => format!("{SEALED_PREFIX}erased"),
            };
            details.push((k, value));
        }
        let mut entry = Entry {
            seq,
            at: Utc::now(),
            actor: event.actor,
            ip: event.ip,
            action: event.action.as_str().to_string(),
            target,
            details,
            prev,
            mac: [0; 32],
        };
        entry.mac = entry.compute_mac(&self.store);
        let raw = postcard::to_allocvec(&entry)?;
        let mut head = seq.to_be_bytes().to_vec();
        head.extend_from_slice(&entry.mac);
        head.extend_from_slice(&head_mac(&self.store, seq, &entry.mac));
        let _gate = self.store.write_gate();
        (&self.tree, &self.meta, &self.subjects)
            .transaction(|(t, m, s)| {
                t.insert(&seq.to_be_bytes(), raw.as_slice())?;
                m.insert(HEAD_KEY, head.as_slice())?;
                for (p, owner, id) in &mapped {
                    let mut v = [0u8; 32];
                    v[..16].copy_from_slice(owner.as_bytes());
                    v[16..].copy_from_slice(id.as_bytes());
                    s.insert(&by_pseudonym(p)[..], &v[..])?;
                    s.insert(&by_owner(owner, p)[..], &[][..])?;
                }
                Ok(())
            })
            .map_err(|e: sled::transaction::TransactionError<()>| match e {
                sled::transaction::TransactionError::Storage(s) => StoreError::Sled(s),
                sled::transaction::TransactionError::Abort(()) => StoreError::Flush("audit append aborted".into()),
            })?;
        tracing::info!(target: "audit", seq, action = entry.action, actor = %entry.actor.reference(), target = ?entry.target);
        Ok(entry)
    }

    /// Walks the whole chain, from the anchor when retention has removed older entries.
    pub fn verify(&self) -> Result<Verification> {
        let (first, mut prev) = match self.meta.get(ANCHOR_KEY)? {
            None => (1u64, [0u8; 32]),
            Some(raw) => match Anchor::decode(&self.store, &raw) {
                Some(a) => (a.seq, a.prev),
                None => return Ok(Verification::Broken { seq: 0, reason: Break::AnchorAltered }),
            },
        };
        let mut expected_seq = first;
        // Entries below the anchor are ones a retention run was removing when it stopped; the
        // next run removes them.
        for item in self.tree.range(first.to_be_bytes()..) {
            let (k, raw) = item?;
            let entry: Entry = match postcard::from_bytes(&raw) {
                Ok(e) => e,
                Err(_) => {
                    let seq = k.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
                    return Ok(Verification::Broken { seq, reason: Break::Unreadable });
                }
            };
            let broken = |reason: Break| Ok(Verification::Broken { seq: entry.seq, reason });
            if k.as_ref() != entry.seq.to_be_bytes() {
                return broken(Break::Misplaced);
            }
            if entry.seq != expected_seq {
                return Ok(Verification::Broken {
                    seq: expected_seq,
                    reason: Break::Missing { expected: expected_seq, next: entry.seq },
                });
            }
            if entry.prev != prev {
                return broken(Break::NotFollowing);
            }
            if entry.compute_mac(&self.store) != entry.mac {
                return broken(Break::Altered);
            }
            prev = entry.mac;
            expected_seq += 1;
        }
        let last = expected_seq - 1;
        let count = expected_seq - first;
        match self.meta.get(HEAD_KEY)? {
            None if last == 0 => Ok(Verification::Intact { entries: 0 }),
            None => Ok(Verification::Broken { seq: last, reason: Break::HeadMissing }),
            Some(head) => {
                if head.len() != 72 {
                    return Ok(Verification::Broken { seq: count, reason: Break::HeadMalformed });
                }
                let seq = u64::from_be_bytes(head[..8].try_into().expect("8 bytes"));
                let mac: [u8; 32] = head[8..40].try_into().expect("32 bytes");
                let sig: [u8; 32] = head[40..72].try_into().expect("32 bytes");
                if head_mac(&self.store, seq, &mac) != sig {
                    return Ok(Verification::Broken { seq, reason: Break::HeadAltered });
                }
                if seq != last || mac != prev {
                    return Ok(Verification::Broken {
                        seq: seq.max(last),
                        reason: Break::HeadMismatch { head: seq, last },
                    });
                }
                Ok(Verification::Intact { entries: count })
            }
        }
    }

    /// Newest first, at most `limit` entries matching `filter`.
    pub fn query(&self, filter: &Filter, limit: usize) -> Result<Vec<Entry>> {
        // Entries name contacts by pseudonym: look for the one this contact has now. An erased
        // contact has none, and nothing answers for its id.
        let target = match filter.target.as_deref().and_then(contact_in) {
            Some(id) => match self.subject_entry(&id)? {
                Some((p, _)) => Some(subject_ref(&p)),
                None => return Ok(Vec::new()),
            },
            None => filter.target.clone(),
        };
        let upper = filter.before.unwrap_or(u64::MAX);
        let mut out = Vec::new();
        for item in self.tree.range(..upper.to_be_bytes()).rev() {
            let (_, raw) = item?;
            let e: Entry = postcard::from_bytes(&raw)?;
            if let Some(since) = filter.since {
                if e.at < since {
                    break;
                }
            }
            if filter.until.is_some_and(|u| e.at > u) {
                continue;
            }
            if filter.action.as_deref().is_some_and(|a| !action_matches(&e.action, a)) {
                continue;
            }
            if filter.actor.as_deref().is_some_and(|a| e.actor.reference() != a) {
                continue;
            }
            if target.as_deref().is_some_and(|t| e.target.as_deref() != Some(t)) {
                continue;
            }
            out.push(e);
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    pub fn len(&self) -> usize {
        self.tree.len()
    }

    /// The anchor the chain starts at, once retention has removed entries.
    pub fn anchor(&self) -> Result<Option<Anchor>> {
        Ok(self.meta.get(ANCHOR_KEY)?.and_then(|raw| Anchor::decode(&self.store, &raw)))
    }

    /// Sequence numbers of the entries made before `cutoff`, oldest first, never the newest
    /// entry (the chain always ends at a readable entry): what [`AuditLog::prune`] removes.
    pub fn expired(&self, cutoff: DateTime<Utc>) -> Result<Vec<u64>> {
        let first = self.anchor()?.map_or(1, |a| a.seq);
        let Some((last, _)) = self.tree.last()? else { return Ok(Vec::new()) };
        let mut out = Vec::new();
        for item in self.tree.range(first.to_be_bytes()..) {
            let (k, raw) = item?;
            if k == last {
                break;
            }
            let e: Entry = postcard::from_bytes(&raw)?;
            if e.at >= cutoff {
                break;
            }
            out.push(e.seq);
        }
        Ok(out)
    }

    /// Removes the entries `expired` listed (they must be the oldest ones, in order), first
    /// moving the signed anchor to the entry after them so the rest still verifies. Returns how
    /// many went (uncommitted).
    pub fn prune(&self, seqs: &[u64]) -> Result<usize> {
        let _one_at_a_time = self.append.lock().unwrap_or_else(|p| p.into_inner());
        let Some(&upto) = seqs.last() else { return Ok(0) };
        let anchor = self.anchor()?;
        let first = anchor.map_or(1, |a| a.seq);
        if seqs.first() != Some(&first) || seqs.len() as u64 != upto - first + 1 {
            return Err(StoreError::Flush("audit retention must remove the oldest entries, in order".into()));
        }
        let Some(raw) = self.tree.get((upto + 1).to_be_bytes())? else {
            return Err(StoreError::Flush("audit retention may not remove the newest entry".into()));
        };
        let kept: Entry = postcard::from_bytes(&raw)?;
        let next = Anchor {
            seq: kept.seq,
            prev: kept.prev,
            at: Utc::now(),
            removed: anchor.map_or(0, |a| a.removed) + seqs.len() as u64,
        };
        let _gate = self.store.write_gate();
        // The anchor first: a crash after it leaves old entries below it, which verification
        // skips and the next run removes.
        self.meta.insert(ANCHOR_KEY, next.encode(&self.store))?;
        let stale: Vec<sled::IVec> = self.tree.range(..kept.seq.to_be_bytes()).keys().collect::<sled::Result<_>>()?;
        for k in &stale {
            self.tree.remove(k)?;
        }
        Ok(stale.len())
    }

    pub fn is_empty(&self) -> bool {
        self.tree.is_empty()
    }

    /// Entries per day for the last `days` days, oldest first, one count per action asked for
    /// (for the dashboard chart), in one pass over the tail of the log.
    pub fn daily_counts(&self, days: i64, actions: &[Action]) -> Result<Vec<(chrono::NaiveDate, Vec<u64>)>> {
        let today = Utc::now().date_naive();
        let start = today - chrono::Duration::days(days - 1);
        let mut counts = vec![vec![0u64; actions.len()]; days as usize];
        for item in self.tree.iter().rev() {
            let (_, raw) = item?;
            let e: Entry = postcard::from_bytes(&raw)?;
            let d = e.at.date_naive();
            if d < start {
                break;
            }
            if let Some(k) = actions.iter().position(|a| a.as_str() == e.action) {
                counts[(d - start).num_days() as usize][k] += 1;
            }
        }
        Ok(counts.into_iter().enumerate().map(|(i, c)| (start + chrono::Duration::days(i as i64), c)).collect())
    }

    /// Test and forensics hook: the raw tree (used by the tamper tests).
    pub fn raw_tree(&self) -> &sled::Tree {
        &self.tree
    }
}

/// An admin user's own entries and those about them; for a contact, the entries written under
/// the contact's pseudonym (shown with the contact's id: the archive is theirs).
fn export_person(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let tree = store.tree(TREE)?;
    let me = person.reference();
    let contact = ContactId::from(*person);
    let subject = owner_of(store, &contact)?.map(|(_, dk)| subject_ref(&pseudonym(&dk, &contact)));
    let mut out = Vec::new();
    for item in tree.iter() {
        let (_, raw) = item?;
        let e: Entry = postcard::from_bytes(&raw)?;
        let about = |v: Option<&str>| v.is_some_and(|v| v == me || subject.as_deref() == Some(v));
        if e.actor == Actor::User(*person)
            || about(e.target.as_deref())
            || e.details.iter().any(|(_, d)| about(Some(d.as_str())))
        {
            let mut v = e.view();
            let subjects = store.tree(SUBJECTS)?;
            for (_, d) in v.details.iter_mut() {
                if let Some(text) = open_sealed(store, &subjects, d)? {
                    *d = text;
                }
            }
            let mine = contact.reference();
            if subject.is_some() {
                let swap = |x: &mut String| {
                    if subject.as_deref() == Some(x.as_str()) {
                        *x = mine.clone();
                    }
                };
                if let Some(t) = v.target.as_mut() {
                    swap(t);
                }
                v.details.iter_mut().for_each(|(_, d)| swap(d));
            }
            out.push(serde_json::to_value(v).unwrap_or_default());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::action_matches;

    #[test]
    fn families_end_with_a_dot_and_actions_match_exactly() {
        assert!(action_matches("auth.login_failed", "auth."));
        assert!(action_matches("auth.login", "auth.login"));
        assert!(!action_matches("auth.login_failed", "auth.login"));
    }
}
