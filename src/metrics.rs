//! Prometheus metrics, rendered in the text exposition format at `/metrics`.

use std::sync::Mutex;

use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct HttpLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabels {
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct JobLabels {
    pub job: String,
    pub outcome: String,
}

pub struct Metrics {
    registry: Mutex<Registry>,
    pub http_requests: Family<HttpLabels, Counter>,
    pub http_duration: Histogram,
    pub logins: Family<OutcomeLabels, Counter>,
    pub jobs: Family<JobLabels, Counter>,
    pub store_bytes: Gauge,
    pub users: Gauge,
    pub sessions: Gauge,
    pub audit_entries: Gauge,
    pub uptime: Gauge,
    /// Messages handed to a relay, by outcome: sent, failed, deferred (a retry is due).
    pub messages: Family<OutcomeLabels, Counter>,
    /// Bounces and complaints recorded, by kind: hard, soft, complaint.
    pub bounces: Family<OutcomeLabels, Counter>,
    /// Tracking hits received, by kind: open, click.
    pub tracking_hits: Family<OutcomeLabels, Counter>,
    /// Import rows, by outcome: created, updated, invalid, suppressed.
    pub import_rows: Family<OutcomeLabels, Counter>,
    /// Recipients and messages waiting in the outbox (campaigns being sent, transactional mail).
    pub outbox_depth: Gauge,
    pub campaigns_running: Gauge,
    /// Seconds since the newest backup archive was written (-1: none yet).
    pub backup_age: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("tidings");
        let m = Self {
            registry: Mutex::new(Registry::default()),
            http_requests: Family::default(),
            http_duration: Histogram::new(exponential_buckets(0.0005, 2.0, 14)),
            logins: Family::default(),
            jobs: Family::default(),
            store_bytes: Gauge::default(),
            users: Gauge::default(),
            sessions: Gauge::default(),
            audit_entries: Gauge::default(),
            uptime: Gauge::default(),
            messages: Family::default(),
            bounces: Family::default(),
            tracking_hits: Family::default(),
            import_rows: Family::default(),
            outbox_depth: Gauge::default(),
            campaigns_running: Gauge::default(),
            backup_age: Gauge::default(),
        };
        registry.register("http_requests", "HTTP requests by route and status", m.http_requests.clone());
        registry.register("http_request_duration_seconds", "HTTP request latency", m.http_duration.clone());
        registry.register("logins", "Login attempts by outcome", m.logins.clone());
        registry.register("job_runs", "Scheduled job runs by outcome", m.jobs.clone());
        registry.register("store_size_bytes", "Size of the store on disk", m.store_bytes.clone());
        registry.register("admin_users", "Admin user accounts", m.users.clone());
        registry.register("sessions", "Admin sessions held", m.sessions.clone());
        registry.register("audit_entries", "Entries in the audit log", m.audit_entries.clone());
        registry.register("uptime_seconds", "Seconds since start", m.uptime.clone());
        registry.register(
            "messages",
            "Messages handed to a relay, by outcome (sent, failed, deferred)",
            m.messages.clone(),
        );
        registry.register(
            "bounces",
            "Bounces and complaints recorded, by kind (hard, soft, complaint)",
            m.bounces.clone(),
        );
        registry.register("tracking_hits", "Tracking hits received, by kind (open, click)", m.tracking_hits.clone());
        registry.register(
            "import_rows",
            "Imported rows, by outcome (created, updated, invalid, suppressed)",
            m.import_rows.clone(),
        );
        registry.register("outbox_depth", "Recipients and messages waiting in the outbox", m.outbox_depth.clone());
        registry.register("campaigns_running", "Campaigns being sent or paused", m.campaigns_running.clone());
        registry.register(
            "backup_age_seconds",
            "Seconds since the newest backup archive was written (-1: none)",
            m.backup_age.clone(),
        );
        let info: Family<Vec<(String, String)>, Gauge> = Family::default();
        info.get_or_create(&vec![("version".to_string(), env!("CARGO_PKG_VERSION").to_string())]).set(1);
        registry.register("build_info", "Build information", info);
        *m.registry.lock().expect("fresh mutex") = registry;
        m
    }

    pub fn login(&self, outcome: &str) {
        self.logins.get_or_create(&OutcomeLabels { outcome: outcome.into() }).inc();
    }

    /// Adds `n` to the counter of `family` labelled `outcome`.
    pub fn count(family: &Family<OutcomeLabels, Counter>, outcome: &str, n: u64) {
        family.get_or_create(&OutcomeLabels { outcome: outcome.into() }).inc_by(n);
    }

    pub fn job_runs(&self, job: &str, ok: bool) {
        self.jobs.get_or_create(&JobLabels { job: job.into(), outcome: if ok { "ok" } else { "failed" }.into() }).inc();
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        let registry = self.registry.lock().unwrap_or_else(|p| p.into_inner());
        encode(&mut out, &registry).expect("writing to a String cannot fail");
        out
    }
}
