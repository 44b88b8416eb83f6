//! HTML templates (minijinja, auto-escaped), loaded from the embedded `web/templates`.

use minijinja::{Environment, Value};

use super::assets::Web;
use super::error::ApiError;

pub struct Templates {
    env: Environment<'static>,
}

impl Default for Templates {
    fn default() -> Self {
        Self::new()
    }
}

impl Templates {
    pub fn new() -> Self {
        let mut env = Environment::new();
        env.set_loader(|name| {
            Ok(Web::get(&format!("templates/{name}")).map(|f| String::from_utf8_lossy(&f.data).into_owned()))
        });
        // Every template escapes HTML, whatever its name ends with: minijinja's default picks
        // by extension and would not escape a `.svg` or `.txt` template. Pages show what
        // visitors and API callers sent (addresses, user agents, event properties).
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        // Optional context (errors, notices) may be absent: `errors.name` on nothing is nothing.
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        env.add_global("version", env!("CARGO_PKG_VERSION"));
        env.add_filter("datetime", datetime);
        env.add_filter("ago", ago);
        env.add_filter("filesize", filesize);
        // Reports: `0.123 | percent` → 12.3%, `4990 | money` → 49.90, `12345 | number` → 12,345.
        env.add_filter("percent", |v: Option<f64>| v.map_or_else(|| "—".to_string(), crate::reports::chart::percent));
        env.add_filter("money", |v: i64| crate::reports::chart::money(v));
        env.add_filter("number", |v: i64| crate::reports::chart::grouped(v));
        // Public pages: `t("key", name=value)` in the page's `lang`, and dates as it writes them.
        env.add_function("t", translate);
        // Admin pages: `at("key")` in the staff member's language (`ui_lang`).
        env.add_function("at", translate_admin);
        env.add_filter("ldate", local_date);
        Self { env }
    }

    pub fn render(&self, name: &str, ctx: Value) -> Result<String, ApiError> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|e| ApiError::internal(format!("template {name}: {e:#}")))
    }
}

/// The page's language (`lang` in the context), English when there is none.
fn page_language(state: &minijinja::State) -> &'static crate::i18n::Language {
    let code = state.lookup("lang").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    crate::i18n::catalogue().get(&code)
}

/// `t("key")` or `t("key", name=value, count=3)`: the message in the page's language.
fn translate(
    state: &minijinja::State,
    key: &str,
    kwargs: minijinja::value::Kwargs,
) -> Result<String, minijinja::Error> {
    let mut pairs = Vec::new();
    for name in kwargs.args() {
        let v: Value = kwargs.get(name)?;
        let arg = match v.as_i64() {
            Some(n) if v.kind() == minijinja::value::ValueKind::Number => crate::i18n::Arg::Number(n as f64),
            _ => crate::i18n::Arg::Text(v.to_string()),
        };
        pairs.push((name, arg));
    }
    let args = crate::i18n::args(pairs);
    Ok(page_language(state).text(key, Some(&args)))
}

/// `at("key", name=value)`: an admin page's message in the staff member's language.
fn translate_admin(
    state: &minijinja::State,
    key: &str,
    kwargs: minijinja::value::Kwargs,
) -> Result<String, minijinja::Error> {
    let code = state.lookup("ui_lang").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let mut pairs = Vec::new();
    for name in kwargs.args() {
        let v: Value = kwargs.get(name)?;
        let arg = match v.as_i64() {
            Some(n) if v.kind() == minijinja::value::ValueKind::Number => crate::i18n::Arg::Number(n as f64),
            _ => crate::i18n::Arg::Text(v.to_string()),
        };
        pairs.push((name, arg));
    }
    let args = crate::i18n::args(pairs);
    Ok(crate::i18n::admin_catalogue().text(&code, key, Some(&args)))
}

/// A moment (RFC 3339) as the page's language writes it, in the page's time zone (`tz`).
fn local_date(state: &minijinja::State, v: String) -> String {
    let Some(t) = parse_time(&v) else { return v };
    let tz: chrono_tz::Tz =
        state.lookup("tz").and_then(|v| v.as_str().and_then(|s| s.parse().ok())).unwrap_or(chrono_tz::UTC);
    page_language(state).datetime(&t.with_timezone(&tz))
}

fn parse_time(v: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(v).ok().map(|t| t.with_timezone(&chrono::Utc))
}

/// `2026-11-23 14:05 UTC`
fn datetime(v: String) -> String {
    parse_time(&v).map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or(v)
}

/// `5 minutes ago`
fn ago(v: String) -> String {
    let Some(t) = parse_time(&v) else { return v };
    let secs = (chrono::Utc::now() - t).num_seconds();
    let (n, unit) = match secs {
        s if s < 0 => return format!("in {}", human(-s)),
        s if s < 60 => return "just now".into(),
        s if s < 3600 => (s / 60, "minute"),
        s if s < 86_400 => (s / 3600, "hour"),
        s => (s / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

/// `812 KB`, `3.4 MB`
fn filesize(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{} KB", b / 1024),
        b if b < 1024 * 1024 * 1024 => format!("{:.1} MB", b as f64 / 1048576.0),
        b => format!("{:.1} GB", b as f64 / 1073741824.0),
    }
}

fn human(secs: i64) -> String {
    match secs {
        s if s < 60 => format!("{s} seconds"),
        s if s < 3600 => format!("{} minutes", s / 60),
        s => format!("{} hours", s / 3600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    #[test]
    fn every_template_escapes_html() {
        let t = Templates::new();
        let evil = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
        let html = t.render("error.html", context! { title => evil, message => evil, status => 400 }).unwrap();
        assert!(!html.contains("<script>alert") && !html.contains("<img src=x"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        // Even a template whose name has no .html extension (minijinja's default would not
        // escape it).
        let out = t.env.render_str("<text>{{ v }}</text>", context! { v => evil }).unwrap();
        assert!(out.starts_with("<text>&lt;script&gt;"), "{out}");
    }
}
