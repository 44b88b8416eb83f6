//! The contact search index (tantivy), derived from sled.
//!
//! - The words of the email, names, phone, tags, lists and text custom fields are indexed for
//!   prefix search: each word's prefixes up to [`SHORT_PREFIX`] characters as terms of their
//!   own, and the whole word, so a query typed so far is one term lookup per short word and a
//!   narrow range of whole words per longer one: results appear as the user types, at a
//!   million contacts.
//! - Exact filters: status, tags, lists, consent state per purpose, choice fields, dates, and
//!   the segments a contact belongs to. Memberships are kept by the segments room; the index
//!   asks it through [`Memberships`], which the wiring hands to [`Search::start`], and reads a
//!   contact again on each `SegmentEntered` / `SegmentExited` entry like on any other change.
//! - Sorting and paging use fast fields whose values are unique, so the next page starts
//!   strictly after the last key seen (cursor paging: page 20,000 costs what page 1 costs). The
//!   default order, by creation, is the contact id itself (time-ordered), kept as two numbers;
//!   the others (email, name, update time) are a column each, ties broken by the id.
//! - The indexer thread is the change feed's reader [`READER`] (`crate::feed`): each commit
//!   carries the last sequence number it contains as its payload, and then moves the reader's
//!   cursor on the feed (which prunes what every reader has passed). Entries that change no
//!   document move the cursor alone. At start the indexer resumes from the further of the two;
//!   with no index (or an index from another schema) it rebuilds from sled. Commits come at most every half second unless a writer waits for one
//!   (so a search after an API write sees it), and every 5 s during a bulk import.

use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tantivy::collector::sort_key::{SortByStaticFastValue, SortByString};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery, TermSetQuery};
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
    FAST,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
use tantivy::{Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument, Term};

use crate::contacts::Contacts;
pub mod narrow;

pub use crate::domain::query::{ContactQuery, SortBy};
use crate::domain::{Activity, Change, ConsentStates, Contact, ContactId, FieldValue, SegmentId};
use crate::store::registry::Layout;
use crate::store::{Holds, Registration};

/// Bump when the schema or the analysis changes: an index with another version is rebuilt.
const SCHEMA_VERSION: u32 = 9;
/// Prefixes up to this many characters are terms of their own (`prefix`): short prefixes are
/// shared by many contacts and would otherwise expand to thousands of words at query time.
/// A longer prefix is a range over whole words (`word`), which few words share. Indexing every
/// prefix of every word instead made the term dictionary (mostly unique prefixes of email
/// local parts) the largest cost of a bulk import.
pub const SHORT_PREFIX: usize = 4;
/// Longer words are indexed (and searched) by their first 64 characters.
const MAX_WORD: usize = 64;
/// The free text of a search, in characters; only its first 8 words are searched anyway.
pub const MAX_QUERY_CHARS: usize = 200;

/// A search's free text, refused (with why) when longer than [`MAX_QUERY_CHARS`].
pub fn check_query_text(text: &str) -> std::result::Result<(), String> {
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(format!("is longer than {MAX_QUERY_CHARS} characters"));
    }
    Ok(())
}
const DIR: &str = "search";
/// The index's cursor on the change feed.
pub const READER: &str = "search";
const BATCH: usize = 20_000;
/// The index writer's memory budget: a 1M-row import leaves ~23 segments. (With 40 MB and
/// the former string sort keys it left 25; 20 MB left 114 and cost more CPU.)
const WRITER_HEAP: usize = 30_000_000;
const SEP: char = '\u{1}';

pub const REGISTRATION: Registration = Registration {
    tree: "search_index",
    purpose: "the full-text contact index in data_dir/search (derived from the contacts tree)",
    holds: Holds::Personal {
        categories: &[
            "word prefixes of email, names, phone, tags, lists and text fields",
            "email address and name (sort keys)",
            "status",
            "consent state",
            "segment memberships",
        ],
        layout: Layout::Derived,
        export: None,
    },
};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("search index: {0}")]
    Dir(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl From<SearchError> for crate::store::StoreError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Store(s) => s,
            other => crate::store::StoreError::Flush(other.to_string()),
        }
    }
}

type Result<T, E = SearchError> = std::result::Result<T, E>;

/// The segments each contact belongs to, as the segments room keeps them. The index holds them
/// (a filter of the contact list, and the `segment` condition of other segments) but does not
/// open that room's trees: the wiring hands it the room's answer.
pub trait Memberships: Send + Sync {
    fn segments_of(&self, contact: &ContactId) -> std::result::Result<Vec<SegmentId>, crate::store::StoreError>;
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    id_hi: Field,
    id_lo: Field,
    prefix: Field,
    word: Field,
    status: Field,
    source: Field,
    tag: Field,
    list: Field,
    segment: Field,
    consent: Field,
    custom: Field,
    created: Field,
    updated: Field,
    sort_email: Field,
    sort_name: Field,
    name_exact: Field,
    last_open: Field,
    last_click: Field,
    last_seen: Field,
    opens: Field,
    clicks: Field,
    orders: Field,
    revenue: Field,
}

/// Nothing in this index is scored: results are ordered by a fast field (see
/// [`SearchIndex::search`]). So no field keeps norms, which tantivy keeps by default (a byte
/// per field per contact, written at every commit and merge and never read).
fn keyword() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    )
}

/// Dates and numbers are filtered by range only, and tantivy answers a range over a fast field
/// from the column alone, even when the field is also indexed: an inverted index of them would
/// be written (two nearly unique terms per contact for the creation and update times) and
/// never read.
fn date_column() -> DateOptions {
    DateOptions::default().set_fast()
}

fn number_column() -> NumericOptions {
    NumericOptions::default().set_fast()
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let f = Fields {
        // Indexed to replace or delete a contact's document by id.
        id: b.add_text_field("id", keyword()),
        // The id's 16 bytes as two numbers: the creation order (UUIDv7 sorts by time) and what
        // a hit returns. A string column of ids cost a dictionary lookup per hit, and those
        // random reads kept most of its ~40 MB (at 1M contacts) mapped after a few thousand
        // searches; a hit now reads 16 bytes.
        id_hi: b.add_u64_field("id_hi", FAST),
        id_lo: b.add_u64_field("id_lo", FAST),
        prefix: b.add_text_field("prefix", keyword()),
        word: b.add_text_field("word", keyword()),
        status: b.add_text_field("status", keyword()),
        source: b.add_text_field("source", keyword()),
        tag: b.add_text_field("tag", keyword()),
        list: b.add_text_field("list", keyword()),
        // The ids of the segments the contact is in.
        segment: b.add_text_field("segment", keyword()),
        consent: b.add_text_field("consent", keyword()),
        custom: b.add_text_field("custom", keyword()),
        created: b.add_date_field("created", date_column()),
        // To the microsecond: it is also the update-time order, whose ties the id breaks.
        updated: b.add_date_field("updated", date_column().set_precision(DateTimePrecision::Microseconds)),
        // Sort keys are columns only: paging ranges over them use the column. Equal keys are
        // ordered by id (two names alike).
        sort_email: b.add_text_field("sort_email", FAST),
        sort_name: b.add_text_field("sort_name", FAST),
        // The whole name, the first name and the last name, each as one folded term: a search
        // whose words are exactly one of them puts that contact before mere prefix matches.
        name_exact: b.add_text_field("name_exact", keyword()),
        // Engagement aggregates (tracking): never is the epoch, so "not since" includes never.
        last_open: b.add_date_field("last_open", date_column()),
        last_click: b.add_date_field("last_click", date_column()),
        last_seen: b.add_date_field("last_seen", date_column()),
        opens: b.add_u64_field("opens", number_column()),
        clicks: b.add_u64_field("clicks", number_column()),
        orders: b.add_u64_field("orders", number_column()),
        // Revenue of the contact's orders in minor units (cents), whatever the currency.
        revenue: b.add_i64_field("revenue", number_column()),
    };
    (b.build(), f)
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter).build()
}

/// The words of `text`, lower-cased and folded to ASCII (`Müller` → `muller`).
pub fn words(analyzer: &mut TextAnalyzer, text: &str, out: &mut Vec<String>) {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
}

/// The words of `text` folded and joined by single spaces: `  Anna  MÜLLER ` → `anna muller`.
fn folded(analyzer: &mut TextAnalyzer, text: &str) -> String {
    let mut ws = Vec::new();
    words(analyzer, text, &mut ws);
    ws.join(" ")
}

/// The national significant number of an international number's digits (`49301234567` →
/// `301234567`), when its country code is a known one. Country codes are prefix-free, so at
/// most one of the first one, two or three digits is one.
pub fn national_part(international: &str) -> Option<&str> {
    (1..=3).filter(|n| international.len() > n + 3).find_map(|n| {
        let code: u16 = international[..n].parse().ok()?;
        phonenumber::metadata::DATABASE.by_code(&code).map(|_| &international[n..])
    })
}

/// Digits searched for when the text reads as a phone number being typed: an international
/// number (`+49 30 1234567`, `0049 30…`) as its digits, a national one (`030 1234567`,
/// `030/123 45 67`) without the trunk `0`, which is how [`national_part`] indexes it. None when
/// the text has letters or fewer than four digits.
pub fn phone_query(text: &str) -> Option<String> {
    let t = text.trim();
    if !t.chars().all(|c| c.is_ascii_digit() || " +()-./".contains(c)) || t.contains("+") && !t.starts_with('+') {
        return None;
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return None;
    }
    let digits = if t.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest.to_string()
    } else {
        digits
    };
    (!digits.is_empty()).then_some(digits)
}

/// Every value after `bound` in a sort order (before it when `descending`).
fn beyond(bound: Term, descending: bool) -> Box<dyn Query> {
    if descending {
        Box::new(RangeQuery::new(Bound::Unbounded, Bound::Excluded(bound)))
    } else {
        Box::new(RangeQuery::new(Bound::Excluded(bound), Bound::Unbounded))
    }
}

/// `beyond` the key, or equal to `key` and `then`: lexicographic order over a key and a tie-break.
fn ties_then(beyond: Box<dyn Query>, key: Term, then: Box<dyn Query>) -> Box<dyn Query> {
    let equal: Box<dyn Query> = Box::new(RangeQuery::new(Bound::Included(key.clone()), Bound::Included(key)));
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, beyond),
        (Occur::Should, Box::new(BooleanQuery::new(vec![(Occur::Must, equal), (Occur::Must, then)]))),
    ]))
}

/// The first `n` characters of `s`.
fn truncate_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// tantivy keeps nanoseconds in an i64 (years 1677 to 2262); a bound outside that range (a
/// filter for "created before 2999") is clamped rather than overflowing.
fn tantivy_date(t: DateTime<Utc>) -> tantivy::DateTime {
    tantivy::DateTime::from_timestamp_micros(t.timestamp_micros().clamp(i64::MIN / 1_000, i64::MAX / 1_000))
}

/// A page cursor as clients see it: the raw one is the last row's sort key (an email or a
/// name), so it is sealed with a key derived from the master key, bound to the sort and order.
/// An edited or foreign cursor does not open.
pub fn seal_cursor(keyring: &crate::store::Keyring, sort: SortBy, descending: bool, raw: &str) -> String {
    use base64::Engine;
    let sealed = cursor_key(keyring).seal(&cursor_aad(sort, descending), raw.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sealed)
}

pub fn open_cursor(keyring: &crate::store::Keyring, sort: SortBy, descending: bool, sealed: &str) -> Option<String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(sealed.trim()).ok()?;
    let raw = cursor_key(keyring).open(&cursor_aad(sort, descending), &bytes).ok()?;
    String::from_utf8(raw).ok()
}

fn cursor_key(keyring: &crate::store::Keyring) -> crate::store::SecretKey {
    crate::store::SecretKey::from_bytes(&keyring.lookup_hash("tidings/contacts-cursor-key", b"v1"))
        .expect("a keyed hash is 32 bytes")
}

fn cursor_aad(sort: SortBy, descending: bool) -> Vec<u8> {
    format!("tidings/contacts-cursor/{}/{}", sort.as_str(), if descending { "desc" } else { "asc" }).into_bytes()
}

#[derive(Debug, Clone, Default)]
pub struct SearchPage {
    /// How many contacts match in all.
    pub total: usize,
    pub ids: Vec<ContactId>,
    /// Pass back as `cursor` for the following page; None on the last page.
    pub next: Option<String>,
    /// The first row's position: as the cursor of the same query in the opposite order, it
    /// gives the page before this one.
    pub first: Option<String>,
    /// The last row's position, whether or not more follow.
    pub last: Option<String>,
}

pub struct SearchIndex {
    bulk: AtomicBool,
    /// The change-log position of the last commit.
    committed: std::sync::atomic::AtomicU64,
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    f: Fields,
    path: PathBuf,
    memberships: Arc<dyn Memberships>,
}

impl SearchIndex {
    /// Opens the index in `data_dir/search`, creating it (empty) when absent or when its schema
    /// version differs. Returns the index and the sequence number its last commit holds (None
    /// when it must be rebuilt from sled).
    pub fn open(data_dir: &Path, memberships: Arc<dyn Memberships>) -> Result<(SearchIndex, Option<u64>)> {
        let path = data_dir.join(DIR);
        let (schema, f) = schema();
        let mut fresh = !path.join("meta.json").exists();
        let mut index = None;
        if !fresh {
            match Index::open_in_dir(&path) {
                Ok(i) if i.schema() == schema => index = Some(i),
                _ => fresh = true,
            }
        }
        let index = match index {
            Some(i) => i,
            None => {
                if path.exists() {
                    std::fs::remove_dir_all(&path)?;
                }
                crate::store::ensure_private_dir(&path)?;
                Index::create_in_dir(&path, schema)?
            }
        };
        let seq = if fresh {
            None
        } else {
            index.load_metas()?.payload.and_then(|p| {
                let (v, seq) = p.split_once(':')?;
                (v.parse::<u32>().ok()? == SCHEMA_VERSION).then_some(())?;
                seq.parse::<u64>().ok()
            })
        };
        let writer: IndexWriter = index.writer_with_num_threads(1, WRITER_HEAP)?;
        // Our own commits reload at once (see `commit`); background merges finish later and
        // publish new segments without a commit of ours, so the reader also follows the index's
        // meta file, or it would keep searching (and mapping) the merged-away segments.
        let reader = index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        Ok((
            SearchIndex {
                bulk: AtomicBool::new(false),
                committed: std::sync::atomic::AtomicU64::new(seq.unwrap_or(0)),
                index,
                reader,
                writer: Mutex::new(writer),
                f,
                path,
                memberships,
            },
            seq,
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn document(
        &self,
        analyzer: &mut TextAnalyzer,
        c: &Contact,
        consents: &ConsentStates,
        activity: &Activity,
        segments: &[SegmentId],
    ) -> TantivyDocument {
        let f = &self.f;
        let mut doc = TantivyDocument::default();
        let id = c.id.to_string();
        doc.add_text(f.id, &id);
        let (hi, lo) = c.id.uuid().as_u64_pair();
        doc.add_u64(f.id_hi, hi);
        doc.add_u64(f.id_lo, lo);
        let mut ws = Vec::with_capacity(16);
        words(analyzer, c.email.as_str(), &mut ws);
        words(analyzer, &c.first_name, &mut ws);
        words(analyzer, &c.last_name, &mut ws);
        if let Some(p) = &c.phone {
            let international = p.as_str().trim_start_matches('+');
            // Typed the national way (`030 1234567`), a number is its national significant
            // part: the digits after the country code.
            if let Some(national) = national_part(international) {
                ws.push(national.to_string());
            }
            ws.push(international.to_string());
        }
        for t in &c.tags {
            words(analyzer, t, &mut ws);
            doc.add_text(f.tag, t);
        }
        for l in &c.lists {
            words(analyzer, l, &mut ws);
            doc.add_text(f.list, l);
        }
        for (k, v) in &c.custom {
            match v {
                FieldValue::Text(s) => words(analyzer, s, &mut ws),
                FieldValue::Choice(s) => {
                    words(analyzer, s, &mut ws);
                    doc.add_text(f.custom, format!("{k}={}", s.to_lowercase()));
                }
                FieldValue::Multi(items) => {
                    for s in items {
                        words(analyzer, s, &mut ws);
                        doc.add_text(f.custom, format!("{k}={}", s.to_lowercase()));
                    }
                }
                FieldValue::Bool(b) => doc.add_text(f.custom, format!("{k}={b}")),
                FieldValue::Number(_) | FieldValue::Date(_) => {}
            }
        }
        let mut prefixes: Vec<&str> = Vec::with_capacity(ws.len() * SHORT_PREFIX);
        let mut whole: Vec<&str> = Vec::with_capacity(ws.len());
        for w in &ws {
            for (n, (i, ch)) in w.char_indices().enumerate() {
                if n >= SHORT_PREFIX {
                    break;
                }
                prefixes.push(&w[..i + ch.len_utf8()]);
            }
            if w.chars().nth(SHORT_PREFIX).is_some() {
                whole.push(truncate_chars(w, MAX_WORD));
            }
        }
        prefixes.sort_unstable();
        prefixes.dedup();
        for p in prefixes {
            doc.add_text(f.prefix, p);
        }
        whole.sort_unstable();
        whole.dedup();
        for w in whole {
            doc.add_text(f.word, w);
        }
        doc.add_text(f.status, c.status.as_str());
        doc.add_text(f.source, c.source.as_str());
        for (purpose, (state, _)) in consents {
            doc.add_text(f.consent, format!("{purpose}:{}", state.as_str()));
        }
        for s in segments {
            doc.add_text(f.segment, s.to_string());
        }
        doc.add_date(f.created, tantivy_date(c.created_at));
        doc.add_date(f.updated, tantivy_date(c.updated_at));
        doc.add_text(f.sort_email, c.email.as_str());
        let mut name = Vec::new();
        words(analyzer, &format!("{} {}", c.last_name, c.first_name), &mut name);
        doc.add_text(f.sort_name, name.join(" "));
        let mut exact = Vec::with_capacity(3);
        for part in [format!("{} {}", c.first_name, c.last_name), c.first_name.clone(), c.last_name.clone()] {
            let key = folded(analyzer, &part);
            if !key.is_empty() && !exact.contains(&key) {
                exact.push(key);
            }
        }
        for key in exact {
            doc.add_text(f.name_exact, key);
        }
        let never = DateTime::<Utc>::UNIX_EPOCH;
        doc.add_date(f.last_open, tantivy_date(activity.last_open.unwrap_or(never)));
        doc.add_date(f.last_click, tantivy_date(activity.last_click.unwrap_or(never)));
        doc.add_date(f.last_seen, tantivy_date(activity.last_seen.unwrap_or(never)));
        doc.add_u64(f.opens, activity.opens);
        doc.add_u64(f.clicks, activity.clicks);
        doc.add_u64(f.orders, activity.orders);
        doc.add_i64(f.revenue, activity.revenue_cents);
        doc
    }

    fn id_term(&self, id: &ContactId) -> Term {
        Term::from_field_text(self.f.id, &id.to_string())
    }

    /// Indexes the changes on the feed after `after` (up to one batch, none newer than `upto`),
    /// without committing. Returns the last sequence number read and whether any document
    /// changed, or None when there was nothing to read.
    pub fn add_changes(&self, contacts: &Contacts, after: u64, upto: u64) -> Result<Option<(u64, bool)>> {
        let mut changes: Vec<(u64, ContactId, bool)> = Vec::new();
        let mut last = after;
        // Whole entries only (an import chunk is never split), until a batch of contacts.
        'read: loop {
            let entries = contacts.feed().read(last, 64)?;
            if entries.is_empty() {
                break;
            }
            for e in entries {
                if e.seq > upto {
                    break 'read;
                }
                last = e.seq;
                changes.extend(touched(&e.change).into_iter().map(|(id, new)| (e.seq, id, new)));
                if changes.len() >= BATCH {
                    break 'read;
                }
            }
        }
        if last == after {
            return Ok(None);
        }
        if changes.is_empty() {
            return Ok(Some((last, false)));
        }
        let mut seqs: Vec<u64> = changes.iter().map(|(seq, _, _)| *seq).collect();
        seqs.dedup();
        let handed = contacts.index_signal.take_handed(seqs.into_iter());
        let mut analyzer = analyzer();
        let writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let created: std::collections::HashSet<ContactId> =
            changes.iter().filter(|(_, _, new)| *new).map(|(_, id, _)| *id).collect();
        let mut seen = std::collections::HashSet::with_capacity(changes.len());
        for (seq, id, _) in changes.iter().rev() {
            // The newest change of a contact is enough: the record is read as it is now.
            if !seen.insert(*id) {
                continue;
            }
            // Created in this batch: no earlier document can exist.
            if !created.contains(id) {
                writer.delete_term(self.id_term(id));
            }
            // What a bulk writer handed over is the record as that change wrote it; a newer
            // change of the same contact would have been met first.
            if let Some(h) = handed.get(seq).and_then(|m| m.get(id)) {
                // A contact created by this change has no activity yet.
                // A contact created by this change has no activity (nor segments) yet.
                let (activity, segments) = if created.contains(id) {
                    (Activity::default(), Vec::new())
                } else {
                    (contacts.activity(id)?, self.memberships.segments_of(id)?)
                };
                writer.add_document(self.document(&mut analyzer, &h.contact, &h.consents, &activity, &segments))?;
            } else if let Some(c) = contacts.get(id)? {
                let consents = contacts.consent_state(id)?;
                let activity = contacts.activity(id)?;
                let segments = self.memberships.segments_of(id)?;
                writer.add_document(self.document(&mut analyzer, &c, &consents, &activity, &segments))?;
            }
        }
        contacts.index_signal.added(last);
        Ok(Some((last, true)))
    }

    /// Indexes and commits everything logged after `after` (start-up catch-up, tests).
    pub fn catch_up(&self, contacts: &Contacts, after: u64, upto: u64) -> Result<Option<u64>> {
        let mut at = after;
        while let Some((next, _)) = self.add_changes(contacts, at, upto)? {
            at = next;
        }
        if at == after {
            return Ok(None);
        }
        self.commit_now(contacts, at)?;
        Ok(Some(at))
    }

    pub fn commit_now(&self, contacts: &Contacts, seq: u64) -> Result<()> {
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        self.commit(&mut writer, contacts, seq)
    }

    /// During a bulk import: segments are not merged and commits are spaced out (a waiting
    /// caller still gets one at once). Turning it off restores merging.
    pub fn set_bulk(&self, on: bool) {
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if on {
            writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        } else {
            writer.set_merge_policy(Box::new(tantivy::indexer::LogMergePolicy::default()));
            // Merges are chosen after a commit: commit now (with the last committed position,
            // never more) so the segments a bulk import left are merged in the background
            // instead of slowing every search until the next write.
            let seq = self.committed.load(Ordering::SeqCst);
            let result = writer.prepare_commit().and_then(|mut p| {
                p.set_payload(&format!("{SCHEMA_VERSION}:{seq}"));
                p.commit()
            });
            if let Err(e) = result.map(|_| ()).and_then(|_| self.reader.reload()) {
                tracing::warn!(error = %e, "committing the search index after a bulk import failed");
            }
        }
        self.bulk.store(on, Ordering::SeqCst);
    }

    fn commit(&self, writer: &mut IndexWriter, contacts: &Contacts, seq: u64) -> Result<()> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&format!("{SCHEMA_VERSION}:{seq}"));
        prepared.commit()?;
        self.committed.store(seq, Ordering::SeqCst);
        self.reader.reload()?;
        self.advance(contacts, seq)
    }

    /// Moves the index's cursor on the feed to `seq` (durably; the feed prunes behind it):
    /// after a commit, or past entries that changed no document.
    pub fn advance(&self, contacts: &Contacts, seq: u64) -> Result<()> {
        contacts.feed().advance(READER, seq)?;
        contacts.index_signal.drop_handed(seq);
        contacts.index_signal.indexed(seq);
        Ok(())
    }

    /// Rebuilds the whole index from sled. Returns how many contacts were indexed.
    pub fn rebuild(&self, contacts: &Contacts, progress: &dyn Fn(u64)) -> Result<u64> {
        let seq = contacts.last_logged()?.max(contacts.index_signal.indexed_seq());
        let mut analyzer = analyzer();
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        writer.delete_all_documents()?;
        let mut n = 0u64;
        for c in contacts.iter() {
            let c = c?;
            let consents = contacts.consent_state(&c.id)?;
            let activity = contacts.activity(&c.id)?;
            let segments = self.memberships.segments_of(&c.id)?;
            writer.add_document(self.document(&mut analyzer, &c, &consents, &activity, &segments))?;
            n += 1;
            if n % 10_000 == 0 {
                progress(n);
            }
        }
        self.commit(&mut writer, contacts, seq)?;
        progress(n);
        Ok(n)
    }

    /// Merges every segment into one and drops deleted documents' data from disk: after an
    /// erasure, the person's terms are gone from the files, not just marked.
    pub fn purge_deleted(&self) -> Result<()> {
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let ids = self.index.searchable_segment_ids()?;
        if ids.len() > 1 || self.reader.searcher().segment_readers().iter().any(|s| s.num_deleted_docs() > 0) {
            writer.merge(&ids).wait()?;
        }
        writer.garbage_collect_files().wait()?;
        self.reader.reload()?;
        Ok(())
    }

    /// How many contacts match, without collecting them (counts for reports).
    pub fn count(&self, q: &ContactQuery) -> Result<usize> {
        Ok(self.reader.searcher().search(&self.build(q), &Count)?)
    }

    /// How many contacts match any of the queries, each counted once (a campaign's audience:
    /// one query per list or tag). Only the filters count; sort, cursor and limit are ignored.
    pub fn count_any(&self, qs: &[ContactQuery]) -> Result<usize> {
        match qs {
            [] => Ok(0),
            [one] => self.count(one),
            many => {
                let any = BooleanQuery::new(many.iter().map(|q| (Occur::Should, self.build(q))).collect());
                Ok(self.reader.searcher().search(&any, &Count)?)
            }
        }
    }

    /// A page of contacts in the query's order. Rows are ordered by their sort key, then by
    /// id (time-ordered), so the order is total; the cursor is the last row's key and id, and
    /// the next page starts strictly after it.
    pub fn search(&self, q: &ContactQuery) -> Result<SearchPage> {
        self.page_of(self.build(q), q)
    }

    /// A page of `query`'s matches in `q`'s order, after `q`'s cursor.
    fn page_of(&self, query: Box<dyn Query>, q: &ContactQuery) -> Result<SearchPage> {
        let limit = q.limit.clamp(1, 10_000);
        let order = if q.descending { Order::Desc } else { Order::Asc };
        let searcher = self.reader.searcher();
        let after = q.cursor.as_deref().and_then(|c| self.after_cursor(q.sort, c, q.descending));
        // The total is of the whole result, not of what follows the cursor.
        let (total, paged) = match after {
            None => (None, query),
            Some(after) => (
                Some(searcher.search(&query, &Count)?),
                Box::new(BooleanQuery::new(vec![(Occur::Must, query), (Occur::Must, after)])) as Box<dyn Query>,
            ),
        };
        let top = TopDocs::with_limit(limit + 1);
        let hi = (SortByStaticFastValue::<u64>::for_field("id_hi"), order);
        let lo = (SortByStaticFastValue::<u64>::for_field("id_lo"), order);
        // Each hit as (sort key as the cursor spells it, id halves).
        type Row = (Option<String>, Option<u64>, Option<u64>);
        let (count, rows): (usize, Vec<Row>) = match q.sort {
            SortBy::Created => {
                let (n, hits) = searcher.search(&paged, &(Count, top.order_by((hi, lo))))?;
                (n, hits.into_iter().map(|((h, l), _)| (None, h, l)).collect())
            }
            SortBy::Updated => {
                let by = (SortByStaticFastValue::<tantivy::DateTime>::for_field("updated"), order);
                let (n, hits) = searcher.search(&paged, &(Count, top.order_by((by, hi, lo))))?;
                let micros = |t: tantivy::DateTime| t.into_timestamp_micros().to_string();
                (n, hits.into_iter().map(|((u, h, l), _)| (u.map(micros), h, l)).collect())
            }
            SortBy::Email | SortBy::Name => {
                let name = if q.sort == SortBy::Email { "sort_email" } else { "sort_name" };
                let by = (SortByString::for_field(name), order);
                let (n, hits) = searcher.search(&paged, &(Count, top.order_by((by, hi, lo))))?;
                (n, hits.into_iter().map(|((s, h, l), _)| (s, h, l)).collect())
            }
        };
        let mut ids = Vec::with_capacity(limit);
        let mut first = None;
        let mut last = None;
        for (key, hi, lo) in rows.iter().take(limit) {
            let Some(id) =
                hi.zip(*lo).and_then(|(h, l)| ContactId::from_slice(uuid::Uuid::from_u64_pair(h, l).as_bytes()))
            else {
                continue;
            };
            ids.push(id);
            let at = match key {
                Some(key) => format!("{key}{SEP}{id}"),
                None => id.to_string(),
            };
            first.get_or_insert_with(|| at.clone());
            last = Some(at);
        }
        let next = if rows.len() > limit { last.clone() } else { None };
        Ok(SearchPage { total: total.unwrap_or(count), ids, next, first, last })
    }

    /// Those of `ids` that match any of `qs` (filters only), in id order: a campaign's rules
    /// applied to contacts that came from elsewhere (a segment's members), one lookup per chunk
    /// rather than one per contact.
    pub fn matching_any(&self, qs: &[ContactQuery], ids: &[ContactId]) -> Result<Vec<ContactId>> {
        const CHUNK: usize = 5_000;
        let mut out = Vec::new();
        if qs.is_empty() {
            return Ok(out);
        }
        for chunk in ids.chunks(CHUNK) {
            let any: Box<dyn Query> = match qs {
                [one] => self.build(one),
                many => Box::new(BooleanQuery::new(many.iter().map(|q| (Occur::Should, self.build(q))).collect())),
            };
            let these = TermSetQuery::new(chunk.iter().map(|id| self.id_term(id)));
            let both = BooleanQuery::new(vec![(Occur::Must, any), (Occur::Must, Box::new(these) as Box<dyn Query>)]);
            let q = ContactQuery { sort: SortBy::Created, limit: chunk.len(), ..Default::default() };
            out.extend(self.page_of(Box::new(both), &q)?.ids);
        }
        Ok(out)
    }

    /// Whether contact `id` is among the matches of `q` (cursor aside).
    pub fn contains(&self, q: &ContactQuery, id: &ContactId) -> Result<bool> {
        let q = ContactQuery { cursor: None, ..q.clone() };
        let both = BooleanQuery::new(vec![
            (Occur::Must, self.build(&q)),
            (Occur::Must, Box::new(TermQuery::new(self.id_term(id), IndexRecordOption::Basic)) as Box<dyn Query>),
        ]);
        Ok(self.reader.searcher().search(&both, &Count)? > 0)
    }

    /// The rows strictly after a cursor (before it when descending): a key beyond the cursor's,
    /// or the same key and an id beyond. None when the cursor does not read as one of this sort.
    fn after_cursor(&self, sort: SortBy, cursor: &str, descending: bool) -> Option<Box<dyn Query>> {
        let (key, id) = match cursor.rsplit_once(SEP) {
            Some((key, id)) => (Some(key), id.parse::<ContactId>().ok()?),
            None => (None, cursor.parse::<ContactId>().ok()?),
        };
        let (h, l) = id.uuid().as_u64_pair();
        let hi = |v| Term::from_field_u64(self.f.id_hi, v);
        let beyond_id =
            ties_then(beyond(hi(h), descending), hi(h), beyond(Term::from_field_u64(self.f.id_lo, l), descending));
        let key = match (sort, key) {
            // Every document has each key; a row without one would sort by id alone.
            (_, None) => return Some(beyond_id),
            (SortBy::Updated, Some(k)) => {
                Term::from_field_date(self.f.updated, tantivy::DateTime::from_timestamp_micros(k.parse().ok()?))
            }
            (SortBy::Email, Some(k)) => Term::from_field_text(self.f.sort_email, k),
            (SortBy::Name, Some(k)) => Term::from_field_text(self.f.sort_name, k),
            (SortBy::Created, Some(_)) => return None,
        };
        Some(ties_then(beyond(key.clone(), descending), key, beyond_id))
    }

    /// Every indexed word beginning with `w`: a term of its own when short, else a range of
    /// whole words [w, w + U+10FFFF), as byte strings.
    fn word_query(&self, w: &str) -> Box<dyn Query> {
        if w.chars().nth(SHORT_PREFIX).is_none() {
            Box::new(TermQuery::new(Term::from_field_text(self.f.prefix, w), IndexRecordOption::Basic))
        } else {
            let w = truncate_chars(w, MAX_WORD);
            let lo = Term::from_field_text(self.f.word, w);
            let hi = Term::from_field_text(self.f.word, &format!("{w}\u{10FFFF}"));
            Box::new(RangeQuery::new(Bound::Included(lo), Bound::Excluded(hi)))
        }
    }

    /// The matches of `q` (cursor aside) whose whole name, first name or last name is exactly
    /// the search's words, in the query's order, at most `limit`: one more term lookup per
    /// search, nothing per document.
    pub fn exact_names(&self, q: &ContactQuery, limit: usize) -> Result<Vec<ContactId>> {
        let key = folded(&mut analyzer(), &q.text);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let exact = TermQuery::new(Term::from_field_text(self.f.name_exact, &key), IndexRecordOption::Basic);
        // Most searches name nobody exactly: a count over one posting list settles it.
        if self.reader.searcher().search(&exact, &Count)? == 0 {
            return Ok(Vec::new());
        }
        let both = ContactQuery { cursor: None, limit, ..q.clone() };
        let query =
            BooleanQuery::new(vec![(Occur::Must, self.build(&both)), (Occur::Must, Box::new(exact) as Box<dyn Query>)]);
        self.page_of(Box::new(query), &both).map(|p| p.ids)
    }

    fn build(&self, q: &ContactQuery) -> Box<dyn Query> {
        let f = &self.f;
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let term = |field: Field, v: &str| -> (Occur, Box<dyn Query>) {
            (Occur::Must, Box::new(TermQuery::new(Term::from_field_text(field, v), IndexRecordOption::Basic)))
        };
        let mut ws = Vec::new();
        words(&mut analyzer(), &q.text, &mut ws);
        let mut text: Vec<(Occur, Box<dyn Query>)> =
            ws.iter().take(8).map(|w| (Occur::Must, self.word_query(w))).collect();
        if let Some(digits) = phone_query(&q.text) {
            // A number as people type it (`030/123 45 67`) is one word of digits, or the
            // words as they are (a date in a text field looks much the same).
            let words: Box<dyn Query> =
                if text.is_empty() { Box::new(AllQuery) } else { Box::new(BooleanQuery::new(text)) };
            text = vec![(
                Occur::Must,
                Box::new(BooleanQuery::new(vec![(Occur::Should, self.word_query(&digits)), (Occur::Should, words)])),
            )];
        }
        must.extend(text);
        if let Some(s) = q.status {
            must.push(term(f.status, s.as_str()));
        }
        for t in &q.tags {
            must.push(term(f.tag, &t.to_lowercase()));
        }
        for l in &q.lists {
            must.push(term(f.list, l));
        }
        if !q.segments.is_empty() {
            // Any of them (the list takes one; an API client may name several).
            let any: Vec<(Occur, Box<dyn Query>)> = q
                .segments
                .iter()
                .map(|s| {
                    let t = Term::from_field_text(f.segment, &s.to_string());
                    (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>)
                })
                .collect();
            must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if let Some((purpose, state)) = &q.consent {
            must.push(term(f.consent, &format!("{purpose}:{}", state.as_str())));
        }
        for (k, v) in &q.custom {
            must.push(term(f.custom, &format!("{k}={}", v.to_lowercase())));
        }
        let date_range = |field: Field, after: Option<DateTime<Utc>>, before: Option<DateTime<Utc>>| {
            if after.is_none() && before.is_none() {
                return None;
            }
            let lo = after.map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_date(field, tantivy_date(d))));
            let hi =
                before.map_or(Bound::Unbounded, |d| Bound::Excluded(Term::from_field_date(field, tantivy_date(d))));
            Some((Occur::Must, Box::new(RangeQuery::new(lo, hi)) as Box<dyn Query>))
        };
        must.extend(date_range(f.created, q.created_after, q.created_before));
        must.extend(date_range(f.updated, q.updated_after, q.updated_before));
        must.extend(date_range(f.last_open, q.opened_after, q.opened_before));
        must.extend(date_range(f.last_click, q.clicked_after, q.clicked_before));
        must.extend(date_range(f.last_seen, q.seen_after, q.seen_before));
        if let Some(n) = q.min_orders {
            let lo = Bound::Included(Term::from_field_u64(f.orders, n));
            must.push((Occur::Must, Box::new(RangeQuery::new(lo, Bound::Unbounded))));
        }
        if let Some(n) = q.min_revenue_cents {
            let lo = Bound::Included(Term::from_field_i64(f.revenue, n));
            must.push((Occur::Must, Box::new(RangeQuery::new(lo, Bound::Unbounded))));
        }
        if must.is_empty() {
            Box::new(AllQuery)
        } else {
            Box::new(BooleanQuery::new(must))
        }
    }

    /// How many contacts carry each value of a keyword field (`tag`, `list`, `status`,
    /// `consent`), for filters and counts in the UI.
    pub fn doc_freq(&self, field: &str, value: &str) -> u64 {
        let field = match field {
            "tag" => self.f.tag,
            "list" => self.f.list,
            "status" => self.f.status,
            "consent" => self.f.consent,
            _ => return 0,
        };
        let searcher = self.reader.searcher();
        let q = TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic);
        searcher.search(&q, &Count).map(|n| n as u64).unwrap_or(0)
    }
}

/// The running search: the index plus the indexer thread that follows the change log.
pub struct Search {
    pub index: Arc<SearchIndex>,
    contacts: Contacts,
    stop: Arc<AtomicBool>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Search {
    /// Opens the index, catches up with (or rebuilds from) sled, and starts the indexer.
    pub fn start(data_dir: &Path, contacts: &Contacts, memberships: Arc<dyn Memberships>) -> Result<Search> {
        contacts.feed().register(READER);
        let (index, seq) = SearchIndex::open(data_dir, memberships)?;
        let index = Arc::new(index);
        let started = Instant::now();
        match seq {
            Some(seq) => {
                // The cursor passes the index's own mark only over entries that changed no
                // document: the index is current up to the further of the two.
                let seq = seq.max(contacts.feed().cursor(READER));
                contacts.index_signal.indexed(seq);
                let mut at = seq;
                // Everything in sled at start-up is durable.
                while let Some(next) = index.catch_up(contacts, at, u64::MAX)? {
                    at = next;
                }
                if at > seq {
                    tracing::info!(
                        from = seq,
                        to = at,
                        ms = started.elapsed().as_millis() as u64,
                        "search index caught up"
                    );
                }
            }
            None => {
                let n = index.rebuild(contacts, &|_| {})?;
                if n > 0 {
                    tracing::info!(
                        contacts = n,
                        ms = started.elapsed().as_millis() as u64,
                        "search index rebuilt from the store"
                    );
                }
            }
        }
        // An offline import (`tidings import` with no server) leaves its segments unmerged:
        // one commit with merging on lets the merge policy take them in the background.
        index.set_bulk(false);
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (index, contacts, stop) = (index.clone(), contacts.clone(), stop.clone());
            std::thread::Builder::new().name("indexer".into()).spawn(move || indexer(index, contacts, stop))?
        };
        Ok(Search { index, contacts: contacts.clone(), stop, thread: Mutex::new(Some(thread)) })
    }

    /// Blocks until the index has committed change `seq` (bounded).
    pub fn wait_for(&self, seq: u64) -> bool {
        self.wait_within(seq, Duration::from_secs(30))
    }

    fn wait_within(&self, seq: u64, within: Duration) -> bool {
        let feed = self.contacts.feed();
        self.contacts.index_signal.wait_indexed(seq, within, &|| feed.nudge())
    }

    /// Lets the index catch up with every change logged so far (for at most `within`), so that
    /// a search sees the writes that came before it even though commits are spaced out. Costs
    /// nothing when the index is current.
    pub fn catch_up(&self, within: Duration) -> bool {
        // Entries taken and not yet announced too: a write its caller has seen committed (a
        // segment's build marked ready) announces its entries a moment after the commit.
        self.wait_within(self.contacts.feed().taken(), within)
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        self.contacts.feed().nudge();
        if let Some(t) = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take() {
            let _ = t.join();
        }
    }
}

impl Drop for Search {
    fn drop(&mut self) {
        self.stop();
    }
}

fn indexer(index: Arc<SearchIndex>, contacts: Contacts, stop: Arc<AtomicBool>) {
    // How long added documents may wait for a commit: at once normally; during a bulk import,
    // a few seconds, so that a million rows make tens of segments, not hundreds.
    const BULK_COMMIT: Duration = Duration::from_secs(5);
    // Otherwise commits are spaced at least this far apart unless someone waits for one (an API
    // write that answers with the indexed contact): tracked opens and clicks change a contact's
    // aggregates many times a second, and a tantivy commit per writer batch (a new segment and
    // its fsyncs each time) would take the cores from the hits themselves.
    const SPACING: Duration = Duration::from_millis(500);
    let signal = &contacts.index_signal;
    let feed = contacts.feed().clone();
    let mut committed = signal.indexed_seq();
    let mut at = committed;
    // Documents added since the last commit (else only the cursor has to move).
    let mut dirty = false;
    let mut since: Option<Instant> = None;
    let mut last_commit = Instant::now().checked_sub(SPACING).unwrap_or_else(Instant::now);
    while !stop.load(Ordering::SeqCst) {
        let bulk = index.bulk.load(Ordering::SeqCst);
        let timeout = match since {
            Some(t) if bulk => BULK_COMMIT.saturating_sub(t.elapsed()).max(Duration::from_millis(10)),
            Some(_) => SPACING.saturating_sub(last_commit.elapsed()).max(Duration::from_millis(10)),
            None => Duration::from_millis(500),
        };
        let upto = feed.wait_readable(at, timeout, &|| stop.load(Ordering::SeqCst) || signal.someone_waiting());
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let waiting = signal.someone_waiting();
        loop {
            match index.add_changes(&contacts, at, upto) {
                Ok(Some((next, added))) => {
                    at = next;
                    dirty |= added;
                    since.get_or_insert_with(Instant::now);
                }
                Ok(None) => break,
                Err(e) => {
                    tracing::error!(error = %e, "indexing failed; retrying in a second");
                    std::thread::sleep(Duration::from_secs(1));
                    break;
                }
            }
        }
        if waiting && at == committed {
            // Someone waits for a change not announced yet: do not spin.
            std::thread::sleep(Duration::from_millis(5));
        }
        let due = waiting
            || if index.bulk.load(Ordering::SeqCst) {
                since.is_some_and(|t| t.elapsed() >= BULK_COMMIT)
            } else {
                last_commit.elapsed() >= SPACING
            };
        if at > committed && due {
            let done = if dirty { index.commit_now(&contacts, at) } else { index.advance(&contacts, at) };
            match done {
                Ok(()) => {
                    committed = at;
                    dirty = false;
                    since = None;
                    last_commit = Instant::now();
                }
                Err(e) => {
                    tracing::error!(error = %e, "committing the search index failed; retrying in a second");
                    std::thread::sleep(Duration::from_secs(1));
                }
            }
        }
    }
}

/// The contacts a change asks the index to read again, each with whether the change created
/// it (nothing to delete first). Every kind is named: a new one must say whether the index
/// cares.
fn touched(change: &Change) -> Vec<(ContactId, bool)> {
    match change {
        Change::ContactCreated(c) => vec![(*c, true)],
        Change::ContactsImported(all) => all.clone(),
        // Only a person's own events change the aggregates the index holds.
        Change::EventsRecorded(all) => {
            let mut out: Vec<(ContactId, bool)> = Vec::new();
            for r in all.iter().filter(|r| r.human) {
                if !out.iter().any(|(c, _)| *c == r.contact) {
                    out.push((r.contact, false));
                }
            }
            out
        }
        Change::ContactUpdated(_)
        | Change::ContactDeleted(_)
        | Change::ContactErased(_)
        | Change::ConsentChanged { .. }
        | Change::StatusChanged { .. }
        | Change::MembershipChanged(_)
        // The segments a contact is in are part of its document. A build emits an entry per
        // member; the batch reads each contact once however many entries name it.
        | Change::SegmentEntered { .. }
        | Change::SegmentExited { .. } => change.contacts().into_iter().map(|c| (c, false)).collect(),
        // Not in a contact's document, or reported with one of the above.
        Change::FormSubmitted { .. }
        | Change::FormConfirmed { .. }
        | Change::BounceRecorded { .. }
        | Change::ComplaintRecorded { .. }
        | Change::MessageSent { .. }
        | Change::SegmentEvaluate { .. }
        | Change::SegmentBuilt { .. }
        | Change::SegmentDue { .. }
        | Change::SegmentsDue { .. }
        | Change::RestrictionChanged { .. } => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_read_as_typed() {
        for typed in ["+49 30 1234567", "+49301234567", "0049 30 1234567"] {
            assert_eq!(phone_query(typed).as_deref(), Some("49301234567"), "{typed}");
        }
        for typed in ["030 1234567", "0301234567", "030/123 45 67", "(030) 123-45-67"] {
            assert_eq!(phone_query(typed).as_deref(), Some("301234567"), "{typed}");
        }
        for not in ["anna", "12", "030 anna", "49+30"] {
            assert_eq!(phone_query(not), None, "{not}");
        }
        assert_eq!(national_part("49301234567"), Some("301234567"));
        assert_eq!(national_part("12125551234"), Some("2125551234"));
        assert_eq!(national_part("35312345678"), Some("12345678"));
    }

    /// Nothing is scored, so no field may pay for norms; the keyword fields filtered by term
    /// stay indexed, and the fields filtered by range are columns.
    #[test]
    fn no_field_keeps_norms() {
        let (schema, _) = schema();
        for (_, entry) in schema.fields() {
            assert!(!entry.has_fieldnorms(), "field `{}` keeps norms", entry.name());
        }
        for name in ["id", "prefix", "word", "status", "tag", "list", "segment", "consent", "custom", "name_exact"] {
            assert!(schema.get_field_entry(schema.get_field(name).unwrap()).is_indexed(), "{name}");
        }
        for name in ["created", "updated", "last_open", "opens", "revenue", "id_hi", "id_lo"] {
            let entry = schema.get_field_entry(schema.get_field(name).unwrap());
            assert!(entry.is_fast() && !entry.is_indexed(), "{name}");
        }
    }
}
