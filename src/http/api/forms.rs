//! Subscribe forms under `/api/v1/forms`.

use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use crate::forms::ops::{self as fops, FormInput};
use crate::forms::{Form, FormId};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/forms", web::get().to(list))
        .route("/forms", web::post().to(create))
        .route("/forms/{id}", web::get().to(get))
        .route("/forms/{id}", web::patch().to(update))
        .route("/forms/{id}", web::delete().to(delete))
        .route("/forms/{id}/languages", web::put().to(put_languages));
}

fn form_id(raw: &str) -> Result<FormId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("form"))
}

fn view(state: &AppState, f: &Form) -> Result<Value, ApiError> {
    let mut v = f.to_json(&state.forms.counts(&f.id)?, &state.config.public_url());
    v["snippet"] = crate::http::pages::form_snippet(state, f)?.into();
    let l = state.forms.languages.get(&f.id)?;
    v["language"] = json!(l.language);
    v["translations"] = json!(l.texts);
    Ok(v)
}

/// `PUT /forms/{id}/languages` `{language, texts: {de: {title, intro, thank_you}}}`: replaces
/// the form's own language and its texts per language.
async fn put_languages(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<fops::LanguagesInput>,
) -> Result<HttpResponse, ApiError> {
    let id = form_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || {
        fops::set_languages(&st, by, &id, &body)?;
        view(&st, &fops::get(&st, &id)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({ "form": v })))
}

async fn list(state: web::Data<AppState>, _g: Guard<perm::SendCampaigns>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let v = blocking(move || -> Result<Value, ApiError> {
        let items = st.forms.all()?.iter().map(|f| view(&st, f)).collect::<Result<Vec<_>, _>>()?;
        Ok(json!({ "forms": items }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    body: web::Json<FormInput>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || view(&st, &fops::create(&st, by, &body)?)).await?;
    Ok(HttpResponse::Created().json(json!({ "form": v })))
}

async fn get(
    state: web::Data<AppState>,
    _g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = form_id(&path)?;
    let st = state.clone();
    let v = blocking(move || view(&st, &fops::get(&st, &id)?)).await?;
    Ok(HttpResponse::Ok().json(json!({ "form": v })))
}

async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<FormInput>,
) -> Result<HttpResponse, ApiError> {
    let id = form_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || view(&st, &fops::update(&st, by, &id, &body)?)).await?;
    Ok(HttpResponse::Ok().json(json!({ "form": v })))
}

async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = form_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || fops::delete(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}
