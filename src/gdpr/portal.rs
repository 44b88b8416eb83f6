//! The privacy portal's sign-in: a person types their address, gets a link by mail that works
//! once, for 30 minutes, and then holds a portal session (a signed cookie, also ending 30
//! minutes after the link was made) for their own data only.
//!
//! - Link token: URL-safe base64 of `contact (16) ‖ nonce (16) ‖ issued at (u32) ‖ tag (16)`,
//!   the tag an HMAC under a key for the portal only. Single use: the nonce is recorded in
//!   `portal_nonces` when the link is opened (a POST: link scanners that follow GETs in mail do
//!   not use it up).
//! - Session cookie: `contact ‖ expires (u32) ‖ tag`, HMAC under another domain.

use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use subtle::ConstantTimeEq;

use crate::domain::ContactId;
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Keyring, Result, Store};

pub const LINK_MINUTES: i64 = 30;
pub const NONCES: &str = "portal_nonces";
pub const COOKIE: &str = "__Host-tidings_portal";

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;
const LINK_DOMAIN: &str = "tidings/portal-link";
const SESSION_DOMAIN: &str = "tidings/portal-session";
const TAG: usize = 16;

pub const REGISTRATION: Registration = Registration {
    tree: NONCES,
    purpose: "privacy-portal links already used (so each works once)",
    holds: Holds::Personal { categories: &["contact id"], layout: Layout::Index, export: None },
};

pub fn sign_link(keyring: &Keyring, contact: &ContactId, issued: DateTime<Utc>) -> String {
    let mut buf = Vec::with_capacity(52);
    buf.extend_from_slice(contact.as_bytes());
    let nonce: [u8; 16] = rand::random();
    buf.extend_from_slice(&nonce);
    buf.extend_from_slice(&(issued.timestamp().max(0) as u32).to_be_bytes());
    let tag = keyring.link_mac(LINK_DOMAIN, &[&buf]);
    buf.extend_from_slice(&tag[..TAG]);
    B64.encode(buf)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub contact: ContactId,
    pub nonce: [u8; 16],
    pub issued: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the link is not one of ours")]
    Invalid,
    #[error("the link has expired")]
    Expired,
    #[error("the link was used already")]
    Used,
}

pub fn verify_link(keyring: &Keyring, token: &str, now: DateTime<Utc>) -> Result<Link, LinkError> {
    if token.len() > 80 {
        return Err(LinkError::Invalid);
    }
    let raw = B64.decode(token.as_bytes()).map_err(|_| LinkError::Invalid)?;
    if raw.len() != 16 + 16 + 4 + TAG {
        return Err(LinkError::Invalid);
    }
    let (body, tag) = raw.split_at(raw.len() - TAG);
    if !bool::from(keyring.link_mac(LINK_DOMAIN, &[body])[..TAG].ct_eq(tag)) {
        return Err(LinkError::Invalid);
    }
    let contact = ContactId::from_slice(&body[..16]).ok_or(LinkError::Invalid)?;
    let nonce: [u8; 16] = body[16..32].try_into().expect("16 bytes");
    let secs = u32::from_be_bytes(body[32..36].try_into().expect("4 bytes"));
    let issued = Utc.timestamp_opt(i64::from(secs), 0).single().ok_or(LinkError::Invalid)?;
    if now - issued > chrono::Duration::minutes(LINK_MINUTES) || issued > now + chrono::Duration::minutes(1) {
        return Err(LinkError::Expired);
    }
    Ok(Link { contact, nonce, issued })
}

/// Uses the link up (committed by the caller); false when it was used before.
pub fn consume(store: &Store, link: &Link) -> Result<bool> {
    let t = store.tree(NONCES)?;
    let _gate = store.write_gate();
    Ok(t.compare_and_swap(link.nonce, None as Option<&[u8]>, Some(link.contact.as_bytes().as_slice()))?.is_ok())
}

/// The session cookie's value for a used link: valid until the link would have expired.
pub fn session_value(keyring: &Keyring, link: &Link) -> String {
    let expires = link.issued + chrono::Duration::minutes(LINK_MINUTES);
    let mut buf = Vec::with_capacity(36);
    buf.extend_from_slice(link.contact.as_bytes());
    buf.extend_from_slice(&(expires.timestamp().max(0) as u32).to_be_bytes());
    let tag = keyring.link_mac(SESSION_DOMAIN, &[&buf]);
    buf.extend_from_slice(&tag[..TAG]);
    B64.encode(buf)
}

/// The contact a session cookie stands for, while it lasts.
pub fn session_contact(keyring: &Keyring, value: &str, now: DateTime<Utc>) -> Option<(ContactId, DateTime<Utc>)> {
    let raw = B64.decode(value.as_bytes()).ok().filter(|r| r.len() == 16 + 4 + TAG)?;
    let (body, tag) = raw.split_at(raw.len() - TAG);
    if !bool::from(keyring.link_mac(SESSION_DOMAIN, &[body])[..TAG].ct_eq(tag)) {
        return None;
    }
    let expires = Utc.timestamp_opt(i64::from(u32::from_be_bytes(body[16..20].try_into().ok()?)), 0).single()?;
    (now < expires).then(|| ContactId::from_slice(&body[..16]).map(|c| (c, expires)))?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SecretKey;

    #[test]
    fn links_expire_and_sessions_are_bound_to_their_contact() {
        let k = Keyring::new(SecretKey::random());
        let c = ContactId::new();
        let now = Utc::now();
        let t = sign_link(&k, &c, now);
        let link = verify_link(&k, &t, now + chrono::Duration::minutes(29)).unwrap();
        assert_eq!(link.contact, c);
        assert_eq!(verify_link(&k, &t, now + chrono::Duration::minutes(31)), Err(LinkError::Expired));
        assert_eq!(verify_link(&Keyring::new(SecretKey::random()), &t, now), Err(LinkError::Invalid));
        let mut raw = B64.decode(&t).unwrap();
        raw[3] ^= 1;
        assert_eq!(verify_link(&k, &B64.encode(raw), now), Err(LinkError::Invalid));
        let s = session_value(&k, &link);
        assert_eq!(session_contact(&k, &s, now).map(|x| x.0), Some(c));
        assert_eq!(session_contact(&k, &s, now + chrono::Duration::minutes(31)), None);
        assert_eq!(session_contact(&k, &t, now), None, "a link is not a session");
    }
}
