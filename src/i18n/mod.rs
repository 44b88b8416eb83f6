//! Languages: what the public pages and the mail people receive are written in.
//!
//! Every text lives in a Fluent catalogue, `web/locales/<language>.ftl`, one file per language,
//! embedded in the binary; a translator edits a file without touching code. English (`en.ftl`)
//! is the source: every other file has exactly its messages, with the same placeholders (a
//! test says which are missing, unused or different). Each file also says how its language
//! writes dates (`meta-date`, `meta-date-locale`) and its own name (`meta-language-name`, for
//! the language switch).
//!
//! Which language a person gets is chosen in this order ([`Wish`]): an explicit choice on the
//! page (`?lang=de`, carried by the page's own links and forms, no cookie), the contact's own
//! language when the page knows the contact, the browser's `Accept-Language` (by quality, a
//! region falling back to its language: `de-AT` is served `de`), the form's or the shop's
//! default, and English.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

pub mod templating;

#[derive(RustEmbed)]
#[folder = "web/locales/"]
#[include = "*.ftl"]
struct Locales;

/// The language every other catalogue is translated from, and the last fallback.
pub const SOURCE: &str = "en";

/// One language's catalogue.
pub struct Language {
    /// The tag as served in `<html lang>` and `?lang=` (the file's name: `de`, `pt`).
    pub code: String,
    id: LanguageIdentifier,
    /// Its name in itself ("Deutsch"), for the language switch.
    pub name: String,
    bundle: FluentBundle<FluentResource>,
    /// Each message's placeholders, for the checks.
    vars: BTreeMap<String, BTreeSet<String>>,
    date_locale: chrono::Locale,
    date_format: String,
    datetime_format: String,
    /// For records that show moments to the second (the personal-data archive).
    datetime_seconds_format: String,
    /// How numbers are written: the decimal mark and the thousands separator.
    decimal_mark: String,
    group_separator: String,
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Language").field("code", &self.code).finish()
    }
}

/// What is known of a reader's language, strongest first (see the module documentation).
#[derive(Debug, Default, Clone, Copy)]
pub struct Wish<'a> {
    /// Chosen on the page (`?lang=`, a hidden form field).
    pub explicit: Option<&'a str>,
    /// The contact's own language (`Contact::locale`).
    pub contact: Option<&'a str>,
    /// The browser's `Accept-Language` header.
    pub accept_language: Option<&'a str>,
    /// The form's or the shop's default.
    pub default: Option<&'a str>,
}

pub struct Catalogue {
    /// The source language first, then by code.
    languages: Vec<Language>,
}

static EMBEDDED: OnceLock<Catalogue> = OnceLock::new();
static ADMIN: OnceLock<Catalogue> = OnceLock::new();

/// The admin pages' catalogues (`web/locales/admin/<code>.ftl`): English and the languages
/// translated so far; pages not yet converted stay English.
pub fn admin_catalogue() -> &'static Catalogue {
    ADMIN.get_or_init(|| match Catalogue::from_sources(admin_sources()) {
        Ok(c) => c,
        Err(e) => panic!("the embedded admin translation catalogues do not load: {e}"),
    })
}

/// The admin catalogue files, by language code, with their text.
pub fn admin_sources() -> Vec<(String, String)> {
    files_in("admin/")
}

/// The catalogues built into the binary.
pub fn catalogue() -> &'static Catalogue {
    EMBEDDED.get_or_init(|| match Catalogue::embedded() {
        Ok(c) => c,
        // The files are part of the build and a test parses them: this is a broken build.
        Err(e) => panic!("the embedded translation catalogues do not load: {e}"),
    })
}

/// The embedded catalogue files, by language code, with their text.
pub fn sources() -> Vec<(String, String)> {
    files_in("")
}

/// `<dir><code>.ftl` files directly in `dir` of the embedded folder.
fn files_in(dir: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Locales::iter()
        .filter_map(|name| {
            let rest = name.strip_prefix(dir)?;
            if rest.contains('/') {
                return None;
            }
            let code = rest.strip_suffix(".ftl")?.to_string();
            let file = Locales::get(&name)?;
            Some((code, String::from_utf8_lossy(&file.data).into_owned()))
        })
        .collect();
    out.sort();
    out
}

impl Catalogue {
    pub fn embedded() -> Result<Catalogue, String> {
        Catalogue::from_sources(sources())
    }

    /// Builds the catalogue from (code, Fluent text) pairs; one must be [`SOURCE`].
    pub fn from_sources(sources: Vec<(String, String)>) -> Result<Catalogue, String> {
        let mut languages = Vec::new();
        for (code, text) in sources {
            let id: LanguageIdentifier =
                code.parse().map_err(|e| format!("{code}.ftl: `{code}` is not a language tag: {e}"))?;
            let resource = FluentResource::try_new(text.clone()).map_err(|(_, errors)| {
                let first = errors.first().map(|e| format!("{e:?}")).unwrap_or_default();
                format!("{code}.ftl does not parse: {first}")
            })?;
            let vars = placeholders(&resource);
            let resource = FluentResource::try_new(text).map_err(|_| format!("{code}.ftl does not parse"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
            // Unicode isolation marks around each value would land in mail subjects and
            // attribute values; the texts are short and their direction is the page's.
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).map_err(|e| format!("{code}.ftl: {e:?}"))?;
            let meta = |key: &str| -> Result<String, String> {
                plain(&bundle, key, None).ok_or_else(|| format!("{code}.ftl has no `{key}`"))
            };
            let locale_name = meta("meta-date-locale")?;
            let date_locale = chrono::Locale::try_from(locale_name.as_str())
                .map_err(|_| format!("{code}.ftl: meta-date-locale `{locale_name}` is not a locale chrono knows"))?;
            languages.push(Language {
                name: meta("meta-language-name")?,
                date_format: meta("meta-date")?,
                datetime_format: meta("meta-datetime")?,
                datetime_seconds_format: meta("meta-datetime-seconds")?,
                decimal_mark: meta("meta-number-decimal")?,
                group_separator: meta("meta-number-group")?,
                date_locale,
                code,
                id,
                bundle,
                vars,
            });
        }
        languages.sort_by(|a, b| (a.code != SOURCE, &a.code).cmp(&(b.code != SOURCE, &b.code)));
        if languages.first().is_none_or(|l| l.code != SOURCE) {
            return Err(format!("there is no {SOURCE}.ftl, the source every translation follows"));
        }
        Ok(Catalogue { languages })
    }

    pub fn languages(&self) -> &[Language] {
        &self.languages
    }

    pub fn source(&self) -> &Language {
        &self.languages[0]
    }

    /// The language for a tag: itself, or its language without the region (`de-AT` → `de`).
    pub fn find(&self, tag: &str) -> Option<&Language> {
        let tag = tag.trim();
        if tag.is_empty() || tag.len() > 35 {
            return None;
        }
        let id: LanguageIdentifier = tag.replace('_', "-").parse().ok()?;
        self.languages
            .iter()
            .find(|l| l.id == id)
            .or_else(|| self.languages.iter().find(|l| l.id.language == id.language))
    }

    /// The language to serve, in the order of [`Wish`].
    pub fn choose(&self, wish: &Wish<'_>) -> &Language {
        let from_header = || {
            let header = wish.accept_language?;
            // A header is short; a longer one is not a browser's.
            if header.len() > 1024 {
                return None;
            }
            // Ordered by quality; `q=0` means "not this one".
            accept_language::parse_with_quality(header)
                .into_iter()
                .filter(|(_, q)| *q > 0.0)
                .find_map(|(tag, _)| self.find(&tag))
        };
        wish.explicit
            .and_then(|t| self.find(t))
            .or_else(|| wish.contact.and_then(|t| self.find(t)))
            .or_else(from_header)
            .or_else(|| wish.default.and_then(|t| self.find(t)))
            .unwrap_or_else(|| self.source())
    }

    /// The language with this code, or the source language.
    pub fn get(&self, code: &str) -> &Language {
        self.languages.iter().find(|l| l.code == code).unwrap_or_else(|| self.source())
    }

    /// A message (`key`, or `key.attribute`) in the language `code`; in English when the
    /// language lacks it, and the key itself when English does too (a test keeps both from
    /// happening).
    pub fn text(&self, code: &str, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        plain(&self.get(code).bundle, key, args)
            .or_else(|| plain(&self.source().bundle, key, args))
            .unwrap_or_else(|| key.to_string())
    }

    /// Every problem with the catalogues: a message missing from or unknown to a language, or
    /// with other placeholders than the English one. Empty when all is well.
    pub fn problems(&self) -> Vec<String> {
        let source = &self.source().vars;
        let mut out = Vec::new();
        for l in &self.languages[1..] {
            let here = &l.vars;
            for (key, vars) in source {
                match here.get(key) {
                    None => out.push(format!("{}.ftl: `{key}` is missing", l.code)),
                    Some(v) if v != vars => out.push(format!(
                        "{}.ftl: `{key}` uses {{{}}} where en.ftl uses {{{}}}",
                        l.code,
                        v.iter().cloned().collect::<Vec<_>>().join(", "),
                        vars.iter().cloned().collect::<Vec<_>>().join(", ")
                    )),
                    Some(_) => {}
                }
            }
            for key in here.keys().filter(|k| !source.contains_key(*k)) {
                out.push(format!("{}.ftl: `{key}` is not in en.ftl", l.code));
            }
        }
        out
    }

    /// Every message key of the source language (`key` and `key.attribute`).
    pub fn keys(&self) -> Vec<String> {
        self.source().vars.keys().cloned().collect()
    }
}

impl Language {
    /// A day as this language writes it ("7. Dezember 2026").
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        d.format_localized(&self.date_format, self.date_locale).to_string()
    }

    /// A moment in a time zone as this language writes it, to the minute, with the zone.
    pub fn datetime<Tz: chrono::TimeZone>(&self, t: &chrono::DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        t.format_localized(&self.datetime_format, self.date_locale).to_string()
    }

    /// A moment as [`Language::datetime`] writes it, to the second.
    pub fn datetime_seconds<Tz: chrono::TimeZone>(&self, t: &chrono::DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        t.format_localized(&self.datetime_seconds_format, self.date_locale).to_string()
    }

    /// A number as this language writes it ("1.234,5" in German): thousands grouped by three,
    /// up to six decimals, trailing zeros dropped.
    pub fn number(&self, n: f64) -> String {
        if !n.is_finite() {
            return n.to_string();
        }
        let fixed = format!("{:.6}", n.abs());
        let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let fraction = fraction.trim_end_matches('0');
        let mut out = String::new();
        if n < 0.0 && (whole != "0" || !fraction.is_empty()) {
            out.push('-');
        }
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push_str(&self.group_separator);
            }
            out.push(digit);
        }
        if !fraction.is_empty() {
            out.push_str(&self.decimal_mark);
            out.push_str(fraction);
        }
        out
    }

    /// The decimal mark ("," in German), for figures built in parts such as money.
    pub fn decimal_mark(&self) -> &str {
        &self.decimal_mark
    }

    /// A message in this language; in English when it lacks it (from whichever catalogue has
    /// the message), and the key itself when none has (the tests keep that from happening).
    pub fn text(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        plain(&self.bundle, key, args)
            .or_else(|| plain(&catalogue().source().bundle, key, args))
            .or_else(|| plain(&admin_catalogue().source().bundle, key, args))
            .unwrap_or_else(|| key.to_string())
    }
}

/// The message naming a subscription state as the person reads it.
pub fn status_key(s: crate::domain::Status) -> &'static str {
    use crate::domain::Status;
    match s {
        Status::Pending => "status-pending",
        Status::Subscribed => "status-subscribed",
        Status::Unsubscribed => "status-unsubscribed",
        Status::Bounced => "status-bounced",
        Status::Complained => "status-complained",
    }
}

/// Arguments for a message from (name, value) pairs; numbers stay numbers (plural rules).
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, Arg)>) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (k, v) in pairs {
        match v {
            Arg::Text(s) => out.set(k, FluentValue::from(s)),
            Arg::Number(n) => out.set(k, FluentValue::from(n)),
        }
    }
    out
}

/// A message argument.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

fn plain(bundle: &FluentBundle<FluentResource>, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let (id, attr) = match key.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (key, None),
    };
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(key, ?errors, "a translated message did not format cleanly");
    }
    Some(text.into_owned())
}

/// Each message (and `message.attribute`) of a resource with the variables it uses.
fn placeholders(resource: &FluentResource) -> BTreeMap<String, BTreeSet<String>> {
    use fluent_syntax::ast;
    fn walk(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for e in &p.elements {
            if let ast::PatternElement::Placeable { expression } = e {
                expr(expression, out);
            }
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    walk(&v.value, out);
                }
            }
        }
    }
    fn inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        let ast::Entry::Message(m) = entry else { continue };
        let name = m.id.name.to_string();
        if let Some(v) = &m.value {
            let mut vars = BTreeSet::new();
            walk(v, &mut vars);
            out.insert(name.clone(), vars);
        }
        for a in &m.attributes {
            let mut vars = BTreeSet::new();
            walk(&a.value, &mut vars);
            out.insert(format!("{name}.{}", a.id.name), vars);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every template and source file, where messages are used (this file without its tests,
    /// whose sample catalogues name keys of their own).
    fn code_and_templates() -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut code = String::new();
        for dir in ["web/templates", "web/archive", "src"] {
            let mut stack = vec![root.join(dir)];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).unwrap() {
                    let p = e.unwrap().path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|x| x == "html" || x == "rs") {
                        let text = std::fs::read_to_string(&p).unwrap();
                        let text = match (p.ends_with("i18n/mod.rs"), text.find("#[cfg(test)]")) {
                            (true, Some(at)) => text[..at].to_string(),
                            _ => text,
                        };
                        code.push_str(&text);
                    }
                }
            }
        }
        code
    }

    const META: &str = "meta-date = %-d %B %Y\nmeta-datetime = %-d %B %Y, %H:%M\n\
                        meta-datetime-seconds = %-d %B %Y, %H:%M:%S\n\
                        meta-number-decimal = .\nmeta-number-group = {\",\"}\n";

    fn small() -> Catalogue {
        Catalogue::from_sources(vec![
            (
                "en".into(),
                format!(
                    "meta-language-name = English\nmeta-date-locale = en_GB\n{META}\
                     hello = Hello {{$name}}\n\
                     items = {{$count ->\n  [one] one item\n *[other] {{$count}} items\n}}\n\
                     page = Page\n    .text = Text\n"
                ),
            ),
            (
                "de".into(),
                format!(
                    "meta-language-name = Deutsch\nmeta-date-locale = de_DE\n{META}\
                     hello = Hallo {{$name}}\n\
                     items = {{$count ->\n  [one] ein Artikel\n *[other] {{$count}} Artikel\n}}\n\
                     page = Seite\n    .text = Text\n"
                ),
            ),
            (
                "pl".into(),
                format!(
                    "meta-language-name = Polski\nmeta-date-locale = pl_PL\n{META}\
                     hello = Cześć {{$who}}\n\
                     items = {{$count ->\n  [one] {{$count}} przedmiot\n  [few] {{$count}} przedmioty\n *[many] {{$count}} przedmiotów\n}}\n\
                     extra = Nadmiar\n"
                ),
            ),
        ])
        .unwrap()
    }

    #[test]
    fn the_language_is_chosen_explicit_then_contact_then_header_then_default() {
        let c = small();
        let pick = |w: Wish| c.choose(&w).code.clone();
        let header = Some("fr-CH, pl;q=0.8, de-AT;q=0.9, en;q=0.5");
        let all = Wish { explicit: Some("en"), contact: Some("pl"), accept_language: header, default: Some("de") };
        assert_eq!(pick(all), "en", "an explicit choice wins");
        assert_eq!(pick(Wish { explicit: Some("xx"), ..all }), "pl", "an unknown choice is passed over");
        assert_eq!(pick(Wish { explicit: None, ..all }), "pl", "then the contact's language");
        assert_eq!(
            pick(Wish { explicit: None, contact: None, ..all }),
            "de",
            "then the header by quality: fr-CH is not served, de-AT (0.9) falls back to de before pl (0.8)"
        );
        assert_eq!(pick(Wish { accept_language: Some("fr, it"), ..Wish::default() }), "en", "nothing matches: English");
        assert_eq!(
            pick(Wish { accept_language: Some("fr"), default: Some("pl"), ..Wish::default() }),
            "pl",
            "the default"
        );
        assert_eq!(pick(Wish { contact: Some("de_DE"), ..Wish::default() }), "de", "a locale written with _");
    }

    #[test]
    fn messages_take_arguments_attributes_and_each_language_s_plurals() {
        let c = small();
        let n = |code: &str, count: u64| c.text(code, "items", Some(&args([("count", count.into())])));
        assert_eq!(n("en", 1), "one item");
        assert_eq!(n("de", 5), "5 Artikel");
        assert_eq!(
            (n("pl", 1), n("pl", 3), n("pl", 5)),
            ("1 przedmiot".into(), "3 przedmioty".into(), "5 przedmiotów".into())
        );
        assert_eq!(c.text("de", "hello", Some(&args([("name", "Anna".into())]))), "Hallo Anna", "no isolation marks");
        assert_eq!(c.text("de", "page.text", None), "Text");
        assert_eq!(c.text("pl", "page", None), "Page", "missing: English");
        assert_eq!(c.text("xx", "page", None), "Page", "an unknown language: English");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(c.get("de").date(day), "7 Dezember 2026");
        assert_eq!(c.get("en").date(day), "7 December 2026");
    }

    #[test]
    fn problems_name_missing_unknown_and_changed_placeholders() {
        let problems = small().problems();
        assert_eq!(
            problems,
            vec![
                "pl.ftl: `hello` uses {who} where en.ftl uses {name}".to_string(),
                "pl.ftl: `page` is missing".to_string(),
                "pl.ftl: `page.text` is missing".to_string(),
                "pl.ftl: `extra` is not in en.ftl".to_string(),
            ]
        );
    }

    #[test]
    fn numbers_and_moments_to_the_second_as_each_language_writes_them() {
        let c = Catalogue::embedded().unwrap();
        let n = 1234567.25;
        assert_eq!(c.get("en").number(n), "1,234,567.25");
        assert_eq!(c.get("de").number(n), "1.234.567,25");
        assert_eq!(c.get("fr").number(n), "1\u{202F}234\u{202F}567,25");
        assert_eq!(c.get("pl").number(-1000.0), "-1\u{A0}000");
        assert_eq!(c.get("de").number(12.0), "12");
        let t = chrono::DateTime::parse_from_rfc3339("2026-12-07T09:14:03+01:00").unwrap();
        assert_eq!(c.get("de").datetime_seconds(&t), "7. Dezember 2026, 09:14:03 +01:00");
        assert_eq!(c.get("fr").datetime_seconds(&t), "7 décembre 2026 à 09:14:03 +01:00");
    }

    /// The shipped catalogues: each parses, has every English message with the same
    /// placeholders and nothing else, and every English message is used by a template or the
    /// code (a key no one uses would be translated for nothing).
    #[test]
    fn the_shipped_catalogues_are_complete_consistent_and_used() {
        let c = Catalogue::embedded().unwrap();
        let problems = c.problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        let code = code_and_templates();
        let unused: Vec<String> = c
            .keys()
            .into_iter()
            .filter(|k| !k.starts_with("meta-"))
            // `key.text` is used with its message (`PublicPage::message`).
            .filter(|k| {
                let k = k.split('.').next().unwrap_or(k);
                !code.contains(&format!("\"{k}\"")) && !code.contains(&format!("'{k}'"))
            })
            .collect();
        assert!(unused.is_empty(), "messages no template or code uses: {unused:?}");
        assert!(c.languages().len() >= 9, "English and eight translations at least");
    }

    /// The admin catalogues: each has every English message with the same placeholders, and
    /// every English message is used; German is there.
    #[test]
    fn the_admin_catalogues_are_complete_and_used() {
        let c = Catalogue::from_sources(admin_sources()).unwrap();
        let problems = c.problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(c.languages().iter().any(|l| l.code == "de"), "German at least");
        let code = code_and_templates();
        let unused: Vec<String> = c
            .keys()
            .into_iter()
            .filter(|k| !k.starts_with("meta-"))
            .filter(|k| !code.contains(&format!("\"{k}\"")) && !code.contains(&format!("'{k}'")))
            .collect();
        assert!(unused.is_empty(), "admin messages no template or code uses: {unused:?}");
        assert_eq!(
            c.text("de", "account-2fa-on", Some(&args([("count", 1u64.into())]))),
            "Eingeschaltet. Sie haben noch einen unbenutzten Wiederherstellungscode."
        );
    }
}
