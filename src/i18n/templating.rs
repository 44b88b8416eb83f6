//! The catalogues in minijinja templates, for every environment that renders text people
//! read (the web pages, the data-subject archive):
//!
//! - `t("key", name=value)`: a public message in the template's `lang`;
//! - `at("key", name=value)`: an admin message in the staff member's `ui_lang`;
//! - `value | ldate`: a moment (RFC 3339) as `lang` writes it, in the time zone `tz`.

use minijinja::value::{Kwargs, ValueKind};
use minijinja::{Environment, State, Value};

use super::{admin_catalogue, args, catalogue, Arg, Catalogue, Language};

/// Adds `t`, `at` and `ldate` to an environment.
pub fn register(env: &mut Environment<'_>) {
    env.add_function("t", |s: &State, key: &str, kw: Kwargs| message(s, catalogue(), "lang", key, kw));
    env.add_function("at", |s: &State, key: &str, kw: Kwargs| message(s, admin_catalogue(), "ui_lang", key, kw));
    env.add_filter("ldate", local_date);
}

/// The language named by the context variable `var` in `catalogue`, its source when none.
fn language(state: &State, catalogue: &'static Catalogue, var: &str) -> &'static Language {
    let code = state.lookup(var).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    catalogue.get(&code)
}

fn message(
    state: &State,
    catalogue: &'static Catalogue,
    var: &str,
    key: &str,
    kwargs: Kwargs,
) -> Result<String, minijinja::Error> {
    let mut pairs = Vec::new();
    for name in kwargs.args() {
        let v: Value = kwargs.get(name)?;
        // Numbers stay numbers, so that plural rules apply.
        let arg = match v.as_i64() {
            Some(n) if v.kind() == ValueKind::Number => Arg::Number(n as f64),
            _ => Arg::Text(v.to_string()),
        };
        pairs.push((name, arg));
    }
    Ok(language(state, catalogue, var).text(key, Some(&args(pairs))))
}

fn local_date(state: &State, v: String) -> String {
    let Some(t) = chrono::DateTime::parse_from_rfc3339(&v).ok() else { return v };
    let tz: chrono_tz::Tz =
        state.lookup("tz").and_then(|v| v.as_str().and_then(|s| s.parse().ok())).unwrap_or(chrono_tz::UTC);
    language(state, catalogue(), "lang").datetime(&t.with_timezone(&tz))
}
