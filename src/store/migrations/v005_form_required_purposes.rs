//! Version 5: forms gain `required_purposes` (the boxes a sign-up must tick). Forms are stored
//! with postcard, which reads a struct field by field: every stored form is rewritten with the
//! new field empty, so nothing changes for an existing form until its editor says so.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Migration;
use crate::forms::{Form, FormId};

pub const MIGRATION: Migration = Migration { version: 5, name: "form required purposes", up };

/// A form as versions 1–4 wrote it.
#[derive(Serialize, Deserialize)]
struct V4 {
    id: FormId,
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
}

fn up(db: &sled::Db) -> Result<(), String> {
    let tree = db.open_tree(crate::forms::FORMS).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        // Already rewritten (a migration interrupted part-way): leave it.
        if postcard::from_bytes::<Form>(&v).is_ok() {
            continue;
        }
        let old: V4 = postcard::from_bytes(&v).map_err(|e| format!("reading a form: {e}"))?;
        let new = Form {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_forms_read_with_no_required_purpose() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let now = Utc::now();
        let old = V4 {
            id: FormId::new(),
            name: "Newsletter".into(),
            title: "Subscribe".into(),
            intro: String::new(),
            ask_first_name: true,
            ask_last_name: false,
            custom_fields: vec![],
            lists: vec!["news".into()],
            purposes: vec!["newsletter".into()],
            double_opt_in: true,
            thank_you: "Thanks".into(),
            proof_of_work: false,
            redirect_url: String::new(),
            created_by: "cli".into(),
            created_at: now,
            updated_at: now,
        };
        let tree = db.open_tree(crate::forms::FORMS).unwrap();
        tree.insert(old.id.to_string(), postcard::to_allocvec(&old).unwrap()).unwrap();
        up(&db).unwrap();
        up(&db).unwrap();
        let (_, v) = tree.iter().next().unwrap().unwrap();
        let f: Form = postcard::from_bytes(&v).unwrap();
        assert_eq!((f.name.as_str(), f.purposes.len(), f.required_purposes.len()), ("Newsletter", 1, 0));
    }
}
