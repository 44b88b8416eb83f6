//! What a step in the history of a privacy request or a breach says.
//!
//! A step is stored as its English sentence ([`super::requests::Step::what`]): records kept for
//! years stay readable as they were written, and a field added to a stored record would make
//! every one written before unreadable (postcard keeps no field names). Every sentence is made
//! here, and [`StepText::parse`] reads it back, so that pages can say it in the reader's
//! language; a sentence from before (or one this module does not know) is shown as stored.

use std::fmt;

use super::requests::{Channel, Kind, Verification};

/// What the person asked for through the privacy portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortalAsk {
    /// A copy of their data.
    Copy,
    /// Erasure of all their data.
    Erase,
    /// Corrected these fields (field keys, comma-separated).
    Corrected(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepText {
    // A request's history.
    Registered {
        kind: Kind,
        channel: Channel,
    },
    /// Art. 19: the requester asked not to be told of the outcome.
    NotToBeTold,
    ToBeTold,
    NoContact,
    Identity(Verification),
    /// An actor reference (`person:…`), which pages show by name.
    AssignedTo(String),
    Unassigned,
    /// The new deadline, `2026-11-23`.
    Extended(String),
    ClosedDone,
    ClosedRefused,
    Reopened,
    ArchiveProduced(u64),
    Erased {
        anonymised: bool,
        records: u64,
    },
    /// Art. 19: the recipients named by the purposes, as the DPO wrote them.
    RecipientsToTell(String),
    AskedNotToBeTold,
    WasToldByMail,
    /// The relay's answer, as it came.
    NotDelivered(String),
    /// Why it could not be sent, as it came.
    NotSent(String),
    IsToldByMail,
    Restricted,
    RestrictionLifted,
    /// Purpose keys, comma-separated.
    WithdrawalRecorded(String),
    PortalAsked(PortalAsk),
    CarriedOutAtOnce,
    ArchiveDownloaded(u64),
    ErasedThroughPortal,
    WaitingForDpo,
    // A breach's history.
    BreachRecorded {
        subjects: u64,
        records: u64,
    },
    BreachCounted {
        subjects: u64,
        records: u64,
    },
    AuthorityNotified {
        late: bool,
    },
    Closed,
    NoticeQueued(u64),
    NoticesQueued {
        queued: u64,
        skipped: u64,
    },
}

impl fmt::Display for StepText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use StepText::*;
        match self {
            Registered { kind, channel } => write!(f, "registered ({} request by {})", kind.as_str(), channel.as_str()),
            NotToBeTold => f.write_str("the requester does not want to be told of the outcome (Art. 19)"),
            ToBeTold => f.write_str("the person is to be told of the outcome (Art. 19)"),
            NoContact => f.write_str("no contact matches the requester: nothing is held, or the address differs"),
            Identity(v) => write!(f, "identity {}", v.as_str()),
            AssignedTo(who) => write!(f, "assigned to {who}"),
            Unassigned => f.write_str("unassigned"),
            Extended(day) => write!(f, "deadline extended to {day} (the reason is kept with the request)"),
            ClosedDone => f.write_str("closed: done, response sent"),
            ClosedRefused => f.write_str("closed: refused, reasons sent"),
            Reopened => f.write_str("reopened"),
            ArchiveProduced(n) => write!(f, "archive produced ({n} records)"),
            Erased { anonymised: false, records } => {
                write!(f, "erasure carried out: {records} records removed, address suppressed")
            }
            Erased { anonymised: true, records } => write!(
                f,
                "erasure carried out (anonymised: campaign totals kept): {records} records removed, address suppressed"
            ),
            RecipientsToTell(list) => write!(f, "Art. 19: recipients to tell (from the purposes): {list}"),
            AskedNotToBeTold => f.write_str("Art. 19: the person asked not to be told; no notice sent"),
            WasToldByMail => f.write_str("Art. 19: the person was told by mail"),
            NotDelivered(why) => {
                write!(f, "Art. 19: the notice to the person was not delivered ({why}); tell them in the response")
            }
            NotSent(why) => {
                write!(f, "Art. 19: the notice to the person could not be sent ({why}); tell them in the response")
            }
            IsToldByMail => f.write_str("Art. 19: the person is told by mail"),
            Restricted => f.write_str("processing restricted"),
            RestrictionLifted => f.write_str("restriction lifted"),
            WithdrawalRecorded(list) => write!(f, "withdrawal recorded for: {list}"),
            PortalAsked(PortalAsk::Copy) => f.write_str("asked through the privacy portal: a copy of my data"),
            PortalAsked(PortalAsk::Erase) => f.write_str("asked through the privacy portal: erase all my data"),
            PortalAsked(PortalAsk::Corrected(fields)) => {
                write!(f, "asked through the privacy portal: corrected {fields}")
            }
            CarriedOutAtOnce => f.write_str("carried out at once"),
            ArchiveDownloaded(n) => write!(f, "archive downloaded by the person ({n} records)"),
            ErasedThroughPortal => f.write_str("erased at the person's request through the privacy portal"),
            WaitingForDpo => f.write_str("waiting for the DPO (the configuration asks for review)"),
            BreachRecorded { subjects, records } => {
                write!(f, "recorded; counted {subjects} data subjects and {records} records concerned")
            }
            BreachCounted { subjects, records } => {
                write!(f, "counted again: {subjects} data subjects, {records} records")
            }
            AuthorityNotified { late: false } => f.write_str("supervisory authority notified"),
            AuthorityNotified { late: true } => f.write_str("supervisory authority notified (late, with reasons)"),
            Closed => f.write_str("closed"),
            NoticeQueued(n) => write!(f, "notice to the people concerned queued for {n} recipients"),
            NoticesQueued { queued, skipped } => {
                write!(f, "{queued} notices queued to the outbox, {skipped} could not be")
            }
        }
    }
}

impl From<StepText> for String {
    fn from(s: StepText) -> String {
        s.to_string()
    }
}

/// `rest` between `prefix` and `suffix`.
fn between<'a>(s: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    s.strip_prefix(prefix)?.strip_suffix(suffix)
}

/// Two numbers around the words that join them: `"3 data subjects and 4 records"`.
fn two_numbers(s: &str, middle: &str, end: &str) -> Option<(u64, u64)> {
    let (a, rest) = s.split_once(middle)?;
    Some((a.parse().ok()?, rest.strip_suffix(end)?.parse().ok()?))
}

impl StepText {
    /// The step a stored sentence says, or None for one this module did not write.
    pub fn parse(s: &str) -> Option<StepText> {
        use StepText::*;
        let fixed = [
            NotToBeTold,
            ToBeTold,
            NoContact,
            Unassigned,
            ClosedDone,
            ClosedRefused,
            Reopened,
            AskedNotToBeTold,
            WasToldByMail,
            IsToldByMail,
            Restricted,
            RestrictionLifted,
            PortalAsked(PortalAsk::Copy),
            PortalAsked(PortalAsk::Erase),
            CarriedOutAtOnce,
            ErasedThroughPortal,
            WaitingForDpo,
            AuthorityNotified { late: false },
            AuthorityNotified { late: true },
            Closed,
        ];
        if let Some(known) = fixed.into_iter().find(|k| k.to_string() == s) {
            return Some(known);
        }
        if let Some(inner) = between(s, "registered (", ")") {
            let (kind, channel) = inner.split_once(" request by ")?;
            return Some(Registered { kind: Kind::parse(kind)?, channel: Channel::parse(channel)? });
        }
        if let Some(v) = s.strip_prefix("identity ") {
            return Verification::parse(v).map(Identity);
        }
        if let Some(who) = s.strip_prefix("assigned to ") {
            return Some(AssignedTo(who.into()));
        }
        if let Some(day) = between(s, "deadline extended to ", " (the reason is kept with the request)") {
            return Some(Extended(day.into()));
        }
        if let Some(n) = between(s, "archive produced (", " records)") {
            return n.parse().ok().map(ArchiveProduced);
        }
        for (prefix, anonymised) in
            [("erasure carried out: ", false), ("erasure carried out (anonymised: campaign totals kept): ", true)]
        {
            if let Some(n) = between(s, prefix, " records removed, address suppressed") {
                return n.parse().ok().map(|records| Erased { anonymised, records });
            }
        }
        if let Some(list) = s.strip_prefix("Art. 19: recipients to tell (from the purposes): ") {
            return Some(RecipientsToTell(list.into()));
        }
        let unsent = "); tell them in the response";
        if let Some(why) = between(s, "Art. 19: the notice to the person was not delivered (", unsent) {
            return Some(NotDelivered(why.into()));
        }
        if let Some(why) = between(s, "Art. 19: the notice to the person could not be sent (", unsent) {
            return Some(NotSent(why.into()));
        }
        if let Some(list) = s.strip_prefix("withdrawal recorded for: ") {
            return Some(WithdrawalRecorded(list.into()));
        }
        if let Some(fields) = s.strip_prefix("asked through the privacy portal: corrected ") {
            return Some(PortalAsked(PortalAsk::Corrected(fields.into())));
        }
        if let Some(n) = between(s, "archive downloaded by the person (", " records)") {
            return n.parse().ok().map(ArchiveDownloaded);
        }
        if let Some(rest) = s.strip_prefix("recorded; counted ") {
            let (subjects, records) = two_numbers(rest, " data subjects and ", " records concerned")?;
            return Some(BreachRecorded { subjects, records });
        }
        if let Some(rest) = s.strip_prefix("counted again: ") {
            let (subjects, records) = two_numbers(rest, " data subjects, ", " records")?;
            return Some(BreachCounted { subjects, records });
        }
        if let Some(n) = between(s, "notice to the people concerned queued for ", " recipients") {
            return n.parse().ok().map(NoticeQueued);
        }
        if let Some(rest) = s.strip_suffix(" could not be") {
            let (queued, skipped) = rest.split_once(" notices queued to the outbox, ")?;
            return Some(NoticesQueued { queued: queued.parse().ok()?, skipped: skipped.parse().ok()? });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every step reads back as itself from the sentence it is stored as, and sentences
    /// written before this module (the same words) read as the steps they were.
    #[test]
    fn every_step_reads_back_from_its_sentence() {
        use StepText::*;
        let mut all = vec![
            NotToBeTold,
            ToBeTold,
            NoContact,
            AssignedTo("person:0190f3a2-7d1e-7c3e-9a3b-0e4f5a6b7c8d".into()),
            Unassigned,
            Extended("2026-12-24".into()),
            ClosedDone,
            ClosedRefused,
            Reopened,
            ArchiveProduced(17),
            Erased { anonymised: false, records: 12 },
            Erased { anonymised: true, records: 0 },
            RecipientsToTell("Mailjet (newsletter delivery), Parcel Co".into()),
            AskedNotToBeTold,
            WasToldByMail,
            NotDelivered("Permanent(550 no such user (x))".into()),
            NotSent("connection refused".into()),
            IsToldByMail,
            Restricted,
            RestrictionLifted,
            WithdrawalRecorded("newsletter, engagement".into()),
            PortalAsked(PortalAsk::Copy),
            PortalAsked(PortalAsk::Erase),
            PortalAsked(PortalAsk::Corrected("first_name, last_name".into())),
            CarriedOutAtOnce,
            ArchiveDownloaded(3),
            ErasedThroughPortal,
            WaitingForDpo,
            BreachRecorded { subjects: 2, records: 3 },
            BreachCounted { subjects: 1, records: 1 },
            AuthorityNotified { late: false },
            AuthorityNotified { late: true },
            Closed,
            NoticeQueued(40),
            NoticesQueued { queued: 39, skipped: 1 },
        ];
        for kind in Kind::ALL {
            for channel in Channel::ALL {
                all.push(Registered { kind, channel });
            }
        }
        for v in [Verification::Pending, Verification::Verified, Verification::Failed] {
            all.push(Identity(v));
        }
        for step in all {
            assert_eq!(StepText::parse(&step.to_string()), Some(step.clone()), "{step}");
        }
        assert_eq!(
            StepText::parse("registered (erasure request by in_person)").map(|s| s.to_string()).as_deref(),
            Some("registered (erasure request by in_person)")
        );
        assert_eq!(StepText::parse("something a later version wrote"), None);
    }
}
