//! Where tracking writes: the event log (per contact and by time), first-hit flags, counters
//! per mailing and hour, clicks per link, and the link tables.
//!
//! Trees:
//! - `events`: `contact ‖ event id` → sealed [`Event`] (the contact's key: erasure makes old
//!   bytes unreadable).
//! - `events_by_time`: `event id ‖ contact` → `[kind, machine]`: the log in time order, for
//!   retention and for walking everything recent. Event ids are UUIDv7, so key order is time
//!   order.
//! - `track_seen`: `contact ‖ mailing` → flags (opened, clicked): unique opens and clicks.
//! - `track_counts`: `scope ‖ hour` → [`Counts`], scope being a mailing or [`OVERALL`]: reports
//!   and charts read these, never the event log.
//! - `track_link_clicks`: `mailing ‖ link index` → human and machine clicks.
//! - `track_links`: `mailing` → [`LinkTable`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::links::LinkTable;
use crate::domain::{ContactId, Event, EventId, EventKind, PersonId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{PlainTree, Result, SealedTree, Store};

pub const EVENTS: &str = "events";
pub const BY_TIME: &str = "events_by_time";
pub const SEEN: &str = "track_seen";
pub const COUNTS: &str = "track_counts";
pub const LINK_CLICKS: &str = "track_link_clicks";
pub const LINKS: &str = "track_links";

/// The scope of site-wide counters (every mailing, page views, orders).
pub const OVERALL: Uuid = Uuid::nil();

pub const EVENTS_REGISTRATION: Registration = Registration {
    tree: EVENTS,
    purpose: "tracked events of a contact: opens, clicks, page views, shop events and orders",
    holds: Holds::Personal {
        categories: &["email interactions", "website activity", "orders", "truncated IP address", "browser family"],
        layout: Layout::PersonPrefix,
        export: Some(export_events),
    },
};

pub const BY_TIME_REGISTRATION: Registration = Registration {
    tree: BY_TIME,
    purpose: "the event log in time order (retention walks it)",
    holds: Holds::Personal {
        categories: &["contact id", "event kind"],
        layout: Layout::Custom(erase_by_time),
        export: None,
    },
};

pub const SEEN_REGISTRATION: Registration = Registration {
    tree: SEEN,
    purpose: "whether a contact opened or clicked each mailing (unique counts)",
    holds: Holds::Personal {
        categories: &["contact id", "mailing opened or clicked"],
        layout: Layout::PersonPrefix,
        export: Some(export_seen),
    },
};

pub const COUNTS_REGISTRATION: Registration = Registration {
    tree: COUNTS,
    purpose: "opens, clicks, page views and orders per campaign and hour",
    holds: Holds::Nothing { why: "sums over all recipients; no contact id, no address" },
};

pub const LINK_CLICKS_REGISTRATION: Registration = Registration {
    tree: LINK_CLICKS,
    purpose: "clicks per link of each campaign",
    holds: Holds::Nothing { why: "sums over all recipients; no contact id" },
};

pub const LINKS_REGISTRATION: Registration = Registration {
    tree: LINKS,
    purpose: "the tracked links of each campaign and template",
    holds: Holds::Nothing {
        why: "addresses from campaign content; links personalised with merge fields are never tracked, so none \
              carries a recipient's data",
    },
};

/// Counters of one scope (a mailing, or everything) in one hour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Human opens, every one.
    pub opens: u64,
    /// Recipients who opened for the first time (a click without a recorded open counts: the
    /// image may have been blocked).
    pub unique_opens: u64,
    pub machine_opens: u64,
    /// Human clicks, every one (attributed or not).
    pub clicks: u64,
    pub unique_clicks: u64,
    pub machine_clicks: u64,
    /// Human clicks by recipients who did not allow per-person measurement.
    pub anonymous_clicks: u64,
    pub page_views: u64,
    pub custom_events: u64,
    pub orders: u64,
    pub revenue_cents: i64,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.opens += o.opens;
        self.unique_opens += o.unique_opens;
        self.machine_opens += o.machine_opens;
        self.clicks += o.clicks;
        self.unique_clicks += o.unique_clicks;
        self.machine_clicks += o.machine_clicks;
        self.anonymous_clicks += o.anonymous_clicks;
        self.page_views += o.page_views;
        self.custom_events += o.custom_events;
        self.orders += o.orders;
        self.revenue_cents = self.revenue_cents.saturating_add(o.revenue_cents);
    }

    /// Takes counts back out (an erased person's part of the totals).
    pub fn sub(&mut self, o: &Counts) {
        self.opens = self.opens.saturating_sub(o.opens);
        self.unique_opens = self.unique_opens.saturating_sub(o.unique_opens);
        self.machine_opens = self.machine_opens.saturating_sub(o.machine_opens);
        self.clicks = self.clicks.saturating_sub(o.clicks);
        self.unique_clicks = self.unique_clicks.saturating_sub(o.unique_clicks);
        self.machine_clicks = self.machine_clicks.saturating_sub(o.machine_clicks);
        self.anonymous_clicks = self.anonymous_clicks.saturating_sub(o.anonymous_clicks);
        self.page_views = self.page_views.saturating_sub(o.page_views);
        self.custom_events = self.custom_events.saturating_sub(o.custom_events);
        self.orders = self.orders.saturating_sub(o.orders);
        self.revenue_cents = self.revenue_cents.saturating_sub(o.revenue_cents);
    }
}

pub const OPENED: u8 = 1;
pub const CLICKED: u8 = 2;

/// Clicks on one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkClicks {
    pub index: u16,
    pub url: String,
    pub human: u64,
    pub machine: u64,
}

#[derive(Clone)]
pub struct TrackStore {
    store: Store,
    pub(super) events: SealedTree<Event>,
    pub(super) by_time: sled::Tree,
    pub(super) seen: sled::Tree,
    pub(super) counts: PlainTree<Counts>,
    pub(super) link_clicks: sled::Tree,
    links: PlainTree<LinkTable>,
}

pub fn event_key(contact: &ContactId, event: &Event) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..16].copy_from_slice(contact.as_bytes());
    k[16..].copy_from_slice(event.id.as_bytes());
    k
}

pub fn by_time_key(contact: &ContactId, event: &Event) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..16].copy_from_slice(event.id.as_bytes());
    k[16..].copy_from_slice(contact.as_bytes());
    k
}

pub fn pair_key(a: &[u8; 16], b: &[u8; 16]) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..16].copy_from_slice(a);
    k[16..].copy_from_slice(b);
    k
}

pub fn hour_of(t: DateTime<Utc>) -> u32 {
    u32::try_from(t.timestamp().max(0) / 3600).unwrap_or(u32::MAX)
}

pub fn counts_key(scope: &Uuid, hour: u32) -> [u8; 20] {
    let mut k = [0u8; 20];
    k[..16].copy_from_slice(scope.as_bytes());
    k[16..].copy_from_slice(&hour.to_be_bytes());
    k
}

pub fn link_key(mailing: &Uuid, index: u16) -> [u8; 18] {
    let mut k = [0u8; 18];
    k[..16].copy_from_slice(mailing.as_bytes());
    k[16..].copy_from_slice(&index.to_be_bytes());
    k
}

impl TrackStore {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            store: store.clone(),
            events: store.sealed(EVENTS)?,
            by_time: store.tree(BY_TIME)?,
            seen: store.tree(SEEN)?,
            counts: store.plain(COUNTS)?,
            link_clicks: store.tree(LINK_CLICKS)?,
            links: store.plain(LINKS)?,
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn link_table(&self, mailing: &Uuid) -> Result<Option<LinkTable>> {
        self.links.get(mailing.as_bytes())
    }

    /// Stores a mailing's link table (uncommitted) unless it is there already, unchanged.
    pub fn save_link_table(&self, mailing: &Uuid, table: &LinkTable) -> Result<bool> {
        if self.links.get(mailing.as_bytes())?.as_ref() == Some(table) {
            return Ok(false);
        }
        self.links.put(mailing.as_bytes(), table)?;
        Ok(true)
    }

    /// One event of a contact (what a feed entry names by id).
    pub fn event(&self, contact: &ContactId, id: &crate::domain::EventId) -> Result<Option<Event>> {
        Ok(self.events.get(&pair_key(contact.as_bytes(), id.as_bytes()))?.map(|(_, e)| e))
    }

    /// A contact's events, newest first.
    pub fn events_of(&self, contact: &ContactId, limit: usize) -> Result<Vec<Event>> {
        self.events.scan_prefix_rev(&contact.person(), contact.as_bytes(), limit)
    }

    /// One page of a contact's events, newest first: at most `limit` of those older than the
    /// event `before` (all when None), and whether older ones remain. Event ids are time
    /// ordered, so this reads only the page (and one more key), however long the history.
    pub fn events_page(
        &self,
        contact: &ContactId,
        before: Option<&EventId>,
        limit: usize,
    ) -> Result<(Vec<Event>, bool)> {
        let tree = self.events_tree();
        let start = pair_key(contact.as_bytes(), &[0u8; 16]);
        let end = match before {
            Some(b) => pair_key(contact.as_bytes(), b.as_bytes()),
            // Past every event of this contact: the contact's id plus one, as a prefix.
            None => pair_key(contact.as_bytes(), &[0xff; 16]),
        };
        let mut out = Vec::with_capacity(limit.min(256));
        let range = if before.is_some() { tree.range(start..end) } else { tree.range(start..=end) };
        for item in range.rev() {
            let (k, _) = item?;
            if out.len() >= limit {
                return Ok((out, true));
            }
            if let Some((_, e)) = self.events.get(&k)? {
                out.push(e);
            }
        }
        Ok((out, false))
    }

    fn events_tree(&self) -> sled::Tree {
        self.store.tree(EVENTS).expect("registered tree")
    }

    /// Whether the contact opened (human) and clicked the mailing.
    pub fn seen(&self, contact: &ContactId, mailing: &Uuid) -> Result<u8> {
        Ok(self
            .seen
            .get(pair_key(contact.as_bytes(), mailing.as_bytes()))?
            .and_then(|v| v.first().copied())
            .unwrap_or(0))
    }

    /// Counters per hour of a scope between two instants (inclusive hours), in time order.
    pub fn hourly(&self, scope: &Uuid, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<(u32, Counts)>> {
        let tree = self.store.tree(COUNTS)?;
        let mut out = Vec::new();
        for item in tree.range(counts_key(scope, hour_of(from))..=counts_key(scope, hour_of(to))) {
            let (k, v) = item?;
            let hour = u32::from_be_bytes(k[16..20].try_into().expect("4 bytes"));
            out.push((hour, postcard::from_bytes(&v)?));
        }
        Ok(out)
    }

    /// Every counter of a scope summed, with the first and last hour that had any.
    pub fn totals(&self, scope: &Uuid) -> Result<(Counts, Option<(u32, u32)>)> {
        let tree = self.store.tree(COUNTS)?;
        let mut sum = Counts::default();
        let mut span: Option<(u32, u32)> = None;
        for item in tree.scan_prefix(scope.as_bytes()) {
            let (k, v) = item?;
            let hour = u32::from_be_bytes(k[16..20].try_into().expect("4 bytes"));
            sum.add(&postcard::from_bytes(&v)?);
            span = Some(span.map_or((hour, hour), |(a, _)| (a, hour)));
        }
        Ok((sum, span))
    }

    /// Clicks per tracked link of a mailing, in the order of the message.
    pub fn link_clicks(&self, mailing: &Uuid) -> Result<Vec<LinkClicks>> {
        let Some(table) = self.link_table(mailing)? else { return Ok(Vec::new()) };
        let mut out: Vec<LinkClicks> = table
            .links
            .iter()
            .enumerate()
            .map(|(i, url)| LinkClicks { index: i as u16, url: url.clone(), human: 0, machine: 0 })
            .collect();
        for item in self.link_clicks.scan_prefix(mailing.as_bytes()) {
            let (k, v) = item?;
            let idx = u16::from_be_bytes([k[16], k[17]]) as usize;
            let (human, machine) = decode_pair(&v);
            if let Some(l) = out.get_mut(idx) {
                l.human = human;
                l.machine = machine;
            }
        }
        Ok(out)
    }

    /// The campaign of the contact's last human click between `since` and `until`, for order
    /// attribution. Walks the contact's events newest first and stops at `since` (event ids
    /// are UUIDv7: key order is time order).
    pub fn last_campaign_click(
        &self,
        contact: &ContactId,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Option<Uuid>> {
        let floor = v7_floor(since);
        for item in self.events_tree().scan_prefix(contact.as_bytes()).rev() {
            let (k, _) = item?;
            if k[16..32] < floor[..] {
                break;
            }
            let Some((_, e)) = self.events.get(&k)? else { continue };
            if e.kind != EventKind::Click || e.machine.is_some() || e.at > until || e.at < since {
                continue;
            }
            let Some(m) = e.mailing else { continue };
            // Transactional mail (an order confirmation) is not what sold the order.
            if self.link_table(&m)?.is_some_and(|t| t.kind == super::links::MailingKind::Campaign) {
                return Ok(Some(m));
            }
        }
        Ok(None)
    }

    /// A contact's newest `limit` events as send-time optimisation reads them: kind, whether a
    /// machine's, and when. Read from the keys (an event id holds its time) and the time-ordered
    /// log's `[kind, machine]`, so nothing is unsealed: cheap enough for every recipient of a
    /// campaign.
    pub fn signals_of(&self, contact: &ContactId, limit: usize) -> Result<Vec<Signal>> {
        let mut out = Vec::with_capacity(limit.min(256));
        for item in self.events_tree().scan_prefix(contact.as_bytes()).keys().rev() {
            if out.len() >= limit {
                break;
            }
            let k = item?;
            let Some(id) = k.get(16..32).and_then(|b| <&[u8; 16]>::try_from(b).ok()) else { continue };
            let Some(v) = self.by_time.get(pair_key(id, contact.as_bytes()))? else { continue };
            if let Some(s) = signal(id, &v) {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// Calls `f` with every event since `from`, in time order, as [`Self::signals_of`] gives
    /// them, naming no one: the shop's pattern.
    pub fn each_signal_since(&self, from: DateTime<Utc>, mut f: impl FnMut(Signal)) -> Result<()> {
        for item in self.by_time.range(v7_floor(from).as_slice()..) {
            let (k, v) = item?;
            if let Some(s) = k.get(..16).and_then(|id| signal(id, &v)) {
                f(s);
            }
        }
        Ok(())
    }

    /// How many events of the given kinds are older than `cutoff`: what [`Self::prune_before`]
    /// removes (retention's dry run), read from the log in time order.
    pub fn count_before(&self, cutoff: DateTime<Utc>, kinds: &[EventKind]) -> Result<u64> {
        let mut n = 0;
        for item in self.by_time.range(..v7_floor(cutoff).as_slice()) {
            let (_, v) = item?;
            if v.first().and_then(|b| EventKind::from_byte(*b)).is_some_and(|k| kinds.contains(&k)) {
                n += 1;
            }
        }
        Ok(n)
    }

    /// The contacts with events from `from` up to (not including) `until`, and how many events
    /// that is (a breach's scope).
    pub fn contacts_with_events(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<(std::collections::HashSet<ContactId>, u64)> {
        let mut contacts = std::collections::HashSet::new();
        let mut events = 0;
        for item in self.by_time.range(v7_floor(from).as_slice()..v7_floor(until).as_slice()) {
            let (k, _) = item?;
            if let Some(c) = ContactId::from_slice(&k[16..32]) {
                contacts.insert(c);
                events += 1;
            }
        }
        Ok((contacts, events))
    }

    /// Removes events older than `cutoff` of the given kinds (uncommitted). Returns how many.
    pub fn prune_before(&self, cutoff: DateTime<Utc>, kinds: &[EventKind]) -> Result<usize> {
        let end = v7_floor(cutoff);
        let events = self.events_tree();
        let mut doomed = Vec::new();
        for item in self.by_time.range(..end.as_slice()) {
            let (k, v) = item?;
            if v.first().and_then(|b| EventKind::from_byte(*b)).is_some_and(|kind| kinds.contains(&kind)) {
                doomed.push(k);
            }
            if doomed.len() >= 100_000 {
                break;
            }
        }
        let _gate = self.store.write_gate();
        for k in &doomed {
            let mut ek = [0u8; 32];
            ek[..16].copy_from_slice(&k[16..32]);
            ek[16..].copy_from_slice(&k[..16]);
            events.remove(ek)?;
            self.by_time.remove(k)?;
        }
        Ok(doomed.len())
    }
}

/// One event as send-time optimisation sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signal {
    pub kind: EventKind,
    /// Taken for a machine (a scanner, a privacy proxy).
    pub machine: bool,
    pub at: DateTime<Utc>,
}

/// A signal from an event id (UUIDv7: its first 48 bits are the event's time in milliseconds)
/// and its `[kind, machine]` in the time-ordered log.
fn signal(id: &[u8], v: &[u8]) -> Option<Signal> {
    let mut ms = [0u8; 8];
    ms[2..].copy_from_slice(id.get(..6)?);
    let at = DateTime::from_timestamp_millis(i64::try_from(u64::from_be_bytes(ms)).ok()?)?;
    Some(Signal { kind: EventKind::from_byte(*v.first()?)?, machine: v.get(1).is_some_and(|m| *m != 0), at })
}

/// The smallest UUIDv7 of an instant: every event id before it is older.
fn v7_floor(t: DateTime<Utc>) -> [u8; 16] {
    let ms = u64::try_from(t.timestamp_millis().max(0)).unwrap_or(0);
    let mut b = [0u8; 16];
    b[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    b
}

pub(super) fn decode_pair(v: &[u8]) -> (u64, u64) {
    let a = v.get(..8).map_or(0, |b| u64::from_be_bytes(b.try_into().expect("8 bytes")));
    let b = v.get(8..16).map_or(0, |b| u64::from_be_bytes(b.try_into().expect("8 bytes")));
    (a, b)
}

pub(super) fn encode_pair(a: u64, b: u64) -> [u8; 16] {
    let mut v = [0u8; 16];
    v[..8].copy_from_slice(&a.to_be_bytes());
    v[8..].copy_from_slice(&b.to_be_bytes());
    v
}

fn export_events(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let t: SealedTree<Event> = store.sealed(EVENTS)?;
    Ok(t.scan_prefix(person.as_bytes())?
        .into_iter()
        .map(|(_, e)| serde_json::to_value(e).unwrap_or(serde_json::Value::Null))
        .collect())
}

fn export_seen(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let t = store.tree(SEEN)?;
    let mut out = Vec::new();
    for item in t.scan_prefix(person.as_bytes()) {
        let (k, v) = item?;
        let flags = v.first().copied().unwrap_or(0);
        let mailing = Uuid::from_slice(&k[16..32]).map(|u| u.to_string()).unwrap_or_default();
        out.push(serde_json::json!({
            "mailing": mailing,
            "opened": flags & OPENED != 0,
            "clicked": flags & CLICKED != 0,
        }));
    }
    Ok(out)
}

/// The by-time entries of a person, found through the person's own events (read before the
/// `events` tree is erased: the registry lists this tree first).
fn erase_by_time(store: &Store, person: &PersonId) -> Result<usize> {
    let events = store.tree(EVENTS)?;
    let by_time = store.tree(BY_TIME)?;
    let mut doomed = Vec::new();
    for item in events.scan_prefix(person.as_bytes()) {
        let (k, _) = item?;
        let mut bk = [0u8; 32];
        bk[..16].copy_from_slice(&k[16..32]);
        bk[16..].copy_from_slice(person.as_bytes());
        doomed.push(bk);
    }
    let _gate = store.write_gate();
    let mut n = 0;
    for k in doomed {
        if by_time.remove(k)?.is_some() {
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v7_floor_orders_before_later_ids() {
        let t = Utc::now();
        let id = crate::domain::EventId::new();
        assert!(v7_floor(t - chrono::Duration::seconds(1)).as_slice() < id.as_bytes().as_slice());
        assert!(v7_floor(t + chrono::Duration::seconds(1)).as_slice() > id.as_bytes().as_slice());
    }
}
