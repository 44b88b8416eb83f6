//! Records of processing activities (Art. 30(1)), generated from what the appliance knows: the
//! purposes registry (purposes, lawful bases, categories, retention, recipients), Settings
//! (controller, DPO), the configuration (processors: the SMTP relays), the personal-data
//! registry (where each kind of data is kept) and the measures Tidings itself applies.
//! Nothing here is typed twice, so the record cannot drift from what the software does.
//!
//! Its sentences are the admin catalogue's (`gdpr-records-…`, `gdpr-store-…`,
//! `gdpr-category-…`): the page says them in the DPO's language, the JSON download and the API
//! in English. The English of a store and of a data category is its registration's own text (a
//! test keeps the two the same); a store or category added later without a message is shown as
//! registered, in English, until it has one.

use chrono::Utc;
use serde_json::{json, Value};

use crate::domain::Role;
use crate::i18n::{args, Arg, Language};
use crate::state::AppState;
use crate::store::registry::Holds;

/// The admin message describing a store that holds personal data (its registration's purpose).
fn store_key(tree: &str) -> Option<&'static str> {
    Some(match tree {
        "users" => "gdpr-store-users",
        "user_preferences" => "gdpr-store-user-preferences",
        "user_lookup" => "gdpr-store-user-lookup",
        "sessions" => "gdpr-store-sessions",
        "api_tokens" => "gdpr-store-api-tokens",
        "audit" => "gdpr-store-audit",
        "audit_subjects" => "gdpr-store-audit-subjects",
        "mail_outbox_files" => "gdpr-store-mail-outbox-files",
        "public_intake" => "gdpr-store-public-intake",
        "outbox" => "gdpr-store-outbox",
        "message_queue" => "gdpr-store-message-queue",
        "message_keys" => "gdpr-store-message-keys",
        "message_pending" => "gdpr-store-message-pending",
        "messages" => "gdpr-store-messages",
        "events_by_time" => "gdpr-store-events-by-time",
        "events" => "gdpr-store-events",
        "track_seen" => "gdpr-store-track-seen",
        "visitor_links" => "gdpr-store-visitor-links",
        "visitors" => "gdpr-store-visitors",
        "visitor_events" => "gdpr-store-visitor-events",
        "track_event_ids" => "gdpr-store-track-event-ids",
        "form_submissions" => "gdpr-store-form-submissions",
        "form_pending" => "gdpr-store-form-pending",
        "dsr_requests" => "gdpr-store-dsr-requests",
        "dsr_by_contact" => "gdpr-store-dsr-by-contact",
        "dsr_details" => "gdpr-store-dsr-details",
        "restrictions" => "gdpr-store-restrictions",
        "portal_nonces" => "gdpr-store-portal-nonces",
        "contact_email_buckets" => "gdpr-store-contact-email-buckets",
        "contacts" => "gdpr-store-contacts",
        "consents" => "gdpr-store-consents",
        "contact_history" => "gdpr-store-contact-history",
        "contact_aliases" => "gdpr-store-contact-aliases",
        "contact_activity" => "gdpr-store-contact-activity",
        "change_feed" => "gdpr-store-change-feed",
        "clock_index" => "gdpr-store-clock-index",
        "segment_members" => "gdpr-store-segment-members",
        "segment_member_of" => "gdpr-store-segment-member-of",
        "segment_log" => "gdpr-store-segment-log",
        "journey_runs" => "gdpr-store-journey-runs",
        "journey_entries" => "gdpr-store-journey-entries",
        "journey_log" => "gdpr-store-journey-log",
        "search_index" => "gdpr-store-search-index",
        "bounces" => "gdpr-store-bounces",
        "bounce_recent" => "gdpr-store-bounce-recent",
        _ => return None,
    })
}

/// Why a store is kept after the person is erased, for the stores that are.
fn kept_key(tree: &str) -> Option<&'static str> {
    match tree {
        "audit" => Some("gdpr-store-audit-kept"),
        _ => None,
    }
}

/// The admin message naming a category of personal data, as the registry and the shipped
/// purposes write it.
fn category_key(category: &str) -> Option<&'static str> {
    Some(match category {
        "actions taken" => "gdpr-category-actions-taken",
        "admin user ids" => "gdpr-category-admin-user-ids",
        "browser family" => "gdpr-category-browser-family",
        "campaign received" => "gdpr-category-campaign-received",
        "change history" => "gdpr-category-change-history",
        "kinds and times of changes to the person's record (ids, no contact details)" => "gdpr-category-change-kinds",
        "segment memberships" => "gdpr-category-segment-memberships",
        "segment entries and exits" => "gdpr-category-segment-transitions",
        "journey runs" => "gdpr-category-journey-runs",
        "journey history" => "gdpr-category-journey-history",
        "consent state" => "gdpr-category-consent-state",
        "consents" => "gdpr-category-consents",
        "contact details" => "gdpr-category-contact-details",
        "contact id" => "gdpr-category-contact-id",
        "contact identifiers" => "gdpr-category-contact-identifiers",
        "contact pseudonyms" => "gdpr-category-contact-pseudonyms",
        "correspondence about the request" => "gdpr-category-correspondence",
        "country" => "gdpr-category-country",
        "custom fields" => "gdpr-category-custom-fields",
        "delivery failures" => "gdpr-category-delivery-failures",
        "delivery state" => "gdpr-category-delivery-state",
        "display name" => "gdpr-category-display-name",
        "email address" => "gdpr-category-email-address",
        "email address and name (sort keys)" => "gdpr-category-sort-keys",
        "email interactions" => "gdpr-category-email-interactions",
        "event kind" => "gdpr-category-event-kind",
        "form values" => "gdpr-category-form-values",
        "interface language" => "gdpr-category-interface-language",
        "keyed hash of email address" => "gdpr-category-email-hash",
        "keyed hash of login name" => "gdpr-category-login-hash",
        "list columns" => "gdpr-category-list-columns",
        "login name" => "gdpr-category-login-name",
        "login times" => "gdpr-category-login-times",
        "mailing opened or clicked" => "gdpr-category-mailing-opened",
        "message content" => "gdpr-category-message-content",
        "message content (merge fields)" => "gdpr-category-message-merge-fields",
        "message data supplied by the shop (order details, links)" => "gdpr-category-message-data",
        "order data" => "gdpr-category-order-data",
        "order totals" => "gdpr-category-order-totals",
        "orders" => "gdpr-category-orders",
        "owner id" => "gdpr-category-owner-id",
        "page views" => "gdpr-category-page-views",
        "profile fields" => "gdpr-category-profile-fields",
        "password hash" => "gdpr-category-password-hash",
        "profile" => "gdpr-category-profile",
        "pseudonymous visitor id" => "gdpr-category-visitor-id",
        "requests made" => "gdpr-category-requests-made",
        "restriction of processing" => "gdpr-category-restriction",
        "role" => "gdpr-category-role",
        "second-factor secret" => "gdpr-category-second-factor",
        "shop events" => "gdpr-category-shop-events",
        "sign-in times" => "gdpr-category-sign-in-times",
        "spam complaints" => "gdpr-category-spam-complaints",
        "status" => "gdpr-category-status",
        "subscription preferences" => "gdpr-category-subscription-preferences",
        "subscription status" => "gdpr-category-subscription-status",
        "tags and lists" => "gdpr-category-tags-and-lists",
        "token name" => "gdpr-category-token-name",
        "truncated IP address" => "gdpr-category-truncated-ip",
        "truncated IP addresses" => "gdpr-category-truncated-ips",
        "usage times" => "gdpr-category-usage-times",
        "visit times" => "gdpr-category-visit-times",
        "website activity" => "gdpr-category-website-activity",
        "word prefixes of email, names, phone, tags, lists and text fields" => "gdpr-category-word-prefixes",
        _ => return None,
    })
}

/// A category of personal data in `lang`; one written by the DPO (a purpose's own) as written.
pub fn category_words(category: &str, lang: &Language) -> String {
    category_key(category).map_or_else(|| category.to_string(), |k| lang.text(k, None))
}

/// The shipped purposes' descriptions and recipients, in `lang` while they are as shipped.
pub fn shipped_words(text: &str, lang: &Language) -> String {
    let key = match text {
        "Sending our newsletter and offers by email." => "gdpr-records-description-newsletter",
        "Measuring whether our emails are opened and which links are clicked, per recipient." => {
            "gdpr-records-description-engagement"
        }
        "Recording page views and shop events on our website and linking them to the contact." => {
            "gdpr-records-description-website-tracking"
        }
        "Order confirmations, invoices, password resets and other mail needed to fulfil a contract." => {
            "gdpr-records-description-transactional"
        }
        "Working out from a person's email opens and clicks, website visits, orders and profile how interested they are in our offers (a lead score), to choose what to send them, and at which hours of the week they are usually active, to deliver a campaign or automated email at such an hour when we choose to. Both are computed when needed, never stored; they count only the opens, clicks and visits that the engagement and tracking settings allowed to be measured for that person." => {
            "gdpr-records-description-profiling"
        }
        "our SMTP relay (processor)" => "gdpr-records-recipient-relay",
        _ => return text.to_string(),
    };
    lang.text(key, None)
}

fn role_key(r: Role) -> &'static str {
    match r {
        Role::Owner => "gdpr-role-owner",
        Role::Admin => "gdpr-role-admin",
        Role::Marketer => "gdpr-role-marketer",
        Role::Analyst => "gdpr-role-analyst",
        Role::Dpo => "gdpr-role-dpo",
    }
}

/// Who must use two-factor authentication, as the settings have it.
fn two_factor_rule(state: &AppState, lang: &Language) -> String {
    let required = state.settings.get().unwrap_or_default().two_factor_required;
    match required.len() {
        0 => lang.text("gdpr-records-2fa-none", None),
        n if n == Role::ALL.len() => lang.text("gdpr-records-2fa-all", None),
        _ => {
            let roles: Vec<String> = required.iter().map(|r| lang.text(role_key(*r), None)).collect();
            lang.text("gdpr-records-2fa-some", Some(&args([("roles", Arg::from(roles.join(", ")))])))
        }
    }
}

/// The technical and organisational measures Tidings applies (Art. 32), as facts about this
/// software and how it is configured here, not promises about the host: the sentences that
/// depend on a setting are written from it.
pub fn measures(state: &AppState, lang: &Language) -> Vec<String> {
    let auth = &state.config.auth;
    let transport = if state.config.tls_enabled() { "gdpr-measure-https" } else { "gdpr-measure-proxy" };
    let n = |v: u64| Arg::Number(v as f64);
    let passwords = lang.text(
        "gdpr-measure-passwords",
        Some(&args([
            ("length", n(auth.password_min_length as u64)),
            ("attempts", n(u64::from(auth.max_failed_logins))),
            ("minutes", n(auth.lockout_minutes)),
            ("two_factor", Arg::from(two_factor_rule(state, lang))),
        ])),
    );
    let mut out = vec![lang.text(FIXED_MEASURES[0], None), lang.text(transport, None), passwords];
    out.extend(FIXED_MEASURES[1..].iter().map(|m| lang.text(m, None)));
    out
}

/// The measures that hold whatever the configuration.
const FIXED_MEASURES: &[&str] = &[
    "gdpr-measure-encryption",
    "gdpr-measure-roles",
    "gdpr-measure-audit",
    "gdpr-measure-truncation",
    "gdpr-measure-no-third-parties",
    "gdpr-measure-tracking-consent",
    "gdpr-measure-retention",
    "gdpr-measure-pseudonyms",
    "gdpr-measure-backups",
    "gdpr-measure-requests",
];

/// Send-time optimisation's logic in words, from the constants the choice uses
/// ([`crate::domain::sendtime`], [`crate::sendtime`]), so that the words cannot drift from it.
pub fn send_time_logic(state: &AppState, lang: &Language) -> String {
    use crate::domain::sendtime as rule;
    let n = |v: f64| Arg::Number(v);
    let opens = if state.config.tracking.send_time_opens {
        "gdpr-records-sendtime-opens-counted"
    } else {
        "gdpr-records-sendtime-opens-not-counted"
    };
    lang.text(
        "gdpr-records-sendtime-logic",
        Some(&args([
            ("events", n(crate::sendtime::EVENTS_PER_CONTACT as f64)),
            ("opens", Arg::from(lang.text(opens, None))),
            ("days", n(crate::sendtime::SHOP_DAYS as f64)),
            ("pseudo", n(rule::PSEUDO_COUNTS)),
            ("minimum", n(f64::from(rule::MIN_SIGNALS))),
            ("window", n(f64::from(rule::MAX_WINDOW_HOURS))),
        ])),
    )
}

/// The record, its sentences in `lang` (an admin catalogue language); `model_words` says a
/// scoring model in that language (the web's words: the admin page's, or the API's English).
pub fn build(
    state: &AppState,
    lang: &Language,
    model_words: &dyn Fn(&crate::domain::score::Model) -> String,
) -> anyhow::Result<Value> {
    let settings = state.settings.get().unwrap_or_default();
    // The purposes' own texts in the language people read them in, where there is one.
    let public = crate::i18n::catalogue().get(&lang.code);
    // Profiling's logic (Art. 13(2)(f), 30): the scoring models as they are now, in words.
    let models = state.scoring.models().all()?;
    let mut logic: Vec<String> = if models.is_empty() {
        vec![lang.text("gdpr-records-scoring-none", None)]
    } else {
        models.iter().map(model_words).collect()
    };
    logic.push(send_time_logic(state, lang));
    let purposes: Vec<Value> = state
        .purposes
        .all()?
        .into_iter()
        .map(|p| {
            let name = state.purposes.name_in(&p, &lang.code).unwrap_or_else(|_| p.name.clone());
            let categories: Vec<String> = p.categories.iter().map(|c| category_words(c, lang)).collect();
            let recipients: Vec<String> = p.recipients.iter().map(|r| shipped_words(r, lang)).collect();
            let logic = (p.key == crate::domain::score::PROFILING).then(|| logic.clone());
            json!({
                "key": p.key, "name": name, "description": shipped_words(&p.description, lang), "lawful_basis": p.basis,
                "logic": logic,
                "lawful_basis_text": crate::gdpr::archive::basis_text(p.basis, public),
                "data_categories": categories,
                "data_subjects": [lang.text("gdpr-records-subjects-customers", None), lang.text("gdpr-records-subjects-subscribers", None)],
                "recipients": recipients, "retention_days": p.retention_days,
                "retention": crate::gdpr::retention::purpose_period_text(&p, public),
            })
        })
        .collect();
    let processors: Vec<Value> = state
        .config
        .mail
        .relays
        .iter()
        .map(|r| {
            json!({
                "name": r.name, "role": lang.text("gdpr-records-relay-role", None),
                "host": r.host, "data": [category_words("email address", lang), category_words("message content", lang)],
            })
        })
        .collect();
    let store = |tree: &str, purpose: &str| store_key(tree).map_or_else(|| purpose.to_string(), |k| lang.text(k, None));
    let categories = |c: &[&str]| c.iter().map(|c| category_words(c, lang)).collect::<Vec<_>>();
    let stores: Vec<Value> = state
        .store
        .registry()
        .registrations
        .iter()
        .filter_map(|r| match &r.holds {
            Holds::Personal { categories: c, .. } => Some(json!({
                "store": r.tree, "purpose": store(r.tree, r.purpose), "categories": categories(c),
                "erased_with_the_person": true,
            })),
            Holds::Retained { categories: c, why, .. } => Some(json!({
                "store": r.tree, "purpose": store(r.tree, r.purpose), "categories": categories(c),
                "erased_with_the_person": false,
                "why_kept": kept_key(r.tree).map_or_else(|| why.to_string(), |k| lang.text(k, None)),
            })),
            Holds::Nothing { .. } => None,
        })
        .collect();
    let transfers = if processors.is_empty() { "gdpr-records-transfers-none" } else { "gdpr-records-transfers-relay" };
    let location = state.config.data_dir.display().to_string();
    Ok(json!({
        "format": "tidings-records-of-processing/1",
        "generated_at": Utc::now(),
        "controller": { "name": settings.organisation, "postal_address": settings.address_line(), "dpo_contact": settings.dpo_contact },
        "purposes": purposes,
        "processors": processors,
        "transfers_to_third_countries": lang.text(transfers, None),
        "technical_and_organisational_measures": measures(state, lang),
        "stores": stores,
        "data_location": lang.text("gdpr-records-location", Some(&args([("path", Arg::from(location))]))),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every store that holds personal data and every category the registry or a shipped
    /// purpose names has its message, and the English of each is the registered text itself:
    /// the record in English is what it was before it had a catalogue, and a store added later
    /// without its message fails here.
    #[test]
    fn every_store_and_category_has_its_words_and_the_english_is_the_registry_s() {
        let en = crate::i18n::admin_catalogue().source();
        let de = crate::i18n::admin_catalogue().get("de");
        let mut cats: Vec<String> = vec!["message content".into()];
        for r in crate::wiring::registry().registrations {
            let (c, why) = match &r.holds {
                Holds::Personal { categories, .. } => (categories, None),
                Holds::Retained { categories, why, .. } => (categories, Some(why)),
                Holds::Nothing { .. } => continue,
            };
            let key = store_key(r.tree).unwrap_or_else(|| panic!("the store `{}` has no gdpr-store-… message", r.tree));
            assert_eq!(en.text(key, None), r.purpose, "{key}");
            assert_ne!(de.text(key, None), r.purpose, "{key} in German");
            if let Some(why) = why {
                let key = kept_key(r.tree).unwrap_or_else(|| panic!("`{}` is kept: say why", r.tree));
                assert_eq!(&en.text(key, None), why, "{key}");
            }
            cats.extend(c.iter().map(|c| c.to_string()));
        }
        for (p, _) in crate::domain::consent::default_purposes() {
            cats.extend(p.categories.iter().cloned());
            assert_ne!(shipped_words(&p.description, de), p.description, "{}", p.key);
            assert_eq!(shipped_words(&p.description, en), p.description, "{}", p.key);
            for r in &p.recipients {
                assert_eq!(&shipped_words(r, en), r);
            }
        }
        for c in &cats {
            let key = category_key(c).unwrap_or_else(|| panic!("the category `{c}` has no gdpr-category-… message"));
            assert_eq!(&en.text(key, None), c, "{key}");
        }
        assert_eq!(category_words("favourite colour", de), "favourite colour", "the DPO's own words stay");
    }
}
