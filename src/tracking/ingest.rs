//! Events from outside (the website tracker and the events API) parsed into [`Event`]s at the
//! edge: every field checked, and a refusal names the field at fault. Nothing here is
//! interpreted: URLs, referrers, names and properties are kept as data (text and a JSON
//! object), to be escaped wherever they are shown.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::domain::{Event, EventKind, OrderItem};

/// The query parameter a tracked click adds to a landing page (see [`super::website`]); never
/// stored as part of a page address.
pub const LINK_PARAM: &str = "_tdg";

const MAX_URL: usize = 2000;
const MAX_PROPERTIES: usize = 4096;
const MAX_ITEMS: usize = 100;
const MAX_ID: usize = 128;
/// Events the API may date back this far (retention of events is a year by default).
const MAX_AGE_DAYS: i64 = 365;
/// Clocks drift; an event from further ahead than this is refused.
const MAX_AHEAD_MINUTES: i64 = 5;

/// What is wrong with an input, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: String,
    pub message: String,
}

fn invalid(field: &str, message: impl Into<String>) -> Invalid {
    Invalid { field: field.to_string(), message: message.into() }
}

/// One event as a caller sends it. The tracker sends the same shape without `contact_id`,
/// `email` and `at` (the visitor is its subject, the server's clock its time).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// The caller's own id for the event (an order number): an event is recorded once per id.
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub contact_id: Option<String>,
    pub email: Option<String>,
    /// RFC 3339; the time of receipt when absent.
    pub at: Option<String>,
    /// Custom events: their name (`product_viewed`).
    pub name: Option<String>,
    pub url: Option<String>,
    pub referrer: Option<String>,
    /// A JSON object.
    pub properties: Option<Value>,
    /// Orders: the total in major units, as a JSON number or a decimal string ("49.90").
    pub amount: Option<Value>,
    /// Orders: ISO 4217 code.
    pub currency: Option<String>,
    pub items: Option<Vec<Value>>,
}

/// Who sends the event decides what it may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Tracker,
    Api,
}

impl Source {
    fn as_str(&self) -> &'static str {
        match self {
            Source::Tracker => "tracker",
            Source::Api => "api",
        }
    }
}

fn text(field: &str, raw: &str, max: usize) -> Result<String, Invalid> {
    if raw.chars().count() > max {
        return Err(invalid(field, format!("is longer than {max} characters")));
    }
    if raw.chars().any(char::is_control) {
        return Err(invalid(field, "contains control characters"));
    }
    Ok(raw.to_string())
}

/// An absolute http(s) address, without the link parameter of a tracked click.
pub fn page_url(field: &str, raw: &str) -> Result<String, Invalid> {
    let raw = text(field, raw, MAX_URL)?;
    let mut u = url::Url::parse(&raw).map_err(|_| invalid(field, "must be an absolute http(s) address"))?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return Err(invalid(field, "must be an absolute http(s) address"));
    }
    if u.query_pairs().any(|(k, _)| k == LINK_PARAM) {
        let kept: Vec<(String, String)> =
            u.query_pairs().filter(|(k, _)| k != LINK_PARAM).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        if kept.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Ok(u.to_string())
}

/// The caller's event id, checked.
pub fn event_id(field: &str, raw: &str) -> Result<String, Invalid> {
    if raw.is_empty() {
        return Err(invalid(field, "must not be empty"));
    }
    text(field, raw, MAX_ID)
}

/// Digits after the decimal point of a currency (ISO 4217 minor units).
fn exponent(currency: &str) -> u32 {
    match currency {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX" | "UYI" | "VND"
        | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

/// A decimal amount in major units (a JSON number or a string like "49.90") in minor units of
/// `currency`, exactly: no binary floating point on the way.
pub fn minor_units(field: &str, v: &Value, currency: &str) -> Result<i64, Invalid> {
    let raw = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return Err(invalid(field, "must be a decimal number like 49.90")),
    };
    let digits = exponent(currency);
    let (whole, frac) = raw.split_once('.').unwrap_or((&raw, ""));
    if raw.starts_with('-') {
        return Err(invalid(field, "must not be negative"));
    }
    if whole.is_empty() || whole.len() > 12 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(field, "must be a decimal number like 49.90"));
    }
    let frac = frac.trim_end_matches('0');
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(field, "must be a decimal number like 49.90"));
    }
    if frac.len() > digits as usize {
        return Err(invalid(field, format!("has more decimals than {currency} has ({digits})")));
    }
    let whole: i64 = whole.parse().map_err(|_| invalid(field, "is too large"))?;
    let frac_value: i64 =
        if frac.is_empty() { 0 } else { frac.parse().map_err(|_| invalid(field, "is not a number"))? };
    let scale = 10i64.pow(digits);
    let frac_scaled = frac_value * 10i64.pow(digits - frac.len() as u32);
    Ok(whole * scale + frac_scaled)
}

fn currency(field: &str, raw: Option<&str>) -> Result<String, Invalid> {
    match raw {
        Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => Ok(c.to_string()),
        Some(_) => Err(invalid(field, "must be an ISO 4217 code in capitals, like EUR")),
        None => Err(invalid(field, "is required for an order")),
    }
}

fn item(field: &str, v: &Value, currency: &str) -> Result<OrderItem, Invalid> {
    let Some(o) = v.as_object() else { return Err(invalid(field, "must be an object {sku, name, quantity, price}")) };
    if let Some(k) = o.keys().find(|k| !matches!(k.as_str(), "sku" | "name" | "quantity" | "price")) {
        return Err(invalid(&format!("{field}.{k}"), "is not a field of an order item (sku, name, quantity, price)"));
    }
    let s = |k: &str, max: usize| -> Result<String, Invalid> {
        match o.get(k) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(x)) => text(&format!("{field}.{k}"), x, max),
            Some(Value::Number(n)) => Ok(n.to_string()),
            Some(_) => Err(invalid(&format!("{field}.{k}"), "must be text")),
        }
    };
    let sku = s("sku", 64)?;
    let name = s("name", 200)?;
    if sku.is_empty() && name.is_empty() {
        return Err(invalid(&format!("{field}.sku"), "an item needs a sku or a name"));
    }
    let quantity = match o.get("quantity") {
        None | Some(Value::Null) => 1,
        Some(q) => q
            .as_u64()
            .filter(|q| (1..=100_000).contains(q))
            .ok_or_else(|| invalid(&format!("{field}.quantity"), "must be a whole number from 1 to 100000"))?
            as u32,
    };
    let price_cents = match o.get("price") {
        None | Some(Value::Null) => 0,
        Some(p) => minor_units(&format!("{field}.price"), p, currency)?,
    };
    Ok(OrderItem { sku, name, quantity, price_cents })
}

/// Parses one event. `prefix` names it in messages (`events[3].`, or empty).
pub fn parse(input: &EventInput, source: Source, prefix: &str, now: DateTime<Utc>) -> Result<Event, Invalid> {
    let f = |name: &str| format!("{prefix}{name}");
    let kind = match input.kind.as_deref() {
        Some("page_view") => EventKind::PageView,
        Some("custom") => EventKind::Custom,
        Some("order") => EventKind::Order,
        Some(_) => return Err(invalid(&f("type"), "must be page_view, custom or order")),
        None => return Err(invalid(&f("type"), "is required: page_view, custom or order")),
    };
    let at = match (&input.at, source) {
        (None, _) => now,
        (Some(_), Source::Tracker) => return Err(invalid(&f("at"), "is set by the server for tracker hits")),
        (Some(raw), Source::Api) => {
            let at = DateTime::parse_from_rfc3339(raw)
                .map_err(|_| invalid(&f("at"), "must be an RFC 3339 time like 2026-03-01T12:00:00Z"))?
                .with_timezone(&Utc);
            if at > now + Duration::minutes(MAX_AHEAD_MINUTES) {
                return Err(invalid(&f("at"), "is in the future"));
            }
            if at < now - Duration::days(MAX_AGE_DAYS) {
                return Err(invalid(&f("at"), format!("is more than {MAX_AGE_DAYS} days ago")));
            }
            at
        }
    };
    let mut e = Event::new(kind, at, source.as_str());
    if let Some(id) = &input.id {
        event_id(&f("id"), id)?;
    }
    match (&input.name, kind) {
        (Some(name), EventKind::Custom) => {
            let ok = (1..=64).contains(&name.len())
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'));
            if !ok {
                return Err(invalid(&f("name"), "must be 1 to 64 letters, digits, `_`, `-`, `.` or `:`"));
            }
            e.name = Some(name.clone());
        }
        (None, EventKind::Custom) => return Err(invalid(&f("name"), "is required for a custom event")),
        (Some(_), _) => return Err(invalid(&f("name"), "only custom events have a name")),
        (None, _) => {}
    }
    if let Some(u) = input.url.as_deref().filter(|u| !u.is_empty()) {
        e.url = Some(page_url(&f("url"), u)?);
    }
    if let Some(r) = input.referrer.as_deref().filter(|r| !r.is_empty()) {
        e.referrer = Some(page_url(&f("referrer"), r)?);
    }
    match &input.properties {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            if let Some(k) = map.keys().find(|k| k.is_empty() || k.chars().count() > 64) {
                return Err(invalid(
                    &f("properties"),
                    format!("key `{}` must be 1 to 64 characters", k.chars().take(64).collect::<String>()),
                ));
            }
            let json = serde_json::to_string(map).unwrap_or_default();
            if json.len() > MAX_PROPERTIES {
                return Err(invalid(&f("properties"), format!("are larger than {MAX_PROPERTIES} bytes as JSON")));
            }
            if !map.is_empty() {
                e.properties = json;
            }
        }
        Some(_) => return Err(invalid(&f("properties"), "must be a JSON object")),
    }
    if kind == EventKind::Order {
        let cur = currency(&f("currency"), input.currency.as_deref())?;
        let amount = input.amount.as_ref().ok_or_else(|| invalid(&f("amount"), "is required for an order"))?;
        e.amount_cents = Some(minor_units(&f("amount"), amount, &cur)?);
        let items = input.items.as_deref().unwrap_or_default();
        if items.len() > MAX_ITEMS {
            return Err(invalid(&f("items"), format!("has more than {MAX_ITEMS} lines")));
        }
        for (i, v) in items.iter().enumerate() {
            e.items.push(item(&f(&format!("items[{i}]")), v, &cur)?);
        }
        e.currency = Some(cur);
    } else {
        for (name, set) in [
            ("amount", input.amount.is_some()),
            ("currency", input.currency.is_some()),
            ("items", input.items.is_some()),
        ] {
            if set {
                return Err(invalid(&f(name), "only orders have an amount, a currency and items"));
            }
        }
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn input(v: Value) -> EventInput {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn amounts_are_exact_in_minor_units() {
        let m = |v: Value, c: &str| minor_units("amount", &v, c);
        assert_eq!(m(json!(49.9), "EUR"), Ok(4990));
        assert_eq!(m(json!("49.90"), "EUR"), Ok(4990));
        assert_eq!(m(json!(0.1), "EUR"), Ok(10));
        assert_eq!(m(json!(1234), "JPY"), Ok(1234));
        assert_eq!(m(json!("1.250"), "KWD"), Ok(1250));
        assert!(m(json!("1.5"), "JPY").is_err());
        assert!(m(json!(-1), "EUR").is_err());
        assert!(m(json!("1e3"), "EUR").is_err());
        assert!(m(json!("12,50"), "EUR").is_err());
        assert!(m(json!(true), "EUR").is_err());
    }

    #[test]
    fn every_refusal_names_its_field() {
        let now = Utc::now();
        let p = |v: Value| parse(&input(v), Source::Api, "events[2].", now).map(|_| ()).map_err(|e| e.field);
        assert_eq!(p(json!({"type": "visit"})), Err("events[2].type".into()));
        assert_eq!(p(json!({"type": "custom"})), Err("events[2].name".into()));
        assert_eq!(p(json!({"type": "custom", "name": "<b>x</b>"})), Err("events[2].name".into()));
        assert_eq!(p(json!({"type": "order", "amount": 5})), Err("events[2].currency".into()));
        assert_eq!(p(json!({"type": "order", "currency": "EUR"})), Err("events[2].amount".into()));
        assert_eq!(
            p(json!({"type": "order", "currency": "EUR", "amount": 5, "items": [{"sku": "a", "price": "x"}]})),
            Err("events[2].items[0].price".into())
        );
        assert_eq!(p(json!({"type": "page_view", "url": "javascript:alert(1)"})), Err("events[2].url".into()));
        assert_eq!(p(json!({"type": "page_view", "properties": [1]})), Err("events[2].properties".into()));
        assert_eq!(p(json!({"type": "page_view", "amount": 1})), Err("events[2].amount".into()));
        assert_eq!(p(json!({"type": "page_view", "at": "2999-01-01T00:00:00Z"})), Err("events[2].at".into()));
        assert_eq!(p(json!({"type": "page_view", "at": "yesterday"})), Err("events[2].at".into()));
        let t = parse(&input(json!({"type": "page_view", "at": "2020-01-01T00:00:00Z"})), Source::Tracker, "", now);
        assert_eq!(t.unwrap_err().field, "at");
    }

    #[test]
    fn page_addresses_lose_the_link_parameter_and_keep_markup_as_data() {
        assert_eq!(page_url("url", "https://shop.example/a?_tdg=xyz").unwrap(), "https://shop.example/a");
        assert_eq!(page_url("url", "https://shop.example/a?x=1&_tdg=xyz#f").unwrap(), "https://shop.example/a?x=1#f");
        let e = parse(
            &input(json!({"type": "custom", "name": "x", "properties": {"q": "<script>alert(1)</script>"}})),
            Source::Tracker,
            "",
            Utc::now(),
        )
        .unwrap();
        assert_eq!(e.properties, r#"{"q":"<script>alert(1)</script>"}"#);
    }
}
