//! The breach assistant: input refused field by field, the people, records and categories
//! concerned counted from the stores, exports in the window found in the audit log, the Art.
//! 33(3) draft, the 72-hour deadline (overdue, then notified late with reasons), and the Art. 34
//! notice queued once through the transactional outbox to the people concerned.

use chrono::{Duration, Utc};
use serde_json::{json, Value};
use tidings::domain::{ContactId, Event, EventKind};

use crate::campaigns::{mail_config, Api};
use crate::helpers::{spawn_app_with, NEW_PASSWORD};
use crate::smtp_sink::{SinkOptions, SmtpSink};

#[test]
fn a_breach_is_counted_drafted_notified_and_its_notice_queued() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    api.list("Other");
    let ann = api.contact("ann@example.org", &["news"], &[], true);
    api.contact("bob@example.org", &["news"], &[], true);
    api.contact("carol@example.org", &["other"], &[], true);
    let admin = app.admin_token(&["manage_settings"]);
    let r = app
        .client()
        .put(format!("{}/api/v1/settings", app.url))
        .bearer_auth(admin)
        .json(&json!({"organisation": "Shoe Shop", "postal_address": "1 Main St", "dpo_contact": "DPO <dpo@shop.example>", "login_notice": ""}))
        .send()
        .unwrap();
    assert!(r.status().is_success());
    let ann_id: ContactId = ann.parse().unwrap();
    let e = Event::new(EventKind::PageView, Utc::now() - Duration::hours(1), "api");
    app.state
        .tracking
        .record_durable_blocking(vec![tidings::tracking::Record { contact: Some(ann_id), event: e, link: None }])
        .unwrap();
    // Someone exports the contacts during the window.
    let exporter = app.admin_token(&["view_contacts", "view_personal_data"]);
    let r = app
        .client()
        .get(format!("{}/api/v1/contacts/export?format=csv", app.url))
        .bearer_auth(&exporter)
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    // Read to the end: the export is audited when its streamed body ends.
    assert!(r.text().unwrap().contains("email"));

    let dpo = app.admin_token(&["manage_gdpr"]);
    let call = |method: reqwest::Method, path: &str, body: Option<Value>| -> (u16, Value) {
        let mut r = app.client().request(method, format!("{}/api/v1{path}", app.url)).bearer_auth(&dpo);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let r = r.send().unwrap();
        (r.status().as_u16(), r.json().unwrap_or(Value::Null))
    };
    let discovered = Utc::now() - Duration::hours(80);
    let start = Utc::now() - Duration::hours(100);
    let good = json!({"discovered_at": discovered, "window_start": start, "window_end": Utc::now(),
                      "affected": ["contacts", "events"], "list": "news",
                      "description": "A copy of the contact list was sent to a wrong recipient."});
    for (patch, field) in [
        (json!({"affected": []}), "affected"),
        (json!({"affected": ["mailboxes"]}), "affected"),
        (json!({"window_end": start - Duration::hours(1)}), "window_end"),
        (json!({"discovered_at": Utc::now() + Duration::days(1)}), "discovered_at"),
        (json!({"list": "nope"}), "list"),
        (json!({"description": "  "}), "description"),
    ] {
        let mut body = good.clone();
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (s, v) = call(reqwest::Method::POST, "/breaches", Some(body));
        assert_eq!((s, v["field"].as_str()), (422, Some(field)), "{v}");
    }
    let (s, b) = call(reqwest::Method::POST, "/breaches", Some(good));
    assert_eq!(s, 201, "{b}");
    let id = b["id"].as_str().unwrap().to_string();
    let a = &b["assessment"];
    assert_eq!(
        (a["contacts"].as_u64(), a["events"].as_u64(), a["event_subjects"].as_u64()),
        (Some(2), Some(1), Some(1)),
        "{a}"
    );
    assert_eq!(
        (a["subjects"].as_u64(), a["records"].as_u64(), a["reachable"].as_u64()),
        (Some(2), Some(3), Some(2)),
        "{a}"
    );
    assert!(a["categories"].as_array().unwrap().iter().any(|c| c == "contact details"), "{a}");
    assert!(
        a["activity"].as_array().unwrap().iter().any(|l| l["action"] == "contacts.exported" && l["count"] == 1),
        "the export in the window: {a}"
    );
    assert_eq!(b["deadline"], "overdue", "discovered 80 hours ago: {b}");

    let (_, b) = call(reqwest::Method::GET, &format!("/breaches/{id}"), None);
    let draft = b["notification_draft"].as_str().unwrap();
    for needed in [
        "Art. 33",
        "Shoe Shop, 1 Main St",
        "Approximate number of data subjects concerned: 2",
        "Approximate number of personal data records concerned: 3",
        "DPO <dpo@shop.example>",
        "later than 72 hours",
        "1 × contacts.exported",
    ] {
        assert!(draft.contains(needed), "{needed:?} missing from:\n{draft}");
    }
    assert!(!draft.contains("ann@example.org"), "the draft names no one");

    // Notified late: only with the reasons for the delay.
    let (s, v) = call(reqwest::Method::PATCH, &format!("/breaches/{id}"), Some(json!({"reported": true})));
    assert_eq!((s, v["field"].as_str()), (422, Some("delay_reason")), "{v}");
    let (s, b) = call(
        reqwest::Method::PATCH,
        &format!("/breaches/{id}"),
        Some(
            json!({"reported": true, "delay_reason": "the recipient reported it only on Monday", "authority_reference": "DPA-2026-17"}),
        ),
    );
    assert_eq!(s, 200, "{b}");
    assert_eq!((b["deadline"].as_str(), b["reported_late"].as_bool()), (Some("reported"), Some(true)));

    // The notice: confirmed, queued once, delivered to the two people concerned.
    let (s, v) = call(reqwest::Method::POST, &format!("/breaches/{id}/notice"), Some(json!({})));
    assert_eq!((s, v["field"].as_str()), (422, Some("confirm")));
    let (s, v) = call(reqwest::Method::POST, &format!("/breaches/{id}/notice"), Some(json!({"confirm": "send"})));
    assert_eq!((s, v["recipients"].as_u64()), (202, Some(2)), "{v}");
    let got = sink.wait_for(2);
    let mut to: Vec<&str> = got.iter().map(|m| m.to[0].as_str()).collect();
    to.sort();
    assert_eq!(to, ["ann@example.org", "bob@example.org"]);
    let body = String::from_utf8_lossy(&got[0].data).replace("=\r\n", "");
    assert!(body.contains("security incident at Shoe Shop"), "{body}");
    let (s, _) = call(reqwest::Method::POST, &format!("/breaches/{id}/notice"), Some(json!({"confirm": "send"})));
    assert_eq!(s, 409, "once");

    let audit = app
        .state
        .audit
        .query(&tidings::audit::Filter { target: Some(format!("breach:{id}")), ..Default::default() }, 20)
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    for a in ["breach.recorded", "breach.changed", "breach.notice_queued"] {
        assert!(actions.contains(&a), "{a} not audited: {actions:?}");
    }
    let analyst = app.admin_token(&["view_contacts"]);
    let r = app.client().get(format!("{}/api/v1/breaches", app.url)).bearer_auth(analyst).send().unwrap();
    assert_eq!(r.status(), 403);

    // The pages: the list shows it, its page shows the draft and the history.
    let c = app.login_admin(NEW_PASSWORD);
    let list = app.get(&c, "/breaches").text().unwrap();
    assert!(list.contains(&format!("/breaches/{id}")) && list.contains("notified"), "{list}");
    let page = app.get(&c, &format!("/breaches/{id}")).text().unwrap();
    assert!(page.contains("Draft notification to the supervisory authority") && page.contains("DPA-2026-17"), "{page}");
    let r = app.post_form(
        &c,
        "/breaches",
        "/breaches",
        &[("discovered_at", "2026-01-01T10:00"), ("window_start", ""), ("affected", "all"), ("description", "x")],
    );
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("aria-invalid=\"true\" aria-describedby=\"breach-error\""));

    // A breach discovered just now: its 72 hours show on the dashboard, counting down.
    let (s, fresh) = call(
        reqwest::Method::POST,
        "/breaches",
        Some(
            json!({"discovered_at": Utc::now(), "window_start": Utc::now() - Duration::hours(2), "affected": ["users"],
                    "description": "An admin password was phished."}),
        ),
    );
    assert_eq!((s, fresh["deadline"].as_str()), (201, Some("running")), "{fresh}");
    let dash = app.get(&c, "/").text().unwrap();
    let block = &dash[dash.find("id=\"privacy-due\"").expect("the privacy block")..];
    let fresh_id = fresh["id"].as_str().unwrap();
    assert!(block.contains(&format!("/breaches/{fresh_id}")) && block.contains("data-countdown"), "{block}");
    assert!(!block.contains(&format!("/breaches/{id}")), "a notified breach is not pending");

    // The notice's subject is every notice's Subject header: a control character in it is
    // refused where it is typed, the field named, nothing saved, the typed text kept.
    for (bad, code) in [('\u{85}', "U+0085"), ('\n', "U+000A"), ('\t', "U+0009")] {
        let subject = format!("Important{bad}notice");
        let (s, v) =
            call(reqwest::Method::PATCH, &format!("/breaches/{fresh_id}"), Some(json!({ "notice_subject": subject })));
        assert_eq!((s, v["field"].as_str()), (422, Some("notice_subject")), "{code}: {v}");
        assert!(v["message"].as_str().unwrap().contains(code), "{v}");
    }
    let at = format!("/breaches/{fresh_id}");
    let r = app.post_form(
        &c,
        &at,
        &at,
        &[("notice_subject", "Important\u{0}notice"), ("notice_body", "Typed, not saved 0815")],
    );
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("U+0000") && page.contains("Typed, not saved 0815"), "the field named, the text kept");
    let input = &page[page.find("id=\"notice_subject\"").unwrap()..];
    assert!(input[..input.find('>').unwrap()].contains("aria-invalid=\"true\""), "the field is marked");
    let (_, v) = call(reqwest::Method::GET, &format!("/breaches/{fresh_id}"), None);
    assert!(!v["notice_subject"].as_str().unwrap().contains('\u{0}'), "nothing saved: {v}");
    assert!(!v["notice_body"].as_str().unwrap().contains("0815"), "nothing saved: {v}");
}

/// The notice in the languages of the people concerned (issue 20): versions per language are
/// checked like the notice's own text (a language Tidings does not ship, an empty or
/// over-long subject or text, a header break, an address of a contact: each refused with its
/// field named, nothing stored), removed again, and frozen once the notice is queued. A German,
/// a French and an Italian contact are notified over a real SMTP relay: each gets the version in
/// their language, with the footer and `Content-Language` in it; the Italian, for whom there is
/// none, the notice's own text.
#[test]
fn the_notice_goes_out_in_each_person_s_language() {
    use tidings::i18n::catalogue;
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    let people = [("dora@example.de", "de-AT"), ("fleur@example.fr", "fr"), ("ivo@example.it", "it")];
    for (email, locale) in people {
        let id = api.contact(email, &["news"], &[], true);
        api.ok("PATCH", &format!("/contacts/{id}"), Some(json!({ "locale": locale })));
    }
    let dpo = app.admin_token(&["manage_gdpr"]);
    let call = |method: &str, path: &str, body: Option<Value>| -> (u16, Value) {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut r = app.client().request(method, format!("{}/api/v1{path}", app.url)).bearer_auth(&dpo);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let r = r.send().unwrap();
        (r.status().as_u16(), r.json().unwrap_or(Value::Null))
    };
    let ok = |method: &str, path: &str, body: Option<Value>| -> Value {
        let (s, v) = call(method, path, body);
        assert!((200..300).contains(&s), "{method} {path}: {s} {v}");
        v
    };
    let (s, b) = call(
        "POST",
        "/breaches",
        Some(json!({"discovered_at": Utc::now() - Duration::hours(2), "window_start": Utc::now() - Duration::days(1),
                    "window_end": Utc::now(), "affected": ["contacts"], "list": "news",
                    "description": "A backup of the mailing list was readable from the internet."})),
    );
    assert_eq!(s, 201, "{b}");
    let id = b["id"].as_str().unwrap().to_string();
    // The notice's own text, from the page's form with a browser's line breaks (CRLF).
    let c = app.login_admin(NEW_PASSWORD);
    let page_at = format!("/breaches/{id}");
    let r = app.post_form(
        &c,
        &page_at,
        &page_at,
        &[("notice_subject", "About your data"), ("notice_body", "Hello,\r\n\r\nour own words for everyone.")],
    );
    assert_eq!(r.status(), 303);
    let at = |lang: &str| format!("/breaches/{id}/notice/{lang}");
    let de = json!({"subject": "Ihre Daten: ein Sicherheitsvorfall", "body": "Guten Tag,\n\nwir informieren Sie über einen Vorfall."});
    let fr = json!({"subject": "Vos données : un incident", "body": "Bonjour,\n\nnous vous informons d’un incident."});

    // Refused with the field named; nothing stored.
    let long_subject = "x".repeat(201);
    let long_body = "x".repeat(10_001);
    for (lang, body, field) in [
        ("xx", de.clone(), "language"),
        ("de", json!({"subject": "", "body": "Guten Tag"}), "subject"),
        ("de", json!({"body": "Guten Tag"}), "subject"),
        ("de", json!({"subject": "Betreff", "body": "  "}), "body"),
        ("de", json!({"subject": "Ihre\nDaten", "body": "Guten Tag"}), "subject"),
        ("de", json!({"subject": long_subject, "body": "Guten Tag"}), "subject"),
        ("de", json!({"subject": "Betreff", "body": long_body}), "body"),
        ("de", json!({"subject": "Betreff", "body": "Betroffen ist dora@example.de."}), "body"),
    ] {
        let (s, v) = call("PUT", &at(lang), Some(body));
        assert_eq!((s, v["field"].as_str()), (422, Some(field)), "{lang}: {v}");
    }
    let (s, v) = call("GET", &format!("/breaches/{id}"), None);
    assert_eq!((s, v["notice_versions"].clone()), (200, json!({})), "nothing stored: {v}");

    // Added, replaced, removed.
    let v = ok("PUT", &at("de"), Some(json!({"subject": "Entwurf", "body": "Entwurf"})));
    assert_eq!(v["notice_versions"]["de"]["subject"], "Entwurf");
    let v = ok("PUT", &at("de"), Some(de.clone()));
    assert_eq!(v["notice_versions"]["de"], de);
    ok("PUT", &at("fr"), Some(fr.clone()));
    ok("PUT", &at("it"), Some(json!({"subject": "Oggetto", "body": "Testo"})));
    let v = ok("DELETE", &at("it"), None);
    assert_eq!(v["notice_versions"].as_object().unwrap().keys().collect::<Vec<_>>(), ["de", "fr"], "{v}");
    assert_eq!(call("DELETE", &at("it"), None).0, 404, "no Italian version any more");
    assert_eq!(call("DELETE", &at("tlh"), None).1["field"], "language");

    // The page shows each version, and a refused one comes back as typed, its field marked.
    let page = app.get(&c, &format!("/breaches/{id}")).text().unwrap();
    assert!(page.contains("value=\"Ihre Daten: ein Sicherheitsvorfall\"") && page.contains("nous vous informons"));
    let r = app.post_form(&c, &page_at, &at("de"), &[("subject", "Getippt 4711"), ("body", "")]);
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    let body = &page[page.find("id=\"notice-de-body\"").unwrap()..];
    assert!(body[..body.find('>').unwrap()].contains("aria-invalid=\"true\""), "the field is marked");
    assert!(page.contains("value=\"Getippt 4711\""), "what was typed is kept");
    assert_eq!(ok("GET", &format!("/breaches/{id}"), None)["notice_versions"]["de"], de, "nothing saved");
    // From the page's form, with a browser's line breaks: the paragraphs stay paragraphs.
    let r = app.post_form(
        &c,
        &page_at,
        &at("de"),
        &[
            ("subject", de["subject"].as_str().unwrap()),
            ("body", "Guten Tag,\r\n\r\nwir informieren Sie über einen Vorfall."),
        ],
    );
    assert_eq!(r.status(), 303);
    assert_eq!(ok("GET", &format!("/breaches/{id}"), None)["notice_versions"]["de"], de);

    let (s, v) = call("POST", &format!("/breaches/{id}/notice"), Some(json!({"confirm": "send"})));
    assert_eq!((s, v["recipients"].as_u64()), (202, Some(3)), "{v}");
    let got = sink.wait_for(3);
    assert_eq!(got.len(), 3);
    let mail = |who: &str| {
        let m = got.iter().find(|m| m.to[0] == who).unwrap_or_else(|| panic!("{who} got nothing"));
        let parsed = mail_parser::MessageParser::default().parse(&m.data).unwrap();
        let text = parsed.body_text(0).unwrap().replace("\r\n", "\n");
        let html = parsed.body_html(0).unwrap().to_string();
        (parsed.subject().unwrap_or_default().to_string(), crate::campaigns::header(m, "Content-Language"), text, html)
    };
    let footer = |code: &str| format!(">{}</a>", catalogue().get(code).text("mail-footer-privacy", None));
    for (who, code, version) in [("dora@example.de", "de", &de), ("fleur@example.fr", "fr", &fr)] {
        let (subject, language, text, html) = mail(who);
        assert_eq!(subject, version["subject"].as_str().unwrap(), "{who}");
        assert_eq!(language.as_deref(), Some(code), "{who}");
        let paragraph = version["body"].as_str().unwrap().split("\n\n").nth(1).unwrap();
        assert!(html.contains(&format!("<p>{paragraph}</p>")), "{who}: each paragraph its own: {html}");
        assert!(text.contains(paragraph) && !text.contains("our own words"), "{who}: {text}");
        assert!(html.contains(&footer(code)), "{who}: the footer in {code}: {html}");
    }
    let (subject, language, text, html) = mail("ivo@example.it");
    assert_eq!(subject, "About your data", "no Italian version: the notice's own text");
    assert_eq!(language.as_deref(), Some("en"), "in the shop's language, as before");
    assert!(html.contains("<p>our own words for everyone.</p>") && html.contains(&footer("en")), "{html}");
    assert!(text.contains("our own words for everyone"), "{text}");

    // Once queued, the versions are what was sent; the page says why it refuses.
    let (s, _) = call("PUT", &at("de"), Some(json!({"subject": "Neu", "body": "Neu"})));
    assert_eq!(s, 409);
    let r = app.post_form(&c, &page_at, &at("de"), &[("subject", "Neu"), ("body", "Neu")]);
    assert_eq!(r.status(), 409);
    assert!(r.text().unwrap().contains("id=\"action-error\""), "the refusal is shown");
    assert_eq!(call("DELETE", &at("fr"), None).0, 409);
    let audit = app
        .state
        .audit
        .query(&tidings::audit::Filter { action: Some("breach.notice_queued".into()), ..Default::default() }, 1)
        .unwrap();
    let languages = audit[0].details.iter().find(|(k, _)| k == "languages").map(|(_, v)| v.clone());
    assert_eq!(languages.as_deref(), Some("de:1,fr:1,own:1"), "{:?}", audit[0].details);
}
