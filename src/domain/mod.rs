//! Pure types and rules: no I/O. Everything that crosses a layer is one of these newtypes.

pub mod ids;
pub mod net;
pub mod role;

pub use ids::{PersonId, TokenId};
pub use net::TruncatedIp;
pub use role::{Permission, Role};
