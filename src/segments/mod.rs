//! Segments: definitions (a named filter, `domain::segment`), the contacts each holds now, and
//! every entry and exit, kept by the segments' reader of the change feed ([`live`]) rather than
//! recomputed when used. A room of its own: the store and the rest of the house know nothing
//! of it beyond the registrations in `wiring.rs`.
//!
//! Trees:
//! - `segments`: id → [`Segment`] (name, filter, version, build state);
//! - `segment_members`: segment id ‖ contact id → when it entered (ms) ‖ the segment's version;
//! - `segment_member_of`: contact id ‖ segment id → nothing (a person's segments, and erasure);
//! - `segment_log`: contact id ‖ seq → [`Transition`] (entered or exited, when, which version);
//! - `segment_sizes`: segment id → members now; `segment_daily`: segment id ‖ day → size at the
//!   end of the day, entered and exited that day (the growth chart).
//!
//! Only the segments' reader (and its build and time flips, which write through it) changes
//! memberships; erasure removes a person from every segment with their other records.

pub mod live;
pub mod ops;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::segment::Filter;
use crate::domain::{ContactId, PersonId, SegmentId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{PlainTree, Result, Store, Writes};

pub const DEFINITIONS: &str = "segments";
pub const MEMBERS: &str = "segment_members";
pub const MEMBER_OF: &str = "segment_member_of";
pub const LOG: &str = "segment_log";
pub const SIZES: &str = "segment_sizes";
pub const DAILY: &str = "segment_daily";

pub const REGISTRATION: Registration = Registration {
    tree: DEFINITIONS,
    purpose: "segment definitions: name, filter, version, build progress",
    holds: Holds::Nothing { why: "filters written by staff over fields and events; no contact is named by id" },
};

pub const MEMBERS_REGISTRATION: Registration = Registration {
    tree: MEMBERS,
    purpose: "which contacts each segment holds now, and since when",
    holds: Holds::Personal {
        categories: &["segment memberships"],
        // Erased through the person's list of segments (`segment_member_of`), before it.
        layout: Layout::Custom(erase_memberships),
        export: None,
    },
};

pub const MEMBER_OF_REGISTRATION: Registration = Registration {
    tree: MEMBER_OF,
    purpose: "which segments a contact belongs to",
    holds: Holds::Personal {
        categories: &["segment memberships"],
        layout: Layout::PersonPrefix,
        export: Some(export_memberships),
    },
};

pub const LOG_REGISTRATION: Registration = Registration {
    tree: LOG,
    purpose: "when a contact entered or left each segment",
    holds: Holds::Personal {
        categories: &["segment entries and exits"],
        layout: Layout::PersonPrefix,
        export: Some(export_log),
    },
};

pub const SIZES_REGISTRATION: Registration = Registration {
    tree: SIZES,
    purpose: "how many contacts each segment holds",
    holds: Holds::Nothing { why: "a count per segment" },
};

pub const DAILY_REGISTRATION: Registration = Registration {
    tree: DAILY,
    purpose: "each segment's size, entries and exits per day",
    holds: Holds::Nothing { why: "counts per segment and day" },
};

/// Where building a segment over every contact stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Build {
    /// Waiting for the builder (a new or edited segment).
    Queued,
    Running {
        done: u64,
        total: u64,
        started: DateTime<Utc>,
    },
    Ready {
        at: DateTime<Utc>,
        took_ms: u64,
    },
    Cancelled {
        at: DateTime<Utc>,
        done: u64,
    },
    Failed {
        at: DateTime<Utc>,
        error: String,
    },
}

impl Build {
    /// The members are the segment's: built, and kept since.
    pub fn is_ready(&self) -> bool {
        matches!(self, Build::Ready { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub id: SegmentId,
    pub name: String,
    pub description: String,
    /// The filter's JSON (`domain::segment::Filter::to_json`).
    pub filter: String,
    /// Raised on every change of the filter: a membership records the version it was decided
    /// under.
    pub version: u32,
    pub build: Build,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// `user:…`, `token:…`.
    pub created_by: String,
}

/// One entry into or exit from a segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    pub segment: SegmentId,
    pub entered: bool,
    pub at: DateTime<Utc>,
    pub version: u32,
}

/// One day of a segment's growth chart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Day {
    pub day: NaiveDate,
    pub size: u64,
    pub entered: u64,
    pub exited: u64,
}

fn pair(a: &[u8; 16], b: &[u8; 16]) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..16].copy_from_slice(a);
    k[16..].copy_from_slice(b);
    k
}

fn day_key(segment: &SegmentId, day: NaiveDate) -> [u8; 20] {
    let mut k = [0u8; 20];
    k[..16].copy_from_slice(segment.as_bytes());
    k[16..].copy_from_slice(&(day.num_days_from_ce() as u32).to_be_bytes());
    k
}

use chrono::Datelike;

fn u64_of(v: &[u8]) -> u64 {
    v.get(..8).map_or(0, |b| u64::from_be_bytes(b.try_into().expect("8 bytes")))
}

#[derive(Clone)]
pub struct Segments {
    store: Store,
    definitions: PlainTree<Segment>,
    members: sled::Tree,
    member_of: sled::Tree,
    log: sled::Tree,
    sizes: sled::Tree,
    daily: sled::Tree,
}

impl Segments {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            store: store.clone(),
            definitions: store.plain(DEFINITIONS)?,
            members: store.tree(MEMBERS)?,
            member_of: store.tree(MEMBER_OF)?,
            log: store.tree(LOG)?,
            sizes: store.tree(SIZES)?,
            daily: store.tree(DAILY)?,
        })
    }

    pub fn get(&self, id: &SegmentId) -> Result<Option<Segment>> {
        self.definitions.get(id.as_bytes())
    }

    /// Every segment, oldest first.
    pub fn all(&self) -> Result<Vec<Segment>> {
        self.definitions.iter().map(|r| r.map(|(_, s)| s)).collect()
    }

    /// Adds to `w` a change of a segment's build state (the segments' reader, with the batch
    /// that made the progress: a build is never ready before its members are on disk).
    pub fn stage_build(&self, w: &mut Writes, id: &SegmentId, f: impl FnOnce(&Build) -> Option<Build>) -> Result<()> {
        let Some(s) = self.get(id)? else { return Ok(()) };
        let Some(next) = f(&s.build) else { return Ok(()) };
        self.definitions.stage_update(w, id.as_bytes(), |s| s.build = next)?;
        Ok(())
    }

    /// Saves a definition (uncommitted).
    pub fn put(&self, s: &Segment) -> Result<()> {
        self.definitions.put(s.id.as_bytes(), s)
    }

    /// The filter of a segment, parsed without its schema (stored filters were checked when
    /// saved; a field removed since reads as empty).
    pub fn filter_of(&self, id: &SegmentId) -> Result<Option<Filter>> {
        Ok(self.get(id)?.and_then(|s| stored_filter(&s)))
    }

    pub fn size(&self, id: &SegmentId) -> Result<u64> {
        Ok(self.sizes.get(id.as_bytes())?.map_or(0, |v| u64_of(&v)))
    }

    pub fn is_member(&self, segment: &SegmentId, contact: &ContactId) -> Result<bool> {
        Ok(self.members.contains_key(pair(segment.as_bytes(), contact.as_bytes()))?)
    }

    /// When the contact entered the segment, and under which version.
    pub fn membership(&self, segment: &SegmentId, contact: &ContactId) -> Result<Option<(DateTime<Utc>, u32)>> {
        Ok(self.members.get(pair(segment.as_bytes(), contact.as_bytes()))?.map(|v| decode_member(&v)))
    }

    /// Up to `limit` members after `after`, in contact id order (creation order).
    pub fn members(&self, segment: &SegmentId, after: Option<&ContactId>, limit: usize) -> Result<Vec<ContactId>> {
        let start = match after {
            Some(c) => {
                let mut k = pair(segment.as_bytes(), c.as_bytes()).to_vec();
                k.push(0);
                k
            }
            None => segment.as_bytes().to_vec(),
        };
        let mut end = segment.as_bytes().to_vec();
        end.extend_from_slice(&[0xff; 17]);
        let mut out = Vec::new();
        for k in self.members.range(start..end).keys().take(limit) {
            if let Some(c) = ContactId::from_slice(&k?[16..]) {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// The segments a contact belongs to now.
    pub fn segments_of(&self, contact: &ContactId) -> Result<Vec<SegmentId>> {
        let mut out = Vec::new();
        for k in self.member_of.scan_prefix(contact.as_bytes()).keys() {
            if let Some(s) = SegmentId::from_slice(&k?[16..]) {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// A contact's entries and exits, oldest first.
    pub fn log_of(&self, contact: &ContactId) -> Result<Vec<Transition>> {
        let mut out = Vec::new();
        for kv in self.log.scan_prefix(contact.as_bytes()) {
            let (_, v) = kv?;
            out.push(postcard::from_bytes(&v)?);
        }
        Ok(out)
    }

    /// The last `days` days of a segment's growth, oldest first; days without a change carry
    /// the size before them.
    pub fn growth(&self, segment: &SegmentId, days: u32, today: NaiveDate) -> Result<Vec<Day>> {
        let first = today - chrono::Duration::days(i64::from(days.max(1)) - 1);
        // The size at the start: the last recorded day before the window, if any.
        let mut size = match self.daily.range(segment.as_bytes().to_vec()..day_key(segment, first).to_vec()).next_back()
        {
            Some(kv) => u64_of(&kv?.1),
            None => 0,
        };
        let mut out = Vec::with_capacity(days as usize);
        let mut day = first;
        while day <= today {
            match self.daily.get(day_key(segment, day))? {
                Some(v) => {
                    size = u64_of(&v);
                    out.push(Day { day, size, entered: u64_of(&v[8..]), exited: u64_of(&v[16..]) });
                }
                None => out.push(Day { day, size, entered: 0, exited: 0 }),
            }
            day += chrono::Duration::days(1);
        }
        Ok(out)
    }

    /// Stages the contact's entry (`entered`) or exit in `w`: the membership, the person's list,
    /// the log and the counters (read here and adjusted in `tally`, which the caller carries
    /// over its batch so that several transitions of one segment add up).
    #[allow(clippy::too_many_arguments)]
    pub fn stage_transition(
        &self,
        w: &mut Writes,
        tally: &mut Tally,
        segment: &SegmentId,
        contact: &ContactId,
        entered: bool,
        version: u32,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let mk = pair(segment.as_bytes(), contact.as_bytes());
        let ok = pair(contact.as_bytes(), segment.as_bytes());
        if entered {
            let mut v = at.timestamp_millis().to_be_bytes().to_vec();
            v.extend_from_slice(&version.to_be_bytes());
            w.put(&self.members, mk.to_vec(), v);
            w.put(&self.member_of, ok.to_vec(), Vec::new());
        } else {
            w.remove(&self.members, mk.to_vec());
            w.remove(&self.member_of, ok.to_vec());
        }
        let mut lk = contact.as_bytes().to_vec();
        lk.extend_from_slice(&self.store.db().generate_id()?.to_be_bytes());
        let t = Transition { segment: *segment, entered, at, version };
        w.put(&self.log, lk, postcard::to_allocvec(&t)?);
        tally.count(self, segment, at.date_naive(), entered)?;
        Ok(())
    }

    /// Stages the counters `tally` holds.
    pub fn stage_tally(&self, w: &mut Writes, tally: Tally) {
        for (segment, size) in tally.sizes {
            w.put(&self.sizes, segment.as_bytes().to_vec(), size.to_be_bytes().to_vec());
        }
        for ((segment, day), (size, entered, exited)) in tally.days {
            let mut v = size.to_be_bytes().to_vec();
            v.extend_from_slice(&entered.to_be_bytes());
            v.extend_from_slice(&exited.to_be_bytes());
            w.put(&self.daily, day_key(&segment, day).to_vec(), v);
        }
    }

    /// Removes a segment and its memberships (uncommitted; the log stays with each person until
    /// erased). Returns how many members it had.
    pub fn remove(&self, id: &SegmentId) -> Result<u64> {
        let mut n = 0;
        let _gate = self.store.write_gate();
        for k in self.members.scan_prefix(id.as_bytes()).keys() {
            let k = k?;
            if let Some(c) = ContactId::from_slice(&k[16..]) {
                self.member_of.remove(pair(c.as_bytes(), id.as_bytes()))?;
            }
            self.members.remove(k)?;
            n += 1;
        }
        self.sizes.remove(id.as_bytes())?;
        for k in self.daily.scan_prefix(id.as_bytes()).keys() {
            self.daily.remove(k?)?;
        }
        drop(_gate);
        self.definitions.remove(id.as_bytes())?;
        Ok(n)
    }
}

/// What the search index holds of memberships (it reads them on each entry and exit).
impl crate::search::Memberships for Segments {
    fn segments_of(&self, contact: &ContactId) -> Result<Vec<SegmentId>> {
        Segments::segments_of(self, contact)
    }
}

/// A batch's counters: sizes and today's entries and exits per segment, read once and carried.
#[derive(Default)]
pub struct Tally {
    sizes: std::collections::HashMap<SegmentId, u64>,
    days: std::collections::HashMap<(SegmentId, NaiveDate), (u64, u64, u64)>,
}

impl Tally {
    fn count(&mut self, s: &Segments, segment: &SegmentId, day: NaiveDate, entered: bool) -> Result<()> {
        let size = match self.sizes.entry(*segment) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(s.size(segment)?),
        };
        *size = if entered { *size + 1 } else { size.saturating_sub(1) };
        let size = *size;
        let key = (*segment, day);
        let d = match self.days.entry(key) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(
                s.daily.get(day_key(segment, day))?.map_or((0, 0, 0), |v| (0, u64_of(&v[8..]), u64_of(&v[16..]))),
            ),
        };
        d.0 = size;
        if entered {
            d.1 += 1;
        } else {
            d.2 += 1;
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }
}

fn decode_member(v: &[u8]) -> (DateTime<Utc>, u32) {
    let ms = v.get(..8).map_or(0, |b| i64::from_be_bytes(b.try_into().expect("8 bytes")));
    let version = v.get(8..12).map_or(0, |b| u32::from_be_bytes(b.try_into().expect("4 bytes")));
    (Utc.timestamp_millis_opt(ms).single().unwrap_or_default(), version)
}

/// A stored segment's filter (checked when it was saved).
pub fn stored_filter(s: &Segment) -> Option<Filter> {
    let v: serde_json::Value = serde_json::from_str(&s.filter).ok()?;
    Filter::parse(&v, &crate::domain::segment::Schema::STORED).ok()
}

/// Erasure: the person leaves every segment (the counters follow: erasure is the one other
/// writer of memberships, and it counts an exit like the reader would).
fn erase_memberships(store: &Store, person: &PersonId) -> Result<usize> {
    let s = Segments::open(store)?;
    let Some(contact) = ContactId::from_slice(person.as_bytes()) else { return Ok(0) };
    let of = s.segments_of(&contact)?;
    if of.is_empty() {
        return Ok(0);
    }
    let mut w = Writes::new();
    let mut tally = Tally::default();
    let now = Utc::now();
    for segment in &of {
        w.remove(&s.members, pair(segment.as_bytes(), contact.as_bytes()).to_vec());
        tally.count(&s, segment, now.date_naive(), false)?;
    }
    s.stage_tally(&mut w, tally);
    store.apply(&w)?;
    Ok(of.len())
}

fn export_memberships(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let s = Segments::open(store)?;
    let Some(contact) = ContactId::from_slice(person.as_bytes()) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for segment in s.segments_of(&contact)? {
        let name = s.get(&segment)?.map(|d| d.name).unwrap_or_default();
        let since = s.membership(&segment, &contact)?.map(|(at, _)| at);
        out.push(serde_json::json!({ "segment": segment.to_string(), "name": name, "since": since }));
    }
    Ok(out)
}

fn export_log(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let s = Segments::open(store)?;
    let Some(contact) = ContactId::from_slice(person.as_bytes()) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for t in s.log_of(&contact)? {
        let name = s.get(&t.segment)?.map(|d| d.name).unwrap_or_default();
        out.push(serde_json::json!({
            "segment": t.segment.to_string(), "name": name, "entered": t.entered, "at": t.at, "version": t.version,
        }));
    }
    Ok(out)
}
