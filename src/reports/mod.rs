//! Reports: what a campaign did, how campaigns compare, how the list and the shop's site move.
//!
//! Everything here is read from aggregates, never from the event log, so a report costs the
//! same at a hundred events as at ten million:
//! - opens, clicks, page views and orders per scope and hour (`track_counts`, written by the
//!   tracking writer; see src/tracking/store.rs), and clicks per link;
//! - the campaign's progress counters (`campaign_stats`, from the outbox);
//! - per-campaign outcomes counted where they happen ([`outcomes`]): recipients who could be
//!   measured, unsubscribes, complaints, bounces;
//! - daily list sizes ([`growth`]).
//!
//! Rates leave machines out (privacy proxies and link scanners are counted apart), and open
//! and click rates are over the recipients who could be measured at all: only contacts who
//! consented to engagement measurement get the pixel and attributed links (see
//! `tracking.engagement`), so dividing by every delivered message would understate them.

pub mod chart;
pub mod growth;
pub mod outcomes;
pub mod overview;

pub use overview::{overview, DayCounts, GrowthDay, Overview};

use chrono::{DateTime, TimeZone, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::domain::CampaignId;
use crate::sending::{Campaign, CampaignState, Stats};
use crate::state::AppState;
use crate::store::Result;
use crate::tracking::{Counts, LinkClicks};
pub use outcomes::Outcomes;

/// Hourly points up to this span; daily points beyond.
pub const HOURLY_MAX_HOURS: u32 = 72;
/// At most this many days of a campaign are drawn (its first ones).
pub const DAILY_MAX_DAYS: u32 = 90;

fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

#[derive(Debug, Clone, Serialize)]
pub struct CampaignInfo {
    pub id: String,
    pub name: String,
    pub subject: String,
    pub state: &'static str,
    /// The state in English; the admin pages put their reader's language in its place.
    pub state_label: String,
    /// Why every message failed, for a failed campaign; empty otherwise.
    pub failure_reason: String,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl CampaignInfo {
    fn of(c: &Campaign) -> Self {
        Self {
            id: c.id.to_string(),
            name: c.name.clone(),
            subject: c.subject.clone(),
            state: c.state.as_str(),
            state_label: c.state.label().to_string(),
            failure_reason: if c.state == CampaignState::Failed { c.state_reason.clone() } else { String::new() },
            started_at: c.started_at,
            finished_at: c.finished_at,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Delivery {
    /// Recipients written to the outbox.
    pub recipients: u64,
    /// Accepted by the relay.
    pub sent: u64,
    /// Refused for good or out of retries.
    pub failed: u64,
    /// Left out at sending (unsubscribed, erased, consent withdrawn meanwhile).
    pub skipped: u64,
    pub retrying: u64,
    /// Accepted, and no bounce reported since.
    pub delivered: u64,
    /// Hard and soft bounces, at sending and reported later.
    pub bounced: u64,
    pub hard_bounces_at_sending: u64,
    pub bounced_after_sending: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Engagement {
    /// Recipients whose message carried the pixel and attributed links.
    pub measured: u64,
    pub unique_opens: u64,
    /// Human opens, every one.
    pub opens: u64,
    /// Privacy proxies and prefetchers: counted apart, in no rate.
    pub machine_opens: u64,
    pub unique_clicks: u64,
    /// Human clicks, every one (attributed or not).
    pub clicks: u64,
    /// Clicks of recipients who did not allow per-person measurement.
    pub anonymous_clicks: u64,
    /// Link scanners: counted apart, in no rate.
    pub machine_clicks: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Rates {
    /// What open and click rates are over: `measured` recipients, `delivered` messages (a
    /// campaign sent before measurable recipients were counted), or `none`.
    pub base: &'static str,
    /// How many recipients (or messages) the open and click rates are over.
    pub base_size: u64,
    pub open_rate: Option<f64>,
    pub click_through_rate: Option<f64>,
    /// Unique clickers per unique opener.
    pub click_to_open_rate: Option<f64>,
    pub unsubscribe_rate: Option<f64>,
    pub complaint_rate: Option<f64>,
    pub bounce_rate: Option<f64>,
    /// Human clicks (every one, attributed or not) per delivered message: a rate every
    /// campaign has, whoever consented to measurement.
    pub clicks_per_delivered: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Orders {
    pub count: u64,
    /// In minor units of the shop's currency (summed as recorded).
    pub revenue_cents: i64,
    /// Orders count for a campaign when they follow a human click in it within this many days.
    pub attribution_days: u32,
}

/// The figures of one campaign: what the report's cards show and what campaigns are compared by.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    pub delivery: Delivery,
    pub engagement: Engagement,
    pub unsubscribes: u64,
    pub complaints: u64,
    pub orders: Orders,
    pub rates: Rates,
}

impl Figures {
    pub fn compute(stats: &Stats, totals: &Counts, outcomes: &Outcomes, attribution_days: u32) -> Self {
        let delivered = stats.sent.saturating_sub(outcomes.bounces_later());
        let delivery = Delivery {
            recipients: stats.queued,
            sent: stats.sent,
            failed: stats.failed,
            skipped: stats.skipped,
            retrying: stats.retrying,
            delivered,
            bounced: outcomes.bounces(),
            hard_bounces_at_sending: outcomes.hard_bounces_at_sending,
            bounced_after_sending: outcomes.bounces_later(),
        };
        let engagement = Engagement {
            measured: outcomes.measured,
            unique_opens: totals.unique_opens,
            opens: totals.opens,
            machine_opens: totals.machine_opens,
            unique_clicks: totals.unique_clicks,
            clicks: totals.clicks,
            anonymous_clicks: totals.anonymous_clicks,
            machine_clicks: totals.machine_clicks,
        };
        let (base, base_n) = if outcomes.measured > 0 {
            ("measured", outcomes.measured)
        } else if totals.unique_opens + totals.unique_clicks > 0 {
            ("delivered", delivered)
        } else {
            ("none", 0)
        };
        let rates = Rates {
            base,
            base_size: base_n,
            clicks_per_delivered: ratio(totals.clicks, delivered),
            open_rate: ratio(totals.unique_opens, base_n),
            click_through_rate: ratio(totals.unique_clicks, base_n),
            click_to_open_rate: ratio(totals.unique_clicks, totals.unique_opens),
            unsubscribe_rate: ratio(outcomes.unsubscribes, delivered),
            complaint_rate: ratio(outcomes.complaints, delivered),
            bounce_rate: ratio(outcomes.bounces(), stats.sent + stats.failed),
        };
        Figures {
            delivery,
            engagement,
            unsubscribes: outcomes.unsubscribes,
            complaints: outcomes.complaints,
            orders: Orders { count: totals.orders, revenue_cents: totals.revenue_cents, attribution_days },
            rates,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    Hour,
    Day,
}

/// One point of the opens-and-clicks chart: the counters summed over its hour or day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub bucket: Bucket,
    pub points: Vec<Point>,
    /// Activity went on past the last point drawn ([`DAILY_MAX_DAYS`]).
    pub truncated: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkRow {
    pub url: String,
    pub clicks: u64,
    pub machine_clicks: u64,
    /// This link's share of the campaign's human link clicks.
    pub share: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CampaignReport {
    pub campaign: CampaignInfo,
    #[serde(flatten)]
    pub figures: Figures,
    pub timeline: Timeline,
    /// Most clicked first.
    pub links: Vec<LinkRow>,
    /// The campaign's A/B test by variant, when it has one.
    pub ab: Option<crate::sending::abtest::AbReport>,
}

fn hour_start(h: u32) -> DateTime<Utc> {
    Utc.timestamp_opt(i64::from(h) * 3600, 0).single().unwrap_or_default()
}

/// The hours to draw: from the start of sending (or the first hit) to the last hit, at least a
/// day when that day has passed, never past now; hourly up to [`HOURLY_MAX_HOURS`], else days.
pub fn timeline_range(
    started: Option<DateTime<Utc>>,
    span: Option<(u32, u32)>,
    now: DateTime<Utc>,
) -> Option<(Bucket, u32, u32, bool)> {
    let now_h = crate::tracking::store::hour_of(now);
    let (first, last) = span?;
    let start = started.map_or(first, |s| crate::tracking::store::hour_of(s).min(first));
    let end = last.max(start);
    if end - start < HOURLY_MAX_HOURS {
        let end = end.max((start + 23).min(now_h));
        return Some((Bucket::Hour, start, end, false));
    }
    let (start_day, end_day) = (start / 24, end / 24);
    let truncated = end_day - start_day >= DAILY_MAX_DAYS;
    let end_day = end_day.min(start_day + DAILY_MAX_DAYS - 1);
    Some((Bucket::Day, start_day * 24, end_day * 24 + 23, truncated))
}

/// Sums hourly counters into the points of a range (zero where nothing happened).
pub fn points(bucket: Bucket, start: u32, end: u32, hourly: &[(u32, Counts)]) -> Vec<Point> {
    let width = if bucket == Bucket::Hour { 1 } else { 24 };
    let mut out: Vec<Point> =
        (start..=end).step_by(width as usize).map(|h| Point { at: hour_start(h), counts: Counts::default() }).collect();
    for (h, c) in hourly {
        if (start..=end).contains(h) {
            if let Some(p) = out.get_mut(((h - start) / width) as usize) {
                p.counts.add(c);
            }
        }
    }
    out
}

fn links(mut rows: Vec<LinkClicks>) -> Vec<LinkRow> {
    let total: u64 = rows.iter().map(|l| l.human).sum();
    rows.sort_by(|a, b| b.human.cmp(&a.human).then(b.machine.cmp(&a.machine)).then(a.index.cmp(&b.index)));
    rows.into_iter()
        .map(|l| LinkRow { share: ratio(l.human, total), url: l.url, clicks: l.human, machine_clicks: l.machine })
        .collect()
}

fn stats_of(state: &AppState, id: &CampaignId) -> Result<Stats> {
    state.sending.live_stats(id).map_or_else(|| state.sending.campaigns.stats(id), Ok)
}

fn figures_of(state: &AppState, c: &Campaign) -> Result<(Figures, Option<(u32, u32)>)> {
    let scope = c.id.uuid();
    let (totals, span) = state.tracking.store.totals(&scope)?;
    // The counters follow the change feed: read them once they have caught up (bounded).
    state.feed.catch_up(outcomes::READER, std::time::Duration::from_secs(2));
    let outcomes = outcomes::get(&state.store, &scope)?;
    let stats = stats_of(state, &c.id)?;
    Ok((Figures::compute(&stats, &totals, &outcomes, state.config.tracking.attribution_days), span))
}

/// Opens and clicks over time of a mailing (a campaign, a journey's step).
fn timeline_of(
    state: &AppState,
    scope: &Uuid,
    started: Option<DateTime<Utc>>,
    span: Option<(u32, u32)>,
    now: DateTime<Utc>,
) -> Result<Timeline> {
    Ok(match timeline_range(started, span, now) {
        Some((bucket, start, end, truncated)) => {
            let hourly = state.tracking.store.hourly(scope, hour_start(start), hour_start(end))?;
            Timeline { bucket, points: points(bucket, start, end, &hourly), truncated }
        }
        None => Timeline { bucket: Bucket::Hour, points: Vec::new(), truncated: false },
    })
}

/// A campaign's report, or None when there is no such campaign.
pub fn campaign(state: &AppState, id: &CampaignId, now: DateTime<Utc>) -> Result<Option<CampaignReport>> {
    let Some(c) = state.sending.campaigns.get(id)? else { return Ok(None) };
    let (figures, span) = figures_of(state, &c)?;
    let scope: Uuid = c.id.uuid();
    Ok(Some(CampaignReport {
        campaign: CampaignInfo::of(&c),
        figures,
        timeline: timeline_of(state, &scope, c.started_at, span, now)?,
        links: links(state.tracking.store.link_clicks(&scope)?),
        ab: crate::sending::abtest::report_of(state, &c)?,
    }))
}

/// The report of mail sent one message at a time under a mailing id of its own (a journey's
/// send step, `journeys::engine::mailing_of`): a campaign's figures without the campaign's
/// progress counters, which such mail has none of. Sent is what the relay accepted (the
/// feed's count; a message sent before that count existed is counted once it was measured);
/// nothing here says how many were queued, failed or skipped.
#[derive(Debug, Clone, Serialize)]
pub struct MailingReport {
    pub mailing: String,
    #[serde(flatten)]
    pub figures: Figures,
    pub timeline: Timeline,
    pub links: Vec<LinkRow>,
}

pub fn mailing(state: &AppState, id: &CampaignId, now: DateTime<Utc>) -> Result<MailingReport> {
    let scope = id.uuid();
    let (totals, span) = state.tracking.store.totals(&scope)?;
    state.feed.catch_up(outcomes::READER, std::time::Duration::from_secs(2));
    let outcomes = outcomes::get(&state.store, &scope)?;
    let sent = outcomes.sent.max(outcomes.measured);
    let stats = Stats { sent, ..Default::default() };
    Ok(MailingReport {
        mailing: id.to_string(),
        figures: Figures::compute(&stats, &totals, &outcomes, state.config.tracking.attribution_days),
        timeline: timeline_of(state, &scope, None, span, now)?,
        links: links(state.tracking.store.link_clicks(&scope)?),
    })
}

/// One row of the comparison of recent campaigns.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub campaign: CampaignInfo,
    #[serde(flatten)]
    pub figures: Figures,
}

/// The campaigns that started sending, newest first, at most `limit`.
pub fn recent(state: &AppState, limit: usize) -> Result<Vec<Summary>> {
    let mut started: Vec<Campaign> = state
        .sending
        .campaigns
        .all()?
        .into_iter()
        .filter(|c| c.started_at.is_some() && !matches!(c.state, CampaignState::Draft | CampaignState::Scheduled))
        .collect();
    started.sort_by_key(|c| std::cmp::Reverse(c.started_at));
    started.truncate(limit);
    started.iter().map(|c| Ok(Summary { campaign: CampaignInfo::of(c), figures: figures_of(state, c)?.0 })).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn rates_are_over_measured_recipients_and_leave_machines_out() {
        let stats = Stats { queued: 10, sent: 9, failed: 1, ..Default::default() };
        let totals = Counts {
            opens: 7,
            unique_opens: 4,
            machine_opens: 50,
            clicks: 5,
            unique_clicks: 2,
            machine_clicks: 9,
            anonymous_clicks: 1,
            orders: 1,
            revenue_cents: 4990,
            ..Default::default()
        };
        let outcomes = Outcomes {
            measured: 8,
            unsubscribes: 1,
            complaints: 0,
            hard_bounces_at_sending: 1,
            hard_bounces_later: 1,
            soft_bounces_later: 0,
            sent: 9,
        };
        let f = Figures::compute(&stats, &totals, &outcomes, 5);
        assert_eq!((f.delivery.delivered, f.delivery.bounced), (8, 2));
        assert_eq!(f.rates.base, "measured");
        assert_eq!(f.rates.open_rate, Some(0.5));
        assert_eq!(f.rates.click_through_rate, Some(0.25));
        assert_eq!(f.rates.click_to_open_rate, Some(0.5));
        assert_eq!(f.rates.unsubscribe_rate, Some(1.0 / 8.0));
        assert_eq!(f.rates.bounce_rate, Some(0.2));
        // Nothing measurable and nothing measured: no rate rather than a misleading 0%.
        let none = Figures::compute(&stats, &Counts::default(), &Outcomes::default(), 5);
        assert_eq!((none.rates.base, none.rates.open_rate), ("none", None));
        // An older campaign (no count of measurable recipients) falls back to delivered.
        let old = Figures::compute(&stats, &totals, &Outcomes { measured: 0, ..outcomes }, 5);
        assert_eq!((old.rates.base, old.rates.open_rate), ("delivered", Some(0.5)));
    }

    #[test]
    fn the_timeline_is_hourly_for_three_days_then_daily_and_never_in_the_future() {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap();
        let h0 = crate::tracking::store::hour_of(t0);
        let now = t0 + Duration::hours(2);
        // Just sent: from the start to now (not a day into the future).
        assert_eq!(timeline_range(Some(t0), Some((h0, h0 + 1)), now), Some((Bucket::Hour, h0, h0 + 2, false)));
        // A day later: a whole day.
        let later = t0 + Duration::days(2);
        assert_eq!(timeline_range(Some(t0), Some((h0, h0 + 1)), later), Some((Bucket::Hour, h0, h0 + 23, false)));
        let (b, s, e, t) = timeline_range(Some(t0), Some((h0, h0 + 24 * 5)), later + Duration::days(5)).unwrap();
        assert_eq!((b, s % 24, e % 24, t), (Bucket::Day, 0, 23, false));
        let (.., t) = timeline_range(Some(t0), Some((h0, h0 + 24 * 200)), later + Duration::days(300)).unwrap();
        assert!(t, "capped at {DAILY_MAX_DAYS} days");
        assert_eq!(timeline_range(Some(t0), None, now), None, "nothing happened");

        let c = Counts { opens: 2, clicks: 1, ..Default::default() };
        let p = points(Bucket::Day, 24 * 10, 24 * 12 + 23, &[(24 * 10 + 5, c), (24 * 10 + 7, c), (24 * 12, c)]);
        assert_eq!(p.iter().map(|p| p.counts.opens).collect::<Vec<_>>(), [4, 0, 2]);
    }

    #[test]
    fn links_are_ranked_by_human_clicks() {
        let l = |index: u16, human, machine| LinkClicks {
            index,
            url: format!("https://x.example/{index}"),
            human,
            machine,
        };
        let rows = links(vec![l(0, 1, 9), l(1, 3, 0), l(2, 0, 0)]);
        assert_eq!(rows.iter().map(|r| r.clicks).collect::<Vec<_>>(), [3, 1, 0]);
        assert_eq!(rows[0].share, Some(0.75));
    }
}
