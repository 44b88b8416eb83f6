//! What the rest of the appliance asks of send-time optimisation with the application state in
//! hand: the shop's zone, the campaign timer, and the clock's handler that releases waiting
//! slots. The repository ([`super::SendTime`]) knows no state.

use std::sync::Weak;

use chrono::DateTime;

use super::TIMER;
use crate::clock::{Fired, Handler, Timer};
use crate::domain::CampaignId;
use crate::state::AppState;
use crate::store::Result;

/// Makes sure the campaign's timer is due no later than `at` (the sender calls it before it
/// waits for its next waiting slot, so a crash between a slot's commit and its timer leaves
/// nothing behind: the next run sets it again).
pub fn ensure_timer(state: &AppState, campaign: &CampaignId, at: i64) -> Result<()> {
    let Some(due) = DateTime::from_timestamp(at, 0) else { return Ok(()) };
    let key = campaign.to_string();
    if state.clock.get(TIMER, &key)?.is_none_or(|t| t.due > due) {
        state.clock.set(TIMER, &key, due, b"")?;
    }
    Ok(())
}

/// The durable clock's handler: releases a campaign's waiting slots due by the timer's time,
/// tells the sender, and sets the timer to the next waiting slot.
pub struct Releases(pub Weak<AppState>);

impl Handler for Releases {
    fn kind(&self) -> &'static str {
        TIMER
    }

    fn fire(&self, timer: &Timer) -> std::result::Result<Fired, String> {
        let Some(state) = self.0.upgrade() else { return Err("the appliance is stopping".into()) };
        let Ok(id) = timer.key.parse::<CampaignId>() else { return Ok(Fired::done()) };
        // A campaign sent, cancelled or deleted meanwhile has nothing to release; a paused one
        // keeps its timer, and its feeder reads the release when it is resumed.
        let live = state.sending.campaigns.get(&id).map_err(|e| e.to_string())?.is_some_and(|c| {
            matches!(c.state, crate::sending::CampaignState::Sending | crate::sending::CampaignState::Paused)
        });
        if !live {
            return Ok(Fired::done());
        }
        let until = timer.due.timestamp();
        // Written directly, not with the timer's move: the sender must see it when told below.
        // Firing again after a crash writes the same time.
        let Some(released) = state.sendtime.release(&id, until).map_err(|e| e.to_string())? else {
            return Ok(Fired::done());
        };
        state.sending.release(&id, released);
        let next = state.sending.outbox.next_waiting(&id, released).map_err(|e| e.to_string())?;
        Ok(match next.and_then(|at| DateTime::from_timestamp(at, 0)) {
            Some(at) => Fired::again(at),
            None => Fired::done(),
        })
    }
}
