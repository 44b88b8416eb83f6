//! A segment as a filter of the contact list (issue 22: "the members: the contact list filtered
//! by the segment, with the usual search, export and masking rules"). The search index holds
//! each contact's segments, following the segments' entries and exits on the change feed.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::campaigns::Api;
use crate::helpers::{seed_news_subscribers, spawn_app, TestApp, NEW_PASSWORD};

/// Polls the segment until it is built (at most 10 s).
fn built(api: &Api<'_>, id: &str) {
    let started = Instant::now();
    while api.ok("GET", &format!("/segments/{id}"), None)["segment"]["build"]["state"] != "ready" {
        assert!(started.elapsed() < Duration::from_secs(10), "the segment was never built");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The emails a listing of `/api/v1/contacts?…` returns, sorted.
fn emails(v: &Value) -> Vec<String> {
    let mut out: Vec<String> =
        v["contacts"].as_array().unwrap().iter().map(|c| c["email"].as_str().unwrap().to_string()).collect();
    out.sort();
    out
}

/// The segment's own members (as the segments room keeps them), by email, sorted.
fn members(api: &Api<'_>, id: &str) -> Vec<String> {
    let v = api.ok("GET", &format!("/segments/{id}/members"), None);
    let mut out: Vec<String> = v["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            api.ok("GET", &format!("/contacts/{}", c["id"].as_str().unwrap()), None)["email"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    out.sort();
    out
}

/// Polls the filtered list until `done` holds of its emails (at most 10 s).
fn wait_listed(api: &Api<'_>, path: &str, done: impl Fn(&[String]) -> bool) -> Vec<String> {
    let started = Instant::now();
    loop {
        let got = emails(&api.ok("GET", path, None));
        if done(&got) {
            return got;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{path} never got there: {got:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A shop with four VIPs (two in Berlin) and two others (one in Berlin), and the segment "VIPs".
fn vip_shop(app: &TestApp) -> (Api<'_>, String) {
    let api = Api::new(app);
    api.list("news");
    for (email, tags) in [
        ("ann.berlin@example.org", &["vip"][..]),
        ("bea.berlin@example.org", &["vip"][..]),
        ("cem.hamburg@example.org", &["vip"][..]),
        ("dora.koeln@example.org", &["vip"][..]),
        ("emil.berlin@example.org", &[][..]),
        ("fritz.bonn@example.org", &[][..]),
    ] {
        api.contact(email, &["news"], tags, true);
    }
    let v = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "VIPs", "filter": {"all": [{"field": "tags", "op": "contains", "value": "vip"}]}})),
    );
    let id = v["segment"]["id"].as_str().unwrap().to_string();
    built(&api, &id);
    (api, id)
}

/// The contact list filtered by a segment lists exactly its members, the search words narrow
/// within it, and it follows a contact entering and leaving (the index takes in each entry and
/// exit on the feed); the page says "in segment VIPs" and carries the filter in its links.
#[test]
fn the_contact_list_filtered_by_a_segment_is_its_members_and_follows_them() {
    let app = spawn_app();
    let (api, vip) = vip_shop(&app);
    let listed = emails(&api.ok("GET", &format!("/contacts?segment={vip}&limit=100"), None));
    assert_eq!(listed.len(), 4, "{listed:?}");
    assert_eq!(listed, members(&api, &vip));
    let v = api.ok("GET", &format!("/contacts?segment={vip}&q=berlin"), None);
    assert_eq!(emails(&v), ["ann.berlin@example.org", "bea.berlin@example.org"], "{v}");
    assert_eq!(v["total"], 2);

    // The page: the members, the words, the filter kept in the export link and the paging.
    let admin = app.login_admin(NEW_PASSWORD);
    let page = app.get(&admin, &format!("/contacts?segment={vip}")).text().unwrap();
    for m in &listed {
        assert!(page.contains(m.as_str()), "{m} listed: {page}");
    }
    assert!(!page.contains("emil.berlin@example.org") && !page.contains("fritz.bonn"), "{page}");
    assert!(page.contains(&format!("<option value=\"{vip}\" selected>VIPs (4)</option>")), "{page}");
    assert!(page.contains("in segment VIPs"), "the words say so: {page}");
    assert!(page.contains(&format!("contacts&#x2f;export?format=csv&amp;segment={vip}\"")), "{page}");
    assert!(page.contains(&format!("name=\"segment\" value=\"{vip}\"")), "the bulk and save forms carry it");
    let segment_page = app.get(&admin, &format!("/segments/{vip}")).text().unwrap();
    assert!(segment_page.contains(&format!("href=\"/contacts?segment={vip}\"")), "{segment_page}");

    // Emil gets the tag: he enters the segment, and the filtered list, by himself.
    let emil =
        api.ok("GET", "/contacts?q=emil.berlin@example.org", None)["contacts"][0]["id"].as_str().unwrap().to_string();
    api.ok("PATCH", &format!("/contacts/{emil}"), Some(json!({"tags": ["vip"]})));
    let path = format!("/contacts?segment={vip}&q=berlin");
    wait_listed(&api, &path, |got| got.len() == 3);
    // Ann loses it: she leaves.
    let ann =
        api.ok("GET", "/contacts?q=ann.berlin@example.org", None)["contacts"][0]["id"].as_str().unwrap().to_string();
    api.ok("PATCH", &format!("/contacts/{ann}"), Some(json!({"tags": []})));
    let got = wait_listed(&api, &path, |got| got.len() == 2);
    assert_eq!(got, ["bea.berlin@example.org", "emil.berlin@example.org"]);
    let all = emails(&api.ok("GET", &format!("/contacts?segment={vip}&limit=100"), None));
    assert_eq!(all, members(&api, &vip));

    // A saved search keeps the segment, and says so.
    let saved = api.ok("POST", "/saved-searches", Some(json!({"name": "VIP view", "filters": {"segment": vip}})));
    let sid = saved["id"].as_str().unwrap();
    assert_eq!(saved["describe"], format!("in segment {vip}"));
    assert_eq!(emails(&api.ok("GET", &format!("/contacts?saved_search={sid}&limit=100"), None)), all);
    // …and the segment cannot be deleted from under it.
    let (status, v) = api.call("DELETE", &format!("/segments/{vip}"), None);
    assert_eq!(status, 409, "{v}");
    assert!(v["message"].as_str().unwrap().contains("VIP view"), "{v}");
}

/// The export of `?segment=` holds exactly the members; a role that sees masked data lists them
/// masked and may not export them, as with any other filter.
#[test]
fn the_export_of_a_segment_is_its_members_under_the_usual_masking() {
    let app = spawn_app();
    let (api, vip) = vip_shop(&app);
    let token = app.admin_token(&["view_contacts", "view_personal_data"]);
    let csv = app
        .client()
        .get(format!("{}/api/v1/contacts/export?segment={vip}", app.url))
        .bearer_auth(&token)
        .send()
        .unwrap();
    assert_eq!(csv.status(), 200);
    let csv = csv.text().unwrap();
    let mut exported: Vec<String> =
        csv.lines().skip(1).map(|l| l.split(',').nth(1).unwrap().trim_matches('"').to_string()).collect();
    exported.sort();
    assert_eq!(exported, members(&api, &vip), "{csv}");

    // An analyst sees the members masked, and is refused the export.
    let admin = app.login_admin(NEW_PASSWORD);
    let analyst = app.signed_in_user(&admin, "ana", "analyst");
    let page = app.get(&analyst, &format!("/contacts?segment={vip}")).text().unwrap();
    assert!(page.contains("data-total=\"4\""), "{page}");
    assert!(!page.contains("ann.berlin@example.org") && !page.contains("cem.hamburg@example.org"), "masked: {page}");
    let r = app.get(&analyst, &format!("/api/v1/contacts/export?segment={vip}"));
    assert_eq!(r.status(), 403);

    // The page's bulk export over "all matching" is the members too.
    let list = app.get(&admin, &format!("/contacts?segment={vip}")).text().unwrap();
    let csrf = crate::helpers::csrf_of(&list);
    let r = admin
        .post(format!("{}/contacts/bulk", app.url))
        .form(&[("csrf", csrf.as_str()), ("action", "export"), ("all", "1"), ("segment", vip.as_str())])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let csv = r.text().unwrap();
    let mut exported: Vec<String> =
        csv.lines().skip(1).map(|l| l.split(',').nth(1).unwrap().trim_matches('"').to_string()).collect();
    exported.sort();
    assert_eq!(exported, members(&api, &vip), "{csv}");
}

/// An unknown segment is a 4xx naming `segment` (the API) or a message (the page), never a 500
/// nor every contact; a segment not built yet says so rather than list a part of its members.
#[test]
fn an_unknown_or_unbuilt_segment_is_refused_naming_it() {
    let app = spawn_app();
    let (api, _) = vip_shop(&app);
    let gone = tidings::domain::SegmentId::new().to_string();
    for path in [format!("/contacts?segment={gone}"), format!("/contacts/export?segment={gone}")] {
        let (status, v) = api.call("GET", &path, None);
        assert_eq!(status, 422, "{path}: {v}");
        assert_eq!(v["field"], "segment", "{v}");
    }
    let (status, v) = api.call("GET", "/contacts?segment=vips", None);
    assert_eq!((status, v["field"].as_str()), (400, Some("segment")), "{v}");
    let admin = app.login_admin(NEW_PASSWORD);
    let r = app.get(&admin, &format!("/contacts?segment={gone}"));
    assert_eq!(r.status(), 200);
    let page = r.text().unwrap();
    assert!(page.contains("There is no such segment"), "{page}");
    assert!(!page.contains("ann.berlin@example.org"), "nobody is listed: {page}");

    // A segment whose build has not run (stored as queued): not listed, and said.
    let queued = tidings::segments::Segment {
        id: tidings::domain::SegmentId::new(),
        name: "Waiting".into(),
        description: String::new(),
        filter: json!({"all": [{"field": "tags", "op": "contains", "value": "vip"}]}).to_string(),
        version: 1,
        build: tidings::segments::Build::Queued,
        created_at: chrono::Utc::now(),
        updated_at: chrono::Utc::now(),
        created_by: "test".into(),
    };
    app.state.segments.segments().put(&queued).unwrap();
    app.state.store.commit().unwrap();
    let (status, v) = api.call("GET", &format!("/contacts?segment={}", queued.id), None);
    assert_eq!((status, v["field"].as_str()), (409, Some("segment")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("not built yet"), "{v}");
    let page = app.get(&admin, &format!("/contacts?segment={}", queued.id)).text().unwrap();
    assert!(page.contains("is still being built"), "{page}");
    assert!(!page.contains("ann.berlin@example.org"), "nobody is listed: {page}");
}

/// Another door of the export: a listing filtered by engagement alone exported every contact
/// (the export only counted the older filters as filters).
#[test]
fn an_export_filtered_by_engagement_alone_is_filtered() {
    let app = spawn_app();
    let (_api, _) = vip_shop(&app);
    let token = app.admin_token(&["view_contacts", "view_personal_data"]);
    let csv = app
        .client()
        .get(format!("{}/api/v1/contacts/export?opened_after=2026-01-01", app.url))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(csv.lines().count(), 1, "nobody has opened anything: {csv}");
}

/// CPU seconds (user + system) a thread of this process has used, by its name.
fn thread_cpu(name: &str) -> f64 {
    let tick = 100.0; // USER_HZ on Linux
    let mut total = 0.0;
    for task in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        if comm.trim() != name {
            continue;
        }
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
        let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0)
            + f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
        total += ticks / tick;
    }
    total
}

/// The cost of building a segment over 20,000 contacts, most of whom enter: until the build is
/// ready, and until the search index has taken in every entry (before memberships were indexed,
/// the index only moved its cursor past them). Run by hand:
/// `cargo test --test integration segment_list::building_over_20k_contacts -- --ignored --nocapture`
#[test]
#[ignore]
fn building_over_20k_contacts() {
    const N: usize = 20_000;
    let app = spawn_app();
    let state = &app.state;
    let seeded = Instant::now();
    seed_news_subscribers(state, N);
    assert!(state.search.catch_up(Duration::from_secs(120)));
    eprintln!("seeded {N} contacts in {:.1} s", seeded.elapsed().as_secs_f64());
    let (cpu_indexer, cpu_segments) = (thread_cpu("indexer"), thread_cpu("feed-segments"));
    let started = Instant::now();
    let input = tidings::segments::ops::SegmentInput {
        name: Some("Most of them".into()),
        description: None,
        // r1900–r1999 and r19000–r19999 stay out: 18,900 of 20,000 enter.
        filter: Some(json!({"all": [
            {"field": "lists", "op": "contains", "value": "news"},
            {"none": [{"field": "email", "op": "starts_with", "value": "r19"}]},
        ]})),
    };
    let s = tidings::segments::ops::create(state, tidings::ops::By::cli(), &input).unwrap();
    loop {
        let now = state.segments.segments().get(&s.id).unwrap().unwrap();
        if now.build.is_ready() {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(600), "not built: {:?}", now.build);
        std::thread::sleep(Duration::from_millis(10));
    }
    let ready = started.elapsed();
    assert!(state.search.catch_up(Duration::from_secs(600)));
    let indexed = started.elapsed();
    let size = state.segments.segments().size(&s.id).unwrap();
    assert_eq!(size, 18_900);
    let members = tidings::search::ContactQuery { segments: vec![s.id], ..Default::default() };
    assert_eq!(state.search.index.count(&members).unwrap(), 18_900, "the index holds every member");
    eprintln!(
        "segment of {size}: built in {:.2} s, indexed in {:.2} s; CPU: indexer {:.2} s, segments' reader {:.2} s",
        ready.as_secs_f64(),
        indexed.as_secs_f64(),
        thread_cpu("indexer") - cpu_indexer,
        thread_cpu("feed-segments") - cpu_segments,
    );
}

/// A segment built on another (`{"segment": …, "member": …}`) is counted by the index alone:
/// it holds memberships exactly, so the builder's count need not evaluate anyone; a rebuild of
/// the index keeps them.
#[test]
fn membership_of_another_segment_is_answered_by_the_index() {
    let app = spawn_app();
    let (api, vip) = vip_shop(&app);
    let state = &app.state;
    assert!(state.search.catch_up(Duration::from_secs(10)));
    for (member, expected) in [(true, 4), (false, 2)] {
        let json = json!({"all": [{"segment": vip, "member": member}]});
        let filter = tidings::segments::ops::parse_filter(state, &json).unwrap();
        let narrowed = state.search.index.narrow(&filter);
        assert!(narrowed.exact, "member: {member}");
        assert_eq!(state.search.index.count_of(&*narrowed.query).unwrap(), expected, "member: {member}");
        let v = api.ok("POST", "/segments/preview", Some(json!({"filter": json})));
        assert_eq!(v["matched"], expected, "{v}");
    }
    // A full reindex (`tidings reindex`, or an index from another schema at start) reads the
    // memberships again.
    let id: tidings::domain::SegmentId = vip.parse().unwrap();
    let members = tidings::search::ContactQuery { segments: vec![id], ..Default::default() };
    assert_eq!(state.search.index.rebuild(&state.contacts, &|_| {}).unwrap(), 6);
    assert_eq!(state.search.index.count(&members).unwrap(), 4);
}

/// Another door: a campaign sent to a saved search filtered by a segment counts the members
/// (the sender's own rules on top), and refuses while the segment is not built.
#[test]
fn a_campaign_to_a_saved_search_of_a_segment_reaches_its_members_once_built() {
    let app = spawn_app();
    let (api, vip) = vip_shop(&app);
    let saved = api.ok("POST", "/saved-searches", Some(json!({"name": "VIP view", "filters": {"segment": vip}})));
    let sid = saved["id"].as_str().unwrap();
    let body = json!({"name": "VIP news", "subject": "Hello", "body": "Hello {{ first_name }}", "saved_search": sid});
    let id = api.ok("POST", "/campaigns", Some(body))["campaign"]["id"].as_str().unwrap().to_string();
    let count = api.ok("POST", &format!("/campaigns/{id}/audience-count"), Some(json!({})));
    assert_eq!(count["count"], 4, "{count}");
    // The segment edited: rebuilt, so not listable until built again.
    let mut s = app.state.segments.segments().get(&vip.parse().unwrap()).unwrap().unwrap();
    s.build = tidings::segments::Build::Queued;
    app.state.segments.segments().put(&s).unwrap();
    app.state.store.commit().unwrap();
    let (status, v) = api.call("POST", &format!("/campaigns/{id}/audience-count"), Some(json!({})));
    assert_eq!((status, v["field"].as_str()), (422, Some("saved_search")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("not built yet"), "{v}");
}

/// `tidings export --segment <id>` (the control socket's export) writes the members, and
/// refuses an unknown segment rather than write everyone.
#[test]
fn the_command_line_export_takes_a_segment() {
    let app = spawn_app();
    let (api, vip) = vip_shop(&app);
    let out = app.dir.path().join("vips.csv");
    let export = |segment: &str| {
        let filter = tidings::control::ExportFilter { segments: vec![segment.to_string()], ..Default::default() };
        let req = tidings::control::Request::Export { out: out.clone(), format: "csv".into(), filter: Some(filter) };
        tidings::control::execute(&app.state, req)
    };
    let r = export(&vip);
    assert!(r.ok, "{}", r.output);
    let csv = std::fs::read_to_string(&out).unwrap();
    let mut exported: Vec<String> =
        csv.lines().skip(1).map(|l| l.split(',').nth(1).unwrap().trim_matches('"').to_string()).collect();
    exported.sort();
    assert_eq!(exported, members(&api, &vip), "{csv}");
    let r = export(&tidings::domain::SegmentId::new().to_string());
    assert!(!r.ok && r.output.contains("no segment"), "{}", r.output);
}
