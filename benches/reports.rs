//! Report benchmark: a campaign's report, the comparison of recent campaigns and the
//! dashboard's 30-day overview, computed the way the pages and the API compute them, over a
//! store holding EVENTS tracked events of the campaign (1,000,000 by default) spread over 30
//! days and 50 links, plus 19 other campaigns. Run on demand, not in CI:
//!
//!     cargo bench --bench reports                  # 1,000,000 events, about a minute
//!     EVENTS=5000000 cargo bench --bench reports   # more events: the report costs the same
//!
//! The events go through the real tracking writer (batches, counters per hour and link, group
//! commit), as hits of recipients who are not measured per person, so the setup also prints
//! the writer's rate. Reports read only those counters (at most 24 rows a day per campaign)
//! and the per-link and per-campaign sums, never the event log: their cost follows the length
//! of the campaign and its number of links, not its number of events.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{criterion_group, Criterion};
use tidings::config::Config;
use tidings::domain::{Event, EventKind};
use tidings::sending::{Campaign, CampaignState, Stats};
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store};
use tidings::tracking::{LinkTable, Mailing, MailingKind, Record};

const LINKS: u16 = 50;
const OTHERS: usize = 19;
const DAYS: i64 = 30;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A sent campaign with its link table and progress counters.
fn campaign(state: &AppState, name: &str, days_ago: i64, recipients: u64) -> Campaign {
    let mut c = Campaign::new(name, "bench".into());
    c.state = CampaignState::Sent;
    c.started_at = Some(Utc::now() - chrono::Duration::days(days_ago));
    c.finished_at = c.started_at;
    state.sending.campaigns.put(&c).expect("campaign");
    let stats = Stats { queued: recipients, sent: recipients, audience_complete: true, ..Default::default() };
    state.sending.campaigns.put_stats(&c.id, &stats).expect("stats");
    let links = (0..LINKS).map(|i| format!("https://shop.example/product/{i}?utm_source=news")).collect();
    state
        .tracking
        .register(Mailing::stored(c.id.uuid(), LinkTable { kind: MailingKind::Campaign, links }))
        .expect("links");
    c
}

/// `n` events of a campaign over `days` from its start: 70% opens, 20% clicks, 5% machine
/// opens, 5% orders.
fn record(state: &AppState, c: &Campaign, n: u64, days: i64) {
    let start = c.started_at.expect("started");
    let span = (days * 86_400).max(1) as u64;
    let mut batch = Vec::with_capacity(50_000);
    for i in 0..n {
        // Spread evenly over the span, with more early on (i² / n).
        let at = start + chrono::Duration::seconds((i * i / n.max(1) * span / n.max(1)) as i64);
        let (kind, link) = match i % 20 {
            0..=13 => (EventKind::Open, None),
            14..=17 => (EventKind::Click, Some((i % u64::from(LINKS)) as u16)),
            18 => (EventKind::Open, None),
            _ => (EventKind::Order, None),
        };
        let mut e = Event::new(kind, at, "bench");
        e.mailing = Some(c.id.uuid());
        if i % 20 == 18 {
            e.machine = Some("privacy proxy".into());
        }
        if kind == EventKind::Order {
            e.amount_cents = Some(4990);
            e.currency = Some("EUR".into());
        }
        batch.push(Record { contact: None, event: e, link });
        if batch.len() == batch.capacity() {
            state.tracking.record_durable_blocking(std::mem::take(&mut batch)).expect("record");
        }
    }
    state.tracking.record_durable_blocking(batch).expect("record");
}

fn reports(c: &mut Criterion) {
    let events = env("EVENTS", 1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config { data_dir: dir.path().to_path_buf(), ..Default::default() };
    let store =
        Store::open(dir.path(), &OpenOptions::from_config(&config, tidings::wiring::registry())).expect("store");
    let state = AppState::new(config, store).expect("state");

    let t = Instant::now();
    let main = campaign(&state, "Main", DAYS, 500_000);
    record(&state, &main, events, DAYS);
    let took = t.elapsed();
    eprintln!(
        "setup: {events} events of one campaign through the tracking writer in {:.1?} ({:.0} events/s)",
        took,
        events as f64 / took.as_secs_f64()
    );
    for k in 0..OTHERS {
        let other = campaign(&state, &format!("Other {k}"), 2 + k as i64, 20_000);
        record(&state, &other, 5_000, 2);
    }
    let now = Utc::now();
    let r = tidings::reports::campaign(&state, &main.id, now).expect("report").expect("the campaign");
    eprintln!(
        "report: {} opens, {} machine opens, {} clicks, {} orders, {} {:?} points, {} links",
        r.figures.engagement.opens,
        r.figures.engagement.machine_opens,
        r.figures.engagement.clicks,
        r.figures.orders.count,
        r.timeline.points.len(),
        r.timeline.bucket,
        r.links.len()
    );

    let mut g = c.benchmark_group("report");
    g.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4)).sample_size(50);
    g.bench_function("campaign", |b| {
        b.iter(|| black_box(tidings::reports::campaign(&state, &main.id, now).expect("report")))
    });
    g.bench_function("recent_20_campaigns", |b| {
        b.iter(|| black_box(tidings::reports::recent(&state, 20).expect("recent")))
    });
    g.bench_function("overview_30_days", |b| {
        b.iter(|| black_box(tidings::reports::overview(&state, 30, now).expect("overview")))
    });
    g.finish();
    state.tracking.stop();
    state.search.stop();
}

criterion_group!(benches, reports);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
