//! Journeys in the admin UI: the list, a new journey from a recipe or blank, the journey's page
//! (status and its actions, what stands between the draft and publishing, the draft's steps in
//! the editor's order as cards in words with the published version's counters, triggers,
//! rules and goal in words), the JSON editor, a dry run for one contact, adding contacts by
//! hand, and on a contact's page their runs with each run's timeline.
//!
//! Every rule lives in `journeys::ops`; this file turns forms into calls and results into
//! pages. A refused form shows its page again with what was typed and the reason beside the
//! field it is about.

use std::collections::{BTreeMap, HashMap};

use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc, Weekday};
use minijinja::{context, Value};
use serde::Deserialize;

use super::segment_words::{self as words, quoted, Names};
use super::{page, see_other, unprocessable};
use crate::domain::journey::{Awaited, CapAction, Definition, Goal, Reentry, Span, Step, Trigger};
use crate::domain::{ContactId, EmailAddress, JourneyId, SegmentId};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::i18n::{args, Arg, Language};
use crate::journeys::ops::{self, Enrolment, JourneyInput};
use crate::journeys::{recipes, Ending, Line, Run, Status, StepCounts, What};
use crate::ops::{invalid, OpError};
use crate::reports::chart::{Chart, Kind, Series, Unit};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    // `/journeys/new` before `/journeys/{id}`: `new` is not an id.
    cfg.route("/journeys", web::get().to(list))
        .route("/journeys", web::post().to(create))
        .route("/journeys/new", web::get().to(new_form))
        .route("/journeys/{id}", web::get().to(show))
        .route("/journeys/{id}/edit", web::get().to(edit_form))
        .route("/journeys/{id}/edit", web::post().to(save))
        .route("/journeys/{id}/publish", web::post().to(publish))
        .route("/journeys/{id}/pause", web::post().to(pause))
        .route("/journeys/{id}/resume", web::post().to(resume))
        .route("/journeys/{id}/archive", web::post().to(archive))
        .route("/journeys/{id}/delete", web::post().to(delete))
        .route("/journeys/{id}/enrol", web::post().to(enrol))
        .route("/journeys/{id}/dry-run", web::post().to(dry_run))
        .route("/journeys/{id}/steps/{step}/report", web::get().to(step_report));
}

/// A blank journey: entered by hand, straight to its exit (the editor fills in the rest).
const BLANK: &str = r#"{"triggers":[{"manual":true}],"start":"done","steps":{"done":{"exit":true}},"rules":{"reentry":"never"},"goal":null}"#;

fn journey_id(raw: &str) -> Result<JourneyId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("journey"))
}

fn say(ui: &Language, key: &str, pairs: Vec<(&str, Arg)>) -> String {
    ui.text(key, Some(&args(pairs)))
}

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Draft => "jr-status-draft",
        Status::Live => "jr-status-live",
        Status::Paused => "jr-status-paused",
        Status::Archived => "jr-status-archived",
    }
}

/// Notices after a redirect, from a fixed list (nothing from the query string is echoed).
fn notice(ui: &Language, code: Option<&str>, n: Option<u64>) -> Option<String> {
    let key = match code? {
        "created" => "jr-notice-created",
        "saved" => "jr-notice-saved",
        "published" => "jr-notice-published",
        "paused" => "jr-notice-paused",
        "resumed" => "jr-notice-resumed",
        "archived" => "jr-notice-archived",
        "deleted" => "jr-notice-deleted",
        "enrolled" => return Some(say(ui, "jr-notice-enrolled", vec![("count", Arg::Number(n.unwrap_or(0) as f64))])),
        _ => return None,
    };
    Some(ui.text(key, None))
}

// ---------------------------------------------------------------------------------------------
// Words

/// Names of segments, purposes and forms the words mention.
struct Known {
    segments: HashMap<SegmentId, String>,
    purposes: HashMap<String, String>,
    /// By the form's id as a journey names it (hyphenated, lower case).
    forms: HashMap<String, String>,
    fields: Vec<crate::domain::FieldDef>,
}

/// Consent purposes by key, named in the reader's language.
fn purpose_names(state: &AppState, ui: &Language) -> Result<HashMap<String, String>, ApiError> {
    let mut purposes = HashMap::new();
    for p in state.purposes.all()? {
        let name = state.purposes.name_in(&p, &ui.code)?;
        purposes.insert(p.key, name);
    }
    Ok(purposes)
}

impl Known {
    fn read(state: &AppState, ui: &Language) -> Result<Self, ApiError> {
        let purposes = purpose_names(state, ui)?;
        let segments = state.segments.segments().all()?.into_iter().map(|s| (s.id, s.name)).collect();
        let forms = state.forms.all()?.into_iter().map(|f| (f.id.to_string(), f.name)).collect();
        Ok(Known { segments, purposes, forms, fields: state.fields.all().to_vec() })
    }

    /// A form's name, quoted; a form deleted since is said to be so.
    fn form(&self, ui: &Language, id: &str) -> String {
        match self.forms.get(id) {
            Some(name) => quoted(ui, name),
            None => ui.text("jr-form-deleted", None),
        }
    }

    fn names(&self) -> Names<'_> {
        Names { fields: &self.fields, purposes: self.purposes.clone(), segments: self.segments.clone() }
    }

    fn segment(&self, ui: &Language, s: &SegmentId) -> String {
        self.segments.get(s).cloned().unwrap_or_else(|| ui.text("seg-deleted-segment", None))
    }

    fn field(&self, ui: &Language, key: &str) -> String {
        self.names().field(ui, key)
    }
}

fn span_words(ui: &Language, s: &Span) -> String {
    let mut parts = Vec::new();
    for (n, key) in [(s.days, "jr-span-days"), (s.hours, "jr-span-hours"), (s.minutes, "jr-span-minutes")] {
        if n > 0 {
            parts.push(say(ui, key, vec![("count", Arg::Number(f64::from(n)))]));
        }
    }
    if parts.is_empty() {
        return say(ui, "jr-span-minutes", vec![("count", Arg::Number(0.0))]);
    }
    parts.join(" ")
}

const WEEK: [(Weekday, &str); 7] = [
    (Weekday::Mon, "jr-day-mon"),
    (Weekday::Tue, "jr-day-tue"),
    (Weekday::Wed, "jr-day-wed"),
    (Weekday::Thu, "jr-day-thu"),
    (Weekday::Fri, "jr-day-fri"),
    (Weekday::Sat, "jr-day-sat"),
    (Weekday::Sun, "jr-day-sun"),
];

/// "Mon–Fri" for a run of three days or more in a row, else "Mon, Wed".
fn days_words(ui: &Language, days: &[Weekday]) -> String {
    let picked: Vec<usize> = WEEK.iter().enumerate().filter(|(_, (d, _))| days.contains(d)).map(|(i, _)| i).collect();
    let name = |i: usize| ui.text(WEEK[i].1, None);
    let consecutive = picked.windows(2).all(|w| w[1] == w[0] + 1);
    match (picked.first(), picked.last()) {
        (Some(&a), Some(&b)) if consecutive && picked.len() >= 3 => format!("{}–{}", name(a), name(b)),
        _ => picked.into_iter().map(name).collect::<Vec<_>>().join(", "),
    }
}

fn hhmm(t: &chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// "the date in “Birthday”, 2 days before" / "every year on the date in “Birthday”".
fn date_words(ui: &Language, known: &Known, field: &str, anniversary: bool, offset: i32) -> String {
    let key = if anniversary { "jr-date-yearly" } else { "jr-date-once" };
    let mut out = say(ui, key, vec![("field", Arg::from(quoted(ui, &known.field(ui, field))))]);
    if offset != 0 {
        let key = if offset < 0 { "jr-offset-before" } else { "jr-offset-after" };
        out = format!("{out}, {}", say(ui, key, vec![("count", Arg::Number(f64::from(offset.unsigned_abs())))]));
    }
    out
}

fn awaited_words(ui: &Language, known: &Known, a: &Awaited) -> String {
    match a {
        Awaited::Event(m) => words::event_words(ui, m),
        Awaited::Segment(s) => say(ui, "jr-in-segment", vec![("name", Arg::from(quoted(ui, &known.segment(ui, s))))]),
    }
}

fn goal_words(ui: &Language, known: &Known, g: &Goal) -> String {
    match g {
        Goal::Event(m) => words::event_words(ui, m),
        Goal::Segment(s) => say(ui, "jr-in-segment", vec![("name", Arg::from(quoted(ui, &known.segment(ui, s))))]),
    }
}

fn trigger_words(ui: &Language, known: &Known, t: &Trigger) -> String {
    let one = |key: &str, name: &str, v: String| say(ui, key, vec![(name, Arg::from(v))]);
    match t {
        Trigger::SegmentEntered(s) => one("jr-trigger-segment-entered", "name", quoted(ui, &known.segment(ui, s))),
        Trigger::SegmentExited(s) => one("jr-trigger-segment-exited", "name", quoted(ui, &known.segment(ui, s))),
        Trigger::Event(m) => one("jr-trigger-event", "what", words::event_words(ui, m)),
        Trigger::FormSubmitted(None) => ui.text("jr-trigger-form-submitted-any", None),
        Trigger::FormSubmitted(Some(f)) => one("jr-trigger-form-submitted", "form", known.form(ui, f)),
        Trigger::FormConfirmed(None) => ui.text("jr-trigger-form-confirmed-any", None),
        Trigger::FormConfirmed(Some(f)) => one("jr-trigger-form-confirmed", "form", known.form(ui, f)),
        Trigger::ConsentGranted(p) => {
            one("jr-trigger-consent", "purpose", quoted(ui, known.purposes.get(p).map_or(p.as_str(), String::as_str)))
        }
        Trigger::TagAdded(tag) => one("jr-trigger-tag", "tag", quoted(ui, tag)),
        Trigger::Date(d) => say(
            ui,
            "jr-trigger-date",
            vec![
                ("date", Arg::from(date_words(ui, known, &d.field, d.anniversary, d.offset_days))),
                ("time", Arg::from(hhmm(&d.at))),
            ],
        ),
        Trigger::Schedule(t) => match &t.segment {
            None => one("jr-trigger-schedule", "cron", t.cron.clone()),
            Some(s) => say(
                ui,
                "jr-trigger-schedule-segment",
                vec![("cron", Arg::from(t.cron.clone())), ("name", Arg::from(quoted(ui, &known.segment(ui, s))))],
            ),
        },
        Trigger::Manual => ui.text("jr-trigger-manual", None),
    }
}

fn rules_words(ui: &Language, d: &Definition) -> Vec<String> {
    let r = &d.rules;
    let mut out = vec![match r.reentry {
        Reentry::Never => ui.text("jr-rule-reentry-never", None),
        Reentry::Always => ui.text("jr-rule-reentry-always", None),
        Reentry::Cooldown { days } => {
            say(ui, "jr-rule-reentry-cooldown", vec![("count", Arg::Number(f64::from(days)))])
        }
    }];
    if let Some(p) = &r.dedupe_property {
        out.push(say(ui, "jr-rule-dedupe", vec![("property", Arg::from(quoted(ui, p)))]));
    }
    match &r.quiet_hours {
        Some((from, to)) => {
            out.push(say(ui, "jr-rule-quiet", vec![("from", Arg::from(hhmm(from))), ("to", Arg::from(hhmm(to)))]))
        }
        None => out.push(ui.text("jr-rule-quiet-none", None)),
    }
    match &r.frequency_cap {
        Some(c) => {
            let key = if c.then == CapAction::Defer { "jr-rule-cap-defer" } else { "jr-rule-cap-skip" };
            out.push(say(
                ui,
                key,
                vec![("max", Arg::Number(f64::from(c.max))), ("hours", Arg::Number(f64::from(c.hours)))],
            ));
        }
        None => out.push(ui.text("jr-rule-cap-none", None)),
    }
    out
}

/// Where a step goes: each way with its words and the step it leads to.
fn route(label: String, to: &str) -> Value {
    context! { label => label, to => to }
}

/// A step as a card: its id, its kind in words, where it goes, and its counters.
fn step_view(
    ui: &Language,
    known: &Known,
    id: &str,
    step: &Step,
    start: bool,
    counts: Option<&StepCounts>,
    waiting: u64,
) -> Value {
    let then = |next: &str| vec![route(ui.text("jr-route-then", None), next)];
    let (text, routes, detail): (String, Vec<Value>, Vec<Value>) = match step {
        Step::Send { message, next } => {
            let text = if message.purpose.is_empty() {
                say(ui, "jr-step-send-no-purpose", vec![("subject", Arg::from(message.subject.clone()))])
            } else {
                let purpose = known.purposes.get(&message.purpose).cloned().unwrap_or_else(|| message.purpose.clone());
                say(
                    ui,
                    "jr-step-send",
                    vec![("subject", Arg::from(message.subject.clone())), ("purpose", Arg::from(purpose))],
                )
            };
            // Send-time optimisation: said after the message, as it is a manner of sending it.
            let text = match message.best_time_within_hours {
                Some(h) => {
                    format!("{text} {}", say(ui, "jr-step-send-best-hour", vec![("hours", Arg::Number(f64::from(h)))]))
                }
                None => text,
            };
            (text, then(next), Vec::new())
        }
        Step::Wait { span, next } => {
            (say(ui, "jr-step-wait", vec![("span", Arg::from(span_words(ui, span)))]), then(next), Vec::new())
        }
        Step::WaitUntil { at, weekdays, next } => {
            let text = if weekdays.is_empty() || weekdays.len() == 7 {
                say(ui, "jr-step-wait-until-any-day", vec![("time", Arg::from(hhmm(at)))])
            } else {
                say(
                    ui,
                    "jr-step-wait-until",
                    vec![("time", Arg::from(hhmm(at))), ("days", Arg::from(days_words(ui, weekdays)))],
                )
            };
            (text, then(next), Vec::new())
        }
        Step::WaitUntilDate { field, offset_days, at, anniversary, next } => (
            say(
                ui,
                "jr-step-wait-until-date",
                vec![
                    ("date", Arg::from(date_words(ui, known, field, *anniversary, *offset_days))),
                    ("time", Arg::from(hhmm(at))),
                ],
            ),
            then(next),
            Vec::new(),
        ),
        Step::WaitFor { what, timeout, yes, no } => (
            say(
                ui,
                "jr-step-wait-for",
                vec![("what", Arg::from(awaited_words(ui, known, what))), ("span", Arg::from(span_words(ui, timeout)))],
            ),
            vec![route(ui.text("jr-route-comes", None), yes), route(ui.text("jr-route-timeout", None), no)],
            Vec::new(),
        ),
        Step::Condition { branches, otherwise } => {
            let names = known.names();
            let mut routes = Vec::new();
            let mut detail = Vec::new();
            for (i, b) in branches.iter().enumerate() {
                let label = if b.label.is_empty() {
                    say(ui, "jr-branch-n", vec![("n", Arg::Number((i + 1) as f64))])
                } else {
                    b.label.clone()
                };
                routes.push(route(say(ui, "jr-route-if", vec![("label", Arg::from(label.clone()))]), &b.next));
                detail.push(context! {
                    label => label,
                    words => Value::from_safe_string(words::filter_html(ui, &names, &b.filter, None)),
                });
            }
            routes.push(route(ui.text("jr-route-otherwise", None), otherwise));
            (ui.text("jr-step-condition", None), routes, detail)
        }
        Step::Split { arms } => {
            let routes = arms
                .iter()
                .map(|a| {
                    let key = if a.holdout { "jr-route-arm-holdout" } else { "jr-route-arm" };
                    let label = say(
                        ui,
                        key,
                        vec![("label", Arg::from(a.label.clone())), ("percent", Arg::Number(f64::from(a.percent)))],
                    );
                    route(label, &a.next)
                })
                .collect();
            (ui.text("jr-step-split", None), routes, Vec::new())
        }
        Step::Update { changes, next } => {
            let list = |v: &[String]| v.join(", ");
            let mut parts = Vec::new();
            for (v, key) in [
                (&changes.add_tags, "jr-update-add-tags"),
                (&changes.remove_tags, "jr-update-remove-tags"),
                (&changes.add_lists, "jr-update-add-lists"),
                (&changes.remove_lists, "jr-update-remove-lists"),
            ] {
                if !v.is_empty() {
                    parts.push(say(ui, key, vec![("names", Arg::from(list(v)))]));
                }
            }
            if !changes.set_fields.is_empty() {
                let set: Vec<String> = changes
                    .set_fields
                    .iter()
                    .map(|(k, v)| format!("{} = {}", known.field(ui, k), quoted(ui, v)))
                    .collect();
                parts.push(say(ui, "jr-update-set-fields", vec![("fields", Arg::from(set.join(", ")))]));
            }
            if parts.is_empty() {
                parts.push(ui.text("jr-update-nothing", None));
            }
            (parts.join("; "), then(next), Vec::new())
        }
        Step::Notify { to, subject, next, .. } => (
            say(ui, "jr-step-notify", vec![("to", Arg::from(to.clone())), ("subject", Arg::from(subject.clone()))]),
            then(next),
            Vec::new(),
        ),
        Step::Exit => (ui.text("jr-step-exit", None), Vec::new(), Vec::new()),
    };
    let c = counts.copied().unwrap_or_default();
    context! {
        id => id, kind => step.kind(), text => text, routes => routes, branches => detail, start => start,
        waits => step.waits(),
        counts => context! {
            entered => c.entered, waiting => waiting, passed => c.passed, left => c.left, converted => c.converted,
        },
    }
}

/// The draft as the page shows it: its steps in the editor's order, triggers, rules and goal
/// in words (nothing when the draft does not parse: the problems say why).
fn draft_view(
    state: &AppState,
    ui: &'static Language,
    known: &Known,
    draft: &str,
    counts: &BTreeMap<String, StepCounts>,
    waiting: &BTreeMap<String, u64>,
) -> Value {
    let parsed = serde_json::from_str(draft).ok().and_then(|v| ops::parse_definition(state, &v).ok());
    let Some(d) = parsed.or_else(|| crate::journeys::stored_definition(draft)) else {
        return context! { parsed => false };
    };
    let order = d.steps_in_order();
    let steps: Vec<Value> = order
        .iter()
        .filter_map(|id| {
            let s = d.steps.get(id)?;
            Some(step_view(ui, known, id, s, *id == d.start, counts.get(id), waiting.get(id).copied().unwrap_or(0)))
        })
        .collect();
    let chart = Chart::new(
        "journey-waiting",
        &ui.text("jr-chart-waiting", None),
        Kind::Bar,
        Unit::Count,
        &ui.text("jr-axis-step", None),
        order.clone(),
    )
    .language(ui)
    .size(640.0, 200.0)
    .series(
        Series::new(
            &ui.text("jr-count-waiting", None),
            order.iter().map(|s| waiting.get(s).copied().unwrap_or(0) as f64),
        )
        .in_text(&ui.text("jr-series-waiting-in-text", None)),
    )
    .view();
    context! {
        parsed => true,
        start => d.start,
        steps => steps,
        triggers => d.triggers.iter().map(|t| trigger_words(ui, known, t)).collect::<Vec<_>>(),
        rules => rules_words(ui, &d),
        goal => d.goal.as_ref().map(|g| say(ui, "jr-goal", vec![("what", Arg::from(goal_words(ui, known, g)))])),
        chart => Value::from_serialize(&chart),
    }
}

/// A moment in a zone the engine named ("09:00 Europe/Berlin"), or in UTC when the name is not
/// a zone.
fn local(ui: &Language, at: &DateTime<Utc>, zone: &str) -> String {
    match zone.parse::<chrono_tz::Tz>() {
        // The language's format names the zone's abbreviation (CET); the zone's name says
        // whose clock it is.
        Ok(tz) if tz != chrono_tz::UTC => format!("{} ({})", ui.datetime(&at.with_timezone(&tz)), tz.name()),
        _ => ui.datetime(at),
    }
}

/// The splits' report as the journey page shows it: per arm its runs, conversions, rate with
/// its interval, P(best) and, beside a holdout, the conversions it adds per run.
fn split_rows(splits: Vec<ops::SplitReport>) -> Vec<Value> {
    splits
        .into_iter()
        .map(|s| {
            let arms: Vec<Value> = s
                .arms
                .iter()
                .map(|a| {
                    context! {
                        label => a.label, holdout => a.holdout, entered => a.entered, converted => a.converted,
                        rate => a.estimate.observed, low => a.estimate.low, high => a.estimate.high,
                        p_best => a.estimate.p_best, incremental => a.incremental,
                    }
                })
                .collect();
            context! { step => s.step, enough => s.enough, arms => arms }
        })
        .collect()
}

/// A cause or reason the engine records as a code (`consent_withdrawn:newsletter`,
/// `event:cart_added`, `frequency_cap:2:24`), in words; a text that is no code (an error
/// message) as it is. Purposes are named by their name in the reader's language (`purposes`,
/// by key), statuses by their word, not by the codes the engine keeps.
fn cause_words(ui: &Language, purposes: &HashMap<String, String>, code: &str) -> String {
    let (kind, rest) = code.split_once(':').unwrap_or((code, ""));
    let with = |key: &str, name: &str| say(ui, key, vec![(name, Arg::from(rest.to_string()))]);
    let purpose = |key: &str| {
        let name = purposes.get(rest).map_or(rest, String::as_str);
        say(ui, key, vec![("purpose", Arg::from(quoted(ui, name)))])
    };
    match kind {
        "segment_entered" => with("jr-cause-segment-entered", "segment"),
        "segment_left" => with("jr-cause-segment-left", "segment"),
        "event" => with("jr-cause-event", "name"),
        "order" if rest.is_empty() => ui.text("jr-cause-order", None),
        "order" => with("jr-cause-order-id", "id"),
        "page_view" => with("jr-cause-page-view", "url"),
        "click" => ui.text("jr-cause-click", None),
        "open" => ui.text("jr-cause-open", None),
        "form_submitted" => ui.text("jr-cause-form-submitted", None),
        "form_confirmed" => ui.text("jr-cause-form-confirmed", None),
        "consent" => purpose("jr-cause-consent"),
        "tagged" => with("jr-cause-tagged", "tag"),
        "by_hand" => ui.text("jr-cause-by-hand", None),
        "date" => with("jr-cause-date", "field"),
        "schedule" => ui.text("jr-cause-schedule", None),
        "dry_run" => ui.text("jr-cause-dry-run", None),
        "assumed" => ui.text("jr-cause-assumed", None),
        "already_in_segment" => ui.text("jr-cause-already-in-segment", None),
        "consent_withdrawn" => purpose("jr-cause-consent-withdrawn"),
        "status" => match rest.parse::<crate::domain::Status>() {
            Ok(status) => say(
                ui,
                "jr-cause-status",
                vec![("status", Arg::from(ui.text(super::contacts::status_word_key(status), None)))],
            ),
            Err(_) => with("jr-cause-status", "status"),
        },
        "restricted" => ui.text("jr-cause-restricted", None),
        "deleted" => ui.text("jr-cause-deleted", None),
        "archived" => ui.text("jr-cause-archived", None),
        "version_gone" => ui.text("jr-cause-version-gone", None),
        "no_date" => with("jr-cause-no-date", "field"),
        "loop_without_wait" => ui.text("jr-cause-loop", None),
        "frequency_cap" => {
            let (max, hours) = rest.split_once(':').unwrap_or((rest, ""));
            say(ui, "jr-cause-cap", vec![("max", Arg::from(max.to_string())), ("hours", Arg::from(hours.to_string()))])
        }
        _ => code.to_string(),
    }
}

/// One line of a run's timeline in words.
fn line_words(ui: &Language, purposes: &HashMap<String, String>, l: &Line) -> String {
    let cause_words = |ui: &Language, code: &str| cause_words(ui, purposes, code);
    let one = |key: &str, name: &str, v: String| say(ui, key, vec![(name, Arg::from(v))]);
    match &l.what {
        What::Entered { trigger } => one("jr-line-entered", "trigger", cause_words(ui, trigger)),
        What::Queued { .. } => ui.text("jr-line-queued", None),
        What::Waiting { until, zone } => one("jr-line-waiting", "time", local(ui, until, zone)),
        What::Deferred { until, zone } => {
            if zone.parse::<chrono_tz::Tz>().is_ok() {
                one("jr-line-deferred-quiet", "time", local(ui, until, zone))
            } else {
                // A frequency cap: the engine names it where a zone would be.
                say(
                    ui,
                    "jr-line-deferred",
                    vec![("reason", Arg::from(cause_words(ui, zone))), ("time", Arg::from(local(ui, until, "")))],
                )
            }
        }
        What::Skipped { reason } => one("jr-line-skipped", "reason", cause_words(ui, reason)),
        What::Branch { label } => one("jr-line-branch", "label", label.clone()),
        What::Split { label } => one("jr-line-split", "label", label.clone()),
        What::Updated { what } => one("jr-line-updated", "what", what.clone()),
        What::Notified { to } => one("jr-line-notified", "to", to.clone()),
        What::CameInTime { what } => one("jr-line-came", "what", cause_words(ui, what)),
        What::TimedOut => ui.text("jr-line-timed-out", None),
        What::Goal { what } if what.is_empty() => ui.text("jr-line-goal-reached", None),
        What::Goal { what } => one("jr-line-goal", "what", cause_words(ui, what)),
        What::Left { reason } => one("jr-line-left", "reason", cause_words(ui, reason)),
        What::Completed => ui.text("jr-line-completed", None),
        What::Moved { from, to, version } => say(
            ui,
            "jr-line-moved",
            vec![
                ("from", Arg::from(from.clone())),
                ("to", Arg::from(to.clone())),
                ("version", Arg::Number(f64::from(*version))),
            ],
        ),
        What::Failed { error } => one("jr-line-failed", "error", cause_words(ui, error)),
        What::WouldSend { subject } => one("jr-line-would-send", "subject", subject.clone()),
    }
}

fn lines_view(ui: &Language, purposes: &HashMap<String, String>, lines: &[Line]) -> Vec<Value> {
    lines
        .iter()
        .map(|l| context! { at => l.at, time => ui.datetime(&l.at), step => l.step, kind => what_kind(&l.what), text => line_words(ui, purposes, l) })
        .collect()
}

fn what_kind(w: &What) -> &'static str {
    match w {
        What::Entered { .. } => "entered",
        What::Queued { .. } => "queued",
        What::Waiting { .. } => "waiting",
        What::Deferred { .. } => "deferred",
        What::Skipped { .. } => "skipped",
        What::Branch { .. } => "branch",
        What::Split { .. } => "split",
        What::Updated { .. } => "updated",
        What::Notified { .. } => "notified",
        What::CameInTime { .. } => "came",
        What::TimedOut => "timed-out",
        What::Goal { .. } => "goal",
        What::Left { .. } => "left",
        What::Completed => "completed",
        What::Moved { .. } => "moved",
        What::Failed { .. } => "failed",
        What::WouldSend { .. } => "would-send",
    }
}

/// Where a run stands, in words: waiting at a step until a local time, at a step, or ended.
fn run_state(ui: &Language, purposes: &HashMap<String, String>, r: &Run, lines: &[Line]) -> String {
    if let Some((at, how)) = &r.ended {
        let time = Arg::from(ui.datetime(at));
        return match how {
            Ending::Completed => say(ui, "jr-run-completed", vec![("time", time)]),
            Ending::Goal => say(ui, "jr-run-goal", vec![("time", time)]),
            Ending::Left(reason) => {
                say(ui, "jr-run-left", vec![("time", time), ("reason", Arg::from(cause_words(ui, purposes, reason)))])
            }
        };
    }
    match r.until {
        Some(until) => {
            // The zone the engine waited in, from the latest line that names one.
            let zone = lines
                .iter()
                .rev()
                .find_map(|l| match &l.what {
                    What::Waiting { zone, .. } | What::Deferred { zone, .. } => Some(zone.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            say(
                ui,
                "jr-run-waiting",
                vec![("step", Arg::from(r.step.clone())), ("time", Arg::from(local(ui, &until, &zone)))],
            )
        }
        None => say(ui, "jr-run-at", vec![("step", Arg::from(r.step.clone()))]),
    }
}

/// A contact's runs for its page, newest first, each with its timeline. Reads the store: call
/// from the blocking pool.
pub fn of_contact(
    state: &AppState,
    ui: &Language,
    by: crate::ops::By,
    contact: &ContactId,
) -> Result<Vec<Value>, ApiError> {
    let runs = ops::runs_of(state, by, contact)?;
    let purposes = purpose_names(state, ui)?;
    Ok(runs
        .iter()
        .map(|(r, name, lines)| {
            context! {
                id => r.id.to_string(), journey => r.journey.to_string(), name => name, active => r.is_active(),
                state => run_state(ui, &purposes, r, lines),
                about => say(ui, "jr-run-about", vec![
                    ("version", Arg::Number(f64::from(r.version))),
                    ("time", Arg::from(ui.datetime(&r.entered_at))),
                    ("trigger", Arg::from(cause_words(ui, &purposes, &r.trigger))),
                ]),
                lines => lines_view(ui, &purposes, lines),
            }
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// The list and a new journey

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
    let journeys = blocking(move || -> Result<Vec<Value>, ApiError> {
        let mut all = st.journeys.all()?;
        all.sort_by_key(|j| j.name.to_lowercase());
        let mut out = Vec::with_capacity(all.len());
        for j in all {
            let waiting: u64 = ops::waiting(&st, &j.id)?.values().sum();
            // Runs started over every version: a step's `entered` counts runs moved to it by
            // a new version, and runs that come back to it, too.
            let entered = st.journeys.entries(&j.id)?;
            out.push(context! {
                id => j.id.to_string(), name => j.name, description => j.description,
                status => j.status.as_str(), status_text => ui.text(status_key(j.status), None),
                version => j.version, waiting => waiting, entered => entered, updated_at => j.updated_at,
            });
        }
        Ok(out)
    })
    .await?;
    page(
        &state,
        &g,
        "journeys.html",
        "journeys",
        context! { journeys => journeys, jr_notice => notice(ui, q.ok.as_deref(), None) },
    )
}

fn recipes_view(ui: &Language) -> Vec<Value> {
    recipes::RECIPES
        .iter()
        .map(|r| context! { key => r.key, name => ui.text(r.name, None), about => ui.text(r.about, None) })
        .collect()
}

#[derive(Deserialize, Clone, Default)]
pub struct NewForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    /// A recipe's key; empty: start blank.
    #[serde(default)]
    recipe: String,
}

fn render_new(state: &AppState, g: &Principal, typed: &NewForm, extra: Value) -> Result<HttpResponse, ApiError> {
    let ui = super::ui_language(state, g);
    page(
        state,
        g,
        "journey_new.html",
        "journeys",
        context! {
            recipes => recipes_view(ui),
            form => context! { name => typed.name, description => typed.description, recipe => typed.recipe },
            ..extra
        },
    )
}

pub async fn new_form(state: web::Data<AppState>, g: Guard<perm::SendCampaigns>) -> Result<HttpResponse, ApiError> {
    render_new(&state, &g, &NewForm::default(), context! {})
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    CsrfForm(form): CsrfForm<NewForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let typed = form.clone();
    let result = blocking(move || -> Result<Result<JourneyId, (String, &'static str)>, ApiError> {
        let definition = if typed.recipe.is_empty() {
            serde_json::from_str(BLANK).map_err(|e| ApiError::internal(e.to_string()))?
        } else {
            match recipes::find(&typed.recipe) {
                Some(r) => (r.definition)(),
                None => return Ok(Err(("there is no such recipe".into(), "recipe"))),
            }
        };
        let input = JourneyInput {
            name: Some(typed.name.clone()),
            description: Some(typed.description.clone()),
            definition: Some(definition),
        };
        match ops::create(&st, by, &input) {
            Ok(j) => Ok(Ok(j.id)),
            Err(OpError::Invalid { field, message }) => Ok(Err((message, field))),
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    match result {
        Ok(id) => Ok(see_other(&format!("/journeys/{id}?ok=created"))),
        Err((message, field)) => {
            render_new(&state, &g, &form, context! { error => message, error_field => field }).map(unprocessable)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The journey's page

#[derive(Deserialize)]
pub struct ShowQuery {
    ok: Option<String>,
    n: Option<u64>,
}

/// What the journey's page shows; `extra` adds a refusal (`error`, `error_field`), what was
/// typed, or a dry run's timeline.
async fn render_show(
    state: &web::Data<AppState>,
    g: &Principal,
    id: JourneyId,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    let (st, ui, by) = (state.clone(), super::ui_language(state, g), g.by());
    let ctx = blocking(move || -> Result<Value, ApiError> {
        let o = ops::overview(&st, by, &id)?;
        let known = Known::read(&st, ui)?;
        let j = &o.journey;
        let draft = draft_view(&st, ui, &known, &j.draft, &o.counts, &o.waiting);
        // Runs waiting at steps the draft lacks: publishing must send them somewhere.
        let steps: Vec<String> = serde_json::from_str(&j.draft)
            .ok()
            .and_then(|v| ops::parse_definition(&st, &v).ok())
            .map(|d| d.steps_in_order())
            .unwrap_or_default();
        let stranded: Vec<Value> = o
            .waiting
            .iter()
            .filter(|(s, _)| !steps.contains(s))
            .map(|(s, n)| {
                context! { step => s, count => n, label => say(ui, "jr-publish-move", vec![("step", Arg::from(s.clone())), ("count", Arg::Number(*n as f64))]) }
            })
            .collect();
        let segments: Vec<Value> = st
            .segments
            .segments()
            .all()?
            .into_iter()
            .filter(|s| s.build.is_ready())
            .map(|s| context! { id => s.id.to_string(), name => s.name })
            .collect();
        Ok(context! {
            journey => context! {
                id => j.id.to_string(), name => j.name, description => j.description, status => j.status.as_str(),
                status_text => ui.text(status_key(j.status), None), version => j.version, updated_at => j.updated_at,
            },
            problems => o.problems.errors.iter().map(|p| context! { path => p.path, message => p.message }).collect::<Vec<_>>(),
            draft => draft, stranded => stranded, steps => steps, segments => segments,
            waiting_total => o.waiting.values().sum::<u64>(),
            splits => split_rows(ops::splits(&st, by, &id)?),
        })
    })
    .await?;
    page(state, g, "journey.html", "journeys", context! { ..extra, ..ctx })
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
    q: web::Query<ShowQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let ui = super::ui_language(&state, &g);
    render_show(&state, &g, id, context! { jr_notice => notice(ui, q.ok.as_deref(), q.n) }).await
}

/// An action refused: the journey's page again with the reason beside the form it is about
/// (`field`), under the refusal's status; a server error stays an error page.
async fn refused(
    state: &web::Data<AppState>,
    g: &Principal,
    id: JourneyId,
    e: ApiError,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    super::shown_again(e, |err| render_show(state, g, id, context! { ..err, ..extra })).await
}

/// Runs an operation from the blocking pool; on success redirects with the notice `ok`.
async fn act(
    state: web::Data<AppState>,
    g: &Principal,
    id: JourneyId,
    ok: &str,
    typed: Value,
    op: impl FnOnce(&AppState, crate::ops::By) -> Result<Option<u64>, OpError> + Send + 'static,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    match blocking(move || op(&st, by).map_err(ApiError::from)).await {
        Ok(Some(n)) => Ok(see_other(&format!("/journeys/{id}?ok={ok}&n={n}"))),
        Ok(None) => Ok(see_other(&format!("/journeys/{id}?ok={ok}"))),
        Err(e) => refused(&state, g, id, e, typed).await,
    }
}

pub async fn publish(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    // `moved[<old step>]=<new step>`, one select per step that runs wait at and the draft lacks.
    let moved: BTreeMap<String, String> = form
        .iter()
        .filter_map(|(k, v)| {
            let old = k.strip_prefix("moved[")?.strip_suffix(']')?;
            (!v.is_empty()).then(|| (old.to_string(), v.clone()))
        })
        .collect();
    let typed = context! { moved => moved.clone() };
    act(state, &g, id, "published", typed, move |st, by| ops::publish(st, by, &id, &moved).map(|_| None)).await
}

pub async fn pause(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    act(state, &g, id, "paused", context! {}, move |st, by| ops::set_paused(st, by, &id, true).map(|_| None)).await
}

pub async fn resume(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    act(state, &g, id, "resumed", context! {}, move |st, by| ops::set_paused(st, by, &id, false).map(|_| None)).await
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    confirm: Option<String>,
}

pub async fn archive(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let confirmed = form.confirm.is_some_and(|c| !c.is_empty());
    act(state, &g, id, "archived", context! {}, move |st, by| {
        if !confirmed {
            return Err(invalid("confirm", "tick the box to confirm: every run ends and nobody enters any more"));
        }
        ops::archive(st, by, &id).map(|_| None)
    })
    .await
}

pub async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    match blocking(move || ops::delete(&st, by, &id).map_err(ApiError::from)).await {
        Ok(()) => Ok(see_other("/journeys?ok=deleted")),
        Err(e) => refused(&state, &g, id, e, context! {}).await,
    }
}

#[derive(Deserialize, Default)]
pub struct EnrolForm {
    #[serde(default)]
    segment: String,
    /// Contact emails, one a line.
    #[serde(default)]
    emails: String,
}

/// The contacts named by email, one a line; every unknown address is named in the refusal.
fn contacts_by_email(state: &AppState, text: &str) -> Result<Vec<String>, OpError> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() > ops::ENROL_MAX {
        return Err(invalid("emails", format!("at most {} addresses at a time (or a segment)", ops::ENROL_MAX)));
    }
    let mut ids = Vec::with_capacity(lines.len());
    let mut unknown = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let email = EmailAddress::parse(l).map_err(|e| invalid("emails", format!("line {}: “{l}”: {e}", i + 1)))?;
        match state.contacts.find_by_email(&email)? {
            Some(c) => ids.push(c.id.to_string()),
            None => unknown.push(email.as_str().to_string()),
        }
    }
    if !unknown.is_empty() {
        let shown: Vec<String> = unknown.iter().take(10).cloned().collect();
        return Err(invalid("emails", format!("no contact has these addresses: {}", shown.join(", "))));
    }
    Ok(ids)
}

pub async fn enrol(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<EnrolForm>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let typed = context! { enrol => context! { segment => form.segment, emails => form.emails } };
    act(state, &g, id, "enrolled", typed, move |st, by| {
        let contacts = contacts_by_email(st, &form.emails)?;
        let segment = Some(form.segment.trim().to_string()).filter(|s| !s.is_empty());
        let started = ops::enrol(st, by, &id, &Enrolment { contacts, segment })?;
        Ok(Some(started as u64))
    })
    .await
}

#[derive(Deserialize, Default)]
pub struct DryRunForm {
    /// A contact's email or id.
    #[serde(default)]
    contact: String,
    /// Whether what a `wait_for` step waits for comes.
    comes: Option<String>,
}

fn find_contact(state: &AppState, raw: &str) -> Result<ContactId, OpError> {
    let raw = raw.trim();
    if let Ok(id) = raw.parse::<ContactId>() {
        return Ok(id);
    }
    let email = EmailAddress::parse(raw).map_err(|_| invalid("contact", "a contact's email address or id"))?;
    state.contacts.find_by_email(&email)?.map(|c| c.id).ok_or_else(|| invalid("contact", "no contact has this address"))
}

pub async fn dry_run(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<DryRunForm>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let comes = form.comes.as_deref().is_some_and(|c| !c.is_empty());
    let (st, by, ui) = (state.clone(), g.by(), super::ui_language(&state, &g));
    let raw = form.contact.clone();
    let typed = context! { trial => context! { contact => form.contact, comes => comes } };
    let result = blocking(move || -> Result<Vec<Value>, ApiError> {
        let contact = find_contact(&st, &raw).map_err(|e| match e {
            OpError::NotFound(_) => ApiError::from(invalid("contact", "no such contact")),
            e => e.into(),
        })?;
        let lines = ops::dry_run(&st, by, &id, &contact, None, comes).map_err(|e| match e {
            OpError::NotFound("contact") => ApiError::from(invalid("contact", "no such contact")),
            e => e.into(),
        })?;
        Ok(lines_view(ui, &purpose_names(&st, ui)?, &lines))
    })
    .await;
    match result {
        Ok(lines) => render_show(&state, &g, id, context! { dry_run => lines, ..typed }).await,
        Err(e) => refused(&state, &g, id, e, typed).await,
    }
}

// ---------------------------------------------------------------------------------------------
// Editing

#[derive(Deserialize, Clone, Default)]
pub struct EditForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    definition: String,
}

/// The visual editor's words: its name for each, and the catalogue key.
const EDITOR_WORDS: &[(&str, &str)] = &[
    ("title", "jr-ed-title"),
    ("hint", "jr-ed-hint"),
    ("unreadable", "jr-ed-unreadable"),
    ("kind-send", "jr-ed-kind-send"),
    ("kind-wait", "jr-ed-kind-wait"),
    ("kind-wait_until", "jr-ed-kind-wait_until"),
    ("kind-wait_until_date", "jr-ed-kind-wait_until_date"),
    ("kind-wait_for", "jr-ed-kind-wait_for"),
    ("kind-condition", "jr-ed-kind-condition"),
    ("kind-split", "jr-ed-kind-split"),
    ("kind-update", "jr-ed-kind-update"),
    ("kind-notify", "jr-ed-kind-notify"),
    ("kind-exit", "jr-ed-kind-exit"),
    ("subject", "jr-ed-subject"),
    ("preheader", "jr-ed-preheader"),
    ("body", "jr-ed-body"),
    ("sender", "jr-ed-sender"),
    ("sender-default", "jr-ed-sender-default"),
    ("purpose", "jr-ed-purpose"),
    ("choose", "jr-ed-choose"),
    ("days", "jr-ed-days"),
    ("hours", "jr-ed-hours"),
    ("minutes", "jr-ed-minutes"),
    ("time", "jr-ed-time"),
    ("weekdays", "jr-ed-weekdays"),
    ("field", "jr-ed-field"),
    ("offset", "jr-ed-offset"),
    ("anniversary", "jr-ed-anniversary"),
    ("segment", "jr-ed-segment"),
    ("event-kind", "jr-ed-event-kind"),
    ("event-any", "jr-ed-event-any"),
    ("event-open", "jr-ed-event-open"),
    ("event-click", "jr-ed-event-click"),
    ("event-page_view", "jr-ed-event-page_view"),
    ("event-custom", "jr-ed-event-custom"),
    ("event-order", "jr-ed-event-order"),
    ("event-name", "jr-ed-event-name"),
    ("event-url", "jr-ed-event-url"),
    ("property-name", "jr-ed-property-name"),
    ("property-value", "jr-ed-property-value"),
    ("timeout", "jr-ed-timeout"),
    ("waits-for", "jr-ed-waits-for"),
    ("wait-event", "jr-ed-wait-event"),
    ("wait-segment", "jr-ed-wait-segment"),
    ("branch-label", "jr-ed-branch-label"),
    ("who", "jr-ed-who"),
    ("who-segment", "jr-ed-who-segment"),
    ("who-tag", "jr-ed-who-tag"),
    ("who-filter", "jr-ed-who-filter"),
    ("tag", "jr-ed-tag"),
    ("filter-json", "jr-ed-filter-json"),
    ("add-branch", "jr-ed-add-branch"),
    ("remove-branch", "jr-ed-remove-branch"),
    ("arm-label", "jr-ed-arm-label"),
    ("percent", "jr-ed-percent"),
    ("holdout", "jr-ed-holdout"),
    ("add-arm", "jr-ed-add-arm"),
    ("remove-arm", "jr-ed-remove-arm"),
    ("add-tags", "jr-ed-add-tags"),
    ("remove-tags", "jr-ed-remove-tags"),
    ("add-lists", "jr-ed-add-lists"),
    ("remove-lists", "jr-ed-remove-lists"),
    ("comma", "jr-ed-comma"),
    ("set-field", "jr-ed-set-field"),
    ("value", "jr-ed-value"),
    ("add-field", "jr-ed-add-field"),
    ("remove-field", "jr-ed-remove-field"),
    ("notify-to", "jr-ed-notify-to"),
    ("notify-subject", "jr-ed-notify-subject"),
    ("notify-text", "jr-ed-notify-text"),
    ("way-then", "jr-ed-way-then"),
    ("way-comes", "jr-ed-way-comes"),
    ("way-timeout", "jr-ed-way-timeout"),
    ("way-if", "jr-ed-way-if"),
    ("way-otherwise", "jr-ed-way-otherwise"),
    ("way-arm", "jr-ed-way-arm"),
    ("branch-n", "jr-ed-branch-n"),
    ("arm-n", "jr-ed-arm-n"),
    ("add-step", "jr-ed-add-step"),
    ("add-step-at", "jr-ed-add-step-at"),
    ("add-start", "jr-ed-add-start"),
    ("step-type", "jr-ed-step-type"),
    ("add", "jr-ed-add"),
    ("cancel", "jr-ed-cancel"),
    ("remove-step", "jr-ed-remove-step"),
    ("move-up", "jr-ed-move-up"),
    ("move-down", "jr-ed-move-down"),
    ("continues-at", "jr-ed-continues-at"),
    ("start", "jr-ed-start"),
    ("unreachable", "jr-ed-unreachable"),
    ("refuse-branches", "jr-ed-refuse-branches"),
    ("refuse-exit", "jr-ed-refuse-exit"),
    ("refuse-last", "jr-ed-refuse-last"),
    ("refuse-loop", "jr-ed-refuse-loop"),
    ("removed", "jr-ed-removed"),
    ("added", "jr-ed-added"),
    ("save", "jr-ed-save"),
    ("saving", "jr-ed-saving"),
    ("saved", "jr-ed-saved"),
    ("save-failed", "jr-ed-save-failed"),
    ("publish", "jr-ed-publish"),
    ("checking", "jr-ed-checking"),
    ("no-problems", "jr-ed-no-problems"),
    ("problems", "jr-ed-problems"),
    ("triggers", "jr-ed-triggers"),
    ("trigger", "jr-ed-trigger"),
    ("add-trigger", "jr-ed-add-trigger"),
    ("remove-trigger", "jr-ed-remove-trigger"),
    ("t-segment_entered", "jr-ed-t-segment_entered"),
    ("t-segment_exited", "jr-ed-t-segment_exited"),
    ("t-event", "jr-ed-t-event"),
    ("t-form_submitted", "jr-ed-t-form_submitted"),
    ("t-form_confirmed", "jr-ed-t-form_confirmed"),
    ("t-consent_granted", "jr-ed-t-consent_granted"),
    ("t-tag_added", "jr-ed-t-tag_added"),
    ("t-date", "jr-ed-t-date"),
    ("t-schedule", "jr-ed-t-schedule"),
    ("t-manual", "jr-ed-t-manual"),
    ("form", "jr-ed-form"),
    ("any-form", "jr-ed-any-form"),
    ("cron", "jr-ed-cron"),
    ("rules", "jr-ed-rules"),
    ("reentry", "jr-ed-reentry"),
    ("reentry-never", "jr-ed-reentry-never"),
    ("reentry-always", "jr-ed-reentry-always"),
    ("reentry-cooldown", "jr-ed-reentry-cooldown"),
    ("cooldown", "jr-ed-cooldown"),
    ("dedupe", "jr-ed-dedupe"),
    ("dedupe-hint", "jr-ed-dedupe-hint"),
    ("quiet", "jr-ed-quiet"),
    ("from", "jr-ed-from"),
    ("to", "jr-ed-to"),
    ("cap", "jr-ed-cap"),
    ("cap-max", "jr-ed-cap-max"),
    ("cap-hours", "jr-ed-cap-hours"),
    ("cap-then", "jr-ed-cap-then"),
    ("cap-defer", "jr-ed-cap-defer"),
    ("cap-skip", "jr-ed-cap-skip"),
    ("goal", "jr-ed-goal"),
    ("goal-none", "jr-ed-goal-none"),
    ("goal-event", "jr-ed-goal-event"),
    ("goal-segment", "jr-ed-goal-segment"),
    ("on", "jr-ed-on"),
    ("remove", "jr-ed-remove"),
];

/// What the visual editor (`web/static/journey.js`) offers and says, in the staff member's
/// language: its words, the purposes, segments, forms and fields a step may name, and where
/// the API is. The rules stay the server's: the editor asks the API what stands in the way.
fn editor_catalogue(state: &AppState, ui: &Language, id: &JourneyId) -> Result<serde_json::Value, ApiError> {
    use serde_json::json;
    let known = Known::read(state, ui)?;
    let mut purposes: Vec<(&String, &String)> = known.purposes.iter().collect();
    purposes.sort();
    let mut segments: Vec<(&SegmentId, &String)> = known.segments.iter().collect();
    segments.sort_by_key(|s| s.1.to_lowercase());
    let mut forms: Vec<(&String, &String)> = known.forms.iter().collect();
    forms.sort_by_key(|f| f.1.to_lowercase());
    // The engine reads a date from the contact's own fields; first and last name, language
    // and time zone are the built-in ones a step may set.
    let dates: Vec<serde_json::Value> = known
        .fields
        .iter()
        .filter(|f| f.kind == crate::domain::FieldKind::Date)
        .map(|f| json!({ "key": f.key, "label": f.label }))
        .collect();
    let mut settable: Vec<serde_json::Value> = ["first_name", "last_name", "locale", "time_zone"]
        .iter()
        .map(|k| json!({ "key": k, "label": known.field(ui, k) }))
        .collect();
    settable.extend(known.fields.iter().map(|f| json!({ "key": f.key, "label": f.label })));
    let words: serde_json::Map<String, serde_json::Value> =
        EDITOR_WORDS.iter().map(|(k, key)| (k.to_string(), json!(ui.text(key, None)))).collect();
    Ok(json!({
        "journey": id.to_string(),
        "api": format!("/api/v1/journeys/{id}"),
        "words": words,
        "days": WEEK.iter().map(|(d, key)| json!({ "key": d.to_string().to_lowercase(), "label": ui.text(key, None) })).collect::<Vec<_>>(),
        "purposes": purposes.into_iter().map(|(k, n)| json!({ "key": k, "name": n })).collect::<Vec<_>>(),
        "segments": segments.into_iter().map(|(id, n)| json!({ "id": id.to_string(), "name": n })).collect::<Vec<_>>(),
        "forms": forms.into_iter().map(|(id, n)| json!({ "id": id, "name": n })).collect::<Vec<_>>(),
        "date_fields": dates,
        "fields": settable,
    }))
}

fn render_edit(
    state: &AppState,
    g: &Principal,
    id: &JourneyId,
    typed: &EditForm,
    problems: Vec<Value>,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    let catalogue = editor_catalogue(state, super::ui_language(state, g), id)?;
    page(
        state,
        g,
        "journey_edit.html",
        "journeys",
        context! {
            journey => context! { id => id.to_string() },
            form => context! { name => typed.name, description => typed.description, definition => typed.definition },
            problems => problems,
            // Inside a <script> element: nothing in it may close the element.
            catalogue => Value::from_safe_string(
                serde_json::to_string(&catalogue).unwrap_or_default().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026"),
            ),
            ..extra
        },
    )
}

fn problems_view(state: &AppState, draft: &str) -> Vec<Value> {
    ops::problems(state, draft).errors.iter().map(|p| context! { path => p.path, message => p.message }).collect()
}

pub async fn edit_form(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let st = state.clone();
    let (form, problems) = blocking(move || -> Result<(EditForm, Vec<Value>), ApiError> {
        let j = st.journeys.get(&id)?.ok_or(OpError::NotFound("journey"))?;
        let pretty = serde_json::from_str::<serde_json::Value>(&j.draft)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or(j.draft.clone());
        let problems = problems_view(&st, &j.draft);
        Ok((EditForm { name: j.name, description: j.description, definition: pretty }, problems))
    })
    .await?;
    render_edit(&state, &g, &id, &form, problems, context! {})
}

/// A refused save: the reason, the field it is about, and the draft's problems.
type Refused = (String, &'static str, Vec<Value>);

pub async fn save(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<EditForm>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let typed = form.clone();
    let result = blocking(move || -> Result<Result<(), Refused>, ApiError> {
        if typed.definition.len() > ops::DEFINITION_MAX {
            let e = format!("at most {} KiB", ops::DEFINITION_MAX / 1024);
            return Ok(Err((e, "definition", Vec::new())));
        }
        let definition: serde_json::Value = match serde_json::from_str(&typed.definition) {
            Ok(v) => v,
            Err(e) => {
                let message = format!("not valid JSON (line {}, column {}): {e}", e.line(), e.column());
                return Ok(Err((message, "definition", Vec::new())));
            }
        };
        let input = JourneyInput {
            name: Some(typed.name.clone()),
            description: Some(typed.description.clone()),
            definition: Some(definition),
        };
        match ops::update(&st, by, &id, &input) {
            Ok(_) => Ok(Ok(())),
            Err(OpError::Invalid { field, message }) => {
                Ok(Err((message, field, problems_view(&st, &typed.definition))))
            }
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    match result {
        Ok(()) => Ok(see_other(&format!("/journeys/{id}?ok=saved"))),
        Err((message, field, problems)) => {
            render_edit(&state, &g, &id, &form, problems, context! { error => message, error_field => field })
                .map(unprocessable)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A send step's report

/// A send step's report: the campaign report's figures for the step's mailing (one for every
/// version), with the step's own counters.
pub async fn step_report(
    state: web::Data<AppState>,
    g: Guard<perm::ViewReports>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (raw, step) = path.into_inner();
    let id = journey_id(&raw)?;
    let (st, ui, by) = (state.clone(), super::ui_language(&state, &g), g.by());
    let ctx = blocking(move || -> Result<Value, ApiError> {
        let s = ops::step_report(&st, by, &id, &step, Utc::now())?;
        let known = Known::read(&st, ui)?;
        let purpose = known.purposes.get(&s.message.purpose).cloned().unwrap_or_else(|| s.message.purpose.clone());
        Ok(context! {
            journey => context! { id => s.journey.id.to_string(), name => s.journey.name, version => s.journey.version },
            step => s.step, subject => s.message.subject, purpose => purpose,
            counts => s.counts, r => s.report, step_report => true,
            timeline => (!s.report.timeline.points.is_empty()).then(|| super::reports::timeline_chart(&s.report.timeline, ui)),
        })
    })
    .await?;
    page(&state, &g, "journey_step_report.html", "journeys", ctx)
}
