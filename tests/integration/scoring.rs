//! Lead scoring over the real server: a score is computed from the stored events' times (it
//! decays with no job), counts only what the person allowed to be measured (a withdrawal takes
//! the points away at once and the contact out of a "score ≥ x" segment), is none at all for a
//! person who objects to profiling, turns a threshold at the exact moment decay crosses it (a
//! timer, then a segment transition), and an edited model re-evaluates the segments reading it.

use std::time::{Duration, Instant};

use chrono::Utc;
use serde_json::{json, Value};

use crate::campaigns::Api;
use crate::helpers::{bare_client, location, spawn_app, TestApp};
use crate::tracking::contact_with;

/// Polls until `done` says so (at most 10 s); returns the last value.
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

fn size(api: &Api<'_>, segment: &str) -> Value {
    api.ok("GET", &format!("/segments/{segment}"), None)["segment"]["size"].clone()
}

/// Opens of `contact`, `ago` each, recorded as the pixel records them.
fn opens(app: &TestApp, contact: &str, ago: &[chrono::Duration]) {
    let id: tidings::domain::ContactId = contact.parse().unwrap();
    let records = ago
        .iter()
        .map(|a| {
            let mut e = tidings::domain::Event::new(tidings::domain::EventKind::Open, Utc::now() - *a, "pixel");
            e.mailing = Some(uuid::Uuid::now_v7());
            tidings::tracking::Record { contact: Some(id), event: e, link: None }
        })
        .collect();
    app.state.tracking.record_durable_blocking(records).unwrap();
}

fn score_of(api: &Api<'_>, contact: &str, model: &str) -> Value {
    let v = api.ok("GET", &format!("/contacts/{contact}/score"), None);
    v["scores"].as_array().unwrap().iter().find(|s| s["model"] == model).cloned().unwrap_or(Value::Null)
}

fn engagement_segment(api: &Api<'_>, at_least: f64) -> String {
    let v = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "Engaged", "filter": {"all": [{"score": "engagement", "op": "gte", "value": at_least}]}})),
    );
    v["segment"]["id"].as_str().unwrap().to_string()
}

#[test]
fn a_score_decays_from_the_events_times_and_says_what_it_is_made_of() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["website_tracking"]);
    let model = api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "interest", "name": "Interest", "half_life_days": 10, "rules": [
            {"on": "page_viewed", "url": "/pricing", "points": 10, "cap": {"points": 100, "days": 1}},
        ]})),
    );
    assert_eq!(model["model"]["version"], 1, "{model}");
    assert!(model["model"]["description"].as_str().unwrap().contains("halve every 10 days"), "{model}");
    // Two visits to the pricing page: one ten days ago (a half-life), one now.
    let events = app.admin_token(&["record_events"]);
    let ten_days_ago = (Utc::now() - chrono::Duration::days(10)).to_rfc3339();
    let r = bare_client()
        .post(format!("{}/api/v1/events", app.url))
        .bearer_auth(&events)
        .json(&json!({"events": [
            {"type": "page_view", "contact_id": ann, "url": "https://shop.example/pricing", "at": ten_days_ago},
            {"type": "page_view", "contact_id": ann, "url": "https://shop.example/pricing"},
            {"type": "page_view", "contact_id": ann, "url": "https://shop.example/about"},
        ]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let s = score_of(&api, &ann, "interest");
    // 10 × 0.5 + 10, a few milliseconds of decay aside.
    assert_eq!(s["score"], json!(15.0), "{s}");
    let rule = &s["rules"][0];
    assert_eq!((rule["counted"].as_u64(), rule["raw"].as_f64()), (Some(2), Some(20.0)), "{s}");
    assert_eq!(rule["decayed_away"], json!(5.0), "{s}");
    // Not stored: the same events read later are worth less (nothing rewrote them).
    let exact = s["exact"].as_f64().unwrap();
    std::thread::sleep(Duration::from_millis(50));
    assert!(score_of(&api, &ann, "interest")["exact"].as_f64().unwrap() < exact);
    // A model that does not parse is refused with the place named, and nothing is stored.
    let (status, v) = api.call(
        "POST",
        "/scoring/models",
        Some(json!({"key": "bad", "name": "Bad", "half_life_days": 10, "rules": [{"on": "page_viewed", "points": 1}]})),
    );
    assert_eq!((status, v["field"].as_str()), (422, Some("model")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("model.rules[0].url"), "{v}");
    assert_eq!(api.call("GET", "/scoring/models/bad", None).0, 404);
}

#[test]
fn withdrawing_engagement_takes_its_points_away_at_once_and_the_contact_out_of_the_segment() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "engagement", "name": "Engagement", "half_life_days": 30, "rules": [
            {"on": "opened", "points": 10},
            {"on": "field", "field": "first_name", "op": "equals", "value": "Ann", "points": 1},
        ]})),
    );
    opens(&app, &ann, &[chrono::Duration::minutes(1), chrono::Duration::minutes(2), chrono::Duration::minutes(3)]);
    let engaged = engagement_segment(&api, 20.0);
    until("Ann entering", || size(&api, &engaged), |s| *s == json!(1));
    assert!(score_of(&api, &ann, "engagement")["score"].as_f64().unwrap() > 30.0);
    api.ok(
        "POST",
        &format!("/contacts/{ann}/consents"),
        Some(json!({"purpose": "engagement", "granted": false, "note": "asked by phone"})),
    );
    // At once: the score no longer counts the opens (only the field's point is left) …
    let s = score_of(&api, &ann, "engagement");
    assert_eq!(s["score"], json!(1.0), "{s}");
    assert_eq!(s["rules"][0]["counted"], 0, "{s}");
    // … and the segments' reader takes her out on the consent's entry.
    until("Ann leaving", || size(&api, &engaged), |s| *s == json!(0));
    let log = api.ok("GET", &format!("/contacts/{ann}/segments"), None)["log"].clone();
    let moves: Vec<bool> = log.as_array().unwrap().iter().map(|t| t["entered"].as_bool().unwrap()).collect();
    assert_eq!(moves, vec![true, false], "{log}");
}

#[test]
fn a_person_who_objects_to_profiling_has_no_score_and_leaves_the_segment() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    // Profiling rests on legitimate interest: a default purpose, in force until objected to.
    let purposes = app.state.purposes.all().unwrap();
    let profiling = purposes.iter().find(|p| p.key == "profiling").expect("a default profiling purpose");
    assert_eq!(profiling.basis, tidings::domain::LawfulBasis::LegitimateInterest);
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "engagement", "name": "Engagement", "half_life_days": 30, "rules": [{"on": "opened", "points": 25}]})),
    );
    opens(&app, &ann, &[chrono::Duration::minutes(1)]);
    let engaged = engagement_segment(&api, 20.0);
    until("Ann entering", || size(&api, &engaged), |s| *s == json!(1));
    // She objects (Art. 21) through a request the DPO carries out.
    let dpo = crate::gdpr::Dpo::new(&app);
    let r = dpo.ok(reqwest::Method::POST, "/requests", Some(json!({"kind": "objection", "contact_id": ann})));
    let rid = r["id"].as_str().unwrap().to_string();
    dpo.ok(reqwest::Method::PATCH, &format!("/requests/{rid}"), Some(json!({"verification": "verified"})));
    let done =
        dpo.ok(reqwest::Method::POST, &format!("/requests/{rid}/withdraw"), Some(json!({"purposes": ["profiling"]})));
    assert_eq!(done["withdrawn"], json!(["profiling"]));
    let s = score_of(&api, &ann, "engagement");
    assert_eq!((s["score"].clone(), s["objected"].clone()), (Value::Null, json!(true)), "no score, not zero: {s}");
    until("Ann leaving", || size(&api, &engaged), |s| *s == json!(0));
    // "Score below 5" does not take her either: no score is not a low score.
    let low = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "Cold", "filter": {"all": [{"score": "engagement", "op": "lt", "value": 5}]}})),
    )["segment"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    until(
        "the cold segment built",
        || api.ok("GET", &format!("/segments/{low}"), None)["segment"]["build"]["state"].clone(),
        |s| *s == json!("ready"),
    );
    assert_eq!(size(&api, &low), json!(0));
}

/// Decay alone takes a score below a segment's threshold: the segment leaves a timer at the
/// computed moment, and when the clock fires it the contact exits (a transition like any other).
#[test]
fn crossing_a_threshold_by_decay_is_a_segment_transition_at_the_computed_moment() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["engagement"]);
    // Half-life one hour: 100 points fall to 50 an hour after the open.
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "engagement", "name": "Engagement", "half_life_days": 1.0 / 24.0, "rules": [{"on": "opened", "points": 100}]})),
    );
    let opened = Utc::now() - chrono::Duration::hours(1) + chrono::Duration::seconds(2);
    let id: tidings::domain::ContactId = ann.parse().unwrap();
    let mut e = tidings::domain::Event::new(tidings::domain::EventKind::Open, opened, "pixel");
    e.mailing = Some(uuid::Uuid::now_v7());
    app.state
        .tracking
        .record_durable_blocking(vec![tidings::tracking::Record { contact: Some(id), event: e, link: None }])
        .unwrap();
    let engaged = engagement_segment(&api, 50.0);
    until("Ann entering", || size(&api, &engaged), |s| *s == json!(1));
    let key = ann.clone();
    let timer = app.state.clock.get(tidings::segments::live::FLIP, &key).unwrap().expect("a timer at the crossing");
    let crossing = opened + chrono::Duration::hours(1);
    let off = (timer.due - crossing).num_milliseconds().abs();
    assert!(off <= 2, "the timer is due at {} for a crossing at {crossing}", timer.due);
    // After the moment, she leaves.
    while Utc::now() <= timer.due {
        std::thread::sleep(Duration::from_millis(50));
    }
    // Nobody pokes the clock here: the segments' reader woke it when it set the timer.
    until("Ann leaving", || size(&api, &engaged), |s| *s == json!(0));
    assert!(score_of(&api, &ann, "engagement")["exact"].as_f64().unwrap() < 50.0);
}

#[test]
fn editing_a_model_re_evaluates_the_segments_that_read_its_score() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["engagement"]);
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "engagement", "name": "Engagement", "half_life_days": 30, "rules": [{"on": "opened", "points": 5}]})),
    );
    opens(&app, &ann, &[chrono::Duration::minutes(1), chrono::Duration::minutes(2)]);
    let engaged = engagement_segment(&api, 20.0);
    until(
        "the segment built",
        || api.ok("GET", &format!("/segments/{engaged}"), None)["segment"]["build"]["state"].clone(),
        |s| *s == json!("ready"),
    );
    assert_eq!(size(&api, &engaged), json!(0), "10 points are not 20");
    // Opens are worth more now: the model's edit rebuilds the segment, and she enters.
    let v = api.ok(
        "PUT",
        "/scoring/models/engagement",
        Some(json!({"name": "Engagement", "half_life_days": 30, "rules": [{"on": "opened", "points": 15}]})),
    );
    assert_eq!(v["model"]["version"], 2, "{v}");
    until("Ann entering", || size(&api, &engaged), |s| *s == json!(1));
    // A model a segment reads cannot be removed from under it.
    let (status, v) = api.call("DELETE", "/scoring/models/engagement", None);
    assert_eq!(status, 409, "{v}");
    assert_eq!(
        api.call(
            "PUT",
            "/scoring/models/engagement",
            Some(json!({"key": "other", "name": "E", "half_life_days": 1, "rules": [{"on": "opened", "points": 1}]}))
        )
        .0,
        422
    );
}

/// The admin form: refused input comes back with what was typed and the error at its row;
/// accepted input is a model the API reads back.
#[test]
fn the_scoring_page_keeps_what_was_typed_and_names_the_row() {
    let app = spawn_app();
    let admin = app.login_admin(crate::helpers::NEW_PASSWORD);
    // Each row sends every column, in the page's order, as a browser does.
    const COLUMNS: [&str; 12] = [
        "on",
        "points",
        "url",
        "event",
        "properties",
        "form",
        "per_unit",
        "field",
        "op",
        "value",
        "cap_points",
        "cap_days",
    ];
    let form = |second_points: &'static str| -> Vec<(&'static str, &'static str)> {
        let mut out = vec![("name", "Engagement"), ("key", "engagement"), ("half_life_days", "30")];
        let rows: [[&'static str; 12]; 3] = [
            ["opened", "1", "", "", "", "", "", "", "", "", "", ""],
            ["page_viewed", second_points, "/pricing", "", "", "", "", "", "", "", "", ""],
            // A blank row is left out.
            [""; 12],
        ];
        for row in rows {
            out.extend(COLUMNS.iter().copied().zip(row));
        }
        out
    };
    let r = app.post_form(&admin, "/scoring/new", "/scoring", &form("lots"));
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("value=\"lots\"") && page.contains("value=\"&#x2f;pricing\""), "what was typed stays");
    assert!(page.contains("Rule 2, Points: expected a number"), "the row and the field are named");
    assert!(page.contains("aria-invalid=\"true\" aria-describedby=\"rule-1-points-error\""), "at the field");
    let r = app.post_form(&admin, "/scoring/new", "/scoring", &form("3"));
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/scoring/engagement?ok=created");
    let api = Api::new(&app);
    let m = api.ok("GET", "/scoring/models/engagement", None);
    assert_eq!(m["model"]["rules"][1], json!({"on": "page_viewed", "url": "/pricing", "points": 3.0}), "{m}");
    let list = app.get(&admin, "/scoring").text().unwrap();
    assert!(list.contains("href=\"/scoring/engagement\""), "{list}");
}

/// The "unsubscribed" rule counts from when the status changed, as the history entry's list of
/// changed fields says, whatever its words: an unsubscribe recorded 30 days ago in other words
/// (an older release's, another language's) decays from then, not from the record's last edit.
#[test]
fn an_unsubscribe_counts_from_when_the_status_changed_whatever_the_history_says_in_words() {
    let app = spawn_app();
    let api = Api::new(&app);
    api.list("news");
    let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "intent", "name": "Intent", "half_life_days": 30, "rules": [{"on": "unsubscribed", "points": -20}]})),
    );
    let id: tidings::domain::ContactId = ann.parse().unwrap();
    let contacts = &app.state.contacts;
    let mut c = contacts.get(&id).unwrap().unwrap();
    c.status = tidings::domain::Status::Unsubscribed;
    let change = tidings::domain::Change::StatusChanged { contact: id, status: c.status, campaign: None };
    let seq = contacts.update(&c, change).unwrap();
    contacts
        .add_history(
            &id,
            &tidings::contacts::HistoryEntry {
                at: Utc::now() - chrono::Duration::days(30),
                actor: "anonymous".into(),
                kind: "status".into(),
                fields: vec!["status".into()],
                detail: "abonniert → abgemeldet: über den Abmeldelink".into(),
            },
        )
        .unwrap();
    app.state.store.commit().unwrap();
    contacts.announce(seq);
    // A later edit of something else: the record changed today, the status did not.
    api.ok("PATCH", &format!("/contacts/{ann}"), Some(json!({"first_name": "Anna"})));

    let s = score_of(&api, &ann, "intent");
    let exact = s["exact"].as_f64().unwrap();
    assert!((exact + 10.0).abs() < 0.01, "-20 points halved over 30 days, not counted from today: {s}");
}

/// Opens, clicks and page views count as tracking measures them: under `unless_withdrawn` for
/// everyone who has not withdrawn the purpose (never asked included), under `consent` only
/// for those who granted it. (Scoring used to ask for a grant whatever the policy, so a shop
/// measuring on legitimate interest had scores without their opens.)
#[test]
fn opens_and_page_views_count_by_the_same_rule_tracking_measures_them_by() {
    use tidings::config::EngagementPolicy;
    for policy in [EngagementPolicy::Consent, EngagementPolicy::UnlessWithdrawn] {
        let app = crate::helpers::spawn_app_with(|c| {
            c.tracking.engagement = policy;
            c.tracking.website_linking = policy;
        });
        let api = Api::new(&app);
        api.list("news");
        // Asked for the newsletter only: neither granted nor withdrew measurement.
        let ann = contact_with(&api, "ann@example.org", &["newsletter"]);
        api.ok(
            "POST",
            "/scoring/models",
            Some(json!({"key": "interest", "name": "Interest", "half_life_days": 30, "rules": [
                {"on": "opened", "points": 10},
                {"on": "page_viewed", "url": "/shoes/", "points": 5},
            ]})),
        );
        opens(&app, &ann, &[chrono::Duration::minutes(1)]);
        let id: tidings::domain::ContactId = ann.parse().unwrap();
        let mut view = tidings::domain::Event::new(
            tidings::domain::EventKind::PageView,
            Utc::now() - chrono::Duration::minutes(1),
            "tracker",
        );
        view.url = Some("https://shop.example/shoes/red".into());
        app.state
            .tracking
            .record_durable_blocking(vec![tidings::tracking::Record { contact: Some(id), event: view, link: None }])
            .unwrap();

        let s = score_of(&api, &ann, "interest");
        let counted = |s: &Value| (s["rules"][0]["counted"].clone(), s["rules"][1]["counted"].clone());
        match policy {
            EngagementPolicy::Consent => {
                assert_eq!(counted(&s), (json!(0), json!(0)), "nothing granted, nothing counts: {s}");
            }
            _ => {
                assert_eq!(counted(&s), (json!(1), json!(1)), "nothing withdrawn, both count: {s}");
                assert!(s["exact"].as_f64().unwrap() > 14.9, "{s}");
                // Withdrawn: the opens stop counting at once, the page view still counts.
                api.ok(
                    "POST",
                    &format!("/contacts/{ann}/consents"),
                    Some(json!({"purpose": "engagement", "granted": false, "note": "asked by phone"})),
                );
                let s = score_of(&api, &ann, "interest");
                assert_eq!(counted(&s), (json!(0), json!(1)), "{s}");
            }
        }
    }
}
