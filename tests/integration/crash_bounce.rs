//! An outcome and its effect share one commit. A refused recipient stays refused through any crash: the server (the real binary) is killed
//! while a campaign meets `550 5.1.1` for half its audience, restarted, and every refused
//! address must be bounced afterwards (and left out of the next campaign). Before the bounce
//! shared the commit of the send's outcome, 2–7 of 1,000 refused addresses stayed subscribed
//! in every run with six kills.

use std::time::{Duration, Instant};

use tidings::domain::{EmailAddress, Status};
use tidings::ops::By;
use tidings::sending::ops::{self as sops, CampaignInput};
use tidings::state::AppState;

use crate::helpers::{free_port, serve_binary};
use crate::smtp_sink::{SinkOptions, SmtpSink};

/// Odd-numbered recipients do not exist at the relay.
fn refuse_odd(rcpt: &str) -> Option<&'static str> {
    let n: u32 = rcpt.trim_start_matches('<').get(1..5)?.parse().ok()?;
    (n % 2 == 1).then_some("550 5.1.1 <user> no such user here")
}

struct Setup {
    dir: tempfile::TempDir,
    config_file: std::path::PathBuf,
    sink: SmtpSink,
}

fn offline(s: &Setup) -> AppState {
    crate::helpers::offline_state(s.dir.path(), &s.config_file)
}

/// `audience` subscribers on the list `news` and a started campaign to them.
fn setup(audience: usize) -> (Setup, tidings::domain::CampaignId) {
    let sink =
        SmtpSink::start(SinkOptions { rcpt_reply: refuse_odd, delay: Duration::from_millis(1), ..Default::default() });
    let dir = tempfile::tempdir().unwrap();
    let config_file = dir.path().join("config.toml");
    std::fs::write(
        &config_file,
        format!(
            "hostname = \"news.example.com\"\n[jobs]\nbackup = \"\"\nsession_cleanup = \"\"\n[tls]\nmode = \"off\"\n\
             [mail]\nfrom = \"news@example.com\"\npause_error_percent = 0\n[[mail.relays]]\nname = \"sink\"\n\
             host = \"127.0.0.1\"\nport = {}\ntls = \"none\"\npool_size = 4\n",
            sink.port()
        ),
    )
    .unwrap();
    let s = Setup { dir, config_file, sink };
    let state = offline(&s);
    crate::helpers::seed_news_subscribers(&state, audience);
    let id = campaign(&state, "First");
    state.search.stop();
    (s, id)
}

fn campaign(state: &AppState, name: &str) -> tidings::domain::CampaignId {
    let by = By::cli();
    let c = sops::create_campaign(
        state,
        by,
        &CampaignInput {
            name: Some(name.into()),
            subject: Some("Hello".into()),
            body: Some("Hello {{ first_name }}".into()),
            lists: Some(vec!["news".into()]),
            ..Default::default()
        },
    )
    .unwrap();
    sops::schedule_campaign(state, by, &c.id, None).unwrap();
    c.id
}

/// Runs the server until the campaign's `audience` slots are settled (half of them accepted),
/// then stops it.
fn run_to_the_end(s: &Setup, campaign: &tidings::domain::CampaignId, audience: usize, accepted_total: usize) {
    let mut child = serve_binary(free_port(), s.dir.path(), &s.config_file, None);
    let deadline = Instant::now() + Duration::from_secs(120);
    // Wait for the accepted messages, then for the slots to settle.
    let accepted = |s: &Setup| {
        let id = campaign.to_string().replace('-', "");
        s.sink.messages().iter().filter(|m| String::from_utf8_lossy(&m.data).contains(&id)).count()
    };
    while accepted(s) < accepted_total && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().unwrap();
    child.wait().unwrap();
    let state = offline(s);
    let c = state.sending.campaigns.get(campaign).unwrap().unwrap();
    let tally = state.sending.outbox.tally(campaign).unwrap();
    assert_eq!(tally.total, audience as u64);
    assert_eq!(
        (tally.queued, tally.retry, tally.sent + tally.failed + tally.skipped),
        (0, 0, audience as u64),
        "every slot settled (campaign {})",
        c.state.as_str()
    );
    state.search.stop();
}

/// Every odd (refused) address is bounced, every even one still subscribed.
fn check_statuses(s: &Setup, audience: usize) {
    let state = offline(s);
    let mut stayed = Vec::new();
    for i in 0..audience {
        let email = EmailAddress::parse(&format!("r{i:04}@example.org")).unwrap();
        let c = state.contacts.find_by_email(&email).unwrap().unwrap();
        let want = if i % 2 == 1 { Status::Bounced } else { Status::Subscribed };
        if c.status != want {
            stayed.push(format!("{} is {} (want {})", email.as_str(), c.status.as_str(), want.as_str()));
        }
    }
    state.search.stop();
    assert!(stayed.is_empty(), "{} wrong after the crashes: {stayed:?}", stayed.len());
}

#[test]
fn a_kill_right_after_the_bounce_loses_neither_the_bounce_nor_the_send() {
    let audience = 40;
    let (s, id) = setup(audience);
    // The first refused recipient is bounced, then the process dies before its slot is written.
    let mut child = serve_binary(free_port(), s.dir.path(), &s.config_file, Some("send.after_bounce"));
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(Instant::now() < deadline, "the fault point was never reached");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(!status.success(), "aborted at the fault point");
    run_to_the_end(&s, &id, audience, audience / 2);
    check_statuses(&s, audience);
}

#[test]
fn kills_during_a_send_never_leave_a_refused_address_subscribed() {
    let audience = 1000;
    let (s, id) = setup(audience);
    let t0 = Instant::now();
    // Six kills, spread over the send: each once another eighth of the audience was accepted.
    for k in 1..=6 {
        let mut child = serve_binary(free_port(), s.dir.path(), &s.config_file, None);
        let target = k * audience / 16;
        let deadline = Instant::now() + Duration::from_secs(60);
        while s.sink.messages().len() < target && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
    }
    eprintln!("six kills in {:?}, {} accepted", t0.elapsed(), s.sink.messages().len());
    run_to_the_end(&s, &id, audience, audience / 2);
    check_statuses(&s, audience);

    // The next campaign goes to the subscribed half only.
    let before = s.sink.messages().len();
    let state = offline(&s);
    let next = campaign(&state, "Second");
    state.search.stop();
    drop(state);
    run_to_the_end(&s, &next, audience / 2, audience / 2);
    let second: Vec<_> = s.sink.messages()[before..].iter().map(|m| m.to[0].clone()).collect();
    assert!(second.iter().all(|r| refuse_odd(r).is_none()), "a bounced address was mailed again");
}

#[test]
fn an_unsubscribe_killed_after_its_commit_keeps_its_count() {
    let (s, id) = setup(2);
    run_to_the_end(&s, &id, 2, 1);
    let message = s.sink.messages().into_iter().find(|m| m.to[0].starts_with("r0000")).unwrap();
    let text = String::from_utf8_lossy(&message.data).into_owned();
    let header = text.lines().find(|l| l.starts_with("List-Unsubscribe:")).expect("List-Unsubscribe");
    let url = header.split(['<', '>']).find(|p| p.contains("/u/")).expect("an unsubscribe URL");
    let path = &url[url.find("/u/").unwrap()..];

    let port = free_port();
    let mut child = serve_binary(port, s.dir.path(), &s.config_file, Some("unsubscribe.after_status"));
    let client = crate::helpers::client_builder().timeout(Duration::from_secs(10)).build().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    // Until the server listens; the one-click POST then kills it at the fault point.
    while client.get(format!("http://127.0.0.1:{port}/healthz")).send().is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let r = client
        .post(format!("http://127.0.0.1:{port}{path}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send();
    assert!(r.is_err(), "the process died before answering");
    let status = child.wait().unwrap();
    assert!(!status.success());

    let state = offline(&s);
    let c = state.contacts.find_by_email(&EmailAddress::parse("r0000@example.org").unwrap()).unwrap().unwrap();
    assert_eq!(c.status, Status::Unsubscribed);
    // The count follows the change feed: the status change's entry survived the kill with it,
    // and the counters take it when they run again (as at the server's next start).
    use tidings::reports::outcomes::{Counter, READER};
    state.feed.start(std::sync::Arc::new(Counter::open(&state.store).unwrap()), 512);
    assert!(state.feed.catch_up(READER, Duration::from_secs(10)));
    let outcomes = tidings::reports::outcomes::get(&state.store, &id.uuid()).unwrap();
    assert_eq!(outcomes.unsubscribes, 1, "the unsubscribe is counted in the campaign's report");
    state.feed.stop();
    state.search.stop();
}

/// Another writer's group commit can carry a bounce record to disk before the address's
/// status: a crash then, and the message is sent again and refused again. The second refusal
/// is a duplicate record, but its effect is still made sure of.
#[test]
fn a_bounce_on_disk_without_its_status_is_completed_when_refused_again() {
    let audience = 40;
    let (s, id) = setup(audience);
    let mut child = serve_binary(free_port(), s.dir.path(), &s.config_file, Some("bounce.before_status"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the fault point was never reached");
        std::thread::sleep(Duration::from_millis(20));
    }
    run_to_the_end(&s, &id, audience, audience / 2);
    check_statuses(&s, audience);
}

/// A consent and its audit entry share one commit: the server is killed right after a consent
/// recorded through the API is committed, and both are there after the restart. (The audit
/// entry used to be written after the commit, and was lost.)
#[test]
fn a_consent_killed_after_its_commit_keeps_its_audit_entry() {
    let (s, _) = setup(1);
    let (contact, secret) = {
        let state = offline(&s);
        let c = state.contacts.find_by_email(&EmailAddress::parse("r0000@example.org").unwrap()).unwrap().unwrap();
        let owner = state
            .users
            .create("owner", "Owner", tidings::domain::Role::Owner, "$argon2id$unused".into(), false)
            .unwrap()
            .id;
        let scopes = vec!["edit_contacts".parse().unwrap()];
        let (_, secret) = state.tokens.create(owner, "crash", scopes, None).unwrap();
        state.store.commit().unwrap();
        state.search.stop();
        (c.id, secret)
    };
    let port = free_port();
    let mut child = serve_binary(port, s.dir.path(), &s.config_file, Some("consent.after_commit"));
    let client = crate::helpers::client_builder().timeout(Duration::from_secs(10)).build().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while client.get(format!("http://127.0.0.1:{port}/healthz")).send().is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let r = client
        .post(format!("http://127.0.0.1:{port}/api/v1/contacts/{contact}/consents"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({"purpose": tidings::tracking::ENGAGEMENT, "granted": true, "note": "said so"}))
        .send();
    assert!(r.is_err(), "the process died before answering");
    assert!(!child.wait().unwrap().success());

    let state = offline(&s);
    let ledger = state.contacts.ledger(&contact).unwrap();
    assert!(ledger.iter().any(|e| e.purpose == tidings::tracking::ENGAGEMENT && e.granted), "the consent is kept");
    let filter = tidings::audit::Filter { action: Some("contact.consent_recorded".into()), ..Default::default() };
    let audited = state.audit.query(&filter, 100).unwrap();
    assert!(
        audited.iter().any(|e| e.details.iter().any(|(k, v)| k == "purpose" && v == tidings::tracking::ENGAGEMENT)),
        "its audit entry is kept too: {audited:?}"
    );
    state.search.stop();
}
