//! Reports as JSON (permission `view_reports`; aggregates only, so analysts' masking has
//! nothing to hide here):
//!
//! - `GET /api/v1/campaigns/{id}/report`: one campaign's delivery, engagement, rates,
//!   unsubscribes, complaints, attributed orders, opens and clicks over time, links by clicks;
//! - `GET /api/v1/reports/campaigns?limit=10`: the same figures for the campaigns that started
//!   most recently (1 to 100), newest first;
//! - `GET /api/v1/reports/overview?days=30`: site-wide opens, clicks, page views and orders per
//!   day, and list size per day (1 to 366 days, UTC days ending today).

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::json;

use crate::domain::CampaignId;
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::reports;
use crate::state::{blocking, AppState};

pub const MAX_LIMIT: u32 = 100;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/campaigns/{id}/report", web::get().to(campaign))
        .route("/reports/campaigns", web::get().to(recent))
        .route("/reports/overview", web::get().to(overview));
}

/// A whole number from the query string within `range`, or `default` when absent.
fn number(field: &str, raw: Option<&str>, default: u32, range: std::ops::RangeInclusive<u32>) -> Result<u32, ApiError> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(default) };
    match raw.parse::<u32>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(ApiError::invalid(field, format!("must be a whole number from {} to {}", range.start(), range.end()))),
    }
}

async fn campaign(
    state: web::Data<AppState>,
    _g: Guard<perm::ViewReports>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id: CampaignId = path.parse().map_err(|_| ApiError::not_found("campaign"))?;
    let st = state.clone();
    let r = blocking(move || reports::campaign(&st, &id, Utc::now()).map_err(ApiError::from))
        .await?
        .ok_or(ApiError::not_found("campaign"))?;
    Ok(HttpResponse::Ok().json(json!({ "report": r })))
}

#[derive(Deserialize)]
struct RecentQuery {
    limit: Option<String>,
}

async fn recent(
    state: web::Data<AppState>,
    _g: Guard<perm::ViewReports>,
    q: web::Query<RecentQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = number("limit", q.limit.as_deref(), 10, 1..=MAX_LIMIT)?;
    let st = state.clone();
    let rows = blocking(move || reports::recent(&st, limit as usize).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "campaigns": rows })))
}

#[derive(Deserialize)]
struct OverviewQuery {
    days: Option<String>,
}

async fn overview(
    state: web::Data<AppState>,
    _g: Guard<perm::ViewReports>,
    q: web::Query<OverviewQuery>,
) -> Result<HttpResponse, ApiError> {
    let days = number("days", q.days.as_deref(), 30, 1..=reports::overview::MAX_DAYS)?;
    let st = state.clone();
    let o = blocking(move || reports::overview(&st, days, Utc::now()).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "overview": o })))
}
