//! Campaigns and templates in the admin UI: the list with progress, the editor with a live
//! preview rendered for a chosen contact, test sends, sending and scheduling, pause, resume and
//! cancel. The preview is its own document (served into a same-origin iframe under a CSP that
//! runs no script), so a campaign's HTML never runs inside the admin page.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use minijinja::context;
use serde::Deserialize;

use super::{notice, page, see_other, unprocessable, NoticeQuery};
use crate::domain::{CampaignId, Contact, EmailAddress};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::i18n::{args, Arg, Language};
use crate::mail::BodyFormat;
use crate::ops::OpError;
use crate::sending::ops::{self as sops, CampaignInput, TemplateInput, VariantInput};
use crate::sending::{Campaign, CampaignState, Schedule, TemplateKind};
use crate::state::{blocking, AppState};

fn campaign_id(raw: &str) -> Result<CampaignId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("campaign"))
}

/// A message of the admin catalogue in `ui` with text arguments.
pub(super) fn say(ui: &Language, key: &str, pairs: &[(&str, String)]) -> String {
    ui.text(key, Some(&args(pairs.iter().map(|(k, v)| (*k, Arg::Text(v.clone()))))))
}

/// A campaign's segments by name, for the audience in words: those taken in and those left
/// out ("a deleted segment" for one deleted since).
#[derive(Default)]
struct SegmentNames {
    include: Vec<String>,
    exclude: Vec<String>,
}

impl SegmentNames {
    fn of(t: &crate::sending::campaign::Targets, all: &[crate::segments::Segment], ui: &Language) -> SegmentNames {
        let name = |id: &crate::domain::SegmentId| {
            all.iter().find(|s| &s.id == id).map_or_else(|| ui.text("cm-aud-segment-deleted", None), |s| s.name.clone())
        };
        SegmentNames { include: t.include.iter().map(name).collect(), exclude: t.exclude.iter().map(name).collect() }
    }
}

/// Who a campaign goes to, in words people read: lists, segments and the saved search by
/// their names, never keys ("lists Coffee lovers or tags vip, within saved search “Buyers”").
fn audience_words(
    a: &crate::sending::campaign::Audience,
    lists: &[crate::contacts::schema::List],
    saved: Option<&str>,
    segments: &SegmentNames,
    ui: &Language,
) -> String {
    let named: Vec<String> = a
        .lists
        .iter()
        .map(|slug| lists.iter().find(|l| &l.slug == slug).map_or_else(|| slug.clone(), |l| l.name.clone()))
        .collect();
    let mut parts = Vec::new();
    if !named.is_empty() {
        parts.push(say(ui, "cm-aud-lists", &[("names", named.join(", "))]));
    }
    if !a.tags.is_empty() {
        parts.push(say(ui, "cm-aud-tags", &[("names", a.tags.join(", "))]));
    }
    if !segments.include.is_empty() {
        parts.push(say(ui, "cm-aud-segments", &[("names", segments.include.join(", "))]));
    }
    let mut words = parts
        .into_iter()
        .reduce(|first, second| say(ui, "cm-aud-either", &[("first", first), ("second", second)]))
        .unwrap_or_default();
    let search = a.search.trim();
    if !search.is_empty() {
        words = if words.is_empty() {
            say(ui, "cm-aud-matching-alone", &[("words", search.to_string())])
        } else {
            say(ui, "cm-aud-matching", &[("audience", words), ("words", search.to_string())])
        };
    }
    let words = match (saved, words.is_empty()) {
        (Some(name), true) => say(ui, "cm-aud-saved-alone", &[("name", name.to_string())]),
        (Some(name), false) => say(ui, "cm-aud-saved", &[("audience", words), ("name", name.to_string())]),
        (None, _) => words,
    };
    match (segments.exclude.is_empty(), words.is_empty()) {
        (true, _) => words,
        (false, true) => say(ui, "cm-aud-except-alone", &[("names", segments.exclude.join(", "))]),
        (false, false) => say(ui, "cm-aud-except", &[("audience", words), ("names", segments.exclude.join(", "))]),
    }
}

/// A campaign's audience in words, read from the store (the campaign's summary, its report).
pub(super) fn audience_line(state: &AppState, c: &Campaign, ui: &Language) -> Result<String, ApiError> {
    let lists = state.lists.all()?;
    let saved = state.sending.campaigns.saved_search(&c.id)?;
    let saved_name = match saved {
        Some(id) => state.saved_searches.get(&id)?.map(|s| s.name),
        None => None,
    };
    let segments = SegmentNames::of(&state.sending.campaigns.targets(&c.id)?, &state.segments.segments().all()?, ui);
    Ok(audience_words(&c.audience, &lists, saved_name.as_deref(), &segments, ui))
}

/// When a campaign goes out, in words: the local time and its zone, or the cron expression.
fn schedule_words(s: &Schedule, ui: &Language) -> String {
    match s {
        Schedule::At { local, time_zone, .. } => {
            say(ui, "cm-sched-at", &[("when", local.format("%Y-%m-%d %H:%M").to_string()), ("zone", time_zone.clone())])
        }
        Schedule::Cron { expr, time_zone } => {
            say(ui, "cm-sched-cron", &[("cron", expr.clone()), ("zone", time_zone.clone())])
        }
    }
}

/// A saved search's filters in words ("subscribed, tag vip, opened in the last 30 days").
fn saved_search_words(f: &crate::contacts::saved::Filters, ui: &Language) -> String {
    use crate::domain::Status;
    let mut parts = Vec::new();
    if let Some(s) = &f.status {
        parts.push(match s.parse::<Status>() {
            Ok(Status::Pending) => ui.text("cm-ss-pending", None),
            Ok(Status::Subscribed) => ui.text("cm-ss-subscribed", None),
            Ok(Status::Unsubscribed) => ui.text("cm-ss-unsubscribed", None),
            Ok(Status::Bounced) => ui.text("cm-ss-bounced", None),
            Ok(Status::Complained) => ui.text("cm-ss-complained", None),
            Err(_) => s.replace('_', " "),
        });
    }
    if let Some(t) = &f.tag {
        parts.push(say(ui, "cm-ss-tag", &[("tag", t.clone())]));
    }
    if let Some(l) = &f.list {
        parts.push(say(ui, "cm-ss-list", &[("list", l.clone())]));
    }
    if let Some(c) = &f.consent {
        parts.push(match c.split_once(':') {
            Some((purpose, "granted")) => say(ui, "cm-ss-granted", &[("purpose", purpose.to_string())]),
            Some((purpose, "withdrawn")) => say(ui, "cm-ss-withdrawn", &[("purpose", purpose.to_string())]),
            _ => c.replace(':', " "),
        });
    }
    if let Some(e) = &f.engagement {
        parts.push(match e.as_str() {
            "opened_30d" => ui.text("cm-ss-opened-30d", None),
            "clicked_30d" => ui.text("cm-ss-clicked-30d", None),
            "not_opened_90d" => ui.text("cm-ss-not-opened-90d", None),
            "inactive_180d" => ui.text("cm-ss-inactive-180d", None),
            "buyers" => ui.text("cm-ss-buyers", None),
            other => other.to_string(),
        });
    }
    if parts.is_empty() {
        ui.text("cm-ss-everyone", None)
    } else {
        parts.join(", ")
    }
}

/// A lawful basis as the admin catalogue names it.
fn basis_key(b: crate::domain::LawfulBasis) -> &'static str {
    use crate::domain::LawfulBasis;
    match b {
        LawfulBasis::Consent => "cm-basis-consent",
        LawfulBasis::Contract => "cm-basis-contract",
        LawfulBasis::LegitimateInterest => "cm-basis-legitimate-interest",
        LawfulBasis::LegalObligation => "cm-basis-legal-obligation",
    }
}

/// A campaign's state as the admin catalogue names it.
pub(super) fn state_key(s: CampaignState) -> &'static str {
    match s {
        CampaignState::Draft => "campaign-state-draft",
        CampaignState::Scheduled => "campaign-state-scheduled",
        CampaignState::Sending => "campaign-state-sending",
        CampaignState::Paused => "campaign-state-paused",
        CampaignState::Sent => "campaign-state-sent",
        CampaignState::Cancelled => "campaign-state-cancelled",
        CampaignState::Failed => "campaign-state-failed",
        CampaignState::Testing => "campaign-state-testing",
    }
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let ui = super::ui_language(&state, &g);
    let rows = blocking(move || -> Result<Vec<minijinja::Value>, ApiError> {
        let mut rows = Vec::new();
        let lists = st.lists.all()?;
        let saved_searches = st.saved_searches.all()?;
        let all_segments = st.segments.segments().all()?;
        for c in st.sending.campaigns.all()? {
            let saved = st.sending.campaigns.saved_search(&c.id)?;
            let saved_name = saved_searches.iter().find(|s| Some(s.id) == saved).map(|s| s.name.as_str());
            let segments = SegmentNames::of(&st.sending.campaigns.targets(&c.id)?, &all_segments, ui);
            let stats = st.sending.live_stats(&c.id).map_or_else(|| st.sending.campaigns.stats(&c.id), Ok)?;
            rows.push(context! {
                id => c.id.to_string(), name => c.name, state => c.state.as_str(), state_label => ui.text(state_key(c.state), None),
                audience => audience_words(&c.audience, &lists, saved_name, &segments, ui), schedule => c.schedule.as_ref().map(|s| schedule_words(s, ui)),
                next_run => c.next_run, created_at => c.created_at, finished_at => c.finished_at,
                sent => stats.sent, queued => stats.queued, failed => stats.failed, percent => stats.percent(),
            });
        }
        Ok(rows)
    })
    .await?;
    page(&state, &g, "campaigns.html", "campaigns", context! { campaigns => rows, notice => notice(q.ok.as_deref()) })
}

#[derive(Deserialize)]
pub struct NewForm {
    name: String,
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    CsrfForm(form): CsrfForm<NewForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let typed = form.name.clone();
    let input = CampaignInput {
        name: Some(form.name),
        subject: Some(String::new()),
        body: Some("Hello {{ first_name | default(\"there\") }},\n\n".into()),
        ..Default::default()
    };
    match blocking(move || Ok::<_, ApiError>(sops::create_campaign(&st, by, &input))).await? {
        Ok(c) => Ok(see_other(&format!("/campaigns/{}", c.id))),
        Err(OpError::Invalid { message, .. }) => {
            let r = page(
                &state,
                &g,
                "campaigns.html",
                "campaigns",
                context! { campaigns => Vec::<()>::new(), new_error => message, new_name => typed },
            )?;
            Ok(unprocessable(r))
        }
        Err(e) => Err(e.into()),
    }
}

/// Everything the editor and progress page show.
async fn render(
    state: &web::Data<AppState>,
    g: &Principal,
    id: CampaignId,
    extra: minijinja::Value,
) -> Result<HttpResponse, ApiError> {
    render_typed(state, g, id, extra, None).await
}

/// The editor with what was typed in it (`typed`) in place of what is saved: a refused form
/// comes back as it was sent, with the field named.
async fn render_typed(
    state: &web::Data<AppState>,
    g: &Principal,
    id: CampaignId,
    extra: minijinja::Value,
    typed: Option<EditorForm>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let ui = super::ui_language(state, g);
    let ctx = blocking(move || -> Result<minijinja::Value, ApiError> {
        let mut c = sops::campaign(&st, &id)?;
        let mut typed_search = None;
        let mut send_time_hours = st.sendtime.option(&c.id)?.map(|o| o.hours.to_string()).unwrap_or_default();
        let mut targets = st.sending.campaigns.targets(&c.id)?;
        if let Some(f) = &typed {
            if c.state.editable() {
                c.name = f.name.clone();
                c.subject = f.subject.clone();
                c.body = f.body.clone();
                c.format = if f.format == "html" { BodyFormat::Html } else { BodyFormat::Markdown };
                c.layout = f.layout.clone();
                if !f.purpose.is_empty() {
                    c.purpose = f.purpose.clone();
                }
                c.audience.lists = f.lists.clone();
                c.audience.tags = f.tags.split(',').map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
                c.audience.search = f.search.clone();
                c.relay = f.relay.clone();
                c.sender = f.sender.clone();
                c.preheader = f.preheader.clone();
                typed_search = Some(f.saved_search.clone());
                send_time_hours = f.send_time_hours.clone();
                // Ids as typed: one that does not parse was refused and is shown unticked.
                targets.include = f.segments.iter().filter_map(|s| s.parse().ok()).collect();
                targets.exclude = f.exclude_segments.iter().filter_map(|s| s.parse().ok()).collect();
            }
        }
        let stats = st.sending.live_stats(&c.id).map_or_else(|| st.sending.campaigns.stats(&c.id), Ok)?;
        let (size, exact) = sops::audience_size(&st, &c).unwrap_or((0, true));
        // Recipients waiting for their best hour (send-time optimisation), counted from the
        // outbox on this page only (the list does not walk every campaign's slots).
        let waiting = match st.sendtime.option(&c.id)? {
            Some(o) if !c.state.editable() => {
                let t = st.sending.outbox.tally(&c.id)?;
                let next = t.next_waiting.and_then(|at| chrono::DateTime::from_timestamp(at, 0));
                Some(context! { count => t.waiting, next => next, hours => o.hours })
            }
            _ => None,
        };
        let lists = st.lists.all()?;
        let purposes = st.purposes.all()?;
        let layouts: Vec<_> = st.sending.templates.layouts()?.into_iter().map(|t| context! { key => t.key, name => t.name }).collect();
        let relays: Vec<String> = st.mailer.transports().map(|t| t.name().to_string()).collect();
        // The senders a campaign may name: the verified ones (and the one it names, so that the
        // editor shows it even if it no longer qualifies; sending then says why not).
        let snapshot = st.settings.snapshot()?;
        let default_sender = crate::senders::default_sender(&st.config, &snapshot.settings, &snapshot.senders);
        let senders: Vec<minijinja::Value> = snapshot
            .senders
            .senders
            .iter()
            .filter(|s| crate::senders::verified_by(&st.config, s).is_some() || s.address == c.sender)
            .map(|s| context! { address => s.address, name => if s.name.is_empty() { snapshot.settings.organisation.clone() } else { s.name.clone() } })
            .collect();
        let saved_id = st.sending.campaigns.saved_search(&c.id)?;
        let saved_searches = st.saved_searches.all()?;
        let saved_name = saved_searches.iter().find(|s| Some(s.id) == saved_id).map(|s| s.name.clone());
        let all_segments = st.segments.segments().all()?;
        let audience = audience_words(&c.audience, &lists, saved_name.as_deref(), &SegmentNames::of(&targets, &all_segments, ui), ui);
        // Every segment, with its size now, and one the campaign names that was deleted since
        // (ticked, so that leaving it out is a choice the form shows, never a silent one).
        let mut segment_views = Vec::new();
        for s in &all_segments {
            let ready = s.build.is_ready();
            segment_views.push(context! {
                id => s.id.to_string(), name => s.name, ready => ready,
                size => if ready { Some(st.segments.segments().size(&s.id)?) } else { None },
                include => targets.include.contains(&s.id), exclude => targets.exclude.contains(&s.id),
            });
        }
        for gone in targets.include.iter().chain(&targets.exclude).filter(|id| !all_segments.iter().any(|s| &s.id == *id)) {
            segment_views.push(context! {
                id => gone.to_string(), name => ui.text("cm-aud-segment-deleted", None), ready => false, deleted => true,
                include => targets.include.contains(gone), exclude => targets.exclude.contains(gone),
            });
        }
        // Purposes by their name in the staff member's language.
        let mut purpose_views = Vec::new();
        let mut purpose_name = c.purpose.clone();
        for p in &purposes {
            let name = st.purposes.name_in(p, &ui.code)?;
            if p.key == c.purpose {
                purpose_name = name.clone();
            }
            purpose_views.push(context! { key => p.key, name => name, basis => ui.text(basis_key(p.basis), None) });
        }
        let parent = c.parent.and_then(|p| st.sending.campaigns.get(&p).ok().flatten()).map(|p| context! { id => p.id.to_string(), name => p.name });
        // The campaign in other languages: one entry per catalogue language but the shop's.
        let stored_variants = st.sending.campaigns.variants(&c.id)?;
        let shop_language = st.settings.get()?.language;
        let variants: Vec<minijinja::Value> = crate::i18n::catalogue()
            .languages()
            .iter()
            .filter(|l| l.code != shop_language)
            .map(|l| {
                let v = stored_variants.get(&l.code).cloned().unwrap_or_default();
                context! {
                    code => l.code, name => l.name, given => stored_variants.contains_key(&l.code),
                    subject => v.subject, preheader => v.preheader, body => v.body,
                }
            })
            .collect();
        let ab = ab_view(&st, &c, ui)?;
        Ok(context! {
            variants => variants,
            ab => ab,
            c => context! {
                id => c.id.to_string(), name => c.name, subject => c.subject, body => c.body,
                format => match c.format { BodyFormat::Markdown => "markdown", BodyFormat::Html => "html" },
                layout => c.layout, purpose => c.purpose, purpose_name => purpose_name, lists => c.audience.lists, tags => c.audience.tags.join(", "),
                search => c.audience.search, relay => c.relay, sender => c.sender, preheader => c.preheader,
                send_time_hours => send_time_hours,
                state => c.state.as_str(), state_label => ui.text(state_key(c.state), None),
                editable => c.state.editable(), audience => audience,
                pause_reason => (c.state == CampaignState::Paused).then_some(&c.state_reason),
                failure_reason => (c.state == CampaignState::Failed).then_some(&c.state_reason),
                saved_search => typed_search.unwrap_or_else(|| saved_id.map(|s| s.to_string()).unwrap_or_default()),
                schedule => c.schedule.as_ref().map(|s| schedule_words(s, ui)), next_run => c.next_run,
                recurring => matches!(c.schedule, Some(Schedule::Cron { .. })),
                started_at => c.started_at, finished_at => c.finished_at, created_at => c.created_at,
            },
            parent => parent,
            waiting => waiting,
            stats => context! {
                queued => stats.queued, sent => stats.sent, failed => stats.failed, skipped => stats.skipped,
                retrying => stats.retrying, percent => stats.percent(), complete => stats.audience_complete,
                last_error => stats.last_error,
            },
            audience_size => size, audience_exact => exact,
            segments => segment_views,
            lists => lists.iter().map(|l| context! { slug => l.slug, name => l.name }).collect::<Vec<_>>(),
            purposes => purpose_views,
            layouts => layouts, relays => relays, senders => senders,
            default_sender => context! { address => default_sender.address, name => default_sender.name },
            saved_searches => saved_searches.iter().map(|s| context! { id => s.id.to_string(), name => s.name, describe => saved_search_words(&s.filters, ui) }).collect::<Vec<_>>(),
            zones => chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect::<Vec<_>>(),
            typed_contact => typed.as_ref().map(|f| f.contact.clone()).unwrap_or_default(),
            typed_to => typed.as_ref().map(|f| f.to.clone()).unwrap_or_default(),
        })
    })
    .await?;
    page(state, g, "campaign.html", "campaigns", context! { ..ctx, ..extra })
}

/// The A/B test section's context: the stored test (or the empty form), B to D always (the
/// form shows three; an empty one is no variant).
fn ab_view(st: &AppState, c: &Campaign, ui: &Language) -> Result<minijinja::Value, ApiError> {
    use crate::sending::abtest::{self, Metric};
    let stored = st.sending.campaigns.ab(&c.id)?;
    let ab = stored.clone().unwrap_or_default();
    let variants: Vec<minijinja::Value> = (1..abtest::MAX_VARIANTS)
        .map(|i| {
            let ch = ab.changes(i);
            context! {
                letter => abtest::letter(i).to_string(), key => abtest::letter(i).to_ascii_lowercase().to_string(),
                subject => ch.subject, sender_name => ch.sender_name, preheader => ch.preheader, body => ch.body,
            }
        })
        .collect();
    let metrics: Vec<minijinja::Value> = Metric::ALL
        .iter()
        .map(|m| context! { key => m.as_str(), name => ui.text(super::reports::metric_key(*m), None) })
        .collect();
    let waiting = stored.as_ref().is_some_and(|a| !a.rest_started)
        && matches!(c.state, CampaignState::Sending | CampaignState::Paused | CampaignState::Testing);
    Ok(context! {
        given => stored.is_some(), variants => variants, metrics => metrics,
        test_percent => ab.test_percent, metric => ab.metric.as_str(), wait_hours => ab.wait_hours,
        metric_name => ui.text(super::reports::metric_key(ab.metric), None), unreliable => ab.metric.unreliable(),
        arms => (0..ab.arms()).map(|i| abtest::letter(i).to_string()).collect::<Vec<_>>(),
        decide_at => ab.decide_at, winner => ab.winner.map(|w| abtest::letter(usize::from(w)).to_string()),
        decision => ab.decision.map(|d| super::reports::decision_key(d.as_str())), waiting => waiting,
        min_recipients => crate::domain::abtest::MIN_TRIALS, min_events => crate::domain::abtest::MIN_EVENTS,
        min_percent => abtest::MIN_PERCENT, max_percent => abtest::MAX_PERCENT,
        min_wait => abtest::MIN_WAIT_HOURS, max_wait => abtest::MAX_WAIT_HOURS,
    })
}

/// The A/B test's form: variants B to D by field and letter, then the settings.
#[derive(Deserialize, serde::Serialize, Default)]
pub struct AbForm {
    #[serde(default)]
    subject_b: String,
    #[serde(default)]
    sender_name_b: String,
    #[serde(default)]
    preheader_b: String,
    #[serde(default)]
    body_b: String,
    #[serde(default)]
    subject_c: String,
    #[serde(default)]
    sender_name_c: String,
    #[serde(default)]
    preheader_c: String,
    #[serde(default)]
    body_c: String,
    #[serde(default)]
    subject_d: String,
    #[serde(default)]
    sender_name_d: String,
    #[serde(default)]
    preheader_d: String,
    #[serde(default)]
    body_d: String,
    #[serde(default)]
    test_percent: String,
    #[serde(default)]
    metric: String,
    #[serde(default)]
    wait_hours: String,
}

impl AbForm {
    /// As the API takes it: a variant left wholly empty is no variant.
    fn input(&self) -> crate::sending::abtest::AbInput {
        use crate::sending::abtest::{AbInput, ChangesInput};
        let variants = [
            (&self.subject_b, &self.sender_name_b, &self.preheader_b, &self.body_b),
            (&self.subject_c, &self.sender_name_c, &self.preheader_c, &self.body_c),
            (&self.subject_d, &self.sender_name_d, &self.preheader_d, &self.body_d),
        ]
        .into_iter()
        .filter(|(s, n, p, b)| [s, n, p, b].iter().any(|f| !f.trim().is_empty()))
        .map(|(s, n, p, b)| ChangesInput {
            subject: s.clone(),
            sender_name: n.clone(),
            preheader: p.clone(),
            body: b.clone(),
        })
        .collect();
        AbInput {
            variants,
            test_percent: Some(self.test_percent.clone().into()),
            metric: Some(self.metric.clone()),
            wait_hours: Some(self.wait_hours.clone().into()),
        }
    }
}

/// Saves the draft's A/B test; a refused form comes back as typed, the field named.
pub async fn save_ab(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(f): CsrfForm<AbForm>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by, input) = (state.clone(), g.by(), f.input());
    match blocking(move || Ok::<_, ApiError>(crate::sending::abtest::set(&st, by, &id, &input))).await? {
        Ok(_) => Ok(see_other(&format!("/campaigns/{id}?ok=saved#ab-test"))),
        Err(e @ (OpError::Invalid { .. } | OpError::Conflict(_))) => {
            let (field, message) = match e {
                OpError::Invalid { field, message } => (field, message),
                other => ("ab", other.to_string()),
            };
            let extra = context! {
                ab_error => context! { field => field, message => message },
                ab_typed => minijinja::Value::from_serialize(&f),
            };
            render(&state, &g, id, extra).await.map(super::unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_ab(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    match blocking(move || Ok::<_, ApiError>(crate::sending::abtest::remove(&st, by, &id))).await? {
        Ok(()) => Ok(see_other(&format!("/campaigns/{id}?ok=saved#ab-test"))),
        Err(OpError::Conflict(m)) => {
            render(&state, &g, id, context! { errors => errors("send", m) }).await.map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct WinnerForm {
    #[serde(default)]
    variant: String,
}

/// "Send the winner now" (no variant: the one leading, A when too few to tell) or "send X".
pub async fn choose_ab(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(f): CsrfForm<WinnerForm>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let variant = f.variant.clone();
    match blocking(move || Ok::<_, ApiError>(crate::sending::abtest::choose(&st, by, &id, Some(&variant)))).await? {
        Ok(_) => Ok(see_other(&format!("/campaigns/{id}?ok=saved#ab-test"))),
        Err(OpError::Conflict(m)) | Err(OpError::Invalid { message: m, .. }) => {
            render(&state, &g, id, context! { errors => errors("send", m) }).await.map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, serde::Serialize, Default)]
pub struct VariantForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    preheader: String,
    #[serde(default)]
    body: String,
}

/// One language's version of the campaign, from its section in the editor.
pub async fn save_variant(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<(String, String)>,
    CsrfForm(f): CsrfForm<VariantForm>,
) -> Result<HttpResponse, ApiError> {
    let (raw, language) = path.into_inner();
    let id = campaign_id(&raw)?;
    let v = crate::sending::campaign::Variant {
        subject: f.subject.clone(),
        preheader: f.preheader.clone(),
        body: f.body.clone(),
    };
    let (st, by, l) = (state.clone(), g.by(), language.clone());
    let result = blocking(move || Ok::<_, ApiError>(sops::set_variant(&st, by, &id, &l, &v))).await?;
    match result {
        Ok(_) => Ok(see_other(&format!("/campaigns/{id}?ok=saved#lang-{language}"))),
        Err(OpError::Invalid { field, message }) => {
            let extra = context! {
                variant_error => context! { language => language, field => field, message => message },
                variant_typed => minijinja::Value::from_serialize(&f),
            };
            render(&state, &g, id, extra).await.map(super::unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

/// The campaign as a reader of one language gets it, for the sample contact: a document of its
/// own, with no script, as "view in browser" shows it.
pub async fn preview_language(
    state: web::Data<AppState>,
    _g: Guard<perm::SendCampaigns>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (raw, language) = path.into_inner();
    let id = campaign_id(&raw)?;
    let st = state.clone();
    let r = blocking(move || -> Result<_, ApiError> {
        let c = sops::campaign(&st, &id)?;
        Ok(sops::preview_in(&st, &c, None, &language)?)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; img-src data: https: 'self'; frame-ancestors 'self'; sandbox",
        ))
        .body(r.html))
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    // "Being sent" is true only while it is: a page reloaded after the end does not repeat it.
    let st = state.clone();
    let finished = blocking(move || st.sending.campaigns.get(&id)).await?.is_some_and(|c| c.state.finished());
    let ok = q.ok.as_deref().filter(|ok| !(finished && *ok == "campaign_started"));
    render(&state, &g, id, context! { notice => notice(ok) }).await
}

/// The editor's fields (also posted to the preview).
#[derive(Deserialize, Default, Clone)]
pub struct EditorForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    layout: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    lists: Vec<String>,
    #[serde(default)]
    tags: String,
    #[serde(default)]
    search: String,
    #[serde(default)]
    saved_search: String,
    #[serde(default)]
    segments: Vec<String>,
    #[serde(default)]
    exclude_segments: Vec<String>,
    #[serde(default)]
    relay: String,
    #[serde(default)]
    sender: String,
    #[serde(default)]
    preheader: String,
    /// Send-time optimisation's window in hours; empty: everyone at once.
    #[serde(default)]
    send_time_hours: String,
    /// Preview and test-send: the contact to render for (address or id).
    #[serde(default)]
    contact: String,
    /// Test-send: addresses.
    #[serde(default)]
    to: String,
}

impl EditorForm {
    fn input(&self) -> CampaignInput {
        CampaignInput {
            name: Some(self.name.clone()),
            subject: Some(self.subject.clone()),
            body: Some(self.body.clone()),
            format: Some(if self.format == "html" { BodyFormat::Html } else { BodyFormat::Markdown }),
            layout: Some(self.layout.clone()),
            purpose: (!self.purpose.is_empty()).then(|| self.purpose.clone()),
            lists: Some(self.lists.clone()),
            tags: Some(self.tags.split(',').map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect()),
            search: Some(self.search.clone()),
            saved_search: Some(self.saved_search.clone()),
            segments: Some(self.segments.clone()),
            exclude_segments: Some(self.exclude_segments.clone()),
            relay: Some(self.relay.clone()),
            sender: Some(self.sender.clone()),
            preheader: Some(self.preheader.clone()),
            send_time_hours: Some(serde_json::Value::String(self.send_time_hours.clone())),
        }
    }
}

fn errors(field: &str, message: String) -> BTreeMap<String, String> {
    BTreeMap::from([(field.to_string(), message)])
}

pub async fn save(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<EditorForm>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by, input) = (state.clone(), g.by(), form.input());
    let saved = blocking(move || {
        Ok::<_, ApiError>(sops::update_campaign(&st, by, &id, &input).map(|c| sops::prepare(&st, &c).err()))
    })
    .await?;
    match saved {
        Ok(None) => Ok(see_other(&format!("/campaigns/{id}?ok=campaign_saved"))),
        // Saved (a draft may be unfinished), but say now what will stop it from being sent.
        Ok(Some(e)) => {
            let field = match &e {
                OpError::Invalid { field, .. } => *field,
                _ => "body",
            };
            let message = say(super::ui_language(&state, &g), "cm-ed-saved-but", &[("error", e.to_string())]);
            render(&state, &g, id, context! { errors => errors(field, message) }).await
        }
        Err(OpError::Invalid { field, message }) => {
            render_typed(&state, &g, id, context! { errors => errors(field, message) }, Some(form))
                .await
                .map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

/// The contact named in the preview box: an address or an id; empty is the sample contact.
fn find_contact(state: &AppState, raw: &str, ui: &Language) -> Result<Option<Contact>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let found = if let Ok(id) = raw.parse() {
        state.contacts.resolve(&id).map_err(|e| e.to_string())?
    } else {
        let email = EmailAddress::parse(raw).map_err(|e| format!("`{raw}`: {e}"))?;
        state.contacts.find_by_email(&email).map_err(|e| e.to_string())?
    };
    found.map(Some).ok_or_else(|| say(ui, "cm-ed-no-contact", &[("contact", raw.to_string())]))
}

/// The campaign as it stands in the editor (saved or not), rendered for one contact, as a
/// document of its own.
pub async fn preview(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<EditorForm>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let viewer = g.viewer();
    let st = state.clone();
    let ui = super::ui_language(&state, &g);
    let doc = blocking(move || -> Result<Result<String, String>, ApiError> {
        let mut c = sops::campaign(&st, &id)?;
        if c.state.editable() {
            c.subject = form.subject.clone();
            c.body = form.body.replace("\r\n", "\n");
            c.format = if form.format == "html" { BodyFormat::Html } else { BodyFormat::Markdown };
            c.layout = form.layout.clone();
        }
        let contact = match find_contact(&st, &form.contact, ui) {
            Ok(c) => c.map(|c| viewer.contact(c)),
            Err(m) => return Ok(Err(error_doc(&m, ui))),
        };
        Ok(match sops::preview(&st, &c, contact.as_ref()) {
            Ok(r) => Ok(preview_doc(&r.subject, &r.html, ui)),
            Err(e) => Err(error_doc(&e.to_string(), ui)),
        })
    })
    .await?;
    Ok(framed(doc))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The rendered message with its subject on top.
fn preview_doc(subject: &str, html: &str, ui: &Language) -> String {
    let banner = format!(
        "<div style=\"font:14px system-ui,sans-serif;background:#eef2ff;padding:8px 12px;border-bottom:1px solid #c7d2fe\"><b>{}</b> {}</div>",
        escape(&ui.text("cm-preview-subject", None)),
        escape(subject)
    );
    match html.find("<body").and_then(|at| html[at..].find('>').map(|e| at + e + 1)) {
        Some(at) => format!("{}{banner}{}", &html[..at], &html[at..]),
        None => format!("{banner}{html}"),
    }
}

fn error_doc(message: &str, ui: &Language) -> String {
    format!(
        "<!doctype html><meta charset=\"utf-8\"><body style=\"font:15px system-ui,sans-serif;padding:16px;color:#991b1b\"><p role=\"alert\"><b>{}</b></p><p>{}</p></body>",
        escape(&ui.text("cm-preview-cannot-render", None)),
        escape(message)
    )
}

/// A preview for the editor's iframe: same-origin framing only, no script, no network. A
/// message that cannot be rendered is a 422 whose document says why (the part, the line, the
/// limit).
fn framed(doc: Result<String, String>) -> HttpResponse {
    let (mut response, doc) = match doc {
        Ok(doc) => (HttpResponse::Ok(), doc),
        Err(doc) => (HttpResponse::UnprocessableEntity(), doc),
    };
    response
        .content_type("text/html; charset=utf-8")
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox",
        ))
        .insert_header((header::X_FRAME_OPTIONS, "SAMEORIGIN"))
        .body(doc)
}

pub async fn test_send(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<EditorForm>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let ui = super::ui_language(&state, &g);
    let to: Result<Vec<EmailAddress>, String> = form
        .to
        .split([',', ';', '\n', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| EmailAddress::parse(s).map_err(|e| format!("`{s}`: {e}")))
        .collect();
    let to = match to {
        Ok(t) if !t.is_empty() => t,
        Ok(_) => {
            let e = context! { errors => errors("to", ui.text("cm-ed-test-no-address", None)) };
            return render_typed(&state, &g, id, e, Some(form)).await.map(unprocessable);
        }
        Err(m) => {
            return render_typed(&state, &g, id, context! { errors => errors("to", m) }, Some(form))
                .await
                .map(unprocessable)
        }
    };
    let st = state.clone();
    let contact_raw = form.contact.clone();
    let (c, contact) = blocking(move || -> Result<_, ApiError> {
        let c: Campaign = sops::campaign(&st, &id)?;
        Ok((c, find_contact(&st, &contact_raw, ui)))
    })
    .await?;
    // A test message is a preview by mail: it shows what the preview would.
    let contact = match contact {
        Ok(c) => c.map(|c| g.viewer().contact(c)),
        Err(m) => {
            return render_typed(&state, &g, id, context! { errors => errors("contact", m) }, Some(form))
                .await
                .map(unprocessable)
        }
    };
    match sops::test_send(&state, &c, contact.as_ref(), &to).await {
        Ok(results) => {
            let results: Vec<String> = results
                .iter()
                .map(|r| match &r.failure {
                    None => say(ui, "cm-ed-test-sent", &[("to", r.to.clone())]),
                    Some(why) => say(ui, "cm-ed-test-not-sent", &[("to", r.to.clone()), ("why", why.clone())]),
                })
                .collect();
            render(&state, &g, id, context! { test_results => results }).await
        }
        Err(OpError::Invalid { field, message }) => {
            render_typed(&state, &g, id, context! { errors => errors(field, message) }, Some(form))
                .await
                .map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct SendForm {
    /// "now", "at" or "cron".
    #[serde(default)]
    when: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    cron: String,
    #[serde(default)]
    time_zone: String,
}

pub async fn send(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<SendForm>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let schedule = match form.when.as_str() {
        "at" => sops::parse_local(&form.date, &form.time)
            .map_err(|m| ("date", m))
            .and_then(|local| Schedule::at(local, &form.time_zone).map_err(|m| ("time_zone", m)))
            .map(Some),
        "cron" => Schedule::cron(&form.cron, &form.time_zone).map(Some).map_err(|m| ("cron", m)),
        _ => Ok(None),
    };
    let schedule = match schedule {
        Ok(s) => s,
        Err((field, m)) => {
            return render(&state, &g, id, context! { errors => errors(field, m) }).await.map(unprocessable)
        }
    };
    let (st, by) = (state.clone(), g.by());
    let scheduled = schedule.is_some();
    match blocking(move || Ok::<_, ApiError>(sops::schedule_campaign(&st, by, &id, schedule))).await? {
        Ok(_) => Ok(see_other(&format!(
            "/campaigns/{id}?ok={}",
            if scheduled { "campaign_scheduled" } else { "campaign_started" }
        ))),
        Err(OpError::Invalid { field, message }) => {
            render(&state, &g, id, context! { errors => errors(field, message) }).await.map(unprocessable)
        }
        Err(OpError::Conflict(m)) => {
            render(&state, &g, id, context! { errors => errors("send", m) }).await.map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

macro_rules! transition {
    ($name:ident, $op:path, $ok:literal) => {
        pub async fn $name(
            state: web::Data<AppState>,
            g: Guard<perm::SendCampaigns>,
            path: web::Path<String>,
            _f: CsrfForm<super::Empty>,
        ) -> Result<HttpResponse, ApiError> {
            let id = campaign_id(&path)?;
            let (st, by) = (state.clone(), g.by());
            match blocking(move || Ok::<_, ApiError>($op(&st, by, &id))).await? {
                Ok(c) => Ok(see_other(&format!("/campaigns/{}?ok={}", c.id, $ok))),
                Err(OpError::Conflict(m)) | Err(OpError::Invalid { message: m, .. }) => {
                    render(&state, &g, id, context! { errors => errors("send", m) }).await.map(unprocessable)
                }
                Err(e) => Err(e.into()),
            }
        }
    };
}

transition!(pause, sops::pause_campaign, "campaign_paused");
transition!(resume, sops::resume_campaign, "campaign_resumed");
transition!(cancel, sops::cancel_campaign, "campaign_cancelled");
transition!(unschedule, sops::unschedule_campaign, "campaign_unscheduled");
transition!(duplicate, sops::duplicate_campaign, "campaign_duplicated");

pub async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    match blocking(move || Ok::<_, ApiError>(sops::delete_campaign(&st, by, &id))).await? {
        Ok(()) => Ok(see_other("/campaigns?ok=campaign_deleted")),
        Err(OpError::Conflict(m)) => {
            render(&state, &g, id, context! { errors => errors("send", m) }).await.map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

// ---- templates

/// A template's kind as the admin catalogue names it.
fn kind_key(k: TemplateKind) -> &'static str {
    match k {
        TemplateKind::Message => "cm-tpl-kind-message",
        TemplateKind::Layout => "cm-tpl-kind-layout",
    }
}

/// The built-in messages' names as first stored, and the admin catalogue's message naming each.
const BUILT_IN_NAMES: [(&str, &str); 4] = [
    (crate::sending::templates::CONFIRM_SUBSCRIPTION, "cm-tpl-name-confirm-subscription"),
    (crate::sending::templates::PRIVACY_LINK, "cm-tpl-name-privacy-link"),
    (crate::sending::templates::REQUEST_OUTCOME, "cm-tpl-name-request-outcome"),
    (crate::sending::templates::BREACH_NOTICE, "cm-tpl-name-breach-notice"),
];

/// A template's name: a built-in message the shop has not renamed is named in the staff
/// member's language (as shipped purposes are); every other name is the shop's own.
fn template_name(t: &crate::sending::Template, ui: &Language) -> String {
    let shipped = BUILT_IN_NAMES.iter().find(|(key, _)| t.system && *key == t.key).map(|(_, message)| *message);
    match shipped {
        Some(message) if t.name == crate::i18n::admin_catalogue().source().text(message, None) => {
            ui.text(message, None)
        }
        _ => t.name.clone(),
    }
}

pub async fn templates(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    render_templates(&state, &g, context! { notice => notice(q.ok.as_deref()) }).await
}

async fn render_templates(
    state: &web::Data<AppState>,
    g: &Principal,
    extra: minijinja::Value,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let ui = super::ui_language(state, g);
    let all = blocking(move || st.sending.templates.all().map_err(ApiError::from)).await?;
    let rows: Vec<_> = all
        .iter()
        .map(|t| context! {
            key => t.key, name => template_name(t, ui), kind => t.kind.as_str(), kind_label => ui.text(kind_key(t.kind), None),
            system => t.system, updated_at => t.updated_at,
        })
        .collect();
    page(state, g, "templates.html", "templates", context! { templates => rows, ..extra })
}

#[derive(Deserialize, Default, Clone)]
pub struct TemplateForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    layout: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    data: String,
    /// The language the preview shows (a catalogue code; empty: the base text).
    #[serde(default)]
    preview_lang: String,
    /// `translations.<code>.subject` and `translations.<code>.body` (and the CSRF token).
    #[serde(flatten)]
    rest: BTreeMap<String, String>,
}

impl TemplateForm {
    /// The language versions typed, by code; None when the form has none (a layout, the list
    /// page's "new template" form): the stored ones then stay.
    fn translations(&self) -> Option<BTreeMap<String, VariantInput>> {
        let mut out: BTreeMap<String, VariantInput> = BTreeMap::new();
        for (k, v) in &self.rest {
            let Some((code, part)) = k.strip_prefix("translations.").and_then(|r| r.split_once('.')) else { continue };
            let entry = out.entry(code.to_string()).or_default();
            match part {
                "subject" => entry.subject = v.clone(),
                "body" => entry.body = v.clone(),
                _ => {}
            }
        }
        (!out.is_empty()).then_some(out)
    }

    fn input(&self) -> TemplateInput {
        TemplateInput {
            translations: self.translations(),
            key: Some(self.key.clone()),
            name: Some(self.name.clone()),
            kind: Some(if self.kind == "layout" { TemplateKind::Layout } else { TemplateKind::Message }),
            subject: Some(self.subject.clone()),
            body: Some(self.body.clone()),
            format: Some(if self.format == "html" { BodyFormat::Html } else { BodyFormat::Markdown }),
            layout: Some(self.layout.clone()),
        }
    }
}

pub async fn create_template(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    CsrfForm(form): CsrfForm<TemplateForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, input) = (state.clone(), g.by(), form.input());
    let body = if form.kind == "layout" {
        crate::mail::template::DEFAULT_LAYOUT.to_string()
    } else {
        "Hello {{ first_name | default(\"there\") }},\n".into()
    };
    let input = TemplateInput {
        body: Some(body),
        subject: Some(if form.kind == "layout" { String::new() } else { form.name.clone() }),
        ..input
    };
    match blocking(move || Ok::<_, ApiError>(sops::save_template(&st, by, None, &input))).await? {
        Ok(t) => Ok(see_other(&format!("/templates/{}", t.key))),
        Err(OpError::Invalid { field, message }) => render_templates(
            &state,
            &g,
            context! { errors => errors(field, message), form_key => form.key, form_name => form.name },
        )
        .await
        .map(unprocessable),
        Err(OpError::Conflict(message)) => render_templates(
            &state,
            &g,
            context! { errors => errors("key", message), form_key => form.key, form_name => form.name },
        )
        .await
        .map(unprocessable),
        Err(e) => Err(e.into()),
    }
}

async fn render_template(
    state: &web::Data<AppState>,
    g: &Principal,
    key: String,
    extra: minijinja::Value,
) -> Result<HttpResponse, ApiError> {
    render_template_typed(state, g, key, extra, None).await
}

/// The template editor with what was typed in it in place of what is saved.
async fn render_template_typed(
    state: &web::Data<AppState>,
    g: &Principal,
    key: String,
    extra: minijinja::Value,
    typed: Option<TemplateForm>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let (t, layouts, versions, edited_alone) = blocking(move || -> Result<_, ApiError> {
        let mut t = st.sending.templates.get(&key)?.ok_or(ApiError::not_found("template"))?;
        // What was typed in each language's fields, kept as typed (a refused version too).
        let mut typed_versions: BTreeMap<String, (String, String)> =
            t.translations.iter().map(|(k, v)| (k.clone(), (v.subject.clone(), v.body.clone()))).collect();
        if let Some(f) = typed {
            if let Some(tr) = f.translations() {
                typed_versions = tr.into_iter().map(|(k, v)| (k, (v.subject, v.body))).collect();
            }
            t.name = f.name;
            t.subject = f.subject;
            t.body = f.body;
            t.format = if f.format == "html" { BodyFormat::Html } else { BodyFormat::Markdown };
            t.layout = f.layout;
        }
        let versions: Vec<_> = crate::i18n::catalogue()
            .languages()
            .iter()
            .map(|l| {
                let (subject, body) = typed_versions.get(&l.code).cloned().unwrap_or_default();
                let (subject_field, body_field) =
                    crate::sending::templates::variant_fields(&l.code).unwrap_or(("translations", "translations"));
                context! {
                    code => l.code, name => l.name, subject => subject, body => body,
                    subject_field => subject_field, body_field => body_field,
                }
            })
            .collect();
        // A built-in message the shop had edited before versions existed keeps its text alone.
        let edited_alone = t.system
            && t.translations.is_empty()
            && crate::sending::templates::seed_variant(&t.key, crate::i18n::catalogue().source()).is_some();
        let layouts: Vec<_> = st
            .sending
            .templates
            .layouts()?
            .into_iter()
            .filter(|l| l.key != t.key)
            .map(|l| context! { key => l.key, name => l.name })
            .collect();
        Ok((t, layouts, versions, edited_alone))
    })
    .await?;
    let ui = super::ui_language(state, g);
    page(
        state,
        g,
        "template.html",
        "templates",
        context! {
            t => context! {
                key => t.key, title => template_name(&t, ui), name => t.name, kind => t.kind.as_str(),
                kind_label => ui.text(kind_key(t.kind), None), subject => t.subject, body => t.body,
                format => match t.format { BodyFormat::Markdown => "markdown", BodyFormat::Html => "html" },
                layout => t.layout, system => t.system, updated_at => t.updated_at,
            },
            layouts => layouts,
            versions => versions,
            edited_alone => edited_alone,
            breach_notice => t.key == crate::sending::templates::BREACH_NOTICE,
            ..extra
        },
    )
}

pub async fn template(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    render_template(&state, &g, path.into_inner(), context! { notice => notice(q.ok.as_deref()) }).await
}

pub async fn save_template(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<TemplateForm>,
) -> Result<HttpResponse, ApiError> {
    let key = path.into_inner();
    let (st, by, k) = (state.clone(), g.by(), key.clone());
    let input = TemplateInput { key: None, kind: None, ..form.input() };
    match blocking(move || Ok::<_, ApiError>(sops::save_template(&st, by, Some(&k), &input))).await? {
        Ok(_) => Ok(see_other(&format!("/templates/{key}?ok=template_saved"))),
        Err(OpError::Invalid { field, message }) => {
            render_template_typed(&state, &g, key, context! { errors => errors(field, message) }, Some(form))
                .await
                .map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_template(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let key = path.into_inner();
    let (st, by, k) = (state.clone(), g.by(), key.clone());
    match blocking(move || Ok::<_, ApiError>(sops::delete_template(&st, by, &k))).await? {
        Ok(()) => Ok(see_other("/templates?ok=template_deleted")),
        Err(OpError::Conflict(m)) => {
            render_template(&state, &g, key, context! { errors => errors("delete", m) }).await.map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

/// A template as it stands in the editor, rendered for a contact with sample `data`.
pub async fn preview_template(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<TemplateForm>,
) -> Result<HttpResponse, ApiError> {
    let key = path.into_inner();
    let viewer = g.viewer();
    let st = state.clone();
    let ui = super::ui_language(&state, &g);
    let doc = blocking(move || -> Result<Result<String, String>, ApiError> {
        let mut t = st.sending.templates.get(&key)?.ok_or(ApiError::not_found("template"))?;
        t.subject = form.subject.clone();
        t.body = form.body.replace("\r\n", "\n");
        t.format = if form.format == "html" || t.kind == TemplateKind::Layout {
            BodyFormat::Html
        } else {
            BodyFormat::Markdown
        };
        t.layout = form.layout.clone();
        if let Some(tr) = form.translations() {
            t.translations = tr
                .into_iter()
                .filter(|(_, v)| !v.subject.trim().is_empty() || !v.body.trim().is_empty())
                .map(|(k, v)| {
                    (k, crate::sending::templates::Variant { subject: v.subject, body: v.body.replace("\r\n", "\n") })
                })
                .collect();
        }
        let contact = match find_contact(&st, &form.contact, ui) {
            Ok(c) => c.map(|c| viewer.contact(c)).unwrap_or_else(sops::sample_contact),
            Err(m) => return Ok(Err(error_doc(&m, ui))),
        };
        let data: serde_json::Value = if form.data.trim().is_empty() {
            serde_json::json!({})
        } else {
            match serde_json::from_str(&form.data) {
                Ok(v) => v,
                Err(e) => return Ok(Err(error_doc(&say(ui, "cm-tpl-data-not-json", &[("error", e.to_string())]), ui))),
            }
        };
        // The version chosen in the editor; the base text is in the shop's language.
        let chosen = if form.preview_lang.is_empty() {
            let default = crate::sending::shop_language(&st);
            crate::sending::templates::Chosen { subject: &t.subject, body: &t.body, lang: default }
        } else {
            t.in_language(&form.preview_lang)
        };
        let (sample_subject, sample_body) =
            (ui.text("cm-tpl-layout-preview", None), ui.text("cm-tpl-layout-preview-body", None));
        let prepared = match t.kind {
            TemplateKind::Layout => crate::mail::PreparedCampaign::prepare(
                &crate::mail::CampaignSource {
                    subject: &sample_subject,
                    layout: &t.body,
                    body: &sample_body,
                    format: BodyFormat::Markdown,
                },
                crate::mail::Limits::default(),
            )
            .map_err(|e| e.to_string()),
            TemplateKind::Message => {
                st.sending.templates.prepare_text(&t, chosen.subject, chosen.body).map_err(|e| e.to_string())
            }
        };
        let prepared = match prepared {
            Ok(p) => p,
            Err(m) => return Ok(Err(error_doc(&m, ui))),
        };
        let mut data = data;
        crate::sending::templates::localize_data(&t.key, chosen.lang, &mut data);
        let mut fields = crate::sending::merge_fields(&contact);
        fields["data"] = data;
        let links = crate::mail::links::message_links(&st.config, st.store.keyring(), &contact.id, None);
        let (organisation, postal_address) = crate::sending::identity(&st);
        let legal_footer = crate::sending::legal_footer(&st, chosen.lang);
        let system = crate::mail::SystemLinks {
            organisation: &organisation,
            postal_address: &postal_address,
            legal_footer: &legal_footer,
            language: Some(chosen.lang),
            ..links.system_links()
        };
        Ok(match prepared.render(&fields, &system) {
            Ok(r) => Ok(preview_doc(&r.subject, &r.html, ui)),
            Err(e) => Err(error_doc(&e.to_string(), ui)),
        })
    })
    .await?;
    Ok(framed(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in messages are named in every language while the shop keeps the name they
    /// were stored with: the English message must be that very name.
    #[test]
    fn built_in_template_names_in_the_catalogue_are_the_stored_ones() {
        let en = crate::i18n::admin_catalogue().source();
        let de = crate::i18n::admin_catalogue().get("de");
        let seeds = crate::sending::templates::seeds();
        for (key, message) in BUILT_IN_NAMES {
            let t = seeds.iter().find(|t| t.key == key).unwrap();
            assert_eq!(en.text(message, None), t.name, "{key}");
            assert_eq!(template_name(t, en), t.name);
            assert_ne!(template_name(t, de), t.name, "{key} has a German name");
            let renamed = crate::sending::Template { name: "Unser Bestätigungsmail".into(), ..t.clone() };
            assert_eq!(template_name(&renamed, de), "Unser Bestätigungsmail", "a name the shop gave stays");
        }
        assert_eq!(seeds.iter().filter(|t| t.system).count(), BUILT_IN_NAMES.len(), "every built-in is named");
    }

    #[test]
    fn the_audience_and_the_schedule_in_words_in_english_and_german() {
        let a = crate::sending::campaign::Audience {
            lists: vec!["news".into()],
            tags: vec!["vip".into()],
            search: "berlin".into(),
        };
        let lists: Vec<crate::contacts::schema::List> = Vec::new();
        let en = crate::i18n::admin_catalogue().source();
        let de = crate::i18n::admin_catalogue().get("de");
        let none = SegmentNames::default();
        assert_eq!(
            audience_words(&a, &lists, Some("Buyers"), &none, en),
            "lists news or tags vip, matching “berlin”, within saved search “Buyers”"
        );
        assert_eq!(
            audience_words(&a, &lists, Some("Käufer"), &none, de),
            "Listen news oder Tags vip, passend zu „berlin“, innerhalb der gespeicherten Suche „Käufer“"
        );
        let segments = SegmentNames { include: vec!["Fans".into(), "Buyers".into()], exclude: vec!["Churned".into()] };
        let lists_only = crate::sending::campaign::Audience { lists: vec!["news".into()], ..Default::default() };
        assert_eq!(
            audience_words(&lists_only, &lists, None, &segments, en),
            "lists news or segments Fans, Buyers, leaving out members of segments Churned"
        );
        assert_eq!(
            audience_words(&lists_only, &lists, None, &segments, de),
            "Listen news oder Segmente Fans, Buyers, ohne Mitglieder der Segmente Churned"
        );
        let cron = Schedule::Cron { expr: "0 9 * * 1".into(), time_zone: "UTC".into() };
        assert_eq!(schedule_words(&cron, en), "every `0 9 * * 1` (UTC)");
        assert_eq!(schedule_words(&cron, de), "`0 9 * * 1` (UTC)");
    }
}
