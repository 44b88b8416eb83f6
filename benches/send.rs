//! Campaign sending benchmark: a campaign to AUDIENCE contacts (100,000 by default) through
//! Postfix's `smtp-sink` on loopback, without and with RSA-2048 DKIM. Run on demand:
//!
//!     cargo bench --bench send                     # 100,000 contacts, both runs
//!     AUDIENCE=20000 POOL=32 cargo bench --bench send
//!
//! Needs `/usr/sbin/smtp-sink` (`apt-get install -y postfix`, "No configuration").
//!
//! For each run, a fresh data directory gets the contacts (written the way the bulk import
//! writes them, then indexed), the real sender starts (as the server starts it), and the
//! campaign is started through the same operation the UI and API call. Reported:
//! - messages/s from the start to the last message recorded as accepted (the outbox counts a
//!   message once the relay answered 250 and the result is committed);
//! - the time to the first accepted message;
//! - CPU seconds of this process (render, sign, SMTP client, sled) and of smtp-sink, per message;
//! - RSS: idle (contacts loaded, sender running, nothing to send) and peak while sending, and the
//!   difference.
//!
//! Targets (issue 4): >= 15,000 msgs/s without DKIM, >= 4,000 with RSA-2048, first message
//! < 1 s, RSS < 150 MB above idle whatever the audience size.

// The allocator the server binary uses, tuned as it tunes it (src/main.rs), so the figures
// are the product's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tidings::config::{Config, RelayConfig, RelayTls};
use tidings::domain::{ConsentEntry, ContactInput, EmailAddress, MergePolicy, Source, Via};
use tidings::mail::dkim::{Algorithm, GeneratedKey};
use tidings::ops::By;
use tidings::sending::ops::{self as sops, CampaignInput};
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store};

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn rss_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

/// utime + stime of a process, in seconds.
fn cpu_secs(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(") ").map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 =
        f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0) + f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0);
    ticks as f64 / 100.0
}

struct Run {
    label: &'static str,
    rate: f64,
    first: Duration,
    cpu_us: f64,
    sink_cpu_us: f64,
    idle_mb: f64,
    peak_mb: f64,
    sent: u64,
}

fn run(label: &'static str, audience: usize, pool: usize, dkim: bool, sink_port: u16, sink_pid: u32) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let mut config =
        Config { data_dir: dir.path().to_path_buf(), hostname: "news.example.com".into(), ..Default::default() };
    config.mail.from = "news@example.com".into();
    config.mail.relays = vec![RelayConfig {
        name: "sink".into(),
        host: "127.0.0.1".into(),
        port: sink_port,
        tls: RelayTls::None,
        pool_size: pool,
        timeout_secs: 30,
        ..Default::default()
    }];
    if dkim {
        let key = GeneratedKey::generate(Algorithm::Rsa, "s1").unwrap();
        let file = dir.path().join("dkim.pem");
        key.write_private(&file).unwrap();
        config.mail.dkim.domain = "example.com".into();
        config.mail.dkim.selector = "s1".into();
        config.mail.dkim.key_file = file;
    }
    let store = Store::open(dir.path(), &OpenOptions::from_config(&config, tidings::wiring::registry())).unwrap();
    let state = Arc::new(AppState::new(config, store).unwrap());
    let by = By::cli();
    tidings::contacts::ops::create_list(&state, by, "News", "").unwrap();
    let fields = state.fields.all();
    let t = Instant::now();
    let mut last = 0;
    for i in 0..audience {
        let input = ContactInput {
            email: Some(EmailAddress::parse(&format!("reader{i:07}@example.org")).unwrap()),
            first_name: Some(format!("Reader{i}")),
            lists: Some(["news".to_string()].into()),
            ..Default::default()
        };
        let consent = ConsentEntry {
            purpose: "newsletter".into(),
            granted: true,
            at: chrono::Utc::now(),
            via: Via::Import("bench".into()),
            wording: None,
            ip: None,
            user_agent: None,
            note: String::new(),
        };
        let (_, _, seq) = tidings::contacts::ops::upsert_uncommitted(
            &state,
            &input,
            MergePolicy::Overwrite,
            Source::Import,
            "bench",
            std::slice::from_ref(&consent),
            &fields,
        )
        .unwrap();
        last = last.max(seq);
        if i % 5000 == 4999 {
            state.store.commit().unwrap();
            state.contacts.announce(last);
        }
    }
    state.store.commit().unwrap();
    state.contacts.announce(last);
    while !state.search.wait_for(last) {}
    eprintln!("[{label}] {audience} contacts written and indexed in {:.1} s", t.elapsed().as_secs_f64());

    tidings::sending::start(&state);
    let c = sops::create_campaign(
        &state,
        by,
        &CampaignInput {
            name: Some("Benchmark".into()),
            subject: Some("News for {{ first_name }}".into()),
            body: Some(
                "# Hello {{ first_name }}\n\nThis month: **new arrivals**, a [sale](https://shop.example.com/sale) \
                 and a short story about our coffee.\n\n- one\n- two\n- three\n"
                    .into(),
            ),
            lists: Some(vec!["news".into()]),
            ..Default::default()
        },
    )
    .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let pid = std::process::id();
    let idle_kb = rss_kb(pid, "VmRSS:");
    let peak = Arc::new(AtomicU64::new(idle_kb));
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, stop) = (peak.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kb(pid, "VmRSS:"), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let (cpu0, sink0) = (cpu_secs(pid), cpu_secs(sink_pid));
    let started = Instant::now();
    sops::schedule_campaign(&state, by, &c.id, None).unwrap();
    let mut first = None;
    let sent = loop {
        let s = state.sending.live_stats(&c.id).unwrap_or_else(|| state.sending.campaigns.stats(&c.id).unwrap());
        if first.is_none() && s.sent > 0 {
            first = Some(started.elapsed());
        }
        let done = state.sending.campaigns.get(&c.id).unwrap().unwrap().state.as_str() != "sending";
        if done || s.sent + s.failed >= audience as u64 {
            break s.sent;
        }
        if started.elapsed() > Duration::from_secs(900) {
            panic!("[{label}] not done after 15 minutes: {s:?}");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let elapsed = started.elapsed();
    let (cpu1, sink1) = (cpu_secs(pid), cpu_secs(sink_pid));
    stop.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    let c = state.sending.campaigns.get(&c.id).unwrap().unwrap();
    eprintln!("[{label}] campaign {}: {}", c.state.as_str(), c.state_reason);
    state.search.stop();
    Run {
        label,
        rate: sent as f64 / elapsed.as_secs_f64(),
        first: first.unwrap_or_default(),
        cpu_us: (cpu1 - cpu0) * 1e6 / sent.max(1) as f64,
        sink_cpu_us: (sink1 - sink0) * 1e6 / sent.max(1) as f64,
        idle_mb: idle_kb as f64 / 1024.0,
        peak_mb: peak.load(Ordering::Relaxed) as f64 / 1024.0,
        sent,
    }
}

fn main() {
    tidings::allocator::tune();
    // `cargo bench` passes --bench; nothing else is read from the command line.
    let audience = env("AUDIENCE", 100_000) as usize;
    let pool = env("POOL", 32) as usize;
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut sink = std::process::Command::new("/usr/sbin/smtp-sink")
        .args(["-u", &whoami(), &format!("127.0.0.1:{port}"), "1024"])
        .spawn()
        .expect("smtp-sink (apt-get install -y postfix)");
    std::thread::sleep(Duration::from_millis(300));
    let mut runs = Vec::new();
    let which = std::env::var("RUNS").unwrap_or_else(|_| "plain,dkim".into());
    if which.contains("plain") {
        runs.push(run("no DKIM", audience, pool, false, port, sink.id()));
    }
    if which.contains("dkim") {
        runs.push(run("RSA-2048 DKIM", audience, pool, true, port, sink.id()));
    }
    let _ = sink.kill();
    let _ = sink.wait();
    println!();
    println!("campaign to {audience} contacts through smtp-sink, {pool} connections, {} cores", num_cpus());
    println!(
        "{:<14} {:>10} {:>9} {:>12} {:>12} {:>9} {:>9} {:>10}",
        "", "msgs/s", "first", "CPU µs/msg", "sink µs/msg", "idle MB", "peak MB", "above idle"
    );
    for r in &runs {
        println!(
            "{:<14} {:>10.0} {:>8.0}ms {:>12.0} {:>12.0} {:>9.0} {:>9.0} {:>10.0}   ({} sent)",
            r.label,
            r.rate,
            r.first.as_secs_f64() * 1000.0,
            r.cpu_us,
            r.sink_cpu_us,
            r.idle_mb,
            r.peak_mb,
            r.peak_mb - r.idle_mb,
            r.sent
        );
    }
    println!("targets: >= 15000 msgs/s without DKIM, >= 4000 with RSA-2048, first < 1000 ms, < 150 MB above idle");
}

fn whoami() -> String {
    std::env::var("USER").ok().filter(|u| !u.is_empty()).unwrap_or_else(|| "root".into())
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}
