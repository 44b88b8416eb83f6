//! Admin pages: server-rendered HTML forms, one file per resource. No inline script; every
//! state change is a POST with a CSRF token.

mod account;
pub mod audit;
mod auth;
mod breaches;
mod campaigns;
mod contacts;
mod dashboard;
mod forms;
pub use forms::snippet as form_snippet;
mod history;
mod import;
mod journeys;
mod media;
mod names;
mod portal;
mod privacy_widget;
mod public;
mod public_forms;
mod reports;
mod requests;
mod retention;
mod schema;
mod score_words;
pub mod scoring;
mod segment_words;
mod segments;
mod settings;
mod site;
mod timeline;
mod tokens;
pub mod track;
mod users;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use minijinja::{context, Value};
use serde::Serialize;

use super::error::ApiError;
use super::guard::Principal;
use crate::domain::{Permission, Role};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Before any `/contacts/{id}` route: `import` is not an id.
    cfg.route("/contacts/import", web::get().to(import::index))
        .route("/contacts/import", web::post().to(import::upload))
        .route("/contacts/import/{id}/map", web::get().to(import::map))
        .route("/contacts/import/{id}/start", web::post().to(import::start))
        .route("/contacts/import/{id}/status", web::get().to(import::status))
        .route("/contacts/import/{id}/report", web::get().to(import::report))
        .route("/contacts/import/{id}", web::get().to(import::show));
    cfg.route("/", web::get().to(dashboard::show))
        .route("/login", web::get().to(auth::login_form))
        .route("/login", web::post().to(auth::login))
        .route("/login/2fa", web::get().to(auth::second_factor_form))
        .route("/login/2fa", web::post().to(auth::second_factor))
        .route("/login/notice", web::get().to(auth::sign_in_notice))
        .route("/logout", web::post().to(auth::logout))
        .route("/account/password", web::get().to(auth::password_form))
        .route("/account/password", web::post().to(auth::change_password))
        .route("/account", web::get().to(account::show))
        .route("/account/language", web::post().to(account::set_language))
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
        .route("/settings", web::post().to(settings::save))
        .route("/settings/legal-footer", web::post().to(settings::save_legal_footer))
        .route("/settings/email", web::get().to(settings::mail))
        .route("/settings/email/test", web::post().to(settings::test_mail))
        .route("/settings/email/senders", web::post().to(settings::save_sender))
        .route("/settings/email/senders/default", web::post().to(settings::default_sender))
        .route("/settings/email/senders/remove", web::post().to(settings::remove_sender))
        .route("/settings/email/senders/verify", web::post().to(settings::verify_sender))
        .configure(public::routes)
        .configure(requests::routes)
        .configure(retention::routes)
        .configure(breaches::routes)
        .configure(media::routes)
        .configure(portal::routes)
        .configure(site::routes)
        .configure(segments::routes)
        .configure(journeys::routes)
        .configure(contact_routes)
        .configure(campaign_routes)
        .configure(form_routes)
        .configure(scoring_routes);
}

fn campaign_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/campaigns", web::get().to(campaigns::list))
        .route("/campaigns", web::post().to(campaigns::create))
        .route("/campaigns/{id}", web::get().to(campaigns::show))
        .route("/campaigns/{id}", web::post().to(campaigns::save))
        .route("/campaigns/{id}/preview", web::post().to(campaigns::preview))
        .route("/campaigns/{id}/variants/{language}", web::post().to(campaigns::save_variant))
        .route("/campaigns/{id}/ab", web::post().to(campaigns::save_ab))
        .route("/campaigns/{id}/ab/delete", web::post().to(campaigns::delete_ab))
        .route("/campaigns/{id}/ab/winner", web::post().to(campaigns::choose_ab))
        .route("/campaigns/{id}/variants/{language}/preview", web::get().to(campaigns::preview_language))
        .route("/campaigns/{id}/test", web::post().to(campaigns::test_send))
        .route("/campaigns/{id}/send", web::post().to(campaigns::send))
        .route("/campaigns/{id}/pause", web::post().to(campaigns::pause))
        .route("/campaigns/{id}/resume", web::post().to(campaigns::resume))
        .route("/campaigns/{id}/cancel", web::post().to(campaigns::cancel))
        .route("/campaigns/{id}/unschedule", web::post().to(campaigns::unschedule))
        .route("/campaigns/{id}/duplicate", web::post().to(campaigns::duplicate))
        .route("/campaigns/{id}/delete", web::post().to(campaigns::delete))
        .route("/campaigns/{id}/report", web::get().to(reports::campaign))
        .route("/reports", web::get().to(reports::index))
        .route("/templates", web::get().to(campaigns::templates))
        .route("/templates", web::post().to(campaigns::create_template))
        .route("/templates/{key}", web::get().to(campaigns::template))
        .route("/templates/{key}", web::post().to(campaigns::save_template))
        .route("/templates/{key}/preview", web::post().to(campaigns::preview_template))
        .route("/templates/{key}/delete", web::post().to(campaigns::delete_template));
}

/// A model's key in a path: its machine name (`new` is the blank form, and no key).
const SCORE_KEY: &str = "{key:[a-z0-9_-]{1,40}}";

fn scoring_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/scoring", web::get().to(scoring::list))
        .route("/scoring", web::post().to(scoring::create))
        .route("/scoring/new", web::get().to(scoring::new_model))
        .route(&format!("/scoring/{SCORE_KEY}"), web::get().to(scoring::show))
        .route(&format!("/scoring/{SCORE_KEY}"), web::post().to(scoring::save))
        .route(&format!("/scoring/{SCORE_KEY}/delete"), web::post().to(scoring::delete));
}

/// A form id in a path is a UUID, so `/forms/new` and `/f/confirm/…` never match it.
const FORM: &str = "{id:[0-9a-fA-F-]{36}}";

fn form_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/forms", web::get().to(forms::list))
        .route("/forms", web::post().to(forms::create))
        .route("/forms/new", web::get().to(forms::new_form))
        .route(&format!("/forms/{FORM}"), web::get().to(forms::show))
        .route(&format!("/forms/{FORM}"), web::post().to(forms::save))
        .route(&format!("/forms/{FORM}/languages"), web::post().to(forms::save_languages))
        .route(&format!("/forms/{FORM}/delete"), web::post().to(forms::delete))
        .route(&format!("/f/{FORM}"), web::get().to(public_forms::hosted))
        .route(&format!("/f/{FORM}"), web::post().to(public_forms::submit))
        .route(&format!("/f/{FORM}/challenge"), web::get().to(public_forms::challenge))
        .route("/f/confirm/{token}", web::get().to(public_forms::confirm_page))
        .route("/f/confirm/{token}", web::post().to(public_forms::confirm));
}

/// A contact id in a path is a UUID, so `/contacts/new` and `/contacts/import` never match it.
const CONTACT: &str = "{id:[0-9a-fA-F-]+}";

fn contact_routes(cfg: &mut web::ServiceConfig) {
    let at = |suffix: &str| format!("/contacts/{CONTACT}{suffix}");
    cfg.route("/contacts", web::get().to(contacts::list))
        .route("/contacts", web::post().to(contacts::create))
        .route("/contacts/saved", web::post().to(contacts::save_search))
        .route("/contacts/bulk", web::post().to(contacts::bulk_action))
        .route("/contacts/bulk/{id}", web::get().to(contacts::bulk_status))
        .route("/contacts/saved/{id}/delete", web::post().to(contacts::delete_search))
        .route("/contacts/new", web::get().to(contacts::new_form))
        .route(&at(""), web::get().to(contacts::show))
        .route(&at("/edit"), web::get().to(contacts::edit_form))
        .route(&at("/edit"), web::post().to(contacts::update))
        .route(&at("/delete"), web::post().to(contacts::delete))
        .route(&at("/consent"), web::post().to(contacts::record_consent))
        .route(&at("/unmask"), web::post().to(contacts::unmask))
        .route(&at("/merge"), web::get().to(contacts::merge_form))
        .route(&at("/merge"), web::post().to(contacts::merge))
        .route("/lists", web::get().to(schema::lists))
        .route("/lists", web::post().to(schema::create_list))
        .route("/lists/{slug}/delete", web::post().to(schema::delete_list))
        .route("/lists/{slug}", web::post().to(schema::update_list))
        .route("/lists/{slug}/visibility", web::post().to(schema::set_list_visibility))
        .route("/settings/fields", web::get().to(schema::fields))
        .route("/settings/fields", web::post().to(schema::create_field))
        .route("/settings/fields/{key}", web::get().to(schema::field_form))
        .route("/settings/fields/{key}", web::post().to(schema::update_field))
        .route("/settings/fields/{key}/delete", web::post().to(schema::delete_field))
        .route("/purposes", web::get().to(schema::purposes))
        .route("/purposes", web::post().to(schema::create_purpose))
        .route("/purposes/{key}", web::get().to(schema::purpose))
        .route("/purposes/{key}", web::post().to(schema::save_purpose))
        .route("/purposes/{key}/translations/{language}", web::post().to(schema::save_purpose_translation));
}

#[derive(Serialize)]
struct NavItem {
    href: &'static str,
    /// The admin catalogue's message for the label (translated in [`page`]).
    label: &'static str,
    key: &'static str,
}

/// The navigation a principal may see: links to what they cannot open are not shown.
fn nav(p: &Principal) -> Vec<NavItem> {
    let mut items = vec![NavItem { href: "/", label: "nav-dashboard", key: "dashboard" }];
    if p.can(Permission::ViewContacts) {
        items.push(NavItem { href: "/contacts", label: "nav-contacts", key: "contacts" });
        items.push(NavItem { href: "/lists", label: "nav-lists", key: "lists" });
        items.push(NavItem { href: "/segments", label: "nav-segments", key: "segments" });
        items.push(NavItem { href: "/scoring", label: "nav-scoring", key: "scoring" });
    }
    if p.can(Permission::ViewContacts) || p.can(Permission::SendCampaigns) {
        items.push(NavItem { href: "/journeys", label: "jr-nav", key: "journeys" });
    }
    if p.can(Permission::SendCampaigns) {
        items.push(NavItem { href: "/campaigns", label: "nav-campaigns", key: "campaigns" });
        items.push(NavItem { href: "/templates", label: "nav-templates", key: "templates" });
        items.push(NavItem { href: "/media", label: "nav-media", key: "media" });
        items.push(NavItem { href: "/forms", label: "nav-forms", key: "forms" });
    }
    if p.can(Permission::ViewReports) {
        items.push(NavItem { href: "/reports", label: "nav-reports", key: "reports" });
    }
    if p.can(Permission::ManageSettings) {
        items.push(NavItem { href: "/settings/fields", label: "nav-schema", key: "schema" });
    } else if p.can(Permission::ManageGdpr) {
        items.push(NavItem { href: "/purposes", label: "nav-purposes", key: "schema" });
    }
    if p.can(Permission::ManageGdpr) {
        items.push(NavItem { href: "/requests", label: "nav-requests", key: "requests" });
        items.push(NavItem { href: "/retention", label: "nav-retention", key: "retention" });
        items.push(NavItem { href: "/breaches", label: "nav-breaches", key: "breaches" });
        items.push(NavItem { href: "/records", label: "nav-records", key: "records" });
    }
    if p.can(Permission::ManageUsers) {
        items.push(NavItem { href: "/users", label: "nav-users", key: "users" });
    }
    if p.can(Permission::ManageOwnTokens) {
        items.push(NavItem { href: "/tokens", label: "nav-tokens", key: "tokens" });
    }
    if p.can(Permission::ViewAudit) {
        items.push(NavItem { href: "/audit", label: "nav-audit", key: "audit" });
    }
    if p.can(Permission::ManageSettings) {
        items.push(NavItem { href: "/settings", label: "nav-settings", key: "settings" });
    }
    items
}

/// The language a staff member chose for the admin pages (English until they choose).
pub fn ui_language(state: &AppState, p: &Principal) -> &'static crate::i18n::Language {
    let chosen = state.preferences.get(&p.user.id).ok().and_then(|pr| pr.language).unwrap_or_default();
    crate::i18n::admin_catalogue().get(&chosen)
}

/// The language of an admin page shown to someone not (or not yet fully) signed in: sign-in,
/// second factor, the notice after it, the forced password change, error pages. The staff
/// member's own choice once the page knows who they are and they have made one; else what the
/// browser asks for, among the languages the admin is translated into; else English.
pub fn visitor_language(
    state: &AppState,
    req: &actix_web::HttpRequest,
    user: Option<&crate::domain::PersonId>,
) -> &'static crate::i18n::Language {
    let catalogue = crate::i18n::admin_catalogue();
    if let Some(chosen) = user.and_then(|id| state.preferences.get(id).ok()).and_then(|p| p.language) {
        return catalogue.get(&chosen);
    }
    let accept = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    catalogue.choose(&crate::i18n::Wish { accept_language: accept, ..Default::default() })
}

/// The admin message naming a role ("Data-protection officer").
pub fn role_key(r: Role) -> &'static str {
    match r {
        Role::Owner => "acc-role-owner",
        Role::Admin => "acc-role-admin",
        Role::Marketer => "acc-role-marketer",
        Role::Analyst => "acc-role-analyst",
        Role::Dpo => "acc-role-dpo",
    }
}

/// The admin message saying what a role may do.
pub fn role_description_key(r: Role) -> &'static str {
    match r {
        Role::Owner => "acc-role-owner-describe",
        Role::Admin => "acc-role-admin-describe",
        Role::Marketer => "acc-role-marketer-describe",
        Role::Analyst => "acc-role-analyst-describe",
        Role::Dpo => "acc-role-dpo-describe",
    }
}

/// A user as the admin pages show them: the role named in the reader's language.
pub fn user_view(u: &crate::auth::User, ui: &crate::i18n::Language) -> Value {
    context! { role_label => ui.text(role_key(u.role), None), ..Value::from_serialize(u.view()) }
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
    let settings = state.settings.get().unwrap_or_default();
    let (org, currency) = (settings.organisation, settings.currency);
    let ui = ui_language(state, p);
    let nav: Vec<Value> = nav(p)
        .into_iter()
        .map(|i| context! { href => i.href, key => i.key, label => ui.text(i.label, None) })
        .collect();
    let ctx = context! {
        currency => currency,
        ui_lang => ui.code,
        me => user_view(&p.user, ui),
        can => can,
        csrf => p.csrf(),
        nav => nav,
        active => active,
        organisation => org,
        ..extra
    };
    html(crate::http::templates::templates().render(template, ctx)?)
}

/// Renders a page without the signed-in chrome (login, second factor, forced password change).
pub fn bare(template: &str, ctx: Value) -> Result<HttpResponse, ApiError> {
    html(crate::http::templates::templates().render(template, ctx)?)
}

pub fn html(body: String) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}

/// A re-rendered form with its errors answers 422, so scripts and tests can tell.
pub fn unprocessable(mut res: HttpResponse) -> HttpResponse {
    *res.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
    res
}

/// A refused action shows its page again (`render` with the reason as `error` and
/// `error_field`) under the refusal's status; a server error stays an error page.
pub async fn shown_again<Fut>(
    e: ApiError,
    render: impl FnOnce(minijinja::Value) -> Fut,
) -> Result<HttpResponse, ApiError>
where
    Fut: std::future::Future<Output = Result<HttpResponse, ApiError>>,
{
    let status = actix_web::ResponseError::status_code(&e);
    if status.is_server_error() {
        return Err(e);
    }
    let mut res = render(minijinja::context! { error => e.message.clone(), error_field => e.field.clone() }).await?;
    *res.status_mut() = status;
    Ok(res)
}

pub fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to.to_string())).finish()
}

/// A notice shown once after a redirect, chosen from a fixed list (nothing user-supplied is
/// echoed from the query string): the key of its admin message, which the frame says in the
/// staff member's language.
pub fn notice(code: Option<&str>) -> Option<&'static str> {
    Some(match code? {
        "password_changed" => "notice-password-changed",
        "totp_disabled" => "notice-totp-disabled",
        "two_factor_required" => "notice-two-factor-required",
        "role_changed" => "notice-role-changed",
        "disabled" => "notice-disabled",
        "enabled" => "notice-enabled",
        "unlocked" => "notice-unlocked",
        "revoked" => "notice-revoked",
        "saved" => "notice-saved",
        "sender_saved" => "notice-sender-saved",
        "sender_default" => "notice-sender-default",
        "sender_removed" => "notice-sender-removed",
        "sender_link_sent" => "notice-sender-link-sent",
        "sessions_revoked" => "notice-sessions-revoked",
        "2fa_reset" => "notice-two-factor-reset",
        "logged_out" => "notice-logged-out",
        "contact_created" => "notice-contact-created",
        "contact_saved" => "notice-contact-saved",
        "search_saved" => "notice-search-saved",
        "search_deleted" => "notice-search-deleted",
        "contact_deleted" => "notice-contact-deleted",
        "contact_deleted_suppressed" => "notice-contact-deleted-suppressed",
        "consent_recorded" => "notice-consent-recorded",
        "contacts_merged" => "notice-contacts-merged",
        "field_created" => "notice-field-created",
        "field_saved" => "notice-field-saved",
        "field_deleted" => "notice-field-deleted",
        "purpose_created" => "notice-purpose-created",
        "purpose_saved" => "notice-purpose-saved",
        "list_created" => "notice-list-created",
        "list_saved" => "notice-list-saved",
        "list_deleted" => "notice-list-deleted",
        "campaign_saved" => "notice-campaign-saved",
        "campaign_started" => "notice-campaign-started",
        "campaign_scheduled" => "notice-campaign-scheduled",
        "campaign_unscheduled" => "notice-campaign-unscheduled",
        "campaign_paused" => "notice-campaign-paused",
        "campaign_resumed" => "notice-campaign-resumed",
        "campaign_cancelled" => "notice-campaign-cancelled",
        "campaign_duplicated" => "notice-campaign-duplicated",
        "campaign_deleted" => "notice-campaign-deleted",
        "template_saved" => "notice-template-saved",
        "template_deleted" => "notice-template-deleted",
        "list_visible" => "notice-list-visible",
        "list_hidden" => "notice-list-hidden",
        "request_created" => "notice-request-created",
        "request_saved" => "notice-request-saved",
        "request_erased" => "notice-request-erased",
        "request_restricted" => "notice-request-restricted",
        "request_lifted" => "notice-request-lifted",
        "request_withdrawn" => "notice-request-withdrawn",
        "retention_ran" => "notice-retention-ran",
        "retention_saved" => "notice-retention-saved",
        "breach_recorded" => "notice-breach-recorded",
        "breach_saved" => "notice-breach-saved",
        "breach_assessed" => "notice-breach-assessed",
        "breach_notice_queued" => "notice-breach-notice-queued",
        "language_saved" => "account-language-saved",
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
