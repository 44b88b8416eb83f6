//! The command line: one file per subcommand.

mod backup;
mod bounces;
mod check;
mod contacts;
mod dkim;
pub mod healthcheck;
mod init;
mod mail;
pub mod serve;
mod user;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::config::{CliOverrides, Config};
use crate::control::{self, Request};
use crate::state::AppState;
use crate::store::{OpenOptions, Store, StoreError};

#[derive(Debug, Parser)]
#[command(name = "tidings", version, about = "Self-hosted, GDPR-native marketing automation", propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Where the config and the data live; every command that touches the store takes these.
#[derive(Debug, Args, Clone, Default)]
pub struct StoreArgs {
    /// TOML config file (defaults apply without one).
    #[arg(long, short = 'c', env = "TIDINGS_CONFIG", value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Data directory (overrides `data_dir` and TIDINGS_DATA_DIR).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
}

impl StoreArgs {
    pub fn load(&self, listen: Option<SocketAddr>) -> Result<Config, String> {
        let loaded = Config::load(self.config.as_deref(), &CliOverrides { data_dir: self.data_dir.clone(), listen })
            .map_err(|e| e.to_string())?;
        for w in &loaded.warnings {
            eprintln!("warning: {w}");
        }
        Ok(loaded.config)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (HTTPS on 127.0.0.1:8443 by default).
    Serve(serve::ServeArgs),
    /// Write a commented config file and create the data directory, for a system install.
    Init(init::InitArgs),
    /// Manage admin users.
    User(user::UserArgs),
    /// Audit log tools.
    Audit(AuditArgs),
    /// Write a consistent archive of the store (while the server runs, through it).
    Backup(backup::BackupArgs),
    /// Rebuild a data directory from an archive.
    Restore(backup::RestoreArgs),
    /// Exit 0 when the server answers /healthz, 1 otherwise (for systemd and monitoring).
    Healthcheck(healthcheck::HealthArgs),
    /// Check the configuration and print the effective values (secrets hidden).
    Check(check::CheckArgs),
    /// Import contacts from a CSV file (streamed; bad rows reported by line, column and reason).
    Import(contacts::ImportArgs),
    /// Export contacts (all, or a search, a status, tags, lists) as CSV or NDJSON.
    Export(contacts::ExportArgs),
    /// Rebuild the search index from the store.
    Reindex(contacts::ReindexArgs),
    /// DKIM keys: `dkim generate --domain example.com --selector s1`.
    Dkim(dkim::DkimArgs),
    /// Send one message through a relay (or the outbox) and explain a failure in words.
    SendTestEmail(mail::SendTestArgs),
    /// Bounces and complaints: `bounces poll` reads the bounce mailbox once.
    Bounces(bounces::BouncesArgs),
    /// Print the version.
    Version,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: AuditCommand,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain; exit 1 and name the entry if anything was edited or removed.
    Verify,
}

pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Serve(a) => serve::run(a),
        Command::Init(a) => init::run(a),
        Command::User(a) => user::run(a),
        Command::Audit(a) => match a.command {
            AuditCommand::Verify => op(&a.store, Request::AuditVerify),
        },
        Command::Backup(a) => backup::run_backup(a),
        Command::Restore(a) => backup::run_restore(a),
        Command::Healthcheck(a) => healthcheck::run(a),
        Command::Check(a) => check::run(a),
        Command::Import(a) => contacts::run(a),
        Command::Export(a) => contacts::export(a),
        Command::Reindex(a) => contacts::reindex(a),
        Command::Dkim(a) => dkim::run(a),
        Command::SendTestEmail(a) => mail::run(a),
        Command::Bounces(a) => bounces::run(a),
        Command::Version => {
            println!("tidings {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a store request: through the running server's control socket if there is one,
/// otherwise directly against the store.
pub fn op(args: &StoreArgs, req: Request) -> Result<(), String> {
    let config = args.load(None)?;
    let response = match control::call(&config.data_dir, &req).map_err(|e| format!("control socket: {e}"))? {
        Some(r) => r,
        None => {
            let store = match Store::open(&config.data_dir, &OpenOptions::from_config(&config, crate::wiring::registry())) {
                Ok(s) => s,
                Err(StoreError::Locked(dir)) => {
                    return Err(format!(
                        "{} is in use by a running Tidings whose control socket is unreachable; run this as the service user",
                        dir.display()
                    ))
                }
                Err(e) => return Err(e.to_string()),
            };
            let state = AppState::new(config, store).map_err(|e| e.to_string())?;
            control::execute(&state, req)
        }
    };
    if response.ok {
        println!("{}", response.output);
        Ok(())
    } else {
        Err(response.output)
    }
}
