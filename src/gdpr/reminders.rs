//! The daily reminder to the DPO: privacy requests that are overdue or due within a week,
//! mailed to the DPO contact from Settings (when it is an email address). The mail names
//! requests by kind, deadline and link, never the person.

use chrono::Utc;

use super::requests::{Request, Urgency};
use crate::domain::EmailAddress;
use crate::mail::{Envelope, Mailbox, Message, Outcome};
use crate::state::AppState;

/// The requests to remind about, most urgent first.
pub fn due(state: &AppState) -> anyhow::Result<Vec<Request>> {
    let now = Utc::now();
    let mut out: Vec<Request> = state
        .gdpr
        .requests
        .all()?
        .into_iter()
        .filter(|r| matches!(r.urgency(now), Urgency::Overdue | Urgency::NearlyDue))
        .collect();
    out.sort_by_key(|r| r.due_at);
    Ok(out)
}

pub async fn send(state: &AppState) -> anyhow::Result<String> {
    let requests = due(state)?;
    if requests.is_empty() {
        return Ok("no privacy request is overdue or due within 7 days".into());
    }
    let settings = state.settings.get().unwrap_or_default();
    // "Jane Doe <dpo@shop.example>" or a bare address; anything else cannot be mailed.
    let raw = settings.dpo_contact.trim();
    let candidate = raw.rsplit_once('<').map_or(raw, |(_, r)| r.trim_end_matches('>').trim());
    let Ok(to) = EmailAddress::parse(candidate) else {
        return Ok(format!(
            "{} privacy requests need attention, but the DPO contact in Settings is not an email address",
            requests.len()
        ));
    };
    let now = Utc::now();
    let base = state.config.admin_url();
    let mut text = String::from("These privacy requests need attention:\n\n");
    for r in &requests {
        let when = match r.urgency(now) {
            Urgency::Overdue => format!("OVERDUE since {}", r.due_at.format("%Y-%m-%d")),
            _ => format!("due {}", r.due_at.format("%Y-%m-%d")),
        };
        text.push_str(&format!("- {} ({when})\n  {}requests/{}\n", r.kind.label(), base, r.id));
    }
    text.push_str("\nThe deadline is one month from receipt (Art. 12(3) GDPR); it can be extended by two more months with a reason given to the requester.\n");
    let overdue = requests.iter().filter(|r| r.urgency(now) == Urgency::Overdue).count();
    let subject = format!("Privacy requests: {overdue} overdue, {} due soon", requests.len() - overdue);
    let from = crate::senders::current(state, "");
    let message_id = state.mailer.message_id_on(from.domain(), &format!("dsr.{}", now.format("%Y%m%d")))?;
    let message = Message {
        from: from.mailbox(),
        to: Mailbox::bare(to.as_str()),
        reply_to: &from.reply_to,
        subject: &subject,
        message_id: &message_id,
        date: now,
        headers: &[],
        text: &text,
        html: None,
    };
    let bytes = state.mailer.compose(&message)?;
    let envelope = Envelope::new(&state.mailer.envelope_sender_for(None, &from.address)?, &[to.as_str()])?;
    match state.mailer.send(None, &envelope, &bytes).await? {
        Outcome::Accepted { .. } => Ok(format!("reminded the DPO of {} requests ({overdue} overdue)", requests.len())),
        other => anyhow::bail!("the reminder was not accepted: {other:?}"),
    }
}
