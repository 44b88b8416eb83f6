//! Where signed messages go: an SMTP relay (a pool of connections, a rate limit) or, with no
//! relay configured, the file outbox. Both take the finished bytes and an envelope and answer
//! with an [`Outcome`] the outbox can act on: accepted, try again later, or refused for good.
//!
//! SMTP goes through lettre's connection type, over a socket opened here: lettre never sets
//! `TCP_NODELAY` and writes the final `.` of a message separately, so each message would wait
//! ~40 ms for a delayed ACK (measured: 182–726 msgs/s through lettre's pool, 12–15k with the
//! flag set). Each reply is read and judged on its own, so a failure names its stage (a refused
//! recipient is the address's fault; a refused sender or login is the relay configuration's, and
//! must not mark anyone). When the relay offers PIPELINING (RFC 2920), MAIL FROM, RCPT TO and
//! DATA go out in one write and their replies are read in order, and the content goes out with
//! its final `.` in one write: two round trips per message instead of four, and fewer packets
//! and wake-ups on both sides.

use std::io::Write as _;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream, Certificate, TlsParameters};
use lettre::transport::smtp::commands::{Data, Ehlo, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::Address;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use super::message::{check_address, MessageError};
use super::MailError;
use crate::config::{RelayConfig, RelayTls};

/// MAIL FROM and RCPT TO.
#[derive(Debug, Clone)]
pub struct Envelope {
    from: Option<Address>,
    to: Vec<Address>,
}

impl Envelope {
    /// `from` may be empty: the null sender `<>` (for bounces of bounces).
    pub fn new(from: &str, to: &[&str]) -> Result<Self, MessageError> {
        let parse = |header: &'static str, s: &str| {
            check_address(header, s)?;
            s.parse::<Address>().map_err(|_| MessageError::Address { header, value: s.to_string() })
        };
        let from = if from.is_empty() { None } else { Some(parse("MAIL FROM", from)?) };
        if to.is_empty() {
            return Err(MessageError::Address { header: "RCPT TO", value: String::new() });
        }
        let to = to.iter().map(|t| parse("RCPT TO", t)).collect::<Result<_, _>>()?;
        Ok(Self { from, to })
    }

    pub fn from(&self) -> &str {
        self.from.as_ref().map_or("", |a| a.as_ref())
    }

    pub fn to(&self) -> impl Iterator<Item = &str> {
        self.to.iter().map(|a| a.as_ref())
    }
}

/// What happened to one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The relay took responsibility for it (or it was written to the outbox); `reply` is the
    /// relay's answer (often a queue id) or the file written.
    Accepted { reply: String },
    /// Try again later: a 4xx reply, a lost connection, a timeout, or a relay that cannot be
    /// reached or logged into right now.
    Temporary(Failure),
    /// A 5xx reply: sending the same thing again will fail the same way.
    Permanent(Failure),
}

impl Outcome {
    pub fn is_accepted(&self) -> bool {
        matches!(self, Outcome::Accepted { .. })
    }

    pub fn failure(&self) -> Option<&Failure> {
        match self {
            Outcome::Accepted { .. } => None,
            Outcome::Temporary(f) | Outcome::Permanent(f) => Some(f),
        }
    }
}

/// The step of the exchange that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Resolving the host and opening the TCP connection.
    Connect,
    /// The TLS handshake (implicit or after STARTTLS), or STARTTLS itself.
    Tls,
    /// The relay's greeting and our EHLO.
    Greeting,
    Auth,
    /// MAIL FROM.
    Sender,
    /// RCPT TO.
    Recipient,
    /// DATA and the message itself.
    Content,
    /// Writing to the file outbox.
    File,
}

/// Why it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// The host name does not resolve.
    Dns,
    /// Nothing listens on the port.
    Refused,
    /// No answer in time.
    Timeout,
    /// The connection broke.
    Network,
    /// The relay answered with an SMTP error code (see `Failure::code`).
    Reply,
    /// The relay does not offer what the configuration needs (STARTTLS, AUTH, 8BITMIME).
    NotOffered,
    /// An implicit-TLS handshake got plain-text SMTP back.
    PlainText,
    /// The certificate is not signed by an authority we trust.
    Untrusted,
    /// The certificate does not name the host.
    WrongName,
    /// The certificate has expired (or is not valid yet).
    Expired,
    /// Another TLS failure.
    Tls,
    /// Anything else (a malformed reply, a local I/O error).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub stage: Stage,
    pub cause: Cause,
    /// The SMTP reply code, when the relay answered.
    pub code: Option<u16>,
    /// The relay's text or the error, for logs and the explanation.
    pub text: String,
}

impl Failure {
    fn new(stage: Stage, cause: Cause, text: impl Into<String>) -> Self {
        Self { stage, cause, code: None, text: text.into() }
    }

    /// True when the failure concerns this recipient or this message, not the relay: only then
    /// may the outbox mark an address (5xx at RCPT) or give up on a message (5xx after DATA).
    pub fn blames_message(&self) -> bool {
        self.cause == Cause::Reply && matches!(self.stage, Stage::Recipient | Stage::Content)
    }

    fn into_outcome(self) -> Outcome {
        match self.code {
            Some(c) if (500..600).contains(&c) => Outcome::Permanent(self),
            _ => Outcome::Temporary(self),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code {
            Some(code) => write!(f, "{:?} {:?}: {code} {}", self.stage, self.cause, self.text),
            None => write!(f, "{:?} {:?}: {}", self.stage, self.cause, self.text),
        }
    }
}

/// A relay, or the mail folder (`<data_dir>/outbox/`, when no relay is configured). Not to be
/// confused with the sending outbox (`sending::outbox`), the durable queue of messages to send.
pub enum Transport {
    Smtp(Box<SmtpRelay>),
    Folder(MailFolder),
}

impl Transport {
    pub fn name(&self) -> &str {
        match self {
            Transport::Smtp(r) => &r.settings.name,
            Transport::Folder(_) => "outbox",
        }
    }

    /// Messages this transport carries at once (the sender runs as many lanes).
    pub fn connections(&self) -> usize {
        match self {
            Transport::Smtp(r) => r.pool_size,
            Transport::Folder(_) => 4,
        }
    }

    pub async fn send(&self, envelope: &Envelope, message: &[u8]) -> Outcome {
        match self {
            Transport::Smtp(r) => r.send(envelope, message).await,
            Transport::Folder(o) => o.send(envelope, message).await,
        }
    }
}

/// The mail folder: one `.eml` file per message under `<data_dir>/outbox/` (the folder keeps
/// the name operators know), written to a temporary name, synced,
/// then renamed (and the directory synced), so a file that exists is complete. `Return-Path` and
/// `Envelope-To` in front record the envelope, as a mail server's local delivery would.
#[derive(Clone)]
pub struct MailFolder {
    dir: Arc<PathBuf>,
}

/// Part of each file name, with the time and the process id: unique across every outbox of this
/// process (a name that existed would be replaced by the rename).
static OUTBOX_SEQ: AtomicU64 = AtomicU64::new(0);

impl MailFolder {
    pub fn new(dir: &Path) -> std::io::Result<Self> {
        if !dir.exists() {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        }
        Ok(Self { dir: Arc::new(dir.to_path_buf()) })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the message (blocking I/O); returns the file's path.
    pub fn write(&self, envelope: &Envelope, message: &[u8]) -> std::io::Result<PathBuf> {
        use std::os::unix::fs::OpenOptionsExt;
        let dir = self.dir.as_path();
        let millis = chrono::Utc::now().timestamp_millis();
        let seq = OUTBOX_SEQ.fetch_add(1, Ordering::Relaxed);
        let name = format!("{millis:013}-{}-{seq:06}.eml", std::process::id());
        let tmp = dir.join(format!(".{name}.tmp"));
        let path = dir.join(&name);
        let result = (|| {
            let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp)?;
            let to: Vec<&str> = envelope.to().collect();
            write!(f, "Return-Path: <{}>\r\nEnvelope-To: {}\r\n", envelope.from(), to.join(", "))?;
            f.write_all(message)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)?;
            std::fs::File::open(dir)?.sync_all()
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map(|()| path)
    }

    pub async fn send(&self, envelope: &Envelope, message: &[u8]) -> Outcome {
        let (outbox, envelope, message) = (self.clone(), envelope.clone(), message.to_vec());
        match tokio::task::spawn_blocking(move || outbox.write(&envelope, &message)).await {
            Ok(Ok(path)) => Outcome::Accepted { reply: format!("written to {}", path.display()) },
            Ok(Err(e)) => Outcome::Temporary(Failure::new(Stage::File, Cause::Other, e.to_string())),
            Err(e) => Outcome::Temporary(Failure::new(Stage::File, Cause::Other, e.to_string())),
        }
    }
}

/// Connection settings of one relay, resolved from the config (password read, CA loaded).
pub struct RelaySettings {
    pub name: String,
    pub host: String,
    pub port: u16,
    pub tls: RelayTls,
    pub timeout: Duration,
    credentials: Option<Credentials>,
    hello: ClientId,
    /// For implicit TLS (our handshake on our socket).
    rustls: Option<Arc<rustls::ClientConfig>>,
    /// For STARTTLS (lettre's upgrade of the same socket).
    starttls: Option<TlsParameters>,
}

impl RelaySettings {
    pub fn from_config(cfg: &RelayConfig, hello_name: &str) -> Result<Self, MailError> {
        let bad = |m: String| MailError::Config(format!("mail.relays `{}`: {m}", cfg.name));
        let extra_roots = if cfg.ca_file.as_os_str().is_empty() {
            Vec::new()
        } else {
            let pem =
                std::fs::read(&cfg.ca_file).map_err(|e| bad(format!("ca_file {}: {e}", cfg.ca_file.display())))?;
            let certs = rustls_pemfile::certs(&mut pem.as_slice())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| bad(format!("ca_file {}: {e}", cfg.ca_file.display())))?;
            if certs.is_empty() {
                return Err(bad(format!("ca_file {} holds no PEM certificate", cfg.ca_file.display())));
            }
            certs
        };
        let (rustls, starttls) = match cfg.tls {
            RelayTls::None => (None, None),
            RelayTls::Implicit => {
                let mut roots = rustls::RootCertStore::empty();
                roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
                for c in &extra_roots {
                    roots.add(c.clone()).map_err(|e| bad(format!("ca_file: {e}")))?;
                }
                let config = rustls::ClientConfig::builder_with_provider(crate::tls::provider())
                    .with_safe_default_protocol_versions()
                    .map_err(|e| bad(e.to_string()))?
                    .with_root_certificates(roots)
                    .with_no_client_auth();
                (Some(Arc::new(config)), None)
            }
            RelayTls::Starttls => {
                let mut builder = TlsParameters::builder(cfg.host.clone());
                if !extra_roots.is_empty() {
                    let pem = std::fs::read(&cfg.ca_file).map_err(|e| bad(e.to_string()))?;
                    builder = builder
                        .add_root_certificate(Certificate::from_pem(&pem).map_err(|e| bad(format!("ca_file: {e}")))?);
                }
                (None, Some(builder.build_rustls().map_err(|e| bad(format!("TLS settings: {e}")))?))
            }
        };
        let password = cfg.password().map_err(|e| MailError::Config(e.to_string()))?;
        let credentials = (!cfg.username.is_empty()).then(|| Credentials::new(cfg.username.clone(), password));
        Ok(Self {
            name: cfg.name.clone(),
            host: cfg.host.trim_start_matches('[').trim_end_matches(']').to_string(),
            port: cfg.effective_port(),
            tls: cfg.tls,
            timeout: Duration::from_secs(cfg.timeout_secs),
            credentials,
            hello: client_id(hello_name),
            rustls,
            starttls,
        })
    }

    /// Opens a connection: DNS, TCP (with `TCP_NODELAY`), TLS, greeting, EHLO, STARTTLS, AUTH.
    pub async fn connect(&self) -> Result<Connection, Failure> {
        let t = self.timeout;
        let addrs: Vec<SocketAddr> =
            match tokio::time::timeout(t, tokio::net::lookup_host((self.host.as_str(), self.port))).await {
                Ok(Ok(addrs)) => addrs.collect(),
                Ok(Err(e)) => return Err(Failure::new(Stage::Connect, Cause::Dns, e.to_string())),
                Err(_) => {
                    return Err(Failure::new(
                        Stage::Connect,
                        Cause::Dns,
                        format!("no DNS answer within {}s", t.as_secs()),
                    ))
                }
            };
        if addrs.is_empty() {
            return Err(Failure::new(Stage::Connect, Cause::Dns, "the name has no address"));
        }
        let mut last = Failure::new(Stage::Connect, Cause::Other, "no address to try");
        let mut tcp = None;
        for addr in addrs {
            match tokio::time::timeout(t, TcpStream::connect(addr)).await {
                Ok(Ok(s)) => {
                    tcp = Some(s);
                    break;
                }
                Ok(Err(e)) => {
                    let cause = match e.kind() {
                        std::io::ErrorKind::ConnectionRefused => Cause::Refused,
                        std::io::ErrorKind::TimedOut => Cause::Timeout,
                        _ => Cause::Network,
                    };
                    last = Failure::new(Stage::Connect, cause, format!("{addr}: {e}"));
                }
                Err(_) => {
                    last = Failure::new(
                        Stage::Connect,
                        Cause::Timeout,
                        format!("{addr}: no answer within {}s", t.as_secs()),
                    )
                }
            }
        }
        let tcp = tcp.ok_or(last)?;
        tcp.set_nodelay(true).map_err(|e| Failure::new(Stage::Connect, Cause::Network, e.to_string()))?;

        let stream: Box<dyn AsyncTokioStream> = match &self.rustls {
            Some(config) => {
                let name = rustls::pki_types::ServerName::try_from(self.host.clone())
                    .map_err(|e| Failure::new(Stage::Tls, Cause::Tls, format!("`{}`: {e}", self.host)))?;
                let connector = tokio_rustls::TlsConnector::from(config.clone());
                let tls = within(t, Stage::Tls, "TLS handshake", connector.connect(name, tcp)).await?;
                Box::new(TlsTcp(tls.map_err(|e| tls_failure(&e))?))
            }
            None => Box::new(tcp),
        };
        let mut conn =
            within(t, Stage::Greeting, "greeting", AsyncSmtpConnection::connect_with_transport(stream, &self.hello))
                .await?
                .map_err(|e| smtp_failure(Stage::Greeting, &e))?;
        if let Some(params) = &self.starttls {
            if !conn.server_info().supports_feature(Extension::StartTls) {
                return Err(Failure::new(Stage::Tls, Cause::NotOffered, "the relay does not offer STARTTLS"));
            }
            within(t, Stage::Tls, "TLS handshake", conn.starttls(params.clone(), &self.hello))
                .await?
                .map_err(|e| tls_or_smtp_failure(&e))?;
        }
        // lettre keeps only the extensions it knows, and PIPELINING is not one of them: ask once
        // more (allowed at any time outside a transaction; before AUTH, which EHLO would reset).
        let pipelining =
            match within(t, Stage::Greeting, "EHLO answer", conn.command(Ehlo::new(self.hello.clone()))).await? {
                Ok(reply) => reply
                    .message()
                    .any(|l| l.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("PIPELINING"))),
                // A relay that refuses a second EHLO still works without pipelining.
                Err(e) if e.status().is_some() => false,
                Err(e) => return Err(smtp_failure(Stage::Greeting, &e)),
            };
        if let Some(credentials) = &self.credentials {
            let mechanisms = [Mechanism::Plain, Mechanism::Login];
            if !mechanisms.iter().any(|m| conn.server_info().supports_auth_mechanism(*m)) {
                return Err(Failure::new(
                    Stage::Auth,
                    Cause::NotOffered,
                    "the relay offers no PLAIN or LOGIN authentication",
                ));
            }
            within(t, Stage::Auth, "answer", conn.auth(&mechanisms, credentials))
                .await?
                .map_err(|e| smtp_failure(Stage::Auth, &e))?;
        }
        Ok(Connection { inner: conn, pipelining, broken: false })
    }
}

/// One open connection to a relay, with what lettre does not track.
pub struct Connection {
    inner: AsyncSmtpConnection,
    /// The relay offers PIPELINING (RFC 2920).
    pipelining: bool,
    /// Left in a state where it must not carry another message (the relay waits for content
    /// that must not be sent): dropped rather than returned to the pool.
    broken: bool,
}

impl Connection {
    fn usable(&self) -> bool {
        !self.broken && !self.inner.has_broken()
    }
}

fn client_id(name: &str) -> ClientId {
    match name.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => ClientId::Ipv4(ip),
        Ok(std::net::IpAddr::V6(ip)) => ClientId::Ipv6(ip),
        Err(_) => ClientId::Domain(name.to_string()),
    }
}

/// A pool of connections to one relay: at most `pool_size` messages in flight, each connection
/// reused for the next message, and at most `rate_limit` messages per second.
pub struct SmtpRelay {
    pub settings: RelaySettings,
    idle: Mutex<Vec<(Connection, Instant)>>,
    slots: tokio::sync::Semaphore,
    pool_size: usize,
    limiter: Option<governor::DefaultDirectRateLimiter>,
}

/// A connection idle for longer than this is checked with NOOP before it carries a message
/// (relays close idle connections; sending into one that is gone would fail the message).
const CHECK_AFTER_IDLE: Duration = Duration::from_secs(5);

impl SmtpRelay {
    pub fn new(cfg: &RelayConfig, hello_name: &str) -> Result<Self, MailError> {
        let settings = RelaySettings::from_config(cfg, hello_name)?;
        let limiter =
            NonZeroU32::new(cfg.rate_limit).map(|n| governor::RateLimiter::direct(governor::Quota::per_second(n)));
        let pool_size = cfg.pool_size.max(1);
        Ok(Self {
            settings,
            idle: Mutex::new(Vec::new()),
            slots: tokio::sync::Semaphore::new(pool_size),
            pool_size,
            limiter,
        })
    }

    pub async fn send(&self, envelope: &Envelope, message: &[u8]) -> Outcome {
        let Ok(_slot) = self.slots.acquire().await else {
            return Outcome::Temporary(Failure::new(Stage::Connect, Cause::Other, "relay closed"));
        };
        if let Some(limiter) = &self.limiter {
            limiter.until_ready().await;
        }
        let (mut conn, reused) = match self.take_idle().await {
            Some(c) => (c, true),
            None => match self.settings.connect().await {
                Ok(c) => (c, false),
                Err(f) => return f.into_outcome(),
            },
        };
        let mut result = transact(&mut conn, envelope, message, self.settings.timeout).await;
        if let Err(f) = &result {
            // A reused connection that broke before MAIL FROM was answered carried nothing of
            // this message: the relay closed it while idle. Once more on a fresh one.
            if reused && f.stage == Stage::Sender && f.cause != Cause::Reply {
                match self.settings.connect().await {
                    Ok(c) => {
                        conn = c;
                        result = transact(&mut conn, envelope, message, self.settings.timeout).await;
                    }
                    Err(f) => return f.into_outcome(),
                }
            }
        }
        match result {
            Ok(reply) => {
                self.put_idle(conn);
                Outcome::Accepted { reply }
            }
            Err(f) => {
                // After an SMTP refusal the connection is still good: reset the transaction (not
                // needed once the message itself was answered) and keep it.
                if f.cause == Cause::Reply {
                    let reusable = conn.usable()
                        && match f.stage {
                            Stage::Sender | Stage::Recipient => matches!(
                                tokio::time::timeout(self.settings.timeout, conn.inner.command(Rset)).await,
                                Ok(Ok(_))
                            ),
                            Stage::Content => true,
                            _ => false,
                        };
                    if reusable {
                        self.put_idle(conn);
                    }
                }
                f.into_outcome()
            }
        }
    }

    async fn take_idle(&self) -> Option<Connection> {
        loop {
            let (mut conn, since) = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop()?;
            if !conn.usable() {
                continue;
            }
            if since.elapsed() < CHECK_AFTER_IDLE
                || matches!(tokio::time::timeout(self.settings.timeout, conn.inner.test_connected()).await, Ok(true))
            {
                return Some(conn);
            }
        }
    }

    fn put_idle(&self, conn: Connection) {
        if conn.usable() {
            self.idle.lock().unwrap_or_else(|p| p.into_inner()).push((conn, Instant::now()));
        }
    }

    /// Closes the idle connections politely (QUIT).
    pub async fn close(&self) {
        let conns: Vec<_> = std::mem::take(&mut *self.idle.lock().unwrap_or_else(|p| p.into_inner()));
        for (mut c, _) in conns {
            let _ = tokio::time::timeout(Duration::from_secs(2), c.inner.quit()).await;
        }
    }
}

/// MAIL FROM, RCPT TO (each), DATA, the message. Returns the relay's final reply.
async fn transact(conn: &mut Connection, envelope: &Envelope, message: &[u8], t: Duration) -> Result<String, Failure> {
    let mut params = Vec::new();
    let info = conn.inner.server_info();
    if !message.is_ascii() {
        if !info.supports_feature(Extension::EightBitMime) {
            return Err(Failure::new(
                Stage::Content,
                Cause::NotOffered,
                "the message has 8-bit content and the relay lacks 8BITMIME",
            ));
        }
        params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    if envelope.from().chars().chain(envelope.to().flat_map(str::chars)).any(|c| !c.is_ascii()) {
        if !info.supports_feature(Extension::SmtpUtfEight) {
            return Err(Failure::new(
                Stage::Sender,
                Cause::NotOffered,
                "an address is not ASCII and the relay lacks SMTPUTF8",
            ));
        }
        params.push(MailParameter::SmtpUtfEight);
    }
    let mail = Mail::new(envelope.from.clone(), params);
    if conn.pipelining {
        envelope_pipelined(conn, mail, envelope, t).await?;
    } else {
        step(t, Stage::Sender, conn.inner.command(mail)).await?;
        for rcpt in &envelope.to {
            step(t, Stage::Recipient, conn.inner.command(Rcpt::new(rcpt.clone(), Vec::new()))).await?;
        }
        step(t, Stage::Content, conn.inner.command(Data)).await?;
    }
    // The relay's `.` ends the data: without our last CRLF the message arrives with exactly the
    // line ending it was signed with.
    let body = message.strip_suffix(b"\r\n").unwrap_or(message);
    let reply = match std::str::from_utf8(body) {
        // Stuffed, with its end, in one write.
        Ok(text) => step(t, Stage::Content, conn.inner.command(Content(text))).await?,
        Err(_) => step(t, Stage::Content, conn.inner.message(body)).await?,
    };
    Ok(format!("{} {}", u16::from(reply.code()), reply.message().collect::<Vec<_>>().join(" ")))
}

/// MAIL FROM, every RCPT TO and DATA in one write (RFC 2920: DATA ends the group), then each
/// reply in order. Every reply is read even after a refusal, so the connection stays in step;
/// the first refusal names the stage, as if the commands had gone one by one.
async fn envelope_pipelined(
    conn: &mut Connection,
    mail: Mail,
    envelope: &Envelope,
    t: Duration,
) -> Result<(), Failure> {
    use std::fmt::Write as _;
    let mut batch = mail.to_string();
    for rcpt in &envelope.to {
        let _ = write!(batch, "{}", Rcpt::new(rcpt.clone(), Vec::new()));
    }
    let _ = write!(batch, "{Data}");
    let mut refused: Option<Failure> = None;
    let mut data_open = false;
    let last = envelope.to.len() + 1;
    for i in 0..=last {
        let stage = match i {
            0 => Stage::Sender,
            i if i == last => Stage::Content,
            _ => Stage::Recipient,
        };
        // `command` writes the whole batch and reads the first reply.
        let reply = if i == 0 {
            step(t, stage, conn.inner.command(Raw(&batch))).await
        } else {
            step(t, stage, conn.inner.read_response()).await
        };
        match reply {
            Ok(_) => data_open = i == last,
            Err(f) if f.cause == Cause::Reply => {
                refused.get_or_insert(f);
            }
            // Lost or timed out: out of step with the relay, so not used again.
            Err(f) => {
                conn.broken = true;
                return Err(refused.unwrap_or(f));
            }
        }
    }
    if let Some(f) = refused {
        // DATA answered 354 although a command before it was refused (another recipient was
        // accepted): the relay now waits for content that must not go. Only closing ends that.
        conn.broken = data_open;
        return Err(f);
    }
    Ok(())
}

/// Commands written as they are (a pipelined group).
struct Raw<'a>(&'a str);

impl std::fmt::Display for Raw<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// The message content as it goes over the wire after DATA: a `.` at the start of a line doubled
/// (RFC 5321 4.5.2, as lettre's own encoder does), then CRLF . CRLF.
struct Content<'a>(&'a str);

impl std::fmt::Display for Content<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rest = self.0;
        if rest.starts_with('.') {
            f.write_str(".")?;
        }
        while let Some(i) = rest.find("\r\n.") {
            f.write_str(&rest[..i + 3])?;
            f.write_str(".")?;
            rest = &rest[i + 3..];
        }
        f.write_str(rest)?;
        f.write_str("\r\n.\r\n")
    }
}

async fn step<F>(t: Duration, stage: Stage, f: F) -> Result<lettre::transport::smtp::response::Response, Failure>
where
    F: std::future::Future<
        Output = Result<lettre::transport::smtp::response::Response, lettre::transport::smtp::Error>,
    >,
{
    within(t, stage, "answer", f).await?.map_err(|e| smtp_failure(stage, &e))
}

/// `f`'s own result if it comes within `t`; else a timeout failure at `stage` saying what did
/// not come ("no greeting within 30s").
async fn within<T, E>(
    t: Duration,
    stage: Stage,
    what: &str,
    f: impl std::future::Future<Output = Result<T, E>>,
) -> Result<Result<T, E>, Failure> {
    tokio::time::timeout(t, f)
        .await
        .map_err(|_| Failure::new(stage, Cause::Timeout, format!("no {what} within {}s", t.as_secs())))
}

fn smtp_failure(stage: Stage, e: &lettre::transport::smtp::Error) -> Failure {
    use std::error::Error;
    if let Some(code) = e.status() {
        let text = e.source().map(|s| s.to_string()).unwrap_or_default();
        return Failure { stage, cause: Cause::Reply, code: Some(code.into()), text };
    }
    let cause = if e.is_timeout() {
        Cause::Timeout
    } else if e.is_client() || e.is_response() {
        Cause::Other
    } else {
        Cause::Network
    };
    Failure::new(stage, cause, error_chain(e))
}

fn tls_or_smtp_failure(e: &lettre::transport::smtp::Error) -> Failure {
    match find_rustls(e) {
        Some(r) => tls_cause(&r),
        None if e.status().is_some() => smtp_failure(Stage::Tls, e),
        None => Failure::new(Stage::Tls, Cause::Tls, error_chain(e)),
    }
}

fn tls_failure(e: &std::io::Error) -> Failure {
    match find_rustls(e) {
        Some(r) => tls_cause(&r),
        None => Failure::new(Stage::Tls, Cause::Network, e.to_string()),
    }
}

fn tls_cause(e: &rustls::Error) -> Failure {
    use rustls::{CertificateError as C, Error as E};
    let cause = match e {
        E::InvalidMessage(_) => Cause::PlainText,
        E::InvalidCertificate(C::UnknownIssuer | C::BadSignature | C::UnhandledCriticalExtension) => Cause::Untrusted,
        E::InvalidCertificate(C::NotValidForName | C::NotValidForNameContext { .. }) => Cause::WrongName,
        E::InvalidCertificate(
            C::Expired | C::ExpiredContext { .. } | C::NotValidYet | C::NotValidYetContext { .. },
        ) => Cause::Expired,
        _ => Cause::Tls,
    };
    Failure::new(Stage::Tls, cause, e.to_string())
}

/// The rustls error inside an error chain (io::Error hides its inner error from `source()`).
fn find_rustls(e: &(dyn std::error::Error + 'static)) -> Option<rustls::Error> {
    let mut current = Some(e);
    while let Some(err) = current {
        if let Some(r) = err.downcast_ref::<rustls::Error>() {
            return Some(r.clone());
        }
        if let Some(inner) = err.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            if let Some(r) = inner.downcast_ref::<rustls::Error>() {
                return Some(r.clone());
            }
        }
        current = err.source();
    }
    None
}

fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut current = e.source();
    while let Some(err) = current {
        let text = err.to_string();
        if !s.contains(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        current = err.source();
    }
    s
}

/// The implicit-TLS stream, in the shape lettre takes.
#[derive(Debug)]
struct TlsTcp(tokio_rustls::client::TlsStream<TcpStream>);

impl AsyncTokioStream for TlsTcp {
    fn peer_addr(&self) -> std::io::Result<SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

impl AsyncRead for TlsTcp {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for TlsTcp {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    /// A relay that offers PIPELINING and answers MAIL, RCPT and DATA only once all three are
    /// in (a client that waits for each reply would hang), refuses `refused@…`, and returns
    /// the un-stuffed content of each accepted message.
    async fn pipelining_relay(listener: tokio::net::TcpListener, tx: tokio::sync::mpsc::UnboundedSender<String>) {
        let (socket, _) = listener.accept().await.unwrap();
        let (r, mut w) = socket.into_split();
        let mut r = BufReader::new(r);
        w.write_all(b"220 relay.test\r\n").await.unwrap();
        let mut pending = Vec::new();
        let mut valid = 0;
        loop {
            let mut line = String::new();
            if r.read_line(&mut line).await.unwrap() == 0 {
                return;
            }
            let upper = line.to_ascii_uppercase();
            if upper.starts_with("EHLO") {
                w.write_all(b"250-relay.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n").await.unwrap();
            } else if upper.starts_with("RSET") {
                valid = 0;
                w.write_all(b"250 reset\r\n").await.unwrap();
            } else if upper.starts_with("QUIT") {
                w.write_all(b"221 bye\r\n").await.unwrap();
                return;
            } else if upper.starts_with("MAIL") {
                pending.push("250 sender ok\r\n");
            } else if upper.starts_with("RCPT") {
                if upper.contains("REFUSED@") {
                    pending.push("550 5.1.1 no such user\r\n");
                } else {
                    valid += 1;
                    pending.push("250 recipient ok\r\n");
                }
            } else if upper.starts_with("DATA") {
                pending.push(if valid == 0 { "554 5.5.1 no valid recipients\r\n" } else { "354 go ahead\r\n" });
                w.write_all(pending.concat().as_bytes()).await.unwrap();
                pending.clear();
                if valid == 0 {
                    continue;
                }
                let mut content = String::new();
                loop {
                    let mut l = String::new();
                    r.read_line(&mut l).await.unwrap();
                    if l == ".\r\n" {
                        break;
                    }
                    content.push_str(l.strip_prefix('.').unwrap_or(&l));
                }
                valid = 0;
                tx.send(content).unwrap();
                w.write_all(b"250 2.0.0 queued as X\r\n").await.unwrap();
            }
        }
    }

    #[tokio::test]
    async fn pipelines_the_envelope_stuffs_dots_and_keeps_the_connection_after_a_refusal() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        // One connection only: a second would never be accepted, so reuse is tested too.
        tokio::spawn(pipelining_relay(listener, tx));
        let cfg = RelayConfig {
            name: "t".into(),
            host: "127.0.0.1".into(),
            port,
            tls: RelayTls::None,
            pool_size: 1,
            timeout_secs: 5,
            ..Default::default()
        };
        let relay = SmtpRelay::new(&cfg, "client.test").unwrap();
        let message = ".starts with a dot\r\nline\r\n.\r\n..two\r\nend\r\n";
        let ok = Envelope::new("a@example.com", &["b@example.org"]).unwrap();
        let outcome = relay.send(&ok, message.as_bytes()).await;
        assert!(outcome.is_accepted(), "{outcome:?}");
        assert_eq!(rx.recv().await.unwrap(), message);

        let refused = Envelope::new("a@example.com", &["refused@example.org"]).unwrap();
        match relay.send(&refused, message.as_bytes()).await {
            Outcome::Permanent(f) => {
                assert_eq!((f.stage, f.code), (Stage::Recipient, Some(550)), "{f}");
                assert!(f.blames_message());
            }
            other => panic!("{other:?}"),
        }

        let outcome = relay.send(&ok, b"after\r\n").await;
        assert!(outcome.is_accepted(), "{outcome:?}");
        assert_eq!(rx.recv().await.unwrap(), "after\r\n");
    }
}
