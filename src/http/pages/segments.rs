//! Segments in the admin UI: the list with sizes and builds, the builder (a visual editor over
//! the same JSON the API takes, with a live count and sample; without scripts the JSON itself
//! is edited), the segment's page (definition in words, size, build progress with a stop
//! button, growth, members) and, on a contact's page, its segments with why.
//!
//! Every rule lives in `segments::ops`; this file turns forms into calls and results into pages.

use std::collections::HashMap;

use actix_web::{web, HttpResponse};
use chrono::Utc;
use minijinja::{context, Value};
use serde::Deserialize;

use super::segment_words::{self as words, Names};
use super::{page, see_other, unprocessable};
use crate::contacts::viewer::Viewer;
use crate::domain::{ContactId, SegmentId};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::i18n::{args, Arg, Language};
use crate::ops::OpError;
use crate::reports::chart::{Chart, Kind, Series, Unit};
use crate::segments::ops::{self as sops, SegmentInput};
use crate::segments::{stored_filter, Build, Segment};
use crate::state::{blocking, AppState};

/// Members shown per page on a segment's page.
const MEMBERS_PAGE: usize = 50;
/// Days in the growth chart.
const GROWTH_DAYS: u32 = 30;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/segments", web::get().to(list))
        .route("/segments", web::post().to(create))
        .route("/segments/new", web::get().to(new_form))
        .route("/segments/{id}", web::get().to(show))
        .route("/segments/{id}", web::post().to(save))
        .route("/segments/{id}/edit", web::get().to(edit_form))
        .route("/segments/{id}/cancel", web::post().to(cancel))
        .route("/segments/{id}/delete", web::post().to(delete));
}

fn segment_id(raw: &str) -> Result<SegmentId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("segment"))
}

fn say(ui: &Language, key: &str, pairs: Vec<(&str, Arg)>) -> String {
    ui.text(key, Some(&args(pairs)))
}

/// Notices after a redirect, from a fixed list (nothing from the query string is echoed).
fn notice(code: Option<&str>) -> Option<&'static str> {
    Some(match code? {
        "created" => "seg-notice-created",
        "saved" => "seg-notice-saved",
        "deleted" => "seg-notice-deleted",
        "cancelled" => "seg-notice-cancelled",
        _ => return None,
    })
}

/// The names the words need (read from the store: call from the blocking pool).
fn names(state: &AppState, ui: &Language) -> Result<(Vec<crate::domain::FieldDef>, Names<'static>), ApiError> {
    let fields = state.fields.all();
    let mut purposes = HashMap::new();
    for p in state.purposes.all()? {
        let name = state.purposes.name_in(&p, &ui.code)?;
        purposes.insert(p.key, name);
    }
    let segments = state.segments.segments().all()?.into_iter().map(|s| (s.id, s.name)).collect();
    Ok((fields.to_vec(), Names { fields: &[], purposes, segments }))
}

/// A build's state for the page: what it says, and the numbers of a progress bar.
fn build_view(ui: &Language, b: &Build) -> Value {
    match b {
        Build::Queued => context! { state => "queued", text => ui.text("seg-build-queued", None) },
        Build::Running { done, total, .. } => {
            let pct = if *total == 0 { 0 } else { (done * 100 / total).min(100) };
            context! {
                state => "running", done => done, total => total, percent => pct,
                text => say(ui, "seg-build-running", vec![("done", Arg::from(ui.number(*done as f64))), ("total", Arg::from(ui.number(*total as f64)))]),
            }
        }
        Build::Ready { at, took_ms } => context! {
            state => "ready", at => at,
            text => say(ui, "seg-build-ready", vec![("time", Arg::from(ui.datetime(at))), ("seconds", Arg::from(ui.number((*took_ms as f64 / 100.0).round() / 10.0)))]),
        },
        Build::Cancelled { at, done } => context! {
            state => "cancelled", at => at,
            text => say(ui, "seg-build-cancelled", vec![("time", Arg::from(ui.datetime(at))), ("done", Arg::from(ui.number(*done as f64)))]),
        },
        Build::Failed { at, error } => context! {
            state => "failed", at => at,
            text => say(ui, "seg-build-failed", vec![("time", Arg::from(ui.datetime(at))), ("error", Arg::from(error.clone()))]),
        },
    }
}

fn summary(state: &AppState, ui: &Language, s: &Segment) -> Result<Value, ApiError> {
    let size = if s.build.is_ready() { Some(state.segments.segments().size(&s.id)?) } else { None };
    Ok(context! {
        id => s.id.to_string(), name => s.name, description => s.description, version => s.version,
        size => size, size_text => size.map(|n| say(ui, "seg-size", vec![("count", Arg::from(n)), ("n", Arg::from(ui.number(n as f64)))])),
        build => build_view(ui, &s.build), updated_at => s.updated_at,
    })
}

#[derive(Deserialize)]
pub struct ListQuery {
    ok: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let (st, ui) = (state.clone(), super::ui_language(&state, &g));
    let segments = blocking(move || -> Result<Vec<Value>, ApiError> {
        let mut all = st.segments.segments().all()?;
        all.sort_by_key(|s| s.name.to_lowercase());
        all.iter().map(|s| summary(&st, ui, s)).collect()
    })
    .await?;
    page(&state, &g, "segments.html", "segments", context! { segments => segments, notice => notice(q.ok.as_deref()) })
}

/// The builder's context: the segment as typed (or stored), and the choices as JSON.
fn builder_ctx(
    state: &AppState,
    ui: &Language,
    me: Option<&SegmentId>,
    name: &str,
    description: &str,
    filter: &str,
) -> Result<Value, ApiError> {
    let (fields, n) = names(state, ui)?;
    let names = Names { fields: &fields, purposes: n.purposes, segments: n.segments };
    let models: Vec<String> = state.scoring.models().all()?.iter().map(|m| m.key.clone()).collect();
    let catalogue = words::builder_catalogue(ui, &names, me, &models);
    Ok(context! {
        segment => context! { id => me.map(|s| s.to_string()), name => name, description => description, filter => filter },
        // Inside a script element: nothing in it may close the element.
        catalogue => Value::from_safe_string(
            serde_json::to_string(&catalogue).unwrap_or_default().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026"),
        ),
        is_new => me.is_none(),
    })
}

fn render_builder(state: &AppState, g: &Principal, ctx: Value, extra: Value) -> Result<HttpResponse, ApiError> {
    page(state, g, "segment_edit.html", "segments", context! { ..ctx, ..extra })
}

pub async fn new_form(state: web::Data<AppState>, g: Guard<perm::EditContacts>) -> Result<HttpResponse, ApiError> {
    let (st, ui) = (state.clone(), super::ui_language(&state, &g));
    let ctx = blocking(move || builder_ctx(&st, ui, None, "", "", r#"{"all":[]}"#)).await?;
    render_builder(&state, &g, ctx, context! {})
}

pub async fn edit_form(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    let (st, ui) = (state.clone(), super::ui_language(&state, &g));
    let ctx = blocking(move || -> Result<Value, ApiError> {
        let s = st.segments.segments().get(&id)?.ok_or(OpError::NotFound("segment"))?;
        builder_ctx(&st, ui, Some(&id), &s.name, &s.description, &s.filter)
    })
    .await?;
    render_builder(&state, &g, ctx, context! {})
}

#[derive(Deserialize, Clone)]
pub struct SegmentForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    filter: String,
}

/// The form as the operation takes it; JSON that does not parse is refused naming the field.
fn input_of(form: &SegmentForm) -> Result<SegmentInput, OpError> {
    if form.filter.len() > sops::FILTER_MAX {
        return Err(crate::ops::invalid("filter", format!("at most {} KiB", sops::FILTER_MAX / 1024)));
    }
    let filter: serde_json::Value = serde_json::from_str(&form.filter).map_err(|e| {
        crate::ops::invalid("filter", format!("not valid JSON (line {}, column {}): {e}", e.line(), e.column()))
    })?;
    Ok(SegmentInput {
        name: Some(form.name.clone()),
        description: Some(form.description.clone()),
        filter: Some(filter),
    })
}

/// Saves (creates when `id` is None); a refusal shows the builder again with what was typed.
async fn submit(
    state: web::Data<AppState>,
    g: &Principal,
    id: Option<SegmentId>,
    form: SegmentForm,
) -> Result<HttpResponse, ApiError> {
    let (st, by, ui) = (state.clone(), g.by(), super::ui_language(&state, g));
    let typed = form.clone();
    let result = blocking(move || -> Result<Result<SegmentId, (Value, Value)>, ApiError> {
        let saved = input_of(&typed).and_then(|input| match &id {
            None => sops::create(&st, by, &input),
            Some(id) => sops::update(&st, by, id, &input),
        });
        match saved {
            Ok(s) => Ok(Ok(s.id)),
            Err(OpError::Invalid { field, message }) => {
                let ctx = builder_ctx(&st, ui, id.as_ref(), &typed.name, &typed.description, &typed.filter)?;
                Ok(Err((ctx, context! { error => message, error_field => field })))
            }
            Err(OpError::Conflict(message)) => {
                let ctx = builder_ctx(&st, ui, id.as_ref(), &typed.name, &typed.description, &typed.filter)?;
                Ok(Err((ctx, context! { error => message, error_field => "filter" })))
            }
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    match result {
        Ok(sid) => Ok(see_other(&format!("/segments/{sid}?ok={}", if id.is_none() { "created" } else { "saved" }))),
        Err((ctx, extra)) => render_builder(&state, g, ctx, extra).map(unprocessable),
    }
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    CsrfForm(form): CsrfForm<SegmentForm>,
) -> Result<HttpResponse, ApiError> {
    submit(state, &g, None, form).await
}

pub async fn save(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<SegmentForm>,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    submit(state, &g, Some(id), form).await
}

#[derive(Deserialize)]
pub struct ShowQuery {
    ok: Option<String>,
    /// The members' page: contacts after this id.
    after: Option<String>,
}

/// Daily size, and entries and exits per day, over the last [`GROWTH_DAYS`].
fn growth_charts(state: &AppState, ui: &'static Language, id: &SegmentId) -> Result<(Value, Value), ApiError> {
    let today = state.settings.get()?.today(Utc::now());
    let days = state.segments.segments().growth(id, GROWTH_DAYS, today)?;
    let labels: Vec<String> = days.iter().map(|d| super::reports::day_label(d.day, ui)).collect();
    let long: Vec<String> = days.iter().map(|d| ui.date(d.day)).collect();
    let size = Chart::new(
        "segment-size",
        &ui.text("seg-chart-size", None),
        Kind::Line,
        Unit::Count,
        &ui.text("cm-axis-day", None),
        labels.clone(),
    )
    .language(ui)
    .long_labels(long.clone())
    .size(640.0, 200.0)
    .series(
        Series::new(&ui.text("seg-series-size", None), days.iter().map(|d| d.size as f64))
            .in_text(&ui.text("seg-series-size.tip", None)),
    )
    .view();
    let moves = Chart::new(
        "segment-moves",
        &ui.text("seg-chart-moves", None),
        Kind::Bar,
        Unit::Count,
        &ui.text("cm-axis-day", None),
        labels,
    )
    .language(ui)
    .long_labels(long)
    .size(640.0, 200.0)
    .series(
        Series::new(&ui.text("seg-series-entered", None), days.iter().map(|d| d.entered as f64))
            .in_text(&ui.text("seg-series-entered.tip", None)),
    )
    .series(
        Series::new(&ui.text("seg-series-exited", None), days.iter().map(|d| d.exited as f64))
            .in_text(&ui.text("seg-series-exited.tip", None)),
    )
    .view();
    Ok((Value::from_serialize(&size), Value::from_serialize(&moves)))
}

/// A page of members as the staff member may see them.
fn members_view(
    state: &AppState,
    id: &SegmentId,
    after: Option<&ContactId>,
    viewer: Viewer,
) -> Result<(Vec<Value>, Option<String>), ApiError> {
    let repo = state.segments.segments();
    let mut ids = repo.members(id, after, MEMBERS_PAGE + 1)?;
    let next = (ids.len() > MEMBERS_PAGE).then(|| {
        ids.truncate(MEMBERS_PAGE);
        ids.last().map(|c| c.to_string())
    });
    let mut out = Vec::with_capacity(ids.len());
    for cid in ids {
        let Some(c) = state.contacts.get(&cid)? else { continue };
        let since = repo.membership(id, &cid)?.map(|(at, _)| at);
        let c = viewer.contact(c);
        out.push(context! { id => cid.to_string(), email => c.email.as_str(), name => c.name(), since => since });
    }
    Ok((out, next.flatten()))
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
    q: web::Query<ShowQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    let after = match q.after.as_deref() {
        Some(a) => Some(a.parse::<ContactId>().map_err(|_| ApiError::not_found("page"))?),
        None => None,
    };
    let (st, ui, viewer) = (state.clone(), super::ui_language(&state, &g), g.viewer());
    let ctx = blocking(move || -> Result<Value, ApiError> {
        let s = st.segments.segments().get(&id)?.ok_or(OpError::NotFound("segment"))?;
        let (fields, n) = names(&st, ui)?;
        let names = Names { fields: &fields, ..n };
        let words = stored_filter(&s).map(|f| words::filter_html(ui, &names, &f, None)).unwrap_or_default();
        let (size_chart, moves_chart) = growth_charts(&st, ui, &id)?;
        let (members, next) =
            if s.build.is_ready() { members_view(&st, &id, after.as_ref(), viewer)? } else { (Vec::new(), None) };
        // Segments that use this one (it cannot be deleted while they do).
        let users: Vec<Value> = st
            .segments
            .segments()
            .all()?
            .into_iter()
            .filter(|o| o.id != id && stored_filter(o).is_some_and(|f| f.segments().contains(&id)))
            .map(|o| context! { id => o.id.to_string(), name => o.name })
            .collect();
        Ok(context! {
            segment => summary(&st, ui, &s)?, words => Value::from_safe_string(words),
            size_chart => size_chart, moves_chart => moves_chart,
            members => members, next => next, paged => after.is_some(), used_by => users,
            masked => !viewer.sees_personal_data(),
        })
    })
    .await?;
    page(&state, &g, "segment.html", "segments", context! { notice => notice(q.ok.as_deref()), ..ctx })
}

pub async fn cancel(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || sops::cancel(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(see_other(&format!("/segments/{id}?ok=cancelled")))
}

pub async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, ApiError> {
    let id = segment_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || sops::delete(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(see_other("/segments?ok=deleted"))
}

/// A contact's segments for its page: each with since when and why (each condition with what
/// it saw), and the latest entries and exits. Reads the store: call from the blocking pool.
pub fn of_contact(state: &AppState, ui: &Language, contact: &ContactId, viewer: Viewer) -> Result<Value, ApiError> {
    let repo = state.segments.segments();
    let (fields, n) = names(state, ui)?;
    let names = Names { fields: &fields, ..n };
    let mut member = Vec::new();
    for sid in repo.segments_of(contact)? {
        let Some(s) = repo.get(&sid)? else { continue };
        let since = repo.membership(&sid, contact)?.map(|(at, _)| at);
        let (why, next) = match stored_filter(&s) {
            Some(f) => match sops::explain(state, &f, contact)? {
                Some(o) => (
                    words::filter_html(ui, &names, &f, Some((&o, !viewer.sees_personal_data()))),
                    words::next_change(ui, o.next_flip),
                ),
                None => (String::new(), None),
            },
            None => (String::new(), None),
        };
        member.push(context! {
            id => sid.to_string(), name => s.name, since => since, why => Value::from_safe_string(why), next => next,
        });
    }
    member.sort_by_key(|v| v.get_attr("name").ok().map(|n| n.to_string()).unwrap_or_default());
    let mut log = repo.log_of(contact)?;
    log.sort_by_key(|t| std::cmp::Reverse(t.at));
    let log: Vec<Value> = log
        .iter()
        .take(20)
        .map(|t| {
            let name = names.segments.get(&t.segment).cloned().unwrap_or_else(|| ui.text("seg-deleted-segment", None));
            let key = if t.entered { "seg-log-entered" } else { "seg-log-exited" };
            context! { at => t.at, text => say(ui, key, vec![("name", Arg::from(name)), ("version", Arg::from(u64::from(t.version)))]) }
        })
        .collect();
    Ok(context! { member => member, log => log })
}
