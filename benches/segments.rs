//! Segments benchmark: CONTACTS contacts (100,000 by default) in a fresh data directory, the
//! segments' reader running as the server runs it, then:
//! - building a new segment over every contact (contacts evaluated per second, from saving it
//!   to its build being ready);
//! - reading a segment's size (p50/p99 of 1,000 reads: the size is kept, not counted);
//! - a live change: one contact's tag changed through the same operation the API calls, until
//!   the contact has entered the segment (p50/p99 of 200 changes);
//! - a preview of an unsaved filter over every contact (what the builder shows as you type).
//!
//! Run on demand:
//!
//!     cargo bench --bench segments
//!     CONTACTS=1000000 cargo bench --bench segments
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
use tidings::domain::{ContactInput, EmailAddress, MergePolicy, Source};
use tidings::ops::By;
use tidings::segments::ops::{self as segops, SegmentInput};
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store};

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

fn main() {
    let n = env("CONTACTS", 100_000) as usize;
    let dir = tempfile::tempdir().unwrap();
    let config = Config { data_dir: dir.path().to_path_buf(), ..Default::default() };
    let store = Store::open(dir.path(), &OpenOptions::from_config(&config, tidings::wiring::registry())).unwrap();
    let state = Arc::new(AppState::new(config, store).unwrap());
    state.feed.start(
        Arc::new(tidings::segments::live::Membership(state.segments.clone())),
        tidings::segments::live::FEED_BATCH,
    );
    let by = By::cli();
    let fields = state.fields.all();
    let t = Instant::now();
    let mut last = 0;
    for i in 0..n {
        let input = ContactInput {
            email: Some(EmailAddress::parse(&format!("reader{i:07}@example.org")).unwrap()),
            first_name: Some(format!("Reader{i}")),
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
    eprintln!("{n} contacts written in {:.1} s", t.elapsed().as_secs_f64());

    // Build: about one contact in nine matches.
    let t = Instant::now();
    let s = segops::create(
        &state,
        by,
        &SegmentInput {
            name: Some("Readers 1".into()),
            description: None,
            filter: Some(json!({"all": [{"field": "first_name", "op": "starts_with", "value": "Reader1"}]})),
        },
    )
    .unwrap();
    let repo = state.segments.segments();
    while !repo.get(&s.id).unwrap().unwrap().build.is_ready() {
        std::thread::sleep(Duration::from_millis(5));
    }
    let took = t.elapsed();
    let size = repo.size(&s.id).unwrap();

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

    // Preview of an unsaved filter.
    let t = Instant::now();
    let p =
        segops::preview(&state, by, &json!({"all": [{"field": "email", "op": "contains", "value": "00042"}]})).unwrap();
    let preview = t.elapsed();

    println!("segments at {n} contacts (no events), in one process:");
    println!(
        "build: {size} of {n} matched in {:.2} s = {:.0} contacts/s (target >= 200,000)",
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64()
    );
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
    state.feed.stop();
    state.search.stop();
}
