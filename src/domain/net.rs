//! Client addresses are truncated before anything stores them (IPv4 to /24, IPv6 to /48).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TruncatedIp(IpAddr);

impl TruncatedIp {
    pub fn new(ip: IpAddr) -> Self {
        let ip = match ip {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => IpAddr::V6(v6),
            },
            v4 => v4,
        };
        Self(match ip {
            IpAddr::V4(v4) => {
                let [a, b, c, _] = v4.octets();
                IpAddr::V4(Ipv4Addr::new(a, b, c, 0))
            }
            IpAddr::V6(v6) => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0))
            }
        })
    }

    pub fn addr(&self) -> IpAddr {
        self.0
    }
}

impl fmt::Display for TruncatedIp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            IpAddr::V4(v4) => write!(f, "{v4}/24"),
            IpAddr::V6(v6) => write!(f, "{v6}/48"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_v4_v6_and_mapped() {
        assert_eq!(TruncatedIp::new("203.0.113.77".parse().unwrap()).to_string(), "203.0.113.0/24");
        assert_eq!(TruncatedIp::new("2001:db8:abcd:12::1".parse().unwrap()).to_string(), "2001:db8:abcd::/48");
        assert_eq!(TruncatedIp::new("::ffff:198.51.100.9".parse().unwrap()).to_string(), "198.51.100.0/24");
    }
}
