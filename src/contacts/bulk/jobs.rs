//! The record of each bulk action (tree `contact_bulk_jobs`: job id → [`BulkJob`], plain): what
//! was asked, how many contacts, how far it got. A running job writes it with every chunk it
//! commits, so a job cut short by a restart says how many contacts were done.

use uuid::Uuid;

use super::BulkJob;
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const TREE: &str = "contact_bulk_jobs";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "bulk actions on contacts: what was asked, how many, how far each got",
    holds: Holds::Nothing { why: "the action, tag and list names, the filter in words (never search words), counts" },
};

#[derive(Clone)]
pub struct BulkJobs {
    tree: PlainTree<BulkJob>,
}

impl BulkJobs {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(TREE)? })
    }

    pub fn get(&self, id: &Uuid) -> Result<Option<BulkJob>> {
        self.tree.get(id.as_bytes())
    }

    /// Writes the job's record (uncommitted: it is committed with the chunk it reports on).
    pub fn put(&self, job: &BulkJob) -> Result<()> {
        self.tree.put(job.id.as_bytes(), job)
    }
}
