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

fn summary(state: &AppState, doc: &Value) -> anyhow::Result<String> {
    let stores = doc["stores"].as_object().cloned().unwrap_or_default();
    let profile = stores.get(crate::contacts::CONTACTS).and_then(|v| v.get(0)).cloned().unwrap_or(Value::Null);
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
        .chain(profile.get("source").and_then(Value::as_str).map(|s| format!("recorded through: {s}")))
        .collect();
    state
        .templates
        .render(
        "privacy_summary.html",
        context! {
            doc => minijinja::Value::from_serialize(doc),
            profile => minijinja::Value::from_serialize(&profile),
            held => held,
            sources => sources.into_iter().collect::<Vec<_>>(),
            ledger => minijinja::Value::from_serialize(stores.get(crate::contacts::LEDGER).cloned().unwrap_or(Value::Null)),
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
