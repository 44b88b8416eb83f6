//! Campaigns, templates and transactional messages under `/api/v1`.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::OptionalJson;
use crate::contacts::viewer::Viewer;
use crate::domain::{CampaignId, ContactId, EmailAddress, MailId};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::sending::ops::{self as sops, CampaignInput, NewMessage, Queued, TemplateInput};
use crate::sending::{abtest, Campaign, Schedule};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/campaigns", web::get().to(list))
        .route("/campaigns", web::post().to(create))
        .route("/campaigns/{id}", web::get().to(get))
        .route("/campaigns/{id}", web::patch().to(update))
        .route("/campaigns/{id}", web::delete().to(delete))
        .route("/campaigns/{id}/send", web::post().to(send))
        .route("/campaigns/{id}/unschedule", web::post().to(unschedule))
        .route("/campaigns/{id}/pause", web::post().to(pause))
        .route("/campaigns/{id}/resume", web::post().to(resume))
        .route("/campaigns/{id}/cancel", web::post().to(cancel))
        .route("/campaigns/{id}/duplicate", web::post().to(duplicate))
        .route("/campaigns/{id}/preview", web::post().to(preview))
        .route("/campaigns/{id}/variants/{language}", web::put().to(put_variant))
        .route("/campaigns/{id}/audience-count", web::post().to(audience_count))
        .route("/campaigns/{id}/test", web::post().to(test_send))
        .route("/campaigns/{id}/ab", web::get().to(get_ab))
        .route("/campaigns/{id}/ab", web::put().to(put_ab))
        .route("/campaigns/{id}/ab", web::delete().to(delete_ab))
        .route("/campaigns/{id}/ab/winner", web::post().to(choose_winner))
        .route("/templates", web::get().to(list_templates))
        .route("/templates", web::post().to(create_template))
        .route("/templates/{key}", web::get().to(get_template))
        .route("/templates/{key}", web::patch().to(update_template))
        .route("/templates/{key}", web::delete().to(delete_template))
        .route("/messages", web::post().to(send_message))
        .route("/messages/{id}", web::get().to(message_status));
}

fn campaign_id(raw: &str) -> Result<CampaignId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("campaign"))
}

fn view(state: &AppState, c: &Campaign) -> Result<Value, ApiError> {
    let stats = match state.sending.live_stats(&c.id) {
        Some(s) => s,
        None => state.sending.campaigns.stats(&c.id)?,
    };
    let mut v = c.to_json(&stats);
    v["audience"]["saved_search"] = json!(state.sending.campaigns.saved_search(&c.id)?);
    let targets = state.sending.campaigns.targets(&c.id)?;
    v["audience"]["segments"] = json!(targets.include);
    v["audience"]["exclude_segments"] = json!(targets.exclude);
    v["variants"] = json!(state.sending.campaigns.variants(&c.id)?);
    v["ab_test"] = state.sending.campaigns.ab(&c.id)?.map_or(Value::Null, |ab| ab.to_json(c));
    v["send_time_hours"] = json!(state.sendtime.option(&c.id)?.map(|o| o.hours));
    Ok(v)
}

/// `GET /campaigns/{id}/ab`: the campaign's A/B test and its figures by variant so far.
async fn get_ab(
    state: web::Data<AppState>,
    _g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let st = state.clone();
    let v = blocking(move || -> Result<Value, ApiError> {
        let c = sops::campaign(&st, &id)?;
        let ab = st.sending.campaigns.ab(&id)?.ok_or(ApiError::not_found("A/B test"))?;
        let report = abtest::report(&st, &c, &ab)?;
        Ok(json!({ "ab_test": ab.to_json(&c), "report": report }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// `PUT /campaigns/{id}/ab` `{variants: [{subject, sender_name, preheader, body}, …], test_percent,
/// metric, wait_hours}` on a draft: `variants` are B to D, each with only what it changes.
async fn put_ab(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<abtest::AbInput>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || -> Result<Value, ApiError> {
        let ab = abtest::set(&st, by, &id, &body)?;
        let c = sops::campaign(&st, &id)?;
        Ok(json!({ "ab_test": ab.to_json(&c) }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn delete_ab(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || abtest::remove(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct WinnerBody {
    /// "B": that variant; absent: the one the figures favour now (A when too few to tell).
    variant: Option<String>,
}

/// `POST /campaigns/{id}/ab/winner`: send the winner to the rest now, without waiting.
async fn choose_winner(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: OptionalJson<WinnerBody>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || -> Result<Value, ApiError> {
        let ab = abtest::choose(&st, by, &id, body.0.variant.as_deref())?;
        let c = sops::campaign(&st, &id)?;
        Ok(json!({ "ab_test": ab.to_json(&c), "campaign": view(&st, &c)? }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// `PUT /campaigns/{id}/variants/{language}` `{subject, preheader, body}`: the campaign in that
/// language (empty subject and body remove it).
async fn put_variant(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<(String, String)>,
    body: web::Json<crate::sending::campaign::Variant>,
) -> Result<HttpResponse, ApiError> {
    let (raw, language) = path.into_inner();
    let id: crate::domain::CampaignId = raw.parse().map_err(|_| ApiError::not_found("campaign"))?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || -> Result<Value, ApiError> {
        crate::sending::ops::set_variant(&st, by, &id, &language, &body)?;
        let c = sops::campaign(&st, &id)?;
        Ok(json!({ "campaign": view(&st, &c)? }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn list(state: web::Data<AppState>, _g: Guard<perm::SendCampaigns>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let v = blocking(move || -> Result<Value, ApiError> {
        let all = st.sending.campaigns.all()?;
        let items = all.iter().map(|c| view(&st, c)).collect::<Result<Vec<_>, _>>()?;
        Ok(json!({ "campaigns": items }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(v))
}

async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    body: web::Json<CampaignInput>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || {
        let c = sops::create_campaign(&st, by, &body)?;
        view(&st, &c)
    })
    .await?;
    Ok(HttpResponse::Created().json(json!({ "campaign": v })))
}

/// Who would receive the campaign with the given audience fields (lists, tags, search,
/// saved_search, segments, exclude_segments, purpose; absent ones as saved), counted by the sender's own rules and nothing
/// saved: the editor's live count, and a check for integrations before they save.
async fn audience_count(
    state: web::Data<AppState>,
    _g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<CampaignInput>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let st = state.clone();
    let count = blocking(move || -> Result<usize, ApiError> {
        let c = sops::campaign(&st, &id)?;
        Ok(sops::audience_count_of(&st, &c, &body)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({ "count": count })))
}

async fn get(
    state: web::Data<AppState>,
    _g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let st = state.clone();
    let v = blocking(move || -> Result<Value, ApiError> {
        let c = sops::campaign(&st, &id)?;
        let (size, exact) = sops::audience_size(&st, &c).unwrap_or((0, false));
        let mut v = view(&st, &c)?;
        v["audience_size"] = json!({ "contacts": size, "exact": exact });
        Ok(v)
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({ "campaign": v })))
}

async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<CampaignInput>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || {
        let c = sops::update_campaign(&st, by, &id, &body)?;
        view(&st, &c)
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({ "campaign": v })))
}

async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || sops::delete_campaign(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `{}` sends now; `{"at": "2026-12-01 09:00", "time_zone": "Europe/Berlin"}` once later;
/// `{"cron": "0 9 * * 1", "time_zone": "Europe/Berlin"}` again and again.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SendBody {
    at: Option<String>,
    cron: Option<String>,
    #[serde(default)]
    time_zone: String,
}

pub fn schedule_from(at: Option<&str>, cron: Option<&str>, time_zone: &str) -> Result<Option<Schedule>, ApiError> {
    match (at.map(str::trim).filter(|s| !s.is_empty()), cron.map(str::trim).filter(|s| !s.is_empty())) {
        (Some(_), Some(_)) => Err(ApiError::invalid("cron", "give either `at` or `cron`, not both")),
        (Some(at), None) => {
            let (date, time) = at.split_once(['T', ' ']).unwrap_or((at, ""));
            let local = sops::parse_local(date, time).map_err(|m| ApiError::invalid("at", m))?;
            Schedule::at(local, time_zone).map(Some).map_err(|m| ApiError::invalid("time_zone", m))
        }
        (None, Some(cron)) => Schedule::cron(cron, time_zone).map(Some).map_err(|m| ApiError::invalid("cron", m)),
        (None, None) => Ok(None),
    }
}

async fn send(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    OptionalJson(body): OptionalJson<SendBody>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let schedule = schedule_from(body.at.as_deref(), body.cron.as_deref(), &body.time_zone)?;
    let (st, by) = (state.clone(), g.by());
    let v = blocking(move || {
        let c = sops::schedule_campaign(&st, by, &id, schedule)?;
        view(&st, &c)
    })
    .await?;
    Ok(HttpResponse::Accepted().json(json!({ "campaign": v })))
}

macro_rules! transition {
    ($name:ident, $op:path) => {
        async fn $name(
            state: web::Data<AppState>,
            g: Guard<perm::SendCampaigns>,
            path: web::Path<String>,
        ) -> Result<HttpResponse, ApiError> {
            let id = campaign_id(&path)?;
            let (st, by) = (state.clone(), g.by());
            let v = blocking(move || {
                let c = $op(&st, by, &id)?;
                view(&st, &c)
            })
            .await?;
            Ok(HttpResponse::Ok().json(json!({ "campaign": v })))
        }
    };
}

transition!(unschedule, sops::unschedule_campaign);
transition!(pause, sops::pause_campaign);
transition!(resume, sops::resume_campaign);
transition!(cancel, sops::cancel_campaign);
transition!(duplicate, sops::duplicate_campaign);

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PreviewBody {
    contact_id: Option<String>,
    #[serde(default)]
    to: Vec<String>,
}

async fn preview(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    OptionalJson(body): OptionalJson<PreviewBody>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let (st, viewer) = (state.clone(), g.viewer());
    let r = blocking(move || -> Result<_, ApiError> {
        let c = sops::campaign(&st, &id)?;
        let contact = preview_contact(&st, viewer, body.contact_id.as_deref())?;
        Ok(sops::preview(&st, &c, contact.as_ref())?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({ "subject": r.subject, "html": r.html, "text": r.text })))
}

/// The contact a preview or a test message is rendered for, as the caller may see it: what
/// the message shows is shown to the caller.
fn preview_contact(
    state: &AppState,
    viewer: Viewer,
    raw: Option<&str>,
) -> Result<Option<crate::domain::Contact>, ApiError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(raw) => {
            let id: ContactId = raw.parse().map_err(|_| ApiError::invalid("contact_id", "is not a contact id"))?;
            let c = state.contacts.resolve(&id)?.ok_or_else(|| ApiError::invalid("contact_id", "no such contact"))?;
            Ok(Some(viewer.contact(c)))
        }
    }
}

pub fn parse_addresses(raw: &[String]) -> Result<Vec<EmailAddress>, ApiError> {
    raw.iter()
        .flat_map(|s| s.split([',', ';', '\n']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| EmailAddress::parse(s).map_err(|e| ApiError::invalid("to", format!("`{s}`: {e}"))))
        .collect()
}

async fn test_send(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<PreviewBody>,
) -> Result<HttpResponse, ApiError> {
    let id = campaign_id(&path)?;
    let body = body.into_inner();
    let to = parse_addresses(&body.to)?;
    let (st, viewer) = (state.clone(), g.viewer());
    let (c, contact) = blocking(move || -> Result<_, ApiError> {
        let c = sops::campaign(&st, &id)?;
        Ok((c, preview_contact(&st, viewer, body.contact_id.as_deref())?))
    })
    .await?;
    let results: Vec<String> =
        sops::test_send(&state, &c, contact.as_ref(), &to).await?.iter().map(ToString::to_string).collect();
    Ok(HttpResponse::Ok().json(json!({ "results": results })))
}

async fn list_templates(state: web::Data<AppState>, _g: Guard<perm::SendCampaigns>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let all = blocking(move || st.sending.templates.all().map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "templates": all.iter().map(|t| t.to_json()).collect::<Vec<_>>() })))
}

async fn get_template(
    state: web::Data<AppState>,
    _g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let key = path.into_inner();
    let t = blocking(move || st.sending.templates.get(&key).map_err(ApiError::from)).await?;
    let t = t.ok_or(ApiError::not_found("template"))?;
    Ok(HttpResponse::Ok().json(json!({ "template": t.to_json() })))
}

async fn create_template(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    body: web::Json<TemplateInput>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let t = blocking(move || sops::save_template(&st, by, None, &body).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Created().json(json!({ "template": t.to_json() })))
}

async fn update_template(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<TemplateInput>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, key) = (state.clone(), g.by(), path.into_inner());
    let t = blocking(move || sops::save_template(&st, by, Some(&key), &body).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({ "template": t.to_json() })))
}

async fn delete_template(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, key) = (state.clone(), g.by(), path.into_inner());
    blocking(move || sops::delete_template(&st, by, &key).map_err(ApiError::from)).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageBody {
    template: String,
    to: String,
    #[serde(default)]
    data: Value,
    #[serde(default)]
    idempotency_key: String,
}

/// `POST /api/v1/messages`: queued durably, then sent within moments. The idempotency key may
/// come in the body or the `Idempotency-Key` header; the same key again answers 200 with the
/// first message and sends nothing.
async fn send_message(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    req: HttpRequest,
    body: web::Json<MessageBody>,
) -> Result<HttpResponse, ApiError> {
    let mut body = body.into_inner();
    if body.idempotency_key.is_empty() {
        if let Some(h) = req.headers().get("idempotency-key").and_then(|v| v.to_str().ok()) {
            body.idempotency_key = h.to_string();
        }
    }
    let to = EmailAddress::parse(&body.to).map_err(|e| ApiError::invalid("to", e.to_string()))?;
    let (st, by) = (state.clone(), g.by());
    let queued = blocking(move || {
        sops::enqueue_message(
            &st,
            by,
            NewMessage { template: &body.template, to: &to, data: body.data, idempotency_key: &body.idempotency_key },
        )
        .map_err(ApiError::from)
    })
    .await?;
    Ok(match queued {
        Queued::New(m) => {
            HttpResponse::Accepted().json(json!({ "id": m.id, "contact_id": m.contact, "state": "queued" }))
        }
        Queued::Existing(m) => {
            HttpResponse::Ok().json(json!({ "id": m.id, "contact_id": m.contact, "duplicate": true }))
        }
    })
}

async fn message_status(
    state: web::Data<AppState>,
    _g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id: MailId = path.parse().map_err(|_| ApiError::not_found("message"))?;
    let st = state.clone();
    let (m, slot) = blocking(move || sops::message_status(&st, &id).map_err(ApiError::from)).await?;
    Ok(HttpResponse::Ok().json(json!({
        "id": m.id, "contact_id": m.contact, "template": m.template, "created_at": m.created_at,
        "state": slot.state.as_str(), "attempts": slot.attempts, "note": slot.note.describe(),
    })))
}
