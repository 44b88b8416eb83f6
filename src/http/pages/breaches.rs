//! The breach assistant in the admin UI: the list with each breach's 72-hour deadline, a form to
//! record one, and a page per breach with the counts, the audit-log activity in its window, the
//! draft notification to the supervisory authority and the notice to the people concerned.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use minijinja::{context, Value};
use serde::Deserialize;

use super::history::step_words;
use super::{notice, page, see_other, ui_language, unprocessable, Empty, NoticeQuery};
use crate::domain::BreachId;
use crate::gdpr::breaches::{self, Affected, Breach, BreachInput, BreachUpdate, Deadline};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::i18n::Language;
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/breaches", web::get().to(list))
        .route("/breaches", web::post().to(create))
        .route("/breaches/{id}", web::get().to(show))
        .route("/breaches/{id}", web::post().to(update))
        .route("/breaches/{id}/assess", web::post().to(assess))
        .route("/breaches/{id}/notice", web::post().to(queue_notice))
        .route("/breaches/{id}/notice/{language}", web::post().to(save_notice_version))
        .route("/breaches/{id}/notice/{language}/remove", web::post().to(remove_notice_version))
        .route("/breaches/{id}/notification.txt", web::get().to(notification));
}

/// Where a breach stands, for the list, the page and the dashboard.
pub fn deadline_view(b: &Breach, now: DateTime<Utc>) -> Value {
    let (hours, minutes) = b.time_left(now);
    let state = b.deadline_state(now);
    context! {
        at => b.deadline(),
        state => match state { Deadline::Reported => "reported", Deadline::Overdue => "overdue", Deadline::Running => "running", Deadline::Closed => "closed" },
        hours => hours, minutes => minutes,
        // The last day of the 72 hours.
        urgent => state == Deadline::Running && hours < 24,
        late => b.reported_late(),
    }
}

fn row(b: &Breach, now: DateTime<Utc>) -> Value {
    context! {
        id => b.id.to_string(), discovered_at => b.discovered_at, window_start => b.window_start,
        window_end => b.window_end, affected => b.affected.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        subjects => b.assessment.subjects, records => b.assessment.records,
        reported_at => b.reported_at, closed_at => b.closed_at, deadline => deadline_view(b, now),
    }
}

fn affected_choices(checked: &[String], ui: &Language) -> Vec<Value> {
    Affected::ALL
        .iter()
        .map(|a| {
            let label = breaches::affected_words(*a, ui);
            context! { value => a.as_str(), label => label, checked => checked.iter().any(|c| c == a.as_str()) }
        })
        .collect()
}

/// `2026-11-23T14:05` from a `datetime-local` field, read as UTC; a refusal in `ui`'s words.
fn when(field: &'static str, raw: &str, ui: &Language) -> Result<Option<DateTime<Utc>>, ApiError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .map(|t| Some(Utc.from_utc_datetime(&t)))
        .map_err(|_| ApiError::invalid(field, ui.text("gdpr-error-datetime", None)))
}

#[derive(Deserialize, Default)]
pub struct NewForm {
    #[serde(default)]
    discovered_at: String,
    #[serde(default)]
    window_start: String,
    #[serde(default)]
    window_end: String,
    #[serde(default)]
    affected: Vec<String>,
    #[serde(default)]
    list: String,
    #[serde(default)]
    tag: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    consequences: String,
    #[serde(default)]
    measures: String,
}

async fn render_list(
    state: &web::Data<AppState>,
    g: &Principal,
    form: Option<&NewForm>,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let (all, lists) =
        blocking(move || -> Result<_, ApiError> { Ok((st.gdpr.breaches.all()?, st.lists.all()?)) }).await?;
    let now = Utc::now();
    let rows: Vec<Value> = all.iter().map(|b| row(b, now)).collect();
    let lists: Vec<Value> = lists.iter().map(|l| context! { slug => l.slug, name => l.name }).collect();
    let f = form.map(|f| {
        context! {
            discovered_at => f.discovered_at, window_start => f.window_start, window_end => f.window_end,
            list => f.list, tag => f.tag, description => f.description, consequences => f.consequences, measures => f.measures,
        }
    });
    let checked = form.map(|f| f.affected.clone()).unwrap_or_default();
    let ui = ui_language(state, g);
    page(
        state,
        g,
        "breaches.html",
        "breaches",
        context! {
            breaches => rows, lists => lists, affected => affected_choices(&checked, ui), form => f,
            now => now.format("%Y-%m-%dT%H:%M").to_string(), ..extra
        },
    )
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    render_list(&state, &g, None, context! { notice => notice(q.ok.as_deref()) }).await
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    CsrfForm(f): CsrfForm<NewForm>,
) -> Result<HttpResponse, ApiError> {
    let ui = ui_language(&state, &g);
    let input = (|| -> Result<BreachInput, ApiError> {
        Ok(BreachInput {
            discovered_at: when("discovered_at", &f.discovered_at, ui)?,
            window_start: when("window_start", &f.window_start, ui)?,
            window_end: when("window_end", &f.window_end, ui)?,
            affected: f.affected.clone(),
            list: Some(f.list.clone()),
            tag: Some(f.tag.clone()),
            description: Some(f.description.clone()),
            consequences: Some(f.consequences.clone()),
            measures: Some(f.measures.clone()),
        })
    })();
    let result = match input {
        Ok(input) => {
            let (st, by) = (state.clone(), g.by());
            blocking(move || breaches::record(&st, by, &input).map_err(ApiError::from)).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(b) => Ok(see_other(&format!("/breaches/{}?ok=breach_recorded", b.id))),
        Err(e) if !actix_web::ResponseError::status_code(&e).is_server_error() => Ok(unprocessable(
            render_list(&state, &g, Some(&f), context! { error => e.message.clone(), error_field => e.field.clone() })
                .await?,
        )),
        Err(e) => Err(e),
    }
}

fn breach_id(raw: &str) -> Result<BreachId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("breach"))
}

async fn render(
    state: &web::Data<AppState>,
    g: &Principal,
    id: BreachId,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    render_typed(state, g, id, extra, None).await
}

/// The page with the texts of a refused form in place of the stored ones.
async fn render_typed(
    state: &web::Data<AppState>,
    g: &Principal,
    id: BreachId,
    extra: Value,
    typed: Option<UpdateForm>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let ui = ui_language(state, g);
    let reader = g.clone();
    let (b, draft, names, versions) = blocking(move || -> Result<_, ApiError> {
        let mut b = breaches::get(&st, &id)?;
        if let Some(f) = typed {
            for (typed, stored) in [
                (f.description, &mut b.description),
                (f.consequences, &mut b.consequences),
                (f.measures, &mut b.measures),
                (f.authority_reference, &mut b.authority_reference),
                (f.delay_reason, &mut b.delay_reason),
                (f.notice_subject, &mut b.notice_subject),
                (f.notice_body, &mut b.notice_body),
            ] {
                if let Some(t) = typed {
                    *stored = t;
                }
            }
        }
        let draft = breaches::notification(&st, &b, Utc::now(), ui);
        // Who took each step: a user's login name (as the audit log shows them), a token's
        // name, the system.
        let names = super::names::names(&st, &reader, b.steps.iter().map(|s| s.by.as_str()), ui);
        let versions = st.gdpr.breaches.notice_versions(&id)?;
        Ok((b, draft, names, versions))
    })
    .await?;
    // The notice in other languages: one entry per language people may read it in.
    let versions: Vec<Value> = crate::i18n::catalogue()
        .languages()
        .iter()
        .map(|l| {
            let v = versions.get(&l.code).cloned().unwrap_or_default();
            context! { code => l.code, name => l.name, given => versions.contains_key(&l.code), subject => v.subject, body => v.body }
        })
        .collect();
    let now = Utc::now();
    let labels: Vec<String> = b.affected.iter().map(|a| breaches::affected_words(*a, ui)).collect();
    let categories: Vec<String> =
        b.assessment.categories.iter().map(|c| crate::gdpr::records::category_words(c, ui)).collect();
    let steps: Vec<Value> = b
        .steps
        .iter()
        .map(|s| {
            let by = names.get(&s.by).map(|n| n.name.clone()).unwrap_or_else(|| s.by.clone());
            context! { at => s.at, by => by, what => step_words(&s.what, ui, |r| r.to_string()) }
        })
        .collect();
    page(
        state,
        g,
        "breach.html",
        "breaches",
        context! {
            b => Value::from_serialize(&b), r => row(&b, now), labels => labels, draft => draft, versions => versions,
            categories => categories, steps => steps, now => now.format("%Y-%m-%dT%H:%M").to_string(),
            has_contacts => b.affected.iter().any(|a| matches!(a, Affected::Contacts | Affected::Consents | Affected::Events)),
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
    let id = breach_id(&id)?;
    render(&state, &g, id, context! { notice => notice(q.ok.as_deref()) }).await
}

/// A refused change shows the page again with the reason.
async fn again(
    state: &web::Data<AppState>,
    g: &Principal,
    id: BreachId,
    e: ApiError,
) -> Result<HttpResponse, ApiError> {
    super::shown_again(e, |extra| render(state, g, id, extra)).await
}

#[derive(Deserialize, Default, Clone)]
pub struct UpdateForm {
    description: Option<String>,
    consequences: Option<String>,
    measures: Option<String>,
    reported: Option<String>,
    #[serde(default)]
    reported_at: String,
    authority_reference: Option<String>,
    delay_reason: Option<String>,
    notice_subject: Option<String>,
    notice_body: Option<String>,
    close: Option<String>,
    reopen: Option<String>,
}

pub async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    CsrfForm(f): CsrfForm<UpdateForm>,
) -> Result<HttpResponse, ApiError> {
    let id = breach_id(&id)?;
    let reported_at = match when("reported_at", &f.reported_at, ui_language(&state, &g)) {
        Ok(t) => t,
        Err(e) => return again(&state, &g, id, e).await,
    };
    let typed = f.clone();
    let u = BreachUpdate {
        description: f.description,
        consequences: f.consequences,
        measures: f.measures,
        reported: f.reported.map(|_| true),
        reported_at,
        authority_reference: f.authority_reference,
        delay_reason: f.delay_reason,
        notice_subject: f.notice_subject,
        notice_body: f.notice_body,
        close: if f.close.is_some() { Some(true) } else { f.reopen.map(|_| false) },
    };
    let (st, by) = (state.clone(), g.by());
    match blocking(move || breaches::update(&st, by, &id, &u).map_err(ApiError::from)).await {
        Ok(_) => Ok(see_other(&format!("/breaches/{id}?ok=breach_saved"))),
        // The form comes back as it was typed, the field named.
        Err(e) => super::shown_again(e, |extra| render_typed(&state, &g, id, extra, Some(typed))).await,
    }
}

pub async fn assess(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = breach_id(&id)?;
    let (st, by) = (state.clone(), g.by());
    match blocking(move || breaches::reassess(&st, by, &id).map_err(ApiError::from)).await {
        Ok(_) => Ok(see_other(&format!("/breaches/{id}?ok=breach_assessed"))),
        Err(e) => again(&state, &g, id, e).await,
    }
}

pub async fn queue_notice(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = breach_id(&id)?;
    let (st, by) = (state.clone().into_inner(), g.by());
    match blocking(move || breaches::queue_notice(st, by, &id).map_err(ApiError::from)).await {
        Ok(_) => Ok(see_other(&format!("/breaches/{id}?ok=breach_notice_queued"))),
        Err(e) => again(&state, &g, id, e).await,
    }
}

#[derive(Deserialize, serde::Serialize, Default)]
pub struct VersionForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
}

/// Adds or replaces the notice in one language; a refusal shows that language's form again,
/// as typed, the field named.
pub async fn save_notice_version(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    path: web::Path<(String, String)>,
    CsrfForm(f): CsrfForm<VersionForm>,
) -> Result<HttpResponse, ApiError> {
    let (raw, language) = path.into_inner();
    let id = breach_id(&raw)?;
    let input = breaches::NoticeInput { subject: Some(f.subject.clone()), body: Some(f.body.clone()) };
    let (st, by, l) = (state.clone(), g.by(), language.clone());
    match blocking(move || breaches::set_notice_version(&st, by, &id, &l, &input).map_err(ApiError::from)).await {
        Ok(_) => Ok(see_other(&format!("/breaches/{id}?ok=breach_saved#notice-{language}"))),
        Err(e) => {
            // A refused subject or text shows in that language's form; anything else (the
            // notice already queued, a language not shipped) at the top of the page.
            let in_form = matches!(e.field.as_deref(), Some("subject" | "body"));
            let language = in_form.then_some(language);
            let typed = Value::from_serialize(&f);
            super::shown_again(e, |extra| {
                render(&state, &g, id, context! { version_language => language, version_typed => typed, ..extra })
            })
            .await
        }
    }
}

pub async fn remove_notice_version(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, ApiError> {
    let (raw, language) = path.into_inner();
    let id = breach_id(&raw)?;
    let (st, by) = (state.clone(), g.by());
    match blocking(move || breaches::remove_notice_version(&st, by, &id, &language).map_err(ApiError::from)).await {
        Ok(_) => Ok(see_other(&format!("/breaches/{id}?ok=breach_saved#notice-versions"))),
        Err(e) => again(&state, &g, id, e).await,
    }
}

/// The draft notification as a text file, to paste into the authority's form or attach.
pub async fn notification(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = breach_id(&id)?;
    let st = state.clone();
    // In the language of the page it is downloaded from.
    let ui = ui_language(&state, &g);
    let text = blocking(move || -> Result<String, ApiError> {
        let b = breaches::get(&st, &id)?;
        Ok(breaches::notification(&st, &b, Utc::now(), ui))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"breach-{id}-notification.txt\"")))
        .body(text))
}
