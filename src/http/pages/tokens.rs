//! API tokens: create (shown once), list, revoke.

use actix_web::{web, HttpResponse};
use minijinja::context;
use serde::Deserialize;

use super::{notice, page, see_other, NoticeQuery};
use crate::domain::{Permission, TokenId};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::ops::{self, OpError};
use crate::state::{blocking, AppState};

fn scope_choices(p: &Principal) -> Vec<minijinja::Value> {
    Permission::ALL
        .iter()
        .filter(|s| p.user.role.allows(**s))
        .map(|s| context! { value => s.as_str(), describe => s.describe() })
        .collect()
}

async fn render(state: &web::Data<AppState>, g: &Principal, extra: minijinja::Value) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let all = g.can(Permission::ManageAllTokens);
    let me = g.user.id;
    let (tokens, owners) = blocking(move || -> Result<_, ApiError> {
        let tokens = st.tokens.list(if all { None } else { Some(&me) })?;
        let owners: std::collections::BTreeMap<String, String> =
            st.users.list()?.into_iter().map(|u| (u.id.to_string(), u.username)).collect();
        Ok((tokens, owners))
    })
    .await?;
    let now = chrono::Utc::now();
    let rows: Vec<_> = tokens
        .iter()
        .map(|t| {
            context! {
                id => t.id.to_string(), name => t.name, owner => owners.get(&t.owner.to_string()).cloned().unwrap_or_default(),
                mine => t.owner == me, scopes => t.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                created_at => t.created_at, expires_at => t.expires_at, last_used_at => t.last_used_at,
                revoked_at => t.revoked_at, active => t.is_active(now),
            }
        })
        .collect();
    page(state, g, "tokens.html", "tokens", context! { tokens => rows, scopes => scope_choices(g), ..extra })
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::ManageOwnTokens>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    render(&state, &g, context! { notice => notice(q.ok.as_deref()) }).await
}

#[derive(Deserialize)]
pub struct TokenForm {
    name: String,
    #[serde(default)]
    scope: Vec<String>,
    /// Days until expiry; empty or 0 for none.
    #[serde(default)]
    expires_days: String,
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::ManageOwnTokens>,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<HttpResponse, ApiError> {
    let scopes: Result<Vec<Permission>, String> = form.scope.iter().map(|s| s.parse()).collect();
    let expires = match form.expires_days.trim() {
        "" | "0" => Ok(None),
        d => d
            .parse::<u32>()
            .ok()
            .filter(|d| *d <= 3650)
            .map(|d| Some(chrono::Utc::now() + chrono::Duration::days(d as i64)))
            .ok_or_else(|| "Enter a number of days between 1 and 3650, or leave it empty.".to_string()),
    };
    let result = match (scopes, expires) {
        (Err(m), _) => Err(OpError::Invalid { field: "scopes", message: m }),
        (_, Err(m)) => Err(OpError::Invalid { field: "expires_days", message: m }),
        (Ok(scopes), Ok(expires)) => {
            let st = state.clone();
            let b = g.by();
            let owner = g.user.clone();
            let name = form.name.clone();
            blocking(move || -> Result<_, ApiError> { Ok(ops::create_token(&st, b, &owner, &name, scopes, expires)) })
                .await?
        }
    };
    match result {
        Ok((token, secret)) => {
            render(&state, &g, context! { created => context! { name => token.name, secret => secret } }).await
        }
        Err(OpError::Invalid { field, message }) => render(
            &state,
            &g,
            context! {
                errors => std::collections::BTreeMap::from([(field, message)]),
                form_name => form.name, form_scopes => form.scope, form_expires => form.expires_days,
            },
        )
        .await
        .map(super::unprocessable),
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke(
    state: web::Data<AppState>,
    g: Guard<perm::ManageOwnTokens>,
    id: web::Path<String>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let id: TokenId = id.parse().map_err(|_| ApiError::not_found("token"))?;
    let st = state.clone();
    let b = g.by();
    let me = g.user.id;
    blocking(move || ops::revoke_token(&st, b, &me, &id).map_err(ApiError::from)).await?;
    Ok(see_other("/tokens?ok=revoked"))
}
