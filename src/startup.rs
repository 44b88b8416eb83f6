//! Builds the application once (store, state, TLS, listener, control socket, scheduler); the
//! server binary and the tests both start it through here.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::{Server, ServerHandle};
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use anyhow::{Context, Result};

use crate::audit::{Action, Actor, Event};
use crate::config::Config;
use crate::http::{self, error};
use crate::state::AppState;
use crate::store::{OpenOptions, Store};

/// Threads that fire the clock's timers: a long job (a backup) does not hold up a campaign's
/// start or a mailbox poll.
const CLOCK_WORKERS: usize = 3;
/// Entries a change feed reader takes at a time.
const FEED_BATCH: usize = 512;

pub struct FirstAdmin {
    pub username: String,
    pub password: String,
}

pub struct Application {
    port: u16,
    server: Server,
    state: Arc<AppState>,
    /// Creating the first owner costs an argon2 hash: it runs while the server starts.
    first_admin: Option<tokio::task::JoinHandle<Result<Option<FirstAdmin>>>>,
    pub tls_fingerprint: Option<String>,
    pub self_signed: bool,
}

impl Application {
    pub async fn build(config: Config) -> Result<Self> {
        let cfg = config.clone();
        let store = tokio::task::spawn_blocking(move || {
            Store::open(&cfg.data_dir, &OpenOptions::from_config(&cfg, crate::wiring::registry()))
        })
        .await
        .context("opening the store")?
        .with_context(|| format!("opening the store in {}", config.data_dir.display()))?;
        let state = Arc::new(AppState::new(config.clone(), store)?);
        let st = state.clone();
        let first_admin = if state.users.count() == 0 {
            Some(tokio::task::spawn_blocking(move || {
                crate::ops::bootstrap_owner(&st)
                    .map(|n| n.map(|n| FirstAdmin { username: n.user.username, password: n.one_time_password }))
                    .map_err(|e| anyhow::anyhow!("creating the first admin: {e}"))
            }))
        } else {
            None
        };

        let listener = TcpListener::bind(config.listen).with_context(|| format!("listening on {}", config.listen))?;
        let bound = listener.local_addr()?;
        let port = bound.port();
        // Where the server really listens (`serve --listen`, port 0), for `tidings healthcheck`.
        crate::cli::healthcheck::write_bound(&config.data_dir, bound).context("recording the listening address")?;
        let data = web::Data::from(state.clone());
        let body_limit = config.http.max_body_kb * 1024;
        let factory = move || {
            App::new()
                .app_data(data.clone())
                .app_data(web::PayloadConfig::new(body_limit))
                .app_data(web::JsonConfig::default().limit(body_limit).error_handler(error::json_error))
                // `web::Form` is only used by the privacy portal's public forms.
                .app_data(
                    web::FormConfig::default()
                        .limit(http::limits::MAX_PUBLIC_FORM_BYTES)
                        .error_handler(error::form_error),
                )
                .app_data(web::QueryConfig::default().error_handler(error::query_error))
                .app_data(web::PathConfig::default().error_handler(error::path_error))
                .wrap(from_fn(http::guard::context))
                // Before the session is looked up; inside error_pages, so pages get HTML.
                .wrap(from_fn(http::limits::check_request))
                .wrap(http::error_pages())
                .wrap(from_fn(http::security_headers))
                // Outermost: the request's span holds everything the others do.
                .wrap(from_fn(http::observe::observe))
                .configure(http::routes)
        };
        let mut server = HttpServer::new(factory).shutdown_timeout(10);
        if config.http.workers > 0 {
            server = server.workers(config.http.workers);
        }
        let (server, tls_fingerprint, self_signed) = if config.tls_enabled() {
            let material = crate::tls::load(&config)?;
            let tls = crate::tls::server_config(&material)?;
            (server.listen_rustls_0_23(listener, tls)?.run(), Some(material.fingerprint), material.self_signed)
        } else {
            (server.listen(listener)?.run(), None, false)
        };

        crate::control::serve(state.clone(), config.data_dir.join(crate::control::SOCKET))
            .await
            .context("opening the control socket")?;
        // The clock's handlers, then its timers, then the clock.
        state.clock.register(crate::jobs::Jobs::new(&state, tokio::runtime::Handle::current()));
        state.clock.register(crate::sending::schedule::Campaigns::new(&state));
        state.clock.register(crate::sending::abtest::Decider::new(&state));
        state.clock.register(crate::mail::mailbox::Poller::new(&state, tokio::runtime::Handle::current()));
        state.clock.register(Arc::new(crate::segments::live::Flips));
        state.clock.register(Arc::new(crate::journeys::engine::Wakes(Arc::downgrade(&state))));
        state.clock.register(Arc::new(crate::journeys::engine::Dates(Arc::downgrade(&state))));
        state.clock.register(Arc::new(crate::journeys::engine::Notices(Arc::downgrade(&state))));
        state.clock.register(Arc::new(crate::journeys::engine::Schedules(Arc::downgrade(&state))));
        state.clock.register(Arc::new(crate::sendtime::Releases(Arc::downgrade(&state))));
        state.sending.register_composer(Arc::new(crate::journeys::engine::Mail(Arc::downgrade(&state))));
        state.feed.attach(Arc::new(crate::journeys::engine::Ends(Arc::downgrade(&state))));
        crate::jobs::schedule(&state).context("scheduling the jobs")?;
        crate::sending::schedule::reconcile(&state).context("scheduling the campaigns")?;
        crate::sending::abtest::reconcile(&state).context("timing the campaigns' A/B tests")?;
        // In the background: with a date trigger it walks every contact.
        let st = state.clone();
        std::thread::spawn(move || {
            if let Err(e) = crate::journeys::engine::reconcile(&st) {
                tracing::error!(error = %e, "setting the journeys' date and schedule timers failed");
            }
        });
        crate::mail::mailbox::schedule(&state).context("scheduling the bounce mailbox")?;
        state.clock.start(CLOCK_WORKERS);
        // The change feed's readers besides the search index (which runs its own loop).
        state.feed.start(
            Arc::new(crate::reports::outcomes::Counter::open(&state.store).context("opening the report counters")?),
            FEED_BATCH,
        );
        state.feed.start(
            Arc::new(crate::segments::live::Membership(state.segments.clone())),
            crate::segments::live::FEED_BATCH,
        );
        state.feed.start(Arc::new(crate::journeys::engine::Triggers(Arc::downgrade(&state))), FEED_BATCH);
        state.segments.resume().context("resuming segment builds")?;
        crate::sending::start(&state);
        crate::intake::start(&state);
        // Recorded in the background: start-up does not wait for this commit.
        let st = state.clone();
        tokio::spawn(async move {
            let event = Event::new(Actor::System, Action::ServerStarted).detail("version", env!("CARGO_PKG_VERSION"));
            if let Err(e) = st.audit_event(event).await {
                tracing::error!(error = %e, "could not record the start in the audit log");
            }
        });
        Ok(Self { port, server, state, first_admin, tls_fingerprint, self_signed })
    }

    /// The first owner's one-time password, on a fresh store (waits for its hash).
    pub async fn first_admin(&mut self) -> Result<Option<FirstAdmin>> {
        wait_first_admin(self.first_admin.take()).await
    }

    /// Hands the pending first-owner creation to the caller, so that it can wait for it while
    /// the server already runs.
    pub fn take_first_admin(&mut self) -> impl std::future::Future<Output = Result<Option<FirstAdmin>>> {
        wait_first_admin(self.first_admin.take())
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> Arc<AppState> {
        self.state.clone()
    }

    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let socket = self.state.config.data_dir.join(crate::control::SOCKET);
        let result = self.server.await;
        // Each reader finishes its batch (its writes and cursor land together either way).
        let feed = self.state.feed.clone();
        let _ = actix_web::rt::task::spawn_blocking(move || feed.stop()).await;
        let _ = std::fs::remove_file(socket);
        let _ = std::fs::remove_file(self.state.config.data_dir.join(crate::cli::healthcheck::BOUND_FILE));
        result
    }
}

async fn wait_first_admin(
    handle: Option<tokio::task::JoinHandle<Result<Option<FirstAdmin>>>>,
) -> Result<Option<FirstAdmin>> {
    match handle {
        Some(h) => h.await.context("creating the first admin")?,
        None => Ok(None),
    }
}
