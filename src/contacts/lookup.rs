//! Reads of the contact store for other rooms that hold only the `Store`: the personal-data
//! registry's export and erasure walkers (the public intake, the mail outbox files) and the
//! audit log's pseudonyms. They ask here instead of opening the contacts' trees themselves.

use super::{ALIASES, CONTACTS};
use crate::domain::{Contact, ContactId, EmailAddress, PersonId};
use crate::store::{Result, SealedTree, Store};

/// The addresses of the person's contact record (none once it is erased). Walkers that find a
/// person's data by address run before the record goes (registry order).
pub fn addresses_of(store: &Store, person: &PersonId) -> Result<Vec<EmailAddress>> {
    let contacts: SealedTree<Contact> = store.sealed(CONTACTS)?;
    Ok(contacts.scan_prefix(person.as_bytes())?.into_iter().map(|(_, c)| c.email).collect())
}

/// The contact that `id` was merged into, when it was.
pub fn merged_into(store: &Store, id: &ContactId) -> Result<Option<ContactId>> {
    Ok(store.tree(ALIASES)?.get(id.as_bytes())?.and_then(|v| ContactId::from_slice(&v)))
}
