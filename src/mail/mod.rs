//! Mail: templates, MIME messages, DKIM, and the transports (SMTP relays or the file outbox).
//!
//! The send path of one message, which campaigns, double opt-in and the outbox build on:
//!
//! ```text
//! PreparedCampaign::prepare(source)          once per campaign (Markdown, layout, CSS, text part)
//!   .render(fields, links) -> RenderedMessage   per contact: fill the fields
//! Mailer::compose(&Message { .. })            MIME bytes, DKIM-signed
//! Mailer::send(relay, &Envelope, &bytes)      -> Outcome: accepted, temporary, permanent
//! ```

pub mod bounce;
pub mod check;
pub mod dkim;
mod html_text;
pub mod links;
pub mod mailbox;
pub mod message;
pub mod sandbox;
pub mod template;
pub mod transport;

use std::path::Path;

pub use message::{Mailbox, Message, MessageError, MessageId};
pub use template::{BodyFormat, CampaignSource, Limits, PreparedCampaign, RenderedMessage, SystemLinks, TemplateError};
pub use transport::{Cause, Envelope, Failure, MailFolder, Outcome, SmtpRelay, Stage, Transport};

use crate::config::Config;
use crate::domain::PersonId;
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::Store;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("{0}")]
    Config(String),
    #[error(transparent)]
    Dkim(#[from] dkim::DkimError),
    #[error(transparent)]
    Message(#[from] MessageError),
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error("outbox folder {path}: {source}")]
    Outbox { path: String, source: std::io::Error },
    #[error("there is no relay named `{name}`; configured: {known}")]
    UnknownRelay { name: String, known: String },
}

/// The configured way out: transports (the first is the default), the DKIM signer and the
/// sender. Built once from the config; `Send + Sync`.
pub struct Mailer {
    transports: Vec<Transport>,
    signer: Option<dkim::Signer>,
    from: String,
    from_name: String,
    reply_to: String,
    return_path: String,
}

impl Mailer {
    /// Reads keys and password files now, so that a wrong path fails at start-up, not at the
    /// first message.
    pub fn from_config(config: &Config) -> Result<Self, MailError> {
        let mail = &config.mail;
        let transports = if mail.relays.is_empty() {
            let dir = config.outbox_dir();
            let outbox = MailFolder::new(&dir)
                .map_err(|source| MailError::Outbox { path: dir.display().to_string(), source })?;
            vec![Transport::Folder(outbox)]
        } else {
            mail.relays
                .iter()
                .map(|r| SmtpRelay::new(r, &config.hostname).map(|r| Transport::Smtp(Box::new(r))))
                .collect::<Result<_, _>>()?
        };
        Ok(Self {
            transports,
            signer: dkim::Signer::from_config(&mail.dkim)?,
            from: config.mail_from(),
            from_name: mail.from_name.clone(),
            reply_to: mail.reply_to.clone(),
            return_path: mail.return_path.clone(),
        })
    }

    /// The named relay, or the default one.
    pub fn transport(&self, name: Option<&str>) -> Result<&Transport, MailError> {
        match name {
            None => Ok(&self.transports[0]),
            Some(n) => self.transports.iter().find(|t| t.name() == n).ok_or_else(|| MailError::UnknownRelay {
                name: n.to_string(),
                known: self.transports.iter().map(|t| t.name().to_string()).collect::<Vec<_>>().join(", "),
            }),
        }
    }

    pub fn transports(&self) -> impl Iterator<Item = &Transport> {
        self.transports.iter()
    }

    pub fn signer(&self) -> Option<&dkim::Signer> {
        self.signer.as_ref()
    }

    pub fn from(&self) -> Mailbox<'_> {
        Mailbox::new(&self.from_name, &self.from)
    }

    pub fn reply_to(&self) -> &str {
        &self.reply_to
    }

    /// A Message-ID on the sender's domain. The outbox passes a local part that is stable per
    /// (campaign, contact), e.g. `c-<campaign>.p-<contact>`, so a resend carries the same id.
    pub fn message_id(&self, local: &str) -> Result<MessageId, MessageError> {
        MessageId::new(local, self.domain())
    }

    /// The domain of the sender address.
    pub fn domain(&self) -> &str {
        self.from.rsplit_once('@').map_or("localhost", |(_, d)| d)
    }

    /// MAIL FROM: `bounce+<token>@<return_path>` when VERP is configured and a token given
    /// (letters, digits, `.`, `-`, `_`, `=`), the configured sender address otherwise.
    pub fn envelope_sender(&self, verp_token: Option<&str>) -> Result<String, MessageError> {
        self.envelope_sender_for(verp_token, &self.from)
    }

    /// A Message-ID on `domain` (the From address's domain of this message).
    pub fn message_id_on(&self, domain: &str, local: &str) -> Result<MessageId, MessageError> {
        MessageId::new(local, domain)
    }

    /// As [`Mailer::envelope_sender`], for a message from `from` (the sender chosen for it):
    /// the VERP return path when configured, else `from` itself, so bounces and SPF follow
    /// the From address.
    pub fn envelope_sender_for(&self, verp_token: Option<&str>, from: &str) -> Result<String, MessageError> {
        match verp_token {
            Some(token) if !self.return_path.is_empty() => {
                if token.is_empty() || !token.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-=".contains(&b)) {
                    return Err(MessageError::Address { header: "Return-Path", value: token.to_string() });
                }
                Ok(format!("bounce+{token}@{}", self.return_path))
            }
            _ => Ok(from.to_string()),
        }
    }

    /// The message's bytes, DKIM-signed when a key is configured.
    pub fn compose(&self, message: &Message<'_>) -> Result<Vec<u8>, MailError> {
        let mut bytes = message.to_bytes()?;
        if let Some(signer) = &self.signer {
            bytes = signer.sign(&bytes)?;
        }
        Ok(bytes)
    }

    pub async fn send(&self, relay: Option<&str>, envelope: &Envelope, message: &[u8]) -> Result<Outcome, MailError> {
        Ok(self.transport(relay)?.send(envelope, message).await)
    }
}

/// The file outbox holds whole messages, addresses included: erasure must reach it. It is a
/// folder, not a tree, so it registers the way the search index does (a name that is no tree)
/// with an eraser of its own.
pub const OUTBOX_REGISTRATION: Registration = Registration {
    tree: "mail_outbox_files",
    purpose: "messages written to <data_dir>/outbox/ while no SMTP relay is configured",
    holds: Holds::Personal {
        categories: &["email address", "message content (merge fields)"],
        layout: Layout::Custom(erase_from_outbox),
        export: None,
    },
};

/// Deletes the outbox files addressed to the person's contact address. Runs before the contact
/// record is erased (registry order), since the address is read from it.
fn erase_from_outbox(store: &Store, person: &PersonId) -> crate::store::Result<usize> {
    let Some(data_dir) = store.path().parent() else { return Ok(0) };
    let addresses: Vec<String> =
        crate::contacts::lookup::addresses_of(store, person)?.iter().map(|e| e.as_str().to_string()).collect();
    if addresses.is_empty() {
        return Ok(0);
    }
    Ok(erase_addressed_to(&data_dir.join("outbox"), &addresses)?)
}

/// Removes every `.eml` file in `dir` whose envelope recipient is one of `addresses`.
pub fn erase_addressed_to(dir: &Path, addresses: &[String]) -> std::io::Result<usize> {
    use std::io::BufRead;
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "eml") {
            continue;
        }
        let file = std::io::BufReader::new(std::fs::File::open(&path)?);
        let recipients = file.lines().take(2).map_while(Result::ok).find_map(|l| {
            l.strip_prefix("Envelope-To: ").map(|r| r.split(", ").map(str::to_ascii_lowercase).collect::<Vec<_>>())
        });
        if recipients.is_some_and(|r| r.iter().any(|a| addresses.iter().any(|x| x.eq_ignore_ascii_case(a)))) {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    if removed > 0 {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(removed)
}
