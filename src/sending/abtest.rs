//! A/B tests on campaigns: two to four variants of a draft (subject, sender name, content), a
//! test share of the audience split evenly among them, a winner metric and a wait; when the
//! wait is over the winner goes to the rest of the audience by itself (or when a person
//! chooses it sooner).
//!
//! ```text
//! start ─► audience walk writes only the test share to the outbox ─► each slot sent with the
//!          variant of its bucket ─► all done: state `testing`, timer `campaign_ab` at the
//!          decision time ─► timer (or "send the winner now") ─► winner recorded, audience walk
//!          starts again over everyone: the test share's slots are already there and keep their
//!          state (`Outbox::enqueue` writes a pair once), the others get the winner
//! ```
//!
//! Who is in the test and which variant they get is a hash of (campaign id, contact id): a
//! contact's bucket never changes, so neither a restart nor a second walk moves anyone to
//! another variant, and the report can tell each recipient's variant again without having
//! stored it (no per-person record is kept for the test).
//!
//! The decision is a durable clock timer: a restart during the wait fires it at its time, or
//! at start when that time passed while the process was down.
//!
//! Tree `campaign_ab`: campaign id → the test as JSON text (fields added later read as their
//! defaults); texts and counts only, nothing about a person.

use std::sync::{Arc, Mutex, Weak};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::campaign::{Campaign, CampaignState};
use crate::audit::Action;
use crate::clock::{Fired, Handler, Timer};
use crate::domain::abtest::{self as stats, AmountArm, Arm, Estimate};
use crate::domain::{CampaignId, ContactId, EventKind, Permission};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::state::AppState;
use crate::store::registry::{Holds, Registration};

pub const TREE: &str = "campaign_ab";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "a campaign's A/B test: its variants, test share, metric, wait and winner",
    holds: Holds::Nothing { why: "texts written by the controller and settings; recipients are in the outbox" },
};

/// The clock's kind for a test's decision; the key is the campaign's id.
pub const TIMER_KIND: &str = "campaign_ab";

/// Variants in all, the campaign as written (A) included.
pub const MIN_VARIANTS: usize = 2;
pub const MAX_VARIANTS: usize = 4;
/// The test share of the audience, in percent.
pub const MIN_PERCENT: u8 = 2;
pub const MAX_PERCENT: u8 = 50;
/// The wait before the winner is chosen, in hours (one hour to seven days).
pub const MIN_WAIT_HOURS: u16 = 1;
pub const MAX_WAIT_HOURS: u16 = 24 * 7;

/// What makes a variant the winner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Recipients who clicked a link (people, not link scanners).
    #[default]
    Clicks,
    /// Recipients with an order attributed to the campaign.
    Orders,
    /// Revenue of attributed orders per recipient.
    Revenue,
    /// Recipients who opened (people, not privacy proxies): unreliable, see [`Metric::unreliable`].
    Opens,
}

impl Metric {
    pub const ALL: [Metric; 4] = [Metric::Clicks, Metric::Orders, Metric::Revenue, Metric::Opens];

    pub fn as_str(&self) -> &'static str {
        match self {
            Metric::Clicks => "clicks",
            Metric::Orders => "orders",
            Metric::Revenue => "revenue",
            Metric::Opens => "opens",
        }
    }

    pub fn parse(raw: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == raw.trim())
    }

    /// Opens are measured only for those who consented, and privacy proxies open every message
    /// (Apple Mail Privacy Protection): they say little about people.
    pub fn unreliable(&self) -> bool {
        *self == Metric::Opens
    }
}

/// What a variant changes from the campaign as written; None keeps the campaign's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Changes {
    pub subject: Option<String>,
    /// The display name of the From (the address stays the campaign's sender).
    pub sender_name: Option<String>,
    pub preheader: Option<String>,
    pub body: Option<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.subject.is_none() && self.sender_name.is_none() && self.preheader.is_none() && self.body.is_none()
    }

    /// The campaign with these changes.
    pub fn apply(&self, c: &Campaign) -> Campaign {
        let mut out = c.clone();
        if let Some(s) = &self.subject {
            out.subject = s.clone();
        }
        if let Some(p) = &self.preheader {
            out.preheader = p.clone();
        }
        if let Some(b) = &self.body {
            out.body = b.clone();
        }
        out
    }
}

/// How the winner was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// By the metric, when the wait was over.
    Automatic,
    /// The wait was over and the test had too few recipients or events to tell: the campaign
    /// as written (A) went to the rest.
    TooFewToTell,
    /// A person chose it.
    Manual,
}

impl Decision {
    pub fn as_str(&self) -> &'static str {
        match self {
            Decision::Automatic => "automatic",
            Decision::TooFewToTell => "too_few_to_tell",
            Decision::Manual => "manual",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AbTest {
    /// Variants B, C, D: what each changes.
    pub variants: Vec<Changes>,
    pub test_percent: u8,
    pub metric: Metric,
    pub wait_hours: u16,
    /// When the winner is chosen (set when the campaign starts).
    pub decide_at: Option<DateTime<Utc>>,
    /// 0 is A.
    pub winner: Option<u8>,
    pub decision: Option<Decision>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The audience beyond the test share is being (or was) sent the winner.
    pub rest_started: bool,
}

impl Default for AbTest {
    fn default() -> Self {
        Self {
            variants: Vec::new(),
            test_percent: 20,
            metric: Metric::Clicks,
            wait_hours: 4,
            decide_at: None,
            winner: None,
            decision: None,
            decided_at: None,
            rest_started: false,
        }
    }
}

/// A variant's letter: 0 → A.
pub fn letter(i: usize) -> char {
    (b'A' + (i.min(25) as u8)) as char
}

/// The basis point (0..10 000) of a contact in a campaign's split: the same for the same pair
/// forever.
pub fn bucket(campaign: &CampaignId, contact: &ContactId) -> u32 {
    let mut h = Sha256::new();
    h.update(b"tidings ab split\0");
    h.update(campaign.as_bytes());
    h.update(contact.as_bytes());
    let d = h.finalize();
    u32::from_be_bytes([d[0], d[1], d[2], d[3]]) % 10_000
}

impl AbTest {
    /// Variants in all, A included.
    pub fn arms(&self) -> usize {
        self.variants.len() + 1
    }

    /// The variant a contact tests (0 is A), or None when the contact is not in the test share:
    /// the test share's basis points divided evenly among the variants.
    pub fn arm_of(&self, campaign: &CampaignId, contact: &ContactId) -> Option<usize> {
        let share = u32::from(self.test_percent) * 100;
        let b = bucket(campaign, contact);
        (b < share).then(|| (b as usize * self.arms()) / share as usize)
    }

    /// The variant a contact gets: their test variant, else the winner once there is one.
    pub fn variant_for(&self, campaign: &CampaignId, contact: &ContactId) -> Option<usize> {
        self.arm_of(campaign, contact).or(self.winner.map(usize::from))
    }

    /// The changes of variant `i` (A has none).
    pub fn changes(&self, i: usize) -> Changes {
        if i == 0 {
            return Changes::default();
        }
        self.variants.get(i - 1).cloned().unwrap_or_default()
    }

    pub fn to_json(&self, c: &Campaign) -> serde_json::Value {
        let variants: Vec<serde_json::Value> = (0..self.arms())
            .map(|i| {
                let ch = self.changes(i);
                serde_json::json!({
                    "variant": letter(i).to_string(),
                    "subject": ch.subject.clone().unwrap_or_else(|| c.subject.clone()),
                    "sender_name": ch.sender_name,
                    "preheader": ch.preheader.clone().unwrap_or_else(|| c.preheader.clone()),
                    "body_changed": ch.body.is_some(),
                    "body": ch.body,
                })
            })
            .collect();
        serde_json::json!({
            "variants": variants,
            "test_percent": self.test_percent,
            "metric": self.metric.as_str(),
            "metric_unreliable": self.metric.unreliable(),
            "wait_hours": self.wait_hours,
            "decide_at": self.decide_at,
            "winner": self.winner.map(|w| letter(usize::from(w)).to_string()),
            "decision": self.decision.map(|d| d.as_str()),
            "decided_at": self.decided_at,
            "rest_started": self.rest_started,
        })
    }
}

// ---- what a person sets

/// The test as the API and the form send it: `variants` are B, C and D (A is the campaign as
/// written), each with only what it changes. Loose types, so that a wrong value is answered
/// with the field it is in rather than a parse error.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbInput {
    #[serde(default)]
    pub variants: Vec<ChangesInput>,
    pub test_percent: Option<serde_json::Value>,
    pub metric: Option<String>,
    pub wait_hours: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangesInput {
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub sender_name: String,
    #[serde(default)]
    pub preheader: String,
    #[serde(default)]
    pub body: String,
}

fn whole_number(v: Option<&serde_json::Value>) -> Option<i64> {
    match v? {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The input checked: every error names its field; nothing is written.
fn check(state: &AppState, c: &Campaign, input: &AbInput) -> OpResult<AbTest> {
    let arms = input.variants.len() + 1;
    if !(MIN_VARIANTS..=MAX_VARIANTS).contains(&arms) {
        return Err(invalid(
            "variants",
            format!(
                "an A/B test has {MIN_VARIANTS} to {MAX_VARIANTS} variants: the campaign as written (A) and one to {} \
                 more; this one has {arms}",
                MAX_VARIANTS - 1
            ),
        ));
    }
    let percent = whole_number(input.test_percent.as_ref()).unwrap_or(i64::MIN);
    if !(i64::from(MIN_PERCENT)..=i64::from(MAX_PERCENT)).contains(&percent) {
        return Err(invalid(
            "test_percent",
            format!("give the test share as a whole percentage from {MIN_PERCENT} to {MAX_PERCENT}"),
        ));
    }
    let metric = match input.metric.as_deref() {
        None => Metric::Clicks,
        Some(m) => Metric::parse(m).ok_or_else(|| {
            invalid(
                "metric",
                format!(
                    "`{}` is not a metric; choose one of clicks, orders, revenue, opens",
                    m.chars().take(30).collect::<String>()
                ),
            )
        })?,
    };
    let wait = whole_number(input.wait_hours.as_ref()).unwrap_or(i64::MIN);
    if !(i64::from(MIN_WAIT_HOURS)..=i64::from(MAX_WAIT_HOURS)).contains(&wait) {
        return Err(invalid(
            "wait_hours",
            format!("give the wait in whole hours from {MIN_WAIT_HOURS} to {MAX_WAIT_HOURS} (seven days)"),
        ));
    }
    // A contact gets a language version in place of the campaign's text; a test would then
    // compare mixes of languages rather than variants.
    if !state.sending.campaigns.variants(&c.id)?.is_empty() {
        return Err(invalid(
            "variants",
            "this campaign has versions in other languages; an A/B test compares variants of one text, so remove \
             the language versions first",
        ));
    }
    let mut variants = Vec::with_capacity(input.variants.len());
    for (i, v) in input.variants.iter().enumerate() {
        let name = letter(i + 1);
        let text = |field: &'static str, raw: &str, max: usize| -> OpResult<Option<String>> {
            let t = crate::domain::HeaderText::parse(raw, max)
                .map_err(|e| invalid(field, format!("variant {name}: {e}")))?
                .to_string();
            Ok((!t.is_empty()).then_some(t))
        };
        let body = v.body.replace("\r\n", "\n");
        if body.len() > crate::mail::template::MAX_SOURCE {
            return Err(invalid("body", format!("variant {name}: is larger than the limit for a message")));
        }
        let ch = Changes {
            subject: text("subject", &v.subject, 300)?,
            sender_name: text("sender_name", &v.sender_name, 100)?,
            preheader: text("preheader", &v.preheader, 200)?,
            body: (!body.trim().is_empty()).then_some(body),
        };
        if ch.is_empty() {
            return Err(invalid(
                "variants",
                format!("variant {name} changes nothing: give it a subject, a sender name or content of its own"),
            ));
        }
        // It must compile as the campaign's own text does (a syntax error names its line).
        super::ops::prepare(state, &ch.apply(c)).map_err(|e| match e {
            OpError::Invalid { field, message } => {
                OpError::Invalid { field, message: format!("variant {name}: {message}") }
            }
            other => other,
        })?;
        variants.push(ch);
    }
    Ok(AbTest { variants, test_percent: percent as u8, metric, wait_hours: wait as u16, ..AbTest::default() })
}

fn editable(c: &Campaign) -> OpResult<()> {
    if c.state != CampaignState::Draft {
        return Err(OpError::Conflict(format!(
            "The A/B test is set on a draft; this campaign is {}.",
            c.state.as_str()
        )));
    }
    Ok(())
}

/// Sets (or replaces) a draft's A/B test.
pub fn set(state: &AppState, by: By, id: &CampaignId, input: &AbInput) -> OpResult<AbTest> {
    by.require(Permission::SendCampaigns)?;
    let c = super::ops::campaign(state, id)?;
    editable(&c)?;
    let ab = check(state, &c, input)?;
    state.sending.campaigns.set_ab(id, Some(&ab))?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::CampaignChanged)
            .target(id.reference())
            .detail("ab_test", format!("{} variants, {}%", ab.arms(), ab.test_percent)),
    )?;
    Ok(ab)
}

/// Removes a draft's A/B test.
pub fn remove(state: &AppState, by: By, id: &CampaignId) -> OpResult<()> {
    by.require(Permission::SendCampaigns)?;
    let c = super::ops::campaign(state, id)?;
    editable(&c)?;
    if state.sending.campaigns.ab(id)?.is_none() {
        return Err(OpError::NotFound("A/B test"));
    }
    state.sending.campaigns.set_ab(id, None)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::CampaignChanged).target(id.reference()).detail("ab_test", "removed"))?;
    Ok(())
}

// ---- the campaign's life

/// Serialises deciding: the timer and a person may choose at the same moment.
static DECIDING: Mutex<()> = Mutex::new(());

/// The campaign starts (or a copy of a recurring one does): the test's decision time is set,
/// committed with the test, then its timer. A test that has begun before (a resumed campaign)
/// keeps its time.
pub fn on_start(state: &AppState, c: &Campaign) -> crate::store::Result<()> {
    let Some(mut ab) = state.sending.campaigns.ab(&c.id)? else { return Ok(()) };
    if ab.rest_started {
        return Ok(());
    }
    let at = match ab.decide_at {
        Some(at) => at,
        None => {
            let at = Utc::now() + Duration::hours(i64::from(ab.wait_hours));
            ab.decide_at = Some(at);
            state.sending.campaigns.set_ab(&c.id, Some(&ab))?;
            state.store.commit()?;
            at
        }
    };
    state.clock.set(TIMER_KIND, &c.id.to_string(), at, b"")
}

/// The sender went through every slot of the outbox. With a test whose rest has not begun the
/// campaign waits for its winner (`testing`) rather than being sent; true when that is so.
/// Called by `ops::finish` with the campaign's state already read as sending.
pub(super) fn hold_for_winner(state: &AppState, c: &mut Campaign) -> OpResult<bool> {
    let Some(ab) = state.sending.campaigns.ab(&c.id)? else { return Ok(false) };
    if ab.rest_started {
        return Ok(false);
    }
    c.state = CampaignState::Testing;
    c.updated_at = Utc::now();
    state.sending.campaigns.put(c)?;
    state.store.commit()?;
    Ok(true)
}

/// After [`hold_for_winner`] (and after the run is gone): a winner chosen meanwhile, or a wait
/// that is over, is decided at once through the timer; otherwise the timer stands.
pub(super) fn after_hold(state: &AppState, id: &CampaignId) {
    let result = (|| -> crate::store::Result<()> {
        let Some(ab) = state.sending.campaigns.ab(id)? else { return Ok(()) };
        let now = Utc::now();
        let due = if ab.winner.is_some() { now } else { ab.decide_at.unwrap_or(now) };
        state.clock.set(TIMER_KIND, &id.to_string(), due, b"")
    })();
    if let Err(e) = result {
        tracing::error!(campaign = %id, error = %e, "setting the A/B test's decision timer");
    }
}

/// The winner by the metric, or A when there are too few to tell.
pub fn automatic_winner(report: &AbReport) -> (usize, Decision) {
    if !report.enough {
        return (0, Decision::TooFewToTell);
    }
    let estimates: Vec<Estimate> = report.variants.iter().map(|v| v.estimate).collect();
    (stats::best(&estimates).unwrap_or(0), Decision::Automatic)
}

/// Records the winner and sends it to the rest: the audience walk starts again over everyone
/// (the test share's slots stay as they are). Only from `testing`; anything else is left for
/// the end of the test share's sending (see [`after_hold`]).
fn decide(state: &AppState, id: &CampaignId, choice: Option<(usize, Decision)>) -> OpResult<bool> {
    let _one = DECIDING.lock().unwrap_or_else(|p| p.into_inner());
    decide_held(state, id, choice)
}

/// [`decide`] with [`DECIDING`] held by the caller.
fn decide_held(state: &AppState, id: &CampaignId, choice: Option<(usize, Decision)>) -> OpResult<bool> {
    let mut c = super::ops::campaign(state, id)?;
    let Some(mut ab) = state.sending.campaigns.ab(id)? else { return Ok(false) };
    if ab.rest_started || c.state != CampaignState::Testing {
        return Ok(false);
    }
    let (winner, decision) = match (choice, ab.winner) {
        (Some(x), _) => x,
        (None, Some(w)) => (usize::from(w), ab.decision.unwrap_or(Decision::Manual)),
        (None, None) => automatic_winner(&report(state, &c, &ab)?),
    };
    ab.winner = Some(winner as u8);
    ab.decision = Some(decision);
    ab.decided_at = Some(Utc::now());
    ab.rest_started = true;
    let mut stats = state.sending.campaigns.stats(id)?;
    stats.audience_complete = false;
    stats.cursor = (0, None);
    c.state = CampaignState::Sending;
    c.finished_at = None;
    c.updated_at = Utc::now();
    state.sending.campaigns.set_ab(id, Some(&ab))?;
    state.sending.campaigns.put_stats(id, &stats)?;
    state.sending.campaigns.put(&c)?;
    state.store.commit()?;
    state.sending.wake();
    Ok(true)
}

/// "Send the winner now" (`letter` None: by the metric as it stands) or "choose variant X".
/// While the test share is still being sent the choice is recorded and the rest follows as
/// soon as it is done.
pub fn choose(state: &AppState, by: By, id: &CampaignId, variant: Option<&str>) -> OpResult<AbTest> {
    by.require(Permission::SendCampaigns)?;
    // Read and written under the lock: the timer, or the end of the test share's sending, may
    // be deciding at this moment.
    let _one = DECIDING.lock().unwrap_or_else(|p| p.into_inner());
    let c = super::ops::campaign(state, id)?;
    let Some(mut ab) = state.sending.campaigns.ab(id)? else { return Err(OpError::NotFound("A/B test")) };
    let choice = match variant.map(str::trim).filter(|v| !v.is_empty()) {
        None => None,
        Some(v) => {
            let i = (0..ab.arms()).find(|i| letter(*i).to_string().eq_ignore_ascii_case(v)).ok_or_else(|| {
                invalid(
                    "variant",
                    format!(
                        "choose one of {}",
                        (0..ab.arms()).map(|i| letter(i).to_string()).collect::<Vec<_>>().join(", ")
                    ),
                )
            })?;
            Some(i)
        }
    };
    if ab.rest_started {
        return Err(OpError::Conflict("The winner was chosen already.".into()));
    }
    match c.state {
        CampaignState::Testing => {
            let picked = match choice {
                Some(i) => (i, Decision::Manual),
                None => {
                    let (i, _) = automatic_winner(&report(state, &c, &ab)?);
                    (i, Decision::Manual)
                }
            };
            // The timer may have decided a moment before.
            if !decide_held(state, id, Some(picked))? {
                return Err(OpError::Conflict("The winner was chosen already.".into()));
            }
            state.clock.cancel(TIMER_KIND, &id.to_string())?;
        }
        CampaignState::Sending | CampaignState::Paused => {
            let i = match choice {
                Some(i) => i,
                None => automatic_winner(&report(state, &c, &ab)?).0,
            };
            ab.winner = Some(i as u8);
            ab.decision = Some(Decision::Manual);
            state.sending.campaigns.set_ab(id, Some(&ab))?;
            state.store.commit()?;
            // The test share may have finished meanwhile, its timer set for the wait's end
            // before this choice was written: the choice does not wait for it.
            if super::ops::campaign(state, id)?.state == CampaignState::Testing {
                state.clock.set(TIMER_KIND, &id.to_string(), Utc::now(), b"")?;
            }
        }
        other => {
            return Err(OpError::Conflict(format!(
                "The campaign is {}: there is no test waiting for its winner.",
                other.as_str()
            )))
        }
    }
    let ab = state.sending.campaigns.ab(id)?.unwrap_or(ab);
    state.audit.record(
        by.event(Action::CampaignChanged)
            .target(id.reference())
            .detail("ab_winner", ab.winner.map(|w| letter(usize::from(w)).to_string()).unwrap_or_default()),
    )?;
    Ok(ab)
}

/// The decision's timer.
pub struct Decider {
    state: Weak<AppState>,
}

impl Decider {
    pub fn new(state: &Arc<AppState>) -> Arc<Self> {
        Arc::new(Self { state: Arc::downgrade(state) })
    }
}

impl Handler for Decider {
    fn kind(&self) -> &'static str {
        TIMER_KIND
    }

    /// A campaign waiting for its winner gets it. One still sending its test share (or paused)
    /// is decided when that is done (`ops::finish` sets the timer again); a cancelled or
    /// deleted one has nothing to decide. Deciding twice is impossible: the first records
    /// `rest_started`, committed before the timer moves.
    fn fire(&self, timer: &Timer) -> Result<Fired, String> {
        let Some(state) = self.state.upgrade() else { return Err("the appliance is stopping".into()) };
        let Ok(id) = timer.key.parse::<CampaignId>() else { return Ok(Fired::done()) };
        if decide(&state, &id, None).map_err(|e| e.to_string())? {
            super::sender::audit_system(
                &state,
                Action::CampaignChanged,
                &id,
                Some(("ab_winner", winner_of(&state, &id))),
            );
        }
        Ok(Fired::done())
    }
}

fn winner_of(state: &AppState, id: &CampaignId) -> String {
    state
        .sending
        .campaigns
        .ab(id)
        .ok()
        .flatten()
        .and_then(|ab| ab.winner)
        .map(|w| letter(usize::from(w)).to_string())
        .unwrap_or_default()
}

/// At start: every campaign in its test (sending, paused or waiting) has its decision timer,
/// should a crash have come between the campaign's commit and the timer's.
pub fn reconcile(state: &AppState) -> crate::store::Result<usize> {
    let mut set = 0;
    for c in state.sending.campaigns.all()? {
        if !matches!(c.state, CampaignState::Sending | CampaignState::Paused | CampaignState::Testing) {
            continue;
        }
        let Some(ab) = state.sending.campaigns.ab(&c.id)? else { continue };
        let (false, Some(at)) = (ab.rest_started, ab.decide_at) else { continue };
        if state.clock.get(TIMER_KIND, &c.id.to_string())?.is_none() {
            state.clock.set(TIMER_KIND, &c.id.to_string(), at, b"")?;
            set += 1;
        }
    }
    Ok(set)
}

// ---- the report

/// One variant's figures in the test share.
#[derive(Debug, Clone, Serialize)]
pub struct VariantReport {
    pub variant: String,
    pub subject: String,
    /// Test recipients written to the outbox.
    pub recipients: u64,
    /// Accepted by the relay.
    pub delivered: u64,
    /// Recipients who did what the metric counts (for revenue: who bought).
    pub events: u64,
    pub unique_clicks: u64,
    pub unique_opens: u64,
    /// Attributed orders, and their revenue in minor units.
    pub orders: u64,
    pub revenue_cents: i64,
    /// The metric per delivered recipient (revenue: in minor units per recipient).
    pub rate: Option<f64>,
    pub estimate: Estimate,
}

#[derive(Debug, Clone, Serialize)]
pub struct AbReport {
    pub metric: Metric,
    pub metric_unreliable: bool,
    /// For revenue, the normal approximation of the mean; for the others, Beta-Binomial.
    pub model: &'static str,
    pub variants: Vec<VariantReport>,
    /// Whether the test reached the minimum sample.
    pub enough: bool,
    pub min_recipients: u64,
    pub min_events: u64,
    /// Recipients beyond the test share (they get the winner).
    pub rest_recipients: u64,
    pub test_percent: u8,
    pub decide_at: Option<DateTime<Utc>>,
    pub winner: Option<String>,
    pub decision: Option<&'static str>,
    /// The variant the figures favour now (the highest probability of being best).
    pub leading: Option<String>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    recipients: u64,
    delivered: u64,
    clicks: u64,
    opens: u64,
    buyers: u64,
    orders: u64,
    revenue: i64,
    revenue_squares: f64,
}

/// The test's figures per variant. Each recipient's variant is told again from the hash (see
/// the module's documentation), so nothing per person is stored for the test: the outbox says
/// who was sent what, `track_seen` who opened and clicked, and the orders attributed to the
/// campaign (a click in it within `tracking.attribution_days`) are read for clickers only, the
/// only recipients an order can be attributed to. Cost: one pass over the campaign's outbox.
/// Clicks and opens are per person only for recipients who allow measurement; the split is
/// random, so that share is alike in every variant and the comparison fair.
pub fn report(state: &AppState, c: &Campaign, ab: &AbTest) -> crate::store::Result<AbReport> {
    let mut tallies = vec![Tally::default(); ab.arms()];
    let mut rest = 0;
    let mailing = c.id.uuid();
    for (contact, slot) in state.sending.outbox.slots_of(&c.id)? {
        let Some(i) = ab.arm_of(&c.id, &contact) else {
            rest += 1;
            continue;
        };
        let t = &mut tallies[i];
        t.recipients += 1;
        if slot.state != super::SlotState::Sent {
            continue;
        }
        t.delivered += 1;
        let seen = state.tracking.store.seen(&contact, &mailing)?;
        if seen & crate::tracking::store::OPENED != 0 {
            t.opens += 1;
        }
        if seen & crate::tracking::store::CLICKED != 0 {
            t.clicks += 1;
            let mut spent = 0i64;
            let mut bought = false;
            for e in state.tracking.store.events_of(&contact, 10_000)? {
                if e.kind == EventKind::Order && e.mailing == Some(mailing) {
                    bought = true;
                    t.orders += 1;
                    spent = spent.saturating_add(e.amount_cents.unwrap_or(0));
                }
            }
            if bought {
                t.buyers += 1;
                t.revenue = t.revenue.saturating_add(spent);
                t.revenue_squares += (spent as f64) * (spent as f64);
            }
        }
    }
    let events = |t: &Tally| match ab.metric {
        Metric::Clicks => t.clicks,
        Metric::Opens => t.opens,
        Metric::Orders | Metric::Revenue => t.buyers,
    };
    let estimates = match ab.metric {
        Metric::Revenue => stats::amounts(
            &tallies
                .iter()
                .map(|t| AmountArm { trials: t.delivered, sum: t.revenue as f64, sum_squares: t.revenue_squares })
                .collect::<Vec<_>>(),
        ),
        _ => {
            stats::rates(&tallies.iter().map(|t| Arm { trials: t.delivered, successes: events(t) }).collect::<Vec<_>>())
        }
    };
    let enough = stats::enough(&tallies.iter().map(|t| (t.delivered, events(t))).collect::<Vec<_>>());
    let leading = stats::best(&estimates).filter(|_| tallies.iter().any(|t| events(t) > 0));
    let variants = tallies
        .iter()
        .zip(&estimates)
        .enumerate()
        .map(|(i, (t, e))| VariantReport {
            variant: letter(i).to_string(),
            subject: ab.changes(i).subject.unwrap_or_else(|| c.subject.clone()),
            recipients: t.recipients,
            delivered: t.delivered,
            events: events(t),
            unique_clicks: t.clicks,
            unique_opens: t.opens,
            orders: t.orders,
            revenue_cents: t.revenue,
            rate: e.observed,
            estimate: *e,
        })
        .collect();
    Ok(AbReport {
        metric: ab.metric,
        metric_unreliable: ab.metric.unreliable(),
        model: if ab.metric == Metric::Revenue { "normal_mean" } else { "beta_binomial" },
        variants,
        enough,
        min_recipients: stats::MIN_TRIALS,
        min_events: stats::MIN_EVENTS,
        rest_recipients: rest,
        test_percent: ab.test_percent,
        decide_at: ab.decide_at,
        winner: ab.winner.map(|w| letter(usize::from(w)).to_string()),
        decision: ab.decision.map(|d| d.as_str()),
        leading: leading.map(|i| letter(i).to_string()),
    })
}

/// The report of a campaign's test, if it has one.
pub fn report_of(state: &AppState, c: &Campaign) -> crate::store::Result<Option<AbReport>> {
    match state.sending.campaigns.ab(&c.id)? {
        Some(ab) => Ok(Some(report(state, c, &ab)?)),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_stable_and_split_the_test_share_evenly() {
        let campaign = CampaignId::new();
        let ab = AbTest { variants: vec![Changes::default(); 2], test_percent: 30, ..AbTest::default() };
        let mut per_arm = [0usize; 3];
        let mut rest = 0;
        let n = 30_000;
        for _ in 0..n {
            let contact = ContactId::new();
            let arm = ab.arm_of(&campaign, &contact);
            assert_eq!(arm, ab.arm_of(&campaign, &contact), "the same pair, the same bucket");
            match arm {
                Some(i) => per_arm[i] += 1,
                None => rest += 1,
            }
        }
        // 30% in the test, a third of that each (±5 standard deviations).
        for k in per_arm {
            assert!((k as f64 - 3_000.0).abs() < 5.0 * 52.0, "{per_arm:?}");
        }
        assert!((rest as f64 - 21_000.0).abs() < 5.0 * 80.0, "{rest}");
        // Another campaign splits the same contacts otherwise.
        let other = CampaignId::new();
        let contact = ContactId::new();
        let differ = (0..64).any(|_| {
            let c = ContactId::new();
            bucket(&campaign, &c) != bucket(&other, &c)
        });
        assert!(differ && bucket(&campaign, &contact) < 10_000);
    }

    #[test]
    fn the_rest_gets_the_winner_and_the_test_keeps_its_variant() {
        let campaign = CampaignId::new();
        let mut ab = AbTest { variants: vec![Changes::default(); 3], test_percent: 50, ..AbTest::default() };
        let contacts: Vec<ContactId> = (0..200).map(|_| ContactId::new()).collect();
        let before: Vec<Option<usize>> = contacts.iter().map(|c| ab.variant_for(&campaign, c)).collect();
        ab.winner = Some(2);
        for (c, was) in contacts.iter().zip(before) {
            match was {
                Some(v) => assert_eq!(ab.variant_for(&campaign, c), Some(v)),
                None => assert_eq!(ab.variant_for(&campaign, c), Some(2)),
            }
        }
    }

    #[test]
    fn stored_tests_read_back_with_fields_added_later_as_defaults() {
        let ab: AbTest = serde_json::from_str(r#"{"variants":[{"subject":"B"}],"test_percent":10}"#).unwrap();
        assert_eq!((ab.arms(), ab.metric, ab.wait_hours, ab.rest_started), (2, Metric::Clicks, 4, false));
        assert_eq!(Metric::parse("revenue"), Some(Metric::Revenue));
        assert_eq!(Metric::parse("likes"), None);
        assert!(Metric::Opens.unreliable() && !Metric::Clicks.unreliable());
    }
}
