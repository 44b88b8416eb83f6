//! Public pages reached from a link in a mail: unsubscribe (`/u/{token}`, with the RFC 8058
//! one-click POST) and the preference centre (`/p/{token}`). They need no login and set no
//! cookie: the signed token is the authority (`mail::links`). Every bad token gets the same
//! plain 404 page, whatever is wrong with it, and an unknown or erased contact unsubscribes
//! "successfully", so nothing here tells a visitor who is in the database.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use minijinja::context;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::see_other;
use crate::contacts::subject::{self, Choices, Origin, PREFERENCES_PAGE, UNSUBSCRIBE_PAGE};
use crate::domain::Status;
use crate::http::error::ApiError;
use crate::http::guard::Ctx;
use crate::http::lang::PublicPage;
use crate::http::limits;
use crate::mail::links::{self, Claims, LinkKind};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/u/{token}", web::get().to(unsubscribe_page))
        .route("/u/{token}", web::post().to(unsubscribe))
        .route("/p/{token}", web::get().to(preferences_page))
        .route("/p/{token}", web::post().to(save_preferences))
        .route("/m/{token}", web::get().to(view_in_browser))
        .route("/sender/confirm/{token}", web::get().to(sender_confirm_page))
        .route("/sender/confirm/{token}", web::post().to(sender_confirm));
}

/// The link mailed to a new sender's address (`senders::start_verification`): a page with a
/// button, so that a mail scanner that opens every link confirms nothing.
pub async fn sender_confirm_page(
    state: web::Data<AppState>,
    ctx: Ctx,
    token: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (page, ui) = staff_page(&state, &req);
    if let Some(r) = page.limited(&ctx) {
        return r;
    }
    let (st, t) = (state.clone(), token.clone());
    let found = blocking(move || crate::senders::pending(&st, &t).map_err(ApiError::from)).await?;
    match found {
        Some(s) => page.render(
            StatusCode::OK,
            "sender_confirm.html",
            context! {
                ui_lang => ui.code, address => s.address, action => format!("/sender/confirm/{}", token.as_str()),
            },
        ),
        None => sender_link_dead(&page, ui),
    }
}

/// The sender's confirmation is read by the shop's own staff (the sender's mailbox), in the
/// languages the admin is written in: the one the public page would choose when the admin has
/// it, else the browser's among the admin's, else English; the page around it in the same one.
fn staff_page<'a>(state: &'a AppState, req: &HttpRequest) -> (PublicPage<'a>, &'static crate::i18n::Language) {
    let mut page = PublicPage::new(state, req, None);
    let admin = crate::i18n::admin_catalogue();
    let ui = match admin.languages().iter().find(|l| l.code == page.lang.code) {
        Some(l) => l,
        None => super::visitor_language(state, req, None),
    };
    page.lang = crate::i18n::catalogue().get(&ui.code);
    (page, ui)
}

pub async fn sender_confirm(
    state: web::Data<AppState>,
    ctx: Ctx,
    token: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (page, ui) = staff_page(&state, &req);
    if let Some(r) = page.limited(&ctx) {
        return r;
    }
    let (st, t) = (state.clone(), token.into_inner());
    match blocking(move || crate::senders::confirm(&st, &t).map_err(ApiError::from)).await? {
        Some(address) => page.message_text(
            StatusCode::OK,
            &ui.text("acc-sender-confirmed", None),
            &ui.text(
                "acc-sender-confirmed-text",
                Some(&crate::i18n::args([("address", crate::i18n::Arg::from(address))])),
            ),
        ),
        None => sender_link_dead(&page, ui),
    }
}

/// A page for the shop's own staff (the sender's mailbox), in the admin's languages.
fn sender_link_dead(page: &PublicPage, ui: &crate::i18n::Language) -> Result<HttpResponse, ApiError> {
    page.message_text(
        StatusCode::NOT_FOUND,
        &ui.text("acc-sender-link-dead", None),
        &ui.text("acc-sender-link-dead-text", None),
    )
}

/// "View in browser": the campaign as this contact received it. Its own document, with no
/// script and no way to run one.
pub async fn view_in_browser(
    state: web::Data<AppState>,
    ctx: Ctx,
    token: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    if let Some(r) = page.limited(&ctx) {
        return r;
    }
    let Ok(claims) =
        crate::mail::links::verify(state.store.keyring(), crate::mail::links::LinkKind::ViewInBrowser, &token)
    else {
        return not_found(&page);
    };
    let st = state.clone();
    let doc = crate::state::blocking(move || -> Result<Option<String>, ApiError> {
        let Some(id) = claims.campaign.as_deref().and_then(|c| c.parse::<crate::domain::CampaignId>().ok()) else {
            return Ok(None);
        };
        let (Some(c), Some(contact)) = (st.sending.campaigns.get(&id)?, st.contacts.get(&claims.contact)?) else {
            return Ok(None);
        };
        Ok(crate::sending::ops::preview(&st, &c, Some(&contact)).ok().map(|r| r.html))
    })
    .await?;
    match doc {
        Some(html) => Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((
                actix_web::http::header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'none'; \
                 sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation",
            ))
            .body(html)),
        None => not_found(&page),
    }
}

pub(super) fn not_found(page: &PublicPage) -> Result<HttpResponse, ApiError> {
    page.message(StatusCode::NOT_FOUND, "link-broken")
}

/// The posted form, at most [`limits::MAX_PUBLIC_FORM_BYTES`]; the page to answer otherwise.
pub(super) async fn read_form(
    page: &PublicPage<'_>,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<web::Bytes, Result<HttpResponse, ApiError>> {
    limits::read_body(req, payload, limits::MAX_PUBLIC_FORM_BYTES, "form").await.map_err(|e| {
        let status = actix_web::ResponseError::status_code(&e);
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            let limit = crate::units::human(limits::MAX_PUBLIC_FORM_BYTES);
            page.message_text(
                status,
                &page.t("form-too-large"),
                &page.t_with("form-too-large.text", &[("limit", &limit)]),
            )
        } else {
            page.message(status, "form-unreadable")
        }
    })
}

fn origin(ctx: &Ctx) -> Origin {
    Origin { ip: ctx.0.client.truncated(), user_agent: Some(ctx.0.client.agent.clone()) }
}

/// The preference centre's link for the same contact and campaign as `claims`.
fn preferences_path(state: &AppState, claims: &Claims) -> String {
    let token = links::sign(
        state.store.keyring(),
        LinkKind::Preferences,
        &claims.contact,
        claims.campaign.as_deref(),
        chrono::Utc::now(),
    );
    format!("{}{token}", LinkKind::Preferences.path())
}

/// The preference form's CSRF value: a keyed hash of the token, so it needs no session and
/// a page from another site cannot compute it.
fn preferences_csrf(state: &AppState, token: &str) -> String {
    hex::encode(&state.store.keyring().link_mac("tidings/preferences-csrf", &[token.as_bytes()])[..16])
}

// ---------------------------------------------------------------------------------------------
// Unsubscribe

/// The confirm page. It changes nothing: link scanners follow GETs.
pub async fn unsubscribe_page(
    state: web::Data<AppState>,
    ctx: Ctx,
    token: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    if let Some(r) = page.limited(&ctx) {
        return r;
    }
    let Ok(claims) = links::verify(state.store.keyring(), LinkKind::Unsubscribe, &token) else {
        return not_found(&page);
    };
    let (st, id) = (state.clone(), claims.contact);
    let contact = blocking(move || st.contacts.resolve(&id)).await?;
    let page = page.for_contact(&req, contact.as_ref().and_then(|c| c.locale.as_deref()));
    let ctx = context! {
        address => contact.as_ref().map(|c| c.email.masked()),
        already => contact.as_ref().is_some_and(|c| c.status == Status::Unsubscribed),
        action => format!("{}{}", LinkKind::Unsubscribe.path(), token.as_str()),
        preferences_url => preferences_path(&state, &claims),
    };
    page.render(StatusCode::OK, "unsubscribe.html", ctx)
}

/// RFC 8058 one-click (a mail provider posts `List-Unsubscribe=One-Click`) and the confirm
/// button both land here. Committed to disk before the 200.
pub async fn unsubscribe(
    state: web::Data<AppState>,
    ctx: Ctx,
    token: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    if let Some(r) = page.limited(&ctx) {
        return r;
    }
    let body = match read_form(&page, &req, payload).await {
        Ok(body) => body,
        Err(answer) => return answer,
    };
    let Ok(claims) = links::verify(state.store.keyring(), LinkKind::Unsubscribe, &token) else {
        return not_found(&page);
    };
    let one_click = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
        .is_ok_and(|pairs| pairs.iter().any(|(k, v)| k == "List-Unsubscribe" && v == "One-Click"));
    let how = if one_click { "one-click unsubscribe (RFC 8058)" } else { "confirmed" };
    let (st, c, origin) = (state.clone(), claims.clone(), origin(&ctx));
    let withdrawn = blocking(move || {
        subject::unsubscribe(&st, &c.contact, c.campaign.as_deref(), how, UNSUBSCRIBE_PAGE, &origin)
            .map_err(ApiError::from)
    })
    .await?;
    tracing::info!(one_click, withdrawn = withdrawn.len(), "unsubscribed through a signed link");
    let (st, id) = (state.clone(), claims.contact);
    let locale = blocking(move || st.contacts.get(&id).map_err(ApiError::from)).await?.and_then(|c| c.locale);
    let page = page.for_contact(&req, locale.as_deref());
    // The purposes withdrawn, each by its name in the reader's language.
    let (st, code) = (state.clone(), page.lang.code.clone());
    let withdrawn: Vec<String> = blocking(move || -> Result<Vec<String>, ApiError> {
        withdrawn.iter().map(|p| Ok(st.purposes.name_in(p, &code)?)).collect()
    })
    .await?;
    let ctx = context! { withdrawn => withdrawn, preferences_url => preferences_path(&state, &claims) };
    page.render(StatusCode::OK, "unsubscribed.html", ctx)
}

// ---------------------------------------------------------------------------------------------
// Preference centre

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn preferences_page(
    state: web::Data<AppState>,
    ctx: Ctx,
    token: web::Path<String>,
    q: web::Query<SavedQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    if let Some(r) = page.limited(&ctx) {
        return r;
    }
    let Ok(claims) = links::verify(state.store.keyring(), LinkKind::Preferences, &token) else {
        return not_found(&page);
    };
    let (st, id) = (state.clone(), claims.contact);
    let fields = state.fields.all();
    let (st2, id2) = (state.clone(), id);
    let locale = blocking(move || st2.contacts.get(&id2).map_err(ApiError::from)).await?.and_then(|c| c.locale);
    let page = page.for_contact(&req, locale.as_deref());
    let language = page.lang.code.clone();
    let Some(view) = blocking(move || subject::preferences(&st, &id, &language).map_err(ApiError::from)).await? else {
        return not_found(&page);
    };
    let c = &view.contact;
    // What is held, in words: which kinds of data, never their values (a forwarded mail's
    // link must not show the person's name or phone to whoever opens it).
    let custom: Vec<String> =
        fields.iter().filter(|f| c.custom.contains_key(&f.key)).map(|f| f.label.clone()).collect();
    let notice = match q.saved.as_deref() {
        Some("everything") => Some(page.t("preferences-everything-done")),
        Some(_) => Some(page.t("preferences-saved")),
        None => None,
    };
    let ctx = context! {
        address => c.email.masked(),
        status => c.status.as_str(),
        lists => view.lists,
        topics => view.topics,
        action => format!("{}{}", LinkKind::Preferences.path(), token.as_str()),
        csrf => preferences_csrf(&state, &token),
        notice => notice,
        held => context! {
            name => !c.first_name.is_empty() || !c.last_name.is_empty(),
            phone => c.phone.is_some(),
            locale => c.locale.is_some() || c.time_zone.is_some(),
            custom => custom,
            since => c.created_at,
            source => c.source.as_str(),
        },
    };
    page.render(StatusCode::OK, "preferences.html", ctx)
}

#[derive(Deserialize)]
pub struct PreferencesForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    list: Vec<String>,
    #[serde(default)]
    purpose: Vec<String>,
    /// The "unsubscribe from everything" button.
    #[serde(default)]
    everything: Option<String>,
}

pub async fn save_preferences(
    state: web::Data<AppState>,
    ctx: Ctx,
    token: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let page = PublicPage::new(&state, &req, None);
    if let Some(r) = page.limited(&ctx) {
        return r;
    }
    let body = match read_form(&page, &req, payload).await {
        Ok(body) => body,
        Err(answer) => return answer,
    };
    let Ok(claims) = links::verify(state.store.keyring(), LinkKind::Preferences, &token) else {
        return not_found(&page);
    };
    let Ok(form) = serde_html_form::from_bytes::<PreferencesForm>(&body) else {
        return page.message(StatusCode::BAD_REQUEST, "form-unreadable");
    };
    let want = preferences_csrf(&state, &token);
    if !bool::from(want.as_bytes().ct_eq(form.csrf.as_bytes())) {
        return page.message(StatusCode::FORBIDDEN, "form-foreign");
    }
    let (st, origin) = (state.clone(), origin(&ctx));
    let everything = form.everything.is_some();
    let (st2, id2) = (state.clone(), claims.contact);
    let locale = blocking(move || st2.contacts.get(&id2).map_err(ApiError::from)).await?.and_then(|c| c.locale);
    let page = page.for_contact(&req, locale.as_deref());
    let choices = Choices {
        lists: form.list.into_iter().collect(),
        purposes: form.purpose.into_iter().collect(),
        language: page.lang.code.clone(),
    };
    let found = blocking(move || {
        let (id, campaign) = (&claims.contact, claims.campaign.as_deref());
        if everything {
            let how = "unsubscribe from everything";
            subject::unsubscribe(&st, id, campaign, how, PREFERENCES_PAGE, &origin).map(|_| true)
        } else {
            subject::save_preferences(&st, id, campaign, &choices, &origin).map(|s| s.is_some())
        }
        .map_err(ApiError::from)
    })
    .await?;
    if !found {
        return not_found(&page);
    }
    let saved = if everything { "everything" } else { "1" };
    Ok(see_other(&format!("{}{}?saved={saved}{}", LinkKind::Preferences.path(), token.as_str(), page.and_query())))
}
