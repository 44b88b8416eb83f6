//! Logs as lines on stdout (journald takes them from there), text or JSON; colour only on a
//! terminal.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

pub fn init(level: &str, format: &str) {
    // rustls warns for every client that sends an IP address as SNI: noise that a client
    // could use to flood the journal. Its errors still show.
    let level = if level.contains("rustls") { level.to_string() } else { format!("{level},rustls=error") };
    let filter = EnvFilter::try_from_env("RUST_LOG").unwrap_or_else(|_| EnvFilter::new(level));
    // Colour only for a person at a terminal: journald and log files would keep the escape codes.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stdout)
        .with_target(true)
        .with_ansi(std::io::stdout().is_terminal());
    let _ = if format == "json" { builder.json().try_init() } else { builder.try_init() };
}
