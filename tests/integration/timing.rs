//! No public answer tells who is a contact. The doors that take an address (the privacy
//! portal's sign-in and a hosted subscribe form) answer a known address and an unknown one with
//! the same status, headers and body, and in times that a two-sample test cannot tell apart:
//! many interleaved requests, each with an address of its own, known or unknown in random order,
//! timed at the client and compared with a Mann-Whitney U test. The work that differs happens
//! behind the answer and is really done; a kill -9 between the answer and the work loses none.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::seq::SliceRandom;
use reqwest::blocking::Client;
use serde_json::json;
use tidings::config::Config;
use tidings::domain::{ContactInput, EmailAddress, Source, Status};
use tidings::forms::ops::{FormInput, Outcome, Submitted};
use tidings::forms::FormId;
use tidings::intake::Work;
use tidings::ops::By;
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store};

use crate::campaigns::mail_config;
use crate::helpers::{bare_client, spawn_app_with, spawn_in, test_config, TestApp};
use crate::smtp_sink::{SinkOptions, SmtpSink};

/// Timed requests per class (known, unknown).
const SAMPLES: usize = 200;
/// Untimed requests first (connections, caches, the first mail of a run).
const WARM_UP: usize = 10;
/// The test fails when the two latency distributions differ at this level. Interleaving in
/// random order makes the machine's noise (other tests, the other engineers' builds, the
/// background work of earlier requests) fall on both classes alike, so noise widens both
/// distributions but does not separate them; 1 in 1000 keeps false alarms rare.
const ALPHA: f64 = 0.001;

// ---- the statistic

/// The complementary error function (Numerical Recipes' `erfcc`, fractional error below
/// 1.2e-7 everywhere, which keeps small p-values accurate in relative terms).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98 + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// Mann-Whitney U of `a` against `b` with the normal approximation (ties given their mean
/// rank, the variance corrected for them, a continuity correction of 1/2): (z, two-sided p).
fn mann_whitney(a: &[f64], b: &[f64]) -> (f64, f64) {
    let (n1, n2) = (a.len() as f64, b.len() as f64);
    let mut all: Vec<(f64, bool)> = a.iter().map(|&x| (x, true)).chain(b.iter().map(|&x| (x, false))).collect();
    all.sort_by(|x, y| x.0.total_cmp(&y.0));
    let n = all.len();
    let (mut rank_sum_a, mut ties) = (0.0, 0.0);
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && all[j + 1].0 == all[i].0 {
            j += 1;
        }
        let mean_rank = (i + j) as f64 / 2.0 + 1.0;
        let t = (j - i + 1) as f64;
        ties += t * t * t - t;
        rank_sum_a += all[i..=j].iter().filter(|(_, in_a)| *in_a).count() as f64 * mean_rank;
        i = j + 1;
    }
    let u = rank_sum_a - n1 * (n1 + 1.0) / 2.0;
    let mean = n1 * n2 / 2.0;
    let nn = n1 + n2;
    let var = n1 * n2 / 12.0 * ((nn + 1.0) - ties / (nn * (nn - 1.0)));
    if var <= 0.0 {
        return (0.0, 1.0);
    }
    let diff = u - mean;
    let z = (diff.abs() - 0.5).max(0.0).copysign(diff) / var.sqrt();
    (z, erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0))
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 0 {
        (v[m - 1] + v[m]) / 2.0
    } else {
        v[m]
    }
}

#[test]
fn the_statistic_tells_shifted_samples_apart_and_equal_ones_not() {
    let a: Vec<f64> = (0..200).map(|i| (i % 50) as f64).collect();
    let (z, p) = mann_whitney(&a, &a);
    assert!(z.abs() < 1e-9 && p > 0.99, "identical samples: z {z}, p {p}");
    // Shifted by a fifth of the spread, with every value tied somewhere.
    let b: Vec<f64> = a.iter().map(|x| x + 10.0).collect();
    let (z, p) = mann_whitney(&a, &b);
    assert!(z < -3.5 && p < ALPHA, "shifted samples: z {z}, p {p}");
    // Textbook values: z = 1.96 is p = 0.05, z = 3.29 is p = 0.001.
    assert!((erfc(1.959_964 / std::f64::consts::SQRT_2) - 0.05).abs() < 1e-6);
    assert!((erfc(3.290_527 / std::f64::consts::SQRT_2) - 0.001).abs() < 1e-8);
    // Disjoint samples of 5 and 5: U = 0; the exact two-sided p is 0.0079, the approximation 0.012.
    let (_, p) = mann_whitney(&[1.0, 2.0, 3.0, 4.0, 5.0], &[6.0, 7.0, 8.0, 9.0, 10.0]);
    assert!((0.005..0.02).contains(&p), "{p}");
}

// ---- the doors

/// What a client can observe of an answer, the date aside.
#[derive(Debug, PartialEq, Eq)]
struct Answer {
    status: u16,
    headers: BTreeSet<(String, String)>,
    body: String,
}

/// Sends one request and times it from the first byte sent to the last byte of the body read.
fn timed(request: reqwest::blocking::RequestBuilder) -> (f64, Answer) {
    let started = Instant::now();
    let r = request.send().unwrap();
    let status = r.status().as_u16();
    // The date and the request id are each answer's own, whoever asks: the id is compared by
    // its shape only.
    let headers = r
        .headers()
        .iter()
        .filter(|(k, _)| *k != "date")
        .map(|(k, v)| match k.as_str() {
            "x-request-id" => (k.to_string(), format!("{} characters", v.len())),
            _ => (k.to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()),
        })
        .collect();
    let body = r.text().unwrap();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    (ms, Answer { status, headers, body })
}

/// Addresses of the same length for both classes, so that nothing but being known differs.
fn address(known: bool, tag: &str, i: usize) -> String {
    format!("{}{tag}{i:04}@example.org", if known { "k" } else { "u" })
}

/// Creates the known contacts (subscribed, through the library, as an admin would).
fn seed(app: &TestApp, tag: &str) {
    let fields = app.state.fields.all();
    let mut last = 0;
    for i in 0..WARM_UP + SAMPLES {
        let input = ContactInput {
            email: Some(EmailAddress::parse(&address(true, tag, i)).unwrap()),
            first_name: Some("Known".into()),
            ..Default::default()
        };
        let (_, _, seq) = tidings::contacts::ops::upsert_uncommitted(
            &app.state,
            &input,
            tidings::domain::MergePolicy::Overwrite,
            Source::Admin,
            "timing test",
            &[],
            &fields,
        )
        .unwrap();
        last = last.max(seq);
    }
    app.state.store.commit().unwrap();
    app.state.contacts.announce(last);
}

struct Run {
    known: Vec<f64>,
    unknown: Vec<f64>,
}

/// Warms up, then sends `SAMPLES` requests of each class in a random order through one
/// keep-alive connection, checking that every answer is the same as the first. Returns the
/// latencies by class.
fn measure(door: &str, tag: &str, send: impl Fn(&Client, &str) -> (f64, Answer)) -> Run {
    let client = bare_client();
    let mut order: Vec<(bool, usize)> = (0..WARM_UP).flat_map(|i| [(true, i), (false, i)]).collect();
    let mut timed_part: Vec<(bool, usize)> =
        (WARM_UP..WARM_UP + SAMPLES).flat_map(|i| [(true, i), (false, i)]).collect();
    timed_part.shuffle(&mut rand::thread_rng());
    order.extend(timed_part);
    let mut first: Option<Answer> = None;
    let mut run = Run { known: Vec::new(), unknown: Vec::new() };
    for (n, (known, i)) in order.into_iter().enumerate() {
        let (ms, answer) = send(&client, &address(known, tag, i));
        match &first {
            None => first = Some(answer),
            Some(f) => assert_eq!(
                f,
                &answer,
                "{door}: the answer for a {} address differs from the first one",
                if known { "known" } else { "unknown" }
            ),
        }
        if n < 2 * WARM_UP {
            continue;
        }
        if known {
            run.known.push(ms);
        } else {
            run.unknown.push(ms);
        }
    }
    run
}

/// Reports the run and fails when the two distributions are distinguishable.
fn judge(door: &str, run: &Run) {
    let (z, p) = mann_whitney(&run.known, &run.unknown);
    eprintln!(
        "{door}: {} + {} requests; median known {:.3} ms, unknown {:.3} ms; Mann-Whitney z = {z:.2}, p = {p:.3e}",
        run.known.len(),
        run.unknown.len(),
        median(&run.known),
        median(&run.unknown),
    );
    assert!(
        p >= ALPHA,
        "{door}: known and unknown addresses are answered in distinguishable times (p = {p:.3e}, median known \
         {:.3} ms, unknown {:.3} ms)",
        median(&run.known),
        median(&run.unknown)
    );
}

fn generous_limits(c: &mut Config) {
    c.http.public_per_minute = 1_000_000;
    c.forms.per_ip_per_minute = 1_000_000;
}

/// Polls `done` until it holds or `within` passes.
fn eventually(within: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + within;
    loop {
        if done() {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_privacy_portal_answers_known_and_unknown_addresses_alike() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        generous_limits(c);
    });
    seed(&app, "p");
    let url = format!("{}/privacy", app.url);
    let run = measure("privacy portal", "p", |c, email| timed(c.post(&url).form(&[("email", email)])));

    // The work behind the answer was done: one link for each known address, none for the others.
    let want = WARM_UP + SAMPLES;
    let got = sink.wait_for_within(want, Duration::from_secs(60));
    std::thread::sleep(Duration::from_millis(500));
    let got = sink.messages().len().max(got.len());
    let recipients: HashSet<String> = sink.messages().iter().map(|m| m.to[0].clone()).collect();
    assert_eq!(got, want, "one portal mail per known address");
    for i in 0..want {
        assert!(recipients.contains(&address(true, "p", i)), "no portal link for known address {i}");
        assert!(!recipients.contains(&address(false, "p", i)), "mail to unknown address {i}");
    }
    judge("privacy portal", &run);
}

#[test]
fn the_subscribe_form_answers_known_and_new_addresses_alike() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        generous_limits(c);
    });
    tidings::contacts::ops::create_list(&app.state, By::cli(), "News", "").unwrap();
    let token = app.admin_token(&["send_campaigns"]);
    let r = app
        .client()
        .post(format!("{}/api/v1/forms", app.url))
        .bearer_auth(&token)
        .json(&json!({ "name": "Footer", "ask_first_name": true, "lists": ["news"], "purposes": ["newsletter"] }))
        .send()
        .unwrap();
    assert_eq!(r.status(), 201);
    let form: FormId = r.json::<serde_json::Value>().unwrap()["form"]["id"].as_str().unwrap().parse().unwrap();
    seed(&app, "f");
    let url = format!("{}/f/{form}", app.url);
    let run = measure("subscribe form", "f", |c, email| {
        timed(c.post(&url).form(&[("email", email), ("first_name", "Someone"), ("consent", "newsletter:1")]))
    });

    // Every sign-up got its confirmation; every new address is a pending contact; the known
    // ones are as they were (an unconfirmed submission changes nobody).
    let want = 2 * (WARM_UP + SAMPLES);
    let got = sink.wait_for_within(want, Duration::from_secs(60));
    assert_eq!(got.len(), want, "a confirmation for every sign-up");
    let st = &app.state;
    let all_recorded = eventually(Duration::from_secs(30), || {
        (0..WARM_UP + SAMPLES).all(|i| {
            let e = EmailAddress::parse(&address(false, "f", i)).unwrap();
            st.contacts.find_by_email(&e).unwrap().is_some_and(|c| c.status == Status::Pending)
        })
    });
    assert!(all_recorded, "every new address is a pending contact");
    for i in 0..WARM_UP + SAMPLES {
        let c = st.contacts.find_by_email(&EmailAddress::parse(&address(true, "f", i)).unwrap()).unwrap().unwrap();
        assert_eq!((c.status, c.first_name.as_str()), (Status::Subscribed, "Known"));
        assert_eq!(st.forms.submissions_of(&c.id).unwrap().len(), 1, "the known contact's submission is kept");
    }
    judge("subscribe form", &run);
}

// ---- what the answer no longer says

/// An address erased (suppressed) and signed up again is a pending contact whose address may
/// receive nothing but the confirmation. Asking the portal for a link for it was answered with
/// a 409 naming the erasure, where an unknown address got the usual page.
#[test]
fn an_erased_address_signed_up_again_gets_the_portal_answer_everyone_gets() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let st = &app.state;
    let by = By::cli();
    let input = ContactInput { email: Some(EmailAddress::parse("gone@example.org").unwrap()), ..Default::default() };
    let gone = tidings::contacts::ops::create(st, by, &input, Source::Admin).unwrap();
    tidings::contacts::ops::delete(st, by, &gone.id, true).unwrap();
    let form =
        tidings::forms::ops::create(st, by, &FormInput { name: Some("F".into()), ..Default::default() }).unwrap();
    let r = bare_client().post(format!("{}/f/{}", app.url, form.id)).form(&[("email", "gone@example.org")]).send();
    assert_eq!(r.unwrap().status(), 200);
    assert_eq!(tidings::intake::process_pending(st), 0);
    let back = st.contacts.find_by_email(&EmailAddress::parse("gone@example.org").unwrap()).unwrap().unwrap();
    assert_eq!(back.status, Status::Pending);
    assert!(st.contacts.is_suppressed(&back.email).unwrap());
    assert_eq!(sink.wait_for(1).len(), 1, "the confirmation of the new sign-up");

    let ask = |email: &str| timed(bare_client().post(format!("{}/privacy", app.url)).form(&[("email", email)])).1;
    let (returning, unknown) = (ask("gone@example.org"), ask("never@example.org"));
    assert_eq!(returning.status, 200, "{}", returning.body);
    assert_eq!(returning, unknown);
    // Carried out behind the answer: a suppressed address gets no portal link; the request is
    // dropped, not retried.
    assert_eq!(tidings::intake::process_pending(st), 0);
    assert!(st.intake.is_empty());
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(sink.messages().len(), 1, "no portal mail to the suppressed address");
}

// ---- durability

/// The application, built offline (no server, no worker), for writing what a run left behind.
fn offline(dir: &std::path::Path, config: &Config) -> AppState {
    let store = Store::open(dir, &OpenOptions::from_config(config, tidings::wiring::registry())).unwrap();
    AppState::new(config.clone(), store).unwrap()
}

fn close(state: AppState) {
    state.search.stop();
}

fn news_form(state: &AppState) -> tidings::forms::Form {
    tidings::contacts::ops::create_list(state, By::cli(), "News", "").unwrap();
    let input = FormInput {
        name: Some("Footer".into()),
        ask_first_name: Some(true),
        lists: Some(vec!["news".into()]),
        purposes: Some(vec!["newsletter".into()]),
        ..Default::default()
    };
    tidings::forms::ops::create(state, By::cli(), &input).unwrap()
}

/// Requests a run acknowledged and did not carry out: sealed on disk, in the person's export,
/// gone with the person's erasure, and carried out when the server starts again.
#[test]
fn queued_requests_are_sealed_exported_erased_and_carried_out_at_the_next_start() {
    let sink = SmtpSink::start(SinkOptions::default());
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(dir.path());
    mail_config(&mut config, sink.port());
    let state = offline(dir.path(), &config);
    let form = news_form(&state);
    let by = By::cli();
    let known = |email: &str| {
        let input = ContactInput { email: Some(EmailAddress::parse(email).unwrap()), ..Default::default() };
        tidings::contacts::ops::create(&state, by, &input, Source::Admin).unwrap()
    };
    let (kept, erased) = (known("kept@example.org"), known("erased@example.org"));
    let portal = |email: &str| Work::PortalLink { email: EmailAddress::parse(email).unwrap(), at: chrono::Utc::now() };
    state.intake.queue(&portal("kept@example.org")).unwrap();
    state.intake.queue(&portal("erased@example.org")).unwrap();
    state.intake.queue(&portal("stranger@example.org")).unwrap();
    let submitted = Submitted {
        pairs: vec![
            ("email".into(), "newcomer@example.org".into()),
            ("first_name".into(), "Zenobia".into()),
            ("consent".into(), "newsletter:1".into()),
        ],
        ip: None,
        user_agent: String::new(),
        language: None,
    };
    assert_eq!(tidings::forms::ops::submit(&state, &form, &submitted, chrono::Utc::now()).unwrap(), Outcome::Accepted);
    assert_eq!(state.intake.len(), 4);
    assert!(state.contacts.find_by_email(&EmailAddress::parse("newcomer@example.org").unwrap()).unwrap().is_none());

    // In the export of the person it names, and erased with them.
    let export = state.store.export_person(&erased.id.person()).unwrap();
    let queued = export.iter().find(|(tree, _)| tree == "public_intake").map(|(_, r)| r.clone()).unwrap_or_default();
    assert_eq!(queued.len(), 1, "{export:?}");
    assert!(queued[0].to_string().contains("erased@example.org"));
    tidings::contacts::ops::delete(&state, by, &erased.id, true).unwrap();
    assert_eq!(state.intake.len(), 3, "the erased person's request went with them");
    assert!(state.store.export_person(&kept.id.person()).unwrap().iter().any(|(t, _)| t == "public_intake"));

    // Sealed: no address or name of a queued request is in any file in plaintext.
    state.store.commit().unwrap();
    close(state);
    for file in crate::erasure::walk(dir.path()) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in ["stranger@example.org", "newcomer@example.org", "Zenobia"] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{} holds {needle} in plaintext",
                file.display()
            );
        }
    }

    // The next start carries out what was left: a link for the known address, a confirmation
    // for the sign-up, nothing for the stranger, and nothing for the erased person.
    let app = spawn_in(dir, config);
    let got = sink.wait_for_within(2, Duration::from_secs(20));
    std::thread::sleep(Duration::from_millis(500));
    let mut to: Vec<String> = sink.messages().iter().map(|m| m.to[0].clone()).collect();
    to.sort();
    assert_eq!(got.len(), 2);
    assert_eq!(to, ["kept@example.org", "newcomer@example.org"]);
    let newcomer = app.state.contacts.find_by_email(&EmailAddress::parse("newcomer@example.org").unwrap()).unwrap();
    let newcomer = newcomer.expect("the sign-up was recorded");
    assert_eq!((newcomer.status, newcomer.first_name.as_str()), (Status::Pending, "Zenobia"));
    assert!(eventually(Duration::from_secs(5), || app.state.intake.is_empty()), "the queue is empty");
}

fn wait_until_up(url: &str) {
    let c = bare_client();
    assert!(
        eventually(Duration::from_secs(30), || c.get(format!("{url}/healthz")).send().is_ok_and(|r| r.status() == 200)),
        "the server came up"
    );
}

/// The real server binary takes sign-ups and portal requests from four clients and is killed
/// with SIGKILL while its worker is behind; after a restart, every request that was answered
/// has been carried out (a confirmation or a link arrived for each), and none twice.
#[test]
fn requests_answered_before_a_kill_are_carried_out_after_the_restart() {
    const KNOWN: usize = 2000;
    let sink = SmtpSink::start(SinkOptions::default());
    let dir = tempfile::tempdir().unwrap();
    let config_file = dir.path().join("config.toml");
    std::fs::write(
        &config_file,
        format!(
            "hostname = \"news.example.com\"\n[jobs]\nbackup = \"\"\nsession_cleanup = \"\"\n[tls]\nmode = \"off\"\n\
             [http]\npublic_per_minute = 1000000\n[forms]\nper_ip_per_minute = 1000000\n\
             [mail]\nfrom = \"news@example.com\"\n[[mail.relays]]\nname = \"sink\"\nhost = \"127.0.0.1\"\n\
             port = {}\ntls = \"none\"\n",
            sink.port()
        ),
    )
    .unwrap();
    let mut config = Config::load(Some(&config_file), &Default::default()).unwrap().config;
    config.data_dir = dir.path().to_path_buf();
    let form = {
        let state = offline(dir.path(), &config);
        let form = news_form(&state);
        let fields = state.fields.all();
        for i in 0..KNOWN {
            let input = ContactInput {
                email: Some(EmailAddress::parse(&format!("known{i:04}@example.org")).unwrap()),
                ..Default::default()
            };
            tidings::contacts::ops::upsert_uncommitted(
                &state,
                &input,
                tidings::domain::MergePolicy::Overwrite,
                Source::Admin,
                "test",
                &[],
                &fields,
            )
            .unwrap();
        }
        state.store.commit().unwrap();
        close(state);
        form.id
    };

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}");
    let mut child = crate::helpers::serve_binary(port, dir.path(), &config_file, None);
    wait_until_up(&url);
    let acked: Arc<Mutex<Vec<String>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let next_known = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let clients: Vec<_> = (0..4)
        .map(|w| {
            let (acked, stop, url, next_known) = (acked.clone(), stop.clone(), url.clone(), next_known.clone());
            std::thread::spawn(move || {
                let c = bare_client();
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    // Two clients sign up new addresses, two ask for portal links for known ones.
                    let (email, r) = if w < 2 {
                        let email = format!("new{w}x{i:04}@example.org");
                        let fields = [("email", email.as_str()), ("first_name", "New"), ("consent", "newsletter:1")];
                        (email.clone(), c.post(format!("{url}/f/{form}")).form(&fields).send())
                    } else {
                        let n = next_known.fetch_add(1, Ordering::Relaxed);
                        if n >= KNOWN {
                            break;
                        }
                        let email = format!("known{n:04}@example.org");
                        (email.clone(), c.post(format!("{url}/privacy")).form(&[("email", email.as_str())]).send())
                    };
                    match r {
                        Ok(r) if r.status() == 200 => acked.lock().unwrap().push(email),
                        _ => break,
                    }
                    i += 1;
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().unwrap(); // SIGKILL: no chance to carry anything out.
    child.wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() > 50, "only {} requests were answered", acked.len());
    let state = offline(dir.path(), &config);
    let left = state.intake.len();
    close(state);
    eprintln!("{} requests answered before the kill; {left} of them not yet carried out", acked.len());

    let mut child = crate::helpers::serve_binary(port, dir.path(), &config_file, None);
    let delivered = eventually(Duration::from_secs(90), || {
        let to: HashSet<String> = sink.messages().iter().map(|m| m.to[0].clone()).collect();
        acked.iter().all(|a| to.contains(a))
    });
    std::thread::sleep(Duration::from_millis(500));
    child.kill().unwrap();
    child.wait().unwrap();
    let mut per_address: HashMap<String, usize> = HashMap::new();
    for m in sink.messages() {
        *per_address.entry(m.to[0].clone()).or_default() += 1;
    }
    let missing: Vec<&String> = acked.iter().filter(|a| !per_address.contains_key(*a)).collect();
    assert!(delivered && missing.is_empty(), "{} answered requests never carried out: {missing:?}", missing.len());

    // Carried out once: one submission per sign-up, and the queue is empty.
    let state = offline(dir.path(), &config);
    assert!(state.intake.is_empty());
    for a in acked.iter().filter(|a| a.starts_with("new")) {
        let c = state.contacts.find_by_email(&EmailAddress::parse(a).unwrap()).unwrap().expect("signed up");
        assert_eq!(state.forms.submissions_of(&c.id).unwrap().len(), 1, "{a}");
    }
    // A mail being handed over at the kill may go out again (the sender's own promise); no
    // address got more than that.
    assert!(per_address.values().all(|n| *n <= 2), "{per_address:?}");
    close(state);
}
