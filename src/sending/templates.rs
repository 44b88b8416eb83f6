//! Saved templates: layouts that campaigns wrap their body in, and the messages the
//! transactional API and the system (sign-up confirmation) send. No personal data: merge
//! fields are filled per message.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
/// preference links (a receipt or a confirmation is not marketing).
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
<div class="footer">{% if organisation %}<p>{{ organisation }}{% if postal_address %} &middot; {{ postal_address }}{% endif %}</p>{% endif %}<a href="{{ privacy_url }}">Privacy</a></div>
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
/// it per breach: `data.subject` and `data.paragraphs`.
pub const BREACH_NOTICE: &str = "breach-notice";

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
}

impl Template {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "key": self.key, "name": self.name, "kind": self.kind, "subject": self.subject,
            "body": self.body, "format": self.format, "layout": self.layout, "system": self.system,
            "updated_at": self.updated_at,
        })
    }
}

fn seeds() -> Vec<Template> {
    vec![
        Template {
            key: CONFIRM_SUBSCRIPTION.into(),
            name: "Confirm your subscription (double opt-in)".into(),
            kind: TemplateKind::Message,
            subject: "Please confirm your subscription to {{ organisation }}".into(),
            body: "Hello{% if first_name %} {{ first_name }}{% endif %},\n\n\
               this address was entered in a sign-up form of {{ organisation }}. Please confirm \
               that you want to receive the newsletter of {{ organisation }}:\n\n\
               [Yes, subscribe me]({{ data.confirm_url }})\n\n\
               If you did not ask for this, ignore this message: without your confirmation \
               nothing is sent and your address is removed within a few days.\n"
                .into(),
            format: BodyFormat::Markdown,
            layout: String::new(),
            system: true,
            updated_at: Utc::now(),
        },
        Template {
            key: PRIVACY_LINK.into(),
            name: "Your link to your personal data (privacy portal)".into(),
            kind: TemplateKind::Message,
            subject: "Your link to your personal data at {{ organisation }}".into(),
            body: "Hello{% if first_name %} {{ first_name }}{% endif %},\n\n\
               someone (we hope you) asked on the privacy page of {{ organisation }} to see the \
               personal data {{ organisation }} holds about this address. \
               Open it with this link; it works once, for 30 minutes:\n\n\
               [See my data]({{ data.portal_url }})\n\n\
               If you did not ask for this, ignore this message: nothing happens without the link.\n"
                .into(),
            format: BodyFormat::Markdown,
            layout: String::new(),
            system: true,
            updated_at: Utc::now(),
        },
        Template {
            key: REQUEST_OUTCOME.into(),
            name: "Your request was carried out (Art. 19)".into(),
            kind: TemplateKind::Message,
            subject: "Your request about your personal data".into(),
            body: "Hello{% if first_name %} {{ first_name }}{% endif %},\n\n\
               as you asked, we have {{ data.done }}.\n\n\
               {% if data.recipients %}We had passed your data on to {{ data.recipients | join(\", \") }}; \
               our data-protection officer tells them of this change.{% else %}We had not passed your data on to anyone.{% endif %}\n\n\
               Write to us if anything is not as you asked.\n"
                .into(),
            format: BodyFormat::Markdown,
            layout: String::new(),
            system: true,
            updated_at: Utc::now(),
        },
        Template {
            key: BREACH_NOTICE.into(),
            name: "Notice of a personal-data breach (Art. 34)".into(),
            kind: TemplateKind::Message,
            subject: "{{ data.subject }}".into(),
            body: "{% for p in data.paragraphs %}<p>{{ p }}</p>\n{% endfor %}".into(),
            format: BodyFormat::Html,
            layout: String::new(),
            system: true,
            updated_at: Utc::now(),
        },
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
        let layout = self.layout_html(&t.layout, TRANSACTIONAL_LAYOUT).map_err(|m| TemplateError {
            part: Part::Layout,
            line: None,
            message: m,
        })?;
        PreparedCampaign::prepare(
            &CampaignSource { subject: &t.subject, layout: &layout, body: &t.body, format: t.format },
            Limits::default(),
        )
    }
}

/// The campaign layout used when a campaign names none.
pub fn default_campaign_layout() -> &'static str {
    DEFAULT_LAYOUT
}
