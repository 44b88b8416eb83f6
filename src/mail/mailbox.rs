//! The bounce mailbox poller: reads the IMAP folder that receives bounces (mail to the VERP
//! return-path domain) and feedback-loop reports, records every report it recognises and
//! deletes that message; anything else is left where it is and counted.
//!
//! The server polls every `[mail.bounces.mailbox] interval_secs` (no system cron); `tidings
//! bounces poll` runs one poll. The last poll's outcome is kept in the job log under
//! [`JOB`] (counts and an error in words, never an address) for Settings -> Email.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use chrono::Utc;
use futures_util::StreamExt;
use serde::Serialize;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use super::bounce::{self, BounceKind, Effect};
use crate::config::{BounceMailboxConfig, RelayTls};
use crate::state::AppState;

/// The job-log name of the poller's runs.
pub const JOB: &str = "bounce_mailbox";
/// Messages read per poll; the rest wait for the next one.
const MAX_PER_POLL: u32 = 500;
/// Of each message, only this many bytes are fetched (`BODY.PEEK[]<0.N>`): anyone can send
/// mail to the bounce address, and a report's status part comes before the returned original
/// message that can make it megabytes long.
pub const MAX_MESSAGE_BYTES: u32 = 256 * 1024;
/// Messages are fetched and recorded in groups of at most this many bytes (after the cut
/// above), so a poll holds one group, not the whole folder.
const GROUP_BYTES: u64 = 4 * 1024 * 1024;

/// What one poll found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PollReport {
    /// Messages in the folder when it was opened.
    pub in_folder: u32,
    pub fetched: usize,
    pub hard: usize,
    pub soft: usize,
    pub complaints: usize,
    /// Reports recorded before (read twice, or also sent by webhook).
    pub duplicates: usize,
    /// Reports about addresses that are no contact (or no longer: erased).
    pub unmatched: usize,
    /// Messages that are no report (left in the folder).
    pub unrecognised: usize,
    pub deleted: usize,
    /// Messages larger than [`MAX_MESSAGE_BYTES`], of which only the start was read.
    pub cut: usize,
    /// Contacts whose status changed (bounced or complained).
    pub marked: usize,
    /// One line per event, for the CLI: `hard 5.1.1 a@b.example -> bounced`. Never stored.
    #[serde(skip)]
    pub lines: Vec<String>,
}

impl PollReport {
    /// The summary, then one line per event (for `tidings bounces poll`).
    pub fn describe(&self) -> String {
        let mut out = self.summary();
        for l in &self.lines {
            out.push_str("\n  ");
            out.push_str(l);
        }
        out
    }

    pub fn summary(&self) -> String {
        let mut out = format!(
            "{} message(s) read: {} hard, {} soft, {} complaint(s), {} duplicate(s), {} unmatched; \
             {} contact(s) marked; {} deleted; {} unrecognised left in the folder",
            self.fetched,
            self.hard,
            self.soft,
            self.complaints,
            self.duplicates,
            self.unmatched,
            self.marked,
            self.deleted,
            self.unrecognised
        );
        if self.cut > 0 {
            out.push_str(&format!(
                "; {} larger than {} read in part",
                self.cut,
                crate::units::human(MAX_MESSAGE_BYTES as usize)
            ));
        }
        out
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailboxError {
    #[error("no bounce mailbox is configured ([mail.bounces.mailbox] host)")]
    NotConfigured,
    #[error("{0}")]
    Config(String),
    #[error("cannot connect to {addr}: {reason}")]
    Connect { addr: String, reason: String },
    #[error("TLS with {host} failed: {reason}")]
    Tls { host: String, reason: String },
    #[error("the server refused the login of `{user}`: {reason}")]
    Login { user: String, reason: String },
    #[error("folder `{folder}`: {reason}")]
    Folder { folder: String, reason: String },
    #[error("{step}: the server did not answer within {secs} s")]
    Timeout { step: &'static str, secs: u64 },
    #[error("{step}: {reason}")]
    Imap { step: &'static str, reason: String },
    #[error("recording: {0}")]
    Store(String),
}

/// Plain TCP or TLS, as one type for the IMAP client.
enum Conn {
    Plain(TcpStream),
    Tls(Box<tokio_rustls::client::TlsStream<TcpStream>>),
}

impl std::fmt::Debug for Conn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Conn::Plain(_) => "Conn::Plain",
            Conn::Tls(_) => "Conn::Tls",
        })
    }
}

impl AsyncRead for Conn {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Conn {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_flush(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

type Session = async_imap::Session<Conn>;

/// The rustls client settings: aws-lc-rs (the one provider in the graph), the Mozilla roots and
/// the configured extra CA, as for the SMTP relays.
fn tls_config(cfg: &BounceMailboxConfig) -> Result<Arc<rustls::ClientConfig>, MailboxError> {
    let bad = |m: String| MailboxError::Config(format!("mail.bounces.mailbox: {m}"));
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if !cfg.ca_file.as_os_str().is_empty() {
        let pem = std::fs::read(&cfg.ca_file).map_err(|e| bad(format!("ca_file {}: {e}", cfg.ca_file.display())))?;
        let certs = rustls_pemfile::certs(&mut pem.as_slice())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| bad(format!("ca_file {}: {e}", cfg.ca_file.display())))?;
        if certs.is_empty() {
            return Err(bad(format!("ca_file {} holds no PEM certificate", cfg.ca_file.display())));
        }
        for c in certs {
            roots.add(c).map_err(|e| bad(format!("ca_file: {e}")))?;
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(crate::tls::provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| bad(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

async fn within<T, E>(
    secs: u64,
    step: &'static str,
    f: impl std::future::Future<Output = Result<T, E>>,
    err: impl FnOnce(E) -> MailboxError,
) -> Result<T, MailboxError> {
    match tokio::time::timeout(Duration::from_secs(secs), f).await {
        Ok(r) => r.map_err(err),
        Err(_) => Err(MailboxError::Timeout { step, secs }),
    }
}

async fn tls_wrap(cfg: &BounceMailboxConfig, tcp: TcpStream) -> Result<Conn, MailboxError> {
    let host = cfg.host.trim_start_matches('[').trim_end_matches(']').to_string();
    let name = rustls::pki_types::ServerName::try_from(host.clone())
        .map_err(|e| MailboxError::Tls { host: host.clone(), reason: e.to_string() })?;
    let connector = tokio_rustls::TlsConnector::from(tls_config(cfg)?);
    let tls = within(cfg.timeout_secs, "TLS handshake", connector.connect(name, tcp), |e| MailboxError::Tls {
        host: host.clone(),
        reason: tls_words(&e),
    })
    .await?;
    Ok(Conn::Tls(Box::new(tls)))
}

/// A TLS failure in words an operator can act on.
fn tls_words(e: &std::io::Error) -> String {
    let inner = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>());
    match inner {
        Some(rustls::Error::InvalidCertificate(c)) => {
            format!("the server's certificate is not accepted ({c:?}); if it comes from a private CA, set ca_file")
        }
        Some(rustls::Error::InvalidMessage(_)) => {
            "the server did not answer in TLS; is `tls` right for this port (implicit: 993, starttls: 143)?".into()
        }
        Some(other) => other.to_string(),
        None => e.to_string(),
    }
}

async fn open(cfg: &BounceMailboxConfig) -> Result<Session, MailboxError> {
    let t = cfg.timeout_secs;
    let host = cfg.host.trim_start_matches('[').trim_end_matches(']');
    let addr = format!("{host}:{}", cfg.effective_port());
    let tcp = within(t, "connect", TcpStream::connect((host, cfg.effective_port())), |e| MailboxError::Connect {
        addr: addr.clone(),
        reason: e.to_string(),
    })
    .await?;
    let _ = tcp.set_nodelay(true);
    let greeting_err = |e: std::io::Error| MailboxError::Imap { step: "greeting", reason: e.to_string() };
    let mut client = match cfg.tls {
        RelayTls::Implicit => async_imap::Client::new(tls_wrap(cfg, tcp).await?),
        RelayTls::None | RelayTls::Starttls => async_imap::Client::new(Conn::Plain(tcp)),
    };
    let greeting = within(t, "greeting", client.read_response(), greeting_err).await?;
    if greeting.is_none() {
        return Err(MailboxError::Imap { step: "greeting", reason: "the server closed the connection".into() });
    }
    if cfg.tls == RelayTls::Starttls {
        within(t, "STARTTLS", client.run_command_and_check_ok("STARTTLS", None), |e| MailboxError::Tls {
            host: host.to_string(),
            reason: format!("the server refused STARTTLS ({e}); try tls = \"implicit\" on port 993"),
        })
        .await?;
        let Conn::Plain(tcp) = client.into_inner() else { unreachable!("STARTTLS runs on the plain socket") };
        client = async_imap::Client::new(tls_wrap(cfg, tcp).await?);
    }
    let password = cfg.password().map_err(|e| MailboxError::Config(e.to_string()))?;
    within(t, "login", client.login(&cfg.username, &password), |(e, _)| MailboxError::Login {
        user: cfg.username.clone(),
        reason: imap_words(&e),
    })
    .await
}

/// The server's own words from a NO or BAD answer (async-imap formats the whole response
/// struct: `no response: code: None, info: Some("[AUTHENTICATIONFAILED] Invalid credentials")`).
fn imap_words(e: &async_imap::error::Error) -> String {
    let text = e.to_string();
    let info = text.find("info: Some(\"").and_then(|at| {
        let rest = &text[at + "info: Some(\"".len()..];
        rest.rfind("\")").map(|end| rest[..end].replace("\\\"", "\""))
    });
    match (e, info) {
        (async_imap::error::Error::No(_), Some(i)) => format!("the server said NO: {i}"),
        (async_imap::error::Error::Bad(_), Some(i)) => format!("the server said BAD: {i}"),
        _ => text,
    }
}

/// Runs one poll: fetch, parse, record, delete what was recorded. Polls never overlap (the
/// server's timer and `tidings bounces poll` wait for each other).
pub async fn poll(state: &Arc<AppState>) -> Result<PollReport, MailboxError> {
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _one = ONE_AT_A_TIME.lock().await;
    let cfg = &state.config.mail.bounces.mailbox;
    if cfg.host.trim().is_empty() {
        return Err(MailboxError::NotConfigured);
    }
    let t = cfg.timeout_secs;
    let mut session = open(cfg).await?;
    let folder_err =
        |e: async_imap::error::Error| MailboxError::Folder { folder: cfg.folder.clone(), reason: e.to_string() };
    let mailbox = within(t, "select", session.select(&cfg.folder), folder_err).await?;
    let mut report = PollReport { in_folder: mailbox.exists, ..Default::default() };
    let imap_err = |step| move |e: async_imap::error::Error| MailboxError::Imap { step, reason: e.to_string() };
    // Sizes first, so that no message is read past the cut and each group stays bounded.
    let mut sizes = Vec::new();
    if mailbox.exists > 0 {
        let last = mailbox.exists.min(MAX_PER_POLL);
        sizes = within(
            t,
            "fetch",
            async {
                let stream = session.fetch(format!("1:{last}"), "(UID RFC822.SIZE)").await?;
                let mut stream = std::pin::pin!(stream);
                let mut out = Vec::new();
                while let Some(item) = stream.next().await {
                    let f = item?;
                    if let Some(uid) = f.uid {
                        out.push((uid, f.size.unwrap_or(MAX_MESSAGE_BYTES)));
                    }
                }
                Ok(out)
            },
            imap_err("fetch"),
        )
        .await?;
    }
    let mut done = Vec::new();
    for group in groups(&sizes) {
        report.cut += group.iter().filter(|(_, size)| *size > MAX_MESSAGE_BYTES).count();
        let set = group.iter().map(|(uid, _)| uid.to_string()).collect::<Vec<_>>().join(",");
        let messages = within(
            t,
            "fetch",
            async {
                let query = format!("(UID BODY.PEEK[]<0.{MAX_MESSAGE_BYTES}>)");
                let stream = session.uid_fetch(&set, &query).await?;
                let mut stream = std::pin::pin!(stream);
                let mut out = Vec::new();
                while let Some(item) = stream.next().await {
                    let f = item?;
                    if let (Some(uid), Some(body)) = (f.uid, f.body()) {
                        // A server that sends more than was asked is cut here all the same.
                        out.push((uid, body[..body.len().min(MAX_MESSAGE_BYTES as usize)].to_vec()));
                    }
                }
                Ok(out)
            },
            imap_err("fetch"),
        )
        .await?;
        report.fetched += messages.len();
        let st = state.clone();
        let mut r = std::mem::take(&mut report);
        let (r, recorded) = tokio::task::spawn_blocking(move || {
            let mut recorded = Vec::new();
            for (uid, raw) in messages {
                match handle_message(&st, &raw, &mut r) {
                    Ok(true) => recorded.push(uid),
                    Ok(false) => r.unrecognised += 1,
                    Err(e) => tracing::error!(error = %e, "bounce report not recorded; left in the mailbox"),
                }
            }
            (r, recorded)
        })
        .await
        .map_err(|e| MailboxError::Store(e.to_string()))?;
        report = r;
        done.extend(recorded);
    }
    if !done.is_empty() {
        let set = done.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        within(
            t,
            "delete",
            async {
                {
                    let s = session.uid_store(&set, "+FLAGS.SILENT (\\Deleted)").await?;
                    let mut s = std::pin::pin!(s);
                    while let Some(r) = s.next().await {
                        r?;
                    }
                }
                let s = session.expunge().await?;
                let mut s = std::pin::pin!(s);
                while let Some(r) = s.next().await {
                    r?;
                }
                Ok(())
            },
            imap_err("delete"),
        )
        .await?;
        report.deleted = done.len();
    }
    let _ =
        within(t, "logout", session.logout(), |e| MailboxError::Imap { step: "logout", reason: e.to_string() }).await;
    Ok(report)
}

/// (uid, size) in groups whose sizes, each cut at [`MAX_MESSAGE_BYTES`], add up to at most
/// [`GROUP_BYTES`] (a group holds at least one message).
fn groups(sizes: &[(u32, u32)]) -> Vec<&[(u32, u32)]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, (_, size)) in sizes.iter().enumerate() {
        let size = u64::from((*size).min(MAX_MESSAGE_BYTES));
        if i > start && bytes + size > GROUP_BYTES {
            out.push(&sizes[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < sizes.len() {
        out.push(&sizes[start..]);
    }
    out
}

/// Records one message's events; `Ok(false)` when it is no report.
fn handle_message(state: &AppState, raw: &[u8], report: &mut PollReport) -> Result<bool, String> {
    let Some(parsed) = bounce::parse_report(raw) else { return Ok(false) };
    let events = bounce::resolve(state, &parsed, "mailbox").map_err(|e| e.to_string())?;
    for ev in events {
        let kind = ev.event.kind;
        let Some(contact) = ev.contact else {
            report.unmatched += 1;
            report.lines.push(format!("{} {} {}: no such contact", kind.as_str(), ev.event.status, ev.recipient));
            continue;
        };
        let effect = match bounce::record(state, &contact, ev.event.clone()) {
            Ok(e) => e,
            Err(crate::ops::OpError::NotFound(_)) => {
                report.unmatched += 1;
                continue;
            }
            Err(e) => return Err(e.to_string()),
        };
        match (effect, kind) {
            (Effect::Duplicate, _) => report.duplicates += 1,
            (_, BounceKind::Hard) => report.hard += 1,
            (_, BounceKind::Soft) => report.soft += 1,
            (_, BounceKind::Complaint) => report.complaints += 1,
        }
        if matches!(effect, Effect::Bounced | Effect::Complained) {
            report.marked += 1;
        }
        report.lines.push(format!(
            "{} {} {} (contact {contact}): {}",
            kind.as_str(),
            ev.event.status,
            ev.recipient,
            effect.as_str()
        ));
    }
    Ok(true)
}

/// Runs one poll and records its outcome in the job log (what Settings -> Email shows).
pub async fn poll_and_log(state: &Arc<AppState>) -> Result<PollReport, MailboxError> {
    let started_at = Utc::now();
    let result = poll(state).await;
    let (ok, message) = match &result {
        Ok(r) => (true, r.summary()),
        Err(e) => (false, e.to_string()),
    };
    if ok {
        tracing::info!(job = JOB, "{message}");
    } else {
        tracing::warn!(job = JOB, error = %message, "bounce mailbox poll failed");
    }
    state.metrics.job_runs(JOB, ok);
    let run = crate::jobs::log::JobRun { job: JOB.into(), started_at, finished_at: Utc::now(), ok, message };
    let st = state.clone();
    let _ = tokio::task::spawn_blocking(move || {
        if let Err(e) = st.jobs.record(&run) {
            tracing::error!(job = JOB, error = %e, "could not record the poll");
        }
    })
    .await;
    result
}

/// Polls the mailbox at start and then every `interval_secs`, until the process ends. Does
/// nothing when no mailbox is configured.
/// The clock's kind for mailbox polls (one timer, key [`JOB`]).
pub const TIMER_KIND: &str = "mailbox_poll";

/// Puts the poll's timer in the clock: due now when a mailbox is configured (then every
/// `interval_secs` after each poll), removed when none is.
pub fn schedule(state: &AppState) -> crate::store::Result<()> {
    if state.config.mail.bounces.mailbox.host.trim().is_empty() {
        state.clock.cancel(TIMER_KIND, JOB)?;
        return Ok(());
    }
    if state.clock.get(TIMER_KIND, JOB)?.is_none() {
        state.clock.set(TIMER_KIND, JOB, Utc::now(), b"")?;
    }
    Ok(())
}

/// Polls when the timer is due, records the outcome in the job log, and sets the timer again
/// for `interval_secs` later (after a failure too: the next poll tries again).
pub struct Poller {
    state: std::sync::Weak<AppState>,
    runtime: tokio::runtime::Handle,
}

impl Poller {
    pub fn new(state: &Arc<AppState>, runtime: tokio::runtime::Handle) -> Arc<Self> {
        Arc::new(Self { state: Arc::downgrade(state), runtime })
    }
}

impl crate::clock::Handler for Poller {
    fn kind(&self) -> &'static str {
        TIMER_KIND
    }

    fn fire(&self, _timer: &crate::clock::Timer) -> Result<crate::clock::Fired, String> {
        let Some(state) = self.state.upgrade() else { return Err("the appliance is stopping".into()) };
        if state.config.mail.bounces.mailbox.host.trim().is_empty() {
            return Ok(crate::clock::Fired::done());
        }
        let _ = self.runtime.block_on(poll_and_log(&state));
        let interval = chrono::Duration::seconds(state.config.mail.bounces.mailbox.interval_secs as i64);
        Ok(crate::clock::Fired::again(Utc::now() + interval))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_hold_at_most_their_bytes_with_each_message_counted_at_its_cut() {
        let big = MAX_MESSAGE_BYTES * 100;
        // Sixteen messages of the cut's size fill a group; a huge one counts as the cut.
        let sizes: Vec<(u32, u32)> =
            (1..=40).map(|uid| (uid, if uid == 3 { big } else { MAX_MESSAGE_BYTES })).collect();
        let g = groups(&sizes);
        assert_eq!(g.iter().map(|g| g.len()).collect::<Vec<_>>(), vec![16, 16, 8]);
        assert_eq!(g.concat(), sizes, "every message once, in order");
        assert!(groups(&[]).is_empty());
        assert_eq!(groups(&[(1, 10)]).len(), 1);
    }
}
