//! The outbox's promise under SIGKILL: a child process (the real server binary) sends a
//! campaign, is killed mid-way, restarts, and finishes it. The sink then holds every recipient;
//! the only repeats are messages that were being handed over at the kill, which carry the same
//! Message-ID and number no more than the relay connections.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use tidings::config::Config;
use tidings::ops::By;
use tidings::sending::ops::{self as sops, CampaignInput};
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store};

use crate::smtp_sink::{Received, SinkOptions, SmtpSink};

const AUDIENCE: usize = 1200;
const POOL: usize = 4;

fn header(m: &Received, name: &str) -> String {
    let text = String::from_utf8_lossy(&m.data);
    text.lines()
        .find_map(|l| {
            l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_default()
}

fn distinct(msgs: &[Received]) -> usize {
    let mut r: Vec<&str> = msgs.iter().map(|m| m.to[0].as_str()).collect();
    r.sort();
    r.dedup();
    r.len()
}

#[test]
fn a_campaign_killed_mid_way_resumes_with_nobody_skipped_and_repeats_bounded_by_connections() {
    let sink = SmtpSink::start(SinkOptions {
        delay: Duration::from_millis(2),
        // Postfix offers it, and a kill can fall between a pipelined envelope and its answers.
        pipelining: true,
        ..Default::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let config_file = dir.path().join("config.toml");
    std::fs::write(
        &config_file,
        format!(
            "hostname = \"news.example.com\"\n[jobs]\nbackup = \"\"\nsession_cleanup = \"\"\n[tls]\nmode = \"off\"\n\
             [mail]\nfrom = \"news@example.com\"\n[[mail.relays]]\nname = \"sink\"\nhost = \"127.0.0.1\"\n\
             port = {}\ntls = \"none\"\npool_size = {POOL}\n",
            sink.port()
        ),
    )
    .unwrap();

    // The audience and a started campaign, written offline through the library.
    let campaign_id = {
        let mut config = Config::load(Some(&config_file), &Default::default()).unwrap().config;
        config.data_dir = dir.path().to_path_buf();
        let store = Store::open(dir.path(), &OpenOptions::from_config(&config, tidings::wiring::registry())).unwrap();
        let state = AppState::new(config, store).unwrap();
        let by = By::cli();
        crate::helpers::seed_news_subscribers(&state, AUDIENCE);
        let c = sops::create_campaign(
            &state,
            by,
            &CampaignInput {
                name: Some("Crash".into()),
                subject: Some("Hello".into()),
                body: Some("Hello {{ first_name }}".into()),
                lists: Some(vec!["news".into()]),
                ..Default::default()
            },
        )
        .unwrap();
        sops::schedule_campaign(&state, by, &c.id, None).unwrap();
        state.search.stop();
        c.id
    };

    let t0 = Instant::now();
    eprintln!("setup done");
    let mut child = crate::helpers::serve_binary(crate::helpers::free_port(), dir.path(), &config_file, None);
    let deadline = Instant::now() + Duration::from_secs(60);
    while sink.messages().len() < AUDIENCE / 4 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let at_kill = sink.messages().len();
    assert!((AUDIENCE / 4..AUDIENCE).contains(&at_kill), "killed mid-way: {at_kill} of {AUDIENCE}");

    eprintln!("killed at {:?}", t0.elapsed());
    let mut child = crate::helpers::serve_binary(crate::helpers::free_port(), dir.path(), &config_file, None);
    let deadline = Instant::now() + Duration::from_secs(90);
    while distinct(&sink.messages()) < AUDIENCE && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!("all in at {:?}", t0.elapsed());
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().unwrap();
    child.wait().unwrap();

    let got = sink.messages();
    let mut by_rcpt: HashMap<String, Vec<&Received>> = HashMap::new();
    for m in &got {
        by_rcpt.entry(m.to[0].clone()).or_default().push(m);
    }
    assert_eq!(by_rcpt.len(), AUDIENCE, "every recipient, nobody skipped");
    let repeats: Vec<(&String, &Vec<&Received>)> = by_rcpt.iter().filter(|(_, v)| v.len() > 1).collect();
    for (rcpt, copies) in &repeats {
        assert_eq!(copies.len(), 2, "{rcpt} received {} copies", copies.len());
        assert_eq!(header(copies[0], "Message-ID"), header(copies[1], "Message-ID"), "a repeat carries the same id");
    }
    assert!(repeats.len() <= POOL, "{} repeats for {POOL} connections", repeats.len());
    eprintln!("killed after {at_kill} messages; {} repeated after restart", repeats.len());

    // The store agrees: the campaign is sent and counts everyone once.
    let mut config = Config::load(Some(&config_file), &Default::default()).unwrap().config;
    config.data_dir = dir.path().to_path_buf();
    let store = Store::open(dir.path(), &OpenOptions::from_config(&config, tidings::wiring::registry())).unwrap();
    let state = AppState::new(config, store).unwrap();
    let c = state.sending.campaigns.get(&campaign_id).unwrap().unwrap();
    assert_eq!(c.state.as_str(), "sent");
    let tally = state.sending.outbox.tally(&campaign_id).unwrap();
    assert_eq!((tally.total, tally.sent), (AUDIENCE as u64, AUDIENCE as u64));
    state.search.stop();
}
