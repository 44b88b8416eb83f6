//! One span and one log line per request, and the request metrics.
//!
//! The `request` span holds the method, the route *pattern* (`/api/v1/contacts/{id}`, never the
//! path: paths carry ids, tokens and addresses), the status, the request id and who asked (user
//! or token id, once `guard::context` knows). Everything the request does — its operations,
//! their blocking work, a bulk action it starts — runs inside it, so their lines carry its id.
//! When the response starts, one line says how the request went: nothing personal is in it (no
//! IP, user agent, query string or address).

use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};
use tracing::field::{display, Empty};
use tracing::{Instrument, Level};

use super::guard::RequestCtx;
use crate::domain::{PersonId, TokenId};
use crate::state::AppState;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The longest request id taken from a client or proxy: a UUID (36) or nginx's `$request_id`
/// (32) fit; a paragraph does not.
pub const MAX_REQUEST_ID: usize = 64;

/// The route of a request no resource matched (the path itself is never logged).
const UNMATCHED: &str = "unmatched";

/// The caller's `X-Request-Id` when it is a short token of letters, digits, `-`, `_` and `.`
/// (a proxy's id then names the request in both logs); otherwise a new one. Nothing else is
/// let through: the id lands in log lines and a response header.
pub fn request_id(sent: Option<&HeaderValue>) -> String {
    match sent.map(HeaderValue::as_bytes) {
        Some(b) if safe_request_id(b) => String::from_utf8_lossy(b).into_owned(),
        _ => format!("{:016x}", rand::random::<u64>()),
    }
}

fn safe_request_id(b: &[u8]) -> bool {
    !b.is_empty() && b.len() <= MAX_REQUEST_ID && b.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c))
}

/// Requests that come by the thousand (tracking pixels and clicks, images in mail, the website
/// tracker, static files, health checks and metrics scrapes), told by their path before any
/// routing: their span is at debug, so that under the usual `info` a pixel pays nothing for it
/// (an enabled span costs 1–2 µs, against tens of µs of CPU for the whole hit), and so is their
/// line unless they fail or are slow. A campaign's opens would otherwise fill the journal, and
/// journald drops lines past its rate limit, the ones that matter with them.
fn busy_path(path: &str) -> bool {
    ["/o/", "/c/", "/m/", "/t/", "/static/"].iter().any(|p| path.starts_with(p))
        || matches!(path, "/t.js" | "/healthz" | "/metrics")
}

/// How a request's line is logged: a server error at error; a slow request at warn (a
/// sysadmin's signal); a client error at info like a success, since it is the client's doing
/// and scanners make them by the hundred; busy paths at debug.
fn level_of(status: u16, slow: bool, busy: bool) -> Level {
    if status >= 500 {
        Level::ERROR
    } else if slow {
        Level::WARN
    } else if busy {
        Level::DEBUG
    } else {
        Level::INFO
    }
}

/// What the end-of-request line says.
struct Outcome<'a> {
    busy: bool,
    method: &'a str,
    route: &'a str,
    status: u16,
    elapsed: Duration,
    request_id: &'a str,
    user: Option<PersonId>,
    token: Option<TokenId>,
}

impl Outcome<'_> {
    fn log(&self, slow_after: Option<Duration>) {
        let slow = slow_after.is_some_and(|t| self.elapsed > t);
        let message = if slow { "slow request" } else { "request" };
        // Milliseconds with microseconds, so fast requests do not all read 0.
        let duration_ms = self.elapsed.as_micros() as f64 / 1000.0;
        macro_rules! line {
            ($level:expr) => {
                tracing::event!(
                    $level,
                    method = self.method,
                    route = self.route,
                    status = self.status,
                    duration_ms,
                    request_id = self.request_id,
                    user_id = self.user.map(display),
                    token_id = self.token.map(display),
                    "{message}"
                )
            };
        }
        match level_of(self.status, slow, self.busy) {
            Level::ERROR => line!(Level::ERROR),
            Level::WARN => line!(Level::WARN),
            Level::INFO => line!(Level::INFO),
            _ => line!(Level::DEBUG),
        }
    }
}

/// The outermost middleware: opens the request's span, logs its line, counts it by route
/// pattern and status, and returns its id in `X-Request-Id`. The time is until the response
/// starts: a streamed download's transfer is not in it.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let id = request_id(req.headers().get(REQUEST_ID));
    let method = req.method().clone();
    let busy = busy_path(req.path());
    macro_rules! request_span {
        ($level:expr) => {
            tracing::span!(
                $level,
                "request",
                method = method.as_str(),
                route = Empty,
                status = Empty,
                request_id = id.as_str(),
                user_id = Empty,
                token_id = Empty,
            )
        };
    }
    let span = if busy { request_span!(Level::DEBUG) } else { request_span!(Level::INFO) };
    let result = next.call(req).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let slow_after = state.as_ref().and_then(|s| match s.config.log.slow_request_ms {
        0 => None,
        ms => Some(Duration::from_millis(ms)),
    });
    let mut res = match result {
        Ok(res) => res,
        Err(e) => {
            // A middleware's error becomes a response only after this one, and the request
            // (with its route) went with it: logged by status alone.
            let status = e.as_response_error().status_code().as_u16();
            span.record("status", status);
            let outcome = Outcome {
                busy,
                method: method.as_str(),
                route: UNMATCHED,
                status,
                elapsed,
                request_id: &id,
                user: None,
                token: None,
            };
            outcome.log(slow_after);
            return Err(e);
        }
    };
    let route = res.request().match_pattern();
    let route = route.as_deref().unwrap_or(UNMATCHED);
    let status = res.status().as_u16();
    let (user, token) = res
        .request()
        .extensions()
        .get::<RequestCtx>()
        .map(|c| (c.user.as_ref().map(|u| u.id), c.token.as_ref().map(|t| t.id)))
        .unwrap_or_default();
    span.record("route", route);
    span.record("status", status);
    Outcome { busy, method: method.as_str(), route, status, elapsed, request_id: &id, user, token }.log(slow_after);
    if let Some(state) = state {
        state
            .metrics
            .http_requests
            .get_or_create(&crate::metrics::HttpLabels { method: method.to_string(), route: route.to_string(), status })
            .inc();
        state.metrics.http_duration.observe(elapsed.as_secs_f64());
    }
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, v);
    }
    Ok(res)
}

/// Records who asks on the request's span, once `guard::context` knows: lines logged while the
/// request runs carry it.
pub fn record_caller(ctx: &RequestCtx) {
    let span = tracing::Span::current();
    if let Some(u) = &ctx.user {
        span.record("user_id", display(u.id));
    }
    if let Some(t) = &ctx.token {
        span.record("token_id", display(t.id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_id_is_kept_only_when_it_is_a_short_safe_token() {
        let kept = |s: &str| request_id(Some(&HeaderValue::from_str(s).unwrap())) == s;
        assert!(kept("abc-123_X.y"));
        assert!(kept("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assert!(kept(&"a".repeat(MAX_REQUEST_ID)));
        assert!(!kept(&"a".repeat(MAX_REQUEST_ID + 1)));
        for bad in ["", "a b", "a@example.org", "a=b", "a\"b", "ä", "a/b"] {
            let sent = HeaderValue::from_bytes(bad.as_bytes()).unwrap();
            let made = request_id(Some(&sent));
            assert_ne!(made, bad);
            assert!(safe_request_id(made.as_bytes()), "{made}");
        }
        let (a, b) = (request_id(None), request_id(None));
        assert_ne!(a, b);
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn a_line_is_as_loud_as_what_a_sysadmin_must_do_about_it() {
        assert_eq!(level_of(200, false, false), Level::INFO);
        assert_eq!(level_of(404, false, false), Level::INFO);
        assert_eq!(level_of(200, true, false), Level::WARN);
        assert_eq!(level_of(500, false, false), Level::ERROR);
        assert_eq!(level_of(503, true, true), Level::ERROR);
        assert_eq!(level_of(200, false, true), Level::DEBUG);
        assert_eq!(level_of(404, false, true), Level::DEBUG);
        assert_eq!(level_of(200, true, true), Level::WARN);
    }

    #[test]
    fn the_busy_paths_are_the_hits_and_the_probes_not_the_pages_that_share_a_letter() {
        for busy in ["/o/abc", "/c/abc", "/m/abc", "/t/collect", "/t.js", "/static/app.css", "/healthz", "/metrics"] {
            assert!(busy_path(busy), "{busy}");
        }
        for page in ["/campaigns", "/contacts/1", "/media", "/templates", "/tokens", "/t", "/metrics/x", "/"] {
            assert!(!busy_path(page), "{page}");
        }
    }
}
