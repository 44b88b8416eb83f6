//! What changed in the domain: the entries of the change feed (`crate::feed`), which its readers
//! (the search index, report counters, and later segments, journeys and webhooks) follow.
//!
//! Not to be confused with a tracked website or API event ([`super::Event`]): recording one is a
//! change ([`Change::EventRecorded`]) like any other. An entry names who and what changed, never
//! the personal data itself: a reader reads the current state from the store.

use serde::{Deserialize, Serialize};

use super::{CampaignId, ContactId, EventId, EventKind, PersonId, SegmentId, Status};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    ContactCreated(ContactId),
    ContactUpdated(ContactId),
    /// Deleted by staff or by the person (the record is gone; the address may stay suppressed).
    ContactDeleted(ContactId),
    /// Erased under Art. 17: every store forgets the person, readers too.
    ContactErased(ContactId),
    /// One chunk of an import: each contact with whether it is new.
    ContactsImported(Vec<(ContactId, bool)>),
    /// Tracked events stored for contacts (opens, clicks, page views, custom and API events,
    /// orders): one batch of the tracking writer. The events themselves are read from the store.
    EventsRecorded(Vec<Recorded>),
    ConsentChanged {
        contact: ContactId,
        purpose: String,
        granted: bool,
    },
    StatusChanged {
        contact: ContactId,
        status: Status,
        /// The campaign whose message led to it (its unsubscribe link), when one did.
        campaign: Option<CampaignId>,
    },
    /// Processing of the contact restricted (Art. 18), or the restriction lifted.
    RestrictionChanged {
        contact: ContactId,
        restricted: bool,
    },
    /// Lists or tags changed.
    MembershipChanged(ContactId),
    FormSubmitted {
        contact: ContactId,
        form: String,
    },
    FormConfirmed {
        contact: ContactId,
        form: String,
    },
    BounceRecorded {
        contact: ContactId,
        hard: bool,
        /// Refused by the relay at sending (the message was never accepted), not reported later.
        at_sending: bool,
        campaign: Option<CampaignId>,
    },
    ComplaintRecorded {
        contact: ContactId,
        campaign: Option<CampaignId>,
    },
    /// A contact entered a segment (the segments' reader decided it).
    SegmentEntered {
        contact: ContactId,
        segment: SegmentId,
    },
    SegmentExited {
        contact: ContactId,
        segment: SegmentId,
    },
    /// A segment's build asks the segments' reader to evaluate these contacts (`done` of
    /// `total` contacts walked so far).
    SegmentEvaluate {
        segment: SegmentId,
        contacts: Vec<ContactId>,
        done: u64,
        total: u64,
    },
    /// The build has walked every contact.
    SegmentBuilt {
        segment: SegmentId,
        total: u64,
    },
    /// A segment's condition may have turned by the clock alone for these contacts (the timers of
    /// one segment and contact that stores written before [`Change::SegmentsDue`] still hold).
    SegmentDue {
        segment: SegmentId,
        contacts: Vec<ContactId>,
    },
    /// A message accepted by the relay for the contact (a campaign's, or a transactional one
    /// without).
    MessageSent {
        contact: ContactId,
        campaign: Option<CampaignId>,
        /// It carried the open pixel and attributed links (the person allows measurement).
        measured: bool,
    },
    /// For these contacts a condition that turns with time may have turned, in any segment
    /// (one timer per contact, at the earliest of its segments' next flips). Kept last: entries
    /// are stored by variant index.
    SegmentsDue {
        contacts: Vec<ContactId>,
    },
}

/// One tracked event in [`Change::EventsRecorded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub contact: ContactId,
    pub kind: EventKind,
    pub event: EventId,
    /// A person's own (not a machine's, such as a mail client fetching every image): it
    /// changed the contact's engagement aggregates.
    pub human: bool,
}

impl Change {
    /// The contacts this change is about (one, but an import chunk names many).
    pub fn contacts(&self) -> Vec<ContactId> {
        match self {
            Self::ContactsImported(all) => all.iter().map(|(c, _)| *c).collect(),
            Self::SegmentEvaluate { contacts, .. }
            | Self::SegmentDue { contacts, .. }
            | Self::SegmentsDue { contacts } => contacts.clone(),
            Self::SegmentBuilt { .. } => Vec::new(),
            Self::SegmentEntered { contact: c, .. } | Self::SegmentExited { contact: c, .. } => vec![*c],
            Self::EventsRecorded(all) => {
                let mut out: Vec<ContactId> = Vec::with_capacity(all.len());
                for r in all {
                    if !out.contains(&r.contact) {
                        out.push(r.contact);
                    }
                }
                out
            }
            Self::ContactCreated(c)
            | Self::ContactUpdated(c)
            | Self::ContactDeleted(c)
            | Self::ContactErased(c)
            | Self::MembershipChanged(c)
            | Self::ComplaintRecorded { contact: c, .. }
            | Self::ConsentChanged { contact: c, .. }
            | Self::StatusChanged { contact: c, .. }
            | Self::RestrictionChanged { contact: c, .. }
            | Self::FormSubmitted { contact: c, .. }
            | Self::FormConfirmed { contact: c, .. }
            | Self::BounceRecorded { contact: c, .. }
            | Self::MessageSent { contact: c, .. } => vec![*c],
        }
    }

    pub fn people(&self) -> Vec<PersonId> {
        self.contacts().iter().map(ContactId::person).collect()
    }

    /// The change with `person` left out; `None` when nothing about anyone else remains.
    pub fn without(&self, person: &PersonId) -> Option<Change> {
        match self {
            Self::ContactsImported(all) => {
                let rest: Vec<_> = all.iter().filter(|(c, _)| &c.person() != person).copied().collect();
                (!rest.is_empty()).then_some(Self::ContactsImported(rest))
            }
            Self::EventsRecorded(all) => {
                let rest: Vec<_> = all.iter().filter(|r| &r.contact.person() != person).copied().collect();
                (!rest.is_empty()).then_some(Self::EventsRecorded(rest))
            }
            Self::SegmentEvaluate { segment, contacts, done, total } => {
                let rest: Vec<_> = contacts.iter().filter(|c| &c.person() != person).copied().collect();
                (!rest.is_empty()).then_some(Self::SegmentEvaluate {
                    segment: *segment,
                    contacts: rest,
                    done: *done,
                    total: *total,
                })
            }
            Self::SegmentDue { segment, contacts } => {
                let rest: Vec<_> = contacts.iter().filter(|c| &c.person() != person).copied().collect();
                (!rest.is_empty()).then_some(Self::SegmentDue { segment: *segment, contacts: rest })
            }
            Self::SegmentsDue { contacts } => {
                let rest: Vec<_> = contacts.iter().filter(|c| &c.person() != person).copied().collect();
                (!rest.is_empty()).then_some(Self::SegmentsDue { contacts: rest })
            }
            other => (!other.people().contains(person)).then(|| other.clone()),
        }
    }

    /// Whether the entry only says where to look: its reader reads the contact as it is now
    /// rather than trusting the entry. Only such changes may be logged ahead of their writes
    /// (`Feed::log_ahead`), where a crash can leave an entry whose writes never landed.
    pub fn read_from_the_store(&self) -> bool {
        matches!(
            self,
            Self::ContactCreated(_)
                | Self::ContactUpdated(_)
                | Self::ContactDeleted(_)
                | Self::ContactErased(_)
                | Self::ContactsImported(_)
                | Self::EventsRecorded(_)
                | Self::MembershipChanged(_)
        )
    }

    /// A stable name for logs, exports and filters.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::ContactCreated(_) => "contact_created",
            Self::ContactUpdated(_) => "contact_updated",
            Self::ContactDeleted(_) => "contact_deleted",
            Self::ContactErased(_) => "contact_erased",
            Self::ContactsImported(_) => "contacts_imported",
            Self::EventsRecorded(_) => "events_recorded",
            Self::SegmentEntered { .. } => "segment_entered",
            Self::SegmentExited { .. } => "segment_exited",
            Self::SegmentEvaluate { .. } => "segment_evaluate",
            Self::SegmentBuilt { .. } => "segment_built",
            Self::SegmentDue { .. } => "segment_due",
            Self::SegmentsDue { .. } => "segments_due",
            Self::ConsentChanged { .. } => "consent_changed",
            Self::StatusChanged { .. } => "status_changed",
            Self::RestrictionChanged { .. } => "restriction_changed",
            Self::MembershipChanged(_) => "membership_changed",
            Self::FormSubmitted { .. } => "form_submitted",
            Self::FormConfirmed { .. } => "form_confirmed",
            Self::BounceRecorded { .. } => "bounce_recorded",
            Self::ComplaintRecorded { .. } => "complaint_recorded",
            Self::MessageSent { .. } => "message_sent",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_chunk_names_each_contact_and_loses_one_to_erasure() {
        let (a, b) = (ContactId::new(), ContactId::new());
        let chunk = Change::ContactsImported(vec![(a, true), (b, false)]);
        assert_eq!(chunk.contacts(), vec![a, b]);
        assert_eq!(chunk.without(&a.person()), Some(Change::ContactsImported(vec![(b, false)])));
        let one = Change::ConsentChanged { contact: a, purpose: "newsletter".into(), granted: true };
        assert_eq!(one.without(&a.person()), None);
        assert_eq!(one.without(&b.person()), Some(one.clone()));
        assert_eq!(one.kind(), "consent_changed");
    }
}
