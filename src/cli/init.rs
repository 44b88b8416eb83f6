//! `tidings init`: a commented config file and an initialised data directory.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

use clap::Args;

use crate::store::{OpenOptions, Store};

/// The example config, embedded so `init` writes every key with its prose.
pub const EXAMPLE: &str = include_str!("../../config.example.toml");

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the config file.
    #[arg(long, short = 'c', value_name = "FILE", default_value = "tidings.toml")]
    pub config: PathBuf,
    /// Data directory to create and record in the config.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Replace an existing config file (the data directory is never replaced).
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: InitArgs) -> Result<(), String> {
    if args.config.exists() && !args.force {
        return Err(format!("{} exists; pass --force to replace it", args.config.display()));
    }
    let data_dir = args.data_dir.clone().unwrap_or_else(|| crate::config::Config::default().data_dir);
    let data_dir_abs = if data_dir.is_absolute() {
        data_dir.clone()
    } else {
        std::env::current_dir().map_err(|e| e.to_string())?.join(&data_dir)
    };
    let mut text = String::new();
    text.push_str("# Tidings configuration, written by `tidings init`.\n");
    text.push_str("# Every key below is shown at its default, commented out; uncomment to change.\n\n");
    text.push_str(&format!("data_dir = {}\n\n", toml::Value::String(data_dir_abs.display().to_string())));
    text.push_str(EXAMPLE.lines().filter(|l| !l.starts_with("# data_dir =")).collect::<Vec<_>>().join("\n").as_str());
    text.push('\n');
    // Validate what we are about to write.
    crate::config::Config::load_from(None, vec![], &Default::default()).map_err(|e| e.to_string())?;
    toml::from_str::<toml::Value>(&text).map_err(|e| format!("generated config does not parse: {e}"))?;

    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o640)
        .open(&args.config)
        .map_err(|e| format!("writing {}: {e}", args.config.display()))?;
    f.write_all(text.as_bytes()).map_err(|e| e.to_string())?;

    let config = crate::config::Config { data_dir: data_dir_abs.clone(), ..Default::default() };
    let store = Store::open(&data_dir_abs, &OpenOptions::from_config(&config, crate::wiring::registry()))
        .map_err(|e| e.to_string())?;
    drop(store);
    println!("wrote {}", args.config.display());
    println!("initialised {} (master key in {})", data_dir_abs.display(), config.master_key_path().display());
    println!("keep a copy of the master key somewhere safe: backups cannot be restored without it");
    println!("next: tidings serve --config {}", args.config.display());
    Ok(())
}
