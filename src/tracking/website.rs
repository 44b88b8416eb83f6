//! Website tracking: visitors of the shop's own pages (through `/t.js` and `/t/collect`),
//! what they did, and their link to a contact.
//!
//! A visitor is a random 128-bit id that the tracker keeps in the browser's localStorage once
//! the site has signalled consent. The server never stores that id: it keys everything by a
//! keyed hash of it ([`VisitorId::person`]), which is also the visitor's [`PersonId`]. So an
//! anonymous visitor's events are pseudonymous personal data sealed with a data key of their
//! own, and erasing the visitor (by retention, or with the contact it was linked to) destroys
//! that key. A client cannot pick whose key its events land under.
//!
//! A visitor is linked to a contact, when the contact's `website_tracking` consent allows it
//! (`tracking.website_linking`), on two occasions:
//! - a tracked click in a campaign: the redirect to a page of one of `tracking.sites` carries
//!   `_tdg=<token>` ([`sign_visit`]: the contact, signed, valid for an hour); the tracker takes
//!   it out of the address bar and sends it with its next hit;
//! - a subscribe form sent from a page with the tracker: the tracker adds the visitor id as a
//!   hidden field, and the link is made when the sign-up is confirmed (at once for a form
//!   without double opt-in): an address typed into someone's form proves nothing until its
//!   owner confirms.
//!
//! On linking, the visitor's earlier events move to the contact's own events, and later hits
//! are recorded as the contact's. Nothing about the link is ever sent back to the browser.
//!
//! Trees:
//! - `visitors`: visitor → sealed [`Visitor`] (first and last seen, the linked contact);
//! - `visitor_events`: `visitor ‖ event id` → sealed [`Event`]: what an anonymous visitor did;
//! - `visitor_links`: `contact ‖ visitor` → state (linked, or waiting for a form's
//!   confirmation): erasing the contact erases its visitors through here;
//! - `track_event_ids`: keyed hash of a caller's event id → contact (or nil) and when it came:
//!   an order or API event sent twice is recorded once; the ids expire with website events.

use std::sync::{Arc, Mutex, MutexGuard};

use base64::Engine;
use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use super::store::pair_key;
use super::writer::person_allowed;
use crate::config::EngagementPolicy;
use crate::contacts::Contacts;
use crate::domain::{ContactId, Event, PersonId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Keyring, Result, SealedTree, Store};

pub const VISITORS: &str = "visitors";
pub const VISITOR_EVENTS: &str = "visitor_events";
pub const VISITOR_LINKS: &str = "visitor_links";
pub const EVENT_IDS: &str = "track_event_ids";

/// The purpose whose consent allows linking a visitor to a contact.
pub const WEBSITE_TRACKING: &str = "website_tracking";

pub const VISITORS_REGISTRATION: Registration = Registration {
    tree: VISITORS,
    purpose: "website visitors (a keyed hash of the tracker's random id): first and last visit, linked contact",
    holds: Holds::Personal {
        categories: &["pseudonymous visitor id", "visit times", "contact id"],
        layout: Layout::PersonPrefix,
        export: None,
    },
};

pub const VISITOR_EVENTS_REGISTRATION: Registration = Registration {
    tree: VISITOR_EVENTS,
    purpose: "page views, shop events and orders of website visitors not (yet) linked to a contact",
    holds: Holds::Personal {
        categories: &["website activity", "orders", "truncated IP address", "browser family", "country"],
        layout: Layout::PersonPrefix,
        export: None,
    },
};

pub const VISITOR_LINKS_REGISTRATION: Registration = Registration {
    tree: VISITOR_LINKS,
    purpose: "which website visitors are linked to a contact (after a tracked click or a confirmed form)",
    holds: Holds::Personal {
        categories: &["contact id", "pseudonymous visitor id"],
        // Erasing a contact erases its visitors' records and keys too.
        layout: Layout::Custom(erase_links),
        export: Some(export_links),
    },
};

pub const EVENT_IDS_REGISTRATION: Registration = Registration {
    tree: EVENT_IDS,
    purpose: "ids of orders and API events already recorded, so that a retry does not count twice",
    // Kept as long as website events are (the retention run's website rule), then dropped.
    holds: Holds::Personal { categories: &["contact id"], layout: Layout::Custom(erase_event_ids), export: None },
};

/// A claimed event id's value: the contact (or zeros) and when it was claimed (seconds since the
/// epoch, big-endian). Values of 16 bytes, from before the time was kept, count as claimed at
/// the epoch.
fn claim_value(owner: Option<&ContactId>, at: DateTime<Utc>) -> [u8; 24] {
    let mut v = [0u8; 24];
    if let Some(c) = owner {
        v[..16].copy_from_slice(c.as_bytes());
    }
    v[16..].copy_from_slice(&at.timestamp().max(0).to_be_bytes());
    v
}

fn claimed_at(v: &[u8]) -> i64 {
    v.get(16..24).and_then(|b| b.try_into().ok()).map_or(0, i64::from_be_bytes)
}

fn erase_event_ids(store: &Store, person: &PersonId) -> Result<usize> {
    store.remove_where(&store.tree(EVENT_IDS)?, |_, v| v.get(..16) == Some(person.as_bytes().as_slice()))
}

const LINKED: u8 = 1;
const PENDING_FORM: u8 = 2;
const LOCKS: usize = 64;

/// What the server knows of a visitor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visitor {
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    pub contact: Option<ContactId>,
    pub linked_at: Option<DateTime<Utc>>,
    /// "email click" or `form:<id>`.
    pub linked_via: String,
}

impl Visitor {
    fn new(now: DateTime<Utc>) -> Self {
        Self { first_seen: now, last_seen: now, contact: None, linked_at: None, linked_via: String::new() }
    }
}

/// A browser's visitor id as the tracker sends it: 32 lowercase hex digits (128 random bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitorId([u8; 16]);

impl VisitorId {
    pub fn parse(raw: &str) -> std::result::Result<Self, String> {
        let mut b = [0u8; 16];
        let hex_ok = raw.len() == 32 && raw.bytes().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c));
        if !hex_ok || hex::decode_to_slice(raw, &mut b).is_err() || b == [0; 16] {
            return Err("must be 32 lowercase hexadecimal digits (a random 128-bit id)".into());
        }
        Ok(Self(b))
    }

    /// The server's name for the visitor: a keyed hash of the browser's id, so the stored id
    /// is not the browser's and no client can choose which person key it writes under.
    pub fn person(&self, keyring: &Keyring) -> PersonId {
        let h = keyring.lookup_hash("tidings/visitor", &self.0);
        PersonId::from_slice(&h[..16]).expect("16 bytes")
    }
}

// ---- the link token a tracked click carries to the landing page

const VISIT_VERSION: u8 = 1;
const VISIT_DOMAIN: &str = "tidings/visit";
const VISIT_TAG: usize = 16;
const VISIT_LEN: usize = 1 + 16 + 4 + VISIT_TAG;
/// How long a landing page's link token may be used: the tracker sends it with the first hit
/// after the click, and a URL copied with it should not link someone else later.
pub const VISIT_TTL_SECS: i64 = 3600;
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// `_tdg`: the clicking contact, signed: `[version] [contact: 16] [issued: u32 s] [tag: 16]`.
pub fn sign_visit(keyring: &Keyring, contact: &ContactId, at: DateTime<Utc>) -> String {
    let mut buf = Vec::with_capacity(VISIT_LEN);
    buf.push(VISIT_VERSION);
    buf.extend_from_slice(contact.as_bytes());
    buf.extend_from_slice(&u32::try_from(at.timestamp().max(0)).unwrap_or(u32::MAX).to_be_bytes());
    let tag = keyring.link_mac(VISIT_DOMAIN, &[&buf]);
    buf.extend_from_slice(&tag[..VISIT_TAG]);
    B64.encode(buf)
}

/// The contact a link token names, if it is ours, unaltered and fresh.
pub fn verify_visit(keyring: &Keyring, token: &str, now: DateTime<Utc>) -> Option<ContactId> {
    if token.len() > 4 * VISIT_LEN.div_ceil(3) {
        return None;
    }
    let raw = B64.decode(token.as_bytes()).ok().filter(|r| r.len() == VISIT_LEN)?;
    let (body, tag) = raw.split_at(VISIT_LEN - VISIT_TAG);
    let mac = keyring.link_mac(VISIT_DOMAIN, &[body]);
    if !bool::from(mac[..VISIT_TAG].ct_eq(tag)) || body[0] != VISIT_VERSION {
        return None;
    }
    let issued = Utc.timestamp_opt(i64::from(u32::from_be_bytes(body[17..21].try_into().ok()?)), 0).single()?;
    let age = (now - issued).num_seconds();
    if !(-60..=VISIT_TTL_SECS).contains(&age) {
        return None;
    }
    ContactId::from_slice(&body[1..17])
}

// ---- the store

#[derive(Clone)]
pub struct Website {
    store: Store,
    contacts: Contacts,
    visitors: SealedTree<Visitor>,
    events: SealedTree<Event>,
    links: sled::Tree,
    ids: sled::Tree,
    policy: EngagementPolicy,
    /// Per visitor (striped): a hit and a link of the same visitor never interleave, so no
    /// event is left behind when the visitor's events move to the contact.
    locks: Arc<Vec<Mutex<()>>>,
}

impl Website {
    pub fn open(store: &Store, contacts: &Contacts, policy: EngagementPolicy) -> Result<Self> {
        Ok(Self {
            store: store.clone(),
            contacts: contacts.clone(),
            visitors: store.sealed(VISITORS)?,
            events: store.sealed(VISITOR_EVENTS)?,
            links: store.tree(VISITOR_LINKS)?,
            ids: store.tree(EVENT_IDS)?,
            policy,
            locks: Arc::new((0..LOCKS).map(|_| Mutex::new(())).collect()),
        })
    }

    fn lock(&self, v: &PersonId) -> MutexGuard<'_, ()> {
        self.locks[v.as_bytes()[0] as usize % LOCKS].lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether website activity may be recorded as `contact`'s: the contact exists and its
    /// `website_tracking` consent allows it (checked at every hit: a withdrawal stops it at once).
    pub fn may_link(&self, contact: &ContactId) -> Result<bool> {
        if self.policy == EngagementPolicy::Off {
            return Ok(false);
        }
        let Some((_, consents, _)) = self.contacts.get_with_consents(contact)? else { return Ok(false) };
        Ok(person_allowed(self.policy, consents.get(WEBSITE_TRACKING).map(|(s, _)| *s)))
    }

    pub fn visitor(&self, v: &PersonId) -> Result<Option<Visitor>> {
        Ok(self.visitors.get(v.as_bytes())?.map(|(_, x)| x))
    }

    /// An anonymous visitor's stored events, oldest first.
    pub fn events_of(&self, v: &PersonId) -> Result<Vec<Event>> {
        Ok(self.events.scan_prefix(v.as_bytes())?.into_iter().map(|(_, e)| e).collect())
    }

    /// Notes one hit of a visitor (uncommitted) and says whose it is: the linked contact's
    /// (the caller records it for them), or nobody's. An anonymous visitor's event is kept
    /// here; a linked visitor whose contact no longer allows it is counted in totals only.
    pub fn hit(&self, v: &PersonId, event: &Event) -> Result<Option<ContactId>> {
        let _g = self.lock(v);
        let mut visitor = self.visitor(v)?.unwrap_or_else(|| Visitor::new(event.at));
        visitor.last_seen = visitor.last_seen.max(event.at);
        let dk = self.store.data_key(v)?;
        self.visitors.put_with(&dk, v, v.as_bytes(), &visitor)?;
        match visitor.contact {
            Some(c) => Ok(self.may_link(&c)?.then_some(c)),
            None => {
                self.events.put_with(&dk, v, &pair_key(v.as_bytes(), event.id.as_bytes()), event)?;
                Ok(None)
            }
        }
    }

    /// Links the visitor to `contact` (uncommitted) and hands back the visitor's earlier events,
    /// removed here, for the caller to record as the contact's. The caller checked consent.
    pub fn link(&self, v: &PersonId, contact: &ContactId, via: &str, now: DateTime<Utc>) -> Result<Vec<Event>> {
        let _g = self.lock(v);
        let mut visitor = self.visitor(v)?.unwrap_or_else(|| Visitor::new(now));
        let already = visitor.contact == Some(*contact);
        if let Some(old) = visitor.contact.filter(|c| c != contact) {
            let _gate = self.store.write_gate();
            self.links.remove(pair_key(old.as_bytes(), v.as_bytes()))?;
        }
        if !already {
            visitor.contact = Some(*contact);
            visitor.linked_at = Some(now);
            visitor.linked_via = via.to_string();
            self.visitors.put(v, v.as_bytes(), &visitor)?;
        }
        let moved = self.events.scan_prefix(v.as_bytes())?;
        let _gate = self.store.write_gate();
        self.links.insert(pair_key(contact.as_bytes(), v.as_bytes()), vec![LINKED])?;
        for (k, _) in &moved {
            self.events.raw().remove(k)?;
        }
        Ok(moved.into_iter().map(|(_, e)| e).collect())
    }

    /// Remembers that the visitor sent sign-up `seq` of `contact` through a form (uncommitted),
    /// to be linked once it is confirmed.
    pub fn note_form(&self, contact: &ContactId, seq: u64, v: &PersonId) -> Result<()> {
        let k = pair_key(contact.as_bytes(), v.as_bytes());
        let mut val = vec![PENDING_FORM];
        val.extend_from_slice(&seq.to_be_bytes());
        let _gate = self.store.write_gate();
        // Linked already: stays linked.
        let _ = self.links.compare_and_swap(k, None as Option<&[u8]>, Some(val))?;
        Ok(())
    }

    /// The visitors that sent sign-up `seq` of `contact` and wait to be linked.
    pub fn pending_form(&self, contact: &ContactId, seq: u64) -> Result<Vec<PersonId>> {
        let mut out = Vec::new();
        for item in self.links.scan_prefix(contact.as_bytes()) {
            let (k, v) = item?;
            if v.first() == Some(&PENDING_FORM) && v.get(1..9) == Some(seq.to_be_bytes().as_slice()) {
                out.extend(PersonId::from_slice(&k[16..32]));
            }
        }
        Ok(out)
    }

    /// Drops the form links waiting for these visitors (the contact does not allow linking).
    pub fn forget_pending(&self, contact: &ContactId, visitors: &[PersonId]) -> Result<()> {
        let _gate = self.store.write_gate();
        for v in visitors {
            let k = pair_key(contact.as_bytes(), v.as_bytes());
            if self.links.get(k)?.is_some_and(|x| x.first() == Some(&PENDING_FORM)) {
                self.links.remove(k)?;
            }
        }
        Ok(())
    }

    /// The visitors linked to a contact.
    pub fn visitors_of(&self, contact: &ContactId) -> Result<Vec<PersonId>> {
        let mut out = Vec::new();
        for item in self.links.scan_prefix(contact.as_bytes()) {
            let (k, v) = item?;
            if v.first() == Some(&LINKED) {
                out.extend(PersonId::from_slice(&k[16..32]));
            }
        }
        Ok(out)
    }

    /// Claims a caller's event id (uncommitted): false when it was recorded before. `scope`
    /// keeps the tracker's ids (which anyone can send) apart from the API's.
    pub fn claim(&self, scope: &str, id: &str, owner: Option<&ContactId>) -> Result<bool> {
        let k = self.id_key(scope, id);
        let v = claim_value(owner, Utc::now());
        let _gate = self.store.write_gate();
        Ok(self.ids.compare_and_swap(k, None as Option<&[u8]>, Some(&v[..]))?.is_ok())
    }

    /// Retention: claimed event ids older than `cutoff`, counted (`remove` false) or removed
    /// (uncommitted). An id older than its events' retention guards nothing any more.
    pub fn expire_event_ids(&self, cutoff: DateTime<Utc>, remove: bool) -> Result<usize> {
        let cutoff = cutoff.timestamp();
        let doomed = Store::keys_where(&self.ids, |_, v| claimed_at(v) < cutoff)?;
        if remove {
            self.store.remove_keys(&self.ids, &doomed)?;
        }
        Ok(doomed.len())
    }

    /// Gives a claimed id back (the event could not be recorded).
    pub fn release(&self, scope: &str, id: &str) -> Result<()> {
        let _gate = self.store.write_gate();
        self.ids.remove(self.id_key(scope, id))?;
        Ok(())
    }

    fn id_key(&self, scope: &str, id: &str) -> [u8; 32] {
        let mut buf = Vec::with_capacity(scope.len() + 1 + id.len());
        buf.extend_from_slice(scope.as_bytes());
        buf.push(0);
        buf.extend_from_slice(id.as_bytes());
        self.store.keyring().lookup_hash("tidings/event-id", &buf)
    }

    /// What [`Self::prune`] would remove at `cutoff`, counted (retention's dry run): visitors
    /// not seen since, and the older events of the others (a stale visitor's events go with it).
    pub fn count_prune(&self, cutoff: DateTime<Utc>) -> Result<(u64, u64)> {
        let mut stale = std::collections::HashSet::new();
        for item in self.visitors.iter() {
            let (_, person, v) = item?;
            if v.last_seen < cutoff {
                stale.insert(person);
            }
        }
        let cutoff_ms = u64::try_from(cutoff.timestamp_millis().max(0)).unwrap_or(0);
        let mut events = 0;
        for k in self.events.raw().iter().keys() {
            let k = k?;
            let (Some(owner), Some(stamp)) = (PersonId::from_slice(&k[..16]), k.get(16..22)) else {
                continue;
            };
            let mut ms = [0u8; 8];
            ms[2..].copy_from_slice(stamp);
            if u64::from_be_bytes(ms) < cutoff_ms && !stale.contains(&owner) {
                events += 1;
            }
        }
        Ok((stale.len() as u64, events))
    }

    /// Retention: removes visitors not seen since `cutoff` with everything about them, and any
    /// anonymous visitor event older than it (uncommitted). Returns (visitors, events) removed.
    pub fn prune(&self, cutoff: DateTime<Utc>) -> Result<(usize, usize)> {
        let mut stale = Vec::new();
        for item in self.visitors.iter() {
            let (_, person, v) = item?;
            if v.last_seen < cutoff {
                stale.push((person, v.contact));
            }
        }
        for (person, contact) in &stale {
            let _g = self.lock(person);
            erase_visitor(&self.store, person)?;
            if let Some(c) = contact {
                let _gate = self.store.write_gate();
                self.links.remove(pair_key(c.as_bytes(), person.as_bytes()))?;
            }
        }
        // Event ids are UUIDv7: the first six bytes are milliseconds since the epoch.
        let cutoff_ms = u64::try_from(cutoff.timestamp_millis().max(0)).unwrap_or(0);
        let mut old = Vec::new();
        for item in self.events.raw().iter().keys() {
            let k = item?;
            let mut ms = [0u8; 8];
            ms[2..].copy_from_slice(&k[16..22]);
            if u64::from_be_bytes(ms) < cutoff_ms {
                old.push(k);
            }
        }
        let _gate = self.store.write_gate();
        for k in &old {
            self.events.raw().remove(k)?;
        }
        // Form links whose visitor is gone.
        let mut orphans = Vec::new();
        for item in self.links.iter() {
            let (k, _) = item?;
            if self.visitors.raw().get(&k[16..32])?.is_none() {
                orphans.push(k);
            }
        }
        for k in &orphans {
            self.links.remove(k)?;
        }
        Ok((stale.len(), old.len()))
    }
}

/// Everything about one visitor, and the visitor's key (uncommitted).
fn erase_visitor(store: &Store, v: &PersonId) -> Result<usize> {
    let visitors = store.tree(VISITORS)?;
    let events = store.tree(VISITOR_EVENTS)?;
    let doomed: Vec<sled::IVec> = events.scan_prefix(v.as_bytes()).keys().collect::<sled::Result<_>>()?;
    let mut n = doomed.len();
    {
        let _gate = store.write_gate();
        for k in &doomed {
            events.remove(k)?;
        }
        n += usize::from(visitors.remove(v.as_bytes())?.is_some());
    }
    // The key last, as in every erasure (`Store::erase_person`): it opens nothing once the
    // records are gone.
    n += usize::from(store.destroy_data_key(v)?);
    Ok(n)
}

/// A contact's erasure takes its linked (and form-pending) visitors with it.
fn erase_links(store: &Store, person: &PersonId) -> Result<usize> {
    let links = store.tree(VISITOR_LINKS)?;
    let doomed: Vec<sled::IVec> = links.scan_prefix(person.as_bytes()).keys().collect::<sled::Result<_>>()?;
    let mut n = 0;
    for k in &doomed {
        if let Some(v) = PersonId::from_slice(&k[16..32]) {
            n += erase_visitor(store, &v)?;
        }
        let _gate = store.write_gate();
        links.remove(k)?;
        n += 1;
    }
    Ok(n)
}

fn export_links(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let links = store.tree(VISITOR_LINKS)?;
    let visitors: SealedTree<Visitor> = store.sealed(VISITORS)?;
    let events: SealedTree<Event> = store.sealed(VISITOR_EVENTS)?;
    let mut out = Vec::new();
    for item in links.scan_prefix(person.as_bytes()) {
        let (k, state) = item?;
        let v = &k[16..32];
        let visitor = visitors.get(v)?.map(|(_, x)| x);
        let evs: Vec<serde_json::Value> =
            events.scan_prefix(v)?.into_iter().map(|(_, e)| serde_json::to_value(e).unwrap_or_default()).collect();
        out.push(serde_json::json!({
            "visitor": hex::encode(v),
            "state": if state.first() == Some(&LINKED) { "linked" } else { "waiting for a form's confirmation" },
            "first_seen": visitor.as_ref().map(|x| x.first_seen),
            "last_seen": visitor.as_ref().map(|x| x.last_seen),
            "linked_at": visitor.as_ref().and_then(|x| x.linked_at),
            "linked_via": visitor.as_ref().map(|x| x.linked_via.clone()),
            "events": evs,
        }));
    }
    Ok(out)
}

/// Days a visitor is kept after the last visit: the `website_tracking` purpose's retention.
pub fn retention_days(purpose_days: Option<u32>) -> Duration {
    Duration::days(i64::from(purpose_days.filter(|d| *d > 0).unwrap_or(365)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SecretKey;

    #[test]
    fn visitor_ids_are_random_hex_and_hashed() {
        assert!(VisitorId::parse("00000000000000000000000000000000").is_err());
        assert!(VisitorId::parse("0123456789ABCDEF0123456789abcdef").is_err());
        assert!(VisitorId::parse("0123456789abcdef0123456789abcde").is_err());
        assert!(VisitorId::parse("0123456789abcdef0123456789abcdeg").is_err());
        let v = VisitorId::parse("0123456789abcdef0123456789abcdef").unwrap();
        let k = Keyring::new(SecretKey::random());
        assert_eq!(v.person(&k), v.person(&k));
        assert_ne!(v.person(&k).as_bytes(), &v.0, "the browser's id is never the stored one");
        assert_ne!(v.person(&k), v.person(&Keyring::new(SecretKey::random())));
    }

    #[test]
    fn visit_tokens_are_signed_and_expire() {
        let k = Keyring::new(SecretKey::random());
        let c = ContactId::new();
        let now = Utc::now();
        let t = sign_visit(&k, &c, now);
        assert!(t.len() <= 50, "{t}");
        assert_eq!(verify_visit(&k, &t, now), Some(c));
        assert_eq!(verify_visit(&k, &t, now + Duration::seconds(VISIT_TTL_SECS + 1)), None);
        assert_eq!(verify_visit(&Keyring::new(SecretKey::random()), &t, now), None);
        let raw = B64.decode(&t).unwrap();
        for i in 0..raw.len() {
            let mut r = raw.clone();
            r[i] ^= 1;
            assert_eq!(verify_visit(&k, &B64.encode(&r), now), None, "byte {i}");
        }
        assert_eq!(verify_visit(&k, &format!("{t}A"), now), None);
    }
}
