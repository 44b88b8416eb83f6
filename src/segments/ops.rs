//! What staff do with segments: define, change, remove, stop a build, try a filter before
//! saving it, and ask which segments a contact is in and why.

use std::time::{Duration, Instant};

use chrono::Utc;
use serde::Deserialize;
use serde_json::Value;

use super::{Build, Segment};
use crate::audit::Action;
use crate::domain::segment::{Filter, Outcome, Schema};
use crate::domain::{ContactId, Permission, SegmentId};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::state::AppState;

/// A name is at most this long; a description at most `DESCRIPTION_MAX`.
pub const NAME_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 1_000;
/// A filter's JSON is at most this long (it is checked before it is parsed).
pub const FILTER_MAX: usize = 64 * 1024;
/// A preview stops looking after this long and says how far it got. Counting any filter should
/// take less; at a million contacts one the index cannot narrow took 2.0 s on two cores.
pub const PREVIEW_BUDGET: Duration = Duration::from_secs(3);
/// Contacts a preview shows.
const SAMPLE: usize = 10;
/// Threads a preview evaluates candidates on (the machines this runs on have two cores).
const PREVIEW_THREADS: usize = 2;

#[derive(Debug, Default, Deserialize)]
pub struct SegmentInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub filter: Option<Value>,
}

/// Parses a filter against today's fields and segments.
pub fn parse_filter(state: &AppState, v: &Value) -> OpResult<Filter> {
    if serde_json::to_string(v).map_or(0, |s| s.len()) > FILTER_MAX {
        return Err(invalid("filter", format!("at most {} KiB", FILTER_MAX / 1024)));
    }
    let fields = state.fields.all();
    let segments = state.segments.segments();
    let field = |k: &str| fields.iter().find(|d| d.key == k).map(|d| d.kind);
    let exists = |s: &SegmentId| segments.get(s).ok().flatten().is_some();
    let schema = Schema { field: &field, segment_exists: &exists, stored: false };
    Filter::parse(v, &schema).map_err(|e| OpError::Invalid { field: "filter", message: e.to_string() })
}

fn clean_name(state: &AppState, name: &str, me: Option<&SegmentId>) -> OpResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err(invalid("name", format!("a name of 1 to {NAME_MAX} characters")));
    }
    let taken =
        state.segments.segments().all()?.into_iter().any(|s| Some(&s.id) != me && s.name.eq_ignore_ascii_case(name));
    if taken {
        return Err(invalid("name", format!("a segment named \"{name}\" exists")));
    }
    Ok(name.to_string())
}

fn clean_description(d: &str) -> OpResult<String> {
    let d = d.trim();
    if d.chars().count() > DESCRIPTION_MAX {
        return Err(invalid("description", format!("at most {DESCRIPTION_MAX} characters")));
    }
    Ok(d.to_string())
}

pub fn create(state: &AppState, by: By, input: &SegmentInput) -> OpResult<Segment> {
    by.require(Permission::EditContacts)?;
    let name = clean_name(state, input.name.as_deref().unwrap_or(""), None)?;
    let description = clean_description(input.description.as_deref().unwrap_or(""))?;
    let Some(v) = &input.filter else { return Err(invalid("filter", "a segment needs a filter")) };
    let filter = parse_filter(state, v)?;
    let now = Utc::now();
    let s = Segment {
        id: SegmentId::new(),
        name,
        description,
        filter: filter.to_json().to_string(),
        version: 1,
        build: Build::Queued,
        created_at: now,
        updated_at: now,
        created_by: by.actor.reference(),
    };
    state.segments.segments().put(&s)?;
    state.audit.append_uncommitted(by.event(Action::SegmentSaved).target(s.id.reference()).detail("version", 1))?;
    state.store.commit()?;
    state.segments.reload();
    state.segments.build(s.id);
    Ok(s)
}

pub fn update(state: &AppState, by: By, id: &SegmentId, input: &SegmentInput) -> OpResult<Segment> {
    by.require(Permission::EditContacts)?;
    let repo = state.segments.segments();
    let mut s = repo.get(id)?.ok_or(OpError::NotFound("segment"))?;
    if let Some(n) = &input.name {
        s.name = clean_name(state, n, Some(id))?;
    }
    if let Some(d) = &input.description {
        s.description = clean_description(d)?;
    }
    let mut rebuild = false;
    if let Some(v) = &input.filter {
        let filter = parse_filter(state, v)?;
        filter
            .check_cycles(id, &|other| repo.filter_of(other).ok().flatten())
            .map_err(|e| OpError::Invalid { field: "filter", message: e.to_string() })?;
        let json = filter.to_json().to_string();
        if json != s.filter {
            s.filter = json;
            s.version += 1;
            s.build = Build::Queued;
            rebuild = true;
        }
    }
    s.updated_at = Utc::now();
    repo.put(&s)?;
    state
        .audit
        .append_uncommitted(by.event(Action::SegmentSaved).target(s.id.reference()).detail("version", s.version))?;
    state.store.commit()?;
    state.segments.reload();
    if rebuild {
        state.segments.build(s.id);
    }
    Ok(s)
}

pub fn delete(state: &AppState, by: By, id: &SegmentId) -> OpResult<()> {
    by.require(Permission::EditContacts)?;
    let repo = state.segments.segments();
    let s = repo.get(id)?.ok_or(OpError::NotFound("segment"))?;
    if let Some(user) = repo
        .all()?
        .into_iter()
        .find(|o| o.id != *id && super::stored_filter(o).is_some_and(|f| f.segments().contains(id)))
    {
        return Err(OpError::Conflict(format!("The segment \"{}\" uses this one; change it first.", user.name)));
    }
    // Asked of the sending room: a campaign not yet finished sends to this segment's members
    // or leaves them out, and either would change under it.
    if let Some(c) = state.sending.campaigns.targeting(id)? {
        return Err(OpError::Conflict(format!(
            "The campaign \"{}\" targets this segment; change or finish the campaign first.",
            c.name
        )));
    }
    // Asked of the contacts room: a saved search filtered by this segment (a view of the
    // contact list, perhaps a campaign's audience) would then select nobody, or fail.
    if let Some(search) =
        state.saved_searches.all()?.into_iter().find(|x| x.filters.segment.as_deref() == Some(&id.to_string()))
    {
        return Err(OpError::Conflict(format!(
            "The saved search \"{}\" filters by this segment; change or delete it first.",
            search.name
        )));
    }
    state.segments.cancel(id);
    let members = repo.remove(id)?;
    state.audit.append_uncommitted(
        by.event(Action::SegmentDeleted).target(s.id.reference()).detail("name", &s.name).detail("members", members),
    )?;
    state.store.commit()?;
    state.segments.reload();
    Ok(())
}

/// Stops a running build: the segment keeps no members until it is built again (saving it).
pub fn cancel(state: &AppState, by: By, id: &SegmentId) -> OpResult<Segment> {
    by.require(Permission::EditContacts)?;
    let repo = state.segments.segments();
    let mut s = repo.get(id)?.ok_or(OpError::NotFound("segment"))?;
    let done = match s.build {
        Build::Queued => 0,
        Build::Running { done, .. } => done,
        _ => return Err(OpError::Conflict("Only a segment being built can be stopped.".into())),
    };
    state.segments.cancel(id);
    s.build = Build::Cancelled { at: Utc::now(), done };
    repo.put(&s)?;
    state
        .audit
        .append_uncommitted(by.event(Action::SegmentSaved).target(s.id.reference()).detail("build", "cancelled"))?;
    state.store.commit()?;
    state.segments.reload();
    Ok(s)
}

/// Whether a segment's members can be listed now (the contact list filtered by it, its export,
/// a bulk action over them): only a built segment's members are its members; until then the
/// index holds a part of them, which would read as the whole.
pub enum Listing {
    Ready(Segment),
    NotBuilt(Segment),
    Unknown,
}

impl Listing {
    /// The rule, for a segment already read (or None: there is no such segment).
    pub fn of(segment: Option<Segment>) -> Listing {
        match segment {
            None => Listing::Unknown,
            Some(s) if s.build.is_ready() => Listing::Ready(s),
            Some(s) => Listing::NotBuilt(s),
        }
    }
}

pub fn listing(state: &AppState, id: &SegmentId) -> OpResult<Listing> {
    Ok(Listing::of(state.segments.segments().get(id)?))
}

/// The segments a search names, each listable; the error names the field `segment` (an unknown
/// id is refused, a segment not built yet is a conflict that says so).
pub fn check_listable(state: &AppState, ids: &[SegmentId]) -> OpResult<()> {
    for id in ids {
        match listing(state, id)? {
            Listing::Ready(_) => {}
            Listing::Unknown => return Err(invalid("segment", format!("there is no segment {id}"))),
            Listing::NotBuilt(s) => {
                return Err(OpError::Conflict(format!(
                    "The segment \"{}\" is not built yet; its members can be listed once it is.",
                    s.name
                )))
            }
        }
    }
    Ok(())
}

/// What a filter would hold now: how many of the contacts looked at match, a few of them, and
/// whether every contact was looked at within the time allowed.
#[derive(Debug, serde::Serialize)]
pub struct Preview {
    pub matched: u64,
    pub examined: u64,
    pub total: u64,
    pub complete: bool,
    pub sample: Vec<ContactId>,
}

/// One thread's part of a preview: contacts examined, matched, its sample, whether it finished.
type Share = (u64, u64, Vec<ContactId>, bool);

pub fn preview(state: &AppState, by: By, v: &Value) -> OpResult<Preview> {
    by.require(Permission::ViewContacts)?;
    let filter = parse_filter(state, v)?;
    let started = Instant::now();
    // The index follows the change feed: let it take in what was just written (bounded).
    state.search.catch_up(Duration::from_millis(500));
    let index = &state.search.index;
    let narrowed = index.narrow(&filter);
    // Counted by the index: a count of the contacts' tree walks every key (sled's `len`).
    let total = index.count_all()? as u64;
    // Restricted contacts are in no segment, whatever they match.
    let restricted = state.gdpr.restrictions.ids()?;
    if narrowed.exact {
        // The index holds every condition: its count is the answer.
        let mut matched = index.count_of(&*narrowed.query)? as u64;
        for r in &restricted {
            if index.matches(&*narrowed.query, r)? {
                matched = matched.saturating_sub(1);
            }
        }
        let mut sample = index.ids_of(&*narrowed.query, SAMPLE + restricted.len())?;
        sample.retain(|id| !restricted.contains(id));
        sample.sort();
        sample.truncate(SAMPLE);
        return Ok(Preview { matched, examined: total, total, complete: true, sample });
    }
    // Otherwise the index narrows to candidates, and each candidate is evaluated.
    let mut candidates = index.ids_of(&*narrowed.query, usize::MAX)?;
    let (probe, now) = (state.segments.probe(filter.clone()), Utc::now());
    candidates.sort();
    let ruled_out = total.saturating_sub(candidates.len() as u64);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let chunk = 256;
    let results: Vec<OpResult<Share>> = std::thread::scope(|s| {
        let work = || -> OpResult<Share> {
            let (mut examined, mut matched, mut sample) = (0u64, 0u64, Vec::new());
            loop {
                if started.elapsed() > PREVIEW_BUDGET {
                    return Ok((examined, matched, sample, false));
                }
                let from = next.fetch_add(chunk, std::sync::atomic::Ordering::Relaxed);
                if from >= candidates.len() {
                    return Ok((examined, matched, sample, true));
                }
                for id in &candidates[from..(from + chunk).min(candidates.len())] {
                    examined += 1;
                    if state.segments.explain(&probe, id, now)?.is_some_and(|o| o.matched) {
                        matched += 1;
                        if sample.len() < SAMPLE {
                            sample.push(*id);
                        }
                    }
                }
            }
        };
        let handles: Vec<_> = (0..PREVIEW_THREADS).map(|_| s.spawn(work)).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(OpError::Conflict("a count failed".into()))))
            .collect()
    });
    let mut out = Preview { matched: 0, examined: ruled_out, total, complete: true, sample: Vec::new() };
    for r in results {
        let (examined, matched, sample, complete) = r?;
        out.examined += examined;
        out.matched += matched;
        out.sample.extend(sample);
        out.complete &= complete;
    }
    out.sample.sort();
    out.sample.truncate(SAMPLE);
    Ok(out)
}

/// Evaluates `filter` for one contact now (None when the contact is gone or restricted).
pub fn explain(state: &AppState, filter: &Filter, id: &ContactId) -> OpResult<Option<Outcome>> {
    let probe = state.segments.probe(filter.clone());
    Ok(state.segments.explain(&probe, id, Utc::now())?)
}

/// A contact's segments now, each with why (the conditions as they stand) and since when.
pub struct ContactSegment {
    pub segment: Segment,
    pub since: Option<chrono::DateTime<Utc>>,
    pub why: Option<Outcome>,
}

pub fn of_contact(state: &AppState, by: By, id: &ContactId) -> OpResult<Vec<ContactSegment>> {
    by.require(Permission::ViewContacts)?;
    let repo = state.segments.segments();
    let mut out = Vec::new();
    for sid in repo.segments_of(id)? {
        let Some(segment) = repo.get(&sid)? else { continue };
        let since = repo.membership(&sid, id)?.map(|(at, _)| at);
        let why = match super::stored_filter(&segment) {
            Some(f) => explain(state, &f, id)?,
            None => None,
        };
        out.push(ContactSegment { segment, since, why });
    }
    Ok(out)
}
