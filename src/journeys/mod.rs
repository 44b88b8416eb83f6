//! Journeys: event-driven workflows a contact runs through (a welcome series, an abandoned
//! cart, a birthday). A room of its own: definitions (`domain::journey`), their published
//! versions, each contact's runs with their timeline, and counters per step. The engine
//! ([`engine`]) starts runs from the change feed, wakes them with the durable clock and puts
//! their mail in the outbox in the same transaction as the step it belongs to.
//!
//! Trees:
//! - `journeys`: id → [`Journey`] (name, state, the draft, the version published last);
//! - `journey_versions`: id ‖ version → [`Version`] (the definition frozen when published);
//! - `journey_runs`: contact ‖ run → [`Run`] (where it stands, what it waits for);
//! - `journey_entries`: contact ‖ journey → [`Entered`] (the run going on, when it last
//!   entered, the dedupe keys it entered with): re-entry rules and "one run at a time";
//! - `journey_log`: contact ‖ run ‖ seq → [`Line`] (the run's timeline, with reasons);
//! - `journey_counts`: journey ‖ version ‖ step → entered, waiting, passed, left, converted;
//!   and journey ‖ 0 (no version is 0, no step is empty) → runs started, over every version
//!   ([`Journeys::entries`]): a step's `entered` also counts runs that come back to it and runs
//!   moved to it when a version is published.
//!
//! A run's timer is the clock's (`journey`, `<contact>:<run>`): the contact's id in the key is
//! how erasure finds it.

pub mod engine;
pub mod ops;
pub mod recipes;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::journey::{Definition, StepId};
use crate::domain::{ContactId, JourneyId, MailId, PersonId, RunId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{PlainTree, Result, Store, Writes};

pub const JOURNEYS: &str = "journeys";
pub const VERSIONS: &str = "journey_versions";
pub const RUNS: &str = "journey_runs";
pub const ENTRIES: &str = "journey_entries";
pub const LOG: &str = "journey_log";
pub const COUNTS: &str = "journey_counts";
/// The clock's kind for runs' timers.
pub const TIMER: &str = "journey";
/// The clock's kind for a contact's next entry by a date trigger (`<contact>:<journey>:<n>`,
/// `n` the trigger's place): one timer per contact and trigger, moved when the date changes.
pub const DATE_TIMER: &str = "journey_date";
/// The clock's kind for a staff notification a run's step sends (`<contact>:<run>:<iteration>`,
/// the words in the payload): queued in the same transaction as the step, sent by the clock's
/// handler and tried again until the relay takes it.
pub const NOTIFY_TIMER: &str = "journey_notify";
/// The clock's kind for a schedule trigger's next time (`<journey>:<n>`).
pub const SCHEDULE_TIMER: &str = "journey_schedule";

pub const REGISTRATION: Registration = Registration {
    tree: JOURNEYS,
    purpose: "journey definitions: name, steps, state",
    holds: Holds::Nothing { why: "workflows written by staff; no contact is named" },
};

pub const VERSIONS_REGISTRATION: Registration = Registration {
    tree: VERSIONS,
    purpose: "published versions of each journey",
    holds: Holds::Nothing { why: "workflows written by staff; no contact is named" },
};

pub const RUNS_REGISTRATION: Registration = Registration {
    tree: RUNS,
    purpose: "where each contact stands in the journeys they run through",
    holds: Holds::Personal {
        categories: &["journey runs"],
        // The counters follow: a run erased no longer waits at its step.
        layout: Layout::Custom(erase_runs),
        export: Some(export_runs),
    },
};

pub const ENTRIES_REGISTRATION: Registration = Registration {
    tree: ENTRIES,
    purpose: "when a contact last entered each journey",
    // In the person's archive with their runs (`export_runs`): how often and when they
    // entered, and the values (an order number) each entry was deduplicated by.
    holds: Holds::Personal { categories: &["journey runs"], layout: Layout::PersonPrefix, export: None },
};

pub const LOG_REGISTRATION: Registration = Registration {
    tree: LOG,
    purpose: "what each step of a journey did for a contact, and why",
    holds: Holds::Personal { categories: &["journey history"], layout: Layout::PersonPrefix, export: Some(export_log) },
};

pub const COUNTS_REGISTRATION: Registration = Registration {
    tree: COUNTS,
    purpose: "how many contacts entered, wait at, passed and left each step",
    holds: Holds::Nothing { why: "counts per journey step" },
};

/// A journey's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Never published: nobody enters.
    Draft,
    /// Published: triggers start runs, runs go on.
    Live,
    /// Nobody enters; runs wait where they are until it is live again.
    Paused,
    /// Ended: nobody enters, every run was ended.
    Archived,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Live => "live",
            Status::Paused => "paused",
            Status::Archived => "archived",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    pub id: JourneyId,
    pub name: String,
    pub description: String,
    pub status: Status,
    /// The definition being edited, as JSON (`Definition::to_json`).
    pub draft: String,
    /// The version published last (0: never published).
    pub version: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// `user:…`, `token:…`.
    pub created_by: String,
}

/// A published version: runs keep the version they started on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub version: u32,
    pub definition: String,
    pub published_at: DateTime<Utc>,
    pub by: String,
    /// Where runs of the version before were moved, step by step (empty for the first).
    pub moved: BTreeMap<StepId, StepId>,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Ending {
    /// It reached an exit (or a step with nowhere to go).
    Completed,
    /// The journey's goal was met.
    Goal,
    /// It was ended for a reason (consent withdrawn, unsubscribed, restricted, archived).
    Left(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub id: RunId,
    pub journey: JourneyId,
    pub version: u32,
    pub contact: ContactId,
    /// The step it is at.
    pub step: StepId,
    /// How many steps it has taken (a message's key holds it: a loop's second pass is another
    /// message).
    pub iteration: u32,
    /// Waiting at its step until then (None: the step is done when the run is advanced).
    pub until: Option<DateTime<Utc>>,
    pub entered_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// What started it ("entered segment VIP", "event cart_added").
    pub trigger: String,
    /// The last message it queued, withdrawn if the run ends before it went.
    pub message: Option<MailId>,
    /// Ended (kept for the contact's timeline and the reports).
    pub ended: Option<(DateTime<Utc>, Ending)>,
}

impl Run {
    pub fn is_active(&self) -> bool {
        self.ended.is_none()
    }

    pub fn timer_key(&self) -> String {
        timer_key(&self.contact, &self.id)
    }
}

pub fn timer_key(contact: &ContactId, run: &RunId) -> String {
    format!("{contact}:{run}")
}

/// A contact's record of one journey: the run going on and the entries that count for the
/// re-entry rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entered {
    pub active: Option<RunId>,
    pub last: Option<DateTime<Utc>>,
    pub times: u32,
    /// Dedupe values (e.g. order ids) it entered with, newest last (at most 100 kept).
    pub keys: Vec<String>,
    /// A `tag_added` trigger saw the tag: it starts a run again only once the tag went away.
    pub tag_seen: bool,
}

/// One line of a run's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub at: DateTime<Utc>,
    pub step: StepId,
    pub what: What,
}

/// What happened at a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum What {
    Entered {
        trigger: String,
    },
    Queued {
        message: MailId,
    },
    Waiting {
        until: DateTime<Utc>,
        zone: String,
    },
    Deferred {
        until: DateTime<Utc>,
        zone: String,
    },
    Skipped {
        reason: String,
    },
    Branch {
        label: String,
    },
    Split {
        label: String,
    },
    Updated {
        what: String,
    },
    Notified {
        to: String,
    },
    CameInTime {
        what: String,
    },
    TimedOut,
    Goal {
        what: String,
    },
    Left {
        reason: String,
    },
    Completed,
    Moved {
        from: StepId,
        to: StepId,
        version: u32,
    },
    Failed {
        error: String,
    },
    /// A dry run: the mail it would queue.
    WouldSend {
        subject: String,
    },
}

/// The counters of a step, in the order `journey_counts` stores them.
pub const ENTERED: usize = 0;
pub const WAITING: usize = 1;
pub const PASSED: usize = 2;
pub const LEFT: usize = 3;
pub const CONVERTED: usize = 4;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct StepCounts {
    pub entered: i64,
    pub waiting: i64,
    pub passed: i64,
    pub left: i64,
    pub converted: i64,
}

fn pair(a: &[u8; 16], b: &[u8; 16]) -> Vec<u8> {
    let mut k = Vec::with_capacity(32);
    k.extend_from_slice(a);
    k.extend_from_slice(b);
    k
}

/// A split's arm's counters: journey ‖ u32::MAX (no version is) ‖ step NUL label → runs that
/// took the arm, and of them, runs that reached the goal.
fn arm_key(journey: &JourneyId, step: &str, label: &str) -> Vec<u8> {
    counts_key(journey, u32::MAX, &format!("{step}\0{label}"))
}

/// The key of a journey's count of runs started (see the module's notes).
fn entries_key(journey: &JourneyId) -> Vec<u8> {
    counts_key(journey, 0, "")
}

fn counts_key(journey: &JourneyId, version: u32, step: &str) -> Vec<u8> {
    let mut k = journey.as_bytes().to_vec();
    k.extend_from_slice(&version.to_be_bytes());
    k.extend_from_slice(step.as_bytes());
    k
}

#[derive(Clone)]
pub struct Journeys {
    store: Store,
    journeys: PlainTree<Journey>,
    versions: PlainTree<Version>,
    runs: sled::Tree,
    entries: sled::Tree,
    log: sled::Tree,
    counts: sled::Tree,
}

impl Journeys {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            store: store.clone(),
            journeys: store.plain(JOURNEYS)?,
            versions: store.plain(VERSIONS)?,
            runs: store.tree(RUNS)?,
            entries: store.tree(ENTRIES)?,
            log: store.tree(LOG)?,
            counts: store.tree(COUNTS)?,
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn get(&self, id: &JourneyId) -> Result<Option<Journey>> {
        self.journeys.get(id.as_bytes())
    }

    /// Every journey, oldest first.
    pub fn all(&self) -> Result<Vec<Journey>> {
        self.journeys.iter().map(|r| r.map(|(_, j)| j)).collect()
    }

    /// Saves a journey (uncommitted).
    pub fn put(&self, j: &Journey) -> Result<()> {
        self.journeys.put(j.id.as_bytes(), j)
    }

    pub fn stage_put(&self, w: &mut Writes, j: &Journey) -> Result<()> {
        w.put(self.journeys.raw(), j.id.as_bytes().to_vec(), postcard::to_allocvec(j)?);
        Ok(())
    }

    pub fn remove(&self, id: &JourneyId) -> Result<()> {
        self.journeys.remove(id.as_bytes())?;
        let _gate = self.store.write_gate();
        for k in self.versions.raw().scan_prefix(id.as_bytes()).keys() {
            self.versions.raw().remove(k?)?;
        }
        for k in self.counts.scan_prefix(id.as_bytes()).keys() {
            self.counts.remove(k?)?;
        }
        Ok(())
    }

    pub fn version(&self, id: &JourneyId, version: u32) -> Result<Option<Version>> {
        let mut k = id.as_bytes().to_vec();
        k.extend_from_slice(&version.to_be_bytes());
        self.versions.get(&k)
    }

    pub fn stage_version(&self, w: &mut Writes, id: &JourneyId, v: &Version) -> Result<()> {
        let mut k = id.as_bytes().to_vec();
        k.extend_from_slice(&v.version.to_be_bytes());
        w.put(self.versions.raw(), k, postcard::to_allocvec(v)?);
        Ok(())
    }

    /// The definition of a published version (parsed without its schema: it was checked when
    /// published).
    pub fn definition(&self, id: &JourneyId, version: u32) -> Result<Option<Definition>> {
        Ok(self.version(id, version)?.and_then(|v| stored_definition(&v.definition)))
    }

    // ---- runs

    pub fn run(&self, contact: &ContactId, run: &RunId) -> Result<Option<Run>> {
        Ok(match self.runs.get(pair(contact.as_bytes(), run.as_bytes()))? {
            Some(v) => Some(postcard::from_bytes(&v)?),
            None => None,
        })
    }

    /// A contact's runs, oldest first.
    pub fn runs_of(&self, contact: &ContactId) -> Result<Vec<Run>> {
        let mut out = Vec::new();
        for kv in self.runs.scan_prefix(contact.as_bytes()) {
            out.push(postcard::from_bytes(&kv?.1)?);
        }
        Ok(out)
    }

    /// A contact's runs going on now.
    pub fn active_runs_of(&self, contact: &ContactId) -> Result<Vec<Run>> {
        Ok(self.runs_of(contact)?.into_iter().filter(Run::is_active).collect())
    }

    /// Every run going on, of one journey (a walk of all runs: for publishing and archiving,
    /// not for the paths a run takes).
    pub fn active_runs(&self, journey: &JourneyId) -> Result<Vec<Run>> {
        let mut out = Vec::new();
        for kv in self.runs.iter() {
            let r: Run = postcard::from_bytes(&kv?.1)?;
            if r.journey == *journey && r.is_active() {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Stages a run as it is now, guarded by `before` (the run as it was read): two writers
    /// moving the same run at once (its timer and an event it waited for) cannot both land.
    /// A run staged with nothing before it has just started: the journey's count of runs
    /// started goes up in the same transaction.
    pub fn stage_run(&self, w: &mut Writes, run: &Run, before: Option<&Run>) -> Result<()> {
        let key = pair(run.contact.as_bytes(), run.id.as_bytes());
        let expected = before.map(postcard::to_allocvec).transpose()?.map(sled::IVec::from);
        w.put_expecting(&self.runs, key, expected, postcard::to_allocvec(run)?);
        if before.is_none() {
            w.add(&self.counts, entries_key(&run.journey), &[1]);
        }
        Ok(())
    }

    /// Counts a run taking a split's arm (`converted`: a run that took it reached the goal).
    pub fn stage_arm(&self, w: &mut Writes, journey: &JourneyId, step: &str, label: &str, converted: bool) {
        // At the step counters' places (entered, converted): the walk of `waiting` over every
        // key of the journey reads nothing waiting here.
        let mut deltas = [0i64; 5];
        deltas[if converted { CONVERTED } else { ENTERED }] = 1;
        w.add(&self.counts, arm_key(journey, step, label), &deltas);
    }

    /// Each split's arms, over every version: (step, label) → (runs that took it, of them
    /// converted).
    pub fn arms(&self, journey: &JourneyId) -> Result<BTreeMap<(StepId, String), (u64, u64)>> {
        let mut prefix = journey.as_bytes().to_vec();
        prefix.extend_from_slice(&u32::MAX.to_be_bytes());
        let mut out = BTreeMap::new();
        for kv in self.counts.scan_prefix(&prefix) {
            let (k, v) = kv?;
            let name = String::from_utf8_lossy(&k[prefix.len()..]).into_owned();
            let Some((step, label)) = name.split_once('\0') else { continue };
            let c = crate::store::counters(&v);
            let at = |i: usize| c.get(i).copied().unwrap_or(0).max(0) as u64;
            out.insert((step.to_string(), label.to_string()), (at(ENTERED), at(CONVERTED)));
        }
        Ok(out)
    }

    /// How many runs of the journey started, over every version (erased runs included: the
    /// count names nobody).
    pub fn entries(&self, journey: &JourneyId) -> Result<u64> {
        Ok(match self.counts.get(entries_key(journey))? {
            Some(v) => crate::store::counters(&v).first().copied().unwrap_or(0).max(0) as u64,
            None => 0,
        })
    }

    pub fn entered(&self, contact: &ContactId, journey: &JourneyId) -> Result<Entered> {
        Ok(match self.entries.get(pair(contact.as_bytes(), journey.as_bytes()))? {
            Some(v) => postcard::from_bytes(&v)?,
            None => Entered::default(),
        })
    }

    /// A contact's records of every journey they entered.
    pub fn entries_of(&self, contact: &ContactId) -> Result<Vec<(JourneyId, Entered)>> {
        let mut out = Vec::new();
        for kv in self.entries.scan_prefix(contact.as_bytes()) {
            let (k, v) = kv?;
            if let Some(j) = k.get(16..).and_then(JourneyId::from_slice) {
                out.push((j, postcard::from_bytes(&v)?));
            }
        }
        Ok(out)
    }

    /// Stages a contact's record of a journey, guarded by the one read (two triggers at once
    /// cannot both start a run).
    pub fn stage_entered(&self, w: &mut Writes, contact: &ContactId, journey: &JourneyId, e: &Entered) -> Result<()> {
        let key = pair(contact.as_bytes(), journey.as_bytes());
        let before = self.entries.get(&key)?;
        w.put_expecting(&self.entries, key, before, postcard::to_allocvec(e)?);
        Ok(())
    }

    /// Adds a line to a run's timeline.
    pub fn stage_line(&self, w: &mut Writes, run: &Run, line: &Line) -> Result<()> {
        let mut k = pair(run.contact.as_bytes(), run.id.as_bytes());
        k.extend_from_slice(&self.store.db().generate_id()?.to_be_bytes());
        w.put(&self.log, k, postcard::to_allocvec(line)?);
        Ok(())
    }

    /// A run's timeline, oldest first.
    pub fn lines(&self, contact: &ContactId, run: &RunId) -> Result<Vec<Line>> {
        let mut out = Vec::new();
        for kv in self.log.scan_prefix(pair(contact.as_bytes(), run.as_bytes())) {
            out.push(postcard::from_bytes(&kv?.1)?);
        }
        Ok(out)
    }

    /// Adds to a step's counters (see [`ENTERED`] and the others).
    pub fn stage_count(&self, w: &mut Writes, journey: &JourneyId, version: u32, step: &str, which: usize, n: i64) {
        let mut deltas = [0i64; 5];
        deltas[which] = n;
        w.add(&self.counts, counts_key(journey, version, step), &deltas);
    }

    /// Runs waiting now at each step, over every version (the `waiting` counters: moving a
    /// run, ending it, erasing it and moving it to a new version keep them, in the same
    /// transaction), without a walk of the runs.
    pub fn waiting(&self, journey: &JourneyId) -> Result<BTreeMap<StepId, u64>> {
        let mut out = BTreeMap::new();
        for kv in self.counts.scan_prefix(journey.as_bytes()) {
            let (k, v) = kv?;
            let Some(step) = k.get(20..).filter(|s| !s.is_empty()) else { continue };
            let n = crate::store::counters(&v).get(WAITING).copied().unwrap_or(0);
            if n > 0 {
                *out.entry(String::from_utf8_lossy(step).into_owned()).or_insert(0) += n as u64;
            }
        }
        Ok(out)
    }

    /// Every step's counters of a version.
    pub fn counts(&self, journey: &JourneyId, version: u32) -> Result<BTreeMap<StepId, StepCounts>> {
        let mut prefix = journey.as_bytes().to_vec();
        prefix.extend_from_slice(&version.to_be_bytes());
        let mut out = BTreeMap::new();
        for kv in self.counts.scan_prefix(&prefix) {
            let (k, v) = kv?;
            let step = String::from_utf8_lossy(&k[prefix.len()..]).into_owned();
            let c = crate::store::counters(&v);
            let at = |i: usize| c.get(i).copied().unwrap_or(0);
            out.insert(
                step,
                StepCounts {
                    entered: at(ENTERED),
                    waiting: at(WAITING),
                    passed: at(PASSED),
                    left: at(LEFT),
                    converted: at(CONVERTED),
                },
            );
        }
        Ok(out)
    }
}

/// A stored definition (checked when it was saved or published; a field or segment removed
/// since reads as empty or as no member).
pub fn stored_definition(json: &str) -> Option<Definition> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    Definition::parse(&v, &crate::domain::segment::Schema::STORED).ok()
}

/// Erasure: the person's runs, and what the counters said of those still going on.
fn erase_runs(store: &Store, person: &PersonId) -> Result<usize> {
    let j = Journeys::open(store)?;
    let Some(contact) = ContactId::from_slice(person.as_bytes()) else { return Ok(0) };
    let runs = j.runs_of(&contact)?;
    if runs.is_empty() {
        return Ok(0);
    }
    let mut w = Writes::new();
    for r in &runs {
        if r.is_active() {
            j.stage_count(&mut w, &r.journey, r.version, &r.step, WAITING, -1);
            j.stage_count(&mut w, &r.journey, r.version, &r.step, LEFT, 1);
        }
        w.remove(&j.runs, pair(contact.as_bytes(), r.id.as_bytes()));
    }
    store.apply(&w)?;
    Ok(runs.len())
}

fn journey_name(j: &Journeys, id: &JourneyId) -> String {
    j.get(id).ok().flatten().map(|j| j.name).unwrap_or_default()
}

fn export_runs(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let j = Journeys::open(store)?;
    let Some(contact) = ContactId::from_slice(person.as_bytes()) else { return Ok(Vec::new()) };
    let mut out: Vec<serde_json::Value> = j
        .runs_of(&contact)?
        .into_iter()
        .map(|r| {
            serde_json::json!({
                "journey": r.journey.to_string(), "name": journey_name(&j, &r.journey), "version": r.version,
                "step": r.step, "entered_at": r.entered_at, "trigger": r.trigger, "waiting_until": r.until,
                "ended": r.ended.as_ref().map(|(at, how)| serde_json::json!({"at": at, "how": format!("{how:?}")})),
            })
        })
        .collect();
    for (journey, e) in j.entries_of(&contact)? {
        out.push(serde_json::json!({
            "journey": journey.to_string(), "name": journey_name(&j, &journey), "times_entered": e.times,
            "last_entered": e.last, "entered_with": e.keys,
        }));
    }
    Ok(out)
}

fn export_log(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let j = Journeys::open(store)?;
    let Some(contact) = ContactId::from_slice(person.as_bytes()) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for r in j.runs_of(&contact)? {
        for l in j.lines(&contact, &r.id)? {
            out.push(serde_json::json!({
                "journey": r.journey.to_string(), "run": r.id.to_string(), "at": l.at, "step": l.step,
                "what": serde_json::to_value(&l.what).unwrap_or_default(),
            }));
        }
    }
    Ok(out)
}
