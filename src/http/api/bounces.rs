//! Bounce and complaint webhooks.
//!
//! - `POST /api/v1/bounces` (token with `edit_contacts`): the generic JSON shape documented in
//!   README.md, one event or `{"events": [...]}`, answered per item.
//! - `POST /webhooks/mailgun` (public): Mailgun's webhook, verified with HMAC-SHA256 over
//!   timestamp and token under `[mail.bounces] mailgun_signing_key`; stale timestamps and
//!   replayed tokens are refused. Without a key the endpoint does not exist (404).

use std::collections::HashMap;
use std::sync::Mutex;

use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde_json::{json, Map, Value};
use sha2::Sha256;

use crate::audit::Actor;
use crate::domain::{ContactId, EmailAddress};
use crate::http::error::{ApiError, Code};
use crate::http::guard::{perm, Guard};
use crate::mail::bounce::{self, BounceEvent, BounceKind, Effect};
use crate::ops::OpError;
use crate::state::{blocking, AppState};

pub const MAX_EVENTS: usize = 1000;
/// [`MAX_EVENTS`] events with every field at its longest (a 2,000-character diagnostic) fit.
pub const BODY_LIMIT: usize = 4 * 1024 * 1024;
/// How far a Mailgun signature's timestamp may be from now.
const MAILGUN_WINDOW_SECS: i64 = 300;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        // Guarded, so that another method falls through to the JSON 404.
        web::resource("/bounces")
            .guard(actix_web::guard::Post())
            .app_data(web::JsonConfig::default().limit(BODY_LIMIT).error_handler(crate::http::error::json_error))
            .route(web::post().to(generic)),
    );
}

/// Routes outside `/api/v1`: providers call these without our tokens. The body is bounded
/// before the signature can be checked, so the bound is this door's own, not
/// `http.max_body_kb`.
pub fn public_routes(cfg: &mut web::ServiceConfig) {
    let json = web::JsonConfig::default()
        .limit(crate::http::limits::MAX_WEBHOOK_BYTES)
        .error_handler(crate::http::error::json_error);
    cfg.service(web::resource("/webhooks/mailgun").app_data(json).route(web::post().to(mailgun)));
}

// ---------------------------------------------------------------------------------------------
// Generic JSON

/// Who an item names, before the store is asked.
enum Target {
    Id(ContactId),
    Email(EmailAddress),
}

struct Item {
    target: Target,
    event: BounceEvent,
}

/// What happened to one item: the contact and the effect, or what was wrong.
type ItemResult = Result<(ContactId, Effect), ApiError>;

fn str_field<'a>(obj: &'a Map<String, Value>, key: &str, at: &str, max: usize) -> Result<Option<&'a str>, ApiError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.chars().count() <= max => Ok(Some(s.as_str())),
        Some(Value::String(_)) => Err(ApiError::invalid(&format!("{at}{key}"), format!("at most {max} characters"))),
        Some(_) => Err(ApiError::invalid(&format!("{at}{key}"), "must be a string")),
    }
}

/// Validates one event object; `at` is the field prefix for errors (`events[2].`).
fn parse_item(v: &Value, at: &str, actor: Actor) -> Result<Item, ApiError> {
    let obj = v.as_object().ok_or_else(|| ApiError::invalid(at.trim_end_matches('.'), "must be a JSON object"))?;
    const KNOWN: [&str; 8] = ["email", "contact_id", "type", "status", "diagnostic", "id", "at", "campaign"];
    if let Some(k) = obj.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(ApiError::invalid(&format!("{at}{k}"), format!("unknown field; known: {}", KNOWN.join(", "))));
    }
    let target = match (str_field(obj, "email", at, 254)?, str_field(obj, "contact_id", at, 64)?) {
        (Some(_), Some(_)) => {
            return Err(ApiError::invalid(&format!("{at}contact_id"), "give email or contact_id, not both"))
        }
        (Some(e), None) => {
            Target::Email(EmailAddress::parse(e).map_err(|m| ApiError::invalid(&format!("{at}email"), m))?)
        }
        (None, Some(id)) => Target::Id(
            id.parse().map_err(|_| ApiError::invalid(&format!("{at}contact_id"), "is not a contact id (a UUID)"))?,
        ),
        (None, None) => {
            return Err(ApiError::invalid(&format!("{at}email"), "name the contact with email or contact_id"))
        }
    };
    let status = match str_field(obj, "status", at, 16)? {
        Some(s) => Some(bounce::parse_status(s).ok_or_else(|| {
            ApiError::invalid(&format!("{at}status"), "an enhanced status code such as 5.1.1 or 4.2.2")
        })?),
        None => None,
    };
    let kind = match str_field(obj, "type", at, 16)? {
        Some(t) => t.parse::<BounceKind>().map_err(|m| ApiError::invalid(&format!("{at}type"), m))?,
        None => status.as_deref().and_then(BounceKind::from_status).ok_or_else(|| {
            ApiError::invalid(&format!("{at}type"), "required: hard, soft or complaint (or a 4.x.x/5.x.x status)")
        })?,
    };
    let mut event = BounceEvent::new(kind, "webhook").actor(actor);
    if let Some(s) = &status {
        event = event.status(s);
    }
    if let Some(d) = str_field(obj, "diagnostic", at, 2000)? {
        event = event.diagnostic(d);
    }
    if let Some(id) = str_field(obj, "id", at, 200)? {
        event = event.event_id(id);
    }
    if let Some(c) = str_field(obj, "campaign", at, 100)? {
        event = event.campaign(c);
    }
    if let Some(t) = str_field(obj, "at", at, 64)? {
        let when = DateTime::parse_from_rfc3339(t)
            .map_err(|_| ApiError::invalid(&format!("{at}at"), "an RFC 3339 time such as 2026-11-23T10:15:00Z"))?
            .with_timezone(&Utc);
        if when > Utc::now() + chrono::Duration::minutes(5) {
            return Err(ApiError::invalid(&format!("{at}at"), "lies in the future"));
        }
        event = event.at(when);
    }
    Ok(Item { target, event })
}

/// Records one validated item; the JSON result names what happened or what was wrong.
fn apply(state: &AppState, item: Item, field_prefix: &str) -> ItemResult {
    let id = match item.target {
        Target::Id(id) => id,
        Target::Email(e) => state
            .contacts
            .find_by_email(&e)?
            .map(|c| c.id)
            .ok_or_else(|| ApiError::new(Code::NotFound, "no contact has this email address"))
            .map_err(|mut err| {
                err.field = Some(format!("{field_prefix}email"));
                err
            })?,
    };
    match bounce::record(state, &id, item.event) {
        Ok(effect) => Ok((id, effect)),
        Err(OpError::NotFound(_)) => {
            let mut err = ApiError::new(Code::NotFound, "contact not found");
            err.field = Some(format!("{field_prefix}contact_id"));
            Err(err)
        }
        Err(e) => Err(e.into()),
    }
}

fn result_json(index: Option<usize>, r: &ItemResult) -> Value {
    let mut v = match r {
        Ok((id, effect)) => json!({ "ok": true, "contact_id": id, "effect": effect.as_str() }),
        Err(e) => json!({ "ok": false, "error": e }),
    };
    if let Some(i) = index {
        v["index"] = json!(i);
    }
    v
}

async fn generic(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let actor = g.by().actor;
    let single = body.as_object().is_some_and(|o| !o.contains_key("events"));
    if single {
        let item = parse_item(&body, "", actor)?;
        let st = state.clone();
        let (id, effect) = blocking(move || apply(&st, item, "")).await?;
        return Ok(HttpResponse::Ok().json(result_json(None, &Ok((id, effect)))));
    }
    let events = match &body {
        Value::Object(o) => {
            if let Some(k) = o.keys().find(|k| *k != "events") {
                return Err(ApiError::invalid(k, "unknown field beside `events`"));
            }
            o.get("events").and_then(Value::as_array).ok_or_else(|| ApiError::invalid("events", "must be a list"))?
        }
        _ => {
            return Err(ApiError::new(
                Code::MalformedRequest,
                "Send one event object, or {\"events\": [...]} (see README, \"Bounces\").",
            ))
        }
    };
    if events.is_empty() || events.len() > MAX_EVENTS {
        return Err(ApiError::invalid("events", format!("send 1 to {MAX_EVENTS} events")));
    }
    let parsed: Vec<Result<Item, ApiError>> =
        events.iter().enumerate().map(|(i, v)| parse_item(v, &format!("events[{i}]."), actor)).collect();
    let st = state.clone();
    let results = blocking(move || -> Result<Vec<ItemResult>, ApiError> {
        Ok(parsed
            .into_iter()
            .enumerate()
            .map(|(i, p)| p.and_then(|item| apply(&st, item, &format!("events[{i}]."))))
            .collect())
    })
    .await?;
    // An internal failure is not the caller's fault: answer 500 so that it retries.
    if let Some(Err(e)) = results.iter().find(|r| matches!(r, Err(e) if e.code == Code::Internal)) {
        return Err(e.clone());
    }
    let recorded = results.iter().filter(|r| r.is_ok()).count();
    let out: Vec<Value> = results.iter().enumerate().map(|(i, r)| result_json(Some(i), r)).collect();
    if recorded == 0 {
        let first = results.iter().find_map(|r| r.as_ref().err()).expect("none recorded, so one failed");
        return Ok(HttpResponse::UnprocessableEntity().json(json!({
            "message": format!("No event was recorded; the first problem: {}", first.message),
            "code": Code::InvalidInput, "type": "invalid_request", "field": first.field, "results": out,
        })));
    }
    Ok(HttpResponse::Ok().json(json!({ "recorded": recorded, "failed": results.len() - recorded, "results": out })))
}

// ---------------------------------------------------------------------------------------------
// Mailgun

/// Tokens of signatures accepted within the time window; a second use is a replay.
static SEEN_TOKENS: Mutex<Option<HashMap<String, i64>>> = Mutex::new(None);

fn forbidden(message: &str) -> ApiError {
    ApiError::new(Code::Forbidden, message)
}

/// Checks Mailgun's `signature` object: HMAC-SHA256(key, timestamp || token), hex; the
/// timestamp within five minutes of now; the token not seen before.
pub fn verify_mailgun(key: &str, signature: &Value, now: i64) -> Result<(), ApiError> {
    let get = |k: &str| signature.get(k).and_then(Value::as_str).unwrap_or_default();
    let (timestamp, token, sig) = (get("timestamp"), get("token"), get("signature"));
    if timestamp.is_empty() || token.is_empty() || sig.is_empty() || token.len() > 200 {
        return Err(ApiError::invalid("signature", "timestamp, token and signature are required"));
    }
    let ts: i64 = timestamp.parse().map_err(|_| ApiError::invalid("signature.timestamp", "must be Unix seconds"))?;
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes()).expect("any key length");
    mac.update(timestamp.as_bytes());
    mac.update(token.as_bytes());
    let given = hex::decode(sig).map_err(|_| forbidden("The webhook signature does not verify."))?;
    mac.verify_slice(&given).map_err(|_| forbidden("The webhook signature does not verify."))?;
    if (now - ts).abs() > MAILGUN_WINDOW_SECS {
        return Err(forbidden("The webhook timestamp is more than five minutes away from now (stale or replayed)."));
    }
    let mut seen = SEEN_TOKENS.lock().unwrap_or_else(|p| p.into_inner());
    let seen = seen.get_or_insert_with(HashMap::new);
    seen.retain(|_, at| (now - *at).abs() <= MAILGUN_WINDOW_SECS);
    if seen.insert(token.to_string(), ts).is_some() {
        return Err(forbidden("This webhook signature was used before (a replay)."));
    }
    Ok(())
}

async fn mailgun(state: web::Data<AppState>, body: web::Json<Value>) -> Result<HttpResponse, ApiError> {
    let key = state.config.mail.bounces.mailgun_key().map_err(ApiError::internal)?;
    let Some(key) = key else { return Err(ApiError::not_found("endpoint")) };
    let body = body.into_inner();
    let signature = body.get("signature").ok_or_else(|| ApiError::invalid("signature", "is required"))?;
    verify_mailgun(&key, signature, Utc::now().timestamp())?;
    let data = body
        .get("event-data")
        .and_then(Value::as_object)
        .ok_or_else(|| ApiError::invalid("event-data", "is required (an object)"))?;
    let s = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    let event_name = s(data.get("event"));
    let kind = match (event_name.as_str(), s(data.get("severity")).as_str()) {
        ("complained", _) => BounceKind::Complaint,
        ("failed", "permanent") => BounceKind::Hard,
        ("failed", _) => BounceKind::Soft,
        // Deliveries, opens and the rest are not ours to record: accepted, so Mailgun stops.
        _ => return Ok(HttpResponse::Ok().json(json!({ "ignored": true, "event": event_name }))),
    };
    let delivery = data.get("delivery-status");
    let status = delivery.map(|d| s(d.get("enhanced-code"))).filter(|c| bounce::parse_status(c).is_some());
    let status = status.unwrap_or_else(|| match kind {
        BounceKind::Hard => "5.0.0".into(),
        BounceKind::Soft => "4.0.0".into(),
        BounceKind::Complaint => String::new(),
    });
    let diagnostic = delivery
        .map(|d| {
            let (m, desc) = (s(d.get("message")), s(d.get("description")));
            if m.is_empty() {
                desc
            } else {
                m
            }
        })
        .unwrap_or_default();
    let mut event = BounceEvent::new(kind, "mailgun").status(&status).diagnostic(&diagnostic);
    let event_id = s(data.get("id"));
    if !event_id.is_empty() {
        event = event.event_id(&event_id);
    }
    if let Some(ts) = data.get("timestamp").and_then(Value::as_f64) {
        if let Some(at) = DateTime::from_timestamp(ts as i64, 0).filter(|t| *t <= Utc::now()) {
            event = event.at(at);
        }
    }
    let sender = data.get("envelope").map(|e| s(e.get("sender"))).unwrap_or_default();
    let recipient = s(data.get("recipient"));
    let st = state.clone();
    let outcome = blocking(move || -> Result<Option<(ContactId, Effect)>, ApiError> {
        let id = match bounce::parse_verp(st.store.keyring(), &sender) {
            Some(id) => Some(id),
            None => match EmailAddress::parse(&recipient) {
                Ok(e) => st.contacts.find_by_email(&e)?.map(|c| c.id),
                Err(_) => None,
            },
        };
        let Some(id) = id else { return Ok(None) };
        match bounce::record(&st, &id, event) {
            Ok(effect) => Ok(Some((id, effect))),
            Err(OpError::NotFound(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    Ok(HttpResponse::Ok().json(match outcome {
        Some((id, effect)) => json!({ "ok": true, "contact_id": id, "effect": effect.as_str() }),
        // Accepted all the same: an unknown (or erased) address is nothing to retry.
        None => json!({ "ignored": true, "reason": "no contact has this address" }),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(key: &str, ts: &str, token: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes()).unwrap();
        mac.update(ts.as_bytes());
        mac.update(token.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    #[test]
    fn mailgun_signature_rules() {
        let now = 1_800_000_000;
        let ts = now.to_string();
        let good = json!({"timestamp": ts, "token": "tok-unit-1", "signature": sign("key", &ts, "tok-unit-1")});
        assert!(verify_mailgun("key", &good, now).is_ok());
        assert_eq!(verify_mailgun("key", &good, now).unwrap_err().code, Code::Forbidden, "replay");
        let forged = json!({"timestamp": ts, "token": "tok-unit-2", "signature": sign("other", &ts, "tok-unit-2")});
        assert_eq!(verify_mailgun("key", &forged, now).unwrap_err().code, Code::Forbidden);
        let old = (now - 600).to_string();
        let stale = json!({"timestamp": old, "token": "tok-unit-3", "signature": sign("key", &old, "tok-unit-3")});
        assert_eq!(verify_mailgun("key", &stale, now).unwrap_err().code, Code::Forbidden);
        assert_eq!(verify_mailgun("key", &json!({}), now).unwrap_err().code, Code::InvalidInput);
    }
}
