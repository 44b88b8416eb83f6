//! Privacy requests in the admin UI: the register (with what is overdue first), registering a
//! request, and one page per request with the actions its kind calls for. Erasure asks for the
//! DPO's password again.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, Utc};
use minijinja::{context, Value};
use serde::Deserialize;

use super::history::{actor_words, kind_key, step_words};
use super::{notice, page, see_other, ui_language, Empty, NoticeQuery};
use crate::domain::{ContactId, RequestId};
use crate::gdpr::ops::{self, NewRequest, RequestUpdate};
use crate::gdpr::{Channel, Kind, Request, State, Urgency};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::i18n::Language;
use crate::ops::OpError;
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/requests", web::get().to(list))
        .route("/requests", web::post().to(create))
        .route("/requests/{id}", web::get().to(show))
        .route("/requests/{id}", web::post().to(update))
        .route("/requests/{id}/archive", web::post().to(archive))
        .route("/requests/{id}/erase", web::post().to(erase))
        .route("/requests/{id}/restrict", web::post().to(restrict))
        .route("/requests/{id}/lift", web::post().to(lift))
        .route("/requests/{id}/withdraw", web::post().to(withdraw))
        .route("/records", web::get().to(records))
        .route("/records.json", web::get().to(records_json));
}

fn kinds(ui: &Language) -> Vec<Value> {
    Kind::ALL.iter().map(|k| context! { value => k.as_str(), label => ui.text(kind_key(*k), None) }).collect()
}

fn channels() -> Vec<&'static str> {
    Channel::ALL.iter().map(|c| c.as_str()).collect()
}

fn row(r: &Request, now: chrono::DateTime<Utc>, store: &crate::store::Store, ui: &Language) -> Result<Value, ApiError> {
    let urgency = r.urgency(now);
    let extension_reason = r.extension_reason_text(store)?;
    Ok(context! {
        id => r.id.to_string(), kind => r.kind.as_str(), kind_label => ui.text(kind_key(r.kind), None), channel => r.channel.as_str(),
        contact => r.contact.map(|c| c.to_string()), subject_erased => r.subject_erased,
        received_at => r.received_at, due_at => r.due_at, days_left => (r.due_at - now).num_days(),
        extension_reason => extension_reason, verification => r.verification.as_str(),
        assignee => r.assignee, state => r.state.as_str(), closed_at => r.closed_at,
        urgency => match urgency { Urgency::Overdue => "overdue", Urgency::NearlyDue => "nearly_due", Urgency::OnTime => "on_time", Urgency::Closed => "closed" },
        steps => Value::from_serialize(&r.steps), notify_outcome => r.notify_outcome,
        can_extend => r.due_at < r.latest_due(),
    })
}

#[derive(Deserialize)]
pub struct ListQuery {
    ok: Option<String>,
    show: Option<String>,
    contact: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let prefill = q.contact.clone().filter(|c| c.parse::<ContactId>().is_ok());
    let form = NewForm { contact_id: prefill.unwrap_or_default(), ..NewForm::blank() };
    render_list(&state, &g, q.show.as_deref() == Some("all"), form, None, notice(q.ok.as_deref())).await
}

/// The register, with the new-request form holding `form` (what was typed, when it was refused).
async fn render_list(
    state: &web::Data<AppState>,
    g: &Principal,
    show_all: bool,
    form: NewForm,
    error: Option<&ApiError>,
    notice: Option<&'static str>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let (all, settings) =
        blocking(move || -> Result<_, ApiError> { Ok((st.gdpr.requests.all()?, st.settings.get()?)) }).await?;
    let now = Utc::now();
    let mut rows: Vec<&Request> = all.iter().filter(|r| show_all || r.state == State::Open).collect();
    // What needs doing first: overdue, then by deadline.
    rows.sort_by_key(|r| (r.state != State::Open, r.due_at));
    let counts = context! {
        open => all.iter().filter(|r| r.state == State::Open).count(),
        overdue => all.iter().filter(|r| r.urgency(now) == Urgency::Overdue).count(),
        nearly_due => all.iter().filter(|r| r.urgency(now) == Urgency::NearlyDue).count(),
        total => all.len(),
    };
    let ui = ui_language(state, g);
    let rows: Vec<Value> = rows.into_iter().map(|r| row(r, now, &state.store, ui)).collect::<Result<_, _>>()?;
    let today = settings.today(now).format("%Y-%m-%d").to_string();
    let received_on = if form.received_on.is_empty() { today.clone() } else { form.received_on.clone() };
    let res = page(
        state,
        g,
        "requests.html",
        "requests",
        context! {
            requests => rows, counts => counts, show_all => show_all, kinds => kinds(ui), channels => channels(),
            prefill_contact => Some(form.contact_id.clone()).filter(|c| c.parse::<ContactId>().is_ok()),
            form => Value::from_serialize(&form), received_on => received_on,
            today => today, time_zone => settings.time_zone, notice => notice,
            error => error.map(|e| e.message.clone()), error_field => error.and_then(|e| e.field.clone()),
        },
    )?;
    Ok(match error {
        Some(e) => {
            let mut res = res;
            *res.status_mut() = actix_web::ResponseError::status_code(e);
            res
        }
        None => res,
    })
}

#[derive(Deserialize, serde::Serialize, Default, Clone)]
pub struct NewForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    contact_id: String,
    #[serde(default)]
    received_on: String,
    #[serde(default)]
    message: String,
    /// "Tell the person when it is done" (Art. 19), ticked by default.
    #[serde(default)]
    notify_outcome: Option<String>,
}

impl NewForm {
    fn blank() -> Self {
        Self { channel: "email".into(), notify_outcome: Some("1".into()), ..Default::default() }
    }
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    CsrfForm(f): CsrfForm<NewForm>,
) -> Result<HttpResponse, ApiError> {
    let typed = f.clone();
    let refused = |e: ApiError| {
        let (state, g, typed) = (state.clone(), &g, typed.clone());
        async move {
            if actix_web::ResponseError::status_code(&e).is_server_error() {
                return Err(e);
            }
            render_list(&state, g, false, typed, Some(&e), None).await
        }
    };
    let st = state.clone();
    let settings = blocking(move || st.settings.get()).await?;
    // A date is that day in the shop's time zone (today: now; another day: its noon).
    let received_at = match f.received_on.trim() {
        "" => None,
        d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(day) => Some(settings.moment_of(day, Utc::now())),
            Err(_) => {
                let says = ui_language(&state, &g).text("gdpr-error-date", None);
                return refused(ApiError::invalid("received_on", says)).await;
            }
        },
    };
    let input = NewRequest {
        kind: f.kind,
        channel: Some(f.channel),
        contact_id: Some(f.contact_id).filter(|c| !c.trim().is_empty()),
        email: Some(f.email).filter(|e| !e.trim().is_empty()),
        received_at,
        message: Some(f.message),
        notify_outcome: Some(f.notify_outcome.is_some()),
    };
    let (st, by) = (state.clone(), g.by());
    match blocking(move || ops::create_request(&st, by, &input).map_err(ApiError::from)).await {
        Ok(r) => Ok(see_other(&format!("/requests/{}?ok=request_created", r.id))),
        Err(e) => refused(e).await,
    }
}

fn request_id(raw: &str) -> Result<RequestId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("request"))
}

async fn render(
    state: &web::Data<AppState>,
    g: &Principal,
    id: RequestId,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let viewer = g.viewer();
    let me = g.user.id.reference();
    let reader = g.clone();
    let ui = ui_language(state, g);
    let (r, details, contact, restriction, users, names) = blocking(move || -> Result<_, ApiError> {
        let r = ops::get_request(&st, &id)?;
        let details = if viewer.sees_personal_data() { Some(st.gdpr.requests.details(&r)?) } else { None };
        let contact = match &r.contact {
            Some(c) => st.contacts.get(c)?,
            None => None,
        };
        let restriction = match &r.contact {
            Some(c) => st.gdpr.restrictions.get(c)?,
            None => None,
        };
        let users: Vec<(String, String)> =
            st.users.list()?.into_iter().map(|u| (u.id.reference(), u.shown_name().to_string())).collect();
        let names = super::names::names(&st, &reader, r.steps.iter().map(|s| s.by.as_str()), ui);
        Ok((r, details, contact, restriction, users, names))
    })
    .await?;
    // Who did each step: the user's display name (the register is the DPO's), else the name
    // of the token or thing, else the system or the person through the portal, else the
    // reference as stored.
    let user_name = |reference: &str| users.iter().find(|(id, _)| id == reference).map(|(_, n)| n.clone());
    let step_by: std::collections::BTreeMap<&str, String> = r
        .steps
        .iter()
        .map(|s| {
            let who = user_name(&s.by)
                .or_else(|| names.get(&s.by).map(|n| n.name.clone()))
                .or_else(|| actor_words(&s.by, ui))
                .unwrap_or_else(|| s.by.clone());
            (s.by.as_str(), who)
        })
        .collect();
    // A step may name a user ("assigned to person:…"): shown by name.
    let steps: Vec<Value> = r
        .steps
        .iter()
        .map(|s| {
            let what = step_words(&s.what, ui, |who| user_name(who).unwrap_or_else(|| who.to_string()));
            context! { at => s.at, by => step_by.get(s.by.as_str()).cloned().unwrap_or_default(), what => what }
        })
        .collect();
    let contact = contact.map(|c| {
        let c = viewer.contact(c);
        context! { id => c.id.to_string(), email => c.email.as_str(), name => c.name(), status => c.status.as_str() }
    });
    let assignee_name = r.assignee.as_ref().and_then(|a| users.iter().find(|(id, _)| id == a)).map(|(_, n)| n.clone());
    page(
        state,
        g,
        "request.html",
        "requests",
        context! {
            r => row(&r, Utc::now(), &state.store, ui)?, details => details.map(|d| Value::from_serialize(&d)), contact => contact,
            restriction => restriction.map(|x| Value::from_serialize(&x)), me_ref => me, assignee_name => assignee_name,
            steps => steps,
            ..extra
        },
    )
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    render(&state, &g, id, context! { notice => notice(q.ok.as_deref()) }).await
}

/// A failed action shows the request page again with the reason, not an error page.
async fn again(
    state: &web::Data<AppState>,
    g: &Principal,
    id: RequestId,
    e: ApiError,
) -> Result<HttpResponse, ApiError> {
    super::shown_again(e, |extra| render(state, g, id, extra)).await
}

/// Like [`again`], with what was typed in the form put back in its fields.
async fn again_with(
    state: &web::Data<AppState>,
    g: &Principal,
    id: RequestId,
    e: ApiError,
    typed: &UpdateForm,
) -> Result<HttpResponse, ApiError> {
    let typed = Value::from_serialize(typed);
    super::shown_again(e, |extra| render(state, g, id, context! { typed => typed, ..extra })).await
}

#[derive(Deserialize, serde::Serialize, Clone)]
pub struct UpdateForm {
    verification: Option<String>,
    assignee: Option<String>,
    extend_months: Option<String>,
    extension_reason: Option<String>,
    close: Option<String>,
    response: Option<String>,
    notes: Option<String>,
    reopen: Option<String>,
    /// The Art. 19 box was on the form (an unticked box sends nothing).
    notify_shown: Option<String>,
    notify_outcome: Option<String>,
}

pub async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    CsrfForm(f): CsrfForm<UpdateForm>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    let extend_months = match f.extend_months.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(m) => match m.parse::<u32>() {
            Ok(m) => Some(m),
            Err(_) => {
                let says = ui_language(&state, &g).text("gdpr-error-extend-months", None);
                return again_with(&state, &g, id, ApiError::invalid("extend_months", says), &f).await;
            }
        },
    };
    let typed = f.clone();
    let u = RequestUpdate {
        verification: f.verification,
        assignee: f.assignee,
        extend_months,
        extension_reason: f.extension_reason,
        close: f.close,
        response: f.response,
        notes: f.notes,
        reopen: f.reopen.map(|_| true),
        notify_outcome: f.notify_shown.as_ref().map(|_| f.notify_outcome.is_some()),
    };
    let (st, by) = (state.clone(), g.by());
    match blocking(move || ops::update_request(&st, by, &id, &u).map_err(ApiError::from)).await {
        Ok(_) => Ok(see_other(&format!("/requests/{id}?ok=request_saved"))),
        Err(e) => again_with(&state, &g, id, e, &typed).await,
    }
}

pub async fn archive(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    let result = blocking(move || -> Result<_, ApiError> {
        let r = ops::get_request(&st, &id)?;
        let c = r.contact.ok_or_else(|| ApiError::from(OpError::Conflict("This request names no contact.".into())))?;
        Ok(ops::produce_archive(&st, by, Some(&id), &c)?)
    })
    .await;
    match result {
        Ok(a) => Ok(HttpResponse::Ok()
            .content_type("application/zip")
            .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", a.file_name)))
            .body(a.bytes)),
        Err(e) => again(&state, &g, id, e).await,
    }
}

#[derive(Deserialize)]
pub struct EraseForm {
    password: String,
    #[serde(default)]
    mode: String,
}

pub async fn erase(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    CsrfForm(f): CsrfForm<EraseForm>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    // Erasure cannot be undone: the signed-in person proves again that it is them.
    let ok = state.hasher.verify(f.password, Some(g.user.password_hash.clone())).await;
    if !ok {
        let e = ApiError::invalid("password", ui_language(&state, &g).text("gdpr-error-password", None));
        return again(&state, &g, id, e).await;
    }
    let Some(mode) = crate::gdpr::erasure::Mode::parse(&f.mode) else {
        let says = ui_language(&state, &g).text("gdpr-error-erase-mode", None);
        return again(&state, &g, id, ApiError::invalid("mode", says)).await;
    };
    let (st, by) = (state.clone(), g.by());
    match blocking(move || ops::erase(&st, by, &id, mode).map_err(ApiError::from)).await {
        Ok(_) => Ok(see_other(&format!("/requests/{id}?ok=request_erased"))),
        Err(e) => again(&state, &g, id, e).await,
    }
}

#[derive(Deserialize)]
pub struct RestrictForm {
    reason: String,
}

pub async fn restrict(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    CsrfForm(f): CsrfForm<RestrictForm>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    let result = blocking(move || -> Result<_, ApiError> {
        let r = ops::get_request(&st, &id)?;
        let c = r.contact.ok_or_else(|| ApiError::from(OpError::Conflict("This request names no contact.".into())))?;
        Ok(ops::restrict(&st, by, &c, &f.reason, Some(&id))?)
    })
    .await;
    match result {
        Ok(_) => Ok(see_other(&format!("/requests/{id}?ok=request_restricted"))),
        Err(e) => again(&state, &g, id, e).await,
    }
}

pub async fn lift(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    let result = blocking(move || -> Result<_, ApiError> {
        let r = ops::get_request(&st, &id)?;
        let c = r.contact.ok_or_else(|| ApiError::from(OpError::Conflict("This request names no contact.".into())))?;
        Ok(ops::lift_restriction(&st, by, &c)?)
    })
    .await;
    match result {
        Ok(_) => Ok(see_other(&format!("/requests/{id}?ok=request_lifted"))),
        Err(e) => again(&state, &g, id, e).await,
    }
}

pub async fn withdraw(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = request_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    match blocking(move || ops::withdraw(&st, by, &id, &[]).map_err(ApiError::from)).await {
        Ok(_) => Ok(see_other(&format!("/requests/{id}?ok=request_withdrawn"))),
        Err(e) => again(&state, &g, id, e).await,
    }
}

/// Records of processing (Art. 30), as a page and as a JSON download.
pub async fn records(state: web::Data<AppState>, g: Guard<perm::ManageGdpr>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let ui = ui_language(&state, &g);
    let doc = blocking(move || {
        // The scoring models in the staff member's words, their custom fields by label.
        let fields = st.fields.all();
        let names = super::segment_words::Names::of_fields(&fields);
        let words = |m: &crate::domain::score::Model| super::score_words::model_words(ui, &names, m);
        crate::gdpr::records::build(&st, ui, &words).map_err(|e| ApiError::internal(format!("{e:#}")))
    })
    .await?;
    page(&state, &g, "records.html", "records", context! { doc => Value::from_serialize(&doc) })
}

/// The JSON document is in English, as the API gives it: a file for machines and archives,
/// whoever downloads it.
pub async fn records_json(state: web::Data<AppState>, _g: Guard<perm::ManageGdpr>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let english = crate::i18n::admin_catalogue().source();
    let doc = blocking(move || {
        crate::gdpr::records::build(&st, english, &|m| m.describe()).map_err(|e| ApiError::internal(format!("{e:#}")))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"records-of-processing.json\""))
        .body(serde_json::to_string_pretty(&doc).unwrap_or_default()))
}
