//! Campaigns and transactional messages end to end: the real server, the API, the sender, and
//! a real SMTP server on loopback.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use reqwest::blocking::Client;
use serde_json::{json, Value};
use tidings::config::{Config, RelayConfig, RelayTls};
use tidings::mail::dkim::{Algorithm, GeneratedKey};

use crate::helpers::{spawn_app_with, TestApp};
use crate::mail::{verify, TxtCache};
use crate::smtp_sink::{Received, SinkOptions, SmtpSink};

pub fn relay_to(port: u16) -> RelayConfig {
    RelayConfig {
        name: "local".into(),
        host: "127.0.0.1".into(),
        port,
        tls: RelayTls::None,
        timeout_secs: 5,
        pool_size: 4,
        ..Default::default()
    }
}

pub fn mail_config(c: &mut Config, port: u16) {
    c.hostname = "news.example.com".into();
    c.mail.from = "news@example.com".into();
    c.mail.return_path = "bounces.example.com".into();
    c.mail.relays = vec![relay_to(port)];
    c.mail.retry_base_secs = 1;
}

pub struct Api<'a> {
    app: &'a TestApp,
    client: Client,
    token: String,
}

impl<'a> Api<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        let token = app.admin_token(&["edit_contacts", "view_contacts", "view_personal_data", "send_campaigns"]);
        Api { app, client: app.client(), token }
    }

    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let url = format!("{}/api/v1{path}", self.app.url);
        let mut req = match method {
            "GET" => self.client.get(url),
            "POST" => self.client.post(url),
            "PATCH" => self.client.patch(url),
            "PUT" => self.client.put(url),
            "DELETE" => self.client.delete(url),
            _ => unreachable!(),
        }
        .bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().unwrap();
        let status = r.status().as_u16();
        (status, r.json().unwrap_or(Value::Null))
    }

    pub fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, v) = self.call(method, path, body);
        assert!((200..300).contains(&status), "{method} {path}: {status} {v}");
        v
    }

    /// A contact with the newsletter consent granted (or not) on the given lists and tags.
    pub fn contact(&self, email: &str, lists: &[&str], tags: &[&str], consent: bool) -> String {
        let consents = if consent { json!([{"purpose": "newsletter", "granted": true}]) } else { json!([]) };
        let v = self.ok(
            "POST",
            "/contacts",
            Some(json!({"email": email, "first_name": email.split('@').next().unwrap(), "lists": lists, "tags": tags, "consents": consents})),
        );
        v["id"].as_str().unwrap().to_string()
    }

    pub fn list(&self, name: &str) {
        self.ok("POST", "/lists", Some(json!({"name": name})));
    }

    /// Polls the campaign until it reaches `state`.
    pub fn wait_state(&self, id: &str, state: &str, within: Duration) -> Value {
        let deadline = Instant::now() + within;
        loop {
            let v = self.ok("GET", &format!("/campaigns/{id}"), None);
            if v["campaign"]["state"] == state || Instant::now() > deadline {
                return v["campaign"].clone();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

pub fn header(m: &Received, name: &str) -> Option<String> {
    let text = std::str::from_utf8(&m.data).ok()?;
    let head = &text[..text.find("\r\n\r\n").unwrap_or(text.len())];
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    unfolded.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
    })
}

#[test]
fn a_campaign_reaches_exactly_its_audience_once_each_signed_with_one_click_unsubscribe() {
    let sink = SmtpSink::start(SinkOptions {
        rcpt_reply: |r| r.starts_with("gone@").then_some("550 5.1.1 no such user"),
        // A refused recipient inside a pipelined MAIL/RCPT/DATA group, as with Postfix.
        pipelining: true,
        ..Default::default()
    });
    let key_dir = tempfile::tempdir().unwrap();
    let rsa = GeneratedKey::generate(Algorithm::Rsa, "s1").unwrap();
    let key_file = key_dir.path().join("rsa.pem");
    rsa.write_private(&key_file).unwrap();
    let cache = TxtCache::default();
    cache.publish("example.com", &rsa);
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        c.mail.dkim.domain = "example.com".into();
        c.mail.dkim.selector = "s1".into();
        c.mail.dkim.key_file = key_file.clone();
    });
    let api = Api::new(&app);
    api.list("News");
    let expected = ["in@example.org", "vip@example.org", "both@example.org"];
    api.contact("in@example.org", &["news"], &[], true);
    api.contact("vip@example.org", &[], &["vip"], true);
    api.contact("both@example.org", &["news"], &["vip"], true);
    api.contact("noconsent@example.org", &["news"], &[], false);
    api.contact("elsewhere@example.org", &[], &["other"], true);
    let unsub = api.contact("unsub@example.org", &["news"], &[], true);
    api.ok("PATCH", &format!("/contacts/{unsub}"), Some(json!({"status": "unsubscribed"})));
    let withdrew = api.contact("withdrew@example.org", &["news"], &[], true);
    api.ok("POST", &format!("/contacts/{withdrew}/consents"), Some(json!({"purpose": "newsletter", "granted": false})));
    let gone = api.contact("gone@example.org", &["news"], &[], true);

    // Errors name the field.
    let (status, v) = api.call("POST", "/campaigns", Some(json!({"name": "x", "lists": ["nope"]})));
    assert_eq!((status, v["field"].as_str()), (422, Some("lists")), "{v}");
    let (status, v) = api.call("POST", "/campaigns", Some(json!({"name": "x", "subject": "a\r\nBcc: x@evil.example"})));
    assert_eq!((status, v["field"].as_str()), (422, Some("subject")), "{v}");

    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({
            "name": "November news", "subject": "News for {{ first_name }}",
            "body": "# Hello {{ first_name }}\n\nOur **November** news.", "format": "markdown",
            "lists": ["news"], "tags": ["vip"],
        })),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    let (status, v) = api.call("POST", &format!("/campaigns/{id}/preview"), Some(json!({})));
    assert_eq!(status, 200);
    assert!(v["html"].as_str().unwrap().contains("<strong>November</strong>"), "{v}");
    assert!(v["text"].as_str().unwrap().contains("Hello Jane"), "{v}");
    // A template error names the line.
    let (status, v) = api.call("PATCH", &format!("/campaigns/{id}"), Some(json!({"body": "ok\n\n{% if %}"})));
    assert_eq!(status, 200, "saving a draft with an error is allowed");
    let (status, v2) = api.call("POST", &format!("/campaigns/{id}/send"), None);
    assert_eq!(status, 422, "{v} {v2}");
    assert!(v2["message"].as_str().unwrap().contains("line 3"), "{v2}");
    api.ok(
        "PATCH",
        &format!("/campaigns/{id}"),
        Some(json!({"body": "# Hello {{ first_name }}\n\nOur **November** news."})),
    );

    let started = Instant::now();
    let v = api.ok("POST", &format!("/campaigns/{id}/send"), None);
    assert_eq!(v["campaign"]["state"], "sending");
    let first = sink.wait_for(1);
    assert!(!first.is_empty(), "the first message left");
    let first_after = started.elapsed();
    let done = api.wait_state(&id, "sent", Duration::from_secs(20));
    assert_eq!(done["state"], "sent", "{done}");
    assert!(first_after < Duration::from_secs(2), "first message after {first_after:?}");
    assert_eq!(done["progress"]["sent"], 3, "{done}");
    assert_eq!(done["progress"]["failed"], 1, "the 550 recipient: {done}");

    let got = sink.messages();
    let mut by_rcpt: HashMap<String, Vec<&Received>> = HashMap::new();
    for m in &got {
        by_rcpt.entry(m.to[0].clone()).or_default().push(m);
    }
    let mut rcpts: Vec<&str> = by_rcpt.keys().map(|s| s.as_str()).collect();
    rcpts.sort();
    let mut want = expected.to_vec();
    want.sort();
    assert_eq!(rcpts, want, "exactly the audience");
    assert!(by_rcpt.values().all(|v| v.len() == 1), "each once");
    for m in &got {
        let unsubscribe = header(m, "List-Unsubscribe").expect("List-Unsubscribe");
        assert!(unsubscribe.starts_with("<https://") && unsubscribe.contains("/u/"), "{unsubscribe}");
        assert_eq!(header(m, "List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
        assert!(m.from.starts_with("bounce+") && m.from.ends_with("@bounces.example.com"), "{}", m.from);
        let results = verify(&cache, &m.data);
        assert!(!results.is_empty() && results.iter().all(|(_, pass)| *pass), "DKIM: {results:?}");
        let subject = header(m, "Subject").unwrap();
        assert!(subject.starts_with("News for "), "{subject}");
    }
    // The return path names the recipient (VERP); the one-click link from the received mail
    // unsubscribes without a cookie; the view-in-browser link shows this message.
    let m = by_rcpt["in@example.org"][0];
    let verp = tidings::mail::bounce::parse_verp(app.state.store.keyring(), &m.from).expect("a VERP return path");
    let in_contact = app
        .state
        .contacts
        .find_by_email(&tidings::domain::EmailAddress::parse("in@example.org").unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(verp, in_contact.id);
    let text = String::from_utf8_lossy(&m.data).replace("=\r\n", "");
    let view = text
        .split("href=3D\"")
        .chain(text.split("href=\""))
        .filter_map(|p| p.split('"').next())
        .find(|u| u.contains("/m/"))
        .map(|u| u.to_string());
    if let Some(view) = view {
        let path = &view[view.find("/m/").unwrap()..];
        let r = app.client().get(format!("{}{path}", app.url)).send().unwrap();
        assert_eq!(r.status(), 200, "view in browser");
        assert!(r.text().unwrap().contains("November"));
    }
    let unsubscribe = header(m, "List-Unsubscribe").unwrap();
    let path = &unsubscribe[unsubscribe.find("/u/").unwrap()..unsubscribe.len() - 1];
    let bare = crate::helpers::client_builder().danger_accept_invalid_certs(true).build().unwrap();
    let r = bare.post(format!("{}{path}", app.url)).form(&[("List-Unsubscribe", "One-Click")]).send().unwrap();
    assert_eq!(r.status(), 200);
    let v = api.ok("GET", &format!("/contacts/{}", in_contact.id), None);
    assert_eq!(v["status"], "unsubscribed", "{v}");

    // The refused address is marked as bounced.
    let v = api.ok("GET", &format!("/contacts/{gone}"), None);
    assert_eq!(v["status"], "bounced", "{v}");
    // A sent campaign cannot be changed or sent again.
    let (status, _) = api.call("PATCH", &format!("/campaigns/{id}"), Some(json!({"subject": "again"})));
    assert_eq!(status, 409);
    let (status, _) = api.call("POST", &format!("/campaigns/{id}/send"), None);
    assert_eq!(status, 409);
}

#[test]
fn a_relay_that_fails_pauses_the_campaign_with_a_reason_and_resume_finishes_it() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let app = spawn_app_with(|c| mail_config(c, port));
    let api = Api::new(&app);
    api.list("News");
    let n = 30;
    for i in 0..n {
        api.contact(&format!("p{i}@example.org"), &["news"], &[], true);
    }
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Relay down", "subject": "Hi", "body": "Hello", "lists": ["news"]})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    // Nothing listens on the port: every hand-over fails, the brake pulls.
    let paused = api.wait_state(&id, "paused", Duration::from_secs(20));
    assert_eq!(paused["state"], "paused", "{paused}");
    let reason = paused["pause_reason"].as_str().unwrap();
    assert!(reason.contains("Paused automatically") && reason.contains('%'), "{reason}");

    // The relay comes back; resuming sends everyone, once.
    let sink = SmtpSink::start_on(port, SinkOptions::default());
    api.ok("POST", &format!("/campaigns/{id}/resume"), None);
    let done = api.wait_state(&id, "sent", Duration::from_secs(30));
    assert_eq!(done["state"], "sent", "{done}");
    let got = sink.messages();
    let mut rcpts: Vec<String> = got.iter().map(|m| m.to[0].clone()).collect();
    rcpts.sort();
    rcpts.dedup();
    assert_eq!(rcpts.len(), n, "everyone got it");
    assert_eq!(got.len(), n, "nobody twice");
    assert_eq!(done["progress"]["sent"], n as u64);
}

#[test]
fn pause_resume_and_cancel_from_the_api() {
    let sink = SmtpSink::start(SinkOptions { delay: Duration::from_millis(30), ..Default::default() });
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        c.mail.relays[0].pool_size = 1;
    });
    let api = Api::new(&app);
    api.list("News");
    for i in 0..40 {
        api.contact(&format!("q{i}@example.org"), &["news"], &[], true);
    }
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Slow", "subject": "Hi", "body": "Hello", "lists": ["news"]})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    sink.wait_for(3);
    let v = api.ok("POST", &format!("/campaigns/{id}/pause"), None);
    assert_eq!(v["campaign"]["state"], "paused");
    std::thread::sleep(Duration::from_millis(300));
    let at_pause = sink.messages().len();
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(sink.messages().len(), at_pause, "nothing leaves while paused");
    assert!(at_pause < 40);
    api.ok("POST", &format!("/campaigns/{id}/resume"), None);
    sink.wait_for(at_pause + 3);
    let v = api.ok("POST", &format!("/campaigns/{id}/cancel"), None);
    assert_eq!(v["campaign"]["state"], "cancelled");
    std::thread::sleep(Duration::from_millis(300));
    let at_cancel = sink.messages().len();
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(sink.messages().len(), at_cancel, "nothing leaves after cancel");
    let (status, _) = api.call("POST", &format!("/campaigns/{id}/resume"), None);
    assert_eq!(status, 409);
    let mut rcpts: Vec<String> = sink.messages().iter().map(|m| m.to[0].clone()).collect();
    let n = rcpts.len();
    rcpts.sort();
    rcpts.dedup();
    assert_eq!(rcpts.len(), n, "nobody twice across pause and resume");
}

#[test]
fn a_campaign_scheduled_for_a_time_in_a_zone_starts_by_itself() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    api.contact("s@example.org", &["news"], &[], true);
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Later", "subject": "Hi", "body": "Hello", "lists": ["news"]})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    let (status, v) = api.call(
        "POST",
        &format!("/campaigns/{id}/send"),
        Some(json!({"at": "2001-01-01 09:00", "time_zone": "Europe/Berlin"})),
    );
    assert_eq!((status, v["field"].as_str()), (422, Some("schedule")), "{v}");
    let (status, v) =
        api.call("POST", &format!("/campaigns/{id}/send"), Some(json!({"cron": "0 9 * *", "time_zone": "UTC"})));
    assert_eq!((status, v["field"].as_str()), (422, Some("cron")), "{v}");
    // Two seconds from now, in Tokyo's local time (minute precision: schedule the next minute).
    let tz: chrono_tz::Tz = "Asia/Tokyo".parse().unwrap();
    let at = (chrono::Utc::now() + chrono::Duration::seconds(61)).with_timezone(&tz);
    let local = at.format("%Y-%m-%d %H:%M").to_string();
    let v = api.ok("POST", &format!("/campaigns/{id}/send"), Some(json!({"at": local, "time_zone": "Asia/Tokyo"})));
    assert_eq!(v["campaign"]["state"], "scheduled", "{v}");
    let next: chrono::DateTime<chrono::Utc> = v["campaign"]["next_run"].as_str().unwrap().parse().unwrap();
    assert!(next > chrono::Utc::now() && next < chrono::Utc::now() + chrono::Duration::seconds(62), "{next}");
    // Unschedule and schedule again works; the scheduler then starts it without a request.
    api.ok("POST", &format!("/campaigns/{id}/unschedule"), None);
    api.ok("POST", &format!("/campaigns/{id}/send"), Some(json!({"at": local, "time_zone": "Asia/Tokyo"})));
    assert!(sink.wait_for_within(1, Duration::from_secs(70)).len() == 1, "sent at its time");
    let done = api.wait_state(&id, "sent", Duration::from_secs(10));
    assert_eq!(done["state"], "sent");
}

#[test]
fn transactional_messages_are_sent_once_per_idempotency_key() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    let (status, v) = api.call(
        "POST",
        "/templates",
        Some(json!({"key": "order-shipped", "subject": "Order {{ data.order }} shipped", "body": "Hello {{ first_name | default('there') }}, order **{{ data.order }}** is on its way."})),
    );
    assert_eq!(status, 201, "{v}");
    let (status, v) =
        api.call("POST", "/templates", Some(json!({"key": "broken", "subject": "x", "body": "{% for %}"})));
    assert_eq!((status, v["field"].as_str()), (422, Some("body")), "{v}");

    let body = json!({"template": "order-shipped", "to": "buyer@example.org", "data": {"order": "A-17"}, "idempotency_key": "ship-A-17"});
    let (status, first) = api.call("POST", "/messages", Some(body.clone()));
    assert_eq!(status, 202, "{first}");
    let (status, again) = api.call("POST", "/messages", Some(body));
    assert_eq!(status, 200, "{again}");
    assert_eq!(first["id"], again["id"]);
    let got = sink.wait_for(1);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(sink.messages().len(), 1, "one message for one key");
    let text = String::from_utf8_lossy(&got[0].data);
    assert!(text.contains("Subject: Order A-17 shipped"), "{text}");
    assert!(header(&got[0], "List-Unsubscribe").is_none(), "transactional mail is not marketing");
    let id = first["id"].as_str().unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let v = api.ok("GET", &format!("/messages/{id}"), None);
        if v["state"] == "sent" || Instant::now() > deadline {
            assert_eq!(v["state"], "sent", "{v}");
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }

    // Bad input: a clear 4xx naming the field, nothing queued.
    for (body, field) in [
        (json!({"template": "nope", "to": "a@example.org"}), "template"),
        (json!({"template": "order-shipped", "to": "a@example.org\r\nBcc: x@evil.example"}), "to"),
        (json!({"template": "order-shipped", "to": "a@example.org", "data": [1, 2]}), "data"),
    ] {
        let (status, v) = api.call("POST", "/messages", Some(body));
        assert_eq!((status, v["field"].as_str()), (422, Some(field)), "{v}");
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(sink.messages().len(), 1);
}

/// The admin pages: create, edit with errors that name the line, preview for a contact, test
/// send, send, progress; a marketer may, an analyst may not.
#[test]
fn the_campaign_pages_write_preview_test_and_send() {
    use crate::helpers::{csrf_of, location, NEW_PASSWORD};
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    api.contact("zoe@example.org", &["news"], &[], true);
    let admin = app.login_admin(NEW_PASSWORD);

    let page = app.get(&admin, "/campaigns").text().unwrap();
    assert!(page.contains("No campaigns yet"), "empty state");
    let r = app.post_form(&admin, "/campaigns", "/campaigns", &[("name", "Winter sale")]);
    assert_eq!(r.status(), 303);
    let at = location(&r);
    let page = app.get(&admin, &at).text().unwrap();
    assert!(page.contains("Winter sale") && page.contains("id=\"editor\""), "the editor");
    let csrf = csrf_of(&page);
    let form = |body: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("name", "Winter sale".to_string()),
            ("subject", "Hello {{ first_name }}".to_string()),
            ("format", "markdown".to_string()),
            ("body", body.to_string()),
            ("lists", "news".to_string()),
            ("purpose", "newsletter".to_string()),
            ("contact", "zoe@example.org".to_string()),
            ("to", "me@example.net".to_string()),
        ]
    };
    // A template error: the save is refused and the message names the line.
    let r = admin.post(format!("{}{at}", app.url)).form(&form("Line one\n\n{% if %}")).send().unwrap();
    assert_eq!(r.status(), 200);
    let text = r.text().unwrap();
    assert!(text.contains("cannot be sent like this") && text.contains("line 3"), "{}", &text[..text.len().min(3000)]);
    // The preview renders what is typed (unsaved), for the chosen contact, in its own document.
    let r = admin.post(format!("{}{at}/preview", app.url)).form(&form("Hi **{{ first_name }}**!")).send().unwrap();
    assert_eq!(r.status(), 200);
    let csp = r.headers().get("content-security-policy").unwrap().to_str().unwrap().to_string();
    assert!(csp.contains("sandbox") && csp.contains("frame-ancestors 'self'"), "{csp}");
    let doc = r.text().unwrap();
    assert!(doc.contains("<strong>zoe</strong>") && doc.contains("Subject:</b> Hello zoe"), "{doc}");
    let r = admin.post(format!("{}{at}", app.url)).form(&form("Hi **{{ first_name }}**!")).send().unwrap();
    assert_eq!(r.status(), 303);
    // A test send goes to the given address, rendered for the contact.
    let r = admin.post(format!("{}{at}/test", app.url)).form(&form("ignored")).send().unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().unwrap().contains("me@example.net: sent"));
    let got = sink.wait_for(1);
    assert_eq!(got[0].to, vec!["me@example.net"]);
    assert!(String::from_utf8_lossy(&got[0].data).contains("Subject: [Test] Hello zoe"));
    // Send now: the progress page follows.
    let r = app.post_form(&admin, &at, &format!("{at}/send"), &[("when", "now")]);
    assert_eq!(r.status(), 303);
    assert!(sink.wait_for(2).len() == 2);
    let id = at.trim_start_matches("/campaigns/");
    api.wait_state(id, "sent", Duration::from_secs(10));
    let page = app.get(&admin, &at).text().unwrap();
    assert!(page.contains("id=\"progress\"") && page.contains("Sent"), "progress shown");

    // An analyst sees no campaigns.
    let analyst = app.signed_in_user(&admin, "ana", "analyst");
    assert_eq!(app.get(&analyst, "/campaigns").status(), 403);
}

/// Characters that can never be in a mail header, typed into a subject.
const UNSENDABLE: [(char, &str); 5] =
    [('\0', "U+0000"), ('\u{0b}', "U+000B"), ('\u{1b}', "U+001B"), ('\u{7f}', "U+007F"), ('\u{85}', "U+0085")];

#[test]
fn a_subject_that_can_never_be_sent_is_refused_where_it_is_typed() {
    use crate::helpers::{location, NEW_PASSWORD};
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);

    // The API: 422 naming the field, nothing saved.
    let v = api.ok("POST", "/campaigns", Some(json!({"name": "Spring", "subject": "Hello"})));
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    for (c, code) in UNSENDABLE {
        let subject = format!("Spring{c}sale");
        let (status, v) = api.call("PATCH", &format!("/campaigns/{id}"), Some(json!({"subject": subject})));
        assert_eq!((status, v["field"].as_str()), (422, Some("subject")), "{code}: {v}");
        assert!(v["message"].as_str().unwrap().contains(code), "{code}: {v}");
        let (status, v) =
            api.call("POST", "/campaigns", Some(json!({"name": format!("New {code}"), "subject": subject})));
        assert_eq!((status, v["field"].as_str()), (422, Some("subject")), "{code}: {v}");
        let (status, v) = api.call("PATCH", &format!("/campaigns/{id}"), Some(json!({"name": format!("Spr{c}ing")})));
        assert_eq!((status, v["field"].as_str()), (422, Some("name")), "{code}: the name is the List-Id: {v}");
        let (status, v) = api.call(
            "POST",
            "/templates",
            Some(json!({"key": "receipt", "subject": subject, "body": "Thanks {{ first_name }}"})),
        );
        assert_eq!((status, v["field"].as_str()), (422, Some("subject")), "{code}: {v}");
    }
    let v = api.ok("GET", &format!("/campaigns/{id}"), None);
    assert_eq!((v["campaign"]["subject"].as_str(), v["campaign"]["name"].as_str()), (Some("Hello"), Some("Spring")));
    let v = api.ok("GET", "/campaigns", None);
    assert_eq!(v["campaigns"].as_array().unwrap().len(), 1, "no campaign was created: {v}");
    let (status, _) = api.call("GET", "/templates/receipt", None);
    assert_eq!(status, 404, "no template was created");

    // The editor: 422, the field named, the form as it was typed; nothing saved.
    let admin = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(&admin, "/campaigns", "/campaigns", &[("name", "Autumn")]);
    let at = location(&r);
    for (c, code) in UNSENDABLE {
        let subject = format!("Autumn{c}sale");
        let r = app.post_form(
            &admin,
            &at,
            &at,
            &[("name", "Autumn"), ("subject", &subject), ("format", "markdown"), ("body", "Typed but not saved 4711")],
        );
        assert_eq!(r.status(), 422, "{code}");
        let page = r.text().unwrap();
        let error = crate::helpers::text_of_id(&page, "subject-error").unwrap_or_default();
        assert!(error.contains(code) && error.contains("control character"), "{code}: {error}");
        assert!(page.contains("Typed but not saved 4711"), "{code}: the typed body is kept");
    }
    let page = app.get(&admin, &at).text().unwrap();
    assert!(!page.contains("Typed but not saved 4711"), "nothing was saved");
}

#[test]
fn a_campaign_whose_every_message_is_refused_ends_failed_with_the_reason_on_its_page() {
    use crate::helpers::NEW_PASSWORD;
    let sink = SmtpSink::start(SinkOptions { rcpt_reply: |_| Some("550 5.7.1 relaying denied"), ..Default::default() });
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    for i in 0..3 {
        api.contact(&format!("r{i}@example.org"), &["news"], &[], true);
    }
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Nobody gets it", "subject": "Hi {{ first_name }}", "body": "Hello", "lists": ["news"]})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let done = api.wait_state(&id, "failed", Duration::from_secs(20));
    assert_eq!(done["state"], "failed", "not sent: {done}");
    assert_eq!((done["progress"]["sent"].as_u64(), done["progress"]["failed"].as_u64()), (Some(0), Some(3)), "{done}");
    let reason = done["failure_reason"].as_str().unwrap();
    assert!(reason.contains("All 3 messages failed") && reason.contains("SMTP 550 (3 of 3)"), "{reason}");
    assert!(reason.contains("relaying denied"), "the relay's words: {reason}");
    assert_eq!(done["pause_reason"], "", "{done}");
    assert!(sink.messages().is_empty());

    let admin = app.login_admin(NEW_PASSWORD);
    let page = app.get(&admin, &format!("/campaigns/{id}")).text().unwrap();
    assert_eq!(crate::helpers::text_of_id(&page, "campaign-state").as_deref(), Some("Failed"));
    let shown = crate::helpers::text_of_id(&page, "failure-reason").unwrap_or_default();
    assert!(shown.contains("No message was sent") && shown.contains("SMTP 550 (3 of 3)"), "{shown}");
    let list = app.get(&admin, "/campaigns").text().unwrap();
    assert!(list.contains("state-failed\">Failed<"), "in the list");
    let report = app.get(&admin, &format!("/campaigns/{id}/report")).text().unwrap();
    assert!(report.contains("state-failed\">Failed<") && report.contains("SMTP 550 (3 of 3)"), "in the report");
    // Finished: it can be deleted, not cancelled.
    let (status, _) = api.call("POST", &format!("/campaigns/{id}/cancel"), None);
    assert_eq!(status, 409);
}

#[test]
fn templates_that_could_grow_without_limit_are_refused_in_the_editor_and_the_api() {
    use crate::helpers::{location, NEW_PASSWORD};
    let app = crate::helpers::spawn_app();
    let api = Api::new(&app);
    let v = api.ok("POST", "/campaigns", Some(json!({"name": "Big", "subject": "Hi", "body": "Hello"})));
    let id = v["campaign"]["id"].as_str().unwrap().to_string();

    // The review's template: refused when it is saved, the construct and the line named.
    let review = "Hi\n{% set a='x'*50000000 %}{% set b=a~a %}{% set c=b~b %}{{ c|length }}";
    let (status, v) = api.call("PATCH", &format!("/campaigns/{id}"), Some(json!({ "body": review })));
    assert_eq!((status, v["field"].as_str()), (422, Some("body")), "{v}");
    let message = v["message"].as_str().unwrap();
    assert!(message.starts_with("body, line 2: `*` multiplies numbers only"), "{message}");
    let (status, v) = api.call("PATCH", &format!("/campaigns/{id}"), Some(json!({"subject": "{{ a ~ b }}"})));
    assert_eq!((status, v["field"].as_str()), (422, Some("subject")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("`~`"), "{v}");
    let (status, v) = api.call(
        "POST",
        "/templates",
        Some(json!({"key": "nest", "subject": "s", "body": "{% macro m() %}{{ caller() }}{% endmacro %}"})),
    );
    assert_eq!((status, v["field"].as_str()), (422, Some("body")), "{v}");
    assert_eq!(api.ok("GET", &format!("/campaigns/{id}"), None)["campaign"]["body"], "Hello", "nothing saved");

    // A template that passes the check but asks for more than the limit: the preview is a 422
    // naming the limit.
    let greedy = "{% for i in range(100000) %}{% set l = range(100000)|list %}{% endfor %}";
    api.ok("PATCH", &format!("/campaigns/{id}"), Some(json!({ "body": greedy })));
    let (status, v) = api.call("POST", &format!("/campaigns/{id}/preview"), Some(json!({})));
    assert_eq!((status, v["field"].as_str()), (422, Some("body")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("grew past 8 MiB"), "{v}");

    // The editor: the same words, the typed text kept; the preview frame says why, as a 422.
    let admin = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(&admin, "/campaigns", "/campaigns", &[("name", "Editor")]);
    let at = location(&r);
    let fields =
        |body: &'static str| vec![("name", "Editor"), ("subject", "Hi"), ("format", "markdown"), ("body", body)];
    let r = app.post_form(&admin, &at, &at, &fields("Line one\n\n{% set s %}{{ first_name }}{% endset %}"));
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    let error = crate::helpers::text_of_id(&page, "body-error").unwrap_or_default();
    assert!(error.contains("line 3") && error.contains("{% endset %}"), "{error}");
    assert!(page.contains("{% set s %}{{ first_name }}{% endset %}"), "the typed body is kept");
    let r = app.post_form(&admin, &at, &format!("{at}/preview"), &fields(greedy));
    assert_eq!(r.status(), 422);
    let doc = r.text().unwrap();
    assert!(doc.contains("cannot be rendered") && doc.contains("grew past 8 MiB"), "{doc}");

    // The template editor: the same, for a message template's body.
    let at = "/templates/confirm-subscription";
    let body = "Hello\n{% call range(3) %}x{% endcall %}";
    let r = app.post_form(&admin, at, at, &[("name", "Confirm"), ("subject", "Please confirm"), ("body", body)]);
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    let error = crate::helpers::text_of_id(&page, "body-error").unwrap_or_default();
    assert!(error.contains("line 2") && error.contains("{% call %}"), "{error}");
    assert!(page.contains("{% call range(3) %}x{% endcall %}"), "the typed body is kept");
    assert!(!app.get(&admin, at).text().unwrap().contains("endcall"), "nothing saved");
}
