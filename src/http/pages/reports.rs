//! Report pages: the comparison of recent campaigns (`/reports`), one campaign's report
//! (`/campaigns/{id}/report`), and the dashboard's audience-and-engagement section. The
//! figures come from `crate::reports`; this file turns them into charts and page context.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use minijinja::{context, Value};

use super::page;
use crate::domain::{CampaignId, Permission};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard, Principal};
use crate::reports::chart::{Chart, ChartView, Kind, Series, Unit};
use crate::reports::{self, Bucket, CampaignReport, Overview, Summary};
use crate::state::{blocking, AppState};

/// Campaigns compared on `/reports` and under a campaign's report.
pub const COMPARED: usize = 10;
/// Days the dashboard shows.
pub const DASHBOARD_DAYS: u32 = 30;

fn campaign_id(raw: &str) -> Result<CampaignId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("campaign"))
}

fn day_label(d: NaiveDate) -> String {
    d.format("%d %b").to_string()
}

fn day_long(d: NaiveDate) -> String {
    d.format("%a %d %b %Y").to_string()
}

/// Opens and clicks (human) over the campaign's first hours or days.
fn timeline_chart(r: &CampaignReport) -> ChartView {
    let pts = &r.timeline.points;
    let (labels, long, x_name, title): (Vec<String>, Vec<String>, &str, &str) = match r.timeline.bucket {
        Bucket::Hour => (
            pts.iter().map(|p| p.at.format("%d %b %H:00").to_string()).collect(),
            pts.iter().map(|p| p.at.format("%Y-%m-%d %H:00 UTC").to_string()).collect(),
            "Hour (UTC)",
            "Opens and clicks per hour",
        ),
        Bucket::Day => (
            pts.iter().map(|p| day_label(p.at.date_naive())).collect(),
            pts.iter().map(|p| day_long(p.at.date_naive())).collect(),
            "Day (UTC)",
            "Opens and clicks per day",
        ),
    };
    // A few hours read better as bars; a line needs points to join.
    let kind = if pts.len() <= 12 { Kind::Bar } else { Kind::Line };
    Chart::new("report-timeline", title, kind, Unit::Count, x_name, labels)
        .long_labels(long)
        .series(Series::new("Opens", pts.iter().map(|p| p.counts.opens as f64)))
        .series(Series::new("Clicks", pts.iter().map(|p| p.counts.clicks as f64)))
        .view()
}

/// Open and click-through rates of campaigns, oldest on the left.
fn comparison_chart(id: &str, rows: &[Summary], width: f64) -> ChartView {
    let rows: Vec<&Summary> = rows.iter().rev().collect();
    Chart::new(id, "Open and click-through rates of recent campaigns", Kind::Bar, Unit::Percent, "Campaign", {
        rows.iter().map(|r| r.campaign.name.clone()).collect()
    })
    .long_labels(
        rows.iter()
            .map(|r| match r.campaign.started_at {
                Some(t) => format!("{} ({})", r.campaign.name, t.format("%Y-%m-%d")),
                None => r.campaign.name.clone(),
            })
            .collect(),
    )
    .series(Series::sparse("Open rate", rows.iter().map(|r| r.figures.rates.open_rate).collect()))
    .series(Series::sparse("Click-through rate", rows.iter().map(|r| r.figures.rates.click_through_rate).collect()))
    .size(width, 220.0)
    .view()
}

pub async fn index(state: web::Data<AppState>, g: Guard<perm::ViewReports>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let rows = blocking(move || reports::recent(&st, COMPARED).map_err(ApiError::from)).await?;
    let chart = (!rows.is_empty()).then(|| comparison_chart("compare-rates", &rows, 640.0));
    page(
        &state,
        &g,
        "reports.html",
        "reports",
        context! {
            recent => rows, chart => chart, compared => COMPARED,
            attribution_days => state.config.tracking.attribution_days,
        },
    )
}

pub async fn campaign(
    state: web::Data<AppState>,
    g: Guard<perm::ViewReports>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let st = state.clone();
    let (report, mut recent) = blocking(move || -> Result<_, ApiError> {
        let r = reports::campaign(&st, &id, Utc::now())?.ok_or(ApiError::not_found("campaign"))?;
        Ok((r, reports::recent(&st, COMPARED)?))
    })
    .await?;
    // This campaign among the ones it is compared with, even when it is older than those.
    if report.campaign.started_at.is_some() && !recent.iter().any(|s| s.campaign.id == report.campaign.id) {
        recent.push(Summary { campaign: report.campaign.clone(), figures: report.figures.clone() });
    }
    let timeline = (!report.timeline.points.is_empty()).then(|| timeline_chart(&report));
    let compare = (recent.len() > 1).then(|| comparison_chart("report-compare", &recent, 640.0));
    page(
        &state,
        &g,
        "report.html",
        if g.can(Permission::SendCampaigns) { "campaigns" } else { "reports" },
        context! { r => report, timeline => timeline, recent => recent, compare => compare },
    )
}

/// The dashboard's section: list growth and engagement over the last [`DASHBOARD_DAYS`] days,
/// or nothing for a role without reports.
pub fn dashboard_section(state: &AppState, g: &Principal, now: DateTime<Utc>) -> Result<Option<Value>, ApiError> {
    if !g.can(Permission::ViewReports) {
        return Ok(None);
    }
    let o = reports::overview(state, DASHBOARD_DAYS, now)?;
    Ok(Some(dashboard_context(&o)))
}

fn dashboard_context(o: &Overview) -> Value {
    let labels: Vec<String> = o.engagement.iter().map(|d| day_label(d.day)).collect();
    let long: Vec<String> = o.engagement.iter().map(|d| day_long(d.day)).collect();
    let chart = |id: &str, title: &str, kind: Kind, unit: Unit| {
        Chart::new(id, title, kind, unit, "Day (UTC)", labels.clone()).long_labels(long.clone()).size(480.0, 200.0)
    };
    let growth = chart("dash-growth", "Subscribed contacts per day", Kind::Line, Unit::Count)
        .series(Series::sparse("Subscribed", o.growth.iter().map(|g| g.subscribed.map(|v| v as f64)).collect()))
        .series(Series::sparse("All contacts", o.growth.iter().map(|g| g.contacts.map(|v| v as f64)).collect()))
        .view();
    let email = chart("dash-email", "Opens and clicks per day", Kind::Line, Unit::Count)
        .series(Series::new("Opens", o.engagement.iter().map(|d| d.counts.opens as f64)))
        .series(Series::new("Clicks", o.engagement.iter().map(|d| d.counts.clicks as f64)))
        .view();
    let site = chart("dash-site", "Page views per day", Kind::Line, Unit::Count)
        .series(Series::new("Page views", o.engagement.iter().map(|d| d.counts.page_views as f64)))
        .view();
    let orders = chart("dash-orders", "Orders per day", Kind::Bar, Unit::Count)
        .series(Series::new("Orders", o.engagement.iter().map(|d| d.counts.orders as f64)))
        .view();
    let snapshots = o.growth.iter().filter(|g| g.subscribed.is_some()).count();
    context! {
        days => o.days, totals => o.totals, now => o.now, subscribed_change => o.subscribed_change,
        snapshots => snapshots, growth => growth, email => email, site => site, orders => orders,
    }
}
