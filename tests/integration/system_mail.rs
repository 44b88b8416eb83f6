//! System mail in the person's language (issue 20), over the real server and a real SMTP sink:
//! a sign-up's confirmation in the language of the page it was made on, a portal link in the
//! contact's own language, a shop-edited version used for its language and the base text for a
//! contact without one, and the editor and API refusing a bad version by its field.

use std::collections::HashMap;

use serde_json::json;
use tidings::contacts::ops as cops;
use tidings::domain::{ContactInput, EmailAddress, Source};
use tidings::i18n::{self, catalogue, Arg};
use tidings::ops::By;

use crate::campaigns::mail_config;
use crate::helpers::{csrf_of, spawn_app_with, TestApp};
use crate::smtp_sink::{Received, SinkOptions, SmtpSink};

const SHOP: &str = "Kaffeerösterei Müller";

fn app_with_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let mut s = app.state.settings.get().unwrap();
    s.organisation = SHOP.into();
    app.state.settings.save(&s).unwrap();
    (app, sink)
}

/// A catalogue text with the shop's name for `{$organisation}`.
fn t_org(code: &str, key: &str) -> String {
    catalogue().get(code).text(key, Some(&i18n::args([("organisation", Arg::from(SHOP))])))
}

fn t(code: &str, key: &str) -> String {
    catalogue().get(code).text(key, None)
}

/// The plain-text part writes French no-break spaces as spaces.
fn flat(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

struct Mail {
    subject: String,
    headers: HashMap<String, String>,
    html: String,
    text: String,
}

fn parse(r: &Received) -> Mail {
    let msg = mail_parser::MessageParser::default().parse(&r.data).unwrap();
    let raw = String::from_utf8_lossy(&r.data);
    let head = &raw[..raw.find("\r\n\r\n").unwrap()];
    let headers = head
        .split("\r\n")
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
        .collect();
    Mail {
        subject: msg.subject().unwrap_or_default().to_string(),
        headers,
        html: msg.body_html(0).unwrap().to_string(),
        text: msg.body_text(0).unwrap().replace("\r\n", "\n"),
    }
}

fn form(app: &TestApp) -> String {
    cops::create_list(&app.state, By::cli(), "News", "").unwrap();
    let token = app.admin_token(&["send_campaigns"]);
    let r = app
        .client()
        .post(format!("{}/api/v1/forms", app.url))
        .bearer_auth(&token)
        .json(&json!({ "name": "Footer", "title": "Newsletter", "ask_first_name": true, "lists": ["news"], "purposes": ["newsletter"] }))
        .send()
        .unwrap();
    assert_eq!(r.status(), 201);
    r.json::<serde_json::Value>().unwrap()["form"]["id"].as_str().unwrap().to_string()
}

fn contact(app: &TestApp, email: &str, locale: Option<&str>) {
    let input = ContactInput {
        email: Some(EmailAddress::parse(email).unwrap()),
        first_name: Some("Zoë".into()),
        locale: locale.map(|l| Some(l.to_string())),
        ..Default::default()
    };
    cops::create(&app.state, By::cli(), &input, Source::Admin).unwrap();
}

#[test]
fn a_sign_up_on_the_german_page_is_a_german_contact_confirmed_in_german() {
    let (app, sink) = app_with_sink();
    let f = form(&app);
    // The page was switched to German; the browser asks for English.
    let r = app
        .client()
        .post(format!("{}/f/{f}?lang=de", app.url))
        .header("accept-language", "en")
        .form(&[("email", "anna@example.org"), ("first_name", "Anna"), ("consent", "newsletter")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let got = sink.wait_for(1);
    let c = app.state.contacts.find_by_email(&EmailAddress::parse("anna@example.org").unwrap()).unwrap().unwrap();
    assert_eq!(c.locale.as_deref(), Some("de"), "the page's language is the new contact's");

    let m = parse(&got[0]);
    assert_eq!(m.subject, t_org("de", "mail-confirm-subject"));
    assert_eq!(m.headers.get("content-language").map(String::as_str), Some("de"));
    assert!(m.html.contains("<html lang=\"de\""), "{}", m.html);
    let hello = catalogue().get("de").text("mail-hello-name", Some(&i18n::args([("name", Arg::from("Anna"))])));
    assert!(m.text.starts_with(&format!("{hello}\n\n")), "the greeting on its own line: {}", m.text);
    assert!(m.text.contains(&t_org("de", "mail-confirm-intro")), "{}", m.text);
    assert!(m.text.contains(&format!("{} (https://", t("de", "mail-confirm-button"))), "{}", m.text);
    assert!(m.text.contains(&t("de", "mail-confirm-ignore")), "{}", m.text);
    assert!(m.html.contains(&format!(">{}</a>", t("de", "mail-footer-privacy"))), "the footer too: {}", m.html);
    assert!(!m.text.contains("confirm your subscription"), "no English left: {}", m.text);

    let dir: std::path::PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "screenshots"].iter().collect();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("confirm-mail-de.eml"), &got[0].data).unwrap();
}

#[test]
fn a_portal_link_for_a_french_contact_is_in_french_whatever_the_browser_asks() {
    let (app, sink) = app_with_sink();
    contact(&app, "zoe@example.org", Some("fr-FR"));
    let r = app
        .client()
        .post(format!("{}/privacy", app.url))
        .header("accept-language", "de")
        .form(&[("email", "zoe@example.org")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let m = parse(&sink.wait_for(1)[0]);
    assert_eq!(m.subject, t_org("fr", "mail-portal-subject"));
    assert_eq!(m.headers.get("content-language").map(String::as_str), Some("fr"));
    assert!(m.html.contains("<html lang=\"fr\""), "{}", m.html);
    assert!(m.text.contains(&flat(&t_org("fr", "mail-portal-intro"))), "{}", m.text);
    assert!(m.text.contains(&format!("{} (https://", t("fr", "mail-portal-button"))), "{}", m.text);
    assert!(m.text.contains("/privacy/open/"), "{}", m.text);
}

#[test]
fn a_shop_edited_polish_version_reaches_a_polish_contact_and_the_base_one_without_a_language() {
    let (app, sink) = app_with_sink();
    let token = app.admin_token(&["send_campaigns"]);
    let api = |method: reqwest::Method, path: &str, body: serde_json::Value| {
        app.client()
            .request(method, format!("{}/api/v1{path}", app.url))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .unwrap()
    };
    let polish = json!({ "subject": "Potwierdzenie zapisu do {{ organisation }}",
        "body": "Dzień dobry!\n\nProsimy kliknąć: [Potwierdzam]({{ data.confirm_url }})\n" });
    let r = api(reqwest::Method::PATCH, "/templates/confirm-subscription", json!({ "translations": { "pl": polish } }));
    assert_eq!(r.status(), 200);
    let v: serde_json::Value = r.json().unwrap();
    assert_eq!(v["template"]["translations"]["pl"], polish);
    assert_eq!(
        v["template"]["translations"]["de"]["subject"], "Bitte bestätigen Sie Ihre Anmeldung bei {{ organisation }}",
        "the other languages stay"
    );

    contact(&app, "ola@example.org", Some("pl-PL"));
    contact(&app, "sam@example.org", None);
    for to in ["ola@example.org", "sam@example.org"] {
        let r = api(
            reqwest::Method::POST,
            "/messages",
            json!({ "template": "confirm-subscription", "to": to, "data": { "confirm_url": "https://news.example.com/f/confirm/x" } }),
        );
        assert_eq!(r.status(), 202, "{}", r.text().unwrap());
    }
    let got = sink.wait_for(2);
    let by_to: HashMap<String, Mail> = got.iter().map(|r| (r.to[0].clone(), parse(r))).collect();
    let ola = &by_to["ola@example.org"];
    assert_eq!(ola.subject, format!("Potwierdzenie zapisu do {SHOP}"));
    assert!(ola.text.contains("Prosimy kliknąć: Potwierdzam (https://news.example.com/f/confirm/x)"), "{}", ola.text);
    assert_eq!(ola.headers.get("content-language").map(String::as_str), Some("pl"));
    let sam = &by_to["sam@example.org"];
    assert_eq!(sam.subject, t_org("en", "mail-confirm-subject"), "no language: the base");
    assert!(sam.text.contains(&t_org("en", "mail-confirm-intro")), "{}", sam.text);
    assert_eq!(sam.headers.get("content-language").map(String::as_str), Some("en"));
}

#[test]
fn a_bad_version_is_refused_by_its_field_and_the_editor_keeps_what_was_typed() {
    let (app, _sink) = app_with_sink();
    let token = app.admin_token(&["send_campaigns"]);
    let patch = |body: serde_json::Value| {
        app.client()
            .patch(format!("{}/api/v1/templates/confirm-subscription", app.url))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .unwrap()
    };
    let before = app.state.sending.templates.get("confirm-subscription").unwrap().unwrap();
    for (body, field) in [
        (
            json!({ "translations": { "de": { "subject": "Hallo\r\nBcc: x@example.org", "body": "x" } } }),
            "translations.de.subject",
        ),
        (json!({ "translations": { "fr": { "subject": "Bonjour", "body": "{% if x %}" } } }), "translations.fr.body"),
        (json!({ "translations": { "sv": { "subject": "Hej", "body": "" } } }), "translations.sv.body"),
        (json!({ "translations": { "xx": { "subject": "Hi", "body": "Hi" } } }), "translations"),
    ] {
        let r = patch(body);
        assert_eq!(r.status(), 422);
        let e: serde_json::Value = r.json().unwrap();
        assert_eq!(e["field"], field, "{e}");
    }
    assert_eq!(app.state.sending.templates.get("confirm-subscription").unwrap().unwrap(), before, "nothing written");

    // The editor: one tab per language; a refused version comes back as typed, named.
    let c = app.login_admin("a long enough password 1");
    let page = app.get(&c, "/templates/confirm-subscription").text().unwrap();
    for l in catalogue().languages() {
        assert!(page.contains(&format!("name=\"translations.{}.subject\"", l.code)), "a field for {}", l.code);
    }
    assert!(page.contains("Bitte bestätigen Sie Ihre Anmeldung bei {{ organisation }}"));
    let typed_body = "Dzień dobry,\n\nproszę potwierdzić.\n";
    let r = c
        .post(format!("{}/templates/confirm-subscription", app.url))
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("name", before.name.as_str()),
            ("subject", before.subject.as_str()),
            ("body", before.body.as_str()),
            ("format", "markdown"),
            ("layout", ""),
            ("translations.pl.subject", "Zapis {% if %}"),
            ("translations.pl.body", typed_body),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("id=\"tr-pl-subject-error\""), "the Polish subject is named");
    assert!(page.contains("value=\"Zapis {% if %}\""), "the typed subject is kept");
    assert!(page.contains("proszę potwierdzić."), "the typed body is kept");
    assert_eq!(app.state.sending.templates.get("confirm-subscription").unwrap().unwrap(), before, "nothing written");

    // The preview shows the version of the language chosen, as typed, with its footer.
    let r = c
        .post(format!("{}/templates/confirm-subscription/preview", app.url))
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("subject", before.subject.as_str()),
            ("body", before.body.as_str()),
            ("format", "markdown"),
            ("layout", ""),
            ("data", r#"{"confirm_url": "https://example.com/confirm"}"#),
            ("preview_lang", "pl"),
            ("translations.pl.subject", "Zapis do {{ organisation }}"),
            ("translations.pl.body", typed_body),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let doc = r.text().unwrap();
    assert!(doc.contains(&format!("Zapis do {SHOP}")) && doc.contains("proszę potwierdzić."), "{doc}");
    assert!(doc.contains(&t("pl", "mail-footer-privacy")), "{doc}");
}

/// The Art. 19 notices: a restriction told through the outbox template, in Swedish with what
/// was done worded in Swedish; an erasure told straight through the relay (the outbox goes with
/// the person), in Polish.
#[test]
fn request_outcomes_are_told_in_the_person_s_language() {
    use reqwest::Method;
    let (app, sink) = app_with_sink();
    let dpo = crate::gdpr::Dpo::new(&app);
    contact(&app, "sven@example.org", Some("sv"));
    contact(&app, "ola@example.org", Some("pl"));
    let sven = app.state.contacts.find_by_email(&EmailAddress::parse("sven@example.org").unwrap()).unwrap().unwrap();
    let verified = |body: serde_json::Value| {
        let id = dpo.ok(Method::POST, "/requests", Some(body))["id"].as_str().unwrap().to_string();
        dpo.ok(Method::PATCH, &format!("/requests/{id}"), Some(json!({"verification": "verified"})));
        id
    };
    let restriction = verified(json!({"kind": "restriction", "contact_id": sven.id, "channel": "email"}));
    dpo.ok(
        Method::PUT,
        &format!("/contacts/{}/restriction", sven.id),
        Some(json!({"reason": "accuracy contested", "request_id": restriction})),
    );
    let erasure = verified(json!({"kind": "erasure", "email": "ola@example.org"}));
    dpo.ok(Method::POST, &format!("/requests/{erasure}/erase"), Some(json!({"confirm": "erase"})));

    let got = sink.wait_for(2);
    let by_to: HashMap<String, &Received> = got.iter().map(|r| (r.to[0].clone(), r)).collect();
    let sv = parse(by_to["sven@example.org"]);
    assert_eq!(sv.subject, t("sv", "mail-outcome-subject"));
    assert_eq!(sv.headers.get("content-language").map(String::as_str), Some("sv"));
    let done = catalogue()
        .get("sv")
        .text("mail-outcome-done", Some(&i18n::args([("done", Arg::from(t("sv", "mail-outcome-restricted")))])));
    assert!(sv.text.contains(&done), "{}", sv.text);

    let raw = mail_parser::MessageParser::default().parse(&by_to["ola@example.org"].data).unwrap();
    let text = raw.body_text(0).unwrap().replace("\r\n", "\n");
    assert_eq!(raw.subject(), Some(t("pl", "mail-outcome-subject").as_str()));
    let done = catalogue()
        .get("pl")
        .text("mail-outcome-done", Some(&i18n::args([("done", Arg::from(t("pl", "mail-outcome-erased")))])));
    assert!(text.contains(&done), "{text}");
    assert!(text.contains(&t_org("pl", "mail-outcome-last")), "{text}");
    let head = String::from_utf8_lossy(&by_to["ola@example.org"].data).to_string();
    assert!(head.contains("\r\nContent-Language: pl\r\n"), "{head}");
}
