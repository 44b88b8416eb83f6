//! List growth: how many contacts there were, by status and per list, day by day.
//!
//! Counting a list of a million contacts from sled on every dashboard load is out of the
//! question, and the records do not keep when each status began, so history cannot be derived
//! after the fact. Instead the `list_growth` job (hourly by default, `jobs.list_growth`) takes
//! the counts from the search index, where each is a term-frequency lookup or one boolean
//! count (milliseconds at a million contacts), and stores them under the day (UTC): later runs
//! the same day overwrite the row, so each day keeps its last count and a missed run costs
//! nothing. History therefore starts on the day the appliance first ran the job; the dashboard
//! adds a live count for today.
//!
//! Tree `list_growth`: day (u32 days since 1970-01-01, big endian) → [`Snapshot`] (postcard).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::Status;
use crate::search::{ContactQuery, SearchError, SearchIndex};
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const TREE: &str = "list_growth";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "contacts per status and per list, one row a day (list growth on the dashboard)",
    holds: Holds::Nothing { why: "counts and list names only" },
};

/// The counts of one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub at: DateTime<Utc>,
    pub contacts: u64,
    pub subscribed: u64,
    pub pending: u64,
    pub unsubscribed: u64,
    pub bounced: u64,
    pub complained: u64,
    pub lists: Vec<ListSize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListSize {
    pub slug: String,
    pub members: u64,
    /// Members whose status is subscribed.
    pub subscribed: u64,
}

pub fn day_number(d: NaiveDate) -> u32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
    u32::try_from((d - epoch).num_days().max(0)).unwrap_or(0)
}

fn day_of(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date") + chrono::Duration::days(i64::from(n))
}

/// The counts by status now, from the search index (term frequencies: microseconds).
pub fn statuses(index: &SearchIndex, now: DateTime<Utc>) -> Snapshot {
    let status = |s: Status| index.doc_freq("status", s.as_str());
    Snapshot {
        at: now,
        contacts: index.num_docs(),
        subscribed: status(Status::Subscribed),
        pending: status(Status::Pending),
        unsubscribed: status(Status::Unsubscribed),
        bounced: status(Status::Bounced),
        complained: status(Status::Complained),
        lists: Vec::new(),
    }
}

/// [`statuses`], and the members and subscribed members of each of `lists`.
pub fn take(index: &SearchIndex, lists: &[String], now: DateTime<Utc>) -> Result<Snapshot, SearchError> {
    let mut snap = statuses(index, now);
    for slug in lists {
        let q = ContactQuery { lists: vec![slug.clone()], status: Some(Status::Subscribed), ..Default::default() };
        let subscribed = index.count(&q)? as u64;
        snap.lists.push(ListSize { slug: slug.clone(), members: index.doc_freq("list", slug), subscribed });
    }
    Ok(snap)
}

/// Stores a snapshot as its day's row (uncommitted).
pub fn save(store: &Store, snap: &Snapshot) -> Result<()> {
    let tree: PlainTree<Snapshot> = store.plain(TREE)?;
    tree.put(&day_number(snap.at.date_naive()).to_be_bytes(), snap)
}

/// The rows of the days from `from` to `to` (inclusive) that have one, oldest first.
pub fn history(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, Snapshot)>> {
    let tree = store.tree(TREE)?;
    let mut out = Vec::new();
    for item in tree.range(day_number(from).to_be_bytes()..=day_number(to).to_be_bytes()) {
        let (k, v) = item?;
        let Ok(n) = <[u8; 4]>::try_from(k.as_ref()) else { continue };
        out.push((day_of(u32::from_be_bytes(n)), postcard::from_bytes(&v)?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_sort_in_time_order() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(day_of(day_number(d)), d);
        assert!(day_number(d).to_be_bytes() < day_number(d.succ_opt().unwrap()).to_be_bytes());
    }
}
