//! Time-ordered identifiers (UUIDv7): sorted keys iterate in creation order.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
            pub fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }
            pub fn from_slice(b: &[u8]) -> Option<Self> {
                Uuid::from_slice(b).ok().map(Self)
            }
            pub fn uuid(&self) -> Uuid {
                self.0
            }
            /// Short form for audit lines: `user:0192…`.
            pub fn reference(&self) -> String {
                format!(concat!($prefix, ":{}"), self.0)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// Anyone whose personal data Tidings holds: an admin user now, a contact later. Each
    /// person has their own data key.
    PersonId,
    "person"
);
id_type!(
    /// An API token's public identifier (the secret is never stored).
    TokenId,
    "token"
);
id_type!(
    /// A contact. The same 16 bytes are the contact's [`PersonId`]: their data key, sealing and
    /// erasure go through the person.
    ContactId,
    "contact"
);

id_type!(
    /// A campaign (time-ordered, so lists show the newest first).
    CampaignId,
    "campaign"
);
id_type!(
    /// One transactional message in the outbox.
    MailId,
    "message"
);

id_type!(
    /// A data-subject request (access, erasure, ...) in the register.
    RequestId,
    "request"
);

id_type!(
    /// A personal-data breach recorded for Art. 33 and 34.
    BreachId,
    "breach"
);

id_type!(
    /// A segment: a named filter whose members are kept as contacts change.
    SegmentId,
    "segment"
);

id_type!(
    /// A journey: an event-driven workflow contacts run through.
    JourneyId,
    "journey"
);

id_type!(
    /// One contact's run through a journey.
    RunId,
    "run"
);

id_type!(
    /// One tracked event (time-ordered: the event log iterates in the order things happened).
    EventId,
    "event"
);

impl EventId {
    /// A time-ordered id for something that happened at `at` (which may be in the past: an
    /// order sent later through the API sorts, and expires, by when it happened).
    pub fn at(at: chrono::DateTime<chrono::Utc>) -> Self {
        let secs = u64::try_from(at.timestamp()).unwrap_or(0);
        let ts = uuid::Timestamp::from_unix(uuid::NoContext, secs, at.timestamp_subsec_nanos());
        Self(Uuid::new_v7(ts))
    }
}

impl ContactId {
    pub fn person(&self) -> PersonId {
        PersonId(self.0)
    }
}

impl From<PersonId> for ContactId {
    fn from(p: PersonId) -> Self {
        ContactId(p.0)
    }
}
