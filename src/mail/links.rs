//! Interim links module (replaced by the signed-link module from the `public` branch).

use crate::config::Config;
use crate::domain::ContactId;
use crate::store::Keyring;

pub struct MessageLinks {
    pub unsubscribe_url: String,
    pub preferences_url: String,
    pub view_in_browser_url: String,
    pub privacy_url: String,
}

impl MessageLinks {
    pub fn system_links(&self) -> crate::mail::SystemLinks<'_> {
        crate::mail::SystemLinks {
            unsubscribe_url: &self.unsubscribe_url,
            preferences_url: &self.preferences_url,
            view_in_browser_url: &self.view_in_browser_url,
            privacy_url: &self.privacy_url,
        }
    }
}

pub fn message_links(config: &Config, keyring: &Keyring, contact: &ContactId, campaign: Option<&str>) -> MessageLinks {
    let base = config.public_url();
    let tag = hex::encode(&keyring.lookup_hash("links", format!("{contact}{campaign:?}").as_bytes())[..12]);
    MessageLinks {
        unsubscribe_url: format!("{base}/u/{contact}.{tag}"),
        preferences_url: format!("{base}/p/{contact}.{tag}"),
        view_in_browser_url: format!("{base}/m/{contact}.{tag}"),
        privacy_url: format!("{base}/p/{contact}.{tag}#privacy"),
    }
}

pub fn list_unsubscribe_headers(links: &MessageLinks) -> [(&'static str, String); 2] {
    [
        ("List-Unsubscribe", format!("<{}>", links.unsubscribe_url)),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".to_string()),
    ]
}
