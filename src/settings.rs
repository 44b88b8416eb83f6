//! Settings the operator changes at run time from the UI (the config file holds the rest).
//! Every change is audited with the names of the fields that changed.

use serde::{Deserialize, Serialize};

use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const TREE: &str = "settings";
const KEY: &[u8] = b"settings";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "organisation-wide settings",
    holds: Holds::Nothing { why: "the controller's organisation details, not data about a person" },
};

/// Also the shape of the settings form and of `PUT /api/v1/settings` (missing fields take their
/// defaults, unknown ones are refused).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Shown in the UI header and later in mail footers and the privacy portal.
    pub organisation: String,
    /// The controller's postal address (GDPR Art. 13 information).
    pub postal_address: String,
    /// Where data subjects and the authorities reach the data-protection officer.
    pub dpo_contact: String,
    /// Shown on the login page (e.g. "Authorised staff only").
    pub login_notice: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            organisation: "My shop".into(),
            postal_address: String::new(),
            dpo_contact: String::new(),
            login_notice: String::new(),
        }
    }
}

impl Settings {
    /// Surrounding white space is never meaningful here.
    pub fn normalised(mut self) -> Self {
        for f in [&mut self.organisation, &mut self.postal_address, &mut self.dpo_contact, &mut self.login_notice] {
            *f = f.trim().to_string();
        }
        self
    }

    /// Validates every field; the error names the field.
    pub fn validate(&self) -> std::result::Result<(), (&'static str, String)> {
        let fields: [(&'static str, &str, usize); 4] = [
            ("organisation", &self.organisation, 120),
            ("postal_address", &self.postal_address, 500),
            ("dpo_contact", &self.dpo_contact, 254),
            ("login_notice", &self.login_notice, 300),
        ];
        for (name, value, max) in fields {
            if value.chars().count() > max {
                return Err((name, format!("must be at most {max} characters")));
            }
            if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
                return Err((name, "must not contain control characters".into()));
            }
        }
        // The organisation's name goes into mail subjects (a breach notice's): one line.
        if let Err(e) = crate::domain::HeaderText::parse(&self.organisation, 120) {
            return Err(("organisation", e.to_string()));
        }
        if self.organisation.trim().is_empty() {
            return Err(("organisation", "must not be empty".into()));
        }
        Ok(())
    }

    /// Names of the fields that differ.
    pub fn changed_fields(&self, other: &Settings) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.organisation != other.organisation {
            out.push("organisation");
        }
        if self.postal_address != other.postal_address {
            out.push("postal_address");
        }
        if self.dpo_contact != other.dpo_contact {
            out.push("dpo_contact");
        }
        if self.login_notice != other.login_notice {
            out.push("login_notice");
        }
        out
    }
}

#[derive(Clone)]
pub struct SettingsRepo {
    store: Store,
    tree: PlainTree<Settings>,
}

impl SettingsRepo {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(TREE)?, store: store.clone() })
    }

    pub fn get(&self) -> Result<Settings> {
        Ok(self.tree.get(KEY)?.unwrap_or_default())
    }

    pub fn save(&self, s: &Settings) -> Result<()> {
        self.tree.put(KEY, s)?;
        self.store.commit()
    }
}
