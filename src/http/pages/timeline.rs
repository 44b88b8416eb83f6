//! A contact's tracked events as lines of the contact page's timeline: sends are already
//! there (from the outbox); this adds opens, clicks with their link, page views with their
//! address, custom events with their properties, and orders with amount and items.
//!
//! Events are read a page at a time (newest first, [`PAGE`] per page) from the contact's event
//! log; the page says where the next one starts, and the contact page shows the rest of the
//! timeline (consents, changes, mail) only within the same span of time, so each line appears
//! on exactly one page.
//!
//! Everything an event holds came from a browser or an API caller: it is passed to the
//! template as text (escaped there), and an address becomes a link only when it is an absolute
//! http(s) URL. What of an event the staff member may see is `contacts::viewer`'s decision
//! (for a masked viewer: addresses without query and fragment, no properties, no browser).

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use minijinja::{context, Value};
use uuid::Uuid;

use super::contacts::say;
use crate::contacts::viewer::{Address, Personal, ShownEvent, Viewer};
use crate::domain::{CampaignId, ContactId, EventId, EventKind};
use crate::http::error::ApiError;
use crate::i18n::Language;
use crate::state::AppState;
use crate::tracking::MailingKind;

/// Events per page of the timeline.
pub const PAGE: usize = 50;
/// Properties longer than this (as text) are cut on the page.
const VALUE_MAX: usize = 200;

/// The events of one page, as timeline lines, and the span of time the page covers.
pub struct EventPage {
    pub items: Vec<(DateTime<Utc>, Value)>,
    /// Lines older than this belong to the next page (None: this page reaches the beginning).
    pub floor: Option<DateTime<Utc>>,
    /// Lines at or after this belong to the previous page (None: this is the first page).
    pub ceiling: Option<DateTime<Utc>>,
    /// The cursor of the next page.
    pub older: Option<String>,
}

/// A `before` cursor from the address bar: an event id.
pub fn parse_cursor(raw: Option<&str>) -> Result<Option<EventId>, ApiError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse::<EventId>().map(Some).map_err(|_| ApiError::invalid("before", "is not an event id")),
    }
}

/// The instant a time-ordered event id was made for (millisecond precision).
fn time_of(id: &EventId) -> Option<DateTime<Utc>> {
    let (secs, nanos) = id.uuid().get_timestamp()?.to_unix();
    Utc.timestamp_opt(i64::try_from(secs).ok()?, nanos).single()
}

/// An address as a link target: only an absolute http(s) URL with a host.
pub fn safe_href(raw: &str) -> Option<String> {
    let u = url::Url::parse(raw).ok()?;
    (matches!(u.scheme(), "http" | "https") && u.host_str().is_some()).then(|| u.to_string())
}

/// An address as the viewer may see it, in words, and the link it may be.
fn address(ui: &Language, a: &Address) -> (String, Option<String>) {
    match a {
        Address::Whole(raw) => (raw.clone(), safe_href(raw)),
        Address::Trimmed { address, cut: true } => {
            (say(ui, "c-ev-query-masked", [("address", address.as_str().into())]), safe_href(address))
        }
        Address::Trimmed { address, cut: false } => (address.clone(), safe_href(address)),
        Address::Unreadable => (ui.text("c-ev-masked", None), None),
    }
}

/// Minor units in major units with two decimals, as the staff member's language writes them:
/// `4990` → `49.90` (`49,90` in German).
fn money(ui: &Language, cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{}{}{:02}", ui.number((c / 100) as f64), ui.decimal_mark(), c % 100)
}

fn cut(s: &str) -> String {
    if s.chars().count() <= VALUE_MAX {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(VALUE_MAX - 1).collect::<String>())
    }
}

/// `key: value` lines of a properties object (kept as the caller sent them).
fn properties(json: &str) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                cut(&format!("{k}: {v}"))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Names of mailings (campaigns and transactional templates), looked up once per page.
struct Names<'a> {
    state: &'a AppState,
    ui: &'a Language,
    known: HashMap<Uuid, String>,
}

impl Names<'_> {
    fn of(&mut self, id: &Uuid) -> Result<String, ApiError> {
        if let Some(n) = self.known.get(id) {
            return Ok(n.clone());
        }
        let ui = self.ui;
        let name = match CampaignId::from_slice(id.as_bytes()).map(|c| self.state.sending.campaigns.get(&c)) {
            Some(Ok(Some(c))) => say(ui, "c-ev-campaign", [("name", c.name.into())]),
            _ => match self.state.tracking.store.link_table(id)? {
                Some(t) => match t.kind {
                    MailingKind::Template(name) => say(ui, "c-ev-message", [("name", name.into())]),
                    MailingKind::Campaign => ui.text("c-ev-deleted-campaign", None),
                },
                None => ui.text("c-ev-gone-mailing", None),
            },
        };
        self.known.insert(*id, name.clone());
        Ok(name)
    }
}

/// Who recorded an event, as the timeline's "by …".
fn source_key(s: &str) -> &'static str {
    match s {
        "pixel" => "c-ev-by-pixel",
        "click" => "c-ev-by-click",
        "tracker" => "c-ev-by-tracker",
        "api" => "c-ev-by-api",
        _ => "c-ev-by-tracking",
    }
}

/// Why a hit was taken for a machine's: the reasons `tracking::machine::reason` records, or the
/// recorded words when they are another's.
fn machine_reason(ui: &Language, why: &str) -> String {
    let key = match why {
        "HEAD request (a link checker)" => "c-ev-machine-head",
        "no user agent" => "c-ev-machine-no-agent",
        "Apple Mail Privacy Protection proxy" => "c-ev-machine-apple",
        "user agent of a scanner or bot" => "c-ev-machine-bot",
        "seconds after delivery (a link scanner)" => "c-ev-machine-fast",
        "link scanner" => "c-ev-machine-scanner",
        other => return other.to_string(),
    };
    ui.text(key, None)
}

fn line(ui: &Language, shown: &ShownEvent, names: &mut Names<'_>) -> Result<Value, ApiError> {
    let e = &shown.facts;
    let mailing = match &e.mailing {
        Some(m) => Some(names.of(m)?),
        None => None,
    };
    let in_mailing = mailing.clone().unwrap_or_else(|| ui.text("c-ev-a-message", None));
    let with_mailing = |key: &str| say(ui, key, [("mailing", in_mailing.as_str().into())]);
    let mut details: Vec<String> = Vec::new();
    // (shown text, href when it may be a link)
    let mut link: Option<(String, Option<String>)> = None;
    let text = match e.kind {
        EventKind::Open if e.machine.is_some() => with_mailing("c-ev-opened-machine"),
        EventKind::Open => with_mailing("c-ev-opened"),
        EventKind::Click => {
            link = shown.url.as_ref().map(|u| address(ui, u));
            if e.machine.is_some() {
                with_mailing("c-ev-fetched-machine")
            } else {
                with_mailing("c-ev-clicked")
            }
        }
        EventKind::PageView => {
            link = shown.url.as_ref().map(|u| address(ui, u));
            ui.text("c-ev-page-view", None)
        }
        EventKind::Custom => {
            let name = e.name.clone().unwrap_or_else(|| ui.text("c-ev-unnamed", None));
            say(ui, "c-ev-custom", [("name", name.into())])
        }
        EventKind::Order => {
            let amount = e.amount_cents.map(|c| money(ui, c)).unwrap_or_default();
            let currency = e.currency.as_deref().unwrap_or("");
            for item in &e.items {
                let what = match (item.name.is_empty(), item.sku.is_empty()) {
                    (false, false) => format!("{} ({})", item.name, item.sku),
                    (false, true) => item.name.clone(),
                    _ => item.sku.clone(),
                };
                let price = format!("{} {currency}", money(ui, item.price_cents));
                details.push(cut(say(
                    ui,
                    "c-ev-item",
                    [
                        ("quantity", item.quantity.to_string().into()),
                        ("item", what.into()),
                        ("price", price.trim_end().into()),
                    ],
                )
                .trim_end()));
            }
            if let Some(m) = &mailing {
                details.push(say(ui, "c-ev-attributed", [("mailing", m.as_str().into())]));
            }
            let total = format!("{amount} {currency}");
            say(ui, "c-ev-order", [("amount", total.trim().into())]).trim_end().to_string()
        }
    };
    if let Some(why) = &e.machine {
        details.push(say(ui, "c-ev-machine", [("why", machine_reason(ui, why).into())]));
    }
    if let Some(r) = &shown.referrer {
        details.push(say(ui, "c-ev-referrer", [("address", address(ui, r).0.into())]));
    }
    match &shown.properties {
        Personal::Shown(p) => details.extend(properties(p)),
        Personal::Masked => details.push(ui.text("c-ev-properties-hidden", None)),
    }
    let agent = match &shown.agent {
        Personal::Shown(a) => Some(a.as_str()).filter(|a| !a.is_empty()),
        Personal::Masked => None,
    };
    let device = [agent, e.country.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    Ok(context! {
        at => e.at, kind => e.kind.as_str(), text => text, actor => ui.text(source_key(&e.source), None),
        link_href => link.as_ref().and_then(|(_, h)| h.clone()),
        link_text => link.map(|(t, _)| t),
        details => details, device => device, machine => e.machine.is_some(),
    })
}

/// One page of a contact's events as timeline lines.
pub fn page(
    state: &AppState,
    ui: &Language,
    contact: &ContactId,
    before: Option<EventId>,
    viewer: Viewer,
) -> Result<EventPage, ApiError> {
    let (events, more) = state.tracking.store.events_page(contact, before.as_ref(), PAGE)?;
    let mut names = Names { state, ui, known: HashMap::new() };
    let mut items = Vec::with_capacity(events.len());
    for e in &events {
        items.push((e.at, line(ui, &viewer.event(e), &mut names)?));
    }
    let oldest = events.last();
    Ok(EventPage {
        items,
        floor: if more { oldest.and_then(|e| time_of(&e.id)) } else { None },
        ceiling: before.as_ref().and_then(time_of),
        older: if more { oldest.map(|e| e.id.to_string()) } else { None },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_addresses_become_links() {
        assert_eq!(safe_href("https://shop.example/a?b=1").as_deref(), Some("https://shop.example/a?b=1"));
        for bad in
            ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "//evil.example", "/relative", ""]
        {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
        let en = crate::i18n::admin_catalogue().source();
        let masked = Viewer::new(|_| false);
        let seen = |v: Viewer, raw: &str| {
            let mut e = crate::domain::Event::new(EventKind::Click, Utc::now(), "click");
            e.url = Some(raw.into());
            address(en, &v.event(&e).url.unwrap())
        };
        let (text, href) = seen(masked, "https://shop.example/p?email=ann@example.org#x");
        assert_eq!(
            (text.as_str(), href.as_deref()),
            ("https://shop.example/p (query masked)", Some("https://shop.example/p"))
        );
        assert_eq!(seen(masked, "https://shop.example/p").0, "https://shop.example/p");
        assert_eq!(seen(masked, "not an address").0, en.text("c-ev-masked", None));
        assert_eq!(seen(Viewer::unmasked(), "javascript:alert(1)"), ("javascript:alert(1)".to_string(), None));
    }

    #[test]
    fn a_time_ordered_id_tells_its_time() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 15, 0).unwrap();
        assert_eq!(time_of(&EventId::at(at)), Some(at));
    }

    #[test]
    fn properties_are_lines_of_text() {
        let lines = properties(r#"{"sku":"<script>alert(1)</script>","n":2}"#);
        assert_eq!(lines, ["n: 2", "sku: <script>alert(1)</script>"], "kept as text; the template escapes it");
    }
}
