//! Fault injection for crash tests: with `TIDINGS_FAULT=<name>` in its environment the process
//! aborts (as a kill -9 would end it: no destructor, no flush) the first time it reaches the
//! point of that name. Otherwise a point costs one comparison with an empty static.
//!
//! Points: `send.after_bounce` (a refused recipient is bounced, its slot not yet written);
//! `unsubscribe.after_status` (an unsubscribe through a campaign link is committed);
//! `bounce.before_status` (a bounce record is on disk, the address's status not yet);
//! `consent.after_commit` (a consent recorded by staff is committed, not yet answered);
//! `segments.staged` (a batch of the segments' reader has staged transitions, and whatever the
//! store holds is committed, as another writer's group commit would; its own transaction with
//! the cursor is not applied yet); `segments.landed` (that transaction has been committed, with
//! the memberships, the log, the `SegmentEntered`/`SegmentExited` entries and the cursor);
//! `store.fail_mid_apply` ([`armed`]: an atomic write fails half-way, e.g. a change staged and
//! its feed entry not).

use std::sync::LazyLock;

static ARMED: LazyLock<Option<String>> =
    LazyLock::new(|| std::env::var("TIDINGS_FAULT").ok().filter(|s| !s.trim().is_empty()));

/// Like [`point`], after `commit` (the store's commit): what another writer's group commit
/// may do at any moment.
pub fn point_committed(commit: impl FnOnce(), name: &str) {
    if ARMED.as_deref() == Some(name) {
        commit();
        point(name);
    }
}

/// Whether the fault `name` is armed, for a point that fails an operation instead of aborting.
pub fn armed(name: &str) -> bool {
    ARMED.as_deref() == Some(name)
}

pub fn point(name: &str) {
    if ARMED.as_deref() == Some(name) {
        eprintln!("tidings: fault injected at {name}: aborting");
        std::process::abort();
    }
}
