//! Administrative operations shared by the admin pages, the REST API and the CLI (directly or
//! through the control socket): each checks its rules, writes, commits and audits. They block
//! (sled, argon2): call them from the blocking pool.

use chrono::{DateTime, Utc};

use crate::audit::{Action, Actor, Event};
use crate::auth::{password, totp, ApiToken, User};
use crate::domain::{Permission, PersonId, Role, TokenId, TruncatedIp};
use crate::settings::Settings;
use crate::state::AppState;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum OpError {
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    #[error("{0}")]
    Forbidden(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Internal(String),
}

impl From<crate::search::SearchError> for OpError {
    fn from(e: crate::search::SearchError) -> Self {
        OpError::Internal(format!("the search index: {e}"))
    }
}

impl From<crate::auth::AuthError> for OpError {
    fn from(e: crate::auth::AuthError) -> Self {
        use crate::auth::AuthError as A;
        match e {
            A::Invalid(m) => OpError::Invalid { field: "username", message: m },
            A::Exists => OpError::Conflict("A user with that name already exists.".into()),
            A::NoSuchUser => OpError::NotFound("user"),
            A::Store(s) => OpError::Store(s),
            A::Hash(h) => OpError::Internal(h),
        }
    }
}

impl From<crate::store::backup::BackupError> for OpError {
    fn from(e: crate::store::backup::BackupError) -> Self {
        OpError::Internal(e.to_string())
    }
}

pub type OpResult<T> = Result<T, OpError>;

/// A value refused, naming the field it came in (a form field, a JSON key).
pub fn invalid(field: &'static str, message: impl Into<String>) -> OpError {
    OpError::Invalid { field, message: message.into() }
}

/// Who acts, from where, and with which role (None for the operator's CLI: full power).
#[derive(Clone, Copy)]
pub struct By {
    pub actor: Actor,
    pub ip: Option<TruncatedIp>,
    pub role: Option<Role>,
}

impl By {
    pub fn cli() -> Self {
        By { actor: Actor::Cli, ip: None, role: None }
    }

    /// The server itself: the first start, jobs, timers, the mail system's reports.
    pub fn system() -> Self {
        By { actor: Actor::System, ip: None, role: None }
    }

    fn may(&self, p: Permission) -> bool {
        self.role.is_none_or(|r| r.allows(p))
    }

    /// The role check every operation starts with. A handler's guard has already checked the
    /// role and a token's scopes; this holds for every other way in (the control socket, a
    /// page that calls several operations).
    pub fn require(&self, p: Permission) -> OpResult<()> {
        if self.may(p) {
            Ok(())
        } else {
            Err(OpError::Forbidden("Your role may not do this.".into()))
        }
    }
    pub(crate) fn event(&self, action: Action) -> Event {
        Event::new(self.actor, action).ip(self.ip)
    }
}

fn user(state: &AppState, id: &PersonId) -> OpResult<User> {
    state.users.get(id)?.ok_or(OpError::NotFound("user"))
}

fn guard_owner_change(state: &AppState, by: &By, target: &User, new_role: Option<Role>) -> OpResult<()> {
    let touches_owner = target.role == Role::Owner || new_role == Some(Role::Owner);
    if touches_owner && !by.may(Permission::ManageOwners) {
        return Err(OpError::Forbidden("Only an owner can grant, change or remove the owner role.".into()));
    }
    // Never leave the appliance without an active owner.
    if target.role == Role::Owner
        && !target.disabled
        && new_role.is_some_and(|r| r != Role::Owner)
        && state.users.count_role(Role::Owner)? <= 1
    {
        return Err(OpError::Conflict("This is the last active owner; make someone else owner first.".into()));
    }
    Ok(())
}

pub struct NewUser {
    pub user: User,
    pub one_time_password: String,
}

pub fn create_user(state: &AppState, by: By, username: &str, display_name: &str, role: Role) -> OpResult<NewUser> {
    if role == Role::Owner && !by.may(Permission::ManageOwners) {
        return Err(OpError::Forbidden("Only an owner can create another owner.".into()));
    }
    let otp = password::generate_password();
    let hash = state.hasher.hash(&otp)?;
    let user = state.users.create(username, display_name, role, hash, true)?;
    state.audit.record(by.event(Action::UserCreated).target(user.id.reference()).detail("role", role))?;
    Ok(NewUser { user, one_time_password: otp })
}

pub fn change_role(state: &AppState, by: By, id: &PersonId, role: Role) -> OpResult<User> {
    let mut u = user(state, id)?;
    if u.role == role {
        return Ok(u);
    }
    guard_owner_change(state, &by, &u, Some(role))?;
    let from = u.role;
    u.role = role;
    state.users.save_and_commit(&u)?;
    state
        .audit
        .record(by.event(Action::UserRoleChanged).target(u.id.reference()).detail("from", from).detail("to", role))?;
    Ok(u)
}

pub fn set_disabled(state: &AppState, by: By, id: &PersonId, disabled: bool) -> OpResult<User> {
    let mut u = user(state, id)?;
    if by.actor == Actor::User(*id) && disabled {
        return Err(OpError::Conflict("You cannot disable your own account.".into()));
    }
    if u.disabled == disabled {
        return Ok(u);
    }
    if disabled {
        guard_owner_change(state, &by, &u, None)?;
        if u.role == Role::Owner && state.users.count_role(Role::Owner)? <= 1 {
            return Err(OpError::Conflict("This is the last active owner; it cannot be disabled.".into()));
        }
    }
    u.disabled = disabled;
    state.users.save_and_commit(&u)?;
    if disabled {
        state.sessions.revoke_user(id, None)?;
    }
    let action = if disabled { Action::UserDisabled } else { Action::UserEnabled };
    state.audit.record(by.event(action).target(u.id.reference()))?;
    Ok(u)
}

pub fn unlock(state: &AppState, by: By, id: &PersonId) -> OpResult<User> {
    let mut u = user(state, id)?;
    u.locked_until = None;
    u.failed_logins = 0;
    state.users.save_and_commit(&u)?;
    state.login_throttle.unlock(&u.id);
    state.audit.record(by.event(Action::Unlock).target(u.id.reference()))?;
    Ok(u)
}

/// Sets a new one-time password (to be changed at next login), ends the user's sessions and
/// clears a lockout.
pub fn reset_password(state: &AppState, by: By, id: &PersonId) -> OpResult<(User, String)> {
    let mut u = user(state, id)?;
    guard_owner_change(state, &by, &u, None)?;
    let otp = password::generate_password();
    u.password_hash = state.hasher.hash(&otp)?;
    u.password_changed_at = Utc::now();
    u.must_change_password = true;
    u.locked_until = None;
    u.failed_logins = 0;
    state.users.save_and_commit(&u)?;
    state.login_throttle.unlock(&u.id);
    state.sessions.revoke_user(id, None)?;
    state.audit.record(by.event(Action::PasswordReset).target(u.id.reference()))?;
    Ok((u, otp))
}

/// The user's own password change: checks the current password (unless the session was just
/// forced here by a one-time password, which was checked at login) and ends other sessions.
pub fn change_own_password(
    state: &AppState,
    by: By,
    id: &PersonId,
    current: &str,
    new: &str,
    confirm: &str,
    keep_session: Option<&[u8; 32]>,
) -> OpResult<User> {
    let mut u = user(state, id)?;
    if !state.hasher.check(current, &u.password_hash) {
        return Err(OpError::Invalid { field: "current", message: "The current password is wrong.".into() });
    }
    if new != confirm {
        return Err(OpError::Invalid { field: "confirm", message: "The two new passwords differ.".into() });
    }
    if state.hasher.check(new, &u.password_hash) {
        return Err(OpError::Invalid {
            field: "new",
            message: "Choose a password different from the current one.".into(),
        });
    }
    password::check_policy(new, &u.username, state.config.auth.password_min_length)
        .map_err(|m| OpError::Invalid { field: "new", message: m })?;
    u.password_hash = state.hasher.hash(new)?;
    u.password_changed_at = Utc::now();
    u.must_change_password = false;
    state.users.save_and_commit(&u)?;
    state.sessions.revoke_user(id, keep_session)?;
    // The first admin's one-time password, left in a file for them when no terminal showed it,
    // is of no use once replaced.
    let file = state.config.data_dir.join(crate::auth::FIRST_ADMIN_PASSWORD_FILE);
    if std::fs::read_to_string(&file).is_ok_and(|p| p.trim() == current) {
        let _ = std::fs::remove_file(file);
    }
    state.audit.record(by.event(Action::PasswordChanged).target(u.id.reference()))?;
    Ok(u)
}

/// Starts TOTP enrolment: a pending secret the user must confirm with a code.
pub fn start_totp(state: &AppState, id: &PersonId) -> OpResult<(User, Vec<u8>)> {
    let mut u = user(state, id)?;
    let secret = totp::new_secret();
    u.pending_totp = Some(secret.clone());
    state.users.save_and_commit(&u)?;
    Ok((u, secret))
}

/// Confirms enrolment with a first code; returns the recovery codes (shown once).
pub fn confirm_totp(state: &AppState, by: By, id: &PersonId, code: &str) -> OpResult<Vec<String>> {
    let mut u = user(state, id)?;
    let Some(secret) = u.pending_totp.clone() else {
        return Err(OpError::Conflict("Start the enrolment again: no pending secret.".into()));
    };
    let Some(step) = totp::verify(&secret, code, Utc::now().timestamp() as u64, 0) else {
        return Err(OpError::Invalid {
            field: "code",
            message: "That code is not right. Check the time on your phone and enter the current code.".into(),
        });
    };
    u.totp = Some(crate::auth::users::TotpState { secret, enabled_at: Utc::now(), last_step: step });
    u.pending_totp = None;
    let codes = totp::new_recovery_codes();
    u.recovery_codes = hash_codes(state, &codes);
    state.users.save_and_commit(&u)?;
    state.audit.record(by.event(Action::TotpEnrolled).target(u.id.reference()))?;
    Ok(codes)
}

fn hash_codes(state: &AppState, codes: &[String]) -> Vec<[u8; 32]> {
    codes
        .iter()
        .map(|c| {
            state.store.keyring().lookup_hash("tidings/recovery-code", totp::normalise_recovery_code(c).as_bytes())
        })
        .collect()
}

pub fn regenerate_recovery_codes(state: &AppState, by: By, id: &PersonId, password: &str) -> OpResult<Vec<String>> {
    let mut u = user(state, id)?;
    if !state.hasher.check(password, &u.password_hash) {
        return Err(OpError::Invalid { field: "password", message: "The password is wrong.".into() });
    }
    if u.totp.is_none() {
        return Err(OpError::Conflict("Two-factor authentication is not enabled.".into()));
    }
    let codes = totp::new_recovery_codes();
    u.recovery_codes = hash_codes(state, &codes);
    state.users.save_and_commit(&u)?;
    state.audit.record(by.event(Action::RecoveryCodesRegenerated).target(u.id.reference()))?;
    Ok(codes)
}

/// Turns 2FA off: the user with their password, or an admin for a user who lost their device.
pub fn disable_totp(state: &AppState, by: By, id: &PersonId, password: Option<&str>) -> OpResult<User> {
    let mut u = user(state, id)?;
    if let Some(pw) = password {
        if !state.hasher.check(pw, &u.password_hash) {
            return Err(OpError::Invalid { field: "password", message: "The password is wrong.".into() });
        }
    }
    u.totp = None;
    u.pending_totp = None;
    u.recovery_codes.clear();
    state.users.save_and_commit(&u)?;
    state.audit.record(by.event(Action::TotpDisabled).target(u.id.reference()))?;
    Ok(u)
}

pub fn create_token(
    state: &AppState,
    by: By,
    owner: &User,
    name: &str,
    scopes: Vec<Permission>,
    expires_at: Option<DateTime<Utc>>,
) -> OpResult<(ApiToken, String)> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(OpError::Invalid { field: "name", message: "Give the token a name of 1 to 80 characters.".into() });
    }
    if scopes.is_empty() {
        return Err(OpError::Invalid { field: "scopes", message: "Choose at least one scope.".into() });
    }
    if let Some(p) = scopes.iter().find(|p| !owner.role.allows(**p)) {
        return Err(OpError::Invalid {
            field: "scopes",
            message: format!("Your role does not allow the scope `{}`.", p.as_str()),
        });
    }
    if expires_at.is_some_and(|e| e <= Utc::now()) {
        return Err(OpError::Invalid { field: "expires_at", message: "The expiry must be in the future.".into() });
    }
    let (token, secret) = state.tokens.create(owner.id, name, scopes.clone(), expires_at)?;
    state.audit.record(
        by.event(Action::TokenCreated)
            .target(token.id.reference())
            .detail("owner", owner.id.reference())
            .detail("scopes", scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")),
    )?;
    Ok((token, secret))
}

/// Revokes a token: one's own with `ManageOwnTokens`, anyone's with `ManageAllTokens`.
pub fn revoke_token(state: &AppState, by: By, me: &PersonId, id: &TokenId) -> OpResult<ApiToken> {
    let token = state.tokens.get(id)?.ok_or(OpError::NotFound("token"))?;
    if &token.owner != me && !by.may(Permission::ManageAllTokens) {
        return Err(OpError::NotFound("token"));
    }
    let token = state.tokens.revoke(id)?.ok_or(OpError::NotFound("token"))?;
    state
        .audit
        .record(by.event(Action::TokenRevoked).target(id.reference()).detail("owner", token.owner.reference()))?;
    Ok(token)
}

pub fn update_settings(state: &AppState, by: By, new: Settings) -> OpResult<Settings> {
    let new = new.normalised();
    new.validate().map_err(|(field, message)| OpError::Invalid { field, message })?;
    let old = state.settings.get()?;
    let changed = new.changed_fields(&old);
    if changed.is_empty() {
        return Ok(old);
    }
    state.settings.save(&new)?;
    state.audit.record(by.event(Action::SettingsChanged).detail("fields", changed.join(" ")))?;
    Ok(new)
}

/// Sets the legal footers of the languages in `given` (an empty text removes that
/// language's); with `replace`, the languages not given are removed too (the settings form
/// sends every language). Every text is checked before anything is written, and the error names
/// the field (`legal_footer.de`); then nothing changes.
pub fn set_legal_footers(
    state: &AppState,
    by: By,
    given: &std::collections::BTreeMap<String, String>,
    replace: bool,
) -> OpResult<crate::settings::LegalFooters> {
    use crate::settings::LegalFooters;
    let mut checked = std::collections::BTreeMap::new();
    for (code, text) in given {
        let text =
            LegalFooters::check(code.trim(), text).map_err(|(field, message)| OpError::Invalid { field, message })?;
        checked.insert(code.trim().to_string(), text);
    }
    let mut changed = Vec::new();
    let after = state.settings.change_legal_footers(|footers| {
        let before = footers.clone();
        if replace {
            footers.0.retain(|code, _| checked.contains_key(code));
        }
        for (code, text) in &checked {
            if text.is_empty() {
                footers.0.remove(code);
            } else {
                footers.0.insert(code.clone(), text.clone());
            }
        }
        let codes: std::collections::BTreeSet<&String> = before.0.keys().chain(footers.0.keys()).collect();
        changed = codes.into_iter().filter(|c| before.0.get(*c) != footers.0.get(*c)).cloned().collect();
    })?;
    if !changed.is_empty() {
        state.audit.record(
            by.event(Action::SettingsChanged).detail("fields", "legal_footer").detail("languages", changed.join(" ")),
        )?;
    }
    Ok(after)
}

/// Writes a backup (to `out`, or a timestamped file in the backup directory), encrypted with
/// `key_file` or else the configured key file if any, and audits it. The scheduler, the API and
/// the CLI all come through here.
pub fn take_backup(
    state: &AppState,
    by: By,
    out: Option<&std::path::Path>,
    key_file: Option<&std::path::Path>,
) -> OpResult<crate::store::backup::BackupReport> {
    use crate::store::backup;
    let key_path = key_file.unwrap_or(&state.config.backup.key_file);
    let key = if key_path.as_os_str().is_empty() { None } else { Some(backup::read_key_file(key_path)?) };
    let report = match out {
        Some(path) => backup::create(&state.store, path, key.as_ref())?,
        None => backup::create_in_dir(&state.store, &state.config.backup_dir(), key.as_ref())?,
    };
    state.audit.record(
        by.event(Action::BackupCreated)
            .detail("file", report.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
            .detail("entries", report.entries)
            .detail("bytes", report.bytes)
            .detail("encrypted", report.encrypted)
            .detail("writers_paused_ms", report.paused_ms),
    )?;
    Ok(report)
}

/// Creates the first owner when there is no user at all; returns its one-time password.
pub fn bootstrap_owner(state: &AppState) -> OpResult<Option<NewUser>> {
    if state.users.count() > 0 {
        return Ok(None);
    }
    let created = create_user(state, By::system(), "admin", "Administrator", Role::Owner)?;
    Ok(Some(created))
}
