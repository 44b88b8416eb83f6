//! `tidings backup [--out FILE] [--key-file K]`, `tidings backup keygen FILE`, `tidings restore`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{op, StoreArgs};
use crate::control::Request;
use crate::store::backup;

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub command: Option<BackupCommand>,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Archive path (default: a timestamped file in the backup directory).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Encrypt with this key file (default: `backup.key_file` from the config).
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Write a new random backup key file (0400). Keep it apart from the backups.
    Keygen { file: PathBuf },
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The archive to restore.
    pub archive: PathBuf,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Key file, if the archive is encrypted.
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
    /// Master key of the store the archive came from (default: the configured one).
    #[arg(long, value_name = "FILE")]
    pub master_key: Option<PathBuf>,
    /// Erasure journal to re-apply (default: `erasure-journal` in the backup directory).
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// Replace an existing, stopped store (it is moved aside, not deleted).
    #[arg(long)]
    pub force: bool,
}

/// The erasure journal lives beside the backups.
pub fn journal_path(config: &crate::config::Config) -> PathBuf {
    config.backup_dir().join("erasure-journal")
}

pub fn run_backup(args: BackupArgs) -> Result<(), String> {
    if let Some(BackupCommand::Keygen { file }) = args.command {
        backup::generate_key_file(&file).map_err(|e| e.to_string())?;
        println!("wrote backup key {} (keep it apart from the archives)", file.display());
        return Ok(());
    }
    let out = args.out.map(|p| if p.is_absolute() { p } else { std::env::current_dir().unwrap_or_default().join(p) });
    let key_file =
        args.key_file.map(|p| if p.is_absolute() { p } else { std::env::current_dir().unwrap_or_default().join(p) });
    op(&args.store, Request::Backup { out, key_file })
}

pub fn run_restore(args: RestoreArgs) -> Result<(), String> {
    let config = args.store.load(None)?;
    let key = match &args.key_file {
        Some(k) => Some(backup::read_key_file(k).map_err(|e| e.to_string())?),
        None => None,
    };
    let master = args.master_key.clone().unwrap_or_else(|| config.master_key_path());
    let journal = args.journal.clone().unwrap_or_else(|| journal_path(&config));
    let report = backup::restore(&backup::RestoreOptions {
        archive: &args.archive,
        data_dir: &config.data_dir,
        key: key.as_ref(),
        master_key: &master,
        journal: &journal,
        force: args.force,
        registry: crate::wiring::registry(),
    })
    .map_err(|e| e.to_string())?;
    // The restored directory should start as it is: give it the master key it needs where the
    // config looks for it (never overwriting a key that is there).
    let configured = config.master_key_path();
    if !configured.exists() && master != configured {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let key = std::fs::read(&master).map_err(|e| format!("reading {}: {e}", master.display()))?;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o400)
            .open(&configured)
            .map_err(|e| format!("writing {}: {e}", configured.display()))?;
        f.write_all(&key).and_then(|_| f.sync_all()).map_err(|e| e.to_string())?;
        println!("copied the master key to {}", configured.display());
    }
    // Record the restore in the restored store's own audit log.
    let opts = crate::store::OpenOptions {
        create: false,
        ..crate::store::OpenOptions::from_config(&config, crate::wiring::registry())
    };
    let store = crate::store::Store::open(&config.data_dir, &opts).map_err(|e| e.to_string())?;
    let audit = crate::audit::AuditLog::open(&store).map_err(|e| e.to_string())?;
    audit
        .record(
            crate::audit::Event::new(crate::audit::Actor::Cli, crate::audit::Action::BackupRestored)
                .detail("archive_created_at", report.archive_created_at.to_rfc3339())
                .detail("entries", report.entries)
                .detail("erasures_reapplied", report.erasures_reapplied)
                .detail("key_files", report.key_files.join(" ")),
        )
        .map_err(|e| e.to_string())?;
    println!(
        "restored {} entries from an archive taken {}; re-applied {} later erasures",
        report.entries,
        report.archive_created_at.format("%Y-%m-%d %H:%M:%S UTC"),
        report.erasures_reapplied
    );
    if !report.key_files.is_empty() {
        println!("put back the server's key files: {}", report.key_files.join(", "));
    }
    Ok(())
}
