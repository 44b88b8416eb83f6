//! Benchmarks of the foundation: sealed writes and reads, group commit, the audit chain,
//! argon2 and the sealing primitives. Run on demand, not in CI:
//!
//!     cargo bench --bench foundation                  # everything, about 2 minutes
//!     cargo bench --bench foundation -- group_commit   # one group (criterion filter)
//!
//! Every store lives in its own temporary directory and is opened the way the server opens it,
//! so a commit here costs what it costs there: sled's flush plus an `fdatasync`.
//! After criterion's own report, the bench prints the group-commit throughput per thread count
//! and the ratio of 16 threads to 1: that ratio is what the group commit buys.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::sync::{Barrier, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{criterion_group, BatchSize, BenchmarkId, Criterion, Throughput};
use tidings::audit::{Action, Actor, AuditLog, Event};
use tidings::auth::users::TREE as USERS;
use tidings::auth::User;
use tidings::domain::{PersonId, Role};
use tidings::store::{Keyring, OpenOptions, SealedTree, SecretKey, Store};

/// Opens a store the way the server does, in `dir` (a fresh temporary directory).
fn open_store(dir: &Path) -> Store {
    Store::open(
        dir,
        &OpenOptions {
            cache_bytes: 64 << 20,
            master_key: dir.join("master.key"),
            create: true,
            registry: tidings::wiring::registry(),
        },
    )
    .expect("open the store")
}

/// A realistic admin record: about 200 bytes once encoded with postcard (printed at start).
fn sample_user(id: PersonId) -> User {
    let now = Utc::now();
    User {
        id,
        username: "jane.doe@example.org".into(),
        display_name: "Jane Doe".into(),
        role: Role::Marketer,
        // A real argon2id PHC string (19 MiB, 2 passes, 1 lane); its content does not matter here.
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$\
                        RdescudvJCsgt3ub+b+dWRWJTmaaJObG0K8ZGo5Ivkc"
            .into(),
        password_changed_at: now,
        must_change_password: false,
        disabled: false,
        failed_logins: 0,
        locked_until: None,
        totp: None,
        pending_totp: None,
        recovery_codes: Vec::new(),
        created_at: now,
        last_login_at: Some(now),
    }
}

fn sealed_store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = open_store(dir.path());
    let users: SealedTree<User> = store.sealed(USERS).expect("users is a registered tree");
    let template = sample_user(PersonId::new());
    let encoded = postcard::to_allocvec(&template).expect("encode").len();
    eprintln!("sealed/*: one User record is {encoded} bytes before sealing");

    let mut g = c.benchmark_group("sealed");
    g.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3)).sample_size(30);
    g.throughput(Throughput::Elements(1));

    // A new person each iteration: creates and wraps their data key (a compare-and-swap into
    // person_keys), then seals the record with it.
    g.bench_function("put_new_person", |b| {
        b.iter_batched(
            || {
                let mut u = template.clone();
                u.id = PersonId::new();
                u
            },
            |u| users.put(&u.id, u.id.as_bytes(), &u).expect("put"),
            BatchSize::SmallInput,
        )
    });

    // The same person again: their wrapped key is read and unwrapped, the record resealed.
    let existing = sample_user(PersonId::new());
    users.put(&existing.id, existing.id.as_bytes(), &existing).expect("put");
    g.bench_function("put_existing_person", |b| {
        b.iter(|| users.put(&existing.id, existing.id.as_bytes(), black_box(&existing)).expect("put"))
    });

    g.bench_function("get", |b| {
        b.iter(|| {
            let found = users.get(black_box(existing.id.as_bytes())).expect("get");
            assert!(found.is_some());
            found
        })
    });
    g.finish();
    drop(users);
    drop(store);
}

/// Total commits and the time they took, per thread count, over every timed round (criterion's
/// warm-up included): the summary printed at the end divides one by the other.
static COMMITS: Mutex<BTreeMap<usize, (u64, Duration)>> = Mutex::new(BTreeMap::new());

/// `total` put+commit operations spread over `threads` threads that start together; returns the
/// wall time from the start signal until the last thread is done.
fn commit_round(store: &Store, tree: &SealedTree<User>, people: &[User], threads: usize, total: u64) -> Duration {
    let barrier = Barrier::new(threads + 1);
    let start = std::thread::scope(|s| {
        for (t, person) in people.iter().enumerate().take(threads) {
            let ops = total / threads as u64 + u64::from((t as u64) < total % threads as u64);
            let barrier = &barrier;
            s.spawn(move || {
                barrier.wait();
                for _ in 0..ops {
                    tree.put(&person.id, person.id.as_bytes(), person).expect("put");
                    store.commit().expect("commit");
                }
            });
        }
        barrier.wait();
        Instant::now()
    });
    start.elapsed()
}

fn group_commit(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = open_store(dir.path());
    let tree: SealedTree<User> = store.sealed(USERS).expect("users is a registered tree");
    // One person per thread, created up front so that the rounds measure put + commit only.
    let people: Vec<User> = (0..16).map(|_| sample_user(PersonId::new())).collect();
    for p in &people {
        tree.put(&p.id, p.id.as_bytes(), p).expect("put");
    }
    store.commit().expect("commit");

    let mut g = c.benchmark_group("group_commit");
    g.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5)).sample_size(10);
    // One element = one put + commit, so criterion's throughput line reads as commits/s.
    g.throughput(Throughput::Elements(1));
    for threads in [1usize, 4, 16] {
        g.bench_with_input(BenchmarkId::new("put_commit_threads", threads), &threads, |b, &threads| {
            b.iter_custom(|iters| {
                let took = commit_round(&store, &tree, &people, threads, iters);
                let mut all = COMMITS.lock().unwrap_or_else(|p| p.into_inner());
                let entry = all.entry(threads).or_default();
                entry.0 += iters;
                entry.1 += took;
                took
            })
        });
    }
    g.finish();
}

fn audit_event(i: u64) -> Event {
    Event::new(Actor::User(PersonId::new()), Action::SettingsChanged)
        .target("settings")
        .detail("field", "organisation")
        .detail("round", i)
}

fn audit(c: &mut Criterion) {
    let mut g = c.benchmark_group("audit");
    g.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3)).sample_size(20);
    g.throughput(Throughput::Elements(1));

    {
        // On a store of its own: a store full of unflushed appends would make the first commits
        // measure that backlog instead.
        let dir = tempfile::tempdir().expect("temp dir");
        let store = open_store(dir.path());
        let log = AuditLog::open(&store).expect("audit log");
        let mut i = 0u64;
        // Appends, then waits for the group commit (sled flush + fdatasync): what every audited
        // action costs before it is acknowledged.
        g.sample_size(10).measurement_time(Duration::from_secs(4));
        g.bench_function("record_committed", |b| {
            b.iter(|| {
                i += 1;
                log.record(audit_event(i)).expect("record")
            })
        });
    }

    {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = open_store(dir.path());
        let log = AuditLog::open(&store).expect("audit log");
        let mut i = 0u64;
        // Reads the last entry, chains and MACs the new one, writes entry and signed head in one
        // sled transaction; no flush.
        g.sample_size(20).measurement_time(Duration::from_secs(3));
        g.bench_function("append_uncommitted", |b| {
            b.iter(|| {
                i += 1;
                log.append_uncommitted(audit_event(i)).expect("append")
            })
        });
        let started = Instant::now();
        store.commit().expect("commit");
        eprintln!(
            "audit/append_uncommitted: the commit after {} uncommitted appends took {:.1} ms",
            log.len(),
            started.elapsed().as_secs_f64() * 1e3
        );
    }

    {
        const ENTRIES: u64 = 10_000;
        let dir = tempfile::tempdir().expect("temp dir");
        let store = open_store(dir.path());
        let log = AuditLog::open(&store).expect("audit log");
        let started = Instant::now();
        for i in 0..ENTRIES {
            log.append_uncommitted(audit_event(i)).expect("append");
        }
        let appended = started.elapsed();
        store.commit().expect("commit");
        eprintln!(
            "audit/verify_10k: setup appended {ENTRIES} entries in {:.0} ms, then one commit took {:.1} ms",
            appended.as_secs_f64() * 1e3,
            (started.elapsed() - appended).as_secs_f64() * 1e3
        );
        g.sample_size(10).measurement_time(Duration::from_secs(3));
        g.throughput(Throughput::Elements(ENTRIES));
        g.bench_function("verify_10k", |b| {
            b.iter(|| {
                let v = log.verify().expect("verify");
                assert_eq!(v, tidings::audit::Verification::Intact { entries: ENTRIES });
                v
            })
        });
    }
    g.finish();
}

fn argon2(c: &mut Criterion) {
    let mut g = c.benchmark_group("argon2");
    // About 50 hashes in total at tens of milliseconds each.
    g.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5)).sample_size(10);
    g.bench_function("hash_blocking_owasp_19MiB_t2_p1", |b| {
        b.iter(|| tidings::auth::password::hash_blocking(black_box("correct horse battery staple")).expect("hash"))
    });
    g.finish();
}

fn crypto(c: &mut Criterion) {
    let key = SecretKey::random();
    let aad = b"users\0\x01\x92\x00\x00\x00\x00\x70\x00\x80\x00\x00\x00\x00\x00\x00\x01";
    let plain = [0x5au8; 256];
    let sealed = key.seal(aad, &plain);
    let ring = Keyring::new(SecretKey::random());

    let mut g = c.benchmark_group("crypto");
    g.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(2)).sample_size(30);
    g.throughput(Throughput::Bytes(plain.len() as u64));
    g.bench_function("seal_256B", |b| b.iter(|| key.seal(black_box(aad), black_box(&plain))));
    g.bench_function("open_256B", |b| b.iter(|| key.open(black_box(aad), black_box(&sealed)).expect("open")));
    g.throughput(Throughput::Elements(1));
    g.bench_function("keyring_lookup_hash", |b| {
        b.iter(|| ring.lookup_hash(black_box("tidings/username"), black_box(b"jane.doe@example.org")))
    });
    g.finish();
}

/// A backup of 100k sealed records: how long writers pause (the scratch copy) and how long the
/// whole archive takes, plain and encrypted.
fn backup(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = open_store(dir.path());
    let users: SealedTree<User> = store.sealed(USERS).expect("users is a registered tree");
    let n = 100_000u64;
    for i in 0..n {
        let id = PersonId::new();
        users.put(&id, id.as_bytes(), &sample_user(id)).expect("put");
        if i % 5_000 == 0 {
            store.commit().expect("commit");
        }
    }
    store.commit().expect("commit");
    let key = SecretKey::random();
    let mut g = c.benchmark_group("backup_100k_records");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n));
    let out = dir.path().join("bench.tdgbak");
    let mut paused = Vec::new();
    g.bench_function("archive", |b| {
        b.iter(|| paused.push(tidings::store::backup::create(&store, &out, None).expect("backup").paused_ms))
    });
    g.bench_function("archive_encrypted", |b| {
        b.iter(|| tidings::store::backup::create(&store, &out, Some(&key)).expect("backup"))
    });
    g.finish();
    paused.sort_unstable();
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!(
        "backup of {n} records: writers paused median {} ms (max {} ms); archive {} MB",
        paused[paused.len() / 2],
        paused[paused.len() - 1],
        size / 1_000_000
    );
}

criterion_group!(benches, sealed_store, group_commit, audit, argon2, crypto, backup);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();

    let all = COMMITS.lock().unwrap_or_else(|p| p.into_inner());
    if all.is_empty() {
        return;
    }
    let rate = |(n, took): &(u64, Duration)| *n as f64 / took.as_secs_f64();
    println!("\ngroup commit (put + commit per operation, all timed rounds incl. warm-up):");
    for (threads, totals) in all.iter() {
        println!("  {threads:>2} thread(s): {:>9.0} commits/s over {} commits", rate(totals), totals.0);
    }
    if let (Some(one), Some(sixteen)) = (all.get(&1), all.get(&16)) {
        println!("  16 threads / 1 thread throughput: {:.2}x", rate(sixteen) / rate(one));
    }
}
