//! The media library page (upload, rename, delete) and the public address every image is
//! served from: mail clients load it without a session, so it is public, its id unguessable,
//! its answer cacheable for a year (the bytes under an address never change) and typed from
//! what was stored, never from the request.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use minijinja::context;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::{notice, page, see_other, shown_again, NoticeQuery};
use crate::http::error::{ApiError, Code};
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::http::limits;
use crate::media::{self, Media, MediaId, MAX_UPLOAD_BYTES};
use crate::state::{blocking, AppState};

/// An id in a path is 32 lowercase hex digits, so nothing else reaches the handlers.
const ID: &str = "{id:[0-9a-f]{32}}";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/media", web::get().to(library))
        .route("/media", web::post().to(upload))
        .route(&format!("/media/{ID}/alt"), web::post().to(rename))
        .route(&format!("/media/{ID}/delete"), web::post().to(delete))
        .route(&format!("/media/{ID}/{{name}}"), web::get().to(serve))
        .route(&format!("/media/{ID}/{{name}}"), web::head().to(serve));
}

fn not_found() -> HttpResponse {
    HttpResponse::NotFound()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body("There is nothing at this address.\n")
}

/// The image under its address; anything else, a 404 that says nothing more.
pub async fn serve(state: web::Data<AppState>, path: web::Path<(String, String)>) -> HttpResponse {
    let (id, name) = path.into_inner();
    let Some(id) = MediaId::parse(&id) else { return not_found() };
    let st = state.clone();
    let found = blocking(move || -> Result<Option<(Media, Vec<u8>)>, crate::store::StoreError> {
        let Some(m) = st.media.get(&id)? else { return Ok(None) };
        Ok(st.media.read(&m).ok().map(|bytes| (m, bytes)))
    })
    .await;
    let (m, bytes) = match found {
        Ok(Some(found)) if found.0.slug == name => found,
        Ok(_) => return not_found(),
        Err(e) => {
            tracing::error!(error = %e, "serving an image");
            return HttpResponse::InternalServerError().finish();
        }
    };
    let mut res = HttpResponse::Ok()
        .content_type(m.format.mime())
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((header::ETAG, format!("\"{}\"", m.id)))
        .body(bytes);
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // Mail clients and webmail load it from their own origin.
    h.insert(header::HeaderName::from_static("cross-origin-resource-policy"), HeaderValue::from_static("cross-origin"));
    res
}

async fn render(
    state: &web::Data<AppState>,
    g: &Principal,
    ok: Option<&str>,
    extra: minijinja::Value,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let ui = super::ui_language(state, g);
    let items = blocking(move || -> Result<Vec<serde_json::Value>, ApiError> {
        let config = &st.config;
        let mut out = Vec::new();
        for m in st.media.list()? {
            let mut v = m.to_json(config);
            v["uploader"] = uploader(&st, &m.uploaded_by, ui).into();
            out.push(v);
        }
        Ok(out)
    })
    .await?;
    page(
        state,
        g,
        "media.html",
        "media",
        context! {
            items => items,
            notice => notice_for(ok),
            max_mb => MAX_UPLOAD_BYTES / 1024 / 1024,
            max_side => media::picture::MAX_SIDE,
            mail_width => media::picture::MAIL_WIDTH,
            ..extra
        },
    )
}

/// Who uploaded, as people know them: a user's name, or what else acted.
fn uploader(state: &AppState, reference: &str, ui: &crate::i18n::Language) -> String {
    let user = reference.strip_prefix("person:").and_then(|id| id.parse::<crate::domain::PersonId>().ok());
    match user.and_then(|id| state.users.get(&id).ok().flatten()) {
        Some(u) => u.username,
        None if reference.starts_with("token:") => ui.text("cm-media-by-token", None),
        None => reference.to_string(),
    }
}

fn notice_for(ok: Option<&str>) -> Option<&'static str> {
    Some(match ok? {
        "uploaded" => "notice-media-uploaded",
        "renamed" => "notice-media-renamed",
        "deleted" => "notice-media-deleted",
        other => return notice(Some(other)),
    })
}

pub async fn library(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    render(&state, &g, q.ok.as_deref(), context! {}).await
}

/// A CSRF token is 43 characters; anything much longer is not one.
const MAX_CSRF_BYTES: usize = 200;

fn csrf_failed() -> ApiError {
    ApiError::new(
        Code::CsrfFailed,
        "The form has expired or did not come from this site. Reload the page and try again.",
    )
}

fn too_big() -> ApiError {
    let mut e = limits::too_large("image", MAX_UPLOAD_BYTES);
    e.field = Some("file".into());
    e
}

/// Reads the form's `csrf` then `file` fields: the file is held in memory, at most
/// [`MAX_UPLOAD_BYTES`], and a declared length past that is refused before a byte is read.
async fn read_form(req: &HttpRequest, payload: web::Payload, csrf: &str) -> Result<(String, Vec<u8>), ApiError> {
    if limits::content_length(req).is_some_and(|n| n > (MAX_UPLOAD_BYTES + limits::MAX_MULTIPART_OVERHEAD) as u64) {
        return Err(too_big());
    }
    let (mut form, budget) = limits::bounded_multipart(req, payload);
    let malformed = |e| budget.malformed(e);
    let mut seen = 0;
    let (mut token, mut file_name, mut bytes) = (Vec::new(), String::new(), Vec::new());
    while let Some(field) = form.next().await {
        let mut field = field.map_err(malformed)?;
        if field.name() != ["csrf", "file"].get(seen).copied() {
            return Err(ApiError::new(
                Code::MalformedRequest,
                "The upload must hold the form's two fields, csrf and then file, and nothing else.",
            ));
        }
        seen += 1;
        let (into, bound) = if seen == 1 {
            (&mut token, MAX_CSRF_BYTES)
        } else {
            file_name =
                field.content_disposition().and_then(|cd| cd.get_filename().map(str::to_string)).unwrap_or_default();
            (&mut bytes, MAX_UPLOAD_BYTES)
        };
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            budget.deliver(chunk.len());
            if into.len() + chunk.len() > bound {
                return Err(if seen == 1 { csrf_failed() } else { too_big() });
            }
            into.extend_from_slice(&chunk);
        }
        // Checked before the file is read: a stale form does not get to upload.
        if seen == 1 && (csrf.is_empty() || !bool::from(csrf.as_bytes().ct_eq(&token))) {
            return Err(csrf_failed());
        }
    }
    if seen == 0 {
        return Err(csrf_failed());
    }
    Ok((file_name, bytes))
}

pub async fn upload(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let read = read_form(&req, payload, &g.csrf()).await;
    let result = match read {
        Ok((name, bytes)) => {
            let (st, by) = (state.clone(), g.by());
            blocking(move || media::upload(&st, by, &name, &bytes, None).map_err(ApiError::from)).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(see_other("/media?ok=uploaded")),
        // A refused CSRF token is not shown as a form error: the form itself is stale.
        Err(e) if e.code == Code::CsrfFailed => Err(e),
        Err(e) => shown_again(e, |ctx| render(&state, &g, None, ctx)).await,
    }
}

#[derive(Deserialize)]
pub struct AltForm {
    #[serde(default)]
    alt: String,
}

fn media_id(raw: &str) -> Result<MediaId, ApiError> {
    MediaId::parse(raw).ok_or_else(|| ApiError::not_found("image"))
}

pub async fn rename(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    id: web::Path<String>,
    form: CsrfForm<AltForm>,
) -> Result<HttpResponse, ApiError> {
    let id = media_id(&id)?;
    let alt = form.0.alt;
    let (st, by, typed) = (state.clone(), g.by(), alt.clone());
    match blocking(move || media::rename(&st, by, &id, &alt).map_err(ApiError::from)).await {
        Ok(_) => Ok(see_other("/media?ok=renamed")),
        Err(e) => {
            let failed = id.to_string();
            shown_again(e, |ctx| render(&state, &g, None, context! { failed => failed, typed_alt => typed, ..ctx }))
                .await
        }
    }
}

pub async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    id: web::Path<String>,
    _form: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = media_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    match blocking(move || media::delete(&st, by, &id).map_err(ApiError::from)).await {
        Ok(()) => Ok(see_other("/media?ok=deleted")),
        Err(e) => {
            let failed = id.to_string();
            shown_again(e, |ctx| render(&state, &g, None, context! { failed => failed, ..ctx })).await
        }
    }
}
