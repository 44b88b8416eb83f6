//! Send-time optimisation over the real server, the real tracking endpoints and a real SMTP
//! server: a campaign "at each contact's best hour within 24 hours" gives a contact whose
//! signals fall on an hour a slot at that hour, one without signals the shop's peak, and one who
//! objected to profiling the window's start; the sender sends nothing before a slot's time and
//! sends it when the durable clock reaches it; the campaign is sent only when every slot is
//! done; a journey's send step with the option waits, then sends.

use std::time::{Duration, Instant};

use chrono::{DateTime, DurationRound, Utc};
use serde_json::{json, Value};

use crate::campaigns::{mail_config, Api};
use crate::helpers::{bare_client, csrf_of, english_left, location, spawn_app_with, TestApp};
use crate::smtp_sink::{SinkOptions, SmtpSink};
use crate::tracking::{contact_with, paths, send_tracked_campaign};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

fn app_with_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        // The test clicks at once; the timing rule has its own unit test.
        c.tracking.scanner_window_secs = 0;
    });
    (app, sink)
}

/// `n` page views of `email` through the events API, each at `at`.
fn page_views(app: &TestApp, email: &str, at: DateTime<Utc>, n: usize) {
    let token = app.admin_token(&["record_events"]);
    let events: Vec<Value> = (0..n)
        .map(|i| json!({"type": "page_view", "email": email, "at": at.to_rfc3339(), "url": format!("https://shop.example/p{i}")}))
        .collect();
    let r = bare_client()
        .post(format!("{}/api/v1/events", app.url))
        .bearer_auth(&token)
        .json(&json!({ "events": events }))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().unwrap();
    assert_eq!(v["recorded"], n, "{v}");
}

/// The start of the hour `t` falls in (the zones here have whole-hour offsets).
fn hour_of(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(chrono::Duration::hours(1)).unwrap()
}

fn slot(app: &TestApp, campaign: &str, contact: &str) -> tidings::sending::Slot {
    app.state.sending.outbox.slot(&campaign.parse().unwrap(), &contact.parse().unwrap()).unwrap().unwrap()
}

fn until<T: std::fmt::Debug>(what: &str, mut read: impl FnMut() -> T, done: impl Fn(&T) -> bool) -> T {
    let started = Instant::now();
    loop {
        let v = read();
        if done(&v) {
            return v;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{what} never happened: {v:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn object_to_profiling(app: &TestApp, contact: &str) {
    let dpo = crate::gdpr::Dpo::new(app);
    let r = dpo.ok(reqwest::Method::POST, "/requests", Some(json!({"kind": "objection", "contact_id": contact})));
    let rid = r["id"].as_str().unwrap().to_string();
    dpo.ok(reqwest::Method::PATCH, &format!("/requests/{rid}"), Some(json!({"verification": "verified"})));
    let done =
        dpo.ok(reqwest::Method::POST, &format!("/requests/{rid}/withdraw"), Some(json!({"purposes": ["profiling"]})));
    assert_eq!(done["withdrawn"], json!(["profiling"]));
}

#[test]
fn a_campaign_goes_to_each_contact_at_their_hour_the_shops_peak_or_the_start_and_never_early() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let t0 = Utc::now();
    let all = ["newsletter", "engagement", "website_tracking"];
    let ann = contact_with(&api, "ann@example.org", &all);
    api.ok("PATCH", &format!("/contacts/{ann}"), Some(json!({"time_zone": "Europe/Berlin"})));
    // Bob allows nothing to be measured: his click below is counted in the totals only.
    let bob = contact_with(&api, "bob@example.org", &["newsletter"]);
    let cid = contact_with(&api, "cid@example.org", &all);
    // Dora is on no list: she only makes the shop's pattern.
    api.ok(
        "POST",
        "/contacts",
        Some(json!({"email": "dora@example.org", "consents": [{"purpose": "website_tracking", "granted": true}]})),
    );

    // Real clicks through the tracking endpoint (now), then visits a week ago: Ann's at the
    // hour-of-week five hours from now, Cid's too, and the shop's busiest at nine hours from now.
    let (_, got) = send_tracked_campaign(&app, &api, &sink, 3);
    for m in &got {
        let path = paths(m, "/c/").into_iter().next().unwrap();
        let r = bare_client().get(format!("{}{path}", app.url)).header("user-agent", FIREFOX).send().unwrap();
        assert_eq!(r.status(), 302);
    }
    let week = chrono::Duration::days(7);
    let (five, nine) = (t0 + chrono::Duration::hours(5), t0 + chrono::Duration::hours(9));
    page_views(&app, "ann@example.org", five - week, 3);
    page_views(&app, "cid@example.org", five - week, 3);
    page_views(&app, "dora@example.org", nine - week, 10);
    object_to_profiling(&app, &cid);

    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "At their hour", "subject": "Hello", "body": "Hi", "format": "markdown",
                    "lists": ["news"], "send_time_hours": 24})),
    );
    assert_eq!(v["campaign"]["send_time_hours"], 24, "{v}");
    let campaign = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{campaign}/send"), None);

    // Cid objected: hers goes at the window's start, at once.
    let got = sink.wait_for(4);
    assert_eq!(got.len(), 4);
    assert_eq!(got[3].to, vec!["cid@example.org".to_string()]);
    let (ann_at, bob_at) = (hour_of(five), hour_of(nine));
    let a = until("Ann's slot", || slot(&app, &campaign, &ann), |s| s.state == tidings::sending::SlotState::Waiting);
    assert_eq!(a.at, ann_at.timestamp(), "Ann's own hour: {a:?}");
    let b = slot(&app, &campaign, &bob);
    assert_eq!((b.state, b.at), (tidings::sending::SlotState::Waiting, bob_at.timestamp()), "the shop's peak: {b:?}");
    assert_eq!(slot(&app, &campaign, &cid).state, tidings::sending::SlotState::Sent);

    // Nothing goes before its time; the campaign is still sending.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(sink.messages().len(), 4, "nobody else yet");
    assert_eq!(api.ok("GET", &format!("/campaigns/{campaign}"), None)["campaign"]["state"], "sending");
    let timer = app.state.clock.get(tidings::sendtime::TIMER, &campaign).unwrap().expect("a timer at the first hour");
    assert_eq!(timer.due, ann_at);

    let admin = app.login_admin("a-long-enough-password-1");
    let page = app.get(&admin, &format!("/campaigns/{campaign}")).text().unwrap();
    assert!(page.contains("Waiting for their best hour (within 24 h)"), "{page}");
    assert_eq!(crate::helpers::text_of_id(&page, "stat-waiting").unwrap().split_whitespace().next(), Some("2"));

    // The clock reaches Ann's hour: hers goes, Bob's waits for his.
    app.state.clock.fire_due(ann_at + chrono::Duration::seconds(1)).unwrap();
    let got = sink.wait_for(5);
    assert_eq!(got.len(), 5);
    assert_eq!(got[4].to, vec!["ann@example.org".to_string()]);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(sink.messages().len(), 5, "Bob's hour has not come");
    assert_eq!(slot(&app, &campaign, &bob).state, tidings::sending::SlotState::Waiting);
    assert_eq!(app.state.clock.get(tidings::sendtime::TIMER, &campaign).unwrap().unwrap().due, bob_at);

    app.state.clock.fire_due(bob_at + chrono::Duration::seconds(1)).unwrap();
    let got = sink.wait_for(6);
    assert_eq!(got[5].to, vec!["bob@example.org".to_string()]);
    let done = api.wait_state(&campaign, "sent", Duration::from_secs(10));
    assert_eq!(done["state"], "sent", "sent once every slot is done: {done}");
    assert_eq!(sink.messages().len(), 6, "each once");

    // The contact page says what it made of each of them.
    let page = app.get(&admin, &format!("/contacts/{ann}")).text().unwrap();
    let hour = five.with_timezone(&chrono_tz::Europe::Berlin).format("%H").to_string();
    let hour = hour.trim_start_matches('0');
    assert!(page.contains("Usually active"), "{page}");
    assert!(page.contains(&format!(" {}–", if hour.is_empty() { "0" } else { hour })), "Ann's hour in her zone");
    let page = app.get(&admin, &format!("/contacts/{cid}")).text().unwrap();
    assert!(page.contains("Objected to profiling: none"), "{page}");
    let page = app.get(&admin, &format!("/contacts/{bob}")).text().unwrap();
    assert!(page.contains("Too few signals (0): the shop&#x27;s peak"), "{page}");
}

#[test]
fn a_journeys_send_step_waits_for_the_contacts_best_hour_then_sends() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "website_tracking"]);
    let five = Utc::now() + chrono::Duration::hours(5);
    page_views(&app, "ann@example.org", five - chrono::Duration::days(7), 3);
    let definition = json!({
        "triggers": [{"manual": true}],
        "start": "hello",
        "steps": {
            "hello": {"send": {"subject": "At your hour", "body": "Hi", "purpose": "newsletter", "best_time_within_hours": 24}, "next": "out"},
            "out": {"exit": true}
        }
    });
    let v = api.ok("POST", "/journeys", Some(json!({"name": "Best hour", "definition": definition})));
    assert_eq!(v["problems"]["errors"], json!([]), "{v}");
    assert_eq!(v["journey"]["definition"]["steps"]["hello"]["send"]["best_time_within_hours"], 24, "{v}");
    let journey = v["journey"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/journeys/{journey}/publish"), None);
    let admin = app.login_admin("a-long-enough-password-1");
    let page = app.get(&admin, &format!("/journeys/{journey}")).text().unwrap();
    assert!(page.contains("at the contact&#x27;s best hour within 24 h"), "the step's card says it");
    api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [ann]})));

    let runs = until(
        "Ann's run waiting",
        || api.ok("GET", &format!("/contacts/{ann}/journeys"), None)["runs"].clone(),
        |r| !r[0]["waiting_until"].is_null(),
    );
    let at: DateTime<Utc> = serde_json::from_value(runs[0]["waiting_until"].clone()).unwrap();
    assert_eq!(at, hour_of(five), "{runs}");
    assert_eq!(runs[0]["step"], "hello");
    std::thread::sleep(Duration::from_millis(500));
    assert!(sink.messages().is_empty(), "not before her hour");

    app.state.clock.fire_due(at + chrono::Duration::seconds(1)).unwrap();
    let got = sink.wait_for(1);
    assert_eq!(got.len(), 1);
    assert!(String::from_utf8_lossy(&got[0].data).contains("Subject: At your hour"));
    until(
        "Ann's run ending",
        || api.ok("GET", &format!("/contacts/{ann}/journeys"), None)["runs"].clone(),
        |r| !r[0]["ended"].is_null(),
    );
}

#[test]
fn a_window_out_of_range_is_refused_naming_the_field() {
    let (app, _sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    for bad in [json!(73), json!(-1), json!("soon"), json!(1.5)] {
        let (status, v) = api.call(
            "POST",
            "/campaigns",
            Some(json!({"name": "X", "subject": "S", "body": "B", "lists": ["news"], "send_time_hours": bad})),
        );
        assert_eq!(status, 422, "{bad}: {v}");
        assert!(v.to_string().contains("send_time_hours"), "{v}");
    }
    assert!(api.ok("GET", "/campaigns", None)["campaigns"].as_array().unwrap().is_empty(), "nothing written");
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Y", "subject": "S", "body": "B", "lists": ["news"], "send_time_hours": 72})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    let v = api.ok("PATCH", &format!("/campaigns/{id}"), Some(json!({"send_time_hours": null})));
    assert_eq!(v["campaign"]["send_time_hours"], Value::Null, "{v}");

    let definition = json!({
        "triggers": [{"manual": true}],
        "start": "hello",
        "steps": {
            "hello": {"send": {"subject": "S", "body": "B", "purpose": "newsletter", "best_time_within_hours": 0}, "next": "out"},
            "out": {"exit": true}
        }
    });
    let (status, v) = api.call("POST", "/journeys", Some(json!({"name": "Bad", "definition": definition})));
    assert!(v.to_string().contains("steps.hello.send.best_time_within_hours"), "{status} {v}");
}

#[test]
fn the_records_of_processing_state_the_logic_under_profiling_from_the_codes_constants() {
    let (app, _sink) = app_with_sink();
    let dpo = crate::gdpr::Dpo::new(&app);
    let v = dpo.ok(reqwest::Method::GET, "/records-of-processing", None);
    let profiling = v["purposes"].as_array().unwrap().iter().find(|p| p["key"] == "profiling").unwrap().clone();
    assert!(profiling["description"].as_str().unwrap().contains("at which hours of the week"), "{profiling}");
    let logic = profiling["logic"].to_string();
    use tidings::domain::sendtime as rule;
    for said in [
        "Send-time optimisation".to_string(),
        format!("at most {} hours", rule::MAX_WINDOW_HOURS),
        format!("{} times the shop", rule::PSEUDO_COUNTS),
        format!("fewer than {} signals", rule::MIN_SIGNALS),
        format!("newest {} events", tidings::sendtime::EVENTS_PER_CONTACT),
        "opens do not count".to_string(),
        "objected to profiling".to_string(),
    ] {
        assert!(logic.contains(&said), "{said}: {logic}");
    }
    let admin = app.login_admin("a-long-enough-password-1");
    let page = app.get(&admin, "/records").text().unwrap();
    assert!(page.contains("Send-time optimisation: when a campaign"), "{page}");
}

#[test]
fn the_campaign_page_sets_the_window_and_keeps_a_refused_one_as_typed_in_english_and_german() {
    let (app, _sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let admin = app.login_admin("a-long-enough-password-1");
    let r = app.post_form(&admin, "/campaigns", "/campaigns", &[("name", "Winter sale")]);
    assert_eq!(r.status(), 303);
    let at = location(&r);
    let page = app.get(&admin, &at).text().unwrap();
    assert!(page.contains("best hour within the next"), "the control is there");
    let csrf = csrf_of(&page);
    let form = |hours: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("name", "Winter sale".to_string()),
            ("subject", "Hello".to_string()),
            ("format", "markdown".to_string()),
            ("body", "Hi".to_string()),
            ("lists", "news".to_string()),
            ("purpose", "newsletter".to_string()),
            ("send_time_hours", hours.to_string()),
        ]
    };
    let r = admin.post(format!("{}{at}", app.url)).form(&form("96")).send().unwrap();
    assert_eq!(r.status(), 422);
    let text = r.text().unwrap();
    assert!(text.contains("id=\"send-time-error\"") && text.contains("value=\"96\""), "typed value kept, field named");
    let id: tidings::domain::CampaignId = at.trim_start_matches("/campaigns/").parse().unwrap();
    assert_eq!(app.state.sendtime.option(&id).unwrap(), None, "nothing written");
    let r = admin.post(format!("{}{at}", app.url)).form(&form("12")).send().unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(app.state.sendtime.option(&id).unwrap().map(|o| o.hours), Some(12));
    let page = app.get(&admin, &at).text().unwrap();
    assert!(page.contains("name=\"send_time_hours\" value=\"12\""), "shown as saved");

    let r = app.post_form(&admin, "/account", "/account/language", &[("language", "de")]);
    assert!(r.status().is_redirection(), "{}", r.status());
    let page = app.get(&admin, &at).text().unwrap();
    assert!(page.contains("zu seiner besten Stunde"), "German words for the control");
    let left: Vec<String> = english_left(&page, &["Winter sale", "Hello", "Hi"])
        .into_iter()
        .filter(|t| t.contains("Stunde") || t.contains("hour"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // The contact page says it in German too.
    let zoe = contact_with(&api, "zoe@example.org", &["newsletter"]);
    let page = app.get(&admin, &format!("/contacts/{zoe}")).text().unwrap();
    assert!(page.contains("Beste Stunde für den Versand") && page.contains("Zu wenige Signale (0)"), "{page}");
}

/// A slot's moment is in the slot, committed with it: after a restart it still waits for the
/// same hour, and a timer lost between the slot's commit and the timer's comes back (the
/// resumed sender sets it before it waits). The release is idempotent: firing the same timer
/// again sends nothing twice.
#[test]
fn waiting_slots_keep_their_hour_through_a_restart_and_a_lost_timer_comes_back() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "website_tracking"]);
    let five = Utc::now() + chrono::Duration::hours(5);
    page_views(&app, "ann@example.org", five - chrono::Duration::days(7), 3);
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Later", "subject": "Hello", "body": "Hi", "lists": ["news"], "send_time_hours": 24})),
    );
    let campaign = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{campaign}/send"), None);
    let at = hour_of(five);
    let outbox = |app: &TestApp| {
        app.state.sending.outbox.slot(&campaign.parse().unwrap(), &ann.parse().unwrap()).unwrap().map(|s| s.at)
    };
    until("Ann's slot", || outbox(&app), |t| *t == Some(at.timestamp()));
    until("the timer", || app.state.clock.get(tidings::sendtime::TIMER, &campaign).unwrap(), |t| t.is_some());
    // As if the process died after the slot's commit and before the timer's.
    app.state.clock.stop();
    app.state.clock.cancel(tidings::sendtime::TIMER, &campaign).unwrap();
    let port = sink.port();
    let dir = app.stop();
    let mut config = crate::helpers::test_config(dir.path());
    mail_config(&mut config, port);
    let app = crate::helpers::spawn_in(dir, config);

    let s = slot(&app, &campaign, &ann);
    assert_eq!((s.state, s.at), (tidings::sending::SlotState::Waiting, at.timestamp()), "the same hour");
    let timer =
        until("the timer back", || app.state.clock.get(tidings::sendtime::TIMER, &campaign).unwrap(), |t| t.is_some());
    assert_eq!(timer.unwrap().due, at);
    assert!(sink.messages().is_empty(), "nothing before her hour");
    app.state.clock.fire_due(at + chrono::Duration::seconds(1)).unwrap();
    let got = sink.wait_for(1);
    assert_eq!(got[0].to, vec!["ann@example.org".to_string()]);
    let api = Api::new(&app);
    assert_eq!(api.wait_state(&campaign, "sent", Duration::from_secs(10))["state"], "sent");
    // The same timer again, as after a crash before it moved: nothing goes twice.
    app.state.clock.set(tidings::sendtime::TIMER, &campaign, at, b"").unwrap();
    app.state.clock.fire_due(at + chrono::Duration::seconds(1)).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(app.state.clock.get(tidings::sendtime::TIMER, &campaign).unwrap(), None, "done: the campaign is sent");
}

/// Each run of a recurring campaign is a copy: it keeps the window too (it was left out before).
#[test]
fn each_run_of_a_recurring_campaign_keeps_the_window_and_a_copy_too() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "website_tracking"]);
    let five = Utc::now() + chrono::Duration::hours(5);
    page_views(&app, "ann@example.org", five - chrono::Duration::days(7), 3);
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Weekly", "subject": "News", "body": "Hi", "lists": ["news"], "send_time_hours": 24})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    let copy = api.ok("POST", &format!("/campaigns/{id}/duplicate"), None);
    assert_eq!(copy["campaign"]["send_time_hours"], 24, "{copy}");
    api.ok("POST", &format!("/campaigns/{id}/send"), Some(json!({"cron": "0 9 * * 1", "time_zone": "UTC"})));
    let campaign = app.state.sending.campaigns.get(&id.parse().unwrap()).unwrap().unwrap();
    tidings::sending::ops::fire_schedule(&app.state, &campaign).unwrap();
    let run = app.state.sending.campaigns.all().unwrap().into_iter().find(|c| c.parent == Some(campaign.id)).unwrap();
    assert_eq!(app.state.sendtime.option(&run.id).unwrap().map(|o| o.hours), Some(24));
    let s = until(
        "Ann's slot in the run",
        || app.state.sending.outbox.slot(&run.id, &ann.parse().unwrap()).unwrap(),
        |s| s.is_some(),
    )
    .unwrap();
    assert_eq!((s.state, s.at), (tidings::sending::SlotState::Waiting, hour_of(five).timestamp()));
    std::thread::sleep(Duration::from_millis(300));
    assert!(sink.messages().is_empty(), "the run waits for her hour");
}
