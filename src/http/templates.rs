//! HTML templates (minijinja, auto-escaped), loaded from the embedded `web/templates`.

use minijinja::{Environment, State, Value};

use crate::i18n::{args, Arg, Language};

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

/// The web pages' templates: built once, shared by every request (they are embedded and never
/// change while the server runs).
pub fn templates() -> &'static Templates {
    static TEMPLATES: std::sync::OnceLock<Templates> = std::sync::OnceLock::new();
    TEMPLATES.get_or_init(Templates::new)
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
        // Reports: `0.123 | percent` → 12.3%, `4990 | money` → 49.90, `12345 | number` → 12,345,
        // each as the staff member's language writes it.
        env.add_filter("percent", percent);
        env.add_filter("money", money);
        env.add_filter("number", number);
        // `t(…)` (public pages), `at(…)` (admin pages) and `| ldate`.
        crate::i18n::templating::register(&mut env);
        Self { env }
    }

    /// Renders a template given as text (tests of a macro).
    #[cfg(test)]
    pub fn render_str(&self, source: &str, ctx: Value) -> Result<String, ApiError> {
        self.env.render_str(source, ctx).map_err(|e| ApiError::internal(format!("template: {e:#}")))
    }

    pub fn render(&self, name: &str, ctx: Value) -> Result<String, ApiError> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|e| ApiError::internal(format!("template {name}: {e:#}")))
    }
}

fn parse_time(v: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(v).ok().map(|t| t.with_timezone(&chrono::Utc))
}

/// `2026-11-23 14:05 UTC`
fn datetime(v: String) -> String {
    parse_time(&v).map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or(v)
}

/// The staff member's language for the admin pages (`ui_lang`), English on pages without one.
fn ui(state: &State) -> &'static Language {
    let code = state.lookup("ui_lang").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    crate::i18n::admin_catalogue().get(&code)
}

fn count_text(lang: &Language, key: &str, n: i64) -> String {
    lang.text(key, Some(&args([("count", Arg::Number(n as f64))])))
}

/// `5 minutes ago`, `vor 5 Minuten`
fn ago(state: &State, v: String) -> String {
    let Some(t) = parse_time(&v) else { return v };
    let lang = ui(state);
    let secs = (chrono::Utc::now() - t).num_seconds();
    match secs {
        s if s < -3600 => count_text(lang, "time-in-hours", -s / 3600),
        s if s < -60 => count_text(lang, "time-in-minutes", -s / 60),
        s if s < 0 => count_text(lang, "time-in-seconds", -s),
        s if s < 60 => lang.text("time-just-now", None),
        s if s < 3600 => count_text(lang, "time-minutes-ago", s / 60),
        s if s < 86_400 => count_text(lang, "time-hours-ago", s / 3600),
        s => count_text(lang, "time-days-ago", s / 86_400),
    }
}

/// `12,345` (`12.345` in German)
fn number(state: &State, v: i64) -> String {
    ui(state).number(v as f64)
}

/// `12.3%` (`12,3 %` in German); a dash when there is nothing to divide by.
fn percent(state: &State, v: Option<f64>) -> String {
    let Some(f) = v else { return "—".into() };
    let lang = ui(state);
    let p = (f * 1000.0).round() / 10.0;
    lang.text("format-percent", Some(&args([("value", Arg::Text(lang.number(p)))])))
}

/// Minor units in major units with two decimals: `4990` → `49.90` (`49,90` in German).
fn money(state: &State, cents: i64) -> String {
    let lang = ui(state);
    let whole = lang.number((cents.abs() / 100) as f64);
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{whole}{}{:02}", lang.decimal_mark(), cents.abs() % 100)
}

/// `812 KB`, `3.4 MB` (`3,4 MB` in German)
fn filesize(state: &State, bytes: u64) -> String {
    let lang = ui(state);
    let one = |n: f64| lang.number((n * 10.0).round() / 10.0);
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{} KB", b / 1024),
        b if b < 1024 * 1024 * 1024 => format!("{} MB", one(b as f64 / 1048576.0)),
        b => format!("{} GB", one(b as f64 / 1073741824.0)),
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
