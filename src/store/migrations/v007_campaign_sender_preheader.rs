//! Version 7: campaigns gain `sender` (a sender of Settings → Email; empty: the default) and
//! `preheader`, both empty for every stored campaign: they keep going out as before. postcard
//! stores fields by position, so each stored campaign is rewritten with the two at the end.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Migration;
use crate::mail::BodyFormat;
use crate::sending::campaign::{Audience, Campaign, CampaignId, CampaignState, Schedule};

pub const MIGRATION: Migration = Migration { version: 7, name: "campaign sender and preheader", up };

/// A campaign as versions 1–6 wrote it.
#[derive(Serialize, Deserialize)]
struct V6 {
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
}

fn up(db: &sled::Db) -> Result<(), String> {
    let tree = db.open_tree(crate::sending::campaign::TREE).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        // Already rewritten (a migration interrupted and run again): the old shape is a prefix
        // of the new one, so only the full read tells them apart.
        if postcard::from_bytes::<Campaign>(&v).is_ok() {
            continue;
        }
        let o: V6 = postcard::from_bytes(&v).map_err(|e| format!("reading a campaign: {e}"))?;
        let new = Campaign {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_campaigns_read_with_the_default_sender_and_no_preheader() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let now = Utc::now();
        let old = V6 {
            id: CampaignId::new(),
            name: "Winter sale".into(),
            subject: "Our winter offers".into(),
            body: "# Hello".into(),
            format: BodyFormat::Markdown,
            layout: String::new(),
            purpose: "newsletter".into(),
            audience: Audience { lists: vec!["news".into()], tags: vec![], search: String::new() },
            relay: String::new(),
            schedule: None,
            state: CampaignState::Sent,
            state_reason: String::new(),
            parent: None,
            next_run: None,
            created_by: "user:x".into(),
            created_at: now,
            updated_at: now,
            started_at: Some(now),
            finished_at: Some(now),
        };
        let tree = db.open_tree(crate::sending::campaign::TREE).unwrap();
        tree.insert(old.id.as_bytes(), postcard::to_allocvec(&old).unwrap()).unwrap();
        assert!(postcard::from_bytes::<Campaign>(&tree.get(old.id.as_bytes()).unwrap().unwrap()).is_err());
        up(&db).unwrap();
        up(&db).unwrap();
        let (_, v) = tree.iter().next().unwrap().unwrap();
        let c: Campaign = postcard::from_bytes(&v).unwrap();
        assert_eq!(
            (c.name.as_str(), c.state, c.audience.lists.as_slice()),
            ("Winter sale", CampaignState::Sent, &["news".to_string()][..])
        );
        assert_eq!((c.sender.as_str(), c.preheader.as_str()), ("", ""));
    }
}
