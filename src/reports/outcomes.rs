//! What became of a campaign's messages beyond opens and clicks: recipients whose message could
//! be measured (it carried the pixel), unsubscribes through the campaign's links, complaints and
//! bounces reported for it.
//!
//! Tree `campaign_outcomes`: campaign id → one big-endian u64 per counter, in the order of
//! [`Outcome`]. A value shorter than the current layout (written before a counter was added)
//! reads its missing counters as zero, so the layout grows by appending.
//!
//! The counters are the change feed's reader [`READER`] ([`Counter`]): the sender, the bounce
//! handling and the unsubscribe pages only say what happened (`MessageSent`, `BounceRecorded`,
//! `ComplaintRecorded`, `StatusChanged` with the campaign that led to it), each in the commit
//! of the change itself, and know nothing of reports. The reader adds a batch's counts and
//! moves its cursor in one transaction, so after a crash every change is counted exactly once.
//! Sums over all recipients only: no contact id.

use std::collections::HashMap;

use uuid::Uuid;

use crate::domain::{Change, Status};
use crate::feed::{Applied, Entry, Reader};
use crate::store::registry::{Holds, Registration};
use crate::store::{Result, Store, Writes};

pub const TREE: &str = "campaign_outcomes";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "per campaign: measurable recipients, unsubscribes, complaints and bounces (counts)",
    holds: Holds::Nothing { why: "sums over all recipients; no contact id, no address" },
};

/// One thing that happened to one message of a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted by the relay carrying the open pixel and attributed click links (the
    /// recipient allowed per-person measurement): the base of open and click rates.
    Measured,
    Unsubscribe,
    Complaint,
    /// Refused for good at sending (the relay said 5xx to the recipient).
    HardBounceAtSending,
    /// Reported later (a delivery status notification, a webhook): the relay had accepted it.
    HardBounceLater,
    SoftBounceLater,
    /// Accepted by the relay, measured or not: a journey step's messages have no campaign
    /// progress counters, so this is their count of sent mail.
    Sent,
}

impl Outcome {
    fn slot(self) -> usize {
        match self {
            Outcome::Measured => 0,
            Outcome::Unsubscribe => 1,
            Outcome::Complaint => 2,
            Outcome::HardBounceAtSending => 3,
            Outcome::HardBounceLater => 4,
            Outcome::SoftBounceLater => 5,
            Outcome::Sent => 6,
        }
    }
}

const SLOTS: usize = 7;

/// The counters of one campaign.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Outcomes {
    pub measured: u64,
    pub unsubscribes: u64,
    pub complaints: u64,
    pub hard_bounces_at_sending: u64,
    pub hard_bounces_later: u64,
    pub soft_bounces_later: u64,
    /// Messages the relay accepted (counted since this counter was added).
    pub sent: u64,
}

impl Outcomes {
    fn from_bytes(v: &[u8]) -> Self {
        let at = |i: usize| v.get(i * 8..i * 8 + 8).map_or(0, |b| u64::from_be_bytes(b.try_into().expect("8 bytes")));
        Self {
            measured: at(0),
            unsubscribes: at(1),
            complaints: at(2),
            hard_bounces_at_sending: at(3),
            hard_bounces_later: at(4),
            soft_bounces_later: at(5),
            sent: at(6),
        }
    }

    /// Bounces of messages the relay had accepted (they were sent, but not delivered).
    pub fn bounces_later(&self) -> u64 {
        self.hard_bounces_later + self.soft_bounces_later
    }

    pub fn bounces(&self) -> u64 {
        self.hard_bounces_at_sending + self.bounces_later()
    }
}

/// The counters' cursor on the change feed.
pub const READER: &str = "reports";

/// What a change counts for: the campaign and its outcomes (none, one, or for a message sent
/// and measured, two).
fn outcomes_of(change: &Change) -> Vec<(Uuid, Outcome)> {
    match change {
        Change::MessageSent { campaign: Some(c), measured, .. } => {
            let mut out = vec![(c.uuid(), Outcome::Sent)];
            if *measured {
                out.push((c.uuid(), Outcome::Measured));
            }
            out
        }
        other => outcome_of(other).into_iter().collect(),
    }
}

/// What any other change counts for, if anything: the campaign and the outcome.
fn outcome_of(change: &Change) -> Option<(Uuid, Outcome)> {
    let (campaign, what) = match change {
        // Appended only when the status changed: a second click on the link counts nothing.
        Change::StatusChanged { status: Status::Unsubscribed, campaign: Some(c), .. } => (c, Outcome::Unsubscribe),
        Change::ComplaintRecorded { campaign: Some(c), .. } => (c, Outcome::Complaint),
        Change::BounceRecorded { campaign: Some(c), hard, at_sending, .. } => match (hard, at_sending) {
            (true, true) => (c, Outcome::HardBounceAtSending),
            (true, false) => (c, Outcome::HardBounceLater),
            (false, _) => (c, Outcome::SoftBounceLater),
        },
        _ => return None,
    };
    Some((campaign.uuid(), what))
}

/// Follows the change feed and keeps the counters (their one writer).
pub struct Counter {
    tree: sled::Tree,
}

impl Counter {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.tree(TREE)? })
    }
}

impl Reader for Counter {
    fn name(&self) -> &'static str {
        READER
    }

    /// Counts may lag a quarter of a second; a sending campaign then costs a commit per
    /// quarter second, not per message.
    fn linger(&self) -> std::time::Duration {
        std::time::Duration::from_millis(250)
    }

    fn apply(&self, entries: &[Entry]) -> std::result::Result<Applied, String> {
        let mut sums: HashMap<Uuid, [u64; SLOTS]> = HashMap::new();
        for e in entries {
            for (campaign, what) in outcomes_of(&e.change) {
                sums.entry(campaign).or_default()[what.slot()] += 1;
            }
        }
        let mut writes = Writes::new();
        for (campaign, add) in sums {
            let old = self.tree.get(campaign.as_bytes()).map_err(|e| e.to_string())?;
            let mut v = old.map(|v| v.to_vec()).unwrap_or_default();
            v.resize(v.len().max(SLOTS * 8), 0);
            for (slot, n) in add.iter().enumerate() {
                let at = slot * 8;
                let was = u64::from_be_bytes(v[at..at + 8].try_into().expect("8 bytes"));
                v[at..at + 8].copy_from_slice(&was.saturating_add(*n).to_be_bytes());
            }
            writes.put(&self.tree, campaign.as_bytes().to_vec(), v);
        }
        Ok(writes.into())
    }
}

/// A campaign reference as mail and webhooks carry it (`campaign.to_string()`), if it is one.
pub fn campaign_of(reference: Option<&str>) -> Option<Uuid> {
    reference.and_then(|r| Uuid::parse_str(r.trim()).ok())
}

pub fn get(store: &Store, campaign: &Uuid) -> Result<Outcomes> {
    Ok(store.tree(TREE)?.get(campaign.as_bytes())?.map(|v| Outcomes::from_bytes(&v)).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_sent_counts_as_sent_and_measured_ones_also_as_measured() {
        let c = crate::domain::CampaignId::new();
        let contact = crate::domain::ContactId::new();
        let sent = |measured| Change::MessageSent { contact, campaign: Some(c), measured };
        assert_eq!(outcomes_of(&sent(false)), vec![(c.uuid(), Outcome::Sent)]);
        assert_eq!(outcomes_of(&sent(true)), vec![(c.uuid(), Outcome::Sent), (c.uuid(), Outcome::Measured)]);
        assert!(outcomes_of(&Change::MessageSent { contact, campaign: None, measured: true }).is_empty());
    }

    #[test]
    fn shorter_values_read_missing_counters_as_zero() {
        let mut v = 7u64.to_be_bytes().to_vec();
        v.extend_from_slice(&2u64.to_be_bytes());
        let o = Outcomes::from_bytes(&v);
        assert_eq!((o.measured, o.unsubscribes, o.complaints), (7, 2, 0));
        assert_eq!(Outcomes::from_bytes(&[]), Outcomes::default());
    }
}
