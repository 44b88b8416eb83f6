//! Open-pixel and click tokens: the URL is the whole authority, so every byte is signed.
//!
//! A token is URL-safe base64 (no padding) of:
//!
//! ```text
//! [version << 4 | kind] [mailing: 16] [contact: 16, all zero when anonymous]
//! [sent at: u32 seconds, big-endian] [link index: u16, clicks only] [tag: 16]
//! ```
//!
//! The tag is the first 16 bytes of HMAC-SHA256, under a key derived from the master key for
//! tracking only, over everything before it: campaign (the mailing), contact and link. A click
//! token names a link by its index in the mailing's link table (see [`super::links`]), so a
//! redirect can only ever go to an address the message itself held; nothing in the URL is a
//! destination. "Anonymous" tokens carry no contact: the click counts in the totals only.
//! The send time lets a hit be recognised as a scanner's (seconds after delivery).

use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use subtle::ConstantTimeEq;
use uuid::Uuid;

use crate::domain::ContactId;
use crate::store::Keyring;

const VERSION: u8 = 1;
const TAG_LEN: usize = 16;
const MAC_DOMAIN: &str = "tidings/track";
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;
const OPEN_LEN: usize = 1 + 16 + 16 + 4 + TAG_LEN;
const CLICK_LEN: usize = OPEN_LEN + 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Open = 4,
    Click = 5,
}

/// What a verified token says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claims {
    pub kind: HitKind,
    /// The campaign, or a transactional template's mailing id.
    pub mailing: Uuid,
    /// None: the recipient did not allow per-person measurement.
    pub contact: Option<ContactId>,
    pub sent_at: DateTime<Utc>,
    /// Clicks: the index in the mailing's link table.
    pub link: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("the tracking token is malformed")]
    Malformed,
    #[error("the tracking token's signature does not match")]
    Forged,
    #[error("the tracking token is for another kind of hit")]
    WrongKind,
}

pub fn sign(keyring: &Keyring, claims: &Claims) -> String {
    let mut buf = Vec::with_capacity(CLICK_LEN);
    buf.push(VERSION << 4 | claims.kind as u8);
    buf.extend_from_slice(claims.mailing.as_bytes());
    match &claims.contact {
        Some(c) => buf.extend_from_slice(c.as_bytes()),
        None => buf.extend_from_slice(&[0; 16]),
    }
    let secs = u32::try_from(claims.sent_at.timestamp().max(0)).unwrap_or(u32::MAX);
    buf.extend_from_slice(&secs.to_be_bytes());
    if claims.kind == HitKind::Click {
        buf.extend_from_slice(&claims.link.to_be_bytes());
    }
    let tag = keyring.link_mac(MAC_DOMAIN, &[&buf]);
    buf.extend_from_slice(&tag[..TAG_LEN]);
    B64.encode(buf)
}

/// Checks the signature in constant time, then the kind, and reads the claims. Anything that
/// is not exactly a token of ours (wrong length, other alphabet, a trailing character) fails.
pub fn verify(keyring: &Keyring, kind: HitKind, token: &str) -> Result<Claims, TokenError> {
    let want_len = if kind == HitKind::Click { CLICK_LEN } else { OPEN_LEN };
    // Either length, so a token of the other kind is told apart from garbage.
    if token.len() > 4 * CLICK_LEN.div_ceil(3) + 1 {
        return Err(TokenError::Malformed);
    }
    let raw = B64.decode(token.as_bytes()).map_err(|_| TokenError::Malformed)?;
    if raw.len() != OPEN_LEN && raw.len() != CLICK_LEN {
        return Err(TokenError::Malformed);
    }
    let (body, tag) = raw.split_at(raw.len() - TAG_LEN);
    let mac = keyring.link_mac(MAC_DOMAIN, &[body]);
    if !bool::from(mac[..TAG_LEN].ct_eq(tag)) {
        return Err(TokenError::Forged);
    }
    if body[0] >> 4 != VERSION {
        return Err(TokenError::Malformed);
    }
    if body[0] & 0x0f != kind as u8 || raw.len() != want_len {
        return Err(TokenError::WrongKind);
    }
    let mailing = Uuid::from_slice(&body[1..17]).map_err(|_| TokenError::Malformed)?;
    let contact = if body[17..33].iter().all(|b| *b == 0) {
        None
    } else {
        Some(ContactId::from_slice(&body[17..33]).ok_or(TokenError::Malformed)?)
    };
    let secs = u32::from_be_bytes(body[33..37].try_into().expect("4 bytes"));
    let sent_at = Utc.timestamp_opt(i64::from(secs), 0).single().ok_or(TokenError::Malformed)?;
    let link = if kind == HitKind::Click { u16::from_be_bytes([body[37], body[38]]) } else { 0 };
    Ok(Claims { kind, mailing, contact, sent_at, link })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SecretKey;

    fn keyring() -> Keyring {
        Keyring::new(SecretKey::random())
    }

    fn claims(kind: HitKind, contact: Option<ContactId>) -> Claims {
        Claims {
            kind,
            mailing: Uuid::now_v7(),
            contact,
            sent_at: Utc.timestamp_opt(1_800_000_000, 0).unwrap(),
            link: if kind == HitKind::Click { 3 } else { 0 },
        }
    }

    #[test]
    fn round_trip_with_and_without_contact() {
        let k = keyring();
        for kind in [HitKind::Open, HitKind::Click] {
            for contact in [Some(ContactId::new()), None] {
                let c = claims(kind, contact);
                let t = sign(&k, &c);
                assert_eq!(verify(&k, kind, &t), Ok(c));
            }
        }
    }

    #[test]
    fn forged_altered_foreign_and_cross_kind_tokens_fail() {
        let k = keyring();
        let c = claims(HitKind::Click, Some(ContactId::new()));
        let t = sign(&k, &c);
        // Another installation's key.
        assert_eq!(verify(&keyring(), HitKind::Click, &t), Err(TokenError::Forged));
        // Every single-byte change of the decoded token: another link, contact or campaign.
        let raw = B64.decode(&t).unwrap();
        for i in 0..raw.len() {
            let mut r = raw.clone();
            r[i] ^= 0x01;
            assert!(verify(&k, HitKind::Click, &B64.encode(&r)).is_err(), "byte {i} altered");
        }
        // Truncated, extended, padded, other alphabets.
        assert_eq!(verify(&k, HitKind::Click, &t[..t.len() - 1]), Err(TokenError::Malformed));
        assert!(verify(&k, HitKind::Click, &format!("{t}A")).is_err());
        assert!(verify(&k, HitKind::Click, &format!("{t}=")).is_err());
        assert!(verify(&k, HitKind::Click, &t.replace('-', "+").replace('_', "/")).is_err() || !t.contains(['-', '_']));
        assert_eq!(verify(&k, HitKind::Click, ""), Err(TokenError::Malformed));
        // An open token does not open a redirect, and the other way round.
        let open = sign(&k, &claims(HitKind::Open, None));
        assert_eq!(verify(&k, HitKind::Click, &open), Err(TokenError::WrongKind));
        assert_eq!(verify(&k, HitKind::Open, &t), Err(TokenError::WrongKind));
    }
}
