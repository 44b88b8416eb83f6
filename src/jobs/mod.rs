//! The built-in jobs: each runs from a cron expression in the config (no system cron), on a
//! timer of the durable clock, so a run missed while the appliance was down is not lost. Each
//! job's single step is a public function that tests call directly.

pub mod log;

use std::sync::Arc;

use chrono::{DateTime, Utc};

use self::log::JobRun;
use crate::state::AppState;
use crate::store::Result;

/// One scheduled job: a name, its cron expression and its step.
struct Job {
    name: &'static str,
    expr: String,
    step: Step,
}

/// Removes expired sessions.
pub fn session_cleanup(state: &AppState) -> anyhow::Result<String> {
    let n = state.sessions.purge_expired()?;
    Ok(format!("removed {n} expired sessions"))
}

/// Takes a backup into the backup directory and rotates old ones.
pub fn scheduled_backup(state: &AppState) -> anyhow::Result<String> {
    let report = crate::ops::take_backup(state, crate::ops::By::system(), None, None)?;
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
    let report =
        crate::gdpr::retention::run(state, crate::ops::By::system(), Utc::now()).map_err(|e| anyhow::anyhow!("{e}"))?;
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
    let days = state.purposes.retention_days(crate::tracking::website::WEBSITE_TRACKING)?;
    let cutoff = Utc::now() - crate::tracking::website::retention_days(Some(days));
    let (visitors, events) = state.tracking.website.prune(cutoff)?;
    state.store.commit()?;
    Ok(format!("removed {visitors} visitors not seen since {cutoff} and {events} older visitor events"))
}

/// Counts contacts per status and list from the search index into today's row of list growth
/// (`reports::growth`), committed.
pub fn list_growth(state: &AppState) -> anyhow::Result<String> {
    use crate::reports::growth;
    let slugs: Vec<String> = state.lists.all()?.into_iter().map(|l| l.slug).collect();
    let s = growth::take(&state.search.index, &slugs, Utc::now())?;
    growth::save(&state.store, &s)?;
    state.store.commit()?;
    Ok(format!("{} contacts, {} subscribed, in {} lists", s.contacts, s.subscribed, s.lists.len()))
}

/// The clock's kind for scheduled jobs; a job's timer key is its name.
pub const TIMER_KIND: &str = "job";

type Step = fn(&AppState) -> anyhow::Result<String>;

/// The jobs, each with its schedule from the config.
fn jobs(config: &crate::config::Config) -> Vec<Job> {
    let j = &config.jobs;
    vec![
        Job { name: "backup", expr: j.backup.clone(), step: scheduled_backup },
        Job { name: "session_cleanup", expr: j.session_cleanup.clone(), step: session_cleanup },
        Job { name: "form_cleanup", expr: j.form_cleanup.clone(), step: form_cleanup },
        Job { name: "retention", expr: j.retention.clone(), step: retention },
        Job { name: "request_reminders", expr: j.request_reminders.clone(), step: request_reminders },
        Job { name: "visitor_cleanup", expr: j.visitor_cleanup.clone(), step: visitor_cleanup },
        Job { name: "list_growth", expr: j.list_growth.clone(), step: list_growth },
    ]
}

/// The next time of `expr` after `after`.
fn next_time(expr: &str, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    crate::clock::cron::parse(expr).ok()?.after(&after).next()
}

/// Puts each job's timer in the clock as the config says. A new or changed schedule is due at
/// its next time; an unchanged one keeps its time, so a run missed while the appliance was down
/// runs once at start (`jobs.catch_up = false` moves it to its next time instead); an empty
/// schedule removes the timer. The timer's payload is the schedule it was set from.
pub fn schedule(state: &AppState) -> Result<()> {
    let now = Utc::now();
    for job in jobs(&state.config) {
        let expr = job.expr.trim();
        if expr.is_empty() {
            if state.clock.cancel(TIMER_KIND, job.name)? {
                tracing::info!(job = job.name, "job disabled (empty schedule)");
            }
            continue;
        }
        let Some(next) = next_time(expr, now) else {
            // The config check refuses a bad expression before the server starts.
            tracing::error!(job = job.name, expr, "job not scheduled: no next time");
            continue;
        };
        let missed = match state.clock.get(TIMER_KIND, job.name)? {
            Some(t) if t.payload == expr.as_bytes() => {
                if t.due > now || state.config.jobs.catch_up {
                    if t.due <= now {
                        tracing::info!(job = job.name, due = %t.due, "a run missed while the appliance was down runs now");
                    }
                    continue;
                }
                true
            }
            _ => false,
        };
        if missed {
            tracing::info!(job = job.name, next = %next, "a run missed while down is skipped (jobs.catch_up = false)");
        }
        state.clock.set(TIMER_KIND, job.name, next, expr.as_bytes())?;
    }
    Ok(())
}

/// Runs a job when its timer is due, then sets the timer for its next time. A failure is
/// logged and recorded, and the job runs again at its next time.
pub struct Jobs {
    state: std::sync::Weak<AppState>,
    /// Jobs run on the clock's threads; some steps wait on async work (mail).
    runtime: tokio::runtime::Handle,
}

impl Jobs {
    pub fn new(state: &Arc<AppState>, runtime: tokio::runtime::Handle) -> Arc<Self> {
        Arc::new(Self { state: Arc::downgrade(state), runtime })
    }
}

impl crate::clock::Handler for Jobs {
    fn kind(&self) -> &'static str {
        TIMER_KIND
    }

    fn fire(&self, timer: &crate::clock::Timer) -> std::result::Result<crate::clock::Fired, String> {
        let Some(state) = self.state.upgrade() else { return Err("the appliance is stopping".into()) };
        let Some(job) = jobs(&state.config).into_iter().find(|j| j.name == timer.key) else {
            return Ok(crate::clock::Fired::done());
        };
        let _runtime = self.runtime.enter();
        run_now(&state, job.name, job.step);
        let expr = String::from_utf8_lossy(&timer.payload).into_owned();
        Ok(match next_time(&expr, Utc::now()) {
            Some(next) => crate::clock::Fired::again(next),
            None => crate::clock::Fired::done(),
        })
    }
}

fn run_now(state: &AppState, name: &str, step: Step) {
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
