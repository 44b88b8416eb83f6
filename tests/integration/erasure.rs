//! The erasure proof (issue 6, "the test that matters most"): a person who touched every
//! feature is erased, and afterwards nothing answers for their address, name or contact id,
//! no file under the data directory and nothing in a backup taken afterwards holds their
//! address or name in plaintext, an import of the address is refused, and restoring a backup
//! from before the erasure does not bring them back.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use reqwest::blocking::{multipart, Client};
use serde_json::{json, Value};
use tidings::domain::{ContactId, EmailAddress};

use crate::campaigns::{mail_config, Api};
use crate::helpers::{bare_client, csrf_of, location, spawn_app_with, TestApp, NEW_PASSWORD};
use crate::smtp_sink::{Received, SinkOptions, SmtpSink};
use crate::tracking::send_tracked_campaign;
use crate::website::{FIREFOX, SHOP};

const BROWSER: &str = "5a5a5a5a5a5a5a5a0123456789abcdef";
const EMAIL: &str = "xanthippe.quarrington@example.org";
const FIRST: &str = "Xanthippe";
const LAST: &str = "Quarrington";

fn decoded(m: &Received) -> String {
    String::from_utf8_lossy(&m.data).replace("=\r\n", "").replace("=3D", "=")
}

/// The first path in a message that starts with `prefix`.
fn path_in(m: &Received, prefix: &str) -> String {
    let text = decoded(m);
    let at = text.find(prefix).unwrap_or_else(|| panic!("no {prefix} in:\n{text}"));
    text[at..].split(|c: char| c == '"' || c.is_whitespace() || c == ')' || c == '>').next().unwrap().to_string()
}

fn collect(app: &TestApp, body: Value) {
    let r = bare_client()
        .post(format!("{}/t/collect", app.url))
        .header("origin", SHOP)
        .header("content-type", "text/plain;charset=UTF-8")
        .header("user-agent", FIREFOX)
        .body(body.to_string())
        .send()
        .unwrap();
    assert_eq!(r.status(), 204);
}

/// Uploads a CSV through the admin pages and runs the import; returns the finished batch.
pub fn import_csv(app: &TestApp, c: &Client, csv: &str) -> Value {
    let page = app.get(c, "/contacts/import").text().unwrap();
    let form = multipart::Form::new()
        .text("csrf", csrf_of(&page))
        .part("file", multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("crm.csv"));
    let r = c.post(format!("{}/contacts/import", app.url)).multipart(form).send().unwrap();
    assert_eq!(r.status(), 303);
    let id = location(&r).trim_start_matches("/contacts/import/").trim_end_matches("/map").to_string();
    let page = app.get(c, &format!("/contacts/import/{id}/map")).text().unwrap();
    let fields = [
        ("csrf", csrf_of(&page)),
        ("header", "1".into()),
        ("delimiter", ",".into()),
        ("column", "email".into()),
        ("column", "first_name".into()),
        ("column", "last_name".into()),
        ("policy", "overwrite".into()),
        ("tags", "crm".into()),
        ("basis", "consent".into()),
        ("purpose", "newsletter".into()),
        ("collected", "the shop's customer list, 2026".into()),
        ("note", String::new()),
    ];
    let r = c.post(format!("{}/contacts/import/{id}/start", app.url)).form(&fields).send().unwrap();
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let s: Value = app.get(c, &format!("/contacts/import/{id}/status")).json().unwrap();
        if s["status"] != "running" {
            return s;
        }
        assert!(Instant::now() < deadline, "import did not finish: {s}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.is_file() {
            out.push(p);
        }
    }
    out
}

pub fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

/// What a plain (unencrypted) backup archive holds, decompressed.
fn unpacked(archive: &Path) -> Vec<u8> {
    let raw = std::fs::read(archive).unwrap();
    assert_eq!(&raw[..9], b"TDGBAK1\n\0", "a plain archive");
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&raw[9..]).read_to_end(&mut out).unwrap();
    out
}

fn take_backup(app: &TestApp, token: &str) -> PathBuf {
    let r = bare_client().post(format!("{}/api/v1/backups", app.url)).bearer_auth(token).send().unwrap();
    assert_eq!(r.status(), 201);
    PathBuf::from(r.json::<Value>().unwrap()["path"].as_str().unwrap())
}

#[test]
fn erasure_leaves_nothing_of_a_person_who_used_every_feature() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        c.tracking.scanner_window_secs = 0;
        c.tracking.sites = vec![SHOP.into()];
        c.gdpr.portal_erasure_review = true;
    });
    let api = Api::new(&app);
    api.list("News");
    let admin = app.login_admin(NEW_PASSWORD);
    let dpo = app.admin_token(&["manage_gdpr", "view_personal_data", "view_contacts", "view_audit", "edit_contacts"]);
    let dpo_call = |method: reqwest::Method, path: &str, body: Option<Value>| -> (u16, Value) {
        let mut r = bare_client().request(method, format!("{}/api/v1{path}", app.url)).bearer_auth(&dpo);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let r = r.send().unwrap();
        (r.status().as_u16(), r.json().unwrap_or(Value::Null))
    };

    // 1. She browses the shop, then subscribes through a form on it, and confirms.
    collect(&app, json!({"visitor": BROWSER, "type": "page_view", "url": format!("{SHOP}/")}));
    let form = api.ok(
        "POST",
        "/forms",
        Some(
            json!({"name": "Footer", "title": "News", "lists": ["news"], "ask_first_name": true, "ask_last_name": true,
                    "purposes": ["newsletter", "engagement", "website_tracking"]}),
        ),
    );
    let form = form["form"]["id"].as_str().unwrap().to_string();
    let fields = [
        ("email", EMAIL),
        ("first_name", FIRST),
        ("last_name", LAST),
        ("consent", "newsletter:1"),
        ("consent", "engagement:1"),
        ("consent", "website_tracking:1"),
        ("tidings_visitor", BROWSER),
    ];
    let r = bare_client().post(format!("{}/f/{form}", app.url)).header("origin", SHOP).form(&fields).send().unwrap();
    assert_eq!(r.status(), 200);
    let confirm = path_in(&sink.wait_for(1)[0], "/f/confirm/");
    let r = bare_client().post(format!("{}{confirm}", app.url)).send().unwrap();
    assert!(r.status().is_success() || r.status().is_redirection(), "{}", r.status());
    let her = app.state.contacts.find_by_email(&EmailAddress::parse(EMAIL).unwrap()).unwrap().expect("subscribed");
    let id: ContactId = her.id;
    assert_eq!(her.first_name, FIRST);

    // 2. The shop imports its customer list, with her in it again.
    let s = import_csv(&app, &admin, &format!("email,first_name,last_name\n{EMAIL},{FIRST},{LAST}\n"));
    assert_eq!(s["status"], "done", "{s}");
    assert_eq!(s["created"], 0, "{s}");

    // 3. She receives a campaign, opens it, clicks through to the shop (where her visitor is
    //    linked to her), and orders; the shop's backend reports another order.
    let (campaign, got) = send_tracked_campaign(&app, &api, &sink, 2);
    let mail =
        got.iter().find(|m| m.to[0] == EMAIL && decoded(m).contains("Our sale")).expect("the campaign reached her");
    let r =
        bare_client().get(format!("{}{}", app.url, path_in(mail, "/o/"))).header("user-agent", FIREFOX).send().unwrap();
    assert_eq!(r.status(), 200);
    let r =
        bare_client().get(format!("{}{}", app.url, path_in(mail, "/c/"))).header("user-agent", FIREFOX).send().unwrap();
    assert_eq!(r.status(), 302);
    let landing = location(&r);
    let link = landing.split("_tdg=").nth(1).expect("a linking token for the landing page").to_string();
    collect(&app, json!({"visitor": BROWSER, "type": "page_view", "url": landing, "link": link}));
    collect(
        &app,
        json!({"visitor": BROWSER, "type": "order", "id": "o-77", "amount": "59.90", "currency": "EUR",
               "items": [{"sku": "SH-1", "name": "Red shoe", "quantity": 1, "price": 59.90}]}),
    );
    let events = app.admin_token(&["record_events"]);
    let r = bare_client()
        .post(format!("{}/api/v1/events", app.url))
        .bearer_auth(&events)
        .json(&json!({"events": [{"type": "order", "email": EMAIL, "id": "o-78", "amount": 12, "currency": "EUR"}]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    app.state.tracking.record_durable_blocking(Vec::new()).unwrap();
    let mine = app.state.tracking.store.events_of(&id, 50).unwrap();
    assert!(mine.iter().any(|e| e.kind == tidings::domain::EventKind::Order), "{mine:?}");
    assert!(mine.iter().any(|e| e.kind == tidings::domain::EventKind::Open), "{mine:?}");
    // A segment of shoe buyers takes her in (its build, then the feed keeps it).
    let (s, v) = dpo_call(
        reqwest::Method::POST,
        "/segments",
        Some(json!({"name": "Shoe buyers", "filter": {"all": [{"orders": {"sku": "SH-1"}}]}})),
    );
    assert_eq!(s, 201, "{v}");
    let segment: tidings::domain::SegmentId = v["segment"]["id"].as_str().unwrap().parse().unwrap();
    let started = std::time::Instant::now();
    while !app.state.segments.segments().is_member(&segment, &id).unwrap() {
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "she never entered the segment");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    // A journey she is added to waits a day with her (its run and timeline are hers).
    let marketer = crate::campaigns::Api::new(&app);
    let journey = marketer.ok(
        "POST",
        "/journeys",
        Some(json!({"name": "Later", "definition": {
            "triggers": [{"manual": true}], "start": "pause",
            "steps": {"pause": {"wait": {"days": 1, "hours": 0, "minutes": 0}, "next": "out"}, "out": {"exit": true}}
        }})),
    )["journey"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    marketer.ok("POST", &format!("/journeys/{journey}/publish"), None);
    let v = marketer.ok("POST", &format!("/journeys/{journey}/enrol"), Some(json!({"contacts": [id.to_string()]})));
    assert_eq!(v["started"], 1, "{v}");

    // 4. She asks for her data to be erased through the privacy portal (reviewed by the DPO).
    let portal = app.client();
    let r = portal.post(format!("{}/privacy", app.url)).form(&[("email", EMAIL)]).send().unwrap();
    assert_eq!(r.status(), 200);
    let open = path_in(sink.wait_for(3).iter().rfind(|m| m.to[0] == EMAIL).unwrap(), "/privacy/open/");
    assert_eq!(portal.post(format!("{}{open}", app.url)).send().unwrap().status(), 303);
    let me = app.get(&portal, "/privacy/me").text().unwrap();
    assert!(me.contains(EMAIL));
    let r = portal
        .post(format!("{}/privacy/me/erase", app.url))
        .form(&[
            ("csrf", me.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap()),
            ("confirm", "yes"),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    let (_, list) = dpo_call(reqwest::Method::GET, "/requests?state=open", None);
    let request = list["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "erasure")
        .unwrap_or_else(|| panic!("{list}"))["id"]
        .as_str()
        .unwrap()
        .to_string();

    // One of her mails came back soft once (mailbox full), and she also wrote a letter asking
    // what is held about her, which the DPO registers with its text.
    let (s, v) = dpo_call(
        reqwest::Method::POST,
        "/bounces",
        Some(
            json!({"email": EMAIL, "type": "soft", "status": "4.2.2", "diagnostic": "452 4.2.2 mailbox full", "id": "b-1"}),
        ),
    );
    assert_eq!(s, 200, "{v}");
    let (s, v) = dpo_call(
        reqwest::Method::POST,
        "/requests",
        Some(json!({"kind": "access", "channel": "letter", "email": EMAIL, "message": "What do you hold about me?"})),
    );
    assert_eq!(s, 201, "{v}");

    // Her archive holds something from every registered store that exports a person's data:
    // a store registered later without its data reaching the archive fails here. (Listed with
    // why are the stores this story cannot fill.)
    let not_in_this_story = [
        ("restrictions", "she is never restricted here (the restriction test covers it)"),
        ("portal_nonces", "a used portal link's nonce holds no record of her"),
        ("public_intake", "her sign-up and portal request were carried out moments after she sent them"),
        ("users", "the appliance's own users, not contacts"),
        ("sessions", "the appliance's own users, not contacts"),
        ("api_tokens", "the appliance's own users, not contacts"),
        ("user_preferences", "the appliance's own users, not contacts"),
        (
            "change_feed",
            "an entry is pruned once every reader has followed it (tests/integration/feed.rs exports and erases them)",
        ),
    ];
    let archive: std::collections::BTreeMap<String, usize> = app
        .state
        .store
        .export_person(&id.person())
        .unwrap()
        .into_iter()
        .map(|(tree, records)| (tree, records.len()))
        .collect();
    let missing: Vec<&str> = tidings::wiring::registry()
        .registrations
        .iter()
        .filter(|reg| {
            matches!(
                reg.holds,
                tidings::store::registry::Holds::Personal { export: Some(_), .. }
                    | tidings::store::registry::Holds::Retained { .. }
            )
        })
        .map(|reg| reg.tree)
        .filter(|tree| !not_in_this_story.iter().any(|(t, _)| t == tree))
        .filter(|tree| archive.get(*tree).is_none_or(|n| *n == 0))
        .collect();
    assert!(missing.is_empty(), "her archive has nothing from {missing:?}; it has {archive:?}");
    // Every tree this story made the appliance open is in the registry.
    let unregistered = app.state.store.unregistered_trees();
    assert!(unregistered.is_empty(), "trees missing from the personal-data registry: {unregistered:?}");

    // Before: the audit log answers for her id (under her pseudonym), and a backup is taken.
    let (_, audit) = dpo_call(reqwest::Method::GET, &format!("/audit?target=contact:{id}"), None);
    assert!(audit["entries"].as_array().unwrap().len() >= 2, "{audit}");
    let backups = app.admin_token(&["run_backups"]);
    let before = take_backup(&app, &backups);

    // (The check below can see: before the erasure, the search index holds her name.)
    assert!(walk(&app.data_dir().join("search")).iter().any(|f| holds(&std::fs::read(f).unwrap(), LAST.as_bytes())));
    let counted = app.state.tracking.store.totals(&campaign.parse().unwrap()).unwrap().0;
    assert_eq!((counted.opens, counted.unique_opens, counted.clicks, counted.orders), (1, 1, 1, 2), "{counted:?}");
    // 5. The DPO verifies her and erases.
    dpo_call(reqwest::Method::PATCH, &format!("/requests/{request}"), Some(json!({"verification": "verified"})));
    let (s, v) =
        dpo_call(reqwest::Method::POST, &format!("/requests/{request}/erase"), Some(json!({"confirm": "erase"})));
    assert_eq!(s, 200, "{v}");

    // Nothing answers for her address, her name or her id.
    let id_text = id.to_string();
    assert_eq!(api.call("GET", &format!("/contacts/{id}"), None).0, 404);
    for q in [EMAIL, FIRST, LAST, id_text.as_str()] {
        let (s, found) = api.call("GET", &format!("/contacts?q={}", urlencode(q)), None);
        assert_eq!(s, 200);
        assert_eq!(found["total"], 0, "search for {q}: {found}");
    }
    let csv = bare_client()
        .get(format!("{}/api/v1/contacts/export?format=csv", app.url))
        .bearer_auth(&dpo)
        .send()
        .unwrap()
        .text()
        .unwrap();
    for needle in [EMAIL, FIRST, LAST, id_text.as_str()] {
        assert!(!csv.contains(needle), "the export still holds {needle}");
    }
    let (_, audit) = dpo_call(reqwest::Method::GET, &format!("/audit?target=contact:{id}"), None);
    assert_eq!(audit["entries"].as_array().unwrap().len(), 0, "{audit}");
    let (_, all) = dpo_call(reqwest::Method::GET, "/audit?limit=1000", None);
    assert!(!all.to_string().contains(&id_text), "an audit entry still names her id");
    let (_, verify) = dpo_call(reqwest::Method::GET, "/audit/verify", None);
    assert_eq!(verify["intact"], true, "{verify}");
    let (_, requests) = dpo_call(reqwest::Method::GET, "/requests", None);
    assert!(!requests.to_string().contains(&id_text) && !requests.to_string().contains(EMAIL));
    assert!(app.state.store.export_person(&id.person()).unwrap().is_empty(), "a store still exports her");
    assert!(app.state.tracking.store.events_of(&id, 10).unwrap().is_empty());
    let visitor = tidings::tracking::VisitorId::parse(BROWSER).unwrap().person(app.state.store.keyring());
    assert!(app.state.tracking.website.visitor(&visitor).unwrap().is_none(), "her visitor went with her");
    // Erased (not anonymised): what she did is taken out of the campaign's and the site's
    // totals too; she was the only one doing anything.
    let campaign_totals = app.state.tracking.store.totals(&campaign.parse().unwrap()).unwrap().0;
    let site_totals = app.state.tracking.store.totals(&tidings::tracking::OVERALL).unwrap().0;
    assert_eq!(campaign_totals, tidings::tracking::Counts::default(), "{campaign_totals:?}");
    assert_eq!(site_totals, tidings::tracking::Counts::default(), "{site_totals:?}");

    // No file under the data directory holds her address or name in plaintext ...
    let after = take_backup(&app, &backups);
    app.state.store.commit().unwrap();
    let needles = [EMAIL.as_bytes(), FIRST.as_bytes(), LAST.as_bytes()];
    for f in walk(&app.data_dir()) {
        let bytes = std::fs::read(&f).unwrap();
        for n in needles {
            assert!(!holds(&bytes, n), "{} holds {}", f.display(), String::from_utf8_lossy(n));
        }
    }
    // ... nor any backup, unpacked; the one taken after the erasure not even her id.
    for archive in [&before, &after] {
        let bytes = unpacked(archive);
        for n in needles {
            assert!(!holds(&bytes, n), "{} holds {}", archive.display(), String::from_utf8_lossy(n));
        }
    }
    let bytes = unpacked(&after);
    assert!(!holds(&bytes, id_text.as_bytes()), "the later backup names her id");
    assert!(!bytes.windows(16).any(|w| w == id.as_bytes()), "a record in the later backup is keyed by her id");

    // Importing her address again is refused.
    let s = import_csv(&app, &admin, &format!("email,first_name,last_name\n{EMAIL},{FIRST},{LAST}\n"));
    assert_eq!((s["created"].as_u64(), s["suppressed"].as_u64()), (Some(0), Some(1)), "{s}");
    assert!(app.state.contacts.find_by_email(&EmailAddress::parse(EMAIL).unwrap()).unwrap().is_none());

    // Restoring the backup from before the erasure does not bring her back, and her
    // tombstone comes back with the restore.
    let restored = tempfile::tempdir().unwrap();
    let report = tidings::store::backup::restore(&tidings::store::backup::RestoreOptions {
        archive: &before,
        data_dir: restored.path(),
        key: None,
        master_key: &app.data_dir().join("master.key"),
        journal: &app.state.config.backup_dir().join("erasure-journal"),
        force: false,
        registry: tidings::wiring::registry(),
    })
    .unwrap();
    assert_eq!(report.erasures_reapplied, 1, "{report:?}");
    let store = open_restored(restored.path(), &app.data_dir().join("master.key"));
    let contacts = tidings::contacts::Contacts::open(&store).unwrap();
    let email = EmailAddress::parse(EMAIL).unwrap();
    assert!(contacts.get(&id).unwrap().is_none() && contacts.find_by_email(&email).unwrap().is_none());
    assert!(contacts.is_suppressed(&email).unwrap(), "the tombstone is re-applied");
    assert!(store.export_person(&id.person()).unwrap().is_empty());
    drop(contacts);
    drop(store);
    for f in walk(restored.path()) {
        let bytes = std::fs::read(&f).unwrap();
        for n in needles {
            assert!(!holds(&bytes, n), "restored {} holds {}", f.display(), String::from_utf8_lossy(n));
        }
    }
}

fn open_restored(dir: &Path, master_key: &Path) -> tidings::store::Store {
    let opts = tidings::store::OpenOptions {
        cache_bytes: 8 << 20,
        master_key: master_key.to_path_buf(),
        create: false,
        registry: tidings::wiring::registry(),
    };
    tidings::store::Store::open(dir, &opts).unwrap()
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
