//! The media library through the API: list, upload (the image is the request body, as it is;
//! its type is read from its bytes), rename (alt text) and delete. Everything here needs
//! `send_campaigns`, as editing a campaign does.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::http::limits;
use crate::media::{self, MediaId, MAX_UPLOAD_BYTES};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/media", web::get().to(list))
        .route("/media", web::post().to(upload))
        .route("/media/{id}", web::get().to(get))
        .route("/media/{id}", web::patch().to(update))
        .route("/media/{id}", web::delete().to(delete));
}

fn media_id(raw: &str) -> Result<MediaId, ApiError> {
    MediaId::parse(raw).ok_or_else(|| ApiError::not_found("image"))
}

async fn list(state: web::Data<AppState>, _g: Guard<perm::SendCampaigns>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let all = blocking(move || st.media.list()).await?;
    Ok(HttpResponse::Ok().json(json!({ "media": all.iter().map(|m| m.to_json(&state.config)).collect::<Vec<_>>() })))
}

async fn get(
    state: web::Data<AppState>,
    _g: Guard<perm::SendCampaigns>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = media_id(&id)?;
    let st = state.clone();
    let m = blocking(move || st.media.get(&id)).await?.ok_or_else(|| ApiError::not_found("image"))?;
    Ok(HttpResponse::Ok().json(m.to_json(&state.config)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UploadQuery {
    /// The file name, for the library and the image's address (`?name=team.jpg`).
    #[serde(default)]
    name: String,
    #[serde(default)]
    alt: Option<String>,
}

/// `POST /api/v1/media?name=team.jpg&alt=Our+team` with the image as the body. A declared
/// length past [`MAX_UPLOAD_BYTES`] is refused before the body is read.
async fn upload(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    req: HttpRequest,
    q: web::Query<UploadQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let bytes = limits::read_body(&req, payload, MAX_UPLOAD_BYTES, "image").await.map_err(|mut e| {
        e.field = Some("file".into());
        e
    })?;
    let q = q.into_inner();
    let (st, by) = (state.clone(), g.by());
    let m = blocking(move || media::upload(&st, by, &q.name, &bytes, q.alt.as_deref()).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Created().json(m.to_json(&state.config)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Update {
    alt: String,
}

async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    id: web::Path<String>,
    body: web::Json<Update>,
) -> Result<HttpResponse, ApiError> {
    let id = media_id(&id)?;
    let (st, by, alt) = (state.clone(), g.by(), body.into_inner().alt);
    let m = blocking(move || media::rename(&st, by, &id, &alt).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(m.to_json(&state.config)))
}

async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = media_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || media::delete(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}
