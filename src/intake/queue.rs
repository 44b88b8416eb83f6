//! The queue of the public intake ([`crate::intake`] says why it exists).
//!
//! Tree `public_intake`: id (u64 from sled's id generator, big endian: arrival order) → the
//! request ([`Work`]), sealed with a data key of its own that the record carries, wrapped by the
//! master key ([`SealedTree::insert_self_keyed`]): removing the record destroys the key. A record
//! lives for moments, so export and erasure find a person's by opening each (a handful at most)
//! and comparing the address.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{EmailAddress, PersonId};
use crate::forms::ops::SignUp;
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
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Work::PortalLink { .. } => "privacy-portal link",
            Work::SignUp(_) => "subscribe-form sign-up",
        }
    }
}

/// Wakes the worker: set by [`Intake::queue`], taken by the worker.
#[derive(Default)]
pub(super) struct Signal {
    woken: Mutex<bool>,
    cv: Condvar,
}

impl Signal {
    fn wake(&self) {
        *self.woken.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.cv.notify_one();
    }

    /// True when woken within `timeout`.
    pub(super) fn wait(&self, timeout: Duration) -> bool {
        let guard = self.woken.lock().unwrap_or_else(|p| p.into_inner());
        let (mut woken, _) = self.cv.wait_timeout_while(guard, timeout, |w| !*w).unwrap_or_else(|p| p.into_inner());
        std::mem::take(&mut *woken)
    }
}

pub struct Intake {
    store: Store,
    tree: SealedTree<Work>,
    signal: Arc<Signal>,
    /// One processor at a time: the worker, or a caller draining the queue
    /// ([`super::process_pending`]).
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
    pub(super) fn done(&self, id: u64) -> Result<()> {
        self.tree.remove(&id.to_be_bytes())?;
        Ok(())
    }

    /// Held while the queue is processed.
    pub(super) fn processing(&self) -> MutexGuard<'_, ()> {
        self.processing.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// What wakes the worker.
    pub(super) fn signal(&self) -> Arc<Signal> {
        self.signal.clone()
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
