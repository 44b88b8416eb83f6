//! Who is asking: the client address (behind a trusted proxy, from `X-Forwarded-For`) and a
//! browser family; only the truncated address is ever stored.

use std::net::IpAddr;

use actix_web::HttpRequest;

use crate::config::Config;
use crate::domain::TruncatedIp;

#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip: Option<IpAddr>,
    pub agent: String,
}

impl ClientInfo {
    pub fn from_parts(peer: Option<IpAddr>, forwarded_for: Option<&str>, agent: Option<&str>, config: &Config) -> Self {
        let mut ip = peer;
        if let (Some(p), Some(xff)) = (peer, forwarded_for) {
            if config.proxy.trusted.contains(&p) {
                // The right-most address not belonging to a trusted proxy is the client.
                ip = xff
                    .split(',')
                    .rev()
                    .filter_map(|s| s.trim().parse::<IpAddr>().ok())
                    .find(|a| !config.proxy.trusted.contains(a))
                    .or(peer);
            }
        }
        Self { ip, agent: browser_family(agent.unwrap_or("")) }
    }

    pub fn from_request(req: &HttpRequest, config: &Config) -> Self {
        let h = req.headers();
        Self::from_parts(
            req.peer_addr().map(|a| a.ip()),
            h.get("x-forwarded-for").and_then(|v| v.to_str().ok()),
            h.get("user-agent").and_then(|v| v.to_str().ok()),
            config,
        )
    }

    pub fn truncated(&self) -> Option<TruncatedIp> {
        self.ip.map(TruncatedIp::new)
    }
}

/// Reduces a user agent to "Browser on OS": enough to recognise one's own sessions, too little
/// to fingerprint anyone.
pub fn browser_family(ua: &str) -> String {
    let browser = if ua.contains("Edg/") {
        "Edge"
    } else if ua.contains("Firefox/") {
        "Firefox"
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") {
        "Chrome"
    } else if ua.contains("Safari/") {
        "Safari"
    } else if ua.is_empty() {
        "Unknown"
    } else {
        "Other"
    };
    let os = if ua.contains("Windows") {
        "Windows"
    } else if ua.contains("Android") {
        "Android"
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        "iOS"
    } else if ua.contains("Mac OS") {
        "macOS"
    } else if ua.contains("Linux") {
        "Linux"
    } else {
        "unknown OS"
    };
    format!("{browser} on {os}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_for_only_from_trusted_proxy() {
        let mut c = Config::default();
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let untrusted = ClientInfo::from_parts(Some("192.0.2.9".parse().unwrap()), Some("1.2.3.4"), None, &c);
        assert_eq!(untrusted.ip, Some("192.0.2.9".parse().unwrap()));
        c.proxy.trusted = vec![proxy];
        let trusted = ClientInfo::from_parts(Some(proxy), Some("6.6.6.6, 1.2.3.4"), None, &c);
        assert_eq!(trusted.ip, Some("1.2.3.4".parse().unwrap()));
    }
}
