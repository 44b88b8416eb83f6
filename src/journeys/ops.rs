//! What staff do with journeys: write a draft, check it, publish it as a new version (moving
//! the runs that wait to the steps chosen for them), pause, resume, archive, add contacts by
//! hand, try it for one contact on a virtual clock, and read a contact's runs.

use std::collections::BTreeMap;

use chrono::Utc;
use serde::Deserialize;
use serde_json::Value;

use super::{engine, Journey, Line, Run, Status, StepCounts, Version};
use crate::audit::Action;
use crate::domain::journey::{Definition, JourneyError, StepId};
use crate::domain::segment::Schema;
use crate::domain::{ContactId, JourneyId, Permission, SegmentId};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::state::AppState;

pub const NAME_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 1_000;
/// A definition's JSON is at most this long (checked before it is parsed).
pub const DEFINITION_MAX: usize = 256 * 1024;
/// Contacts added by hand in one request.
pub const ENROL_MAX: usize = 10_000;

#[derive(Debug, Default, Deserialize)]
pub struct JourneyInput {
    pub name: Option<String>,
    pub description: Option<String>,
    /// The draft definition (any JSON object: a draft may be unfinished; publishing checks it).
    pub definition: Option<Value>,
}

/// A draft's state for the editor: the definition's error if it does not parse, and what the
/// checks before publishing find.
#[derive(Debug, Default, serde::Serialize)]
pub struct Problems {
    pub errors: Vec<Problem>,
}

#[derive(Debug, serde::Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl From<JourneyError> for Problem {
    fn from(e: JourneyError) -> Self {
        Problem { path: e.path, message: e.message }
    }
}

/// Parses a definition against today's fields and segments.
pub fn parse_definition(state: &AppState, v: &Value) -> Result<Definition, JourneyError> {
    let fields = state.fields.all();
    let segments = state.segments.segments();
    let field = |k: &str| fields.iter().find(|d| d.key == k).map(|d| d.kind);
    let exists = |s: &SegmentId| segments.get(s).ok().flatten().is_some();
    let schema = Schema { field: &field, segment_exists: &exists, stored: false };
    Definition::parse(v, &schema)
}

/// What stands between a draft and publishing it.
pub fn problems(state: &AppState, draft: &str) -> Problems {
    checked(state, draft).1
}

/// What would stand between a journey's definition and publishing it, saving nothing (the
/// editor's check as the draft changes).
pub fn check(state: &AppState, by: By, id: &JourneyId, definition: &str) -> OpResult<Problems> {
    by.require(Permission::SendCampaigns)?;
    state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    if definition.len() > DEFINITION_MAX {
        return Err(invalid("definition", format!("at most {} KiB", DEFINITION_MAX / 1024)));
    }
    Ok(problems(state, definition))
}

/// The draft parsed against today's fields and segments (when it parses), and what stands
/// between it and publishing.
fn checked(state: &AppState, draft: &str) -> (Option<Definition>, Problems) {
    let v: Value = match serde_json::from_str(draft) {
        Ok(v) => v,
        Err(e) => {
            return (None, Problems { errors: vec![Problem { path: "definition".into(), message: e.to_string() }] })
        }
    };
    let mut out = Problems::default();
    let parsed = parse_definition(state, &v);
    match &parsed {
        Err(e) => out.errors.push(e.clone().into()),
        Ok(d) => {
            out.errors.extend(d.validate().into_iter().map(Problem::from));
            for (id, step) in &d.steps {
                if let crate::domain::journey::Step::Send { message, .. } = step {
                    if !message.purpose.is_empty() && state.purposes.get(&message.purpose).ok().flatten().is_none() {
                        out.errors.push(Problem {
                            path: format!("steps.{id}.send.purpose"),
                            message: format!("there is no purpose `{}`", message.purpose),
                        });
                    }
                    if !message.sender.is_empty() && crate::senders::check_choosable(state, &message.sender).is_err() {
                        out.errors.push(Problem {
                            path: format!("steps.{id}.send.sender"),
                            message: format!("there is no sender `{}`", message.sender),
                        });
                    }
                }
            }
        }
    }
    (parsed.ok(), out)
}

fn clean_name(state: &AppState, name: &str, me: Option<&JourneyId>) -> OpResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err(invalid("name", format!("a name of 1 to {NAME_MAX} characters")));
    }
    let taken = state.journeys.all()?.into_iter().any(|j| Some(&j.id) != me && j.name.eq_ignore_ascii_case(name));
    if taken {
        return Err(invalid("name", format!("a journey named \"{name}\" exists")));
    }
    Ok(name.to_string())
}

fn clean_description(d: &str) -> OpResult<String> {
    if d.chars().count() > DESCRIPTION_MAX {
        return Err(invalid("description", format!("at most {DESCRIPTION_MAX} characters")));
    }
    Ok(d.trim().to_string())
}

fn draft_json(v: &Value) -> OpResult<String> {
    let text = serde_json::to_string(v).map_err(|e| invalid("definition", e.to_string()))?;
    if text.len() > DEFINITION_MAX {
        return Err(invalid("definition", format!("at most {} KiB", DEFINITION_MAX / 1024)));
    }
    if !v.is_object() {
        return Err(invalid("definition", "a JSON object (triggers, start, steps, rules, goal)"));
    }
    Ok(text)
}

pub fn create(state: &AppState, by: By, input: &JourneyInput) -> OpResult<Journey> {
    by.require(Permission::SendCampaigns)?;
    let name = clean_name(state, input.name.as_deref().unwrap_or(""), None)?;
    let description = clean_description(input.description.as_deref().unwrap_or(""))?;
    let draft = match &input.definition {
        Some(v) => draft_json(v)?,
        None => return Err(invalid("definition", "a definition, or a recipe's (GET /journeys/recipes)")),
    };
    let now = Utc::now();
    let j = Journey {
        id: JourneyId::new(),
        name,
        description,
        status: Status::Draft,
        draft,
        version: 0,
        created_at: now,
        updated_at: now,
        created_by: by.actor.reference(),
    };
    state.journeys.put(&j)?;
    state.audit.append_uncommitted(by.event(Action::JourneySaved).target(j.id.reference()))?;
    state.store.commit()?;
    Ok(j)
}

pub fn update(state: &AppState, by: By, id: &JourneyId, input: &JourneyInput) -> OpResult<Journey> {
    by.require(Permission::SendCampaigns)?;
    let mut j = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    if let Some(n) = &input.name {
        j.name = clean_name(state, n, Some(id))?;
    }
    if let Some(d) = &input.description {
        j.description = clean_description(d)?;
    }
    if let Some(v) = &input.definition {
        j.draft = draft_json(v)?;
    }
    j.updated_at = Utc::now();
    state.journeys.put(&j)?;
    state.audit.append_uncommitted(by.event(Action::JourneySaved).target(j.id.reference()))?;
    state.store.commit()?;
    Ok(j)
}

/// Runs waiting now at each step (every version's, by step), from the step counters.
pub fn waiting(state: &AppState, id: &JourneyId) -> OpResult<BTreeMap<StepId, u64>> {
    Ok(state.journeys.waiting(id)?)
}

/// Publishes the draft as the next version. Runs going on move to the new version at the
/// same step, or at the step `moved` names for it; a step the new version does not have must
/// be given one (nobody is left at a step that no longer exists).
pub fn publish(state: &AppState, by: By, id: &JourneyId, moved: &BTreeMap<StepId, StepId>) -> OpResult<Journey> {
    by.require(Permission::SendCampaigns)?;
    let mut j = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    if j.status == Status::Archived {
        return Err(OpError::Conflict("an archived journey cannot be published again: copy it".into()));
    }
    let (def, problems) = checked(state, &j.draft);
    let def = match (def, problems.errors.first()) {
        (Some(def), None) => def,
        (_, first) => {
            let (path, message) = first.map_or(("definition", "does not parse"), |p| (&*p.path, &*p.message));
            return Err(OpError::Invalid {
                field: "definition",
                message: format!("{path}: {message} ({} problem(s) in all)", problems.errors.len()),
            });
        }
    };
    for (from, to) in moved {
        if !def.steps.contains_key(to) {
            return Err(invalid("moved", format!("`{from}` → `{to}`: the new version has no step `{to}`")));
        }
    }
    let waiting = waiting(state, id)?;
    let stranded: Vec<String> = waiting
        .iter()
        .filter(|(step, _)| !def.steps.contains_key(*step) && !moved.contains_key(*step))
        .map(|(step, n)| format!("{n} at `{step}`"))
        .collect();
    if !stranded.is_empty() {
        return Err(invalid(
            "moved",
            format!(
                "runs wait at steps the new version does not have ({}): choose a step for each",
                stranded.join(", ")
            ),
        ));
    }
    let version = Version {
        version: j.version + 1,
        definition: def.to_json().to_string(),
        published_at: Utc::now(),
        by: by.actor.reference(),
        moved: moved.clone(),
    };
    let mut w = crate::store::Writes::new();
    state.journeys.stage_version(&mut w, id, &version)?;
    j.version = version.version;
    j.status = Status::Live;
    j.updated_at = Utc::now();
    state.journeys.stage_put(&mut w, &j)?;
    state.store.apply(&w)?;
    state
        .audit
        .append_uncommitted(by.event(Action::JourneyPublished).target(j.id.reference()).detail("version", j.version))?;
    state.store.commit()?;
    if !waiting.is_empty() {
        engine::republish(state, id, Some((j.version, moved)))?;
    }
    state.journey_engine.reload();
    // Its dates and schedules from now on (a new version may have other ones).
    engine::plan(state, id)?;
    Ok(j)
}

/// Pauses (nobody enters, runs wait where they are) or resumes a live journey.
pub fn set_paused(state: &AppState, by: By, id: &JourneyId, paused: bool) -> OpResult<Journey> {
    by.require(Permission::SendCampaigns)?;
    let mut j = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    j.status = match (j.status, paused) {
        (Status::Live, true) => Status::Paused,
        (Status::Paused, false) => Status::Live,
        (s, _) if (s == Status::Paused) == paused => return Ok(j),
        _ => return Err(OpError::Conflict("only a published journey can be paused or resumed".into())),
    };
    j.updated_at = Utc::now();
    state.journeys.put(&j)?;
    state.audit.append_uncommitted(
        by.event(Action::JourneyStateChanged).target(j.id.reference()).detail("state", j.status.as_str()),
    )?;
    state.store.commit()?;
    state.journey_engine.reload();
    if !paused {
        // Dates that came while it was paused were skipped: each contact's next one.
        engine::plan(state, id)?;
    }
    // Resumed: runs whose time came while paused go on now.
    state.clock.poke();
    Ok(j)
}

/// Archives a journey: nobody enters any more and every run ends (queued mail withdrawn).
pub fn archive(state: &AppState, by: By, id: &JourneyId) -> OpResult<(Journey, usize)> {
    by.require(Permission::SendCampaigns)?;
    let mut j = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    j.status = Status::Archived;
    j.updated_at = Utc::now();
    state.journeys.put(&j)?;
    state.audit.append_uncommitted(
        by.event(Action::JourneyStateChanged).target(j.id.reference()).detail("state", j.status.as_str()),
    )?;
    state.store.commit()?;
    state.journey_engine.reload();
    let ended = engine::republish(state, id, None)?;
    Ok((j, ended))
}

/// Deletes a draft or an archived journey (a live one is archived first: its runs end).
pub fn delete(state: &AppState, by: By, id: &JourneyId) -> OpResult<()> {
    by.require(Permission::SendCampaigns)?;
    let j = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    if !matches!(j.status, Status::Draft | Status::Archived) {
        return Err(OpError::Conflict("archive the journey first: its runs end then".into()));
    }
    state.journeys.remove(id)?;
    state.audit.append_uncommitted(by.event(Action::JourneyDeleted).target(j.id.reference()))?;
    state.store.commit()?;
    Ok(())
}

/// Who to add by hand: contacts, or every member of a segment.
#[derive(Debug, Default, Deserialize)]
pub struct Enrolment {
    #[serde(default)]
    pub contacts: Vec<String>,
    pub segment: Option<String>,
}

pub fn enrol(state: &AppState, by: By, id: &JourneyId, e: &Enrolment) -> OpResult<usize> {
    by.require(Permission::SendCampaigns)?;
    let j = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    if j.status != Status::Live {
        return Err(OpError::Conflict("contacts can be added to a published, running journey only".into()));
    }
    if e.contacts.len() > ENROL_MAX {
        return Err(invalid("contacts", format!("at most {ENROL_MAX} at a time (or a segment)")));
    }
    let mut ids = Vec::with_capacity(e.contacts.len());
    for (i, c) in e.contacts.iter().enumerate() {
        let id = c.parse::<ContactId>().map_err(|_| invalid("contacts", format!("contacts[{i}]: not a contact id")))?;
        ids.push(id);
    }
    if let Some(s) = &e.segment {
        let sid = s.parse::<SegmentId>().map_err(|_| invalid("segment", "not a segment id"))?;
        let repo = state.segments.segments();
        let seg = repo.get(&sid)?.ok_or_else(|| invalid("segment", "there is no such segment"))?;
        if !seg.build.is_ready() {
            return Err(invalid("segment", "the segment is being built: add its members once it is"));
        }
        let mut after = None;
        loop {
            let page = repo.members(&sid, after.as_ref(), 10_000)?;
            let Some(last) = page.last().copied() else { break };
            ids.extend(page);
            after = Some(last);
        }
    }
    if ids.is_empty() {
        return Err(invalid("contacts", "name contacts or a segment"));
    }
    let started = engine::enrol(state, id, &ids)?;
    state.audit.append_uncommitted(
        by.event(Action::JourneyEnrolled)
            .target(j.id.reference())
            .detail("started", started)
            .detail("asked", ids.len()),
    )?;
    state.store.commit()?;
    Ok(started)
}

/// A journey with what its steps count and who waits where.
#[derive(Debug, serde::Serialize)]
pub struct Overview {
    pub journey: Journey,
    pub problems: Problems,
    /// The published version's counters by step.
    pub counts: BTreeMap<StepId, StepCounts>,
    pub waiting: BTreeMap<StepId, u64>,
}

pub fn overview(state: &AppState, by: By, id: &JourneyId) -> OpResult<Overview> {
    by.require(Permission::ViewContacts)?;
    let journey = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    let problems = problems(state, &journey.draft);
    let counts = state.journeys.counts(id, journey.version)?;
    let waiting = waiting(state, id)?;
    Ok(Overview { journey, problems, counts, waiting })
}

/// One arm of a split in its report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ArmReport {
    pub label: String,
    pub holdout: bool,
    /// Runs that took the arm, over every version.
    pub entered: u64,
    /// Of them, runs that reached the journey's goal.
    pub converted: u64,
    /// The conversion rate with its 95% interval and the probability that the arm is best
    /// (Beta-Binomial, `domain::abtest`).
    pub estimate: crate::domain::abtest::Estimate,
    /// The arm's conversion rate minus the holdout's: the conversions the journey adds per run
    /// (None without a holdout, or for the holdout itself).
    pub incremental: Option<f64>,
}

/// A split step's report: its arms as the published version has them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SplitReport {
    pub step: StepId,
    pub arms: Vec<ArmReport>,
    /// Whether the counts are enough to tell the arms apart (`domain::abtest::enough`).
    pub enough: bool,
}

/// The published version's splits, each arm with its runs and conversions (the goal reached
/// after taking it), compared as an A/B test; a holdout arm is the control the others'
/// incremental conversions are measured against.
pub fn splits(state: &AppState, by: By, id: &JourneyId) -> OpResult<Vec<SplitReport>> {
    by.require(Permission::ViewContacts)?;
    let journey = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    let Some(def) = state.journeys.definition(id, journey.version)? else { return Ok(Vec::new()) };
    let counts = state.journeys.arms(id)?;
    let mut out = Vec::new();
    for (step, s) in &def.steps {
        let crate::domain::journey::Step::Split { arms } = s else { continue };
        let n: Vec<(u64, u64)> =
            arms.iter().map(|a| counts.get(&(step.clone(), a.label.clone())).copied().unwrap_or((0, 0))).collect();
        let estimates = crate::domain::abtest::rates(
            &n.iter().map(|&(trials, successes)| crate::domain::abtest::Arm { trials, successes }).collect::<Vec<_>>(),
        );
        let rate = |(t, c): (u64, u64)| (t > 0).then(|| c as f64 / t as f64);
        let holdout = arms.iter().position(|a| a.holdout).and_then(|h| rate(n[h]));
        out.push(SplitReport {
            step: step.clone(),
            arms: arms
                .iter()
                .zip(&n)
                .zip(estimates)
                .map(|((a, &(entered, converted)), estimate)| ArmReport {
                    label: a.label.clone(),
                    holdout: a.holdout,
                    entered,
                    converted,
                    estimate,
                    incremental: match (a.holdout, rate((entered, converted)), holdout) {
                        (false, Some(r), Some(h)) => Some(r - h),
                        _ => None,
                    },
                })
                .collect(),
            enough: crate::domain::abtest::enough(&n),
        });
    }
    Ok(out)
}

/// A contact's runs with their timelines, newest first.
pub fn runs_of(state: &AppState, by: By, contact: &ContactId) -> OpResult<Vec<(Run, String, Vec<Line>)>> {
    by.require(Permission::ViewContacts)?;
    let mut out = Vec::new();
    for r in state.journeys.runs_of(contact)?.into_iter().rev() {
        let name = state.journeys.get(&r.journey)?.map(|j| j.name).unwrap_or_default();
        let lines = state.journeys.lines(contact, &r.id)?;
        out.push((r, name, lines));
    }
    Ok(out)
}

/// The draft (or a given definition) tried for one contact on a virtual clock: each step it
/// would take, sending nothing and changing nothing. `comes`: whether what a `wait_for` step
/// waits for comes (else it times out).
pub fn dry_run(
    state: &AppState,
    by: By,
    id: &JourneyId,
    contact: &ContactId,
    definition: Option<&Value>,
    comes: bool,
) -> OpResult<Vec<Line>> {
    by.require(Permission::ViewContacts)?;
    let j = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    let v: Value = match definition {
        Some(v) => v.clone(),
        None => serde_json::from_str(&j.draft).map_err(|e| invalid("definition", e.to_string()))?,
    };
    let def = parse_definition(state, &v).map_err(|e| invalid("definition", e.to_string()))?;
    if state.contacts.get(contact)?.is_none() {
        return Err(OpError::NotFound("contact"));
    }
    Ok(engine::dry_run(state, &j, &def, *contact, Utc::now(), comes)?)
}

/// A send step's report: what its message did (the campaign report's figures, under the
/// step's mailing, the same for every version) and the step's counters summed over versions.
#[derive(Debug)]
pub struct StepReport {
    pub journey: Journey,
    pub step: StepId,
    /// The step's message as the published version has it (the draft's before publishing).
    pub message: crate::domain::journey::Message,
    pub counts: StepCounts,
    pub report: crate::reports::MailingReport,
}

pub fn step_report(
    state: &AppState,
    by: By,
    id: &JourneyId,
    step: &str,
    now: chrono::DateTime<Utc>,
) -> OpResult<StepReport> {
    by.require(Permission::ViewReports)?;
    let journey = state.journeys.get(id)?.ok_or(OpError::NotFound("journey"))?;
    let send = |d: Option<Definition>| match d?.steps.get(step) {
        Some(crate::domain::journey::Step::Send { message, .. }) => Some(message.clone()),
        _ => None,
    };
    let message = send(state.journeys.definition(id, journey.version)?)
        .or_else(|| send(super::stored_definition(&journey.draft)))
        .ok_or(OpError::NotFound("send step"))?;
    let mut counts = StepCounts::default();
    for version in 1..=journey.version {
        if let Some(c) = state.journeys.counts(id, version)?.get(step) {
            counts.entered += c.entered;
            counts.waiting += c.waiting;
            counts.passed += c.passed;
            counts.left += c.left;
            counts.converted += c.converted;
        }
    }
    let report = crate::reports::mailing(state, &engine::mailing_of(id, step), now)?;
    Ok(StepReport { journey, step: step.to_string(), message, counts, report })
}
