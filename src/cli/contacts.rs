//! `tidings import FILE` and `tidings reindex`.
//!
//! With the server running, the import is handed to it over the control socket (the file must
//! be readable by the service user) and its progress is polled; otherwise the store is opened
//! here. Either way a progress bar shows bytes read, and the counts are printed at the end.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::{op, StoreArgs};
use crate::contacts::import::{self, Basis, BatchStatus, ImportBatch, ImportOptions};
use crate::contacts::ops::Target;
use crate::control::{self, Request};
use crate::domain::{LawfulBasis, MergePolicy};
use crate::ops::By;
use crate::state::AppState;
use crate::store::{OpenOptions, Store};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file (UTF-8, with or without BOM; delimiter and header are detected).
    pub file: PathBuf,
    /// A consent purpose the contacts agreed to (e.g. newsletter), each followed by its
    /// --collected; repeat both for several purposes.
    #[arg(long, value_name = "PURPOSE")]
    pub purpose: Vec<String>,
    /// Where and when the consent to the --purpose before it was collected (e.g. "shop checkout
    /// form, 2024-2026").
    #[arg(long, value_name = "TEXT")]
    pub collected: Vec<String>,
    /// Another lawful basis instead of consent: contract, legitimate_interest, legal_obligation.
    #[arg(long, value_name = "BASIS")]
    pub basis: Option<LawfulBasis>,
    /// What the other basis rests on (e.g. "customers with an open order").
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// overwrite, fill_blanks or skip_existing (for addresses already in Tidings).
    #[arg(long, default_value = "overwrite")]
    pub policy: MergePolicy,
    /// Map a column to a field: --map "E-Mail=email" --map "Shoe size=custom.shoe_size"
    /// (by header name or 1-based column number; `-` ignores it). Unmapped columns are guessed.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// Tags to add to every imported contact (repeatable).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Lists to add every imported contact to (repeatable; created when missing).
    #[arg(long = "list")]
    pub lists: Vec<String>,
    /// Field delimiter (default: detected among , ; tab |).
    #[arg(long)]
    pub delimiter: Option<char>,
    /// The first row is data, not a header.
    #[arg(long)]
    pub no_header: bool,
    /// Where to copy the report of bad rows (line, column, reason).
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// How the file writes dates: iso (2026-12-24) or day-month-year (24.12.2026, 24/12/2026).
    #[arg(long, value_enum, default_value = "iso")]
    pub date_order: crate::contacts::import::DateOrder,
    /// Keep a row whose optional field cannot be read, with that field left empty (listed in
    /// the report), instead of refusing the row.
    #[arg(long)]
    pub keep_bad_fields: bool,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where to write (the server writes it when it runs, so use a path it may write).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: PathBuf,
    /// csv or ndjson.
    #[arg(long, default_value = "csv")]
    pub format: String,
    /// Only contacts matching this search text (prefixes of names, email, tags...).
    #[arg(long, short = 'q', default_value = "")]
    pub query: String,
    /// Only this status (pending, subscribed, unsubscribed, bounced, complained).
    #[arg(long)]
    pub status: Option<String>,
    /// Only contacts with this tag (repeatable: all must match).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Only members of this list (repeatable).
    #[arg(long = "list")]
    pub lists: Vec<String>,
    /// Only members of this segment, by id (repeatable: of any of them); it must be built.
    #[arg(long = "segment")]
    pub segments: Vec<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn export(args: ExportArgs) -> Result<(), String> {
    let filter = crate::control::ExportFilter {
        text: args.query.clone(),
        status: args.status.clone(),
        tags: args.tags.clone(),
        lists: args.lists.clone(),
        segments: args.segments.clone(),
    };
    let out = if args.out.is_absolute() {
        args.out.clone()
    } else {
        std::env::current_dir().map_err(|e| e.to_string())?.join(&args.out)
    };
    op(&args.store, Request::Export { out, format: args.format.clone(), filter: Some(filter) })
}

#[derive(Debug, Args)]
pub struct ReindexArgs {
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn reindex(args: ReindexArgs) -> Result<(), String> {
    op(&args.store, Request::Reindex)
}

fn options(args: &ImportArgs, fields: &[crate::domain::FieldDef]) -> Result<ImportOptions, String> {
    let path = &args.file;
    let file = std::fs::canonicalize(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let delimiter = match args.delimiter {
        Some(c) if c.is_ascii() => Some(c as u8),
        Some(c) => return Err(format!("--delimiter {c:?} is not a single ASCII character")),
        None => None,
    };
    let sniffed = import::sniff(&file, fields, delimiter).map_err(|e| format!("{}: {e}", path.display()))?;
    let has_header = sniffed.has_header && !args.no_header;
    let mut mapping = sniffed.mapping.clone();
    for m in &args.map {
        let (col, field) = m.split_once('=').ok_or_else(|| format!("--map {m:?}: expected COLUMN=FIELD"))?;
        let idx = match col.trim().parse::<usize>() {
            Ok(n) if n >= 1 && n <= mapping.len() => n - 1,
            _ => sniffed.headers.iter().position(|h| h.trim().eq_ignore_ascii_case(col.trim())).ok_or_else(|| {
                format!("--map {m:?}: no column named {col:?} (columns: {})", sniffed.headers.join(", "))
            })?,
        };
        mapping[idx] = if field.trim() == "-" {
            None
        } else {
            Some(Target::parse(field, fields).ok_or_else(|| format!("--map {m:?}: unknown field {field:?}"))?)
        };
    }
    let basis = match (args.purpose.first(), &args.basis) {
        (Some(_), Some(_)) => return Err("give either --purpose (consent) or --basis, not both".into()),
        (Some(_), None) => {
            if args.collected.len() != args.purpose.len() {
                return Err(format!(
                    "each --purpose needs its own --collected (where and when was consent given?): {} purposes, {} --collected",
                    args.purpose.len(),
                    args.collected.len()
                ));
            }
            let grants = args
                .purpose
                .iter()
                .zip(&args.collected)
                .map(|(purpose, collected)| import::Grant { purpose: purpose.clone(), collected: collected.clone() })
                .collect();
            Some(Basis::Consent { grants })
        }
        (None, Some(b)) => Some(Basis::Other {
            basis: *b,
            note: args.note.clone().ok_or("--basis needs --note: what does it rest on?")?,
        }),
        (None, None) => return Err(
            "say on what lawful basis you hold these contacts: --purpose newsletter --collected \"where and when\", \
                 or --basis contract --note \"...\""
                .into(),
        ),
    };
    Ok(ImportOptions {
        delimiter: sniffed.delimiter,
        has_header,
        mapping,
        policy: args.policy,
        add_tags: args.tags.clone(),
        add_lists: args.lists.clone(),
        basis,
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        date_order: args.date_order,
        keep_rows_with_bad_fields: args.keep_bad_fields,
    })
}

fn bar(total: u64) -> ProgressBar {
    let pb = ProgressBar::new(total);
    pb.set_style(
        ProgressStyle::with_template("{bar:40} {percent:>3}%  {msg}  {elapsed} elapsed, ~{eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    pb
}

fn show(pb: &ProgressBar, b: &ImportBatch) {
    pb.set_position(b.bytes_done);
    pb.set_message(format!("{} rows", b.rows));
}

fn summary(b: &ImportBatch) -> String {
    format!(
        "import {}: {} rows — {} created, {} updated, {} unchanged, {} skipped, {} suppressed (erased addresses), {} invalid",
        b.id, b.rows, b.created, b.updated, b.unchanged, b.skipped, b.suppressed, b.invalid
    )
}

pub fn run(args: ImportArgs) -> Result<(), String> {
    let config = args.store.load(None)?;
    let size = std::fs::metadata(&args.file).map_err(|e| format!("{}: {e}", args.file.display()))?.len();
    let pb = bar(size);
    let status = control::call(&config.data_dir, &Request::Ping).map_err(|e| format!("control socket: {e}"))?;
    let (batch, report_dir) = if status.is_some() {
        // The server runs: it imports; we poll. Field definitions come from the server's view.
        let fields = remote_fields(&config)?;
        let opts = options(&args, &fields)?;
        let path = std::fs::canonicalize(&args.file).map_err(|e| e.to_string())?;
        let started = control::call(&config.data_dir, &Request::ImportStart { path, options: opts })
            .map_err(|e| e.to_string())?
            .ok_or("the server stopped")?;
        if !started.ok {
            return Err(started.output);
        }
        let id = started.output;
        loop {
            std::thread::sleep(Duration::from_millis(250));
            let r = control::call(&config.data_dir, &Request::ImportStatus { id: id.clone() })
                .map_err(|e| e.to_string())?
                .ok_or("the server stopped during the import; run the same command again to finish it")?;
            if !r.ok {
                return Err(r.output);
            }
            let b: ImportBatch = serde_json::from_str(&r.output).map_err(|e| e.to_string())?;
            show(&pb, &b);
            if b.status != BatchStatus::Running {
                break (b, config.data_dir.join("imports"));
            }
        }
    } else {
        let store = Store::open(&config.data_dir, &OpenOptions::from_config(&config, crate::wiring::registry()))
            .map_err(|e| e.to_string())?;
        let data_dir = config.data_dir.clone();
        let state = AppState::new(config, store).map_err(|e| e.to_string())?;
        let opts = options(&args, &state.fields.all())?;
        let by = By::cli();
        let batch = import::begin(&state, &by, None, &opts, size).map_err(|e| e.to_string())?;
        let b = import::run(&state, by, &args.file, &opts, batch, &|b| show(&pb, b)).map_err(|e| e.to_string())?;
        state.search.stop();
        (b, data_dir.join("imports"))
    };
    pb.finish_and_clear();
    let report = report_dir.join(format!("{}.errors.csv", batch.id));
    if let Some(to) = &args.report {
        std::fs::copy(&report, to).map_err(|e| format!("copying the report to {}: {e}", to.display()))?;
    }
    match batch.status {
        BatchStatus::Done => {
            println!("{}", summary(&batch));
            if batch.invalid > 0 {
                println!("bad rows (line, column, reason): {}", args.report.as_ref().unwrap_or(&report).display());
            }
            Ok(())
        }
        _ => Err(format!("{}\n{}", summary(&batch), batch.message)),
    }
}

/// Field definitions as the running server has them (for --map and guessing).
fn remote_fields(config: &crate::config::Config) -> Result<Vec<crate::domain::FieldDef>, String> {
    let r =
        control::call(&config.data_dir, &Request::Fields).map_err(|e| e.to_string())?.ok_or("the server stopped")?;
    if !r.ok {
        return Err(r.output);
    }
    serde_json::from_str(&r.output).map_err(|e| e.to_string())
}
