//! Scheduled and recurring campaigns on the durable clock: a scheduled campaign has a timer (kind
//! `campaign`, key its id) due at its next run. Scheduling sets it, unscheduling, cancelling and
//! deleting remove it, and at start every scheduled campaign gets its timer back if a crash came
//! between the campaign's commit and the timer's.
//!
//! Firing is idempotent through the campaign's own state: a one-off that has started is no longer
//! scheduled, and a recurring campaign whose next run is later than the timer was made for that
//! time already; either way a repeated firing after a crash does nothing but set the timer right.

use std::sync::{Arc, Weak};

use super::campaign::{Campaign, CampaignState};
use crate::clock::{Fired, Handler, Timer};
use crate::domain::CampaignId;
use crate::state::AppState;
use crate::store::Result;

pub const TIMER_KIND: &str = "campaign";

/// Sets the campaign's timer to its next run, or removes it when it has none.
pub fn set_timer(state: &AppState, c: &Campaign) -> Result<()> {
    match (c.state, c.next_run) {
        (CampaignState::Scheduled, Some(at)) => state.clock.set(TIMER_KIND, &c.id.to_string(), at, b""),
        _ => state.clock.cancel(TIMER_KIND, &c.id.to_string()).map(|_| ()),
    }
}

/// Every scheduled campaign has its timer at its next run (at start).
pub fn reconcile(state: &AppState) -> Result<usize> {
    let mut set = 0;
    for c in state.sending.campaigns.all()? {
        let (CampaignState::Scheduled, Some(at)) = (c.state, c.next_run) else { continue };
        let timer = state.clock.get(TIMER_KIND, &c.id.to_string())?;
        if timer.is_none_or(|t| t.due.timestamp_millis() != at.timestamp_millis()) {
            state.clock.set(TIMER_KIND, &c.id.to_string(), at, b"")?;
            set += 1;
        }
    }
    Ok(set)
}

pub struct Campaigns {
    state: Weak<AppState>,
}

impl Campaigns {
    pub fn new(state: &Arc<AppState>) -> Arc<Self> {
        Arc::new(Self { state: Arc::downgrade(state) })
    }
}

/// What to do with the timer once the campaign is as it is now.
fn after(c: Option<Campaign>) -> Fired {
    match c {
        Some(c) if c.state == CampaignState::Scheduled => match c.next_run {
            Some(at) => Fired::again(at),
            None => Fired::done(),
        },
        _ => Fired::done(),
    }
}

impl Handler for Campaigns {
    fn kind(&self) -> &'static str {
        TIMER_KIND
    }

    fn fire(&self, timer: &Timer) -> std::result::Result<Fired, String> {
        let Some(state) = self.state.upgrade() else { return Err("the appliance is stopping".into()) };
        let Ok(id) = timer.key.parse::<CampaignId>() else { return Ok(Fired::done()) };
        let c = state.sending.campaigns.get(&id).map_err(|e| e.to_string())?;
        // Due when its next run is the timer's time or earlier (the timer is set to it; the clock
        // keeps times to the millisecond).
        let due = |c: &Campaign| {
            c.state == CampaignState::Scheduled
                && c.next_run.is_some_and(|at| at.timestamp_millis() <= timer.due.timestamp_millis())
        };
        match c {
            Some(c) if due(&c) => {
                super::ops::fire_schedule(&state, &c).map_err(|e| e.to_string())?;
                Ok(after(state.sending.campaigns.get(&id).map_err(|e| e.to_string())?))
            }
            other => Ok(after(other)),
        }
    }
}
