//! A form in several languages: the language it is shown in when nothing says the reader's
//! (else the shop's), and its heading, introduction and thank-you text per language. A tree
//! of its own (`form_languages`, form id → [`FormLanguages`]) beside the forms, so that forms
//! stored before it need no rewrite.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::FormId;
use crate::store::{Holds, PlainTree, Registration, Result, Store};

pub const TREE: &str = "form_languages";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "subscribe forms' default language and their texts in other languages",
    holds: Holds::Nothing { why: "written by the controller; names no person" },
};

/// A form's texts in one language; an empty one shows the form's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormTexts {
    pub title: String,
    pub intro: String,
    pub thank_you: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormLanguages {
    /// The language the form speaks when the reader's is not known (a catalogue code); None:
    /// the shop's.
    pub language: Option<String>,
    /// Language code → texts.
    pub texts: BTreeMap<String, FormTexts>,
}

impl FormLanguages {
    /// The form's texts for a reader of `language`: that language's where given, the form's
    /// own otherwise (per text).
    pub fn texts_for(&self, language: &str, form: &super::Form) -> FormTexts {
        let t = self.texts.get(language);
        let pick =
            |given: Option<&String>, own: &str| given.filter(|s| !s.is_empty()).cloned().unwrap_or_else(|| own.into());
        FormTexts {
            title: pick(t.map(|t| &t.title), &form.title),
            intro: pick(t.map(|t| &t.intro), &form.intro),
            thank_you: pick(t.map(|t| &t.thank_you), &form.thank_you),
        }
    }
}

#[derive(Clone)]
pub struct Languages {
    tree: PlainTree<FormLanguages>,
}

impl Languages {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(TREE)? })
    }

    pub fn get(&self, form: &FormId) -> Result<FormLanguages> {
        Ok(self.tree.get(form.as_bytes())?.unwrap_or_default())
    }

    pub fn put(&self, form: &FormId, l: &FormLanguages) -> Result<()> {
        self.tree.put(form.as_bytes(), l)
    }

    pub fn remove(&self, form: &FormId) -> Result<bool> {
        self.tree.remove(form.as_bytes())
    }
}
