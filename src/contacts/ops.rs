//! Contact operations shared by the admin pages, the REST API, imports and the CLI. Each one
//! validates, writes, commits, audits (by contact id, never personal data) and only then
//! returns. They block: call them from the blocking pool.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Utc;

use super::schema::List;
use super::{ContactError, HistoryEntry};
use crate::audit::{Action, Actor};
use crate::domain::contact::{
    check_contact, parse_locale, parse_name, parse_tag, parse_tag_list, parse_time_zone, slugify, FieldError,
};
use crate::domain::{
    ConsentEntry, Contact, ContactId, ContactInput, EmailAddress, FieldDef, FieldKind, LawfulBasis, MergePolicy,
    Permission, Phone, Purpose, Source, Status, TruncatedIp, Via,
};
use crate::ops::{By, OpError, OpResult};
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
            ContactError::EmailTaken(_) => {
                OpError::Invalid { field: "email", message: "another contact already has this email address".into() }
            }
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
    let email = input
        .email
        .clone()
        .ok_or(OpError::Invalid { field: "email", message: "an email address is required".into() })?;
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
    let before = c.email.clone();
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
    let seq = state.contacts.save(&before, &c)?;
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

/// The outcome of an upsert by email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Upserted {
    Created,
    Updated,
    Unchanged,
    Skipped,
    Suppressed,
}

/// Creates or updates by email, without committing or auditing (bulk paths commit per chunk).
/// Each of `consents` appends a grant when the contact does not already hold one for that
/// purpose.
pub fn upsert_uncommitted(
    state: &AppState,
    input: &ContactInput,
    policy: MergePolicy,
    source: Source,
    source_ref: &str,
    consents: &[ConsentEntry],
    fields: &[FieldDef],
) -> OpResult<(Upserted, Option<Contact>, u64)> {
    let email = input
        .email
        .clone()
        .ok_or(OpError::Invalid { field: "email", message: "an email address is required".into() })?;
    if state.contacts.is_suppressed(&email)? {
        return Ok((Upserted::Suppressed, None, 0));
    }
    let mut seq = 0;
    let (outcome, c) = match state.contacts.find_by_email(&email)? {
        Some(_) if policy == MergePolicy::SkipExisting => return Ok((Upserted::Skipped, None, 0)),
        Some(mut c) => {
            let before = c.email.clone();
            let changed = input.apply(&mut c, policy);
            if changed.is_empty() {
                (Upserted::Unchanged, c)
            } else {
                check_contact(&mut c, fields)?;
                seq = state.contacts.save(&before, &c)?;
                state.contacts.add_history(
                    &c.id,
                    &HistoryEntry {
                        at: Utc::now(),
                        actor: source_ref.into(),
                        kind: "updated".into(),
                        fields: changed,
                        detail: String::new(),
                    },
                )?;
                (Upserted::Updated, c)
            }
        }
        None => {
            let mut c = Contact::new(email, source, source_ref.into());
            input.apply(&mut c, MergePolicy::Overwrite);
            c.updated_at = c.created_at;
            check_contact(&mut c, fields)?;
            // A new contact has no ledger yet: its grant goes in with the record.
            seq = state.contacts.insert(&c, consents)?;
            return Ok((Upserted::Created, Some(c), seq));
        }
    };
    if !consents.is_empty() {
        let held = state.contacts.consent_state(&c.id)?;
        for entry in consents {
            let granted = held.get(&entry.purpose).is_some_and(|(s, _)| *s == crate::domain::ConsentState::Granted);
            if !granted {
                seq = seq.max(state.contacts.append_consent(&c.id, entry)?);
            }
        }
    }
    Ok((outcome, Some(c), seq))
}

/// A contact a chunk will write, and what it becomes once every row naming it has been applied.
struct Planned {
    contact: Contact,
    /// Not in the store before this chunk.
    new: bool,
    history: Vec<HistoryEntry>,
    /// Read from the ledger when first needed (a new contact's start empty).
    consents: Option<crate::domain::ConsentStates>,
    /// Which of the chunk's grants (by index, a bit each) this contact gets.
    grants: u64,
    changed: bool,
}

/// At most this many purposes can be granted by one import (a bit each in [`Planned`]).
pub const MAX_GRANTS: usize = 16;

/// The grants picked out by a [`Planned::grants`] mask, in order.
fn picked(consents: &[ConsentEntry], mask: u64) -> impl Iterator<Item = &ConsentEntry> {
    consents.iter().enumerate().filter(move |(i, _)| mask & (1 << i) != 0).map(|(_, e)| e)
}

/// Threads that resolve and write an import chunk: the machine this was tuned on has two cores,
/// and the parser and the indexer run beside them.
const CHUNK_THREADS: usize = 2;

/// Upserts a chunk of rows by email (uncommitted, unaudited), as [`upsert_uncommitted`] would
/// one by one, with one change logged for the whole chunk: all rows are validated and resolved
/// first, then the change naming every contact is logged, then the contacts are written, and
/// what was written is handed to the indexer so it need not read it back. Returns each row's
/// outcome and the change's sequence number (0 when nothing was written). `consents` holds at
/// most [`MAX_GRANTS`] entries, one per purpose.
///
/// Rows are resolved on [`CHUNK_THREADS`] threads, split by address so that every row naming
/// one address is resolved by the same thread, in file order: the outcome is what one thread
/// would have produced.
pub fn upsert_chunk(
    state: &AppState,
    inputs: &[ContactInput],
    policy: MergePolicy,
    source: Source,
    source_ref: &str,
    consents: &[ConsentEntry],
    fields: &[FieldDef],
) -> OpResult<(Vec<OpResult<Upserted>>, u64)> {
    if consents.len() > MAX_GRANTS {
        return Err(OpError::Invalid {
            field: "purposes",
            message: format!("grant at most {MAX_GRANTS} purposes in one import"),
        });
    }
    let contacts = &state.contacts;
    // Most installations have erased no one: then no row needs the keyed hash and lookup.
    let suppression = !contacts.suppression_is_empty();
    let parts = if inputs.len() >= 256 { CHUNK_THREADS } else { 1 };
    let mut shares: Vec<Vec<(usize, &ContactInput)>> = vec![Vec::with_capacity(inputs.len() / parts + 1); parts];
    for (i, input) in inputs.iter().enumerate() {
        let part = input.email.as_ref().map_or(0, |e| address_share(e, parts));
        shares[part].push((i, input));
    }
    let resolved = on_threads(shares, |share| {
        resolve_rows(state, share, policy, source, source_ref, consents, fields, suppression)
    })?;
    let mut rows: Vec<(usize, OpResult<Upserted>)> = Vec::with_capacity(inputs.len());
    let mut planned: Vec<Planned> = Vec::new();
    for (outcomes, plans) in resolved {
        rows.extend(outcomes);
        planned.extend(plans);
    }
    // Every row is in exactly one share: back in file order.
    rows.sort_unstable_by_key(|(i, _)| *i);
    let outcomes: Vec<OpResult<Upserted>> = rows.into_iter().map(|(_, o)| o).collect();
    if planned.is_empty() {
        return Ok((outcomes, 0));
    }
    let ids: Vec<(ContactId, bool)> = planned.iter().map(|p| (p.contact.id, p.new)).collect();
    let seq = contacts.log_many(&ids)?;
    // The contacts are independent: two threads write them (sled takes concurrent writers),
    // which keeps a second core busy while the indexer is idle.
    let write = |part: Vec<Planned>| -> OpResult<Vec<super::Handed>> {
        let mut handed = Vec::with_capacity(part.len());
        for p in part {
            if p.new {
                // A new contact gets every grant: no copy on the hot path.
                contacts.write_claimed(&p.contact, consents)?;
            } else {
                contacts.save_logged(&p.contact)?;
                for h in &p.history {
                    contacts.add_history(&p.contact.id, h)?;
                }
                for entry in picked(consents, p.grants) {
                    contacts.append_consent_logged(&p.contact.id, entry)?;
                }
            }
            let consents = match p.consents {
                Some(c) => c,
                None => contacts.consent_state(&p.contact.id)?,
            };
            handed.push(super::Handed { contact: p.contact, consents });
        }
        Ok(handed)
    };
    let halves = if planned.len() >= 256 {
        let second = planned.split_off(planned.len() / 2);
        vec![planned, second]
    } else {
        vec![planned]
    };
    let handed = on_threads(halves, write)?.into_iter().flatten().collect();
    contacts.feed.hand_over(seq, handed);
    Ok((outcomes, seq))
}

/// Which of `parts` threads resolves the rows naming `email`.
fn address_share(email: &EmailAddress, parts: usize) -> usize {
    use std::hash::BuildHasher;
    let h = std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(email);
    (h % parts as u64) as usize
}

/// `f` over each part, the first on this thread and the others on threads of their own; the
/// results in the parts' order.
fn on_threads<T: Send, R: Send>(parts: Vec<T>, f: impl Fn(T) -> OpResult<R> + Sync) -> OpResult<Vec<R>> {
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else { return Ok(Vec::new()) };
    std::thread::scope(|scope| {
        let others: Vec<_> = parts.map(|part| scope.spawn(|| f(part))).collect();
        let mut all = vec![f(first)?];
        for other in others {
            all.push(other.join().map_err(|_| OpError::Internal("an import thread panicked".into()))??);
        }
        Ok(all)
    })
}

/// Each row's outcome by its index in the chunk, and the contacts to write.
type Resolved = (Vec<(usize, OpResult<Upserted>)>, Vec<Planned>);

/// Resolves one thread's share of a chunk (row index, input), in file order: validates each
/// row, claims the address of a new contact or reads the contact that holds it, and applies
/// the rows. Returns each row's outcome by index and the contacts to write.
#[allow(clippy::too_many_arguments)]
fn resolve_rows(
    state: &AppState,
    share: Vec<(usize, &ContactInput)>,
    policy: MergePolicy,
    source: Source,
    source_ref: &str,
    consents: &[ConsentEntry],
    fields: &[FieldDef],
    suppression: bool,
) -> OpResult<Resolved> {
    use crate::domain::ConsentState;
    let contacts = &state.contacts;
    let mut outcomes: Vec<(usize, OpResult<Upserted>)> = Vec::with_capacity(share.len());
    let mut planned: Vec<Planned> = Vec::new();
    let mut by_email: std::collections::HashMap<EmailAddress, usize> = std::collections::HashMap::new();
    for (row, input) in share {
        let Some(email) = &input.email else {
            outcomes
                .push((row, Err(OpError::Invalid { field: "email", message: "an email address is required".into() })));
            continue;
        };
        if suppression && contacts.is_suppressed(email)? {
            outcomes.push((row, Ok(Upserted::Suppressed)));
            continue;
        }
        let at = match by_email.get(email) {
            Some(&at) => at,
            None => {
                let mut fresh = Contact::new(email.clone(), source, source_ref.into());
                input.apply(&mut fresh, MergePolicy::Overwrite);
                fresh.updated_at = fresh.created_at;
                // A row that is valid as a new contact takes the address at once: one
                // compare-and-swap where a lookup and then a claim would be two. A taken
                // address names the contact to update instead.
                let existing = match check_contact(&mut fresh, fields) {
                    Ok(()) => contacts.claim_or_find(email, &fresh.id)?,
                    Err(e) => match contacts.find_by_email(email)? {
                        Some(c) => Some(c),
                        None => {
                            outcomes.push((row, Err(e.into())));
                            continue;
                        }
                    },
                };
                match existing {
                    None => {
                        let mut held = crate::domain::ConsentStates::new();
                        for entry in consents {
                            held.insert(entry.purpose.clone(), (ConsentState::Granted, entry.at));
                        }
                        planned.push(Planned {
                            contact: fresh,
                            new: true,
                            history: Vec::new(),
                            consents: Some(held),
                            grants: (1u64 << consents.len()) - 1,
                            changed: true,
                        });
                        by_email.insert(email.clone(), planned.len() - 1);
                        outcomes.push((row, Ok(Upserted::Created)));
                        continue;
                    }
                    Some(c) => {
                        planned.push(Planned {
                            contact: c,
                            new: false,
                            history: Vec::new(),
                            consents: None,
                            grants: 0,
                            changed: false,
                        });
                        by_email.insert(email.clone(), planned.len() - 1);
                        planned.len() - 1
                    }
                }
            }
        };
        let p = &mut planned[at];
        if policy == MergePolicy::SkipExisting {
            outcomes.push((row, Ok(Upserted::Skipped)));
            continue;
        }
        let mut c = p.contact.clone();
        let changed = input.apply(&mut c, policy);
        let mut outcome = Upserted::Unchanged;
        if !changed.is_empty() {
            if let Err(e) = check_contact(&mut c, fields) {
                outcomes.push((row, Err(e.into())));
                continue;
            }
            p.contact = c;
            p.history.push(HistoryEntry {
                at: Utc::now(),
                actor: source_ref.into(),
                kind: "updated".into(),
                fields: changed,
                detail: String::new(),
            });
            p.changed = true;
            outcome = Upserted::Updated;
        }
        if !consents.is_empty() {
            let held = match &mut p.consents {
                Some(c) => c,
                None => p.consents.insert(contacts.consent_state(&p.contact.id)?),
            };
            for (i, entry) in consents.iter().enumerate() {
                let granted = held.get(&entry.purpose).is_some_and(|(s, _)| *s == ConsentState::Granted);
                if !granted {
                    held.insert(entry.purpose.clone(), (ConsentState::Granted, entry.at));
                    p.grants |= 1 << i;
                    p.changed = true;
                }
            }
        }
        outcomes.push((row, Ok(outcome)));
    }
    planned.retain(|p| p.changed);
    Ok((outcomes, planned))
}

/// One bulk item's outcome: what happened (and to which contact), or why it was refused.
pub type BulkItem = Result<(Upserted, Option<ContactId>), FieldError>;

/// Bulk upsert from the API: every item validated, good ones written, errors per index.
#[tracing::instrument(name = "contacts_upsert", skip_all, fields(items = items.len()))]
pub fn bulk_upsert(
    state: &AppState,
    by: By,
    items: &[serde_json::Value],
    policy: MergePolicy,
) -> OpResult<Vec<BulkItem>> {
    by.require(Permission::EditContacts)?;
    let fields = state.fields.all();
    let region = Some(state.config.contacts.phone_region.clone()).filter(|r| !r.is_empty());
    let mut out = Vec::with_capacity(items.len());
    let mut last = 0;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        let r = input_from_json(item, &fields, region.as_deref()).and_then(|input| {
            if input.email.is_none() {
                return Err(FieldError::new("email", "an email address is required"));
            }
            upsert_uncommitted(state, &input, policy, Source::Api, &source_ref(&by), &[], &fields).map_err(
                |e| match e {
                    OpError::Invalid { field, message } => FieldError::new(field, message),
                    other => FieldError::new("contact", other.to_string()),
                },
            )
        });
        match r {
            Ok((outcome, c, seq)) => {
                last = last.max(seq);
                *counts
                    .entry(match outcome {
                        Upserted::Created => "created",
                        Upserted::Updated => "updated",
                        Upserted::Unchanged => "unchanged",
                        Upserted::Skipped => "skipped",
                        Upserted::Suppressed => "suppressed",
                    })
                    .or_default() += 1;
                if let Some(c) = &c {
                    if matches!(outcome, Upserted::Created | Upserted::Updated) {
                        let action =
                            if outcome == Upserted::Created { Action::ContactCreated } else { Action::ContactUpdated };
                        state
                            .audit
                            .append_uncommitted(by.event(action).target(c.id.reference()).detail("via", "bulk"))?;
                    }
                }
                out.push(Ok((outcome, c.map(|c| c.id))));
            }
            Err(e) => {
                *counts.entry("invalid").or_default() += 1;
                out.push(Err(e));
            }
        }
    }
    let mut ev = by.event(Action::ContactsBulkUpserted).detail("items", items.len());
    for (k, v) in counts {
        ev = ev.detail(k, v);
    }
    state.audit.append_uncommitted(ev)?;
    state.store.commit()?;
    if last > 0 {
        state.contacts.announce(last);
    }
    Ok(out)
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
    let p = state
        .purposes
        .get(purpose)?
        .ok_or(OpError::Invalid { field: "purpose", message: format!("there is no purpose `{purpose}`") })?;
    if note.chars().count() > 500 {
        return Err(OpError::Invalid { field: "note", message: "is longer than 500 characters".into() });
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
    let mut c = get(state, id)?;
    if c.status == status {
        return Ok(c);
    }
    let from = c.status;
    c.status = status;
    c.updated_at = Utc::now();
    let seq = state.contacts.save(&c.email.clone(), &c)?;
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
        return Err(OpError::Invalid {
            field: "reason",
            message: "say in up to 300 characters why you need to see this contact".into(),
        });
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
        return Err(OpError::Invalid { field: "other", message: "a contact cannot be merged with itself".into() });
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

// ---------------------------------------------------------------------------------------------
// Schema: custom fields, purposes, lists

pub fn create_field(
    state: &AppState,
    by: By,
    key: &str,
    label: &str,
    kind: &str,
    options: Vec<String>,
    max_len: Option<u32>,
) -> OpResult<FieldDef> {
    by.require(Permission::ManageSettings)?;
    let kind: FieldKind = kind.parse().map_err(|m| OpError::Invalid { field: "kind", message: m })?;
    let def = FieldDef::new(key.trim(), label, kind, options, max_len)?;
    if state.fields.get(&def.key).is_some() {
        return Err(OpError::Invalid { field: "key", message: format!("a field `{}` already exists", def.key) });
    }
    state.fields.put(&def)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::FieldCreated).target(format!("field:{}", def.key)).detail("kind", def.kind.as_str()),
    )?;
    Ok(def)
}

/// Changes a field's label, options or length limit (its key and type stay: stored values
/// depend on them).
pub fn update_field(
    state: &AppState,
    by: By,
    key: &str,
    label: Option<&str>,
    options: Option<Vec<String>>,
    max_len: Option<u32>,
) -> OpResult<FieldDef> {
    by.require(Permission::ManageSettings)?;
    let cur = state.fields.get(key).ok_or(OpError::NotFound("field"))?;
    let mut def = FieldDef::new(
        &cur.key,
        label.unwrap_or(&cur.label),
        cur.kind.clone(),
        options.unwrap_or(cur.options.clone()),
        Some(max_len.unwrap_or(cur.max_len)),
    )?;
    def.created_at = cur.created_at;
    state.fields.put(&def)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::FieldChanged).target(format!("field:{}", def.key)))?;
    Ok(def)
}

/// Removes a field definition. Values already stored are dropped from each contact the next
/// time it is written, and are not shown or exported meanwhile.
pub fn delete_field(state: &AppState, by: By, key: &str) -> OpResult<()> {
    by.require(Permission::ManageSettings)?;
    if !state.fields.remove(key)? {
        return Err(OpError::NotFound("field"));
    }
    state.store.commit()?;
    state.audit.record(by.event(Action::FieldDeleted).target(format!("field:{key}")))?;
    Ok(())
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PurposeInput {
    pub key: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub basis: Option<String>,
    pub categories: Option<Vec<String>>,
    pub retention_days: Option<u32>,
    pub recipients: Option<Vec<String>>,
    /// A new consent text: stored as the next version when it differs from the current one.
    pub wording: Option<String>,
}

/// Creates (no `existing`) or changes a purpose.
pub fn save_purpose(state: &AppState, by: By, existing: Option<&str>, input: &PurposeInput) -> OpResult<Purpose> {
    by.require(Permission::ManageGdpr).or_else(|_| by.require(Permission::ManageSettings))?;
    let mut p = match existing {
        Some(k) => state.purposes.get(k)?.ok_or(OpError::NotFound("purpose"))?,
        None => {
            let key = input.key.as_deref().unwrap_or("").trim().to_string();
            crate::domain::contact::validate_field_key(&key)
                .map_err(|m| OpError::Invalid { field: "key", message: m })?;
            if state.purposes.get(&key)?.is_some() {
                return Err(OpError::Invalid { field: "key", message: format!("a purpose `{key}` already exists") });
            }
            Purpose {
                key,
                name: String::new(),
                description: String::new(),
                basis: LawfulBasis::Consent,
                categories: vec![],
                retention_days: 365,
                recipients: vec![],
                current_wording: 0,
                updated_at: Utc::now(),
            }
        }
    };
    if let Some(n) = &input.name {
        p.name = n.trim().to_string();
    }
    if p.name.is_empty() || p.name.len() > 100 {
        return Err(OpError::Invalid { field: "name", message: "a name of 1 to 100 characters is required".into() });
    }
    if let Some(d) = &input.description {
        if d.len() > 2000 {
            return Err(OpError::Invalid { field: "description", message: "is longer than 2000 characters".into() });
        }
        p.description = d.trim().to_string();
    }
    if let Some(b) = &input.basis {
        p.basis = b.parse().map_err(|m| OpError::Invalid { field: "basis", message: m })?;
    }
    let clean = |v: &Vec<String>| -> Vec<String> {
        v.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).take(50).collect()
    };
    if let Some(c) = &input.categories {
        p.categories = clean(c);
    }
    if let Some(r) = &input.recipients {
        p.recipients = clean(r);
    }
    if let Some(days) = input.retention_days {
        if !(1..=36_500).contains(&days) {
            return Err(OpError::Invalid {
                field: "retention_days",
                message: "must be between 1 and 36500 days".into(),
            });
        }
        p.retention_days = days;
    }
    if let Some(w) = &input.wording {
        let w = w.trim();
        if w.len() > 5000 {
            return Err(OpError::Invalid { field: "wording", message: "is longer than 5000 characters".into() });
        }
        if !w.is_empty() {
            let language = state.settings.get().map(|s| s.language).unwrap_or_else(|_| crate::i18n::SOURCE.into());
            p.current_wording = state.purposes.add_wording(&p.key, w, Some(&language))?;
        }
    }
    if p.basis == LawfulBasis::Consent && p.current_wording == 0 {
        return Err(OpError::Invalid {
            field: "wording",
            message: "a purpose based on consent needs the text people agree to".into(),
        });
    }
    p.updated_at = Utc::now();
    state.purposes.put(&p)?;
    state.store.commit()?;
    let action = if existing.is_some() { Action::PurposeChanged } else { Action::PurposeCreated };
    state.audit.record(by.event(action).target(format!("purpose:{}", p.key)).detail("wording", p.current_wording))?;
    Ok(p)
}

/// A purpose's name and consent text in another language. An empty name removes that
/// language's name (the purpose's own shows); an empty text changes nothing (versions are never
/// removed: the ledger refers to them). Returns the wording version in that language.
pub fn save_purpose_translation(
    state: &AppState,
    by: By,
    key: &str,
    language: &str,
    name: &str,
    wording: &str,
) -> OpResult<Option<u32>> {
    by.require(Permission::ManageGdpr).or_else(|_| by.require(Permission::ManageSettings))?;
    let p = state.purposes.get(key)?.ok_or(OpError::NotFound("purpose"))?;
    let language = crate::i18n::catalogue()
        .languages()
        .iter()
        .find(|l| l.code == language.trim())
        .map(|l| l.code.clone())
        .ok_or_else(|| OpError::Invalid {
            field: "language",
            message: format!("Tidings has no translation `{}`", language.chars().take(20).collect::<String>()),
        })?;
    let name = name.trim();
    if name.chars().count() > 100 {
        return Err(OpError::Invalid { field: "name", message: "is longer than 100 characters".into() });
    }
    let wording = wording.trim();
    if wording.chars().count() > 2000 {
        return Err(OpError::Invalid { field: "wording", message: "is longer than 2000 characters".into() });
    }
    if !wording.is_empty() && p.basis != LawfulBasis::Consent {
        return Err(OpError::Invalid {
            field: "wording",
            message: "only a purpose based on consent has a text people agree to".into(),
        });
    }
    state.purposes.set_name(&p.key, &language, name)?;
    let version = if wording.is_empty() {
        state
            .purposes
            .wordings(&p.key)?
            .iter()
            .rev()
            .find(|w| w.language.as_deref() == Some(&language))
            .map(|w| w.version)
    } else {
        Some(state.purposes.add_wording(&p.key, wording, Some(&language))?)
    };
    state.store.commit()?;
    state.audit.record(
        by.event(Action::PurposeChanged)
            .target(format!("purpose:{}", p.key))
            .detail("language", &language)
            .detail("wording", version.unwrap_or(0)),
    )?;
    Ok(version)
}

pub fn create_list(state: &AppState, by: By, name: &str, description: &str) -> OpResult<List> {
    by.require(Permission::EditContacts)?;
    let name = name.trim();
    if name.is_empty() || name.len() > 100 {
        return Err(OpError::Invalid { field: "name", message: "a name of 1 to 100 characters is required".into() });
    }
    let slug = slugify(name);
    if slug.is_empty() {
        return Err(OpError::Invalid { field: "name", message: "the name needs at least one letter or digit".into() });
    }
    if state.lists.get(&slug)?.is_some() {
        return Err(OpError::Invalid { field: "name", message: format!("a list `{slug}` already exists") });
    }
    let l = List {
        slug,
        name: name.into(),
        description: description.trim().chars().take(500).collect(),
        created_at: Utc::now(),
    };
    state.lists.put(&l)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::ListCreated).target(format!("list:{}", l.slug)))?;
    Ok(l)
}

/// Renames a list or changes its description. Its key (what contacts, campaigns, forms and
/// imports refer to) stays, so nothing that names the list has to change.
pub fn update_list(
    state: &AppState,
    by: By,
    slug: &str,
    name: Option<&str>,
    description: Option<&str>,
) -> OpResult<List> {
    by.require(Permission::EditContacts)?;
    let mut l = state.lists.get(slug)?.ok_or(OpError::NotFound("list"))?;
    let mut changed = Vec::new();
    if let Some(name) = name.map(str::trim) {
        if name.is_empty() || name.chars().count() > 100 {
            return Err(OpError::Invalid {
                field: "name",
                message: "a name of 1 to 100 characters is required".into(),
            });
        }
        if name.chars().any(char::is_control) {
            return Err(OpError::Invalid { field: "name", message: "must not contain control characters".into() });
        }
        if name != l.name {
            l.name = name.into();
            changed.push("name");
        }
    }
    if let Some(d) = description.map(str::trim) {
        if d.chars().count() > 500 {
            return Err(OpError::Invalid { field: "description", message: "must be at most 500 characters".into() });
        }
        if d != l.description {
            l.description = d.into();
            changed.push("description");
        }
    }
    if changed.is_empty() {
        return Ok(l);
    }
    state.lists.put(&l)?;
    state.store.commit()?;
    state
        .audit
        .record(by.event(Action::ListChanged).target(format!("list:{slug}")).detail("changed", changed.join(",")))?;
    Ok(l)
}

/// Offers a list in the preference centre to everyone, or only to its members.
pub fn set_list_visibility(state: &AppState, by: By, slug: &str, visible: bool) -> OpResult<()> {
    by.require(Permission::EditContacts)?;
    if state.lists.get(slug)?.is_none() {
        return Err(OpError::NotFound("list"));
    }
    state.lists.set_visible(slug, visible)?;
    state.store.commit()?;
    state
        .audit
        .record(by.event(Action::ListChanged).target(format!("list:{slug}")).detail("preference_centre", visible))?;
    Ok(())
}

/// Deletes a list and removes every contact from it. Returns how many contacts were on it.
pub fn delete_list(state: &AppState, by: By, slug: &str) -> OpResult<usize> {
    by.require(Permission::EditContacts)?;
    if state.lists.get(slug)?.is_none() {
        return Err(OpError::NotFound("list"));
    }
    let mut n = 0;
    let input = ContactInput { remove_lists: [slug.to_string()].into(), ..Default::default() };
    loop {
        let q = crate::search::ContactQuery { lists: vec![slug.into()], limit: 1000, ..Default::default() };
        let page = state.search.index.search(&q).map_err(|e| OpError::Internal(e.to_string()))?;
        if page.ids.is_empty() {
            break;
        }
        let mut last = 0;
        for id in &page.ids {
            if let Some(mut c) = state.contacts.get(id)? {
                let before = c.email.clone();
                if !input.apply(&mut c, MergePolicy::Overwrite).is_empty() {
                    last = state.contacts.save(&before, &c)?;
                    n += 1;
                }
            }
        }
        state.store.commit()?;
        state.contacts.announce(last);
        if last == 0 || !state.search.wait_for(last) {
            break;
        }
    }
    state.lists.remove(slug)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::ListDeleted).target(format!("list:{slug}")).detail("members", n))?;
    Ok(n)
}

/// Saves a named set of contact filters (a new one, or `replace` an existing one).
pub fn save_search(
    state: &AppState,
    by: By,
    replace: Option<uuid::Uuid>,
    name: &str,
    filters: super::saved::Filters,
) -> OpResult<super::saved::SavedSearch> {
    by.require(Permission::EditContacts)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(OpError::Invalid { field: "name", message: "a name of 1 to 100 characters is required".into() });
    }
    let filters = filters.normalised();
    if filters.is_empty() {
        return Err(OpError::Invalid {
            field: "filters",
            message: "choose at least one filter (status, tag, list, consent or engagement) to save".into(),
        });
    }
    // Checks every filter the way a search would.
    filters
        .apply(&mut crate::search::ContactQuery::default(), Utc::now())
        .map_err(|e| OpError::Invalid { field: e.field, message: format!("{}: {}", e.field, e.message) })?;
    let all = state.saved_searches.all()?;
    if all.iter().any(|s| s.name.eq_ignore_ascii_case(name) && Some(s.id) != replace) {
        return Err(OpError::Invalid { field: "name", message: format!("a saved search “{name}” exists already") });
    }
    let s = match replace {
        Some(id) => {
            let old = state.saved_searches.get(&id)?.ok_or(OpError::NotFound("saved search"))?;
            super::saved::SavedSearch { name: name.into(), filters, ..old }
        }
        None => super::saved::SavedSearch {
            id: uuid::Uuid::now_v7(),
            name: name.into(),
            filters,
            created_by: by.actor.reference(),
            created_at: Utc::now(),
        },
    };
    state.saved_searches.put(&s)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::SavedSearchSaved)
            .target(format!("saved_search:{}", s.id))
            .detail("filters", s.filters.describe()),
    )?;
    Ok(s)
}

/// Deletes a saved search; refused while a campaign that has not gone out yet uses it.
pub fn delete_search(state: &AppState, by: By, id: &uuid::Uuid) -> OpResult<()> {
    by.require(Permission::EditContacts)?;
    let s = state.saved_searches.get(id)?.ok_or(OpError::NotFound("saved search"))?;
    for c in state.sending.campaigns.all()? {
        let done = c.state.finished();
        if !done && state.sending.campaigns.saved_search(&c.id)? == Some(*id) {
            return Err(OpError::Conflict(format!(
                "The campaign “{}” sends to this search; choose another audience there first.",
                c.name
            )));
        }
    }
    state.saved_searches.remove(id)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::SavedSearchDeleted).target(format!("saved_search:{}", s.id)))?;
    Ok(())
}

/// A search as people mean it: what was typed in full comes first, on the first page (later
/// pages leave it out), whatever the sort puts before it: the contact with exactly that
/// address, then those whose whole, first or last name is exactly the words. A prefix search
/// for `k9-1-1-1@example.org` matched thousands of contacts, newest first, and the one typed in
/// full could be on page 40; a search for `Ann Lee` listed every Anna and Annette Leeds first.
pub fn search(state: &AppState, q: &crate::search::ContactQuery) -> OpResult<crate::search::SearchPage> {
    search_pinned(state, q, q.cursor.is_none())
}

/// [`search`], with what was typed in full put first only when `pin` (the first page), and left
/// out otherwise (a page further on, or one read backwards from the end).
pub fn search_pinned(
    state: &AppState,
    q: &crate::search::ContactQuery,
    pin: bool,
) -> OpResult<crate::search::SearchPage> {
    let internal = |e: crate::search::SearchError| OpError::Internal(e.to_string());
    let mut page = state.search.index.search(q).map_err(internal)?;
    if q.text.trim().is_empty() {
        return Ok(page);
    }
    let mut pinned = Vec::new();
    if let Ok(email) = crate::domain::EmailAddress::parse(q.text.trim()) {
        if let Some(c) = state.contacts.find_by_email(&email)? {
            if page.ids.contains(&c.id) || state.search.index.contains(q, &c.id).map_err(internal)? {
                pinned.push(c.id);
            }
        }
    } else {
        // At most a page of them: a name shared by more than a page of contacts pins the
        // first page's worth, and the rest keep their place.
        pinned = state.search.index.exact_names(q, q.limit.clamp(1, 10_000)).map_err(internal)?;
    }
    if pinned.is_empty() {
        return Ok(page);
    }
    page.ids.retain(|id| !pinned.contains(id));
    if pin {
        page.ids.splice(0..0, pinned);
    }
    Ok(page)
}
