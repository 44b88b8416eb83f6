//! Logs as lines on stdout (journald takes them from there), text or JSON; colour only on a
//! terminal.
//!
//! Spans: `request` (every HTTP request, see `http::observe`), the operations' spans
//! (`contact_create`, `contacts_import`, `gdpr_erase`, …), the clock's `timer` and the change
//! feed's `feed_reader`. A line logged inside one carries its fields (the request id, the
//! import's batch); with `log.span_times` each span's end is logged too, with its time.

use std::io::IsTerminal;

use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::EnvFilter;

use crate::config::LogConfig;

pub fn init(log: &LogConfig) {
    // rustls warns for every client that sends an IP address as SNI: noise that a client
    // could use to flood the journal. Its errors still show.
    let level = if log.level.contains("rustls") { log.level.clone() } else { format!("{},rustls=error", log.level) };
    let filter = EnvFilter::try_from_env("RUST_LOG").unwrap_or_else(|_| EnvFilter::new(level));
    // Colour only for a person at a terminal: journald and log files would keep the escape codes.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stdout)
        .with_target(true)
        .with_span_events(if log.span_times { FmtSpan::CLOSE } else { FmtSpan::NONE })
        .with_ansi(std::io::stdout().is_terminal());
    let _ = if log.format == "json" { builder.json().try_init() } else { builder.try_init() };
}
