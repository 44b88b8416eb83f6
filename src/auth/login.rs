//! The login rules: password step, second-factor step, lockout of the failing network (see
//! [`super::throttle`]), password expiry. Each outcome is audited by id, never by name.

use chrono::{DateTime, Duration, Utc};

use super::sessions::Stage;
use super::throttle::Step;
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
    let username_for_throttle = username.trim().to_lowercase();
    let found = blocking(move || users.find_by_username(&username)).await?;
    let usable = found.as_ref().filter(|u| !u.disabled);
    // An account under attack slows attempts from unfamiliar networks down before any verdict.
    if let Some(u) = usable {
        slow_down(state, &u.id, ip).await;
    }
    // A name that is no account is throttled and locked like one, so that neither the delay nor
    // a lock tells a stranger which names exist.
    let stand_in = || {
        let h = state.store.keyring().lookup_hash("tidings/login-stand-in", username_for_throttle.as_bytes());
        PersonId::from_slice(&h[..16]).expect("16 bytes")
    };
    if found.is_none() {
        slow_down(state, &stand_in(), ip).await;
    }
    let ok = state.hasher.verify(password, usable.map(|u| u.password_hash.clone())).await;
    let Some(mut user) = found else {
        let id = stand_in();
        let now = Utc::now();
        let locked = match state.login_throttle.gate(&id, ip, now).locked_until {
            Some(until) => Some(until),
            None => state.login_throttle.failed(&id, ip, Step::Password, now),
        };
        state
            .audit_event(Event::new(Actor::Anonymous, Action::LoginFailed).ip(ip).detail("reason", "unknown user"))
            .await?;
        return Ok(match locked {
            Some(until) => PasswordOutcome::Locked { until },
            None => PasswordOutcome::Rejected,
        });
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
    let gate = state.login_throttle.gate(&user.id, ip, now);
    // A locked network gets no further password guesses counted, and a right password alone
    // does not get through it: a right password and a valid second factor do.
    if let Some(until) = gate.locked_until.filter(|_| !ok || user.totp.is_none()) {
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
        return register_failure(state, user, ip, Step::Password, Action::LoginFailed).await.map(
            |locked| match locked {
                Some(until) => PasswordOutcome::Locked { until },
                None => PasswordOutcome::Rejected,
            },
        );
    }
    let stage = if user.totp.is_some() {
        Stage::NeedsSecondFactor
    } else {
        signed_in(state, &mut user, ip, now);
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

async fn slow_down(state: &AppState, user: &PersonId, ip: Option<TruncatedIp>) {
    let delay = state.login_throttle.gate(user, ip, Utc::now()).delay;
    if !delay.is_zero() {
        state.metrics.login("slowed");
        tokio::time::sleep(delay).await;
    }
}

/// The credentials are complete: this network becomes familiar, the count since the last
/// sign-in starts again.
fn signed_in(state: &AppState, user: &mut User, ip: Option<TruncatedIp>, now: DateTime<Utc>) {
    state.login_throttle.succeeded(&user.id, ip);
    user.failed_logins = 0;
    user.last_login_at = Some(now);
}

/// Counts a failure against this account and network; locks the network out of the account
/// when its budget is spent, and tells the account's owner. Returns the lock's end.
async fn register_failure(
    state: &AppState,
    mut user: User,
    ip: Option<TruncatedIp>,
    step: Step,
    action: Action,
) -> Result<Option<DateTime<Utc>>, AuthError> {
    let now = Utc::now();
    let locked = state.login_throttle.failed(&user.id, ip, step, now);
    // Kept on the record for the users page: failures since the last sign-in, and until when
    // some network is locked out.
    user.failed_logins = user.failed_logins.saturating_add(1);
    if let Some(until) = locked {
        user.locked_until = Some(user.locked_until.map_or(until, |t| t.max(until)));
    }
    let id = user.id;
    let (users, saved) = (state.users.clone(), user.clone());
    blocking(move || users.save(&saved)).await?;
    state.audit_event(Event::new(Actor::Anonymous, action).ip(ip).target(id.reference())).await?;
    if let Some(until) = locked {
        state
            .audit_event(
                Event::new(Actor::System, Action::Lockout)
                    .ip(ip)
                    .target(id.reference())
                    .detail("until", until.to_rfc3339())
                    .detail("scope", "this network"),
            )
            .await?;
        tell_owner(state, &user, ip, until);
    }
    Ok(locked)
}

/// Mails the account's owner when a network is locked out of it, if the login name is an
/// address. Sent straight through the relay (not the contact outbox: an admin is not a
/// contact); a failure is logged, and the next sign-in shows the same facts anyway.
fn tell_owner(state: &AppState, user: &User, ip: Option<TruncatedIp>, until: DateTime<Utc>) {
    let Ok(to) = crate::domain::EmailAddress::parse(&user.username) else { return };
    let from = ip.map(|i| i.to_string()).unwrap_or_else(|| "an unknown network".into());
    let text = format!(
        "Hello {name},\n\nthere were {n} failed attempts to sign in to your Tidings account \"{login}\" at {host}, the \
         last from the network {from}. Sign-ins with a password from that network are locked until {until} UTC; \
         other networks are not locked, and you can sign in from any network with your password and your second \
         factor.\n\nIf this was not you, nothing else is needed, but consider enabling two-factor \
         authentication. If it was you, wait until the lock ends or ask an administrator to unlock your account.\n",
        name = if user.display_name.is_empty() { &user.username } else { &user.display_name },
        n = state.config.auth.max_failed_logins,
        login = user.username,
        host = state.config.hostname,
        until = until.format("%Y-%m-%d %H:%M"),
    );
    let config = state.config.clone();
    let from = crate::senders::current(state, "");
    tokio::spawn(async move {
        let subject = "Failed sign-in attempts on your Tidings account";
        if let Err(e) = crate::mail::check::send_notice(&config, &from, to.as_str(), subject, &text).await {
            let error = crate::domain::email::mask_addresses_in(&e.to_string());
            tracing::warn!(error, "could not mail the lockout notice");
        }
    });
}

/// Failed attempts on an account between its previous sign-in and the one just made, read
/// from the audit log, by network: shown once after signing in.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct FailureSummary {
    pub count: usize,
    /// (network, attempts), most attempts first.
    pub networks: Vec<(String, usize)>,
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
}

pub fn failures_since_previous_sign_in(state: &AppState, user: &PersonId) -> Result<FailureSummary, AuthError> {
    use std::collections::BTreeMap;
    let filter = crate::audit::Filter {
        action: Some("auth.".into()),
        since: Some(Utc::now() - Duration::days(90)),
        ..Default::default()
    };
    let me = user.reference();
    let mut logins = 0;
    let mut by_net: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = FailureSummary::default();
    // Newest first: the sign-in just made, then failures, until the sign-in before it.
    for e in state.audit.query(&filter, 10_000)? {
        if e.action == Action::Login.as_str() && e.actor == Actor::User(*user) {
            logins += 1;
            if logins == 2 {
                break;
            }
            continue;
        }
        let failed = e.action == Action::LoginFailed.as_str() || e.action == Action::LoginSecondFactorFailed.as_str();
        if failed && e.target.as_deref() == Some(me.as_str()) {
            out.count += 1;
            *by_net.entry(e.ip.map(|i| i.to_string()).unwrap_or_else(|| "unknown".into())).or_default() += 1;
            out.last = out.last.or(Some(e.at));
            out.first = Some(e.at);
        }
    }
    out.networks = by_net.into_iter().collect();
    out.networks.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
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
    if user.disabled {
        return Ok(SecondFactorOutcome::Rejected);
    }
    slow_down(state, &user_id, ip).await;
    let now = Utc::now();
    if let Some(until) = state.login_throttle.gate(&user_id, ip, now).codes_locked_until {
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
        let locked = register_failure(state, user, ip, Step::SecondFactor, Action::LoginSecondFactorFailed).await?;
        return Ok(match locked {
            Some(until) => SecondFactorOutcome::Locked { until },
            None => SecondFactorOutcome::Rejected,
        });
    }
    signed_in(state, &mut user, ip, now);
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
