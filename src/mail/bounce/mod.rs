//! Bounces and complaints: VERP return paths, delivery status notifications (RFC 3464),
//! feedback-loop reports (ARF, RFC 5965), and the record of each event per contact.
//!
//! Every source ends in [`record`]: the SMTP refusal seen by the sender, the generic JSON
//! webhook, Mailgun's webhook and the bounce mailbox poller (src/mail/mailbox.rs).
//!
//! - A hard bounce (5.x.x) marks the contact `bounced`; `[mail.bounces] soft_limit` soft ones
//!   (4.x.x) within `soft_window_days` do too. A complaint marks it `complained`.
//! - Events are sealed per person in the `bounces` tree (key: contact id, then a time-ordered
//!   suffix), so erasure is a prefix scan and an erased person's events cannot be read back
//!   ([`records`], the repository).
//! - The same report delivered twice (a webhook retried, a mailbox read twice) is recorded once:
//!   events carry an id (the provider's event id, or the report's Message-ID and recipient).

pub mod records;

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use mail_parser::{MessageParser, MimeHeaders, PartType};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

pub use records::{BounceRecord, BounceRecords};

use crate::audit::Actor;
use crate::domain::{CampaignId, Change, Contact, ContactId, EmailAddress, Status};
use crate::ops::{OpError, OpResult};
use crate::state::AppState;
use crate::store::{Keyring, Result as StoreResult, SecretKey, Writes};

const DIAGNOSTIC_MAX: usize = 300;

// ---------------------------------------------------------------------------------------------
// VERP

const VERP_PREFIX: &str = "bounce+";
const VERP_MAC_LEN: usize = 8;

/// A key used for nothing but VERP tokens, derived from the keyring's lookup key so that a
/// token never equals any keyed hash stored elsewhere.
fn verp_key(keyring: &Keyring) -> SecretKey {
    SecretKey::from_bytes(&keyring.lookup_hash("tidings/derive/verp", b"")).expect("32 bytes")
}

fn verp_mac(keyring: &Keyring, contact: &ContactId) -> [u8; VERP_MAC_LEN] {
    let full = verp_key(keyring).mac("tidings/verp", &[contact.as_bytes()]);
    full[..VERP_MAC_LEN].try_into().expect("slice of the right length")
}

/// The VERP token of a contact: 32 hex digits of its id, a dot, 16 hex digits of a keyed MAC
/// (48 characters; `bounce+<token>@domain` stays within the 64-character local part). Hex,
/// because some MTAs lower-case local parts. Pass it to `Mailer::envelope_sender(Some(..))`.
pub fn verp_token(keyring: &Keyring, contact: &ContactId) -> String {
    format!("{}.{}", hex::encode(contact.as_bytes()), hex::encode(verp_mac(keyring, contact)))
}

/// The contact a VERP address names: accepts `bounce+<token>@domain`, `<bounce+<token>@domain>`
/// or the bare local part. `None` for anything else, and for a token whose MAC does not verify
/// (a forged or altered return path).
pub fn parse_verp(keyring: &Keyring, address_or_local_part: &str) -> Option<ContactId> {
    let s = address_or_local_part.trim().trim_start_matches('<').trim_end_matches('>');
    let local = s.rsplit_once('@').map_or(s, |(l, _)| l);
    let prefix = local.get(..VERP_PREFIX.len())?;
    if !prefix.eq_ignore_ascii_case(VERP_PREFIX) {
        return None;
    }
    let token = local[VERP_PREFIX.len()..].to_ascii_lowercase();
    let (id, mac) = token.split_once('.')?;
    let id = ContactId::from_slice(&hex::decode(id).ok().filter(|b| b.len() == 16)?)?;
    let mac = hex::decode(mac).ok().filter(|m| m.len() == VERP_MAC_LEN)?;
    bool::from(mac.ct_eq(&verp_mac(keyring, &id))).then_some(id)
}

// ---------------------------------------------------------------------------------------------
// Events and their record

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BounceKind {
    /// Permanent failure (5.x.x): the address does not work.
    Hard,
    /// Temporary failure (4.x.x) that the sending side gave up on.
    Soft,
    /// The recipient reported the message as spam (a feedback loop).
    Complaint,
}

impl BounceKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            BounceKind::Hard => "hard",
            BounceKind::Soft => "soft",
            BounceKind::Complaint => "complaint",
        }
    }

    /// The kind an enhanced status code (RFC 3463) means: class 5 hard, class 4 soft.
    pub fn from_status(status: &str) -> Option<BounceKind> {
        match parse_status(status)?.as_bytes()[0] {
            b'5' => Some(BounceKind::Hard),
            b'4' => Some(BounceKind::Soft),
            _ => None,
        }
    }
}

impl std::str::FromStr for BounceKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "hard" => Ok(BounceKind::Hard),
            "soft" => Ok(BounceKind::Soft),
            "complaint" => Ok(BounceKind::Complaint),
            other => Err(format!("`{other}` is not a bounce type; use hard, soft or complaint")),
        }
    }
}

/// An enhanced status code `class.subject.detail` (RFC 3463), e.g. `5.1.1`; `None` otherwise.
pub fn parse_status(raw: &str) -> Option<String> {
    let s = raw.trim();
    let mut parts = s.split('.');
    let (class, subject, detail) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, max: usize| !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && matches!(class, "2" | "4" | "5") && digits(subject, 3) && digits(detail, 3))
        .then(|| s.to_string())
}

/// One bounce or complaint, as a source reports it. Build with [`BounceEvent::new`] and the
/// setters, e.g. for a refusal at SMTP time:
///
/// ```ignore
/// BounceEvent::new(BounceKind::Hard, "smtp").status("5.1.1").diagnostic(&reply_text)
///     .campaign(&campaign_ref).event_id(&outbox_key)
/// ```
#[derive(Debug, Clone)]
pub struct BounceEvent {
    pub kind: BounceKind,
    /// Enhanced status code (`5.1.1`), or empty when the source gave none.
    pub status: String,
    /// The remote server's words (truncated to 300 characters when recorded).
    pub diagnostic: String,
    /// `smtp`, `webhook`, `mailbox`, or a provider's name (`mailgun`).
    pub source: String,
    /// The campaign (or message) the bounce answers, when known.
    pub campaign: Option<String>,
    /// Identifies the report, so that a second delivery of it is recognised and ignored.
    pub event_id: Option<String>,
    pub at: DateTime<Utc>,
    /// Who is audited for a status change (the API token of a webhook call; the server itself
    /// otherwise).
    pub actor: Actor,
}

impl BounceEvent {
    pub fn new(kind: BounceKind, source: &str) -> Self {
        Self {
            kind,
            status: String::new(),
            diagnostic: String::new(),
            source: source.to_string(),
            campaign: None,
            event_id: None,
            at: Utc::now(),
            actor: Actor::System,
        }
    }
    pub fn status(mut self, status: &str) -> Self {
        self.status = parse_status(status).unwrap_or_default();
        self
    }
    pub fn diagnostic(mut self, text: &str) -> Self {
        self.diagnostic = text.to_string();
        self
    }
    pub fn campaign(mut self, campaign: &str) -> Self {
        self.campaign = Some(campaign.to_string()).filter(|c| !c.is_empty());
        self
    }
    pub fn event_id(mut self, id: &str) -> Self {
        self.event_id = Some(id.to_string()).filter(|i| !i.is_empty());
        self
    }
    pub fn at(mut self, at: DateTime<Utc>) -> Self {
        self.at = at;
        self
    }
    pub fn actor(mut self, actor: Actor) -> Self {
        self.actor = actor;
        self
    }
}

/// What [`record`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The same event was recorded before; nothing changed.
    Duplicate,
    /// Recorded; the contact's status stays as it was (a soft bounce below the limit, or a
    /// contact already bounced or complained).
    Recorded,
    /// Recorded, and the contact is now `bounced`.
    Bounced,
    /// Recorded, and the contact is now `complained`.
    Complained,
}

impl Effect {
    pub fn as_str(&self) -> &'static str {
        match self {
            Effect::Duplicate => "duplicate",
            Effect::Recorded => "recorded",
            Effect::Bounced => "bounced",
            Effect::Complained => "complained",
        }
    }
}

/// Serialises the check for a repeated event with the write that follows it.
static RECORD_LOCK: Mutex<()> = Mutex::new(());

/// Records a bounce or complaint of `contact` and applies it: a hard bounce, or the soft bounce
/// that reaches `[mail.bounces] soft_limit` within `soft_window_days`, marks the contact
/// `bounced`; a complaint marks it `complained` (through `contacts::ops::set_status`: history,
/// audit). A merged contact's old id records on the contact it was merged into. Committed
/// before it returns. Blocks (sled): call it from the blocking pool.
///
/// Errors: `OpError::NotFound("contact")` when no such contact exists (an erased one).
pub fn record(state: &AppState, contact: &ContactId, event: BounceEvent) -> OpResult<Effect> {
    let c: Contact = state.contacts.resolve(contact)?.ok_or(OpError::NotFound("contact"))?;
    let person = c.id.person();
    let records = BounceRecords::open(&state.store)?;
    let dedupe = event.event_id.as_ref().map(|id| {
        let h = state.store.keyring().lookup_hash("tidings/bounce-event", format!("{}\0{id}", event.source).as_bytes());
        hex::encode(&h[..16])
    });
    let now = Utc::now();
    let window_start = now - Duration::days(i64::from(state.config.mail.bounces.soft_window_days));
    let appended;
    let soft_in_window = {
        let _lock = RECORD_LOCK.lock().unwrap_or_else(|p| p.into_inner());
        let earlier = records.of_person(&person)?;
        if dedupe.is_some() && earlier.iter().any(|r| r.dedupe == dedupe) {
            drop(_lock);
            // The record was counted once; its effect is made sure of again. Another writer's
            // group commit can carry the record to disk before this one's status change, and a
            // crash in between must not leave a refused address subscribed when the message
            // is sent again and refused again.
            let target = match event.kind {
                BounceKind::Hard => {
                    Some((Status::Bounced, format!("hard bounce {} via {}", event.status, event.source)))
                }
                BounceKind::Complaint => Some((Status::Complained, format!("spam complaint via {}", event.source))),
                BounceKind::Soft => None,
            };
            if let Some((target, why)) = target {
                let applies = match target {
                    Status::Complained => c.status != Status::Complained,
                    _ => !matches!(c.status, Status::Bounced | Status::Complained),
                };
                if applies {
                    crate::contacts::ops::set_status(state, event.actor, &c.id, target, why.trim())?;
                }
            }
            return Ok(Effect::Duplicate);
        }
        let suffix = uuid::Uuid::now_v7();
        let rec = BounceRecord {
            kind: event.kind,
            status: event.status.clone(),
            diagnostic: clean_diagnostic(&event.diagnostic),
            source: event.source.clone(),
            campaign: event.campaign.clone(),
            at: event.at,
            dedupe,
        };
        // The record and its entry on the change feed land together (a repeated report
        // returned above): the campaign's report counts it once, from the feed.
        let campaign = event.campaign.as_deref().and_then(|r| r.trim().parse::<CampaignId>().ok());
        let change = match event.kind {
            BounceKind::Complaint => Change::ComplaintRecorded { contact: c.id, campaign },
            kind => Change::BounceRecorded {
                contact: c.id,
                hard: kind == BounceKind::Hard,
                // Refused at sending: the message was never accepted.
                at_sending: event.source == "smtp",
                campaign,
            },
        };
        let mut writes = Writes::new();
        records.stage(&mut writes, &person, &suffix, &rec)?;
        appended = state.feed.append(writes, &[change])?;
        records.remember_recent(&suffix, &c.id)?;
        earlier.iter().filter(|r| r.kind == BounceKind::Soft && r.at >= window_start).count()
            + usize::from(event.kind == BounceKind::Soft && event.at >= window_start)
    };
    let kind = match event.kind {
        BounceKind::Hard => "hard",
        BounceKind::Soft => "soft",
        BounceKind::Complaint => "complaint",
    };
    crate::metrics::Metrics::count(&state.metrics.bounces, kind, 1);
    // The record is durable, and the feed's readers see it, before the status changes.
    state.store.commit()?;
    appended.announce();
    crate::fault::point("bounce.before_status");
    let limit = state.config.mail.bounces.soft_limit as usize;
    let (target, why) = match event.kind {
        BounceKind::Complaint => (Status::Complained, format!("spam complaint via {}", event.source)),
        BounceKind::Hard => (Status::Bounced, format!("hard bounce {} via {}", event.status, event.source)),
        BounceKind::Soft if soft_in_window >= limit => (
            Status::Bounced,
            format!(
                "{soft_in_window} soft bounces within {} days (latest {} via {})",
                state.config.mail.bounces.soft_window_days, event.status, event.source
            ),
        ),
        BounceKind::Soft => {
            state.store.commit()?;
            return Ok(Effect::Recorded);
        }
    };
    // A complaint outranks a bounce; a bounce never overwrites a complaint.
    let applies = match target {
        Status::Complained => c.status != Status::Complained,
        _ => !matches!(c.status, Status::Bounced | Status::Complained),
    };
    if !applies {
        state.store.commit()?;
        return Ok(Effect::Recorded);
    }
    crate::contacts::ops::set_status(state, event.actor, &c.id, target, why.trim())?;
    Ok(if target == Status::Complained { Effect::Complained } else { Effect::Bounced })
}

fn clean_diagnostic(s: &str) -> String {
    let flat: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > DIAGNOSTIC_MAX {
        format!("{}…", flat.chars().take(DIAGNOSTIC_MAX - 1).collect::<String>())
    } else {
        flat
    }
}

/// One contact's bounce and complaint events, oldest first.
pub fn for_contact(state: &AppState, contact: &ContactId) -> StoreResult<Vec<BounceRecord>> {
    BounceRecords::open(&state.store)?.of_person(&contact.person())
}

/// The newest events across all contacts, newest first, with the contact's address.
pub fn recent(state: &AppState, limit: usize) -> StoreResult<Vec<(BounceRecord, ContactId, Option<EmailAddress>)>> {
    let mut out = Vec::new();
    for (rec, contact) in BounceRecords::open(&state.store)?.recent(limit)? {
        let email = state.contacts.get(&contact)?.map(|c| c.email);
        out.push((rec, contact, email));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Reports: delivery status notifications (RFC 3464) and feedback reports (RFC 5965)

/// A delivery status notification or a feedback report, as read from a message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// The report's own Message-ID (identifies a second delivery of the same report).
    pub message_id: Option<String>,
    /// `true` for a feedback report (a complaint), `false` for a DSN.
    pub complaint: bool,
    /// Addresses that may carry our VERP return path: the report's `To`, `Delivered-To`,
    /// `X-Original-To`, `Envelope-To`, and for feedback reports the original message's
    /// `Return-Path` and `Original-Mail-From`.
    pub verp_candidates: Vec<String>,
    /// Per recipient (DSN), or the one complained-about recipient (feedback report).
    pub recipients: Vec<ReportRecipient>,
    /// A feedback report's `Feedback-Type` (`abuse`, `fraud`, ...).
    pub feedback_type: String,
    /// The campaign the returned message belonged to, from its `Feedback-ID` or `List-Id`
    /// header (the sender writes both), when the report quotes them.
    pub campaign: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportRecipient {
    /// `Final-Recipient` (DSN) or `Original-Rcpt-To` / the original `To` (feedback report).
    pub final_recipient: String,
    pub original_recipient: String,
    /// `failed`, `delayed`, `delivered`, `relayed`, `expanded` (lower case).
    pub action: String,
    pub status: String,
    pub diagnostic: String,
}

impl ReportRecipient {
    /// The kind this recipient's entry means, or `None` when it is not a failure (a delay
    /// warning, a success notice).
    pub fn kind(&self) -> Option<BounceKind> {
        match self.action.as_str() {
            "failed" | "" => BounceKind::from_status(&self.status),
            _ => None,
        }
    }
}

/// Reads a message; `Some` when it is a DSN (`message/delivery-status` or
/// `message/global-delivery-status` part) or a feedback report (`message/feedback-report`).
/// Anything else (an auto-reply, a person writing back) is `None`.
pub fn parse_report(raw: &[u8]) -> Option<Report> {
    let msg = MessageParser::default().parse(raw)?;
    let mut report = Report { message_id: msg.message_id().map(str::to_string), ..Default::default() };
    for name in ["To", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To"] {
        for (h, v) in msg.headers_raw() {
            if h.eq_ignore_ascii_case(name) {
                report.verp_candidates.extend(addresses_in(v));
            }
        }
    }
    let mut status_fields = None;
    let mut feedback_fields = None;
    let mut original_headers: Option<Vec<(String, String)>> = None;
    for part in &msg.parts {
        let Some(ct) = part.content_type() else { continue };
        let ctype = ct.ctype().to_ascii_lowercase();
        let subtype = ct.subtype().unwrap_or_default().to_ascii_lowercase();
        match (ctype.as_str(), subtype.as_str()) {
            ("message", "delivery-status" | "global-delivery-status") if status_fields.is_none() => {
                status_fields = Some(field_blocks(&String::from_utf8_lossy(part.contents())));
            }
            ("message", "feedback-report") if feedback_fields.is_none() => {
                feedback_fields = Some(field_blocks(&String::from_utf8_lossy(part.contents())));
            }
            ("message", "rfc822" | "global") | ("text", "rfc822-headers") if original_headers.is_none() => {
                original_headers = Some(match &part.body {
                    PartType::Message(inner) => {
                        inner.headers_raw().map(|(k, v)| (k.to_string(), v.trim().to_string())).collect()
                    }
                    _ => field_blocks(&String::from_utf8_lossy(part.contents())).into_iter().flatten().collect(),
                });
            }
            _ => {}
        }
    }
    let original = original_headers.unwrap_or_default();
    let original_get = |name: &str| -> Vec<String> {
        original.iter().filter(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone()).collect()
    };
    report.campaign = original_get("Feedback-ID")
        .iter()
        .find_map(|v| campaign_in_feedback_id(v))
        .or_else(|| original_get("List-Id").iter().find_map(|v| campaign_in_list_id(v)));
    if let Some(blocks) = feedback_fields {
        let fields: Vec<(String, String)> = blocks.into_iter().flatten().collect();
        let get = |name: &str| fields.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone());
        report.complaint = true;
        report.feedback_type = get("Feedback-Type").unwrap_or_else(|| "abuse".into()).to_ascii_lowercase();
        for v in fields.iter().filter(|(k, _)| k.eq_ignore_ascii_case("Original-Mail-From")).map(|(_, v)| v) {
            report.verp_candidates.extend(addresses_in(v));
        }
        for v in original_get("Return-Path") {
            report.verp_candidates.extend(addresses_in(&v));
        }
        let rcpt = get("Original-Rcpt-To")
            .map(|v| strip_type(&v))
            .or_else(|| original_get("To").iter().flat_map(|v| addresses_in(v)).next())
            .unwrap_or_default();
        report.recipients.push(ReportRecipient {
            final_recipient: rcpt,
            action: "failed".into(),
            ..Default::default()
        });
        return Some(report);
    }
    let blocks = status_fields?;
    for v in original_get("Return-Path") {
        report.verp_candidates.extend(addresses_in(&v));
    }
    for block in blocks {
        let get = |name: &str| block.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str());
        let Some(final_recipient) = get("Final-Recipient") else { continue };
        report.recipients.push(ReportRecipient {
            final_recipient: strip_type(final_recipient),
            original_recipient: get("Original-Recipient").map(strip_type).unwrap_or_default(),
            action: get("Action").unwrap_or_default().trim().to_ascii_lowercase(),
            status: get("Status").and_then(|s| s.split_whitespace().next()).unwrap_or_default().to_string(),
            diagnostic: get("Diagnostic-Code").map(strip_type).unwrap_or_default(),
        });
    }
    (!report.recipients.is_empty()).then_some(report)
}

/// `<campaign uuid>:campaign:tidings` (as the sender writes it) -> the campaign id.
fn campaign_in_feedback_id(v: &str) -> Option<String> {
    let (id, rest) = v.trim().split_once(':')?;
    (rest == "campaign:tidings").then(|| uuid::Uuid::parse_str(id).ok().map(|u| u.to_string()))?
}

/// `Name <0190…32 hex digits….domain>` -> the campaign id.
fn campaign_in_list_id(v: &str) -> Option<String> {
    let inner = v.rsplit_once('<')?.1.split_once('>')?.0;
    let hex = inner.split_once('.')?.0;
    (hex.len() == 32).then(|| uuid::Uuid::parse_str(hex).ok().map(|u| u.to_string()))?
}

/// `rfc822; user@example.com` -> `user@example.com`; `smtp; 550 ...` -> `550 ...`.
fn strip_type(v: &str) -> String {
    v.split_once(';').map_or(v, |(_, rest)| rest).trim().trim_start_matches('<').trim_end_matches('>').to_string()
}

/// Header-style field blocks separated by blank lines (RFC 3464 section 2.1), unfolded.
fn field_blocks(text: &str) -> Vec<Vec<(String, String)>> {
    let mut blocks = Vec::new();
    let mut current: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = current.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            if !k.is_empty() && !k.contains(' ') {
                current.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// The addresses in a header value (`Name <a@b>, c@d`), without angle brackets.
fn addresses_in(v: &str) -> Vec<String> {
    v.split(',')
        .filter_map(|part| {
            let part = part.trim();
            let addr = match (part.rfind('<'), part.rfind('>')) {
                (Some(a), Some(b)) if a < b => &part[a + 1..b],
                _ => part,
            };
            let addr = addr.trim();
            addr.contains('@').then(|| addr.to_string())
        })
        .collect()
}

/// A report's events, each with the contact it concerns (`None` when nobody matches).
pub struct ResolvedEvent {
    pub contact: Option<ContactId>,
    /// The recipient address as the report names it (for logs and the CLI; masked on pages).
    pub recipient: String,
    pub event: BounceEvent,
}

/// Finds the contacts a report concerns: the VERP address it was sent to names the contact
/// (one per message, so it belongs to the first failed recipient); otherwise each recipient's
/// address is looked up. Entries that are no failure (delays, successes) are skipped.
pub fn resolve(state: &AppState, report: &Report, source: &str) -> StoreResult<Vec<ResolvedEvent>> {
    let keyring = state.store.keyring();
    let mut verp = report.verp_candidates.iter().find_map(|a| parse_verp(keyring, a));
    let mut out = Vec::new();
    for r in &report.recipients {
        let kind = if report.complaint { Some(BounceKind::Complaint) } else { r.kind() };
        let Some(kind) = kind else { continue };
        let contact = match verp.take() {
            Some(id) => Some(id),
            None => [&r.final_recipient, &r.original_recipient]
                .into_iter()
                .filter_map(|a| EmailAddress::parse(a).ok())
                .find_map(|e| state.contacts.find_by_email(&e).ok().flatten())
                .map(|c| c.id),
        };
        let mut event = BounceEvent::new(kind, source).status(&r.status).diagnostic(&r.diagnostic);
        if let Some(c) = &report.campaign {
            event = event.campaign(c);
        }
        if report.complaint {
            event = event.diagnostic(&format!("feedback type: {}", report.feedback_type));
        }
        let id = match &report.message_id {
            Some(m) => format!("{m}\0{}", r.final_recipient.to_ascii_lowercase()),
            None => format!("{}\0{}\0{}", r.final_recipient.to_ascii_lowercase(), r.status, r.diagnostic),
        };
        out.push(ResolvedEvent { contact, recipient: r.final_recipient.clone(), event: event.event_id(&id) });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keyring() -> Keyring {
        Keyring::new(SecretKey::random())
    }

    #[test]
    fn verp_round_trip_and_forgery() {
        let ring = keyring();
        let id = ContactId::new();
        let token = verp_token(&ring, &id);
        assert!(token.len() <= 56, "{token}");
        assert!(token.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-=".contains(&b)));
        assert_eq!(parse_verp(&ring, &format!("bounce+{token}@bounces.example.com")), Some(id));
        assert_eq!(parse_verp(&ring, &format!("<BOUNCE+{}@bounces.example.com>", token.to_uppercase())), Some(id));
        assert_eq!(parse_verp(&ring, &format!("bounce+{token}")), Some(id));
        // Another contact's id with this MAC, an altered MAC, another server's key: all refused.
        let other = ContactId::new();
        let forged = format!("{}.{}", hex::encode(other.as_bytes()), token.split_once('.').unwrap().1);
        assert_eq!(parse_verp(&ring, &format!("bounce+{forged}@b.example")), None);
        let mut altered = token.clone();
        altered.replace_range(token.len() - 1.., if token.ends_with('0') { "1" } else { "0" });
        assert_eq!(parse_verp(&ring, &format!("bounce+{altered}@b.example")), None);
        assert_eq!(parse_verp(&keyring(), &format!("bounce+{token}@b.example")), None);
        assert_eq!(parse_verp(&ring, "someone@example.com"), None);
        assert_eq!(parse_verp(&ring, "bounce+@example.com"), None);
        assert_eq!(parse_verp(&ring, "bounce+zz.zz@example.com"), None);
        assert_eq!(parse_verp(&ring, "b"), None);
    }

    #[test]
    fn status_codes() {
        assert_eq!(BounceKind::from_status("5.1.1"), Some(BounceKind::Hard));
        assert_eq!(BounceKind::from_status("4.2.2"), Some(BounceKind::Soft));
        assert_eq!(BounceKind::from_status("5.7.133"), Some(BounceKind::Hard));
        assert_eq!(BounceKind::from_status("2.0.0"), None);
        for bad in ["", "5", "5.1", "6.1.1", "5.1.1.1", "a.b.c", "5.1.1234", "550"] {
            assert_eq!(parse_status(bad), None, "{bad}");
        }
    }

    const POSTFIX: &str = "Return-Path: <>\r\n\
Delivered-To: bounce+TOKEN@bounces.shop.example\r\n\
From: MAILER-DAEMON@mx.shop.example (Mail Delivery System)\r\n\
Subject: Undelivered Mail Returned to Sender\r\n\
To: bounce+TOKEN@bounces.shop.example\r\n\
Message-Id: <20261123101500.ABC1234@mx.shop.example>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/report; report-type=delivery-status;\r\n\
\tboundary=\"ABC1234.1700000000/mx.shop.example\"\r\n\
\r\n\
This is a MIME-encapsulated message.\r\n\
\r\n\
--ABC1234.1700000000/mx.shop.example\r\n\
Content-Description: Notification\r\n\
Content-Type: text/plain; charset=us-ascii\r\n\
\r\n\
I'm sorry to have to inform you that your message could not\r\n\
be delivered to one or more recipients.\r\n\
\r\n\
<nobody@gone.example>: host mx.gone.example[192.0.2.1] said: 550 5.1.1\r\n\
    <nobody@gone.example>: Recipient address rejected: User unknown\r\n\
\r\n\
--ABC1234.1700000000/mx.shop.example\r\n\
Content-Description: Delivery report\r\n\
Content-Type: message/delivery-status\r\n\
\r\n\
Reporting-MTA: dns; mx.shop.example\r\n\
X-Postfix-Queue-ID: ABC1234\r\n\
Arrival-Date: Sun, 23 Nov 2026 10:14:58 +0000 (UTC)\r\n\
\r\n\
Final-Recipient: rfc822; nobody@gone.example\r\n\
Original-Recipient: rfc822;nobody@gone.example\r\n\
Action: failed\r\n\
Status: 5.1.1\r\n\
Remote-MTA: dns; mx.gone.example\r\n\
Diagnostic-Code: smtp; 550 5.1.1 <nobody@gone.example>: Recipient address\r\n\
\trejected: User unknown in virtual mailbox table\r\n\
\r\n\
--ABC1234.1700000000/mx.shop.example\r\n\
Content-Description: Undelivered Message Headers\r\n\
Content-Type: text/rfc822-headers\r\n\
\r\n\
From: Shop <news@shop.example>\r\n\
To: nobody@gone.example\r\n\
Subject: Autumn sale\r\n\
Feedback-ID: 0190f0c2-1c1d-7a2b-8c3d-4e5f60718293:campaign:tidings\r\n\
\r\n\
--ABC1234.1700000000/mx.shop.example--\r\n";

    #[test]
    fn postfix_dsn() {
        let r = parse_report(POSTFIX.as_bytes()).expect("a DSN");
        assert!(!r.complaint);
        assert_eq!(r.message_id.as_deref(), Some("20261123101500.ABC1234@mx.shop.example"));
        assert!(r.verp_candidates.iter().any(|a| a == "bounce+TOKEN@bounces.shop.example"));
        assert_eq!(r.recipients.len(), 1);
        let rc = &r.recipients[0];
        assert_eq!(rc.final_recipient, "nobody@gone.example");
        assert_eq!(rc.action, "failed");
        assert_eq!(rc.status, "5.1.1");
        assert!(rc.diagnostic.starts_with("550 5.1.1"), "{}", rc.diagnostic);
        assert!(rc.diagnostic.ends_with("virtual mailbox table"), "unfolded: {}", rc.diagnostic);
        assert_eq!(rc.kind(), Some(BounceKind::Hard));
        assert_eq!(r.campaign.as_deref(), Some("0190f0c2-1c1d-7a2b-8c3d-4e5f60718293"), "from the quoted Feedback-ID");
    }

    #[test]
    fn campaign_references_in_returned_headers() {
        let id = "0190f0c2-1c1d-7a2b-8c3d-4e5f60718293";
        assert_eq!(campaign_in_feedback_id(&format!("{id}:campaign:tidings")).as_deref(), Some(id));
        assert_eq!(campaign_in_feedback_id("x:campaign:tidings"), None);
        assert_eq!(campaign_in_feedback_id(&format!("{id}:other:sender")), None);
        let list = format!("Autumn sale <{}.mail.shop.example>", id.replace('-', ""));
        assert_eq!(campaign_in_list_id(&list).as_deref(), Some(id));
        assert_eq!(campaign_in_list_id("News <news.shop.example>"), None);
    }

    const EXCHANGE: &str = "From: postmaster@corp.example\r\n\
To: <bounce+TOKEN@bounces.shop.example>\r\n\
Subject: Undeliverable: Autumn sale\r\n\
Message-ID: <a1b2c3@EXCH01.corp.example>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"_000_a1b2c3_\"\r\n\
\r\n\
--_000_a1b2c3_\r\n\
Content-Type: multipart/alternative; boundary=\"_001_\"\r\n\
\r\n\
--_001_\r\n\
Content-Type: text/plain; charset=\"us-ascii\"\r\n\
\r\n\
Delivery has failed to these recipients or groups:\r\n\
\r\n\
--_001_\r\n\
Content-Type: text/html; charset=\"us-ascii\"\r\n\
\r\n\
<p>Delivery has failed</p>\r\n\
--_001_--\r\n\
\r\n\
--_000_a1b2c3_\r\n\
Content-Type: message/delivery-status\r\n\
\r\n\
Reporting-MTA: dns;EXCH01.corp.example\r\n\
Received-From-MTA: dns;EXCH02.corp.example\r\n\
Arrival-Date: Sun, 23 Nov 2026 10:15:00 +0000\r\n\
\r\n\
Final-Recipient: rfc822;Jane.Doe@corp.example\r\n\
Action: failed\r\n\
Status: 5.1.10\r\n\
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\r\n\
X-Display-Name: Jane Doe\r\n\
\r\n\
Final-Recipient: rfc822;quota@corp.example\r\n\
Action: delayed\r\n\
Status: 4.2.2\r\n\
\r\n\
--_000_a1b2c3_\r\n\
Content-Type: message/rfc822\r\n\
\r\n\
From: Shop <news@shop.example>\r\n\
To: Jane.Doe@corp.example\r\n\
Subject: Autumn sale\r\n\
\r\n\
Hello\r\n\
--_000_a1b2c3_--\r\n";

    #[test]
    fn exchange_dsn_with_delay() {
        let r = parse_report(EXCHANGE.as_bytes()).expect("a DSN");
        assert_eq!(r.recipients.len(), 2);
        assert_eq!(r.recipients[0].final_recipient, "Jane.Doe@corp.example");
        assert_eq!(r.recipients[0].status, "5.1.10");
        assert!(r.recipients[0].diagnostic.contains("RecipientNotFound"));
        assert_eq!(r.recipients[0].kind(), Some(BounceKind::Hard));
        // A delay is a warning, not a bounce.
        assert_eq!(r.recipients[1].action, "delayed");
        assert_eq!(r.recipients[1].kind(), None);
        assert!(r.verp_candidates.contains(&"bounce+TOKEN@bounces.shop.example".to_string()));
    }

    const GMAIL: &str = "Delivered-To: bounce+TOKEN@bounces.shop.example\r\n\
Return-Path: <>\r\n\
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\n\
To: bounce+TOKEN@bounces.shop.example\r\n\
Subject: Delivery Status Notification (Delay)\r\n\
Message-ID: <65a1.gmail-dsn@mx.google.com>\r\n\
Content-Type: multipart/report; boundary=\"000000000000abcdef\"; report-type=delivery-status\r\n\
\r\n\
--000000000000abcdef\r\n\
Content-Type: text/plain; charset=\"UTF-8\"\r\n\
\r\n\
The recipient's inbox is full.\r\n\
--000000000000abcdef\r\n\
Content-Type: message/delivery-status\r\n\
\r\n\
Reporting-MTA: dns; googlemail.com\r\n\
Received-From-MTA: dns; mail-sor-f41.google.com\r\n\
\r\n\
Final-Recipient: rfc822; full@gmail.example\r\n\
Action: failed\r\n\
Status: 4.2.2\r\n\
Remote-MTA: dns; gmail-smtp-in.l.google.com. (2a00:1450:400c:c0b::1b, the server for the domain gmail.example.)\r\n\
Diagnostic-Code: smtp; 452-4.2.2 The recipient's inbox is out of storage space.\r\n\
Last-Attempt-Date: Sun, 23 Nov 2026 02:15:00 -0800 (PST)\r\n\
\r\n\
--000000000000abcdef--\r\n";

    #[test]
    fn gmail_soft_bounce() {
        let r = parse_report(GMAIL.as_bytes()).expect("a DSN");
        assert_eq!(r.recipients.len(), 1);
        assert_eq!(r.recipients[0].kind(), Some(BounceKind::Soft));
        assert_eq!(r.recipients[0].final_recipient, "full@gmail.example");
    }

    const ARF: &str = "From: <staff@hotmail.example>\r\n\
To: <fbl@shop.example>\r\n\
Subject: complaint about message\r\n\
Message-ID: <arf-1@hotmail.example>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/report; report-type=feedback-report; boundary=\"part1_13d.2e68ed54\"\r\n\
\r\n\
--part1_13d.2e68ed54\r\n\
Content-Type: text/plain; charset=\"US-ASCII\"\r\n\
\r\n\
This is an email abuse report for an email message received from IP 192.0.2.2.\r\n\
--part1_13d.2e68ed54\r\n\
Content-Type: message/feedback-report\r\n\
\r\n\
Feedback-Type: abuse\r\n\
User-Agent: SomeGenerator/1.0\r\n\
Version: 1\r\n\
Original-Mail-From: <bounce+TOKEN@bounces.shop.example>\r\n\
Original-Rcpt-To: <angry@hotmail.example>\r\n\
Arrival-Date: Thu, 8 Mar 2005 14:00:00 EDT\r\n\
Source-IP: 192.0.2.2\r\n\
\r\n\
--part1_13d.2e68ed54\r\n\
Content-Type: message/rfc822\r\n\
Content-Disposition: inline\r\n\
\r\n\
Return-Path: <bounce+TOKEN@bounces.shop.example>\r\n\
From: <news@shop.example>\r\n\
To: <angry@hotmail.example>\r\n\
Subject: Autumn sale\r\n\
\r\n\
Buy now\r\n\
--part1_13d.2e68ed54--\r\n";

    #[test]
    fn arf_complaint() {
        let r = parse_report(ARF.as_bytes()).expect("a feedback report");
        assert!(r.complaint);
        assert_eq!(r.feedback_type, "abuse");
        assert_eq!(r.recipients.len(), 1);
        assert_eq!(r.recipients[0].final_recipient, "angry@hotmail.example");
        assert!(r.verp_candidates.contains(&"bounce+TOKEN@bounces.shop.example".to_string()));
    }

    #[test]
    fn not_reports() {
        let plain = "From: a@example.com\r\nTo: b@example.com\r\nSubject: Re: sale\r\n\r\nThanks!\r\n";
        assert_eq!(parse_report(plain.as_bytes()), None);
        let auto_reply = "From: a@example.com\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n\
Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nAway\r\n--x--\r\n";
        assert_eq!(parse_report(auto_reply.as_bytes()), None);
        assert_eq!(parse_report(b""), None);
        assert_eq!(parse_report(&[0xff, 0xfe, 0x00, 0x01]), None);
    }

    #[test]
    fn malformed_reports() {
        // A delivery-status part without any per-recipient block is no report.
        let no_recipient =
            "From: x@example.com\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n\
--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n\r\n--b--\r\n";
        assert_eq!(parse_report(no_recipient.as_bytes()), None);
        // Garbage in the fields: parsed without panicking, and no kind from a bad status.
        let garbage =
            "Content-Type: multipart/report; boundary=b\r\n\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n\
Final-Recipient: ;;;\r\nAction: failed\r\nStatus: five\r\n: no name\r\n   \r\n--b";
        let r = parse_report(garbage.as_bytes()).expect("a report, if a useless one");
        assert_eq!(r.recipients[0].kind(), None);
        // Truncated mid-part (no closing boundary) still yields the recipient.
        let cut = &POSTFIX[..POSTFIX.find("Remote-MTA").unwrap()];
        let r = parse_report(cut.as_bytes()).expect("a truncated DSN");
        assert_eq!(r.recipients[0].status, "5.1.1");
    }

    #[test]
    fn diagnostics_are_flattened_and_truncated() {
        assert_eq!(clean_diagnostic("550\r\n  user\tunknown"), "550 user unknown");
        let long = "x".repeat(1000);
        assert_eq!(clean_diagnostic(&long).chars().count(), DIAGNOSTIC_MAX);
    }
}
