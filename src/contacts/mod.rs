//! The contact store: sealed records, the email index, the append-only consent ledger, the
//! change history, merge aliases and the erasure suppression list. Every write is announced on
//! the change feed (`crate::feed`), which the search index follows.
//!
//! Write order makes a crash harmless without multi-tree transactions: an email claim is taken
//! first (a claim without a record is treated as free), then the change is logged on the feed
//! ([`crate::feed::Feed::log_ahead`]), then the record is written. Readers re-read the record
//! for every logged change, so an index entry can never be newer or older than what sled holds
//! once the feed has been followed.
//!
//! A bulk writer (an import chunk) logs one entry naming all the contacts it is about to write,
//! before writing any of them, and hands the contacts it wrote to the indexer in memory
//! ([`IndexSignal::hand_over`]): the indexer then need not read back and decrypt what was just
//! written. After a crash the entry is read from sled like any other.

pub mod bulk;
pub mod consent;
pub mod email_index;
pub mod export;
pub mod import;
pub mod lookup;
pub mod ops;
pub mod saved;
pub mod schema;
pub mod subject;
pub mod viewer;

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::consent::current_state;
use crate::domain::{Activity, Change, ConsentEntry, ConsentStates, Contact, ContactId, EmailAddress, PersonId};
use crate::feed::Feed;
use crate::store::registry::Layout;
use crate::store::{Holds, Registration, Result, SealedTree, SecretKey, Store};

pub const CONTACTS: &str = "contacts";
/// Buckets of keyed address hashes ([`email_index`]). Until store version 3 it was
/// `contact_email`, one record per address.
pub const BY_EMAIL: &str = "contact_email_buckets";
pub const LEDGER: &str = "consents";
pub const HISTORY: &str = "contact_history";
pub const ALIASES: &str = "contact_aliases";
pub const SUPPRESSION: &str = "suppression";
pub const ACTIVITY: &str = "contact_activity";

pub const REGISTRATION: Registration = Registration {
    tree: CONTACTS,
    purpose: "contact profiles: email, names, phone, locale, time zone, custom fields, tags, lists, status",
    holds: Holds::Personal {
        categories: &["contact details", "profile", "custom fields", "subscription status", "tags and lists"],
        // Each record carries the contact's data key and first ledger entry (one record per
        // contact instead of three: see `Contacts::write_claimed`).
        layout: Layout::Keyed,
        export: Some(export_profile),
    },
};

pub const EMAIL_REGISTRATION: Registration = Registration {
    tree: BY_EMAIL,
    purpose: "find a contact by email address (keyed hash, no plaintext)",
    holds: Holds::Personal {
        categories: &["keyed hash of email address"],
        layout: Layout::Custom(erase_email_claim),
        export: None,
    },
};

pub const LEDGER_REGISTRATION: Registration = Registration {
    tree: LEDGER,
    purpose: "the consent ledger: every grant and withdrawal per purpose, with wording, source, truncated IP",
    holds: Holds::Personal {
        categories: &["consents", "truncated IP address", "browser family"],
        layout: Layout::PersonPrefix,
        export: Some(export_ledger),
    },
};

pub const HISTORY_REGISTRATION: Registration = Registration {
    tree: HISTORY,
    purpose: "the contact's change history (which fields changed, when, by whom)",
    holds: Holds::Personal {
        categories: &["change history"],
        layout: Layout::PersonPrefix,
        export: Some(export_history),
    },
};

pub const ALIAS_REGISTRATION: Registration = Registration {
    tree: ALIASES,
    purpose: "ids of contacts merged into another, pointing at the one that remains",
    holds: Holds::Personal { categories: &["contact identifiers"], layout: Layout::Index, export: None },
};

pub const SUPPRESSION_REGISTRATION: Registration = Registration {
    tree: SUPPRESSION,
    purpose: "erasure suppression list: blocks re-import and re-subscription of erased addresses",
    holds: Holds::Nothing { why: "keyed hashes of email addresses and a date; no plaintext, no link to a person" },
};

pub const ACTIVITY_REGISTRATION: Registration = Registration {
    tree: ACTIVITY,
    purpose: "per-contact engagement aggregates (last open, click and visit; counts; orders and revenue)",
    holds: Holds::Personal {
        categories: &["email interactions", "website activity", "order totals"],
        layout: Layout::PersonPrefix,
        export: Some(export_activity),
    },
};

fn export_activity(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let t: SealedTree<Activity> = store.sealed(ACTIVITY)?;
    Ok(t.scan_prefix(person.as_bytes())?
        .into_iter()
        .map(|(_, a)| serde_json::to_value(a).unwrap_or(serde_json::Value::Null))
        .collect())
}

fn export_profile(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let t: SealedTree<Contact> = store.sealed(CONTACTS)?;
    Ok(t.scan_prefix(person.as_bytes())?.into_iter().map(|(_, c)| c.to_json()).collect())
}

fn export_ledger(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let entries = ledger_of(&store.sealed(CONTACTS)?, &store.sealed(LEDGER)?, person)?;
    Ok(entries.into_iter().map(|e| serde_json::to_value(e).unwrap_or(serde_json::Value::Null)).collect())
}

/// A person's consent ledger in order: the first entry, kept inside the contact record when
/// the contact was created with one ([`Contacts::write_claimed`]), then the ledger tree's.
fn ledger_of(
    records: &SealedTree<Contact>,
    ledger: &SealedTree<ConsentEntry>,
    person: &PersonId,
) -> Result<Vec<ConsentEntry>> {
    match records.key_and_attached(person.as_bytes())? {
        Some((dk, head)) => ledger_with(ledger, &dk, person, &head),
        // No record (an erased contact, or a merged one's leftovers): what the tree can open.
        None => Ok(ledger.scan_prefix(person.as_bytes())?.into_iter().map(|(_, e)| e).collect()),
    }
}

/// The ledger from the record's attached first entry (`head`) and the ledger tree, with the
/// person's data key in hand.
fn ledger_with(
    ledger: &SealedTree<ConsentEntry>,
    dk: &SecretKey,
    person: &PersonId,
    head: &[u8],
) -> Result<Vec<ConsentEntry>> {
    let mut out = Vec::new();
    if head.len() > SEQ_KEY_LEN {
        let (key, sealed) = head.split_at(SEQ_KEY_LEN);
        out.push(ledger.open_detached(dk, key, sealed)?);
    }
    out.extend(ledger.scan_prefix_with(dk, person.as_bytes())?.into_iter().map(|(_, e)| e));
    Ok(out)
}

fn export_history(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let t: SealedTree<HistoryEntry> = store.sealed(HISTORY)?;
    Ok(t.scan_prefix(person.as_bytes())?
        .into_iter()
        .map(|(_, e)| serde_json::to_value(e).unwrap_or(serde_json::Value::Null))
        .collect())
}

/// Removes the email claim of a contact about to be erased (its record is still readable).
fn erase_email_claim(store: &Store, person: &PersonId) -> Result<usize> {
    let records: SealedTree<Contact> = store.sealed(CONTACTS)?;
    let Some((_, c)) = records.get(person.as_bytes())? else { return Ok(0) };
    let Some(id) = ContactId::from_slice(person.as_bytes()) else { return Ok(0) };
    Ok(email_index::EmailIndex::open(store)?.release(&c.email, &id)? as usize)
}

/// The tombstone's key: a keyed hash of the normalised address (also journalled, so a restore
/// can put it back).
pub fn suppression_key(store: &Store, email: &EmailAddress) -> [u8; 32] {
    store.keyring().lookup_hash("suppression", email.as_str().as_bytes())
}

/// One line of a contact's timeline (besides consents, which come from the ledger).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    /// `user:…`, `token:…`, `import:…`, `cli`.
    pub actor: String,
    /// `created`, `updated`, `merged`, `unmasked`.
    pub kind: String,
    /// Names of the fields that changed (never their values).
    pub fields: Vec<String>,
    pub detail: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ContactError {
    #[error("another contact already has this email address")]
    EmailTaken(ContactId),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

impl From<sled::Error> for ContactError {
    fn from(e: sled::Error) -> Self {
        ContactError::Store(e.into())
    }
}

/// A contact as the index must see it after a bulk write, handed to the indexer in memory.
pub struct Handed {
    pub contact: Contact,
    pub consents: ConsentStates,
}

/// What the search index tells writers: how far it has taken the change feed, so that a writer
/// can wait until its change is searchable, and an import can stay one chunk ahead of it; and
/// the contacts a bulk writer hands it in memory. (The feed itself says what changed.)
#[derive(Default)]
pub struct IndexSignal {
    state: Mutex<SignalState>,
    cv: Condvar,
    /// Contacts a bulk writer wrote, by the sequence number of the change that names them.
    handed: Mutex<HashMap<u64, HashMap<ContactId, Handed>>>,
}

#[derive(Default)]
struct SignalState {
    /// Added to the index writer (not necessarily committed yet).
    added: u64,
    indexed: u64,
    /// Callers blocked in `wait_indexed`: the indexer commits at once for them.
    waiting: usize,
}

impl IndexSignal {
    pub fn indexed(&self, seq: u64) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.indexed = s.indexed.max(seq);
        self.cv.notify_all();
    }

    pub fn added(&self, seq: u64) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.added = s.added.max(seq);
        self.cv.notify_all();
    }

    /// Blocks until the indexer has taken change `seq` into its writer (committed or not), so a
    /// bulk writer cannot run ahead of it by more than it chooses; false on timeout.
    pub fn wait_added(&self, seq: u64, timeout: Duration) -> bool {
        let s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (s, _) = self
            .cv
            .wait_timeout_while(s, timeout, |s| s.added < seq && s.indexed < seq)
            .unwrap_or_else(|p| p.into_inner());
        s.added >= seq || s.indexed >= seq
    }

    /// Gives the indexer the contacts written under change `seq`.
    pub fn hand_over(&self, seq: u64, contacts: Vec<Handed>) {
        let map = contacts.into_iter().map(|h| (h.contact.id, h)).collect();
        self.handed.lock().unwrap_or_else(|p| p.into_inner()).insert(seq, map);
    }

    /// Takes what was handed over for the given changes.
    pub fn take_handed(&self, seqs: impl Iterator<Item = u64>) -> HashMap<u64, HashMap<ContactId, Handed>> {
        let mut handed = self.handed.lock().unwrap_or_else(|p| p.into_inner());
        if handed.is_empty() {
            return HashMap::new();
        }
        seqs.filter_map(|seq| handed.remove(&seq).map(|m| (seq, m))).collect()
    }

    /// Forgets hand-overs up to `seq` that nobody took (their changes were indexed from sled).
    pub fn drop_handed(&self, upto: u64) {
        self.handed.lock().unwrap_or_else(|p| p.into_inner()).retain(|seq, _| *seq > upto);
    }

    pub fn indexed_seq(&self) -> u64 {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).indexed
    }

    /// Whether someone waits for a commit (the indexer then commits at once).
    pub fn someone_waiting(&self) -> bool {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).waiting > 0
    }

    /// Blocks until the index has committed change `seq`; false on timeout. `nudge` wakes the
    /// indexer once this caller counts as waiting.
    pub fn wait_indexed(&self, seq: u64, timeout: Duration, nudge: &dyn Fn()) -> bool {
        {
            let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
            if s.indexed >= seq {
                return true;
            }
            s.waiting += 1;
        }
        nudge();
        let s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (mut s, _) = self.cv.wait_timeout_while(s, timeout, |s| s.indexed < seq).unwrap_or_else(|p| p.into_inner());
        s.waiting -= 1;
        s.indexed >= seq
    }
}

#[derive(Clone)]
pub struct Contacts {
    store: Store,
    records: SealedTree<Contact>,
    emails: email_index::EmailIndex,
    ledger: SealedTree<ConsentEntry>,
    history: SealedTree<HistoryEntry>,
    aliases: sled::Tree,
    feed: Feed,
    suppression: sled::Tree,
    activity: SealedTree<Activity>,
    pub index_signal: Arc<IndexSignal>,
}

const SEQ_KEY_LEN: usize = 24;

fn seq_key(person: &PersonId, seq: u64) -> [u8; SEQ_KEY_LEN] {
    let mut k = [0u8; SEQ_KEY_LEN];
    k[..16].copy_from_slice(person.as_bytes());
    k[16..].copy_from_slice(&seq.to_be_bytes());
    k
}

impl Contacts {
    /// The contacts over a feed of their own (a command or test that holds no application).
    pub fn open(store: &Store) -> Result<Self> {
        Self::with_feed(store, &Feed::open(store)?)
    }

    /// The contacts, announcing their changes on the application's `feed`.
    pub fn with_feed(store: &Store, feed: &Feed) -> Result<Self> {
        Ok(Self {
            records: store.sealed(CONTACTS)?,
            emails: email_index::EmailIndex::open(store)?,
            ledger: store.sealed(LEDGER)?,
            history: store.sealed(HISTORY)?,
            aliases: store.tree(ALIASES)?,
            feed: feed.clone(),
            suppression: store.tree(SUPPRESSION)?,
            activity: store.sealed(ACTIVITY)?,
            index_signal: Arc::new(IndexSignal::default()),
            store: store.clone(),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The change feed the contacts' changes are announced on.
    pub fn feed(&self) -> &Feed {
        &self.feed
    }

    pub fn get(&self, id: &ContactId) -> Result<Option<Contact>> {
        Ok(self.records.get(id.as_bytes())?.map(|(_, c)| c))
    }

    /// The contact's engagement aggregates (all zero when nothing was ever tracked).
    pub fn activity(&self, id: &ContactId) -> Result<Activity> {
        Ok(self.activity.get(id.as_bytes())?.map(|(_, a)| a).unwrap_or_default())
    }

    /// Replaces the aggregates (uncommitted; the caller logs the change for the index).
    pub fn put_activity(&self, id: &ContactId, a: &Activity) -> Result<()> {
        self.activity.put(&id.person(), id.as_bytes(), a)
    }

    /// Follows a merge alias: the contact an old id now lives in.
    pub fn resolve(&self, id: &ContactId) -> Result<Option<Contact>> {
        if let Some(c) = self.get(id)? {
            return Ok(Some(c));
        }
        match self.aliases.get(id.as_bytes())? {
            Some(to) => match ContactId::from_slice(&to) {
                Some(to) => self.get(&to),
                None => Ok(None),
            },
            None => Ok(None),
        }
    }

    pub fn find_by_email(&self, email: &EmailAddress) -> Result<Option<Contact>> {
        let Some(id) = self.emails.holder(email)? else { return Ok(None) };
        // A claim whose record is missing (a crash between the two writes) counts as free.
        Ok(self.get(&id)?.filter(|c| &c.email == email))
    }

    /// Takes the email for `id`; fails when a live contact holds it.
    fn claim_email(&self, email: &EmailAddress, id: &ContactId) -> Result<(), ContactError> {
        let live = |holder: &ContactId| Ok(self.get(holder)?.is_some_and(|c| &c.email == email));
        self.emails.claim(email, id, live)?.map_err(ContactError::EmailTaken)
    }

    fn release_email(&self, email: &EmailAddress, id: &ContactId) -> Result<()> {
        self.emails.release(email, id)?;
        Ok(())
    }

    /// Logs on the feed that a contact changed, ahead of the write (see the module's notes).
    /// Returns the sequence number; announce it once the write is committed.
    pub fn log_change(&self, id: &ContactId) -> Result<u64> {
        self.log(Change::ContactUpdated(*id))
    }

    /// Logs `change` ahead of its writes (a kind readers answer from the store:
    /// [`Change::read_from_the_store`]). Returns the sequence number.
    pub fn log(&self, change: Change) -> Result<u64> {
        self.feed.log_ahead(std::slice::from_ref(&change))
    }

    /// Announces logged changes up to `seq` to the feed's readers (after the store has
    /// committed them), from the thread that logged them.
    pub fn announce(&self, seq: u64) {
        self.feed.announce_mine(seq);
    }

    /// Inserts a new contact (uncommitted), with its first ledger entries when given (one data
    /// key and one logged change for all). Returns the change sequence number.
    pub fn insert(&self, c: &Contact, consents: &[ConsentEntry]) -> Result<u64, ContactError> {
        if let Some(holder) = self.claim_or_find(&c.email, &c.id)? {
            return Err(ContactError::EmailTaken(holder.id));
        }
        let seq = self.log(Change::ContactCreated(c.id))?;
        self.write_claimed(c, consents)?;
        Ok(seq)
    }

    /// Takes the address for a new contact `id` (one read and one compare-and-swap when it is
    /// free, the usual case), or returns the live contact that holds it.
    pub fn claim_or_find(&self, email: &EmailAddress, id: &ContactId) -> Result<Option<Contact>, ContactError> {
        let Some(holder) = self.emails.claim_if_free(email, id)? else { return Ok(None) };
        if let Some(c) = self.get(&holder)?.filter(|c| &c.email == email) {
            return Ok(Some(c));
        }
        // A stale claim (its record never written): take it over.
        match self.claim_email(email, id) {
            Ok(()) => Ok(None),
            Err(ContactError::EmailTaken(holder)) => match self.get(&holder)? {
                Some(c) => Ok(Some(c)),
                // Erased between the two looks: let this row fail rather than guess.
                None => Err(ContactError::EmailTaken(holder)),
            },
            Err(e) => Err(e),
        }
    }

    /// Writes a new contact whose address is claimed ([`Contacts::claim_or_find`]) and whose
    /// change is logged ([`Contacts::log`]), with its first ledger entries.
    ///
    /// One sled record holds the contact, its new data key (wrapped by the master key) and the
    /// first entry, sealed exactly as the ledger tree would seal it and never rewritten after:
    /// a bulk import writes two records per contact (this and the address claim) rather than
    /// four, and a crash cannot leave a contact without its consent or the reverse. Further
    /// entries (an import granting several purposes) go to the ledger tree first, under the
    /// same new key: sled keeps the order of writes through a crash, so a record that exists
    /// has all of them, and entries whose record never got written cannot be opened by anyone.
    pub fn write_claimed(&self, c: &Contact, consents: &[ConsentEntry]) -> Result<(), ContactError> {
        let person = c.id.person();
        let dk = SecretKey::random();
        let mut head = Vec::new();
        if let Some(entry) = consents.first() {
            let key = seq_key(&person, self.store.db().generate_id()?);
            head.extend_from_slice(&key);
            head.extend_from_slice(&self.ledger.seal_detached(&dk, &key, entry)?);
        }
        for entry in consents.iter().skip(1) {
            let key = seq_key(&person, self.store.db().generate_id()?);
            if !self.ledger.insert_new_with(&dk, &person, &key, entry)? {
                return Err(crate::store::StoreError::Conflict("consent ledger entry".into()).into());
            }
        }
        if !self.records.insert_keyed(&dk, &person, c.id.as_bytes(), c, &head)? {
            return Err(crate::store::StoreError::Conflict(format!("contact {}", c.id)).into());
        }
        Ok(())
    }

    /// Saves a changed contact (uncommitted), moving its email claim when the address changed.
    pub fn save(&self, previous_email: &EmailAddress, c: &Contact) -> Result<u64, ContactError> {
        if previous_email != &c.email {
            self.claim_email(&c.email, &c.id)?;
        }
        let seq = self.log_change(&c.id)?;
        self.records.put(&c.id.person(), c.id.as_bytes(), c)?;
        if previous_email != &c.email {
            self.release_email(previous_email, &c.id)?;
        }
        Ok(seq)
    }

    /// Saves a contact whose change is already logged and whose address did not change.
    pub fn save_logged(&self, c: &Contact) -> Result<()> {
        self.records.put(&c.id.person(), c.id.as_bytes(), c)
    }

    /// Removes the contact from every registered tree and destroys its key (committed).
    /// Returns the change sequence number the index must reach.
    pub fn erase(&self, id: &ContactId) -> Result<u64> {
        // The entry outlives the erasure (the feed keeps it) until the index has dropped them.
        let seq = self.log(Change::ContactErased(*id))?;
        self.store.erase_person(&id.person())?;
        Ok(seq)
    }

    /// Appends to the consent ledger with its [`Change::ConsentChanged`] on the feed, in one
    /// transaction (uncommitted). Entries are never overwritten. Returns the sequence number to
    /// announce after the commit.
    pub fn append_consent(&self, id: &ContactId, entry: &ConsentEntry) -> Result<u64> {
        let person = id.person();
        let dk = self.store.data_key(&person)?;
        let key = seq_key(&person, self.store.db().generate_id()?);
        let mut writes = crate::store::Writes::new();
        self.ledger.stage_insert_new_with(&mut writes, &dk, &person, &key, entry)?;
        let change = Change::ConsentChanged { contact: *id, purpose: entry.purpose.clone(), granted: entry.granted };
        Ok(self.feed.append(writes, &[change])?.keep())
    }

    /// Saves a changed contact whose address did not change, with `change` on the feed in one
    /// transaction (uncommitted): a racing write of the same record makes it read again.
    /// Returns the sequence number to announce after the commit.
    pub fn update(&self, c: &Contact, change: Change) -> Result<u64> {
        self.update_with(c, std::slice::from_ref(&change))
    }

    /// [`Contacts::update`] with several changes on the feed (an edit that also changed the
    /// status: `ContactUpdated` and `StatusChanged`).
    pub fn update_with(&self, c: &Contact, changes: &[Change]) -> Result<u64> {
        loop {
            let mut writes = crate::store::Writes::new();
            self.records.stage_put(&mut writes, &c.id.person(), c.id.as_bytes(), c)?;
            match self.feed.append(writes, changes) {
                Ok(appended) => return Ok(appended.keep()),
                Err(crate::store::StoreError::Conflict(_)) => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// [`Contacts::append_consent`] for a change already logged.
    pub fn append_consent_logged(&self, id: &ContactId, entry: &ConsentEntry) -> Result<()> {
        let seq = self.store.db().generate_id()?;
        let person = id.person();
        let dk = self.store.data_key(&person)?;
        if !self.ledger.insert_new_with(&dk, &person, &seq_key(&person, seq), entry)? {
            // generate_id never repeats, so this is unreachable in practice; never overwrite.
            return Err(crate::store::StoreError::Conflict("consent ledger entry".into()));
        }
        Ok(())
    }

    pub fn ledger(&self, id: &ContactId) -> Result<Vec<ConsentEntry>> {
        ledger_of(&self.records, &self.ledger, &id.person())
    }

    /// The contact, its current consents and its data key, from one read of its record (the
    /// sender and the tracker need all three for every message and hit).
    pub fn get_with_consents(&self, id: &ContactId) -> Result<Option<(Contact, ConsentStates, SecretKey)>> {
        let person = id.person();
        let Some((dk, contact, head)) = self.records.get_keyed(id.as_bytes())? else { return Ok(None) };
        let consents = current_state(&ledger_with(&self.ledger, &dk, &person, &head)?);
        Ok(Some((contact, consents, dk)))
    }

    pub fn consent_state(&self, id: &ContactId) -> Result<ConsentStates> {
        Ok(current_state(&self.ledger(id)?))
    }

    pub fn add_history(&self, id: &ContactId, entry: &HistoryEntry) -> Result<()> {
        let seq = self.store.db().generate_id()?;
        let person = id.person();
        self.history.put(&person, &seq_key(&person, seq), entry)
    }

    pub fn history(&self, id: &ContactId) -> Result<Vec<HistoryEntry>> {
        Ok(self.history.scan_prefix(id.as_bytes())?.into_iter().map(|(_, e)| e).collect())
    }

    /// Records that `from` now lives in `to`.
    pub fn add_alias(&self, from: &ContactId, to: &ContactId) -> Result<()> {
        let _gate = self.store.write_gate();
        self.aliases.insert(from.as_bytes(), to.as_bytes().as_slice())?;
        // Older aliases that pointed at `from` follow it.
        for item in self.aliases.iter() {
            let (k, v) = item?;
            if v.as_ref() == from.as_bytes() {
                self.aliases.insert(k, to.as_bytes().as_slice())?;
            }
        }
        Ok(())
    }

    pub fn is_suppressed(&self, email: &EmailAddress) -> Result<bool> {
        // Most installations have erased no one yet: skip the keyed hash then.
        if self.suppression.is_empty() {
            return Ok(false);
        }
        Ok(self.suppression.contains_key(suppression_key(&self.store, email))?)
    }

    /// No address is suppressed (no one has been erased yet): bulk writers then skip
    /// [`Contacts::is_suppressed`] for each row.
    pub fn suppression_is_empty(&self) -> bool {
        self.suppression.is_empty()
    }

    /// Adds an address to the suppression list (uncommitted): a keyed hash and the date.
    pub fn suppress(&self, email: &EmailAddress) -> Result<()> {
        let _gate = self.store.write_gate();
        self.suppression
            .insert(suppression_key(&self.store, email), Utc::now().timestamp().to_be_bytes().as_slice())?;
        Ok(())
    }

    pub fn unsuppress(&self, email: &EmailAddress) -> Result<bool> {
        let _gate = self.store.write_gate();
        Ok(self.suppression.remove(suppression_key(&self.store, email))?.is_some())
    }

    /// How many tombstones were made before `cutoff` (what `expire_suppression` removes).
    pub fn suppression_before(&self, cutoff: chrono::DateTime<Utc>) -> Result<usize> {
        let mut n = 0;
        for item in self.suppression.iter() {
            let (_, v) = item?;
            let at = v.get(..8).map_or(0, |b| i64::from_be_bytes(b.try_into().expect("8 bytes")));
            if at < cutoff.timestamp() {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Removes tombstones made before `cutoff` (uncommitted). Returns how many.
    pub fn expire_suppression(&self, cutoff: chrono::DateTime<Utc>) -> Result<usize> {
        self.store.remove_where(&self.suppression, |_, v| {
            let at = v.get(..8).map_or(0, |b| i64::from_be_bytes(b.try_into().expect("8 bytes")));
            at < cutoff.timestamp()
        })
    }

    pub fn suppressed_count(&self) -> usize {
        self.suppression.len()
    }

    /// Contacts in creation order (ids are time-ordered), after `after`.
    pub fn page(&self, after: Option<&ContactId>, limit: usize, newest_first: bool) -> Result<Vec<Contact>> {
        Ok(self
            .records
            .page(after.map(|a| a.as_bytes().as_slice()), limit, newest_first)?
            .into_iter()
            .map(|(_, c)| c)
            .collect())
    }

    /// Adds to `w` a guard that the contact's record is still the one there now (the same bytes
    /// put back, expected): a transaction staged from what a reader saw fails, and is read
    /// again, if the contact changed or was erased meanwhile. False when there is no record.
    pub fn stage_guard(&self, w: &mut crate::store::Writes, id: &ContactId) -> Result<bool> {
        let raw = self.records.raw();
        match raw.get(id.as_bytes())? {
            Some(v) => {
                w.put_expecting(raw, id.as_bytes().to_vec(), Some(v.clone()), v);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// How many contacts there are.
    pub fn count(&self) -> usize {
        self.records.len()
    }

    /// Up to `limit` contact ids after `after`, in creation order, without opening a record
    /// (a segment's build walks them).
    pub fn ids_after(&self, after: Option<&ContactId>, limit: usize) -> Result<Vec<ContactId>> {
        let raw = self.records.raw();
        let iter = match after {
            Some(a) => {
                raw.range::<&[u8], _>((std::ops::Bound::Excluded(a.as_bytes().as_slice()), std::ops::Bound::Unbounded))
            }
            None => raw.iter(),
        };
        let mut out = Vec::with_capacity(limit);
        for k in iter.keys().take(limit) {
            if let Some(id) = ContactId::from_slice(&k?) {
                out.push(id);
            }
        }
        Ok(out)
    }

    /// Every contact, in creation order (for reindex and export).
    pub fn iter(&self) -> impl Iterator<Item = Result<Contact>> + '_ {
        self.records.iter().map(|r| r.map(|(_, _, c)| c))
    }

    /// The newest change announced on the feed (what a search must wait for to see every
    /// committed write).
    pub fn last_logged(&self) -> Result<u64> {
        Ok(self.feed.last())
    }
}
