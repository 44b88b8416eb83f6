//! The GDPR toolkit: the register of data-subject requests, the access archive, erasure,
//! restriction, objection and withdrawal, each one click for the DPO and each in the audit log.

pub mod archive;
pub mod breaches;
pub mod erasure;
pub mod ops;
pub mod portal;
pub mod records;
pub mod reminders;
pub mod requests;
pub mod restriction;
pub mod retention;
pub mod steps;

pub use requests::{Channel, Details, Kind, Request, Requests, State, Urgency, Verification};
pub use restriction::{Restriction, Restrictions};

use crate::store::{Result, Store};

pub struct Gdpr {
    pub requests: Requests,
    pub restrictions: Restrictions,
    pub retention: retention::Retention,
    pub breaches: breaches::Breaches,
}

impl Gdpr {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            requests: Requests::open(store)?,
            restrictions: Restrictions::open(store)?,
            retention: retention::Retention::open(store)?,
            breaches: breaches::Breaches::open(store)?,
        })
    }
}
