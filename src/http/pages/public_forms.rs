//! The public side of subscribe forms: no login, no cookie. The hosted page, the submission
//! (from the hosted page or a snippet on the shop's own site), the proof-of-work challenge and
//! the confirmation link.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use minijinja::{context, Value};

use super::forms::public_view;
use crate::forms::ops::{self as fops, Confirmed, Outcome, Submitted};
use crate::forms::{pow, Form, FormId};
use crate::http::client::ClientInfo;
use crate::http::error::ApiError;
use crate::http::limits;
use crate::state::{blocking, AppState};

use super::public::shop;

fn render(state: &AppState, status: u16, template: &str, ctx: Value) -> Result<HttpResponse, ApiError> {
    let html = state.templates.render(template, context! { shop => shop(state), ..ctx })?;
    let status = actix_web::http::StatusCode::from_u16(status).unwrap_or(actix_web::http::StatusCode::OK);
    Ok(HttpResponse::build(status).content_type("text/html; charset=utf-8").body(html))
}

/// A page with a heading and a message (the outcome of a submission or a confirmation).
fn message(state: &AppState, status: u16, title: &str, text: &str, kind: &str) -> Result<HttpResponse, ApiError> {
    render(state, status, "form_message.html", context! { title => title, text => text, kind => kind })
}

fn not_found(state: &AppState) -> Result<HttpResponse, ApiError> {
    message(state, 404, "Form not found", "There is no subscribe form at this address.", "error")
}

async fn load(state: &web::Data<AppState>, raw: &str) -> Result<Option<Form>, ApiError> {
    let Ok(id) = raw.parse::<FormId>() else { return Ok(None) };
    let st = state.clone();
    blocking(move || st.forms.get(&id).map_err(ApiError::from)).await
}

/// The origin (`https://host[:port]`) of an https URL.
fn origin_of(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| format!("https://{host}"))
}

pub async fn hosted(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let Some(f) = load(&state, &path).await? else { return not_found(&state) };
    let st = state.clone();
    let f2 = f.clone();
    let view = blocking(move || public_view(&st, &f2, false)).await?;
    let mut res = render(&state, 200, "form_public.html", context! { form => view, embed => false })?;
    // The browser follows the post-submission redirect only where form-action allows it.
    if let Some(origin) = origin_of(&f.redirect_url) {
        let csp = crate::http::CSP.replace("form-action 'self'", &format!("form-action 'self' {origin}"));
        if let Ok(v) = header::HeaderValue::from_str(&csp) {
            res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    Ok(res)
}

/// `{challenge, difficulty}` for pow.js; readable from the shop's own pages (CORS, no cookies).
pub async fn challenge(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let Some(f) = load(&state, &path).await?.filter(|f| f.proof_of_work) else {
        return Err(ApiError::not_found("form"));
    };
    let difficulty = state.config.forms.pow_difficulty;
    let c = pow::issue(state.store.keyring(), &f.id, difficulty, Utc::now());
    Ok(HttpResponse::Ok()
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .json(serde_json::json!({ "challenge": c, "difficulty": difficulty })))
}

pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let Some(f) = load(&state, &path).await? else { return not_found(&state) };
    let body = match limits::read_body(&req, payload, limits::MAX_PUBLIC_FORM_BYTES, "form").await {
        Ok(body) => body,
        Err(e) => {
            let status = actix_web::ResponseError::status_code(&e).as_u16();
            return message(&state, status, "Not sent", &e.message, "error");
        }
    };
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) else {
        return message(&state, 400, "Not sent", "The form could not be read. Go back and try again.", "error");
    };
    let client = ClientInfo::from_request(&req, &state.config);
    // What was typed, to put back in the fields if the form is refused.
    let typed: std::collections::BTreeMap<String, String> =
        pairs.iter().filter(|(k, _)| k != "consent").map(|(k, v)| (k.clone(), v.clone())).collect();
    let typed_consents: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "consent")
        .map(|(_, v)| v.split_once(':').map_or(v.as_str(), |(k, _)| k).to_string())
        .collect();
    let submitted = Submitted { pairs, ip: client.ip, user_agent: client.agent };
    let (st, form) = (state.clone(), f.clone());
    let outcome = blocking(move || fops::submit(&st, &form, &submitted, Utc::now()).map_err(ApiError::from)).await?;
    match outcome {
        Outcome::Accepted => {
            if !f.redirect_url.is_empty() {
                return Ok(super::see_other(&f.redirect_url));
            }
            let title = if f.double_opt_in { "Check your inbox" } else { "Thank you" };
            message(&state, 200, title, &f.thank_you, "ok")
        }
        Outcome::Injection { field } => message(
            &state,
            400,
            "Not sent",
            &format!("The field “{field}” contains a line break or another control character, which is not accepted. Go back and correct it."),
            "error",
        ),
        Outcome::Invalid { field, message: m } => {
            let st = state.clone();
            let view = blocking(move || public_view(&st, &f, false)).await?;
            let label = match field.as_str() {
                "email" => "Email address".to_string(),
                "first_name" => "First name".to_string(),
                "last_name" => "Last name".to_string(),
                "consent" => "Consent".to_string(),
                other => other.to_string(),
            };
            let mut res = render(
                &state,
                422,
                "form_public.html",
                context! {
                    form => view, embed => false, error => format!("{label}: {m}"), typed => typed,
                    typed_consents => typed_consents,
                },
            )?;
            *res.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Outcome::RateLimited => message(
            &state,
            429,
            "Too many attempts",
            "This form has been sent too often in a short time. Please wait a while and try again.",
            "error",
        ),
        Outcome::Pow(e) => message(&state, 400, "Not sent", e.message(), "error"),
    }
}

/// A link scanner fetching the link from the mail must not subscribe anyone: GET only shows a
/// button, and the POST it sends confirms.
pub async fn confirm_page(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let (st, token) = (state.clone(), path.into_inner());
    let t = token.clone();
    let checked = blocking(move || fops::check_token(&st, &t, Utc::now()).map_err(ApiError::from)).await?;
    match checked {
        Ok((_, _, s)) if s.confirmed_at.is_some() => confirmed(&state),
        Ok((_, form, _)) => render(
            &state,
            200,
            "form_confirm.html",
            context! { title => form.title, action => format!("/f/confirm/{token}") },
        ),
        Err(other) => refused(&state, &other),
    }
}

pub async fn confirm(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let (st, token) = (state.clone(), path.into_inner());
    let outcome = blocking(move || fops::confirm(&st, &token, Utc::now()).map_err(ApiError::from)).await?;
    match outcome {
        Confirmed::Done => confirmed(&state),
        other => refused(&state, &other),
    }
}

fn confirmed(state: &AppState) -> Result<HttpResponse, ApiError> {
    message(
        state,
        200,
        "Subscription confirmed",
        "Thank you: your subscription is confirmed. You can unsubscribe at any time with the link in every email.",
        "ok",
    )
}

fn refused(state: &AppState, outcome: &Confirmed) -> Result<HttpResponse, ApiError> {
    match outcome {
        Confirmed::Expired => message(
            state,
            410,
            "This link has expired",
            "Confirmation links are valid for a limited time. Subscribe again through the form and use the new link.",
            "error",
        ),
        _ => message(
            state,
            404,
            "This link is not valid",
            "The link is incomplete, was changed, or its sign-up no longer exists. Copy the whole link from the email, or subscribe again.",
            "error",
        ),
    }
}
