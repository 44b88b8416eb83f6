//! The media library's repository: records in sled (tree `media`: media id → [`Media`],
//! plain) and files in the data directory (`<data dir>/media/<id>.<ext>`), which backups carry
//! ([`DIR`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::{Media, MediaId};
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store, StoreError};

pub const TREE: &str = "media";
/// The folder of the data directory that holds the image files.
pub const DIR: &str = "media";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "the media library: images for campaigns, their names, alt texts and sizes",
    holds: Holds::Nothing {
        why: "pictures staff upload for mailings, re-encoded without their metadata (no EXIF position); \
              the uploader is a staff account reference, as on campaigns",
    },
};

/// The repository: records in sled, files in the data directory.
pub struct MediaLibrary {
    records: PlainTree<Media>,
    dir: PathBuf,
    /// One image is decoded at a time: a 40-megapixel decode holds a few hundred megabytes,
    /// and several at once could take the machine's memory.
    processing: Mutex<()>,
}

fn io_err(context: &str, path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Flush(format!("{context} {}: {e}", path.display()))
}

impl MediaLibrary {
    pub fn open(store: &Store, data_dir: &Path) -> Result<Self> {
        Ok(Self { records: store.plain(TREE)?, dir: data_dir.join(DIR), processing: Mutex::new(()) })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Held while an image is decoded.
    pub(super) fn decoding(&self) -> MutexGuard<'_, ()> {
        self.processing.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Newest first.
    pub fn list(&self) -> Result<Vec<Media>> {
        let mut all = self.records.iter().map(|r| r.map(|(_, m)| m)).collect::<Result<Vec<_>>>()?;
        all.sort_by_key(|m| std::cmp::Reverse(m.uploaded_at));
        Ok(all)
    }

    pub fn get(&self, id: &MediaId) -> Result<Option<Media>> {
        self.records.get(id.as_bytes())
    }

    pub fn file_path(&self, m: &Media) -> PathBuf {
        self.dir.join(format!("{}.{}", m.id, m.format.extension()))
    }

    pub fn read(&self, m: &Media) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.file_path(m))
    }

    /// The file first (written aside, synced, renamed), then the record: a crash in between
    /// leaves a file no record names, never a record without its file.
    pub(super) fn add(&self, m: &Media, bytes: &[u8]) -> Result<()> {
        use std::os::unix::fs::OpenOptionsExt;
        crate::store::ensure_private_dir(&self.dir).map_err(|e| io_err("creating", &self.dir, e))?;
        let path = self.file_path(m);
        let tmp = path.with_extension("tmp");
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o640)
            .open(&tmp)
            .and_then(|mut f| f.write_all(bytes).and_then(|_| f.sync_all()))
            .and_then(|_| std::fs::rename(&tmp, &path));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(io_err("writing", &path, e));
        }
        if let Ok(d) = std::fs::File::open(&self.dir) {
            let _ = d.sync_all();
        }
        self.records.put(m.id.as_bytes(), m)
    }

    pub(super) fn save(&self, m: &Media) -> Result<()> {
        self.records.put(m.id.as_bytes(), m)
    }

    /// The record first, then the file: a crash in between leaves an orphan file, never a
    /// record whose address answers 404.
    pub(super) fn remove(&self, store: &Store, m: &Media) -> Result<()> {
        self.records.remove(m.id.as_bytes())?;
        store.commit()?;
        match std::fs::remove_file(self.file_path(m)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_err("removing", &self.file_path(m), e)),
            _ => Ok(()),
        }
    }
}
