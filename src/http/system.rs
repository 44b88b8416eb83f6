//! `/healthz` for load balancers and systemd, `/metrics` for Prometheus.

use actix_web::{web, HttpMessage, HttpRequest, HttpResponse};
use serde_json::json;
use subtle::ConstantTimeEq;

use crate::domain::Permission;
use crate::http::error::ApiError;
use crate::http::guard::RequestCtx;
use crate::state::{blocking, AppState};

/// 200 when the store answers a read; 503 otherwise.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let st = state.clone();
    let ok =
        blocking(move || st.store.tree(crate::store::META).and_then(|t| Ok(t.get(b"schema_version")?))).await.is_ok();
    let body = json!({
        "status": if ok { "ok" } else { "unavailable" },
        "version": env!("CARGO_PKG_VERSION"),
        "uptime_seconds": state.started_at.elapsed().as_secs(),
    });
    if ok {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    }
}

/// Readable with `metrics.token`, with an API token scoped `view_metrics`, or from loopback
/// when no token is configured.
pub async fn metrics(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let configured = &state.config.metrics.token;
    let bearer = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let by_config_token = !configured.is_empty() && bool::from(configured.as_bytes().ct_eq(bearer.as_bytes()));
    let by_api_token = req.extensions().get::<RequestCtx>().is_some_and(|c| {
        c.token.as_ref().is_some_and(|t| t.scopes.contains(&Permission::ViewMetrics))
            && c.user.as_ref().is_some_and(|u| u.role.allows(Permission::ViewMetrics))
    });
    let loopback = configured.is_empty() && req.peer_addr().is_some_and(|a| a.ip().is_loopback());
    if !(by_config_token || by_api_token || loopback) {
        return Err(ApiError::new(
            crate::http::error::Code::Forbidden,
            "Metrics need the configured metrics token (or are served to loopback only).",
        ));
    }
    let m = &state.metrics;
    m.store_bytes.set(state.store.size_on_disk() as i64);
    m.users.set(state.users.count() as i64);
    m.sessions.set(state.sessions.count() as i64);
    m.audit_entries.set(state.audit.len() as i64);
    m.uptime.set(state.started_at.elapsed().as_secs() as i64);
    let (running, waiting) = state.sending.running();
    let st = state.clone();
    let transactional = crate::state::blocking(move || st.sending.outbox.pending_messages()).await.unwrap_or(0);
    m.campaigns_running.set(running as i64);
    m.outbox_depth.set((waiting + transactional) as i64);
    let newest = crate::store::backup::list(&state.config.backup_dir())
        .iter()
        .filter_map(|(p, _)| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .max();
    m.backup_age.set(newest.map_or(-1, |t| t.elapsed().map_or(0, |d| d.as_secs() as i64)));
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(m.render()))
}
