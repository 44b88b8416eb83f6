//! A segment's filter in words, in the staff member's language: the definition on the segment's
//! page, and on a contact's page each condition with what it saw ("Ordered at least 3 times in
//! the last 90 days — 3, last on 2 Dec 2026"). The builder's choices (fields, operators, event
//! kinds) come from here too, so the words and the builder never disagree.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use minijinja::{context, Value};

use crate::domain::segment::{Condition, ConsentIs, EventMatch, Filter, Observed, Op, Outcome, Scalar};
use crate::domain::{EventKind, FieldDef, FieldKind, SegmentId};
use crate::i18n::{args, Arg, Language};
use crate::reports::chart::escape;

/// The built-in fields the builder offers, in its order, with their catalogue keys.
pub const BUILTIN_FIELDS: &[(&str, &str)] = &[
    ("email", "seg-field-email"),
    ("first_name", "seg-field-first-name"),
    ("last_name", "seg-field-last-name"),
    ("phone", "seg-field-phone"),
    ("status", "seg-field-status"),
    ("source", "seg-field-source"),
    ("tags", "seg-field-tags"),
    ("lists", "seg-field-lists"),
    ("locale", "seg-field-locale"),
    ("time_zone", "seg-field-time-zone"),
    ("created_at", "seg-field-created-at"),
    ("updated_at", "seg-field-updated-at"),
    ("last_open", "seg-field-last-open"),
    ("last_click", "seg-field-last-click"),
    ("last_seen", "seg-field-last-seen"),
    ("opens", "seg-field-opens"),
    ("clicks", "seg-field-clicks"),
    ("page_views", "seg-field-page-views"),
    ("orders", "seg-field-orders"),
    ("revenue", "seg-field-revenue"),
];

/// Every operator the builder knows, with the key of its short label ("is at least") and of
/// its phrase with the value ("is at least 50").
pub const OPS: &[(&str, &str, &str)] = &[
    ("equals", "seg-op-equals", "seg-op-equals-label"),
    ("not_equals", "seg-op-not-equals", "seg-op-not-equals-label"),
    ("contains", "seg-op-contains", "seg-op-contains-label"),
    ("not_contains", "seg-op-not-contains", "seg-op-not-contains-label"),
    ("starts_with", "seg-op-starts-with", "seg-op-starts-with-label"),
    ("ends_with", "seg-op-ends-with", "seg-op-ends-with-label"),
    ("one_of", "seg-op-one-of", "seg-op-one-of-label"),
    ("empty", "seg-op-empty", "seg-op-empty-label"),
    ("not_empty", "seg-op-not-empty", "seg-op-not-empty-label"),
    ("gt", "seg-op-gt", "seg-op-gt-label"),
    ("gte", "seg-op-gte", "seg-op-gte-label"),
    ("lt", "seg-op-lt", "seg-op-lt-label"),
    ("lte", "seg-op-lte", "seg-op-lte-label"),
    ("between", "seg-op-between", "seg-op-between-label"),
    ("before", "seg-op-before", "seg-op-before-label"),
    ("after", "seg-op-after", "seg-op-after-label"),
    ("on", "seg-op-on", "seg-op-on-label"),
    ("within_last_days", "seg-op-within-last-days", "seg-op-within-last-days-label"),
    ("more_than_days_ago", "seg-op-more-than-days-ago", "seg-op-more-than-days-ago-label"),
    ("within_next_days", "seg-op-within-next-days", "seg-op-within-next-days-label"),
    ("anniversary_today", "seg-op-anniversary-today", "seg-op-anniversary-today-label"),
    ("is_true", "seg-op-is-true", "seg-op-is-true-label"),
    ("is_false", "seg-op-is-false", "seg-op-is-false-label"),
];

fn op_key(name: &str) -> &'static str {
    OPS.iter().find(|(n, _, _)| *n == name).map_or("seg-op-equals", |(_, k, _)| k)
}

/// What the words need besides the filter: the names of fields, purposes and segments.
pub struct Names<'a> {
    pub fields: &'a [FieldDef],
    pub purposes: HashMap<String, String>,
    pub segments: HashMap<SegmentId, String>,
}

impl<'a> Names<'a> {
    /// Only fields' names (a scoring rule names no purpose and no segment).
    pub fn of_fields(fields: &'a [FieldDef]) -> Self {
        Names { fields, purposes: HashMap::new(), segments: HashMap::new() }
    }

    pub(super) fn field(&self, ui: &Language, key: &str) -> String {
        if let Some((_, k)) = BUILTIN_FIELDS.iter().find(|(f, _)| *f == key) {
            return ui.text(k, None);
        }
        self.fields.iter().find(|d| d.key == key).map_or_else(|| key.to_string(), |d| d.label.clone())
    }
}

fn say(ui: &Language, key: &str, pairs: Vec<(&str, Arg)>) -> String {
    ui.text(key, Some(&args(pairs)))
}

pub(super) fn quoted(ui: &Language, s: &str) -> String {
    say(ui, "seg-quoted", vec![("value", Arg::from(s.to_string()))])
}

fn number(ui: &Language, n: f64) -> String {
    ui.number(n)
}

/// An operator with its value, after the field's name: "starts with “An”", "is within the last
/// 30 days".
pub fn op_words(ui: &Language, op: &Op, kind: FieldKind) -> String {
    let key = op_key(op.name());
    let value = |v: String| vec![("value", Arg::from(v))];
    let text = |s: &str| if kind == FieldKind::Number { s.to_string() } else { quoted(ui, s) };
    match op {
        Op::Equals(v) | Op::NotEquals(v) => say(ui, key, value(text(v))),
        Op::Contains(v) | Op::NotContains(v) | Op::StartsWith(v) | Op::EndsWith(v) => {
            say(ui, key, value(quoted(ui, v)))
        }
        Op::OneOf(vs) => say(ui, key, value(vs.iter().map(|v| quoted(ui, v)).collect::<Vec<_>>().join(", "))),
        Op::Gt(n) | Op::Gte(n) | Op::Lt(n) | Op::Lte(n) => say(ui, key, value(number(ui, *n))),
        Op::Between(a, b) => say(ui, key, vec![("from", Arg::from(number(ui, *a))), ("to", Arg::from(number(ui, *b)))]),
        Op::Before(d) | Op::After(d) | Op::On(d) => say(ui, key, value(ui.date(*d))),
        Op::DatesBetween(a, b) => say(ui, key, vec![("from", Arg::from(ui.date(*a))), ("to", Arg::from(ui.date(*b)))]),
        Op::WithinLastDays(n) | Op::MoreThanDaysAgo(n) | Op::WithinNextDays(n) => {
            say(ui, key, vec![("days", Arg::Number(f64::from(*n)))])
        }
        Op::Empty | Op::NotEmpty | Op::AnniversaryToday | Op::IsTrue | Op::IsFalse => ui.text(key, None),
    }
}

/// The events a behaviour condition counts: "a page view at an address containing “/shoes/”".
pub(super) fn event_words(ui: &Language, e: &EventMatch) -> String {
    let kind = match e.kind {
        Some(EventKind::Open) => "seg-event-open",
        Some(EventKind::Click) => "seg-event-click",
        Some(EventKind::PageView) => "seg-event-page-view",
        Some(EventKind::Custom) => "seg-event-custom",
        Some(EventKind::Order) => "seg-event-order",
        None => "seg-event-any",
    };
    let mut out = match &e.name {
        Some(n) => say(ui, "seg-event-named", vec![("name", Arg::from(n.clone()))]),
        None => ui.text(kind, None),
    };
    if let Some(u) = &e.url {
        out = format!("{out} {}", say(ui, "seg-event-url", vec![("url", Arg::from(quoted(ui, u)))]));
    }
    if let Some((k, v)) = &e.property {
        out = format!(
            "{out} {}",
            say(ui, "seg-event-property", vec![("name", Arg::from(k.clone())), ("value", Arg::from(quoted(ui, v)))])
        );
    }
    out
}

/// One condition in words.
pub fn condition_words(ui: &Language, names: &Names, c: &Condition) -> String {
    let within = |d: &Option<u32>| match d {
        Some(d) => format!(" {}", say(ui, "seg-within-days", vec![("days", Arg::Number(f64::from(*d)))])),
        None => String::new(),
    };
    match c {
        Condition::Field { field, kind, op } => format!("{} {}", names.field(ui, field), op_words(ui, op, *kind)),
        Condition::Consent { purpose, state } => {
            let name = names.purposes.get(purpose).cloned().unwrap_or_else(|| purpose.clone());
            let key = match state {
                ConsentIs::Granted => "seg-consent-granted",
                ConsentIs::Withdrawn => "seg-consent-withdrawn",
                ConsentIs::Never => "seg-consent-never",
            };
            say(ui, key, vec![("purpose", Arg::from(name))])
        }
        Condition::Restricted(true) => ui.text("seg-restricted", None),
        Condition::Restricted(false) => ui.text("seg-not-restricted", None),
        Condition::Performed { event, at_least, within_days } => {
            let s = say(
                ui,
                "seg-performed",
                vec![("event", Arg::from(event_words(ui, event))), ("count", Arg::Number(f64::from(*at_least)))],
            );
            format!("{s}{}", within(within_days))
        }
        Condition::NotPerformed { event, within_days } => say(
            ui,
            "seg-not-performed",
            vec![("event", Arg::from(event_words(ui, event))), ("days", Arg::Number(f64::from(*within_days)))],
        ),
        Condition::Orders { item, at_least, min_revenue_cents, within_days } => {
            let mut s = say(ui, "seg-orders", vec![("count", Arg::Number(f64::from(*at_least)))]);
            if let Some(i) = item {
                s = format!("{s} {}", say(ui, "seg-orders-item", vec![("sku", Arg::from(quoted(ui, i)))]));
            }
            if let Some(c) = min_revenue_cents {
                let money = crate::reports::chart::Unit::Money.format(*c as f64, ui);
                s = format!("{s} {}", say(ui, "seg-orders-revenue", vec![("amount", Arg::from(money))]));
            }
            format!("{s}{}", within(within_days))
        }
        Condition::Score { model, op } => say(
            ui,
            "seg-score",
            vec![("model", Arg::from(model.clone())), ("op", Arg::from(op_words(ui, op, FieldKind::Number)))],
        ),
        Condition::Segment { segment, member } => {
            let name = names.segments.get(segment).cloned().unwrap_or_else(|| segment.to_string());
            say(ui, if *member { "seg-in-segment" } else { "seg-not-in-segment" }, vec![("name", Arg::from(name))])
        }
    }
}

fn scalar_words(ui: &Language, v: &Scalar) -> String {
    match v {
        Scalar::Text(s) => s.clone(),
        Scalar::Number(n) => number(ui, *n),
        Scalar::Time(t) => ui.datetime(t),
        Scalar::Day(d) => ui.date(*d),
        Scalar::Bool(true) => ui.text("seg-yes", None),
        Scalar::Bool(false) => ui.text("seg-no", None),
        Scalar::Many(m) => m.join(", "),
    }
}

/// What a condition saw: "3, last on 2 Dec 2026", "Anna", "empty". `masked` hides the value
/// of a profile field from who may not see personal data.
pub fn observed_words(ui: &Language, o: &Observed, masked: bool) -> String {
    match o {
        Observed::Count { n, last: Some(last) } => say(
            ui,
            "seg-seen-count-last",
            vec![("count", Arg::Number(f64::from(*n))), ("last", Arg::from(ui.date(last.date_naive())))],
        ),
        Observed::Count { n, last: None } => say(ui, "seg-seen-count", vec![("count", Arg::Number(f64::from(*n)))]),
        Observed::Value(_) if masked => ui.text("seg-seen-masked", None),
        Observed::Value(None) => ui.text("seg-seen-empty", None),
        Observed::Value(Some(v)) => scalar_words(ui, v),
    }
}

fn group_key(f: &Filter) -> &'static str {
    match f {
        Filter::All(_) => "seg-group-all",
        Filter::Any(_) => "seg-group-any",
        _ => "seg-group-none",
    }
}

/// The filter as nested lists (escaped HTML), each condition a sentence; with `outcome`, each
/// condition also says whether it held for this contact and what it saw.
pub fn filter_html(ui: &Language, names: &Names, f: &Filter, outcome: Option<(&Outcome, bool)>) -> String {
    let mut out = String::new();
    let by_path: HashMap<&str, &crate::domain::segment::Why> =
        outcome.map(|(o, _)| o.why.iter().map(|w| (w.path.as_str(), w)).collect()).unwrap_or_default();
    let masked = outcome.is_some_and(|(_, m)| m);
    walk(ui, names, f, "filter", &by_path, masked, &mut out);
    out
}

fn walk(
    ui: &Language,
    names: &Names,
    f: &Filter,
    path: &str,
    why: &HashMap<&str, &crate::domain::segment::Why>,
    masked: bool,
    out: &mut String,
) {
    match f {
        Filter::Is(c) => {
            out.push_str(&escape(&condition_words(ui, names, c)));
            if let Some(w) = why.get(path) {
                let (class, mark, said) = if w.matched {
                    ("held", "✓", ui.text("seg-held", None))
                } else {
                    ("failed", "✗", ui.text("seg-not-held", None))
                };
                out.push_str(&format!(
                    " <span class=\"why {class}\"><span aria-hidden=\"true\">{mark}</span><span class=\"visually-hidden\">{}</span> {}</span>",
                    escape(&said),
                    escape(&observed_words(ui, &w.observed, masked && c.sees_profile()))
                ));
            }
        }
        Filter::All(children) | Filter::Any(children) | Filter::None(children) => {
            let name = match f {
                Filter::All(_) => "all",
                Filter::Any(_) => "any",
                _ => "none",
            };
            out.push_str(&escape(&ui.text(group_key(f), None)));
            out.push_str("<ul class=\"filter-words\">");
            for (i, child) in children.iter().enumerate() {
                out.push_str("<li>");
                walk(ui, names, child, &format!("{path}.{name}[{i}]"), why, masked, out);
                out.push_str("</li>");
            }
            if children.is_empty() {
                out.push_str(&format!("<li class=\"muted\">{}</li>", escape(&ui.text("seg-group-empty", None))));
            }
            out.push_str("</ul>");
        }
    }
}

/// What the builder offers, in the staff member's language: fields with their types and the
/// operators that fit, purposes, other segments, score models, event kinds and its own words.
pub fn builder_catalogue(ui: &Language, names: &Names, me: Option<&SegmentId>, models: &[String]) -> serde_json::Value {
    use serde_json::json;
    let kind_name = |k: FieldKind| match k {
        FieldKind::Text => "text",
        FieldKind::Number => "number",
        FieldKind::Date => "date",
        FieldKind::Boolean => "boolean",
        FieldKind::Choice => "choice",
        FieldKind::MultiChoice => "multi",
    };
    let mut fields: Vec<serde_json::Value> = BUILTIN_FIELDS
        .iter()
        .filter_map(|(key, label)| {
            let kind = crate::domain::segment::builtin_kind(key)?;
            let options: Vec<&str> = match *key {
                "status" => crate::domain::Status::ALL.iter().map(|s| s.as_str()).collect(),
                "source" => vec!["admin", "import", "form", "api"],
                _ => Vec::new(),
            };
            Some(json!({ "key": key, "label": ui.text(label, None), "kind": kind_name(kind), "options": options }))
        })
        .collect();
    fields.extend(names.fields.iter().map(
        |d| json!({ "key": d.key, "label": d.label, "kind": kind_name(d.kind), "options": d.options, "custom": true }),
    ));
    let ops: serde_json::Map<String, serde_json::Value> = [
        FieldKind::Text,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Boolean,
        FieldKind::Choice,
        FieldKind::MultiChoice,
    ]
    .into_iter()
    .map(|k| (kind_name(k).to_string(), json!(Op::names_for(k))))
    .collect();
    let op_labels: serde_json::Map<String, serde_json::Value> =
        OPS.iter().map(|(o, _, label)| (o.to_string(), json!(ui.text(label, None)))).collect();
    let mut purposes: Vec<(&String, &String)> = names.purposes.iter().collect();
    purposes.sort();
    let mut segments: Vec<(&SegmentId, &String)> = names.segments.iter().filter(|(id, _)| Some(*id) != me).collect();
    segments.sort_by_key(|s| s.1.to_lowercase());
    let t = |k: &str| ui.text(k, None);
    let words: serde_json::Map<String, serde_json::Value> =
        BUILDER_WORDS.iter().map(|(k, key)| (k.to_string(), json!(t(key)))).collect();
    let events: Vec<serde_json::Value> = [
        ("", "seg-event-any"),
        ("open", "seg-event-open"),
        ("click", "seg-event-click"),
        ("page_view", "seg-event-page-view"),
        ("custom", "seg-event-custom"),
        ("order", "seg-event-order"),
    ]
    .iter()
    .map(|(k, l)| json!({ "key": k, "label": t(l) }))
    .collect();
    json!({
        "fields": fields, "ops": ops, "op_labels": op_labels,
        "purposes": purposes.into_iter().map(|(k, n)| json!({ "key": k, "name": n })).collect::<Vec<_>>(),
        "segments": segments.into_iter().map(|(id, n)| json!({ "id": id.to_string(), "name": n })).collect::<Vec<_>>(),
        "models": models, "events": events, "words": words,
    })
}

/// The builder's own words: its name for each, and the catalogue key.
const BUILDER_WORDS: &[(&str, &str)] = &[
    ("all", "seg-b-all"),
    ("any", "seg-b-any"),
    ("none", "seg-b-none"),
    ("add-condition", "seg-b-add-condition"),
    ("add-group", "seg-b-add-group"),
    ("remove", "seg-b-remove"),
    ("what", "seg-b-what"),
    ("operator", "seg-b-operator"),
    ("value", "seg-b-value"),
    ("from", "seg-b-from"),
    ("to", "seg-b-to"),
    ("days", "seg-b-days"),
    ("at-least", "seg-b-at-least"),
    ("times", "seg-b-times"),
    ("within-days", "seg-b-within-days"),
    ("any-time", "seg-b-any-time"),
    ("event-kind", "seg-b-event-kind"),
    ("event-name", "seg-b-event-name"),
    ("event-url", "seg-b-event-url"),
    ("property-name", "seg-b-property-name"),
    ("property-value", "seg-b-property-value"),
    ("sku", "seg-b-sku"),
    ("min-revenue", "seg-b-min-revenue"),
    ("purpose", "seg-b-purpose"),
    ("consent-state", "seg-b-consent-state"),
    ("granted", "seg-b-granted"),
    ("withdrawn", "seg-b-withdrawn"),
    ("never", "seg-b-never"),
    ("yes", "seg-b-yes"),
    ("no", "seg-b-no"),
    ("segment", "seg-b-segment"),
    ("member", "seg-b-member"),
    ("not-member", "seg-b-not-member"),
    ("model", "seg-b-model"),
    ("kind-field", "seg-b-kind-field"),
    ("kind-behaviour", "seg-b-kind-behaviour"),
    ("kind-privacy", "seg-b-kind-privacy"),
    ("kind-other", "seg-b-kind-other"),
    ("performed", "seg-b-performed"),
    ("not-performed", "seg-b-not-performed"),
    ("orders", "seg-b-orders"),
    ("score", "seg-b-score"),
    ("restricted", "seg-b-restricted"),
    ("consent", "seg-b-consent"),
    ("one-of-hint", "seg-b-one-of-hint"),
    ("group", "seg-b-group"),
    ("empty-group", "seg-b-empty-group"),
];

/// When a time in a contact's membership will be looked at again, for the page.
pub fn next_change(ui: &Language, at: Option<DateTime<Utc>>) -> Option<Value> {
    at.map(|t| context! { at => t, text => say(ui, "seg-next-change", vec![("time", Arg::from(ui.datetime(&t)))]) })
}
