//! Contacts, their consents, and what describes them (custom fields, purposes, lists) under
//! `/api/v1`. Handlers parse, call `contacts::ops` and shape the JSON; what of a person the
//! caller may see is the [`Viewer`]'s decision, the same as the admin pages'.

use std::collections::BTreeMap;
use std::io;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::contacts::bulk::{self, BulkAction, Selection};
use crate::contacts::export::{self, ChannelWriter, Format};
use crate::contacts::ops::{self as cops, Pick, PurposeInput};
use crate::contacts::viewer::Viewer;
use crate::domain::contact::{parse_tag, slugify};
use crate::domain::{
    ConsentEntry, ConsentState, Contact, ContactId, FieldDef, FieldError, FieldKind, FieldValue, MergePolicy,
    Permission, Purpose, Source, Status,
};
use crate::http::error::{ApiError, Code};
use crate::http::guard::{perm, Guard};
use crate::search::{ContactQuery, SortBy};
use crate::state::{blocking, AppState};

pub const MAX_BULK: usize = 1000;
const MAX_PAGE: usize = 500;
const DEFAULT_PAGE: usize = 50;
/// A full bulk request (1000 contacts) does not fit the default JSON limit.
const BULK_BODY_LIMIT: usize = 4 * 1024 * 1024;
/// [`bulk::MAX_IDS`] ids of 36 characters, quoted and comma-separated (~390 KB), fit; a larger
/// body is refused (413) as it streams in, before any of it is parsed.
const BULK_ACTION_BODY_LIMIT: usize = 512 * 1024;
/// How long a bulk action request waits for its job before answering 202 with where to look.
const BULK_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Fixed paths before `/contacts/{id}`.
    cfg.route("/contacts", web::get().to(list))
        .route("/contacts", web::post().to(create))
        .route("/contacts/export", web::get().to(export_contacts))
        .route("/contacts/merge", web::post().to(merge))
        .service(
            // Guarded like the plain routes, so that another method falls through to the JSON 404.
            web::resource("/contacts/bulk")
                .guard(actix_web::guard::Post())
                .app_data(
                    web::JsonConfig::default().limit(BULK_BODY_LIMIT).error_handler(crate::http::error::json_error),
                )
                .route(web::post().to(bulk)),
        )
        .service(
            web::resource("/contacts/bulk-actions")
                .guard(actix_web::guard::Post())
                .app_data(
                    web::JsonConfig::default()
                        .limit(BULK_ACTION_BODY_LIMIT)
                        .error_handler(crate::http::error::json_error),
                )
                .route(web::post().to(bulk_action)),
        )
        .route("/contacts/bulk-actions/{id}", web::get().to(bulk_action_status))
        .route("/contacts/{id}", web::get().to(get))
        .route("/contacts/{id}", web::patch().to(update))
        .route("/contacts/{id}", web::delete().to(delete))
        .route("/contacts/{id}/consents", web::get().to(consents))
        .route("/contacts/{id}/consents", web::post().to(record_consent))
        .route("/contacts/{id}/unmask", web::post().to(unmask))
        .route("/fields", web::get().to(list_fields))
        .route("/fields", web::post().to(create_field))
        .route("/fields/{key}", web::patch().to(update_field))
        .route("/fields/{key}", web::delete().to(delete_field))
        .route("/purposes", web::get().to(list_purposes))
        .route("/purposes", web::post().to(create_purpose))
        .route("/purposes/{key}", web::get().to(get_purpose))
        .route("/purposes/{key}", web::patch().to(update_purpose))
        .route("/purposes/{key}/translations/{language}", web::put().to(put_purpose_translation))
        .route("/lists", web::get().to(list_lists))
        .route("/lists", web::post().to(create_list))
        .route("/lists/{slug}", web::delete().to(delete_list))
        .route("/lists/{slug}", web::patch().to(update_list))
        .route("/saved-searches", web::get().to(list_saved_searches))
        .route("/saved-searches", web::post().to(create_saved_search))
        .route("/saved-searches/{id}", web::put().to(replace_saved_search))
        .route("/saved-searches/{id}", web::delete().to(delete_saved_search));
}

// ---------------------------------------------------------------------------------------------
// Shared shapes

fn contact_id(raw: &str) -> Result<ContactId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("contact"))
}

fn field_error(e: FieldError) -> ApiError {
    ApiError::invalid(&e.field, e.message)
}

/// A query parameter that cannot be understood: 400, naming it.
pub(crate) fn bad_param(param: &str, message: impl Into<String>) -> ApiError {
    let mut e = ApiError::new(Code::MalformedRequest, format!("{param}: {}", message.into()));
    e.field = Some(param.to_string());
    e
}

/// The segments a listing, an export or a bulk action names, refused naming `segment` unless
/// each exists and is built (a part of the members would read as all of them).
pub(crate) fn listable_segments(state: &AppState, q: &ContactQuery) -> Result<(), ApiError> {
    crate::segments::ops::check_listable(state, &q.segments).map_err(|e| {
        let mut e = ApiError::from(e);
        e.field = Some("segment".into());
        e
    })
}

fn phone_region(state: &AppState) -> Option<String> {
    Some(state.config.contacts.phone_region.clone()).filter(|r| !r.is_empty())
}

/// The contact as the caller may see it, without values of custom fields deleted since (they
/// are dropped at the contact's next write).
fn view(c: Contact, fields: &[FieldDef], viewer: Viewer) -> Value {
    let mut v = viewer.contact(c).to_json();
    if let Some(custom) = v.get_mut("custom").and_then(Value::as_object_mut) {
        custom.retain(|k, _| fields.iter().any(|f| &f.key == k));
    }
    v
}

fn consent_states(states: &BTreeMap<String, (ConsentState, DateTime<Utc>)>) -> Value {
    states
        .iter()
        .map(|(purpose, (s, at))| (purpose.clone(), json!({ "state": s, "at": at })))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// Ledger entries with the wording text people agreed to; what the viewer may not see is null.
fn ledger_view(state: &AppState, entries: &[ConsentEntry], viewer: Viewer) -> Result<Vec<Value>, ApiError> {
    let mut texts: BTreeMap<(String, u32), Option<String>> = BTreeMap::new();
    let mut out = Vec::with_capacity(entries.len());
    for e in entries.iter().map(|e| viewer.consent(e)) {
        let wording = match &e.wording {
            Some((purpose, version)) => {
                let key = (purpose.clone(), *version);
                if !texts.contains_key(&key) {
                    texts.insert(key.clone(), state.purposes.wording(purpose, *version)?.map(|w| w.text));
                }
                json!({ "purpose": purpose, "version": version, "text": texts[&key] })
            }
            None => Value::Null,
        };
        out.push(json!({
            "purpose": e.purpose,
            "granted": e.granted,
            "at": e.at,
            "via": e.via.describe(),
            "wording": wording,
            "ip": e.ip.shown().flatten().map(|ip| ip.to_string()),
            "user_agent": e.user_agent.shown().flatten(),
            "note": e.note.shown(),
        }));
    }
    Ok(out)
}

#[derive(Default, Clone, Copy)]
struct Include {
    ledger: bool,
    history: bool,
}

impl Include {
    /// `include=ledger,history` (either, both, or neither).
    fn parse(raw: Option<&str>) -> Result<Self, ApiError> {
        let mut include = Include::default();
        for part in raw.unwrap_or("").split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "ledger" => include.ledger = true,
                "history" => include.history = true,
                other => return Err(bad_param("include", format!("`{other}` is not ledger or history"))),
            }
        }
        Ok(include)
    }
}

/// One contact with its current consent per purpose (and, when asked, ledger and history).
/// History lines name fields, never values: every viewer gets them whole.
fn detail(state: &AppState, c: Contact, viewer: Viewer, include: Include) -> Result<Value, ApiError> {
    let id = c.id;
    let mut v = view(c, &state.fields.all(), viewer);
    v["consents"] = consent_states(&state.contacts.consent_state(&id)?);
    v["activity"] = json!(state.contacts.activity(&id)?);
    if include.ledger {
        v["ledger"] = ledger_view(state, &state.contacts.ledger(&id)?, viewer)?.into();
    }
    if include.history {
        v["history"] = json!(state.contacts.history(&id)?);
    }
    Ok(v)
}

// ---------------------------------------------------------------------------------------------
// Listing and search

/// Query parameters of the listing and the export. `tag`, `list` and `custom` repeat (or take
/// comma-separated values), hence `serde_html_form` rather than `web::Query`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ListParams {
    q: Option<String>,
    status: Option<String>,
    #[serde(default)]
    tag: Vec<String>,
    #[serde(default)]
    list: Vec<String>,
    consent: Option<String>,
    #[serde(default)]
    custom: Vec<String>,
    created_after: Option<String>,
    created_before: Option<String>,
    updated_after: Option<String>,
    updated_before: Option<String>,
    opened_after: Option<String>,
    opened_before: Option<String>,
    clicked_after: Option<String>,
    clicked_before: Option<String>,
    seen_after: Option<String>,
    seen_before: Option<String>,
    min_orders: Option<String>,
    /// Total order value, in major units ("100" or "99.50").
    min_revenue: Option<String>,
    /// One of the contacts page's engagement presets (`opened_30d`, `buyers`, ...).
    engagement: Option<String>,
    /// The id of a saved search, whose filters narrow the others.
    saved_search: Option<String>,
    /// Members of this segment (repeated or comma-separated: of any of them).
    #[serde(default)]
    segment: Vec<String>,
    sort: Option<String>,
    order: Option<String>,
    cursor: Option<String>,
    limit: Option<String>,
    /// Export only.
    format: Option<String>,
}

/// `2026-11-23` (midnight UTC) or RFC 3339.
fn parse_time(param: &str, raw: &Option<String>) -> Result<Option<DateTime<Utc>>, ApiError> {
    let Some(s) = raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| bad_param(param, format!("`{s}` is not a date like 2026-11-23 or 2026-11-23T08:00:00Z")))?;
    Ok(Some(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"))))
}

/// Splits repeated and comma-separated values.
fn values(raw: &[String]) -> impl Iterator<Item = &str> {
    raw.iter().flat_map(|v| v.split(',')).map(str::trim).filter(|v| !v.is_empty())
}

impl ListParams {
    fn from_request(req: &HttpRequest) -> Result<Self, ApiError> {
        serde_html_form::from_str(req.query_string())
            .map_err(|e| ApiError::new(Code::MalformedRequest, format!("Invalid query string: {e}")))
    }

    /// Builds the search query; reads the purpose registry, so call it off the executor.
    fn contact_query(&self, state: &AppState) -> Result<ContactQuery, ApiError> {
        // Search commits are spaced out; the caller's earlier writes must show.
        state.search.catch_up(std::time::Duration::from_secs(2));
        let mut q = ContactQuery { limit: DEFAULT_PAGE, ..Default::default() };
        if let Some(text) = &self.q {
            crate::search::check_query_text(text).map_err(|m| bad_param("q", m))?;
            q.text = text.trim().to_string();
        }
        if let Some(s) = self.status.as_deref().filter(|s| !s.trim().is_empty()) {
            q.status = Some(s.parse::<Status>().map_err(|m| bad_param("status", m))?);
        }
        q.tags = values(&self.tag).map(|t| parse_tag(t).map_err(|m| bad_param("tag", m))).collect::<Result<_, _>>()?;
        q.lists = values(&self.list).map(slugify).filter(|l| !l.is_empty()).collect();
        q.segments = values(&self.segment)
            .map(|s| s.parse().map_err(|_| bad_param("segment", format!("`{s}` is not a segment id"))))
            .collect::<Result<_, _>>()?;
        if let Some(c) = self.consent.as_deref().filter(|c| !c.trim().is_empty()) {
            let (purpose, s) =
                c.split_once(':').ok_or_else(|| bad_param("consent", "use purpose:granted or purpose:withdrawn"))?;
            let s = match s.trim() {
                "granted" => ConsentState::Granted,
                "withdrawn" => ConsentState::Withdrawn,
                other => return Err(bad_param("consent", format!("`{other}` is not granted or withdrawn"))),
            };
            let purpose = purpose.trim();
            if state.purposes.get(purpose)?.is_none() {
                return Err(bad_param("consent", format!("there is no purpose `{purpose}`")));
            }
            q.consent = Some((purpose.to_string(), s));
        }
        let fields = state.fields.all();
        for c in values(&self.custom) {
            q.custom.push(custom_filter(c, &fields)?);
        }
        q.created_after = parse_time("created_after", &self.created_after)?;
        q.created_before = parse_time("created_before", &self.created_before)?;
        let now = Utc::now();
        let engagement = crate::contacts::saved::Filters { engagement: self.engagement.clone(), ..Default::default() };
        engagement.normalised().apply(&mut q, now).map_err(|e| bad_param(e.field, e.message))?;
        if let Some(raw) = self.saved_search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            let id = uuid::Uuid::parse_str(raw).map_err(|_| bad_param("saved_search", "is not a saved search id"))?;
            let s = state
                .saved_searches
                .get(&id)?
                .ok_or_else(|| bad_param("saved_search", "there is no such saved search"))?;
            s.filters.apply(&mut q, now).map_err(|e| bad_param(e.field, e.message))?;
        }
        q.updated_after = parse_time("updated_after", &self.updated_after)?;
        q.updated_before = parse_time("updated_before", &self.updated_before)?;
        q.opened_after = parse_time("opened_after", &self.opened_after)?;
        q.opened_before = parse_time("opened_before", &self.opened_before)?;
        q.clicked_after = parse_time("clicked_after", &self.clicked_after)?;
        q.clicked_before = parse_time("clicked_before", &self.clicked_before)?;
        q.seen_after = parse_time("seen_after", &self.seen_after)?;
        q.seen_before = parse_time("seen_before", &self.seen_before)?;
        if let Some(n) = self.min_orders.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            q.min_orders = Some(n.parse::<u64>().map_err(|_| bad_param("min_orders", "use a whole number"))?);
        }
        if let Some(n) = self.min_revenue.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            // Two decimals: what most currencies have; totals mix currencies anyway.
            let cents =
                crate::tracking::ingest::minor_units("min_revenue", &serde_json::Value::String(n.into()), "EUR")
                    .map_err(|_| bad_param("min_revenue", "use an amount like 100 or 99.50"))?;
            q.min_revenue_cents = Some(cents);
        }
        if let Some(s) = &self.sort {
            q.sort = SortBy::parse(s.trim()).ok_or_else(|| bad_param("sort", "use created, updated, email or name"))?;
        }
        // Time sorts default to newest first, name and email sorts to A to Z.
        q.descending = match self.order.as_deref().map(str::trim) {
            None | Some("") => matches!(q.sort, SortBy::Created | SortBy::Updated),
            Some("desc") => true,
            Some("asc") => false,
            Some(_) => return Err(bad_param("order", "use asc or desc")),
        };
        if let Some(l) = &self.limit {
            q.limit = l
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_PAGE).contains(n))
                .ok_or_else(|| bad_param("limit", format!("use a number from 1 to {MAX_PAGE}")))?;
        }
        if let Some(c) = self.cursor.as_deref().filter(|c| !c.is_empty()) {
            q.cursor = Some(open_cursor(state, &q, c)?);
        }
        // Named here or by the saved search.
        listable_segments(state, &q)?;
        Ok(q)
    }
}

/// `key:value` on a choice, multiple-choice or yes/no field (the kinds the index filters on).
fn custom_filter(raw: &str, fields: &[FieldDef]) -> Result<(String, String), ApiError> {
    let (key, value) = raw.split_once(':').ok_or_else(|| bad_param("custom", "use field_key:value"))?;
    let def = fields
        .iter()
        .find(|f| f.key == key.trim())
        .ok_or_else(|| bad_param("custom", format!("there is no custom field `{}`", key.trim())))?;
    if !matches!(def.kind, FieldKind::Choice | FieldKind::MultiChoice | FieldKind::Boolean) {
        return Err(bad_param("custom", format!("`{}` is not a choice or yes/no field", def.key)));
    }
    let value = match def.parse_text(value).map_err(|m| bad_param("custom", format!("{}: {m}", def.key)))? {
        Some(FieldValue::Choice(o)) => o,
        Some(FieldValue::Multi(mut o)) if o.len() == 1 => o.remove(0),
        Some(FieldValue::Bool(b)) => b.to_string(),
        _ => return Err(bad_param("custom", format!("{}: give one value", def.key))),
    };
    Ok((def.key.clone(), value))
}

// The index's sort keys hold the email or the name of the last contact on the page. Sealed, the
// cursor is opaque (no address in URLs and logs) and only fits the sort and order it came from.

fn seal_cursor(state: &AppState, q: &ContactQuery, raw: &str) -> String {
    crate::search::seal_cursor(state.store.keyring(), q.sort, q.descending, raw)
}

fn open_cursor(state: &AppState, q: &ContactQuery, sealed: &str) -> Result<String, ApiError> {
    crate::search::open_cursor(state.store.keyring(), q.sort, q.descending, sealed)
        .ok_or_else(|| bad_param("cursor", "is not a `next` value from a listing with this sort and order"))
}

async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let params = ListParams::from_request(&req)?;
    if params.format.is_some() {
        return Err(bad_param("format", "belongs to /contacts/export"));
    }
    let viewer = g.viewer();
    let st = state.clone();
    let out = blocking(move || -> Result<Value, ApiError> {
        let q = params.contact_query(&st)?;
        if !viewer.may_search_text() && !q.text.is_empty() {
            let mut e = ApiError::new(Code::Forbidden, "Text search needs the right to see personal data.");
            e.field = Some("q".into());
            return Err(e);
        }
        if !viewer.may_sort_by(q.sort) {
            let mut e =
                ApiError::new(Code::Forbidden, "Sorting by email or name needs the right to see personal data.");
            e.field = Some("sort".into());
            return Err(e);
        }
        let page = cops::search(&st, &q)?;
        let fields = st.fields.all();
        let mut contacts = Vec::with_capacity(page.ids.len());
        for id in &page.ids {
            // Erased between the search and the read: skipped.
            if let Some(c) = st.contacts.get(id)? {
                contacts.push(view(c, &fields, viewer));
            }
        }
        let next = page.next.map(|n| seal_cursor(&st, &q, &n));
        Ok(json!({ "contacts": contacts, "total": page.total, "next": next }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Streams CSV or NDJSON: a blocking thread writes chunks into a bounded channel that the
/// response body drains, so memory stays flat whatever the number of contacts.
async fn export_contacts(
    state: web::Data<AppState>,
    _see: Guard<perm::ViewContacts>,
    g: Guard<perm::ViewPersonalData>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let params = ListParams::from_request(&req)?;
    for (name, given) in [
        ("sort", params.sort.is_some()),
        ("order", params.order.is_some()),
        ("cursor", params.cursor.is_some()),
        ("limit", params.limit.is_some()),
    ] {
        if given {
            return Err(bad_param(name, "an export holds every match, oldest first"));
        }
    }
    let format: Format =
        params.format.as_deref().unwrap_or("csv").parse().map_err(|m: String| bad_param("format", m))?;
    let st = state.clone();
    let filter = blocking(move || params.contact_query(&st).map(|q| q.narrows().then_some(q))).await?;

    let (tx, mut rx) = tokio::sync::mpsc::channel::<io::Result<Vec<u8>>>(8);
    let (st, by, span) = (state.clone(), g.by(), tracing::Span::current());
    tokio::task::spawn_blocking(move || {
        span.in_scope(|| {
            if let Err(e) = export::export(&st, by, format, filter.as_ref(), ChannelWriter::new(tx.clone())) {
                tracing::warn!(error = %e, "contact export stopped");
                // Break the body off, so that the client sees a failed download rather than a
                // complete-looking file.
                let _ = tx.blocking_send(Err(io::Error::other(e.to_string())));
            }
        })
    });
    let body =
        futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx).map(|item| item.map(|r| r.map(web::Bytes::from))));
    let file = format!("contacts-{}.{}", Utc::now().format("%Y%m%d-%H%M%S"), format.as_str());
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")))
        .streaming(body))
}

// ---------------------------------------------------------------------------------------------
// One contact

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConsentInput {
    purpose: String,
    granted: bool,
    #[serde(default)]
    note: String,
}

async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let mut body = body.into_inner();
    let consents: Vec<ConsentInput> = match body.as_object_mut().and_then(|o| o.remove("consents")) {
        Some(v) => serde_json::from_value(v).map_err(|e| ApiError::invalid("consents", e.to_string()))?,
        None => Vec::new(),
    };
    let viewer = g.viewer();
    let (st, by, client) = (state.clone(), g.by(), g.client.clone());
    let v = blocking(move || -> Result<Value, ApiError> {
        let input =
            cops::input_from_json(&body, &st.fields.all(), phone_region(&st).as_deref()).map_err(field_error)?;
        // Checked before anything is written: a refused consent must not leave a contact behind.
        for (i, k) in consents.iter().enumerate() {
            if st.purposes.get(&k.purpose)?.is_none() {
                return Err(ApiError::invalid(
                    &format!("consents.{i}.purpose"),
                    format!("there is no purpose `{}`", k.purpose),
                ));
            }
        }
        let c = cops::create(&st, by, &input, Source::Api)?;
        for k in &consents {
            cops::record_consent(
                &st,
                by,
                &c.id,
                &k.purpose,
                k.granted,
                &k.note,
                client.truncated(),
                Some(client.agent.clone()),
            )?;
        }
        detail(&st, c, viewer, Include::default())
    })
    .await?;
    Ok(HttpResponse::Created().json(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GetParams {
    include: Option<String>,
}

/// Follows merge aliases: the contact returned may carry another id than the one asked for.
async fn get(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    id: web::Path<String>,
    q: web::Query<GetParams>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let include = Include::parse(q.include.as_deref())?;
    let viewer = g.viewer();
    let st = state.clone();
    let v = blocking(move || detail(&st, cops::get(&st, &id)?, viewer, include)).await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let body = body.into_inner();
    let viewer = g.viewer();
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || -> Result<Value, ApiError> {
        let input =
            cops::input_from_json(&body, &st.fields.all(), phone_region(&st).as_deref()).map_err(field_error)?;
        let (c, _) = cops::update(&st, by, &id, &input)?;
        detail(&st, c, viewer, Include::default())
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeleteParams {
    suppress: Option<String>,
}

/// Erases the contact; by default its address goes on the suppression list. Returns once the
/// search index no longer holds it.
async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
    q: web::Query<DeleteParams>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let suppress = match q.suppress.as_deref().map(str::trim) {
        None | Some("") | Some("true") => true,
        Some("false") => false,
        Some(_) => return Err(bad_param("suppress", "use true or false")),
    };
    let (st, by) = (state.clone(), g.by());
    blocking(move || cops::delete(&st, by, &id, suppress).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BulkBody {
    contacts: Vec<Value>,
    policy: Option<String>,
}

/// Upserts by email; every item is validated on its own and answered by its index.
async fn bulk(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    body: web::Json<BulkBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    if body.contacts.len() > MAX_BULK {
        return Err(bad_param("contacts", format!("send at most {MAX_BULK} contacts per request")));
    }
    let policy: MergePolicy = match body.policy.as_deref() {
        None => MergePolicy::default(),
        Some(p) => p.parse().map_err(|m: String| ApiError::invalid("policy", m))?,
    };
    let (st, by) = (state.clone(), g.by());
    let results = blocking(move || cops::bulk_upsert(&st, by, &body.contacts, policy).map_err(ApiError::from)).await?;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let results: Vec<Value> = results
        .into_iter()
        .enumerate()
        .map(|(index, r)| match r {
            Ok((outcome, id)) => {
                let v = json!({ "index": index, "outcome": outcome, "id": id });
                *counts.entry(v["outcome"].as_str().unwrap_or("").to_string()).or_default() += 1;
                v
            }
            Err(e) => {
                *counts.entry("invalid".into()).or_default() += 1;
                json!({ "index": index, "error": { "field": e.field, "message": e.message } })
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(json!({ "results": results, "counts": counts })))
}

// ---------------------------------------------------------------------------------------------
// Bulk actions on many contacts

/// Keys of `query` that page or order a listing: an action takes every match.
const NOT_IN_BULK_QUERY: [&str; 5] = ["sort", "order", "cursor", "limit", "format"];

/// `query` of a bulk action, the listing's parameters as a JSON object, as list parameters.
fn bulk_params(query: &serde_json::Map<String, Value>) -> Result<ListParams, ApiError> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in query {
        let field = format!("query.{k}");
        if NOT_IN_BULK_QUERY.contains(&k.as_str()) {
            return Err(ApiError::invalid(&field, "an action takes every match: leave out paging and order"));
        }
        let one = |v: &Value| match v {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            _ => Err(ApiError::invalid(&field, "use a string, or a list of strings")),
        };
        match v {
            Value::Array(items) => {
                for item in items {
                    pairs.push((k.clone(), one(item)?));
                }
            }
            other => pairs.push((k.clone(), one(other)?)),
        }
    }
    let qs = serde_urlencoded::to_string(&pairs).map_err(|e| ApiError::invalid("query", e.to_string()))?;
    serde_html_form::from_str(&qs).map_err(|e| ApiError::invalid("query", format!("{e}")))
}

/// The filter in words for the job and the audit log; search words are named, never quoted.
fn bulk_scope(query: &serde_json::Map<String, Value>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (k, v) in query {
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if text.trim().is_empty() {
            continue;
        }
        if k == "q" {
            parts.push("search words".into());
        } else {
            parts.push(format!("{k} {text}"));
        }
    }
    if parts.is_empty() {
        "all matching: every contact".into()
    } else {
        format!("all matching: {}", parts.join(", "))
    }
}

fn opt_str(body: &serde_json::Map<String, Value>, key: &str) -> Result<Option<String>, ApiError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::invalid(key, "use a string")),
    }
}

/// `{action, ids | query, tag | list, suppress, format}`: tags, lists or deletes the contacts
/// named by `ids` (at most 10,000) or everyone `query` matches when the request arrives, or
/// exports them (`action: export`, streamed CSV or NDJSON). Answers 200 with the job when it
/// ends within a few seconds, else 202 with the job and its address to poll.
async fn bulk_action(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let Value::Object(body) = body.into_inner() else {
        return Err(ApiError::invalid("action", "send a JSON object with action and ids or query"));
    };
    const KEYS: [&str; 7] = ["action", "ids", "query", "tag", "list", "suppress", "format"];
    enum Chosen {
        Ids(Vec<ContactId>),
        Query(serde_json::Map<String, Value>),
    }
    if let Some(k) = body.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(ApiError::invalid(k, format!("is not one of {}", KEYS.join(", "))));
    }
    let action = opt_str(&body, "action")?.unwrap_or_default();
    let export = action.trim() == "export";
    // The role first: a refusal says nothing about the input.
    let needed = if export { Permission::ViewPersonalData } else { Permission::EditContacts };
    if !g.can(needed) {
        return Err(ApiError::forbidden());
    }
    let selection = match (body.get("ids"), body.get("query")) {
        (Some(_), Some(_)) => return Err(ApiError::invalid("ids", "give ids or query, not both")),
        (None, None) => {
            return Err(ApiError::invalid("ids", "give ids (the contacts chosen) or query (everyone who matches)"))
        }
        (Some(Value::Array(items)), None) => {
            if items.len() > bulk::MAX_IDS {
                return Err(ApiError::invalid("ids", format!("name at most {} contacts", bulk::MAX_IDS)));
            }
            if items.is_empty() {
                return Err(ApiError::invalid("ids", "name at least one contact"));
            }
            let mut ids = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let id = item.as_str().and_then(|s| s.parse::<ContactId>().ok());
                ids.push(id.ok_or_else(|| ApiError::invalid(&format!("ids.{i}"), "is not a contact id"))?);
            }
            Chosen::Ids(ids)
        }
        (Some(_), None) => return Err(ApiError::invalid("ids", "use a list of contact ids")),
        (None, Some(Value::Object(query))) => Chosen::Query(query.clone()),
        (None, Some(_)) => return Err(ApiError::invalid("query", "use an object of list parameters")),
    };
    let suppress = match body.get("suppress") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(ApiError::invalid("suppress", "use true or false")),
    };
    let (tag, list) = (opt_str(&body, "tag")?.unwrap_or_default(), opt_str(&body, "list")?.unwrap_or_default());
    let format = opt_str(&body, "format")?;
    let viewer = g.viewer();
    let st = state.clone();
    let (selection, scope) = blocking(move || -> Result<(Selection, String), ApiError> {
        match selection {
            Chosen::Ids(ids) => {
                let scope = format!("{} selected contact{}", ids.len(), if ids.len() == 1 { "" } else { "s" });
                Ok((Selection::Ids(ids), scope))
            }
            Chosen::Query(query) => {
                let q = bulk_params(&query)?.contact_query(&st).map_err(|e| match e.field.clone() {
                    Some(f) => ApiError::invalid(&format!("query.{f}"), e.message),
                    None => ApiError::invalid("query", e.message),
                })?;
                if !viewer.may_search_text() && !q.text.is_empty() {
                    let mut e = ApiError::new(Code::Forbidden, "Text search needs the right to see personal data.");
                    e.field = Some("query.q".into());
                    return Err(e);
                }
                Ok((Selection::Matching(Box::new(q)), bulk_scope(&query)))
            }
        }
    })
    .await?;
    if export {
        if tag.trim().len() + list.trim().len() > 0 {
            return Err(ApiError::invalid("action", "an export takes no tag or list"));
        }
        let format: Format =
            format.as_deref().unwrap_or("csv").parse().map_err(|m: String| ApiError::invalid("format", m))?;
        return Ok(stream_export(&state, g.by(), format, selection));
    }
    if format.is_some() {
        return Err(ApiError::invalid("format", "belongs to the export action"));
    }
    let (st, by) = (state.clone(), g.by());
    let job = blocking(move || -> Result<bulk::BulkJob, ApiError> {
        let action = BulkAction::parse(&st, &action, &tag, &list, suppress)?;
        let job = bulk::start(st.clone().into_inner(), by, action, selection, &scope)?;
        Ok(bulk::wait(&st, &job.id, BULK_WAIT)?)
    })
    .await?;
    let location = format!("/api/v1/contacts/bulk-actions/{}", job.id);
    let mut res = if job.status() == "running" { HttpResponse::Accepted() } else { HttpResponse::Ok() };
    Ok(res.insert_header((header::LOCATION, location)).json(job.to_json()))
}

async fn bulk_action_status(
    state: web::Data<AppState>,
    _g: Guard<perm::ViewContacts>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = uuid::Uuid::parse_str(&id).map_err(|_| ApiError::not_found("bulk action"))?;
    let st = state.clone();
    let job = blocking(move || bulk::get(&st, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(job.to_json()))
}

/// Streams an export of a bulk selection (see [`export_contacts`]).
pub(crate) fn stream_export(
    state: &web::Data<AppState>,
    by: crate::ops::By,
    format: Format,
    selection: Selection,
) -> HttpResponse {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<io::Result<Vec<u8>>>(8);
    let (st, span) = (state.clone(), tracing::Span::current());
    tokio::task::spawn_blocking(move || {
        span.in_scope(|| {
            let scope = match &selection {
                Selection::Ids(ids) => export::Scope::Ids(ids),
                Selection::Matching(q) => export::Scope::Matching(q),
            };
            if let Err(e) = export::export_scope(&st, by, format, scope, ChannelWriter::new(tx.clone())) {
                tracing::warn!(error = %e, "contact export stopped");
                let _ = tx.blocking_send(Err(io::Error::other(e.to_string())));
            }
        })
    });
    let body =
        futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx).map(|item| item.map(|r| r.map(web::Bytes::from))));
    let file = format!("contacts-{}.{}", Utc::now().format("%Y%m%d-%H%M%S"), format.as_str());
    HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")))
        .streaming(body)
}

async fn consents(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let viewer = g.viewer();
    let st = state.clone();
    let v = blocking(move || -> Result<Value, ApiError> {
        let c = cops::get(&st, &id)?;
        let ledger = st.contacts.ledger(&c.id)?;
        Ok(json!({
            "contact": c.id,
            "consents": ledger_view(&st, &ledger, viewer)?,
            "state": consent_states(&crate::domain::consent::current_state(&ledger)),
        }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Appends a grant or withdrawal, with the caller's truncated IP and browser family.
async fn record_consent(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
    body: web::Json<ConsentInput>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let body = body.into_inner();
    let viewer = g.viewer();
    let (st, by, client) = (state.clone(), g.by(), g.client.clone());
    let v = blocking(move || -> Result<Value, ApiError> {
        let entry = cops::record_consent(
            &st,
            by,
            &id,
            &body.purpose,
            body.granted,
            &body.note,
            client.truncated(),
            Some(client.agent.clone()),
        )?;
        Ok(ledger_view(&st, &[entry], viewer)?.remove(0))
    })
    .await?;
    Ok(HttpResponse::Created().json(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnmaskBody {
    reason: String,
}

/// Reveals one contact to a role that sees it masked, as `GET` answers (with the same
/// `include`) a viewer who sees personal data; the operation audits it.
async fn unmask(
    state: web::Data<AppState>,
    g: Guard<perm::UnmaskPersonalData>,
    id: web::Path<String>,
    q: web::Query<GetParams>,
    body: web::Json<UnmaskBody>,
) -> Result<HttpResponse, ApiError> {
    let id = contact_id(&id)?;
    let include = Include::parse(q.include.as_deref())?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || -> Result<Value, ApiError> {
        let c = cops::unmask(&st, by, &id, &body.reason)?;
        detail(&st, c, Viewer::unmasked(), include)
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MergeBody {
    survivor: String,
    other: String,
    #[serde(default)]
    picks: BTreeMap<String, String>,
}

/// Keys a merge pick may name: the single-valued attributes (tags and lists are united).
const PICKABLE: [&str; 7] = ["email", "first_name", "last_name", "phone", "locale", "time_zone", "status"];

async fn merge(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    body: web::Json<MergeBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let survivor: ContactId =
        body.survivor.parse().map_err(|_| ApiError::invalid("survivor", "is not a contact id"))?;
    let other: ContactId = body.other.parse().map_err(|_| ApiError::invalid("other", "is not a contact id"))?;
    let viewer = g.viewer();
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || -> Result<Value, ApiError> {
        let fields = st.fields.all();
        let mut picks = BTreeMap::new();
        for (key, from) in body.picks {
            let known = PICKABLE.contains(&key.as_str())
                || key.strip_prefix("custom.").is_some_and(|k| fields.iter().any(|f| f.key == k));
            if !known {
                return Err(ApiError::invalid(
                    &format!("picks.{key}"),
                    "not a field to pick (email, first_name, last_name, phone, locale, time_zone, status, custom.<key>)",
                ));
            }
            let pick = match from.as_str() {
                "survivor" => Pick::Survivor,
                "other" => Pick::Other,
                _ => return Err(ApiError::invalid(&format!("picks.{key}"), "use survivor or other")),
            };
            picks.insert(key, pick);
        }
        let c = cops::merge(&st, by, &survivor, &other, &picks)?;
        detail(&st, c, viewer, Include::default())
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

// ---------------------------------------------------------------------------------------------
// Custom fields

async fn list_fields(state: web::Data<AppState>, _g: Guard<perm::ViewContacts>) -> HttpResponse {
    HttpResponse::Ok().json(json!({ "fields": state.fields.all() }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewField {
    key: String,
    label: String,
    kind: String,
    #[serde(default)]
    options: Vec<String>,
    max_len: Option<u32>,
}

async fn create_field(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    body: web::Json<NewField>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let (st, by) = (state.clone(), g.by());
    let def = blocking(move || {
        cops::create_field(&st, by, &b.key, &b.label, &b.kind, b.options, b.max_len).map_err(ApiError::from)
    })
    .await?;
    Ok(HttpResponse::Created().json(def))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldPatch {
    label: Option<String>,
    options: Option<Vec<String>>,
    max_len: Option<u32>,
}

/// Label, options and length limit; a field's key and type stay (stored values depend on them).
async fn update_field(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    key: web::Path<String>,
    body: web::Json<FieldPatch>,
) -> Result<HttpResponse, ApiError> {
    let (key, b) = (key.into_inner(), body.into_inner());
    let (st, by) = (state.clone(), g.by());
    let def = blocking(move || {
        cops::update_field(&st, by, &key, b.label.as_deref(), b.options, b.max_len).map_err(ApiError::from)
    })
    .await?;
    Ok(HttpResponse::Ok().json(def))
}

async fn delete_field(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let key = key.into_inner();
    let (st, by) = (state.clone(), g.by());
    blocking(move || cops::delete_field(&st, by, &key).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}

// ---------------------------------------------------------------------------------------------
// Purposes

/// A purpose with every version of its consent wording.
fn purpose_view(state: &AppState, p: &Purpose) -> Result<Value, ApiError> {
    let mut v = json!(p);
    v["wordings"] = json!(state.purposes.wordings(&p.key)?);
    let names: serde_json::Map<String, Value> =
        state.purposes.names(&p.key)?.into_iter().map(|(lang, name)| (lang, Value::String(name))).collect();
    v["names"] = Value::Object(names);
    Ok(v)
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    wording: String,
}

/// `PUT /purposes/{key}/translations/{language}` `{name, wording}`: the purpose's name and
/// consent text in that language (a new wording version when the text changed).
async fn put_purpose_translation(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    path: web::Path<(String, String)>,
    body: web::Json<TranslationInput>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, (key, language), input) = (state.clone(), g.by(), path.into_inner(), body.into_inner());
    let v = blocking(move || {
        cops::save_purpose_translation(&st, by, &key, &language, &input.name, &input.wording)?;
        let p = st.purposes.get(&key)?.ok_or_else(|| ApiError::not_found("purpose"))?;
        purpose_view(&st, &p)
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn list_purposes(state: web::Data<AppState>, _g: Guard<perm::ViewContacts>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let v = blocking(move || -> Result<Value, ApiError> {
        let all = st.purposes.all()?;
        Ok(json!({ "purposes": all.iter().map(|p| purpose_view(&st, p)).collect::<Result<Vec<_>, _>>()? }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn get_purpose(
    state: web::Data<AppState>,
    _g: Guard<perm::ViewContacts>,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (st, key) = (state.clone(), key.into_inner());
    let v = blocking(move || {
        let p = st.purposes.get(&key)?.ok_or_else(|| ApiError::not_found("purpose"))?;
        purpose_view(&st, &p)
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

// The operation also admits `manage_settings`; every role holding that holds `manage_gdpr` too,
// and a token needs the GDPR scope for what is a GDPR record.
async fn create_purpose(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    body: web::Json<PurposeInput>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, input) = (state.clone(), g.by(), body.into_inner());
    let v = blocking(move || purpose_view(&st, &cops::save_purpose(&st, by, None, &input)?)).await?;
    Ok(HttpResponse::Created().json(v))
}

async fn update_purpose(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    key: web::Path<String>,
    body: web::Json<PurposeInput>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, key, input) = (state.clone(), g.by(), key.into_inner(), body.into_inner());
    if input.key.as_deref().is_some_and(|k| k != key) {
        return Err(ApiError::invalid("key", "a purpose's key cannot change"));
    }
    let v = blocking(move || purpose_view(&st, &cops::save_purpose(&st, by, Some(&key), &input)?)).await?;
    Ok(HttpResponse::Ok().json(v))
}

// ---------------------------------------------------------------------------------------------
// Lists

async fn list_lists(state: web::Data<AppState>, _g: Guard<perm::ViewContacts>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let v = blocking(move || -> Result<Value, ApiError> {
        let lists: Vec<Value> = st
            .lists
            .all()?
            .iter()
            .map(|l| {
                let mut v = json!(l);
                v["members"] = json!(st.search.index.doc_freq("list", &l.slug));
                v
            })
            .collect();
        Ok(json!({ "lists": lists }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewList {
    name: String,
    #[serde(default)]
    description: String,
}

async fn create_list(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    body: web::Json<NewList>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, b) = (state.clone(), g.by(), body.into_inner());
    let l = blocking(move || cops::create_list(&st, by, &b.name, &b.description).map_err(ApiError::from)).await?;
    let mut v = json!(l);
    v["members"] = json!(0);
    Ok(HttpResponse::Created().json(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListChange {
    name: Option<String>,
    description: Option<String>,
}

/// Renames a list or changes its description (its key stays).
async fn update_list(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    slug: web::Path<String>,
    body: web::Json<ListChange>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, slug, b) = (state.clone(), g.by(), slug.into_inner(), body.into_inner());
    let l = blocking(move || {
        cops::update_list(&st, by, &slug, b.name.as_deref(), b.description.as_deref()).map_err(ApiError::from)
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!(l)))
}

/// Deletes the list and takes every contact off it; answers how many were on it.
async fn delete_list(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, slug) = (state.clone(), g.by(), slug.into_inner());
    let s = slug.clone();
    let removed = blocking(move || cops::delete_list(&st, by, &s).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "slug": slug, "members_removed": removed })))
}

// ---------------------------------------------------------------------------------------------
// Saved searches

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedSearchBody {
    name: String,
    #[serde(default)]
    filters: crate::contacts::saved::Filters,
}

fn saved_view(s: &crate::contacts::saved::SavedSearch) -> Value {
    json!({
        "id": s.id, "name": s.name, "filters": s.filters, "describe": s.filters.describe(),
        "created_by": s.created_by, "created_at": s.created_at,
        "contacts": format!("/api/v1/contacts?saved_search={}", s.id),
    })
}

fn saved_search_id(raw: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(raw).map_err(|_| ApiError::not_found("saved search"))
}

async fn list_saved_searches(
    state: web::Data<AppState>,
    _g: Guard<perm::ViewContacts>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let all = blocking(move || st.saved_searches.all().map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "saved_searches": all.iter().map(saved_view).collect::<Vec<_>>() })))
}

async fn create_saved_search(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    body: web::Json<SavedSearchBody>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, b) = (state.clone(), g.by(), body.into_inner());
    let s = blocking(move || cops::save_search(&st, by, None, &b.name, b.filters).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Created().json(saved_view(&s)))
}

async fn replace_saved_search(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
    body: web::Json<SavedSearchBody>,
) -> Result<HttpResponse, ApiError> {
    let id = saved_search_id(&path)?;
    let (st, by, b) = (state.clone(), g.by(), body.into_inner());
    let s = blocking(move || cops::save_search(&st, by, Some(id), &b.name, b.filters).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(saved_view(&s)))
}

async fn delete_saved_search(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = saved_search_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || cops::delete_search(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}
