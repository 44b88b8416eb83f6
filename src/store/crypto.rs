//! Per-person sealing. Each person has a random data key; every stored value that holds their
//! data is sealed with it (XChaCha20-Poly1305, random 192-bit nonce, the tree and record key as
//! associated data so a sealed value cannot be moved to another record). Data keys are wrapped
//! by the master key. Values that must be found by content (a login name, an email) are indexed
//! by a keyed hash, never in plaintext.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use aws_lc_rs::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use zeroize::{Zeroize, ZeroizeOnDrop};

const SEAL_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("sealed value is malformed")]
    Malformed,
    #[error("sealed value failed authentication (wrong key or tampered data)")]
    Authentication,
    #[error("master key file {path}: {reason}")]
    MasterKey { path: String, reason: String },
}

/// 32 secret bytes, wiped from memory when dropped.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SecretKey([u8; 32]);

impl SecretKey {
    pub fn random() -> Self {
        let mut k = [0u8; 32];
        // The thread-local generator is a CSPRNG (ChaCha, seeded and periodically reseeded from
        // the OS): a system call per key and per nonce cost a bulk import ~2% of its CPU.
        rand::thread_rng().fill_bytes(&mut k);
        Self(k)
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let arr: [u8; 32] = bytes.try_into().ok()?;
        Some(Self(arr))
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// XChaCha20-Poly1305 as its draft (draft-irtf-cfrg-xchacha) builds it: HChaCha20 of the key
    /// and the nonce's first 16 bytes gives a subkey for ChaCha20-Poly1305 (RFC 8439) with the
    /// nonce's last 8 bytes. The same bytes as RustCrypto's `XChaCha20Poly1305` (a test checks
    /// both ways), computed by aws-lc: its Poly1305 costs little per message, where RustCrypto's
    /// AVX2 one prepares four powers of the key for each message. Sealing a 256-byte value took
    /// 1.38 µs there, and a contact import seals three values per row.
    fn cipher(&self, nonce: &[u8; NONCE_LEN]) -> (LessSafeKey, Nonce) {
        let (head, tail) = nonce.split_at(16);
        let subkey = zeroize::Zeroizing::new(<[u8; 32]>::from(chacha20::hchacha::<chacha20::cipher::consts::U10>(
            (&self.0).into(),
            head.into(),
        )));
        let key = UnboundKey::new(&CHACHA20_POLY1305, subkey.as_slice())
            .expect("a 32-byte key is what ChaCha20-Poly1305 takes");
        let mut n = [0u8; 12];
        n[4..].copy_from_slice(tail);
        (LessSafeKey::new(key), Nonce::assume_unique_for_key(n))
    }

    /// `[version][nonce][ciphertext+tag]`.
    pub fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::thread_rng().fill_bytes(&mut nonce);
        let (key, n) = self.cipher(&nonce);
        let mut out = Vec::with_capacity(1 + NONCE_LEN + plaintext.len() + TAG_LEN);
        out.push(SEAL_VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(plaintext);
        let tag = key
            .seal_in_place_separate_tag(n, Aad::from(aad), &mut out[1 + NONCE_LEN..])
            .expect("ChaCha20-Poly1305 seals any in-memory buffer");
        out.extend_from_slice(tag.as_ref());
        out
    }

    pub fn open(&self, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if sealed.len() < 1 + NONCE_LEN + TAG_LEN || sealed[0] != SEAL_VERSION {
            return Err(CryptoError::Malformed);
        }
        let (nonce, ct) = sealed[1..].split_at(NONCE_LEN);
        let nonce: &[u8; NONCE_LEN] = nonce.try_into().map_err(|_| CryptoError::Malformed)?;
        let (key, n) = self.cipher(nonce);
        let mut out = ct.to_vec();
        let len = match key.open_in_place(n, Aad::from(aad), &mut out) {
            Ok(plain) => plain.len(),
            Err(_) => {
                out.zeroize();
                return Err(CryptoError::Authentication);
            }
        };
        out.truncate(len);
        Ok(out)
    }

    /// HMAC-SHA256 under this key, with a domain label so uses never collide.
    pub fn mac(&self, domain: &str, parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("any key length");
        mac.update(domain.as_bytes());
        mac.update(&[0]);
        for p in parts {
            mac.update(&(p.len() as u64).to_be_bytes());
            mac.update(p);
        }
        mac.finalize().into_bytes().into()
    }

    fn derive(&self, label: &str) -> SecretKey {
        SecretKey(self.mac("tidings/derive", &[label.as_bytes()]))
    }
}

/// The master key and the keys derived from it.
pub struct Keyring {
    master: SecretKey,
    lookup: SecretKey,
    audit: SecretKey,
    tokens: SecretKey,
    links: SecretKey,
    files: SecretKey,
}

impl Keyring {
    pub fn new(master: SecretKey) -> Self {
        Self {
            lookup: master.derive("lookup"),
            audit: master.derive("audit"),
            tokens: master.derive("tokens"),
            links: master.derive("links"),
            files: master.derive("backup-files"),
            master,
        }
    }

    /// Reads the master key, or creates it (0400) when `create` is set and the file is missing.
    pub fn load_or_create(path: &Path, create: bool) -> Result<(Self, bool), CryptoError> {
        let err = |reason: String| CryptoError::MasterKey { path: path.display().to_string(), reason };
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let decoded = hex::decode(text.trim()).map_err(|_| err("not 64 hex digits".into()))?;
                let key = SecretKey::from_bytes(&decoded).ok_or_else(|| err("not 32 bytes".into()))?;
                Ok((Self::new(key), false))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => {
                let key = SecretKey::random();
                let mut f = OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o400)
                    .open(path)
                    .map_err(|e| err(e.to_string()))?;
                f.write_all(format!("{}\n", hex::encode(key.as_bytes())).as_bytes())
                    .and_then(|_| f.sync_all())
                    .map_err(|e| err(e.to_string()))?;
                Ok((Self::new(key), true))
            }
            Err(e) => Err(err(e.to_string())),
        }
    }

    /// A short public fingerprint so that a swapped master key fails loudly at start.
    pub fn fingerprint(&self) -> String {
        hex::encode(&self.master.mac("tidings/fingerprint", &[])[..12])
    }

    pub fn wrap(&self, person: &[u8], data_key: &SecretKey) -> Vec<u8> {
        self.master.seal(&wrap_aad(person), data_key.as_bytes())
    }

    pub fn unwrap(&self, person: &[u8], wrapped: &[u8]) -> Result<SecretKey, CryptoError> {
        let mut raw = self.master.open(&wrap_aad(person), wrapped)?;
        let key = SecretKey::from_bytes(&raw).ok_or(CryptoError::Malformed);
        raw.zeroize();
        key
    }

    /// Keyed hash for by-value lookups (login names, emails, person ids in journals).
    pub fn lookup_hash(&self, domain: &str, value: &[u8]) -> [u8; 32] {
        self.lookup.mac(domain, &[value])
    }

    pub fn audit_key(&self) -> &SecretKey {
        &self.audit
    }

    pub fn token_hash(&self, secret: &[u8]) -> [u8; 32] {
        self.tokens.mac("tidings/token", &[secret])
    }

    /// HMAC under the key for signed links in mail (`mail::links`): its own key, so a tag
    /// made for a link can never pass for a lookup hash or an API token hash.
    pub fn link_mac(&self, domain: &str, parts: &[&[u8]]) -> [u8; 32] {
        self.links.mac(domain, parts)
    }
}

impl Keyring {
    /// Seals a key file (a certificate's or DKIM private key) for a backup archive, bound to
    /// its place in the data directory: without the master key an archive holds no usable key.
    pub fn seal_file(&self, path: &str, bytes: &[u8]) -> Vec<u8> {
        self.files.seal(&file_aad(path), bytes)
    }

    pub fn open_file(&self, path: &str, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        self.files.open(&file_aad(path), sealed)
    }
}

fn file_aad(path: &str) -> Vec<u8> {
    let mut aad = b"tidings/backup-file/".to_vec();
    aad.extend_from_slice(path.as_bytes());
    aad
}

fn wrap_aad(person: &[u8]) -> Vec<u8> {
    let mut aad = b"tidings/person-key/".to_vec();
    aad.extend_from_slice(person);
    aad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_round_trip_and_tamper_detection() {
        let k = SecretKey::random();
        let sealed = k.seal(b"users\0abc", b"hello");
        assert_eq!(k.open(b"users\0abc", &sealed).unwrap(), b"hello");
        assert!(k.open(b"users\0abd", &sealed).is_err(), "aad binds the record");
        let mut bad = sealed.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert!(k.open(b"users\0abc", &bad).is_err());
        assert!(SecretKey::random().open(b"users\0abc", &sealed).is_err());
    }

    /// The values sealed before aws-lc did the work (by RustCrypto's `XChaCha20Poly1305`) still
    /// open, and RustCrypto opens what is sealed now: the same construction, byte for byte.
    #[test]
    fn the_same_bytes_as_rustcrypto_xchacha20poly1305() {
        use chacha20poly1305::aead::{Aead, KeyInit, Payload};
        use chacha20poly1305::{XChaCha20Poly1305, XNonce};
        for len in [0usize, 1, 15, 16, 63, 64, 65, 300, 4096] {
            let k = SecretKey::random();
            let plain: Vec<u8> = (0..len).map(|i| (i * 7 + len) as u8).collect();
            let aad = format!("contacts\0{len}");
            let theirs = XChaCha20Poly1305::new((&k.0).into());

            let ours = k.seal(aad.as_bytes(), &plain);
            let nonce = XNonce::from_slice(&ours[1..1 + NONCE_LEN]);
            let expected = theirs.encrypt(nonce, Payload { msg: &plain, aad: aad.as_bytes() }).unwrap();
            assert_eq!(&ours[1 + NONCE_LEN..], expected.as_slice(), "len {len}");

            let mut old = vec![SEAL_VERSION];
            old.extend_from_slice(nonce);
            old.extend_from_slice(&expected);
            assert_eq!(k.open(aad.as_bytes(), &old).unwrap(), plain, "len {len}");
        }
    }

    #[test]
    fn wrapped_key_is_bound_to_person() {
        let ring = Keyring::new(SecretKey::random());
        let dk = SecretKey::random();
        let w = ring.wrap(b"p1", &dk);
        assert_eq!(ring.unwrap(b"p1", &w).unwrap().as_bytes(), dk.as_bytes());
        assert!(ring.unwrap(b"p2", &w).is_err());
    }
}
