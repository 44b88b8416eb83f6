//! The login rules: password step, second-factor step, lockout after N failures with a timed
//! unlock, password expiry. Each outcome is audited by id, never by name.

use chrono::{DateTime, Duration, Utc};

use super::sessions::Stage;
use super::users::User;
use super::{totp, AuthError};
use crate::audit::{Action, Actor, Event};
use crate::domain::{PersonId, TruncatedIp};
use crate::state::{blocking, AppState};

pub enum PasswordOutcome {
    Accepted { user: Box<User>, stage: Stage },
    Rejected,
    Locked { until: DateTime<Utc> },
}

pub enum SecondFactorOutcome {
    Accepted { stage: Stage },
    Rejected,
    Locked { until: DateTime<Utc> },
}

/// What comes after the credentials: a forced password change, or a full session.
pub fn stage_after_credentials(user: &User, max_age_days: u64) -> Stage {
    let expired = max_age_days > 0 && Utc::now() - user.password_changed_at > Duration::days(max_age_days as i64);
    if user.must_change_password || expired {
        Stage::NeedsPasswordChange
    } else {
        Stage::Full
    }
}

pub async fn password_step(
    state: &AppState,
    username: String,
    password: String,
    ip: Option<TruncatedIp>,
) -> Result<PasswordOutcome, AuthError> {
    let users = state.users.clone();
    let found = blocking(move || users.find_by_username(&username)).await?;
    let usable = found.as_ref().filter(|u| !u.disabled);
    let ok = state.hasher.verify(password, usable.map(|u| u.password_hash.clone())).await;
    let Some(mut user) = found else {
        state
            .audit_event(Event::new(Actor::Anonymous, Action::LoginFailed).ip(ip).detail("reason", "unknown user"))
            .await?;
        return Ok(PasswordOutcome::Rejected);
    };
    let now = Utc::now();
    if user.disabled {
        state
            .audit_event(
                Event::new(Actor::Anonymous, Action::LoginFailed)
                    .ip(ip)
                    .target(user.id.reference())
                    .detail("reason", "disabled"),
            )
            .await?;
        return Ok(PasswordOutcome::Rejected);
    }
    if let Some(until) = user.locked_until.filter(|t| *t > now) {
        state
            .audit_event(
                Event::new(Actor::Anonymous, Action::LoginFailed)
                    .ip(ip)
                    .target(user.id.reference())
                    .detail("reason", "locked"),
            )
            .await?;
        return Ok(PasswordOutcome::Locked { until });
    }
    if !ok {
        return register_failure(state, user, ip, Action::LoginFailed).await.map(|locked| match locked {
            Some(until) => PasswordOutcome::Locked { until },
            None => PasswordOutcome::Rejected,
        });
    }
    let stage = if user.totp.is_some() {
        Stage::NeedsSecondFactor
    } else {
        user.failed_logins = 0;
        user.locked_until = None;
        user.last_login_at = Some(now);
        stage_after_credentials(&user, state.config.auth.password_max_age_days)
    };
    let saved = user.clone();
    let users = state.users.clone();
    blocking(move || users.save(&saved)).await?;
    if stage != Stage::NeedsSecondFactor {
        state
            .audit_event(Event::new(Actor::User(user.id), Action::Login).ip(ip).detail("second_factor", "none"))
            .await?;
    }
    Ok(PasswordOutcome::Accepted { user: Box::new(user), stage })
}

/// Counts a failure; locks the account when the limit is reached. Returns the lock's end.
async fn register_failure(
    state: &AppState,
    mut user: User,
    ip: Option<TruncatedIp>,
    action: Action,
) -> Result<Option<DateTime<Utc>>, AuthError> {
    user.failed_logins += 1;
    let mut locked = None;
    if user.failed_logins >= state.config.auth.max_failed_logins {
        let until = Utc::now() + Duration::minutes(state.config.auth.lockout_minutes as i64);
        user.locked_until = Some(until);
        user.failed_logins = 0;
        locked = Some(until);
    }
    let id = user.id;
    let users = state.users.clone();
    blocking(move || users.save(&user)).await?;
    state.audit_event(Event::new(Actor::Anonymous, action).ip(ip).target(id.reference())).await?;
    if let Some(until) = locked {
        state
            .audit_event(
                Event::new(Actor::System, Action::Lockout)
                    .ip(ip)
                    .target(id.reference())
                    .detail("until", until.to_rfc3339()),
            )
            .await?;
    }
    Ok(locked)
}

/// Accepts a TOTP code or an unused recovery code.
pub async fn second_factor_step(
    state: &AppState,
    user_id: PersonId,
    code: String,
    ip: Option<TruncatedIp>,
) -> Result<SecondFactorOutcome, AuthError> {
    let users = state.users.clone();
    let Some(mut user) = blocking(move || users.get(&user_id)).await? else {
        return Ok(SecondFactorOutcome::Rejected);
    };
    let now = Utc::now();
    if user.disabled {
        return Ok(SecondFactorOutcome::Rejected);
    }
    if let Some(until) = user.locked_until.filter(|t| *t > now) {
        return Ok(SecondFactorOutcome::Locked { until });
    }
    let Some(mut state_totp) = user.totp.clone() else { return Ok(SecondFactorOutcome::Rejected) };
    let mut via_recovery = false;
    let accepted = match totp::verify(&state_totp.secret, &code, now.timestamp() as u64, state_totp.last_step) {
        Some(step) => {
            state_totp.last_step = step;
            user.totp = Some(state_totp);
            true
        }
        None => {
            let hash = state
                .store
                .keyring()
                .lookup_hash("tidings/recovery-code", totp::normalise_recovery_code(&code).as_bytes());
            let before = user.recovery_codes.len();
            user.recovery_codes.retain(|c| c != &hash);
            via_recovery = user.recovery_codes.len() < before;
            via_recovery
        }
    };
    if !accepted {
        let locked = register_failure(state, user, ip, Action::LoginSecondFactorFailed).await?;
        return Ok(match locked {
            Some(until) => SecondFactorOutcome::Locked { until },
            None => SecondFactorOutcome::Rejected,
        });
    }
    user.failed_logins = 0;
    user.locked_until = None;
    user.last_login_at = Some(now);
    let stage = stage_after_credentials(&user, state.config.auth.password_max_age_days);
    let remaining = user.recovery_codes.len();
    let users = state.users.clone();
    blocking(move || users.save(&user)).await?;
    if via_recovery {
        state
            .audit_event(
                Event::new(Actor::User(user_id), Action::RecoveryCodeUsed).ip(ip).detail("remaining", remaining),
            )
            .await?;
    }
    state
        .audit_event(
            Event::new(Actor::User(user_id), Action::Login)
                .ip(ip)
                .detail("second_factor", if via_recovery { "recovery code" } else { "totp" }),
        )
        .await?;
    Ok(SecondFactorOutcome::Accepted { stage })
}
