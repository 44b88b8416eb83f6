//! `POST /api/v1/events`: the shop's backend sends page views, custom events and orders of
//! known contacts, up to 1000 per call, with a token holding the `record_events` scope.
//!
//! - The batch is checked whole first: any malformed event refuses the call (422) with the
//!   field named (`events[3].currency`), and nothing is recorded.
//! - Each event names its contact by `contact_id` or `email`. An unknown contact is reported
//!   for that event (`unknown_contact`) and the others are recorded: no contact is ever
//!   created here (an event is no lawful basis for keeping someone's address).
//! - Page views and custom events of a contact whose `website_tracking` consent does not allow
//!   it count in the totals only (`no_consent`); orders are recorded (the shop's own sales).
//! - An event with an `id` the API saw before is not recorded again (`duplicate`), so a retry
//!   never counts an order twice.
//! - Orders are attributed to the campaign of the contact's last human click within
//!   `tracking.attribution_days`.
//! - The answer comes once everything is on disk.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::{ContactId, EmailAddress};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::state::{blocking, AppState};
use crate::tracking::ingest::{self, EventInput, Source};
use crate::tracking::{ApiEvent, ApiOutcome};

pub const MAX_BATCH: usize = 1000;
/// A thousand orders with items fit in this.
const BODY_LIMIT: usize = 4 * 1024 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/events")
            .guard(actix_web::guard::Post())
            .app_data(web::JsonConfig::default().limit(BODY_LIMIT).error_handler(crate::http::error::json_error))
            .route(web::post().to(record)),
    );
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Batch {
    events: Vec<Value>,
}

/// How an event names its contact, checked but not yet looked up.
enum Who {
    Id(ContactId),
    Email(EmailAddress),
}

async fn record(
    state: web::Data<AppState>,
    _g: Guard<perm::RecordEvents>,
    body: web::Json<Batch>,
) -> Result<HttpResponse, ApiError> {
    let batch = body.into_inner();
    if batch.events.is_empty() {
        return Err(ApiError::invalid("events", "must hold at least one event"));
    }
    if batch.events.len() > MAX_BATCH {
        return Err(ApiError::invalid("events", format!("holds more than {MAX_BATCH} events; send them in batches")));
    }
    let now = Utc::now();
    let mut parsed = Vec::with_capacity(batch.events.len());
    for (i, raw) in batch.events.into_iter().enumerate() {
        let at = format!("events[{i}]");
        let input: EventInput = serde_json::from_value(raw).map_err(|e| ApiError::invalid(&at, format!("{e}")))?;
        let prefix = format!("{at}.");
        let who = match (&input.contact_id, &input.email) {
            (Some(id), None) => Who::Id(
                id.parse()
                    .map_err(|_| ApiError::invalid(&format!("{prefix}contact_id"), "must be a contact id (a UUID)"))?,
            ),
            (None, Some(email)) => {
                Who::Email(EmailAddress::parse(email).map_err(|m| ApiError::invalid(&format!("{prefix}email"), m))?)
            }
            _ => {
                return Err(ApiError::invalid(
                    &format!("{prefix}contact_id"),
                    "name the contact by either contact_id or email",
                ))
            }
        };
        let event =
            ingest::parse(&input, Source::Api, &prefix, now).map_err(|e| ApiError::invalid(&e.field, e.message))?;
        parsed.push((who, event, input.id));
    }

    let st = state.clone();
    let (results, prepared) = blocking(move || -> Result<_, ApiError> {
        // Resolve contacts; unknown ones are answered per event.
        let mut results: Vec<Option<Value>> = Vec::with_capacity(parsed.len());
        let mut items = Vec::new();
        let mut slots = Vec::new();
        for (i, (who, event, id)) in parsed.into_iter().enumerate() {
            let contact = match who {
                // A merged contact's old id leads to the contact it now lives in.
                Who::Id(id) => st.contacts.resolve(&id)?,
                Who::Email(e) => st.contacts.find_by_email(&e)?,
            };
            match contact {
                Some(c) => {
                    results.push(None);
                    slots.push(i);
                    items.push(ApiEvent { contact: c.id, event, id });
                }
                None => results.push(Some(json!({
                    "index": i, "status": "unknown_contact", "message": "No contact has this id or address; nothing was recorded.",
                }))),
            }
        }
        let (outcomes, prepared) = st.tracking.api_events(items)?;
        for (slot, outcome) in slots.into_iter().zip(outcomes) {
            results[slot] = Some(match outcome {
                ApiOutcome::Recorded { event, mailing } => {
                    json!({"index": slot, "status": "recorded", "event_id": event, "attributed_campaign": mailing})
                }
                ApiOutcome::Duplicate => json!({"index": slot, "status": "duplicate", "message": "An event with this id was recorded before."}),
                ApiOutcome::NoConsent => json!({"index": slot, "status": "no_consent", "message": "The contact's website_tracking consent does not allow recording this for them; it counts in the totals only."}),
            });
        }
        Ok((results.into_iter().flatten().collect::<Vec<Value>>(), prepared))
    })
    .await?;
    if let Err(e) = state.tracking.record_durable(prepared.records).await {
        let st = state.clone();
        let claimed = prepared.claimed;
        let _ = blocking(move || -> Result<(), ApiError> {
            st.tracking.release(&claimed);
            Ok(())
        })
        .await;
        return Err(ApiError::internal(e));
    }
    let count = |s: &str| results.iter().filter(|r| r["status"] == s).count();
    Ok(HttpResponse::Ok().json(json!({
        "recorded": count("recorded"),
        "duplicates": count("duplicate"),
        "unknown_contacts": count("unknown_contact"),
        "no_consent": count("no_consent"),
        "results": results,
    })))
}
