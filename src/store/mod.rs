//! The durable store: sled behind typed repositories.
//!
//! - Every tree is opened through [`Store::tree`], which refuses a name that the personal-data
//!   registry does not know, so no feature can hold personal data that export and erasure miss.
//!   The store knows no feature: the application hands it the registry ([`Registry`]) when it
//!   opens it.
//! - Personal data goes through [`SealedTree`]: values are sealed with the person's own data key.
//! - [`Store::commit`] makes everything written so far durable (group commit: one flusher thread,
//!   many waiters), and is what a handler calls before it acknowledges a write.
//! - Writers hold the read side of a gate; a backup holds the write side while it copies, which
//!   makes the archive a consistent cut across trees.

pub mod backup;
mod commit;
pub mod crypto;
pub mod migrations;
pub mod registry;
pub(crate) mod typed;
mod writes;

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

pub use crypto::{CryptoError, Keyring, SecretKey};
pub use registry::{Holds, Registration, Registry, META_REGISTRATION, PERSON_KEYS_REGISTRATION};
pub use typed::{PlainTree, SealedTree};
pub use writes::{add_counters, counters, Writes};

use crate::domain::PersonId;

pub const META: &str = "meta";
pub const PERSON_KEYS: &str = "person_keys";

const FINGERPRINT_KEY: &[u8] = b"master_key_fingerprint";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store: {0}")]
    Sled(#[from] sled::Error),
    #[error("the data directory {0} is in use by a running Tidings")]
    Locked(PathBuf),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error("encoding a stored value: {0}")]
    Encode(#[from] postcard::Error),
    #[error("a write was abandoned half-way and nothing of it was kept")]
    Aborted,
    #[error("tree `{0}` is not in the personal-data registry; register it in src/wiring.rs")]
    Unregistered(String),
    #[error(
        "this data directory has schema version {found}, but this Tidings only knows up to {known}: \
         it was written by a newer release. Install that release (or newer) again; downgrading is refused \
         so that nothing is silently misread"
    )]
    Downgrade { found: u32, known: u32 },
    #[error("migration {version} ({name}) failed: {reason}")]
    Migration { version: u32, name: &'static str, reason: String },
    #[error(
        "the master key at {path} does not belong to this store (fingerprint {found}, expected {expected}); \
         restore the right key file or set store.master_key_file"
    )]
    WrongMasterKey { path: String, found: String, expected: String },
    #[error("flushing the store failed: {0}")]
    Flush(String),
    /// A write that must not replace anything found a record in its place.
    #[error("record already exists: {0}")]
    Conflict(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("a stored JSON value: {0}")]
    Json(#[from] serde_json::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

struct Inner {
    db: sled::Db,
    registry: &'static Registry,
    /// The trees registered as [`registry::Layout::Keyed`], whose records may carry their
    /// person's data key; searched before `person_keys`.
    key_homes: Vec<sled::Tree>,
    keyring: Keyring,
    committer: commit::Committer,
    gate: RwLock<()>,
    path: PathBuf,
}

/// Cheap to clone; one per process.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

pub struct OpenOptions {
    pub cache_bytes: u64,
    pub master_key: PathBuf,
    /// Create the master key and the database when they do not exist.
    pub create: bool,
    /// Every tree the application's features keep, and what they hold: the application's one
    /// list (`tidings::wiring::registry()`), the same for every opening.
    pub registry: &'static Registry,
}

/// How [`Store::seal_text`] marks a sealed value.
const SEALED_TEXT: &str = "sealed:";
/// What a sealed text reads as once its person is erased.
pub const ERASED_TEXT: &str = "(sealed with the person's key, erased with them)";

fn text_aad(person: &PersonId, domain: &str) -> Vec<u8> {
    let mut aad = domain.as_bytes().to_vec();
    aad.push(0);
    aad.extend_from_slice(person.as_bytes());
    aad
}

impl Store {
    /// Opens (or creates) the store in `data_dir/db` and brings its schema up to date.
    pub fn open(data_dir: &Path, opts: &OpenOptions) -> Result<Store> {
        let registry = opts.registry;
        if let Some(own) = [META, PERSON_KEYS].into_iter().find(|t| registry.lookup(t).is_none()) {
            return Err(StoreError::Unregistered(own.to_string()));
        }
        ensure_private_dir(data_dir)?;
        let path = data_dir.join("db");
        if !opts.create && !path.exists() {
            return Err(StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no store at {}", path.display()),
            )));
        }
        let (keyring, _created) = Keyring::load_or_create(&opts.master_key, opts.create)?;
        let db = open_sled(&path, opts.cache_bytes, data_dir)?;
        let meta = db.open_tree(META)?;
        let fingerprint = keyring.fingerprint();
        match meta.get(FINGERPRINT_KEY)? {
            Some(stored) if stored.as_ref() != fingerprint.as_bytes() => {
                return Err(StoreError::WrongMasterKey {
                    path: opts.master_key.display().to_string(),
                    found: fingerprint,
                    expected: String::from_utf8_lossy(&stored).into_owned(),
                })
            }
            Some(_) => {}
            None => {
                meta.insert(FINGERPRINT_KEY, fingerprint.as_bytes())?;
            }
        }
        migrations::run(&db, &registry.migrations)?;
        let key_homes = registry
            .registrations
            .iter()
            .filter(|r| r.is_keyed())
            .map(|r| db.open_tree(r.tree))
            .collect::<std::result::Result<_, _>>()?;
        let committer = commit::Committer::start(db.clone(), path.join("db"));
        let store = Store {
            inner: Arc::new(Inner { db, registry, key_homes, keyring, committer, gate: RwLock::new(()), path }),
        };
        store.commit()?;
        Ok(store)
    }

    /// Opens a tree by name; the name must be in the personal-data registry.
    pub fn tree(&self, name: &'static str) -> Result<sled::Tree> {
        self.inner.registry.lookup(name).ok_or_else(|| StoreError::Unregistered(name.to_string()))?;
        Ok(self.inner.db.open_tree(name)?)
    }

    /// The registry the store was opened with.
    pub fn registry(&self) -> &'static Registry {
        self.inner.registry
    }

    /// Trees on disk that the registry does not name (a test keeps this empty).
    pub fn unregistered_trees(&self) -> Vec<String> {
        self.inner.registry.unregistered_trees(&self.inner.db)
    }

    pub fn sealed<T: serde::Serialize + serde::de::DeserializeOwned>(
        &self,
        name: &'static str,
    ) -> Result<SealedTree<T>> {
        SealedTree::new(self.clone(), name)
    }

    pub fn plain<T: serde::Serialize + serde::de::DeserializeOwned>(&self, name: &'static str) -> Result<PlainTree<T>> {
        PlainTree::new(self.clone(), name)
    }

    pub fn keyring(&self) -> &Keyring {
        &self.inner.keyring
    }

    pub fn db(&self) -> &sled::Db {
        &self.inner.db
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Blocks until everything written before this call is on disk. Concurrent callers share
    /// one flush.
    pub fn commit(&self) -> Result<()> {
        self.inner.committer.commit()
    }

    /// [`Store::commit`] for async callers (the mail sender): waits without blocking a thread.
    pub async fn commit_async(&self) -> Result<()> {
        self.inner.committer.commit_async().await
    }

    /// The keys of `tree` whose key and value `pred` accepts.
    pub fn keys_where(tree: &sled::Tree, mut pred: impl FnMut(&[u8], &[u8]) -> bool) -> Result<Vec<sled::IVec>> {
        let mut keys = Vec::new();
        for item in tree.iter() {
            let (k, v) = item?;
            if pred(&k, &v) {
                keys.push(k);
            }
        }
        Ok(keys)
    }

    /// Removes `keys` from `tree` under the write gate (uncommitted); returns how many.
    pub fn remove_keys(&self, tree: &sled::Tree, keys: &[sled::IVec]) -> Result<usize> {
        let _gate = self.write_gate();
        for k in keys {
            tree.remove(k)?;
        }
        Ok(keys.len())
    }

    /// Removes the entries of `tree` that `pred` accepts (uncommitted); returns how many. Keys
    /// are collected first, then removed under the write gate.
    pub fn remove_where(&self, tree: &sled::Tree, pred: impl FnMut(&[u8], &[u8]) -> bool) -> Result<usize> {
        self.remove_keys(tree, &Self::keys_where(tree, pred)?)
    }

    /// Held (shared) by every write; see [`Store::freeze`].
    pub(crate) fn write_gate(&self) -> RwLockReadGuard<'_, ()> {
        self.inner.gate.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Stops all writes until the guard is dropped: a consistent cut for backups.
    pub(crate) fn freeze(&self) -> RwLockWriteGuard<'_, ()> {
        self.inner.gate.write().unwrap_or_else(|p| p.into_inner())
    }

    /// The person's data key, created on first use (in `person_keys`: a record that carries
    /// its own key is written with it, [`SealedTree::insert_keyed`]).
    pub fn data_key(&self, person: &PersonId) -> Result<SecretKey> {
        if let Some(dk) = self.existing_data_key(person)? {
            return Ok(dk);
        }
        let keys = self.tree(PERSON_KEYS)?;
        let fresh = SecretKey::random();
        let wrapped = self.inner.keyring.wrap(person.as_bytes(), &fresh);
        let _gate = self.write_gate();
        match keys.compare_and_swap(person.as_bytes(), None as Option<&[u8]>, Some(wrapped))? {
            Ok(()) => Ok(fresh),
            Err(race) => {
                let current = race.current.expect("a racing writer inserted a key");
                Ok(self.inner.keyring.unwrap(person.as_bytes(), &current)?)
            }
        }
    }

    /// The person's data key if it still exists (it is destroyed by erasure): carried by the
    /// person's record in a keyed tree, or else in `person_keys`.
    pub fn existing_data_key(&self, person: &PersonId) -> Result<Option<SecretKey>> {
        for home in &self.inner.key_homes {
            if let Some(raw) = home.get(person.as_bytes())? {
                if let Some(k) = typed::Keyed::parse(&raw) {
                    return Ok(Some(k.data_key(&self.inner.keyring, person)?));
                }
            }
        }
        match self.tree(PERSON_KEYS)?.get(person.as_bytes())? {
            Some(w) => Ok(Some(self.inner.keyring.unwrap(person.as_bytes(), &w)?)),
            None => Ok(None),
        }
    }

    /// Free text about a person (a note staff typed) as it is stored in a record that outlives
    /// them: sealed with the person's data key, so that erasing them (which destroys the key)
    /// makes it unreadable. `domain` binds the text to where it is kept.
    pub fn seal_text(&self, person: &PersonId, domain: &str, text: &str) -> Result<String> {
        use base64::Engine;
        let Some(dk) = self.existing_data_key(person)? else { return Ok(format!("{SEALED_TEXT}erased")) };
        let sealed = dk.seal(&text_aad(person, domain), text.as_bytes());
        Ok(format!("{SEALED_TEXT}{}", base64::engine::general_purpose::STANDARD_NO_PAD.encode(sealed)))
    }

    /// The text [`Store::seal_text`] sealed, while the person's key exists; [`ERASED_TEXT`] once
    /// it does not; any value that was never sealed as it is.
    pub fn open_text(&self, person: Option<&PersonId>, domain: &str, value: &str) -> Result<String> {
        use base64::Engine;
        let Some(b64) = value.strip_prefix(SEALED_TEXT) else { return Ok(value.to_string()) };
        let (Some(person), Ok(sealed)) = (person, base64::engine::general_purpose::STANDARD_NO_PAD.decode(b64)) else {
            return Ok(ERASED_TEXT.to_string());
        };
        let Some(dk) = self.existing_data_key(person)? else { return Ok(ERASED_TEXT.to_string()) };
        Ok(match dk.open(&text_aad(person, domain), &sealed) {
            Ok(t) => String::from_utf8_lossy(&t).into_owned(),
            Err(_) => ERASED_TEXT.to_string(),
        })
    }

    /// Everyone who has a data key, wherever it is kept.
    pub fn people(&self) -> Result<Vec<PersonId>> {
        let mut out = Vec::new();
        for item in self.tree(PERSON_KEYS)?.iter() {
            out.extend(PersonId::from_slice(&item?.0));
        }
        for home in &self.inner.key_homes {
            for item in home.iter() {
                let (k, v) = item?;
                if typed::Keyed::parse(&v).is_some() {
                    out.extend(PersonId::from_slice(&k));
                }
            }
        }
        Ok(out)
    }

    /// Removes a person from every registered tree, destroys their data key and commits.
    /// Returns how many records went. The records that carry keys go last, with `person_keys`:
    /// until then every other tree's eraser can still read what it needs.
    pub fn erase_person(&self, person: &PersonId) -> Result<usize> {
        let mut removed = 0;
        for last in [false, true] {
            for reg in self.inner.registry.registrations.iter().filter(|r| r.is_keyed() == last) {
                if let Holds::Personal { layout, .. } = &reg.holds {
                    removed += registry::erase_in(self, reg.tree, *layout, person)?;
                }
            }
        }
        if self.destroy_data_key(person)? {
            removed += 1;
        }
        self.commit()?;
        Ok(removed)
    }

    /// Destroys the person's data key kept in `person_keys` (uncommitted); true when there was
    /// one. What was sealed with it can no longer be opened, so it goes after the records.
    pub fn destroy_data_key(&self, person: &PersonId) -> Result<bool> {
        let keys = self.tree(PERSON_KEYS)?;
        let _gate = self.write_gate();
        Ok(keys.remove(person.as_bytes())?.is_some())
    }

    /// The store's bookkeeping tree (`meta`: schema version, key fingerprint). The audit log
    /// keeps its chain's head and anchor there, written in one transaction with its entries,
    /// so it needs the tree itself rather than a read or a write.
    pub fn bookkeeping(&self) -> Result<sled::Tree> {
        self.tree(META)
    }

    /// Everything the store holds about a person, tree by tree, via the registry.
    pub fn export_person(&self, person: &PersonId) -> Result<Vec<(String, Vec<serde_json::Value>)>> {
        let mut out = Vec::new();
        for reg in self.inner.registry.registrations {
            let export = match &reg.holds {
                Holds::Personal { export: Some(f), .. } | Holds::Retained { export: f, .. } => f,
                _ => continue,
            };
            let records = export(self, person)?;
            if !records.is_empty() {
                out.push((reg.tree.to_string(), records));
            }
        }
        Ok(out)
    }

    pub fn size_on_disk(&self) -> u64 {
        self.inner.db.size_on_disk().unwrap_or(0)
    }
}

/// Opens sled, telling a store held by another process from other failures. sled releases its
/// file lock from its I/O threads, a moment after the last handle in this process is dropped, so
/// a lock held within that moment (a restore reopening what it just wrote, a quick restart) is
/// waited out for up to two seconds before the store is reported as in use.
fn open_sled(path: &Path, cache_bytes: u64, data_dir: &Path) -> Result<sled::Db> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        match sled::Config::new().path(path).cache_capacity(cache_bytes).flush_every_ms(Some(500)).open() {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(io))
                if io.kind() == std::io::ErrorKind::WouldBlock || io.to_string().contains("lock") =>
            {
                if std::time::Instant::now() >= deadline {
                    return Err(StoreError::Locked(data_dir.to_path_buf()));
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(other) => return Err(StoreError::Sled(other)),
        }
    }
}

/// Creates a directory readable only by the service user (0750 for the dir).
pub fn ensure_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    if !dir.exists() {
        std::fs::create_dir_all(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o750))?;
    }
    Ok(())
}
