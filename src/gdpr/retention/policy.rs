//! The retention policy: the periods the DPO sets on the retention page (inactive contacts,
//! closed requests, audit entries), kept in tree `retention_policy` under one key (plain). The
//! other periods come from the purposes and the config file.

use std::sync::{Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

use crate::gdpr::erasure::Mode;
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const POLICY_TREE: &str = "retention_policy";
const POLICY_KEY: &[u8] = b"policy";

pub const POLICY_REGISTRATION: Registration = Registration {
    tree: POLICY_TREE,
    purpose: "the retention periods the DPO chose (inactive contacts, closed requests, audit entries)",
    holds: Holds::Nothing { why: "periods and choices of the controller" },
};

/// What happens to contacts inactive for longer than their period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InactiveAction {
    /// Erased, and what they contributed to campaign and site totals taken out again.
    Delete,
    /// Erased; campaign and site totals keep counting what they did.
    Anonymise,
}

impl InactiveAction {
    pub fn as_str(&self) -> &'static str {
        match self {
            InactiveAction::Delete => "delete",
            InactiveAction::Anonymise => "anonymise",
        }
    }

    pub fn mode(&self) -> Mode {
        match self {
            InactiveAction::Delete => Mode::Erase,
            InactiveAction::Anonymise => Mode::Anonymise,
        }
    }
}

/// The periods the DPO sets in the UI (the others come from purposes and the config file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Days without activity after which a contact goes; 0 turns the rule off.
    pub inactive_days: u32,
    pub inactive_action: InactiveAction,
    /// Days a closed privacy request is kept (proof of how it was handled).
    pub closed_request_days: u32,
    /// Days an audit entry is kept.
    pub audit_days: u32,
}

impl Default for Policy {
    fn default() -> Self {
        // Requests: three years, the usual limitation period for claims about how one was
        // handled; the audit log: two years.
        Self {
            inactive_days: 0,
            inactive_action: InactiveAction::Anonymise,
            closed_request_days: 1095,
            audit_days: 730,
        }
    }
}

pub const MAX_DAYS: u32 = 3650;

impl Policy {
    /// The error names the field.
    pub fn validate(&self) -> std::result::Result<(), (&'static str, String)> {
        if self.inactive_days != 0 && !(30..=MAX_DAYS).contains(&self.inactive_days) {
            return Err(("inactive_days", format!("use 0 (off) or 30 to {MAX_DAYS} days")));
        }
        if !(30..=MAX_DAYS).contains(&self.closed_request_days) {
            return Err(("closed_request_days", format!("use 30 to {MAX_DAYS} days")));
        }
        // Accountability (Art. 5(2)) needs a trail long enough to answer for a year's work.
        if !(365..=MAX_DAYS).contains(&self.audit_days) {
            return Err(("audit_days", format!("use 365 to {MAX_DAYS} days")));
        }
        Ok(())
    }
}

/// The policy and the lock that keeps two runs (the scheduler's and "Run now") apart.
pub struct Retention {
    tree: PlainTree<Policy>,
    running: Mutex<()>,
}

impl Retention {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(POLICY_TREE)?, running: Mutex::new(()) })
    }

    pub fn policy(&self) -> Result<Policy> {
        Ok(self.tree.get(POLICY_KEY)?.unwrap_or_default())
    }

    /// Replaces the policy (uncommitted).
    pub(super) fn save(&self, p: &Policy) -> Result<()> {
        self.tree.put(POLICY_KEY, p)
    }

    /// Held while retention runs: one run at a time.
    pub(super) fn one_run(&self) -> MutexGuard<'_, ()> {
        self.running.lock().unwrap_or_else(|p| p.into_inner())
    }
}
