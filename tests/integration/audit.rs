//! The audit chain detects edits, deletions (in the middle and at the end) and insertions.

use tidings::audit::{Action, Actor, AuditLog, Entry, Event, Verification};
use tidings::store::{OpenOptions, Store};

fn store(dir: &std::path::Path) -> Store {
    Store::open(
        dir,
        &OpenOptions {
            cache_bytes: 8 << 20,
            master_key: dir.join("master.key"),
            create: true,
            registry: tidings::wiring::registry(),
        },
    )
    .unwrap()
}

fn filled(dir: &std::path::Path) -> (Store, AuditLog) {
    let s = store(dir);
    let log = AuditLog::open(&s).unwrap();
    for i in 0..10 {
        log.record(Event::new(Actor::System, Action::SettingsChanged).detail("n", i)).unwrap();
    }
    assert_eq!(log.verify().unwrap(), Verification::Intact { entries: 10 });
    (s, log)
}

fn broken_at(v: Verification) -> u64 {
    match v {
        Verification::Broken { seq, .. } => seq,
        Verification::Intact { .. } => panic!("tampering was not detected"),
    }
}

#[test]
fn an_edited_entry_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let (_s, log) = filled(dir.path());
    let key = 4u64.to_be_bytes();
    let raw = log.raw_tree().get(key).unwrap().unwrap();
    let mut e: Entry = postcard::from_bytes(&raw).unwrap();
    e.details = vec![("n".into(), "999".into())];
    log.raw_tree().insert(key, postcard::to_allocvec(&e).unwrap()).unwrap();
    assert_eq!(broken_at(log.verify().unwrap()), 4);
}

#[test]
fn a_deleted_entry_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let (_s, log) = filled(dir.path());
    log.raw_tree().remove(6u64.to_be_bytes()).unwrap();
    assert_eq!(broken_at(log.verify().unwrap()), 6);
}

#[test]
fn removing_the_last_entries_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let (_s, log) = filled(dir.path());
    log.raw_tree().remove(10u64.to_be_bytes()).unwrap();
    log.raw_tree().remove(9u64.to_be_bytes()).unwrap();
    assert!(matches!(log.verify().unwrap(), Verification::Broken { .. }));
}

#[test]
fn a_rechained_forgery_without_the_key_is_detected() {
    // Someone rewrites entry 3 and recomputes nothing (they lack the master key): caught; and
    // swapping two entries' payloads is caught too.
    let dir = tempfile::tempdir().unwrap();
    let (_s, log) = filled(dir.path());
    let a = log.raw_tree().get(2u64.to_be_bytes()).unwrap().unwrap();
    let b = log.raw_tree().get(3u64.to_be_bytes()).unwrap().unwrap();
    log.raw_tree().insert(2u64.to_be_bytes(), b).unwrap();
    log.raw_tree().insert(3u64.to_be_bytes(), a).unwrap();
    assert!(matches!(broken_at(log.verify().unwrap()), 2 | 3));
}

#[test]
fn cli_audit_verify_exits_nonzero_on_tampering() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (_s, log) = filled(dir.path());
        log.raw_tree().remove(5u64.to_be_bytes()).unwrap();
        _s.commit().unwrap();
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["audit", "verify", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("entry 5"), "{err}");
}

#[test]
fn entries_name_people_by_id_only() {
    let app = crate::helpers::spawn_app();
    let _c = app.login_admin(crate::helpers::NEW_PASSWORD);
    app.login(&app.client(), "admin", "wrong password x");
    for e in app.state.audit.query(&Default::default(), 100).unwrap() {
        let text = format!("{:?}", e.view());
        assert!(!text.contains("admin\""), "audit entry mentions a login name: {text}");
        assert!(!text.contains("Administrator"), "audit entry mentions a display name: {text}");
    }
}
