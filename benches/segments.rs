//! Segments benchmark: CONTACTS contacts (100,000 by default) in a fresh data directory, the
//! segments' reader running as the server runs it, then:
//! - building a new segment over every contact, from saving it to its build being ready
//!   (contacts per second): one on a condition the index holds (a tag one contact in ten has),
//!   which the index narrows to its candidates, and one on a condition it does not (a first
//!   name), which looks at every contact;
//! - reading a segment's size (p50/p99 of 1,000 reads: the size is kept, not counted);
//! - a live change: one contact's tag changed through the same operation the API calls, until
//!   the contact has entered the segment (p50/p99 of 200 changes);
//! - a preview of an unsaved filter over every contact (what the builder shows as you type),
//!   one the index answers alone and one it only narrows;
//! - with EVENTS tracked events (ten per contact by default) and 50 live segments of every
//!   kind defined: events streamed at RATE a second (5,000 by default) for SECONDS, while a
//!   probe records one event at a time and waits for the contact to enter the segment that
//!   reads it (p50/p99 from the event being acknowledged), the process's CPU per streamed
//!   event, and the resident memory the 50 segments' state added.
//!
//! Run on demand:
//!
//!     cargo bench --bench segments
//!     CONTACTS=1000000 EVENTS=10000000 cargo bench --bench segments
//!
//! Targets (issue 22, at 1,000,000 contacts and 10,000,000 events): the count of a segment on
//! indexed conditions < 50 ms, of any segment < 3 s; building a new segment over all contacts
//! >= 200,000 contacts/s.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use tidings::config::Config;
use tidings::domain::{ContactInput, EmailAddress, Event, EventKind, MergePolicy, Source};
use tidings::ops::By;
use tidings::segments::ops::{self as segops, SegmentInput};
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store};
use tidings::tracking::Record;

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

/// The process's CPU time so far (user + system), from /proc.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    // After the name, from the state (field 3): utime is field 14 and stime 15, in ticks.
    let f: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    Duration::from_secs_f64((tick(11) + tick(12)) as f64 / 100.0)
}

/// Resident memory now, in MB.
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

fn event(kind: EventKind, at: chrono::DateTime<chrono::Utc>, i: usize) -> Event {
    let mut e = Event::new(kind, at, "bench");
    match kind {
        EventKind::PageView => {
            e.url = Some(format!("https://shop.example/{}/{}", ["shoes", "bags", "hats"][i % 3], i % 97))
        }
        EventKind::Custom => {
            e.name = Some(["product_viewed", "cart_added", "wishlist"][i % 3].into());
            e.properties = format!(r#"{{"category":"{}"}}"#, ["shoes", "bags", "hats"][i % 3]);
        }
        EventKind::Order => {
            e.amount_cents = Some(1000 + (i as i64 % 90) * 100);
            e.currency = Some("EUR".into());
        }
        _ => {}
    }
    e
}

fn create(state: &AppState, name: &str, filter: serde_json::Value) -> tidings::domain::SegmentId {
    segops::create(state, By::cli(), &SegmentInput { name: Some(name.into()), description: None, filter: Some(filter) })
        .unwrap()
        .id
}

fn wait_built(state: &AppState, ids: &[tidings::domain::SegmentId]) {
    let repo = state.segments.segments();
    while !ids.iter().all(|id| repo.get(id).unwrap().unwrap().build.is_ready()) {
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn main() {
    let n = env("CONTACTS", 100_000) as usize;
    let n_events = env("EVENTS", 10 * n as u64) as usize;
    let rate = env("RATE", 5_000) as usize;
    let seconds = env("SECONDS", 10);
    if std::env::var("LAG").is_ok() {
        // What the readers say when they fail or retry.
        tracing_subscriber::fmt().with_max_level(tracing::Level::WARN).with_writer(std::io::stderr).init();
    }
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config { data_dir: dir.path().to_path_buf(), ..Default::default() };
    // The store's page cache (`[store] cache_mb`), to compare sizes.
    config.store.cache_mb = env("CACHE_MB", config.store.cache_mb);
    let store = Store::open(dir.path(), &OpenOptions::from_config(&config, tidings::wiring::registry())).unwrap();
    let state = Arc::new(AppState::new(config, store).unwrap());
    // The feed's readers and the clock as the server runs them: a reader registered and not
    // running would hold back the feed's pruning, and its entries would pile up.
    state.feed.start(Arc::new(tidings::reports::outcomes::Counter::open(&state.store).unwrap()), 512);
    state.feed.start(
        Arc::new(tidings::segments::live::Membership(state.segments.clone())),
        env("BATCH", tidings::segments::live::FEED_BATCH as u64) as usize,
    );
    // The journeys' reader too (it reads nothing here, but a registered reader that does not
    // run holds back the feed's pruning).
    state.feed.start(Arc::new(tidings::journeys::engine::Triggers(Arc::downgrade(&state))), 512);
    state.clock.register(Arc::new(tidings::segments::live::Flips));
    state.clock.start(3);
    let by = By::cli();
    let fields = state.fields.all();
    let t = Instant::now();
    let mut last = 0;
    for i in 0..n {
        let input = ContactInput {
            email: Some(EmailAddress::parse(&format!("reader{i:07}@example.org")).unwrap()),
            first_name: Some(format!("Reader{i}")),
            // One contact in ten has the tag `group3`: a condition the index holds.
            tags: Some([format!("group{}", i % 10)].into()),
            ..Default::default()
        };
        let (_, _, seq) = tidings::contacts::ops::upsert_uncommitted(
            &state,
            &input,
            MergePolicy::Overwrite,
            Source::Import,
            "bench",
            &[],
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
    let last = state.feed.last();
    while !state.feed.wait_for(tidings::segments::live::READER, last, Duration::from_secs(60)) {}
    // The index too: a server at rest has taken in its contacts (a build the index narrows
    // would otherwise wait for it, and time the indexing of the import).
    while !state.search.wait_for(last) {}
    eprintln!("{n} contacts written in {:.1} s", t.elapsed().as_secs_f64());

    // Builds: one on a condition the index holds (a tag, one contact in ten), which looks at
    // its candidates only; one on a condition it does not (the first name, about one contact
    // in nine), which looks at every contact.
    let repo = state.segments.segments();
    let build = |name: &str, filter: serde_json::Value| {
        let t = Instant::now();
        let input = SegmentInput { name: Some(name.into()), description: None, filter: Some(filter) };
        let s = segops::create(&state, by, &input).unwrap();
        while !repo.get(&s.id).unwrap().unwrap().build.is_ready() {
            std::thread::sleep(Duration::from_millis(5));
        }
        (s, t.elapsed())
    };
    let (tagged, took_indexed) =
        build("Group 3", json!({"all": [{"field": "tags", "op": "contains", "value": "group3"}]}));
    let size_indexed = repo.size(&tagged.id).unwrap();
    let (s, took) =
        build("Readers 1", json!({"all": [{"field": "first_name", "op": "starts_with", "value": "Reader1"}]}));
    let size = repo.size(&s.id).unwrap();
    let builds = format!(
        "build on a condition the index holds: {size_indexed} of {n} matched in {:.2} s = {:.0} contacts/s (target >= 200,000)\n\
         build on a condition it does not hold: {size} of {n} matched in {:.2} s = {:.0} contacts/s (target >= 200,000)",
        took_indexed.as_secs_f64(),
        n as f64 / took_indexed.as_secs_f64(),
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64()
    );
    if std::env::var("ONLY").is_ok_and(|v| v == "build") {
        // For a profile of the builds alone.
        println!("{builds}");
        state.feed.stop();
        state.search.stop();
        return;
    }

    // Size reads.
    let mut reads = Vec::with_capacity(1000);
    for _ in 0..1000 {
        let t = Instant::now();
        std::hint::black_box(repo.size(&s.id).unwrap());
        reads.push(t.elapsed());
    }

    // Live changes: a tag segment, then tags added one contact at a time.
    let vip = segops::create(
        &state,
        by,
        &SegmentInput {
            name: Some("VIP".into()),
            description: None,
            filter: Some(json!({"all": [{"field": "tags", "op": "contains", "value": "vip"}]})),
        },
    )
    .unwrap();
    while !repo.get(&vip.id).unwrap().unwrap().build.is_ready() {
        std::thread::sleep(Duration::from_millis(5));
    }
    let ids = state.contacts.ids_after(None, 200).unwrap();
    let mut live = Vec::with_capacity(ids.len());
    for id in &ids {
        let t = Instant::now();
        let input = ContactInput { add_tags: ["vip".to_string()].into(), ..Default::default() };
        tidings::contacts::ops::update(&state, by, id, &input).unwrap();
        while !repo.is_member(&vip.id, id).unwrap() {
            std::thread::sleep(Duration::from_micros(200));
        }
        live.push(t.elapsed());
    }

    // Preview of an unsaved filter: one the index narrows (the tag), one it cannot.
    let t = Instant::now();
    let p =
        segops::preview(&state, by, &json!({"all": [{"field": "email", "op": "contains", "value": "00042"}]})).unwrap();
    let preview = t.elapsed();
    let t = Instant::now();
    let indexed = segops::preview(
        &state,
        by,
        &json!({"all": [{"field": "tags", "op": "contains", "value": "vip"}, {"consent": "newsletter", "state": "never"}]}),
    )
    .unwrap();
    let preview_indexed = t.elapsed();
    let t = Instant::now();
    let narrowed = segops::preview(
        &state,
        by,
        &json!({"all": [{"field": "tags", "op": "contains", "value": "vip"}, {"field": "first_name", "op": "ends_with", "value": "7"}]}),
    )
    .unwrap();
    let preview_narrowed = t.elapsed();

    println!("segments at {n} contacts (no events), in one process:");
    println!("{builds}");
    println!(
        "size read: p50 {:.3} ms, p99 {:.3} ms (target < 50 ms)",
        ms(percentile(reads.clone(), 0.5)),
        ms(percentile(reads, 0.99))
    );
    println!(
        "live change to membership: p50 {:.1} ms, p99 {:.1} ms over {} changes",
        ms(percentile(live.clone(), 0.5)),
        ms(percentile(live.clone(), 0.99)),
        live.len()
    );
    println!(
        "preview: {} of {} examined ({}) in {:.2} s (target < 3 s for any segment)",
        p.matched,
        p.examined,
        if p.complete { "all" } else { "stopped at the time limit" },
        preview.as_secs_f64()
    );
    println!(
        "preview on indexed conditions: {} matched in {:.1} ms (target < 50 ms); narrowed by the index, then evaluated: {} matched in {:.1} ms",
        indexed.matched,
        ms(preview_indexed),
        narrowed.matched,
        ms(preview_narrowed)
    );

    // Events: ten per contact by default, spread over the last 60 days.
    let t = Instant::now();
    let now = chrono::Utc::now();
    let all_ids = {
        let mut out = Vec::with_capacity(n);
        let mut after = None;
        loop {
            let ids = state.contacts.ids_after(after.as_ref(), 10_000).unwrap();
            let Some(last) = ids.last().copied() else { break };
            out.extend(ids);
            after = Some(last);
        }
        out
    };
    let kinds = [
        EventKind::PageView,
        EventKind::PageView,
        EventKind::Custom,
        EventKind::Open,
        EventKind::Click,
        EventKind::Order,
    ];
    let mut batch = Vec::with_capacity(10_000);
    for i in 0..n_events {
        let contact = all_ids[(i * 7919) % all_ids.len()];
        let at = now - chrono::Duration::minutes(((i * 31) % (60 * 24 * 60)) as i64);
        batch.push(Record { contact: Some(contact), event: event(kinds[i % kinds.len()], at, i), link: None });
        if batch.len() == 10_000 {
            state.tracking.record_durable_blocking(std::mem::take(&mut batch)).unwrap();
        }
    }
    state.tracking.record_durable_blocking(batch).unwrap();
    let last = state.feed.last();
    while !state.feed.wait_for(tidings::segments::live::READER, last, Duration::from_secs(60)) {}
    let events_took = t.elapsed();
    eprintln!("{n_events} events written in {:.1} s", events_took.as_secs_f64());

    // A behaviour segment built over events.
    let t = Instant::now();
    let shoes = create(
        &state,
        "Shoe browsers",
        json!({"all": [{"performed": {"kind": "page_view", "url": "/shoes/"}, "at_least": 2, "within_days": 30}]}),
    );
    wait_built(&state, &[shoes]);
    let events_build = t.elapsed();
    let shoes_size = repo.size(&shoes).unwrap();

    // 50 live segments of every kind (two exist; the probe's is one more).
    let rss_before = rss_mb();
    let mut defined = Vec::new();
    for i in 0..46 {
        let cat = ["shoes", "bags", "hats"][i % 3];
        let url = format!("/{cat}/");
        let filter = match i % 8 {
            0 => json!({"all": [{"field": "tags", "op": "contains", "value": format!("t{i}")}]}),
            1 => {
                json!({"all": [{"performed": {"kind": "custom", "name": "cart_added", "property": ["category", cat]}, "at_least": 1 + i % 3, "within_days": 7 + i}]})
            }
            2 => {
                json!({"all": [{"field": "opens", "op": "gte", "value": 1 + i % 4}, {"consent": "newsletter", "state": "granted"}]})
            }
            3 => json!({"all": [{"not_performed": {"kind": "page_view"}, "within_days": 10 + i}]}),
            4 => json!({"all": [{"orders": {}, "at_least": 1, "within_days": 30 + i, "min_revenue": 20}]}),
            5 => {
                json!({"any": [{"field": "first_name", "op": "starts_with", "value": format!("Reader{}", i % 10)}, {"field": "last_seen", "op": "within_last_days", "value": 3}]})
            }
            6 => {
                json!({"all": [{"field": "clicks", "op": "gte", "value": 2}, {"none": [{"field": "status", "op": "equals", "value": "unsubscribed"}]}]})
            }
            _ => json!({"all": [{"performed": {"kind": "page_view", "url": url}, "at_least": 3, "within_days": 14}]}),
        };
        defined.push(create(&state, &format!("Live {i}"), filter));
        wait_built(&state, &defined[defined.len() - 1..]);
    }
    let probe = create(&state, "Probe", json!({"all": [{"performed": {"kind": "custom", "name": "probe_signal"}}]}));
    wait_built(&state, &[probe]);
    let segments = state.segments.segments().all().unwrap().len();
    let rss_after = rss_mb();

    // Sustained events at RATE/s for SECONDS, while the probe measures one event at a time.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let streamed = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let cpu_start = cpu_time();
    let stream_started = Instant::now();
    let streamer = {
        let (state, stop, streamed, ids) = (state.clone(), stop.clone(), streamed.clone(), all_ids.clone());
        std::thread::spawn(move || {
            let per_tick = (rate / 100).max(1);
            let mut i = 0usize;
            let started = Instant::now();
            let mut tick = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let now = chrono::Utc::now();
                let records: Vec<Record> = (0..per_tick)
                    .map(|k| {
                        let j = i + k;
                        Record {
                            contact: Some(ids[(j * 104_729) % ids.len()]),
                            event: event(kinds[j % kinds.len()], now, j),
                            link: None,
                        }
                    })
                    .collect();
                i += per_tick;
                state.tracking.record_durable_blocking(records).unwrap();
                streamed.fetch_add(per_tick, std::sync::atomic::Ordering::Relaxed);
                tick += 1;
                let due = started + Duration::from_millis(10) * tick;
                if let Some(wait) = due.checked_duration_since(Instant::now()) {
                    std::thread::sleep(wait);
                }
            }
        })
    };
    let mut probes = Vec::new();
    let mut k = 0;
    while stream_started.elapsed() < Duration::from_secs(seconds) {
        let contact = all_ids[(k * 65_537 + 11) % all_ids.len()];
        k += 1;
        let mut e = Event::new(EventKind::Custom, chrono::Utc::now(), "bench");
        e.name = Some("probe_signal".into());
        state.tracking.record_durable_blocking(vec![Record { contact: Some(contact), event: e, link: None }]).unwrap();
        let t = Instant::now();
        while !repo.is_member(&probe, &contact).unwrap() {
            std::thread::sleep(Duration::from_micros(500));
        }
        probes.push(t.elapsed());
        if std::env::var("LAG").is_ok() {
            let last = state.feed.last();
            let lag = |r: &str| last.saturating_sub(state.feed.cursor(r));
            eprintln!(
                "probe {:.0} ms; behind: segments {} search {} reports {}",
                ms(t.elapsed()),
                lag("segments"),
                lag("search"),
                lag("reports")
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    streamer.join().unwrap();
    let stream_took = stream_started.elapsed();
    let cpu = cpu_time().saturating_sub(cpu_start);
    let sent = streamed.load(std::sync::atomic::Ordering::Relaxed);

    println!(
        "with {n_events} events written in {:.1} s: a behaviour segment (page views over events) built in {:.2} s = {:.0} contacts/s, {shoes_size} matched",
        events_took.as_secs_f64(),
        events_build.as_secs_f64(),
        n as f64 / events_build.as_secs_f64()
    );
    println!(
        "{segments} live segments: {} events streamed in {:.1} s ({:.0}/s); event acknowledged to entry in the segment: p50 {:.1} ms, p99 {:.1} ms over {} probes (target p99 < 200 ms)",
        sent,
        stream_took.as_secs_f64(),
        sent as f64 / stream_took.as_secs_f64(),
        ms(percentile(probes.clone(), 0.5)),
        ms(percentile(probes.clone(), 0.99)),
        probes.len()
    );
    println!(
        "CPU of the whole process while streaming: {:.1} s over {:.1} s = {:.0} µs per event (tracking, feed, index, counters and the 50 segments)",
        cpu.as_secs_f64(),
        stream_took.as_secs_f64(),
        cpu.as_secs_f64() * 1e6 / sent.max(1) as f64
    );
    println!(
        "resident memory before the 47 segments were defined and built {rss_before:.0} MB, after {rss_after:.0} MB (+{:.0} MB; target < 100 MB at 1M contacts × 50 segments)",
        rss_after - rss_before
    );
    state.clock.stop();
    state.feed.stop();
    state.search.stop();
}
