//! Retention: a dry run changes nothing, a run removes exactly what the dry run counted (rule by
//! rule), restricted contacts and contacts with an open request stay, the audit log still
//! verifies from its signed anchor, and the API and the page answer with their rules.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use serde_json::{json, Value};
use tidings::domain::{ContactId, Event, EventKind};
use tidings::gdpr::retention::{self, RuleKey};
use tidings::ops::By;
use tidings::tracking::Record;

use crate::campaigns::Api;
use crate::helpers::{spawn_app_with, TestApp, NEW_PASSWORD};
use crate::tracking::contact_with;

const SHOP: &str = "https://shop.example";

/// Every tree's content (the store's own bookkeeping aside) and the
/// files waiting in the imports directory.
type Snapshot = (BTreeMap<String, Vec<(Vec<u8>, Vec<u8>)>>, Vec<String>);

fn snapshot(app: &TestApp) -> Snapshot {
    let db = app.state.store.db();
    let mut trees = BTreeMap::new();
    for name in db.tree_names() {
        let name = String::from_utf8_lossy(&name).into_owned();
        if name == "meta" {
            continue;
        }
        let t = db.open_tree(&name).unwrap();
        trees.insert(name, t.iter().map(|kv| kv.unwrap()).map(|(k, v)| (k.to_vec(), v.to_vec())).collect());
    }
    let mut files: Vec<String> = std::fs::read_dir(app.state.imports.dir())
        .map(|d| d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    files.sort();
    (trees, files)
}

fn record(app: &TestApp, contact: &str, kind: EventKind, ago: Duration) {
    let contact: ContactId = contact.parse().unwrap();
    let e = Event::new(kind, Utc::now() - ago, "api");
    app.state.tracking.record_durable_blocking(vec![Record { contact: Some(contact), event: e, link: None }]).unwrap();
}

#[test]
fn retention_dry_run_changes_nothing_and_the_run_removes_exactly_what_it_counted() {
    let app = spawn_app_with(|c| c.tracking.sites = vec![SHOP.into()]);
    let st = &app.state;
    let api = Api::new(&app);
    let dpo = app.admin_token(&["manage_gdpr", "view_contacts", "view_personal_data", "edit_contacts"]);
    let call = |method: reqwest::Method, path: &str, body: Option<Value>| -> (u16, Value) {
        let mut r = app.client().request(method, format!("{}/api/v1{path}", app.url)).bearer_auth(&dpo);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let r = r.send().unwrap();
        (r.status().as_u16(), r.json().unwrap_or(Value::Null))
    };
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement", "website_tracking"]);
    let bob = contact_with(&api, "bob@example.org", &["website_tracking"]);
    let carol = contact_with(&api, "carol@example.org", &[]);
    let dave = contact_with(&api, "dave@example.org", &[]);
    let erin = contact_with(&api, "erin@example.org", &[]);
    let gone = contact_with(&api, "gone@example.org", &[]);
    // Email and website events, an anonymous visitor.
    record(&app, &ann, EventKind::Open, Duration::days(1));
    record(&app, &ann, EventKind::Click, Duration::days(1));
    record(&app, &ann, EventKind::PageView, Duration::days(2));
    record(&app, &ann, EventKind::Order, Duration::days(2));
    record(&app, &bob, EventKind::PageView, Duration::hours(1));
    let r = app
        .client()
        .post(format!("{}/t/collect", app.url))
        .header("origin", SHOP)
        .header("content-type", "text/plain")
        .body(json!({"visitor": "00112233445566778899aabbccddeeff", "type": "page_view", "url": SHOP}).to_string())
        .send()
        .unwrap();
    assert_eq!(r.status(), 204);
    // Dave's processing is restricted; Erin has an open request: both stay, however inactive.
    assert_eq!(
        call(reqwest::Method::PUT, &format!("/contacts/{dave}/restriction"), Some(json!({"reason": "contested"}))).0,
        200
    );
    assert_eq!(call(reqwest::Method::POST, "/requests", Some(json!({"kind": "access", "contact_id": erin}))).0, 201);
    // A closed erasure request, and the tombstone it left.
    let (_, r) = call(reqwest::Method::POST, "/requests", Some(json!({"kind": "erasure", "contact_id": gone})));
    let rid = r["id"].as_str().unwrap().to_string();
    call(reqwest::Method::PATCH, &format!("/requests/{rid}"), Some(json!({"verification": "verified"})));
    let (s, v) = call(reqwest::Method::POST, &format!("/requests/{rid}/erase"), Some(json!({"confirm": "erase"})));
    assert_eq!(s, 200, "{v}");
    call(reqwest::Method::PATCH, &format!("/requests/{rid}"), Some(json!({"close": "done", "response": "Erased."})));
    // A sign-up nobody confirms, and an upload whose import never started.
    let form = api.ok(
        "POST",
        "/forms",
        Some(json!({"name": "F", "title": "News", "lists": ["news"], "purposes": ["newsletter"]})),
    );
    let form = form["form"]["id"].as_str().unwrap().to_string();
    let r = app
        .client()
        .post(format!("{}/f/{form}", app.url))
        .form(&[("email", "late@example.org"), ("consent", "newsletter:1")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    // The sign-up is recorded a moment after the answer (the public intake): wait for it.
    assert_eq!(tidings::intake::process_pending(st), 0);
    std::fs::create_dir_all(st.imports.dir()).unwrap();
    std::fs::write(st.imports.dir().join("0190abcd.upload.csv"), "email\nsomeone@example.org\n").unwrap();
    std::fs::write(st.imports.dir().join("0190abcd.upload.json"), "{}").unwrap();
    // The periods: inactive contacts after 30 days (deleted), requests 30 days, audit a year.
    let (s, v) = call(reqwest::Method::PUT, "/retention/policy", Some(json!({"audit_days": 10})));
    assert_eq!((s, v["field"].as_str()), (422, Some("audit_days")), "{v}");
    let (s, v) = call(reqwest::Method::PUT, "/retention/policy", Some(json!({"inactive_action": "shred"})));
    assert_eq!((s, v["field"].as_str()), (422, Some("inactive_action")), "{v}");
    let (s, v) = call(
        reqwest::Method::PUT,
        "/retention/policy",
        Some(json!({"inactive_days": 30, "inactive_action": "delete", "closed_request_days": 30, "audit_days": 365})),
    );
    assert_eq!(s, 200, "{v}");
    st.store.commit().unwrap();
    assert!(st.search.wait_for(st.contacts.last_logged().unwrap()));

    // Today nothing is past its period; 400 days from now everything is.
    let today = retention::dry_run(st, By::cli(), Utc::now()).unwrap();
    assert_eq!(today.total(), 0, "{}", today.summary());
    let later = Utc::now() + Duration::days(400);
    let before = snapshot(&app);
    let dry = retention::dry_run(st, By::cli(), later).unwrap();
    assert_eq!(snapshot(&app), before, "the dry run changed something");
    let expected = [
        (RuleKey::EmailEvents, 2),
        (RuleKey::WebsiteEvents, 3),
        (RuleKey::WebsiteVisitors, 1),
        (RuleKey::InactiveContacts, 3),
        (RuleKey::UnconfirmedSignUps, 1),
        (RuleKey::ImportUploads, 1),
        (RuleKey::ClosedRequests, 1),
        (RuleKey::Tombstones, 1),
    ];
    for (key, n) in expected {
        assert_eq!(dry.count(key), n, "{key:?}: {}", dry.summary());
    }
    let audit_before = st.audit.len() as u64;
    assert_eq!(dry.count(RuleKey::AuditEntries), audit_before - 1, "all but the newest entry");

    let done = retention::run(st, By::cli(), later).unwrap();
    for r in &dry.rules {
        assert_eq!(done.count(r.key), r.count, "{:?}: dry run {} / run {}", r.key, dry.summary(), done.summary());
    }
    // What was counted is gone, and nothing else.
    for id in [&ann, &bob, &carol] {
        assert!(st.contacts.get(&id.parse().unwrap()).unwrap().is_none(), "{id} is inactive");
    }
    for id in [&dave, &erin] {
        assert!(st.contacts.get(&id.parse().unwrap()).unwrap().is_some(), "{id} must stay");
    }
    let late = tidings::domain::EmailAddress::parse("late@example.org").unwrap();
    assert!(st.contacts.find_by_email(&late).unwrap().is_none());
    assert_eq!(st.store.tree(tidings::tracking::store::BY_TIME).unwrap().len(), 0);
    assert!(
        !st.imports.dir().join("0190abcd.upload.csv").exists()
            && !st.imports.dir().join("0190abcd.upload.json").exists()
    );
    assert!(st.gdpr.requests.get(&rid.parse().unwrap()).unwrap().is_none());
    assert!(!st.contacts.is_suppressed(&tidings::domain::EmailAddress::parse("gone@example.org").unwrap()).unwrap());
    // The audit log starts at its anchor and still verifies; the run's report is its newest entry.
    assert_eq!(st.audit.verify().unwrap(), tidings::audit::Verification::Intact { entries: st.audit.len() as u64 });
    let anchor = st.audit.anchor().unwrap().expect("an anchor");
    assert_eq!(anchor.removed, audit_before - 1);
    let last = st.audit.query(&tidings::audit::Filter::default(), 1).unwrap().remove(0);
    assert_eq!(last.action, "retention.run");
    assert!(last.details.iter().any(|(k, v)| k == "inactive_contacts" && v == "3"), "{:?}", last.details);
    // Nothing left past its period but the entries the run itself wrote.
    let again = retention::dry_run(st, By::cli(), later).unwrap();
    assert_eq!(again.total(), again.count(RuleKey::AuditEntries), "{}", again.summary());
    // A forged anchor is caught.
    let meta = st.store.tree("meta").unwrap();
    let signed = meta.insert("audit_anchor", vec![0u8; 88]).unwrap().unwrap();
    assert!(matches!(st.audit.verify().unwrap(), tidings::audit::Verification::Broken { .. }));
    meta.insert("audit_anchor", signed).unwrap();

    // The API: dry run and run for the DPO, not for others; the page shows the rules.
    let (s, v) = call(reqwest::Method::GET, "/retention/dry-run", None);
    assert_eq!((s, v["dry_run"].as_bool(), v["rules"].as_array().map(Vec::len)), (200, Some(true), Some(11)), "{v}");
    let analyst = app.admin_token(&["view_contacts"]);
    let r = app.client().get(format!("{}/api/v1/retention/dry-run", app.url)).bearer_auth(analyst).send().unwrap();
    assert_eq!(r.status(), 403);
    let c = app.login_admin(NEW_PASSWORD);
    let page = app.get(&c, "/retention?dry_run=1").text().unwrap();
    assert!(page.contains("Dry run: nothing was changed") && page.contains("Inactive contacts"), "{page}");
    let r = app.post_form(&c, "/retention", "/retention/run", &[]);
    assert_eq!(r.status(), 303);
    let page = app.get(&c, "/retention?ok=retention_ran").text().unwrap();
    assert!(page.contains("id=\"last-run\""), "{page}");
}

/// A consent purpose's period is a rule, not a sentence: a contact whose every consent ended
/// goes once the longest period of the purposes they had agreed to has passed since, and the
/// records of processing say exactly that.
#[test]
fn a_contact_whose_consent_ended_goes_after_the_purposes_period() {
    let app = spawn_app_with(|_| {});
    let api = Api::new(&app);
    let gone = contact_with(&api, "ended@example.org", &["newsletter"]);
    let kept = contact_with(&api, "still@example.org", &["newsletter"]);
    let contract =
        api.ok("POST", "/contacts", Some(json!({"email": "customer@example.org"})))["id"].as_str().unwrap().to_string();
    api.ok(
        "POST",
        &format!("/contacts/{gone}/consents"),
        Some(json!({"purpose": "newsletter", "granted": false, "note": "asked by phone"})),
    );
    let by = By::cli();
    let days = app.state.purposes.get("newsletter").unwrap().unwrap().retention_days as i64;
    let before = Utc::now() + Duration::days(days - 5);
    let after = Utc::now() + Duration::days(days + 5);
    assert_eq!(retention::dry_run(&app.state, by, before).unwrap().count(RuleKey::ConsentEnded), 0);
    assert_eq!(retention::dry_run(&app.state, by, after).unwrap().count(RuleKey::ConsentEnded), 1);
    let report = retention::run(&app.state, by, after).unwrap();
    assert_eq!(report.count(RuleKey::ConsentEnded), 1);
    let exists = |id: &str| app.state.contacts.get(&id.parse::<ContactId>().unwrap()).unwrap().is_some();
    assert!(!exists(&gone), "the contact whose consent ended is gone");
    assert!(exists(&kept) && exists(&contract), "a current consent, or none ever asked, is not this rule's");

    let dpo = app.admin_token(&["manage_gdpr"]);
    let records: Value = app
        .client()
        .get(format!("{}/api/v1/records-of-processing", app.url))
        .bearer_auth(dpo)
        .send()
        .unwrap()
        .json()
        .unwrap();
    let newsletter = records["purposes"].as_array().unwrap().iter().find(|p| p["key"] == "newsletter").unwrap();
    assert!(
        newsletter["retention"].as_str().unwrap().contains(&format!("{days} days after the consent ends")),
        "{newsletter}"
    );
}

/// The transactional purpose's period is enforced: a delivered message older than it goes
/// (data, delivery state and idempotency key), counted first by the dry run; a newer one stays;
/// the records of processing say so.
#[test]
fn transactional_messages_go_after_their_purpose_period() {
    use crate::smtp_sink::{SinkOptions, SmtpSink};
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| crate::campaigns::mail_config(c, sink.port()));
    let api = Api::new(&app);
    let st = &app.state;
    api.ok(
        "POST",
        "/templates",
        Some(json!({"key": "receipt", "subject": "Receipt", "body": "Order {{ data.order }}"})),
    );
    let send = |order: &str| -> String {
        let body = json!({"template": "receipt", "to": "buyer@example.org", "data": {"order": order}, "idempotency_key": order});
        let (status, v) = api.call("POST", "/messages", Some(body));
        assert_eq!(status, 202, "{v}");
        v["id"].as_str().unwrap().to_string()
    };
    let old = send("A-1");
    sink.wait_for(1);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while api.ok("GET", &format!("/messages/{old}"), None)["state"] != "sent" {
        assert!(std::time::Instant::now() < deadline, "the message was not sent");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let days = st.purposes.get(retention::TRANSACTIONAL).unwrap().unwrap().retention_days;
    assert_eq!(days, 3650, "ten years by default");
    let records = app.get(&app.login_admin(NEW_PASSWORD), "/records").text().unwrap();
    assert!(records.contains("Transactional messages (the template and the data merged into it"), "{records}");

    // Ten years and a day later, one more message arrives (it is not delivered yet: it stays).
    let later = Utc::now() + Duration::days(i64::from(days) + 1);
    let dry = retention::dry_run(st, By::cli(), later).unwrap();
    assert_eq!(dry.count(RuleKey::TransactionalMessages), 1, "{:?}", dry.rules);
    let done = retention::run(st, By::cli(), later).unwrap();
    assert_eq!(done.count(RuleKey::TransactionalMessages), 1);
    let (status, _) = api.call("GET", &format!("/messages/{old}"), None);
    assert_eq!(status, 404, "the message and its data are gone");
    let contact = st.contacts.find_by_email(&tidings::domain::EmailAddress::parse("buyer@example.org").unwrap());
    let contact = contact.unwrap().unwrap();
    assert!(st.sending.outbox.messages_of(&contact.id).unwrap().is_empty());
    // The idempotency key went with it: the same key makes a new message.
    let again = send("A-1");
    assert_ne!(again, old);
    let dry = retention::dry_run(st, By::cli(), Utc::now()).unwrap();
    assert_eq!(dry.count(RuleKey::TransactionalMessages), 0, "a message within its period stays");
}
