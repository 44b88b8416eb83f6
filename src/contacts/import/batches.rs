//! Import batches (tree `imports`: batch id → [`ImportBatch`], plain): file name, options,
//! lawful basis, counts and progress of each import, and where its upload and its bad-row report
//! are kept in the data directory (`<data dir>/imports/`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::MergePolicy;
use crate::store::{Holds, PlainTree, Registration, Result as StoreResult, Store};

pub const TREE: &str = "imports";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "import batches: file name, options, lawful basis, counts, progress",
    holds: Holds::Nothing { why: "counts and options; bad-row reports name line, column and reason, never the value" },
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchStatus {
    Running,
    Done,
    Failed,
    /// The process stopped while it ran; running the same file again finishes it.
    Interrupted,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ImportBatch {
    pub id: String,
    pub file_name: String,
    pub actor: String,
    pub basis: String,
    pub policy: MergePolicy,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub status: BatchStatus,
    pub message: String,
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
    pub suppressed: u64,
    pub invalid: u64,
}

impl ImportBatch {
    pub fn percent(&self) -> u64 {
        if self.bytes_total == 0 {
            return if self.status == BatchStatus::Running { 0 } else { 100 };
        }
        (self.bytes_done * 100 / self.bytes_total).min(100)
    }
}

#[derive(Clone)]
pub struct Imports {
    tree: PlainTree<ImportBatch>,
    dir: PathBuf,
    lock: Arc<Mutex<()>>,
}

impl Imports {
    /// Opens the batch list; batches left running by a stopped process are marked interrupted.
    pub fn open(store: &Store, data_dir: &Path) -> StoreResult<Self> {
        let tree = store.plain::<ImportBatch>(TREE)?;
        let mut touched = false;
        for item in tree.iter() {
            let (k, mut b) = item?;
            if b.status == BatchStatus::Running {
                b.status = BatchStatus::Interrupted;
                b.message = "Tidings stopped while this import ran. Import the same file again to finish it: rows already imported are recognised by email and not duplicated.".into();
                tree.put(&k, &b)?;
                touched = true;
            }
        }
        if touched {
            store.commit()?;
        }
        Ok(Self { tree, dir: data_dir.join("imports"), lock: Arc::new(Mutex::new(())) })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Held while an import runs: one at a time.
    pub(super) fn one_at_a_time(&self) -> MutexGuard<'_, ()> {
        self.lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn get(&self, id: &str) -> StoreResult<Option<ImportBatch>> {
        self.tree.get(id.as_bytes())
    }

    /// Newest first.
    pub fn recent(&self, limit: usize) -> StoreResult<Vec<ImportBatch>> {
        let mut out = Vec::new();
        for item in self.tree.iter().rev() {
            out.push(item?.1);
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    /// Writes a batch's record (uncommitted).
    pub(super) fn put(&self, b: &ImportBatch) -> StoreResult<()> {
        self.tree.put(b.id.as_bytes(), b)
    }

    /// Where a batch's bad-row report is written.
    pub fn report_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.errors.csv"))
    }

    /// Where an uploaded file waits for its mapping.
    pub fn upload_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.upload.csv"))
    }
}

pub fn new_batch_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Is this a batch id we issued (and so safe to put in a path)?
pub fn valid_batch_id(id: &str) -> bool {
    uuid::Uuid::parse_str(id).is_ok() && id.len() == 36
}
