//! The history of a privacy request or a breach, and the words for a request's kind, in the
//! staff member's language. Steps are stored as English sentences (see
//! [`crate::gdpr::steps`]); a step this version knows is said again in the reader's language, one
//! it does not know is shown as stored.

use crate::gdpr::requests::Kind;
use crate::gdpr::steps::{PortalAsk, StepText};
use crate::i18n::{args, Arg, Language};

/// The admin message naming a kind of request ("Access (Art. 15)").
pub fn kind_key(k: Kind) -> &'static str {
    match k {
        Kind::Access => "gdpr-kind-access",
        Kind::Portability => "gdpr-kind-portability",
        Kind::Rectification => "gdpr-kind-rectification",
        Kind::Erasure => "gdpr-kind-erasure",
        Kind::Restriction => "gdpr-kind-restriction",
        Kind::Objection => "gdpr-kind-objection",
        Kind::Withdrawal => "gdpr-kind-withdrawal",
    }
}

/// Who took a step that no user or token took: the system, or the person through the portal.
pub fn actor_words(reference: &str, ui: &Language) -> Option<String> {
    let key = match reference {
        "system" => "gdpr-actor-system",
        "cli" => "gdpr-actor-cli",
        "anonymous" => "gdpr-actor-anonymous",
        crate::gdpr::ops::PORTAL_ACTOR => "gdpr-actor-portal",
        _ => return None,
    };
    Some(ui.text(key, None))
}

/// A stored step in `ui`'s words; `name` shows an actor reference (`person:…`) by name.
pub fn step_words(stored: &str, ui: &Language, name: impl Fn(&str) -> String) -> String {
    let Some(step) = StepText::parse(stored) else { return stored.to_string() };
    let say = |key: &str, pairs: Vec<(&str, Arg)>| ui.text(key, Some(&args(pairs)));
    let n = |v: u64| Arg::Number(v as f64);
    let plain = |key: &str| ui.text(key, None);
    use StepText::*;
    match step {
        Registered { kind, channel } => say(
            "gdpr-step-registered",
            vec![("kind", Arg::from(kind.as_str())), ("channel", Arg::from(channel.as_str()))],
        ),
        NotToBeTold => plain("gdpr-step-not-to-be-told"),
        ToBeTold => plain("gdpr-step-to-be-told"),
        NoContact => plain("gdpr-step-no-contact"),
        Identity(v) => say("gdpr-step-identity", vec![("state", Arg::from(v.as_str()))]),
        AssignedTo(who) => say("gdpr-step-assigned", vec![("name", Arg::from(name(&who)))]),
        Unassigned => plain("gdpr-step-unassigned"),
        Extended(day) => say("gdpr-step-extended", vec![("day", Arg::from(day))]),
        ClosedDone => plain("gdpr-step-closed-done"),
        ClosedRefused => plain("gdpr-step-closed-refused"),
        Reopened => plain("gdpr-step-reopened"),
        ArchiveProduced(count) => say("gdpr-step-archive", vec![("count", n(count))]),
        Erased { anonymised: false, records } => say("gdpr-step-erased", vec![("count", n(records))]),
        Erased { anonymised: true, records } => say("gdpr-step-erased-anonymised", vec![("count", n(records))]),
        RecipientsToTell(list) => {
            // The shipped purposes' recipients in the reader's words; the DPO's own as written.
            let list: Vec<String> = list.split(", ").map(|r| crate::gdpr::records::shipped_words(r, ui)).collect();
            say("gdpr-step-recipients", vec![("recipients", Arg::from(list.join(", ")))])
        }
        AskedNotToBeTold => plain("gdpr-step-asked-not-told"),
        WasToldByMail => plain("gdpr-step-was-told"),
        NotDelivered(why) => say("gdpr-step-not-delivered", vec![("reason", Arg::from(why))]),
        NotSent(why) => say("gdpr-step-not-sent", vec![("reason", Arg::from(why))]),
        IsToldByMail => plain("gdpr-step-is-told"),
        Restricted => plain("gdpr-step-restricted"),
        RestrictionLifted => plain("gdpr-step-lifted"),
        WithdrawalRecorded(list) => say("gdpr-step-withdrawal", vec![("purposes", Arg::from(list))]),
        PortalAsked(PortalAsk::Copy) => plain("gdpr-step-portal-copy"),
        PortalAsked(PortalAsk::Erase) => plain("gdpr-step-portal-erase"),
        PortalAsked(PortalAsk::Corrected(fields)) => {
            say("gdpr-step-portal-corrected", vec![("fields", Arg::from(fields))])
        }
        CarriedOutAtOnce => plain("gdpr-step-carried-out"),
        ArchiveDownloaded(count) => say("gdpr-step-archive-downloaded", vec![("count", n(count))]),
        ErasedThroughPortal => plain("gdpr-step-erased-portal"),
        WaitingForDpo => plain("gdpr-step-waiting-dpo"),
        BreachRecorded { subjects, records } => {
            say("gdpr-step-breach-recorded", vec![("subjects", n(subjects)), ("records", n(records))])
        }
        BreachCounted { subjects, records } => {
            say("gdpr-step-breach-counted", vec![("subjects", n(subjects)), ("records", n(records))])
        }
        AuthorityNotified { late: false } => plain("gdpr-step-notified"),
        AuthorityNotified { late: true } => plain("gdpr-step-notified-late"),
        Closed => plain("gdpr-step-closed"),
        NoticeQueued(count) => say("gdpr-step-notice-queued", vec![("count", n(count))]),
        NoticesQueued { queued, skipped } => {
            say("gdpr-step-notices-queued", vec![("queued", n(queued)), ("skipped", n(skipped))])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// In English, a step reads as it was stored: the admin catalogue's sentences are the
    /// stored ones.
    #[test]
    fn english_steps_read_as_stored() {
        let en = crate::i18n::admin_catalogue().source();
        for stored in [
            "registered (erasure request by in_person)",
            "identity verified",
            "assigned to person:x",
            "deadline extended to 2026-12-24 (the reason is kept with the request)",
            "archive produced (1 records)",
            "erasure carried out (anonymised: campaign totals kept): 12 records removed, address suppressed",
            "Art. 19: the notice to the person was not delivered (Temporary); tell them in the response",
            "withdrawal recorded for: newsletter, engagement",
            "asked through the privacy portal: corrected first_name",
            "recorded; counted 2 data subjects and 3 records concerned",
            "counted again: 1 data subjects, 1 records",
            "supervisory authority notified (late, with reasons)",
            "notice to the people concerned queued for 40 recipients",
            "39 notices queued to the outbox, 1 could not be",
            "a sentence from a later version",
        ] {
            assert_eq!(step_words(stored, en, |r| r.to_string()), stored);
        }
        let de = crate::i18n::admin_catalogue().get("de");
        assert_eq!(step_words("assigned to person:x", de, |_| "anna".into()), "zugewiesen an anna");
        assert_eq!(step_words("identity failed", de, |r| r.into()), "Identität nicht nachgewiesen");
    }
}
