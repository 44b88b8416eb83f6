//! Removing a person: every registered store, the search index, and — depending on the mode —
//! what they contributed to campaign and site totals.
//!
//! - [`Mode::Erase`] (the default): the person is removed everywhere and their part of the
//!   counters per campaign and hour (opens, clicks, unique opens and clicks, page views,
//!   orders, revenue, clicks per link) is taken back out, as far as their events still exist
//!   (events past their purpose's retention period are gone already, and what they counted
//!   stays as an anonymous sum).
//! - [`Mode::Anonymise`]: the person is removed everywhere just the same; the totals keep
//!   counting what they did, so a campaign's report does not change. The counters never name
//!   anyone, which is what makes this an anonymisation rather than a pseudonymisation.

use std::collections::HashMap;

use uuid::Uuid;

use crate::domain::{ContactId, Event, EventKind};
use crate::ops::{OpError, OpResult};
use crate::state::AppState;
use crate::tracking::store::{counts_key, hour_of, link_key, CLICKED, OPENED};
use crate::tracking::{Counts, Retraction, OVERALL};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Erase,
    Anonymise,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        match s.trim() {
            "" | "erase" => Some(Mode::Erase),
            "anonymise" | "anonymize" => Some(Mode::Anonymise),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::Erase => "erase",
            Mode::Anonymise => "anonymise",
        }
    }
}

/// What one event added to the counters (the tracking writer's rules, without the unique
/// counts, which depend on the person's first open or click of each mailing).
fn delta(e: &Event) -> Counts {
    let human = e.machine.is_none();
    let mut d = Counts::default();
    match e.kind {
        EventKind::Open if human => d.opens = 1,
        EventKind::Open => d.machine_opens = 1,
        EventKind::Click if human => d.clicks = 1,
        EventKind::Click => d.machine_clicks = 1,
        EventKind::PageView => d.page_views = 1,
        EventKind::Custom => d.custom_events = 1,
        EventKind::Order => {
            d.orders = 1;
            d.revenue_cents = e.amount_cents.unwrap_or(0);
        }
    }
    d
}

fn add_at(r: &mut Retraction, mailing: Option<Uuid>, at: chrono::DateTime<chrono::Utc>, d: &Counts) {
    let hour = hour_of(at);
    for scope in std::iter::once(OVERALL).chain(mailing) {
        r.counts.entry(counts_key(&scope, hour)).or_default().add(d);
    }
}

/// What a contact contributed to the counters, read from their stored events (and those of
/// the website visitors linked to them) before they are erased.
pub fn contribution(state: &AppState, contact: &ContactId) -> OpResult<Retraction> {
    let ts = &state.tracking.store;
    let mut events = ts.events_of(contact, usize::MAX)?;
    for v in state.tracking.website.visitors_of(contact)? {
        events.extend(state.tracking.website.events_of(&v)?);
    }
    let mut r = Retraction::default();
    // Per mailing: the first human open-or-click (which counted the unique open) and the
    // first human click (the unique click).
    let mut first: HashMap<Uuid, (Option<&Event>, Option<&Event>)> = HashMap::new();
    let mut tables = HashMap::new();
    for e in &events {
        add_at(&mut r, e.mailing, e.at, &delta(e));
        let (Some(m), true) = (e.mailing, e.machine.is_none()) else {
            if let (EventKind::Click, Some(m)) = (e.kind, e.mailing) {
                click_on_link(state, &mut tables, &mut r, m, e, false)?;
            }
            continue;
        };
        if e.kind == EventKind::Click {
            click_on_link(state, &mut tables, &mut r, m, e, true)?;
        }
        if matches!(e.kind, EventKind::Open | EventKind::Click) {
            let f = first.entry(m).or_default();
            if f.0.is_none_or(|x| e.at < x.at) {
                f.0 = Some(e);
            }
            if e.kind == EventKind::Click && f.1.is_none_or(|x| e.at < x.at) {
                f.1 = Some(e);
            }
        }
    }
    for (m, (open, click)) in first {
        let flags = ts.seen(contact, &m)?;
        if let Some(e) = open.filter(|_| flags & OPENED != 0) {
            add_at(&mut r, Some(m), e.at, &Counts { unique_opens: 1, ..Default::default() });
        }
        if let Some(e) = click.filter(|_| flags & CLICKED != 0) {
            add_at(&mut r, Some(m), e.at, &Counts { unique_clicks: 1, ..Default::default() });
        }
    }
    Ok(r)
}

/// A click's link in its mailing's link table, counted back out of the clicks per link.
fn click_on_link(
    state: &AppState,
    tables: &mut HashMap<Uuid, Option<crate::tracking::LinkTable>>,
    r: &mut Retraction,
    mailing: Uuid,
    e: &Event,
    human: bool,
) -> OpResult<()> {
    if let std::collections::hash_map::Entry::Vacant(v) = tables.entry(mailing) {
        v.insert(state.tracking.store.link_table(&mailing)?);
    }
    let Some(Some(table)) = tables.get(&mailing) else { return Ok(()) };
    let Some(i) = table.links.iter().position(|l| Some(l) == e.url.as_ref()) else { return Ok(()) };
    let slot = r.links.entry(link_key(&mailing, i as u16)).or_default();
    if human {
        slot.0 += 1;
    } else {
        slot.1 += 1;
    }
    Ok(())
}

/// Removes one contact from every registered store and destroys their key (committed), after
/// journalling the erasure (so that restoring an older backup does not bring them back) and,
/// with `suppress`, leaving a suppression tombstone. Returns the records removed and the change
/// the search index must reach; the caller waits for the index.
pub fn remove(state: &AppState, contact: &ContactId, mode: Mode, suppress: bool) -> OpResult<(usize, u64)> {
    let c = state.contacts.get(contact)?.ok_or(OpError::NotFound("contact"))?;
    let tombstone = suppress.then(|| crate::contacts::suppression_key(&state.store, &c.email));
    if suppress {
        state.contacts.suppress(&c.email)?;
    }
    crate::store::backup::journal_erasure(
        state.store.keyring(),
        &state.config.backup_dir().join("erasure-journal"),
        &contact.person(),
        tombstone.as_ref(),
    )
    .map_err(|e| OpError::Internal(format!("the erasure journal: {e}")))?;
    if mode == Mode::Erase {
        let r = contribution(state, contact)?;
        state.tracking.retract_blocking(r).map_err(|e| OpError::Internal(format!("updating the totals: {e}")))?;
    }
    // What erasure removes: the personal stores' records (the audit trail is kept, pseudonymous).
    let records = state
        .store
        .export_person(&contact.person())?
        .iter()
        .filter(|(tree, _)| {
            state.store.registry().lookup(tree).is_some_and(|r| matches!(r.holds, crate::store::Holds::Personal { .. }))
        })
        .map(|(_, v)| v.len())
        .sum::<usize>();
    let seq = state.contacts.erase(contact)?;
    state.contacts.announce(seq);
    Ok((records, seq))
}

/// Waits until the search index has dropped what change `seq` removed, then merges its
/// segments so the deleted documents are gone from its files, not just marked.
pub fn settle_index(state: &AppState, seq: u64) -> OpResult<()> {
    if !state.search.wait_for(seq) {
        return Err(OpError::Internal("the search index has not dropped the contact yet; try again".into()));
    }
    // The other readers too: once all have followed the erasure's entry, it is pruned, and
    // nothing on disk names the person any more.
    state.feed.settle(seq, std::time::Duration::from_secs(10));
    state.search.index.purge_deleted().map_err(|e| OpError::Internal(format!("purging the search index: {e}")))
}

/// Erases contacts no request is about (retention of inactive contacts): no tombstone, since
/// nobody asked; they may come back with fresh consent. Returns how many were erased.
#[tracing::instrument(name = "gdpr_erase_inactive", skip_all, fields(contacts = contacts.len(), mode = mode.as_str()))]
pub fn erase_without_request(state: &AppState, contacts: &[ContactId], mode: Mode) -> OpResult<usize> {
    let mut last = 0;
    let mut n = 0;
    for c in contacts {
        match remove(state, c, mode, false) {
            Ok((_, seq)) => {
                last = last.max(seq);
                n += 1;
            }
            // Gone meanwhile (deleted by someone else): nothing left to do.
            Err(OpError::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
    }
    if n > 0 {
        settle_index(state, last)?;
    }
    Ok(n)
}
