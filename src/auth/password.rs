//! argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane), hashed off the async executor with a
//! cap on concurrent hashes so a burst of logins cannot exhaust memory. Verifying against an
//! unknown user still costs a full hash (no timing oracle for user names).

use std::sync::{Arc, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::Rng;
use tokio::sync::Semaphore;

use super::AuthError;

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("static argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_blocking(password: &str) -> Result<String, AuthError> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AuthError::Hash(e.to_string()))
}

pub fn verify_blocking(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => argon2().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    /// A real hash of a random password: verifying against it costs what a real check costs.
    /// Computed on a background thread so that it does not delay start-up.
    dummy: Arc<OnceLock<String>>,
}

impl PasswordHasher {
    pub fn new(max_concurrent: usize) -> Self {
        let dummy = Arc::new(OnceLock::new());
        let fill = dummy.clone();
        std::thread::spawn(move || {
            let _ = fill.set(hash_blocking(&generate_password()).expect("hashing a random password"));
        });
        Self { permits: Arc::new(Semaphore::new(max_concurrent)), dummy }
    }

    pub async fn hash(&self, password: String) -> Result<String, AuthError> {
        let _permit = self.permits.acquire().await.map_err(|e| AuthError::Hash(e.to_string()))?;
        tokio::task::spawn_blocking(move || hash_blocking(&password))
            .await
            .map_err(|e| AuthError::Hash(e.to_string()))?
    }

    /// `phc = None` (unknown or disabled user) still spends one hash and returns false.
    pub async fn verify(&self, password: String, phc: Option<String>) -> bool {
        let Ok(_permit) = self.permits.acquire().await else { return false };
        let known = phc.is_some();
        let dummy = self.dummy.clone();
        let ok = tokio::task::spawn_blocking(move || {
            let phc = phc.unwrap_or_else(|| dummy.wait().clone());
            verify_blocking(&password, &phc)
        })
        .await
        .unwrap_or(false);
        ok && known
    }
}

/// A one-time password for new or reset accounts: 20 characters from an alphabet without
/// look-alikes (~114 bits).
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..20).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect()
}

/// The password rules, with a message a person can act on.
pub fn check_policy(password: &str, username: &str, min_len: usize) -> Result<(), String> {
    let chars = password.chars().count();
    if chars < min_len {
        return Err(format!("The password must be at least {min_len} characters long."));
    }
    if chars > 256 {
        return Err("The password must be at most 256 characters long.".into());
    }
    let lower = password.to_lowercase();
    if !username.is_empty() && lower.contains(&username.to_lowercase()) {
        return Err("The password must not contain the user name.".into());
    }
    let first = password.chars().next().unwrap_or_default();
    if password.chars().all(|c| c == first) {
        return Err("The password must not be one character repeated.".into());
    }
    const COMMON: &[&str] = &["password", "123456", "qwerty", "letmein", "welcome", "tidings", "admin"];
    if COMMON.iter().any(|c| lower.starts_with(c) && lower.trim_start_matches(c).chars().all(|c| c.is_ascii_digit())) {
        return Err("That password is too common.".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_verify_and_params() {
        let h = hash_blocking("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_blocking("correct horse battery", &h));
        assert!(!verify_blocking("wrong", &h));
    }

    #[test]
    fn policy() {
        assert!(check_policy("short", "bob", 12).is_err());
        assert!(check_policy("bobbobbobbobbob1", "bob", 12).is_err());
        assert!(check_policy("aaaaaaaaaaaaaaa", "x", 12).is_err());
        assert!(check_policy("password123456", "x", 12).is_err());
        assert!(check_policy("a sensible passphrase", "bob", 12).is_ok());
    }
}
