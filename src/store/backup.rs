//! Backups and restores, and the erasure journal that keeps erased people erased.
//!
//! An archive is a consistent cut of every tree (writers pause while it is copied to a scratch
//! file; compression and encryption run after they resume), gzip
//! compressed and, with a key file, encrypted with XChaCha20-Poly1305 in the STREAM construction
//! (64 KiB chunks; truncation, reordering and tampering are detected). The search index is derived
//! data and is not archived.
//!
//! Layout: `TDGBAK1\n`, one mode byte (0 plain, 1 encrypted), for encrypted archives a 19-byte
//! stream nonce followed by chunks `[last: u8][len: u32 BE][ciphertext]`; inside, a gzip stream
//! of length-prefixed postcard frames: a header, then per tree its name and its entries, then the
//! server's key files (its self-signed certificate and DKIM keys, each sealed with a key derived
//! from the master key), then content files (the media library's images, as they are), then an
//! end frame with the entry count.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::KeyInit;
use chacha20poly1305::XChaCha20Poly1305;
use chrono::{DateTime, Utc};
use rand::RngCore;
use serde::{Deserialize, Serialize};

use super::{migrations, Keyring, Registry, SecretKey, Store, StoreError};
use crate::domain::PersonId;

const MAGIC: &[u8; 8] = b"TDGBAK1\n";
const CHUNK: usize = 64 * 1024;
const FORMAT: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error("{0}")]
    Invalid(String),
}

fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> BackupError {
    let context = context.into();
    move |source| BackupError::Io { context, source }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    pub schema_version: u32,
    pub created_at: DateTime<Utc>,
    pub master_key_fingerprint: String,
    pub tidings_version: String,
}

#[derive(Serialize, Deserialize)]
enum Frame {
    Header(Header),
    Tree(String),
    Entry(Vec<u8>, Vec<u8>),
    End {
        entries: u64,
    },
    /// A key file under the data directory (`tls/key.pem`), sealed, with its Unix mode. Last
    /// variant: archives from before it still read.
    File {
        path: String,
        mode: u32,
        sealed: Vec<u8>,
    },
    /// A content file under the data directory (`media/<id>.png`), as it is: images uploaded
    /// for mailings, no secret and no personal data. Last variant, for the same reason.
    Content {
        path: String,
        bytes: Vec<u8>,
    },
}

/// Folders of the data directory whose files are the server's identity: the self-signed
/// certificate (its fingerprint is what people compared) and the DKIM keys (the public halves
/// are in DNS). Restored with the store, so a restored server is the same server.
const KEY_DIRS: &[&str] = &["tls", "dkim"];
const MAX_KEY_FILE: u64 = 1 << 20;

// Folders of the data directory whose files are content the store's records point to (the
// media library's images, its records name them by id) are the registry's `content_dirs`. Only
// files named as their owner names them are archived and restored: `<32 hex digits>.<extension>`.
/// An upload is at most 10 MiB and is stored re-encoded; anything much larger is not ours.
const MAX_CONTENT_FILE: u64 = 64 << 20;

fn content_name_ok(name: &str) -> bool {
    let Some((stem, ext)) = name.split_once('.') else { return false };
    stem.len() == 32
        && stem.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && ["png", "jpg", "gif", "webp"].contains(&ext)
}

/// The content files present now (data-dir-relative paths). Listed while writers are paused,
/// so that the archive holds the files of the records it holds; read afterwards (they are
/// never rewritten, only removed).
fn content_files(data_dir: &Path, dirs: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(read) = std::fs::read_dir(data_dir.join(dir)) else { continue };
        for entry in read.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_string) else { continue };
            if content_name_ok(&name) && entry.file_type().is_ok_and(|t| t.is_file()) {
                out.push(format!("{dir}/{name}"));
            }
        }
    }
    out.sort();
    out
}

/// Where a content folder is rebuilt during a restore, beside the one it replaces.
fn content_staging(data_dir: &Path, dir: &str) -> PathBuf {
    data_dir.join(format!("{dir}.restoring"))
}

/// Writes a restored content file into its folder's staging copy, as it is read from the
/// archive (an archive's images are never all held in memory).
fn stage_content_file(data_dir: &Path, dirs: &[&str], path: &str, bytes: &[u8]) -> Result<(), BackupError> {
    use std::os::unix::fs::OpenOptionsExt;
    let (dir, name) = path
        .split_once('/')
        .filter(|(d, n)| dirs.contains(d) && content_name_ok(n))
        .ok_or_else(|| BackupError::Invalid(format!("the archive names a file outside the content folders: {path}")))?;
    let folder = content_staging(data_dir, dir);
    super::ensure_private_dir(&folder).map_err(io(format!("creating {}", folder.display())))?;
    let target = folder.join(name);
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o640)
        .open(&target)
        .map_err(io(format!("writing {}", target.display())))?;
    f.write_all(bytes).and_then(|_| f.sync_all()).map_err(io(format!("writing {}", target.display())))
}

/// Puts the staged content folders in place of the old ones (moved aside, like the store).
fn swap_in_content(data_dir: &Path, dirs: &[&str], stamp: &str) -> Result<(), BackupError> {
    for dir in dirs {
        let live = data_dir.join(dir);
        let staged = content_staging(data_dir, dir);
        if live.exists() {
            std::fs::rename(&live, data_dir.join(format!("{dir}.replaced-{stamp}")))
                .map_err(io(format!("moving the old {dir} folder aside")))?;
        }
        if staged.exists() {
            std::fs::rename(&staged, &live).map_err(io(format!("putting the restored {dir} folder in place")))?;
        }
    }
    Ok(())
}

/// The key files to archive: regular files directly in [`KEY_DIRS`], by data-dir-relative path.
fn key_files(data_dir: &Path) -> Result<Vec<(String, u32, Vec<u8>)>, BackupError> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    for dir in KEY_DIRS {
        let Ok(read) = std::fs::read_dir(data_dir.join(dir)) else { continue };
        for entry in read.flatten() {
            let meta = entry.metadata().map_err(io(format!("reading {}", entry.path().display())))?;
            let Some(name) = entry.file_name().to_str().map(str::to_string) else { continue };
            if !meta.is_file() || meta.len() > MAX_KEY_FILE || name.ends_with(".tmp") {
                continue;
            }
            let bytes = std::fs::read(entry.path()).map_err(io(format!("reading {}", entry.path().display())))?;
            out.push((format!("{dir}/{name}"), meta.permissions().mode() & 0o777, bytes));
        }
    }
    out.sort();
    Ok(out)
}

/// Puts a restored key file back, replacing what a fresh start may have generated there.
fn put_key_file(data_dir: &Path, path: &str, mode: u32, bytes: &[u8]) -> Result<(), BackupError> {
    use std::os::unix::fs::OpenOptionsExt;
    let (dir, name) = path.split_once('/').ok_or_else(|| BackupError::Invalid(format!("bad key file path {path}")))?;
    if !KEY_DIRS.contains(&dir) || name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return Err(BackupError::Invalid(format!("the archive names a file outside the key folders: {path}")));
    }
    let folder = data_dir.join(dir);
    super::ensure_private_dir(&folder).map_err(io(format!("creating {}", folder.display())))?;
    let tmp = folder.join(format!("{name}.tmp"));
    let _ = std::fs::remove_file(&tmp);
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(io(format!("writing {}", tmp.display())))?;
    f.write_all(bytes).and_then(|_| f.sync_all()).map_err(io(format!("writing {}", tmp.display())))?;
    drop(f);
    std::fs::set_permissions(&tmp, std::os::unix::fs::PermissionsExt::from_mode(mode & 0o777))
        .map_err(io(format!("setting the mode of {}", tmp.display())))?;
    let target = folder.join(name);
    std::fs::rename(&tmp, &target).map_err(io(format!("putting {} in place", target.display())))
}

#[derive(Debug, Clone, Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub entries: u64,
    pub bytes: u64,
    pub encrypted: bool,
    pub created_at: DateTime<Utc>,
    /// How long writers waited while the trees were copied.
    pub paused_ms: u64,
}

/// Reads a backup key file: 64 hex digits (as `tidings backup keygen` writes).
pub fn read_key_file(path: &Path) -> Result<SecretKey, BackupError> {
    let text = std::fs::read_to_string(path).map_err(io(format!("reading key file {}", path.display())))?;
    let bytes = hex::decode(text.trim())
        .map_err(|_| BackupError::Invalid(format!("key file {}: expected 64 hex digits", path.display())))?;
    SecretKey::from_bytes(&bytes)
        .ok_or_else(|| BackupError::Invalid(format!("key file {}: expected 32 bytes", path.display())))
}

/// Writes a new random key file (0400).
pub fn generate_key_file(path: &Path) -> Result<(), BackupError> {
    use std::os::unix::fs::OpenOptionsExt;
    let key = SecretKey::random();
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o400)
        .open(path)
        .map_err(io(format!("creating {}", path.display())))?;
    f.write_all(format!("{}\n", hex::encode(key.as_bytes())).as_bytes())
        .map_err(io(format!("writing {}", path.display())))
}

// ---------------------------------------------------------------------------------------------
// Encryption adapters over the aead crate's STREAM construction.

struct EncryptWriter<W: Write> {
    inner: W,
    enc: Option<EncryptorBE32<XChaCha20Poly1305>>,
    buf: Vec<u8>,
}

impl<W: Write> EncryptWriter<W> {
    fn new(mut inner: W, key: &SecretKey) -> std::io::Result<Self> {
        let mut nonce = [0u8; 19];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        inner.write_all(&nonce)?;
        let aead = XChaCha20Poly1305::new(key.as_bytes().into());
        Ok(Self { inner, enc: Some(EncryptorBE32::from_aead(aead, (&nonce).into())), buf: Vec::with_capacity(CHUNK) })
    }

    fn emit(&mut self, last: bool) -> std::io::Result<()> {
        let chunk: Vec<u8> = if last { std::mem::take(&mut self.buf) } else { self.buf.drain(..CHUNK).collect() };
        let ct = if last {
            self.enc.take().expect("last chunk written once").encrypt_last(chunk.as_slice())
        } else {
            self.enc.as_mut().expect("stream open").encrypt_next(chunk.as_slice())
        }
        .map_err(|_| std::io::Error::other("encryption failed"))?;
        self.inner.write_all(&[last as u8])?;
        self.inner.write_all(&(ct.len() as u32).to_be_bytes())?;
        self.inner.write_all(&ct)
    }

    fn finish(mut self) -> std::io::Result<W> {
        self.emit(true)?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for EncryptWriter<W> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        while self.buf.len() > CHUNK {
            self.emit(false)?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

struct DecryptReader<R: Read> {
    inner: R,
    dec: Option<DecryptorBE32<XChaCha20Poly1305>>,
    plain: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> DecryptReader<R> {
    fn new(mut inner: R, key: &SecretKey) -> std::io::Result<Self> {
        let mut nonce = [0u8; 19];
        inner.read_exact(&mut nonce)?;
        let aead = XChaCha20Poly1305::new(key.as_bytes().into());
        Ok(Self {
            inner,
            dec: Some(DecryptorBE32::from_aead(aead, (&nonce).into())),
            plain: Vec::new(),
            pos: 0,
            done: false,
        })
    }
}

impl<R: Read> Read for DecryptReader<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.plain.len() {
            if self.done {
                return Ok(0);
            }
            let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
            let mut head = [0u8; 5];
            self.inner.read_exact(&mut head).map_err(|_| bad("archive is truncated"))?;
            let len = u32::from_be_bytes(head[1..5].try_into().expect("4 bytes")) as usize;
            if len > CHUNK + 16 {
                return Err(bad("archive chunk is too large"));
            }
            let mut ct = vec![0u8; len];
            self.inner.read_exact(&mut ct).map_err(|_| bad("archive is truncated"))?;
            let wrong = || bad("archive cannot be decrypted: wrong key file, or the archive was altered");
            self.plain = if head[0] == 1 {
                self.done = true;
                self.dec.take().ok_or_else(wrong)?.decrypt_last(ct.as_slice()).map_err(|_| wrong())?
            } else {
                self.dec.as_mut().ok_or_else(wrong)?.decrypt_next(ct.as_slice()).map_err(|_| wrong())?
            };
            self.pos = 0;
        }
        let n = out.len().min(self.plain.len() - self.pos);
        out[..n].copy_from_slice(&self.plain[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

fn write_frame(w: &mut impl Write, frame: &Frame) -> Result<(), BackupError> {
    let bytes = postcard::to_allocvec(frame).map_err(StoreError::from)?;
    w.write_all(&(bytes.len() as u32).to_be_bytes()).map_err(io("writing archive"))?;
    w.write_all(&bytes).map_err(io("writing archive"))
}

fn read_frame(r: &mut impl Read) -> Result<Frame, BackupError> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => BackupError::Invalid("archive is truncated".into()),
        _ => BackupError::Invalid(format!("archive is unreadable: {e}")),
    })?;
    let len = u32::from_be_bytes(len) as usize;
    if len > 256 * 1024 * 1024 {
        return Err(BackupError::Invalid("archive frame is implausibly large (corrupt archive?)".into()));
    }
    let mut buf = vec![0u8; len];
    r.read_exact(&mut buf).map_err(|e| BackupError::Invalid(format!("archive is truncated or corrupt: {e}")))?;
    postcard::from_bytes(&buf).map_err(|_| BackupError::Invalid("archive frame is corrupt".into()))
}

// ---------------------------------------------------------------------------------------------

/// Writes a consistent archive of the whole store to `path` (via a temporary file and rename).
pub fn create(store: &Store, path: &Path, key: Option<&SecretKey>) -> Result<BackupReport, BackupError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        super::ensure_private_dir(parent).map_err(io(format!("creating {}", parent.display())))?;
    }
    let tmp = path.with_extension("partial");
    let file = {
        use std::os::unix::fs::OpenOptionsExt;
        OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&tmp)
    }
    .map_err(io(format!("creating {}", tmp.display())))?;
    let mut out = BufWriter::new(file);
    out.write_all(MAGIC).map_err(io("writing archive"))?;
    out.write_all(&[key.is_some() as u8]).map_err(io("writing archive"))?;
    let created_at = Utc::now();
    let header = Header {
        format: FORMAT,
        schema_version: migrations::current(store.db())?,
        created_at,
        master_key_fingerprint: store.keyring().fingerprint(),
        tidings_version: env!("CARGO_PKG_VERSION").to_string(),
    };

    // Phase 1, writers paused: copy every tree, uncompressed, to a private scratch file. This is
    // the consistent cut, and it costs only a sequential read and write.
    let scratch = path.with_extension("scratch");
    let data_dir = store.path().parent().unwrap_or(Path::new("."));
    let mut entries = 0u64;
    let mut contents = Vec::new();
    let paused = std::time::Instant::now();
    let copied = (|| -> Result<(), BackupError> {
        let raw = {
            use std::os::unix::fs::OpenOptionsExt;
            OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&scratch)
        }
        .map_err(io(format!("creating {}", scratch.display())))?;
        let mut raw = BufWriter::with_capacity(1 << 20, raw);
        let _frozen = store.freeze();
        for name in store.db().tree_names() {
            let name = String::from_utf8_lossy(&name).into_owned();
            if name == "__sled__default" {
                continue;
            }
            let tree = store.db().open_tree(&name).map_err(StoreError::from)?;
            write_frame(&mut raw, &Frame::Tree(name))?;
            for item in tree.iter() {
                let (k, v) = item.map_err(StoreError::from)?;
                write_frame(&mut raw, &Frame::Entry(k.to_vec(), v.to_vec()))?;
                entries += 1;
            }
        }
        contents = content_files(data_dir, store.registry().content_dirs);
        drop(_frozen);
        raw.flush().map_err(io("writing scratch copy"))?;
        Ok(())
    })();
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&scratch);
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let paused_ms = paused.elapsed().as_millis() as u64;
    let files = match key_files(data_dir) {
        Ok(f) => f,
        Err(e) => {
            let _ = std::fs::remove_file(&scratch);
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    // Phase 2, writers running again: compress (and encrypt) the copy into the archive.
    let result = (|| -> Result<u64, BackupError> {
        let body = |w: &mut dyn Write| -> Result<(), BackupError> {
            let mut gz = flate2::write::GzEncoder::new(w, flate2::Compression::fast());
            write_frame(&mut gz, &Frame::Header(header.clone()))?;
            let mut copy = BufReader::with_capacity(1 << 20, File::open(&scratch).map_err(io("reading scratch copy"))?);
            std::io::copy(&mut copy, &mut gz).map_err(io("compressing archive"))?;
            for (path, mode, bytes) in &files {
                let sealed = store.keyring().seal_file(path, bytes);
                write_frame(&mut gz, &Frame::File { path: path.clone(), mode: *mode, sealed })?;
            }
            for path in &contents {
                let full = data_dir.join(path);
                // Deleted since the cut: its record is in the archive no more than it is here.
                let Ok(meta) = std::fs::metadata(&full) else { continue };
                if meta.len() > MAX_CONTENT_FILE {
                    continue;
                }
                let bytes = match std::fs::read(&full) {
                    Ok(b) => b,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(io(format!("reading {}", full.display()))(e)),
                };
                write_frame(&mut gz, &Frame::Content { path: path.clone(), bytes })?;
            }
            write_frame(&mut gz, &Frame::End { entries })?;
            gz.finish().map_err(io("compressing archive"))?;
            Ok(())
        };
        let file = match key {
            Some(k) => {
                let mut enc = EncryptWriter::new(out, k).map_err(io("writing archive"))?;
                body(&mut enc)?;
                enc.finish().map_err(io("writing archive"))?
            }
            None => {
                body(&mut out)?;
                out
            }
        };
        let file = file
            .into_inner()
            .map_err(|e| BackupError::Io { context: "writing archive".into(), source: e.into_error() })?;
        file.sync_all().map_err(io("syncing archive"))?;
        let bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
        std::fs::rename(&tmp, path).map_err(io(format!("renaming to {}", path.display())))?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if let Ok(d) = File::open(parent) {
                let _ = d.sync_all();
            }
        }
        Ok(bytes)
    })();
    let _ = std::fs::remove_file(&scratch);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    let bytes = result?;
    tracing::info!(entries, bytes, paused_ms, "backup written");
    Ok(BackupReport { path: path.to_path_buf(), entries, bytes, encrypted: key.is_some(), created_at, paused_ms })
}

fn open_reader(path: &Path, key: Option<&SecretKey>) -> Result<Box<dyn Read>, BackupError> {
    let mut f = BufReader::new(File::open(path).map_err(io(format!("opening {}", path.display())))?);
    let mut magic = [0u8; 9];
    f.read_exact(&mut magic)
        .map_err(|_| BackupError::Invalid(format!("{} is not a Tidings backup", path.display())))?;
    if &magic[..8] != MAGIC {
        return Err(BackupError::Invalid(format!("{} is not a Tidings backup", path.display())));
    }
    let inner: Box<dyn Read> = match (magic[8], key) {
        (0, _) => Box::new(f),
        (1, Some(k)) => Box::new(DecryptReader::new(f, k).map_err(io("reading archive"))?),
        (1, None) => {
            return Err(BackupError::Invalid("this archive is encrypted: pass its key file with --key-file".into()))
        }
        _ => return Err(BackupError::Invalid("unknown archive mode".into())),
    };
    Ok(Box::new(flate2::read::GzDecoder::new(inner)))
}

/// Reads only the header (for listings and checks).
pub fn read_header(path: &Path, key: Option<&SecretKey>) -> Result<Header, BackupError> {
    let mut r = open_reader(path, key)?;
    match read_frame(&mut r)? {
        Frame::Header(h) => Ok(h),
        _ => Err(BackupError::Invalid("archive does not start with a header".into())),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RestoreReport {
    pub entries: u64,
    pub archive_created_at: DateTime<Utc>,
    pub erasures_reapplied: usize,
    /// The certificate and DKIM key files put back (data-dir-relative paths).
    pub key_files: Vec<String>,
    /// Content files (media library images) put back.
    pub content_files: usize,
}

pub struct RestoreOptions<'a> {
    pub archive: &'a Path,
    pub data_dir: &'a Path,
    pub key: Option<&'a SecretKey>,
    pub master_key: &'a Path,
    pub journal: &'a Path,
    /// Replace an existing (stopped) store; the old one is moved aside, not deleted.
    pub force: bool,
    /// The application's registry, as every opening of the store is given it: the restored
    /// store is opened with it, and its content folders are the ones put back.
    pub registry: &'static Registry,
}

/// Rebuilds a data directory from an archive, then re-applies every erasure journalled after
/// the archive was taken.
pub fn restore(opts: &RestoreOptions) -> Result<RestoreReport, BackupError> {
    let target = opts.data_dir.join("db");
    if target.exists() {
        // A running server holds sled's lock: opening tells live from stopped.
        // No background flusher for these short-lived handles: with one, sled can hold its lock
        // for a moment after the handle is dropped, and the next open would find it taken.
        match sled::Config::new().path(&target).flush_every_ms(None).open() {
            Err(_) => {
                return Err(BackupError::Invalid(format!(
                    "{} is in use by a running Tidings; stop it before restoring",
                    opts.data_dir.display()
                )))
            }
            Ok(db) => drop(db),
        }
        if !opts.force {
            return Err(BackupError::Invalid(format!(
                "{} already holds a store; pass --force to replace it (the old one is kept beside it)",
                opts.data_dir.display()
            )));
        }
    }
    let (keyring, _) = Keyring::load_or_create(opts.master_key, false).map_err(|e| {
        BackupError::Invalid(format!(
            "{e}. The master key is not in the archive: copy master.key from the original server (or pass --master-key)"
        ))
    })?;
    let mut r = open_reader(opts.archive, opts.key)?;
    let header = match read_frame(&mut r)? {
        Frame::Header(h) => h,
        _ => return Err(BackupError::Invalid("archive does not start with a header".into())),
    };
    if header.format != FORMAT {
        return Err(BackupError::Invalid(format!("archive format {} is not supported", header.format)));
    }
    if header.schema_version > migrations::latest() {
        return Err(StoreError::Downgrade { found: header.schema_version, known: migrations::latest() }.into());
    }
    if header.master_key_fingerprint != keyring.fingerprint() {
        return Err(BackupError::Invalid(format!(
            "the archive was made with master key {} but {} holds {}",
            header.master_key_fingerprint,
            opts.master_key.display(),
            keyring.fingerprint()
        )));
    }
    super::ensure_private_dir(opts.data_dir).map_err(io("creating data directory"))?;
    let staging = opts.data_dir.join("db.restoring");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io("removing an earlier unfinished restore"))?;
    }
    let mut entries = 0u64;
    let mut files = Vec::new();
    let mut contents = 0usize;
    let content_dirs = opts.registry.content_dirs;
    for dir in content_dirs {
        let staged = content_staging(opts.data_dir, dir);
        if staged.exists() {
            std::fs::remove_dir_all(&staged).map_err(io("removing an earlier unfinished restore"))?;
        }
    }
    {
        let db = sled::Config::new().path(&staging).flush_every_ms(None).open().map_err(StoreError::from)?;
        let mut tree: Option<sled::Tree> = None;
        loop {
            match read_frame(&mut r)? {
                Frame::Header(_) => return Err(BackupError::Invalid("archive has two headers".into())),
                Frame::Tree(name) => tree = Some(db.open_tree(name).map_err(StoreError::from)?),
                Frame::Entry(k, v) => {
                    let t = tree.as_ref().ok_or_else(|| BackupError::Invalid("entry before any tree".into()))?;
                    t.insert(k, v).map_err(StoreError::from)?;
                    entries += 1;
                }
                Frame::File { path, mode, sealed } => {
                    let bytes = keyring.open_file(&path, &sealed).map_err(|_| {
                        BackupError::Invalid(format!(
                            "the key file {path} in the archive does not open with this master key"
                        ))
                    })?;
                    files.push((path, mode, bytes));
                }
                Frame::Content { path, bytes } => {
                    stage_content_file(opts.data_dir, content_dirs, &path, &bytes)?;
                    contents += 1;
                }
                Frame::End { entries: expected } => {
                    if expected != entries {
                        return Err(BackupError::Invalid(format!(
                            "archive says {expected} entries but holds {entries}"
                        )));
                    }
                    break;
                }
            }
        }
        db.flush().map_err(StoreError::from)?;
    }
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    if target.exists() {
        let aside = opts.data_dir.join(format!("db.replaced-{stamp}"));
        std::fs::rename(&target, &aside).map_err(io("moving the old store aside"))?;
    }
    std::fs::rename(&staging, &target).map_err(io("putting the restored store in place"))?;
    swap_in_content(opts.data_dir, content_dirs, &stamp)?;
    for (path, mode, bytes) in &files {
        put_key_file(opts.data_dir, path, *mode, bytes)?;
    }
    // The search index is derived from the store it sat beside; the next start rebuilds it
    // from the restored one.
    let index = opts.data_dir.join("search");
    if index.exists() {
        std::fs::remove_dir_all(&index).map_err(io("removing the old search index"))?;
    }

    let store = Store::open(
        opts.data_dir,
        &super::OpenOptions {
            cache_bytes: 64 << 20,
            master_key: opts.master_key.to_path_buf(),
            create: false,
            registry: opts.registry,
        },
    )?;
    let erased = reapply_erasures(&store, opts.journal, header.created_at)?;
    Ok(RestoreReport {
        entries,
        archive_created_at: header.created_at,
        erasures_reapplied: erased,
        key_files: files.into_iter().map(|(p, _, _)| p).collect(),
        content_files: contents,
    })
}

// ---------------------------------------------------------------------------------------------
// The erasure journal: one JSON line per erasure, holding keyed hashes only.

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JournalEntry {
    pub at: DateTime<Utc>,
    /// Keyed hash of the erased person's id.
    pub person: String,
    /// The suppression tombstone the erasure left (itself a keyed hash of the address), put
    /// back when an older backup is restored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tombstone: Option<String>,
}

pub fn journal_hash(keyring: &Keyring, person: &PersonId) -> String {
    hex::encode(keyring.lookup_hash("tidings/erasure-journal", person.as_bytes()))
}

/// Appends (and syncs) an erasure to the journal. Called before the erasure is confirmed.
/// `tombstone`: the suppression key the erasure wrote, if it suppressed the address.
pub fn journal_erasure(
    keyring: &Keyring,
    journal: &Path,
    person: &PersonId,
    tombstone: Option<&[u8; 32]>,
) -> Result<(), BackupError> {
    if let Some(parent) = journal.parent().filter(|p| !p.as_os_str().is_empty()) {
        super::ensure_private_dir(parent).map_err(io(format!("creating {}", parent.display())))?;
    }
    let entry =
        JournalEntry { at: Utc::now(), person: journal_hash(keyring, person), tombstone: tombstone.map(hex::encode) };
    let mut line = serde_json::to_string(&entry).expect("journal entry serializes");
    line.push('\n');
    let mut f = {
        use std::os::unix::fs::OpenOptionsExt;
        OpenOptions::new().create(true).append(true).mode(0o600).open(journal)
    }
    .map_err(io(format!("opening {}", journal.display())))?;
    f.write_all(line.as_bytes()).map_err(io("writing erasure journal"))?;
    f.sync_data().map_err(io("syncing erasure journal"))
}

pub fn read_journal(journal: &Path) -> Result<Vec<JournalEntry>, BackupError> {
    let text = match std::fs::read_to_string(journal) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(BackupError::Io { context: format!("reading {}", journal.display()), source: e }),
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| BackupError::Invalid(format!("{} line {}: {e}", journal.display(), i + 1)))
        })
        .collect()
}

/// Erases everyone the journal names that was erased after `since`, and puts back the
/// suppression tombstones those erasures left (with their original date, so they expire when
/// they would have). Returns how many people were erased.
pub fn reapply_erasures(store: &Store, journal: &Path, since: DateTime<Utc>) -> Result<usize, BackupError> {
    let later: Vec<JournalEntry> = read_journal(journal)?.into_iter().filter(|e| e.at >= since).collect();
    let suppression = store.tree(store.registry().suppression)?;
    for e in &later {
        let Some(key) = e.tombstone.as_deref().and_then(|t| hex::decode(t).ok()).filter(|k| k.len() == 32) else {
            continue;
        };
        suppression.insert(key, e.at.timestamp().to_be_bytes().as_slice()).map_err(StoreError::from)?;
    }
    let wanted: std::collections::HashSet<String> = later.into_iter().map(|e| e.person).collect();
    if wanted.is_empty() {
        store.commit()?;
        return Ok(0);
    }
    let mut doomed = store.people()?;
    doomed.retain(|person| wanted.contains(&journal_hash(store.keyring(), person)));
    for person in &doomed {
        store.erase_person(person)?;
    }
    store.commit()?;
    Ok(doomed.len())
}

// ---------------------------------------------------------------------------------------------

pub const ARCHIVE_PREFIX: &str = "tidings-";
pub const ARCHIVE_SUFFIX: &str = ".tdgbak";

pub fn create_in_dir(store: &Store, dir: &Path, key: Option<&SecretKey>) -> Result<BackupReport, BackupError> {
    let name = format!("{ARCHIVE_PREFIX}{}{ARCHIVE_SUFFIX}", Utc::now().format("%Y%m%dT%H%M%S%.3fZ"));
    create(store, &dir.join(name), key)
}

/// Keeps the newest `keep` archives (names sort by time); returns how many were removed.
pub fn rotate(dir: &Path, keep: usize) -> Result<usize, BackupError> {
    let mut archives: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(format!("listing {}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(ARCHIVE_PREFIX) && n.ends_with(ARCHIVE_SUFFIX))
        })
        .collect();
    archives.sort();
    let excess = archives.len().saturating_sub(keep.max(1));
    for old in &archives[..excess] {
        std::fs::remove_file(old).map_err(io(format!("removing {}", old.display())))?;
    }
    Ok(excess)
}

/// Archives in a directory, newest first.
pub fn list(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out: Vec<(PathBuf, u64)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name().to_str().is_some_and(|n| n.starts_with(ARCHIVE_PREFIX) && n.ends_with(ARCHIVE_SUFFIX))
        })
        .map(|e| (e.path(), e.metadata().map(|m| m.len()).unwrap_or(0)))
        .collect();
    out.sort();
    out.reverse();
    out
}
