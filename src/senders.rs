//! Who is writing: the sender identities (address, display name, Reply-To) set in Settings →
//! Email, one of them the default, any verified one choosable per campaign.
//!
//! Where the default comes from, first match wins:
//! 1. the first sender saved in Settings → Email;
//! 2. the configuration file (`mail.from`, `mail.from_name`, `mail.reply_to`), which seeds it
//!    until one is saved;
//! 3. the organisation's name, at `news@<host of http.public_url>` (`Config::mail_from`).
//!
//! An empty display name is the organisation's name, so mail always says who is writing.
//!
//! A sender is *verified* when mail from it will pass DMARC or its mailbox proved it is ours:
//! its domain is the DKIM signing domain or below it (relaxed alignment, RFC 7489 3.1.1), or it
//! followed a one-time link mailed to it. Only verified senders can be chosen for a campaign: a
//! typo'd or foreign From address is refused, not found out when receivers reject the campaign.
//!
//! The mailer resolves the sender for every message from [`crate::settings::SettingsRepo::snapshot`],
//! so a change applies to the next message without a restart.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::audit::{Action, Actor, Event};
use crate::config::Config;
use crate::domain::{EmailAddress, HeaderText, Permission};
use crate::mail::Mailbox;
use crate::ops::{invalid, By, OpError, OpResult};
use crate::settings::Settings;
use crate::state::AppState;

/// How long a verification link works.
pub const LINK_VALID_HOURS: i64 = 48;
/// The keyed-hash domain of verification tokens (only the hash is stored).
const TOKEN_HASH: &str = "tidings/sender-verification";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SenderIdentity {
    /// Normalised (`EmailAddress::parse`): the key a campaign refers to it by.
    pub address: String,
    /// Display name; empty: the organisation's name.
    pub name: String,
    /// Empty: no Reply-To (replies go to `address`).
    pub reply_to: String,
    /// When its mailbox followed a verification link.
    pub verified_at: Option<DateTime<Utc>>,
    /// Keyed hash (hex) of the outstanding link's token; empty when none is outstanding.
    pub token_hash: String,
    pub token_expires_at: Option<DateTime<Utc>>,
}

/// The saved senders; the first is the default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SenderBook {
    pub senders: Vec<SenderIdentity>,
}

impl SenderBook {
    pub fn find(&self, address: &str) -> Option<&SenderIdentity> {
        self.senders.iter().find(|s| s.address.eq_ignore_ascii_case(address.trim()))
    }
}

/// Where the sender of a message came from (shown on Settings → Email).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Saved,
    Config,
    Derived,
}

/// The sender of one message, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Sender {
    pub address: String,
    pub name: String,
    pub reply_to: String,
    pub source: Source,
}

impl Sender {
    pub fn mailbox(&self) -> Mailbox<'_> {
        Mailbox::new(&self.name, &self.address)
    }

    /// The domain of the address: the Message-ID's and List-Id's domain.
    pub fn domain(&self) -> &str {
        self.address.rsplit_once('@').map_or("localhost", |(_, d)| d)
    }
}

/// The default sender (see the module's documentation for the order).
pub fn default_sender(config: &Config, settings: &Settings, book: &SenderBook) -> Sender {
    let organisation = || crate::domain::header::clean(&settings.organisation);
    match book.senders.first() {
        Some(s) => from_identity(s, settings),
        None => Sender {
            address: config.mail_from(),
            name: if config.mail.from_name.trim().is_empty() {
                organisation()
            } else {
                config.mail.from_name.trim().to_string()
            },
            reply_to: config.mail.reply_to.trim().to_string(),
            source: if config.mail.from.trim().is_empty() { Source::Derived } else { Source::Config },
        },
    }
}

fn from_identity(s: &SenderIdentity, settings: &Settings) -> Sender {
    Sender {
        address: s.address.clone(),
        name: if s.name.is_empty() { crate::domain::header::clean(&settings.organisation) } else { s.name.clone() },
        reply_to: s.reply_to.clone(),
        source: Source::Saved,
    }
}

/// The sender a campaign names (its address; empty: the default). One that was removed meanwhile
/// falls back to the default: removal is refused while an unfinished campaign names it, so this
/// only reaches finished campaigns (a view in the browser, a report).
pub fn resolve(config: &Config, settings: &Settings, book: &SenderBook, reference: &str) -> Sender {
    match book.find(reference).filter(|_| !reference.trim().is_empty()) {
        Some(s) => from_identity(s, settings),
        None => default_sender(config, settings, book),
    }
}

/// The sender for a message now, read from the saved settings (cached until the next save).
pub fn current(state: &AppState, reference: &str) -> Sender {
    match state.settings.snapshot() {
        Ok(s) => resolve(&state.config, &s.settings, &s.senders, reference),
        Err(e) => {
            tracing::error!(error = %e, "reading the senders failed; using the configured sender");
            default_sender(&state.config, &Settings::default(), &SenderBook::default())
        }
    }
}

/// Is `address`'s domain the DKIM signing domain or below it? Then its mail carries an aligned
/// DKIM signature and passes DMARC (relaxed alignment).
pub fn dkim_aligned(dkim_domain: &str, address: &str) -> bool {
    let d = dkim_domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let Some((_, domain)) = address.rsplit_once('@') else { return false };
    let domain = domain.to_ascii_lowercase();
    !d.is_empty() && (domain == d || domain.ends_with(&format!(".{d}")))
}

/// Why a sender counts as verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification<'a> {
    /// Its domain is signed with DKIM (the signing domain).
    Dkim { domain: &'a str },
    /// Its mailbox confirmed the link mailed to it.
    Mailbox { at: DateTime<Utc> },
}

/// Why a sender counts as verified; `None` when it does not.
pub fn verification<'a>(config: &'a Config, s: &SenderIdentity) -> Option<Verification<'a>> {
    if dkim_aligned(&config.mail.dkim.domain, &s.address) {
        return Some(Verification::Dkim { domain: config.mail.dkim.domain.trim() });
    }
    s.verified_at.map(|at| Verification::Mailbox { at })
}

/// Why a sender counts as verified, in English words; `None` when it does not.
pub fn verified_by(config: &Config, s: &SenderIdentity) -> Option<String> {
    verification(config, s).map(|v| match v {
        Verification::Dkim { domain } => format!("DKIM-signed for {domain} (passes DMARC)"),
        Verification::Mailbox { at } => format!("confirmed from its mailbox on {}", at.format("%Y-%m-%d")),
    })
}

/// Checks that a campaign may name this sender: saved and verified. The error names `sender`.
pub fn check_choosable(state: &AppState, reference: &str) -> OpResult<String> {
    let reference = reference.trim();
    if reference.is_empty() {
        return Ok(String::new());
    }
    let book = state.settings.senders()?;
    let Some(s) = book.find(reference) else {
        return Err(invalid("sender", format!("`{reference}` is not a sender; add it in Settings → Email first")));
    };
    if verified_by(&state.config, s).is_none() {
        return Err(invalid(
            "sender",
            format!(
                "{} is not verified: confirm it from its mailbox (Settings → Email) or sign its domain with DKIM, \
                 so that receivers do not reject the campaign",
                s.address
            ),
        ));
    }
    Ok(s.address.clone())
}

/// What a person sets for a sender.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SenderInput {
    pub address: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub reply_to: String,
}

fn audit(state: &AppState, by: &By, what: &str, address: &str) -> OpResult<()> {
    state
        .audit
        .record(by.event(Action::SettingsChanged).detail("fields", "senders").detail(what, address.to_string()))?;
    Ok(())
}

/// Adds a sender, or changes the name and Reply-To of the one with this address (which keeps
/// its verification). The first sender saved becomes the default.
pub fn save_sender(state: &AppState, by: By, input: &SenderInput) -> OpResult<SenderIdentity> {
    by.require(Permission::ManageSettings)?;
    let address = EmailAddress::parse(&input.address).map_err(|e| invalid("address", e.to_string()))?;
    crate::mail::message::check_address("From", address.as_str()).map_err(|e| invalid("address", e.to_string()))?;
    let name = HeaderText::parse(&input.name, 200).map_err(|e| invalid("name", e.to_string()))?.into_string();
    let reply_to = if input.reply_to.trim().is_empty() {
        String::new()
    } else {
        let r = EmailAddress::parse(&input.reply_to).map_err(|e| invalid("reply_to", e.to_string()))?;
        crate::mail::message::check_address("Reply-To", r.as_str()).map_err(|e| invalid("reply_to", e.to_string()))?;
        r.as_str().to_string()
    };
    let mut book = state.settings.senders()?;
    let saved = match book.senders.iter_mut().find(|s| s.address == address.as_str()) {
        Some(s) => {
            s.name = name;
            s.reply_to = reply_to;
            s.clone()
        }
        None => {
            if book.senders.len() >= 50 {
                return Err(invalid("address", "at most 50 senders; remove one first"));
            }
            let s = SenderIdentity { address: address.as_str().to_string(), name, reply_to, ..Default::default() };
            book.senders.push(s.clone());
            s
        }
    };
    state.settings.save_senders(&book)?;
    audit(state, &by, "sender_saved", &saved.address)?;
    Ok(saved)
}

impl SenderBook {
    /// Where the saved sender with this address is (addresses compare without case).
    fn index_of(&self, address: &str) -> OpResult<usize> {
        self.senders
            .iter()
            .position(|s| s.address.eq_ignore_ascii_case(address.trim()))
            .ok_or(OpError::NotFound("sender"))
    }
}

/// Makes a saved sender the default (first).
pub fn make_default(state: &AppState, by: By, address: &str) -> OpResult<()> {
    by.require(Permission::ManageSettings)?;
    let mut book = state.settings.senders()?;
    let i = book.index_of(address)?;
    let s = book.senders.remove(i);
    let address = s.address.clone();
    book.senders.insert(0, s);
    state.settings.save_senders(&book)?;
    audit(state, &by, "sender_default", &address)
}

/// Removes a sender, unless a campaign that has yet to finish names it (it would then go out
/// under another name than the one chosen).
pub fn remove_sender(state: &AppState, by: By, address: &str) -> OpResult<()> {
    by.require(Permission::ManageSettings)?;
    let mut book = state.settings.senders()?;
    let i = book.index_of(address)?;
    let address = book.senders[i].address.clone();
    let users: Vec<String> = state
        .sending
        .campaigns
        .all()?
        .into_iter()
        .filter(|c| !c.state.finished() && c.sender == address)
        .map(|c| c.name)
        .collect();
    if !users.is_empty() {
        return Err(OpError::Conflict(format!(
            "{address} is the sender of {}; choose another sender there first.",
            users.join(", ")
        )));
    }
    book.senders.remove(i);
    state.settings.save_senders(&book)?;
    audit(state, &by, "sender_removed", &address)
}

/// Starts a verification: a new one-time token (any earlier link stops working), valid for
/// [`LINK_VALID_HOURS`]. Returns the sender and the link to mail to it.
pub fn start_verification(state: &AppState, by: By, address: &str) -> OpResult<(SenderIdentity, String)> {
    by.require(Permission::ManageSettings)?;
    let mut book = state.settings.senders()?;
    let s = book
        .senders
        .iter_mut()
        .find(|s| s.address.eq_ignore_ascii_case(address.trim()))
        .ok_or(OpError::NotFound("sender"))?;
    let token = crate::auth::sessions::random_token();
    s.token_hash = token_hash(state, &token);
    s.token_expires_at = Some(Utc::now() + Duration::hours(LINK_VALID_HOURS));
    let s = s.clone();
    state.settings.save_senders(&book)?;
    audit(state, &by, "sender_verification_sent", &s.address)?;
    Ok((s, format!("{}/sender/confirm/{token}", state.config.public_url())))
}

fn token_hash(state: &AppState, token: &str) -> String {
    hex::encode(state.store.keyring().lookup_hash(TOKEN_HASH, token.as_bytes()))
}

/// The sender an outstanding, unexpired link names (`None` for any bad token).
pub fn pending(state: &AppState, token: &str) -> OpResult<Option<SenderIdentity>> {
    if token.is_empty() || token.len() > 100 {
        return Ok(None);
    }
    let hash = token_hash(state, token);
    let now = Utc::now();
    Ok(state
        .settings
        .senders()?
        .senders
        .into_iter()
        .find(|s| !s.token_hash.is_empty() && s.token_hash == hash && s.token_expires_at.is_some_and(|t| t > now)))
}

/// Follows a verification link: the sender is verified and the link used up. `None` for a bad,
/// used or expired token.
pub fn confirm(state: &AppState, token: &str) -> OpResult<Option<String>> {
    let Some(found) = pending(state, token)? else { return Ok(None) };
    let mut book = state.settings.senders()?;
    let Some(s) = book.senders.iter_mut().find(|s| s.address == found.address) else { return Ok(None) };
    s.verified_at = Some(Utc::now());
    s.token_hash.clear();
    s.token_expires_at = None;
    let address = s.address.clone();
    state.settings.save_senders(&book)?;
    state.audit.record(
        Event::new(Actor::Anonymous, Action::SettingsChanged)
            .detail("fields", "senders")
            .detail("sender_confirmed", address.clone()),
    )?;
    Ok(Some(address))
}

/// Mails the verification link to the sender's own address (from that address: it is the one
/// mailbox the message is about), through the default relay.
pub async fn send_verification_mail(state: &AppState, s: &SenderIdentity, link: &str) -> Result<(), String> {
    let settings = state.settings.get().map_err(|e| e.to_string())?;
    let organisation = crate::domain::header::clean(&settings.organisation);
    let text = format!(
        "{organisation} uses Tidings to send its newsletters and notices. Someone with access to its settings \
         added {address} as a sender.\n\nTo confirm that mail may be sent from this address, open this link \
         within {LINK_VALID_HOURS} hours:\n\n{link}\n\nIf this was not expected, ignore this message: nothing is \
         sent from {address} until the link is opened.\n",
        address = s.address
    );
    let html = format!(
        "<p>{}</p>",
        crate::mail::check::html_escape(&text)
            .replace("\n\n", "</p><p>")
            .replace(link, &format!("<a href=\"{link}\">{link}</a>"))
    );
    let id = crate::mail::MessageId::random(s.address.rsplit_once('@').map_or("localhost", |(_, d)| d))
        .map_err(|e| e.to_string())?;
    let subject = format!("Confirm {} as a sender for {organisation}", s.address);
    let message = crate::mail::Message {
        from: Mailbox::new(&organisation, &s.address),
        to: Mailbox::bare(&s.address),
        reply_to: "",
        subject: &subject,
        message_id: &id,
        date: Utc::now(),
        headers: &[("Auto-Submitted", "auto-generated")],
        text: &text,
        html: Some(&html),
    };
    let bytes = state.mailer.compose(&message).map_err(|e| e.to_string())?;
    let envelope = crate::mail::Envelope::new(
        &state.mailer.envelope_sender_for(None, &s.address).map_err(|e| e.to_string())?,
        &[s.address.as_str()],
    )
    .map_err(|e| e.to_string())?;
    let outcome = state.mailer.send(None, &envelope, &bytes).await.map_err(|e| e.to_string())?;
    match outcome.failure() {
        None => Ok(()),
        Some(f) => Err(f.to_string()),
    }
}

/// The configuration's warnings, with the sender warning judged on the sender actually used
/// (a sender saved in Settings → Email replaces the configured one).
pub fn warnings(state: &AppState) -> Vec<crate::config::ConfigWarning> {
    let mut out: Vec<_> = state.config.warnings().into_iter().filter(|w| w.key != "mail.from").collect();
    let from = current(state, "").address;
    let domain = from.rsplit_once('@').map_or("", |(_, d)| d);
    let local = domain.eq_ignore_ascii_case("localhost")
        || domain.ends_with(".localhost")
        || !domain.contains('.')
        || domain.trim_start_matches('[').trim_end_matches(']').parse::<std::net::IpAddr>().is_ok();
    if local {
        let at = out.iter().position(|w| w.key == "http.public_url").map_or(0, |i| i + 1);
        out.insert(at, crate::config::ConfigWarning::new("mail.from", "cm-warn-mail-from", vec![("from", from)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(public_url: &str, from: &str) -> Config {
        let mut c = Config::default();
        c.http.public_url = public_url.into();
        c.mail.from = from.into();
        c
    }

    #[test]
    fn the_default_comes_from_the_organisation_and_the_public_host() {
        let s = Settings { organisation: "Shoe Shop".into(), ..Default::default() };
        let d = default_sender(&config("https://news.shoeshop.example", ""), &s, &SenderBook::default());
        assert_eq!(
            (d.address.as_str(), d.name.as_str(), d.source),
            ("news@news.shoeshop.example", "Shoe Shop", Source::Derived)
        );
        let d = default_sender(&config("", ""), &s, &SenderBook::default());
        assert_eq!(d.address, "tidings@localhost", "no hostname set: nothing better to say");
        let d = default_sender(&config("https://203.0.113.5", ""), &s, &SenderBook::default());
        assert!(d.address.starts_with("tidings@"), "an IP address is no mail domain: {}", d.address);
    }

    #[test]
    fn a_saved_sender_wins_over_the_config_which_wins_over_the_derived_one() {
        let s = Settings { organisation: "Shoe Shop".into(), ..Default::default() };
        let c = config("https://news.shoeshop.example", "hello@shoeshop.example");
        let mut book = SenderBook::default();
        assert_eq!(default_sender(&c, &s, &book).source, Source::Config);
        book.senders.push(SenderIdentity { address: "team@shoeshop.example".into(), ..Default::default() });
        book.senders.push(SenderIdentity {
            address: "sale@shoeshop.example".into(),
            name: "Sale".into(),
            ..Default::default()
        });
        let d = default_sender(&c, &s, &book);
        assert_eq!((d.address.as_str(), d.name.as_str()), ("team@shoeshop.example", "Shoe Shop"));
        let r = resolve(&c, &s, &book, "SALE@shoeshop.example");
        assert_eq!((r.address.as_str(), r.name.as_str()), ("sale@shoeshop.example", "Sale"));
        assert_eq!(resolve(&c, &s, &book, "").address, "team@shoeshop.example");
    }

    #[test]
    fn verified_by_an_aligned_dkim_key_or_a_confirmed_link_and_nothing_else() {
        let mut c = Config::default();
        c.mail.dkim.domain = "shoeshop.example".into();
        let mut s = SenderIdentity { address: "news@mail.shoeshop.example".into(), ..Default::default() };
        assert!(verified_by(&c, &s).unwrap().contains("DKIM"));
        s.address = "news@gmail.example".into();
        assert_eq!(verified_by(&c, &s), None, "another domain, no link");
        s.token_hash = "pending".into();
        assert_eq!(verified_by(&c, &s), None, "a link sent is not a link followed");
        s.verified_at = Some(Utc::now());
        assert!(verified_by(&c, &s).unwrap().contains("confirmed from its mailbox"));
    }

    #[test]
    fn dkim_alignment_is_relaxed() {
        assert!(dkim_aligned("shop.example", "news@shop.example"));
        assert!(dkim_aligned("shop.example", "news@mail.shop.example"));
        assert!(!dkim_aligned("shop.example", "news@othershop.example"));
        assert!(!dkim_aligned("", "news@shop.example"));
    }
}
