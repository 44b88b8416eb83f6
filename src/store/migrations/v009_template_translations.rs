//! Version 9: message templates gain `translations`, a subject and body per language. postcard
//! stores fields by position, so each stored template is rewritten with the map at the end.
//! A built-in template whose text is still the one versions 1–8 seeded gets the new built-in
//! text: English as the base and a version in every other language of the catalogue. One the
//! shop edited keeps its text and no versions (a translation of the old text would not say
//! what the shop wrote); the template editor says so.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 9, name: "template translations", up };

/// The templates' tree, as versions 1–9 named it.
const TREE: &str = "templates";

/// The built-in messages that gain versions, by key.
const CONFIRM_SUBSCRIPTION: &str = "confirm-subscription";
const PRIVACY_LINK: &str = "privacy-link";
const REQUEST_OUTCOME: &str = "request-outcome";

// The parts of a template, as versions 1–9 write them. postcard stores a variant by its position
// (the names are for the reader): later versions may add variants at the end, never between.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum TemplateKind {
    Layout,
    Message,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum BodyFormat {
    Markdown,
    Html,
}

/// One language's version of a message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub subject: String,
    pub body: String,
}

/// A built-in message's text as the release that runs the migration ships it: the base (in the
/// catalogue's source language) and a version per other language, by language code.
pub struct MessageSeed {
    pub base: Variant,
    pub translations: BTreeMap<String, Variant>,
}

/// A template as versions 1–8 wrote it.
#[derive(Serialize, Deserialize)]
pub(crate) struct V8 {
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) kind: TemplateKind,
    pub(crate) subject: String,
    pub(crate) body: String,
    pub(crate) format: BodyFormat,
    pub(crate) layout: String,
    pub(crate) system: bool,
    pub(crate) updated_at: DateTime<Utc>,
}

/// A template as version 9 writes it: `translations` last.
#[derive(Serialize, Deserialize)]
struct V9 {
    key: String,
    name: String,
    kind: TemplateKind,
    subject: String,
    body: String,
    format: BodyFormat,
    layout: String,
    system: bool,
    updated_at: DateTime<Utc>,
    translations: BTreeMap<String, Variant>,
}

/// The (subject, body) versions 1–8 seeded for each built-in message that now has versions.
pub(crate) fn old_seed(key: &str) -> Option<(&'static str, &'static str)> {
    match key {
        CONFIRM_SUBSCRIPTION => Some((
            "Please confirm your subscription to {{ organisation }}",
            "Hello{% if first_name %} {{ first_name }}{% endif %},\n\n\
             this address was entered in a sign-up form of {{ organisation }}. Please confirm \
             that you want to receive the newsletter of {{ organisation }}:\n\n\
             [Yes, subscribe me]({{ data.confirm_url }})\n\n\
             If you did not ask for this, ignore this message: without your confirmation \
             nothing is sent and your address is removed within a few days.\n",
        )),
        PRIVACY_LINK => Some((
            "Your link to your personal data at {{ organisation }}",
            "Hello{% if first_name %} {{ first_name }}{% endif %},\n\n\
             someone (we hope you) asked on the privacy page of {{ organisation }} to see the \
             personal data {{ organisation }} holds about this address. \
             Open it with this link; it works once, for 30 minutes:\n\n\
             [See my data]({{ data.portal_url }})\n\n\
             If you did not ask for this, ignore this message: nothing happens without the link.\n",
        )),
        REQUEST_OUTCOME => Some((
            "Your request about your personal data",
            "Hello{% if first_name %} {{ first_name }}{% endif %},\n\n\
             as you asked, we have {{ data.done }}.\n\n\
             {% if data.recipients %}We had passed your data on to {{ data.recipients | join(\", \") }}; \
             our data-protection officer tells them of this change.{% else %}We had not passed your data on to anyone.{% endif %}\n\n\
             Write to us if anything is not as you asked.\n",
        )),
        _ => None,
    }
}

fn convert(o: V8, inputs: &Inputs) -> V9 {
    let unchanged = o.system && old_seed(&o.key) == Some((o.subject.as_str(), o.body.as_str()));
    let seeded = if unchanged { (inputs.message_seed)(&o.key) } else { None };
    let (subject, body, translations) = match seeded {
        Some(seed) => (seed.base.subject, seed.base.body, seed.translations),
        None => (o.subject, o.body, Default::default()),
    };
    V9 {
        key: o.key,
        name: o.name,
        kind: o.kind,
        subject,
        body,
        format: o.format,
        layout: o.layout,
        system: o.system,
        updated_at: o.updated_at,
        translations,
    }
}

pub(crate) fn up(db: &sled::Db, inputs: &Inputs) -> Result<(), String> {
    let tree = db.open_tree(TREE).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        // Already rewritten (a migration interrupted and run again): the old shape is a prefix
        // of the new one, so only the full read tells them apart.
        if postcard::from_bytes::<V9>(&v).is_ok() {
            continue;
        }
        let o: V8 = postcard::from_bytes(&v).map_err(|e| format!("reading a template: {e}"))?;
        let new = convert(o, inputs);
        tree.insert(k, postcard::to_allocvec(&new).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    }
    Ok(())
}
