//! Version 9: message templates gain `translations`, a subject and body per language. postcard
//! stores fields by position, so each stored template is rewritten with the map at the end.
//! A built-in template whose text is still the one versions 1–8 seeded gets the new built-in
//! text: English as the base and a version in every other language of the catalogue. One the
//! shop edited keeps its text and no versions (a translation of the old text would not say
//! what the shop wrote); the template editor says so.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Migration;
use crate::mail::BodyFormat;
use crate::sending::templates::{
    seed_translations, seed_variant, Template, TemplateKind, CONFIRM_SUBSCRIPTION, PRIVACY_LINK, REQUEST_OUTCOME,
};

pub const MIGRATION: Migration = Migration { version: 9, name: "template translations", up };

/// A template as versions 1–8 wrote it.
#[derive(Serialize, Deserialize)]
struct V8 {
    key: String,
    name: String,
    kind: TemplateKind,
    subject: String,
    body: String,
    format: BodyFormat,
    layout: String,
    system: bool,
    updated_at: DateTime<Utc>,
}

/// The (subject, body) versions 1–8 seeded for each built-in message that now has versions.
fn old_seed(key: &str) -> Option<(&'static str, &'static str)> {
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

fn convert(o: V8) -> Template {
    let unchanged = o.system && old_seed(&o.key) == Some((o.subject.as_str(), o.body.as_str()));
    let seeded = if unchanged { seed_variant(&o.key, crate::i18n::catalogue().source()) } else { None };
    let (subject, body, translations) = match seeded {
        Some(base) => (base.subject, base.body, seed_translations(&o.key)),
        None => (o.subject, o.body, Default::default()),
    };
    Template {
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

fn up(db: &sled::Db) -> Result<(), String> {
    let tree = db.open_tree(crate::sending::templates::TREE).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        // Already rewritten (a migration interrupted and run again): the old shape is a prefix
        // of the new one, so only the full read tells them apart.
        if postcard::from_bytes::<Template>(&v).is_ok() {
            continue;
        }
        let o: V8 = postcard::from_bytes(&v).map_err(|e| format!("reading a template: {e}"))?;
        let new = convert(o);
        tree.insert(k, postcard::to_allocvec(&new).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sending::templates::BREACH_NOTICE;

    fn old(key: &str, subject: &str, body: &str, system: bool, format: BodyFormat) -> V8 {
        V8 {
            key: key.into(),
            name: key.into(),
            kind: TemplateKind::Message,
            subject: subject.into(),
            body: body.into(),
            format,
            layout: String::new(),
            system,
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn unchanged_built_in_texts_get_every_language_and_edited_ones_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let tree = db.open_tree(crate::sending::templates::TREE).unwrap();
        let (cs, cb) = old_seed(CONFIRM_SUBSCRIPTION).unwrap();
        let (ps, _) = old_seed(PRIVACY_LINK).unwrap();
        let (os, ob) = old_seed(REQUEST_OUTCOME).unwrap();
        let edited_body = "Hallo {{ first_name }}, hier ist Ihr Link: {{ data.portal_url }}";
        let stored = [
            old(CONFIRM_SUBSCRIPTION, cs, cb, true, BodyFormat::Markdown),
            old(PRIVACY_LINK, ps, edited_body, true, BodyFormat::Markdown),
            old(REQUEST_OUTCOME, os, ob, true, BodyFormat::Markdown),
            old(BREACH_NOTICE, "{{ data.subject }}", "<p>x</p>", true, BodyFormat::Html),
            // A shop's own template with the built-in text is the shop's, not a seed.
            old("my-copy", cs, cb, false, BodyFormat::Markdown),
        ];
        for t in &stored {
            tree.insert(t.key.as_bytes(), postcard::to_allocvec(t).unwrap()).unwrap();
        }
        assert!(postcard::from_bytes::<Template>(&tree.get(CONFIRM_SUBSCRIPTION).unwrap().unwrap()).is_err());
        up(&db).unwrap();
        up(&db).unwrap();
        let read = |key: &str| -> Template { postcard::from_bytes(&tree.get(key).unwrap().unwrap()).unwrap() };

        let confirm = read(CONFIRM_SUBSCRIPTION);
        let languages = crate::i18n::catalogue().languages().len();
        assert_eq!(confirm.translations.len(), languages - 1, "every language but English, the base");
        assert!(confirm.translations["de"].subject.starts_with("Bitte bestätigen Sie"), "{:?}", confirm.translations);
        assert!(confirm.translations["de"].body.contains("{{ data.confirm_url }}"));
        assert!(confirm.body.contains("{{ data.confirm_url }}") && confirm.subject.contains("{{ organisation }}"));
        assert_eq!(read(REQUEST_OUTCOME).translations.len(), languages - 1);

        let portal = read(PRIVACY_LINK);
        assert_eq!(portal.body, edited_body, "the shop's text stays");
        assert!(portal.translations.is_empty(), "no versions of a text the shop rewrote");
        assert!(read(BREACH_NOTICE).translations.is_empty(), "the DPO writes each notice");
        let copy = read("my-copy");
        assert_eq!((copy.body.as_str(), copy.translations.len()), (cb, 0));
    }
}
