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

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::Utc;
use minijinja::context;
use serde_json::{json, Value};

use crate::domain::ContactId;
use crate::state::AppState;

pub struct Archive {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Records in it, over all stores.
    pub records: usize,
}

const README: &str = "\
This archive holds every piece of personal data that this organisation's Tidings installation
keeps about you, as it was when the archive was made.

data.json      Everything, machine-readable (JSON). `stores` maps each place data is kept to
               its records; `purposes` says why each kind of data is processed, on which lawful
               basis, for how long and who receives it; `wordings` holds the exact texts you
               agreed to (the consent ledger refers to them by purpose and version).
csv/           The same records as one spreadsheet table per store (UTF-8, comma-separated).
summary.html   A readable summary with the information Article 15 GDPR entitles you to.

You may take this data to another service (Article 20 GDPR).
";

/// The Art. 15 information and the data, as one JSON document.
pub fn document(state: &AppState, contact: &ContactId) -> anyhow::Result<Value> {
    let stores = state.store.export_person(&contact.person())?;
    let mut wordings = BTreeMap::new();
    for (tree, records) in &stores {
        if tree != crate::contacts::LEDGER {
            continue;
        }
        for r in records {
            let pair = r.get("wording").and_then(Value::as_array).filter(|a| a.len() == 2);
            if let Some(a) = pair {
                if let (Some(p), Some(v)) = (a[0].as_str(), a[1].as_u64()) {
                    if let Some(w) = state.purposes.wording(p, v as u32)? {
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
                "categories": p.categories, "retention_days": p.retention_days, "recipients": p.recipients, "retention": crate::gdpr::retention::purpose_period_text(&p),
            })
        })
        .collect();
    let settings = state.settings.get().unwrap_or_default();
    let records: usize = stores.iter().map(|(_, r)| r.len()).sum();
    Ok(json!({
        "format": "tidings-subject-archive/1",
        "generated_at": Utc::now(),
        "contact_id": contact.to_string(),
        "controller": { "name": settings.organisation, "postal_address": settings.address_line(), "dpo_contact": settings.dpo_contact },
        "purposes": purposes,
        "wordings": wordings,
        "records": records,
        "stores": stores.into_iter().collect::<BTreeMap<_, _>>(),
    }))
}

/// Builds the zip in memory (one person's data: kilobytes to a few megabytes).
pub fn build(state: &AppState, contact: &ContactId) -> anyhow::Result<Archive> {
    let doc = document(state, contact)?;
    let records = doc["records"].as_u64().unwrap_or(0) as usize;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("README.txt", opts)?;
    zip.write_all(README.as_bytes())?;
    zip.start_file("data.json", opts)?;
    zip.write_all(serde_json::to_string_pretty(&doc)?.as_bytes())?;
    if let Some(stores) = doc["stores"].as_object() {
        for (tree, rows) in stores {
            zip.start_file(format!("csv/{tree}.csv"), opts)?;
            zip.write_all(&csv_of(rows.as_array().map(Vec::as_slice).unwrap_or(&[]))?)?;
        }
    }
    zip.start_file("summary.html", opts)?;
    zip.write_all(summary(state, &doc)?.as_bytes())?;
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
/// to the second, with the zone named ("7 December 2026, 09:14:03 CET").
fn local_time(at: chrono::DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    at.with_timezone(&tz).format("%-d %B %Y, %H:%M:%S %Z").to_string()
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The profile as (label, value) rows, in the order a person reads a form; empty values left out.
fn profile_rows(
    c: &crate::domain::Contact,
    fields: &[crate::domain::FieldDef],
    list_name: impl Fn(&str) -> String,
    tz: chrono_tz::Tz,
) -> Vec<(String, String)> {
    use crate::domain::FieldValue;
    let mut rows: Vec<(String, String)> = vec![
        ("Email address".into(), c.email.to_string()),
        ("First name".into(), c.first_name.clone()),
        ("Last name".into(), c.last_name.clone()),
        ("Phone".into(), c.phone.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default()),
        ("Language".into(), c.locale.clone().unwrap_or_default()),
        ("Time zone".into(), c.time_zone.clone().unwrap_or_default()),
    ];
    for f in fields {
        let Some(v) = c.custom.get(&f.key) else { continue };
        let text = match v {
            FieldValue::Bool(b) => yes_no(*b).to_string(),
            FieldValue::Date(d) => d.format("%-d %B %Y").to_string(),
            other => other.display(),
        };
        rows.push((f.label.clone(), text));
    }
    // Values of fields since removed from the schema are still the person's data.
    for (key, v) in c.custom.iter().filter(|(k, _)| !fields.iter().any(|f| &f.key == *k)) {
        rows.push((key.replace('_', " "), v.display()));
    }
    rows.extend([
        ("Tags".to_string(), c.tags.iter().cloned().collect::<Vec<_>>().join(", ")),
        ("Lists".to_string(), c.lists.iter().map(|l| list_name(l)).collect::<Vec<_>>().join(", ")),
        ("Subscription".to_string(), c.status.label().to_string()),
        ("Recorded through".to_string(), source_words(c.source).to_string()),
        ("Recorded on".to_string(), local_time(c.created_at, tz)),
        ("Last changed".to_string(), local_time(c.updated_at, tz)),
    ]);
    if !c.merged_ids.is_empty() {
        rows.push(("Records merged into this one".into(), c.merged_ids.len().to_string()));
    }
    rows.retain(|(_, v)| !v.is_empty());
    rows
}

fn source_words(s: crate::domain::Source) -> &'static str {
    use crate::domain::Source;
    match s {
        Source::Form => "a subscribe form",
        Source::Import => "an import of a contact list",
        Source::Api => "the shop's systems (API)",
        Source::Admin => "a member of staff",
    }
}

fn summary(state: &AppState, doc: &Value) -> anyhow::Result<String> {
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
    let purpose_name = |key: &str| purposes.iter().find(|p| p.key == key).map_or(key.to_string(), |p| p.name.clone());
    let lists = state.lists.all()?;
    let list_name = |slug: &str| lists.iter().find(|l| l.slug == slug).map_or(slug.to_string(), |l| l.name.clone());
    let profile: Vec<Value> = contact
        .as_ref()
        .map(|c| profile_rows(c, &state.fields.all(), list_name, tz))
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
        json!({
            "at": local_time(e.at, tz),
            "purpose": purpose_name(&e.purpose),
            "given": if e.granted { "given" } else { "withdrawn" },
            "how": describe_via(&serde_json::to_value(&e.via).unwrap_or(Value::Null)),
            "note": e.note,
            "wording": wording,
        })
    })
    .collect();
    let held: Vec<Value> = stores
        .iter()
        .map(|(tree, rows)| {
            let purpose = crate::store::registry::lookup(tree).map(|r| r.purpose).unwrap_or("");
            json!({ "store": tree, "purpose": purpose, "records": rows.as_array().map_or(0, Vec::len) })
        })
        .collect();
    let sources: BTreeSet<String> = stores
        .get(crate::contacts::LEDGER)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("via"))
        .map(describe_via)
        .chain(contact.as_ref().map(|c| format!("recorded through {}", source_words(c.source))))
        .collect();
    let generated = doc["generated_at"]
        .as_str()
        .and_then(|s| s.parse::<chrono::DateTime<Utc>>().ok())
        .map(|t| local_time(t, tz))
        .unwrap_or_default();
    state
        .templates
        .render(
            "privacy_summary.html",
            context! {
                doc => minijinja::Value::from_serialize(doc),
                generated => generated,
                profile => profile,
                held => held,
                sources => sources.into_iter().collect::<Vec<_>>(),
                ledger => ledger,
            },
        )
        .map_err(|e| anyhow::anyhow!("{}", e.message))
}

fn describe_via(v: &Value) -> String {
    match v.as_object().and_then(|o| o.iter().next()) {
        Some((k, val)) => {
            let what = match k.as_str() {
                "form" => "a subscribe form",
                "import" => "an import of a contact list",
                "api_token" | "ApiToken" => "the shop's systems (API)",
                "admin" | "Admin" => "a member of staff",
                "merge" | "Merge" => "a merge of two records about you",
                "subject" | "Subject" => "you, on one of our pages",
                _ => k.as_str(),
            };
            match val.as_str() {
                Some(s) if k == "import" || k == "Import" => format!("{what} ({s})"),
                _ => what.to_string(),
            }
        }
        None => v.as_str().map(str::to_string).unwrap_or_default(),
    }
}
