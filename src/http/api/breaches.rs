//! The breach assistant through the API: record a breach, read its counts, deadline and drafts,
//! change it (notified, closed, notice text), give the notice in other languages, count again,
//! queue the notice to the people concerned. Everything here needs `manage_gdpr`.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::BreachId;
use crate::gdpr::breaches::{self, Breach, BreachInput, BreachUpdate, NoticeInput, NoticeVersions};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/breaches", web::get().to(list))
        .route("/breaches", web::post().to(create))
        .route("/breaches/{id}", web::get().to(get))
        .route("/breaches/{id}", web::patch().to(update))
        .route("/breaches/{id}/assess", web::post().to(assess))
        .route("/breaches/{id}/notice", web::post().to(notice))
        .route("/breaches/{id}/notice/{language}", web::put().to(put_notice_version))
        .route("/breaches/{id}/notice/{language}", web::delete().to(delete_notice_version));
}

fn breach_id(raw: &str) -> Result<BreachId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("breach"))
}

/// A breach with where it stands against its 72 hours, and its notice in other languages.
pub fn view(b: &Breach, versions: &NoticeVersions) -> Value {
    let now = Utc::now();
    let mut v = serde_json::to_value(b).unwrap_or(Value::Null);
    v["deadline_at"] = json!(b.deadline());
    v["deadline"] = json!(b.deadline_state(now));
    v["minutes_left"] = json!((b.deadline() - now).num_minutes());
    v["reported_late"] = json!(b.reported_late());
    v["notice_versions"] = json!(versions);
    v
}

/// [`view`] with the versions as stored.
fn stored_view(state: &AppState, b: &Breach) -> Result<Value, ApiError> {
    Ok(view(b, &state.gdpr.breaches.notice_versions(&b.id)?))
}

async fn list(state: web::Data<AppState>, _g: Guard<perm::ManageGdpr>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let all = blocking(move || -> Result<Vec<Value>, ApiError> {
        st.gdpr.breaches.all()?.iter().map(|b| stored_view(&st, b)).collect()
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({ "breaches": all })))
}

async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    body: web::Json<BreachInput>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let b = blocking(move || breaches::record(&st, by, &body).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Created().json(view(&b, &NoticeVersions::new())))
}

async fn get(
    state: web::Data<AppState>,
    _g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = breach_id(&id)?;
    let st = state.clone();
    let v = blocking(move || -> Result<Value, ApiError> {
        let b = breaches::get(&st, &id)?;
        let mut v = stored_view(&st, &b)?;
        let english = crate::i18n::admin_catalogue().source();
        v["notification_draft"] = json!(breaches::notification(&st, &b, Utc::now(), english));
        Ok(v)
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    body: web::Json<BreachUpdate>,
) -> Result<HttpResponse, ApiError> {
    let id = breach_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || -> Result<Value, ApiError> { stored_view(&st, &breaches::update(&st, by, &id, &body)?) })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn assess(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = breach_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    let v =
        blocking(move || -> Result<Value, ApiError> { stored_view(&st, &breaches::reassess(&st, by, &id)?) }).await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Deserialize)]
struct NoticeBody {
    /// Must be "send": mail to many people cannot be called back.
    confirm: Option<String>,
}

async fn notice(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    body: web::Json<NoticeBody>,
) -> Result<HttpResponse, ApiError> {
    let id = breach_id(&id)?;
    if body.confirm.as_deref() != Some("send") {
        return Err(ApiError::invalid(
            "confirm",
            "send {\"confirm\": \"send\"}: the notice goes to everyone concerned",
        ));
    }
    let (st, by) = (state.clone().into_inner(), g.by());
    let n = blocking(move || breaches::queue_notice(st, by, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Accepted().json(json!({ "queued": true, "recipients": n })))
}

/// `PUT /breaches/{id}/notice/{language}` `{subject, body}`: the notice in that language (a
/// language Tidings ships), for everyone whose language it is. Until the notice is queued.
async fn put_notice_version(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    path: web::Path<(String, String)>,
    body: web::Json<NoticeInput>,
) -> Result<HttpResponse, ApiError> {
    let (raw, language) = path.into_inner();
    let id = breach_id(&raw)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || -> Result<Value, ApiError> {
        let versions = breaches::set_notice_version(&st, by, &id, &language, &body)?;
        Ok(view(&breaches::get(&st, &id)?, &versions))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// `DELETE /breaches/{id}/notice/{language}`: its readers get the shop's language's version,
/// or the notice's own text.
async fn delete_notice_version(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (raw, language) = path.into_inner();
    let id = breach_id(&raw)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || -> Result<Value, ApiError> {
        let versions = breaches::remove_notice_version(&st, by, &id, &language)?;
        Ok(view(&breaches::get(&st, &id)?, &versions))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}
