//! Retention in the admin UI: every rule with its period, a dry run that counts what each would
//! remove now (changing nothing), "Run now", the periods the DPO sets, and the last run's report
//! from the audit log.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use minijinja::{context, Value};
use serde::Deserialize;

use super::{notice, page, see_other, unprocessable, Empty};
use crate::audit::{Action, Filter};
use crate::gdpr::retention::{self, PolicyInput};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::state::{blocking, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/retention", web::get().to(show))
        .route("/retention/run", web::post().to(run))
        .route("/retention/policy", web::post().to(save_policy));
}

#[derive(Deserialize)]
pub struct ShowQuery {
    ok: Option<String>,
    dry_run: Option<String>,
}

async fn render(
    state: &web::Data<AppState>,
    g: &Principal,
    dry_run: bool,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    let ui = super::ui_language(state, g);
    let reader = g.clone();
    let (rules, policy, last, who) = blocking(move || -> Result<_, ApiError> {
        let now = Utc::now();
        let rules = if dry_run {
            retention::dry_run_in(&st, by, now, ui)?.rules
        } else {
            retention::rules_in(&st, by, now, ui)?
        };
        let policy = st.gdpr.retention.policy()?;
        let filter = Filter { action: Some(Action::RetentionRun.as_str().into()), ..Default::default() };
        let last = st.audit.views(&st.audit.query(&filter, 1)?)?.into_iter().next();
        // Who ran it, as the audit log names them.
        let who =
            last.as_ref().and_then(|e| super::names::names(&st, &reader, [e.actor.as_str()], ui).remove(&e.actor));
        Ok((rules, policy, last, who))
    })
    .await?;
    let total: u64 = rules.iter().map(|r| r.count).sum();
    let last = last.map(|e| {
        let counts: Vec<Value> = rules
            .iter()
            .map(|r| {
                let n = e.details.iter().find(|(k, _)| k == r.key.as_str()).map(|(_, v)| v.clone());
                context! { title => r.title, count => n.unwrap_or_else(|| "—".into()) }
            })
            .collect();
        let actor = who.map_or_else(|| e.actor.clone(), |n| n.name);
        context! { at => e.at, actor => actor, counts => counts }
    });
    page(
        state,
        g,
        "retention.html",
        "retention",
        context! {
            rules => Value::from_serialize(&rules), policy => Value::from_serialize(&policy), dry_run => dry_run,
            total => total, last => last, max_days => retention::MAX_DAYS, ..extra
        },
    )
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    q: web::Query<ShowQuery>,
) -> Result<HttpResponse, ApiError> {
    let dry_run = q.dry_run.is_some();
    render(&state, &g, dry_run, context! { notice => notice(q.ok.as_deref()) }).await
}

pub async fn run(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, ApiError> {
    let (st, by) = (state.clone(), g.by());
    blocking(move || retention::run(&st, by, Utc::now()).map_err(ApiError::from)).await?;
    Ok(see_other("/retention?ok=retention_ran"))
}

#[derive(Deserialize)]
pub struct PolicyForm {
    #[serde(default)]
    inactive_days: String,
    #[serde(default)]
    inactive_action: String,
    #[serde(default)]
    closed_request_days: String,
    #[serde(default)]
    audit_days: String,
}

fn days(field: &'static str, raw: &str, ui: &crate::i18n::Language) -> Result<u32, ApiError> {
    raw.trim().parse().map_err(|_| ApiError::invalid(field, ui.text("gdpr-error-days", None)))
}

pub async fn save_policy(
    state: web::Data<AppState>,
    g: Guard<perm::ManageGdpr>,
    CsrfForm(f): CsrfForm<PolicyForm>,
) -> Result<HttpResponse, ApiError> {
    let ui = super::ui_language(&state, &g);
    let parsed = (|| -> Result<PolicyInput, ApiError> {
        Ok(PolicyInput {
            inactive_days: Some(if f.inactive_days.trim().is_empty() {
                0
            } else {
                days("inactive_days", &f.inactive_days, ui)?
            }),
            inactive_action: Some(f.inactive_action.clone()),
            closed_request_days: Some(days("closed_request_days", &f.closed_request_days, ui)?),
            audit_days: Some(days("audit_days", &f.audit_days, ui)?),
        })
    })();
    let result = match parsed {
        Ok(input) => {
            let (st, by) = (state.clone(), g.by());
            blocking(move || retention::save_policy(&st, by, &input).map_err(ApiError::from)).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(see_other("/retention?ok=retention_saved")),
        Err(e) if !actix_web::ResponseError::status_code(&e).is_server_error() => Ok(unprocessable(
            render(&state, &g, false, context! { error => e.message.clone(), error_field => e.field.clone() }).await?,
        )),
        Err(e) => Err(e),
    }
}
