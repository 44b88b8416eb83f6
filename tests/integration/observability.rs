//! What the logs say about a request: the real binary logs to its stdout (as journald reads
//! it) and the tests read its lines. One line per request with the method, the route pattern,
//! the status, the duration, the request id and who asked, and nothing personal; a slow request
//! at warn; the operations' and the clock's spans under the same subscriber; `X-Request-Id`
//! kept when it is a safe token and replaced when it is not.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tidings::state::AppState;

use crate::helpers::*;

/// A `tidings serve` child whose stdout (its log) is kept line by line.
struct Logged {
    child: Child,
    url: String,
    lines: Arc<Mutex<Vec<String>>>,
    _dir: tempfile::TempDir,
}

impl Logged {
    /// Serves a fresh data directory with `config` (plain HTTP on loopback) after `prepare` has
    /// written to its store offline.
    fn start(config: &str, prepare: impl FnOnce(&AppState)) -> Logged {
        let dir = tempfile::tempdir().unwrap();
        let config_file = dir.path().join("config.toml");
        std::fs::write(
            &config_file,
            format!("hostname = \"news.example.com\"\n[jobs]\nbackup = \"\"\nsession_cleanup = \"\"\n[tls]\nmode = \"off\"\n{config}"),
        )
        .unwrap();
        {
            let state = crate::helpers::offline_state(dir.path(), &config_file);
            prepare(&state);
            state.search.stop();
            state.clock.stop();
        }
        let port = free_port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
            .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
            .arg(dir.path())
            .arg("--config")
            .arg(&config_file)
            .env_remove("RUST_LOG")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let (out, kept) = (child.stdout.take().unwrap(), lines.clone());
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                kept.lock().unwrap().push(line);
            }
        });
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(60);
        while bare_client().get(format!("{url}/healthz")).send().is_err() {
            assert!(Instant::now() < deadline, "the server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Logged { child, url, lines, _dir: dir }
    }

    /// The first line `want` accepts, waiting for it a while (a line is written as the response
    /// goes out, so it may trail the response by a moment).
    fn line(&self, what: &str, want: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(l) = self.lines.lock().unwrap().iter().find(|l| want(l)) {
                return l.clone();
            }
            assert!(Instant::now() < deadline, "no log line {what}; the log:\n{}", self.log());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The JSON line of the request whose `X-Request-Id` answer was `id`.
    fn request_line(&self, id: &str) -> Value {
        let line = self.line(&format!("for request {id}"), |l| {
            parse(l).is_some_and(|v| v["fields"]["message"] == "request" && v["fields"]["request_id"] == id)
        });
        parse(&line).unwrap()
    }

    fn log(&self) -> String {
        self.lines.lock().unwrap().join("\n")
    }
}

impl Drop for Logged {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn parse(line: &str) -> Option<Value> {
    serde_json::from_str(line).ok()
}

/// The first owner and a token of theirs, made offline: (owner's id, token's id, secret).
fn owner_token(state: &AppState) -> (String, String, String) {
    let owner = tidings::ops::bootstrap_owner(state).unwrap().unwrap().user;
    let scopes = ["view_contacts", "edit_contacts", "view_personal_data"].iter().map(|s| s.parse().unwrap()).collect();
    let (token, secret) = state.tokens.create(owner.id, "logs", scopes, None).unwrap();
    (owner.id.to_string(), token.id.to_string(), secret)
}

fn request_id(r: &reqwest::blocking::Response) -> String {
    r.headers().get("x-request-id").expect("X-Request-Id on every response").to_str().unwrap().to_string()
}

const EMAIL: &str = "ada.lovelace@example.org";
const AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64) SecretBrowser/99";

#[test]
fn a_requests_log_line_names_its_route_pattern_status_duration_id_and_caller_and_nothing_personal() {
    let who = Arc::new(Mutex::new(None));
    let w = who.clone();
    // No request here is slow, however busy the machine: the levels are the status's.
    let app = Logged::start("[log]\nformat = \"json\"\nslow_request_ms = 60000\n", move |s| {
        *w.lock().unwrap() = Some(owner_token(s))
    });
    let (owner, token_id, secret) = who.lock().unwrap().take().unwrap();
    let c = bare_client();

    let r = c
        .post(format!("{}/api/v1/contacts", app.url))
        .bearer_auth(&secret)
        .header("user-agent", AGENT)
        .json(&json!({ "email": EMAIL, "first_name": "Ada" }))
        .send()
        .unwrap();
    assert_eq!(r.status(), 201);
    let created_id = request_id(&r);
    let contact = r.json::<Value>().unwrap()["id"].as_str().unwrap().to_string();

    let r = c
        .get(format!("{}/api/v1/contacts/{contact}?include=ledger", app.url))
        .bearer_auth(&secret)
        .header("user-agent", AGENT)
        .header("x-request-id", "proxy-7f3a.42_B")
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(request_id(&r), "proxy-7f3a.42_B", "a safe id from a proxy is kept");

    let line = app.request_line("proxy-7f3a.42_B");
    let f = &line["fields"];
    assert_eq!(line["level"], "INFO", "{line}");
    assert_eq!(f["method"], "GET");
    assert_eq!(f["route"], "/api/v1/contacts/{id}", "the pattern, not the path: {line}");
    assert_eq!(f["status"], 200);
    assert!(f["duration_ms"].as_f64().is_some_and(|d| d >= 0.0), "{line}");
    assert_eq!(f["user_id"], owner.as_str(), "the token's owner: {line}");
    assert_eq!(f["token_id"], token_id.as_str(), "{line}");

    let created = app.request_line(&created_id);
    assert_eq!(created_id.len(), 16, "a new id when none was sent");
    assert_eq!(
        (&created["fields"]["method"], &created["fields"]["route"], &created["fields"]["status"]),
        (&json!("POST"), &json!("/api/v1/contacts"), &json!(201))
    );

    // A 404 is the client's doing: logged at info like the rest, with the route it missed.
    let r = c.get(format!("{}/api/v1/contacts/{}", app.url, uuid::Uuid::now_v7())).bearer_auth(&secret).send().unwrap();
    assert_eq!(r.status(), 404);
    let missing = app.request_line(&request_id(&r));
    assert_eq!((&missing["level"], &missing["fields"]["route"]), (&json!("INFO"), &json!("/api/v1/contacts/{id}")));
    // No route matched: no path either.
    let r = c.get(format!("{}/no/such/{EMAIL}", app.url)).send().unwrap();
    assert_eq!(r.status(), 404);
    let unmatched = app.request_line(&request_id(&r));
    assert_eq!(unmatched["fields"]["route"], "unmatched", "{unmatched}");

    // A tracking pixel is logged at debug only (a campaign's opens would flood the journal):
    // its line would have come before the next request's.
    let r = c.get(format!("{}/o/not-a-token", app.url)).send().unwrap();
    let pixel = request_id(&r);
    let r = c.get(format!("{}/login", app.url)).send().unwrap();
    app.request_line(&request_id(&r));
    assert!(!app.log().contains(&pixel), "a pixel hit logged at info:\n{}", app.log());

    // Nothing personal in any request's line (nor in its span's fields): no address, no
    // contact id, no client address, no user agent, no query string.
    for line in app.lines.lock().unwrap().iter().filter(|l| l.contains("\"request")) {
        for secret in [EMAIL, "ada.lovelace", &contact, "127.0.0.1", "SecretBrowser", "include=ledger", "/no/such"] {
            assert!(!line.contains(secret), "`{secret}` in a request's log line: {line}");
        }
    }
    // Nor anywhere in the log: the address, the contact's id (the audit's line names a
    // pseudonym), the user agent.
    let log = app.log();
    for secret in [EMAIL, "ada.lovelace", &contact, "SecretBrowser"] {
        assert!(!log.contains(secret), "`{secret}` in the log:\n{log}");
    }
}

#[test]
fn a_slow_request_is_logged_at_warn_with_its_route_pattern_and_duration_in_the_text_format() {
    // Every request is slow past 1 ms; a sign-in, which hashes a password, certainly is.
    let app = Logged::start("[log]\nformat = \"text\"\nslow_request_ms = 1\n", |_| {});
    let c = client_builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let page = c.get(format!("{}/login", app.url)).send().unwrap().text().unwrap();
    let r = c
        .post(format!("{}/login", app.url))
        .form(&[("csrf", csrf_of(&page).as_str()), ("username", "admin"), ("password", "not the password at all")])
        .send()
        .unwrap();
    let id = request_id(&r);
    let line = app.line("for the slow sign-in", |l| {
        l.contains("tidings::http::observe") && l.contains(&format!("request_id=\"{id}\""))
    });
    assert!(line.contains(" WARN "), "{line}");
    assert!(line.contains("slow request"), "{line}");
    assert!(line.contains("method=\"POST\""), "{line}");
    assert!(line.contains("route=\"/login\""), "{line}");
    assert!(line.contains(&format!("status={}", r.status().as_u16())), "{line}");
    let ms: f64 = line.split("duration_ms=").nth(1).and_then(|s| s.split(' ').next()).unwrap().parse().unwrap();
    assert!(ms > 1.0, "{line}");
}

#[test]
fn the_operations_and_the_clocks_spans_show_under_the_same_subscriber() {
    let who = Arc::new(Mutex::new(None));
    let w = who.clone();
    let app = Logged::start("[log]\nformat = \"json\"\nspan_times = true\n", move |s| {
        *w.lock().unwrap() = Some(owner_token(s));
        // An hourly job's run that fell due while the appliance was down runs at start.
        let due = chrono::Utc::now() - chrono::Duration::hours(2);
        s.clock.set("job", "list_growth", due, b"0 * * * *").unwrap();
    });
    let (_, _, secret) = who.lock().unwrap().take().unwrap();
    let r = bare_client()
        .post(format!("{}/api/v1/contacts", app.url))
        .bearer_auth(&secret)
        .json(&json!({ "email": EMAIL }))
        .send()
        .unwrap();
    assert_eq!(r.status(), 201);
    let id = request_id(&r);

    // The operation's span ends inside the request's, which names it.
    let closed = |name: &'static str| {
        let id = id.clone();
        move |l: &str| {
            parse(l).is_some_and(|v| {
                v["fields"]["message"] == "close"
                    && v["span"]["name"] == name
                    && (name == "timer" || [&v["span"], &v["spans"][0]].iter().any(|s| s["request_id"] == id.as_str()))
            })
        }
    };
    let op = parse(&app.line("closing contact_create", closed("contact_create"))).unwrap();
    let spans = op["spans"].as_array().unwrap();
    assert_eq!(spans[0]["name"], "request", "{op}");
    assert_eq!(spans[0]["request_id"], id.as_str(), "{op}");
    assert_eq!(spans[0]["route"], Value::Null, "recorded when the response starts: {op}");
    assert_eq!(op["span"]["source"], "api", "{op}");
    assert!(op["fields"]["time.busy"].is_string(), "{op}");
    let request = parse(&app.line("closing the request", closed("request"))).unwrap();
    assert_eq!(request["span"]["route"], "/api/v1/contacts", "{request}");
    assert_eq!(request["span"]["status"], 201, "{request}");

    // The clock's timer fires the missed job, its line inside the timer's span.
    let job = parse(&app.line("from the list growth job", |l| {
        parse(l).is_some_and(|v| v["fields"]["job"] == "list_growth" && v["span"]["name"] == "timer")
    }))
    .unwrap();
    assert_eq!((&job["span"]["kind"], &job["span"]["key"]), (&json!("job"), &json!("list_growth")), "{job}");
    app.line("closing the timer", closed("timer"));
}

#[test]
fn x_request_id_is_echoed_when_safe_and_replaced_when_not() {
    let app = spawn_app();
    let c = app.client();
    let sent = |id: Option<&str>| {
        let mut req = c.get(format!("{}/login", app.url));
        if let Some(id) = id {
            req = req.header("x-request-id", id);
        }
        let r = req.send().unwrap();
        assert_eq!(r.status(), 200);
        request_id(&r)
    };
    for safe in ["abc", "0f8fad5b-d9cb-469f-a165-70867728950e", "req_1.2-3", &"x".repeat(64)] {
        assert_eq!(sent(Some(safe)), safe);
    }
    let fresh = |id: &str| id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit());
    for unsafe_id in ["a b", "ada@example.org", "a=b;c", "<script>", "a/b", &"x".repeat(65), ""] {
        let got = sent(Some(unsafe_id));
        assert!(got != unsafe_id && fresh(&got), "`{unsafe_id}` answered with `{got}`");
    }
    let (a, b) = (sent(None), sent(None));
    assert!(fresh(&a) && fresh(&b) && a != b, "{a} {b}");
    // Refusals made before any handler runs carry one too.
    let r = c.get(format!("{}/login?{}", app.url, "q".repeat(9000))).send().unwrap();
    assert_eq!(r.status(), 414);
    assert!(fresh(&request_id(&r)));
}

/// What a Postfix relay answers for a mailbox it does not know: it quotes the address.
fn refuse_ada(rcpt: &str) -> Option<&'static str> {
    rcpt.contains(EMAIL).then_some("550 5.1.1 <ada.lovelace@example.org>: Recipient address rejected: User unknown")
}

#[test]
fn a_relays_refusal_is_logged_with_its_words_and_without_the_address_it_quotes() {
    let sink = crate::smtp_sink::SmtpSink::start(crate::smtp_sink::SinkOptions {
        rcpt_reply: refuse_ada,
        ..Default::default()
    });
    let who = Arc::new(Mutex::new(None));
    let w = who.clone();
    let config = format!(
        "[log]\nformat = \"json\"\n[mail]\nfrom = \"news@example.com\"\n[[mail.relays]]\nname = \"sink\"\n\
         host = \"127.0.0.1\"\nport = {}\ntls = \"none\"\n",
        sink.port()
    );
    let app = Logged::start(&config, move |s| {
        let owner = tidings::ops::bootstrap_owner(s).unwrap().unwrap().user;
        let scopes = ["send_campaigns"].iter().map(|s| s.parse().unwrap()).collect();
        *w.lock().unwrap() = Some(s.tokens.create(owner.id, "mail", scopes, None).unwrap().1);
    });
    let secret = who.lock().unwrap().take().unwrap();
    let r = bare_client()
        .post(format!("{}/api/v1/messages", app.url))
        .bearer_auth(&secret)
        .json(&json!({ "template": "confirm-subscription", "to": EMAIL, "data": { "confirm_url": "https://news.example.com/f/confirm/x" } }))
        .send()
        .unwrap();
    assert_eq!(r.status(), 202, "{}", r.text().unwrap());
    let line = app.line("for the refused message", |l| l.contains("transactional message not delivered"));
    let line = parse(&line).unwrap();
    let error = line["fields"]["error"].as_str().unwrap();
    assert!(error.contains("550 5.1.1 <a•••@example.org>: Recipient address rejected"), "{line}");
    // The message's id has a field of its own, not the line's message.
    assert_eq!(line["fields"]["message"], "transactional message not delivered", "{line}");
    assert!(line["fields"]["message_id"].is_string(), "{line}");
    let log = app.log();
    assert!(!log.contains("ada.lovelace"), "the address in the log:\n{log}");
}
