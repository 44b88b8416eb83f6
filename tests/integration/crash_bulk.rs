//! A bulk action's promise under SIGKILL: the real server binary deletes everyone on a list as
//! a background job, is killed mid-way, and the job's record then says how far it got (within
//! one chunk of what the store holds), shown as interrupted; running the action again finishes.

use std::time::{Duration, Instant};

use tidings::contacts::bulk::{self, CHUNK};
use tidings::domain::Role;
use tidings::search::ContactQuery;
use tidings::state::AppState;

const CONTACTS: usize = 20_000;

fn on_the_list(state: &AppState) -> usize {
    state.search.index.count(&ContactQuery { lists: vec!["news".into()], ..Default::default() }).unwrap()
}

#[test]
fn a_bulk_delete_killed_mid_way_says_how_far_it_got_and_a_rerun_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let config_file = dir.path().join("config.toml");
    std::fs::write(
        &config_file,
        "hostname = \"news.example.com\"\n[jobs]\nbackup = \"\"\nsession_cleanup = \"\"\n[tls]\nmode = \"off\"\n",
    )
    .unwrap();
    let token = {
        let state = crate::helpers::offline_state(dir.path(), &config_file);
        crate::helpers::seed_news_subscribers(&state, CONTACTS);
        let seq = state.contacts.last_logged().unwrap();
        assert!(state.search.wait_for(seq));
        let user = state.users.create("owner", "Owner", Role::Owner, "not a usable hash".into(), false).unwrap();
        let scopes = ["view_contacts", "edit_contacts"].iter().map(|s| s.parse().unwrap()).collect();
        let token = state.tokens.create(user.id, "crash", scopes, None).unwrap().1;
        state.store.commit().unwrap();
        state.search.stop();
        token
    };

    let port = crate::helpers::free_port();
    let mut child = crate::helpers::serve_binary(port, dir.path(), &config_file, None);
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while http.get(format!("http://127.0.0.1:{port}/healthz")).send().is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let r = http
        .post(format!("http://127.0.0.1:{port}/api/v1/contacts/bulk-actions"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"action": "delete", "query": {"list": "news"}, "suppress": false}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 202, "a job this long answers before it ends");
    let job: serde_json::Value = r.json().unwrap();
    let id: uuid::Uuid = job["id"].as_str().unwrap().parse().unwrap();
    // Killed once a few chunks are through.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let v: serde_json::Value = http
            .get(format!("http://127.0.0.1:{port}/api/v1/contacts/bulk-actions/{id}"))
            .bearer_auth(&token)
            .send()
            .unwrap()
            .json()
            .unwrap();
        if v["done"].as_u64().unwrap() >= (3 * CHUNK) as u64 {
            break;
        }
        assert!(v["status"] == "running" && Instant::now() < deadline, "{v}");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let state = std::sync::Arc::new(crate::helpers::offline_state(dir.path(), &config_file));
    let job = bulk::get(&state, &id).unwrap();
    assert_eq!(job.status(), "interrupted");
    assert_eq!(job.total, CONTACTS as u64);
    let (done, left) = (job.done as usize, on_the_list(&state));
    assert!((3 * CHUNK..CONTACTS).contains(&done), "{done}");
    let deleted = CONTACTS - left;
    // What the record says is done is done; at most the chunk under way went further.
    assert!((done..done + CHUNK).contains(&deleted), "record {done}, deleted {deleted}");

    // The same action again takes whoever is left.
    let again = bulk::start(
        state.clone(),
        tidings::ops::By::cli(),
        bulk::BulkAction::Delete { suppress: false },
        bulk::Selection::Matching(Box::new(ContactQuery { lists: vec!["news".into()], ..Default::default() })),
        "all matching: list news",
    )
    .unwrap();
    assert_eq!(again.total as usize, left);
    let again = bulk::wait(&state, &again.id, Duration::from_secs(300)).unwrap();
    assert_eq!(again.status(), "done");
    assert_eq!(on_the_list(&state), 0);
    state.search.stop();
}
