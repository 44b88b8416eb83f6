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
use crate::i18n::Language;
use crate::reports::chart::{Chart, ChartView, Kind, Series, Unit};
use crate::reports::{self, Bucket, CampaignInfo, Overview, Summary, Timeline};
use crate::sending::CampaignState;
use crate::state::{blocking, AppState};

/// Campaigns compared on `/reports` and under a campaign's report.
pub const COMPARED: usize = 10;
/// Days the dashboard shows.
pub const DASHBOARD_DAYS: u32 = 30;

fn campaign_id(raw: &str) -> Result<CampaignId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("campaign"))
}

/// The language's own way with dates (month and day names), from its catalogue.
fn locale(ui: &Language) -> chrono::Locale {
    chrono::Locale::try_from(ui.text("meta-date-locale", None).as_str()).unwrap_or(chrono::Locale::en_GB)
}

/// A day under a chart's axis ("07 Dec", "07. Dez").
pub fn day_label(d: NaiveDate, ui: &Language) -> String {
    d.format_localized(&ui.text("cm-chart-day", None), locale(ui)).to_string()
}

/// A day in a tooltip and the chart's table ("Mon 07 Dec 2026").
fn day_long(d: NaiveDate, ui: &Language) -> String {
    d.format_localized(&ui.text("cm-chart-day-long", None), locale(ui)).to_string()
}

/// A series named in the staff member's language, with its name inside a sentence (`key.tip`).
fn series(ui: &Language, key: &str, tip: &str, values: Vec<Option<f64>>) -> Series {
    Series::sparse(&ui.text(key, None), values).in_text(&ui.text(tip, None))
}

/// Opens and clicks (human) over a mailing's first hours or days (a campaign's, a journey
/// step's).
pub fn timeline_chart(t: &Timeline, ui: &'static Language) -> ChartView {
    let pts = &t.points;
    let (labels, long, x_name, title): (Vec<String>, Vec<String>, &str, &str) = match t.bucket {
        Bucket::Hour => (
            pts.iter()
                .map(|p| p.at.format_localized(&ui.text("cm-chart-hour", None), locale(ui)).to_string())
                .collect(),
            pts.iter().map(|p| p.at.format("%Y-%m-%d %H:00 UTC").to_string()).collect(),
            "cm-axis-hour",
            "cm-chart-opens-clicks-hour",
        ),
        Bucket::Day => (
            pts.iter().map(|p| day_label(p.at.date_naive(), ui)).collect(),
            pts.iter().map(|p| day_long(p.at.date_naive(), ui)).collect(),
            "cm-axis-day",
            "cm-chart-opens-clicks-day",
        ),
    };
    // A few hours read better as bars; a line needs points to join.
    let kind = if pts.len() <= 12 { Kind::Bar } else { Kind::Line };
    Chart::new("report-timeline", &ui.text(title, None), kind, Unit::Count, &ui.text(x_name, None), labels)
        .language(ui)
        .long_labels(long)
        .series(series(
            ui,
            "cm-series-opens",
            "cm-series-opens.tip",
            pts.iter().map(|p| Some(p.counts.opens as f64)).collect(),
        ))
        .series(series(
            ui,
            "cm-series-clicks",
            "cm-series-clicks.tip",
            pts.iter().map(|p| Some(p.counts.clicks as f64)).collect(),
        ))
        .view()
}

/// Open and click-through rates of campaigns, oldest on the left.
fn comparison_chart(id: &str, rows: &[Summary], width: f64, ui: &'static Language) -> ChartView {
    let rows: Vec<&Summary> = rows.iter().rev().collect();
    let title = ui.text("cm-chart-compare", None);
    Chart::new(id, &title, Kind::Bar, Unit::Percent, &ui.text("cm-axis-campaign", None), {
        rows.iter().map(|r| r.campaign.name.clone()).collect()
    })
    .language(ui)
    .long_labels(
        rows.iter()
            .map(|r| match r.campaign.started_at {
                Some(t) => format!("{} ({})", r.campaign.name, t.format("%Y-%m-%d")),
                None => r.campaign.name.clone(),
            })
            .collect(),
    )
    .series(series(
        ui,
        "cm-series-open-rate",
        "cm-series-open-rate.tip",
        rows.iter().map(|r| r.figures.rates.open_rate).collect(),
    ))
    .series(series(
        ui,
        "cm-series-click-rate",
        "cm-series-click-rate.tip",
        rows.iter().map(|r| r.figures.rates.click_through_rate).collect(),
    ))
    .size(width, 220.0)
    .view()
}

/// The catalogue key of an A/B test's metric.
pub(super) fn metric_key(m: crate::sending::abtest::Metric) -> &'static str {
    use crate::sending::abtest::Metric;
    match m {
        Metric::Clicks => "cm-ab-metric-clicks",
        Metric::Orders => "cm-ab-metric-orders",
        Metric::Revenue => "cm-ab-metric-revenue",
        Metric::Opens => "cm-ab-metric-opens",
    }
}

/// The catalogue key of how an A/B test's winner was chosen (as the API names it).
pub(super) fn decision_key(d: &str) -> &'static str {
    match d {
        "automatic" => "cm-ab-decision-automatic",
        "too_few_to_tell" => "cm-ab-decision-too-few",
        _ => "cm-ab-decision-manual",
    }
}

/// An A/B test's section of the report: each variant's figures in words and numbers of the
/// staff member's language, and a bar chart of the rates with their credible intervals.
fn ab_context(ab: &crate::sending::abtest::AbReport, ui: &'static Language) -> Value {
    use crate::sending::abtest::Metric;
    let unit = if ab.metric == Metric::Revenue { Unit::Money } else { Unit::Percent };
    let say = |key: &str, pairs: &[(&str, String)]| super::campaigns::say(ui, key, pairs);
    let rows: Vec<Value> = ab
        .variants
        .iter()
        .map(|v| {
            context! {
                variant => v.variant, subject => v.subject, recipients => v.recipients, delivered => v.delivered,
                events => v.events, orders => v.orders, revenue_cents => v.revenue_cents,
                rate => v.rate.map(|r| unit.format(r, ui)),
                interval => say("cm-ab-interval", &[("low", unit.format(v.estimate.low, ui)), ("high", unit.format(v.estimate.high, ui))]),
                p_best => Unit::Percent.format(v.estimate.p_best, ui),
                winner => ab.winner.as_deref() == Some(v.variant.as_str()),
            }
        })
        .collect();
    let labels: Vec<String> =
        ab.variants.iter().map(|v| say("cm-ab-variant", &[("letter", v.variant.clone())])).collect();
    let long: Vec<String> = ab
        .variants
        .iter()
        .map(|v| format!("{} · {}", say("cm-ab-variant", &[("letter", v.variant.clone())]), v.subject))
        .collect();
    let metric = ui.text(metric_key(ab.metric), None);
    let chart = Chart::new(
        "report-ab",
        &say("cm-ab-chart", &[("metric", metric.clone())]),
        Kind::Bar,
        unit,
        &ui.text("cm-ab-axis", None),
        labels,
    )
    .language(ui)
    .long_labels(long)
    .series(Series::sparse(&metric, ab.variants.iter().map(|v| v.rate).collect()))
    .intervals(ab.variants.iter().map(|v| Some((v.estimate.low, v.estimate.high))).collect())
    .size(480.0, 200.0)
    .view();
    context! {
        rows => rows, chart => chart, metric => metric, unreliable => ab.metric_unreliable,
        revenue => ab.metric == Metric::Revenue, enough => ab.enough,
        min_recipients => ab.min_recipients, min_events => ab.min_events,
        rest => ab.rest_recipients, percent => ab.test_percent, decide_at => ab.decide_at,
        winner => ab.winner, decision => ab.decision.map(decision_key),
        leading => ab.leading,
    }
}

/// A campaign's state as the admin catalogue names it, for the report's heading and rows.
fn with_state_label(mut info: CampaignInfo, ui: &Language) -> CampaignInfo {
    if let Some(s) = CampaignState::ALL.into_iter().find(|s| s.as_str() == info.state) {
        info.state_label = ui.text(super::campaigns::state_key(s), None);
    }
    info
}

pub async fn index(state: web::Data<AppState>, g: Guard<perm::ViewReports>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let ui = super::ui_language(&state, &g);
    let rows = blocking(move || reports::recent(&st, COMPARED).map_err(ApiError::from)).await?;
    let rows: Vec<Summary> =
        rows.into_iter().map(|s| Summary { campaign: with_state_label(s.campaign, ui), ..s }).collect();
    let chart = (!rows.is_empty()).then(|| comparison_chart("compare-rates", &rows, 640.0, ui));
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
    let ui = super::ui_language(&state, &g);
    let (mut report, mut recent, audience) = blocking(move || -> Result<_, ApiError> {
        let r = reports::campaign(&st, &id, Utc::now())?.ok_or(ApiError::not_found("campaign"))?;
        let audience = match st.sending.campaigns.get(&id)? {
            Some(c) => Some(super::campaigns::audience_line(&st, &c, ui)?),
            None => None,
        };
        Ok((r, reports::recent(&st, COMPARED)?, audience))
    })
    .await?;
    // This campaign among the ones it is compared with, even when it is older than those.
    if report.campaign.started_at.is_some() && !recent.iter().any(|s| s.campaign.id == report.campaign.id) {
        recent.push(Summary { campaign: report.campaign.clone(), figures: report.figures.clone() });
    }
    report.campaign = with_state_label(report.campaign, ui);
    let recent: Vec<Summary> =
        recent.into_iter().map(|s| Summary { campaign: with_state_label(s.campaign, ui), ..s }).collect();
    let timeline = (!report.timeline.points.is_empty()).then(|| timeline_chart(&report.timeline, ui));
    let ab = report.ab.as_ref().map(|ab| ab_context(ab, ui));
    let compare = (recent.len() > 1).then(|| comparison_chart("report-compare", &recent, 640.0, ui));
    page(
        &state,
        &g,
        "report.html",
        if g.can(Permission::SendCampaigns) { "campaigns" } else { "reports" },
        context! { r => report, timeline => timeline, recent => recent, compare => compare, audience => audience, ab => ab },
    )
}

/// The dashboard's section: list growth and engagement over the last [`DASHBOARD_DAYS`] days,
/// or nothing for a role without reports.
pub fn dashboard_section(state: &AppState, g: &Principal, now: DateTime<Utc>) -> Result<Option<Value>, ApiError> {
    if !g.can(Permission::ViewReports) {
        return Ok(None);
    }
    let o = reports::overview(state, DASHBOARD_DAYS, now)?;
    Ok(Some(dashboard_context(&o, super::ui_language(state, g))))
}

fn dashboard_context(o: &Overview, ui: &'static Language) -> Value {
    let labels: Vec<String> = o.engagement.iter().map(|d| day_label(d.day, ui)).collect();
    let long: Vec<String> = o.engagement.iter().map(|d| day_long(d.day, ui)).collect();
    let chart = |id: &str, title: &str, kind: Kind, unit: Unit| {
        Chart::new(id, &ui.text(title, None), kind, unit, &ui.text("cm-axis-day", None), labels.clone())
            .language(ui)
            .long_labels(long.clone())
            .size(480.0, 200.0)
    };
    let counts = |f: fn(&reports::DayCounts) -> u64| o.engagement.iter().map(|d| Some(f(d) as f64)).collect();
    let growth = chart("dash-growth", "cm-chart-growth", Kind::Line, Unit::Count)
        .series(series(
            ui,
            "cm-series-subscribed",
            "cm-series-subscribed.tip",
            o.growth.iter().map(|g| g.subscribed.map(|v| v as f64)).collect(),
        ))
        .series(series(
            ui,
            "cm-series-contacts",
            "cm-series-contacts.tip",
            o.growth.iter().map(|g| g.contacts.map(|v| v as f64)).collect(),
        ))
        .view();
    let email = chart("dash-email", "cm-chart-opens-clicks-day", Kind::Line, Unit::Count)
        .series(series(ui, "cm-series-opens", "cm-series-opens.tip", counts(|d| d.counts.opens)))
        .series(series(ui, "cm-series-clicks", "cm-series-clicks.tip", counts(|d| d.counts.clicks)))
        .view();
    let site = chart("dash-site", "cm-chart-page-views", Kind::Line, Unit::Count)
        .series(series(ui, "cm-series-page-views", "cm-series-page-views.tip", counts(|d| d.counts.page_views)))
        .view();
    let orders = chart("dash-orders", "cm-chart-orders", Kind::Bar, Unit::Count)
        .series(series(ui, "cm-series-orders", "cm-series-orders.tip", counts(|d| d.counts.orders)))
        .view();
    let snapshots = o.growth.iter().filter(|g| g.subscribed.is_some()).count();
    context! {
        days => o.days, totals => o.totals, now => o.now, subscribed_change => o.subscribed_change,
        snapshots => snapshots, growth => growth, email => email, site => site, orders => orders,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date patterns of every admin language format (a broken one would panic in chrono).
    #[test]
    fn every_language_writes_the_charts_days_and_hours() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        for ui in crate::i18n::admin_catalogue().languages() {
            assert!(!day_label(d, ui).is_empty());
            assert!(!day_long(d, ui).is_empty());
            let hour = d.and_hms_opt(9, 0, 0).unwrap().and_utc();
            assert!(!hour.format_localized(&ui.text("cm-chart-hour", None), locale(ui)).to_string().is_empty());
        }
        let de = crate::i18n::admin_catalogue().get("de");
        assert_eq!((day_label(d, de), day_long(d, de)), ("2. Mär".to_string(), "Mo, 2. Mär 2026".to_string()));
        let en = crate::i18n::admin_catalogue().get("en");
        assert_eq!((day_label(d, en), day_long(d, en)), ("02 Mar".to_string(), "Mon 02 Mar 2026".to_string()));
    }
}
