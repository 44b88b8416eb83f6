//! The one writer of tracking data: a thread that takes hits in batches, applies them to the
//! trees (read-modify-write of counters without races, because nothing else writes them), and
//! commits in groups.
//!
//! - Opens are fire-and-forget: the pixel answers at once, and the batch they are in is
//!   committed within `tracking.commit_window_ms` (at most 1 s: what a crash can lose).
//! - Clicks and events come with an acknowledgement: the writer commits the batch they are in
//!   at once and only then answers, so the redirect (or the API's 2xx) follows a flush; all
//!   waiting callers share that flush.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError};
use uuid::Uuid;

use super::store::{self, Counts, TrackStore, CLICKED, OPENED, OVERALL};
use crate::config::EngagementPolicy;
use crate::contacts::Contacts;
use crate::domain::{Activity, Change, ConsentState, ContactId, Event, EventKind, Recorded};
use crate::store::SecretKey;

/// One thing to record.
#[derive(Debug, Clone)]
pub struct Record {
    /// Who, when known and allowed; None counts in the totals only.
    pub contact: Option<ContactId>,
    pub event: Event,
    /// Clicks: the index in the mailing's link table.
    pub link: Option<u16>,
}

pub(super) type Ack = tokio::sync::oneshot::Sender<Result<(), String>>;

/// Counts to take back out of the counters: what an erased person contributed (erasure, as
/// opposed to anonymisation, leaves the totals as if they had never been there). Applied by
/// the writer, the only one that writes counters.
#[derive(Debug, Clone, Default)]
pub struct Retraction {
    /// `counts_key(scope, hour)` → what to subtract.
    pub counts: HashMap<[u8; 20], Counts>,
    /// `link_key(mailing, index)` → (human, machine) clicks to subtract.
    pub links: HashMap<[u8; 18], (u64, u64)>,
}

pub(super) struct Job {
    pub records: Vec<Record>,
    pub ack: Option<Ack>,
    /// The counters include these already (a visitor's events moving to the contact it was
    /// linked to): stored and folded into the contact's aggregates, not counted again.
    pub counted: bool,
    /// Boxed: most jobs carry none, and the queue holds many jobs.
    pub retract: Option<Box<Retraction>>,
}

pub(super) struct Writer {
    pub ts: TrackStore,
    pub contacts: Contacts,
    pub window: Duration,
    pub policy: EngagementPolicy,
    pub restrictions: crate::gdpr::Restrictions,
    pub metrics: Option<Arc<super::Counters>>,
}

/// The purpose whose consent allows per-person measurement of mail.
pub const ENGAGEMENT: &str = "engagement";

pub fn person_allowed(policy: EngagementPolicy, engagement: Option<ConsentState>) -> bool {
    match policy {
        EngagementPolicy::Consent => engagement == Some(ConsentState::Granted),
        EngagementPolicy::UnlessWithdrawn => engagement != Some(ConsentState::Withdrawn),
        EngagementPolicy::Off => false,
    }
}

const MAX_BATCH: usize = 4096;

impl Writer {
    pub fn run(self, rx: Receiver<Job>) {
        let mut dirty_since: Option<Instant> = None;
        let mut pending_seq: Option<u64> = None;
        loop {
            let first = match dirty_since {
                Some(t) => match rx.recv_timeout(self.window.saturating_sub(t.elapsed())) {
                    Ok(j) => Some(j),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                },
                None => match rx.recv() {
                    Ok(j) => Some(j),
                    Err(_) => break,
                },
            };
            let mut jobs: Vec<Job> = first.into_iter().collect();
            if !jobs.is_empty() {
                while jobs.len() < MAX_BATCH {
                    match rx.try_recv() {
                        Ok(j) => jobs.push(j),
                        Err(_) => break,
                    }
                }
            }
            let mut failed = None;
            if jobs.iter().any(|j| !j.records.is_empty() || j.retract.is_some()) {
                match self.apply(&jobs) {
                    Ok(seq) => {
                        if let Some(seq) = seq {
                            pending_seq = Some(pending_seq.map_or(seq, |p| p.max(seq)));
                        }
                        dirty_since.get_or_insert_with(Instant::now);
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "recording tracking events failed");
                        failed = Some(e.to_string());
                    }
                }
            }
            let wants_ack = jobs.iter().any(|j| j.ack.is_some());
            let due = dirty_since.is_some_and(|t| t.elapsed() >= self.window);
            let mut result: Result<(), String> = match failed {
                Some(e) => Err(e),
                None => Ok(()),
            };
            if (wants_ack && dirty_since.is_some()) || due {
                if let Err(e) = self.ts.store().commit() {
                    result = Err(e.to_string());
                } else if let Some(seq) = pending_seq.take() {
                    self.contacts.announce(seq);
                }
                dirty_since = None;
            }
            for j in jobs {
                if let Some(ack) = j.ack {
                    let _ = ack.send(result.clone());
                }
            }
        }
        if dirty_since.is_some() {
            if let Err(e) = self.ts.store().commit() {
                tracing::error!(error = %e, "committing tracking events at shutdown failed");
            } else if let Some(seq) = pending_seq {
                self.contacts.announce(seq);
            }
        }
    }

    /// Applies one batch (uncommitted). Returns the change-log sequence number when contacts'
    /// aggregates changed (announced to the indexer after the commit).
    fn apply(&self, jobs: &[Job]) -> crate::store::Result<Option<u64>> {
        let ts = &self.ts;
        let mut counts: HashMap<[u8; 20], Counts> = HashMap::new();
        let mut seen: HashMap<[u8; 32], u8> = HashMap::new();
        let mut links: HashMap<[u8; 18], (u64, u64)> = HashMap::new();
        // Per contact: the data key (None: erased, or not to be measured per person), and the
        // aggregates as this batch leaves them.
        let mut people: HashMap<ContactId, Option<(SecretKey, bool)>> = HashMap::new();
        let mut activity: HashMap<ContactId, Activity> = HashMap::new();
        // The events kept for their contacts, written once the batch's entry is on the feed.
        let mut stored: Vec<(ContactId, SecretKey, &Event)> = Vec::new();
        let mut n = 0u64;
        for (rec, counted) in jobs.iter().flat_map(|j| j.records.iter().map(move |r| (r, j.counted))) {
            n += 1;
            let e = &rec.event;
            let human = e.machine.is_none();
            let mail_hit = matches!(e.kind, EventKind::Open | EventKind::Click);
            let person = match rec.contact {
                Some(c) => {
                    let entry = match people.get(&c) {
                        Some(v) => v.clone(),
                        None => {
                            let v = self.person(&c)?;
                            people.insert(c, v.clone());
                            v
                        }
                    };
                    entry.and_then(|(dk, engaged)| (engaged || !mail_hit).then_some((c, dk)))
                }
                None => None,
            };
            if counted {
                if let Some((c, dk)) = person {
                    if human {
                        self.fold(&mut activity, &c, e)?;
                    }
                    stored.push((c, dk, e));
                }
                continue;
            }
            let mut delta = Counts::default();
            let flags_for = |c: &ContactId, m: &Uuid| -> crate::store::Result<(u8, [u8; 32])> {
                let k = store::pair_key(c.as_bytes(), m.as_bytes());
                let f = match seen.get(&k) {
                    Some(f) => *f,
                    None => ts.seen.get(k)?.and_then(|v| v.first().copied()).unwrap_or(0),
                };
                Ok((f, k))
            };
            match e.kind {
                EventKind::Open if human => {
                    delta.opens = 1;
                    if let (Some((c, _)), Some(m)) = (&person, &e.mailing) {
                        let (f, k) = flags_for(c, m)?;
                        if f & OPENED == 0 {
                            delta.unique_opens = 1;
                        }
                        seen.insert(k, f | OPENED);
                    }
                }
                EventKind::Open => delta.machine_opens = 1,
                EventKind::Click if human => {
                    delta.clicks = 1;
                    match (&person, &e.mailing) {
                        (Some((c, _)), Some(m)) => {
                            let (f, k) = flags_for(c, m)?;
                            if f & CLICKED == 0 {
                                delta.unique_clicks = 1;
                            }
                            if f & OPENED == 0 {
                                delta.unique_opens = 1;
                            }
                            seen.insert(k, f | OPENED | CLICKED);
                        }
                        _ => delta.anonymous_clicks = 1,
                    }
                }
                EventKind::Click => delta.machine_clicks = 1,
                EventKind::PageView => delta.page_views = 1,
                EventKind::Custom => delta.custom_events = 1,
                EventKind::Order => {
                    delta.orders = 1;
                    delta.revenue_cents = e.amount_cents.unwrap_or(0);
                }
            }
            if let (EventKind::Click, Some(m), Some(i)) = (e.kind, &e.mailing, rec.link) {
                let k = store::link_key(m, i);
                let cur = match links.get(&k) {
                    Some(v) => *v,
                    None => ts.link_clicks.get(k)?.map(|v| store::decode_pair(&v)).unwrap_or((0, 0)),
                };
                links.insert(k, if human { (cur.0 + 1, cur.1) } else { (cur.0, cur.1 + 1) });
            }
            let hour = store::hour_of(e.at);
            let mut scopes = vec![OVERALL];
            if let Some(m) = e.mailing {
                scopes.push(m);
            }
            for scope in scopes {
                let k = store::counts_key(&scope, hour);
                if let std::collections::hash_map::Entry::Vacant(v) = counts.entry(k) {
                    v.insert(ts.counts.get(&k)?.unwrap_or_default());
                }
                counts.get_mut(&k).expect("inserted above").add(&delta);
            }
            if let Some((c, dk)) = person {
                if human {
                    self.fold(&mut activity, &c, e)?;
                }
                stored.push((c, dk, e));
            }
        }
        for r in jobs.iter().filter_map(|j| j.retract.as_ref()) {
            for (k, d) in &r.counts {
                if let std::collections::hash_map::Entry::Vacant(v) = counts.entry(*k) {
                    v.insert(ts.counts.get(k)?.unwrap_or_default());
                }
                counts.get_mut(k).expect("inserted above").sub(d);
            }
            for (k, (h, m)) in &r.links {
                let cur = match links.get(k) {
                    Some(v) => *v,
                    None => ts.link_clicks.get(k)?.map(|v| store::decode_pair(&v)).unwrap_or((0, 0)),
                };
                links.insert(*k, (cur.0.saturating_sub(*h), cur.1.saturating_sub(*m)));
            }
        }
        {
            let _gate = ts.store().write_gate();
            for (k, f) in &seen {
                ts.seen.insert(k, vec![*f])?;
            }
            for (k, (h, m)) in &links {
                ts.link_clicks.insert(k, store::encode_pair(*h, *m).to_vec())?;
            }
        }
        for (k, c) in &counts {
            ts.counts.put(k, c)?;
        }
        // The batch's entry on the change feed goes ahead of the events and aggregates it names
        // (see `Feed::log_ahead`): a crash can cut the writes short, never the entry.
        let mut seq = None;
        if !stored.is_empty() {
            let events = stored
                .iter()
                .map(|(c, _, e)| Recorded { contact: *c, kind: e.kind, event: e.id, human: e.machine.is_none() })
                .collect();
            seq = Some(self.contacts.log(Change::EventsRecorded(events))?);
        }
        for (c, dk, e) in &stored {
            self.store_event(c, dk, e)?;
        }
        for (id, a) in &activity {
            self.contacts.put_activity(id, a)?;
        }
        if let Some(m) = &self.metrics {
            m.recorded.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(seq)
    }

    /// Folds an event into the contact's aggregates as this batch leaves them.
    fn fold(&self, activity: &mut HashMap<ContactId, Activity>, c: &ContactId, e: &Event) -> crate::store::Result<()> {
        if let std::collections::hash_map::Entry::Vacant(v) = activity.entry(*c) {
            v.insert(self.contacts.activity(c)?);
        }
        activity.get_mut(c).expect("inserted above").record(e);
        Ok(())
    }

    /// One event in the contact's log and the by-time index (uncommitted).
    fn store_event(&self, c: &ContactId, dk: &SecretKey, e: &Event) -> crate::store::Result<()> {
        self.ts.events.put_with(dk, &c.person(), &store::event_key(c, e), e)?;
        let _gate = self.ts.store().write_gate();
        self.ts.by_time.insert(store::by_time_key(c, e), vec![e.kind.byte(), e.machine.is_some() as u8])?;
        Ok(())
    }

    /// The contact's data key and whether mail may be measured per person; None when the
    /// contact is gone (an erased person's old link must not bring any record back).
    fn person(&self, c: &ContactId) -> crate::store::Result<Option<(SecretKey, bool)>> {
        // Gone, or processing restricted (Art. 18): the hit counts in the totals only.
        let Some((_, consents, dk)) = self.contacts.get_with_consents(c)? else { return Ok(None) };
        if self.restrictions.is_restricted(c)? {
            return Ok(None);
        }
        let engagement = consents.get(ENGAGEMENT).map(|(s, _)| *s);
        Ok(Some((dk, person_allowed(self.policy, engagement))))
    }
}
