//! Checking a relay: send one message and, when it fails, say why in words an operator can act
//! on (wrong TLS mode, refused login, a name that does not resolve, a closed port, an untrusted
//! certificate). `tidings send-test-email` prints this; the settings page will show it.

use serde::Serialize;

use super::message::{Mailbox, Message, MessageId};
use super::transport::{Cause, Envelope, Failure, Outcome, Stage, Transport};
use super::{MailError, Mailer};
use crate::config::{Config, RelayTls};

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// The relay's name, or "outbox".
    pub relay: String,
    pub ok: bool,
    /// One sentence: what happened, and on failure what to change.
    pub summary: String,
    /// The relay's answer or the underlying error, for the curious and for support.
    pub detail: String,
    pub message_id: String,
    pub dkim_signed: bool,
}

/// Sends a short plain-text notice from `from` (the shop's current sender) to a staff member
/// (a lockout warning) or a data subject (the erasure notice) through the default relay, or the
/// outbox folder when none is configured.
pub async fn send_notice(
    config: &Config,
    from: &crate::senders::Sender,
    to: &str,
    subject: &str,
    text: &str,
) -> Result<Outcome, MailError> {
    send_notice_in(config, from, to, subject, text, None).await
}

/// [`send_notice`] with the `Content-Language` of the text, when it is known.
pub async fn send_notice_in(
    config: &Config,
    from: &crate::senders::Sender,
    to: &str,
    subject: &str,
    text: &str,
    language: Option<&str>,
) -> Result<Outcome, MailError> {
    let mailer = Mailer::from_config(config)?;
    let transport = mailer.transport(None)?;
    let id = MessageId::random(from.domain())?;
    let message = Message {
        from: from.mailbox(),
        to: Mailbox::bare(to),
        reply_to: &from.reply_to,
        subject,
        message_id: &id,
        date: chrono::Utc::now(),
        headers: &match language {
            Some(code) => vec![("Auto-Submitted", "auto-generated"), ("Content-Language", code)],
            None => vec![("Auto-Submitted", "auto-generated")],
        },
        text,
        html: None,
    };
    let bytes = mailer.compose(&message)?;
    let envelope = Envelope::new(&mailer.envelope_sender_for(None, &from.address)?, &[to])?;
    let outcome = transport.send(&envelope, &bytes).await;
    if let Transport::Smtp(r) = transport {
        r.close().await;
    }
    Ok(outcome)
}

/// Sends a test message to `to` through `relay` (the default one when `None`) from the
/// configured sender (the command line has no store to read saved senders from).
pub async fn send_test_email(config: &Config, to: &str, relay: Option<&str>) -> Result<CheckReport, MailError> {
    send_test_email_as(config, to, relay, None).await
}

/// As [`send_test_email`], from `sender` (the server's current default sender).
pub async fn send_test_email_as(
    config: &Config,
    to: &str,
    relay: Option<&str>,
    sender: Option<&crate::senders::Sender>,
) -> Result<CheckReport, MailError> {
    let mailer = Mailer::from_config(config)?;
    let transport = mailer.transport(relay)?;
    let (from, reply_to) = match sender {
        Some(s) => (s.mailbox(), s.reply_to.as_str()),
        None => (mailer.from(), mailer.reply_to()),
    };
    let domain = from.address.rsplit_once('@').map_or("localhost", |(_, d)| d);
    let id = MessageId::random(domain)?;
    let when = chrono::Utc::now();
    let via = match transport {
        Transport::Smtp(r) => format!("relay `{}` ({}:{})", r.settings.name, r.settings.host, r.settings.port),
        Transport::Folder(o) => format!("the outbox folder {}", o.dir().display()),
    };
    let text = format!(
        "This is a test message from Tidings at {}, sent through {via} at {}.\n\nIf you can read it, mail \
         leaves this server correctly.\n",
        config.hostname,
        when.format("%Y-%m-%d %H:%M:%S UTC")
    );
    let html = format!("<p>{}</p>", html_escape(&text).replace("\n\n", "</p><p>"));
    let message = Message {
        from,
        to: Mailbox::bare(to),
        reply_to,
        subject: "Tidings test message",
        message_id: &id,
        date: when,
        headers: &[("Auto-Submitted", "auto-generated")],
        text: &text,
        html: Some(&html),
    };
    let bytes = mailer.compose(&message)?;
    let envelope = Envelope::new(&mailer.envelope_sender_for(None, from.address)?, &[to])?;
    let outcome = transport.send(&envelope, &bytes).await;
    if let Transport::Smtp(r) = transport {
        r.close().await;
    }
    let (ok, summary, detail) = match &outcome {
        Outcome::Accepted { reply } => {
            let summary = match transport {
                Transport::Folder(_) => format!(
                    "No relay is configured: the message was written to {} (configure [[mail.relays]] to send for real).",
                    reply.trim_start_matches("written to ")
                ),
                Transport::Smtp(_) => format!("The relay accepted the message for {to}."),
            };
            (true, summary, reply.clone())
        }
        Outcome::Temporary(f) | Outcome::Permanent(f) => (false, explain(f, transport, from.address), f.to_string()),
    };
    Ok(CheckReport {
        relay: transport.name().to_string(),
        ok,
        summary,
        detail,
        message_id: id.to_string(),
        dkim_signed: mailer.signer().is_some(),
    })
}

/// What went wrong, and what to change, in words.
pub fn explain(f: &Failure, transport: &Transport, from: &str) -> String {
    let Transport::Smtp(relay) = transport else {
        return format!("The message could not be written to the outbox folder: {}.", f.text);
    };
    let s = &relay.settings;
    let (host, port, secs) = (&s.host, s.port, s.timeout.as_secs());
    let reply = || match f.code {
        Some(code) => format!("{code} {}", f.text.trim()),
        None => f.text.trim().to_string(),
    };
    match (f.stage, f.cause) {
        (_, Cause::Dns) => format!(
            "The host name `{host}` does not resolve ({}). Check `host` for a typo, and that this server can resolve names.",
            f.text
        ),
        (_, Cause::Refused) => format!(
            "{host}:{port} refused the connection: nothing accepts connections on that port. Check `port` \
             (usually 465 for tls = \"implicit\", 587 for \"starttls\", 25 for a relay on this host) and that the relay runs."
        ),
        (Stage::Connect, Cause::Timeout) => format!(
            "No answer from {host}:{port} within {secs}s: a firewall may be dropping the connection (many hosting \
             providers block outgoing port 25), or the host is down."
        ),
        (Stage::Tls, Cause::PlainText) => format!(
            "{host}:{port} answered in plain text, but tls = \"implicit\" expects TLS from the first byte: this port \
             speaks STARTTLS. Set tls = \"starttls\" (usually port 587), or use the relay's implicit-TLS port (usually 465)."
        ),
        (Stage::Greeting, Cause::Timeout) if s.tls != RelayTls::Implicit => format!(
            "{host}:{port} sent no greeting within {secs}s. A port for implicit TLS (usually 465) waits silently for a \
             TLS handshake: if that is this port, set tls = \"implicit\". Otherwise the relay is overloaded."
        ),
        (Stage::Tls, Cause::NotOffered) => format!(
            "{host}:{port} does not offer STARTTLS, so tls = \"starttls\" cannot protect the connection. If this port \
             expects TLS from the first byte (usually 465), set tls = \"implicit\". Tidings does not send mail or \
             passwords unencrypted to another host."
        ),
        (Stage::Tls, Cause::Untrusted) => format!(
            "The certificate of {host} is not signed by an authority Tidings trusts (it is self-signed, or from a \
             private CA): put that authority's certificate (PEM) in the relay's `ca_file`. ({})",
            f.text
        ),
        (Stage::Tls, Cause::WrongName) => format!(
            "The certificate of {host} is not valid for the name `{host}`: set `host` to the name the certificate \
             was issued for. ({})",
            f.text
        ),
        (Stage::Tls, Cause::Expired) => {
            format!("The certificate of {host} has expired or is not valid yet; its operator must renew it. ({})", f.text)
        }
        (Stage::Tls, Cause::Timeout) => {
            format!("{host}:{port} did not complete a TLS handshake within {secs}s.")
        }
        (Stage::Tls, _) => format!("The TLS handshake with {host}:{port} failed: {}.", f.text),
        (Stage::Auth, Cause::NotOffered) => format!(
            "{host}:{port} offers no login (AUTH PLAIN or LOGIN) on this connection: remove `username` if the relay \
             needs none, or use its submission port (587 or 465)."
        ),
        (Stage::Auth, Cause::Reply) => {
            format!("The relay refused the login ({}): check `username` and `password` (or `password_file`).", reply())
        }
        (Stage::Greeting, Cause::Reply) => {
            format!("The relay refused the connection ({}): it may not accept mail from this server.", reply())
        }
        (Stage::Sender, Cause::Reply) => format!(
            "The relay refused the sender address {from} ({}): relays usually accept only senders of domains they \
             are set up for; check `mail.from`.",
            reply()
        ),
        (Stage::Sender, Cause::NotOffered) | (Stage::Content, Cause::NotOffered) => {
            format!("The relay lacks an extension this message needs: {}.", f.text)
        }
        (Stage::Recipient, Cause::Reply) => format!("The relay refused the recipient ({}).", reply()),
        (Stage::Content, Cause::Reply) => format!("The relay refused the message ({}).", reply()),
        (stage, Cause::Timeout) => {
            format!("The relay stopped answering ({}) within {secs}s.", stage_words(stage))
        }
        (stage, Cause::Network) => format!("The connection to the relay broke ({}): {}.", stage_words(stage), f.text),
        (stage, _) => format!("Sending failed ({}): {}.", stage_words(stage), f.text),
    }
}

fn stage_words(stage: Stage) -> &'static str {
    match stage {
        Stage::Connect => "while connecting",
        Stage::Tls => "during the TLS handshake",
        Stage::Greeting => "waiting for the greeting",
        Stage::Auth => "while logging in",
        Stage::Sender => "at MAIL FROM",
        Stage::Recipient => "at RCPT TO",
        Stage::Content => "while sending the message",
        Stage::File => "writing the file",
    }
}

pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
