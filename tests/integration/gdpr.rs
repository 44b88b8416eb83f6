//! Data-subject requests through the API: the register and its deadlines, the access archive,
//! restriction honoured by sending and exports, withdrawal, and erasure.

use std::io::Read;
use std::time::Duration;

use serde_json::{json, Value};

use crate::campaigns::{mail_config, Api};
use crate::helpers::{spawn_app_with, TestApp};
use crate::smtp_sink::{SinkOptions, SmtpSink};
use crate::tracking::contact_with;

pub struct Dpo<'a> {
    app: &'a TestApp,
    token: String,
}

impl Dpo<'_> {
    pub fn new(app: &TestApp) -> Dpo<'_> {
        Dpo { app, token: app.admin_token(&["manage_gdpr", "view_personal_data", "view_contacts", "edit_contacts"]) }
    }

    pub fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> reqwest::blocking::Response {
        let mut r =
            self.app.client().request(method, format!("{}/api/v1{path}", self.app.url)).bearer_auth(&self.token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        r.send().unwrap()
    }

    fn json(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let r = self.call(method, path, body);
        let status = r.status().as_u16();
        (status, r.json().unwrap_or(Value::Null))
    }

    pub fn ok(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let (s, v) = self.json(method.clone(), path, body);
        assert!((200..300).contains(&s), "{method} {path}: {s} {v}");
        v
    }
}

use reqwest::Method;

pub fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.insert(f.name().unwrap().to_string(), s);
    }
    out
}

#[test]
fn requests_have_deadlines_and_the_access_archive_holds_everything() {
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);
    let dpo = Dpo::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    let (s, v) = dpo.json(Method::POST, "/requests", Some(json!({"kind": "teleport", "email": "ann@example.org"})));
    assert_eq!((s, v["field"].as_str()), (422, Some("kind")), "{v}");
    let received = chrono::Utc::now() - chrono::Duration::days(25);
    let r = dpo.ok(
        Method::POST,
        "/requests",
        Some(json!({"kind": "access", "channel": "letter", "email": "Ann@Example.org", "received_at": received,
                    "message": "Please send me everything you hold about me."})),
    );
    let id = r["id"].as_str().unwrap().to_string();
    assert_eq!(r["contact_id"].as_str(), Some(ann.as_str()), "matched by normalised address");
    assert_eq!(r["urgency"], "nearly_due", "{r}");
    assert_eq!(r["verification"], "pending");
    // Nothing is handed over before the requester is verified.
    let resp = dpo.call(Method::POST, &format!("/requests/{id}/archive"), None);
    assert_eq!(resp.status(), 409);
    let (s, v) = dpo.json(Method::PATCH, &format!("/requests/{id}"), Some(json!({"extend_months": 2})));
    assert_eq!((s, v["field"].as_str()), (422, Some("extension_reason")), "{v}");
    let r = dpo.ok(
        Method::PATCH,
        &format!("/requests/{id}"),
        Some(json!({"verification": "verified", "extend_months": 2, "extension_reason": "many records to collect"})),
    );
    assert_eq!(r["urgency"], "on_time", "{r}");
    let (s, v) = dpo.json(
        Method::PATCH,
        &format!("/requests/{id}"),
        Some(json!({"extend_months": 2, "extension_reason": "again"})),
    );
    assert_eq!((s, v["field"].as_str()), (422, Some("extend_months")), "three months at most: {v}");

    let resp = dpo.call(Method::POST, &format!("/requests/{id}/archive"), None);
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/zip");
    let files = unzip(&resp.bytes().unwrap());
    for f in ["README.txt", "data.json", "summary.html", "csv/contacts.csv", "csv/consents.csv", "csv/dsr_requests.csv"]
    {
        assert!(files.contains_key(f), "{f} missing from {:?}", files.keys().collect::<Vec<_>>());
    }
    let data: Value = serde_json::from_str(&files["data.json"]).unwrap();
    assert_eq!(data["stores"]["contacts"][0]["email"], "ann@example.org");
    assert_eq!(data["stores"]["consents"].as_array().unwrap().len(), 2);
    assert!(data["wordings"]["newsletter/1"].as_str().unwrap().contains("newsletter"), "{}", data["wordings"]);
    assert!(data["stores"]["dsr_details"][0]["message"].as_str().unwrap().contains("everything"));
    assert!(data["purposes"].as_array().unwrap().iter().any(|p| p["key"] == "engagement"));
    let html = &files["summary.html"];
    assert!(html.contains("ann@example.org") && html.contains("Email engagement measurement"), "{html}");
    assert!(html.contains("Art. 77") && html.contains("365 days"));
    assert!(files["csv/contacts.csv"].contains("ann@example.org"));

    let r =
        dpo.ok(Method::PATCH, &format!("/requests/{id}"), Some(json!({"close": "done", "response": "Sent by post."})));
    assert_eq!(r["state"], "done");
    let steps: Vec<&str> = r["steps"].as_array().unwrap().iter().filter_map(|s| s["what"].as_str()).collect();
    assert!(steps.iter().any(|s| s.starts_with("archive produced")), "{steps:?}");
    // Analysts cannot see the register.
    let analyst = app.admin_token(&["view_contacts"]);
    let r = app.client().get(format!("{}/api/v1/requests", app.url)).bearer_auth(analyst).send().unwrap();
    assert_eq!(r.status(), 403);
}

/// The archive's readable page speaks to the person: labels instead of keys, list and purpose
/// names, yes/no, and moments in their own time zone to the second.
#[test]
fn the_archive_summary_shows_labels_names_yes_no_and_local_times() {
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);
    let dpo = Dpo::new(&app);
    api.list("News");
    tidings::contacts::ops::create_field(
        &app.state,
        tidings::ops::By::cli(),
        "vip",
        "VIP customer",
        "boolean",
        vec![],
        None,
    )
    .unwrap();
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    api.ok("PATCH", &format!("/contacts/{ann}"), Some(json!({"custom": {"vip": true}, "time_zone": "Europe/Berlin"})));
    let r = dpo.ok(Method::POST, "/requests", Some(json!({"kind": "access", "email": "ann@example.org"})));
    let id = r["id"].as_str().unwrap().to_string();
    dpo.ok(Method::PATCH, &format!("/requests/{id}"), Some(json!({"verification": "verified"})));
    let resp = dpo.call(Method::POST, &format!("/requests/{id}/archive"), None);
    assert_eq!(resp.status(), 200);
    let html = unzip(&resp.bytes().unwrap()).remove("summary.html").unwrap();
    for (what, needle) in [
        ("a label, not a key", r#"<th scope="row">Email address</th><td>ann@example.org</td>"#),
        ("a custom field's label and yes", r#"<th scope="row">VIP customer</th><td>yes</td>"#),
        ("the list's name", r#"<th scope="row">Lists</th><td>News</td>"#),
        ("the status in words", r#"<th scope="row">Subscription</th><td>subscribed</td>"#),
        ("the purpose's name", "<td>Newsletter email</td><td>given</td>"),
    ] {
        assert!(html.contains(needle), "{what}: {needle}\n{html}");
    }
    let local = regex::Regex::new(r"<td>\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}:\d{2} CES?T</td>").unwrap();
    assert!(local.is_match(&html), "times in the person's zone, to the second:\n{html}");
    for raw in ["created_at", "custom", "source_ref", "+00:00", "T0", "T1", "T2"] {
        assert!(!html.contains(&format!(">{raw}")) && !html.contains(&format!("{raw}<")), "raw {raw}:\n{html}");
    }
}

#[test]
fn restriction_stops_sending_tracking_and_export_and_erasure_leaves_a_tombstone() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    let dpo = Dpo::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let bob = contact_with(&api, "bob@example.org", &["newsletter"]);
    let (s, _) = dpo.json(Method::PUT, &format!("/contacts/{bob}/restriction"), Some(json!({"reason": ""})));
    assert_eq!(s, 422);
    dpo.ok(Method::PUT, &format!("/contacts/{bob}/restriction"), Some(json!({"reason": "accuracy contested"})));
    let v =
        api.ok("POST", "/campaigns", Some(json!({"name": "N", "subject": "S", "body": "Hello", "lists": ["news"]})));
    let cid = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{cid}/send"), None);
    let done = api.wait_state(&cid, "sent", Duration::from_secs(20));
    assert_eq!(done["progress"]["sent"], 1, "{done}");
    let got = sink.wait_for(1);
    assert_eq!(got.iter().map(|m| m.to[0].as_str()).collect::<Vec<_>>(), ["ann@example.org"]);
    let csv = dpo.call(Method::GET, "/contacts/export?format=csv", None).text().unwrap();
    assert!(csv.contains("ann@example.org") && !csv.contains("bob@example.org"), "{csv}");
    dpo.ok(Method::DELETE, &format!("/contacts/{bob}/restriction"), None);
    let csv = dpo.call(Method::GET, "/contacts/export?format=csv", None).text().unwrap();
    assert!(csv.contains("bob@example.org"));

    // Objection: every marketing purpose withdrawn in the ledger.
    let r =
        dpo.ok(Method::POST, "/requests", Some(json!({"kind": "objection", "contact_id": bob, "channel": "email"})));
    let oid = r["id"].as_str().unwrap().to_string();
    dpo.ok(Method::PATCH, &format!("/requests/{oid}"), Some(json!({"verification": "verified"})));
    let v = dpo.ok(Method::POST, &format!("/requests/{oid}/withdraw"), Some(json!({})));
    let withdrawn: Vec<&str> = v["withdrawn"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(withdrawn.contains(&"newsletter") && !withdrawn.contains(&"transactional"), "{withdrawn:?}");
    let c = api.ok("GET", &format!("/contacts/{bob}"), None);
    assert_eq!(c["consents"]["newsletter"]["state"], "withdrawn", "{c}");

    // Erasure: refused until verified and confirmed; then nothing answers for her.
    let r = dpo.ok(Method::POST, "/requests", Some(json!({"kind": "erasure", "email": "ann@example.org"})));
    let eid = r["id"].as_str().unwrap().to_string();
    let (s, _) = dpo.json(Method::POST, &format!("/requests/{eid}/erase"), Some(json!({"confirm": "erase"})));
    assert_eq!(s, 409, "not verified yet");
    dpo.ok(Method::PATCH, &format!("/requests/{eid}"), Some(json!({"verification": "verified"})));
    let (s, v) = dpo.json(Method::POST, &format!("/requests/{eid}/erase"), Some(json!({})));
    assert_eq!((s, v["field"].as_str()), (422, Some("confirm")));
    let v = dpo.ok(Method::POST, &format!("/requests/{eid}/erase"), Some(json!({"confirm": "erase"})));
    assert!(v["records_removed"].as_u64().unwrap() >= 3, "{v}");
    let (s, _) = api.call("GET", &format!("/contacts/{ann}"), None);
    assert_eq!(s, 404);
    let found = api.ok("GET", "/contacts?q=ann", None);
    assert!(!found.to_string().contains("ann@example.org"), "{found}");
    let r = dpo.ok(Method::GET, &format!("/requests/{eid}"), None);
    assert_eq!((r["contact_id"].clone(), r["subject_erased"].clone()), (Value::Null, json!(true)), "{r}");
    assert!(r["steps"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["what"].as_str().unwrap().starts_with("erasure carried out")));
    assert!(!r.to_string().contains(&ann), "the register no longer names her");
    // The tombstone refuses her address without fresh consent.
    let (s, v) = api.call("POST", "/contacts", Some(json!({"email": "ann@example.org"})));
    assert!((400..500).contains(&s), "{s} {v}");
    // Tombstones expire with retention (gdpr.tombstone_days); none is younger than a year here.
    let msg = tidings::jobs::retention(&app.state).unwrap();
    assert!(msg.contains("0 tombstones"), "{msg}");
    let expired = app.state.contacts.expire_suppression(chrono::Utc::now() + chrono::Duration::days(1)).unwrap();
    assert_eq!(expired, 1);
    let (s, v) = api.call("POST", "/contacts", Some(json!({"email": "ann@example.org"})));
    assert_eq!(s, 201, "after its tombstone expired the address may come back: {v}");
}

#[test]
fn the_dpo_works_a_request_in_the_ui_and_erasure_asks_for_the_password() {
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let c = app.login_admin("a long new password 1");
    let r = app.get(&c, "/requests").text().unwrap();
    assert!(r.contains("No open requests"), "empty state");
    let dash = app.get(&c, "/").text().unwrap();
    assert!(dash.contains("No privacy request is overdue"), "the dashboard's empty privacy block");
    let old = (chrono::Utc::now() - chrono::Duration::days(40)).format("%Y-%m-%d").to_string();
    let r = app.post_form(
        &c,
        "/requests",
        "/requests",
        &[
            ("kind", "erasure"),
            ("channel", "letter"),
            ("email", "ann@example.org"),
            ("received_on", &old),
            ("message", "Delete me <b>now</b>"),
        ],
    );
    assert_eq!(r.status(), 303);
    let page_url = crate::helpers::location(&r);
    let id = page_url.trim_start_matches("/requests/").split('?').next().unwrap().to_string();
    let list = app.get(&c, "/requests").text().unwrap();
    assert!(list.contains("overdue") && list.contains("Erasure (Art. 17)"), "{list}");
    // The dashboard lists it among the privacy deadlines, linked.
    let dash = app.get(&c, "/").text().unwrap();
    let block = &dash[dash.find("id=\"privacy-due\"").expect("the privacy block")..];
    assert!(block.contains(&format!("href=\"/requests/{id}\"")) && block.contains("overdue"), "{block}");
    let detail = app.get(&c, &format!("/requests/{id}")).text().unwrap();
    assert!(detail.contains("Delete me &lt;b&gt;now") && !detail.contains("<b>now"), "the message is shown escaped");
    assert!(detail.contains("First make sure the requester is who they say"), "no action before verification");
    let r = app.post_form(&c, &format!("/requests/{id}"), &format!("/requests/{id}"), &[("verification", "verified")]);
    assert_eq!(r.status(), 303);
    let r = app.post_form(&c, &format!("/requests/{id}"), &format!("/requests/{id}/erase"), &[("password", "wrong")]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("Nothing was erased"));
    assert_eq!(api.call("GET", &format!("/contacts/{ann}"), None).0, 200, "still there");
    let r = app.post_form(
        &c,
        &format!("/requests/{id}"),
        &format!("/requests/{id}/erase"),
        &[("password", "a long new password 1")],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    assert_eq!(api.call("GET", &format!("/contacts/{ann}"), None).0, 404);
    let detail = app.get(&c, &format!("/requests/{id}")).text().unwrap();
    assert!(detail.contains("Erased: no store holds them") && detail.contains("erasure carried out"), "{detail}");
    assert!(!detail.contains("ann@example.org") && !detail.contains("Delete me"));
}

#[test]
fn the_dpo_is_reminded_of_overdue_requests_without_naming_anyone() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let dpo = Dpo::new(&app);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let msg = rt.block_on(tidings::gdpr::reminders::send(&app.state)).unwrap();
    assert!(msg.starts_with("no privacy request"), "{msg}");
    let received = chrono::Utc::now() - chrono::Duration::days(40);
    dpo.ok(
        Method::POST,
        "/requests",
        Some(json!({"kind": "access", "email": "someone@example.org", "received_at": received})),
    );
    let msg = rt.block_on(tidings::gdpr::reminders::send(&app.state)).unwrap();
    assert!(msg.contains("not an email address"), "{msg}");
    let admin = app.admin_token(&["manage_settings"]);
    let r = app
        .client()
        .put(format!("{}/api/v1/settings", app.url))
        .bearer_auth(admin)
        .json(&json!({"organisation": "Shop", "postal_address": "", "dpo_contact": "Data Protection <dpo@shop.example>", "login_notice": ""}))
        .send()
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().unwrap());
    let msg = rt.block_on(tidings::gdpr::reminders::send(&app.state)).unwrap();
    assert!(msg.contains("1 requests (1 overdue)"), "{msg}");
    let got = sink.wait_for(1);
    assert_eq!(got[0].to, ["dpo@shop.example"]);
    let body = String::from_utf8_lossy(&got[0].data);
    assert!(body.contains("OVERDUE") && body.contains("/requests/"), "{body}");
    assert!(!body.contains("someone@example.org"));
}

#[test]
fn the_privacy_portal_signs_in_by_mail_once_and_lets_the_person_act() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let c = app.client();
    let page = app.get(&c, "/privacy").text().unwrap();
    assert!(page.contains("Send me a link"));
    // Known and unknown addresses get the same page; only the known one gets mail.
    let known = c.post(format!("{}/privacy", app.url)).form(&[("email", "Ann@Example.org")]).send().unwrap();
    let unknown = c.post(format!("{}/privacy", app.url)).form(&[("email", "nobody@example.org")]).send().unwrap();
    assert_eq!((known.status(), unknown.status()), (reqwest::StatusCode::OK, reqwest::StatusCode::OK));
    assert_eq!(known.text().unwrap(), unknown.text().unwrap());
    let got = sink.wait_for(1);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(sink.messages().len(), 1, "nothing to the unknown address");
    assert_eq!(got[0].to, ["ann@example.org"]);
    let body = String::from_utf8_lossy(&got[0].data).replace("=\r\n", "").replace("=3D", "=");
    let at = body.find("/privacy/open/").unwrap();
    let path = body[at..].split(['"', ')', ' ', '\r', '\n']).next().unwrap().to_string();
    // The GET only shows a button (link scanners); the POST signs in, once.
    let r = app.get(&c, &path);
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("set-cookie").is_none());
    let r = c.post(format!("{}{path}", app.url)).send().unwrap();
    assert_eq!(r.status(), 303);
    let other = app.client();
    let again = other.post(format!("{}{path}", app.url)).send().unwrap();
    assert_eq!(again.status(), 404, "single use");
    assert!(again.text().unwrap().contains("used already"));
    let me = app.get(&c, "/privacy/me").text().unwrap();
    assert!(me.contains("ann@example.org") && me.contains("Download everything"), "{me}");
    assert_eq!(app.get(&other, "/privacy/me").status(), 401, "no session, no data");
    let csrf = me.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    // A forged form (wrong csrf) changes nothing.
    let r = c
        .post(format!("{}/privacy/me/profile", app.url))
        .form(&[("csrf", "0000"), ("first_name", "Eve"), ("last_name", "")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 401);
    let r = c
        .post(format!("{}/privacy/me/profile", app.url))
        .form(&[("csrf", csrf.as_str()), ("first_name", "Anna"), ("last_name", "Smith")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    let v = api.ok("GET", &format!("/contacts/{ann}"), None);
    assert_eq!((v["first_name"].as_str(), v["last_name"].as_str()), (Some("Anna"), Some("Smith")));
    let r = c.post(format!("{}/privacy/me/archive", app.url)).form(&[("csrf", csrf.as_str())]).send().unwrap();
    assert_eq!(r.headers()["content-type"], "application/zip");
    let files = unzip(&r.bytes().unwrap());
    assert!(files["data.json"].contains("Smith"));
    // Each action is a request in the register, made through the portal and verified by it.
    let dpo = Dpo::new(&app);
    let list = dpo.ok(Method::GET, "/requests", None);
    let kinds: Vec<&str> = list["requests"].as_array().unwrap().iter().filter_map(|r| r["kind"].as_str()).collect();
    assert!(kinds.contains(&"access") && kinds.contains(&"rectification"), "{list}");
    assert!(list["requests"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["channel"] == "portal" && r["verification"] == "verified"));
    let r = c
        .post(format!("{}/privacy/me/erase", app.url))
        .form(&[("csrf", csrf.as_str()), ("confirm", "yes")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().unwrap().contains("Your data is erased"));
    assert_eq!(api.call("GET", &format!("/contacts/{ann}"), None).0, 404);
    let list = dpo.ok(Method::GET, "/requests?state=done", None);
    assert_eq!(list["requests"].as_array().unwrap().len(), 3, "{list}");
    assert!(!list.to_string().contains(&ann));
}

#[test]
fn records_of_processing_follow_the_purposes_and_the_configuration() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let dpo = Dpo::new(&app);
    let v = dpo.ok(Method::GET, "/records-of-processing", None);
    assert_eq!(v["processors"][0]["host"], "127.0.0.1", "{v}");
    assert!(v["purposes"].as_array().unwrap().iter().any(|p| p["key"] == "engagement" && p["retention_days"] == 365));
    assert!(v["stores"].as_array().unwrap().iter().any(|s| s["store"] == "events"));
    assert!(v["technical_and_organisational_measures"].as_array().unwrap().len() >= 8);
    let r = dpo.call(Method::PATCH, "/purposes/engagement", Some(json!({"retention_days": 90})));
    assert!(r.status().is_success());
    let v = dpo.ok(Method::GET, "/records-of-processing", None);
    assert!(v["purposes"].as_array().unwrap().iter().any(|p| p["key"] == "engagement" && p["retention_days"] == 90));
    let c = app.login_admin("a long new password 1");
    let page = app.get(&c, "/records").text().unwrap();
    assert!(page.contains("Records of processing activities") && page.contains("90 days"), "{page}");
}

#[test]
fn anonymising_erasure_removes_the_person_and_keeps_the_campaign_totals() {
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);
    let dpo = Dpo::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    let id: tidings::domain::ContactId = ann.parse().unwrap();
    let mailing = uuid::Uuid::now_v7();
    let mut open = tidings::domain::Event::new(tidings::domain::EventKind::Open, chrono::Utc::now(), "pixel");
    open.mailing = Some(mailing);
    app.state
        .tracking
        .record_durable_blocking(vec![tidings::tracking::Record { contact: Some(id), event: open, link: None }])
        .unwrap();
    let totals = || app.state.tracking.store.totals(&mailing).unwrap().0;
    assert_eq!((totals().opens, totals().unique_opens), (1, 1));
    let r = dpo.ok(Method::POST, "/requests", Some(json!({"kind": "erasure", "contact_id": ann})));
    let rid = r["id"].as_str().unwrap().to_string();
    dpo.ok(Method::PATCH, &format!("/requests/{rid}"), Some(json!({"verification": "verified"})));
    let (s, v) =
        dpo.json(Method::POST, &format!("/requests/{rid}/erase"), Some(json!({"confirm": "erase", "mode": "forget"})));
    assert_eq!((s, v["field"].as_str()), (422, Some("mode")), "{v}");
    let v =
        dpo.ok(Method::POST, &format!("/requests/{rid}/erase"), Some(json!({"confirm": "erase", "mode": "anonymise"})));
    assert_eq!(v["mode"], "anonymise");
    assert_eq!(api.call("GET", &format!("/contacts/{ann}"), None).0, 404);
    assert!(app.state.store.export_person(&id.person()).unwrap().is_empty());
    assert_eq!((totals().opens, totals().unique_opens), (1, 1), "the totals keep counting her open");
    let r = dpo.ok(Method::GET, &format!("/requests/{rid}"), None);
    assert!(r["steps"].to_string().contains("anonymised"), "{r}");
}

/// Text staff type about a person (why they unmasked them, why a request took longer) is
/// sealed with that person's key: readable while they exist, unreadable after their erasure,
/// and never on disk in plain text. The breach register, kept after erasure, refuses texts
/// that name a contact by address.
#[test]
fn free_text_about_a_person_does_not_outlive_their_erasure() {
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);
    let dpo = Dpo::new(&app);
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let analyst = {
        let user = app.state.users.create("ana", "Ana", tidings::domain::Role::Analyst, "x".into(), false).unwrap();
        let scopes = ["view_contacts", "unmask_personal_data"].iter().map(|s| s.parse().unwrap()).collect();
        app.state.tokens.create(user.id, "analyst", scopes, None).unwrap().1
    };
    let reason = "Quokka-7 asked on the phone about her divorce";
    let r = app
        .client()
        .post(format!("{}/api/v1/contacts/{ann}/unmask", app.url))
        .bearer_auth(&analyst)
        .json(&json!({ "reason": reason }))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = dpo.ok(Method::POST, "/requests", Some(json!({"kind": "access", "contact_id": ann, "channel": "email"})));
    let rid = r["id"].as_str().unwrap().to_string();
    let why = "Quokka-8 her lawyer sent forty pages";
    let r =
        dpo.ok(Method::PATCH, &format!("/requests/{rid}"), Some(json!({"extend_months": 1, "extension_reason": why})));
    assert_eq!(r["extension_reason"], why, "readable while she exists: {r}");
    assert!(!r["steps"].to_string().contains("Quokka"), "the plain steps do not repeat it: {r}");
    let (s, v) = dpo.json(
        Method::POST,
        "/breaches",
        Some(
            json!({"discovered_at": chrono::Utc::now(), "window_start": chrono::Utc::now() - chrono::Duration::hours(2),
                    "window_end": chrono::Utc::now(), "affected": ["contacts"],
                    "description": "A laptop with the export of ann@example.org was lost."}),
        ),
    );
    assert_eq!((s, v["field"].as_str()), (422, Some("description")), "{v}");
    let audit = |app: &TestApp| {
        let token = app.admin_token(&["view_audit"]);
        let r = app.client().get(format!("{}/api/v1/audit?action=contact.unmasked", app.url)).bearer_auth(token).send();
        r.unwrap().json::<Value>().unwrap()["entries"][0]["details"].to_string()
    };
    assert!(audit(&app).contains(reason), "{}", audit(&app));
    // Nothing typed about her is on disk in plain text.
    app.state.store.commit().unwrap();
    let on_disk = |needle: &str| {
        crate::erasure::walk(&app.data_dir())
            .iter()
            .any(|f| crate::erasure::holds(&std::fs::read(f).unwrap_or_default(), needle.as_bytes()))
    };
    assert!(!on_disk("Quokka-7") && !on_disk("Quokka-8"), "plain text of a sealed note on disk");

    // Erasure.
    let r = dpo.ok(Method::POST, "/requests", Some(json!({"kind": "erasure", "contact_id": ann, "channel": "email"})));
    let eid = r["id"].as_str().unwrap().to_string();
    dpo.ok(Method::PATCH, &format!("/requests/{eid}"), Some(json!({"verification": "verified"})));
    dpo.ok(Method::POST, &format!("/requests/{eid}/erase"), Some(json!({"confirm": "erase"})));
    let details = audit(&app);
    assert!(!details.contains("Quokka") && details.contains("erased with them"), "{details}");
    let r = dpo.ok(Method::GET, &format!("/requests/{rid}"), None);
    assert_eq!(r["extension_reason"], tidings::store::ERASED_TEXT, "{r}");
    // The audit chain still verifies: entries stay as they were written.
    assert!(matches!(app.state.audit.verify().unwrap(), tidings::audit::Verification::Intact { .. }));
}

/// Art. 19: a person whose data is erased or whose processing is restricted on their request is
/// told by mail (the erasure notice leaves before the address goes), unless they asked not to
/// be; the request lists the recipients the purposes name, for the DPO to tell.
#[test]
fn people_are_told_when_their_request_is_carried_out_unless_they_said_no() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    let dpo = Dpo::new(&app);
    // A purpose that names a recipient.
    let settings = app.admin_token(&["manage_gdpr"]);
    let r = app
        .client()
        .patch(format!("{}/api/v1/purposes/newsletter", app.url))
        .bearer_auth(settings)
        .json(&json!({"recipients": ["Mailjet (newsletter delivery)"]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().unwrap_or_default());
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    contact_with(&api, "bob@example.org", &["newsletter"]);
    contact_with(&api, "cleo@example.org", &["newsletter"]);
    let verified = |body: Value| {
        let r = dpo.ok(Method::POST, "/requests", Some(body));
        let id = r["id"].as_str().unwrap().to_string();
        dpo.ok(Method::PATCH, &format!("/requests/{id}"), Some(json!({"verification": "verified"})));
        id
    };
    let restriction = verified(json!({"kind": "restriction", "contact_id": ann, "channel": "email"}));
    dpo.ok(
        Method::PUT,
        &format!("/contacts/{ann}/restriction"),
        Some(json!({"reason": "accuracy contested", "request_id": restriction})),
    );
    let erasure = verified(json!({"kind": "erasure", "email": "bob@example.org"}));
    dpo.ok(Method::POST, &format!("/requests/{erasure}/erase"), Some(json!({"confirm": "erase"})));
    let quiet = verified(json!({"kind": "erasure", "email": "cleo@example.org", "notify_outcome": false}));
    dpo.ok(Method::POST, &format!("/requests/{quiet}/erase"), Some(json!({"confirm": "erase"})));

    let mails = sink.wait_for_within(2, Duration::from_secs(20));
    let to = |who: &str| {
        mails.iter().find(|m| m.to[0].contains(who)).map(|m| {
            let msg = mail_parser::MessageParser::default().parse(&m.data).unwrap();
            msg.body_text(0).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
        })
    };
    let ann_mail = to("ann@").expect("the restricted person is told, restriction or not");
    assert!(ann_mail.contains("restricted the processing of your personal data"), "{ann_mail}");
    assert!(ann_mail.contains("Mailjet (newsletter delivery)"), "the recipients told are named");
    let bob_mail = to("bob@").expect("the erased person is told before the address goes");
    assert!(bob_mail.contains("erased your personal data"), "{bob_mail}");
    std::thread::sleep(Duration::from_millis(500));
    assert!(sink.messages().iter().all(|m| !m.to[0].contains("cleo@")), "cleo asked not to be told");

    let steps = |id: &str| dpo.ok(Method::GET, &format!("/requests/{id}"), None)["steps"].to_string();
    assert!(steps(&restriction).contains("recipients to tell (from the purposes): Mailjet (newsletter delivery)"));
    assert!(steps(&erasure).contains("Art. 19: the person was told by mail"), "{}", steps(&erasure));
    assert!(steps(&quiet).contains("the person asked not to be told"), "{}", steps(&quiet));
}

/// The person's archive shows their lead scores as they are now and what each is made of
/// (profiling must be transparent to them, Art. 15(1)(h)): in data.json by the documented
/// keys, on the summary in their language; none for a model when they objected to profiling,
/// none at all while their processing is restricted. (Scores are computed, never stored, so no
/// store's export held them: the archive had none.)
#[test]
fn the_archive_shows_the_persons_scores_and_what_they_are_made_of() {
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);
    let dpo = Dpo::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    api.ok("PATCH", &format!("/contacts/{ann}"), Some(json!({"locale": "de"})));
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "engagement", "name": "Engagement", "half_life_days": 30, "rules": [
            {"on": "opened", "points": 10},
            {"on": "field", "field": "first_name", "op": "equals", "value": "Ann", "points": 1},
        ]})),
    );
    let id: tidings::domain::ContactId = ann.parse().unwrap();
    let records = (1..=2)
        .map(|m| {
            let at = chrono::Utc::now() - chrono::Duration::minutes(m);
            let mut e = tidings::domain::Event::new(tidings::domain::EventKind::Open, at, "pixel");
            e.mailing = Some(uuid::Uuid::now_v7());
            tidings::tracking::Record { contact: Some(id), event: e, link: None }
        })
        .collect();
    app.state.tracking.record_durable_blocking(records).unwrap();

    let archive = |dpo: &Dpo| {
        let r = dpo.ok(Method::POST, "/requests", Some(json!({"kind": "access", "contact_id": ann})));
        let request = r["id"].as_str().unwrap().to_string();
        dpo.ok(Method::PATCH, &format!("/requests/{request}"), Some(json!({"verification": "verified"})));
        let resp = dpo.call(Method::POST, &format!("/requests/{request}/archive"), None);
        assert_eq!(resp.status(), 200);
        unzip(&resp.bytes().unwrap())
    };
    let files = archive(&dpo);
    let data: Value = serde_json::from_str(&files["data.json"]).unwrap();
    let model = &data["scores"]["models"][0];
    assert_eq!((&model["model"], &model["objected"]), (&json!("engagement"), &json!(false)), "{data:#}");
    assert!((model["score"].as_f64().unwrap() - 21.0).abs() < 0.1, "two opens and the field: {model}");
    assert_eq!(model["rules"][0]["counted"], 2, "{model}");
    assert_eq!(model["rules"][0]["on"]["on"], "opened");
    assert_eq!(model["rules"][1]["points_now"], 1.0, "a field's point does not fade: {model}");
    assert!(files["README.txt"].contains("\"points_now\""), "the keys are documented");
    let html = &files["summary.html"];
    assert!(html.contains("Ihre Lead-Scores"), "in the person's language: {html}");
    assert!(html.contains("Sie haben eine unserer E-Mails geöffnet</td><td>2</td>"), "{html}");
    assert!(html.contains("eine Angabe in Ihrem Profil: Vorname"), "{html}");

    // Objected to profiling: the model is there, with no score.
    api.ok(
        "POST",
        &format!("/contacts/{ann}/consents"),
        Some(json!({"purpose": "profiling", "granted": false, "note": "objected by phone"})),
    );
    let data: Value = serde_json::from_str(&archive(&dpo)["data.json"]).unwrap();
    let model = &data["scores"]["models"][0];
    assert_eq!((&model["score"], &model["objected"]), (&Value::Null, &json!(true)), "{model}");

    // Restricted: nothing is computed, and the archive says so.
    dpo.ok(Method::PUT, &format!("/contacts/{ann}/restriction"), Some(json!({"reason": "accuracy contested"})));
    let files = archive(&dpo);
    let data: Value = serde_json::from_str(&files["data.json"]).unwrap();
    assert_eq!((&data["scores"]["restricted"], &data["scores"]["models"]), (&json!(true), &json!([])), "{data:#}");
    assert!(files["summary.html"].contains("Die Verarbeitung Ihrer Daten ist eingeschränkt"));
}

/// The privacy portal lists the person's lead scores beside what is stored about them (the
/// segments they are in count among the stores; their scores, computed, were not shown).
#[test]
fn the_privacy_portal_shows_the_persons_scores() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    contact_with(&api, "ann@example.org", &["newsletter"]);
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "profile", "name": "Profile fit", "half_life_days": 30, "rules": [
            {"on": "field", "field": "first_name", "op": "equals", "value": "Ann", "points": 3},
        ]})),
    );
    let c = app.client();
    c.post(format!("{}/privacy", app.url)).form(&[("email", "ann@example.org")]).send().unwrap();
    let got = sink.wait_for(1);
    let body = String::from_utf8_lossy(&got[0].data).replace("=\r\n", "").replace("=3D", "=");
    let at = body.find("/privacy/open/").unwrap();
    let path = body[at..].split(['"', ')', ' ', '\r', '\n']).next().unwrap().to_string();
    assert_eq!(c.post(format!("{}{path}", app.url)).send().unwrap().status(), 303);
    let me = app.get(&c, "/privacy/me").text().unwrap();
    assert!(me.contains("Your lead scores"), "{me}");
    assert!(me.contains("Profile fit: <strong>3</strong>"), "{me}");
    assert!(me.contains("a value in your profile: First name: 3"), "{me}");
}
