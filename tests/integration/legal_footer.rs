//! The legal footer (Impressum) per language (issue 20), over the real server and a real SMTP
//! sink: written per language in Settings and through the API, printed under the organisation
//! in every mail in the language the mail is in (campaigns and system mail alike), the shop
//! language's for a language without its own; refused by its field when it is too long, with
//! the typed text kept on the page and nothing written.

use serde_json::{json, Value};

use crate::campaigns::{mail_config, Api};
use crate::helpers::{spawn_app_with, TestApp, NEW_PASSWORD};
use crate::smtp_sink::{Received, SinkOptions, SmtpSink};

const GERMAN: &str = "Kaffeerösterei Müller GmbH · Amtsgericht Charlottenburg HRB 12345 B\n\
                      Geschäftsführer: Anna Müller & Ben <Schmidt>\nUSt-IdNr.: DE123456789";
const FRENCH: &str = "Kaffeerösterei Müller GmbH · RCS Berlin HRB 12345 B\nGérants : Anna Müller et Ben Schmidt";
const ENGLISH: &str = "Kaffeerösterei Müller GmbH, registered in Berlin, HRB 12345 B\nVAT ID DE123456789";

fn app_with_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let mut s = app.state.settings.get().unwrap();
    s.organisation = "Kaffeerösterei Müller".into();
    s.postal_address = "Hauptstraße 1\n10115 Berlin".into();
    app.state.settings.save(&s).unwrap();
    (app, sink)
}

/// Calls the API with a token that may change settings.
fn settings_api(app: &TestApp, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
    let token = app.admin_token(&["manage_settings"]);
    let mut r = app.client().request(method, format!("{}/api/v1{path}", app.url)).bearer_auth(token);
    if let Some(b) = body {
        r = r.json(&b);
    }
    let r = r.send().unwrap();
    (r.status().as_u16(), r.json().unwrap_or(Value::Null))
}

fn put_footer(app: &TestApp, language: &str, text: &str) -> (u16, Value) {
    settings_api(
        app,
        reqwest::Method::PUT,
        &format!("/settings/legal-footer/{language}"),
        Some(json!({ "text": text })),
    )
}

struct Mail {
    html: String,
    text: String,
}

fn parse(r: &Received) -> Mail {
    let msg = mail_parser::MessageParser::default().parse(&r.data).unwrap();
    Mail { html: msg.body_html(0).unwrap().to_string(), text: msg.body_text(0).unwrap().replace("\r\n", "\n") }
}

fn to(got: &[Received], who: &str) -> Mail {
    parse(got.iter().find(|m| m.to.iter().any(|t| t.starts_with(who))).unwrap_or_else(|| panic!("no mail to {who}")))
}

/// The footer's lines, escaped and a line each, under the organisation's line in the HTML
/// part, and as plain lines in the text part.
fn assert_footer(m: &Mail, footer: &str, who: &str) {
    let html_lines: Vec<String> =
        footer.lines().map(|l| l.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")).collect();
    let legal = m.html.find(&html_lines.join("<br>")).unwrap_or_else(|| panic!("{who}: the footer in\n{}", m.html));
    let organisation = m.html.find("Kaffeerösterei Müller &middot; Hauptstraße 1, 10115 Berlin").unwrap_or_else(|| {
        m.html.find("Kaffeerösterei Müller · Hauptstraße 1, 10115 Berlin").expect("the organisation's line")
    });
    assert!(organisation < legal, "{who}: under the organisation:\n{}", m.html);
    assert!(m.text.contains(&format!("{footer}\n")), "{who}: the footer's lines in the text part:\n{}", m.text);
    for other in [GERMAN, FRENCH, ENGLISH].into_iter().filter(|f| *f != footer) {
        let first = other.lines().nth(1).unwrap();
        assert!(!m.text.contains(first), "{who}: only one footer:\n{}", m.text);
    }
}

#[test]
fn each_mail_prints_the_legal_footer_of_its_language_else_the_shop_s() {
    let (app, sink) = app_with_sink();
    for (language, text) in [("de", GERMAN), ("fr", FRENCH), ("en", ENGLISH)] {
        let (status, v) = put_footer(&app, language, text);
        assert_eq!(status, 200, "{v}");
    }
    let (status, v) = settings_api(&app, reqwest::Method::GET, "/settings/legal-footer", None);
    assert_eq!(status, 200);
    assert_eq!(v["legal_footer"]["de"], GERMAN);
    assert_eq!(v["legal_footer"]["fr"], FRENCH);
    assert!(v["legal_footer"].get("it").is_none(), "{v}");

    // A campaign with a German and a French version.
    let api = Api::new(&app);
    api.list("News");
    for (email, locale) in [("anna@example.de", "de-DE"), ("zoe@example.fr", "fr"), ("gio@example.it", "it")] {
        let id = api.contact(email, &["news"], &[], true);
        api.ok("PATCH", &format!("/contacts/{id}"), Some(json!({ "locale": locale })));
    }
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Winter", "subject": "Our winter roast", "body": "It is here.", "lists": ["news"]})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    for (language, subject, body) in
        [("de", "Unsere Winterröstung", "Sie ist da."), ("fr", "Notre torréfaction", "Elle est là.")]
    {
        api.ok("PUT", &format!("/campaigns/{id}/variants/{language}"), Some(json!({"subject": subject, "body": body})));
    }
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let got = sink.wait_for(3);
    assert_footer(&to(&got, "anna@"), GERMAN, "the German contact's campaign");
    assert_footer(&to(&got, "zoe@"), FRENCH, "the French contact's campaign");
    assert_footer(&to(&got, "gio@"), ENGLISH, "the Italian contact's campaign, in the shop's language");

    // Sign-ups on the form in German, French and Italian: each confirmation is in that
    // language (a built-in message has every language); the Italian one has no footer of its
    // own and prints the shop language's.
    let token = app.admin_token(&["send_campaigns"]);
    let r = app
        .client()
        .post(format!("{}/api/v1/forms", app.url))
        .bearer_auth(&token)
        .json(&json!({ "name": "Footer", "title": "Newsletter", "lists": ["news"], "purposes": ["newsletter"] }))
        .send()
        .unwrap();
    assert_eq!(r.status(), 201);
    let form = r.json::<Value>().unwrap()["form"]["id"].as_str().unwrap().to_string();
    for (email, language) in [("hans@example.de", "de"), ("lea@example.fr", "fr"), ("eva@example.it", "it")] {
        let r = app
            .client()
            .post(format!("{}/f/{form}?lang={language}", app.url))
            .form(&[("email", email), ("consent", "newsletter")])
            .send()
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().unwrap_or_default());
    }
    let got = sink.wait_for(6);
    let hans = to(&got, "hans@");
    assert!(hans.html.contains("<html lang=\"de\""), "a German confirmation");
    assert_footer(&hans, GERMAN, "the German confirmation");
    assert_footer(&to(&got, "lea@"), FRENCH, "the French confirmation");
    let eva = to(&got, "eva@");
    assert!(eva.html.contains("<html lang=\"it\""), "an Italian confirmation: {}", eva.html);
    assert_footer(&eva, ENGLISH, "the Italian confirmation, with the shop language's footer");

    // Without a footer in its language nor the shop's, a mail has none.
    let (status, v) = settings_api(&app, reqwest::Method::DELETE, "/settings/legal-footer/en", None);
    assert_eq!(status, 200, "{v}");
    assert!(v["legal_footer"].get("en").is_none() && v["legal_footer"]["de"] == GERMAN, "{v}");
    let r = app
        .client()
        .post(format!("{}/f/{form}?lang=it", app.url))
        .form(&[("email", "ugo@example.it"), ("consent", "newsletter")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let got = sink.wait_for(7);
    let ugo = to(&got, "ugo@");
    assert!(!ugo.html.contains("class=\"legal\""), "no footer at all: {}", ugo.html);
}

#[test]
fn a_footer_too_long_or_in_no_language_is_refused_by_its_field_and_nothing_is_written() {
    let (app, _sink) = app_with_sink();
    assert_eq!(put_footer(&app, "de", GERMAN).0, 200);

    // The API: 422 naming the field; what was saved stays.
    let long = "x".repeat(601);
    let (status, v) = put_footer(&app, "de", &long);
    assert_eq!((status, v["field"].as_str()), (422, Some("legal_footer.de")), "{v}");
    let (status, v) = put_footer(&app, "fr", "1\n2\n3\n4\n5\n6\n7");
    assert_eq!((status, v["field"].as_str()), (422, Some("legal_footer.fr")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("at most 6 lines"), "{v}");
    let (status, v) = put_footer(&app, "xx", "Impressum");
    assert_eq!((status, v["field"].as_str()), (422, Some("language")), "{v}");
    let (status, _) = settings_api(
        &app,
        reqwest::Method::PUT,
        "/settings/legal-footer/de",
        Some(json!({ "text": "x", "footer": "y" })),
    );
    assert_eq!(status, 400, "unknown fields are refused");
    let (_, v) = settings_api(&app, reqwest::Method::GET, "/settings/legal-footer", None);
    assert_eq!(v["legal_footer"], json!({ "de": GERMAN }), "nothing written");
    // Line breaks of any kind and blank lines are tidied.
    let (status, v) = put_footer(&app, "fr", "  Ligne un \r\n\r\nLigne deux\r\n");
    assert_eq!((status, v["legal_footer"]["fr"].as_str()), (200, Some("Ligne un\nLigne deux")), "{v}");

    // The page: 422, the field named, every text as typed kept, nothing written (not even the
    // French text that was fine).
    let admin = app.login_admin(NEW_PASSWORD);
    let typed_long = format!("Registergericht Berlin\n{}", "y".repeat(600));
    let r = app.post_form(
        &admin,
        "/settings",
        "/settings/legal-footer",
        &[("legal_footer.de", &typed_long), ("legal_footer.fr", "Gérant : Ben Schmidt"), ("legal_footer.en", "")],
    );
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("id=\"legal-footer-de-error\""), "the field named: {page}");
    assert!(page.contains("must be at most 600 characters"), "{page}");
    assert!(page.contains(&format!(">{typed_long}</textarea>")), "the German text as typed: {page}");
    assert!(page.contains(">Gérant : Ben Schmidt</textarea>"), "the French text as typed: {page}");
    let (_, v) = settings_api(&app, reqwest::Method::GET, "/settings/legal-footer", None);
    assert_eq!(v["legal_footer"], json!({ "de": GERMAN, "fr": "Ligne un\nLigne deux" }), "nothing written");

    // Saved from the page: the languages left empty have none.
    let r = app.post_form(
        &admin,
        "/settings",
        "/settings/legal-footer",
        &[("legal_footer.de", "Amtsgericht Berlin\r\nHRB 1"), ("legal_footer.fr", "")],
    );
    assert_eq!(crate::helpers::location(&r), "/settings?ok=saved#legal-footer");
    let (_, v) = settings_api(&app, reqwest::Method::GET, "/settings/legal-footer", None);
    assert_eq!(v["legal_footer"], json!({ "de": "Amtsgericht Berlin\nHRB 1" }));
    let page = app.get(&admin, "/settings").text().unwrap();
    assert!(page.contains(">Amtsgericht Berlin\nHRB 1</textarea>"), "{page}");
    // Each change is in the audit log, with the languages it touched.
    let entries = app
        .state
        .audit
        .query(&tidings::audit::Filter { action: Some("settings.changed".into()), ..Default::default() }, 20)
        .unwrap();
    let languages: Vec<String> = entries
        .iter()
        .filter_map(|e| e.details.iter().find(|(k, _)| k == "languages").map(|(_, v)| v.clone()))
        .collect();
    assert!(languages.contains(&"de fr".to_string()), "{languages:?}");
}

/// The notice that a person's data was erased goes straight through the relay as plain text
/// (the outbox goes with the person): it ends with the same footer, in the person's language.
#[test]
fn the_erasure_notice_ends_with_the_legal_footer_of_the_person_s_language() {
    use reqwest::Method;
    let (app, sink) = app_with_sink();
    assert_eq!(put_footer(&app, "de", GERMAN).0, 200);
    assert_eq!(put_footer(&app, "en", ENGLISH).0, 200);
    let api = Api::new(&app);
    api.list("News");
    let id = api.contact("anna@example.de", &["news"], &[], true);
    api.ok("PATCH", &format!("/contacts/{id}"), Some(json!({ "locale": "de" })));
    let dpo = crate::gdpr::Dpo::new(&app);
    let request = dpo.ok(Method::POST, "/requests", Some(json!({"kind": "erasure", "email": "anna@example.de"})));
    let request = request["id"].as_str().unwrap().to_string();
    dpo.ok(Method::PATCH, &format!("/requests/{request}"), Some(json!({"verification": "verified"})));
    dpo.ok(Method::POST, &format!("/requests/{request}/erase"), Some(json!({"confirm": "erase"})));
    let got = sink.wait_for(1);
    let text =
        mail_parser::MessageParser::default().parse(&got[0].data).unwrap().body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        text.ends_with(&format!("\n\nKaffeerösterei Müller · Hauptstraße 1, 10115 Berlin\n{GERMAN}\n")),
        "who is writing, then the German footer, at the end:\n{text}"
    );
}
