//! Tracking hits from mail: the open pixel (`/o/{token}`) and click redirects (`/c/{token}`).
//! No cookie, no session, no page: a signed token in, a GIF or a redirect out. A forged,
//! altered or foreign token gets a 404 and nothing is recorded; a click only ever redirects to
//! an address from the mailing's own link table, never to anything the URL carries.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::Method;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;

use crate::domain::{Event, EventKind};
use crate::http::client::ClientInfo;
use crate::state::AppState;
use crate::tracking::{machine, token, HitKind, Record};

/// A transparent 1×1 GIF (43 bytes).
pub const PIXEL: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
    0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02,
    0x02, 0x44, 0x01, 0x00, 0x3b,
];

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/o/{token}", web::get().to(open))
        .route("/o/{token}", web::head().to(open))
        .route("/c/{token}", web::get().to(click))
        .route("/c/{token}", web::head().to(click));
}

fn not_found() -> HttpResponse {
    HttpResponse::NotFound()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body("There is nothing at this address.\n")
}

/// The hit as an event: truncated address, browser family, and why it looks like a machine.
fn event(state: &AppState, req: &HttpRequest, claims: &token::Claims, kind: EventKind) -> Event {
    let client = ClientInfo::from_request(req, &state.config);
    let agent = req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let now = Utc::now();
    let hit = machine::Hit {
        open: kind == EventKind::Open,
        head: req.method() == Method::HEAD,
        agent,
        ip: client.ip,
        sent_at: claims.sent_at,
        at: now,
    };
    let source = if kind == EventKind::Open { "pixel" } else { "click" };
    let mut e = Event::new(kind, now, source);
    e.mailing = Some(claims.mailing);
    e.machine = machine::reason(&hit, state.config.tracking.scanner_window_secs).map(str::to_string);
    e.ip = client.truncated();
    e.agent = client.agent;
    e
}

pub async fn open(state: web::Data<AppState>, req: HttpRequest, token: web::Path<String>) -> HttpResponse {
    let Ok(claims) = token::verify(state.store.keyring(), HitKind::Open, &token) else { return not_found() };
    let e = event(&state, &req, &claims, EventKind::Open);
    state.tracking.record(vec![Record { contact: claims.contact, event: e, link: None }]).await;
    crate::metrics::Metrics::count(&state.metrics.tracking_hits, "open", 1);
    let mut res = HttpResponse::Ok()
        .content_type("image/gif")
        .insert_header((header::CACHE_CONTROL, "no-store, no-cache, must-revalidate, private"))
        .body(PIXEL);
    // Mail clients and webmail load it from another origin.
    res.headers_mut().insert(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("cross-origin"),
    );
    res
}

pub async fn click(state: web::Data<AppState>, req: HttpRequest, token: web::Path<String>) -> HttpResponse {
    let Ok(claims) = token::verify(state.store.keyring(), HitKind::Click, &token) else { return not_found() };
    let mailing = match state.tracking.mailing(&claims.mailing) {
        Ok(Some(m)) => m,
        Ok(None) => return not_found(),
        Err(e) => {
            tracing::error!(error = %e, "reading a link table failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let Some(target) = mailing.link(claims.link).map(str::to_string) else { return not_found() };
    // Read from our own store, but checked again: only an absolute http(s) address leaves.
    if !crate::tracking::links::trackable(&target) {
        return not_found();
    }
    let mut e = event(&state, &req, &claims, EventKind::Click);
    e.url = Some(target.clone());
    let human = e.machine.is_none();
    crate::metrics::Metrics::count(&state.metrics.tracking_hits, "click", 1);
    let record = Record { contact: claims.contact, event: e, link: Some(claims.link) };
    if let Err(err) = state.tracking.record_durable(vec![record]).await {
        // The person still gets where they were going; the click is what is lost, and logged.
        tracing::error!(error = %err, "recording a click failed");
    }
    let location = match claims.contact.filter(|_| human) {
        Some(contact) => landing(&state, &contact, target),
        None => target,
    };
    HttpResponse::Found()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

/// The address a person's click leads to: the message's own link, plus a short-lived signed
/// `_tdg` token when the link leads to one of the shop's sites (`tracking.sites`) and the
/// person's consent allows linking their website visit to them (see `tracking::website`).
/// Links elsewhere never carry it, and a scanner's hit never gets one.
fn landing(state: &AppState, contact: &crate::domain::ContactId, target: String) -> String {
    if state.config.tracking.sites.is_empty() {
        return target;
    }
    let token = match state.tracking.visit_token(state.store.keyring(), contact, &target, Utc::now()) {
        Ok(Some(t)) => t,
        Ok(None) => return target,
        Err(e) => {
            tracing::warn!(error = %e, "checking website consent for a click failed");
            return target;
        }
    };
    let Ok(mut u) = url::Url::parse(&target) else { return target };
    u.query_pairs_mut().append_pair(crate::tracking::ingest::LINK_PARAM, &token);
    let decorated = u.to_string();
    if crate::tracking::links::trackable(&decorated) {
        decorated
    } else {
        target
    }
}
