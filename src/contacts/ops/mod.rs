//! Contact operations shared by the admin pages, the REST API, imports and the CLI. Each one
//! validates, writes, commits, audits (by contact id, never personal data) and only then
//! returns. They block: call them from the blocking pool.

//!
//! Split along the domain's seams: the contact itself here (create, read, update, delete,
//! status, consent recorded by staff, unmask, merge), upserts and imports in [`upsert`], the
//! schema (fields, purposes) in [`schema`], [`lists`], saved searches in [`saved`], and
//! [`search`]. Every operation is reachable as `contacts::ops::name`.

mod lists;
mod saved;
mod schema;
mod search;
mod upsert;

pub use lists::*;
pub use saved::*;
pub use schema::*;
pub use search::*;
pub use upsert::*;

use std::collections::{BTreeMap, BTreeSet};

use chrono::Utc;

use super::schema::List;
use super::{ContactError, HistoryEntry};
use crate::audit::{Action, Actor};
use crate::domain::contact::{
    check_contact, parse_locale, parse_name, parse_tag, parse_tag_list, parse_time_zone, slugify, FieldError,
};
use crate::domain::{
    CampaignId, Change, ConsentEntry, Contact, ContactId, ContactInput, EmailAddress, FieldDef, FieldKind, LawfulBasis,
    MergePolicy, Permission, Phone, Purpose, Source, Status, TruncatedIp, Via,
};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::state::AppState;

impl From<FieldError> for OpError {
    fn from(e: FieldError) -> Self {
        // Field names are static in OpError; custom fields keep their key in the message.
        let field: &'static str = match e.field.as_str() {
            "email" => "email",
            "first_name" => "first_name",
            "last_name" => "last_name",
            "phone" => "phone",
            "locale" => "locale",
            "time_zone" => "time_zone",
            "status" => "status",
            "tags" => "tags",
            "lists" => "lists",
            "key" => "key",
            "label" => "label",
            "options" => "options",
            "kind" => "kind",
            _ => "custom",
        };
        let message = if field == "custom" { format!("{}: {}", e.field, e.message) } else { e.message };
        OpError::Invalid { field, message }
    }
}

impl From<ContactError> for OpError {
    fn from(e: ContactError) -> Self {
        match e {
            ContactError::EmailTaken(_) => invalid("email", "another contact already has this email address"),
            ContactError::Store(s) => OpError::Store(s),
        }
    }
}

/// Where a value goes: a built-in attribute or a custom field. Column mappings in imports,
/// form field names and JSON keys all resolve to one of these.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Email,
    FirstName,
    LastName,
    Phone,
    Locale,
    TimeZone,
    Status,
    Tags,
    Lists,
    Custom(String),
}

impl Target {
    pub const BUILT_IN: [Target; 9] = [
        Target::Email,
        Target::FirstName,
        Target::LastName,
        Target::Phone,
        Target::Locale,
        Target::TimeZone,
        Target::Status,
        Target::Tags,
        Target::Lists,
    ];

    pub fn key(&self) -> String {
        match self {
            Target::Email => "email".into(),
            Target::FirstName => "first_name".into(),
            Target::LastName => "last_name".into(),
            Target::Phone => "phone".into(),
            Target::Locale => "locale".into(),
            Target::TimeZone => "time_zone".into(),
            Target::Status => "status".into(),
            Target::Tags => "tags".into(),
            Target::Lists => "lists".into(),
            Target::Custom(k) => format!("custom.{k}"),
        }
    }

    pub fn label(&self, fields: &[FieldDef]) -> String {
        match self {
            Target::Email => "Email".into(),
            Target::FirstName => "First name".into(),
            Target::LastName => "Last name".into(),
            Target::Phone => "Phone".into(),
            Target::Locale => "Language".into(),
            Target::TimeZone => "Time zone".into(),
            Target::Status => "Status".into(),
            Target::Tags => "Tags".into(),
            Target::Lists => "Lists".into(),
            Target::Custom(k) => fields.iter().find(|f| &f.key == k).map(|f| f.label.clone()).unwrap_or(k.clone()),
        }
    }

    /// Resolves `email`, `custom.shoe_size` or a bare custom key.
    pub fn parse(key: &str, fields: &[FieldDef]) -> Option<Target> {
        let k = key.trim();
        if let Some(t) = Target::BUILT_IN.iter().find(|t| t.key() == k) {
            return Some(t.clone());
        }
        let bare = k.strip_prefix("custom.").unwrap_or(k);
        fields.iter().any(|f| f.key == bare).then(|| Target::Custom(bare.to_string()))
    }

    /// Guesses the target of a CSV header (`E-Mail`, `Vorname`, `Surname`, a field label).
    pub fn guess(header: &str, fields: &[FieldDef]) -> Option<Target> {
        let h: String = header.trim().to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
        let t = match h.as_str() {
            "email" | "emailaddress" | "mail" | "email1" | "emailadresse" | "courriel" | "correo" => Target::Email,
            "firstname" | "givenname" | "first" | "forename" | "vorname" | "prenom" | "prénom" | "nombre" => {
                Target::FirstName
            }
            "lastname" | "surname" | "familyname" | "last" | "nachname" | "nom" | "apellido" | "apellidos" => {
                Target::LastName
            }
            "phone" | "phonenumber" | "mobile" | "mobilephone" | "telephone" | "tel" | "telefon" | "cell" => {
                Target::Phone
            }
            "locale" | "language" | "lang" | "sprache" | "langue" => Target::Locale,
            "timezone" | "tz" | "zeitzone" => Target::TimeZone,
            "status" | "subscriptionstatus" => Target::Status,
            "tags" | "tag" | "labels" => Target::Tags,
            "lists" | "list" => Target::Lists,
            _ => {
                let raw = header.trim().to_lowercase();
                return fields
                    .iter()
                    .find(|f| f.key == raw || f.label.to_lowercase() == raw || f.key == raw.replace([' ', '-'], "_"))
                    .map(|f| Target::Custom(f.key.clone()));
            }
        };
        Some(t)
    }
}

/// Sets one target from text (forms, CSV cells). Empty text clears optional attributes; an
/// empty email is an error.
pub fn set_text(
    input: &mut ContactInput,
    target: &Target,
    raw: &str,
    fields: &[FieldDef],
    phone_region: Option<&str>,
) -> Result<(), FieldError> {
    let field = target.key();
    let err = |m: String| FieldError::new(field.clone(), m);
    let empty = raw.trim().is_empty();
    match target {
        Target::Email => input.email = Some(EmailAddress::parse(raw).map_err(err)?),
        Target::FirstName => input.first_name = Some(parse_name("first_name", raw)?),
        Target::LastName => input.last_name = Some(parse_name("last_name", raw)?),
        Target::Phone => {
            input.phone = Some(if empty { None } else { Some(Phone::parse(raw, phone_region).map_err(err)?) })
        }
        Target::Locale => input.locale = Some(if empty { None } else { Some(parse_locale(raw).map_err(err)?) }),
        Target::TimeZone => input.time_zone = Some(if empty { None } else { Some(parse_time_zone(raw).map_err(err)?) }),
        Target::Status => {
            if !empty {
                input.status = Some(raw.parse::<Status>().map_err(err)?)
            }
        }
        Target::Tags => input.add_tags.extend(parse_tag_list(raw).map_err(err)?),
        Target::Lists => input.add_lists.extend(raw.split([',', ';', '|']).map(slugify).filter(|s| !s.is_empty())),
        Target::Custom(key) => {
            let def =
                fields.iter().find(|f| &f.key == key).ok_or_else(|| err("there is no such custom field".into()))?;
            input.custom.insert(key.clone(), def.parse_text(raw).map_err(err)?);
        }
    }
    Ok(())
}

/// Builds an input from a JSON object (API): built-in keys, `custom: {key: value}`, `tags`,
/// `add_tags`, `remove_tags`, `lists`, `add_lists`, `remove_lists`. Unknown keys are errors.
pub fn input_from_json(
    v: &serde_json::Value,
    fields: &[FieldDef],
    phone_region: Option<&str>,
) -> Result<ContactInput, FieldError> {
    use serde_json::Value as J;
    let obj = v.as_object().ok_or_else(|| FieldError::new("body", "must be a JSON object"))?;
    let mut input = ContactInput::default();
    let strings = |key: &str, v: &J| -> Result<Vec<String>, FieldError> {
        match v {
            J::Array(items) => items
                .iter()
                .map(|i| {
                    i.as_str().map(str::to_string).ok_or_else(|| FieldError::new(key, "must be a list of strings"))
                })
                .collect(),
            J::String(s) => Ok(s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect()),
            _ => Err(FieldError::new(key, "must be a list of strings")),
        }
    };
    let tags = |key: &str, v: &J| -> Result<BTreeSet<String>, FieldError> {
        strings(key, v)?.iter().map(|t| parse_tag(t).map_err(|m| FieldError::new(key, m))).collect()
    };
    let lists = |key: &str, v: &J| -> Result<BTreeSet<String>, FieldError> {
        Ok(strings(key, v)?.iter().map(|l| slugify(l)).filter(|l| !l.is_empty()).collect())
    };
    for (k, val) in obj {
        match k.as_str() {
            "tags" => input.tags = Some(tags(k, val)?),
            "add_tags" => input.add_tags = tags(k, val)?,
            "remove_tags" => input.remove_tags = tags(k, val)?,
            "lists" => input.lists = Some(lists(k, val)?),
            "add_lists" => input.add_lists = lists(k, val)?,
            "remove_lists" => input.remove_lists = lists(k, val)?,
            "custom" => {
                let map = val.as_object().ok_or_else(|| FieldError::new("custom", "must be an object"))?;
                for (ck, cv) in map {
                    let def = fields
                        .iter()
                        .find(|f| &f.key == ck)
                        .ok_or_else(|| FieldError::new(format!("custom.{ck}"), "there is no such custom field"))?;
                    let parsed = def.parse_json(cv).map_err(|m| FieldError::new(format!("custom.{ck}"), m))?;
                    input.custom.insert(ck.clone(), parsed);
                }
            }
            other => {
                let target = Target::BUILT_IN
                    .iter()
                    .find(|t| t.key() == other)
                    .ok_or_else(|| FieldError::new(other, "unknown field"))?;
                let text = match val {
                    J::Null => String::new(),
                    J::String(s) => s.clone(),
                    _ => return Err(FieldError::new(other, "must be a string")),
                };
                if *target == Target::Email && val.is_null() {
                    return Err(FieldError::new("email", "cannot be removed"));
                }
                set_text(&mut input, target, &text, fields, phone_region)?;
            }
        }
    }
    Ok(input)
}

pub(crate) fn history(
    state: &AppState,
    by: &By,
    id: &ContactId,
    kind: &str,
    fields: Vec<String>,
    detail: String,
) -> OpResult<()> {
    state.contacts.add_history(
        id,
        &HistoryEntry { at: Utc::now(), actor: by.actor.reference(), kind: kind.into(), fields, detail },
    )?;
    Ok(())
}

pub fn via_of(by: &By) -> Via {
    match by.actor {
        Actor::User(u) => Via::Admin(u),
        Actor::Token(t) => Via::ApiToken(t),
        _ => Via::Admin(crate::domain::PersonId::from_slice(&[0; 16]).expect("16 bytes")),
    }
}

fn source_ref(by: &By) -> String {
    by.actor.reference()
}

/// Creates a contact. The address must not be on the erasure suppression list.
#[tracing::instrument(name = "contact_create", skip_all, fields(source = source.as_str()))]
pub fn create(state: &AppState, by: By, input: &ContactInput, source: Source) -> OpResult<Contact> {
    by.require(Permission::EditContacts)?;
    let email = input.email.clone().ok_or(invalid("email", "an email address is required"))?;
    if state.contacts.is_suppressed(&email)? {
        return Err(OpError::Conflict(
            "This address was erased at the person's request and is on the suppression list; it can only come back with fresh consent through a subscribe form.".into(),
        ));
    }
    let mut c = Contact::new(email, source, source_ref(&by));
    input.apply(&mut c, MergePolicy::Overwrite);
    c.updated_at = c.created_at;
    check_contact(&mut c, &state.fields.all())?;
    let seq = state.contacts.insert(&c, &[])?;
    state.store.commit()?;
    state.contacts.announce(seq);
    state.audit.record(by.event(Action::ContactCreated).target(c.id.reference()).detail("source", source.as_str()))?;
    Ok(c)
}

pub fn get(state: &AppState, id: &ContactId) -> OpResult<Contact> {
    state.contacts.resolve(id)?.ok_or(OpError::NotFound("contact"))
}

/// Applies a partial update. Returns the contact and the fields that changed.
#[tracing::instrument(name = "contact_update", skip_all)]
pub fn update(state: &AppState, by: By, id: &ContactId, input: &ContactInput) -> OpResult<(Contact, Vec<String>)> {
    by.require(Permission::EditContacts)?;
    let mut c = get(state, id)?;
    let (before, status_was) = (c.email.clone(), c.status);
    let changed = input.apply(&mut c, MergePolicy::Overwrite);
    if changed.is_empty() {
        return Ok((c, changed));
    }
    check_contact(&mut c, &state.fields.all())?;
    // An erased address must not come back by renaming another contact to it.
    if c.email != before && state.contacts.is_suppressed(&c.email)? {
        return Err(OpError::Conflict(
            "This address was erased at the person's request and is on the suppression list.".into(),
        ));
    }
    let seq = if c.status != status_was && c.email == before {
        // A status that is no longer "subscribed" ends the person's journeys in this very
        // commit (their consequence on the feed), as an unsubscribe link's change does.
        let changes =
            [Change::ContactUpdated(c.id), Change::StatusChanged { contact: c.id, status: c.status, campaign: None }];
        state.contacts.update_with(&c, &changes)?
    } else {
        let seq = state.contacts.save(&before, &c)?;
        if c.status != status_was {
            // The address moved too (its claim is not one transaction): the status's entry
            // follows at once, and journeys end in its commit.
            let change = Change::StatusChanged { contact: c.id, status: c.status, campaign: None };
            seq.max(state.feed.append(crate::store::Writes::new(), &[change])?.keep())
        } else {
            seq
        }
    };
    history(state, &by, &c.id, "updated", changed.clone(), String::new())?;
    state.store.commit()?;
    state.contacts.announce(seq);
    state
        .audit
        .record(by.event(Action::ContactUpdated).target(c.id.reference()).detail("fields", changed.join(",")))?;
    Ok((c, changed))
}

/// Deletes a contact everywhere (records, ledger, history, email index, search index with the
/// removal committed) and, when asked, keeps a suppression entry (a keyed hash) so that the
/// address cannot be imported again.
#[tracing::instrument(name = "contact_delete", skip_all, fields(suppress = suppress))]
pub fn delete(state: &AppState, by: By, id: &ContactId, suppress: bool) -> OpResult<()> {
    let seq = delete_unindexed(state, by, id, suppress)?;
    if !state.search.wait_for(seq) {
        return Err(OpError::Internal(
            "the contact was deleted, but the search index has not dropped it yet; it will within moments".into(),
        ));
    }
    Ok(())
}

/// [`delete`] up to the search index: final in the store, journalled and audited, the removal
/// announced to the indexer but not waited for. Returns the change's sequence number, for a
/// bulk deletion to wait once per chunk.
pub fn delete_unindexed(state: &AppState, by: By, id: &ContactId, suppress: bool) -> OpResult<u64> {
    by.require(Permission::EditContacts)?;
    let c = state.contacts.get(id)?.ok_or(OpError::NotFound("contact"))?;
    if suppress {
        state.contacts.suppress(&c.email)?;
    }
    // The pseudonym the person's audit entries carry, taken while their key still exists.
    let subject = state.audit.subject(id)?;
    // Journalled first, so that restoring an older backup cannot bring the contact back.
    crate::store::backup::journal_erasure(
        state.store.keyring(),
        &state.config.backup_dir().join("erasure-journal"),
        &id.person(),
        suppress.then(|| crate::contacts::suppression_key(&state.store, &c.email)).as_ref(),
    )?;
    let seq = state.contacts.erase(id)?;
    state.contacts.announce(seq);
    // Audited as soon as it is final in the store, whatever the index does next.
    state.audit.record(by.event(Action::ContactDeleted).target(subject).detail("suppressed", suppress))?;
    Ok(seq)
}

/// Appends a grant or withdrawal to the ledger (committed, audited).
#[allow(clippy::too_many_arguments)]
pub fn record_consent(
    state: &AppState,
    by: By,
    id: &ContactId,
    purpose: &str,
    granted: bool,
    note: &str,
    ip: Option<TruncatedIp>,
    user_agent: Option<String>,
) -> OpResult<ConsentEntry> {
    by.require(Permission::EditContacts)?;
    let c = get(state, id)?;
    let p = state.purposes.get(purpose)?.ok_or(invalid("purpose", format!("there is no purpose `{purpose}`")))?;
    if note.chars().count() > 500 {
        return Err(invalid("note", "is longer than 500 characters"));
    }
    let entry = ConsentEntry {
        purpose: p.key.clone(),
        granted,
        at: Utc::now(),
        via: via_of(&by),
        wording: (p.current_wording > 0).then(|| (p.key.clone(), p.current_wording)),
        ip,
        user_agent,
        note: note.trim().to_string(),
    };
    let seq = super::consent::record(state, &c.id, &entry, by.event(Action::ConsentRecorded).target(c.id.reference()))?;
    state.store.commit()?;
    crate::fault::point("consent.after_commit");
    state.contacts.announce(seq);
    Ok(entry)
}

/// A status change that comes from the person or the mail system rather than an admin's edit:
/// an unsubscribe link, a confirmed sign-up, a bounce, a complaint. The caller has already
/// proved the right to make it (a signed token, an authenticated webhook), so no role is
/// checked. Recorded in the contact's history (with `why`), committed, audited; returns the
/// contact as it now is (unchanged when it already had that status).
pub fn set_status(state: &AppState, actor: Actor, id: &ContactId, status: Status, why: &str) -> OpResult<Contact> {
    set_status_for(state, actor, id, status, why, None)
}

/// [`set_status`], saying which campaign's message led to it (its unsubscribe link), for the
/// campaign's report.
pub fn set_status_for(
    state: &AppState,
    actor: Actor,
    id: &ContactId,
    status: Status,
    why: &str,
    campaign: Option<CampaignId>,
) -> OpResult<Contact> {
    let mut c = get(state, id)?;
    if c.status == status {
        return Ok(c);
    }
    let from = c.status;
    c.status = status;
    c.updated_at = Utc::now();
    // The status and its entry on the feed land together.
    let seq = state.contacts.update(&c, Change::StatusChanged { contact: c.id, status, campaign })?;
    let by = By { actor, ip: None, role: None };
    history(
        state,
        &by,
        &c.id,
        "status",
        vec!["status".into()],
        format!("{} → {}: {why}", from.as_str(), status.as_str()),
    )?;
    // The audit entry shares the change's commit: no status changes without its record.
    state.audit.append_uncommitted(
        by.event(Action::ContactStatusChanged)
            .target(c.id.reference())
            .detail("from", from.as_str())
            .detail("to", status.as_str()),
    )?;
    state.store.commit()?;
    state.contacts.announce(seq);
    Ok(c)
}

/// Reveals one contact's personal data to a role that sees it masked; audited.
pub fn unmask(state: &AppState, by: By, id: &ContactId, reason: &str) -> OpResult<Contact> {
    by.require(Permission::UnmaskPersonalData)?;
    let reason = reason.trim();
    if reason.is_empty() || reason.len() > 300 {
        return Err(invalid("reason", "say in up to 300 characters why you need to see this contact"));
    }
    let c = get(state, id)?;
    history(state, &by, &c.id, "unmasked", vec![], String::new())?;
    state.store.commit()?;
    state
        .audit
        .record(by.event(Action::ContactUnmasked).target(c.id.reference()).sealed_detail("reason", reason, &c.id))?;
    Ok(c)
}

/// Which contact's value a merged field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pick {
    Survivor,
    Other,
}

/// Merges `other` into `survivor`: per-field picks (default: the survivor's value, or the
/// other's where the survivor has none), tags and lists united, the other's ledger and
/// history copied (ledger entries keep their time and wording, marked as merged), the other's
/// id kept as an alias. Returns the merged contact.
#[tracing::instrument(name = "contact_merge", skip_all)]
pub fn merge(
    state: &AppState,
    by: By,
    survivor: &ContactId,
    other: &ContactId,
    picks: &BTreeMap<String, Pick>,
) -> OpResult<Contact> {
    by.require(Permission::EditContacts)?;
    if survivor == other {
        return Err(invalid("other", "a contact cannot be merged with itself"));
    }
    let mut s = state.contacts.get(survivor)?.ok_or(OpError::NotFound("contact"))?;
    let o = state.contacts.get(other)?.ok_or(OpError::NotFound("contact"))?;
    let before_email = s.email.clone();
    let take = |key: &str, survivor_blank: bool| match picks.get(key) {
        Some(Pick::Other) => true,
        Some(Pick::Survivor) => false,
        None => survivor_blank,
    };
    let email_from_other = take("email", false);
    if take("first_name", s.first_name.is_empty()) {
        s.first_name = o.first_name.clone();
    }
    if take("last_name", s.last_name.is_empty()) {
        s.last_name = o.last_name.clone();
    }
    if take("phone", s.phone.is_none()) {
        s.phone = o.phone.clone();
    }
    if take("locale", s.locale.is_none()) {
        s.locale = o.locale.clone();
    }
    if take("time_zone", s.time_zone.is_none()) {
        s.time_zone = o.time_zone.clone();
    }
    if take("status", false) {
        s.status = o.status;
    }
    for (k, v) in &o.custom {
        if take(&format!("custom.{k}"), !s.custom.contains_key(k)) {
            s.custom.insert(k.clone(), v.clone());
        }
    }
    s.tags.extend(o.tags.iter().cloned());
    s.lists.extend(o.lists.iter().cloned());
    s.merged_ids.push(o.id);
    s.merged_ids.extend(o.merged_ids.iter().copied());
    s.created_at = s.created_at.min(o.created_at);
    s.updated_at = Utc::now();
    check_contact(&mut s, &state.fields.all())?;

    // Crash-safe order: the survivor, with everything it takes from the other (values, ledger
    // and history copies, the alias), is committed before the other is erased. A crash in
    // between leaves both contacts, never a half-merged one without the other's data.
    for mut e in state.contacts.ledger(&o.id)? {
        e.note = if e.note.is_empty() {
            format!("merged from contact {}", o.id)
        } else {
            format!("{} (merged from contact {})", e.note, o.id)
        };
        state.contacts.append_consent(&s.id, &e)?;
    }
    for mut h in state.contacts.history(&o.id)? {
        h.detail = if h.detail.is_empty() {
            format!("on contact {} before the merge", o.id)
        } else {
            format!("{} (on contact {} before the merge)", h.detail, o.id)
        };
        state.contacts.add_history(&s.id, &h)?;
    }
    let seq = state.contacts.save(&before_email, &s)?;
    state.contacts.add_alias(&o.id, &s.id)?;
    history(state, &by, &s.id, "merged", vec![], format!("contact {} merged into this one", o.id))?;
    state.store.commit()?;
    // Erasing the other releases its address; then the survivor may take it.
    let mut last = state.contacts.erase(&o.id)?.max(seq);
    if email_from_other && o.email != s.email {
        let previous = s.email.clone();
        s.email = o.email.clone();
        last = state.contacts.save(&previous, &s)?;
        state.store.commit()?;
    }
    state.contacts.announce(last);
    state.search.wait_for(last);
    state.audit.record(by.event(Action::ContactsMerged).target(s.id.reference()).detail("merged", o.id.reference()))?;
    Ok(s)
}
