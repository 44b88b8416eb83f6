//! argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane), hashed off the async executor with one
//! cap on concurrent hashes for every caller so a burst of logins cannot exhaust memory. Verifying against an
//! unknown user still costs a full hash (no timing oracle for user names).

use std::sync::{Arc, Condvar, Mutex, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::Rng;

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

/// At most N hashes at once, for every caller: the login path, the admin operations and the CLI
/// all hash on blocking threads and wait here for a permit.
struct Permits {
    free: Mutex<usize>,
    freed: Condvar,
}

struct Permit<'a>(&'a Permits);

impl Permits {
    fn acquire(&self) -> Permit<'_> {
        let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|p| p.into_inner());
        }
        *free -= 1;
        Permit(self)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.0.freed.notify_one();
    }
}

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Permits>,
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
        Self { permits: Arc::new(Permits { free: Mutex::new(max_concurrent.max(1)), freed: Condvar::new() }), dummy }
    }

    /// Hashes within the cap; call from a blocking thread.
    pub fn hash(&self, password: &str) -> Result<String, AuthError> {
        let _permit = self.permits.acquire();
        hash_blocking(password)
    }

    /// Checks within the cap; call from a blocking thread.
    pub fn check(&self, password: &str, phc: &str) -> bool {
        let _permit = self.permits.acquire();
        verify_blocking(password, phc)
    }

    /// `phc = None` (unknown or disabled user) still spends one hash and returns false.
    pub async fn verify(&self, password: String, phc: Option<String>) -> bool {
        let known = phc.is_some();
        let this = self.clone();
        let ok = tokio::task::spawn_blocking(move || {
            let phc = phc.unwrap_or_else(|| this.dummy.wait().clone());
            this.check(&password, &phc)
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
    fn no_more_hashes_at_once_than_the_cap() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let permits = Arc::new(Permits { free: Mutex::new(2), freed: Condvar::new() });
        let (now, peak) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let threads: Vec<_> = (0..6)
            .map(|_| {
                let (permits, now, peak) = (permits.clone(), now.clone(), peak.clone());
                std::thread::spawn(move || {
                    let _p = permits.acquire();
                    let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(n, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    now.fetch_sub(1, Ordering::SeqCst);
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(peak.load(Ordering::SeqCst), 2);
        assert_eq!(*permits.free.lock().unwrap(), 2, "every permit came back");
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
