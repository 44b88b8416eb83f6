//! Segments: a named filter tree (all / any / none, nested) over what Tidings knows of a
//! contact, evaluated for one contact at a time. Pure: the caller brings the contact's facts
//! ([`Facts`]) and the time ([`Context`]); an evaluation says whether the contact matches, why
//! (each condition with the value it saw), and when the answer may change by the clock alone
//! ([`Outcome::next_flip`]: "inactive for 30 days" turns true 30 days after the last visit), so
//! that membership is kept by a timer instead of a scan.
//!
//! The same JSON in the API and the builder: `{"all": [cond, {"any": [...]}, {"none": [...]}]}`,
//! where a condition is one of
//! - `{"field": "first_name", "op": "starts_with", "value": "An"}`: built-in fields (see
//!   [`builtin_kind`]: profile, status, tags and lists, dates, engagement aggregates) and custom
//!   fields, with the operators that fit the field's type ([`Op`]);
//! - `{"consent": "newsletter", "state": "granted" | "withdrawn" | "never"}`;
//! - `{"restricted": true}`;
//! - `{"performed": {"kind": "custom", "name": "product_viewed", "url": "/shoes/", "property":
//!   ["category", "shoes"]}, "at_least": 2, "within_days": 30}`, and `"not_performed"` with
//!   `within_days` ("has not visited in 90 days");
//! - `{"orders": {"sku": "MUG-1"}, "at_least": 3, "within_days": 90, "min_revenue": 100}`;
//! - `{"score": "engagement", "op": "gte", "value": 50}`;
//! - `{"segment": "<id>", "member": true}` (cycles are refused).
//!
//! Parsing names the offending place: `filter.all[1].any[0].op: "contains" does not apply to a
//! number field`.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde_json::{json, Map, Value};

use super::{Activity, ConsentState, ConsentStates, Contact, Event, EventKind, FieldKind, FieldValue, SegmentId};

/// Groups nest at most this deep, and a filter holds at most this many conditions: a segment
/// is read on every change of every contact.
pub const MAX_DEPTH: usize = 6;
pub const MAX_CONDITIONS: usize = 100;
/// Texts in a condition (values, event names, URL parts) are at most this long.
pub const MAX_TEXT: usize = 200;
/// Windows are at most ten years.
pub const MAX_DAYS: u32 = 3_660;

#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    All(Vec<Filter>),
    Any(Vec<Filter>),
    None(Vec<Filter>),
    Is(Condition),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Field { field: String, kind: FieldKind, op: Op },
    Consent { purpose: String, state: ConsentIs },
    Restricted(bool),
    Performed { event: EventMatch, at_least: u32, within_days: Option<u32> },
    NotPerformed { event: EventMatch, within_days: u32 },
    Orders { item: Option<String>, at_least: u32, min_revenue_cents: Option<i64>, within_days: Option<u32> },
    Score { model: String, op: Op },
    Segment { segment: SegmentId, member: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentIs {
    Granted,
    Withdrawn,
    /// Never asked or never answered.
    Never,
}

/// Which events a behaviour condition counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventMatch {
    pub kind: Option<EventKind>,
    /// A custom event's name, exactly.
    pub name: Option<String>,
    /// Part of the page's or the clicked link's address.
    pub url: Option<String>,
    /// A property of the event (custom events, orders) and the value it must have.
    pub property: Option<(String, String)>,
}

/// A comparison, checked at parse time against the field's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Equals(String),
    NotEquals(String),
    Contains(String),
    NotContains(String),
    StartsWith(String),
    EndsWith(String),
    OneOf(Vec<String>),
    Empty,
    NotEmpty,
    Gt(f64),
    Gte(f64),
    Lt(f64),
    Lte(f64),
    Between(f64, f64),
    Before(NaiveDate),
    After(NaiveDate),
    On(NaiveDate),
    DatesBetween(NaiveDate, NaiveDate),
    WithinLastDays(u32),
    MoreThanDaysAgo(u32),
    WithinNextDays(u32),
    /// The date's month and day are today's (birthdays), in the contact's time zone.
    AnniversaryToday,
    IsTrue,
    IsFalse,
}

impl Op {
    pub fn name(&self) -> &'static str {
        match self {
            Op::Equals(_) => "equals",
            Op::NotEquals(_) => "not_equals",
            Op::Contains(_) => "contains",
            Op::NotContains(_) => "not_contains",
            Op::StartsWith(_) => "starts_with",
            Op::EndsWith(_) => "ends_with",
            Op::OneOf(_) => "one_of",
            Op::Empty => "empty",
            Op::NotEmpty => "not_empty",
            Op::Gt(_) => "gt",
            Op::Gte(_) => "gte",
            Op::Lt(_) => "lt",
            Op::Lte(_) => "lte",
            Op::Between(..) => "between",
            Op::Before(_) => "before",
            Op::After(_) => "after",
            Op::On(_) => "on",
            Op::DatesBetween(..) => "between",
            Op::WithinLastDays(_) => "within_last_days",
            Op::MoreThanDaysAgo(_) => "more_than_days_ago",
            Op::WithinNextDays(_) => "within_next_days",
            Op::AnniversaryToday => "anniversary_today",
            Op::IsTrue => "is_true",
            Op::IsFalse => "is_false",
        }
    }

    /// The operators that fit a field of `kind`, as the builder offers them.
    pub fn names_for(kind: FieldKind) -> &'static [&'static str] {
        match kind {
            FieldKind::Text => &[
                "equals",
                "not_equals",
                "contains",
                "not_contains",
                "starts_with",
                "ends_with",
                "one_of",
                "empty",
                "not_empty",
            ],
            FieldKind::Number => &["equals", "not_equals", "gt", "gte", "lt", "lte", "between", "empty", "not_empty"],
            FieldKind::Date => &[
                "before",
                "after",
                "on",
                "between",
                "within_last_days",
                "more_than_days_ago",
                "within_next_days",
                "anniversary_today",
                "empty",
                "not_empty",
            ],
            FieldKind::Boolean => &["is_true", "is_false", "empty", "not_empty"],
            FieldKind::Choice => &["equals", "not_equals", "one_of", "empty", "not_empty"],
            FieldKind::MultiChoice => &["contains", "not_contains", "empty", "not_empty"],
        }
    }
}

/// What a change must touch for a segment to be evaluated again for that contact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reads {
    pub profile: bool,
    pub consent: bool,
    pub restriction: bool,
    /// Engagement aggregates (last open, counts): changed by tracked events.
    pub activity: bool,
    /// The contact's stored events (behaviour and order conditions).
    pub events: bool,
    /// Which kinds of event those conditions count ([`event_bit`] of each; all bits: any kind),
    /// so that a recorded page view is not a reason to look again at a segment of orders.
    pub event_kinds: u8,
    pub scores: BTreeSet<String>,
    pub segments: BTreeSet<SegmentId>,
    /// Some condition changes with the clock alone: the evaluation gives the next moment.
    pub time: bool,
}

/// A kind of event as a bit of [`Reads::event_kinds`].
pub fn event_bit(kind: EventKind) -> u8 {
    match kind {
        EventKind::Open => 1,
        EventKind::Click => 2,
        EventKind::PageView => 4,
        EventKind::Custom => 8,
        EventKind::Order => 16,
    }
}

impl Reads {
    /// Whether an event of `kind` can change what these conditions see: through the aggregates
    /// (a person's own events only) or the events counted.
    pub fn touched_by(&self, kind: EventKind, human: bool) -> bool {
        (self.activity && human) || (self.events && self.event_kinds & event_bit(kind) != 0)
    }
}

/// The built-in fields and their types (custom fields come from the schema).
pub fn builtin_kind(field: &str) -> Option<FieldKind> {
    Some(match field {
        "email" | "first_name" | "last_name" | "phone" | "locale" | "time_zone" => FieldKind::Text,
        "status" | "source" => FieldKind::Choice,
        "tags" | "lists" => FieldKind::MultiChoice,
        "created_at" | "updated_at" | "last_open" | "last_click" | "last_seen" => FieldKind::Date,
        "opens" | "clicks" | "page_views" | "orders" | "revenue" => FieldKind::Number,
        _ => return None,
    })
}

/// Built-in fields that are engagement aggregates (changed by tracked events, not by edits).
pub fn is_activity(field: &str) -> bool {
    matches!(field, "last_open" | "last_click" | "last_seen" | "opens" | "clicks" | "page_views" | "orders" | "revenue")
}

/// A refusal with the place in the JSON it is about.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct FilterError {
    pub path: String,
    pub message: String,
}

fn refuse<T>(path: &str, message: impl Into<String>) -> Result<T, FilterError> {
    Err(FilterError { path: path.to_string(), message: message.into() })
}

/// What parsing needs to know: the custom fields' types, and whether a segment exists.
pub struct Schema<'a> {
    pub field: &'a dyn Fn(&str) -> Option<FieldKind>,
    pub segment_exists: &'a dyn Fn(&SegmentId) -> bool,
    /// Reading back what was checked when it was saved ([`Schema::STORED`]): a name that
    /// needed a kind of field (a journey's date field) is taken as it was checked then.
    pub stored: bool,
}

fn stored_field(_: &str) -> Option<FieldKind> {
    Some(FieldKind::Text)
}

fn stored_segment(_: &SegmentId) -> bool {
    true
}

impl Schema<'static> {
    /// For reading back what was checked when it was saved (a segment's filter, a journey's
    /// published version): a custom field deleted since compares as text, and a segment
    /// deleted since holds nobody.
    pub const STORED: Schema<'static> = Schema { field: &stored_field, segment_exists: &stored_segment, stored: true };
}

impl Filter {
    /// Reads a filter from its JSON, checking every name, operator and value; errors name the
    /// place (`filter.all[2].op`).
    pub fn parse(v: &Value, schema: &Schema) -> Result<Filter, FilterError> {
        let mut count = 0;
        let f = parse_node(v, "filter", 1, &mut count, schema)?;
        if !matches!(f, Filter::All(_) | Filter::Any(_) | Filter::None(_)) {
            return Ok(Filter::All(vec![f]));
        }
        Ok(f)
    }

    pub fn to_json(&self) -> Value {
        match self {
            Filter::All(c) => json!({ "all": c.iter().map(Filter::to_json).collect::<Vec<_>>() }),
            Filter::Any(c) => json!({ "any": c.iter().map(Filter::to_json).collect::<Vec<_>>() }),
            Filter::None(c) => json!({ "none": c.iter().map(Filter::to_json).collect::<Vec<_>>() }),
            Filter::Is(c) => c.to_json(),
        }
    }

    /// What changes this filter depends on.
    pub fn reads(&self) -> Reads {
        let mut r = Reads::default();
        self.visit(&mut |c| c.add_reads(&mut r));
        r
    }

    /// The segments this filter names.
    pub fn segments(&self) -> BTreeSet<SegmentId> {
        self.reads().segments
    }

    fn visit(&self, f: &mut dyn FnMut(&Condition)) {
        match self {
            Filter::All(c) | Filter::Any(c) | Filter::None(c) => c.iter().for_each(|x| x.visit(f)),
            Filter::Is(c) => f(c),
        }
    }

    /// Whether the contact matches, why, and when that may change by the clock alone.
    pub fn evaluate(&self, facts: &Facts, ctx: &Context) -> Outcome {
        let mut why = Vec::new();
        let (matched, next_flip) = self.eval(facts, ctx, "filter", &mut why);
        Outcome { matched, why, next_flip }
    }

    fn eval(&self, facts: &Facts, ctx: &Context, path: &str, why: &mut Vec<Why>) -> (bool, Option<DateTime<Utc>>) {
        let (children, name) = match self {
            Filter::Is(c) => {
                let (matched, observed, flip) = c.eval(facts, ctx);
                why.push(Why { path: path.to_string(), condition: c.clone(), matched, observed });
                return (matched, flip);
            }
            Filter::All(c) => (c, "all"),
            Filter::Any(c) => (c, "any"),
            Filter::None(c) => (c, "none"),
        };
        let mut flip: Option<DateTime<Utc>> = None;
        let mut hits = 0;
        for (i, child) in children.iter().enumerate() {
            let (m, f) = child.eval(facts, ctx, &format!("{path}.{name}[{i}]"), why);
            hits += usize::from(m);
            flip = earliest(flip, f);
        }
        let matched = match self {
            Filter::All(_) => hits == children.len(),
            Filter::Any(_) => hits > 0,
            _ => hits == 0,
        };
        (matched, flip)
    }

    /// Refuses a filter whose segment conditions lead back to `me` (directly or through other
    /// segments). `filter_of` gives another segment's filter.
    pub fn check_cycles(
        &self,
        me: &SegmentId,
        filter_of: &dyn Fn(&SegmentId) -> Option<Filter>,
    ) -> Result<(), FilterError> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<(SegmentId, String)> = self.segments().into_iter().map(|s| (s, s.to_string())).collect();
        while let Some((s, via)) = todo.pop() {
            if s == *me {
                return refuse("filter", format!("a segment cannot contain itself (through {via})"));
            }
            if !seen.insert(s) {
                continue;
            }
            if let Some(f) = filter_of(&s) {
                todo.extend(f.segments().into_iter().map(|n| (n, format!("{via} → {n}"))));
            }
        }
        Ok(())
    }
}

fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn parse_node(v: &Value, path: &str, depth: usize, count: &mut usize, schema: &Schema) -> Result<Filter, FilterError> {
    let Some(obj) = v.as_object() else { return refuse(path, "expected an object: a group or a condition") };
    for (key, make) in [("all", Filter::All as fn(_) -> _), ("any", Filter::Any), ("none", Filter::None)] {
        if let Some(children) = obj.get(key) {
            if obj.len() > 1 {
                return refuse(path, format!("a group has only its \"{key}\" list"));
            }
            if depth > MAX_DEPTH {
                return refuse(path, format!("groups nest at most {MAX_DEPTH} deep"));
            }
            let Some(list) = children.as_array() else { return refuse(&format!("{path}.{key}"), "expected a list") };
            let mut out = Vec::with_capacity(list.len());
            for (i, c) in list.iter().enumerate() {
                out.push(parse_node(c, &format!("{path}.{key}[{i}]"), depth + 1, count, schema)?);
            }
            return Ok(make(out));
        }
    }
    *count += 1;
    if *count > MAX_CONDITIONS {
        return refuse(path, format!("a segment has at most {MAX_CONDITIONS} conditions"));
    }
    Ok(Filter::Is(parse_condition(obj, path, schema)?))
}

fn text(v: Option<&Value>, path: &str) -> Result<String, FilterError> {
    match v {
        Some(Value::String(s)) => {
            let s = s.trim();
            if s.chars().count() > MAX_TEXT {
                return refuse(path, format!("at most {MAX_TEXT} characters"));
            }
            Ok(s.to_string())
        }
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::Bool(b)) => Ok(b.to_string()),
        _ => refuse(path, "expected a text"),
    }
}

fn nonempty(v: Option<&Value>, path: &str) -> Result<String, FilterError> {
    let s = text(v, path)?;
    if s.is_empty() {
        return refuse(path, "must not be empty");
    }
    Ok(s)
}

fn number(v: Option<&Value>, path: &str) -> Result<f64, FilterError> {
    match v {
        Some(Value::Number(n)) => {
            n.as_f64().filter(|f| f.is_finite()).map_or_else(|| refuse(path, "expected a number"), Ok)
        }
        Some(Value::String(s)) => s
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map_or_else(|| refuse(path, format!("\"{}\" is not a number", truncate(s))), Ok),
        _ => refuse(path, "expected a number"),
    }
}

fn days(v: Option<&Value>, path: &str) -> Result<u32, FilterError> {
    let n = number(v, path)?;
    if n.fract() != 0.0 || n < 1.0 || n > f64::from(MAX_DAYS) {
        return refuse(path, format!("a whole number of days from 1 to {MAX_DAYS}"));
    }
    Ok(n as u32)
}

fn count_of(v: Option<&Value>, path: &str) -> Result<u32, FilterError> {
    match v {
        None => Ok(1),
        Some(v) => {
            let n = number(Some(v), path)?;
            if n.fract() != 0.0 || !(1.0..=1_000_000.0).contains(&n) {
                return refuse(path, "a whole number from 1");
            }
            Ok(n as u32)
        }
    }
}

fn date(v: Option<&Value>, path: &str) -> Result<NaiveDate, FilterError> {
    let s = text(v, path)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .map_or_else(|_| refuse(path, format!("\"{}\" is not a date like 2026-12-01", truncate(&s))), Ok)
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

pub fn parse_op(obj: &Map<String, Value>, kind: FieldKind, path: &str) -> Result<Op, FilterError> {
    let name = text(obj.get("op"), &format!("{path}.op"))?;
    let vpath = format!("{path}.value");
    let value = obj.get("value");
    if !Op::names_for(kind).contains(&name.as_str()) {
        return refuse(
            &format!("{path}.op"),
            format!(
                "\"{}\" does not apply to a {} field (one of: {})",
                truncate(&name),
                kind_name(kind),
                Op::names_for(kind).join(", ")
            ),
        );
    }
    Ok(match (kind, name.as_str()) {
        (_, "empty") => Op::Empty,
        (_, "not_empty") => Op::NotEmpty,
        (_, "is_true") => Op::IsTrue,
        (_, "is_false") => Op::IsFalse,
        (FieldKind::Number, "equals") => Op::Equals(number(value, &vpath)?.to_string()),
        (FieldKind::Number, "not_equals") => Op::NotEquals(number(value, &vpath)?.to_string()),
        (_, "equals") => Op::Equals(nonempty(value, &vpath)?),
        (_, "not_equals") => Op::NotEquals(nonempty(value, &vpath)?),
        (_, "contains") => Op::Contains(nonempty(value, &vpath)?),
        (_, "not_contains") => Op::NotContains(nonempty(value, &vpath)?),
        (_, "starts_with") => Op::StartsWith(nonempty(value, &vpath)?),
        (_, "ends_with") => Op::EndsWith(nonempty(value, &vpath)?),
        (_, "one_of") => {
            let Some(list) = value.and_then(Value::as_array) else {
                return refuse(&vpath, "expected a list of values");
            };
            if list.is_empty() || list.len() > 100 {
                return refuse(&vpath, "from 1 to 100 values");
            }
            let mut out = Vec::with_capacity(list.len());
            for (i, v) in list.iter().enumerate() {
                out.push(nonempty(Some(v), &format!("{vpath}[{i}]"))?);
            }
            Op::OneOf(out)
        }
        (_, "gt") => Op::Gt(number(value, &vpath)?),
        (_, "gte") => Op::Gte(number(value, &vpath)?),
        (_, "lt") => Op::Lt(number(value, &vpath)?),
        (_, "lte") => Op::Lte(number(value, &vpath)?),
        (FieldKind::Number, "between") => match value.and_then(Value::as_array).map(Vec::as_slice) {
            Some([a, b]) => {
                let (a, b) = (number(Some(a), &format!("{vpath}[0]"))?, number(Some(b), &format!("{vpath}[1]"))?);
                Op::Between(a.min(b), a.max(b))
            }
            _ => return refuse(&vpath, "expected two values: [from, to]"),
        },
        (_, "before") => Op::Before(date(value, &vpath)?),
        (_, "after") => Op::After(date(value, &vpath)?),
        (_, "on") => Op::On(date(value, &vpath)?),
        (_, "between") => match value.and_then(Value::as_array).map(Vec::as_slice) {
            Some([a, b]) => {
                let (a, b) = (date(Some(a), &format!("{vpath}[0]"))?, date(Some(b), &format!("{vpath}[1]"))?);
                Op::DatesBetween(a.min(b), a.max(b))
            }
            _ => return refuse(&vpath, "expected two dates: [from, to]"),
        },
        (_, "within_last_days") => Op::WithinLastDays(days(value, &vpath)?),
        (_, "more_than_days_ago") => Op::MoreThanDaysAgo(days(value, &vpath)?),
        (_, "within_next_days") => Op::WithinNextDays(days(value, &vpath)?),
        (_, "anniversary_today") => Op::AnniversaryToday,
        (_, other) => return refuse(&format!("{path}.op"), format!("unknown operator \"{}\"", truncate(other))),
    })
}

fn kind_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "text",
        FieldKind::Number => "number",
        FieldKind::Date => "date",
        FieldKind::Boolean => "yes/no",
        FieldKind::Choice => "choice",
        FieldKind::MultiChoice => "multiple-choice",
    }
}

pub fn parse_event(v: Option<&Value>, path: &str) -> Result<EventMatch, FilterError> {
    let Some(obj) = v.and_then(Value::as_object) else {
        return refuse(path, "expected the events to count: {\"kind\": …, \"name\": …}");
    };
    let mut m = EventMatch::default();
    for (k, v) in obj {
        let p = format!("{path}.{k}");
        match k.as_str() {
            "kind" => {
                let s = text(Some(v), &p)?;
                m.kind = Some(match s.as_str() {
                    "open" => EventKind::Open,
                    "click" => EventKind::Click,
                    "page_view" => EventKind::PageView,
                    "custom" => EventKind::Custom,
                    "order" => EventKind::Order,
                    _ => return refuse(&p, "one of open, click, page_view, custom, order"),
                });
            }
            "name" => m.name = Some(nonempty(Some(v), &p)?),
            "url" => m.url = Some(nonempty(Some(v), &p)?),
            "property" => match v.as_array().map(Vec::as_slice) {
                Some([k, val]) => {
                    m.property = Some((nonempty(Some(k), &format!("{p}[0]"))?, text(Some(val), &format!("{p}[1]"))?))
                }
                _ => return refuse(&p, "expected [name, value]"),
            },
            _ => return refuse(&p, "unknown; the events are chosen by kind, name, url and property"),
        }
    }
    if m.name.is_some() && m.kind.is_none() {
        m.kind = Some(EventKind::Custom);
    }
    Ok(m)
}

fn parse_condition(obj: &Map<String, Value>, path: &str, schema: &Schema) -> Result<Condition, FilterError> {
    let allowed = |keys: &[&str]| -> Result<(), FilterError> {
        match obj.keys().find(|k| !keys.contains(&k.as_str())) {
            Some(k) => {
                refuse(&format!("{path}.{k}"), format!("not part of this condition (it takes {})", keys.join(", ")))
            }
            None => Ok(()),
        }
    };
    if let Some(f) = obj.get("field") {
        allowed(&["field", "op", "value"])?;
        let field = nonempty(Some(f), &format!("{path}.field"))?;
        let Some(kind) = builtin_kind(&field).or_else(|| (schema.field)(&field)) else {
            return refuse(&format!("{path}.field"), format!("no field \"{}\"", truncate(&field)));
        };
        let op = parse_op(obj, kind, path)?;
        return Ok(Condition::Field { field, kind, op });
    }
    if let Some(p) = obj.get("consent") {
        allowed(&["consent", "state"])?;
        let purpose = nonempty(Some(p), &format!("{path}.consent"))?;
        let state = match text(obj.get("state"), &format!("{path}.state"))?.as_str() {
            "granted" => ConsentIs::Granted,
            "withdrawn" => ConsentIs::Withdrawn,
            "never" => ConsentIs::Never,
            _ => return refuse(&format!("{path}.state"), "one of granted, withdrawn, never"),
        };
        return Ok(Condition::Consent { purpose, state });
    }
    if let Some(r) = obj.get("restricted") {
        allowed(&["restricted"])?;
        let Some(b) = r.as_bool() else { return refuse(&format!("{path}.restricted"), "true or false") };
        return Ok(Condition::Restricted(b));
    }
    if obj.contains_key("performed") {
        allowed(&["performed", "at_least", "within_days"])?;
        let event = parse_event(obj.get("performed"), &format!("{path}.performed"))?;
        let at_least = count_of(obj.get("at_least"), &format!("{path}.at_least"))?;
        let within_days = obj.get("within_days").map(|v| days(Some(v), &format!("{path}.within_days"))).transpose()?;
        return Ok(Condition::Performed { event, at_least, within_days });
    }
    if obj.contains_key("not_performed") {
        allowed(&["not_performed", "within_days"])?;
        let event = parse_event(obj.get("not_performed"), &format!("{path}.not_performed"))?;
        let within_days = days(obj.get("within_days"), &format!("{path}.within_days"))?;
        return Ok(Condition::NotPerformed { event, within_days });
    }
    if let Some(o) = obj.get("orders") {
        allowed(&["orders", "at_least", "within_days", "min_revenue"])?;
        let item = match o.as_object() {
            Some(m) if m.is_empty() => None,
            Some(m) => match (m.get("sku").or(m.get("item")), m.len()) {
                (Some(v), 1) => Some(nonempty(Some(v), &format!("{path}.orders.sku"))?),
                _ => return refuse(&format!("{path}.orders"), "{} or {\"sku\": …}"),
            },
            None => return refuse(&format!("{path}.orders"), "{} or {\"sku\": …}"),
        };
        let at_least = count_of(obj.get("at_least"), &format!("{path}.at_least"))?;
        let within_days = obj.get("within_days").map(|v| days(Some(v), &format!("{path}.within_days"))).transpose()?;
        let min_revenue_cents = obj
            .get("min_revenue")
            .map(|v| number(Some(v), &format!("{path}.min_revenue")).map(|n| (n * 100.0).round() as i64))
            .transpose()?;
        return Ok(Condition::Orders { item, at_least, min_revenue_cents, within_days });
    }
    if let Some(m) = obj.get("score") {
        allowed(&["score", "op", "value"])?;
        let model = nonempty(Some(m), &format!("{path}.score"))?;
        let op = parse_op(obj, FieldKind::Number, path)?;
        if matches!(op, Op::Empty | Op::NotEmpty) {
            return refuse(&format!("{path}.op"), "a score is a number: compare it");
        }
        return Ok(Condition::Score { model, op });
    }
    if let Some(s) = obj.get("segment") {
        allowed(&["segment", "member"])?;
        let p = format!("{path}.segment");
        let Ok(segment) = text(Some(s), &p)?.parse::<SegmentId>() else { return refuse(&p, "not a segment id") };
        if !(schema.segment_exists)(&segment) {
            return refuse(&p, "no such segment");
        }
        let member = match obj.get("member") {
            None => true,
            Some(v) => v.as_bool().map_or_else(|| refuse(&format!("{path}.member"), "true or false"), Ok)?,
        };
        return Ok(Condition::Segment { segment, member });
    }
    refuse(path, "expected a group (all, any, none) or a condition (field, consent, restricted, performed, not_performed, orders, score, segment)")
}

impl Condition {
    /// Whether what this condition sees is a piece of the person's profile (their name,
    /// address, phone or a custom field), masked for staff who see masked data; status, tags,
    /// dates and aggregates are not.
    pub fn sees_profile(&self) -> bool {
        matches!(self, Condition::Field { field, .. }
            if matches!(field.as_str(), "email" | "first_name" | "last_name" | "phone") || builtin_kind(field).is_none())
    }

    pub fn to_json(&self) -> Value {
        match self {
            Condition::Field { field, op, kind } => {
                let mut m = json!({ "field": field, "op": op.name() });
                if let Some(v) = op_value(op, *kind) {
                    m["value"] = v;
                }
                m
            }
            Condition::Consent { purpose, state } => json!({
                "consent": purpose,
                "state": match state { ConsentIs::Granted => "granted", ConsentIs::Withdrawn => "withdrawn", ConsentIs::Never => "never" },
            }),
            Condition::Restricted(b) => json!({ "restricted": b }),
            Condition::Performed { event, at_least, within_days } => {
                let mut m = json!({ "performed": event_json(event), "at_least": at_least });
                if let Some(d) = within_days {
                    m["within_days"] = json!(d);
                }
                m
            }
            Condition::NotPerformed { event, within_days } => {
                json!({ "not_performed": event_json(event), "within_days": within_days })
            }
            Condition::Orders { item, at_least, min_revenue_cents, within_days } => {
                let mut m = json!({ "orders": item.as_ref().map_or_else(|| json!({}), |s| json!({ "sku": s })), "at_least": at_least });
                if let Some(d) = within_days {
                    m["within_days"] = json!(d);
                }
                if let Some(c) = min_revenue_cents {
                    m["min_revenue"] = json!(*c as f64 / 100.0);
                }
                m
            }
            Condition::Score { model, op } => {
                let mut m = json!({ "score": model, "op": op.name() });
                if let Some(v) = op_value(op, FieldKind::Number) {
                    m["value"] = v;
                }
                m
            }
            Condition::Segment { segment, member } => json!({ "segment": segment.to_string(), "member": member }),
        }
    }

    fn add_reads(&self, r: &mut Reads) {
        match self {
            Condition::Field { field, op, .. } => {
                if is_activity(field) {
                    r.activity = true;
                } else {
                    r.profile = true;
                }
                r.time |= matches!(
                    op,
                    Op::WithinLastDays(_) | Op::MoreThanDaysAgo(_) | Op::WithinNextDays(_) | Op::AnniversaryToday
                ) || matches!(op, Op::Before(_) | Op::After(_) | Op::On(_) | Op::DatesBetween(..))
                    && matches!(field.as_str(), "created_at" | "updated_at" | "last_open" | "last_click" | "last_seen");
            }
            Condition::Consent { .. } => r.consent = true,
            Condition::Restricted(_) => r.restriction = true,
            Condition::Performed { event, within_days, .. } => {
                r.events = true;
                r.event_kinds |= event.kind.map_or(u8::MAX, event_bit);
                r.time |= within_days.is_some();
            }
            Condition::Orders { within_days, .. } => {
                r.events = true;
                r.event_kinds |= event_bit(EventKind::Order);
                r.time |= within_days.is_some();
            }
            Condition::NotPerformed { event, .. } => {
                r.events = true;
                r.event_kinds |= event.kind.map_or(u8::MAX, event_bit);
                r.time = true;
            }
            Condition::Score { model, .. } => {
                r.scores.insert(model.clone());
                // A score is made of events under the person's consents (a withdrawal or an
                // objection to profiling takes points away at once) and of field values.
                r.consent = true;
                r.events = true;
                r.event_kinds = u8::MAX;
                r.activity = true;
                r.profile = true;
                // Scores decay with time.
                r.time = true;
            }
            Condition::Segment { segment, .. } => {
                r.segments.insert(*segment);
            }
        }
    }

    /// (matched, what was seen, when the answer may change by the clock alone).
    fn eval(&self, facts: &Facts, ctx: &Context) -> (bool, Observed, Option<DateTime<Utc>>) {
        match self {
            Condition::Field { field, kind, op } => {
                let value = facts.field(field, *kind);
                let (m, flip) = test(op, &value, ctx, facts.zone(ctx));
                (m, Observed::Value(value), flip)
            }
            Condition::Consent { purpose, state } => {
                let now = facts.consents.get(purpose).map(|(s, _)| *s);
                let m = match state {
                    ConsentIs::Granted => now == Some(ConsentState::Granted),
                    ConsentIs::Withdrawn => now == Some(ConsentState::Withdrawn),
                    ConsentIs::Never => now.is_none(),
                };
                let seen = now.map(|s| Scalar::Text(s.as_str().into()));
                (m, Observed::Value(seen), None)
            }
            Condition::Restricted(b) => {
                (facts.restricted == *b, Observed::Value(Some(Scalar::Bool(facts.restricted))), None)
            }
            Condition::Performed { event, at_least, within_days } => {
                let times = facts.times_of(|e| event.matches(e));
                window(&times, *at_least, *within_days, ctx.now)
            }
            Condition::NotPerformed { event, within_days } => {
                let times = facts.times_of(|e| event.matches(e));
                let (m, seen, flip) = window(&times, 1, Some(*within_days), ctx.now);
                (!m, seen, flip)
            }
            Condition::Orders { item, at_least, min_revenue_cents, within_days } => {
                let orders: Vec<&Event> = facts
                    .events
                    .iter()
                    .filter(|e| e.kind == EventKind::Order && e.machine.is_none())
                    .filter(|e| item.as_ref().is_none_or(|sku| e.items.iter().any(|i| i.sku.eq_ignore_ascii_case(sku))))
                    .collect();
                let times: Vec<DateTime<Utc>> = orders.iter().map(|e| e.at).collect();
                let (mut m, seen, flip) = window(&times, *at_least, *within_days, ctx.now);
                if let Some(min) = min_revenue_cents {
                    let since = within_days.map(|d| ctx.now - Duration::days(i64::from(d)));
                    let revenue: i64 =
                        orders.iter().filter(|e| since.is_none_or(|s| e.at >= s)).filter_map(|e| e.amount_cents).sum();
                    m &= revenue >= *min;
                }
                (m, seen, flip)
            }
            Condition::Score { model, op } => {
                let score = (facts.score)(model);
                // Decay moves a score continuously, but exactly: the flip is the moment it
                // crosses the threshold (or the next event dated ahead starts counting).
                let (m, flip) = super::score::condition(op, score.as_ref(), ctx);
                (m, Observed::Value(score.map(|s| Scalar::Number(s.total))), flip)
            }
            Condition::Segment { segment, member } => {
                let is = (facts.member_of)(segment);
                (is == *member, Observed::Value(Some(Scalar::Bool(is))), None)
            }
        }
    }
}

fn op_value(op: &Op, kind: FieldKind) -> Option<Value> {
    Some(match op {
        // A number field's value is kept as the number's text.
        Op::Equals(s) | Op::NotEquals(s) if kind == FieldKind::Number => {
            s.parse::<f64>().map_or_else(|_| json!(s), |n| json!(n))
        }
        Op::Equals(s)
        | Op::NotEquals(s)
        | Op::Contains(s)
        | Op::NotContains(s)
        | Op::StartsWith(s)
        | Op::EndsWith(s) => {
            json!(s)
        }
        Op::OneOf(v) => json!(v),
        Op::Gt(n) | Op::Gte(n) | Op::Lt(n) | Op::Lte(n) => json!(n),
        Op::Between(a, b) => json!([a, b]),
        Op::Before(d) | Op::After(d) | Op::On(d) => json!(d.to_string()),
        Op::DatesBetween(a, b) => json!([a.to_string(), b.to_string()]),
        Op::WithinLastDays(n) | Op::MoreThanDaysAgo(n) | Op::WithinNextDays(n) => json!(n),
        Op::Empty | Op::NotEmpty | Op::AnniversaryToday | Op::IsTrue | Op::IsFalse => return None,
    })
}

pub fn event_json(m: &EventMatch) -> Value {
    let mut v = json!({});
    if let Some(k) = m.kind {
        v["kind"] = json!(k.as_str());
    }
    if let Some(n) = &m.name {
        v["name"] = json!(n);
    }
    if let Some(u) = &m.url {
        v["url"] = json!(u);
    }
    if let Some((k, val)) = &m.property {
        v["property"] = json!([k, val]);
    }
    v
}

impl EventMatch {
    pub fn matches(&self, e: &Event) -> bool {
        if e.machine.is_some() {
            return false;
        }
        if self.kind.is_some_and(|k| k != e.kind) {
            return false;
        }
        if let Some(n) = &self.name {
            if e.name.as_deref() != Some(n.as_str()) {
                return false;
            }
        }
        if let Some(u) = &self.url {
            if !e.url.as_deref().is_some_and(|url| url.contains(u.as_str())) {
                return false;
            }
        }
        if let Some((k, want)) = &self.property {
            let props: Value = serde_json::from_str(&e.properties).unwrap_or(Value::Null);
            let got = match props.get(k) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => return false,
                Some(other) => other.to_string(),
            };
            if !got.eq_ignore_ascii_case(want) {
                return false;
            }
        }
        true
    }
}

/// "At least `n` of `times` within the last `days`": (matched, what was seen, when the count
/// in the window changes by the clock alone: the oldest counted event leaving it).
fn window(
    times: &[DateTime<Utc>],
    n: u32,
    days: Option<u32>,
    now: DateTime<Utc>,
) -> (bool, Observed, Option<DateTime<Utc>>) {
    let span = days.map(|d| Duration::days(i64::from(d)));
    let mut inside: Vec<DateTime<Utc>> =
        times.iter().copied().filter(|t| span.is_none_or(|s| *t >= now - s) && *t <= now).collect();
    inside.sort_unstable_by(|a, b| b.cmp(a));
    let matched = inside.len() >= n as usize;
    // The n-th newest leaves the window at its time + span: the count drops below n then.
    let flip = match (span, matched) {
        (Some(s), true) => inside.get(n as usize - 1).map(|t| *t + s),
        _ => None,
    };
    let seen =
        Observed::Count { n: inside.len() as u32, last: inside.first().copied().or(times.iter().max().copied()) };
    (matched, seen, flip)
}

/// A value as a condition compares it.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Text(String),
    Number(f64),
    /// A moment (created, last open) or, at midnight UTC, a day (a custom date field).
    Time(DateTime<Utc>),
    Day(NaiveDate),
    Bool(bool),
    Many(Vec<String>),
}

/// What a condition saw, for the "why" of a membership.
#[derive(Debug, Clone, PartialEq)]
pub enum Observed {
    Value(Option<Scalar>),
    /// Events counted in the window, and the newest of them (or of all, when none counted).
    Count {
        n: u32,
        last: Option<DateTime<Utc>>,
    },
}

/// One condition's part in an evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    /// Where it sits in the filter (`filter.all[1]`).
    pub path: String,
    pub condition: Condition,
    pub matched: bool,
    pub observed: Observed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub matched: bool,
    pub why: Vec<Why>,
    /// The next moment the answer may change with nothing else changing.
    pub next_flip: Option<DateTime<Utc>>,
}

/// When the evaluation runs, and the shop's time zone (for a contact without one).
pub struct Context {
    pub now: DateTime<Utc>,
    pub zone: Tz,
}

/// What is known of one contact.
pub struct Facts<'a> {
    pub contact: &'a Contact,
    pub consents: &'a ConsentStates,
    pub activity: &'a Activity,
    pub restricted: bool,
    /// The contact's stored events (empty when the filter does not read them: [`Reads::events`]).
    pub events: &'a [Event],
    /// A model's score now (None: no such model, or the person objected to profiling).
    pub score: &'a dyn Fn(&str) -> Option<super::score::Now>,
    pub member_of: &'a dyn Fn(&SegmentId) -> bool,
}

impl Facts<'_> {
    fn zone(&self, ctx: &Context) -> Tz {
        self.contact.time_zone.as_deref().and_then(|z| z.parse().ok()).unwrap_or(ctx.zone)
    }

    fn times_of(&self, f: impl Fn(&Event) -> bool) -> Vec<DateTime<Utc>> {
        self.events.iter().filter(|e| f(e)).map(|e| e.at).collect()
    }

    /// A field's value, None when empty.
    pub fn field(&self, field: &str, kind: FieldKind) -> Option<Scalar> {
        let c = self.contact;
        let a = self.activity;
        let text = |s: &str| (!s.is_empty()).then(|| Scalar::Text(s.to_string()));
        match field {
            "email" => text(c.email.as_str()),
            "first_name" => text(&c.first_name),
            "last_name" => text(&c.last_name),
            "phone" => c.phone.as_ref().map(|p| Scalar::Text(p.as_str().to_string())),
            "locale" => c.locale.as_deref().and_then(text),
            "time_zone" => c.time_zone.as_deref().and_then(text),
            "status" => Some(Scalar::Text(c.status.as_str().into())),
            "source" => Some(Scalar::Text(c.source.as_str().into())),
            "tags" => (!c.tags.is_empty()).then(|| Scalar::Many(c.tags.iter().cloned().collect())),
            "lists" => (!c.lists.is_empty()).then(|| Scalar::Many(c.lists.iter().cloned().collect())),
            "created_at" => Some(Scalar::Time(c.created_at)),
            "updated_at" => Some(Scalar::Time(c.updated_at)),
            "last_open" => a.last_open.map(Scalar::Time),
            "last_click" => a.last_click.map(Scalar::Time),
            "last_seen" => a.last_seen.map(Scalar::Time),
            "opens" => Some(Scalar::Number(a.opens as f64)),
            "clicks" => Some(Scalar::Number(a.clicks as f64)),
            "page_views" => Some(Scalar::Number(a.page_views as f64)),
            "orders" => Some(Scalar::Number(a.orders as f64)),
            "revenue" => Some(Scalar::Number(a.revenue_cents as f64 / 100.0)),
            custom => match (c.custom.get(custom), kind) {
                (None, _) => None,
                (Some(FieldValue::Text(s)), _) | (Some(FieldValue::Choice(s)), _) => text(s),
                (Some(FieldValue::Number(n)), _) => Some(Scalar::Number(*n)),
                (Some(FieldValue::Date(d)), _) => Some(Scalar::Day(*d)),
                (Some(FieldValue::Bool(b)), _) => Some(Scalar::Bool(*b)),
                (Some(FieldValue::Multi(v)), _) => (!v.is_empty()).then(|| Scalar::Many(v.clone())),
            },
        }
    }
}

fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// The local day a value falls on, and the moment that day starts (for flips).
fn day_of(v: &Scalar, zone: Tz) -> Option<NaiveDate> {
    match v {
        Scalar::Time(t) => Some(t.with_timezone(&zone).date_naive()),
        Scalar::Day(d) => Some(*d),
        _ => None,
    }
}

fn start_of(day: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    zone.from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        // A day that starts in a gap (a time change at midnight): an hour later.
        .unwrap_or_else(|| Utc.from_utc_datetime(&midnight) + Duration::hours(1))
}

/// The next month-and-day of `d` on or after `from` (29 February falls on 28 February in other
/// years).
fn next_anniversary(d: NaiveDate, from: NaiveDate) -> NaiveDate {
    for year in [from.year(), from.year() + 1] {
        let day = NaiveDate::from_ymd_opt(year, d.month(), d.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, d.month(), d.day() - 1))
            .expect("a valid day");
        if day >= from {
            return day;
        }
    }
    from
}

/// Applies `op` to `value`: (matched, next flip by the clock). For the scores' field rules.
pub fn compare(op: &Op, value: &Option<Scalar>, ctx: &Context, zone: Tz) -> (bool, Option<DateTime<Utc>>) {
    test(op, value, ctx, zone)
}

/// Applies `op` to `value`: (matched, next flip by the clock).
fn test(op: &Op, value: &Option<Scalar>, ctx: &Context, zone: Tz) -> (bool, Option<DateTime<Utc>>) {
    let Some(v) = value else {
        return (matches!(op, Op::Empty | Op::NotEquals(_) | Op::NotContains(_)), None);
    };
    let as_text = || match v {
        Scalar::Text(s) => fold(s),
        Scalar::Number(n) => n.to_string(),
        Scalar::Bool(b) => b.to_string(),
        Scalar::Day(d) => d.to_string(),
        Scalar::Time(t) => t.to_rfc3339(),
        Scalar::Many(m) => m.join(","),
    };
    let number = || match v {
        Scalar::Number(n) => Some(*n),
        Scalar::Text(s) => s.parse().ok(),
        _ => None,
    };
    let many_has = |want: &str| match v {
        Scalar::Many(m) => m.iter().any(|x| fold(x) == fold(want)),
        _ => false,
    };
    let now = ctx.now;
    let today = now.with_timezone(&zone).date_naive();
    match op {
        Op::Empty => (false, None),
        Op::NotEmpty => (true, None),
        Op::IsTrue => (matches!(v, Scalar::Bool(true)), None),
        Op::IsFalse => (matches!(v, Scalar::Bool(false)), None),
        Op::Equals(s) => (
            match (v, s.parse::<f64>()) {
                (Scalar::Number(n), Ok(want)) => (*n - want).abs() < 1e-9,
                _ => as_text() == fold(s),
            },
            None,
        ),
        Op::NotEquals(s) => (
            match (v, s.parse::<f64>()) {
                (Scalar::Number(n), Ok(want)) => (*n - want).abs() >= 1e-9,
                _ => as_text() != fold(s),
            },
            None,
        ),
        Op::Contains(s) => {
            (if matches!(v, Scalar::Many(_)) { many_has(s) } else { as_text().contains(&fold(s)) }, None)
        }
        Op::NotContains(s) => {
            (if matches!(v, Scalar::Many(_)) { !many_has(s) } else { !as_text().contains(&fold(s)) }, None)
        }
        Op::StartsWith(s) => (as_text().starts_with(&fold(s)), None),
        Op::EndsWith(s) => (as_text().ends_with(&fold(s)), None),
        Op::OneOf(list) => (list.iter().any(|s| as_text() == fold(s)), None),
        Op::Gt(n) => (number().is_some_and(|x| x > *n), None),
        Op::Gte(n) => (number().is_some_and(|x| x >= *n), None),
        Op::Lt(n) => (number().is_some_and(|x| x < *n), None),
        Op::Lte(n) => (number().is_some_and(|x| x <= *n), None),
        Op::Between(a, b) => (number().is_some_and(|x| x >= *a && x <= *b), None),
        Op::Before(d) => (day_of(v, zone).is_some_and(|day| day < *d), None),
        Op::After(d) => (day_of(v, zone).is_some_and(|day| day > *d), None),
        Op::On(d) => (day_of(v, zone).is_some_and(|day| day == *d), None),
        Op::DatesBetween(a, b) => (day_of(v, zone).is_some_and(|day| day >= *a && day <= *b), None),
        Op::WithinLastDays(n) | Op::MoreThanDaysAgo(n) => {
            let span = Duration::days(i64::from(*n));
            let (within, flip) = match v {
                // A moment: exactly n × 24 h.
                Scalar::Time(t) => (*t >= now - span && *t <= now, (*t + span > now).then_some(*t + span)),
                // A day: counted in whole local days.
                Scalar::Day(d) => {
                    let ends = *d + span;
                    (*d <= today && ends >= today, (ends >= today).then(|| start_of(ends + Duration::days(1), zone)))
                }
                _ => return (false, None),
            };
            let future = match v {
                Scalar::Time(t) => *t > now,
                Scalar::Day(d) => *d > today,
                _ => false,
            };
            match op {
                Op::WithinLastDays(_) => (within, flip),
                // A date still to come is not "more than n days ago".
                _ => (!within && !future, flip),
            }
        }
        Op::WithinNextDays(n) => {
            let Some(day) = day_of(v, zone) else { return (false, None) };
            let last = today + Duration::days(i64::from(*n));
            if day < today {
                return (false, None);
            }
            if day <= last {
                // Until the day has passed.
                (true, Some(start_of(day + Duration::days(1), zone)))
            } else {
                // From n days before it.
                (false, Some(start_of(day - Duration::days(i64::from(*n)), zone)))
            }
        }
        Op::AnniversaryToday => {
            let Some(day) = day_of(v, zone) else { return (false, None) };
            let next = next_anniversary(day, today);
            if next == today {
                (true, Some(start_of(today + Duration::days(1), zone)))
            } else {
                (false, Some(start_of(next, zone)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EmailAddress, Source};

    fn schema() -> Schema<'static> {
        Schema {
            field: &|k| match k {
                "birthday" => Some(FieldKind::Date),
                "shoe_size" => Some(FieldKind::Number),
                "vip" => Some(FieldKind::Boolean),
                _ => None,
            },
            segment_exists: &|_| true,
            stored: false,
        }
    }

    /// What a condition saw is masked for staff who see masked data when it is a piece of the
    /// profile: the name, address, phone and custom fields; not status, tags, dates, counts.
    #[test]
    fn profile_values_are_the_ones_masked() {
        let cond = |v: Value| match Filter::parse(&json!({"all": [v]}), &schema()).unwrap() {
            Filter::All(mut c) => match c.remove(0) {
                Filter::Is(c) => c,
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        };
        for shown in [
            json!({"field": "first_name", "op": "equals", "value": "Ann"}),
            json!({"field": "email", "op": "contains", "value": "@"}),
            json!({"field": "shoe_size", "op": "gt", "value": 40}),
        ] {
            assert!(cond(shown.clone()).sees_profile(), "{shown}");
        }
        for not in [
            json!({"field": "tags", "op": "contains", "value": "vip"}),
            json!({"field": "opens", "op": "gte", "value": 1}),
            json!({"field": "time_zone", "op": "empty"}),
            json!({"consent": "newsletter", "state": "granted"}),
        ] {
            assert!(!cond(not.clone()).sees_profile(), "{not}");
        }
    }

    /// A recorded event is a reason to look again only at segments that count its kind, or
    /// that read the aggregates a person's own event changes.
    #[test]
    fn an_event_touches_only_the_segments_that_count_its_kind() {
        let reads = |v: Value| Filter::parse(&v, &schema()).unwrap().reads();
        let views = reads(json!({"all": [{"performed": {"kind": "page_view"}, "at_least": 2}]}));
        assert!(views.touched_by(EventKind::PageView, true));
        assert!(!views.touched_by(EventKind::Order, true), "a page-view segment ignores orders");
        let orders = reads(json!({"all": [{"orders": {}, "at_least": 1}]}));
        assert!(orders.touched_by(EventKind::Order, false) && !orders.touched_by(EventKind::Click, true));
        let any = reads(json!({"all": [{"not_performed": {}, "within_days": 30}]}));
        assert!(any.touched_by(EventKind::Custom, false), "no kind named: any kind counts");
        let opens = reads(json!({"all": [{"field": "opens", "op": "gte", "value": 1}]}));
        assert!(opens.touched_by(EventKind::Click, true), "a person's event moves the aggregates");
        assert!(!opens.touched_by(EventKind::Open, false), "a machine's does not");
        let names = reads(json!({"all": [{"field": "first_name", "op": "equals", "value": "Ann"}]}));
        assert!(!names.touched_by(EventKind::Open, true));
        let score = reads(json!({"all": [{"score": "engagement", "op": "gte", "value": 5}]}));
        assert!(score.touched_by(EventKind::Custom, false));
    }

    fn contact() -> Contact {
        let mut c = Contact::new(EmailAddress::parse("ann@example.org").unwrap(), Source::Api, String::new());
        c.first_name = "Anna".into();
        c.tags.insert("vip".into());
        c.custom.insert("birthday".into(), FieldValue::Date(NaiveDate::from_ymd_opt(1990, 12, 9).unwrap()));
        c.custom.insert("shoe_size".into(), FieldValue::Number(39.0));
        c.time_zone = Some("Europe/Berlin".into());
        c
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn run(filter: Value, c: &Contact, activity: &Activity, events: &[Event], now: &str) -> Outcome {
        let f = Filter::parse(&filter, &schema()).unwrap();
        let consents = ConsentStates::new();
        let facts = Facts {
            contact: c,
            consents: &consents,
            activity,
            restricted: false,
            events,
            score: &|_| None,
            member_of: &|_| false,
        };
        f.evaluate(&facts, &Context { now: at(now), zone: chrono_tz::Europe::Berlin })
    }

    #[test]
    fn groups_nest_and_fields_compare_by_type() {
        let c = contact();
        let a = Activity::default();
        let f = json!({"all": [
            {"field": "first_name", "op": "starts_with", "value": "an"},
            {"field": "tags", "op": "contains", "value": "VIP"},
            {"any": [{"field": "shoe_size", "op": "between", "value": [38, 40]}, {"field": "email", "op": "ends_with", "value": ".de"}]},
            {"none": [{"field": "status", "op": "one_of", "value": ["bounced", "complained"]}]},
        ]});
        let o = run(f, &c, &a, &[], "2026-12-07T12:00:00Z");
        assert!(o.matched, "{o:?}");
        assert_eq!(o.why.len(), 5);
        assert_eq!(o.why[3].path, "filter.all[2].any[1]");
        assert!(!o.why[3].matched);
        let o = run(json!({"field": "shoe_size", "op": "gt", "value": 39}), &c, &a, &[], "2026-12-07T12:00:00Z");
        assert!(!o.matched);
    }

    #[test]
    fn refusals_name_the_place_and_the_reason() {
        let e = Filter::parse(&json!({"all": [{"field": "shoe_size", "op": "contains", "value": "3"}]}), &schema())
            .unwrap_err();
        assert_eq!(e.path, "filter.all[0].op");
        assert!(e.message.contains("does not apply to a number field"), "{e}");
        let e =
            Filter::parse(&json!({"any": [{"field": "nope", "op": "equals", "value": "x"}]}), &schema()).unwrap_err();
        assert_eq!((e.path.as_str(), e.message.as_str()), ("filter.any[0].field", "no field \"nope\""));
        let e = Filter::parse(&json!({"all": [{"performed": {"kind": "custom"}, "within_days": 0}]}), &schema())
            .unwrap_err();
        assert_eq!(e.path, "filter.all[0].within_days");
        let e =
            Filter::parse(&json!({"all": [{"field": "birthday", "op": "before", "value": "12/01/2026"}]}), &schema())
                .unwrap_err();
        assert!(e.message.contains("not a date"), "{e}");
        let mut deep = json!({"field": "first_name", "op": "empty"});
        for _ in 0..MAX_DEPTH + 1 {
            deep = json!({"all": [deep]});
        }
        assert!(Filter::parse(&deep, &schema()).unwrap_err().message.contains("nest at most"));
    }

    #[test]
    fn json_round_trips() {
        let f = json!({"all": [
            {"field": "first_name", "op": "starts_with", "value": "An"},
            {"consent": "newsletter", "state": "granted"},
            {"performed": {"kind": "custom", "name": "product_viewed", "property": ["category", "shoes"]}, "at_least": 2, "within_days": 30},
            {"not_performed": {"kind": "page_view"}, "within_days": 90},
            {"orders": {"sku": "MUG-1"}, "at_least": 1, "min_revenue": 12.5},
            {"score": "engagement", "op": "gte", "value": 50.0},
            {"any": [{"field": "birthday", "op": "anniversary_today"}, {"restricted": false}]},
        ]});
        let parsed = Filter::parse(&f, &schema()).unwrap();
        assert_eq!(parsed.to_json(), f);
        assert_eq!(Filter::parse(&parsed.to_json(), &schema()).unwrap(), parsed);
    }

    #[test]
    fn inactivity_turns_true_by_the_clock_and_says_when() {
        let c = contact();
        let a = Activity { last_seen: Some(at("2026-11-01T10:00:00Z")), ..Default::default() };
        let f = json!({"field": "last_seen", "op": "more_than_days_ago", "value": 30});
        let before = run(f.clone(), &c, &a, &[], "2026-11-20T00:00:00Z");
        assert!(!before.matched);
        assert_eq!(before.next_flip, Some(at("2026-12-01T10:00:00Z")));
        assert!(run(f, &c, &a, &[], "2026-12-01T10:00:01Z").matched);
    }

    #[test]
    fn birthdays_are_today_in_the_contact_s_time_zone() {
        let c = contact();
        let a = Activity::default();
        let f = json!({"field": "birthday", "op": "anniversary_today"});
        // 23:30 UTC on 8 December is 00:30 on the 9th in Berlin.
        let o = run(f.clone(), &c, &a, &[], "2026-12-08T23:30:00Z");
        assert!(o.matched);
        assert_eq!(o.next_flip, Some(at("2026-12-09T23:00:00Z")), "until Berlin's midnight");
        let o = run(f, &c, &a, &[], "2026-12-08T12:00:00Z");
        assert!(!o.matched);
        assert_eq!(o.next_flip, Some(at("2026-12-08T23:00:00Z")));
    }

    #[test]
    fn performed_counts_in_a_window_and_flips_when_the_oldest_counted_leaves_it() {
        let c = contact();
        let a = Activity::default();
        let view = |when: &str, cat: &str| {
            let mut e = Event::new(EventKind::Custom, at(when), "api");
            e.name = Some("product_viewed".into());
            e.properties = json!({"category": cat}).to_string();
            e
        };
        let events = [
            view("2026-11-20T10:00:00Z", "shoes"),
            view("2026-12-01T10:00:00Z", "shoes"),
            view("2026-12-02T10:00:00Z", "hats"),
        ];
        let f = json!({"performed": {"name": "product_viewed", "property": ["category", "Shoes"]}, "at_least": 2, "within_days": 30});
        let o = run(f.clone(), &c, &a, &events, "2026-12-07T00:00:00Z");
        assert!(o.matched, "{o:?}");
        assert_eq!(o.why[0].observed, Observed::Count { n: 2, last: Some(at("2026-12-01T10:00:00Z")) });
        assert_eq!(o.next_flip, Some(at("2026-12-20T10:00:00Z")), "the 20 Nov view leaves the window");
        assert!(!run(f, &c, &a, &events, "2026-12-20T10:00:01Z").matched);
        let not = json!({"not_performed": {"kind": "custom"}, "within_days": 10});
        let o = run(not, &c, &a, &events, "2026-12-07T00:00:00Z");
        assert!(!o.matched);
        assert_eq!(o.next_flip, Some(at("2026-12-12T10:00:00Z")));
    }

    #[test]
    fn a_segment_cannot_contain_itself_through_others() {
        let (a, b) = (SegmentId::new(), SegmentId::new());
        let fa = Filter::All(vec![Filter::Is(Condition::Segment { segment: b, member: true })]);
        let fb = Filter::All(vec![Filter::Is(Condition::Segment { segment: a, member: false })]);
        let of = |s: &SegmentId| (*s == b).then(|| fb.clone());
        let e = fa.check_cycles(&a, &of).unwrap_err();
        assert!(e.message.contains("cannot contain itself"), "{e}");
        assert!(Filter::All(vec![]).check_cycles(&a, &of).is_ok());
    }

    #[test]
    fn reads_say_what_to_watch() {
        let f = Filter::parse(
            &json!({"all": [{"field": "last_open", "op": "within_last_days", "value": 7}, {"consent": "newsletter", "state": "granted"}]}),
            &schema(),
        )
        .unwrap();
        let r = f.reads();
        assert!(r.activity && r.consent && r.time && !r.profile && !r.events);
    }
}
