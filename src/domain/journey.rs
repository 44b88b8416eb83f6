//! Journeys: a contact enters a *run* of a journey through a trigger, and the run walks named
//! steps (send, wait, branch, split, update, notify, exit) until it exits or reaches its goal.
//! Pure: the engine brings the store, the timers and the clock; everything here is a function of
//! its arguments (`now` and the time zone included), so that it can be tested across DST changes.
//!
//! The same JSON in the API and the editor:
//! `{"triggers": [...], "start": "welcome", "steps": {"welcome": {...}, ...}, "rules": {...},
//! "goal": {...} | null}`. Parsing is strict (an unknown key is refused) and names the offending
//! place: `steps.pause.wait.days: a whole number from 0 to 365`. What a well-formed journey can
//! still get wrong (an unreachable step, a loop that never waits, a send without its consent
//! purpose) is [`Definition::validate`]'s: the editor shows those before publishing, and saves a
//! draft that has them.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::str::FromStr;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use super::contact::{parse_locale, parse_name, parse_tag, parse_time_zone, slugify};
use super::segment::{builtin_kind, event_json, parse_event, EventMatch, Filter, FilterError, Schema};
use super::{EmailAddress, FieldKind, RunId, SegmentId};

/// A journey has at most this many steps and triggers: the editor draws every step, and the
/// checks below walk the graph once per step.
pub const MAX_STEPS: usize = 100;
pub const MAX_TRIGGERS: usize = 20;
pub const MAX_STEP_ID: usize = 40;
/// A condition's branches and a split's arms.
pub const MAX_BRANCHES: usize = 20;
pub const MAX_ARMS: usize = 10;
/// A send's subject in characters (before merge fields) and body in bytes of Markdown.
pub const MAX_SUBJECT: usize = 200;
pub const MAX_BODY: usize = 100 * 1024;
pub const MAX_PREHEADER: usize = 300;
/// A notification's text, in characters.
pub const MAX_NOTE: usize = 10_000;
/// Other texts (names, labels, purposes, cron expressions), in characters.
pub const MAX_TEXT: usize = 200;
/// Waits and timeouts are at most a year; date offsets at most a year either way.
pub const MAX_SPAN_DAYS: u32 = 365;
pub const MAX_OFFSET_DAYS: i32 = 365;
pub const MAX_COOLDOWN_DAYS: u32 = 3_660;
/// What one update step changes: items per tag or list change, fields set.
pub const MAX_CHANGES: usize = 100;
pub const MAX_SET_FIELDS: usize = 50;

/// A step's name, the key in `steps`: 1 to 40 of `a-z`, `0-9`, `_` and `-`.
pub type StepId = String;

#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    pub triggers: Vec<Trigger>,
    pub start: StepId,
    pub steps: BTreeMap<StepId, Step>,
    pub rules: Rules,
    pub goal: Option<Goal>,
}

/// How a contact enters a run.
#[derive(Debug, Clone, PartialEq)]
pub enum Trigger {
    SegmentEntered(SegmentId),
    SegmentExited(SegmentId),
    /// The same matcher as a segment's `performed` condition.
    Event(EventMatch),
    /// A form's id (hyphenated, lower case); `None`: any form.
    FormSubmitted(Option<String>),
    FormConfirmed(Option<String>),
    /// A consent purpose's key.
    ConsentGranted(String),
    /// A tag, lower-cased as contacts store them.
    TagAdded(String),
    Date(DateTrigger),
    /// At each time of a cron schedule, the members of a segment (or every subscribed contact)
    /// enter.
    Schedule(ScheduleTrigger),
    /// Staff put contacts in by hand (or through the API).
    Manual,
}

/// Enters, at each time of `cron`, the members of `segment` (`None`: every contact whose status
/// is subscribed). The rules decide who may enter again.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleTrigger {
    /// A cron expression in the `cron` crate's syntax (seconds first, 6 or 7 fields), read in
    /// the shop's time zone.
    pub cron: String,
    pub segment: Option<SegmentId>,
}

/// Enters on a date field's day (`offset_days` before or after it), at a local time.
#[derive(Debug, Clone, PartialEq)]
pub struct DateTrigger {
    pub field: String,
    /// Every year on the date's month and day (birthdays), rather than once.
    pub anniversary: bool,
    pub offset_days: i32,
    pub at: NaiveTime,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Send {
        message: Message,
        next: StepId,
    },
    Wait {
        span: Span,
        next: StepId,
    },
    /// Until the next `at` in the contact's local time on one of `weekdays` (empty: any day).
    WaitUntil {
        at: NaiveTime,
        weekdays: Vec<Weekday>,
        next: StepId,
    },
    /// Until a date field's day (shifted by `offset_days`) at `at`, local time.
    WaitUntilDate {
        field: String,
        offset_days: i32,
        at: NaiveTime,
        anniversary: bool,
        next: StepId,
    },
    /// The first branch whose filter matches; `otherwise` when none does.
    Condition {
        branches: Vec<Branch>,
        otherwise: StepId,
    },
    /// `yes` as soon as the awaited happens, `no` when the timeout passes first.
    WaitFor {
        what: Awaited,
        timeout: Span,
        yes: StepId,
        no: StepId,
    },
    /// Each run goes down one arm, chosen by [`choose_arm`].
    Split {
        arms: Vec<Arm>,
    },
    Update {
        changes: Update,
        next: StepId,
    },
    /// A plain-text mail to staff (not to the contact).
    Notify {
        to: String,
        subject: String,
        text: String,
        next: StepId,
    },
    Exit,
}

/// What a send step sends. Subject and body may hold merge fields (`{{ first_name }}`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    pub subject: String,
    /// Markdown.
    pub body: String,
    pub preheader: String,
    /// A sender identity; empty: the shop's default.
    pub sender: String,
    /// The consent purpose the message is sent under (`newsletter`): only contacts who granted
    /// it receive it. Required before publishing ([`Definition::validate`]).
    pub purpose: String,
    /// Send-time optimisation: the run waits for the contact's best hour within this many
    /// hours of reaching the step (1 to 72), then sends; None sends at once.
    pub best_time_within_hours: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub days: u32,
    pub hours: u32,
    pub minutes: u32,
}

impl Span {
    /// An exact length of time (a wait of 1 day across a DST change is 24 hours).
    pub fn duration(&self) -> Duration {
        Duration::minutes(self.total_minutes())
    }

    pub fn total_minutes(&self) -> i64 {
        i64::from(self.days) * 1440 + i64::from(self.hours) * 60 + i64::from(self.minutes)
    }

    pub fn to_json(&self) -> Value {
        json!({"days": self.days, "hours": self.hours, "minutes": self.minutes})
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    pub filter: Filter,
    pub next: StepId,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Awaited {
    Event(EventMatch),
    /// Until the contact is a member of the segment.
    Segment(SegmentId),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arm {
    /// 1 to 100; a split's arms add up to 100.
    pub percent: u8,
    pub next: StepId,
    pub label: String,
    /// The control group: counted in the split's report as the ones the journey held back.
    pub holdout: bool,
}

/// Changes to the contact. Tags are lower-cased and lists are their machine names (slugs), as
/// contacts store them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Update {
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    pub add_lists: Vec<String>,
    pub remove_lists: Vec<String>,
    /// Field name to value as text; an empty value clears the field. Choice fields' options
    /// are checked when the update is applied (the schema here knows types, not options).
    pub set_fields: BTreeMap<String, String>,
}

impl Update {
    pub fn is_empty(&self) -> bool {
        self.add_tags.is_empty()
            && self.remove_tags.is_empty()
            && self.add_lists.is_empty()
            && self.remove_lists.is_empty()
            && self.set_fields.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rules {
    pub reentry: Reentry,
    /// With an event trigger: events with the same value of this property enter once (one
    /// run per order, however often the shop resends it).
    pub dedupe_property: Option<String>,
    /// (from, to) in the contact's local time; may wrap midnight. Sends falling inside wait
    /// until the window ends ([`out_of_quiet_hours`]).
    pub quiet_hours: Option<(NaiveTime, NaiveTime)>,
    pub frequency_cap: Option<Cap>,
}

/// Whether a contact who has been through the journey may enter it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reentry {
    #[default]
    Never,
    Always,
    /// Once this many days have passed since the last run's entry.
    Cooldown {
        days: u32,
    },
}

/// At most `max` sends from this journey per contact in `hours`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cap {
    pub max: u32,
    pub hours: u32,
    pub then: CapAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapAction {
    /// Send when the cap allows again.
    Defer,
    /// Go on to the next step without sending.
    Skip,
}

/// Reaching the goal ends the run (and counts as a conversion), wherever the run stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Goal {
    Event(EventMatch),
    Segment(SegmentId),
}

/// A refusal (or, from [`Definition::validate`], a finding) with the place in the JSON it is
/// about.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct JourneyError {
    pub path: String,
    pub message: String,
}

impl From<FilterError> for JourneyError {
    fn from(e: FilterError) -> Self {
        JourneyError { path: e.path, message: e.message }
    }
}

type Result<T> = std::result::Result<T, JourneyError>;

fn error(path: &str, message: impl Into<String>) -> JourneyError {
    JourneyError { path: path.to_string(), message: message.into() }
}

fn refuse<T>(path: &str, message: impl Into<String>) -> Result<T> {
    Err(error(path, message))
}

// ---------------------------------------------------------------------------------------------
// Parsing

const TRIGGERS: [&str; 10] = [
    "segment_entered",
    "segment_exited",
    "event",
    "form_submitted",
    "form_confirmed",
    "consent_granted",
    "tag_added",
    "date",
    "schedule",
    "manual",
];

const STEP_KINDS: [&str; 10] =
    ["send", "wait", "wait_until", "wait_until_date", "condition", "wait_for", "split", "update", "notify", "exit"];

impl Definition {
    /// Reads a journey from its JSON, checking every name, reference and value; errors name the
    /// place (`steps.pause.next`).
    pub fn parse(v: &Value, schema: &Schema) -> Result<Definition> {
        let Some(obj) = v.as_object() else {
            return refuse("definition", "expected a journey: {\"triggers\": […], \"start\": …, \"steps\": {…}}");
        };
        only(obj, "", &["triggers", "start", "steps", "rules", "goal"], "a journey")?;
        // The steps' names first: every reference is checked against them as it is read.
        let steps_obj = match obj.get("steps") {
            Some(Value::Object(s)) => s,
            None => return refuse("steps", "required: the steps by name"),
            _ => return refuse("steps", "expected the steps by name: {\"welcome\": {…}, …}"),
        };
        if steps_obj.len() > MAX_STEPS {
            return refuse("steps", format!("a journey has at most {MAX_STEPS} steps"));
        }
        if steps_obj.is_empty() {
            return refuse("steps", "a journey has at least one step");
        }
        for k in steps_obj.keys() {
            if !is_step_id(k) {
                return refuse(
                    "steps",
                    format!("\"{}\" is not a step name: 1 to {MAX_STEP_ID} of a-z, 0-9, _ and -", truncate(k)),
                );
            }
        }
        let ids: BTreeSet<&str> = steps_obj.keys().map(String::as_str).collect();
        let triggers = parse_triggers(obj.get("triggers"), schema)?;
        let start = step_ref(obj.get("start"), "start", &ids)?;
        let mut steps = BTreeMap::new();
        for (k, s) in steps_obj {
            steps.insert(k.clone(), parse_step(s, &format!("steps.{k}"), &ids, schema)?);
        }
        let rules = match obj.get("rules") {
            None | Some(Value::Null) => Rules::default(),
            Some(r) => parse_rules(r)?,
        };
        let goal = match obj.get("goal") {
            None | Some(Value::Null) => None,
            Some(g) => Some(parse_goal(g, schema)?),
        };
        Ok(Definition { triggers, start, steps, rules, goal })
    }

    pub fn to_json(&self) -> Value {
        let steps: Map<String, Value> = self.steps.iter().map(|(k, s)| (k.clone(), s.to_json())).collect();
        json!({
            "triggers": self.triggers.iter().map(Trigger::to_json).collect::<Vec<_>>(),
            "start": self.start,
            "steps": steps,
            "rules": self.rules.to_json(),
            "goal": self.goal.as_ref().map(Goal::to_json),
        })
    }
}

pub fn is_step_id(s: &str) -> bool {
    (1..=MAX_STEP_ID).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Refuses a key not in `keys`, naming it.
fn only(obj: &Map<String, Value>, path: &str, keys: &[&str], what: &str) -> Result<()> {
    match obj.keys().find(|k| !keys.contains(&k.as_str())) {
        Some(k) => refuse(&join(path, &truncate(k)), format!("not part of {what} (it takes {})", keys.join(", "))),
        None => Ok(()),
    }
}

fn object<'a>(v: Option<&'a Value>, path: &str, expected: &str) -> Result<&'a Map<String, Value>> {
    match v {
        Some(Value::Object(o)) => Ok(o),
        None | Some(Value::Null) => refuse(path, format!("required: {expected}")),
        _ => refuse(path, format!("expected {expected}")),
    }
}

/// One line of text, trimmed: absent or null is empty.
fn line(v: Option<&Value>, path: &str, max: usize) -> Result<String> {
    let s = match v {
        None | Some(Value::Null) => return Ok(String::new()),
        Some(Value::String(s)) => s.trim(),
        _ => return refuse(path, "expected text"),
    };
    if s.chars().count() > max {
        return refuse(path, format!("at most {max} characters"));
    }
    if s.chars().any(super::header::refused) {
        return refuse(path, "contains line breaks or control characters");
    }
    Ok(s.to_string())
}

/// A line that must be there, possibly empty while drafting ([`Definition::validate`] says so).
fn present(v: Option<&Value>, path: &str, max: usize, what: &str) -> Result<String> {
    if v.is_none() {
        return refuse(path, format!("required: {what}"));
    }
    line(v, path, max)
}

/// A line that must be there and not empty.
fn name(v: Option<&Value>, path: &str, max: usize, what: &str) -> Result<String> {
    let s = present(v, path, max, what)?;
    if s.is_empty() {
        return refuse(path, format!("must not be empty: {what}"));
    }
    Ok(s)
}

fn whole(v: Option<&Value>, path: &str, min: i64, max: i64, default: Option<i64>) -> Result<i64> {
    let range = || format!("a whole number from {min} to {max}");
    match v {
        None | Some(Value::Null) => default.map_or_else(|| refuse(path, format!("required: {}", range())), Ok),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(i) if (min..=max).contains(&i) => Ok(i),
            _ => refuse(path, range()),
        },
        _ => refuse(path, range()),
    }
}

fn unsigned(v: Option<&Value>, path: &str, min: u32, max: u32, default: Option<u32>) -> Result<u32> {
    let n = whole(v, path, i64::from(min), i64::from(max), default.map(i64::from))?;
    u32::try_from(n).map_or_else(|_| refuse(path, "out of range"), Ok)
}

fn flag(v: Option<&Value>, path: &str, default: bool) -> Result<bool> {
    match v {
        None | Some(Value::Null) => Ok(default),
        Some(Value::Bool(b)) => Ok(*b),
        _ => refuse(path, "expected true or false"),
    }
}

/// A local time of day, `HH:MM`.
fn clock(v: Option<&Value>, path: &str) -> Result<NaiveTime> {
    match v {
        Some(Value::String(s)) => NaiveTime::parse_from_str(s.trim(), "%H:%M")
            .map_or_else(|_| refuse(path, format!("\"{}\" is not a time of day such as 09:00", truncate(s))), Ok),
        None | Some(Value::Null) => refuse(path, "required: a time of day such as 09:00"),
        _ => refuse(path, "expected a time of day such as 09:00"),
    }
}

fn hhmm(t: &NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn offset_days(v: Option<&Value>, path: &str) -> Result<i32> {
    let n = whole(v, path, -i64::from(MAX_OFFSET_DAYS), i64::from(MAX_OFFSET_DAYS), Some(0))?;
    i32::try_from(n).map_or_else(|_| refuse(path, "out of range"), Ok)
}

fn step_ref(v: Option<&Value>, path: &str, ids: &BTreeSet<&str>) -> Result<StepId> {
    match v {
        Some(Value::String(s)) if ids.contains(s.as_str()) => Ok(s.clone()),
        Some(Value::String(s)) => refuse(path, format!("no step \"{}\"", truncate(s))),
        None | Some(Value::Null) => refuse(path, "required: the name of the step to go to"),
        _ => refuse(path, "expected the name of a step"),
    }
}

fn segment_ref(v: Option<&Value>, path: &str, schema: &Schema) -> Result<SegmentId> {
    let Some(Value::String(s)) = v else { return refuse(path, "expected a segment id") };
    let Ok(id) = SegmentId::from_str(s.trim()) else {
        return refuse(path, format!("\"{}\" is not a segment id", truncate(s)));
    };
    if !(schema.segment_exists)(&id) {
        return refuse(path, format!("no segment {id}"));
    }
    Ok(id)
}

/// A form's id, or null for any form.
fn form_ref(v: &Value, path: &str) -> Result<Option<String>> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => match uuid::Uuid::parse_str(s.trim()) {
            Ok(id) => Ok(Some(id.to_string())),
            Err(_) => refuse(path, format!("\"{}\" is not a form id", truncate(s))),
        },
        _ => refuse(path, "expected a form id, or null for any form"),
    }
}

fn date_field(v: Option<&Value>, path: &str, schema: &Schema) -> Result<String> {
    let f = name(v, path, MAX_TEXT, "a date field")?;
    match builtin_kind(&f).or_else(|| (schema.field)(&f)) {
        Some(FieldKind::Date) => Ok(f),
        // Checked when published; a field removed since finds no date, and the step says so.
        _ if schema.stored => Ok(f),
        Some(k) => refuse(path, format!("\"{}\" is a {} field, not a date", truncate(&f), k.as_str())),
        None => refuse(path, format!("no field \"{}\"", truncate(&f))),
    }
}

fn event(v: Option<&Value>, path: &str) -> Result<EventMatch> {
    Ok(parse_event(v, path)?)
}

fn span(v: Option<&Value>, path: &str) -> Result<Span> {
    let o = object(v, path, "a length of time: {\"days\": …, \"hours\": …, \"minutes\": …}")?;
    only(o, path, &["days", "hours", "minutes"], "a length of time")?;
    let s = Span {
        days: unsigned(o.get("days"), &join(path, "days"), 0, MAX_SPAN_DAYS, Some(0))?,
        hours: unsigned(o.get("hours"), &join(path, "hours"), 0, MAX_SPAN_DAYS * 24, Some(0))?,
        minutes: unsigned(o.get("minutes"), &join(path, "minutes"), 0, MAX_SPAN_DAYS * 1440, Some(0))?,
    };
    let total = s.total_minutes();
    if total == 0 {
        return refuse(path, "must be longer than zero");
    }
    if total > i64::from(MAX_SPAN_DAYS) * 1440 {
        return refuse(path, format!("at most {MAX_SPAN_DAYS} days in all"));
    }
    Ok(s)
}

fn weekdays(v: Option<&Value>, path: &str) -> Result<Vec<Weekday>> {
    let list = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(l)) if l.len() <= 7 => l,
        _ => return refuse(path, "expected a list of days: [\"mon\", …, \"sun\"]"),
    };
    let mut days = Vec::with_capacity(list.len());
    for (i, d) in list.iter().enumerate() {
        let day = match d.as_str() {
            Some("mon") => Weekday::Mon,
            Some("tue") => Weekday::Tue,
            Some("wed") => Weekday::Wed,
            Some("thu") => Weekday::Thu,
            Some("fri") => Weekday::Fri,
            Some("sat") => Weekday::Sat,
            Some("sun") => Weekday::Sun,
            _ => return refuse(&format!("{path}[{i}]"), "one of mon, tue, wed, thu, fri, sat, sun"),
        };
        if days.contains(&day) {
            return refuse(&format!("{path}[{i}]"), "named twice");
        }
        days.push(day);
    }
    days.sort_by_key(Weekday::num_days_from_monday);
    Ok(days)
}

fn day_name(d: &Weekday) -> &'static str {
    match d {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

fn parse_triggers(v: Option<&Value>, schema: &Schema) -> Result<Vec<Trigger>> {
    let list = match v {
        Some(Value::Array(l)) => l,
        None | Some(Value::Null) => return refuse("triggers", "required: how contacts enter the journey"),
        _ => return refuse("triggers", "expected a list of triggers"),
    };
    if list.is_empty() {
        return refuse("triggers", "a journey needs at least one trigger: how contacts enter it");
    }
    if list.len() > MAX_TRIGGERS {
        return refuse("triggers", format!("a journey has at most {MAX_TRIGGERS} triggers"));
    }
    let mut out: Vec<Trigger> = Vec::with_capacity(list.len());
    for (i, t) in list.iter().enumerate() {
        let path = format!("triggers[{i}]");
        let t = parse_trigger(t, &path, schema)?;
        if let Some(j) = out.iter().position(|o| *o == t) {
            return refuse(&path, format!("the same as triggers[{j}]"));
        }
        out.push(t);
    }
    Ok(out)
}

fn parse_trigger(v: &Value, path: &str, schema: &Schema) -> Result<Trigger> {
    let one_of = || format!("a trigger is an object with one key, one of {}", TRIGGERS.join(", "));
    let Some(obj) = v.as_object() else { return refuse(path, one_of()) };
    let mut entries = obj.iter();
    let (Some((k, v)), None) = (entries.next(), entries.next()) else { return refuse(path, one_of()) };
    let p = join(path, &truncate(k));
    Ok(match k.as_str() {
        "segment_entered" => Trigger::SegmentEntered(segment_ref(Some(v), &p, schema)?),
        "segment_exited" => Trigger::SegmentExited(segment_ref(Some(v), &p, schema)?),
        "event" => Trigger::Event(event(Some(v), &p)?),
        "form_submitted" => Trigger::FormSubmitted(form_ref(v, &p)?),
        "form_confirmed" => Trigger::FormConfirmed(form_ref(v, &p)?),
        "consent_granted" => Trigger::ConsentGranted(name(Some(v), &p, MAX_TEXT, "a consent purpose")?),
        "tag_added" => {
            let raw = name(Some(v), &p, MAX_TEXT, "a tag")?;
            Trigger::TagAdded(parse_tag(&raw).map_err(|m| error(&p, m))?)
        }
        "date" => {
            let o = object(Some(v), &p, "{\"field\": …, \"anniversary\": …, \"offset_days\": …, \"at\": \"09:00\"}")?;
            only(o, &p, &["field", "anniversary", "offset_days", "at"], "a date trigger")?;
            Trigger::Date(DateTrigger {
                field: date_field(o.get("field"), &join(&p, "field"), schema)?,
                anniversary: flag(o.get("anniversary"), &join(&p, "anniversary"), false)?,
                offset_days: offset_days(o.get("offset_days"), &join(&p, "offset_days"))?,
                at: clock(o.get("at"), &join(&p, "at"))?,
            })
        }
        "schedule" => {
            // `"0 0 9 * * Mon"` (everyone subscribed) or `{"cron": …, "segment": …}`.
            let (cron_value, cron_path, segment) = match v {
                Value::Object(o) => {
                    only(o, &p, &["cron", "segment"], "a schedule trigger")?;
                    let segment = match o.get("segment") {
                        None | Some(Value::Null) => None,
                        some => Some(segment_ref(some, &join(&p, "segment"), schema)?),
                    };
                    (o.get("cron"), join(&p, "cron"), segment)
                }
                other => (Some(other), p.clone(), None),
            };
            let expr = name(cron_value, &cron_path, MAX_TEXT, "a cron expression")?;
            match cron::Schedule::from_str(&expr) {
                Err(e) => {
                    return refuse(&cron_path, format!("not a cron expression (seconds first, 6 or 7 fields): {e}"))
                }
                Ok(c) if c.upcoming(chrono::Utc).next().is_none() => {
                    return refuse(&cron_path, "the schedule has no time to come")
                }
                Ok(_) => {}
            }
            Trigger::Schedule(ScheduleTrigger { cron: expr, segment })
        }
        "manual" if *v == Value::Bool(true) => Trigger::Manual,
        "manual" => return refuse(&p, "expected true"),
        _ => return refuse(&p, format!("not a trigger; one of {}", TRIGGERS.join(", "))),
    })
}

fn parse_step(v: &Value, path: &str, ids: &BTreeSet<&str>, schema: &Schema) -> Result<Step> {
    let Some(obj) = v.as_object() else {
        return refuse(path, format!("expected a step, one of {}", STEP_KINDS.join(", ")));
    };
    let mut kinds = obj.keys().filter(|k| STEP_KINDS.contains(&k.as_str()));
    let kind = match (kinds.next(), kinds.next()) {
        (Some(k), None) => k.as_str(),
        (None, _) => return refuse(path, format!("a step is one of {}", STEP_KINDS.join(", "))),
        (Some(a), Some(b)) => return refuse(path, format!("a step does one thing: \"{a}\" or \"{b}\"")),
    };
    let exits: &[&str] = match kind {
        "condition" | "split" | "exit" => &[],
        "wait_for" => &["yes", "no"],
        _ => &["next"],
    };
    let mut keys = vec![kind];
    keys.extend_from_slice(exits);
    only(obj, path, &keys, &format!("a {kind} step"))?;
    let body = obj.get(kind);
    let p = join(path, kind);
    let next = || step_ref(obj.get("next"), &join(path, "next"), ids);
    Ok(match kind {
        "send" => Step::Send { message: parse_message(body, &p)?, next: next()? },
        "wait" => Step::Wait { span: span(body, &p)?, next: next()? },
        "wait_until" => {
            let o = object(body, &p, "{\"time\": \"09:00\", \"weekdays\": […]}")?;
            only(o, &p, &["time", "weekdays"], "a wait_until")?;
            Step::WaitUntil {
                at: clock(o.get("time"), &join(&p, "time"))?,
                weekdays: weekdays(o.get("weekdays"), &join(&p, "weekdays"))?,
                next: next()?,
            }
        }
        "wait_until_date" => {
            let o = object(body, &p, "{\"field\": …, \"offset_days\": …, \"time\": \"09:00\", \"anniversary\": …}")?;
            only(o, &p, &["field", "offset_days", "time", "anniversary"], "a wait_until_date")?;
            Step::WaitUntilDate {
                field: date_field(o.get("field"), &join(&p, "field"), schema)?,
                offset_days: offset_days(o.get("offset_days"), &join(&p, "offset_days"))?,
                at: clock(o.get("time"), &join(&p, "time"))?,
                anniversary: flag(o.get("anniversary"), &join(&p, "anniversary"), false)?,
                next: next()?,
            }
        }
        "condition" => parse_condition(body, &p, ids, schema)?,
        "wait_for" => {
            let o = object(body, &p, "{\"event\": {…}} or {\"segment\": …}, with a timeout")?;
            only(o, &p, &["event", "segment", "timeout"], "a wait_for")?;
            let what = match (o.get("event"), o.get("segment")) {
                (Some(e), None) => Awaited::Event(event(Some(e), &join(&p, "event"))?),
                (None, Some(s)) => Awaited::Segment(segment_ref(Some(s), &join(&p, "segment"), schema)?),
                _ => return refuse(&p, "waits for either an event or a segment"),
            };
            let t = join(&p, "timeout");
            if o.get("timeout").is_none_or(Value::is_null) {
                return refuse(&t, "required: how long to wait before going to \"no\"");
            }
            Step::WaitFor {
                what,
                timeout: span(o.get("timeout"), &t)?,
                yes: step_ref(obj.get("yes"), &join(path, "yes"), ids)?,
                no: step_ref(obj.get("no"), &join(path, "no"), ids)?,
            }
        }
        "split" => parse_split(body, &p, ids)?,
        "update" => Step::Update { changes: parse_update(body, &p, schema)?, next: next()? },
        "notify" => {
            let o = object(body, &p, "{\"to\": …, \"subject\": …, \"text\": …}")?;
            only(o, &p, &["to", "subject", "text"], "a notification")?;
            let to_path = join(&p, "to");
            let to = name(o.get("to"), &to_path, MAX_TEXT, "the address to notify")?;
            let to = EmailAddress::parse(&to).map_err(|m| error(&to_path, m))?.as_str().to_string();
            let text = match o.get("text") {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) if s.chars().count() <= MAX_NOTE => s.trim().to_string(),
                Some(Value::String(_)) => return refuse(&join(&p, "text"), format!("at most {MAX_NOTE} characters")),
                _ => return refuse(&join(&p, "text"), "expected text"),
            };
            Step::Notify {
                to,
                subject: name(o.get("subject"), &join(&p, "subject"), MAX_SUBJECT, "the notification's subject")?,
                text,
                next: next()?,
            }
        }
        _ if body == Some(&Value::Bool(true)) => Step::Exit,
        _ => return refuse(&p, "expected true"),
    })
}

fn parse_message(v: Option<&Value>, path: &str) -> Result<Message> {
    let o = object(v, path, "{\"subject\": …, \"body\": …, \"purpose\": …}")?;
    only(o, path, &["subject", "body", "preheader", "sender", "purpose", "best_time_within_hours"], "a send")?;
    let best_path = join(path, "best_time_within_hours");
    let max = u64::from(super::sendtime::MAX_WINDOW_HOURS);
    let best_time_within_hours = match o.get("best_time_within_hours") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => match n.as_u64() {
            Some(h) if (1..=max).contains(&h) => Some(h as u16),
            _ => return refuse(&best_path, format!("from 1 to {max} hours")),
        },
        _ => return refuse(&best_path, format!("expected a number of hours, 1 to {max}")),
    };
    let body_path = join(path, "body");
    let body = match o.get("body") {
        // Markdown: leading spaces and trailing blank lines mean something; kept as written.
        Some(Value::String(s)) if s.len() <= MAX_BODY => s.clone(),
        Some(Value::String(_)) => return refuse(&body_path, format!("at most {} KiB", MAX_BODY / 1024)),
        None => return refuse(&body_path, "required: the message's Markdown"),
        _ => return refuse(&body_path, "expected the message's Markdown"),
    };
    Ok(Message {
        subject: present(o.get("subject"), &join(path, "subject"), MAX_SUBJECT, "the subject")?,
        body,
        preheader: line(o.get("preheader"), &join(path, "preheader"), MAX_PREHEADER)?,
        sender: line(o.get("sender"), &join(path, "sender"), MAX_TEXT)?,
        purpose: present(
            o.get("purpose"),
            &join(path, "purpose"),
            MAX_TEXT,
            "the consent purpose the message is sent under",
        )?,
        best_time_within_hours,
    })
}

fn parse_condition(v: Option<&Value>, path: &str, ids: &BTreeSet<&str>, schema: &Schema) -> Result<Step> {
    let o = object(v, path, "{\"branches\": […], \"else\": …}")?;
    only(o, path, &["branches", "else"], "a condition")?;
    let bp = join(path, "branches");
    let list = match o.get("branches") {
        Some(Value::Array(l)) if (1..=MAX_BRANCHES).contains(&l.len()) => l,
        _ => return refuse(&bp, format!("expected a list of 1 to {MAX_BRANCHES} branches")),
    };
    let mut branches = Vec::with_capacity(list.len());
    for (i, b) in list.iter().enumerate() {
        let p = format!("{bp}[{i}]");
        let b = object(Some(b), &p, "{\"filter\": {…}, \"next\": …, \"label\": …}")?;
        only(b, &p, &["filter", "next", "label"], "a branch")?;
        let fp = join(&p, "filter");
        let Some(f) = b.get("filter") else { return refuse(&fp, "required: who goes this way") };
        let filter = Filter::parse(f, schema).map_err(|e| under(&fp, e))?;
        branches.push(Branch {
            filter,
            next: step_ref(b.get("next"), &join(&p, "next"), ids)?,
            label: line(b.get("label"), &join(&p, "label"), MAX_TEXT)?,
        });
    }
    Ok(Step::Condition { branches, otherwise: step_ref(o.get("else"), &join(path, "else"), ids)? })
}

/// A filter's refusal, with its path (`filter.all[0].op`) put under the branch's.
fn under(prefix: &str, e: FilterError) -> JourneyError {
    let path = match e.path.strip_prefix("filter") {
        Some(rest) => format!("{prefix}{rest}"),
        None => join(prefix, &e.path),
    };
    JourneyError { path, message: e.message }
}

fn parse_split(v: Option<&Value>, path: &str, ids: &BTreeSet<&str>) -> Result<Step> {
    let list = match v {
        Some(Value::Array(l)) if (2..=MAX_ARMS).contains(&l.len()) => l,
        _ => return refuse(path, format!("expected a list of 2 to {MAX_ARMS} arms")),
    };
    let mut arms = Vec::with_capacity(list.len());
    for (i, a) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let a = object(Some(a), &p, "{\"percent\": …, \"next\": …, \"label\": …}")?;
        only(a, &p, &["percent", "next", "label", "holdout"], "an arm")?;
        let percent = whole(a.get("percent"), &join(&p, "percent"), 1, 100, None)?;
        arms.push(Arm {
            percent: u8::try_from(percent).map_or_else(|_| refuse(&p, "out of range"), Ok)?,
            next: step_ref(a.get("next"), &join(&p, "next"), ids)?,
            label: line(a.get("label"), &join(&p, "label"), MAX_TEXT)?,
            holdout: flag(a.get("holdout"), &join(&p, "holdout"), false)?,
        });
    }
    let sum: u32 = arms.iter().map(|a| u32::from(a.percent)).sum();
    if sum != 100 {
        return refuse(path, format!("the arms' percents add up to {sum}, not 100"));
    }
    Ok(Step::Split { arms })
}

fn parse_update(v: Option<&Value>, path: &str, schema: &Schema) -> Result<Update> {
    let o = object(v, path, "{\"add_tags\": […], \"set_fields\": {…}, …}")?;
    only(o, path, &["add_tags", "remove_tags", "add_lists", "remove_lists", "set_fields"], "an update")?;
    let names = |key: &str, tag: bool| -> Result<Vec<String>> {
        let p = join(path, key);
        let list = match o.get(key) {
            None | Some(Value::Null) => return Ok(Vec::new()),
            Some(Value::Array(l)) if l.len() <= MAX_CHANGES => l,
            _ => return refuse(&p, format!("expected a list of at most {MAX_CHANGES} names")),
        };
        let mut out: Vec<String> = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            let ip = format!("{p}[{i}]");
            let raw = name(Some(item), &ip, MAX_TEXT, if tag { "a tag" } else { "a list" })?;
            let n = if tag {
                parse_tag(&raw).map_err(|m| error(&ip, m))?
            } else {
                match slugify(&raw) {
                    s if s.is_empty() => return refuse(&ip, "a list's name has letters or digits"),
                    s => s,
                }
            };
            if out.contains(&n) {
                return refuse(&ip, "named twice");
            }
            out.push(n);
        }
        Ok(out)
    };
    let u = Update {
        add_tags: names("add_tags", true)?,
        remove_tags: names("remove_tags", true)?,
        add_lists: names("add_lists", false)?,
        remove_lists: names("remove_lists", false)?,
        set_fields: parse_set_fields(o.get("set_fields"), &join(path, "set_fields"), schema)?,
    };
    for (added, removed, key) in
        [(&u.add_tags, &u.remove_tags, "remove_tags"), (&u.add_lists, &u.remove_lists, "remove_lists")]
    {
        if let Some(i) = removed.iter().position(|r| added.contains(r)) {
            return refuse(&format!("{path}.{key}[{i}]"), "also added by this step");
        }
    }
    Ok(u)
}

fn parse_set_fields(v: Option<&Value>, path: &str, schema: &Schema) -> Result<BTreeMap<String, String>> {
    let m = match v {
        None | Some(Value::Null) => return Ok(BTreeMap::new()),
        Some(Value::Object(m)) if m.len() <= MAX_SET_FIELDS => m,
        _ => return refuse(path, format!("expected at most {MAX_SET_FIELDS} fields and their values")),
    };
    let mut out = BTreeMap::new();
    for (field, value) in m {
        let p = join(path, &truncate(field));
        let raw = match value {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Null => String::new(),
            _ => return refuse(&p, "expected a value as text"),
        };
        out.insert(field.clone(), field_value(field, &raw, &p, schema)?);
    }
    Ok(out)
}

/// Checks a value against the field's type, as the contact will store it; empty clears.
fn field_value(field: &str, raw: &str, path: &str, schema: &Schema) -> Result<String> {
    let fail = |m: String| error(path, m);
    if raw.is_empty() {
        return match field {
            "first_name" | "last_name" | "locale" | "time_zone" => Ok(String::new()),
            _ if builtin_kind(field).is_some() => refuse(path, format!("a journey cannot set \"{field}\"")),
            _ if (schema.field)(field).is_some() => Ok(String::new()),
            _ => refuse(path, format!("no field \"{}\"", truncate(field))),
        };
    }
    match field {
        "first_name" | "last_name" => parse_name(field, raw).map_err(|e| fail(e.message)),
        "locale" => parse_locale(raw).map_err(fail),
        "time_zone" => parse_time_zone(raw).map_err(fail),
        // Address, status, tags and lists have their own ways (and their own consent rules);
        // dates and counts are Tidings' own record.
        _ if builtin_kind(field).is_some() => refuse(path, format!("a journey cannot set \"{field}\"")),
        _ => match (schema.field)(field) {
            None => refuse(path, format!("no field \"{}\"", truncate(field))),
            Some(FieldKind::Number) => match raw.parse::<f64>() {
                Ok(n) if n.is_finite() => Ok(raw.to_string()),
                _ => refuse(path, format!("\"{}\" is not a number", truncate(raw))),
            },
            Some(FieldKind::Date) => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map(|d| d.to_string())
                .map_err(|_| fail(format!("\"{}\" is not a date (YYYY-MM-DD)", truncate(raw)))),
            Some(FieldKind::Boolean) => match raw {
                "true" | "false" => Ok(raw.to_string()),
                _ => refuse(path, "true or false"),
            },
            Some(_) if raw.chars().count() > super::contact::MAX_TEXT => {
                refuse(path, format!("at most {} characters", super::contact::MAX_TEXT))
            }
            Some(_) => Ok(raw.to_string()),
        },
    }
}

fn parse_rules(v: &Value) -> Result<Rules> {
    let o = object(Some(v), "rules", "the journey's rules")?;
    only(o, "rules", &["reentry", "dedupe_property", "quiet_hours", "frequency_cap"], "the rules")?;
    let reentry = match o.get("reentry") {
        None | Some(Value::Null) => Reentry::Never,
        Some(Value::String(s)) if s == "never" => Reentry::Never,
        Some(Value::String(s)) if s == "always" => Reentry::Always,
        Some(Value::Object(c)) => {
            only(c, "rules.reentry", &["cooldown_days"], "a cooldown")?;
            Reentry::Cooldown {
                days: unsigned(c.get("cooldown_days"), "rules.reentry.cooldown_days", 1, MAX_COOLDOWN_DAYS, None)?,
            }
        }
        _ => return refuse("rules.reentry", "\"never\", \"always\" or {\"cooldown_days\": n}"),
    };
    let dedupe_property = match o.get("dedupe_property") {
        None | Some(Value::Null) => None,
        v => Some(name(v, "rules.dedupe_property", MAX_TEXT, "an event property")?),
    };
    let quiet_hours = match o.get("quiet_hours") {
        None | Some(Value::Null) => None,
        v => {
            let q = object(v, "rules.quiet_hours", "{\"from\": \"21:00\", \"to\": \"08:00\"}")?;
            only(q, "rules.quiet_hours", &["from", "to"], "quiet hours")?;
            let from = clock(q.get("from"), "rules.quiet_hours.from")?;
            let to = clock(q.get("to"), "rules.quiet_hours.to")?;
            if from == to {
                return refuse("rules.quiet_hours", "starts and ends at the same time");
            }
            Some((from, to))
        }
    };
    let frequency_cap = match o.get("frequency_cap") {
        None | Some(Value::Null) => None,
        v => {
            let c = object(v, "rules.frequency_cap", "{\"max\": …, \"hours\": …, \"then\": \"defer\" | \"skip\"}")?;
            only(c, "rules.frequency_cap", &["max", "hours", "then"], "a frequency cap")?;
            let then = match c.get("then").and_then(Value::as_str) {
                Some("defer") => CapAction::Defer,
                Some("skip") => CapAction::Skip,
                _ => return refuse("rules.frequency_cap.then", "\"defer\" or \"skip\""),
            };
            Some(Cap {
                max: unsigned(c.get("max"), "rules.frequency_cap.max", 1, 100, None)?,
                hours: unsigned(c.get("hours"), "rules.frequency_cap.hours", 1, MAX_SPAN_DAYS * 24, None)?,
                then,
            })
        }
    };
    Ok(Rules { reentry, dedupe_property, quiet_hours, frequency_cap })
}

fn parse_goal(v: &Value, schema: &Schema) -> Result<Goal> {
    let o = object(Some(v), "goal", "{\"event\": {…}} or {\"segment\": …}")?;
    only(o, "goal", &["event", "segment"], "a goal")?;
    match (o.get("event"), o.get("segment")) {
        (Some(e), None) => Ok(Goal::Event(event(Some(e), "goal.event")?)),
        (None, Some(s)) => Ok(Goal::Segment(segment_ref(Some(s), "goal.segment", schema)?)),
        _ => refuse("goal", "either an event or a segment"),
    }
}

// ---------------------------------------------------------------------------------------------
// JSON out

impl Trigger {
    pub fn to_json(&self) -> Value {
        match self {
            Trigger::SegmentEntered(s) => json!({"segment_entered": s.to_string()}),
            Trigger::SegmentExited(s) => json!({"segment_exited": s.to_string()}),
            Trigger::Event(m) => json!({"event": event_json(m)}),
            Trigger::FormSubmitted(f) => json!({"form_submitted": f}),
            Trigger::FormConfirmed(f) => json!({"form_confirmed": f}),
            Trigger::ConsentGranted(p) => json!({"consent_granted": p}),
            Trigger::TagAdded(t) => json!({"tag_added": t}),
            Trigger::Date(d) => json!({"date": {
                "field": d.field, "anniversary": d.anniversary, "offset_days": d.offset_days, "at": hhmm(&d.at),
            }}),
            Trigger::Schedule(ScheduleTrigger { cron, segment: None }) => json!({"schedule": cron}),
            Trigger::Schedule(ScheduleTrigger { cron, segment: Some(s) }) => {
                json!({"schedule": {"cron": cron, "segment": s.to_string()}})
            }
            Trigger::Manual => json!({"manual": true}),
        }
    }
}

impl Message {
    pub fn to_json(&self) -> Value {
        let mut v = json!({
            "subject": self.subject, "body": self.body, "preheader": self.preheader,
            "sender": self.sender, "purpose": self.purpose,
        });
        if let Some(h) = self.best_time_within_hours {
            v["best_time_within_hours"] = json!(h);
        }
        v
    }
}

impl Step {
    /// The step's kind as its JSON key (`wait_for`).
    pub fn kind(&self) -> &'static str {
        match self {
            Step::Send { .. } => "send",
            Step::Wait { .. } => "wait",
            Step::WaitUntil { .. } => "wait_until",
            Step::WaitUntilDate { .. } => "wait_until_date",
            Step::Condition { .. } => "condition",
            Step::WaitFor { .. } => "wait_for",
            Step::Split { .. } => "split",
            Step::Update { .. } => "update",
            Step::Notify { .. } => "notify",
            Step::Exit => "exit",
        }
    }

    /// Whether a run stays on this step for a while (the others are passed in the same instant).
    pub fn waits(&self) -> bool {
        matches!(self, Step::Wait { .. } | Step::WaitUntil { .. } | Step::WaitUntilDate { .. } | Step::WaitFor { .. })
    }

    /// The steps this one may lead to, in the order the step names them, each once.
    pub fn next_steps(&self) -> Vec<&StepId> {
        let mut all: Vec<&StepId> = match self {
            Step::Send { next, .. }
            | Step::Wait { next, .. }
            | Step::WaitUntil { next, .. }
            | Step::WaitUntilDate { next, .. }
            | Step::Update { next, .. }
            | Step::Notify { next, .. } => vec![next],
            Step::Condition { branches, otherwise } => {
                branches.iter().map(|b| &b.next).chain(std::iter::once(otherwise)).collect()
            }
            Step::WaitFor { yes, no, .. } => vec![yes, no],
            Step::Split { arms } => arms.iter().map(|a| &a.next).collect(),
            Step::Exit => vec![],
        };
        let mut seen = BTreeSet::new();
        all.retain(|s| seen.insert(*s));
        all
    }

    pub fn to_json(&self) -> Value {
        match self {
            Step::Send { message, next } => json!({"send": message.to_json(), "next": next}),
            Step::Wait { span, next } => json!({"wait": span.to_json(), "next": next}),
            Step::WaitUntil { at, weekdays, next } => json!({
                "wait_until": {"time": hhmm(at), "weekdays": weekdays.iter().map(day_name).collect::<Vec<_>>()},
                "next": next,
            }),
            Step::WaitUntilDate { field, offset_days, at, anniversary, next } => json!({
                "wait_until_date": {"field": field, "offset_days": offset_days, "time": hhmm(at), "anniversary": anniversary},
                "next": next,
            }),
            Step::Condition { branches, otherwise } => json!({"condition": {
                "branches": branches.iter().map(|b| json!({"filter": b.filter.to_json(), "next": b.next, "label": b.label})).collect::<Vec<_>>(),
                "else": otherwise,
            }}),
            Step::WaitFor { what, timeout, yes, no } => {
                let mut w = match what {
                    Awaited::Event(m) => json!({"event": event_json(m)}),
                    Awaited::Segment(s) => json!({"segment": s.to_string()}),
                };
                w["timeout"] = timeout.to_json();
                json!({"wait_for": w, "yes": yes, "no": no})
            }
            Step::Split { arms } => json!({"split": arms.iter().map(|a| json!({
                "percent": a.percent, "next": a.next, "label": a.label, "holdout": a.holdout,
            })).collect::<Vec<_>>()}),
            Step::Update { changes: u, next } => json!({
                "update": {
                    "add_tags": u.add_tags, "remove_tags": u.remove_tags,
                    "add_lists": u.add_lists, "remove_lists": u.remove_lists, "set_fields": u.set_fields,
                },
                "next": next,
            }),
            Step::Notify { to, subject, text, next } => {
                json!({"notify": {"to": to, "subject": subject, "text": text}, "next": next})
            }
            Step::Exit => json!({"exit": true}),
        }
    }
}

impl Rules {
    pub fn to_json(&self) -> Value {
        let mut r = json!({
            "reentry": match self.reentry {
                Reentry::Never => json!("never"),
                Reentry::Always => json!("always"),
                Reentry::Cooldown { days } => json!({"cooldown_days": days}),
            },
        });
        if let Some(p) = &self.dedupe_property {
            r["dedupe_property"] = json!(p);
        }
        if let Some((from, to)) = &self.quiet_hours {
            r["quiet_hours"] = json!({"from": hhmm(from), "to": hhmm(to)});
        }
        if let Some(c) = &self.frequency_cap {
            let then = match c.then {
                CapAction::Defer => "defer",
                CapAction::Skip => "skip",
            };
            r["frequency_cap"] = json!({"max": c.max, "hours": c.hours, "then": then});
        }
        r
    }
}

impl Goal {
    pub fn to_json(&self) -> Value {
        match self {
            Goal::Event(m) => json!({"event": event_json(m)}),
            Goal::Segment(s) => json!({"segment": s.to_string()}),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The graph

/// An event matcher that names neither a kind nor an event matches every open, click and page
/// view: rarely what was meant.
fn vague(m: &EventMatch) -> bool {
    m.kind.is_none() && m.name.is_none()
}

impl Definition {
    /// The steps `step` may go to (none for an exit or an unknown name).
    pub fn next_after(&self, step: &StepId) -> Vec<StepId> {
        self.steps.get(step).map(|s| s.next_steps().into_iter().cloned().collect()).unwrap_or_default()
    }

    /// Breadth-first from the start, then the steps nothing leads to (by name): the editor's
    /// order.
    pub fn steps_in_order(&self) -> Vec<StepId> {
        let mut order = self.reachable();
        let seen: BTreeSet<StepId> = order.iter().cloned().collect();
        order.extend(self.steps.keys().filter(|k| !seen.contains(*k)).cloned());
        order
    }

    /// The steps a run can reach, breadth-first from the start.
    fn reachable(&self) -> Vec<StepId> {
        let mut order = Vec::new();
        let mut seen = BTreeSet::new();
        let mut todo = VecDeque::new();
        if self.steps.contains_key(&self.start) {
            seen.insert(self.start.clone());
            todo.push_back(self.start.clone());
        }
        while let Some(id) = todo.pop_front() {
            for n in self.next_after(&id) {
                if seen.insert(n.clone()) {
                    todo.push_back(n);
                }
            }
            order.push(id);
        }
        order
    }

    /// The segments the journey reads: its triggers, waits, conditions and goal (a segment in use
    /// cannot be deleted from under it).
    pub fn segments(&self) -> BTreeSet<SegmentId> {
        let mut out = BTreeSet::new();
        for t in &self.triggers {
            if let Trigger::SegmentEntered(s) | Trigger::SegmentExited(s) = t {
                out.insert(*s);
            }
        }
        for step in self.steps.values() {
            match step {
                Step::WaitFor { what: Awaited::Segment(s), .. } => {
                    out.insert(*s);
                }
                Step::Condition { branches, .. } => branches.iter().for_each(|b| out.extend(b.filter.segments())),
                _ => {}
            }
        }
        if let Some(Goal::Segment(s)) = &self.goal {
            out.insert(*s);
        }
        out
    }

    /// What the editor shows before publishing; a journey is published only without any. Parse
    /// has already refused what is malformed: these are well-formed journeys that would not do
    /// what was meant.
    pub fn validate(&self) -> Vec<JourneyError> {
        let mut out = Vec::new();
        let reachable: BTreeSet<StepId> = self.reachable().into_iter().collect();
        for id in self.steps.keys().filter(|k| !reachable.contains(*k)) {
            out.push(error(&format!("steps.{id}"), "not reachable from the start: no step leads here"));
        }
        out.extend(self.waitless_loops());
        for (i, t) in self.triggers.iter().enumerate() {
            if matches!(t, Trigger::Event(m) if vague(m)) {
                out.push(error(
                    &format!("triggers[{i}].event"),
                    "enters on any event at all (every open, click and page view): name a kind or an event",
                ));
            }
        }
        for (id, step) in &self.steps {
            let at = |rest: &str| format!("steps.{id}.{rest}");
            match step {
                Step::Send { message, .. } => {
                    if message.purpose.is_empty() {
                        out.push(error(
                            &at("send.purpose"),
                            "a send needs the consent purpose it is sent under: only contacts who granted it receive it",
                        ));
                    }
                    if message.subject.is_empty() {
                        out.push(error(&at("send.subject"), "a send needs a subject"));
                    }
                    if message.body.trim().is_empty() {
                        out.push(error(&at("send.body"), "a send needs a body"));
                    }
                }
                Step::WaitFor { what: Awaited::Event(m), .. } if vague(m) => out.push(error(
                    &at("wait_for.event"),
                    "waits for any event at all (every open, click and page view): name a kind or an event",
                )),
                Step::Update { changes, .. } if changes.is_empty() => {
                    out.push(error(&at("update"), "changes nothing"));
                }
                _ => {}
            }
        }
        if self.rules.dedupe_property.is_some() && !self.triggers.iter().any(|t| matches!(t, Trigger::Event(_))) {
            out.push(error("rules.dedupe_property", "applies to event triggers, and the journey has none"));
        }
        if matches!(&self.goal, Some(Goal::Event(m)) if vague(m)) {
            out.push(error("goal.event", "any event at all would reach the goal: name a kind or an event"));
        }
        out
    }

    /// Loops made only of steps passed in the same instant: a run would go round them without
    /// end. Each loop is named once, by its first step's name.
    fn waitless_loops(&self) -> Vec<JourneyError> {
        let instant: BTreeSet<&StepId> = self.steps.iter().filter(|(_, s)| !s.waits()).map(|(k, _)| k).collect();
        let moves =
            |id: &StepId| -> Vec<StepId> { self.next_after(id).into_iter().filter(|n| instant.contains(n)).collect() };
        // For each instant step, those it reaches in one or more moves through instant steps.
        let reach: BTreeMap<&StepId, BTreeSet<StepId>> = instant
            .iter()
            .map(|s| {
                let mut seen = BTreeSet::new();
                let mut todo: VecDeque<StepId> = moves(s).into();
                while let Some(x) = todo.pop_front() {
                    if seen.insert(x.clone()) {
                        todo.extend(moves(&x));
                    }
                }
                (*s, seen)
            })
            .collect();
        let on_loop_with = |s: &StepId, t: &StepId| reach.get(t).is_some_and(|r| r.contains(s));
        let mut out = Vec::new();
        for s in &instant {
            let Some(from_s) = reach.get(s) else { continue };
            if !from_s.contains(*s) || from_s.iter().any(|t| t < *s && on_loop_with(s, t)) {
                continue;
            }
            let path = loop_from(s, &moves);
            out.push(error(
                &format!("steps.{s}"),
                format!(
                    "a loop without a wait ({}): a run would go round it without end in one instant",
                    path.join(" → ")
                ),
            ));
        }
        out
    }
}

/// The shortest way from `s` back to itself, `[s, …, s]`.
fn loop_from(s: &StepId, moves: &dyn Fn(&StepId) -> Vec<StepId>) -> Vec<StepId> {
    let mut parent: BTreeMap<StepId, StepId> = BTreeMap::new();
    let mut todo = VecDeque::from([s.clone()]);
    while let Some(x) = todo.pop_front() {
        for n in moves(&x) {
            if n == *s {
                let mut back = vec![x.clone()];
                let mut cur = x.clone();
                while let Some(p) = parent.get(&cur) {
                    back.push(p.clone());
                    cur = p.clone();
                }
                // `back` runs from `x` up to `s` (the root has no parent).
                back.reverse();
                back.push(s.clone());
                return back;
            }
            if n != x && !parent.contains_key(&n) {
                parent.insert(n.clone(), x.clone());
                todo.push_back(n);
            }
        }
    }
    vec![s.clone()]
}

// ---------------------------------------------------------------------------------------------
// Time

/// The instant a local date and time names in `zone`. A time the clocks skip (spring forward)
/// is the first instant after the gap (02:30 on the night the clocks go from 02:00 to 03:00 is
/// 03:00); a time that happens twice (fall back) is the earlier.
pub fn local_moment(date: NaiveDate, at: NaiveTime, zone: Tz) -> DateTime<Utc> {
    let wanted = date.and_time(at);
    if let Some(t) = zone.from_local_datetime(&wanted).earliest() {
        return t.with_timezone(&Utc);
    }
    // Gaps start and end on whole minutes: the first valid minute is the jump itself.
    let mut local = date.and_time(NaiveTime::from_hms_opt(at.hour(), at.minute(), 0).unwrap_or(at));
    // At most two days: the longest gap on record (Samoa, 2011) skipped one.
    for _ in 0..2 * 24 * 60 {
        let Some(later) = local.checked_add_signed(Duration::minutes(1)) else { break };
        local = later;
        if let Some(t) = zone.from_local_datetime(&local).earliest() {
            return t.with_timezone(&Utc);
        }
    }
    Utc.from_utc_datetime(&wanted)
}

/// The first `at` (local time in `zone`) at or after `after`, on one of `weekdays` (empty: any
/// day). Note for loops: a run that comes back to the same wait at the very instant it returns
/// gets that instant again.
pub fn next_local_time(after: DateTime<Utc>, at: NaiveTime, weekdays: &[Weekday], zone: Tz) -> DateTime<Utc> {
    let today = after.with_timezone(&zone).date_naive();
    let allowed = |d: NaiveDate| weekdays.is_empty() || weekdays.contains(&d.weekday());
    // From yesterday: a time in a gap at the end of yesterday lands after midnight.
    let mut day = today.pred_opt().unwrap_or(today);
    for _ in 0..9 {
        if allowed(day) {
            let t = local_moment(day, at, zone);
            if t >= after {
                return t;
            }
        }
        match day.succ_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    // Only at the end of the calendar chrono knows.
    after
}

/// The day `date` falls on in `year`: 29 February is 28 February in other years.
fn anniversary_in(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28).filter(|_| date.month() == 2 && date.day() == 29))
}

/// When a date field's moment is, at or after `after`: `date` shifted by `offset_days`, at `at`
/// local time. Anniversaries: the next yearly occurrence (the offset is applied to each year's
/// day, so "the day before a 1 March birthday" is 29 February in leap years), from the date's
/// own year on. Once: `None` when it has passed.
pub fn date_moment(
    date: NaiveDate,
    offset_days: i32,
    at: NaiveTime,
    anniversary: bool,
    after: DateTime<Utc>,
    zone: Tz,
) -> Option<DateTime<Utc>> {
    let shift = Duration::days(i64::from(offset_days));
    if !anniversary {
        let t = local_moment(date.checked_add_signed(shift)?, at, zone);
        return (t >= after).then_some(t);
    }
    // The year whose day, shifted, reaches `after`: the one before and two after cover the
    // time of day, leap days and the offset's rounding.
    let target = after.with_timezone(&zone).date_naive().checked_sub_signed(shift)?;
    let first = (target.year() - 1).max(date.year());
    for year in first..=first.max(target.year()) + 2 {
        let Some(day) = anniversary_in(date, year).and_then(|d| d.checked_add_signed(shift)) else { continue };
        let t = local_moment(day, at, zone);
        if t >= after {
            return Some(t);
        }
    }
    None
}

/// `at` itself outside the quiet window (local times, `(from, to)`, which may wrap midnight:
/// 21:00–08:00), else the instant the window ends.
pub fn out_of_quiet_hours(at: DateTime<Utc>, quiet: (NaiveTime, NaiveTime), zone: Tz) -> DateTime<Utc> {
    let (from, to) = quiet;
    let local = at.with_timezone(&zone);
    let (day, time) = (local.date_naive(), local.time());
    let ends_on = if from < to {
        (time >= from && time < to).then_some(day)
    } else if from > to {
        if time >= from {
            day.succ_opt()
        } else {
            (time < to).then_some(day)
        }
    } else {
        None
    };
    match ends_on {
        // Never earlier than `at`: on a night the clocks go back, the end may be "before" it.
        Some(d) => local_moment(d, to, zone).max(at),
        None => at,
    }
}

/// The arm of a split a run takes: the same every time for a run and a step (a restarted engine
/// or a replay sends the contact the same way), and spread over runs as the percents say. The
/// first 8 bytes of SHA-256 over the run's id and the step's name, mod 100, fall into the arms'
/// cumulative percents (the step's name makes two splits of one run independent).
pub fn choose_arm(arms: &[Arm], run: &RunId, step: &str) -> usize {
    let mut h = Sha256::new();
    h.update(run.as_bytes());
    h.update(step.as_bytes());
    let digest = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let bucket = u64::from_be_bytes(first) % 100;
    let mut upto = 0u64;
    for (i, a) in arms.iter().enumerate() {
        upto += u64::from(a.percent);
        if bucket < upto {
            return i;
        }
    }
    // Percents short of 100 (parse refuses those): the rest goes to the last arm.
    arms.len().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America::New_York, Europe::Berlin};

    fn schema() -> Schema<'static> {
        Schema {
            field: &|k| match k {
                "birthday" => Some(FieldKind::Date),
                "company" => Some(FieldKind::Text),
                "shoe_size" => Some(FieldKind::Number),
                _ => None,
            },
            segment_exists: &|_| true,
            stored: false,
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Every trigger and every kind of step, all reachable, no loop without a wait.
    fn everything() -> Value {
        let seg = SegmentId::new().to_string();
        json!({
            "triggers": [
                {"segment_entered": seg}, {"segment_exited": seg},
                {"event": {"kind": "custom", "name": "cart_added", "property": ["category", "shoes"]}},
                {"form_submitted": "0192f0c4-5a3e-7b6d-8c2f-1234567890ab"}, {"form_submitted": null},
                {"form_confirmed": null},
                {"consent_granted": "newsletter"},
                {"tag_added": "vip"},
                {"date": {"field": "birthday", "anniversary": true, "offset_days": 0, "at": "09:00"}},
                {"schedule": "0 0 9 * * Mon"},
                {"manual": true},
                {"schedule": {"cron": "0 0 10 * * Tue", "segment": seg}}
            ],
            "start": "welcome",
            "steps": {
                "welcome": {"send": {"subject": "Hello {{ first_name }}", "body": "Markdown *body*\n", "preheader": "Hi", "sender": "", "purpose": "newsletter"}, "next": "pause"},
                "pause": {"wait": {"days": 2, "hours": 0, "minutes": 30}, "next": "morning"},
                "morning": {"wait_until": {"time": "09:00", "weekdays": ["mon", "tue", "wed", "thu", "fri"]}, "next": "check"},
                "check": {"condition": {"branches": [
                    {"filter": {"all": [{"field": "tags", "op": "contains", "value": "vip"}]}, "next": "cart", "label": "VIP"},
                    {"filter": {"all": [{"segment": seg, "member": true}]}, "next": "bday", "label": ""}
                ], "else": "ab"}},
                "bday": {"wait_until_date": {"field": "birthday", "offset_days": -1, "time": "09:00", "anniversary": true}, "next": "out"},
                "cart": {"wait_for": {"event": {"kind": "order"}, "timeout": {"days": 0, "hours": 1, "minutes": 0}}, "yes": "out", "no": "cart2"},
                "cart2": {"wait_for": {"segment": seg, "timeout": {"days": 3, "hours": 0, "minutes": 0}}, "yes": "tagit", "no": "tell"},
                "ab": {"split": [
                    {"percent": 45, "next": "tagit", "label": "A", "holdout": false},
                    {"percent": 45, "next": "tell", "label": "B", "holdout": false},
                    {"percent": 10, "next": "out", "label": "Holdout", "holdout": true}
                ]},
                "tagit": {"update": {"add_tags": ["cart"], "remove_tags": ["new"], "add_lists": ["buyers"], "remove_lists": [], "set_fields": {"company": "ACME", "shoe_size": "42"}}, "next": "out"},
                "tell": {"notify": {"to": "sales@shop.example", "subject": "Hot lead {{ email }}", "text": "Call them."}, "next": "out"},
                "out": {"exit": true}
            },
            "rules": {
                "reentry": {"cooldown_days": 30},
                "dedupe_property": "order_id",
                "quiet_hours": {"from": "21:00", "to": "08:00"},
                "frequency_cap": {"max": 2, "hours": 24, "then": "defer"}
            },
            "goal": {"event": {"kind": "order"}}
        })
    }

    fn parse(v: &Value) -> std::result::Result<Definition, JourneyError> {
        Definition::parse(v, &schema())
    }

    #[test]
    fn every_trigger_and_step_round_trips() {
        let d = parse(&everything()).unwrap();
        assert_eq!(d.triggers.len(), 12);
        assert_eq!(d.steps.len(), 11);
        assert!(
            matches!(d.steps["tagit"], Step::Update { ref changes, .. } if changes.set_fields["company"] == "ACME")
        );
        assert_eq!(d.rules.reentry, Reentry::Cooldown { days: 30 });
        let again = parse(&d.to_json()).unwrap();
        assert_eq!(again, d);
        assert_eq!(again.to_json(), d.to_json());
        // Parts that are left out come back as their defaults.
        let mut v = everything();
        v.as_object_mut().unwrap().remove("rules");
        v["goal"] = Value::Null;
        let d = parse(&v).unwrap();
        assert_eq!((d.rules.clone(), d.goal.clone()), (Rules::default(), None));
        assert_eq!(parse(&d.to_json()).unwrap(), d);
        assert!(parse(&everything()).unwrap().validate().is_empty(), "{:?}", parse(&everything()).unwrap().validate());
    }

    /// Each refusal names the place, as the editor marks it.
    #[test]
    fn refusals_name_the_path() {
        // An edit of the full journey, the path refused, a part of the message.
        type Case = (fn(&mut Value), &'static str, &'static str);
        let cases: Vec<Case> = vec![
            (|v| v["steps"]["pause"]["next"] = json!("nowhere"), "steps.pause.next", "no step \"nowhere\""),
            (|v| v["steps"]["pause"]["wait"]["days"] = json!(400), "steps.pause.wait.days", "from 0 to 365"),
            (
                |v| v["steps"]["pause"]["wait"] = json!({"days": 0, "minutes": 0}),
                "steps.pause.wait",
                "longer than zero",
            ),
            (|v| v["steps"]["pause"]["wait"] = json!({"days": 365, "hours": 1}), "steps.pause.wait", "365 days"),
            (|v| v["colour"] = json!("red"), "colour", "not part of a journey"),
            (|v| v["steps"]["welcome"]["colour"] = json!(1), "steps.welcome.colour", "not part of a send step"),
            (|v| v["steps"]["welcome"]["send"]["colour"] = json!(1), "steps.welcome.send.colour", "not part"),
            (|v| v["start"] = json!("nope"), "start", "no step"),
            (|v| v["triggers"] = json!([]), "triggers", "at least one trigger"),
            (
                |v| {
                    v["steps"]["cart"]["wait_for"].as_object_mut().unwrap().remove("timeout");
                },
                "steps.cart.wait_for.timeout",
                "required",
            ),
            (|v| v["steps"]["ab"]["split"][2]["percent"] = json!(20), "steps.ab.split", "add up to 110"),
            (
                |v| {
                    v["steps"]["check"]["condition"]["branches"][0]["filter"] =
                        json!({"all": [{"field": "nope", "op": "empty"}]})
                },
                "steps.check.condition.branches[0].filter.all[0].field",
                "no field",
            ),
            (|v| v["triggers"][2] = json!({"event": {"kind": "bogus"}}), "triggers[2].event.kind", "one of"),
            (|v| v["triggers"][9] = json!({"schedule": "every monday"}), "triggers[9].schedule", "cron"),
            (|v| v["triggers"][0] = json!({"segment_entered": "x"}), "triggers[0].segment_entered", "segment id"),
            (|v| v["triggers"][1] = v["triggers"][0].clone(), "triggers[1]", "the same as triggers[0]"),
            (|v| v["triggers"][8]["date"]["field"] = json!("company"), "triggers[8].date.field", "not a date"),
            (|v| v["triggers"][10] = json!({"manual": false}), "triggers[10].manual", "expected true"),
            (|v| v["triggers"][11]["schedule"]["cron"] = json!("soon"), "triggers[11].schedule.cron", "cron"),
            (|v| v["triggers"][11]["schedule"]["segment"] = json!("x"), "triggers[11].schedule.segment", "segment id"),
            (|v| v["triggers"][11]["schedule"]["every"] = json!(1), "triggers[11].schedule.every", "not part of"),
            (
                |v| {
                    v["steps"]["welcome"]["send"].as_object_mut().unwrap().remove("purpose");
                },
                "steps.welcome.send.purpose",
                "consent purpose",
            ),
            (
                |v| v["steps"]["welcome"]["send"]["subject"] = json!("x".repeat(201)),
                "steps.welcome.send.subject",
                "200",
            ),
            (|v| v["steps"]["welcome"]["wait"] = json!({"days": 1}), "steps.welcome", "does one thing"),
            (|v| v["steps"]["Welcome!"] = json!({"exit": true}), "steps", "not a step name"),
            (|v| v["steps"]["morning"]["wait_until"]["time"] = json!("9am"), "steps.morning.wait_until.time", "9am"),
            (
                |v| v["steps"]["morning"]["wait_until"]["weekdays"] = json!(["mon", "monday"]),
                "steps.morning.wait_until.weekdays[1]",
                "one of mon",
            ),
            (|v| v["steps"]["tell"]["notify"]["to"] = json!("sales"), "steps.tell.notify.to", "no @"),
            (
                |v| v["steps"]["tagit"]["update"]["set_fields"] = json!({"email": "x@y.example"}),
                "steps.tagit.update.set_fields.email",
                "cannot set",
            ),
            (
                |v| v["steps"]["tagit"]["update"]["set_fields"] = json!({"shoe_size": "big"}),
                "steps.tagit.update.set_fields.shoe_size",
                "not a number",
            ),
            (
                |v| v["steps"]["tagit"]["update"]["remove_tags"] = json!(["CART"]),
                "steps.tagit.update.remove_tags[0]",
                "also added",
            ),
            (|v| v["rules"]["quiet_hours"]["to"] = json!("21:00"), "rules.quiet_hours", "same time"),
            (|v| v["rules"]["frequency_cap"]["then"] = json!("drop"), "rules.frequency_cap.then", "defer"),
            (|v| v["rules"]["reentry"] = json!("sometimes"), "rules.reentry", "cooldown_days"),
            (|v| v["goal"] = json!({"event": {}, "segment": "x"}), "goal", "either"),
        ];
        for (i, (edit, path, says)) in cases.into_iter().enumerate() {
            let mut v = everything();
            edit(&mut v);
            let e = parse(&v).expect_err(&format!("case {i} ({path}) was accepted"));
            assert_eq!(e.path, path, "case {i}: {e}");
            assert!(e.message.contains(says), "case {i}: {e}");
        }
    }

    #[test]
    fn size_is_refused_before_the_steps_are_read() {
        let mut v = everything();
        let steps = v["steps"].as_object_mut().unwrap();
        for i in 0..250 {
            // Malformed on purpose: the count is refused before any step is read.
            steps.insert(format!("s{i}"), json!("junk"));
        }
        let e = parse(&v).unwrap_err();
        assert_eq!(e.path, "steps");
        assert!(e.message.contains("at most 100 steps"), "{e}");
        let mut v = everything();
        v["triggers"] = json!(vec![json!({"manual": true}); 21]);
        assert!(parse(&v).unwrap_err().message.contains("at most 20 triggers"));
        // Exactly 100 steps is fine.
        let mut v = everything();
        let steps = v["steps"].as_object_mut().unwrap();
        for i in 0..89 {
            steps.insert(format!("s{i}"), json!({"exit": true}));
        }
        assert_eq!(parse(&v).unwrap().steps.len(), 100);
    }

    fn minimal(steps: Value) -> Definition {
        let first = steps.as_object().unwrap().keys().next().unwrap().clone();
        parse(&json!({"triggers": [{"manual": true}], "start": first, "steps": steps})).unwrap()
    }

    #[test]
    fn validate_finds_unreachable_steps() {
        let d = minimal(json!({
            "a": {"wait": {"days": 1}, "next": "z"},
            "orphan": {"notify": {"to": "x@shop.example", "subject": "s"}, "next": "z"},
            "z": {"exit": true}
        }));
        let found = d.validate();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "steps.orphan");
        assert!(found[0].message.contains("not reachable"));
        assert_eq!(d.steps_in_order(), vec!["a", "z", "orphan"]);
    }

    #[test]
    fn validate_finds_a_loop_without_a_wait_and_not_one_with() {
        let d = minimal(json!({
            "a": {"send": {"subject": "s", "body": "b", "purpose": "newsletter"}, "next": "b"},
            "b": {"condition": {"branches": [{"filter": {"all": [{"field": "tags", "op": "contains", "value": "x"}]}, "next": "z"}], "else": "c"}},
            "c": {"update": {"add_tags": ["looped"]}, "next": "a"},
            "z": {"exit": true}
        }));
        let found = d.validate();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "steps.a");
        assert!(found[0].message.contains("a → b → c → a"), "{}", found[0]);
        // The same loop through a wait is a weekly reminder, not a spin.
        let d = minimal(json!({
            "a": {"send": {"subject": "s", "body": "b", "purpose": "newsletter"}, "next": "b"},
            "b": {"condition": {"branches": [{"filter": {"all": [{"field": "tags", "op": "contains", "value": "x"}]}, "next": "z"}], "else": "c"}},
            "c": {"wait": {"days": 7}, "next": "a"},
            "z": {"exit": true}
        }));
        assert!(d.validate().is_empty(), "{:?}", d.validate());
        // A step that goes to itself; and two loops found once each.
        let d = minimal(json!({
            "a": {"split": [{"percent": 50, "next": "a"}, {"percent": 50, "next": "b"}]},
            "b": {"update": {"add_tags": ["x"]}, "next": "c"},
            "c": {"update": {"add_tags": ["y"]}, "next": "b"}
        }));
        let found: Vec<String> = d.validate().into_iter().map(|e| e.to_string()).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("steps.a: ") && found[0].contains("(a → a)"), "{found:?}");
        assert!(found[1].starts_with("steps.b: ") && found[1].contains("(b → c → b)"), "{found:?}");
    }

    #[test]
    fn validate_names_empty_purposes_and_vague_events() {
        let mut v = everything();
        v["steps"]["welcome"]["send"]["purpose"] = json!("");
        v["steps"]["cart"]["wait_for"]["event"] = json!({"url": "/checkout"});
        let found = parse(&v).unwrap().validate();
        let paths: Vec<&str> = found.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["steps.cart.wait_for.event", "steps.welcome.send.purpose"], "{found:?}");
        assert!(found[0].message.contains("any event"));
    }

    #[test]
    fn next_after_and_the_editor_s_order() {
        let d = parse(&everything()).unwrap();
        assert_eq!(d.next_after(&"check".to_string()), ["cart", "bday", "ab"]);
        assert_eq!(d.next_after(&"cart".to_string()), ["out", "cart2"]);
        assert!(d.next_after(&"out".to_string()).is_empty());
        assert!(d.next_after(&"missing".to_string()).is_empty());
        assert_eq!(
            d.steps_in_order(),
            ["welcome", "pause", "morning", "check", "cart", "bday", "ab", "out", "cart2", "tagit", "tell"]
        );
        assert_eq!(d.segments().len(), 1);
    }

    #[test]
    fn span_is_exact_minutes() {
        let s = Span { days: 2, hours: 3, minutes: 4 };
        assert_eq!(s.duration(), Duration::minutes(2 * 1440 + 3 * 60 + 4));
    }

    #[test]
    fn next_local_time_in_berlin_across_spring_forward() {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
        assert_eq!(next_local_time(at("2026-03-28T12:00:00Z"), t("09:00"), &[], Berlin), at("2026-03-29T07:00:00Z"));
        assert_eq!(next_local_time(at("2026-03-28T07:00:00Z"), t("09:00"), &[], Berlin), at("2026-03-28T08:00:00Z"));
        // 02:30 does not exist that night: the first instant after the gap, 03:00 CEST.
        assert_eq!(next_local_time(at("2026-03-28T12:00:00Z"), t("02:30"), &[], Berlin), at("2026-03-29T01:00:00Z"));
        // At or after: the instant itself counts.
        assert_eq!(next_local_time(at("2026-03-30T07:00:00Z"), t("09:00"), &[], Berlin), at("2026-03-30T07:00:00Z"));
        // Friday afternoon, weekdays only: Monday (the 29th is a Sunday).
        let week = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri];
        assert_eq!(next_local_time(at("2026-03-27T12:00:00Z"), t("09:00"), &week, Berlin), at("2026-03-30T07:00:00Z"));
        assert_eq!(
            next_local_time(at("2026-03-27T12:00:00Z"), t("09:00"), &[Weekday::Sun], Berlin),
            at("2026-03-29T07:00:00Z")
        );
    }

    #[test]
    fn next_local_time_in_berlin_across_fall_back() {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:30 happens twice.
        assert_eq!(next_local_time(at("2026-10-24T12:00:00Z"), t("02:30"), &[], Berlin), at("2026-10-25T00:30:00Z"));
        // Once the earlier 02:30 has passed, the next is the following night's, not the repeat.
        assert_eq!(next_local_time(at("2026-10-25T00:45:00Z"), t("02:30"), &[], Berlin), at("2026-10-26T01:30:00Z"));
    }

    #[test]
    fn next_local_time_in_new_york_across_spring_forward() {
        // 8 March 2026: 02:00 EST becomes 03:00 EDT at 07:00 UTC.
        assert_eq!(
            next_local_time(at("2026-03-07T12:00:00Z"), t("09:00"), &[], New_York),
            at("2026-03-07T14:00:00Z"),
            "09:00 EST"
        );
        assert_eq!(
            next_local_time(at("2026-03-07T15:00:00Z"), t("09:00"), &[], New_York),
            at("2026-03-08T13:00:00Z"),
            "09:00 EDT"
        );
        assert_eq!(next_local_time(at("2026-03-07T12:00:00Z"), t("02:30"), &[], New_York), at("2026-03-08T07:00:00Z"));
        // Late evening UTC is still the day before in New York.
        assert_eq!(next_local_time(at("2026-03-09T02:00:00Z"), t("23:00"), &[], New_York), at("2026-03-09T03:00:00Z"));
    }

    #[test]
    fn anniversaries_of_29_february() {
        let leap = day("1992-02-29");
        let nine = t("09:00");
        assert_eq!(
            date_moment(leap, 0, nine, true, at("2026-01-10T00:00:00Z"), Berlin),
            Some(at("2026-02-28T08:00:00Z"))
        );
        assert_eq!(
            date_moment(leap, 0, nine, true, at("2026-02-28T08:00:01Z"), Berlin),
            Some(at("2027-02-28T08:00:00Z"))
        );
        assert_eq!(
            date_moment(leap, 0, nine, true, at("2027-03-01T00:00:00Z"), Berlin),
            Some(at("2028-02-29T08:00:00Z"))
        );
        // The day before a 1 March birthday is 29 February in leap years.
        let march = day("1990-03-01");
        assert_eq!(
            date_moment(march, -1, nine, true, at("2028-01-01T00:00:00Z"), Berlin),
            Some(at("2028-02-29T08:00:00Z"))
        );
        assert_eq!(
            date_moment(march, -1, nine, true, at("2027-01-01T00:00:00Z"), Berlin),
            Some(at("2027-02-28T08:00:00Z"))
        );
    }

    #[test]
    fn date_moments_offsets_years_and_dst() {
        let nine = t("09:00");
        // An offset that crosses into the year before.
        assert_eq!(
            date_moment(day("1990-01-01"), -1, nine, true, at("2026-06-01T00:00:00Z"), Berlin),
            Some(at("2026-12-31T08:00:00Z"))
        );
        assert_eq!(
            date_moment(day("1990-12-31"), 1, nine, true, at("2026-06-01T00:00:00Z"), Berlin),
            Some(at("2027-01-01T08:00:00Z"))
        );
        // Today's, while it is still ahead.
        assert_eq!(
            date_moment(day("1990-06-01"), 0, nine, true, at("2026-06-01T06:00:00Z"), Berlin),
            Some(at("2026-06-01T07:00:00Z"))
        );
        // Not before the date itself.
        assert_eq!(
            date_moment(day("2030-05-01"), 0, nine, true, at("2026-01-01T00:00:00Z"), Berlin),
            Some(at("2030-05-01T07:00:00Z"))
        );
        // Once: three days before, or None when passed.
        let once = day("2026-04-10");
        assert_eq!(
            date_moment(once, -3, nine, false, at("2026-04-01T00:00:00Z"), New_York),
            Some(at("2026-04-07T13:00:00Z"))
        );
        assert_eq!(date_moment(once, -3, nine, false, at("2026-04-07T13:00:01Z"), New_York), None);
        // A birthday at 02:30 on the night New York skips it.
        assert_eq!(
            date_moment(day("2000-03-08"), 0, t("02:30"), true, at("2026-01-01T00:00:00Z"), New_York),
            Some(at("2026-03-08T07:00:00Z"))
        );
    }

    #[test]
    fn quiet_hours_wrap_midnight_and_follow_the_clock_change() {
        let night = (t("21:00"), t("08:00"));
        // 22:00 CEST: until 08:00 CEST next morning.
        assert_eq!(out_of_quiet_hours(at("2026-06-10T20:00:00Z"), night, Berlin), at("2026-06-11T06:00:00Z"));
        // 06:00 CEST: until 08:00 the same morning.
        assert_eq!(out_of_quiet_hours(at("2026-06-11T04:00:00Z"), night, Berlin), at("2026-06-11T06:00:00Z"));
        // The window's edges: 21:00 is quiet, 08:00 is not.
        assert_eq!(out_of_quiet_hours(at("2026-06-10T19:00:00Z"), night, Berlin), at("2026-06-11T06:00:00Z"));
        assert_eq!(out_of_quiet_hours(at("2026-06-11T06:00:00Z"), night, Berlin), at("2026-06-11T06:00:00Z"));
        // Afternoon: as is.
        assert_eq!(out_of_quiet_hours(at("2026-06-10T12:00:00Z"), night, Berlin), at("2026-06-10T12:00:00Z"));
        // 22:00 CET on the 28th: the morning is in summer time, 08:00 CEST is 06:00 UTC.
        assert_eq!(out_of_quiet_hours(at("2026-03-28T21:00:00Z"), night, Berlin), at("2026-03-29T06:00:00Z"));
        // 22:00 EST on 7 March: 08:00 EDT is 12:00 UTC.
        assert_eq!(out_of_quiet_hours(at("2026-03-08T03:00:00Z"), night, New_York), at("2026-03-08T12:00:00Z"));
        // A window that does not wrap.
        let lunch = (t("12:00"), t("14:00"));
        assert_eq!(out_of_quiet_hours(at("2026-06-10T10:30:00Z"), lunch, Berlin), at("2026-06-10T12:00:00Z"));
        assert_eq!(out_of_quiet_hours(at("2026-06-10T09:59:00Z"), lunch, Berlin), at("2026-06-10T09:59:00Z"));
    }

    fn arms(percents: &[u8]) -> Vec<Arm> {
        percents.iter().map(|p| Arm { percent: *p, next: "x".into(), label: String::new(), holdout: false }).collect()
    }

    #[test]
    fn splits_share_runs_as_the_percents_say() {
        let a = arms(&[45, 45, 10]);
        let mut counts = [0usize; 3];
        for _ in 0..10_000 {
            counts[choose_arm(&a, &RunId::new(), "ab")] += 1;
        }
        for (count, want) in counts.iter().zip([4_500, 4_500, 1_000]) {
            assert!(count.abs_diff(want) <= 200, "{counts:?}");
        }
        let a = arms(&[1, 99]);
        let first = (0..10_000).filter(|_| choose_arm(&a, &RunId::new(), "ab") == 0).count();
        assert!((20..=200).contains(&first), "{first}");
    }

    #[test]
    fn a_run_takes_the_same_arm_every_time() {
        let a = arms(&[50, 50]);
        let runs: Vec<RunId> = (0..200).map(|_| RunId::new()).collect();
        let once: Vec<usize> = runs.iter().map(|r| choose_arm(&a, r, "ab")).collect();
        let twice: Vec<usize> = runs.iter().map(|r| choose_arm(&a, r, "ab")).collect();
        assert_eq!(once, twice);
        // Another split in the same journey draws independently.
        let other: Vec<usize> = runs.iter().map(|r| choose_arm(&a, r, "ab2")).collect();
        assert_ne!(once, other);
    }

    #[test]
    fn a_send_steps_best_hour_window_round_trips_and_is_checked() {
        let mut v = everything();
        v["steps"]["welcome"]["send"]["best_time_within_hours"] = json!(24);
        let d = parse(&v).unwrap();
        assert!(
            matches!(&d.steps["welcome"], Step::Send { message, .. } if message.best_time_within_hours == Some(24))
        );
        assert_eq!(d.to_json()["steps"]["welcome"]["send"]["best_time_within_hours"], 24);
        assert_eq!(parse(&d.to_json()).unwrap(), d);
        // Left out: sent at once, and not written back.
        let d = parse(&everything()).unwrap();
        assert!(matches!(&d.steps["welcome"], Step::Send { message, .. } if message.best_time_within_hours.is_none()));
        assert!(d.to_json()["steps"]["welcome"]["send"].get("best_time_within_hours").is_none());
        for bad in [json!(0), json!(73), json!(-2), json!("24"), json!(1.5)] {
            let mut v = everything();
            v["steps"]["welcome"]["send"]["best_time_within_hours"] = bad.clone();
            let e = parse(&v).expect_err(&format!("{bad} was accepted"));
            assert_eq!(e.path, "steps.welcome.send.best_time_within_hours", "{bad}: {e}");
            assert!(e.message.contains("72"), "{bad}: {e}");
        }
    }
}
