//! TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock skew) and recovery
//! codes. A code is accepted once: the step it matched is remembered and older-or-equal steps are
//! refused. The enrolment QR code is drawn here as SVG; nothing leaves the server.

use qrcode::render::svg;
use qrcode::QrCode;
use rand::RngCore;
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, TOTP};

pub const STEP: u64 = 30;
pub const ISSUER: &str = "Tidings";

pub fn new_secret() -> Vec<u8> {
    let mut s = vec![0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut s);
    s
}

fn totp(secret: &[u8], account: &str) -> TOTP {
    TOTP::new_unchecked(Algorithm::SHA1, 6, 1, STEP, secret.to_vec(), Some(ISSUER.to_string()), account.to_string())
}

/// The `otpauth://` URL an authenticator app scans.
pub fn provisioning_url(secret: &[u8], account: &str) -> String {
    totp(secret, account).get_url()
}

/// Base32 form for typing the secret in by hand.
pub fn secret_base32(secret: &[u8]) -> String {
    totp(secret, "x").get_secret_base32()
}

pub fn qr_svg(data: &str) -> String {
    match QrCode::new(data.as_bytes()) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
        Err(_) => String::new(),
    }
}

/// The code for a time (tests and the browser test compute codes with this).
pub fn code_at(secret: &[u8], unix_time: u64) -> String {
    totp(secret, "x").generate(unix_time)
}

/// Checks `code` against the steps around `now`; returns the step it matched if that step is
/// newer than `last_step`.
pub fn verify(secret: &[u8], code: &str, now: u64, last_step: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret, "x");
    let current = now / STEP;
    let mut matched = None;
    for step in [current.saturating_sub(1), current, current + 1] {
        let expected = t.generate(step * STEP);
        if bool::from(expected.as_bytes().ct_eq(code.as_bytes())) {
            matched = Some(step);
        }
    }
    matched.filter(|s| *s > last_step)
}

/// Ten recovery codes like `k7m2-x9pq-4trw`.
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    (0..10)
        .map(|_| {
            let mut bytes = [0u8; 12];
            rng.fill_bytes(&mut bytes);
            let chars: Vec<char> = bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect();
            format!(
                "{}-{}-{}",
                chars[..4].iter().collect::<String>(),
                chars[4..8].iter().collect::<String>(),
                chars[8..].iter().collect::<String>()
            )
        })
        .collect()
}

pub fn normalise_recovery_code(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_works_once_and_only_near_now() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now);
        let step = verify(&secret, &code, now, 0).expect("fresh code accepted");
        assert_eq!(verify(&secret, &code, now, step), None, "replay refused");
        assert_eq!(verify(&secret, &code, now + 10 * STEP, 0), None, "stale code refused");
        assert_eq!(verify(&secret, "12345", now, 0), None);
    }

    #[test]
    fn qr_is_svg() {
        let svg = qr_svg(&provisioning_url(&new_secret(), "alice"));
        assert!(svg.contains("<svg"));
    }
}
