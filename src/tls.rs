//! TLS: the operator's certificate, or a self-signed one made with rcgen on first start (SANs for
//! localhost, 127.0.0.1, ::1 and the configured host name), regenerated when the host name
//! changes. aws-lc-rs is the one crypto provider.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{anyhow, Context, Result};
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};

use crate::config::Config;

pub struct Material {
    pub chain: Vec<CertificateDer<'static>>,
    pub key: PrivateKeyDer<'static>,
    /// SHA-256 of the leaf, printed at start so an operator can check what the browser shows.
    pub fingerprint: String,
    pub self_signed: bool,
    pub cert_path: PathBuf,
}

pub fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::aws_lc_rs::default_provider())
}

fn sans(config: &Config) -> Vec<String> {
    let mut names = vec!["localhost".to_string(), "127.0.0.1".to_string(), "::1".to_string()];
    if !names.contains(&config.hostname) {
        names.push(config.hostname.clone());
    }
    names
}

fn write_private(path: &Path, data: &[u8], mode: u32) -> Result<()> {
    if path.exists() {
        std::fs::remove_file(path).with_context(|| format!("replacing {}", path.display()))?;
    }
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    // No fsync: a self-signed certificate lost to a power cut is simply made again at the next
    // start (see `load_inner`), and skipping three syncs keeps a first start fast.
    f.write_all(data)?;
    Ok(())
}

/// Loads or creates the certificate and key.
pub fn load(config: &Config) -> Result<Material> {
    load_inner(config, true)
}

/// Loads the certificate the server uses, never creating one (for `tidings healthcheck`, which
/// may run as another user or before the server has made its certificate).
pub fn load_existing(config: &Config) -> Result<Material> {
    load_inner(config, false)
}

fn load_inner(config: &Config, create: bool) -> Result<Material> {
    let (cert_path, key_path, self_signed) = if config.tls.cert_file.as_os_str().is_empty() {
        let dir = config.data_dir.join("tls");
        if create {
            crate::store::ensure_private_dir(&dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let cert = dir.join("cert.pem");
        let key = dir.join("key.pem");
        let names_file = dir.join("names");
        let wanted = sans(config).join("\n");
        let current = std::fs::read_to_string(&names_file).unwrap_or_default();
        let empty = |p: &Path| std::fs::metadata(p).map(|m| m.len() == 0).unwrap_or(true);
        let unreadable = empty(&key) || empty(&cert);
        if create && (unreadable || current != wanted) {
            let generated =
                rcgen::generate_simple_self_signed(sans(config)).context("generating a self-signed certificate")?;
            write_private(&key, generated.signing_key.serialize_pem().as_bytes(), 0o400)?;
            write_private(&cert, generated.cert.pem().as_bytes(), 0o444)?;
            write_private(&names_file, wanted.as_bytes(), 0o644)?;
            tracing::info!(path = %cert.display(), names = %sans(config).join(", "), "generated a self-signed certificate");
        }
        (cert, key, true)
    } else {
        (config.tls.cert_file.clone(), config.tls.key_file.clone(), false)
    };
    let chain: Vec<CertificateDer<'static>> = {
        let pem =
            std::fs::read(&cert_path).with_context(|| format!("reading tls certificate {}", cert_path.display()))?;
        rustls_pemfile::certs(&mut pem.as_slice())
            .collect::<Result<_, _>>()
            .with_context(|| format!("parsing {}", cert_path.display()))?
    };
    if chain.is_empty() {
        return Err(anyhow!("{} holds no PEM certificate", cert_path.display()));
    }
    let key = {
        let pem = std::fs::read(&key_path).with_context(|| format!("reading tls key {}", key_path.display()))?;
        rustls_pemfile::private_key(&mut pem.as_slice())
            .with_context(|| format!("parsing {}", key_path.display()))?
            .ok_or_else(|| anyhow!("{} holds no PEM private key", key_path.display()))?
    };
    let fingerprint = hex::encode(Sha256::digest(chain[0].as_ref()))
        .as_bytes()
        .chunks(2)
        .map(|c| String::from_utf8_lossy(c).to_uppercase())
        .collect::<Vec<_>>()
        .join(":");
    Ok(Material { chain, key, fingerprint, self_signed, cert_path })
}

pub fn server_config(m: &Material) -> Result<rustls::ServerConfig> {
    let mut cfg = rustls::ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .context("choosing TLS versions")?
        .with_no_client_auth()
        .with_single_cert(m.chain.clone(), m.key.clone_key())
        .context("the TLS certificate and key do not match")?;
    cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(cfg)
}
