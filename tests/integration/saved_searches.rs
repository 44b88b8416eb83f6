//! Saved searches: named filters (status, tag, list, consent, engagement), through the API and
//! the contacts page, as a filter of the contacts listing and as a campaign's audience.

use std::time::{Duration, Instant};

use reqwest::blocking::Client;
use serde_json::{json, Value};

use crate::campaigns::{mail_config, Api};
use crate::helpers::spawn_app_with;
use crate::smtp_sink::{SinkOptions, SmtpSink};
use crate::tracking::contact_with;

/// Polls the contacts listing until it holds `want` contacts (tracked orders reach the search
/// index within its commit spacing).
fn wait_total(api: &Api<'_>, path: &str, want: u64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let v = api.ok("GET", path, None);
        if v["total"] == want || Instant::now() > deadline {
            return v;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn saved_searches_filter_contacts_and_make_a_campaign_audience() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    let bob = contact_with(&api, "bob@example.org", &["newsletter"]);
    let _cara = contact_with(&api, "cara@example.org", &["newsletter"]);
    for id in [&ann, &bob] {
        api.ok("PATCH", &format!("/contacts/{id}"), Some(json!({"add_tags": ["vip"]})));
    }
    // Ann bought something (reported by the shop's backend).
    let token = app.admin_token(&["record_events"]);
    let r = app
        .client()
        .post(format!("{}/api/v1/events", app.url))
        .bearer_auth(&token)
        .json(&json!({"events": [{"type": "order", "email": "ann@example.org", "id": "o-1", "amount": "120.50", "currency": "EUR"}]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);

    // Bad input names the field and saves nothing.
    for (body, field) in [
        (json!({"name": "x", "filters": {"engagement": "sometimes"}}), "engagement"),
        (json!({"name": "x", "filters": {"consent": "newsletter"}}), "consent"),
        (json!({"name": "x", "filters": {}}), "filters"),
        (json!({"name": " ", "filters": {"tag": "vip"}}), "name"),
    ] {
        let (status, v) = api.call("POST", "/saved-searches", Some(body));
        assert_eq!((status, v["field"].as_str()), (422, Some(field)), "{v}");
    }
    // A misspelt filter is refused, not dropped (which would save a wider search).
    let (status, v) = api.call("POST", "/saved-searches", Some(json!({"name": "x", "filters": {"tags": "vip"}})));
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("unknown field `tags`"), "{v}");
    assert_eq!(api.ok("GET", "/saved-searches", None)["saved_searches"], json!([]));

    let s = api.ok(
        "POST",
        "/saved-searches",
        Some(json!({"name": "VIP buyers", "filters": {"tag": "vip", "engagement": "buyers"}})),
    );
    let sid = s["id"].as_str().unwrap().to_string();
    assert_eq!(s["describe"], "tag vip, placed at least one order");
    let (status, v) =
        api.call("POST", "/saved-searches", Some(json!({"name": "vip BUYERS", "filters": {"tag": "vip"}})));
    assert_eq!((status, v["field"].as_str()), (422, Some("name")), "names are unique: {v}");

    let v = wait_total(&api, &format!("/contacts?saved_search={sid}"), 1);
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["contacts"][0]["id"], ann.as_str());
    let v = wait_total(&api, "/contacts?tag=vip&min_revenue=100", 1);
    assert_eq!(v["contacts"][0]["id"], ann.as_str(), "revenue is indexed too: {v}");
    assert_eq!(api.ok("GET", "/contacts?tag=vip&min_revenue=121", None)["total"], 0);
    let (status, v) = api.call("GET", "/contacts?saved_search=nope", None);
    assert_eq!((status, v["field"].as_str()), (400, Some("saved_search")), "{v}");

    // A campaign to the saved search alone reaches exactly Ann; its id shows in the API.
    let c = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Thanks", "subject": "Thank you", "body": "Hello {{ first_name }}", "format": "markdown",
                    "saved_search": sid})),
    );
    let cid = c["campaign"]["id"].as_str().unwrap().to_string();
    assert_eq!(api.ok("GET", &format!("/campaigns/{cid}"), None)["campaign"]["audience"]["saved_search"], sid.as_str());
    // In use by a campaign that has not gone out: not deletable.
    let (status, v) = api.call("DELETE", &format!("/saved-searches/{sid}"), None);
    assert_eq!(status, 409, "{v}");
    api.ok("POST", &format!("/campaigns/{cid}/send"), None);
    let done = api.wait_state(&cid, "sent", Duration::from_secs(20));
    assert_eq!(done["progress"]["sent"], 1, "{done}");
    let got = sink.wait_for(1);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(got[0].to, ["ann@example.org"]);

    // Widened to every VIP (PUT replaces): Bob too; a campaign to the list `news` within it.
    let editor = app.admin_token(&["edit_contacts", "view_contacts"]);
    let r = app
        .client()
        .put(format!("{}/api/v1/saved-searches/{sid}", app.url))
        .bearer_auth(&editor)
        .json(&json!({"name": "VIPs", "filters": {"tag": "vip"}}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let c = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "VIP news", "subject": "News", "body": "Hi", "format": "markdown",
                    "lists": ["news"], "saved_search": sid})),
    );
    let cid = c["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{cid}/send"), None);
    let done = api.wait_state(&cid, "sent", Duration::from_secs(20));
    assert_eq!(done["progress"]["sent"], 2, "{done}");
    let mut to: Vec<String> = sink.wait_for(3)[1..].iter().map(|m| m.to[0].clone()).collect();
    to.sort();
    assert_eq!(to, ["ann@example.org", "bob@example.org"], "Cara has no tag vip");

    // Sent campaigns do not hold it: deletable now.
    let (status, _) = api.call("DELETE", &format!("/saved-searches/{sid}"), None);
    assert_eq!(status, 204);
}

#[test]
fn the_contacts_page_saves_filters_and_lists_saved_searches() {
    let app = spawn_app_with(|_| {});
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    api.ok("PATCH", &format!("/contacts/{ann}"), Some(json!({"add_tags": ["vip"]})));
    let c: Client = app.login_admin("a long new password 1");
    let page = app.get(&c, "/contacts").text().unwrap();
    assert!(page.contains("Saved searches") && page.contains("None yet"), "empty state");
    assert!(!page.contains("Save search"), "nothing to save without filters");
    let filtered = "/contacts?q=ann&tag=vip&engagement=not_opened_90d";
    let page = app.get(&c, filtered).text().unwrap();
    assert!(page.contains("Save “tag vip, not opened in 90 days (or never)” as"), "{page}");
    assert!(page.contains("the search words are not saved"));
    assert!(page.contains("ann@example.org"), "never opened counts as not opened in 90 days");
    let r = app.post_form(
        &c,
        filtered,
        "/contacts/saved",
        &[("name", "Sleeping <VIPs>"), ("tag", "vip"), ("engagement", "not_opened_90d")],
    );
    assert_eq!(r.status(), 303);
    let to = crate::helpers::location(&r);
    assert!(to.starts_with("/contacts?tag=vip&engagement=not_opened_90d"), "{to}");
    let page = app.get(&c, &to).text().unwrap();
    assert!(page.contains("The search is saved"));
    assert!(page.contains("Sleeping &lt;VIPs&gt;") && !page.contains("Sleeping <VIPs>"), "escaped");
    let v = api.ok("GET", "/saved-searches", None);
    assert_eq!(
        v["saved_searches"][0]["filters"],
        json!({"status": null, "tag": "vip", "list": null, "consent": null, "engagement": "not_opened_90d", "segment": null})
    );
    // A bad engagement value is refused with its field named.
    let r = app.post_form(&c, filtered, "/contacts/saved", &[("name", "Odd"), ("engagement", "sometimes")]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("engagement"));
    let sid = v["saved_searches"][0]["id"].as_str().unwrap();
    let r = app.post_form(&c, "/contacts", &format!("/contacts/saved/{sid}/delete"), &[]);
    assert_eq!(r.status(), 303);
    assert!(app.get(&c, "/contacts").text().unwrap().contains("None yet"));
    // The audit log has both, without the filters' meaning lost.
    let log = app.state.audit.query(&tidings::audit::Filter::default(), 50).unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"saved_search.saved") && actions.contains(&"saved_search.deleted"), "{actions:?}");
}

/// A recurring campaign's run sends to what its campaign sends to: the saved search narrows the
/// run's lists as it narrows the campaign's (the run used to lose it and go to whole lists).
#[test]
fn a_recurring_campaign_s_runs_keep_its_saved_search() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    contact_with(&api, "cara@example.org", &["newsletter"]);
    api.ok("PATCH", &format!("/contacts/{ann}"), Some(json!({"add_tags": ["vip"]})));
    let s = api.ok("POST", "/saved-searches", Some(json!({"name": "VIPs", "filters": {"tag": "vip"}})));
    let sid = s["id"].as_str().unwrap().to_string();
    let c = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Weekly VIP", "subject": "News", "body": "Hi", "lists": ["news"], "saved_search": sid})),
    );
    let cid = c["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{cid}/send"), Some(json!({"cron": "0 9 * * 1", "time_zone": "UTC"})));
    // Its time comes (the scheduler would do this on Monday at 09:00).
    let campaign = app.state.sending.campaigns.get(&cid.parse().unwrap()).unwrap().unwrap();
    tidings::sending::ops::fire_schedule(&app.state, &campaign).unwrap();
    let got = sink.wait_for(1);
    std::thread::sleep(Duration::from_millis(500));
    let to: Vec<String> = sink.messages().iter().map(|m| m.to[0].clone()).collect();
    assert_eq!(to, ["ann@example.org"], "the run is narrowed by the saved search: {got:?}");
}
