//! Records of processing activities (Art. 30(1)), generated from what the appliance knows: the
//! purposes registry (purposes, lawful bases, categories, retention, recipients), Settings
//! (controller, DPO), the configuration (processors: the SMTP relays), the personal-data
//! registry (where each kind of data is kept) and the measures Tidings itself applies.
//! Nothing here is typed twice, so the record cannot drift from what the software does.

use chrono::Utc;
use serde_json::{json, Value};

use crate::state::AppState;
use crate::store::registry::{Holds, REGISTRY};

/// The technical and organisational measures Tidings applies (Art. 32), as facts about this
/// software and how it is configured here, not promises about the host: the sentences that
/// depend on a setting are written from it.
pub fn measures(state: &AppState) -> Vec<String> {
    let settings = state.settings.get().unwrap_or_default();
    let auth = &state.config.auth;
    let transport = if state.config.tls_enabled() {
        "All web traffic is HTTPS (TLS 1.2+ through rustls); the admin session cookie is HttpOnly, Secure and SameSite."
            .to_string()
    } else {
        "The server speaks plain HTTP behind a reverse proxy that terminates TLS (tls.mode = \"off\"); the admin session \
         cookie is HttpOnly and SameSite."
            .to_string()
    };
    let mut out = vec![
        FIXED_MEASURES[0].to_string(),
        transport,
        format!(
            "Staff passwords are hashed with Argon2id (at least {} characters); after {} failed sign-ins from one network an \
             account is locked for that network for {} minutes and slowed down elsewhere; two-factor authentication (TOTP) is {}.",
            auth.password_min_length,
            auth.max_failed_logins,
            auth.lockout_minutes,
            settings.two_factor_rule()
        ),
    ];
    out.extend(FIXED_MEASURES[1..].iter().map(|m| m.to_string()));
    out
}

/// The measures that hold whatever the configuration.
const FIXED_MEASURES: &[&str] = &[
    "Personal data is encrypted at rest per person (ChaCha20-Poly1305 under a per-person key wrapped by a master key kept outside the store); erasure destroys the person's key.",
    "Role-based access: roles without the personal-data permission see masked data; unmasking is recorded with its reason.",
    "Every administrative action is written to an append-only, hash-chained audit log whose integrity can be verified.",
    "IP addresses are truncated before storage (IPv4 /24, IPv6 /48); user agents are reduced to browser family.",
    "No request is made to third parties from the server or its pages (no CDN, no external fonts, no third-party CAPTCHA or analytics).",
    "Tracking of email engagement and website behaviour only with the person's consent (or as configured), honouring Do Not Track and Global Privacy Control.",
    "Retention runs by itself every day: tracked events, website visitors, unconfirmed sign-ups, abandoned uploads, closed requests, erasure tombstones, audit entries (and, if chosen, inactive contacts) are removed when their period ends; each run's counts are in the audit log.",
    "Audit entries name contacts by a pseudonym keyed with the person's own data key, which stops resolving when the person is erased.",
    "Backups can be encrypted; erasures are journalled and re-applied when an older backup is restored.",
    "Data-subject requests are registered with their deadlines; access, erasure, restriction and objection are carried out from the register and recorded.",
];

pub fn build(state: &AppState) -> anyhow::Result<Value> {
    let settings = state.settings.get().unwrap_or_default();
    let purposes: Vec<Value> = state
        .purposes
        .all()?
        .into_iter()
        .map(|p| {
            json!({
                "key": p.key, "name": p.name, "description": p.description, "lawful_basis": p.basis,
                "data_categories": p.categories, "data_subjects": ["customers and prospects of the controller", "newsletter subscribers"],
                "recipients": p.recipients, "retention_days": p.retention_days, "retention": crate::gdpr::retention::purpose_period_text(&p, crate::i18n::catalogue().source()),
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
                "name": r.name, "role": "SMTP relay: delivers email on the controller's behalf",
                "host": r.host, "data": ["email address", "message content"],
            })
        })
        .collect();
    let stores: Vec<Value> = REGISTRY
        .iter()
        .filter_map(|r| match &r.holds {
            Holds::Personal { categories, .. } => Some(json!({ "store": r.tree, "purpose": r.purpose, "categories": categories, "erased_with_the_person": true })),
            Holds::Retained { categories, why, .. } => Some(json!({ "store": r.tree, "purpose": r.purpose, "categories": categories, "erased_with_the_person": false, "why_kept": why })),
            Holds::Nothing { .. } => None,
        })
        .collect();
    Ok(json!({
        "format": "tidings-records-of-processing/1",
        "generated_at": Utc::now(),
        "controller": { "name": settings.organisation, "postal_address": settings.address_line(), "dpo_contact": settings.dpo_contact },
        "purposes": purposes,
        "processors": processors,
        "transfers_to_third_countries": if processors.is_empty() {
            "None: without an SMTP relay, mail is written to files on this server and nothing leaves it."
        } else {
            "None by the appliance itself. State here whether a configured SMTP relay processes data outside the EU/EEA and on which safeguard (Art. 46)."
        },
        "technical_and_organisational_measures": measures(state),
        "stores": stores,
        "data_location": format!("On this server: {}", state.config.data_dir.display()),
    }))
}
