//! The access and portability archive (Art. 15, 20): everything Tidings holds about one person,
//! assembled by walking the personal-data registry, as
//!
//! - `data.json`: every store's records, by store name, with the consent wordings the person
//!   agreed to and the Art. 15 information (machine-readable; documented in `README.txt`);
//! - `csv/<store>.csv`: the same records, one table per store (nested values as JSON, cells
//!   neutralised against formula injection);
//! - `summary.html`: a readable page with the Art. 15 information (purposes, lawful bases,
//!   categories, recipients, retention, the source of the data, the person's rights) and the
//!   data held.
//!
//! Everything a person reads in it (`README.txt`, `summary.html`, the period and the words in
//! `data.json`) is in the person's language: their own, else the shop's default, whoever asks
//! for the archive. The keys of `data.json` and the csv headers stay as documented.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::Utc;
use minijinja::context;
use serde_json::{json, Value};

use crate::domain::ContactId;
use crate::i18n::{self, args, Arg, Language, Wish};
use crate::state::AppState;
use crate::store::Registry;

pub struct Archive {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Records in it, over all stores.
    pub records: usize,
}

/// The archive's README: what each file is and what the documented keys of `data.json` mean.
fn readme(lang: &Language) -> String {
    let parts: [&str; 8] = [
        "archive-readme-intro",
        "archive-readme-data-json",
        "archive-readme-keys",
        "archive-readme-wording-languages",
        "archive-readme-scores",
        "archive-readme-csv",
        "archive-readme-summary",
        "archive-readme-portability",
    ];
    let mut out = parts.iter().map(|k| lang.text(k, None)).collect::<Vec<_>>().join("\n\n");
    out.push('\n');
    out
}

/// The language a person reads their archive in: their own, else the shop's default.
pub fn language_for(state: &AppState, contact: Option<&crate::domain::Contact>) -> &'static Language {
    let default = state.settings.get().ok().map(|s| s.language);
    i18n::catalogue().choose(&Wish {
        contact: contact.and_then(|c| c.locale.as_deref()),
        default: default.as_deref(),
        ..Wish::default()
    })
}

/// What each store that can hold a person's records is, in the person's words. The registry
/// describes trees for developers; this says it to the person, and a test keeps every tree
/// whose records go into the archive in this list.
pub fn store_message(tree: &str) -> Option<&'static str> {
    Some(match tree {
        crate::contacts::CONTACTS => "store-contacts",
        crate::contacts::LEDGER => "store-consents",
        crate::contacts::HISTORY => "store-contact-history",
        crate::contacts::ACTIVITY => "store-contact-activity",
        crate::sending::outbox::SLOTS => "store-outbox",
        crate::sending::outbox::MESSAGES => "store-messages",
        crate::intake::queue::TREE => "store-public-intake",
        crate::auth::sessions::TREE => "store-sessions",
        crate::auth::users::TREE => "store-users",
        crate::auth::preferences::TREE => "store-user-preferences",
        crate::auth::tokens::TREE => "store-api-tokens",
        crate::mail::bounce::records::TREE => "store-bounces",
        crate::audit::TREE => "store-audit",
        crate::gdpr::requests::REQUESTS => "store-dsr-requests",
        crate::gdpr::requests::DETAILS => "store-dsr-details",
        crate::gdpr::restriction::TREE => "store-restrictions",
        crate::tracking::store::EVENTS => "store-events",
        crate::tracking::store::SEEN => "store-track-seen",
        crate::tracking::website::VISITOR_LINKS => "store-visitor-links",
        crate::forms::SUBMISSIONS => "store-form-submissions",
        crate::feed::ENTRIES => "store-change-feed",
        crate::segments::MEMBER_OF => "store-segment-memberships",
        crate::segments::LOG => "store-segment-log",
        crate::journeys::RUNS => "store-journey-runs",
        crate::journeys::LOG => "store-journey-log",
        _ => return None,
    })
}

/// A store as the person reads it; a tree without a message (which a test forbids) falls back
/// to the registry's description rather than to nothing.
pub fn store_text(registry: &Registry, tree: &str, lang: &Language) -> String {
    match store_message(tree) {
        Some(key) => lang.text(key, None),
        None => registry.lookup(tree).map(|r| r.purpose.to_string()).unwrap_or_default(),
    }
}

/// A lawful basis as the regulation names it in the person's language.
pub fn basis_text(b: crate::domain::LawfulBasis, lang: &Language) -> String {
    use crate::domain::LawfulBasis;
    let key = match b {
        LawfulBasis::Consent => "basis-consent",
        LawfulBasis::Contract => "basis-contract",
        LawfulBasis::LegitimateInterest => "basis-legitimate-interest",
        LawfulBasis::LegalObligation => "basis-legal-obligation",
    };
    lang.text(key, None)
}

/// The Art. 15 information and the data, as one JSON document.
pub fn document(state: &AppState, contact: &ContactId, lang: &Language) -> anyhow::Result<Value> {
    let stores = state.store.export_person(&contact.person())?;
    let mut wordings = BTreeMap::new();
    // Which language each of those texts is in (where recorded): the proof of what was read.
    let mut wording_languages = BTreeMap::new();
    for (tree, records) in &stores {
        if tree != crate::contacts::LEDGER {
            continue;
        }
        for r in records {
            let pair = r.get("wording").and_then(Value::as_array).filter(|a| a.len() == 2);
            if let Some(a) = pair {
                if let (Some(p), Some(v)) = (a[0].as_str(), a[1].as_u64()) {
                    if let Some(w) = state.purposes.wording(p, v as u32)? {
                        if let Some(code) = &w.language {
                            wording_languages.insert(format!("{p}/{v}"), code.clone());
                        }
                        wordings.insert(format!("{p}/{v}"), w.text);
                    }
                }
            }
        }
    }
    let purposes: Vec<Value> = state
        .purposes
        .all()?
        .into_iter()
        .map(|p| {
            json!({
                "key": p.key, "name": p.name, "description": p.description, "lawful_basis": p.basis,
                "categories": p.categories, "retention_days": p.retention_days, "recipients": p.recipients,
                "retention": crate::gdpr::retention::purpose_period_text(&p, lang),
            })
        })
        .collect();
    let settings = state.settings.get().unwrap_or_default();
    let records: usize = stores.iter().map(|(_, r)| r.len()).sum();
    let scores = scores(state, contact, lang)?;
    Ok(json!({
        "format": "tidings-subject-archive/1",
        "generated_at": Utc::now(),
        "contact_id": contact.to_string(),
        "controller": { "name": settings.organisation, "postal_address": settings.address_line(), "dpo_contact": settings.dpo_contact },
        "purposes": purposes,
        "wordings": wordings,
        "wording_languages": wording_languages,
        "records": records,
        "scores": scores,
        "stores": stores.into_iter().collect::<BTreeMap<_, _>>(),
    }))
}

/// The person's lead scores as they are now, each with what it is made of: profiling must be
/// transparent to them (Art. 15(1)(h)). Nothing of it is stored (a score is computed when
/// read), so it is computed here as the contact page computes it: `restricted` when processing
/// is restricted (Art. 18: no score is computed, not even to show it); a model's `score` is
/// null when they objected to profiling. No model defined: no models.
pub fn scores(state: &AppState, contact: &ContactId, lang: &Language) -> anyhow::Result<Value> {
    let models = state.scoring.models().all()?;
    let Some((c, consents, _)) = state.contacts.get_with_consents(contact)? else {
        return Ok(json!({ "restricted": false, "models": [] }));
    };
    if models.is_empty() {
        return Ok(json!({ "restricted": false, "models": [] }));
    }
    if state.gdpr.restrictions.is_restricted(contact)? {
        return Ok(json!({ "restricted": true, "models": [] }));
    }
    let zone = state.settings.zone();
    let now = Utc::now();
    let fields = state.fields.all();
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let out: Vec<Value> = state
        .scoring
        .scores(&c, &consents, None, None, zone, now)?
        .iter()
        .map(|(m, b)| {
            let rules: Vec<Value> = b
                .iter()
                .flat_map(|b| &b.parts)
                .filter_map(|p| {
                    let rule = m.rules.get(p.rule)?;
                    Some(json!({
                        "rule": p.rule, "on": rule.to_json(), "description": rule_words(&rule.on, &fields, lang),
                        "counted": p.counted, "points_given": round(p.raw), "points_now": round(p.decayed),
                    }))
                })
                .collect();
            json!({
                "model": m.key, "name": m.name, "half_life_days": m.half_life_days,
                "objected": b.is_none(), "score": b.as_ref().map(|b| round(b.total)), "rules": rules,
            })
        })
        .collect();
    Ok(json!({ "restricted": false, "computed_at": now, "models": out }))
}

/// [`scores`] as the person reads them (the summary, the privacy portal): numbers as their
/// language writes them, the half-life in words.
pub fn scores_to_read(scores: &Value, lang: &Language) -> Vec<Value> {
    let number = |v: &Value| v.as_f64().map(|n| lang.number(n)).unwrap_or_default();
    scores["models"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            let days = lang.number(m["half_life_days"].as_f64().unwrap_or(0.0));
            let rules: Vec<Value> = m["rules"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| {
                    json!({
                        "description": r["description"], "counted": number(&r["counted"]),
                        "points": number(&r["points_now"]),
                    })
                })
                .collect();
            json!({
                "name": m["name"], "objected": m["objected"], "score": number(&m["score"]), "rules": rules,
                "half_life": lang.text("archive-scores-half-life", Some(&args([("days", Arg::from(days))]))),
            })
        })
        .collect()
}

/// What a scoring rule counts, as the person reads it.
fn rule_words(on: &crate::domain::score::On, fields: &[crate::domain::FieldDef], lang: &Language) -> String {
    use crate::domain::score::On;
    let with = |key: &str, name: &str, value: String| lang.text(key, Some(&args([(name, Arg::from(value))])));
    match on {
        On::Opened => lang.text("archive-score-opened", None),
        On::Clicked { url: None } => lang.text("archive-score-clicked", None),
        On::Clicked { url: Some(u) } => with("archive-score-clicked-url", "url", u.clone()),
        On::PageViewed { url } => with("archive-score-page-viewed", "url", url.clone()),
        On::Custom { name, .. } => with("archive-score-custom", "name", name.clone()),
        On::FormSubmitted { .. } => lang.text("archive-score-form", None),
        On::Ordered { .. } => lang.text("archive-score-ordered", None),
        On::Field { field, .. } => with("archive-score-field", "field", field_label(field, fields, lang)),
        On::Unsubscribed => lang.text("archive-score-unsubscribed", None),
        On::Bounced => lang.text("archive-score-bounced", None),
    }
}

/// A field of the profile by the name the summary gives it.
fn field_label(field: &str, fields: &[crate::domain::FieldDef], lang: &Language) -> String {
    let key = match field {
        "email" => "archive-email",
        "first_name" => "archive-first-name",
        "last_name" => "archive-last-name",
        "phone" => "archive-phone",
        "locale" => "archive-language",
        "time_zone" => "archive-time-zone",
        "tags" => "archive-tags",
        "lists" => "archive-lists",
        "status" => "archive-subscription",
        "source" => "archive-recorded-through",
        "created_at" => "archive-recorded-on",
        "updated_at" => "archive-last-changed",
        _ => {
            return fields.iter().find(|f| f.key == field).map_or_else(|| field.replace('_', " "), |f| f.label.clone())
        }
    };
    lang.text(key, None)
}

/// Builds the zip in memory (one person's data: kilobytes to a few megabytes).
pub fn build(state: &AppState, contact: &ContactId) -> anyhow::Result<Archive> {
    let lang = language_for(state, state.contacts.get(contact)?.as_ref());
    let doc = document(state, contact, lang)?;
    let records = doc["records"].as_u64().unwrap_or(0) as usize;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("README.txt", opts)?;
    zip.write_all(readme(lang).as_bytes())?;
    zip.start_file("data.json", opts)?;
    zip.write_all(serde_json::to_string_pretty(&doc)?.as_bytes())?;
    if let Some(stores) = doc["stores"].as_object() {
        for (tree, rows) in stores {
            zip.start_file(format!("csv/{tree}.csv"), opts)?;
            zip.write_all(&csv_of(rows.as_array().map(Vec::as_slice).unwrap_or(&[]))?)?;
        }
    }
    zip.start_file("summary.html", opts)?;
    zip.write_all(summary(state, &doc, lang)?.as_bytes())?;
    let bytes = zip.finish()?.into_inner();
    Ok(Archive { file_name: format!("personal-data-{}.zip", Utc::now().format("%Y-%m-%d")), bytes, records })
}

/// One table: the union of the records' top-level keys as columns.
fn csv_of(rows: &[Value]) -> anyhow::Result<Vec<u8>> {
    let mut columns = BTreeSet::new();
    for r in rows {
        match r.as_object() {
            Some(o) => columns.extend(o.keys().cloned()),
            None => {
                columns.insert("value".to_string());
            }
        }
    }
    let columns: Vec<String> = columns.into_iter().collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&columns)?;
    for r in rows {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                let v = match r.as_object() {
                    Some(o) => o.get(c).cloned().unwrap_or(Value::Null),
                    None => r.clone(),
                };
                let text = match v {
                    Value::Null => String::new(),
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                crate::contacts::export::neutralise(&text).into_owned()
            })
            .collect();
        w.write_record(&cells)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// A moment as the person reads it: their own time zone when they have one, else the shop's,
/// to the second, with the zone named, as their language writes it ("7. Dezember 2026, 09:14:03 CET").
fn local_time(at: chrono::DateTime<Utc>, tz: chrono_tz::Tz, lang: &Language) -> String {
    lang.datetime_seconds(&at.with_timezone(&tz))
}

fn yes_no(b: bool, lang: &Language) -> String {
    lang.text(if b { "archive-yes" } else { "archive-no" }, None)
}

/// A custom field's value as the person's language writes it.
fn field_text(v: &crate::domain::FieldValue, lang: &Language) -> String {
    use crate::domain::FieldValue;
    match v {
        FieldValue::Bool(b) => yes_no(*b, lang),
        FieldValue::Date(d) => lang.date(*d),
        FieldValue::Number(n) => lang.number(*n),
        other => other.display(),
    }
}

/// The profile as (label, value) rows, in the order a person reads a form; empty values left out.
fn profile_rows(
    c: &crate::domain::Contact,
    fields: &[crate::domain::FieldDef],
    list_name: impl Fn(&str) -> String,
    tz: chrono_tz::Tz,
    lang: &Language,
) -> Vec<(String, String)> {
    let t = |key: &str| lang.text(key, None);
    let mut rows: Vec<(String, String)> = vec![
        (t("archive-email"), c.email.to_string()),
        (t("archive-first-name"), c.first_name.clone()),
        (t("archive-last-name"), c.last_name.clone()),
        (t("archive-phone"), c.phone.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default()),
        (t("archive-language"), c.locale.clone().unwrap_or_default()),
        (t("archive-time-zone"), c.time_zone.clone().unwrap_or_default()),
    ];
    for f in fields {
        let Some(v) = c.custom.get(&f.key) else { continue };
        rows.push((f.label.clone(), field_text(v, lang)));
    }
    // Values of fields since removed from the schema are still the person's data.
    for (key, v) in c.custom.iter().filter(|(k, _)| !fields.iter().any(|f| &f.key == *k)) {
        rows.push((key.replace('_', " "), field_text(v, lang)));
    }
    rows.extend([
        (t("archive-tags"), c.tags.iter().cloned().collect::<Vec<_>>().join(", ")),
        (t("archive-lists"), c.lists.iter().map(|l| list_name(l)).collect::<Vec<_>>().join(", ")),
        (t("archive-subscription"), t(i18n::status_key(c.status))),
        (t("archive-recorded-through"), source_words(c.source, lang)),
        (t("archive-recorded-on"), local_time(c.created_at, tz, lang)),
        (t("archive-last-changed"), local_time(c.updated_at, tz, lang)),
    ]);
    if !c.merged_ids.is_empty() {
        rows.push((t("archive-merged"), lang.number(c.merged_ids.len() as f64)));
    }
    rows.retain(|(_, v)| !v.is_empty());
    rows
}

fn source_words(s: crate::domain::Source, lang: &Language) -> String {
    use crate::domain::Source;
    let key = match s {
        Source::Form => "archive-via-form",
        Source::Import => "archive-via-import",
        Source::Api => "archive-via-api",
        Source::Admin => "archive-via-admin",
    };
    lang.text(key, None)
}

/// The summary's own template environment: the archive is a file for the person, not a web
/// page, and is made without the web server (the DPO's request page or the portal ask for it).
fn summary_template() -> minijinja::Template<'static, 'static> {
    static ENV: std::sync::OnceLock<minijinja::Environment<'static>> = std::sync::OnceLock::new();
    let env = ENV.get_or_init(|| {
        let mut env = minijinja::Environment::new();
        // Everything in it is escaped: it shows what people and staff typed.
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        i18n::templating::register(&mut env);
        env.add_template("summary.html", include_str!("../../web/archive/summary.html"))
            .expect("the archive's summary template parses (a test renders it)");
        env
    });
    env.get_template("summary.html").expect("added above")
}

fn summary(state: &AppState, doc: &Value, lang: &Language) -> anyhow::Result<String> {
    let stores = doc["stores"].as_object().cloned().unwrap_or_default();
    let id = doc["contact_id"].as_str().and_then(|s| s.parse::<ContactId>().ok());
    let contact = match &id {
        Some(id) => state.contacts.get(id)?,
        None => None,
    };
    let settings = state.settings.get().unwrap_or_default();
    let tz = contact
        .as_ref()
        .and_then(|c| c.time_zone.as_deref())
        .and_then(|z| z.parse::<chrono_tz::Tz>().ok())
        .unwrap_or_else(|| settings.tz());
    let purposes = state.purposes.all()?;
    let purpose_name = |key: &str| {
        purposes
            .iter()
            .find(|p| p.key == key)
            .map_or(key.to_string(), |p| state.purposes.name_in(p, &lang.code).unwrap_or_else(|_| p.name.clone()))
    };
    let lists = state.lists.all()?;
    let list_name = |slug: &str| lists.iter().find(|l| l.slug == slug).map_or(slug.to_string(), |l| l.name.clone());
    let profile: Vec<Value> = contact
        .as_ref()
        .map(|c| profile_rows(c, &state.fields.all(), list_name, tz, lang))
        .unwrap_or_default()
        .into_iter()
        .map(|(label, value)| json!({ "label": label, "value": value }))
        .collect();
    let ledger: Vec<Value> = match &id {
        Some(id) => state.contacts.ledger(id)?,
        None => Vec::new(),
    }
    .into_iter()
    .map(|e| {
        let wording = e
            .wording
            .as_ref()
            .and_then(|(p, v)| doc["wordings"].get(format!("{p}/{v}")).and_then(Value::as_str))
            .unwrap_or("")
            .to_string();
        let wording_language = e
            .wording
            .as_ref()
            .and_then(|(p, v)| doc["wording_languages"].get(format!("{p}/{v}")).and_then(Value::as_str))
            .map(|code| (code.to_string(), crate::i18n::catalogue().get(code).name.clone()));
        json!({
            "at": local_time(e.at, tz, lang),
            "purpose": purpose_name(&e.purpose),
            "wording_code": wording_language.as_ref().map(|(c, _)| c.clone()),
            "wording_language": wording_language.map(|(_, n)| n),
            "given": lang.text(if e.granted { "archive-consent-given" } else { "archive-consent-withdrawn" }, None),
            "how": describe_via(&serde_json::to_value(&e.via).unwrap_or(Value::Null), lang),
            "note": e.note,
            "wording": wording,
        })
    })
    .collect();
    // The purposes as the person reads them: the basis named as the regulation does.
    let why: Vec<Value> = purposes
        .iter()
        .map(|p| {
            json!({
                "name": p.name, "description": p.description, "basis": basis_text(p.basis, lang),
                "categories": p.categories.join(", "), "recipients": p.recipients.join(", "),
                "retention": crate::gdpr::retention::purpose_period_text(p, lang),
            })
        })
        .collect();
    let held: Vec<Value> = stores
        .iter()
        .map(|(tree, rows)| {
            json!({
                "file": format!("csv/{tree}.csv"), "purpose": store_text(state.store.registry(), tree, lang),
                "records": lang.number(rows.as_array().map_or(0, Vec::len) as f64),
            })
        })
        .collect();
    let sources: BTreeSet<String> = stores
        .get(crate::contacts::LEDGER)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("via"))
        .map(|v| describe_via(v, lang))
        .chain(contact.as_ref().map(|c| source_words(c.source, lang)))
        .collect();
    let scores = scores_to_read(&doc["scores"], lang);
    let generated = doc["generated_at"]
        .as_str()
        .and_then(|s| s.parse::<chrono::DateTime<Utc>>().ok())
        .map(|t| local_time(t, tz, lang))
        .unwrap_or_default();
    summary_template()
        .render(context! {
            lang => lang.code,
            doc => minijinja::Value::from_serialize(doc),
            generated => generated,
            profile => profile,
            purposes => why,
            held => held,
            sources => sources.into_iter().collect::<Vec<_>>(),
            ledger => ledger,
            scores => scores,
            scores_restricted => doc["scores"]["restricted"].as_bool().unwrap_or(false),
        })
        .map_err(|e| anyhow::anyhow!("the archive summary: {e:#}"))
}

/// How a consent was given or withdrawn (a ledger entry's `via`), in the person's words.
fn describe_via(v: &Value, lang: &Language) -> String {
    match v.as_object().and_then(|o| o.iter().next()) {
        Some((k, val)) => {
            let key = match k.as_str() {
                "form" | "Form" => "archive-via-form",
                "import" | "Import" => "archive-via-import",
                "api_token" | "ApiToken" => "archive-via-api",
                "admin" | "Admin" => "archive-via-admin",
                "merge" | "Merge" => "archive-via-merge",
                "subject" | "Subject" => "archive-via-subject",
                _ => return k.clone(),
            };
            match val.as_str() {
                Some(s) if key == "archive-via-import" => {
                    lang.text("archive-via-import-named", Some(&args([("batch", Arg::from(s))])))
                }
                _ => lang.text(key, None),
            }
        }
        None => v.as_str().map(str::to_string).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::registry::Holds;

    /// A tree whose records go into the archive is shown to the person: it needs words for
    /// them in every language, not the registry's developer text.
    #[test]
    fn every_exported_tree_has_a_message_for_the_person_in_every_language() {
        let catalogue = i18n::catalogue();
        let keys = catalogue.keys();
        for reg in crate::wiring::registry().registrations {
            let exported = matches!(reg.holds, Holds::Personal { export: Some(_), .. } | Holds::Retained { .. });
            if !exported {
                continue;
            }
            let key = store_message(reg.tree)
                .unwrap_or_else(|| panic!("`{}` goes into the archive but has no store-… message", reg.tree));
            assert!(keys.iter().any(|k| k == key), "{key} is not in en.ftl");
            for lang in catalogue.languages() {
                let text = lang.text(key, None);
                assert!(!text.is_empty() && text != key, "{key} in {}", lang.code);
                assert!(
                    lang.code == "en" || text != catalogue.source().text(key, None),
                    "{key} untranslated in {}",
                    lang.code
                );
            }
        }
    }

    #[test]
    fn the_period_text_counts_days_in_the_language() {
        let mut p = crate::domain::Purpose {
            key: "newsletter".into(),
            name: "Newsletter".into(),
            description: String::new(),
            basis: crate::domain::LawfulBasis::Consent,
            categories: vec![],
            retention_days: 1,
            recipients: vec![],
            current_wording: 0,
            updated_at: Utc::now(),
        };
        let c = i18n::catalogue();
        assert!(crate::gdpr::retention::purpose_period_text(&p, c.get("en")).starts_with("1 day after the consent"));
        assert!(crate::gdpr::retention::purpose_period_text(&p, c.get("de")).starts_with("1 Tag nach dem Ende"));
        p.retention_days = 730;
        assert!(crate::gdpr::retention::purpose_period_text(&p, c.get("pl")).starts_with("730 dni od wygaśnięcia"));
    }
}
