//! The contact schema: custom fields and purposes (with their wordings and translations).

use super::*;

pub fn create_field(
    state: &AppState,
    by: By,
    key: &str,
    label: &str,
    kind: &str,
    options: Vec<String>,
    max_len: Option<u32>,
) -> OpResult<FieldDef> {
    by.require(Permission::ManageSettings)?;
    let kind: FieldKind = kind.parse().map_err(|m| invalid("kind", m))?;
    let def = FieldDef::new(key.trim(), label, kind, options, max_len)?;
    if state.fields.get(&def.key).is_some() {
        return Err(invalid("key", format!("a field `{}` already exists", def.key)));
    }
    state.fields.put(&def)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::FieldCreated).target(format!("field:{}", def.key)).detail("kind", def.kind.as_str()),
    )?;
    Ok(def)
}

/// Changes a field's label, options or length limit (its key and type stay: stored values
/// depend on them).
pub fn update_field(
    state: &AppState,
    by: By,
    key: &str,
    label: Option<&str>,
    options: Option<Vec<String>>,
    max_len: Option<u32>,
) -> OpResult<FieldDef> {
    by.require(Permission::ManageSettings)?;
    let cur = state.fields.get(key).ok_or(OpError::NotFound("field"))?;
    let mut def = FieldDef::new(
        &cur.key,
        label.unwrap_or(&cur.label),
        cur.kind,
        options.unwrap_or(cur.options.clone()),
        Some(max_len.unwrap_or(cur.max_len)),
    )?;
    def.created_at = cur.created_at;
    state.fields.put(&def)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::FieldChanged).target(format!("field:{}", def.key)))?;
    Ok(def)
}

/// Removes a field definition. Values already stored are dropped from each contact the next
/// time it is written, and are not shown or exported meanwhile.
pub fn delete_field(state: &AppState, by: By, key: &str) -> OpResult<()> {
    by.require(Permission::ManageSettings)?;
    if !state.fields.remove(key)? {
        return Err(OpError::NotFound("field"));
    }
    state.store.commit()?;
    state.audit.record(by.event(Action::FieldDeleted).target(format!("field:{key}")))?;
    Ok(())
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PurposeInput {
    pub key: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub basis: Option<String>,
    pub categories: Option<Vec<String>>,
    pub retention_days: Option<u32>,
    pub recipients: Option<Vec<String>>,
    /// A new consent text: stored as the next version when it differs from the current one.
    pub wording: Option<String>,
}

/// Creates (no `existing`) or changes a purpose.
pub fn save_purpose(state: &AppState, by: By, existing: Option<&str>, input: &PurposeInput) -> OpResult<Purpose> {
    by.require(Permission::ManageGdpr).or_else(|_| by.require(Permission::ManageSettings))?;
    let mut p = match existing {
        Some(k) => state.purposes.get(k)?.ok_or(OpError::NotFound("purpose"))?,
        None => {
            let key = input.key.as_deref().unwrap_or("").trim().to_string();
            crate::domain::contact::validate_field_key(&key).map_err(|m| invalid("key", m))?;
            if state.purposes.get(&key)?.is_some() {
                return Err(invalid("key", format!("a purpose `{key}` already exists")));
            }
            Purpose {
                key,
                name: String::new(),
                description: String::new(),
                basis: LawfulBasis::Consent,
                categories: vec![],
                retention_days: 365,
                recipients: vec![],
                current_wording: 0,
                updated_at: Utc::now(),
            }
        }
    };
    if let Some(n) = &input.name {
        p.name = n.trim().to_string();
    }
    if p.name.is_empty() || p.name.len() > 100 {
        return Err(invalid("name", "a name of 1 to 100 characters is required"));
    }
    if let Some(d) = &input.description {
        if d.len() > 2000 {
            return Err(invalid("description", "is longer than 2000 characters"));
        }
        p.description = d.trim().to_string();
    }
    if let Some(b) = &input.basis {
        p.basis = b.parse().map_err(|m| invalid("basis", m))?;
    }
    let clean = |v: &Vec<String>| -> Vec<String> {
        v.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).take(50).collect()
    };
    if let Some(c) = &input.categories {
        p.categories = clean(c);
    }
    if let Some(r) = &input.recipients {
        p.recipients = clean(r);
    }
    if let Some(days) = input.retention_days {
        if !(1..=36_500).contains(&days) {
            return Err(invalid("retention_days", "must be between 1 and 36500 days"));
        }
        p.retention_days = days;
    }
    if let Some(w) = &input.wording {
        let w = w.trim();
        if w.len() > 5000 {
            return Err(invalid("wording", "is longer than 5000 characters"));
        }
        if !w.is_empty() {
            let language = state.settings.get().map(|s| s.language).unwrap_or_else(|_| crate::i18n::SOURCE.into());
            p.current_wording = state.purposes.add_wording(&p.key, w, Some(&language))?;
        }
    }
    if p.basis == LawfulBasis::Consent && p.current_wording == 0 {
        return Err(invalid("wording", "a purpose based on consent needs the text people agree to"));
    }
    p.updated_at = Utc::now();
    state.purposes.put(&p)?;
    state.store.commit()?;
    let action = if existing.is_some() { Action::PurposeChanged } else { Action::PurposeCreated };
    state.audit.record(by.event(action).target(format!("purpose:{}", p.key)).detail("wording", p.current_wording))?;
    Ok(p)
}

/// A purpose's name and consent text in another language. An empty name removes that
/// language's name (the purpose's own shows); an empty text changes nothing (versions are never
/// removed: the ledger refers to them). Returns the wording version in that language.
pub fn save_purpose_translation(
    state: &AppState,
    by: By,
    key: &str,
    language: &str,
    name: &str,
    wording: &str,
) -> OpResult<Option<u32>> {
    by.require(Permission::ManageGdpr).or_else(|_| by.require(Permission::ManageSettings))?;
    let p = state.purposes.get(key)?.ok_or(OpError::NotFound("purpose"))?;
    let language = crate::i18n::catalogue()
        .languages()
        .iter()
        .find(|l| l.code == language.trim())
        .map(|l| l.code.clone())
        .ok_or_else(|| {
            invalid(
                "language",
                format!("Tidings has no translation `{}`", language.chars().take(20).collect::<String>()),
            )
        })?;
    let name = name.trim();
    if name.chars().count() > 100 {
        return Err(invalid("name", "is longer than 100 characters"));
    }
    let wording = wording.trim();
    if wording.chars().count() > 2000 {
        return Err(invalid("wording", "is longer than 2000 characters"));
    }
    if !wording.is_empty() && p.basis != LawfulBasis::Consent {
        return Err(invalid("wording", "only a purpose based on consent has a text people agree to"));
    }
    state.purposes.set_name(&p.key, &language, name)?;
    let version = if wording.is_empty() {
        state
            .purposes
            .wordings(&p.key)?
            .iter()
            .rev()
            .find(|w| w.language.as_deref() == Some(&language))
            .map(|w| w.version)
    } else {
        Some(state.purposes.add_wording(&p.key, wording, Some(&language))?)
    };
    state.store.commit()?;
    state.audit.record(
        by.event(Action::PurposeChanged)
            .target(format!("purpose:{}", p.key))
            .detail("language", &language)
            .detail("wording", version.unwrap_or(0)),
    )?;
    Ok(version)
}
