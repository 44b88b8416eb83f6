//! CSV import: through the admin pages (upload, mapping, lawful basis, progress, report) and the
//! CLI (a real child process killed mid-import, then run again).

use std::process::Command;
use std::time::{Duration, Instant};

use tidings::contacts::ops;
use tidings::domain::{ConsentState, EmailAddress, Via};
use tidings::ops::By;

use crate::helpers::{csrf_of, location, spawn_app, NEW_PASSWORD};

fn upload(
    app: &crate::helpers::TestApp,
    c: &reqwest::blocking::Client,
    name: &str,
    body: Vec<u8>,
) -> reqwest::blocking::Response {
    let page = app.get(c, "/contacts/import").text().unwrap();
    let form = reqwest::blocking::multipart::Form::new()
        .text("csrf", csrf_of(&page))
        .part("file", reqwest::blocking::multipart::Part::bytes(body).file_name(name.to_string()));
    c.post(format!("{}/contacts/import", app.url)).multipart(form).send().unwrap()
}

fn wait_done(app: &crate::helpers::TestApp, c: &reqwest::blocking::Client, id: &str) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let s: serde_json::Value = app.get(c, &format!("/contacts/import/{id}/status")).json().unwrap();
        if s["status"] != "running" {
            return s;
        }
        assert!(Instant::now() < deadline, "import did not finish: {s}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn ui_import_maps_columns_requires_a_basis_skips_suppressed_and_reports_each_bad_row() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    let st = &app.state;
    ops::create_field(st, By::cli(), "shoe_size", "Shoe size", "number", vec![], None).unwrap();
    // An erased address on the suppression list.
    let gone = EmailAddress::parse("gone@example.com").unwrap();
    st.contacts.suppress(&gone).unwrap();
    st.store.commit().unwrap();

    let long = "x".repeat(11_000);
    let csv = format!(
        "\u{feff}E-Mail;Vorname;Nachname;Shoe size\n\
         anna@example.com;Anna;Müller;38\n\
         ben@example.com;Ben;Braun;44\n\
         not-an-email;Bad;Row;40\n\
         \"broken@example.com;Q;R;41\n\
         long@example.com;{long};L;39\n\
         type@example.com;Typ;Wrong;abc\n\
         nul@example.com;N\0ul;X;40\n\
         many@example.com;M;N;40;extra\n\
         gone@example.com;Gone;Person;42\n\
         clara@example.com;\"Clara; \"\"C\"\"\";Cruz;\n"
    );
    let r = upload(&app, &c, "shop.csv", csv.into_bytes());
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let map_url = location(&r);
    let id = map_url.trim_start_matches("/contacts/import/").trim_end_matches("/map").to_string();
    let page = app.get(&c, &map_url).text().unwrap();
    assert!(page.contains("separated by <strong>;</strong>"), "delimiter detected");
    assert!(page.contains(r#"<option value="first_name" selected>"#), "Vorname guessed as first name");
    assert!(page.contains(r#"<option value="custom.shoe_size" selected>"#), "custom field guessed by label");
    assert!(page.contains("Müller"), "preview shows the rows");

    let fields = |collected: &str| -> Vec<(&'static str, String)> {
        vec![
            ("csrf", csrf_of(&page)),
            ("header", "1".into()),
            ("delimiter", ";".into()),
            ("column", "email".into()),
            ("column", "first_name".into()),
            ("column", "last_name".into()),
            ("column", "custom.shoe_size".into()),
            ("policy", "overwrite".into()),
            ("tags", "spring-import".into()),
            ("basis", "consent".into()),
            ("purpose", "newsletter".into()),
            ("collected", collected.into()),
            ("note", String::new()),
        ]
    };
    let start = format!("{}/contacts/import/{id}/start", app.url);
    let r = c.post(&start).form(&fields("")).send().unwrap();
    assert_eq!(r.status(), 422, "no basis detail, no import");
    assert!(r.text().unwrap().contains("where and when"));
    let r = c.post(&start).form(&fields("checkout box on shop.example, 2025")).send().unwrap();
    assert_eq!(r.status(), 303);
    let s = wait_done(&app, &c, &id);
    assert_eq!(s["status"], "done", "{s}");
    assert_eq!(s["created"], 3, "{s}");
    assert_eq!(s["suppressed"], 1, "{s}");
    assert_eq!(s["invalid"], 6, "{s}");
    assert_eq!(s["rows"], 10, "{s}");

    let report = app.get(&c, &format!("/contacts/import/{id}/report")).text().unwrap();
    for (line, what) in [
        ("4,", "has no @"),
        ("5,", "broken quoting"),
        ("6,", "longer than"),
        ("7,", "is not a number"),
        ("8,", "NUL"),
        ("9,", "too many columns"),
    ] {
        assert!(report.lines().any(|l| l.starts_with(line) && l.contains(what)), "line {line} {what}:\n{report}");
    }
    assert!(!report.contains("not-an-email") && !report.contains("abc"), "the report holds no values:\n{report}");

    let anna = st.contacts.find_by_email(&EmailAddress::parse("anna@example.com").unwrap()).unwrap().unwrap();
    assert_eq!(anna.last_name, "Müller");
    assert!(anna.tags.contains("spring-import"));
    assert_eq!(anna.source_ref, format!("import:{id}"));
    let ledger = st.contacts.ledger(&anna.id).unwrap();
    assert_eq!(ledger.len(), 1);
    assert!(ledger[0].granted && ledger[0].note.contains("checkout box"));
    assert_eq!(ledger[0].via, Via::Import(id.clone()));
    let clara = st.contacts.find_by_email(&EmailAddress::parse("clara@example.com").unwrap()).unwrap().unwrap();
    assert_eq!(clara.first_name, "Clara; \"C\"", "quoted delimiter and escaped quotes");
    assert!(st.contacts.find_by_email(&gone).unwrap().is_none(), "suppressed address not imported");
    let audit = app.get(&c, "/audit?action=contacts.imported").text().unwrap();
    assert!(audit.contains(&id));
    // Imported contacts are searchable as soon as the import says done.
    let page = st
        .search
        .index
        .search(&tidings::search::ContactQuery { text: "mull".into(), limit: 10, ..Default::default() })
        .unwrap();
    assert_eq!(page.ids, vec![anna.id]);
}

#[test]
fn ui_import_refuses_other_encodings_with_a_clear_message() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    let latin1 = b"email,name\nm\xfcller@example.com,M\xfcller\n".to_vec();
    let r = upload(&app, &c, "latin1.csv", latin1);
    assert_eq!(r.status(), 303);
    let r = app.get(&c, &location(&r));
    assert_eq!(r.status(), 422);
    let body = r.text().unwrap();
    assert!(body.contains("not UTF-8") && body.contains("line 2"), "{body}");
}

fn cli(dir: &std::path::Path, file: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tidings"));
    cmd.arg("import")
        .arg(file)
        .args(["--purpose", "newsletter", "--collected", "signup form 2025", "--tag", "cli", "--data-dir"])
        .arg(dir)
        .env("TIDINGS_LOG__LEVEL", "warn");
    cmd
}

fn snapshot(dir: &std::path::Path) -> Vec<(String, String, Vec<String>, usize, bool)> {
    let config = tidings::config::Config { data_dir: dir.to_path_buf(), ..Default::default() };
    let store = tidings::store::Store::open(
        dir,
        &tidings::store::OpenOptions::from_config(&config, tidings::wiring::registry()),
    )
    .unwrap();
    let state = tidings::state::AppState::new(config, store).unwrap();
    let mut out: Vec<_> = state
        .contacts
        .iter()
        .map(|c| {
            let c = c.unwrap();
            let ledger = state.contacts.ledger(&c.id).unwrap();
            let granted = state.contacts.consent_state(&c.id).unwrap().get("newsletter").map(|s| s.0)
                == Some(ConsentState::Granted);
            (c.email.to_string(), c.first_name.clone(), c.tags.iter().cloned().collect(), ledger.len(), granted)
        })
        .collect();
    state.search.stop();
    out.sort();
    out
}

#[test]
fn an_import_killed_mid_way_and_run_again_ends_in_the_same_state() {
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("contacts.csv");
    let mut csv = String::from("email,first_name,last_name\n");
    for i in 0..6_000 {
        csv.push_str(&format!("person{i}@example.org,First{i},Last{i}\n"));
    }
    std::fs::write(&file, csv).unwrap();

    // Reference: one uninterrupted run.
    let clean = work.path().join("clean");
    assert!(cli(&clean, &file).status().unwrap().success());

    // Killed once some rows are in, then run again.
    let killed = work.path().join("killed");
    let mut child =
        cli(&killed, &file).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
    let started = Instant::now();
    // Wait until the store exists and the import has had time to commit a few chunks.
    while !killed.join("db").exists() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(600));
    let finished_early = child.try_wait().unwrap().is_some();
    child.kill().unwrap();
    child.wait().unwrap();
    let out = cli(&killed, &file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stdout);
    if !finished_early {
        assert!(report.contains("unchanged"), "{report}");
    }

    let a = snapshot(&clean);
    let b = snapshot(&killed);
    assert_eq!(a.len(), 6_000);
    assert_eq!(a, b, "same contacts, same fields, one consent grant each");
    assert!(b.iter().all(|(_, _, tags, ledger, granted)| tags == &vec!["cli".to_string()] && *ledger == 1 && *granted));

    // And out again with the CLI: a filtered NDJSON export.
    let out = work.path().join("out.ndjson");
    let status = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["export", "--format", "ndjson", "-q", "first1199", "--tag", "cli", "-o"])
        .arg(&out)
        .arg("--data-dir")
        .arg(&killed)
        .status()
        .unwrap();
    assert!(status.success());
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // first1199 only (no first11990.. in 6,000 rows); the tag filter must match too.
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines.iter().all(|l| l["email"].as_str().unwrap().starts_with("person1199")));
}

fn export_matching(dir: &std::path::Path, work: &std::path::Path, q: &str) -> Vec<serde_json::Value> {
    let out = work.join(format!("{q}.ndjson"));
    let status = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["export", "--format", "ndjson", "-q", q, "-o"])
        .arg(&out)
        .arg("--data-dir")
        .arg(dir)
        .env("TIDINGS_LOG__LEVEL", "warn")
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn an_address_named_twice_in_one_file_and_again_in_the_next_is_one_contact_indexed_as_it_ends() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("data");
    // Rows within one chunk that name the same address: the second updates what the first
    // created (as it would row by row), and the consent is granted once.
    let first = work.path().join("first.csv");
    std::fs::write(
        &first,
        "email,first_name,last_name,tags\n\
         dup@example.org,Alphonse,,one\n\
         other@example.org,Otto,,\n\
         dup@example.org,,Zweitname,two\n",
    )
    .unwrap();
    let out = cli(&dir, &first).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(report.contains("3 rows — 2 created, 1 updated, 0 unchanged"), "{report}");

    // A second import overwrites the first name; the index must drop the old words.
    let second = work.path().join("second.csv");
    std::fs::write(&second, "email,first_name\ndup@example.org,Gustavo\nother@example.org,Otto\n").unwrap();
    let out = cli(&dir, &second).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("2 rows — 0 created, 1 updated, 1 unchanged"), "{report}");

    let snap = snapshot(&dir);
    assert_eq!(snap.len(), 2);
    let dup = snap.iter().find(|s| s.0 == "dup@example.org").unwrap();
    assert_eq!(dup.1, "Gustavo");
    assert_eq!(dup.2, vec!["cli".to_string(), "one".to_string(), "two".to_string()]);
    assert_eq!((dup.3, dup.4), (1, true), "one grant in the ledger, granted");

    // Long prefixes (a range over whole words) and short ones (terms) both find the final state.
    for q in ["gusta", "gus", "zweitn", "zw"] {
        let hits = export_matching(&dir, work.path(), q);
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        assert_eq!(hits[0]["email"], "dup@example.org");
    }
    assert!(export_matching(&dir, work.path(), "alphons").is_empty(), "the overwritten name left the index");
    assert!(export_matching(&dir, work.path(), "gustavos").is_empty(), "a longer query than the word");
}

#[test]
fn a_chunk_resolved_on_two_threads_applies_every_address_s_rows_in_file_order() {
    // Large enough (>= 256 rows) that the chunk is split between two resolver threads by
    // address; each address's rows must still be applied in file order, once each.
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("data");
    let file = work.path().join("many.csv");
    let mut csv = String::from("email,first_name,last_name,tags\n");
    for i in 0..600 {
        csv.push_str(&format!("p{i}@example.org,First{i},,t{}\n", i % 3));
        if i % 100 == 50 {
            // A later row for an address seen earlier: updates, never a second contact.
            csv.push_str(&format!("p{}@example.org,Again{i},Later{i},late\n", i - 50));
        }
    }
    std::fs::write(&file, csv).unwrap();
    let out = cli(&dir, &file).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(report.contains("606 rows — 600 created, 6 updated, 0 unchanged"), "{report}");
    let snap = snapshot(&dir);
    assert_eq!(snap.len(), 600);
    assert!(snap.iter().all(|s| s.3 == 1 && s.4), "one grant in each ledger, granted");
    for i in [0, 100, 500] {
        let email = format!("p{i}@example.org");
        let s = snap.iter().find(|s| s.0 == email).unwrap();
        assert_eq!(s.1, format!("Again{}", i + 50), "the later row wins");
        assert_eq!(s.2, vec!["cli".to_string(), "late".to_string(), format!("t{}", i % 3)]);
    }
    let hits = export_matching(&dir, work.path(), "later550");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["email"], "p500@example.org");
}

// ---------------------------------------------------------------------------------------------
// Memory: whatever the file's shape, an import holds no more than one bounded line

/// The bad line of the files below: 300 MB without a line end until its last byte.
const LONG_LINE: u64 = 300 << 20;
/// How much more an import of the file with that line may take, at its peak, than one of the
/// same rows without it. Before the line reader was bounded, it took about 1 GB more.
const GROWTH_LIMIT_KB: u64 = 64 * 1024;
/// Good rows before the long line, and again after it.
const ROWS: usize = 2000;

/// A CSV made as it is read (never whole in memory): a header, [`ROWS`] rows, the long line if
/// asked (line `ROWS + 2`), and [`ROWS`] rows more.
fn generated_csv(long_line: bool) -> impl std::io::Read + Send + 'static {
    use std::io::Read;
    let rows = |from: usize| -> String {
        (from..from + ROWS).map(|i| format!("mem{i}@example.org,First{i},Last{i}\n")).collect()
    };
    let head = format!("email,first_name,last_name\n{}", rows(0));
    let (long, end) = if long_line { (LONG_LINE, "\n") } else { (0, "") };
    std::io::Cursor::new(head)
        .chain(std::io::repeat(b'x').take(long))
        .chain(std::io::Cursor::new(format!("{end}{}", rows(ROWS))))
}

/// A process's peak resident memory so far (kB).
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?.trim().trim_end_matches("kB").trim().parse().ok()
}

/// Waits for `child` to exit, noting its peak resident memory as it runs (the peak is a
/// high-water mark: the last reading before the exit holds all but its final moments).
fn wait_noting_peak(child: &mut std::process::Child) -> (std::process::ExitStatus, u64) {
    let mut peak = 0;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status, peak);
        }
        peak = peak.max(peak_kb(child.id()).unwrap_or(0));
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The bad-row report of an import with the long line: that line only, by number and length.
fn assert_long_line_reported(report: &str) {
    let bad: Vec<&str> = report.lines().skip(1).collect();
    assert_eq!(bad.len(), 1, "{report}");
    assert!(
        bad[0].starts_with(&format!("{},", ROWS + 2)) && bad[0].ends_with("the line is longer than 262144 bytes"),
        "{report}"
    );
}

#[test]
fn a_line_of_hundreds_of_megabytes_is_skipped_in_flat_memory_by_the_cli() {
    let work = tempfile::tempdir().unwrap();
    let mut peaks = Vec::new();
    for long_line in [false, true] {
        let file = work.path().join(format!("long-{long_line}.csv"));
        std::io::copy(&mut generated_csv(long_line), &mut std::fs::File::create(&file).unwrap()).unwrap();
        let (report, out) = (work.path().join(format!("report-{long_line}.csv")), work.path().join("out.txt"));
        let mut child = cli(&work.path().join(format!("data-{long_line}")), &file)
            .arg("--report")
            .arg(&report)
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let (status, peak) = wait_noting_peak(&mut child);
        let out = std::fs::read_to_string(&out).unwrap();
        assert!(status.success(), "{out}");
        let invalid = if long_line { 1 } else { 0 };
        let summary = format!("{} rows — {} created, 0 updated", 2 * ROWS + invalid, 2 * ROWS);
        assert!(out.contains(&summary) && out.contains(&format!("{invalid} invalid")), "{out}");
        if long_line {
            assert_long_line_reported(&std::fs::read_to_string(&report).unwrap());
        }
        std::fs::remove_file(&file).unwrap();
        peaks.push(peak);
    }
    let growth = peaks[1].saturating_sub(peaks[0]);
    eprintln!("CLI import peak RSS: {} kB without the long line, {} kB with it (+{growth} kB)", peaks[0], peaks[1]);
    assert!(growth < GROWTH_LIMIT_KB, "the long line cost {growth} kB: {peaks:?}");
}

/// `tidings serve` as a process of its own, so that its memory is the server's alone; killed
/// when dropped.
struct ServerProcess {
    child: std::process::Child,
    url: String,
    _dir: tempfile::TempDir,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the server and signs the first admin in; returns the server and the admin's client.
fn serve() -> (ServerProcess, reqwest::blocking::Client) {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let listen = format!("127.0.0.1:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["serve", "--listen", &listen, "--data-dir"])
        .arg(dir.path())
        .env("TIDINGS_LOG__LEVEL", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let one_time = crate::helpers::first_admin_password(dir.path());
    let server = ServerProcess { child, url: format!("https://{listen}"), _dir: dir };
    let c = crate::helpers::client_builder()
        .cookie_store(true)
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(600))
        .build()
        .unwrap();
    crate::helpers::sign_in_first_admin(&server.url, &c, &one_time, NEW_PASSWORD);
    (server, c)
}

#[test]
fn a_line_of_hundreds_of_megabytes_is_skipped_in_flat_memory_through_the_upload() {
    let (server, c) = serve();
    let url = &server.url;
    let mut peaks = Vec::new();
    for long_line in [false, true] {
        let page = c.get(format!("{url}/contacts/import")).send().unwrap().text().unwrap();
        // Streamed, chunked: the test does not hold the file either.
        let file = reqwest::blocking::multipart::Part::reader(generated_csv(long_line)).file_name("long.csv");
        let form = reqwest::blocking::multipart::Form::new().text("csrf", csrf_of(&page)).part("file", file);
        let r = c.post(format!("{url}/contacts/import")).multipart(form).send().unwrap();
        assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
        let map_url = location(&r);
        let id = map_url.trim_start_matches("/contacts/import/").trim_end_matches("/map").to_string();
        let page = c.get(format!("{url}{map_url}")).send().unwrap().text().unwrap();
        let fields = [
            ("csrf", csrf_of(&page)),
            ("header", "1".into()),
            ("delimiter", ",".into()),
            ("column", "email".into()),
            ("column", "first_name".into()),
            ("column", "last_name".into()),
            ("policy", "overwrite".into()),
            ("basis", "consent".into()),
            ("purpose", "newsletter".into()),
            ("collected", "signup form 2025".into()),
        ];
        let r = c.post(format!("{url}/contacts/import/{id}/start")).form(&fields).send().unwrap();
        assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
        let deadline = Instant::now() + Duration::from_secs(300);
        let s = loop {
            let s: serde_json::Value =
                c.get(format!("{url}/contacts/import/{id}/status")).send().unwrap().json().unwrap();
            if s["status"] != "running" {
                break s;
            }
            assert!(Instant::now() < deadline, "import did not finish: {s}");
            std::thread::sleep(Duration::from_millis(100));
        };
        let invalid = if long_line { 1 } else { 0 };
        assert_eq!((s["status"].as_str(), s["invalid"].as_u64()), (Some("done"), Some(invalid)), "{s}");
        assert!(s["bytes_total"].as_u64().unwrap() > invalid * LONG_LINE, "the whole file arrived: {s}");
        // The second run updates what the first created: every row after the line was read.
        let (created, unchanged) = if long_line { (0, 2 * ROWS) } else { (2 * ROWS, 0) };
        assert_eq!((s["created"].as_u64(), s["unchanged"].as_u64()), (Some(created as u64), Some(unchanged as u64)));
        if long_line {
            let report = c.get(format!("{url}/contacts/import/{id}/report")).send().unwrap().text().unwrap();
            assert_long_line_reported(&report);
        }
        peaks.push(peak_kb(server.child.id()).unwrap());
    }
    let growth = peaks[1].saturating_sub(peaks[0]);
    eprintln!(
        "server peak RSS: {} kB after an upload without the long line, {} kB after one with it (+{growth} kB)",
        peaks[0], peaks[1]
    );
    assert!(growth < GROWTH_LIMIT_KB, "the long line cost {growth} kB: {peaks:?}");
}

/// European dates (the format chosen for the file) and rows kept with a bad optional field left
/// empty and reported, instead of refused whole (a choice; the default refuses).
#[test]
fn day_first_dates_and_rows_kept_with_a_bad_field_left_empty() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("data");
    {
        let config = tidings::config::Config { data_dir: dir.clone(), ..Default::default() };
        let store = tidings::store::Store::open(
            &dir,
            &tidings::store::OpenOptions::from_config(&config, tidings::wiring::registry()),
        )
        .unwrap();
        let state = tidings::state::AppState::new(config, store).unwrap();
        tidings::contacts::ops::create_field(
            &state,
            tidings::ops::By::cli(),
            "birthday",
            "Birthday",
            "date",
            vec![],
            None,
        )
        .unwrap();
        state.search.stop();
    }
    let file = work.path().join("kunden.csv");
    std::fs::write(
        &file,
        "email,first_name,birthday,phone\n\
         anna@example.org,Anna,24.12.1990,\n\
         ben@example.org,Ben,03/04/1985,\n\
         cleo@example.org,Cleo,31.02.1990,\n\
         dora@example.org,Dora,01.01.1970,not a phone\n",
    )
    .unwrap();
    let report = work.path().join("report.csv");
    let out = cli(&dir, &file)
        .args(["--map", "birthday=birthday", "--date-order", "day-month-year", "--keep-bad-fields", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let config = tidings::config::Config { data_dir: dir.clone(), ..Default::default() };
    let store = tidings::store::Store::open(
        &dir,
        &tidings::store::OpenOptions::from_config(&config, tidings::wiring::registry()),
    )
    .unwrap();
    let state = tidings::state::AppState::new(config, store).unwrap();
    let birthday = |email: &str| {
        let c = state.contacts.find_by_email(&tidings::domain::EmailAddress::parse(email).unwrap()).unwrap().unwrap();
        c.custom.get("birthday").map(|v| v.to_json().to_string())
    };
    assert_eq!(birthday("anna@example.org").as_deref(), Some("\"1990-12-24\""));
    assert_eq!(birthday("ben@example.org").as_deref(), Some("\"1985-04-03\""));
    assert_eq!(birthday("cleo@example.org"), None, "an impossible date is left empty, the row kept");
    assert!(birthday("dora@example.org").is_some(), "the bad phone is left empty, the row kept");
    state.search.stop();
    let report = std::fs::read_to_string(&report).unwrap();
    assert!(report.contains("birthday") && report.contains("left empty"), "{report}");
    assert!(
        report.contains("phone") && !report.contains("not a phone"),
        "reported by column, without the value: {report}"
    );
}

/// One import records consent for several purposes (newsletter and engagement measurement),
/// each grant with its own proof; a contact that already holds one grant gets only the other;
/// a purpose ticked without its proof is refused with the form kept.
#[test]
fn an_import_grants_several_purposes_each_with_its_own_proof() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    let st = &app.state;
    let known = tidings::domain::ContactInput {
        email: Some(EmailAddress::parse("known@example.com").unwrap()),
        ..Default::default()
    };
    let kim = ops::create(st, By::cli(), &known, tidings::domain::Source::Api).unwrap();
    ops::record_consent(st, By::cli(), &kim.id, "newsletter", true, "asked at the till", None, None).unwrap();

    let csv = "email,first_name\nknown@example.com,Kim\nnew@example.com,Nora\n";
    let r = upload(&app, &c, "two.csv", csv.as_bytes().to_vec());
    assert_eq!(r.status(), 303);
    let map_url = location(&r);
    let id = map_url.trim_start_matches("/contacts/import/").trim_end_matches("/map").to_string();
    let page = app.get(&c, &map_url).text().unwrap();
    assert!(page.contains(r#"id="collected-engagement""#), "a proof box per consent purpose:\n{page}");
    let fields = |engagement_proof: &str| -> Vec<(&'static str, String)> {
        vec![
            ("csrf", csrf_of(&page)),
            ("header", "1".into()),
            ("delimiter", ",".into()),
            ("column", "email".into()),
            ("column", "first_name".into()),
            ("policy", "overwrite".into()),
            ("basis", "consent".into()),
            ("purpose", "newsletter".into()),
            ("purpose", "engagement".into()),
            ("collected_for", "newsletter".into()),
            ("collected", "newsletter box at checkout, 2025".into()),
            ("collected_for", "engagement".into()),
            ("collected", engagement_proof.into()),
            ("note", String::new()),
        ]
    };
    let start = format!("{}/contacts/import/{id}/start", app.url);
    let r = c.post(&start).form(&fields("")).send().unwrap();
    assert_eq!(r.status(), 422, "a ticked purpose without its proof");
    let body = r.text().unwrap();
    assert!(body.contains("where and when the consent to"), "{body}");
    assert!(body.contains(r#"value="newsletter box at checkout, 2025""#), "the typed proof is kept:\n{body}");
    assert!(st.contacts.find_by_email(&EmailAddress::parse("new@example.com").unwrap()).unwrap().is_none());

    let r = c.post(&start).form(&fields("measurement opt-in on the same form, 2025")).send().unwrap();
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let s = wait_done(&app, &c, &id);
    assert_eq!((s["status"].as_str(), s["created"].as_u64()), (Some("done"), Some(1)), "{s}");

    let notes = |email: &str| -> Vec<(String, String)> {
        let contact = st.contacts.find_by_email(&EmailAddress::parse(email).unwrap()).unwrap().unwrap();
        let mut out: Vec<_> = st
            .contacts
            .ledger(&contact.id)
            .unwrap()
            .into_iter()
            .filter(|e| e.granted && e.via == Via::Import(id.clone()))
            .map(|e| (e.purpose, e.note))
            .collect();
        out.sort();
        out
    };
    let both = vec![
        ("engagement".to_string(), "measurement opt-in on the same form, 2025".to_string()),
        ("newsletter".to_string(), "newsletter box at checkout, 2025".to_string()),
    ];
    assert_eq!(notes("new@example.com"), both, "a new contact gets both grants, each with its proof");
    assert_eq!(notes("known@example.com"), both[..1].to_vec(), "an existing grant is not repeated");
    let nora = st.contacts.find_by_email(&EmailAddress::parse("new@example.com").unwrap()).unwrap().unwrap();
    let held = st.contacts.consent_state(&nora.id).unwrap();
    assert_eq!(held["engagement"].0, ConsentState::Granted);
    assert_eq!(held["newsletter"].0, ConsentState::Granted);
    let batch = app.get(&c, &format!("/contacts/import/{id}")).text().unwrap();
    assert!(batch.contains("consent to “Email engagement measurement”, collected: measurement opt-in"), "{batch}");
}

#[test]
fn the_cli_grants_several_purposes_and_pairs_each_with_its_proof() {
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("c.csv");
    std::fs::write(&file, "email\nuno@example.org\ndos@example.org\n").unwrap();
    let dir = work.path().join("data");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_tidings"))
            .arg("import")
            .arg(&file)
            .args(args)
            .arg("--data-dir")
            .arg(&dir)
            .env("TIDINGS_LOG__LEVEL", "warn")
            .output()
            .unwrap()
    };
    let out = run(&["--purpose", "newsletter", "--purpose", "engagement", "--collected", "form 2025"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("each --purpose needs its own --collected"), "{err}");
    let out = run(&[
        "--purpose",
        "newsletter",
        "--collected",
        "form 2025",
        "--purpose",
        "engagement",
        "--collected",
        "tick box 2025",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let config = tidings::config::Config { data_dir: dir.clone(), ..Default::default() };
    let store = tidings::store::Store::open(
        &dir,
        &tidings::store::OpenOptions::from_config(&config, tidings::wiring::registry()),
    )
    .unwrap();
    let state = tidings::state::AppState::new(config, store).unwrap();
    for c in state.contacts.iter() {
        let c = c.unwrap();
        let mut ledger: Vec<_> =
            state.contacts.ledger(&c.id).unwrap().into_iter().map(|e| (e.purpose, e.note)).collect();
        ledger.sort();
        assert_eq!(
            ledger,
            vec![("engagement".into(), "tick box 2025".into()), ("newsletter".into(), "form 2025".into())],
            "{}",
            c.email
        );
    }
    state.search.stop();
}
