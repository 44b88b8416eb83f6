//! Journeys over the real server and a real SMTP server: a run starts from an event, waits for
//! an order with a timeout (both branches), sends its reminder through the outbox, ends early
//! on its goal, dedupes by an event property, ends when consent is withdrawn, is tried on a
//! virtual clock without sending, moves when a new version is published, and is erased with
//! the person.

use std::time::{Duration, Instant};

use chrono::{Datelike, Timelike, Utc};
use serde_json::{json, Value};

use crate::campaigns::{mail_config, Api};
use crate::helpers::{bare_client, spawn_app_with, TestApp};
use crate::smtp_sink::{SinkOptions, SmtpSink};
use crate::tracking::contact_with;

fn app_with_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    (app, sink)
}

/// Records events through the API (custom events need the person's tracking consent).
fn events(app: &TestApp, token: &str, events: Value) {
    let r = bare_client()
        .post(format!("{}/api/v1/events", app.url))
        .bearer_auth(token)
        .json(&json!({ "events": events }))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().unwrap());
}

/// A contact's runs once `done` says so (at most 10 s).
fn runs_until(api: &Api<'_>, contact: &str, done: impl Fn(&Value) -> bool) -> Value {
    let started = Instant::now();
    loop {
        let v = api.ok("GET", &format!("/contacts/{contact}/journeys"), None);
        if done(&v["runs"]) {
            return v["runs"].clone();
        }
        assert!(started.elapsed() < Duration::from_secs(10), "the runs never got there: {v}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn whats(run: &Value) -> Vec<String> {
    run["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| match &l["what"] {
            Value::String(s) => s.clone(),
            Value::Object(o) => o.keys().next().unwrap().clone(),
            other => other.to_string(),
        })
        .collect()
}

/// A recipe's definition, without its quiet hours (tests run at any hour).
fn recipe(api: &Api<'_>, key: &str) -> Value {
    let all = api.ok("GET", "/journeys/recipes", None);
    let mut d = all["recipes"].as_array().unwrap().iter().find(|r| r["key"] == key).unwrap()["definition"].clone();
    d["rules"].as_object_mut().unwrap().remove("quiet_hours");
    d
}

fn publish(api: &Api<'_>, name: &str, definition: Value) -> String {
    let v = api.ok("POST", "/journeys", Some(json!({"name": name, "definition": definition})));
    assert_eq!(v["problems"]["errors"], json!([]), "{v}");
    let id = v["journey"]["id"].as_str().unwrap().to_string();
    let v = api.ok("POST", &format!("/journeys/{id}/publish"), None);
    assert_eq!(v["journey"]["status"], "live");
    id
}

#[test]
fn an_abandoned_cart_reminds_after_the_timeout_and_an_order_ends_the_run_early() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "website_tracking"]);
    let bob = contact_with(&api, "bob@example.org", &["newsletter", "website_tracking"]);
    let journey = publish(&api, "Abandoned cart", recipe(&api, "abandoned_cart"));
    let token = app.admin_token(&["record_events"]);

    // Both put something in their cart: each starts a run that waits an hour for an order.
    events(
        &app,
        &token,
        json!([{"type": "custom", "name": "cart_added", "email": "ann@example.org"},
               {"type": "custom", "name": "cart_added", "email": "bob@example.org"}]),
    );
    let runs = runs_until(&api, &ann, |r| r[0]["step"] == "wait_order" && !r[0]["waiting_until"].is_null());
    let until: chrono::DateTime<Utc> = serde_json::from_value(runs[0]["waiting_until"].clone()).unwrap();
    assert!((until - Utc::now() - chrono::Duration::hours(1)).num_seconds().abs() < 60, "{until}");
    assert_eq!(runs[0]["trigger"], "event:cart_added");
    runs_until(&api, &bob, |r| r[0]["step"] == "wait_order");

    // Bob orders within the hour: the goal ends his run at once, nothing is sent to him.
    events(
        &app,
        &token,
        json!([{"type": "order", "email": "bob@example.org", "id": "o-1", "amount": 30, "currency": "EUR"}]),
    );
    let runs = runs_until(&api, &bob, |r| !r[0]["ended"].is_null());
    assert_eq!(runs[0]["ended"]["how"], "Goal", "{runs}");
    assert!(whats(&runs[0]).contains(&"Goal".to_string()), "{runs}");

    // The hour passes (the clock is driven): Ann's run times out and queues the reminder,
    // which the sender hands to the relay; then she waits a day for an order.
    let fired = app.state.clock.fire_due(until + chrono::Duration::seconds(1)).unwrap();
    assert!(fired >= 1);
    let runs = runs_until(&api, &ann, |r| r[0]["step"] == "wait_again");
    assert_eq!(
        whats(&runs[0]),
        ["Entered", "Waiting", "TimedOut", "Queued", "Waiting"].map(String::from).to_vec(),
        "{runs}"
    );
    let got = sink.wait_for(1);
    assert_eq!(got.len(), 1, "only Ann's reminder");
    assert_eq!(got[0].to, vec!["ann@example.org".to_string()]);
    let text = String::from_utf8_lossy(&got[0].data).to_string();
    assert!(text.contains("Subject: You left something in your cart"), "{text}");
    assert!(text.contains("List-Unsubscribe:"), "journey mail is marketing mail: {text}");

    // The step counters: both entered the first step, one converted there, one timed out.
    let v = api.ok("GET", &format!("/journeys/{journey}"), None);
    let first = &v["steps"]["wait_order"];
    assert_eq!((first["entered"].as_i64(), first["converted"].as_i64()), (Some(2), Some(1)), "{v}");
    assert_eq!(v["steps"]["wait_again"]["waiting"], 1, "{v}");
    assert_eq!(v["waiting"]["wait_again"], 1, "{v}");
}

#[test]
fn an_event_key_enters_once_and_a_run_goes_straight_through() {
    let (app, _sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    publish(
        &api,
        "Tag buyers",
        json!({
            "triggers": [{"event": {"kind": "order"}}],
            "start": "tag",
            "steps": {
                "tag": {"update": {"add_tags": ["buyer"], "remove_tags": [], "add_lists": [], "remove_lists": [], "set_fields": {}}, "next": "out"},
                "out": {"exit": true}
            },
            "rules": {"reentry": "always", "dedupe_property": "order_id"}
        }),
    );
    let token = app.admin_token(&["record_events"]);
    for id in ["o-1", "o-1", "o-2"] {
        events(
            &app,
            &token,
            json!([{"type": "order", "email": "ann@example.org", "id": id, "amount": 10, "currency": "EUR", "properties": {"order_id": id}}]),
        );
        app.state.tracking.record_durable_blocking(Vec::new()).unwrap();
        app.state.feed.catch_up(tidings::journeys::engine::READER, Duration::from_secs(10));
    }
    let runs = runs_until(&api, &ann, |r| {
        r.as_array().unwrap().len() == 2 && r.as_array().unwrap().iter().all(|r| !r["active"].as_bool().unwrap())
    });
    assert!(runs.as_array().unwrap().iter().all(|r| r["ended"]["how"] == "Completed"), "{runs}");
    let c = api.ok("GET", &format!("/contacts/{ann}"), None);
    assert_eq!(c["tags"], json!(["buyer"]), "{c}");
    // The order numbers her entries were told apart by are in her archive.
    let contact: tidings::domain::ContactId = ann.parse().unwrap();
    let export = serde_json::to_string(&app.state.store.export_person(&contact.person()).unwrap()).unwrap();
    assert!(export.contains(r#""entered_with":["o-1","o-2"]"#) && export.contains(r#""times_entered":2"#), "{export}");
}

#[test]
fn withdrawn_consent_ends_a_waiting_run_and_nothing_is_sent_when_its_time_comes() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let journey = publish(
        &api,
        "Later",
        json!({
            "triggers": [{"manual": true}],
            "start": "pause",
            "steps": {
                "pause": {"wait": {"days": 1, "hours": 0, "minutes": 0}, "next": "hello"},
                "hello": {"send": {"subject": "Hello", "body": "Hi", "preheader": "", "sender": "", "purpose": "newsletter"}, "next": "out"},
                "out": {"exit": true}
            }
        }),
    );
    let v = api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [ann]})));
    assert_eq!(v["started"], 1);
    // Once only: one run at a time.
    let v = api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [ann]})));
    assert_eq!(v["started"], 0);
    runs_until(&api, &ann, |r| r[0]["step"] == "pause");
    let timer_key = format!("{ann}:{}", runs_until(&api, &ann, |_| true)[0]["id"].as_str().unwrap());
    assert!(app.state.clock.get(tidings::journeys::TIMER, &timer_key).unwrap().is_some());

    api.ok(
        "POST",
        &format!("/contacts/{ann}/consents"),
        Some(json!({"purpose": "newsletter", "granted": false, "note": "asked by phone"})),
    );
    let runs = runs_until(&api, &ann, |r| !r[0]["ended"].is_null());
    assert_eq!(runs[0]["ended"]["how"], json!({"Left": "consent_withdrawn:newsletter"}), "{runs}");
    assert!(app.state.clock.get(tidings::journeys::TIMER, &timer_key).unwrap().is_none(), "its timer is gone");
    app.state.clock.fire_due(Utc::now() + chrono::Duration::days(2)).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(sink.messages().len(), 0);
}

#[test]
fn a_dry_run_walks_the_steps_on_a_virtual_clock_and_sends_nothing() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let v = api.ok("POST", "/journeys", Some(json!({"name": "Cart", "definition": recipe(&api, "abandoned_cart")})));
    let journey = v["journey"]["id"].as_str().unwrap().to_string();
    let v = api.ok("POST", &format!("/journeys/{journey}/dry-run"), Some(json!({"contact": ann})));
    let steps: Vec<(String, String)> = v["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let what = match &l["what"] {
                Value::String(s) => s.clone(),
                Value::Object(o) => o.keys().next().unwrap().clone(),
                other => other.to_string(),
            };
            (l["step"].as_str().unwrap().to_string(), what)
        })
        .collect();
    let want = [
        ("wait_order", "Entered"),
        ("wait_order", "Waiting"),
        ("wait_order", "TimedOut"),
        ("reminder", "WouldSend"),
        ("wait_again", "Waiting"),
        ("wait_again", "TimedOut"),
        ("last_call", "WouldSend"),
        ("done", "Completed"),
    ];
    assert_eq!(steps, want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec(), "{v}");
    // What it waits for comes: the run goes the other way.
    let v = api.ok("POST", &format!("/journeys/{journey}/dry-run"), Some(json!({"contact": ann, "comes": true})));
    let n = v["timeline"].as_array().unwrap().len();
    assert_eq!(v["timeline"][n - 1]["step"], "done", "{v}");
    assert!(!v.to_string().contains("WouldSend"), "{v}");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(sink.messages().len(), 0, "a dry run sends nothing");
    assert_eq!(api.ok("GET", &format!("/contacts/{ann}/journeys"), None)["runs"], json!([]));
}

#[test]
fn publishing_a_version_moves_waiting_runs_where_it_is_told_and_refuses_to_strand_them() {
    let (app, _sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let first = json!({
        "triggers": [{"manual": true}],
        "start": "pause",
        "steps": {
            "pause": {"wait": {"days": 3, "hours": 0, "minutes": 0}, "next": "out"},
            "out": {"exit": true}
        }
    });
    let journey = publish(&api, "Versions", first);
    api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [ann]})));
    runs_until(&api, &ann, |r| r[0]["step"] == "pause");
    let second = json!({
        "triggers": [{"manual": true}],
        "start": "short",
        "steps": {
            "short": {"wait": {"days": 1, "hours": 0, "minutes": 0}, "next": "out"},
            "out": {"exit": true}
        }
    });
    api.ok("PUT", &format!("/journeys/{journey}"), Some(json!({"definition": second})));
    // Ann waits at `pause`, which the new version does not have.
    let (s, v) = api.call("POST", &format!("/journeys/{journey}/publish"), Some(json!({})));
    assert_eq!((s, v["field"].as_str()), (422, Some("moved")), "{v}");
    assert!(v.to_string().contains("1 at `pause`"), "{v}");
    let v = api.ok("POST", &format!("/journeys/{journey}/publish"), Some(json!({"moved": {"pause": "short"}})));
    assert_eq!(v["journey"]["version"], 2);
    let runs = runs_until(&api, &ann, |r| r[0]["step"] == "short");
    assert_eq!(runs[0]["version"], 2);
    assert!(whats(&runs[0]).contains(&"Moved".to_string()), "{runs}");
}

#[test]
fn erasure_leaves_no_run_timeline_or_timer_and_the_archive_has_them_before() {
    let (app, _sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let journey = publish(
        &api,
        "Erase me",
        json!({
            "triggers": [{"manual": true}],
            "start": "pause",
            "steps": {"pause": {"wait": {"days": 3, "hours": 0, "minutes": 0}, "next": "out"}, "out": {"exit": true}}
        }),
    );
    api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [ann]})));
    let run = runs_until(&api, &ann, |r| r[0]["step"] == "pause")[0]["id"].as_str().unwrap().to_string();
    let contact: tidings::domain::ContactId = ann.parse().unwrap();
    let export = app.state.store.export_person(&contact.person()).unwrap();
    let text = serde_json::to_string(&export).unwrap();
    assert!(text.contains("Erase me") && text.contains("journey_log"), "{text}");
    tidings::gdpr::erasure::remove(&app.state, &contact, tidings::gdpr::erasure::Mode::Erase, true).unwrap();
    assert!(app.state.journeys.runs_of(&contact).unwrap().is_empty());
    assert!(app.state.journeys.lines(&contact, &run.parse().unwrap()).unwrap().is_empty());
    assert!(app.state.clock.get(tidings::journeys::TIMER, &format!("{ann}:{run}")).unwrap().is_none());
    let v = api.ok("GET", &format!("/journeys/{journey}"), None);
    assert_eq!(v["steps"]["pause"]["waiting"], 0, "{v}");
}

#[test]
fn a_draft_with_problems_is_kept_and_named_and_cannot_be_published() {
    let (app, _sink) = app_with_sink();
    let api = Api::new(&app);
    // A step going nowhere: the draft is kept as typed, and the problem named by its path.
    let v = api.ok(
        "POST",
        "/journeys",
        Some(json!({"name": "Unfinished", "definition": {
            "triggers": [{"manual": true}], "start": "a",
            "steps": {"a": {"wait": {"days": 1, "hours": 0, "minutes": 0}, "next": "b"}}
        }})),
    );
    let id = v["journey"]["id"].as_str().unwrap().to_string();
    assert_eq!(v["journey"]["definition"]["steps"]["a"]["next"], "b", "kept as typed: {v}");
    assert_eq!(v["problems"]["errors"][0]["path"], "steps.a.next", "{v}");
    let (s, v) = api.call("POST", &format!("/journeys/{id}/publish"), None);
    assert_eq!((s, v["field"].as_str()), (422, Some("definition")), "{v}");
    assert!(v["message"].as_str().unwrap().starts_with("steps.a.next"), "{v}");
    // A message for a purpose the shop does not have is named, and not published.
    api.ok(
        "PUT",
        &format!("/journeys/{id}"),
        Some(json!({"definition": {
            "triggers": [{"schedule": "0 0 9 * * Mon"}], "start": "a",
            "steps": {"a": {"send": {"subject": "S", "body": "B", "preheader": "", "sender": "", "purpose": "nosuch"}, "next": "b"}, "b": {"exit": true}}
        }})),
    );
    let v = api.ok("GET", &format!("/journeys/{id}"), None);
    assert_eq!(v["problems"]["errors"][0]["path"], "steps.a.send.purpose", "{v}");
    assert_eq!(api.call("POST", &format!("/journeys/{id}/publish"), None).0, 422);
    // Bad input names its field.
    let (s, v) = api.call("POST", "/journeys", Some(json!({"name": "", "definition": {}})));
    assert_eq!((s, v["field"].as_str()), (422, Some("name")), "{v}");
    let (s, v) = api.call("POST", "/journeys", Some(json!({"name": "X", "recipe": "nope"})));
    assert_eq!((s, v["field"].as_str()), (400, Some("recipe")), "{v}");
}

#[test]
fn a_run_that_sends_then_exits_keeps_its_message_and_the_mail_goes() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let journey = publish(
        &api,
        "Once",
        json!({
            "triggers": [{"manual": true}],
            "start": "hello",
            "steps": {
                "hello": {"send": {"subject": "Hello {{ first_name }}", "body": "Hi", "preheader": "", "sender": "", "purpose": "newsletter"}, "next": "out"},
                "out": {"exit": true}
            }
        }),
    );
    api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [ann]})));
    let got = sink.wait_for(1);
    assert_eq!(got.len(), 1);
    assert!(String::from_utf8_lossy(&got[0].data).contains("Subject: Hello Ann"));
    let contact: tidings::domain::ContactId = ann.parse().unwrap();
    let runs = app.state.journeys.runs_of(&contact).unwrap();
    assert!(runs[0].message.is_some(), "a completed run keeps the message it sent: {runs:?}");
    assert_eq!(
        whats(&runs_until(&api, &ann, |_| true)[0]),
        ["Entered", "Queued", "Completed"].map(String::from).to_vec()
    );
}

#[test]
fn a_withdrawal_or_an_unsubscribe_ends_runs_and_withdraws_their_mail_in_its_own_commit() {
    // A relay that refuses connections: the runs' messages stay queued, to be withdrawn.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let app = spawn_app_with(|c| mail_config(c, closed));
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let bob = contact_with(&api, "bob@example.org", &["newsletter"]);
    let cid = contact_with(&api, "cid@example.org", &["newsletter"]);
    let journey = publish(
        &api,
        "Hello, later",
        json!({
            "triggers": [{"manual": true}],
            "start": "hello",
            "steps": {
                "hello": {"send": {"subject": "Hello", "body": "Hi", "preheader": "", "sender": "", "purpose": "newsletter"}, "next": "pause"},
                "pause": {"wait": {"days": 1, "hours": 0, "minutes": 0}, "next": "out"},
                "out": {"exit": true}
            }
        }),
    );
    api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [ann, bob, cid]})));
    for c in [&ann, &bob, &cid] {
        runs_until(&api, c, |r| r[0]["step"] == "pause");
    }
    let (ann_id, bob_id, cid_id): (tidings::domain::ContactId, tidings::domain::ContactId, tidings::domain::ContactId) =
        (ann.parse().unwrap(), bob.parse().unwrap(), cid.parse().unwrap());
    let queued = |c: &tidings::domain::ContactId| {
        let run = app.state.journeys.runs_of(c).unwrap().remove(0);
        (run.clone(), run.message.and_then(|m| app.state.sending.outbox.message_slot(&m).unwrap()))
    };
    assert!(queued(&ann_id).1.is_some() && queued(&bob_id).1.is_some(), "both messages wait for the relay");

    // No reader follows the feed from here: what ends the runs is the changes' own commits.
    app.state.feed.stop();
    api.ok(
        "POST",
        &format!("/contacts/{ann}/consents"),
        Some(json!({"purpose": "newsletter", "granted": false, "note": "asked by phone"})),
    );
    api.ok("PATCH", &format!("/contacts/{bob}"), Some(json!({"status": "unsubscribed"})));
    // The address corrected in the same edit: the status's entry follows the save at once.
    api.ok("PATCH", &format!("/contacts/{cid}"), Some(json!({"status": "unsubscribed", "email": "cid@example.net"})));
    for (c, reason) in
        [(&ann_id, "consent_withdrawn:newsletter"), (&bob_id, "status:unsubscribed"), (&cid_id, "status:unsubscribed")]
    {
        let (run, slot) = queued(c);
        let ended = run.ended.as_ref().map(|(_, how)| format!("{how:?}"));
        assert_eq!(ended, Some(format!("Left({reason:?})")), "{run:?}");
        assert!(run.message.is_none() && slot.is_none(), "its mail is withdrawn: {run:?} {slot:?}");
        let key = format!("{c}:{}", run.id);
        assert!(app.state.clock.get(tidings::journeys::TIMER, &key).unwrap().is_none(), "its timer is gone");
    }
    let v = api.ok("GET", &format!("/journeys/{journey}"), None);
    assert_eq!(v["waiting"]["pause"].as_u64().unwrap_or(0), 0, "{v}");
}

/// A send-then-exit journey started by `trigger`, entered again as often as it comes.
fn greeting(trigger: Value) -> Value {
    json!({
        "triggers": [trigger],
        "start": "hello",
        "rules": {"reentry": "always"},
        "steps": {
            "hello": {"send": {"subject": "Many happy returns", "body": "Hi", "preheader": "", "sender": "", "purpose": "newsletter"}, "next": "out"},
            "out": {"exit": true}
        }
    })
}

fn due_of(app: &TestApp, kind: &str, key: &str) -> Option<chrono::DateTime<Utc>> {
    app.state.clock.get(kind, key).unwrap().map(|t| t.due)
}

#[test]
fn a_birthday_enters_the_contact_on_the_day_at_the_hour_once_and_moves_to_next_year() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    tidings::contacts::ops::create_field(
        &app.state,
        tidings::ops::By::cli(),
        "birthday",
        "Birthday",
        "date",
        vec![],
        None,
    )
    .unwrap();
    // Five minutes from now, in UTC (the shop's zone by default), is the hour of the trigger.
    let moment = {
        let t = Utc::now() + chrono::Duration::minutes(5);
        t.date_naive().and_hms_opt(t.hour(), t.minute(), 0).unwrap().and_utc()
    };
    let birthday = moment.date_naive().with_year(1990).unwrap_or(moment.date_naive()).format("%Y-%m-%d").to_string();
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    api.ok("PATCH", &format!("/contacts/{ann}"), Some(json!({"custom": {"birthday": birthday}})));
    let trigger = json!({"date": {"field": "birthday", "anniversary": true, "offset_days": 0, "at": moment.format("%H:%M").to_string()}});
    let journey = publish(&api, "Birthday", greeting(trigger));
    // Publishing set Ann's timer; a contact who comes later gets one from the feed's reader.
    let key = |c: &str| format!("{c}:{journey}:0");
    assert_eq!(due_of(&app, tidings::journeys::DATE_TIMER, &key(&ann)), Some(moment));
    let bob = contact_with(&api, "bob@example.org", &["newsletter"]);
    api.ok("PATCH", &format!("/contacts/{bob}"), Some(json!({"custom": {"birthday": "1985-02-28"}})));
    let started = Instant::now();
    while due_of(&app, tidings::journeys::DATE_TIMER, &key(&bob)).is_none() {
        assert!(started.elapsed() < Duration::from_secs(10), "Bob's date never got a timer");
        std::thread::sleep(Duration::from_millis(20));
    }
    let bobs = due_of(&app, tidings::journeys::DATE_TIMER, &key(&bob)).unwrap();
    assert_eq!(bobs.format("%m-%d %H:%M").to_string(), format!("02-28 {}", moment.format("%H:%M")));

    // Not yet: nothing happens a minute early.
    app.state.clock.fire_due(moment - chrono::Duration::minutes(1)).unwrap();
    assert!(app.state.journeys.runs_of(&ann.parse().unwrap()).unwrap().is_empty());
    app.state.clock.fire_due(moment).unwrap();
    let runs = runs_until(&api, &ann, |r| r.as_array().is_some_and(|a| !a.is_empty()));
    assert_eq!(runs[0]["trigger"], "date:birthday", "{runs}");
    assert!(String::from_utf8_lossy(&sink.wait_for(1)[0].data).contains("Many happy returns"));
    let next = due_of(&app, tidings::journeys::DATE_TIMER, &key(&ann)).expect("next year's");
    assert_eq!(
        (next.format("%m-%d %H:%M").to_string(), next.year()),
        (moment.format("%m-%d %H:%M").to_string(), moment.year() + 1)
    );
    // Fired again for the same day (a crash after the entry): once per date.
    app.state.clock.set(tidings::journeys::DATE_TIMER, &key(&ann), moment, b"").unwrap();
    app.state.clock.fire_due(moment).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(app.state.journeys.runs_of(&ann.parse().unwrap()).unwrap().len(), 1);
    assert_eq!(sink.messages().len(), 1);
    // A date cleared: its timer goes.
    api.ok("PATCH", &format!("/contacts/{bob}"), Some(json!({"custom": {"birthday": null}})));
    let started = Instant::now();
    while due_of(&app, tidings::journeys::DATE_TIMER, &key(&bob)).is_some() {
        assert!(started.elapsed() < Duration::from_secs(10), "a cleared date kept its timer");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_schedule_enters_the_segment_or_every_subscribed_contact_once_per_time() {
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let bob = contact_with(&api, "bob@example.org", &["newsletter"]);
    let cid = contact_with(&api, "cid@example.org", &["newsletter"]);
    api.ok("PATCH", &format!("/contacts/{cid}"), Some(json!({"status": "unsubscribed"})));
    let journey = publish(&api, "Monday letter", greeting(json!({"schedule": "0 0 9 * * Mon"})));
    let key = format!("{journey}:0");
    let tick = due_of(&app, tidings::journeys::SCHEDULE_TIMER, &key).expect("its next time");
    assert_eq!(tick.format("%a %H:%M:%S").to_string(), "Mon 09:00:00", "in the shop's zone (UTC)");
    assert!(tick > Utc::now() && tick - Utc::now() <= chrono::Duration::days(7));

    app.state.clock.fire_due(tick).unwrap();
    for c in [&ann, &bob] {
        let runs = runs_until(&api, c, |r| r.as_array().is_some_and(|a| !a.is_empty()));
        assert_eq!(runs[0]["trigger"], "schedule");
    }
    assert!(app.state.journeys.runs_of(&cid.parse().unwrap()).unwrap().is_empty(), "unsubscribed: not entered");
    assert_eq!(sink.wait_for(2).len(), 2);
    assert_eq!(due_of(&app, tidings::journeys::SCHEDULE_TIMER, &key), Some(tick + chrono::Duration::days(7)));
    // The same time fired again (a crash before the timer moved): nobody enters twice.
    app.state.clock.set(tidings::journeys::SCHEDULE_TIMER, &key, tick, b"").unwrap();
    app.state.clock.fire_due(tick).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(app.state.journeys.runs_of(&ann.parse().unwrap()).unwrap().len(), 1);
    assert_eq!(sink.messages().len(), 2);
    // A timer lost (a crash right after publishing cut the planning short) is set again by
    // the start-up's reconciliation; one that is right is left as it is.
    app.state.clock.cancel(tidings::journeys::SCHEDULE_TIMER, &key).unwrap();
    // (Its next time from now: the test drove the clock past the real one.)
    assert_eq!(tidings::journeys::engine::reconcile(&app.state).unwrap(), 1);
    assert_eq!(due_of(&app, tidings::journeys::SCHEDULE_TIMER, &key), Some(tick));
    app.state.clock.set(tidings::journeys::SCHEDULE_TIMER, &key, tick + chrono::Duration::days(7), b"").unwrap();
    // The next week, they enter again (the journey lets them).
    app.state.clock.fire_due(tick + chrono::Duration::days(7)).unwrap();
    runs_until(&api, &ann, |r| r.as_array().is_some_and(|a| a.len() == 2));

    // A schedule naming a segment enters its members only.
    let seg = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "Bob only", "filter": {"all": [{"field": "email", "op": "equals", "value": "bob@example.org"}]}})),
    );
    let seg = seg["segment"]["id"].as_str().or(seg["id"].as_str()).unwrap().to_string();
    crate::segments::wait_segment(&api, &seg, |s| s["build"]["state"] == "ready");
    let only_bob =
        publish(&api, "Bob's letter", greeting(json!({"schedule": {"cron": "0 30 8 * * *", "segment": seg}})));
    let key = format!("{only_bob}:0");
    let tick = due_of(&app, tidings::journeys::SCHEDULE_TIMER, &key).unwrap();
    app.state.clock.fire_due(tick).unwrap();
    runs_until(&api, &bob, |r| r.as_array().is_some_and(|a| a.len() == 3));
    assert_eq!(app.state.journeys.runs_of(&ann.parse().unwrap()).unwrap().len(), 2, "Ann is not in the segment");
}

fn notifying() -> Value {
    json!({
        "triggers": [{"manual": true}],
        "start": "tell",
        "steps": {
            "tell": {"notify": {"to": "sales@shop.test", "subject": "New lead: {{ first_name }}", "text": "Call {{ first_name }} today."}, "next": "out"},
            "out": {"exit": true}
        }
    })
}

#[test]
fn a_staff_notification_is_queued_with_its_step_and_sent_once_the_relay_takes_it() {
    // The relay is down: the notice waits in the durable clock, the run goes on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let app = spawn_app_with(|c| mail_config(c, closed));
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let journey = publish(&api, "Leads", notifying());
    api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [ann]})));
    let runs = runs_until(&api, &ann, |r| !r[0]["ended"].is_null());
    let key = format!("{ann}:{}:0", runs[0]["id"].as_str().unwrap());
    let started = Instant::now();
    loop {
        // Tried (and failed) at once; due again after the clock's pause.
        let t = app.state.clock.get(tidings::journeys::NOTIFY_TIMER, &key).unwrap().expect("the notice is kept");
        if t.due > Utc::now() {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "never tried");
        std::thread::sleep(Duration::from_millis(20));
    }

    // With a relay, it goes out, merge fields filled, and is gone from the clock.
    let (app, sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    let journey = publish(&api, "Leads", notifying());
    api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [ann]})));
    let got = sink.wait_for(1);
    assert_eq!(got[0].to, vec!["sales@shop.test".to_string()]);
    let data = String::from_utf8_lossy(&got[0].data).to_string();
    assert!(data.contains("Subject: New lead: Ann") && data.contains("Call Ann today."), "{data}");
    let runs = runs_until(&api, &ann, |r| !r[0]["ended"].is_null());
    let key = format!("{ann}:{}:0", runs[0]["id"].as_str().unwrap());
    assert!(app.state.clock.get(tidings::journeys::NOTIFY_TIMER, &key).unwrap().is_none());
}

#[test]
fn a_splits_report_counts_each_arms_runs_and_conversions_against_the_holdout() {
    let (app, _sink) = app_with_sink();
    let api = Api::new(&app);
    api.list("news");
    let wait = json!({"days": 7, "hours": 0, "minutes": 0});
    let journey = publish(
        &api,
        "Offer or not",
        json!({
            "triggers": [{"manual": true}],
            "start": "ab",
            "steps": {
                "ab": {"split": [
                    {"percent": 50, "next": "offer", "label": "Offer", "holdout": false},
                    {"percent": 50, "next": "hold", "label": "Held back", "holdout": true}
                ]},
                "offer": {"wait": wait, "next": "out"},
                "hold": {"wait": wait, "next": "out"},
                "out": {"exit": true}
            },
            "goal": {"event": {"kind": "order"}}
        }),
    );
    let people: Vec<(String, String)> = (0..24)
        .map(|i| {
            let email = format!("p{i}@example.org");
            (contact_with(&api, &email, &["newsletter", "website_tracking"]), email)
        })
        .collect();
    let ids: Vec<&String> = people.iter().map(|(id, _)| id).collect();
    api.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": ids})));
    let mut arm_of = std::collections::HashMap::new();
    for (id, _) in &people {
        let runs = runs_until(&api, id, |r| r[0]["step"] == "offer" || r[0]["step"] == "hold");
        arm_of.insert(id.clone(), runs[0]["step"].as_str().unwrap().to_string());
    }
    // Everyone who got the offer orders, and one of those held back.
    let offered: Vec<&(String, String)> = people.iter().filter(|(id, _)| arm_of[id] == "offer").collect();
    let held: Vec<&(String, String)> = people.iter().filter(|(id, _)| arm_of[id] == "hold").collect();
    assert!(!offered.is_empty() && held.len() >= 2, "both arms are taken: {arm_of:?}");
    let token = app.admin_token(&["record_events"]);
    let buyers: Vec<&(String, String)> = offered.iter().copied().chain(held.iter().take(1).copied()).collect();
    let orders: Vec<Value> = buyers
        .iter()
        .enumerate()
        .map(|(i, (_, email))| json!({"type": "order", "email": email, "id": format!("o-{i}"), "amount": 10, "currency": "EUR"}))
        .collect();
    events(&app, &token, json!(orders));
    for (id, _) in &buyers {
        runs_until(&api, id, |r| r[0]["ended"]["how"] == "Goal");
    }

    let v = api.ok("GET", &format!("/journeys/{journey}/splits"), None);
    let arms = v["splits"][0]["arms"].as_array().unwrap().clone();
    assert_eq!(v["splits"][0]["step"], "ab", "{v}");
    let (offer, hold) = (&arms[0], &arms[1]);
    assert_eq!(
        (offer["label"].as_str(), offer["entered"].as_u64(), offer["converted"].as_u64()),
        (Some("Offer"), Some(offered.len() as u64), Some(offered.len() as u64)),
        "{v}"
    );
    assert_eq!(
        (hold["holdout"].as_bool(), hold["entered"].as_u64(), hold["converted"].as_u64()),
        (Some(true), Some(held.len() as u64), Some(1)),
        "{v}"
    );
    let lift = offer["incremental"].as_f64().unwrap();
    assert!((lift - (1.0 - 1.0 / held.len() as f64)).abs() < 1e-9, "{v}");
    assert!(hold["incremental"].is_null());
    assert!(offer["estimate"]["p_best"].as_f64().unwrap() > 0.9, "{v}");
    assert_eq!(v["splits"][0]["enough"], false, "24 runs are too few to tell: {v}");

    // The journey's page shows the same report.
    let admin = app.login_admin(crate::helpers::NEW_PASSWORD);
    let html = admin.get(format!("{}/journeys/{journey}", app.url)).send().unwrap().text().unwrap();
    let table = &html[html.find(r#"id="split-ab""#).expect("the split's table")..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(table.contains("Held back") && table.contains("(holdout)"), "{table}");
    assert!(table.contains(&format!(">{}</td>", held.len())), "{table}");
}
