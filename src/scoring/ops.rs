//! What staff do with scoring models: define, change, remove, and ask what a contact's scores
//! are made of. Changing or removing a model rebuilds the segments that read its score (their
//! members are re-evaluated against the new rules).

use std::collections::BTreeMap;

use chrono::Utc;
use serde_json::Value;

use super::Scores;
use crate::audit::Action;
use crate::domain::score::{Model, ModelError, On, MAX_MODELS};
use crate::domain::{ContactId, FieldKind, Permission};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::state::AppState;

/// A model's JSON is at most this long (checked before it is parsed).
pub const MODEL_MAX: usize = 64 * 1024;

/// Reads a model against today's custom fields: the model, and the types of the custom fields
/// its rules read (stored with it). Errors name the place (`model.rules[1].points`).
pub fn parse(state: &AppState, v: &Value) -> Result<(Model, BTreeMap<String, FieldKind>), ModelError> {
    if serde_json::to_string(v).map_or(0, |s| s.len()) > MODEL_MAX {
        return Err(ModelError { path: "model".into(), message: format!("at most {} KiB", MODEL_MAX / 1024) });
    }
    let fields = state.fields.all();
    let kind = |k: &str| fields.iter().find(|d| d.key == k).map(|d| d.kind);
    let model = Model::parse(v, &kind)?;
    let mut kinds = BTreeMap::new();
    for r in &model.rules {
        if let On::Field { field, kind: k, .. } = &r.on {
            if kind(field).is_some() {
                kinds.insert(field.clone(), *k);
            }
        }
    }
    Ok((model, kinds))
}

fn refused(e: ModelError) -> OpError {
    OpError::Invalid { field: "model", message: e.to_string() }
}

pub fn list(state: &AppState, by: By) -> OpResult<Vec<Model>> {
    by.require(Permission::ViewContacts)?;
    Ok(state.scoring.models().all()?.as_ref().clone())
}

pub fn get(state: &AppState, by: By, key: &str) -> OpResult<Model> {
    by.require(Permission::ViewContacts)?;
    state.scoring.models().get(key)?.ok_or(OpError::NotFound("scoring model"))
}

pub fn create(state: &AppState, by: By, v: &Value) -> OpResult<Model> {
    by.require(Permission::EditContacts)?;
    let (mut model, kinds) = parse(state, v).map_err(refused)?;
    if model.key == "new" {
        return Err(invalid("key", "\"new\" is the address of the blank form: choose another key"));
    }
    let models = state.scoring.models();
    let all = models.all()?;
    if all.iter().any(|m| m.key == model.key) {
        return Err(invalid("key", format!("a model \"{}\" exists", model.key)));
    }
    if all.iter().any(|m| m.name.eq_ignore_ascii_case(&model.name)) {
        return Err(invalid("name", format!("a model named \"{}\" exists", model.name)));
    }
    if all.len() >= MAX_MODELS {
        return Err(OpError::Conflict(format!("There are {MAX_MODELS} models, the most there may be.")));
    }
    model.version = 1;
    models.put(&model, kinds)?;
    state.audit.append_uncommitted(
        by.event(Action::ScoreModelSaved).target(format!("score_model:{}", model.key)).detail("version", 1),
    )?;
    state.store.commit()?;
    // A segment may already name this key (a score of a model not defined yet is none).
    rebuild_readers(state, &model.key)?;
    Ok(model)
}

/// Replaces the model `key` (the JSON may leave out the key, or must repeat it).
pub fn update(state: &AppState, by: By, key: &str, v: &Value) -> OpResult<Model> {
    by.require(Permission::EditContacts)?;
    let models = state.scoring.models();
    let old = models.get(key)?.ok_or(OpError::NotFound("scoring model"))?;
    let mut v = v.clone();
    if let Some(obj) = v.as_object_mut() {
        match obj.get("key").and_then(Value::as_str) {
            None => {
                obj.insert("key".into(), Value::String(key.to_string()));
            }
            Some(k) if k.trim() != key => return Err(invalid("key", "a model's key cannot change")),
            Some(_) => {}
        }
    }
    let (mut model, kinds) = parse(state, &v).map_err(refused)?;
    if models.all()?.iter().any(|m| m.key != key && m.name.eq_ignore_ascii_case(&model.name)) {
        return Err(invalid("name", format!("a model named \"{}\" exists", model.name)));
    }
    model.version = old.version;
    let changed = Model { version: old.version, ..old.clone() } != model;
    if changed {
        model.version = old.version + 1;
    }
    models.put(&model, kinds)?;
    state.audit.append_uncommitted(
        by.event(Action::ScoreModelSaved).target(format!("score_model:{}", model.key)).detail("version", model.version),
    )?;
    state.store.commit()?;
    if changed {
        rebuild_readers(state, key)?;
    }
    Ok(model)
}

pub fn delete(state: &AppState, by: By, key: &str) -> OpResult<()> {
    by.require(Permission::EditContacts)?;
    let models = state.scoring.models();
    let m = models.get(key)?.ok_or(OpError::NotFound("scoring model"))?;
    if let Some(s) = readers(state, key)?.first() {
        return Err(OpError::Conflict(format!("The segment \"{}\" uses this score; change it first.", s.name)));
    }
    models.remove(key)?;
    state.audit.append_uncommitted(
        by.event(Action::ScoreModelDeleted).target(format!("score_model:{}", m.key)).detail("name", &m.name),
    )?;
    state.store.commit()?;
    Ok(())
}

/// The segments whose filter reads the score `key`.
fn readers(state: &AppState, key: &str) -> OpResult<Vec<crate::segments::Segment>> {
    Ok(state
        .segments
        .segments()
        .all()?
        .into_iter()
        .filter(|s| crate::segments::stored_filter(s).is_some_and(|f| f.reads().scores.contains(key)))
        .collect())
}

/// Rebuilds the segments that read the score `key`: every member is evaluated against the
/// model as it is now (a transition where the answer changed).
fn rebuild_readers(state: &AppState, key: &str) -> OpResult<()> {
    for s in readers(state, key)? {
        state.segments.build(s.id);
    }
    Ok(())
}

/// A contact's score in every model now, with its breakdown (each None when the person
/// objected to profiling); None when the contact is gone or restricted.
pub fn explain(state: &AppState, by: By, id: &ContactId) -> OpResult<Option<Scores>> {
    by.require(Permission::ViewContacts)?;
    let Some((c, consents, _)) = state.contacts.get_with_consents(id)? else { return Ok(None) };
    if state.gdpr.restrictions.is_restricted(id)? {
        // Processing restricted (Art. 18): not even to show it.
        return Ok(None);
    }
    let zone = state.settings.zone();
    Ok(Some(state.scoring.scores(&c, &consents, None, None, zone, Utc::now())?))
}
