//! Which links of a message are tracked, and how a rendered message is decorated.
//!
//! A mailing (a campaign, or one version of a transactional template) has a link table: the
//! absolute http(s) addresses in its HTML template that contain no merge field. Only those are
//! rewritten into click redirects, and a click token names one by its index, so a redirect can
//! only lead to an address the message held. Links personalised with merge fields are left as
//! they are (not counted): their addresses may carry personal data, which the link table, a
//! store of campaign content, must never hold. System links (unsubscribe, preferences, view in
//! browser) are merge fields too, so they are never redirected through tracking either.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::token::{self, Claims, HitKind};
use crate::domain::ContactId;
use crate::mail::template::RenderedMessage;
use crate::store::Keyring;

/// At most this many distinct links per mailing are tracked (a u16 index; a newsletter has tens).
pub const MAX_LINKS: usize = 1000;

/// What a mailing is, for reports and the stored table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailingKind {
    Campaign,
    /// A transactional template, by name.
    Template(String),
}

/// The stored form: the mailing's kind and its tracked addresses, in index order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkTable {
    pub kind: MailingKind,
    pub links: Vec<String>,
}

/// A link table ready to decorate messages.
#[derive(Debug, Clone)]
pub struct Mailing {
    pub id: Uuid,
    pub table: LinkTable,
    /// href values as they appear in the rendered HTML (entities and all) → index.
    in_html: HashMap<String, u16>,
    /// Addresses as they appear in the plain-text part → index.
    in_text: HashMap<String, u16>,
}

/// The id of a transactional template's mailing: the same template text gives the same id, an
/// edited template a new one (its link table may differ).
pub fn template_mailing_id(name: &str, html_template: &str) -> Uuid {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(b"tidings/template-mailing\0");
    h.update(name.as_bytes());
    h.update(b"\0");
    h.update(html_template.as_bytes());
    let d = h.finalize();
    uuid::Builder::from_custom_bytes(d[..16].try_into().expect("16 bytes")).into_uuid()
}

/// An address that may be tracked: absolute http(s), with a host, no credentials, no control
/// characters or spaces (which a Location header could not carry as they are).
pub fn trackable(url: &str) -> bool {
    if url.len() > 2000 || url.bytes().any(|b| b.is_ascii_control() || b == b' ' || b == b'\\') {
        return false;
    }
    // Spelled plainly: `https:///host` or `https:/host` mean something else to other parsers.
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    if rest.is_none_or(|r| r.is_empty() || r.starts_with('/')) {
        return false;
    }
    match url::Url::parse(url) {
        Ok(u) => {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| !h.is_empty())
                && u.username().is_empty()
                && u.password().is_none()
        }
        Err(_) => false,
    }
}

impl Mailing {
    /// Collects the tracked links of an HTML template (the prepared message template, with
    /// merge fields still in it).
    pub fn from_template(id: Uuid, kind: MailingKind, html_template: &str) -> Self {
        let mut links = Vec::new();
        let mut in_html = HashMap::new();
        for value in hrefs(html_template) {
            if in_html.contains_key(value) || links.len() >= MAX_LINKS {
                continue;
            }
            if value.contains("{{") || value.contains("{%") || value.contains("{#") {
                continue;
            }
            let raw = html_escape::decode_html_entities(value).into_owned();
            if !trackable(&raw) {
                continue;
            }
            let idx = match links.iter().position(|l| l == &raw) {
                Some(i) => i,
                None => {
                    links.push(raw);
                    links.len() - 1
                }
            };
            in_html.insert(value.to_string(), idx as u16);
        }
        Self::from_table(id, LinkTable { kind, links }, in_html)
    }

    fn from_table(id: Uuid, table: LinkTable, in_html: HashMap<String, u16>) -> Self {
        let in_text = table.links.iter().enumerate().map(|(i, l)| (l.clone(), i as u16)).collect();
        Self { id, table, in_html, in_text }
    }

    /// A table read back from the store (for redirects: only `link` is needed).
    pub fn stored(id: Uuid, table: LinkTable) -> Self {
        Self::from_table(id, table, HashMap::new())
    }

    pub fn link(&self, idx: u16) -> Option<&str> {
        self.table.links.get(idx as usize).map(String::as_str)
    }

    /// Rewrites the tracked links of one rendered message into click redirects and, when
    /// `pixel`, adds the open pixel. `contact` None: clicks are counted without saying who.
    pub fn decorate(&self, msg: &mut RenderedMessage, d: &Decoration<'_>) {
        let claims = |kind, link| Claims { kind, mailing: self.id, contact: d.contact, sent_at: d.sent_at, link };
        if d.clicks && !self.table.links.is_empty() {
            let url = |i: u16| format!("{}/c/{}", d.public_url, token::sign(d.keyring, &claims(HitKind::Click, i)));
            msg.html = rewrite_html(&msg.html, &self.in_html, &url);
            msg.text = rewrite_text(&msg.text, &self.in_text, &url);
        }
        if d.pixel {
            let src = format!("{}/o/{}", d.public_url, token::sign(d.keyring, &claims(HitKind::Open, 0)));
            msg.html = add_pixel(&msg.html, &src);
        }
    }
}

/// How one message is decorated.
pub struct Decoration<'a> {
    pub keyring: &'a Keyring,
    /// Scheme and host, no trailing slash.
    pub public_url: &'a str,
    /// Who, when per-person measurement is allowed; None counts clicks in the totals only.
    pub contact: Option<ContactId>,
    pub sent_at: DateTime<Utc>,
    pub clicks: bool,
    pub pixel: bool,
}

/// The values of every `href="…"` (double-quoted, as the CSS inliner writes them) in order.
fn hrefs(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || {
        let start = find_href(rest)?;
        let after = &rest[start..];
        let end = after.find('"')?;
        let value = &after[..end];
        rest = &after[end..];
        Some(value)
    })
}

/// Byte offset just after the next `href="` (any case) that is an attribute (preceded by
/// whitespace), or None.
fn find_href(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(pos) = s[i..].find('=') {
        let eq = i + pos;
        let name_ok = eq >= 5
            && bytes[eq - 4..eq].eq_ignore_ascii_case(b"href")
            && bytes[eq - 5].is_ascii_whitespace()
            && bytes.get(eq + 1) == Some(&b'"');
        if name_ok {
            return Some(eq + 2);
        }
        i = eq + 1;
    }
    None
}

fn rewrite_html(html: &str, table: &HashMap<String, u16>, url: &dyn Fn(u16) -> String) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(start) = find_href(rest) {
        let after = &rest[start..];
        let Some(end) = after.find('"') else { break };
        out.push_str(&rest[..start]);
        let value = &after[..end];
        match table.get(value) {
            // The tracking URL is base64url and a path: nothing in it needs escaping.
            Some(i) => out.push_str(&url(*i)),
            None => out.push_str(value),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Replaces whole addresses in the text part (an address ends at whitespace or a closing
/// bracket, as the HTML-to-text conversion writes them).
fn rewrite_text(text: &str, table: &HashMap<String, u16>, url: &dyn Fn(u16) -> String) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    let mut rest = text;
    loop {
        let next = [rest.find("http://"), rest.find("https://")].into_iter().flatten().min();
        let Some(start) = next else { break };
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | ']' | '"')).unwrap_or(after.len());
        let candidate = &after[..end];
        match table.get(candidate) {
            Some(i) => out.push_str(&url(*i)),
            None => out.push_str(candidate),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// A 1×1 image at the end of the body (before `</body>` when there is one).
fn add_pixel(html: &str, src: &str) -> String {
    let img = format!(
        "<img src=\"{src}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0\">"
    );
    let lower = html.to_ascii_lowercase();
    match lower.rfind("</body>") {
        Some(i) => format!("{}{img}{}", &html[..i], &html[i..]),
        None => format!("{html}{img}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SecretKey;

    const TEMPLATE: &str = r#"<html><body><p>Hi {{ first_name }}</p>
<a href="https://shop.example/sale?a=1&amp;b=2" style="x">Sale</a>
<a href="https://shop.example/?u={{ email }}">Mine</a>
<a href="{{ unsubscribe_url }}">Unsubscribe</a>
<a href="mailto:info@shop.example">Mail</a>
<a href="javascript:alert(1)">x</a>
<a href="/relative">rel</a>
<a data-href="https://not.an.attribute/">y</a>
<a href="https://shop.example/sale?a=1&amp;b=2">Again</a>
<a HREF="https://shop.example/new">New</a></body></html>"#;

    #[test]
    fn only_static_absolute_http_links_are_tracked() {
        let m = Mailing::from_template(Uuid::now_v7(), MailingKind::Campaign, TEMPLATE);
        assert_eq!(m.table.links, vec!["https://shop.example/sale?a=1&b=2", "https://shop.example/new"]);
    }

    #[test]
    fn decorate_rewrites_tracked_links_and_adds_the_pixel() {
        let keyring = Keyring::new(SecretKey::random());
        let m = Mailing::from_template(Uuid::now_v7(), MailingKind::Campaign, TEMPLATE);
        let mut msg = RenderedMessage {
            subject: "s".into(),
            html: TEMPLATE
                .replace("{{ first_name }}", "Ann")
                .replace("{{ email }}", "ann@x.example")
                .replace("{{ unsubscribe_url }}", "https://news.example/u/T"),
            text: "Sale (https://shop.example/sale?a=1&b=2)\nhttps://shop.example/new\nhttps://shop.example/newer"
                .into(),
        };
        let contact = ContactId::new();
        let d = Decoration {
            keyring: &keyring,
            public_url: "https://news.example",
            contact: Some(contact),
            sent_at: Utc::now(),
            clicks: true,
            pixel: true,
        };
        m.decorate(&mut msg, &d);
        assert!(!msg.html.contains("https://shop.example/sale"), "{}", msg.html);
        assert!(!msg.html.contains("https://shop.example/new\""));
        assert_eq!(msg.html.matches("https://news.example/c/").count(), 3);
        assert!(msg.html.contains("https://shop.example/?u=ann@x.example"), "personalised links stay");
        assert!(msg.html.contains("https://news.example/u/T"));
        assert!(msg.html.contains("<img src=\"https://news.example/o/"));
        assert!(msg.html.find("<img").unwrap() < msg.html.find("</body>").unwrap());
        assert_eq!(msg.text.matches("https://news.example/c/").count(), 2, "{}", msg.text);
        assert!(msg.text.contains("https://shop.example/newer"), "a longer address is not cut");
        // Each redirect names its own link.
        let first = msg.html.split("https://news.example/c/").nth(1).unwrap().split('"').next().unwrap();
        let claims = token::verify(&keyring, HitKind::Click, first).unwrap();
        assert_eq!((claims.contact, m.link(claims.link)), (Some(contact), Some("https://shop.example/sale?a=1&b=2")));
    }

    #[test]
    fn nothing_when_neither_clicks_nor_pixel() {
        let keyring = Keyring::new(SecretKey::random());
        let m = Mailing::from_template(Uuid::now_v7(), MailingKind::Campaign, TEMPLATE);
        let mut msg = RenderedMessage { subject: "s".into(), html: TEMPLATE.into(), text: String::new() };
        let d = Decoration {
            keyring: &keyring,
            public_url: "https://n",
            contact: None,
            sent_at: Utc::now(),
            clicks: false,
            pixel: false,
        };
        m.decorate(&mut msg, &d);
        assert_eq!(msg.html, TEMPLATE);
    }

    #[test]
    fn trackable_refuses_what_is_not_a_plain_web_address() {
        for bad in [
            "javascript:alert(1)",
            "//evil.example",
            "/\\evil.example",
            "https://user:pw@x.example/",
            "https://x.example/\r\nSet-Cookie: a",
            "data:text/html,x",
            "ftp://x.example/",
            "https:///nohost",
        ] {
            assert!(!trackable(bad), "{bad}");
        }
        assert!(trackable("https://xn--bcher-kva.example/a?b=c#d"));
    }
}
