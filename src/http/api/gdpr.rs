//! Data-subject requests and the rights they carry: `/api/v1/requests…`, the access archive,
//! erasure, restriction and withdrawal. Everything here needs `manage_gdpr`.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::{ContactId, RequestId};
use crate::gdpr::erasure::Mode;
use crate::gdpr::ops::{self, NewRequest, RequestUpdate};
use crate::gdpr::{Request, State, Urgency};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/requests", web::get().to(list))
        .route("/requests", web::post().to(create))
        .route("/requests/{id}", web::get().to(get))
        .route("/requests/{id}", web::patch().to(update))
        .route("/requests/{id}/archive", web::post().to(archive))
        .route("/requests/{id}/erase", web::post().to(erase))
        .route("/requests/{id}/withdraw", web::post().to(withdraw))
        .route("/records-of-processing", web::get().to(records))
        .route("/contacts/{id}/archive", web::get().to(contact_archive))
        .route("/contacts/{id}/restriction", web::get().to(get_restriction))
        .route("/contacts/{id}/restriction", web::put().to(restrict))
        .route("/contacts/{id}/restriction", web::delete().to(lift));
}

fn request_id(raw: &str) -> Result<RequestId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("request"))
}

fn contact_id(raw: &str) -> Result<ContactId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("contact"))
}

/// A request as the API shows it; the extension reason opened with the person's key.
pub fn view(r: &Request, store: &crate::store::Store) -> Result<Value, ApiError> {
    let now = Utc::now();
    let extension_reason = r.extension_reason_text(store)?;
    Ok(json!({
        "id": r.id, "kind": r.kind, "channel": r.channel, "contact_id": r.contact,
        "subject_erased": r.subject_erased, "received_at": r.received_at, "due_at": r.due_at,
        "extension_reason": extension_reason, "verification": r.verification, "assignee": r.assignee,
        "state": r.state, "urgency": r.urgency(now), "closed_at": r.closed_at, "steps": r.steps,
        "notify_outcome": r.notify_outcome,
    }))
}

#[derive(Deserialize)]
struct ListParams {
    state: Option<String>,
    urgency: Option<String>,
}

async fn list(
    state: web::Data<AppState>,
    _g: Guard<perm::ManageGdpr>,
    q: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let want_state = match q.state.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(State::parse(s).ok_or_else(|| ApiError::invalid("state", "use open, done or refused"))?),
    };
    let want_urgency = match q.urgency.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some("overdue") => Some(Urgency::Overdue),
        Some("nearly_due") => Some(Urgency::NearlyDue),
        Some(_) => return Err(ApiError::invalid("urgency", "use overdue or nearly_due")),
    };
    let st = state.clone();
    let all = blocking(move || st.gdpr.requests.all()).await?;
    let now = Utc::now();
    let out: Vec<Value> = all
        .iter()
        .filter(|r| want_state.is_none_or(|s| r.state == s))
        .filter(|r| want_urgency.is_none_or(|u| r.urgency(now) == u))
        .map(|r| view(r, &state.store))
        .collect::<Result<_, _>>()?;
    Ok(HttpResponse::Ok().json(json!({ "requests": out })))
}

async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    body: web::Json<NewRequest>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || view(&ops::create_request(&st, by, &body)?, &st.store)).await?;
    Ok(HttpResponse::Created().json(v))
}

async fn get(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    let viewer = g.viewer();
    let st = state.clone();
    let v = blocking(move || -> Result<Value, ApiError> {
        let r = ops::get_request(&st, &id)?;
        let mut v = view(&r, &st.store)?;
        if viewer.sees_personal_data() {
            v["details"] = json!(st.gdpr.requests.details(&r)?);
        }
        Ok(v)
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    body: web::Json<RequestUpdate>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || view(&ops::update_request(&st, by, &id, &body)?, &st.store)).await?;
    Ok(HttpResponse::Ok().json(v))
}

fn zip_response(a: crate::gdpr::archive::Archive) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", a.file_name)))
        .body(a.bytes)
}

async fn archive(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    let a = blocking(move || {
        let r = ops::get_request(&st, &id)?;
        let contact = r
            .contact
            .ok_or_else(|| ApiError::from(crate::ops::OpError::Conflict("This request names no contact.".into())))?;
        ops::produce_archive(&st, by, Some(&id), &contact).map_err(ApiError::from)
    })
    .await?;
    Ok(zip_response(a))
}

async fn contact_archive(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    let a = blocking(move || ops::produce_archive(&st, by, None, &id).map_err(ApiError::from)).await?;
    Ok(zip_response(a))
}

#[derive(Deserialize)]
struct EraseBody {
    /// Must be "erase": an API caller says what it means.
    confirm: Option<String>,
    /// "erase" (the default: the person's part of campaign totals goes too) or "anonymise"
    /// (the totals stay as they are).
    mode: Option<String>,
}

async fn erase(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    body: web::Json<EraseBody>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    if body.confirm.as_deref() != Some("erase") {
        return Err(ApiError::invalid("confirm", "send {\"confirm\": \"erase\"}: erasure cannot be undone"));
    }
    let mode = Mode::parse(body.mode.as_deref().unwrap_or(""))
        .ok_or_else(|| ApiError::invalid("mode", "use erase (the default) or anonymise"))?;
    let (st, by) = (state.clone(), g.by());
    let removed = blocking(move || ops::erase(&st, by, &id, mode).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "erased": true, "mode": mode, "records_removed": removed })))
}

#[derive(Deserialize, Default)]
struct WithdrawBody {
    #[serde(default)]
    purposes: Vec<String>,
}

async fn withdraw(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    body: web::Json<WithdrawBody>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    let purposes = body.into_inner().purposes;
    let done = blocking(move || ops::withdraw(&st, by, &id, &purposes).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "withdrawn": done })))
}

async fn get_restriction(
    state: web::Data<AppState>,
    _g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let st = state.clone();
    let r = blocking(move || st.gdpr.restrictions.get(&id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "restricted": r.is_some(), "restriction": r })))
}

#[derive(Deserialize)]
struct RestrictBody {
    reason: String,
    request_id: Option<String>,
}

async fn restrict(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    body: web::Json<RestrictBody>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let request = match body.request_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(r) => Some(r.parse::<RequestId>().map_err(|_| ApiError::invalid("request_id", "is not a request id"))?),
        None => None,
    };
    let (st, by) = (state.clone(), g.by());
    let reason = body.reason.clone();
    let r = blocking(move || ops::restrict(&st, by, &id, &reason, request.as_ref()).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "restricted": true, "restriction": r })))
}

async fn lift(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || ops::lift_restriction(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "restricted": false })))
}

async fn records(state: web::Data<AppState>, _g: Guard<perm::ManageGdpr>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let doc = blocking(move || {
        let english = crate::i18n::admin_catalogue().source();
        crate::gdpr::records::build(&st, english, &|m| m.describe()).map_err(|e| ApiError::internal(format!("{e:#}")))
    })
    .await?;
    Ok(HttpResponse::Ok().json(doc))
}
