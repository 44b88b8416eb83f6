//! Retention: one rule per kind of record, each with its period, evaluated daily by the
//! scheduler (the `retention` job) or on demand. A dry run counts what each rule would remove
//! now and changes nothing; a run removes exactly what the same plan lists and writes its
//! counts per rule to the audit log.
//!
//! | rule | period from | what goes |
//! |---|---|---|
//! | email events | purpose `engagement` | opens and clicks older than the period |
//! | website events | purpose `website_tracking` | page views, shop events, orders |
//! | website visitors | purpose `website_tracking` | anonymous visitors not seen since, with their events |
//! | inactive contacts | retention policy (off by default) | contacts with no activity and no change since: erased or anonymised |
//! | consent ended | each consent purpose's period | contacts whose every consent was withdrawn: kept for the longest period of the purposes they had agreed to, counted from the later of the last withdrawal and their last activity, then erased (totals kept) |
//! | unconfirmed sign-ups | `forms.unconfirmed_days` | sign-ups nobody confirmed |
//! | import uploads | one day | uploaded CSV files whose import was never started |
//! | closed requests | retention policy | privacy requests closed longer ago, with what was filed with them |
//! | erasure tombstones | `gdpr.tombstone_days` | keyed hashes of erased addresses |
//! | audit entries | retention policy | the oldest entries; the chain then starts at a signed anchor |
//!
//! Contacts whose processing is restricted (Art. 18) or who have an open privacy request are
//! never removed as inactive: the first must be kept, the second is being dealt with.
//!
//! The periods the DPO sets, and where they are kept, are [`policy`]'s; this module plans and
//! runs the rules.

pub mod policy;

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub use policy::{InactiveAction, Policy, Retention, MAX_DAYS};

use super::erasure::{self, Mode};
use super::requests::State;
use crate::audit::Action;
use crate::domain::{ContactId, EventKind, Permission};
use crate::i18n::{args, Arg, Language};
use crate::ops::{By, OpError, OpResult};
use crate::state::AppState;
use crate::store::Result;

/// Uploaded CSV files wait this long for their import to be started.
pub const UPLOAD_HOURS: i64 = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKey {
    EmailEvents,
    WebsiteEvents,
    WebsiteVisitors,
    InactiveContacts,
    UnconfirmedSignUps,
    ImportUploads,
    ClosedRequests,
    Tombstones,
    AuditEntries,
    ConsentEnded,
    TransactionalMessages,
}

impl RuleKey {
    pub fn as_str(&self) -> &'static str {
        match self {
            RuleKey::EmailEvents => "email_events",
            RuleKey::WebsiteEvents => "website_events",
            RuleKey::WebsiteVisitors => "website_visitors",
            RuleKey::InactiveContacts => "inactive_contacts",
            RuleKey::UnconfirmedSignUps => "unconfirmed_sign_ups",
            RuleKey::ImportUploads => "import_uploads",
            RuleKey::ClosedRequests => "closed_requests",
            RuleKey::Tombstones => "tombstones",
            RuleKey::AuditEntries => "audit_entries",
            RuleKey::ConsentEnded => "consent_ended",
            RuleKey::TransactionalMessages => "transactional_messages",
        }
    }
}

/// One rule as the page and the API show it, with what it removes now (dry run) or removed.
/// Its words are in the language the plan was made in (the page's, English for the API).
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub key: RuleKey,
    pub title: String,
    /// The data category the rule applies to.
    pub category: String,
    /// None: the rule is off.
    pub days: Option<u32>,
    /// Where the period is set.
    pub set_in: String,
    /// "delete", "anonymise", or "delete (keyed hashes)".
    pub action: &'static str,
    /// Records older than this go.
    pub cutoff: Option<DateTime<Utc>>,
    pub count: u64,
    /// Records that go along with the counted ones (a visitor's events, an erased sign-up's
    /// submission), described.
    pub also: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub at: DateTime<Utc>,
    pub dry_run: bool,
    pub rules: Vec<Rule>,
}

impl Report {
    pub fn count(&self, key: RuleKey) -> u64 {
        self.rules.iter().find(|r| r.key == key).map_or(0, |r| r.count)
    }

    pub fn total(&self) -> u64 {
        self.rules.iter().map(|r| r.count).sum()
    }

    /// One line for the job log.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self.rules.iter().map(|r| format!("{} {}", r.count, r.key.as_str())).collect();
        format!("{} {}", if self.dry_run { "would remove" } else { "removed" }, parts.join(", "))
    }
}

/// What each rule would remove at `now`: the dry run shows the counts, the run removes these.
struct Plan {
    rules: Vec<Rule>,
    inactive: Vec<ContactId>,
    inactive_action: Option<InactiveAction>,
    unconfirmed: Vec<crate::forms::ops::Unconfirmed>,
    uploads: Vec<PathBuf>,
    closed: Vec<super::Request>,
    tombstone_cutoff: DateTime<Utc>,
    audit: Vec<u64>,
    ended: Vec<ContactId>,
    messages: Vec<(crate::domain::MailId, ContactId)>,
}

impl RuleKey {
    /// The admin messages naming the rule and the data it removes.
    fn words(&self) -> (&'static str, &'static str) {
        match self {
            RuleKey::EmailEvents => ("gdpr-rule-email-events", "gdpr-rule-data-email-events"),
            RuleKey::WebsiteEvents => ("gdpr-rule-website-events", "gdpr-rule-data-website-events"),
            RuleKey::WebsiteVisitors => ("gdpr-rule-website-visitors", "gdpr-rule-data-website-visitors"),
            RuleKey::InactiveContacts => ("gdpr-rule-inactive-contacts", "gdpr-rule-data-contacts"),
            RuleKey::UnconfirmedSignUps => ("gdpr-rule-unconfirmed-sign-ups", "gdpr-rule-data-sign-ups"),
            RuleKey::ImportUploads => ("gdpr-rule-import-uploads", "gdpr-rule-data-uploads"),
            RuleKey::ClosedRequests => ("gdpr-rule-closed-requests", "gdpr-rule-data-requests"),
            RuleKey::Tombstones => ("gdpr-rule-tombstones", "gdpr-rule-data-tombstones"),
            RuleKey::AuditEntries => ("gdpr-rule-audit-entries", "gdpr-rule-data-audit"),
            RuleKey::ConsentEnded => ("gdpr-rule-consent-ended", "gdpr-rule-data-contacts"),
            RuleKey::TransactionalMessages => ("gdpr-rule-transactional", "gdpr-rule-data-transactional"),
        }
    }
}

/// A message with a count.
fn counted(lang: &Language, key: &str, n: usize) -> String {
    lang.text(key, Some(&args([("count", Arg::from(n))])))
}

/// Order and event ids kept against double counting go with the events they guarded.
fn event_ids_also(n: usize, lang: &Language) -> Option<String> {
    (n > 0).then(|| counted(lang, "gdpr-rule-also-event-ids", n))
}

fn rule(key: RuleKey, days: Option<u32>, set_in: String, lang: &Language) -> Rule {
    let (title, category) = key.words();
    Rule {
        key,
        title: lang.text(title, None),
        category: lang.text(category, None),
        days,
        set_in,
        action: "delete",
        cutoff: None,
        count: 0,
        also: None,
    }
}

/// "the purpose “engagement”": where a rule's period is set.
fn in_purpose(lang: &Language, purpose: &str) -> String {
    lang.text("gdpr-rule-set-purpose", Some(&args([("purpose", Arg::from(purpose))])))
}

fn in_config(lang: &Language, key: &str) -> String {
    lang.text("gdpr-rule-set-config", Some(&args([("key", Arg::from(key))])))
}

/// The smallest UUIDv7 of an instant.
pub(super) fn v7_floor(t: DateTime<Utc>) -> [u8; 16] {
    let ms = u64::try_from(t.timestamp_millis().max(0)).unwrap_or(0);
    let mut b = [0u8; 16];
    b[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    b
}

/// Contacts with no activity (opens, clicks, visits, orders) and no change since `cutoff`,
/// except those restricted, with an open request, or waiting for a sign-up's confirmation.
fn inactive_contacts(state: &AppState, cutoff: DateTime<Utc>) -> Result<Vec<ContactId>> {
    let busy: HashSet<ContactId> =
        state.gdpr.requests.all()?.into_iter().filter(|r| r.state == State::Open).filter_map(|r| r.contact).collect();
    let mut out = Vec::new();
    for c in state.contacts.iter() {
        let c = c?;
        // A pending sign-up is the unconfirmed sign-ups rule's, with its own period.
        if c.status == crate::domain::Status::Pending {
            continue;
        }
        if c.updated_at >= cutoff || c.created_at >= cutoff || busy.contains(&c.id) {
            continue;
        }
        if state.contacts.activity(&c.id)?.last_seen.is_some_and(|t| t >= cutoff) {
            continue;
        }
        if state.gdpr.restrictions.is_restricted(&c.id)? {
            continue;
        }
        out.push(c.id);
    }
    Ok(out)
}

/// The purpose of transactional mail: its period is how long a message and the data merged
/// into it are kept.
pub const TRANSACTIONAL: &str = "transactional";

/// What a purpose's period means for a contact, in words, for the records of processing (in
/// English, the DPO's language) and the person's archive (in theirs); generated from this rule,
/// so the text is what runs.
pub fn purpose_period_text(p: &crate::domain::Purpose, lang: &crate::i18n::Language) -> String {
    use crate::domain::LawfulBasis;
    use crate::i18n::{args, Arg};
    let days = args([("days", Arg::from(u64::from(p.retention_days)))]);
    let period = match p.basis {
        LawfulBasis::Consent => lang.text("retention-consent", Some(&days)),
        _ => lang.text("retention-other", Some(&days)),
    };
    let events = match p.key.as_str() {
        crate::tracking::ENGAGEMENT => Some("retention-removes-engagement"),
        crate::tracking::retention::WEBSITE_TRACKING => Some("retention-removes-website"),
        TRANSACTIONAL => Some("retention-removes-transactional"),
        _ => None,
    };
    match events {
        Some(key) => format!("{period} {}", lang.text(key, None)),
        None => period,
    }
}

/// Contacts whose every consent ended longer ago than the longest period of the purposes they
/// had agreed to (and with no activity since): nothing allows keeping them.
fn consent_ended(state: &AppState, now: DateTime<Utc>) -> Result<Vec<ContactId>> {
    use crate::domain::{ConsentState, LawfulBasis};
    let purposes = state.purposes.all()?;
    let consent_days: std::collections::HashMap<&str, u32> = purposes
        .iter()
        .filter(|p| p.basis == LawfulBasis::Consent)
        .map(|p| (p.key.as_str(), p.retention_days.max(1)))
        .collect();
    let busy: HashSet<ContactId> =
        state.gdpr.requests.all()?.into_iter().filter(|r| r.state == State::Open).filter_map(|r| r.contact).collect();
    let mut out = Vec::new();
    for c in state.contacts.iter() {
        let c = c?;
        if c.status == crate::domain::Status::Pending || busy.contains(&c.id) {
            continue;
        }
        let consents = state.contacts.consent_state(&c.id)?;
        let given: Vec<(&str, &(ConsentState, DateTime<Utc>))> = consents
            .iter()
            .filter(|(k, _)| consent_days.contains_key(k.as_str()))
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        // Never agreed to anything (imported under a contract): not this rule's.
        if given.is_empty() || given.iter().any(|(_, (s, _))| *s == ConsentState::Granted) {
            continue;
        }
        let ended = given.iter().map(|(_, (_, at))| *at).max().unwrap_or(c.updated_at);
        let days = given.iter().map(|(k, _)| consent_days[k]).max().unwrap_or(1);
        let last_seen = state.contacts.activity(&c.id)?.last_seen;
        let last = [Some(ended), Some(c.updated_at), last_seen].into_iter().flatten().max().unwrap_or(ended);
        if last + Duration::days(i64::from(days)) >= now {
            continue;
        }
        if state.gdpr.restrictions.is_restricted(&c.id)? {
            continue;
        }
        out.push(c.id);
    }
    Ok(out)
}

/// Uploaded CSV files older than [`UPLOAD_HOURS`] whose import never started (a started import
/// removes its upload when it ends).
fn stale_uploads(state: &AppState, now: DateTime<Utc>) -> Vec<PathBuf> {
    let cutoff = std::time::SystemTime::from(now - Duration::hours(UPLOAD_HOURS));
    let Ok(dir) = std::fs::read_dir(state.imports.dir()) else { return Vec::new() };
    let mut out: Vec<PathBuf> = dir
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_str().is_some_and(|n| n.ends_with(".upload.csv")))
        .filter(|e| e.metadata().and_then(|m| m.modified()).is_ok_and(|t| t < cutoff))
        .map(|e| e.path())
        .filter(|p| {
            let id = p.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".upload.csv")).unwrap_or("");
            !matches!(state.imports.get(id), Ok(Some(b)) if b.status == crate::contacts::import::BatchStatus::Running)
        })
        .collect();
    out.sort();
    out
}

/// With `counting` false only the rules and their periods (for listing them without the cost
/// of walking every store).
fn plan(state: &AppState, now: DateTime<Utc>, counting: bool, lang: &Language) -> OpResult<Plan> {
    let policy = state.gdpr.retention.policy()?;
    let email_days = state.purposes.retention_days(crate::tracking::ENGAGEMENT)?;
    let web_days = state.purposes.retention_days(crate::tracking::retention::WEBSITE_TRACKING)?;
    let days_ago = |d: u32| now - Duration::days(i64::from(d));
    let (email_cutoff, web_cutoff) = (days_ago(email_days), days_ago(web_days));
    let mut rules = Vec::new();

    let mut r = rule(RuleKey::EmailEvents, Some(email_days), in_purpose(lang, crate::tracking::ENGAGEMENT), lang);
    r.cutoff = Some(email_cutoff);
    if counting {
        r.count = state.tracking.store.count_before(email_cutoff, &[EventKind::Open, EventKind::Click])?;
    }
    rules.push(r);

    let website = in_purpose(lang, crate::tracking::retention::WEBSITE_TRACKING);
    let mut r = rule(RuleKey::WebsiteEvents, Some(web_days), website.clone(), lang);
    r.cutoff = Some(web_cutoff);
    if counting {
        r.count = state
            .tracking
            .store
            .count_before(web_cutoff, &[EventKind::PageView, EventKind::Custom, EventKind::Order])?;
        r.also = event_ids_also(state.tracking.website.expire_event_ids(web_cutoff, false)?, lang);
    }
    rules.push(r);

    let visitor_cutoff = now - crate::tracking::website::retention_days(Some(web_days));
    let (visitors, visitor_events) =
        if counting { state.tracking.website.count_prune(visitor_cutoff)? } else { (0, 0) };
    let mut r = rule(RuleKey::WebsiteVisitors, Some(web_days), website, lang);
    r.cutoff = Some(visitor_cutoff);
    r.count = visitors;
    r.also = (visitor_events > 0).then(|| counted(lang, "gdpr-rule-also-visits", visitor_events as usize));
    rules.push(r);

    let (inactive, inactive_action) = if policy.inactive_days == 0 {
        (Vec::new(), None)
    } else if !counting {
        (Vec::new(), Some(policy.inactive_action))
    } else {
        (inactive_contacts(state, days_ago(policy.inactive_days))?, Some(policy.inactive_action))
    };
    let this_page = lang.text("gdpr-rule-set-here", None);
    let mut r = rule(
        RuleKey::InactiveContacts,
        (policy.inactive_days > 0).then_some(policy.inactive_days),
        this_page.clone(),
        lang,
    );
    r.action = inactive_action.map_or("off", |a| a.as_str());
    r.cutoff = (policy.inactive_days > 0).then(|| days_ago(policy.inactive_days));
    r.count = inactive.len() as u64;
    rules.push(r);

    let unconfirmed = if counting { crate::forms::ops::plan_unconfirmed(state, now)? } else { Vec::new() };
    let whole = unconfirmed.iter().filter(|u| u.whole).count();
    let mut r = rule(
        RuleKey::UnconfirmedSignUps,
        Some(state.config.forms.unconfirmed_days),
        in_config(lang, "forms.unconfirmed_days"),
        lang,
    );
    r.cutoff = Some(days_ago(state.config.forms.unconfirmed_days));
    r.count = unconfirmed.len() as u64;
    r.also = (whole > 0).then(|| counted(lang, "gdpr-rule-also-sign-ups", whole));
    rules.push(r);

    let uploads = if counting { stale_uploads(state, now) } else { Vec::new() };
    let mut r = rule(RuleKey::ImportUploads, Some(1), lang.text("gdpr-rule-set-fixed", None), lang);
    r.cutoff = Some(now - Duration::hours(UPLOAD_HOURS));
    r.count = uploads.len() as u64;
    rules.push(r);

    let closed_cutoff = days_ago(policy.closed_request_days);
    let closed: Vec<super::Request> = state
        .gdpr
        .requests
        .all()?
        .into_iter()
        .filter(|r| counting && r.state != State::Open && r.closed_at.is_some_and(|t| t < closed_cutoff))
        .collect();
    let mut r = rule(RuleKey::ClosedRequests, Some(policy.closed_request_days), this_page.clone(), lang);
    r.cutoff = Some(closed_cutoff);
    r.count = closed.len() as u64;
    rules.push(r);

    let tombstone_cutoff = days_ago(state.config.gdpr.tombstone_days);
    let mut r =
        rule(RuleKey::Tombstones, Some(state.config.gdpr.tombstone_days), in_config(lang, "gdpr.tombstone_days"), lang);
    r.cutoff = Some(tombstone_cutoff);
    if counting {
        r.count = state.contacts.suppression_before(tombstone_cutoff)? as u64;
    }
    rules.push(r);

    let audit_cutoff = days_ago(policy.audit_days);
    let audit = if counting { state.audit.expired(audit_cutoff)? } else { Vec::new() };
    let mut r = rule(RuleKey::AuditEntries, Some(policy.audit_days), this_page, lang);
    r.cutoff = Some(audit_cutoff);
    r.count = audit.len() as u64;
    rules.push(r);

    let ended = if counting { consent_ended(state, now)? } else { Vec::new() };
    let longest = state
        .purposes
        .all()?
        .iter()
        .filter(|p| p.basis == crate::domain::LawfulBasis::Consent)
        .map(|p| p.retention_days.max(1))
        .max();
    let mut r = rule(RuleKey::ConsentEnded, longest, lang.text("gdpr-rule-set-consent-purposes", None), lang);
    r.action = "anonymise";
    r.count = ended.len() as u64;
    r.also = Some(lang.text("gdpr-rule-also-consent-ended", None));
    rules.push(r);

    let tx_days = state.purposes.retention_days(TRANSACTIONAL)?;
    let tx_cutoff = days_ago(tx_days);
    let messages = if counting { state.sending.outbox.finished_before(&v7_floor(tx_cutoff))? } else { Vec::new() };
    let mut r = rule(RuleKey::TransactionalMessages, Some(tx_days), in_purpose(lang, TRANSACTIONAL), lang);
    r.cutoff = Some(tx_cutoff);
    r.count = messages.len() as u64;
    rules.push(r);

    Ok(Plan {
        rules,
        inactive,
        inactive_action,
        unconfirmed,
        uploads,
        closed,
        tombstone_cutoff,
        audit,
        ended,
        messages,
    })
}

/// The language of the API's and the job's words for the rules.
fn english() -> &'static Language {
    crate::i18n::admin_catalogue().source()
}

/// The rules and their periods, without counting anything.
pub fn rules(state: &AppState, by: By, now: DateTime<Utc>) -> OpResult<Vec<Rule>> {
    rules_in(state, by, now, english())
}

/// [`rules`] in `lang`'s words.
pub fn rules_in(state: &AppState, by: By, now: DateTime<Utc>, lang: &Language) -> OpResult<Vec<Rule>> {
    by.require(Permission::ManageGdpr)?;
    Ok(plan(state, now, false, lang)?.rules)
}

/// The rules with what each would remove at `now`. Changes nothing.
pub fn dry_run(state: &AppState, by: By, now: DateTime<Utc>) -> OpResult<Report> {
    dry_run_in(state, by, now, english())
}

/// [`dry_run`] in `lang`'s words.
pub fn dry_run_in(state: &AppState, by: By, now: DateTime<Utc>, lang: &Language) -> OpResult<Report> {
    by.require(Permission::ManageGdpr)?;
    Ok(Report { at: now, dry_run: true, rules: plan(state, now, true, lang)?.rules })
}

/// Removes what each rule lists at `now`, commits, and records the counts in the audit log.
pub fn run(state: &AppState, by: By, now: DateTime<Utc>) -> OpResult<Report> {
    by.require(Permission::ManageGdpr)?;
    let _one_run = state.gdpr.retention.one_run();
    let lang = english();
    let p = plan(state, now, true, lang)?;
    let mut done = p.rules.clone();
    let mut set = |key: RuleKey, count: u64, also: Option<String>| {
        if let Some(r) = done.iter_mut().find(|r| r.key == key) {
            r.count = count;
            r.also = also;
        }
    };

    // The same cutoffs as the plan: both read the purposes' periods at `now`.
    let events = crate::tracking::retention::prune(state, now).map_err(|e| OpError::Internal(format!("{e:#}")))?;
    set(RuleKey::EmailEvents, events.email_removed as u64, None);
    let web_cutoff = p.rules.iter().find(|r| r.key == RuleKey::WebsiteEvents).and_then(|r| r.cutoff);
    let ids = match web_cutoff {
        Some(cutoff) => state.tracking.website.expire_event_ids(cutoff, true)?,
        None => 0,
    };
    state.store.commit()?;
    set(RuleKey::WebsiteEvents, events.web_removed as u64, event_ids_also(ids, lang));

    let visitor_cutoff = p.rules.iter().find(|r| r.key == RuleKey::WebsiteVisitors).and_then(|r| r.cutoff);
    if let Some(cutoff) = visitor_cutoff {
        let (visitors, events) = state.tracking.website.prune(cutoff)?;
        state.store.commit()?;
        let also = (events > 0).then(|| counted(lang, "gdpr-rule-also-visits", events));
        set(RuleKey::WebsiteVisitors, visitors as u64, also);
    }

    if let Some(action) = p.inactive_action {
        let n = erasure::erase_without_request(state, &p.inactive, action.mode())?;
        set(RuleKey::InactiveContacts, n as u64, None);
    }

    let (erased, removed) = crate::forms::ops::remove_planned(state, p.unconfirmed)?;
    let also = (erased > 0).then(|| counted(lang, "gdpr-rule-also-sign-ups-done", erased));
    set(RuleKey::UnconfirmedSignUps, (erased + removed) as u64, also);

    let mut uploads = 0;
    for f in &p.uploads {
        let sidecar = f.with_file_name(
            f.file_name().and_then(|n| n.to_str()).unwrap_or("").replace(".upload.csv", ".upload.json"),
        );
        let _ = std::fs::remove_file(sidecar);
        match std::fs::remove_file(f) {
            Ok(()) => uploads += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(OpError::Internal(format!("removing {}: {e}", f.display()))),
        }
    }
    set(RuleKey::ImportUploads, uploads, None);

    for r in &p.closed {
        state.gdpr.requests.remove(r)?;
    }
    set(RuleKey::ClosedRequests, p.closed.len() as u64, None);

    let tombstones = state.contacts.expire_suppression(p.tombstone_cutoff)?;
    set(RuleKey::Tombstones, tombstones as u64, None);
    state.store.commit()?;

    let ended = erasure::erase_without_request(state, &p.ended, Mode::Anonymise)?;
    set(
        RuleKey::ConsentEnded,
        ended as u64,
        p.rules.iter().find(|r| r.key == RuleKey::ConsentEnded).and_then(|r| r.also.clone()),
    );

    let audit = state.audit.prune(&p.audit)?;
    set(RuleKey::AuditEntries, audit as u64, None);
    state.store.commit()?;

    let mut messages = 0;
    for chunk in p.messages.chunks(1_000) {
        for (id, contact) in chunk {
            if state.sending.outbox.remove_message(id, contact)? {
                messages += 1;
            }
        }
        state.store.commit()?;
    }
    set(RuleKey::TransactionalMessages, messages, None);

    let report = Report { at: now, dry_run: false, rules: done };
    let mut event = by.event(Action::RetentionRun);
    for r in &report.rules {
        event = event.detail(r.key.as_str(), r.count);
    }
    state.audit.record(event)?;
    Ok(report)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyInput {
    pub inactive_days: Option<u32>,
    pub inactive_action: Option<String>,
    pub closed_request_days: Option<u32>,
    pub audit_days: Option<u32>,
}

/// Changes the periods set on the retention page (absent fields stay as they are).
pub fn save_policy(state: &AppState, by: By, input: &PolicyInput) -> OpResult<Policy> {
    by.require(Permission::ManageGdpr)?;
    let before = state.gdpr.retention.policy()?;
    let mut p = before.clone();
    if let Some(d) = input.inactive_days {
        p.inactive_days = d;
    }
    if let Some(a) = input.inactive_action.as_deref().map(str::trim) {
        p.inactive_action = match a {
            "delete" => InactiveAction::Delete,
            "anonymise" | "anonymize" => InactiveAction::Anonymise,
            _ => return Err(OpError::Invalid { field: "inactive_action", message: "use delete or anonymise".into() }),
        };
    }
    if let Some(d) = input.closed_request_days {
        p.closed_request_days = d;
    }
    if let Some(d) = input.audit_days {
        p.audit_days = d;
    }
    p.validate().map_err(|(field, message)| OpError::Invalid { field, message })?;
    if p == before {
        return Ok(p);
    }
    let mut changed = Vec::new();
    if p.inactive_days != before.inactive_days {
        changed.push("inactive_days");
    }
    if p.inactive_action != before.inactive_action {
        changed.push("inactive_action");
    }
    if p.closed_request_days != before.closed_request_days {
        changed.push("closed_request_days");
    }
    if p.audit_days != before.audit_days {
        changed.push("audit_days");
    }
    state.gdpr.retention.save(&p)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::RetentionPolicyChanged)
            .detail("changed", changed.join(","))
            .detail("inactive_days", p.inactive_days)
            .detail("inactive_action", p.inactive_action.as_str())
            .detail("closed_request_days", p.closed_request_days)
            .detail("audit_days", p.audit_days),
    )?;
    Ok(p)
}
