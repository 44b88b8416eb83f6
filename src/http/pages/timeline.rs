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
//! http(s) URL. For a viewer who sees personal data masked, addresses lose their query and
//! fragment (where shops put order numbers and email addresses) and properties are not shown.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use minijinja::{context, Value};
use uuid::Uuid;

use crate::domain::{CampaignId, ContactId, Event, EventId, EventKind};
use crate::http::error::ApiError;
use crate::reports::chart::money;
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

/// An address as the viewer may see it, and the link it may be. A masked viewer gets scheme,
/// host and path only.
fn address(raw: &str, masked: bool) -> (String, Option<String>) {
    if !masked {
        return (raw.to_string(), safe_href(raw));
    }
    match url::Url::parse(raw) {
        Ok(mut u) => {
            let had_more = u.query().is_some() || u.fragment().is_some();
            u.set_query(None);
            u.set_fragment(None);
            let href = safe_href(u.as_str());
            (if had_more { format!("{u} (query masked)") } else { u.to_string() }, href)
        }
        Err(_) => ("(masked)".to_string(), None),
    }
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
    known: HashMap<Uuid, String>,
}

impl Names<'_> {
    fn of(&mut self, id: &Uuid) -> Result<String, ApiError> {
        if let Some(n) = self.known.get(id) {
            return Ok(n.clone());
        }
        let name = match CampaignId::from_slice(id.as_bytes()).map(|c| self.state.sending.campaigns.get(&c)) {
            Some(Ok(Some(c))) => format!("campaign “{}”", c.name),
            _ => match self.state.tracking.store.link_table(id)? {
                Some(t) => match t.kind {
                    MailingKind::Template(name) => format!("message “{name}”"),
                    MailingKind::Campaign => "a deleted campaign".to_string(),
                },
                None => "a mailing no longer here".to_string(),
            },
        };
        self.known.insert(*id, name.clone());
        Ok(name)
    }
}

fn source(s: &str) -> &'static str {
    match s {
        "pixel" => "the open pixel",
        "click" => "a tracked link",
        "tracker" => "the website tracker",
        "api" => "the events API",
        _ => "tracking",
    }
}

fn line(e: &Event, masked: bool, names: &mut Names<'_>) -> Result<Value, ApiError> {
    let mailing = match &e.mailing {
        Some(m) => Some(names.of(m)?),
        None => None,
    };
    let in_mailing = mailing.as_deref().unwrap_or("a message");
    let mut details: Vec<String> = Vec::new();
    // (shown text, href when it may be a link)
    let mut link: Option<(String, Option<String>)> = None;
    let text = match e.kind {
        EventKind::Open if e.machine.is_some() => format!("Opened {in_mailing} by a machine"),
        EventKind::Open => format!("Opened {in_mailing}"),
        EventKind::Click => {
            link = e.url.as_deref().map(|u| address(u, masked));
            if e.machine.is_some() {
                format!("A link in {in_mailing} was fetched by a machine")
            } else {
                format!("Clicked a link in {in_mailing}")
            }
        }
        EventKind::PageView => {
            link = e.url.as_deref().map(|u| address(u, masked));
            "Viewed a page".to_string()
        }
        EventKind::Custom => format!("Event {}", e.name.as_deref().unwrap_or("(unnamed)")),
        EventKind::Order => {
            let amount = e.amount_cents.map(money).unwrap_or_default();
            let currency = e.currency.as_deref().unwrap_or("");
            for item in &e.items {
                let what = match (item.name.is_empty(), item.sku.is_empty()) {
                    (false, false) => format!("{} ({})", item.name, item.sku),
                    (false, true) => item.name.clone(),
                    _ => item.sku.clone(),
                };
                details.push(cut(&format!("{} × {what} at {} {currency}", item.quantity, money(item.price_cents))));
            }
            if let Some(m) = &mailing {
                details.push(format!("attributed to {m}"));
            }
            format!("Order of {amount} {currency}").trim_end().to_string()
        }
    };
    if let Some(why) = &e.machine {
        details.push(format!("taken for a machine ({why}); not counted as a person's open or click"));
    }
    if let Some(r) = &e.referrer {
        details.push(format!("came from {}", address(r, masked).0));
    }
    if !e.properties.is_empty() {
        if masked {
            details.push("properties hidden while personal data is masked".into());
        } else {
            details.extend(properties(&e.properties));
        }
    }
    let device = [Some(e.agent.as_str()).filter(|a| !a.is_empty()), e.country.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    Ok(context! {
        at => e.at, kind => e.kind.as_str(), text => text, actor => source(&e.source),
        link_href => link.as_ref().and_then(|(_, h)| h.clone()),
        link_text => link.map(|(t, _)| t),
        details => details, device => device, machine => e.machine.is_some(),
    })
}

/// One page of a contact's events as timeline lines.
pub fn page(
    state: &AppState,
    contact: &ContactId,
    before: Option<EventId>,
    masked: bool,
) -> Result<EventPage, ApiError> {
    let (events, more) = state.tracking.store.events_page(contact, before.as_ref(), PAGE)?;
    let mut names = Names { state, known: HashMap::new() };
    let mut items = Vec::with_capacity(events.len());
    for e in &events {
        items.push((e.at, line(e, masked, &mut names)?));
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
        let (text, href) = address("https://shop.example/p?email=ann@example.org#x", true);
        assert_eq!(
            (text.as_str(), href.as_deref()),
            ("https://shop.example/p (query masked)", Some("https://shop.example/p"))
        );
        assert_eq!(address("https://shop.example/p", true).0, "https://shop.example/p");
        assert_eq!(address("javascript:alert(1)", false), ("javascript:alert(1)".to_string(), None));
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
