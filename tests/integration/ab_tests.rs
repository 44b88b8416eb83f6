//! A/B tests on campaigns end to end: the API, the sender, the real SMTP sink, clicks through
//! the real tracking endpoints, and the durable clock that chooses the winner.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tidings::config::{Config, EngagementPolicy};
use tidings::domain::{CampaignId, ContactId, EmailAddress};
use tidings::sending::abtest::{AbTest, TIMER_KIND};

use crate::campaigns::{header, mail_config, Api};
use crate::helpers::{bare_client, seed_news_subscribers, spawn_in, test_config, TestApp};
use crate::smtp_sink::{Received, SinkOptions, SmtpSink};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

fn config(dir: &std::path::Path, port: u16) -> Config {
    let mut c = test_config(dir);
    mail_config(&mut c, port);
    // Every subscriber is measured per person (none withdrew), so their clicks count by variant.
    c.tracking.engagement = EngagementPolicy::UnlessWithdrawn;
    // The test clicks at once; the scanner rule has its own tests.
    c.tracking.scanner_window_secs = 0;
    c
}

fn spawn(port: u16) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let c = config(dir.path(), port);
    spawn_in(dir, c)
}

/// The first click redirect (`/c/…`) in a message.
fn click_path(m: &Received) -> String {
    let text = String::from_utf8_lossy(&m.data).replace("=\r\n", "").replace("=3D", "=");
    let i = text.find("/c/").expect("a tracked link");
    text[i..].split(|c: char| c == '"' || c.is_whitespace() || c == ')').next().unwrap().to_string()
}

fn contact_of(app: &TestApp, email: &str) -> ContactId {
    app.state.contacts.find_by_email(&EmailAddress::parse(email).unwrap()).unwrap().unwrap().id
}

fn test_of(app: &TestApp, id: &str) -> AbTest {
    app.state.sending.campaigns.ab(&id.parse::<CampaignId>().unwrap()).unwrap().expect("an A/B test")
}

/// A campaign to the `news` list with one tracked link.
fn campaign(api: &Api<'_>, name: &str) -> String {
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({
            "name": name, "subject": "Subject A",
            "body": "# Sale\n\n[Shop the sale](https://shop.example/sale)", "lists": ["news"],
        })),
    );
    v["campaign"]["id"].as_str().unwrap().to_string()
}

/// Messages by recipient; each recipient's messages.
fn by_recipient(got: &[Received]) -> HashMap<String, Vec<&Received>> {
    let mut out: HashMap<String, Vec<&Received>> = HashMap::new();
    for m in got {
        out.entry(m.to[0].clone()).or_default().push(m);
    }
    out
}

fn wait_for_count(sink: &SmtpSink, n: usize, within: Duration) -> Vec<Received> {
    let got = sink.wait_for_within(n, within);
    assert_eq!(got.len(), n, "messages in the sink");
    got
}

#[test]
fn the_test_share_gets_its_variants_and_the_clicked_winner_goes_to_the_rest_by_the_clock() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn(sink.port());
    let api = Api::new(&app);
    // 900 subscribers, half in the test: about 150 per variant, over the minimum of 100.
    let n = 900;
    seed_news_subscribers(&app.state, n);
    let id = campaign(&api, "Three subjects");
    let v = api.ok(
        "PUT",
        &format!("/campaigns/{id}/ab"),
        Some(json!({
            "variants": [{"subject": "Subject B"}, {"subject": "Subject C", "sender_name": "Shop C"}],
            "test_percent": 50, "metric": "clicks", "wait_hours": 4,
        })),
    );
    assert_eq!(v["ab_test"]["variants"].as_array().unwrap().len(), 3, "{v}");
    assert_eq!(v["ab_test"]["metric_unreliable"], false);
    let ab = test_of(&app, &id);
    let campaign_id: CampaignId = id.parse().unwrap();
    let arm = |email: &str| ab.arm_of(&campaign_id, &contact_of(&app, email));
    let in_test = (0..n).filter(|i| arm(&format!("r{i:04}@example.org")).is_some()).count();
    assert!(in_test > 350 && in_test < 550, "{in_test} in the test share");

    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let waiting = api.wait_state(&id, "testing", Duration::from_secs(60));
    assert_eq!(waiting["state"], "testing", "{waiting}");
    let got = wait_for_count(&sink, in_test, Duration::from_secs(10));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(sink.messages().len(), in_test, "only the test share before the winner");
    let first = by_recipient(&got);
    assert!(first.values().all(|m| m.len() == 1), "each once");
    let mut per_variant: HashMap<usize, Vec<&Received>> = HashMap::new();
    for (to, m) in &first {
        let variant = arm(to).expect("only contacts of the test share");
        let subject = header(m[0], "Subject").unwrap();
        assert_eq!(subject, format!("Subject {}", ["A", "B", "C"][variant]), "{to}");
        let from = header(m[0], "From").unwrap();
        assert_eq!(from.contains("Shop C"), variant == 2, "the sender name is C's only: {from}");
        per_variant.entry(variant).or_default().push(m[0]);
    }
    assert_eq!(per_variant.len(), 3, "every variant went out");

    // Twelve of C's recipients click (through the real redirect), one of A's.
    let c = bare_client();
    let click = |m: &Received| {
        let r = c.get(format!("{}{}", app.url, click_path(m))).header("user-agent", FIREFOX).send().unwrap();
        assert_eq!(r.status(), 302);
    };
    for m in per_variant[&2].iter().take(12) {
        click(m);
    }
    click(per_variant[&0][0]);
    // One of C's clickers orders: attributed to the campaign (the click in it), counted for C.
    let events = app.admin_token(&["record_events"]);
    let buyer = per_variant[&2][0].to[0].clone();
    let r = bare_client()
        .post(format!("{}/api/v1/events", app.url))
        .bearer_auth(&events)
        .json(&json!({"events": [{"type": "order", "email": buyer, "id": "o-1", "amount": 40, "currency": "EUR"}]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let v = api.ok("GET", &format!("/campaigns/{id}/ab"), None);
    let r = &v["report"];
    assert_eq!(r["enough"], true, "{r}");
    assert_eq!(r["leading"], "C", "{r}");
    let clicks: Vec<u64> =
        r["variants"].as_array().unwrap().iter().map(|x| x["unique_clicks"].as_u64().unwrap()).collect();
    assert_eq!(clicks, [1, 0, 12], "{r}");
    let orders: Vec<u64> = r["variants"].as_array().unwrap().iter().map(|x| x["orders"].as_u64().unwrap()).collect();
    assert_eq!(orders, [0, 0, 1], "{r}");
    assert_eq!(r["variants"][2]["revenue_cents"], 4000, "{r}");
    let p_c = r["variants"][2]["estimate"]["p_best"].as_f64().unwrap();
    assert!(p_c > 0.95, "{r}");
    assert_eq!(r["rest_recipients"], 0, "the rest is not in the outbox yet: {r}");

    // The wait is over (the clock is told so): the winner goes to the rest by itself.
    let timer = app.state.clock.get(TIMER_KIND, &id).unwrap().expect("the decision's timer");
    let decide_at = test_of(&app, &id).decide_at.unwrap();
    assert_eq!(timer.due.timestamp_millis(), decide_at.timestamp_millis(), "the clock keeps milliseconds");
    assert!(decide_at > chrono::Utc::now() + chrono::Duration::minutes(235), "four hours after the start");
    assert!(app.state.clock.fire_due(decide_at + chrono::Duration::seconds(1)).unwrap() >= 1);
    let done = api.wait_state(&id, "sent", Duration::from_secs(60));
    assert_eq!(done["state"], "sent", "{done}");
    let all = wait_for_count(&sink, n, Duration::from_secs(10));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(sink.messages().len(), n, "everyone once, nobody twice");
    let every = by_recipient(&all);
    assert_eq!(every.len(), n);
    assert!(every.values().all(|m| m.len() == 1), "nobody got two messages");
    for (to, m) in &every {
        if first.contains_key(to) {
            continue;
        }
        assert_eq!(arm(to), None, "{to} is one of the rest");
        assert_eq!(header(m[0], "Subject").unwrap(), "Subject C", "the rest got the winner: {to}");
        assert!(header(m[0], "From").unwrap().contains("Shop C"));
    }
    let token = app.admin_token(&["view_reports"]);
    let report: Value = app
        .client()
        .get(format!("{}/api/v1/campaigns/{id}/report", app.url))
        .bearer_auth(token)
        .send()
        .unwrap()
        .json()
        .unwrap();
    let ab = &report["report"]["ab"];
    assert_eq!((ab["winner"].as_str(), ab["decision"].as_str()), (Some("C"), Some("automatic")), "{ab}");
    assert_eq!(ab["rest_recipients"].as_u64().unwrap() as usize, n - in_test, "{ab}");
    assert_eq!(app.state.clock.get(TIMER_KIND, &id).unwrap(), None, "the timer is done");
}

#[test]
fn a_test_is_checked_field_by_field_and_set_on_drafts_only() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn(sink.port());
    let api = Api::new(&app);
    seed_news_subscribers(&app.state, 3);
    let id = campaign(&api, "Checked");
    let path = format!("/campaigns/{id}/ab");
    let good = json!({"variants": [{"subject": "B"}], "test_percent": 20, "metric": "orders", "wait_hours": 4});
    let with = |k: &str, v: Value| {
        let mut b = good.clone();
        b[k] = v;
        b
    };
    let cases = [
        (with("variants", json!([{"subject": "B"}, {"subject": "C"}, {"subject": "D"}, {"subject": "E"}])), "variants"),
        (with("variants", json!([])), "variants"),
        (with("variants", json!([{"subject": "", "body": "  "}])), "variants"),
        (with("test_percent", json!(0)), "test_percent"),
        (with("test_percent", json!(80)), "test_percent"),
        (with("test_percent", json!("half")), "test_percent"),
        (with("metric", json!("likes")), "metric"),
        (with("wait_hours", json!(0)), "wait_hours"),
        (with("wait_hours", json!(24 * 8)), "wait_hours"),
        (with("variants", json!([{"subject": "B\r\nBcc: x@evil.example"}])), "subject"),
        (with("variants", json!([{"body": "{% if %}"}])), "body"),
    ];
    for (body, field) in cases {
        let (status, v) = api.call("PUT", &path, Some(body.clone()));
        assert_eq!((status, v["field"].as_str()), (422, Some(field)), "{body}: {v}");
        assert_eq!(api.call("GET", &path, None).0, 404, "nothing written by {body}");
    }
    let v = api.ok("PUT", &path, Some(good.clone()));
    assert_eq!(v["ab_test"]["metric"], "orders");
    let (_, v) = api.call("PUT", &path, Some(with("metric", json!("opens"))));
    assert_eq!(v["ab_test"]["metric_unreliable"], true, "opens are marked unreliable: {v}");
    // A language version and a test do not go together.
    let (status, v) =
        api.call("PUT", &format!("/campaigns/{id}/variants/de"), Some(json!({"subject": "Hallo", "body": "Hallo"})));
    assert_eq!((status, v["field"].as_str()), (422, Some("language")), "{v}");
    assert_eq!(api.call("DELETE", &path, None).0, 204);
    assert_eq!(api.call("GET", &path, None).0, 404);
    api.ok("PUT", &path, Some(good));
    // Once the campaign has started the test stays as it is.
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let (status, _) = api.call("PUT", &path, Some(json!({"variants": [{"subject": "X"}], "test_percent": 10})));
    assert_eq!(status, 409);
    assert_eq!(api.call("DELETE", &path, None).0, 409);
    let (status, v) = api.call("POST", &format!("{path}/winner"), Some(json!({"variant": "Q"})));
    assert_eq!((status, v["field"].as_str()), (422, Some("variant")), "{v}");
    // Waiting for its winner, it is still under way: deleting needs a cancel first, and the
    // cancel takes the decision's timer with it.
    assert_eq!(api.wait_state(&id, "testing", Duration::from_secs(30))["state"], "testing");
    assert!(app.state.clock.get(TIMER_KIND, &id).unwrap().is_some());
    assert_eq!(api.call("DELETE", &format!("/campaigns/{id}"), None).0, 409);
    api.ok("POST", &format!("/campaigns/{id}/cancel"), None);
    assert_eq!(app.state.clock.get(TIMER_KIND, &id).unwrap(), None, "no decision for a cancelled campaign");
    assert_eq!(api.call("POST", &format!("{path}/winner"), None).0, 409);
    // A copy tests afresh: the settings, none of the results.
    let copy = api.ok("POST", &format!("/campaigns/{id}/duplicate"), None);
    let ab = &copy["campaign"]["ab_test"];
    assert_eq!((ab["metric"].as_str(), ab["test_percent"].as_u64()), (Some("orders"), Some(20)), "{copy}");
    assert!(ab["decide_at"].is_null() && ab["winner"].is_null() && ab["rest_started"] == false, "{copy}");
}

#[test]
fn a_restart_during_the_wait_still_sends_the_rest_and_a_person_may_choose_sooner() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn(sink.port());
    let api = Api::new(&app);
    let n = 60;
    seed_news_subscribers(&app.state, n);
    let body = json!({"variants": [{"subject": "Subject B"}], "test_percent": 50, "metric": "clicks", "wait_hours": 2});
    let timed = campaign(&api, "Timed");
    api.ok("PUT", &format!("/campaigns/{timed}/ab"), Some(body.clone()));
    api.ok("POST", &format!("/campaigns/{timed}/send"), None);
    assert_eq!(api.wait_state(&timed, "testing", Duration::from_secs(30))["state"], "testing");
    let manual = campaign(&api, "Manual");
    api.ok("PUT", &format!("/campaigns/{manual}/ab"), Some(body));
    api.ok("POST", &format!("/campaigns/{manual}/send"), None);
    assert_eq!(api.wait_state(&manual, "testing", Duration::from_secs(30))["state"], "testing");
    let in_test = |id: &str| {
        let ab = test_of(&app, id);
        let cid: CampaignId = id.parse().unwrap();
        (0..n).filter(|i| ab.arm_of(&cid, &contact_of(&app, &format!("r{i:04}@example.org"))).is_some()).count()
    };
    let first = in_test(&timed) + in_test(&manual);
    wait_for_count(&sink, first, Duration::from_secs(10));
    let due = app.state.clock.get(TIMER_KIND, &timed).unwrap().expect("a timer").due;
    // As if the process died between the test's commit and its timer's: start sets it again.
    let manual_due = app.state.clock.get(TIMER_KIND, &manual).unwrap().expect("a timer").due;
    app.state.clock.cancel(TIMER_KIND, &manual).unwrap();

    // The process stops during the wait and starts again on the same data.
    let dir = app.stop();
    let config = config(dir.path(), sink.port());
    let app = spawn_in(dir, config);
    let api = Api::new(&app);
    assert_eq!(app.state.clock.get(TIMER_KIND, &timed).unwrap().map(|t| t.due), Some(due), "the timer survived");
    let back = app.state.clock.get(TIMER_KIND, &manual).unwrap().map(|t| t.due.timestamp_millis());
    assert_eq!(back, Some(manual_due.timestamp_millis()), "the lost timer is back at start");
    assert_eq!(api.ok("GET", &format!("/campaigns/{timed}"), None)["campaign"]["state"], "testing");

    // A person chooses B for one campaign now; the other waits for its time.
    let v = api.ok("POST", &format!("/campaigns/{manual}/ab/winner"), Some(json!({"variant": "B"})));
    assert_eq!(
        (v["ab_test"]["winner"].as_str(), v["ab_test"]["decision"].as_str()),
        (Some("B"), Some("manual")),
        "{v}"
    );
    assert_eq!(app.state.clock.get(TIMER_KIND, &manual).unwrap(), None, "its timer is gone");
    assert_eq!(api.wait_state(&manual, "sent", Duration::from_secs(30))["state"], "sent");
    assert_eq!(api.ok("GET", &format!("/campaigns/{timed}"), None)["campaign"]["state"], "testing", "still waiting");
    let (status, _) = api.call("POST", &format!("/campaigns/{manual}/ab/winner"), None);
    assert_eq!(status, 409, "chosen once");

    let started = Instant::now();
    assert!(app.state.clock.fire_due(due + chrono::Duration::seconds(1)).unwrap() >= 1);
    assert_eq!(api.wait_state(&timed, "sent", Duration::from_secs(30))["state"], "sent");
    assert!(started.elapsed() < Duration::from_secs(30));
    let all = wait_for_count(&sink, 2 * n, Duration::from_secs(10));
    let mut subjects: HashMap<(String, String), usize> = HashMap::new();
    for m in &all {
        let list = header(m, "List-Id").unwrap();
        *subjects.entry((list, m.to[0].clone())).or_default() += 1;
    }
    assert_eq!(subjects.len(), 2 * n, "each contact once per campaign");
    // Too few to tell (60 contacts): the timed test sent A, as written, to its rest.
    let ab = test_of(&app, &timed);
    assert_eq!((ab.winner, ab.rest_started), (Some(0), true));
    let report = api.ok("GET", &format!("/campaigns/{timed}/ab"), None);
    assert_eq!(report["ab_test"]["decision"], "too_few_to_tell", "{report}");
    assert_eq!(report["report"]["enough"], false);
    let manual_id: CampaignId = manual.parse().unwrap();
    let rest_b = all
        .iter()
        .filter(|m| header(m, "List-Id").unwrap().contains(&manual.replace('-', "")))
        .filter(|m| test_of(&app, &manual).arm_of(&manual_id, &contact_of(&app, &m.to[0])).is_none())
        .all(|m| header(m, "Subject").unwrap() == "Subject B");
    assert!(rest_b, "the manual winner went to the rest");
}

#[test]
fn the_campaign_page_sets_up_the_test_and_chooses_the_winner_without_script() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn(sink.port());
    let admin = app.login_admin(crate::helpers::NEW_PASSWORD);
    let api = Api::new(&app);
    seed_news_subscribers(&app.state, 30);
    let id = campaign(&api, "Paged");
    let page = format!("/campaigns/{id}");
    let shown = app.get(&admin, &page).text().unwrap();
    assert!(shown.contains("id=\"ab-form\"") && shown.contains("Opens are unreliable"), "{shown}");
    let fields = |percent: &'static str| {
        vec![
            ("subject_b", "Typed subject B"),
            ("sender_name_b", "Shop B"),
            ("preheader_b", ""),
            ("body_b", ""),
            ("subject_c", ""),
            ("test_percent", percent),
            ("metric", "clicks"),
            ("wait_hours", "4"),
        ]
    };
    // Refused: the field is named and what was typed stays.
    let r = app.post_form(&admin, &page, &format!("{page}/ab"), &fields("80"));
    assert_eq!(r.status(), 422);
    let body = r.text().unwrap();
    assert!(body.contains("id=\"ab-error\"") && body.contains("test_percent:"), "{body}");
    assert!(body.contains("value=\"Typed subject B\"") && body.contains("value=\"80\""), "typed values kept");
    assert!(app.state.sending.campaigns.ab(&id.parse().unwrap()).unwrap().is_none(), "nothing written");
    let r = app.post_form(&admin, &page, &format!("{page}/ab"), &fields("50"));
    assert_eq!(r.status(), 303);
    let ab = test_of(&app, &id);
    assert_eq!((ab.arms(), ab.test_percent), (2, 50), "an empty variant C is no variant");
    assert!(app.get(&admin, &page).text().unwrap().contains("value=\"Typed subject B\""));

    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    assert_eq!(api.wait_state(&id, "testing", Duration::from_secs(30))["state"], "testing");
    let shown = app.get(&admin, &page).text().unwrap();
    assert!(shown.contains("id=\"ab-choose\"") && shown.contains("Send the winner now"), "{shown}");
    let report = app.get(&admin, &format!("{page}/report")).text().unwrap();
    // Nothing clicked yet: the chart's place says so.
    assert!(report.contains("id=\"ab-report\"") && report.contains("id=\"report-ab-empty\""), "{report}");
    assert!(report.contains("id=\"ab-too-few\""), "30 contacts are too few to tell");
    let r = app.post_form(&admin, &page, &format!("{page}/ab/winner"), &[("variant", "B")]);
    assert_eq!(r.status(), 303);
    assert_eq!(api.wait_state(&id, "sent", Duration::from_secs(30))["state"], "sent");
    let all = wait_for_count(&sink, 30, Duration::from_secs(10));
    assert_eq!(by_recipient(&all).len(), 30, "each once");
    let report = app.get(&admin, &format!("{page}/report")).text().unwrap();
    assert!(report.contains("id=\"ab-winner\"") && report.contains("chosen by a person"), "{report}");
}

#[test]
fn the_test_s_section_and_report_are_german_throughout() {
    let (app, admin) = crate::languages_admin::german_admin();
    let api = Api::new(&app);
    seed_news_subscribers(&app.state, 3);
    let id = campaign(&api, "Getestet");
    // The campaign's own words, and the merge fields the editor names.
    let allowed = ["Getestet", "Subject A", "Subject B", "Sale", "Shop the sale", "{{ email }}"];
    let shown = crate::languages_admin::german_page(&app, &admin, &format!("/campaigns/{id}"), &allowed);
    assert!(shown.contains("B-Test speichern") && shown.contains("Absendername"), "{shown}");
    api.ok(
        "PUT",
        &format!("/campaigns/{id}/ab"),
        Some(json!({"variants": [{"subject": "Subject B"}], "test_percent": 10, "metric": "opens", "wait_hours": 2})),
    );
    crate::languages_admin::german_page(&app, &admin, &format!("/campaigns/{id}"), &allowed);
    crate::languages_admin::german_page(&app, &admin, &format!("/campaigns/{id}/report"), &allowed);
}

#[test]
fn a_winner_chosen_while_the_test_share_is_sending_goes_to_the_rest_as_soon_as_it_is_done() {
    // A relay that takes its time: the choice comes while the test share is still going out.
    let sink = SmtpSink::start(SinkOptions { delay: Duration::from_millis(150), ..Default::default() });
    let app = spawn(sink.port());
    let api = Api::new(&app);
    let n = 40;
    seed_news_subscribers(&app.state, n);
    let id = campaign(&api, "Impatient");
    api.ok(
        "PUT",
        &format!("/campaigns/{id}/ab"),
        Some(json!({"variants": [{"subject": "Subject B"}], "test_percent": 50, "wait_hours": 24})),
    );
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let v = api.ok("POST", &format!("/campaigns/{id}/ab/winner"), Some(json!({"variant": "b"})));
    assert_eq!(v["campaign"]["state"], "sending", "chosen before the test share was done: {v}");
    assert_eq!(v["ab_test"]["winner"], "B");
    // No clock is driven: the 24-hour wait does not hold the rest back.
    assert_eq!(api.wait_state(&id, "sent", Duration::from_secs(60))["state"], "sent");
    let all = wait_for_count(&sink, n, Duration::from_secs(10));
    let every = by_recipient(&all);
    assert!(every.len() == n && every.values().all(|m| m.len() == 1), "everyone once");
    let ab = test_of(&app, &id);
    let cid: CampaignId = id.parse().unwrap();
    for (to, m) in &every {
        let want = match ab.arm_of(&cid, &contact_of(&app, to)) {
            Some(0) => "Subject A",
            _ => "Subject B",
        };
        assert_eq!(header(m[0], "Subject").unwrap(), want, "{to}");
    }
    assert_eq!((ab.decision, ab.rest_started), (Some(tidings::sending::abtest::Decision::Manual), true));
}
