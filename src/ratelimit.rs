//! Per-client rate limits (GCRA via `governor`), keyed by the truncated client address so that a
//! limit applies to a network, not a single address an attacker can rotate within.
//!
//! Each network seen keeps an entry until it is pruned: every [`PRUNE_EVERY`] checks, the
//! entries of networks whose allowance has fully come back are dropped, so a limiter holds
//! the networks of about the last minute, not every network that ever sent a request.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Checks between two prunings; a pruning walks every entry, so this spreads its cost thin.
const PRUNE_EVERY: u32 = 4096;

pub struct Limiter {
    inner: DefaultKeyedRateLimiter<IpAddr>,
    checks: AtomicU32,
}

impl Limiter {
    pub fn per_minute(n: u32) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(n.max(1)).expect("non-zero"));
        Self { inner: RateLimiter::keyed(quota), checks: AtomicU32::new(0) }
    }

    /// True when the client may go ahead.
    pub fn check(&self, key: Option<IpAddr>) -> bool {
        if self.checks.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            self.inner.retain_recent();
            self.inner.shrink_to_fit();
        }
        match key {
            Some(ip) => self.inner.check_key(&crate::domain::TruncatedIp::new(ip).addr()).is_ok(),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_whose_allowance_came_back_are_forgotten() {
        // One request a millisecond: a network's allowance is back a millisecond after its hit.
        let limiter = Limiter::per_minute(60_000);
        for i in 0..10_000u32 {
            let [_, _, a, b] = i.to_be_bytes();
            assert!(limiter.check(Some(IpAddr::from([10, a, b, 1]))));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        for _ in 0..PRUNE_EVERY {
            limiter.check(None);
        }
        // Without pruning, all 10,000 would still be held.
        assert!(limiter.inner.len() <= 1, "{} networks kept", limiter.inner.len());
    }
}
