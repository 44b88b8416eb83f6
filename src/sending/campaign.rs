//! Campaigns: what is sent (subject, body, layout), to whom (lists, tags, a search), for which
//! purpose, and when. A campaign's record holds no personal data; who received it lives in the
//! outbox (see `outbox.rs`).

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::mail::BodyFormat;
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const TREE: &str = "campaigns";
pub const STATS: &str = "campaign_stats";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "campaigns: content, audience definition, schedule and state",
    holds: Holds::Nothing { why: "templates, list and tag names; recipients are in the outbox" },
};

pub const STATS_REGISTRATION: Registration = Registration {
    tree: STATS,
    purpose: "per-campaign progress counters",
    holds: Holds::Nothing { why: "counts only" },
};

/// The saved search a campaign's audience uses, by campaign id: a tree of its own, since
/// postcard stores a struct's fields by position and a new field in [`Audience`] would make
/// every stored campaign unreadable.
pub const SAVED_SEARCH: &str = "campaign_saved_search";

pub const SAVED_SEARCH_REGISTRATION: Registration = Registration {
    tree: SAVED_SEARCH,
    purpose: "which saved search a campaign sends to",
    holds: Holds::Nothing { why: "a campaign id and a saved-search id" },
};

/// The segments a campaign's audience takes in and leaves out, by campaign id: a tree of its
/// own for the reason [`SAVED_SEARCH`] has one.
pub const SEGMENTS: &str = "campaign_segments";

pub const SEGMENTS_REGISTRATION: Registration = Registration {
    tree: SEGMENTS,
    purpose: "which segments a campaign sends to and which it leaves out",
    holds: Holds::Nothing { why: "a campaign id and segment ids" },
};

/// The segments of a campaign's audience. Members of `include` join the recipients of its
/// lists and tags (narrowed by its search and saved search like them); a member of any of
/// `exclude` gets nothing, whichever source brought them in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Targets {
    pub include: Vec<SegmentId>,
    pub exclude: Vec<SegmentId>,
}

impl Targets {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    pub fn names(&self, segment: &SegmentId) -> bool {
        self.include.contains(segment) || self.exclude.contains(segment)
    }
}

pub const VARIANTS: &str = "campaign_variants";

pub const VARIANTS_REGISTRATION: Registration = Registration {
    tree: VARIANTS,
    purpose: "a campaign's subject, preheader and body in other languages",
    holds: Holds::Nothing { why: "texts written by the controller" },
};

/// A campaign's text in one language: each contact whose language it is gets it instead of
/// the campaign's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Variant {
    pub subject: String,
    pub preheader: String,
    pub body: String,
}

/// Language code → variant.
pub type Variants = std::collections::BTreeMap<String, Variant>;

pub use crate::domain::CampaignId;
use crate::domain::SegmentId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignState {
    Draft,
    /// Waiting for its time (or, with a cron expression, for its next run).
    Scheduled,
    Sending,
    /// Stopped by a person or by the error-rate brake; resumes where it stopped.
    Paused,
    Sent,
    Cancelled,
    /// Every message that was tried failed (none was sent): not "sent". Postcard stores a
    /// variant by its position, so new states go after the ones stored before.
    Failed,
    /// An A/B test's share is sent; the rest of the audience waits for the winner (see
    /// `abtest`). Last, for the reason above.
    Testing,
}

impl CampaignState {
    pub const ALL: [CampaignState; 8] = [
        CampaignState::Draft,
        CampaignState::Scheduled,
        CampaignState::Sending,
        CampaignState::Paused,
        CampaignState::Sent,
        CampaignState::Cancelled,
        CampaignState::Failed,
        CampaignState::Testing,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            CampaignState::Draft => "draft",
            CampaignState::Scheduled => "scheduled",
            CampaignState::Sending => "sending",
            CampaignState::Paused => "paused",
            CampaignState::Sent => "sent",
            CampaignState::Cancelled => "cancelled",
            CampaignState::Failed => "failed",
            CampaignState::Testing => "testing",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            CampaignState::Draft => "Draft",
            CampaignState::Scheduled => "Scheduled",
            CampaignState::Sending => "Sending",
            CampaignState::Paused => "Paused",
            CampaignState::Sent => "Sent",
            CampaignState::Cancelled => "Cancelled",
            CampaignState::Failed => "Failed",
            CampaignState::Testing => "Waiting for the winner",
        }
    }

    /// Content and audience can change only before anything was sent.
    pub fn editable(&self) -> bool {
        matches!(self, CampaignState::Draft | CampaignState::Scheduled)
    }

    /// Nothing more will be sent: it went out (or every message failed) or was cancelled.
    pub fn finished(&self) -> bool {
        matches!(self, CampaignState::Sent | CampaignState::Cancelled | CampaignState::Failed)
    }
}

/// Who receives it: contacts on any of `lists` or carrying any of `tags`, narrowed by `search`
/// (the contacts page's search words) when given; `search` alone selects by itself. Everyone
/// who is not subscribed, is suppressed, or lacks consent for the purpose is left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Audience {
    pub lists: Vec<String>,
    pub tags: Vec<String>,
    pub search: String,
}

impl Audience {
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty() && self.tags.is_empty() && self.search.trim().is_empty()
    }
}

/// When a campaign goes out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// Once, at a local date and time in a time zone (stored with the instant it means).
    At { local: NaiveDateTime, time_zone: String, at: DateTime<Utc> },
    /// Again and again: each occurrence sends a copy of the campaign (a run) to the audience of
    /// that moment. 5-field Unix cron, read in the time zone.
    Cron { expr: String, time_zone: String },
}

impl Schedule {
    pub fn at(local: NaiveDateTime, time_zone: &str) -> std::result::Result<Schedule, String> {
        let tz = parse_tz(time_zone)?;
        let at = tz
            .from_local_datetime(&local)
            .earliest()
            .ok_or_else(|| format!("{local} does not exist in {time_zone} (a daylight-saving gap)"))?
            .with_timezone(&Utc);
        Ok(Schedule::At { local, time_zone: tz.name().to_string(), at })
    }

    pub fn cron(expr: &str, time_zone: &str) -> std::result::Result<Schedule, String> {
        let tz = parse_tz(time_zone)?;
        crate::clock::cron::parse(expr)?;
        Ok(Schedule::Cron { expr: expr.trim().to_string(), time_zone: tz.name().to_string() })
    }

    /// The first time after `after` this schedule fires.
    pub fn next_after(&self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Schedule::At { at, .. } => (*at > after).then_some(*at),
            Schedule::Cron { expr, time_zone } => {
                let tz = parse_tz(time_zone).ok()?;
                let schedule = crate::clock::cron::parse(expr).ok()?;
                let next = schedule.after(&after.with_timezone(&tz)).next()?;
                Some(next.with_timezone(&Utc))
            }
        }
    }
}

fn parse_tz(name: &str) -> std::result::Result<chrono_tz::Tz, String> {
    let name = if name.trim().is_empty() { "UTC" } else { name.trim() };
    name.parse::<chrono_tz::Tz>().map_err(|_| format!("`{name}` is not a time zone name such as Europe/Berlin"))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: CampaignId,
    pub name: String,
    pub subject: String,
    pub body: String,
    pub format: BodyFormat,
    /// Key of a layout template; empty: the built-in layout.
    pub layout: String,
    /// The processing purpose it serves (consent is checked against it).
    pub purpose: String,
    pub audience: Audience,
    /// Relay name; empty: the default.
    pub relay: String,
    pub schedule: Option<Schedule>,
    pub state: CampaignState,
    /// Why it is paused (a person, or the error-rate brake in words), or why it failed (the
    /// most common failure and the counts). Stored where the pause reason always was.
    pub state_reason: String,
    /// For a run of a recurring campaign: the campaign it was copied from.
    pub parent: Option<CampaignId>,
    /// For a recurring campaign: when the next run starts.
    pub next_run: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The sender's address (a verified sender of Settings → Email); empty: the default sender.
    /// Last, with `preheader`: postcard stores fields by position (see migration v007).
    pub sender: String,
    /// The line inboxes show after the subject; placed hidden first in the HTML body.
    pub preheader: String,
}

impl Campaign {
    pub fn new(name: &str, created_by: String) -> Campaign {
        let now = Utc::now();
        Campaign {
            id: CampaignId::new(),
            name: name.trim().to_string(),
            subject: String::new(),
            body: String::new(),
            format: BodyFormat::Markdown,
            layout: String::new(),
            purpose: "newsletter".into(),
            audience: Audience::default(),
            relay: String::new(),
            schedule: None,
            state: CampaignState::Draft,
            state_reason: String::new(),
            parent: None,
            next_run: None,
            created_by,
            created_at: now,
            updated_at: now,
            started_at: None,
            finished_at: None,
            sender: String::new(),
            preheader: String::new(),
        }
    }

    pub fn to_json(&self, stats: &Stats) -> serde_json::Value {
        serde_json::json!({
            "id": self.id,
            "name": self.name,
            "subject": self.subject,
            "body": self.body,
            "format": self.format,
            "layout": self.layout,
            "purpose": self.purpose,
            "audience": self.audience,
            "relay": self.relay,
            "sender": self.sender,
            "preheader": self.preheader,
            "schedule": self.schedule,
            "state": self.state.as_str(),
            "pause_reason": if self.state == CampaignState::Paused { self.state_reason.as_str() } else { "" },
            "failure_reason": if self.state == CampaignState::Failed { self.state_reason.as_str() } else { "" },
            "parent": self.parent,
            "next_run": self.next_run,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "progress": stats,
        })
    }
}

/// Progress of one campaign. Counted from the outbox when a campaign resumes, so a crash
/// never leaves these wrong for longer than a restart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Recipients written to the outbox so far.
    pub queued: u64,
    /// Whether the whole audience is in the outbox.
    pub audience_complete: bool,
    pub sent: u64,
    /// Refused for good by the relay (5xx) or out of retries.
    pub failed: u64,
    /// Left out at send time (unsubscribed, erased, no consent since the campaign started).
    pub skipped: u64,
    /// Waiting for a retry after a temporary failure.
    pub retrying: u64,
    /// Where the audience walk stands: (source index, search cursor).
    pub cursor: (u32, Option<String>),
    /// The last failure, in words (no addresses).
    pub last_error: String,
}

impl Stats {
    pub fn remaining(&self) -> u64 {
        self.queued.saturating_sub(self.sent + self.failed + self.skipped)
    }

    pub fn percent(&self) -> u64 {
        if self.queued == 0 {
            return if self.audience_complete { 100 } else { 0 };
        }
        (self.sent + self.failed + self.skipped) * 100 / self.queued
    }
}

#[derive(Clone)]
pub struct Campaigns {
    /// `campaign_ab`: the A/B test as JSON text (see `abtest`).
    ab: PlainTree<String>,
    tree: PlainTree<Campaign>,
    stats: PlainTree<Stats>,
    saved_search: PlainTree<Uuid>,
    segments: PlainTree<Targets>,
    variants: PlainTree<Variants>,
}

impl Campaigns {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            ab: store.plain(super::abtest::TREE)?,
            tree: store.plain(TREE)?,
            stats: store.plain(STATS)?,
            saved_search: store.plain(SAVED_SEARCH)?,
            segments: store.plain(SEGMENTS)?,
            variants: store.plain(VARIANTS)?,
        })
    }

    /// The campaign's A/B test, if it has one.
    pub fn ab(&self, id: &CampaignId) -> Result<Option<super::abtest::AbTest>> {
        match self.ab.get(id.as_bytes())? {
            // Written by this module only; unreadable means a damaged record, not bad input.
            Some(json) => serde_json::from_str(&json)
                .map(Some)
                .map_err(|_| crate::store::StoreError::Encode(postcard::Error::DeserializeBadEncoding)),
            None => Ok(None),
        }
    }

    /// Sets or removes it (uncommitted).
    pub fn set_ab(&self, id: &CampaignId, ab: Option<&super::abtest::AbTest>) -> Result<()> {
        match ab {
            Some(ab) => self.ab.put(id.as_bytes(), &serde_json::to_string(ab).unwrap_or_default()),
            None => self.ab.remove(id.as_bytes()).map(|_| ()),
        }
    }

    /// The campaign's language variants (none: every contact gets its own text).
    pub fn variants(&self, id: &CampaignId) -> Result<Variants> {
        Ok(self.variants.get(id.as_bytes())?.unwrap_or_default())
    }

    /// Replaces them (uncommitted).
    pub fn set_variants(&self, id: &CampaignId, v: &Variants) -> Result<()> {
        if v.is_empty() {
            self.variants.remove(id.as_bytes()).map(|_| ())
        } else {
            self.variants.put(id.as_bytes(), v)
        }
    }

    /// The saved search the audience uses, if any.
    pub fn saved_search(&self, id: &CampaignId) -> Result<Option<Uuid>> {
        self.saved_search.get(id.as_bytes())
    }

    /// Sets or clears the audience's saved search (uncommitted).
    pub fn set_saved_search(&self, id: &CampaignId, search: Option<Uuid>) -> Result<()> {
        match search {
            Some(s) => self.saved_search.put(id.as_bytes(), &s),
            None => self.saved_search.remove(id.as_bytes()).map(|_| ()),
        }
    }

    /// The segments the audience takes in and leaves out (none: lists, tags and searches only).
    pub fn targets(&self, id: &CampaignId) -> Result<Targets> {
        Ok(self.segments.get(id.as_bytes())?.unwrap_or_default())
    }

    /// Replaces them (uncommitted).
    pub fn set_targets(&self, id: &CampaignId, t: &Targets) -> Result<()> {
        if t.is_empty() {
            self.segments.remove(id.as_bytes()).map(|_| ())
        } else {
            self.segments.put(id.as_bytes(), t)
        }
    }

    /// A campaign that still needs `segment` (to send to its members, or to leave them out):
    /// one not yet finished. The segments' room asks this before a segment is deleted.
    pub fn targeting(&self, segment: &SegmentId) -> Result<Option<Campaign>> {
        for kv in self.segments.iter() {
            let (key, targets) = kv?;
            if !targets.names(segment) {
                continue;
            }
            let Some(c) = self.tree.get(&key)? else { continue };
            if !c.state.finished() {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }

    pub fn get(&self, id: &CampaignId) -> Result<Option<Campaign>> {
        self.tree.get(id.as_bytes())
    }

    pub fn put(&self, c: &Campaign) -> Result<()> {
        self.tree.put(c.id.as_bytes(), c)
    }

    pub fn remove(&self, id: &CampaignId) -> Result<()> {
        self.tree.remove(id.as_bytes())?;
        self.stats.remove(id.as_bytes())?;
        self.saved_search.remove(id.as_bytes())?;
        self.segments.remove(id.as_bytes())?;
        self.variants.remove(id.as_bytes())?;
        self.ab.remove(id.as_bytes())?;
        Ok(())
    }

    /// Newest first.
    pub fn all(&self) -> Result<Vec<Campaign>> {
        self.tree.iter().rev().map(|r| r.map(|(_, c)| c)).collect()
    }

    pub fn ids(&self) -> Vec<CampaignId> {
        self.tree.iter().filter_map(|r| r.ok()).map(|(_, c)| c.id).collect()
    }

    pub fn stats(&self, id: &CampaignId) -> Result<Stats> {
        Ok(self.stats.get(id.as_bytes())?.unwrap_or_default())
    }

    pub fn put_stats(&self, id: &CampaignId, s: &Stats) -> Result<()> {
        self.stats.put(id.as_bytes(), s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    #[test]
    fn local_time_in_a_zone() {
        let local = NaiveDateTime::parse_from_str("2026-12-01 09:00", "%Y-%m-%d %H:%M").unwrap();
        let Schedule::At { at, .. } = Schedule::at(local, "Europe/Berlin").unwrap() else { panic!() };
        assert_eq!(at.hour(), 8, "09:00 in Berlin in winter is 08:00 UTC");
        assert!(Schedule::at(local, "Mars/Olympus").is_err());
        let gap = NaiveDateTime::parse_from_str("2026-03-29 02:30", "%Y-%m-%d %H:%M").unwrap();
        assert!(Schedule::at(gap, "Europe/Berlin").is_err(), "no such local time");
    }

    /// Campaigns stored before `Failed` existed keep their state: postcard stores a variant by
    /// its position, so the positions are pinned here.
    #[test]
    fn stored_states_keep_their_positions() {
        for (state, byte) in CampaignState::ALL.iter().zip(0u8..) {
            assert_eq!(postcard::to_allocvec(state).unwrap(), [byte], "{state:?}");
            assert_eq!(postcard::from_bytes::<CampaignState>(&[byte]).unwrap(), *state);
        }
        assert_eq!(CampaignState::ALL.last(), Some(&CampaignState::Testing), "new states go last");
    }

    #[test]
    fn cron_in_a_zone() {
        let s = Schedule::cron("0 9 * * 1", "Europe/Berlin").unwrap();
        let after = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap(); // a Monday, 13:00 Berlin
        let next = s.next_after(after).unwrap();
        assert_eq!(next, Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap());
        assert!(Schedule::cron("61 * * * *", "UTC").is_err());
    }
}
