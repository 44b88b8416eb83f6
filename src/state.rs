//! The one `AppState`, built once at start-up and shared by every handler and job.

use std::sync::Arc;
use std::time::Instant;

use crate::audit::{AuditLog, Event};
use crate::auth::{PasswordHasher, Sessions, Tokens, Users};
use crate::config::Config;
use crate::metrics::Metrics;
use crate::settings::SettingsRepo;
use crate::store::{Store, StoreError};

pub struct AppState {
    pub config: Config,
    pub store: Store,
    pub audit: Arc<AuditLog>,
    pub users: Users,
    /// Each staff member's own choices (admin language).
    pub preferences: crate::auth::preferences::Preferences,
    pub sessions: Sessions,
    pub tokens: Tokens,
    pub settings: SettingsRepo,
    pub hasher: PasswordHasher,
    pub metrics: Metrics,
    pub jobs: crate::jobs::log::JobLog,
    /// What changed, for the readers that follow it (`feed`).
    pub feed: crate::feed::Feed,
    /// Every timer of the appliance (`clock`).
    pub clock: crate::clock::Clock,
    /// Segments and the engine that keeps their memberships.
    pub segments: std::sync::Arc<crate::segments::live::Engine>,
    /// Journeys and their runs, and what their engine keeps in memory.
    pub journeys: crate::journeys::Journeys,
    pub journey_engine: std::sync::Arc<crate::journeys::engine::Engine>,
    /// Lead-scoring models, and the scores computed from them when read.
    pub scoring: crate::scoring::Scorer,
    /// Send-time optimisation: contacts' active hours, computed when read.
    pub sendtime: crate::sendtime::SendTime,
    pub started_at: Instant,
    pub login_limiter: crate::ratelimit::Limiter,
    /// Failed sign-ins per account and network (see `auth::throttle`).
    pub login_throttle: crate::auth::throttle::LoginThrottle,
    /// Unsubscribe and preference-centre pages, per client network.
    pub public_limiter: crate::ratelimit::Limiter,
    pub contacts: crate::contacts::Contacts,
    pub fields: crate::contacts::schema::Fields,
    pub purposes: crate::contacts::schema::Purposes,
    pub lists: crate::contacts::schema::Lists,
    pub saved_searches: crate::contacts::saved::SavedSearches,
    pub search: crate::search::Search,
    pub imports: crate::contacts::import::Imports,
    pub mailer: Arc<crate::mail::Mailer>,
    pub sending: crate::sending::Sending,
    pub forms: crate::forms::Forms,
    /// Public requests that name an address, from the answer until they are carried out.
    pub intake: crate::intake::Intake,
    pub tracking: crate::tracking::Tracking,
    pub gdpr: crate::gdpr::Gdpr,
    pub media: crate::media::library::MediaLibrary,
}

/// Why the application state could not be built.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error("mail: {0}")]
    Mail(#[from] crate::mail::MailError),
}

impl AppState {
    pub fn new(config: Config, store: Store) -> Result<Self, StateError> {
        let auth = &config.auth;
        let feed = crate::feed::Feed::open(&store)?;
        for reader in crate::wiring::FEED_READERS {
            feed.register(reader);
        }
        let contacts = crate::contacts::Contacts::with_feed(&store, &feed)?;
        let segment_repo = crate::segments::Segments::open(&store)?;
        // The index holds each contact's segments: the segments room answers for them.
        let search = crate::search::Search::start(&config.data_dir, &contacts, Arc::new(segment_repo.clone()))?;
        let clock = crate::clock::Clock::open(&store, &feed)?;
        let gdpr = crate::gdpr::Gdpr::open(&store)?;
        let settings = SettingsRepo::open(&store)?;
        let tracking = crate::tracking::Tracking::open(&store, &contacts, &config.tracking)?;
        let forms = crate::forms::Forms::open(&store, &config.forms)?;
        let scoring = crate::scoring::Scorer::new(
            &store,
            contacts.clone(),
            tracking.store.clone(),
            forms.submission_log(),
            &config.tracking,
        )?;
        let segments = crate::segments::live::Engine::new(
            segment_repo,
            contacts.clone(),
            gdpr.restrictions.clone(),
            scoring.clone(),
            settings.clone(),
            clock.clone(),
            feed.clone(),
            Some(Arc::new(IndexCandidates { index: search.index.clone(), contacts: contacts.clone() })),
        );
        Ok(Self {
            segments,
            journeys: crate::journeys::Journeys::open(&store)?,
            journey_engine: crate::journeys::engine::Engine::new(),
            sendtime: crate::sendtime::SendTime::open(&store, tracking.store.clone(), &config.tracking)?,
            scoring,
            fields: crate::contacts::schema::Fields::open(&store)?,
            purposes: crate::contacts::schema::Purposes::open(&store)?,
            lists: crate::contacts::schema::Lists::open(&store)?,
            saved_searches: crate::contacts::saved::SavedSearches::open(&store)?,
            imports: crate::contacts::import::Imports::open(&store, &config.data_dir)?,
            sending: crate::sending::Sending::open(&store)?,
            forms,
            intake: crate::intake::Intake::open(&store)?,
            mailer: Arc::new(crate::mail::Mailer::from_config(&config)?),
            tracking,
            gdpr,
            media: crate::media::library::MediaLibrary::open(&store, &config.data_dir)?,
            contacts,
            search,
            audit: Arc::new(AuditLog::open(&store)?),
            users: Users::open(&store)?,
            preferences: crate::auth::preferences::Preferences::open(&store)?,
            sessions: Sessions::open(&store, auth.session_idle_minutes, auth.session_absolute_hours)?,
            tokens: Tokens::open(&store)?,
            settings,
            jobs: crate::jobs::log::JobLog::open(&store)?,
            clock,
            feed,
            hasher: PasswordHasher::new(auth.max_concurrent_hashes),
            metrics: Metrics::new(),
            started_at: Instant::now(),
            login_limiter: crate::ratelimit::Limiter::per_minute(30),
            login_throttle: crate::auth::throttle::LoginThrottle::new(auth.max_failed_logins, auth.lockout_minutes),
            public_limiter: crate::ratelimit::Limiter::per_minute(config.http.public_per_minute),
            store,
            config,
        })
    }

    /// Records an audit event off the executor (it commits to disk).
    pub async fn audit_event(&self, event: Event) -> Result<(), StoreError> {
        let audit = self.audit.clone();
        blocking(move || audit.record(event).map(|_| ())).await
    }
}

/// Runs blocking work (sled, argon2, file I/O) on the blocking pool, inside the caller's span.
pub async fn blocking<T, E, F>(f: F) -> Result<T, E>
where
    F: FnOnce() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static + From<StoreError>,
{
    let span = tracing::Span::current();
    match tokio::task::spawn_blocking(move || span.in_scope(f)).await {
        Ok(r) => r,
        Err(e) => Err(E::from(StoreError::Flush(format!("blocking task failed: {e}")))),
    }
}

/// Runs an I/O future to its end from blocking code (an operation on the blocking pool, or a
/// test thread), on a small runtime of its own in a thread of its own: a blocking-pool thread
/// is inside the server's runtime, where another cannot be started.
pub fn block_on_io<F>(f: F) -> F::Output
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime").block_on(f)
    })
    .join()
    .expect("the I/O thread ran to its end")
}

/// Segment builds narrow with the contacts' index: the candidates of a filter (see
/// `search::narrow`) once the index has taken in the changes the build starts from.
struct IndexCandidates {
    index: Arc<crate::search::SearchIndex>,
    contacts: crate::contacts::Contacts,
}

impl crate::segments::live::Candidates for IndexCandidates {
    fn candidates(
        &self,
        filter: &crate::domain::segment::Filter,
        seq: u64,
        within: std::time::Duration,
    ) -> Option<Vec<crate::domain::ContactId>> {
        let narrowed = self.index.narrow(filter);
        if narrowed.query.downcast_ref::<tantivy::query::AllQuery>().is_some() {
            return None;
        }
        let feed = self.contacts.feed();
        if !self.contacts.index_signal.wait_indexed(seq, within, &|| feed.nudge()) {
            return None;
        }
        let mut ids = self.index.ids_of(&*narrowed.query, usize::MAX).ok()?;
        ids.sort_unstable();
        Some(ids)
    }
}
