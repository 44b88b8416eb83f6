//! The dashboard: system status, sign-in activity as a chart, recent audit entries, and what
//! needs attention.

use actix_web::{web, HttpResponse};
use minijinja::context;
use serde::Serialize;

use super::{notice, page, NoticeQuery};
use crate::audit::{Action, Filter};
use crate::domain::Permission;
use crate::http::error::ApiError;
use crate::http::guard::{perm, Guard};
use crate::state::{blocking, AppState};

#[derive(Serialize)]
struct Bar {
    x: u32,
    y: u32,
    h: u32,
    count: u64,
    label: String,
    show_label: bool,
}

/// Bars for an SVG chart 560 wide, 160 high, drawn by the template.
fn bars(days: &[(chrono::NaiveDate, u64)]) -> (Vec<Bar>, u64) {
    let max = days.iter().map(|(_, c)| *c).max().unwrap_or(0).max(1);
    let width = 560 / days.len().max(1) as u32;
    let out = days
        .iter()
        .enumerate()
        .map(|(i, (d, c))| {
            let h = ((*c as f64 / max as f64) * 130.0).round() as u32;
            Bar {
                x: i as u32 * width + 4,
                y: 140 - h,
                h,
                count: *c,
                label: d.format("%d %b").to_string(),
                // Every other day, counted back from today so that today is always labelled.
                show_label: (days.len() - 1 - i) % 2 == 0 || days.len() <= 7,
            }
        })
        .collect();
    (out, max)
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ViewDashboard>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    // ---- reports: list growth and engagement (aggregates only; see pages/reports.rs)
    let (st, principal) = (state.clone(), g.0.clone());
    let reports = blocking(move || super::reports::dashboard_section(&st, &principal, chrono::Utc::now())).await?;
    // ---- end reports
    let st = state.clone();
    let checklist =
        if g.can(Permission::ManageSettings) { Some(blocking(move || getting_started(&st)).await?) } else { None };
    let st = state.clone();
    let can_audit = g.can(Permission::ViewAudit);
    let (users, locked, logins, failures, recent, backup, usernames) = blocking(move || -> Result<_, ApiError> {
        let users = st.users.list()?;
        let now = chrono::Utc::now();
        let locked = users.iter().filter(|u| u.is_locked(now)).count();
        let daily = st.audit.daily_counts(14, &[Action::Login, Action::LoginFailed])?;
        let logins: Vec<_> = daily.iter().map(|(d, c)| (*d, c[0])).collect();
        let failures: u64 = daily.iter().map(|(_, c)| c[1]).sum();
        let recent: Vec<_> =
            if can_audit { st.audit.views(&st.audit.query(&Filter::default(), 8)?)? } else { Vec::new() };
        let backup = st.jobs.last("backup")?;
        let usernames: std::collections::BTreeMap<String, String> =
            users.iter().map(|u| (u.id.reference(), u.username.clone())).collect();
        Ok((users.len(), locked, logins, failures, recent, backup, usernames))
    })
    .await?;
    // Privacy deadlines: a separate block (src/http/pages/privacy_widget.rs).
    let privacy = if g.can(Permission::ManageGdpr) {
        Some(super::privacy_widget::block(&state, super::ui_language(&state, &g)).await?)
    } else {
        None
    };
    let (bars, max) = bars(&logins);
    let total_logins: u64 = logins.iter().map(|(_, c)| c).sum();
    let uptime = state.started_at.elapsed().as_secs();
    page(
        &state,
        &g,
        "dashboard.html",
        "dashboard",
        context! {
            notice => notice(q.ok.as_deref()),
            users => users, locked => locked, sessions => state.sessions.count(),
            audit_entries => state.audit.len(), store_bytes => state.store.size_on_disk(),
            uptime_hours => uptime / 3600, uptime_minutes => (uptime % 3600) / 60,
            bars => bars, max => max, total_logins => total_logins, failures => failures,
            recent => recent, backup => backup, usernames => usernames,
            tls => state.config.tls_enabled(), self_signed => state.config.tls.cert_file.as_os_str().is_empty(),
            totp_missing => g.user.totp.is_none(),
            checklist => checklist.filter(|c: &Vec<Step>| c.iter().any(|s| !s.done)),
            warnings => if g.can(crate::domain::Permission::ManageSettings) { crate::senders::warnings(&state) } else { Vec::new() },
            reports => reports,
            privacy => privacy,
        },
    )
}

/// One step of the first hour, and whether it is done (read off the store and the config).
#[derive(serde::Serialize)]
pub struct Step {
    pub done: bool,
    pub text: &'static str,
    pub href: &'static str,
}

/// The getting-started checklist, shown until every step is done.
fn getting_started(state: &AppState) -> Result<Vec<Step>, ApiError> {
    let settings = state.settings.get()?;
    let named = settings.organisation != crate::settings::Settings::default().organisation;
    // A sender saved in Settings → Email or set in the config file, not the made-up default.
    let sender = crate::senders::current(state, "").source != crate::senders::Source::Derived;
    let mail = !state.config.mail.relays.is_empty() && sender;
    let dkim = state.mailer.signer().is_some();
    let list = !state.lists.all()?.is_empty();
    let form = !state.forms.all()?.is_empty();
    let sent = state.sending.campaigns.all()?.iter().any(|c| c.state == crate::sending::campaign::CampaignState::Sent);
    let step = |done, text, href| Step { done, text, href };
    Ok(vec![
        step(
            named && !settings.postal_address.is_empty(),
            "Name your organisation and its postal address",
            "/settings",
        ),
        step(mail, "Set the sender (Settings → Email) and an SMTP relay (config file)", "/settings/email"),
        step(dkim, "Sign your mail with DKIM (tidings dkim generate)", "/settings/email"),
        step(list, "Create a list", "/lists"),
        step(form, "Build a subscribe form", "/forms/new"),
        step(sent, "Send a first campaign", "/campaigns"),
    ])
}
