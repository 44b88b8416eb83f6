//! Admin accounts: users, passwords (argon2id), sessions, TOTP, recovery codes, API tokens and
//! the login rules (lockout, expiry). HTTP-free: the guards that use this live in `http::guard`.

pub mod login;
pub mod password;
pub mod preferences;
pub mod sessions;
pub mod throttle;
pub mod tokens;
pub mod totp;
pub mod users;

pub use password::PasswordHasher;

/// Where the first admin's one-time password is written (in the data directory) when no
/// terminal shows it; removed when that admin chooses their own password.
pub const FIRST_ADMIN_PASSWORD_FILE: &str = "first-admin-password";
pub use sessions::{Session, Sessions, Stage};
pub use tokens::{ApiToken, Tokens};
pub use users::{User, Users};

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("{0}")]
    Invalid(String),
    #[error("a user with that name already exists")]
    Exists,
    #[error("no such user")]
    NoSuchUser,
    #[error("password hashing failed: {0}")]
    Hash(String),
}
