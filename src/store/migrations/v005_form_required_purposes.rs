//! Version 5: forms gain `required_purposes` (the boxes a sign-up must tick). Forms are stored
//! with postcard, which reads a struct field by field: every stored form is rewritten with the
//! new field empty, so nothing changes for an existing form until its editor says so.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 5, name: "form required purposes", up };

/// The forms' tree, as versions 1–5 named it.
const FORMS: &str = "forms";

/// A form as versions 1–4 wrote it.
#[derive(Serialize, Deserialize)]
pub(crate) struct V4 {
    pub(crate) id: Uuid,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) intro: String,
    pub(crate) ask_first_name: bool,
    pub(crate) ask_last_name: bool,
    pub(crate) custom_fields: Vec<String>,
    pub(crate) lists: Vec<String>,
    pub(crate) purposes: Vec<String>,
    pub(crate) double_opt_in: bool,
    pub(crate) thank_you: String,
    pub(crate) proof_of_work: bool,
    pub(crate) redirect_url: String,
    pub(crate) created_by: String,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

/// A form as version 5 writes it: `required_purposes` last.
#[derive(Serialize, Deserialize)]
struct V5 {
    id: Uuid,
    name: String,
    title: String,
    intro: String,
    ask_first_name: bool,
    ask_last_name: bool,
    custom_fields: Vec<String>,
    lists: Vec<String>,
    purposes: Vec<String>,
    double_opt_in: bool,
    thank_you: String,
    proof_of_work: bool,
    redirect_url: String,
    created_by: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    required_purposes: Vec<String>,
}

pub(crate) fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let tree = db.open_tree(FORMS).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        // Already rewritten (a migration interrupted part-way): leave it.
        if postcard::from_bytes::<V5>(&v).is_ok() {
            continue;
        }
        let old: V4 = postcard::from_bytes(&v).map_err(|e| format!("reading a form: {e}"))?;
        let new = V5 {
            id: old.id,
            name: old.name,
            title: old.title,
            intro: old.intro,
            ask_first_name: old.ask_first_name,
            ask_last_name: old.ask_last_name,
            custom_fields: old.custom_fields,
            lists: old.lists,
            purposes: old.purposes,
            double_opt_in: old.double_opt_in,
            thank_you: old.thank_you,
            proof_of_work: old.proof_of_work,
            redirect_url: old.redirect_url,
            created_by: old.created_by,
            created_at: old.created_at,
            updated_at: old.updated_at,
            required_purposes: Vec::new(),
        };
        tree.insert(k, postcard::to_allocvec(&new).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    }
    Ok(())
}
