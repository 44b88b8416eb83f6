//! Contacts: the searchable list, the detail page (profile, consent ledger, timeline), the
//! create and edit form, delete, merge and unmask. Every rule lives in `contacts::ops`, and
//! what of a person the staff member may see in `contacts::viewer` (the same as the API's);
//! this file turns forms into calls and results into pages.

use std::collections::BTreeMap;
use std::time::Duration;

use actix_web::{web, HttpResponse};
use minijinja::{context, Value};
use serde::Deserialize;

use super::{notice, page, see_other, unprocessable};
use crate::contacts::ops::{self, Pick, Target};
use crate::contacts::viewer::Viewer;
use crate::contacts::{bulk, saved};
use crate::domain::{Contact, ContactId, ContactInput, EventId, FieldDef, FieldKind, Permission, Source, Status, Via};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::http::urlencode;
use crate::i18n::{args, Arg, Language};
use crate::ops::OpError;
use crate::search::{ContactQuery, SortBy};
use crate::segments::ops::Listing;
use crate::state::{blocking, AppState};

pub const PAGE: usize = 50;
/// How long a page waits for the search index to show the change it has just made.
const SETTLE: Duration = Duration::from_secs(2);

/// A form as it came: every pair in order, repeated keys (checkboxes) included.
type Pairs = Vec<(String, String)>;

fn parse_id(raw: &str) -> Result<ContactId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("contact"))
}

fn region(state: &AppState) -> Option<String> {
    Some(state.config.contacts.phone_region.clone()).filter(|r| !r.is_empty())
}

/// Lets the search index catch up with what was just written (bounded), so the list the user
/// returns to shows their change.
fn settle(state: &AppState) {
    state.search.catch_up(SETTLE);
}

fn one<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or("")
}

fn all<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).filter(|v| !v.is_empty()).collect()
}

fn usernames(state: &AppState) -> Result<BTreeMap<String, String>, ApiError> {
    Ok(state.users.list()?.into_iter().map(|u| (u.id.reference(), u.username)).collect())
}

fn list_names(state: &AppState) -> Result<BTreeMap<String, String>, ApiError> {
    Ok(state.lists.all()?.into_iter().map(|l| (l.slug, l.name)).collect())
}

/// Segment names by id, for filters that name a segment (a deleted one shows as its id).
fn segment_names(state: &AppState) -> Result<BTreeMap<String, String>, ApiError> {
    Ok(state.segments.segments().all()?.into_iter().map(|s| (s.id.to_string(), s.name)).collect())
}

/// A count as the staff member's language writes it: `1,234,567`, `1.234.567`.
fn figure(ui: &Language, n: u64) -> String {
    ui.number(n as f64)
}

/// An admin message with its arguments, in the staff member's language.
pub(super) fn say<'a>(ui: &Language, key: &str, pairs: impl IntoIterator<Item = (&'a str, Arg)>) -> String {
    ui.text(key, Some(&args(pairs)))
}

/// The message naming a subscription state, as a label ("Pending confirmation").
pub(super) fn status_key(s: Status) -> &'static str {
    match s {
        Status::Pending => "c-status-pending",
        Status::Subscribed => "c-status-subscribed",
        Status::Unsubscribed => "c-status-unsubscribed",
        Status::Bounced => "c-status-bounced",
        Status::Complained => "c-status-complained",
    }
}

/// The same state as a word inside a phrase ("subscribed, tag vip").
pub(super) fn status_word_key(s: Status) -> &'static str {
    match s {
        Status::Pending => "c-status-word-pending",
        Status::Subscribed => "c-status-word-subscribed",
        Status::Unsubscribed => "c-status-word-unsubscribed",
        Status::Bounced => "c-status-word-bounced",
        Status::Complained => "c-status-word-complained",
    }
}

/// Where a contact came from, in a word.
fn source_key(s: Source) -> &'static str {
    match s {
        Source::Form => "c-source-form",
        Source::Import => "c-source-import",
        Source::Api => "c-source-api",
        Source::Admin => "c-source-admin",
    }
}

/// The label of a contact's attribute (a column, a form field, an import target); a custom
/// field is called what the shop called it.
pub(super) fn target_label(ui: &Language, t: &Target, fields: &[FieldDef]) -> String {
    let key = match t {
        Target::Email => "c-field-email",
        Target::FirstName => "c-field-first-name",
        Target::LastName => "c-field-last-name",
        Target::Phone => "c-field-phone",
        Target::Locale => "c-field-locale",
        Target::TimeZone => "c-field-time-zone",
        Target::Status => "c-field-status",
        Target::Tags => "c-field-tags",
        Target::Lists => "c-field-lists",
        Target::Custom(_) => return t.label(fields),
    };
    ui.text(key, None)
}

/// The engagement presets of [`saved::ENGAGEMENT`], in the staff member's language.
fn engagement_label(ui: &Language, preset: &str) -> String {
    let key = match preset {
        "opened_30d" => "c-engagement-opened",
        "clicked_30d" => "c-engagement-clicked",
        "not_opened_90d" => "c-engagement-not-opened",
        "inactive_180d" => "c-engagement-inactive",
        "buyers" => "c-engagement-buyers",
        other => return other.to_string(),
    };
    ui.text(key, None)
}

/// What saved filters select, in words for people: "subscribed, tag vip, opened in the last
/// 30 days". `saved::Filters::describe` says the same in English for the audit log and the API.
fn describe_filters(ui: &Language, f: &saved::Filters, segments: &BTreeMap<String, String>) -> String {
    let mut parts = Vec::new();
    if let Some(s) = &f.status {
        parts.push(match s.parse::<Status>() {
            Ok(status) => ui.text(status_word_key(status), None),
            Err(_) => s.replace('_', " "),
        });
    }
    if let Some(t) = &f.tag {
        parts.push(say(ui, "c-describe-tag", [("tag", t.as_str().into())]));
    }
    if let Some(l) = &f.list {
        parts.push(say(ui, "c-describe-list", [("list", l.as_str().into())]));
    }
    if let Some(c) = &f.consent {
        parts.push(match c.split_once(':') {
            Some((purpose, "granted")) => say(ui, "c-describe-granted", [("purpose", purpose.into())]),
            Some((purpose, "withdrawn")) => say(ui, "c-describe-withdrawn", [("purpose", purpose.into())]),
            _ => c.replace(':', " "),
        });
    }
    if let Some(e) = &f.engagement {
        parts.push(engagement_label(ui, e));
    }
    if let Some(id) = &f.segment {
        let name = segments.get(id).cloned().unwrap_or_else(|| id.clone());
        parts.push(say(ui, "c-describe-segment", [("segment", name.into())]));
    }
    if parts.is_empty() {
        ui.text("c-describe-every", None)
    } else {
        parts.join(", ")
    }
}

// ---------------------------------------------------------------------------------------------
// The list

#[derive(Deserialize, Default, Clone)]
pub struct ListQuery {
    q: Option<String>,
    status: Option<String>,
    tag: Option<String>,
    list: Option<String>,
    /// `purpose:granted` or `purpose:withdrawn`.
    consent: Option<String>,
    /// One of [`crate::contacts::saved::ENGAGEMENT`].
    engagement: Option<String>,
    /// A segment's id: its members.
    segment: Option<String>,
    sort: Option<String>,
    dir: Option<String>,
    cursor: Option<String>,
    /// The cursor reads backwards (a previous page, or the last).
    back: Option<String>,
    /// The page number the link came from, for "Page 3 of 41" (the cursor says where).
    page: Option<String>,
    /// The columns shown, repeated (`col=email&col=custom.size`); none: the usual ones.
    #[serde(default)]
    col: Vec<String>,
    partial: Option<String>,
    ok: Option<String>,
}

impl ListQuery {
    /// Reads a query string with repeated keys (`col`).
    fn parse(raw: &str) -> Result<Self, ApiError> {
        serde_html_form::from_str(raw).map_err(|e| ApiError::invalid("query", format!("Invalid query string: {e}")))
    }
}

/// The columns a list can show, beyond the custom fields (`custom.<key>`), with the message
/// of each one's heading.
const BUILT_IN_COLUMNS: [(&str, &str); 10] = [
    ("email", "c-field-email"),
    ("name", "c-field-name"),
    ("phone", "c-field-phone"),
    ("status", "c-field-status"),
    ("tags", "c-field-tags"),
    ("lists", "c-field-lists"),
    ("source", "c-field-source"),
    ("locale", "c-field-locale"),
    ("created", "c-field-added"),
    ("updated", "c-field-changed"),
];
const DEFAULT_COLUMNS: [&str; 7] = ["email", "name", "status", "tags", "lists", "created", "updated"];

/// Every column there is, as (key, label), built-in first then the schema's custom fields.
fn all_columns(ui: &Language, fields: &[FieldDef]) -> Vec<(String, String)> {
    BUILT_IN_COLUMNS
        .iter()
        .map(|(k, l)| (k.to_string(), ui.text(l, None)))
        .chain(fields.iter().map(|f| (format!("custom.{}", f.key), f.label.clone())))
        .collect()
}

/// The chosen columns in their usual order; unknown ones are dropped, none chosen is the
/// usual set. The email always shows: it is the link to the contact.
fn chosen_columns(ui: &Language, asked: &[String], fields: &[FieldDef]) -> Vec<(String, String)> {
    let all = all_columns(ui, fields);
    let asked: Vec<&str> = asked.iter().flat_map(|c| c.split(',')).map(str::trim).collect();
    let known = asked.iter().any(|a| all.iter().any(|(k, _)| k == a));
    all.into_iter()
        .filter(
            |(k, _)| {
                if known {
                    k == "email" || asked.contains(&k.as_str())
                } else {
                    DEFAULT_COLUMNS.contains(&k.as_str())
                }
            },
        )
        .collect()
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// The filters as they are echoed into links and the form (empty ones dropped).
struct Filters {
    q: Option<String>,
    status: Option<String>,
    tag: Option<String>,
    list: Option<String>,
    consent: Option<String>,
    engagement: Option<String>,
    segment: Option<String>,
    sort: SortBy,
    descending: bool,
    /// Column keys when not the usual set, carried in every link.
    cols: Vec<String>,
}

impl Filters {
    fn from_query(q: &ListQuery, viewer: Viewer) -> Result<Self, ApiError> {
        if let Some(text) = &q.q {
            crate::search::check_query_text(text).map_err(|m| ApiError::invalid("q", format!("The search {m}.")))?;
        }
        let sort = match nonempty(&q.sort) {
            None => SortBy::Created,
            Some(s) => {
                SortBy::parse(&s).ok_or_else(|| ApiError::invalid("sort", "sort by created, updated, email or name"))?
            }
        };
        // An order the viewer may not use falls back to the newest first.
        let sort = if viewer.may_sort_by(sort) { sort } else { SortBy::Created };
        let descending = match nonempty(&q.dir).as_deref() {
            Some("asc") => false,
            Some("desc") => true,
            // Newest first by date; A to Z by text.
            _ => matches!(sort, SortBy::Created | SortBy::Updated),
        };
        Ok(Filters {
            // Search words the viewer may not use are dropped, as if not typed.
            q: nonempty(&q.q).filter(|_| viewer.may_search_text()),
            status: nonempty(&q.status),
            tag: nonempty(&q.tag),
            list: nonempty(&q.list),
            consent: nonempty(&q.consent),
            engagement: nonempty(&q.engagement),
            segment: nonempty(&q.segment),
            sort,
            descending,
            cols: Vec::new(),
        })
    }

    fn any(&self) -> bool {
        self.q.is_some() || !self.selection().is_empty()
    }

    /// The filters a saved search keeps (all but the free-text words).
    fn selection(&self) -> saved::Filters {
        saved::Filters {
            status: self.status.clone(),
            tag: self.tag.clone(),
            list: self.list.clone(),
            consent: self.consent.clone(),
            engagement: self.engagement.clone(),
            segment: self.segment.clone(),
        }
    }

    fn query(&self, cursor: Option<String>) -> Result<ContactQuery, ApiError> {
        let mut q = ContactQuery {
            text: self.q.clone().unwrap_or_default(),
            sort: self.sort,
            descending: self.descending,
            cursor,
            limit: PAGE,
            ..Default::default()
        };
        self.selection().apply(&mut q, chrono::Utc::now()).map_err(|e| ApiError::invalid(e.field, e.message))?;
        Ok(q)
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = self.q.iter().map(|q| ("q", q.clone())).collect();
        out.extend(self.selection().pairs());
        out.extend(self.cols.iter().map(|c| ("col", c.clone())));
        out
    }

    /// What the filters select, in words for a bulk action and the audit log: the search
    /// words are named, never quoted (they may be a name or an address).
    fn describe(&self) -> String {
        let rest = self.selection().describe();
        match (&self.q, self.selection().is_empty()) {
            (None, _) => rest,
            (Some(_), true) => "search words".into(),
            (Some(_), false) => format!("search words, {rest}"),
        }
    }

    /// [`Filters::describe`] in the staff member's language, for the page.
    fn describe_for(&self, ui: &Language, segments: &BTreeMap<String, String>) -> String {
        let rest = describe_filters(ui, &self.selection(), segments);
        match (&self.q, self.selection().is_empty()) {
            (None, _) => rest,
            (Some(_), true) => ui.text("c-describe-words", None),
            (Some(_), false) => format!("{}, {rest}", ui.text("c-describe-words", None)),
        }
    }

    fn url(&self, base: &str, extra: &[(&'static str, String)]) -> String {
        let mut pairs = self.pairs();
        pairs.extend_from_slice(extra);
        let qs = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        if qs.is_empty() {
            base.to_string()
        } else if base.contains('?') {
            format!("{base}&{qs}")
        } else {
            format!("{base}?{qs}")
        }
    }

    fn dir(&self) -> &'static str {
        if self.descending {
            "desc"
        } else {
            "asc"
        }
    }

    /// The link on a column header: the other direction when it is the current sort.
    fn sort_link(&self, by: SortBy) -> Value {
        let current = self.sort == by;
        let dir = if current {
            if self.descending {
                "asc"
            } else {
                "desc"
            }
        } else if matches!(by, SortBy::Created | SortBy::Updated) {
            "desc"
        } else {
            "asc"
        };
        let aria = if !current {
            None
        } else if self.descending {
            Some("descending")
        } else {
            Some("ascending")
        };
        context! {
            url => self.url("/contacts", &[("sort", by.as_str().into()), ("dir", dir.into())]),
            aria_sort => aria,
        }
    }
}

/// A cursor is the last row's sort key and its contact id, and the key may be the email or the
/// name: in a link it would show a masked viewer the address and put it into browser history
/// and proxy logs. The page hands out the key sealed, under a key derived from the master key
/// for this use only.
fn seal_cursor(state: &AppState, f: &Filters, raw: &str) -> String {
    crate::search::seal_cursor(state.store.keyring(), f.sort, f.descending, raw)
}

/// A cursor that does not open (edited, or for another sort order) starts from the top.
fn open_cursor(state: &AppState, f: &Filters, cursor: &str) -> Option<String> {
    crate::search::open_cursor(state.store.keyring(), f.sort, f.descending, cursor)
}

fn row(ui: &Language, c: &Contact, lists: &BTreeMap<String, String>) -> Value {
    context! {
        id => c.id.to_string(), email => c.email.as_str(), name => c.name(),
        status => c.status.as_str(), status_label => ui.text(status_key(c.status), None),
        tags => c.tags,
        lists => c.lists.iter().map(|l| lists.get(l).cloned().unwrap_or_else(|| l.clone())).collect::<Vec<_>>(),
        phone => c.phone.as_ref().map(|p| p.as_str().to_string()), source => ui.text(source_key(c.source), None),
        locale => c.locale,
        custom => c.custom.iter().map(|(k, v)| (k.clone(), value_text(ui, v))).collect::<BTreeMap<_, _>>(),
        created_at => c.created_at, updated_at => c.updated_at,
    }
}

fn status_choices(ui: &Language) -> Vec<Value> {
    Status::ALL.iter().map(|s| context! { value => s.as_str(), label => ui.text(status_key(*s), None) }).collect()
}

/// Where a page is: its number, and whether it was read backwards from a cursor (a previous
/// page) or from the end (the last page).
struct Position {
    page: usize,
    back: bool,
    cursor: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let q = ListQuery::parse(req.query_string())?;
    let ui = super::ui_language(&state, &g);
    let viewer = g.viewer();
    let masked = !viewer.sees_personal_data();
    let mut filters = Filters::from_query(&q, viewer)?;
    let fields = state.fields.all();
    let columns = chosen_columns(ui, &q.col, &fields);
    if columns.iter().map(|(k, _)| k.as_str()).ne(DEFAULT_COLUMNS.iter().copied()) {
        filters.cols = columns.iter().map(|(k, _)| k.clone()).collect();
    }
    let back = q.back.as_deref() == Some("1");
    // A page read backwards is sealed for the opposite order.
    let cursor = nonempty(&q.cursor).and_then(|c| {
        if back {
            crate::search::open_cursor(state.store.keyring(), filters.sort, !filters.descending, &c)
        } else {
            open_cursor(&state, &filters, &c)
        }
    });
    let asked_page = nonempty(&q.page).and_then(|p| p.parse::<usize>().ok()).filter(|p| *p >= 1);
    let pos = Position {
        // A cursor without a number is at least the second page.
        page: asked_page.unwrap_or(if cursor.is_some() { 2 } else { 1 }),
        back: back && (cursor.is_some() || asked_page.is_some()),
        cursor,
    };
    let mut query = filters.query(None)?;
    if pos.back {
        query.descending = !query.descending;
    }
    query.cursor = pos.cursor.clone();
    let st = state.clone();
    let last_page_wanted = pos.back && pos.cursor.is_none();
    let (result, rows, lists, purposes) = blocking(move || -> Result<_, ApiError> {
        settle(&st);
        // The segments, read once: their names, the filter's choices, and whether the one
        // filtered by may be listed.
        let all = st.segments.segments().all()?;
        let segment_names: BTreeMap<String, String> = all.iter().map(|s| (s.id.to_string(), s.name.clone())).collect();
        // Only a built segment's members are listed: until then the index holds a part of them,
        // which would read as the whole; an unknown id lists nobody, and the page says why.
        let segment_note =
            query.segments.iter().find_map(|id| match Listing::of(all.iter().find(|s| s.id == *id).cloned()) {
                Listing::Ready(_) => None,
                Listing::Unknown => Some(ui.text("c-segment-unknown", None)),
                Listing::NotBuilt(s) => Some(say(ui, "c-segment-not-built", [("segment", s.name.into())])),
            });
        let mut segments: Vec<Value> = Vec::new();
        for s in all {
            let label = if s.build.is_ready() {
                let size = figure(ui, st.segments.segments().size(&s.id)?);
                say(ui, "c-segment-choice", [("segment", s.name.as_str().into()), ("size", size.into())])
            } else {
                say(ui, "c-segment-choice-building", [("segment", s.name.as_str().into())])
            };
            segments.push(context! { id => s.id.to_string(), label => label });
        }
        let mut result = if segment_note.is_some() {
            crate::search::SearchPage::default()
        } else if last_page_wanted {
            // The last page: the end of the order read backwards, as many rows as are left
            // after the full pages.
            let total = st.search.index.count(&query).map_err(ApiError::internal)?;
            query.limit = match total % PAGE {
                0 => PAGE,
                n => n,
            };
            ops::search_pinned(&st, &query, false)?
        } else {
            ops::search_pinned(&st, &query, !pos.back && query.cursor.is_none())?
        };
        if pos.back {
            result.ids.reverse();
        }
        let names = list_names(&st)?;
        let mut rows = Vec::with_capacity(result.ids.len());
        for id in &result.ids {
            // The index may briefly trail an erasure; a missing record is skipped.
            if let Some(c) = st.contacts.get(id)? {
                rows.push(row(ui, &viewer.contact(c), &names));
            }
        }
        let lists: Vec<Value> = names.iter().map(|(slug, name)| context! { slug => slug, name => name }).collect();
        let mut purposes: Vec<Value> = Vec::new();
        for p in st.purposes.all()? {
            purposes.push(context! { key => p.key, name => st.purposes.name_in(&p, &ui.code)? });
        }
        let searches: Vec<Value> = st
            .saved_searches
            .all()?
            .iter()
            .map(|s| {
                let url = format!("/contacts?{}", serde_urlencoded::to_string(s.filters.pairs()).unwrap_or_default());
                let describe = describe_filters(ui, &s.filters, &segment_names);
                context! { id => s.id.to_string(), name => s.name, describe => describe, url => url }
            })
            .collect();
        let segments = (segments, segment_note, segment_names);
        Ok((result, rows, lists, (purposes, searches, segments)))
    })
    .await?;
    let (purposes, searches, (segments, segment_note, segment_names)) = purposes;
    let pages = result.total.div_ceil(PAGE).max(1);
    let page_no = if last_page_wanted { pages } else { pos.page.min(pages) };
    let base = [("sort", filters.sort.as_str().to_string()), ("dir", filters.dir().to_string())];
    let link = |extra: &[(&'static str, String)]| {
        let mut pairs = base.to_vec();
        pairs.extend_from_slice(extra);
        filters.url("/contacts", &pairs)
    };
    let seal_back =
        |raw: &str| crate::search::seal_cursor(state.store.keyring(), filters.sort, !filters.descending, raw);
    // The rows as shown, first to last, in the forward order; read backwards, the search's
    // first row is the one shown last.
    let (shown_first, shown_last) = if pos.back {
        (result.last.clone(), result.first.clone())
    } else {
        (result.first.clone(), result.last.clone())
    };
    let first_url = (page_no > 1).then(|| link(&[]));
    let prev_url = match (page_no, &shown_first) {
        (1, _) | (_, None) => None,
        (2, _) => first_url.clone(),
        (n, Some(raw)) => {
            Some(link(&[("back", "1".into()), ("cursor", seal_back(raw)), ("page", (n - 1).to_string())]))
        }
    };
    let next_url = match &shown_last {
        Some(raw) if page_no < pages => {
            Some(link(&[("cursor", seal_cursor(&state, &filters, raw)), ("page", (page_no + 1).to_string())]))
        }
        _ => None,
    };
    let last_url = (page_no < pages).then(|| link(&[("back", "1".into()), ("page", pages.to_string())]));
    let column_choices: Vec<Value> = all_columns(ui, &fields)
        .into_iter()
        .map(|(key, label)| {
            let on = columns.iter().any(|(k, _)| *k == key);
            context! { key => key, label => label, on => on }
        })
        .collect();
    let can_bulk = g.can(Permission::EditContacts) || g.can(Permission::ViewPersonalData);
    let ctx = context! {
        // The partial (live search) is rendered without the frame, which sets the language.
        ui_lang => ui.code,
        rows => rows, total => result.total, total_text => figure(ui, result.total as u64),
        page_no => page_no, pages => pages, pages_text => figure(ui, pages as u64), page_text => figure(ui, page_no as u64),
        next_url => next_url, prev_url => prev_url, first_url => first_url, last_url => last_url,
        filtered => filters.any(), masked => masked, segment_note => segment_note,
        columns => columns.iter().map(|(k, l)| context! { key => k, label => l }).collect::<Vec<_>>(),
        sort => context! {
            email => filters.sort_link(SortBy::Email), name => filters.sort_link(SortBy::Name),
            created => filters.sort_link(SortBy::Created), updated => filters.sort_link(SortBy::Updated),
            current => filters.sort.as_str(), dir => filters.dir(),
        },
        export_url => filters.url("/api/v1/contacts/export?format=csv", &[]),
        can => context! { edit_contacts => g.can(Permission::EditContacts) },
        // Not under `can`: the full page's `can` (every permission) replaces this one.
        can_bulk => can_bulk,
        csrf => g.csrf(), lists => lists,
        // The filters as hidden fields of the bulk form: "all matching" is resolved from them.
        filter_pairs => filters.pairs().into_iter().filter(|(k, _)| *k != "col")
            .map(|(k, v)| context! { name => k, value => v }).collect::<Vec<_>>(),
        more_than_a_page => result.total > PAGE,
        bulk_actions => BULK_ACTIONS.iter().filter(|(k, _)| {
            if *k == "export" { g.can(Permission::ViewPersonalData) } else { g.can(Permission::EditContacts) }
        }).map(|(k, l)| context! { value => k, label => ui.text(l, None) }).collect::<Vec<_>>(),
    };
    if q.partial.as_deref() == Some("1") {
        return super::html(crate::http::templates::templates().render("contacts_results.html", ctx)?);
    }
    page(
        &state,
        &g,
        "contacts.html",
        "contacts",
        context! {
            notice => notice(q.ok.as_deref()), statuses => status_choices(ui), purposes => purposes,
            engagements => saved::ENGAGEMENT.iter()
                .map(|(k, _)| context! { value => k, label => engagement_label(ui, k) }).collect::<Vec<_>>(),
            saved_searches => searches,
            can_save => !filters.selection().is_empty() && g.can(Permission::EditContacts),
            selection => describe_filters(ui, &filters.selection(), &segment_names),
            segments => segments,
            column_choices => column_choices,
            f => context! {
                q => filters.q, status => filters.status, tag => filters.tag, list => filters.list,
                consent => filters.consent, engagement => filters.engagement, segment => filters.segment,
                sort => filters.sort.as_str(), dir => filters.dir(),
            },
            ..ctx
        },
    )
}

/// The bulk bar's actions, as (value, message of the label).
const BULK_ACTIONS: [(&str, &str); 6] = [
    ("add_tag", "c-bulk-add-tag"),
    ("remove_tag", "c-bulk-remove-tag"),
    ("add_to_list", "c-bulk-add-to-list"),
    ("remove_from_list", "c-bulk-remove-from-list"),
    ("export", "c-bulk-export"),
    ("delete", "c-bulk-delete"),
];

/// A bulk job's scope as it was recorded ("12 selected contacts", "all matching: search words,
/// tag vip": English, as the audit log has it too), in the staff member's language. The shapes
/// `bulk_action` and `Filters::describe` write are read back; another is shown as recorded.
fn scope_text(ui: &Language, recorded: &str, segments: &BTreeMap<String, String>) -> String {
    if let Some(filters) = recorded.strip_prefix("all matching: ") {
        let parts: Vec<String> = filters.split(", ").map(|part| described_part(ui, part, segments)).collect();
        return say(ui, "c-scope-matching", [("filters", parts.join(", ").into())]);
    }
    let n = recorded.strip_suffix(" selected contacts").or_else(|| recorded.strip_suffix(" selected contact"));
    match n.and_then(|n| n.parse::<u64>().ok()) {
        Some(n) => say(ui, "c-scope-selected", [("count", n.into())]),
        None => recorded.to_string(),
    }
}

/// One part of a recorded filter description (`Filters::describe`) in the staff member's
/// language, as [`describe_filters`] says it.
fn described_part(ui: &Language, part: &str, segments: &BTreeMap<String, String>) -> String {
    let consent = |c: &str| -> Option<String> {
        let granted = c.strip_suffix(" granted").map(|p| say(ui, "c-describe-granted", [("purpose", p.into())]));
        granted
            .or_else(|| c.strip_suffix(" withdrawn").map(|p| say(ui, "c-describe-withdrawn", [("purpose", p.into())])))
    };
    if part == "search words" {
        ui.text("c-describe-words", None)
    } else if part == "every contact" {
        ui.text("c-describe-every", None)
    } else if let Some(tag) = part.strip_prefix("tag ") {
        say(ui, "c-describe-tag", [("tag", tag.into())])
    } else if let Some(list) = part.strip_prefix("list ") {
        say(ui, "c-describe-list", [("list", list.into())])
    } else if let Some(id) = part.strip_prefix("in segment ").or_else(|| part.strip_prefix("segment ")) {
        // "segment <id>" as the API's bulk action records its query.
        let name = segments.get(id).map_or(id, String::as_str);
        say(ui, "c-describe-segment", [("segment", name.into())])
    } else if let Some(said) = part.strip_prefix("consent ").and_then(consent) {
        said
    } else if let Some((preset, _)) = saved::ENGAGEMENT.iter().find(|(_, label)| *label == part) {
        engagement_label(ui, preset)
    } else if let Ok(status) = part.parse::<Status>() {
        ui.text(status_word_key(status), None)
    } else {
        part.to_string()
    }
}

/// What a bulk job does, for its progress page. `BulkAction::describe` says it in English for
/// the audit log and the API.
fn bulk_action_text(ui: &Language, a: &bulk::BulkAction) -> String {
    match a {
        bulk::BulkAction::AddTag(t) => say(ui, "c-bulk-doing-add-tag", [("tag", t.as_str().into())]),
        bulk::BulkAction::RemoveTag(t) => say(ui, "c-bulk-doing-remove-tag", [("tag", t.as_str().into())]),
        bulk::BulkAction::AddToList(l) => say(ui, "c-bulk-doing-add-to-list", [("list", l.as_str().into())]),
        bulk::BulkAction::RemoveFromList(l) => say(ui, "c-bulk-doing-remove-from-list", [("list", l.as_str().into())]),
        bulk::BulkAction::Delete { suppress: true } => ui.text("c-bulk-doing-delete-suppress", None),
        bulk::BulkAction::Delete { suppress: false } => ui.text("c-bulk-doing-delete", None),
    }
}

// ---------------------------------------------------------------------------------------------
// Bulk actions

/// The list's filters as the bulk form carries them (hidden fields), for "all matching".
fn bulk_filters(pairs: &[(String, String)], viewer: Viewer) -> Result<Filters, ApiError> {
    let opt = |k: &str| Some(one(pairs, k).to_string()).filter(|v| !v.trim().is_empty());
    let q = ListQuery {
        q: opt("q"),
        status: opt("status"),
        tag: opt("tag"),
        list: opt("list"),
        consent: opt("consent"),
        engagement: opt("engagement"),
        segment: opt("segment"),
        sort: opt("sort"),
        dir: opt("dir"),
        ..Default::default()
    };
    Filters::from_query(&q, viewer)
}

/// The bulk page: a delete to confirm, an input to correct (422, values kept), or a job's
/// progress.
fn render_bulk(state: &AppState, g: &Principal, ctx: Value) -> Result<HttpResponse, ApiError> {
    page(state, g, "contacts_bulk.html", "contacts", ctx)
}

/// The bulk bar's form: ticked ids (`id`, at most a page of them from the list, never more
/// than [`bulk::MAX_IDS`]) or `all=1` with the list's filters, an `action` and its argument
/// (`apply_tag`, `apply_list`). A delete asks first (`confirm=yes` goes ahead); an export
/// answers with the CSV; the others start a job and show its progress.
pub async fn bulk_action(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<HttpResponse, ApiError> {
    let action = one(&pairs, "action").trim().to_string();
    let ui = super::ui_language(&state, &g);
    let needed = if action == "export" { Permission::ViewPersonalData } else { Permission::EditContacts };
    if !g.can(needed) {
        return Err(ApiError::forbidden());
    }
    let every = one(&pairs, "all") == "1";
    let filters = bulk_filters(&pairs, g.viewer())?;
    let raw_ids = all(&pairs, "id");
    let (tag, list) = (one(&pairs, "apply_tag").to_string(), one(&pairs, "apply_list").to_string());
    let suppress = !one(&pairs, "suppress").is_empty();
    let back = filters.url("/contacts", &[("sort", filters.sort.as_str().into()), ("dir", filters.dir().into())]);
    // What the form sent, to send again from the confirmation or the corrected form.
    let kept: Vec<Value> = pairs
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "csrf" | "confirm" | "action" | "apply_tag" | "apply_list" | "suppress"))
        .map(|(k, v)| context! { name => k, value => v })
        .collect();
    let st = state.clone();
    let lists: Vec<Value> = blocking(move || list_names(&st))
        .await?
        .into_iter()
        .map(|(slug, name)| context! { slug => slug, name => name })
        .collect();
    let refuse = |field: &str, message: String, count: usize| -> Result<HttpResponse, ApiError> {
        render_bulk(
            &state,
            &g,
            context! {
                errors => BTreeMap::from([(field.to_string(), message)]), kept => kept, back => back, count => count,
                v => context! { action => action, tag => tag, list => list }, lists => lists,
                actions => BULK_ACTIONS.iter().map(|(k, l)| context! { value => k, label => ui.text(l, None) }).collect::<Vec<_>>(),
            },
        )
        .map(unprocessable)
    };
    if raw_ids.len() > bulk::MAX_IDS {
        return refuse("id", say(ui, "c-bulk-too-many", [("max", figure(ui, bulk::MAX_IDS as u64).into())]), 0);
    }
    let mut ids = Vec::with_capacity(raw_ids.len());
    for raw in &raw_ids {
        match raw.parse::<ContactId>() {
            Ok(id) => ids.push(id),
            Err(_) => return refuse("id", ui.text("c-bulk-not-a-contact", None), 0),
        }
    }
    if !every && ids.is_empty() {
        return refuse("id", ui.text("c-bulk-none-ticked", None), 0);
    }
    // The scope is kept with the job and written to the audit log in English; the page that
    // asks before a delete says it in the staff member's language.
    let (selection, scope, scope_shown) = if every {
        let q = filters.query(None)?;
        // A segment not built (or gone) would act on a part of its members, or on nobody.
        let (st, named) = (state.clone(), q.clone());
        let segments = blocking(move || {
            crate::http::api::contacts::listable_segments(&st, &named)?;
            segment_names(&st)
        })
        .await?;
        let shown = say(ui, "c-scope-matching", [("filters", filters.describe_for(ui, &segments).into())]);
        (bulk::Selection::Matching(Box::new(q)), format!("all matching: {}", filters.describe()), shown)
    } else {
        let n = ids.len();
        let shown = say(ui, "c-scope-selected", [("count", n.into())]);
        (bulk::Selection::Ids(ids), format!("{n} selected contact{}", if n == 1 { "" } else { "s" }), shown)
    };
    let count = match &selection {
        bulk::Selection::Ids(ids) => ids.len(),
        bulk::Selection::Matching(q) => {
            let (st, q) = (state.clone(), (**q).clone());
            blocking(move || {
                settle(&st);
                st.search.index.count(&q).map_err(ApiError::internal)
            })
            .await?
        }
    };
    if action == "export" {
        return Ok(crate::http::api::contacts::stream_export(
            &state,
            g.by(),
            crate::contacts::export::Format::Csv,
            selection,
        ));
    }
    let st = state.clone();
    let (a, t, l) = (action.clone(), tag.clone(), list.clone());
    let parsed =
        blocking(move || -> Result<_, ApiError> { Ok(bulk::BulkAction::parse(&st, &a, &t, &l, suppress)) }).await?;
    let parsed = match parsed {
        Ok(a) => a,
        Err(OpError::Invalid { field, message }) => {
            let field = match field {
                "tag" => "apply_tag",
                "list" => "apply_list",
                other => other,
            };
            return refuse(field, message, count);
        }
        Err(e) => return Err(e.into()),
    };
    if matches!(parsed, bulk::BulkAction::Delete { .. }) && one(&pairs, "confirm") != "yes" {
        return render_bulk(
            &state,
            &g,
            context! {
                confirm_delete => true, count => count, count_text => figure(ui, count as u64), kept => kept,
                back => back, scope => scope_shown,
            },
        );
    }
    let (st, by) = (state.clone(), g.by());
    let job = blocking(move || -> Result<_, ApiError> {
        let job = bulk::start(st.clone().into_inner(), by, parsed, selection, &scope)?;
        Ok(bulk::wait(&st, &job.id, Duration::from_secs(2))?)
    })
    .await?;
    Ok(see_other(&format!("/contacts/bulk/{}", job.id)))
}

pub async fn bulk_status(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = uuid::Uuid::parse_str(&id).map_err(|_| ApiError::not_found("bulk action"))?;
    let st = state.clone();
    let (job, segments) = blocking(move || Ok::<_, ApiError>((bulk::get(&st, &id)?, segment_names(&st)?))).await?;
    let percent = (job.done * 100).checked_div(job.total).unwrap_or(100);
    let ui = super::ui_language(&state, &g);
    render_bulk(
        &state,
        &g,
        context! {
            job => context! {
                id => job.id.to_string(), describe => bulk_action_text(ui, &job.action),
                scope => scope_text(ui, &job.scope, &segments),
                status => job.status(), total => job.total, total_text => figure(ui, job.total),
                done => job.done, done_text => figure(ui, job.done), changed_text => figure(ui, job.changed),
                message => job.message, percent => percent,
            },
        },
    )
}

/// "Save these filters as …" on the contacts page.
#[derive(Deserialize)]
pub struct SaveSearchForm {
    #[serde(default)]
    name: String,
    #[serde(flatten)]
    filters: saved::Filters,
}

pub async fn save_search(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    CsrfForm(form): CsrfForm<SaveSearchForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let s = blocking(move || ops::save_search(&st, by, None, &form.name, form.filters).map_err(ApiError::from)).await?;
    let qs = serde_urlencoded::to_string(s.filters.pairs()).unwrap_or_default();
    Ok(see_other(&format!("/contacts?{qs}&ok=search_saved")))
}

pub async fn delete_search(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = uuid::Uuid::parse_str(&path).map_err(|_| ApiError::not_found("saved search"))?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || ops::delete_search(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(see_other("/contacts?ok=search_deleted"))
}

// ---------------------------------------------------------------------------------------------
// The detail page

/// The form shows what it saves: prefilled with masked values, it would write them back.
fn refuse_masked(g: &Principal) -> Result<(), ApiError> {
    if !g.viewer().sees_personal_data() {
        return Err(ApiError::new(
            crate::http::error::Code::Forbidden,
            "Editing a contact needs the right to see personal data.",
        ));
    }
    Ok(())
}

/// An old id of a merged contact answers with the survivor's address.
fn moved(requested: &ContactId, c: &Contact, suffix: &str) -> Option<HttpResponse> {
    (c.id != *requested).then(|| see_other(&format!("/contacts/{}{suffix}", c.id)))
}

fn field_label(ui: &Language, key: &str, fields: &[FieldDef]) -> String {
    Target::parse(key, fields).map(|t| target_label(ui, &t, fields)).unwrap_or_else(|| key.to_string())
}

/// A custom field's value as the page shows it: yes and no in the staff member's language.
fn value_text(ui: &Language, v: &crate::domain::FieldValue) -> String {
    match v {
        crate::domain::FieldValue::Bool(true) => ui.text("c-yes", None),
        crate::domain::FieldValue::Bool(false) => ui.text("c-no", None),
        other => other.display(),
    }
}

/// Through what a consent was given or withdrawn, for the ledger and the timeline (admins by
/// their user name). `Via::describe` says it in English for the API.
fn via_text(ui: &Language, via: &Via, users: &BTreeMap<String, String>) -> String {
    use crate::contacts::subject::{PREFERENCES_PAGE, UNSUBSCRIBE_PAGE};
    match via {
        Via::Form(id) => say(ui, "c-via-form", [("form", id.as_str().into())]),
        Via::Import(batch) => say(ui, "c-via-import", [("import", batch.as_str().into())]),
        Via::ApiToken(t) => say(ui, "c-via-token", [("token", t.to_string().into())]),
        Via::Admin(u) => {
            let user = users.get(&u.reference()).cloned().unwrap_or_else(|| u.to_string());
            say(ui, "c-via-admin", [("user", user.into())])
        }
        Via::Merge(c) => say(ui, "c-via-merge", [("contact", c.to_string().into())]),
        Via::Subject(page) if page.as_str() == UNSUBSCRIBE_PAGE => ui.text("c-via-unsubscribe-page", None),
        Via::Subject(page) if page.as_str() == PREFERENCES_PAGE => ui.text("c-via-preferences-page", None),
        Via::Subject(page) => say(ui, "c-via-subject", [("page", page.as_str().into())]),
    }
}

/// Why a message was not sent, or the relay's reply code.
fn note_text(ui: &Language, note: crate::sending::outbox::Note) -> String {
    use crate::sending::outbox::Note;
    let key = match note {
        Note::None => return String::new(),
        Note::Smtp(code) => return say(ui, "c-note-smtp", [("code", code.to_string().into())]),
        Note::Network => "c-note-network",
        Note::Erased => "c-note-erased",
        Note::NotSubscribed => "c-note-not-subscribed",
        Note::Suppressed => "c-note-suppressed",
        Note::NoConsent => "c-note-no-consent",
        Note::RenderFailed => "c-note-render-failed",
        Note::Error => "c-note-error",
        Note::Restricted => "c-note-restricted",
        Note::Excluded => "c-note-excluded",
    };
    ui.text(key, None)
}

fn slot_key(s: crate::sending::SlotState) -> &'static str {
    use crate::sending::SlotState;
    match s {
        SlotState::Queued => "c-slot-queued",
        SlotState::Retry => "c-slot-retry",
        SlotState::Sent => "c-slot-sent",
        SlotState::Failed => "c-slot-failed",
        SlotState::Skipped => "c-slot-skipped",
        SlotState::Waiting => "c-slot-waiting",
    }
}

/// A recorded text that a merge may have extended, `"{text} ({added})"` or `added` alone, with
/// `added` in the shape `{prefix}{contact id}{suffix}`: the text as `say_rest` says it, and the
/// addition in the staff member's language.
fn merge_addition(
    ui: &Language,
    text: &str,
    (prefix, suffix, key): (&str, &str, &str),
    say_rest: impl Fn(&str) -> String,
) -> Option<String> {
    let contact = |added: &str| {
        let id = added.strip_prefix(prefix)?.strip_suffix(suffix)?;
        id.parse::<ContactId>().ok().map(|_| say(ui, key, [("contact", id.into())]))
    };
    if let Some(said) = contact(text) {
        return Some(said);
    }
    let (before, added) = text.strip_suffix(')')?.rsplit_once(" (")?;
    Some(format!("{} ({})", say_rest(before), contact(added)?))
}

/// A ledger entry's note: as written, but for what a merge added to it ("merged from contact …").
fn ledger_note(ui: &Language, note: &str) -> String {
    merge_addition(ui, note, ("merged from contact ", "", "c-ledger-merged"), str::to_string)
        .unwrap_or_else(|| note.to_string())
}

/// The detail of a history line. The store keeps it as the English text the operation wrote;
/// the shapes those operations write are said in the staff member's language, anything else
/// (a reason given with a status change, an older shape) as recorded.
fn history_detail(ui: &Language, detail: &str) -> String {
    if detail == "by the person, in the preference centre" {
        return ui.text("c-history-by-person-preferences", None);
    }
    if let Some(job) = detail.strip_prefix("bulk action ") {
        return say(ui, "c-history-bulk", [("job", job.into())]);
    }
    if let Some(other) = detail.strip_prefix("contact ").and_then(|d| d.strip_suffix(" merged into this one")) {
        return say(ui, "c-history-merged", [("contact", other.into())]);
    }
    // A line copied from a merged contact says where it was.
    let copied = ("on contact ", " before the merge", "c-history-before-merge");
    merge_addition(ui, detail, copied, |before| history_detail(ui, before)).unwrap_or_else(|| detail.to_string())
}

/// A status change's line: `set_status` records "subscribed → bounced: why".
fn status_change(ui: &Language, detail: &str) -> String {
    let label = |s: &str| s.parse::<Status>().ok().map(|s| ui.text(status_key(s), None));
    let (change, why) = detail.split_once(": ").unwrap_or((detail, ""));
    match change.split_once(" → ").map(|(from, to)| (label(from), label(to))) {
        Some((Some(from), Some(to))) if why.trim().is_empty() => {
            say(ui, "c-tl-status", [("from", from.into()), ("to", to.into())])
        }
        Some((Some(from), Some(to))) => {
            say(ui, "c-tl-status-why", [("from", from.into()), ("to", to.into()), ("why", why.into())])
        }
        _ => say(ui, "c-tl-status-other", [("detail", detail.into())]),
    }
}

/// Everything the detail page shows, read in one go on the blocking pool. `before`: the page
/// of tracked events to show (see `timeline.rs`); the rest of the timeline is cut to the span
/// of time that page covers.
fn detail(
    state: &AppState,
    ui: &Language,
    c: Contact,
    viewer: Viewer,
    before: Option<EventId>,
) -> Result<Value, ApiError> {
    let fields = state.fields.all();
    let names = list_names(state)?;
    let users = usernames(state)?;
    let purposes = state.purposes.all()?;
    let ledger = state.contacts.ledger(&c.id)?;
    let history = state.contacts.history(&c.id)?;
    let consent = state.contacts.consent_state(&c.id)?;
    let c = viewer.contact(c);
    // Who did it: a user by name, the server and the command line in words, anything else
    // (a token, a form, an import) by its reference.
    let who = |reference: &str| match reference {
        "system" => ui.text("c-actor-system", None),
        "cli" => ui.text("c-actor-cli", None),
        "anonymous" => ui.text("c-actor-anonymous", None),
        _ => users.get(reference).cloned().unwrap_or_else(|| reference.to_string()),
    };
    // Each purpose by the name it has in the staff member's language.
    let mut purpose_names = BTreeMap::new();
    for p in &purposes {
        purpose_names.insert(p.key.clone(), state.purposes.name_in(p, &ui.code)?);
    }
    let purpose_name = |key: &str| purpose_names.get(key).cloned().unwrap_or_else(|| key.to_string());

    let custom: Vec<Value> = fields
        .iter()
        .map(|f| context! { label => f.label, value => c.custom.get(&f.key).map(|v| value_text(ui, v)) })
        .collect();
    let consents: Vec<Value> = purposes
        .iter()
        .map(|p| {
            let (st, at) = match consent.get(&p.key) {
                Some((s, at)) => (Some(s.as_str()), Some(*at)),
                None => (None, None),
            };
            context! {
                key => p.key, name => purpose_name(&p.key), basis => ui.text(super::schema::basis_key(p.basis), None),
                state => st, since => at,
            }
        })
        .collect();

    let mut timeline: Vec<(chrono::DateTime<chrono::Utc>, Value)> = Vec::new();
    let mut entries = Vec::with_capacity(ledger.len());
    for e in ledger.iter().rev().map(|e| viewer.consent(e)) {
        let wording = match &e.wording {
            Some((p, v)) => state.purposes.wording(p, *v)?.map(|w| {
                let language = w.language.as_deref().map(|c| crate::i18n::catalogue().get(c).name.clone());
                context! { version => w.version, text => w.text, language => language, code => w.language }
            }),
            None => None,
        };
        let via = via_text(ui, &e.via, &users);
        let consent_key = if e.granted { "c-tl-consent-granted" } else { "c-tl-consent-withdrawn" };
        timeline.push((
            e.at,
            context! {
                at => e.at, kind => if e.granted { "granted" } else { "withdrawn" },
                text => say(ui, consent_key, [("purpose", purpose_name(&e.purpose).into())]),
                actor => via,
            },
        ));
        entries.push(context! {
            at => e.at, purpose => purpose_name(&e.purpose), granted => e.granted, via => via, wording => wording,
            ip_masked => e.ip.is_masked(), ip => e.ip.shown().flatten().map(|ip| ip.to_string()),
            agent_masked => e.user_agent.is_masked(), agent => e.user_agent.shown().flatten(),
            note_masked => e.note.is_masked(), note => e.note.shown().map(|n| ledger_note(ui, &n)),
        });
    }
    for h in &history {
        let with_detail = |text: String| {
            if h.detail.is_empty() {
                text
            } else {
                format!("{text} ({})", history_detail(ui, &h.detail))
            }
        };
        let text = match h.kind.as_str() {
            "updated" => {
                let changed = h.fields.iter().map(|f| field_label(ui, f, &fields)).collect::<Vec<_>>().join(", ");
                with_detail(say(ui, "c-tl-changed", [("fields", changed.into())]))
            }
            "merged" => say(ui, "c-tl-merged", [("detail", history_detail(ui, &h.detail).into())]),
            "unmasked" => with_detail(ui.text("c-tl-unmasked", None)),
            "status" => status_change(ui, &h.detail),
            other => with_detail(other.to_string()),
        };
        timeline.push((h.at, context! { at => h.at, kind => h.kind, text => text, actor => who(&h.actor) }));
    }
    // Mail: campaigns (from the outbox) and transactional messages.
    for (campaign, slot) in crate::sending::ops::sends_of(state, &c.id)? {
        // Slots keep whole seconds: the end of that second sorts a send after what led to it in
        // the same second (the contact's creation, the consent it was sent on).
        let at = chrono::DateTime::from_timestamp(slot.at, 999_999_999).unwrap_or(campaign.created_at);
        let what = match slot.state {
            crate::sending::SlotState::Sent => "c-tl-campaign-sent",
            crate::sending::SlotState::Queued => "c-tl-campaign-queued",
            crate::sending::SlotState::Retry => "c-tl-campaign-retry",
            crate::sending::SlotState::Failed => "c-tl-campaign-failed",
            crate::sending::SlotState::Skipped => "c-tl-campaign-skipped",
            crate::sending::SlotState::Waiting => "c-tl-campaign-waiting",
        };
        let what = say(ui, what, [("campaign", campaign.name.as_str().into())]);
        let note = note_text(ui, slot.note);
        let text = if note.is_empty() { what } else { format!("{what} ({note})") };
        timeline
            .push((at, context! { at => at, kind => "mail", text => text, actor => ui.text("c-actor-sender", None) }));
    }
    for (m, slot) in state.sending.outbox.messages_of(&c.id)? {
        let slot_state = ui.text(slot.map(|s| slot_key(s.state)).unwrap_or("c-slot-queued"), None);
        // A journey's mail (`journey:<journey>:<version>:<step>`) says which journey and step.
        let journey = m.template.strip_prefix(crate::journeys::engine::PREFIX).and_then(|r| {
            let mut parts = r.trim_start_matches(':').splitn(3, ':');
            let id = parts.next()?.parse::<crate::domain::JourneyId>().ok()?;
            let step = parts.nth(1)?.to_string();
            let name = state.journeys.get(&id).ok().flatten().map_or_else(|| id.to_string(), |j| j.name);
            Some((name, step))
        });
        let (text, actor) = match journey {
            Some((name, step)) => (
                say(
                    ui,
                    "c-tl-journey-message",
                    [("journey", name.as_str().into()), ("step", step.into()), ("state", slot_state.into())],
                ),
                name,
            ),
            None => (
                say(ui, "c-tl-message", [("template", m.template.as_str().into()), ("state", slot_state.into())]),
                who(&m.by),
            ),
        };
        timeline.push((m.created_at, context! { at => m.created_at, kind => "mail", text => text, actor => actor }));
    }
    for b in crate::mail::bounce::for_contact(state, &c.id)? {
        let what = match b.kind {
            crate::mail::bounce::BounceKind::Hard => "c-tl-hard-bounce",
            crate::mail::bounce::BounceKind::Soft => "c-tl-soft-bounce",
            crate::mail::bounce::BounceKind::Complaint => "c-tl-complaint",
        };
        let mut text = format!("{} {}", ui.text(what, None), b.status).trim_end().to_string();
        if let Some(said) = viewer.server_reply(&b.diagnostic).shown().filter(|d| !d.is_empty()) {
            text = format!("{text} ({said})");
        }
        timeline.push((b.at, context! { at => b.at, kind => b.kind.as_str(), text => text, actor => b.source }));
    }
    timeline.push((
        c.created_at,
        context! {
            at => c.created_at, kind => "created",
            text => say(ui, "c-tl-created", [("source", ui.text(source_key(c.source), None).into())]),
            actor => who(&c.source_ref),
        },
    ));
    // Tracked events, a page at a time; the other lines only within the page's span of time.
    let events = super::timeline::page(state, ui, &c.id, before, viewer)?;
    timeline.retain(|(at, _)| events.floor.is_none_or(|f| *at >= f) && events.ceiling.is_none_or(|c| *at < c));
    timeline.extend(events.items);
    // Newest first; on equal times the later-recorded line first.
    timeline.reverse();
    timeline.sort_by_key(|t| std::cmp::Reverse(t.0));

    Ok(context! {
        contact => context! {
            id => c.id.to_string(), email => c.email.as_str(), name => c.name(), first_name => c.first_name,
            last_name => c.last_name, phone => c.phone.as_ref().map(|p| p.as_str().to_string()), locale => c.locale,
            time_zone => c.time_zone, status => c.status.as_str(), status_label => ui.text(status_key(c.status), None),
            source => ui.text(source_key(c.source), None), created_at => c.created_at, updated_at => c.updated_at,
            tags => c.tags.iter().map(|t| context! { name => t, url => format!("/contacts?tag={}", urlencode(t)) }).collect::<Vec<_>>(),
            lists => c.lists.iter().map(|l| context! {
                name => names.get(l).cloned().unwrap_or_else(|| l.clone()), url => format!("/contacts?list={}", urlencode(l)),
            }).collect::<Vec<_>>(),
            merged => c.merged_ids.len(),
        },
        custom => custom, consents => consents, ledger => entries,
        timeline => timeline.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        timeline_older => events.older, timeline_paged => before.is_some(),
        purposes => purposes.iter().map(|p| context! { key => p.key, name => purpose_name(&p.key) }).collect::<Vec<_>>(),
        masked => !viewer.sees_personal_data(),
        restriction => state.gdpr.restrictions.get(&c.id)?.map(|r| Value::from_serialize(&r)),
        segments => super::segments::of_contact(state, ui, &c.id, viewer)?,
    })
}

const DAYS: [&str; 7] =
    ["jr-day-mon", "jr-day-tue", "jr-day-wed", "jr-day-thu", "jr-day-fri", "jr-day-sat", "jr-day-sun"];

/// What send-time optimisation makes of the contact, in the staff member's language ("Usually
/// active Tue–Thu 18–20 h (7 of 9 signals)"); None when the contact is gone.
fn send_time_words(state: &AppState, ui: &Language, id: &ContactId) -> Result<Option<String>, ApiError> {
    use crate::sendtime::Explained;
    let Some((c, consents, _)) = state.contacts.get_with_consents(id)? else { return Ok(None) };
    if state.gdpr.restrictions.is_restricted(id)? {
        return Ok(Some(ui.text("c-sendtime-restricted", None)));
    }
    let shop = state.settings.zone();
    let day = |d: usize| ui.text(DAYS[d % 7], None);
    let n = |v: usize| Arg::Number(v as f64);
    Ok(Some(match state.sendtime.explain(&c, &consents, shop)? {
        Explained::Objected => ui.text("c-sendtime-objected", None),
        Explained::Learned { habit, zone } => {
            let days = if habit.days.0 == habit.days.1 {
                day(habit.days.0)
            } else {
                format!("{}–{}", day(habit.days.0), day(habit.days.1))
            };
            say(
                ui,
                "c-sendtime-learned",
                [
                    ("days", days.into()),
                    ("from", n(habit.hours.0)),
                    ("to", n(habit.hours.1)),
                    ("within", n(habit.within as usize)),
                    ("total", n(habit.total as usize)),
                    ("zone", zone.name().into()),
                ],
            )
        }
        Explained::TooFew { signals, shop_peak: Some(b), zone } => say(
            ui,
            "c-sendtime-shop-peak",
            [
                ("signals", n(signals as usize)),
                ("day", day(b / 24).into()),
                ("hour", n(b % 24)),
                ("zone", zone.name().into()),
            ],
        ),
        Explained::TooFew { signals, shop_peak: None, .. } => {
            say(ui, "c-sendtime-no-data", [("signals", n(signals as usize))])
        }
    }))
}

async fn render_detail(
    state: &web::Data<AppState>,
    g: &Principal,
    c: Contact,
    viewer: Viewer,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    render_detail_page(state, g, c, viewer, None, extra).await
}

async fn render_detail_page(
    state: &web::Data<AppState>,
    g: &Principal,
    c: Contact,
    viewer: Viewer,
    before: Option<EventId>,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    let (st, ui, by) = (state.clone(), super::ui_language(state, g), g.by());
    let ctx = blocking(move || -> Result<Value, ApiError> {
        let id = c.id;
        let shown = detail(&st, ui, c, viewer, before)?;
        let scores = super::scoring::breakdown_context(&st, by, viewer, ui, &id)?;
        let journeys = super::journeys::of_contact(&st, ui, by, &id)?;
        let send_time = send_time_words(&st, ui, &id)?;
        Ok(context! { scores => scores, journeys => journeys, send_time => send_time, ..shown })
    })
    .await?;
    page(state, g, "contact.html", "contacts", context! { ..extra, ..ctx })
}

async fn load(state: &web::Data<AppState>, id: ContactId) -> Result<Contact, ApiError> {
    let st = state.clone();
    blocking(move || ops::get(&st, &id).map_err(ApiError::from)).await
}

#[derive(Deserialize)]
pub struct DetailQuery {
    ok: Option<String>,
    /// The timeline's page: tracked events older than this event id.
    before: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    id: web::Path<String>,
    q: web::Query<DetailQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let before = super::timeline::parse_cursor(q.before.as_deref())?;
    let c = load(&state, id).await?;
    if let Some(r) = moved(&id, &c, "") {
        return Ok(r);
    }
    render_detail_page(&state, &g, c, g.viewer(), before, context! { notice => notice(q.ok.as_deref()) }).await
}

#[derive(Deserialize)]
pub struct UnmaskForm {
    #[serde(default)]
    reason: String,
}

/// Shows this one page unmasked; the operation records who asked and why.
pub async fn unmask(
    state: web::Data<AppState>,
    g: Guard<perm::UnmaskPersonalData>,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<UnmaskForm>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let (st, b, reason) = (state.clone(), g.by(), form.reason.clone());
    let result = blocking(move || -> Result<_, ApiError> { Ok(ops::unmask(&st, b, &id, &reason)) }).await?;
    match result {
        Ok(c) => render_detail(&state, &g, c, Viewer::unmasked(), context! { unmasked => true }).await,
        Err(OpError::Invalid { field, message }) => {
            let c = load(&state, id).await?;
            render_detail(
                &state,
                &g,
                c,
                g.viewer(),
                context! { errors => BTreeMap::from([(field, message)]), reason => form.reason },
            )
            .await
            .map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ConsentForm {
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    note: String,
}

pub async fn record_consent(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<ConsentForm>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let granted = match form.state.as_str() {
        "granted" => Ok(true),
        "withdrawn" => Ok(false),
        _ => Err(OpError::Invalid {
            field: "state",
            message: super::ui_language(&state, &g).text("c-consent-choose-state", None),
        }),
    };
    let (st, b, purpose, note) = (state.clone(), g.by(), form.purpose.clone(), form.note.clone());
    let result = match granted {
        Err(e) => Err(e),
        // The admin's own network and browser say nothing about how the person consented:
        // none is recorded, the entry names the admin (`via`) and carries the note.
        Ok(granted) => {
            blocking(move || -> Result<_, ApiError> {
                let r = ops::record_consent(&st, b, &id, &purpose, granted, &note, None, None);
                if r.is_ok() {
                    settle(&st);
                }
                Ok(r)
            })
            .await?
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/contacts/{id}?ok=consent_recorded"))),
        Err(OpError::Invalid { field, message }) => {
            let c = load(&state, id).await?;
            let consent_form = context! { purpose => form.purpose, state => form.state, note => form.note };
            render_detail(
                &state,
                &g,
                c,
                g.viewer(),
                context! { errors => BTreeMap::from([(field, message)]), consent_form => consent_form },
            )
            .await
            .map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct DeleteForm {
    suppress: Option<String>,
}

pub async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let suppress = form.suppress.is_some_and(|v| !v.is_empty());
    let (st, b) = (state.clone(), g.by());
    blocking(move || ops::delete(&st, b, &id, suppress).map_err(ApiError::from)).await?;
    Ok(see_other(&format!("/contacts?ok={}", if suppress { "contact_deleted_suppressed" } else { "contact_deleted" })))
}

// ---------------------------------------------------------------------------------------------
// The form

/// What the form shows: the values as typed (kept after an error) and the field errors.
#[derive(Default)]
struct FormState {
    values: BTreeMap<String, String>,
    /// Multiple-choice fields and lists: the boxes that are ticked.
    picked: BTreeMap<String, Vec<String>>,
    errors: BTreeMap<String, String>,
}

const BUILT_IN_TEXT: [Target; 7] = [
    Target::Email,
    Target::FirstName,
    Target::LastName,
    Target::Phone,
    Target::Locale,
    Target::TimeZone,
    Target::Status,
];

impl FormState {
    fn of(c: &Contact, fields: &[FieldDef]) -> Self {
        let mut f = FormState::default();
        let mut set = |k: &str, v: String| {
            f.values.insert(k.to_string(), v);
        };
        set("email", c.email.as_str().into());
        set("first_name", c.first_name.clone());
        set("last_name", c.last_name.clone());
        set("phone", c.phone.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default());
        set("locale", c.locale.clone().unwrap_or_default());
        set("time_zone", c.time_zone.clone().unwrap_or_default());
        set("status", c.status.as_str().into());
        set("tags", c.tags.iter().cloned().collect::<Vec<_>>().join(", "));
        for def in fields {
            let key = format!("custom.{}", def.key);
            match (c.custom.get(&def.key), &def.kind) {
                (Some(crate::domain::FieldValue::Multi(items)), _) => {
                    f.picked.insert(key, items.clone());
                }
                (Some(v), _) => {
                    f.values.insert(key, v.display());
                }
                (None, _) => {}
            }
        }
        f.picked.insert("lists".into(), c.lists.iter().cloned().collect());
        f
    }

    /// Reads the posted form into a validated input, noting every field at fault (not just the
    /// first). `current` is the contact being edited: an unticked yes/no box clears nothing it
    /// did not hold.
    fn read(
        pairs: &[(String, String)],
        fields: &[FieldDef],
        region: Option<&str>,
        current: Option<&Contact>,
    ) -> (ContactInput, FormState) {
        let mut input = ContactInput::default();
        let mut f = FormState::default();
        let check = |f: &mut FormState, r: Result<(), crate::domain::FieldError>| {
            if let Err(e) = r {
                f.errors.entry(e.field).or_insert(e.message);
            }
        };
        for t in &BUILT_IN_TEXT {
            let raw = one(pairs, &t.key());
            f.values.insert(t.key(), raw.to_string());
            check(&mut f, ops::set_text(&mut input, t, raw, fields, region));
        }
        // The form shows the whole tag set and every list: what it sends replaces them.
        let tags = one(pairs, "tags");
        f.values.insert("tags".into(), tags.to_string());
        let mut scratch = ContactInput::default();
        check(&mut f, ops::set_text(&mut scratch, &Target::Tags, tags, fields, region));
        input.tags = Some(std::mem::take(&mut scratch.add_tags));
        let lists = all(pairs, "lists");
        f.picked.insert("lists".into(), lists.iter().map(|s| s.to_string()).collect());
        check(&mut f, ops::set_text(&mut scratch, &Target::Lists, &lists.join(","), fields, region));
        input.lists = Some(scratch.add_lists);

        for def in fields {
            let key = format!("custom.{}", def.key);
            let target = Target::Custom(def.key.clone());
            match def.kind {
                FieldKind::MultiChoice => {
                    let picked = all(pairs, &key);
                    f.picked.insert(key.clone(), picked.iter().map(|s| s.to_string()).collect());
                    // Options may contain commas: hand them over as a list, not as text.
                    let value = if picked.is_empty() { Ok(None) } else { def.parse_json(&serde_json::json!(picked)) };
                    match value {
                        Ok(v) => {
                            input.custom.insert(def.key.clone(), v);
                        }
                        Err(m) => {
                            f.errors.insert(key, m);
                        }
                    }
                }
                FieldKind::Boolean => {
                    let ticked = !one(pairs, &key).is_empty();
                    let held = current.is_some_and(|c| c.custom.contains_key(&def.key));
                    let raw = match (ticked, held) {
                        (true, _) => "true",
                        (false, true) => "false",
                        (false, false) => "",
                    };
                    f.values.insert(key, if ticked { "yes".into() } else { String::new() });
                    check(&mut f, ops::set_text(&mut input, &target, raw, fields, region));
                }
                _ => {
                    let raw = one(pairs, &key);
                    f.values.insert(key, raw.to_string());
                    check(&mut f, ops::set_text(&mut input, &target, raw, fields, region));
                }
            }
        }
        (input, f)
    }

    /// Files an operation's refusal under the field it names.
    fn refused(&mut self, e: OpError) -> Result<(), ApiError> {
        match e {
            OpError::Invalid { field: "custom", message } => {
                // Custom fields carry their key in the message: `custom.size: is not a number`.
                let (k, m) = message
                    .split_once(": ")
                    .map(|(k, m)| (k.to_string(), m.to_string()))
                    .unwrap_or(("form".into(), message));
                self.errors.insert(k, m);
            }
            OpError::Invalid { field, message } => {
                self.errors.insert(field.to_string(), message);
            }
            // The address is on the suppression list.
            OpError::Conflict(m) => {
                self.errors.insert("email".into(), m);
            }
            other => return Err(other.into()),
        }
        Ok(())
    }
}

fn form_fields(fields: &[FieldDef]) -> Vec<Value> {
    fields
        .iter()
        .map(|f| {
            context! {
                key => f.key, name => format!("custom.{}", f.key), label => f.label, kind => f.kind.as_str(),
                options => f.options, max_len => f.max_len,
            }
        })
        .collect()
}

async fn render_form(
    state: &web::Data<AppState>,
    g: &Principal,
    editing: Option<&Contact>,
    form: FormState,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let lists = blocking(move || list_names(&st)).await?;
    let mut choices: Vec<Value> = lists.iter().map(|(slug, name)| context! { slug => slug, name => name }).collect();
    // A membership in a list that has no record any more stays visible, so saving keeps it.
    if let Some(held) = form.picked.get("lists") {
        for slug in held.iter().filter(|s| !lists.contains_key(*s)) {
            choices.push(context! { slug => slug, name => slug });
        }
    }
    let fields = state.fields.all();
    let ui = super::ui_language(state, g);
    // The summary above the form links each message to its field.
    let summary: Vec<Value> = form
        .errors
        .iter()
        .map(|(key, message)| {
            let anchor = match key.strip_prefix("custom.") {
                Some(k) => format!("f-{k}"),
                None => key.clone(),
            };
            context! { href => format!("#{anchor}"), label => field_label(ui, key, &fields), message => message }
        })
        .collect();
    let has_errors = !form.errors.is_empty();
    let (title, action, cancel) = match editing {
        Some(c) => (
            say(ui, "c-form-edit-title", [("email", c.email.as_str().into())]),
            format!("/contacts/{}/edit", c.id),
            format!("/contacts/{}", c.id),
        ),
        None => (ui.text("contacts-add", None), "/contacts".to_string(), "/contacts".to_string()),
    };
    let res = page(
        state,
        g,
        "contact_form.html",
        "contacts",
        context! {
            title => title, action => action, cancel => cancel, editing => editing.is_some(),
            fields => form_fields(&fields), statuses => status_choices(ui), lists => choices,
            v => form.values, picked => form.picked, errors => form.errors, summary => summary,
            phone_region => region(state),
        },
    )?;
    Ok(if has_errors { unprocessable(res) } else { res })
}

pub async fn new_form(state: web::Data<AppState>, g: Guard<perm::EditContacts>) -> Result<HttpResponse, ApiError> {
    let mut form = FormState::default();
    form.values.insert("status".into(), Status::Subscribed.as_str().into());
    render_form(&state, &g, None, form).await
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<HttpResponse, ApiError> {
    let fields = state.fields.all();
    let (input, mut form) = FormState::read(&pairs, &fields, region(&state).as_deref(), None);
    if form.errors.is_empty() {
        let (st, b) = (state.clone(), g.by());
        let result = blocking(move || -> Result<_, ApiError> {
            let r = ops::create(&st, b, &input, Source::Admin);
            if r.is_ok() {
                settle(&st);
            }
            Ok(r)
        })
        .await?;
        match result {
            Ok(c) => return Ok(see_other(&format!("/contacts/{}?ok=contact_created", c.id))),
            Err(e) => form.refused(e)?,
        }
    }
    render_form(&state, &g, None, form).await
}

pub async fn edit_form(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    refuse_masked(&g)?;
    let id = parse_id(&id)?;
    let c = load(&state, id).await?;
    if let Some(r) = moved(&id, &c, "/edit") {
        return Ok(r);
    }
    let form = FormState::of(&c, &state.fields.all());
    render_form(&state, &g, Some(&c), form).await
}

pub async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<HttpResponse, ApiError> {
    refuse_masked(&g)?;
    let id = parse_id(&id)?;
    let current = load(&state, id).await?;
    let fields = state.fields.all();
    let (input, mut form) = FormState::read(&pairs, &fields, region(&state).as_deref(), Some(&current));
    if form.errors.is_empty() {
        let (st, b, cid) = (state.clone(), g.by(), current.id);
        let result = blocking(move || -> Result<_, ApiError> {
            let r = ops::update(&st, b, &cid, &input);
            if r.is_ok() {
                settle(&st);
            }
            Ok(r)
        })
        .await?;
        match result {
            Ok((c, _)) => return Ok(see_other(&format!("/contacts/{}?ok=contact_saved", c.id))),
            Err(e) => form.refused(e)?,
        }
    }
    render_form(&state, &g, Some(&current), form).await
}

// ---------------------------------------------------------------------------------------------
// Merge

#[derive(Deserialize)]
pub struct MergeQuery {
    q: Option<String>,
    other: Option<String>,
}

/// The attributes a merge chooses between, as (key, label, value of each contact).
fn merge_rows(ui: &Language, s: &Contact, o: &Contact, fields: &[FieldDef]) -> Vec<Value> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let phone = |c: &Contact| c.phone.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default();
    let label = |t: Target| target_label(ui, &t, fields);
    let status = |c: &Contact| ui.text(status_key(c.status), None);
    let mut rows: Vec<(String, String, String, String)> = vec![
        ("email".into(), label(Target::Email), s.email.to_string(), o.email.to_string()),
        ("first_name".into(), label(Target::FirstName), s.first_name.clone(), o.first_name.clone()),
        ("last_name".into(), label(Target::LastName), s.last_name.clone(), o.last_name.clone()),
        ("phone".into(), label(Target::Phone), phone(s), phone(o)),
        ("locale".into(), label(Target::Locale), opt(&s.locale), opt(&o.locale)),
        ("time_zone".into(), label(Target::TimeZone), opt(&s.time_zone), opt(&o.time_zone)),
        ("status".into(), label(Target::Status), status(s), status(o)),
    ];
    for def in fields {
        let a = s.custom.get(&def.key).map(|v| value_text(ui, v)).unwrap_or_default();
        let b = o.custom.get(&def.key).map(|v| value_text(ui, v)).unwrap_or_default();
        if !a.is_empty() || !b.is_empty() {
            rows.push((format!("custom.{}", def.key), def.label.clone(), a, b));
        }
    }
    rows.into_iter()
        .map(|(key, label, a, b)| {
            // Preselected as the merge itself would decide: the survivor's value unless it has none.
            let pick_other = a.is_empty() && !b.is_empty();
            context! { key => key, label => label, survivor => a, other => b, differ => a != b, pick_other => pick_other }
        })
        .collect()
}

pub async fn merge_form(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
    q: web::Query<MergeQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let viewer = g.viewer();
    let other_id = match nonempty(&q.other) {
        Some(o) => Some(parse_id(&o)?),
        None => None,
    };
    if let Some(text) = &q.q {
        crate::search::check_query_text(text).map_err(|m| ApiError::invalid("q", format!("The search {m}.")))?;
    }
    let text = nonempty(&q.q).filter(|_| viewer.may_search_text());
    let st = state.clone();
    let (survivor, other, candidates, fields, names) = blocking(move || -> Result<_, ApiError> {
        let survivor = ops::get(&st, &id)?;
        let other = match other_id {
            Some(o) => Some(ops::get(&st, &o)?),
            None => None,
        };
        let mut candidates = Vec::new();
        if let Some(text) = text {
            let query = ContactQuery { text, sort: SortBy::Email, limit: 20, ..Default::default() };
            let found = st.search.index.search(&query).map_err(ApiError::internal)?;
            for cid in found.ids.iter().filter(|c| **c != survivor.id) {
                if let Some(c) = st.contacts.get(cid)? {
                    candidates.push(c);
                }
            }
        }
        Ok((survivor, other, candidates, st.fields.all(), list_names(&st)?))
    })
    .await?;
    if let Some(r) = moved(&id, &survivor, "/merge") {
        return Ok(r);
    }
    let view = |c: &Contact| context! { id => c.id.to_string(), email => c.email.as_str(), name => c.name(), created_at => c.created_at };
    let survivor = viewer.contact(survivor);
    let other = other.map(|o| viewer.contact(o));
    let same = other.as_ref().is_some_and(|o| o.id == survivor.id);
    let rows = match &other {
        Some(o) if !same => merge_rows(super::ui_language(&state, &g), &survivor, o, &fields),
        _ => vec![],
    };
    page(
        &state,
        &g,
        "contact_merge.html",
        "contacts",
        context! {
            survivor => view(&survivor), other => other.as_ref().filter(|_| !same).map(view), same => same,
            rows => rows, q => nonempty(&q.q), searched => q.q.is_some(),
            candidates => candidates.into_iter().map(|c| view(&viewer.contact(c))).collect::<Vec<_>>(),
            united => context! {
                tags => other.as_ref().map(|o| survivor.tags.union(&o.tags).cloned().collect::<Vec<_>>()),
                lists => other.as_ref().map(|o| survivor.lists.union(&o.lists)
                    .map(|l| names.get(l).cloned().unwrap_or_else(|| l.clone())).collect::<Vec<_>>()),
            },
        },
    )
}

pub async fn merge(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
    CsrfForm(pairs): CsrfForm<Pairs>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let other = parse_id(one(&pairs, "other"))?;
    let picks: BTreeMap<String, Pick> = pairs
        .iter()
        .filter(|(k, _)| BUILT_IN_TEXT.iter().any(|t| t.key() == *k) || k.starts_with("custom."))
        .filter_map(|(k, v)| match v.as_str() {
            "survivor" => Some((k.clone(), Pick::Survivor)),
            "other" => Some((k.clone(), Pick::Other)),
            _ => None,
        })
        .collect();
    let (st, b) = (state.clone(), g.by());
    let merged = blocking(move || ops::merge(&st, b, &id, &other, &picks).map_err(ApiError::from)).await?;
    Ok(see_other(&format!("/contacts/{}?ok=contacts_merged", merged.id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bulk job keeps its scope in English (the audit log's words); its page reads it back
    /// into the staff member's language. Whatever `Filters::describe` writes must read back:
    /// in German as the page says it, in English unchanged.
    #[test]
    fn a_recorded_scope_reads_back_in_the_staff_member_s_language() {
        let catalogue = crate::i18n::admin_catalogue();
        let (en, de) = (catalogue.get("en"), catalogue.get("de"));
        let segment = crate::domain::SegmentId::new().to_string();
        let names = BTreeMap::from([(segment.clone(), "Stammkunden".to_string())]);
        let none = BTreeMap::new();
        let engagements = saved::ENGAGEMENT.iter().map(|(k, _)| Some(k.to_string())).chain([None]);
        for (engagement, segment) in engagements.flat_map(|e| [(e.clone(), None), (e, Some(segment.clone()))]) {
            let q = ListQuery {
                q: Some("anna".into()),
                status: Some("subscribed".into()),
                tag: Some("vip".into()),
                list: Some("kunden".into()),
                consent: Some("newsletter:withdrawn".into()),
                engagement,
                segment: segment.clone(),
                ..Default::default()
            };
            let f = Filters::from_query(&q, Viewer::unmasked()).unwrap();
            let recorded = format!("all matching: {}", f.describe());
            assert_eq!(scope_text(en, &recorded, &none), recorded);
            let german = scope_text(de, &recorded, &names);
            assert_eq!(german, say(de, "c-scope-matching", [("filters", f.describe_for(de, &names).into())]));
            assert!(german.starts_with("alle Treffer: Suchbegriffe, angemeldet, Tag vip, Liste kunden"), "{german}");
            assert_eq!(german.ends_with(", im Segment Stammkunden"), segment.is_some(), "{german}");
        }
        assert_eq!(scope_text(de, "1 selected contact", &none), "1 ausgewählter Kontakt");
        assert_eq!(scope_text(de, "12 selected contacts", &none), "12 ausgewählte Kontakte");
        assert_eq!(scope_text(en, "12 selected contacts", &none), "12 selected contacts");
        assert_eq!(scope_text(de, "something else", &none), "something else", "an unknown shape as recorded");
    }
}
