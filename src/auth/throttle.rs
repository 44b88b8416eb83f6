//! Brute-force protection that a stranger cannot turn against the admins.
//!
//! Failures are counted per account (as OWASP asks), but what they cost is aimed at where they
//! come from:
//! - **Per account and client network** (the truncated address: /24 for IPv4, /48 for IPv6):
//!   after `auth.max_failed_logins` failures, that network is locked out of that account for
//!   `auth.lockout_minutes`. Other networks are not: a stranger who knows the name `admin` can
//!   lock out only the networks they send from.
//! - **Per account, everywhere else**: once the account has had that many failures within the
//!   lockout period, every further attempt from a network the account has not signed in from
//!   waits first, twice as long each time (0.25 s, 0.5 s, … up to [`MAX_DELAY`]). It is slowed,
//!   never refused, so the owner still gets in; networks where the account signed in since the
//!   server started are not slowed.
//! - **A second factor gets through**: a right password from a locked network still leads to
//!   the second-factor step, and a valid code signs in. Codes have a budget of their own per
//!   network, so knowing the password does not buy unlimited guesses at the code.
//!
//! The state is kept in memory: a restart forgets it (which gives an attacker nothing they
//! could not get by waiting a lockout period), and every failure is in the audit log, which is
//! where the notice at the next sign-in is read from.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};

use crate::domain::{PersonId, TruncatedIp};

/// The longest an attempt from an unfamiliar network is made to wait.
pub const MAX_DELAY: StdDuration = StdDuration::from_secs(10);
const FIRST_DELAY_MS: u64 = 250;
/// Networks remembered per account, failed or familiar (the oldest goes first).
const MAX_NETWORKS: usize = 64;
const MAX_FAMILIAR: usize = 16;
const MAX_RECENT: usize = 1024;
/// Accounts (and stand-ins for names that are no account) tracked at once; the one idle longest
/// is forgotten first, so a spray of made-up names cannot grow memory without bound.
const MAX_ACCOUNTS: usize = 10_000;

/// What one attempt has to go through before it is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    /// Wait this long before answering (account-wide slowdown).
    pub delay: StdDuration,
    /// This network may not sign in with a password alone until then.
    pub locked_until: Option<DateTime<Utc>>,
    /// This network has used up its second-factor guesses until then.
    pub codes_locked_until: Option<DateTime<Utc>>,
}

#[derive(Default)]
struct Network {
    failures: u32,
    code_failures: u32,
    locked_until: Option<DateTime<Utc>>,
    codes_locked_until: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
}

#[derive(Default)]
struct Account {
    networks: HashMap<Option<TruncatedIp>, Network>,
    familiar: VecDeque<Option<TruncatedIp>>,
    /// Times of recent failures from anywhere, for the account-wide slowdown.
    recent: VecDeque<DateTime<Utc>>,
}

pub struct LoginThrottle {
    max_failures: u32,
    lockout: Duration,
    accounts: Mutex<HashMap<PersonId, Account>>,
}

/// Which budget a failure is taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Password,
    SecondFactor,
}

impl LoginThrottle {
    pub fn new(max_failures: u32, lockout_minutes: u64) -> Self {
        Self {
            max_failures: max_failures.max(1),
            lockout: Duration::minutes(lockout_minutes as i64),
            accounts: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PersonId, Account>> {
        self.accounts.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn gate(&self, user: &PersonId, net: Option<TruncatedIp>, now: DateTime<Utc>) -> Gate {
        let mut all = self.lock();
        let Some(acc) = all.get_mut(user) else {
            return Gate { delay: StdDuration::ZERO, locked_until: None, codes_locked_until: None };
        };
        let window = now - self.lockout;
        while acc.recent.front().is_some_and(|t| *t < window) {
            acc.recent.pop_front();
        }
        let over = (acc.recent.len() as u32).saturating_sub(self.max_failures - 1);
        let delay = if over == 0 || acc.familiar.contains(&net) {
            StdDuration::ZERO
        } else {
            let ms = FIRST_DELAY_MS.saturating_mul(1u64 << (over - 1).min(16));
            StdDuration::from_millis(ms).min(MAX_DELAY)
        };
        let n = acc.networks.get(&net);
        Gate {
            delay,
            locked_until: n.and_then(|n| n.locked_until).filter(|t| *t > now),
            codes_locked_until: n.and_then(|n| n.codes_locked_until).filter(|t| *t > now),
        }
    }

    /// Counts a failure; returns the end of the lock when this failure locks the network out.
    pub fn failed(
        &self,
        user: &PersonId,
        net: Option<TruncatedIp>,
        step: Step,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let mut all = self.lock();
        if !all.contains_key(user) && all.len() >= MAX_ACCOUNTS {
            let idle = all.iter().min_by_key(|(_, a)| a.recent.back().copied()).map(|(k, _)| *k);
            if let Some(k) = idle {
                all.remove(&k);
            }
        }
        let acc = all.entry(*user).or_default();
        acc.recent.push_back(now);
        if acc.recent.len() > MAX_RECENT {
            acc.recent.pop_front();
        }
        if !acc.networks.contains_key(&net) && acc.networks.len() >= MAX_NETWORKS {
            if let Some(oldest) = acc.networks.iter().min_by_key(|(_, n)| n.last).map(|(k, _)| *k) {
                acc.networks.remove(&oldest);
            }
        }
        let n = acc.networks.entry(net).or_default();
        n.last = Some(now);
        // A lock that has run out starts a fresh count.
        if n.locked_until.is_some_and(|t| t <= now) {
            n.locked_until = None;
            n.failures = 0;
        }
        if n.codes_locked_until.is_some_and(|t| t <= now) {
            n.codes_locked_until = None;
            n.code_failures = 0;
        }
        let (count, lock) = match step {
            Step::Password => (&mut n.failures, &mut n.locked_until),
            Step::SecondFactor => (&mut n.code_failures, &mut n.codes_locked_until),
        };
        *count += 1;
        if *count >= self.max_failures && lock.is_none() {
            let until = now + self.lockout;
            *lock = Some(until);
            return Some(until);
        }
        None
    }

    /// A full sign-in: this network is familiar from now on and its counts are cleared. Locks
    /// on other networks stay (they are someone else's failures).
    pub fn succeeded(&self, user: &PersonId, net: Option<TruncatedIp>) {
        let mut all = self.lock();
        let acc = all.entry(*user).or_default();
        acc.networks.remove(&net);
        acc.familiar.retain(|f| *f != net);
        acc.familiar.push_back(net);
        if acc.familiar.len() > MAX_FAMILIAR {
            acc.familiar.pop_front();
        }
    }

    /// An administrator's unlock: every count and lock of the account goes.
    pub fn unlock(&self, user: &PersonId) {
        if let Some(acc) = self.lock().get_mut(user) {
            acc.networks.clear();
            acc.recent.clear();
        }
    }

    /// Networks locked out of this account now, for the users page.
    pub fn locked_networks(&self, user: &PersonId, now: DateTime<Utc>) -> usize {
        self.lock()
            .get(user)
            .map(|a| a.networks.values().filter(|n| n.locked_until.is_some_and(|t| t > now)).count())
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> Option<TruncatedIp> {
        Some(TruncatedIp::new(s.parse().unwrap()))
    }

    #[test]
    fn a_lock_holds_only_the_network_that_failed() {
        let t = LoginThrottle::new(5, 15);
        let user = PersonId::new();
        let now = Utc::now();
        for i in 1..=4 {
            assert_eq!(t.failed(&user, net("203.0.113.9"), Step::Password, now), None, "failure {i}");
        }
        let until = t.failed(&user, net("203.0.113.77"), Step::Password, now).expect("fifth failure locks");
        assert_eq!(until, now + Duration::minutes(15));
        assert_eq!(t.gate(&user, net("203.0.113.1"), now).locked_until, Some(until));
        // Another network is not locked, only slowed.
        let elsewhere = t.gate(&user, net("198.51.100.7"), now);
        assert_eq!(elsewhere.locked_until, None);
        assert_eq!(elsewhere.delay, StdDuration::from_millis(250));
        // After the lock period the network may try again.
        assert_eq!(t.gate(&user, net("203.0.113.1"), until + Duration::seconds(1)).locked_until, None);
    }

    #[test]
    fn delays_double_up_to_the_cap_and_spare_familiar_networks() {
        let t = LoginThrottle::new(3, 15);
        let user = PersonId::new();
        let now = Utc::now();
        t.succeeded(&user, net("192.0.2.10"));
        let mut seen = Vec::new();
        for i in 0..12 {
            t.failed(&user, net(&format!("10.{i}.0.1")), Step::Password, now);
            seen.push(t.gate(&user, net("198.51.100.7"), now).delay.as_millis());
        }
        assert_eq!(&seen[..7], &[0, 0, 250, 500, 1000, 2000, 4000]);
        assert_eq!(*seen.last().unwrap(), MAX_DELAY.as_millis());
        assert_eq!(t.gate(&user, net("192.0.2.99"), now).delay, StdDuration::ZERO, "familiar network");
        // Failures older than the lockout period no longer slow anyone down.
        assert_eq!(t.gate(&user, net("198.51.100.7"), now + Duration::minutes(16)).delay, StdDuration::ZERO);
    }

    #[test]
    fn second_factor_guesses_have_their_own_budget() {
        let t = LoginThrottle::new(2, 15);
        let user = PersonId::new();
        let now = Utc::now();
        t.failed(&user, net("203.0.113.9"), Step::SecondFactor, now);
        assert!(t.failed(&user, net("203.0.113.9"), Step::SecondFactor, now).is_some());
        let g = t.gate(&user, net("203.0.113.9"), now);
        assert!(g.codes_locked_until.is_some());
        assert_eq!(g.locked_until, None, "the password step is not locked by wrong codes");
        t.unlock(&user);
        assert_eq!(t.gate(&user, net("203.0.113.9"), now).codes_locked_until, None);
    }
}
