//! Sending: campaigns and transactional messages over the durable outbox.
//!
//! ```text
//! start a campaign ─► audience walk (search index, in chunks) ─► outbox slots (committed)
//!                                                                    │
//! POST /api/v1/messages ─► messages + message_queue (committed) ─────┤
//!                                                                    ▼
//!              feeder ─► jobs ─► lanes (one per relay connection): check the contact
//!              (consent, status, suppression), render, sign, hand over, record the result,
//!              commit, take the next job.
//! ```
//!
//! The sender runs on its own small runtime thread, so rendering and signing never delay the
//! admin UI, and wakes at once when work arrives (no polling interval for new mail).

pub mod abtest;
pub mod campaign;
pub mod ops;
pub mod outbox;
pub mod schedule;
mod sender;
pub mod templates;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub use campaign::{Audience, Campaign, CampaignId, CampaignState, Campaigns, Schedule, Stats};
pub use outbox::{Outbox, Slot, SlotState, TxMessage};
pub use sender::{enqueue_at_best_hours, start};
pub use templates::{Template, TemplateKind, Templates};

use crate::domain::Contact;
use crate::store::{Result, Store};

/// The sending side of the application state: repositories plus the handles that wake and
/// steer the sender.
pub struct Sending {
    pub campaigns: Campaigns,
    pub templates: Templates,
    pub outbox: Outbox,
    wake: Arc<tokio::sync::Notify>,
    runs: Mutex<HashMap<CampaignId, Arc<sender::Run>>>,
    /// Rooms whose messages the sender composes from their words (see [`Composer`]).
    composers: std::sync::RwLock<HashMap<&'static str, Arc<dyn Composer>>>,
    /// Composed messages made ready to render, by template key (the words behind a key do not
    /// change: a journey's published version is frozen), with their registered mailing.
    pub(crate) composed: Mutex<HashMap<String, sender::ComposedReady>>,
}

/// Marketing mail whose words live in another room (a journey's step): its outbox row names
/// them by `template` key, `<prefix>:<reference>`, and the room gives them at send time, so a
/// message queued for a hundred thousand people holds no copy of the text. Such a message goes
/// as marketing does: consent to its purpose and the status checked when it leaves, an
/// unsubscribe link and header, counted in reports under its mailing.
pub trait Composer: Send + Sync {
    /// The part of the key before the colon (template keys never hold one).
    fn prefix(&self) -> &'static str;
    /// The words behind `reference`; None when they are gone (the message is not sent).
    fn compose(&self, reference: &str) -> Result<Option<Composed>>;
}

/// What a [`Composer`] gives the sender.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    /// For the `List-Id` header.
    pub name: String,
    pub subject: String,
    /// Markdown.
    pub body: String,
    pub preheader: String,
    /// A sender's reference (`senders`), empty for the default.
    pub sender: String,
    /// The purpose whose consent the message needs.
    pub purpose: String,
    /// Opens, clicks, unsubscribes and bounces are counted under this id, as a campaign's.
    pub mailing: CampaignId,
}

impl Sending {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            campaigns: Campaigns::open(store)?,
            templates: Templates::open(store)?,
            outbox: Outbox::open(store)?,
            wake: Arc::new(tokio::sync::Notify::new()),
            runs: Mutex::new(HashMap::new()),
            composers: Default::default(),
            composed: Mutex::new(HashMap::new()),
        })
    }

    /// Marketing messages the contact got since `since` (campaigns' and composed ones, sent or
    /// on their way): what a frequency cap counts. Transactional mail does not count.
    pub fn marketing_since(
        &self,
        contact: &crate::domain::ContactId,
        since: chrono::DateTime<chrono::Utc>,
    ) -> Result<usize> {
        let mut n = self.outbox.composed_since(contact, since)?;
        let from = since.timestamp();
        for c in self.campaigns.all()? {
            if !matches!(
                c.state,
                CampaignState::Sending | CampaignState::Sent | CampaignState::Paused | CampaignState::Testing
            ) {
                continue;
            }
            if let Some(slot) = self.outbox.slot(&c.id, contact)? {
                // A slot waiting for its hour is on its way too (its `at`, that hour, is later).
                let counted =
                    matches!(slot.state, SlotState::Sent | SlotState::Queued | SlotState::Retry | SlotState::Waiting);
                if counted && slot.at >= from {
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    /// Lets the sender compose the messages of a room (the wiring registers them).
    pub fn register_composer(&self, c: Arc<dyn Composer>) {
        self.composers.write().unwrap_or_else(|p| p.into_inner()).insert(c.prefix(), c);
    }

    /// The composer of a message's template key, and the reference after its prefix.
    fn composer_of<'k>(&self, template: &'k str) -> Option<(Arc<dyn Composer>, &'k str)> {
        let (prefix, reference) = template.split_once(':')?;
        let c = self.composers.read().unwrap_or_else(|p| p.into_inner()).get(prefix).cloned()?;
        Some((c, reference))
    }

    /// Tells the sender there is work (a new message, a campaign started or resumed).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// The durable clock released the campaign's waiting slots due by `until` (Unix seconds):
    /// its running feeder looks again at once.
    pub fn release(&self, id: &CampaignId, until: i64) {
        if let Some(run) = self.runs.lock().unwrap_or_else(|p| p.into_inner()).get(id) {
            run.release(until);
        }
    }

    /// Stops a running campaign's feeder and lanes at the next message (pause, cancel).
    fn halt(&self, id: &CampaignId) {
        if let Some(run) = self.runs.lock().unwrap_or_else(|p| p.into_inner()).remove(id) {
            run.halt();
        }
    }

    /// Campaigns with a live run, and the recipients they still have to go through.
    pub fn running(&self) -> (usize, u64) {
        let runs = self.runs.lock().unwrap_or_else(|p| p.into_inner());
        let waiting = runs
            .values()
            .map(|r| {
                let s = r.stats();
                s.queued.saturating_sub(s.sent + s.failed + s.skipped)
            })
            .sum();
        (runs.len(), waiting)
    }

    /// Live counters of a campaign being sent, fresher than the stored ones.
    pub fn live_stats(&self, id: &CampaignId) -> Option<Stats> {
        self.runs.lock().unwrap_or_else(|p| p.into_inner()).get(id).map(|r| r.stats())
    }
}

/// Who is writing, for every message's footer: the organisation and its postal address on one
/// line (Settings).
pub fn identity(state: &crate::state::AppState) -> (String, String) {
    let s = state.settings.get().unwrap_or_default();
    let address = s.address_line();
    (s.organisation, address)
}

/// The shop's legal footers (Settings): each message prints the one of the language it is
/// written in, else the one of the shop's language ([`crate::settings::LegalFooters::for_language`]).
pub fn legal_footers(state: &crate::state::AppState) -> crate::settings::LegalFooters {
    state.settings.snapshot().map(|s| s.legal_footers.clone()).unwrap_or_default()
}

/// The legal footer of a message written in `lang`.
pub fn legal_footer(state: &crate::state::AppState, lang: &crate::i18n::Language) -> String {
    let shop = shop_language(state);
    legal_footers(state).for_language(&lang.code, &shop.code).to_string()
}

/// The shop's default language (Settings): what campaigns are written in, and the language of
/// a message for a reader whose own language it has no version in.
pub fn shop_language(state: &crate::state::AppState) -> &'static crate::i18n::Language {
    let s = state.settings.get().unwrap_or_default();
    let cat = crate::i18n::catalogue();
    cat.find(&s.language).unwrap_or_else(|| cat.source())
}

/// A message template made ready for one contact: the version in their language (see
/// [`templates::Template::choose`]) compiled, the language it is in, and the merge fields with
/// `data` (its language-dependent parts worded in that language).
pub fn localized_message(
    state: &crate::state::AppState,
    t: &templates::Template,
    contact: &Contact,
    mut data: serde_json::Value,
) -> Result<
    (crate::mail::PreparedCampaign, &'static crate::i18n::Language, serde_json::Value),
    crate::mail::TemplateError,
> {
    let default = state.settings.get().unwrap_or_default().language;
    // A text that comes in the data in a language of its own (a breach notice's version) is
    // read in that language, whatever the contact's: its footer and `Content-Language` follow.
    let written_in = templates::data_language(&t.key, &data);
    let reader = written_in.map(|l| l.code.as_str()).or(contact.locale.as_deref());
    let chosen = t.choose(reader, &default);
    let lang = written_in.unwrap_or(chosen.lang);
    let prepared = state.sending.templates.prepare_text(t, chosen.subject, chosen.body)?;
    templates::localize_data(&t.key, lang, &mut data);
    let mut fields = merge_fields(contact);
    fields["data"] = data;
    Ok((prepared, lang, fields))
}

/// The merge fields of a contact: built-in fields, custom fields by key (also under `custom`).
pub fn merge_fields(c: &Contact) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    m.insert("email".into(), c.email.as_str().into());
    m.insert("first_name".into(), c.first_name.clone().into());
    m.insert("last_name".into(), c.last_name.clone().into());
    m.insert("name".into(), c.name().into());
    m.insert("phone".into(), c.phone.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default().into());
    m.insert("locale".into(), c.locale.clone().unwrap_or_default().into());
    m.insert("time_zone".into(), c.time_zone.clone().unwrap_or_default().into());
    m.insert("tags".into(), c.tags.iter().cloned().collect::<Vec<_>>().into());
    m.insert("lists".into(), c.lists.iter().cloned().collect::<Vec<_>>().into());
    let custom: serde_json::Map<String, serde_json::Value> =
        c.custom.iter().map(|(k, v)| (k.clone(), v.to_json())).collect();
    for (k, v) in &custom {
        m.entry(k.clone()).or_insert_with(|| v.clone());
    }
    m.insert("custom".into(), custom.into());
    serde_json::Value::Object(m)
}

/// Whether a message of `kind` may go to `contact` now: the one rule (`domain::mailable`) for
/// campaigns, transactional mail and journeys, with the facts read from the store. The outer
/// error is the store's; the inner one why the message may not go.
pub fn may_mail(
    state: &crate::state::AppState,
    kind: crate::domain::mailable::Kind<'_>,
    contact: &crate::domain::Contact,
    consents: &crate::domain::ConsentStates,
) -> crate::store::Result<Result<(), crate::domain::mailable::Refusal>> {
    let facts = crate::domain::mailable::Facts {
        status: contact.status,
        suppressed: state.contacts.is_suppressed(&contact.email)?,
        restricted: state.gdpr.restrictions.is_restricted(&contact.id)?,
        consents,
    };
    Ok(crate::domain::mailable::may_mail(kind, &facts))
}
