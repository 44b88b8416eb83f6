//! Benchmarks of the GDPR toolkit's heavy operations. Run on demand, not in CI:
//!
//!     cargo bench --bench gdpr                    # both groups, a few minutes
//!     cargo bench --bench gdpr -- erasure         # one group (criterion filter)
//!     EVENTS=2000 CONTACTS=2000 cargo bench --bench gdpr   # smaller data
//!
//! - `erasure/{erase,anonymise}`: erasing one contact who has `EVENTS` tracked events (opens,
//!   clicks, page views and orders on one campaign) among `CONTACTS` others: the registry walk,
//!   the key destruction, the commit, the search index dropping the person and merging its
//!   segments; `erase` also works out and takes back the person's part of the campaign totals.
//! - `retention/dry_run`: counting every rule over `CONTACTS` contacts and 10 × `EVENTS` events,
//!   with the inactive-contacts rule on (it reads every contact and its aggregates) and off.
//!
//! The application state is built the way the server builds it (store, search indexer,
//! tracking writer) in a temporary directory; nothing listens on a port.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use criterion::{criterion_group, BatchSize, Criterion};
use tidings::config::Config;
use tidings::domain::{Contact, ContactId, EmailAddress, Event, EventKind, Source};
use tidings::gdpr::erasure::{self, Mode};
use tidings::gdpr::retention::{self, PolicyInput};
use tidings::ops::By;
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store};
use tidings::tracking::Record;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn app(dir: &std::path::Path) -> Arc<AppState> {
    let config = Config { data_dir: dir.to_path_buf(), ..Default::default() };
    let store =
        Store::open(dir, &OpenOptions::from_config(&config, tidings::wiring::registry())).expect("open the store");
    Arc::new(AppState::new(config, store).expect("build the state"))
}

/// `n` contacts written the way a bulk import writes them, committed and indexed.
fn contacts(state: &AppState, n: usize, tag: &str) -> Vec<ContactId> {
    let mut ids = Vec::with_capacity(n);
    let mut last = 0;
    for i in 0..n {
        let email = EmailAddress::parse(&format!("{tag}{i}@example.org")).expect("an address");
        let mut c = Contact::new(email, Source::Import, "bench".into());
        c.first_name = format!("Name{i}");
        last = state.contacts.insert(&c, &[]).expect("insert");
        ids.push(c.id);
    }
    state.store.commit().expect("commit");
    state.contacts.announce(last);
    assert!(state.search.wait_for(last), "the index caught up");
    ids
}

/// `n` events of one contact on one campaign, through the tracking writer.
fn events(state: &AppState, contact: ContactId, mailing: uuid::Uuid, n: usize) {
    let kinds = [EventKind::Open, EventKind::Click, EventKind::PageView, EventKind::Order];
    let records: Vec<Record> = (0..n)
        .map(|i| {
            let mut e = Event::new(kinds[i % kinds.len()], Utc::now() - chrono::Duration::minutes(i as i64), "api");
            e.mailing = Some(mailing);
            if e.kind == EventKind::Order {
                e.amount_cents = Some(1999);
            }
            Record { contact: Some(contact), event: e, link: None }
        })
        .collect();
    for chunk in records.chunks(4096) {
        state.tracking.record_durable_blocking(chunk.to_vec()).expect("record");
    }
}

/// Everyone allowed per-person measurement: grant `engagement` to a contact.
fn engaged(state: &AppState, id: &ContactId) {
    tidings::contacts::ops::record_consent(state, By::cli(), id, "engagement", true, "bench", None, None)
        .expect("consent");
}

fn erasure_bench(c: &mut Criterion) {
    let (n_events, n_contacts) = (env("EVENTS", 10_000), env("CONTACTS", 10_000));
    let dir = tempfile::tempdir().expect("temp dir");
    let state = app(dir.path());
    contacts(&state, n_contacts, "other");
    let mailing = uuid::Uuid::now_v7();
    let mut g = c.benchmark_group("erasure");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    let mut round = 0;
    for mode in [Mode::Erase, Mode::Anonymise] {
        g.bench_function(mode.as_str(), |b| {
            b.iter_batched(
                || {
                    round += 1;
                    let id = contacts(&state, 1, &format!("person{round}-"))[0];
                    engaged(&state, &id);
                    events(&state, id, mailing, n_events);
                    id
                },
                |id| {
                    let (records, seq) = erasure::remove(&state, &id, mode, true).expect("erase");
                    erasure::settle_index(&state, seq).expect("index");
                    black_box(records)
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
    println!("erasure: one contact with {n_events} events among {n_contacts} contacts");
    state.search.stop();
    state.tracking.stop();
}

fn retention_bench(c: &mut Criterion) {
    let (n_events, n_contacts) = (env("EVENTS", 10_000), env("CONTACTS", 10_000));
    let dir = tempfile::tempdir().expect("temp dir");
    let state = app(dir.path());
    let ids = contacts(&state, n_contacts, "c");
    let mailing = uuid::Uuid::now_v7();
    // Ten people with many events each: 10 × EVENTS events in all.
    for id in ids.iter().take(10) {
        engaged(&state, id);
        events(&state, *id, mailing, n_events);
    }
    let later = Utc::now() + chrono::Duration::days(400);
    let mut g = c.benchmark_group("retention");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    for (name, inactive_days) in [("dry_run_inactive_off", 0), ("dry_run_inactive_on", 30)] {
        let policy = PolicyInput { inactive_days: Some(inactive_days), ..Default::default() };
        retention::save_policy(&state, By::cli(), &policy).expect("policy");
        let report = retention::dry_run(&state, By::cli(), later).expect("dry run");
        println!("retention/{name}: {}", report.summary());
        g.bench_function(name, |b| {
            b.iter(|| black_box(retention::dry_run(&state, By::cli(), later).expect("dry run")))
        });
    }
    g.finish();
    println!("retention: {n_contacts} contacts, {} events", 10 * n_events);
    state.search.stop();
    state.tracking.stop();
}

criterion_group!(benches, erasure_bench, retention_bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
