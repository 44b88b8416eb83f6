//! What the application hands the store: every feature's registrations, in the order erasure
//! needs, and what backup, restore and the migrations need from the features. The store keeps
//! only the mechanism (`store::registry`) and imports no feature, so adding a feature means a
//! line here, not an edit of the store.
//!
//! Everything that opens a store (the server, every CLI command, a restore, the tests) passes
//! [`registry()`]: there is one list, and no opening can leave a feature out.

use crate::store::migrations::{self, MessageSeed, MessageVariant};
use crate::store::{Registration, Registry, META_REGISTRATION, PERSON_KEYS_REGISTRATION};

/// The registry every opening of the store is given.
pub fn registry() -> &'static Registry {
    &REGISTRY
}

/// The change feed's readers (`crate::feed`), by cursor name. Each holds back the feed's pruning
/// from the moment the feed opens, so that none misses an entry pruned before it started.
pub static FEED_READERS: &[&str] = &[
    crate::search::READER,
    crate::reports::outcomes::READER,
    crate::segments::live::READER,
    crate::journeys::engine::READER,
];

static REGISTRY: Registry = Registry {
    registrations: REGISTRATIONS,
    suppression: crate::contacts::SUPPRESSION,
    content_dirs: &[crate::media::library::DIR],
    migrations: migrations::Inputs { message_seed },
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
    crate::jobs::log::REGISTRATION,
    crate::contacts::bulk::jobs::REGISTRATION,
    // Before the contacts: these erasers read the contact record (its address, its key).
    crate::mail::OUTBOX_REGISTRATION,
    crate::intake::queue::REGISTRATION,
    crate::sending::campaign::REGISTRATION,
    crate::sending::campaign::STATS_REGISTRATION,
    crate::sending::campaign::SAVED_SEARCH_REGISTRATION,
    crate::sending::campaign::SEGMENTS_REGISTRATION,
    crate::sending::campaign::VARIANTS_REGISTRATION,
    crate::sending::abtest::REGISTRATION,
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
    crate::segments::REGISTRATION,
    // Before `segment_member_of`: erasing the memberships reads the person's segments.
    crate::segments::MEMBERS_REGISTRATION,
    crate::segments::MEMBER_OF_REGISTRATION,
    crate::segments::LOG_REGISTRATION,
    crate::segments::SIZES_REGISTRATION,
    crate::segments::DAILY_REGISTRATION,
    crate::journeys::REGISTRATION,
    crate::journeys::VERSIONS_REGISTRATION,
    // Before `journey_log` and `journey_entries`: erasing the runs reads them to settle counters.
    crate::journeys::RUNS_REGISTRATION,
    crate::journeys::ENTRIES_REGISTRATION,
    crate::journeys::LOG_REGISTRATION,
    crate::journeys::COUNTS_REGISTRATION,
    crate::scoring::REGISTRATION,
    crate::sendtime::REGISTRATION,
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
    crate::gdpr::retention::policy::POLICY_REGISTRATION,
    crate::gdpr::breaches::register::REGISTRATION,
    crate::gdpr::breaches::register::NOTICES_REGISTRATION,
    crate::contacts::EMAIL_REGISTRATION,
    crate::contacts::REGISTRATION,
    crate::contacts::LEDGER_REGISTRATION,
    crate::contacts::HISTORY_REGISTRATION,
    crate::contacts::ALIAS_REGISTRATION,
    crate::contacts::saved::REGISTRATION,
    crate::feed::REGISTRATION,
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
    crate::contacts::import::batches::REGISTRATION,
    crate::search::REGISTRATION,
    crate::mail::bounce::records::REGISTRATION,
    crate::mail::bounce::records::RECENT_REGISTRATION,
    crate::media::library::REGISTRATION,
];

/// Migration 9's built-in texts: the system messages as this release ships them.
fn message_seed(key: &str) -> Option<MessageSeed> {
    use crate::sending::templates::{seed_translations, seed_variant};
    let variant = |v: crate::sending::templates::Variant| MessageVariant { subject: v.subject, body: v.body };
    let base = seed_variant(key, crate::i18n::catalogue().source())?;
    let translations = seed_translations(key).into_iter().map(|(code, v)| (code, variant(v))).collect();
    Some(MessageSeed { base: variant(base), translations })
}

/// The migrations keep their own copies of the shapes they read and write; these tests hold the
/// copies to today's types: a record a migration writes is one today's feature reads, in the
/// tree today's feature opens.
#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::registry;
    use crate::store::migrations::{
        v004_settings_json as v004, v005_form_required_purposes as v005, v006_request_notify_outcome as v006,
        v007_campaign_sender_preheader as v007, v009_template_translations as v009, v010_change_feed as v010,
        v012_saved_search_segment as v012,
    };

    fn db() -> (tempfile::TempDir, sled::Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        (dir, db)
    }

    /// Each of today's `values`, stored, reads as the migration's copy `F` with the same
    /// variant and fields (postcard keeps a variant's position, not its name: this is what
    /// catches a copy with its variants out of order).
    fn copied_as<F: serde::de::DeserializeOwned + std::fmt::Debug>(values: &[impl serde::Serialize + std::fmt::Debug]) {
        for today in values {
            let copy: F = postcard::from_bytes(&postcard::to_allocvec(today).unwrap())
                .unwrap_or_else(|e| panic!("{today:?} does not read as {}: {e}", std::any::type_name::<F>()));
            assert_eq!(format!("{copy:?}"), format!("{today:?}"), "{}", std::any::type_name::<F>());
        }
    }

    #[test]
    fn the_migrations_copies_read_today_s_variants_at_their_positions() {
        use crate::gdpr::requests::{Channel, Kind, State, Step, Verification};
        use crate::mail::BodyFormat;
        use crate::sending::campaign::{Audience, CampaignState, Schedule};
        use crate::sending::templates::{TemplateKind, Variant};
        let now = Utc::now();
        copied_as::<v006::Kind>(&Kind::ALL);
        copied_as::<v006::Channel>(&Channel::ALL);
        copied_as::<v006::Verification>(&[Verification::Pending, Verification::Verified, Verification::Failed]);
        copied_as::<v006::State>(&[State::Open, State::Done, State::Refused]);
        copied_as::<v006::Step>(&[Step { at: now, by: "user:x".into(), what: "Verified".into() }]);
        // `Testing` came after migration 7, which never meets it.
        copied_as::<v007::CampaignState>(&CampaignState::ALL[..7]);
        copied_as::<v007::BodyFormat>(&[BodyFormat::Markdown, BodyFormat::Html]);
        copied_as::<v007::Audience>(&[Audience {
            lists: vec!["news".into()],
            tags: vec!["vip".into()],
            search: "x".into(),
        }]);
        copied_as::<v007::Schedule>(&[
            Schedule::at(now.naive_utc(), "Europe/Berlin").unwrap(),
            Schedule::cron("0 9 * * 1", "UTC").unwrap(),
        ]);
        copied_as::<v009::TemplateKind>(&[TemplateKind::Layout, TemplateKind::Message]);
        copied_as::<v009::BodyFormat>(&[BodyFormat::Markdown, BodyFormat::Html]);
        copied_as::<v009::Variant>(&[Variant { subject: "s".into(), body: "b".into() }]);
    }

    /// The index's pending changes move to the feed under their numbers, as entries today's
    /// feed reads; the old tree is gone.
    #[test]
    fn the_index_s_pending_changes_become_feed_entries() {
        use crate::domain::{Change, ContactId};
        let (_dir, db) = db();
        let (a, b) = (ContactId::new(), ContactId::new());
        let old = db.open_tree("contact_changes").unwrap();
        let mut v = a.as_bytes().to_vec();
        v.push(1);
        v.extend_from_slice(b.as_bytes());
        v.push(0);
        old.insert(42u64.to_be_bytes(), v).unwrap();
        let inputs = &registry().migrations;
        v010::up(&db, inputs).unwrap();
        v010::up(&db, inputs).unwrap();
        assert!(!db.tree_names().iter().any(|n| n.as_ref() == b"contact_changes"));
        let raw = db.open_tree(crate::feed::ENTRIES).unwrap().get(42u64.to_be_bytes()).unwrap().unwrap();
        let (_, change) = crate::feed::decode(&raw).unwrap();
        assert_eq!(change, Change::ContactsImported(vec![(a, true), (b, false)]));
        // The copy's variants sit at today's positions.
        let id = a.uuid();
        for (copy, today) in [
            (v010::Change::ContactCreated(id), Change::ContactCreated(a)),
            (v010::Change::ContactUpdated(id), Change::ContactUpdated(a)),
            (v010::Change::ContactDeleted(id), Change::ContactDeleted(a)),
            (v010::Change::ContactErased(id), Change::ContactErased(a)),
        ] {
            let read: Change = postcard::from_bytes(&postcard::to_allocvec(&copy).unwrap()).unwrap();
            assert_eq!(read, today);
        }
    }

    #[test]
    fn a_postcard_record_becomes_json_with_the_new_settings_at_their_defaults() {
        let (_dir, db) = db();
        let old = v004::V3 {
            organisation: "Rösterei".into(),
            postal_address: "Hauptstraße 1\r\n10115 Berlin".into(),
            dpo_contact: "dpo@example.com".into(),
            login_notice: String::new(),
        };
        let tree = db.open_tree(crate::settings::TREE).unwrap();
        tree.insert(crate::settings::KEY, postcard::to_allocvec(&old).unwrap()).unwrap();
        let inputs = &registry().migrations;
        v004::up(&db, inputs).unwrap();
        v004::up(&db, inputs).unwrap();
        let raw = tree.get(crate::settings::KEY).unwrap().unwrap();
        let s: crate::settings::Settings = serde_json::from_slice(&raw).unwrap();
        assert_eq!((s.organisation.as_str(), s.time_zone.as_str()), ("Rösterei", "UTC"));
        assert_eq!(s.normalised().address_line(), "Hauptstraße 1, 10115 Berlin");
    }

    #[test]
    fn stored_forms_read_with_no_required_purpose() {
        use crate::forms::{Form, FormId};
        let (_dir, db) = db();
        let now = Utc::now();
        let later = now + chrono::Duration::minutes(5);
        let id = FormId::new();
        // Each field a value of its own, so that a copy with two fields swapped is caught.
        let old = v005::V4 {
            id: uuid::Uuid::from_bytes(*id.as_bytes()),
            name: "Newsletter".into(),
            title: "Subscribe".into(),
            intro: "Once a month.".into(),
            ask_first_name: true,
            ask_last_name: false,
            custom_fields: vec!["shoe_size".into()],
            lists: vec!["news".into()],
            purposes: vec!["newsletter".into()],
            double_opt_in: true,
            thank_you: "Thanks".into(),
            proof_of_work: false,
            redirect_url: "/thanks".into(),
            created_by: "cli".into(),
            created_at: now,
            updated_at: later,
        };
        let tree = db.open_tree(crate::forms::FORMS).unwrap();
        tree.insert(id.to_string(), postcard::to_allocvec(&old).unwrap()).unwrap();
        let inputs = &registry().migrations;
        v005::up(&db, inputs).unwrap();
        v005::up(&db, inputs).unwrap();
        let (_, v) = tree.iter().next().unwrap().unwrap();
        let f: Form = postcard::from_bytes(&v).unwrap();
        assert_eq!((f.name.as_str(), f.purposes.len(), f.required_purposes.len()), ("Newsletter", 1, 0));
        let expected = Form {
            id,
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
            required_purposes: vec![],
        };
        assert_eq!(f, expected);
    }

    #[test]
    fn stored_requests_read_with_the_notice_on() {
        use crate::domain::{ContactId, RequestId};
        use crate::gdpr::requests::{Channel, Kind, Request, State, Step, Verification};
        let (_dir, db) = db();
        let now = Utc::now();
        let (due, closed) = (now + chrono::Duration::days(30), now + chrono::Duration::days(2));
        let contact = ContactId::new();
        // Each field a value of its own, so that a copy with two fields swapped is caught.
        let old = v006::V5 {
            id: RequestId::new(),
            kind: v006::Kind::Erasure,
            channel: v006::Channel::Email,
            contact: Some(contact),
            subject_erased: false,
            received_at: now,
            due_at: due,
            extension_reason: Some("many records".into()),
            verification: v006::Verification::Pending,
            assignee: Some("person:dpo".into()),
            state: v006::State::Open,
            closed_at: Some(closed),
            steps: vec![v006::Step { at: now, by: "portal".into(), what: "Received".into() }],
        };
        let tree = db.open_tree(crate::gdpr::requests::REQUESTS).unwrap();
        tree.insert(old.id.as_bytes(), postcard::to_allocvec(&old).unwrap()).unwrap();
        let inputs = &registry().migrations;
        v006::up(&db, inputs).unwrap();
        v006::up(&db, inputs).unwrap();
        let (_, v) = tree.iter().next().unwrap().unwrap();
        let r: Request = postcard::from_bytes(&v).unwrap();
        assert!(r.notify_outcome);
        assert_eq!(r.kind, Kind::Erasure);
        let expected = Request {
            id: old.id,
            kind: Kind::Erasure,
            channel: Channel::Email,
            contact: Some(contact),
            subject_erased: false,
            received_at: now,
            due_at: due,
            extension_reason: Some("many records".into()),
            verification: Verification::Pending,
            assignee: Some("person:dpo".into()),
            state: State::Open,
            closed_at: Some(closed),
            steps: vec![Step { at: now, by: "portal".into(), what: "Received".into() }],
            notify_outcome: true,
        };
        assert_eq!(r, expected);
    }

    #[test]
    fn stored_saved_searches_read_with_no_segment() {
        use crate::contacts::saved::{Filters, SavedSearch};
        let (_dir, db) = db();
        // Each filter a value of its own, so that a copy with two fields swapped is caught.
        let old = v012::V11 {
            id: uuid::Uuid::now_v7(),
            name: "Buyers in Berlin".into(),
            filters: v012::FiltersV11 {
                status: Some("subscribed".into()),
                tag: Some("berlin".into()),
                list: Some("news".into()),
                consent: Some("newsletter:granted".into()),
                engagement: Some("buyers".into()),
            },
            created_by: "user:x".into(),
            created_at: Utc::now(),
        };
        let tree = db.open_tree(crate::contacts::saved::TREE).unwrap();
        tree.insert(old.id.as_bytes(), postcard::to_allocvec(&old).unwrap()).unwrap();
        let inputs = &registry().migrations;
        v012::up(&db, inputs).unwrap();
        v012::up(&db, inputs).unwrap();
        let read: SavedSearch = postcard::from_bytes(&tree.get(old.id.as_bytes()).unwrap().unwrap()).unwrap();
        let f = old.filters;
        let expected = Filters {
            status: f.status,
            tag: f.tag,
            list: f.list,
            consent: f.consent,
            engagement: f.engagement,
            segment: None,
        };
        assert_eq!(
            (read.id, read.name.as_str(), &read.filters, read.created_by.as_str(), read.created_at),
            (old.id, "Buyers in Berlin", &expected, "user:x", old.created_at)
        );
        // What today's feature writes, the migration leaves as it is.
        let today = SavedSearch { filters: Filters { segment: Some("x".into()), ..expected }, ..read };
        tree.insert(today.id.as_bytes(), postcard::to_allocvec(&today).unwrap()).unwrap();
        v012::up(&db, inputs).unwrap();
        let again: SavedSearch = postcard::from_bytes(&tree.get(today.id.as_bytes()).unwrap().unwrap()).unwrap();
        assert_eq!(again, today);
    }

    #[test]
    fn stored_campaigns_read_with_the_default_sender_and_no_preheader() {
        use crate::domain::CampaignId;
        use crate::sending::campaign::{Audience, Campaign, CampaignState, Schedule};
        let (_dir, db) = db();
        let minutes = |m| Utc::now() + chrono::Duration::minutes(m);
        let (now, updated, started, finished, next) = (minutes(0), minutes(1), minutes(2), minutes(3), minutes(60));
        let parent = CampaignId::new();
        // Each field a value of its own, so that a copy with two fields swapped is caught.
        let old = v007::V6 {
            id: CampaignId::new(),
            name: "Winter sale".into(),
            subject: "Our winter offers".into(),
            body: "# Hello".into(),
            format: v007::BodyFormat::Markdown,
            layout: "winter-layout".into(),
            purpose: "newsletter".into(),
            audience: v007::Audience { lists: vec!["news".into()], tags: vec!["vip".into()], search: "berlin".into() },
            relay: "backup-relay".into(),
            schedule: Some(v007::Schedule::Cron { expr: "0 9 * * 1".into(), time_zone: "Europe/Berlin".into() }),
            state: v007::CampaignState::Sent,
            state_reason: "all went out".into(),
            parent: Some(parent),
            next_run: Some(next),
            created_by: "user:x".into(),
            created_at: now,
            updated_at: updated,
            started_at: Some(started),
            finished_at: Some(finished),
        };
        let tree = db.open_tree(crate::sending::campaign::TREE).unwrap();
        tree.insert(old.id.as_bytes(), postcard::to_allocvec(&old).unwrap()).unwrap();
        assert!(postcard::from_bytes::<Campaign>(&tree.get(old.id.as_bytes()).unwrap().unwrap()).is_err());
        let inputs = &registry().migrations;
        v007::up(&db, inputs).unwrap();
        v007::up(&db, inputs).unwrap();
        let (_, v) = tree.iter().next().unwrap().unwrap();
        let c: Campaign = postcard::from_bytes(&v).unwrap();
        assert_eq!(
            (c.name.as_str(), c.state, c.audience.lists.as_slice()),
            ("Winter sale", CampaignState::Sent, &["news".to_string()][..])
        );
        assert_eq!((c.sender.as_str(), c.preheader.as_str()), ("", ""));
        let expected = Campaign {
            id: old.id,
            name: old.name,
            subject: old.subject,
            body: old.body,
            format: crate::mail::BodyFormat::Markdown,
            layout: old.layout,
            purpose: old.purpose,
            audience: Audience { lists: vec!["news".into()], tags: vec!["vip".into()], search: "berlin".into() },
            relay: old.relay,
            schedule: Some(Schedule::Cron { expr: "0 9 * * 1".into(), time_zone: "Europe/Berlin".into() }),
            state: CampaignState::Sent,
            state_reason: old.state_reason,
            parent: Some(parent),
            next_run: Some(next),
            created_by: old.created_by,
            created_at: now,
            updated_at: updated,
            started_at: Some(started),
            finished_at: Some(finished),
            sender: String::new(),
            preheader: String::new(),
        };
        assert_eq!(c, expected);
    }

    #[test]
    fn unchanged_built_in_texts_get_every_language_and_edited_ones_are_left_alone() {
        use crate::sending::templates::{Template, BREACH_NOTICE, CONFIRM_SUBSCRIPTION, PRIVACY_LINK, REQUEST_OUTCOME};
        use v009::{old_seed, BodyFormat, TemplateKind, V8};

        fn old(key: &str, subject: &str, body: &str, system: bool, format: BodyFormat) -> V8 {
            V8 {
                key: key.into(),
                name: key.into(),
                kind: TemplateKind::Message,
                subject: subject.into(),
                body: body.into(),
                format,
                layout: String::new(),
                system,
                updated_at: Utc::now(),
            }
        }

        let (_dir, db) = db();
        let tree = db.open_tree(crate::sending::templates::TREE).unwrap();
        let (cs, cb) = old_seed(CONFIRM_SUBSCRIPTION).unwrap();
        let (ps, _) = old_seed(PRIVACY_LINK).unwrap();
        let (os, ob) = old_seed(REQUEST_OUTCOME).unwrap();
        let edited_body = "Hallo {{ first_name }}, hier ist Ihr Link: {{ data.portal_url }}";
        let stored = [
            old(CONFIRM_SUBSCRIPTION, cs, cb, true, BodyFormat::Markdown),
            old(PRIVACY_LINK, ps, edited_body, true, BodyFormat::Markdown),
            old(REQUEST_OUTCOME, os, ob, true, BodyFormat::Markdown),
            old(BREACH_NOTICE, "{{ data.subject }}", "<p>x</p>", true, BodyFormat::Html),
            // A shop's own template with the built-in text is the shop's, not a seed.
            old("my-copy", cs, cb, false, BodyFormat::Markdown),
        ];
        for t in &stored {
            tree.insert(t.key.as_bytes(), postcard::to_allocvec(t).unwrap()).unwrap();
        }
        assert!(postcard::from_bytes::<Template>(&tree.get(CONFIRM_SUBSCRIPTION).unwrap().unwrap()).is_err());
        let inputs = &registry().migrations;
        v009::up(&db, inputs).unwrap();
        v009::up(&db, inputs).unwrap();
        let read = |key: &str| -> Template { postcard::from_bytes(&tree.get(key).unwrap().unwrap()).unwrap() };

        let confirm = read(CONFIRM_SUBSCRIPTION);
        let languages = crate::i18n::catalogue().languages().len();
        assert_eq!(confirm.translations.len(), languages - 1, "every language but English, the base");
        assert!(confirm.translations["de"].subject.starts_with("Bitte bestätigen Sie"), "{:?}", confirm.translations);
        assert!(confirm.translations["de"].body.contains("{{ data.confirm_url }}"));
        assert!(confirm.body.contains("{{ data.confirm_url }}") && confirm.subject.contains("{{ organisation }}"));
        assert_eq!(read(REQUEST_OUTCOME).translations.len(), languages - 1);

        let portal = read(PRIVACY_LINK);
        assert_eq!(portal.body, edited_body, "the shop's text stays");
        assert!(portal.translations.is_empty(), "no versions of a text the shop rewrote");
        assert!(read(BREACH_NOTICE).translations.is_empty(), "the DPO writes each notice");
        let copy = read("my-copy");
        assert_eq!((copy.body.as_str(), copy.translations.len()), (cb, 0));
        assert_eq!(read(BREACH_NOTICE).format, crate::mail::BodyFormat::Html);
    }
}
