//! The breach assistant (Art. 33 and 34): the DPO records when a breach was discovered, the
//! time window it covers and what it affected; Tidings counts the data subjects, records and
//! data categories concerned from the stores and lists who exported, unmasked or signed in
//! during the window from the audit log; it drafts the notification to the supervisory
//! authority with the fields of Art. 33(3), keeps the 72-hour deadline in view, and prepares
//! (and on request queues) the notice to the people concerned.
//!
//! The register and the notices' other languages are kept by [`register`]; this module checks,
//! counts and drafts.

pub mod register;

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub use register::{Breaches, NoticeText, NoticeVersions};

use super::requests::{State, Step};
use super::steps::StepText;
use crate::audit::{Action, Filter};
use crate::domain::{BreachId, ContactId, EmailAddress, Permission, Status};
use crate::i18n::{args, Arg, Language};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::state::AppState;
use crate::store::registry::Holds;
use crate::store::Result;

/// Art. 33(1): the supervisory authority is notified within 72 hours of becoming aware.
pub const DEADLINE_HOURS: i64 = 72;

/// What a breach affected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Affected {
    /// Contact profiles: addresses, names, phone numbers, custom fields, lists and tags.
    Contacts,
    /// The consent ledger and form submissions.
    Consents,
    /// Tracked events: opens, clicks, website visits, orders.
    Events,
    /// The register of privacy requests and what requesters wrote.
    Requests,
    /// Admin accounts.
    Users,
}

impl Affected {
    pub const ALL: [Affected; 5] =
        [Affected::Contacts, Affected::Consents, Affected::Events, Affected::Requests, Affected::Users];

    pub fn as_str(&self) -> &'static str {
        match self {
            Affected::Contacts => "contacts",
            Affected::Consents => "consents",
            Affected::Events => "events",
            Affected::Requests => "requests",
            Affected::Users => "users",
        }
    }

    /// The stores that hold this data, for the data categories concerned (lookup indexes of
    /// ids and keyed hashes left out: they say nothing a reader could use).
    fn trees(&self) -> &'static [&'static str] {
        match self {
            Affected::Contacts => &["contacts", "contact_history", "contact_activity"],
            Affected::Consents => &["consents", "form_submissions"],
            Affected::Events => &["events", "visitor_events"],
            Affected::Requests => &["dsr_requests", "dsr_details"],
            Affected::Users => &["users", "sessions", "api_tokens"],
        }
    }

    pub fn parse(s: &str) -> Option<Affected> {
        Affected::ALL.into_iter().find(|a| a.as_str() == s.trim())
    }
}

/// Who exported, unmasked or signed in during the window: one line per action and actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityLine {
    pub action: String,
    pub actor: String,
    pub count: u64,
}

/// What the stores and the audit log say about a breach's scope, counted when it was recorded
/// (and again on request).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub at: DateTime<Utc>,
    /// Approximate number of data subjects concerned (contacts and admin users, each once).
    pub subjects: u64,
    /// Approximate number of personal-data records concerned.
    pub records: u64,
    /// Contacts that existed during the window (within the list or tag, when one is given).
    pub contacts: u64,
    /// Of those, the ones a notice can reach by mail (not bounced, complained or suppressed).
    pub reachable: u64,
    pub consent_records: u64,
    pub events: u64,
    /// People whose tracked events fall in the window.
    pub event_subjects: u64,
    pub requests: u64,
    pub users: u64,
    /// Categories of personal data, from the personal-data registry.
    pub categories: Vec<String>,
    /// Exports, unmasks, archives, backups and sign-ins in the window, from the audit log.
    pub activity: Vec<ActivityLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breach {
    pub id: BreachId,
    pub recorded_at: DateTime<Utc>,
    pub discovered_at: DateTime<Utc>,
    pub window_start: DateTime<Utc>,
    pub window_end: DateTime<Utc>,
    pub affected: Vec<Affected>,
    /// Only contacts on this list (slug) or with this tag were concerned, when set.
    pub list: Option<String>,
    pub tag: Option<String>,
    /// The nature of the breach, in the DPO's words.
    pub description: String,
    pub consequences: String,
    pub measures: String,
    pub assessment: Assessment,
    /// When the supervisory authority was notified, its reference, and why it was late if it was.
    pub reported_at: Option<DateTime<Utc>>,
    pub authority_reference: String,
    pub delay_reason: String,
    /// The notice to the people concerned (Art. 34), as the DPO edited it.
    pub notice_subject: String,
    pub notice_body: String,
    pub notice_queued_at: Option<DateTime<Utc>>,
    pub notice_recipients: u64,
    pub closed_at: Option<DateTime<Utc>>,
    pub steps: Vec<Step>,
}

/// Where a breach stands against its 72 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    /// The authority was notified (on time or not: see `reported_late`).
    Reported,
    /// Not yet notified, and the 72 hours are over.
    Overdue,
    /// Not yet notified; time is running.
    Running,
    /// Closed without notifying (e.g. judged unlikely to result in a risk, Art. 33(1)).
    Closed,
}

impl Breach {
    pub fn deadline(&self) -> DateTime<Utc> {
        self.discovered_at + Duration::hours(DEADLINE_HOURS)
    }

    pub fn deadline_state(&self, now: DateTime<Utc>) -> Deadline {
        if self.reported_at.is_some() {
            Deadline::Reported
        } else if self.closed_at.is_some() {
            Deadline::Closed
        } else if now > self.deadline() {
            Deadline::Overdue
        } else {
            Deadline::Running
        }
    }

    pub fn reported_late(&self) -> bool {
        self.reported_at.is_some_and(|t| t > self.deadline())
    }

    /// Hours and minutes left (negative once over).
    pub fn time_left(&self, now: DateTime<Utc>) -> (i64, i64) {
        let m = (self.deadline() - now).num_minutes();
        (m / 60, (m % 60).abs())
    }

    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    fn step(&mut self, by: &str, what: StepText) {
        self.steps.push(Step { at: Utc::now(), by: by.to_string(), what: what.to_string() });
    }
}

fn text(field: &'static str, v: Option<&str>, max: usize) -> OpResult<String> {
    let v = v.unwrap_or("").trim();
    if v.chars().count() > max {
        return Err(invalid(field, format!("is longer than {max} characters")));
    }
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(invalid(field, "must not contain control characters"));
    }
    Ok(v.to_string())
}

/// Breach texts outlive the people they might name (the register is kept after erasure, and a
/// plain record's old bytes stay in the store's log until it is rewritten). So a text that
/// names a contact by address is refused where it is typed: people concerned are described by
/// number or category. Names cannot be told from words reliably; the form asks for none.
fn register_text(state: &AppState, field: &'static str, v: Option<&str>, max: usize) -> OpResult<String> {
    let v = text(field, v, max)?;
    let names_contact = v
        .split(|c: char| c.is_whitespace() || "<>()[]{},;:\"'".contains(c))
        .filter(|w| w.contains('@'))
        .filter_map(|w| crate::domain::EmailAddress::parse(w.trim_matches('.')).ok())
        .map(|e| state.contacts.find_by_email(&e))
        .collect::<Result<Vec<_>, _>>()?
        .iter()
        .any(Option::is_some);
    if names_contact {
        return Err(invalid(
            field,
            "names a contact by email address; the breach register is kept after people are erased, so describe \
             those concerned by number or category instead",
        ));
    }
    Ok(v)
}

/// A contact the breach's list or tag selects (all contacts when neither is set).
fn in_scope(b: &Breach, c: &crate::domain::Contact) -> bool {
    b.list.as_ref().is_none_or(|l| c.lists.contains(l)) && b.tag.as_ref().is_none_or(|t| c.tags.contains(t))
}

/// Contacts concerned: those that existed during the window and are in scope, when contact
/// data or consents were affected; with tracked events, also those with events in the window.
fn concerned(state: &AppState, b: &Breach) -> OpResult<(Vec<crate::domain::Contact>, HashSet<ContactId>, u64)> {
    let profiles = b.affected.iter().any(|a| matches!(a, Affected::Contacts | Affected::Consents));
    let mut contacts = Vec::new();
    let mut ids = HashSet::new();
    if profiles {
        for c in state.contacts.iter() {
            let c = c?;
            if c.created_at <= b.window_end && in_scope(b, &c) {
                ids.insert(c.id);
                contacts.push(c);
            }
        }
    }
    let mut events = 0;
    if b.affected.contains(&Affected::Events) {
        let (with_events, n) =
            state.tracking.store.contacts_with_events(b.window_start, b.window_end + Duration::milliseconds(1))?;
        events = n;
        for c in with_events {
            if ids.contains(&c) {
                continue;
            }
            if let Some(contact) = state.contacts.get(&c)? {
                if in_scope(b, &contact) {
                    ids.insert(c);
                    contacts.push(contact);
                }
            }
        }
    }
    Ok((contacts, ids, events))
}

/// Counts what the breach concerns, from the stores and the audit log.
pub fn assess(state: &AppState, b: &Breach) -> OpResult<Assessment> {
    let (contacts, mut subjects, events) = concerned(state, b)?;
    let mut a = Assessment { at: Utc::now(), events, ..Default::default() };
    if b.affected.iter().any(|x| matches!(x, Affected::Contacts | Affected::Consents)) {
        a.contacts = contacts.iter().filter(|c| c.created_at <= b.window_end && in_scope(b, c)).count() as u64;
    }
    if b.affected.contains(&Affected::Events) {
        let (people, _) =
            state.tracking.store.contacts_with_events(b.window_start, b.window_end + Duration::milliseconds(1))?;
        a.event_subjects = people.len() as u64;
    }
    for c in &contacts {
        if !matches!(c.status, Status::Bounced | Status::Complained) && !state.contacts.is_suppressed(&c.email)? {
            a.reachable += 1;
        }
    }
    if b.affected.contains(&Affected::Consents) {
        for c in &contacts {
            a.consent_records += state.contacts.ledger(&c.id)?.len() as u64;
            a.consent_records += state.forms.submissions_of(&c.id)?.len() as u64;
        }
    }
    if b.affected.contains(&Affected::Requests) {
        for r in state.gdpr.requests.all()? {
            let open_then = r.received_at <= b.window_end
                && (r.state == State::Open || r.closed_at.is_none_or(|t| t >= b.window_start));
            let unscoped = b.list.is_none() && b.tag.is_none();
            if open_then && (unscoped || r.contact.is_some_and(|c| subjects.contains(&c))) {
                a.requests += 1;
                subjects.extend(r.contact);
            }
        }
    }
    if b.affected.contains(&Affected::Users) {
        a.users = state.users.list()?.iter().filter(|u| u.created_at <= b.window_end).count() as u64;
    }
    a.subjects = subjects.len() as u64 + a.users;
    let profiles = if b.affected.contains(&Affected::Contacts) { a.contacts } else { 0 };
    a.records = profiles + a.consent_records + a.events + a.requests + a.users;
    let mut categories: Vec<String> = Vec::new();
    for affected in &b.affected {
        for tree in affected.trees() {
            if let Some(Holds::Personal { categories: c, .. }) = state.store.registry().lookup(tree).map(|r| &r.holds) {
                for cat in c.iter().filter(|c| !c.ends_with(" id")) {
                    if !categories.iter().any(|x| x == cat) {
                        categories.push(cat.to_string());
                    }
                }
            }
        }
    }
    a.categories = categories;
    a.activity = activity(state, b.window_start, b.window_end)?;
    Ok(a)
}

/// The actions that read or carried personal data out, and sign-ins, in the window.
const WATCHED: &[Action] = &[
    Action::ContactsExported,
    Action::ContactUnmasked,
    Action::RequestArchiveProduced,
    Action::BackupCreated,
    Action::Login,
    Action::LoginFailed,
];

fn activity(state: &AppState, from: DateTime<Utc>, to: DateTime<Utc>) -> OpResult<Vec<ActivityLine>> {
    let filter = Filter { since: Some(from), until: Some(to), ..Default::default() };
    let usernames: BTreeMap<String, String> =
        state.users.list()?.into_iter().map(|u| (u.id.reference(), u.username)).collect();
    let mut counts: BTreeMap<(String, String), u64> = BTreeMap::new();
    for e in state.audit.query(&filter, usize::MAX)? {
        if !WATCHED.iter().any(|a| a.as_str() == e.action) {
            continue;
        }
        let actor = e.actor.reference();
        let who = usernames.get(&actor).cloned().unwrap_or(actor);
        *counts.entry((e.action, who)).or_default() += 1;
    }
    Ok(counts.into_iter().map(|((action, actor), count)| ActivityLine { action, actor, count }).collect())
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreachInput {
    pub discovered_at: Option<DateTime<Utc>>,
    pub window_start: Option<DateTime<Utc>>,
    pub window_end: Option<DateTime<Utc>>,
    /// contacts, consents, events, requests, users, or all.
    #[serde(default)]
    pub affected: Vec<String>,
    pub list: Option<String>,
    pub tag: Option<String>,
    pub description: Option<String>,
    pub consequences: Option<String>,
    pub measures: Option<String>,
}

fn parse_affected(raw: &[String]) -> OpResult<Vec<Affected>> {
    let mut out = Vec::new();
    for s in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if s == "all" {
            return Ok(Affected::ALL.to_vec());
        }
        let a = Affected::parse(s).ok_or_else(|| {
            invalid("affected", format!("`{s}` is not one of contacts, consents, events, requests, users, all"))
        })?;
        if !out.contains(&a) {
            out.push(a);
        }
    }
    if out.is_empty() {
        return Err(invalid(
            "affected",
            "say what the breach affected (contacts, consents, events, requests, users or all)",
        ));
    }
    out.sort();
    Ok(out)
}

/// Records a breach and counts what it concerns.
pub fn record(state: &AppState, by: By, input: &BreachInput) -> OpResult<Breach> {
    by.require(Permission::ManageGdpr)?;
    let now = Utc::now();
    let discovered_at =
        input.discovered_at.ok_or_else(|| invalid("discovered_at", "say when the breach was discovered"))?;
    if discovered_at > now + Duration::minutes(5) {
        return Err(invalid("discovered_at", "is in the future"));
    }
    let window_start =
        input.window_start.ok_or_else(|| invalid("window_start", "say from when the data was exposed"))?;
    let window_end = input.window_end.unwrap_or(discovered_at);
    if window_end < window_start {
        return Err(invalid("window_end", "is before the start of the window"));
    }
    if window_start > now + Duration::minutes(5) {
        return Err(invalid("window_start", "is in the future"));
    }
    let affected = parse_affected(&input.affected)?;
    let list = input.list.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    if let Some(l) = &list {
        state.lists.get(l)?.ok_or_else(|| invalid("list", format!("there is no list `{l}`")))?;
    }
    let tag = input.tag.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let description = register_text(state, "description", input.description.as_deref(), 5000)?;
    if description.is_empty() {
        return Err(invalid("description", "describe what happened (the nature of the breach)"));
    }
    let mut b = Breach {
        id: BreachId::new(),
        recorded_at: now,
        discovered_at,
        window_start,
        window_end,
        affected,
        list,
        tag,
        description,
        consequences: register_text(state, "consequences", input.consequences.as_deref(), 5000)?,
        measures: register_text(state, "measures", input.measures.as_deref(), 5000)?,
        assessment: Assessment::default(),
        reported_at: None,
        authority_reference: String::new(),
        delay_reason: String::new(),
        notice_subject: String::new(),
        notice_body: String::new(),
        notice_queued_at: None,
        notice_recipients: 0,
        closed_at: None,
        steps: Vec::new(),
    };
    b.assessment = assess(state, &b)?;
    let (subject, body) = notice_draft(state, &b);
    b.notice_subject = subject;
    b.notice_body = body;
    let who = super::ops::actor_ref(&by);
    b.step(&who, StepText::BreachRecorded { subjects: b.assessment.subjects, records: b.assessment.records });
    state.gdpr.breaches.put(&b)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::BreachRecorded)
            .target(b.id.reference())
            .detail("affected", b.affected.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(","))
            .detail("subjects", b.assessment.subjects)
            .detail("records", b.assessment.records),
    )?;
    Ok(b)
}

pub fn get(state: &AppState, id: &BreachId) -> OpResult<Breach> {
    state.gdpr.breaches.get(id)?.ok_or(OpError::NotFound("breach"))
}

/// Counts again (after more was learnt, or data changed).
pub fn reassess(state: &AppState, by: By, id: &BreachId) -> OpResult<Breach> {
    by.require(Permission::ManageGdpr)?;
    let mut b = get(state, id)?;
    b.assessment = assess(state, &b)?;
    b.step(
        &super::ops::actor_ref(&by),
        StepText::BreachCounted { subjects: b.assessment.subjects, records: b.assessment.records },
    );
    state.gdpr.breaches.put(&b)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::BreachAssessed)
            .target(b.id.reference())
            .detail("subjects", b.assessment.subjects)
            .detail("records", b.assessment.records),
    )?;
    Ok(b)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreachUpdate {
    pub description: Option<String>,
    pub consequences: Option<String>,
    pub measures: Option<String>,
    /// Marks the authority as notified (at `reported_at`, or now).
    pub reported: Option<bool>,
    pub reported_at: Option<DateTime<Utc>>,
    pub authority_reference: Option<String>,
    /// Required when the notification is made after the 72 hours (Art. 33(1)).
    pub delay_reason: Option<String>,
    pub notice_subject: Option<String>,
    pub notice_body: Option<String>,
    /// Closes the breach (or reopens it with false); closing unreported needs `delay_reason`
    /// to say why no notification was made.
    pub close: Option<bool>,
}

pub fn update(state: &AppState, by: By, id: &BreachId, u: &BreachUpdate) -> OpResult<Breach> {
    by.require(Permission::ManageGdpr)?;
    let mut b = get(state, id)?;
    let who = super::ops::actor_ref(&by);
    let mut changed = Vec::new();
    for (field, value, slot) in [
        ("description", &u.description, &mut b.description),
        ("consequences", &u.consequences, &mut b.consequences),
        ("measures", &u.measures, &mut b.measures),
    ] {
        if let Some(v) = value {
            let v = register_text(state, field, Some(v), 5000)?;
            if field == "description" && v.is_empty() {
                return Err(invalid("description", "describe what happened (the nature of the breach)"));
            }
            if *slot != v {
                *slot = v;
                changed.push(field);
            }
        }
    }
    if let Some(r) = &u.authority_reference {
        let r = text("authority_reference", Some(r), 200)?;
        if r != b.authority_reference {
            b.authority_reference = r;
            changed.push("authority_reference");
        }
    }
    if let Some(r) = &u.delay_reason {
        let r = register_text(state, "delay_reason", Some(r), 2000)?;
        if r != b.delay_reason {
            b.delay_reason = r;
            changed.push("delay_reason");
        }
    }
    if let Some(s) = &u.notice_subject {
        let s = notice_subject(state, "notice_subject", s)?;
        if s != b.notice_subject {
            b.notice_subject = s;
            changed.push("notice_subject");
        }
    }
    if let Some(s) = &u.notice_body {
        let s = notice_body(state, "notice_body", s)?;
        if s != b.notice_body {
            b.notice_body = s;
            changed.push("notice_body");
        }
    }
    if u.reported == Some(true) && b.reported_at.is_none() {
        let at = u.reported_at.unwrap_or_else(Utc::now);
        if at > Utc::now() + Duration::minutes(5) {
            return Err(invalid("reported_at", "is in the future"));
        }
        if at < b.discovered_at {
            return Err(invalid("reported_at", "is before the breach was discovered"));
        }
        if at > b.deadline() && b.delay_reason.is_empty() {
            return Err(invalid(
                "delay_reason",
                "the notification is later than 72 hours: give the reasons for the delay (Art. 33(1))",
            ));
        }
        b.reported_at = Some(at);
        b.step(&who, StepText::AuthorityNotified { late: b.reported_late() });
        changed.push("reported_at");
    }
    match u.close {
        Some(true) if b.closed_at.is_none() => {
            if b.reported_at.is_none() && b.delay_reason.is_empty() {
                return Err(invalid(
                    "delay_reason",
                    "say why the authority was not notified (e.g. the breach is unlikely to result in a risk)",
                ));
            }
            b.closed_at = Some(Utc::now());
            b.step(&who, StepText::Closed);
            changed.push("closed_at");
        }
        Some(false) if b.closed_at.is_some() => {
            b.closed_at = None;
            b.step(&who, StepText::Reopened);
            changed.push("closed_at");
        }
        _ => {}
    }
    if changed.is_empty() {
        return Ok(b);
    }
    state.gdpr.breaches.put(&b)?;
    state.store.commit()?;
    state
        .audit
        .record(by.event(Action::BreachChanged).target(b.id.reference()).detail("changed", changed.join(",")))?;
    Ok(b)
}

/// The subject of a notice: every notice's mail header, and text the register keeps.
fn notice_subject(state: &AppState, field: &'static str, raw: &str) -> OpResult<String> {
    let s = crate::domain::HeaderText::parse(raw, 200).map(String::from).map_err(|e| invalid(field, e.to_string()))?;
    let s = register_text(state, field, Some(&s), 200)?;
    if s.is_empty() {
        return Err(invalid(field, "the notice needs a subject"));
    }
    Ok(s)
}

/// The text of a notice, paragraphs separated by a blank line. A browser sends a textarea's
/// line breaks as CRLF, which would hide every blank line from the paragraph split.
fn notice_body(state: &AppState, field: &'static str, raw: &str) -> OpResult<String> {
    let s = register_text(state, field, Some(&raw.replace("\r\n", "\n")), 10_000)?;
    if s.is_empty() {
        return Err(invalid(field, "the notice needs a text"));
    }
    Ok(s)
}

/// A language the public catalogues ship (the notice goes out with its footer and
/// `Content-Language`): its code, or the field named.
fn shipped_language(raw: &str) -> OpResult<String> {
    crate::i18n::catalogue().languages().iter().find(|l| l.code == raw.trim()).map(|l| l.code.clone()).ok_or_else(
        || invalid("language", format!("Tidings has no translation `{}`", raw.chars().take(20).collect::<String>())),
    )
}

/// A version of the notice in another language, as typed (the API's body, the page's form).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeInput {
    pub subject: Option<String>,
    pub body: Option<String>,
}

/// Versions are what each person was sent: once the notice is queued they stay as they were.
fn versions_open(b: &Breach) -> OpResult<()> {
    if b.notice_queued_at.is_some() {
        return Err(OpError::Conflict(
            "The notice has been queued already; its versions are kept as they were sent.".into(),
        ));
    }
    Ok(())
}

/// Adds or replaces the notice in `language`, checked like the notice's own text.
pub fn set_notice_version(
    state: &AppState,
    by: By,
    id: &BreachId,
    language: &str,
    input: &NoticeInput,
) -> OpResult<NoticeVersions> {
    by.require(Permission::ManageGdpr)?;
    let b = get(state, id)?;
    let code = shipped_language(language)?;
    versions_open(&b)?;
    let text = NoticeText {
        subject: notice_subject(state, "subject", input.subject.as_deref().unwrap_or(""))?,
        body: notice_body(state, "body", input.body.as_deref().unwrap_or(""))?,
    };
    let mut all = state.gdpr.breaches.notice_versions(id)?;
    if all.get(&code) == Some(&text) {
        return Ok(all);
    }
    all.insert(code.clone(), text);
    state.gdpr.breaches.set_notice_versions(id, &all)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::BreachChanged)
            .target(b.id.reference())
            .detail("changed", "notice_version")
            .detail("language", &code),
    )?;
    Ok(all)
}

/// Removes the notice in `language`: its readers get the shop's language's version, or the
/// notice's own text.
pub fn remove_notice_version(state: &AppState, by: By, id: &BreachId, language: &str) -> OpResult<NoticeVersions> {
    by.require(Permission::ManageGdpr)?;
    let b = get(state, id)?;
    let code = shipped_language(language)?;
    versions_open(&b)?;
    let mut all = state.gdpr.breaches.notice_versions(id)?;
    if all.remove(&code).is_none() {
        return Err(OpError::NotFound("notice in this language"));
    }
    state.gdpr.breaches.set_notice_versions(id, &all)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::BreachChanged)
            .target(b.id.reference())
            .detail("changed", "notice_version_removed")
            .detail("language", &code),
    )?;
    Ok(all)
}

/// The notice one person gets: the version in their language (`Contact::locale`, a region
/// falling back to its language), else the one in the shop's language, else the notice's own
/// text. With the language of a version; None for the notice's own text, which goes out as
/// the shop's other system mail does.
pub fn notice_for<'a>(
    b: &'a Breach,
    versions: &'a NoticeVersions,
    contact_locale: Option<&str>,
    shop_language: &str,
) -> (&'a str, &'a str, Option<&'static crate::i18n::Language>) {
    let cat = crate::i18n::catalogue();
    for lang in [contact_locale.and_then(|l| cat.find(l)), cat.find(shop_language)].into_iter().flatten() {
        if let Some(v) = versions.get(&lang.code) {
            return (&v.subject, &v.body, Some(lang));
        }
    }
    (&b.notice_subject, &b.notice_body, None)
}

fn dpo_contact(state: &AppState, lang: &Language) -> String {
    let s = state.settings.get().unwrap_or_default();
    if s.dpo_contact.trim().is_empty() {
        lang.text("gdpr-draft-no-dpo", None)
    } else {
        s.dpo_contact
    }
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// What a breach affected, in `lang`'s words ("Contact profiles (addresses, names, …)").
pub fn affected_words(a: Affected, lang: &Language) -> String {
    lang.text("gdpr-affected", Some(&args([("what", Arg::from(a.as_str()))])))
}

/// The draft notification to the supervisory authority, with the fields of Art. 33(3), in
/// `lang` (an admin catalogue language: the DPO's for the page, English for the API).
pub fn notification(state: &AppState, b: &Breach, now: DateTime<Utc>, lang: &Language) -> String {
    let s = state.settings.get().unwrap_or_default();
    let a = &b.assessment;
    let say = |key: &str, pairs: Vec<(&str, Arg)>| lang.text(key, Some(&args(pairs)));
    let n = |v: u64| Arg::Number(v as f64);
    let text = |v: &str| Arg::from(v);
    let scope = match (&b.list, &b.tag) {
        (Some(l), Some(t)) => {
            format!(" {}", say("gdpr-draft-scope-list-tag", vec![("list", text(l)), ("tag", text(t))]))
        }
        (Some(l), None) => format!(" {}", say("gdpr-draft-scope-list", vec![("list", text(l))])),
        (None, Some(t)) => format!(" {}", say("gdpr-draft-scope-tag", vec![("tag", text(t))])),
        (None, None) => String::new(),
    };
    let affected: Vec<String> = b.affected.iter().map(|x| affected_words(*x, lang)).collect();
    let mut detail = Vec::new();
    if b.affected.contains(&Affected::Contacts) {
        detail.push(say("gdpr-draft-detail-contacts", vec![("count", n(a.contacts))]));
    }
    if b.affected.contains(&Affected::Consents) {
        detail.push(say("gdpr-draft-detail-consents", vec![("count", n(a.consent_records))]));
    }
    if b.affected.contains(&Affected::Events) {
        detail.push(say("gdpr-draft-detail-events", vec![("count", n(a.events)), ("people", n(a.event_subjects))]));
    }
    if b.affected.contains(&Affected::Requests) {
        detail.push(say("gdpr-draft-detail-requests", vec![("count", n(a.requests))]));
    }
    if b.affected.contains(&Affected::Users) {
        detail.push(say("gdpr-draft-detail-users", vec![("count", n(a.users))]));
    }
    let activity = if a.activity.is_empty() {
        lang.text("gdpr-draft-activity-none", None)
    } else {
        a.activity
            .iter()
            .map(|l| {
                say(
                    "gdpr-draft-activity-line",
                    vec![("count", n(l.count)), ("action", text(&l.action)), ("actor", text(&l.actor))],
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let pending = |v: &str, what: &str| {
        if v.trim().is_empty() {
            say("gdpr-draft-pending", vec![("what", Arg::from(lang.text(what, None)))])
        } else {
            v.trim().to_string()
        }
    };
    let when = b.reported_at.unwrap_or(now);
    let hours = n((when - b.discovered_at).num_hours().max(0) as u64);
    let timing = if when <= b.deadline() {
        say("gdpr-draft-in-time", vec![("hours", hours)])
    } else {
        let reasons = pending(&b.delay_reason, "gdpr-draft-pending-delay");
        say("gdpr-draft-late", vec![("hours", hours), ("reasons", Arg::from(reasons))])
    };
    let address = if s.postal_address.trim().is_empty() { String::new() } else { format!(", {}", s.address_line()) };
    let categories: Vec<String> = a.categories.iter().map(|c| super::records::category_words(c, lang)).collect();
    let lines = [
        lang.text("gdpr-draft-title", None),
        String::new(),
        say("gdpr-draft-controller", vec![("controller", Arg::from(format!("{}{address}", s.organisation)))]),
        say("gdpr-draft-reference", vec![("reference", Arg::from(b.id.reference()))]),
        String::new(),
        lang.text("gdpr-draft-timing", None),
        format!("- {}", say("gdpr-draft-discovered", vec![("when", Arg::from(utc(b.discovered_at)))])),
        format!(
            "- {}",
            say(
                "gdpr-draft-window",
                vec![("from", Arg::from(utc(b.window_start))), ("to", Arg::from(utc(b.window_end)))]
            )
        ),
        format!("- {}", say("gdpr-draft-this", vec![("timing", Arg::from(timing))])),
        String::new(),
        lang.text("gdpr-draft-nature", None),
        b.description.clone(),
        say("gdpr-draft-affected", vec![("affected", Arg::from(affected.join("; "))), ("scope", Arg::from(scope))]),
        say("gdpr-draft-categories", vec![("categories", Arg::from(categories.join(", ")))]),
        say("gdpr-draft-subjects", vec![("count", n(a.subjects))]),
        say("gdpr-draft-records", vec![("count", n(a.records)), ("detail", Arg::from(detail.join(", ")))]),
        say("gdpr-draft-access", vec![("activity", Arg::from(activity))]),
        String::new(),
        lang.text("gdpr-draft-dpo", None),
        dpo_contact(state, lang),
        String::new(),
        lang.text("gdpr-draft-consequences", None),
        pending(&b.consequences, "gdpr-draft-pending-consequences"),
        String::new(),
        lang.text("gdpr-draft-measures", None),
        pending(&b.measures, "gdpr-draft-pending-measures"),
        String::new(),
        lang.text("gdpr-draft-phases", None),
    ];
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The notice to the people concerned (Art. 34(2): in clear and plain language, the nature of
/// the breach, the contact point, the likely consequences and the measures), as a first draft
/// the DPO edits.
pub fn notice_draft(state: &AppState, b: &Breach) -> (String, String) {
    let s = state.settings.get().unwrap_or_default();
    let mut paragraphs = vec![
        "Hello,".to_string(),
        format!(
            "we are writing to tell you about a security incident at {} that concerns your personal data.",
            s.organisation
        ),
        format!("What happened: {}", b.description),
        format!("Which of your data: {}.", b.assessment.categories.join(", ")),
    ];
    if !b.consequences.is_empty() {
        paragraphs.push(format!("What this may mean for you: {}", b.consequences));
    }
    if !b.measures.is_empty() {
        paragraphs.push(format!("What we have done: {}", b.measures));
    }
    paragraphs.push(
        "What you can do: be wary of unexpected messages that mention your account or ask for passwords or payment \
         details, and change your password wherever you used the same one."
            .into(),
    );
    let dpo = dpo_contact(state, crate::i18n::admin_catalogue().source());
    paragraphs.push(format!("If you have questions, contact our data-protection officer: {dpo}."));
    (format!("Important: a security incident at {} concerns your data", s.organisation), paragraphs.join("\n\n"))
}

/// Who a notice goes to: the contact, their address and their language (`Contact::locale`).
pub struct Recipient {
    pub contact: ContactId,
    pub email: EmailAddress,
    pub locale: Option<String>,
}

/// The contacts a notice would go to now: those concerned that mail can reach.
pub fn recipients(state: &AppState, b: &Breach) -> OpResult<Vec<Recipient>> {
    let (contacts, _, _) = concerned(state, b)?;
    let mut out = Vec::new();
    for c in contacts {
        if !matches!(c.status, Status::Bounced | Status::Complained) && !state.contacts.is_suppressed(&c.email)? {
            out.push(Recipient { contact: c.id, email: c.email, locale: c.locale });
        }
    }
    Ok(out)
}

/// Queues the notice to everyone concerned through the transactional outbox (in the
/// background: a large breach means many messages). Once per breach; returns how many
/// recipients it is queued for.
pub fn queue_notice(state: Arc<AppState>, by: By, id: &BreachId) -> OpResult<usize> {
    by.require(Permission::ManageGdpr)?;
    let mut b = get(&state, id)?;
    if b.notice_queued_at.is_some() {
        return Err(OpError::Conflict("The notice to the people concerned has been queued already.".into()));
    }
    if !b.affected.iter().any(|a| matches!(a, Affected::Contacts | Affected::Consents | Affected::Events)) {
        return Err(OpError::Conflict(
            "This breach concerns no contacts, so there is no one to notify by mail.".into(),
        ));
    }
    let to = recipients(&state, &b)?;
    let versions = state.gdpr.breaches.notice_versions(&b.id)?;
    let shop_language = state.settings.get()?.language;
    // Each person's notice, as the message's data: the language of a version travels with it,
    // so the sender words the footer and `Content-Language` in it (see `localized_message`).
    let mut in_languages: BTreeMap<&str, u64> = BTreeMap::new();
    let messages: Vec<(ContactId, EmailAddress, serde_json::Value)> = to
        .into_iter()
        .map(|r| {
            let (subject, body, lang) = notice_for(&b, &versions, r.locale.as_deref(), &shop_language);
            *in_languages.entry(lang.map_or("own", |l| l.code.as_str())).or_default() += 1;
            // A notice saved from the page before its line breaks were normalised has CRLFs.
            let body = body.replace("\r\n", "\n");
            let paragraphs: Vec<&str> = body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
            let mut data = serde_json::json!({ "subject": subject, "paragraphs": paragraphs });
            if let Some(l) = lang {
                data["language"] = l.code.as_str().into();
            }
            (r.contact, r.email, data)
        })
        .collect();
    let in_languages = in_languages.iter().map(|(l, n)| format!("{l}:{n}")).collect::<Vec<_>>().join(",");
    b.notice_queued_at = Some(Utc::now());
    b.notice_recipients = messages.len() as u64;
    let who = super::ops::actor_ref(&by);
    b.step(&who, StepText::NoticeQueued(messages.len() as u64));
    state.gdpr.breaches.put(&b)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::BreachNoticeQueued)
            .target(b.id.reference())
            .detail("recipients", messages.len())
            .detail("languages", in_languages),
    )?;
    let n = messages.len();
    let caller = b.id.reference();
    let id = b.id;
    std::thread::Builder::new()
        .name("breach-notice".into())
        .spawn(move || {
            let mut queued = 0u64;
            let mut skipped = 0u64;
            for (contact, email, data) in messages {
                let msg = crate::sending::ops::NewMessage {
                    template: crate::sending::templates::BREACH_NOTICE,
                    to: &email,
                    data,
                    idempotency_key: &contact.to_string(),
                };
                match crate::sending::ops::enqueue_system_message(&state, &caller, msg) {
                    Ok(_) => queued += 1,
                    Err(e) => {
                        skipped += 1;
                        tracing::warn!(breach = %id, error = %e, "a breach notice could not be queued");
                    }
                }
            }
            if let Ok(Some(mut b)) = state.gdpr.breaches.get(&id) {
                b.step("system", StepText::NoticesQueued { queued, skipped });
                let _ = state.gdpr.breaches.put(&b).and_then(|_| state.store.commit());
            }
        })
        .map_err(|e| OpError::Internal(format!("starting the notice queue: {e}")))?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breach() -> Breach {
        let now = Utc::now();
        Breach {
            id: BreachId::new(),
            recorded_at: now,
            discovered_at: now,
            window_start: now,
            window_end: now,
            affected: vec![Affected::Contacts],
            list: None,
            tag: None,
            description: "d".into(),
            consequences: String::new(),
            measures: String::new(),
            assessment: Assessment::default(),
            reported_at: None,
            authority_reference: String::new(),
            delay_reason: String::new(),
            notice_subject: "Own".into(),
            notice_body: "Own text".into(),
            notice_queued_at: None,
            notice_recipients: 0,
            closed_at: None,
            steps: Vec::new(),
        }
    }

    #[test]
    fn the_reader_s_version_then_the_shop_s_then_the_notice_s_own() {
        let b = breach();
        let text = |s: &str| NoticeText { subject: s.into(), body: s.into() };
        let versions: NoticeVersions =
            [("de".to_string(), text("Deutsch")), ("fr".to_string(), text("Français"))].into();
        let pick = |locale: Option<&str>, shop: &str| {
            let (subject, _, lang) = notice_for(&b, &versions, locale, shop);
            (subject.to_string(), lang.map(|l| l.code.clone()))
        };
        assert_eq!(
            pick(Some("de_AT"), "en"),
            ("Deutsch".into(), Some("de".into())),
            "a region falls back to its language"
        );
        assert_eq!(pick(Some("fr"), "de"), ("Français".into(), Some("fr".into())));
        assert_eq!(pick(Some("it"), "fr"), ("Français".into(), Some("fr".into())), "no Italian: the shop's language");
        assert_eq!(pick(None, "fr"), ("Français".into(), Some("fr".into())));
        assert_eq!(pick(Some("it"), "en"), ("Own".into(), None), "neither: the notice's own text");
        assert_eq!(pick(Some("not a tag!"), "xx"), ("Own".into(), None));
    }
}
