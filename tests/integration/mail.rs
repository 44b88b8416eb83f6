//! Mail against real SMTP on loopback (the sink in `smtp_sink.rs`): templates, MIME, DKIM
//! verified with mail-auth's verifier, the file outbox, failure classification, relay checks
//! and the `dkim generate` / `send-test-email` commands.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::verify::DomainKey;
use mail_auth::{AuthenticatedMessage, DkimResult, MessageAuthenticator, Parameters, ResolverCache, Txt};
use mail_parser::MessageParser;
use serde_json::json;
use tidings::config::{Config, RelayConfig, RelayTls};
use tidings::mail::check::send_test_email;
use tidings::mail::dkim::{Algorithm, GeneratedKey, Signer};
use tidings::mail::{
    BodyFormat, CampaignSource, Cause, Envelope, Limits, Mailbox, Mailer, Message, MessageError, MessageId, Outcome,
    PreparedCampaign, RenderedMessage, SmtpRelay, Stage, SystemLinks, Transport,
};

use crate::smtp_sink::{SinkOptions, SinkTls, SmtpSink};

/// A campaign message (with the List-Unsubscribe headers) from a rendered template.
fn campaign_message<'a>(mailer: &'a Mailer, to: Mailbox<'a>, id: &'a MessageId, r: &'a RenderedMessage) -> Message<'a> {
    Message {
        from: mailer.from(),
        to,
        reply_to: "",
        subject: &r.subject,
        message_id: id,
        date: chrono::Utc::now(),
        headers: &LIST_HEADERS,
        text: &r.text,
        html: Some(&r.html),
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

fn relay(name: &str, port: u16, tls: RelayTls) -> RelayConfig {
    RelayConfig { name: name.into(), host: "127.0.0.1".into(), port, tls, timeout_secs: 5, ..Default::default() }
}

fn config_with(dir: &Path, relays: Vec<RelayConfig>) -> Config {
    let mut c = Config { data_dir: dir.to_path_buf(), hostname: "news.example.com".into(), ..Default::default() };
    c.mail.from = "news@example.com".into();
    c.mail.from_name = "Café Zoë".into();
    c.mail.relays = relays;
    c
}

fn links() -> SystemLinks<'static> {
    SystemLinks {
        unsubscribe_url: "https://news.example.com/u/tok123",
        preferences_url: "https://news.example.com/p/tok123",
        view_in_browser_url: "https://news.example.com/v/tok123",
        privacy_url: "https://news.example.com/privacy",
        organisation: "Shoe Shop Ltd",
        postal_address: "1 High Street, London",
        legal_footer: "",
        language: None,
    }
}

const LIST_HEADERS: [(&str, &str); 2] = [
    ("List-Unsubscribe", "<https://news.example.com/u/tok123>"),
    ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
];

fn campaign() -> PreparedCampaign {
    PreparedCampaign::prepare(
        &CampaignSource {
            subject: "{{ first_name }}, our winter offers",
            layout: tidings::mail::template::DEFAULT_LAYOUT,
            body: "# Hello {{ first_name }}!\n\nAs a **{{ tier }}** member you get {{ discount }}% off.\n",
            format: BodyFormat::Markdown,
        },
        Limits::default(),
    )
    .unwrap()
}

fn write_ca(dir: &Path, sink: &SmtpSink) -> std::path::PathBuf {
    let path = dir.join("ca.pem");
    std::fs::write(&path, &sink.ca_pem).unwrap();
    path
}

#[test]
fn a_campaign_message_arrives_with_both_parts_and_the_fields_filled() {
    let sink = SmtpSink::start(SinkOptions::default());
    let dir = tempfile::tempdir().unwrap();
    let config = config_with(dir.path(), vec![relay("local", sink.port(), RelayTls::None)]);
    let mailer = Mailer::from_config(&config).unwrap();
    let rendered = campaign()
        .render(&json!({"email": "ann@example.org", "first_name": "Ann", "tier": "Gold", "discount": 15}), &links())
        .unwrap();
    let id = mailer.message_id("c-1.p-2").unwrap();
    let message = campaign_message(&mailer, Mailbox::new("Ann Lee", "ann@example.org"), &id, &rendered);
    let bytes = mailer.compose(&message).unwrap();
    let envelope = Envelope::new(&mailer.envelope_sender(None).unwrap(), &["ann@example.org"]).unwrap();
    let outcome = runtime().block_on(mailer.send(None, &envelope, &bytes)).unwrap();
    assert!(matches!(&outcome, Outcome::Accepted { reply } if reply.starts_with("250")), "{outcome:?}");

    let got = sink.wait_for(1);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].from, "news@example.com");
    assert_eq!(got[0].to, vec!["ann@example.org"]);
    assert_eq!(got[0].data, bytes, "the relay received exactly the bytes composed");
    let parsed = MessageParser::default().parse(&got[0].data).unwrap();
    assert_eq!(parsed.subject(), Some("Ann, our winter offers"));
    assert_eq!(parsed.from().unwrap().first().unwrap().name(), Some("Café Zoë"));
    assert_eq!(parsed.message_id(), Some("c-1.p-2@example.com"));
    let text = parsed.body_text(0).unwrap();
    let html = parsed.body_html(0).unwrap();
    assert!(text.contains("Hello Ann!") && text.contains("As a Gold member you get 15% off."), "{text}");
    assert!(text.contains("Unsubscribe (https://news.example.com/u/tok123)"), "{text}");
    assert!(html.contains("Hello Ann!") && html.contains("<strong"), "{html}");
    assert!(html.contains("style=\""), "CSS inlined: {html}");
    assert_eq!(parsed.header("List-Unsubscribe-Post").and_then(|h| h.as_text()), Some("List-Unsubscribe=One-Click"));
}

#[test]
fn starttls_with_login_and_a_private_ca() {
    let sink = SmtpSink::start(SinkOptions {
        tls: SinkTls::StartTls,
        auth: Some(("news".into(), "s3cret pass".into())),
        ..Default::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let password_file = dir.path().join("relay.pw");
    std::fs::write(&password_file, "s3cret pass\n").unwrap();
    let mut r = relay("submission", sink.port(), RelayTls::Starttls);
    r.username = "news".into();
    r.password_file = password_file;

    // Without the CA: the certificate is not trusted, and the check says what to do.
    let config = config_with(dir.path(), vec![r.clone()]);
    let report = runtime().block_on(send_test_email(&config, "ann@example.org", None)).unwrap();
    assert!(!report.ok);
    assert!(report.summary.contains("not signed by an authority") && report.summary.contains("ca_file"), "{report:?}");

    r.ca_file = write_ca(dir.path(), &sink);
    let config = config_with(dir.path(), vec![r.clone()]);
    let report = runtime().block_on(send_test_email(&config, "ann@example.org", None)).unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(sink.wait_for(1).len(), 1);

    r.password_file = Default::default();
    r.password = "wrong".into();
    let config = config_with(dir.path(), vec![r]);
    let report = runtime().block_on(send_test_email(&config, "ann@example.org", None)).unwrap();
    assert!(!report.ok);
    assert!(report.summary.contains("refused the login") && report.summary.contains("535"), "{report:?}");
}

#[test]
fn implicit_tls_sends() {
    let sink = SmtpSink::start(SinkOptions { tls: SinkTls::Implicit, ..Default::default() });
    let dir = tempfile::tempdir().unwrap();
    let mut r = relay("smtps", sink.port(), RelayTls::Implicit);
    r.ca_file = write_ca(dir.path(), &sink);
    let report =
        runtime().block_on(send_test_email(&config_with(dir.path(), vec![r]), "ann@example.org", None)).unwrap();
    assert!(report.ok, "{report:?}");
    let got = sink.wait_for(1);
    assert!(String::from_utf8_lossy(&got[0].data).contains("Subject: Tidings test message"));
}

#[test]
fn a_wrong_tls_mode_is_explained_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    // Implicit TLS configured, the port speaks STARTTLS.
    let plain = SmtpSink::start(SinkOptions { tls: SinkTls::StartTls, ..Default::default() });
    let config = config_with(dir.path(), vec![relay("r", plain.port(), RelayTls::Implicit)]);
    let report = runtime().block_on(send_test_email(&config, "ann@example.org", None)).unwrap();
    assert!(!report.ok);
    assert!(
        report.summary.contains("answered in plain text") && report.summary.contains("tls = \"starttls\""),
        "{report:?}"
    );

    // STARTTLS configured, the port expects TLS from the first byte: it waits for a handshake.
    let implicit = SmtpSink::start(SinkOptions { tls: SinkTls::Implicit, ..Default::default() });
    let mut r = relay("r", implicit.port(), RelayTls::Starttls);
    r.timeout_secs = 1;
    let config = config_with(dir.path(), vec![r]);
    let report = runtime().block_on(send_test_email(&config, "ann@example.org", None)).unwrap();
    assert!(!report.ok);
    assert!(report.summary.contains("no greeting") && report.summary.contains("tls = \"implicit\""), "{report:?}");
}

#[test]
fn a_closed_port_is_explained() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let config = config_with(dir.path(), vec![relay("r", port, RelayTls::None)]);
    let report = runtime().block_on(send_test_email(&config, "ann@example.org", Some("r"))).unwrap();
    assert!(!report.ok);
    assert!(report.summary.contains("refused the connection"), "{report:?}");
    let missing = runtime().block_on(send_test_email(&config, "ann@example.org", Some("nope")));
    assert!(missing.unwrap_err().to_string().contains("no relay named `nope`"));
}

#[test]
fn temporary_and_permanent_failures_are_told_apart() {
    let sink = SmtpSink::start(SinkOptions {
        rcpt_reply: |rcpt| match rcpt {
            r if r.starts_with("later@") => Some("451 4.7.1 Greylisted, try again later"),
            r if r.starts_with("gone@") => Some("550 5.1.1 No such user"),
            _ => None,
        },
        ..Default::default()
    });
    let mut cfg = relay("r", sink.port(), RelayTls::None);
    cfg.pool_size = 1;
    let relay = SmtpRelay::new(&cfg, "news.example.com").unwrap();
    let msg = b"From: <news@example.com>\r\nTo: <x@example.org>\r\nSubject: t\r\n\r\nbody\r\n";
    let send = |to: &str| runtime().block_on(relay.send(&Envelope::new("news@example.com", &[to]).unwrap(), msg));

    assert!(send("ok@example.org").is_accepted());
    match send("later@example.org") {
        Outcome::Temporary(f) => {
            assert_eq!((f.stage, f.cause, f.code), (Stage::Recipient, Cause::Reply, Some(451)));
            assert!(f.text.contains("Greylisted"));
        }
        other => panic!("{other:?}"),
    }
    match send("gone@example.org") {
        Outcome::Permanent(f) => {
            assert_eq!((f.stage, f.code), (Stage::Recipient, Some(550)));
            assert!(f.blames_message(), "a refused recipient is the address's fault");
        }
        other => panic!("{other:?}"),
    }
    // The connection survived both refusals (RSET) and carries the next message.
    assert!(send("ok2@example.org").is_accepted());
    let got = sink.wait_for(2);
    assert_eq!(got.iter().map(|r| r.to[0].as_str()).collect::<Vec<_>>(), ["ok@example.org", "ok2@example.org"]);

    // A relay that cannot be reached is a temporary failure that blames no one's address.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let down = SmtpRelay::new(&relay_cfg_for(port), "news.example.com").unwrap();
    match runtime().block_on(down.send(&Envelope::new("news@example.com", &["a@example.org"]).unwrap(), msg)) {
        Outcome::Temporary(f) => {
            assert_eq!((f.stage, f.cause, f.code), (Stage::Connect, Cause::Refused, None));
            assert!(!f.blames_message());
        }
        other => panic!("{other:?}"),
    }
}

fn relay_cfg_for(port: u16) -> RelayConfig {
    relay("down", port, RelayTls::None)
}

#[test]
fn header_injection_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mailer = Mailer::from_config(&config_with(dir.path(), vec![])).unwrap();
    let rendered =
        campaign().render(&json!({"first_name": "Ann\r\nBcc: everyone@example.net", "tier": "x"}), &links()).unwrap();
    // A merge field cannot break the subject's line: its line break becomes a space, and the
    // message goes out with no header of the contact's making.
    assert!(!rendered.subject.contains(['\r', '\n']), "{:?}", rendered.subject);
    let id = mailer.message_id("c-1.p-1").unwrap();
    let message = campaign_message(&mailer, Mailbox::bare("ann@example.org"), &id, &rendered);
    let bytes = mailer.compose(&message).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let head = &text[..text.find("\r\n\r\n").unwrap()];
    assert!(!head.lines().any(|l| l.to_ascii_lowercase().starts_with("bcc:")), "{head}");
    // A subject handed to the message writer with a line break in it is refused.
    let raw = Message { subject: "Hi\r\nBcc: everyone@example.net", ..message };
    let err = mailer.compose(&raw).unwrap_err().to_string();
    assert!(err.contains("header Subject") && err.contains("header injection"), "{err}");
    let to_name = Message { to: Mailbox::new("Ann\nBcc: x@example.net", "ann@example.org"), subject: "Hi", ..message };
    assert!(mailer.compose(&to_name).is_err());
    let header = [("List-Unsubscribe", "<https://x>\r\nBcc: x@example.net")];
    assert!(mailer.compose(&Message { headers: &header, subject: "Hi", ..message }).is_err());
    assert!(matches!(
        Envelope::new("news@example.com", &["a@example.org\r\nRCPT TO:<b@example.org>"]),
        Err(MessageError::ControlCharacter { .. })
    ));
}

/// A resolver cache with the DKIM records: the verifier never asks the network.
#[derive(Default)]
pub struct TxtCache(Mutex<HashMap<Box<str>, Txt>>);

impl ResolverCache<Box<str>, Txt> for TxtCache {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.0.lock().unwrap().get(name).cloned()
    }

    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.0.lock().unwrap().remove(name)
    }

    fn insert(&self, key: Box<str>, value: Txt, _valid_until: Instant) {
        self.0.lock().unwrap().insert(key, value);
    }
}

impl TxtCache {
    pub fn publish(&self, domain: &str, key: &GeneratedKey) {
        let record = DomainKey::parse(key.txt_value().as_bytes()).unwrap();
        self.insert(
            format!("{}.", key.dns_name(domain)).into(),
            Txt::from(record),
            Instant::now() + Duration::from_secs(3600),
        );
    }
}

pub fn verify(cache: &TxtCache, message: &[u8]) -> Vec<(String, bool)> {
    runtime().block_on(async {
        let authenticator = MessageAuthenticator::new_cloudflare().unwrap();
        let parsed = AuthenticatedMessage::parse(message).unwrap();
        let results = authenticator.verify_dkim(Parameters::new(&parsed).with_txt_cache(cache)).await;
        results
            .iter()
            .map(|r| {
                let algorithm = r.signature().map(|s| format!("{:?}", s.a)).unwrap_or_default();
                (algorithm, r.result() == &DkimResult::Pass)
            })
            .collect()
    })
}

#[test]
fn dkim_signatures_verify_cover_the_unsubscribe_headers_and_break_when_a_header_changes() {
    let sink = SmtpSink::start(SinkOptions::default());
    let rsa = GeneratedKey::generate(Algorithm::Rsa, "s1").unwrap();
    let ed = GeneratedKey::generate(Algorithm::Ed25519, "s1-ed25519").unwrap();
    let cache = TxtCache::default();
    cache.publish("example.com", &rsa);
    cache.publish("example.com", &ed);

    let dir = tempfile::tempdir().unwrap();
    let mut config = config_with(dir.path(), vec![relay("local", sink.port(), RelayTls::None)]);
    let rsa_file = dir.path().join("rsa.pem");
    let ed_file = dir.path().join("ed.pem");
    rsa.write_private(&rsa_file).unwrap();
    ed.write_private(&ed_file).unwrap();
    config.mail.dkim.domain = "example.com".into();
    config.mail.dkim.selector = "s1".into();
    config.mail.dkim.key_file = rsa_file;
    config.mail.dkim.ed25519_selector = "s1-ed25519".into();
    config.mail.dkim.ed25519_key_file = ed_file;
    let mailer = Mailer::from_config(&config).unwrap();

    let rendered = campaign().render(&json!({"first_name": "Zoë", "tier": "Gold", "discount": 5}), &links()).unwrap();
    let id = mailer.message_id("c-9.p-9").unwrap();
    let message = campaign_message(&mailer, Mailbox::bare("zoe@example.org"), &id, &rendered);
    let signed = mailer.compose(&message).unwrap();
    let text = String::from_utf8(signed.clone()).unwrap();
    let headers_of = |sig_start: &str| {
        let at = text.find(sig_start).unwrap();
        let sig = &text[at..at + text[at..].find("b=").unwrap()];
        sig.replace(['\r', '\n', '\t', ' '], "").to_ascii_lowercase()
    };
    for alg in ["a=rsa-sha256", "a=ed25519-sha256"] {
        let tags = headers_of(&format!("DKIM-Signature: v=1; {alg}"));
        for h in ["list-unsubscribe", "list-unsubscribe-post", "from", "to", "subject", "date", "message-id"] {
            assert!(tags.split(['=', ':', ';']).any(|t| t == h), "{alg} does not sign {h}: {tags}");
        }
    }

    // Through a real SMTP exchange, both signatures still verify.
    let envelope = Envelope::new("news@example.com", &["zoe@example.org"]).unwrap();
    assert!(runtime().block_on(mailer.send(None, &envelope, &signed)).unwrap().is_accepted());
    let received = sink.wait_for(1).remove(0).data;
    let results = verify(&cache, &received);
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(results.iter().all(|(_, pass)| *pass), "{results:?}");

    // Any signed header changed on the way: both fail.
    for (from, to) in [
        ("List-Unsubscribe: <https://news.example.com/u/tok123>", "List-Unsubscribe: <https://evil.example/u>"),
        ("List-Unsubscribe-Post: List-Unsubscribe=One-Click", "List-Unsubscribe-Post: nothing"),
        ("Message-ID: <c-9.p-9@example.com>", "Message-ID: <other@example.com>"),
    ] {
        let tampered = text.replacen(from, to, 1);
        assert_ne!(tampered, text, "{from} not found");
        let results = verify(&cache, tampered.as_bytes());
        assert!(results.iter().all(|(_, pass)| !pass), "still passes after changing {from}: {results:?}");
    }
    // And a changed body.
    let tampered = text.replacen("Gold", "Platinum", 1);
    assert!(verify(&cache, tampered.as_bytes()).iter().all(|(_, pass)| !pass));
}

#[test]
fn without_a_relay_messages_go_to_the_outbox_as_eml_files() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_with(dir.path(), vec![]);
    let mailer = Mailer::from_config(&config).unwrap();
    assert!(matches!(mailer.transport(None).unwrap(), Transport::Folder(_)));
    let rendered = campaign().render(&json!({"first_name": "Ann", "tier": "Gold", "discount": 10}), &links()).unwrap();
    let id = mailer.message_id("c-1.p-1").unwrap();
    let message = campaign_message(&mailer, Mailbox::bare("ann@example.org"), &id, &rendered);
    let bytes = mailer.compose(&message).unwrap();
    let envelope = Envelope::new("news@example.com", &["ann@example.org"]).unwrap();
    let outcome = runtime().block_on(mailer.send(None, &envelope, &bytes)).unwrap();
    assert!(outcome.is_accepted(), "{outcome:?}");

    let outbox = dir.path().join("outbox");
    let files: Vec<_> = std::fs::read_dir(&outbox).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "one file, no temporary left: {files:?}");
    assert_eq!(files[0].extension().unwrap(), "eml");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777, 0o600);
    let raw = std::fs::read(&files[0]).unwrap();
    let parsed = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(parsed.subject(), Some("Ann, our winter offers"));
    assert_eq!(parsed.return_address(), Some("news@example.com"));
    assert!(parsed.body_text(0).unwrap().contains("As a Gold member you get 10% off."));
    assert!(parsed.body_html(0).is_some());

    // Erasure finds the file by its envelope recipient.
    assert_eq!(tidings::mail::erase_addressed_to(&outbox, &["other@example.org".into()]).unwrap(), 0);
    assert_eq!(tidings::mail::erase_addressed_to(&outbox, &["ANN@example.org".into()]).unwrap(), 1);
    assert_eq!(std::fs::read_dir(&outbox).unwrap().count(), 0);
}

#[test]
fn templates_are_sandboxed_and_errors_name_the_line() {
    let prepare = |body: &str| {
        PreparedCampaign::prepare(
            &CampaignSource { subject: "s", layout: "{{ content }}", body, format: BodyFormat::Markdown },
            Limits { fuel: 50_000, max_output: 1 << 20, ..Limits::default() },
        )
    };
    let files = prepare("{% include \"/etc/passwd\" %}").and_then(|c| c.render(&json!({}), &links())).unwrap_err();
    assert!(files.message.contains("cannot include"), "{files}");
    let endless = prepare("{% for a in range(10000) %}{% for b in range(10000) %}.{% endfor %}{% endfor %}")
        .unwrap()
        .render(&json!({}), &links())
        .unwrap_err();
    assert!(endless.message.contains("too much work"), "{endless}");
    let syntax = prepare("Hello\n\n{{ first_name | }}\n").unwrap_err();
    assert_eq!(syntax.line, Some(3), "{syntax}");
    assert!(syntax.to_string().starts_with("body, line 3: syntax error"), "{syntax}");
    let env = prepare("{{ env }}{{ config }}{{ self }}").unwrap().render(&json!({}), &links()).unwrap();
    assert!(!env.html.contains("PATH") && !env.text.contains("HOME"), "{env:?}");
}

#[test]
fn tls_none_is_refused_to_a_host_that_is_not_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(&file, "[[mail.relays]]\nname = \"lan\"\nhost = \"10.0.0.5\"\ntls = \"none\"\n").unwrap();
    let err = Config::load_from(Some(&file), vec![], &Default::default()).unwrap_err().to_string();
    assert!(err.contains("mail.relays `lan`") && err.contains("only allowed to a relay on this host"), "{err}");
    std::fs::write(&file, "[[mail.relays]]\nname = \"local\"\nhost = \"localhost\"\ntls = \"none\"\nport = 25\n")
        .unwrap();
    let loaded = Config::load_from(Some(&file), vec![], &Default::default()).unwrap();
    assert_eq!(loaded.config.mail.relays[0].effective_port(), 25);
    let loaded = Config::load_from(
        None,
        vec![("TIDINGS_MAIL__RELAYS".into(), "[{name=\"env\", host=\"smtp.example.com\", pool_size=2}]".into())],
        &Default::default(),
    )
    .unwrap();
    assert_eq!(loaded.config.mail.relays[0].pool_size, 2);
    assert_eq!(loaded.config.mail.relays[0].effective_port(), 587);
}

fn tidings(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tidings")).args(args).env_remove("TIDINGS_CONFIG").output().unwrap()
}

#[test]
fn dkim_generate_writes_keys_that_sign_and_prints_records_and_config() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let out =
        tidings(&["dkim", "generate", "--domain", "example.com", "--selector", "s1", "--ed25519", "--data-dir", data]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();

    // The config lines parse into a working [mail.dkim].
    let config_part = &stdout[stdout.find("[mail.dkim]").unwrap()..];
    let config_part: String = config_part.lines().take_while(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n");
    let file = dir.path().join("c.toml");
    std::fs::write(&file, format!("data_dir = {data:?}\n{config_part}\n")).unwrap();
    let config = Config::load_from(Some(&file), vec![], &Default::default()).unwrap().config;
    assert_eq!(config.mail.dkim.selector, "s1");
    assert_eq!(config.mail.dkim.ed25519_selector, "s1-ed25519");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&config.mail.dkim.key_file).unwrap().permissions().mode() & 0o777, 0o600);
    let signer = Signer::from_config(&config.mail.dkim).unwrap().unwrap();

    // The printed records verify what the key signs.
    let cache = TxtCache::default();
    for line in stdout.lines().filter(|l| l.contains("._domainkey.") && l.contains(" IN TXT ")) {
        let name = line.split_whitespace().next().unwrap();
        let value: String = line.split('"').skip(1).step_by(2).collect();
        cache.insert(
            name.into(),
            Txt::from(DomainKey::parse(value.as_bytes()).unwrap()),
            Instant::now() + Duration::from_secs(60),
        );
    }
    assert_eq!(cache.0.lock().unwrap().len(), 2, "{stdout}");
    let msg = b"From: <news@example.com>\r\nTo: <a@example.org>\r\nSubject: hi\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: <x@example.com>\r\n\r\nbody\r\n";
    let results = verify(&cache, &signer.sign(msg).unwrap());
    assert_eq!(results.len(), 2);
    assert!(results.iter().all(|(_, pass)| *pass), "{results:?}");

    let again = tidings(&["dkim", "generate", "--domain", "example.com", "--selector", "s1", "--data-dir", data]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("refusing to overwrite"));
}

#[test]
fn send_test_email_command_reports_success_and_explains_failure() {
    let sink = SmtpSink::start(SinkOptions::default());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    let write = |port: u16| {
        std::fs::write(
            &file,
            format!(
                "data_dir = {:?}\nhostname = \"news.example.com\"\n[mail]\nfrom = \"news@example.com\"\n\
                 [[mail.relays]]\nname = \"local\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"none\"\n",
                dir.path()
            ),
        )
        .unwrap()
    };
    write(sink.port());
    let out = tidings(&["send-test-email", "--to", "ops@example.org", "--config", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("The relay accepted the message for ops@example.org"));
    assert_eq!(sink.wait_for(1)[0].to, vec!["ops@example.org"]);

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    write(closed);
    let out = tidings(&["send-test-email", "--to", "ops@example.org", "--config", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("refused the connection"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn erasing_a_contact_deletes_the_outbox_files_addressed_to_it() {
    use tidings::contacts::ops;
    let app = crate::helpers::spawn_app();
    let st = &app.state;
    let by = tidings::ops::By::cli();
    let fields = st.fields.all();
    let mut input = tidings::domain::ContactInput::default();
    ops::set_text(&mut input, &ops::Target::Email, "erase.me@example.org", &fields, None).unwrap();
    let contact = ops::create(st, by, &input, tidings::domain::Source::Admin).unwrap();

    let mailer = Mailer::from_config(&st.config).unwrap();
    for (n, to) in ["erase.me@example.org", "keep.me@example.org"].into_iter().enumerate() {
        let id = mailer.message_id(&format!("c-1.p-{n}")).unwrap();
        let message = Message {
            from: mailer.from(),
            to: Mailbox::bare(to),
            reply_to: "",
            subject: "Hello",
            message_id: &id,
            date: chrono::Utc::now(),
            headers: &[],
            text: "Hello",
            html: None,
        };
        let envelope = Envelope::new(mailer.from().address, &[to]).unwrap();
        let bytes = mailer.compose(&message).unwrap();
        assert!(runtime().block_on(mailer.send(None, &envelope, &bytes)).unwrap().is_accepted());
    }
    let outbox = st.config.outbox_dir();
    let files = || {
        std::fs::read_dir(&outbox)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(files().len(), 2);

    ops::delete(st, by, &contact.id, true).unwrap();
    let left = files();
    assert_eq!(left.len(), 1, "the erased contact's message is gone");
    assert!(left[0].contains("keep.me@example.org") && !left[0].contains("erase.me@example.org"));
}

#[test]
fn the_email_settings_page_sends_a_test_message_and_explains_a_relay_that_is_down() {
    use crate::helpers::{spawn_app, spawn_app_with, NEW_PASSWORD};
    // No relay: the page says so and the test message lands in the outbox folder.
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let page = app.get(&admin, "/settings/email").text().unwrap();
    assert!(page.contains("No SMTP relay is configured"), "{page}");
    assert!(page.contains("tidings dkim generate"), "DKIM not set up is said, with the command");

    let r = app.post_form(&admin, "/settings/email", "/settings/email/test", &[("to", "not an address")]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("role=\"alert\""));

    let r = app.post_form(&admin, "/settings/email", "/settings/email/test", &[("to", "ops@example.org")]);
    assert_eq!(r.status(), 200);
    let body = r.text().unwrap();
    assert!(body.contains("<strong>Sent.</strong>"), "{body}");
    let outbox: Vec<_> = std::fs::read_dir(app.data_dir().join("outbox")).unwrap().flatten().collect();
    assert_eq!(outbox.len(), 1, "one .eml in the outbox");
    let eml = std::fs::read_to_string(outbox[0].path()).unwrap();
    assert!(eml.contains("To: ops@example.org"), "{eml}");
    let audit = app.get(&admin, "/audit?action=mail.test_sent").text().unwrap();
    assert!(audit.contains("relay:outbox"), "the test send is audited");

    // A relay that refuses connections: explained in words, nothing claimed as sent.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let app = spawn_app_with(|c| c.mail.relays = vec![relay("local", closed, RelayTls::None)]);
    let admin = app.login_admin(NEW_PASSWORD);
    let page = app.get(&admin, "/settings/email").text().unwrap();
    assert!(page.contains(&format!("127.0.0.1:{closed}")) && page.contains("no TLS (loopback)"), "{page}");
    let r = app.post_form(&admin, "/settings/email", "/settings/email/test", &[("to", "ops@example.org")]);
    let body = r.text().unwrap();
    assert!(body.contains("<strong>Not sent.</strong>"), "{body}");
}
