//! The signed-in user's own account: password, two-factor authentication, recovery codes,
//! sessions.

use actix_web::{web, HttpResponse};
use minijinja::context;
use serde::Deserialize;

use super::{notice, page, see_other, NoticeQuery};
use crate::auth::totp;
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::ops::{self, OpError};
use crate::state::{blocking, AppState};

async fn render(state: &web::Data<AppState>, g: &Principal, extra: minijinja::Value) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let me = g.user.id;
    let sessions = blocking(move || st.sessions.list_user(&me)).await?;
    let current_created = g.session.as_ref().map(|s| s.session.created_at);
    let sessions: Vec<_> = sessions
        .into_iter()
        .map(|s| context! { created_at => s.created_at, last_seen => s.last_seen, ip => s.ip.map(|i| i.to_string()), agent => s.agent, current => Some(s.created_at) == current_created })
        .collect();
    page(
        state,
        g,
        "account.html",
        "account",
        context! {
            sessions => sessions, recovery_left => g.user.recovery_codes.len(),
            ui_languages => crate::i18n::admin_catalogue().languages().iter().map(|l| context! { code => l.code, name => l.name }).collect::<Vec<_>>(),
            password_max_age_days => state.config.auth.password_max_age_days, ..extra
        },
    )
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ViewDashboard>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    render(&state, &g, context! { notice => notice(q.ok.as_deref()) }).await
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
}

/// The staff member's own language for the admin pages.
pub async fn set_language(
    state: web::Data<AppState>,
    g: Guard<perm::ViewDashboard>,
    CsrfForm(f): CsrfForm<LanguageForm>,
) -> Result<HttpResponse, ApiError> {
    let code = f.language.trim().to_string();
    if !crate::i18n::admin_catalogue().languages().iter().any(|l| l.code == code) {
        return Err(ApiError::invalid(
            "language",
            format!("the admin pages are not translated into `{}`", code.chars().take(20).collect::<String>()),
        ));
    }
    let (st, id) = (state.clone(), g.user.id);
    blocking(move || -> Result<(), ApiError> {
        let mut p = st.preferences.get(&id)?;
        p.language = (code != crate::i18n::SOURCE).then_some(code);
        st.preferences.put(&id, &p)?;
        st.store.commit()?;
        Ok(())
    })
    .await?;
    Ok(see_other("/account?ok=language_saved"))
}

pub async fn totp_start(
    state: web::Data<AppState>,
    g: Guard<perm::ViewDashboard>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    if g.user.totp.is_some() {
        return Ok(see_other("/account"));
    }
    let st = state.clone();
    let id = g.user.id;
    blocking(move || ops::start_totp(&st, &id).map_err(ApiError::from)).await?;
    Ok(see_other("/account/2fa"))
}

fn enrol_page(state: &AppState, g: &Principal, secret: &[u8], error: Option<String>) -> Result<HttpResponse, ApiError> {
    let url = totp::provisioning_url(secret, &g.user.username);
    page(
        state,
        g,
        "totp_enrol.html",
        "account",
        context! { qr => totp::qr_svg(&url), secret => group4(&totp::secret_base32(secret)), error => error },
    )
}

pub async fn totp_form(state: web::Data<AppState>, g: Guard<perm::ViewDashboard>) -> Result<HttpResponse, ApiError> {
    match (&g.user.totp, &g.user.pending_totp) {
        (None, Some(secret)) => enrol_page(&state, &g, secret, None),
        _ => Ok(see_other("/account")),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
}

pub async fn totp_confirm(
    state: web::Data<AppState>,
    g: Guard<perm::ViewDashboard>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let b = g.by();
    let id = g.user.id;
    let result = blocking(move || -> Result<_, ApiError> { Ok(ops::confirm_totp(&st, b, &id, &form.code)) }).await?;
    match result {
        Ok(codes) => page(&state, &g, "recovery_codes.html", "account", context! { codes => codes, fresh => true }),
        Err(OpError::Invalid { message, .. }) => {
            let secret = g.user.pending_totp.clone().unwrap_or_default();
            enrol_page(&state, &g, &secret, Some(message)).map(super::unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    password: String,
}

pub async fn totp_disable(
    state: web::Data<AppState>,
    g: Guard<perm::ViewDashboard>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let b = g.by();
    let id = g.user.id;
    let result =
        blocking(move || -> Result<_, ApiError> { Ok(ops::disable_totp(&st, b, &id, Some(&form.password))) }).await?;
    match result {
        Ok(_) => Ok(see_other("/account?ok=totp_disabled")),
        Err(OpError::Invalid { message, .. }) => {
            render(&state, &g, context! { error => message }).await.map(super::unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn recovery_codes(
    state: web::Data<AppState>,
    g: Guard<perm::ViewDashboard>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let b = g.by();
    let id = g.user.id;
    let result =
        blocking(move || -> Result<_, ApiError> { Ok(ops::regenerate_recovery_codes(&st, b, &id, &form.password)) })
            .await?;
    match result {
        Ok(codes) => page(&state, &g, "recovery_codes.html", "account", context! { codes => codes, fresh => false }),
        Err(OpError::Invalid { message, .. }) | Err(OpError::Conflict(message)) => {
            render(&state, &g, context! { error => message }).await.map(super::unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke_other_sessions(
    state: web::Data<AppState>,
    g: Guard<perm::ViewDashboard>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let id = g.user.id;
    let keep = g.session.as_ref().map(|s| s.key);
    let n = blocking(move || st.sessions.revoke_user(&id, keep.as_ref())).await?;
    state
        .audit_event(
            crate::audit::Event::new(g.actor(), crate::audit::Action::SessionsRevoked)
                .ip(g.client.truncated())
                .target(g.user.id.reference())
                .detail("sessions", n),
        )
        .await?;
    Ok(see_other("/account?ok=sessions_revoked"))
}

/// `ABCD EFGH …`: easier to type from the screen.
fn group4(s: &str) -> String {
    s.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}
