//! Sign-in, second factor, sign-out and the password change a one-time password forces.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use minijinja::context;
use serde::Deserialize;

use super::{bare, see_other, visitor_language};
use crate::audit::{Action, Actor, Event};
use crate::auth::login::{self, PasswordOutcome, SecondFactorOutcome};
use crate::auth::sessions::random_token;
use crate::auth::Stage;
use crate::domain::PersonId;
use crate::http::error::{ApiError, Code};
use crate::http::guard::{pre_csrf, CsrfForm, Ctx, RequestCtx, PRE_COOKIE, SESSION_COOKIE};
use crate::http::safe_next;
use crate::i18n::{self, Arg, Language};
use crate::ops::{self, By};
use crate::state::{blocking, AppState};

fn session_cookie(value: String) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, value).path("/").secure(true).http_only(true).same_site(SameSite::Strict).finish()
}

fn cleared(name: &'static str) -> Cookie<'static> {
    let mut c = Cookie::build(name, "").path("/").secure(true).http_only(true).same_site(SameSite::Strict).finish();
    c.make_removal();
    c
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    ok: Option<String>,
}

/// The sign-in page; `refusal` is the status and the reason when an attempt was refused.
fn login_page(
    state: &AppState,
    ctx: &RequestCtx,
    ui: &Language,
    refusal: Option<(StatusCode, String)>,
    next: &str,
    notice: Option<&str>,
    username: Option<&str>,
) -> Result<HttpResponse, ApiError> {
    // The pre-login cookie carries the login form's CSRF token until a session exists.
    let (pre, new_cookie) = match &ctx.pre {
        Some(p) => (p.clone(), None),
        None => {
            let p = random_token();
            (p.clone(), Some(p))
        }
    };
    let settings = state.settings.get()?;
    let (status, error) = match refusal {
        Some((status, error)) => (status, Some(error)),
        None => (StatusCode::OK, None),
    };
    let body = crate::http::templates::templates().render(
        "login.html",
        context! {
            ui_lang => ui.code, csrf => pre_csrf(state, &pre), error => error, next => next, notice => notice,
            organisation => settings.organisation, login_notice => settings.login_notice, username => username,
        },
    )?;
    let mut res = HttpResponse::build(status);
    res.content_type("text/html; charset=utf-8");
    res.insert_header((actix_web::http::header::CONTENT_LANGUAGE, ui.code.clone()));
    if let Some(p) = new_cookie {
        res.cookie(
            Cookie::build(PRE_COOKIE, p).path("/").secure(true).http_only(true).same_site(SameSite::Strict).finish(),
        );
    }
    Ok(res.body(body))
}

pub async fn login_form(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    q: web::Query<LoginQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    if ctx.session.as_ref().is_some_and(|s| s.session.stage == Stage::Full) && ctx.user.is_some() {
        return Ok(see_other(&safe_next(q.next.as_deref())));
    }
    // Nobody is known on the sign-in page: the browser's language.
    let ui = visitor_language(&state, &req, None);
    let (next, notice) = (safe_next(q.next.as_deref()), super::notice(q.ok.as_deref()));
    login_page(&state, &ctx, ui, None, &next, notice, None)
}

#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

fn locked_message(ui: &Language, until: chrono::DateTime<chrono::Utc>) -> String {
    ui.text("acc-locked", Some(&i18n::args([("time", Arg::from(until.format("%H:%M").to_string()))])))
}

pub async fn login(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    req: HttpRequest,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<HttpResponse, ApiError> {
    let next = safe_next(form.next.as_deref());
    let ui = visitor_language(&state, &req, None);
    if !state.login_limiter.check(ctx.client.ip) {
        state.metrics.login("rate_limited");
        let refusal = (StatusCode::TOO_MANY_REQUESTS, ui.text("acc-login-rate-limited", None));
        return login_page(&state, &ctx, ui, Some(refusal), &next, None, None);
    }
    let ip = ctx.client.truncated();
    let typed = form.username.clone();
    let outcome = login::password_step(&state, form.username, form.password, ip).await?;
    match outcome {
        PasswordOutcome::Rejected => {
            state.metrics.login("rejected");
            let refusal = (StatusCode::UNAUTHORIZED, ui.text("acc-login-rejected", None));
            login_page(&state, &ctx, ui, Some(refusal), &next, None, Some(&typed))
        }
        PasswordOutcome::Locked { until } => {
            state.metrics.login("locked");
            let refusal = (StatusCode::LOCKED, locked_message(ui, until));
            login_page(&state, &ctx, ui, Some(refusal), &next, None, Some(&typed))
        }
        PasswordOutcome::Accepted { user, stage } => {
            let user_id = user.id;
            state.metrics.login(if stage == Stage::NeedsSecondFactor { "password_ok" } else { "success" });
            let st = state.clone();
            let old = ctx.session.as_ref().map(|s| s.key);
            let agent = ctx.client.agent.clone();
            let (token, _) = blocking(move || {
                if let Some(k) = old {
                    st.sessions.revoke(&k)?;
                }
                st.sessions.create(user.id, stage, ip, &agent)
            })
            .await?;
            let to = match stage {
                Stage::NeedsSecondFactor => format!("/login/2fa?next={}", crate::http::urlencode(&next)),
                Stage::NeedsPasswordChange => "/account/password".to_string(),
                Stage::Full => after_sign_in(&state, user_id, next).await?,
            };
            let mut res = see_other(&to);
            res.add_cookie(&session_cookie(token)).map_err(ApiError::internal)?;
            res.add_removal_cookie(&cleared(PRE_COOKIE)).map_err(ApiError::internal)?;
            Ok(res)
        }
    }
}

pub async fn second_factor_form(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    q: web::Query<LoginQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let Some(s) = ctx.session.as_ref().filter(|s| s.session.stage == Stage::NeedsSecondFactor) else {
        return Ok(see_other("/login"));
    };
    let ui = visitor_language(&state, &req, Some(&s.session.user));
    bare(
        "second_factor.html",
        context! {
            ui_lang => ui.code, csrf => s.session.csrf, next => safe_next(q.next.as_deref()), error => None::<String>,
        },
    )
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
    next: Option<String>,
}

pub async fn second_factor(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    req: HttpRequest,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<HttpResponse, ApiError> {
    let Some(found) = ctx.session.clone().filter(|s| s.session.stage == Stage::NeedsSecondFactor) else {
        return Ok(see_other("/login"));
    };
    let ui = visitor_language(&state, &req, Some(&found.session.user));
    let next = safe_next(form.next.as_deref());
    let ip = ctx.client.truncated();
    let user_id = found.session.user;
    match login::second_factor_step(&state, found.session.user, form.code, ip).await? {
        SecondFactorOutcome::Accepted { stage } => {
            state.metrics.login("success");
            let st = state.clone();
            let (token, _) = blocking(move || st.sessions.rotate(&found, stage)).await?;
            let to = if stage == Stage::NeedsPasswordChange {
                "/account/password".to_string()
            } else {
                after_sign_in(&state, user_id, next).await?
            };
            let mut res = see_other(&to);
            res.add_cookie(&session_cookie(token)).map_err(ApiError::internal)?;
            Ok(res)
        }
        SecondFactorOutcome::Rejected => {
            state.metrics.login("second_factor_rejected");
            let body = crate::http::templates::templates().render(
                "second_factor.html",
                context! {
                    ui_lang => ui.code, csrf => found.session.csrf, next => next,
                    error => ui.text("acc-2fa-wrong", None),
                },
            )?;
            Ok(HttpResponse::Unauthorized().content_type("text/html; charset=utf-8").body(body))
        }
        SecondFactorOutcome::Locked { until } => {
            state.metrics.login("locked");
            let st = state.clone();
            let key = found.key;
            blocking(move || st.sessions.revoke(&key)).await?;
            let refusal = (StatusCode::LOCKED, locked_message(ui, until));
            let mut res = login_page(&state, &RequestCtx::default(), ui, Some(refusal), "/", None, None)?;
            res.add_removal_cookie(&cleared(SESSION_COOKIE)).map_err(ApiError::internal)?;
            Ok(res)
        }
    }
}

/// Where a full sign-in goes: to `next`, or first to the notice of failed attempts since the
/// previous sign-in when there were any.
async fn after_sign_in(state: &web::Data<AppState>, user: PersonId, next: String) -> Result<String, ApiError> {
    let st = state.clone();
    let summary = blocking(move || login::failures_since_previous_sign_in(&st, &user)).await?;
    Ok(if summary.count > 0 { format!("/login/notice?next={}", crate::http::urlencode(&next)) } else { next })
}

pub async fn sign_in_notice(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    q: web::Query<LoginQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let Some(s) = ctx.session.as_ref().filter(|s| s.session.stage == Stage::Full) else {
        return Ok(see_other("/login"));
    };
    let (st, user) = (state.clone(), s.session.user);
    let (summary, found) = blocking(move || -> Result<_, ApiError> {
        Ok((login::failures_since_previous_sign_in(&st, &user)?, st.users.get(&user)?))
    })
    .await?;
    let ui = visitor_language(&state, &req, Some(&user));
    bare(
        "sign_in_notice.html",
        context! {
            ui_lang => ui.code,
            summary => summary,
            next => safe_next(q.next.as_deref()),
            totp => found.is_some_and(|u| u.totp.is_some()),
            max_failures => state.config.auth.max_failed_logins,
            lockout_minutes => state.config.auth.lockout_minutes,
        },
    )
}

pub async fn logout(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    _form: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    if let Some(found) = ctx.session {
        let st = state.clone();
        let key = found.key;
        blocking(move || st.sessions.revoke(&key)).await?;
        state
            .audit_event(Event::new(Actor::User(found.session.user), Action::Logout).ip(ctx.client.truncated()))
            .await?;
    }
    let mut res = see_other("/login?ok=logged_out");
    res.add_removal_cookie(&cleared(SESSION_COOKIE)).map_err(ApiError::internal)?;
    Ok(res)
}

fn password_session(ctx: &RequestCtx) -> Result<(crate::auth::sessions::Found, crate::auth::User), ApiError> {
    match (&ctx.session, &ctx.user) {
        (Some(s), Some(u)) if s.session.stage != Stage::NeedsSecondFactor => Ok((s.clone(), u.clone())),
        (Some(_), Some(_)) => Err(ApiError::new(Code::SecondFactorRequired, "Enter your authentication code first.")),
        _ => Err(ApiError::unauthenticated()),
    }
}

pub async fn password_form(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (s, u) = password_session(&ctx)?;
    let ui = visitor_language(&state, &req, Some(&u.id));
    bare(
        "password.html",
        context! {
            ui_lang => ui.code, csrf => s.session.csrf, forced => s.session.stage == Stage::NeedsPasswordChange,
            expired => !u.must_change_password, min_length => state.config.auth.password_min_length,
            errors => context!{}, username => u.username,
        },
    )
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current: String,
    new: String,
    confirm: String,
}

pub async fn change_password(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    req: HttpRequest,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, ApiError> {
    let (found, user) = password_session(&ctx)?;
    let ui = visitor_language(&state, &req, Some(&user.id));
    let by = By { actor: Actor::User(user.id), ip: ctx.client.truncated(), role: Some(user.role) };
    let st = state.clone();
    let key = found.key;
    let result = blocking(move || -> Result<_, ApiError> {
        Ok(ops::change_own_password(&st, by, &user.id, &form.current, &form.new, &form.confirm, Some(&key)))
    })
    .await?;
    match result {
        Ok(_) => {
            if found.session.stage == Stage::NeedsPasswordChange {
                let st = state.clone();
                let (token, _) = blocking(move || st.sessions.rotate(&found, Stage::Full)).await?;
                let mut res = see_other("/?ok=password_changed");
                res.add_cookie(&session_cookie(token)).map_err(ApiError::internal)?;
                Ok(res)
            } else {
                Ok(see_other("/account?ok=password_changed"))
            }
        }
        Err(crate::ops::OpError::Invalid { field, message }) => {
            let u = ctx.user.clone().expect("checked above");
            let body = crate::http::templates::templates().render(
                "password.html",
                context! {
                    ui_lang => ui.code, csrf => found.session.csrf, forced => found.session.stage == Stage::NeedsPasswordChange,
                    expired => !u.must_change_password, min_length => state.config.auth.password_min_length,
                    errors => std::collections::BTreeMap::from([(field, message)]), username => u.username,
                },
            )?;
            Ok(HttpResponse::UnprocessableEntity().content_type("text/html; charset=utf-8").body(body))
        }
        Err(e) => Err(e.into()),
    }
}
