//! The durable outbox. Every (campaign, contact) pair and every transactional message is written
//! here, committed, before any mail leaves; the sender records each result and commits it
//! before its connection carries the next message. So after a crash nothing acknowledged is
//! lost, nobody is skipped, and the only repeats are messages that were being handed to a relay
//! at that instant (at most one per connection), sent again with the same Message-ID.
//!
//! Trees:
//! - `outbox`: `campaign id ‖ contact id` → [`Slot`] (plain: state, attempts, SMTP code; no
//!   addresses, no reply texts). It doubles as the record of who received which campaign.
//! - `messages`: `contact id ‖ message id` → sealed [`TxMessage`] (recipient's data, template
//!   data), the transactional messages of a person.
//! - `message_queue`: `message id` → `contact id ‖ slot`: delivery state of each transactional
//!   message, in time order.
//! - `message_pending`: `message id` → `contact id` for messages not yet done, so the sender
//!   never walks the history of delivered ones.
//! - `message_keys`: keyed hash of (caller, idempotency key) → `contact id ‖ message id`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{CampaignId, ContactId, MailId, PersonId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, SealedTree, Store, Writes};

pub const SLOTS: &str = "outbox";
pub const MESSAGES: &str = "messages";
pub const QUEUE: &str = "message_queue";
pub const KEYS: &str = "message_keys";
pub const PENDING: &str = "message_pending";

pub const SLOTS_REGISTRATION: Registration = Registration {
    tree: SLOTS,
    purpose: "who is to receive, and received, each campaign, with the delivery state",
    holds: Holds::Personal {
        categories: &["contact id", "campaign received", "delivery state"],
        layout: Layout::Custom(erase_slots),
        export: Some(export_slots),
    },
};

pub const MESSAGES_REGISTRATION: Registration = Registration {
    tree: MESSAGES,
    purpose: "transactional messages to a person: template and the data merged into it",
    holds: Holds::Personal {
        categories: &["message data supplied by the shop (order details, links)"],
        layout: Layout::PersonPrefix,
        export: Some(export_messages),
    },
};

pub const QUEUE_REGISTRATION: Registration = Registration {
    tree: QUEUE,
    purpose: "delivery state of each transactional message",
    holds: Holds::Personal {
        categories: &["contact id", "delivery state"],
        layout: Layout::Custom(erase_queue),
        export: None,
    },
};

pub const PENDING_REGISTRATION: Registration = Registration {
    tree: PENDING,
    purpose: "transactional messages not yet delivered (the sender's work list)",
    holds: Holds::Personal { categories: &["contact id"], layout: Layout::Index, export: None },
};

pub const KEYS_REGISTRATION: Registration = Registration {
    tree: KEYS,
    purpose: "idempotency keys of transactional messages (keyed hashes)",
    holds: Holds::Personal { categories: &["contact id"], layout: Layout::Custom(erase_keys), export: None },
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotState {
    Queued,
    /// A temporary failure; tried again from `next_at`.
    Retry,
    Sent,
    /// Refused for good, or out of retries.
    Failed,
    /// Not sent: the contact no longer qualified when its turn came.
    Skipped,
    /// Waits for the recipient's best hour (send-time optimisation): due from `at`, which the
    /// durable clock's `send_time` timer releases. Last: postcard numbers variants.
    Waiting,
}

impl SlotState {
    pub fn as_str(&self) -> &'static str {
        match self {
            SlotState::Queued => "queued",
            SlotState::Retry => "retry",
            SlotState::Sent => "sent",
            SlotState::Failed => "failed",
            SlotState::Skipped => "skipped",
            SlotState::Waiting => "waiting",
        }
    }

    pub fn done(&self) -> bool {
        matches!(self, SlotState::Sent | SlotState::Failed | SlotState::Skipped)
    }
}

/// Why a slot was skipped, or the SMTP reply code of a failure. No free text: reply texts can
/// hold addresses, and this tree is not sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    None,
    Smtp(u16),
    /// Connection, TLS, DNS, timeout: no SMTP reply.
    Network,
    Erased,
    NotSubscribed,
    Suppressed,
    NoConsent,
    RenderFailed,
    /// Anything else that stopped the message (logged with the details).
    Error,
    /// Processing of the contact is restricted (Art. 18).
    Restricted,
    /// A member of a segment the campaign leaves out. Last: postcard numbers variants.
    Excluded,
}

impl Note {
    pub fn describe(&self) -> String {
        match self {
            Note::None => String::new(),
            Note::Smtp(code) => format!("SMTP {code}"),
            Note::Network => "the relay could not be reached".into(),
            Note::Erased => "contact erased".into(),
            Note::NotSubscribed => "no longer subscribed".into(),
            Note::Suppressed => "address suppressed".into(),
            Note::NoConsent => "no consent for the purpose".into(),
            Note::RenderFailed => "the template failed for this contact".into(),
            Note::Error => "the message could not be prepared (see the log)".into(),
            Note::Restricted => "processing restricted (Art. 18)".into(),
            Note::Excluded => "in a segment the campaign leaves out".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub state: SlotState,
    pub attempts: u8,
    /// Unix seconds: when a retry is due, or when the slot reached its state.
    pub at: i64,
    pub note: Note,
}

impl Slot {
    pub fn queued() -> Slot {
        Slot { state: SlotState::Queued, attempts: 0, at: Utc::now().timestamp(), note: Note::None }
    }

    /// A slot that waits for its recipient's best hour until `at` (Unix seconds).
    pub fn waiting(at: i64) -> Slot {
        Slot { state: SlotState::Waiting, attempts: 0, at, note: Note::None }
    }

    pub fn due(&self, now: i64) -> bool {
        match self.state {
            SlotState::Queued => true,
            SlotState::Retry | SlotState::Waiting => self.at <= now,
            _ => false,
        }
    }
}

/// A transactional message: who, which template, and the caller's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TxMessage {
    pub id: MailId,
    pub contact: ContactId,
    pub template: String,
    /// The caller's data as JSON text (`data.*` in the template).
    pub data: String,
    pub idempotency_key: String,
    /// Who asked (`token:…`, `system`, `form:…`).
    pub by: String,
    pub created_at: DateTime<Utc>,
}

pub fn slot_key(campaign: &CampaignId, contact: &ContactId) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..16].copy_from_slice(campaign.as_bytes());
    k[16..].copy_from_slice(contact.as_bytes());
    k
}

fn message_key(contact: &ContactId, id: &MailId) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..16].copy_from_slice(contact.as_bytes());
    k[16..].copy_from_slice(id.as_bytes());
    k
}

fn encode(slot: &Slot) -> Vec<u8> {
    postcard::to_allocvec(slot).expect("a slot encodes")
}

fn decode(raw: &[u8]) -> Option<Slot> {
    postcard::from_bytes(raw).ok()
}

#[derive(Clone)]
pub struct Outbox {
    store: Store,
    slots: sled::Tree,
    messages: SealedTree<TxMessage>,
    queue: sled::Tree,
    pending: sled::Tree,
    keys: sled::Tree,
}

impl Outbox {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            slots: store.tree(SLOTS)?,
            messages: store.sealed(MESSAGES)?,
            queue: store.tree(QUEUE)?,
            pending: store.tree(PENDING)?,
            keys: store.tree(KEYS)?,
            store: store.clone(),
        })
    }

    // ---- campaigns

    /// Adds the contacts to the campaign's outbox; a pair already there keeps its state.
    /// Returns how many were new. Not committed: the caller commits the chunk.
    pub fn enqueue(&self, campaign: &CampaignId, contacts: &[ContactId]) -> Result<u64> {
        let queued = encode(&Slot::queued());
        let _gate = self.store.write_gate();
        let mut added = 0;
        for c in contacts {
            let key = slot_key(campaign, c);
            if self.slots.compare_and_swap(key, None as Option<&[u8]>, Some(queued.as_slice()))?.is_ok() {
                added += 1;
            }
        }
        Ok(added)
    }

    /// Adds contacts whose message waits for a moment of their own (send-time optimisation);
    /// a pair already there keeps its state. Not committed, as [`Self::enqueue`].
    pub fn enqueue_waiting(&self, campaign: &CampaignId, contacts: &[(ContactId, i64)]) -> Result<u64> {
        let _gate = self.store.write_gate();
        let mut added = 0;
        for (c, at) in contacts {
            let key = slot_key(campaign, c);
            let slot = encode(&Slot::waiting(*at));
            if self.slots.compare_and_swap(key, None as Option<&[u8]>, Some(slot.as_slice()))?.is_ok() {
                added += 1;
            }
        }
        Ok(added)
    }

    /// The earliest time after `after` a waiting slot of the campaign is due at.
    pub fn next_waiting(&self, campaign: &CampaignId, after: i64) -> Result<Option<i64>> {
        let mut next: Option<i64> = None;
        for item in self.slots.scan_prefix(campaign.as_bytes()).values() {
            if let Some(slot) = decode(&item?) {
                if slot.state == SlotState::Waiting && slot.at > after {
                    next = Some(next.map_or(slot.at, |n| n.min(slot.at)));
                }
            }
        }
        Ok(next)
    }

    pub fn slot(&self, campaign: &CampaignId, contact: &ContactId) -> Result<Option<Slot>> {
        Ok(self.slots.get(slot_key(campaign, contact))?.and_then(|v| decode(&v)))
    }

    pub fn set_slot(&self, campaign: &CampaignId, contact: &ContactId, slot: &Slot) -> Result<()> {
        let _gate = self.store.write_gate();
        self.slots.insert(slot_key(campaign, contact), encode(slot))?;
        Ok(())
    }

    /// Up to `limit` slots of the campaign after `after` (a contact id) that are due now.
    pub fn due(&self, campaign: &CampaignId, after: Option<&ContactId>, limit: usize, now: i64) -> Result<DuePage> {
        let start = match after {
            Some(c) => {
                let mut k = slot_key(campaign, c).to_vec();
                k.push(0);
                k
            }
            None => campaign.as_bytes().to_vec(),
        };
        let mut end = campaign.as_bytes().to_vec();
        end.extend_from_slice(&[0xff; 17]);
        let mut out = Vec::new();
        let mut last = None;
        for item in self.slots.range(start..end) {
            let (k, v) = item?;
            let Some(contact) = ContactId::from_slice(&k[16..]) else { continue };
            last = Some(contact);
            if let Some(slot) = decode(&v) {
                if slot.due(now) {
                    out.push((contact, slot));
                    if out.len() >= limit {
                        break;
                    }
                }
            }
        }
        Ok((out, last))
    }

    /// Counts of the campaign's slots per state, and the earliest retry time.
    /// Transactional messages not yet settled (queued or waiting for a retry): a scan of the
    /// message queue, for the metrics endpoint.
    pub fn pending_messages(&self) -> Result<u64> {
        let mut n = 0;
        for item in self.queue.iter() {
            let (_, v) = item?;
            if decode(v.get(16..).unwrap_or(&[])).is_some_and(|s: Slot| !s.state.done()) {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Every recipient of a campaign with their slot, in contact order.
    pub fn slots_of(&self, campaign: &CampaignId) -> Result<Vec<(ContactId, Slot)>> {
        let mut out = Vec::new();
        for item in self.slots.scan_prefix(campaign.as_bytes()) {
            let (k, v) = item?;
            let (Some(contact), Some(slot)) = (ContactId::from_slice(&k[16..]), decode(&v)) else { continue };
            out.push((contact, slot));
        }
        Ok(out)
    }

    pub fn tally(&self, campaign: &CampaignId) -> Result<Tally> {
        let mut t = Tally::default();
        for item in self.slots.scan_prefix(campaign.as_bytes()) {
            let (_, v) = item?;
            let Some(slot) = decode(&v) else { continue };
            t.total += 1;
            match slot.state {
                SlotState::Queued => t.queued += 1,
                SlotState::Retry => {
                    t.retry += 1;
                    t.next_retry = Some(t.next_retry.map_or(slot.at, |n: i64| n.min(slot.at)));
                }
                SlotState::Sent => t.sent += 1,
                SlotState::Failed => {
                    t.failed += 1;
                    match t.failures.iter_mut().find(|(n, _)| *n == slot.note) {
                        Some((_, count)) => *count += 1,
                        None => t.failures.push((slot.note, 1)),
                    }
                }
                SlotState::Skipped => t.skipped += 1,
                SlotState::Waiting => {
                    t.waiting += 1;
                    t.next_waiting = Some(t.next_waiting.map_or(slot.at, |n: i64| n.min(slot.at)));
                }
            }
        }
        Ok(t)
    }

    /// The campaigns a contact is in the outbox of, with the state (for the timeline and the
    /// person's export).
    pub fn campaigns_of(&self, campaigns: &[CampaignId], contact: &ContactId) -> Result<Vec<(CampaignId, Slot)>> {
        let mut out = Vec::new();
        for c in campaigns {
            if let Some(slot) = self.slot(c, contact)? {
                out.push((*c, slot));
            }
        }
        Ok(out)
    }

    pub fn remove_campaign(&self, campaign: &CampaignId) -> Result<usize> {
        let keys: Vec<_> = self.slots.scan_prefix(campaign.as_bytes()).keys().collect::<sled::Result<_>>()?;
        let _gate = self.store.write_gate();
        for k in &keys {
            self.slots.remove(k)?;
        }
        Ok(keys.len())
    }

    // ---- transactional messages

    /// The message already stored under this caller's idempotency key, if any.
    pub fn by_idempotency_key(&self, by: &str, key: &str) -> Result<Option<TxMessage>> {
        let h = self.idempotency_hash(by, key);
        let Some(v) = self.keys.get(h)? else { return Ok(None) };
        Ok(self.messages.get(&v)?.map(|(_, m)| m))
    }

    fn idempotency_hash(&self, by: &str, key: &str) -> [u8; 32] {
        self.store.keyring().lookup_hash("message-idempotency", format!("{by}\n{key}").as_bytes())
    }

    /// Stores a new transactional message and queues it (not committed). `Err(existing)` when
    /// the caller's idempotency key was used before.
    pub fn add_message(&self, m: &TxMessage) -> Result<std::result::Result<(), TxMessage>> {
        let key = message_key(&m.contact, &m.id);
        if !m.idempotency_key.is_empty() {
            let h = self.idempotency_hash(&m.by, &m.idempotency_key);
            let _gate = self.store.write_gate();
            if let Err(race) = self.keys.compare_and_swap(h, None as Option<&[u8]>, Some(&key[..]))? {
                let existing = race.current.expect("a taken key has a value");
                drop(_gate);
                if let Some((_, m)) = self.messages.get(&existing)? {
                    return Ok(Err(m));
                }
                // The message behind a stale key is gone (erased): take the key over.
                let _gate = self.store.write_gate();
                self.keys.insert(h, &key[..])?;
            }
        }
        self.messages.put(&m.contact.person(), &key, m)?;
        let mut q = m.contact.as_bytes().to_vec();
        q.extend_from_slice(&encode(&Slot::queued()));
        let _gate = self.store.write_gate();
        self.queue.insert(m.id.as_bytes(), q)?;
        self.pending.insert(m.id.as_bytes(), &m.contact.as_bytes()[..])?;
        Ok(Ok(()))
    }

    /// Stages a new message and its place in the queue in `w`, with whatever else the caller
    /// commits in the same transaction (a journey's run moving past its step): the caller's own
    /// transaction is what makes it happen once, so no idempotency key is claimed here.
    pub fn stage_message(&self, w: &mut Writes, m: &TxMessage) -> Result<()> {
        let key = message_key(&m.contact, &m.id);
        self.messages.stage_put(w, &m.contact.person(), &key, m)?;
        let mut q = m.contact.as_bytes().to_vec();
        q.extend_from_slice(&encode(&Slot::queued()));
        w.put(&self.queue, m.id.as_bytes().to_vec(), q);
        w.put(&self.pending, m.id.as_bytes().to_vec(), m.contact.as_bytes().to_vec());
        Ok(())
    }

    /// Stages the withdrawal of a message not yet handed over (a journey's run ended before
    /// it went): gone from the queue and the person's messages. False when it has gone already
    /// (or is being handed over, which the caller cannot stop).
    pub fn stage_withdraw(&self, w: &mut Writes, id: &MailId, contact: &ContactId) -> Result<bool> {
        match self.message_slot(id)? {
            Some((_, slot)) if slot.due(i64::MAX) => {}
            _ => return Ok(false),
        }
        w.remove(self.messages.raw(), message_key(contact, id).to_vec());
        w.remove(&self.queue, id.as_bytes().to_vec());
        w.remove(&self.pending, id.as_bytes().to_vec());
        Ok(true)
    }

    /// How many messages composed by another room (journeys: their `template` names a
    /// composer, `<prefix>:…`) were queued for the contact since `since`, newest first until
    /// one is older (mail ids are time-ordered).
    pub fn composed_since(&self, contact: &ContactId, since: DateTime<Utc>) -> Result<usize> {
        let mut n = 0;
        for m in self.messages.scan_prefix_rev(&contact.person(), contact.as_bytes(), 1_000)? {
            if m.created_at < since {
                break;
            }
            if m.template.contains(':') {
                n += 1;
            }
        }
        Ok(n)
    }

    pub fn message(&self, contact: &ContactId, id: &MailId) -> Result<Option<TxMessage>> {
        Ok(self.messages.get(&message_key(contact, id))?.map(|(_, m)| m))
    }

    pub fn message_slot(&self, id: &MailId) -> Result<Option<(ContactId, Slot)>> {
        let Some(v) = self.queue.get(id.as_bytes())? else { return Ok(None) };
        let contact = ContactId::from_slice(&v[..16]);
        Ok(contact.zip(decode(&v[16..])))
    }

    pub fn set_message_slot(&self, id: &MailId, contact: &ContactId, slot: &Slot) -> Result<()> {
        let mut v = contact.as_bytes().to_vec();
        v.extend_from_slice(&encode(slot));
        let _gate = self.store.write_gate();
        self.queue.insert(id.as_bytes(), v)?;
        // Done: out of the pending list, which is what the sender walks.
        if slot.state.done() {
            self.pending.remove(id.as_bytes())?;
        }
        Ok(())
    }

    /// Transactional messages due now, oldest first: a walk of the pending list (messages not
    /// done), not of the whole queue with its history. A pending entry whose message is done
    /// (left by a version that did not remove them) is removed on the way.
    pub fn due_messages(&self, limit: usize, now: i64) -> Result<Vec<(MailId, ContactId, Slot)>> {
        let mut out = Vec::new();
        let mut settled = Vec::new();
        for item in self.pending.iter() {
            let (k, _) = item?;
            let Some(v) = self.queue.get(&k)? else {
                settled.push(k);
                continue;
            };
            let (Some(id), Some(contact), Some(slot)) = (
                MailId::from_slice(&k),
                ContactId::from_slice(&v[..16.min(v.len())]),
                decode(v.get(16..).unwrap_or(&[])),
            ) else {
                continue;
            };
            if slot.state.done() {
                settled.push(k);
                continue;
            }
            if slot.due(now) {
                out.push((id, contact, slot));
                if out.len() >= limit {
                    break;
                }
            }
        }
        if !settled.is_empty() {
            let _gate = self.store.write_gate();
            for k in settled {
                self.pending.remove(k)?;
            }
        }
        Ok(out)
    }

    /// Transactional messages made before the UUIDv7 `floor` (an instant's smallest id: mail
    /// ids are time-ordered) whose delivery is over, oldest first: what a retention period
    /// removes. A message still queued or retrying is left to finish.
    pub fn finished_before(&self, floor: &[u8; 16]) -> Result<Vec<(MailId, ContactId)>> {
        let mut out = Vec::new();
        for item in self.queue.range(..&floor[..]) {
            let (k, v) = item?;
            let (Some(id), Some(contact), Some(slot)) = (
                MailId::from_slice(&k),
                ContactId::from_slice(&v[..16.min(v.len())]),
                decode(v.get(16..).unwrap_or(&[])),
            ) else {
                continue;
            };
            if slot.state.done() {
                out.push((id, contact));
            }
        }
        Ok(out)
    }

    /// Removes one transactional message: the data merged into it, its delivery state, and its
    /// idempotency key (so the key could be used again). Not committed.
    pub fn remove_message(&self, id: &MailId, contact: &ContactId) -> Result<bool> {
        let key = message_key(contact, id);
        let message = self.messages.get(&key)?.map(|(_, m)| m);
        let stored = self.messages.remove(&key)?;
        let _gate = self.store.write_gate();
        if let Some(m) = &message {
            if !m.idempotency_key.is_empty() {
                let h = self.idempotency_hash(&m.by, &m.idempotency_key);
                // Only the key that still points at this message.
                if self.keys.get(h)?.is_some_and(|v| v.as_ref() == &key[..]) {
                    self.keys.remove(h)?;
                }
            }
        }
        self.pending.remove(id.as_bytes())?;
        let queued = self.queue.remove(id.as_bytes())?.is_some();
        Ok(queued || stored)
    }

    /// A person's transactional messages, newest first, with their delivery state.
    pub fn messages_of(&self, contact: &ContactId) -> Result<Vec<(TxMessage, Option<Slot>)>> {
        let mut out = Vec::new();
        for (_, m) in self.messages.scan_prefix(contact.as_bytes())?.into_iter().rev() {
            let slot = self.message_slot(&m.id)?.map(|(_, s)| s);
            out.push((m, slot));
        }
        Ok(out)
    }
}

/// Due slots of a scan step, and the last contact the step looked at (the next step's start).
pub type DuePage = (Vec<(ContactId, Slot)>, Option<ContactId>);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: u64,
    pub queued: u64,
    pub retry: u64,
    pub sent: u64,
    pub failed: u64,
    pub skipped: u64,
    pub next_retry: Option<i64>,
    /// Slots waiting for their recipient's best hour, and the earliest of those hours.
    pub waiting: u64,
    pub next_waiting: Option<i64>,
    /// The failed slots by why they failed, in the order first met.
    pub failures: Vec<(Note, u64)>,
}

fn campaign_ids(store: &Store) -> Result<Vec<CampaignId>> {
    Ok(super::campaign::Campaigns::open(store)?.ids())
}

fn erase_slots(store: &Store, person: &PersonId) -> Result<usize> {
    let contact = ContactId::from(*person);
    let slots = store.tree(SLOTS)?;
    let mut n = 0;
    for c in campaign_ids(store)? {
        let _gate = store.write_gate();
        if slots.remove(slot_key(&c, &contact))?.is_some() {
            n += 1;
        }
    }
    Ok(n)
}

fn export_slots(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let contact = ContactId::from(*person);
    let outbox = Outbox::open(store)?;
    let campaigns = super::campaign::Campaigns::open(store)?;
    let mut out = Vec::new();
    for (id, slot) in outbox.campaigns_of(&campaigns.ids(), &contact)? {
        let name = campaigns.get(&id)?.map(|c| c.name).unwrap_or_default();
        out.push(serde_json::json!({
            "campaign": id, "campaign_name": name, "state": slot.state.as_str(),
            "at": DateTime::from_timestamp(slot.at, 0), "note": slot.note.describe(),
        }));
    }
    Ok(out)
}

fn export_messages(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let outbox = Outbox::open(store)?;
    Ok(outbox
        .messages_of(&ContactId::from(*person))?
        .into_iter()
        .map(|(m, slot)| {
            serde_json::json!({
                "id": m.id, "template": m.template,
                "data": serde_json::from_str::<serde_json::Value>(&m.data).unwrap_or_default(),
                "created_at": m.created_at, "state": slot.map(|s| s.state.as_str()),
            })
        })
        .collect())
}

/// Runs before the `messages` tree is erased (registry order): it reads the person's message ids.
fn erase_queue(store: &Store, person: &PersonId) -> Result<usize> {
    let outbox = Outbox::open(store)?;
    let contact = ContactId::from(*person);
    let mut n = 0;
    for (m, _) in outbox.messages_of(&contact)? {
        let _gate = store.write_gate();
        if outbox.queue.remove(m.id.as_bytes())?.is_some() {
            n += 1;
        }
    }
    Ok(n)
}

fn erase_keys(store: &Store, person: &PersonId) -> Result<usize> {
    let outbox = Outbox::open(store)?;
    let contact = ContactId::from(*person);
    let mut n = 0;
    for (m, _) in outbox.messages_of(&contact)? {
        if m.idempotency_key.is_empty() {
            continue;
        }
        let _gate = store.write_gate();
        if outbox.keys.remove(outbox.idempotency_hash(&m.by, &m.idempotency_key))?.is_some() {
            n += 1;
        }
    }
    Ok(n)
}
