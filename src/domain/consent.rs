//! Processing purposes and the consent ledger's entries. The ledger is append-only; the current
//! state for a purpose is whatever its latest entry says.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{ContactId, PersonId, TokenId};
use super::net::TruncatedIp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LawfulBasis {
    Consent,
    Contract,
    LegitimateInterest,
    LegalObligation,
}

impl LawfulBasis {
    pub const ALL: [LawfulBasis; 4] =
        [LawfulBasis::Consent, LawfulBasis::Contract, LawfulBasis::LegitimateInterest, LawfulBasis::LegalObligation];
    pub fn as_str(&self) -> &'static str {
        match self {
            LawfulBasis::Consent => "consent",
            LawfulBasis::Contract => "contract",
            LawfulBasis::LegitimateInterest => "legitimate_interest",
            LawfulBasis::LegalObligation => "legal_obligation",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            LawfulBasis::Consent => "Consent (Art. 6(1)(a))",
            LawfulBasis::Contract => "Contract (Art. 6(1)(b))",
            LawfulBasis::LegitimateInterest => "Legitimate interest (Art. 6(1)(f))",
            LawfulBasis::LegalObligation => "Legal obligation (Art. 6(1)(c))",
        }
    }
}

impl fmt::Display for LawfulBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LawfulBasis {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LawfulBasis::ALL.into_iter().find(|b| b.as_str() == s.trim()).ok_or_else(|| {
            format!("`{s}` is not a lawful basis (consent, contract, legitimate_interest, legal_obligation)")
        })
    }
}

/// A processing purpose (what the data is used for, on which basis, for how long).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Purpose {
    /// Machine name: `newsletter`, `engagement`.
    pub key: String,
    pub name: String,
    pub description: String,
    pub basis: LawfulBasis,
    pub categories: Vec<String>,
    pub retention_days: u32,
    pub recipients: Vec<String>,
    /// The wording version currently shown to people (see [`Wording`]); 0 when none yet.
    pub current_wording: u32,
    pub updated_at: DateTime<Utc>,
}

/// The exact text shown when consent was asked, stored once per version and referenced from
/// every ledger entry that used it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wording {
    pub purpose: String,
    pub version: u32,
    pub text: String,
    pub created_at: DateTime<Utc>,
    /// The language the text is written in (a catalogue code: `de`); None for versions written
    /// before languages were recorded (whatever the shop wrote them in).
    pub language: Option<String>,
}

/// Through what a consent was given or withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Form(String),
    Import(String),
    ApiToken(TokenId),
    Admin(PersonId),
    /// Copied from a contact that was merged into this one.
    Merge(ContactId),
    /// The data subject through a public page (unsubscribe, preference centre).
    Subject(String),
}

impl Via {
    pub fn describe(&self) -> String {
        match self {
            Via::Form(id) => format!("form {id}"),
            Via::Import(batch) => format!("import {batch}"),
            Via::ApiToken(t) => format!("API token {t}"),
            Via::Admin(u) => format!("admin user {u}"),
            Via::Merge(c) => format!("merged from contact {c}"),
            Via::Subject(page) => format!("the person, on the {page} page"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsentEntry {
    pub purpose: String,
    pub granted: bool,
    pub at: DateTime<Utc>,
    pub via: Via,
    /// (purpose, version) of the wording shown, when there was one.
    pub wording: Option<(String, u32)>,
    pub ip: Option<TruncatedIp>,
    /// Reduced to browser family and device (never the raw header).
    pub user_agent: Option<String>,
    /// Free text: where the consent was collected (imports), or a note from the admin.
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentState {
    Granted,
    Withdrawn,
}

impl ConsentState {
    pub fn as_str(&self) -> &'static str {
        match self {
            ConsentState::Granted => "granted",
            ConsentState::Withdrawn => "withdrawn",
        }
    }
}

/// Per purpose: the current state and since when.
/// How long tracked events are kept when their purpose names no period (or was deleted).
pub const DEFAULT_RETENTION_DAYS: u32 = 365;

pub type ConsentStates = BTreeMap<String, (ConsentState, DateTime<Utc>)>;

/// The current state per purpose, derived from the ledger (entries in append order): the entry
/// given last decides. Append order alone is not enough: a merge appends the other contact's
/// older entries after the survivor's, and an old grant must not outrank a newer withdrawal.
pub fn current_state<'a>(ledger: impl IntoIterator<Item = &'a ConsentEntry>) -> ConsentStates {
    let mut out = ConsentStates::new();
    for e in ledger {
        if out.get(&e.purpose).is_some_and(|(_, at)| *at > e.at) {
            continue;
        }
        let s = if e.granted { ConsentState::Granted } else { ConsentState::Withdrawn };
        out.insert(e.purpose.clone(), (s, e.at));
    }
    out
}

/// The purposes every installation starts with; editable afterwards.
pub fn default_purposes() -> Vec<(Purpose, &'static str)> {
    let now = Utc::now();
    let p = |key: &str, name: &str, description: &str, basis, categories: &[&str], days, recipients: &[&str]| Purpose {
        key: key.into(),
        name: name.into(),
        description: description.into(),
        basis,
        categories: categories.iter().map(|s| s.to_string()).collect(),
        retention_days: days,
        recipients: recipients.iter().map(|s| s.to_string()).collect(),
        current_wording: 1,
        updated_at: now,
    };
    vec![
        (
            p(
                "newsletter",
                "Newsletter email",
                "Sending our newsletter and offers by email.",
                LawfulBasis::Consent,
                &["contact details", "subscription preferences"],
                730,
                &["our SMTP relay (processor)"],
            ),
            "Yes, send me the newsletter with news and offers by email. I can unsubscribe at any time with the link in every email.",
        ),
        (
            p(
                "engagement",
                "Email engagement measurement",
                "Measuring whether our emails are opened and which links are clicked, per recipient.",
                LawfulBasis::Consent,
                &["email interactions", "truncated IP address", "browser family"],
                365,
                &[],
            ),
            "Yes, you may measure whether I open your emails and which links I click, to make them more relevant.",
        ),
        (
            p(
                "website_tracking",
                "Website behaviour tracking",
                "Recording page views and shop events on our website and linking them to the contact.",
                LawfulBasis::Consent,
                &["page views", "shop events", "truncated IP address", "browser family"],
                365,
                &[],
            ),
            "Yes, you may record which pages I visit and what I do in the shop, and link it to my email address.",
        ),
        (
            p(
                "transactional",
                "Transactional email",
                "Order confirmations, invoices, password resets and other mail needed to fulfil a contract.",
                LawfulBasis::Contract,
                &["contact details", "order data"],
                3650,
                &["our SMTP relay (processor)"],
            ),
            "",
        ),
        (
            p(
                "profiling",
                "Interest score (profiling)",
                "Working out from a person's email opens and clicks, website visits, orders and profile how interested they are in our offers (a lead score), to choose what to send them, and at which hours of the week they are usually active, to deliver a campaign or automated email at such an hour when we choose to. Both are computed when needed, never stored; they count only the opens, clicks and visits that the engagement and tracking settings allowed to be measured for that person.",
                LawfulBasis::LegitimateInterest,
                &["email interactions", "page views", "shop events", "orders", "profile fields"],
                365,
                &[],
            ),
            "We estimate from your email opens and clicks, your visits to our website and your orders how interested you are in our offers, to send you what is more relevant. You can object at any time: untick this and no score is computed for you any more.",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_entry_decides() {
        let e = |purpose: &str, granted: bool| ConsentEntry {
            purpose: purpose.into(),
            granted,
            at: Utc::now(),
            via: Via::Import("b".into()),
            wording: None,
            ip: None,
            user_agent: None,
            note: String::new(),
        };
        let ledger = [e("newsletter", true), e("engagement", true), e("newsletter", false)];
        let state = current_state(&ledger);
        assert_eq!(state["newsletter"].0, ConsentState::Withdrawn);
        assert_eq!(state["engagement"].0, ConsentState::Granted);

        // A merge appends an older grant after a newer withdrawal: the withdrawal stands.
        let mut old_grant = e("newsletter", true);
        old_grant.at = ledger[2].at - chrono::Duration::days(30);
        let merged = [ledger[2].clone(), old_grant];
        assert_eq!(current_state(&merged)["newsletter"].0, ConsentState::Withdrawn);
    }
}
