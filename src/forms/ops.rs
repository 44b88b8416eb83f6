//! Form operations: the admin's (create, change, delete: checked, committed, audited) and the
//! public's (submit, confirm), plus the daily removal of unconfirmed sign-ups. They block: call
//! them from the blocking pool.

use std::collections::BTreeMap;
use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::pow::PowError;
use super::{address_key, ConfirmToken, Counts, Form, FormId, PendingSignUp, Submission, TokenError};
use crate::audit::{Action, Actor, Event};
use crate::contacts::ops::{set_status, Target};
use crate::domain::contact::{check_contact, parse_name};
use crate::domain::redirect;
use crate::domain::{
    Change, ConsentEntry, Contact, ContactId, ContactInput, EmailAddress, FieldValue, MergePolicy, Permission, Source,
    Status, TruncatedIp, Via,
};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::sending::ops::{enqueue_system_message, NewMessage};
use crate::state::AppState;
use crate::store::Writes;

pub fn get(state: &AppState, id: &FormId) -> OpResult<Form> {
    state.forms.get(id)?.ok_or(OpError::NotFound("form"))
}

/// What an admin may set on a form (absent fields stay as they are).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormInput {
    pub name: Option<String>,
    pub title: Option<String>,
    pub intro: Option<String>,
    pub ask_first_name: Option<bool>,
    pub ask_last_name: Option<bool>,
    pub custom_fields: Option<Vec<String>>,
    pub lists: Option<Vec<String>>,
    pub purposes: Option<Vec<String>>,
    /// Of the purposes, those a sign-up must tick.
    pub required_purposes: Option<Vec<String>>,
    pub double_opt_in: Option<bool>,
    pub thank_you: Option<String>,
    pub proof_of_work: Option<bool>,
    pub redirect_url: Option<String>,
}

fn text(field: &'static str, raw: &str, max: usize, one_line: bool) -> OpResult<String> {
    let s = raw.trim().replace("\r\n", "\n");
    if s.chars().count() > max {
        return Err(invalid(field, format!("is longer than {max} characters")));
    }
    if s.chars().any(|c| c.is_control() && (one_line || c != '\n')) {
        return Err(invalid(field, if one_line { "must be one line" } else { "contains control characters" }));
    }
    Ok(s)
}

/// Empty, an https URL, or a path on this site: only what the admin typed here is ever a
/// redirect target (the submission cannot name one), so there is no open redirect.
pub fn check_redirect(raw: &str) -> Result<String, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    if s.len() > 500 || s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err("must be one URL of up to 500 characters, without spaces".into());
    }
    // Parsed as a browser parses a Location (a path here, or an https address elsewhere), and
    // kept in the parser's serialisation.
    let parsed = if s.starts_with('/') { redirect::same_origin_path(s) } else { redirect::https_url(s) };
    parsed.ok_or_else(|| "use an https:// address or a path on this site starting with /".into())
}

fn apply(state: &AppState, f: &mut Form, input: &FormInput) -> OpResult<()> {
    if let Some(n) = &input.name {
        let n = text("name", n, 200, true)?;
        if n.is_empty() {
            return Err(invalid("name", "give the form a name"));
        }
        f.name = n;
    }
    if let Some(t) = &input.title {
        f.title = text("title", t, 200, true)?;
    }
    if let Some(t) = &input.intro {
        f.intro = text("intro", t, 2000, false)?;
    }
    if let Some(b) = input.ask_first_name {
        f.ask_first_name = b;
    }
    if let Some(b) = input.ask_last_name {
        f.ask_last_name = b;
    }
    if let Some(keys) = &input.custom_fields {
        let mut out = Vec::new();
        for k in keys.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
            if state.fields.get(k).is_none() {
                return Err(invalid("custom_fields", format!("there is no custom field `{k}`")));
            }
            if !out.iter().any(|x| x == k) {
                out.push(k.to_string());
            }
        }
        f.custom_fields = out;
    }
    if let Some(lists) = &input.lists {
        let mut out = Vec::new();
        for l in lists.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
            if state.lists.get(l)?.is_none() {
                return Err(invalid("lists", format!("there is no list `{l}`")));
            }
            if !out.iter().any(|x| x == l) {
                out.push(l.to_string());
            }
        }
        f.lists = out;
    }
    if let Some(purposes) = &input.purposes {
        let mut out = Vec::new();
        for p in purposes.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            let purpose =
                state.purposes.get(p)?.ok_or_else(|| invalid("purposes", format!("there is no purpose `{p}`")))?;
            if purpose.current_wording == 0 {
                return Err(invalid(
                    "purposes",
                    format!("the purpose `{p}` has no consent wording to show; write one on its page first"),
                ));
            }
            if !out.iter().any(|x| x == p) {
                out.push(p.to_string());
            }
        }
        f.purposes = out;
    }
    if let Some(required) = &input.required_purposes {
        let mut out = Vec::new();
        for p in required.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            if !f.purposes.iter().any(|x| x == p) {
                return Err(invalid(
                    "required_purposes",
                    format!("`{p}` is not asked for by this form: tick it first"),
                ));
            }
            if !out.iter().any(|x| x == p) {
                out.push(p.to_string());
            }
        }
        f.required_purposes = out;
    }
    // A purpose no longer asked cannot be required.
    let asked = f.purposes.clone();
    f.required_purposes.retain(|p| asked.contains(p));
    if let Some(b) = input.double_opt_in {
        f.double_opt_in = b;
    }
    if let Some(t) = &input.thank_you {
        f.thank_you = text("thank_you", t, 2000, false)?;
    }
    if let Some(b) = input.proof_of_work {
        f.proof_of_work = b;
    }
    if let Some(r) = &input.redirect_url {
        f.redirect_url = check_redirect(r).map_err(|m| invalid("redirect_url", m))?;
    }
    Ok(())
}

pub fn create(state: &AppState, by: By, input: &FormInput) -> OpResult<Form> {
    by.require(Permission::SendCampaigns)?;
    if input.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        return Err(invalid("name", "give the form a name"));
    }
    let now = Utc::now();
    let mut f = Form {
        id: FormId::new(),
        name: String::new(),
        title: "Subscribe to our newsletter".into(),
        intro: String::new(),
        ask_first_name: false,
        ask_last_name: false,
        custom_fields: vec![],
        lists: vec![],
        purposes: vec![],
        double_opt_in: true,
        thank_you: "Thank you. Please check your inbox: we have sent you a link to confirm your subscription.".into(),
        proof_of_work: false,
        redirect_url: String::new(),
        created_by: by.actor.reference(),
        created_at: now,
        updated_at: now,
        required_purposes: vec![],
    };
    apply(state, &mut f, input)?;
    state.forms.put(&f)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::FormCreated).target(f.id.reference()))?;
    Ok(f)
}

pub fn update(state: &AppState, by: By, id: &FormId, input: &FormInput) -> OpResult<Form> {
    by.require(Permission::SendCampaigns)?;
    let mut f = get(state, id)?;
    apply(state, &mut f, input)?;
    f.updated_at = Utc::now();
    state.forms.put(&f)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::FormChanged).target(f.id.reference()))?;
    Ok(f)
}

/// Deletes the form. Submissions already made stay with their contacts (they prove consent);
/// their confirmation links stop working.
pub fn delete(state: &AppState, by: By, id: &FormId) -> OpResult<()> {
    by.require(Permission::SendCampaigns)?;
    get(state, id)?;
    state.forms.remove(id)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::FormDeleted).target(id.reference()))?;
    Ok(())
}

/// A form's languages as an admin sets them: its own language (empty: the shop's) and its texts
/// per language (a language whose texts are all empty is dropped).
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguagesInput {
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub texts: std::collections::BTreeMap<String, super::languages::FormTexts>,
}

/// Replaces the form's languages. Every language must be one Tidings has a catalogue for (its
/// own pages and mails around the form are in it); texts are bounded like the form's own.
pub fn set_languages(
    state: &AppState,
    by: By,
    id: &FormId,
    input: &LanguagesInput,
) -> OpResult<super::languages::FormLanguages> {
    by.require(Permission::SendCampaigns)?;
    let f = get(state, id)?;
    let known = |code: &str| crate::i18n::catalogue().languages().iter().any(|l| l.code == code);
    let language = match input.language.trim() {
        "" => None,
        code if known(code) => Some(code.to_string()),
        other => {
            return Err(invalid(
                "language",
                format!("Tidings has no translation `{}`", other.chars().take(20).collect::<String>()),
            ))
        }
    };
    let mut texts = std::collections::BTreeMap::new();
    for (code, t) in &input.texts {
        if !known(code) {
            return Err(invalid(
                "texts",
                format!("Tidings has no translation `{}`", code.chars().take(20).collect::<String>()),
            ));
        }
        let t = super::languages::FormTexts {
            title: text("title", &t.title, 200, true)?,
            intro: text("intro", &t.intro, 2000, false)?,
            thank_you: text("thank_you", &t.thank_you, 2000, false)?,
        };
        if t != super::languages::FormTexts::default() {
            texts.insert(code.clone(), t);
        }
    }
    let l = super::languages::FormLanguages { language, texts };
    state.forms.languages.put(&f.id, &l)?;
    state.store.commit()?;
    let codes: Vec<&str> = l.texts.keys().map(String::as_str).collect();
    state.audit.record(
        by.event(Action::FormChanged)
            .target(f.id.reference())
            .detail("language", l.language.as_deref().unwrap_or(""))
            .detail("translations", codes.join(",")),
    )?;
    Ok(l)
}

// ---- the public side

/// One submission as it reached the server.
pub struct Submitted {
    /// Every (name, value) of the body, in order, unknown names included (they are checked too).
    pub pairs: Vec<(String, String)>,
    pub ip: Option<IpAddr>,
    /// Browser family and OS.
    pub user_agent: String,
    /// The language the form's page was shown in (a catalogue code): a contact the sign-up
    /// creates gets it as its own, so the confirmation and what follows are in it.
    pub language: Option<String>,
}

/// Where a submission keeps the language of its page, beside the values typed.
pub const LANGUAGE: &str = "locale";

/// Names of the form's inputs.
pub const HONEYPOT: &str = "website";
pub const CONSENT: &str = "consent";
pub const POW_CHALLENGE: &str = "pow_challenge";
pub const POW_NONCE: &str = "pow_nonce";
/// The website tracker adds the visitor's id to forms on the shop's pages (after consent), so
/// the visit can be linked to the contact once the sign-up is confirmed.
pub const VISITOR: &str = "tidings_visitor";

fn note_visitor(state: &AppState, contact: &ContactId, seq: u64, raw: &str) -> OpResult<()> {
    if !raw.is_empty() {
        state.tracking.note_form_visitor(state.store.keyring(), contact, seq, raw)?;
    }
    Ok(())
}

/// What the person is told. `Accepted` is the same whether the address was new, known,
/// subscribed, erased, or the honeypot caught a bot.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    /// A value to correct; the form is shown again (422).
    Invalid {
        field: String,
        message: String,
    },
    /// A line break or NUL in a value: refused outright (400), nothing stored.
    Injection {
        field: String,
    },
    /// Nothing campaigns need was agreed to: `purpose` names the box that must be ticked, or
    /// None when any one of the form's boxes would do (422, the form shown again).
    ConsentMissing {
        purpose: Option<String>,
    },
    RateLimited,
    Pow(PowError),
}

const MAX_VALUE: usize = 2000;
const MAX_PAIRS: usize = 100;

/// Where a line break or NUL sits, if anywhere: such a value could smuggle a header into the
/// confirmation mail (a name goes into `To:`), so it is refused whatever the field.
fn injected(pairs: &[(String, String)]) -> Option<String> {
    pairs.iter().find(|(k, v)| [k, v].iter().any(|s| s.contains(['\r', '\n', '\0']))).map(|(k, _)| {
        let k: String = k.chars().filter(|c| !c.is_control()).take(40).collect();
        k
    })
}

fn first<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// Checks a submission as far as it can be checked without the stored contacts and, when it
/// passes, queues it in the public intake, which [`record`]s it a moment after the answer.
#[tracing::instrument(name = "form_submit", skip_all, fields(form = %form.id))]
pub fn submit(state: &AppState, form: &Form, s: &Submitted, now: DateTime<Utc>) -> OpResult<Outcome> {
    if let Some(field) = injected(&s.pairs) {
        return Ok(Outcome::Injection { field });
    }
    if s.pairs.len() > MAX_PAIRS {
        return Ok(Outcome::Invalid { field: "form".into(), message: "has too many fields".into() });
    }
    if let Some((k, _)) = s.pairs.iter().find(|(k, v)| v.chars().count() > MAX_VALUE || k.len() > 100) {
        return Ok(Outcome::Invalid {
            field: k.chars().take(40).collect(),
            message: format!("is longer than {MAX_VALUE} characters"),
        });
    }
    // A bot fills every field; a person never sees this one. It is told what a person is told.
    if !first(&s.pairs, HONEYPOT).trim().is_empty() {
        return Ok(Outcome::Accepted);
    }
    if let Some(ip) = s.ip {
        if state.forms.per_ip.check_key(&TruncatedIp::new(ip).addr()).is_err() {
            return Ok(Outcome::RateLimited);
        }
    }
    if form.proof_of_work {
        let (c, n) = (first(&s.pairs, POW_CHALLENGE), first(&s.pairs, POW_NONCE));
        if let Err(e) = state.forms.challenges.verify(state.store.keyring(), &form.id, c, n, now) {
            return Ok(Outcome::Pow(e));
        }
    }
    let email = match EmailAddress::parse(first(&s.pairs, "email")) {
        Ok(e) => e,
        Err(m) => return Ok(Outcome::Invalid { field: "email".into(), message: m }),
    };
    if state.forms.per_address.check_key(&address_key(state.store.keyring(), &email)).is_err() {
        return Ok(Outcome::RateLimited);
    }

    // The values asked for, validated as everywhere else.
    let mut values = BTreeMap::from([("email".to_string(), email.as_str().to_string())]);
    if let Some(lang) = s.language.as_deref().and_then(|l| crate::i18n::catalogue().find(l)) {
        values.insert(LANGUAGE.into(), lang.code.clone());
    }
    let mut input = ContactInput::default();
    let bad = |field: &str, message: String| Ok(Outcome::Invalid { field: field.into(), message });
    for (asked, key) in [(form.ask_first_name, "first_name"), (form.ask_last_name, "last_name")] {
        if !asked {
            continue;
        }
        match parse_name(key, first(&s.pairs, key)) {
            Ok(v) if !v.is_empty() => {
                values.insert(key.into(), v.clone());
                if key == "first_name" {
                    input.first_name = Some(v);
                } else {
                    input.last_name = Some(v);
                }
            }
            Ok(_) => {}
            Err(e) => return bad(key, e.message),
        }
    }
    let defs = state.fields.all();
    for key in &form.custom_fields {
        let Some(def) = defs.iter().find(|d| &d.key == key) else { continue };
        let name = format!("custom.{key}");
        let raw: Vec<&str> = s.pairs.iter().filter(|(k, _)| k == &name).map(|(_, v)| v.as_str()).collect();
        let joined = raw.join("; ");
        match def.parse_text(&joined) {
            Ok(Some(v)) => {
                values.insert(name, joined);
                input.custom.insert(key.clone(), Some(v));
            }
            Ok(None) => {}
            Err(m) => return bad(&name, m),
        }
    }
    // Each box ticked says which wording version was shown beside it (`newsletter:3`): an
    // embedded snippet keeps the text it was copied with, and that is the text agreed to.
    let mut purposes: Vec<(String, u32)> = Vec::new();
    for (_, v) in s.pairs.iter().filter(|(k, _)| k == CONSENT) {
        let (key, version) = v.split_once(':').unwrap_or((v.as_str(), "0"));
        if !form.purposes.iter().any(|p| p == key) {
            return bad(
                CONSENT,
                format!("`{}` is not asked for by this form", key.chars().take(40).collect::<String>()),
            );
        }
        let version: u32 = version.parse().unwrap_or(0);
        let version = match state.purposes.wording(key, version)? {
            Some(w) => w.version,
            None => match state.purposes.get(key)? {
                Some(p) if p.current_wording > 0 => p.current_wording,
                _ => return bad(CONSENT, format!("the purpose `{key}` has no wording")),
            },
        };
        if !purposes.iter().any(|(p, _)| p == key) {
            purposes.push((key.to_string(), version));
        }
    }
    // A sign-up that grants nothing cannot be mailed: say so, rather than confirm a
    // subscription that no campaign will ever reach.
    for key in &form.required_purposes {
        if !purposes.iter().any(|(p, _)| p == key) {
            let name = state.purposes.get(key)?.map(|p| p.name).unwrap_or_else(|| key.clone());
            return Ok(Outcome::ConsentMissing { purpose: Some(name) });
        }
    }
    if !form.purposes.is_empty() && purposes.is_empty() {
        return Ok(Outcome::ConsentMissing { purpose: None });
    }

    // Schema checks of the contact this submission would create: answered now, like every
    // check that does not depend on the stored contacts, so that no refusal tells a new
    // address from a known one.
    let mut provisional = Contact::new(email.clone(), Source::Form, form.id.reference());
    input.apply(&mut provisional, MergePolicy::Overwrite);
    if let Err(e) = check_contact(&mut provisional, &defs) {
        return bad(&e.field, e.message);
    }
    let sign_up = SignUp {
        form: form.id,
        email,
        submission: Submission {
            form: form.id,
            at: now,
            values,
            purposes,
            ip: s.ip.map(TruncatedIp::new),
            user_agent: s.user_agent.clone(),
            created_contact: false,
            confirmed_at: None,
        },
        visitor: first(&s.pairs, VISITOR).to_string(),
    };
    // What depends on the stored contact (is the address known, suppressed, to be created?)
    // happens after the answer: see `intake` and [`record`].
    state.intake.queue(&crate::intake::Work::SignUp(sign_up))?;
    Ok(Outcome::Accepted)
}

/// A submission that passed every check that does not depend on the stored contact, as the
/// public intake keeps it until [`record`] carries it out.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SignUp {
    pub form: FormId,
    pub email: EmailAddress,
    /// The values asked for (checked), the boxes ticked and when, from where.
    pub submission: Submission,
    /// The tracker's visitor id, if the page had the tracker (checked when it is used).
    pub visitor: String,
}

/// The values of a submission as contact input: names and custom fields (checked again
/// against today's schema; a value that no longer fits is left out).
fn input_of(values: &BTreeMap<String, String>, defs: &[crate::domain::FieldDef]) -> ContactInput {
    let mut input = ContactInput::default();
    for (k, v) in values {
        match Target::parse(k, defs) {
            Some(Target::FirstName) => input.first_name = Some(v.clone()),
            Some(Target::LastName) => input.last_name = Some(v.clone()),
            Some(Target::Custom(key)) => {
                if let Some(Ok(Some(val))) = defs.iter().find(|d| d.key == key).map(|d| d.parse_text(v)) {
                    input.custom.insert(key, Some::<FieldValue>(val));
                }
            }
            _ => {}
        }
    }
    input
}

/// Carries out a sign-up the public intake kept (its id `seq` numbers the submission): records
/// the submission against the contact the address belongs to, or a new one, then sends the
/// confirmation or, for a form without double opt-in, records the consent at once. Carrying
/// the same sign-up out again (after a crash) records and sends nothing twice.
#[tracing::instrument(name = "form_record", skip_all, fields(form = %sign_up.form))]
pub fn record(state: &AppState, seq: u64, sign_up: &SignUp) -> OpResult<()> {
    // Without its form the sign-up could never be confirmed (the link names the form).
    let Some(form) = state.forms.get(&sign_up.form)? else { return Err(OpError::NotFound("form")) };
    let email = &sign_up.email;
    let mut submission = sign_up.submission.clone();
    // An erased (suppressed) address may come back only with fresh consent through a form:
    // never by single opt-in, only once the address confirms (which lifts the suppression).
    let single = !form.double_opt_in && !state.contacts.is_suppressed(email)?;
    // Double opt-in: a new contact is created as Pending (never in a campaign audience). A
    // known one is left as it is until the address confirms: an unconfirmed submission must not
    // change anyone's record (nor downgrade a subscriber), only the address's owner may.
    let contact = match state.contacts.find_by_email(email)? {
        Some(c) => {
            // Created by this very sign-up before a crash cut its recording short: the
            // cleanup of unconfirmed sign-ups must still remove it whole.
            submission.created_contact = c.status == Status::Pending
                && c.source == Source::Form
                && c.source_ref == form.id.reference()
                && c.created_at >= submission.at;
            c
        }
        None => {
            let mut input = input_of(&submission.values, &state.fields.all());
            input.locale = submission.values.get(LANGUAGE).map(|l| Some(l.clone()));
            let status = if single { Status::Subscribed } else { Status::Pending };
            let c = new_contact(state, &form, email, &input, status)?;
            submission.created_contact = true;
            c
        }
    };
    let mut submitted = 0;
    match state.forms.submission(&contact.id, seq)? {
        // Carried out before (a crash came before its request was dropped from the intake).
        // Granted or confirmed since: nothing is left to do.
        Some(earlier) if earlier.confirmed_at.is_some() => return Ok(()),
        // Recorded: what follows is done again, and does nothing twice (the confirmation
        // mail's idempotency key is the sign-up's).
        Some(earlier) => submission.created_contact = earlier.created_contact,
        None => {
            // The submission and its entry on the change feed land together.
            let mut writes = Writes::new();
            state.forms.stage_submission(&mut writes, &contact.id, seq, &submission)?;
            let change = Change::FormSubmitted { contact: contact.id, form: form.id.to_string() };
            submitted = state.feed.append(writes, &[change])?.keep();
            note_visitor(state, &contact.id, seq, &sign_up.visitor)?;
            state.forms.count(&form.id, |n| n.submitted += 1)?;
        }
    }
    if single {
        grant(state, &form, &contact.id, seq, &submission, "single opt-in (the form does not ask for confirmation)")?;
        state.forms.count(&form.id, |n| n.confirmed += 1)?;
        state.store.commit()?;
        state.feed.announce_mine(submitted);
        return Ok(());
    }
    state.store.commit()?;
    state.feed.announce_mine(submitted);
    let expires = submission.at + Duration::hours(state.config.forms.confirm_hours.into());
    let token = ConfirmToken { contact: contact.id, form: form.id, seq, expires: expires.timestamp() }
        .sign(state.store.keyring());
    let url = format!("{}/f/confirm/{token}", state.config.public_url());
    enqueue_system_message(
        state,
        &form.id.reference(),
        NewMessage {
            template: crate::sending::templates::CONFIRM_SUBSCRIPTION,
            to: email,
            data: json!({ "confirm_url": url, "form_name": form.title, "expires_at": expires }),
            idempotency_key: &format!("confirm:{seq}"),
        },
    )?;
    Ok(())
}

fn new_contact(
    state: &AppState,
    form: &Form,
    email: &EmailAddress,
    input: &ContactInput,
    status: Status,
) -> OpResult<Contact> {
    let mut c = Contact::new(email.clone(), Source::Form, form.id.reference());
    input.apply(&mut c, MergePolicy::Overwrite);
    c.status = status;
    c.updated_at = c.created_at;
    check_contact(&mut c, &state.fields.all())?;
    match state.contacts.claim_or_find(&c.email, &c.id)? {
        // Created by a concurrent submission a moment ago: use that one.
        Some(existing) => Ok(existing),
        None => {
            let seq = state.contacts.log(crate::domain::Change::ContactCreated(c.id))?;
            state.contacts.write_claimed(&c, &[])?;
            state.store.commit()?;
            state.contacts.announce(seq);
            state.audit.record(
                Event::new(Actor::System, Action::ContactCreated)
                    .target(c.id.reference())
                    .detail("source", form.id.reference()),
            )?;
            Ok(c)
        }
    }
}

/// Records what a (confirmed) submission grants: its values, lists, consents; status
/// Subscribed; the suppression lifted. Committed and audited.
fn grant(state: &AppState, form: &Form, contact: &ContactId, seq: u64, s: &Submission, how: &str) -> OpResult<()> {
    let mut c = state.contacts.get(contact)?.ok_or(OpError::NotFound("contact"))?;
    let before = c.email.clone();
    let defs = state.fields.all();
    let mut input = input_of(&s.values, &defs);
    // A known contact's language is theirs (or the shop's) to set; one without gets the page's.
    if c.locale.is_none() {
        input.locale = s.values.get(LANGUAGE).map(|l| Some(l.clone()));
    }
    input.add_lists = form.lists.iter().filter(|l| state.lists.get(l).ok().flatten().is_some()).cloned().collect();
    let changed = input.apply(&mut c, MergePolicy::Overwrite);
    let mut last = 0;
    if !changed.is_empty() {
        check_contact(&mut c, &defs)?;
        last = state.contacts.save(&before, &c)?;
    }
    let now = Utc::now();
    for (purpose, version) in &s.purposes {
        let entry = ConsentEntry {
            purpose: purpose.clone(),
            granted: true,
            at: now,
            via: Via::Form(form.id.to_string()),
            wording: Some((purpose.clone(), *version)),
            ip: s.ip,
            user_agent: Some(s.user_agent.clone()).filter(|u| !u.is_empty()),
            note: format!("{how}; submitted {}", s.at.format("%Y-%m-%d %H:%M:%S UTC")),
        };
        let event = Event::new(Actor::System, Action::ConsentRecorded)
            .target(c.id.reference())
            .detail("via", form.id.reference());
        last = last.max(crate::contacts::consent::record(state, &c.id, &entry, event)?);
    }
    let mut confirmed = s.clone();
    confirmed.confirmed_at = Some(now);
    let mut writes = Writes::new();
    state.forms.stage_confirmation(&mut writes, &c.id, seq, &confirmed)?;
    let change = Change::FormConfirmed { contact: c.id, form: form.id.to_string() };
    last = last.max(state.feed.append(writes, &[change])?.keep());
    state.contacts.unsuppress(&c.email)?;
    state.store.commit()?;
    if last > 0 {
        state.contacts.announce(last);
    }
    set_status(state, Actor::System, &c.id, Status::Subscribed, &format!("{how} through {}", form.id.reference()))?;
    // The sign-up is confirmed (or needs no confirmation): the visitor who sent it, if the
    // tracker named one and the contact's consent allows, is now the contact's.
    state.tracking.link_form_visitors(&c.id, seq, &form.id.reference())?;
    Ok(())
}

/// What a confirmation link leads to.
#[derive(Debug, PartialEq)]
pub enum Confirmed {
    /// Done now, or earlier (confirming twice changes nothing).
    Done,
    Expired,
    /// Forged, altered, or its sign-up is gone (removed unconfirmed, erased, form deleted).
    Invalid,
}

/// Checks a confirmation link without acting on it (the page with the button).
pub fn check_token(
    state: &AppState,
    token: &str,
    now: DateTime<Utc>,
) -> OpResult<Result<(ConfirmToken, Form, Submission), Confirmed>> {
    let t = match ConfirmToken::verify(state.store.keyring(), token, now) {
        Ok(t) => t,
        Err(TokenError::Expired) => return Ok(Err(Confirmed::Expired)),
        Err(TokenError::Invalid) => return Ok(Err(Confirmed::Invalid)),
    };
    let (Some(form), Some(s)) = (state.forms.get(&t.form)?, state.forms.submission(&t.contact, t.seq)?) else {
        return Ok(Err(Confirmed::Invalid));
    };
    if s.form != t.form || state.contacts.get(&t.contact)?.is_none() {
        return Ok(Err(Confirmed::Invalid));
    }
    Ok(Ok((t, form, s)))
}

/// Confirms a sign-up from its signed link: idempotent.
// The token is the link's whole authority: never a field.
#[tracing::instrument(name = "form_confirm", skip_all, fields(form = tracing::field::Empty))]
pub fn confirm(state: &AppState, token: &str, now: DateTime<Utc>) -> OpResult<Confirmed> {
    let (t, form, s) = match check_token(state, token, now)? {
        Ok(found) => found,
        Err(outcome) => return Ok(outcome),
    };
    tracing::Span::current().record("form", tracing::field::display(&form.id));
    if s.confirmed_at.is_some() {
        return Ok(Confirmed::Done);
    }
    grant(state, &form, &t.contact, t.seq, &s, "confirmed by email (double opt-in)")?;
    state.forms.count(&form.id, |n| n.confirmed += 1)?;
    state.store.commit()?;
    Ok(Confirmed::Done)
}

/// A sign-up nobody confirmed in time, and what removing it means: `whole` when the form
/// created the contact and it is still pending with no confirmed sign-up (the contact is
/// erased everywhere); otherwise only the unconfirmed submission goes.
pub struct Unconfirmed {
    pub sign_up: PendingSignUp,
    pub whole: bool,
}

/// The sign-ups submitted before `now - unconfirmed_days` and never confirmed (read only:
/// the retention dry run counts these, and the run removes exactly these).
pub fn plan_unconfirmed(state: &AppState, now: DateTime<Utc>) -> OpResult<Vec<Unconfirmed>> {
    let cutoff = now - Duration::days(state.config.forms.unconfirmed_days.into());
    let mut out = Vec::new();
    for p in state.forms.pending_before(cutoff, usize::MAX)? {
        let s = state.forms.submission(&p.contact, p.seq)?;
        let contact = state.contacts.get(&p.contact)?;
        let whole = match (&s, &contact) {
            (Some(s), Some(c)) => {
                s.created_contact
                    && c.status == Status::Pending
                    && !state.forms.submissions_of(&c.id)?.iter().any(|x| x.confirmed_at.is_some())
            }
            _ => false,
        };
        out.push(Unconfirmed { sign_up: p, whole });
    }
    Ok(out)
}

/// Removes planned sign-ups: a contact the form created and that is still pending is erased
/// everywhere (the contact erasure path, so every registered store forgets it); for a contact
/// that existed already, only the unconfirmed submission goes. Returns (contacts erased,
/// submissions removed).
pub fn remove_planned(state: &AppState, plan: Vec<Unconfirmed>) -> OpResult<(usize, usize)> {
    let by = By::system();
    let (mut erased, mut removed) = (0, 0);
    for Unconfirmed { sign_up: p, whole } in plan {
        state.forms.remove_submission(&p)?;
        if let Some(f) = p.form {
            state.forms.count(&f, |n: &mut Counts| n.removed += 1)?;
        }
        if whole {
            state.store.commit()?;
            match crate::contacts::ops::delete(state, by, &p.contact, false) {
                Ok(()) | Err(OpError::NotFound(_)) => erased += 1,
                // Erased in the store already; the index catches up on its own.
                Err(OpError::Internal(m)) => {
                    tracing::warn!(contact = %p.contact, "{m}");
                    erased += 1;
                }
                Err(e) => return Err(e),
            }
        } else {
            removed += 1;
        }
    }
    state.store.commit()?;
    Ok((erased, removed))
}

/// The daily job's step: removes sign-ups submitted before `now - unconfirmed_days` and never
/// confirmed ([`plan_unconfirmed`], then [`remove_planned`]).
pub fn remove_unconfirmed(state: &AppState, now: DateTime<Utc>) -> OpResult<(usize, usize)> {
    let plan = plan_unconfirmed(state, now)?;
    remove_planned(state, plan)
}
