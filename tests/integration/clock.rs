//! The durable clock over a real sled directory: due timers fire once and in order, a handler's
//! writes land with the timer's move, timers due while the process was down fire at start, the
//! waker sleeps until the next timer (and wakes for an earlier one set meanwhile), and a kill -9
//! during a burst of firings neither loses a timer nor fires one twice (the test binary re-runs
//! itself as the process that is killed).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use tidings::clock::{Clock, Fired, Handler, Timer};
use tidings::feed::Feed;
use tidings::store::{OpenOptions, Store, Writes};

fn open(dir: &std::path::Path) -> (Store, Feed, Clock) {
    let store = Store::open(
        dir,
        &OpenOptions {
            cache_bytes: 8 << 20,
            master_key: dir.join("master.key"),
            create: true,
            registry: tidings::wiring::registry(),
        },
    )
    .unwrap();
    let feed = Feed::open(&store).unwrap();
    let clock = Clock::open(&store, &feed).unwrap();
    (store, feed, clock)
}

/// A registered tree the test handler writes its proof of work to.
const WORK: &str = "settings";

/// Records each firing: in memory, and as a write in the timer's own transaction (one key per
/// firing, so a second firing of the same timer leaves a second key).
struct Recorder {
    work: sled::Tree,
    fired: Mutex<Vec<(String, Instant)>>,
    fail_next: AtomicUsize,
    again_in: Option<chrono::Duration>,
}

impl Recorder {
    fn new(store: &Store, again_in: Option<chrono::Duration>) -> Arc<Self> {
        Arc::new(Self {
            work: store.tree(WORK).unwrap(),
            fired: Mutex::new(Vec::new()),
            fail_next: AtomicUsize::new(0),
            again_in,
        })
    }
    fn keys(&self) -> Vec<String> {
        self.fired.lock().unwrap().iter().map(|(k, _)| k.clone()).collect()
    }
}

impl Handler for Recorder {
    fn kind(&self) -> &'static str {
        "test"
    }
    fn fire(&self, timer: &Timer) -> Result<Fired, String> {
        if self.fail_next.load(Ordering::SeqCst) > 0 {
            self.fail_next.fetch_sub(1, Ordering::SeqCst);
            return Err("the relay is down".into());
        }
        self.fired.lock().unwrap().push((timer.key.clone(), Instant::now()));
        let mut w = Writes::new();
        w.put(&self.work, format!("fired/{}/{}", timer.key, uuid::Uuid::new_v4()).as_bytes(), timer.payload.clone());
        let fired = match self.again_in {
            Some(d) => Fired::again(Utc::now() + d),
            None => Fired::done(),
        };
        Ok(fired.with(w, Vec::new()))
    }
}

fn firings(work: &sled::Tree) -> std::collections::BTreeMap<String, usize> {
    let mut n = std::collections::BTreeMap::new();
    for k in work.scan_prefix("fired/").keys() {
        let k = String::from_utf8(k.unwrap().to_vec()).unwrap();
        *n.entry(k.split('/').nth(1).unwrap().to_string()).or_insert(0) += 1;
    }
    n
}

#[test]
fn due_timers_fire_once_in_order_with_their_writes_and_a_failed_one_stays() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _feed, clock) = open(dir.path());
    let rec = Recorder::new(&store, None);
    clock.register(rec.clone());
    let now = Utc::now();
    clock.set("test", "b", now - chrono::Duration::seconds(5), b"B").unwrap();
    clock.set("test", "a", now - chrono::Duration::seconds(10), b"A").unwrap();
    clock.set("test", "later", now + chrono::Duration::hours(1), b"").unwrap();
    clock.set("test", "moved", now - chrono::Duration::seconds(1), b"").unwrap();
    clock.set("test", "moved", now + chrono::Duration::hours(2), b"").unwrap();
    clock.set("test", "gone", now - chrono::Duration::seconds(1), b"").unwrap();
    assert!(clock.cancel("test", "gone").unwrap());
    clock.set("other", "x", now - chrono::Duration::seconds(1), b"").unwrap();
    assert_eq!(clock.fire_due(now).unwrap(), 2, "a kind without a handler waits for one");
    assert_eq!(rec.keys(), vec!["a", "b"], "in due order; a moved or cancelled timer does not fire");
    assert_eq!(clock.fire_due(now).unwrap(), 0, "each fired once");
    let work = store.tree(WORK).unwrap();
    assert_eq!(firings(&work).len(), 2);
    assert_eq!(
        clock.get("test", "moved").unwrap().map(|t| t.due.timestamp()),
        Some((now + chrono::Duration::hours(2)).timestamp())
    );
    assert_eq!(clock.timers("test").unwrap().len(), 2);

    // A failure keeps the timer, due again a minute later.
    rec.fail_next.store(1, Ordering::SeqCst);
    clock.set("test", "flaky", now, b"").unwrap();
    assert_eq!(clock.fire_due(now).unwrap(), 1);
    let flaky = clock.get("test", "flaky").unwrap().expect("kept");
    assert!(flaky.due > now + chrono::Duration::seconds(50), "{flaky:?}");
    assert_eq!(clock.fire_due(flaky.due).unwrap(), 1);
    assert!(clock.get("test", "flaky").unwrap().is_none());
    assert_eq!(firings(&work).get("flaky"), Some(&1));
}

#[test]
fn a_recurring_timer_is_set_again_and_timers_due_while_down_fire_at_start() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (store, _feed, clock) = open(dir.path());
        let rec = Recorder::new(&store, Some(chrono::Duration::hours(1)));
        clock.register(rec.clone());
        clock.set("test", "hourly", Utc::now(), b"").unwrap();
        assert_eq!(clock.fire_due(Utc::now()).unwrap(), 1);
        let next = clock.get("test", "hourly").unwrap().expect("set again");
        assert!(next.due > Utc::now() + chrono::Duration::minutes(59));
        // Due while nobody runs the clock.
        clock.set("test", "missed", Utc::now() + chrono::Duration::milliseconds(200), b"").unwrap();
    }
    std::thread::sleep(Duration::from_millis(400));
    let (store, _feed, clock) = open(dir.path());
    let rec = Recorder::new(&store, None);
    clock.register(rec.clone());
    let started = Instant::now();
    clock.start(2);
    while rec.keys().is_empty() && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(rec.keys(), vec!["missed"], "fired at start");
    assert!(started.elapsed() < Duration::from_secs(1), "at once, not at the next look: {:?}", started.elapsed());
    clock.stop();
}

#[test]
fn the_waker_sleeps_until_the_next_timer_and_wakes_for_an_earlier_one() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _feed, clock) = open(dir.path());
    let rec = Recorder::new(&store, None);
    clock.register(rec.clone());
    clock.set("test", "far", Utc::now() + chrono::Duration::minutes(30), b"").unwrap();
    clock.start(2);
    std::thread::sleep(Duration::from_millis(100));
    // Set while the waker sleeps towards the far one.
    let set_at = Instant::now();
    clock.set("test", "soon", Utc::now() + chrono::Duration::milliseconds(300), b"").unwrap();
    while rec.keys().is_empty() && set_at.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let fired_at = rec.fired.lock().unwrap()[0].1;
    let after = fired_at - set_at;
    assert!(
        after >= Duration::from_millis(280) && after < Duration::from_millis(800),
        "fired {after:?} after being set"
    );
    assert_eq!(rec.keys(), vec!["soon"]);
    clock.stop();
}

/// The process the kill test kills: runs the clock over the timers the test set.
#[test]
fn clock_runner_child() {
    let Ok(dir) = std::env::var("TIDINGS_CLOCK_CHILD") else { return };
    let (store, _feed, clock) = open(std::path::Path::new(&dir));
    let rec = Recorder::new(&store, None);
    clock.register(rec.clone());
    clock.start(4);
    println!("running");
    loop {
        if clock.is_empty() {
            println!("idle");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn kill_9_during_a_burst_of_firings_loses_no_timer_and_fires_none_twice() {
    let dir = tempfile::tempdir().unwrap();
    let total = 400;
    {
        let (_store, _feed, clock) = open(dir.path());
        let now = Utc::now();
        for n in 0..total {
            clock.set("test", &format!("t{n:04}"), now - chrono::Duration::milliseconds(n), b"").unwrap();
        }
    }
    let exe = std::env::current_exe().unwrap();
    let mut kills = 0;
    loop {
        let mut child = std::process::Command::new(&exe)
            .args(["--exact", "clock::clock_runner_child", "--nocapture", "--test-threads=1"])
            .env("TIDINGS_CLOCK_CHILD", dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut out = child.stdout.take().unwrap();
        let mut seen = String::new();
        let mut buf = [0u8; 256];
        while !seen.contains("running") {
            let n = std::io::Read::read(&mut out, &mut buf).unwrap();
            assert!(n > 0, "the clock process stopped");
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        if kills < 3 {
            // Into the burst, at a different moment each time.
            std::thread::sleep(Duration::from_millis(15 + 20 * kills));
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            kills += 1;
            continue;
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        while !seen.contains("idle") {
            assert!(Instant::now() < deadline, "the clock never emptied");
            let n = std::io::Read::read(&mut out, &mut buf).unwrap();
            assert!(n > 0);
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        break;
    }
    let (store, _feed, clock) = open(dir.path());
    assert!(clock.is_empty());
    let fired = firings(&store.tree(WORK).unwrap());
    assert_eq!(fired.len(), total as usize, "no timer lost");
    let twice: Vec<_> = fired.iter().filter(|(_, n)| **n != 1).collect();
    assert!(twice.is_empty(), "fired more than once: {twice:?}");
}

/// A job whose time came while the appliance was down runs once when it starts again; with
/// `jobs.catch_up = false` it waits for its next time instead.
#[test]
fn a_job_missed_while_down_runs_at_start_unless_told_not_to() {
    for catch_up in [true, false] {
        let app = crate::helpers::spawn_app_with(|c| c.jobs.list_growth = "0 3 * * *".into());
        let timer = app.state.clock.get(tidings::jobs::TIMER_KIND, "list_growth").unwrap().expect("scheduled");
        assert!(timer.due > Utc::now(), "at its next time: {timer:?}");
        assert!(app.state.jobs.last("list_growth").unwrap().is_none());
        // As if its time came an hour ago, while the appliance was stopped.
        app.state.clock.stop();
        let past = Utc::now() - chrono::Duration::hours(1);
        app.state.clock.set(tidings::jobs::TIMER_KIND, "list_growth", past, b"0 3 * * *").unwrap();
        let dir = app.stop();
        let mut config = crate::helpers::test_config(dir.path());
        config.jobs.list_growth = "0 3 * * *".into();
        config.jobs.catch_up = catch_up;
        let app = crate::helpers::spawn_in(dir, config);
        let deadline = Instant::now() + Duration::from_secs(10);
        if catch_up {
            while app.state.jobs.last("list_growth").unwrap().is_none() {
                assert!(Instant::now() < deadline, "the missed run never ran");
                std::thread::sleep(Duration::from_millis(20));
            }
            assert!(app.state.jobs.last("list_growth").unwrap().unwrap().ok);
        } else {
            std::thread::sleep(Duration::from_millis(500));
            assert!(app.state.jobs.last("list_growth").unwrap().is_none(), "skipped");
        }
        let next = app.state.clock.get(tidings::jobs::TIMER_KIND, "list_growth").unwrap().expect("set again");
        assert!(next.due > Utc::now() + chrono::Duration::minutes(1), "catch_up {catch_up}: {next:?}");
    }
}

/// A scheduled campaign is a timer at its next run: unscheduling removes it, a timer lost in a
/// crash between the campaign's commit and the timer's comes back at start, and a firing repeated
/// after a crash starts nothing twice.
#[test]
fn a_scheduled_campaign_is_a_timer_that_survives_restarts_and_fires_once() {
    use crate::campaigns::Api;
    use serde_json::json;
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);
    api.list("News");
    api.contact("s@example.org", &["news"], &[], true);
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Later", "subject": "Hi", "body": "Hello", "lists": ["news"]})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    let v =
        api.ok("POST", &format!("/campaigns/{id}/send"), Some(json!({"at": "2099-01-01 09:00", "time_zone": "UTC"})));
    let next: chrono::DateTime<Utc> = v["campaign"]["next_run"].as_str().unwrap().parse().unwrap();
    let kind = tidings::sending::schedule::TIMER_KIND;
    assert_eq!(app.state.clock.get(kind, &id).unwrap().map(|t| t.due), Some(next));
    api.ok("POST", &format!("/campaigns/{id}/unschedule"), None);
    assert_eq!(app.state.clock.get(kind, &id).unwrap(), None, "unscheduled: no timer");
    api.ok("POST", &format!("/campaigns/{id}/send"), Some(json!({"at": "2099-01-01 09:00", "time_zone": "UTC"})));
    // As if the process died after the campaign's commit and before the timer's.
    app.state.clock.cancel(kind, &id).unwrap();
    let dir = app.stop();
    let config = crate::helpers::test_config(dir.path());
    let app = crate::helpers::spawn_in(dir, config);
    assert_eq!(app.state.clock.get(kind, &id).unwrap().map(|t| t.due), Some(next), "back at start");
    // Its time comes (the clock is told it is 2099; the jobs' timers fire too).
    assert!(app.state.clock.fire_due(next).unwrap() >= 1);
    let api = Api::new(&app);
    let state =
        |api: &Api| api.ok("GET", &format!("/campaigns/{id}"), None)["campaign"]["state"].as_str().unwrap().to_string();
    assert_ne!(state(&api), "scheduled", "started by its timer");
    assert_eq!(app.state.clock.get(kind, &id).unwrap(), None, "a one-off's timer is done");
    // The same firing again, as after a crash before the timer moved: nothing starts twice.
    let campaigns = app.state.sending.campaigns.all().unwrap().len();
    app.state.clock.set(kind, &id, next, b"").unwrap();
    assert!(app.state.clock.fire_due(next).unwrap() >= 1);
    assert_eq!(app.state.sending.campaigns.all().unwrap().len(), campaigns);
    assert_eq!(app.state.clock.get(kind, &id).unwrap(), None);
}

/// More timers due at once than the waker hands over in one batch: every one fires, once.
#[test]
fn a_burst_larger_than_a_batch_fires_every_timer_once() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _feed, clock) = open(dir.path());
    let rec = Recorder::new(&store, None);
    clock.register(rec.clone());
    let now = Utc::now();
    let total = 2_500;
    for n in 0..total {
        clock.set("test", &format!("b{n:05}"), now - chrono::Duration::milliseconds(n), b"").unwrap();
    }
    assert_eq!(clock.fire_due(now).unwrap(), 1024, "one batch per pass");
    clock.start(2);
    let deadline = Instant::now() + Duration::from_secs(60);
    while !clock.is_empty() {
        assert!(Instant::now() < deadline, "{} timers left", clock.len());
        std::thread::sleep(Duration::from_millis(20));
    }
    clock.stop();
    let fired = firings(&store.tree(WORK).unwrap());
    assert_eq!(fired.len(), total as usize);
    assert!(fired.values().all(|n| *n == 1));
}

/// Handlers whose writes are guarded by what they read (one shared counter): timers fired in
/// one batch conflict with each other; the batch then fires each again on its own, so every
/// timer counts once and none is lost.
struct Counter {
    work: sled::Tree,
}

impl Handler for Counter {
    fn kind(&self) -> &'static str {
        "count"
    }
    fn fire(&self, _timer: &Timer) -> Result<Fired, String> {
        let now = self.work.get("shared").map_err(|e| e.to_string())?;
        let n = now.as_ref().map_or(0u64, |v| u64::from_be_bytes(v.as_ref().try_into().unwrap()));
        let mut w = Writes::new();
        w.put_expecting(&self.work, "shared", now, (n + 1).to_be_bytes().to_vec());
        Ok(Fired::done().with(w, Vec::new()))
    }
}

#[test]
fn timers_of_one_batch_that_move_the_same_record_each_count_once() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _feed, clock) = open(dir.path());
    let work = store.tree(WORK).unwrap();
    clock.register(Arc::new(Counter { work: work.clone() }));
    let now = Utc::now();
    let total = 300u64;
    for n in 0..total {
        clock.set("count", &format!("c{n:04}"), now - chrono::Duration::milliseconds(n as i64), b"").unwrap();
    }
    clock.start(3);
    let deadline = Instant::now() + Duration::from_secs(60);
    while !clock.is_empty() {
        assert!(Instant::now() < deadline, "{} timers left", clock.len());
        std::thread::sleep(Duration::from_millis(20));
    }
    clock.stop();
    let n = u64::from_be_bytes(work.get("shared").unwrap().unwrap().as_ref().try_into().unwrap());
    assert_eq!(n, total);
}
