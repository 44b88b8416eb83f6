//! `tidings dkim generate`: new DKIM keys under the data directory, and what to publish in DNS
//! and add to the config.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::StoreArgs;
use crate::mail::dkim::{Algorithm, GeneratedKey};

#[derive(Debug, Args)]
pub struct DkimArgs {
    #[command(subcommand)]
    pub command: DkimCommand,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum DkimCommand {
    /// Generate an RSA-2048 key (and optionally an Ed25519 one) for signing mail; print the DNS
    /// TXT records to publish and the config lines to add. Never overwrites a key.
    Generate(GenerateArgs),
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The signing domain, usually the domain of `mail.from`.
    #[arg(long)]
    pub domain: String,
    /// Selector for the RSA key: the record goes at `<selector>._domainkey.<domain>`.
    #[arg(long, default_value = "tidings")]
    pub selector: String,
    /// Also generate an Ed25519 key, which signs alongside RSA (receivers that know Ed25519 check
    /// both).
    #[arg(long)]
    pub ed25519: bool,
    /// Selector of the Ed25519 key (default: `<selector>-ed25519`).
    #[arg(long, value_name = "SELECTOR")]
    pub ed25519_selector: Option<String>,
    /// Directory for the key files (default: `<data_dir>/dkim`).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

pub fn run(args: DkimArgs) -> Result<(), String> {
    let DkimCommand::Generate(g) = args.command;
    let config = args.store.load(None)?;
    let label = |s: &str| {
        !s.is_empty()
            && s.len() <= 63
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !s.starts_with('-')
    };
    if !g.domain.contains('.') || !g.domain.split('.').all(label) {
        return Err(format!("`{}` is not a domain name", g.domain));
    }
    let ed_selector = g.ed25519_selector.clone().unwrap_or_else(|| format!("{}-ed25519", g.selector));
    for s in std::iter::once(&g.selector).chain(g.ed25519.then_some(&ed_selector)) {
        if !label(s) {
            return Err(format!("selector `{s}` must be one DNS label (letters, digits, - and _)"));
        }
    }
    let dir = g.out_dir.clone().unwrap_or_else(|| config.data_dir.join("dkim"));
    let dir = if dir.is_absolute() { dir } else { std::env::current_dir().map_err(|e| e.to_string())?.join(dir) };
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    let mut keys = vec![(Algorithm::Rsa, g.selector.clone())];
    if g.ed25519 {
        keys.push((Algorithm::Ed25519, ed_selector.clone()));
    }
    // Refuse before generating anything, so a half-done run never leaves one key of two.
    let paths: Vec<PathBuf> =
        keys.iter().map(|(alg, sel)| dir.join(format!("{}.{sel}.{}.pem", g.domain, alg.tag()))).collect();
    if let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(format!(
            "{} exists; refusing to overwrite a key (choose another --selector, or delete it if you really mean to replace it)",
            existing.display()
        ));
    }
    let mut generated = Vec::new();
    for ((alg, sel), path) in keys.iter().zip(&paths) {
        let key = GeneratedKey::generate(*alg, sel).map_err(|e| e.to_string())?;
        key.write_private(path).map_err(|e| e.to_string())?;
        generated.push((key, path));
    }

    println!(
        "# Wrote {} (mode 0600, readable by this user only).",
        paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" and ")
    );
    println!("# Keep a copy with your backups of the master key.");
    println!();
    println!("# 1. Publish in DNS (a TXT record each; long values are split into strings of 255 characters):");
    for (key, _) in &generated {
        println!("{}", key.zone_line(&g.domain));
    }
    println!();
    println!("# Or in a DNS provider's form:");
    for (key, _) in &generated {
        println!("#   name:  {}", key.dns_name(&g.domain));
        println!("#   value: {}", key.txt_value());
    }
    println!();
    println!("# 2. Add to the config (then restart Tidings):");
    println!("[mail.dkim]");
    println!("domain = {}", toml::Value::String(g.domain.clone()));
    for (key, path) in &generated {
        let path = toml::Value::String(path.display().to_string());
        match key.algorithm {
            Algorithm::Rsa => {
                println!("selector = {}", toml::Value::String(key.selector.clone()));
                println!("key_file = {path}");
            }
            Algorithm::Ed25519 => {
                println!("ed25519_selector = {}", toml::Value::String(key.selector.clone()));
                println!("ed25519_key_file = {path}");
            }
        }
    }
    println!();
    println!("# 3. Once DNS answers, check with: tidings send-test-email --to you@{}", g.domain);
    Ok(())
}
