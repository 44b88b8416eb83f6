//! Signed links in mail: unsubscribe (RFC 8058 one-click), the preference centre and "view in
//! browser". The token in the URL is the only authority the public pages need: no cookie, no
//! login, so it is signed (HMAC-SHA256 under a key derived from the master key for links only)
//! and a forged, altered, truncated or other-kind token is refused.
//!
//! A token is URL-safe base64 (no padding) of:
//!
//! ```text
//! [version << 4 | kind] [contact id: 16] [issued at: u32 seconds, big-endian]
//! [campaign: 0 | 1 uuid:16 | 2 len:1 bytes:len] [tag: first 16 bytes of the HMAC of all before]
//! ```
//!
//! 38 bytes (51 characters) without a campaign, 54 (72 characters) with a UUID: it is in every
//! mail, twice (body and `List-Unsubscribe`). Tokens do not expire: an unsubscribe link in a
//! mail from a year ago must still work (RFC 8058 asks that the URI keep working), and a
//! preference link is only as powerful as the mailbox it was sent to. The issue time is kept so
//! that a later policy can refuse old preference tokens without changing the format.

use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use subtle::ConstantTimeEq;
use uuid::Uuid;

use crate::config::Config;
use crate::domain::ContactId;
use crate::store::Keyring;

const VERSION: u8 = 1;
const TAG_LEN: usize = 16;
const MAC_DOMAIN: &str = "tidings/link";
/// A campaign reference longer than this is cut (at a character boundary): it is a note in the
/// contact's history, not a key.
pub const MAX_CAMPAIGN: usize = 64;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// What a link does; part of the signed bytes, so a token for one page opens no other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Unsubscribe = 1,
    Preferences = 2,
    ViewInBrowser = 3,
}

impl LinkKind {
    fn from_byte(b: u8) -> Option<Self> {
        match b {
            1 => Some(Self::Unsubscribe),
            2 => Some(Self::Preferences),
            3 => Some(Self::ViewInBrowser),
            _ => None,
        }
    }

    /// The public path the link opens: `/u/`, `/p/`, `/m/`.
    pub fn path(&self) -> &'static str {
        match self {
            Self::Unsubscribe => "/u/",
            Self::Preferences => "/p/",
            Self::ViewInBrowser => "/m/",
        }
    }
}

/// What a verified token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    pub contact: ContactId,
    pub campaign: Option<String>,
    pub issued_at: DateTime<Utc>,
}

/// Deliberately uninformative to the visitor (every case is the same 404 page); the variants
/// are for logs and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the link token is malformed")]
    Malformed,
    #[error("the link token's signature does not match")]
    Forged,
    #[error("the link token is for another kind of link")]
    WrongKind,
}

/// Signs a token. `campaign` is an opaque reference chosen by the caller (a campaign id);
/// a UUID in its usual hyphenated lower-case form is stored in 16 bytes.
pub fn sign(
    keyring: &Keyring,
    kind: LinkKind,
    contact: &ContactId,
    campaign: Option<&str>,
    issued_at: DateTime<Utc>,
) -> String {
    let mut buf = Vec::with_capacity(96);
    buf.push(VERSION << 4 | kind as u8);
    buf.extend_from_slice(contact.as_bytes());
    let secs = u32::try_from(issued_at.timestamp().max(0)).unwrap_or(u32::MAX);
    buf.extend_from_slice(&secs.to_be_bytes());
    match campaign {
        None => buf.push(0),
        Some(c) => match Uuid::parse_str(c).ok().filter(|u| u.hyphenated().to_string() == c) {
            Some(u) => {
                buf.push(1);
                buf.extend_from_slice(u.as_bytes());
            }
            None => {
                let c = cut(c, MAX_CAMPAIGN);
                buf.push(2);
                buf.push(c.len() as u8);
                buf.extend_from_slice(c.as_bytes());
            }
        },
    }
    let tag = keyring.link_mac(MAC_DOMAIN, &[&buf]);
    buf.extend_from_slice(&tag[..TAG_LEN]);
    B64.encode(buf)
}

fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Checks a token's signature (in constant time) and kind, and reads its claims.
pub fn verify(keyring: &Keyring, kind: LinkKind, token: &str) -> Result<Claims, LinkError> {
    // The longest valid token is 1 + 16 + 4 + 2 + 64 + 16 bytes: 138 characters.
    if token.len() > 160 {
        return Err(LinkError::Malformed);
    }
    let raw = B64.decode(token.as_bytes()).map_err(|_| LinkError::Malformed)?;
    if raw.len() < 1 + 16 + 4 + 1 + TAG_LEN {
        return Err(LinkError::Malformed);
    }
    let (body, tag) = raw.split_at(raw.len() - TAG_LEN);
    let want = keyring.link_mac(MAC_DOMAIN, &[body]);
    if !bool::from(want[..TAG_LEN].ct_eq(tag)) {
        return Err(LinkError::Forged);
    }
    // Signed by us: from here on the layout is ours, but read it defensively all the same.
    if body[0] >> 4 != VERSION {
        return Err(LinkError::Malformed);
    }
    if LinkKind::from_byte(body[0] & 0x0f) != Some(kind) {
        return Err(LinkError::WrongKind);
    }
    let contact = ContactId::from_slice(&body[1..17]).ok_or(LinkError::Malformed)?;
    let secs = u32::from_be_bytes(body[17..21].try_into().map_err(|_| LinkError::Malformed)?);
    let issued_at = Utc.timestamp_opt(i64::from(secs), 0).single().ok_or(LinkError::Malformed)?;
    let campaign = match (body[21], &body[22..]) {
        (0, []) => None,
        (1, rest) if rest.len() == 16 => {
            Some(Uuid::from_slice(rest).map_err(|_| LinkError::Malformed)?.hyphenated().to_string())
        }
        (2, [len, rest @ ..]) if rest.len() == usize::from(*len) => {
            Some(String::from_utf8(rest.to_vec()).map_err(|_| LinkError::Malformed)?)
        }
        _ => return Err(LinkError::Malformed),
    };
    Ok(Claims { contact, campaign, issued_at })
}

/// `{public_url}{path}{token}`.
pub fn url(config: &Config, kind: LinkKind, token: &str) -> String {
    format!("{}{}{token}", config.public_url(), kind.path())
}

/// The system links of one message to one contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageLinks {
    pub unsubscribe_url: String,
    pub preferences_url: String,
    pub view_in_browser_url: String,
    pub privacy_url: String,
}

impl MessageLinks {
    /// The merge fields a template renders (`{{ unsubscribe_url }}` …).
    pub fn system_links(&self) -> crate::mail::SystemLinks<'_> {
        crate::mail::SystemLinks {
            unsubscribe_url: &self.unsubscribe_url,
            preferences_url: &self.preferences_url,
            view_in_browser_url: &self.view_in_browser_url,
            privacy_url: &self.privacy_url,
            organisation: "",
            postal_address: "",
            legal_footer: "",
            language: None,
        }
    }
}

/// Signs the links for one message: the sender calls this once per (campaign, contact).
/// `view_in_browser_url` points at `/m/{token}`, which the sender serves; `privacy_url` is the
/// privacy portal (`/privacy`), where the person asks for a sign-in link for their address.
pub fn message_links(config: &Config, keyring: &Keyring, contact: &ContactId, campaign: Option<&str>) -> MessageLinks {
    let now = Utc::now();
    let link = |kind| url(config, kind, &sign(keyring, kind, contact, campaign, now));
    let preferences_url = link(LinkKind::Preferences);
    MessageLinks {
        unsubscribe_url: link(LinkKind::Unsubscribe),
        privacy_url: format!("{}/privacy", config.public_url()),
        preferences_url,
        view_in_browser_url: link(LinkKind::ViewInBrowser),
    }
}

/// The RFC 8058 headers for a marketing message: `List-Unsubscribe: <https://…/u/{token}>`
/// and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. Both must be covered by the DKIM
/// signature (RFC 8058 section 4).
pub fn list_unsubscribe_headers(links: &MessageLinks) -> [(&'static str, String); 2] {
    [
        ("List-Unsubscribe", format!("<{}>", links.unsubscribe_url)),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SecretKey;

    fn ring() -> Keyring {
        Keyring::new(SecretKey::random())
    }

    #[test]
    fn round_trip_with_and_without_campaign() {
        let k = ring();
        let id = ContactId::new();
        let at = Utc.timestamp_opt(1_800_000_000, 0).unwrap();
        let uuid = Uuid::now_v7().hyphenated().to_string();
        for campaign in [None, Some(uuid.as_str()), Some("spring-sale"), Some("")] {
            let t = sign(&k, LinkKind::Unsubscribe, &id, campaign, at);
            assert!(t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{t}");
            let c = verify(&k, LinkKind::Unsubscribe, &t).unwrap();
            assert_eq!(c, Claims { contact: id, campaign: campaign.map(str::to_string), issued_at: at });
        }
        assert_eq!(sign(&k, LinkKind::Unsubscribe, &id, None, at).len(), 51);
        assert_eq!(sign(&k, LinkKind::Unsubscribe, &id, Some(&uuid), at).len(), 72);
    }

    #[test]
    fn altered_forged_truncated_and_other_kind_tokens_are_refused() {
        let k = ring();
        let id = ContactId::new();
        let t = sign(&k, LinkKind::Unsubscribe, &id, Some("c1"), Utc::now());
        assert_eq!(verify(&k, LinkKind::Preferences, &t), Err(LinkError::WrongKind));
        assert_eq!(verify(&ring(), LinkKind::Unsubscribe, &t), Err(LinkError::Forged));
        let mut raw = B64.decode(&t).unwrap();
        for i in 0..raw.len() {
            raw[i] ^= 1;
            assert!(verify(&k, LinkKind::Unsubscribe, &B64.encode(&raw)).is_err(), "byte {i} flipped");
            raw[i] ^= 1;
        }
        // The kind byte rewritten to another kind fails the signature, not just the kind check.
        raw[0] = VERSION << 4 | LinkKind::Preferences as u8;
        assert_eq!(verify(&k, LinkKind::Preferences, &B64.encode(&raw)), Err(LinkError::Forged));
        for n in [0, 1, 10, t.len() - 1] {
            assert!(verify(&k, LinkKind::Unsubscribe, &t[..n]).is_err(), "truncated to {n}");
        }
        assert!(verify(&k, LinkKind::Unsubscribe, "not base64!").is_err());
        assert!(verify(&k, LinkKind::Unsubscribe, &"A".repeat(500)).is_err());
    }

    #[test]
    fn long_campaign_references_are_cut_at_a_character_boundary() {
        let k = ring();
        let long = "é".repeat(100);
        let t = sign(&k, LinkKind::Preferences, &ContactId::new(), Some(&long), Utc::now());
        let c = verify(&k, LinkKind::Preferences, &t).unwrap().campaign.unwrap();
        assert_eq!(c, "é".repeat(MAX_CAMPAIGN / 2));
    }

    #[test]
    fn message_links_and_headers() {
        let k = ring();
        let config = Config {
            http: crate::config::HttpConfig { public_url: "https://news.example.com/".into(), ..Default::default() },
            ..Default::default()
        };
        let id = ContactId::new();
        let links = message_links(&config, &k, &id, None);
        let token = links.unsubscribe_url.strip_prefix("https://news.example.com/u/").unwrap();
        assert_eq!(verify(&k, LinkKind::Unsubscribe, token).unwrap().contact, id);
        let pref = links.preferences_url.strip_prefix("https://news.example.com/p/").unwrap();
        assert_eq!(verify(&k, LinkKind::Preferences, pref).unwrap().contact, id);
        assert!(links.privacy_url.ends_with("/privacy"), "{}", links.privacy_url);
        let view = links.view_in_browser_url.strip_prefix("https://news.example.com/m/").unwrap();
        assert_eq!(verify(&k, LinkKind::ViewInBrowser, view).unwrap().contact, id);
        let [(n1, v1), (n2, v2)] = list_unsubscribe_headers(&links);
        assert_eq!((n1, v1), ("List-Unsubscribe", format!("<{}>", links.unsubscribe_url)));
        assert_eq!((n2, v2.as_str()), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assert_eq!(links.system_links().unsubscribe_url, links.unsubscribe_url);
    }
}
