//! DKIM (RFC 6376) signing with `mail-auth` over aws-lc-rs: RSA-SHA256 by default,
//! Ed25519-SHA256 (RFC 8463) optionally alongside as a second signature. Both relaxed/relaxed.
//!
//! aws-lc-rs signs RSA in constant time at about 3,600 RSA-2048 signatures/s per core here
//! (ring: ~2,000; the `rsa` crate behind lettre's `dkim` feature: ~1,000, and not constant-time,
//! RUSTSEC-2023-0071). It also generates the keys for `tidings dkim generate`.

use std::path::{Path, PathBuf};

use mail_auth::common::crypto::{Ed25519Key, RsaKey, Sha256};
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::{DkimSigner, Done};

use crate::config::DkimConfig;

/// Headers covered by the signatures (those present in the message): the ones a receiver shows
/// or acts on, the MIME structure, and RFC 8058's List-Unsubscribe pair, so that nobody on the
/// way can point the unsubscribe link elsewhere.
pub const SIGNED_HEADERS: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "Reply-To",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "List-Id",
    "Feedback-ID",
];

#[derive(Debug, thiserror::Error)]
pub enum DkimError {
    #[error("DKIM key file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("DKIM key {what}: {reason}")]
    Key { what: String, reason: String },
    #[error("DKIM signing failed: {0}")]
    Sign(String),
    #[error("{0} exists; refusing to overwrite a key (delete it first if you really mean to replace it)")]
    Exists(PathBuf),
    #[error("writing {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// Signs messages for one domain with one or two keys. `Send + Sync`, cheap to share.
pub struct Signer {
    domain: String,
    rsa: Option<DkimSigner<RsaKey<Sha256>, Done>>,
    ed25519: Option<DkimSigner<Ed25519Key, Done>>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("domain", &self.domain)
            .field("rsa", &self.rsa.as_ref().map(|s| &s.template.s))
            .field("ed25519", &self.ed25519.as_ref().map(|s| &s.template.s))
            .finish()
    }
}

impl Signer {
    /// The signer the config describes; `None` when `mail.dkim.domain` is empty.
    pub fn from_config(cfg: &DkimConfig) -> Result<Option<Self>, DkimError> {
        if cfg.domain.is_empty() {
            return Ok(None);
        }
        let rsa_pem = read(&cfg.key_file)?;
        let ed_pem = if cfg.ed25519_selector.is_empty() { None } else { Some(read(&cfg.ed25519_key_file)?) };
        Self::from_pem(
            &cfg.domain,
            Some((cfg.selector.as_str(), rsa_pem.as_str())),
            ed_pem.as_deref().map(|pem| (cfg.ed25519_selector.as_str(), pem)),
        )
        .map(Some)
    }

    /// Keys as PEM: RSA in PKCS#8 or PKCS#1, Ed25519 in PKCS#8.
    pub fn from_pem(domain: &str, rsa: Option<(&str, &str)>, ed25519: Option<(&str, &str)>) -> Result<Self, DkimError> {
        let rsa = match rsa {
            None => None,
            Some((selector, pem)) => {
                let der = private_key_der(pem, "RSA")?;
                let key = RsaKey::<Sha256>::from_key_der(der)
                    .map_err(|e| DkimError::Key { what: "RSA".into(), reason: e.to_string() })?;
                Some(
                    DkimSigner::from_key(key).domain(domain).selector(selector).headers(SIGNED_HEADERS.iter().copied()),
                )
            }
        };
        let ed25519 = match ed25519 {
            None => None,
            Some((selector, pem)) => {
                let der = private_key_der(pem, "Ed25519")?;
                let rustls::pki_types::PrivateKeyDer::Pkcs8(der) = der else {
                    return Err(DkimError::Key { what: "Ed25519".into(), reason: "expected a PKCS#8 key".into() });
                };
                let key = Ed25519Key::from_pkcs8_maybe_unchecked_der(der.secret_pkcs8_der())
                    .map_err(|e| DkimError::Key { what: "Ed25519".into(), reason: e.to_string() })?;
                Some(
                    DkimSigner::from_key(key).domain(domain).selector(selector).headers(SIGNED_HEADERS.iter().copied()),
                )
            }
        };
        if rsa.is_none() && ed25519.is_none() {
            return Err(DkimError::Key { what: "set".into(), reason: "no key given".into() });
        }
        Ok(Self { domain: domain.to_string(), rsa, ed25519 })
    }

    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The message with its `DKIM-Signature` header(s) in front.
    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>, DkimError> {
        let mut out = Vec::with_capacity(message.len() + 1024);
        self.sign_into(message, &mut out)?;
        Ok(out)
    }

    /// Appends the signature header(s), then the message, to `out`.
    pub fn sign_into(&self, message: &[u8], out: &mut Vec<u8>) -> Result<(), DkimError> {
        if let Some(rsa) = &self.rsa {
            let sig = rsa.sign(message).map_err(|e| DkimError::Sign(e.to_string()))?;
            sig.write_header(out);
        }
        if let Some(ed) = &self.ed25519 {
            let sig = ed.sign(message).map_err(|e| DkimError::Sign(e.to_string()))?;
            sig.write_header(out);
        }
        out.extend_from_slice(message);
        Ok(())
    }
}

fn read(path: &Path) -> Result<String, DkimError> {
    std::fs::read_to_string(path).map_err(|source| DkimError::Read { path: path.to_path_buf(), source })
}

fn private_key_der(pem: &str, what: &str) -> Result<rustls::pki_types::PrivateKeyDer<'static>, DkimError> {
    rustls_pemfile::private_key(&mut pem.as_bytes())
        .map_err(|e| DkimError::Key { what: what.into(), reason: e.to_string() })?
        .ok_or_else(|| DkimError::Key { what: what.into(), reason: "no private key in the PEM text".into() })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Rsa,
    Ed25519,
}

impl Algorithm {
    /// The `k=` tag of the DNS record.
    pub fn tag(self) -> &'static str {
        match self {
            Algorithm::Rsa => "rsa",
            Algorithm::Ed25519 => "ed25519",
        }
    }
}

/// A new key pair and what to publish for it.
pub struct GeneratedKey {
    pub algorithm: Algorithm,
    pub selector: String,
    /// PKCS#8 PEM.
    pub private_pem: String,
    /// Base64 of the public key as DKIM publishes it (SubjectPublicKeyInfo for RSA, the raw
    /// 32 bytes for Ed25519).
    pub public_base64: String,
}

impl GeneratedKey {
    pub fn generate(algorithm: Algorithm, selector: &str) -> Result<Self, DkimError> {
        use base64::Engine;
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        let (private_der, public) = match algorithm {
            Algorithm::Rsa => {
                use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der, PublicKeyX509Der};
                use aws_lc_rs::signature::KeyPair as _;
                let failed = |what: &str| DkimError::Key { what: what.into(), reason: "aws-lc-rs refused".into() };
                let key = aws_lc_rs::rsa::KeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048)
                    .map_err(|_| failed("generation"))?;
                let der: Pkcs8V1Der = key.as_der().map_err(|_| failed("encoding"))?;
                let public: PublicKeyX509Der = key.public_key().as_der().map_err(|_| failed("encoding"))?;
                (der.as_ref().to_vec(), public.as_ref().to_vec())
            }
            Algorithm::Ed25519 => {
                let der = Ed25519Key::generate_pkcs8()
                    .map_err(|e| DkimError::Key { what: "generation".into(), reason: e.to_string() })?;
                let public = Ed25519Key::from_pkcs8_der(&der)
                    .map_err(|e| DkimError::Key { what: "generation".into(), reason: e.to_string() })?
                    .public_key();
                (der, public)
            }
        };
        Ok(Self {
            algorithm,
            selector: selector.to_string(),
            private_pem: pem("PRIVATE KEY", &private_der),
            public_base64: b64(&public),
        })
    }

    /// `s1._domainkey.example.com`
    pub fn dns_name(&self, domain: &str) -> String {
        format!("{}._domainkey.{domain}", self.selector)
    }

    /// The TXT record's text: `v=DKIM1; k=rsa; p=…`.
    pub fn txt_value(&self) -> String {
        format!("v=DKIM1; k={}; p={}", self.algorithm.tag(), self.public_base64)
    }

    /// A zone-file line; the value is split into strings of at most 255 characters, as DNS
    /// requires (an RSA-2048 record is about 400).
    pub fn zone_line(&self, domain: &str) -> String {
        let value = self.txt_value();
        let parts: Vec<String> =
            value.as_bytes().chunks(255).map(|c| format!("\"{}\"", String::from_utf8_lossy(c))).collect();
        format!("{}. 3600 IN TXT ( {} )", self.dns_name(domain), parts.join(" "))
    }

    /// Writes the private key to `path` with mode 0600; never replaces an existing file.
    pub fn write_private(&self, path: &Path) -> Result<(), DkimError> {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut f =
            std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(|source| {
                if source.kind() == std::io::ErrorKind::AlreadyExists {
                    DkimError::Exists(path.to_path_buf())
                } else {
                    DkimError::Write { path: path.to_path_buf(), source }
                }
            })?;
        f.write_all(self.private_pem.as_bytes())
            .and_then(|_| f.sync_all())
            .map_err(|source| DkimError::Write { path: path.to_path_buf(), source })
    }
}

fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_load_and_sign() {
        let rsa = GeneratedKey::generate(Algorithm::Rsa, "s1").unwrap();
        let ed = GeneratedKey::generate(Algorithm::Ed25519, "s1-ed25519").unwrap();
        assert!(rsa.txt_value().starts_with("v=DKIM1; k=rsa; p=MIIBIjAN"), "{}", rsa.txt_value());
        assert!(ed.txt_value().starts_with("v=DKIM1; k=ed25519; p="));
        assert!(rsa.zone_line("example.com").starts_with("s1._domainkey.example.com. 3600 IN TXT ( \""));
        assert!(rsa.zone_line("example.com").matches('"').count() == 4, "split in two strings");
        let signer =
            Signer::from_pem("example.com", Some(("s1", &rsa.private_pem)), Some(("s1-ed25519", &ed.private_pem)))
                .unwrap();
        let msg = b"From: a@example.com\r\nTo: b@example.org\r\nSubject: x\r\n\r\nbody\r\n";
        let signed = String::from_utf8(signer.sign(msg).unwrap()).unwrap();
        assert_eq!(signed.matches("DKIM-Signature:").count(), 2);
        assert!(signed.contains("a=rsa-sha256") && signed.contains("a=ed25519-sha256"));
        assert!(signed.ends_with("\r\n\r\nbody\r\n"));
    }

    #[test]
    fn bad_key_text_is_refused() {
        assert!(matches!(Signer::from_pem("example.com", Some(("s1", "not a key")), None), Err(DkimError::Key { .. })));
    }
}
