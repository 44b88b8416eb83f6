//! Campaign templates: a layout around a body, in a sandboxed minijinja.
//!
//! The sandbox ([`super::sandbox`]): no loader (an `include`, `import` or `extends` finds
//! nothing, so no file is ever read), no function that reaches the environment, the clock or
//! the network, a fuel limit on the work one rendering may do (an endless loop stops), a bound
//! on the memory it may use (constructs that grow without limit are refused when a template is
//! prepared or saved, filters count what they make, the output has a size limit), and HTML
//! auto-escaping of every merge field in the HTML part.
//!
//! Everything that does not depend on the contact is done once, in [`PreparedCampaign::prepare`]:
//! the Markdown is converted, the body is placed in the layout, CSS is inlined and the plain-text
//! part is derived, all on the template itself, with each template tag standing in as a
//! placeholder that HTML tools leave alone (an HTML comment between elements, a plain word inside
//! attributes and raw text). What remains per contact is filling fields:
//! [`PreparedCampaign::render`].

use minijinja::{context, Environment, ErrorKind, Value};
use serde::Serialize;

use super::html_text;
use super::sandbox::{self, Limited, MAX_SUBJECT};

/// Which part of the campaign an error is in, for the editor (and the form field it names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Subject,
    Layout,
    Body,
    /// The assembled message (a limit that only the whole message passes).
    Message,
}

impl Part {
    /// The form or API field the part is edited in.
    pub fn field(&self) -> &'static str {
        match self {
            Part::Subject => "subject",
            Part::Layout => "layout",
            Part::Body | Part::Message => "body",
        }
    }
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Part::Subject => "subject",
            Part::Layout => "layout",
            Part::Body => "body",
            Part::Message => "message",
        })
    }
}

/// A template error the editor can point at: the part, the line in what the user wrote, and
/// what is wrong in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{part}{}: {message}", line.map(|l| format!(", line {l}")).unwrap_or_default())]
pub struct TemplateError {
    pub part: Part,
    pub line: Option<usize>,
    pub message: String,
}

impl TemplateError {
    pub(super) fn new(part: Part, line: Option<usize>, message: impl Into<String>) -> Self {
        Self { part, line, message: message.into() }
    }

    fn from_engine(part: Part, e: &minijinja::Error) -> Self {
        let message = match e.kind() {
            ErrorKind::OutOfFuel => {
                "rendering stopped: the template does too much work (a loop that never ends, or loops inside \
                 loops over large ranges)"
                    .to_string()
            }
            ErrorKind::TemplateNotFound => {
                "templates cannot include, import or extend other templates or files".to_string()
            }
            // The value budget names itself; the engine's "invalid operation" adds nothing.
            ErrorKind::InvalidOperation if e.detail().is_some_and(|d| d.starts_with(sandbox::LIMIT_PREFIX)) => {
                e.detail().unwrap_or_default().to_string()
            }
            kind => match e.detail() {
                Some(detail) => format!("{kind}: {detail}"),
                None => kind.to_string(),
            },
        };
        Self::new(part, e.line(), message)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyFormat {
    Markdown,
    Html,
}

/// What the marketer wrote.
#[derive(Debug, Clone, Copy)]
pub struct CampaignSource<'a> {
    pub subject: &'a str,
    /// HTML around the body, with `{{ content }}` where the body goes.
    pub layout: &'a str,
    pub body: &'a str,
    pub format: BodyFormat,
}

/// The layout used when a campaign names none: readable on phones, no images, no web fonts.
/// The footer prints who is writing and the legal footer a line per line; `+%}` keeps the line
/// break after the `<br>` in the text part (the sandbox trims the one after a block tag).
pub const DEFAULT_LAYOUT: &str = r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { margin: 0; padding: 0; background: #f4f4f5; color: #1f2937; font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.5; }
.wrap { max-width: 600px; margin: 0 auto; padding: 24px 16px; }
.card { background: #ffffff; border-radius: 6px; padding: 24px; }
h1, h2, h3 { color: #111827; line-height: 1.25; }
a { color: #1d4ed8; }
.footer { color: #6b7280; font-size: 13px; padding: 16px 8px; text-align: center; }
.footer a { color: #6b7280; }
@media (max-width: 480px) { .card { padding: 16px; } }
</style>
</head>
<body>
<div class="wrap">
<div class="card">
{{ content }}
</div>
<div class="footer">
{% if organisation %}<p class="sender">{{ organisation }}{% if postal_address %} &middot; {{ postal_address }}{% endif %}</p>{% endif %}
{% if legal_footer_lines %}<p class="legal">{% for line in legal_footer_lines %}{{ line }}{% if not loop.last +%}<br>{% endif %}{% endfor %}</p>{% endif %}
<a href="{{ view_in_browser_url }}">{{ labels.view_in_browser }}</a> &middot;
<a href="{{ preferences_url }}">{{ labels.preferences }}</a> &middot;
<a href="{{ unsubscribe_url }}">{{ labels.unsubscribe }}</a> &middot;
<a href="{{ privacy_url }}">{{ labels.privacy }}</a>
</div>
</div>
</body>
</html>
"#;

/// Limits on one rendering of one message (see [`super::sandbox`] for what they bound).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Template instructions one part may execute (minijinja "fuel").
    pub fuel: u64,
    /// Largest HTML or text part, in bytes.
    pub max_output: usize,
    /// Bytes the strings and lists that one part's filters make may add up to.
    pub max_values: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { fuel: 200_000, max_output: 2 * 1024 * 1024, max_values: 8 * 1024 * 1024 }
    }
}

/// The largest template a part may be (a body, a layout), in bytes: what a compiled template
/// and a rendering's variables can hold grows with it.
pub const MAX_SOURCE: usize = 512 * 1024;

/// The checks a part passes before it is compiled: its size, and no construct whose result has
/// no size bound (see [`super::sandbox`]). For the places that save a template: a draft may
/// have a syntax error (it is unfinished), but never a construct that can never be sent.
pub fn check_source(src: &str, part: Part) -> Result<(), TemplateError> {
    if src.len() > MAX_SOURCE {
        return Err(TemplateError::new(part, None, format!("is larger than {} KiB", MAX_SOURCE / 1024)));
    }
    sandbox::check(src, part)
}

/// The links every message may carry, filled by the outbox per contact. They take precedence
/// over contact fields of the same name.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct SystemLinks<'a> {
    pub unsubscribe_url: &'a str,
    pub preferences_url: &'a str,
    pub view_in_browser_url: &'a str,
    pub privacy_url: &'a str,
    /// Who is writing (Settings): the default layouts print them in every footer (Impressum,
    /// CAN-SPAM); custom layouts use `{{ organisation }}` and `{{ postal_address }}`.
    pub organisation: &'a str,
    pub postal_address: &'a str,
    /// The shop's legal footer in the message's language (Settings, one line per line): the
    /// default layouts print it under the organisation; custom layouts use
    /// `{{ legal_footer }}` (the text) or `{% for line in legal_footer_lines %}`.
    pub legal_footer: &'a str,
    /// The language the message is written in: the built-in layouts' link texts
    /// (`{{ labels.unsubscribe }}` …) come from its catalogue and the HTML part's `<html lang>`
    /// is set to it. None: English, and `<html>` as the layout has it.
    #[serde(skip)]
    pub language: Option<&'static crate::i18n::Language>,
}

/// The built-in layouts' link texts in `lang` (`{{ labels.unsubscribe }}` …), worded once per
/// language: every message of a campaign needs them.
fn labels(lang: &crate::i18n::Language) -> Value {
    static LABELS: std::sync::OnceLock<std::collections::BTreeMap<String, Value>> = std::sync::OnceLock::new();
    let all = LABELS.get_or_init(|| {
        crate::i18n::catalogue()
            .languages()
            .iter()
            .map(|l| {
                let labels = context! {
                    view_in_browser => l.text("mail-footer-view", None),
                    preferences => l.text("mail-footer-preferences", None),
                    unsubscribe => l.text("mail-footer-unsubscribe", None),
                    privacy => l.text("mail-footer-privacy", None),
                };
                (l.code.clone(), labels)
            })
            .collect()
    });
    all.get(&lang.code).cloned().unwrap_or_default()
}

/// One message's content, ready for [`super::message::Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedMessage {
    pub subject: String,
    pub html: String,
    pub text: String,
}

const SUBJECT: &str = "subject";
const LAYOUT: &str = "layout";
const BODY: &str = "body";
const HTML: &str = "message.html";
const TEXT: &str = "message.txt";

/// A campaign compiled once, rendered per contact. `Send + Sync`: one per campaign, shared by
/// every mailer worker.
pub struct PreparedCampaign {
    env: Environment<'static>,
    limits: Limits,
    html_template: String,
    text_template: String,
}

impl std::fmt::Debug for PreparedCampaign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedCampaign").field("limits", &self.limits).finish_non_exhaustive()
    }
}

impl PreparedCampaign {
    pub fn prepare(source: &CampaignSource<'_>, limits: Limits) -> Result<Self, TemplateError> {
        let mut env = sandbox::environment(limits);
        if let Some(bad) = source.subject.chars().find(|c| crate::domain::header::refused(*c)) {
            return Err(TemplateError::new(
                Part::Subject,
                None,
                format!(
                    "contains the control character {}; a subject is one line of text",
                    crate::domain::header::describe(bad)
                ),
            ));
        }
        // Each part alone first: a refused construct or a syntax error then names the line the
        // user wrote. The check comes before compiling: compiling already evaluates constant
        // expressions (`'x' * 100000000`).
        for (name, part, src) in [
            (SUBJECT, Part::Subject, source.subject),
            (LAYOUT, Part::Layout, source.layout),
            (BODY, Part::Body, source.body),
        ] {
            check_source(src, part)?;
            env.add_template_owned(name, src.to_string()).map_err(|e| TemplateError::from_engine(part, &e))?;
        }

        let mut tags = Tags::new(&[source.layout, source.body]);
        let layout = tags.protect(source.layout, Part::Layout);
        let body = tags.protect(source.body, Part::Body);
        let content = tags.content_marker();
        match layout.matches(&content).count() {
            1 => {}
            0 => {
                return Err(TemplateError::new(
                    Part::Layout,
                    None,
                    "the layout needs {{ content }} where the body goes",
                ))
            }
            _ => {
                return Err(TemplateError::new(Part::Layout, None, "{{ content }} may appear only once in the layout"))
            }
        }
        let body_html = match source.format {
            BodyFormat::Html => body,
            BodyFormat::Markdown => tags.unwrap_statement_paragraphs(&markdown(&body, &|w| tags.is_statement(w))),
        };
        let document = tags.in_context(&layout.replacen(&content, &body_html, 1));
        let inlined = inline_css(&document)?;
        let prefix = tags.prefix.clone();
        let text = html_text::html_to_text(&inlined, &prefix, &|token| tags.is_statement(token));
        let html_template = tags.restore(&inlined, true)?;
        let text_template = tags.restore(&text, false)?;
        // The assembled parts hold the same tags as the parts checked above; checked again all
        // the same, since these are what is rendered.
        sandbox::check(&html_template, Part::Message)?;
        sandbox::check(&text_template, Part::Message)?;
        env.add_template_owned(HTML, html_template.clone())
            .map_err(|e| TemplateError::from_engine(Part::Message, &e))?;
        env.add_template_owned(TEXT, text_template.clone())
            .map_err(|e| TemplateError::from_engine(Part::Message, &e))?;
        Ok(Self { env, limits, html_template, text_template })
    }

    /// Renders one message. `fields` is an object of merge fields (`email`, `first_name`,
    /// custom fields … as the caller decides); `links` are the system links.
    pub fn render(
        &self,
        fields: &serde_json::Value,
        links: &SystemLinks<'_>,
    ) -> Result<RenderedMessage, TemplateError> {
        let fields = if fields.is_object() { Value::from_serialize(fields) } else { Value::from(()) };
        let lang = links.language.unwrap_or_else(|| crate::i18n::catalogue().source());
        let ctx = context! {
            lang => lang.code.as_str(),
            labels => labels(lang),
            unsubscribe_url => links.unsubscribe_url,
            preferences_url => links.preferences_url,
            view_in_browser_url => links.view_in_browser_url,
            privacy_url => links.privacy_url,
            organisation => links.organisation,
            postal_address => links.postal_address,
            legal_footer => links.legal_footer,
            legal_footer_lines => links.legal_footer.lines().collect::<Vec<_>>(),
            ..fields
        };
        let mut subject = Limited::new(256, MAX_SUBJECT);
        match self.env.get_template(SUBJECT).and_then(|t| t.render_captured_to(&ctx, &mut subject).map(|_| ())) {
            Ok(()) => {}
            Err(_) if subject.over() => {
                return Err(TemplateError::new(
                    Part::Subject,
                    None,
                    format!("is longer than {MAX_SUBJECT} bytes with these merge fields"),
                ))
            }
            Err(e) => return Err(TemplateError::from_engine(Part::Subject, &e)),
        }
        // A merge field may hold a tab or a line break (contact data, a message's data): in a
        // subject it becomes a space rather than failing the message at the header.
        let subject = crate::domain::header::clean(&subject.into_string());
        let mut html = self.render_part(HTML, &ctx)?;
        if let Some(lang) = links.language {
            set_html_lang(&mut html, &lang.code);
        }
        let text = html_text::tidy(&self.render_part(TEXT, &ctx)?);
        Ok(RenderedMessage { subject, html, text })
    }

    fn render_part(&self, name: &str, ctx: &Value) -> Result<String, TemplateError> {
        let mut out = Limited::new(name.len() * 2 + 4096, self.limits.max_output);
        let result = self.env.get_template(name).and_then(|t| t.render_captured_to(ctx, &mut out).map(|_| ()));
        match result {
            Ok(()) => Ok(out.into_string()),
            Err(_) if out.over() => Err(TemplateError::new(
                Part::Message,
                None,
                format!("the rendered message is larger than {} KiB", self.limits.max_output / 1024),
            )),
            Err(e) => Err(self.locate(ctx, &e)),
        }
    }

    /// The assembled template's line numbers mean nothing to the user: render the layout and the
    /// body as they wrote them to find which one fails, and where (into the same bounded
    /// output, discarded).
    fn locate(&self, ctx: &Value, assembled: &minijinja::Error) -> TemplateError {
        let layout_ctx = context! { content => "", ..ctx.clone() };
        for (name, part, ctx) in [(LAYOUT, Part::Layout, &layout_ctx), (BODY, Part::Body, ctx)] {
            let mut out = Limited::new(4096, self.limits.max_output);
            if let Err(e) = self.env.get_template(name).and_then(|t| t.render_captured_to(ctx, &mut out).map(|_| ())) {
                if !out.over() {
                    return TemplateError::from_engine(part, &e);
                }
            }
        }
        TemplateError { line: None, ..TemplateError::from_engine(Part::Message, assembled) }
    }

    /// The HTML part as a template, after Markdown, layout and CSS inlining (for the editor).
    pub fn html_template(&self) -> &str {
        &self.html_template
    }

    /// The plain-text part as a template.
    pub fn text_template(&self) -> &str {
        &self.text_template
    }
}

/// Markdown to HTML. A line break the author typed stays a line break (people write mail, not
/// Markdown: joining their lines into one surprised them), except beside a template statement
/// on a line of its own (`{% if %}`), which must leave no break behind.
fn markdown(src: &str, is_statement: &dyn Fn(&str) -> bool) -> String {
    use pulldown_cmark::{html, Event, Options, Parser};
    let events: Vec<Event<'_>> = Parser::new_ext(src, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).collect();
    let text_at = |i: usize| match events.get(i) {
        Some(Event::Text(t)) => Some(t.as_ref()),
        _ => None,
    };
    let statement_beside = |i: usize| {
        let before = (0..i).rev().find_map(text_at).and_then(|t| t.split_whitespace().last());
        let after = (i + 1..events.len()).find_map(text_at).and_then(|t| t.split_whitespace().next());
        before.is_some_and(is_statement) || after.is_some_and(is_statement)
    };
    let breaks: Vec<bool> =
        (0..events.len()).map(|i| matches!(events[i], Event::SoftBreak) && !statement_beside(i)).collect();
    let mut out = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter().zip(breaks).map(|(e, hard)| if hard { Event::HardBreak } else { e }));
    out
}

fn inline_css(document: &str) -> Result<String, TemplateError> {
    let inliner = css_inline::CSSInliner::options()
        .load_remote_stylesheets(false)
        .keep_link_tags(false)
        // @media rules cannot be inlined: they stay in a <style> block for clients that read it.
        .keep_at_rules(true)
        .apply_width_attributes(true)
        .resolve_css_variables(true)
        .build();
    inliner
        .inline(document)
        .map_err(|e| TemplateError::new(Part::Layout, None, format!("inlining the CSS failed: {e}")))
}

struct Tag {
    text: String,
    part: Part,
    line: usize,
    statement: bool,
}

/// Template tags swapped for placeholders while the HTML tools run, and swapped back after.
struct Tags {
    /// Lower case (HTML lower-cases attribute names) and absent from every source.
    prefix: String,
    tags: Vec<Tag>,
}

impl Tags {
    fn new(sources: &[&str]) -> Self {
        let mut prefix = "tdgtag".to_string();
        while sources.iter().any(|s| s.to_ascii_lowercase().contains(&prefix)) {
            prefix.push('q');
        }
        Self { prefix, tags: Vec::new() }
    }

    fn token(&self, n: usize) -> String {
        format!("{}{n}x", self.prefix)
    }

    fn content_marker(&self) -> String {
        format!("{}contentx", self.prefix)
    }

    fn is_statement(&self, token: &str) -> bool {
        self.number(token).and_then(|n| self.tags.get(n)).is_some_and(|t| t.statement)
    }

    fn number(&self, token: &str) -> Option<usize> {
        token.strip_prefix(&self.prefix)?.strip_suffix('x')?.parse().ok()
    }

    /// Replaces every `{{ … }}`, `{% … %}` and `{# … #}` (a `{% raw %}` block as a whole) with
    /// a placeholder word; the layout's `{{ content }}` with the content marker.
    fn protect(&mut self, src: &str, part: Part) -> String {
        let mut out = String::with_capacity(src.len());
        let mut rest = src;
        let mut line = 1;
        while let Some(at) = find_tag_start(rest) {
            out.push_str(&rest[..at]);
            line += rest[..at].matches('\n').count();
            let tail = &rest[at..];
            let close = match &tail[..2] {
                "{{" => "}}",
                "{%" => "%}",
                _ => "#}",
            };
            let Some(end) = tail[2..].find(close).map(|n| n + 4) else {
                // Unclosed: the syntax check has already refused it; keep the text.
                out.push_str(tail);
                return out;
            };
            let mut end = end;
            let inner = tail[2..end - 2].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
            if close == "%}" && inner == "raw" {
                if let Some(stop) = find_endraw(&tail[end..]) {
                    end += stop;
                }
            }
            let text = &tail[..end];
            if part == Part::Layout
                && close == "}}"
                && matches!(inner.replace(' ', "").as_str(), "content" | "content|safe")
            {
                out.push_str(&self.content_marker());
            } else {
                out.push_str(&self.token(self.tags.len()));
                self.tags.push(Tag { text: text.to_string(), part, line, statement: close != "}}" });
            }
            line += text.matches('\n').count();
            rest = &tail[end..];
        }
        out.push_str(rest);
        out
    }

    /// Markdown wraps a statement on a line of its own in a paragraph; unwrap it so that an
    /// `{% if %}` leaves no empty paragraph behind.
    fn unwrap_statement_paragraphs(&self, html: &str) -> String {
        let mut out = html.to_string();
        for (n, tag) in self.tags.iter().enumerate() {
            if tag.statement {
                let token = self.token(n);
                out = out.replace(&format!("<p>{token}</p>"), &token);
            }
        }
        out
    }

    /// Placeholders between elements become HTML comments, which an HTML parser keeps where
    /// they are (text between table rows would be moved before the table); inside tags and
    /// raw text (style, title) they stay plain words.
    fn in_context(&self, html: &str) -> String {
        let mut out = String::with_capacity(html.len() + self.tags.len() * 8);
        let bytes = html.as_bytes();
        let mut i = 0;
        let mut raw_until: Option<&'static str> = None;
        while i < bytes.len() {
            let rest = &html[i..];
            if let Some(end_tag) = raw_until {
                if rest.len() >= end_tag.len() && rest[..end_tag.len()].eq_ignore_ascii_case(end_tag) {
                    raw_until = None;
                    continue;
                }
                let ch = rest.chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8();
                continue;
            }
            if let Some(comment) = rest.strip_prefix("<!--") {
                let end = comment.find("-->").map_or(rest.len(), |n| n + 7);
                out.push_str(&rest[..end]);
                i += end;
                continue;
            }
            if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
            {
                let end = super::html_text::find_tag_end(rest);
                let lower = rest[..end.min(10)].to_ascii_lowercase();
                for name in ["style", "title", "script", "textarea"] {
                    let open = format!("<{name}");
                    if lower.starts_with(&open) && !lower[open.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
                    {
                        raw_until = Some(match name {
                            "style" => "</style",
                            "title" => "</title",
                            "script" => "</script",
                            _ => "</textarea",
                        });
                    }
                }
                out.push_str(&rest[..end]);
                i += end;
                continue;
            }
            if let Some(len) = self.token_at(rest) {
                out.push_str("<!--");
                out.push_str(&rest[..len]);
                out.push_str("-->");
                i += len;
                continue;
            }
            let ch = rest.chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
        }
        out
    }

    /// Length of the placeholder at the start of `s`, if one is there.
    fn token_at(&self, s: &str) -> Option<usize> {
        let digits = s.strip_prefix(&self.prefix)?;
        let n = digits.bytes().take_while(u8::is_ascii_digit).count();
        (n > 0 && digits.as_bytes().get(n) == Some(&b'x')).then_some(self.prefix.len() + n + 1)
    }

    /// Puts the tags back. Every statement must be found exactly once (expressions at least
    /// once in the HTML: CSS inlining may copy a `{{ colour }}` into several elements).
    fn restore(&self, s: &str, html: bool) -> Result<String, TemplateError> {
        let mut seen = vec![0usize; self.tags.len()];
        let mut out = String::with_capacity(s.len() + self.tags.iter().map(|t| t.text.len()).sum::<usize>());
        let mut rest = s;
        while let Some(at) = rest.find(&self.prefix) {
            let (before, tail) = rest.split_at(at);
            let (comment_open, before) = match before.strip_suffix("<!--") {
                Some(b) => (true, b),
                None => (false, before),
            };
            out.push_str(before);
            match self.token_at(tail) {
                Some(len) => {
                    let n = self.number(&tail[..len]).unwrap_or(usize::MAX);
                    let Some(tag) = self.tags.get(n) else {
                        out.push_str(&tail[..len]);
                        rest = &tail[len..];
                        continue;
                    };
                    seen[n] += 1;
                    out.push_str(&tag.text);
                    let mut after = &tail[len..];
                    if comment_open {
                        after = after.strip_prefix("-->").unwrap_or(after);
                    }
                    // A tag written where an attribute name goes comes back as `tag=""`.
                    if before.ends_with(char::is_whitespace) {
                        after = after.strip_prefix("=\"\"").unwrap_or(after);
                    }
                    rest = after;
                }
                None => {
                    if comment_open {
                        out.push_str("<!--");
                    }
                    out.push_str(&tail[..self.prefix.len()]);
                    rest = &tail[self.prefix.len()..];
                }
            }
        }
        out.push_str(rest);
        for (tag, count) in self.tags.iter().zip(&seen) {
            let lost = if tag.statement { *count != 1 } else { html && *count == 0 };
            if lost {
                return Err(TemplateError::new(
                    tag.part,
                    Some(tag.line),
                    format!(
                        "`{}` could not be kept in place while the CSS was inlined; a tag inside <style> or \
                         <head>, or inside an element that mail clients do not show, cannot work (CSS is applied \
                         once per campaign)",
                        shorten(&tag.text)
                    ),
                ));
            }
        }
        Ok(out)
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}

fn find_tag_start(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    (0..bytes.len().saturating_sub(1)).find(|&i| bytes[i] == b'{' && matches!(bytes[i + 1], b'{' | b'%' | b'#'))
}

/// Offset just past the `{% endraw %}` in `s`.
fn find_endraw(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = s[from..].find("{%") {
        let start = from + at;
        let end = s[start..].find("%}")? + start + 2;
        if s[start + 2..end - 2].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace()) == "endraw" {
            return Some(end);
        }
        from = end;
    }
    None
}

/// Says in `<html lang>` which language the message is in (screen readers pick their voice by
/// it), unless the layout says so itself.
pub fn set_html_lang(html: &mut String, code: &str) {
    let lower = html.to_ascii_lowercase();
    let Some(start) = lower
        .match_indices("<html")
        .map(|(i, _)| i)
        .find(|&i| lower[i + 5..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>'))
    else {
        return;
    };
    let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
    if lower[start..end].split(|c: char| c.is_ascii_whitespace()).any(|a| a.starts_with("lang=")) {
        return;
    }
    html.insert_str(start + 5, &format!(" lang=\"{code}\""));
}

/// Puts the preheader (the line inboxes show after the subject) first in the HTML body, in the
/// usual hidden block: invisible in the message, read by the inbox list. A run of zero-width
/// joiners and non-breaking spaces follows it, so that the inbox shows no body text after it
/// ("View in browser", the logo's alt text). The text part stays as written: a text-only reader
/// would see the preheader as a stray first line, and inboxes take the preview of a
/// `multipart/alternative` message from its HTML part.
pub fn insert_preheader(html: &mut String, preheader: &str) {
    let preheader = preheader.trim();
    if preheader.is_empty() {
        return;
    }
    let escaped = preheader.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let block = format!(
        "<div class=\"preheader\" style=\"display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;\
         opacity:0;overflow:hidden;mso-hide:all;\" aria-hidden=\"true\">{escaped}{}</div>",
        "&#8199;&#65279;&#847; ".repeat(40)
    );
    // Right after the opening <body …> tag; a layout without one gets it at the very start.
    let at = html
        .to_ascii_lowercase()
        .find("<body")
        .and_then(|start| html[start..].find('>').map(|end| start + end + 1))
        .unwrap_or(0);
    html.insert_str(at, &block);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_preheader_comes_first_in_the_body_escaped() {
        let mut html = "<!doctype html><html><head><title>x</title></head><BODY class=\"m\"><p>Hello</p></body></html>"
            .to_string();
        insert_preheader(&mut html, "Winter <sale> & more");
        let body = &html[html.find("<BODY class=\"m\">").unwrap() + 16..];
        assert!(body.starts_with("<div class=\"preheader\""), "{body}");
        assert!(body.contains("Winter &lt;sale&gt; &amp; more"), "{body}");
        let mut bare = "<p>Hi</p>".to_string();
        insert_preheader(&mut bare, "Sale");
        assert!(bare.starts_with("<div class=\"preheader\""));
        let mut none = "<p>Hi</p>".to_string();
        insert_preheader(&mut none, "  ");
        assert_eq!(none, "<p>Hi</p>");
    }

    fn prepare(layout: &str, body: &str, format: BodyFormat) -> Result<PreparedCampaign, TemplateError> {
        PreparedCampaign::prepare(
            &CampaignSource { subject: "Hello {{ first_name }}", layout, body, format },
            Limits::default(),
        )
    }

    fn links() -> SystemLinks<'static> {
        SystemLinks {
            unsubscribe_url: "https://news.example.com/u/abc?x=1&y=2",
            preferences_url: "https://news.example.com/p/abc",
            view_in_browser_url: "https://news.example.com/v/abc",
            privacy_url: "https://news.example.com/privacy",
            organisation: "Kaffeerösterei Müller GmbH",
            postal_address: "Hauptstraße 1, 10115 Berlin, Germany",
            legal_footer: "",
            language: None,
        }
    }

    #[test]
    fn a_line_break_in_markdown_stays_a_line_break_but_not_beside_a_statement() {
        let body = "Hauptstraße 1\n10115 Berlin\n\n{% if vip %}\nThanks for staying.\n{% endif %}\n";
        let c = prepare("<html><body>{{ content }}</body></html>", body, BodyFormat::Markdown).unwrap();
        let m = c.render(&json!({"vip": true}), &links()).unwrap();
        assert!(m.html.contains("Hauptstraße 1<br"), "{}", m.html);
        assert!(!m.html.contains("<br />\nThanks") && !m.html.contains("staying.<br"), "{}", m.html);
        assert!(m.text.contains("Hauptstraße 1\n10115 Berlin"), "{}", m.text);
    }

    #[test]
    fn markdown_body_in_layout_with_inlined_css_and_text_part() {
        let layout = "<html><head><style>p { color: #123456 } .x { color: {{ brand }} }</style></head>\
                      <body><table><tr><td>{{ content }}</td></tr>{% if vip %}<tr><td class=\"x\">VIP</td></tr>{% endif %}\
                      </table><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></body></html>";
        let body = "# Hi {{ first_name }}\n\nYour code is **{{ code }}**.\n\n{% if vip %}\nThanks for staying with us.\n{% endif %}\n\n[Shop]({{ shop_url }})\n";
        let c = prepare(layout, body, BodyFormat::Markdown).unwrap();
        let fields = json!({"first_name": "Ann <b>", "code": "A&B", "vip": true, "brand": "red", "shop_url": "https://shop.example.com/?a=1&b=2", "unsubscribe_url": "https://evil.example/"});
        let m = c.render(&fields, &links()).unwrap();
        assert_eq!(m.subject, "Hello Ann <b>");
        assert!(m.html.contains("Hi Ann &lt;b&gt;"), "{}", m.html);
        assert!(m.html.contains("<strong>A&amp;B</strong>"), "{}", m.html);
        assert!(m.html.contains("style=\"color: #123456"), "CSS inlined: {}", m.html);
        assert!(m.html.contains("VIP"), "{}", m.html);
        assert!(m.html.contains("href=\"https://news.example.com/u/abc?x=1&amp;y=2\""), "system link wins: {}", m.html);
        assert!(m.html.contains("href=\"https://shop.example.com/?a=1&amp;b=2\""), "{}", m.html);
        assert!(m.html.contains("class=\"x\" style=\"color: red"), "{}", m.html);
        assert!(!m.html.contains("<p></p>"), "{}", m.html);
        assert!(m.text.contains("Hi Ann <b>"), "{}", m.text);
        assert!(m.text.contains("Your code is A&B."), "{}", m.text);
        assert!(m.text.contains("Thanks for staying with us."), "{}", m.text);
        assert!(m.text.contains("Shop (https://shop.example.com/?a=1&b=2)"), "{}", m.text);
        assert!(m.text.contains("Unsubscribe (https://news.example.com/u/abc?x=1&y=2)"), "{}", m.text);
        assert!(m.text.contains("VIP"), "{}", m.text);

        let m = c.render(&json!({"first_name": "Bo", "vip": false}), &links()).unwrap();
        assert!(!m.html.contains("VIP") && !m.text.contains("VIP"));
        assert!(!m.text.contains("Thanks for staying"));
    }

    #[test]
    fn errors_name_the_part_and_the_line() {
        let e =
            prepare("{{ content }}", "line one\nline two\n{% if x %}\nunclosed\n", BodyFormat::Markdown).unwrap_err();
        assert_eq!(e.part, Part::Body);
        assert_eq!(e.line, Some(4), "the last line of the unclosed block: {e}");
        let e = prepare("<p>\n{{ content }\n</p>", "x", BodyFormat::Html).unwrap_err();
        assert_eq!((e.part, e.line), (Part::Layout, Some(2)), "{e}");
        let e = prepare("{{ content }}", "a\nb\n{{ 1 + }}", BodyFormat::Html).unwrap_err();
        assert_eq!((e.part, e.line), (Part::Body, Some(3)), "{e}");
        assert!(e.to_string().starts_with("body, line 3: syntax error"), "{e}");
        let e = prepare("<p>no content here</p>", "x", BodyFormat::Html).unwrap_err();
        assert!(e.message.contains("{{ content }}"));
    }

    #[test]
    fn runtime_errors_are_located_in_what_the_user_wrote() {
        let c = prepare("<div>\n{{ content }}\n</div>", "a\nb\n{{ name + 1 }}", BodyFormat::Markdown).unwrap();
        let e = c.render(&json!({"name": "Ann"}), &links()).unwrap_err();
        assert_eq!((e.part, e.line), (Part::Body, Some(3)), "{e}");
    }

    #[test]
    fn the_sandbox_reads_no_files_and_stops_endless_work() {
        let e = prepare("{{ content }}", "{% include \"/etc/passwd\" %}", BodyFormat::Html)
            .and_then(|c| c.render(&json!({}), &links()))
            .unwrap_err();
        assert!(e.message.contains("cannot include"), "{e}");
        let c = prepare(
            "{{ content }}",
            "{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}",
            BodyFormat::Html,
        )
        .unwrap();
        let e = c.render(&json!({}), &links()).unwrap_err();
        assert!(e.message.contains("too much work") || e.message.contains("larger than"), "{e}");
    }

    #[test]
    fn the_default_layout_works() {
        let c = prepare(DEFAULT_LAYOUT, "Hello {{ first_name | default(\"there\") }}!", BodyFormat::Markdown).unwrap();
        let m = c.render(&serde_json::Value::Null, &links()).unwrap();
        assert!(m.html.contains("Hello there!"));
        assert!(m.html.contains("@media"), "at-rules kept");
        assert!(m.text.starts_with("Hello there!\n"), "{}", m.text);
        assert!(m.text.contains("Unsubscribe (https://news.example.com/u/abc?x=1&y=2)"), "{}", m.text);
    }

    /// The legal footer prints under the organisation, a line per line, escaped in the HTML
    /// part and as plain lines in the text part; without one, nothing is left of it.
    #[test]
    fn the_legal_footer_prints_line_by_line_under_the_organisation() {
        let c = prepare(DEFAULT_LAYOUT, "Hello!", BodyFormat::Markdown).unwrap();
        let footer =
            "Kaffeerösterei Müller GmbH, Amtsgericht Berlin HRB 1234 <b>\nGeschäftsführer: A. Müller & B. Schmidt";
        let m = c.render(&serde_json::Value::Null, &SystemLinks { legal_footer: footer, ..links() }).unwrap();
        let legal = "<p class=\"legal\"";
        let at = m.html.find(legal).expect("a legal paragraph");
        assert!(m.html.find("class=\"sender\"").unwrap() < at, "under the organisation: {}", m.html);
        let para = &m.html[at..at + m.html[at..].find("</p>").unwrap()];
        assert!(para.ends_with("HRB 1234 &lt;b&gt;<br>Geschäftsführer: A. Müller &amp; B. Schmidt"), "{para}");
        assert!(
            m.text.contains("Amtsgericht Berlin HRB 1234 <b>\nGeschäftsführer: A. Müller & B. Schmidt\n"),
            "{}",
            m.text
        );
        let m = c.render(&serde_json::Value::Null, &links()).unwrap();
        assert!(!m.html.contains(legal), "{}", m.html);
    }
}
