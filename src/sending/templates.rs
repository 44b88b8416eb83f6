//! Saved templates: layouts that campaigns wrap their body in, and the messages the
//! transactional API and the system (sign-up confirmation) send. No personal data: merge
//! fields are filled per message.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n::{self, catalogue, Arg, Language};

use crate::mail::template::Part;
use crate::mail::template::DEFAULT_LAYOUT;
use crate::mail::{BodyFormat, CampaignSource, Limits, PreparedCampaign, TemplateError};
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const TREE: &str = "templates";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "email layouts and transactional message templates",
    holds: Holds::Nothing { why: "template text with merge fields; values are filled per message" },
};

/// The layout of transactional mail: like the campaign layout, without the unsubscribe and
/// preference links (a receipt or a confirmation is not marketing). The footer is the campaign
/// layout's: who is writing, then the legal footer a line per line.
pub const TRANSACTIONAL_LAYOUT: &str = r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { margin: 0; padding: 0; background: #f4f4f5; color: #1f2937; font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.5; }
.wrap { max-width: 600px; margin: 0 auto; padding: 24px 16px; }
.card { background: #ffffff; border-radius: 6px; padding: 24px; }
a { color: #1d4ed8; }
.footer { color: #6b7280; font-size: 13px; padding: 16px 8px; text-align: center; }
.footer a { color: #6b7280; }
</style>
</head>
<body>
<div class="wrap">
<div class="card">
{{ content }}
</div>
<div class="footer">{% if organisation %}<p>{{ organisation }}{% if postal_address %} &middot; {{ postal_address }}{% endif %}</p>{% endif %}{% if legal_footer_lines %}<p class="legal">{% for line in legal_footer_lines %}{{ line }}{% if not loop.last +%}<br>{% endif %}{% endfor %}</p>{% endif %}<a href="{{ privacy_url }}">{{ labels.privacy }}</a></div>
</div>
</body>
</html>
"#;

/// Key of the sign-up confirmation (double opt-in) message; `data.confirm_url` is the link.
pub const CONFIRM_SUBSCRIPTION: &str = "confirm-subscription";
/// Key of the privacy-portal sign-in message; `data.portal_url` is the single-use link.
pub const PRIVACY_LINK: &str = "privacy-link";
/// Key of the notice that tells a person their request was carried out (Art. 19: rectified,
/// erased or restricted); `data.done` says what was done, `data.recipients` who else was told.
pub const REQUEST_OUTCOME: &str = "request-outcome";
/// Key of the notice to the people a personal-data breach concerns (Art. 34); the DPO writes
/// it per breach: `data.subject` and `data.paragraphs`, and `data.language` when that text is
/// one of the notice's versions in other languages.
pub const BREACH_NOTICE: &str = "breach-notice";

/// What a request-outcome notice says was done. The notice's data carries it as `action`; the
/// sender words it (`data.done`) in the language the notice is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Rectified,
    Erased,
    Restricted,
}

impl Done {
    pub fn action(self) -> &'static str {
        match self {
            Done::Rectified => "rectified",
            Done::Erased => "erased",
            Done::Restricted => "restricted",
        }
    }

    fn parse(action: &str) -> Option<Done> {
        [Done::Rectified, Done::Erased, Done::Restricted].into_iter().find(|d| d.action() == action)
    }

    /// "corrected your personal data (Art. 16)", in `lang`.
    pub fn words(self, lang: &Language) -> String {
        lang.text(
            match self {
                Done::Rectified => "mail-outcome-rectified",
                Done::Erased => "mail-outcome-erased",
                Done::Restricted => "mail-outcome-restricted",
            },
            None,
        )
    }
}

/// Fills what a message's data leaves to the language (`data.done` of a request outcome).
pub fn localize_data(template: &str, lang: &Language, data: &mut serde_json::Value) {
    if template != REQUEST_OUTCOME {
        return;
    }
    if let Some(done) = data.get("action").and_then(|a| a.as_str()).and_then(Done::parse) {
        data["done"] = done.words(lang).into();
    }
}

/// The language a message's data says its text is in: a breach notice carries its text, and
/// the language of that text, in its data (`data.language`, a catalogue code). None for other
/// messages, and for a notice in the notice's own text.
pub fn data_language(template: &str, data: &serde_json::Value) -> Option<&'static Language> {
    if template != BREACH_NOTICE {
        return None;
    }
    let code = data.get("language")?.as_str()?;
    catalogue().languages().iter().find(|l| l.code == code)
}

/// One language's version of a message: its subject and body (layout and format are the
/// template's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    /// HTML around a body, with `{{ content }}` where the body goes.
    Layout,
    /// A whole message (subject and body) for the transactional API or the system.
    Message,
}

impl TemplateKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            TemplateKind::Layout => "layout",
            TemplateKind::Message => "message",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// Machine name used by the API and campaigns: `order-shipped`.
    pub key: String,
    pub name: String,
    pub kind: TemplateKind,
    /// Messages only.
    pub subject: String,
    pub body: String,
    pub format: BodyFormat,
    /// Messages only: a layout key; empty: the built-in transactional layout.
    pub layout: String,
    /// Built in (cannot be deleted; can be edited).
    pub system: bool,
    pub updated_at: DateTime<Utc>,
    /// Messages only: the subject and body per language code of the catalogue (`de`). The
    /// base `subject`/`body` is for a reader whose language has none (see [`Template::choose`]).
    pub translations: BTreeMap<String, Variant>,
}

/// The text of a message chosen for one reader, and the language it is written in.
#[derive(Debug, Clone, Copy)]
pub struct Chosen<'a> {
    pub subject: &'a str,
    pub body: &'a str,
    pub lang: &'static Language,
}

impl Template {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "key": self.key, "name": self.name, "kind": self.kind, "subject": self.subject,
            "body": self.body, "format": self.format, "layout": self.layout, "system": self.system,
            "updated_at": self.updated_at, "translations": self.translations,
        })
    }

    /// The version for a reader: the one in their own language (`Contact::locale`, a region
    /// falling back to its language), else the one in the shop's default language, else the
    /// base, which is taken to be written in the shop's default language (the built-in ones are
    /// English, and carry a version for every other language).
    pub fn choose(&self, contact: Option<&str>, default: &str) -> Chosen<'_> {
        let cat = catalogue();
        let default = cat.find(default);
        for lang in [contact.and_then(|c| cat.find(c)), default].into_iter().flatten() {
            if let Some(v) = self.translations.get(&lang.code) {
                return Chosen { subject: &v.subject, body: &v.body, lang };
            }
        }
        Chosen { subject: &self.subject, body: &self.body, lang: default.unwrap_or_else(|| cat.source()) }
    }

    /// The version in exactly `code` (the editor's preview), or the base.
    pub fn in_language(&self, code: &str) -> Chosen<'_> {
        let cat = catalogue();
        match (self.translations.get(code), cat.find(code)) {
            (Some(v), Some(lang)) => Chosen { subject: &v.subject, body: &v.body, lang },
            (_, lang) => {
                Chosen { subject: &self.subject, body: &self.body, lang: lang.unwrap_or_else(|| cat.source()) }
            }
        }
    }
}

/// The form and API fields of one language's version (`translations.de.subject`,
/// `translations.de.body`); None for a code that is not a language of the catalogue. Made once
/// per language: an error names its field for as long as the program runs.
pub fn variant_fields(code: &str) -> Option<(&'static str, &'static str)> {
    static FIELDS: std::sync::OnceLock<BTreeMap<String, (&'static str, &'static str)>> = std::sync::OnceLock::new();
    let fields = FIELDS.get_or_init(|| {
        catalogue()
            .languages()
            .iter()
            .map(|l| {
                let leak = |part: &str| -> &'static str {
                    Box::leak(format!("translations.{}.{part}", l.code).into_boxed_str())
                };
                (l.code.clone(), (leak("subject"), leak("body")))
            })
            .collect()
    });
    fields.get(code).copied()
}

/// A catalogue message with Fluent placeholders standing for minijinja expressions: the
/// translator writes `{ $organisation }`, the template gets `{{ organisation }}`.
fn words(lang: &Language, key: &str, exprs: &[(&str, &str)]) -> String {
    let args = i18n::args(exprs.iter().map(|(name, expr)| (*name, Arg::from(*expr))));
    lang.text(key, Some(&args))
}

/// "Hello Anna," or "Hello," when the contact has no first name. The `+` keeps the line
/// break after the paragraph (the sandbox trims the one after a block tag): the plain-text part
/// keeps the greeting on a line of its own.
fn greeting(lang: &Language) -> String {
    format!(
        "{{% if first_name %}}{}{{% else %}}{}{{% endif +%}}",
        words(lang, "mail-hello-name", &[("name", "{{ first_name }}")]),
        lang.text("mail-hello", None)
    )
}

const ORG: (&str, &str) = ("organisation", "{{ organisation }}");

/// The built-in text of a system message in one language, from the catalogue. `None` for a
/// message whose text is written per mail (the breach notice) or that is not built in.
pub fn seed_variant(key: &str, lang: &Language) -> Option<Variant> {
    let hello = greeting(lang);
    match key {
        CONFIRM_SUBSCRIPTION => Some(Variant {
            subject: words(lang, "mail-confirm-subject", &[ORG]),
            body: format!(
                "{hello}\n\n{}\n\n[{}]({{{{ data.confirm_url }}}})\n\n{}\n",
                words(lang, "mail-confirm-intro", &[ORG]),
                lang.text("mail-confirm-button", None),
                lang.text("mail-confirm-ignore", None),
            ),
        }),
        PRIVACY_LINK => Some(Variant {
            subject: words(lang, "mail-portal-subject", &[ORG]),
            body: format!(
                "{hello}\n\n{}\n\n[{}]({{{{ data.portal_url }}}})\n\n{}\n",
                words(lang, "mail-portal-intro", &[ORG]),
                lang.text("mail-portal-button", None),
                lang.text("mail-portal-ignore", None),
            ),
        }),
        REQUEST_OUTCOME => Some(Variant {
            subject: lang.text("mail-outcome-subject", None),
            body: format!(
                "{hello}\n\n{}\n\n{{% if data.recipients %}}{}{{% else %}}{}{{% endif +%}}\n\n{}\n",
                words(lang, "mail-outcome-done", &[("done", "{{ data.done }}")]),
                words(lang, "mail-outcome-recipients", &[("recipients", "{{ data.recipients | join(\", \") }}")]),
                lang.text("mail-outcome-no-recipients", None),
                lang.text("mail-outcome-closing", None),
            ),
        }),
        _ => None,
    }
}

/// Every catalogue language but the source (whose text is the base) of a built-in message.
pub fn seed_translations(key: &str) -> BTreeMap<String, Variant> {
    catalogue()
        .languages()
        .iter()
        .filter(|l| l.code != i18n::SOURCE)
        .filter_map(|l| Some((l.code.clone(), seed_variant(key, l)?)))
        .collect()
}

/// The built-in templates: English base text, a version in every other catalogue language.
pub fn seeds() -> Vec<Template> {
    let source = catalogue().source();
    let message = |key: &str, name: &str, format: BodyFormat, base: Variant| Template {
        key: key.into(),
        name: name.into(),
        kind: TemplateKind::Message,
        subject: base.subject,
        body: base.body,
        format,
        layout: String::new(),
        system: true,
        updated_at: Utc::now(),
        translations: seed_translations(key),
    };
    let seeded = |key: &str| seed_variant(key, source).unwrap_or_default();
    vec![
        message(
            CONFIRM_SUBSCRIPTION,
            "Confirm your subscription (double opt-in)",
            BodyFormat::Markdown,
            seeded(CONFIRM_SUBSCRIPTION),
        ),
        message(
            PRIVACY_LINK,
            "Your link to your personal data (privacy portal)",
            BodyFormat::Markdown,
            seeded(PRIVACY_LINK),
        ),
        message(
            REQUEST_OUTCOME,
            "Your request was carried out (Art. 19)",
            BodyFormat::Markdown,
            seeded(REQUEST_OUTCOME),
        ),
        // The DPO writes this one per breach, in the language they write it in: the subject
        // and paragraphs come in the data, so a version per language would say the same.
        message(
            BREACH_NOTICE,
            "Notice of a personal-data breach (Art. 34)",
            BodyFormat::Html,
            Variant {
                subject: "{{ data.subject }}".into(),
                body: "{% for p in data.paragraphs %}<p>{{ p }}</p>\n{% endfor %}".into(),
            },
        ),
    ]
}

#[derive(Clone)]
pub struct Templates {
    tree: PlainTree<Template>,
}

impl Templates {
    pub fn open(store: &Store) -> Result<Self> {
        let t = Self { tree: store.plain(TREE)? };
        for seed in seeds() {
            if t.tree.get(seed.key.as_bytes())?.is_none() {
                t.tree.put(seed.key.as_bytes(), &seed)?;
            }
        }
        Ok(t)
    }

    pub fn get(&self, key: &str) -> Result<Option<Template>> {
        self.tree.get(key.as_bytes())
    }

    pub fn put(&self, t: &Template) -> Result<()> {
        self.tree.put(t.key.as_bytes(), t)
    }

    pub fn remove(&self, key: &str) -> Result<bool> {
        self.tree.remove(key.as_bytes())
    }

    pub fn all(&self) -> Result<Vec<Template>> {
        self.tree.iter().map(|r| r.map(|(_, t)| t)).collect()
    }

    pub fn layouts(&self) -> Result<Vec<Template>> {
        Ok(self.all()?.into_iter().filter(|t| t.kind == TemplateKind::Layout).collect())
    }

    /// The HTML of a layout key; empty is `fallback`. An unknown key is an error the user sees.
    pub fn layout_html(&self, key: &str, fallback: &str) -> std::result::Result<String, String> {
        if key.trim().is_empty() {
            return Ok(fallback.to_string());
        }
        match self.get(key) {
            Ok(Some(t)) if t.kind == TemplateKind::Layout => Ok(t.body),
            Ok(_) => Err(format!("there is no layout `{key}`")),
            Err(e) => Err(e.to_string()),
        }
    }

    /// A message template compiled for rendering. A layout that is gone is an error in the
    /// layout part.
    pub fn prepare_message(&self, t: &Template) -> std::result::Result<PreparedCampaign, TemplateError> {
        self.prepare_text(t, &t.subject, &t.body)
    }

    /// One language's version of a message template (see [`Template::choose`]) compiled.
    pub fn prepare_text(
        &self,
        t: &Template,
        subject: &str,
        body: &str,
    ) -> std::result::Result<PreparedCampaign, TemplateError> {
        let layout = self.layout_html(&t.layout, TRANSACTIONAL_LAYOUT).map_err(|m| TemplateError {
            part: Part::Layout,
            line: None,
            message: m,
        })?;
        PreparedCampaign::prepare(
            &CampaignSource { subject, layout: &layout, body, format: t.format },
            Limits::default(),
        )
    }
}

/// The campaign layout used when a campaign names none.
pub fn default_campaign_layout() -> &'static str {
    DEFAULT_LAYOUT
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::SystemLinks;

    fn render(t: &Template, subject: &str, body: &str, lang: &'static Language) -> crate::mail::RenderedMessage {
        let prepared = PreparedCampaign::prepare(
            &CampaignSource { subject, layout: TRANSACTIONAL_LAYOUT, body, format: t.format },
            Limits::default(),
        )
        .unwrap_or_else(|e| panic!("{} in {}: {e}", t.key, lang.code));
        let mut data = serde_json::json!({
            "confirm_url": "https://news.example.com/f/confirm/TOKEN",
            "portal_url": "https://news.example.com/privacy/open/TOKEN",
            "done": "corrected your personal data (Art. 16)",
            "action": "erased",
            "recipients": ["Parcel Co", "Shop Hosting Ltd"],
            "subject": "A notice",
            "paragraphs": ["What happened."],
        });
        localize_data(&t.key, lang, &mut data);
        let fields = serde_json::json!({ "first_name": "Zoë", "data": data });
        let links = SystemLinks {
            privacy_url: "https://news.example.com/privacy",
            organisation: "Kaffeerösterei Müller",
            language: Some(lang),
            ..SystemLinks::default()
        };
        prepared.render(&fields, &links).unwrap_or_else(|e| panic!("{} in {}: {e}", t.key, lang.code))
    }

    /// Every built-in message in every language of the catalogue renders, with what its data
    /// carries in place and nothing of the template or catalogue syntax left over.
    #[test]
    fn every_system_template_renders_in_every_language() {
        let cat = catalogue();
        for t in seeds() {
            for lang in cat.languages() {
                let v = t.translations.get(&lang.code);
                if lang.code != i18n::SOURCE && t.key != BREACH_NOTICE {
                    assert!(v.is_some(), "{} has no {} version", t.key, lang.code);
                }
                let (subject, body) = v.map_or((&t.subject, &t.body), |v| (&v.subject, &v.body));
                let m = render(&t, subject, body, lang);
                let all = format!("{}\n{}\n{}", m.subject, m.html, m.text);
                for left in ["{{", "{%", "{$", "}}"] {
                    assert!(!all.contains(left), "{} in {}: `{left}` left in\n{all}", t.key, lang.code);
                }
                assert!(m.html.contains(&format!("<html lang=\"{}\"", lang.code)), "{}", m.html);
                if t.key != BREACH_NOTICE {
                    let paragraphs = m.text.split("\n\n").count();
                    assert!(paragraphs >= 5, "{} in {}: each paragraph on its own:\n{}", t.key, lang.code, m.text);
                }
                assert!(m.html.contains(&lang.text("mail-footer-privacy", None)), "{}", m.html);
                match t.key.as_str() {
                    CONFIRM_SUBSCRIPTION => {
                        assert!(m.subject.contains("Kaffeerösterei Müller"), "{}", m.subject);
                        assert!(m.html.contains("href=\"https://news.example.com/f/confirm/TOKEN\""), "{}", m.html);
                        assert!(m.text.contains(&lang.text("mail-confirm-button", None)), "{}", m.text);
                        assert!(m.text.contains("Zoë"), "{}", m.text);
                    }
                    PRIVACY_LINK => {
                        assert!(m.html.contains("href=\"https://news.example.com/privacy/open/TOKEN\""), "{}", m.html)
                    }
                    REQUEST_OUTCOME => {
                        assert!(m.text.contains(&Done::Erased.words(lang)), "done in the language: {}", m.text);
                        assert!(m.text.contains("Parcel Co, Shop Hosting Ltd"), "{}", m.text);
                    }
                    _ => assert!(m.text.contains("What happened."), "{}", m.text),
                }
            }
        }
    }

    #[test]
    fn the_reader_s_language_then_the_shop_s_then_the_base() {
        let mut t = seeds().remove(0);
        t.translations.retain(|k, _| k == "de" || k == "pl");
        assert_eq!(t.choose(Some("de-AT"), "en").lang.code, "de", "a region falls back to its language");
        assert!(t.choose(Some("de_DE"), "en").subject.starts_with("Bitte"));
        assert_eq!(t.choose(Some("fr"), "pl").lang.code, "pl", "no French version: the shop's language");
        let base = t.choose(Some("fr"), "en");
        assert_eq!((base.subject, base.lang.code.as_str()), (t.subject.as_str(), "en"), "then the base");
        assert_eq!(t.choose(None, "xx").lang.code, "en", "an unknown default: English");
    }
}
