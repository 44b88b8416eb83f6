//! Organisation settings.

use actix_web::{web, HttpResponse};
use minijinja::context;

use super::{notice, page, see_other, NoticeQuery};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard};
use crate::ops::{self, OpError};
use crate::settings::Settings;
use crate::state::{blocking, AppState};

/// The settings plus the CSRF field every form carries.
#[derive(serde::Deserialize)]
pub struct SettingsForm {
    #[allow(dead_code)]
    csrf: String,
    #[serde(flatten)]
    settings: Settings,
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let settings = blocking(move || st.settings.get()).await?;
    page(
        &state,
        &g,
        "settings.html",
        "settings",
        context! { s => settings, errors => context!{}, notice => notice(q.ok.as_deref()), config => context! {
            data_dir => state.config.data_dir.display().to_string(), listen => state.config.listen.to_string(),
            hostname => state.config.hostname, tls => state.config.tls_enabled(),
            backup_dir => state.config.backup_dir().display().to_string(), backup_schedule => state.config.jobs.backup,
            backup_keep => state.config.backup.keep, max_failed_logins => state.config.auth.max_failed_logins,
            lockout_minutes => state.config.auth.lockout_minutes, password_max_age_days => state.config.auth.password_max_age_days,
        } },
    )
}

pub async fn save(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<HttpResponse, ApiError> {
    let new = form.settings.normalised();
    let st = state.clone();
    let b = g.by();
    let attempted = new.clone();
    let result = blocking(move || -> Result<_, ApiError> { Ok(ops::update_settings(&st, b, new)) }).await?;
    match result {
        Ok(_) => Ok(see_other("/settings?ok=saved")),
        Err(OpError::Invalid { field, message }) => page(
            &state,
            &g,
            "settings.html",
            "settings",
            context! {
                s => attempted, errors => std::collections::BTreeMap::from([(field, message)]), config => context!{},
            },
        )
        .map(super::unprocessable),
        Err(e) => Err(e.into()),
    }
}
