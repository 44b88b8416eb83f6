//! The website tracker: the script (`/t.js`) the shop's pages embed, and where it sends hits
//! (`/t/collect`). No cookie and no session on either: the tracker keeps its random visitor id
//! in the shop's own localStorage, and only after the site signalled consent.
//!
//! `/t/collect` answers only the origins in `tracking.sites` (CORS; any other origin gets a
//! 403 the browser cannot read), drops hits that carry `DNT: 1` or `Sec-GPC: 1` (answered as
//! if taken, so nothing tells a page which visitors opted out), limits each client network,
//! and accepts a JSON body sent as `text/plain` (a CORS-simple request: no preflight) or
//! `application/json`. Page views and custom events are answered at once; orders once they
//! are on disk. The answer never says anything about the visitor.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::Method;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::Value;

use crate::http::assets::Web;
use crate::http::client::ClientInfo;
use crate::http::error::{ApiError, Code};
use crate::http::limits;
use crate::state::{blocking, AppState};
use crate::tracking::ingest::{self, EventInput, Source};
use crate::tracking::{SiteHit, VisitorId};

/// A hit is a few hundred bytes; an order with a hundred lines stays well under this.
const MAX_HIT: usize = 16 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/t.js", web::get().to(script))
        .route("/t/collect", web::post().to(collect))
        .route("/t/collect", web::method(Method::OPTIONS).to(preflight));
}

/// The tracker script: loaded by the shop's pages, so readable cross-origin, and cached for an
/// hour (its ETag revalidates cheaply after that).
pub async fn script(req: HttpRequest) -> HttpResponse {
    let Some(file) = Web::get("static/t.js") else { return HttpResponse::NotFound().finish() };
    let etag = format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..12]));
    if req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        return HttpResponse::NotModified().insert_header((header::ETAG, etag)).finish();
    }
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("cross-origin-resource-policy", "cross-origin"))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(file.data.into_owned())
}

/// The allowed origin of the request, if it is one of `tracking.sites`.
fn allowed_origin(state: &AppState, req: &HttpRequest) -> Option<String> {
    let origin = req.headers().get(header::ORIGIN)?.to_str().ok()?;
    state.config.tracking.site_allowed(origin).then(|| origin.to_string())
}

fn with_cors(mut res: HttpResponse, origin: &str) -> HttpResponse {
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(origin) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
    }
    h.insert(header::VARY, HeaderValue::from_static("Origin"));
    h.insert(header::HeaderName::from_static("cross-origin-resource-policy"), HeaderValue::from_static("cross-origin"));
    res
}

fn refused(state: &AppState) -> HttpResponse {
    let message = if state.config.tracking.sites.is_empty() {
        "Website tracking is off: no site is listed in tracking.sites."
    } else {
        "This site may not send tracking hits here: its origin is not listed in tracking.sites."
    };
    error(&ApiError::new(Code::Forbidden, message))
}

pub async fn preflight(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let Some(origin) = allowed_origin(&state, &req) else { return refused(&state) };
    let res = HttpResponse::NoContent()
        .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, "POST"))
        .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, "content-type"))
        .insert_header((header::ACCESS_CONTROL_MAX_AGE, "86400"))
        .finish();
    with_cors(res, &origin)
}

/// One hit as the tracker sends it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HitBody {
    /// The random visitor id from the tracker.
    visitor: String,
    /// The `_tdg` token the landing page carried.
    link: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    /// Orders: the shop's order number.
    id: Option<String>,
    name: Option<String>,
    url: Option<String>,
    referrer: Option<String>,
    properties: Option<Value>,
    amount: Option<Value>,
    currency: Option<String>,
    items: Option<Vec<Value>>,
}

fn opted_out(req: &HttpRequest) -> bool {
    let h = req.headers();
    let is_one = |name: &str| h.get(name).and_then(|v| v.to_str().ok()).is_some_and(|v| v.trim() == "1");
    is_one("dnt") || is_one("sec-gpc")
}

pub async fn collect(state: web::Data<AppState>, req: HttpRequest, payload: web::Payload) -> HttpResponse {
    let Some(origin) = allowed_origin(&state, &req) else { return refused(&state) };
    let res = match take(&state, &req, payload).await {
        Ok(()) => HttpResponse::NoContent().insert_header((header::CACHE_CONTROL, "no-store")).finish(),
        Err(e) => error(&e),
    };
    with_cors(res, &origin)
}

async fn take(state: &web::Data<AppState>, req: &HttpRequest, payload: web::Payload) -> Result<(), ApiError> {
    if opted_out(req) {
        return Ok(());
    }
    let client = ClientInfo::from_request(req, &state.config);
    if !state.tracking.site_limiter.check(client.ip) {
        return Err(ApiError::new(Code::RateLimited, "Too many hits from this network; slow down."));
    }
    let body = limits::read_body(req, payload, MAX_HIT, "hit").await?;
    let hit: HitBody = serde_json::from_slice(&body)
        .map_err(|e| ApiError::new(Code::MalformedRequest, format!("Invalid JSON hit: {e}")))?;
    let visitor = VisitorId::parse(&hit.visitor).map_err(|m| ApiError::invalid("visitor", m))?;
    let order_id = match (&hit.id, hit.kind.as_deref()) {
        (Some(id), Some("order")) => {
            Some(ingest::event_id("id", id).map_err(|e| ApiError::invalid(&e.field, e.message))?)
        }
        (Some(_), _) => return Err(ApiError::invalid("id", "only orders carry an id")),
        (None, _) => None,
    };
    let input = EventInput {
        id: None,
        kind: hit.kind,
        contact_id: None,
        email: None,
        at: None,
        name: hit.name,
        url: hit.url,
        referrer: hit.referrer,
        properties: hit.properties,
        amount: hit.amount,
        currency: hit.currency,
        items: hit.items,
    };
    let now = Utc::now();
    let mut event =
        ingest::parse(&input, Source::Tracker, "", now).map_err(|e| ApiError::invalid(&e.field, e.message))?;
    event.ip = client.truncated();
    event.country = match (&state.tracking.geo, client.ip) {
        (Some(g), Some(ip)) => g.country(ip),
        _ => None,
    };
    event.agent = client.agent;
    // A token is an opaque short string; anything else is dropped rather than refused (the
    // hit still counts).
    let link = hit.link.filter(|l| l.len() <= 64);
    let st = state.clone();
    let prepared = blocking(move || {
        st.tracking
            .site_hit(st.store.keyring(), SiteHit { visitor, link, event, order_id }, now)
            .map_err(ApiError::from)
    })
    .await?;
    if prepared.durable {
        if let Err(e) = state.tracking.record_durable(prepared.records).await {
            let st = state.clone();
            let _ = blocking(move || -> Result<(), ApiError> {
                st.tracking.release(&prepared.claimed);
                Ok(())
            })
            .await;
            return Err(ApiError::internal(e));
        }
    } else {
        state.tracking.record(prepared.records).await;
    }
    Ok(())
}

/// The JSON error, marked as varying with the origin (caches must not share it across sites).
fn error(e: &ApiError) -> HttpResponse {
    let mut res = actix_web::ResponseError::error_response(e);
    res.headers_mut().insert(header::VARY, HeaderValue::from_static("Origin"));
    res
}
