//! Typed configuration: built-in defaults < TOML file < `TIDINGS_*` environment (`__` nests)
//! < CLI flags. Unknown keys in the file are errors that name the key; unknown `TIDINGS_*`
//! variables are reported as warnings (a typo in a unit file should be visible, not fatal).
//! Any key can be given as `TIDINGS_<KEY>_FILE`, whose file content (trailing newline trimmed)
//! becomes the value: that is how secrets stay out of the environment and the config file.

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use figment::providers::{Format, Serialized, Toml};
use figment::value::{Dict, Value};
use figment::Figment;
use serde::{Deserialize, Serialize};

pub const ENV_PREFIX: &str = "TIDINGS_";
/// The config file; the example with every key commented out is about 20 KiB.
pub const MAX_CONFIG_BYTES: usize = 1024 * 1024;
/// A secret read from a file (`TIDINGS_<KEY>_FILE`, `password_file`, a signing key file).
pub const MAX_SECRET_BYTES: usize = 64 * 1024;

/// Reads a text file of at most `max` bytes; a longer one is an error before more than that
/// is held (a config key pointing at a log or a device by mistake must not fill memory).
pub fn read_bounded(path: &Path, max: usize) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)?.take(max as u64 + 1).read_to_string(&mut text)?;
    if text.len() > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {}", crate::units::human(max)),
        ));
    }
    Ok(text)
}

/// A secret from a file, its trailing line end trimmed.
fn read_secret(path: &Path) -> std::io::Result<String> {
    read_bounded(path, MAX_SECRET_BYTES).map(|s| s.trim_end_matches(['\r', '\n']).to_string())
}

/// Something in the configuration that will go wrong, and the key that fixes it. Its words are
/// a message of the admin catalogue (one wording per warning, with its arguments), so the
/// dashboard says it in the staff member's language and `tidings check` in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    pub key: &'static str,
    /// The admin catalogue's message.
    pub message: &'static str,
    /// The message's arguments: addresses, paths, host names.
    pub args: Vec<(&'static str, String)>,
}

impl ConfigWarning {
    pub fn new(key: &'static str, message: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Self { key, message, args }
    }

    /// The warning in a language of the admin catalogue.
    pub fn text(&self, lang: &crate::i18n::Language) -> String {
        let args = crate::i18n::args(self.args.iter().map(|(k, v)| (*k, crate::i18n::Arg::Text(v.clone()))));
        lang.text(self.message, Some(&args))
    }

    /// The warning in English, as `tidings check` prints it.
    pub fn english(&self) -> String {
        self.text(crate::i18n::admin_catalogue().source())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Where the store, keys, certificate and outbox live.
    pub data_dir: PathBuf,
    /// Address and port the HTTPS (or, with `tls.mode = "off"`, HTTP) server listens on.
    pub listen: SocketAddr,
    /// Public host name: used in the admin URL, links and the self-signed certificate's SANs.
    pub hostname: String,
    pub tls: TlsConfig,
    pub proxy: ProxyConfig,
    pub store: StoreConfig,
    pub auth: AuthConfig,
    pub http: HttpConfig,
    pub metrics: MetricsConfig,
    pub backup: BackupConfig,
    pub jobs: JobsConfig,
    pub log: LogConfig,
    pub contacts: ContactsConfig,
    pub mail: MailConfig,
    pub forms: FormsConfig,
    pub tracking: TrackingConfig,
    pub gdpr: GdprConfig,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum TlsMode {
    /// Generate a self-signed certificate in the data dir unless `cert_file`/`key_file` are set.
    Auto,
    /// Plain HTTP: only behind a reverse proxy that terminates TLS.
    Off,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TlsConfig {
    pub mode: TlsMode,
    /// PEM certificate chain supplied by the operator; replaces the self-signed one.
    pub cert_file: PathBuf,
    /// PEM private key matching `cert_file`.
    pub key_file: PathBuf,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ProxyConfig {
    /// Peers whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed.
    pub trusted: Vec<IpAddr>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct StoreConfig {
    /// sled page cache in MiB (a hint: sled holds about 3x this). Reads of contacts are spread
    /// over the whole store, so a bigger cache buys little; sled's page table, which grows
    /// with the number of records whatever this says, is most of its memory at a million.
    pub cache_mb: u64,
    /// Master key file (32 random bytes, 0400). Empty: `<data_dir>/master.key`, created on first start.
    pub master_key_file: PathBuf,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct AuthConfig {
    pub max_failed_logins: u32,
    pub lockout_minutes: u64,
    pub session_idle_minutes: u64,
    pub session_absolute_hours: u64,
    /// 0 disables password expiry.
    pub password_max_age_days: u64,
    pub password_min_length: usize,
    /// Upper bound on argon2 hashes computed at once (each takes 19 MiB).
    pub max_concurrent_hashes: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    /// Largest accepted request body in KiB for the API's JSON and the admin pages' forms.
    /// Public doors have bounds of their own (`http::limits`), and so do the API routes that
    /// take 1000 items at once.
    pub max_body_kb: usize,
    /// Worker threads; 0 means one per core.
    pub workers: usize,
    /// The address people reach this server at, as links in mail and embedded forms use it
    /// (`https://news.example.com`, no path). Empty: the admin URL (`hostname` and `listen` port).
    pub public_url: String,
    /// Requests per client network (/24 or /48) per minute to the public pages: the privacy
    /// portal, unsubscribe and the preference centre. Generous by default: RFC 8058 one-click
    /// unsubscribes come from a mail provider's few networks, and a refused one is lost.
    pub public_per_minute: u32,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsConfig {
    /// Bearer token for `/metrics`. Empty: only loopback peers may read it.
    pub token: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct BackupConfig {
    /// Where scheduled backups and the erasure journal go. Empty: `<data_dir>/backups`.
    pub dir: PathBuf,
    /// How many scheduled archives to keep.
    pub keep: usize,
    /// Optional 32-byte key file; when set, archives are encrypted (XChaCha20-Poly1305 STREAM).
    pub key_file: PathBuf,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct JobsConfig {
    /// Cron expression (5-field Unix or 6/7-field with seconds) for the daily backup; empty disables.
    pub backup: String,
    /// Cron expression for removing expired sessions; empty disables.
    pub session_cleanup: String,
    /// Cron expression for removing sign-ups nobody confirmed (see `forms.unconfirmed_days`);
    /// empty disables.
    pub form_cleanup: String,
    /// Cron expression for the retention run (`gdpr::retention`): every rule of the Retention
    /// page — tracked events and visitors past their purpose's period, inactive contacts when
    /// turned on, unconfirmed sign-ups, abandoned CSV uploads, closed requests, erasure
    /// tombstones older than `gdpr.tombstone_days`, old audit entries; empty disables.
    pub retention: String,
    /// Cron expression for mailing the DPO contact (Settings) a list of privacy requests that
    /// are overdue or due within a week; empty disables.
    pub request_reminders: String,
    /// Cron expression for removing website visitors not seen within the `website_tracking`
    /// purpose's retention period; empty disables.
    pub visitor_cleanup: String,
    /// Cron expression for counting contacts per status and list into today's row of list
    /// growth (the dashboard's chart; each run replaces the day's row); empty disables.
    pub list_growth: String,
    /// A job whose time came while the appliance was down runs once at start (true), or waits
    /// for its next time (false).
    pub catch_up: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct FormsConfig {
    /// Hours a confirmation link stays valid.
    pub confirm_hours: u32,
    /// Days after which a sign-up nobody confirmed is removed.
    pub unconfirmed_days: u32,
    /// Leading zero bits of SHA-256 the proof-of-work challenge asks for (each bit doubles the work).
    pub pow_difficulty: u8,
    /// Submissions accepted per client network (/24 or /48) per minute, across all forms.
    pub per_ip_per_minute: u32,
    /// Submissions accepted per email address per hour, across all forms.
    pub per_address_per_hour: u32,
}

impl Default for FormsConfig {
    fn default() -> Self {
        Self {
            confirm_hours: 48,
            unconfirmed_days: 7,
            pow_difficulty: 17,
            per_ip_per_minute: 20,
            per_address_per_hour: 5,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct GdprConfig {
    /// Erasure asked for in the privacy portal waits for the DPO (a verified request in the
    /// register) instead of being carried out at once.
    pub portal_erasure_review: bool,
    /// Days an erasure tombstone (a keyed hash of the address) blocks re-import and sign-up
    /// without fresh consent; at least 60.
    pub tombstone_days: u32,
}

impl Default for GdprConfig {
    fn default() -> Self {
        Self { portal_erasure_review: false, tombstone_days: 365 }
    }
}

/// Who may be measured per person in mail (open pixel, per-person click attribution).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum EngagementPolicy {
    /// Only contacts who granted the `engagement` purpose: everyone else gets no pixel, and
    /// their clicks count in the campaign's totals only.
    Consent,
    /// Everyone who has not withdrawn the `engagement` purpose (a legitimate-interest basis the
    /// controller must be able to justify).
    UnlessWithdrawn,
    /// Nobody: no pixel in any message; clicks count in totals only.
    Off,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TrackingConfig {
    /// Rewrites links in mail into signed click redirects (totals per link; per person only
    /// as `engagement` allows).
    pub clicks: bool,
    /// Who gets the open pixel and per-person click attribution.
    pub engagement: EngagementPolicy,
    /// Hits this many seconds or less after the message left are taken for link scanners and
    /// kept out of human open and click rates.
    pub scanner_window_secs: u32,
    /// Longest wait, in milliseconds, before an open is on disk (opens are written in group
    /// commits; clicks and events are flushed before they are answered). At most 1000.
    pub commit_window_ms: u32,
    /// Origins (`https://shop.example`, scheme and host, no path) whose pages may embed the
    /// tracker and send hits; empty turns website tracking off.
    pub sites: Vec<String>,
    /// Who a website visitor may be linked to (after a tracked email click or a form): the
    /// same choices as `engagement`, over the `website_tracking` purpose.
    pub website_linking: EngagementPolicy,
    /// Days after a human click in a campaign within which an order is attributed to it; 0
    /// attributes nothing.
    pub attribution_days: u32,
    /// Tracker hits accepted per client network (/24 or /48) per minute.
    pub collect_per_minute: u32,
    /// A local MaxMind-format (.mmdb) country or city database; empty records no country.
    /// Read from disk only: no lookup ever leaves the server.
    pub geoip_db: PathBuf,
    /// Send-time optimisation counts a contact's opens among their signals (off: opens are
    /// unreliable, privacy proxies and image blockers make them say little about a person).
    pub send_time_opens: bool,
}

impl Default for TrackingConfig {
    fn default() -> Self {
        Self {
            clicks: true,
            engagement: EngagementPolicy::Consent,
            scanner_window_secs: 10,
            commit_window_ms: 250,
            sites: Vec::new(),
            website_linking: EngagementPolicy::Consent,
            attribution_days: 5,
            collect_per_minute: 600,
            geoip_db: PathBuf::new(),
            send_time_opens: false,
        }
    }
}

impl TrackingConfig {
    /// Whether `origin` (an `Origin` header) is one of `sites`.
    pub fn site_allowed(&self, origin: &str) -> bool {
        let origin = origin.trim_end_matches('/');
        self.sites.iter().any(|s| s.trim_end_matches('/').eq_ignore_ascii_case(origin))
    }

    /// Whether `url` leads to one of `sites` (links that may carry a visitor link token).
    pub fn url_on_site(&self, url: &str) -> bool {
        match url::Url::parse(url) {
            Ok(u) => self.site_allowed(&u.origin().ascii_serialization()),
            Err(_) => false,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ContactsConfig {
    /// ISO 3166 region (e.g. "DE") for phone numbers written without a country code; empty
    /// requires the +country form.
    pub phone_region: String,
    /// Largest CSV file the import page accepts, in MiB (the CLI has no limit). On either
    /// path a line longer than `contacts::import::MAX_LINE_BYTES` is reported and skipped.
    pub max_upload_mb: u64,
}

impl Default for ContactsConfig {
    fn default() -> Self {
        Self { phone_region: String::new(), max_upload_mb: 512 }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MailConfig {
    /// The default sender until one is saved in Settings → Email (which then wins). Empty:
    /// `news@<host of http.public_url>` when that is a domain name, else `tidings@<hostname>`.
    pub from: String,
    /// Display name beside `from`; empty: the organisation's name (Settings).
    pub from_name: String,
    /// Reply-To address; empty sets none (replies go to `from`).
    pub reply_to: String,
    /// Domain for VERP return paths (`bounce+<token>@<domain>`); empty uses `from` as the
    /// envelope sender.
    pub return_path: String,
    /// SMTP relays, the first being the default. None: messages go to `<data_dir>/outbox/`.
    pub relays: Vec<RelayConfig>,
    pub dkim: DkimConfig,
    pub bounces: BouncesConfig,
    /// Tries per message before a temporary failure (4xx, connection lost) counts as failed.
    pub max_attempts: u8,
    /// Wait before the first retry, in seconds; each further retry waits twice as long (at
    /// most six hours).
    pub retry_base_secs: u64,
    /// A campaign pauses itself when this percentage of its last 100 messages failed
    /// (0: never).
    pub pause_error_percent: u32,
}

impl Default for MailConfig {
    fn default() -> Self {
        Self {
            from: String::new(),
            from_name: String::new(),
            reply_to: String::new(),
            return_path: String::new(),
            relays: Vec::new(),
            dkim: DkimConfig::default(),
            bounces: BouncesConfig::default(),
            max_attempts: 6,
            retry_base_secs: 60,
            pause_error_percent: 20,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum RelayTls {
    /// TLS from the first byte (SMTPS, usually port 465).
    Implicit,
    /// Plain connection upgraded with STARTTLS before anything is sent (usually port 587);
    /// a server that does not offer it is refused.
    #[default]
    Starttls,
    /// No encryption: only to a relay on this host (loopback).
    None,
}

impl RelayTls {
    pub fn default_port(self) -> u16 {
        match self {
            RelayTls::Implicit => 465,
            RelayTls::Starttls => 587,
            RelayTls::None => 25,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RelayConfig {
    /// How campaigns, logs and `send-test-email --relay` name this relay.
    pub name: String,
    pub host: String,
    /// 0: the usual port for `tls` (465, 587 or 25).
    pub port: u16,
    pub tls: RelayTls,
    /// Empty: no authentication.
    pub username: String,
    pub password: String,
    /// File holding the password (trailing newline ignored); instead of `password`.
    pub password_file: PathBuf,
    /// PEM file of extra certificate authorities to trust (a private CA); the built-in
    /// Mozilla roots are always trusted.
    pub ca_file: PathBuf,
    /// Connections kept open to this relay (and messages in flight at once).
    pub pool_size: usize,
    /// Most messages per second handed to this relay; 0 means no limit.
    pub rate_limit: u32,
    /// Seconds to wait for the relay at each step (connect, greeting, each reply).
    pub timeout_secs: u64,
}

impl Default for RelayConfig {
    fn default() -> Self {
        Self {
            name: String::new(),
            host: String::new(),
            port: 0,
            tls: RelayTls::default(),
            username: String::new(),
            password: String::new(),
            password_file: PathBuf::new(),
            ca_file: PathBuf::new(),
            pool_size: 4,
            rate_limit: 0,
            timeout_secs: 30,
        }
    }
}

impl RelayConfig {
    pub fn effective_port(&self) -> u16 {
        if self.port == 0 {
            self.tls.default_port()
        } else {
            self.port
        }
    }

    /// The password from `password` or `password_file`.
    pub fn password(&self) -> Result<String, ConfigError> {
        if self.password_file.as_os_str().is_empty() {
            return Ok(self.password.clone());
        }
        read_secret(&self.password_file).map_err(|e| {
            ConfigError::Invalid(format!(
                "mail.relays `{}`: cannot read password_file {}: {e}",
                self.name,
                self.password_file.display()
            ))
        })
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DkimConfig {
    /// Signing domain (`d=`); empty: messages are not signed.
    pub domain: String,
    /// Selector of the RSA key (`<selector>._domainkey.<domain>`).
    pub selector: String,
    /// PEM private key (PKCS#8 or PKCS#1) for RSA-SHA256.
    pub key_file: PathBuf,
    /// Selector of an Ed25519 key that signs alongside RSA; empty: RSA only.
    pub ed25519_selector: String,
    /// PEM (PKCS#8) Ed25519 private key.
    pub ed25519_key_file: PathBuf,
}

/// Bounces and complaints (src/mail/bounce.rs): when soft bounces count as hard, the Mailgun
/// webhook's key, and the mailbox that receives delivery reports.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct BouncesConfig {
    /// This many soft bounces (4.x.x) within `soft_window_days` mark the contact bounced.
    pub soft_limit: u32,
    pub soft_window_days: u32,
    /// Mailgun's HTTP webhook signing key; empty: `/webhooks/mailgun` answers 404.
    pub mailgun_signing_key: String,
    /// File holding the signing key (trailing newline ignored); instead of `mailgun_signing_key`.
    pub mailgun_signing_key_file: PathBuf,
    pub mailbox: BounceMailboxConfig,
}

impl Default for BouncesConfig {
    fn default() -> Self {
        Self {
            soft_limit: 3,
            soft_window_days: 14,
            mailgun_signing_key: String::new(),
            mailgun_signing_key_file: PathBuf::new(),
            mailbox: BounceMailboxConfig::default(),
        }
    }
}

impl BouncesConfig {
    /// The Mailgun signing key from `mailgun_signing_key` or its file; `None` when unset.
    pub fn mailgun_key(&self) -> Result<Option<String>, ConfigError> {
        let key = if self.mailgun_signing_key_file.as_os_str().is_empty() {
            self.mailgun_signing_key.clone()
        } else {
            read_secret(&self.mailgun_signing_key_file).map_err(|e| {
                ConfigError::Invalid(format!(
                    "mail.bounces.mailgun_signing_key_file {}: {e}",
                    self.mailgun_signing_key_file.display()
                ))
            })?
        };
        Ok(Some(key).filter(|k| !k.trim().is_empty()))
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |m: String| Err(ConfigError::Invalid(m));
        if self.soft_limit == 0 || self.soft_window_days == 0 {
            return bad("mail.bounces: soft_limit and soft_window_days must be at least 1".into());
        }
        if !self.mailgun_signing_key.is_empty() && !self.mailgun_signing_key_file.as_os_str().is_empty() {
            return bad("mail.bounces: set mailgun_signing_key or mailgun_signing_key_file, not both".into());
        }
        let m = &self.mailbox;
        if m.host.trim().is_empty() {
            return Ok(());
        }
        if m.host.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return bad("mail.bounces.mailbox.host: a name or an IP address".into());
        }
        if m.tls == RelayTls::None && !is_loopback_host(&m.host) {
            return bad(
                "mail.bounces.mailbox: tls = \"none\" would send the password in clear over the network; \
                        it is only allowed to a server on this host. Use \"implicit\" (port 993) or \"starttls\" (143)"
                    .into(),
            );
        }
        if m.username.is_empty() {
            return bad("mail.bounces.mailbox: username is required with a host".into());
        }
        if !m.password.is_empty() && !m.password_file.as_os_str().is_empty() {
            return bad("mail.bounces.mailbox: set password or password_file, not both".into());
        }
        if m.folder.trim().is_empty() || m.folder.contains(['"', '\r', '\n']) {
            return bad("mail.bounces.mailbox.folder: a folder name such as INBOX".into());
        }
        if m.interval_secs < 10 || m.timeout_secs == 0 {
            return bad("mail.bounces.mailbox: interval_secs must be at least 10 and timeout_secs at least 1".into());
        }
        Ok(())
    }
}

/// The IMAP mailbox that receives bounces (the VERP return-path domain's mail) and feedback-loop
/// reports. Polled by the server every `interval_secs`; `tidings bounces poll` polls once.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct BounceMailboxConfig {
    /// IMAP server; empty: no mailbox is polled.
    pub host: String,
    /// 0: the usual port for `tls` (993 implicit, 143 starttls or none).
    pub port: u16,
    pub tls: RelayTls,
    pub username: String,
    pub password: String,
    /// File holding the password (trailing newline ignored); instead of `password`.
    pub password_file: PathBuf,
    /// PEM file of extra certificate authorities to trust; the Mozilla roots are always trusted.
    pub ca_file: PathBuf,
    pub folder: String,
    pub interval_secs: u64,
    /// Seconds to wait for the server at each step.
    pub timeout_secs: u64,
}

impl Default for BounceMailboxConfig {
    fn default() -> Self {
        Self {
            host: String::new(),
            port: 0,
            tls: RelayTls::Implicit,
            username: String::new(),
            password: String::new(),
            password_file: PathBuf::new(),
            ca_file: PathBuf::new(),
            folder: "INBOX".into(),
            interval_secs: 300,
            timeout_secs: 30,
        }
    }
}

impl BounceMailboxConfig {
    pub fn effective_port(&self) -> u16 {
        match (self.port, self.tls) {
            (0, RelayTls::Implicit) => 993,
            (0, _) => 143,
            (p, _) => p,
        }
    }

    pub fn password(&self) -> Result<String, ConfigError> {
        if self.password_file.as_os_str().is_empty() {
            return Ok(self.password.clone());
        }
        read_secret(&self.password_file).map_err(|e| {
            ConfigError::Invalid(format!(
                "mail.bounces.mailbox: cannot read password_file {}: {e}",
                self.password_file.display()
            ))
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// tracing filter, e.g. "info" or "tidings=debug,actix_web=info".
    pub level: String,
    /// "text" or "json".
    pub format: String,
    /// A request taking longer than this is logged at warn; 0 never.
    pub slow_request_ms: u64,
    /// Also log each span's end (a request, an operation, a timer's firing, a feed reader's
    /// batch) with its time, to follow a slow request into what it did.
    pub span_times: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("tidings-data"),
            listen: "127.0.0.1:8443".parse().expect("static address"),
            hostname: "localhost".into(),
            tls: TlsConfig::default(),
            proxy: ProxyConfig::default(),
            store: StoreConfig::default(),
            auth: AuthConfig::default(),
            http: HttpConfig::default(),
            metrics: MetricsConfig::default(),
            backup: BackupConfig::default(),
            jobs: JobsConfig::default(),
            log: LogConfig::default(),
            contacts: ContactsConfig::default(),
            mail: MailConfig::default(),
            forms: FormsConfig::default(),
            tracking: TrackingConfig::default(),
            gdpr: GdprConfig::default(),
        }
    }
}

impl Default for TlsConfig {
    fn default() -> Self {
        Self { mode: TlsMode::Auto, cert_file: PathBuf::new(), key_file: PathBuf::new() }
    }
}

impl Default for StoreConfig {
    fn default() -> Self {
        Self { cache_mb: 16, master_key_file: PathBuf::new() }
    }
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            max_failed_logins: 5,
            lockout_minutes: 15,
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            password_max_age_days: 0,
            password_min_length: 12,
            max_concurrent_hashes: 4,
        }
    }
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self { max_body_kb: 256, workers: 0, public_url: String::new(), public_per_minute: 120 }
    }
}

impl Default for BackupConfig {
    fn default() -> Self {
        Self { dir: PathBuf::new(), keep: 7, key_file: PathBuf::new() }
    }
}

impl Default for JobsConfig {
    fn default() -> Self {
        Self {
            backup: "30 3 * * *".into(),
            session_cleanup: "*/15 * * * *".into(),
            form_cleanup: "45 3 * * *".into(),
            retention: "15 4 * * *".into(),
            request_reminders: "0 8 * * *".into(),
            visitor_cleanup: "20 4 * * *".into(),
            list_growth: "0 * * * *".into(),
            catch_up: true,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        Self { level: "info".into(), format: "text".into(), slow_request_ms: 1000, span_times: false }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {path}: {message}")]
    File { path: PathBuf, message: String },
    #[error("{0}")]
    Invalid(String),
    #[error("environment variable {var}: cannot read {path}: {source}")]
    SecretFile { var: String, path: PathBuf, source: std::io::Error },
}

/// Values given on the command line; `None` leaves the lower layers alone.
#[derive(Debug, Default, Clone)]
pub struct CliOverrides {
    pub data_dir: Option<PathBuf>,
    pub listen: Option<SocketAddr>,
}

/// What loading produced besides the config: warnings to log once logging is up.
#[derive(Debug)]
pub struct Loaded {
    pub config: Config,
    pub warnings: Vec<String>,
}

impl Config {
    /// Loads the layers from the real process environment.
    pub fn load(file: Option<&Path>, cli: &CliOverrides) -> Result<Loaded, ConfigError> {
        Self::load_from(file, std::env::vars().collect(), cli)
    }

    /// Loads the layers with an explicit environment (tests use this).
    pub fn load_from(
        file: Option<&Path>,
        env: Vec<(String, String)>,
        cli: &CliOverrides,
    ) -> Result<Loaded, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            if !path.exists() {
                return Err(ConfigError::File { path: path.into(), message: "no such file".into() });
            }
            let text = read_bounded(path, MAX_CONFIG_BYTES)
                .map_err(|e| ConfigError::File { path: path.into(), message: e.to_string() })?;
            figment = figment.merge(Toml::string(&text));
        }
        let known = known_keys();
        let mut warnings = Vec::new();
        let mut env_dict = Dict::new();
        for (var, raw) in env {
            let Some(rest) = var.strip_prefix(ENV_PREFIX) else { continue };
            // Read by the CLI itself (which file to load) and by crash tests (`fault`), not config keys.
            if rest == "CONFIG" || rest == "FAULT" {
                continue;
            }
            let (rest, value) = match rest.strip_suffix("_FILE") {
                Some(base) if known.contains(&env_to_key(base)) => {
                    let path = PathBuf::from(&raw);
                    let content = read_secret(&path).map_err(|source| ConfigError::SecretFile {
                        var: var.clone(),
                        path: path.clone(),
                        source,
                    })?;
                    (base, content)
                }
                _ => (rest, raw),
            };
            let key = env_to_key(rest);
            if !known.contains(&key) {
                warnings.push(format!("ignoring unknown environment variable {var}"));
                continue;
            }
            insert_path(&mut env_dict, &key, env_value(&value));
        }
        figment = figment.merge(Serialized::defaults(env_dict));
        if let Some(dir) = &cli.data_dir {
            figment = figment.merge(Serialized::default("data_dir", dir));
        }
        if let Some(listen) = &cli.listen {
            figment = figment.merge(Serialized::default("listen", listen.to_string()));
        }
        let config: Config = figment.extract().map_err(|e| describe(file, e))?;
        config.validate()?;
        Ok(Loaded { config, warnings })
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |m: &str| Err(ConfigError::Invalid(m.to_string()));
        if self.hostname.trim().is_empty() {
            return bad("hostname must not be empty");
        }
        if self.tls.cert_file.as_os_str().is_empty() != self.tls.key_file.as_os_str().is_empty() {
            return bad("tls.cert_file and tls.key_file must be set together");
        }
        if self.auth.max_failed_logins == 0 {
            return bad("auth.max_failed_logins must be at least 1");
        }
        if self.auth.password_min_length < 8 {
            return bad("auth.password_min_length must be at least 8");
        }
        if self.auth.max_concurrent_hashes == 0 {
            return bad("auth.max_concurrent_hashes must be at least 1");
        }
        if !matches!(self.log.format.as_str(), "text" | "json") {
            return bad("log.format must be \"text\" or \"json\"");
        }
        for (name, expr) in [
            ("jobs.backup", &self.jobs.backup),
            ("jobs.session_cleanup", &self.jobs.session_cleanup),
            ("jobs.form_cleanup", &self.jobs.form_cleanup),
            ("jobs.retention", &self.jobs.retention),
            ("jobs.request_reminders", &self.jobs.request_reminders),
            ("jobs.visitor_cleanup", &self.jobs.visitor_cleanup),
            ("jobs.list_growth", &self.jobs.list_growth),
        ] {
            if !expr.trim().is_empty() {
                crate::clock::cron::parse(expr).map_err(|e| ConfigError::Invalid(format!("{name}: {e}")))?;
            }
        }
        let public = self.http.public_url.trim();
        if !public.is_empty() {
            let rest = public.strip_prefix("https://").or_else(|| public.strip_prefix("http://"));
            if rest.is_none_or(|r| r.is_empty() || r.trim_end_matches('/').contains(['/', '?', '#', ' '])) {
                return bad("http.public_url must be a URL like https://news.example.com (scheme and host, no path)");
            }
        }
        if self.http.public_per_minute == 0 {
            return bad("http.public_per_minute must be at least 1");
        }
        let f = &self.forms;
        if f.confirm_hours == 0 || f.unconfirmed_days == 0 || f.per_ip_per_minute == 0 || f.per_address_per_hour == 0 {
            return bad(
                "forms: confirm_hours, unconfirmed_days, per_ip_per_minute and per_address_per_hour must be at least 1",
            );
        }
        if !(1..=32).contains(&f.pow_difficulty) {
            return bad("forms.pow_difficulty must be between 1 and 32 bits");
        }
        if self.gdpr.tombstone_days < 60 {
            return bad("gdpr.tombstone_days must be at least 60 (an erased address must stay blocked that long)");
        }
        if !(1..=1000).contains(&self.tracking.commit_window_ms) {
            return bad("tracking.commit_window_ms must be between 1 and 1000 (the promise is: at most 1 s of opens)");
        }
        for site in &self.tracking.sites {
            let ok = url::Url::parse(site).is_ok_and(|u| {
                matches!(u.scheme(), "http" | "https")
                    && u.host_str().is_some()
                    && u.origin().ascii_serialization() == site.trim_end_matches('/').to_ascii_lowercase()
            });
            if !ok {
                return Err(ConfigError::Invalid(format!(
                    "tracking.sites: `{site}` is not an origin like https://shop.example (scheme, host and port only)"
                )));
            }
        }
        if self.tracking.attribution_days > 365 {
            return bad("tracking.attribution_days must be at most 365");
        }
        if self.tracking.collect_per_minute == 0 {
            return bad("tracking.collect_per_minute must be at least 1");
        }
        self.mail.validate()
    }

    pub fn master_key_path(&self) -> PathBuf {
        if self.store.master_key_file.as_os_str().is_empty() {
            self.data_dir.join("master.key")
        } else {
            self.store.master_key_file.clone()
        }
    }

    pub fn backup_dir(&self) -> PathBuf {
        if self.backup.dir.as_os_str().is_empty() {
            self.data_dir.join("backups")
        } else {
            self.backup.dir.clone()
        }
    }

    /// Where messages go when no relay is configured (one `.eml` file each).
    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }

    /// The sender address the configuration gives: `mail.from`; else `news@<public host>` once
    /// `http.public_url` (or `hostname`) names a real domain; else `tidings@<hostname>`, which
    /// [`Config::warnings`] flags. Senders saved in Settings → Email come before all of these
    /// (`crate::senders`).
    pub fn mail_from(&self) -> String {
        if !self.mail.from.trim().is_empty() {
            return self.mail.from.trim().to_string();
        }
        let public = self.public_url();
        let host = public.split("://").nth(1).unwrap_or("").split(['/', ':']).next().unwrap_or("");
        if plausible_domain(host)
            && host.contains('.')
            && host.parse::<std::net::IpAddr>().is_err()
            && !is_local_host(host)
        {
            format!("news@{}", host.to_ascii_lowercase())
        } else {
            format!("tidings@{}", self.hostname)
        }
    }

    pub fn tls_enabled(&self) -> bool {
        self.tls.mode != TlsMode::Off
    }

    /// What will go wrong with this configuration, in words, for `tidings check` and the
    /// dashboard: each names the key that fixes it.
    pub fn warnings(&self) -> Vec<ConfigWarning> {
        let local = is_local_host;
        let mut out = Vec::new();
        let public = self.public_url();
        let public_host = public.split("://").nth(1).unwrap_or("").split(['/', ':']).next().unwrap_or("");
        if local(public_host) {
            out.push(ConfigWarning::new("http.public_url", "cm-warn-public-url", vec![("url", public.clone())]));
        }
        let from = self.mail_from();
        if from.rsplit_once('@').is_none_or(|(_, domain)| local(domain) || !domain.contains('.')) {
            out.push(ConfigWarning::new("mail.from", "cm-warn-mail-from", vec![("from", from)]));
        }
        if self.mail.relays.is_empty() {
            out.push(ConfigWarning::new(
                "mail.relays",
                "cm-warn-relays",
                vec![("outbox", self.outbox_dir().display().to_string())],
            ));
        }
        if self.tls_enabled() && self.tls.cert_file.as_os_str().is_empty() {
            out.push(ConfigWarning::new("tls.cert_file", "cm-warn-self-signed", Vec::new()));
        }
        if self.listen.ip().is_loopback()
            && self.proxy.trusted.is_empty()
            && self.tls_enabled()
            && !local(&self.hostname)
        {
            out.push(ConfigWarning::new(
                "listen",
                "cm-warn-listen",
                vec![("listen", self.listen.to_string()), ("hostname", self.hostname.clone())],
            ));
        }
        out
    }

    /// Where people reach this server, without a trailing slash: `http.public_url`, or the admin
    /// URL. Links in mail and form snippets start with it.
    pub fn public_url(&self) -> String {
        let public = self.http.public_url.trim().trim_end_matches('/');
        if public.is_empty() {
            self.admin_url().trim_end_matches('/').to_string()
        } else {
            public.to_string()
        }
    }

    /// The URL an operator types into a browser.
    pub fn admin_url(&self) -> String {
        let scheme = if self.tls_enabled() { "https" } else { "http" };
        let port = self.listen.port();
        let default_port = if self.tls_enabled() { 443 } else { 80 };
        if port == default_port {
            format!("{scheme}://{}/", self.hostname)
        } else {
            format!("{scheme}://{}:{port}/", self.hostname)
        }
    }
}

impl MailConfig {
    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |m: String| Err(ConfigError::Invalid(m));
        for (key, value) in [("mail.from", &self.from), ("mail.reply_to", &self.reply_to)] {
            if !value.trim().is_empty() && !plausible_address(value.trim()) {
                return bad(format!("{key}: `{value}` is not an email address"));
            }
        }
        if let Err(e) = crate::domain::HeaderText::parse(&self.from_name, 200) {
            return bad(format!("mail.from_name {e}"));
        }
        if !self.return_path.is_empty() && !plausible_domain(&self.return_path) {
            return bad(format!("mail.return_path: `{}` is not a domain name", self.return_path));
        }
        let mut names = BTreeSet::new();
        for (i, relay) in self.relays.iter().enumerate() {
            let label = if relay.name.is_empty() {
                format!("mail.relays[{i}]")
            } else {
                format!("mail.relays `{}`", relay.name)
            };
            if relay.name.trim().is_empty() {
                return bad(format!("{label}: name is required"));
            }
            if !names.insert(relay.name.as_str()) {
                return bad(format!("{label}: two relays have this name"));
            }
            if relay.host.trim().is_empty() || relay.host.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return bad(format!("{label}: host is required (a name or an IP address)"));
            }
            if relay.tls == RelayTls::None && !is_loopback_host(&relay.host) {
                return bad(format!(
                    "{label}: tls = \"none\" would send mail and the password in clear over the network; \
                     it is only allowed to a relay on this host (localhost, 127.0.0.1, ::1). \
                     Use tls = \"starttls\" (usually port 587) or \"implicit\" (usually port 465)"
                ));
            }
            if !relay.password.is_empty() && !relay.password_file.as_os_str().is_empty() {
                return bad(format!("{label}: set password or password_file, not both"));
            }
            if relay.username.is_empty() && (!relay.password.is_empty() || !relay.password_file.as_os_str().is_empty())
            {
                return bad(format!("{label}: a password is set without a username"));
            }
            if relay.pool_size == 0 {
                return bad(format!("{label}: pool_size must be at least 1"));
            }
            if relay.timeout_secs == 0 {
                return bad(format!("{label}: timeout_secs must be at least 1"));
            }
        }
        let d = &self.dkim;
        if d.domain.is_empty() {
            if !d.selector.is_empty() || !d.key_file.as_os_str().is_empty() || !d.ed25519_selector.is_empty() {
                return bad("mail.dkim: set domain (or remove the other dkim keys)".into());
            }
        } else {
            if !plausible_domain(&d.domain) {
                return bad(format!("mail.dkim.domain: `{}` is not a domain name", d.domain));
            }
            if !is_dns_label(&d.selector) || d.key_file.as_os_str().is_empty() {
                return bad("mail.dkim: selector (a DNS label) and key_file are required with a domain; \
                            `tidings dkim generate` prints them"
                    .into());
            }
            if d.ed25519_selector.is_empty() != d.ed25519_key_file.as_os_str().is_empty() {
                return bad("mail.dkim: ed25519_selector and ed25519_key_file must be set together".into());
            }
            if !d.ed25519_selector.is_empty() && !is_dns_label(&d.ed25519_selector) {
                return bad("mail.dkim.ed25519_selector must be a DNS label".into());
            }
            if d.ed25519_selector == d.selector {
                return bad("mail.dkim: the Ed25519 key needs its own selector".into());
            }
        }
        self.bounces.validate()
    }
}

/// `localhost`, or an address in 127.0.0.0/8 or ::1.
pub fn is_loopback_host(host: &str) -> bool {
    let h = host.trim().trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost") || h.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn plausible_address(s: &str) -> bool {
    match s.rsplit_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | '"'))
                && plausible_domain(domain)
        }
        None => false,
    }
}

/// Loopback, unspecified or `localhost`: a host only this machine reaches.
fn is_local_host(h: &str) -> bool {
    let h = h.trim().trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost")
        || h.ends_with(".localhost")
        || h.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback() || ip.is_unspecified())
}

fn plausible_domain(s: &str) -> bool {
    !s.is_empty() && s.len() <= 253 && s.split('.').all(is_dns_label)
}

fn is_dns_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || !c.is_ascii())
}

fn env_to_key(rest: &str) -> String {
    rest.to_ascii_lowercase().replace("__", ".")
}

/// Environment values are strings; figment's parser types numbers, booleans and `[a, b]` lists.
fn env_value(raw: &str) -> Value {
    raw.parse::<Value>().unwrap_or_else(|_| Value::from(raw.to_string()))
}

fn insert_path(dict: &mut Dict, key: &str, value: Value) {
    let mut parts = key.splitn(2, '.');
    let head = parts.next().unwrap_or_default().to_string();
    match parts.next() {
        None => {
            dict.insert(head, value);
        }
        Some(tail) => {
            let entry = dict.entry(head).or_insert_with(|| Value::from(Dict::new()));
            if let Value::Dict(_, inner) = entry {
                insert_path(inner, tail, value);
            }
        }
    }
}

/// Every dotted key the config accepts, derived from the defaults so it cannot drift.
pub fn known_keys() -> BTreeSet<String> {
    fn walk(prefix: &str, v: &serde_json::Value, out: &mut BTreeSet<String>) {
        if let serde_json::Value::Object(map) = v {
            for (k, v) in map {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                if v.is_object() {
                    walk(&key, v, out);
                } else {
                    out.insert(key);
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk("", &serde_json::to_value(Config::default()).expect("config serializes"), &mut out);
    out
}

fn describe(file: Option<&Path>, e: figment::Error) -> ConfigError {
    let mut messages = Vec::new();
    for err in e {
        let key = err.path.join(".");
        let what = match &err.kind {
            figment::error::Kind::UnknownField(field, _) => {
                // figment's path may already end with the field (`auth.foo`, not `auth`).
                let full = if key.is_empty() {
                    field.clone()
                } else if err.path.last() == Some(field) {
                    key.clone()
                } else {
                    format!("{key}.{field}")
                };
                format!("unknown key `{full}`")
            }
            kind => {
                if key.is_empty() {
                    kind.to_string()
                } else {
                    format!("key `{key}`: {kind}")
                }
            }
        };
        let source = match &err.metadata {
            Some(m) if m.name.contains("TOML") => file.map(|p| format!("{}: ", p.display())).unwrap_or_default(),
            // The environment layer is a serialized map: name the variable the operator set.
            Some(m) if m.name.contains("BTreeMap") && !key.is_empty() => {
                format!("environment variable {ENV_PREFIX}{}: ", key.to_uppercase().replace('.', "__"))
            }
            Some(_) => "command line: ".to_string(),
            None => String::new(),
        };
        messages.push(format!("{source}{what}"));
    }
    ConfigError::Invalid(messages.join("; "))
}

/// The store's options as the config gives them (here, not in the store: the store knows no
/// config, the config knows the store).
impl crate::store::OpenOptions {
    pub fn from_config(config: &Config, registry: &'static crate::store::Registry) -> Self {
        Self {
            cache_bytes: config.store.cache_mb * 1024 * 1024,
            master_key: config.master_key_path(),
            create: true,
            registry,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_known_path() {
        let keys = known_keys();
        assert!(keys.contains("listen"));
        assert!(keys.contains("auth.max_failed_logins"));
        assert!(keys.contains("proxy.trusted"));
    }

    #[test]
    fn env_list_values_parse() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = Config::load_from(
            None,
            vec![
                ("TIDINGS_PROXY__TRUSTED".into(), "[\"10.0.0.1\", \"::1\"]".into()),
                ("TIDINGS_DATA_DIR".into(), dir.path().display().to_string()),
            ],
            &CliOverrides::default(),
        )
        .unwrap();
        assert_eq!(loaded.config.proxy.trusted.len(), 2);
    }

    /// The sender's name is every message's `From` display name: the header rule applies.
    #[test]
    fn the_sender_name_follows_the_header_rule() {
        let dir = tempfile::tempdir().unwrap();
        let load = |name: &str| {
            Config::load_from(
                None,
                vec![
                    ("TIDINGS_MAIL__FROM_NAME".into(), name.into()),
                    ("TIDINGS_DATA_DIR".into(), dir.path().display().to_string()),
                ],
                &CliOverrides::default(),
            )
        };
        assert_eq!(load("Shoe Shop — News").unwrap().config.mail.from_name, "Shoe Shop — News");
        for bad in ["Shoe\u{0b}Shop", "Shoe\u{85}Shop", "Shoe\u{2028}Shop"] {
            let e = load(bad).unwrap_err().to_string();
            assert!(e.contains("mail.from_name contains the control character U+"), "{bad:?}: {e}");
        }
    }

    #[test]
    fn config_and_secret_files_are_read_only_up_to_their_bound() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        let at_bound = padded(&format!("data_dir = {:?}\n", dir.path()), MAX_CONFIG_BYTES);
        std::fs::write(&file, &at_bound).unwrap();
        assert!(Config::load_from(Some(&file), vec![], &CliOverrides::default()).is_ok());
        std::fs::write(&file, padded(&at_bound, MAX_CONFIG_BYTES + 1)).unwrap();
        let e = Config::load_from(Some(&file), vec![], &CliOverrides::default()).unwrap_err().to_string();
        assert!(e.contains("config.toml") && e.contains("larger than 1 MiB"), "{e}");

        // TIDINGS_<KEY>_FILE (any key can be given so; secrets are).
        let secret = dir.path().join("secret");
        let env = |path: &Path| vec![("TIDINGS_HOSTNAME_FILE".to_string(), path.display().to_string())];
        std::fs::write(&secret, "x".repeat(MAX_SECRET_BYTES)).unwrap();
        let loaded = Config::load_from(None, env(&secret), &CliOverrides::default()).unwrap();
        assert_eq!(loaded.config.hostname.len(), MAX_SECRET_BYTES);
        std::fs::write(&secret, "x".repeat(MAX_SECRET_BYTES + 1)).unwrap();
        let e = Config::load_from(None, env(&secret), &CliOverrides::default()).unwrap_err().to_string();
        assert!(e.contains("TIDINGS_HOSTNAME_FILE") && e.contains("larger than 64 KiB"), "{e}");
    }

    /// `text` and then a TOML comment (`#` and spaces) to exactly `size` bytes.
    fn padded(text: &str, size: usize) -> String {
        let mut out = format!("{}#", text.trim_end_matches(' '));
        out.truncate(size.min(out.len()));
        while out.len() < size {
            out.push(' ');
        }
        out
    }
}

#[cfg(test)]
mod example_tests {
    use super::*;

    /// Uncommenting every key of config.example.toml must give exactly the defaults, and every
    /// key the config knows must be in it with its env var named.
    #[test]
    fn example_lists_every_key_at_its_default() {
        let example = include_str!("../config.example.toml");
        let uncommented: String = example
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.split_once(" = ").is_some_and(|(k, _)| !k.contains(' ')) => rest.to_string(),
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let parsed: Config = toml::from_str(&uncommented).expect("example parses");
        assert_eq!(parsed, Config::default());
        for key in known_keys() {
            let env = format!("TIDINGS_{}", key.to_uppercase().replace('.', "__"));
            assert!(example.contains(&env), "config.example.toml does not name {env}");
            let leaf = key.rsplit('.').next().unwrap();
            assert!(example.contains(&format!("# {leaf} = ")), "config.example.toml lacks `{key}`");
        }
    }
}

#[cfg(test)]
mod warning_tests {
    use super::*;

    #[test]
    fn the_defaults_warn_about_everything_that_will_go_wrong_and_a_real_setup_about_nothing() {
        let keys = |c: &Config| c.warnings().iter().map(|w| w.key).collect::<Vec<_>>();
        let defaults = Config::default();
        assert_eq!(keys(&defaults), vec!["http.public_url", "mail.from", "mail.relays", "tls.cert_file"]);
        // A package install: a real hostname, still on loopback.
        let mut packaged = Config { hostname: "news.example.com".into(), ..Config::default() };
        assert!(keys(&packaged).contains(&"listen"), "{:?}", keys(&packaged));
        assert!(!keys(&packaged).contains(&"http.public_url"));
        packaged.listen = "0.0.0.0:443".parse().unwrap();
        packaged.mail.from = "news@example.com".into();
        packaged.tls.cert_file = "/etc/tidings/fullchain.pem".into();
        packaged.tls.key_file = "/etc/tidings/privkey.pem".into();
        packaged.mail.relays =
            vec![RelayConfig { name: "main".into(), host: "smtp.example.com".into(), ..Default::default() }];
        assert_eq!(keys(&packaged), Vec::<&str>::new());
    }

    /// One wording per warning, in the admin catalogue: English for `tidings check`, the staff
    /// member's language on the dashboard, with the same addresses in both.
    #[test]
    fn warnings_are_worded_in_english_for_the_cli_and_in_german_for_the_dashboard() {
        let mut c = Config { hostname: "news.example.com".into(), ..Config::default() };
        c.mail.from = "shop@localhost".into();
        let w = c.warnings();
        let listen = w.iter().find(|w| w.key == "listen").unwrap();
        assert_eq!(
            listen.english(),
            "The server listens on 127.0.0.1:8443 only: nobody outside this machine can reach news.example.com. Set \
             listen = \"0.0.0.0:443\" (or put a reverse proxy in front and set proxy.trusted)."
        );
        let from = w.iter().find(|w| w.key == "mail.from").unwrap();
        assert_eq!(
            from.english(),
            "Mail is sent from shop@localhost, an address other mail servers refuse. Add a sender of your own domain \
             in Settings → Email (or set mail.from), with SPF and DKIM for it."
        );
        let de = crate::i18n::admin_catalogue().get("de");
        for w in &w {
            let german = w.text(de);
            assert_ne!(german, w.english(), "{}", w.key);
            assert!(w.args.iter().all(|(_, v)| german.contains(v.as_str())), "{german}");
        }
    }
}
