//! Send-time optimisation: per contact, the hours of the week they were seen active in (their
//! human clicks and website visits that tracking may measure, and their orders; opens only with
//! `tracking.send_time_opens`), smoothed toward the shop's pattern; a campaign or a journey's
//! send step may deliver each message at its recipient's best hour within a window. The rule is
//! [`crate::domain::sendtime`]; this room reads what it counts.
//!
//! Nothing about a person is stored here: a contact's histogram is computed from their stored
//! events whenever it is needed (the event ids hold the times and the time-ordered log holds
//! kind and machine flag, so nothing is unsealed; `benches/sendtime.rs` measures it).
//! Kept from the change feed instead, it would be a second copy of the person's activity to
//! export, erase and keep in step with consent; read, a withdrawal of consent or an objection
//! to profiling applies at the next message, and a retention period's deletions at once.
//!
//! The shop's pattern is the count of every human signal of the last [`SHOP_DAYS`] days per
//! local hour of the week in the shop's zone (no one named), computed from the time-ordered log
//! at most once per [`SHOP_TTL`] and held in memory.
//!
//! Tree `campaign_send_time`: campaign id → [`CampaignOption`]: the window a campaign's
//! recipients are spread over, and how far the durable clock has released its waiting slots.
//! Not personal: a campaign's settings.

use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::config::{EngagementPolicy, TrackingConfig};
use crate::domain::score;
use crate::domain::sendtime::{self, Choice, Habit, Histogram};
use crate::domain::{CampaignId, ConsentStates, Contact, EventKind};
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};
use crate::tracking::store::{Signal, TrackStore};

pub mod ops;

pub use ops::{ensure_timer, Releases};

pub const OPTIONS: &str = "campaign_send_time";
/// The durable clock's kind for a campaign's waiting recipients (key: the campaign's id).
pub const TIMER: &str = "send_time";
/// A contact's newest events that count.
pub const EVENTS_PER_CONTACT: usize = 500;
/// The shop's pattern looks back this far.
pub const SHOP_DAYS: i64 = 90;
/// ... and is computed again after this long.
pub const SHOP_TTL: StdDuration = StdDuration::from_secs(3600);

pub const REGISTRATION: Registration = Registration {
    tree: OPTIONS,
    purpose: "each campaign's send-time window, and how far its waiting recipients were released",
    holds: Holds::Nothing { why: "a campaign's setting and a time; no contact is named" },
};

/// A campaign's send-time option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CampaignOption {
    /// Each recipient gets the message at their best hour within this many hours of the start
    /// (1 to [`sendtime::MAX_WINDOW_HOURS`]).
    pub hours: u16,
    /// Unix seconds: the clock's timer has released every waiting slot due by then.
    pub released: i64,
}

/// What is known of a contact's hours, for the contact page and their archive.
#[derive(Debug, Clone, PartialEq)]
pub enum Explained {
    Objected,
    /// Enough signals: where most of them lie, in `zone`.
    Learned {
        habit: Habit,
        zone: Tz,
    },
    /// Too few (`signals`): the shop's peak hour of the week (in the shop's zone), if any.
    TooFew {
        signals: u32,
        shop_peak: Option<usize>,
        zone: Tz,
    },
}

#[derive(Clone)]
pub struct SendTime {
    events: TrackStore,
    options: PlainTree<CampaignOption>,
    engagement: EngagementPolicy,
    website: EngagementPolicy,
    opens: bool,
    shop: Arc<Mutex<Option<ShopPattern>>>,
}

/// The shop's pattern as cached: when it was computed, in which zone, and the counts.
type ShopPattern = (Instant, Tz, Arc<Histogram>);

impl SendTime {
    pub fn open(store: &Store, events: TrackStore, tracking: &TrackingConfig) -> Result<Self> {
        Ok(Self {
            events,
            options: store.plain(OPTIONS)?,
            engagement: tracking.engagement,
            website: tracking.website_linking,
            opens: tracking.send_time_opens,
            shop: Arc::default(),
        })
    }

    /// Whether an event counts as a signal of its kind (machines never do).
    fn counts(&self, s: &Signal) -> bool {
        !s.machine
            && match s.kind {
                EventKind::Click => true,
                EventKind::Open => self.opens,
                EventKind::PageView | EventKind::Order => true,
                EventKind::Custom => false,
            }
    }

    /// The contact's histogram in `zone`: the signals tracking may measure of them now (mail
    /// under the engagement policy, the website under the linking policy; orders are the shop's
    /// own sales).
    pub fn histogram(&self, contact: &Contact, consents: &ConsentStates, zone: Tz) -> Result<Histogram> {
        let allowed =
            |policy, purpose: &str| crate::tracking::person_allowed(policy, consents.get(purpose).map(|(s, _)| *s));
        let mail = allowed(self.engagement, score::ENGAGEMENT);
        let web = allowed(self.website, score::WEBSITE_TRACKING);
        let mut h = Histogram::default();
        for s in self.events.signals_of(&contact.id, EVENTS_PER_CONTACT)? {
            let measured = match s.kind {
                EventKind::Click | EventKind::Open => mail,
                EventKind::PageView => web,
                _ => true,
            };
            if measured && self.counts(&s) {
                h.count(s.at, zone);
            }
        }
        Ok(h)
    }

    /// The shop's pattern in its zone (cached).
    pub fn shop(&self, zone: Tz, now: DateTime<Utc>) -> Result<Arc<Histogram>> {
        if let Some((at, z, h)) = self.shop.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            if *z == zone && at.elapsed() < SHOP_TTL {
                return Ok(h.clone());
            }
        }
        let mut h = Histogram::default();
        self.events.each_signal_since(now - Duration::days(SHOP_DAYS), |s| {
            if self.counts(&s) {
                h.count(s.at, zone);
            }
        })?;
        let h = Arc::new(h);
        *self.shop.lock().unwrap_or_else(|p| p.into_inner()) = Some((Instant::now(), zone, h.clone()));
        Ok(h)
    }

    /// When within `[start, start + hours]` the contact should get a message. Their zone is
    /// their own, else the shop's.
    pub fn choose(
        &self,
        contact: &Contact,
        consents: &ConsentStates,
        start: DateTime<Utc>,
        hours: u32,
        shop_zone: Tz,
    ) -> Result<Choice> {
        let zone = zone_of(contact, shop_zone);
        if score::objected(consents) {
            // Nothing about the person is read for a profile they objected to.
            return Ok(sendtime::choose(None, &Histogram::default(), start, hours, zone));
        }
        let own = self.histogram(contact, consents, zone)?;
        let shop = self.shop(shop_zone, start)?;
        Ok(sendtime::choose(Some(&own), &shop, start, hours, zone))
    }

    /// What the contact page and the person's archive say about their hours.
    pub fn explain(&self, contact: &Contact, consents: &ConsentStates, shop_zone: Tz) -> Result<Explained> {
        if score::objected(consents) {
            return Ok(Explained::Objected);
        }
        let zone = zone_of(contact, shop_zone);
        let own = self.histogram(contact, consents, zone)?;
        let signals = own.total();
        if signals >= sendtime::MIN_SIGNALS {
            if let Some(habit) = sendtime::habit(&own) {
                return Ok(Explained::Learned { habit, zone });
            }
        }
        let shop = self.shop(shop_zone, Utc::now())?;
        let shop_peak = (shop.total() > 0)
            .then(|| (0..sendtime::HOURS).max_by_key(|b| (shop.0[*b], std::cmp::Reverse(*b))))
            .flatten();
        Ok(Explained::TooFew { signals, shop_peak, zone: shop_zone })
    }

    pub fn option(&self, campaign: &CampaignId) -> Result<Option<CampaignOption>> {
        self.options.get(campaign.as_bytes())
    }

    /// Sets a campaign's window (None: no send-time optimisation), uncommitted.
    pub fn set_option(&self, campaign: &CampaignId, hours: Option<u16>) -> Result<()> {
        match hours {
            Some(hours) => self.options.put(campaign.as_bytes(), &CampaignOption { hours, released: 0 }),
            None => self.options.remove(campaign.as_bytes()).map(|_| ()),
        }
    }

    /// Records that the clock released the campaign's slots due by `until` (uncommitted: the
    /// clock commits it with its timer's move).
    fn release(&self, campaign: &CampaignId, until: i64) -> Result<Option<i64>> {
        let Some(mut o) = self.option(campaign)? else { return Ok(None) };
        o.released = o.released.max(until);
        self.options.put(campaign.as_bytes(), &o)?;
        Ok(Some(o.released))
    }
}

/// The contact's zone, else the shop's.
pub fn zone_of(contact: &Contact, shop: Tz) -> Tz {
    contact.time_zone.as_deref().and_then(|z| z.parse().ok()).unwrap_or(shop)
}

/// A window's hours as typed (1 to 72), or the error's words.
pub fn parse_hours(raw: i64) -> std::result::Result<u16, String> {
    if (1..=i64::from(sendtime::MAX_WINDOW_HOURS)).contains(&raw) {
        Ok(raw as u16)
    } else {
        Err(format!("from 1 to {} hours", sendtime::MAX_WINDOW_HOURS))
    }
}
