//! The journeys' engine: one feed reader starts runs and hands them what they wait for, one
//! clock handler wakes them, and the sender composes their mail from the step that queued it.
//!
//! Every move of a run is one transaction: the run's new position, its timeline line, its
//! counters, its next timer and the message it queues land together, with the feed cursor
//! (reader) or the timer's removal (clock). A kill at any moment leaves either the move or
//! nothing; a run is never both woken by its timer and by the event it waited for (each write
//! of a run is guarded by the run as it was read).
//!
//! A contact's runs are found through the contact (`journey_runs` is keyed by contact first),
//! so an event goes straight to the runs that may wait for it, whatever the number of runs.
//!
//! Consent withdrawn, unsubscribed, restricted or erased: the reader ends the contact's runs
//! and withdraws their queued mail when it reads the change, moments after it; meanwhile the
//! sender refuses the mail by itself, since it checks status and consent when a message leaves.

use std::collections::HashMap;
use std::sync::{Arc, RwLock, Weak};

use chrono::{DateTime, Utc};
use sha2::Digest;

use super::{
    Ending, Entered, Journey, Journeys, Line, Run, Status, What, DATE_TIMER, ENTERED, LEFT, NOTIFY_TIMER, PASSED,
    SCHEDULE_TIMER, TIMER, WAITING,
};
use crate::clock::{Fired, Handler, Timer};
use crate::domain::journey::{self, Awaited, DateTrigger, Definition, Goal, Reentry, Step, Trigger};
use crate::domain::{Change, ContactId, JourneyId, MailId, RunId};
use crate::feed::{Applied, Entry, Reader};
use crate::state::AppState;
use crate::store::{Result, StoreError, Writes};

/// The journeys' cursor on the change feed.
pub const READER: &str = "journeys";
/// Steps a run takes at one time at most (validation refuses a loop without a wait; this
/// bounds one that slipped through: the run goes on a minute later).
const STEPS_AT_ONCE: usize = 64;
/// Dedupe values kept per contact and journey.
const KEYS_KEPT: usize = 100;

/// The mailing id a journey's step counts its mail under (opens, clicks, unsubscribes,
/// bounces), the same for every version: a report per step.
pub fn mailing_of(journey: &JourneyId, step: &str) -> crate::domain::CampaignId {
    let mut h = sha2::Sha256::new();
    h.update(b"journey-step\n");
    h.update(journey.as_bytes());
    h.update(step.as_bytes());
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    let id = uuid::Builder::from_custom_bytes(b).into_uuid();
    crate::domain::CampaignId::from_slice(id.as_bytes()).expect("16 bytes")
}

/// A live journey with the definition of its published version.
#[derive(Clone)]
struct LiveJourney {
    journey: Journey,
    def: Arc<Definition>,
}

/// What the engine keeps in memory: the live journeys and the definitions runs read.
pub struct Engine {
    /// Live journeys (reloaded when one is published, paused or archived).
    live: RwLock<Option<Arc<Vec<LiveJourney>>>>,
    /// Published definitions by (journey, version).
    defs: RwLock<HashMap<(JourneyId, u32), Arc<Definition>>>,
    /// Counts reloads: a list read before the latest one is not kept (a reader that read the
    /// journeys just before a publish would otherwise cache the list without it).
    generation: std::sync::atomic::AtomicU64,
}

impl Engine {
    pub fn new() -> Arc<Self> {
        Arc::new(Engine {
            live: RwLock::new(None),
            defs: RwLock::new(HashMap::new()),
            generation: std::sync::atomic::AtomicU64::new(0),
        })
    }

    fn live(&self, j: &Journeys) -> Result<Arc<Vec<LiveJourney>>> {
        if let Some(l) = self.live.read().unwrap_or_else(|p| p.into_inner()).as_ref() {
            return Ok(l.clone());
        }
        let generation = self.generation.load(std::sync::atomic::Ordering::SeqCst);
        let mut out = Vec::new();
        for journey in j.all()? {
            if journey.status != Status::Live {
                continue;
            }
            if let Some(def) = self.definition(j, &journey.id, journey.version)? {
                out.push(LiveJourney { journey, def });
            }
        }
        let out = Arc::new(out);
        let mut live = self.live.write().unwrap_or_else(|p| p.into_inner());
        if self.generation.load(std::sync::atomic::Ordering::SeqCst) == generation {
            *live = Some(out.clone());
        }
        Ok(out)
    }

    fn definition(&self, j: &Journeys, id: &JourneyId, version: u32) -> Result<Option<Arc<Definition>>> {
        if let Some(d) = self.defs.read().unwrap_or_else(|p| p.into_inner()).get(&(*id, version)) {
            return Ok(Some(d.clone()));
        }
        let Some(d) = j.definition(id, version)? else { return Ok(None) };
        let d = Arc::new(d);
        self.defs.write().unwrap_or_else(|p| p.into_inner()).insert((*id, version), d.clone());
        Ok(Some(d))
    }

    /// Journeys changed state or version: read them again.
    pub fn reload(&self) {
        let mut live = self.live.write().unwrap_or_else(|p| p.into_inner());
        self.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        *live = None;
    }
}

/// How a run comes to its step.
#[derive(Debug, Clone, PartialEq)]
enum How {
    /// Just arrived (entered, or moved on from the step before).
    Arrived,
    /// Its timer fired.
    Woken,
    /// What it waited for came.
    Came(String),
}

/// One contact's journeys while a change or a timer is handled: its runs and entry records as
/// read, changed in memory, then staged once, each guarded by what was read.
struct Session<'a> {
    state: &'a AppState,
    engine: &'a Engine,
    j: &'a Journeys,
    contact: ContactId,
    now: DateTime<Utc>,
    /// (as read, as now).
    runs: Vec<(Option<Run>, Run)>,
    entries: HashMap<JourneyId, (Entered, Entered)>,
    w: Writes,
    /// Each run's timer as it must be left: Some(at) set, None cancelled.
    timers: HashMap<RunId, Option<DateTime<Utc>>>,
    zone: Option<chrono_tz::Tz>,
    queued: bool,
    /// A dry run: the timeline is collected here, and nothing is sent or changed.
    dry: Option<Vec<Line>>,
    /// A run started: the contact's record is guarded when staged.
    guard: bool,
}

impl<'a> Session<'a> {
    fn open(
        state: &'a AppState,
        engine: &'a Engine,
        j: &'a Journeys,
        contact: ContactId,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        let runs = j.active_runs_of(&contact)?.into_iter().map(|r| (Some(r.clone()), r)).collect();
        Ok(Session {
            state,
            engine,
            j,
            contact,
            now,
            runs,
            entries: HashMap::new(),
            w: Writes::new(),
            timers: HashMap::new(),
            zone: None,
            queued: false,
            dry: None,
            guard: false,
        })
    }

    /// The contact's time zone, else the shop's.
    fn zone(&mut self) -> Result<chrono_tz::Tz> {
        if let Some(z) = self.zone {
            return Ok(z);
        }
        let shop = self.state.settings.zone();
        let own = self.state.contacts.get(&self.contact)?.and_then(|c| c.time_zone).and_then(|z| z.parse().ok());
        let z = own.unwrap_or(shop);
        self.zone = Some(z);
        Ok(z)
    }

    fn entered(&mut self, journey: &JourneyId) -> Result<&mut Entered> {
        if !self.entries.contains_key(journey) {
            let e = self.j.entered(&self.contact, journey)?;
            self.entries.insert(*journey, (e.clone(), e));
        }
        Ok(&mut self.entries.get_mut(journey).expect("just inserted").1)
    }

    fn line(&mut self, i: usize, what: What) -> Result<()> {
        let run = &self.runs[i].1;
        let line = Line { at: self.now, step: run.step.clone(), what };
        if let Some(lines) = &mut self.dry {
            lines.push(line);
            return Ok(());
        }
        self.j.stage_line(&mut self.w, run, &line)
    }

    fn count(&mut self, i: usize, which: usize, n: i64) {
        let r = &self.runs[i].1;
        self.j.stage_count(&mut self.w, &r.journey, r.version, &r.step, which, n);
    }

    fn definition(&self, i: usize) -> Result<Option<Arc<Definition>>> {
        let r = &self.runs[i].1;
        self.engine.definition(self.j, &r.journey, r.version)
    }

    /// Starts a run of `live` for the contact if its rules allow; true when it did.
    fn enter(&mut self, live: &LiveJourney, trigger: String, dedupe: Option<String>) -> Result<bool> {
        let (journey, def) = (&live.journey, &live.def);
        let now = self.now;
        let e = self.entered(&journey.id)?;
        if e.active.is_some() {
            return Ok(false);
        }
        let allowed = match def.rules.reentry {
            Reentry::Never => e.times == 0,
            Reentry::Always => true,
            Reentry::Cooldown { days } => e.last.is_none_or(|t| now - t >= chrono::Duration::days(i64::from(days))),
        };
        if !allowed {
            return Ok(false);
        }
        if let Some(k) = &dedupe {
            if e.keys.contains(k) {
                return Ok(false);
            }
        }
        // Gone or restricted: nobody to run for. (The record is guarded when the session is
        // staged, after any change a step made to it: an erasure landing meanwhile fails the
        // transaction rather than be followed by the person's run coming back.)
        if self.state.contacts.get(&self.contact)?.is_none()
            || self.state.gdpr.restrictions.is_restricted(&self.contact)?
        {
            return Ok(false);
        }
        self.guard = true;
        let id = RunId::new();
        let e = self.entered(&journey.id)?;
        e.active = Some(id);
        e.last = Some(now);
        e.times += 1;
        if let Some(k) = dedupe {
            e.keys.push(k);
            if e.keys.len() > KEYS_KEPT {
                e.keys.remove(0);
            }
        }
        let run = Run {
            id,
            journey: journey.id,
            version: journey.version,
            contact: self.contact,
            step: def.start.clone(),
            iteration: 0,
            until: None,
            entered_at: now,
            updated_at: now,
            trigger: trigger.clone(),
            message: None,
            ended: None,
        };
        self.runs.push((None, run));
        let i = self.runs.len() - 1;
        self.count(i, ENTERED, 1);
        self.line(i, What::Entered { trigger })?;
        self.walk(i, def, How::Arrived)?;
        Ok(true)
    }

    /// Moves run `i` on to `next`.
    fn go(&mut self, i: usize, next: &str) {
        if self.runs[i].1.until.take().is_some() {
            self.count(i, WAITING, -1);
        }
        self.count(i, PASSED, 1);
        let r = &mut self.runs[i].1;
        r.step = next.to_string();
        r.iteration += 1;
        r.updated_at = self.now;
        self.count(i, ENTERED, 1);
    }

    /// Parks run `i` at its step until `at` (rounded up to the clock's millisecond: the timer
    /// fires at the millisecond, and must find the run due then).
    fn wait(&mut self, i: usize, at: DateTime<Utc>, what: What) -> Result<()> {
        let at = ceil_ms(at);
        let what = match what {
            What::Waiting { zone, .. } => What::Waiting { until: at, zone },
            What::Deferred { zone, .. } => What::Deferred { until: at, zone },
            other => other,
        };
        if self.runs[i].1.until.is_none() {
            self.count(i, WAITING, 1);
        }
        let r = &mut self.runs[i].1;
        r.until = Some(at);
        r.updated_at = self.now;
        let id = r.id;
        self.timers.insert(id, Some(at));
        self.line(i, what)
    }

    /// Ends run `i`: its timer goes, its queued message is withdrawn if it has not gone.
    fn end(&mut self, i: usize, how: Ending) -> Result<()> {
        if !self.runs[i].1.is_active() {
            return Ok(());
        }
        if self.runs[i].1.until.take().is_some() {
            self.count(i, WAITING, -1);
        }
        let what = match &how {
            Ending::Completed => {
                self.count(i, PASSED, 1);
                What::Completed
            }
            Ending::Goal => {
                self.count(i, super::CONVERTED, 1);
                What::Goal { what: String::new() }
            }
            Ending::Left(reason) => {
                self.count(i, LEFT, 1);
                What::Left { reason: reason.clone() }
            }
        };
        if !matches!(what, What::Goal { .. }) {
            self.line(i, what)?;
        }
        // Ended before its last message went (it left, or met its goal): the message is
        // withdrawn if it has not been handed over. A run that completed keeps it going.
        if !matches!(how, Ending::Completed) {
            if let Some(m) = self.runs[i].1.message {
                if self.state.sending.outbox.stage_withdraw(&mut self.w, &m, &self.contact)? {
                    self.runs[i].1.message = None;
                }
            }
        }
        let r = &mut self.runs[i].1;
        r.ended = Some((self.now, how));
        r.updated_at = self.now;
        let (id, journey) = (r.id, r.journey);
        self.timers.insert(id, None);
        let e = self.entered(&journey)?;
        if e.active == Some(id) {
            e.active = None;
        }
        Ok(())
    }

    /// Takes run `i` through its steps until it waits or ends.
    fn walk(&mut self, i: usize, def: &Definition, mut how: How) -> Result<()> {
        for _ in 0..STEPS_AT_ONCE {
            if !self.runs[i].1.is_active() {
                return Ok(());
            }
            let step_id = self.runs[i].1.step.clone();
            let Some(step) = def.steps.get(&step_id) else {
                return self.end(i, Ending::Completed);
            };
            let arrived = self.runs[i].1.until.is_none();
            let due = self.runs[i].1.until.is_some_and(|t| t <= self.now);
            match step {
                Step::Exit => return self.end(i, Ending::Completed),
                Step::Send { message, next } => {
                    if !arrived && !due {
                        return Ok(());
                    }
                    // Send-time optimisation: on arrival, wait for the contact's best hour.
                    if let (true, Some(hours)) = (arrived, message.best_time_within_hours) {
                        if let Some(at) = self.best_hour(hours)?.filter(|at| *at > self.now) {
                            let zone = self.zone()?.name().to_string();
                            self.wait(i, at, What::Waiting { until: at, zone })?;
                            return Ok(());
                        }
                    }
                    if let Some(quiet) = def.rules.quiet_hours {
                        let zone = self.zone()?;
                        let at = journey::out_of_quiet_hours(self.now, quiet, zone);
                        if at > self.now {
                            self.wait(i, at, What::Deferred { until: at, zone: zone.name().to_string() })?;
                            return Ok(());
                        }
                    }
                    if let Some(reason) = self.capped(def)? {
                        match def.rules.frequency_cap.as_ref().map(|c| c.then) {
                            Some(journey::CapAction::Defer) => {
                                let at = self.now + chrono::Duration::hours(1);
                                self.wait(i, at, What::Deferred { until: at, zone: reason })?;
                                return Ok(());
                            }
                            _ => {
                                self.line(i, What::Skipped { reason })?;
                                self.go(i, next);
                                how = How::Arrived;
                                continue;
                            }
                        }
                    }
                    if self.dry.is_some() {
                        self.line(i, What::WouldSend { subject: message.subject.clone() })?;
                    } else {
                        self.queue(i)?;
                    }
                    self.go(i, next);
                }
                Step::Wait { span, next } => {
                    if arrived {
                        let at = self.now + span.duration();
                        let zone = self.zone()?.name().to_string();
                        self.wait(i, at, What::Waiting { until: at, zone })?;
                        return Ok(());
                    }
                    if !due {
                        return Ok(());
                    }
                    self.go(i, next);
                }
                Step::WaitUntil { at, weekdays, next } => {
                    if arrived {
                        let zone = self.zone()?;
                        let when = journey::next_local_time(self.now, *at, weekdays, zone);
                        self.wait(i, when, What::Waiting { until: when, zone: zone.name().to_string() })?;
                        return Ok(());
                    }
                    if !due {
                        return Ok(());
                    }
                    self.go(i, next);
                }
                Step::WaitUntilDate { field, offset_days, at, anniversary, next } => {
                    if arrived {
                        let zone = self.zone()?;
                        let date = self.state.contacts.get(&self.contact)?.and_then(|c| match c.custom.get(field) {
                            Some(crate::domain::FieldValue::Date(d)) => Some(*d),
                            _ => None,
                        });
                        let when =
                            date.and_then(|d| journey::date_moment(d, *offset_days, *at, *anniversary, self.now, zone));
                        match when {
                            Some(when) => {
                                self.wait(i, when, What::Waiting { until: when, zone: zone.name().to_string() })?;
                                return Ok(());
                            }
                            None => {
                                self.line(i, What::Skipped { reason: format!("no_date:{field}") })?;
                                self.go(i, next);
                            }
                        }
                    } else if due {
                        self.go(i, next);
                    } else {
                        return Ok(());
                    }
                }
                Step::WaitFor { what, timeout, yes, no } => {
                    if let How::Came(came) = &how {
                        if !arrived {
                            self.line(i, What::CameInTime { what: came.clone() })?;
                            self.go(i, yes);
                            how = How::Arrived;
                            continue;
                        }
                    }
                    if arrived {
                        // Already so: a segment the contact is in now.
                        if let Awaited::Segment(s) = what {
                            if self.state.segments.segments().is_member(s, &self.contact)? {
                                self.line(i, What::CameInTime { what: "already_in_segment".into() })?;
                                self.go(i, yes);
                                continue;
                            }
                        }
                        let at = self.now + timeout.duration();
                        let zone = self.zone()?.name().to_string();
                        self.wait(i, at, What::Waiting { until: at, zone })?;
                        return Ok(());
                    }
                    if !due {
                        return Ok(());
                    }
                    self.line(i, What::TimedOut)?;
                    self.go(i, no);
                }
                Step::Condition { branches, otherwise } => {
                    let mut chosen = (otherwise.clone(), String::new());
                    for b in branches {
                        let probe = self.state.segments.probe(b.filter.clone());
                        if self.state.segments.explain(&probe, &self.contact, self.now)?.is_some_and(|o| o.matched) {
                            chosen = (b.next.clone(), b.label.clone());
                            break;
                        }
                    }
                    self.line(i, What::Branch { label: chosen.1 })?;
                    self.go(i, &chosen.0);
                }
                Step::Split { arms } => {
                    let run_id = self.runs[i].1.id;
                    let k = journey::choose_arm(arms, &run_id, &step_id);
                    let arm = &arms[k];
                    self.line(i, What::Split { label: arm.label.clone() })?;
                    if self.dry.is_none() {
                        self.j.stage_arm(&mut self.w, &self.runs[i].1.journey, &step_id, &arm.label, false);
                    }
                    self.go(i, &arm.next);
                }
                Step::Update { changes: update, next } => {
                    let did = self.update(update)?;
                    self.line(i, What::Updated { what: did })?;
                    self.go(i, next);
                }
                Step::Notify { to, subject, text, next } => {
                    self.notify(i, to, subject, text)?;
                    self.line(i, What::Notified { to: to.clone() })?;
                    self.go(i, next);
                }
            }
            how = How::Arrived;
        }
        // A loop without a wait: go on in a minute rather than spin.
        let at = self.now + chrono::Duration::minutes(1);
        self.wait(i, at, What::Failed { error: "loop_without_wait".into() })
    }

    /// The contact's best hour within `hours` from now ([`crate::sendtime`]; the start for
    /// someone who objected to profiling); None for a contact gone or in a dry run's made-up
    /// person.
    fn best_hour(&mut self, hours: u16) -> Result<Option<DateTime<Utc>>> {
        let Some((c, consents, _)) = self.state.contacts.get_with_consents(&self.contact)? else { return Ok(None) };
        let shop = self.state.settings.zone();
        Ok(Some(self.state.sendtime.choose(&c, &consents, self.now, u32::from(hours), shop)?.at))
    }

    /// Why the contact may get no more marketing mail now, under the journey's cap.
    fn capped(&mut self, def: &Definition) -> Result<Option<String>> {
        let Some(cap) = &def.rules.frequency_cap else { return Ok(None) };
        let since = self.now - chrono::Duration::hours(i64::from(cap.hours));
        let sent = self.state.sending.marketing_since(&self.contact, since)?;
        Ok((sent >= cap.max as usize).then(|| format!("frequency_cap:{}:{}", cap.max, cap.hours)))
    }

    /// Queues run `i`'s message for its step.
    fn queue(&mut self, i: usize) -> Result<()> {
        let r = &self.runs[i].1;
        let id = MailId::new();
        let m = crate::sending::TxMessage {
            id,
            contact: self.contact,
            template: format!("{PREFIX}:{}:{}:{}", r.journey, r.version, r.step),
            data: "{}".into(),
            idempotency_key: format!("{}:{}:{}", r.id, r.step, r.iteration),
            by: r.journey.reference(),
            created_at: self.now,
        };
        self.state.sending.outbox.stage_message(&mut self.w, &m)?;
        self.runs[i].1.message = Some(id);
        self.queued = true;
        self.line(i, What::Queued { message: id })
    }

    /// A step's changes to the contact, through the contacts' own operation (idempotent: a
    /// move retried after a crash adds the same tags again).
    fn update(&mut self, u: &journey::Update) -> Result<String> {
        let mut input = crate::domain::ContactInput {
            add_tags: u.add_tags.iter().cloned().collect(),
            remove_tags: u.remove_tags.iter().cloned().collect(),
            add_lists: u.add_lists.iter().cloned().collect(),
            remove_lists: u.remove_lists.iter().cloned().collect(),
            ..Default::default()
        };
        for (k, v) in &u.set_fields {
            if let Some(def) = self.state.fields.get(k) {
                if let Ok(value) = def.parse_text(v) {
                    input.custom.insert(k.clone(), value);
                }
            }
        }
        let mut said = Vec::new();
        said.extend(u.add_tags.iter().map(|t| format!("+tag {t}")));
        said.extend(u.remove_tags.iter().map(|t| format!("-tag {t}")));
        said.extend(u.add_lists.iter().map(|t| format!("+list {t}")));
        said.extend(u.remove_lists.iter().map(|t| format!("-list {t}")));
        said.extend(u.set_fields.iter().map(|(k, v)| format!("{k} = {v}")));
        if self.dry.is_some() {
            return Ok(said.join(", "));
        }
        match crate::contacts::ops::update(self.state, crate::ops::By::system(), &self.contact, &input) {
            Ok(_) => Ok(said.join(", ")),
            Err(crate::ops::OpError::Store(e)) => Err(e),
            Err(e) => Ok(format!("not updated: {e}")),
        }
    }

    /// Tells a member of staff: the notice, its merge fields filled now, is queued as a timer
    /// of the durable clock in the same transaction as the step ([`Notices`] sends it), so a
    /// crash neither loses it nor sends it twice (but for the one being handed to the relay).
    fn notify(&mut self, i: usize, to: &str, subject: &str, text: &str) -> Result<()> {
        if self.dry.is_some() {
            return Ok(());
        }
        let Some(c) = self.state.contacts.get(&self.contact)? else { return Ok(()) };
        let fields = crate::sending::merge_fields(&c);
        let fill = |s: &str| -> String {
            let env = minijinja::Environment::new();
            env.render_str(s, &fields).unwrap_or_else(|_| s.to_string())
        };
        let notice = Notice { to: to.to_string(), subject: fill(subject), text: fill(text), at: self.now };
        let r = &self.runs[i].1;
        let key = format!("{}:{}:{}", self.contact, r.id, r.iteration);
        self.state.clock.stage_set(&mut self.w, NOTIFY_TIMER, &key, self.now, &postcard::to_allocvec(&notice)?)?;
        // The clock is poked once the session's writes land.
        self.queued = true;
        Ok(())
    }

    /// Stages everything; returns the timer of `fired` (the clock's own timer) as it must be
    /// left, for [`Fired::again`].
    fn finish(mut self, fired: Option<RunId>) -> Result<(Writes, Option<DateTime<Utc>>, bool)> {
        let mut again = None;
        if self.guard && !self.state.contacts.stage_guard(&mut self.w, &self.contact)? {
            // Erased while the run was being started: nothing of it is kept.
            return Ok((Writes::new(), None, false));
        }
        for (before, now) in std::mem::take(&mut self.runs) {
            if before.as_ref() == Some(&now) {
                continue;
            }
            self.j.stage_run(&mut self.w, &now, before.as_ref())?;
        }
        for (journey, (before, now)) in std::mem::take(&mut self.entries) {
            if before != now {
                self.j.stage_entered(&mut self.w, &self.contact, &journey, &now)?;
            }
        }
        let mut set = false;
        for (run, at) in std::mem::take(&mut self.timers) {
            if Some(run) == fired {
                again = at;
                continue;
            }
            let key = super::timer_key(&self.contact, &run);
            match at {
                Some(at) => {
                    self.state.clock.stage_set(&mut self.w, TIMER, &key, at, b"")?;
                    set = true;
                }
                None => self.state.clock.stage_cancel(&mut self.w, TIMER, &key)?,
            }
        }
        Ok((self.w, again, set || self.queued))
    }

    /// Ends the contact's runs that `keep` says no to.
    fn end_where(&mut self, reason: &str, keep: impl Fn(&Run, &Definition) -> bool) -> Result<()> {
        for i in 0..self.runs.len() {
            if !self.runs[i].1.is_active() {
                continue;
            }
            let Some(def) = self.definition(i)? else { continue };
            if !keep(&self.runs[i].1, &def) {
                self.end(i, Ending::Left(reason.to_string()))?;
            }
        }
        Ok(())
    }

    /// Ends the contact's runs for `reason`: every run, or with a purpose withdrawn, the runs
    /// of journeys that mail for it.
    fn end_for(&mut self, reason: &str, purpose: Option<&str>) -> Result<()> {
        self.end_where(reason, |_, def| purpose.is_some_and(|p| !sends_for(def, p)))
    }

    /// A run reached its goal: each split arm it took counts a conversion (the split's report
    /// compares arms, and the holdout shows what the journey adds).
    fn converted_arms(&mut self, i: usize) -> Result<()> {
        if self.dry.is_some() {
            return Ok(());
        }
        let r = &self.runs[i].1;
        let (journey, contact, run) = (r.journey, r.contact, r.id);
        for l in self.j.lines(&contact, &run)? {
            if let What::Split { label } = &l.what {
                self.j.stage_arm(&mut self.w, &journey, &l.step, label, true);
            }
        }
        Ok(())
    }

    /// Something came for the contact: runs waiting for it go on, goals met end their runs.
    fn came(&mut self, awaited: &dyn Fn(&Awaited) -> bool, goal: &dyn Fn(&Goal) -> bool, what: &str) -> Result<()> {
        for i in 0..self.runs.len() {
            if !self.runs[i].1.is_active() {
                continue;
            }
            let Some(def) = self.definition(i)? else { continue };
            if def.goal.as_ref().is_some_and(goal) {
                self.line(i, What::Goal { what: what.to_string() })?;
                self.converted_arms(i)?;
                self.end(i, Ending::Goal)?;
                continue;
            }
            let waits =
                matches!(def.steps.get(&self.runs[i].1.step), Some(Step::WaitFor { what: a, .. }) if awaited(a));
            if waits && self.runs[i].1.until.is_some() {
                self.walk(i, &def, How::Came(what.to_string()))?;
            }
        }
        Ok(())
    }
}

/// `at` rounded up to the millisecond.
fn ceil_ms(at: DateTime<Utc>) -> DateTime<Utc> {
    let ms = at.timestamp_millis() + i64::from(at.timestamp_subsec_nanos() % 1_000_000 != 0);
    DateTime::from_timestamp_millis(ms).unwrap_or(at)
}

/// The template key prefix of journey mail (`journey:<journey>:<version>:<step>`).
pub const PREFIX: &str = "journey";

fn upgrade(state: &Weak<AppState>) -> std::result::Result<Arc<AppState>, String> {
    state.upgrade().ok_or_else(|| "the appliance is stopping".to_string())
}

/// The feed reader: triggers, what runs wait for, and the changes that end runs.
pub struct Triggers(pub Weak<AppState>);

impl Reader for Triggers {
    fn name(&self) -> &'static str {
        READER
    }

    fn linger(&self) -> std::time::Duration {
        std::time::Duration::from_millis(10)
    }

    fn landed(&self) {
        if let Ok(state) = upgrade(&self.0) {
            state.clock.poke();
            state.sending.wake();
        }
    }

    fn apply(&self, entries: &[Entry]) -> std::result::Result<Applied, String> {
        let state = upgrade(&self.0)?;
        let engine = &*state.journey_engine;
        let run = || -> Result<Applied> {
            let j = &state.journeys;
            let live = engine.live(j)?;
            let now = Utc::now();
            let mut sessions: HashMap<ContactId, Session<'_>> = HashMap::new();
            let mut order = Vec::new();
            // Date triggers' timers of contacts whose record changed.
            let mut dates = Writes::new();
            macro_rules! session {
                ($c:expr) => {{
                    let c: ContactId = $c;
                    if !sessions.contains_key(&c) {
                        sessions.insert(c, Session::open(&state, engine, j, c, now)?);
                        order.push(c);
                    }
                    sessions.get_mut(&c).expect("just opened")
                }};
            }
            for e in entries {
                match &e.change {
                    Change::SegmentEntered { contact, segment } => {
                        let s = session!(*contact);
                        for l in live.iter() {
                            if l.def.triggers.iter().any(|t| matches!(t, Trigger::SegmentEntered(x) if x == segment)) {
                                s.enter(l, format!("segment_entered:{}", segment_name(&state, segment)), None)?;
                            }
                        }
                        let what = format!("segment_entered:{}", segment_name(&state, segment));
                        s.came(
                            &|a| matches!(a, Awaited::Segment(x) if x == segment),
                            &|g| matches!(g, Goal::Segment(x) if x == segment),
                            &what,
                        )?;
                    }
                    Change::SegmentExited { contact, segment } => {
                        let triggered: Vec<&LiveJourney> = live
                            .iter()
                            .filter(|l| {
                                l.def.triggers.iter().any(|t| matches!(t, Trigger::SegmentExited(x) if x == segment))
                            })
                            .collect();
                        if !triggered.is_empty() {
                            let s = session!(*contact);
                            for l in triggered {
                                s.enter(l, format!("segment_left:{}", segment_name(&state, segment)), None)?;
                            }
                        }
                    }
                    Change::EventsRecorded(recorded) => {
                        for r in recorded {
                            if !r.human {
                                continue;
                            }
                            let Some(event) = state.tracking.store.event(&r.contact, &r.event)? else { continue };
                            let s = session!(r.contact);
                            let said = event_words(&event);
                            for l in live.iter() {
                                let hit =
                                    l.def.triggers.iter().any(|t| matches!(t, Trigger::Event(m) if m.matches(&event)));
                                if hit {
                                    let key = l.def.rules.dedupe_property.as_ref().and_then(|p| property(&event, p));
                                    s.enter(l, said.clone(), key)?;
                                }
                            }
                            s.came(
                                &|a| matches!(a, Awaited::Event(m) if m.matches(&event)),
                                &|g| matches!(g, Goal::Event(m) if m.matches(&event)),
                                &said,
                            )?;
                        }
                    }
                    Change::FormSubmitted { contact, form } | Change::FormConfirmed { contact, form } => {
                        let confirmed = matches!(e.change, Change::FormConfirmed { .. });
                        let triggered: Vec<&LiveJourney> = live
                            .iter()
                            .filter(|l| {
                                l.def.triggers.iter().any(|t| match t {
                                    Trigger::FormSubmitted(f) if !confirmed => f.as_ref().is_none_or(|f| f == form),
                                    Trigger::FormConfirmed(f) if confirmed => f.as_ref().is_none_or(|f| f == form),
                                    _ => false,
                                })
                            })
                            .collect();
                        if !triggered.is_empty() {
                            let s = session!(*contact);
                            let said = if confirmed { "form_confirmed" } else { "form_submitted" };
                            for l in triggered {
                                s.enter(l, said.to_string(), None)?;
                            }
                        }
                    }
                    Change::ConsentChanged { contact, purpose, granted: true } => {
                        let s = session!(*contact);
                        for l in live.iter() {
                            if l.def.triggers.iter().any(|t| matches!(t, Trigger::ConsentGranted(p) if p == purpose)) {
                                s.enter(l, format!("consent:{purpose}"), None)?;
                            }
                        }
                    }
                    change if ending(change).is_some() => {
                        // Ended in the change's own commit already ([`Ends`]), unless it was
                        // logged ahead of its writes (an import): then it is done here.
                        let (contact, reason, purpose) = ending(change).expect("matched");
                        session!(contact).end_for(&reason, purpose)?;
                    }
                    Change::ContactCreated(_) | Change::ContactUpdated(_) | Change::ContactsImported(_) => {
                        let tagged: Vec<(&LiveJourney, &String)> = live
                            .iter()
                            .flat_map(|l| {
                                l.def.triggers.iter().filter_map(move |t| match t {
                                    Trigger::TagAdded(tag) => Some((l, tag)),
                                    _ => None,
                                })
                            })
                            .collect();
                        let dated: Vec<LiveJourney> =
                            live.iter().filter(|l| !date_triggers(&l.def).is_empty()).cloned().collect();
                        if tagged.is_empty() && dated.is_empty() {
                            continue;
                        }
                        for c in e.change.contacts() {
                            let Some(contact) = state.contacts.get(&c)? else { continue };
                            // A date changed (or a contact came with one): its entry moves.
                            stage_dates(&state, &mut dates, &dated, &contact)?;
                            if tagged.is_empty() {
                                continue;
                            }
                            let s = session!(c);
                            for (l, tag) in &tagged {
                                let has = contact.tags.contains(*tag);
                                let seen = s.entered(&l.journey.id)?.tag_seen;
                                if has && !seen {
                                    s.entered(&l.journey.id)?.tag_seen = true;
                                    s.enter(l, format!("tagged:{tag}"), None)?;
                                } else if !has && seen {
                                    s.entered(&l.journey.id)?.tag_seen = false;
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            let mut writes = Writes::new();
            for c in order {
                let s = sessions.remove(&c).expect("opened");
                let (w, _, _) = s.finish(None)?;
                writes.extend(w);
            }
            // (`landed` pokes the clock for the timers set.)
            writes.extend(dates);
            Ok(Applied { writes, changes: Vec::new() })
        };
        run().map_err(|e| e.to_string())
    }
}

/// A change that ends a person's runs: whose, the reason as the timeline stores it, and the
/// purpose withdrawn when only the journeys that mail for it end.
fn ending(change: &Change) -> Option<(ContactId, String, Option<&str>)> {
    match change {
        Change::ConsentChanged { contact, purpose, granted: false } => {
            Some((*contact, format!("consent_withdrawn:{purpose}"), Some(purpose.as_str())))
        }
        Change::StatusChanged { contact, status, .. } if *status != crate::domain::Status::Subscribed => {
            Some((*contact, format!("status:{}", status.as_str()), None))
        }
        Change::RestrictionChanged { contact, restricted: true } => Some((*contact, "restricted".into(), None)),
        Change::ContactDeleted(c) | Change::ContactErased(c) => Some((*c, "deleted".into(), None)),
        _ => None,
    }
}

/// Ends a person's runs in the same transaction as the change that ends them (a withdrawal of
/// consent, an unsubscribe, a restriction): their timers go and their mail not yet handed
/// over is withdrawn in that very commit, so no moment exists in which the person has said no
/// and a run of theirs still stands. Attached to the feed at start-up
/// ([`crate::feed::Feed::attach`]); the reader does the same for changes logged ahead.
pub struct Ends(pub Weak<AppState>);

impl crate::feed::Consequence for Ends {
    fn stage(&self, changes: &[Change], writes: &mut Writes) -> Result<()> {
        let mut ends = changes.iter().filter_map(ending).peekable();
        if ends.peek().is_none() {
            return Ok(());
        }
        let Some(state) = self.0.upgrade() else { return Ok(()) };
        let (engine, j, now) = (&*state.journey_engine, &state.journeys, Utc::now());
        let mut sessions: Vec<Session<'_>> = Vec::new();
        for (contact, reason, purpose) in ends {
            let i = match sessions.iter().position(|s| s.contact == contact) {
                Some(i) => i,
                None => {
                    sessions.push(Session::open(&state, engine, j, contact, now)?);
                    sessions.len() - 1
                }
            };
            sessions[i].end_for(&reason, purpose)?;
        }
        for s in sessions {
            let (w, _, _) = s.finish(None)?;
            writes.extend(w);
        }
        Ok(())
    }
}

/// Whether a journey sends mail for `purpose`.
fn sends_for(def: &Definition, purpose: &str) -> bool {
    def.steps.values().any(|s| matches!(s, Step::Send { message, .. } if message.purpose == purpose))
}

fn segment_name(state: &AppState, id: &crate::domain::SegmentId) -> String {
    state.segments.segments().get(id).ok().flatten().map_or_else(|| id.to_string(), |s| s.name)
}

/// An event as a run's timeline names it: `event:<name>`, `order:<id>`, `page_view:<url>`,
/// `click`, `open` (the pages put it in words, in the reader's language).
fn event_words(e: &crate::domain::Event) -> String {
    use crate::domain::EventKind;
    match e.kind {
        EventKind::Custom => format!("event:{}", e.name.clone().unwrap_or_default()),
        EventKind::Order => match property(e, "order_id").or_else(|| property(e, "id")) {
            Some(id) => format!("order:{id}"),
            None => "order".into(),
        },
        EventKind::PageView => format!("page_view:{}", e.url.clone().unwrap_or_default()),
        EventKind::Click => "click".into(),
        EventKind::Open => "open".into(),
    }
}

/// A property of an event as text.
fn property(e: &crate::domain::Event, name: &str) -> Option<String> {
    let props: serde_json::Value = serde_json::from_str(&e.properties).ok()?;
    match props.get(name)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// The clock's handler: a run's timer fired.
pub struct Wakes(pub Weak<AppState>);

impl Handler for Wakes {
    fn kind(&self) -> &'static str {
        TIMER
    }

    fn fire(&self, timer: &Timer) -> std::result::Result<Fired, String> {
        let state = upgrade(&self.0)?;
        let engine = &*state.journey_engine;
        let Some((c, r)) = timer.key.split_once(':') else { return Ok(Fired::done()) };
        let (Ok(contact), Ok(run)) = (c.parse::<ContactId>(), r.parse::<RunId>()) else { return Ok(Fired::done()) };
        let go = || -> Result<Fired> {
            let j = &state.journeys;
            let now = Utc::now().max(timer.due);
            let mut s = Session::open(&state, engine, j, contact, now)?;
            let Some(i) = s.runs.iter().position(|(_, r)| r.id == run) else { return Ok(Fired::done()) };
            let Some(until) = s.runs[i].1.until else { return Ok(Fired::done()) };
            if until > now {
                return Ok(Fired::again(until));
            }
            // A paused journey's runs wait where they are.
            // (From the engine's list of live journeys: reading the journey's record, draft and
            // all, for each of thousands of runs due at once was a good part of a wake-up.)
            let jid = s.runs[i].1.journey;
            let live = engine.live(j)?.iter().any(|l| l.journey.id == jid);
            if !live {
                return Ok(Fired::again(now + chrono::Duration::minutes(10)));
            }
            let Some(def) = s.definition(i)? else {
                s.end(i, Ending::Left("version_gone".into()))?;
                let (w, _, _) = s.finish(Some(run))?;
                return Ok(Fired::done().with(w, Vec::new()));
            };
            s.walk(i, &def, How::Woken)?;
            let (w, again, queued) = s.finish(Some(run))?;
            if queued {
                state.sending.wake();
            }
            Ok(match again {
                Some(at) => Fired::again(at).with(w, Vec::new()),
                None => Fired::done().with(w, Vec::new()),
            })
        };
        go().map_err(|e| e.to_string())
    }
}

/// A staff notification waiting in the clock (its payload).
#[derive(serde::Serialize, serde::Deserialize)]
struct Notice {
    to: String,
    subject: String,
    text: String,
    /// When the step queued it: tried until the relay takes it, for at most [`NOTICE_TRIES_FOR`].
    at: DateTime<Utc>,
}

/// How long a notice is tried while the relay answers "later".
const NOTICE_TRIES_FOR: chrono::Duration = chrono::Duration::days(3);

/// The clock's handler of staff notifications: hands each to the relay; a failure leaves it
/// in place, tried again after the clock's pause.
pub struct Notices(pub Weak<AppState>);

impl Handler for Notices {
    fn kind(&self) -> &'static str {
        NOTIFY_TIMER
    }

    fn alone(&self) -> bool {
        true
    }

    fn fire(&self, timer: &Timer) -> std::result::Result<Fired, String> {
        let state = upgrade(&self.0)?;
        let Ok(n) = postcard::from_bytes::<Notice>(&timer.payload) else { return Ok(Fired::done()) };
        let sender = crate::senders::current(&state, "");
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
        let outcome = match rt.block_on(crate::mail::check::send_notice(
            &state.config,
            &sender,
            &n.to,
            &n.subject,
            &n.text,
        )) {
            Ok(o) => o,
            Err(e) if Utc::now() - n.at < NOTICE_TRIES_FOR => {
                return Err(format!("a journey's notification to staff could not be sent: {e}"))
            }
            Err(e) => {
                tracing::warn!(error = %e, "a journey's notification to staff could not be sent for days; given up");
                return Ok(Fired::done());
            }
        };
        match outcome {
            crate::mail::transport::Outcome::Accepted { .. } => {}
            crate::mail::transport::Outcome::Temporary(f) if Utc::now() - n.at < NOTICE_TRIES_FOR => {
                // Left in place: tried again after the clock's pause.
                return Err(format!("a journey's notification to staff was not taken yet: {f:?}"));
            }
            other => tracing::warn!(outcome = ?other, "a journey's notification to staff was refused; given up"),
        }
        Ok(Fired::done())
    }
}

/// The sender's composer of journey mail: the words of the step that queued it.
pub struct Mail(pub Weak<AppState>);

impl crate::sending::Composer for Mail {
    fn prefix(&self) -> &'static str {
        PREFIX
    }

    fn compose(&self, reference: &str) -> Result<Option<crate::sending::Composed>> {
        let state = upgrade(&self.0).map_err(|_| StoreError::Aborted)?;
        let mut parts = reference.splitn(3, ':');
        let (Some(j), Some(v), Some(step)) = (parts.next(), parts.next(), parts.next()) else { return Ok(None) };
        let (Ok(id), Ok(version)) = (j.parse::<JourneyId>(), v.parse::<u32>()) else { return Ok(None) };
        let Some(journey) = state.journeys.get(&id)? else { return Ok(None) };
        let Some(def) = state.journey_engine.definition(&state.journeys, &id, version)? else { return Ok(None) };
        let Some(Step::Send { message, .. }) = def.steps.get(step) else { return Ok(None) };
        Ok(Some(crate::sending::Composed {
            name: format!("{} · {step}", journey.name),
            subject: message.subject.clone(),
            body: message.body.clone(),
            preheader: message.preheader.clone(),
            sender: message.sender.clone(),
            purpose: message.purpose.clone(),
            mailing: mailing_of(&id, step),
        }))
    }
}

/// Starts a run for each contact by hand (the API, the journey's page); returns how many
/// started (rules may refuse some: one run at a time, re-entry).
pub fn enrol(state: &AppState, journey: &JourneyId, contacts: &[ContactId]) -> Result<usize> {
    enrol_as(state, journey, contacts, "by_hand", None)
}

/// [`enrol`] saying what put them in (`by_hand`, `schedule`), and with a key that lets each
/// contact enter once for it (a schedule's tick: fired again after a crash, it starts nobody
/// twice).
fn enrol_as(
    state: &AppState,
    journey: &JourneyId,
    contacts: &[ContactId],
    trigger: &str,
    dedupe: Option<&str>,
) -> Result<usize> {
    let (j, engine) = (&state.journeys, &*state.journey_engine);
    let live = engine.live(j)?;
    let Some(l) = live.iter().find(|l| l.journey.id == *journey) else { return Ok(0) };
    let mut started = 0;
    let mut any = false;
    for chunk in contacts.chunks(500) {
        // A run of the chunk moved meanwhile (its timer, an event): the chunk is read again.
        for attempt in 0.. {
            let mut w = Writes::new();
            let now = Utc::now();
            let mut n = 0;
            for c in chunk {
                let mut s = Session::open(state, engine, j, *c, now)?;
                if s.enter(l, trigger.into(), dedupe.map(str::to_string))? {
                    n += 1;
                }
                let (sw, _, queued) = s.finish(None)?;
                any |= queued;
                w.extend(sw);
            }
            match state.store.apply(&w) {
                Err(StoreError::Conflict(_)) if attempt < 5 => continue,
                other => other?,
            }
            started += n;
            break;
        }
        state.store.commit()?;
    }
    state.clock.poke();
    if any || started > 0 {
        state.sending.wake();
    }
    Ok(started)
}

// ---- date and schedule triggers

/// When a date trigger next enters the contact, at or after `after`: the day of their date
/// field (shifted, or its anniversary) at the trigger's time in their time zone (else the
/// shop's). None: no date, or (once only) its day is past.
fn date_entry(
    state: &AppState,
    c: &crate::domain::Contact,
    t: &DateTrigger,
    after: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let Some(crate::domain::FieldValue::Date(date)) = c.custom.get(&t.field) else { return None };
    let zone = c.time_zone.as_deref().and_then(|z| z.parse().ok()).unwrap_or_else(|| state.settings.zone());
    journey::date_moment(*date, t.offset_days, t.at, t.anniversary, after, zone)
}

/// A schedule's next time after `after`, read in the shop's time zone.
fn next_tick(state: &AppState, cron: &str, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let zone = state.settings.zone();
    let schedule = crate::clock::cron::parse(cron).ok()?;
    schedule.after(&after.with_timezone(&zone)).next().map(|t| t.with_timezone(&Utc))
}

/// A schedule's last time at or before `at`, looked for within the day before it.
fn last_tick(state: &AppState, cron: &str, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let zone = state.settings.zone();
    let schedule = crate::clock::cron::parse(cron).ok()?;
    let from = (at - chrono::Duration::days(1)).with_timezone(&zone);
    schedule
        .after(&from)
        .take(100_000)
        .take_while(|t| t.with_timezone(&Utc) <= at)
        .last()
        .map(|t| t.with_timezone(&Utc))
}

pub fn date_key(contact: &ContactId, journey: &JourneyId, n: usize) -> String {
    format!("{contact}:{journey}:{n}")
}

fn schedule_key(journey: &JourneyId, n: usize) -> String {
    format!("{journey}:{n}")
}

/// The date triggers of a journey, with their places.
fn date_triggers(def: &Definition) -> Vec<(usize, &DateTrigger)> {
    def.triggers
        .iter()
        .enumerate()
        .filter_map(|(n, t)| match t {
            Trigger::Date(d) => Some((n, d)),
            _ => None,
        })
        .collect()
}

/// Stages the contact's date timers for the live journeys with date triggers: set to the next
/// entry, or cancelled when there is none (the date was cleared).
fn stage_dates(state: &AppState, w: &mut Writes, live: &[LiveJourney], c: &crate::domain::Contact) -> Result<bool> {
    let now = Utc::now();
    let mut set = false;
    for l in live {
        for (n, t) in date_triggers(&l.def) {
            let key = date_key(&c.id, &l.journey.id, n);
            match date_entry(state, c, t, now) {
                Some(at) => {
                    state.clock.stage_set(w, DATE_TIMER, &key, at, b"")?;
                    set = true;
                }
                None => state.clock.stage_cancel(w, DATE_TIMER, &key)?,
            }
        }
    }
    Ok(set)
}

/// Sets the timers of a journey's date and schedule triggers, when it is published or resumed:
/// each contact's next entry by a date (one walk of the contacts; afterwards the feed's reader
/// keeps each contact's timer right as their date changes), and each schedule's next time.
/// Returns how many timers it set.
pub fn plan(state: &AppState, journey: &JourneyId) -> Result<usize> {
    let (j, engine) = (&state.journeys, &*state.journey_engine);
    let Some(l) = engine.live(j)?.iter().find(|l| l.journey.id == *journey).cloned() else { return Ok(0) };
    let now = Utc::now();
    let mut set = 0;
    let mut w = Writes::new();
    for (n, t) in l.def.triggers.iter().enumerate() {
        if let Trigger::Schedule(s) = t {
            if let Some(at) = next_tick(state, &s.cron, now) {
                state.clock.stage_set(&mut w, SCHEDULE_TIMER, &schedule_key(journey, n), at, b"")?;
                set += 1;
            }
        }
    }
    apply_retrying(state, &mut w, |_| Ok(()))?;
    if !date_triggers(&l.def).is_empty() {
        let one = std::slice::from_ref(&l);
        let mut after = None;
        loop {
            let ids = state.contacts.ids_after(after.as_ref(), 1_000)?;
            let Some(last) = ids.last().copied() else { break };
            after = Some(last);
            let stage = |w: &mut Writes| -> Result<usize> {
                let mut n = 0;
                for id in &ids {
                    if let Some(c) = state.contacts.get(id)? {
                        n += usize::from(stage_dates(state, w, one, &c)?);
                    }
                }
                Ok(n)
            };
            let mut w = Writes::new();
            set += stage(&mut w)?;
            apply_retrying(state, &mut w, |w| stage(w).map(drop))?;
        }
    }
    state.store.commit()?;
    state.clock.poke();
    Ok(set)
}

/// At start-up: the date and schedule timers of every live journey, set again where a crash
/// right after a publish or resume cut their planning short (a timer already right is not
/// written again).
pub fn reconcile(state: &AppState) -> Result<usize> {
    let (j, engine) = (&state.journeys, &*state.journey_engine);
    let mut set = 0;
    for l in engine.live(j)?.iter() {
        let timed = l.def.triggers.iter().any(|t| matches!(t, Trigger::Date(_) | Trigger::Schedule(_)));
        if timed {
            set += plan(state, &l.journey.id)?;
        }
    }
    Ok(set)
}

/// Applies `w`; when a timer it sets moved meanwhile (the reader set it), stages it again with
/// `again` and retries.
fn apply_retrying(state: &AppState, w: &mut Writes, again: impl Fn(&mut Writes) -> Result<()>) -> Result<()> {
    for _ in 0..5 {
        match state.store.apply(w) {
            Err(StoreError::Conflict(_)) => {
                *w = Writes::new();
                again(w)?;
            }
            other => return other,
        }
    }
    state.store.apply(w)
}

/// The clock's handler of date triggers' timers: the contact enters when their date comes,
/// and the timer moves to the next anniversary.
pub struct Dates(pub Weak<AppState>);

impl Handler for Dates {
    fn kind(&self) -> &'static str {
        DATE_TIMER
    }

    fn fire(&self, timer: &Timer) -> std::result::Result<Fired, String> {
        let state = upgrade(&self.0)?;
        let mut parts = timer.key.splitn(3, ':');
        let (Some(Ok(contact)), Some(Ok(journey)), Some(Ok(n))) = (
            parts.next().map(str::parse::<ContactId>),
            parts.next().map(str::parse::<JourneyId>),
            parts.next().map(str::parse::<usize>),
        ) else {
            return Ok(Fired::done());
        };
        let go = || -> Result<Fired> {
            let (j, engine) = (&state.journeys, &*state.journey_engine);
            let Some(jy) = j.get(&journey)? else { return Ok(Fired::done()) };
            if !matches!(jy.status, Status::Live | Status::Paused) {
                return Ok(Fired::done());
            }
            let Some(def) = engine.definition(j, &journey, jy.version)? else { return Ok(Fired::done()) };
            let Some(Trigger::Date(t)) = def.triggers.get(n).cloned() else { return Ok(Fired::done()) };
            let Some(c) = state.contacts.get(&contact)? else { return Ok(Fired::done()) };
            let now = Utc::now().max(timer.due);
            // The moment as the contact's date says now (the reader moves the timer when the
            // date changes; this is the last look).
            let Some(moment) = date_entry(&state, &c, &t, timer.due) else { return Ok(Fired::done()) };
            if moment > now {
                return Ok(Fired::again(moment));
            }
            let next = date_entry(&state, &c, &t, moment + chrono::Duration::seconds(1));
            let again = |f: Fired| -> Fired { Fired { again: next, ..f } };
            // Paused: nobody enters; the next anniversary still comes.
            if jy.status != Status::Live {
                return Ok(again(Fired::done()));
            }
            let live = LiveJourney { journey: jy, def };
            let mut s = Session::open(&state, engine, j, contact, now)?;
            // Once per date, however often the timer fires (a crash after the entry).
            let key = format!("date:{}", moment.format("%Y-%m-%d"));
            s.enter(&live, format!("date:{}", t.field), Some(key))?;
            let (w, _, queued) = s.finish(None)?;
            if queued {
                state.sending.wake();
            }
            Ok(again(Fired::done().with(w, Vec::new())))
        };
        go().map_err(|e| e.to_string())
    }
}

/// The clock's handler of schedule triggers: at each time, the segment's members (or every
/// subscribed contact) enter, once per time.
pub struct Schedules(pub Weak<AppState>);

impl Handler for Schedules {
    fn kind(&self) -> &'static str {
        SCHEDULE_TIMER
    }

    fn fire(&self, timer: &Timer) -> std::result::Result<Fired, String> {
        let state = upgrade(&self.0)?;
        let Some((Ok(journey), Ok(n))) =
            timer.key.split_once(':').map(|(j, n)| (j.parse::<JourneyId>(), n.parse::<usize>()))
        else {
            return Ok(Fired::done());
        };
        let go = || -> Result<Fired> {
            let (j, engine) = (&state.journeys, &*state.journey_engine);
            let Some(jy) = j.get(&journey)? else { return Ok(Fired::done()) };
            if !matches!(jy.status, Status::Live | Status::Paused) {
                return Ok(Fired::done());
            }
            let Some(def) = engine.definition(j, &journey, jy.version)? else { return Ok(Fired::done()) };
            let Some(Trigger::Schedule(t)) = def.triggers.get(n) else { return Ok(Fired::done()) };
            let next = next_tick(&state, &t.cron, Utc::now().max(timer.due));
            if jy.status != Status::Live {
                return Ok(Fired { again: next, ..Fired::done() });
            }
            let mut ids = Vec::new();
            let mut after = None;
            match &t.segment {
                Some(sid) => {
                    let repo = state.segments.segments();
                    match repo.get(sid)? {
                        None => return Ok(Fired { again: next, ..Fired::done() }),
                        // Being built: its members are not known yet; look again shortly.
                        Some(seg) if !seg.build.is_ready() => {
                            return Ok(Fired::again(Utc::now() + chrono::Duration::minutes(1)))
                        }
                        Some(_) => loop {
                            let page = repo.members(sid, after.as_ref(), 10_000)?;
                            let Some(last) = page.last().copied() else { break };
                            ids.extend(page);
                            after = Some(last);
                        },
                    }
                }
                None => {
                    for c in state.contacts.iter() {
                        let c = c?;
                        if c.status == crate::domain::Status::Subscribed {
                            ids.push(c.id);
                        }
                    }
                }
            }
            // The time this firing is for: the schedule's last time at or before the timer's
            // (a firing retried after a failure comes later than it), so a retry enters
            // nobody the first attempt entered.
            let tick = last_tick(&state, &t.cron, timer.due).unwrap_or(timer.due);
            let tick = format!("schedule:{}", tick.format("%Y-%m-%dT%H:%M:%S"));
            enrol_as(&state, &journey, &ids, "schedule", Some(&tick))?;
            Ok(Fired { again: next, ..Fired::done() })
        };
        go().map_err(|e| e.to_string())
    }
}

/// Ends every run of a journey (archived), or moves them to the steps `moved` names (a new
/// version published): each run keeps its place, or takes the step chosen for it.
pub fn republish(
    state: &AppState,
    journey: &JourneyId,
    to: Option<(u32, &std::collections::BTreeMap<String, String>)>,
) -> Result<usize> {
    let (j, engine) = (&state.journeys, &*state.journey_engine);
    let runs = j.active_runs(journey)?;
    let now = Utc::now();
    let mut n = 0;
    for chunk in runs.chunks(500) {
        let mut w = Writes::new();
        for r in chunk {
            let mut s = Session::open(state, engine, j, r.contact, now)?;
            let Some(i) = s.runs.iter().position(|(_, x)| x.id == r.id) else { continue };
            match to {
                None => s.end(i, Ending::Left("archived".into()))?,
                Some((version, moved)) => {
                    let from = s.runs[i].1.step.clone();
                    let target = moved.get(&from).cloned().unwrap_or_else(|| from.clone());
                    if s.runs[i].1.until.is_some() {
                        s.count(i, WAITING, -1);
                    }
                    s.count(i, LEFT, 1);
                    let run = &mut s.runs[i].1;
                    run.version = version;
                    run.step = target.clone();
                    s.count(i, ENTERED, 1);
                    if s.runs[i].1.until.is_some() {
                        s.count(i, WAITING, 1);
                    }
                    s.line(i, What::Moved { from, to: target, version })?;
                }
            }
            let (sw, _, _) = s.finish(None)?;
            w.extend(sw);
            n += 1;
        }
        state.store.apply(&w)?;
        state.store.commit()?;
    }
    engine.defs.write().unwrap_or_else(|p| p.into_inner()).retain(|(id, _), _| id != journey);
    engine.reload();
    state.clock.poke();
    Ok(n)
}

/// A journey tried for one contact from `start` on a virtual clock: the timeline it would
/// have, step by step, with nothing queued, changed or sent. A `wait_for` step's awaited thing
/// comes at once when `comes`, else the step times out.
pub fn dry_run(
    state: &AppState,
    journey: &Journey,
    def: &Definition,
    contact: ContactId,
    start: DateTime<Utc>,
    comes: bool,
) -> Result<Vec<Line>> {
    let engine = Engine::new();
    let mut s = Session::open(state, &engine, &state.journeys, contact, start)?;
    s.runs.clear();
    s.dry = Some(Vec::new());
    let run = Run {
        id: RunId::new(),
        journey: journey.id,
        version: journey.version,
        contact,
        step: def.start.clone(),
        iteration: 0,
        until: None,
        entered_at: start,
        updated_at: start,
        trigger: "dry_run".into(),
        message: None,
        ended: None,
    };
    s.runs.push((None, run));
    s.line(0, What::Entered { trigger: "dry_run".into() })?;
    s.walk(0, def, How::Arrived)?;
    for _ in 0..200 {
        let run = &s.runs[0].1;
        if !run.is_active() {
            break;
        }
        let Some(until) = run.until else { break };
        let waits_for = matches!(def.steps.get(&run.step), Some(Step::WaitFor { .. }));
        if waits_for && comes {
            s.walk(0, def, How::Came("assumed".into()))?;
            continue;
        }
        // The virtual clock jumps to the moment the run waits for.
        s.now = until;
        s.walk(0, def, How::Woken)?;
    }
    Ok(s.dry.take().unwrap_or_default())
}
