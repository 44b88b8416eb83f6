//! The catalogues in minijinja templates, for every environment that renders text people
//! read (the web pages, the data-subject archive):
//!
//! - `t("key", name=value)`: a public message in the template's `lang`;
//! - `at("key", name=value)`: an admin message in the staff member's `ui_lang`;
//! - `value | ldate`: a moment (RFC 3339) as `lang` writes it, in the time zone `tz`;
//! - `value | code`, `| strong`, `| em`: the value escaped and wrapped in that element.
//!
//! A message whose sentence holds markup (a command in `<code>`, a figure in `<strong>`) stays
//! one message for the translator: the markup comes in as an argument the template marked safe
//! (`at("key", command=("tidings check" | code))`). The message is then escaped as a whole and
//! the markup put in its place, so that neither the translation nor the other arguments (a
//! name someone typed) can add markup of their own.

use minijinja::value::{Kwargs, ValueKind};
use minijinja::{Environment, State, Value};

use super::{admin_catalogue, args, catalogue, Arg, Catalogue, Language};

/// Adds `t`, `at` and `ldate` to an environment.
pub fn register(env: &mut Environment<'_>) {
    env.add_function("t", |s: &State, key: &str, kw: Kwargs| message(s, catalogue(), "lang", key, kw));
    env.add_function("at", |s: &State, key: &str, kw: Kwargs| message(s, admin_catalogue(), "ui_lang", key, kw));
    env.add_filter("ldate", local_date);
    env.add_filter("code", |v: Value| wrapped("code", &v));
    env.add_filter("strong", |v: Value| wrapped("strong", &v));
    env.add_filter("em", |v: Value| wrapped("em", &v));
}

/// `<tag>value</tag>`, the value escaped unless it is markup already (a safe string).
fn wrapped(tag: &str, v: &Value) -> Value {
    let inner = if v.is_safe() { v.to_string() } else { minijinja::HtmlEscape(&v.to_string()).to_string() };
    Value::from_safe_string(format!("<{tag}>{inner}</{tag}>"))
}

/// Private-use characters stand for markup arguments while the message is formatted.
const MARKER: u32 = 0xE000;

fn is_marker(c: char) -> bool {
    (MARKER..MARKER + 0x100).contains(&(c as u32))
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
) -> Result<Value, minijinja::Error> {
    let mut pairs = Vec::new();
    let mut markup: Vec<(char, String)> = Vec::new();
    for name in kwargs.args() {
        let v: Value = kwargs.get(name)?;
        let arg = if v.is_safe() && markup.len() < 0x100 {
            let marker = char::from_u32(MARKER + markup.len() as u32).unwrap_or(char::REPLACEMENT_CHARACTER);
            markup.push((marker, v.to_string()));
            Arg::Text(marker.to_string())
        } else {
            // Numbers stay numbers, so that plural rules apply.
            match v.as_i64() {
                Some(n) if v.kind() == ValueKind::Number => Arg::Number(n as f64),
                // A marker typed into a value would take the markup's place: it means nothing.
                _ => Arg::Text(v.to_string().chars().filter(|c| !is_marker(*c)).collect()),
            }
        };
        pairs.push((name, arg));
    }
    let text = language(state, catalogue, var).text(key, Some(&args(pairs)));
    if markup.is_empty() {
        return Ok(Value::from(text));
    }
    let mut html = minijinja::HtmlEscape(&text).to_string();
    for (marker, piece) in markup {
        html = html.replace(marker, &piece);
    }
    Ok(Value::from_safe_string(html))
}

fn local_date(state: &State, v: String) -> String {
    let Some(t) = chrono::DateTime::parse_from_rfc3339(&v).ok() else { return v };
    let tz: chrono_tz::Tz =
        state.lookup("tz").and_then(|v| v.as_str().and_then(|s| s.parse().ok())).unwrap_or(chrono_tz::UTC);
    language(state, catalogue(), "lang").datetime(&t.with_timezone(&tz))
}

#[cfg(test)]
mod tests {
    use minijinja::{context, Environment};

    fn env() -> Environment<'static> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        super::register(&mut env);
        env
    }

    /// Markup given as an argument stays markup; the message and every other argument are
    /// escaped, so a typed name (or a typed marker character) cannot add any.
    #[test]
    fn markup_arguments_stay_markup_and_nothing_else_does() {
        let env = env();
        let out = env
            .render_str(
                r#"{{ at("acc-login-heading", organisation=name) }}|{{ at("acc-login-forgot", command=("a <b>" | code)) }}"#,
                context! { name => "<i>Shop</i>\u{E000}", ui_lang => "en" },
            )
            .unwrap();
        let (plain, marked) = out.split_once('|').unwrap();
        assert_eq!(plain, "Sign in to &lt;i&gt;Shop&lt;&#x2f;i&gt;");
        assert!(marked.contains("or run <code>a &lt;b&gt;</code> on the server."), "{marked}");
        let out = env
            .render_str(
                r#"{{ at("acc-notice-failures", count=2, attempts=(at("acc-notice-attempts", count=2) | strong)) }}"#,
                context! { ui_lang => "de" },
            )
            .unwrap();
        assert!(out.contains("wurden <strong>2 fehlgeschlagene Versuche</strong> unternommen"), "{out}");
        let out = env
            .render_str(
                r#"{{ at("acc-login-forgot", command=("x" | code)) }}|{{ at("acc-login-heading", organisation=typed) }}"#,
                context! { typed => "Shop\u{E000}" },
            )
            .unwrap();
        assert!(
            out.contains("<code>x</code>") && out.ends_with("|Sign in to Shop"),
            "a typed marker is dropped: {out}"
        );
    }
}
