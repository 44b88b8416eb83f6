//! CSV import: streaming, with delimiter and header detection, column mapping, a merge policy,
//! the lawful basis recorded, suppressed addresses skipped, and a report of every bad row.

use std::path::{Path, PathBuf};

use crate::store::{Holds, PlainTree, Registration, Result, Store};

pub const TREE: &str = "imports";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "import batches: file name, options, lawful basis, counts, progress",
    holds: Holds::Nothing { why: "counts and options; bad-row reports name line, column and reason, never the value" },
};

#[derive(Clone)]
pub struct Imports {
    pub(crate) tree: PlainTree<Vec<u8>>,
    pub(crate) dir: PathBuf,
}

impl Imports {
    pub fn open(store: &Store, data_dir: &Path) -> Result<Self> {
        Ok(Self { tree: store.plain(TREE)?, dir: data_dir.join("imports") })
    }
}
