//! Campaigns that target segments: a segment's kept members join the lists and tags (each
//! person once), excluded segments leave their members out whatever brought them in, a segment
//! that is not built cannot be sent to, and a segment a campaign needs cannot be deleted.
//! Through the real server and a real SMTP server on loopback.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::campaigns::{mail_config, Api};
use crate::helpers::{location, spawn_app, spawn_app_with, NEW_PASSWORD};
use crate::smtp_sink::{SinkOptions, SmtpSink};

/// A segment of the contacts carrying `tag`, built; returns its id.
fn tag_segment(api: &Api<'_>, name: &str, tag: &str) -> String {
    let v = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": name, "filter": {"all": [{"field": "tags", "op": "contains", "value": tag}]}})),
    );
    let id = v["segment"]["id"].as_str().unwrap().to_string();
    let started = Instant::now();
    loop {
        let v = api.ok("GET", &format!("/segments/{id}"), None);
        if v["segment"]["build"]["state"] == "ready" {
            return id;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "never built: {v}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A segment whose build never ran: written as the segment room writes a new one, with no
/// builder started, so that it stays "queued" for the whole test.
fn unbuilt_segment(app: &crate::helpers::TestApp, name: &str) -> String {
    use tidings::segments::{Build, Segment};
    let now = chrono::Utc::now();
    let s = Segment {
        id: tidings::domain::SegmentId::new(),
        name: name.into(),
        description: String::new(),
        filter: json!({"all": []}).to_string(),
        version: 1,
        build: Build::Queued,
        created_at: now,
        updated_at: now,
        created_by: "test".into(),
    };
    app.state.segments.segments().put(&s).unwrap();
    app.state.store.commit().unwrap();
    app.state.segments.reload();
    s.id.to_string()
}

fn campaign(api: &Api<'_>, name: &str, audience: Value) -> String {
    let mut body =
        json!({"name": name, "subject": format!("{name} for {{{{ first_name }}}}"), "body": "Hello {{ first_name }}"});
    body.as_object_mut().unwrap().extend(audience.as_object().unwrap().clone());
    api.ok("POST", "/campaigns", Some(body))["campaign"]["id"].as_str().unwrap().to_string()
}

/// Recipients of the messages whose subject starts with `name`, with how often each got one.
fn received(sink: &SmtpSink, name: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for m in sink.messages() {
        let text = String::from_utf8_lossy(&m.data);
        if text.lines().any(|l| l.starts_with(&format!("Subject: {name} for"))) {
            *out.entry(m.to[0].clone()).or_default() += 1;
        }
    }
    out
}

fn sorted(m: &HashMap<String, usize>) -> Vec<&str> {
    let mut v: Vec<&str> = m.keys().map(|s| s.as_str()).collect();
    v.sort();
    v
}

#[test]
fn a_campaign_to_a_segment_less_another_reaches_exactly_the_difference_each_person_once() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    api.contact("alpha1@example.org", &[], &["alpha"], true);
    api.contact("alpha2@example.org", &[], &["alpha"], true);
    api.contact("both@example.org", &[], &["alpha", "beta"], true);
    api.contact("beta@example.org", &[], &["beta"], true);
    api.contact("listed@example.org", &["news"], &[], true);
    api.contact("listed-alpha@example.org", &["news"], &["alpha"], true);
    // In segment A, but the campaign's own rules (consent to its purpose, subscribed) still
    // leave these out: a segment widens who is asked, never the rules.
    api.contact("noconsent-alpha@example.org", &[], &["alpha"], false);
    let unsub = api.contact("unsub-alpha@example.org", &[], &["alpha"], true);
    api.ok("PATCH", &format!("/contacts/{unsub}"), Some(json!({"status": "unsubscribed"})));
    let a = tag_segment(&api, "Alpha", "alpha");
    let b = tag_segment(&api, "Beta", "beta");

    // A∖B.
    let diff = campaign(&api, "Difference", json!({"segments": [a], "exclude_segments": [b]}));
    let v = api.ok("GET", &format!("/campaigns/{diff}"), None);
    assert_eq!(v["campaign"]["audience"]["segments"], json!([a]), "{v}");
    assert_eq!(v["campaign"]["audience"]["exclude_segments"], json!([b]), "{v}");
    assert_eq!(v["campaign"]["audience_size"]["contacts"], 3, "the estimate counts A∖B: {v}");
    // A list and a segment: the union, each person once.
    let union = campaign(&api, "Union", json!({"lists": ["news"], "segments": [a]}));
    let v = api.ok("GET", &format!("/campaigns/{union}"), None);
    assert_eq!(v["campaign"]["audience_size"]["contacts"], 5, "{v}");
    // A list less a segment: the exclusion reaches recipients brought by a list too.
    let listed = campaign(&api, "Listed", json!({"lists": ["news"], "exclude_segments": [a]}));
    let v = api.ok("GET", &format!("/campaigns/{listed}"), None);
    assert_eq!(v["campaign"]["audience_size"]["contacts"], 1, "{v}");

    for id in [&diff, &union, &listed] {
        api.ok("POST", &format!("/campaigns/{id}/send"), None);
    }
    for id in [&diff, &union, &listed] {
        let done = api.wait_state(id, "sent", Duration::from_secs(20));
        assert_eq!(done["state"], "sent", "{done}");
        assert_eq!(done["progress"]["skipped"], 0, "the rules left them out before the outbox: {done}");
    }

    let got = received(&sink, "Difference");
    assert_eq!(sorted(&got), ["alpha1@example.org", "alpha2@example.org", "listed-alpha@example.org"]);
    assert!(got.values().all(|n| *n == 1), "each once: {got:?}");
    let got = received(&sink, "Union");
    assert_eq!(
        sorted(&got),
        [
            "alpha1@example.org",
            "alpha2@example.org",
            "both@example.org",
            "listed-alpha@example.org",
            "listed@example.org"
        ]
    );
    assert!(got.values().all(|n| *n == 1), "each once, though on the list and in the segment: {got:?}");
    let got = received(&sink, "Listed");
    assert_eq!(sorted(&got), ["listed@example.org"]);

    // The summary and the report say who it went to, by the segments' names.
    let admin = app.login_admin(NEW_PASSWORD);
    let page = app.get(&admin, &format!("/campaigns/{diff}")).text().unwrap();
    assert!(page.contains("segments Alpha, leaving out members of segments Beta"), "summary");
    let report = app.get(&admin, &format!("/campaigns/{diff}/report")).text().unwrap();
    assert!(
        report.contains("Audience: segments Alpha, leaving out members of segments Beta."),
        "report: {}",
        &report[..report.len().min(3000)]
    );
}

#[test]
fn a_segment_that_is_not_built_cannot_be_sent_to_and_the_error_names_it() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("News");
    api.contact("ann@example.org", &["news"], &[], true);
    let waiting = unbuilt_segment(&app, "Still building");

    let id = campaign(&api, "Early", json!({"segments": [waiting]}));
    let (status, v) = api.call("POST", &format!("/campaigns/{id}/send"), None);
    assert_eq!((status, v["field"].as_str()), (422, Some("segments")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("“Still building” is not built"), "{v}");
    // An exclusion not built is as unusable: its members are not known yet.
    let id = campaign(&api, "Early too", json!({"lists": ["news"], "exclude_segments": [waiting]}));
    let (status, v) = api.call("POST", &format!("/campaigns/{id}/send"), None);
    assert_eq!((status, v["field"].as_str()), (422, Some("exclude_segments")), "{v}");
    let v = api.ok("GET", &format!("/campaigns/{id}"), None);
    assert_eq!(v["campaign"]["state"], "draft", "nothing started: {v}");

    // The editor says the same on the form, naming the segment.
    let admin = app.login_admin(NEW_PASSWORD);
    let at = format!("/campaigns/{id}");
    let page = app.get(&admin, &at).text().unwrap();
    assert!(page.contains("Still building") && page.contains("not built yet"), "the choice says so");
    let r = app.post_form(&admin, &at, &format!("{at}/send"), &[("when", "now")]);
    assert_eq!(r.status(), 422);
    let text = r.text().unwrap();
    assert!(text.contains("id=\"exclude-segments-error\"") && text.contains("“Still building” is not built"));
}

#[test]
fn a_segment_a_campaign_targets_cannot_be_deleted() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("News");
    api.contact("ann@example.org", &["news"], &["alpha"], true);
    let a = tag_segment(&api, "Alpha", "alpha");
    let b = tag_segment(&api, "Beta", "beta");
    let uses_a = campaign(&api, "Uses A", json!({"segments": [a]}));
    let skips_b = campaign(&api, "Skips B", json!({"lists": ["news"], "exclude_segments": [b]}));

    for (segment, name) in [(&a, "Uses A"), (&b, "Skips B")] {
        let (status, v) = api.call("DELETE", &format!("/segments/{segment}"), None);
        assert_eq!(status, 409, "{v}");
        assert!(v["message"].as_str().unwrap().contains(&format!("campaign \"{name}\" targets this segment")), "{v}");
        assert_eq!(api.call("GET", &format!("/segments/{segment}"), None).0, 200, "still there");
    }
    // Once the campaign no longer needs it, it goes.
    api.ok("PATCH", &format!("/campaigns/{uses_a}"), Some(json!({"segments": [], "lists": ["news"]})));
    assert_eq!(api.call("DELETE", &format!("/segments/{a}"), None).0, 204);
    api.ok("DELETE", &format!("/campaigns/{skips_b}"), None);
    assert_eq!(api.call("DELETE", &format!("/segments/{b}"), None).0, 204);
}

#[test]
fn segment_fields_are_checked_and_a_refusal_writes_nothing() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("News");
    let a = tag_segment(&api, "Alpha", "alpha");
    let nobody = tidings::domain::SegmentId::new().to_string();

    let (status, v) = api.call("POST", "/campaigns", Some(json!({"name": "x", "segments": ["nope"]})));
    assert_eq!((status, v["field"].as_str()), (422, Some("segments")), "{v}");
    let (status, v) = api.call("POST", "/campaigns", Some(json!({"name": "x", "segments": [nobody]})));
    assert_eq!((status, v["field"].as_str()), (422, Some("segments")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("no segment"), "{v}");
    let (status, v) = api.call("POST", "/campaigns", Some(json!({"name": "x", "exclude_segments": [nobody]})));
    assert_eq!((status, v["field"].as_str()), (422, Some("exclude_segments")), "{v}");
    let (status, v) =
        api.call("POST", "/campaigns", Some(json!({"name": "x", "segments": [a], "exclude_segments": [a]})));
    assert_eq!((status, v["field"].as_str()), (422, Some("exclude_segments")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("Alpha"), "{v}");
    assert_eq!(api.ok("GET", "/campaigns", None)["campaigns"], json!([]), "no campaign was created");

    // An update refused keeps what was saved, segments and the rest alike.
    let id = campaign(&api, "Kept", json!({"segments": [a]}));
    let (status, v) =
        api.call("PATCH", &format!("/campaigns/{id}"), Some(json!({"subject": "Changed", "segments": [a, nobody]})));
    assert_eq!((status, v["field"].as_str()), (422, Some("segments")), "{v}");
    let v = api.ok("GET", &format!("/campaigns/{id}"), None);
    assert_eq!(v["campaign"]["audience"]["segments"], json!([a]), "{v}");
    assert_eq!(v["campaign"]["subject"], "Kept for {{ first_name }}", "{v}");
    // The editor's live count takes typed segments, checked the same way.
    let (status, v) = api.call("POST", &format!("/campaigns/{id}/audience-count"), Some(json!({"segments": ["x"]})));
    assert_eq!((status, v["field"].as_str()), (422, Some("segments")), "{v}");
}

#[test]
fn the_editor_offers_segments_with_their_sizes_and_saves_the_choice() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.contact("ann@example.org", &[], &["alpha"], true);
    api.contact("bob@example.org", &[], &["alpha", "beta"], true);
    let a = tag_segment(&api, "Alpha", "alpha");
    let b = tag_segment(&api, "Beta", "beta");
    let admin = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(&admin, "/campaigns", "/campaigns", &[("name", "Picked")]);
    let at = location(&r);
    let page = app.get(&admin, &at).text().unwrap();
    assert!(page.contains(&format!("name=\"segments\" value=\"{a}\"")), "A to include");
    assert!(page.contains(&format!("name=\"exclude_segments\" value=\"{b}\"")), "B to leave out");
    assert!(page.contains("Alpha <span class=\"muted\">2 members</span>"), "its size now");

    let r = app.post_form(
        &admin,
        &at,
        &at,
        &[
            ("name", "Picked"),
            ("subject", "Hi"),
            ("body", "Hello"),
            ("format", "markdown"),
            ("purpose", "newsletter"),
            ("segments", a.as_str()),
            ("exclude_segments", b.as_str()),
        ],
    );
    assert_eq!(r.status(), 303);
    let id = at.trim_start_matches("/campaigns/");
    let v = api.ok("GET", &format!("/campaigns/{id}"), None);
    assert_eq!(v["campaign"]["audience"]["segments"], json!([a]), "{v}");
    assert_eq!(v["campaign"]["audience"]["exclude_segments"], json!([b]), "{v}");
    assert_eq!(v["campaign"]["audience_size"]["contacts"], 1, "ann alone: {v}");
    let page = app.get(&admin, &at).text().unwrap();
    assert!(page.contains(&format!("value=\"{a}\" checked")) && page.contains(&format!("value=\"{b}\" checked")));
    let list = app.get(&admin, "/campaigns").text().unwrap();
    assert!(list.contains("segments Alpha, leaving out members of segments Beta"), "the list says it");

    // Both at once: refused on the form, with the typed choice kept.
    let r = app.post_form(
        &admin,
        &at,
        &at,
        &[
            ("name", "Picked"),
            ("subject", "Hi"),
            ("body", "Hello"),
            ("segments", a.as_str()),
            ("exclude_segments", a.as_str()),
        ],
    );
    assert_eq!(r.status(), 422);
    let text = r.text().unwrap();
    assert!(text.contains("id=\"exclude-segments-error\"") && text.contains("also among the segments"));
}

/// What a kill in the middle of the audience walk leaves on disk, set up through the library:
/// the list walked, the segment walked up to a member (the cursor), some of those sent. The
/// campaign then resumes as it would after a restart (from its stored counters): the walk goes on
/// after the cursor's member, nobody is sent twice, and someone queued before entering an
/// excluded segment is left out when their message's turn comes.
#[test]
fn a_campaign_stopped_mid_way_through_a_segment_resumes_at_its_cursor_and_excludes_at_send_time() {
    use tidings::sending::outbox::{Note, Slot, SlotState};
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    let listed = api.contact("listed@example.org", &["news"], &[], true);
    let a: Vec<String> =
        (1..=4).map(|n| api.contact(&format!("alpha{n}@example.org"), &[], &["alpha"], true)).collect();
    api.contact("alpha-beta@example.org", &[], &["alpha", "beta"], true);
    let late = api.contact("late@example.org", &["news"], &[], true);
    let segment_a = tag_segment(&api, "Alpha", "alpha");
    let segment_b = tag_segment(&api, "Beta", "beta");
    let id =
        campaign(&api, "Resumed", json!({"lists": ["news"], "segments": [segment_a], "exclude_segments": [segment_b]}));

    // "late" was walked with the list, then took the tag that puts them in the excluded segment.
    let cid: tidings::domain::CampaignId = id.parse().unwrap();
    let contact = |s: &String| -> tidings::domain::ContactId { s.parse().unwrap() };
    let st = &app.state;
    st.sending.outbox.enqueue(&cid, &[contact(&listed), contact(&late), contact(&a[0]), contact(&a[1])]).unwrap();
    let sent = Slot { state: SlotState::Sent, attempts: 1, at: chrono::Utc::now().timestamp(), note: Note::None };
    st.sending.outbox.set_slot(&cid, &contact(&a[0]), &sent).unwrap();
    let mut c = st.sending.campaigns.get(&cid).unwrap().unwrap();
    c.state = tidings::sending::CampaignState::Paused;
    c.started_at = Some(chrono::Utc::now());
    st.sending.campaigns.put(&c).unwrap();
    // Source 1 is the segment (source 0 the list), walked up to its second member.
    let stats = tidings::sending::Stats { cursor: (1, Some(a[1].clone())), ..Default::default() };
    st.sending.campaigns.put_stats(&cid, &stats).unwrap();
    st.store.commit().unwrap();
    api.ok("PATCH", &format!("/contacts/{late}"), Some(json!({"tags": ["beta"]})));
    let started = Instant::now();
    while api.ok("GET", &format!("/segments/{segment_b}"), None)["segment"]["size"] != 2 {
        assert!(started.elapsed() < Duration::from_secs(10), "late never entered Beta");
        std::thread::sleep(Duration::from_millis(20));
    }

    api.ok("POST", &format!("/campaigns/{id}/resume"), None);
    let done = api.wait_state(&id, "sent", Duration::from_secs(20));
    assert_eq!(done["state"], "sent", "{done}");
    let got = received(&sink, "Resumed");
    assert_eq!(
        sorted(&got),
        ["alpha2@example.org", "alpha3@example.org", "alpha4@example.org", "listed@example.org"],
        "the rest of the walk, after the cursor; not alpha1 (sent before), not the excluded"
    );
    assert!(got.values().all(|n| *n == 1), "{got:?}");
    assert_eq!((done["progress"]["sent"].as_u64(), done["progress"]["skipped"].as_u64()), (Some(5), Some(1)), "{done}");
    let slot = st.sending.outbox.slot(&cid, &contact(&late)).unwrap().unwrap();
    assert_eq!((slot.state, slot.note), (SlotState::Skipped, Note::Excluded));
}

/// A segment rebuilt after the campaign started has no members to trust until it is built
/// again: the campaign pauses itself, saying which segment, sends nothing meanwhile, and goes on
/// once it is built.
#[test]
fn an_excluded_segment_being_rebuilt_pauses_the_campaign_until_it_is_built() {
    use tidings::segments::Build;
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    api.contact("ann@example.org", &["news"], &[], true);
    api.contact("bob@example.org", &["news"], &["beta"], true);
    let b = tag_segment(&api, "Beta", "beta");
    let id = campaign(&api, "Careful", json!({"lists": ["news"], "exclude_segments": [b]}));
    let cid: tidings::domain::CampaignId = id.parse().unwrap();
    let st = &app.state;
    let set_build = |build: Build| {
        let repo = st.segments.segments();
        let mut s = repo.get(&b.parse().unwrap()).unwrap().unwrap();
        s.build = build;
        repo.put(&s).unwrap();
        st.store.commit().unwrap();
        st.segments.reload();
    };
    // Started and walked (ann queued, bob left out), then the segment's filter was changed:
    // it waits for its build. What is queued waits too: who is in it is unknown until built.
    let ann: tidings::domain::ContactId = st
        .contacts
        .find_by_email(&tidings::domain::EmailAddress::parse("ann@example.org").unwrap())
        .unwrap()
        .unwrap()
        .id;
    st.sending.outbox.enqueue(&cid, &[ann]).unwrap();
    let walked = tidings::sending::Stats { audience_complete: true, cursor: (1, None), ..Default::default() };
    st.sending.campaigns.put_stats(&cid, &walked).unwrap();
    let mut c = st.sending.campaigns.get(&cid).unwrap().unwrap();
    c.state = tidings::sending::CampaignState::Paused;
    c.started_at = Some(chrono::Utc::now());
    st.sending.campaigns.put(&c).unwrap();
    st.store.commit().unwrap();
    let ready = st.segments.segments().get(&b.parse().unwrap()).unwrap().unwrap().build;
    set_build(Build::Queued);

    api.ok("POST", &format!("/campaigns/{id}/resume"), None);
    let v = api.wait_state(&id, "paused", Duration::from_secs(10));
    let started = Instant::now();
    let mut v = v;
    while v["pause_reason"] == "" && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
        v = api.ok("GET", &format!("/campaigns/{id}"), None)["campaign"].clone();
    }
    assert!(v["pause_reason"].as_str().unwrap().contains("“Beta” is not built"), "{v}");
    assert!(received(&sink, "Careful").is_empty(), "nothing sent meanwhile");

    set_build(ready);
    api.ok("POST", &format!("/campaigns/{id}/resume"), None);
    let done = api.wait_state(&id, "sent", Duration::from_secs(20));
    assert_eq!(done["state"], "sent", "{done}");
    assert_eq!(sorted(&received(&sink, "Careful")), ["ann@example.org"]);
}
