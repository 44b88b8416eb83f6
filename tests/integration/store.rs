//! The store: migrations refuse downgrades, a swapped master key fails loudly, every tree is in
//! the personal-data registry, personal data is sealed at rest and erasure is final.

use tidings::store::{
    migrations, OpenOptions, Registry, Store, StoreError, META_REGISTRATION, PERSON_KEYS_REGISTRATION,
};

use crate::helpers::*;

fn opts(dir: &std::path::Path) -> OpenOptions {
    OpenOptions {
        cache_bytes: 8 << 20,
        master_key: dir.join("master.key"),
        create: true,
        registry: tidings::wiring::registry(),
    }
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = Store::open(dir.path(), &opts(dir.path())).unwrap();
        s.tree("meta").unwrap().insert(migrations::SCHEMA_KEY, &999u32.to_be_bytes()).unwrap();
        s.commit().unwrap();
    }
    let err = Store::open(dir.path(), &opts(dir.path())).err().expect("downgrade refused");
    assert!(matches!(err, StoreError::Downgrade { found: 999, .. }));
    assert!(err.to_string().contains("downgrading is refused"));
    // The binary says so too, and exits non-zero.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["user", "list", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("schema version 999"));
}

#[test]
fn migrations_run_once_and_record_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path(), &opts(dir.path())).unwrap();
    assert_eq!(migrations::current(s.db()).unwrap(), migrations::latest());
    assert_eq!(migrations::MIGRATIONS.len() as u32, migrations::latest());
}

#[test]
fn a_swapped_master_key_fails_loudly() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path(), &opts(dir.path())).unwrap());
    let other = tempfile::tempdir().unwrap();
    let mut o = opts(dir.path());
    o.master_key = other.path().join("other.key");
    let err = Store::open(dir.path(), &o).err().expect("wrong key refused");
    assert!(matches!(err, StoreError::WrongMasterKey { .. }), "{err}");
}

#[test]
fn an_unregistered_tree_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path(), &opts(dir.path())).unwrap();
    assert!(matches!(s.tree("contacts_without_registration"), Err(StoreError::Unregistered(_))));
}

fn no_seed(_: &str) -> Option<migrations::MessageSeed> {
    None
}

/// A registry with the store's own trees and no feature.
static STORE_ONLY: Registry = Registry {
    registrations: &[META_REGISTRATION, PERSON_KEYS_REGISTRATION],
    suppression: "suppression",
    content_dirs: &[],
    migrations: migrations::Inputs { message_seed: no_seed },
};

static EMPTY: Registry = Registry {
    registrations: &[],
    suppression: "suppression",
    content_dirs: &[],
    migrations: migrations::Inputs { message_seed: no_seed },
};

/// The store knows no feature: what it may open is what the registry it is handed names (a
/// feature's tree is refused when that registry leaves the feature out), and a registry without
/// the store's own trees is refused at open.
#[test]
fn the_store_opens_the_trees_of_the_registry_it_is_handed() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = Store::open(dir.path(), &OpenOptions { registry: &STORE_ONLY, ..opts(dir.path()) }).unwrap();
        assert!(matches!(s.tree(tidings::contacts::CONTACTS), Err(StoreError::Unregistered(_))));
        assert!(s.tree(tidings::store::META).is_ok());
        assert!(std::ptr::eq(s.registry(), &STORE_ONLY));
    }
    let s = Store::open(dir.path(), &opts(dir.path())).unwrap();
    assert!(s.tree(tidings::contacts::CONTACTS).is_ok(), "the application's registry names the contacts");
    drop(s);
    let err = Store::open(dir.path(), &OpenOptions { registry: &EMPTY, ..opts(dir.path()) }).err();
    assert!(matches!(&err, Some(StoreError::Unregistered(t)) if t == "meta"), "{err:?}");
}

/// Exercises every feature, then checks that each tree on disk is registered and that no
/// personal data is stored in plaintext in any file of the data directory.
#[test]
fn every_tree_is_registered_and_personal_data_is_sealed() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let name = "zebediah.quux@example.org";
    let display = "Zebediah Quux";
    let page = app
        .post_form(&admin, "/users/new", "/users", &[("username", name), ("display_name", display), ("role", "dpo")])
        .text()
        .unwrap();
    let otp = text_of_id(&page, "otp").unwrap();
    let c = app.client();
    app.login(&c, name, &otp);
    app.change_password(&c, &otp, NEW_PASSWORD);
    app.post_form(&c, "/tokens", "/tokens", &[("name", "Quux integration"), ("scope", "view_audit")]);
    app.post_form(&admin, "/settings", "/settings", &[("organisation", "Quux Shop")]);
    let token = app.admin_token(&["run_backups"]);
    let r = app.client().post(format!("{}/api/v1/backups", app.url)).bearer_auth(&token).send().unwrap();
    assert_eq!(r.status(), 201);
    tidings::jobs::session_cleanup(&app.state).unwrap();

    let unregistered = app.state.store.unregistered_trees();
    assert!(unregistered.is_empty(), "trees without a registry entry: {unregistered:?}");

    // The export reaches the person through the registry.
    let person = app.state.users.find_by_username(name).unwrap().unwrap().id;
    let export = app.state.store.export_person(&person).unwrap();
    let trees: Vec<&str> = export.iter().map(|(t, _)| t.as_str()).collect();
    for t in ["users", "sessions", "api_tokens", "audit"] {
        assert!(trees.contains(&t), "export lacks {t}: {trees:?}");
    }

    app.state.store.commit().unwrap();
    let dir = app.stop();
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        for needle in [name.as_bytes(), display.as_bytes(), b"Quux integration"] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{} holds `{}` in plaintext",
                entry.display(),
                String::from_utf8_lossy(needle)
            );
        }
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.is_file() {
            out.push(p);
        }
    }
    out
}

#[test]
fn erasure_destroys_the_key_and_every_record() {
    let app = spawn_app();
    let _admin = app.login_admin(NEW_PASSWORD);
    let admin = app.state.users.find_by_username("admin").unwrap().unwrap();
    let created = tidings::ops::create_user(
        &app.state,
        tidings::ops::By::cli(),
        "erase.me",
        "Erase Me",
        tidings::domain::Role::Marketer,
    )
    .unwrap();
    let id = created.user.id;
    app.state.tokens.create(id, "mine", vec![tidings::domain::Permission::ViewContacts], None).unwrap();
    app.state.sessions.create(id, tidings::auth::Stage::Full, None, "test").unwrap();
    assert!(app.state.store.existing_data_key(&id).unwrap().is_some());

    let removed = app.state.store.erase_person(&id).unwrap();
    assert!(removed >= 4, "removed {removed}");
    assert!(app.state.store.existing_data_key(&id).unwrap().is_none());
    assert!(app.state.users.get(&id).unwrap().is_none());
    assert!(app.state.users.find_by_username("erase.me").unwrap().is_none());
    let export = app.state.store.export_person(&id).unwrap();
    // Only the pseudonymous audit trail remains (it names the id, never the person).
    assert!(export.iter().all(|(t, _)| t == "audit"), "{export:?}");
    // Others are untouched.
    assert!(app.state.users.get(&admin.id).unwrap().is_some());
}

/// Contacts touch the most trees: a profile with a custom field, consents, history, a merge,
/// an import batch. Every tree they create is registered, the export reaches each one, sled's
/// files never hold the address in plaintext, and after deletion (and a purge of the index's
/// deleted documents) neither does the search index.
#[test]
fn contacts_are_registered_sealed_and_gone_from_every_file_after_deletion() {
    use tidings::contacts::ops;
    use tidings::domain::ContactInput;
    let app = spawn_app();
    let st = &app.state;
    let by = tidings::ops::By::cli();
    ops::create_field(st, by, "nickname", "Nickname", "text", vec![], None).unwrap();
    let fields = st.fields.all();
    let mut input = ContactInput::default();
    ops::set_text(&mut input, &ops::Target::Email, "quintessa.vorlaufig@example.net", &fields, None).unwrap();
    ops::set_text(&mut input, &ops::Target::FirstName, "Quintessa", &fields, None).unwrap();
    ops::set_text(&mut input, &ops::Target::Custom("nickname".into()), "Zyxwvut", &fields, None).unwrap();
    let c = ops::create(st, by, &input, tidings::domain::Source::Admin).unwrap();
    ops::record_consent(st, by, &c.id, "newsletter", true, "at the counter", None, None).unwrap();
    let mut other = ContactInput::default();
    ops::set_text(&mut other, &ops::Target::Email, "q.v@example.net", &fields, None).unwrap();
    let o = ops::create(st, by, &other, tidings::domain::Source::Admin).unwrap();
    ops::record_consent(st, by, &o.id, "engagement", true, "", None, None).unwrap();
    ops::merge(st, by, &c.id, &o.id, &Default::default()).unwrap();
    let (_, changed) =
        ops::update(st, by, &c.id, &ContactInput { add_tags: ["vip".into()].into(), ..Default::default() }).unwrap();
    assert_eq!(changed, vec!["tags"]);

    let unregistered = st.store.unregistered_trees();
    assert!(unregistered.is_empty(), "trees without a registry entry: {unregistered:?}");
    let export = st.store.export_person(&c.id.person()).unwrap();
    let trees: Vec<&str> = export.iter().map(|(t, _)| t.as_str()).collect();
    for t in ["contacts", "consents", "contact_history"] {
        assert!(trees.contains(&t), "export lacks {t}: {trees:?}");
    }
    let consents = &export.iter().find(|(t, _)| t == "consents").unwrap().1;
    assert_eq!(consents.len(), 2, "the merged contact's ledger came along");

    let needles: [&[u8]; 3] = [b"quintessa.vorlaufig@example.net", b"Quintessa", b"Zyxwvut"];
    let db_files = |dir: &std::path::Path| walk(&dir.join("db"));
    for f in db_files(&app.data_dir()) {
        let bytes = std::fs::read(&f).unwrap();
        for n in needles {
            assert!(
                !bytes.windows(n.len()).any(|w| w == n),
                "{} holds {} in plaintext",
                f.display(),
                String::from_utf8_lossy(n)
            );
        }
    }

    ops::delete(st, by, &c.id, true).unwrap();
    let q = tidings::search::ContactQuery { text: "quintessa".into(), limit: 10, ..Default::default() };
    assert!(st.search.index.search(&q).unwrap().ids.is_empty(), "deleted contact still found");
    st.search.index.purge_deleted().unwrap();
    for f in walk(&app.data_dir().join("search")) {
        let bytes = std::fs::read(&f).unwrap();
        for n in [&b"quintessa"[..], b"zyxwvut", b"vorlaufig"] {
            assert!(
                !bytes.windows(n.len()).any(|w| w == n),
                "{} still holds {}",
                f.display(),
                String::from_utf8_lossy(n)
            );
        }
    }
    assert!(st.store.export_person(&c.id.person()).unwrap().iter().all(|(t, _)| t == "audit"));
}

fn consent(purpose: &str, note: &str) -> tidings::domain::ConsentEntry {
    tidings::domain::ConsentEntry {
        purpose: purpose.into(),
        granted: true,
        at: chrono::Utc::now(),
        via: tidings::domain::Via::Import("batch".into()),
        wording: None,
        ip: None,
        user_agent: None,
        note: note.into(),
    }
}

/// A new contact is two sled records (its address claim, and its record carrying its data key
/// and first consent entry); edits keep the key and that entry; erasure removes both. A store
/// written before that layout (key in `person_keys`) is moved over by migration 2 at start.
#[test]
fn a_contact_carries_its_key_and_first_consent_and_older_stores_migrate() {
    use tidings::contacts::{Contacts, CONTACTS, LEDGER};
    use tidings::domain::{Contact, EmailAddress, Source};
    let dir = tempfile::tempdir().unwrap();
    let keys_len = |s: &Store| s.tree(tidings::store::PERSON_KEYS).unwrap().len();
    let (new, old) = {
        let s = Store::open(dir.path(), &opts(dir.path())).unwrap();
        let contacts = Contacts::open(&s).unwrap();
        let mut c = Contact::new(EmailAddress::parse("new.layout@example.org").unwrap(), Source::Import, "b".into());
        contacts.insert(&c, &[consent("newsletter", "first")]).unwrap();
        assert_eq!(keys_len(&s), 0, "the key lives in the contact record");
        assert_eq!(s.tree(LEDGER).unwrap().len(), 0, "the first entry too");
        contacts.append_consent(&c.id, &consent("engagement", "second")).unwrap();
        c.first_name = "Edited".into();
        contacts.save(&c.email.clone(), &c).unwrap();
        let ledger = contacts.ledger(&c.id).unwrap();
        assert_eq!(ledger.iter().map(|e| e.note.as_str()).collect::<Vec<_>>(), ["first", "second"]);
        assert_eq!(contacts.get(&c.id).unwrap().unwrap().first_name, "Edited");
        assert!(s.people().unwrap().contains(&c.id.person()));
        // The sender's and tracker's one-read view agrees with the separate reads.
        let (read, states, _) = contacts.get_with_consents(&c.id).unwrap().unwrap();
        assert_eq!(read.first_name, "Edited");
        assert_eq!(states, contacts.consent_state(&c.id).unwrap());
        assert_eq!(states.len(), 2, "{states:?}");

        // The layout before migration 2: a key in person_keys, the record sealed without it
        // (what a plain put writes for a contact that has no record yet).
        let o = Contact::new(EmailAddress::parse("old.layout@example.org").unwrap(), Source::Import, "b".into());
        s.data_key(&o.id.person()).unwrap();
        s.sealed::<Contact>(CONTACTS).unwrap().put(&o.id.person(), o.id.as_bytes(), &o).unwrap();
        contacts.append_consent(&o.id, &consent("newsletter", "old")).unwrap();
        assert_eq!(keys_len(&s), 1);
        s.tree("meta").unwrap().insert(migrations::SCHEMA_KEY, &1u32.to_be_bytes()).unwrap();
        s.commit().unwrap();
        (c, o)
    };
    let s = Store::open(dir.path(), &opts(dir.path())).unwrap();
    assert_eq!(migrations::current(s.db()).unwrap(), migrations::latest());
    assert_eq!(keys_len(&s), 0, "migration 2 moved the old contact's key into its record");
    let contacts = Contacts::open(&s).unwrap();
    assert_eq!(contacts.get(&old.id).unwrap().unwrap().email.as_str(), "old.layout@example.org");
    assert_eq!(contacts.ledger(&old.id).unwrap()[0].note, "old");
    assert_eq!(contacts.get(&new.id).unwrap().unwrap().first_name, "Edited");

    // Erasure: the record (and with it the key and the first entry) goes; what was sealed in
    // other trees cannot be opened any more, and is gone too.
    contacts.erase(&new.id).unwrap();
    assert!(s.existing_data_key(&new.id.person()).unwrap().is_none());
    assert!(contacts.get(&new.id).unwrap().is_none());
    assert!(contacts.ledger(&new.id).unwrap().is_empty());
    assert!(contacts.get_with_consents(&new.id).unwrap().is_none());
    assert_eq!(contacts.get_with_consents(&old.id).unwrap().unwrap().1.len(), 1, "the migrated contact's consent");
    assert!(s.export_person(&new.id.person()).unwrap().is_empty());
    assert_eq!(s.tree(LEDGER).unwrap().len(), 1, "only the old contact's entry is left");
    assert!(!s.people().unwrap().contains(&new.id.person()));
}

/// Migration 3 moves a store's email index from one record per address (the address's 32-byte
/// keyed hash → contact id) into buckets: every address still finds its contact, a second
/// claim of it is refused, and the old tree is gone.
#[test]
fn the_email_index_moves_into_buckets() {
    use tidings::contacts::{email_index, Contacts, BY_EMAIL};
    use tidings::domain::{Contact, EmailAddress, Source};
    let dir = tempfile::tempdir().unwrap();
    let people: Vec<Contact> = (0..300)
        .map(|i| Contact::new(EmailAddress::parse(&format!("p{i}@example.org")).unwrap(), Source::Import, "b".into()))
        .collect();
    {
        let s = Store::open(dir.path(), &opts(dir.path())).unwrap();
        let contacts = Contacts::open(&s).unwrap();
        for c in &people {
            contacts.insert(c, &[]).unwrap();
        }
        // The layout before migration 3.
        s.tree(BY_EMAIL).unwrap().clear().unwrap();
        let old = s.db().open_tree("contact_email").unwrap();
        for c in &people {
            let key = s.keyring().lookup_hash("contact-email", c.email.as_str().as_bytes());
            old.insert(key, c.id.as_bytes().as_slice()).unwrap();
        }
        s.tree("meta").unwrap().insert(migrations::SCHEMA_KEY, &2u32.to_be_bytes()).unwrap();
        s.commit().unwrap();
        assert!(contacts.find_by_email(&people[0].email).unwrap().is_none(), "the new index is empty");
    }
    let s = Store::open(dir.path(), &opts(dir.path())).unwrap();
    assert_eq!(migrations::current(s.db()).unwrap(), migrations::latest());
    assert!(!s.db().tree_names().iter().any(|n| n.as_ref() == b"contact_email"), "the old tree is dropped");
    let contacts = Contacts::open(&s).unwrap();
    for c in &people {
        assert_eq!(contacts.find_by_email(&c.email).unwrap().map(|f| f.id), Some(c.id), "{}", c.email);
    }
    let buckets = s.tree(BY_EMAIL).unwrap();
    let mut entries = 0;
    for item in buckets.iter() {
        let (k, v) = item.unwrap();
        assert_eq!(k.len(), 3, "a bucket's key is the hash's first 18 bits");
        entries += v.len() / 32;
    }
    assert_eq!(entries, people.len(), "one entry per address, none twice");
    let again = Contact::new(people[7].email.clone(), Source::Api, "t".into());
    assert!(contacts.insert(&again, &[]).is_err(), "a migrated claim still holds its address");
    // A released claim leaves the others in its bucket.
    contacts.erase(&people[7].id).unwrap();
    assert!(contacts.find_by_email(&people[7].email).unwrap().is_none());
    assert_eq!(contacts.find_by_email(&people[8].email).unwrap().map(|f| f.id), Some(people[8].id));
    assert_eq!(email_index::BUCKET_BITS, 18);
}

/// Four threads claim the same 2,000 addresses (each for a contact of its own): every address ends with exactly one holder, the one whose claim succeeded, and the
/// others were told who it was. Addresses that share a bucket (~8 pairs among 2,000 in 2^18
/// buckets) and the same address claimed at once both race on one compare-and-swap.
#[test]
fn concurrent_claims_leave_one_holder_per_address() {
    use tidings::contacts::email_index::EmailIndex;
    use tidings::domain::{ContactId, EmailAddress};
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path(), &opts(dir.path())).unwrap();
    let index = EmailIndex::open(&s).unwrap();
    let emails: Vec<EmailAddress> =
        (0..2000).map(|i| EmailAddress::parse(&format!("racer{i}@example.org")).unwrap()).collect();
    let start = std::sync::Barrier::new(4);
    let results: Vec<Vec<(usize, ContactId, Option<ContactId>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|t| {
                let (index, emails, start) = (&index, &emails, &start);
                scope.spawn(move || {
                    // Two threads in one order and two in the other, all let go at once: the
                    // pairs meet on the same address again and again.
                    let mut order: Vec<usize> = (0..emails.len()).collect();
                    if t % 2 == 1 {
                        order.reverse();
                    }
                    start.wait();
                    order
                        .into_iter()
                        .map(|i| {
                            let mine = ContactId::new();
                            (i, mine, index.claim_if_free(&emails[i], &mine).unwrap())
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut winners: Vec<Option<ContactId>> = vec![None; emails.len()];
    for (i, mine, answer) in results.iter().flatten() {
        if answer.is_none() {
            assert!(winners[*i].replace(*mine).is_none(), "two claims of {} succeeded", emails[*i]);
        }
    }
    for (i, email) in emails.iter().enumerate() {
        let winner = winners[i].unwrap_or_else(|| panic!("no claim of {email} succeeded"));
        assert_eq!(index.holder(email).unwrap(), Some(winner));
    }
    for (i, _, answer) in results.iter().flatten() {
        if let Some(holder) = answer {
            assert_eq!(Some(*holder), winners[*i], "a refused claim names the holder");
        }
    }
    let entries: usize = s.tree(tidings::contacts::BY_EMAIL).unwrap().iter().map(|e| e.unwrap().1.len() / 32).sum();
    assert_eq!(entries, emails.len());
}

/// Counters added to in transactions on two threads at once: every addition counts (a put
/// computed from a read before the transaction would lose some).
#[test]
fn counters_added_from_two_threads_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), &opts(dir.path())).unwrap();
    let tree = store.tree("segment_daily").unwrap();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                for _ in 0..500 {
                    let mut w = tidings::store::Writes::new();
                    w.add(&tree, b"k".to_vec(), &[1, -1, 2]);
                    store.apply(&w).unwrap();
                }
            });
        }
    });
    assert_eq!(tidings::store::counters(&tree.get(b"k").unwrap().unwrap()), vec![1000, -1000, 2000]);
    // A shorter addition leaves the counters after it as they are.
    let mut w = tidings::store::Writes::new();
    w.add(&tree, b"k".to_vec(), &[5]);
    store.apply(&w).unwrap();
    assert_eq!(tidings::store::counters(&tree.get(b"k").unwrap().unwrap()), vec![1005, -1000, 2000]);
}

/// A consequence whose read goes stale (another writer moved the record between its read and
/// the transaction) is staged again on what is there now; the change itself never fails for
/// it. A guard of the caller's own still fails the append, as without consequences.
#[test]
fn a_consequence_that_read_a_moved_record_is_staged_again_and_the_change_lands() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), &opts(dir.path())).unwrap();
    let feed = tidings::feed::Feed::open(&store).unwrap();
    let tree = store.tree("segment_daily").unwrap();
    tree.insert(b"run", b"waiting".to_vec()).unwrap();

    struct EndsRun {
        tree: sled::Tree,
        staged: AtomicUsize,
    }
    impl tidings::feed::Consequence for EndsRun {
        fn stage(&self, _: &[tidings::domain::Change], w: &mut tidings::store::Writes) -> tidings::store::Result<()> {
            let read = self.tree.get(b"run")?;
            // The first time, someone else moves the run after it was read.
            if self.staged.fetch_add(1, Ordering::SeqCst) == 0 {
                self.tree.insert(b"run", b"moved on".to_vec())?;
            }
            let ended = [read.as_deref().unwrap_or_default(), b" then ended"].concat();
            w.put_expecting(&self.tree, b"run".to_vec(), read, ended);
            Ok(())
        }
    }
    let ends = Arc::new(EndsRun { tree: tree.clone(), staged: AtomicUsize::new(0) });
    feed.attach(ends.clone());
    let contact = tidings::domain::ContactId::new();
    let change = tidings::domain::Change::RestrictionChanged { contact, restricted: true };
    let mut w = tidings::store::Writes::new();
    w.put(&tree, b"own".to_vec(), b"written".to_vec());
    feed.append(w, std::slice::from_ref(&change)).unwrap().announce();
    assert_eq!(ends.staged.load(Ordering::SeqCst), 2, "staged again after its guard failed");
    assert_eq!(tree.get(b"run").unwrap().unwrap().as_ref(), b"moved on then ended");
    assert_eq!(tree.get(b"own").unwrap().unwrap().as_ref(), b"written");
    assert_eq!(feed.read(0, 10).unwrap().len(), 1, "the change's entry is there once");

    // The caller's own guard failing is the caller's conflict: nothing lands.
    let mut w = tidings::store::Writes::new();
    w.put_expecting(&tree, b"own".to_vec(), Some(b"something else".as_slice().into()), b"x".to_vec());
    assert!(matches!(feed.append(w, std::slice::from_ref(&change)), Err(StoreError::Conflict(_))));
    assert_eq!(tree.get(b"own").unwrap().unwrap().as_ref(), b"written");
    assert_eq!(tree.get(b"run").unwrap().unwrap().as_ref(), b"moved on then ended", "no consequence either");
}
