//! The privacy pages in German (see ../languages_admin.rs): the register of requests (open,
//! overdue, nearly due, closed), a request in each of its states with its history, the
//! breaches with their 72 hours (running, overdue, notified, closed) and a breach with its
//! notice and its versions in other languages, before and after it is queued, retention with a
//! dry run and a run, the records of processing, and the audit log with its filters, its empty
//! state and its verification.

use chrono::{Duration, Utc};
use reqwest::Method;
use serde_json::json;

use super::{german_admin, german_page};
use crate::campaigns::Api;
use crate::gdpr::Dpo;
use crate::helpers::{location, NEW_PASSWORD};

/// What the test typed itself, and the codes the pages show as codes (audit actions, store
/// names, a configuration path): never UI text.
fn allowed() -> Vec<String> {
    let mut out: Vec<String> = [
        "Bitte alles löschen, was Sie über mich wissen.",
        "Eine Kopie der Kontaktliste ging an einen falschen Empfänger.",
        "Ein Administratorpasswort wurde abgefischt.",
        "Ihre Daten: ein Sicherheitsvorfall",
        "Wir informieren Sie über einen Vorfall in unserem Shop.",
        "Vos données : un incident",
        "Nous vous informons d’un incident.",
        "Angaben bestritten",
        "data_dir/search",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for a in tidings::audit::Action::ALL {
        out.push(a.as_str().to_string());
        // The filter offers each family of actions too: `search.*`.
        out.extend(a.as_str().split_once('.').map(|(family, _)| format!("{family}.*")));
    }
    out.extend(tidings::wiring::registry().registrations.iter().map(|r| r.tree.to_string()));
    out
}

#[test]
fn the_privacy_pages_are_german_in_every_state() {
    let (app, admin) = german_admin();
    let allowed = allowed();
    let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
    let api = Api::new(&app);
    let dpo = Dpo::new(&app);
    api.list("Neuigkeiten");
    for who in ["anna", "bert", "carla", "dora", "emil"] {
        let id = api.contact(&format!("{who}@example.de"), &["neuigkeiten"], &[], true);
        api.ok("PATCH", &format!("/contacts/{id}"), Some(json!({ "locale": "de" })));
    }

    // The register: nothing yet, then open, overdue, nearly due and closed requests.
    german_page(&app, &admin, "/requests", &allowed);
    german_page(&app, &admin, "/requests?show=all", &allowed);
    let request = |kind: &str, email: &str, days_ago: i64| -> String {
        let received = Utc::now() - Duration::days(days_ago);
        let v = dpo.ok(
            Method::POST,
            "/requests",
            Some(json!({"kind": kind, "channel": "letter", "email": email, "received_at": received,
                        "message": "Bitte alles löschen, was Sie über mich wissen."})),
        );
        v["id"].as_str().unwrap().to_string()
    };
    let overdue = request("access", "anna@example.de", 40);
    let erasure = request("erasure", "bert@example.de", 25);
    let restriction = request("restriction", "carla@example.de", 2);
    let objection = request("objection", "dora@example.de", 1);
    let closed = request("rectification", "emil@example.de", 3);
    let unknown = request("portability", "niemand@example.de", 0);
    let verify = |id: &str| {
        dpo.ok(Method::PATCH, &format!("/requests/{id}"), Some(json!({"verification": "verified"})));
    };
    for id in [&erasure, &restriction, &objection, &closed] {
        verify(id);
    }
    dpo.ok(
        Method::PATCH,
        &format!("/requests/{erasure}"),
        Some(json!({"extend_months": 1, "extension_reason": "Angaben bestritten"})),
    );
    dpo.ok(Method::PATCH, &format!("/requests/{closed}"), Some(json!({"close": "done", "response": "Erledigt."})));
    let carla = app.state.contacts.find_by_email(&"carla@example.de".parse().unwrap()).unwrap().unwrap();
    dpo.ok(
        Method::PUT,
        &format!("/contacts/{}/restriction", carla.id),
        Some(json!({"reason": "Angaben bestritten", "request_id": restriction})),
    );
    let list = german_page(&app, &admin, "/requests", &allowed);
    assert!(list.contains("überfällig") && list.contains("Löschung (Art. 17)"), "{list}");
    assert!(list.contains("per Brief"), "the channel in German");
    let all = german_page(&app, &admin, "/requests?show=all", &allowed);
    assert!(all.contains("erledigt"), "the closed request's state");
    for id in [&overdue, &erasure, &restriction, &objection, &closed, &unknown] {
        german_page(&app, &admin, &format!("/requests/{id}?ok=request_saved"), &allowed);
    }
    let page = german_page(&app, &admin, &format!("/requests/{erasure}"), &allowed);
    assert!(page.contains("Diese Person löschen") && page.contains("Frist verlängert bis"), "{page}");
    assert!(page.contains("erfasst: Löschung, per Brief"), "the history in German: {page}");
    // A refused erasure: the reason in German, the form again.
    let at = format!("/requests/{erasure}");
    let r = app.post_form(&admin, &at, &format!("{at}/erase"), &[("password", "falsch"), ("mode", "erase")]);
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("Das ist nicht Ihr Passwort"), "{page}");
    assert!(
        crate::helpers::english_left(&page, &allowed).is_empty(),
        "{:?}",
        crate::helpers::english_left(&page, &allowed)
    );

    // Breaches: none, then one running, one overdue and notified late, one closed unreported.
    german_page(&app, &admin, "/breaches", &allowed);
    let breach = |hours_ago: i64, affected: &[&str], description: &str| -> String {
        let v = dpo.ok(
            Method::POST,
            "/breaches",
            Some(json!({"discovered_at": Utc::now() - Duration::hours(hours_ago),
                        "window_start": Utc::now() - Duration::hours(hours_ago + 24), "window_end": Utc::now(),
                        "affected": affected, "list": if affected.contains(&"contacts") { "neuigkeiten" } else { "" },
                        "description": description})),
        );
        v["id"].as_str().unwrap().to_string()
    };
    let running = breach(2, &["contacts", "events"], "Eine Kopie der Kontaktliste ging an einen falschen Empfänger.");
    let late = breach(80, &["users"], "Ein Administratorpasswort wurde abgefischt.");
    let shut = breach(90, &["requests", "consents"], "Eine Kopie der Kontaktliste ging an einen falschen Empfänger.");
    dpo.ok(
        Method::PATCH,
        &format!("/breaches/{late}"),
        Some(json!({"reported": true, "delay_reason": "Angaben bestritten", "authority_reference": "LDA-4711"})),
    );
    dpo.ok(
        Method::PATCH,
        &format!("/breaches/{shut}"),
        Some(json!({"close": true, "delay_reason": "Angaben bestritten"})),
    );
    dpo.ok(
        Method::PATCH,
        &format!("/breaches/{running}"),
        Some(json!({"notice_subject": "Ihre Daten: ein Sicherheitsvorfall",
                    "notice_body": "Wir informieren Sie über einen Vorfall in unserem Shop."})),
    );
    dpo.ok(
        Method::PUT,
        &format!("/breaches/{running}/notice/fr"),
        Some(json!({"subject": "Vos données : un incident", "body": "Nous vous informons d’un incident."})),
    );
    // The dashboard's block of privacy deadlines: the overdue request, the running breach.
    let dash = app.get(&admin, "/").text().unwrap();
    let block = &dash[dash.find("id=\"privacy-due\"").expect("the privacy block")..];
    let block = &block[..block.find("</section>").unwrap()];
    let left = crate::helpers::english_left(block, &allowed);
    assert!(left.is_empty(), "the dashboard's privacy block still has English: {left:#?}");
    assert!(block.contains("Datenschutzfristen") && block.contains("überfällig"), "{block}");
    let list = german_page(&app, &admin, "/breaches", &allowed);
    assert!(list.contains("gemeldet") && list.contains("verspätet") && list.contains("abgeschlossen"), "{list}");
    for id in [&late, &shut] {
        german_page(&app, &admin, &format!("/breaches/{id}"), &allowed);
    }
    let page = german_page(&app, &admin, &format!("/breaches/{running}?ok=breach_saved"), &allowed);
    assert!(page.contains("Meldung einer Verletzung des Schutzes personenbezogener Daten"), "the draft in German");
    assert!(page.contains("data-t-passed=\"(die Frist ist abgelaufen)\""), "the countdown's words");
    assert!(page.contains("Betreff (Français)"), "{page}");
    let draft = app.get(&admin, &format!("/breaches/{running}/notification.txt")).text().unwrap();
    assert!(draft.contains("Ungefähre Zahl der betroffenen Personen: 5"), "{draft}");
    // A refused version in German, the form as typed.
    let at = format!("/breaches/{running}");
    let r = app.post_form(&admin, &at, &format!("{at}/notice/de"), &[("subject", ""), ("body", "Text")]);
    assert_eq!(r.status(), 422);
    german_page(&app, &admin, &format!("/breaches/{running}"), &allowed);
    let r = app.post_form(&admin, &at, &format!("{at}/notice"), &[]);
    assert_eq!(location(&r), format!("/breaches/{running}?ok=breach_notice_queued"));
    let page = german_page(&app, &admin, &format!("/breaches/{running}?ok=breach_notice_queued"), &allowed);
    assert!(page.contains("eingereiht") && page.contains("Keine Fassung in dieser Sprache."), "{page}");

    // Retention: the rules, a dry run, a run (with its last run), a refused period.
    german_page(&app, &admin, "/retention", &allowed);
    let dry = german_page(&app, &admin, "/retention?dry_run=1", &allowed);
    assert!(dry.contains("Probelauf: Es wurde nichts geändert."), "{dry}");
    let r = app.post_form(&admin, "/retention", "/retention/run", &[]);
    assert_eq!(location(&r), "/retention?ok=retention_ran");
    let ran = german_page(&app, &admin, "/retention?ok=retention_ran", &allowed);
    assert!(ran.contains("durch admin"), "who ran it, by name: {ran}");
    let r = app.post_form(
        &admin,
        "/retention",
        "/retention/policy",
        &[
            ("inactive_days", "viele"),
            ("inactive_action", "delete"),
            ("closed_request_days", "400"),
            ("audit_days", "800"),
        ],
    );
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("Bitte eine ganze Zahl von Tagen angeben"), "{page}");

    // The records of processing, in German from the registry and the settings.
    let records = german_page(&app, &admin, "/records", &allowed);
    assert!(records.contains("Verzeichnis von Verarbeitungstätigkeiten"), "{records}");
    assert!(
        records.contains("Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)"),
        "the lawful basis as the regulation names it"
    );
    assert!(records.contains("Schlüssel-Hash der E-Mail-Adresse"), "a category from the registry");

    // The audit log: everything above, a filter that matches nothing, the verification. Its
    // details are stored codes, as its actions are: a sign-in's `second_factor=none`.
    let mut allowed = allowed;
    allowed.push("none");
    let audit = german_page(&app, &admin, "/audit", &allowed);
    assert!(audit.contains("Token „test“"), "a token by its name: {audit}");
    german_page(&app, &admin, "/audit?action=breach.&from=2026-01-01", &allowed);
    let none = german_page(&app, &admin, "/audit?actor=niemand", &allowed);
    assert!(none.contains("Keine Einträge passen zu diesen Filtern."), "{none}");
    let verified = german_page(&app, &admin, "/audit?verify=1", &allowed);
    assert!(verified.contains("Kette intakt"), "{verified}");
}

/// Another staff member, who kept English, reads the same pages in English.
#[test]
fn the_privacy_pages_stay_english_for_an_english_reader() {
    let app = crate::helpers::spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let dpo = Dpo::new(&app);
    let v = dpo.ok(
        Method::POST,
        "/breaches",
        Some(json!({"discovered_at": Utc::now(), "window_start": Utc::now() - Duration::hours(3),
                    "affected": ["users"], "description": "An admin password was phished."})),
    );
    let id = v["id"].as_str().unwrap();
    let page = app.get(&admin, &format!("/breaches/{id}")).text().unwrap();
    assert!(page.contains("<html lang=\"en\">"));
    assert!(
        page.contains("Notifying the supervisory authority")
            && page.contains("Draft notification to the supervisory authority")
    );
    assert!(page.contains("Notification of a personal data breach to the supervisory authority (GDPR Art. 33)"));
    assert!(page.contains("recorded; counted 1 data subjects and 1 records concerned"), "the history as stored");
    for (path, english) in [
        ("/requests", "Privacy requests"),
        ("/retention?dry_run=1", "Dry run: nothing was changed."),
        ("/records", "Records of processing activities"),
        ("/audit", "Verify the chain"),
    ] {
        let page = app.get(&admin, path).text().unwrap();
        assert!(page.contains(english), "{path}: {english}");
    }
}

/// The scoring models in the staff member's words: on the German records of processing
/// (profiling's logic), the list of models and a contact's scores, every rule is said in German
/// (they were said in English whatever the page's language).
#[test]
fn the_scoring_models_read_in_german_on_the_records_and_the_scoring_pages() {
    let (app, admin) = german_admin();
    let api = Api::new(&app);
    api.list("news");
    let ann = api.contact("ann@example.org", &["news"], &[], true);
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "intent", "name": "Kaufabsicht", "half_life_days": 30, "rules": [
            {"on": "opened", "points": 1},
            {"on": "clicked", "url": "/preise", "points": 5, "cap": {"points": 30, "days": 7}},
            {"on": "custom", "name": "product_viewed", "properties": {"category": "schuhe"}, "points": 2},
            {"on": "ordered", "points": 10, "per_unit": 0.5},
            {"on": "field", "field": "status", "op": "equals", "value": "subscribed", "points": 2},
            {"on": "bounced", "points": -40},
        ]})),
    );
    let codes = allowed();
    let mut allowed: Vec<&str> = codes.iter().map(String::as_str).collect();
    allowed.extend(["Kaufabsicht", "intent", "product_viewed", "category", "schuhe", "subscribed", "/preise"]);
    let records = german_page(&app, &admin, "/records", &allowed);
    // (The page escapes the slash of "/preise".)
    assert!(records.contains("hat einen Link angeklickt, der „&#x2f;preise“ enthält"), "{records}");
    assert!(records.contains("halbieren sich alle 30 Tage"), "{records}");
    let list = german_page(&app, &admin, "/scoring", &allowed);
    assert!(list.contains("eine E-Mail an die Person kam zurück: -40 Punkte"), "{list}");
    let contact = app.get(&admin, &format!("/contacts/{ann}")).text().unwrap();
    assert!(contact.contains("Status ist „subscribed“ (solange das zutrifft; ohne Verfall): +2 Punkte"), "{contact}");
}
