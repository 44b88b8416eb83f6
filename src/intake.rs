//! The public intake: requests to the public doors that take an email address (the privacy
//! portal's sign-in, subscribe-form submissions), kept durably from the answer until a worker
//! has carried them out.
//!
//! Whether an address belongs to a contact must not show in an answer, by its content or by
//! its time. So such a door checks what it can without looking at the stored contacts (syntax,
//! rate limits, proof of work, the form's own fields), writes the request here with one sealed
//! record and one commit (the same work for every address), and answers. The work that depends
//! on the address (the lookup, a portal link by mail, a new contact, a submission, the
//! confirmation mail) is done by the worker a moment later, after the answer has left, so no
//! answer waits for, or competes with, the work its own request caused. A kill -9 after the
//! answer loses nothing: at start the worker carries out whatever is still here, and carrying
//! a request out twice (a crash after the work, before its record went) does nothing twice.
//!
//! Tree `public_intake`: id (u64 from sled's id generator, big endian: arrival order) → the
//! request ([`Work`]), sealed with a data key of its own that the record carries, wrapped by the
//! master key ([`SealedTree::insert_self_keyed`]): removing the record destroys the key. A record
//! lives for moments, so export and erasure find a person's by opening each (a handful at most)
//! and comparing the address.

use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{EmailAddress, PersonId};
use crate::forms::ops::SignUp;
use crate::ops::OpError;
use crate::state::AppState;
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, SealedTree, Store};

pub const TREE: &str = "public_intake";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "requests from the public pages that name an address (a privacy-portal sign-in, a subscribe-form \
              submission), kept from the answer until they are carried out a moment later",
    holds: Holds::Personal {
        categories: &["email address", "form values", "consents", "truncated IP address", "browser family"],
        layout: Layout::Custom(erase_queued),
        export: Some(export_queued),
    },
};

/// How long the worker lets a request's answer leave before it does that request's work.
const SETTLE: Duration = Duration::from_millis(50);
/// A request that failed for a reason that may pass (the store) is tried again after this.
const RETRY: Duration = Duration::from_secs(30);
/// With nothing to do, the worker looks again after this anyway.
const IDLE: Duration = Duration::from_secs(60);
const BATCH: usize = 256;
/// Requests carried out at once. Each does a few commits; carried out side by side, their
/// commits share flushes, as they did when each was carried out inside its own request.
const LANES: usize = 4;

/// A request waiting to be carried out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Work {
    /// Someone asked the privacy portal for a sign-in link for `email` at `at`.
    PortalLink { email: EmailAddress, at: DateTime<Utc> },
    /// A subscribe-form submission that passed every check that does not depend on the stored
    /// contact.
    SignUp(SignUp),
}

impl Work {
    pub fn email(&self) -> &EmailAddress {
        match self {
            Work::PortalLink { email, .. } => email,
            Work::SignUp(s) => &s.email,
        }
    }

    /// For logs, which never name the address.
    fn kind(&self) -> &'static str {
        match self {
            Work::PortalLink { .. } => "privacy-portal link",
            Work::SignUp(_) => "subscribe-form sign-up",
        }
    }
}

/// Wakes the worker: set by [`Intake::queue`], taken by the worker.
#[derive(Default)]
struct Signal {
    woken: Mutex<bool>,
    cv: Condvar,
}

impl Signal {
    fn wake(&self) {
        *self.woken.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.cv.notify_one();
    }

    /// True when woken within `timeout`.
    fn wait(&self, timeout: Duration) -> bool {
        let guard = self.woken.lock().unwrap_or_else(|p| p.into_inner());
        let (mut woken, _) = self.cv.wait_timeout_while(guard, timeout, |w| !*w).unwrap_or_else(|p| p.into_inner());
        std::mem::take(&mut *woken)
    }
}

pub struct Intake {
    store: Store,
    tree: SealedTree<Work>,
    signal: Arc<Signal>,
    /// One processor at a time: the worker, or a caller draining the queue ([`process_pending`]).
    processing: Mutex<()>,
}

impl Intake {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            tree: store.sealed(TREE)?,
            store: store.clone(),
            signal: Arc::default(),
            processing: Mutex::default(),
        })
    }

    /// Keeps `work` on disk (one sealed record, one commit, whatever the address) and wakes the
    /// worker; returns the request's id. After this returns, the door may answer.
    pub fn queue(&self, work: &Work) -> Result<u64> {
        let id = self.store.db().generate_id()?;
        if !self.tree.insert_self_keyed(&id.to_be_bytes(), work)? {
            // sled's ids never repeat, so this is unreachable in practice; never overwrite.
            return Err(crate::store::StoreError::Conflict(format!("intake request {id}")));
        }
        self.store.commit()?;
        self.signal.wake();
        Ok(id)
    }

    /// Requests after `after` (all when None), oldest first, at most `limit`.
    pub fn pending(&self, after: Option<u64>, limit: usize) -> Result<Vec<(u64, Work)>> {
        let after = after.map(u64::to_be_bytes);
        Ok(self
            .tree
            .page(after.as_ref().map(|a| a.as_slice()), limit, false)?
            .into_iter()
            .filter_map(|(k, w)| Some((u64::from_be_bytes(k.as_ref().try_into().ok()?), w)))
            .collect())
    }

    /// How many requests wait (records, whether or not still readable).
    pub fn len(&self) -> usize {
        self.tree.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.is_empty()
    }

    /// Drops a request that is carried out (uncommitted).
    fn done(&self, id: u64) -> Result<()> {
        self.tree.remove(&id.to_be_bytes())?;
        Ok(())
    }
}

/// The person's queued requests: those naming an address of their contact record. Erasure
/// runs this before the contact record goes (registry order), since the address is read there.
fn queued_for(store: &Store, person: &PersonId) -> Result<Vec<(sled::IVec, Work)>> {
    let addresses = crate::contacts::lookup::addresses_of(store, person)?;
    if addresses.is_empty() {
        return Ok(Vec::new());
    }
    let tree: SealedTree<Work> = store.sealed(TREE)?;
    let mut out = Vec::new();
    for item in tree.iter() {
        let (k, _, w) = item?;
        if addresses.contains(w.email()) {
            out.push((k, w));
        }
    }
    Ok(out)
}

fn export_queued(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    Ok(queued_for(store, person)?
        .into_iter()
        .map(|(_, w)| serde_json::to_value(&w).unwrap_or(serde_json::Value::Null))
        .collect())
}

fn erase_queued(store: &Store, person: &PersonId) -> Result<usize> {
    let keys: Vec<sled::IVec> = queued_for(store, person)?.into_iter().map(|(k, _)| k).collect();
    store.remove_keys(&store.tree(TREE)?, &keys)
}

/// Carries out one request; true when it is done with (carried out, or never can be).
fn attempt(state: &AppState, id: u64, work: &Work) -> bool {
    let _span = tracing::info_span!("intake", queued = id, kind = work.kind()).entered();
    let result = match work {
        Work::PortalLink { email, at } => crate::gdpr::ops::send_portal_link(state, email, *at),
        Work::SignUp(s) => crate::forms::ops::record(state, id, s),
    };
    match result {
        Ok(()) => true,
        // Public requests carry addresses, and an error may quote one.
        Err(e @ (OpError::Store(_) | OpError::Internal(_))) => {
            let error = crate::domain::email::mask_addresses_in(&e.to_string());
            tracing::error!(
                request = id,
                kind = work.kind(),
                error,
                "a queued public request failed; it is tried again later"
            );
            false
        }
        Err(e) => {
            let error = crate::domain::email::mask_addresses_in(&e.to_string());
            tracing::warn!(
                request = id,
                kind = work.kind(),
                error,
                "a queued public request cannot be carried out; dropped"
            );
            true
        }
    }
}

/// The lane of an address: the same address always goes to the same lane, so its requests are
/// carried out in the order they came.
fn lane_of(email: &EmailAddress) -> usize {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    email.hash(&mut h);
    (h.finish() % LANES as u64) as usize
}

/// Carries out every waiting request: the worker's step, which a caller that needs the queue
/// drained (a test, before it looks at the contacts) may run too; it waits while the worker
/// runs it. Requests are carried out in [`LANES`] at once, each lane in arrival order. A request
/// that fails for a reason that may pass (the store) stays for a later round; one that can
/// never be carried out (its form was deleted, its address is erased and suppressed) is logged
/// and dropped. Returns how many stay.
pub fn process_pending(state: &AppState) -> usize {
    let _one = state.intake.processing.lock().unwrap_or_else(|p| p.into_inner());
    let mut stay = 0;
    let mut after = None;
    loop {
        let batch = match state.intake.pending(after, BATCH) {
            Ok(b) => b,
            Err(e) => {
                tracing::error!(error = %e, "reading the public intake failed");
                return stay.max(1);
            }
        };
        let Some(&(last, _)) = batch.last() else { break };
        after = Some(last);
        let total = batch.len();
        let mut lanes: Vec<Vec<(u64, Work)>> = (0..LANES).map(|_| Vec::new()).collect();
        for (id, work) in batch {
            lanes[lane_of(work.email())].push((id, work));
        }
        let finished: Vec<u64> = std::thread::scope(|s| {
            let running: Vec<_> = lanes
                .into_iter()
                .filter(|lane| !lane.is_empty())
                .map(|lane| {
                    s.spawn(move || {
                        lane.into_iter().filter(|(id, w)| attempt(state, *id, w)).map(|(id, _)| id).collect()
                    })
                })
                .collect();
            running
                .into_iter()
                .flat_map(|lane| {
                    lane.join().unwrap_or_else(|_| {
                        tracing::error!("a public intake lane panicked; its requests are tried again later");
                        Vec::new()
                    })
                })
                .collect()
        });
        stay += total - finished.len();
        for id in finished {
            if let Err(e) = state.intake.done(id) {
                tracing::error!(request = id, error = %e, "removing a carried-out public request failed");
            }
        }
        if let Err(e) = state.store.commit() {
            tracing::error!(error = %e, "committing the public intake failed");
        }
    }
    stay
}

/// Starts the worker thread: it carries out what a previous run left at once, then whatever
/// [`Intake::queue`] wakes it for. It holds the state weakly and ends with it.
pub fn start(state: &Arc<AppState>) {
    let weak = Arc::downgrade(state);
    let signal = state.intake.signal.clone();
    let spawned = std::thread::Builder::new().name("tidings-intake".into()).spawn(move || run(weak, signal));
    if let Err(e) = spawned {
        tracing::error!(error = %e, "the public intake worker could not start");
    }
}

fn run(weak: Weak<AppState>, signal: Arc<Signal>) {
    let mut woken = true;
    loop {
        if woken {
            std::thread::sleep(SETTLE);
        }
        let Some(state) = weak.upgrade() else { return };
        let left = process_pending(&state);
        drop(state);
        let until = Instant::now() + if left > 0 { RETRY } else { IDLE };
        woken = false;
        while Instant::now() < until {
            // Woken or not, look once a second whether the application is still there.
            if signal.wait(Duration::from_secs(1)) {
                woken = true;
                break;
            }
            if weak.strong_count() == 0 {
                return;
            }
        }
    }
}
