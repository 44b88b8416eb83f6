//! The breach register and the notices' other languages.
//!
//! Tree `breaches`: breach id → [`Breach`] (plain). It holds the DPO's own description and
//! counts, never a list of people: the recipients of a notice are worked out when it is
//! queued and not kept.
//!
//! Tree `breach_notices`: breach id → [`NoticeVersions`] (plain), the notice in other
//! languages, a room of its own so that breaches stored before it need no rewrite. Each person
//! gets the version in their language, else the one in the shop's, else the notice's own text.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Breach;
use crate::domain::BreachId;
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const TREE: &str = "breaches";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "personal-data breaches: when, what was affected, the counts, the notifications made",
    holds: Holds::Nothing {
        why: "the DPO's description of an incident and counts of those concerned; no list of people is kept",
    },
};

pub const NOTICES_TREE: &str = "breach_notices";

pub const NOTICES_REGISTRATION: Registration = Registration {
    tree: NOTICES_TREE,
    purpose: "the notice to the people a breach concerns, in other languages",
    holds: Holds::Nothing {
        why: "texts written by the DPO; a text that names a contact by address is refused where it is typed",
    },
};

/// The notice to the people concerned in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeText {
    pub subject: String,
    pub body: String,
}

/// Language code (of the public catalogue) → the notice in that language.
pub type NoticeVersions = BTreeMap<String, NoticeText>;

#[derive(Clone)]
pub struct Breaches {
    tree: PlainTree<Breach>,
    notices: PlainTree<NoticeVersions>,
}

impl Breaches {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(TREE)?, notices: store.plain(NOTICES_TREE)? })
    }

    /// The notice's versions in other languages (none: everyone gets its own text).
    pub fn notice_versions(&self, id: &BreachId) -> Result<NoticeVersions> {
        Ok(self.notices.get(id.as_bytes())?.unwrap_or_default())
    }

    /// Replaces the notice's other languages (uncommitted); none removes the record.
    pub(super) fn set_notice_versions(&self, id: &BreachId, v: &NoticeVersions) -> Result<()> {
        if v.is_empty() {
            self.notices.remove(id.as_bytes()).map(|_| ())
        } else {
            self.notices.put(id.as_bytes(), v)
        }
    }

    pub fn get(&self, id: &BreachId) -> Result<Option<Breach>> {
        self.tree.get(id.as_bytes())
    }

    /// Writes the breach's record (uncommitted).
    pub(super) fn put(&self, b: &Breach) -> Result<()> {
        self.tree.put(b.id.as_bytes(), b)
    }

    /// Newest first.
    pub fn all(&self) -> Result<Vec<Breach>> {
        self.tree.iter().rev().map(|r| r.map(|(_, b)| b)).collect()
    }

    /// Open breaches whose authority notification is still to be made, most urgent first.
    pub fn unreported(&self) -> Result<Vec<Breach>> {
        let mut out: Vec<Breach> =
            self.all()?.into_iter().filter(|b| b.reported_at.is_none() && b.closed_at.is_none()).collect();
        out.sort_by_key(|b| b.discovered_at);
        Ok(out)
    }
}
