//! The dashboard's view over the last days: engagement per day from the site-wide counters
//! (opens, clicks, page views, orders: at most 24 rows a day are read), and list sizes from
//! the daily snapshots plus a live count for today. Nothing here walks contacts or events.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::Serialize;

use super::growth::{self, Snapshot};
use crate::state::AppState;
use crate::store::Result;
use crate::tracking::{Counts, OVERALL};

/// Longest range the dashboard and the API draw.
pub const MAX_DAYS: u32 = 366;

/// One day (UTC) of the site-wide counters.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DayCounts {
    pub day: NaiveDate,
    #[serde(flatten)]
    pub counts: Counts,
}

/// List size at the end of one day (or now, for today); None for a day without a snapshot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GrowthDay {
    pub day: NaiveDate,
    pub contacts: Option<u64>,
    pub subscribed: Option<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub days: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub engagement: Vec<DayCounts>,
    /// The range's sums (the `day` is the last day).
    pub totals: DayCounts,
    pub growth: Vec<GrowthDay>,
    /// Counts by status now (search index).
    pub now: Snapshot,
    /// Subscribed contacts now minus at the first day of the range with a snapshot.
    pub subscribed_change: Option<i64>,
}

/// The last `days` days up to `now`'s day (1 to [`MAX_DAYS`]; the caller checks).
pub fn overview(state: &AppState, days: u32, now: DateTime<Utc>) -> Result<Overview> {
    let days = days.clamp(1, MAX_DAYS);
    let to = now.date_naive();
    let from = to - Duration::days(i64::from(days - 1));
    let start = Utc.from_utc_datetime(&from.and_hms_opt(0, 0, 0).expect("midnight"));
    let mut engagement: Vec<DayCounts> =
        (0..days).map(|i| DayCounts { day: from + Duration::days(i64::from(i)), ..Default::default() }).collect();
    for (hour, c) in state.tracking.store.hourly(&OVERALL, start, now)? {
        let day = (i64::from(hour) * 3600 - start.timestamp()) / 86_400;
        if let Some(d) = usize::try_from(day).ok().and_then(|d| engagement.get_mut(d)) {
            d.counts.add(&c);
        }
    }
    let mut totals = DayCounts { day: to, ..Default::default() };
    for d in &engagement {
        totals.counts.add(&d.counts);
    }

    let live = growth::statuses(&state.search.index, now);
    let history = growth::history(&state.store, from, to)?;
    let growth: Vec<GrowthDay> = engagement
        .iter()
        .map(|d| {
            if d.day == to {
                return GrowthDay { day: d.day, contacts: Some(live.contacts), subscribed: Some(live.subscribed) };
            }
            let snap = history.iter().find(|(day, _)| *day == d.day).map(|(_, s)| s);
            GrowthDay { day: d.day, contacts: snap.map(|s| s.contacts), subscribed: snap.map(|s| s.subscribed) }
        })
        .collect();
    let first = growth.iter().find_map(|g| g.subscribed);
    let subscribed_change = first
        .filter(|_| growth.iter().filter(|g| g.subscribed.is_some()).count() > 1)
        .map(|f| i64::try_from(live.subscribed).unwrap_or(i64::MAX) - i64::try_from(f).unwrap_or(i64::MAX));
    Ok(Overview { days, from, to, engagement, totals, growth, now: live, subscribed_change })
}
