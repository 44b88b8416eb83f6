//! Bounces and complaints: the generic JSON webhook, Mailgun's signed webhook, VERP, the IMAP
//! mailbox poller against a real IMAP server on loopback (implicit TLS with a test CA), the
//! `tidings bounces poll` command, Settings -> Email, and erasure of bounce records.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use reqwest::blocking::Client;
use serde_json::{json, Value};
use sha2::Sha256;
use tidings::domain::{ContactId, Status};
use tidings::mail::bounce;

use crate::helpers::*;

// ---------------------------------------------------------------------------------------------
// A small IMAP server: LOGIN, SELECT, FETCH (UID RFC822.SIZE or BODY[]), UID FETCH (BODY[] with
// a partial range), UID STORE, EXPUNGE, LOGOUT, over plain TCP or implicit TLS. Enough for the
// poller; it speaks the real protocol over a real socket, and notes the most message bytes it
// sent in one answer.

#[derive(Clone)]
struct StoredMail {
    uid: u32,
    body: Vec<u8>,
    deleted: bool,
}

type Mails = Arc<Mutex<Vec<StoredMail>>>;

struct ImapServer {
    addr: SocketAddr,
    mails: Mails,
    ca_pem: String,
    /// The largest message body sent in one FETCH answer.
    largest_sent: Arc<std::sync::atomic::AtomicUsize>,
}

impl ImapServer {
    fn start(tls: bool, user: &'static str, password: &'static str) -> ImapServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let (ca_pem, config) = crate::smtp_sink::test_pki();
        let mails: Mails = Arc::default();
        let largest_sent: Arc<std::sync::atomic::AtomicUsize> = Arc::default();
        let (store, largest) = (mails.clone(), largest_sent.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (store, config, largest) = (store.clone(), config.clone(), largest.clone());
                std::thread::spawn(move || {
                    let _ = if tls {
                        let conn = rustls::ServerConnection::new(config).unwrap();
                        imap_session(rustls::StreamOwned::new(conn, stream), &store, user, password, &largest)
                    } else {
                        imap_session(stream, &store, user, password, &largest)
                    };
                });
            }
        });
        ImapServer { addr, mails, ca_pem, largest_sent }
    }

    fn add_bytes(&self, body: Vec<u8>) {
        let mut m = self.mails.lock().unwrap();
        let uid = m.iter().map(|x| x.uid).max().unwrap_or(100) + 1;
        m.push(StoredMail { uid, body, deleted: false });
    }

    fn add(&self, body: &str) {
        let mut m = self.mails.lock().unwrap();
        let uid = m.iter().map(|x| x.uid).max().unwrap_or(100) + 1;
        m.push(StoredMail { uid, body: body.replace('\n', "\r\n").into_bytes(), deleted: false });
    }

    fn bodies(&self) -> Vec<String> {
        self.mails.lock().unwrap().iter().map(|m| String::from_utf8_lossy(&m.body).into_owned()).collect()
    }
}

/// `"a b" c` -> [`a b`, `c`]
fn imap_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c == ' ' {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut v = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => v.extend(chars.next()),
                    '"' => break,
                    c => v.push(c),
                }
            }
            out.push(v);
        } else {
            let mut v = String::new();
            while let Some(&c) = chars.peek() {
                if c == ' ' {
                    break;
                }
                v.push(c);
                chars.next();
            }
            out.push(v);
        }
    }
    out
}

/// One message in a FETCH answer: `BODY[]` whole, or from `<0.n>` at most n bytes of it.
fn fetch_item(seq: usize, m: &StoredMail, partial: Option<usize>, largest: &std::sync::atomic::AtomicUsize) -> Vec<u8> {
    let (section, body) = match partial {
        Some(n) => ("BODY[]<0>", &m.body[..m.body.len().min(n)]),
        None => ("BODY[]", &m.body[..]),
    };
    largest.fetch_max(body.len(), std::sync::atomic::Ordering::Relaxed);
    let mut out = format!("* {seq} FETCH (UID {} {section} {{{}}}\r\n", m.uid, body.len()).into_bytes();
    out.extend_from_slice(body);
    out.extend_from_slice(b")\r\n");
    out
}

/// `BODY.PEEK[]<0.1024>` -> Some(1024).
fn partial_of(args: &str) -> Option<usize> {
    let at = args.find("[]<0.")? + "[]<0.".len();
    args[at..].split('>').next()?.parse().ok()
}

fn imap_session<S: Read + Write>(
    mut s: S,
    store: &Mutex<Vec<StoredMail>>,
    user: &str,
    password: &str,
    largest: &std::sync::atomic::AtomicUsize,
) -> std::io::Result<()> {
    s.write_all(b"* OK IMAP4rev1 test server ready\r\n")?;
    s.flush()?;
    let mut buf = Vec::new();
    let mut authed = false;
    loop {
        let line = loop {
            if let Some(at) = buf.windows(2).position(|w| w == b"\r\n") {
                let line: Vec<u8> = buf.drain(..at + 2).collect();
                break String::from_utf8_lossy(&line[..at]).into_owned();
            }
            let mut chunk = [0u8; 4096];
            let n = s.read(&mut chunk)?;
            if n == 0 {
                return Ok(());
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        let (tag, rest) = line.split_once(' ').unwrap_or((&line, ""));
        let (cmd, args) = rest.split_once(' ').unwrap_or((rest, ""));
        let mut out = String::new();
        let mut bytes_out: Vec<u8> = Vec::new();
        match cmd.to_ascii_uppercase().as_str() {
            "CAPABILITY" => out.push_str(&format!("* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n")),
            "NOOP" => out.push_str(&format!("{tag} OK done\r\n")),
            "LOGIN" => {
                let a = imap_args(args);
                if a.len() == 2 && a[0] == user && a[1] == password {
                    authed = true;
                    out.push_str(&format!("{tag} OK LOGIN completed\r\n"));
                } else {
                    out.push_str(&format!("{tag} NO [AUTHENTICATIONFAILED] Invalid credentials\r\n"));
                }
            }
            "LOGOUT" => {
                s.write_all(format!("* BYE bye\r\n{tag} OK LOGOUT completed\r\n").as_bytes())?;
                s.flush()?;
                return Ok(());
            }
            _ if !authed => out.push_str(&format!("{tag} NO log in first\r\n")),
            "SELECT" => {
                let n = store.lock().unwrap().len();
                out.push_str(&format!(
                    "* {n} EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen \\Deleted)\r\n* OK [UIDVALIDITY 7] ok\r\n{tag} OK [READ-WRITE] SELECT completed\r\n"
                ));
            }
            "FETCH" => {
                let (set, items) = args.split_once(' ').unwrap_or((args, ""));
                let (a, b) = set.split_once(':').unwrap_or((set, set));
                let mails = store.lock().unwrap().clone();
                let first: usize = a.parse().unwrap_or(1);
                let last: usize = if b == "*" { mails.len() } else { b.parse().unwrap_or(0) };
                for seq in first..=last.min(mails.len()) {
                    let m = &mails[seq - 1];
                    if items.contains("RFC822.SIZE") {
                        bytes_out.extend_from_slice(
                            format!("* {seq} FETCH (UID {} RFC822.SIZE {})\r\n", m.uid, m.body.len()).as_bytes(),
                        );
                    } else {
                        bytes_out.extend_from_slice(&fetch_item(seq, m, partial_of(items), largest));
                    }
                }
                bytes_out.extend_from_slice(format!("{tag} OK FETCH completed\r\n").as_bytes());
            }
            "UID" if args.to_ascii_uppercase().starts_with("FETCH ") => {
                let a = imap_args(args);
                let uids: Vec<u32> = a[1].split(',').filter_map(|u| u.parse().ok()).collect();
                let mails = store.lock().unwrap().clone();
                for (i, m) in mails.iter().enumerate().filter(|(_, m)| uids.contains(&m.uid)) {
                    bytes_out.extend_from_slice(&fetch_item(i + 1, m, partial_of(args), largest));
                }
                bytes_out.extend_from_slice(format!("{tag} OK UID FETCH completed\r\n").as_bytes());
            }
            "UID" => {
                let a = imap_args(args);
                if a.first().is_some_and(|c| c.eq_ignore_ascii_case("STORE")) && args.contains("\\Deleted") {
                    let uids: Vec<u32> = a[1].split(',').filter_map(|u| u.parse().ok()).collect();
                    for m in store.lock().unwrap().iter_mut().filter(|m| uids.contains(&m.uid)) {
                        m.deleted = true;
                    }
                    out.push_str(&format!("{tag} OK STORE completed\r\n"));
                } else {
                    out.push_str(&format!("{tag} BAD not supported here\r\n"));
                }
            }
            "EXPUNGE" => {
                let mut mails = store.lock().unwrap();
                let mut seq = 1;
                mails.retain(|m| {
                    if m.deleted {
                        out.push_str(&format!("* {seq} EXPUNGE\r\n"));
                        false
                    } else {
                        seq += 1;
                        true
                    }
                });
                out.push_str(&format!("{tag} OK EXPUNGE completed\r\n"));
            }
            _ => out.push_str(&format!("{tag} BAD unknown command\r\n")),
        }
        s.write_all(out.as_bytes())?;
        s.write_all(&bytes_out)?;
        s.flush()?;
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn api_post(app: &TestApp, c: &Client, token: &str, path: &str, body: &Value) -> (u16, Value) {
    let r = c.post(format!("{}/api/v1{path}", app.url)).bearer_auth(token).json(body).send().unwrap();
    let status = r.status().as_u16();
    (status, r.json().unwrap_or(Value::Null))
}

fn new_contact(app: &TestApp, c: &Client, token: &str, email: &str) -> ContactId {
    let (s, v) = api_post(app, c, token, "/contacts", &json!({"email": email, "status": "subscribed"}));
    assert_eq!(s, 201, "{v}");
    v["id"].as_str().unwrap().parse().unwrap()
}

fn status_of(app: &TestApp, id: &ContactId) -> Status {
    app.state.contacts.get(id).unwrap().unwrap().status
}

fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn sign(key: &str, ts: &str, token: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(ts.as_bytes());
    mac.update(token.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn mailgun_body(key: &str, ts: i64, token: &str, event: Value) -> Value {
    let ts = ts.to_string();
    json!({"signature": {"timestamp": ts, "token": token, "signature": sign(key, &ts, token)}, "event-data": event})
}

fn dsn(to: &str, message_id: &str, final_recipient: &str, status: &str) -> String {
    format!(
        "Return-Path: <>\n\
From: MAILER-DAEMON@mx.shop.example (Mail Delivery System)\n\
To: {to}\n\
Subject: Undelivered Mail Returned to Sender\n\
Message-Id: <{message_id}>\n\
MIME-Version: 1.0\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"BOUNDARY\"\n\
\n\
--BOUNDARY\n\
Content-Type: text/plain\n\
\n\
Your message could not be delivered.\n\
--BOUNDARY\n\
Content-Type: message/delivery-status\n\
\n\
Reporting-MTA: dns; mx.shop.example\n\
\n\
Final-Recipient: rfc822; {final_recipient}\n\
Action: failed\n\
Status: {status}\n\
Diagnostic-Code: smtp; 550 {status} User unknown\n\
\n\
--BOUNDARY--\n"
    )
}

fn arf(message_id: &str, rcpt: &str) -> String {
    format!(
        "From: <fbl@isp.example>\n\
To: <fbl@shop.example>\n\
Subject: Abuse report\n\
Message-ID: <{message_id}>\n\
MIME-Version: 1.0\n\
Content-Type: multipart/report; report-type=feedback-report; boundary=\"ARF\"\n\
\n\
--ARF\n\
Content-Type: text/plain\n\
\n\
This is an abuse report.\n\
--ARF\n\
Content-Type: message/feedback-report\n\
\n\
Feedback-Type: abuse\n\
User-Agent: isp-fbl/1.0\n\
Version: 1\n\
Original-Rcpt-To: <{rcpt}>\n\
\n\
--ARF\n\
Content-Type: message/rfc822\n\
\n\
From: <news@shop.example>\n\
To: <{rcpt}>\n\
Subject: Autumn sale\n\
\n\
Buy now\n\
--ARF--\n"
    )
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn generic_webhook_marks_hard_soft_and_complaint() {
    let app = spawn_app();
    let c = app.client();
    let token = app.admin_token(&["edit_contacts", "view_contacts"]);
    let hard = new_contact(&app, &c, &token, "hard@example.com");
    let soft = new_contact(&app, &c, &token, "soft@example.com");
    let angry = new_contact(&app, &c, &token, "angry@example.com");

    // One object: a hard bounce by address.
    let (s, v) = api_post(
        &app,
        &c,
        &token,
        "/bounces",
        &json!({"email": "HARD@example.com", "status": "5.1.1", "diagnostic": "550 5.1.1 user unknown", "id": "evt-1"}),
    );
    assert_eq!((s, v["effect"].as_str()), (200, Some("bounced")), "{v}");
    assert_eq!(status_of(&app, &hard), Status::Bounced);
    // Delivered again: recognised, nothing changes.
    let (s, v) =
        api_post(&app, &c, &token, "/bounces", &json!({"email": "hard@example.com", "type": "hard", "id": "evt-1"}));
    assert_eq!((s, v["effect"].as_str()), (200, Some("duplicate")), "{v}");
    assert_eq!(bounce::for_contact(&app.state, &hard).unwrap().len(), 1);

    // Soft bounces: two stay soft (a repeated delivery does not count), the third (limit 3) is hard.
    for (i, id) in ["s1", "s2", "s2"].iter().enumerate() {
        let (s, v) = api_post(
            &app,
            &c,
            &token,
            "/bounces",
            &json!({"events": [{"contact_id": soft.to_string(), "type": "soft", "status": "4.2.2", "id": id}]}),
        );
        assert_eq!(s, 200, "{v}");
        let want = if i == 2 { "duplicate" } else { "recorded" };
        assert_eq!(v["results"][0]["effect"], want, "{v}");
        assert_eq!(status_of(&app, &soft), Status::Subscribed);
    }
    let (s, v) = api_post(
        &app,
        &c,
        &token,
        "/bounces",
        &json!({"events": [{"email": "soft@example.com", "status": "4.4.7", "id": "s3"}]}),
    );
    assert_eq!((s, v["results"][0]["effect"].as_str()), (200, Some("bounced")), "{v}");
    assert_eq!(status_of(&app, &soft), Status::Bounced);
    let history = app.state.contacts.history(&soft).unwrap();
    assert!(history.iter().any(|h| h.detail.contains("3 soft bounces within 14 days")), "{history:?}");

    // A list with a complaint and a bad item: the good one is recorded, the bad one named.
    let (s, v) = api_post(
        &app,
        &c,
        &token,
        "/bounces",
        &json!({"events": [
            {"email": "angry@example.com", "type": "complaint", "at": "2026-01-02T03:04:05Z"},
            {"email": "nobody@example.com", "type": "hard"},
        ]}),
    );
    assert_eq!(s, 200, "{v}");
    assert_eq!((v["recorded"].as_u64(), v["failed"].as_u64()), (Some(1), Some(1)), "{v}");
    assert_eq!(v["results"][0]["effect"], "complained");
    assert_eq!(v["results"][1]["error"]["field"], "events[1].email", "{v}");
    assert_eq!(status_of(&app, &angry), Status::Complained);
    // A later hard bounce does not turn a complaint into a bounce.
    let (_, v) = api_post(&app, &c, &token, "/bounces", &json!({"email": "angry@example.com", "type": "hard"}));
    assert_eq!(v["effect"], "recorded", "{v}");
    assert_eq!(status_of(&app, &angry), Status::Complained);

    // Bad input: 4xx naming the field.
    for (body, field) in [
        (json!({"email": "hard@example.com", "type": "bouncy"}), "type"),
        (json!({"email": "hard@example.com"}), "type"),
        (json!({"email": "hard@example.com", "type": "hard", "status": "550"}), "status"),
        (json!({"email": "not-an-address", "type": "hard"}), "email"),
        (json!({"contact_id": "42", "type": "hard"}), "contact_id"),
        (json!({"email": "hard@example.com", "contact_id": hard.to_string(), "type": "hard"}), "contact_id"),
        (json!({"type": "hard"}), "email"),
        (json!({"email": "hard@example.com", "type": "hard", "colour": "red"}), "colour"),
        (json!({"email": "hard@example.com", "type": "hard", "at": "yesterday"}), "at"),
        (json!({"events": []}), "events"),
        (json!({"events": [{"email": "x@example.com", "type": "oops"}]}), "events[0].type"),
    ] {
        let (s, v) = api_post(&app, &c, &token, "/bounces", &body);
        assert_eq!((s, v["field"].as_str()), (422, Some(field)), "{body}: {v}");
        assert!(!v["message"].as_str().unwrap_or_default().is_empty(), "{v}");
    }
    let r = c
        .post(format!("{}/api/v1/bounces", app.url))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .unwrap();
    assert_eq!(r.status(), 400);
    let (s, _) = api_post(&app, &c, "tdg_wrong", "/bounces", &json!({"email": "hard@example.com", "type": "hard"}));
    assert_eq!(s, 401);
    let read_only = app.admin_token(&["view_contacts"]);
    let (s, _) = api_post(&app, &c, &read_only, "/bounces", &json!({"email": "hard@example.com", "type": "hard"}));
    assert_eq!(s, 403);
}

#[test]
fn mailgun_webhook_verifies_signatures() {
    let key = "key-test-signing";
    let app = spawn_app_with(|c| c.mail.bounces.mailgun_signing_key = key.into());
    let c = app.client();
    let token = app.admin_token(&["edit_contacts"]);
    let by_verp = new_contact(&app, &c, &token, "verp@example.com");
    let by_address = new_contact(&app, &c, &token, "plain@example.com");
    let url = format!("{}/webhooks/mailgun", app.url);
    let post = |body: &Value| {
        let r = c.post(&url).json(body).send().unwrap();
        let s = r.status().as_u16();
        (s, r.json::<Value>().unwrap_or(Value::Null))
    };
    let now = chrono::Utc::now().timestamp();
    let verp = format!("bounce+{}@bounces.shop.example", bounce::verp_token(app.state.store.keyring(), &by_verp));
    // The recipient address differs: the VERP sender decides.
    let failed = json!({"event": "failed", "severity": "permanent", "id": "mg-1", "recipient": "alias@example.com",
        "envelope": {"sender": verp}, "delivery-status": {"code": 550, "enhanced-code": "5.1.1", "message": "No such user"}});
    let (s, v) = post(&mailgun_body(key, now, "tok-1", failed.clone()));
    assert_eq!((s, v["effect"].as_str()), (200, Some("bounced")), "{v}");
    assert_eq!(status_of(&app, &by_verp), Status::Bounced);
    let recs = bounce::for_contact(&app.state, &by_verp).unwrap();
    assert_eq!((recs[0].source.as_str(), recs[0].status.as_str()), ("mailgun", "5.1.1"));

    // The same signature again: a replay.
    let (s, v) = post(&mailgun_body(key, now, "tok-1", failed.clone()));
    assert_eq!(s, 403, "{v}");
    // Signed with another key, or too old: refused, and nothing recorded.
    let complaint = json!({"event": "complained", "id": "mg-2", "recipient": "plain@example.com"});
    let (s, v) = post(&mailgun_body("another-key", now, "tok-2", complaint.clone()));
    assert_eq!(s, 403, "{v}");
    assert!(v["message"].as_str().unwrap().contains("signature"), "{v}");
    let (s, v) = post(&mailgun_body(key, now - 3600, "tok-3", complaint.clone()));
    assert_eq!(s, 403, "{v}");
    assert!(v["message"].as_str().unwrap().contains("five minutes"), "{v}");
    let mut tampered = mailgun_body(key, now, "tok-4", complaint.clone());
    tampered["signature"]["token"] = json!("tok-5");
    assert_eq!(post(&tampered).0, 403);
    assert_eq!(status_of(&app, &by_address), Status::Subscribed);
    assert!(bounce::for_contact(&app.state, &by_address).unwrap().is_empty());

    // A forged VERP sender is ignored; the recipient's address is used instead.
    let forged = format!("bounce+{}.0011223344556677@bounces.shop.example", hex::encode(by_address.as_bytes()));
    let temp = json!({"event": "failed", "severity": "temporary", "id": "mg-6", "recipient": "nobody@example.com",
        "envelope": {"sender": forged}, "delivery-status": {"code": 452, "enhanced-code": "4.2.2"}});
    let (s, v) = post(&mailgun_body(key, now, "tok-6", temp));
    assert_eq!((s, v["ignored"].as_bool()), (200, Some(true)), "{v}");
    assert!(bounce::for_contact(&app.state, &by_address).unwrap().is_empty());

    // A valid complaint by address.
    let (s, v) = post(&mailgun_body(key, now, "tok-7", complaint));
    assert_eq!((s, v["effect"].as_str()), (200, Some("complained")), "{v}");
    assert_eq!(status_of(&app, &by_address), Status::Complained);
    // Other events are accepted and ignored; a body without signature is a 4xx.
    let (s, v) = post(&mailgun_body(key, now, "tok-8", json!({"event": "delivered"})));
    assert_eq!((s, v["ignored"].as_bool()), (200, Some(true)), "{v}");
    let (s, v) = post(&json!({"event-data": {}}));
    assert_eq!((s, v["field"].as_str()), (422, Some("signature")), "{v}");

    // Without a key the endpoint does not exist.
    let plain = spawn_app();
    let r = plain.client().post(format!("{}/webhooks/mailgun", plain.url)).json(&json!({})).send().unwrap();
    assert_eq!(r.status(), 404);
}

#[test]
fn mailbox_poller_records_reports_and_leaves_other_mail() {
    let imap = ImapServer::start(true, "bounces", "mailbox secret");
    let ca = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(ca.path(), &imap.ca_pem).unwrap();
    // Contacts must exist before the poller's first run: create them in a store the app opens.
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(dir.path());
    {
        let m = &mut config.mail.bounces.mailbox;
        m.host = "localhost".into();
        m.port = imap.addr.port();
        m.tls = tidings::config::RelayTls::Implicit;
        m.username = "bounces".into();
        m.password = "mailbox secret".into();
        m.ca_file = ca.path().to_path_buf();
        m.interval_secs = 3600;
    }
    config.mail.return_path = "bounces.shop.example".into();
    // Reports arrive once the contacts exist; the first poll runs at start and finds nothing.
    let app = spawn_in(dir, config);
    let c = app.client();
    let token = app.admin_token(&["edit_contacts"]);
    let verp_contact = new_contact(&app, &c, &token, "reader@example.com");
    let complainer = new_contact(&app, &c, &token, "complainer@example.com");
    let bystander = new_contact(&app, &c, &token, "bystander@example.com");
    wait_for("the first poll", || app.state.jobs.last(tidings::mail::mailbox::JOB).unwrap().is_some());
    let first = app.state.jobs.last(tidings::mail::mailbox::JOB).unwrap().unwrap();
    assert!(first.ok, "{}", first.message);

    let verp =
        app.state.mailer.envelope_sender(Some(&bounce::verp_token(app.state.store.keyring(), &verp_contact))).unwrap();
    assert!(verp.starts_with("bounce+") && verp.ends_with("@bounces.shop.example"), "{verp}");
    // The DSN names another address: the VERP address it was sent to decides.
    imap.add(&dsn(&verp, "dsn-1@mx.shop.example", "old-alias@example.com", "5.1.1"));
    imap.add(&arf("arf-1@isp.example", "complainer@example.com"));
    imap.add("From: friend@example.com\nTo: bounces@shop.example\nSubject: Hello\nMessage-ID: <hi@example.com>\n\nJust saying hi.\n");
    // A forged VERP for the bystander, about an address nobody has: recognised, matched to nobody.
    let forged = format!("bounce+{}.0011223344556677@bounces.shop.example", hex::encode(bystander.as_bytes()));
    imap.add(&dsn(&forged, "dsn-2@mx.shop.example", "stranger@example.com", "5.1.1"));

    // `tidings bounces poll` goes through the running server's control socket.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["bounces", "poll", "--data-dir"])
        .arg(app.data_dir())
        .env_remove("TIDINGS_CONFIG")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.contains("4 message(s) read: 1 hard, 0 soft, 1 complaint(s), 0 duplicate(s), 1 unmatched"),
        "{stdout}"
    );
    assert!(stdout.contains("1 unrecognised left"), "{stdout}");
    assert!(stdout.contains("old-alias@example.com") && stdout.contains("bounced"), "{stdout}");

    assert_eq!(status_of(&app, &verp_contact), Status::Bounced);
    assert_eq!(status_of(&app, &complainer), Status::Complained);
    assert_eq!(status_of(&app, &bystander), Status::Subscribed);
    assert!(bounce::for_contact(&app.state, &bystander).unwrap().is_empty());
    let rec = &bounce::for_contact(&app.state, &verp_contact).unwrap()[0];
    assert_eq!((rec.source.as_str(), rec.status.as_str()), ("mailbox", "5.1.1"));
    assert!(rec.diagnostic.contains("User unknown"), "{rec:?}");
    // Only the unrelated mail is left in the folder.
    let left = imap.bodies();
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].contains("Just saying hi."));

    // The same report again (a copy in the mailbox) is a duplicate, and is removed.
    imap.add(&dsn(&verp, "dsn-1@mx.shop.example", "old-alias@example.com", "5.1.1"));
    let report = actix_web::rt::System::new().block_on(tidings::mail::mailbox::poll_and_log(&app.state)).unwrap();
    assert_eq!((report.duplicates, report.deleted, report.unrecognised), (1, 1, 1), "{report:?}");
    assert_eq!(bounce::for_contact(&app.state, &verp_contact).unwrap().len(), 1);

    // Settings -> Email shows the section, the last poll and masked addresses.
    let admin = app.login_admin(NEW_PASSWORD);
    let page = app.get(&admin, "/settings/email").text().unwrap();
    assert!(page.contains("<h2>Bounces</h2>"), "{page}");
    assert!(page.contains(&format!("localhost:{}", imap.addr.port())));
    assert!(page.contains("1 duplicate(s)"), "last poll shown: {page}");
    assert!(page.contains("r•••@example.com") && page.contains("c•••@example.com"), "{page}");
    assert!(!page.contains("reader@example.com"), "addresses are masked");
    // minijinja's HTML escaping writes `/` as `&#x2f;`.
    let unescaped = page.replace("&#x2f;", "/");
    assert!(unescaped.contains("/webhooks/mailgun") && unescaped.contains("/api/v1/bounces"), "{page}");

    // The contact's timeline shows the event.
    let detail = app.get(&admin, &format!("/contacts/{complainer}")).text().unwrap();
    assert!(detail.contains("Spam complaint (feedback type: abuse)"), "{detail}");
    assert!(detail.contains("by mailbox"), "{detail}");

    // Erasure removes the person's bounce records, and the recent list forgets them.
    app.state.store.erase_person(&verp_contact.person()).unwrap();
    assert!(bounce::for_contact(&app.state, &verp_contact).unwrap().is_empty());
    let raw = app.state.store.db().open_tree(bounce::records::TREE).unwrap();
    assert_eq!(raw.scan_prefix(verp_contact.as_bytes()).count(), 0);
    let recent = bounce::recent(&app.state, 20).unwrap();
    assert!(recent.iter().all(|(_, id, _)| id != &verp_contact), "{recent:?}");
    assert!(recent.iter().any(|(_, id, _)| id == &complainer));
    let export = app.state.store.export_person(&complainer.person()).unwrap();
    assert!(export.iter().any(|(tree, recs)| tree == bounce::records::TREE && recs.len() == 1), "{export:?}");
}

#[test]
fn mailbox_poll_failures_are_explained() {
    let imap = ImapServer::start(false, "bounces", "right");
    let app = spawn_app_with(|c| {
        let m = &mut c.mail.bounces.mailbox;
        m.host = "127.0.0.1".into();
        m.port = imap.addr.port();
        m.tls = tidings::config::RelayTls::None;
        m.username = "bounces".into();
        m.password = "wrong".into();
        m.interval_secs = 3600;
    });
    wait_for("the first poll", || app.state.jobs.last(tidings::mail::mailbox::JOB).unwrap().is_some());
    let run = app.state.jobs.last(tidings::mail::mailbox::JOB).unwrap().unwrap();
    assert!(!run.ok);
    assert_eq!(
        run.message,
        "the server refused the login of `bounces`: the server said NO: [AUTHENTICATIONFAILED] Invalid credentials"
    );

    // Implicit TLS against a plain server is explained as such.
    let mut config = app.state.config.clone();
    config.mail.bounces.mailbox.tls = tidings::config::RelayTls::Implicit;
    config.mail.bounces.mailbox.timeout_secs = 3;
    let err = std::thread::spawn(move || {
        let dir = tempfile::tempdir().unwrap();
        config.data_dir = dir.path().to_path_buf();
        let store = tidings::store::Store::open(
            dir.path(),
            &tidings::store::OpenOptions::from_config(&config, tidings::wiring::registry()),
        )
        .unwrap();
        let state = Arc::new(tidings::state::AppState::new(config, store).unwrap());
        let err = actix_web::rt::System::new().block_on(tidings::mail::mailbox::poll(&state)).unwrap_err().to_string();
        state.search.stop();
        err
    })
    .join()
    .unwrap();
    assert!(err.contains("TLS") || err.contains("did not answer"), "{err}");
}

#[test]
fn a_report_larger_than_the_fetch_cut_is_read_in_part_and_still_recorded() {
    use tidings::mail::mailbox::MAX_MESSAGE_BYTES;
    let imap = ImapServer::start(false, "bounces", "pw");
    let app = spawn_app_with(|c| {
        let m = &mut c.mail.bounces.mailbox;
        m.host = "127.0.0.1".into();
        m.port = imap.addr.port();
        m.tls = tidings::config::RelayTls::None;
        m.username = "bounces".into();
        m.password = "pw".into();
        m.interval_secs = 3600;
        c.mail.return_path = "bounces.shop.example".into();
    });
    let c = app.client();
    let token = app.admin_token(&["edit_contacts"]);
    let reader = new_contact(&app, &c, &token, "reader@example.com");
    wait_for("the first poll", || app.state.jobs.last(tidings::mail::mailbox::JOB).unwrap().is_some());
    let verp = app.state.mailer.envelope_sender(Some(&bounce::verp_token(app.state.store.keyring(), &reader))).unwrap();

    // A report that returns the whole original: a 3 MB attachment after the status part.
    let report = dsn(&verp, "dsn-big@mx.shop.example", "reader@example.com", "5.1.1");
    let mut big = report.trim_end_matches("--BOUNDARY--\n").replace('\n', "\r\n").into_bytes();
    big.extend_from_slice(
        b"--BOUNDARY\r\nContent-Type: message/rfc822\r\n\r\nFrom: news@shop.example\r\nSubject: Sale\r\n\r\n",
    );
    for _ in 0..(3 << 20) / 78 {
        big.extend_from_slice(&[b'y'; 76]);
        big.extend_from_slice(b"\r\n");
    }
    big.extend_from_slice(b"--BOUNDARY--\r\n");
    assert!(big.len() > 3 << 20);
    imap.add_bytes(big);

    let report = actix_web::rt::System::new().block_on(tidings::mail::mailbox::poll_and_log(&app.state)).unwrap();
    let sent = imap.largest_sent.load(std::sync::atomic::Ordering::Relaxed);
    assert!(sent <= MAX_MESSAGE_BYTES as usize, "the poller asked for {sent} bytes of one message");
    assert_eq!((report.fetched, report.hard, report.deleted, report.cut), (1, 1, 1, 1), "{report:?}");
    assert!(report.summary().ends_with("; 1 larger than 256 KiB read in part"), "{}", report.summary());
    assert_eq!(status_of(&app, &reader), Status::Bounced);
    assert!(imap.bodies().is_empty(), "recorded, so deleted");
}
