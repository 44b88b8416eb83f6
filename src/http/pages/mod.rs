//! Admin pages: server-rendered HTML forms, one file per resource. No inline script; every
//! state change is a POST with a CSRF token.

mod account;
pub mod audit;
mod auth;
mod dashboard;
mod settings;
mod tokens;
mod users;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use minijinja::{context, Value};
use serde::Serialize;

use super::error::ApiError;
use super::guard::Principal;
use crate::domain::Permission;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard::show))
        .route("/login", web::get().to(auth::login_form))
        .route("/login", web::post().to(auth::login))
        .route("/login/2fa", web::get().to(auth::second_factor_form))
        .route("/login/2fa", web::post().to(auth::second_factor))
        .route("/logout", web::post().to(auth::logout))
        .route("/account/password", web::get().to(auth::password_form))
        .route("/account/password", web::post().to(auth::change_password))
        .route("/account", web::get().to(account::show))
        .route("/account/2fa", web::get().to(account::totp_form))
        .route("/account/2fa/start", web::post().to(account::totp_start))
        .route("/account/2fa/confirm", web::post().to(account::totp_confirm))
        .route("/account/2fa/disable", web::post().to(account::totp_disable))
        .route("/account/recovery-codes", web::post().to(account::recovery_codes))
        .route("/account/sessions/revoke-others", web::post().to(account::revoke_other_sessions))
        .route("/users", web::get().to(users::list))
        .route("/users", web::post().to(users::create))
        .route("/users/new", web::get().to(users::new_form))
        .route("/users/{id}", web::get().to(users::show))
        .route("/users/{id}/role", web::post().to(users::change_role))
        .route("/users/{id}/disable", web::post().to(users::disable))
        .route("/users/{id}/enable", web::post().to(users::enable))
        .route("/users/{id}/unlock", web::post().to(users::unlock))
        .route("/users/{id}/reset-password", web::post().to(users::reset_password))
        .route("/users/{id}/disable-2fa", web::post().to(users::disable_2fa))
        .route("/tokens", web::get().to(tokens::list))
        .route("/tokens", web::post().to(tokens::create))
        .route("/tokens/{id}/revoke", web::post().to(tokens::revoke))
        .route("/audit", web::get().to(audit::list))
        .route("/settings", web::get().to(settings::show))
        .route("/settings", web::post().to(settings::save));
}

#[derive(Serialize)]
struct NavItem {
    href: &'static str,
    label: &'static str,
    key: &'static str,
}

/// The navigation a principal may see: links to what they cannot open are not shown.
fn nav(p: &Principal) -> Vec<NavItem> {
    let mut items = vec![NavItem { href: "/", label: "Dashboard", key: "dashboard" }];
    if p.can(Permission::ManageUsers) {
        items.push(NavItem { href: "/users", label: "Users & roles", key: "users" });
    }
    if p.can(Permission::ManageOwnTokens) {
        items.push(NavItem { href: "/tokens", label: "API tokens", key: "tokens" });
    }
    if p.can(Permission::ViewAudit) {
        items.push(NavItem { href: "/audit", label: "Audit log", key: "audit" });
    }
    if p.can(Permission::ManageSettings) {
        items.push(NavItem { href: "/settings", label: "Settings", key: "settings" });
    }
    items
}

/// Renders a page inside the signed-in layout.
pub fn page(
    state: &AppState,
    p: &Principal,
    template: &str,
    active: &str,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    let can: std::collections::BTreeMap<&str, bool> =
        Permission::ALL.iter().map(|perm| (perm.as_str(), p.can(*perm))).collect();
    let org = state.settings.get().map(|s| s.organisation).unwrap_or_default();
    let ctx = context! {
        me => p.user.view(),
        can => can,
        csrf => p.csrf(),
        nav => nav(p),
        active => active,
        organisation => org,
        ..extra
    };
    html(state.templates.render(template, ctx)?)
}

/// Renders a page without the signed-in chrome (login, second factor, forced password change).
pub fn bare(state: &AppState, template: &str, ctx: Value) -> Result<HttpResponse, ApiError> {
    html(state.templates.render(template, ctx)?)
}

pub fn html(body: String) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}

/// A re-rendered form with its errors answers 422, so scripts and tests can tell.
pub fn unprocessable(mut res: HttpResponse) -> HttpResponse {
    *res.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
    res
}

pub fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to.to_string())).finish()
}

/// A notice shown once after a redirect, chosen from a fixed list (nothing user-supplied is
/// echoed from the query string).
pub fn notice(code: Option<&str>) -> Option<&'static str> {
    Some(match code? {
        "password_changed" => "Your password has been changed. Other sessions were signed out.",
        "totp_disabled" => "Two-factor authentication is off.",
        "role_changed" => "The role has been changed.",
        "disabled" => "The account is disabled and its sessions have ended.",
        "enabled" => "The account is enabled again.",
        "unlocked" => "The account is unlocked.",
        "revoked" => "The token has been revoked.",
        "saved" => "Settings saved.",
        "sessions_revoked" => "Your other sessions have been signed out.",
        "2fa_reset" => "Two-factor authentication was turned off for this user.",
        "logged_out" => "You have been signed out.",
        _ => return None,
    })
}

/// A form with nothing but its CSRF token (a button that changes state).
#[derive(serde::Deserialize)]
pub struct Empty {}

#[derive(serde::Deserialize)]
pub struct NoticeQuery {
    pub ok: Option<String>,
}
