//! The one writer of consent given or withdrawn: a person on a public page, a person's sign-up
//! confirmed, staff recording what a person said. [`record`] appends the entry to the ledger and
//! its audit event, both uncommitted, so that the caller's commit carries them with the rest of
//! its change: after a crash there is never a consent without its audit entry, or the reverse.
//! The ledger's change is logged for the search index; the caller announces it after the commit.
//!
//! Bulk paths write the ledger as part of a larger record and are audited as that record: a new
//! contact's first entries go in with the contact (`Contacts::insert`), an import chunk's with
//! the chunk, a merge copies the other contact's ledger under the merge's own audit entry.

use crate::audit::Event;
use crate::domain::{ConsentEntry, ContactId};
use crate::state::AppState;
use crate::store::Result;

/// Appends `entry` to the contact's ledger and `event` (the caller's actor, target and how it
/// came; the purpose and whether it was granted are added here) to the audit log, uncommitted.
/// Returns the logged change's sequence number, to announce after the commit.
pub fn record(state: &AppState, contact: &ContactId, entry: &ConsentEntry, event: Event) -> Result<u64> {
    let seq = state.contacts.append_consent(contact, entry)?;
    let event = match &entry.wording {
        Some((_, version)) => event.detail("wording", version),
        None => event,
    };
    state.audit.append_uncommitted(event.detail("purpose", &entry.purpose).detail("granted", entry.granted))?;
    Ok(seq)
}
