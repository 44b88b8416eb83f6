//! Campaign, template and message operations shared by the admin pages and the API: each
//! checks its rules, writes, commits and audits. Blocking: call from the blocking pool.

use chrono::Utc;
use std::collections::BTreeMap;

use super::campaign::{Campaign, CampaignId, CampaignState, Schedule, Stats, Targets};
use super::outbox::TxMessage;
use super::templates::{variant_fields, Template, TemplateKind, Variant};
use crate::audit::{Action, Actor};
use crate::domain::HeaderText;
use crate::domain::{
    ConsentState, Contact, ContactId, EmailAddress, LawfulBasis, MailId, Permission, SegmentId, Source, Status,
};
use crate::mail::template::{check_source, Part, MAX_SOURCE};
use crate::mail::{BodyFormat, CampaignSource, Limits, PreparedCampaign, RenderedMessage, TemplateError};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::search::{ContactQuery, SortBy};
use crate::state::AppState;

/// A campaign by id, or `NotFound`: the one loader for the operations and the handlers.
pub fn campaign(state: &AppState, id: &CampaignId) -> OpResult<Campaign> {
    state.sending.campaigns.get(id)?.ok_or(OpError::NotFound("campaign"))
}

/// What a person may set on a campaign (absent fields stay as they are).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignInput {
    pub name: Option<String>,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub format: Option<BodyFormat>,
    pub layout: Option<String>,
    pub purpose: Option<String>,
    pub lists: Option<Vec<String>>,
    pub tags: Option<Vec<String>>,
    pub search: Option<String>,
    /// The id of a saved search the audience is narrowed by (or, alone, made of); "" clears it.
    pub saved_search: Option<String>,
    /// Ids of segments whose members the campaign goes to, besides its lists and tags.
    pub segments: Option<Vec<String>>,
    /// Ids of segments whose members get nothing, whichever source names them.
    pub exclude_segments: Option<Vec<String>>,
    pub relay: Option<String>,
    /// A verified sender's address (Settings → Email); "" for the default sender.
    pub sender: Option<String>,
    /// The line inboxes show after the subject; "" for none.
    pub preheader: Option<String>,
    /// Send-time optimisation: deliver at each contact's best hour within this many hours of
    /// the start (1 to 72); 0, null or "" sends to everyone at once.
    #[serde(default, deserialize_with = "present")]
    pub send_time_hours: Option<serde_json::Value>,
}

/// A field that is there, null included (absent is None: left as it is).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    <serde_json::Value as serde::Deserialize>::deserialize(d).map(Some)
}

/// The send-time window an input sets: None to leave it, Some(None) to turn it off.
fn send_time_input(input: &CampaignInput) -> OpResult<Option<Option<u16>>> {
    use serde_json::Value;
    let refused = || {
        invalid(
            "send_time_hours",
            format!(
                "from 1 to {} hours, or empty to send to everyone at once",
                crate::domain::sendtime::MAX_WINDOW_HOURS
            ),
        )
    };
    let n = match &input.send_time_hours {
        None => return Ok(None),
        Some(Value::Null) => 0,
        Some(Value::Number(n)) => n.as_i64().ok_or_else(refused)?,
        Some(Value::String(s)) if s.trim().is_empty() => 0,
        Some(Value::String(s)) => s.trim().parse::<i64>().map_err(|_| refused())?,
        Some(_) => return Err(refused()),
    };
    if n == 0 {
        return Ok(Some(None));
    }
    crate::sendtime::parse_hours(n).map(|h| Some(Some(h))).map_err(|_| refused())
}

/// The saved search an input sets: None to leave it, Some(None) to clear it.
fn saved_search_input(state: &AppState, input: &CampaignInput) -> OpResult<Option<Option<uuid::Uuid>>> {
    let Some(raw) = input.saved_search.as_deref().map(str::trim) else { return Ok(None) };
    if raw.is_empty() {
        return Ok(Some(None));
    }
    let id = uuid::Uuid::parse_str(raw).map_err(|_| invalid("saved_search", "is not a saved search id"))?;
    if state.saved_searches.get(&id)?.is_none() {
        return Err(invalid("saved_search", "there is no such saved search"));
    }
    Ok(Some(Some(id)))
}

/// At most this many segments to include, and as many to exclude.
pub const MAX_SEGMENTS: usize = 20;

/// Segment ids as typed, checked: each one a segment that exists, each once.
fn segment_ids(state: &AppState, field: &'static str, raw: &[String]) -> OpResult<Vec<SegmentId>> {
    let repo = state.segments.segments();
    let mut out: Vec<SegmentId> = Vec::new();
    for r in raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        let shown: String = r.chars().take(40).collect();
        let id: SegmentId = r.parse().map_err(|_| invalid(field, format!("`{shown}` is not a segment id")))?;
        if repo.get(&id)?.is_none() {
            return Err(invalid(field, format!("there is no segment `{shown}`")));
        }
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.len() > MAX_SEGMENTS {
        return Err(invalid(field, format!("choose at most {MAX_SEGMENTS} segments")));
    }
    Ok(out)
}

/// The segments an input sets, over `stored`: None when it names neither list.
fn targets_input(state: &AppState, stored: &Targets, input: &CampaignInput) -> OpResult<Option<Targets>> {
    if input.segments.is_none() && input.exclude_segments.is_none() {
        return Ok(None);
    }
    let mut t = stored.clone();
    if let Some(raw) = &input.segments {
        t.include = segment_ids(state, "segments", raw)?;
    }
    if let Some(raw) = &input.exclude_segments {
        t.exclude = segment_ids(state, "exclude_segments", raw)?;
    }
    // Taken in and left out at once would silently send to none of its members.
    if let Some(both) = t.exclude.iter().find(|s| t.include.contains(s)) {
        let name = state.segments.segments().get(both)?.map(|s| s.name).unwrap_or_else(|| both.to_string());
        return Err(invalid("exclude_segments", format!("“{name}” is also among the segments sent to")));
    }
    Ok(Some(t))
}

/// Whether every segment of the audience can be used now: it exists and is built (its members
/// are the segment's). The error names the field and the segment.
pub fn check_targets(state: &AppState, t: &Targets) -> OpResult<()> {
    let repo = state.segments.segments();
    for (field, ids) in [("segments", &t.include), ("exclude_segments", &t.exclude)] {
        for id in ids {
            match repo.get(id)? {
                None => return Err(invalid(field, format!("the segment {id} was deleted; choose the segments again"))),
                Some(s) if !s.build.is_ready() => {
                    return Err(invalid(
                        field,
                        format!("the segment “{}” is not built ({})", s.name, build_words(&s.build)),
                    ))
                }
                Some(_) => {}
            }
        }
    }
    Ok(())
}

/// Where a segment's build stands, in words for an error.
fn build_words(b: &crate::segments::Build) -> String {
    use crate::segments::Build;
    match b {
        Build::Queued => "waiting to be built".into(),
        Build::Running { done, total, .. } => format!("being built: {done} of {total} contacts"),
        Build::Ready { .. } => "built".into(),
        Build::Cancelled { .. } => "its build was stopped".into(),
        Build::Failed { error, .. } => format!("its build failed: {error}"),
    }
}

/// A value that becomes a mail header, checked by the one rule for those.
fn header_text(field: &'static str, raw: &str, max: usize) -> OpResult<String> {
    HeaderText::parse(raw, max).map(String::from).map_err(|e| invalid(field, e.to_string()))
}

fn apply(state: &AppState, c: &mut Campaign, input: &CampaignInput) -> OpResult<()> {
    if let Some(name) = &input.name {
        // The name is the campaign's `List-Id` header.
        let name = header_text("name", name, 200)?;
        if name.is_empty() {
            return Err(invalid("name", "give the campaign a name of up to 200 characters"));
        }
        c.name = name;
    }
    if let Some(s) = &input.subject {
        let s = header_text("subject", s, 300)?;
        check_source(&s, Part::Subject).map_err(template_error)?;
        c.subject = s;
    }
    if let Some(b) = &input.body {
        if b.len() > MAX_SOURCE {
            return Err(invalid("body", format!("is larger than {} KiB", MAX_SOURCE / 1024)));
        }
        let b = b.replace("\r\n", "\n");
        // A draft may be unfinished (a syntax error is reported, not refused, by the editor),
        // but a construct that can never be sent is refused now.
        check_source(&b, Part::Body).map_err(template_error)?;
        c.body = b;
    }
    if let Some(f) = input.format {
        c.format = f;
    }
    if let Some(l) = &input.layout {
        state.sending.templates.layout_html(l, "").map_err(|m| invalid("layout", m))?;
        c.layout = l.trim().to_string();
    }
    if let Some(p) = &input.purpose {
        if state.purposes.get(p.trim())?.is_none() {
            return Err(invalid("purpose", format!("there is no purpose `{}`", p.trim())));
        }
        c.purpose = p.trim().to_string();
    }
    if let Some(lists) = &input.lists {
        for l in lists {
            if state.lists.get(l)?.is_none() {
                return Err(invalid("lists", format!("there is no list `{l}`")));
            }
        }
        c.audience.lists = lists.clone();
    }
    if let Some(tags) = &input.tags {
        c.audience.tags = tags
            .iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| crate::domain::contact::parse_tag(t).map_err(|m| invalid("tags", m)))
            .collect::<OpResult<_>>()?;
    }
    if let Some(s) = &input.search {
        c.audience.search = s.trim().chars().take(300).collect();
    }
    if let Some(r) = &input.relay {
        let r = r.trim();
        if !r.is_empty() {
            state.mailer.transport(Some(r)).map_err(|e| invalid("relay", e.to_string()))?;
        }
        c.relay = r.to_string();
    }
    if let Some(p) = &input.preheader {
        // One line of plain text, like a header: inboxes show it beside the subject.
        c.preheader = header_text("preheader", p, 200)?;
    }
    if let Some(sender) = &input.sender {
        c.sender = crate::senders::check_choosable(state, &header_text("sender", sender, 254)?)?;
    }
    Ok(())
}

pub fn create_campaign(state: &AppState, by: By, input: &CampaignInput) -> OpResult<Campaign> {
    by.require(Permission::SendCampaigns)?;
    let mut c = Campaign::new("", by.actor.reference());
    if input.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        return Err(invalid("name", "give the campaign a name"));
    }
    apply(state, &mut c, input)?;
    let saved = saved_search_input(state, input)?;
    let targets = targets_input(state, &Targets::default(), input)?;
    let send_time = send_time_input(input)?;
    state.sending.campaigns.put(&c)?;
    if let Some(h) = send_time {
        state.sendtime.set_option(&c.id, h)?;
    }
    if let Some(s) = saved {
        state.sending.campaigns.set_saved_search(&c.id, s)?;
    }
    if let Some(t) = targets {
        state.sending.campaigns.set_targets(&c.id, &t)?;
    }
    state.store.commit()?;
    state.audit.record(by.event(Action::CampaignCreated).target(c.id.reference()))?;
    Ok(c)
}

pub fn update_campaign(state: &AppState, by: By, id: &CampaignId, input: &CampaignInput) -> OpResult<Campaign> {
    by.require(Permission::SendCampaigns)?;
    let mut c = campaign(state, id)?;
    if !c.state.editable() {
        return Err(OpError::Conflict(format!(
            "A campaign that is {} can no longer be changed; duplicate it instead.",
            c.state.as_str()
        )));
    }
    apply(state, &mut c, input)?;
    let saved = saved_search_input(state, input)?;
    let targets = targets_input(state, &state.sending.campaigns.targets(&c.id)?, input)?;
    let send_time = send_time_input(input)?;
    c.updated_at = Utc::now();
    state.sending.campaigns.put(&c)?;
    if let Some(h) = send_time {
        state.sendtime.set_option(&c.id, h)?;
    }
    if let Some(s) = saved {
        state.sending.campaigns.set_saved_search(&c.id, s)?;
    }
    if let Some(t) = targets {
        state.sending.campaigns.set_targets(&c.id, &t)?;
    }
    state.store.commit()?;
    state.audit.record(by.event(Action::CampaignChanged).target(c.id.reference()))?;
    Ok(c)
}

pub fn duplicate_campaign(state: &AppState, by: By, id: &CampaignId) -> OpResult<Campaign> {
    by.require(Permission::SendCampaigns)?;
    let src = campaign(state, id)?;
    let mut c = Campaign::new(&format!("{} (copy)", src.name), by.actor.reference());
    c.subject = src.subject;
    c.body = src.body;
    c.format = src.format;
    c.layout = src.layout;
    c.purpose = src.purpose;
    c.audience = src.audience;
    c.relay = src.relay;
    c.sender = src.sender;
    c.preheader = src.preheader;
    state.sending.campaigns.put(&c)?;
    state.sending.campaigns.set_saved_search(&c.id, state.sending.campaigns.saved_search(id)?)?;
    // A segment deleted since stays named, so that the copy cannot start with an exclusion
    // quietly gone; starting it says which one to choose again.
    state.sending.campaigns.set_targets(&c.id, &state.sending.campaigns.targets(id)?)?;
    state.sending.campaigns.set_variants(&c.id, &state.sending.campaigns.variants(id)?)?;
    state.sending.campaigns.set_ab(&c.id, fresh_ab(state, id)?.as_ref())?;
    state.sendtime.set_option(&c.id, state.sendtime.option(id)?.map(|o| o.hours))?;
    state.store.commit()?;
    state.audit.record(by.event(Action::CampaignCreated).target(c.id.reference()).detail("copy_of", id))?;
    Ok(c)
}

/// A campaign's A/B test as a copy starts it: its settings, none of its results.
fn fresh_ab(state: &AppState, id: &CampaignId) -> OpResult<Option<super::abtest::AbTest>> {
    Ok(state.sending.campaigns.ab(id)?.map(|ab| super::abtest::AbTest {
        variants: ab.variants,
        test_percent: ab.test_percent,
        metric: ab.metric,
        wait_hours: ab.wait_hours,
        ..Default::default()
    }))
}

/// A campaign's subject, preheader and body in another language (empty subject and body
/// remove that language). Checked like the campaign's own text: one-line header values, a
/// template that compiles. Only while the campaign can still be changed.
pub fn set_variant(
    state: &AppState,
    by: By,
    id: &CampaignId,
    language: &str,
    variant: &super::campaign::Variant,
) -> OpResult<super::campaign::Variants> {
    by.require(Permission::SendCampaigns)?;
    let c = campaign(state, id)?;
    if !c.state.editable() {
        return Err(OpError::Conflict(format!(
            "A campaign that is {} can no longer be changed; duplicate it instead.",
            c.state.as_str()
        )));
    }
    let code = crate::i18n::catalogue()
        .languages()
        .iter()
        .find(|l| l.code == language.trim())
        .map(|l| l.code.clone())
        .ok_or_else(|| {
            invalid(
                "language",
                format!("Tidings has no translation `{}`", language.chars().take(20).collect::<String>()),
            )
        })?;
    let mut all = state.sending.campaigns.variants(id)?;
    if state.sending.campaigns.ab(id)?.is_some() {
        return Err(invalid(
            "language",
            "this campaign has an A/B test, which compares variants of one text; remove the test to add languages",
        ));
    }
    let v = super::campaign::Variant {
        subject: variant.subject.trim().to_string(),
        preheader: variant.preheader.trim().to_string(),
        body: variant.body.replace("\r\n", "\n"),
    };
    if v.subject.is_empty() && v.body.trim().is_empty() {
        all.remove(&code);
    } else {
        crate::domain::HeaderText::parse(&v.subject, 998).map_err(|e| invalid("subject", e.to_string()))?;
        crate::domain::HeaderText::parse(&v.preheader, 200).map_err(|e| invalid("preheader", e.to_string()))?;
        if v.subject.is_empty() {
            return Err(invalid("subject", "write the subject in this language too"));
        }
        if v.body.trim().is_empty() {
            return Err(invalid("body", "write the message in this language too"));
        }
        let mut probe = c.clone();
        probe.subject = v.subject.clone();
        probe.body = v.body.clone();
        prepare(state, &probe)?;
        all.insert(code.clone(), v);
    }
    state.sending.campaigns.set_variants(id, &all)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::CampaignChanged).target(c.id.reference()).detail("language", &code))?;
    Ok(all)
}

/// The campaign as a reader of `language` gets it: that language's variant where there is one.
pub fn in_language(
    state: &AppState,
    c: &Campaign,
    language: &str,
) -> OpResult<(Campaign, &'static crate::i18n::Language)> {
    let variants = state.sending.campaigns.variants(&c.id)?;
    Ok(match variants.get(language) {
        Some(v) => {
            let mut c = c.clone();
            c.subject = v.subject.clone();
            c.preheader = v.preheader.clone();
            c.body = v.body.clone();
            (c, crate::i18n::catalogue().get(language))
        }
        None => (c.clone(), super::shop_language(state)),
    })
}

/// Deletes a draft, or a finished or cancelled campaign together with its outbox.
pub fn delete_campaign(state: &AppState, by: By, id: &CampaignId) -> OpResult<()> {
    by.require(Permission::SendCampaigns)?;
    let c = campaign(state, id)?;
    // One waiting for its A/B winner is still under way too: its rest is yet to be sent.
    if matches!(c.state, CampaignState::Sending | CampaignState::Paused | CampaignState::Testing) {
        return Err(OpError::Conflict("Cancel the campaign before deleting it.".into()));
    }
    state.sending.halt(id);
    state.sending.outbox.remove_campaign(id)?;
    state.sending.campaigns.remove(id)?;
    state.sendtime.set_option(id, None)?;
    state.store.commit()?;
    state.clock.cancel(super::schedule::TIMER_KIND, &id.to_string())?;
    state.clock.cancel(super::abtest::TIMER_KIND, &id.to_string())?;
    state.audit.record(by.event(Action::CampaignCancelled).target(id.reference()).detail("deleted", true))?;
    Ok(())
}

/// Compiles the campaign's template: a syntax error names the part and line.
pub fn prepare(state: &AppState, c: &Campaign) -> OpResult<PreparedCampaign> {
    let layout = state
        .sending
        .templates
        .layout_html(&c.layout, super::templates::default_campaign_layout())
        .map_err(|m| invalid("layout", m))?;
    PreparedCampaign::prepare(
        &CampaignSource { subject: &c.subject, layout: &layout, body: &c.body, format: c.format },
        Limits::default(),
    )
    .map_err(template_error)
}

/// A template error names the part's field (`subject`, `layout`, `body`) and, in its message,
/// the part, the line and the limit.
fn template_error(e: TemplateError) -> OpError {
    OpError::Invalid { field: e.part.field(), message: e.to_string() }
}

/// Checks that a campaign can go: content, audience, purpose.
fn check_ready(state: &AppState, c: &Campaign) -> OpResult<()> {
    if c.subject.trim().is_empty() {
        return Err(invalid("subject", "write a subject"));
    }
    if c.body.trim().is_empty() {
        return Err(invalid("body", "write the message"));
    }
    let targets = state.sending.campaigns.targets(&c.id)?;
    if c.audience.is_empty() && targets.include.is_empty() && state.sending.campaigns.saved_search(&c.id)?.is_none() {
        return Err(invalid("audience", "choose at least one list, tag, segment, search or saved search"));
    }
    check_targets(state, &targets)?;
    // Checked again at the start: the sender may have been changed since it was chosen.
    crate::senders::check_choosable(state, &c.sender)?;
    prepare(state, c)?;
    // An A/B test's variants change the text as it is now.
    if let Some(ab) = state.sending.campaigns.ab(&c.id)? {
        for i in 1..ab.arms() {
            prepare(state, &ab.changes(i).apply(c)).map_err(|e| match e {
                OpError::Invalid { field, message } => {
                    OpError::Invalid { field, message: format!("A/B variant {}: {message}", super::abtest::letter(i)) }
                }
                other => other,
            })?;
        }
    }
    Ok(())
}

/// Sends now, or at the schedule's time.
#[tracing::instrument(name = "campaign_schedule", skip_all, fields(campaign = %id, at_once = schedule.is_none()))]
pub fn schedule_campaign(state: &AppState, by: By, id: &CampaignId, schedule: Option<Schedule>) -> OpResult<Campaign> {
    by.require(Permission::SendCampaigns)?;
    let mut c = campaign(state, id)?;
    if !c.state.editable() {
        return Err(OpError::Conflict(format!("The campaign is {}; it cannot be started again.", c.state.as_str())));
    }
    check_ready(state, &c)?;
    let now = Utc::now();
    match schedule {
        None => {
            start(state, &mut c)?;
            state.audit.record(by.event(Action::CampaignStarted).target(c.id.reference()))?;
        }
        Some(s) => {
            let next = s.next_after(now).ok_or_else(|| invalid("schedule", "that time has passed"))?;
            c.schedule = Some(s);
            c.state = CampaignState::Scheduled;
            c.next_run = Some(next);
            c.updated_at = now;
            state.sending.campaigns.put(&c)?;
            state.store.commit()?;
            super::schedule::set_timer(state, &c)?;
            state.audit.record(by.event(Action::CampaignScheduled).target(c.id.reference()).detail("at", next))?;
        }
    }
    Ok(c)
}

/// Back to draft from scheduled.
pub fn unschedule_campaign(state: &AppState, by: By, id: &CampaignId) -> OpResult<Campaign> {
    by.require(Permission::SendCampaigns)?;
    let mut c = campaign(state, id)?;
    if c.state != CampaignState::Scheduled {
        return Err(OpError::Conflict("Only a scheduled campaign can be unscheduled.".into()));
    }
    c.state = CampaignState::Draft;
    c.schedule = None;
    c.next_run = None;
    c.updated_at = Utc::now();
    state.sending.campaigns.put(&c)?;
    state.store.commit()?;
    super::schedule::set_timer(state, &c)?;
    state.audit.record(by.event(Action::CampaignChanged).target(c.id.reference()).detail("unscheduled", true))?;
    Ok(c)
}

#[tracing::instrument(name = "campaign_start", skip_all, fields(campaign = %c.id))]
fn start(state: &AppState, c: &mut Campaign) -> OpResult<()> {
    // The audience is read from the search index: let it catch up with every committed change.
    let seq = state.contacts.last_logged()?;
    state.search.wait_for(seq);
    c.state = CampaignState::Sending;
    c.started_at = Some(Utc::now());
    c.updated_at = Utc::now();
    c.state_reason.clear();
    state.sending.campaigns.put(c)?;
    state.sending.campaigns.put_stats(&c.id, &Stats::default())?;
    state.store.commit()?;
    super::abtest::on_start(state, c)?;
    state.sending.wake();
    Ok(())
}

/// A scheduled campaign's time has come: a one-off starts; a recurring one starts a copy (a
/// run) and waits for its next time.
#[tracing::instrument(name = "campaign_fire", skip_all, fields(campaign = %c.id))]
pub fn fire_schedule(state: &AppState, c: &Campaign) -> OpResult<()> {
    let mut c = c.clone();
    match &c.schedule {
        Some(Schedule::Cron { .. }) => {
            let mut run = c.clone();
            run.id = CampaignId::new();
            run.parent = Some(c.id);
            run.schedule = None;
            run.next_run = None;
            run.name = format!("{} — {}", c.name, Utc::now().format("%Y-%m-%d %H:%M UTC"));
            run.created_at = Utc::now();
            // A run sends to the same saved search, in the same languages, as its campaign.
            state.sending.campaigns.set_saved_search(&run.id, state.sending.campaigns.saved_search(&c.id)?)?;
            state.sending.campaigns.set_targets(&run.id, &state.sending.campaigns.targets(&c.id)?)?;
            state.sending.campaigns.set_variants(&run.id, &state.sending.campaigns.variants(&c.id)?)?;
            // Each run tests afresh, on its own audience.
            state.sending.campaigns.set_ab(&run.id, fresh_ab(state, &c.id)?.as_ref())?;
            // ... and at each recipient's best hour, when its campaign says so.
            state.sendtime.set_option(&run.id, state.sendtime.option(&c.id)?.map(|o| o.hours))?;
            start(state, &mut run)?;
            c.next_run = c.schedule.as_ref().and_then(|s| s.next_after(Utc::now()));
            c.updated_at = Utc::now();
            state.sending.campaigns.put(&c)?;
            state.store.commit()?;
            super::sender::audit_system(state, Action::CampaignStarted, &run.id, Some(("run_of", c.id.to_string())));
        }
        _ => {
            c.next_run = None;
            start(state, &mut c)?;
            super::sender::audit_system(state, Action::CampaignStarted, &c.id, Some(("scheduled", "true".into())));
        }
    }
    Ok(())
}

pub fn pause_campaign(state: &AppState, by: By, id: &CampaignId) -> OpResult<Campaign> {
    by.require(Permission::SendCampaigns)?;
    let mut c = campaign(state, id)?;
    if c.state != CampaignState::Sending {
        return Err(OpError::Conflict(format!("The campaign is {}, not sending.", c.state.as_str())));
    }
    state.sending.halt(id);
    c.state = CampaignState::Paused;
    c.state_reason = format!("Paused by {}.", by.actor.reference());
    c.updated_at = Utc::now();
    state.sending.campaigns.put(&c)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::CampaignPaused).target(c.id.reference()))?;
    Ok(c)
}

pub fn resume_campaign(state: &AppState, by: By, id: &CampaignId) -> OpResult<Campaign> {
    by.require(Permission::SendCampaigns)?;
    let mut c = campaign(state, id)?;
    if c.state != CampaignState::Paused {
        return Err(OpError::Conflict(format!("The campaign is {}, not paused.", c.state.as_str())));
    }
    prepare(state, &c)?;
    c.state = CampaignState::Sending;
    c.state_reason.clear();
    c.updated_at = Utc::now();
    state.sending.campaigns.put(&c)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::CampaignResumed).target(c.id.reference()))?;
    state.sending.wake();
    Ok(c)
}

pub fn cancel_campaign(state: &AppState, by: By, id: &CampaignId) -> OpResult<Campaign> {
    by.require(Permission::SendCampaigns)?;
    let mut c = campaign(state, id)?;
    if c.state.finished() {
        return Err(OpError::Conflict(format!("The campaign is already {}.", c.state.as_str())));
    }
    state.sending.halt(id);
    c.state = CampaignState::Cancelled;
    c.next_run = None;
    c.finished_at = Some(Utc::now());
    c.updated_at = Utc::now();
    state.sending.campaigns.put(&c)?;
    state.store.commit()?;
    super::schedule::set_timer(state, &c)?;
    state.clock.cancel(super::abtest::TIMER_KIND, &id.to_string())?;
    state.audit.record(by.event(Action::CampaignCancelled).target(c.id.reference()))?;
    Ok(c)
}

/// The error-rate brake (or a campaign that cannot run): paused, with the reason in words.
pub(super) fn brake(state: &AppState, id: &CampaignId, reason: &str) {
    state.sending.halt(id);
    let result = (|| -> OpResult<bool> {
        let mut c = campaign(state, id)?;
        if c.state != CampaignState::Sending {
            return Ok(false);
        }
        c.state = CampaignState::Paused;
        c.state_reason = reason.to_string();
        c.updated_at = Utc::now();
        state.sending.campaigns.put(&c)?;
        state.store.commit()?;
        Ok(true)
    })();
    match result {
        Ok(false) => {}
        Ok(true) => {
            tracing::warn!(campaign = %id, reason, "campaign paused");
            super::sender::audit_system(state, Action::CampaignPaused, id, Some(("reason", reason.to_string())));
        }
        Err(e) => tracing::error!(campaign = %id, error = %e, "could not pause the campaign"),
    }
}

/// Every slot is done: the campaign is sent, or failed when messages were tried and none of
/// them was sent (the reason says which failure was the most common, with the counts).
pub(super) fn finish(state: &AppState, id: &CampaignId) {
    let result = (|| -> OpResult<Option<(CampaignState, Stats)>> {
        let mut c = campaign(state, id)?;
        if c.state != CampaignState::Sending {
            return Ok(None);
        }
        let tally = state.sending.outbox.tally(id)?;
        let stats = state.sending.campaigns.stats(id)?;
        // A test share that went out waits for its winner; one whose every message failed
        // fails as any campaign does.
        if !(tally.sent == 0 && tally.failed > 0) && super::abtest::hold_for_winner(state, &mut c)? {
            return Ok(Some((CampaignState::Testing, stats)));
        }
        if tally.sent == 0 && tally.failed > 0 {
            c.state = CampaignState::Failed;
            c.state_reason = failure_reason(&tally, &stats.last_error);
        } else {
            c.state = CampaignState::Sent;
        }
        c.finished_at = Some(Utc::now());
        c.updated_at = Utc::now();
        state.sending.campaigns.put(&c)?;
        state.store.commit()?;
        Ok(Some((c.state, stats)))
    })();
    match result {
        Ok(Some((CampaignState::Testing, _))) => {
            // The run is gone before the decision may start the next one.
            state.sending.runs.lock().unwrap_or_else(|p| p.into_inner()).remove(id);
            super::abtest::after_hold(state, id);
            return;
        }
        Ok(Some((end, s))) => {
            if end == CampaignState::Failed {
                tracing::warn!(campaign = %id, failed = s.failed, "campaign failed: no message was sent");
            }
            super::sender::audit_system(
                state,
                Action::CampaignFinished,
                id,
                Some((
                    "result",
                    format!("{}: sent {}, failed {}, skipped {}", end.as_str(), s.sent, s.failed, s.skipped),
                )),
            )
        }
        Ok(None) => {}
        Err(e) => tracing::error!(campaign = %id, error = %e, "could not mark the campaign sent"),
    }
    state.sending.runs.lock().unwrap_or_else(|p| p.into_inner()).remove(id);
}

/// "All 3 messages failed. Most common: SMTP 550 (3 of 3). Last error: …"
fn failure_reason(tally: &super::outbox::Tally, last_error: &str) -> String {
    let mut out = match tally.failed {
        1 => "The one message failed.".to_string(),
        n => format!("All {n} messages failed."),
    };
    if tally.skipped > 0 {
        out.push_str(&format!(
            " {} recipients were left out (no longer subscribed or without consent).",
            tally.skipped
        ));
    }
    if let Some((note, count)) = tally.failures.iter().max_by_key(|(_, n)| *n) {
        out.push_str(&format!(" Most common: {} ({count} of {}).", note.describe(), tally.failed));
        let others: Vec<String> =
            tally.failures.iter().filter(|(n, _)| n != note).map(|(n, c)| format!("{} ({c})", n.describe())).collect();
        if !others.is_empty() {
            out.push_str(&format!(" Also: {}.", others.join(", ")));
        }
    }
    if !last_error.is_empty() {
        out.push_str(&format!(" Last error: {last_error}"));
    }
    out
}

/// Who a campaign goes to, as the sender walks it: the index's sources (one query per list or
/// tag, or the search alone), then each included segment's members held to the same rules, less
/// the members of any excluded segment.
#[derive(Debug, Clone, Default)]
pub struct AudiencePlan {
    /// The union of these, each limited to subscribed contacts (and, for a consent-based
    /// purpose, to those who granted it) and narrowed by the search and saved search.
    pub queries: Vec<ContactQuery>,
    /// The same rules for a segment's members: None when they select no one (a saved search
    /// for another status, or a withdrawn consent).
    pub rules: Option<ContactQuery>,
    pub include: Vec<SegmentId>,
    pub exclude: Vec<SegmentId>,
}

impl AudiencePlan {
    /// The sources the walk goes through in order (its cursor counts them): the queries, then
    /// the included segments.
    pub fn sources(&self) -> usize {
        self.queries.len() + self.include.len()
    }
}

/// The audience as saved with the campaign. The sender checks each contact again from its
/// record before sending.
pub fn audience_plan(state: &AppState, c: &Campaign) -> OpResult<AudiencePlan> {
    let saved = state.sending.campaigns.saved_search(&c.id)?;
    audience_plan_with(state, c, saved, &state.sending.campaigns.targets(&c.id)?)
}

/// As [`audience_plan`], with the saved search and the segments given rather than the saved
/// ones (the editor counts what is typed, before it is saved).
pub fn audience_plan_with(
    state: &AppState,
    c: &Campaign,
    saved: Option<uuid::Uuid>,
    targets: &Targets,
) -> OpResult<AudiencePlan> {
    let purpose = state.purposes.get(&c.purpose)?.ok_or(OpError::NotFound("purpose"))?;
    let mut base = ContactQuery { text: c.audience.search.clone(), sort: SortBy::Created, ..Default::default() };
    let mut plan =
        AudiencePlan { include: targets.include.clone(), exclude: targets.exclude.clone(), ..Default::default() };
    // A saved search narrows first; then the campaign's own rules, which it cannot widen:
    // subscribed only, and with consent to the purpose where that is its basis. A saved search
    // for another status or a withdrawn consent therefore selects no one.
    let saved = match saved {
        Some(id) => Some(state.saved_searches.get(&id)?.ok_or(OpError::NotFound("saved search"))?),
        None => None,
    };
    let mut contradicts = false;
    if let Some(s) = &saved {
        s.filters.apply(&mut base, Utc::now()).map_err(|e| invalid("saved_search", e.message))?;
        // A saved search filtered by a segment sends to its members only once it is built.
        crate::segments::ops::check_listable(state, &base.segments).map_err(|e| match e {
            OpError::Invalid { message, .. } | OpError::Conflict(message) => invalid("saved_search", message),
            other => other,
        })?;
        contradicts |= base.status.is_some_and(|st| st != Status::Subscribed);
        if purpose.basis == LawfulBasis::Consent {
            contradicts |=
                base.consent.as_ref().is_some_and(|(p, st)| p == &purpose.key && *st != ConsentState::Granted);
        }
    }
    if contradicts {
        return Ok(plan);
    }
    base.status = Some(Status::Subscribed);
    if purpose.basis == LawfulBasis::Consent {
        // A query holds one consent filter, and the campaign's purpose needs it.
        if base.consent.as_ref().is_some_and(|(p, _)| p != &purpose.key) {
            return Err(invalid(
                "saved_search",
                "this saved search filters on another purpose's consent; a campaign selects by its own purpose's",
            ));
        }
        base.consent = Some((purpose.key.clone(), ConsentState::Granted));
    }
    for l in &c.audience.lists {
        let mut q = base.clone();
        q.lists.push(l.clone());
        plan.queries.push(q);
    }
    for t in &c.audience.tags {
        let mut q = base.clone();
        q.tags.push(t.clone());
        plan.queries.push(q);
    }
    // The search and the saved search narrow the sources; with none (no list, tag or segment)
    // they select by themselves.
    let narrows = !c.audience.search.trim().is_empty() || saved.is_some();
    if plan.queries.is_empty() && plan.include.is_empty() && narrows {
        plan.queries.push(base.clone());
    }
    plan.rules = Some(base);
    Ok(plan)
}

/// Segment members read at a time by the walk and the count.
const MEMBERS_PAGE: usize = 5_000;

/// Of `ids` (members of `plan.include[index]`), those the plan sends to: they meet the
/// campaign's rules and no excluded segment holds them. With `once` (the count), also those no
/// list or tag query and no earlier included segment holds, so that each recipient is counted
/// by one source alone; the walk leaves that to the outbox, which writes a contact once.
pub fn segment_recipients(
    state: &AppState,
    plan: &AudiencePlan,
    index: usize,
    ids: &[ContactId],
    once: bool,
) -> OpResult<Vec<ContactId>> {
    let Some(rules) = &plan.rules else { return Ok(Vec::new()) };
    let index_err = |e: crate::search::SearchError| OpError::Internal(e.to_string());
    let mut ids = state.search.index.matching_any(std::slice::from_ref(rules), ids).map_err(index_err)?;
    if once && !plan.queries.is_empty() && !ids.is_empty() {
        let already: std::collections::HashSet<ContactId> =
            state.search.index.matching_any(&plan.queries, &ids).map_err(index_err)?.into_iter().collect();
        ids.retain(|id| !already.contains(id));
    }
    let repo = state.segments.segments();
    let mut out = Vec::with_capacity(ids.len());
    let earlier = if once { &plan.include[..index.min(plan.include.len())] } else { &[] };
    'next: for id in ids {
        for earlier in earlier {
            if repo.is_member(earlier, &id)? {
                continue 'next;
            }
        }
        if excluded(state, &plan.exclude, &id)? {
            continue;
        }
        out.push(id);
    }
    Ok(out)
}

/// Whether the contact is a member of any of the `exclude` segments now.
pub fn excluded(state: &AppState, exclude: &[SegmentId], id: &ContactId) -> OpResult<bool> {
    let repo = state.segments.segments();
    for s in exclude {
        if repo.is_member(s, id)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// How many contacts the audience holds now, each counted once however many of its lists,
/// tags and segments they are in, less the members of excluded segments: what the sender walks
/// ([`audience_plan`]). The sender checks each recipient again from its record when the
/// message goes out. The flag is always true (the figure is exact); kept for the API's `exact`
/// field.
pub fn audience_size(state: &AppState, c: &Campaign) -> OpResult<(usize, bool)> {
    let plan = audience_plan(state, c)?;
    Ok((count_plan(state, &plan)?, true))
}

/// The plan's recipients counted: the queries' union from the index; then, by paging through
/// the segments' kept members (never by evaluating their filters), those the segments add and
/// those the exclusions take away.
fn count_plan(state: &AppState, plan: &AudiencePlan) -> OpResult<usize> {
    // The figure must include the contact added a moment ago: the index commits in batches.
    state.search.catch_up(std::time::Duration::from_secs(2));
    let index_err = |e: crate::search::SearchError| OpError::Internal(e.to_string());
    let mut total = state.search.index.count_any(&plan.queries).map_err(index_err)?;
    let repo = state.segments.segments();
    for i in 0..plan.include.len() {
        let mut after = None;
        loop {
            let page = repo.members(&plan.include[i], after.as_ref(), MEMBERS_PAGE)?;
            let Some(last) = page.last().copied() else { break };
            total += segment_recipients(state, plan, i, &page, true)?.len();
            after = Some(last);
        }
    }
    if plan.queries.is_empty() {
        return Ok(total);
    }
    // The queries' recipients who are in an excluded segment (each once, however many).
    for (j, segment) in plan.exclude.iter().enumerate() {
        let mut after = None;
        loop {
            let page = repo.members(segment, after.as_ref(), MEMBERS_PAGE)?;
            let Some(last) = page.last().copied() else { break };
            let mut first_here = Vec::with_capacity(page.len());
            'next: for id in &page {
                for earlier in &plan.exclude[..j] {
                    if repo.is_member(earlier, id)? {
                        continue 'next;
                    }
                }
                first_here.push(*id);
            }
            let reached = state.search.index.matching_any(&plan.queries, &first_here).map_err(index_err)?;
            total = total.saturating_sub(reached.len());
            after = Some(last);
        }
    }
    Ok(total)
}

/// Who would receive the campaign with the audience fields of `input` (lists, tags, search,
/// saved search, segments, purpose) in place of the saved ones: the editor's count before
/// saving. Checked as saving checks them; nothing is written.
pub fn audience_count_of(state: &AppState, c: &Campaign, input: &CampaignInput) -> OpResult<usize> {
    let audience_only = CampaignInput {
        purpose: input.purpose.clone(),
        lists: input.lists.clone(),
        tags: input.tags.clone(),
        search: input.search.clone(),
        saved_search: input.saved_search.clone(),
        segments: input.segments.clone(),
        exclude_segments: input.exclude_segments.clone(),
        ..Default::default()
    };
    let mut typed = c.clone();
    apply(state, &mut typed, &audience_only)?;
    let saved = match saved_search_input(state, &audience_only)? {
        Some(s) => s,
        None => state.sending.campaigns.saved_search(&c.id)?,
    };
    let stored = state.sending.campaigns.targets(&c.id)?;
    let targets = targets_input(state, &stored, &audience_only)?.unwrap_or(stored);
    if typed.audience.is_empty() && saved.is_none() && targets.include.is_empty() {
        return Ok(0);
    }
    let plan = audience_plan_with(state, &typed, saved, &targets)?;
    count_plan(state, &plan)
}

/// The campaign rendered for one contact (the editor's preview).
pub fn preview(state: &AppState, c: &Campaign, contact: Option<&Contact>) -> OpResult<RenderedMessage> {
    // A contact's own language's variant, as the sender would choose it.
    let language = contact.and_then(|c| c.locale.as_deref()).and_then(|l| crate::i18n::catalogue().find(l));
    match language {
        Some(l) => preview_in(state, c, contact, &l.code),
        None => preview_in(state, c, contact, ""),
    }
}

/// The campaign rendered as a reader of `language` gets it (empty: its own text).
pub fn preview_in(
    state: &AppState,
    c: &Campaign,
    contact: Option<&Contact>,
    language: &str,
) -> OpResult<RenderedMessage> {
    let (c, lang) = in_language(state, c, language)?;
    let c = &c;
    let prepared = prepare(state, c)?;
    let sample;
    let contact = match contact {
        Some(c) => c,
        None => {
            sample = sample_contact();
            &sample
        }
    };
    let links =
        crate::mail::links::message_links(&state.config, state.store.keyring(), &contact.id, Some(&c.id.to_string()));
    let (organisation, postal_address) = crate::sending::identity(state);
    let legal_footer = crate::sending::legal_footer(state, lang);
    let system = crate::mail::SystemLinks {
        organisation: &organisation,
        postal_address: &postal_address,
        legal_footer: &legal_footer,
        language: Some(lang),
        ..links.system_links()
    };
    let mut rendered = prepared.render(&super::merge_fields(contact), &system).map_err(template_error)?;
    crate::mail::template::insert_preheader(&mut rendered.html, &c.preheader);
    Ok(rendered)
}

/// A made-up contact for previews when none is chosen.
pub fn sample_contact() -> Contact {
    let email = EmailAddress::parse("jane.doe@example.com").expect("a valid address");
    let mut c = Contact::new(email, Source::Admin, String::new());
    c.first_name = "Jane".into();
    c.last_name = "Doe".into();
    c
}

/// Sends the campaign, rendered for `contact` (or a sample), to the given addresses now, marked
/// as a test in the subject. Nothing is recorded in the outbox.
/// What became of one test message: sent, or why not (the relay's words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestSent {
    pub to: String,
    pub failure: Option<String>,
}

impl std::fmt::Display for TestSent {
    /// `a@example.org: sent`, as the API reports it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.failure {
            None => write!(f, "{}: sent", self.to),
            Some(why) => write!(f, "{}: not sent ({why})", self.to),
        }
    }
}

pub async fn test_send(
    state: &AppState,
    c: &Campaign,
    contact: Option<&Contact>,
    to: &[EmailAddress],
) -> OpResult<Vec<TestSent>> {
    if to.is_empty() || to.len() > 10 {
        return Err(invalid("to", "give one to ten addresses"));
    }
    let rendered = preview(state, c, contact)?;
    let subject = format!("[Test] {}", rendered.subject);
    let mut results = Vec::new();
    let from = crate::senders::current(state, &c.sender);
    for addr in to {
        let message_id = crate::mail::MessageId::random(from.domain()).map_err(|e| invalid("to", e.to_string()))?;
        let message = crate::mail::Message {
            from: from.mailbox(),
            to: crate::mail::Mailbox::bare(addr.as_str()),
            reply_to: &from.reply_to,
            subject: &subject,
            message_id: &message_id,
            date: Utc::now(),
            headers: &[],
            text: &rendered.text,
            html: Some(&rendered.html),
        };
        let bytes = state.mailer.compose(&message).map_err(|e| OpError::Internal(e.to_string()))?;
        let envelope = crate::mail::Envelope::new(
            &state.mailer.envelope_sender_for(None, &from.address).map_err(|e| OpError::Internal(e.to_string()))?,
            &[addr.as_str()],
        )
        .map_err(|e| invalid("to", e.to_string()))?;
        let relay = (!c.relay.is_empty()).then_some(c.relay.as_str());
        let outcome =
            state.mailer.send(relay, &envelope, &bytes).await.map_err(|e| OpError::Internal(e.to_string()))?;
        results.push(TestSent { to: addr.to_string(), failure: outcome.failure().map(|f| f.to_string()) });
    }
    Ok(results)
}

// ---- templates

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateInput {
    pub key: Option<String>,
    pub name: Option<String>,
    pub kind: Option<TemplateKind>,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub format: Option<BodyFormat>,
    pub layout: Option<String>,
    /// Messages only: language versions by catalogue code. Each language named replaces its
    /// version; one named with neither subject nor body is removed; the others stay.
    pub translations: Option<BTreeMap<String, VariantInput>>,
}

/// One language's version of a message template, as the editor and the API send it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantInput {
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub body: String,
}

/// `stored` with the language versions of `input` applied, checked as the base text is: a
/// subject is one header line, a body has the same size limit. Errors name the version's field.
fn variants(
    stored: &BTreeMap<String, Variant>,
    input: &BTreeMap<String, VariantInput>,
) -> OpResult<BTreeMap<String, Variant>> {
    let mut out = stored.clone();
    for (code, v) in input {
        let Some((subject_field, body_field)) = variant_fields(code) else {
            let known: Vec<&str> = crate::i18n::catalogue().languages().iter().map(|l| l.code.as_str()).collect();
            return Err(invalid(
                "translations",
                format!(
                    "`{}` is not a language with a catalogue; use one of {}",
                    code.chars().take(35).collect::<String>(),
                    known.join(", ")
                ),
            ));
        };
        if v.subject.trim().is_empty() && v.body.trim().is_empty() {
            out.remove(code);
            continue;
        }
        let subject = header_text(subject_field, &v.subject, 300)?;
        if subject.is_empty() {
            return Err(invalid(
                subject_field,
                "write a subject, or empty the body to have no version in this language",
            ));
        }
        if v.body.len() > MAX_SOURCE {
            return Err(invalid(body_field, format!("is larger than {} KiB", MAX_SOURCE / 1024)));
        }
        if v.body.trim().is_empty() {
            return Err(invalid(
                body_field,
                "write the message, or empty the subject to have no version in this language",
            ));
        }
        out.insert(code.clone(), Variant { subject, body: v.body.replace("\r\n", "\n") });
    }
    Ok(out)
}

/// Creates (`existing` None) or changes a template; the template must compile.
pub fn save_template(state: &AppState, by: By, existing: Option<&str>, input: &TemplateInput) -> OpResult<Template> {
    by.require(Permission::SendCampaigns)?;
    let mut t = match existing {
        Some(k) => state.sending.templates.get(k)?.ok_or(OpError::NotFound("template"))?,
        None => {
            let key = input.key.as_deref().unwrap_or("").trim().to_string();
            let fine = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
            if key.is_empty() || key.len() > 64 || !key.chars().all(fine) || key.starts_with('-') {
                return Err(invalid("key", "use 1 to 64 lowercase letters, digits, - and _ (like order-shipped)"));
            }
            if state.sending.templates.get(&key)?.is_some() {
                return Err(OpError::Conflict(format!("A template `{key}` exists already.")));
            }
            Template {
                key,
                name: String::new(),
                kind: input.kind.unwrap_or(TemplateKind::Message),
                subject: String::new(),
                body: String::new(),
                format: BodyFormat::Markdown,
                layout: String::new(),
                system: false,
                updated_at: Utc::now(),
                translations: Default::default(),
            }
        }
    };
    if let Some(n) = &input.name {
        t.name = header_text("name", n, 200)?;
    }
    if t.name.is_empty() {
        t.name = t.key.clone();
    }
    if let Some(s) = &input.subject {
        t.subject = header_text("subject", s, 300)?;
    }
    if let Some(b) = &input.body {
        if b.len() > MAX_SOURCE {
            return Err(invalid("body", format!("is larger than {} KiB", MAX_SOURCE / 1024)));
        }
        t.body = b.replace("\r\n", "\n");
    }
    if let Some(f) = input.format {
        t.format = f;
    }
    if let Some(l) = &input.layout {
        state.sending.templates.layout_html(l, "").map_err(|m| invalid("layout", m))?;
        t.layout = l.trim().to_string();
    }
    if let Some(tr) = &input.translations {
        t.translations = variants(&t.translations, tr)?;
    }
    match t.kind {
        TemplateKind::Layout => {
            if !t.translations.is_empty() {
                return Err(invalid(
                    "translations",
                    "a layout has no language versions: its link texts follow the message",
                ));
            }
            t.format = BodyFormat::Html;
            // The layout is this template's body.
            PreparedCampaign::prepare(
                &CampaignSource { subject: "", layout: &t.body, body: "", format: BodyFormat::Html },
                Limits::default(),
            )
            .map_err(|e| invalid("body", e.to_string()))?;
        }
        TemplateKind::Message => {
            if t.subject.is_empty() {
                return Err(invalid("subject", "write a subject"));
            }
            state.sending.templates.prepare_message(&t).map_err(template_error)?;
            for (code, v) in &t.translations {
                let (subject_field, body_field) = variant_fields(code).unwrap_or(("translations", "translations"));
                state.sending.templates.prepare_text(&t, &v.subject, &v.body).map_err(|e| OpError::Invalid {
                    field: match e.part {
                        Part::Subject => subject_field,
                        Part::Layout => "layout",
                        Part::Body | Part::Message => body_field,
                    },
                    message: e.to_string(),
                })?;
            }
        }
    }
    t.updated_at = Utc::now();
    state.sending.templates.put(&t)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::TemplateSaved).target(format!("template:{}", t.key)))?;
    Ok(t)
}

pub fn delete_template(state: &AppState, by: By, key: &str) -> OpResult<()> {
    by.require(Permission::SendCampaigns)?;
    let t = state.sending.templates.get(key)?.ok_or(OpError::NotFound("template"))?;
    if t.system {
        return Err(OpError::Conflict("Built-in templates can be edited but not deleted.".into()));
    }
    let used = state.sending.campaigns.all()?.iter().any(|c| c.layout == key && c.state.editable());
    if used {
        return Err(OpError::Conflict("A draft or scheduled campaign uses this layout.".into()));
    }
    state.sending.templates.remove(key)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::TemplateDeleted).target(format!("template:{key}")))?;
    Ok(())
}

// ---- transactional messages

/// A transactional message to send.
pub struct NewMessage<'a> {
    pub template: &'a str,
    pub to: &'a EmailAddress,
    /// `data.*` in the template.
    pub data: serde_json::Value,
    /// The caller's key: the same key again returns the first message and sends nothing.
    pub idempotency_key: &'a str,
}

/// Whether `enqueue` stored a new message or found the caller's earlier one.
pub enum Queued {
    New(TxMessage),
    Existing(TxMessage),
}

/// Queues a transactional message: stored and committed before this returns, then sent within
/// moments by the sender (which is woken). The recipient is found by address, or added as a
/// contact (source: the caller) without any marketing consent.
pub fn enqueue_message(state: &AppState, by: By, msg: NewMessage<'_>) -> OpResult<Queued> {
    by.require(Permission::SendCampaigns)?;
    enqueue_as(state, &by.actor.reference(), by.actor, msg)
}

/// [`enqueue_message`] for the system's own mail (sign-up confirmations): no role; `caller`
/// scopes the idempotency key (`form:<id>`).
pub fn enqueue_system_message(state: &AppState, caller: &str, msg: NewMessage<'_>) -> OpResult<Queued> {
    enqueue_as(state, caller, Actor::System, msg)
}

fn enqueue_as(state: &AppState, caller: &str, actor: Actor, msg: NewMessage<'_>) -> OpResult<Queued> {
    let key = msg.idempotency_key.trim();
    if key.len() > 200 {
        return Err(invalid("idempotency_key", "is longer than 200 characters"));
    }
    if !key.is_empty() {
        if let Some(existing) = state.sending.outbox.by_idempotency_key(caller, key)? {
            return Ok(Queued::Existing(existing));
        }
    }
    let template = state
        .sending
        .templates
        .get(msg.template)?
        .filter(|t| t.kind == TemplateKind::Message)
        .ok_or_else(|| invalid("template", format!("there is no message template `{}`", msg.template)))?;
    if !msg.data.is_object() && !msg.data.is_null() {
        return Err(invalid("data", "must be an object"));
    }
    let data = serde_json::to_string(&msg.data).unwrap_or_default();
    if data.len() > 64 * 1024 {
        return Err(invalid("data", "is larger than 64 KiB"));
    }
    // An erased address may come back only by confirming a sign-up, so the confirmation itself
    // (queued by the system for a form, never through the API) may reach it.
    let sign_up = actor == Actor::System && msg.template == super::templates::CONFIRM_SUBSCRIPTION;
    if !sign_up && state.contacts.is_suppressed(msg.to)? {
        return Err(OpError::Conflict(
            "This address was erased at the person's request and is on the suppression list.".into(),
        ));
    }
    // The contact as it is, or as it would be created: the message is rendered once now, in the
    // version this contact will get, so that a template error is the caller's 4xx (and writes
    // nothing), not a failed send later.
    let (contact, known) = match state.contacts.find_by_email(msg.to)? {
        Some(c) => (c, true),
        None => {
            let mut c = Contact::new(msg.to.clone(), Source::Api, caller.to_string());
            c.status = Status::Subscribed;
            (c, false)
        }
    };
    let (prepared, lang, fields) = super::localized_message(state, &template, &contact, msg.data.clone())
        .map_err(|e| invalid("template", e.to_string()))?;
    let links = crate::mail::links::message_links(&state.config, state.store.keyring(), &contact.id, None);
    let (organisation, postal_address) = crate::sending::identity(state);
    let legal_footer = crate::sending::legal_footer(state, lang);
    let system = crate::mail::SystemLinks {
        organisation: &organisation,
        postal_address: &postal_address,
        legal_footer: &legal_footer,
        language: Some(lang),
        ..links.system_links()
    };
    prepared.render(&fields, &system).map_err(|e| invalid("data", e.to_string()))?;
    // A contact created here is logged on the change feed before it is written, and announced
    // with the message's commit below.
    let mut created = 0;
    let contact = if known {
        contact
    } else {
        match state.contacts.claim_or_find(&contact.email, &contact.id).map_err(|e| OpError::Internal(e.to_string()))? {
            Some(existing) => existing,
            None => {
                created = state.contacts.log(crate::domain::Change::ContactCreated(contact.id))?;
                state.contacts.write_claimed(&contact, &[]).map_err(|e| OpError::Internal(e.to_string()))?;
                contact
            }
        }
    };
    let m = TxMessage {
        id: MailId::new(),
        contact: contact.id,
        template: template.key.clone(),
        data,
        idempotency_key: key.to_string(),
        by: caller.to_string(),
        created_at: Utc::now(),
    };
    let added = state.sending.outbox.add_message(&m)?;
    if created > 0 {
        state.store.commit()?;
        state.contacts.announce(created);
    }
    if let Err(existing) = added {
        return Ok(Queued::Existing(existing));
    }
    state.store.commit()?;
    state.sending.wake();
    state.audit.record(
        crate::audit::Event::new(actor, Action::MessageQueued)
            .target(m.id.reference())
            .detail("template", &m.template)
            .detail("contact", contact.id.reference()),
    )?;
    Ok(Queued::New(m))
}

/// A transactional message's delivery state, for the API.
pub fn message_status(state: &AppState, id: &MailId) -> OpResult<(TxMessage, super::Slot)> {
    let (contact, slot) = state.sending.outbox.message_slot(id)?.ok_or(OpError::NotFound("message"))?;
    let m = state.sending.outbox.message(&contact, id)?.ok_or(OpError::NotFound("message"))?;
    Ok((m, slot))
}

/// For the contact timeline: the campaigns sent (or to be sent) to a contact.
pub fn sends_of(state: &AppState, contact: &ContactId) -> OpResult<Vec<(Campaign, super::Slot)>> {
    let campaigns = state.sending.campaigns.all()?;
    let ids: Vec<_> = campaigns.iter().map(|c| c.id).collect();
    let slots = state.sending.outbox.campaigns_of(&ids, contact)?;
    Ok(slots
        .into_iter()
        .filter_map(|(id, slot)| campaigns.iter().find(|c| c.id == id).map(|c| (c.clone(), slot)))
        .collect())
}

pub fn parse_local(date: &str, time: &str) -> Result<chrono::NaiveDateTime, String> {
    let s = format!("{} {}", date.trim(), if time.trim().is_empty() { "09:00" } else { time.trim() });
    chrono::NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M")
        .map_err(|_| format!("`{s}` is not a date and time like 2026-12-01 09:00"))
}
