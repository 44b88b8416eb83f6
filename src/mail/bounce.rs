//! Interim bounce module (replaced by the one from the `bounce` branch).

use crate::domain::{ContactId, Status};
use crate::ops::OpResult;
use crate::state::AppState;
use crate::store::Keyring;

pub struct BounceEvent {
    pub code: Option<u16>,
    pub campaign: Option<String>,
}

impl BounceEvent {
    pub fn smtp(f: &crate::mail::Failure, campaign: Option<String>) -> Self {
        Self { code: f.code, campaign }
    }
}

pub fn verp_token(keyring: &Keyring, contact: &ContactId) -> String {
    let tag = hex::encode(&keyring.lookup_hash("verp", contact.as_bytes())[..6]);
    format!("{}.{tag}", contact.to_string().replace('-', ""))
}

pub fn record(state: &AppState, contact: &ContactId, event: BounceEvent) -> OpResult<()> {
    let why = format!("SMTP {} at delivery", event.code.unwrap_or(0));
    crate::contacts::ops::set_status(state, crate::audit::Actor::System, contact, Status::Bounced, &why).map(|_| ())
}
