//! Segments through the API: define, change, remove, stop a build, try a filter, list the
//! members, and a contact's segments with why. The filter is the JSON of
//! `domain::segment` (the builder in the admin sends the same).

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::contacts::bad_param;
use crate::contacts::viewer::Viewer;
use crate::domain::segment::{Observed, Outcome, Scalar};
use crate::domain::{ContactId, SegmentId};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::segments::ops::{self, SegmentInput};
use crate::segments::{Build, Segment};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/segments", web::get().to(list))
        .route("/segments", web::post().to(create))
        .route("/segments/preview", web::post().to(preview))
        .route("/segments/{id}", web::get().to(get))
        .route("/segments/{id}", web::put().to(update))
        .route("/segments/{id}", web::delete().to(delete))
        .route("/segments/{id}/cancel", web::post().to(cancel))
        .route("/segments/{id}/members", web::get().to(members))
        .route("/contacts/{id}/segments", web::get().to(of_contact));
}

fn segment_id(raw: &str) -> Result<SegmentId, ApiError> {
    raw.parse().map_err(|_| bad_param("id", "is not a segment id"))
}

pub fn build_json(b: &Build) -> Value {
    match b {
        Build::Queued => json!({ "state": "queued" }),
        Build::Running { done, total, started } => {
            json!({ "state": "running", "done": done, "total": total, "started": started })
        }
        Build::Ready { at, took_ms } => json!({ "state": "ready", "at": at, "took_ms": took_ms }),
        Build::Cancelled { at, done } => json!({ "state": "cancelled", "at": at, "done": done }),
        Build::Failed { at, error } => json!({ "state": "failed", "at": at, "error": error }),
    }
}

/// A segment with its size (null until it is built: a size then would be wrong).
fn segment_json(state: &AppState, s: &Segment) -> Result<Value, ApiError> {
    let size = if s.build.is_ready() { Some(state.segments.segments().size(&s.id)?) } else { None };
    let filter: Value = serde_json::from_str(&s.filter).unwrap_or(Value::Null);
    Ok(json!({
        "id": s.id.to_string(), "name": s.name, "description": s.description, "filter": filter,
        "version": s.version, "size": size, "build": build_json(&s.build),
        "created_at": s.created_at, "updated_at": s.updated_at,
    }))
}

async fn list(state: web::Data<AppState>, _g: Guard<perm::ViewContacts>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let out = blocking(move || -> Result<Value, ApiError> {
        let all = st.segments.segments().all()?;
        let list = all.iter().map(|s| segment_json(&st, s)).collect::<Result<Vec<_>, _>>()?;
        Ok(json!({ "segments": list }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

#[derive(Deserialize)]
struct Body {
    name: Option<String>,
    description: Option<String>,
    filter: Option<Value>,
}

impl From<Body> for SegmentInput {
    fn from(b: Body) -> Self {
        SegmentInput { name: b.name, description: b.description, filter: b.filter }
    }
}

async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, input) = (state.clone(), g.by(), SegmentInput::from(body.into_inner()));
    let out = blocking(move || -> Result<Value, ApiError> {
        let s = ops::create(&st, by, &input)?;
        Ok(json!({ "segment": segment_json(&st, &s)? }))
    })
    .await?;
    Ok(HttpResponse::Created().json(out))
}

async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    let (st, by, input) = (state.clone(), g.by(), SegmentInput::from(body.into_inner()));
    let out = blocking(move || -> Result<Value, ApiError> {
        let s = ops::update(&st, by, &id, &input)?;
        Ok(json!({ "segment": segment_json(&st, &s)? }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn get(
    state: web::Data<AppState>,
    _g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    let st = state.clone();
    let out = blocking(move || -> Result<Value, ApiError> {
        let repo = st.segments.segments();
        let s = repo.get(&id)?.ok_or(crate::ops::OpError::NotFound("segment"))?;
        let today = st.settings.get()?.today(Utc::now());
        let growth = repo.growth(&id, 30, today)?;
        Ok(json!({ "segment": segment_json(&st, &s)?, "growth": growth }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || ops::delete(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn cancel(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let out = blocking(move || -> Result<Value, ApiError> {
        let s = ops::cancel(&st, by, &id)?;
        Ok(json!({ "segment": segment_json(&st, &s)? }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

#[derive(Deserialize)]
struct PreviewBody {
    filter: Value,
}

async fn preview(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    body: web::Json<PreviewBody>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, viewer, filter) = (state.clone(), g.by(), g.viewer(), body.into_inner().filter);
    let out = blocking(move || -> Result<Value, ApiError> {
        let p = ops::preview(&st, by, &filter)?;
        let sample = sample_json(&st, &p.sample, viewer)?;
        Ok(json!({
            "matched": p.matched, "examined": p.examined, "total": p.total, "complete": p.complete, "sample": sample,
        }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Contacts as a list shows them: id, the address as the caller may see it, the name.
fn sample_json(state: &AppState, ids: &[ContactId], viewer: Viewer) -> Result<Vec<Value>, ApiError> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(c) = state.contacts.get(id)? {
            let c = viewer.contact(c);
            out.push(json!({ "id": id.to_string(), "email": c.email.as_str(), "first_name": c.first_name, "last_name": c.last_name }));
        }
    }
    Ok(out)
}

async fn members(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    let q = web::Query::<std::collections::HashMap<String, String>>::from_query(req.query_string())
        .map_err(|_| bad_param("query", "is not a query string"))?;
    let limit = match q.get("limit") {
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=1_000).contains(n))
            .ok_or_else(|| bad_param("limit", "a number from 1 to 1000"))?,
        None => 100,
    };
    let after = match q.get("after") {
        Some(a) => Some(a.parse::<ContactId>().map_err(|_| bad_param("after", "is not a contact id"))?),
        None => None,
    };
    let (st, viewer) = (state.clone(), g.viewer());
    let out = blocking(move || -> Result<Value, ApiError> {
        let repo = st.segments.segments();
        let s = repo.get(&id)?.ok_or(crate::ops::OpError::NotFound("segment"))?;
        let ids = repo.members(&id, after.as_ref(), limit)?;
        let next = (ids.len() == limit).then(|| ids.last().map(|c| c.to_string())).flatten();
        let size = if s.build.is_ready() { Some(repo.size(&id)?) } else { None };
        Ok(json!({ "contacts": sample_json(&st, &ids, viewer)?, "size": size, "next": next }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// What a condition saw, as JSON (values of the person's profile only for who may see them).
fn observed_json(o: &Observed, personal: bool, viewer: Viewer) -> Value {
    match o {
        Observed::Count { n, last } => json!({ "count": n, "last": last }),
        Observed::Value(_) if personal && !viewer.sees_personal_data() => json!({ "value": null, "masked": true }),
        Observed::Value(None) => json!({ "value": null }),
        Observed::Value(Some(v)) => json!({ "value": match v {
            Scalar::Text(s) => json!(s),
            Scalar::Number(n) => json!(n),
            Scalar::Time(t) => json!(t),
            Scalar::Day(d) => json!(d.to_string()),
            Scalar::Bool(b) => json!(b),
            Scalar::Many(m) => json!(m),
        } }),
    }
}

pub fn why_json(o: &Outcome, viewer: Viewer) -> Value {
    let why: Vec<Value> = o
        .why
        .iter()
        .map(|w| {
            let personal = w.condition.sees_profile();
            json!({ "path": w.path, "condition": w.condition.to_json(), "matched": w.matched, "observed": observed_json(&w.observed, personal, viewer) })
        })
        .collect();
    json!({ "matched": o.matched, "conditions": why, "next_change": o.next_flip })
}

async fn of_contact(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id: ContactId = path.parse().map_err(|_| bad_param("id", "is not a contact id"))?;
    let (st, by, viewer) = (state.clone(), g.by(), g.viewer());
    let out = blocking(move || -> Result<Value, ApiError> {
        st.contacts.get(&id)?.ok_or(crate::ops::OpError::NotFound("contact"))?;
        let list = ops::of_contact(&st, by, &id)?;
        let segments: Vec<Value> = list
            .iter()
            .map(|m| {
                json!({ "id": m.segment.id.to_string(), "name": m.segment.name, "since": m.since,
                        "why": m.why.as_ref().map(|o| why_json(o, viewer)) })
            })
            .collect();
        let log: Vec<Value> = st
            .segments
            .segments()
            .log_of(&id)?
            .iter()
            .map(
                |t| json!({ "segment": t.segment.to_string(), "entered": t.entered, "at": t.at, "version": t.version }),
            )
            .collect();
        Ok(json!({ "segments": segments, "log": log }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}
