//! Email addresses, validated and normalised once, here. Everything downstream (uniqueness,
//! lookups by keyed hash, the suppression list) compares the normalised form.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A deliverable mailbox address: `local@domain`, lower-cased, trimmed, with an ASCII (IDNA)
/// or UTF-8 domain that has at least one dot. Quoted local parts, comments, display names and
/// IP-literal domains are refused: they are valid RFC 5322 but never what a subscriber meant.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

pub const MAX_LEN: usize = 254;

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim();
        if s.is_empty() {
            return Err("an email address is required".into());
        }
        if s.len() > MAX_LEN {
            return Err(format!("is longer than {MAX_LEN} characters"));
        }
        if s.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err("contains spaces or control characters".into());
        }
        let Some((local, domain)) = s.rsplit_once('@') else {
            return Err(format!("`{}` has no @", shorten(s)));
        };
        if local.is_empty() || local.len() > 64 {
            return Err("the part before @ must be 1 to 64 characters".into());
        }
        if local.starts_with('"') || domain.starts_with('[') {
            return Err("quoted names and IP-address domains are not accepted".into());
        }
        if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') || domain.contains("..") {
            return Err(format!("`{}` is not a valid domain", shorten(domain)));
        }
        if domain
            .split('.')
            .any(|label| label.is_empty() || label.len() > 63 || label.starts_with('-') || label.ends_with('-'))
        {
            return Err(format!("`{}` is not a valid domain", shorten(domain)));
        }
        if !email_address::EmailAddress::is_valid(s) {
            return Err(format!("`{}` is not a valid email address", shorten(s)));
        }
        Ok(Self(s.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map(|(_, d)| d).unwrap_or("")
    }

    /// A masked stand-in (`j•••@example.com`) for views without the right to see the address;
    /// never stored.
    pub(crate) fn masked_value(&self) -> EmailAddress {
        EmailAddress(self.masked())
    }

    /// For people without the right to see personal data: `j•••@example.com`.
    pub fn masked(&self) -> String {
        mask_email(&self.0)
    }
}

pub fn mask_email(s: &str) -> String {
    match s.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".into(),
    }
}

/// `text` with every address in it masked (`550 5.1.1 <jane@example.com>: no such user` →
/// `550 5.1.1 <j•••@example.com>: no such user`): for a log line quoting what a mail relay said,
/// since relays quote the recipient and the journal is out of erasure's reach.
pub fn mask_addresses_in(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String| {
        if token.rsplit_once('@').is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty()) {
            out.push_str(&mask_email(token));
        } else {
            out.push_str(token);
        }
        token.clear();
    };
    for c in text.chars() {
        if c.is_whitespace() || "<>\"'`()[],;:=".contains(c) {
            flush(&mut token, &mut out);
            out.push(c);
        } else {
            token.push(c);
        }
    }
    flush(&mut token, &mut out);
    out
}

/// Masks a name or phone for the masked view: first character, then dots.
pub fn mask_text(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    let first: String = s.chars().take(1).collect();
    format!("{first}•••")
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for EmailAddress {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<EmailAddress> for String {
    fn from(e: EmailAddress) -> String {
        e.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relays_words_keep_everything_but_the_addresses() {
        assert_eq!(
            mask_addresses_in("Recipient Permanent: 550 5.1.1 <jane.doe@example.com>: Recipient address rejected"),
            "Recipient Permanent: 550 5.1.1 <j•••@example.com>: Recipient address rejected"
        );
        assert_eq!(
            mask_addresses_in("to=bob@example.org, relay=mx.example.org"),
            "to=b•••@example.org, relay=mx.example.org"
        );
        assert_eq!(mask_addresses_in("connection refused"), "connection refused");
        assert_eq!(mask_addresses_in("`jane` has no @"), "`jane` has no @");
    }

    #[test]
    fn normalises_once_and_refuses_what_a_subscriber_never_meant() {
        assert_eq!(EmailAddress::parse("  Jane.Doe@Example.COM ").unwrap().as_str(), "jane.doe@example.com");
        assert_eq!(EmailAddress::parse("a+tag@sub.example.org").unwrap().domain(), "sub.example.org");
        for bad in [
            "",
            "plain",
            "a@b",
            "a@.com",
            "a@b..com",
            "a b@example.com",
            "a@example.com\r\nBcc: x@y.z",
            "\"q\"@example.com",
            "a@[127.0.0.1]",
            "a@-x.com",
            "@example.com",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(EmailAddress::parse(&format!("{}@example.com", "a".repeat(65))).is_err());
        assert_eq!(EmailAddress::parse("jane@example.com").unwrap().masked(), "j•••@example.com");
    }
}
