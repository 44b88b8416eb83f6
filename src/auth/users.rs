//! Admin users. Each user is a person with their own data key: the record (login name, display
//! name, credentials) is sealed; the login name is found through a keyed hash.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sled::Transactional;

use super::AuthError;
use crate::domain::{PersonId, Role};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result as StoreResult, SealedTree, Store, StoreError};

pub const TREE: &str = "users";
pub const LOOKUP_TREE: &str = "user_lookup";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "admin accounts: login name, display name, role, credentials",
    holds: Holds::Personal {
        categories: &["login name", "display name", "role", "password hash", "second-factor secret", "login times"],
        layout: Layout::Sealed,
        export: Some(export_person),
    },
};

pub const LOOKUP_REGISTRATION: Registration = Registration {
    tree: LOOKUP_TREE,
    purpose: "find an admin account by login name (keyed hash, no plaintext)",
    holds: Holds::Personal { categories: &["keyed hash of login name"], layout: Layout::Index, export: None },
};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TotpState {
    pub secret: Vec<u8>,
    pub enabled_at: DateTime<Utc>,
    /// The last 30-second step a code was accepted for: a code works once.
    pub last_step: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct User {
    pub id: PersonId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub password_hash: String,
    pub password_changed_at: DateTime<Utc>,
    pub must_change_password: bool,
    pub disabled: bool,
    pub failed_logins: u32,
    pub locked_until: Option<DateTime<Utc>>,
    pub totp: Option<TotpState>,
    /// Secret shown during enrolment, until a first code confirms it.
    pub pending_totp: Option<Vec<u8>>,
    /// Keyed hashes of the unused recovery codes.
    pub recovery_codes: Vec<[u8; 32]>,
    pub created_at: DateTime<Utc>,
    pub last_login_at: Option<DateTime<Utc>>,
}

/// What a data-subject export or the API shows of a user: no credentials.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub id: PersonId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The role as people read it ("Data-protection officer").
    pub role_label: &'static str,
    pub disabled: bool,
    pub locked: bool,
    pub locked_until: Option<DateTime<Utc>>,
    pub totp_enabled: bool,
    pub must_change_password: bool,
    pub created_at: DateTime<Utc>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub password_changed_at: DateTime<Utc>,
}

impl User {
    /// The name shown to other staff: the display name, else the login name.
    pub fn shown_name(&self) -> &str {
        if self.display_name.trim().is_empty() {
            &self.username
        } else {
            &self.display_name
        }
    }

    pub fn is_locked(&self, now: DateTime<Utc>) -> bool {
        self.locked_until.is_some_and(|t| t > now)
    }

    pub fn view(&self) -> UserView {
        UserView {
            id: self.id,
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            role_label: self.role.label(),
            disabled: self.disabled,
            locked: self.is_locked(Utc::now()),
            locked_until: self.locked_until.filter(|t| *t > Utc::now()),
            totp_enabled: self.totp.is_some(),
            must_change_password: self.must_change_password,
            created_at: self.created_at,
            last_login_at: self.last_login_at,
            password_changed_at: self.password_changed_at,
        }
    }
}

/// Login names: trimmed, lower-cased, 3–254 printable characters without spaces.
pub fn normalise_username(raw: &str) -> Result<String, AuthError> {
    let name = raw.trim().to_lowercase();
    let len = name.chars().count();
    if !(3..=254).contains(&len) {
        return Err(AuthError::Invalid("The user name must be 3 to 254 characters long.".into()));
    }
    if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(AuthError::Invalid("The user name must not contain spaces or control characters.".into()));
    }
    Ok(name)
}

pub fn check_display_name(raw: &str) -> Result<String, AuthError> {
    let name = raw.trim().to_string();
    if name.chars().count() > 120 || name.chars().any(|c| c.is_control()) {
        return Err(AuthError::Invalid(
            "The display name must be at most 120 characters, without control characters.".into(),
        ));
    }
    Ok(name)
}

#[derive(Clone)]
pub struct Users {
    store: Store,
    records: SealedTree<User>,
    lookup: sled::Tree,
}

impl Users {
    pub fn open(store: &Store) -> StoreResult<Self> {
        Ok(Self { records: store.sealed(TREE)?, lookup: store.tree(LOOKUP_TREE)?, store: store.clone() })
    }

    fn lookup_key(&self, username: &str) -> [u8; 32] {
        self.store.keyring().lookup_hash("tidings/username", username.as_bytes())
    }

    /// Creates the user and commits. `password_hash` is an argon2 PHC string.
    pub fn create(
        &self,
        username: &str,
        display_name: &str,
        role: Role,
        password_hash: String,
        must_change_password: bool,
    ) -> Result<User, AuthError> {
        let username = normalise_username(username)?;
        let display_name = check_display_name(display_name)?;
        let now = Utc::now();
        let user = User {
            id: PersonId::new(),
            username: username.clone(),
            display_name,
            role,
            password_hash,
            password_changed_at: now,
            must_change_password,
            disabled: false,
            failed_logins: 0,
            locked_until: None,
            totp: None,
            pending_totp: None,
            recovery_codes: Vec::new(),
            created_at: now,
            last_login_at: None,
        };
        let raw = self.records.encode(&user.id, user.id.as_bytes(), &user)?;
        let lookup_key = self.lookup_key(&username);
        let _gate = self.store.write_gate();
        let created = (self.records.raw(), &self.lookup)
            .transaction(|(records, lookup)| {
                if lookup.get(lookup_key)?.is_some() {
                    return Ok(false);
                }
                lookup.insert(&lookup_key, user.id.as_bytes())?;
                records.insert(user.id.as_bytes(), raw.as_slice())?;
                Ok(true)
            })
            .map_err(|e: sled::transaction::TransactionError<()>| match e {
                sled::transaction::TransactionError::Storage(s) => StoreError::Sled(s),
                sled::transaction::TransactionError::Abort(()) => StoreError::Flush("aborted".into()),
            })?;
        drop(_gate);
        if !created {
            return Err(AuthError::Exists);
        }
        self.store.commit()?;
        Ok(user)
    }

    pub fn get(&self, id: &PersonId) -> StoreResult<Option<User>> {
        Ok(self.records.get(id.as_bytes())?.map(|(_, u)| u))
    }

    pub fn find_by_username(&self, raw: &str) -> StoreResult<Option<User>> {
        let Ok(name) = normalise_username(raw) else { return Ok(None) };
        match self.lookup.get(self.lookup_key(&name))? {
            Some(id) => match PersonId::from_slice(&id) {
                Some(id) => self.get(&id),
                None => Ok(None),
            },
            None => Ok(None),
        }
    }

    /// Writes the record back. The caller decides whether to commit (most do).
    pub fn save(&self, user: &User) -> StoreResult<()> {
        self.records.put(&user.id, user.id.as_bytes(), user)
    }

    pub fn save_and_commit(&self, user: &User) -> StoreResult<()> {
        self.save(user)?;
        self.store.commit()
    }

    /// All users, oldest first (ids are time-ordered).
    pub fn list(&self) -> StoreResult<Vec<User>> {
        self.records.iter().map(|r| r.map(|(_, _, u)| u)).collect()
    }

    pub fn count(&self) -> usize {
        self.records.len()
    }

    pub fn count_role(&self, role: Role) -> StoreResult<usize> {
        Ok(self.list()?.iter().filter(|u| u.role == role && !u.disabled).count())
    }
}

fn export_person(store: &Store, person: &PersonId) -> StoreResult<Vec<serde_json::Value>> {
    let users = Users::open(store)?;
    Ok(users.get(person)?.map(|u| serde_json::to_value(u.view()).unwrap_or_default()).into_iter().collect())
}
