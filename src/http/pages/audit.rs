//! The audit log: filter, page, verify the chain.

use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, TimeZone, Utc};
use minijinja::context;
use serde::Deserialize;

use super::page;
use crate::audit::{Action, Break, Filter, Verification};
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::state::{blocking, AppState};

pub const PAGE: usize = 50;

/// How the chain is broken, in the reader's language.
fn break_words(b: &Break, ui: &crate::i18n::Language) -> String {
    let n = |v: u64| crate::i18n::Arg::Number(v as f64);
    let say = |key: &str, pairs: Vec<(&str, crate::i18n::Arg)>| ui.text(key, Some(&crate::i18n::args(pairs)));
    match b {
        Break::AnchorAltered => ui.text("gdpr-audit-break-anchor", None),
        Break::Unreadable => ui.text("gdpr-audit-break-unreadable", None),
        Break::Misplaced => ui.text("gdpr-audit-break-misplaced", None),
        Break::Missing { expected, next } => {
            say("gdpr-audit-break-missing", vec![("expected", n(*expected)), ("next", n(*next))])
        }
        Break::NotFollowing => ui.text("gdpr-audit-break-not-following", None),
        Break::Altered => ui.text("gdpr-audit-break-altered", None),
        Break::HeadMissing => ui.text("gdpr-audit-break-head-missing", None),
        Break::HeadMalformed => ui.text("gdpr-audit-break-head-malformed", None),
        Break::HeadAltered => ui.text("gdpr-audit-break-head-altered", None),
        Break::HeadMismatch { head, last } => {
            say("gdpr-audit-break-head-mismatch", vec![("head", n(*head)), ("last", n(*last))])
        }
    }
}

#[derive(Deserialize, Default, Clone)]
pub struct AuditQuery {
    pub action: Option<String>,
    pub actor: Option<String>,
    pub target: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub before: Option<u64>,
    pub verify: Option<String>,
}

impl AuditQuery {
    /// Turns the query into a filter; a malformed date is a 4xx naming the field.
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let date = |field: &str, v: &Option<String>, end: bool| -> Result<Option<chrono::DateTime<Utc>>, ApiError> {
            match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => {
                    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
                        .map_err(|_| ApiError::invalid(field, format!("`{s}` is not a date like 2026-11-23")))?;
                    let t = if end { d.and_hms_opt(23, 59, 59) } else { d.and_hms_opt(0, 0, 0) }.expect("valid time");
                    Ok(Some(Utc.from_utc_datetime(&t)))
                }
            }
        };
        let nonempty = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        Ok(Filter {
            action: nonempty(&self.action),
            actor: nonempty(&self.actor),
            target: nonempty(&self.target),
            since: date("from", &self.from, false)?,
            until: date("to", &self.to, true)?,
            before: self.before,
        })
    }
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::ViewAudit>,
    q: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let filter = q.filter()?;
    let st = state.clone();
    let verify = q.verify.is_some();
    let reader = g.0.clone();
    let ui = super::ui_language(&state, &g);
    let (entries, verification, names) = blocking(move || -> Result<_, ApiError> {
        let entries = st.audit.query(&filter, PAGE + 1)?;
        let entries = st.audit.views(&entries)?;
        let verification = if verify { Some(st.audit.verify()?) } else { None };
        let refs = entries.iter().take(PAGE).flat_map(|e| {
            std::iter::once(e.actor.as_str())
                .chain(e.target.as_deref())
                .chain(e.details.iter().map(|(_, v)| v.as_str()))
        });
        let names = super::names::names(&st, &reader, refs, ui);
        Ok((entries, verification, names))
    })
    .await?;
    let more = entries.len() > PAGE;
    let entries: Vec<_> = entries.into_iter().take(PAGE).collect();
    let next_before = if more { entries.last().map(|e| e.seq) } else { None };
    let verification = verification.map(|v| match v {
        Verification::Intact { entries } => context! { ok => true, entries => entries },
        Verification::Broken { seq, reason } => {
            context! { ok => false, seq => seq, reason => break_words(&reason, ui) }
        }
    });
    let mut next_query = q.clone();
    next_query.before = next_before;
    next_query.verify = None;
    let next_url = next_before.map(|_| {
        let pairs: Vec<(&str, String)> = [
            ("action", next_query.action.clone()),
            ("actor", next_query.actor.clone()),
            ("target", next_query.target.clone()),
            ("from", next_query.from.clone()),
            ("to", next_query.to.clone()),
            ("before", next_query.before.map(|b| b.to_string())),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k, v)))
        .collect();
        format!("/audit?{}", serde_urlencoded::to_string(pairs).unwrap_or_default())
    });
    let actions: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    // Every family of actions (contacts, campaigns, requests …), from the actions themselves.
    let mut families: Vec<String> =
        actions.iter().filter_map(|a| a.split_once('.')).map(|(f, _)| format!("{f}.")).collect();
    families.sort();
    families.dedup();
    page(
        &state,
        &g,
        "audit.html",
        "audit",
        context! {
            entries => entries, next_url => next_url, verification => verification, actions => actions, families => families,
            names => names,
            q => context! { action => q.action, actor => q.actor, target => q.target, from => q.from, to => q.to },
            filtered => q.action.is_some() || q.actor.is_some() || q.target.is_some() || q.from.is_some() || q.to.is_some(),
            paged => q.before.is_some(),
        },
    )
}
