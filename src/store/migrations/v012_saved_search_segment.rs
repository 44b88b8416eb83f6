//! Version 12: a saved search may filter by a segment (`segment`, a segment id), one more
//! optional filter beside status, tag, list, consent and engagement. postcard stores fields by
//! position and the filters sit in the middle of a saved search, so each stored one is
//! rewritten with no segment: it keeps selecting what it selected.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 12, name: "saved search segment", up };

/// The saved searches' tree, as versions 1–12 name it.
const TREE: &str = "saved_searches";

/// A saved search's filters as versions 1–11 write them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct FiltersV11 {
    pub(crate) status: Option<String>,
    pub(crate) tag: Option<String>,
    pub(crate) list: Option<String>,
    pub(crate) consent: Option<String>,
    pub(crate) engagement: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct V11 {
    pub(crate) id: Uuid,
    pub(crate) name: String,
    pub(crate) filters: FiltersV11,
    pub(crate) created_by: String,
    pub(crate) created_at: DateTime<Utc>,
}

/// The filters as version 12 writes them: `segment` last.
#[derive(Debug, Serialize, Deserialize)]
struct FiltersV12 {
    status: Option<String>,
    tag: Option<String>,
    list: Option<String>,
    consent: Option<String>,
    engagement: Option<String>,
    segment: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct V12 {
    id: Uuid,
    name: String,
    filters: FiltersV12,
    created_by: String,
    created_at: DateTime<Utc>,
}

/// `raw` read whole as a `T` (postcard's plain read leaves trailing bytes unread, and the two
/// shapes differ in the middle).
fn whole<'a, T: Deserialize<'a>>(raw: &'a [u8]) -> Option<T> {
    match postcard::take_from_bytes::<T>(raw) {
        Ok((v, [])) => Some(v),
        _ => None,
    }
}

pub(crate) fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let tree = db.open_tree(TREE).map_err(|e| e.to_string())?;
    for item in tree.iter() {
        let (k, v) = item.map_err(|e| e.to_string())?;
        // Already rewritten (a migration interrupted and run again).
        if whole::<V12>(&v).is_some() {
            continue;
        }
        let o: V11 = whole(&v).ok_or_else(|| "reading a saved search: not the shape of version 11".to_string())?;
        let f = o.filters;
        let new = V12 {
            id: o.id,
            name: o.name,
            filters: FiltersV12 {
                status: f.status,
                tag: f.tag,
                list: f.list,
                consent: f.consent,
                engagement: f.engagement,
                segment: None,
            },
            created_by: o.created_by,
            created_at: o.created_at,
        };
        tree.insert(k, postcard::to_allocvec(&new).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    }
    Ok(())
}
