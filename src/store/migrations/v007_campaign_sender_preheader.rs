//! Version 7: campaigns gain `sender` (a sender of Settings → Email; empty: the default) and
//! `preheader`, both empty for every stored campaign: they keep going out as before. postcard
//! stores fields by position, so each stored campaign is rewritten with the two at the end.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Inputs, Migration};
use crate::domain::CampaignId;

pub const MIGRATION: Migration = Migration { version: 7, name: "campaign sender and preheader", up };

/// The campaigns' tree, as versions 1–7 named it.
const TREE: &str = "campaigns";

// The parts of a campaign, as versions 1–7 write them. postcard stores a variant by its position
// (the names are for the reader): later versions may add variants at the end, never between.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum BodyFormat {
    Markdown,
    Html,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Audience {
    pub(crate) lists: Vec<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) search: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) enum Schedule {
    At { local: NaiveDateTime, time_zone: String, at: DateTime<Utc> },
    Cron { expr: String, time_zone: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum CampaignState {
    Draft,
    Scheduled,
    Sending,
    Paused,
    Sent,
    Cancelled,
    Failed,
}

/// A campaign as versions 1–6 wrote it.
#[derive(Serialize, Deserialize)]
pub(crate) struct V6 {
    pub(crate) id: CampaignId,
    pub(crate) name: String,
    pub(crate) subject: String,
    pub(crate) body: String,
    pub(crate) format: BodyFormat,
    pub(crate) layout: String,
    pub(crate) purpose: String,
    pub(crate) audience: Audience,
    pub(crate) relay: String,
    pub(crate) schedule: Option<Schedule>,
    pub(crate) state: CampaignState,
    pub(crate) state_reason: String,
    pub(crate) parent: Option<CampaignId>,
    pub(crate) next_run: Option<DateTime<Utc>>,
    pub(crate) created_by: String,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
    pub(crate) started_at: Option<DateTime<Utc>>,
    pub(crate) finished_at: Option<DateTime<Utc>>,
}

/// A campaign as version 7 writes it: `sender` and `preheader` last.
#[derive(Serialize, Deserialize)]
struct V7 {
    id: CampaignId,
    name: String,
    subject: String,
    body: String,
    format: BodyFormat,
    layout: String,
    purpose: String,
    audience: Audience,
    relay: String,
    schedule: Option<Schedule>,
    state: CampaignState,
    state_reason: String,
    parent: Option<CampaignId>,
    next_run: Option<DateTime<Utc>>,
    created_by: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    started_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
    sender: String,
    preheader: String,
}

pub(crate) fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let tree = db.open_tree(TREE).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        // Already rewritten (a migration interrupted and run again): the old shape is a prefix
        // of the new one, so only the full read tells them apart.
        if postcard::from_bytes::<V7>(&v).is_ok() {
            continue;
        }
        let o: V6 = postcard::from_bytes(&v).map_err(|e| format!("reading a campaign: {e}"))?;
        let new = V7 {
            id: o.id,
            name: o.name,
            subject: o.subject,
            body: o.body,
            format: o.format,
            layout: o.layout,
            purpose: o.purpose,
            audience: o.audience,
            relay: o.relay,
            schedule: o.schedule,
            state: o.state,
            state_reason: o.state_reason,
            parent: o.parent,
            next_run: o.next_run,
            created_by: o.created_by,
            created_at: o.created_at,
            updated_at: o.updated_at,
            started_at: o.started_at,
            finished_at: o.finished_at,
            sender: String::new(),
            preheader: String::new(),
        };
        tree.insert(k, postcard::to_allocvec(&new).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    }
    Ok(())
}
