//! Append-only, hash-chained audit log.
//!
//! Each entry carries the MAC of the one before it and its own MAC under a key derived from the
//! master key, and a signed head records the last entry: an edited, reordered, inserted or
//! deleted entry (the last one included) breaks the chain and `tidings audit verify` names it.
//! Entries name people by id, never by email or name.

use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sled::Transactional;

use crate::domain::{PersonId, TokenId, TruncatedIp};
use crate::store::registry::{Holds, Registration};
use crate::store::{Result, Store, StoreError, META};

pub const TREE: &str = "audit";
const HEAD_KEY: &[u8] = b"audit_head";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "who did what and when, for accountability (GDPR Art. 5(2))",
    holds: Holds::Retained {
        categories: &["admin user ids", "truncated IP addresses", "actions taken"],
        why: "the controller must be able to show what was done; entries hold ids only",
        export: export_person,
    },
};

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
}

impl Action {
    pub const ALL: [Action; 66] = [
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
}

impl Event {
    pub fn new(actor: Actor, action: Action) -> Self {
        Self { actor, ip: None, action, target: None, details: Vec::new() }
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
    append: Mutex<()>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    Intact { entries: u64 },
    Broken { seq: u64, reason: String },
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
        Ok(Self { tree: store.tree(TREE)?, meta: store.tree(META)?, store: store.clone(), append: Mutex::new(()) })
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
        let mut entry = Entry {
            seq,
            at: Utc::now(),
            actor: event.actor,
            ip: event.ip,
            action: event.action.as_str().to_string(),
            target: event.target,
            details: event.details,
            prev,
            mac: [0; 32],
        };
        entry.mac = entry.compute_mac(&self.store);
        let raw = postcard::to_allocvec(&entry)?;
        let mut head = seq.to_be_bytes().to_vec();
        head.extend_from_slice(&entry.mac);
        head.extend_from_slice(&head_mac(&self.store, seq, &entry.mac));
        let _gate = self.store.write_gate();
        (&self.tree, &self.meta)
            .transaction(|(t, m)| {
                t.insert(&seq.to_be_bytes(), raw.as_slice())?;
                m.insert(HEAD_KEY, head.as_slice())?;
                Ok(())
            })
            .map_err(|e: sled::transaction::TransactionError<()>| match e {
                sled::transaction::TransactionError::Storage(s) => StoreError::Sled(s),
                sled::transaction::TransactionError::Abort(()) => StoreError::Flush("audit append aborted".into()),
            })?;
        tracing::info!(target: "audit", seq, action = entry.action, actor = %entry.actor.reference(), target = ?entry.target);
        Ok(entry)
    }

    /// Walks the whole chain.
    pub fn verify(&self) -> Result<Verification> {
        let mut expected_seq = 1u64;
        let mut prev = [0u8; 32];
        for item in self.tree.iter() {
            let (k, raw) = item?;
            let entry: Entry = match postcard::from_bytes(&raw) {
                Ok(e) => e,
                Err(_) => {
                    let seq = k.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
                    return Ok(Verification::Broken { seq, reason: "entry is unreadable".into() });
                }
            };
            let broken = |reason: &str| Ok(Verification::Broken { seq: entry.seq, reason: reason.into() });
            if k.as_ref() != entry.seq.to_be_bytes() {
                return broken("entry is stored under another sequence number");
            }
            if entry.seq != expected_seq {
                return Ok(Verification::Broken {
                    seq: expected_seq,
                    reason: format!("entry {expected_seq} is missing (next present is {})", entry.seq),
                });
            }
            if entry.prev != prev {
                return broken("entry does not follow the previous one (chain broken)");
            }
            if entry.compute_mac(&self.store) != entry.mac {
                return broken("entry was altered (MAC mismatch)");
            }
            prev = entry.mac;
            expected_seq += 1;
        }
        let count = expected_seq - 1;
        match self.meta.get(HEAD_KEY)? {
            None if count == 0 => Ok(Verification::Intact { entries: 0 }),
            None => Ok(Verification::Broken { seq: count, reason: "the signed head is missing".into() }),
            Some(head) => {
                if head.len() != 72 {
                    return Ok(Verification::Broken { seq: count, reason: "the signed head is malformed".into() });
                }
                let seq = u64::from_be_bytes(head[..8].try_into().expect("8 bytes"));
                let mac: [u8; 32] = head[8..40].try_into().expect("32 bytes");
                let sig: [u8; 32] = head[40..72].try_into().expect("32 bytes");
                if head_mac(&self.store, seq, &mac) != sig {
                    return Ok(Verification::Broken { seq, reason: "the signed head was altered".into() });
                }
                if seq != count || mac != prev {
                    return Ok(Verification::Broken {
                        seq: seq.max(count),
                        reason: format!("the head says the log ends at entry {seq}, but it ends at {count}: entries were removed or added"),
                    });
                }
                Ok(Verification::Intact { entries: count })
            }
        }
    }

    /// Newest first, at most `limit` entries matching `filter`.
    pub fn query(&self, filter: &Filter, limit: usize) -> Result<Vec<Entry>> {
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
            if filter.target.as_deref().is_some_and(|t| e.target.as_deref() != Some(t)) {
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

fn export_person(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let tree = store.tree(TREE)?;
    let me = person.reference();
    let mut out = Vec::new();
    for item in tree.iter() {
        let (_, raw) = item?;
        let e: Entry = postcard::from_bytes(&raw)?;
        if e.actor == Actor::User(*person) || e.target.as_deref() == Some(me.as_str()) {
            out.push(serde_json::to_value(e.view()).unwrap_or_default());
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
