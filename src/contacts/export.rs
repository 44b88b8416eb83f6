//! Contact export as CSV or NDJSON, written row by row into any `impl Write`: the API streams it
//! through a bounded channel ([`ChannelWriter`]), the CLI writes a file, nothing holds the whole
//! export in memory.
//!
//! CSV cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a
//! leading `'` (OWASP "CSV injection"): contact data comes from strangers through public forms.

use std::io::{self, Write};
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::audit::Action;
use crate::domain::{Contact, FieldDef, Permission};
use crate::ops::{By, OpError, OpResult};
use crate::search::ContactQuery;
use crate::state::AppState;

/// Contacts read from the search per page when the export is filtered.
const SEARCH_PAGE: usize = 1000;
/// Bytes gathered before a chunk goes to the channel.
const CHUNK: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Ndjson,
}

impl Format {
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Ndjson => "ndjson",
        }
    }

    pub fn content_type(&self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Ndjson => "application/x-ndjson",
        }
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "csv" => Ok(Format::Csv),
            "ndjson" => Ok(Format::Ndjson),
            other => Err(format!("`{other}` is not an export format (csv, ndjson)")),
        }
    }
}

/// A cell a spreadsheet would not evaluate.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The consent state per purpose, as the ledger derives it.
pub use crate::domain::ConsentStates as Consents;

enum Sink<W: Write> {
    // Boxed: the csv writer carries its buffer state inline.
    Csv(Box<csv::Writer<W>>),
    Ndjson(W),
}

/// Writes contacts one at a time. Columns: the built-in attributes, one per custom field (by
/// key, in schema order) and one `consent.<purpose>` per purpose.
pub struct Exporter<W: Write> {
    sink: Sink<W>,
    fields: Vec<FieldDef>,
    purposes: Vec<String>,
    count: u64,
}

pub const BUILT_IN_COLUMNS: [&str; 13] = [
    "id",
    "email",
    "first_name",
    "last_name",
    "phone",
    "locale",
    "time_zone",
    "status",
    "source",
    "tags",
    "lists",
    "created_at",
    "updated_at",
];

impl<W: Write> Exporter<W> {
    /// Starts an export; a CSV one writes its header row at once.
    pub fn new(out: W, format: Format, fields: &[FieldDef], purposes: &[String]) -> io::Result<Self> {
        let sink = match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                let header = BUILT_IN_COLUMNS
                    .iter()
                    .map(|c| c.to_string())
                    .chain(fields.iter().map(|f| f.key.clone()))
                    .chain(purposes.iter().map(|p| format!("consent.{p}")));
                w.write_record(header.map(|h| neutralise(&h).into_owned()))?;
                Sink::Csv(Box::new(w))
            }
            Format::Ndjson => Sink::Ndjson(out),
        };
        Ok(Self { sink, fields: fields.to_vec(), purposes: purposes.to_vec(), count: 0 })
    }

    pub fn write(&mut self, c: &Contact, consents: &Consents) -> io::Result<()> {
        match &mut self.sink {
            Sink::Csv(w) => {
                let join = |set: &std::collections::BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(",");
                let opt = |o: &Option<String>| o.clone().unwrap_or_default();
                let mut row: Vec<String> = vec![
                    c.id.to_string(),
                    c.email.to_string(),
                    c.first_name.clone(),
                    c.last_name.clone(),
                    c.phone.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default(),
                    opt(&c.locale),
                    opt(&c.time_zone),
                    c.status.as_str().into(),
                    c.source.as_str().into(),
                    join(&c.tags),
                    join(&c.lists),
                    timestamp(c.created_at),
                    timestamp(c.updated_at),
                ];
                row.extend(self.fields.iter().map(|f| c.custom.get(&f.key).map(|v| v.display()).unwrap_or_default()));
                row.extend(
                    self.purposes
                        .iter()
                        .map(|p| consents.get(p).map(|(s, _)| s.as_str().to_string()).unwrap_or_default()),
                );
                w.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
            }
            Sink::Ndjson(w) => {
                let mut v = c.to_json();
                // Values of fields deleted since are not exported (they go at the next write).
                if let Some(custom) = v.get_mut("custom").and_then(|c| c.as_object_mut()) {
                    custom.retain(|k, _| self.fields.iter().any(|f| &f.key == k));
                }
                v["consents"] = consents
                    .iter()
                    .map(|(p, (s, at))| (p.clone(), serde_json::json!({ "state": s, "at": at })))
                    .collect::<serde_json::Map<_, _>>()
                    .into();
                serde_json::to_writer(&mut *w, &v)?;
                w.write_all(b"\n")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// Flushes everything written and hands the writer back.
    pub fn finish(self) -> io::Result<W> {
        match self.sink {
            Sink::Csv(w) => (*w).into_inner().map_err(|e| e.into_error()),
            Sink::Ndjson(mut w) => {
                w.flush()?;
                Ok(w)
            }
        }
    }
}

/// Sends what is written as chunks through a bounded channel, blocking while the reader is
/// behind: the export runs at the pace of the slowest client without piling up in memory.
/// Fails with `BrokenPipe` once the receiving side is gone.
pub struct ChannelWriter {
    tx: tokio::sync::mpsc::Sender<io::Result<Vec<u8>>>,
    buf: Vec<u8>,
}

impl ChannelWriter {
    /// Call from a blocking thread, never from the async executor.
    pub fn new(tx: tokio::sync::mpsc::Sender<io::Result<Vec<u8>>>) -> Self {
        Self { tx, buf: Vec::with_capacity(CHUNK) }
    }

    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away during the export"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// Exports every contact (`filter` None) or those the search finds, in creation order, and
/// audits it once: how many, the format and whether it was filtered (never who). The audit entry
/// is written before `out` is dropped, so a streamed export ends only once it is recorded; an
/// export cut short (the client left) is recorded as incomplete.
pub fn export<W: Write>(
    state: &AppState,
    by: By,
    format: Format,
    filter: Option<&ContactQuery>,
    out: W,
) -> OpResult<u64> {
    export_scope(state, by, format, filter.map_or(Scope::All, Scope::Matching), out)
}

/// What an export holds.
#[derive(Clone, Copy)]
pub enum Scope<'a> {
    All,
    Matching(&'a ContactQuery),
    /// Contacts ticked on the list (a bulk action), in the order given.
    Ids(&'a [crate::domain::ContactId]),
}

/// [`export`] of any [`Scope`], under the same rules: the role may see personal data, restricted
/// contacts are left out, one audit entry.
pub fn export_scope<W: Write>(state: &AppState, by: By, format: Format, scope: Scope<'_>, out: W) -> OpResult<u64> {
    by.require(Permission::ViewPersonalData)?;
    let fields = state.fields.all();
    let purposes: Vec<String> = state.purposes.all()?.into_iter().map(|p| p.key).collect();
    let io_err = |e: io::Error| OpError::Internal(format!("while writing the export: {e}"));
    let mut ex = Exporter::new(out, format, &fields, &purposes).map_err(io_err)?;
    let mut restricted = 0u64;
    let mut write_one = |ex: &mut Exporter<W>, c: &Contact| -> OpResult<()> {
        // Processing restricted (Art. 18): not handed to anyone else, so not in exports.
        if state.gdpr.restrictions.is_restricted(&c.id)? {
            restricted += 1;
            return Ok(());
        }
        let consents = state.contacts.consent_state(&c.id)?;
        ex.write(c, &consents).map_err(io_err)
    };
    let written: OpResult<()> = (|| {
        match scope {
            Scope::All => {
                for c in state.contacts.iter() {
                    write_one(&mut ex, &c?)?;
                }
            }
            Scope::Ids(ids) => {
                for id in ids {
                    if let Some(c) = state.contacts.get(id)? {
                        write_one(&mut ex, &c)?;
                    }
                }
            }
            Scope::Matching(q) => {
                let mut q = ContactQuery {
                    sort: crate::search::SortBy::Created,
                    descending: false,
                    cursor: None,
                    limit: SEARCH_PAGE,
                    ..q.clone()
                };
                loop {
                    let page = state.search.index.search(&q).map_err(|e| OpError::Internal(e.to_string()))?;
                    for id in &page.ids {
                        // Erased between the search and the read: nothing to export.
                        if let Some(c) = state.contacts.get(id)? {
                            write_one(&mut ex, &c)?;
                        }
                    }
                    match page.next {
                        Some(next) => q.cursor = Some(next),
                        None => break,
                    }
                }
            }
        }
        Ok(())
    })();
    let count = ex.count();
    let finished = written.and_then(|_| ex.finish().map_err(io_err));
    state.audit.record(
        by.event(Action::ContactsExported)
            .detail("count", count)
            .detail("format", format.as_str())
            .detail("filtered", !matches!(scope, Scope::All))
            .detail("selected", matches!(scope, Scope::Ids(_)))
            .detail("restricted_left_out", restricted)
            .detail("complete", finished.is_ok()),
    )?;
    // Dropped only now, after the audit entry: a streamed body ends here.
    let _out = finished?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ConsentState, EmailAddress, FieldKind, FieldValue, Source};

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"), "{bad:?}");
        }
        for fine in ["Jane", "", "a=b", "1-2", "'quoted"] {
            assert_eq!(neutralise(fine), fine);
        }
    }

    #[test]
    fn csv_rows_are_neutralised_and_quoted() {
        let mut c = Contact::new(EmailAddress::parse("jane@example.com").unwrap(), Source::Api, String::new());
        c.first_name = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
        c.last_name = "Doe, Jr.".into();
        c.tags = ["-vip".to_string(), "b".to_string()].into();
        let field = FieldDef::new("note", "Note", FieldKind::Text, vec![], None).unwrap();
        c.custom.insert("note".into(), FieldValue::Text("@cmd".into()));
        let consents: Consents = [("newsletter".to_string(), (ConsentState::Granted, Utc::now()))].into();
        let mut ex =
            Exporter::new(Vec::new(), Format::Csv, &[field], &["newsletter".into(), "engagement".into()]).unwrap();
        ex.write(&c, &consents).unwrap();
        assert_eq!(ex.count(), 1);
        let out = String::from_utf8(ex.finish().unwrap()).unwrap();
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header[..3], ["id", "email", "first_name"]);
        assert_eq!(header[header.len() - 3..], ["note", "consent.newsletter", "consent.engagement"]);
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[2], "'=HYPERLINK(\"http://evil.example\",\"click\")");
        assert_eq!(&row[3], "Doe, Jr.");
        assert_eq!(&row[9], "'-vip,b");
        assert_eq!(&row[13], "'@cmd");
        assert_eq!((&row[14], &row[15]), ("granted", ""));
    }

    #[test]
    fn ndjson_is_one_object_per_line_without_deleted_fields() {
        let mut c = Contact::new(EmailAddress::parse("jane@example.com").unwrap(), Source::Api, String::new());
        c.custom.insert("gone".into(), FieldValue::Number(1.0));
        let mut ex = Exporter::new(Vec::new(), Format::Ndjson, &[], &[]).unwrap();
        ex.write(&c, &Consents::new()).unwrap();
        ex.write(&c, &Consents::new()).unwrap();
        let out = String::from_utf8(ex.finish().unwrap()).unwrap();
        let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["email"], "jane@example.com");
        assert_eq!(lines[0]["custom"], serde_json::json!({}));
    }
}
