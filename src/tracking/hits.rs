//! From parsed events to records: the website tracker's hits and the events API, with the
//! visitor's link, consent, idempotency and order attribution applied. Blocking (sled); the
//! HTTP handlers call these off the executor and then hand the records to the writer.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::website::{self, VisitorId};
use super::{Record, Tracking};
use crate::domain::{ContactId, Event, EventKind, PersonId};
use crate::store::{Keyring, Result};

/// Idempotency scopes: ids from the tracker (which any visitor can send) never block the API's.
const SITE: &str = "site";
const API: &str = "api";

/// One hit from the tracker, parsed.
pub struct SiteHit {
    pub visitor: VisitorId,
    /// The `_tdg` token the landing page carried, if any.
    pub link: Option<String>,
    pub event: Event,
    /// Orders: the shop's order id (a reloaded thank-you page must not count twice).
    pub order_id: Option<String>,
}

/// What to write for a hit or a batch.
pub struct Prepared {
    pub records: Vec<Record>,
    /// Orders and API events are on disk before they are acknowledged.
    pub durable: bool,
    /// Event ids claimed for these records: released if writing them fails.
    pub claimed: Vec<(&'static str, String)>,
}

/// One event of the events API, its contact resolved.
pub struct ApiEvent {
    pub contact: ContactId,
    pub event: Event,
    pub id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiOutcome {
    Recorded {
        event: Uuid,
        mailing: Option<Uuid>,
    },
    /// An event with this id was recorded before.
    Duplicate,
    /// A page view or custom event of a contact whose `website_tracking` consent does not
    /// allow it: counted in the totals only.
    NoConsent,
}

impl Tracking {
    /// The campaign an order of `contact` at `at` is attributed to: the one of the contact's
    /// last human click within `tracking.attribution_days` before it.
    pub fn attribute(&self, contact: &ContactId, at: DateTime<Utc>) -> Result<Option<Uuid>> {
        let days = self.config.attribution_days;
        if days == 0 {
            return Ok(None);
        }
        self.store.last_campaign_click(contact, at - Duration::days(i64::from(days)), at)
    }

    /// Applies one tracker hit: links the visitor if it carries a valid link token for a
    /// contact who allows it, notes the hit, and says what the writer must record.
    pub fn site_hit(&self, keyring: &Keyring, hit: SiteHit, now: DateTime<Utc>) -> Result<Prepared> {
        let v = hit.visitor.person(keyring);
        if let Some(contact) = hit.link.as_deref().and_then(|t| website::verify_visit(keyring, t, now)) {
            if self.website.may_link(&contact)? {
                self.link_visitor(&v, &contact, "email click", now)?;
            }
        }
        let mut event = hit.event;
        let durable = event.kind == EventKind::Order;
        let mut claimed = Vec::new();
        if let Some(id) = hit.order_id {
            let owner = self.website.visitor(&v)?.and_then(|x| x.contact);
            if !self.website.claim(SITE, &id, owner.as_ref())? {
                return Ok(Prepared { records: Vec::new(), durable, claimed });
            }
            claimed.push((SITE, id));
        }
        let who = self.website.hit(&v, &event)?;
        if let (Some(c), EventKind::Order) = (&who, event.kind) {
            event.mailing = self.attribute(c, event.at)?;
        }
        Ok(Prepared { records: vec![Record { contact: who, event, link: None }], durable, claimed })
    }

    /// Links a visitor and hands its earlier events to the writer as the contact's.
    fn link_visitor(&self, v: &PersonId, contact: &ContactId, via: &str, now: DateTime<Utc>) -> Result<()> {
        let moved = self.website.link(v, contact, via, now)?;
        self.record_moved(
            moved.into_iter().map(|event| Record { contact: Some(*contact), event, link: None }).collect(),
        );
        Ok(())
    }

    /// Links the visitors that sent sign-up `seq` of `contact` once it is confirmed (`via`
    /// names the form). Returns how many were linked.
    pub fn link_form_visitors(&self, contact: &ContactId, seq: u64, via: &str) -> Result<usize> {
        let pending = self.website.pending_form(contact, seq)?;
        if pending.is_empty() {
            return Ok(0);
        }
        if !self.website.may_link(contact)? {
            self.website.forget_pending(contact, &pending)?;
            return Ok(0);
        }
        for v in &pending {
            self.link_visitor(v, contact, via, Utc::now())?;
        }
        Ok(pending.len())
    }

    /// Remembers the visitor id a form submission carried (the tracker's hidden field), to
    /// link it when the sign-up is confirmed. An invalid id is ignored.
    pub fn note_form_visitor(&self, keyring: &Keyring, contact: &ContactId, seq: u64, raw: &str) -> Result<()> {
        match VisitorId::parse(raw.trim()) {
            Ok(v) if !self.config.sites.is_empty() => self.website.note_form(contact, seq, &v.person(keyring)),
            _ => Ok(()),
        }
    }

    /// The `_tdg` token a click redirect to `target` carries: only to a page of one of
    /// `tracking.sites`, and only for a contact whose consent allows linking.
    pub fn visit_token(
        &self,
        keyring: &Keyring,
        contact: &ContactId,
        target: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>> {
        if !self.config.url_on_site(target) || !self.website.may_link(contact)? {
            return Ok(None);
        }
        Ok(Some(website::sign_visit(keyring, contact, now)))
    }

    /// Applies a batch of the events API (contacts resolved, every event valid).
    pub fn api_events(&self, items: Vec<ApiEvent>) -> Result<(Vec<ApiOutcome>, Prepared)> {
        let mut outcomes = Vec::with_capacity(items.len());
        let mut p = Prepared { records: Vec::new(), durable: true, claimed: Vec::new() };
        for mut item in items {
            if item.event.kind != EventKind::Order && !self.website.may_link(&item.contact)? {
                p.records.push(Record { contact: None, event: item.event, link: None });
                outcomes.push(ApiOutcome::NoConsent);
                continue;
            }
            if let Some(id) = item.id {
                if !self.website.claim(API, &id, Some(&item.contact))? {
                    outcomes.push(ApiOutcome::Duplicate);
                    continue;
                }
                p.claimed.push((API, id));
            }
            if item.event.kind == EventKind::Order {
                item.event.mailing = self.attribute(&item.contact, item.event.at)?;
            }
            outcomes.push(ApiOutcome::Recorded { event: item.event.id.uuid(), mailing: item.event.mailing });
            p.records.push(Record { contact: Some(item.contact), event: item.event, link: None });
        }
        Ok((outcomes, p))
    }

    /// Gives back the ids of records that could not be written.
    pub fn release(&self, claimed: &[(&'static str, String)]) {
        for (scope, id) in claimed {
            if let Err(e) = self.website.release(scope, id) {
                tracing::warn!(error = %e, "releasing an event id failed");
            }
        }
    }
}
