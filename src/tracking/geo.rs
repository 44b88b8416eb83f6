//! Country codes from a local MaxMind-format database (`tracking.geoip_db`, e.g. GeoLite2
//! Country or City). The file is read once at start; a lookup never leaves the process. The
//! full client address is looked up and dropped: only the truncated one is stored.

use std::net::IpAddr;
use std::path::Path;

use maxminddb::{PathElement, Reader};

pub struct Geo {
    reader: Reader<Vec<u8>>,
}

impl Geo {
    /// Opens the database, or says why it cannot be used (a start-up error: a configured file
    /// that does not work is a mistake to fix, not a feature to lose quietly).
    pub fn open(path: &Path) -> Result<Self, String> {
        let reader = Reader::open_readfile(path)
            .map_err(|e| format!("tracking.geoip_db {}: not a readable MaxMind database: {e}", path.display()))?;
        Ok(Self { reader })
    }

    /// The ISO 3166 country code of an address, when the database knows it.
    pub fn country(&self, ip: IpAddr) -> Option<String> {
        let found = self.reader.lookup(ip).ok()?;
        let code: String = found.decode_path(&[PathElement::Key("country"), PathElement::Key("iso_code")]).ok()??;
        (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(code)
    }
}
