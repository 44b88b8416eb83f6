//! Keeping segments true as contacts change: the segments' reader of the change feed is the one
//! writer of memberships. For each entry it evaluates only the contacts the entry names, and
//! only against the segments whose conditions read what changed (`Filter::reads`); a change of
//! membership is staged with the reader's cursor (the membership, the person's list, the log,
//! the counters, the next time flip) and announced as a `SegmentEntered` / `SegmentExited`
//! entry in the same transaction: journeys and webhooks start from those.
//!
//! Two more sources of work go through the same reader rather than write themselves:
//! - building a new or edited segment: the build walks the contact ids and appends
//!   `SegmentEvaluate` entries of a thousand contacts each (progress is how far the reader
//!   has taken them; cancelling stops the walk). When the contacts' index can narrow the
//!   filter ([`Candidates`]) the walk takes only its candidates and the segment's members of
//!   now, not every contact (see [`Engine::walk`]);
//! - time: a condition that turns by the clock alone ("inactive for 30 days", "birthday
//!   today") leaves a timer in the durable clock at the contact's next flip; when it fires,
//!   the clock appends `SegmentsDue` and the reader evaluates the contact's segments that read
//!   the time again. A contact has one timer, at the earliest flip of all its segments, and it
//!   only ever moves earlier between two firings: an event that pushes a flip later (another
//!   page view in "no page view in 10 days") writes nothing, and the timer that fires early
//!   finds nothing turned and sets the next. One timer per contact and segment, moved at each
//!   event, was most of the reader's writes under a stream of events (and 50 million rows at a
//!   million contacts with 50 segments).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use chrono::{DateTime, Utc};

use super::{stored_filter, Build, Segments, Tally};
use crate::clock::{Clock, Fired, Handler, Timer};
use crate::contacts::Contacts;
use crate::domain::segment::{Context, Facts, Filter, Outcome, Reads};
use crate::domain::{Change, ContactId, SegmentId};
use crate::feed::{Applied, Entry, Feed, Reader};
use crate::store::{Result, Writes};

/// The segments' cursor on the change feed.
pub const READER: &str = "segments";
/// The clock's timers for time flips; key `<contact>` (stores written before one timer per
/// contact also hold `<contact>:<segment>`, which still fire).
pub const FLIP: &str = "segment_flip";
/// Entries the reader takes at a time; the feed also stops a batch at ten thousand contacts
/// named (a build's entry names a thousand, an import's a chunk). A batch's transitions land in
/// one transaction, and that commit's wait for the disk is what bounds the reader under a
/// stream of tracked events: at four entries a batch it fell behind 5,000 events/s (each entry
/// is one write of the tracking writer, tens of events), and at 64 it fell behind again once
/// its own entries and exits (about two per event in the bench, one entry each) shared the
/// batches: 0.9–2.8 s at p99 against 0.1 s at 1,024 (20,000 contacts, 50 segments).
pub const FEED_BATCH: usize = 1024;
/// Contacts per `SegmentEvaluate` entry of a build.
pub const BUILD_CHUNK: usize = 1_000;
/// Threads a batch's contacts are assessed on (the machines this runs on have two cores), and
/// from how many contacts a batch is worth splitting.
const ASSESS_THREADS: usize = 2;
const PARALLEL_FROM: usize = 16;
/// Events read per contact for behaviour conditions (newest first).
const EVENTS_PER_CONTACT: usize = 10_000;

/// What an assessment of one contact found: gone (or restricted), or each segment's outcome.
enum Seen {
    Gone,
    Evaluated(Vec<crate::domain::segment::Outcome>),
}

/// A filter ready for [`Engine::explain`].
pub struct Probe {
    compiled: Compiled,
    zone: chrono_tz::Tz,
}

/// A segment as the reader evaluates it.
struct Compiled {
    id: SegmentId,
    version: u32,
    filter: Filter,
    reads: Reads,
    /// Cancelled or failed builds keep no members: the reader leaves the segment alone.
    live: bool,
}

/// What narrows a build to the contacts that may match: the contacts' search index, which the
/// wiring hands over (the segments room knows it only through this).
pub trait Candidates: Send + Sync {
    /// Every contact `filter` may match as of every change up to feed position `seq` at least
    /// (a superset of the matches), sorted; None when the filter narrows nothing (every contact
    /// is a candidate) or the index has not taken in `seq` within `within`.
    fn candidates(&self, filter: &Filter, seq: u64, within: std::time::Duration) -> Option<Vec<ContactId>>;
}

/// What the reader needs from the rest of the house (read-only, but for the clock's timers).
pub struct Engine {
    segments: Segments,
    contacts: Contacts,
    restrictions: crate::gdpr::Restrictions,
    events: crate::tracking::store::TrackStore,
    scoring: crate::scoring::Scorer,
    settings: crate::settings::SettingsRepo,
    clock: Clock,
    feed: Feed,
    compiled: RwLock<Option<Arc<Vec<Compiled>>>>,
    /// Builds running now, by segment, with their stop flags.
    builds: Mutex<HashMap<SegmentId, Arc<AtomicBool>>>,
    /// The batch being applied set a flip timer: wake the clock once it has landed (its waker
    /// otherwise looks again only within a minute, and a flip may be due sooner).
    flips_set: AtomicBool,
    /// The batch being applied staged transitions (for the fault point once it has landed).
    moved: AtomicBool,
    /// What narrows builds (none: every build walks every contact).
    candidates: Option<Arc<dyn Candidates>>,
}

impl Engine {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        segments: Segments,
        contacts: Contacts,
        restrictions: crate::gdpr::Restrictions,
        scoring: crate::scoring::Scorer,
        settings: crate::settings::SettingsRepo,
        clock: Clock,
        feed: Feed,
        candidates: Option<Arc<dyn Candidates>>,
    ) -> Arc<Self> {
        Arc::new(Engine {
            segments,
            contacts,
            restrictions,
            // The events scores read are the ones behaviour conditions read.
            events: scoring.events().clone(),
            scoring,
            settings,
            clock,
            feed,
            compiled: RwLock::new(None),
            builds: Mutex::new(HashMap::new()),
            flips_set: AtomicBool::new(false),
            moved: AtomicBool::new(false),
            candidates,
        })
    }

    pub fn segments(&self) -> &Segments {
        &self.segments
    }

    /// Definitions changed: read them again at the next batch.
    pub fn reload(&self) {
        *self.compiled.write().unwrap_or_else(|p| p.into_inner()) = None;
    }

    fn compiled(&self) -> Result<Arc<Vec<Compiled>>> {
        if let Some(c) = self.compiled.read().unwrap_or_else(|p| p.into_inner()).as_ref() {
            return Ok(c.clone());
        }
        let mut out = Vec::new();
        for s in self.segments.all()? {
            let Some(filter) = stored_filter(&s) else { continue };
            let live = !matches!(s.build, Build::Cancelled { .. } | Build::Failed { .. });
            out.push(Compiled { id: s.id, version: s.version, reads: filter.reads(), filter, live });
        }
        let out = Arc::new(out);
        *self.compiled.write().unwrap_or_else(|p| p.into_inner()) = Some(out.clone());
        Ok(out)
    }

    /// A filter made ready to explain contacts one after another (a preview, a contact's page).
    pub fn probe(&self, filter: Filter) -> Probe {
        let zone = self.settings.zone();
        Probe {
            compiled: Compiled { id: SegmentId::new(), version: 0, reads: filter.reads(), filter, live: true },
            zone,
        }
    }

    /// The probe's filter for one contact now, read as the reader reads it (memberships as
    /// stored); None when the contact is gone or restricted.
    pub fn explain(&self, probe: &Probe, contact: &ContactId, now: DateTime<Utc>) -> Result<Option<Outcome>> {
        let member_of = |s: &SegmentId, c: &ContactId| self.segments.is_member(s, c).unwrap_or(false);
        Ok(match self.assess(contact, &[&probe.compiled], Context { now, zone: probe.zone }, &member_of)? {
            Seen::Gone => None,
            Seen::Evaluated(mut outcomes) => outcomes.pop(),
        })
    }

    /// Evaluates `contact` against `which` segments and stages what changed.
    fn evaluate(&self, batch: &mut Batch, contact: &ContactId, which: &[&Compiled], now: DateTime<Utc>) -> Result<()> {
        if which.is_empty() {
            return Ok(());
        }
        let zone = batch.zone(&self.settings);
        let seen = {
            let member_of = |s: &SegmentId, c: &ContactId| batch.peek(&self.segments, s, c).unwrap_or(false);
            self.assess(contact, which, Context { now, zone }, &member_of)?
        };
        self.settle(batch, contact, which, seen, now)
    }

    /// Reads what `which` segments need of `contact` and evaluates them (nothing is staged:
    /// a build assesses its chunk on several threads, then settles it in order).
    fn assess(
        &self,
        contact: &ContactId,
        which: &[&Compiled],
        ctx: Context,
        member_of: &dyn Fn(&SegmentId, &ContactId) -> bool,
    ) -> Result<Seen> {
        // Only what the segments read is opened: a build over a name field decrypts the record
        // alone, not the ledger and the aggregates.
        let needs = |f: &dyn Fn(&Reads) -> bool| which.iter().any(|s| f(&s.reads));
        let loaded = if needs(&|r| r.consent) {
            self.contacts.get_with_consents(contact)?.map(|(c, consents, _)| (c, consents))
        } else {
            self.contacts.get(contact)?.map(|c| (c, Default::default()))
        };
        // Gone, or processing restricted (Art. 18): in no segment.
        let restricted = loaded.is_some() && self.restrictions.is_restricted(contact)?;
        let Some((c, consents)) = loaded.filter(|_| !restricted) else { return Ok(Seen::Gone) };
        let activity = if needs(&|r| r.activity) { self.contacts.activity(contact)? } else { Default::default() };
        let events = if which.iter().any(|s| s.reads.events) {
            self.events.events_of(contact, EVENTS_PER_CONTACT)?
        } else {
            Vec::new()
        };
        // Scores are computed from the events and consents just read, for the models named.
        let keys: std::collections::BTreeSet<String> =
            which.iter().flat_map(|s| s.reads.scores.iter().cloned()).collect();
        let scores: HashMap<String, Option<crate::domain::score::Now>> = if keys.is_empty() {
            HashMap::new()
        } else {
            self.scoring
                .scores(&c, &consents, Some(&events), Some(&keys), ctx.zone, ctx.now)?
                .into_iter()
                .map(|(m, b)| (m.key, b.map(|b| b.now())))
                .collect()
        };
        let score = |k: &str| scores.get(k).copied().flatten();
        let member = |other: &SegmentId| member_of(other, contact);
        let facts = Facts {
            contact: &c,
            consents: &consents,
            activity: &activity,
            restricted: false,
            events: &events,
            score: &score,
            member_of: &member,
        };
        Ok(Seen::Evaluated(which.iter().map(|s| s.filter.evaluate(&facts, &ctx)).collect()))
    }

    /// Stages what an assessment changes: transitions, and the next time flips.
    fn settle(
        &self,
        batch: &mut Batch,
        contact: &ContactId,
        which: &[&Compiled],
        seen: Seen,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let outcomes = match seen {
            Seen::Gone => {
                for s in which {
                    if batch.is_member(&self.segments, &s.id, contact)? {
                        batch.transition(&self.segments, &s.id, contact, false, s.version, now)?;
                    }
                }
                batch.flips.insert(*contact, Flip::Gone);
                return Ok(());
            }
            Seen::Evaluated(o) => o,
        };
        for (s, outcome) in which.iter().zip(outcomes) {
            let is = batch.is_member(&self.segments, &s.id, contact)?;
            // An entry is staged from what was read: an erasure landing meanwhile must fail the
            // batch (read again) rather than be followed by the person's rows coming back.
            if outcome.matched && !is && !self.contacts.stage_guard(&mut batch.writes, contact)? {
                continue;
            }
            if outcome.matched != is {
                batch.transition(&self.segments, &s.id, contact, outcome.matched, s.version, now)?;
            }
            if let (true, Some(at)) = (s.reads.time, outcome.next_flip) {
                batch.flip_at(contact, at);
            }
        }
        Ok(())
    }

    /// Stages each contact's flip timer as the batch leaves it (see the module's note).
    fn stage_flips(&self, batch: &mut Batch) -> Result<()> {
        for (contact, flip) in std::mem::take(&mut batch.flips) {
            let key = contact.to_string();
            match flip {
                Flip::At(at) => {
                    if self.clock.stage_due_by(&mut batch.writes, FLIP, &key, after_ms(at))? {
                        self.flips_set.store(true, Ordering::Relaxed);
                    }
                }
                Flip::Gone => self.clock.stage_cancel(&mut batch.writes, FLIP, &key)?,
            }
        }
        Ok(())
    }

    /// Many contacts, each against its segments (none of which reads another segment, so
    /// nothing this batch staged matters): assessed on [`ASSESS_THREADS`] threads, then settled
    /// in order.
    fn assess_many(&self, batch: &mut Batch, items: &[(ContactId, Vec<&Compiled>)], now: DateTime<Utc>) -> Result<()> {
        let zone = batch.zone(&self.settings);
        let member_of = |seg: &SegmentId, c: &ContactId| self.segments.is_member(seg, c).unwrap_or(false);
        let assess_part = |part: &[(ContactId, Vec<&Compiled>)]| -> Result<Vec<Seen>> {
            part.iter().map(|(c, which)| self.assess(c, which, Context { now, zone }, &member_of)).collect()
        };
        let seen: Vec<Seen> = if items.len() < PARALLEL_FROM {
            assess_part(items)?
        } else {
            let per = items.len().div_ceil(ASSESS_THREADS);
            let parts: Vec<Result<Vec<Seen>>> = std::thread::scope(|scope| {
                let handles: Vec<_> = items.chunks(per).map(|part| scope.spawn(move || assess_part(part))).collect();
                handles.into_iter().map(|h| h.join().unwrap_or(Err(crate::store::StoreError::Aborted))).collect()
            });
            let mut out = Vec::with_capacity(items.len());
            for p in parts {
                out.extend(p?);
            }
            out
        };
        for ((c, which), seen) in items.iter().zip(seen) {
            self.settle(batch, c, which, seen, now)?;
        }
        Ok(())
    }

    /// Starts building `segment` over every contact on a thread of its own (an earlier build of
    /// it stops first).
    pub fn build(self: &Arc<Self>, segment: SegmentId) {
        self.cancel(&segment);
        let stop = Arc::new(AtomicBool::new(false));
        self.builds.lock().unwrap_or_else(|p| p.into_inner()).insert(segment, stop.clone());
        let engine = self.clone();
        let spawned = std::thread::Builder::new().name("segment-build".into()).spawn(move || {
            if let Err(e) = engine.walk(&segment, &stop) {
                tracing::error!(segment = %segment, error = %e, "building a segment failed");
                let _ = engine.set_build(&segment, |_| Build::Failed { at: Utc::now(), error: e.to_string() });
            }
            engine.builds.lock().unwrap_or_else(|p| p.into_inner()).remove(&segment);
        });
        if let Err(e) = spawned {
            tracing::error!(error = %e, "could not start a segment build");
        }
    }

    /// Stops a running build; true when one ran.
    pub fn cancel(&self, segment: &SegmentId) -> bool {
        match self.builds.lock().unwrap_or_else(|p| p.into_inner()).remove(segment) {
            Some(stop) => {
                stop.store(true, Ordering::SeqCst);
                true
            }
            None => false,
        }
    }

    fn set_build(&self, segment: &SegmentId, f: impl FnOnce(&Build) -> Build) -> Result<()> {
        if let Some(mut s) = self.segments.get(segment)? {
            s.build = f(&s.build);
            self.segments.put(&s)?;
            self.contacts.store().commit()?;
            self.reload();
        }
        Ok(())
    }

    /// The contacts a build must look at, when fewer than all: the index's candidates for the
    /// filter and the segment's members of now (an edited filter may no longer hold them), in
    /// id order.
    ///
    /// Why that is every contact whose membership may change: the definition was reloaded
    /// before `seq` was read, so the reader evaluates the segment for every change after `seq`
    /// itself; a batch that read the old definitions holds only entries up to `seq`, and has
    /// landed once the reader has passed `seq` (so the members listed after that include what
    /// it entered); and the index has taken in every change up to `seq`. A contact outside both
    /// lists matched nothing as of `seq`, was no member, and has not changed since unless the
    /// reader sees it.
    fn narrowed(&self, segment: &SegmentId, seq: u64) -> Result<Option<Vec<ContactId>>> {
        let Some(candidates) = &self.candidates else { return Ok(None) };
        let Some(filter) = self.segments.filter_of(segment)? else { return Ok(None) };
        let within = std::time::Duration::from_secs(60);
        if !self.feed.wait_for(READER, seq, within) {
            return Ok(None);
        }
        let Some(mut ids) = candidates.candidates(&filter, seq, within) else { return Ok(None) };
        let mut after = None;
        loop {
            let page = self.segments.members(segment, after.as_ref(), 10_000)?;
            let Some(last) = page.last().copied() else { break };
            ids.extend(page);
            after = Some(last);
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(Some(ids))
    }

    /// The build's walk: the contact ids to look at, a chunk at a time, onto the feed for the
    /// reader — every contact, or only those [`Engine::narrowed`] finds.
    fn walk(&self, segment: &SegmentId, stop: &AtomicBool) -> Result<()> {
        let started = Utc::now();
        let all = self.contacts.count() as u64;
        self.set_build(segment, |_| Build::Running { done: 0, total: all, started })?;
        let narrowed = self.narrowed(segment, self.feed.last())?;
        let total = narrowed.as_ref().map_or(all, |ids| ids.len() as u64);
        let mut after: Option<ContactId> = None;
        let mut sent = 0u64;
        loop {
            if stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            let ids = match &narrowed {
                Some(list) => {
                    let from = sent as usize;
                    list[from..(from + BUILD_CHUNK).min(list.len())].to_vec()
                }
                None => self.contacts.ids_after(after.as_ref(), BUILD_CHUNK)?,
            };
            let Some(last) = ids.last().copied() else { break };
            sent += ids.len() as u64;
            let done = sent;
            let seq = self
                .feed
                .record(Writes::new(), &[Change::SegmentEvaluate { segment: *segment, contacts: ids, done, total }])?;
            after = Some(last);
            // Stay a few chunks ahead of the reader at most.
            self.feed.wait_for(READER, seq.saturating_sub(4 * BUILD_CHUNK as u64), std::time::Duration::from_secs(60));
        }
        // Done once the reader has taken the last chunk: it marks the build ready.
        let seq = self.feed.record(Writes::new(), &[Change::SegmentBuilt { segment: *segment, total: sent }])?;
        self.feed.wait_for(READER, seq, std::time::Duration::from_secs(600));
        Ok(())
    }

    /// Restarts the builds a stop interrupted (queued or running at the last stop).
    pub fn resume(self: &Arc<Self>) -> Result<()> {
        for s in self.segments.all()? {
            if matches!(s.build, Build::Queued | Build::Running { .. }) {
                self.build(s.id);
            }
        }
        Ok(())
    }
}

/// `at` rounded up to the clock's millisecond: the timer must not fire before the condition
/// has turned (at 12:00:00.1696 it has not yet turned at .169).
fn after_ms(at: DateTime<Utc>) -> DateTime<Utc> {
    let ms = at.timestamp_millis() + i64::from(at.timestamp_subsec_nanos() % 1_000_000 != 0);
    DateTime::from_timestamp_millis(ms).unwrap_or(at)
}

/// What a batch leaves of a contact's flip timer.
enum Flip {
    /// The earliest next flip of the segments evaluated.
    At(DateTime<Utc>),
    /// Gone or restricted: no timer.
    Gone,
}

/// One batch's staged writes, with the memberships it has changed so far.
struct Batch {
    writes: Writes,
    changes: Vec<Change>,
    tally: Tally,
    staged: HashMap<(SegmentId, ContactId), bool>,
    /// Contacts' memberships as stored before this batch (staged ones take precedence).
    known: std::cell::RefCell<HashMap<ContactId, std::collections::HashSet<SegmentId>>>,
    zone: Option<chrono_tz::Tz>,
    /// Each evaluated contact's flip, staged once at the end of the batch.
    flips: HashMap<ContactId, Flip>,
    /// A build's state changed: read the definitions again once the batch has landed.
    reload: bool,
}

impl Batch {
    fn new() -> Self {
        Batch {
            writes: Writes::new(),
            changes: Vec::new(),
            tally: Tally::default(),
            staged: HashMap::new(),
            known: Default::default(),
            zone: None,
            flips: HashMap::new(),
            reload: false,
        }
    }

    fn zone(&mut self, settings: &crate::settings::SettingsRepo) -> chrono_tz::Tz {
        *self.zone.get_or_insert_with(|| settings.zone())
    }

    fn is_member(&self, segments: &Segments, segment: &SegmentId, contact: &ContactId) -> Result<bool> {
        if let Some(b) = self.staged.get(&(*segment, *contact)) {
            return Ok(*b);
        }
        // A contact's segments as stored, read once (one scan) rather than once per segment.
        let mut known = self.known.borrow_mut();
        let of = match known.entry(*contact) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(segments.segments_of(contact)?.into_iter().collect())
            }
        };
        Ok(of.contains(segment))
    }

    fn flip_at(&mut self, contact: &ContactId, at: DateTime<Utc>) {
        match self.flips.entry(*contact) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(Flip::At(at));
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                if let Flip::At(was) = o.get() {
                    if at < *was {
                        o.insert(Flip::At(at));
                    }
                }
            }
        }
    }

    fn peek(&self, segments: &Segments, segment: &SegmentId, contact: &ContactId) -> Result<bool> {
        self.is_member(segments, segment, contact)
    }

    fn transition(
        &mut self,
        segments: &Segments,
        segment: &SegmentId,
        contact: &ContactId,
        entered: bool,
        version: u32,
        at: DateTime<Utc>,
    ) -> Result<()> {
        segments.stage_transition(&mut self.writes, &mut self.tally, segment, contact, entered, version, at)?;
        self.staged.insert((*segment, *contact), entered);
        self.changes.push(if entered {
            Change::SegmentEntered { contact: *contact, segment: *segment }
        } else {
            Change::SegmentExited { contact: *contact, segment: *segment }
        });
        Ok(())
    }
}

/// Which segments an entry asks to look at again, for which contacts.
fn wants(change: &Change, all: &[Compiled]) -> (Vec<ContactId>, Vec<usize>) {
    let live = || all.iter().enumerate().filter(|(_, s)| s.live);
    let pick = |f: &dyn Fn(&Reads) -> bool| live().filter(|(_, s)| f(&s.reads)).map(|(i, _)| i).collect::<Vec<_>>();
    match change {
        // A new contact, an edit, an import: anything of the profile may have changed.
        Change::ContactCreated(_)
        | Change::ContactUpdated(_)
        | Change::ContactsImported(_)
        | Change::MembershipChanged(_)
        | Change::StatusChanged { .. }
        // Restricted: out of every segment; lifted: back where the conditions say.
        | Change::RestrictionChanged { .. } => (change.contacts(), live().map(|(i, _)| i).collect()),
        // Gone: out of every segment (erasure has removed the rows already; this cancels timers).
        Change::ContactDeleted(_) | Change::ContactErased(_) => (change.contacts(), live().map(|(i, _)| i).collect()),
        Change::ConsentChanged { .. } => (change.contacts(), pick(&|r| r.consent)),
        Change::EventsRecorded(_) => (change.contacts(), pick(&|r| r.activity || r.events)),
        Change::SegmentEntered { segment, .. } | Change::SegmentExited { segment, .. } => {
            (change.contacts(), pick(&|r| r.segments.contains(segment)))
        }
        Change::SegmentEvaluate { segment, contacts, .. } | Change::SegmentDue { segment, contacts } => {
            (contacts.clone(), live().filter(|(_, s)| s.id == *segment).map(|(i, _)| i).collect())
        }
        // The contact's timer fired: every segment that turns with time, so that the next
        // timer is the earliest of them all.
        Change::SegmentsDue { contacts } => (contacts.clone(), pick(&|r| r.time)),
        // Scores count sign-ups and bounces.
        Change::FormSubmitted { .. } | Change::FormConfirmed { .. } | Change::BounceRecorded { .. } => {
            (change.contacts(), pick(&|r| !r.scores.is_empty()))
        }
        Change::SegmentBuilt { .. } | Change::ComplaintRecorded { .. } | Change::MessageSent { .. } => {
            (Vec::new(), Vec::new())
        }
    }
}

/// Adds `which` segments to what the batch evaluates for `contact`.
fn plan_contact(plan: &mut HashMap<ContactId, Vec<usize>>, order: &mut Vec<ContactId>, c: ContactId, which: &[usize]) {
    if which.is_empty() {
        return;
    }
    let wanted = plan.entry(c).or_insert_with(|| {
        order.push(c);
        Vec::new()
    });
    for i in which {
        if !wanted.contains(i) {
            wanted.push(*i);
        }
    }
}

/// The feed reader that keeps memberships.
pub struct Membership(pub Arc<Engine>);

impl Reader for Membership {
    fn name(&self) -> &'static str {
        READER
    }

    /// A sending campaign appends an entry per message: waking for each would cost the
    /// sender's cores a context switch per message for entries segments mostly ignore.
    fn linger(&self) -> std::time::Duration {
        std::time::Duration::from_millis(25)
    }

    fn landed(&self) {
        if self.0.flips_set.swap(false, Ordering::Relaxed) {
            self.0.clock.poke();
        }
        if self.0.moved.swap(false, Ordering::Relaxed) {
            crate::fault::point("segments.landed");
        }
    }

    fn apply(&self, entries: &[Entry]) -> std::result::Result<Applied, String> {
        let engine = &self.0;
        engine.flips_set.store(false, Ordering::Relaxed);
        engine.moved.store(false, Ordering::Relaxed);
        let run = || -> Result<Applied> {
            let mut batch = Batch::new();
            let now = Utc::now();
            let compiled = engine.compiled()?;
            // Each contact once per batch, with every segment some entry asks for: evaluation
            // reads the store as it is now, so once is the same as once per entry.
            let mut order: Vec<ContactId> = Vec::new();
            let mut plan: HashMap<ContactId, Vec<usize>> = HashMap::new();
            for e in entries {
                if let Change::SegmentBuilt { segment, .. } = &e.change {
                    engine.segments.stage_build(&mut batch.writes, segment, |b| match b {
                        Build::Running { started, .. } => {
                            let took_ms = (Utc::now() - *started).num_milliseconds().max(0) as u64;
                            Some(Build::Ready { at: Utc::now(), took_ms })
                        }
                        _ => None,
                    })?;
                    batch.reload = true;
                    continue;
                }
                if let Change::SegmentEvaluate { segment, done, total, .. } = &e.change {
                    engine.segments.stage_build(&mut batch.writes, segment, |b| match b {
                        Build::Running { started, .. } => {
                            Some(Build::Running { done: *done, total: *total, started: *started })
                        }
                        _ => None,
                    })?;
                }
                // Tracked events: each contact only against the segments its events can move.
                if let Change::EventsRecorded(recorded) = &e.change {
                    for r in recorded {
                        let which: Vec<usize> = compiled
                            .iter()
                            .enumerate()
                            .filter(|(_, s)| s.live && s.reads.touched_by(r.kind, r.human))
                            .map(|(i, _)| i)
                            .collect();
                        plan_contact(&mut plan, &mut order, r.contact, &which);
                    }
                    continue;
                }
                let (contacts, which) = wants(&e.change, &compiled);
                if which.is_empty() {
                    continue;
                }
                for c in contacts {
                    plan_contact(&mut plan, &mut order, c, &which);
                }
            }
            // Segments that read no other segment: every contact at once, on several threads.
            let independent: Vec<(ContactId, Vec<&Compiled>)> = order
                .iter()
                .map(|c| (*c, plan[c].iter().map(|i| &compiled[*i]).filter(|s| s.reads.segments.is_empty()).collect()))
                .filter(|(_, w): &(ContactId, Vec<&Compiled>)| !w.is_empty())
                .collect();
            engine.assess_many(&mut batch, &independent, now)?;
            // Then those that do, one contact at a time, seeing what this batch has staged.
            for c in &order {
                let dependent: Vec<&Compiled> =
                    plan[c].iter().map(|i| &compiled[*i]).filter(|s| !s.reads.segments.is_empty()).collect();
                engine.evaluate(&mut batch, c, &dependent, now)?;
            }
            engine.stage_flips(&mut batch)?;
            let Batch { mut writes, changes, tally, reload, .. } = batch;
            engine.segments.stage_tally(&mut writes, tally);
            if reload {
                engine.reload();
            }
            if !changes.is_empty() {
                engine.moved.store(true, Ordering::Relaxed);
                // Whatever this batch wrote outside its transaction would land with another
                // writer's group commit; its transaction would not.
                crate::fault::point_committed(
                    || {
                        let _ = engine.contacts.store().commit();
                    },
                    "segments.staged",
                );
            }
            Ok(Applied { writes, changes })
        };
        run().map_err(|e| e.to_string())
    }
}

/// The clock's handler for time flips: hands the contact back to the reader.
pub struct Flips;

impl Handler for Flips {
    fn kind(&self) -> &'static str {
        FLIP
    }

    fn fire(&self, timer: &Timer) -> std::result::Result<Fired, String> {
        let change = match timer.key.split_once(':') {
            None => match timer.key.parse::<ContactId>() {
                Ok(contact) => Change::SegmentsDue { contacts: vec![contact] },
                Err(_) => return Ok(Fired::done()),
            },
            // One segment's timer, as stores written before one timer per contact hold.
            Some((c, s)) => match (c.parse::<ContactId>(), s.parse::<SegmentId>()) {
                (Ok(contact), Ok(segment)) => Change::SegmentDue { segment, contacts: vec![contact] },
                _ => return Ok(Fired::done()),
            },
        };
        Ok(Fired::done().with(Writes::new(), vec![change]))
    }
}
