//! Journeys under SIGKILL: the real server binary wakes a burst of runs whose timers are due
//! (each wake-up moves its run and queues its message in one transaction) and sends the mail,
//! and is killed at a random moment, again and again (`JOURNEY_CRASH_TRIALS`, 50 by default).
//! After a last clean start: no run is lost (every run has moved past its wait and its send
//! exactly once), no step ran twice (one queued message and one "queued" line per run), and
//! every recipient got the step's message, a repeat only being one that was being handed to
//! the relay at a kill (the same Message-ID).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use rand::Rng;
use serde_json::json;
use tidings::config::Config;
use tidings::journeys::{ops as jops, What};
use tidings::ops::By;
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store, Writes};

use crate::smtp_sink::{Received, SinkOptions, SmtpSink};

const RUNS: usize = 1500;

fn header(m: &Received, name: &str) -> String {
    let text = String::from_utf8_lossy(&m.data);
    text.lines()
        .find_map(|l| {
            l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_default()
}

fn offline(dir: &std::path::Path, config_file: &std::path::Path) -> AppState {
    let mut config = Config::load(Some(config_file), &Default::default()).unwrap().config;
    config.data_dir = dir.to_path_buf();
    let store = Store::open(dir, &OpenOptions::from_config(&config, tidings::wiring::registry())).unwrap();
    AppState::new(config, store).unwrap()
}

#[test]
fn wake_ups_and_sends_killed_at_random_moments_lose_no_run_and_repeat_no_step() {
    let trials: usize = std::env::var("JOURNEY_CRASH_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    let sink = SmtpSink::start(SinkOptions { delay: Duration::from_millis(1), ..Default::default() });
    let dir = tempfile::tempdir().unwrap();
    let config_file = dir.path().join("config.toml");
    std::fs::write(
        &config_file,
        format!(
            "hostname = \"news.example.com\"\n[jobs]\nbackup = \"\"\nsession_cleanup = \"\"\n[tls]\nmode = \"off\"\n\
             [mail]\nfrom = \"news@example.com\"\n[[mail.relays]]\nname = \"sink\"\nhost = \"127.0.0.1\"\n\
             port = {}\ntls = \"none\"\npool_size = 4\n",
            sink.port()
        ),
    )
    .unwrap();

    // Offline: subscribers, a journey (a nap, a mail, a long pause) and a run for each, whose
    // nap is then made due: the server's clock wakes them all at start.
    {
        let state = offline(dir.path(), &config_file);
        crate::helpers::seed_news_subscribers(&state, RUNS);
        let by = By::cli();
        let j = jops::create(
            &state,
            by,
            &jops::JourneyInput {
                name: Some("Burst".into()),
                description: None,
                definition: Some(json!({
                    "triggers": [{"manual": true}],
                    "start": "nap",
                    "steps": {
                        "nap": {"wait": {"days": 0, "hours": 0, "minutes": 1}, "next": "mail"},
                        "mail": {"send": {"subject": "Hello {{ email }}", "body": "Hi", "preheader": "", "sender": "", "purpose": "newsletter"}, "next": "pause"},
                        "pause": {"wait": {"days": 30, "hours": 0, "minutes": 0}, "next": "out"},
                        "out": {"exit": true}
                    }
                })),
            },
        )
        .unwrap();
        jops::publish(&state, by, &j.id, &Default::default()).unwrap();
        let ids: Vec<String> = state.contacts.ids_after(None, RUNS).unwrap().iter().map(|c| c.to_string()).collect();
        let started = jops::enrol(&state, by, &j.id, &jops::Enrolment { contacts: ids, segment: None }).unwrap();
        assert_eq!(started, RUNS);
        let due = chrono::Utc::now() - chrono::Duration::seconds(5);
        for c in state.contacts.ids_after(None, RUNS).unwrap() {
            for mut r in state.journeys.active_runs_of(&c).unwrap() {
                let before = r.clone();
                r.until = Some(due);
                let mut w = Writes::new();
                state.journeys.stage_run(&mut w, &r, Some(&before)).unwrap();
                state.store.apply(&w).unwrap();
                state.clock.set(tidings::journeys::TIMER, &r.timer_key(), due, b"").unwrap();
            }
        }
        state.store.commit().unwrap();
        state.search.stop();
    }

    let mut rng = rand::thread_rng();
    let t0 = Instant::now();
    // Kills that fell while the burst was going on (mail arrived during the trial).
    let mut mid_burst = 0;
    for _ in 0..trials {
        let before = sink.messages().len();
        let mut child = crate::helpers::serve_binary(crate::helpers::free_port(), dir.path(), &config_file, None);
        std::thread::sleep(Duration::from_millis(rng.gen_range(30..400)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let after = sink.messages().len();
        mid_burst += usize::from(after > before && after < RUNS);
    }
    let at_kills = sink.messages().len();
    // The last start, left to finish.
    let mut child = crate::helpers::serve_binary(crate::helpers::free_port(), dir.path(), &config_file, None);
    let distinct = |msgs: &[Received]| {
        let mut r: Vec<&str> = msgs.iter().map(|m| m.to[0].as_str()).collect();
        r.sort();
        r.dedup();
        r.len()
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    while distinct(&sink.messages()) < RUNS && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(1000));
    child.kill().unwrap();
    child.wait().unwrap();
    eprintln!(
        "{trials} kills in {:.1} s, {mid_burst} of them while mail went out; {at_kills} messages by then",
        t0.elapsed().as_secs_f64()
    );
    assert!(mid_burst >= 3, "too few kills fell in the burst ({mid_burst}) to prove anything");

    // The sink: everyone once, a repeat only with the same Message-ID.
    let got = sink.messages();
    let mut by_rcpt: HashMap<String, Vec<&Received>> = HashMap::new();
    for m in &got {
        by_rcpt.entry(m.to[0].clone()).or_default().push(m);
    }
    assert_eq!(by_rcpt.len(), RUNS, "every run's message, none lost");
    for (rcpt, copies) in &by_rcpt {
        let ids: std::collections::BTreeSet<String> = copies.iter().map(|m| header(m, "Message-ID")).collect();
        assert_eq!(ids.len(), 1, "{rcpt}: one message for the step (a repeat is the same message): {ids:?}");
    }

    // The store: each run moved once past its nap and its mail, and waits at the pause.
    let state = offline(dir.path(), &config_file);
    for c in state.contacts.ids_after(None, RUNS).unwrap() {
        let runs = state.journeys.runs_of(&c).unwrap();
        assert_eq!(runs.len(), 1, "{c}: one run");
        let r = &runs[0];
        assert_eq!((r.step.as_str(), r.iteration, r.is_active()), ("pause", 2, true), "{r:?}");
        let lines = state.journeys.lines(&c, &r.id).unwrap();
        let queued = lines.iter().filter(|l| matches!(l.what, What::Queued { .. })).count();
        assert_eq!(queued, 1, "{c}: the mail step ran once: {lines:?}");
        let messages = state.sending.outbox.messages_of(&c).unwrap();
        assert_eq!(messages.len(), 1, "{c}: one message queued");
    }
    let v = state.journeys.all().unwrap();
    let counts = state.journeys.counts(&v[0].id, 1).unwrap();
    assert_eq!(counts["pause"].waiting, RUNS as i64, "{counts:?}");
    assert_eq!(counts["nap"].waiting, 0, "{counts:?}");
    assert_eq!(counts["mail"].passed, RUNS as i64, "{counts:?}");
    state.search.stop();
}
