//! Who is writing: senders set in Settings → Email and used by the next message, the default
//! made from the organisation and the public host, verification by a mailed link, the
//! per-campaign sender and preheader, and the editor's live audience count.

use std::time::Duration;

use mail_parser::MessageParser;
use reqwest::blocking::Client;
use serde_json::json;

use crate::campaigns::{header, mail_config, relay_to, Api};
use crate::helpers::{csrf_of, location, spawn_app_with, TestApp, NEW_PASSWORD};
use crate::smtp_sink::{Received, SinkOptions, SmtpSink};

/// A campaign to `list` with the given extra fields, sent and finished; returns its id.
fn send_campaign(api: &Api, list: &str, extra: serde_json::Value) -> String {
    let mut body = json!({
        "name": "Winter news", "subject": "Winter news for {{ first_name }}",
        "body": "# Hello {{ first_name }}\n\nShoes for the snow.", "lists": [list],
    });
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let v = api.ok("POST", "/campaigns", Some(body));
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let done = api.wait_state(&id, "sent", Duration::from_secs(20));
    assert_eq!(done["state"], "sent", "{done}");
    id
}

fn save_sender(
    app: &TestApp,
    admin: &Client,
    address: &str,
    name: &str,
    reply_to: &str,
) -> reqwest::blocking::Response {
    app.post_form(
        admin,
        "/settings/email",
        "/settings/email/senders",
        &[("address", address), ("name", name), ("reply_to", reply_to)],
    )
}

fn html_part(m: &Received) -> String {
    MessageParser::default().parse(&m.data).unwrap().body_html(0).unwrap().into_owned()
}

#[test]
fn a_sender_saved_in_settings_is_on_the_next_mail_without_a_restart() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let admin = app.login_admin(NEW_PASSWORD);
    let api = Api::new(&app);
    api.list("News");
    api.contact("ann@example.org", &["news"], &[], true);

    // The config file's sender until one is saved.
    send_campaign(&api, "news", json!({}));
    let first = sink.wait_for(1);
    assert!(header(&first[0], "From").unwrap().contains("<news@example.com>"), "{:?}", header(&first[0], "From"));

    // A refused value names the field and keeps what was typed.
    let r = save_sender(&app, &admin, "team@shoeshop.example", "Shoe\u{2028}Shop", "");
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("id=\"sender-name-error\""), "{page}");
    assert!(page.contains("value=\"team@shoeshop.example\""), "typed address kept: {page}");

    let r = save_sender(&app, &admin, "Team@ShoeShop.example", "Shoe Shop Team", "help@shoeshop.example");
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let page = app.get(&admin, "/settings/email").text().unwrap();
    assert!(page.contains("Shoe Shop Team &lt;team@shoeshop.example&gt;"), "the page shows the sender in use: {page}");

    send_campaign(&api, "news", json!({}));
    let got = sink.wait_for(2);
    let m = &got[1];
    let from = header(m, "From").unwrap();
    assert!(from.contains("Shoe Shop Team") && from.contains("<team@shoeshop.example>"), "{from}");
    assert_eq!(header(m, "Reply-To").as_deref(), Some("help@shoeshop.example"));
    assert!(header(m, "Message-ID").unwrap().ends_with("@shoeshop.example>"), "{:?}", header(m, "Message-ID"));
    assert!(m.from.starts_with("bounce+") && m.from.ends_with("@bounces.example.com"), "VERP unchanged: {}", m.from);

    // Another sender made the default: the next transactional message carries it, and an empty
    // name is the organisation's.
    assert_eq!(save_sender(&app, &admin, "orders@shoeshop.example", "", "").status(), 303);
    let r = app.post_form(
        &admin,
        "/settings/email",
        "/settings/email/senders/default",
        &[("address", "orders@shoeshop.example")],
    );
    assert_eq!(r.status(), 303);
    api.ok("POST", "/templates", Some(json!({"key": "shipped", "subject": "Shipped", "body": "On its way."})));
    let (status, v) = api.call("POST", "/messages", Some(json!({"template": "shipped", "to": "ann@example.org"})));
    assert_eq!(status, 202, "{v}");
    let got = sink.wait_for(3);
    let from = header(&got[2], "From").unwrap();
    assert!(from.contains("My shop") && from.contains("<orders@shoeshop.example>"), "{from}");
    assert_eq!(header(&got[2], "Reply-To"), None);
}

#[test]
fn the_default_sender_is_the_organisation_at_the_public_host() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        c.http.public_url = "https://news.shoe-shop.example".into();
        c.mail.relays = vec![relay_to(sink.port())];
    });
    let admin = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(
        &admin,
        "/settings",
        "/settings",
        &[("organisation", "Shoe Shop Ltd"), ("time_zone", "UTC"), ("currency", "EUR")],
    );
    assert_eq!(r.status(), 303);
    let dashboard = app.get(&admin, "/").text().unwrap();
    assert!(!dashboard.contains("other mail servers refuse"), "no sender warning: {dashboard}");

    let api = Api::new(&app);
    api.list("News");
    api.contact("ann@example.org", &["news"], &[], true);
    send_campaign(&api, "news", json!({}));
    let got = sink.wait_for(1);
    let from = header(&got[0], "From").unwrap();
    assert!(from.contains("Shoe Shop Ltd") && from.contains("<news@news.shoe-shop.example>"), "{from}");
    assert!(!from.contains("localhost"), "{from}");
}

#[test]
fn an_unverified_sender_is_refused_for_a_campaign_then_a_mailed_link_verifies_it_once() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let admin = app.login_admin(NEW_PASSWORD);
    let api = Api::new(&app);
    api.list("News");
    api.contact("ann@example.org", &["news"], &[], true);
    assert_eq!(save_sender(&app, &admin, "offers@shoeshop.example", "Shoe Shop Offers", "").status(), 303);

    // API: 422 naming the field.
    let v = api.ok("POST", "/campaigns", Some(json!({"name": "Sale", "lists": ["news"]})));
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    let (status, v) =
        api.call("PATCH", &format!("/campaigns/{id}"), Some(json!({"sender": "offers@shoeshop.example"})));
    assert_eq!((status, v["field"].as_str()), (422, Some("sender")), "{v}");
    let (status, v) =
        api.call("PATCH", &format!("/campaigns/{id}"), Some(json!({"preheader": "a\r\nBcc: x@evil.example"})));
    assert_eq!((status, v["field"].as_str()), (422, Some("preheader")), "{v}");
    // Page: 422, the field named, what was typed kept.
    let r = app.post_form(
        &admin,
        &format!("/campaigns/{id}"),
        &format!("/campaigns/{id}"),
        &[
            ("name", "Sale typed"),
            ("lists", "news"),
            ("sender", "offers@shoeshop.example"),
            ("preheader", "Half price"),
        ],
    );
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("id=\"sender-error\"") && page.contains("is not verified"), "{page}");
    assert!(page.contains("value=\"Sale typed\"") && page.contains("value=\"Half price\""), "{page}");
    assert!(api.ok("GET", &format!("/campaigns/{id}"), None)["campaign"]["name"] == "Sale", "nothing written");

    // The link is mailed to the sender's own address.
    let r = app.post_form(
        &admin,
        "/settings/email",
        "/settings/email/senders/verify",
        &[("address", "offers@shoeshop.example")],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let got = sink.wait_for(1);
    assert_eq!(got[0].to, vec!["offers@shoeshop.example"]);
    let text = MessageParser::default().parse(&got[0].data).unwrap().body_text(0).unwrap().into_owned();
    let start = text.find("https://").expect("a link");
    let link = text[start..].split_whitespace().next().unwrap().to_string();
    let path = &link[link.find("/sender/confirm/").expect("the confirm path")..];

    let public = app.client();
    let page = app.get(&public, path);
    assert_eq!(page.status(), 200);
    assert!(page.text().unwrap().contains("offers@shoeshop.example"));
    let r = public.post(format!("{}{path}", app.url)).send().unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().unwrap().contains("Sender confirmed"));
    assert_eq!(public.post(format!("{}{path}", app.url)).send().unwrap().status(), 404, "the link works once");
    assert_eq!(app.get(&public, "/sender/confirm/forged").status(), 404);
    let settings = app.get(&admin, "/settings/email").text().unwrap();
    assert!(settings.contains("yes: confirmed from its mailbox"), "{settings}");

    // Now it can be chosen; the sent mail carries it, and the preheader comes first in the HTML.
    api.ok(
        "PATCH",
        &format!("/campaigns/{id}"),
        Some(json!({"sender": "offers@shoeshop.example", "preheader": "Half price on winter boots"})),
    );
    let r = app.get(&admin, &format!("/campaigns/{id}")).text().unwrap();
    assert!(r.contains("value=\"Half price on winter boots\""), "the editor shows the preheader");
    api.ok(
        "PATCH",
        &format!("/campaigns/{id}"),
        Some(json!({"subject": "Sale", "body": "Our **sale** starts today."})),
    );
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    assert_eq!(api.wait_state(&id, "sent", Duration::from_secs(20))["state"], "sent");
    let got = sink.wait_for(2);
    let m = got.iter().find(|m| m.to == vec!["ann@example.org"]).expect("the campaign message");
    let from = header(m, "From").unwrap();
    assert!(from.contains("Shoe Shop Offers") && from.contains("<offers@shoeshop.example>"), "{from}");
    let html = html_part(m);
    let body = &html[html.find("<body").unwrap()..];
    let body = &body[body.find('>').unwrap() + 1..];
    assert!(body.starts_with("<div class=\"preheader\""), "the preheader first: {}", &body[..200.min(body.len())]);
    assert!(body[..400].contains("Half price on winter boots"));
    let text = MessageParser::default().parse(&m.data).unwrap().body_text(0).unwrap().into_owned();
    assert!(!text.contains("Half price"), "the text part is as written: {text}");

    // A sender a campaign still needs cannot be removed.
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Next", "lists": ["news"], "sender": "offers@shoeshop.example"})),
    );
    assert_eq!(v["campaign"]["sender"], "offers@shoeshop.example");
    let r = app.post_form(
        &admin,
        "/settings/email",
        "/settings/email/senders/remove",
        &[("address", "offers@shoeshop.example")],
    );
    assert_eq!(r.status(), 409);
    assert!(r.text().unwrap().contains("Next"));
}

#[test]
fn the_live_audience_count_is_the_number_then_sent() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let admin = app.login_admin(NEW_PASSWORD);
    let api = Api::new(&app);
    api.list("News");
    api.list("Shoes");
    api.contact("a@example.org", &["news"], &[], true);
    api.contact("b@example.org", &["news", "shoes"], &[], true);
    api.contact("c@example.org", &["shoes"], &["vip"], true);
    api.contact("d@example.org", &[], &["vip"], true);
    api.contact("noconsent@example.org", &["news", "shoes"], &[], false);
    let unsub = api.contact("unsub@example.org", &["shoes"], &[], true);
    api.ok("PATCH", &format!("/contacts/{unsub}"), Some(json!({"status": "unsubscribed"})));

    let r = app.post_form(&admin, "/campaigns", "/campaigns", &[("name", "Count me")]);
    let editor = location(&r);
    let id = editor.trim_start_matches("/campaigns/").to_string();
    let count = |body: serde_json::Value| api.call("POST", &format!("/campaigns/{id}/audience-count"), Some(body));
    // Before saving: as the boxes are ticked.
    assert_eq!(count(json!({"lists": ["news"]})).1["count"], 2);
    let (status, v) = count(json!({"lists": ["news", "shoes"], "tags": ["vip"]}));
    assert_eq!((status, v["count"].as_u64()), (200, Some(4)), "each contact once: {v}");
    let (status, v) = count(json!({"lists": ["nope"]}));
    assert_eq!((status, v["field"].as_str()), (422, Some("lists")), "{v}");
    assert_eq!(count(json!({"lists": []})).1["count"], 0);
    // The editor's script: the session, with the page's CSRF token in the header.
    let csrf = csrf_of(&app.get(&admin, &editor).text().unwrap());
    let url = format!("{}/api/v1/campaigns/{id}/audience-count", app.url);
    let r = admin.post(&url).header("X-CSRF-Token", &csrf).json(&json!({"lists": ["shoes"]})).send().unwrap();
    assert_eq!(r.json::<serde_json::Value>().unwrap()["count"], 2);
    assert_eq!(admin.post(&url).json(&json!({"lists": ["shoes"]})).send().unwrap().status(), 403, "no token, no count");
    assert_eq!(
        api.ok("GET", &format!("/campaigns/{id}"), None)["campaign"]["audience"]["lists"],
        json!([]),
        "nothing saved"
    );

    // Saved and sent: the same number arrives.
    let r = app.post_form(
        &admin,
        &editor,
        &editor,
        &[
            ("name", "Count me"),
            ("subject", "Hello"),
            ("body", "Hello {{ first_name }}"),
            ("lists", "news"),
            ("lists", "shoes"),
            ("tags", "vip"),
        ],
    );
    assert_eq!(r.status(), 303);
    let page = app.get(&admin, &editor).text().unwrap();
    assert!(page.contains("<span id=\"audience-count\">4</span>"), "the count without script: {page}");
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let done = api.wait_state(&id, "sent", Duration::from_secs(20));
    assert_eq!(done["progress"]["sent"], 4, "{done}");
    assert_eq!(sink.wait_for(4).len(), 4);
}
