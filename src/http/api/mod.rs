//! The REST API under `/api/v1`: JSON in and out, token (or session) auth, the same rules and
//! operations as the pages. Errors are `{message, code, type, field?}`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

use crate::domain::{Permission, PersonId, Role, TokenId};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard, Principal};
use crate::http::pages::audit::AuditQuery;
use crate::ops;
use crate::settings::Settings;
use crate::state::{blocking, AppState};

pub(crate) mod bounces;
mod breaches;
mod campaigns;
pub(crate) mod contacts;
mod events;
mod forms;
pub(crate) mod gdpr;
pub(crate) mod journeys;
mod media;
mod reports;
mod retention;
pub(crate) mod scoring;
mod segments;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/me", web::get().to(me))
        .route("/users", web::get().to(list_users))
        .route("/users", web::post().to(create_user))
        .route("/users/{id}", web::get().to(get_user))
        .route("/users/{id}", web::patch().to(update_user))
        .route("/users/{id}/unlock", web::post().to(unlock_user))
        .route("/users/{id}/reset-password", web::post().to(reset_password))
        .route("/tokens", web::get().to(list_tokens))
        .route("/tokens", web::post().to(create_token))
        .route("/tokens/{id}", web::delete().to(revoke_token))
        .route("/audit", web::get().to(audit))
        .route("/audit/verify", web::get().to(audit_verify))
        .route("/settings", web::get().to(get_settings))
        .route("/settings", web::put().to(put_settings))
        .route("/settings/legal-footer", web::get().to(get_legal_footer))
        .route("/settings/legal-footer/{language}", web::put().to(put_legal_footer))
        .route("/settings/legal-footer/{language}", web::delete().to(delete_legal_footer))
        .route("/backups", web::post().to(create_backup))
        .configure(contacts::routes)
        .configure(campaigns::routes)
        .configure(bounces::routes)
        .configure(forms::routes)
        .configure(gdpr::routes)
        .configure(retention::routes)
        .configure(segments::routes)
        .configure(journeys::routes)
        .configure(scoring::routes)
        .configure(breaches::routes)
        .configure(events::routes)
        .configure(reports::routes)
        .configure(media::routes)
        .default_service(web::to(|| async { Err::<HttpResponse, _>(ApiError::not_found("endpoint")) }));
}

/// A JSON body that may be left out: no body at all is `T::default()`. A body that is sent
/// must be JSON within the route's limit, and is refused (400, 413) otherwise. (Actix's
/// `Option<web::Json<T>>` reads a refused body as no body and carries on with the defaults:
/// an oversized `{"at": …}` sent a campaign at once instead of scheduling it.)
pub(crate) struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default + 'static> FromRequest for OptionalJson<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let chunked = req.headers().contains_key(header::TRANSFER_ENCODING);
        if !chunked && crate::http::limits::content_length(req).unwrap_or(0) == 0 {
            return Box::pin(std::future::ready(Ok(OptionalJson(T::default()))));
        }
        let json = web::Json::<T>::from_request(req, payload);
        Box::pin(async move { Ok(OptionalJson(json.await?.into_inner())) })
    }
}

fn user_id(raw: &str) -> Result<PersonId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("user"))
}

async fn me(p: Principal) -> HttpResponse {
    let permissions: Vec<&str> = Permission::ALL.iter().filter(|x| p.can(**x)).map(|x| x.as_str()).collect();
    HttpResponse::Ok().json(json!({
        "user": p.user.view(),
        "permissions": permissions,
        "token": p.token.as_ref().map(|t| json!({"id": t.id, "name": t.name, "scopes": t.scopes, "expires_at": t.expires_at})),
    }))
}

async fn list_users(state: web::Data<AppState>, _g: Guard<perm::ManageUsers>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let users = blocking(move || st.users.list()).await?;
    Ok(HttpResponse::Ok().json(json!({ "users": users.iter().map(|u| u.view()).collect::<Vec<_>>() })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    username: String,
    #[serde(default)]
    display_name: String,
    role: String,
}

async fn create_user(
    state: web::Data<AppState>,
    g: Guard<perm::ManageUsers>,
    body: web::Json<NewUser>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let role: Role = body.role.parse().map_err(|m: String| ApiError::invalid("role", m))?;
    let st = state.clone();
    let b = g.by();
    let created =
        blocking(move || ops::create_user(&st, b, &body.username, &body.display_name, role).map_err(ApiError::from))
            .await?;
    Ok(HttpResponse::Created()
        .json(json!({ "user": created.user.view(), "one_time_password": created.one_time_password })))
}

async fn get_user(
    state: web::Data<AppState>,
    _g: Guard<perm::ManageUsers>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = user_id(&id)?;
    let st = state.clone();
    let user = blocking(move || st.users.get(&id)).await?.ok_or_else(|| ApiError::not_found("user"))?;
    Ok(HttpResponse::Ok().json(user.view()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserPatch {
    role: Option<String>,
    disabled: Option<bool>,
}

async fn update_user(
    state: web::Data<AppState>,
    g: Guard<perm::ManageUsers>,
    id: web::Path<String>,
    body: web::Json<UserPatch>,
) -> Result<HttpResponse, ApiError> {
    let id = user_id(&id)?;
    let patch = body.into_inner();
    let role = match patch.role {
        Some(r) => Some(r.parse::<Role>().map_err(|m| ApiError::invalid("role", m))?),
        None => None,
    };
    let st = state.clone();
    let b = g.by();
    let user = blocking(move || -> Result<_, ApiError> {
        let mut user = st.users.get(&id)?.ok_or_else(|| ApiError::not_found("user"))?;
        if let Some(role) = role {
            user = ops::change_role(&st, b, &id, role)?;
        }
        if let Some(d) = patch.disabled {
            user = ops::set_disabled(&st, b, &id, d)?;
        }
        Ok(user)
    })
    .await?;
    Ok(HttpResponse::Ok().json(user.view()))
}

async fn unlock_user(
    state: web::Data<AppState>,
    g: Guard<perm::ManageUsers>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = user_id(&id)?;
    let st = state.clone();
    let b = g.by();
    let user = blocking(move || ops::unlock(&st, b, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(user.view()))
}

async fn reset_password(
    state: web::Data<AppState>,
    g: Guard<perm::ManageUsers>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = user_id(&id)?;
    let st = state.clone();
    let b = g.by();
    let (user, otp) = blocking(move || ops::reset_password(&st, b, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "user": user.view(), "one_time_password": otp })))
}

async fn list_tokens(state: web::Data<AppState>, g: Guard<perm::ManageOwnTokens>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let owner = if g.can(Permission::ManageAllTokens) { None } else { Some(g.user.id) };
    let tokens = blocking(move || st.tokens.list(owner.as_ref())).await?;
    let out: Vec<_> = tokens
        .iter()
        .map(|t| {
            json!({
                "id": t.id, "owner": t.owner, "name": t.name, "scopes": t.scopes, "created_at": t.created_at,
                "expires_at": t.expires_at, "last_used_at": t.last_used_at, "revoked_at": t.revoked_at,
            })
        })
        .collect();
    Ok(HttpResponse::Ok().json(json!({ "tokens": out })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewToken {
    name: String,
    scopes: Vec<String>,
    expires_at: Option<DateTime<Utc>>,
}

async fn create_token(
    state: web::Data<AppState>,
    g: Guard<perm::ManageOwnTokens>,
    body: web::Json<NewToken>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let scopes = body
        .scopes
        .iter()
        .map(|s| s.parse::<Permission>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|m| ApiError::invalid("scopes", m))?;
    // A token cannot hand out more than the token that creates it holds.
    if let Some(t) = &g.token {
        if let Some(s) = scopes.iter().find(|s| !t.scopes.contains(s)) {
            return Err(ApiError::invalid("scopes", format!("This token does not hold the scope `{}`.", s.as_str())));
        }
    }
    let st = state.clone();
    let b = g.by();
    let owner = g.user.clone();
    let (token, secret) = blocking(move || {
        ops::create_token(&st, b, &owner, &body.name, scopes, body.expires_at).map_err(ApiError::from)
    })
    .await?;
    Ok(HttpResponse::Created().json(json!({
        "id": token.id, "name": token.name, "scopes": token.scopes, "expires_at": token.expires_at,
        "token": secret,
    })))
}

async fn revoke_token(
    state: web::Data<AppState>,
    g: Guard<perm::ManageOwnTokens>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id: TokenId = id.parse().map_err(|_| ApiError::not_found("token"))?;
    let st = state.clone();
    let b = g.by();
    let me = g.user.id;
    blocking(move || ops::revoke_token(&st, b, &me, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
struct AuditApiQuery {
    #[serde(flatten)]
    q: AuditQuery,
    limit: Option<usize>,
}

async fn audit(
    state: web::Data<AppState>,
    _g: Guard<perm::ViewAudit>,
    q: web::Query<AuditApiQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let filter = q.q.filter()?;
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    let st = state.clone();
    let (entries, next_before) = blocking(move || -> Result<_, ApiError> {
        let entries = st.audit.query(&filter, limit)?;
        let next_before = if entries.len() == limit { entries.last().map(|e| e.seq) } else { None };
        Ok((st.audit.views(&entries)?, next_before))
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({ "entries": entries, "next_before": next_before })))
}

async fn audit_verify(state: web::Data<AppState>, _g: Guard<perm::ViewAudit>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let v = blocking(move || st.audit.verify()).await?;
    Ok(HttpResponse::Ok().json(match v {
        crate::audit::Verification::Intact { entries } => json!({ "intact": true, "entries": entries }),
        crate::audit::Verification::Broken { seq, reason } => {
            json!({ "intact": false, "seq": seq, "reason": reason.to_string() })
        }
    }))
}

async fn get_settings(state: web::Data<AppState>, _g: Guard<perm::ManageSettings>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    Ok(HttpResponse::Ok().json(blocking(move || st.settings.get()).await?))
}

async fn put_settings(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    body: web::Json<Settings>,
) -> Result<HttpResponse, ApiError> {
    let new = body.into_inner();
    let st = state.clone();
    let by = g.by();
    let saved = blocking(move || ops::update_settings(&st, by, new).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(saved))
}

/// `{"legal_footer": {"de": "…"}}`: the legal footer per language.
fn legal_footer_view(footers: &crate::settings::LegalFooters) -> serde_json::Value {
    json!({ "legal_footer": footers })
}

async fn get_legal_footer(
    state: web::Data<AppState>,
    _g: Guard<perm::ManageSettings>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let footers = blocking(move || st.settings.legal_footers()).await?;
    Ok(HttpResponse::Ok().json(legal_footer_view(&footers)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegalFooterInput {
    text: String,
}

/// `PUT /settings/legal-footer/{language}` `{text}`: that language's legal footer (plain text,
/// a line per line; empty removes it).
async fn put_legal_footer(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    language: web::Path<String>,
    body: web::Json<LegalFooterInput>,
) -> Result<HttpResponse, ApiError> {
    let given = std::collections::BTreeMap::from([(language.into_inner(), body.into_inner().text)]);
    let (st, by) = (state.clone(), g.by());
    let footers = blocking(move || ops::set_legal_footers(&st, by, &given, false).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(legal_footer_view(&footers)))
}

async fn delete_legal_footer(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    language: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let given = std::collections::BTreeMap::from([(language.into_inner(), String::new())]);
    let (st, by) = (state.clone(), g.by());
    let footers = blocking(move || ops::set_legal_footers(&st, by, &given, false).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(legal_footer_view(&footers)))
}

async fn create_backup(state: web::Data<AppState>, g: Guard<perm::RunBackups>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let by = g.by();
    let report = blocking(move || ops::take_backup(&st, by, None, None).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Created().json(report))
}
