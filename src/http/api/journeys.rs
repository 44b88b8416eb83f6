//! Journeys through the API: write a draft (the JSON of `domain::journey`, as the editor
//! sends it), check and publish it, pause, resume, archive, add contacts, try it for one
//! contact on a virtual clock, and read a contact's runs with their timelines.

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::contacts::bad_param;
use crate::domain::{ContactId, JourneyId};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::journeys::ops::{self, Enrolment, JourneyInput};
use crate::journeys::{Journey, Line, Run};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/journeys", web::get().to(list))
        .route("/journeys", web::post().to(create))
        .route("/journeys/recipes", web::get().to(recipes))
        .route("/journeys/{id}", web::get().to(get))
        .route("/journeys/{id}", web::put().to(update))
        .route("/journeys/{id}", web::delete().to(delete))
        .route("/journeys/{id}/publish", web::post().to(publish))
        .route("/journeys/{id}/pause", web::post().to(pause))
        .route("/journeys/{id}/resume", web::post().to(resume))
        .route("/journeys/{id}/archive", web::post().to(archive))
        .route("/journeys/{id}/enrol", web::post().to(enrol))
        .route("/journeys/{id}/dry-run", web::post().to(dry_run))
        .route("/journeys/{id}/splits", web::get().to(splits))
        .route("/journeys/{id}/problems", web::post().to(check))
        .route("/journeys/{id}/steps/{step}/report", web::get().to(step_report))
        .route("/contacts/{id}/journeys", web::get().to(of_contact));
}

fn journey_id(raw: &str) -> Result<JourneyId, ApiError> {
    raw.parse().map_err(|_| bad_param("id", "is not a journey id"))
}

pub fn journey_json(j: &Journey) -> Value {
    let draft: Value = serde_json::from_str(&j.draft).unwrap_or(Value::Null);
    json!({
        "id": j.id.to_string(), "name": j.name, "description": j.description, "status": j.status.as_str(),
        "version": j.version, "definition": draft, "created_at": j.created_at, "updated_at": j.updated_at,
    })
}

pub fn line_json(l: &Line) -> Value {
    json!({ "at": l.at, "step": l.step, "what": serde_json::to_value(&l.what).unwrap_or(Value::Null) })
}

pub fn run_json(r: &Run, name: &str, lines: &[Line]) -> Value {
    json!({
        "id": r.id.to_string(), "journey": r.journey.to_string(), "name": name, "version": r.version,
        "step": r.step, "waiting_until": r.until, "entered_at": r.entered_at, "trigger": r.trigger,
        "active": r.is_active(),
        "ended": r.ended.as_ref().map(|(at, how)| json!({"at": at, "how": serde_json::to_value(how).unwrap_or(Value::Null)})),
        "timeline": lines.iter().map(line_json).collect::<Vec<_>>(),
    })
}

async fn list(state: web::Data<AppState>, _g: Guard<perm::ViewContacts>) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let out = blocking(move || -> Result<Value, ApiError> {
        let all = st.journeys.all()?;
        Ok(json!({ "journeys": all.iter().map(journey_json).collect::<Vec<_>>() }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn recipes(_g: Guard<perm::ViewContacts>) -> Result<HttpResponse, ApiError> {
    let out: Vec<Value> = crate::journeys::recipes::RECIPES
        .iter()
        .map(|r| json!({ "key": r.key, "definition": (r.definition)() }))
        .collect();
    Ok(HttpResponse::Ok().json(json!({ "recipes": out })))
}

#[derive(Deserialize)]
struct Body {
    name: Option<String>,
    description: Option<String>,
    definition: Option<Value>,
    /// Start from a recipe (`GET /journeys/recipes`) instead of a definition.
    recipe: Option<String>,
}

impl Body {
    fn input(self) -> Result<JourneyInput, ApiError> {
        let definition = match (self.definition, self.recipe) {
            (Some(d), _) => Some(d),
            (None, Some(r)) => match crate::journeys::recipes::find(&r) {
                Some(r) => Some((r.definition)()),
                None => return Err(bad_param("recipe", "there is no such recipe")),
            },
            (None, None) => None,
        };
        Ok(JourneyInput { name: self.name, description: self.description, definition })
    }
}

async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, input) = (state.clone(), g.by(), body.into_inner().input()?);
    let out = blocking(move || -> Result<Value, ApiError> {
        let j = ops::create(&st, by, &input)?;
        Ok(json!({ "journey": journey_json(&j), "problems": ops::problems(&st, &j.draft) }))
    })
    .await?;
    Ok(HttpResponse::Created().json(out))
}

async fn update(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by, input) = (state.clone(), g.by(), body.into_inner().input()?);
    let out = blocking(move || -> Result<Value, ApiError> {
        let j = ops::update(&st, by, &id, &input)?;
        Ok(json!({ "journey": journey_json(&j), "problems": ops::problems(&st, &j.draft) }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn get(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let out = blocking(move || -> Result<Value, ApiError> {
        let o = ops::overview(&st, by, &id)?;
        Ok(json!({
            "journey": journey_json(&o.journey), "problems": o.problems, "steps": o.counts, "waiting": o.waiting,
            "entered": st.journeys.entries(&id)?,
        }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Each split's arms: runs, conversions, the rate's interval, P(best) and, against a holdout,
/// the incremental conversions.
async fn splits(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let out =
        blocking(move || -> Result<Value, ApiError> { Ok(json!({ "splits": ops::splits(&st, by, &id)? })) }).await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || ops::delete(&st, by, &id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, Default)]
struct PublishBody {
    /// Where runs waiting at a step go in the new version (`{"old step": "new step"}`).
    #[serde(default)]
    moved: BTreeMap<String, String>,
}

async fn publish(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: super::OptionalJson<PublishBody>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by, moved) = (state.clone(), g.by(), body.0.moved);
    let out = blocking(move || -> Result<Value, ApiError> {
        let j = ops::publish(&st, by, &id, &moved)?;
        Ok(json!({ "journey": journey_json(&j) }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn pause(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    set_paused(state, g, path, true).await
}

async fn resume(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    set_paused(state, g, path, false).await
}

async fn set_paused(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    paused: bool,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let out = blocking(move || -> Result<Value, ApiError> {
        Ok(json!({ "journey": journey_json(&ops::set_paused(&st, by, &id, paused)?) }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn archive(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    let out = blocking(move || -> Result<Value, ApiError> {
        let (j, ended) = ops::archive(&st, by, &id)?;
        Ok(json!({ "journey": journey_json(&j), "runs_ended": ended }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn enrol(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<Enrolment>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by, e) = (state.clone(), g.by(), body.into_inner());
    let out = blocking(move || -> Result<Value, ApiError> { Ok(json!({ "started": ops::enrol(&st, by, &id, &e)? })) })
        .await?;
    Ok(HttpResponse::Ok().json(out))
}

#[derive(Deserialize)]
struct DryRunBody {
    contact: String,
    /// A definition to try instead of the draft.
    definition: Option<Value>,
    /// Whether what a `wait_for` step waits for comes (default: it times out).
    #[serde(default)]
    comes: bool,
}

async fn dry_run(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
    body: web::Json<DryRunBody>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let b = body.into_inner();
    let contact: ContactId = b.contact.parse().map_err(|_| bad_param("contact", "is not a contact id"))?;
    let (st, by) = (state.clone(), g.by());
    let out = blocking(move || -> Result<Value, ApiError> {
        let lines = ops::dry_run(&st, by, &id, &contact, b.definition.as_ref(), b.comes)?;
        Ok(json!({ "timeline": lines.iter().map(line_json).collect::<Vec<_>>() }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn of_contact(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id: ContactId = path.parse().map_err(|_| bad_param("id", "is not a contact id"))?;
    let (st, by) = (state.clone(), g.by());
    let out = blocking(move || -> Result<Value, ApiError> {
        let runs = ops::runs_of(&st, by, &id)?;
        Ok(json!({ "runs": runs.iter().map(|(r, n, l)| run_json(r, n, l)).collect::<Vec<_>>() }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

#[derive(Deserialize)]
struct CheckBody {
    definition: Value,
}

/// What would stand between a definition and publishing it, without saving it: the editor
/// asks as the marketer edits (the rules stay the server's).
async fn check(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    body: web::Json<CheckBody>,
) -> Result<HttpResponse, ApiError> {
    let id = journey_id(&path)?;
    let (st, by, definition) = (state.clone(), g.by(), body.into_inner().definition);
    let out = blocking(move || -> Result<Value, ApiError> {
        let text = serde_json::to_string(&definition).map_err(|e| bad_param("definition", e.to_string()))?;
        Ok(json!({ "problems": ops::check(&st, by, &id, &text)? }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// A send step's report (`GET /journeys/{id}/steps/{step}/report`): the campaign report's
/// delivery, engagement, rates, unsubscribes, complaints, attributed orders, opens and clicks
/// over time and links, for the step's mailing, with the step's counters over all versions.
async fn step_report(
    state: web::Data<AppState>,
    g: Guard<perm::ViewReports>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (raw, step) = path.into_inner();
    let id = journey_id(&raw)?;
    let (st, by) = (state.clone(), g.by());
    let out = blocking(move || -> Result<Value, ApiError> {
        let r = ops::step_report(&st, by, &id, &step, chrono::Utc::now())?;
        Ok(json!({ "journey": id.to_string(), "step": r.step, "subject": r.message.subject, "counts": r.counts, "report": r.report }))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}
