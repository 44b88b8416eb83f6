//! Upserts by email address: one contact (the API, the CLI), a chunk of an import on two
//! threads, a bulk request; each with its consents and the change logged for the index.

use super::*;

/// The outcome of an upsert by email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Upserted {
    Created,
    Updated,
    Unchanged,
    Skipped,
    Suppressed,
}

/// Creates or updates by email, without committing or auditing (bulk paths commit per chunk).
/// Each of `consents` appends a grant when the contact does not already hold one for that
/// purpose.
pub fn upsert_uncommitted(
    state: &AppState,
    input: &ContactInput,
    policy: MergePolicy,
    source: Source,
    source_ref: &str,
    consents: &[ConsentEntry],
    fields: &[FieldDef],
) -> OpResult<(Upserted, Option<Contact>, u64)> {
    let email = input.email.clone().ok_or(invalid("email", "an email address is required"))?;
    if state.contacts.is_suppressed(&email)? {
        return Ok((Upserted::Suppressed, None, 0));
    }
    let mut seq = 0;
    let (outcome, c) = match state.contacts.find_by_email(&email)? {
        Some(_) if policy == MergePolicy::SkipExisting => return Ok((Upserted::Skipped, None, 0)),
        Some(mut c) => {
            let before = c.email.clone();
            let changed = input.apply(&mut c, policy);
            if changed.is_empty() {
                (Upserted::Unchanged, c)
            } else {
                check_contact(&mut c, fields)?;
                seq = state.contacts.save(&before, &c)?;
                state.contacts.add_history(
                    &c.id,
                    &HistoryEntry {
                        at: Utc::now(),
                        actor: source_ref.into(),
                        kind: "updated".into(),
                        fields: changed,
                        detail: String::new(),
                    },
                )?;
                (Upserted::Updated, c)
            }
        }
        None => {
            let mut c = Contact::new(email, source, source_ref.into());
            input.apply(&mut c, MergePolicy::Overwrite);
            c.updated_at = c.created_at;
            check_contact(&mut c, fields)?;
            // A new contact has no ledger yet: its grant goes in with the record.
            seq = state.contacts.insert(&c, consents)?;
            return Ok((Upserted::Created, Some(c), seq));
        }
    };
    if !consents.is_empty() {
        let held = state.contacts.consent_state(&c.id)?;
        for entry in consents {
            let granted = held.get(&entry.purpose).is_some_and(|(s, _)| *s == crate::domain::ConsentState::Granted);
            if !granted {
                seq = seq.max(state.contacts.append_consent(&c.id, entry)?);
            }
        }
    }
    Ok((outcome, Some(c), seq))
}

/// A contact a chunk will write, and what it becomes once every row naming it has been applied.
struct Planned {
    contact: Contact,
    /// Not in the store before this chunk.
    new: bool,
    history: Vec<HistoryEntry>,
    /// Read from the ledger when first needed (a new contact's start empty).
    consents: Option<crate::domain::ConsentStates>,
    /// Which of the chunk's grants (by index, a bit each) this contact gets.
    grants: u64,
    changed: bool,
}

/// At most this many purposes can be granted by one import (a bit each in [`Planned`]).
pub const MAX_GRANTS: usize = 16;

/// The grants picked out by a [`Planned::grants`] mask, in order.
fn picked(consents: &[ConsentEntry], mask: u64) -> impl Iterator<Item = &ConsentEntry> {
    consents.iter().enumerate().filter(move |(i, _)| mask & (1 << i) != 0).map(|(_, e)| e)
}

/// Threads that resolve and write an import chunk: the machine this was tuned on has two cores,
/// and the parser and the indexer run beside them.
const CHUNK_THREADS: usize = 2;

/// Upserts a chunk of rows by email (uncommitted, unaudited), as [`upsert_uncommitted`] would
/// one by one, with one change logged for the whole chunk: all rows are validated and resolved
/// first, then the change naming every contact is logged, then the contacts are written, and
/// what was written is handed to the indexer so it need not read it back. Returns each row's
/// outcome and the change's sequence number (0 when nothing was written). `consents` holds at
/// most [`MAX_GRANTS`] entries, one per purpose.
///
/// Rows are resolved on [`CHUNK_THREADS`] threads, split by address so that every row naming
/// one address is resolved by the same thread, in file order: the outcome is what one thread
/// would have produced.
pub fn upsert_chunk(
    state: &AppState,
    inputs: &[ContactInput],
    policy: MergePolicy,
    source: Source,
    source_ref: &str,
    consents: &[ConsentEntry],
    fields: &[FieldDef],
) -> OpResult<(Vec<OpResult<Upserted>>, u64)> {
    if consents.len() > MAX_GRANTS {
        return Err(invalid("purposes", format!("grant at most {MAX_GRANTS} purposes in one import")));
    }
    let contacts = &state.contacts;
    // Most installations have erased no one: then no row needs the keyed hash and lookup.
    let suppression = !contacts.suppression_is_empty();
    let parts = if inputs.len() >= 256 { CHUNK_THREADS } else { 1 };
    let mut shares: Vec<Vec<(usize, &ContactInput)>> = vec![Vec::with_capacity(inputs.len() / parts + 1); parts];
    for (i, input) in inputs.iter().enumerate() {
        let part = input.email.as_ref().map_or(0, |e| address_share(e, parts));
        shares[part].push((i, input));
    }
    let resolved = on_threads(shares, |share| {
        resolve_rows(state, share, policy, source, source_ref, consents, fields, suppression)
    })?;
    let mut rows: Vec<(usize, OpResult<Upserted>)> = Vec::with_capacity(inputs.len());
    let mut planned: Vec<Planned> = Vec::new();
    for (outcomes, plans) in resolved {
        rows.extend(outcomes);
        planned.extend(plans);
    }
    // Every row is in exactly one share: back in file order.
    rows.sort_unstable_by_key(|(i, _)| *i);
    let outcomes: Vec<OpResult<Upserted>> = rows.into_iter().map(|(_, o)| o).collect();
    if planned.is_empty() {
        return Ok((outcomes, 0));
    }
    let ids: Vec<(ContactId, bool)> = planned.iter().map(|p| (p.contact.id, p.new)).collect();
    let seq = contacts.log(crate::domain::Change::ContactsImported(ids))?;
    // The contacts are independent: two threads write them (sled takes concurrent writers),
    // which keeps a second core busy while the indexer is idle.
    let write = |part: Vec<Planned>| -> OpResult<Vec<crate::contacts::Handed>> {
        let mut handed = Vec::with_capacity(part.len());
        for p in part {
            if p.new {
                // A new contact gets every grant: no copy on the hot path.
                contacts.write_claimed(&p.contact, consents)?;
            } else {
                contacts.save_logged(&p.contact)?;
                for h in &p.history {
                    contacts.add_history(&p.contact.id, h)?;
                }
                for entry in picked(consents, p.grants) {
                    contacts.append_consent_logged(&p.contact.id, entry)?;
                }
            }
            let consents = match p.consents {
                Some(c) => c,
                None => contacts.consent_state(&p.contact.id)?,
            };
            handed.push(crate::contacts::Handed { contact: p.contact, consents });
        }
        Ok(handed)
    };
    let halves = if planned.len() >= 256 {
        let second = planned.split_off(planned.len() / 2);
        vec![planned, second]
    } else {
        vec![planned]
    };
    let handed = on_threads(halves, write)?.into_iter().flatten().collect();
    contacts.index_signal.hand_over(seq, handed);
    Ok((outcomes, seq))
}

/// Which of `parts` threads resolves the rows naming `email`.
fn address_share(email: &EmailAddress, parts: usize) -> usize {
    use std::hash::BuildHasher;
    let h = std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(email);
    (h % parts as u64) as usize
}

/// `f` over each part, the first on this thread and the others on threads of their own; the
/// results in the parts' order.
fn on_threads<T: Send, R: Send>(parts: Vec<T>, f: impl Fn(T) -> OpResult<R> + Sync) -> OpResult<Vec<R>> {
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else { return Ok(Vec::new()) };
    std::thread::scope(|scope| {
        let others: Vec<_> = parts.map(|part| scope.spawn(|| f(part))).collect();
        let mut all = vec![f(first)?];
        for other in others {
            all.push(other.join().map_err(|_| OpError::Internal("an import thread panicked".into()))??);
        }
        Ok(all)
    })
}

/// Each row's outcome by its index in the chunk, and the contacts to write.
type Resolved = (Vec<(usize, OpResult<Upserted>)>, Vec<Planned>);

/// Resolves one thread's share of a chunk (row index, input), in file order: validates each
/// row, claims the address of a new contact or reads the contact that holds it, and applies
/// the rows. Returns each row's outcome by index and the contacts to write.
#[allow(clippy::too_many_arguments)]
fn resolve_rows(
    state: &AppState,
    share: Vec<(usize, &ContactInput)>,
    policy: MergePolicy,
    source: Source,
    source_ref: &str,
    consents: &[ConsentEntry],
    fields: &[FieldDef],
    suppression: bool,
) -> OpResult<Resolved> {
    use crate::domain::ConsentState;
    let contacts = &state.contacts;
    let mut outcomes: Vec<(usize, OpResult<Upserted>)> = Vec::with_capacity(share.len());
    let mut planned: Vec<Planned> = Vec::new();
    let mut by_email: std::collections::HashMap<EmailAddress, usize> = std::collections::HashMap::new();
    for (row, input) in share {
        let Some(email) = &input.email else {
            outcomes.push((row, Err(invalid("email", "an email address is required"))));
            continue;
        };
        if suppression && contacts.is_suppressed(email)? {
            outcomes.push((row, Ok(Upserted::Suppressed)));
            continue;
        }
        let at = match by_email.get(email) {
            Some(&at) => at,
            None => {
                let mut fresh = Contact::new(email.clone(), source, source_ref.into());
                input.apply(&mut fresh, MergePolicy::Overwrite);
                fresh.updated_at = fresh.created_at;
                // A row that is valid as a new contact takes the address at once: one
                // compare-and-swap where a lookup and then a claim would be two. A taken
                // address names the contact to update instead.
                let existing = match check_contact(&mut fresh, fields) {
                    Ok(()) => contacts.claim_or_find(email, &fresh.id)?,
                    Err(e) => match contacts.find_by_email(email)? {
                        Some(c) => Some(c),
                        None => {
                            outcomes.push((row, Err(e.into())));
                            continue;
                        }
                    },
                };
                match existing {
                    None => {
                        let mut held = crate::domain::ConsentStates::new();
                        for entry in consents {
                            held.insert(entry.purpose.clone(), (ConsentState::Granted, entry.at));
                        }
                        planned.push(Planned {
                            contact: fresh,
                            new: true,
                            history: Vec::new(),
                            consents: Some(held),
                            grants: (1u64 << consents.len()) - 1,
                            changed: true,
                        });
                        by_email.insert(email.clone(), planned.len() - 1);
                        outcomes.push((row, Ok(Upserted::Created)));
                        continue;
                    }
                    Some(c) => {
                        planned.push(Planned {
                            contact: c,
                            new: false,
                            history: Vec::new(),
                            consents: None,
                            grants: 0,
                            changed: false,
                        });
                        by_email.insert(email.clone(), planned.len() - 1);
                        planned.len() - 1
                    }
                }
            }
        };
        let p = &mut planned[at];
        if policy == MergePolicy::SkipExisting {
            outcomes.push((row, Ok(Upserted::Skipped)));
            continue;
        }
        let mut c = p.contact.clone();
        let changed = input.apply(&mut c, policy);
        let mut outcome = Upserted::Unchanged;
        if !changed.is_empty() {
            if let Err(e) = check_contact(&mut c, fields) {
                outcomes.push((row, Err(e.into())));
                continue;
            }
            p.contact = c;
            p.history.push(HistoryEntry {
                at: Utc::now(),
                actor: source_ref.into(),
                kind: "updated".into(),
                fields: changed,
                detail: String::new(),
            });
            p.changed = true;
            outcome = Upserted::Updated;
        }
        if !consents.is_empty() {
            let held = match &mut p.consents {
                Some(c) => c,
                None => p.consents.insert(contacts.consent_state(&p.contact.id)?),
            };
            for (i, entry) in consents.iter().enumerate() {
                let granted = held.get(&entry.purpose).is_some_and(|(s, _)| *s == ConsentState::Granted);
                if !granted {
                    held.insert(entry.purpose.clone(), (ConsentState::Granted, entry.at));
                    p.grants |= 1 << i;
                    p.changed = true;
                }
            }
        }
        outcomes.push((row, Ok(outcome)));
    }
    planned.retain(|p| p.changed);
    Ok((outcomes, planned))
}

/// One bulk item's outcome: what happened (and to which contact), or why it was refused.
pub type BulkItem = Result<(Upserted, Option<ContactId>), FieldError>;

/// Bulk upsert from the API: every item validated, good ones written, errors per index.
#[tracing::instrument(name = "contacts_upsert", skip_all, fields(items = items.len()))]
pub fn bulk_upsert(
    state: &AppState,
    by: By,
    items: &[serde_json::Value],
    policy: MergePolicy,
) -> OpResult<Vec<BulkItem>> {
    by.require(Permission::EditContacts)?;
    let fields = state.fields.all();
    let region = Some(state.config.contacts.phone_region.clone()).filter(|r| !r.is_empty());
    let mut out = Vec::with_capacity(items.len());
    let mut last = 0;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        let r = input_from_json(item, &fields, region.as_deref()).and_then(|input| {
            if input.email.is_none() {
                return Err(FieldError::new("email", "an email address is required"));
            }
            upsert_uncommitted(state, &input, policy, Source::Api, &source_ref(&by), &[], &fields).map_err(
                |e| match e {
                    OpError::Invalid { field, message } => FieldError::new(field, message),
                    other => FieldError::new("contact", other.to_string()),
                },
            )
        });
        match r {
            Ok((outcome, c, seq)) => {
                last = last.max(seq);
                *counts
                    .entry(match outcome {
                        Upserted::Created => "created",
                        Upserted::Updated => "updated",
                        Upserted::Unchanged => "unchanged",
                        Upserted::Skipped => "skipped",
                        Upserted::Suppressed => "suppressed",
                    })
                    .or_default() += 1;
                if let Some(c) = &c {
                    if matches!(outcome, Upserted::Created | Upserted::Updated) {
                        let action =
                            if outcome == Upserted::Created { Action::ContactCreated } else { Action::ContactUpdated };
                        state
                            .audit
                            .append_uncommitted(by.event(action).target(c.id.reference()).detail("via", "bulk"))?;
                    }
                }
                out.push(Ok((outcome, c.map(|c| c.id))));
            }
            Err(e) => {
                *counts.entry("invalid").or_default() += 1;
                out.push(Err(e));
            }
        }
    }
    let mut ev = by.event(Action::ContactsBulkUpserted).detail("items", items.len());
    for (k, v) in counts {
        ev = ev.detail(k, v);
    }
    state.audit.append_uncommitted(ev)?;
    state.store.commit()?;
    if last > 0 {
        state.contacts.announce(last);
    }
    Ok(out)
}
