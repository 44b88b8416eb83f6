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

/// The admin message saying what a scope allows.
fn scope_key(p: Permission) -> &'static str {
    use Permission::*;
    match p {
        ViewDashboard => "acc-scope-view-dashboard",
        ManageUsers => "acc-scope-manage-users",
        ManageOwners => "acc-scope-manage-owners",
        ManageOwnTokens => "acc-scope-manage-own-tokens",
        ManageAllTokens => "acc-scope-manage-all-tokens",
        ViewAudit => "acc-scope-view-audit",
        ManageSettings => "acc-scope-manage-settings",
        ViewContacts => "acc-scope-view-contacts",
        EditContacts => "acc-scope-edit-contacts",
        SendCampaigns => "acc-scope-send-campaigns",
        ViewPersonalData => "acc-scope-view-personal-data",
        UnmaskPersonalData => "acc-scope-unmask-personal-data",
        ManageGdpr => "acc-scope-manage-gdpr",
        RunBackups => "acc-scope-run-backups",
        ViewMetrics => "acc-scope-view-metrics",
        RecordEvents => "acc-scope-record-events",
        ViewReports => "acc-scope-view-reports",
    }
}

fn scope_choices(p: &Principal, ui: &crate::i18n::Language) -> Vec<minijinja::Value> {
    Permission::ALL
        .iter()
        .filter(|s| p.user.role.allows(**s))
        .map(|s| context! { value => s.as_str(), describe => ui.text(scope_key(*s), None) })
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
    let scopes = scope_choices(g, super::ui_language(state, g));
    page(state, g, "tokens.html", "tokens", context! { tokens => rows, scopes => scopes, ..extra })
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
            .ok_or_else(|| super::ui_language(&state, &g).text("acc-tokens-days-invalid", None)),
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
