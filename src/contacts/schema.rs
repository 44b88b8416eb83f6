//! What contacts are described by: custom-field definitions, processing purposes with their
//! versioned consent wordings, and lists. None of it is personal data.

use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::consent::default_purposes;
use crate::domain::{FieldDef, Purpose, Wording};
use crate::store::{Holds, PlainTree, Registration, Result, Store};

pub const FIELDS: &str = "custom_fields";
pub const PURPOSES: &str = "purposes";
pub const WORDINGS: &str = "consent_wordings";
pub const PURPOSE_NAMES: &str = "purpose_names";
pub const LISTS: &str = "lists";
pub const LIST_VISIBILITY: &str = "list_visibility";

pub const FIELDS_REGISTRATION: Registration = Registration {
    tree: FIELDS,
    purpose: "the custom-field schema defined by admins",
    holds: Holds::Nothing { why: "field names, types and options only" },
};
pub const PURPOSES_REGISTRATION: Registration = Registration {
    tree: PURPOSES,
    purpose: "the registry of processing purposes (basis, categories, retention, recipients)",
    holds: Holds::Nothing { why: "describes processing, not people" },
};
pub const WORDINGS_REGISTRATION: Registration = Registration {
    tree: WORDINGS,
    purpose: "each version of the consent text shown for a purpose, stored once and referenced by the ledger",
    holds: Holds::Nothing { why: "texts written by the controller" },
};
pub const PURPOSE_NAMES_REGISTRATION: Registration = Registration {
    tree: PURPOSE_NAMES,
    purpose: "each purpose's name in the languages people read it in",
    holds: Holds::Nothing { why: "texts written by the controller" },
};
pub const LISTS_REGISTRATION: Registration = Registration {
    tree: LISTS,
    purpose: "mailing lists (name, description)",
    holds: Holds::Nothing { why: "list names only; memberships live in the contact record" },
};

pub const LIST_VISIBILITY_REGISTRATION: Registration = Registration {
    tree: LIST_VISIBILITY,
    purpose: "which lists the preference centre offers to everyone (not only to their members)",
    holds: Holds::Nothing { why: "list keys only" },
};

/// The custom-field schema, cached in memory (every write path validates against it).
#[derive(Clone)]
pub struct Fields {
    tree: PlainTree<FieldDef>,
    cache: Arc<RwLock<Vec<FieldDef>>>,
}

impl Fields {
    pub fn open(store: &Store) -> Result<Self> {
        let tree = store.plain::<FieldDef>(FIELDS)?;
        let all = tree.iter().map(|r| r.map(|(_, f)| f)).collect::<Result<Vec<_>>>()?;
        Ok(Self { tree, cache: Arc::new(RwLock::new(all)) })
    }

    pub fn all(&self) -> Vec<FieldDef> {
        self.cache.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn get(&self, key: &str) -> Option<FieldDef> {
        self.cache.read().unwrap_or_else(|p| p.into_inner()).iter().find(|f| f.key == key).cloned()
    }

    /// Stores a definition (uncommitted) and refreshes the cache.
    pub fn put(&self, def: &FieldDef) -> Result<()> {
        self.tree.put(def.key.as_bytes(), def)?;
        self.reload()
    }

    pub fn remove(&self, key: &str) -> Result<bool> {
        let r = self.tree.remove(key.as_bytes())?;
        self.reload()?;
        Ok(r)
    }

    fn reload(&self) -> Result<()> {
        let all = self.tree.iter().map(|r| r.map(|(_, f)| f)).collect::<Result<Vec<_>>>()?;
        *self.cache.write().unwrap_or_else(|p| p.into_inner()) = all;
        Ok(())
    }
}

#[derive(Clone)]
pub struct Purposes {
    tree: PlainTree<Purpose>,
    wordings: PlainTree<Wording>,
    /// `purpose ‖ 0 ‖ language` → the purpose's name in that language.
    names: PlainTree<String>,
}

fn name_key(purpose: &str, language: &str) -> Vec<u8> {
    let mut k = purpose.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(language.as_bytes());
    k
}

/// The catalogue messages that translate a default purpose's name and consent text: a shop
/// that has not changed them gets them in every language the catalogue has.
pub fn default_translation_keys(purpose: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match purpose {
        "newsletter" => ("purpose-newsletter-name", Some("purpose-newsletter-wording")),
        "engagement" => ("purpose-engagement-name", Some("purpose-engagement-wording")),
        "website_tracking" => ("purpose-website-tracking-name", Some("purpose-website-tracking-wording")),
        "transactional" => ("purpose-transactional-name", None),
        "profiling" => ("purpose-profiling-name", Some("purpose-profiling-wording")),
        _ => return None,
    })
}

fn wording_key(purpose: &str, version: u32) -> Vec<u8> {
    let mut k = purpose.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(&version.to_be_bytes());
    k
}

impl Purposes {
    /// Opens the registry and seeds the default purposes into an empty one.
    pub fn open(store: &Store) -> Result<Self> {
        let p =
            Self { tree: store.plain(PURPOSES)?, wordings: store.plain(WORDINGS)?, names: store.plain(PURPOSE_NAMES)? };
        if p.tree.is_empty() {
            for (purpose, text) in default_purposes() {
                if !text.is_empty() {
                    p.wordings.put(
                        &wording_key(&purpose.key, 1),
                        &Wording {
                            purpose: purpose.key.clone(),
                            version: 1,
                            text: text.into(),
                            created_at: Utc::now(),
                            language: Some(crate::i18n::SOURCE.into()),
                        },
                    )?;
                }
                let mut purpose = purpose;
                purpose.current_wording = if text.is_empty() { 0 } else { 1 };
                p.tree.put(purpose.key.as_bytes(), &purpose)?;
            }
        }
        if p.translate_defaults()? {
            store.commit()?;
        }
        Ok(p)
    }

    /// Gives the default purposes that the shop has left as shipped their name and consent
    /// text in every catalogue language they lack (each text a wording version of its own).
    /// Returns whether anything was added.
    fn translate_defaults(&self) -> Result<bool> {
        let catalogue = crate::i18n::catalogue();
        let mut added = false;
        for (seed, seed_text) in default_purposes() {
            let Some((name_key_msg, wording_msg)) = default_translation_keys(&seed.key) else { continue };
            let Some(purpose) = self.get(&seed.key)? else { continue };
            let untouched_name = purpose.name == seed.name;
            let untouched_text = self.current_wording(&purpose)?.is_some_and(|w| w.text == seed_text);
            for lang in &catalogue.languages()[1..] {
                if untouched_name && self.names.get(&name_key(&purpose.key, &lang.code))?.is_none() {
                    self.names.put(&name_key(&purpose.key, &lang.code), &lang.text(name_key_msg, None))?;
                    added = true;
                }
                if let (true, Some(msg)) = (untouched_text, wording_msg) {
                    if !self.wordings(&purpose.key)?.iter().any(|w| w.language.as_deref() == Some(lang.code.as_str())) {
                        self.add_wording(&purpose.key, &lang.text(msg, None), Some(&lang.code))?;
                        added = true;
                    }
                }
            }
        }
        Ok(added)
    }

    /// The purpose's name in `language`, else its own.
    pub fn name_in(&self, purpose: &Purpose, language: &str) -> Result<String> {
        Ok(self.names.get(&name_key(&purpose.key, language))?.unwrap_or_else(|| purpose.name.clone()))
    }

    /// Names given per language (language, name), by language.
    pub fn names(&self, purpose: &str) -> Result<Vec<(String, String)>> {
        let mut prefix = purpose.as_bytes().to_vec();
        prefix.push(0);
        let mut out = Vec::new();
        for item in self.names.iter() {
            let (k, name) = item?;
            if let Some(lang) = k.strip_prefix(prefix.as_slice()) {
                out.push((String::from_utf8_lossy(lang).into_owned(), name));
            }
        }
        Ok(out)
    }

    /// Sets (or, empty, removes) the purpose's name in `language` (uncommitted).
    pub fn set_name(&self, purpose: &str, language: &str, name: &str) -> Result<()> {
        if name.trim().is_empty() {
            self.names.remove(&name_key(purpose, language))?;
            Ok(())
        } else {
            self.names.put(&name_key(purpose, language), &name.trim().to_string())
        }
    }

    /// The consent text to show a reader of `language`: the current version when it is in
    /// that language, else the latest version written in it, else the current version.
    pub fn wording_in(&self, purpose: &Purpose, language: &str) -> Result<Option<Wording>> {
        let current = self.current_wording(purpose)?;
        if current.as_ref().is_some_and(|w| w.language.as_deref() == Some(language)) {
            return Ok(current);
        }
        let translated =
            self.wordings(&purpose.key)?.into_iter().rev().find(|w| w.language.as_deref() == Some(language));
        Ok(translated.or(current))
    }

    pub fn all(&self) -> Result<Vec<Purpose>> {
        self.tree.iter().map(|r| r.map(|(_, p)| p)).collect()
    }

    pub fn get(&self, key: &str) -> Result<Option<Purpose>> {
        self.tree.get(key.as_bytes())
    }

    /// How many days what was collected for `purpose` is kept, read at every use (a DPO's
    /// change applies at the next retention run); a purpose that was deleted keeps
    /// [`crate::domain::consent::DEFAULT_RETENTION_DAYS`]. Never less than a day.
    pub fn retention_days(&self, purpose: &str) -> Result<u32> {
        Ok(self.get(purpose)?.map_or(crate::domain::consent::DEFAULT_RETENTION_DAYS, |p| p.retention_days).max(1))
    }

    pub fn put(&self, p: &Purpose) -> Result<()> {
        self.tree.put(p.key.as_bytes(), p)
    }

    pub fn wording(&self, purpose: &str, version: u32) -> Result<Option<Wording>> {
        self.wordings.get(&wording_key(purpose, version))
    }

    pub fn current_wording(&self, purpose: &Purpose) -> Result<Option<Wording>> {
        if purpose.current_wording == 0 {
            return Ok(None);
        }
        self.wording(&purpose.key, purpose.current_wording)
    }

    pub fn wordings(&self, purpose: &str) -> Result<Vec<Wording>> {
        let mut out: Vec<Wording> =
            self.wordings.iter().filter_map(|r| r.ok()).map(|(_, w)| w).filter(|w| w.purpose == purpose).collect();
        out.sort_by_key(|w| w.version);
        Ok(out)
    }

    /// Stores `text` as the next wording version for the purpose, written in `language`
    /// (uncommitted). A text identical to the latest version in the same language is not
    /// stored twice. Returns the version.
    pub fn add_wording(&self, purpose: &str, text: &str, language: Option<&str>) -> Result<u32> {
        let existing = self.wordings(purpose)?;
        if let Some(last) = existing.iter().rev().find(|w| w.language.as_deref() == language) {
            if last.text == text {
                return Ok(last.version);
            }
        }
        let version = existing.last().map(|w| w.version + 1).unwrap_or(1);
        self.wordings.put(
            &wording_key(purpose, version),
            &Wording {
                purpose: purpose.into(),
                version,
                text: text.into(),
                created_at: Utc::now(),
                language: language.map(str::to_string),
            },
        )?;
        Ok(version)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone)]
pub struct Lists {
    tree: PlainTree<List>,
    /// Slugs of lists offered in the preference centre. A tree of its own rather than a field
    /// of [`List`]: postcard stores a struct's fields by position, so a new field would make
    /// every stored list unreadable.
    visible: PlainTree<()>,
}

impl Lists {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(LISTS)?, visible: store.plain(LIST_VISIBILITY)? })
    }

    /// Slugs of the lists people may join or leave in the preference centre.
    pub fn visible_in_preferences(&self) -> Result<std::collections::BTreeSet<String>> {
        self.visible.iter().map(|r| r.map(|(k, ())| String::from_utf8_lossy(&k).into_owned())).collect()
    }

    /// Offers the list in the preference centre, or stops offering it (uncommitted).
    pub fn set_visible(&self, slug: &str, visible: bool) -> Result<()> {
        if visible {
            self.visible.put(slug.as_bytes(), &())
        } else {
            self.visible.remove(slug.as_bytes()).map(|_| ())
        }
    }
    pub fn all(&self) -> Result<Vec<List>> {
        self.tree.iter().map(|r| r.map(|(_, l)| l)).collect()
    }
    pub fn get(&self, slug: &str) -> Result<Option<List>> {
        self.tree.get(slug.as_bytes())
    }
    pub fn put(&self, l: &List) -> Result<()> {
        self.tree.put(l.slug.as_bytes(), l)
    }
    pub fn remove(&self, slug: &str) -> Result<bool> {
        self.visible.remove(slug.as_bytes())?;
        self.tree.remove(slug.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped purposes' English texts in the catalogue are the seeds themselves: a shop
    /// that has not changed them gets every other language's translation of that very text.
    #[test]
    fn the_catalogue_s_purpose_texts_are_the_seeded_ones() {
        let c = crate::i18n::Catalogue::embedded().unwrap();
        for (p, text) in crate::domain::consent::default_purposes() {
            let (name, wording) = default_translation_keys(&p.key).unwrap();
            assert_eq!(c.text("en", name, None), p.name);
            if let Some(w) = wording {
                assert_eq!(c.text("en", w, None), text);
            }
        }
    }
}
