//! Per-client rate limits (GCRA via `governor`), keyed by the truncated client address so that a
//! limit applies to a network, not a single address an attacker can rotate within.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

pub struct Limiter {
    inner: DefaultKeyedRateLimiter<IpAddr>,
}

impl Limiter {
    pub fn per_minute(n: u32) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(n.max(1)).expect("non-zero"));
        Self { inner: RateLimiter::keyed(quota) }
    }

    /// True when the client may go ahead.
    pub fn check(&self, key: Option<IpAddr>) -> bool {
        match key {
            Some(ip) => self.inner.check_key(&crate::domain::TruncatedIp::new(ip).addr()).is_ok(),
            None => true,
        }
    }
}
