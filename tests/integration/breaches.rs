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
