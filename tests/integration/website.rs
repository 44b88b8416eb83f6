//! Website tracking and the events API over real HTTPS: the tracker script, CORS for the
//! configured sites only, Do Not Track and Global Privacy Control, truncated addresses,
//! markup kept as data, a visitor linked to a contact after a tracked click or a confirmed
//! form, orders attributed to the campaign clicked and flushed before they are acknowledged,
//! idempotent retries, validation errors that name the field, erasure, GeoIP from a local file.

use reqwest::blocking::Response;
use serde_json::{json, Value};
use tidings::domain::{ContactId, EventKind};
use tidings::tracking::{VisitorId, OVERALL};

use crate::campaigns::{mail_config, Api};
use crate::helpers::{bare_client, spawn_app_with, TestApp};
use crate::smtp_sink::{Received, SinkOptions, SmtpSink};
use crate::tracking::{contact_with, send_tracked_campaign};

pub const SHOP: &str = "https://shop.example";
pub const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const XSS: &str = "<script>alert(1)</script>";
const ANN_BROWSER: &str = "0123456789abcdef0123456789abcdef";

/// Posts a hit the way the tracker does: a JSON body as text/plain, from the shop's origin.
fn hit(app: &TestApp, origin: Option<&str>, headers: &[(&str, &str)], body: &str) -> Response {
    let mut r = bare_client()
        .post(format!("{}/t/collect", app.url))
        .header("content-type", "text/plain;charset=UTF-8")
        .header("user-agent", FIREFOX)
        .body(body.to_string());
    if let Some(o) = origin {
        r = r.header("origin", o);
    }
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    r.send().unwrap()
}

fn page_view(visitor: &str) -> String {
    json!({"visitor": visitor, "type": "page_view", "url": format!("{SHOP}/shoes")}).to_string()
}

fn flush(app: &TestApp) {
    app.state.tracking.record_durable_blocking(Vec::new()).unwrap();
}

fn overall(app: &TestApp) -> tidings::tracking::Counts {
    app.state.tracking.store.totals(&OVERALL).unwrap().0
}

fn visitor_person(app: &TestApp, raw: &str) -> tidings::domain::PersonId {
    VisitorId::parse(raw).unwrap().person(app.state.store.keyring())
}

fn error_field(r: Response) -> (u16, String) {
    let status = r.status().as_u16();
    let v: Value = r.json().unwrap_or(Value::Null);
    (status, v["field"].as_str().unwrap_or_default().to_string())
}

#[test]
fn website_collect_checks_origin_privacy_signals_and_input_and_stores_markup_as_data() {
    let app = spawn_app_with(|c| {
        c.tracking.sites = vec![SHOP.into()];
        // The forwarded address is believed from loopback, so the test can choose it.
        c.proxy.trusted = vec!["127.0.0.1".parse().unwrap()];
    });

    // The script: cross-origin readable, cached, JavaScript.
    let r = bare_client().get(format!("{}/t.js", app.url)).send().unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cross-origin-resource-policy"], "cross-origin");
    assert!(r.headers()["content-type"].to_str().unwrap().contains("javascript"));
    assert!(r.headers()["cache-control"].to_str().unwrap().contains("max-age"));
    let js = r.text().unwrap();
    assert!(js.contains("globalPrivacyControl") && js.contains("doNotTrack") && js.contains("getRandomValues"));
    assert!(!js.contains("document.cookie"), "the tracker never touches cookies");

    // Other origins (and none) are refused without CORS headers; the preflight answers the shop.
    for origin in [Some("https://evil.example"), Some("https://shop.example.evil.example"), Some("null"), None] {
        let r = hit(&app, origin, &[], &page_view(ANN_BROWSER));
        assert_eq!(r.status(), 403, "{origin:?}");
        assert!(r.headers().get("access-control-allow-origin").is_none(), "{origin:?}");
    }
    let r = bare_client()
        .request(reqwest::Method::OPTIONS, format!("{}/t/collect", app.url))
        .header("origin", SHOP)
        .header("access-control-request-method", "POST")
        .send()
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(r.headers()["access-control-allow-origin"], SHOP);

    // Do Not Track and Global Privacy Control: answered like any hit, nothing recorded.
    for signal in [("dnt", "1"), ("sec-gpc", "1")] {
        let r = hit(&app, Some(SHOP), &[signal], &page_view(ANN_BROWSER));
        assert_eq!(r.status(), 204, "{signal:?}");
        assert_eq!(r.headers()["access-control-allow-origin"], SHOP);
    }
    flush(&app);
    assert_eq!(overall(&app).page_views, 0, "DNT and GPC hits are dropped");
    assert!(app.state.tracking.website.visitor(&visitor_person(&app, ANN_BROWSER)).unwrap().is_none());

    // Validation: each refusal names its field; nothing is half-recorded.
    let cases: Vec<(String, u16, &str)> = vec![
        (json!({"visitor": "1", "type": "page_view"}).to_string(), 422, "visitor"),
        (json!({"visitor": ANN_BROWSER, "type": "visit"}).to_string(), 422, "type"),
        (json!({"visitor": ANN_BROWSER, "type": "page_view", "url": "javascript:alert(1)"}).to_string(), 422, "url"),
        (json!({"visitor": ANN_BROWSER, "type": "custom"}).to_string(), 422, "name"),
        (
            json!({"visitor": ANN_BROWSER, "type": "order", "amount": "1.234", "currency": "EUR"}).to_string(),
            422,
            "amount",
        ),
        (json!({"visitor": ANN_BROWSER, "type": "page_view", "at": "2020-01-01T00:00:00Z"}).to_string(), 400, ""),
        (json!({"visitor": ANN_BROWSER, "type": "page_view", "contact_id": "x"}).to_string(), 400, ""),
        ("not json".to_string(), 400, ""),
    ];
    for (body, status, field) in cases {
        let r = hit(&app, Some(SHOP), &[], &body);
        assert_eq!(r.headers()["content-type"], "application/json", "{body}");
        assert_eq!(error_field(r), (status, field.to_string()), "{body}");
    }
    let huge =
        json!({"visitor": ANN_BROWSER, "type": "page_view", "properties": {"x": "a".repeat(20_000)}}).to_string();
    assert_eq!(hit(&app, Some(SHOP), &[], &huge).status(), 413);

    // Markup in the agent, referrer, address and properties is kept as data; the address is
    // truncated before it is stored; the agent is reduced to a browser family.
    let body = json!({
        "visitor": ANN_BROWSER, "type": "custom", "name": "product_viewed",
        "url": format!("{SHOP}/p?q=\"><img src=x onerror=alert(1)>"),
        "properties": {"sku": XSS, "<b>key</b>": "v"},
    });
    let r = bare_client()
        .post(format!("{}/t/collect", app.url))
        .header("origin", SHOP)
        .header("content-type", "application/json")
        .header("user-agent", format!("{XSS} Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"))
        .header("x-forwarded-for", "203.0.113.77")
        .header("referer", "https://ref.example/")
        .body(body.to_string())
        .send()
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(r.headers()["access-control-allow-origin"], SHOP);
    assert!(r.text().unwrap().is_empty(), "the answer says nothing about the visitor");
    let referred = json!({"visitor": ANN_BROWSER, "type": "page_view", "url": format!("{SHOP}/"), "referrer": format!("https://ref.example/?q={XSS}")});
    assert_eq!(
        hit(&app, Some(SHOP), &[("x-forwarded-for", "2001:db8:abcd:12::1")], &referred.to_string()).status(),
        204
    );
    flush(&app);
    let events = app.state.tracking.website.events_of(&visitor_person(&app, ANN_BROWSER)).unwrap();
    assert_eq!(events.len(), 2, "{events:?}");
    let (custom, view) = (&events[0], &events[1]);
    assert_eq!(custom.kind, EventKind::Custom);
    assert_eq!(custom.ip.unwrap().to_string(), "203.0.113.0/24");
    assert_eq!(view.ip.unwrap().to_string(), "2001:db8:abcd::/48");
    assert_eq!(custom.agent, "Firefox on Linux");
    assert_eq!(custom.country, None, "no GeoIP database configured");
    let props: Value = serde_json::from_str(&custom.properties).unwrap();
    assert_eq!(props["sku"], XSS, "stored as the text it was");
    assert_eq!(props["<b>key</b>"], "v");
    assert!(custom.url.as_deref().unwrap().starts_with("https://shop.example/p?q="));
    assert!(view.referrer.as_deref().unwrap().starts_with("https://ref.example/?q="));
    assert_eq!(view.source, "tracker");
    assert_eq!((overall(&app).page_views, overall(&app).custom_events), (1, 1));

    // Retention: the daily job keeps a visitor seen today; past the cutoff the visitor, its
    // events and its key go.
    let msg = tidings::jobs::visitor_cleanup(&app.state).unwrap();
    assert!(msg.starts_with("removed 0 visitors"), "{msg}");
    let person = visitor_person(&app, ANN_BROWSER);
    let (visitors, _) = app.state.tracking.website.prune(chrono::Utc::now() + chrono::Duration::minutes(1)).unwrap();
    assert_eq!(visitors, 1);
    assert!(app.state.tracking.website.visitor(&person).unwrap().is_none());
    assert!(app.state.tracking.website.events_of(&person).unwrap().is_empty());
    assert!(app.state.store.existing_data_key(&person).unwrap().is_none());
}

#[test]
fn website_collect_is_rate_limited_per_network() {
    let app = spawn_app_with(|c| {
        c.tracking.sites = vec![SHOP.into()];
        c.tracking.collect_per_minute = 3;
    });
    let statuses: Vec<u16> =
        (0..5).map(|_| hit(&app, Some(SHOP), &[], &page_view(ANN_BROWSER)).status().as_u16()).collect();
    assert_eq!(&statuses[..3], &[204, 204, 204]);
    assert_eq!(statuses[4], 429, "{statuses:?}");
}

/// Paths (from `/c/`) of the click URLs in a message.
fn clicks(m: &Received) -> Vec<String> {
    let text = String::from_utf8_lossy(&m.data).replace("=\r\n", "").replace("=3D", "=");
    text.match_indices("/c/")
        .map(|(i, _)| text[i..].split(|c: char| c == '"' || c.is_whitespace() || c == ')').next().unwrap().to_string())
        .collect()
}

fn location(r: &Response) -> String {
    r.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

#[test]
fn website_visitor_is_linked_after_a_tracked_click_and_orders_are_attributed() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        c.tracking.scanner_window_secs = 0;
        c.tracking.sites = vec![SHOP.into()];
    });
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement", "website_tracking"]);
    let bob = contact_with(&api, "bob@example.org", &["newsletter", "engagement"]);
    let ann_id: ContactId = ann.parse().unwrap();

    // Ann browses the shop before she is known: her visit is the visitor's.
    assert_eq!(hit(&app, Some(SHOP), &[], &page_view(ANN_BROWSER)).status(), 204);
    flush(&app);
    let v = visitor_person(&app, ANN_BROWSER);
    assert_eq!(app.state.tracking.website.events_of(&v).unwrap().len(), 1);

    let (campaign, got) = send_tracked_campaign(&app, &api, &sink, 2);
    let to = |who: &str| got.iter().find(|m| m.to[0] == who).unwrap();
    let c = bare_client();
    // Ann allows website tracking: the landing page gets a short signed token. Bob does not:
    // his click leads to the message's own link, unchanged.
    let r =
        c.get(format!("{}{}", app.url, clicks(to("ann@example.org"))[0])).header("user-agent", FIREFOX).send().unwrap();
    assert_eq!(r.status(), 302);
    let landing = location(&r);
    let token = landing.strip_prefix("https://shop.example/sale?a=1&b=2&_tdg=").unwrap_or_else(|| panic!("{landing}"));
    assert!(token.len() <= 50 && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let r =
        c.get(format!("{}{}", app.url, clicks(to("bob@example.org"))[0])).header("user-agent", FIREFOX).send().unwrap();
    assert_eq!(location(&r), "https://shop.example/sale?a=1&b=2");

    // A forged token links nobody.
    let stranger = "fedcba9876543210fedcba9876543210";
    let mut forged = token.as_bytes().to_vec();
    forged[10] = if forged[10] == b'A' { b'B' } else { b'A' };
    let forged = json!({"visitor": stranger, "type": "page_view", "link": String::from_utf8(forged).unwrap()});
    assert_eq!(hit(&app, Some(SHOP), &[], &forged.to_string()).status(), 204);

    // The tracker sends the token with its next hit: the visitor is now Ann, her earlier
    // visit moves to her events, and her order is hers, attributed to the campaign, and on
    // disk when the 204 comes (no flush before looking).
    let landed =
        json!({"visitor": ANN_BROWSER, "type": "page_view", "url": format!("{SHOP}/sale?a=1&b=2"), "link": token});
    assert_eq!(hit(&app, Some(SHOP), &[], &landed.to_string()).status(), 204);
    let order = json!({
        "visitor": ANN_BROWSER, "type": "order", "id": "1001", "amount": "49.90", "currency": "EUR",
        "items": [{"sku": "SH-1", "name": "Shoe", "quantity": 2, "price": 24.95}],
    });
    assert_eq!(hit(&app, Some(SHOP), &[], &order.to_string()).status(), 204);
    let events = app.state.tracking.store.events_of(&ann_id, 20).unwrap();
    let orders: Vec<_> = events.iter().filter(|e| e.kind == EventKind::Order).collect();
    assert_eq!(orders.len(), 1, "{events:?}");
    assert_eq!((orders[0].amount_cents, orders[0].currency.as_deref()), (Some(4990), Some("EUR")));
    assert_eq!(orders[0].items[0].price_cents, 2495);
    assert_eq!(orders[0].mailing.map(|m| m.to_string()), Some(campaign.clone()), "attributed to the campaign clicked");
    // A reloaded thank-you page sends the order again: recorded once.
    assert_eq!(hit(&app, Some(SHOP), &[], &order.to_string()).status(), 204);
    flush(&app);
    let views = |app: &TestApp| {
        app.state
            .tracking
            .store
            .events_of(&ann_id, 50)
            .unwrap()
            .iter()
            .filter(|e| e.kind == EventKind::PageView)
            .count()
    };
    assert_eq!(views(&app), 2, "the visit before the click moved to Ann, and the landing page");
    assert!(app.state.tracking.website.events_of(&v).unwrap().is_empty());
    assert_eq!(app.state.tracking.website.visitor(&v).unwrap().unwrap().contact, Some(ann_id));
    let stranger_v = app.state.tracking.website.visitor(&visitor_person(&app, stranger)).unwrap().unwrap();
    assert_eq!(stranger_v.contact, None, "a forged token links nobody");
    let (totals, _) = app.state.tracking.store.totals(&campaign.parse().unwrap()).unwrap();
    assert_eq!((totals.orders, totals.revenue_cents), (1, 4990), "{totals:?}");
    let activity = app.state.contacts.activity(&ann_id).unwrap();
    assert_eq!((activity.page_views, activity.orders, activity.revenue_cents), (2, 1, 4990), "{activity:?}");

    // The shop's backend reports another order of Ann's through the API: also attributed.
    let token = app.admin_token(&["record_events"]);
    let r = bare_client()
        .post(format!("{}/api/v1/events", app.url))
        .bearer_auth(&token)
        .json(&json!({"events": [{"type": "order", "email": "ann@example.org", "id": "api-7", "amount": 10, "currency": "EUR"}]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let reply: Value = r.json().unwrap();
    assert_eq!(reply["results"][0]["attributed_campaign"], campaign.as_str(), "{reply}");
    let (totals, _) = app.state.tracking.store.totals(&campaign.parse().unwrap()).unwrap();
    assert_eq!((totals.orders, totals.revenue_cents), (2, 5990), "on disk before the 200: {totals:?}");

    // Ann withdraws website tracking: her visits are no longer recorded as hers.
    api.ok(
        "POST",
        &format!("/contacts/{ann}/consents"),
        Some(json!({"purpose": "website_tracking", "granted": false})),
    );
    assert_eq!(hit(&app, Some(SHOP), &[], &page_view(ANN_BROWSER)).status(), 204);
    flush(&app);
    assert_eq!(views(&app), 2, "nothing more for Ann after the withdrawal");
    assert!(app.state.tracking.website.events_of(&v).unwrap().is_empty(), "nor for her visitor");

    // Erasing Ann erases her visitor and its key.
    api.ok("DELETE", &format!("/contacts/{ann}"), None);
    assert!(app.state.tracking.website.visitor(&v).unwrap().is_none());
    assert!(app.state.store.existing_data_key(&v).unwrap().is_none());
    let _ = bob;
}

#[test]
fn website_form_sign_up_links_the_visitor_once_confirmed() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        c.tracking.sites = vec![SHOP.into()];
    });
    tidings::contacts::ops::create_list(&app.state, tidings::ops::By::cli(), "News", "").unwrap();
    let token = app.admin_token(&["send_campaigns"]);
    let form =
        json!({"name": "Footer", "title": "News", "lists": ["news"], "purposes": ["newsletter", "website_tracking"]});
    let r = bare_client().post(format!("{}/api/v1/forms", app.url)).bearer_auth(&token).json(&form).send().unwrap();
    assert_eq!(r.status(), 201);
    let form: Value = r.json().unwrap();
    let form = form["form"]["id"].as_str().unwrap().to_string();

    assert_eq!(hit(&app, Some(SHOP), &[], &page_view(ANN_BROWSER)).status(), 204);
    let fields = [
        ("email", "grace@example.org"),
        ("consent", "newsletter:1"),
        ("consent", "website_tracking:1"),
        ("tidings_visitor", ANN_BROWSER),
    ];
    let r = bare_client().post(format!("{}/f/{form}", app.url)).header("origin", SHOP).form(&fields).send().unwrap();
    assert_eq!(r.status(), 200);
    flush(&app);
    let v = visitor_person(&app, ANN_BROWSER);
    assert_eq!(app.state.tracking.website.visitor(&v).unwrap().unwrap().contact, None, "not before the confirmation");

    let got = sink.wait_for(1);
    let msg = mail_parser::MessageParser::default().parse(&got[0].data).unwrap();
    let text = msg.body_text(0).unwrap().to_string();
    let at = text.find("/f/confirm/").unwrap();
    let path: String = text[at..].chars().take_while(|c| !c.is_whitespace() && *c != ')' && *c != '>').collect();
    let r = bare_client().post(format!("{}{path}", app.url)).send().unwrap();
    assert!(r.status().is_success() || r.status().is_redirection(), "{}", r.status());
    flush(&app);
    let grace = app
        .state
        .contacts
        .find_by_email(&tidings::domain::EmailAddress::parse("grace@example.org").unwrap())
        .unwrap()
        .unwrap();
    let visitor = app.state.tracking.website.visitor(&v).unwrap().unwrap();
    assert_eq!(visitor.contact, Some(grace.id));
    assert_eq!(visitor.linked_via, format!("form:{form}"));
    let events = app.state.tracking.store.events_of(&grace.id, 10).unwrap();
    assert_eq!(events.iter().filter(|e| e.kind == EventKind::PageView).count(), 1, "{events:?}");
}

fn post_events(app: &TestApp, token: &str, body: Value) -> Response {
    bare_client().post(format!("{}/api/v1/events", app.url)).bearer_auth(token).json(&body).send().unwrap()
}

#[test]
fn website_events_api_validates_whole_batches_reports_each_event_and_never_counts_twice() {
    let app = spawn_app_with(|_| {});
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["website_tracking"]);
    let bob = contact_with(&api, "bob@example.org", &[]);
    let token = app.admin_token(&["record_events"]);

    // Another scope is not enough.
    let other = app.admin_token(&["view_contacts"]);
    let r = post_events(&app, &other, json!({"events": [{"type": "page_view", "email": "ann@example.org"}]}));
    assert_eq!(r.status(), 403);

    // One bad event refuses the batch, naming the field; nothing is recorded.
    for (events, field) in [
        (
            json!([{"type": "page_view", "email": "ann@example.org"}, {"type": "order", "email": "ann@example.org", "amount": 5}]),
            "events[1].currency",
        ),
        (json!([{"type": "page_view"}]), "events[0].contact_id"),
        (json!([{"type": "page_view", "email": "not an address"}]), "events[0].email"),
        (json!([{"type": "page_view", "contact_id": ann, "email": "ann@example.org"}]), "events[0].contact_id"),
        (json!([{"type": "page_view", "email": "ann@example.org", "colour": "red"}]), "events[0]"),
        (json!([{"type": "custom", "email": "ann@example.org", "name": XSS}]), "events[0].name"),
        (
            json!([{"type": "order", "email": "ann@example.org", "amount": 1, "currency": "EUR", "items": [{"sku": "a", "quantity": 0}]}]),
            "events[0].items[0].quantity",
        ),
        (json!([]), "events"),
        (Value::Array((0..1001).map(|_| json!({"type": "page_view", "email": "ann@example.org"})).collect()), "events"),
    ] {
        let r = post_events(&app, &token, json!({"events": events}));
        assert_eq!(error_field(r), (422, field.to_string()), "{field}");
    }
    assert_eq!(overall(&app).page_views, 0, "nothing recorded from a refused batch");

    let at = (chrono::Utc::now() - chrono::Duration::days(3)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let body = json!({"events": [
        {"type": "order", "email": "ann@example.org", "id": "A-1", "amount": "19.99", "currency": "EUR",
         "properties": {"coupon": XSS}, "at": at},
        {"type": "page_view", "contact_id": ann, "url": "https://shop.example/"},
        {"type": "custom", "email": "nobody@example.org", "name": "cart_abandoned"},
        {"type": "custom", "contact_id": bob, "name": "cart_abandoned"},
        {"type": "order", "email": "ann@example.org", "id": "A-1", "amount": "19.99", "currency": "EUR"},
    ]});
    let r = post_events(&app, &token, body.clone());
    assert_eq!(r.status(), 200);
    let v: Value = r.json().unwrap();
    let statuses: Vec<&str> = v["results"].as_array().unwrap().iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["recorded", "recorded", "unknown_contact", "no_consent", "duplicate"], "{v}");
    assert_eq!((v["recorded"].as_u64(), v["duplicates"].as_u64()), (Some(2), Some(1)));
    assert!(
        app.state
            .contacts
            .find_by_email(&tidings::domain::EmailAddress::parse("nobody@example.org").unwrap())
            .unwrap()
            .is_none(),
        "no contact is created"
    );

    // On disk before the 200: read without waiting for anything.
    let ann_id: ContactId = ann.parse().unwrap();
    let events = app.state.tracking.store.events_of(&ann_id, 10).unwrap();
    let order = events.iter().find(|e| e.kind == EventKind::Order).expect("the order");
    assert_eq!((order.amount_cents, order.source.as_str()), (Some(1999), "api"));
    assert_eq!(order.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(), at);
    assert_eq!(serde_json::from_str::<Value>(&order.properties).unwrap()["coupon"], XSS);
    assert!(app.state.tracking.store.events_of(&bob.parse().unwrap(), 10).unwrap().is_empty(), "no consent, no record");

    // The whole batch again (a retry after a lost answer): the order is not counted twice.
    let v: Value = post_events(&app, &token, body.clone()).json().unwrap();
    assert_eq!(v["results"][0]["status"], "duplicate", "{v}");
    let c = overall(&app);
    assert_eq!((c.orders, c.revenue_cents), (1, 1999), "{c:?}");

    // The ids kept against double counting expire with the website events they guarded, and
    // the retention dry run says so without removing them.
    let website = &app.state.tracking.website;
    let later = chrono::Utc::now() + chrono::Duration::days(1);
    assert_eq!(website.expire_event_ids(chrono::Utc::now() - chrono::Duration::days(1), false).unwrap(), 0);
    let n = website.expire_event_ids(later, false).unwrap();
    assert!(n >= 1, "{n}");
    assert_eq!(website.expire_event_ids(later, true).unwrap(), n);
    assert_eq!(website.expire_event_ids(later, false).unwrap(), 0);
}

#[test]
fn website_geoip_reads_a_local_database_and_a_bad_file_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.mmdb");
    std::fs::write(&bad, b"this is not a MaxMind database").unwrap();
    let mut config = crate::helpers::test_config(dir.path());
    config.tracking.geoip_db = bad.clone();
    let err =
        actix_web::rt::System::new().block_on(async move { tidings::startup::Application::build(config).await.err() });
    let msg = format!("{:#}", err.expect("a bad GeoIP file stops the start"));
    assert!(msg.contains("tracking.geoip_db") && msg.contains("bad.mmdb"), "{msg}");

    let good = dir.path().join("country.mmdb");
    std::fs::write(&good, mmdb_v4_country([203, 0, 113], "NL")).unwrap();
    let app = spawn_app_with(|c| {
        c.tracking.sites = vec![SHOP.into()];
        c.tracking.geoip_db = good.clone();
        c.proxy.trusted = vec!["127.0.0.1".parse().unwrap()];
    });
    for ip in ["203.0.113.77", "198.51.100.1"] {
        assert_eq!(hit(&app, Some(SHOP), &[("x-forwarded-for", ip)], &page_view(ANN_BROWSER)).status(), 204);
    }
    flush(&app);
    let events = app.state.tracking.website.events_of(&visitor_person(&app, ANN_BROWSER)).unwrap();
    let countries: Vec<Option<&str>> = events.iter().map(|e| e.country.as_deref()).collect();
    assert_eq!(countries, [Some("NL"), None]);
}

/// A minimal MaxMind DB (format 2.0, IPv4, 24-bit records) mapping one /24 to a country:
/// a search tree of 24 nodes down the prefix, then `{country: {iso_code}}`, then metadata.
fn mmdb_v4_country(prefix: [u8; 3], iso: &str) -> Vec<u8> {
    fn string(out: &mut Vec<u8>, s: &str) {
        out.push(0x40 | s.len() as u8);
        out.extend_from_slice(s.as_bytes());
    }
    fn map(out: &mut Vec<u8>, n: usize) {
        out.push(0xe0 | n as u8);
    }
    fn uint16(out: &mut Vec<u8>, v: u16) {
        out.push(0xa0 | 2);
        out.extend_from_slice(&v.to_be_bytes());
    }
    fn uint32(out: &mut Vec<u8>, v: u32) {
        out.push(0xc0 | 4);
        out.extend_from_slice(&v.to_be_bytes());
    }
    let nodes: u32 = 24;
    let data_pointer = nodes + 16; // the data section's first record
    let mut tree = Vec::new();
    for depth in 0..nodes {
        let bit = (prefix[(depth / 8) as usize] >> (7 - depth % 8)) & 1;
        let next = if depth + 1 == nodes { data_pointer } else { depth + 1 };
        let (left, right) = if bit == 0 { (next, nodes) } else { (nodes, next) };
        tree.extend_from_slice(&left.to_be_bytes()[1..]);
        tree.extend_from_slice(&right.to_be_bytes()[1..]);
    }
    let mut out = tree;
    out.extend_from_slice(&[0u8; 16]);
    map(&mut out, 1);
    string(&mut out, "country");
    map(&mut out, 1);
    string(&mut out, "iso_code");
    string(&mut out, iso);
    out.extend_from_slice(b"\xab\xcd\xefMaxMind.com");
    map(&mut out, 9);
    string(&mut out, "node_count");
    uint32(&mut out, nodes);
    string(&mut out, "record_size");
    uint16(&mut out, 24);
    string(&mut out, "ip_version");
    uint16(&mut out, 4);
    string(&mut out, "database_type");
    string(&mut out, "Test-Country");
    string(&mut out, "languages");
    out.extend_from_slice(&[0x00, 0x04]); // an empty array (extended type 11)
    string(&mut out, "binary_format_major_version");
    uint16(&mut out, 2);
    string(&mut out, "binary_format_minor_version");
    uint16(&mut out, 0);
    string(&mut out, "build_epoch");
    out.extend_from_slice(&[0x08, 0x02]); // uint64 (extended type 9), 8 bytes
    out.extend_from_slice(&1_700_000_000u64.to_be_bytes());
    string(&mut out, "description");
    map(&mut out, 0);
    out
}
