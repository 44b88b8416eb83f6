//! A child process (the real server binary) acknowledges writes, is killed with SIGKILL, and on
//! reopen every acknowledged write is there.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tidings::store::{OpenOptions, Store};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[test]
fn acknowledged_writes_survive_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
        .arg(dir.path())
        .env("TIDINGS_JOBS__BACKUP", "")
        .env("TIDINGS_LOG__LEVEL", "warn")
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let password = crate::helpers::first_admin_password(dir.path());

    // Sign in through the API path: a session, then a token for the writers.
    let url = format!("https://127.0.0.1:{port}");
    let c = crate::helpers::client_builder()
        .cookie_store(true)
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = c.get(format!("{url}/login")).send().unwrap().text().unwrap();
    let csrf = crate::helpers::csrf_of(&page);
    c.post(format!("{url}/login"))
        .form(&[("csrf", csrf.as_str()), ("username", "admin"), ("password", &password)])
        .send()
        .unwrap();
    let page = c.get(format!("{url}/account/password")).send().unwrap().text().unwrap();
    let csrf = crate::helpers::csrf_of(&page);
    let new = crate::helpers::NEW_PASSWORD;
    let r = c
        .post(format!("{url}/account/password"))
        .form(&[("csrf", csrf.as_str()), ("current", &password), ("new", new), ("confirm", new)])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    // A session-authenticated API call that changes state must echo the session's CSRF token.
    let body = serde_json::json!({"name": "writer", "scopes": ["manage_own_tokens", "manage_settings", "view_contacts", "edit_contacts"]});
    let r = c.post(format!("{url}/api/v1/tokens")).json(&body).send().unwrap();
    assert_eq!(r.status(), 403);
    let csrf = crate::helpers::csrf_of(&c.get(format!("{url}/")).send().unwrap().text().unwrap());
    let r = c.post(format!("{url}/api/v1/tokens")).header("x-csrf-token", csrf).json(&body).send().unwrap();
    assert_eq!(r.status(), 201, "{}", r.text().unwrap_or_default());
    let token = r.json::<serde_json::Value>().unwrap()["token"].as_str().unwrap().to_string();

    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let acked_contacts = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // Two writers create contacts and two create API tokens, each recording what was acknowledged.
    type Request = fn(usize, usize) -> (&'static str, serde_json::Value);
    let contact: Request = |w, i| {
        ("contacts", serde_json::json!({"email": format!("durable{w}x{i}@example.com"), "first_name": "Durable"}))
    };
    let api_token: Request =
        |w, i| ("tokens", serde_json::json!({"name": format!("k{w}-{i}"), "scopes": ["manage_own_tokens"]}));
    let writers: Vec<_> =
        [(contact, &acked_contacts), (contact, &acked_contacts), (api_token, &acked), (api_token, &acked)]
            .into_iter()
            .enumerate()
            .map(|(w, (request, acked))| {
                let (acked, stop, url, token) = (acked.clone(), stop.clone(), url.clone(), token.clone());
                std::thread::spawn(move || {
                    let c = crate::helpers::client_builder()
                        .danger_accept_invalid_certs(true)
                        .timeout(Duration::from_secs(5))
                        .build()
                        .unwrap();
                    let mut i = 0;
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        let (path, body) = request(w, i);
                        let Ok(r) = c.post(format!("{url}/api/v1/{path}")).bearer_auth(&token).json(&body).send()
                        else {
                            break;
                        };
                        if r.status() != 201 {
                            break;
                        }
                        let Ok(v) = r.json::<serde_json::Value>() else { break };
                        let id = v["id"].as_str().or(v["contact"]["id"].as_str()).unwrap().to_string();
                        acked.lock().unwrap().push(id);
                        i += 1;
                    }
                })
            })
            .collect();
    std::thread::sleep(Duration::from_millis(1500));
    // SIGKILL mid-stream: no chance to flush anything.
    child.kill().unwrap();
    child.wait().unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for w in writers {
        w.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() > 20, "only {} writes were acknowledged", acked.len());

    let store = Store::open(
        dir.path(),
        &OpenOptions {
            cache_bytes: 8 << 20,
            master_key: dir.path().join("master.key"),
            create: false,
            registry: tidings::wiring::registry(),
        },
    )
    .unwrap();
    let tokens = tidings::auth::Tokens::open(&store).unwrap();
    let present: std::collections::HashSet<String> =
        tokens.list(None).unwrap().iter().map(|t| t.id.to_string()).collect();
    let missing: Vec<_> = acked.iter().filter(|id| !present.contains(*id)).collect();
    assert!(missing.is_empty(), "{} of {} acknowledged writes lost after SIGKILL", missing.len(), acked.len());
    // The password change acknowledged before the writes survived too.
    let users = tidings::auth::Users::open(&store).unwrap();
    let admin = users.find_by_username("admin").unwrap().unwrap();
    assert!(!admin.must_change_password);
    assert!(matches!(
        tidings::audit::AuditLog::open(&store).unwrap().verify().unwrap(),
        tidings::audit::Verification::Intact { .. }
    ));

    // Every acknowledged contact is in the store, and the search index (which may have lagged
    // behind at the kill) has caught up from the change feed by the time the state is built at start-up.
    let acked_contacts = acked_contacts.lock().unwrap().clone();
    assert!(acked_contacts.len() > 10, "only {} contacts were acknowledged", acked_contacts.len());
    let config = tidings::config::Config { data_dir: dir.path().to_path_buf(), ..Default::default() };
    let started = Instant::now();
    let state = tidings::state::AppState::new(config, store).unwrap();
    let caught_up = started.elapsed();
    assert!(caught_up < Duration::from_secs(10), "start-up with index catch-up took {caught_up:?}");
    // The index follows the change feed: at start it read every entry the kill left behind.
    assert_eq!(state.feed.cursor(tidings::search::READER), state.feed.last(), "the index's cursor on the feed");
    assert!(state.feed.last() > 0);
    let found: std::collections::HashSet<String> = state
        .search
        .index
        .search(&tidings::search::ContactQuery { text: "durable".into(), limit: 10_000, ..Default::default() })
        .unwrap()
        .ids
        .iter()
        .map(|id| id.to_string())
        .collect();
    for id in &acked_contacts {
        assert!(state.contacts.get(&id.parse().unwrap()).unwrap().is_some(), "acknowledged contact {id} lost");
        assert!(found.contains(id), "acknowledged contact {id} not in the search index after restart");
    }
    state.search.stop();
}
