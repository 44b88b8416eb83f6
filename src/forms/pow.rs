//! A self-hosted proof-of-work challenge (hashcash style) instead of a third-party CAPTCHA.
//!
//! The server hands out `form.expires.random.difficulty.mac` (HMAC over the rest, so nobody can
//! make their own easy challenge); the browser (`web/static/pow.js`) finds a nonce such that
//! SHA-256(`challenge:nonce`) starts with `difficulty` zero bits; the server checks the MAC, the
//! expiry and the hash, and remembers the challenge until it expires so it is good for one
//! submission only. The memory of spent challenges lives in the process: a restart forgets it,
//! which at worst lets a challenge solved before the restart be used once more.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::FormId;
use crate::store::Keyring;

const MAC_DOMAIN: &str = "tidings/form-pow";
/// How long a challenge may be worked on and used.
pub const VALID_SECS: i64 = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PowError {
    Missing,
    Invalid,
    Expired,
    WrongAnswer,
    Reused,
}

impl PowError {
    pub fn message(&self) -> &'static str {
        match self {
            PowError::Missing => {
                "This form checks that it is sent by a browser, which needs JavaScript. Turn JavaScript on and try again."
            }
            PowError::Expired => "The form was open too long. Go back, reload the page and send it again.",
            PowError::Invalid | PowError::WrongAnswer | PowError::Reused => {
                "The browser check did not pass. Go back, reload the page and send it again."
            }
        }
    }
}

fn mac(keyring: &Keyring, body: &str) -> String {
    hex::encode(&keyring.lookup_hash(MAC_DOMAIN, body.as_bytes())[..16])
}

/// A new challenge for `form`.
pub fn issue(keyring: &Keyring, form: &FormId, difficulty: u8, now: DateTime<Utc>) -> String {
    let mut random = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut random);
    let body = format!("{}.{}.{}.{}", form, now.timestamp() + VALID_SECS, hex::encode(random), difficulty);
    let tag = mac(keyring, &body);
    format!("{body}.{tag}")
}

/// Leading zero bits of SHA-256(`challenge:nonce`).
pub fn zero_bits(challenge: &str, nonce: &str) -> u32 {
    let digest = Sha256::digest(format!("{challenge}:{nonce}").as_bytes());
    let mut bits = 0;
    for b in digest {
        if b == 0 {
            bits += 8;
        } else {
            bits += b.leading_zeros();
            break;
        }
    }
    bits
}

/// Checks an answer for `form` without spending it; returns the challenge's random part and expiry.
pub fn check(
    keyring: &Keyring,
    form: &FormId,
    challenge: &str,
    nonce: &str,
    now: DateTime<Utc>,
) -> Result<(String, i64), PowError> {
    if challenge.is_empty() || nonce.is_empty() {
        return Err(PowError::Missing);
    }
    if challenge.len() > 200 || nonce.len() > 20 || !nonce.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PowError::Invalid);
    }
    let (body, tag) = challenge.rsplit_once('.').ok_or(PowError::Invalid)?;
    if !bool::from(mac(keyring, body).as_bytes().ct_eq(tag.as_bytes())) {
        return Err(PowError::Invalid);
    }
    let parts: Vec<&str> = body.split('.').collect();
    let [f, expires, random, difficulty] = parts[..] else { return Err(PowError::Invalid) };
    if f != form.to_string() {
        return Err(PowError::Invalid);
    }
    let expires: i64 = expires.parse().map_err(|_| PowError::Invalid)?;
    let difficulty: u32 = difficulty.parse().map_err(|_| PowError::Invalid)?;
    if now.timestamp() > expires {
        return Err(PowError::Expired);
    }
    if zero_bits(challenge, nonce) < difficulty {
        return Err(PowError::WrongAnswer);
    }
    Ok((random.to_string(), expires))
}

/// Challenges already used, until they expire.
#[derive(Default)]
pub struct Spent {
    used: Mutex<HashMap<String, i64>>,
}

impl Spent {
    /// Checks the answer and spends the challenge: a second use is refused.
    pub fn verify(
        &self,
        keyring: &Keyring,
        form: &FormId,
        challenge: &str,
        nonce: &str,
        now: DateTime<Utc>,
    ) -> Result<(), PowError> {
        let (random, expires) = check(keyring, form, challenge, nonce, now)?;
        let mut used = self.used.lock().unwrap_or_else(|p| p.into_inner());
        if used.len() > 10_000 {
            let t = now.timestamp();
            used.retain(|_, exp| *exp >= t);
        }
        if used.insert(random, expires).is_some() {
            return Err(PowError::Reused);
        }
        Ok(())
    }
}

/// Finds a nonce (what pow.js does in the browser); for tests and tools.
pub fn solve(challenge: &str) -> String {
    let difficulty: u32 = challenge.rsplit('.').nth(1).and_then(|d| d.parse().ok()).unwrap_or(u32::MAX);
    (0u64..).map(|n| n.to_string()).find(|n| zero_bits(challenge, n) >= difficulty).expect("a nonce exists")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SecretKey;

    #[test]
    fn a_solved_challenge_passes_once_and_only_before_it_expires() {
        let ring = Keyring::new(SecretKey::random());
        let form = FormId::new();
        let now = Utc::now();
        let c = issue(&ring, &form, 8, now);
        let nonce = solve(&c);
        assert!(zero_bits(&c, &nonce) >= 8);
        let spent = Spent::default();
        assert_eq!(spent.verify(&ring, &form, &c, &nonce, now), Ok(()));
        assert_eq!(spent.verify(&ring, &form, &c, &nonce, now), Err(PowError::Reused));

        let c = issue(&ring, &form, 8, now);
        let nonce = solve(&c);
        let wrong = (0u64..).map(|n| n.to_string()).find(|n| zero_bits(&c, n) < 8).unwrap();
        assert_eq!(spent.verify(&ring, &form, &c, &wrong, now), Err(PowError::WrongAnswer));
        let later = now + chrono::Duration::seconds(VALID_SECS + 1);
        assert_eq!(spent.verify(&ring, &form, &c, &nonce, later), Err(PowError::Expired));
        assert_eq!(spent.verify(&ring, &FormId::new(), &c, &nonce, now), Err(PowError::Invalid), "other form");
        // An easier difficulty written into the challenge breaks its MAC.
        let easier = c.replacen(".8.", ".1.", 1);
        assert_eq!(spent.verify(&ring, &form, &easier, &nonce, now), Err(PowError::Invalid));
        assert_eq!(spent.verify(&ring, &form, "", "", now), Err(PowError::Missing));
        assert_eq!(spent.verify(&ring, &form, &c, &nonce, now), Ok(()));
    }
}
