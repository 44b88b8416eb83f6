//! Backups under write load, restore, encryption, rotation, and the erasure journal that keeps
//! erased people out of restored data.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tidings::audit::{AuditLog, Verification};
use tidings::store::backup::{self, RestoreOptions};
use tidings::store::{OpenOptions, Store};

use crate::helpers::*;

fn cli(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tidings")).args(args).arg("--data-dir").arg(dir).output().unwrap()
}

fn restore_into(
    archive: &std::path::Path,
    from: &std::path::Path,
    to: &std::path::Path,
    key: Option<&tidings::store::SecretKey>,
    journal: &std::path::Path,
) -> Result<backup::RestoreReport, backup::BackupError> {
    backup::restore(&RestoreOptions {
        archive,
        data_dir: to,
        key,
        master_key: &from.join("master.key"),
        journal,
        force: false,
        registry: tidings::wiring::registry(),
    })
}

#[test]
fn backup_under_write_load_restores_a_consistent_copy() {
    let app = spawn_app();
    let _c = app.login_admin(NEW_PASSWORD);
    let token = app.admin_token(&["manage_own_tokens"]);
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (stop, acked, url, token) = (stop.clone(), acked.clone(), app.url.clone(), token.clone());
            std::thread::spawn(move || {
                let c = crate::helpers::client_builder().danger_accept_invalid_certs(true).build().unwrap();
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let r = c
                        .post(format!("{url}/api/v1/tokens"))
                        .bearer_auth(&token)
                        .json(&serde_json::json!({"name": format!("w{w}-{i}"), "scopes": ["manage_own_tokens"]}))
                        .send()
                        .unwrap();
                    assert_eq!(r.status(), 201);
                    acked
                        .lock()
                        .unwrap()
                        .push(r.json::<serde_json::Value>().unwrap()["id"].as_str().unwrap().to_string());
                    i += 1;
                }
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let before = acked.lock().unwrap().len();
    let archive = app.data_dir().join("under-load.tdgbak");
    // Through the running server's control socket, as an operator would.
    let out = cli(&["backup", "--out", archive.to_str().unwrap()], &app.data_dir());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after = acked.lock().unwrap().len();
    std::thread::sleep(std::time::Duration::from_millis(200));
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.join().unwrap();
    }
    assert!(before > 0, "writers were writing");

    let target = tempfile::tempdir().unwrap();
    let report = restore_into(&archive, &app.data_dir(), target.path(), None, &target.path().join("none")).unwrap();
    assert!(report.entries > 0);
    let restored = Store::open(
        target.path(),
        &OpenOptions {
            cache_bytes: 8 << 20,
            master_key: app.data_dir().join("master.key"),
            create: false,
            registry: tidings::wiring::registry(),
        },
    )
    .unwrap();
    // A consistent cut: the audit chain and its signed head agree.
    let audit = AuditLog::open(&restored).unwrap();
    assert!(matches!(audit.verify().unwrap(), Verification::Intact { .. }), "{:?}", audit.verify());
    // Everything acknowledged before the backup started is in it; nothing from after it ended.
    let tokens = tidings::auth::Tokens::open(&restored).unwrap();
    let in_backup: std::collections::HashSet<String> =
        tokens.list(None).unwrap().iter().map(|t| t.id.to_string()).collect();
    let acked = acked.lock().unwrap();
    for id in &acked[..before] {
        assert!(in_backup.contains(id), "token acknowledged before the backup is missing");
    }
    // At most the writers' in-flight requests (one each) and the admin's own token beyond that.
    assert!(
        in_backup.len() <= after + 2 + 1,
        "{} tokens in backup, {after} acknowledged when it finished",
        in_backup.len()
    );
    // Every restored token matches the live one byte for byte.
    for t in tokens.list(None).unwrap() {
        let live = app.state.tokens.get(&t.id).unwrap().unwrap();
        assert_eq!(live.secret_hash, t.secret_hash);
        assert_eq!(live.name, t.name);
    }
    drop((restored, audit, tokens));

    // The restored directory runs: the admin signs in with the password set before the backup.
    let mut cfg = test_config(target.path());
    cfg.store.master_key_file = app.data_dir().join("master.key");
    let restored_app = spawn_in(target, cfg);
    let c = restored_app.client();
    assert_eq!(restored_app.login(&c, "admin", NEW_PASSWORD).status(), 303);
    assert_eq!(restored_app.get(&c, "/").status(), 200);
}

#[test]
fn restore_refuses_a_live_or_existing_store() {
    let app = spawn_app();
    let archive = app.data_dir().join("a.tdgbak");
    backup::create(&app.state.store, &archive, None).unwrap();
    let err = restore_into(&archive, &app.data_dir(), &app.data_dir(), None, &app.data_dir().join("j")).unwrap_err();
    assert!(err.to_string().contains("in use"), "{err}");
    let out = cli(&["restore", archive.to_str().unwrap()], &app.data_dir());
    assert!(!out.status.success());
}

#[test]
fn encrypted_backups_need_their_key() {
    let app = spawn_app();
    let keyfile = app.data_dir().join("backup.key");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["backup", "keygen"])
        .arg(&keyfile)
        .output()
        .unwrap();
    assert!(out.status.success());
    let key = backup::read_key_file(&keyfile).unwrap();
    let archive = app.data_dir().join("enc.tdgbak");
    let report = backup::create(&app.state.store, &archive, Some(&key)).unwrap();
    assert!(report.encrypted);
    // The archive holds no readable gzip stream.
    let raw = std::fs::read(&archive).unwrap();
    assert!(!raw.windows(2).any(|w| w == [0x1f, 0x8b]) || raw.len() > 64);
    let t1 = tempfile::tempdir().unwrap();
    let err = restore_into(&archive, &app.data_dir(), t1.path(), None, &t1.path().join("j")).unwrap_err();
    assert!(err.to_string().contains("encrypted"), "{err}");
    let wrong = tidings::store::SecretKey::random();
    let err = restore_into(&archive, &app.data_dir(), t1.path(), Some(&wrong), &t1.path().join("j")).unwrap_err();
    assert!(err.to_string().contains("wrong key") || err.to_string().contains("decrypt"), "{err}");
    let t2 = tempfile::tempdir().unwrap();
    restore_into(&archive, &app.data_dir(), t2.path(), Some(&key), &t2.path().join("j")).unwrap();
    // A flipped byte in the middle is detected.
    let mut bad = raw.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x40;
    let bad_path = app.data_dir().join("bad.tdgbak");
    std::fs::write(&bad_path, bad).unwrap();
    let t3 = tempfile::tempdir().unwrap();
    assert!(restore_into(&bad_path, &app.data_dir(), t3.path(), Some(&key), &t3.path().join("j")).is_err());
}

#[test]
fn erased_people_stay_erased_after_a_restore() {
    let app = spawn_app();
    let journal = app.data_dir().join("backups/erasure-journal");
    let created =
        tidings::ops::create_user(&app.state, tidings::ops::By::cli(), "forget.me", "", tidings::domain::Role::Analyst)
            .unwrap();
    let keep =
        tidings::ops::create_user(&app.state, tidings::ops::By::cli(), "keep.me", "", tidings::domain::Role::Analyst)
            .unwrap();
    // A contact too: its data key lives in its own record, not in person_keys.
    let contact = {
        use tidings::contacts::ops;
        let mut input = tidings::domain::ContactInput::default();
        let fields = app.state.fields.all();
        ops::set_text(&mut input, &ops::Target::Email, "forget.contact@example.org", &fields, None).unwrap();
        ops::create(&app.state, tidings::ops::By::cli(), &input, tidings::domain::Source::Admin).unwrap()
    };
    let archive = app.data_dir().join("before-erasure.tdgbak");
    backup::create(&app.state.store, &archive, None).unwrap();
    // The erasure is journalled (keyed hashes only) before it is carried out.
    backup::journal_erasure(app.state.store.keyring(), &journal, &created.user.id, None).unwrap();
    app.state.store.erase_person(&created.user.id).unwrap();
    tidings::contacts::ops::delete(&app.state, tidings::ops::By::cli(), &contact.id, false).unwrap();
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(!text.contains(&created.user.id.to_string()) && !text.contains("forget.me"));

    // Restoring without the journal would bring the person back...
    let t1 = tempfile::tempdir().unwrap();
    restore_into(&archive, &app.data_dir(), t1.path(), None, &t1.path().join("no-journal")).unwrap();
    let s1 = Store::open(
        t1.path(),
        &OpenOptions {
            cache_bytes: 8 << 20,
            master_key: app.data_dir().join("master.key"),
            create: false,
            registry: tidings::wiring::registry(),
        },
    )
    .unwrap();
    assert!(tidings::auth::Users::open(&s1).unwrap().find_by_username("forget.me").unwrap().is_some());
    drop(s1);
    // ...with it, the erasure is applied again.
    let t2 = tempfile::tempdir().unwrap();
    let report = restore_into(&archive, &app.data_dir(), t2.path(), None, &journal).unwrap();
    assert_eq!(report.erasures_reapplied, 2, "the user and the contact");
    let s2 = Store::open(
        t2.path(),
        &OpenOptions {
            cache_bytes: 8 << 20,
            master_key: app.data_dir().join("master.key"),
            create: false,
            registry: tidings::wiring::registry(),
        },
    )
    .unwrap();
    let users = tidings::auth::Users::open(&s2).unwrap();
    assert!(users.find_by_username("forget.me").unwrap().is_none());
    assert!(users.get(&created.user.id).unwrap().is_none());
    assert!(s2.existing_data_key(&created.user.id).unwrap().is_none());
    assert!(users.get(&keep.user.id).unwrap().is_some());
    assert!(tidings::contacts::Contacts::open(&s2).unwrap().get(&contact.id).unwrap().is_none());
    assert!(s2.existing_data_key(&contact.id.person()).unwrap().is_none());
}

#[test]
fn scheduled_backups_rotate() {
    let app = spawn_app_with(|c| c.backup.keep = 2);
    for _ in 0..3 {
        tidings::jobs::scheduled_backup(&app.state).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let listed = backup::list(&app.state.config.backup_dir());
    assert_eq!(listed.len(), 2);
    let entries = app
        .state
        .audit
        .query(&tidings::audit::Filter { action: Some("backup.created".into()), ..Default::default() }, 10)
        .unwrap();
    assert_eq!(entries.len(), 3);
}

#[test]
fn cli_backup_and_restore_to_a_new_directory() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let bin = env!("CARGO_BIN_EXE_tidings");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(bin).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let a_s = a.to_str().unwrap();
    run(&["user", "add", "alice", "--role", "marketer", "--data-dir", a_s]);
    let archive = dir.path().join("x.tdgbak");
    run(&["backup", "--data-dir", a_s, "--out", archive.to_str().unwrap()]);
    let key_copy = dir.path().join("master.copy");
    std::fs::copy(a.join("master.key"), &key_copy).unwrap();
    let c = dir.path().join("c");
    let c_s = c.to_str().unwrap();
    let out =
        run(&["restore", archive.to_str().unwrap(), "--data-dir", c_s, "--master-key", key_copy.to_str().unwrap()]);
    assert!(out.contains("restored"), "{out}");
    // The restored directory works on its own: its master key was put where the config expects it.
    assert!(run(&["user", "list", "--data-dir", c_s]).contains("alice"));
    assert!(run(&["audit", "verify", "--data-dir", c_s]).contains("intact"));
    let audit = run(&["audit", "verify", "--data-dir", c_s]);
    assert!(audit.contains("entries") || audit.contains("entry"));
}

#[test]
fn the_scheduler_runs_jobs_from_cron_expressions() {
    // Seconds-first form: every second. (Five-field Unix expressions are converted; see the
    // unit tests of jobs::schedule.)
    let app = spawn_app_with(|c| {
        c.jobs.backup = "* * * * * *".into();
        c.jobs.session_cleanup = "* * * * * *".into();
        c.backup.keep = 2;
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let backup = app.state.jobs.last("backup").unwrap();
        let cleanup = app.state.jobs.last("session_cleanup").unwrap();
        if let (Some(b), Some(c)) = (backup, cleanup) {
            assert!(b.ok && c.ok, "{b:?} {c:?}");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "jobs did not run");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(!backup::list(&app.state.config.backup_dir()).is_empty());
}

/// A restored server is the same server: its self-signed certificate (the fingerprint people
/// compared) and its DKIM keys (whose public halves are in DNS) come back with the store, sealed
/// in the archive with a key derived from the master key.
#[test]
fn a_restore_brings_back_the_certificate_and_the_dkim_keys() {
    let app = spawn_app();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["dkim", "generate", "--domain", "example.com", "--selector", "s1", "--out-dir"])
        .arg(app.data_dir().join("dkim"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let originals: Vec<(String, Vec<u8>, u32)> = ["tls", "dkim"]
        .iter()
        .flat_map(|d| std::fs::read_dir(app.data_dir().join(d)).unwrap().flatten())
        .filter(|e| e.metadata().unwrap().is_file())
        .map(|e| {
            use std::os::unix::fs::PermissionsExt;
            let rel = e.path().strip_prefix(app.data_dir()).unwrap().to_string_lossy().into_owned();
            (rel, std::fs::read(e.path()).unwrap(), e.metadata().unwrap().permissions().mode() & 0o777)
        })
        .collect();
    assert!(originals.iter().any(|(p, _, _)| p == "tls/key.pem"), "{originals:?}");
    assert!(originals.iter().any(|(p, _, _)| p.starts_with("dkim/")), "{originals:?}");

    let archive = app.data_dir().join("keys.tdgbak");
    backup::create(&app.state.store, &archive, None).unwrap();
    // Not encrypted with a backup key, and still no private key in the clear.
    let mut plain = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::MultiGzDecoder::new(&std::fs::read(&archive).unwrap()[9..]),
        &mut plain,
    )
    .unwrap();
    assert!(!holds(&plain, b"PRIVATE KEY"), "a private key in the clear in the archive");

    let target = tempfile::tempdir().unwrap();
    let report = restore_into(&archive, &app.data_dir(), target.path(), None, &target.path().join("j")).unwrap();
    assert_eq!(report.key_files.len(), originals.len(), "{:?}", report.key_files);
    for (rel, bytes, mode) in &originals {
        let restored = target.path().join(rel);
        assert_eq!(&std::fs::read(&restored).unwrap(), bytes, "{rel} differs");
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&restored).unwrap().permissions().mode() & 0o777, *mode, "{rel} mode");
    }
}

fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}
