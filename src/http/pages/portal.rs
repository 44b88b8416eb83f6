//! The self-service privacy portal (`/privacy`). A person enters an address and, if we hold it,
//! gets a link by mail that works once for 30 minutes; the page says the same either way, and
//! comes as fast (the lookup and the mail happen after the answer, see `intake`).
//! Through the link: see the data held, download it, correct the name, change lists and
//! consents (the preference centre), and ask for erasure. Each action is a request in the
//! register. No admin session is involved; the portal cookie names one contact and ends with
//! the link's 30 minutes.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use minijinja::{context, Value};
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::see_other;
use crate::audit::Actor;
use crate::domain::{ContactId, EmailAddress};
use crate::gdpr::steps::{PortalAsk, StepText};
use crate::gdpr::{ops as gops, portal, Kind};
use crate::http::error::ApiError;
use crate::http::guard::Ctx;
use crate::http::lang::PublicPage;
use crate::i18n::status_key;
use crate::intake::Work;
use crate::ops::By;
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/privacy", web::get().to(start))
        .route("/privacy", web::post().to(send_link))
        .route("/privacy/open/{token}", web::get().to(open_page))
        .route("/privacy/open/{token}", web::post().to(open))
        .route("/privacy/me", web::get().to(me))
        .route("/privacy/me/archive", web::post().to(archive))
        .route("/privacy/me/profile", web::post().to(profile))
        .route("/privacy/me/erase", web::post().to(erase))
        .route("/privacy/me/leave", web::post().to(leave));
}

pub async fn start(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    PublicPage::new(&state, &req, None).render(StatusCode::OK, "portal.html", context! {})
}

#[derive(Deserialize)]
pub struct EmailForm {
    email: String,
}

pub async fn send_link(
    state: web::Data<AppState>,
    ctx: Ctx,
    req: HttpRequest,
    web::Form(f): web::Form<EmailForm>,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    if let Some(r) = page.limited(&ctx) {
        return r;
    }
    let Ok(email) = EmailAddress::parse(f.email.trim()) else {
        return page.render(
            StatusCode::UNPROCESSABLE_ENTITY,
            "portal.html",
            context! { error => page.t("portal-bad-address"), email => f.email },
        );
    };
    let st = state.clone();
    // Whether or not the address is known, the answer is the same and takes the same time: the
    // request is kept (the same write for every address) and the lookup and the mail come
    // after the answer (`intake`).
    blocking(move || st.intake.queue(&Work::PortalLink { email, at: Utc::now() })).await?;
    page.render(StatusCode::OK, "portal.html", context! { sent => true })
}

pub async fn open_page(
    state: web::Data<AppState>,
    token: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    match portal::verify_link(state.store.keyring(), &token, Utc::now()) {
        Ok(_) => page.render(StatusCode::OK, "portal_open.html", context! { token => token.as_str() }),
        Err(e) => expired(&page, e),
    }
}

fn expired(page: &PublicPage, e: portal::LinkError) -> Result<HttpResponse, ApiError> {
    let key = match e {
        portal::LinkError::Expired => "portal-link-expired",
        portal::LinkError::Used => "portal-link-used",
        portal::LinkError::Invalid => "portal-link-broken",
    };
    page.render(StatusCode::NOT_FOUND, "portal.html", context! { error => page.t(key) })
}

pub async fn open(
    state: web::Data<AppState>,
    ctx: Ctx,
    token: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    if let Some(r) = page.limited(&ctx) {
        return r;
    }
    let link = match portal::verify_link(state.store.keyring(), &token, Utc::now()) {
        Ok(l) => l,
        Err(e) => return expired(&page, e),
    };
    let st = state.clone();
    let fresh = blocking(move || -> Result<bool, ApiError> {
        let fresh = portal::consume(&st.store, &link)?;
        st.store.commit()?;
        Ok(fresh)
    })
    .await?;
    if !fresh {
        return expired(&page, portal::LinkError::Used);
    }
    let cookie = Cookie::build(portal::COOKIE, portal::session_value(state.store.keyring(), &link))
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Strict)
        .max_age(actix_web::cookie::time::Duration::minutes(portal::LINK_MINUTES))
        .finish();
    let mut res = see_other(&format!("/privacy/me{}", page.query()));
    res.add_cookie(&cookie).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(res)
}

/// The contact of the portal session, or None (then the person is sent to ask for a link).
fn session(state: &AppState, req: &HttpRequest) -> Option<(ContactId, chrono::DateTime<Utc>)> {
    let c = req.cookie(portal::COOKIE)?;
    portal::session_contact(state.store.keyring(), c.value(), Utc::now())
}

/// The portal's forms carry a keyed hash of the session cookie: a page elsewhere cannot.
fn csrf(state: &AppState, req: &HttpRequest) -> String {
    let v = req.cookie(portal::COOKIE).map(|c| c.value().to_string()).unwrap_or_default();
    hex::encode(&state.store.keyring().link_mac("tidings/portal-csrf", &[v.as_bytes()])[..16])
}

fn check_csrf(state: &AppState, req: &HttpRequest, given: &str) -> bool {
    bool::from(csrf(state, req).as_bytes().ct_eq(given.as_bytes()))
}

fn signed_out(state: &AppState, req: &HttpRequest) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(state, req, None);
    page.render(StatusCode::UNAUTHORIZED, "portal.html", context! { error => page.t("portal-session-ended") })
}

fn by_subject(ctx: &Ctx) -> By {
    By { actor: Actor::Anonymous, ip: ctx.0.client.truncated(), role: None }
}

pub async fn me(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let Some((contact, until)) = session(&state, &req) else { return signed_out(&state, &req) };
    let st = state.clone();
    type Consents = Vec<(crate::domain::Purpose, &'static str, chrono::DateTime<Utc>)>;
    type Held =
        (Value, Option<String>, crate::domain::Status, Vec<(String, usize)>, Vec<crate::gdpr::Request>, Consents);
    let data = blocking(move || -> Result<Option<Held>, ApiError> {
        let Some(c) = st.contacts.get(&contact)? else { return Ok(None) };
        let consents = st.contacts.consent_state(&contact)?;
        let purposes = st.purposes.all()?;
        // Named in the reader's language below, once the page knows it.
        let held: Vec<(String, usize)> =
            st.store.export_person(&contact.person())?.into_iter().map(|(tree, rows)| (tree, rows.len())).collect();
        let requests = st.gdpr.requests.of_contact(&contact)?;
        let preferences = crate::mail::links::sign(
            st.store.keyring(),
            crate::mail::links::LinkKind::Preferences,
            &contact,
            None,
            Utc::now(),
        );
        let (locale, status) = (c.locale.clone(), c.status);
        Ok(Some((
            context! {
                contact => context! {
                    email => c.email.as_str(), first_name => c.first_name, last_name => c.last_name,
                    phone => c.phone.as_ref().map(|p| p.as_str().to_string()), status => c.status.label(),
                    lists => c.lists, tags => c.tags, created_at => c.created_at, source => c.source.as_str(),
                },
                restricted => st.gdpr.restrictions.is_restricted(&contact)?,
                preferences_url => format!("/p/{preferences}"),
                review => st.config.gdpr.portal_erasure_review,
            },
            locale,
            status,
            held,
            requests,
            purposes
                .into_iter()
                .filter_map(|p| consents.get(&p.key).map(|(s, at)| (p.clone(), s.as_str(), *at)))
                .collect(),
        )))
    })
    .await?;
    match data {
        Some((d, locale, status, held, requests, given)) => {
            let page = PublicPage::new(&state, &req, locale.as_deref());
            // Each purpose by its name in the reader's language.
            let (st, code) = (state.clone(), page.lang.code.clone());
            let consents: Vec<Value> = blocking(move || -> Result<Vec<Value>, ApiError> {
                given
                    .iter()
                    .map(|(p, s, at)| Ok(context! { name => st.purposes.name_in(p, &code)?, state => s, at => at }))
                    .collect()
            })
            .await?;
            // Their lead scores as they are now (profiling made visible to them, as the archive
            // shows it): computed, never stored, so no store above lists them.
            let (st, lang) = (state.clone(), page.lang);
            let scores = blocking(move || -> Result<Vec<serde_json::Value>, ApiError> {
                let scores = crate::gdpr::archive::scores(&st, &contact, lang)
                    .map_err(|e| ApiError::internal(format!("{e:#}")))?;
                Ok(crate::gdpr::archive::scores_to_read(&scores, lang))
            })
            .await?;
            let held: Vec<Value> = held
                .iter()
                .map(|(tree, records)| {
                    context! { purpose => crate::gdpr::archive::store_text(state.store.registry(), tree, page.lang), records => records }
                })
                .collect();
            let requests: Vec<Value> = requests
                .iter()
                .map(|r| {
                    context! {
                        kind => page.t(request_kind_key(r.kind)), received_at => r.received_at,
                        state => page.t(request_state_key(r.state)),
                    }
                })
                .collect();
            let ok = url::form_urlencoded::parse(req.query_string().as_bytes())
                .find(|(k, _)| k == "ok")
                .map(|(_, v)| v.into_owned());
            let notice = match ok.as_deref() {
                Some("saved") => Some(page.t("portal-saved")),
                Some("queued") => Some(page.t("portal-erase-queued")),
                _ => None,
            };
            page.render(
                StatusCode::OK,
                "portal_me.html",
                context! {
                    csrf => csrf(&state, &req), until => until, notice => notice, held => held, requests => requests,
                    consents => consents, scores => Value::from_serialize(&scores),
                    status_text => page.t(status_key(status)), ..d
                },
            )
        }
        None => {
            let page = PublicPage::new(&state, &req, None);
            page.render(StatusCode::OK, "portal.html", context! { error => page.t("portal-nothing-held") })
        }
    }
}

/// A request's kind as the person reads it, with the article of the regulation.
fn request_kind_key(k: Kind) -> &'static str {
    match k {
        Kind::Access => "request-kind-access",
        Kind::Portability => "request-kind-portability",
        Kind::Rectification => "request-kind-rectification",
        Kind::Erasure => "request-kind-erasure",
        Kind::Restriction => "request-kind-restriction",
        Kind::Objection => "request-kind-objection",
        Kind::Withdrawal => "request-kind-withdrawal",
    }
}

fn request_state_key(s: crate::gdpr::State) -> &'static str {
    use crate::gdpr::State;
    match s {
        State::Open => "request-state-open",
        State::Done => "request-state-done",
        State::Refused => "request-state-refused",
    }
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    csrf: String,
}

pub async fn archive(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    web::Form(f): web::Form<CsrfOnly>,
) -> Result<HttpResponse, ApiError> {
    let Some((contact, _)) = session(&state, &req) else { return signed_out(&state, &req) };
    if !check_csrf(&state, &req, &f.csrf) {
        return signed_out(&state, &req);
    }
    let (st, by) = (state.clone(), by_subject(&ctx));
    let a = blocking(move || -> Result<_, ApiError> {
        let r = gops::portal_request(&st, &contact, Kind::Access, PortalAsk::Copy, false)?;
        let a = gops::produce_archive(&st, by, None, &contact)?;
        gops::close_done(&st, &r.id, StepText::ArchiveDownloaded(a.records as u64))?;
        Ok(a)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", a.file_name)))
        .body(a.bytes))
}

#[derive(Deserialize)]
pub struct ProfileForm {
    csrf: String,
    first_name: String,
    last_name: String,
}

pub async fn profile(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    web::Form(f): web::Form<ProfileForm>,
) -> Result<HttpResponse, ApiError> {
    let Some((contact, _)) = session(&state, &req) else { return signed_out(&state, &req) };
    if !check_csrf(&state, &req, &f.csrf) {
        return signed_out(&state, &req);
    }
    let (st, by) = (state.clone(), by_subject(&ctx));
    blocking(move || -> Result<(), ApiError> {
        let input = crate::domain::ContactInput {
            first_name: Some(f.first_name.trim().to_string()),
            last_name: Some(f.last_name.trim().to_string()),
            ..Default::default()
        };
        let (_, changed) = crate::contacts::ops::update(&st, by, &contact, &input)?;
        if !changed.is_empty() {
            gops::portal_request(&st, &contact, Kind::Rectification, PortalAsk::Corrected(changed.join(", ")), true)?;
        }
        Ok(())
    })
    .await?;
    Ok(see_other(&format!("/privacy/me?ok=saved{}", PublicPage::new(&state, &req, None).and_query())))
}

#[derive(Deserialize)]
pub struct EraseForm {
    csrf: String,
    #[serde(default)]
    confirm: String,
}

pub async fn erase(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    web::Form(f): web::Form<EraseForm>,
) -> Result<HttpResponse, ApiError> {
    let Some((contact, _)) = session(&state, &req) else { return signed_out(&state, &req) };
    if !check_csrf(&state, &req, &f.csrf) {
        return signed_out(&state, &req);
    }
    if f.confirm != "yes" {
        return Ok(see_other("/privacy/me"));
    }
    let (st, by) = (state.clone(), by_subject(&ctx));
    let review = state.config.gdpr.portal_erasure_review;
    blocking(move || -> Result<(), ApiError> {
        let r = gops::portal_request(&st, &contact, Kind::Erasure, PortalAsk::Erase, false)?;
        if review {
            let mut r = r;
            r.step("system", StepText::WaitingForDpo);
            st.gdpr.requests.put(&r)?;
            st.store.commit()?;
            return Ok(());
        }
        gops::erase(&st, by, &r.id, crate::gdpr::erasure::Mode::Erase)?;
        gops::close_done(&st, &r.id, StepText::ErasedThroughPortal)?;
        Ok(())
    })
    .await?;
    let page = PublicPage::new(&state, &req, None);
    if review {
        return Ok(see_other(&format!("/privacy/me?ok=queued{}", page.and_query())));
    }
    let mut res = page.message(StatusCode::OK, "portal-erased")?;
    res.add_removal_cookie(&Cookie::build(portal::COOKIE, "").path("/").secure(true).finish())
        .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(res)
}

pub async fn leave(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let mut res = see_other("/privacy");
    res.add_removal_cookie(&Cookie::build(portal::COOKIE, "").path("/").secure(true).finish())
        .map_err(|e| ApiError::internal(e.to_string()))?;
    let _ = state;
    Ok(res)
}
