//! The change feed over a real sled directory: entries appended in the change's own
//! transaction, two readers at different speeds, pruning at the slowest, erasure of a person's
//! entries, and a kill -9 in the middle of a stream of writes (the test binary re-runs itself as
//! the writer, and the test kills it).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tidings::domain::{Change, ContactId};
use tidings::feed::{Applied, Entry, Feed, Reader};
use tidings::store::{OpenOptions, Store, Writes};

fn open(dir: &std::path::Path) -> Store {
    Store::open(
        dir,
        &OpenOptions {
            cache_bytes: 8 << 20,
            master_key: dir.join("master.key"),
            create: true,
            registry: tidings::wiring::registry(),
        },
    )
    .unwrap()
}

/// A tree the test writes its "changes" to (any registered tree will do: the feed does not care
/// which tree a change lands in).
const TREE: &str = "settings";

struct Recorder {
    name: &'static str,
    seen: Mutex<Vec<Entry>>,
    pause: Duration,
    fail_first: AtomicUsize,
}

impl Recorder {
    fn new(name: &'static str, pause: Duration) -> Arc<Self> {
        Arc::new(Self { name, seen: Mutex::new(Vec::new()), pause, fail_first: AtomicUsize::new(0) })
    }
    fn seqs(&self) -> Vec<u64> {
        self.seen.lock().unwrap().iter().map(|e| e.seq).collect()
    }
}

impl Reader for Recorder {
    fn name(&self) -> &'static str {
        self.name
    }
    fn apply(&self, entries: &[Entry]) -> Result<Applied, String> {
        std::thread::sleep(self.pause);
        if self.fail_first.load(Ordering::SeqCst) > 0 {
            self.fail_first.fetch_sub(1, Ordering::SeqCst);
            return Err("not now".into());
        }
        self.seen.lock().unwrap().extend_from_slice(entries);
        Ok(Applied::default())
    }
}

#[test]
fn a_change_and_its_entry_are_written_together_and_read_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = Feed::open(&store).unwrap();
    let tree = store.tree(TREE).unwrap();
    let (a, b) = (ContactId::new(), ContactId::new());
    let mut w = Writes::new();
    w.put(&tree, "a", "1");
    let first = feed.record(w, &[Change::ContactCreated(a)]).unwrap();
    let mut w = Writes::new();
    w.put(&tree, "b", "2").remove(&tree, "a");
    let second = feed
        .record(
            w,
            &[Change::ContactUpdated(b), Change::ConsentChanged { contact: b, purpose: "news".into(), granted: true }],
        )
        .unwrap();
    assert!(second > first);
    assert_eq!(tree.get("a").unwrap(), None);
    assert_eq!(tree.get("b").unwrap().as_deref(), Some(&b"2"[..]));
    let all = feed.read(0, 10).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].change, Change::ContactCreated(a));
    assert_eq!(all[2].seq, second);
    assert!(all.windows(2).all(|w| w[0].seq < w[1].seq), "in sequence order");
    assert_eq!(feed.read(all[0].seq, 10).unwrap().len(), 2, "after a cursor");

    // Appended but not announced: readers do not see it, nor anything after it.
    let pending = feed.append(Writes::new(), &[Change::ContactUpdated(a)]).unwrap();
    feed.record(Writes::new(), &[Change::ContactUpdated(b)]).unwrap();
    assert_eq!(feed.read(second, 10).unwrap(), vec![], "held back by the one in flight");
    store.commit().unwrap();
    pending.announce();
    assert_eq!(feed.read(second, 10).unwrap().len(), 2);
}

#[test]
fn two_readers_at_their_own_speed_each_see_everything_once_and_pruning_waits_for_the_slowest() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = Feed::open(&store).unwrap();
    let tree = store.tree(TREE).unwrap();
    let fast = Recorder::new("fast", Duration::ZERO);
    let slow = Recorder::new("slow", Duration::from_millis(30));
    slow.fail_first.store(1, Ordering::SeqCst);
    let stop = Arc::new(AtomicBool::new(false));
    // Both registered before the first entry: pruning must wait for each.
    feed.register("slow");
    let h1 = feed.follow(fast.clone(), 7, stop.clone());
    let mut last = 0;
    for i in 0..60u32 {
        let mut w = Writes::new();
        w.put(&tree, &i.to_be_bytes(), "x");
        last = feed.record(w, &[Change::ContactUpdated(ContactId::new())]).unwrap();
    }
    assert!(feed.wait_for("fast", last, Duration::from_secs(10)));
    assert_eq!(fast.seqs().len(), 60);
    assert!(feed.len() == 60, "nothing pruned while the slow reader has read nothing: {}", feed.len());
    let h2 = feed.follow(slow.clone(), 5, stop.clone());
    assert!(feed.wait_for("slow", last, Duration::from_secs(30)));
    let (f, s) = (fast.seqs(), slow.seqs());
    assert_eq!(f, s, "the same entries in the same order, the failed batch retried");
    assert_eq!(s.len(), 60);
    assert_eq!(feed.len(), 0, "pruned once both passed");
    stop.store(true, Ordering::SeqCst);
    h1.join().unwrap();
    h2.join().unwrap();

    // The cursors are durable: reopened, each reader goes on from where it was.
    drop((feed, tree, store));
    let store = open(dir.path());
    let feed = Feed::open(&store).unwrap();
    assert_eq!(feed.cursor("fast"), last);
    assert_eq!(feed.cursor("slow"), last);
    let next = feed.record(Writes::new(), &[Change::ContactUpdated(ContactId::new())]).unwrap();
    assert!(next > last, "numbers keep growing across a restart");
    assert_eq!(feed.read(feed.cursor("fast"), 10).unwrap().len(), 1);
}

#[test]
fn erasure_removes_a_person_s_entries_and_keeps_the_others_of_an_import_chunk() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = Feed::open(&store).unwrap();
    let (a, b) = (ContactId::new(), ContactId::new());
    feed.record(Writes::new(), &[Change::ContactsImported(vec![(a, true), (b, true)])]).unwrap();
    feed.record(Writes::new(), &[Change::ConsentChanged { contact: a, purpose: "news".into(), granted: true }])
        .unwrap();
    feed.record(Writes::new(), &[Change::ContactUpdated(b)]).unwrap();
    let exported = store.export_person(&a.person()).unwrap();
    let mine = exported.iter().find(|(tree, _)| tree == tidings::feed::ENTRIES).map(|(_, v)| v.len());
    assert_eq!(mine, Some(2), "{exported:?}");
    store.erase_person(&a.person()).unwrap();
    store.commit().unwrap();
    let left: Vec<Change> = feed.read(0, 10).unwrap().into_iter().map(|e| e.change).collect();
    assert_eq!(left, vec![Change::ContactsImported(vec![(b, true)]), Change::ContactUpdated(b)]);
    let exported = store.export_person(&a.person()).unwrap();
    assert!(exported.iter().all(|(tree, v)| tree != tidings::feed::ENTRIES || v.is_empty()), "{exported:?}");
}

/// The writer the kill test runs as a child: each write puts `n` in the test tree and appends a
/// change naming contact `n` in one transaction, and commits.
#[test]
fn feed_writer_child() {
    let Ok(dir) = std::env::var("TIDINGS_FEED_CHILD") else { return };
    let store = open(std::path::Path::new(&dir));
    let feed = Feed::open(&store).unwrap();
    let tree = store.tree(TREE).unwrap();
    for n in 0u64.. {
        let mut w = Writes::new();
        let contact = ContactId::new();
        w.put(&tree, contact.as_bytes().to_vec(), &n.to_be_bytes());
        // Half are committed one by one, half left to the next commit: a kill lands anywhere.
        let appended = feed.append(w, &[Change::ContactCreated(contact)]).unwrap();
        if n % 2 == 0 {
            store.commit().unwrap();
        }
        appended.announce();
        if n == 200 {
            println!("writing");
        }
    }
}

/// An append that fails half-way (its change staged, its entry not): nothing of it lands, and
/// the store goes on.
#[test]
fn an_append_that_fails_half_way_leaves_neither_the_change_nor_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(&exe)
        .args(["--exact", "feed::failing_append_child", "--nocapture", "--test-threads=1"])
        .env("TIDINGS_FEED_CHILD", dir.path())
        .env("TIDINGS_FAULT", "store.fail_mid_apply")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let store = open(dir.path());
    let feed = Feed::open(&store).unwrap();
    assert_eq!(store.tree(TREE).unwrap().len(), 0, "the change did not land without its entry");
    assert_eq!(feed.read(0, 10).unwrap(), vec![]);
}

#[test]
fn failing_append_child() {
    let Ok(dir) = std::env::var("TIDINGS_FEED_CHILD") else { return };
    let store = open(std::path::Path::new(&dir));
    let feed = Feed::open(&store).unwrap();
    let tree = store.tree(TREE).unwrap();
    let mut w = Writes::new();
    w.put(&tree, "changed", "yes");
    assert!(feed.append(w, &[Change::ContactCreated(ContactId::new())]).is_err());
    store.commit().unwrap();
}

#[test]
fn after_kill_9_no_change_is_without_its_entry_and_no_entry_without_its_change() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    for round in 0..4 {
        let mut child = std::process::Command::new(&exe)
            .args(["--exact", "feed::feed_writer_child", "--nocapture", "--test-threads=1"])
            .env("TIDINGS_FEED_CHILD", dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Until it writes, then a little longer: a different moment in each round.
        let mut out = child.stdout.take().unwrap();
        let mut buf = [0u8; 256];
        let mut seen = String::new();
        while !seen.contains("writing") {
            let n = std::io::Read::read(&mut out, &mut buf).unwrap();
            assert!(n > 0, "the writer stopped before writing");
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        std::thread::sleep(Duration::from_millis(37 * (round + 1)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let store = open(dir.path());
        let feed = Feed::open(&store).unwrap();
        let tree = store.tree(TREE).unwrap();
        let written: std::collections::BTreeSet<Vec<u8>> = tree.iter().keys().map(|k| k.unwrap().to_vec()).collect();
        let logged: std::collections::BTreeSet<Vec<u8>> = feed
            .read(0, usize::MAX)
            .unwrap()
            .into_iter()
            .map(|e| match e.change {
                Change::ContactCreated(c) => c.as_bytes().to_vec(),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert!(written.len() > 200 * (round + 1) as usize, "round {round}: {} written", written.len());
        let (unlogged, unwritten) = (written.difference(&logged).count(), logged.difference(&written).count());
        assert_eq!(
            (unlogged, unwritten),
            (0, 0),
            "round {round}: changes without their entry, entries without their change (of {})",
            written.len()
        );
        drop((feed, tree, store));
    }
}

/// A writer that logs ahead of its writes (an import chunk) holds readers back until it
/// announces: a later change another thread announced first stays unread until then, and
/// announcing a change also clears the same writer's earlier ones.
#[test]
fn readers_never_read_past_a_change_logged_ahead_and_not_announced() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = Feed::open(&store).unwrap();
    let one = || Change::ContactsImported(vec![(ContactId::new(), true)]);
    let a = feed.log_ahead(&[one()]).unwrap();
    let b = {
        let (feed, change) = (feed.clone(), one());
        std::thread::spawn(move || {
            let b = feed.log_ahead(&[change]).unwrap();
            feed.announce_mine(b);
            b
        })
        .join()
        .unwrap()
    };
    assert!(b > a);
    assert_eq!(feed.last(), a - 1, "not past `a`, still in flight");
    assert!(feed.read(0, 10).unwrap().is_empty());
    feed.announce_mine(a);
    assert_eq!(feed.last(), b);
    assert_eq!(feed.read(0, 10).unwrap().iter().map(|e| e.seq).collect::<Vec<_>>(), vec![a, b]);
    let _c = feed.log_ahead(&[one()]).unwrap();
    let d = feed.log_ahead(&[one()]).unwrap();
    assert_eq!(feed.last(), b);
    feed.announce_mine(d);
    assert_eq!(feed.last(), d);
}

/// Counts entries into a tree of its own through the writes it returns; the first time, its
/// writes carry a guard that fails (as a racing writer or a failing disk would make the
/// transaction fail), so neither its counts nor its cursor may land.
struct Tally {
    tree: sled::Tree,
    fail_once: AtomicBool,
}

impl Reader for Tally {
    fn name(&self) -> &'static str {
        "tally"
    }
    fn apply(&self, entries: &[Entry]) -> Result<Applied, String> {
        let was = self.tree.get("n").unwrap().map_or(0, |v| u64::from_be_bytes(v.as_ref().try_into().unwrap()));
        let mut w = Writes::new();
        let n = (was + entries.len() as u64).to_be_bytes();
        if self.fail_once.swap(false, Ordering::SeqCst) {
            w.put_expecting(&self.tree, "n", Some(b"not what is there".as_slice().into()), n.to_vec());
        } else {
            w.put(&self.tree, "n", n.to_vec());
        }
        Ok(w.into())
    }
}

/// A reader's writes and its cursor land in one transaction: when it fails, neither moved and
/// the batch comes again, so every entry is counted exactly once.
#[test]
fn a_reader_s_writes_and_its_cursor_land_together() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = Feed::open(&store).unwrap();
    let tree = store.tree("campaign_outcomes").unwrap();
    let tally = Arc::new(Tally { tree: tree.clone(), fail_once: AtomicBool::new(true) });
    feed.register("tally");
    let mut last = 0;
    for _ in 0..25 {
        last = feed.record(Writes::new(), &[Change::ContactUpdated(ContactId::new())]).unwrap();
    }
    feed.start(tally, 10);
    assert!(feed.wait_for("tally", last, Duration::from_secs(10)), "the reader caught up after its failed batch");
    let n = tree.get("n").unwrap().map(|v| u64::from_be_bytes(v.as_ref().try_into().unwrap()));
    assert_eq!(n, Some(25), "each entry counted once");
    assert_eq!(feed.len(), 0, "pruned behind the only reader");
    feed.stop();
}

/// In the application: a contact's tracked events are one entry per writer batch naming each
/// event, the search index and the report counters follow the feed and prune it behind them,
/// and erasing the contact leaves only the entry saying they were erased (an id) until the
/// readers have followed it.
#[test]
fn the_application_s_events_and_erasure_on_the_feed() {
    use tidings::domain::{Event, EventKind};
    use tidings::tracking::Record;
    let app = crate::helpers::spawn_app();
    let st = &app.state;
    let api = crate::campaigns::Api::new(&app);
    api.list("news");
    let id: ContactId =
        crate::tracking::contact_with(&api, "ev@example.org", &["newsletter", "website_tracking"]).parse().unwrap();
    // Everything so far is followed by both readers, and pruned.
    let last = st.feed.last();
    assert!(st.feed.wait_for(tidings::search::READER, last, Duration::from_secs(10)));
    assert!(st.feed.catch_up(tidings::reports::outcomes::READER, Duration::from_secs(10)));
    st.feed.register("witness");
    let kept = st.feed.len();

    let mut order = Event::new(EventKind::Order, chrono::Utc::now(), "api");
    order.amount_cents = Some(4200);
    let viewed = Event::new(EventKind::Custom, chrono::Utc::now(), "api");
    let ids = [order.id, viewed.id];
    let records = [order, viewed].map(|event| Record { contact: Some(id), event, link: None });
    st.tracking.record_durable_blocking(records.to_vec()).unwrap();
    let entries = st.feed.read(last, 100).unwrap();
    let recorded: Vec<_> = entries
        .iter()
        .filter_map(|e| match &e.change {
            Change::EventsRecorded(all) => Some(all.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(recorded.iter().map(|r| (r.contact, r.event)).collect::<Vec<_>>(), vec![(id, ids[0]), (id, ids[1])]);
    assert!(recorded.iter().all(|r| r.human));
    assert!(st.feed.len() > kept, "the witness holds the new entries");

    // Erasure: the person's entries go, but the one saying they were erased stays.
    tidings::gdpr::erasure::remove(st, &id, tidings::gdpr::erasure::Mode::Erase, true).unwrap();
    let about: Vec<&str> = st
        .feed
        .read(0, 10_000)
        .unwrap()
        .iter()
        .filter(|e| e.change.contacts().contains(&id))
        .map(|e| e.change.kind())
        .collect();
    assert_eq!(about, ["contact_erased"], "only the erasure's own entry is left about them");
}
