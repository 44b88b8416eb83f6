//! Who may be mailed: one rule for campaigns, transactional mail and (next) journeys. Pure: the
//! caller gathers the facts about the contact ([`Facts`]) from the store; this decides.

use super::{ConsentState, ConsentStates, Status};

/// What kind of message is about to go out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind<'a> {
    /// Marketing for a purpose (a campaign's, later a journey's). `needs_consent`: the purpose's
    /// lawful basis is consent, so it must be granted; otherwise (legitimate interest) it must
    /// not be withdrawn.
    Marketing { purpose: &'a str, needs_consent: bool },
    /// A message the person needs or asked for (a confirmation, an order mail, a portal link).
    /// `to_suppressed`: it goes to a suppressed address too (a sign-up's confirmation: confirming
    /// is how an erased address comes back). `to_restricted`: it goes to a person whose
    /// processing is restricted too (how they exercise their rights, or are told of them).
    Transactional { to_suppressed: bool, to_restricted: bool },
}

/// What the store says about the contact now.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub status: Status,
    /// The address is on the erasure suppression list.
    pub suppressed: bool,
    /// Processing is restricted (Art. 18).
    pub restricted: bool,
    pub consents: &'a ConsentStates,
}

/// Why a message may not go out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NotSubscribed,
    Suppressed,
    Restricted,
    NoConsent,
}

/// Whether a message of `kind` may go to the contact the `facts` describe; the first reason
/// against it otherwise, in this order: status, suppression, restriction, consent.
pub fn may_mail(kind: Kind<'_>, facts: &Facts<'_>) -> Result<(), Refusal> {
    match kind {
        Kind::Marketing { purpose, needs_consent } => {
            if facts.status != Status::Subscribed {
                return Err(Refusal::NotSubscribed);
            }
            if facts.suppressed {
                return Err(Refusal::Suppressed);
            }
            if facts.restricted {
                return Err(Refusal::Restricted);
            }
            let consent = facts.consents.get(purpose).map(|(s, _)| *s);
            let ok = if needs_consent {
                consent == Some(ConsentState::Granted)
            } else {
                consent != Some(ConsentState::Withdrawn)
            };
            if ok {
                Ok(())
            } else {
                Err(Refusal::NoConsent)
            }
        }
        Kind::Transactional { to_suppressed, to_restricted } => {
            if facts.suppressed && !to_suppressed {
                return Err(Refusal::Suppressed);
            }
            if facts.restricted && !to_restricted {
                return Err(Refusal::Restricted);
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(status: Status, consents: &ConsentStates) -> Facts<'_> {
        Facts { status, suppressed: false, restricted: false, consents }
    }

    #[test]
    fn marketing_needs_the_subscription_no_suppression_no_restriction_and_the_purpose() {
        let now = chrono::Utc::now();
        let granted: ConsentStates = [("news".to_string(), (ConsentState::Granted, now))].into();
        let withdrawn: ConsentStates = [("news".to_string(), (ConsentState::Withdrawn, now))].into();
        let none = ConsentStates::new();
        let consent = Kind::Marketing { purpose: "news", needs_consent: true };
        let interest = Kind::Marketing { purpose: "news", needs_consent: false };
        assert_eq!(may_mail(consent, &facts(Status::Subscribed, &granted)), Ok(()));
        assert_eq!(may_mail(consent, &facts(Status::Subscribed, &none)), Err(Refusal::NoConsent));
        assert_eq!(may_mail(interest, &facts(Status::Subscribed, &none)), Ok(()));
        assert_eq!(may_mail(interest, &facts(Status::Subscribed, &withdrawn)), Err(Refusal::NoConsent));
        assert_eq!(may_mail(consent, &facts(Status::Unsubscribed, &granted)), Err(Refusal::NotSubscribed));
        assert_eq!(may_mail(consent, &facts(Status::Pending, &granted)), Err(Refusal::NotSubscribed));
        let suppressed = Facts { suppressed: true, restricted: true, ..facts(Status::Subscribed, &granted) };
        assert_eq!(may_mail(consent, &suppressed), Err(Refusal::Suppressed), "suppression is named first");
        let restricted = Facts { restricted: true, ..facts(Status::Subscribed, &granted) };
        assert_eq!(may_mail(consent, &restricted), Err(Refusal::Restricted));
    }

    #[test]
    fn transactional_mail_ignores_status_and_consent_but_not_suppression_or_restriction_unless_allowed() {
        let none = ConsentStates::new();
        let plain = Kind::Transactional { to_suppressed: false, to_restricted: false };
        assert_eq!(may_mail(plain, &facts(Status::Unsubscribed, &none)), Ok(()));
        let suppressed = Facts { suppressed: true, ..facts(Status::Subscribed, &none) };
        assert_eq!(may_mail(plain, &suppressed), Err(Refusal::Suppressed));
        assert_eq!(may_mail(Kind::Transactional { to_suppressed: true, to_restricted: false }, &suppressed), Ok(()));
        let restricted = Facts { restricted: true, ..facts(Status::Subscribed, &none) };
        assert_eq!(may_mail(plain, &restricted), Err(Refusal::Restricted));
        assert_eq!(may_mail(Kind::Transactional { to_suppressed: false, to_restricted: true }, &restricted), Ok(()));
    }
}
