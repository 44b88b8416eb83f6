//! Lead scoring through the API: the models (`domain::score`'s JSON, the same the admin form
//! sends) and a contact's scores with their breakdown.

use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::contacts::bad_param;
use crate::contacts::viewer::Viewer;
use crate::domain::score::{valid_key, Breakdown, Model, On};
use crate::domain::ContactId;
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::scoring::ops;
use crate::state::{blocking, AppState};

/// A model's JSON body is refused beyond this (the model itself is checked against
/// `ops::MODEL_MAX` once read).
const BODY_LIMIT: usize = 128 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    let json = || web::JsonConfig::default().limit(BODY_LIMIT).error_handler(crate::http::error::json_error);
    cfg.service(
        web::resource("/scoring/models").app_data(json()).route(web::get().to(list)).route(web::post().to(create)),
    )
    .service(
        web::resource("/scoring/models/{key}")
            .app_data(json())
            .route(web::get().to(get))
            .route(web::put().to(update))
            .route(web::delete().to(delete)),
    )
    .route("/contacts/{id}/score", web::get().to(of_contact));
}

/// A key from the address: an unknown spelling is a model that does not exist.
fn key(raw: &str) -> Result<String, ApiError> {
    if valid_key(raw) {
        Ok(raw.to_string())
    } else {
        Err(crate::ops::OpError::NotFound("scoring model").into())
    }
}

pub fn model_json(m: &Model) -> Value {
    let mut v = m.to_json();
    v["description"] = json!(m.describe());
    v
}

/// Whether a field rule reads a value of the person's own (masked for who may not see it):
/// everything but the record's workflow fields.
pub fn personal_field(field: &str) -> bool {
    !matches!(field, "status" | "source" | "tags" | "lists" | "created_at" | "updated_at" | "locale" | "time_zone")
}

/// A contact's score in one model: the total, and per rule how many events counted, their
/// points before and after decay. For a viewer who does not see personal data, a field rule
/// over a personal field says neither whether it matched nor its points (its part of the total
/// stays in the total).
pub fn breakdown_json(m: &Model, b: Option<&Breakdown>, viewer: Viewer) -> Value {
    let Some(b) = b else {
        return json!({ "model": m.key, "name": m.name, "score": null, "objected": true, "rules": [] });
    };
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let rules: Vec<Value> = b
        .parts
        .iter()
        .map(|p| {
            let rule = &m.rules[p.rule];
            let mut v = json!({ "rule": p.rule, "on": rule.to_json(), "description": rule.describe() });
            let masked =
                matches!(&rule.on, On::Field { field, .. } if personal_field(field)) && !viewer.sees_personal_data();
            if masked {
                v["masked"] = json!(true);
            } else {
                v["counted"] = json!(p.counted);
                v["capped"] = json!(p.capped);
                v["raw"] = json!(round(p.raw));
                v["points"] = json!(round(p.decayed));
                v["decayed_away"] = json!(round(p.raw - p.decayed));
            }
            v
        })
        .collect();
    json!({
        "model": m.key, "name": m.name, "score": round(b.total), "exact": b.total, "objected": false,
        "half_life_days": b.half_life_days, "next_change": b.next_change, "rules": rules,
    })
}

async fn list(state: web::Data<AppState>, g: Guard<perm::ViewContacts>) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let out = blocking(move || -> Result<Value, ApiError> {
        let models = ops::list(&st, by)?;
        Ok(json!({ "models": models.iter().map(model_json).collect::<Vec<_>>() }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, v) = (state.clone(), g.by(), body.into_inner());
    let out =
        blocking(move || -> Result<Value, ApiError> { Ok(json!({ "model": model_json(&ops::create(&st, by, &v)?) })) })
            .await?;
    Ok(HttpResponse::Created().json(out))
}

async fn get(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, key) = (state.clone(), g.by(), key(&path)?);
    let out =
        blocking(move || -> Result<Value, ApiError> { Ok(json!({ "model": model_json(&ops::get(&st, by, &key)?) })) })
            .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, key, v) = (state.clone(), g.by(), key(&path)?, body.into_inner());
    let out = blocking(move || -> Result<Value, ApiError> {
        Ok(json!({ "model": model_json(&ops::update(&st, by, &key, &v)?) }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, key) = (state.clone(), g.by(), key(&path)?);
    blocking(move || ops::delete(&st, by, &key).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
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
        let Some(scores) = ops::explain(&st, by, &id)? else {
            return Ok(json!({ "contact": id.to_string(), "restricted": true, "scores": [] }));
        };
        let scores: Vec<Value> = scores.iter().map(|(m, b)| breakdown_json(m, b.as_ref(), viewer)).collect();
        Ok(json!({ "contact": id.to_string(), "restricted": false, "scores": scores }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}
