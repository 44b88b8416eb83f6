//! Lead scoring: named models of rules that give points for what a person did (opened, clicked,
//! viewed a page, performed a custom event, submitted a form, ordered, unsubscribed, bounced) and
//! for what their record says (a field's value). Pure: the caller brings the facts
//! ([`Facts`]) and the time.
//!
//! Nothing is stored: a score is computed when read, from the stored events' times. Every event's
//! points decay with the model's one half-life (`points × 0.5^(age / half_life)`); a field rule's
//! points hold while the field does and do not decay. So between two events a score is
//! `S(t) = steady + D·0.5^((t − now)/h)`, and the moment a threshold (`score ≥ 50`) turns can be
//! solved for exactly ([`next_crossing`]): segments leave a timer there instead of looking again
//! every so often.
//!
//! A rule's cap ("at most 30 points per 7 days") applies to its raw points in fixed windows of
//! that many days counted from 1970-01-01 UTC (calendar windows, not rolling ones): which events
//! a window counts then never changes as time passes, only with new events, which is what keeps
//! the score a pure decay between events. Within a window the earliest events count first; the
//! one that reaches the cap counts in part.
//!
//! Consent decides what may be measured: opens and clicks count only while the `engagement`
//! purpose allows measuring the person, page views and custom events only while
//! `website_tracking` does, as tracking itself decides it (granted, or not withdrawn, by the
//! shop's policy: the caller says, [`Facts::measured`]); machine hits never. Scoring is profiling (GDPR Art. 21/22): a person who withdrew the `profiling`
//! purpose (it rests on legitimate interest, so it stands until they object) has no score at all,
//! `None`, not zero.
//!
//! The JSON, the same in the API and the admin form:
//! ```json
//! {"key": "engagement", "name": "Engagement", "half_life_days": 30, "rules": [
//!   {"on": "opened", "points": 1, "cap": {"points": 30, "days": 7}},
//!   {"on": "clicked", "url": "/pricing", "points": 5},
//!   {"on": "page_viewed", "url": "/pricing", "points": 3},
//!   {"on": "custom", "name": "product_viewed", "properties": {"category": "shoes"}, "points": 2},
//!   {"on": "form_submitted", "form": "<form id>", "points": 10},
//!   {"on": "ordered", "points": 20, "per_unit": 0.1},
//!   {"on": "field", "field": "job_title", "op": "contains", "value": "CEO", "points": 15},
//!   {"on": "unsubscribed", "points": -20},
//!   {"on": "bounced", "points": -10}
//! ]}
//! ```

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde_json::{json, Map, Value};

use super::segment::{self, Context, FilterError, Op, Scalar};
use super::{Activity, ConsentState, ConsentStates, Contact, Event, EventKind, FieldKind};

/// Rules per model, and models in all: every model is computed for a contact whenever a segment
/// reads a score or the contact page shows one.
pub const MAX_RULES: usize = 30;
pub const MAX_MODELS: usize = 20;
/// Points (and points per unit of revenue) are at most this large either way.
pub const MAX_POINTS: f64 = 10_000.0;
/// Half-lives from an hour to ten years, in days.
pub const MIN_HALF_LIFE_DAYS: f64 = 1.0 / 24.0;
pub const MAX_HALF_LIFE_DAYS: f64 = 3_660.0;
/// A cap's window is a whole number of days from 1 to this.
pub const MAX_CAP_DAYS: u32 = 3_660;
/// A rule filters on at most this many properties of a custom event.
pub const MAX_PROPERTIES: usize = 10;
pub const NAME_MAX: usize = 100;
pub const KEY_MAX: usize = 40;
/// Texts in a rule (URL parts, event names, property values) are at most this long.
pub const TEXT_MAX: usize = 200;

/// The purposes scoring reads.
pub const ENGAGEMENT: &str = "engagement";
pub const WEBSITE_TRACKING: &str = "website_tracking";
pub const PROFILING: &str = "profiling";

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Machine name, as segments name it (`{"score": "engagement", ...}`).
    pub key: String,
    pub name: String,
    pub half_life_days: f64,
    pub rules: Vec<Rule>,
    /// Counts edits (set by the room, not read from the JSON).
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub on: On,
    /// Per event (may be negative); for `ordered`, the fixed part.
    pub points: f64,
    pub cap: Option<Cap>,
}

/// At most `points` (raw, before decay) per window of `days` days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cap {
    pub points: f64,
    pub days: u32,
}

/// What a rule counts.
#[derive(Debug, Clone, PartialEq)]
pub enum On {
    Opened,
    /// A click, on a link whose address contains `url` when given.
    Clicked {
        url: Option<String>,
    },
    /// A page view whose address contains `url`.
    PageViewed {
        url: String,
    },
    /// A custom event by name, with properties that must have these values.
    Custom {
        name: String,
        properties: Vec<(String, String)>,
    },
    /// A form submitted (this form's id, or any).
    FormSubmitted {
        form: Option<String>,
    },
    /// An order: the rule's points plus `per_unit` for each unit of its amount (49.90 → 49.9 ×).
    Ordered {
        per_unit: Option<f64>,
    },
    /// The record holds a value: points while it does (they do not decay).
    Field {
        field: String,
        kind: FieldKind,
        op: Op,
    },
    Unsubscribed,
    /// A hard or soft bounce (complaints are not bounces).
    Bounced,
}

impl On {
    fn name(&self) -> &'static str {
        match self {
            On::Opened => "opened",
            On::Clicked { .. } => "clicked",
            On::PageViewed { .. } => "page_viewed",
            On::Custom { .. } => "custom",
            On::FormSubmitted { .. } => "form_submitted",
            On::Ordered { .. } => "ordered",
            On::Field { .. } => "field",
            On::Unsubscribed => "unsubscribed",
            On::Bounced => "bounced",
        }
    }

    /// Which purpose must be granted for the events this rule counts (None: no measurement
    /// purpose; they are the shop's own records).
    pub fn needs(&self) -> Option<&'static str> {
        match self {
            On::Opened | On::Clicked { .. } => Some(ENGAGEMENT),
            On::PageViewed { .. } | On::Custom { .. } => Some(WEBSITE_TRACKING),
            _ => None,
        }
    }
}

/// A refusal with the place in the JSON it is about (`model.rules[2].points`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ModelError {
    pub path: String,
    pub message: String,
}

impl From<FilterError> for ModelError {
    fn from(e: FilterError) -> Self {
        ModelError { path: e.path, message: e.message }
    }
}

fn refuse<T>(path: &str, message: impl Into<String>) -> Result<T, ModelError> {
    Err(ModelError { path: path.to_string(), message: message.into() })
}

fn text(v: Option<&Value>, path: &str, max: usize) -> Result<String, ModelError> {
    match v {
        Some(Value::String(s)) => {
            let s = s.trim();
            if s.is_empty() {
                return refuse(path, "must not be empty");
            }
            if s.chars().count() > max {
                return refuse(path, format!("at most {max} characters"));
            }
            Ok(s.to_string())
        }
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::Bool(b)) => Ok(b.to_string()),
        _ => refuse(path, "expected a text"),
    }
}

fn number(v: Option<&Value>, path: &str) -> Result<f64, ModelError> {
    let n = match v {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => s.trim().replace(',', ".").parse::<f64>().ok(),
        _ => None,
    };
    match n.filter(|f| f.is_finite()) {
        Some(n) => Ok(n),
        None => refuse(path, "expected a number"),
    }
}

/// Whether a key is a machine name: lower-case letters, digits, `_` and `-`.
pub fn valid_key(key: &str) -> bool {
    (1..=KEY_MAX).contains(&key.len())
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

impl Model {
    /// Reads a model from its JSON, checking every rule; `field` gives a custom field's type.
    /// A `version` in the JSON is ignored (the room counts versions).
    pub fn parse(v: &Value, field: &dyn Fn(&str) -> Option<FieldKind>) -> Result<Model, ModelError> {
        let path = "model";
        let Some(obj) = v.as_object() else { return refuse(path, "expected an object") };
        if let Some(k) =
            obj.keys().find(|k| !["key", "name", "half_life_days", "rules", "version"].contains(&k.as_str()))
        {
            return refuse(&format!("{path}.{k}"), "unknown; a model has key, name, half_life_days and rules");
        }
        let key = text(obj.get("key"), &format!("{path}.key"), KEY_MAX)?;
        if !valid_key(&key) {
            return refuse(&format!("{path}.key"), format!("1 to {KEY_MAX} lower-case letters, digits, _ or -"));
        }
        let name = text(obj.get("name"), &format!("{path}.name"), NAME_MAX)?;
        let half_life_days = number(obj.get("half_life_days"), &format!("{path}.half_life_days"))?;
        if !(MIN_HALF_LIFE_DAYS..=MAX_HALF_LIFE_DAYS).contains(&half_life_days) {
            return refuse(
                &format!("{path}.half_life_days"),
                format!("from one hour ({MIN_HALF_LIFE_DAYS:.4} days) to {MAX_HALF_LIFE_DAYS} days"),
            );
        }
        let Some(list) = obj.get("rules").and_then(Value::as_array) else {
            return refuse(&format!("{path}.rules"), "expected a list of rules");
        };
        if list.is_empty() || list.len() > MAX_RULES {
            return refuse(&format!("{path}.rules"), format!("from 1 to {MAX_RULES} rules"));
        }
        let mut rules = Vec::with_capacity(list.len());
        for (i, r) in list.iter().enumerate() {
            rules.push(parse_rule(r, &format!("{path}.rules[{i}]"), field)?);
        }
        Ok(Model { key, name, half_life_days, rules, version: 1 })
    }

    pub fn to_json(&self) -> Value {
        json!({
            "key": self.key, "name": self.name, "half_life_days": self.half_life_days, "version": self.version,
            "rules": self.rules.iter().map(Rule::to_json).collect::<Vec<_>>(),
        })
    }

    /// The model in words, for the records of processing and the admin list.
    pub fn describe(&self) -> String {
        let rules: Vec<String> = self.rules.iter().map(Rule::describe).collect();
        format!(
            "\"{}\" ({}): {}; every event's points halve every {} days",
            self.name,
            self.key,
            rules.join("; "),
            trim_number(self.half_life_days)
        )
    }

    /// Whether any rule reads `what` (to load only what is needed).
    pub fn reads(&self, what: fn(&On) -> bool) -> bool {
        self.rules.iter().any(|r| what(&r.on))
    }
}

fn trim_number(n: f64) -> String {
    let s = format!("{n:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn parse_rule(v: &Value, path: &str, field: &dyn Fn(&str) -> Option<FieldKind>) -> Result<Rule, ModelError> {
    let Some(obj) = v.as_object() else { return refuse(path, "expected a rule: {\"on\": …, \"points\": …}") };
    let on_name = text(obj.get("on"), &format!("{path}.on"), 40)?;
    let takes: &[&str] =
        match on_name.as_str() {
            "opened" | "unsubscribed" | "bounced" => &[],
            "clicked" | "page_viewed" => &["url"],
            "custom" => &["name", "properties"],
            "form_submitted" => &["form"],
            "ordered" => &["per_unit"],
            "field" => &["field", "op", "value"],
            _ => return refuse(
                &format!("{path}.on"),
                "one of opened, clicked, page_viewed, custom, form_submitted, ordered, field, unsubscribed, bounced",
            ),
        };
    if let Some(k) = obj.keys().find(|k| !["on", "points", "cap"].contains(&k.as_str()) && !takes.contains(&k.as_str()))
    {
        let mut all = vec!["on", "points", "cap"];
        all.extend_from_slice(takes);
        return refuse(&format!("{path}.{k}"), format!("not part of this rule (it takes {})", all.join(", ")));
    }
    let points_path = format!("{path}.points");
    let points = match (obj.get("points"), on_name.as_str()) {
        (None, "ordered") if obj.contains_key("per_unit") => 0.0,
        (v, _) => number(v, &points_path)?,
    };
    if points.abs() > MAX_POINTS {
        return refuse(&points_path, format!("from -{MAX_POINTS} to {MAX_POINTS}"));
    }
    let opt_text = |k: &str| obj.get(k).map(|v| text(Some(v), &format!("{path}.{k}"), TEXT_MAX)).transpose();
    let on = match on_name.as_str() {
        "opened" => On::Opened,
        "unsubscribed" => On::Unsubscribed,
        "bounced" => On::Bounced,
        "clicked" => On::Clicked { url: opt_text("url")? },
        "page_viewed" => On::PageViewed { url: text(obj.get("url"), &format!("{path}.url"), TEXT_MAX)? },
        "custom" => {
            let name = text(obj.get("name"), &format!("{path}.name"), 64)?;
            let mut properties = Vec::new();
            match obj.get("properties") {
                None | Some(Value::Null) => {}
                Some(Value::Object(m)) => {
                    if m.len() > MAX_PROPERTIES {
                        return refuse(&format!("{path}.properties"), format!("at most {MAX_PROPERTIES} properties"));
                    }
                    for (k, v) in m {
                        let kp = format!("{path}.properties.{k}");
                        if k.trim().is_empty() || k.chars().count() > 64 {
                            return refuse(&kp, "a property name of 1 to 64 characters");
                        }
                        properties.push((k.trim().to_string(), text(Some(v), &kp, TEXT_MAX)?));
                    }
                }
                Some(_) => return refuse(&format!("{path}.properties"), "expected {\"name\": \"value\", …}"),
            }
            On::Custom { name, properties }
        }
        "form_submitted" => On::FormSubmitted { form: opt_text("form")? },
        "ordered" => {
            let per_unit = obj.get("per_unit").map(|v| number(Some(v), &format!("{path}.per_unit"))).transpose()?;
            if per_unit.is_some_and(|p| p.abs() > MAX_POINTS) {
                return refuse(&format!("{path}.per_unit"), format!("from -{MAX_POINTS} to {MAX_POINTS}"));
            }
            On::Ordered { per_unit }
        }
        _ => {
            let fpath = format!("{path}.field");
            let name = text(obj.get("field"), &fpath, 64)?;
            if segment::is_activity(&name) {
                // Aggregates of opens and visits would count measurement the person may not
                // have allowed: events score through the event rules, under their consent.
                return refuse(&fpath, "engagement counts score through the event rules (opened, clicked, …)");
            }
            let Some(kind) = segment::builtin_kind(&name).or_else(|| field(&name)) else {
                return refuse(&fpath, format!("no field \"{name}\""));
            };
            let op = segment::parse_op(obj, kind, path)?;
            On::Field { field: name, kind, op }
        }
    };
    let cap = match obj.get("cap") {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => {
            let cpath = format!("{path}.cap");
            if let Some(k) = m.keys().find(|k| !["points", "days"].contains(&k.as_str())) {
                return refuse(&format!("{cpath}.{k}"), "a cap has points and days");
            }
            let cap_points = number(m.get("points"), &format!("{cpath}.points"))?;
            if cap_points <= 0.0 || cap_points > MAX_POINTS * 100.0 {
                return refuse(&format!("{cpath}.points"), "a positive number of points");
            }
            let days = number(m.get("days"), &format!("{cpath}.days"))?;
            if days.fract() != 0.0 || days < 1.0 || days > f64::from(MAX_CAP_DAYS) {
                return refuse(&format!("{cpath}.days"), format!("a whole number of days from 1 to {MAX_CAP_DAYS}"));
            }
            if matches!(on_name.as_str(), "field") {
                return refuse(&cpath, "a field rule gives its points once: nothing to cap");
            }
            Some(Cap { points: cap_points, days: days as u32 })
        }
        Some(_) => return refuse(&format!("{path}.cap"), "expected {\"points\": …, \"days\": …}"),
    };
    Ok(Rule { on, points, cap })
}

impl Rule {
    pub fn to_json(&self) -> Value {
        let mut m = json!({ "on": self.on.name(), "points": self.points });
        match &self.on {
            On::Clicked { url: Some(u) } | On::PageViewed { url: u } => m["url"] = json!(u),
            On::Custom { name, properties } => {
                m["name"] = json!(name);
                if !properties.is_empty() {
                    let props: Map<String, Value> = properties.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
                    m["properties"] = Value::Object(props);
                }
            }
            On::FormSubmitted { form: Some(f) } => m["form"] = json!(f),
            On::Ordered { per_unit: Some(p) } => m["per_unit"] = json!(p),
            On::Field { field, op, kind } => {
                // The segment condition's JSON carries the operator and value the same way.
                let c = segment::Condition::Field { field: field.clone(), kind: *kind, op: op.clone() }.to_json();
                m["field"] = json!(field);
                m["op"] = c["op"].clone();
                if let Some(v) = c.get("value") {
                    m["value"] = v.clone();
                }
            }
            _ => {}
        }
        if let Some(c) = &self.cap {
            m["cap"] = json!({ "points": c.points, "days": c.days });
        }
        m
    }

    /// The rule in words ("clicked a link containing \"/pricing\": +5, at most 30 per 7 days").
    pub fn describe(&self) -> String {
        let what = match &self.on {
            On::Opened => "opened an email (with engagement measurement allowed)".to_string(),
            On::Clicked { url: None } => "clicked a link in an email (with engagement measurement allowed)".into(),
            On::Clicked { url: Some(u) } => {
                format!("clicked a link containing \"{u}\" (with engagement measurement allowed)")
            }
            On::PageViewed { url } => format!("viewed a page containing \"{url}\" (with website tracking allowed)"),
            On::Custom { name, properties } if properties.is_empty() => {
                format!("performed \"{name}\" (with website tracking allowed)")
            }
            On::Custom { name, properties } => format!(
                "performed \"{name}\" where {} (with website tracking allowed)",
                properties.iter().map(|(k, v)| format!("{k} = \"{v}\"")).collect::<Vec<_>>().join(" and ")
            ),
            On::FormSubmitted { form: None } => "submitted a form".into(),
            On::FormSubmitted { form: Some(f) } => format!("submitted form {f}"),
            On::Ordered { .. } => "ordered".into(),
            On::Field { field, op, kind } => {
                let c = segment::Condition::Field { field: field.clone(), kind: *kind, op: op.clone() }.to_json();
                match c.get("value") {
                    Some(v) => format!("the field {field} {} {v} (while it holds; no decay)", op.name()),
                    None => format!("the field {field} {} (while it holds; no decay)", op.name()),
                }
            }
            On::Unsubscribed => "unsubscribed".into(),
            On::Bounced => "an email to them bounced".into(),
        };
        let mut pts = format!("{:+}", self.points);
        if let On::Ordered { per_unit: Some(p) } = &self.on {
            pts = format!("{pts} and {p:+} per unit of the order's amount");
        }
        match &self.cap {
            Some(c) => format!("{what}: {pts} points, at most {} per {} days", trim_number(c.points), c.days),
            None => format!("{what}: {pts} points"),
        }
    }
}

/// What scoring knows of one contact.
pub struct Facts<'a> {
    pub contact: &'a Contact,
    pub consents: &'a ConsentStates,
    /// The contact's stored events (any order).
    pub events: &'a [Event],
    /// (form id, when) of each form submission.
    pub forms: &'a [(String, DateTime<Utc>)],
    /// When each hard or soft bounce was recorded.
    pub bounces: &'a [DateTime<Utc>],
    /// When the contact unsubscribed, while their status says so.
    pub unsubscribed_at: Option<DateTime<Utc>>,
    /// The time zone date fields are read in.
    pub zone: Tz,
    /// Whether the person may be measured for a purpose ([`On::needs`]): the rule tracking
    /// applies when it records, so that scoring counts what tracking would record now.
    pub measured: &'a dyn Fn(&str) -> bool,
}

/// One rule's part in a score.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The rule's index in the model.
    pub rule: usize,
    /// Events counted (a field rule: 1 while the field holds).
    pub counted: u32,
    /// Events the cap cut (in part or whole).
    pub capped: u32,
    /// Points before decay (after the cap).
    pub raw: f64,
    /// Points now.
    pub decayed: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub model: String,
    pub total: f64,
    /// The part that does not decay (field rules).
    pub steady: f64,
    pub half_life_days: f64,
    pub parts: Vec<Part>,
    /// The next moment the score changes other than by decay: an event dated ahead of now
    /// starts counting, or a field rule on a date turns.
    pub next_change: Option<DateTime<Utc>>,
}

/// A score as a segment condition reads it: enough to say when a threshold turns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Now {
    pub total: f64,
    pub steady: f64,
    pub half_life_days: f64,
    pub next_change: Option<DateTime<Utc>>,
}

impl Breakdown {
    pub fn now(&self) -> Now {
        Now {
            total: self.total,
            steady: self.steady,
            half_life_days: self.half_life_days,
            next_change: self.next_change,
        }
    }
}

/// Whether the person objected to profiling (withdrew the purpose). A purpose on legitimate
/// interest stands until objected to: never asked is not an objection.
pub fn objected(consents: &ConsentStates) -> bool {
    consents.get(PROFILING).is_some_and(|(s, _)| *s == ConsentState::Withdrawn)
}

/// Whether an address contains a rule's part of it (letters in any case).
fn url_has(url: Option<&str>, part: &str) -> bool {
    url.is_some_and(|u| u.to_lowercase().contains(&part.to_lowercase()))
}

fn property_is(e: &Event, key: &str, want: &str) -> bool {
    let props: Value = serde_json::from_str(&e.properties).unwrap_or(Value::Null);
    match props.get(key) {
        Some(Value::String(s)) => s.eq_ignore_ascii_case(want),
        Some(Value::Null) | None => false,
        Some(other) => other.to_string().eq_ignore_ascii_case(want),
    }
}

/// Each (time, raw points) the rule gives from the facts, before the cap.
fn hits(on: &On, points: f64, f: &Facts) -> Vec<(DateTime<Utc>, f64)> {
    if on.needs().is_some_and(|p| !(f.measured)(p)) {
        return Vec::new();
    }
    let events = |want: &dyn Fn(&Event) -> bool| -> Vec<(DateTime<Utc>, f64)> {
        f.events.iter().filter(|e| e.machine.is_none() && want(e)).map(|e| (e.at, points)).collect()
    };
    match on {
        On::Opened => events(&|e| e.kind == EventKind::Open),
        On::Clicked { url } => {
            events(&|e| e.kind == EventKind::Click && url.as_ref().is_none_or(|u| url_has(e.url.as_deref(), u)))
        }
        On::PageViewed { url } => events(&|e| e.kind == EventKind::PageView && url_has(e.url.as_deref(), url)),
        On::Custom { name, properties } => events(&|e| {
            e.kind == EventKind::Custom
                && e.name.as_deref() == Some(name.as_str())
                && properties.iter().all(|(k, v)| property_is(e, k, v))
        }),
        On::Ordered { per_unit } => f
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Order && e.machine.is_none())
            .map(|e| {
                let amount = e.amount_cents.unwrap_or(0) as f64 / 100.0;
                (e.at, points + per_unit.unwrap_or(0.0) * amount)
            })
            .collect(),
        On::FormSubmitted { form } => f
            .forms
            .iter()
            .filter(|(id, _)| {
                // A form is named by its id, or by its reference (`form:<id>`) as the admin shows it.
                form.as_ref().is_none_or(|want| want.trim_start_matches("form:").eq_ignore_ascii_case(id))
            })
            .map(|(_, at)| (*at, points))
            .collect(),
        On::Unsubscribed => f.unsubscribed_at.map(|at| vec![(at, points)]).unwrap_or_default(),
        On::Bounced => f.bounces.iter().map(|at| (*at, points)).collect(),
        On::Field { .. } => Vec::new(),
    }
}

/// `0.5^(age / half_life)`.
fn decay(age: Duration, half_life_days: f64) -> f64 {
    let days = age.num_milliseconds() as f64 / 86_400_000.0;
    0.5_f64.powf(days.max(0.0) / half_life_days)
}

/// The contact's score in `model` now, rule by rule; None when they objected to profiling.
pub fn score(model: &Model, facts: &Facts, now: DateTime<Utc>) -> Option<Breakdown> {
    if objected(facts.consents) {
        return None;
    }
    let mut out = Breakdown {
        model: model.key.clone(),
        total: 0.0,
        steady: 0.0,
        half_life_days: model.half_life_days,
        parts: Vec::with_capacity(model.rules.len()),
        next_change: None,
    };
    let later = |at: DateTime<Utc>, next: &mut Option<DateTime<Utc>>| {
        if next.is_none_or(|n| at < n) {
            *next = Some(at);
        }
    };
    for (i, rule) in model.rules.iter().enumerate() {
        let mut part = Part { rule: i, counted: 0, capped: 0, raw: 0.0, decayed: 0.0 };
        if let On::Field { field, kind, op } = &rule.on {
            let activity = Activity::default();
            let sf = segment::Facts {
                contact: facts.contact,
                consents: facts.consents,
                activity: &activity,
                restricted: false,
                events: &[],
                score: &|_| None,
                member_of: &|_| false,
            };
            let ctx = Context { now, zone: facts.zone };
            let value = sf.field(field, *kind);
            let (matched, flip) = segment::compare(op, &value, &ctx, facts.zone);
            if let Some(at) = flip {
                later(at, &mut out.next_change);
            }
            if matched {
                part.counted = 1;
                part.raw = rule.points;
                part.decayed = rule.points;
                out.steady += rule.points;
            }
            out.total += part.decayed;
            out.parts.push(part);
            continue;
        }
        let mut hits = hits(&rule.on, rule.points, facts);
        // Counted in time order: the earliest events in a cap's window count first.
        hits.sort_by_key(|(at, _)| *at);
        let mut windows: BTreeMap<i64, f64> = BTreeMap::new();
        for (at, points) in hits {
            if at > now {
                // Dated ahead (a clock a little fast): it counts from its time.
                later(at, &mut out.next_change);
                continue;
            }
            let points = match &rule.cap {
                None => points,
                Some(cap) => {
                    let span = i64::from(cap.days) * 86_400;
                    let sum = windows.entry(at.timestamp().div_euclid(span)).or_insert(0.0);
                    let allowed = (*sum + points).clamp(-cap.points, cap.points) - *sum;
                    *sum += allowed;
                    if (allowed - points).abs() > 1e-9 {
                        part.capped += 1;
                    }
                    allowed
                }
            };
            if points == 0.0 && rule.cap.is_some() {
                continue;
            }
            part.counted += 1;
            part.raw += points;
            part.decayed += points * decay(now - at, model.half_life_days);
        }
        out.total += part.decayed;
        out.parts.push(part);
    }
    Some(out)
}

/// The first moment after `now` at which a score compared with `threshold` turns, by decay
/// alone or by what [`Now::next_change`] says: `S(t) = steady + D·0.5^((t − now)/h)` with
/// `D = total − steady` meets the threshold when `0.5^(τ/h) = (x − steady)/D`.
pub fn next_crossing(s: &Now, thresholds: &[f64], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let decaying = s.total - s.steady;
    let mut best = s.next_change.filter(|t| *t > now);
    if decaying.abs() > 1e-12 {
        for x in thresholds {
            let r = (x - s.steady) / decaying;
            if !(r > 0.0 && r <= 1.0) {
                continue;
            }
            let days = -s.half_life_days * r.log2();
            // Beyond a century nothing needs a timer.
            if !days.is_finite() || days > 36_600.0 {
                continue;
            }
            let at = now + Duration::milliseconds((days * 86_400_000.0).ceil() as i64);
            if best.is_none_or(|b| at < b) {
                best = Some(at);
            }
        }
    }
    best
}

/// The thresholds a comparison turns at.
pub fn thresholds(op: &Op) -> Vec<f64> {
    match op {
        Op::Gt(x) | Op::Gte(x) | Op::Lt(x) | Op::Lte(x) => vec![*x],
        Op::Between(a, b) => vec![*a, *b],
        Op::Equals(s) | Op::NotEquals(s) => s.parse().map(|x| vec![x]).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// How a score reads in a segment condition: whether it matches and when that may turn.
pub fn condition(op: &Op, s: Option<&Now>, ctx: &Context) -> (bool, Option<DateTime<Utc>>) {
    let value = s.map(|s| Scalar::Number(s.total));
    let (matched, _) = segment::compare(op, &value, ctx, ctx.zone);
    (matched, s.and_then(|s| next_crossing(s, &thresholds(op), ctx.now)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EmailAddress, FieldValue, Source};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn no_fields(_: &str) -> Option<FieldKind> {
        None
    }

    fn model(rules: Value, half_life: f64) -> Model {
        Model::parse(&json!({"key": "m", "name": "M", "half_life_days": half_life, "rules": rules}), &no_fields)
            .unwrap()
    }

    fn ev(kind: EventKind, when: &str) -> Event {
        Event::new(kind, at(when), "pixel")
    }

    fn consents(granted: &[&str], withdrawn: &[&str]) -> ConsentStates {
        let mut c = ConsentStates::new();
        for p in granted {
            c.insert(p.to_string(), (ConsentState::Granted, at("2026-01-01T00:00:00Z")));
        }
        for p in withdrawn {
            c.insert(p.to_string(), (ConsentState::Withdrawn, at("2026-01-01T00:00:00Z")));
        }
        c
    }

    fn contact() -> Contact {
        Contact::new(EmailAddress::parse("ann@example.org").unwrap(), Source::Api, String::new())
    }

    fn run(m: &Model, c: &Contact, cs: &ConsentStates, events: &[Event], now: &str) -> Option<Breakdown> {
        let facts = Facts {
            contact: c,
            consents: cs,
            events,
            forms: &[],
            bounces: &[],
            unsubscribed_at: None,
            zone: chrono_tz::UTC,
            measured: &|p| cs.get(p).is_some_and(|(s, _)| *s == ConsentState::Granted),
        };
        score(m, &facts, at(now))
    }

    #[test]
    fn points_halve_every_half_life() {
        let m = model(json!([{"on": "opened", "points": 10}]), 10.0);
        let c = contact();
        let cs = consents(&["engagement"], &[]);
        let events = [ev(EventKind::Open, "2026-12-01T00:00:00Z"), ev(EventKind::Open, "2026-12-11T00:00:00Z")];
        let b = run(&m, &c, &cs, &events, "2026-12-11T00:00:00Z").unwrap();
        // 10 × 0.5 + 10 × 1.
        assert!((b.total - 15.0).abs() < 1e-9, "{b:?}");
        assert_eq!((b.parts[0].counted, b.parts[0].raw), (2, 20.0));
        let later = run(&m, &c, &cs, &events, "2026-12-21T00:00:00Z").unwrap();
        assert!((later.total - 7.5).abs() < 1e-9, "{later:?}");
    }

    #[test]
    fn a_cap_limits_raw_points_per_calendar_window() {
        // 7-day windows from 1970-01-01 (a Thursday): 2026-12-03 starts one.
        let m = model(json!([{"on": "opened", "points": 10, "cap": {"points": 25, "days": 7}}]), 1000.0);
        let c = contact();
        let cs = consents(&["engagement"], &[]);
        let events = [
            ev(EventKind::Open, "2026-12-03T01:00:00Z"),
            ev(EventKind::Open, "2026-12-04T01:00:00Z"),
            ev(EventKind::Open, "2026-12-05T01:00:00Z"),
            ev(EventKind::Open, "2026-12-06T01:00:00Z"),
            // The next window.
            ev(EventKind::Open, "2026-12-10T01:00:00Z"),
        ];
        let b = run(&m, &c, &cs, &events, "2026-12-10T01:00:00Z").unwrap();
        let p = &b.parts[0];
        assert_eq!((p.raw, p.counted, p.capped), (35.0, 4, 2), "{p:?}");
    }

    #[test]
    fn consent_decides_what_counts_and_machines_never_do() {
        let m = model(
            json!([{"on": "opened", "points": 1}, {"on": "page_viewed", "url": "/Pricing", "points": 5}, {"on": "ordered", "points": 2, "per_unit": 0.1}]),
            30.0,
        );
        let c = contact();
        let now = "2026-12-07T00:00:00Z";
        let mut page = ev(EventKind::PageView, now);
        page.url = Some("https://shop.example/pricing?x=1".into());
        let mut scanner = ev(EventKind::Open, now);
        scanner.machine = Some("link scanner".into());
        let mut order = ev(EventKind::Order, now);
        order.amount_cents = Some(5_000);
        let events = [ev(EventKind::Open, now), scanner, page, order];
        let all = run(&m, &c, &consents(&["engagement", "website_tracking"], &[]), &events, now).unwrap();
        assert_eq!(all.parts.iter().map(|p| p.counted).collect::<Vec<_>>(), vec![1, 1, 1]);
        assert!((all.total - (1.0 + 5.0 + 7.0)).abs() < 1e-9, "{all:?}");
        // Engagement withdrawn: the open's point is gone at once; orders are the shop's own.
        let some = run(&m, &c, &consents(&["website_tracking"], &["engagement"]), &events, now).unwrap();
        assert!((some.total - 12.0).abs() < 1e-9, "{some:?}");
        let none = run(&m, &c, &ConsentStates::new(), &events, now).unwrap();
        assert!((none.total - 7.0).abs() < 1e-9, "never asked is not granted: {none:?}");
        // Objected to profiling: no score at all.
        assert_eq!(run(&m, &c, &consents(&["engagement"], &["profiling"]), &events, now), None);
        assert!(run(&m, &c, &consents(&["engagement", "profiling"], &[]), &events, now).is_some());
    }

    #[test]
    fn a_threshold_turns_at_the_moment_decay_takes_the_score_across_it() {
        let m = model(
            json!([{"on": "opened", "points": 80}, {"on": "field", "field": "first_name", "op": "equals", "value": "Ann", "points": 10}]),
            7.0,
        );
        let mut c = contact();
        c.first_name = "Ann".into();
        let cs = consents(&["engagement"], &[]);
        let events = [ev(EventKind::Open, "2026-12-01T00:00:00Z")];
        let b = run(&m, &c, &cs, &events, "2026-12-01T00:00:00Z").unwrap();
        assert_eq!((b.total, b.steady), (90.0, 10.0));
        let now = at("2026-12-01T00:00:00Z");
        let ctx = Context { now, zone: chrono_tz::UTC };
        // 10 + 80·0.5^(τ/7) = 50 → τ = 7 days exactly.
        let (matched, flip) = condition(&Op::Gte(50.0), Some(&b.now()), &ctx);
        assert!(matched);
        assert_eq!(flip, Some(at("2026-12-08T00:00:00Z")));
        // And at that moment (and a millisecond after) the score is on the other side.
        let after = run(&m, &c, &cs, &events, "2026-12-08T00:00:00.001Z").unwrap();
        assert!(after.total < 50.0, "{after:?}");
        // A threshold the steady part alone meets never turns by decay.
        assert_eq!(condition(&Op::Gte(5.0), Some(&b.now()), &ctx).1, None);
        // No score, no timer.
        assert_eq!(condition(&Op::Gte(5.0), None, &ctx), (false, None));
    }

    #[test]
    fn negative_points_rise_back_towards_the_steady_part() {
        let m = model(json!([{"on": "bounced", "points": -40}]), 1.0);
        let c = contact();
        let cs = ConsentStates::new();
        let bounces = [at("2026-12-07T00:00:00Z")];
        let facts = Facts {
            contact: &c,
            consents: &cs,
            events: &[],
            forms: &[],
            bounces: &bounces,
            unsubscribed_at: None,
            zone: chrono_tz::UTC,
            measured: &|_| false,
        };
        let now = at("2026-12-07T00:00:00Z");
        let b = score(&m, &facts, now).unwrap();
        assert_eq!(b.total, -40.0);
        let (matched, flip) = condition(&Op::Gt(-10.0), Some(&b.now()), &Context { now, zone: chrono_tz::UTC });
        assert!(!matched);
        // -40·0.5^τ = -10 → τ = 2 days.
        assert_eq!(flip, Some(at("2026-12-09T00:00:00Z")));
    }

    #[test]
    fn refusals_name_the_place() {
        let parse = |v: Value| Model::parse(&v, &|k| (k == "shoe_size").then_some(FieldKind::Number)).unwrap_err();
        let base = |rules: Value| json!({"key": "m", "name": "M", "half_life_days": 30, "rules": rules});
        let e = parse(base(json!([{"on": "opened", "points": "many"}])));
        assert_eq!(e.path, "model.rules[0].points");
        let e = parse(base(
            json!([{"on": "opened", "points": 1}, {"on": "clicked", "points": 1, "cap": {"points": 5, "days": 0}}]),
        ));
        assert_eq!(e.path, "model.rules[1].cap.days");
        let e =
            parse(base(json!([{"on": "field", "field": "shoe_size", "op": "contains", "value": "3", "points": 1}])));
        assert_eq!(e.path, "model.rules[0].op");
        let e = parse(base(json!([{"on": "field", "field": "opens", "op": "gt", "value": 3, "points": 1}])));
        assert_eq!(e.path, "model.rules[0].field");
        let e = parse(base(json!([{"on": "page_viewed", "points": 1}])));
        assert_eq!(e.path, "model.rules[0].url");
        let e = parse(base(json!([{"on": "opened", "url": "/x", "points": 1}])));
        assert_eq!(e.path, "model.rules[0].url");
        let e = parse(json!({"key": "Not A Key", "name": "M", "half_life_days": 30, "rules": []}));
        assert_eq!(e.path, "model.key");
        let e = parse(json!({"key": "m", "name": "M", "half_life_days": 0, "rules": [{"on": "opened", "points": 1}]}));
        assert_eq!(e.path, "model.half_life_days");
        let many: Vec<Value> = (0..=MAX_RULES).map(|_| json!({"on": "opened", "points": 1})).collect();
        assert_eq!(parse(base(json!(many))).path, "model.rules");
    }

    #[test]
    fn json_round_trips_and_reads_in_words() {
        let v = json!({"key": "intent", "name": "Purchase intent", "half_life_days": 14.0, "version": 1, "rules": [
            {"on": "opened", "points": 1.0, "cap": {"points": 30.0, "days": 7}},
            {"on": "clicked", "url": "/pricing", "points": 5.0},
            {"on": "page_viewed", "url": "/pricing", "points": 3.0},
            {"on": "custom", "name": "product_viewed", "properties": {"category": "shoes"}, "points": 2.0},
            {"on": "form_submitted", "form": "f1", "points": 10.0},
            {"on": "ordered", "points": 20.0, "per_unit": 0.1},
            {"on": "field", "field": "shoe_size", "op": "gte", "value": 40.0, "points": 15.0},
            {"on": "unsubscribed", "points": -20.0},
            {"on": "bounced", "points": -10.0},
        ]});
        let field = |k: &str| (k == "shoe_size").then_some(FieldKind::Number);
        let m = Model::parse(&v, &field).unwrap();
        assert_eq!(m.to_json(), v);
        assert_eq!(Model::parse(&m.to_json(), &field).unwrap(), m);
        let words = m.describe();
        assert!(words.contains("at most 30 per 7 days") && words.contains("halve every 14 days"), "{words}");
    }

    #[test]
    fn field_rules_hold_without_decay_and_events_ahead_of_now_count_from_their_time() {
        let m = model(
            json!([{"on": "field", "field": "tags", "op": "contains", "value": "vip", "points": 5}, {"on": "ordered", "points": 10}]),
            1.0,
        );
        let mut c = contact();
        c.tags.insert("VIP".into());
        c.custom.insert("x".into(), FieldValue::Bool(true));
        let cs = ConsentStates::new();
        let order = ev(EventKind::Order, "2026-12-07T00:05:00Z");
        let b = run(&m, &c, &cs, &[order], "2026-12-07T00:00:00Z").unwrap();
        assert_eq!((b.total, b.steady, b.parts[1].counted), (5.0, 5.0, 0));
        assert_eq!(b.next_change, Some(at("2026-12-07T00:05:00Z")));
        let ctx = Context { now: at("2026-12-07T00:00:00Z"), zone: chrono_tz::UTC };
        assert_eq!(condition(&Op::Gte(10.0), Some(&b.now()), &ctx).1, Some(at("2026-12-07T00:05:00Z")));
    }
}
