//! Segments over the real server: a segment is built over the contacts there are, then kept
//! true as contacts change (each change re-evaluates only that contact), says why a contact is
//! in it, refuses filters it cannot keep (naming the place) and cycles, and leaves a timer at
//! the moment a condition turns by the clock alone.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::campaigns::Api;
use crate::helpers::spawn_app;

/// Polls the segment until `done` says so (at most 10 s); returns its last JSON.
pub fn wait_segment(api: &Api<'_>, id: &str, done: impl Fn(&Value) -> bool) -> Value {
    let started = Instant::now();
    loop {
        let v = api.ok("GET", &format!("/segments/{id}"), None);
        if done(&v["segment"]) {
            return v;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "the segment never got there: {v}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn ids(v: &Value) -> Vec<String> {
    let mut out: Vec<String> =
        v["contacts"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect();
    out.sort();
    out
}

#[test]
fn a_segment_is_built_then_kept_true_as_contacts_change_and_says_why() {
    let app = spawn_app();
    // A reader that never reads: the feed keeps every entry for the test to look at.
    app.state.feed.register("witness");
    let api = Api::new(&app);
    api.list("news");
    let ann = api.contact("ann@example.org", &["news"], &["vip"], true);
    let bob = api.contact("bob@example.org", &["news"], &[], true);

    let v = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "VIPs on the newsletter", "filter": {"all": [
            {"field": "tags", "op": "contains", "value": "VIP"},
            {"consent": "newsletter", "state": "granted"},
        ]}})),
    );
    let vip = v["segment"]["id"].as_str().unwrap().to_string();
    assert_eq!(v["segment"]["size"], Value::Null, "no size until built: {v}");
    let v = wait_segment(&api, &vip, |s| s["build"]["state"] == "ready");
    assert_eq!(v["segment"]["size"], 1, "{v}");
    assert_eq!(ids(&api.ok("GET", &format!("/segments/{vip}/members"), None)), vec![ann.clone()]);

    // Bob gets the tag: he enters, by himself, without a rebuild.
    api.ok("PATCH", &format!("/contacts/{bob}"), Some(json!({"tags": ["vip"]})));
    let v = wait_segment(&api, &vip, |s| s["size"] == 2);
    assert_eq!(v["growth"].as_array().unwrap().last().unwrap()["entered"], 2, "{v}");
    let mine = api.ok("GET", &format!("/contacts/{bob}/segments"), None);
    assert_eq!(mine["segments"][0]["name"], "VIPs on the newsletter", "{mine}");
    let why = &mine["segments"][0]["why"];
    assert_eq!(why["matched"], true);
    assert_eq!(why["conditions"][0]["path"], "filter.all[0]");
    assert_eq!(why["conditions"][0]["observed"]["value"], json!(["vip"]), "{why}");
    assert_eq!(why["conditions"][1]["observed"]["value"], "granted");

    // Ann withdraws her consent: she leaves; her log says when she came and went.
    let r = app.state.contacts.consent_state(&ann.parse().unwrap()).unwrap();
    assert!(r.contains_key("newsletter"));
    api.ok(
        "POST",
        &format!("/contacts/{ann}/consents"),
        Some(json!({"purpose": "newsletter", "granted": false, "note": "asked by phone"})),
    );
    wait_segment(&api, &vip, |s| s["size"] == 1);
    let mine = api.ok("GET", &format!("/contacts/{ann}/segments"), None);
    assert_eq!(mine["segments"], json!([]));
    let log: Vec<bool> = mine["log"].as_array().unwrap().iter().map(|t| t["entered"].as_bool().unwrap()).collect();
    assert_eq!(log, vec![true, false]);
    assert_eq!(ids(&api.ok("GET", &format!("/segments/{vip}/members"), None)), vec![bob.clone()]);

    // Entries and exits are on the change feed for journeys and webhooks (readable once the
    // reader's batch is announced, a moment after it landed).
    let started = Instant::now();
    loop {
        let entries = app.state.feed.read(0, 100_000).unwrap();
        let kinds: Vec<&str> =
            entries.iter().map(|e| e.change.kind()).filter(|k| k.starts_with("segment_ex")).collect();
        if kinds.contains(&"segment_exited") {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "no exit on the feed: {kinds:?}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn filters_are_checked_and_cycles_refused() {
    let app = spawn_app();
    let api = Api::new(&app);
    let (s, v) = api.call(
        "POST",
        "/segments",
        Some(
            json!({"name": "Bad", "filter": {"all": [{"any": [{"field": "opens", "op": "contains", "value": "3"}]}]}}),
        ),
    );
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["field"], "filter", "{v}");
    let msg = v["message"].as_str().unwrap();
    assert!(msg.contains("filter.all[0].any[0].op") && msg.contains("number field"), "{msg}");
    let (s, v) = api.call("POST", "/segments", Some(json!({"name": "", "filter": {"all": []}})));
    assert_eq!((s, v["field"].as_str()), (422, Some("name")), "{v}");

    let a = api.ok("POST", "/segments", Some(json!({"name": "A", "filter": {"all": []}})))["segment"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let b = api.ok("POST", "/segments", Some(json!({"name": "B", "filter": {"all": [{"segment": a}]}})))["segment"]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, v) = api.call("PUT", &format!("/segments/{a}"), Some(json!({"filter": {"none": [{"segment": b}]}})));
    assert_eq!(s, 422, "{v}");
    assert!(v["message"].as_str().unwrap().contains("cannot contain itself"), "{v}");
    let (s, v) = api.call("DELETE", &format!("/segments/{a}"), None);
    assert_eq!(s, 409, "B uses A: {v}");
    let (s, _) = api.call("POST", "/segments", Some(json!({"name": "a", "filter": {"all": []}})));
    assert_eq!(s, 422, "names are unique whatever their case");
    assert_eq!(api.call("DELETE", &format!("/segments/{b}"), None).0, 204);
    assert_eq!(api.call("DELETE", &format!("/segments/{a}"), None).0, 204);
    assert_eq!(api.call("GET", &format!("/segments/{a}"), None).0, 404);
}

/// "Created within the last day" turns false by the clock alone: the contact's membership
/// leaves a timer in the durable clock at that moment, no scan needed.
#[test]
fn a_condition_that_turns_with_time_leaves_a_timer_at_the_moment_it_turns() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let ann = api.contact("ann@example.org", &["news"], &[], true);
    let created: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(api.ok("GET", &format!("/contacts/{ann}"), None)["created_at"].clone()).unwrap();
    let v = api.ok(
        "POST",
        "/segments",
        Some(
            json!({"name": "New", "filter": {"all": [{"field": "created_at", "op": "within_last_days", "value": 1}]}}),
        ),
    );
    let new = v["segment"]["id"].as_str().unwrap().to_string();
    wait_segment(&api, &new, |s| s["size"] == 1);
    let timer = app.state.clock.get(tidings::segments::live::FLIP, &ann).unwrap().expect("a timer");
    // To the millisecond, never before the moment.
    let turns = created + chrono::Duration::days(1);
    assert!(timer.due >= turns && timer.due - turns < chrono::Duration::milliseconds(1), "{} for {turns}", timer.due);
    let preview = api.ok(
        "POST",
        "/segments/preview",
        Some(json!({"filter": {"all": [{"field": "email", "op": "starts_with", "value": "ann"}]}})),
    );
    assert_eq!((preview["matched"].as_u64(), preview["complete"].as_bool()), (Some(1), Some(true)), "{preview}");
    assert_eq!(preview["sample"][0]["email"], "ann@example.org");
    // The timer names her: erasing her removes it with her other records, at once.
    let contact: tidings::domain::ContactId = ann.parse().unwrap();
    tidings::gdpr::erasure::remove(&app.state, &contact, tidings::gdpr::erasure::Mode::Erase, true).unwrap();
    assert!(app.state.clock.get(tidings::segments::live::FLIP, &ann).unwrap().is_none());
}

/// A contact has one flip timer, at the earliest moment any of its segments may turn. An event
/// that pushes that moment later leaves the timer where it is; when it fires early, the reader
/// finds nothing turned, keeps the contact where it is and sets the timer to the new moment, at
/// which the contact leaves.
#[test]
fn a_contact_s_one_timer_moves_only_earlier_and_firing_early_turns_nothing() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let ann = api.contact("ann@example.org", &["news"], &[], true);
    let contact: tidings::domain::ContactId = ann.parse().unwrap();
    let cart = |at: chrono::DateTime<chrono::Utc>| {
        let mut e = tidings::domain::Event::new(tidings::domain::EventKind::Custom, at, "api");
        e.name = Some("cart_added".into());
        app.state
            .tracking
            .record_durable_blocking(vec![tidings::tracking::Record { contact: Some(contact), event: e, link: None }])
            .unwrap();
    };
    let timer = || app.state.clock.get(tidings::segments::live::FLIP, &ann).unwrap().map(|t| t.due);
    // A cart a day ago less 3 s: "a cart in the last day" holds for 3 s more. Another segment
    // turns much later (a day after she was added).
    let first = chrono::Utc::now() - chrono::Duration::days(1) + chrono::Duration::seconds(3);
    cart(first);
    let carts = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "Carts", "filter": {"all": [{"performed": {"kind": "custom", "name": "cart_added"}, "within_days": 1}]}})),
    )["segment"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    wait_segment(&api, &carts, |s| s["size"] == 1);
    let new = api.ok(
        "POST",
        "/segments",
        Some(
            json!({"name": "New", "filter": {"all": [{"field": "created_at", "op": "within_last_days", "value": 1}]}}),
        ),
    )["segment"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    wait_segment(&api, &new, |s| s["size"] == 1);
    let early = timer().expect("a timer");
    let turns = first + chrono::Duration::days(1);
    assert!(early >= turns && early - turns < chrono::Duration::milliseconds(1), "{early} for {turns}");
    // A later cart moves her flip 3 s later: the timer stays (nothing written).
    let second = first + chrono::Duration::seconds(3);
    cart(second);
    let seq = app.state.feed.last();
    assert!(app.state.feed.wait_for(tidings::segments::live::READER, seq, Duration::from_secs(10)));
    assert_eq!(timer(), Some(early), "a flip moving later must not rewrite the timer");
    // It fires early: she stays, and the timer is set to the new moment.
    let started = Instant::now();
    let moved = loop {
        match timer() {
            Some(t) if t > early => break t,
            _ => {}
        }
        assert!(started.elapsed() < Duration::from_secs(15), "the timer never fired and moved on");
        std::thread::sleep(Duration::from_millis(20));
    };
    let later = second + chrono::Duration::days(1);
    assert!(moved >= later && moved - later < chrono::Duration::milliseconds(1), "{moved} for {later}");
    let members = |id: &str| ids(&api.ok("GET", &format!("/segments/{id}/members"), None));
    assert_eq!(members(&carts), vec![ann.clone()], "firing early must turn nothing");
    // At the new moment she leaves; the timer goes to the other segment's flip.
    wait_segment(&api, &carts, |s| s["size"] == 0);
    let started = Instant::now();
    while timer().is_none_or(|t| t <= moved) {
        assert!(started.elapsed() < Duration::from_secs(10), "no timer for the other segment");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(timer().unwrap() > chrono::Utc::now() + chrono::Duration::hours(23));
    assert_eq!(members(&new), vec![ann]);
}

/// Restricting a contact's processing (Art. 18) takes them out of every segment at once, and
/// lifting it brings them back where the conditions say.
#[test]
fn a_restricted_contact_leaves_every_segment_and_comes_back_when_lifted() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let ann = api.contact("ann@example.org", &["news"], &["vip"], true);
    let v = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "VIPs", "filter": {"all": [{"field": "tags", "op": "contains", "value": "vip"}]}})),
    );
    let vip = v["segment"]["id"].as_str().unwrap().to_string();
    wait_segment(&api, &vip, |s| s["size"] == 1);
    let contact: tidings::domain::ContactId = ann.parse().unwrap();
    tidings::gdpr::ops::restrict(&app.state, tidings::ops::By::cli(), &contact, "disputes accuracy", None).unwrap();
    wait_segment(&api, &vip, |s| s["size"] == 0);
    tidings::gdpr::ops::lift_restriction(&app.state, tidings::ops::By::cli(), &contact).unwrap();
    wait_segment(&api, &vip, |s| s["size"] == 1);
}

/// The admin pages over the real server: the builder saves what it is given (and gives back
/// what was typed when it refuses), the segment's page says the definition in words with its
/// size and members, the count the builder shows is the members listed, and a contact's page
/// says which conditions held and with what values.
#[test]
fn the_admin_pages_build_show_and_explain_a_segment() {
    let app = spawn_app();
    let api = Api::new(&app);
    let admin = app.login_admin(crate::helpers::NEW_PASSWORD);
    let ann = api.contact("anna@example.org", &[], &["vip"], true);
    api.contact("andreas@example.org", &[], &[], true);
    api.contact("bob@example.org", &[], &["vip"], false);
    let filter = json!({"all": [
        {"field": "first_name", "op": "starts_with", "value": "an"},
        {"any": [{"field": "tags", "op": "contains", "value": "vip"}, {"consent": "newsletter", "state": "withdrawn"}]},
    ]})
    .to_string();

    // JSON that does not parse: refused naming the field, with what was typed kept.
    let broken = format!("{filter}}}");
    let r = app.post_form(
        &admin,
        "/segments/new",
        "/segments",
        &[("name", "Ann-ish VIPs"), ("description", "kept as typed"), ("filter", &broken)],
    );
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("filter") && page.contains("not valid JSON"), "{page}");
    assert!(page.contains("Ann-ish VIPs") && page.contains("kept as typed"), "typed values kept");
    // A filter that parses but names what does not exist: the place is named.
    let r = app.post_form(
        &admin,
        "/segments/new",
        "/segments",
        &[("name", "Ann-ish VIPs"), ("filter", r#"{"all":[{"field":"shoe","op":"equals","value":"1"}]}"#)],
    );
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("filter.all[0].field: no field"), "the place is named");

    // Saved: to the segment's page, which says it in words once built.
    let r = app.post_form(&admin, "/segments/new", "/segments", &[("name", "Ann-ish VIPs"), ("filter", &filter)]);
    assert_eq!(r.status(), 303);
    let to = crate::helpers::location(&r);
    let id = to.trim_start_matches("/segments/").split('?').next().unwrap().to_string();
    wait_segment(&api, &id, |s| s["build"]["state"] == "ready");
    let page = app.get(&admin, &format!("/segments/{id}")).text().unwrap();
    for words in ["First name starts with “an”", "Any of these:", "Tags contains “vip”", "Consent to “"] {
        assert!(page.contains(words), "{words:?} not in the definition:\n{page}");
    }
    assert_eq!(crate::helpers::text_of_id(&page, "segment-size").as_deref(), Some("1"));
    assert!(page.contains("anna@example.org") && !page.contains("bob@example.org"), "members listed");

    // The builder's count is the members listed.
    let preview =
        api.ok("POST", "/segments/preview", Some(json!({ "filter": serde_json::from_str::<Value>(&filter).unwrap() })));
    let members = api.ok("GET", &format!("/segments/{id}/members"), None);
    assert_eq!(preview["matched"].as_u64().unwrap() as usize, members["contacts"].as_array().unwrap().len());
    assert_eq!(preview["sample"][0]["id"], ann.as_str());

    // The list shows it with its size; the contact's page says why.
    let list = app.get(&admin, "/segments").text().unwrap();
    assert!(list.contains("Ann-ish VIPs") && list.contains(&format!("/segments/{id}")), "{list}");
    let page = app.get(&admin, &format!("/contacts/{ann}")).text().unwrap();
    let at = page.find("id=\"segments\"").expect("a segments section");
    let section = &page[at..page[at..].find("</section>").map_or(page.len(), |e| at + e)];
    assert!(section.contains("Ann-ish VIPs"), "{section}");
    assert!(section.contains("First name starts with “an”") && section.contains("anna"), "the value seen: {section}");
    assert!(section.contains("class=\"why held\""), "held conditions marked: {section}");
    assert!(section.contains("class=\"why failed\""), "the withdrawn-consent alternative did not hold: {section}");

    // Edited through the form: a new version, built again.
    let r = app.post_form(
        &admin,
        &format!("/segments/{id}/edit"),
        &format!("/segments/{id}"),
        &[("name", "Ann-ish"), ("filter", r#"{"all":[{"field":"first_name","op":"starts_with","value":"an"}]}"#)],
    );
    assert_eq!(r.status(), 303);
    let v = wait_segment(&api, &id, |s| s["build"]["state"] == "ready" && s["version"] == 2);
    assert_eq!(v["segment"]["size"], 2, "{v}");

    // Deleted through its page.
    let r = app.post_form(&admin, &format!("/segments/{id}"), &format!("/segments/{id}/delete"), &[]);
    assert_eq!(r.status(), 303);
    assert_eq!(app.get(&admin, &format!("/segments/{id}")).status(), 404);
}

/// The builder's count (a preview) is the size the segment has once built, whether the index
/// answers alone (status, tags, lists, consent, counts) or only narrows the candidates that are
/// then evaluated; a restricted contact is counted in neither.
#[test]
fn a_preview_counts_what_the_built_segment_holds() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let mut people = Vec::new();
    for i in 0..12 {
        let tags: Vec<&str> = match i % 3 {
            0 => vec!["vip"],
            1 => vec!["vip", "shoes"],
            _ => vec![],
        };
        let lists: &[&str] = if i % 2 == 0 { &["news"] } else { &[] };
        people.push(api.contact(&format!("p{i}@example.org"), lists, &tags, i % 4 != 0));
    }
    // One of them restricted: in no segment, and not counted.
    let restricted: tidings::domain::ContactId = people[1].parse().unwrap();
    tidings::gdpr::ops::restrict(&app.state, tidings::ops::By::cli(), &restricted, "disputes accuracy", None).unwrap();
    let filters = [
        json!({"all": [{"field": "tags", "op": "contains", "value": "VIP"}]}),
        json!({"all": [{"field": "tags", "op": "not_contains", "value": "shoes"}, {"field": "lists", "op": "contains", "value": "news"}]}),
        json!({"any": [{"consent": "newsletter", "state": "never"}, {"field": "tags", "op": "contains", "value": "shoes"}]}),
        json!({"none": [{"field": "status", "op": "equals", "value": "subscribed"}]}),
        json!({"all": [{"field": "opens", "op": "lt", "value": 1}, {"field": "clicks", "op": "between", "value": [0, 3]}]}),
        // Not held by the index: narrowed by the tag, then evaluated.
        json!({"all": [{"field": "tags", "op": "contains", "value": "vip"}, {"field": "email", "op": "ends_with", "value": "0@example.org"}]}),
        json!({"any": [{"field": "first_name", "op": "equals", "value": "p3"}, {"field": "tags", "op": "contains", "value": "shoes"}]}),
    ];
    for (i, filter) in filters.iter().enumerate() {
        let preview = api.ok("POST", "/segments/preview", Some(json!({ "filter": filter })));
        assert_eq!(preview["complete"], true, "{preview}");
        let v = api.ok("POST", "/segments", Some(json!({"name": format!("s{i}"), "filter": filter})));
        let id = v["segment"]["id"].as_str().unwrap().to_string();
        let built = wait_segment(&api, &id, |s| s["build"]["state"] == "ready");
        assert_eq!(preview["matched"], built["segment"]["size"], "filter {filter}: preview {preview} vs {built}");
        let members = ids(&api.ok("GET", &format!("/segments/{id}/members?limit=1000"), None));
        assert!(!members.contains(&people[1]), "the restricted contact is in no segment");
        for s in preview["sample"].as_array().unwrap() {
            assert!(members.contains(&s["id"].as_str().unwrap().to_string()), "sampled {s} is a member of {filter}");
        }
    }
}

/// The contacts each `SegmentEvaluate` entry of `segment` named, from the witness's view.
fn evaluated(app: &crate::helpers::TestApp, segment: &str, version_from: usize) -> (Vec<String>, usize) {
    let entries = app.state.feed.read(0, 1_000_000).unwrap();
    let mut named = Vec::new();
    let mut seen = 0;
    for e in &entries {
        if let tidings::domain::Change::SegmentEvaluate { segment: s, contacts, .. } = &e.change {
            if s.to_string() == segment {
                seen += 1;
                if seen > version_from {
                    named.extend(contacts.iter().map(|c| c.to_string()));
                }
            }
        }
    }
    named.sort();
    (named, seen)
}

#[test]
fn a_build_the_index_narrows_looks_only_at_its_candidates_and_members() {
    let app = spawn_app();
    app.state.feed.register("witness");
    let api = Api::new(&app);
    api.list("news");
    let mut vip = Vec::new();
    let mut gold = Vec::new();
    for i in 0..24 {
        let tags: &[&str] = match i % 6 {
            0 => &["vip", "gold"],
            1 => &["vip"],
            2 => &["gold"],
            _ => &[],
        };
        let id = api.contact(&format!("c{i}@example.org"), &["news"], tags, true);
        if tags.contains(&"vip") {
            vip.push(id.clone());
        }
        if tags.contains(&"gold") {
            gold.push(id);
        }
    }
    vip.sort();
    gold.sort();

    // Tags are in the index: the build looks at the eight tagged contacts, not all 24.
    let v = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "VIPs", "filter": {"all": [{"field": "tags", "op": "contains", "value": "vip"}]}})),
    );
    let id = v["segment"]["id"].as_str().unwrap().to_string();
    wait_segment(&api, &id, |s| s["build"]["state"] == "ready" && s["size"] == 8);
    let (looked, builds) = evaluated(&app, &id, 0);
    assert_eq!(looked, vip, "only the index's candidates");

    // Edited to gold: the candidates and the members of now, so that the VIPs who are not
    // gold leave.
    api.ok(
        "PUT",
        &format!("/segments/{id}"),
        Some(json!({"filter": {"all": [{"field": "tags", "op": "contains", "value": "gold"}]}})),
    );
    let v = wait_segment(&api, &id, |s| s["build"]["state"] == "ready" && s["version"] == 2);
    assert_eq!(v["segment"]["size"], 8, "{v}");
    assert_eq!(ids(&api.ok("GET", &format!("/segments/{id}/members?limit=100"), None)), gold);
    let (looked, _) = evaluated(&app, &id, builds);
    let mut both: Vec<String> = vip.iter().chain(&gold).cloned().collect();
    both.sort();
    both.dedup();
    assert_eq!(looked, both, "the gold candidates and the VIP members");

    // A condition the index does not hold: every contact is looked at.
    let v = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "C1x", "filter": {"all": [{"field": "first_name", "op": "starts_with", "value": "c1"}]}})),
    );
    let other = v["segment"]["id"].as_str().unwrap().to_string();
    wait_segment(&api, &other, |s| s["build"]["state"] == "ready");
    assert_eq!(evaluated(&app, &other, 0).0.len(), 24);
}
