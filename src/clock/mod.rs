//! The durable clock: every timer of the appliance (cron jobs, scheduled campaigns, mailbox
//! polls; later journey waits, segment time flips and send-time slots) is a record in sled with
//! its due time, kind, key and payload. One waker sleeps until the next due timer and hands it to
//! the handler registered for its kind; nothing polls.
//!
//! A timer is moved (removed, or set again for its next time) in the same transaction as the
//! writes its handler returns, and the change feed's entries for them. So after a kill -9 at any
//! moment no timer is lost, and work done through those writes is never done twice; a handler
//! whose work lies outside the store (running a backup) may run again after a crash that came
//! between its work and the move, and must be idempotent.
//!
//! Timers due while the process was down are due at start, and fire then.

pub mod cron;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Change, PersonId};
use crate::feed::Feed;
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, Store, StoreError, Writes};

/// `due (ms since the epoch, big-endian) || id` → the timer: iterated in due order.
pub const TIMERS: &str = "clock_timers";
/// `kind \0 key` → the timer's key in [`TIMERS`]: one timer per kind and key.
pub const INDEX: &str = "clock_index";

pub const REGISTRATION: Registration = Registration {
    tree: TIMERS,
    purpose: "the durable clock: when each scheduled piece of work is due",
    holds: Holds::Nothing {
        why: "kinds, due times and the ids of what is due (a job's name, a campaign's id); a timer about a person \
              names only their id, and is erased with them (see clock_index)",
    },
};

pub const INDEX_REGISTRATION: Registration = Registration {
    tree: INDEX,
    purpose: "the durable clock's timers by kind and key",
    // A key may name a contact (a segment's time flip, `<contact>:<segment>`): erasure removes
    // every timer whose key names the person, with its entry in the timers' tree.
    holds: Holds::Personal { categories: &["contact identifiers"], layout: Layout::Custom(erase_person), export: None },
};

/// Removes every timer whose key names `person` (by its id as text), and its index entry.
fn erase_person(store: &Store, person: &PersonId) -> Result<usize> {
    let (timers, index) = (store.tree(TIMERS)?, store.tree(INDEX)?);
    let name = person.uuid().to_string();
    let mut doomed = Vec::new();
    for kv in index.iter() {
        let (k, tk) = kv?;
        let key = k.splitn(2, |b| *b == 0).nth(1).unwrap_or_default();
        if String::from_utf8_lossy(key).contains(&name) {
            doomed.push((k, tk));
        }
    }
    let _gate = store.write_gate();
    for (k, tk) in &doomed {
        timers.remove(tk)?;
        index.remove(k)?;
    }
    Ok(doomed.len())
}

/// A timer as its handler sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Timer {
    pub kind: String,
    pub key: String,
    pub due: DateTime<Utc>,
    pub payload: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    kind: String,
    key: String,
    payload: Vec<u8>,
}

/// What a handler did: writes and changes to commit with the timer's move, and whether the
/// timer is done or due again.
pub struct Fired {
    pub writes: Writes,
    pub changes: Vec<Change>,
    pub again: Option<DateTime<Utc>>,
}

impl Fired {
    pub fn done() -> Self {
        Self { writes: Writes::new(), changes: Vec::new(), again: None }
    }

    pub fn again(at: DateTime<Utc>) -> Self {
        Self { again: Some(at), ..Self::done() }
    }

    pub fn with(mut self, writes: Writes, changes: Vec<Change>) -> Self {
        self.writes.extend(writes);
        self.changes.extend(changes);
        self
    }
}

pub trait Handler: Send + Sync + 'static {
    fn kind(&self) -> &'static str;
    /// Does the timer's work. An error leaves the timer in place, due again after a pause.
    fn fire(&self, timer: &Timer) -> std::result::Result<Fired, String>;
    /// Whether its timers fire each in a transaction of its own: a handler whose work leaves
    /// the store (it sends mail) and must not be run again because another timer's work in a
    /// shared batch conflicted.
    fn alone(&self) -> bool {
        false
    }
}

/// At most this many due timers are handed to the workers at once.
const DUE_BATCH: usize = 1024;
/// Timers a worker fires in one transaction at most (when that many are due at once).
const FIRE_BATCH: usize = 64;
/// A failed firing is tried again after this long.
const RETRY_AFTER: chrono::Duration = chrono::Duration::seconds(60);
/// The waker looks again at least this often (a timer set by another process, a clock jump).
const LOOK_AT_LEAST_EVERY: Duration = Duration::from_secs(60);

#[derive(Default)]
struct State {
    /// Timers handed to a worker and not finished (by their key in [`TIMERS`]).
    running: HashSet<Vec<u8>>,
    /// Counts every set, cancel and finished firing: the waker sleeps only while it stays.
    generation: u64,
}

struct Inner {
    store: Store,
    feed: Feed,
    timers: sled::Tree,
    index: sled::Tree,
    handlers: RwLock<HashMap<&'static str, Arc<dyn Handler>>>,
    state: Mutex<State>,
    wake: Condvar,
    /// Held while a timer's index entry is read and changed, so that setting a timer and
    /// finishing one of the same kind and key cannot interleave.
    moving: Mutex<()>,
    /// The running waker: its stop flag and thread.
    waker: Mutex<Option<(Arc<AtomicBool>, std::thread::JoinHandle<()>)>>,
}

#[derive(Clone)]
pub struct Clock {
    inner: Arc<Inner>,
}

/// A due timer: its key in [`TIMERS`] and the timer.
type Due = (Vec<u8>, Timer);

fn timer_key(due: DateTime<Utc>) -> Vec<u8> {
    let ms = u64::try_from(due.timestamp_millis()).unwrap_or(0);
    let mut k = ms.to_be_bytes().to_vec();
    k.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    k
}

fn due_of(key: &[u8]) -> DateTime<Utc> {
    let ms = key.get(..8).and_then(|b| b.try_into().ok()).map(u64::from_be_bytes).unwrap_or(0);
    DateTime::from_timestamp_millis(i64::try_from(ms).unwrap_or(i64::MAX)).unwrap_or_default()
}

fn index_key(kind: &str, key: &str) -> Vec<u8> {
    let mut k = kind.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(key.as_bytes());
    k
}

impl Clock {
    pub fn open(store: &Store, feed: &Feed) -> Result<Self> {
        Ok(Self {
            inner: Arc::new(Inner {
                store: store.clone(),
                feed: feed.clone(),
                timers: store.tree(TIMERS)?,
                index: store.tree(INDEX)?,
                handlers: RwLock::new(HashMap::new()),
                state: Mutex::new(State::default()),
                wake: Condvar::new(),
                moving: Mutex::new(()),
                waker: Mutex::new(None),
            }),
        })
    }

    /// The handler for its kind (at wiring, before [`Clock::run`]).
    pub fn register(&self, handler: Arc<dyn Handler>) {
        self.inner.handlers.write().unwrap_or_else(|p| p.into_inner()).insert(handler.kind(), handler);
    }

    /// Sets the timer of `kind` and `key` to `due` (replacing the one there was), committed.
    pub fn set(&self, kind: &str, key: &str, due: DateTime<Utc>, payload: &[u8]) -> Result<()> {
        {
            let _moving = self.inner.moving.lock().unwrap_or_else(|p| p.into_inner());
            let mut w = Writes::new();
            self.put_timer(&mut w, kind, key, due, payload)?;
            self.inner.store.apply(&w)?;
        }
        self.inner.store.commit()?;
        self.poke();
        Ok(())
    }

    /// Adds to `w` the writes that set the timer of `kind` and `key` to `due`, for a caller's
    /// own transaction (a feed reader's batch). The write is guarded: when the timer moved
    /// meanwhile, the transaction fails with a conflict and the caller tries again. Call
    /// [`Clock::poke`] after the commit.
    pub fn stage_set(&self, w: &mut Writes, kind: &str, key: &str, due: DateTime<Utc>, payload: &[u8]) -> Result<()> {
        let ik = index_key(kind, key);
        let old = self.inner.index.get(&ik)?;
        let stored = postcard::to_allocvec(&Stored { kind: kind.into(), key: key.into(), payload: payload.to_vec() })?;
        if let Some(old) = &old {
            // The same timer already set: nothing to write (a segment's reader sets each
            // evaluated contact's next flip again, and it mostly has not moved; three writes
            // per contact and segment made its transactions the bottleneck under a stream of
            // events).
            let same_due = old.get(..8) == Some(&timer_key(due)[..8]);
            if same_due && self.inner.timers.get(old)?.is_some_and(|v| *v == *stored) {
                return Ok(());
            }
            w.remove(&self.inner.timers, old.clone());
        }
        let tk = timer_key(due);
        w.put(&self.inner.timers, tk.clone(), stored);
        w.put_expecting(&self.inner.index, ik, old, tk);
        Ok(())
    }

    /// Adds to `w` a timer without payload due at `due`, unless the one there is is due no
    /// later (one lookup; nothing written then). For timers whose handler looks again when it
    /// fires and sets the next one: a timer that fires early costs a look, while moving it later
    /// on every change cost three writes. True when it staged a change.
    pub fn stage_due_by(&self, w: &mut Writes, kind: &str, key: &str, due: DateTime<Utc>) -> Result<bool> {
        let ik = index_key(kind, key);
        let old = self.inner.index.get(&ik)?;
        if let Some(old) = &old {
            if old.get(..8).is_some_and(|at| at <= &timer_key(due)[..8]) {
                return Ok(false);
            }
            w.remove(&self.inner.timers, old.clone());
        }
        let tk = timer_key(due);
        let stored = postcard::to_allocvec(&Stored { kind: kind.into(), key: key.into(), payload: Vec::new() })?;
        w.put(&self.inner.timers, tk.clone(), stored);
        w.put_expecting(&self.inner.index, ik, old, tk);
        Ok(true)
    }

    /// Adds to `w` the removal of the timer of `kind` and `key`, if there is one (guarded like
    /// [`Clock::stage_set`]).
    pub fn stage_cancel(&self, w: &mut Writes, kind: &str, key: &str) -> Result<()> {
        let ik = index_key(kind, key);
        if let Some(old) = self.inner.index.get(&ik)? {
            w.remove(&self.inner.timers, old.clone());
            w.put_expecting(&self.inner.index, ik.clone(), Some(old), Vec::new());
            w.remove(&self.inner.index, ik);
        }
        Ok(())
    }

    /// Wakes the waker: the timers changed.
    pub fn poke(&self) {
        self.inner.state.lock().unwrap_or_else(|p| p.into_inner()).generation += 1;
        self.inner.wake.notify_all();
    }

    /// Writes that set a timer (replacing the one there was), for a caller's own atomic write.
    fn put_timer(&self, w: &mut Writes, kind: &str, key: &str, due: DateTime<Utc>, payload: &[u8]) -> Result<()> {
        let ik = index_key(kind, key);
        if let Some(old) = self.inner.index.get(&ik)? {
            w.remove(&self.inner.timers, old);
        }
        let tk = timer_key(due);
        let stored = postcard::to_allocvec(&Stored { kind: kind.into(), key: key.into(), payload: payload.to_vec() })?;
        w.put(&self.inner.timers, tk.clone(), stored);
        w.put(&self.inner.index, ik, tk);
        Ok(())
    }

    /// Removes the timer of `kind` and `key`, if there is one; committed.
    pub fn cancel(&self, kind: &str, key: &str) -> Result<bool> {
        let found = {
            let _moving = self.inner.moving.lock().unwrap_or_else(|p| p.into_inner());
            let ik = index_key(kind, key);
            let Some(old) = self.inner.index.get(&ik)? else { return Ok(false) };
            let mut w = Writes::new();
            w.remove(&self.inner.timers, old).remove(&self.inner.index, ik);
            self.inner.store.apply(&w)?;
            true
        };
        self.inner.store.commit()?;
        self.poke();
        Ok(found)
    }

    /// The timer of `kind` and `key`.
    pub fn get(&self, kind: &str, key: &str) -> Result<Option<Timer>> {
        let Some(tk) = self.inner.index.get(index_key(kind, key))? else { return Ok(None) };
        let Some(v) = self.inner.timers.get(&tk)? else { return Ok(None) };
        let s: Stored = postcard::from_bytes(&v)?;
        Ok(Some(Timer { kind: s.kind, key: s.key, due: due_of(&tk), payload: s.payload }))
    }

    /// Every timer of `kind`, soonest first.
    pub fn timers(&self, kind: &str) -> Result<Vec<Timer>> {
        let mut out = Vec::new();
        for kv in self.inner.timers.iter() {
            let (k, v) = kv?;
            let s: Stored = postcard::from_bytes(&v)?;
            if s.kind == kind {
                out.push(Timer { kind: s.kind, key: s.key, due: due_of(&k), payload: s.payload });
            }
        }
        Ok(out)
    }

    pub fn len(&self) -> usize {
        self.inner.timers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inner.timers.is_empty()
    }

    /// The timers due at `now` that a handler knows and no worker holds, soonest first; and
    /// when the next one after those is due.
    fn due(&self, now: DateTime<Utc>) -> Result<(Vec<Due>, Option<DateTime<Utc>>)> {
        let handlers = self.inner.handlers.read().unwrap_or_else(|p| p.into_inner());
        let state = self.inner.state.lock().unwrap_or_else(|p| p.into_inner());
        let running = &state.running;
        let mut due = Vec::new();
        for kv in self.inner.timers.iter() {
            let (k, v) = kv?;
            let at = due_of(&k);
            if running.contains(k.as_ref()) {
                continue;
            }
            let s: Stored = postcard::from_bytes(&v)?;
            if !handlers.contains_key(s.kind.as_str()) {
                continue;
            }
            if at > now {
                return Ok((due, Some(at)));
            }
            // A burst (thousands due at once) is handed over a batch at a time: the waker looks
            // again as each firing finishes.
            if due.len() == DUE_BATCH {
                return Ok((due, Some(at)));
            }
            due.push((k.to_vec(), Timer { kind: s.kind, key: s.key, due: at, payload: s.payload }));
        }
        Ok((due, None))
    }

    /// Fires one timer and moves it with its handler's writes, in one transaction.
    fn fire_one(&self, tk: &[u8], timer: &Timer) -> Result<()> {
        let Some(fired) = self.run_handler(timer) else { return Ok(()) };
        let appended = {
            let _moving = self.inner.moving.lock().unwrap_or_else(|p| p.into_inner());
            let mut w = Writes::new();
            let changes = self.stage_fired(&mut w, tk, timer, fired)?;
            self.inner.feed.append(w, &changes)?
        };
        self.inner.store.commit()?;
        appended.announce();
        Ok(())
    }

    /// Fires several timers and moves them all with their handlers' writes in one transaction
    /// and one commit: a burst of due timers costs one wait for the disk per batch rather than
    /// one per timer. When the batch's transaction fails (two of its timers moved the same
    /// record: each handler read the store before the other's writes), each timer is fired
    /// again on its own; handlers read the store afresh, so firing again is safe.
    fn fire_many(&self, batch: &[Due]) -> Result<()> {
        // Handlers whose work leaves the store (a mail handed to a relay) fire alone: a batch
        // that fails is fired again one by one, which would do that work twice.
        if batch.iter().any(|(_, t)| self.alone(t)) {
            let (alone, rest): (Vec<Due>, Vec<Due>) = batch.iter().cloned().partition(|(_, t)| self.alone(t));
            for (tk, timer) in &alone {
                self.fire_one(tk, timer)?;
            }
            return self.fire_many(&rest);
        }
        if batch.is_empty() {
            return Ok(());
        }
        if batch.len() == 1 {
            return self.fire_one(&batch[0].0, &batch[0].1);
        }
        let fired: Vec<Option<Fired>> = batch.iter().map(|(_, t)| self.run_handler(t)).collect();
        // A timer whose handler writes a key another one of the batch writes too was computed
        // from a read the other's write changes (both guards would pass, one write would be
        // lost): it is fired again on its own once the batch has landed.
        let mut later = Vec::new();
        let appended = {
            let _moving = self.inner.moving.lock().unwrap_or_else(|p| p.into_inner());
            let mut w = Writes::new();
            let mut changes = Vec::new();
            let mut seen: HashSet<(sled::IVec, sled::IVec)> = HashSet::new();
            for ((tk, timer), f) in batch.iter().zip(fired) {
                let Some(f) = f else { continue };
                // Its handler's writes and its own move (another's handler may set this timer).
                let mut own = Writes::new();
                let its_changes = self.stage_fired(&mut own, tk, timer, f)?;
                let keys: Vec<(sled::IVec, sled::IVec)> = own.touched().map(|(t, k)| (t, k.clone())).collect();
                if keys.iter().any(|k| seen.contains(k)) {
                    later.push((tk, timer));
                    continue;
                }
                seen.extend(keys);
                w.extend(own);
                changes.extend(its_changes);
            }
            self.inner.feed.append(w, &changes)
        };
        match appended {
            Ok(a) => {
                self.inner.store.commit()?;
                a.announce();
            }
            Err(StoreError::Conflict(_)) => {
                for (tk, timer) in batch {
                    self.fire_one(tk, timer)?;
                }
                return Ok(());
            }
            Err(e) => return Err(e),
        }
        for (tk, timer) in later {
            self.fire_one(tk, timer)?;
        }
        Ok(())
    }

    fn alone(&self, timer: &Timer) -> bool {
        self.inner
            .handlers
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(timer.kind.as_str())
            .is_some_and(|h| h.alone())
    }

    /// The handler's answer for a timer (a failure: the timer is tried again later); None when
    /// no handler is registered for its kind (the timer is left as it is).
    fn run_handler(&self, timer: &Timer) -> Option<Fired> {
        let handler =
            self.inner.handlers.read().unwrap_or_else(|p| p.into_inner()).get(timer.kind.as_str()).cloned()?;
        let outcome = {
            let _span = tracing::info_span!("timer", kind = %timer.kind, key = %timer.key).entered();
            handler.fire(timer)
        };
        Some(match outcome {
            Ok(f) => f,
            Err(e) => {
                tracing::error!(kind = %timer.kind, key = %timer.key, error = %e, "a timer's work failed; trying again later");
                Fired::again(Utc::now() + RETRY_AFTER)
            }
        })
    }

    /// Adds to `w` a fired timer's handler writes and its move (removed, or due again);
    /// returns the feed entries it asks for.
    fn stage_fired(&self, w: &mut Writes, tk: &[u8], timer: &Timer, fired: Fired) -> Result<Vec<Change>> {
        w.extend(fired.writes);
        let ik = index_key(&timer.kind, &timer.key);
        // Set again while it ran: the new timer stands, this one just goes.
        let replaced = self.inner.index.get(&ik)?.is_some_and(|cur| cur.as_ref() != tk);
        w.remove(&self.inner.timers, tk.to_vec());
        if !replaced {
            // A caller's own transaction may set the timer meanwhile (`stage_set`): then
            // this one fails and the timer fires again (its work is idempotent).
            w.put_expecting(&self.inner.index, ik.clone(), Some(tk.into()), tk.to_vec());
        }
        match fired.again {
            Some(at) if !replaced => self.put_timer_replacing(w, tk, timer, at)?,
            None if !replaced => {
                w.remove(&self.inner.index, ik);
            }
            _ => {}
        }
        Ok(fired.changes)
    }

    /// The timer `tk` due again at `at` (its index entry pointing at the new key).
    fn put_timer_replacing(&self, w: &mut Writes, tk: &[u8], timer: &Timer, at: DateTime<Utc>) -> Result<()> {
        let new = timer_key(at);
        let stored = postcard::to_allocvec(&Stored {
            kind: timer.kind.clone(),
            key: timer.key.clone(),
            payload: timer.payload.clone(),
        })?;
        debug_assert!(new.as_slice() != tk);
        w.put(&self.inner.timers, new.clone(), stored);
        w.put(&self.inner.index, index_key(&timer.kind, &timer.key), new);
        Ok(())
    }

    /// Fires the timers due at `now` (a batch of at most [`DUE_BATCH`], soonest first), one after
    /// the other; returns how many fired. The waker does this on its own; tests call it.
    pub fn fire_due(&self, now: DateTime<Utc>) -> Result<usize> {
        let (due, _) = self.due(now)?;
        for (tk, timer) in &due {
            self.fire_one(tk, timer)?;
        }
        Ok(due.len())
    }

    /// Starts the waker and `workers` workers (once; again after [`Clock::stop`]): the waker
    /// sleeps until the next due timer (or a new one is set), hands due timers to the workers,
    /// and each timer is held by one worker at a time.
    pub fn start(&self, workers: usize) {
        let mut waker = self.inner.waker.lock().unwrap_or_else(|p| p.into_inner());
        if waker.is_none() {
            let stop = Arc::new(AtomicBool::new(false));
            *waker = Some((stop.clone(), self.run(workers, stop)));
        }
    }

    /// Stops the waker and waits for it; workers finish the timer they hold and end. Nothing
    /// is lost: what was due and not fired is due at the next start.
    pub fn stop(&self) {
        let waker = self.inner.waker.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some((stop, thread)) = waker {
            stop.store(true, Ordering::SeqCst);
            self.poke();
            let _ = thread.join();
        }
    }

    fn run(&self, workers: usize, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<()> {
        let (tx, rx) = std::sync::mpsc::channel::<Due>();
        let rx = Arc::new(Mutex::new(rx));
        for n in 0..workers.max(1) {
            let (clock, rx) = (self.clone(), rx.clone());
            std::thread::Builder::new()
                .name(format!("clock-worker-{n}"))
                .spawn(move || loop {
                    // The next due timer, and as many more as are waiting (up to a batch): a
                    // burst is moved a batch per transaction and commit.
                    let batch: Vec<Due> = {
                        let rx = rx.lock().unwrap_or_else(|p| p.into_inner());
                        let Ok(first) = rx.recv() else { return };
                        let mut batch = vec![first];
                        while batch.len() < FIRE_BATCH {
                            match rx.try_recv() {
                                Ok(d) => batch.push(d),
                                Err(_) => break,
                            }
                        }
                        batch
                    };
                    if let Err(e) = clock.fire_many(&batch) {
                        tracing::error!(timers = batch.len(), error = %e, "moving timers");
                        std::thread::sleep(Duration::from_secs(1));
                    }
                    let mut state = clock.inner.state.lock().unwrap_or_else(|p| p.into_inner());
                    for (tk, _) in &batch {
                        state.running.remove(tk);
                    }
                    state.generation += 1;
                    clock.inner.wake.notify_all();
                })
                .expect("spawn a clock worker");
        }
        let clock = self.clone();
        std::thread::Builder::new()
            .name("clock".into())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let seen = clock.inner.state.lock().unwrap_or_else(|p| p.into_inner()).generation;
                    let next = match clock.due(Utc::now()) {
                        Ok((due, next)) => {
                            let mut state = clock.inner.state.lock().unwrap_or_else(|p| p.into_inner());
                            for (tk, timer) in due {
                                state.running.insert(tk.clone());
                                let _ = tx.send((tk, timer));
                            }
                            next
                        }
                        Err(e) => {
                            tracing::error!(error = %e, "reading the clock's timers");
                            None
                        }
                    };
                    let sleep = next
                        .map(|at| (at - Utc::now()).to_std().unwrap_or_default())
                        .unwrap_or(LOOK_AT_LEAST_EVERY)
                        .min(LOOK_AT_LEAST_EVERY);
                    // Until the next timer is due, or the timers change (one set, one finished);
                    // with a batch's worth held by the workers, until one of them finishes.
                    let state = clock.inner.state.lock().unwrap_or_else(|p| p.into_inner());
                    let sleep = if state.running.len() >= DUE_BATCH { LOOK_AT_LEAST_EVERY } else { sleep };
                    let _ = clock.inner.wake.wait_timeout_while(state, sleep, |s| s.generation == seen);
                }
            })
            .expect("spawn the clock")
    }
}
