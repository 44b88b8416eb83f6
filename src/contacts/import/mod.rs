//! CSV import: streaming (the file is never held in memory), with delimiter and header
//! detection, column mapping to built-in and custom fields, a merge policy, the lawful basis
//! recorded, suppressed addresses skipped and counted, and a report of every bad row (line,
//! column, reason; never the value). Every good row is imported. Upserts by email and a consent
//! grant only when none is held make a re-run of an interrupted import end in the same state.
//!
//! The batches' records (and where their files go) are [`batches`]'s; this module reads, checks
//! and writes the rows.

pub mod batches;

use std::collections::{BTreeSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::Utc;
use serde::{Deserialize, Serialize};

pub use batches::{new_batch_id, valid_batch_id, BatchStatus, ImportBatch, Imports};

use super::ops::{set_text, upsert_chunk, Target, Upserted};
use crate::audit::Action;
use crate::domain::contact::slugify;
use crate::domain::{ConsentEntry, ContactInput, FieldDef, LawfulBasis, MergePolicy, Source, Via};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::state::AppState;

/// Rows written between two commits (sled stalls on very large uncommitted batches).
const CHUNK: usize = 4000;
/// A quoted field may span lines, but not more than this: beyond it the quote is broken.
const MAX_RECORD_LINES: usize = 64;
/// The most the CSV parser is ever handed at once (one record, its line ends included).
pub const MAX_RECORD_BYTES: usize = 256 * 1024;
/// A physical line longer than this (its `\n` or `\r\n` not counted) is reported and read through
/// without being held: memory stays flat whatever the file's shape, even for a file that is
/// one long line.
pub const MAX_LINE_BYTES: usize = MAX_RECORD_BYTES;
pub const MAX_CELL_BYTES: usize = 10_000;
/// What detection reads of a file; the header line must end within it.
pub const SNIFF_BYTES: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Invalid(String),
    #[error("reading the file: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Op(#[from] OpError),
}

impl From<crate::store::StoreError> for ImportError {
    fn from(e: crate::store::StoreError) -> Self {
        ImportError::Op(e.into())
    }
}

impl From<ImportError> for OpError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::Invalid(m) => invalid("file", m),
            ImportError::Io(e) => invalid("file", e.to_string()),
            ImportError::Op(o) => o,
        }
    }
}

/// The lawful basis for holding the imported data. An import without one is refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// People consented to one or more purposes, each with its own proof (where and when it
    /// was collected). Each contact gets a grant per purpose in its ledger.
    Consent { grants: Vec<Grant> },
    /// Another basis (contract, legitimate interest, legal obligation), with a note.
    Other { basis: LawfulBasis, note: String },
}

/// Consent to one purpose, and where and when it was collected (e.g. "checkout form on
/// shop.example, 2024–2026"): the proof kept in each grant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grant {
    pub purpose: String,
    pub collected: String,
}

impl Basis {
    /// Consent to one purpose.
    pub fn consent(purpose: &str, collected: &str) -> Basis {
        Basis::Consent { grants: vec![Grant { purpose: purpose.into(), collected: collected.into() }] }
    }

    pub fn describe(&self) -> String {
        match self {
            Basis::Consent { grants } => grants
                .iter()
                .map(|g| format!("consent for {}, collected: {}", g.purpose, g.collected))
                .collect::<Vec<_>>()
                .join("; "),
            Basis::Other { basis, note } => format!("{}: {note}", basis.label()),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ImportOptions {
    pub delimiter: u8,
    pub has_header: bool,
    /// One entry per column; None ignores the column.
    pub mapping: Vec<Option<Target>>,
    pub policy: MergePolicy,
    pub add_tags: Vec<String>,
    pub add_lists: Vec<String>,
    pub basis: Option<Basis>,
    pub file_name: String,
    /// How the file writes dates (custom date fields).
    #[serde(default)]
    pub date_order: DateOrder,
    /// A row whose optional field cannot be read is kept with that field left empty (and
    /// listed in the report) instead of being refused whole.
    #[serde(default)]
    pub keep_rows_with_bad_fields: bool,
}

/// How dates are written in a file: ISO (`2026-12-24`), or day first as in most of Europe
/// (`24.12.2026`, `24/12/2026`, `24-12-2026`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    #[default]
    Iso,
    DayMonthYear,
}

/// (column, what is wrong with it): a refused row, or a field left empty in a kept one.
type ColumnNote = (String, String);

/// A day-first date as ISO, or why it is not one.
fn day_first(cell: &str) -> Result<String, String> {
    let s = cell.trim();
    ["%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y"]
        .iter()
        .find_map(|f| chrono::NaiveDate::parse_from_str(s, f).ok())
        .map(|d| d.format("%Y-%m-%d").to_string())
        .ok_or_else(|| format!("`{s}` is not a date (DD.MM.YYYY or DD/MM/YYYY)"))
}

/// What the first rows of a file look like, and a suggested mapping.
#[derive(Debug, Clone, Serialize)]
pub struct Sniffed {
    pub delimiter: u8,
    pub has_header: bool,
    pub headers: Vec<String>,
    pub preview: Vec<Vec<String>>,
    pub mapping: Vec<Option<Target>>,
}

// ---------------------------------------------------------------------------------------------
// Detection

fn check_encoding(head: &[u8]) -> Result<(), ImportError> {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Invalid(
            "the file is UTF-16; save it as UTF-8 (in Excel: \"CSV UTF-8\"; in LibreOffice: character set Unicode (UTF-8))".into(),
        ));
    }
    match std::str::from_utf8(head) {
        Ok(_) => Ok(()),
        // A multi-byte character cut by the sniff window is fine.
        Err(e) if e.error_len().is_none() => Ok(()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = head[..at].iter().filter(|b| **b == b'\n').count() + 1;
            Err(ImportError::Invalid(format!(
                "the file is not UTF-8 (byte 0x{:02X} on line {line}); it looks like Latin-1 or Windows-1252. \
                 Save it as UTF-8 (in Excel: \"CSV UTF-8\") and import it again",
                head[at]
            )))
        }
    }
}

fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut inside = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            inside = !inside;
        } else if c == d && !inside {
            n += 1;
        }
    }
    n
}

/// Picks the delimiter that splits the first lines most consistently.
pub fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(20).collect();
    let mut best = (b',', 0usize, 0usize);
    for d in [',', ';', '\t', '|'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let first = counts.first().copied().unwrap_or(0);
        if first == 0 {
            continue;
        }
        let consistent = counts.iter().filter(|c| **c == first).count();
        if (consistent, first) > (best.1, best.2) {
            best = (d as u8, consistent, first);
        }
    }
    best.0
}

/// Reads the start of a file: encoding check, delimiter, header, a preview and a mapping.
pub fn sniff(path: &Path, fields: &[FieldDef], delimiter: Option<u8>) -> Result<Sniffed, ImportError> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)?.take(SNIFF_BYTES as u64).read_to_end(&mut head)?;
    if head.is_empty() {
        return Err(ImportError::Invalid("the file is empty".into()));
    }
    check_encoding(&head)?;
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    // Only whole lines: the window may end inside one.
    let cut = if head.len() == SNIFF_BYTES {
        memchr::memrchr(b'\n', body).ok_or_else(|| {
            ImportError::Invalid(format!(
                "the first line is longer than {} KiB; a CSV file starts with a line of column names or one row",
                SNIFF_BYTES / 1024
            ))
        })?
    } else {
        body.len()
    };
    let text = String::from_utf8_lossy(&body[..cut]).into_owned();
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&text));
    let mut rdr =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for rec in rdr.records().take(6) {
        let Ok(rec) = rec else { break };
        rows.push(rec.iter().map(|s| s.to_string()).collect());
    }
    let Some(first) = rows.first().cloned() else {
        return Err(ImportError::Invalid("no rows found".into()));
    };
    let looks_like_data = first.iter().any(|c| crate::domain::EmailAddress::parse(c).is_ok());
    let has_header = !looks_like_data;
    let (headers, preview) = if has_header {
        (first.clone(), rows[1..].to_vec())
    } else {
        ((1..=first.len()).map(|i| format!("Column {i}")).collect(), rows.clone())
    };
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0).max(headers.len());
    let mut mapping: Vec<Option<Target>> = (0..width)
        .map(|i| if has_header { headers.get(i).and_then(|h| Target::guess(h, fields)) } else { None })
        .collect();
    if !mapping.contains(&Some(Target::Email)) {
        // No header named it: the column whose values are addresses.
        if let Some(i) = (0..width)
            .find(|i| preview.iter().any(|r| r.get(*i).is_some_and(|c| crate::domain::EmailAddress::parse(c).is_ok())))
        {
            mapping[i] = Some(Target::Email);
        }
    }
    // A target mapped twice keeps its first column.
    let mut seen = Vec::new();
    for m in mapping.iter_mut() {
        if let Some(t) = m {
            if seen.contains(t) && !matches!(t, Target::Tags | Target::Lists) {
                *m = None;
            } else {
                seen.push(t.clone());
            }
        }
    }
    let headers = (0..width).map(|i| headers.get(i).cloned().unwrap_or_else(|| format!("Column {}", i + 1))).collect();
    Ok(Sniffed { delimiter, has_header, headers, preview, mapping })
}

// ---------------------------------------------------------------------------------------------
// Reading: physical lines → records, with broken quoting and bad bytes reported per line

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub column: String,
    pub reason: String,
}

/// A physical line as read: its number and its bytes (through the `\n`), or `None` for a line
/// longer than [`MAX_LINE_BYTES`], which was read through and dropped.
type Line = (u64, Option<Vec<u8>>);

/// Feeds the CSV parser only whole, well-formed records of at most [`MAX_RECORD_BYTES`]. A
/// line that is too long, not UTF-8 or holds a NUL byte, and a quote that never closes within
/// [`MAX_RECORD_LINES`] or [`MAX_RECORD_BYTES`], are reported and replaced by an empty line
/// (which the parser skips), so line numbers stay true and a broken row cannot swallow the
/// rest of the file.
struct LineGuard<R: BufRead> {
    inner: R,
    line: u64,
    /// Lines read but not yet passed on (an open quote), with their bytes and quote count.
    pending: VecDeque<(u64, Vec<u8>)>,
    pending_bytes: usize,
    pending_quotes: usize,
    /// Lines to examine again after a broken quote was dropped.
    replay: VecDeque<Line>,
    out: Vec<u8>,
    pos: usize,
    bad: Arc<Mutex<Vec<BadRow>>>,
    bytes: Arc<std::sync::atomic::AtomicU64>,
    eof: bool,
    /// The first line number of each record passed on, in order (the CSV parser does not count
    /// the empty lines that stand in for rejected ones).
    starts: Arc<Mutex<VecDeque<u64>>>,
}

impl<R: BufRead> LineGuard<R> {
    fn new(
        inner: R,
        bad: Arc<Mutex<Vec<BadRow>>>,
        bytes: Arc<std::sync::atomic::AtomicU64>,
        starts: Arc<Mutex<VecDeque<u64>>>,
    ) -> Self {
        LineGuard {
            inner,
            line: 0,
            pending: VecDeque::new(),
            pending_bytes: 0,
            pending_quotes: 0,
            replay: VecDeque::new(),
            out: Vec::new(),
            pos: 0,
            bad,
            bytes,
            eof: false,
            starts,
        }
    }

    /// The next physical line. The line is taken from the reader's buffer a buffer at a time
    /// and kept only while it fits [`MAX_LINE_BYTES`]; past that the rest of it is consumed
    /// and dropped up to its `\n`, so no line of any length is ever held whole.
    fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        if let Some(l) = self.replay.pop_front() {
            return Ok(Some(l));
        }
        if self.eof {
            return Ok(None);
        }
        let mut buf = Vec::new();
        let mut too_long = false;
        let mut read = 0usize;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            let (take, ends) = match memchr::memchr(b'\n', available) {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            if !too_long {
                // Room for the cap and a `\r\n`; the exact length is checked at the end.
                if buf.len() + take > MAX_LINE_BYTES + 2 {
                    too_long = true;
                    buf = Vec::new();
                } else {
                    buf.extend_from_slice(&available[..take]);
                }
            }
            self.inner.consume(take);
            read += take;
            if ends {
                break;
            }
        }
        if read == 0 {
            self.eof = true;
            return Ok(None);
        }
        let ending = if buf.ends_with(b"\r\n") { 2 } else { usize::from(buf.ends_with(b"\n")) };
        too_long |= buf.len() - ending > MAX_LINE_BYTES;
        self.bytes.fetch_add(read as u64, std::sync::atomic::Ordering::Relaxed);
        self.line += 1;
        if too_long {
            return Ok(Some((self.line, None)));
        }
        if self.line == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3);
        }
        Ok(Some((self.line, Some(buf))))
    }

    fn report(&self, line: u64, reason: String) {
        self.bad.lock().unwrap_or_else(|p| p.into_inner()).push(BadRow { line, column: String::new(), reason });
    }

    fn blank(&mut self) {
        self.out.extend_from_slice(b"\n");
    }

    /// Fills `out` with the next record (or blank lines for rejected ones).
    fn fill(&mut self) -> std::io::Result<()> {
        while self.out.is_empty() {
            let Some((no, bytes)) = self.next_line()? else {
                if self.break_pending() > 0 || !self.out.is_empty() {
                    continue;
                }
                return Ok(());
            };
            let unreadable = match &bytes {
                None => Some(format!("the line is longer than {MAX_LINE_BYTES} bytes")),
                Some(b) if std::str::from_utf8(b).is_err() => Some("the line is not valid UTF-8".to_string()),
                Some(b) if b.contains(&0) => Some("the line contains a NUL byte".to_string()),
                Some(_) => None,
            };
            if let Some(reason) = unreadable {
                if self.pending.is_empty() {
                    self.report(no, reason);
                    self.blank();
                } else {
                    // An open quote ran into an unreadable line: the record that opened it is
                    // broken; the lines in between and this one are examined again in order.
                    let n = self.break_pending();
                    self.replay.insert(n, (no, bytes));
                }
                continue;
            }
            // (A line without bytes always has a reason above.)
            let Some(bytes) = bytes else { continue };
            if !self.pending.is_empty() && self.pending_bytes + bytes.len() > MAX_RECORD_BYTES {
                // The open quote would make a record larger than the parser may be handed.
                let n = self.break_pending();
                self.replay.insert(n, (no, Some(bytes)));
                continue;
            }
            self.pending_bytes += bytes.len();
            self.pending_quotes += memchr::memchr_iter(b'"', &bytes).count();
            self.pending.push_back((no, bytes));
            if self.pending_quotes % 2 == 0 {
                let first = self.pending.front().map(|(n, _)| *n).unwrap_or(0);
                let empty = self.pending.len() == 1 && self.pending[0].1.iter().all(|b| *b == b'\n' || *b == b'\r');
                if !empty {
                    self.starts.lock().unwrap_or_else(|p| p.into_inner()).push_back(first);
                }
                for (_, b) in self.pending.drain(..) {
                    self.out.extend_from_slice(&b);
                }
                (self.pending_bytes, self.pending_quotes) = (0, 0);
                if !self.out.ends_with(b"\n") {
                    self.out.push(b'\n');
                }
                continue;
            }
            if self.pending.len() >= MAX_RECORD_LINES {
                self.break_pending();
            }
        }
        Ok(())
    }

    /// The first pending line opened a quote that never closes: report it, pass a blank line
    /// in its place, and examine the lines after it again, before anything not yet read.
    /// Returns how many lines went back to the replay queue.
    fn break_pending(&mut self) -> usize {
        let Some((first, _)) = self.pending.pop_front() else { return 0 };
        self.report(
            first,
            format!(
                "broken quoting: a quoted field opened on this line does not close within {MAX_RECORD_LINES} lines and {MAX_RECORD_BYTES} bytes"
            ),
        );
        let rest: Vec<_> = self.pending.drain(..).collect();
        (self.pending_bytes, self.pending_quotes) = (0, 0);
        let n = rest.len();
        for (no, b) in rest.into_iter().rev() {
            self.replay.push_front((no, Some(b)));
        }
        self.blank();
        n
    }
}

impl<R: BufRead> Read for LineGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos >= self.out.len() {
            self.out.clear();
            self.pos = 0;
            self.fill()?;
            if self.out.is_empty() {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Removes quoted values from a message (`\`jane@x\` has no @` → `… has no @`): the report
/// must not hold personal data.
fn redact(message: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in message.chars() {
        if c == '`' {
            if !inside {
                out.push_str("(value)");
            }
            inside = !inside;
        } else if !inside {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Running

fn validate_options(state: &AppState, o: &ImportOptions) -> Result<(), ImportError> {
    let Some(basis) = &o.basis else {
        return Err(ImportError::Invalid(
            "say on what lawful basis you hold these contacts: a consent purpose and where the consent was collected, or another basis".into(),
        ));
    };
    match basis {
        Basis::Consent { grants } => {
            if grants.is_empty() {
                return Err(ImportError::Invalid("choose at least one purpose people consented to".into()));
            }
            if grants.len() > super::ops::MAX_GRANTS {
                return Err(ImportError::Invalid(format!(
                    "one import records consent for at most {} purposes",
                    super::ops::MAX_GRANTS
                )));
            }
            for (i, Grant { purpose, collected }) in grants.iter().enumerate() {
                let p = state
                    .purposes
                    .get(purpose)?
                    .ok_or_else(|| ImportError::Invalid(format!("there is no purpose `{purpose}`")))?;
                if p.basis != LawfulBasis::Consent {
                    return Err(ImportError::Invalid(format!("the purpose `{purpose}` is not based on consent")));
                }
                if grants[..i].iter().any(|g| g.purpose == *purpose) {
                    return Err(ImportError::Invalid(format!("the purpose `{purpose}` is named twice")));
                }
                if collected.trim().len() < 3 {
                    return Err(ImportError::Invalid(format!(
                        "say where and when the consent to “{}” was collected",
                        p.name
                    )));
                }
                if collected.chars().count() > 300 {
                    return Err(ImportError::Invalid(format!(
                        "where the consent to “{}” was collected: at most 300 characters",
                        p.name
                    )));
                }
            }
        }
        Basis::Other { basis, note } => {
            if *basis == LawfulBasis::Consent {
                return Err(ImportError::Invalid("for consent, name the purpose and where it was collected".into()));
            }
            if note.trim().len() < 3 {
                return Err(ImportError::Invalid("describe the basis (e.g. which contract)".into()));
            }
        }
    }
    if !o.mapping.contains(&Some(Target::Email)) {
        return Err(ImportError::Invalid("map one column to Email".into()));
    }
    let mut seen = Vec::new();
    for t in o.mapping.iter().flatten() {
        if seen.contains(&t) && !matches!(t, Target::Tags | Target::Lists) {
            return Err(ImportError::Invalid(format!("two columns are mapped to {}", t.key())));
        }
        seen.push(t);
    }
    Ok(())
}

/// Starts a batch record (so progress can be polled before the first row).
pub fn begin(
    state: &AppState,
    by: &By,
    id: Option<String>,
    o: &ImportOptions,
    bytes_total: u64,
) -> OpResult<ImportBatch> {
    validate_options(state, o)?;
    let b = ImportBatch {
        id: id.unwrap_or_else(new_batch_id),
        file_name: o.file_name.chars().take(200).collect(),
        actor: by.actor.reference(),
        basis: o.basis.as_ref().map(|b| b.describe()).unwrap_or_default(),
        policy: o.policy,
        started_at: Utc::now(),
        finished_at: None,
        status: BatchStatus::Running,
        message: String::new(),
        bytes_total,
        bytes_done: 0,
        rows: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        suppressed: 0,
        invalid: 0,
    };
    state.imports.put(&b)?;
    state.store.commit()?;
    Ok(b)
}

/// Runs an import on its own thread (the admin page and the control socket return at once and
/// poll the batch). `remove_file` deletes the uploaded file afterwards.
pub fn spawn(state: Arc<AppState>, by: By, path: PathBuf, o: ImportOptions, batch: ImportBatch, remove_file: bool) {
    let id = batch.id.clone();
    // Under the request that started it, whose id its lines then carry.
    let span = tracing::Span::current();
    let result = std::thread::Builder::new().name(format!("import-{}", &id[..8])).spawn(move || {
        span.in_scope(|| {
            if let Err(e) = run(&state, by, &path, &o, batch, &|_| {}) {
                tracing::warn!(import = %id, error = %e, "import failed");
            }
            if remove_file {
                let _ = std::fs::remove_file(&path);
            }
        })
    });
    if let Err(e) = result {
        tracing::error!(error = %e, "could not start the import thread");
    }
}

/// Imports `path` into the batch begun with [`begin`]; `progress` is called after every chunk.
#[tracing::instrument(name = "contacts_import", skip_all, fields(batch = %batch.id, rows = tracing::field::Empty))]
pub fn run(
    state: &AppState,
    by: By,
    path: &Path,
    o: &ImportOptions,
    mut batch: ImportBatch,
    progress: &dyn Fn(&ImportBatch),
) -> OpResult<ImportBatch> {
    state.search.index.set_bulk(true);
    let result = run_inner(state, path, o, &mut batch, progress);
    state.search.index.set_bulk(false);
    batch.finished_at = Some(Utc::now());
    match &result {
        Ok(()) => batch.status = BatchStatus::Done,
        Err(e) => {
            batch.status = BatchStatus::Failed;
            batch.message = e.to_string();
        }
    }
    state.imports.put(&batch)?;
    state.store.commit()?;
    let m = &state.metrics;
    for (outcome, n) in [
        ("created", batch.created),
        ("updated", batch.updated),
        ("invalid", batch.invalid),
        ("suppressed", batch.suppressed),
    ] {
        crate::metrics::Metrics::count(&m.import_rows, outcome, n);
    }
    progress(&batch);
    tracing::Span::current().record("rows", batch.rows);
    state.audit.record(
        by.event(Action::ContactsImported)
            .target(format!("import:{}", batch.id))
            .detail("status", format!("{:?}", batch.status).to_lowercase())
            .detail("rows", batch.rows)
            .detail("created", batch.created)
            .detail("updated", batch.updated)
            .detail("suppressed", batch.suppressed)
            .detail("invalid", batch.invalid),
    )?;
    result.map_err(OpError::from)?;
    Ok(batch)
}

fn run_inner(
    state: &AppState,
    path: &Path,
    o: &ImportOptions,
    batch: &mut ImportBatch,
    progress: &dyn Fn(&ImportBatch),
) -> Result<(), ImportError> {
    let _one_at_a_time = state.imports.one_at_a_time();
    let mut head = Vec::new();
    File::open(path)?.take(SNIFF_BYTES as u64).read_to_end(&mut head)?;
    check_encoding(&head)?;
    let fields = state.fields.all();
    let region = Some(state.config.contacts.phone_region.as_str()).filter(|r| !r.is_empty());
    crate::store::ensure_private_dir(state.imports.dir())?;
    let report_path = state.imports.report_path(&batch.id);
    let mut report = csv::Writer::from_path(&report_path).map_err(csv_err)?;
    report.write_record(["line", "column", "reason"]).map_err(csv_err)?;

    let mut base = ContactInput::default();
    for t in &o.add_tags {
        base.add_tags.extend(crate::domain::contact::parse_tag_list(t).map_err(ImportError::Invalid)?);
    }
    base.add_lists = o.add_lists.iter().map(|l| slugify(l)).filter(|l| !l.is_empty()).collect();
    let source_ref = format!("import:{}", batch.id);
    let mut consents = Vec::new();
    if let Some(Basis::Consent { grants }) = &o.basis {
        let at = Utc::now();
        for Grant { purpose, collected } in grants {
            let p = state
                .purposes
                .get(purpose)?
                .ok_or_else(|| ImportError::Invalid(format!("there is no purpose `{purpose}`")))?;
            consents.push(ConsentEntry {
                purpose: p.key.clone(),
                granted: true,
                at,
                via: Via::Import(batch.id.clone()),
                wording: (p.current_wording > 0).then(|| (p.key.clone(), p.current_wording)),
                ip: None,
                user_agent: None,
                note: collected.trim().to_string(),
            });
        }
    }
    let file = File::open(path)?;

    // A parser thread reads and validates rows while this one writes the previous chunk.
    let lists_seen = std::thread::scope(|scope| -> Result<BTreeSet<String>, ImportError> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Parsed, ImportError>>(1);
        let parser = {
            let (fields, base) = (&fields, &base);
            std::thread::Builder::new()
                .name("import-parser".into())
                .spawn_scoped(scope, move || parse_rows(file, o, base, fields, region, tx))?
        };
        let mut last_seq = 0u64;
        for parsed in rx {
            let parsed = parsed?;
            batch.rows += parsed.rows;
            for b in &parsed.bad {
                batch.invalid += 1;
                report.write_record([b.line.to_string(), b.column.clone(), b.reason.clone()]).map_err(csv_err)?;
            }
            for w in &parsed.left_empty {
                report.write_record([w.line.to_string(), w.column.clone(), w.reason.clone()]).map_err(csv_err)?;
            }
            let seq = write_chunk(state, o, &source_ref, &consents, &fields, &parsed, batch, &mut report)?;
            batch.bytes_done = parsed.bytes;
            state.imports.put(batch)?;
            state.store.commit()?;
            if seq > 0 {
                state.contacts.announce(seq);
                // Stay at most one chunk ahead of the indexer: what it has not taken yet is
                // held in memory.
                if last_seq > 0 {
                    state.contacts.index_signal.wait_added(last_seq, std::time::Duration::from_secs(60));
                }
                last_seq = seq;
            }
            progress(batch);
        }
        let lists = parser.join().map_err(|_| ImportError::Invalid("the CSV reader stopped unexpectedly".into()))?;
        if last_seq > 0 {
            // Done means searchable.
            state.search.wait_for(last_seq);
        }
        Ok(lists)
    })?;
    report.flush()?;
    // Lists named in the file or the options that do not exist yet are created.
    for slug in lists_seen {
        if state.lists.get(&slug)?.is_none() {
            state.lists.put(&super::schema::List {
                slug: slug.clone(),
                name: slug.clone(),
                description: String::new(),
                created_at: Utc::now(),
            })?;
        }
    }
    batch.bytes_done = batch.bytes_total.max(batch.bytes_done);
    state.imports.put(batch)?;
    state.store.commit()?;
    Ok(())
}

/// A chunk of the file, read and validated: the good rows' inputs with their line numbers, the
/// bad rows, how many rows that was, and how far into the file it reached.
struct Parsed {
    inputs: Vec<ContactInput>,
    lines: Vec<u64>,
    bad: Vec<BadRow>,
    /// Fields left empty in rows that were kept (reported, not counted as bad).
    left_empty: Vec<BadRow>,
    rows: u64,
    bytes: u64,
}

/// Reads the file (through the line guard) and validates each row, sending chunks of
/// [`CHUNK`] good rows. Returns the lists the rows named.
fn parse_rows(
    file: File,
    o: &ImportOptions,
    base: &ContactInput,
    fields: &[FieldDef],
    region: Option<&str>,
    tx: std::sync::mpsc::SyncSender<Result<Parsed, ImportError>>,
) -> BTreeSet<String> {
    let bad = Arc::new(Mutex::new(Vec::new()));
    let bytes = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let starts = Arc::new(Mutex::new(VecDeque::new()));
    let guard = LineGuard::new(BufReader::with_capacity(256 * 1024, file), bad.clone(), bytes.clone(), starts.clone());
    let mut rdr = csv::ReaderBuilder::new().delimiter(o.delimiter).has_headers(false).flexible(true).from_reader(guard);
    let names: Vec<String> = o
        .mapping
        .iter()
        .enumerate()
        .map(|(i, t)| t.as_ref().map(|t| t.key()).unwrap_or(format!("column {}", i + 1)))
        .collect();
    let width = o.mapping.len();
    let mut lists_seen: BTreeSet<String> = base.add_lists.clone();
    let fresh = || Parsed {
        inputs: Vec::with_capacity(CHUNK),
        lines: Vec::with_capacity(CHUNK),
        bad: Vec::new(),
        left_empty: Vec::new(),
        rows: 0,
        bytes: 0,
    };
    let mut chunk = fresh();
    let mut record = csv::StringRecord::new();
    let mut first = true;
    loop {
        let more = match rdr.read_record(&mut record) {
            Ok(more) => more,
            Err(e) => {
                let line = starts.lock().unwrap_or_else(|p| p.into_inner()).pop_front().unwrap_or(0);
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    let _ = tx.send(Err(ImportError::Invalid(e.to_string())));
                    return lists_seen;
                }
                bad.lock().unwrap_or_else(|p| p.into_inner()).push(BadRow {
                    line,
                    column: String::new(),
                    reason: format!("unreadable row: {}", redact(&e.to_string())),
                });
                continue;
            }
        };
        if more {
            let line = starts.lock().unwrap_or_else(|p| p.into_inner()).pop_front().unwrap_or(0);
            if std::mem::take(&mut first) && o.has_header {
                continue;
            }
            chunk.rows += 1;
            match row_input(&record, o, base, &names, width, fields, region) {
                Err((column, reason)) => chunk.bad.push(BadRow { line, column, reason }),
                Ok((input, left_empty)) => {
                    for (column, reason) in left_empty {
                        chunk.left_empty.push(BadRow { line, column, reason });
                    }
                    lists_seen.extend(input.add_lists.iter().cloned());
                    chunk.inputs.push(input);
                    chunk.lines.push(line);
                }
            }
        }
        for b in bad.lock().unwrap_or_else(|p| p.into_inner()).drain(..) {
            chunk.rows += 1;
            chunk.bad.push(b);
        }
        if !more || chunk.inputs.len() >= CHUNK {
            chunk.bytes = bytes.load(std::sync::atomic::Ordering::Relaxed);
            if tx.send(Ok(std::mem::replace(&mut chunk, fresh()))).is_err() || !more {
                return lists_seen;
            }
        }
    }
}

/// Writes a chunk's good rows (uncommitted) and counts their outcomes. Returns the change's
/// sequence number (0 when nothing was written).
#[allow(clippy::too_many_arguments)]
fn write_chunk(
    state: &AppState,
    o: &ImportOptions,
    source_ref: &str,
    consents: &[ConsentEntry],
    fields: &[FieldDef],
    chunk: &Parsed,
    batch: &mut ImportBatch,
    report: &mut csv::Writer<File>,
) -> Result<u64, ImportError> {
    if chunk.inputs.is_empty() {
        return Ok(0);
    }
    let (outcomes, seq) = upsert_chunk(state, &chunk.inputs, o.policy, Source::Import, source_ref, consents, fields)?;
    for (outcome, line) in outcomes.into_iter().zip(chunk.lines.iter()) {
        match outcome {
            Ok(Upserted::Created) => batch.created += 1,
            Ok(Upserted::Updated) => batch.updated += 1,
            Ok(Upserted::Unchanged) => batch.unchanged += 1,
            Ok(Upserted::Skipped) => batch.skipped += 1,
            Ok(Upserted::Suppressed) => batch.suppressed += 1,
            Err(OpError::Invalid { field, message }) => {
                batch.invalid += 1;
                report.write_record([line.to_string(), field.to_string(), redact(&message)]).map_err(csv_err)?;
            }
            Err(other) => return Err(other.into()),
        }
    }
    Ok(seq)
}

fn csv_err(e: csv::Error) -> ImportError {
    ImportError::Io(std::io::Error::other(e.to_string()))
}

/// One row → a validated input, or (column, reason).
fn row_input(
    record: &csv::StringRecord,
    o: &ImportOptions,
    base: &ContactInput,
    names: &[String],
    width: usize,
    fields: &[FieldDef],
    region: Option<&str>,
) -> Result<(ContactInput, Vec<ColumnNote>), ColumnNote> {
    if record.len() > width && record.iter().skip(width).any(|c| !c.trim().is_empty()) {
        return Err((
            format!("column {}", width + 1),
            format!("too many columns ({} where the file has {width})", record.len()),
        ));
    }
    let mut input = base.clone();
    let mut left_empty = Vec::new();
    for (i, cell) in record.iter().enumerate().take(width) {
        let Some(target) = &o.mapping[i] else { continue };
        if cell.len() > MAX_CELL_BYTES {
            return Err((names[i].clone(), format!("the value is longer than {MAX_CELL_BYTES} bytes")));
        }
        if *target == Target::Email && cell.trim().is_empty() {
            return Err((names[i].clone(), "the email address is empty".into()));
        }
        let is_date = matches!(target, Target::Custom(k)
            if fields.iter().any(|f| &f.key == k && f.kind == crate::domain::FieldKind::Date));
        let result = if is_date && o.date_order == DateOrder::DayMonthYear && !cell.trim().is_empty() {
            day_first(cell).and_then(|iso| set_text(&mut input, target, &iso, fields, region).map_err(|e| e.message))
        } else {
            set_text(&mut input, target, cell, fields, region).map_err(|e| e.message)
        };
        match result {
            Ok(()) => {}
            // The address is the contact: without it there is no row to keep.
            Err(m) if o.keep_rows_with_bad_fields && *target != Target::Email => {
                left_empty.push((names[i].clone(), format!("left empty: {}", redact(&m))));
            }
            Err(m) => return Err((names[i].clone(), redact(&m))),
        }
    }
    if input.email.is_none() {
        return Err(("email".into(), "the row has no email address".into()));
    }
    Ok((input, left_empty))
}

/// Writes a CSV of bad rows for download (already on disk; this copies it to `w`).
pub fn copy_report(imports: &Imports, id: &str, w: &mut dyn Write) -> std::io::Result<u64> {
    if !valid_batch_id(id) {
        return Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such import"));
    }
    let mut f = File::open(imports.report_path(id))?;
    std::io::copy(&mut f, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(input: &str) -> (String, Vec<BadRow>) {
        let bad = Arc::new(Mutex::new(Vec::new()));
        // A small buffer, so that lines are taken from it in several steps.
        let mut g = LineGuard::new(
            BufReader::with_capacity(7, std::io::Cursor::new(input.as_bytes().to_vec())),
            bad.clone(),
            Arc::default(),
            Arc::default(),
        );
        let mut out = String::new();
        g.read_to_string(&mut out).unwrap();
        let b = bad.lock().unwrap().clone();
        (out, b)
    }

    /// `len` bytes of `x`, then `tail`, made as they are read (never whole in memory).
    struct Generated {
        left: u64,
        tail: std::io::Cursor<Vec<u8>>,
    }

    impl Read for Generated {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.left == 0 {
                return self.tail.read(buf);
            }
            let n = buf.len().min(self.left as usize);
            buf[..n].fill(b'x');
            self.left -= n as u64;
            Ok(n)
        }
    }

    #[test]
    fn a_line_longer_than_the_cap_is_reported_by_number_and_the_next_line_is_read() {
        let at_cap = format!("c@x.com,{}", "y".repeat(MAX_LINE_BYTES - 8));
        let over = format!("a@x.com,{}", "z".repeat(MAX_LINE_BYTES - 7));
        let (out, bad) = guard(&format!("email,note\n{over}\nb@x.com,1\n{at_cap}\r\nd@x.com,2"));
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert_eq!(bad[0].line, 2);
        assert_eq!(bad[0].reason, format!("the line is longer than {MAX_LINE_BYTES} bytes"));
        assert!(!bad[0].reason.contains("a@x.com"), "the report never holds the line");
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines[..3], ["email,note", "", "b@x.com,1"]);
        assert_eq!(lines[3], format!("{at_cap}\r"), "a line of exactly the cap passes");
        assert_eq!(lines[4], "d@x.com,2");
    }

    #[test]
    fn a_line_of_hundreds_of_megabytes_is_read_through_in_buffer_sized_steps() {
        let bytes = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let file = Generated { left: 300 << 20, tail: std::io::Cursor::new(b"\nb@x.com\n".to_vec()) };
        let mut g = LineGuard::new(
            BufReader::with_capacity(256 * 1024, Read::chain(&b"email\n"[..], file)),
            Arc::default(),
            bytes.clone(),
            Arc::default(),
        );
        assert_eq!(g.next_line().unwrap(), Some((1, Some(b"email\n".to_vec()))));
        assert_eq!(g.next_line().unwrap(), Some((2, None)), "dropped, not held");
        assert_eq!(g.next_line().unwrap(), Some((3, Some(b"b@x.com\n".to_vec()))));
        assert_eq!(g.next_line().unwrap(), None);
        assert_eq!(bytes.load(std::sync::atomic::Ordering::Relaxed), 6 + (300 << 20) + 1 + 8, "progress counts it");
    }

    #[test]
    fn a_quoted_record_is_never_handed_on_larger_than_the_cap() {
        let half = "y".repeat(MAX_RECORD_BYTES / 2);
        let (out, bad) = guard(&format!("email,note\na@x.com,\"{half}\n{half}\"\nb@x.com,x\n"));
        // Line 2 opens a quote that would close only past the cap; line 3's lone quote then
        // opens another that never closes; line 4 is a row again.
        let lines: Vec<u64> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, vec![2, 3], "{bad:?}");
        assert!(bad.iter().all(|b| b.reason.starts_with("broken quoting")));
        assert!(out.ends_with("\nb@x.com,x\n"));
        assert!(out.split('\n').all(|l| l.len() <= MAX_RECORD_BYTES));
        // Within the cap, a record may span lines.
        let (out, bad) = guard(&format!("email,note\na@x.com,\"{}\n{}\"\n", &half[..1000], &half[..1000]));
        assert!(bad.is_empty() && out.contains(&half[..1000]));
    }

    #[test]
    fn a_broken_quote_costs_one_line_not_the_rest_of_the_file() {
        let mut text = String::from("email,name\n\"a@x.com,Ann\n");
        for i in 0..100 {
            text.push_str(&format!("u{i}@x.com,U\n"));
        }
        let (out, bad) = guard(&text);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].line, 2);
        assert!(out.contains("u0@x.com") && out.contains("u99@x.com"));
        assert_eq!(out.lines().count(), 102, "line numbers are kept");
    }

    #[test]
    fn an_unreadable_line_inside_an_open_quote_keeps_the_lines_between() {
        let (out, bad) = guard("email\n\"a@x.com\nb@x.com\nc\0@x.com\nd@x.com\n");
        let lines: Vec<u64> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, vec![2, 4]);
        assert_eq!(out, "email\n\nb@x.com\n\nd@x.com\n");
    }

    #[test]
    fn multi_line_quoted_fields_pass() {
        let (out, bad) = guard("email,note\na@x.com,\"two\nlines\"\nb@x.com,x\n");
        assert!(bad.is_empty());
        assert!(out.contains("two\nlines"));
    }

    #[test]
    fn detects_delimiters_and_redacts_values() {
        assert_eq!(detect_delimiter("a;b;c\n1;2;3\n"), b';');
        assert_eq!(detect_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(detect_delimiter("a,b\n\"x;y\",2\n"), b',');
        assert_eq!(redact("`jane@x` has no @"), "(value) has no @");
    }

    #[test]
    fn detection_refuses_a_first_line_longer_than_its_window() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("one-line.csv");
        std::fs::write(&path, "x".repeat(SNIFF_BYTES + 10)).unwrap();
        let e = sniff(&path, &[], None).unwrap_err().to_string();
        assert!(e.contains("first line is longer than 64 KiB"), "{e}");
        std::fs::write(&path, format!("email,note\na@x.com,{}\n", "x".repeat(SNIFF_BYTES))).unwrap();
        let s = sniff(&path, &[], None).unwrap();
        assert_eq!(s.headers, vec!["email", "note"], "the header is read; the long row is not");
    }

    #[test]
    fn refuses_other_encodings() {
        assert!(check_encoding(b"\xFF\xFEa\x00").unwrap_err().to_string().contains("UTF-16"));
        assert!(check_encoding(b"email\nm\xFCller@x.de\n").unwrap_err().to_string().contains("line 2"));
        assert!(check_encoding("email\nmüller@x.de\n".as_bytes()).is_ok());
    }
}
