//! Tracked events (opens, clicks, page views, shop events) and the per-contact aggregates
//! derived from them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{EventId, TruncatedIp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Open,
    Click,
    PageView,
    /// A named event from the website tracker or the events API ("product_viewed", ...).
    Custom,
    Order,
}

impl EventKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Click => "click",
            Self::PageView => "page_view",
            Self::Custom => "custom",
            Self::Order => "order",
        }
    }

    pub fn byte(&self) -> u8 {
        match self {
            Self::Open => 1,
            Self::Click => 2,
            Self::PageView => 3,
            Self::Custom => 4,
            Self::Order => 5,
        }
    }

    pub fn from_byte(b: u8) -> Option<Self> {
        Some(match b {
            1 => Self::Open,
            2 => Self::Click,
            3 => Self::PageView,
            4 => Self::Custom,
            5 => Self::Order,
            _ => return None,
        })
    }
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderItem {
    pub sku: String,
    pub name: String,
    pub quantity: u32,
    /// Unit price in minor units (cents).
    pub price_cents: i64,
}

/// One event of one contact. Stored sealed with the contact's key; nothing in it is a raw IP
/// or a full user agent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    /// The campaign (or transactional template) an open or click came from; the campaign an
    /// order is attributed to.
    pub mailing: Option<Uuid>,
    /// The clicked address, or the page viewed.
    pub url: Option<String>,
    /// Custom events: their name.
    pub name: Option<String>,
    /// Set when the hit was taken for a machine (link scanner, privacy proxy): why.
    pub machine: Option<String>,
    pub ip: Option<TruncatedIp>,
    /// Browser family and OS ("Firefox on Linux"), never the full user agent.
    pub agent: String,
    /// ISO country code, from a local GeoIP database when one is configured.
    pub country: Option<String>,
    pub referrer: Option<String>,
    /// Further properties as a JSON object (custom events, orders), at most a few KiB.
    pub properties: String,
    /// Orders: the total in minor units, and its currency.
    pub amount_cents: Option<i64>,
    pub currency: Option<String>,
    pub items: Vec<OrderItem>,
    /// What recorded it: "pixel", "click", "tracker", "api".
    pub source: String,
}

impl Event {
    pub fn new(kind: EventKind, at: DateTime<Utc>, source: &str) -> Self {
        Self {
            id: EventId::at(at),
            kind,
            at,
            mailing: None,
            url: None,
            name: None,
            machine: None,
            ip: None,
            agent: String::new(),
            country: None,
            referrer: None,
            properties: String::new(),
            amount_cents: None,
            currency: None,
            items: Vec::new(),
            source: source.to_string(),
        }
    }
}

/// Per-contact aggregates, kept up to date as events arrive and indexed for search.
/// Machine hits do not count.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub last_open: Option<DateTime<Utc>>,
    pub last_click: Option<DateTime<Utc>>,
    /// Any event: an open, a click, a page view, an order.
    pub last_seen: Option<DateTime<Utc>>,
    pub opens: u64,
    pub clicks: u64,
    pub page_views: u64,
    pub orders: u64,
    pub revenue_cents: i64,
}

impl Activity {
    /// Folds one event in (machine hits are ignored).
    pub fn record(&mut self, e: &Event) {
        if e.machine.is_some() {
            return;
        }
        let later = |slot: &mut Option<DateTime<Utc>>| {
            if slot.is_none_or(|t| t < e.at) {
                *slot = Some(e.at);
            }
        };
        later(&mut self.last_seen);
        match e.kind {
            EventKind::Open => {
                self.opens += 1;
                later(&mut self.last_open);
            }
            EventKind::Click => {
                self.clicks += 1;
                later(&mut self.last_click);
            }
            EventKind::PageView => self.page_views += 1,
            EventKind::Order => {
                self.orders += 1;
                self.revenue_cents = self.revenue_cents.saturating_add(e.amount_cents.unwrap_or(0));
            }
            EventKind::Custom => {}
        }
    }

    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_hits_do_not_count_and_times_only_move_forward() {
        let mut a = Activity::default();
        let t1 = Utc::now();
        let t0 = t1 - chrono::Duration::hours(1);
        let mut open = Event::new(EventKind::Open, t1, "pixel");
        a.record(&open);
        open.at = t0;
        a.record(&open);
        assert_eq!((a.opens, a.last_open), (2, Some(t1)));
        let mut scanner = Event::new(EventKind::Click, t1, "click");
        scanner.machine = Some("link scanner".into());
        a.record(&scanner);
        assert_eq!((a.clicks, a.last_click), (0, None));
        let mut order = Event::new(EventKind::Order, t1, "api");
        order.amount_cents = Some(4_999);
        a.record(&order);
        assert_eq!((a.orders, a.revenue_cents), (1, 4_999));
    }
}
