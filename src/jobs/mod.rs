//! The built-in scheduler: jobs run from cron expressions in the config (no system cron). Each
//! job's single step is a public function that tests call directly.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::state::AppState;
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const TREE: &str = "jobs";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "when each scheduled job last ran and how it went",
    holds: Holds::Nothing { why: "job names, times and counts only" },
};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JobRun {
    pub job: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub ok: bool,
    pub message: String,
}

#[derive(Clone)]
pub struct JobLog {
    tree: PlainTree<JobRun>,
}

impl JobLog {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(TREE)? })
    }

    pub fn record(&self, run: &JobRun) -> Result<()> {
        self.tree.put(run.job.as_bytes(), run)
    }

    pub fn last(&self, job: &str) -> Result<Option<JobRun>> {
        self.tree.get(job.as_bytes())
    }
}

/// One scheduled job: a name, its cron expression and its step.
struct Job {
    name: &'static str,
    expr: String,
    step: fn(&AppState) -> anyhow::Result<String>,
}

/// Removes expired sessions.
pub fn session_cleanup(state: &AppState) -> anyhow::Result<String> {
    let n = state.sessions.purge_expired()?;
    Ok(format!("removed {n} expired sessions"))
}

/// Takes a backup into the backup directory and rotates old ones.
pub fn scheduled_backup(state: &AppState) -> anyhow::Result<String> {
    let by = crate::ops::By { actor: crate::audit::Actor::System, ip: None, role: None };
    let report = crate::ops::take_backup(state, by, None, None)?;
    let removed = crate::store::backup::rotate(&state.config.backup_dir(), state.config.backup.keep)?;
    Ok(format!(
        "backup {} written ({} entries, {} bytes, writers paused {} ms), {removed} old archives removed",
        report.path.display(),
        report.entries,
        report.bytes,
        report.paused_ms
    ))
}

/// Removes subscribe-form sign-ups nobody confirmed within `forms.unconfirmed_days`.
pub fn form_cleanup(state: &AppState) -> anyhow::Result<String> {
    let (erased, removed) = crate::forms::ops::remove_unconfirmed(state, Utc::now())?;
    Ok(format!("removed {erased} unconfirmed sign-ups and {removed} unconfirmed submissions of known contacts"))
}

/// Retention: every rule of `gdpr::retention` (tracked events, visitors, inactive contacts,
/// unconfirmed sign-ups, abandoned uploads, closed requests, tombstones, audit entries). The
/// counts per rule go to the job log and the audit log.
pub fn retention(state: &AppState) -> anyhow::Result<String> {
    let report = crate::gdpr::retention::run(state, crate::gdpr::retention::system(), Utc::now())
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(report.summary())
}

/// Mails the DPO contact the privacy requests that are overdue or nearly due.
pub fn request_reminders(state: &AppState) -> anyhow::Result<String> {
    let handle = tokio::runtime::Handle::current();
    handle.block_on(crate::gdpr::reminders::send(state))
}

/// Removes website visitors (and anonymous visitor events) older than the `website_tracking`
/// purpose's retention period.
pub fn visitor_cleanup(state: &AppState) -> anyhow::Result<String> {
    let days = state.purposes.get(crate::tracking::website::WEBSITE_TRACKING)?.map(|p| p.retention_days);
    let cutoff = Utc::now() - crate::tracking::website::retention_days(days);
    let (visitors, events) = state.tracking.website.prune(cutoff)?;
    state.store.commit()?;
    Ok(format!("removed {visitors} visitors not seen since {cutoff} and {events} older visitor events"))
}

/// Counts contacts per status and list from the search index into today's row of list growth.
pub fn list_growth(state: &AppState) -> anyhow::Result<String> {
    let s = crate::reports::growth::record(state, Utc::now())?;
    Ok(format!("{} contacts, {} subscribed, in {} lists", s.contacts, s.subscribed, s.lists.len()))
}

/// Runs the jobs until the process stops. Each runs on the blocking pool; a failure is logged
/// and recorded, and the job runs again at its next time.
pub fn spawn(state: Arc<AppState>) {
    let jobs = [
        Job { name: "backup", expr: state.config.jobs.backup.clone(), step: scheduled_backup },
        Job { name: "session_cleanup", expr: state.config.jobs.session_cleanup.clone(), step: session_cleanup },
        Job { name: "form_cleanup", expr: state.config.jobs.form_cleanup.clone(), step: form_cleanup },
        Job { name: "retention", expr: state.config.jobs.retention.clone(), step: retention },
        Job { name: "request_reminders", expr: state.config.jobs.request_reminders.clone(), step: request_reminders },
        Job { name: "visitor_cleanup", expr: state.config.jobs.visitor_cleanup.clone(), step: visitor_cleanup },
        Job { name: "list_growth", expr: state.config.jobs.list_growth.clone(), step: list_growth },
    ];
    for job in jobs {
        if job.expr.trim().is_empty() {
            tracing::info!(job = job.name, "job disabled (empty schedule)");
            continue;
        }
        let schedule = match crate::clock::cron::parse(&job.expr) {
            Ok(s) => s,
            Err(e) => {
                tracing::error!(job = job.name, error = %e, "job not scheduled");
                continue;
            }
        };
        let state = state.clone();
        tokio::spawn(async move {
            while let Some(next) = schedule.upcoming(Utc).next() {
                let wait = (next - Utc::now()).to_std().unwrap_or_default();
                tokio::time::sleep(wait).await;
                let st = state.clone();
                let name = job.name;
                let step = job.step;
                let _ = tokio::task::spawn_blocking(move || run_now(&st, name, step)).await;
            }
        });
    }
}

fn run_now(state: &AppState, name: &str, step: fn(&AppState) -> anyhow::Result<String>) {
    let started_at = Utc::now();
    let result = step(state);
    let (ok, message) = match result {
        Ok(m) => {
            tracing::info!(job = name, "{m}");
            (true, m)
        }
        Err(e) => {
            tracing::error!(job = name, error = %format!("{e:#}"), "job failed");
            (false, format!("{e:#}"))
        }
    };
    state.metrics.job_runs(name, ok);
    let run = JobRun { job: name.to_string(), started_at, finished_at: Utc::now(), ok, message };
    if let Err(e) = state.jobs.record(&run) {
        tracing::error!(job = name, error = %e, "could not record job run");
    }
}
