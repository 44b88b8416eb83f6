//! Tracking end to end: a campaign goes out through a real SMTP server, its pixel and links are
//! fetched over HTTPS, and the store, the counters and the search index show what happened.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::campaigns::{mail_config, Api};
use crate::helpers::{bare_client, spawn_app_with, TestApp};
use crate::smtp_sink::{Received, SinkOptions, SmtpSink};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/// The HTML part, quoted-printable undone as far as the links need.
fn body(m: &Received) -> String {
    String::from_utf8_lossy(&m.data).replace("=\r\n", "").replace("=3D", "=")
}

/// Paths (from `/o/` or `/c/`) of the tracking URLs in a message, in order.
pub fn paths(m: &Received, prefix: &str) -> Vec<String> {
    let text = body(m);
    text.match_indices(prefix)
        .map(|(i, _)| text[i..].split(|c: char| c == '"' || c.is_whitespace() || c == ')').next().unwrap().to_string())
        .collect()
}

pub fn contact_with(api: &Api<'_>, email: &str, purposes: &[&str]) -> String {
    let consents: Vec<Value> = purposes.iter().map(|p| json!({"purpose": p, "granted": true})).collect();
    let v = api.ok(
        "POST",
        "/contacts",
        Some(json!({"email": email, "first_name": "Ann", "lists": ["news"], "consents": consents})),
    );
    v["id"].as_str().unwrap().to_string()
}

/// Sends a campaign with one static and one personalised link to the given contacts' list and
/// returns its id with the messages received.
pub fn send_tracked_campaign(app: &TestApp, api: &Api<'_>, sink: &SmtpSink, n: usize) -> (String, Vec<Received>) {
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({
            "name": "Sale", "subject": "Our sale",
            "body": "# Sale\n\n[Shop the sale](https://shop.example/sale?a=1&b=2)\n\n[Your page](https://shop.example/me?u={{ email }})",
            "format": "markdown", "lists": ["news"],
        })),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let done = api.wait_state(&id, "sent", Duration::from_secs(20));
    assert_eq!(done["state"], "sent", "{done}");
    let _ = app;
    (id, sink.wait_for(n))
}

fn flush(app: &TestApp) {
    app.state.tracking.record_durable_blocking(Vec::new()).unwrap();
}

#[test]
fn opens_and_clicks_are_signed_consent_gated_counted_and_searchable() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        // The test clicks at once; the timing rule has its own unit test.
        c.tracking.scanner_window_secs = 0;
    });
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    let bob = contact_with(&api, "bob@example.org", &["newsletter"]);
    let (campaign, got) = send_tracked_campaign(&app, &api, &sink, 2);
    let to = |who: &str| got.iter().find(|m| m.to[0] == who).unwrap();
    let (ann_mail, bob_mail) = (to("ann@example.org"), to("bob@example.org"));

    // Consent decides the pixel; both get click redirects for the static link only.
    let ann_open = paths(ann_mail, "/o/");
    assert_eq!(ann_open.len(), 1, "{}", body(ann_mail));
    assert!(paths(bob_mail, "/o/").is_empty(), "no pixel without engagement consent");
    let ann_clicks = paths(ann_mail, "/c/");
    let bob_clicks = paths(bob_mail, "/c/");
    assert_eq!(ann_clicks.len(), 2, "HTML and text part: {}", body(ann_mail));
    assert!(body(ann_mail).contains("https://shop.example/me?u=ann@example.org"), "personalised link untouched");
    assert!(!body(ann_mail).contains("https://shop.example/sale"), "the static link is rewritten");

    let c = bare_client();
    let get = |path: &str, agent: &str| c.get(format!("{}{path}", app.url)).header("user-agent", agent).send().unwrap();
    let r = get(&ann_open[0], FIREFOX);
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/gif");
    assert_eq!(r.headers()["cross-origin-resource-policy"], "cross-origin");
    assert!(r.headers()["cache-control"].to_str().unwrap().contains("no-store"));
    assert_eq!(r.bytes().unwrap().len(), 43);

    for path in [&ann_clicks[0], &bob_clicks[0]] {
        let r = get(path, FIREFOX);
        assert_eq!(r.status(), 302, "{path}");
        assert_eq!(r.headers()["location"], "https://shop.example/sale?a=1&b=2");
    }
    // A scanner's click still gets the person... the scanner where it goes, but counts apart.
    let r = get(&ann_clicks[0], "python-requests/2.31");
    assert_eq!(r.status(), 302);

    // Forged, altered, cross-kind and foreign tokens, and every open-redirect spelling: 404,
    // no Location, nothing recorded.
    let token = ann_clicks[0].trim_start_matches("/c/").to_string();
    let mut altered = token.clone().into_bytes();
    altered[30] = if altered[30] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    let open_token = ann_open[0].trim_start_matches("/o/");
    for bad in [
        format!("/c/{altered}"),
        format!("/c/{open_token}"),
        format!("/o/{token}"),
        format!("/c/{}", &token[..token.len() - 2]),
        format!("/c/{token}x"),
        "/c/%2F%2Fevil.example".to_string(),
        "/c///evil.example".to_string(),
        "/c/%5C%5Cevil.example".to_string(),
        "/c/https:%2F%2Fevil.example".to_string(),
        "/c/%EF%BC%8F%EF%BC%8Fevil.example".to_string(),
        "/c/".to_string(),
    ] {
        let r = get(&bad, FIREFOX);
        assert!(r.status() == 404 || r.status() == 405, "{bad}: {}", r.status());
        assert!(r.headers().get("location").is_none(), "{bad} redirected");
    }

    flush(&app);
    let mailing: uuid::Uuid = campaign.parse().unwrap();
    let (totals, _) = app.state.tracking.store.totals(&mailing).unwrap();
    assert_eq!((totals.opens, totals.unique_opens, totals.clicks, totals.unique_clicks), (1, 1, 2, 1), "{totals:?}");
    assert_eq!((totals.anonymous_clicks, totals.machine_clicks), (1, 1), "{totals:?}");
    let links = app.state.tracking.store.link_clicks(&mailing).unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!((links[0].url.as_str(), links[0].human, links[0].machine), ("https://shop.example/sale?a=1&b=2", 2, 1));

    // Per person: only Ann, with a truncated address and a browser family.
    let ann_id: tidings::domain::ContactId = ann.parse().unwrap();
    let bob_id: tidings::domain::ContactId = bob.parse().unwrap();
    let events = app.state.tracking.store.events_of(&ann_id, 10).unwrap();
    assert_eq!(events.len(), 3, "{events:?}");
    assert!(events.iter().all(|e| e.ip.map(|i| i.to_string()).as_deref() == Some("127.0.0.0/24")), "{events:?}");
    assert!(events.iter().any(|e| e.machine.is_some()));
    assert!(app.state.tracking.store.events_of(&bob_id, 10).unwrap().is_empty());
    let v = api.ok("GET", &format!("/contacts/{ann}"), None);
    assert_eq!((v["activity"]["opens"].as_u64(), v["activity"]["clicks"].as_u64()), (Some(1), Some(1)), "{v}");

    // The aggregates reach the search index.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let v = api.ok("GET", "/contacts?opened_after=2020-01-01", None);
        let emails: Vec<&str> = v["contacts"].as_array().unwrap().iter().filter_map(|c| c["email"].as_str()).collect();
        if emails == ["ann@example.org"] {
            break;
        }
        assert!(Instant::now() < deadline, "search by last open: {v}");
        std::thread::sleep(Duration::from_millis(50));
    }
    let v = api.ok("GET", "/contacts?opened_before=2020-01-01", None);
    let emails: Vec<&str> = v["contacts"].as_array().unwrap().iter().filter_map(|c| c["email"].as_str()).collect();
    assert_eq!(emails, ["bob@example.org"], "never opened counts as before");
}

#[test]
fn a_withdrawn_or_erased_contact_is_no_longer_measured_per_person() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        c.tracking.scanner_window_secs = 0;
    });
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    let cleo = contact_with(&api, "cleo@example.org", &["newsletter", "engagement"]);
    let (campaign, got) = send_tracked_campaign(&app, &api, &sink, 2);
    let to = |who: &str| got.iter().find(|m| m.to[0] == who).unwrap();
    // Ann withdraws her engagement consent after the mail left: her old links count only in
    // the totals. Cleo is erased: her old links bring nothing of her back.
    api.ok("POST", &format!("/contacts/{ann}/consents"), Some(json!({"purpose": "engagement", "granted": false})));
    api.ok("DELETE", &format!("/contacts/{cleo}"), None);
    let c = bare_client();
    for who in ["ann@example.org", "cleo@example.org"] {
        for path in paths(to(who), "/o/").iter().chain(paths(to(who), "/c/").iter().take(1)) {
            let r = c.get(format!("{}{path}", app.url)).header("user-agent", FIREFOX).send().unwrap();
            assert!(r.status() == 200 || r.status() == 302, "{path}");
        }
    }
    flush(&app);
    for id in [&ann, &cleo] {
        let id: tidings::domain::ContactId = id.parse().unwrap();
        assert!(app.state.tracking.store.events_of(&id, 10).unwrap().is_empty());
        assert!(app.state.contacts.activity(&id).unwrap().is_empty());
    }
    assert!(app
        .state
        .store
        .existing_data_key(&cleo.parse::<tidings::domain::ContactId>().unwrap().person())
        .unwrap()
        .is_none());
    let (totals, _) = app.state.tracking.store.totals(&campaign.parse().unwrap()).unwrap();
    assert_eq!((totals.opens, totals.unique_opens, totals.clicks, totals.anonymous_clicks), (2, 0, 2, 2), "{totals:?}");
}

#[test]
fn events_past_their_purpose_retention_are_deleted_by_the_job() {
    use tidings::domain::{Event, EventKind};
    use tidings::tracking::Record;
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);
    api.list("News");
    let ann: tidings::domain::ContactId = contact_with(&api, "ann@example.org", &["engagement"]).parse().unwrap();
    let now = chrono::Utc::now();
    let ev = |kind, days_ago: i64| {
        let mut e = Event::new(kind, now - chrono::Duration::days(days_ago), "api");
        e.url = Some("https://shop.example/".into());
        Record { contact: Some(ann), event: e, link: None }
    };
    app.state
        .tracking
        .record_durable_blocking(vec![
            ev(EventKind::Open, 400),
            ev(EventKind::Open, 10),
            ev(EventKind::PageView, 200),
            ev(EventKind::PageView, 400),
        ])
        .unwrap();
    assert_eq!(app.state.tracking.store.events_of(&ann, 10).unwrap().len(), 4);
    // Website tracking kept for 180 days by the DPO's choice; engagement at its default (365).
    let dpo = app.admin_token(&["manage_gdpr"]);
    let r = app
        .client()
        .patch(format!("{}/api/v1/purposes/website_tracking", app.url))
        .bearer_auth(dpo)
        .json(&json!({"retention_days": 180}))
        .send()
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().unwrap());
    let msg = tidings::jobs::retention(&app.state).unwrap();
    // The retention run's summary: counts per rule (email events by `engagement`'s 365 days,
    // website events by the 180 days chosen above).
    assert!(msg.starts_with("removed 1 email_events, 2 website_events,"), "{msg}");
    let left = app.state.tracking.store.events_of(&ann, 10).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].kind, EventKind::Open);
    // The time-ordered log holds nothing more than the events.
    assert_eq!(app.state.store.tree("events_by_time").unwrap().len(), 1);
}
