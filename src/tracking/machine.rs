//! Telling machines from people: mail security gateways that follow every link of a message
//! as it arrives, privacy proxies that fetch every image, and plain bots.
//!
//! A hit is taken for a machine, and kept out of human open and click rates (it is still
//! recorded, flagged with the reason), when:
//! - it came within `tracking.scanner_window_secs` of the message leaving (no person reads
//!   and clicks that fast; scanners do it on delivery);
//! - its user agent names a known scanner, gateway, library or bot, or it has none;
//! - it is an open through Apple Mail Privacy Protection, which loads every image of every
//!   message through Apple's proxies (17.0.0.0/8) whether or not anyone reads it;
//! - it is a HEAD request (a browser following a link sends GET).

use std::net::IpAddr;

use chrono::{DateTime, Utc};

/// Substrings (lower case) of user agents that belong to machines.
const AGENTS: &[&str] = &[
    "bot",
    "crawler",
    "spider",
    "preview",
    "scanner",
    "python",
    "curl/",
    "wget/",
    "go-http-client",
    "java/",
    "okhttp",
    "libwww",
    "httpclient",
    "headlesschrome",
    "phantomjs",
    "barracuda",
    "mimecast",
    "proofpoint",
    "symantec",
    "messagelabs",
    "trendmicro",
    "forcepoint",
    "fortinet",
    "sophos",
    "ironport",
    "cisco",
    "zscaler",
    "safelinks",
    "linkscanner",
    "urldefense",
];

#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub open: bool,
    pub head: bool,
    pub agent: &'a str,
    pub ip: Option<IpAddr>,
    pub sent_at: DateTime<Utc>,
    pub at: DateTime<Utc>,
}

/// Why a hit looks like a machine's, or None for a person.
pub fn reason(hit: &Hit<'_>, window_secs: u32) -> Option<&'static str> {
    if hit.head {
        return Some("HEAD request (a link checker)");
    }
    let agent = hit.agent.trim();
    if agent.is_empty() {
        return Some("no user agent");
    }
    let lower = agent.to_ascii_lowercase();
    if hit.open && is_apple_proxy(hit.ip) {
        return Some("Apple Mail Privacy Protection proxy");
    }
    if AGENTS.iter().any(|a| lower.contains(a)) {
        return Some("user agent of a scanner or bot");
    }
    let since = (hit.at - hit.sent_at).num_seconds();
    if window_secs > 0 && since >= 0 && since <= i64::from(window_secs) {
        return Some("seconds after delivery (a link scanner)");
    }
    None
}

fn is_apple_proxy(ip: Option<IpAddr>) -> bool {
    match ip {
        Some(IpAddr::V4(v4)) => v4.octets()[0] == 17,
        Some(IpAddr::V6(v6)) => v6.to_ipv4_mapped().is_some_and(|v4| v4.octets()[0] == 17),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    fn hit(agent: &str, secs_after: i64) -> Hit<'_> {
        let sent_at = Utc::now() - chrono::Duration::hours(1);
        Hit {
            open: false,
            head: false,
            agent,
            ip: Some("192.0.2.7".parse().unwrap()),
            sent_at,
            at: sent_at + chrono::Duration::seconds(secs_after),
        }
    }

    #[test]
    fn people_and_machines() {
        assert_eq!(reason(&hit(FIREFOX, 3600), 10), None);
        assert!(reason(&hit(FIREFOX, 2), 10).is_some(), "too fast after delivery");
        assert_eq!(reason(&hit(FIREFOX, 2), 0), None, "window 0 turns the timing rule off");
        assert!(reason(&hit("Mozilla/5.0 (compatible; Barracuda Sentinel)", 3600), 10).is_some());
        assert!(reason(&hit("python-requests/2.31", 3600), 10).is_some());
        assert!(reason(&hit("", 3600), 10).is_some());
        let mut h = hit(FIREFOX, 3600);
        h.head = true;
        assert!(reason(&h, 10).is_some());
        let mut apple = hit("Mozilla/5.0", 3600);
        apple.open = true;
        apple.ip = Some("17.58.1.2".parse().unwrap());
        assert_eq!(reason(&apple, 10), Some("Apple Mail Privacy Protection proxy"));
        apple.open = false;
        assert_eq!(reason(&apple, 10), None, "a click through Apple's network is a person's");
    }
}
