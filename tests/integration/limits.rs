//! Size bounds on what clients send, over the real HTTPS server: each door is tried with a
//! request at its bound (accepted, or refused for another reason) and one byte over it
//! (refused, naming what was too large). Bodies over a bound are sent twice: with a declared
//! length (refused before they are read) and chunked (refused as they are counted).

use std::io::{Read, Write};

use reqwest::blocking::{Body, Client, RequestBuilder, Response};
use tidings::http::limits::{HEAD_BUFFER_BYTES, MAX_HEADERS, MAX_PUBLIC_FORM_BYTES, MAX_URI_BYTES, MAX_WEBHOOK_BYTES};

use crate::helpers::*;

/// `prefix` padded with spaces (insignificant in JSON) or `pad` to exactly `size` bytes.
fn padded(prefix: &str, pad: char, size: usize) -> Vec<u8> {
    assert!(prefix.len() <= size);
    let mut v = prefix.as_bytes().to_vec();
    v.resize(size, pad as u8);
    v
}

/// Sends `body` with its length declared, then chunked; returns both answers.
fn both(build: impl Fn() -> RequestBuilder, body: &[u8]) -> [Response; 2] {
    let known = build().body(body.to_vec()).send().unwrap();
    let chunked = build().body(Body::new(std::io::Cursor::new(body.to_vec()))).send().unwrap();
    [known, chunked]
}

/// One byte over: 413 (both ways), and the message names the bound.
fn assert_refused(build: impl Fn() -> RequestBuilder, limit: usize, prefix: &str, pad: char, names: &str) {
    for r in both(&build, &padded(prefix, pad, limit + 1)) {
        let status = r.status().as_u16();
        let text = r.text().unwrap();
        assert_eq!(status, 413, "{text}");
        assert!(text.contains(names), "the refusal names the bound ({names}): {text}");
    }
}

/// At the bound: anything but 413.
fn assert_taken(build: impl Fn() -> RequestBuilder, limit: usize, prefix: &str, pad: char) -> u16 {
    let r = build().body(padded(prefix, pad, limit)).send().unwrap();
    let status = r.status().as_u16();
    assert_ne!(status, 413, "{}", r.text().unwrap_or_default());
    assert!(status < 500, "{status}");
    status
}

fn api_post(c: &Client, app: &TestApp, token: &str, path: &str) -> impl Fn() -> RequestBuilder {
    let (c, url, token) = (c.clone(), format!("{}/api/v1{path}", app.url), token.to_string());
    move || c.post(&url).bearer_auth(&token).header("content-type", "application/json")
}

#[test]
fn json_bodies_are_bounded_per_door_and_the_refusal_names_the_bound() {
    let app = spawn_app_with(|c| {
        c.mail.bounces.mailgun_signing_key = "mailgun key".into();
        c.http.max_body_kb = 128;
    });
    let c = bare_client();
    let token = app.admin_token(&["edit_contacts", "record_events"]);
    let global = 128 * 1024;
    // Any JSON route: `http.max_body_kb`.
    let contacts = api_post(&c, &app, &token, "/contacts");
    assert_eq!(assert_taken(&contacts, global, r#"{"email": "at-the-limit@example.com"}"#, ' '), 201);
    assert_refused(&contacts, global, r#"{"email": "over@example.com"}"#, ' ', "larger than 128 KiB");
    // Routes with their own: 1000 items each.
    let four_mib = 4 * 1024 * 1024;
    for path in ["/contacts/bulk", "/events", "/bounces"] {
        let route = api_post(&c, &app, &token, path);
        let key = if path == "/contacts/bulk" { "contacts" } else { "events" };
        let status = assert_taken(&route, four_mib, &format!(r#"{{"{key}": []}}"#), ' ');
        assert!(matches!(status, 200 | 422), "{path}: {status}");
        assert_refused(&route, four_mib, &format!(r#"{{"{key}": []}}"#), ' ', "larger than 4 MiB");
    }
    // Mailgun's webhook is public: its own bound, whatever `http.max_body_kb` says.
    let url = format!("{}/webhooks/mailgun", app.url);
    let mailgun = || c.post(&url).header("content-type", "application/json");
    assert_eq!(assert_taken(mailgun, MAX_WEBHOOK_BYTES, "{}", ' '), 422);
    assert_refused(mailgun, MAX_WEBHOOK_BYTES, "{}", ' ', "larger than 256 KiB");
    let r = contacts().body(padded("{}", ' ', global + 1)).send().unwrap();
    let v: serde_json::Value = r.json().unwrap();
    assert_eq!((v["code"].as_str(), v["type"].as_str()), (Some("payload_too_large"), Some("invalid_request")));
    assert!(app
        .state
        .contacts
        .find_by_email(&tidings::domain::EmailAddress::parse("over@example.com").unwrap())
        .unwrap()
        .is_none());
}

#[test]
fn form_posts_are_bounded_public_and_admin_alike() {
    let app = spawn_app();
    let c = app.client();
    tidings::contacts::ops::create_list(&app.state, tidings::ops::By::cli(), "News", "").unwrap();
    let token = app.admin_token(&["send_campaigns"]);
    let form = serde_json::json!({ "name": "Footer", "title": "News", "lists": ["news"], "purposes": ["newsletter"] });
    let r = c.post(format!("{}/api/v1/forms", app.url)).bearer_auth(&token).json(&form).send().unwrap();
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().unwrap()["form"]["id"].as_str().unwrap().to_string();
    let urlencoded = |path: String| {
        let (c, url) = (c.clone(), format!("{}{path}", app.url));
        move || c.post(&url).header("content-type", "application/x-www-form-urlencoded")
    };
    // A subscribe form, an unsubscribe link and the privacy portal: 64 KiB. (A bad token or a
    // bad address is only found once the body is read.)
    let names = "larger than 64 KiB";
    for path in [format!("/f/{id}"), "/u/not-a-token".to_string(), "/p/not-a-token".to_string(), "/privacy".into()] {
        let status = assert_taken(urlencoded(path.clone()), MAX_PUBLIC_FORM_BYTES, "email=x&note=", 'a');
        assert!(matches!(status, 400 | 403 | 404 | 422), "{path}: {status}");
        assert_refused(urlencoded(path), MAX_PUBLIC_FORM_BYTES, "email=x&note=", 'a', names);
    }
    // Admin forms (and the login form): `http.max_body_kb`.
    let global = app.state.config.http.max_body_kb * 1024;
    assert_eq!(assert_taken(urlencoded("/login".into()), global, "username=a&password=", 'a'), 403, "no CSRF token");
    assert_refused(urlencoded("/login".into()), global, "username=a&password=", 'a', "The form is larger than 256 KiB");
}

#[test]
fn tracker_hits_are_bounded() {
    let app = spawn_app_with(|c| c.tracking.sites = vec!["https://shop.example".into()]);
    let c = bare_client();
    let url = format!("{}/t/collect", app.url);
    let hit = || c.post(&url).header("content-type", "text/plain").header("origin", "https://shop.example");
    assert_eq!(assert_taken(hit, 16 * 1024, "{}", ' '), 400, "read, and refused for what it says");
    assert_refused(hit, 16 * 1024, "{}", ' ', "larger than 16 KiB");
}

#[test]
fn the_request_target_is_bounded_and_compressed_bodies_are_refused() {
    let app = spawn_app();
    let c = bare_client();
    // Path and query together.
    let at = format!("{}/{}", app.url, "a".repeat(MAX_URI_BYTES - 1));
    assert_eq!(c.get(&at).send().unwrap().status(), 404);
    let r = c.get(format!("{at}a")).send().unwrap();
    assert_eq!(r.status(), 414);
    assert!(r.text().unwrap().contains("longer than 8 KiB"));
    let query = format!("{}/api/v1/contacts?q=", app.url);
    let over = format!("{query}{}", "a".repeat(MAX_URI_BYTES + 1 - "/api/v1/contacts?q=".len()));
    let v: serde_json::Value = c.get(over).send().unwrap().json().unwrap();
    assert_eq!(v["code"], "uri_too_long", "{v}");

    // A gzip body is refused before it is inflated (10 MiB of JSON whitespace in 10 KiB).
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(b"{\"email\": \"zip@example.com\"}").unwrap();
    gz.write_all(&vec![b' '; 10 << 20]).unwrap();
    let gz = gz.finish().unwrap();
    assert!(gz.len() < 64 * 1024);
    let token = app.admin_token(&["edit_contacts"]);
    let r = c
        .post(format!("{}/api/v1/contacts", app.url))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .header("content-encoding", "gzip")
        .body(gz)
        .send()
        .unwrap();
    assert_eq!(r.status(), 415);
    let v: serde_json::Value = r.json().unwrap();
    assert!(v["message"].as_str().unwrap().contains("uncompressed"), "{v}");
}

#[test]
fn the_request_head_is_bounded_before_anything_reads_it() {
    // actix-http's own bounds, pinned: an upgrade that moved them would show here.
    let app = spawn_app();
    // The status, or 0 when the server cut the connection while the head was still coming.
    // (A new client each time: none reuses a connection the server cut.)
    let get = |headers: &[(String, String)]| {
        let mut r = bare_client().get(format!("{}/healthz", app.url));
        for (k, v) in headers {
            r = r.header(k, v);
        }
        r.send().map_or(0, |r| r.status().as_u16())
    };
    // actix-http stops reading once it holds the bound and decides on what it has: the read
    // that crossed it may have brought up to as much again, so only a head over twice the
    // bound is refused every time.
    let big = |n: usize| vec![("x-padding".to_string(), "a".repeat(n))];
    assert_eq!(get(&big(HEAD_BUFFER_BYTES - 8 * 1024)), 200);
    assert!(matches!(get(&big(2 * HEAD_BUFFER_BYTES + 1024)), 431 | 0));
    // reqwest sends `accept` and `host` of its own.
    let many = |n: usize| (0..n).map(|i| (format!("x-h{i}"), "1".to_string())).collect::<Vec<_>>();
    assert_eq!(get(&many(MAX_HEADERS - 2)), 200);
    assert_eq!(get(&many(MAX_HEADERS - 1)), 431);
}

#[test]
fn search_text_is_bounded() {
    let app = spawn_app();
    let token = app.admin_token(&["view_contacts", "view_personal_data"]);
    let c = bare_client();
    let max = tidings::search::MAX_QUERY_CHARS;
    let search = |q: &str| c.get(format!("{}/api/v1/contacts", app.url)).query(&[("q", q)]).bearer_auth(&token);
    assert_eq!(search(&"é".repeat(max)).send().unwrap().status(), 200, "characters, not bytes");
    let r = search(&"é".repeat(max + 1)).send().unwrap();
    assert_eq!(r.status(), 400);
    let v: serde_json::Value = r.json().unwrap();
    assert_eq!(v["field"], "q", "{v}");
    assert!(v["message"].as_str().unwrap().contains("longer than 200 characters"), "{v}");
    // The contacts page names the field too.
    let admin = app.login_admin(NEW_PASSWORD);
    let page = |q: &str| admin.get(format!("{}/contacts", app.url)).query(&[("q", q)]).send().unwrap();
    assert_eq!(page(&"a".repeat(max)).status(), 200);
    let r = page(&"a".repeat(max + 1));
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("longer than 200 characters"));
}

/// A multipart body by hand: `parts` as (name, content).
fn multipart(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, content) in parts {
        let file = if *name == "file" { "; filename=\"x.csv\"" } else { "" };
        body.extend_from_slice(
            format!("--B0UNDARY\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"--B0UNDARY--\r\n");
    body
}

#[test]
fn uploads_are_bounded_in_their_file_their_fields_and_their_structure() {
    use tidings::http::limits::MAX_MULTIPART_OVERHEAD;
    let app = spawn_app_with(|c| c.contacts.max_upload_mb = 1);
    let c = app.login_admin(NEW_PASSWORD);
    let csrf = csrf_of(&app.get(&c, "/contacts/import").text().unwrap());
    let url = format!("{}/contacts/import", app.url);
    let upload = |body: Vec<u8>| {
        c.post(&url).header("content-type", "multipart/form-data; boundary=B0UNDARY").body(body).send().unwrap()
    };
    let file = |n: usize| padded("email\n", 'a', n);
    let r = upload(multipart(&[("csrf", csrf.as_bytes()), ("file", &file(1 << 20))]));
    assert_eq!(r.status(), 303, "a file of exactly max_upload_mb");
    let r = upload(multipart(&[("csrf", csrf.as_bytes()), ("file", &file((1 << 20) + 1))]));
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("The file is larger than 1 MiB"));

    // Only the form's two fields, in order.
    let r = upload(multipart(&[("csrf", csrf.as_bytes()), ("other", b"x"), ("file", &file(10))]));
    assert_eq!(r.status(), 400);
    // A CSRF field is short.
    let r = upload(multipart(&[("csrf", &padded(&csrf, ' ', 201)), ("file", &file(10))]));
    assert_eq!(r.status(), 403);

    // Part headers that never end are not held past the bound on what is not field content.
    let head = "--B0UNDARY\r\nContent-Disposition: form-data; name=\"csrf\"\r\nX-Padding: ";
    let r = upload(padded(head, 'a', MAX_MULTIPART_OVERHEAD));
    assert_eq!(r.status(), 400, "at the bound: read, and malformed");
    let r = upload(padded(head, 'a', MAX_MULTIPART_OVERHEAD + 1));
    assert_eq!(r.status(), 413);
    assert!(r.text().unwrap().contains("part headers) is larger than 1 MiB"));
}

#[test]
fn a_control_socket_request_is_bounded() {
    use tidings::control::MAX_REQUEST_BYTES;
    let app = spawn_app();
    let call = |request: &[u8]| {
        let mut s = std::os::unix::net::UnixStream::connect(app.data_dir().join(tidings::control::SOCKET)).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(30))).unwrap();
        s.write_all(request).unwrap();
        let mut reply = String::new();
        s.read_to_string(&mut reply).unwrap();
        serde_json::from_str::<serde_json::Value>(&reply).unwrap()
    };
    let mut ping = padded(r#"{"op": "ping"}"#, ' ', MAX_REQUEST_BYTES);
    ping.push(b'\n');
    let v = call(&ping);
    assert_eq!((v["ok"].as_bool(), v["output"].as_str()), (Some(true), Some("pong")));
    let v = call(&padded(r#"{"op": "ping"}"#, ' ', MAX_REQUEST_BYTES + 1));
    assert_eq!(v["ok"], false);
    assert!(v["output"].as_str().unwrap().contains("longer than 1 MiB"), "{v}");
}

#[test]
fn a_refused_optional_body_is_not_read_as_no_body() {
    let app = spawn_app();
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    api.contact("in@example.org", &["news"], &[], true);
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(serde_json::json!({"name": "Later", "subject": "Hi", "body": "Hello", "lists": ["news"]})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    let state = || api.ok("GET", &format!("/campaigns/{id}"), None)["campaign"]["state"].clone();
    let token = app.admin_token(&["send_campaigns"]);
    let send = api_post(&bare_client(), &app, &token, &format!("/campaigns/{id}/send"));
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%d %H:%M");
    let schedule = format!(r#"{{"at": "{tomorrow}", "time_zone": "UTC"}}"#);
    // `{"at": …}` too large or cut short: refused, and the campaign is not sent now instead.
    let global = app.state.config.http.max_body_kb * 1024;
    assert_refused(&send, global, &schedule, ' ', "larger than 256 KiB");
    assert_eq!(send().body(schedule[..schedule.len() - 1].to_string()).send().unwrap().status(), 400);
    assert_eq!(state(), "draft");
    // At the bound, the same body schedules it.
    let r = send().body(padded(&schedule, ' ', global)).send().unwrap();
    assert_eq!(r.status(), 202, "{}", r.text().unwrap());
    assert_eq!(state(), "scheduled");
}
