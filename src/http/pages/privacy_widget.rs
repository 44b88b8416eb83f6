//! The dashboard's privacy block: privacy requests overdue or due within a week, and breaches
//! whose 72 hours to notify the supervisory authority are running or over. Its own module and
//! template (`dashboard_privacy.html`), so the dashboard only includes it.

use chrono::Utc;
use minijinja::{context, Value};

use crate::gdpr::requests::Urgency;
use crate::http::error::ApiError;
use crate::state::{blocking, AppState};

/// At most this many requests are listed; the count says how many there are in all.
const SHOWN: usize = 8;

/// The block's facts; its words are the template's, in `ui` (the request kinds here).
pub async fn block(state: &actix_web::web::Data<AppState>, ui: &crate::i18n::Language) -> Result<Value, ApiError> {
    let st = state.clone();
    let (requests, breaches) = blocking(move || -> Result<_, ApiError> {
        Ok((
            crate::gdpr::reminders::due(&st).map_err(|e| ApiError::internal(format!("{e:#}")))?,
            st.gdpr.breaches.unreported()?,
        ))
    })
    .await?;
    let now = Utc::now();
    let overdue = requests.iter().filter(|r| r.urgency(now) == Urgency::Overdue).count();
    let rows: Vec<Value> = requests
        .iter()
        .take(SHOWN)
        .map(|r| {
            context! {
                id => r.id.to_string(), kind => ui.text(super::history::kind_key(r.kind), None), due_at => r.due_at,
                overdue => r.urgency(now) == Urgency::Overdue, days_left => (r.due_at - now).num_days(),
                days_over => (now - r.due_at).num_days(),
            }
        })
        .collect();
    let breaches: Vec<Value> = breaches
        .iter()
        .map(|b| {
            context! {
                id => b.id.to_string(), discovered_at => b.discovered_at,
                deadline => super::breaches::deadline_view(b, now),
            }
        })
        .collect();
    Ok(context! {
        requests => rows, total => requests.len(), overdue => overdue, more => requests.len().saturating_sub(SHOWN),
        breaches => breaches,
    })
}
