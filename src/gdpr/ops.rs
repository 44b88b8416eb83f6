//! What the DPO (and the privacy portal) does with requests. Every step is checked against the
//! caller's role, written to the request's own history and to the audit log.

use chrono::{DateTime, Months, Utc};

use super::archive::{self, Archive};
use super::erasure::{self, Mode};
use super::requests::{Channel, Details, Kind, Request, State, Verification};
use super::restriction::Restriction;
use super::steps::{PortalAsk, StepText};
use crate::audit::{Action, Actor};
use crate::domain::{ContactId, EmailAddress, Permission, RequestId};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::sending::templates::Done;
use crate::state::AppState;

/// Who did it, for a request's history.
/// Who a step was taken by when the person did it themselves, through the privacy portal.
pub const PORTAL_ACTOR: &str = "data subject (portal)";

pub fn actor_ref(by: &By) -> String {
    match by.actor {
        Actor::User(p) => p.reference(),
        Actor::Token(t) => t.reference(),
        Actor::Cli => "cli".into(),
        Actor::System => "system".into(),
        Actor::Anonymous => PORTAL_ACTOR.into(),
    }
}

pub fn get_request(state: &AppState, id: &RequestId) -> OpResult<Request> {
    state.gdpr.requests.get(id)?.ok_or(OpError::NotFound("request"))
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct NewRequest {
    pub kind: String,
    pub channel: Option<String>,
    pub contact_id: Option<String>,
    /// Finds the contact when no id is given.
    pub email: Option<String>,
    /// When the request arrived (defaults to now): the deadline runs from here.
    pub received_at: Option<DateTime<Utc>>,
    /// What the requester wrote (stored sealed with the person's key).
    pub message: Option<String>,
    /// Art. 19: tell the person when it is carried out (default yes).
    pub notify_outcome: Option<bool>,
}

pub fn create_request(state: &AppState, by: By, input: &NewRequest) -> OpResult<Request> {
    by.require(Permission::ManageGdpr)?;
    let kind = Kind::parse(input.kind.trim()).ok_or_else(|| {
        invalid("kind", "use access, portability, rectification, erasure, restriction, objection or withdrawal")
    })?;
    let channel = match input.channel.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Channel::Email,
        Some(c) => {
            Channel::parse(c).ok_or_else(|| invalid("channel", "use portal, email, letter, phone, in_person or api"))?
        }
    };
    let contact = match (input.contact_id.as_deref().map(str::trim).filter(|s| !s.is_empty()), &input.email) {
        (Some(id), _) => {
            let id: ContactId = id.parse().map_err(|_| invalid("contact_id", "is not a contact id"))?;
            state.contacts.get(&id)?.ok_or_else(|| invalid("contact_id", "there is no such contact"))?;
            Some(id)
        }
        (None, Some(email)) if !email.trim().is_empty() => {
            let email = EmailAddress::parse(email).map_err(|e| invalid("email", e.to_string()))?;
            // Unknown is an answer too (we hold nothing): the request is still registered.
            state.contacts.find_by_email(&email)?.map(|c| c.id)
        }
        _ => None,
    };
    let received_at = input.received_at.unwrap_or_else(Utc::now);
    if received_at > Utc::now() + chrono::Duration::minutes(5) {
        return Err(invalid("received_at", "is in the future"));
    }
    let message = input.message.as_deref().unwrap_or("").trim();
    if message.chars().count() > 10_000 {
        return Err(invalid("message", "is longer than 10,000 characters"));
    }
    let mut r = Request::new(kind, channel, contact, received_at);
    r.notify_outcome = input.notify_outcome.unwrap_or(true);
    r.step(&actor_ref(&by), StepText::Registered { kind, channel });
    if !r.notify_outcome {
        r.step(&actor_ref(&by), StepText::NotToBeTold);
    }
    if contact.is_none() {
        r.step("system", StepText::NoContact);
    }
    state.gdpr.requests.put(&r)?;
    if !message.is_empty() {
        state.gdpr.requests.put_details(&r, &Details { message: message.to_string(), ..Default::default() })?;
    }
    state.store.commit()?;
    state.audit.record(by.event(Action::RequestCreated).target(r.id.reference()).detail("kind", kind.as_str()))?;
    Ok(r)
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RequestUpdate {
    pub verification: Option<String>,
    /// A user reference (`person:…`), or empty to unassign.
    pub assignee: Option<String>,
    /// Extra months (1 or 2 in all) and why.
    pub extend_months: Option<u32>,
    pub extension_reason: Option<String>,
    /// done or refused, with the response sent.
    pub close: Option<String>,
    pub response: Option<String>,
    pub notes: Option<String>,
    /// Reopens a closed request.
    pub reopen: Option<bool>,
    /// Art. 19: tell the person when it is carried out.
    pub notify_outcome: Option<bool>,
}

pub fn update_request(state: &AppState, by: By, id: &RequestId, u: &RequestUpdate) -> OpResult<Request> {
    by.require(Permission::ManageGdpr)?;
    let mut r = get_request(state, id)?;
    let who = actor_ref(&by);
    let mut details = state.gdpr.requests.details(&r)?;
    let mut changed = Vec::new();
    if let Some(v) = u.verification.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let v = Verification::parse(v).ok_or_else(|| invalid("verification", "use pending, verified or failed"))?;
        if v != r.verification {
            r.verification = v;
            r.step(&who, StepText::Identity(v));
            changed.push("verification");
        }
    }
    if let Some(a) = &u.assignee {
        let a = a.trim();
        let new = if a.is_empty() {
            None
        } else {
            let id: crate::domain::PersonId = a
                .strip_prefix("person:")
                .unwrap_or(a)
                .parse()
                .map_err(|_| invalid("assignee", "is not a user reference"))?;
            state.users.get(&id)?.ok_or_else(|| invalid("assignee", "there is no such user"))?;
            Some(id.reference())
        };
        if new != r.assignee {
            r.step(
                &who,
                match &new {
                    Some(n) => StepText::AssignedTo(n.clone()),
                    None => StepText::Unassigned,
                },
            );
            r.assignee = new;
            changed.push("assignee");
        }
    }
    if let Some(m) = u.extend_months {
        let reason = u.extension_reason.as_deref().unwrap_or("").trim();
        if reason.is_empty() {
            return Err(invalid("extension_reason", "say why the deadline is extended (Art. 12(3))"));
        }
        if !(1..=2).contains(&m) {
            return Err(invalid("extend_months", "a deadline can be extended by one or two months"));
        }
        let due = r.received_at.checked_add_months(Months::new(1 + m)).unwrap_or(r.due_at);
        if due > r.latest_due() || due <= r.due_at {
            return Err(invalid("extend_months", "the deadline is already extended that far (three months at most)"));
        }
        r.due_at = due;
        let reason: String = reason.chars().take(500).collect();
        // Staff's words about the person's request: sealed with their key (see the README,
        // "Free text about people"), and kept out of the plain steps.
        r.extension_reason = Some(match &r.contact {
            Some(c) => state.store.seal_text(&c.person(), super::requests::EXTENSION_REASON, &reason)?,
            None => reason,
        });
        r.step(&who, StepText::Extended(due.format("%Y-%m-%d").to_string()));
        changed.push("due_at");
    }
    if let Some(n) = &u.notes {
        details.notes = n.chars().take(10_000).collect();
        changed.push("notes");
    }
    if let Some(c) = u.close.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let st = match State::parse(c) {
            Some(s @ (State::Done | State::Refused)) => s,
            _ => return Err(invalid("close", "use done or refused")),
        };
        let response = u.response.as_deref().unwrap_or("").trim();
        if st == State::Refused && response.is_empty() {
            return Err(invalid("response", "say why the request is refused (Art. 12(4))"));
        }
        details.response = response.chars().take(10_000).collect();
        // Whoever closes an unassigned request handled it: the register says who.
        if let (None, crate::audit::Actor::User(p)) = (&r.assignee, by.actor) {
            r.assignee = Some(p.reference());
            changed.push("assignee");
        }
        r.state = st;
        r.closed_at = Some(Utc::now());
        r.step(&who, if st == State::Done { StepText::ClosedDone } else { StepText::ClosedRefused });
        changed.push("state");
    } else if u.reopen == Some(true) && r.state != State::Open {
        r.state = State::Open;
        r.closed_at = None;
        r.step(&who, StepText::Reopened);
        changed.push("state");
    }
    if let Some(n) = u.notify_outcome.filter(|n| *n != r.notify_outcome) {
        r.notify_outcome = n;
        r.step(&who, if n { StepText::ToBeTold } else { StepText::NotToBeTold });
        changed.push("notify_outcome");
    }
    if changed.is_empty() {
        return Ok(r);
    }
    let rectified = r.kind == Kind::Rectification && r.state == State::Done && changed.contains(&"state");
    state.gdpr.requests.put(&r)?;
    state.gdpr.requests.put_details(&r, &details)?;
    state.store.commit()?;
    state
        .audit
        .record(by.event(Action::RequestChanged).target(r.id.reference()).detail("changed", changed.join(",")))?;
    if let (true, Some(contact)) = (rectified, r.contact) {
        tell_outcome(state, &by, &r, &contact, Done::Rectified)?;
        return get_request(state, &r.id);
    }
    Ok(r)
}

/// A request to act on must name a contact and have a verified requester.
fn actionable(state: &AppState, id: &RequestId) -> OpResult<(Request, ContactId)> {
    let r = get_request(state, id)?;
    let Some(c) = r.contact else {
        return Err(OpError::Conflict("This request names no contact (or its contact was erased).".into()));
    };
    if r.verification != Verification::Verified {
        return Err(OpError::Conflict("Verify the requester's identity first.".into()));
    }
    if r.state != State::Open {
        return Err(OpError::Conflict("This request is closed; reopen it first.".into()));
    }
    Ok((r, c))
}

fn add_step(state: &AppState, id: &RequestId, by: &str, what: StepText) -> OpResult<()> {
    if let Some(mut r) = state.gdpr.requests.get(id)? {
        r.step(by, what);
        state.gdpr.requests.put(&r)?;
    }
    Ok(())
}

/// The access archive of a contact, for a request (recorded in its history) or directly.
#[tracing::instrument(
    name = "gdpr_access",
    skip_all,
    fields(request = request.map(tracing::field::display), records = tracing::field::Empty)
)]
pub fn produce_archive(
    state: &AppState,
    by: By,
    request: Option<&RequestId>,
    contact: &ContactId,
) -> OpResult<Archive> {
    by.require(Permission::ManageGdpr)?;
    by.require(Permission::ViewPersonalData)?;
    if let Some(rid) = request {
        let (_, c) = actionable(state, rid)?;
        if &c != contact {
            return Err(OpError::Conflict("The request is about another contact.".into()));
        }
    }
    state.contacts.get(contact)?.ok_or(OpError::NotFound("contact"))?;
    let a = archive::build(state, contact).map_err(|e| OpError::Internal(format!("building the archive: {e:#}")))?;
    tracing::Span::current().record("records", a.records);
    if let Some(rid) = request {
        add_step(state, rid, &actor_ref(&by), StepText::ArchiveProduced(a.records as u64))?;
        state.store.commit()?;
    }
    let target = request.map(|r| r.reference()).unwrap_or_else(|| contact.reference());
    state.audit.record(by.event(Action::RequestArchiveProduced).target(target).detail("records", a.records))?;
    Ok(a)
}

/// Erases a contact for an erasure request: every registered store, the search index (deleted
/// documents merged away), a suppression tombstone (keyed hash) so that no import or sign-up
/// brings the address back without fresh consent, and an entry in the erasure journal so that
/// restoring an older backup does not either. [`Mode::Erase`] also takes what the person
/// contributed out of campaign and site totals; [`Mode::Anonymise`] leaves the totals as they
/// are. Flushed before it returns.
#[tracing::instrument(
    name = "gdpr_erase",
    skip_all,
    fields(request = %request, mode = mode.as_str(), records = tracing::field::Empty)
)]
pub fn erase(state: &AppState, by: By, request: &RequestId, mode: Mode) -> OpResult<usize> {
    by.require(Permission::ManageGdpr)?;
    let (r, contact) = actionable(state, request)?;
    if !matches!(r.kind, Kind::Erasure) {
        return Err(OpError::Conflict("Only an erasure request erases; register one first.".into()));
    }
    // Told before: afterwards there is no address to write to.
    tell_outcome(state, &by, &r, &contact, Done::Erased)?;
    let (before, seq) = erasure::remove(state, &contact, mode, true)?;
    tracing::Span::current().record("records", before);
    erasure::settle_index(state, seq)?;
    let what = StepText::Erased { anonymised: mode == Mode::Anonymise, records: before as u64 };
    add_step(state, request, &actor_ref(&by), what)?;
    state.store.commit()?;
    // By request, not by contact: the log keeps that an erasure happened, not whom it was for.
    state.audit.record(
        by.event(Action::ContactErased)
            .target(request.reference())
            .detail("records", before)
            .detail("mode", mode.as_str()),
    )?;
    Ok(before)
}

/// Art. 19: recipients named by the purposes are listed in the request for the DPO to notify,
/// and the person is told (unless they asked not to be): by the transactional outbox, or for an
/// erasure straight through the relay, since the outbox is erased with them.
fn tell_outcome(state: &AppState, by: &By, r: &Request, contact: &ContactId, done: Done) -> OpResult<()> {
    let mut recipients: Vec<String> = state.purposes.all()?.into_iter().flat_map(|p| p.recipients).collect();
    recipients.sort();
    recipients.dedup();
    let who = actor_ref(by);
    if !recipients.is_empty() {
        add_step(state, &r.id, &who, StepText::RecipientsToTell(recipients.join(", ")))?;
    }
    if !r.notify_outcome {
        add_step(state, &r.id, &who, StepText::AskedNotToBeTold)?;
        return state.store.commit().map_err(Into::into);
    }
    let Some(c) = state.contacts.get(contact)? else { return Ok(()) };
    // `done` in English for a template that words it itself; the sender words it in the
    // language of the version it sends (from `action`).
    let english = crate::i18n::catalogue().source();
    let data = serde_json::json!({ "done": done.words(english), "action": done.action(), "recipients": recipients });
    if r.kind == Kind::Erasure {
        // Sent at once, before the record goes: in the person's language, from the same
        // catalogue texts as the template the other outcomes use.
        let settings = state.settings.get()?;
        let cat = crate::i18n::catalogue();
        let lang = c.locale.as_deref().and_then(|l| cat.find(l)).or_else(|| cat.find(&settings.language));
        let lang = lang.unwrap_or_else(|| cat.source());
        let say = |key: &str, pairs: &[(&str, String)]| {
            let args = crate::i18n::args(pairs.iter().map(|(k, v)| (*k, crate::i18n::Arg::from(v.as_str()))));
            lang.text(key, Some(&args))
        };
        let hello = if c.first_name.is_empty() {
            lang.text("mail-hello", None)
        } else {
            say("mail-hello-name", &[("name", c.first_name.clone())])
        };
        let passed = if recipients.is_empty() {
            lang.text("mail-outcome-no-recipients", None)
        } else {
            say("mail-outcome-recipients", &[("recipients", recipients.join(", "))])
        };
        // Under the text, as in every other mail's footer: who is writing, then the legal
        // footer of the notice's language (else the shop language's).
        let address = settings.address_line();
        let mut footer = settings.organisation.clone();
        if !address.is_empty() {
            footer = format!("{footer} · {address}");
        }
        let legal = crate::sending::legal_footer(state, lang);
        if !legal.is_empty() {
            footer = format!("{footer}\n{legal}");
        }
        let text = format!(
            "{hello}\n\n{}\n\n{passed}\n\n{}\n\n{footer}\n",
            say("mail-outcome-done", &[("done", done.words(lang))]),
            say("mail-outcome-last", &[("organisation", settings.organisation.clone())]),
        );
        let subject = lang.text("mail-outcome-subject", None);
        let code = lang.code.clone();
        let config = state.config.clone();
        let from = crate::senders::current(state, "");
        let to = c.email.as_str().to_string();
        let sent = crate::state::block_on_io(async move {
            crate::mail::check::send_notice_in(&config, &from, &to, &subject, &text, Some(&code)).await
        });
        let note = match sent {
            Ok(crate::mail::Outcome::Accepted { .. }) => StepText::WasToldByMail,
            Ok(other) => StepText::NotDelivered(format!("{other:?}")),
            Err(e) => StepText::NotSent(e.to_string()),
        };
        add_step(state, &r.id, &who, note)?;
    } else {
        crate::sending::ops::enqueue_system_message(
            state,
            &format!("request:{}", r.id),
            crate::sending::ops::NewMessage {
                template: crate::sending::templates::REQUEST_OUTCOME,
                to: &c.email,
                data,
                idempotency_key: &format!("outcome:{}:{}", r.id, done.words(english).len()),
            },
        )?;
        add_step(state, &r.id, &who, StepText::IsToldByMail)?;
    }
    state.store.commit().map_err(Into::into)
}

/// Restricts processing of a contact (Art. 18), for a request or directly.
pub fn restrict(
    state: &AppState,
    by: By,
    contact: &ContactId,
    reason: &str,
    request: Option<&RequestId>,
) -> OpResult<Restriction> {
    by.require(Permission::ManageGdpr)?;
    if let Some(rid) = request {
        actionable(state, rid)?;
    }
    state.contacts.get(contact)?.ok_or(OpError::NotFound("contact"))?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(invalid("reason", "say why processing is restricted"));
    }
    let r = Restriction { since: Utc::now(), reason: reason.chars().take(500).collect(), request: request.copied() };
    // The mark and its entry on the change feed land together: segments (and later journeys)
    // let the person go on reading it.
    let mut w = crate::store::Writes::new();
    state.gdpr.restrictions.stage_put(&mut w, contact, &r)?;
    let appended =
        state.feed.append(w, &[crate::domain::Change::RestrictionChanged { contact: *contact, restricted: true }])?;
    if let Some(rid) = request {
        add_step(state, rid, &actor_ref(&by), StepText::Restricted)?;
    }
    state.store.commit()?;
    appended.announce();
    state.audit.record(by.event(Action::ContactRestricted).target(contact.reference()))?;
    if let Some(req) = request.map(|rid| get_request(state, rid)).transpose()? {
        tell_outcome(state, &by, &req, contact, Done::Restricted)?;
    }
    Ok(r)
}

pub fn lift_restriction(state: &AppState, by: By, contact: &ContactId) -> OpResult<()> {
    by.require(Permission::ManageGdpr)?;
    let Some(r) = state.gdpr.restrictions.get(contact)? else {
        return Err(OpError::Conflict("Processing of this contact is not restricted.".into()));
    };
    let mut w = crate::store::Writes::new();
    state.gdpr.restrictions.stage_remove(&mut w, contact);
    let appended =
        state.feed.append(w, &[crate::domain::Change::RestrictionChanged { contact: *contact, restricted: false }])?;
    if let Some(rid) = r.request {
        add_step(state, &rid, &actor_ref(&by), StepText::RestrictionLifted)?;
    }
    state.store.commit()?;
    appended.announce();
    state.audit.record(by.event(Action::ContactRestrictionLifted).target(contact.reference()))?;
    Ok(())
}

/// Objection (Art. 21) or withdrawal (Art. 7(3)): records a withdrawal in the consent ledger
/// for each purpose concerned (all marketing and tracking purposes when none is named).
pub fn withdraw(state: &AppState, by: By, request: &RequestId, purposes: &[String]) -> OpResult<Vec<String>> {
    by.require(Permission::ManageGdpr)?;
    let (r, contact) = actionable(state, request)?;
    if !matches!(r.kind, Kind::Objection | Kind::Withdrawal) {
        return Err(OpError::Conflict("Only an objection or a withdrawal request withdraws consents.".into()));
    }
    let all = state.purposes.all()?;
    let chosen: Vec<String> = if purposes.is_empty() {
        all.iter()
            .filter(|p| {
                !matches!(p.basis, crate::domain::LawfulBasis::Contract | crate::domain::LawfulBasis::LegalObligation)
            })
            .map(|p| p.key.clone())
            .collect()
    } else {
        for p in purposes {
            if !all.iter().any(|a| &a.key == p) {
                return Err(invalid("purposes", format!("there is no purpose `{p}`")));
            }
        }
        purposes.to_vec()
    };
    let note = format!("{} request {}", r.kind.as_str(), r.id);
    let edit = By { role: None, ..by };
    for p in &chosen {
        crate::contacts::ops::record_consent(state, edit, &contact, p, false, &note, None, None)?;
    }
    add_step(state, request, &actor_ref(&by), StepText::WithdrawalRecorded(chosen.join(", ")))?;
    state.store.commit()?;
    Ok(chosen)
}

/// A request the person made themselves through the privacy portal: verified by the link they
/// opened, registered like any other, and closed at once when it was carried out.
pub fn portal_request(
    state: &AppState,
    contact: &ContactId,
    kind: Kind,
    what: PortalAsk,
    done: bool,
) -> OpResult<Request> {
    let mut r = Request::new(kind, Channel::Portal, Some(*contact), Utc::now());
    r.step(PORTAL_ACTOR, StepText::PortalAsked(what));
    if done {
        r.state = State::Done;
        r.closed_at = Some(Utc::now());
        r.step("system", StepText::CarriedOutAtOnce);
    }
    state.gdpr.requests.put(&r)?;
    state.store.commit()?;
    state.audit.record(
        crate::audit::Event::new(Actor::Anonymous, Action::RequestCreated)
            .target(r.id.reference())
            .detail("kind", kind.as_str())
            .detail("channel", "portal"),
    )?;
    Ok(r)
}

/// Closes a portal request after its action ran.
pub fn close_done(state: &AppState, id: &RequestId, what: StepText) -> OpResult<()> {
    if let Some(mut r) = state.gdpr.requests.get(id)? {
        r.state = State::Done;
        r.closed_at = Some(Utc::now());
        r.step("system", what);
        state.gdpr.requests.put(&r)?;
        state.store.commit()?;
    }
    Ok(())
}

/// Carries out a privacy-portal sign-in that the public intake kept: a link by mail when the
/// address is a contact's, nothing otherwise (the person was told the same either way). At
/// most one mail per address per minute, counted by the minute the person asked in, so a
/// repeated click, or the same request carried out again after a crash, sends nothing new.
pub fn send_portal_link(state: &AppState, email: &EmailAddress, asked_at: DateTime<Utc>) -> OpResult<()> {
    let Some(c) = state.contacts.find_by_email(email)? else { return Ok(()) };
    // Valid from now: a link made when the request was carried out late (after a restart)
    // still has its 30 minutes.
    let token = super::portal::sign_link(state.store.keyring(), &c.id, Utc::now());
    let url = format!("{}/privacy/open/{token}", state.config.public_url());
    let key = format!("portal:{}:{}", c.id, asked_at.format("%Y%m%d%H%M"));
    crate::sending::ops::enqueue_system_message(
        state,
        "privacy-portal",
        crate::sending::ops::NewMessage {
            template: crate::sending::templates::PRIVACY_LINK,
            to: &c.email,
            data: serde_json::json!({ "portal_url": url }),
            idempotency_key: &key,
        },
    )?;
    Ok(())
}
