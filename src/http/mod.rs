//! actix-web: routes (one file per resource), extractors and guards, error mapping, security
//! headers.

pub mod api;
pub mod assets;
pub mod client;
pub mod error;
pub mod guard;
pub mod lang;
pub mod limits;
pub mod observe;
pub mod pages;
pub mod system;
pub mod templates;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers, Next};
use actix_web::{web, HttpResponse};

use crate::state::AppState;
use error::{ApiError, Code};

pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; font-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Routes shared by the server and the tests.
pub fn routes(cfg: &mut web::ServiceConfig) {
    // The open pixel and click redirects first: actix tries routes in the order they were
    // registered, each pattern with a `{…}` part through a regex, and these answer most of the
    // requests (behind 45 routes they spent about 14% of a hit's CPU matching the others).
    cfg.configure(pages::track::routes)
        .route("/healthz", web::get().to(system::healthz))
        .route("/metrics", web::get().to(system::metrics))
        .route("/static/{path:.*}", web::get().to(assets::serve_static))
        .service(web::scope("/api/v1").configure(api::routes))
        .configure(api::bounces::public_routes)
        .configure(pages::routes);
}

/// Security headers on every response. HSTS only where the browser reached us over TLS.
pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let tls = req.app_data::<web::Data<AppState>>().map(|s| s.config.tls_enabled()).unwrap_or(false);
    let mut res = next.call(req).await?;
    let h = res.headers_mut();
    let set = |h: &mut header::HeaderMap, k: &'static str, v: &'static str| {
        if !h.contains_key(k) {
            h.insert(header::HeaderName::from_static(k), HeaderValue::from_static(v));
        }
    };
    set(h, "content-security-policy", CSP);
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "no-referrer");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "cross-origin-resource-policy", "same-origin");
    set(h, "permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if tls {
        set(h, "strict-transport-security", "max-age=31536000; includeSubDomains");
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}

/// Error responses on page routes become HTML pages (or a redirect to where the visitor must go
/// next); API routes keep the JSON body.
pub fn error_pages<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(render_error_page::<B>)
}

fn render_error_page<B: MessageBody + 'static>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let path = res.request().path().to_string();
    if path.starts_with("/api/")
        || path.starts_with("/webhooks/")
        || path == "/metrics"
        || path == "/healthz"
        || path.starts_with("/static/")
        || path.starts_with("/t/")
    {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    // A handler that rendered its own page (a form with its errors) keeps it.
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let err = res.response().extensions().get::<ApiError>().cloned().unwrap_or_else(|| {
        let status = res.status();
        let code = match status.as_u16() {
            404 | 405 => Code::NotFound,
            413 => Code::PayloadTooLarge,
            400 => Code::MalformedRequest,
            _ => Code::Internal,
        };
        let message = match status.as_u16() {
            404 => "There is no page at this address.",
            405 => "This address does not accept that kind of request.",
            413 => "What was sent is too large.",
            400 => "The request could not be understood.",
            _ => "Something went wrong on the server; it has been logged.",
        };
        ApiError::new(code, message)
    });
    let redirect = match err.code {
        Code::Unauthenticated => Some(format!("/login?next={}", urlencode(&path))),
        Code::SecondFactorRequired => Some("/login/2fa".to_string()),
        Code::PasswordChangeRequired => Some("/account/password".to_string()),
        Code::SecondFactorEnrolmentRequired => Some("/account?ok=two_factor_required".to_string()),
        _ => None,
    };
    let status = res.status();
    let (req, _) = res.into_parts();
    let response = match redirect {
        Some(to) => HttpResponse::SeeOther().insert_header((header::LOCATION, to)).finish(),
        None => {
            let ui = error_language(&req);
            let title = match status_key(status) {
                Some(key) => ui.text(key, None),
                None => status.canonical_reason().unwrap_or("Error").to_string(),
            };
            // The reasons the domain gives stay English for now; the ones that say the same
            // whatever went wrong are said in the reader's language.
            let message = match generic_message_key(err.code) {
                Some(key) if ui.code != crate::i18n::SOURCE => ui.text(key, None),
                _ => err.message,
            };
            let html = templates::templates()
                .render(
                    "error.html",
                    minijinja::context! { ui_lang => ui.code, title => title, status => status.as_u16(), message => message },
                )
                .unwrap_or_else(|_| format!("<!doctype html><title>Error</title><p>{}</p>", status.as_u16()));
            HttpResponse::build(status)
                .content_type("text/html; charset=utf-8")
                .insert_header((header::CONTENT_LANGUAGE, ui.code.clone()))
                .body(html)
        }
    };
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, response).map_into_right_body()))
}

/// The error page's language: the signed-in staff member's, else the browser's (see
/// [`pages::visitor_language`]).
fn error_language(req: &actix_web::HttpRequest) -> &'static crate::i18n::Language {
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return crate::i18n::admin_catalogue().source();
    };
    let user =
        actix_web::HttpMessage::extensions(req).get::<guard::RequestCtx>().and_then(|c| c.user.as_ref().map(|u| u.id));
    pages::visitor_language(state, req, user.as_ref())
}

/// The admin message naming an error status, for the statuses the pages answer with.
fn status_key(status: actix_web::http::StatusCode) -> Option<&'static str> {
    Some(match status.as_u16() {
        400 => "acc-error-400",
        401 => "acc-error-401",
        403 => "acc-error-403",
        404 => "acc-error-404",
        405 => "acc-error-405",
        409 => "acc-error-409",
        413 => "acc-error-413",
        414 => "acc-error-414",
        415 => "acc-error-415",
        422 => "acc-error-422",
        423 => "acc-error-423",
        429 => "acc-error-429",
        500 => "acc-error-500",
        502 => "acc-error-502",
        503 => "acc-error-503",
        _ => return None,
    })
}

/// The admin message for an error whose reason says nothing beyond its kind.
fn generic_message_key(code: Code) -> Option<&'static str> {
    match code {
        Code::NotFound => Some("acc-error-not-found"),
        Code::Forbidden => Some("acc-error-forbidden"),
        Code::CsrfFailed => Some("acc-error-csrf"),
        Code::Internal => Some("acc-error-internal"),
        _ => None,
    }
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|x| x.trim_start_matches('=').to_string()).unwrap_or_default()
}

/// Only paths on this site may be redirect targets (no open redirect after login), judged as a
/// browser reads them: see [`crate::domain::redirect`].
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(crate::domain::redirect::same_origin_path).unwrap_or_else(|| "/".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_never_offsite() {
        assert_eq!(safe_next(Some("/users")), "/users");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
