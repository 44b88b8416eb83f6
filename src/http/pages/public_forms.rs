//! The public side of subscribe forms: no login, no cookie. The hosted page, the submission
//! (from the hosted page or a snippet on the shop's own site), the proof-of-work challenge and
//! the confirmation link.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use minijinja::context;

use super::forms::public_view;
use crate::forms::ops::{self as fops, Confirmed, Outcome, Submitted};
use crate::forms::{pow, Form, FormId};
use crate::http::client::ClientInfo;
use crate::http::error::ApiError;
use crate::http::lang::PublicPage;
use crate::state::{blocking, AppState};

fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::OK)
}

fn not_found(page: &PublicPage) -> Result<HttpResponse, ApiError> {
    page.message(StatusCode::NOT_FOUND, "form-not-found")
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

pub async fn hosted(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    let Some(f) = load(&state, &path).await? else { return not_found(&page) };
    let languages = state.forms.languages.get(&f.id)?;
    let page = PublicPage::with_default(&state, &req, None, languages.language.as_deref());
    let st = state.clone();
    let f2 = f.clone();
    let language = page.lang.code.clone();
    let view = blocking(move || public_view(&st, &f2, false, &language)).await?;
    let mut res = page.render(StatusCode::OK, "form_public.html", context! { form => view, embed => false })?;
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
    let page = PublicPage::new(&state, &req, None);
    let Some(f) = load(&state, &path).await? else { return not_found(&page) };
    let languages = state.forms.languages.get(&f.id)?;
    let page = PublicPage::with_default(&state, &req, None, languages.language.as_deref());
    let body = match super::public::read_form(&page, &req, payload).await {
        Ok(body) => body,
        Err(answer) => return answer,
    };
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) else {
        return page.message(StatusCode::BAD_REQUEST, "form-unreadable");
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
    let submitted =
        Submitted { pairs, ip: client.ip, user_agent: client.agent, language: Some(page.lang.code.clone()) };
    let (st, form) = (state.clone(), f.clone());
    let outcome = blocking(move || fops::submit(&st, &form, &submitted, Utc::now()).map_err(ApiError::from)).await?;
    match outcome {
        Outcome::Accepted => {
            if !f.redirect_url.is_empty() {
                return Ok(super::see_other(&f.redirect_url));
            }
            let title = page.t(if f.double_opt_in { "form-check-inbox" } else { "form-thank-you" });
            page.message_text(StatusCode::OK, &title, &languages.texts_for(&page.lang.code, &f).thank_you)
        }
        Outcome::Injection { field } => page.message_text(
            StatusCode::BAD_REQUEST,
            &page.t("form-not-sent"),
            &page.t_with("form-control-character", &[("field", &field)]),
        ),
        Outcome::Invalid { .. } | Outcome::ConsentMissing { .. } => {
            let error = match &outcome {
                Outcome::ConsentMissing { purpose: Some(name) } => {
                    page.t_with("form-tick-purpose", &[("purpose", name)])
                }
                Outcome::ConsentMissing { purpose: None } => page.t("form-tick-any"),
                Outcome::Invalid { field, .. } if field == "email" => page.t("form-bad-email"),
                Outcome::Invalid { field, message } => {
                    let label = match field.as_str() {
                        "first_name" => page.t("form-first-name"),
                        "last_name" => page.t("form-last-name"),
                        "consent" => page.t("form-consent"),
                        other => other.to_string(),
                    };
                    format!("{label}: {message}")
                }
                _ => String::new(),
            };
            let st = state.clone();
            let language = page.lang.code.clone();
            let view = blocking(move || public_view(&st, &f, false, &language)).await?;
            page.render(
                StatusCode::UNPROCESSABLE_ENTITY,
                "form_public.html",
                context! {
                    form => view, embed => false, error => error, typed => typed,
                    typed_consents => typed_consents,
                },
            )
        }
        Outcome::RateLimited => page.message(status(429), "form-too-often"),
        Outcome::Pow(e) => {
            let key = match e {
                pow::PowError::Missing => "form-pow-missing",
                pow::PowError::Expired => "form-pow-expired",
                _ => "form-pow-failed",
            };
            page.message_text(StatusCode::BAD_REQUEST, &page.t("form-not-sent"), &page.t(key))
        }
    }
}

/// A link scanner fetching the link from the mail must not subscribe anyone: GET only shows a
/// button, and the POST it sends confirms.
pub async fn confirm_page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    let (st, token) = (state.clone(), path.into_inner());
    let t = token.clone();
    let checked = blocking(move || fops::check_token(&st, &t, Utc::now()).map_err(ApiError::from)).await?;
    match checked {
        Ok((_, _, s)) if s.confirmed_at.is_some() => confirmed(&page),
        Ok((_, form, _)) => {
            let languages = state.forms.languages.get(&form.id)?;
            let page = PublicPage::with_default(&state, &req, None, languages.language.as_deref());
            let title = languages.texts_for(&page.lang.code, &form).title;
            page.render(
                StatusCode::OK,
                "form_confirm.html",
                context! { title => title, action => format!("/f/confirm/{token}") },
            )
        }
        Err(other) => refused(&page, &other),
    }
}

pub async fn confirm(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    let (st, token) = (state.clone(), path.into_inner());
    let outcome = blocking(move || fops::confirm(&st, &token, Utc::now()).map_err(ApiError::from)).await?;
    match outcome {
        Confirmed::Done => confirmed(&page),
        other => refused(&page, &other),
    }
}

fn confirmed(page: &PublicPage) -> Result<HttpResponse, ApiError> {
    page.message(StatusCode::OK, "form-confirmed")
}

fn refused(page: &PublicPage, outcome: &Confirmed) -> Result<HttpResponse, ApiError> {
    match outcome {
        Confirmed::Expired => page.message(StatusCode::GONE, "form-link-expired"),
        _ => page.message(StatusCode::NOT_FOUND, "form-link-invalid"),
    }
}
