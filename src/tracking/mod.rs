//! Tracking: signed open pixels and click redirects in mail, the event log, per-contact
//! aggregates and the counters reports are drawn from.
//!
//! ```text
//! GET /o/{token} ─► verify ─► machine? ─► writer (fire and forget) ─► 43-byte GIF at once
//! GET /c/{token} ─► verify ─► link table ─► writer, flushed ─► 302 to the message's own link
//!                                              │
//!        events (per contact, sealed) ◄────────┤ one thread, batches, group commit
//!        counters per mailing and hour ◄───────┤
//!        contact aggregates → search index ◄───┘
//! ```
//!
//! Per-person measurement of mail follows `tracking.engagement` (by default: only contacts who
//! granted the `engagement` purpose get a pixel and attributed clicks; checked again when the
//! hit arrives, so a withdrawal stops it at once).

pub mod geo;
mod hits;
pub mod ingest;
pub mod links;
pub mod machine;
pub mod retention;
pub mod store;
pub mod token;
pub mod website;
mod writer;

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use uuid::Uuid;

pub use hits::{ApiEvent, ApiOutcome, SiteHit};
pub use links::{Decoration, LinkTable, Mailing, MailingKind};
pub use store::{Counts, LinkClicks, TrackStore, OVERALL};
pub use token::{Claims, HitKind};
pub use website::{VisitorId, Website};
pub use writer::{person_allowed, Record, Retraction, ENGAGEMENT};

use crate::config::TrackingConfig;
use crate::contacts::Contacts;
use crate::store::{Result, Store};

/// How many records the writer took (for tests and metrics).
#[derive(Debug, Default)]
pub struct Counters {
    pub recorded: AtomicU64,
}

/// Hits waiting for the writer; past this the pixel waits for room rather than dropping one.
const QUEUE: usize = 65_536;
/// Link tables kept in memory (each is a few hundred bytes; a shop has a few campaigns a week).
const CACHED_MAILINGS: usize = 4096;

pub struct Tracking {
    pub store: TrackStore,
    pub counters: Arc<Counters>,
    config: TrackingConfig,
    tx: Mutex<Option<crossbeam_channel::Sender<writer::Job>>>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    mailings: Mutex<HashMap<Uuid, Arc<Mailing>>>,
    /// Website visitors and their link to contacts.
    pub website: Website,
    /// Country lookups, when `tracking.geoip_db` is set.
    pub geo: Option<geo::Geo>,
    /// Tracker hits per client network.
    pub site_limiter: crate::ratelimit::Limiter,
}

impl Tracking {
    pub fn open(store: &Store, contacts: &Contacts, config: &TrackingConfig) -> Result<Self> {
        let geo = if config.geoip_db.as_os_str().is_empty() {
            None
        } else {
            Some(
                geo::Geo::open(&config.geoip_db)
                    .map_err(|m| std::io::Error::new(std::io::ErrorKind::InvalidData, m))?,
            )
        };
        let ts = TrackStore::open(store)?;
        let counters = Arc::new(Counters::default());
        let (tx, rx) = crossbeam_channel::bounded(QUEUE);
        let w = writer::Writer {
            ts: ts.clone(),
            contacts: contacts.clone(),
            window: Duration::from_millis(u64::from(config.commit_window_ms.clamp(1, 1000))),
            policy: config.engagement,
            restrictions: crate::gdpr::Restrictions::open(store)?,
            metrics: Some(counters.clone()),
        };
        let thread = std::thread::Builder::new()
            .name("tidings-track".into())
            .spawn(move || w.run(rx))
            .map_err(|e| crate::store::StoreError::Flush(format!("starting the tracking writer: {e}")))?;
        Ok(Self {
            store: ts,
            counters,
            config: config.clone(),
            tx: Mutex::new(Some(tx)),
            thread: Mutex::new(Some(thread)),
            mailings: Mutex::new(HashMap::new()),
            website: Website::open(store, contacts, config.website_linking)?,
            geo,
            site_limiter: crate::ratelimit::Limiter::per_minute(config.collect_per_minute),
        })
    }

    pub fn config(&self) -> &TrackingConfig {
        &self.config
    }

    fn sender(&self) -> Option<crossbeam_channel::Sender<writer::Job>> {
        self.tx.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Records without waiting for disk (opens): on disk within the commit window. Waits only
    /// when the writer is a full queue behind.
    pub async fn record(&self, records: Vec<Record>) {
        let Some(tx) = self.sender() else { return };
        match tx.try_send(writer::Job { records, ack: None, counted: false, retract: None }) {
            Ok(()) => {}
            Err(crossbeam_channel::TrySendError::Full(job)) => {
                let _ = tokio::task::spawn_blocking(move || tx.send(job)).await;
            }
            Err(crossbeam_channel::TrySendError::Disconnected(_)) => {}
        }
    }

    /// Records and returns once the records are on disk (clicks, events).
    pub async fn record_durable(&self, records: Vec<Record>) -> std::result::Result<(), String> {
        let Some(tx) = self.sender() else { return Err("the server is shutting down".into()) };
        let (ack, done) = tokio::sync::oneshot::channel();
        let job = writer::Job { records, ack: Some(ack), counted: false, retract: None };
        if let Err(crossbeam_channel::TrySendError::Full(job)) = tx.try_send(job) {
            tokio::task::spawn_blocking(move || tx.send(job))
                .await
                .map_err(|e| e.to_string())?
                .map_err(|_| "the tracking writer stopped".to_string())?;
        }
        done.await.map_err(|_| "the tracking writer stopped".to_string())?
    }

    /// [`Tracking::record_durable`] for blocking callers (importers, tests).
    pub fn record_durable_blocking(&self, records: Vec<Record>) -> std::result::Result<(), String> {
        let Some(tx) = self.sender() else { return Err("the server is shutting down".into()) };
        let (ack, done) = tokio::sync::oneshot::channel();
        tx.send(writer::Job { records, ack: Some(ack), counted: false, retract: None })
            .map_err(|_| "the tracking writer stopped".to_string())?;
        done.blocking_recv().map_err(|_| "the tracking writer stopped".to_string())?
    }

    /// Records events the counters include already (a linked visitor's earlier events, now the
    /// contact's), without waiting for disk. For blocking callers.
    pub fn record_moved(&self, records: Vec<Record>) {
        if records.is_empty() {
            return;
        }
        let Some(tx) = self.sender() else { return };
        let _ = tx.send(writer::Job { records, ack: None, counted: true, retract: None });
    }

    /// Takes an erased person's part out of the counters, through the writer (the counters'
    /// only writer), and returns once that is on disk. For blocking callers.
    pub fn retract_blocking(&self, r: Retraction) -> std::result::Result<(), String> {
        let Some(tx) = self.sender() else { return Err("the server is shutting down".into()) };
        let (ack, done) = tokio::sync::oneshot::channel();
        tx.send(writer::Job { records: Vec::new(), ack: Some(ack), counted: false, retract: Some(Box::new(r)) })
            .map_err(|_| "the tracking writer stopped".to_string())?;
        done.blocking_recv().map_err(|_| "the tracking writer stopped".to_string())?
    }

    /// The link table of a mailing, from memory or the store.
    pub fn mailing(&self, id: &Uuid) -> Result<Option<Arc<Mailing>>> {
        if let Some(m) = self.mailings.lock().unwrap_or_else(|p| p.into_inner()).get(id) {
            return Ok(Some(m.clone()));
        }
        let Some(table) = self.store.link_table(id)? else { return Ok(None) };
        let m = Arc::new(Mailing::stored(*id, table));
        self.cache(m.clone());
        Ok(Some(m))
    }

    /// Makes a mailing's link table durable (before any message carrying its links leaves)
    /// and keeps it at hand for decorating messages.
    pub fn register(&self, mailing: Mailing) -> Result<Arc<Mailing>> {
        if let Some(m) = self.mailings.lock().unwrap_or_else(|p| p.into_inner()).get(&mailing.id) {
            if m.table == mailing.table {
                return Ok(m.clone());
            }
        }
        if self.store.save_link_table(&mailing.id, &mailing.table)? {
            self.store.store().commit()?;
        }
        let m = Arc::new(mailing);
        self.cache(m.clone());
        Ok(m)
    }

    fn cache(&self, m: Arc<Mailing>) {
        let mut cache = self.mailings.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() >= CACHED_MAILINGS {
            cache.clear();
        }
        cache.insert(m.id, m);
    }

    /// Stops the writer after it has recorded and committed everything queued.
    pub fn stop(&self) {
        self.tx.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(t) = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take() {
            let _ = t.join();
        }
    }
}

impl Drop for Tracking {
    fn drop(&mut self) {
        self.stop();
    }
}
