//! Retention through the API: the rules and periods, a dry run (counts, no changes), a run, and
//! the periods the DPO sets. Everything here needs `manage_gdpr`.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde_json::json;

use crate::gdpr::retention::{self, PolicyInput};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/retention", web::get().to(get))
        .route("/retention/dry-run", web::get().to(dry_run))
        .route("/retention/run", web::post().to(run))
        .route("/retention/policy", web::put().to(put_policy));
}

/// The rules with their periods (no counts: that is the dry run's work) and the policy.
async fn get(state: web::Data<AppState>, g: Guard<perm::ManageGdpr>) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let (rules, policy) = blocking(move || -> Result<_, ApiError> {
        Ok((retention::rules(&st, by, Utc::now())?, st.gdpr.retention.policy()?))
    })
    .await?;
    let rules: Vec<_> = rules
        .iter()
        .map(|r| {
            json!({"key": r.key, "title": r.title, "category": r.category, "days": r.days, "set_in": r.set_in,
                   "action": r.action, "cutoff": r.cutoff})
        })
        .collect();
    Ok(HttpResponse::Ok().json(json!({ "rules": rules, "policy": policy })))
}

async fn dry_run(state: web::Data<AppState>, g: Guard<perm::ManageGdpr>) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let report = blocking(move || retention::dry_run(&st, by, Utc::now()).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(report))
}

async fn run(state: web::Data<AppState>, g: Guard<perm::ManageGdpr>) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let report = blocking(move || retention::run(&st, by, Utc::now()).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(report))
}

async fn put_policy(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    body: web::Json<PolicyInput>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let input = body.into_inner();
    let policy = blocking(move || retention::save_policy(&st, by, &input).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "policy": policy })))
}
