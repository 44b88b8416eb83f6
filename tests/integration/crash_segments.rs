//! A segment transition and the change that caused it under SIGKILL (the real binary, aborted at
//! a fault point as a kill -9 would end it): a contact write lands with its feed entry in one
//! commit; the segments' reader stages the membership, the log, the counters and the
//! `SegmentEntered` entry with its cursor in one transaction. Killed before that transaction
//! (`segments.staged`) the person is in no segment and nothing says they entered; killed right
//! after it (`segments.landed`) everything says so once. Either way, after a restart they are in
//! the segment with exactly one entry in their log, and a later exit is logged exactly once.
//! A build killed half-way resumes and ends with the right size and one entry per member.

use std::process::Child;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tidings::domain::{Change, ContactId, EmailAddress, Role, SegmentId};
use tidings::segments::{Build, Segment};
use tidings::state::AppState;

use crate::helpers::{free_port, serve_binary};

struct Setup {
    dir: tempfile::TempDir,
    config_file: std::path::PathBuf,
    token: String,
}

fn offline(s: &Setup) -> AppState {
    crate::helpers::offline_state(s.dir.path(), &s.config_file)
}

/// `contacts` subscribers on `news` (`r0000@example.org`, …) and an API token.
fn setup(contacts: usize) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let config_file = dir.path().join("config.toml");
    std::fs::write(
        &config_file,
        "hostname = \"news.example.com\"\n[jobs]\nbackup = \"\"\nsession_cleanup = \"\"\n[tls]\nmode = \"off\"\n",
    )
    .unwrap();
    let mut s = Setup { dir, config_file, token: String::new() };
    let state = offline(&s);
    crate::helpers::seed_news_subscribers(&state, contacts);
    let owner = state.users.create("owner", "Owner", Role::Owner, "$argon2id$unused".into(), false).unwrap().id;
    let scopes = ["view_contacts", "edit_contacts"].iter().map(|s| s.parse().unwrap()).collect();
    s.token = state.tokens.create(owner, "crash", scopes, None).unwrap().1;
    state.store.commit().unwrap();
    state.search.stop();
    s
}

/// The first subscriber, and a built segment of those tagged `vip` (nobody yet).
fn with_vip_segment(s: &Setup) -> (ContactId, SegmentId) {
    let state = offline(s);
    let contact = state.contacts.find_by_email(&EmailAddress::parse("r0000@example.org").unwrap()).unwrap().unwrap();
    let filter = tidings::segments::ops::parse_filter(
        &state,
        &json!({"all": [{"field": "tags", "op": "contains", "value": "vip"}]}),
    )
    .unwrap();
    let now = chrono::Utc::now();
    let segment = Segment {
        id: SegmentId::new(),
        name: "VIPs".into(),
        description: String::new(),
        filter: filter.to_json().to_string(),
        version: 1,
        // Built over contacts none of whom is tagged: empty, and kept from here on.
        build: Build::Ready { at: now, took_ms: 0 },
        created_at: now,
        updated_at: now,
        created_by: "cli".into(),
    };
    state.segments.segments().put(&segment).unwrap();
    state.store.commit().unwrap();
    state.search.stop();
    (contact.id, segment.id)
}

struct Server {
    child: Child,
    url: String,
    http: reqwest::blocking::Client,
    token: String,
}

impl Server {
    fn start(s: &Setup, fault: Option<&str>) -> Server {
        let port = free_port();
        let child = serve_binary(port, s.dir.path(), &s.config_file, fault);
        let http = crate::helpers::client_builder().timeout(Duration::from_secs(30)).build().unwrap();
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(60);
        while http.get(format!("{url}/healthz")).send().is_err() {
            assert!(Instant::now() < deadline, "the server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Server { child, url, http, token: s.token.clone() }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> reqwest::Result<reqwest::blocking::Response> {
        let mut r =
            self.http.request(method.parse().unwrap(), format!("{}/api/v1{path}", self.url)).bearer_auth(&self.token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        r.send()
    }

    fn get(&self, path: &str) -> Value {
        let r = self.call("GET", path, None).unwrap();
        assert_eq!(r.status(), 200, "GET {path}");
        r.json().unwrap()
    }

    fn tag(&self, contact: &ContactId, tags: &[&str]) -> reqwest::Result<reqwest::blocking::Response> {
        self.call("PATCH", &format!("/contacts/{contact}"), Some(json!({"tags": tags})))
    }

    /// Polls the contact's segments until `done` says so (at most 15 s).
    fn wait_contact(&self, contact: &ContactId, done: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let v = self.get(&format!("/contacts/{contact}/segments"));
            if done(&v) {
                return v;
            }
            assert!(Instant::now() < deadline, "the contact's segments never got there: {v}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the process to die at its fault point.
    fn died(mut self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(!status.success(), "the process was to abort at its fault point");
                return;
            }
            assert!(Instant::now() < deadline, "the fault point was never reached");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn kill(self) {}
}

/// Killed and reaped however the test ends (a failed assertion must not leave it serving).
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `entered` flags of the contact's log, oldest first.
fn log_of(v: &Value) -> Vec<bool> {
    v["log"].as_array().unwrap().iter().map(|t| t["entered"].as_bool().unwrap()).collect()
}

/// The `SegmentEntered` entries for `contact` still on the change feed (the segments' reader
/// appends them after its own cursor, so a crash leaves them there).
fn entries_on_the_feed(state: &AppState, contact: &ContactId) -> usize {
    let entries = state.feed.read(0, usize::MAX).unwrap();
    entries.iter().filter(|e| matches!(e.change, Change::SegmentEntered { contact: c, .. } if c == *contact)).count()
}

/// After the restart: in the segment with one entry, then out with one exit.
fn enters_once_then_exits_once(s: &Setup, contact: &ContactId, segment: &SegmentId) {
    let server = Server::start(s, None);
    let v = server.wait_contact(contact, |v| !v["segments"].as_array().unwrap().is_empty());
    assert_eq!(v["segments"][0]["id"], segment.to_string(), "{v}");
    assert_eq!(log_of(&v), vec![true], "exactly one entry after the restart: {v}");
    assert_eq!(server.get(&format!("/segments/{segment}"))["segment"]["size"], 1);

    let r = server.tag(contact, &[]).unwrap();
    assert_eq!(r.status(), 200);
    let v = server.wait_contact(contact, |v| v["segments"].as_array().unwrap().is_empty());
    assert_eq!(log_of(&v), vec![true, false], "exactly one exit: {v}");
    assert_eq!(server.get(&format!("/segments/{segment}"))["segment"]["size"], 0);
    server.kill();
}

/// Killed after the contact write is acknowledged and before the segments' reader commits:
/// nothing of the transition is on disk, and the reader makes it once after the restart. (A
/// transition written outside the reader's transaction, say the log or the feed entry on its
/// own commit, is on disk without the membership here, and the restart enters the person a
/// second time.)
#[test]
fn a_kill_before_the_readers_commit_leaves_no_transition_and_the_restart_makes_one() {
    let s = setup(1);
    let (contact, segment) = with_vip_segment(&s);

    let server = Server::start(&s, Some("segments.staged"));
    // The answer races the reader's abort (the write is committed before the reader sees it).
    if let Ok(r) = server.tag(&contact, &["vip"]) {
        assert_eq!(r.status(), 200);
    }
    server.died();

    let state = offline(&s);
    let c = state.contacts.get(&contact).unwrap().unwrap();
    assert!(c.tags.iter().any(|t| t == "vip"), "the acknowledged write is on disk");
    let segs = state.segments.segments();
    assert!(!segs.is_member(&segment, &contact).unwrap(), "no membership without its commit");
    assert_eq!(segs.log_of(&contact).unwrap(), vec![], "no entry in the log without the membership");
    assert_eq!(segs.size(&segment).unwrap(), 0);
    assert_eq!(entries_on_the_feed(&state, &contact), 0, "no SegmentEntered without the membership");
    assert!(state.feed.cursor(tidings::segments::live::READER) < state.feed.last(), "the write is still to read");
    state.search.stop();
    drop(state);

    enters_once_then_exits_once(&s, &contact, &segment);
}

/// Killed right after the segments' reader commits: the membership, its log entry, the
/// `SegmentEntered` entry and the cursor are all there, once; the restart adds no second entry,
/// and a later exit is logged once.
#[test]
fn a_kill_right_after_the_readers_commit_keeps_one_transition() {
    let s = setup(1);
    let (contact, segment) = with_vip_segment(&s);

    let server = Server::start(&s, Some("segments.landed"));
    if let Ok(r) = server.tag(&contact, &["vip"]) {
        assert_eq!(r.status(), 200);
    }
    server.died();

    let state = offline(&s);
    let segs = state.segments.segments();
    assert!(segs.is_member(&segment, &contact).unwrap(), "the membership is committed");
    let log = segs.log_of(&contact).unwrap();
    assert_eq!(log.iter().map(|t| (t.segment, t.entered)).collect::<Vec<_>>(), vec![(segment, true)], "{log:?}");
    assert_eq!(segs.size(&segment).unwrap(), 1);
    assert_eq!(entries_on_the_feed(&state, &contact), 1, "its SegmentEntered, once, in the same commit");
    state.search.stop();
    drop(state);

    enters_once_then_exits_once(&s, &contact, &segment);
}

/// A build killed once its first members have landed resumes at the restart and ends ready,
/// with every contact a member and each with exactly one entry in its log.
#[test]
fn a_build_killed_half_way_resumes_and_logs_each_member_once() {
    // More contacts than one batch of the reader takes (ten thousand named), so the first
    // batch that lands leaves the build unfinished.
    const CONTACTS: usize = 12_000;
    let s = setup(CONTACTS);
    let server = Server::start(&s, Some("segments.landed"));
    let r = server
        .call(
            "POST",
            "/segments",
            Some(json!({"name": "Newsletter", "filter": {"all": [{"field": "lists", "op": "contains", "value": "news"}]}})),
        )
        .unwrap();
    assert_eq!(r.status(), 201);
    let segment: SegmentId = r.json::<Value>().unwrap()["segment"]["id"].as_str().unwrap().parse().unwrap();
    server.died();

    let state = offline(&s);
    let part = state.segments.segments().size(&segment).unwrap();
    let build = state.segments.segments().get(&segment).unwrap().unwrap().build;
    // Queued when the reader was still taking the seeded contacts' own entries (a segment not
    // built yet is kept from changes already), running once the build's walk had begun.
    assert!(matches!(build, Build::Queued | Build::Running { .. }), "{build:?}");
    assert!(part > 0 && part < CONTACTS as u64, "killed half-way: {part} members");
    state.search.stop();
    drop(state);

    let server = Server::start(&s, None);
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let v = server.get(&format!("/segments/{segment}"));
        if v["segment"]["build"]["state"] == "ready" {
            assert_eq!(v["segment"]["size"], CONTACTS, "{v}");
            break;
        }
        assert!(Instant::now() < deadline, "the build never finished: {v}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The reader's last batch is visible before its commit returns: an acknowledged write
    // after it is committed with it (a commit takes everything written before it to disk).
    let members = server.get(&format!("/segments/{segment}/members"));
    let someone = members["contacts"][0]["id"].as_str().unwrap().to_string();
    let r = server.call("PATCH", &format!("/contacts/{someone}"), Some(json!({"first_name": "Ann"}))).unwrap();
    assert_eq!(r.status(), 200);
    server.kill();

    let state = offline(&s);
    let segs = state.segments.segments();
    assert_eq!(segs.size(&segment).unwrap(), CONTACTS as u64);
    assert_eq!(segs.members(&segment, None, CONTACTS + 1).unwrap().len(), CONTACTS);
    let mut twice = Vec::new();
    for c in segs.members(&segment, None, CONTACTS).unwrap() {
        let log = segs.log_of(&c).unwrap();
        if log.len() != 1 || !log[0].entered {
            twice.push((c, log));
        }
    }
    assert!(twice.is_empty(), "{} members without exactly one entry, e.g. {:?}", twice.len(), twice.first());
    state.search.stop();
}
