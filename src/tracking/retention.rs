//! Retention of tracked events: each kind is kept for its purpose's retention period, read
//! from the purposes registry at every run (so a DPO's change applies at the next run).
//! Opens and clicks belong to `engagement`; page views, custom events and orders to
//! `website_tracking`. A purpose that was deleted falls back to [`DEFAULT_DAYS`].
//! Counters per campaign and hour hold no personal data and stay; so do a contact's
//! aggregates (they go with the contact).

use chrono::{DateTime, Duration, Utc};

use crate::domain::EventKind;
use crate::state::AppState;

pub const DEFAULT_DAYS: u32 = crate::domain::consent::DEFAULT_RETENTION_DAYS;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub email_days: u32,
    pub email_removed: usize,
    pub web_days: u32,
    pub web_removed: usize,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "removed {} email events older than {} days and {} website events older than {} days",
            self.email_removed, self.email_days, self.web_removed, self.web_days
        )
    }
}

/// Removes what is past its time (in rounds of at most 100,000 per kind) and commits.
pub fn prune(state: &AppState, now: DateTime<Utc>) -> anyhow::Result<Report> {
    let ts = &state.tracking.store;
    let mut r = Report {
        email_days: state.purposes.retention_days(super::ENGAGEMENT)?,
        web_days: state.purposes.retention_days(WEBSITE_TRACKING)?,
        ..Default::default()
    };
    for (days, kinds, removed) in [
        (r.email_days, &[EventKind::Open, EventKind::Click][..], &mut r.email_removed),
        (r.web_days, &[EventKind::PageView, EventKind::Custom, EventKind::Order][..], &mut r.web_removed),
    ] {
        let cutoff = now - Duration::days(i64::from(days));
        loop {
            let n = ts.prune_before(cutoff, kinds)?;
            *removed += n;
            if n < 100_000 {
                break;
            }
        }
    }
    state.store.commit()?;
    Ok(r)
}

/// The purpose of website tracking (page views, shop events).
pub const WEBSITE_TRACKING: &str = "website_tracking";
