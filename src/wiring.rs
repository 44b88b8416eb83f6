//! What the application hands the store: every feature's registrations, in the order erasure
//! needs, and what backup and restore need from the features. The store keeps only the
//! mechanism (`store::registry`) and imports no feature, so adding a feature means a line here,
//! not an edit of the store.
//!
//! Everything that opens a store (the server, every CLI command, a restore, the tests) passes
//! [`registry()`]: there is one list, and no opening can leave a feature out.

use crate::store::{Registration, Registry, META_REGISTRATION, PERSON_KEYS_REGISTRATION};

/// The registry every opening of the store is given.
pub fn registry() -> &'static Registry {
    &REGISTRY
}

static REGISTRY: Registry = Registry {
    registrations: REGISTRATIONS,
    suppression: crate::contacts::SUPPRESSION,
    content_dirs: &[crate::media::DIR],
};

/// Every tree and what it holds. Erasure walks them in this order, the keyed trees (the records
/// that carry their person's data key) last.
static REGISTRATIONS: &[Registration] = &[
    META_REGISTRATION,
    PERSON_KEYS_REGISTRATION,
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
