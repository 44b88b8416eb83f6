//! Organisation settings.

use actix_web::{web, HttpResponse};
use minijinja::context;

use super::{notice, page, role_key, see_other, ui_language, NoticeQuery};
use crate::domain::Role;
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard};
use crate::i18n::{self, Arg, Language};
use crate::ops::{self, OpError};
use crate::settings::Settings;
use crate::state::{blocking, AppState};

/// The settings form: one field per setting (checkboxes repeat their name, which a flattened
/// struct cannot read).
#[derive(serde::Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    postal_address: String,
    #[serde(default)]
    dpo_contact: String,
    #[serde(default)]
    login_notice: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    language: String,
    /// Roles ticked under "Require two-factor authentication".
    #[serde(default)]
    two_factor_required: Vec<crate::domain::Role>,
    /// "Everyone": every role, present and future.
    #[serde(default)]
    two_factor_everyone: Option<String>,
}

impl SettingsForm {
    fn settings(self) -> Settings {
        let everyone = self.two_factor_everyone.is_some();
        Settings {
            organisation: self.organisation,
            postal_address: self.postal_address,
            dpo_contact: self.dpo_contact,
            login_notice: self.login_notice,
            time_zone: self.time_zone,
            currency: self.currency,
            language: self.language,
            two_factor_required: if everyone { crate::domain::Role::ALL.to_vec() } else { self.two_factor_required },
        }
    }
}

/// The languages public pages and mail can be written in, for the default's choice.
fn languages() -> Vec<minijinja::Value> {
    crate::i18n::catalogue().languages().iter().map(|l| context! { code => l.code, name => l.name }).collect()
}

/// Roles for the two-factor checkboxes.
fn roles(s: &Settings, ui: &Language) -> Vec<minijinja::Value> {
    Role::ALL
        .iter()
        .map(
            |r| context! { value => r.as_str(), label => ui.text(role_key(*r), None), on => s.requires_two_factor(*r) },
        )
        .collect()
}

/// Who must use a second factor, in words (as `Settings::two_factor_rule` says it in English
/// for the records of processing).
fn two_factor_rule(s: &Settings, ui: &Language) -> String {
    match s.two_factor_required.len() {
        0 => ui.text("acc-settings-two-factor-none", None),
        n if n == Role::ALL.len() => ui.text("acc-settings-two-factor-all", None),
        _ => {
            let roles =
                s.two_factor_required.iter().map(|r| ui.text(role_key(*r), None)).collect::<Vec<_>>().join(", ");
            ui.text("acc-settings-two-factor-some", Some(&i18n::args([("roles", Arg::from(roles))])))
        }
    }
}

/// How a connection is secured, in words.
fn tls_words(tls: &crate::config::RelayTls, ui: &Language) -> String {
    ui.text(
        match tls {
            crate::config::RelayTls::Implicit => "acc-mail-tls-implicit",
            crate::config::RelayTls::Starttls => "acc-mail-tls-starttls",
            crate::config::RelayTls::None => "acc-mail-tls-none",
        },
        None,
    )
}

/// What the settings page shows besides the settings themselves.
#[derive(Default)]
struct Shown {
    /// Refusals of the organisation form, by field.
    errors: std::collections::BTreeMap<&'static str, String>,
    /// The legal footers as saved, or as typed when they were refused.
    footers: std::collections::BTreeMap<String, String>,
    /// Refusals of the legal footer form, by field (`legal_footer.de`).
    footer_errors: std::collections::BTreeMap<&'static str, String>,
    notice: Option<&'static str>,
    /// The configuration's facts (left out when the page shows a refusal).
    with_config: bool,
}

fn settings_page(
    state: &AppState,
    g: &Guard<perm::ManageSettings>,
    settings: Settings,
    shown: Shown,
) -> Result<HttpResponse, ApiError> {
    let ui = ui_language(state, g);
    let config = if shown.with_config {
        context! {
            data_dir => state.config.data_dir.display().to_string(), listen => state.config.listen.to_string(),
            hostname => state.config.hostname, tls => state.config.tls_enabled(),
            backup_dir => state.config.backup_dir().display().to_string(), backup_schedule => state.config.jobs.backup,
            backup_keep => state.config.backup.keep, max_failed_logins => state.config.auth.max_failed_logins,
            lockout_minutes => state.config.auth.lockout_minutes, password_max_age_days => state.config.auth.password_max_age_days,
        }
    } else {
        context! {}
    };
    page(
        state,
        g,
        "settings.html",
        "settings",
        context! {
            roles => roles(&settings, ui), rule => two_factor_rule(&settings, ui), s => settings,
            errors => shown.errors, zones => zones(), languages => languages(), notice => shown.notice,
            config => config, footers => shown.footers, footer_errors => shown.footer_errors,
            footer_max_chars => crate::settings::LEGAL_FOOTER_MAX_CHARS,
            footer_max_lines => crate::settings::LEGAL_FOOTER_MAX_LINES,
        },
    )
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let (settings, footers) =
        blocking(move || Ok::<_, ApiError>((st.settings.get()?, st.settings.legal_footers()?))).await?;
    let shown = Shown { footers: footers.0, notice: notice(q.ok.as_deref()), with_config: true, ..Default::default() };
    settings_page(&state, &g, settings, shown)
}

pub async fn save(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<HttpResponse, ApiError> {
    let new = form.settings().normalised();
    let st = state.clone();
    let b = g.by();
    let attempted = new.clone();
    let result = blocking(move || -> Result<_, ApiError> { Ok(ops::update_settings(&st, b, new)) }).await?;
    match result {
        Ok(_) => Ok(see_other("/settings?ok=saved")),
        Err(OpError::Invalid { field, message }) => {
            let st = state.clone();
            let footers = blocking(move || st.settings.legal_footers()).await?;
            let shown = Shown {
                errors: std::collections::BTreeMap::from([(field, message)]),
                footers: footers.0,
                ..Default::default()
            };
            settings_page(&state, &g, attempted, shown).map(super::unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

/// The legal footer form: a text per language (`legal_footer.de`); the languages it leaves
/// empty have none.
pub async fn save_legal_footer(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    CsrfForm(form): CsrfForm<std::collections::BTreeMap<String, String>>,
) -> Result<HttpResponse, ApiError> {
    let typed: std::collections::BTreeMap<String, String> = form
        .into_iter()
        .filter_map(|(k, v)| k.strip_prefix("legal_footer.").map(|code| (code.to_string(), v)))
        .collect();
    let (st, by, given) = (state.clone(), g.by(), typed.clone());
    let result = blocking(move || -> Result<_, ApiError> { Ok(ops::set_legal_footers(&st, by, &given, true)) }).await?;
    match result {
        Ok(_) => Ok(see_other("/settings?ok=saved#legal-footer")),
        Err(OpError::Invalid { field, message }) => {
            let st = state.clone();
            let settings = blocking(move || st.settings.get()).await?;
            let shown = Shown {
                footers: typed,
                footer_errors: std::collections::BTreeMap::from([(field, message)]),
                ..Default::default()
            };
            settings_page(&state, &g, settings, shown).map(super::unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

/// Every IANA time zone name, for the settings form.
fn zones() -> Vec<&'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect()
}

/// What the email settings page shows of the configuration (never a password).
fn mail_context(state: &AppState, ui: &Language) -> minijinja::Value {
    let m = &state.config.mail;
    let relays: Vec<minijinja::Value> = m
        .relays
        .iter()
        .map(|r| {
            context! {
                name => r.name, host => r.host, port => r.port, tls => tls_words(&r.tls, ui),
                auth => !r.username.is_empty(), pool_size => r.pool_size, rate_limit => r.rate_limit,
            }
        })
        .collect();
    let snapshot = state.settings.snapshot().ok();
    let (settings, book) = snapshot.as_deref().map(|s| (s.settings.clone(), s.senders.clone())).unwrap_or_default();
    let current = crate::senders::default_sender(&state.config, &settings, &book);
    let now = chrono::Utc::now();
    let senders: Vec<minijinja::Value> = book
        .senders
        .iter()
        .enumerate()
        .map(|(i, s)| {
            context! {
                address => s.address, name => s.name, reply_to => s.reply_to, default => i == 0,
                verified => crate::senders::verification(&state.config, s).map(|v| verified_words(&v, ui)),
                link_pending => s.token_expires_at.filter(|t| *t > now).map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
            }
        })
        .collect();
    context! {
        from => current.address, from_name => current.name, reply_to => current.reply_to,
        source => current.source, config_from => m.from, organisation => settings.organisation,
        senders => senders, link_hours => crate::senders::LINK_VALID_HOURS,
        return_path => m.return_path,
        relays => relays, outbox => state.config.outbox_dir().display().to_string(),
        dkim_domain => m.dkim.domain, dkim_selector => m.dkim.selector, dkim_ed25519 => m.dkim.ed25519_selector,
    }
}

/// How a sender was verified, in words.
fn verified_words(v: &crate::senders::Verification<'_>, ui: &Language) -> String {
    use crate::senders::Verification;
    match v {
        Verification::Dkim { domain } => {
            ui.text("acc-mail-verified-dkim", Some(&i18n::args([("domain", Arg::from(*domain))])))
        }
        Verification::Mailbox { at } => ui.text(
            "acc-mail-verified-mailbox",
            Some(&i18n::args([("date", Arg::from(at.format("%Y-%m-%d").to_string()))])),
        ),
    }
}

#[derive(serde::Deserialize)]
pub struct TestMailForm {
    #[allow(dead_code)]
    csrf: String,
    to: String,
    #[serde(default)]
    relay: String,
}

pub async fn mail(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let ui = ui_language(&state, &g);
    let bounces = bounces_context(&state, ui).await?;
    page(
        &state,
        &g,
        "mail_settings.html",
        "settings",
        context! { mail => mail_context(&state, ui), to => "", bounces => bounces, notice => notice(q.ok.as_deref()) },
    )
}

/// The sender form (add, or change the name and Reply-To of an address already saved).
#[derive(serde::Deserialize, Default)]
pub struct SenderForm {
    #[serde(default)]
    address: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    reply_to: String,
}

/// The Email page again with a refusal: the field named, what was typed kept.
async fn mail_refused(
    state: &web::Data<AppState>,
    g: &Guard<perm::ManageSettings>,
    e: OpError,
    typed: SenderForm,
) -> Result<HttpResponse, ApiError> {
    let ui = ui_language(state, g);
    let (field, message, status) = match e {
        OpError::Invalid { field, message } => (field, message, actix_web::http::StatusCode::UNPROCESSABLE_ENTITY),
        OpError::Conflict(m) => ("sender", m, actix_web::http::StatusCode::CONFLICT),
        OpError::NotFound(_) => {
            ("sender", ui.text("acc-mail-no-such-sender", None), actix_web::http::StatusCode::NOT_FOUND)
        }
        other => return Err(other.into()),
    };
    let bounces = bounces_context(state, ui).await?;
    let mut res = page(
        state,
        g,
        "mail_settings.html",
        "settings",
        context! {
            mail => mail_context(state, ui), to => "", bounces => bounces,
            sender_errors => std::collections::BTreeMap::from([(field, message)]),
            sender_form => context! { address => typed.address, name => typed.name, reply_to => typed.reply_to },
        },
    )?;
    *res.status_mut() = status;
    Ok(res)
}

pub async fn save_sender(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    CsrfForm(form): CsrfForm<SenderForm>,
) -> Result<HttpResponse, ApiError> {
    let input = crate::senders::SenderInput {
        address: form.address.clone(),
        name: form.name.clone(),
        reply_to: form.reply_to.clone(),
    };
    let (st, by) = (state.clone(), g.by());
    match blocking(move || -> Result<_, ApiError> { Ok(crate::senders::save_sender(&st, by, &input)) }).await? {
        Ok(_) => Ok(see_other("/settings/email?ok=sender_saved#senders")),
        Err(e) => mail_refused(&state, &g, e, form).await,
    }
}

/// The sender buttons: make default, remove, send a verification link.
#[derive(serde::Deserialize)]
pub struct SenderAction {
    #[serde(default)]
    address: String,
}

pub async fn default_sender(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    CsrfForm(form): CsrfForm<SenderAction>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, address) = (state.clone(), g.by(), form.address.clone());
    match blocking(move || -> Result<_, ApiError> { Ok(crate::senders::make_default(&st, by, &address)) }).await? {
        Ok(()) => Ok(see_other("/settings/email?ok=sender_default#senders")),
        Err(e) => mail_refused(&state, &g, e, SenderForm::default()).await,
    }
}

pub async fn remove_sender(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    CsrfForm(form): CsrfForm<SenderAction>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, address) = (state.clone(), g.by(), form.address.clone());
    match blocking(move || -> Result<_, ApiError> { Ok(crate::senders::remove_sender(&st, by, &address)) }).await? {
        Ok(()) => Ok(see_other("/settings/email?ok=sender_removed#senders")),
        Err(e) => mail_refused(&state, &g, e, SenderForm::default()).await,
    }
}

/// Mails a one-time verification link to the sender's own address.
pub async fn verify_sender(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    CsrfForm(form): CsrfForm<SenderAction>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, address) = (state.clone(), g.by(), form.address.clone());
    let started =
        blocking(move || -> Result<_, ApiError> { Ok(crate::senders::start_verification(&st, by, &address)) }).await?;
    let (sender, link) = match started {
        Ok(x) => x,
        Err(e) => return mail_refused(&state, &g, e, SenderForm::default()).await,
    };
    match crate::senders::send_verification_mail(&state, &sender, &link).await {
        Ok(()) => Ok(see_other("/settings/email?ok=sender_link_sent#senders")),
        Err(reason) => {
            let message = ui_language(&state, &g).text(
                "acc-mail-link-not-mailed",
                Some(&i18n::args([("address", Arg::from(sender.address.as_str())), ("reason", Arg::from(reason))])),
            );
            mail_refused(&state, &g, OpError::Invalid { field: "sender", message }, SenderForm::default()).await.map(
                |mut r| {
                    *r.status_mut() = actix_web::http::StatusCode::BAD_GATEWAY;
                    r
                },
            )
        }
    }
}

/// The Bounces section: webhook addresses, the mailbox and its last poll, the newest events
/// (addresses masked: this page is about the mail system, not about people).
async fn bounces_context(state: &web::Data<AppState>, ui: &Language) -> Result<minijinja::Value, ApiError> {
    let st = state.clone();
    let (last_poll, events) = blocking(move || -> Result<_, crate::store::StoreError> {
        Ok((st.jobs.last(crate::mail::mailbox::JOB)?, crate::mail::bounce::recent(&st, 20)?))
    })
    .await?;
    let b = &state.config.mail.bounces;
    let m = &b.mailbox;
    let base = state.config.public_url();
    let events: Vec<minijinja::Value> = events
        .into_iter()
        .map(|(r, id, email)| {
            context! {
                at => r.at.format("%Y-%m-%d %H:%M UTC").to_string(), kind => ui.text(bounce_kind_key(r.kind), None),
                status => r.status, source => bounce_source(&r.source, ui), diagnostic => r.diagnostic,
                contact => id.to_string(),
                address => email.map(|e| e.masked()).unwrap_or_else(|| ui.text("acc-mail-erased", None)),
            }
        })
        .collect();
    Ok(context! {
        generic_url => format!("{base}/api/v1/bounces"), mailgun_url => format!("{base}/webhooks/mailgun"),
        mailgun => b.mailgun_key().ok().flatten().is_some(), soft_limit => b.soft_limit, soft_window_days => b.soft_window_days,
        mailbox => (!m.host.trim().is_empty()).then(|| context! {
            host => m.host, port => m.effective_port(), folder => m.folder, interval_secs => m.interval_secs,
            tls => tls_words(&m.tls, ui),
        }),
        last_poll => last_poll.map(|r| context! {
            at => r.finished_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(), ok => r.ok, message => r.message,
        }),
        events => events,
    })
}

/// What the test message's report says, in the reader's language where it is one of the two
/// outcomes that need no explaining; a failure's explanation (shared with `tidings
/// send-test-email`) stays in English.
fn test_report_words(
    state: &AppState,
    r: &crate::mail::check::CheckReport,
    to: &str,
    ui: &Language,
) -> (String, Option<String>) {
    if !r.ok {
        return (r.summary.clone(), Some(r.detail.clone()));
    }
    if state.config.mail.relays.is_empty() {
        let path = r.detail.trim_start_matches("written to ");
        let args = i18n::args([("path", Arg::from(path)), ("section", Arg::from("[[mail.relays]]"))]);
        // The path is in the sentence: the detail would only repeat it.
        return (ui.text("acc-mail-test-outbox", Some(&args)), None);
    }
    let args = i18n::args([("to", Arg::from(to))]);
    (ui.text("acc-mail-test-accepted", Some(&args)), Some(r.detail.clone()))
}

/// The admin message naming a kind of bounce.
fn bounce_kind_key(kind: crate::mail::bounce::BounceKind) -> &'static str {
    use crate::mail::bounce::BounceKind;
    match kind {
        BounceKind::Hard => "acc-mail-bounce-hard",
        BounceKind::Soft => "acc-mail-bounce-soft",
        BounceKind::Complaint => "acc-mail-bounce-complaint",
    }
}

/// Where a bounce was learnt, in words; a source this page does not know is shown as recorded.
fn bounce_source(source: &str, ui: &Language) -> String {
    match source {
        "mailbox" => ui.text("acc-mail-source-mailbox", None),
        "webhook" => ui.text("acc-mail-source-webhook", None),
        "mailgun" => ui.text("acc-mail-source-mailgun", None),
        other => other.to_string(),
    }
}

/// Sends one test message through a relay (or into the outbox) and says in words what happened.
pub async fn test_mail(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    CsrfForm(form): CsrfForm<TestMailForm>,
) -> Result<HttpResponse, ApiError> {
    let ui = ui_language(&state, &g);
    let to = form.to.trim().to_string();
    let relay = Some(form.relay.trim().to_string()).filter(|r| !r.is_empty());
    let (report, error) = match crate::domain::EmailAddress::parse(&to) {
        Err(e) => {
            (None, Some(ui.text("acc-mail-test-address", Some(&i18n::args([("error", Arg::from(e.to_string()))])))))
        }
        Ok(_) => match crate::mail::check::send_test_email_as(
            &state.config,
            &to,
            relay.as_deref(),
            Some(&crate::senders::current(&state, "")),
        )
        .await
        {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e.to_string())),
        },
    };
    if let Some(r) = &report {
        let ev = g
            .by()
            .event(crate::audit::Action::MailTestSent)
            .target(format!("relay:{}", r.relay))
            .detail("ok", r.ok)
            .detail("dkim", r.dkim_signed);
        let st = state.clone();
        blocking(move || st.audit.record(ev)).await?;
    }
    let refused = error.is_some();
    let bounces = bounces_context(&state, ui).await?;
    let html = page(
        &state,
        &g,
        "mail_settings.html",
        "settings",
        context! {
            mail => mail_context(&state, ui), to => to, relay => relay,
            report => report.map(|r| {
                let (summary, detail) = test_report_words(&state, &r, &to, ui);
                context! {
                    ok => r.ok, relay => r.relay, summary => summary, detail => detail,
                    message_id => r.message_id, dkim => r.dkim_signed,
                }
            }),
            error => error, bounces => bounces,
        },
    )?;
    Ok(if refused { super::unprocessable(html) } else { html })
}
