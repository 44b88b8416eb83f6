//! Pure types and rules: no I/O. Everything that crosses a layer is one of these newtypes.

pub mod abtest;
pub mod change;
pub mod consent;
pub mod contact;
pub mod email;
pub mod event;
pub mod header;
pub mod ids;
pub mod journey;
pub mod mailable;
pub mod net;
pub mod phone;
pub mod query;
pub mod redirect;
pub mod role;
pub mod score;
pub mod segment;
pub mod sendtime;

pub use change::{Change, Recorded};
pub use consent::{ConsentEntry, ConsentState, ConsentStates, LawfulBasis, Purpose, Via, Wording};
pub use contact::{
    Contact, ContactInput, FieldDef, FieldError, FieldKind, FieldValue, MergePolicy, Phone, Source, Status,
};
pub use email::EmailAddress;
pub use event::{Activity, Event, EventKind, OrderItem};
pub use header::{HeaderError, HeaderText};
pub use ids::{
    BreachId, CampaignId, ContactId, EventId, JourneyId, MailId, PersonId, RequestId, RunId, SegmentId, TokenId,
};
pub use net::TruncatedIp;
pub use role::{Permission, Role};
