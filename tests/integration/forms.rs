//! Subscribe forms over real HTTPS, with a real SMTP sink on loopback as the relay: double
//! opt-in end to end, signed links, header injection, honeypot, same answer for every address,
//! rate limits, proof of work, the removal of unconfirmed sign-ups and erasure.

use std::time::{Duration, Instant};

use reqwest::blocking::Response;
use serde_json::json;
use tidings::config::{Config, RelayConfig, RelayTls};
use tidings::domain::{EmailAddress, Status, Via};
use tidings::forms::{ConfirmToken, FormId};

use crate::helpers::{spawn_app_with, TestApp};
use crate::smtp_sink::{SinkOptions, SmtpSink};

fn with_relay(c: &mut Config, sink: &SmtpSink) {
    c.mail.from = "news@example.com".into();
    c.mail.relays = vec![RelayConfig {
        name: "sink".into(),
        host: "127.0.0.1".into(),
        port: sink.port(),
        tls: RelayTls::None,
        timeout_secs: 5,
        ..Default::default()
    }];
}

/// An app with a relay to a fresh sink, a list `news` and a form (via the API).
fn setup(tweak: impl FnOnce(&mut Config), form: serde_json::Value) -> (TestApp, SmtpSink, FormId) {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        with_relay(c, &sink);
        tweak(c);
    });
    tidings::contacts::ops::create_list(&app.state, tidings::ops::By::cli(), "News", "").unwrap();
    let token = app.admin_token(&["send_campaigns"]);
    let r = app.client().post(format!("{}/api/v1/forms", app.url)).bearer_auth(&token).json(&form).send().unwrap();
    assert_eq!(r.status(), 201);
    let v: serde_json::Value = r.json().unwrap();
    let id = v["form"]["id"].as_str().unwrap().parse().unwrap();
    (app, sink, id)
}

fn default_form() -> serde_json::Value {
    json!({ "name": "Footer", "title": "Our newsletter", "ask_first_name": true, "lists": ["news"], "purposes": ["newsletter"] })
}

/// Posts the hosted form; the newsletter box is ticked unless the fields say which boxes are.
fn submit(app: &TestApp, form: &FormId, fields: &[(&str, &str)]) -> Response {
    let mut all = fields.to_vec();
    if !all.iter().any(|(k, _)| *k == "consent") && !all.iter().any(|(k, _)| *k == "no_consent") {
        all.push(("consent", "newsletter"));
    }
    all.retain(|(k, _)| *k != "no_consent");
    app.client().post(format!("{}/f/{form}", app.url)).form(&all).send().unwrap()
}

fn email(s: &str) -> EmailAddress {
    EmailAddress::parse(s).unwrap()
}

/// The confirmation path (`/f/confirm/…`) in a received message.
fn confirm_path(data: &[u8]) -> String {
    let msg = mail_parser::MessageParser::default().parse(data).unwrap();
    let text = msg.body_text(0).unwrap().to_string();
    let at = text.find("/f/confirm/").unwrap_or_else(|| panic!("no confirmation link in:\n{text}"));
    text[at..].split(|c: char| c.is_whitespace() || c == ')' || c == '>').next().unwrap().to_string()
}

#[test]
fn double_opt_in_end_to_end_with_the_confirmation_arriving_by_smtp() {
    let (app, sink, form) = setup(|_| {}, default_form());
    let st = &app.state;
    // A reader that never reads: the feed keeps every entry for the test to look at.
    st.feed.register("witness");
    let started = Instant::now();
    let r = submit(
        &app,
        &form,
        &[("email", "Ada@Example.org"), ("first_name", "Ada"), ("consent", "newsletter:1"), ("website", "")],
    );
    assert_eq!(r.status(), 200);
    assert!(r.text().unwrap().contains("Check your inbox"));

    let got = sink.wait_for(1);
    assert_eq!(got.len(), 1, "the confirmation arrived");
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "the confirmation took {took:?}");
    assert_eq!(got[0].to, vec!["ada@example.org"]);
    let path = confirm_path(&got[0].data);

    // Pending, nothing granted yet, not on the list yet.
    let c = st.contacts.find_by_email(&email("ada@example.org")).unwrap().unwrap();
    assert_eq!(c.status, Status::Pending);
    assert!(st.contacts.ledger(&c.id).unwrap().is_empty(), "no consent before confirmation");
    assert!(c.lists.is_empty());

    // A link scanner's GET confirms nothing.
    let page = app.client().get(format!("{}{path}", app.url)).send().unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().unwrap().contains("Yes, confirm my subscription"));
    assert_eq!(st.contacts.get(&c.id).unwrap().unwrap().status, Status::Pending);

    // The button's POST does.
    let r = app.client().post(format!("{}{path}", app.url)).send().unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().unwrap().contains("Subscription confirmed"));
    let c = st.contacts.get(&c.id).unwrap().unwrap();
    assert_eq!(c.status, Status::Subscribed);
    assert!(c.lists.contains("news"));
    assert_eq!(c.first_name, "Ada");
    let ledger = st.contacts.ledger(&c.id).unwrap();
    assert_eq!(ledger.len(), 1);
    let e = &ledger[0];
    assert!(e.granted && e.purpose == "newsletter");
    assert_eq!(e.via, Via::Form(form.to_string()));
    assert_eq!(e.wording, Some(("newsletter".to_string(), 1)));
    assert_eq!(e.ip.map(|i| i.to_string()).as_deref(), Some("127.0.0.0/24"), "truncated IP from the submission");

    // Confirming again changes nothing.
    let r = app.client().post(format!("{}{path}", app.url)).send().unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(st.contacts.ledger(&c.id).unwrap().len(), 1);
    let subs = st.forms.submissions_of(&c.id).unwrap();
    assert_eq!(subs.len(), 1);
    assert!(subs[0].confirmed_at.is_some());
    assert_eq!(subs[0].purposes, vec![("newsletter".to_string(), 1)]);
    let counts = st.forms.counts(&form).unwrap();
    assert_eq!((counts.submitted, counts.confirmed, counts.pending()), (1, 1, 0));
    // Each fact is on the change feed once, in the order it happened (the second confirmation
    // added nothing): what journeys and webhooks will start from.
    let kinds: Vec<&str> = st
        .feed
        .read(0, 10_000)
        .unwrap()
        .iter()
        .filter(|e| e.change.contacts().contains(&c.id))
        .map(|e| e.change.kind())
        .collect();
    assert_eq!(
        kinds,
        ["contact_created", "form_submitted", "contact_updated", "consent_changed", "form_confirmed", "status_changed"],
        "the feed's entries about Ada"
    );

    // An altered token, another key's token and an expired one are refused.
    let token = path.trim_start_matches("/f/confirm/").to_string();
    let mut altered = token.clone().into_bytes();
    altered[3] = if altered[3] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    let r = app.client().post(format!("{}/f/confirm/{altered}", app.url)).send().unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.text().unwrap().contains("not valid"));
    let seq = 1;
    let forged = ConfirmToken { contact: c.id, form, seq, expires: chrono::Utc::now().timestamp() + 3600 }
        .sign(&tidings::store::Keyring::new(tidings::store::SecretKey::random()));
    assert_eq!(app.client().post(format!("{}/f/confirm/{forged}", app.url)).send().unwrap().status(), 404);
    let expired =
        ConfirmToken { contact: c.id, form, seq, expires: chrono::Utc::now().timestamp() - 1 }.sign(st.store.keyring());
    let r = app.client().post(format!("{}/f/confirm/{expired}", app.url)).send().unwrap();
    assert_eq!(r.status(), 410);
    assert!(r.text().unwrap().contains("expired"));
}

#[test]
fn header_injection_is_refused_and_nothing_is_stored_or_sent() {
    let (app, sink, form) = setup(|_| {}, default_form());
    for fields in [
        vec![("email", "eve@example.org"), ("first_name", "Eve\r\nBcc: victim@example.net")],
        vec![("email", "eve@example.org\r\nBcc: victim@example.net"), ("first_name", "Eve")],
        vec![("email", "eve@example.org"), ("first_name", "Eve\nX-Evil: 1")],
        vec![("email", "eve@example.org"), ("first_name", "Eve\0")],
    ] {
        let r = submit(&app, &form, &fields);
        assert_eq!(r.status(), 400, "{fields:?}");
        let body = r.text().unwrap();
        let field = fields.iter().find(|(_, v)| v.contains(['\r', '\n', '\0'])).unwrap().0;
        assert!(body.contains(&format!("“{field}”")), "the message names the field: {body}");
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(sink.messages().is_empty(), "no mail");
    assert_eq!(app.state.contacts.iter().count(), 0, "no contact");
    assert_eq!(app.state.forms.counts(&form).unwrap().submitted, 0);
}

#[test]
fn the_honeypot_and_every_kind_of_address_get_the_same_answer() {
    let (app, sink, form) = setup(|_| {}, default_form());
    let st = &app.state;
    // A bot fills the hidden field: told what a person is told, nothing stored, nothing sent.
    let bot = submit(&app, &form, &[("email", "bot@example.org"), ("website", "http://spam.example")]);
    assert_eq!(bot.status(), 200);
    let bot = bot.text().unwrap();

    // A subscriber who already exists.
    let by = tidings::ops::By::cli();
    let mut input = tidings::domain::ContactInput::default();
    tidings::contacts::ops::set_text(
        &mut input,
        &tidings::contacts::ops::Target::Email,
        "known@example.org",
        &[],
        None,
    )
    .unwrap();
    let known = tidings::contacts::ops::create(st, by, &input, tidings::domain::Source::Admin).unwrap();
    let for_known = submit(&app, &form, &[("email", "known@example.org"), ("first_name", "Mallory")]);
    let for_new = submit(&app, &form, &[("email", "new@example.org")]);
    assert_eq!(for_known.status(), 200);
    assert_eq!(for_new.status(), 200);
    let (for_known, for_new) = (for_known.text().unwrap(), for_new.text().unwrap());
    assert_eq!(for_known, for_new, "the same page whether or not the address exists");
    assert_eq!(bot, for_new, "the honeypot's answer is the same page too");

    assert!(st.contacts.find_by_email(&email("bot@example.org")).unwrap().is_none());
    let got = sink.wait_for(2);
    assert_eq!(got.len(), 2, "two confirmations, none for the bot");
    assert!(got.iter().all(|m| m.to[0] != "bot@example.org"));
    // The known subscriber is neither downgraded nor changed by an unconfirmed submission.
    let k = st.contacts.get(&known.id).unwrap().unwrap();
    assert_eq!(k.status, Status::Subscribed);
    assert_eq!(k.first_name, "");
}

#[test]
fn rate_limits_per_address_and_per_network() {
    let (app, _sink, form) = setup(
        |c| {
            c.forms.per_address_per_hour = 2;
            c.forms.per_ip_per_minute = 4;
        },
        default_form(),
    );
    assert_eq!(submit(&app, &form, &[("email", "r@example.org")]).status(), 200);
    assert_eq!(submit(&app, &form, &[("email", "r@example.org")]).status(), 200);
    let r = submit(&app, &form, &[("email", "R@example.org")]);
    assert_eq!(r.status(), 429, "a third time for the same address within the hour");
    assert!(r.text().unwrap().contains("Too many attempts"));
    // The network's budget (4 a minute) is now spent by the three above and one more.
    assert_eq!(submit(&app, &form, &[("email", "s@example.org")]).status(), 200);
    assert_eq!(submit(&app, &form, &[("email", "t@example.org")]).status(), 429);
}

#[test]
fn a_snippet_on_another_site_may_post_cross_origin() {
    let (app, sink, form) = setup(|_| {}, default_form());
    let r = app
        .client()
        .post(format!("{}/f/{form}", app.url))
        .header("Origin", "https://shop.example")
        .form(&[("email", "shopper@example.org"), ("consent", "newsletter:1")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(sink.wait_for(1).len(), 1);
}

#[test]
fn proof_of_work_is_required_checked_and_spent_once() {
    let mut f = default_form();
    f["proof_of_work"] = json!(true);
    let (app, _sink, form) = setup(|c| c.forms.pow_difficulty = 8, f);
    let page = app.client().get(format!("{}/f/{form}", app.url)).send().unwrap().text().unwrap();
    assert!(page.contains("/static/pow.js") && page.contains("<noscript>"), "{page}");

    let r = submit(&app, &form, &[("email", "p@example.org")]);
    assert_eq!(r.status(), 400, "without the answer");
    assert!(r.text().unwrap().contains("JavaScript"));

    let c: serde_json::Value =
        app.client().get(format!("{}/f/{form}/challenge", app.url)).send().unwrap().json().unwrap();
    let challenge = c["challenge"].as_str().unwrap().to_string();
    let nonce = tidings::forms::pow::solve(&challenge);
    let fields = [("email", "p@example.org"), ("pow_challenge", challenge.as_str()), ("pow_nonce", nonce.as_str())];
    assert_eq!(submit(&app, &form, &fields).status(), 200);
    assert_eq!(submit(&app, &form, &fields).status(), 400, "a challenge is good once");
    let wrong = (0..).map(|n: u64| n.to_string()).find(|n| tidings::forms::pow::zero_bits(&challenge, n) < 8).unwrap();
    let c: serde_json::Value =
        app.client().get(format!("{}/f/{form}/challenge", app.url)).send().unwrap().json().unwrap();
    let fresh = c["challenge"].as_str().unwrap();
    let r = submit(&app, &form, &[("email", "q@example.org"), ("pow_challenge", fresh), ("pow_nonce", &wrong)]);
    // `wrong` was chosen against the first challenge; against the fresh one it is almost surely wrong too.
    if tidings::forms::pow::zero_bits(fresh, &wrong) < 8 {
        assert_eq!(r.status(), 400);
    }
}

#[test]
fn unconfirmed_sign_ups_are_removed_by_the_job_and_erasure_removes_submissions() {
    let (app, sink, form) = setup(|_| {}, default_form());
    let st = &app.state;
    assert_eq!(submit(&app, &form, &[("email", "late@example.org"), ("consent", "newsletter:1")]).status(), 200);
    // A known contact who submits and never confirms keeps their record; only the submission goes.
    let by = tidings::ops::By::cli();
    let mut input = tidings::domain::ContactInput::default();
    tidings::contacts::ops::set_text(&mut input, &tidings::contacts::ops::Target::Email, "kept@example.org", &[], None)
        .unwrap();
    let kept = tidings::contacts::ops::create(st, by, &input, tidings::domain::Source::Admin).unwrap();
    assert_eq!(submit(&app, &form, &[("email", "kept@example.org")]).status(), 200);
    // And one who confirms stays.
    assert_eq!(submit(&app, &form, &[("email", "keen@example.org"), ("consent", "newsletter:1")]).status(), 200);
    let mails = sink.wait_for(3);
    let keen_mail = mails.iter().find(|m| m.to[0] == "keen@example.org").unwrap();
    let path = confirm_path(&keen_mail.data);
    assert_eq!(app.client().post(format!("{}{path}", app.url)).send().unwrap().status(), 200);

    let late = st.contacts.find_by_email(&email("late@example.org")).unwrap().unwrap();
    let keen = st.contacts.find_by_email(&email("keen@example.org")).unwrap().unwrap();
    // Not yet old enough: nothing happens.
    assert_eq!(tidings::forms::ops::remove_unconfirmed(st, chrono::Utc::now()).unwrap(), (0, 0));
    let (erased, removed) =
        tidings::forms::ops::remove_unconfirmed(st, chrono::Utc::now() + chrono::Duration::days(8)).unwrap();
    assert_eq!((erased, removed), (1, 1));
    assert!(st.contacts.get(&late.id).unwrap().is_none(), "the unconfirmed sign-up is gone");
    assert!(st.forms.submissions_of(&late.id).unwrap().is_empty());
    assert!(st.store.export_person(&late.id.person()).unwrap().is_empty(), "no store holds anything of it");
    assert!(st.contacts.get(&kept.id).unwrap().is_some());
    assert!(st.forms.submissions_of(&kept.id).unwrap().is_empty());
    assert_eq!(st.contacts.get(&keen.id).unwrap().unwrap().status, Status::Subscribed);

    // The confirmed person's submission is in their export, and erasure removes it.
    let export = st.store.export_person(&keen.id.person()).unwrap();
    assert!(export.iter().any(|(tree, records)| tree == "form_submissions" && records.len() == 1), "{export:?}");
    tidings::contacts::ops::delete(st, by, &keen.id, true).unwrap();
    assert!(st.forms.submissions_of(&keen.id).unwrap().is_empty());
    assert!(st.store.export_person(&keen.id.person()).unwrap().is_empty());

    // Erased with suppression, the address comes back only by confirming a new sign-up.
    assert!(st.contacts.is_suppressed(&email("keen@example.org")).unwrap());
    assert_eq!(submit(&app, &form, &[("email", "keen@example.org"), ("consent", "newsletter:1")]).status(), 200);
    let mails = sink.wait_for(4);
    assert_eq!(mails.len(), 4, "the confirmation reaches a suppressed address");
    assert!(st.contacts.is_suppressed(&email("keen@example.org")).unwrap(), "still suppressed before confirming");
    let path = confirm_path(&mails[3].data);
    assert_eq!(app.client().post(format!("{}{path}", app.url)).send().unwrap().status(), 200);
    assert!(!st.contacts.is_suppressed(&email("keen@example.org")).unwrap(), "confirming lifts the suppression");
    let back = st.contacts.find_by_email(&email("keen@example.org")).unwrap().unwrap();
    assert_eq!(back.status, Status::Subscribed);
}

#[test]
fn admin_builds_a_form_and_sees_the_hosted_page_and_snippet() {
    use crate::helpers::NEW_PASSWORD;
    let (app, _sink, _) = setup(|_| {}, default_form());
    let admin = app.login_admin(NEW_PASSWORD);
    let list = app.get(&admin, "/forms").text().unwrap();
    assert!(list.contains("Footer") && list.contains(">Forms</a>"), "listed and in the navigation");
    let r = app.post_form(
        &admin,
        "/forms/new",
        "/forms",
        &[
            ("name", "Popup"),
            ("title", "Join us"),
            ("lists", "news"),
            ("purposes", "newsletter"),
            ("double_opt_in", "1"),
        ],
    );
    assert_eq!(r.status(), 303);
    let at = crate::helpers::location(&r);
    let page = app.get(&admin, &at).text().unwrap();
    let id = at.trim_start_matches("/forms/").split('?').next().unwrap().to_string();
    assert!(page.contains(&format!("/f/{id}")), "hosted URL shown");
    assert!(page.contains("<textarea id=\"snippet\""), "snippet shown");
    assert!(page.contains("newsletter:1"), "the snippet carries the wording version");
    assert!(page.contains("Yes, send me the newsletter"), "the wording is visible in the builder");
    // A redirect that is not https or same-site is refused.
    let r = app.post_form(
        &admin,
        &at,
        &format!("/forms/{id}"),
        &[("name", "Popup"), ("redirect_url", "javascript:alert(1)")],
    );
    assert_eq!(r.status(), 422);
    let hosted = app.client().get(format!("{}/f/{id}", app.url)).send().unwrap();
    assert_eq!(hosted.status(), 200);
    assert!(hosted.headers().get("set-cookie").is_none(), "no cookie on the public page");
    let hosted = hosted.text().unwrap();
    assert!(hosted.contains("Join us") && hosted.contains("name=\"website\""));
    assert!(!hosted.contains(" checked"), "consent boxes start unticked");
    let audit = app.get(&admin, "/audit?action=form.created").text().unwrap();
    assert!(audit.contains(&format!("form:{id}")));
}

/// A form can make a purpose required; a sign-up without it, or without any box ticked, is
/// told plainly and kept out (no "subscription confirmed" for someone no campaign may mail),
/// and the page comes back with what was typed.
#[test]
fn a_required_purpose_must_be_ticked_and_a_sign_up_granting_nothing_is_refused() {
    let form = json!({ "name": "Footer", "title": "Our newsletter", "ask_first_name": true, "lists": ["news"],
                       "purposes": ["newsletter", "engagement"], "required_purposes": ["newsletter"] });
    let (app, _sink, id) = setup(|_| {}, form);
    let hosted = app.client().get(format!("{}/f/{id}", app.url)).send().unwrap().text().unwrap();
    assert!(hosted.contains("required"), "the required box is marked: {hosted}");

    // Only the optional box: refused, the required one named, the typed values back.
    let wording = |key: &str| {
        let p = app.state.purposes.get(key).unwrap().unwrap();
        format!("{key}:{}", p.current_wording)
    };
    let engagement = wording("engagement");
    let r = submit(&app, &id, &[("email", "ines@example.org"), ("first_name", "Inès"), ("consent", &engagement)]);
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("to sign up: without your agreement nothing can be sent to you"), "{page}");
    assert!(page.contains(r#"value="ines@example.org""#) && page.contains(r#"value="Inès""#), "typed values kept");
    assert!(page.contains(&format!(r#"value="{engagement}" checked"#)), "the ticked box stays ticked");

    // No box at all on a form with no required one: refused too.
    let optional = json!({ "name": "Side", "title": "Side", "purposes": ["newsletter"] });
    let token = app.admin_token(&["send_campaigns"]);
    let v: serde_json::Value = app
        .client()
        .post(format!("{}/api/v1/forms", app.url))
        .bearer_auth(&token)
        .json(&optional)
        .send()
        .unwrap()
        .json()
        .unwrap();
    let side: FormId = v["form"]["id"].as_str().unwrap().parse().unwrap();
    let r = submit(&app, &side, &[("email", "nobox@example.org"), ("no_consent", "")]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("Tick at least one box"));

    // Nobody was recorded for the refused sign-ups; the required box ticked gets through.
    tidings::intake::process_pending(&app.state);
    for refused in ["ines@example.org", "nobox@example.org"] {
        assert!(app.state.contacts.find_by_email(&email(refused)).unwrap().is_none(), "{refused} recorded");
    }
    let newsletter = wording("newsletter");
    let r = submit(&app, &id, &[("email", "ines@example.org"), ("consent", &newsletter)]);
    assert_eq!(r.status(), 200);
    tidings::intake::process_pending(&app.state);
    assert!(app.state.contacts.find_by_email(&email("ines@example.org")).unwrap().is_some());
}
