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

/// Bars for an SVG chart 560 wide, 160 high, drawn by the template; days as `ui` writes them.
fn bars(days: &[(chrono::NaiveDate, u64)], ui: &crate::i18n::Language) -> (Vec<Bar>, u64) {
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
                label: super::reports::day_label(*d, ui),
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
    let ui = super::ui_language(&state, &g);
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
        // Each entry's action in words; the code stays for the link to the log filtered by it.
        let recent: Vec<minijinja::Value> = if can_audit {
            st.audit
                .views(&st.audit.query(&Filter::default(), 8)?)?
                .into_iter()
                .map(|e| {
                    let known = Action::ALL.into_iter().find(|a| a.as_str() == e.action);
                    let what = known.map_or_else(|| e.action.clone(), |a| ui.text(action_key(a), None));
                    context! { at => e.at, action => e.action, what => what, actor => e.actor, ip => e.ip }
                })
                .collect()
        } else {
            Vec::new()
        };
        let backup = st.jobs.last("backup")?;
        let usernames: std::collections::BTreeMap<String, String> =
            users.iter().map(|u| (u.id.reference(), u.username.clone())).collect();
        Ok((users.len(), locked, logins, failures, recent, backup, usernames))
    })
    .await?;
    // Privacy deadlines: a separate block (src/http/pages/privacy_widget.rs).
    let privacy =
        if g.can(Permission::ManageGdpr) { Some(super::privacy_widget::block(&state, ui).await?) } else { None };
    let (bars, max) = bars(&logins, ui);
    // Said in the staff member's language; `tidings check` says the same in English.
    let warnings: Vec<minijinja::Value> = if g.can(Permission::ManageSettings) {
        crate::senders::warnings(&state).iter().map(|w| context! { key => w.key, text => w.text(ui) }).collect()
    } else {
        Vec::new()
    };
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
            uptime => ui.text("cm-dash-uptime-value", Some(&crate::i18n::args([
                ("hours", crate::i18n::Arg::Number((uptime / 3600) as f64)),
                ("minutes", crate::i18n::Arg::Number(((uptime % 3600) / 60) as f64)),
            ]))),
            bars => bars, max => max, total_logins => total_logins, failures => failures,
            recent => recent, backup => backup, usernames => usernames,
            tls => state.config.tls_enabled(), self_signed => state.config.tls.cert_file.as_os_str().is_empty(),
            totp_missing => g.user.totp.is_none(),
            checklist => checklist.filter(|c: &Vec<Step>| c.iter().any(|s| !s.done)),
            warnings => warnings,
            reports => reports,
            privacy => privacy,
        },
    )
}

/// An audit action as the admin catalogue says it in words.
fn action_key(a: Action) -> &'static str {
    match a {
        Action::Login => "cm-action-auth-login",
        Action::LoginFailed => "cm-action-auth-login-failed",
        Action::LoginSecondFactorFailed => "cm-action-auth-second-factor-failed",
        Action::Lockout => "cm-action-auth-lockout",
        Action::Unlock => "cm-action-auth-unlock",
        Action::Logout => "cm-action-auth-logout",
        Action::SessionsRevoked => "cm-action-auth-sessions-revoked",
        Action::PasswordChanged => "cm-action-auth-password-changed",
        Action::PasswordReset => "cm-action-auth-password-reset",
        Action::TotpEnrolled => "cm-action-auth-totp-enrolled",
        Action::TotpDisabled => "cm-action-auth-totp-disabled",
        Action::RecoveryCodeUsed => "cm-action-auth-recovery-code-used",
        Action::RecoveryCodesRegenerated => "cm-action-auth-recovery-codes-regenerated",
        Action::UserCreated => "cm-action-user-created",
        Action::UserRoleChanged => "cm-action-user-role-changed",
        Action::UserDisabled => "cm-action-user-disabled",
        Action::UserEnabled => "cm-action-user-enabled",
        Action::TokenCreated => "cm-action-token-created",
        Action::TokenRevoked => "cm-action-token-revoked",
        Action::SettingsChanged => "cm-action-settings-changed",
        Action::BackupCreated => "cm-action-backup-created",
        Action::BackupRestored => "cm-action-backup-restored",
        Action::ServerStarted => "cm-action-system-started",
        Action::ContactCreated => "cm-action-contact-created",
        Action::ContactUpdated => "cm-action-contact-updated",
        Action::ContactDeleted => "cm-action-contact-deleted",
        Action::ContactsMerged => "cm-action-contact-merged",
        Action::ContactUnmasked => "cm-action-contact-unmasked",
        Action::ConsentRecorded => "cm-action-contact-consent-recorded",
        Action::ContactsExported => "cm-action-contacts-exported",
        Action::ContactsImported => "cm-action-contacts-imported",
        Action::ContactsBulkUpserted => "cm-action-contacts-bulk-upserted",
        Action::ContactsBulkAction => "cm-action-contacts-bulk-action",
        Action::FieldCreated => "cm-action-field-created",
        Action::FieldChanged => "cm-action-field-changed",
        Action::FieldDeleted => "cm-action-field-deleted",
        Action::PurposeCreated => "cm-action-purpose-created",
        Action::PurposeChanged => "cm-action-purpose-changed",
        Action::ListCreated => "cm-action-list-created",
        Action::ListChanged => "cm-action-list-changed",
        Action::ListDeleted => "cm-action-list-deleted",
        Action::SavedSearchSaved => "cm-action-saved-search-saved",
        Action::SavedSearchDeleted => "cm-action-saved-search-deleted",
        Action::SearchReindexed => "cm-action-search-reindexed",
        Action::MailTestSent => "cm-action-mail-test-sent",
        Action::ContactStatusChanged => "cm-action-contact-status-changed",
        Action::CampaignCreated => "cm-action-campaign-created",
        Action::CampaignChanged => "cm-action-campaign-changed",
        Action::CampaignScheduled => "cm-action-campaign-scheduled",
        Action::CampaignStarted => "cm-action-campaign-started",
        Action::CampaignPaused => "cm-action-campaign-paused",
        Action::CampaignResumed => "cm-action-campaign-resumed",
        Action::CampaignCancelled => "cm-action-campaign-cancelled",
        Action::CampaignFinished => "cm-action-campaign-finished",
        Action::TemplateSaved => "cm-action-template-saved",
        Action::TemplateDeleted => "cm-action-template-deleted",
        Action::FormCreated => "cm-action-form-created",
        Action::FormChanged => "cm-action-form-changed",
        Action::FormDeleted => "cm-action-form-deleted",
        Action::MessageQueued => "cm-action-message-queued",
        Action::RequestCreated => "cm-action-request-created",
        Action::RequestChanged => "cm-action-request-changed",
        Action::RequestArchiveProduced => "cm-action-request-archive-produced",
        Action::ContactErased => "cm-action-contact-erased",
        Action::ContactRestricted => "cm-action-contact-restricted",
        Action::ContactRestrictionLifted => "cm-action-contact-restriction-lifted",
        Action::RetentionRun => "cm-action-retention-run",
        Action::RetentionPolicyChanged => "cm-action-retention-policy-changed",
        Action::BreachRecorded => "cm-action-breach-recorded",
        Action::BreachAssessed => "cm-action-breach-assessed",
        Action::BreachChanged => "cm-action-breach-changed",
        Action::BreachNoticeQueued => "cm-action-breach-notice-queued",
        Action::MediaUploaded => "cm-action-media-uploaded",
        Action::MediaChanged => "cm-action-media-changed",
        Action::MediaDeleted => "cm-action-media-deleted",
        Action::SegmentSaved => "cm-action-segment-saved",
        Action::SegmentDeleted => "cm-action-segment-deleted",
        Action::ScoreModelSaved => "cm-action-score-model-saved",
        Action::ScoreModelDeleted => "cm-action-score-model-deleted",
        Action::JourneySaved => "cm-action-journey-saved",
        Action::JourneyPublished => "cm-action-journey-published",
        Action::JourneyStateChanged => "cm-action-journey-state-changed",
        Action::JourneyDeleted => "cm-action-journey-deleted",
        Action::JourneyEnrolled => "cm-action-journey-enrolled",
    }
}

/// One step of the first hour, and whether it is done (read off the store and the config).
#[derive(serde::Serialize)]
pub struct Step {
    pub done: bool,
    /// The admin catalogue's message naming the step.
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
        step(named && !settings.postal_address.is_empty(), "cm-step-organisation", "/settings"),
        step(mail, "cm-step-sender", "/settings/email"),
        step(dkim, "cm-step-dkim", "/settings/email"),
        step(list, "cm-step-list", "/lists"),
        step(form, "cm-step-form", "/forms/new"),
        step(sent, "cm-step-campaign", "/campaigns"),
    ])
}
