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
//! The queue, its tree and its registration are [`queue`]'s; this module is the worker.

pub mod queue;

use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

pub use queue::{Intake, Work};

use crate::domain::EmailAddress;
use crate::ops::OpError;
use crate::state::AppState;
use queue::Signal;

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
    let _one = state.intake.processing();
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
    let signal = state.intake.signal();
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
