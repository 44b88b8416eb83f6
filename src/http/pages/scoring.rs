//! Lead scoring in the admin UI: the models, and a plain form to write one with its rules (a
//! row per rule; "more rows" gives blank ones without saving). A refused model comes back with
//! what was typed and the error at the row and field it is about. The contact page shows a
//! contact's scores through [`breakdown_context`] and the `score_breakdown.html` macro.

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use minijinja::{context, Value};
use serde::Deserialize;
use serde_json::{json, Map, Value as Json};

use super::segment_words::Names;
use super::{page, see_other, unprocessable};
use crate::contacts::viewer::Viewer;
use crate::domain::score::{Model, Rule};
use crate::domain::ContactId;
use crate::http::api::scoring::breakdown_json;
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::i18n::{args, Arg, Language};
use crate::ops::{By, OpError};
use crate::scoring::ops;
use crate::state::{blocking, AppState};

/// Blank rows under a model's rules, and how many "more rows" adds.
const BLANK_ROWS: usize = 2;

/// What a rule row offers to count, with its admin message.
const KINDS: [(&str, &str); 9] = [
    ("opened", "cm-score-on-opened"),
    ("clicked", "cm-score-on-clicked"),
    ("page_viewed", "cm-score-on-page-viewed"),
    ("custom", "cm-score-on-custom"),
    ("form_submitted", "cm-score-on-form-submitted"),
    ("ordered", "cm-score-on-ordered"),
    ("field", "cm-score-on-field"),
    ("unsubscribed", "cm-score-on-unsubscribed"),
    ("bounced", "cm-score-on-bounced"),
];

fn notice(code: Option<&str>) -> Option<&'static str> {
    Some(match code? {
        "created" => "cm-notice-score-created",
        "saved" => "cm-notice-score-saved",
        "deleted" => "cm-notice-score-deleted",
        _ => return None,
    })
}

#[derive(Deserialize)]
pub struct Notice {
    ok: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, ui) = (state.clone(), g.by(), super::ui_language(&state, &g));
    let models = blocking(move || -> Result<Vec<Value>, ApiError> {
        let fields = st.fields.all();
        let names = Names::of_fields(&fields);
        Ok(ops::list(&st, by)?
            .iter()
            .map(|m| {
                context! {
                    key => m.key, name => m.name, half_life_days => m.half_life_days, rules => m.rules.len(),
                    version => m.version, description => super::score_words::model_words(ui, &names, m),
                }
            })
            .collect())
    })
    .await?;
    page(&state, &g, "scoring.html", "scoring", context! { models => models, notice => notice(q.ok.as_deref()) })
}

/// The form's fields: the model's, and per rule row the same fields in parallel lists (one
/// entry per row, in the page's order).
#[derive(Deserialize, Default, Clone)]
pub struct ModelForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    half_life_days: String,
    #[serde(default)]
    on: Vec<String>,
    #[serde(default)]
    points: Vec<String>,
    #[serde(default)]
    url: Vec<String>,
    #[serde(default)]
    event: Vec<String>,
    #[serde(default)]
    properties: Vec<String>,
    #[serde(default)]
    form: Vec<String>,
    #[serde(default)]
    per_unit: Vec<String>,
    #[serde(default)]
    field: Vec<String>,
    #[serde(default)]
    op: Vec<String>,
    #[serde(default)]
    value: Vec<String>,
    #[serde(default)]
    cap_points: Vec<String>,
    #[serde(default)]
    cap_days: Vec<String>,
    /// `more`: blank rows, nothing saved.
    #[serde(default)]
    action: String,
}

/// One row as typed.
#[derive(Default, Clone, serde::Serialize)]
struct Row {
    on: String,
    points: String,
    url: String,
    event: String,
    properties: String,
    form: String,
    per_unit: String,
    field: String,
    op: String,
    value: String,
    cap_points: String,
    cap_days: String,
}

impl ModelForm {
    fn rows(&self) -> Vec<Row> {
        let at = |v: &Vec<String>, i: usize| v.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
        (0..self.on.len())
            .map(|i| Row {
                on: at(&self.on, i),
                points: at(&self.points, i),
                url: at(&self.url, i),
                event: at(&self.event, i),
                properties: at(&self.properties, i),
                form: at(&self.form, i),
                per_unit: at(&self.per_unit, i),
                field: at(&self.field, i),
                op: at(&self.op, i),
                value: at(&self.value, i),
                cap_points: at(&self.cap_points, i),
                cap_days: at(&self.cap_days, i),
            })
            .collect()
    }

    /// The model's JSON from the rows that say what they count (blank rows are left out), and
    /// for each rule in it the row it came from.
    fn to_json(&self) -> (Json, Vec<usize>) {
        let mut rules = Vec::new();
        let mut from = Vec::new();
        for (i, r) in self.rows().iter().enumerate() {
            if r.on.is_empty() {
                continue;
            }
            let mut m = Map::new();
            m.insert("on".into(), json!(r.on));
            m.insert("points".into(), json!(r.points));
            let mut put = |k: &str, v: &str| {
                if !v.is_empty() {
                    m.insert(k.into(), json!(v));
                }
            };
            match r.on.as_str() {
                "clicked" | "page_viewed" => put("url", &r.url),
                "custom" => {
                    put("name", &r.event);
                    if !r.properties.is_empty() {
                        // `category=shoes, colour=red`
                        let props: Map<String, Json> = r
                            .properties
                            .split(',')
                            .filter(|p| !p.trim().is_empty())
                            .map(|p| match p.split_once('=') {
                                Some((k, v)) => (k.trim().to_string(), json!(v.trim())),
                                None => (p.trim().to_string(), json!("")),
                            })
                            .collect();
                        m.insert("properties".into(), Json::Object(props));
                    }
                }
                "form_submitted" => put("form", &r.form),
                "ordered" => put("per_unit", &r.per_unit),
                "field" => {
                    put("field", &r.field);
                    put("op", &r.op);
                    if !r.value.is_empty() {
                        // A list (one of, between) is typed with commas.
                        let v = if matches!(r.op.as_str(), "one_of" | "between") {
                            json!(r.value.split(',').map(|s| s.trim()).collect::<Vec<_>>())
                        } else {
                            json!(r.value)
                        };
                        m.insert("value".into(), v);
                    }
                }
                _ => {}
            }
            if !r.cap_points.is_empty() || !r.cap_days.is_empty() {
                m.insert("cap".into(), json!({ "points": r.cap_points, "days": r.cap_days }));
            }
            rules.push(Json::Object(m));
            from.push(i);
        }
        let v = json!({ "key": self.key.trim(), "name": self.name.trim(), "half_life_days": self.half_life_days.trim(), "rules": rules });
        (v, from)
    }
}

/// A stored model as the form shows it.
fn form_of(m: &Model) -> ModelForm {
    let mut f = ModelForm {
        key: m.key.clone(),
        name: m.name.clone(),
        half_life_days: trim(m.half_life_days),
        ..Default::default()
    };
    for r in &m.rules {
        push_row(&mut f, r);
    }
    f
}

fn trim(n: f64) -> String {
    let s = format!("{n}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

fn push_row(f: &mut ModelForm, r: &Rule) {
    let j = r.to_json();
    let s = |k: &str| match j.get(k) {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Number(n)) => n.as_f64().map(trim).unwrap_or_default(),
        Some(Json::Array(a)) => a
            .iter()
            .map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.as_f64().map(trim).unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    f.on.push(s("on"));
    f.points.push(s("points"));
    f.url.push(s("url"));
    f.event.push(if s("on") == "custom" { s("name") } else { String::new() });
    f.properties.push(match j.get("properties").and_then(Json::as_object) {
        Some(m) => {
            m.iter().map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or_default())).collect::<Vec<_>>().join(", ")
        }
        None => String::new(),
    });
    f.form.push(s("form"));
    f.per_unit.push(s("per_unit"));
    f.field.push(s("field"));
    f.op.push(s("op"));
    f.value.push(s("value"));
    let cap = j.get("cap");
    f.cap_points.push(cap.and_then(|c| c["points"].as_f64()).map(trim).unwrap_or_default());
    f.cap_days.push(cap.and_then(|c| c["days"].as_u64()).map(|d| d.to_string()).unwrap_or_default());
}

/// The editor's context: the typed (or stored) values, blank rows, the choices, and errors by
/// field (`name`, `rule-2-points`).
fn editor(
    state: &AppState,
    f: &ModelForm,
    is_new: bool,
    blank: usize,
    errors: BTreeMap<String, String>,
    ui: &Language,
) -> Value {
    let mut rows = f.rows();
    rows.extend(std::iter::repeat_n(Row::default(), blank));
    let kinds: Vec<Value> = KINDS.iter().map(|(k, m)| context! { key => k, label => ui.text(m, None) }).collect();
    let fields: Vec<Value> = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "locale",
        "time_zone",
        "status",
        "source",
        "tags",
        "lists",
        "created_at",
    ]
    .iter()
    .map(|k| context! { key => k, label => k })
    .chain(state.fields.all().iter().map(|d| context! { key => d.key, label => d.label }))
    .collect();
    let rows: Vec<Value> =
        rows.iter().enumerate().map(|(i, r)| context! { n => i + 1, ..Value::from_serialize(r) }).collect();
    context! {
        is_new => is_new,
        model => context! { key => f.key, name => f.name, half_life_days => f.half_life_days },
        rows => rows, kinds => kinds, fields => fields, errors => errors,
    }
}

/// Where a refusal goes on the form: the model's own field, or a row's (`model.rules[1].cap.days`
/// → `rule-<row>-cap_days`), with the message saying which row and field.
fn place(e: &str, from: &[usize], ui: &Language) -> (String, String) {
    let (path, message) = e.split_once(": ").unwrap_or(("model", e));
    let rest = path.strip_prefix("model").unwrap_or(path).trim_start_matches('.');
    if let Some(r) = rest.strip_prefix("rules[") {
        if let Some((n, field)) = r.split_once(']') {
            if let Some(row) = n.parse::<usize>().ok().and_then(|n| from.get(n)) {
                let field = field.trim_start_matches('.');
                let field = match field.split(['.', '[']).next().unwrap_or("") {
                    "" => "on".to_string(),
                    "cap" if field.ends_with("days") => "cap_days".into(),
                    "cap" => "cap_points".into(),
                    "name" => "event".into(),
                    other => other.to_string(),
                };
                let label = match field.as_str() {
                    "points" => "cm-score-col-points",
                    "url" => "cm-score-url",
                    "event" => "cm-score-event",
                    "properties" => "cm-score-properties",
                    "form" => "cm-score-form",
                    "per_unit" => "cm-score-per-unit",
                    "field" => "cm-score-field",
                    "op" => "cm-score-op",
                    "value" => "cm-score-value",
                    "cap_points" => "cm-score-cap-points",
                    "cap_days" => "cm-score-cap-days",
                    _ => "cm-score-col-on",
                };
                let said = ui.text(
                    "cm-score-error-row",
                    Some(&args([
                        ("row", Arg::Number((row + 1) as f64)),
                        ("field", Arg::from(ui.text(label, None))),
                        ("message", Arg::from(message.to_string())),
                    ])),
                );
                return (format!("rule-{row}-{field}"), said);
            }
        }
        return ("rules".into(), message.to_string());
    }
    let field = match rest {
        "" => "rules",
        other => other.split(['.', '[']).next().unwrap_or("rules"),
    };
    (field.to_string(), message.to_string())
}

fn render(state: &AppState, g: &Principal, ctx: Value) -> Result<HttpResponse, ApiError> {
    page(state, g, "scoring_model.html", "scoring", ctx)
}

pub async fn new_model(state: web::Data<AppState>, g: Guard<perm::EditContacts>) -> Result<HttpResponse, ApiError> {
    let ui = super::ui_language(&state, &g);
    let f = ModelForm { half_life_days: "30".into(), ..Default::default() };
    let ctx = editor(&state, &f, true, BLANK_ROWS + 1, BTreeMap::new(), ui);
    render(&state, &g, ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, key) = (state.clone(), g.by(), path.into_inner());
    let m = blocking(move || ops::get(&st, by, &key).map_err(ApiError::from)).await?;
    let ui = super::ui_language(&state, &g);
    let ctx = editor(&state, &form_of(&m), false, BLANK_ROWS, BTreeMap::new(), ui);
    render(&state, &g, context! { notice => notice(q.ok.as_deref()), version => m.version, ..ctx })
}

/// Saves (or, with `action=more`, only adds blank rows to) a new model or `key`.
async fn save_form(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    key: Option<String>,
    body: ModelForm,
) -> Result<HttpResponse, ApiError> {
    let ui = super::ui_language(&state, &g);
    let is_new = key.is_none();
    if body.action == "more" {
        let ctx = editor(&state, &body, is_new, BLANK_ROWS + 1, BTreeMap::new(), ui);
        return render(&state, &g, ctx);
    }
    let (json, from) = body.to_json();
    let (st, by) = (state.clone(), g.by());
    let k = key.clone();
    let saved = blocking(move || -> Result<Result<Model, (String, String)>, ApiError> {
        let r = match &k {
            None => ops::create(&st, by, &json),
            Some(k) => ops::update(&st, by, k, &json),
        };
        Ok(match r {
            Ok(m) => Ok(m),
            Err(OpError::Invalid { field: "model", message }) => Err(place(&message, &from, ui)),
            Err(OpError::Invalid { field, message }) => Err((field.to_string(), message)),
            Err(OpError::Conflict(message)) => Err(("rules".into(), message)),
            Err(e) => return Err(e.into()),
        })
    })
    .await?;
    match saved {
        Ok(m) => Ok(see_other(&format!("/scoring/{}?ok={}", m.key, if is_new { "created" } else { "saved" }))),
        Err((field, message)) => {
            let ctx = editor(&state, &body, is_new, 0, BTreeMap::from([(field, message)]), ui);
            render(&state, &g, ctx).map(unprocessable)
        }
    }
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    CsrfForm(body): CsrfForm<ModelForm>,
) -> Result<HttpResponse, ApiError> {
    save_form(state, g, None, body).await
}

pub async fn save(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
    CsrfForm(mut body): CsrfForm<ModelForm>,
) -> Result<HttpResponse, ApiError> {
    body.key = path.clone();
    save_form(state, g, Some(path.into_inner()), body).await
}

#[derive(Deserialize)]
pub struct DeleteForm {}

pub async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<DeleteForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, key) = (state.clone(), g.by(), path.into_inner());
    let k = key.clone();
    let r = blocking(move || -> Result<Result<(), String>, ApiError> {
        Ok(match ops::delete(&st, by, &k) {
            Ok(()) => Ok(()),
            Err(OpError::Conflict(m)) => Err(m),
            Err(e) => return Err(e.into()),
        })
    })
    .await?;
    match r {
        Ok(()) => Ok(see_other("/scoring?ok=deleted")),
        Err(message) => {
            let (st, by) = (state.clone(), g.by());
            let m = blocking(move || ops::get(&st, by, &key).map_err(ApiError::from)).await?;
            let ui = super::ui_language(&state, &g);
            let ctx =
                editor(&state, &form_of(&m), false, BLANK_ROWS, BTreeMap::from([("delete".to_string(), message)]), ui);
            let mut res = render(&state, &g, context! { version => m.version, ..ctx })?;
            *res.status_mut() = actix_web::http::StatusCode::CONFLICT;
            Ok(res)
        }
    }
}

/// A contact's scores for the contact page's `score_breakdown.html` macro: per model the
/// score (or that the person objected to profiling) and per rule its part, with every label
/// already in the staff member's language (the macro reads no catalogue). Reads the store:
/// call from the blocking pool.
pub fn breakdown_context(
    state: &AppState,
    by: By,
    viewer: Viewer,
    ui: &Language,
    contact: &ContactId,
) -> Result<Value, ApiError> {
    let labels = context! {
        title => ui.text("cm-score-title", None),
        none => ui.text("cm-score-none", None),
        restricted => ui.text("cm-score-restricted", None),
        objected => ui.text("cm-score-objected", None),
        rule => ui.text("cm-score-col-rule", None),
        counted => ui.text("cm-score-col-counted", None),
        raw => ui.text("cm-score-col-raw", None),
        points => ui.text("cm-score-col-now", None),
        decayed => ui.text("cm-score-col-decayed", None),
        masked => ui.text("cm-score-masked", None),
    };
    let Some(scores) = ops::explain(state, by, contact)? else {
        return Ok(context! { restricted => true, scores => Vec::<Value>::new(), labels => labels });
    };
    let fields = state.fields.all();
    let names = Names::of_fields(&fields);
    let scores: Vec<Value> = scores
        .iter()
        .map(|(m, b)| {
            let half_life = ui.text("cm-score-half-life", Some(&args([("days", Arg::from(trim(m.half_life_days)))])));
            let mut j = breakdown_json(m, b.as_ref(), viewer);
            j["half_life"] = json!(half_life);
            // Each rule in the staff member's words (the API's JSON says it in English).
            if let Some(rules) = j["rules"].as_array_mut() {
                for r in rules {
                    let said = r["rule"].as_u64().and_then(|i| m.rules.get(i as usize));
                    if let Some(rule) = said {
                        r["description"] = json!(super::score_words::rule_words(ui, &names, rule));
                    }
                }
            }
            Value::from_serialize(&j)
        })
        .collect();
    Ok(context! { restricted => false, scores => scores, labels => labels })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The macro renders what the context gives, with no catalogue of its own.
    #[test]
    fn the_breakdown_macro_renders_a_score_and_an_objection() {
        let env = &crate::http::templates::templates();
        let b = json!({
            "restricted": false,
            "labels": {"title": "Scores", "none": "-", "restricted": "r", "objected": "Objected to profiling", "rule": "Rule",
                       "counted": "Counted", "raw": "Raw", "points": "Now", "decayed": "Decayed", "masked": "hidden"},
            "scores": [
                {"model": "engagement", "name": "Engagement", "score": 12.5, "objected": false, "half_life": "halves every 30 days",
                 "rules": [{"description": "opened an email: +1 points", "counted": 3, "raw": 3.0, "points": 2.5, "decayed_away": 0.5}]},
                {"model": "intent", "name": "Intent", "score": null, "objected": true, "rules": []},
            ]
        });
        let html = env
            .render_str(
                "{% import \"score_breakdown.html\" as s %}{{ s.breakdown(b) }}",
                context! { b => Value::from_serialize(&b) },
            )
            .unwrap();
        assert!(html.contains("data-score=\"engagement\"") && html.contains("12.5"), "{html}");
        assert!(html.contains("opened an email") && html.contains("Objected to profiling"), "{html}");
    }
}
