//! Reports over real HTTPS: a campaign's report (people apart from machines, rates over the
//! recipients who could be measured, unsubscribes, complaints, bounces, attributed orders,
//! links), the comparison of campaigns, the dashboard's list growth and engagement, the
//! contact timeline a page at a time, permissions and masking, bad input refused with a 4xx
//! that says why, and tracked data full of markup rendered inert in every admin view.

use reqwest::blocking::{Client, Response};
use serde_json::{json, Value};
use tidings::domain::{CampaignId, Change, ContactId, Event, EventKind};
use tidings::tracking::Record;

use crate::campaigns::{header, mail_config, Api};
use crate::helpers::{bare_client, spawn_app_with, TestApp, NEW_PASSWORD};
use crate::smtp_sink::{Received, SinkOptions, SmtpSink};
use crate::tracking::{contact_with, send_tracked_campaign};
use crate::website::{FIREFOX, SHOP};

const XSS: &str = "<script>alert(1)</script>";
const XSS_ATTR: &str = "\"><img src=x onerror=alert(1)>";

fn get_with_token(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    let r = bare_client().get(format!("{}/api/v1{path}", app.url)).bearer_auth(token).send().unwrap();
    (r.status().as_u16(), r.json().unwrap_or(Value::Null))
}

/// Paths of the tracking URLs (`/o/`, `/c/`) in a message.
fn paths(m: &Received, prefix: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(&m.data).replace("=\r\n", "").replace("=3D", "=");
    text.match_indices(prefix)
        .map(|(i, _)| text[i..].split(|c: char| c == '"' || c.is_whitespace() || c == ')').next().unwrap().to_string())
        .collect()
}

fn hit(app: &TestApp, path: &str, agent: &str) -> u16 {
    bare_client().get(format!("{}{path}", app.url)).header("user-agent", agent).send().unwrap().status().as_u16()
}

fn flush(app: &TestApp) {
    app.state.tracking.record_durable_blocking(Vec::new()).unwrap();
}

fn page(app: &TestApp, c: &Client, path: &str) -> String {
    let r = app.get(c, path);
    assert_eq!(r.status(), 200, "{path}");
    r.text().unwrap()
}

#[test]
fn reports_campaign_report_counts_people_apart_from_machines_and_refuses_bad_input() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        c.tracking.scanner_window_secs = 0;
    });
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    contact_with(&api, "bob@example.org", &["newsletter"]);
    contact_with(&api, "cleo@example.org", &["newsletter", "engagement"]);
    let (campaign, got) = send_tracked_campaign(&app, &api, &sink, 3);
    let to = |who: &str| got.iter().find(|m| m.to[0] == who).unwrap();

    // Ann opens twice and clicks; a privacy proxy fetches her pixel; Bob (no engagement
    // consent, so no pixel) clicks; Cleo unsubscribes with the one-click link of her mail.
    let ann_open = &paths(to("ann@example.org"), "/o/")[0];
    assert_eq!(hit(&app, ann_open, FIREFOX), 200);
    assert_eq!(hit(&app, ann_open, FIREFOX), 200);
    assert_eq!(hit(&app, ann_open, "python-requests/2.31"), 200);
    assert_eq!(hit(&app, &paths(to("ann@example.org"), "/c/")[0], FIREFOX), 302);
    assert_eq!(hit(&app, &paths(to("bob@example.org"), "/c/")[0], FIREFOX), 302);
    let unsubscribe = header(to("cleo@example.org"), "List-Unsubscribe").unwrap();
    let at = unsubscribe.find("/u/").unwrap();
    let path = unsubscribe[at..].split('>').next().unwrap();
    for _ in 0..2 {
        // Twice: a second click on the link changes nothing and counts nothing.
        let r =
            bare_client().post(format!("{}{path}", app.url)).form(&[("List-Unsubscribe", "One-Click")]).send().unwrap();
        assert_eq!(r.status(), 200);
    }
    // Bob complains; Cleo's mailbox provider reports a bounce after accepting the message;
    // the same report delivered twice counts once.
    for item in [
        json!({"email": "bob@example.org", "type": "complaint", "campaign": campaign, "id": "fbl-1"}),
        json!({"email": "cleo@example.org", "type": "hard", "status": "5.1.1", "campaign": campaign, "id": "dsn-1"}),
        json!({"email": "cleo@example.org", "type": "hard", "status": "5.1.1", "campaign": campaign, "id": "dsn-1"}),
    ] {
        api.ok("POST", "/bounces", Some(item));
    }
    // Ann orders: attributed to the campaign she clicked.
    let shop = app.admin_token(&["record_events"]);
    let r = bare_client()
        .post(format!("{}/api/v1/events", app.url))
        .bearer_auth(&shop)
        .json(&json!({"events": [{"type": "order", "contact_id": ann, "id": "o-1", "amount": "10.00", "currency": "EUR"}]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    flush(&app);

    let reader = app.admin_token(&["view_reports"]);
    let (status, v) = get_with_token(&app, &reader, &format!("/campaigns/{campaign}/report"));
    assert_eq!(status, 200, "{v}");
    let r = &v["report"];
    let n = |path: &str| r.pointer(path).and_then(Value::as_u64).unwrap_or_else(|| panic!("{path} in {r}"));
    let f = |path: &str| r.pointer(path).and_then(Value::as_f64).unwrap_or_else(|| panic!("{path} in {r}"));
    assert_eq!(
        [n("/delivery/recipients"), n("/delivery/sent"), n("/delivery/delivered"), n("/delivery/bounced")],
        [3, 3, 2, 1],
        "{r}"
    );
    assert_eq!(n("/delivery/bounced_after_sending"), 1);
    assert_eq!(
        [
            n("/engagement/measured"),
            n("/engagement/unique_opens"),
            n("/engagement/opens"),
            n("/engagement/machine_opens")
        ],
        [2, 1, 2, 1],
        "Ann and Cleo could be measured; the proxy's open is apart: {r}"
    );
    assert_eq!(
        [n("/engagement/unique_clicks"), n("/engagement/clicks"), n("/engagement/anonymous_clicks")],
        [1, 2, 1],
        "{r}"
    );
    assert_eq!(r["rates"]["base"], "measured");
    assert_eq!(
        [f("/rates/open_rate"), f("/rates/click_through_rate"), f("/rates/click_to_open_rate")],
        [0.5, 0.5, 1.0]
    );
    assert_eq!([n("/unsubscribes"), n("/complaints")], [1, 1], "{r}");
    assert_eq!([f("/rates/unsubscribe_rate"), f("/rates/complaint_rate")], [0.5, 0.5]);
    assert_eq!([n("/orders/count"), n("/orders/revenue_cents"), n("/orders/attribution_days")], [1, 1000, 5]);
    assert_eq!(r["links"][0]["url"], "https://shop.example/sale?a=1&b=2");
    assert_eq!(n("/links/0/clicks"), 2);
    assert_eq!(r["timeline"]["bucket"], "hour");
    let points = r["timeline"]["points"].as_array().unwrap();
    assert!((1..=24).contains(&points.len()), "from the start of sending to now: {}", points.len());
    assert_eq!(points.iter().map(|p| p["opens"].as_u64().unwrap()).sum::<u64>(), 2);

    // The comparison and the site-wide overview.
    let (status, v) = get_with_token(&app, &reader, "/reports/campaigns?limit=5");
    assert_eq!(status, 200);
    assert_eq!(v["campaigns"][0]["campaign"]["id"], campaign.as_str());
    assert_eq!(v["campaigns"][0]["rates"]["open_rate"], 0.5);
    // List sizes come from the search index: let it catch up with the status changes.
    assert!(app.state.search.wait_for(app.state.contacts.last_logged().unwrap()));
    tidings::jobs::list_growth(&app.state).unwrap();
    let (status, v) = get_with_token(&app, &reader, "/reports/overview?days=7");
    assert_eq!(status, 200, "{v}");
    let o = &v["overview"];
    assert_eq!(o["engagement"].as_array().unwrap().len(), 7);
    assert_eq!((o["totals"]["opens"].as_u64(), o["totals"]["orders"].as_u64()), (Some(2), Some(1)), "{o}");
    // Ann is still subscribed; Bob complained; Cleo unsubscribed, then bounced.
    assert_eq!(o["growth"][6]["subscribed"], 1, "{o}");
    assert_eq!((o["now"]["complained"].as_u64(), o["now"]["bounced"].as_u64()), (Some(1), Some(1)), "{o}");
    let today = chrono::Utc::now().date_naive();
    let rows = tidings::reports::growth::history(&app.state.store, today, today).unwrap();
    assert_eq!(rows.len(), 1, "the job wrote today's row");
    assert_eq!((rows[0].1.lists[0].members, rows[0].1.lists[0].subscribed), (3, 1), "{:?}", rows[0].1);

    // Bad input is a 4xx that says what is wrong; other scopes are refused.
    for (path, status, field) in [
        ("/reports/campaigns?limit=0", 422, "limit"),
        ("/reports/campaigns?limit=ten", 422, "limit"),
        ("/reports/overview?days=400", 422, "days"),
        ("/reports/overview?days=-1", 422, "days"),
        ("/campaigns/not-a-campaign/report", 404, ""),
        (&format!("/campaigns/{}/report", CampaignId::new()), 404, ""),
    ] {
        let (s, v) = get_with_token(&app, &reader, path);
        assert_eq!((s, v["field"].as_str().unwrap_or_default()), (status, field), "{path}: {v}");
        assert!(!v["message"].as_str().unwrap_or_default().is_empty(), "{path}: {v}");
    }
    let sender = app.admin_token(&["send_campaigns"]);
    assert_eq!(get_with_token(&app, &sender, &format!("/campaigns/{campaign}/report")).0, 403);

    // In the browser's pages: an analyst reads the report, the comparison and the dashboard,
    // but not the campaign editor; a data-protection officer has no reports.
    let admin = app.login_admin(NEW_PASSWORD);
    let analyst = app.signed_in_user(&admin, "anna", "analyst");
    let html = page(&app, &analyst, &format!("/campaigns/{campaign}/report"));
    for needle in [
        "Report: Sale",
        "id=\"r-open-rate\">50%",
        "id=\"r-ctr\">50%",
        "id=\"r-machine-opens\">1<",
        "id=\"r-unsubscribes\">1<",
        "id=\"r-complaints\">1<",
        "id=\"r-revenue\">10.00 EUR<",
        // Honest figures first: rates over delivered messages, opens beside their base.
        "id=\"h-unsubscribes\">",
        "id=\"r-open-base\">1 of 2 measurable<",
        "role=\"img\"",
        "Opens and clicks per hour",
    ] {
        assert!(html.contains(needle), "{needle} in the report:\n{html}");
    }
    assert!(page(&app, &analyst, "/reports").contains(&format!("/campaigns/{campaign}/report")));
    let dash = page(&app, &analyst, "/");
    assert!(dash.contains("Audience and engagement") && dash.contains("id=\"dash-email-t\""), "{dash}");
    assert_eq!(app.get(&analyst, &format!("/campaigns/{campaign}")).status(), 403);
    let dpo = app.signed_in_user(&admin, "dora", "dpo");
    assert_eq!(app.get(&dpo, "/reports").status(), 403);
    assert!(!page(&app, &dpo, "/").contains("Audience and engagement"));
    // The campaign page and the list link to the report.
    assert!(page(&app, &admin, &format!("/campaigns/{campaign}")).contains(&format!("/campaigns/{campaign}/report")));
    assert!(page(&app, &admin, "/campaigns").contains(&format!("/campaigns/{campaign}/report")));
}

/// An API event for `contact` at `minutes_ago`.
fn event(contact: &str, kind: &str, minutes_ago: i64, extra: Value) -> Value {
    let at = (chrono::Utc::now() - chrono::Duration::minutes(minutes_ago)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut e = json!({"type": kind, "contact_id": contact, "at": at});
    for (k, v) in extra.as_object().unwrap() {
        e[k] = v.clone();
    }
    e
}

fn post_events(app: &TestApp, token: &str, events: Vec<Value>) -> Response {
    bare_client()
        .post(format!("{}/api/v1/events", app.url))
        .bearer_auth(token)
        .json(&json!({"events": events}))
        .send()
        .unwrap()
}

#[test]
fn reports_contact_timeline_interleaves_events_newest_first_a_page_at_a_time() {
    let app = spawn_app_with(|_| {});
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement", "website_tracking"]);
    let shop = app.admin_token(&["record_events"]);
    // 60 page views an hour and more ago, then a custom event, then an order.
    let mut events: Vec<Value> = (0..60)
        .map(|i| event(&ann, "page_view", 200 - i, json!({"url": format!("{SHOP}/p/{i}?email=ann@example.org")})))
        .collect();
    events.push(event(&ann, "custom", 30, json!({"name": "coupon_applied", "properties": {"coupon": "SPRING"}})));
    events.push(event(
        &ann,
        "order",
        20,
        json!({"id": "W-1", "amount": "49.90", "currency": "EUR", "items": [{"sku": "SH-1", "name": "Shoe", "quantity": 2, "price": "24.95"}]}),
    ));
    assert_eq!(post_events(&app, &shop, events).status(), 200);

    let admin = app.login_admin(NEW_PASSWORD);
    let first = page(&app, &admin, &format!("/contacts/{ann}"));
    let at = |needle: &str| first.find(needle).unwrap_or_else(|| panic!("{needle} on the first page"));
    assert!(at("Order of 49.90 EUR") < at("Event coupon_applied"), "newest first");
    assert!(at("Event coupon_applied") < at("Viewed a page"));
    at("2 × Shoe (SH-1) at 24.95 EUR");
    at("coupon: SPRING");
    at("href=\"https:&#x2f;&#x2f;shop.example&#x2f;p&#x2f;59?email=ann@example.org\"");
    assert_eq!(first.matches("class=\"t-page_view").count(), 48, "50 events a page");
    let marker = "id=\"timeline-older\" href=\"";
    let at_link = first.find(marker).expect("a link to older entries") + marker.len();
    let link = first[at_link..].split('"').next().unwrap().replace("&#x2f;", "/").replace("&amp;", "&");
    let second = page(&app, &admin, &link);
    assert_eq!(second.matches("class=\"t-page_view").count(), 12);
    assert!(!second.contains("Order of") && !second.contains("id=\"timeline-older\""), "the rest, once");
    assert!(second.contains("Back to the newest entries"));

    // Masked for an analyst: no query strings, no properties.
    let analyst = app.signed_in_user(&admin, "anna", "analyst");
    let masked = page(&app, &analyst, &format!("/contacts/{ann}"));
    assert!(masked.contains("(query masked)") && masked.contains("properties hidden"), "{masked}");
    assert!(!masked.contains("SPRING") && !masked.contains("email=ann"), "{masked}");
    assert!(masked.contains("Order of 49.90 EUR"));

    // A cursor that is not an event id is refused, saying so.
    let r = app.get(&admin, &format!("/contacts/{ann}?before=yesterday"));
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("not an event id"));
}

/// Every `href` of a page (entities undone): relative, or http(s); never a script.
fn assert_inert(what: &str, html: &str) {
    assert!(!html.contains("<script>alert"), "{what}: a raw script tag:\n{html}");
    assert!(!html.contains("<img src=x"), "{what}: a raw img tag:\n{html}");
    for (i, _) in html.match_indices("href=\"") {
        let href = html[i + 6..].split('"').next().unwrap().replace("&#x2f;", "/").replace("&amp;", "&");
        let ok = href.starts_with('/')
            || href.starts_with('#')
            || href.starts_with("https://")
            || href.starts_with("http://");
        assert!(ok && !href.starts_with("//"), "{what}: href {href}");
    }
}

#[test]
fn reports_xss_payloads_in_tracked_data_render_inert_in_every_admin_view() {
    let app = spawn_app_with(|c| c.tracking.sites = vec![SHOP.into()]);
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement", "website_tracking"]);
    let ann_id: ContactId = ann.parse().unwrap();
    // Two campaigns named with markup, taken as sent, one opened and ordered from.
    let mut campaigns = Vec::new();
    for name in [XSS, XSS_ATTR] {
        let v =
            api.ok("POST", "/campaigns", Some(json!({"name": name, "subject": XSS, "body": "Hi", "lists": ["news"]})));
        let id: CampaignId = v["campaign"]["id"].as_str().unwrap().parse().unwrap();
        let mut c = app.state.sending.campaigns.get(&id).unwrap().unwrap();
        c.state = tidings::sending::CampaignState::Sent;
        c.started_at = Some(chrono::Utc::now());
        app.state.sending.campaigns.put(&c).unwrap();
        campaigns.push(id);
    }
    // Ann could be measured, so the comparison draws the campaigns' rates, named on its axis.
    let sent = Change::MessageSent { contact: ann_id, campaign: Some(campaigns[0]), measured: true };
    app.state.feed.record(tidings::store::Writes::new(), &[sent]).unwrap();
    let mut open = Event::new(EventKind::Open, chrono::Utc::now(), "pixel");
    open.mailing = Some(campaigns[0].uuid());
    app.state
        .tracking
        .record_durable_blocking(vec![Record { contact: Some(ann_id), event: open, link: None }])
        .unwrap();

    // The website tracker, from a visitor linked to Ann by a tracked click's token: markup in
    // the user agent, the address, the referrer and the properties.
    let token = tidings::tracking::website::sign_visit(app.state.store.keyring(), &ann_id, chrono::Utc::now());
    let body = json!({
        "visitor": "0123456789abcdef0123456789abcdef", "type": "custom", "name": "product_viewed", "link": token,
        "url": format!("{SHOP}/p?q={XSS_ATTR}#{XSS}"),
        "referrer": format!("https://ref.example/?q={XSS}"),
        "properties": {"sku": XSS, XSS: XSS_ATTR, "next": "javascript:alert(1)"},
    });
    let r = bare_client()
        .post(format!("{}/t/collect", app.url))
        .header("origin", SHOP)
        .header("content-type", "text/plain")
        .header("user-agent", format!("{XSS} Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 {XSS_ATTR}"))
        .header("referer", format!("https://ref.example/{XSS}"))
        .body(body.to_string())
        .send()
        .unwrap();
    assert_eq!(r.status(), 204);
    // The events API: markup in an order's items and properties and a page's address; a
    // javascript: address is refused outright.
    let shop = app.admin_token(&["record_events"]);
    let events = vec![
        event(
            &ann,
            "order",
            1,
            json!({"amount": "5", "currency": "EUR", "properties": {"note": XSS},
            "items": [{"sku": XSS_ATTR, "name": XSS, "quantity": 1, "price": "5"}]}),
        ),
        event(&ann, "page_view", 1, json!({"url": format!("{SHOP}/{XSS}?x={XSS_ATTR}")})),
    ];
    assert_eq!(post_events(&app, &shop, events).status(), 200);
    for bad in [json!({"url": "javascript:alert(1)"}), json!({"referrer": "JAVASCRIPT:alert(1)"})] {
        let r = post_events(&app, &shop, vec![event(&ann, "page_view", 1, bad)]);
        assert_eq!(r.status(), 422);
    }
    flush(&app);
    assert_eq!(
        app.state.tracking.store.events_of(&ann_id, 10).unwrap().len(),
        4,
        "the open, the hit, the order, the view"
    );

    let admin = app.login_admin(NEW_PASSWORD);
    let analyst = app.signed_in_user(&admin, "anna", "analyst");
    let contact = page(&app, &admin, &format!("/contacts/{ann}"));
    assert!(contact.contains("&lt;script&gt;alert(1)"), "the payloads are shown, as text:\n{contact}");
    assert!(contact.contains("Firefox on Linux"), "the agent is reduced to a browser family");
    let report = page(&app, &admin, &format!("/campaigns/{}/report", campaigns[0]));
    assert!(report.contains("<text class=\"xlab\" x=") && report.contains(">&lt;script&gt;alert…</text>"), "{report}");
    for (what, html) in [
        ("contact timeline", contact),
        ("campaign report with its charts", report),
        ("masked contact timeline", page(&app, &analyst, &format!("/contacts/{ann}"))),
        ("campaign report", page(&app, &admin, &format!("/campaigns/{}/report", campaigns[0]))),
        ("comparison", page(&app, &admin, "/reports")),
        ("dashboard", page(&app, &admin, "/")),
        ("campaigns", page(&app, &admin, "/campaigns")),
        ("contacts", page(&app, &admin, "/contacts")),
    ] {
        assert_inert(what, &html);
    }
}
