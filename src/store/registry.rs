//! The personal-data registry: the one list of every tree and what it holds.
//!
//! Export, erasure, restriction and retention iterate this list; nothing else knows which trees
//! hold personal data. [`Store::tree`] refuses a name that is not here, and a test fails when a
//! tree exists on disk without an entry.

use super::{typed, Result, Store};
use crate::domain::PersonId;

pub type ExportFn = fn(&Store, &PersonId) -> Result<Vec<serde_json::Value>>;

/// How a tree ties its records to a person, which is how erasure finds them.
#[derive(Debug, Clone, Copy)]
pub enum Layout {
    /// Values are `person id || sealed value` ([`typed::SealedTree`]).
    Sealed,
    /// Keys are keyed hashes of a value (a login name, an email); values are the person id.
    Index,
    /// Keys begin with the person id; values are sealed ([`typed::SealedTree`]). Erasure is a
    /// prefix scan, which keeps it fast in trees with millions of people.
    PersonPrefix,
    /// Keys are the person id; values are sealed, and may carry the person's wrapped data key
    /// ([`typed::SealedTree::insert_keyed`]): the store looks for keys here before
    /// `person_keys`, and erasure removes these records after every other tree, with the key.
    Keyed,
    /// The owning module erases (a lookup index whose key it can compute).
    Custom(EraseFn),
    /// Not a sled tree: data derived from trees above (the search index). Erasing the source
    /// records queues the removal; the operation that erases waits until the derived store has
    /// committed it.
    Derived,
}

pub type EraseFn = fn(&Store, &PersonId) -> Result<usize>;

pub enum Holds {
    /// Personal data: exported with the person's archive and removed by erasure.
    Personal { categories: &'static [&'static str], layout: Layout, export: Option<ExportFn> },
    /// Pseudonymous records (ids and truncated IPs) kept for accountability under their own
    /// retention period: exported, but not erased with the person.
    Retained { categories: &'static [&'static str], why: &'static str, export: ExportFn },
    /// Holds no personal data, and says why.
    Nothing { why: &'static str },
}

pub struct Registration {
    pub tree: &'static str,
    pub purpose: &'static str,
    pub holds: Holds,
}

pub static REGISTRY: &[Registration] = &[
    Registration {
        tree: super::META,
        purpose: "schema version, key fingerprint and store bookkeeping",
        holds: Holds::Nothing { why: "counters and versions only" },
    },
    Registration {
        tree: super::PERSON_KEYS,
        purpose: "data keys of users and website visitors, wrapped by the master key (a contact's key is kept \
                  in the contact's own record)",
        holds: Holds::Nothing {
            why: "keys, not data; erasure destroys the person's key last (see Store::erase_person)",
        },
    },
    crate::auth::users::REGISTRATION,
    crate::auth::preferences::REGISTRATION,
    crate::auth::users::LOOKUP_REGISTRATION,
    crate::auth::sessions::REGISTRATION,
    crate::auth::tokens::REGISTRATION,
    crate::audit::REGISTRATION,
    crate::audit::SUBJECTS_REGISTRATION,
    crate::settings::REGISTRATION,
    crate::settings::LEGAL_FOOTERS_REGISTRATION,
    crate::jobs::REGISTRATION,
    crate::contacts::bulk::REGISTRATION,
    // Before the contacts: these erasers read the contact record (its address, its key).
    crate::mail::OUTBOX_REGISTRATION,
    crate::intake::REGISTRATION,
    crate::sending::campaign::REGISTRATION,
    crate::sending::campaign::STATS_REGISTRATION,
    crate::sending::campaign::SAVED_SEARCH_REGISTRATION,
    crate::sending::campaign::VARIANTS_REGISTRATION,
    crate::sending::templates::REGISTRATION,
    crate::sending::outbox::SLOTS_REGISTRATION,
    // Before `messages`: their erasers read the person's messages.
    crate::sending::outbox::QUEUE_REGISTRATION,
    crate::sending::outbox::KEYS_REGISTRATION,
    crate::sending::outbox::PENDING_REGISTRATION,
    crate::sending::outbox::MESSAGES_REGISTRATION,
    // Before `events`: the by-time index is erased by reading the person's event ids.
    crate::tracking::store::BY_TIME_REGISTRATION,
    crate::tracking::store::EVENTS_REGISTRATION,
    crate::tracking::store::SEEN_REGISTRATION,
    crate::tracking::store::COUNTS_REGISTRATION,
    crate::tracking::store::LINK_CLICKS_REGISTRATION,
    crate::tracking::store::LINKS_REGISTRATION,
    crate::reports::outcomes::REGISTRATION,
    crate::reports::growth::REGISTRATION,
    crate::tracking::website::VISITOR_LINKS_REGISTRATION,
    crate::tracking::website::VISITORS_REGISTRATION,
    crate::tracking::website::VISITOR_EVENTS_REGISTRATION,
    crate::tracking::website::EVENT_IDS_REGISTRATION,
    crate::forms::REGISTRATION,
    crate::forms::languages::REGISTRATION,
    crate::forms::STATS_REGISTRATION,
    crate::forms::SUBMISSIONS_REGISTRATION,
    crate::forms::PENDING_REGISTRATION,
    // Before `dsr_by_contact`: forgetting the subject reads the person's request list.
    crate::gdpr::requests::REGISTRATION,
    crate::gdpr::requests::BY_CONTACT_REGISTRATION,
    crate::gdpr::requests::DETAILS_REGISTRATION,
    crate::gdpr::restriction::REGISTRATION,
    crate::gdpr::portal::REGISTRATION,
    crate::gdpr::retention::POLICY_REGISTRATION,
    crate::gdpr::breaches::REGISTRATION,
    crate::gdpr::breaches::NOTICES_REGISTRATION,
    crate::contacts::EMAIL_REGISTRATION,
    crate::contacts::REGISTRATION,
    crate::contacts::LEDGER_REGISTRATION,
    crate::contacts::HISTORY_REGISTRATION,
    crate::contacts::ALIAS_REGISTRATION,
    crate::contacts::saved::REGISTRATION,
    crate::contacts::CHANGES_REGISTRATION,
    crate::feed::REGISTRATION,
    crate::feed::PEOPLE_REGISTRATION,
    crate::feed::CURSORS_REGISTRATION,
    crate::clock::REGISTRATION,
    crate::clock::INDEX_REGISTRATION,
    crate::contacts::SUPPRESSION_REGISTRATION,
    crate::contacts::ACTIVITY_REGISTRATION,
    crate::contacts::schema::FIELDS_REGISTRATION,
    crate::contacts::schema::PURPOSES_REGISTRATION,
    crate::contacts::schema::WORDINGS_REGISTRATION,
    crate::contacts::schema::PURPOSE_NAMES_REGISTRATION,
    crate::contacts::schema::LISTS_REGISTRATION,
    crate::contacts::schema::LIST_VISIBILITY_REGISTRATION,
    crate::contacts::import::REGISTRATION,
    crate::search::REGISTRATION,
    crate::mail::bounce::REGISTRATION,
    crate::mail::bounce::RECENT_REGISTRATION,
    crate::media::REGISTRATION,
];

impl Registration {
    /// Records here may carry their person's data key ([`Layout::Keyed`]).
    pub fn is_keyed(&self) -> bool {
        matches!(self.holds, Holds::Personal { layout: Layout::Keyed, .. })
    }
}

pub fn lookup(tree: &str) -> Option<&'static Registration> {
    REGISTRY.iter().find(|r| r.tree == tree)
}

/// Trees present in the database that the registry does not know (sled's default tree aside).
/// Registrations whose name is not a sled tree (the search index) are listed but never opened.
pub fn unregistered_trees(db: &sled::Db) -> Vec<String> {
    db.tree_names()
        .into_iter()
        .map(|n| String::from_utf8_lossy(&n).into_owned())
        .filter(|n| n != "__sled__default" && lookup(n).is_none())
        .collect()
}

pub(super) fn erase_in(store: &Store, tree: &'static str, layout: Layout, person: &PersonId) -> Result<usize> {
    match layout {
        Layout::Custom(erase) => return erase(store, person),
        Layout::Derived => return Ok(0),
        _ => {}
    }
    let t = store.tree(tree)?;
    match layout {
        Layout::PersonPrefix => {
            let doomed = t.scan_prefix(person.as_bytes()).keys().collect::<std::result::Result<Vec<_>, _>>()?;
            store.remove_keys(&t, &doomed)
        }
        Layout::Keyed => {
            let _gate = store.write_gate();
            Ok(usize::from(t.remove(person.as_bytes())?.is_some()))
        }
        Layout::Sealed => store.remove_where(&t, |_, v| typed::owner(v).as_ref() == Some(person)),
        Layout::Index => store.remove_where(&t, |_, v| v == person.as_bytes()),
        Layout::Custom(_) | Layout::Derived => unreachable!("handled above"),
    }
}
