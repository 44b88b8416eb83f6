//! The job log: when each scheduled job last ran and how it went (tree `jobs`: job name →
//! [`JobRun`], plain). The dashboard shows the last backup from it, Settings → Email the bounce
//! mailbox's last poll.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const TREE: &str = "jobs";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "when each scheduled job last ran and how it went",
    holds: Holds::Nothing { why: "job names, times and counts only" },
};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JobRun {
    pub job: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub ok: bool,
    pub message: String,
}

#[derive(Clone)]
pub struct JobLog {
    tree: PlainTree<JobRun>,
}

impl JobLog {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(TREE)? })
    }

    pub fn record(&self, run: &JobRun) -> Result<()> {
        self.tree.put(run.job.as_bytes(), run)
    }

    pub fn last(&self, job: &str) -> Result<Option<JobRun>> {
        self.tree.get(job.as_bytes())
    }
}
