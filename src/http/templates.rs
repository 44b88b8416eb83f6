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
        // Reports: `0.123 | percent` → 12.3%, `4990 | money` → 49.90, `12345 | number` → 12,345.
        env.add_filter("percent", |v: Option<f64>| v.map_or_else(|| "—".to_string(), crate::reports::chart::percent));
        env.add_filter("money", |v: i64| crate::reports::chart::money(v));
        env.add_filter("number", |v: i64| crate::reports::chart::grouped(v));
        // `t(…)` (public pages), `at(…)` (admin pages) and `| ldate`.
        crate::i18n::templating::register(&mut env);
        Self { env }
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
