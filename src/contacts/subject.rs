//! What the person does for themselves through a signed link in a mail: unsubscribe, and choose
//! lists and topics in the preference centre. No role is checked: the caller has verified the
//! link's signature (`mail::links`), which is the only authority these pages have. Each
//! operation writes, commits (flushed to disk) and audits before it returns, so the page that
//! answers never acknowledges something a crash could undo.
//!
//! Decisions:
//! - Unsubscribing withdraws **every consent-based purpose the person currently grants**, not
//!   only the newsletter. "Stop" is read in the person's favour: a grant left behind could keep
//!   processing going that they believe they ended (withdrawal must be as easy as consent,
//!   Art. 7(3)), and the preference centre gives any of them back in one tick. Purposes on
//!   another lawful basis (transactional mail under contract) are not consents and stay.
//! - Unsubscribing sets the status to Unsubscribed only from Subscribed or Pending: Bounced and
//!   Complained already stop all mail and say more.
//! - The preference centre re-subscribes (Unsubscribed → Subscribed) only when the person ticks
//!   a purpose that sends mail ([`sends_mail`]) which they did not grant before. Ticking a list
//!   or a tracking purpose does not; nor does anything re-subscribe a bounced or complained
//!   address.
//! - A purpose on legitimate interest with a text to show (the default `profiling`, lead
//!   scoring) is offered too, ticked until the person objects (Art. 21): unticking it records
//!   the objection as a withdrawal, ticking it again takes the objection back. Unsubscribing
//!   leaves it alone (stopping mail is not objecting to everything).
//! - An unknown or erased contact is "unsubscribed" without error and without a write: the page
//!   must not tell a visitor whether someone is in the database.

use std::collections::BTreeSet;

use chrono::Utc;

use super::HistoryEntry;
use crate::audit::{Action, Actor, Event};
use crate::domain::{ConsentEntry, ConsentState, Contact, ContactId, LawfulBasis, Purpose, Status, TruncatedIp, Via};
use crate::ops::OpResult;
use crate::state::AppState;

/// `Via::Subject` page names.
pub const UNSUBSCRIBE_PAGE: &str = "unsubscribe";
pub const PREFERENCES_PAGE: &str = "preferences";

/// Where the request came from, as the ledger keeps it for forms: the truncated address and
/// the browser family.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub ip: Option<TruncatedIp>,
    pub user_agent: Option<String>,
}

/// A consent purpose whose grant means "send me mail": it processes the contact details (the
/// address is what mail needs). The default `newsletter` is one; `engagement` and
/// `website_tracking` are not.
pub fn sends_mail(p: &Purpose) -> bool {
    p.basis == LawfulBasis::Consent && p.categories.iter().any(|c| c.eq_ignore_ascii_case("contact details"))
}

/// Purposes the preference centre offers: consent-based ones, and those on legitimate interest
/// the person may object to, each with a wording to show. Purposes that send mail come first:
/// they are what the person came to change.
fn topics(state: &AppState) -> OpResult<Vec<Purpose>> {
    let mut out: Vec<Purpose> = state
        .purposes
        .all()?
        .into_iter()
        .filter(|p| matches!(p.basis, LawfulBasis::Consent | LawfulBasis::LegitimateInterest) && p.current_wording > 0)
        .collect();
    out.sort_by_key(|p| !sends_mail(p));
    Ok(out)
}

fn note(campaign: Option<&str>) -> String {
    campaign.map(|c| format!("campaign {c}")).unwrap_or_default()
}

fn subject_event(action: Action, c: &ContactId, origin: &Origin) -> Event {
    Event::new(Actor::Anonymous, action).ip(origin.ip).target(c.reference())
}

/// Withdraws every granted consent and sets the status to Unsubscribed (see the module notes).
/// `how` says which path it came by ("one-click (RFC 8058)", "confirm button"), `page` is the
/// `Via::Subject` page. Returns the purposes withdrawn. Idempotent.
pub fn unsubscribe(
    state: &AppState,
    id: &ContactId,
    campaign: Option<&str>,
    how: &str,
    page: &str,
    origin: &Origin,
) -> OpResult<Vec<crate::domain::Purpose>> {
    let Some(c) = state.contacts.resolve(id)? else { return Ok(Vec::new()) };
    let consents = state.contacts.consent_state(&c.id)?;
    let mut withdrawn = Vec::new();
    let mut last = 0;
    for p in state.purposes.all()? {
        let granted = consents.get(&p.key).is_some_and(|(s, _)| *s == ConsentState::Granted);
        if p.basis != LawfulBasis::Consent || !granted {
            continue;
        }
        let entry = ConsentEntry {
            purpose: p.key.clone(),
            granted: false,
            at: Utc::now(),
            via: Via::Subject(page.into()),
            // Nothing was shown to agree or disagree with: the link itself is the withdrawal.
            wording: None,
            ip: origin.ip,
            user_agent: origin.user_agent.clone(),
            note: note(campaign),
        };
        let event = subject_event(Action::ConsentRecorded, &c.id, origin).detail("via", page);
        last = last.max(super::consent::record(state, &c.id, &entry, event)?);
        withdrawn.push(p);
    }
    if matches!(c.status, Status::Subscribed | Status::Pending) {
        let why = match campaign {
            Some(campaign) => format!("{how} on the {page} page, from campaign {campaign}"),
            None => format!("{how} on the {page} page"),
        };
        // The campaign's report counts the change of status (from the feed), once per person:
        // a second click on the link (or the one-click POST after the page) changes nothing.
        let from = campaign.and_then(|r| r.trim().parse::<crate::domain::CampaignId>().ok());
        crate::contacts::ops::set_status_for(state, Actor::Anonymous, &c.id, Status::Unsubscribed, &why, from)?;
        crate::fault::point("unsubscribe.after_status");
    }
    state.store.commit()?;
    if last > 0 {
        state.contacts.announce(last);
    }
    Ok(withdrawn)
}

/// One list as the preference centre shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ListChoice {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub on: bool,
}

/// One topic (a consent purpose), labelled with the exact wording that is recorded when saved.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TopicChoice {
    pub key: String,
    pub name: String,
    pub text: String,
    pub version: u32,
    pub granted: bool,
}

pub struct Preferences {
    pub contact: Contact,
    pub lists: Vec<ListChoice>,
    pub topics: Vec<TopicChoice>,
}

/// The lists offered: those the contact is on, and those the admin made visible for
/// self-service.
fn offered_lists(state: &AppState, c: &Contact) -> OpResult<Vec<ListChoice>> {
    let visible = state.lists.visible_in_preferences()?;
    let mut out = Vec::new();
    for l in state.lists.all()? {
        let on = c.lists.contains(&l.slug);
        if on || visible.contains(&l.slug) {
            out.push(ListChoice { slug: l.slug, name: l.name, description: l.description, on });
        }
    }
    // Memberships of lists that no longer exist (a list deleted while the contact was being
    // written) are shown by their key, so they can be left.
    for slug in &c.lists {
        if !out.iter().any(|l| &l.slug == slug) {
            out.push(ListChoice { slug: slug.clone(), name: slug.clone(), description: String::new(), on: true });
        }
    }
    Ok(out)
}

/// Whether a purpose applies to the person now: a consent when granted; a legitimate interest
/// until they object (withdraw it).
pub fn in_force(p: &Purpose, consents: &crate::domain::ConsentStates) -> bool {
    match consents.get(&p.key).map(|(s, _)| *s) {
        Some(ConsentState::Granted) => true,
        Some(ConsentState::Withdrawn) => false,
        None => p.basis == LawfulBasis::LegitimateInterest,
    }
}

/// What the preference centre shows a reader of `language`: each topic's name and consent
/// text in it where the shop has one; None for an unknown or erased contact.
pub fn preferences(state: &AppState, id: &ContactId, language: &str) -> OpResult<Option<Preferences>> {
    let Some(c) = state.contacts.resolve(id)? else { return Ok(None) };
    let consents = state.contacts.consent_state(&c.id)?;
    let mut topics_out = Vec::new();
    for p in topics(state)? {
        let Some(w) = state.purposes.wording_in(&p, language)? else { continue };
        let granted = in_force(&p, &consents);
        let name = state.purposes.name_in(&p, language)?;
        topics_out.push(TopicChoice { key: p.key, name, text: w.text, version: w.version, granted });
    }
    Ok(Some(Preferences { lists: offered_lists(state, &c)?, topics: topics_out, contact: c }))
}

/// What the person ticked.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub lists: BTreeSet<String>,
    pub purposes: BTreeSet<String>,
    /// The language the page was shown in: the consent texts recorded are the ones it showed.
    pub language: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    pub lists_changed: bool,
    pub granted: Vec<String>,
    pub withdrawn: Vec<String>,
    pub resubscribed: bool,
}

/// Applies the preference centre form: lists offered are set as ticked (others are left as
/// they are), and only consents that changed are appended to the ledger, each with the wording
/// version that labelled its box. None for an unknown or erased contact.
pub fn save_preferences(
    state: &AppState,
    id: &ContactId,
    campaign: Option<&str>,
    choices: &Choices,
    origin: &Origin,
) -> OpResult<Option<Saved>> {
    let Some(view) = preferences(state, id, &choices.language)? else { return Ok(None) };
    let mut c = view.contact;
    let mut saved = Saved::default();
    let mut last = 0;

    let offered: BTreeSet<&String> = view.lists.iter().map(|l| &l.slug).collect();
    let mut lists: BTreeSet<String> = c.lists.iter().filter(|s| !offered.contains(s)).cloned().collect();
    lists.extend(choices.lists.iter().filter(|s| offered.contains(s)).cloned());
    if lists != c.lists {
        c.lists = lists;
        c.updated_at = Utc::now();
        last = state.contacts.save(&c.email.clone(), &c)?;
        state.contacts.add_history(
            &c.id,
            &HistoryEntry {
                at: Utc::now(),
                actor: Actor::Anonymous.reference(),
                kind: "updated".into(),
                fields: vec!["lists".into()],
                detail: "by the person, in the preference centre".into(),
            },
        )?;
        state.audit.append_uncommitted(
            subject_event(Action::ContactUpdated, &c.id, origin)
                .detail("fields", "lists")
                .detail("via", PREFERENCES_PAGE),
        )?;
        saved.lists_changed = true;
    }

    let purposes = state.purposes.all()?;
    let mut mail_granted = None;
    for t in &view.topics {
        let want = choices.purposes.contains(&t.key);
        if want == t.granted {
            continue;
        }
        let entry = ConsentEntry {
            purpose: t.key.clone(),
            granted: want,
            at: Utc::now(),
            via: Via::Subject(PREFERENCES_PAGE.into()),
            wording: Some((t.key.clone(), t.version)),
            ip: origin.ip,
            user_agent: origin.user_agent.clone(),
            note: note(campaign),
        };
        let event = subject_event(Action::ConsentRecorded, &c.id, origin).detail("via", PREFERENCES_PAGE);
        last = last.max(super::consent::record(state, &c.id, &entry, event)?);
        if want {
            if purposes.iter().any(|p| p.key == t.key && sends_mail(p)) {
                mail_granted.get_or_insert(t.name.clone());
            }
            saved.granted.push(t.name.clone());
        } else {
            saved.withdrawn.push(t.name.clone());
        }
    }
    if let (Some(topic), Status::Unsubscribed) = (&mail_granted, c.status) {
        let why = format!("the person ticked “{topic}” in the preference centre");
        crate::contacts::ops::set_status(state, Actor::Anonymous, &c.id, Status::Subscribed, &why)?;
        saved.resubscribed = true;
    }
    state.store.commit()?;
    if last > 0 {
        state.contacts.announce(last);
    }
    Ok(Some(saved))
}
