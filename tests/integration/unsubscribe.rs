//! Signed links in mail over the real HTTPS server: the unsubscribe page and its RFC 8058
//! one-click POST (no cookie, no login, flushed before the 200, safe from link scanners), forged
//! and altered tokens refused, the preference centre (lists, consents with wording versions,
//! re-subscription), the rate limit, and an unsubscribe that survives a SIGKILL after its 200.

use std::time::{Duration, Instant};

use reqwest::blocking::Client;
use tidings::contacts::ops;
use tidings::domain::{ConsentEntry, ContactId, ContactInput, EmailAddress, Source, Status, Via};
use tidings::mail::links::{self, LinkKind, MessageLinks};
use tidings::ops::By;
use tidings::state::AppState;
use tidings::store::{Keyring, SecretKey};

use crate::helpers::{csrf_of, location, spawn_app, TestApp};

const CAMPAIGN: &str = "0192f0c4-5b1e-7cc3-9a4e-5d2b1f6e8a10";

/// A contact holding the newsletter and engagement consents, as a subscribe form would leave it.
fn subscribed(state: &AppState, email: &str, lists: &[&str]) -> ContactId {
    let input = ContactInput {
        email: Some(EmailAddress::parse(email).unwrap()),
        first_name: Some("Ada".into()),
        add_lists: lists.iter().map(|l| l.to_string()).collect(),
        ..Default::default()
    };
    let c = ops::create(state, By::cli(), &input, Source::Form).unwrap();
    for purpose in ["newsletter", "engagement"] {
        ops::record_consent(state, By::cli(), &c.id, purpose, true, "signed up", None, None).unwrap();
    }
    c.id
}

/// A client that keeps no cookies, as a mail provider's one-click POST is.
fn cookieless() -> Client {
    crate::helpers::client_builder()
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// The path of a link (the configured public URL names a host the test does not resolve).
fn path(url: &str) -> String {
    let at = ["/u/", "/p/", "/m/"].iter().find_map(|p| url.find(p)).expect("a link path");
    url[at..].to_string()
}

fn links_for(app: &TestApp, id: &ContactId, campaign: Option<&str>) -> MessageLinks {
    links::message_links(&app.state.config, app.state.store.keyring(), id, campaign)
}

fn one_click(c: &Client, app: &TestApp, path: &str) -> reqwest::blocking::Response {
    c.post(format!("{}{path}", app.url))
        .header("content-type", "application/x-www-form-urlencoded")
        // A provider's request: from another origin, which the admin pages would refuse.
        .header("origin", "https://mail.example.net")
        .body("List-Unsubscribe=One-Click")
        .send()
        .unwrap()
}

/// A page's text with minijinja's escaped slashes (`&#x2f;`) read back as `/`.
fn text(r: reqwest::blocking::Response) -> String {
    r.text().unwrap().replace("&#x2f;", "/")
}

fn status_of(app: &TestApp, id: &ContactId) -> Status {
    app.state.contacts.get(id).unwrap().unwrap().status
}

fn entries(app: &TestApp, id: &ContactId, purpose: &str) -> Vec<ConsentEntry> {
    app.state.contacts.ledger(id).unwrap().into_iter().filter(|e| e.purpose == purpose).collect()
}

#[test]
fn get_changes_nothing_and_bad_tokens_are_refused() {
    let app = spawn_app();
    let id = subscribed(&app.state, "ada@example.com", &[]);
    let l = links_for(&app, &id, Some(CAMPAIGN));
    let c = cookieless();

    // The confirm page, opened as often as a link scanner likes, unsubscribes no one.
    for _ in 0..3 {
        let r = app.get(&c, &path(&l.unsubscribe_url));
        assert_eq!(r.status(), 200);
        assert!(r.headers().get("set-cookie").is_none());
        let page = text(r);
        assert!(page.contains("Unsubscribe a•••@example.com from My shop?"), "{page}");
        assert!(page.contains("<form method=\"post\""), "a confirm button: {page}");
        assert!(page.contains("href=\"/p/"), "a link to the preference centre: {page}");
        assert!(!page.contains("ada@example.com"), "the address is masked");
    }
    assert_eq!(status_of(&app, &id), Status::Subscribed);
    assert_eq!(entries(&app, &id, "newsletter").len(), 1);

    // Altered, forged, truncated and other-kind tokens: the same plain 404, for GET and POST.
    let token = path(&l.unsubscribe_url)[3..].to_string();
    let mut altered = token.clone().into_bytes();
    altered[20] = if altered[20] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    let forged =
        links::sign(&Keyring::new(SecretKey::random()), LinkKind::Unsubscribe, &id, Some(CAMPAIGN), chrono::Utc::now());
    let preferences_token = path(&l.preferences_url)[3..].to_string();
    let view_token = path(&l.view_in_browser_url)[3..].to_string();
    let bad = [
        format!("/u/{altered}"),
        format!("/u/{forged}"),
        format!("/u/{}", &token[..token.len() - 4]),
        format!("/u/{preferences_token}"),
        format!("/u/{view_token}"),
        format!("/p/{token}"),
        "/u/not-a-token".to_string(),
    ];
    for p in &bad {
        for post in [false, true] {
            let r = if post {
                c.post(format!("{}{p}", app.url)).form(&[("List-Unsubscribe", "One-Click")]).send().unwrap()
            } else {
                app.get(&c, p)
            };
            assert_eq!(r.status(), 404, "{} {p}", if post { "POST" } else { "GET" });
            let page = r.text().unwrap();
            assert!(page.contains("This link does not work"), "{page}");
            assert!(!page.contains("a•••@example.com"));
        }
    }
    assert_eq!(status_of(&app, &id), Status::Subscribed);
    assert_eq!(entries(&app, &id, "newsletter").len(), 1);
}

#[test]
fn one_click_post_unsubscribes_without_cookies_and_is_recorded() {
    let app = spawn_app();
    let id = subscribed(&app.state, "grace@example.com", &[]);
    let l = links_for(&app, &id, Some(CAMPAIGN));
    let c = cookieless();

    let r = one_click(&c, &app, &path(&l.unsubscribe_url));
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("set-cookie").is_none(), "no cookie on a public page");
    let page = text(r);
    assert!(page.contains("You are unsubscribed"), "{page}");
    assert!(page.contains("href=\"/p/"), "a way back through the preference centre");

    assert_eq!(status_of(&app, &id), Status::Unsubscribed);
    // Every consent the person had granted is withdrawn, by the person, naming the campaign.
    for purpose in ["newsletter", "engagement"] {
        let e = entries(&app, &id, purpose);
        let last = e.last().unwrap();
        assert!(!last.granted, "{purpose} withdrawn");
        assert_eq!(last.via, Via::Subject("unsubscribe".into()));
        assert!(last.note.contains(CAMPAIGN), "campaign in the note: {:?}", last.note);
        assert!(last.ip.is_some());
    }
    let history = app.state.contacts.history(&id).unwrap();
    let change = history.iter().find(|h| h.kind == "status").expect("a status change in the history");
    assert!(change.detail.contains("one-click") && change.detail.contains(CAMPAIGN), "{}", change.detail);
    let audit = app.state.audit.query(&tidings::audit::Filter::default(), 100).unwrap();
    let audit = app.state.audit.views(&audit).unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "contact.status_changed" && e.target.as_deref() == Some(id.reference().as_str())),
        "audited"
    );

    // Idempotent: again, and through the confirm button, changes nothing more.
    let before = app.state.contacts.ledger(&id).unwrap().len();
    assert_eq!(one_click(&c, &app, &path(&l.unsubscribe_url)).status(), 200);
    let r = c.post(format!("{}{}", app.url, path(&l.unsubscribe_url))).send().unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(app.state.contacts.ledger(&id).unwrap().len(), before);

    // An unknown (or erased) contact gets the same page: no oracle.
    let ghost = links_for(&app, &ContactId::new(), None);
    let r = one_click(&c, &app, &path(&ghost.unsubscribe_url));
    assert_eq!(r.status(), 200);
    assert!(r.text().unwrap().contains("You are unsubscribed"));
    let r = app.get(&c, &path(&ghost.unsubscribe_url));
    assert_eq!(r.status(), 200);
}

#[test]
fn confirm_button_unsubscribes_a_contact_without_consents() {
    // Imported contacts may hold no ledger entry at all: the status still changes.
    let app = spawn_app();
    let input =
        ContactInput { email: Some(EmailAddress::parse("imported@example.com").unwrap()), ..Default::default() };
    let id = ops::create(&app.state, By::cli(), &input, Source::Import).unwrap().id;
    let l = links_for(&app, &id, None);
    let c = cookieless();
    let page = text(app.get(&c, &path(&l.unsubscribe_url)));
    assert!(page.contains(&format!("action=\"{}\"", path(&l.unsubscribe_url))), "{page}");
    let r = c.post(format!("{}{}", app.url, path(&l.unsubscribe_url))).form(&[("confirm", "1")]).send().unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(status_of(&app, &id), Status::Unsubscribed);
    let change = app.state.contacts.history(&id).unwrap().into_iter().find(|h| h.kind == "status").unwrap();
    assert!(change.detail.contains("confirmed"), "{}", change.detail);
}

#[test]
fn preference_centre_changes_lists_and_consents_with_wording_versions() {
    let app = spawn_app();
    let st = &app.state;
    for name in ["Weekly deals", "Members news", "Staff only"] {
        ops::create_list(st, By::cli(), name, "").unwrap();
    }
    ops::set_list_visibility(st, By::cli(), "weekly-deals", true).unwrap();
    let id = subscribed(st, "linus@example.com", &["members-news"]);
    let l = links_for(&app, &id, Some(CAMPAIGN));
    let pref = path(&l.preferences_url);
    let c = cookieless();

    let r = app.get(&c, &pref);
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("set-cookie").is_none());
    let page = r.text().unwrap();
    assert!(page.contains("Weekly deals") && page.contains("Members news"), "{page}");
    assert!(!page.contains("Staff only"), "a list neither visible nor joined is not offered");
    let newsletter = st.purposes.get("newsletter").unwrap().unwrap();
    let wording = st.purposes.current_wording(&newsletter).unwrap().unwrap();
    assert!(page.contains(&wording.text), "the wording is the label");
    assert!(page.contains("id=\"privacy\""));
    assert!(!page.contains("linus@example.com") && !page.contains("Ada"), "values are not shown");
    let csrf = csrf_of(&page);

    // Without the form's token: refused, nothing changes.
    let r = c.post(format!("{}{pref}", app.url)).form(&[("csrf", "nope"), ("list", "weekly-deals")]).send().unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(st.contacts.get(&id).unwrap().unwrap().lists, ["members-news".to_string()].into());

    // Join one list, leave the other, try to join a hidden one; keep the newsletter, drop
    // engagement, grant website tracking.
    let form = [
        ("csrf", csrf.as_str()),
        ("list", "weekly-deals"),
        ("list", "staff-only"),
        ("purpose", "newsletter"),
        ("purpose", "website_tracking"),
    ];
    let r = c.post(format!("{}{pref}", app.url)).form(&form).send().unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("{pref}?saved=1"));
    let contact = st.contacts.get(&id).unwrap().unwrap();
    assert_eq!(contact.lists, ["weekly-deals".to_string()].into());
    assert_eq!(entries(&app, &id, "newsletter").len(), 1, "an unchanged consent is not recorded again");
    let e = entries(&app, &id, "engagement");
    assert_eq!(e.len(), 2);
    assert!(!e[1].granted);
    assert_eq!(e[1].via, Via::Subject("preferences".into()));
    assert_eq!(e[1].wording, Some(("engagement".to_string(), 1)));
    let t = entries(&app, &id, "website_tracking");
    assert!(t.len() == 1 && t[0].granted && t[0].wording == Some(("website_tracking".to_string(), 1)));
    assert_eq!(contact.status, Status::Subscribed);
    assert!(app.get(&c, &format!("{pref}?saved=1")).text().unwrap().contains("Your choices are saved."));

    // Unsubscribed, then a tracking purpose ticked: still unsubscribed. Then the newsletter,
    // under a new wording: subscribed again, and the ledger names the new version.
    assert_eq!(one_click(&c, &app, &path(&l.unsubscribe_url)).status(), 200);
    assert_eq!(status_of(&app, &id), Status::Unsubscribed);
    let post = |purposes: &[&str]| {
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend(purposes.iter().map(|p| ("purpose", *p)));
        c.post(format!("{}{pref}", app.url)).form(&form).send().unwrap().status()
    };
    assert_eq!(post(&["engagement"]), 303);
    assert_eq!(status_of(&app, &id), Status::Unsubscribed);
    let input =
        ops::PurposeInput { wording: Some("Yes, email me the weekly newsletter.".into()), ..Default::default() };
    let changed = ops::save_purpose(st, By::cli(), Some("newsletter"), &input).unwrap().current_wording;
    let page = app.get(&c, &pref).text().unwrap();
    assert!(page.contains("Yes, email me the weekly newsletter."));
    assert_eq!(post(&["engagement", "newsletter"]), 303);
    assert_eq!(status_of(&app, &id), Status::Subscribed);
    let last = entries(&app, &id, "newsletter").pop().unwrap();
    assert!(last.granted);
    assert_eq!(last.wording, Some(("newsletter".to_string(), changed)));

    // A bounced address is not re-subscribed by a tick.
    ops::set_status(st, tidings::audit::Actor::System, &id, Status::Bounced, "test").unwrap();
    assert_eq!(post(&[]), 303);
    assert_eq!(post(&["newsletter"]), 303);
    assert_eq!(status_of(&app, &id), Status::Bounced);

    // "Unsubscribe from everything".
    ops::set_status(st, tidings::audit::Actor::System, &id, Status::Subscribed, "test").unwrap();
    let r = c.post(format!("{}{pref}", app.url)).form(&[("csrf", csrf.as_str()), ("everything", "1")]).send().unwrap();
    assert_eq!(location(&r), format!("{pref}?saved=everything"));
    assert_eq!(status_of(&app, &id), Status::Unsubscribed);
    let state = st.contacts.consent_state(&id).unwrap();
    assert!(state.values().all(|(s, _)| *s == tidings::domain::ConsentState::Withdrawn), "{state:?}");
}

#[test]
fn admin_offers_a_list_in_the_preference_centre() {
    let app = spawn_app();
    let admin = app.login_admin(crate::helpers::NEW_PASSWORD);
    let r = app.post_form(&admin, "/lists", "/lists", &[("name", "Weekly deals")]);
    assert_eq!(r.status(), 303);
    let r = app.post_form(&admin, "/lists", "/lists/weekly-deals/visibility", &[("visible", "1")]);
    assert_eq!(location(&r), "/lists?ok=list_visible");
    assert!(app.state.lists.visible_in_preferences().unwrap().contains("weekly-deals"));
    let page = app.get(&admin, "/lists").text().unwrap();
    assert!(page.contains("Offered to everyone"), "{page}");
    let r = app.post_form(&admin, "/lists", "/lists/weekly-deals/visibility", &[("visible", "0")]);
    assert_eq!(location(&r), "/lists?ok=list_hidden");
    assert!(app.state.lists.visible_in_preferences().unwrap().is_empty());
}

#[test]
fn public_pages_are_rate_limited_per_network() {
    let app = spawn_app();
    let c = cookieless();
    let mut limited = None;
    for _ in 0..200 {
        let r = app.get(&c, "/u/not-a-token");
        if r.status() == 429 {
            limited = Some(r);
            break;
        }
        assert_eq!(r.status(), 404);
    }
    let r = limited.expect("429 within 200 requests");
    assert_eq!(r.headers().get("retry-after").unwrap(), "60");
    assert!(r.text().unwrap().contains("Wait a minute, then try again."));
    // The limit covers the one-click POST and the preference centre too.
    assert_eq!(one_click(&c, &app, "/u/not-a-token").status(), 429);
    assert_eq!(app.get(&c, "/p/not-a-token").status(), 429);
}

/// The server binary acknowledges a one-click unsubscribe and is killed with SIGKILL at once:
/// the store reopened from disk holds the status and the withdrawal.
#[test]
fn one_click_unsubscribe_survives_sigkill_after_the_answer() {
    use std::process::{Command, Stdio};
    use tidings::store::{OpenOptions, Store};

    let dir = tempfile::tempdir().unwrap();
    let open = |create| {
        Store::open(
            dir.path(),
            &OpenOptions {
                cache_bytes: 8 << 20,
                master_key: dir.path().join("master.key"),
                create,
                registry: tidings::wiring::registry(),
            },
        )
        .unwrap()
    };
    // The contact is written by the library, then the store is closed for the server.
    let (id, link) = {
        let config = crate::helpers::test_config(dir.path());
        let state = AppState::new(config.clone(), open(true)).unwrap();
        let id = subscribed(&state, "kill@example.com", &[]);
        let l = links::message_links(&config, state.store.keyring(), &id, Some(CAMPAIGN));
        state.search.stop();
        (id, path(&l.unsubscribe_url))
    };

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
        .arg(dir.path())
        .env("TIDINGS_JOBS__BACKUP", "")
        .env("TIDINGS_LOG__LEVEL", "warn")
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("https://127.0.0.1:{port}");
    let c = cookieless();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !c.get(format!("{url}/healthz")).send().is_ok_and(|r| r.status() == 200) {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    let r = c
        .post(format!("{url}{link}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    child.kill().unwrap();
    child.wait().unwrap();

    let store = open(false);
    let contacts = tidings::contacts::Contacts::open(&store).unwrap();
    assert_eq!(contacts.get(&id).unwrap().unwrap().status, Status::Unsubscribed);
    let last = contacts.ledger(&id).unwrap().into_iter().rfind(|e| e.purpose == "newsletter").unwrap();
    assert!(!last.granted);
    assert_eq!(last.via, Via::Subject("unsubscribe".into()));
}
