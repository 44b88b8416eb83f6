//! Logs as lines on stdout (journald takes them from there), text or JSON.

use tracing_subscriber::EnvFilter;

pub fn init(level: &str, format: &str) {
    // rustls warns for every client that sends an IP address as SNI: noise that a client
    // could use to flood the journal. Its errors still show.
    let level = if level.contains("rustls") { level.to_string() } else { format!("{level},rustls=error") };
    let filter = EnvFilter::try_from_env("RUST_LOG").unwrap_or_else(|_| EnvFilter::new(level));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stdout).with_target(true);
    let _ = if format == "json" { builder.json().try_init() } else { builder.try_init() };
}
