//! Journeys benchmark: CONTACTS contacts (100,000 by default) in a fresh data directory, the
//! journeys' reader, the clock and the sender running as the server runs them, mail going to
//! Postfix's `smtp-sink` on loopback. Measures:
//! - memory and CPU of CONTACTS runs waiting (a 30-day wait): resident memory they add, and
//!   the process's CPU over 5 s while nothing is due;
//! - wake-ups: WAKE runs (20,000 by default) whose timers are all due, each fired and its run
//!   moved to the next wait (a step without mail), per second;
//! - event to mail: PROBES (200) events one at a time, each starting a run whose first step
//!   sends; from the event being recorded durably (what `POST /api/v1/events` answers after)
//!   to the relay having accepted the message (the outbox says sent), p50 and p99, with the
//!   CONTACTS runs waiting;
//! - a journey's send to SEND contacts (20,000 by default) against a campaign to the same
//!   contacts, messages per second each.
//!
//! Run on demand (needs `/usr/sbin/smtp-sink`: `apt-get install -y postfix`):
//!
//!     cargo bench --bench journeys
//!
//! Targets (issue 23): event to mail p99 < 1 s with 100,000 runs waiting; wake-ups >= 20,000/s;
//! 1,000,000 waiting runs < 150 MB and no CPU while nothing is due; a journey's send within
//! 10% of the campaign sender's rate.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use tidings::config::{Config, RelayConfig, RelayTls};
use tidings::domain::{ContactId, ContactInput, EmailAddress, Event, EventKind, MergePolicy, Source};
use tidings::journeys::ops as jops;
use tidings::ops::By;
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store, Writes};

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn percentile(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn cpu_time() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    (tick(11) + tick(12)) as f64 / 100.0
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn whoami() -> String {
    std::env::var("USER").ok().filter(|u| !u.is_empty()).unwrap_or_else(|| "root".into())
}

fn journey(state: &AppState, name: &str, definition: serde_json::Value) -> tidings::domain::JourneyId {
    let by = By::cli();
    let input = jops::JourneyInput { name: Some(name.into()), description: None, definition: Some(definition) };
    let j = jops::create(state, by, &input).unwrap();
    jops::publish(state, by, &j.id, &Default::default()).unwrap();
    j.id
}

fn enrol(state: &AppState, id: &tidings::domain::JourneyId, contacts: &[ContactId]) -> usize {
    let mut started = 0;
    for chunk in contacts.chunks(jops::ENROL_MAX) {
        let ids = chunk.iter().map(|c| c.to_string()).collect();
        started += jops::enrol(state, By::cli(), id, &jops::Enrolment { contacts: ids, segment: None }).unwrap();
    }
    started
}

fn send_step(subject: &str) -> serde_json::Value {
    json!({"send": {"subject": subject, "body": "Hello {{ first_name }}", "preheader": "", "sender": "", "purpose": "newsletter"}, "next": "out"})
}

fn main() {
    tidings::allocator::tune();
    let n = env("CONTACTS", 100_000) as usize;
    let wake = env("WAKE", 20_000) as usize;
    let probes = env("PROBES", 200) as usize;
    let send = env("SEND", 20_000) as usize;
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut sink = std::process::Command::new("/usr/sbin/smtp-sink")
        .args(["-u", &whoami(), &format!("127.0.0.1:{port}"), "1024"])
        .spawn()
        .expect("smtp-sink (apt-get install -y postfix)");
    std::thread::sleep(Duration::from_millis(300));

    let dir = tempfile::tempdir().unwrap();
    let mut config =
        Config { data_dir: dir.path().to_path_buf(), hostname: "news.example.com".into(), ..Default::default() };
    config.mail.from = "news@example.com".into();
    config.mail.relays = vec![RelayConfig {
        name: "sink".into(),
        host: "127.0.0.1".into(),
        port,
        tls: RelayTls::None,
        pool_size: 32,
        timeout_secs: 30,
        ..Default::default()
    }];
    let store = Store::open(dir.path(), &OpenOptions::from_config(&config, tidings::wiring::registry())).unwrap();
    let state = Arc::new(AppState::new(config, store).unwrap());
    let by = By::cli();

    // Contacts with consent to the newsletter and to website tracking (custom events).
    tidings::contacts::ops::create_list(&state, by, "News", "").unwrap();
    let fields = state.fields.all();
    let total = n.max(wake).max(send) + probes;
    let t = Instant::now();
    for i in 0..total {
        let input = ContactInput {
            email: Some(EmailAddress::parse(&format!("j{i:07}@example.org")).unwrap()),
            first_name: Some(format!("J{i}")),
            lists: Some(["news".to_string()].into()),
            ..Default::default()
        };
        let consents: Vec<tidings::domain::ConsentEntry> = ["newsletter", "website_tracking"]
            .iter()
            .map(|p| tidings::domain::ConsentEntry {
                purpose: p.to_string(),
                granted: true,
                at: chrono::Utc::now(),
                via: tidings::domain::Via::Import("bench".into()),
                wording: None,
                ip: None,
                user_agent: None,
                note: String::new(),
            })
            .collect();
        tidings::contacts::ops::upsert_uncommitted(
            &state,
            &input,
            MergePolicy::Overwrite,
            Source::Import,
            "bench",
            &consents,
            &fields,
        )
        .unwrap();
        if i % 5000 == 4999 {
            state.store.commit().unwrap();
        }
    }
    state.store.commit().unwrap();
    let ids = state.contacts.ids_after(None, total).unwrap();
    eprintln!("{total} contacts written in {:.1} s", t.elapsed().as_secs_f64());

    // The server's moving parts.
    state.clock.register(Arc::new(tidings::journeys::engine::Wakes(Arc::downgrade(&state))));
    state.sending.register_composer(Arc::new(tidings::journeys::engine::Mail(Arc::downgrade(&state))));
    state.clock.start(3);
    state.feed.start(Arc::new(tidings::reports::outcomes::Counter::open(&state.store).unwrap()), 512);
    state.feed.start(Arc::new(tidings::segments::live::Membership(state.segments.clone())), 1024);
    state.feed.start(Arc::new(tidings::journeys::engine::Triggers(Arc::downgrade(&state))), 512);
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    {
        let _g = rt.enter();
        tidings::sending::start(&state);
    }

    // 1. Runs waiting 30 days: memory, and CPU while nothing is due.
    let waiting = journey(
        &state,
        "Waiting",
        json!({"triggers": [{"manual": true}], "start": "nap",
               "steps": {"nap": {"wait": {"days": 30, "hours": 0, "minutes": 0}, "next": "out"}, "out": {"exit": true}}}),
    );
    let rss0 = rss_mb();
    let t = Instant::now();
    let started = enrol(&state, &waiting, &ids[..n]);
    let enrol_took = t.elapsed();
    std::thread::sleep(Duration::from_secs(2));
    let rss1 = rss_mb();
    let cpu0 = cpu_time();
    std::thread::sleep(Duration::from_secs(5));
    let idle_cpu = cpu_time() - cpu0;

    // 2. Wake-ups: WAKE runs made due at once, each moved to its next wait.
    let burst = journey(
        &state,
        "Burst",
        json!({"triggers": [{"manual": true}], "start": "nap",
               "steps": {"nap": {"wait": {"days": 0, "hours": 0, "minutes": 1}, "next": "pause"},
                         "pause": {"wait": {"days": 30, "hours": 0, "minutes": 0}, "next": "out"}, "out": {"exit": true}}}),
    );
    // Contacts of the waiting journey too: a run of another journey waits beside this one.
    let woken = &ids[..wake];
    enrol(&state, &burst, woken);
    state.clock.stop();
    let due = chrono::Utc::now() - chrono::Duration::seconds(1);
    for chunk in woken.chunks(1000) {
        let mut w = Writes::new();
        for c in chunk {
            for mut r in state.journeys.active_runs_of(c).unwrap() {
                if r.journey != burst {
                    continue;
                }
                let before = r.clone();
                r.until = Some(due);
                state.journeys.stage_run(&mut w, &r, Some(&before)).unwrap();
                state.clock.stage_set(&mut w, tidings::journeys::TIMER, &r.timer_key(), due, b"").unwrap();
            }
        }
        state.store.apply(&w).unwrap();
    }
    state.store.commit().unwrap();
    let t = Instant::now();
    state.clock.start(3);
    loop {
        let c = state.journeys.counts(&burst, 1).unwrap();
        if c.get("pause").is_some_and(|c| c.waiting as usize >= woken.len()) {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(600), "the wake-ups never finished: {c:?}");
        std::thread::sleep(Duration::from_millis(5));
    }
    let wake_took = t.elapsed();

    // 3. Event to mail, one probe at a time, with the waiting runs there.
    journey(
        &state,
        "Probe",
        json!({"triggers": [{"event": {"kind": "custom", "name": "probe"}}], "start": "mail",
               "steps": {"mail": send_step("Your cart"), "out": {"exit": true}}}),
    );
    let mut lat = Vec::with_capacity(probes);
    for c in &ids[total - probes..] {
        let mut e = Event::new(EventKind::Custom, chrono::Utc::now(), "bench");
        e.name = Some("probe".into());
        let t = Instant::now();
        state
            .tracking
            .record_durable_blocking(vec![tidings::tracking::Record { contact: Some(*c), event: e, link: None }])
            .unwrap();
        loop {
            let sent = state.journeys.runs_of(c).unwrap().iter().filter_map(|r| r.message).any(|m| {
                state
                    .sending
                    .outbox
                    .message_slot(&m)
                    .unwrap()
                    .is_some_and(|(_, s)| s.state == tidings::sending::SlotState::Sent)
            });
            if sent {
                break;
            }
            if t.elapsed() > Duration::from_secs(60) {
                let runs = state.journeys.runs_of(c).unwrap();
                let slots: Vec<_> = runs
                    .iter()
                    .filter_map(|r| r.message)
                    .map(|m| state.sending.outbox.message_slot(&m).unwrap())
                    .collect();
                panic!("a probe's mail never went: runs {runs:?}, slots {slots:?}");
            }
            std::thread::sleep(Duration::from_micros(500));
        }
        lat.push(t.elapsed());
    }

    // 4. A journey's send against a campaign's, to the same SEND contacts.
    let audience = &ids[..send];
    let campaign = tidings::sending::ops::create_campaign(
        &state,
        by,
        &tidings::sending::ops::CampaignInput {
            name: Some("Bench".into()),
            subject: Some("Hello".into()),
            body: Some("Hello {{ first_name }}".into()),
            lists: Some(vec!["news".into()]),
            ..Default::default()
        },
    )
    .unwrap();
    let t = Instant::now();
    tidings::sending::ops::schedule_campaign(&state, by, &campaign.id, None).unwrap();
    loop {
        let c = state.sending.campaigns.get(&campaign.id).unwrap().unwrap();
        if c.state == tidings::sending::CampaignState::Sent {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(1800), "the campaign never finished");
        std::thread::sleep(Duration::from_millis(20));
    }
    let campaign_took = t.elapsed();
    let campaign_sent = state.sending.outbox.tally(&campaign.id).unwrap().sent as usize;
    let news = journey(
        &state,
        "Send",
        json!({"triggers": [{"manual": true}], "start": "mail",
               "steps": {"mail": send_step("Hello"), "out": {"exit": true}}}),
    );
    let t = Instant::now();
    enrol(&state, &news, audience);
    // Starting the runs is part of a journey's send; the hand-over is measured apart too.
    let enrolled_after = t.elapsed();
    loop {
        let done = state.journeys.counts(&news, 1).unwrap().get("mail").map_or(0, |c| c.passed) as usize;
        let pending = state.sending.outbox.due_messages(1, i64::MAX).unwrap().len();
        if done >= audience.len() && pending == 0 {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(1800), "the journey's send never finished");
        std::thread::sleep(Duration::from_millis(20));
    }
    let journey_took = t.elapsed();
    let handed_over = journey_took.saturating_sub(enrolled_after);

    state.clock.stop();
    state.feed.stop();
    state.search.stop();
    let _ = sink.kill();
    let _ = sink.wait();

    println!("journeys at {n} waiting runs, in one process, 2 cores:");
    println!(
        "{started} runs started by hand in {:.1} s ({:.0}/s); resident memory +{:.0} MB for them ({:.0} bytes per run; target < 150 MB at 1,000,000); CPU while nothing is due: {:.2} s over 5 s",
        enrol_took.as_secs_f64(),
        started as f64 / enrol_took.as_secs_f64(),
        rss1 - rss0,
        (rss1 - rss0) * 1024.0 * 1024.0 / started.max(1) as f64,
        idle_cpu
    );
    println!(
        "wake-ups: {} runs due at once moved to their next wait in {:.2} s = {:.0}/s (target >= 20,000/s)",
        woken.len(),
        wake_took.as_secs_f64(),
        woken.len() as f64 / wake_took.as_secs_f64()
    );
    println!(
        "event to mail accepted by smtp-sink: p50 {:.1} ms, p99 {:.1} ms over {probes} events (target p99 < 1 s)",
        ms(percentile(lat.clone(), 0.5)),
        ms(percentile(lat, 0.99))
    );
    println!(
        "send to {send}: campaign {campaign_sent} in {:.1} s = {:.0} msgs/s; journey in {:.1} s = {:.0} msgs/s ({:+.0}% against the campaign; target within 10%)",
        campaign_took.as_secs_f64(),
        campaign_sent as f64 / campaign_took.as_secs_f64(),
        journey_took.as_secs_f64(),
        send as f64 / journey_took.as_secs_f64(),
        ((send as f64 / journey_took.as_secs_f64()) / (campaign_sent as f64 / campaign_took.as_secs_f64()) - 1.0)
            * 100.0
    );
    println!(
        "  of which starting the {send} runs {:.1} s, and the mail handed over in the {:.1} s after = {:.0} msgs/s ({:+.0}% against the campaign)",
        enrolled_after.as_secs_f64(),
        handed_over.as_secs_f64(),
        send as f64 / handed_over.as_secs_f64(),
        ((send as f64 / handed_over.as_secs_f64()) / (campaign_sent as f64 / campaign_took.as_secs_f64()) - 1.0) * 100.0
    );
}
