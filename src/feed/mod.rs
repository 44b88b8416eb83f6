//! The change feed: one durable, sequence-numbered log of what changed in the domain
//! ([`Change`]), appended in the same sled transaction as the change itself, and followed by
//! readers (the search index, report counters; later segments, journeys and webhooks), each
//! with a durable cursor. Entries are pruned once the slowest registered reader has passed them.
//!
//! Why a transaction: a reader acts on an entry (a journey mails someone because a contact was
//! created). After a kill -9 there must be no change without its entry (a reader would never
//! learn of it) and no entry without its change (a reader would act on something that did not
//! happen). sled applies a multi-tree transaction atomically through a crash.
//!
//! Why in-flight tracking: sequence numbers are taken before the transaction, and writers
//! commit in any order. A reader must not move past a number still in flight, or it would never
//! come back for it; so readers see entries only up to the oldest one not yet announced.
//! Announcing waits for the group commit, so a reader never acts on what a crash could undo.
//!
//! Not to be confused with tracked website events (`domain::Event`), which are one kind of
//! change here.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Change, PersonId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, Store, Writes};

pub const ENTRIES: &str = "change_feed";
pub const CURSORS: &str = "change_feed_cursors";

pub const REGISTRATION: Registration = Registration {
    tree: ENTRIES,
    // Erasure keeps one entry: the one saying the person was erased (see `erase_person`).
    purpose: "the change feed: what changed about whom and when, until every reader has followed it",
    holds: Holds::Personal {
        categories: &["kinds and times of changes to the person's record (ids, no contact details)"],
        layout: Layout::Custom(erase_person),
        export: Some(export_person),
    },
};

pub const CURSORS_REGISTRATION: Registration = Registration {
    tree: CURSORS,
    purpose: "how far each reader of the change feed has read",
    holds: Holds::Nothing { why: "a reader's name and a sequence number" },
};

/// One entry: its sequence number, when it was appended, and the change.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub change: Change,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    at: DateTime<Utc>,
    change: Change,
}

/// Something that follows the feed ([`Feed::start`]). `apply` is given entries in sequence
/// order and returns its writes to the store, which land in one transaction with the reader's
/// cursor: after a crash the entries were applied exactly once, or not at all and are handed
/// over again. (A reader whose effects live outside sled, like the search index, makes them
/// durable before it returns and must be idempotent.)
pub trait Reader: Send + Sync + 'static {
    /// The cursor's name: stable across releases.
    fn name(&self) -> &'static str;
    fn apply(&self, entries: &[Entry]) -> std::result::Result<Applied, String>;

    /// How long to let entries gather when fewer than a batch are there: a reader whose
    /// batches each write and commit (the report counters) would otherwise commit once per
    /// message while a campaign sends.
    fn linger(&self) -> Duration {
        Duration::ZERO
    }

    /// Called once a batch's writes and cursor have landed: to tell others what it changed (the
    /// segments' reader wakes the clock for a timer it set).
    fn landed(&self) {}
}

/// What a reader made of a batch: its writes, and changes of its own to append to the feed
/// (a segment entered), all in one transaction with its cursor.
#[derive(Default)]
pub struct Applied {
    pub writes: Writes,
    pub changes: Vec<Change>,
}

impl From<Writes> for Applied {
    fn from(writes: Writes) -> Self {
        Applied { writes, changes: Vec::new() }
    }
}

/// What another room must do in the same transaction as a change, where doing it a moment
/// later (as a [`Reader`]) is not enough: a person who withdraws consent has the journeys that
/// would mail them ended, and their queued mail withdrawn, in the very commit that records the
/// withdrawal. Attached at wiring ([`Feed::attach`]); the feed knows no room.
///
/// `stage` reads what it needs and stages its writes, guarded by what it read: when a guard of
/// its own fails (a run moved meanwhile) the feed stages it again on what is there now, so the
/// change itself never fails for it. It must be quick for changes it has nothing to do with.
pub trait Consequence: Send + Sync + 'static {
    fn stage(&self, changes: &[Change], writes: &mut Writes) -> Result<()>;
}

/// How often a change whose consequences keep meeting moved records is staged again before it
/// gives up with the conflict (the caller's own retry, if any, takes over).
const RESTAGE_MAX: usize = 16;

/// A reader's batch stops once its entries name this many contacts.
const NAMES_PER_BATCH: usize = 10_000;

/// A change still unannounced after this long is given up on (its writer failed between the
/// transaction and the announcement): readers move on rather than stall.
const IN_FLIGHT_MAX: Duration = Duration::from_secs(10);

#[derive(Default)]
struct State {
    /// The newest sequence number announced.
    announced: u64,
    /// Numbers taken but not announced yet: since when, and by which thread (a writer that
    /// logs ahead of its writes announces everything it logged at once: [`Feed::announce_mine`]).
    in_flight: BTreeMap<u64, (Instant, ThreadId)>,
    /// Each reader's cursor, as last stored.
    cursors: HashMap<String, u64>,
    /// The readers whose cursors hold back pruning.
    readers: Vec<&'static str>,
}

impl State {
    /// How far readers may read: the newest announced entry, but not past one still in flight.
    fn readable(&mut self) -> u64 {
        let now = Instant::now();
        while let Some((&seq, &(since, _))) = self.in_flight.iter().next() {
            if now.duration_since(since) < IN_FLIGHT_MAX {
                return self.announced.min(seq - 1);
            }
            tracing::warn!(seq, "a change feed entry was never announced; reading past it");
            self.in_flight.remove(&seq);
        }
        self.announced
    }
}

struct Inner {
    store: Store,
    /// The readers running on threads of their own ([`Feed::start`]), and their stop flag.
    followers: Mutex<Vec<(&'static str, std::thread::JoinHandle<()>)>>,
    /// What rooms do in the same transaction as a change ([`Consequence`]).
    consequences: std::sync::RwLock<Vec<Arc<dyn Consequence>>>,
    stop: Arc<AtomicBool>,
    entries: sled::Tree,
    cursors: sled::Tree,
    state: Mutex<State>,
    cv: Condvar,
}

#[derive(Clone)]
pub struct Feed {
    inner: Arc<Inner>,
}

/// Entries appended but not announced: announce once the store has committed them. Dropped
/// unannounced (the write failed), the numbers stop holding readers back.
pub struct Appended {
    feed: Feed,
    seqs: Vec<u64>,
}

impl Appended {
    /// The last sequence number appended (0 when nothing was).
    pub fn last(&self) -> u64 {
        self.seqs.last().copied().unwrap_or(0)
    }

    /// Keeps the entries in flight past this value, for the caller to announce with the
    /// changes it logs ahead ([`Feed::announce_mine`], from this thread) after one commit.
    /// Returns the last sequence number.
    pub fn keep(mut self) -> u64 {
        let last = self.last();
        self.seqs.clear();
        last
    }

    /// Readers may now see these entries: the caller has committed the store.
    pub fn announce(mut self) -> u64 {
        let last = self.last();
        let mut s = self.feed.inner.state.lock().unwrap_or_else(|p| p.into_inner());
        for seq in self.seqs.drain(..) {
            s.in_flight.remove(&seq);
        }
        s.announced = s.announced.max(last);
        self.feed.inner.cv.notify_all();
        last
    }
}

impl Drop for Appended {
    fn drop(&mut self) {
        if self.seqs.is_empty() {
            return;
        }
        let mut s = self.feed.inner.state.lock().unwrap_or_else(|p| p.into_inner());
        for seq in &self.seqs {
            s.in_flight.remove(seq);
        }
        self.feed.inner.cv.notify_all();
    }
}

/// An entry as stored: when it was appended and the change (for the migrations' tests).
pub fn decode(raw: &[u8]) -> Result<(DateTime<Utc>, Change)> {
    let s: Stored = postcard::from_bytes(raw)?;
    Ok((s.at, s.change))
}

fn seq_of(key: &[u8]) -> u64 {
    key.try_into().map(u64::from_be_bytes).unwrap_or(0)
}

impl Feed {
    pub fn open(store: &Store) -> Result<Self> {
        let entries = store.tree(ENTRIES)?;
        let cursors = store.tree(CURSORS)?;
        // Whatever is on disk was committed (or survived a crash whole): readable at once.
        let announced = entries.last()?.map_or(0, |(k, _)| seq_of(&k));
        let mut stored = HashMap::new();
        for kv in cursors.iter() {
            let (k, v) = kv?;
            stored.insert(String::from_utf8_lossy(&k).into_owned(), seq_of(&v));
        }
        Ok(Feed {
            inner: Arc::new(Inner {
                store: store.clone(),
                followers: Mutex::new(Vec::new()),
                consequences: std::sync::RwLock::new(Vec::new()),
                stop: Arc::new(AtomicBool::new(false)),
                entries,
                cursors,
                state: Mutex::new(State { announced, cursors: stored, ..State::default() }),
                cv: Condvar::new(),
            }),
        })
    }

    /// Names a reader whose cursor holds back pruning (at wiring, before anything is pruned:
    /// a reader not registered yet would miss what was pruned before it started).
    pub fn register(&self, reader: &'static str) {
        let mut s = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
        if !s.readers.contains(&reader) {
            s.readers.push(reader);
        }
    }

    /// Has `consequence` stage its writes in the transaction of every change appended from now
    /// on ([`Feed::append`]; changes logged ahead of their writes have no transaction to join,
    /// and are left to the readers).
    pub fn attach(&self, consequence: Arc<dyn Consequence>) {
        self.inner.consequences.write().unwrap_or_else(|p| p.into_inner()).push(consequence);
    }

    /// Applies `writes` and appends `changes` in one transaction, uncommitted: commit the store,
    /// then [`Appended::announce`]. The attached [`Consequence`]s stage theirs in it too.
    /// Nothing is written when it fails.
    pub fn append(&self, writes: Writes, changes: &[Change]) -> Result<Appended> {
        let at = Utc::now();
        let seqs = {
            let mut s = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
            self.take_numbers(&mut s, changes.len())?
        };
        let appended = Appended { feed: self.clone(), seqs };
        // The caller's writes first, then the entries, then the consequences: one transaction.
        let mut all = writes;
        for (seq, change) in appended.seqs.iter().zip(changes) {
            let value = postcard::to_allocvec(&Stored { at, change: change.clone() })?;
            all.put(&self.inner.entries, &seq.to_be_bytes(), value);
        }
        let consequences = self.inner.consequences.read().unwrap_or_else(|p| p.into_inner()).clone();
        if consequences.is_empty() {
            self.inner.store.apply(&all)?;
            return Ok(appended);
        }
        let own = all.len();
        for _ in 0..RESTAGE_MAX {
            all.truncate(own);
            let staged = consequences.iter().try_for_each(|c| c.stage(changes, &mut all));
            if let Err(e) = staged {
                // The change itself must not fail for what another room cannot do: it goes
                // through, and the readers do their part a moment later.
                tracing::error!(error = %e, "a consequence of a change could not be staged; left to the readers");
                break;
            }
            match self.inner.store.apply_guarded(&all)? {
                Ok(()) => return Ok(appended),
                // A consequence's guard: what it read moved; read again.
                Err(n) if n >= own => continue,
                Err(_) => return Err(crate::store::StoreError::Conflict("a record changed under the write".into())),
            }
        }
        if all.len() > own {
            tracing::warn!("consequences of a change kept meeting moved records; left to the readers");
        }
        // The consequences never settled (or failed): the change goes through without them,
        // and the readers do their part a moment later.
        all.truncate(own);
        self.inner.store.apply(&all)?;
        Ok(appended)
    }

    /// [`Feed::append`], then the group commit, then the announcement: the change is durable
    /// and readers may see it. Returns the last sequence number.
    pub fn record(&self, writes: Writes, changes: &[Change]) -> Result<u64> {
        let appended = self.append(writes, changes)?;
        self.inner.store.commit()?;
        Ok(appended.announce())
    }

    /// Sequence numbers for `n` entries, in flight from now (under the state lock, so numbers
    /// are registered in the order they are taken).
    fn take_numbers(&self, s: &mut State, n: usize) -> Result<Vec<u64>> {
        let me = std::thread::current().id();
        let mut seqs = Vec::with_capacity(n);
        for _ in 0..n {
            let seq = self.inner.store.db().generate_id()? + 1;
            s.in_flight.insert(seq, (Instant::now(), me));
            seqs.push(seq);
        }
        Ok(seqs)
    }

    /// Writes `changes` ahead of the writes they describe, for a writer whose writes cannot be
    /// one transaction (an import chunk of thousands of contacts written on two threads, a
    /// batch of tracked hits, an erasure across every tree). sled keeps the order of writes
    /// through a crash, so a change whose writes landed always has its entry; an entry whose
    /// writes a crash cut off tells readers to look at contacts that did not change after all,
    /// which is why only kinds that readers answer by reading the current state are logged so
    /// ([`Change::read_from_the_store`]). Uncommitted and unannounced: the caller writes,
    /// commits, then calls [`Feed::announce_mine`] (from the same thread). Returns the last
    /// sequence number.
    pub fn log_ahead(&self, changes: &[Change]) -> Result<u64> {
        debug_assert!(changes.iter().all(Change::read_from_the_store));
        self.write_entries(changes).map(Appended::keep)
    }

    /// [`Feed::log_ahead`] for one message accepted by the relay (`MessageSent`), from a task
    /// that may move between threads (the sender awaits its commit): announce the returned
    /// entry once the outbox slot is committed. A transaction per message cost the sender
    /// about 150 µs of CPU a message (16,500 messages/s became 6,300). Written ahead, a crash
    /// between the entry and the slot leaves an entry for a message whose outcome was lost:
    /// the sender hands it to the relay again and the report counts it a second time, the one
    /// repeat the outbox already allows (the same Message-ID).
    pub fn write_ahead(&self, change: Change) -> Result<Appended> {
        debug_assert!(matches!(change, Change::MessageSent { .. }) || change.read_from_the_store());
        self.write_entries(std::slice::from_ref(&change))
    }

    fn write_entries(&self, changes: &[Change]) -> Result<Appended> {
        let at = Utc::now();
        let seqs = {
            let mut s = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
            self.take_numbers(&mut s, changes.len())?
        };
        let written = (|| -> Result<()> {
            let _gate = self.inner.store.write_gate();
            for (seq, change) in seqs.iter().zip(changes) {
                let value = postcard::to_allocvec(&Stored { at, change: change.clone() })?;
                self.inner.entries.insert(seq.to_be_bytes(), value)?;
            }
            Ok(())
        })();
        // Dropped unannounced (the write failed), the numbers stop holding readers back.
        let appended = Appended { feed: self.clone(), seqs };
        written.map(|()| appended)
    }

    /// Announces `seq` and every earlier entry this thread logged ahead ([`Feed::log_ahead`]):
    /// the caller has made its writes and committed the store.
    pub fn announce_mine(&self, seq: u64) {
        let me = std::thread::current().id();
        let mut s = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
        s.in_flight.retain(|k, (_, t)| *k > seq || *t != me);
        s.announced = s.announced.max(seq);
        self.inner.cv.notify_all();
    }

    /// The newest entry readers may see (0: none).
    pub fn last(&self) -> u64 {
        self.inner.state.lock().unwrap_or_else(|p| p.into_inner()).readable()
    }

    /// The newest number taken, announced or still in flight: what someone who has just seen
    /// a write committed (a segment built) waits for, since its entries are announced a moment
    /// after the commit.
    pub fn taken(&self) -> u64 {
        let s = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
        s.in_flight.keys().next_back().copied().unwrap_or(0).max(s.announced)
    }

    /// Wakes readers sleeping in [`Feed::wait_readable`] to look at their own conditions.
    pub fn nudge(&self) {
        let _s = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
        self.inner.cv.notify_all();
    }

    /// Sleeps until an entry after `after` is readable, `wake` says so (checked under the feed's
    /// lock: whoever changes what it reads calls [`Feed::nudge`] after), or `timeout`. Returns
    /// how far readers may read.
    pub fn wait_readable(&self, after: u64, timeout: Duration, wake: &dyn Fn() -> bool) -> u64 {
        let s = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
        let (mut s, _) = self
            .inner
            .cv
            .wait_timeout_while(s, timeout, |s| s.readable() <= after && !wake())
            .unwrap_or_else(|p| p.into_inner());
        s.readable()
    }

    /// Up to `limit` entries after `after`, not past what readers may see.
    pub fn read(&self, after: u64, limit: usize) -> Result<Vec<Entry>> {
        self.read_bounded(after, limit, usize::MAX)
    }

    /// Like [`Feed::read`], stopping once the entries read name `names` contacts (an import
    /// chunk names thousands): a reader's batch stays small in memory whatever it meets. At
    /// least one entry is read.
    pub fn read_bounded(&self, after: u64, limit: usize, names: usize) -> Result<Vec<Entry>> {
        let until = self.inner.state.lock().unwrap_or_else(|p| p.into_inner()).readable();
        let mut out = Vec::new();
        if until <= after {
            return Ok(out);
        }
        let mut named = 0;
        for kv in self.inner.entries.range((after + 1).to_be_bytes()..=until.to_be_bytes()).take(limit) {
            let (k, v) = kv?;
            let s: Stored = postcard::from_bytes(&v)?;
            named += s.change.contacts().len().max(1);
            out.push(Entry { seq: seq_of(&k), at: s.at, change: s.change });
            if named >= names {
                break;
            }
        }
        Ok(out)
    }

    /// The reader's cursor: the last entry it has applied (0: none yet).
    pub fn cursor(&self, reader: &str) -> u64 {
        self.inner.state.lock().unwrap_or_else(|p| p.into_inner()).cursors.get(reader).copied().unwrap_or(0)
    }

    /// Stores the reader's cursor durably, then prunes what every registered reader has passed.
    pub fn advance(&self, reader: &'static str, seq: u64) -> Result<()> {
        self.advance_with(reader, seq, Applied::default())
    }

    /// Applies the reader's `writes` and moves its cursor in one transaction, commits, then
    /// prunes what every registered reader has passed.
    pub fn advance_with(&self, reader: &'static str, seq: u64, applied: Applied) -> Result<()> {
        self.move_cursor(reader, seq, applied, true)
    }

    /// Like [`Feed::advance_with`]; a batch that wrote nothing moves the cursor without a
    /// commit of its own (the next commit carries it). After a crash the reader may be handed
    /// such entries again, which changes nothing: they had no effect. A reader following a
    /// busy feed (every batch of tracked hits) then costs no fsync per batch.
    fn move_cursor(&self, reader: &'static str, seq: u64, applied: Applied, commit: bool) -> Result<()> {
        let Applied { writes, changes } = applied;
        let mut appended = None;
        let quiet = writes.is_empty() && changes.is_empty();
        if quiet {
            let _gate = self.inner.store.write_gate();
            self.inner.cursors.insert(reader.as_bytes(), &seq.to_be_bytes())?;
        } else {
            let mut all = writes;
            all.put(&self.inner.cursors, reader.as_bytes(), &seq.to_be_bytes());
            appended = Some(self.append(all, &changes)?);
        }
        if commit || !quiet {
            self.inner.store.commit()?;
        }
        if let Some(a) = appended {
            a.announce();
        }
        let floor = {
            let s = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
            let at = |r: &str| if r == reader { seq } else { s.cursors.get(r).copied().unwrap_or(0) };
            s.readers.iter().map(|r| at(r)).min()
        };
        let pruned = match floor.filter(|f| *f > 0) {
            Some(floor) => self.prune(floor),
            None => Ok(0),
        };
        // Waiters see the reader's step once it is whole (pruned included).
        self.inner.state.lock().unwrap_or_else(|p| p.into_inner()).cursors.insert(reader.to_string(), seq);
        self.inner.cv.notify_all();
        pruned.map(|_| ())
    }

    /// Removes the entries up to `floor` (uncommitted: the next commit carries it).
    fn prune(&self, floor: u64) -> Result<usize> {
        let mut n = 0;
        let _gate = self.inner.store.write_gate();
        for k in self.inner.entries.range(..=floor.to_be_bytes()).keys() {
            self.inner.entries.remove(k?)?;
            n += 1;
        }
        Ok(n)
    }

    /// How many entries are kept (not yet passed by every reader).
    pub fn len(&self) -> usize {
        self.inner.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inner.entries.is_empty()
    }

    /// Waits until `reader` has applied entry `seq`; false on timeout.
    pub fn wait_for(&self, reader: &str, seq: u64, timeout: Duration) -> bool {
        let s = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
        let (s, _) = self
            .inner
            .cv
            .wait_timeout_while(s, timeout, |s| s.cursors.get(reader).copied().unwrap_or(0) < seq)
            .unwrap_or_else(|p| p.into_inner());
        s.cursors.get(reader).copied().unwrap_or(0) >= seq
    }

    /// Waits (at most `within`) until `reader` has applied every entry readable now: a page
    /// that shows what a reader keeps (report counters) reads it current. False on timeout;
    /// true at once when the reader does not run in this process (a command).
    pub fn catch_up(&self, reader: &str, within: Duration) -> bool {
        if !self.inner.followers.lock().unwrap_or_else(|p| p.into_inner()).iter().any(|(name, _)| *name == reader) {
            return true;
        }
        let last = self.last();
        self.wait_for(reader, last, within)
    }

    /// Waits (at most `within` each) until every reader running in this process has followed
    /// entry `seq`, so that what they keep and what is pruned behind them is settled (an
    /// erasure's own entry, which names the person, goes once they all have).
    pub fn settle(&self, seq: u64, within: Duration) -> bool {
        let names: Vec<&'static str> =
            self.inner.followers.lock().unwrap_or_else(|p| p.into_inner()).iter().map(|(n, _)| *n).collect();
        names.into_iter().all(|n| self.wait_for(n, seq, within))
    }

    /// Runs `reader` on a thread of its own until [`Feed::stop`].
    pub fn start(&self, reader: Arc<dyn Reader>, batch: usize) {
        let name = reader.name();
        let handle = self.follow(reader, batch, self.inner.stop.clone());
        self.inner.followers.lock().unwrap_or_else(|p| p.into_inner()).push((name, handle));
    }

    /// Stops the readers [`Feed::start`] started and waits for them (each finishes its batch).
    pub fn stop(&self) {
        self.inner.stop.store(true, Ordering::SeqCst);
        self.nudge();
        let handles: Vec<_> = self.inner.followers.lock().unwrap_or_else(|p| p.into_inner()).drain(..).collect();
        for (_, h) in handles {
            let _ = h.join();
        }
    }

    /// Runs `reader` on a thread of its own from its stored cursor until `stop` is set: it sleeps
    /// until entries it has not read are announced, applies them in batches of up to `batch`, and
    /// retries a failed batch after a pause (nothing is skipped).
    pub fn follow(&self, reader: Arc<dyn Reader>, batch: usize, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<()> {
        self.register(reader.name());
        let feed = self.clone();
        std::thread::Builder::new()
            .name(format!("feed-{}", reader.name()))
            .spawn(move || {
                let name = reader.name();
                while !stop.load(Ordering::Relaxed) {
                    let cursor = feed.cursor(name);
                    let mut entries = match feed.read_bounded(cursor, batch, NAMES_PER_BATCH) {
                        Ok(e) => e,
                        Err(e) => {
                            tracing::error!(reader = name, error = %e, "reading the change feed");
                            std::thread::sleep(Duration::from_secs(1));
                            continue;
                        }
                    };
                    if entries.is_empty() {
                        feed.wait_readable(cursor, Duration::from_millis(500), &|| stop.load(Ordering::Relaxed));
                        continue;
                    }
                    if entries.len() < batch && !reader.linger().is_zero() && !stop.load(Ordering::Relaxed) {
                        std::thread::sleep(reader.linger());
                        if let Ok(more) = feed.read_bounded(cursor, batch, NAMES_PER_BATCH) {
                            entries = more;
                        }
                    }
                    let last = entries.last().map_or(cursor, |e| e.seq);
                    let outcome = {
                        let _span =
                            tracing::info_span!("feed_reader", reader = name, entries = entries.len()).entered();
                        reader.apply(&entries)
                    };
                    match outcome
                        .and_then(|applied| feed.move_cursor(name, last, applied, false).map_err(|e| e.to_string()))
                    {
                        Ok(()) => reader.landed(),
                        Err(e) => {
                            tracing::error!(reader = name, error = %e, "a change feed reader failed; retrying");
                            std::thread::sleep(Duration::from_secs(1));
                        }
                    }
                }
            })
            .expect("spawn a change feed reader")
    }
}

/// The entries that name `person`: a scan of the feed, which holds only what some reader has
/// not followed yet (no index of people to keep up on every write).
fn entries_of(entries: &sled::Tree, person: &PersonId) -> Result<Vec<(sled::IVec, Stored)>> {
    let mut out = Vec::new();
    for kv in entries.iter() {
        let (k, v) = kv?;
        let s: Stored = postcard::from_bytes(&v)?;
        if s.change.people().contains(person) {
            out.push((k, s));
        }
    }
    Ok(out)
}

fn erase_person(store: &Store, person: &PersonId) -> Result<usize> {
    let entries = store.tree(ENTRIES)?;
    let found = entries_of(&entries, person)?;
    let _gate = store.write_gate();
    let mut n = 0;
    for (key, s) in found {
        // The entry saying the person is gone stays (an id, nothing else) until every reader
        // has followed it: the search index drops them on reading it.
        if matches!(s.change, Change::ContactErased(_) | Change::ContactDeleted(_)) {
            continue;
        }
        // An import chunk keeps the others it names.
        match s.change.without(person) {
            Some(rest) => {
                entries.insert(key, postcard::to_allocvec(&Stored { at: s.at, change: rest })?)?;
            }
            None => {
                entries.remove(key)?;
            }
        }
        n += 1;
    }
    Ok(n)
}

fn export_person(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let entries = store.tree(ENTRIES)?;
    let mut out = Vec::new();
    for (k, s) in entries_of(&entries, person)? {
        // The erasure's own entry is what remains once the person is gone: not theirs to export.
        if matches!(s.change, Change::ContactErased(_) | Change::ContactDeleted(_)) {
            continue;
        }
        // Only what is about this person: an import chunk names others too.
        out.push(serde_json::json!({ "seq": seq_of(&k), "at": s.at, "change": s.change.kind() }));
    }
    Ok(out)
}
