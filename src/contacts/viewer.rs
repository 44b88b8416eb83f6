//! What a staff member may see of a person: one decision, taken here, for the admin pages and
//! the REST API alike. A [`Viewer`] is made from what the caller may do (a role, narrowed by an
//! API token's scopes); its methods turn the records of a contact (the profile, consent ledger
//! entries, tracked events, a mail server's words) into what this viewer may be shown. Pages
//! and the API only choose the words and the shape; they never decide what is masked.
//!
//! The rule: without `view_personal_data`, whatever identifies the person is masked — the
//! address, names, phone and every custom value (first character kept, [`Contact::masked`]),
//! the network and browser a consent was given from, the note beside it, the query and
//! fragment of the addresses they visited (where shops put order numbers and addresses), the
//! properties sent with their events, the browser their events came from, and a remote mail
//! server's reply (it often quotes the address). What describes the relationship rather than
//! the person stays: status, tags, lists, locale, time zone, consent facts (what, when,
//! through what, with which wording), the country of an event, history lines (they name
//! fields, never their values) and the mail sent.
//!
//! Matching typed text against names and addresses, or ordering by them, would spell them out
//! a letter (or a neighbour) at a time: a masked viewer may do neither.
//!
//! An audited unmask ([`crate::contacts::ops::unmask`]) answers once as [`Viewer::unmasked`]:
//! the whole of that one contact, as a viewer with `view_personal_data` sees it.

use chrono::{DateTime, Utc};

use crate::domain::query::SortBy;
use crate::domain::{ConsentEntry, Contact, EmailAddress, Event, Permission, TruncatedIp, Via};

/// A piece of personal data as a viewer gets it: the value, or the fact that it is withheld
/// (which a page says, rather than showing nothing as if there were nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Personal<T> {
    Shown(T),
    Masked,
}

impl<T> Personal<T> {
    /// The value when shown (None when masked).
    pub fn shown(self) -> Option<T> {
        match self {
            Personal::Shown(v) => Some(v),
            Personal::Masked => None,
        }
    }

    pub fn is_masked(&self) -> bool {
        matches!(self, Personal::Masked)
    }
}

/// Who is looking, as far as personal data goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewer {
    personal: bool,
}

impl Viewer {
    /// From what the caller may do: `can` answers for the role and, for an API token, its
    /// scopes too.
    pub fn new(can: impl Fn(Permission) -> bool) -> Self {
        Viewer { personal: can(Permission::ViewPersonalData) }
    }

    /// The one answer to an audited unmask, and the operator's own tools: everything shown.
    pub fn unmasked() -> Self {
        Viewer { personal: true }
    }

    pub fn sees_personal_data(&self) -> bool {
        self.personal
    }

    fn keep<T>(&self, v: T) -> Personal<T> {
        if self.personal {
            Personal::Shown(v)
        } else {
            Personal::Masked
        }
    }

    /// As [`Viewer::keep`], but an empty text withholds nothing (a page says "hidden" only
    /// when there was something).
    fn keep_any(&self, v: String) -> Personal<String> {
        if v.is_empty() {
            Personal::Shown(v)
        } else {
            self.keep(v)
        }
    }

    /// Free-text search matches names and addresses.
    pub fn may_search_text(&self) -> bool {
        self.personal
    }

    /// Ordering by email or name gives away what is masked, a neighbour at a time.
    pub fn may_sort_by(&self, sort: SortBy) -> bool {
        self.personal || !matches!(sort, SortBy::Email | SortBy::Name)
    }

    /// The contact as this viewer may see it (also the contact a preview or a test message is
    /// rendered for: what it shows is shown to the viewer).
    pub fn contact(&self, c: Contact) -> Contact {
        if self.personal {
            c
        } else {
            c.masked()
        }
    }

    /// An address on its own (the audit log naming a contact).
    pub fn email(&self, e: &EmailAddress) -> String {
        if self.personal {
            e.to_string()
        } else {
            e.masked()
        }
    }

    /// A consent ledger entry: the facts for everyone; the network, the browser and the note
    /// (which can identify the person as much as the address does) for those who see personal
    /// data.
    pub fn consent(&self, e: &ConsentEntry) -> ShownConsent {
        ShownConsent {
            purpose: e.purpose.clone(),
            granted: e.granted,
            at: e.at,
            via: e.via.clone(),
            wording: e.wording.clone(),
            ip: self.keep(e.ip),
            user_agent: self.keep(e.user_agent.clone()),
            note: self.keep(e.note.clone()),
        }
    }

    /// A tracked event (open, click, page view, custom event, order).
    pub fn event(&self, e: &Event) -> ShownEvent {
        let mut facts = e.clone();
        let url = facts.url.take().map(|u| self.address(u));
        let referrer = facts.referrer.take().map(|r| self.address(r));
        let agent = self.keep_any(std::mem::take(&mut facts.agent));
        let properties = self.keep_any(std::mem::take(&mut facts.properties));
        // No view shows the network of an event; nothing hands it on.
        facts.ip = None;
        ShownEvent { facts, url, referrer, agent, properties }
    }

    fn address(&self, raw: String) -> Address {
        if self.personal {
            return Address::Whole(raw);
        }
        match url::Url::parse(&raw) {
            Ok(mut u) => {
                let cut = u.query().is_some() || u.fragment().is_some();
                u.set_query(None);
                u.set_fragment(None);
                Address::Trimmed { address: u.to_string(), cut }
            }
            Err(_) => Address::Unreadable,
        }
    }

    /// What a remote mail server said about a message (a bounce's diagnostic).
    pub fn server_reply<'a>(&self, text: &'a str) -> Personal<&'a str> {
        self.keep(text)
    }
}

/// A consent ledger entry as a viewer may see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownConsent {
    pub purpose: String,
    pub granted: bool,
    pub at: DateTime<Utc>,
    pub via: Via,
    /// (purpose, version) of the wording shown, when there was one.
    pub wording: Option<(String, u32)>,
    pub ip: Personal<Option<TruncatedIp>>,
    pub user_agent: Personal<Option<String>>,
    pub note: Personal<String>,
}

/// An address a person visited or came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    Whole(String),
    /// Scheme, host and path only; `cut` when a query or fragment was taken off.
    Trimmed {
        address: String,
        cut: bool,
    },
    /// Not an address that can be cut safely: none of it is shown.
    Unreadable,
}

/// A tracked event as a viewer may see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownEvent {
    /// The event without its addresses, browser, properties and network (those are below, as
    /// this viewer may see them).
    pub facts: Event,
    pub url: Option<Address>,
    pub referrer: Option<Address>,
    /// Browser family and OS.
    pub agent: Personal<String>,
    /// The properties object as the caller sent it.
    pub properties: Personal<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EventKind, Role, Source};

    fn viewer(role: Role) -> Viewer {
        Viewer::new(|p| role.allows(p))
    }

    #[test]
    fn the_role_decides_and_a_token_scope_narrows_it() {
        assert!(!viewer(Role::Analyst).sees_personal_data());
        assert!(viewer(Role::Admin).sees_personal_data());
        assert!(viewer(Role::Dpo).sees_personal_data());
        let narrow_token = Viewer::new(|p| Role::Admin.allows(p) && p == Permission::ViewContacts);
        assert!(!narrow_token.sees_personal_data());
        assert!(Viewer::unmasked().sees_personal_data());
    }

    #[test]
    fn a_masked_viewer_neither_searches_nor_orders_by_what_is_masked() {
        let (ana, admin) = (viewer(Role::Analyst), viewer(Role::Admin));
        assert!(!ana.may_search_text() && admin.may_search_text());
        for sort in [SortBy::Email, SortBy::Name] {
            assert!(!ana.may_sort_by(sort) && admin.may_sort_by(sort));
        }
        for sort in [SortBy::Created, SortBy::Updated] {
            assert!(ana.may_sort_by(sort));
        }
    }

    #[test]
    fn a_ledger_entry_keeps_its_facts_and_masks_network_browser_and_note() {
        let e = ConsentEntry {
            purpose: "newsletter".into(),
            granted: true,
            at: Utc::now(),
            via: Via::Form("form:1".into()),
            wording: Some(("newsletter".into(), 2)),
            ip: Some(TruncatedIp::new("203.0.113.7".parse().unwrap())),
            user_agent: Some("Firefox on Linux".into()),
            note: "met at the fair".into(),
        };
        let masked = viewer(Role::Analyst).consent(&e);
        assert_eq!((masked.ip.is_masked(), masked.user_agent.is_masked(), masked.note.is_masked()), (true, true, true));
        assert_eq!((masked.purpose.as_str(), masked.granted, masked.at), ("newsletter", true, e.at));
        assert_eq!(masked.wording, e.wording);
        let shown = viewer(Role::Admin).consent(&e);
        assert_eq!(shown.ip, Personal::Shown(e.ip));
        assert_eq!(shown.user_agent, Personal::Shown(Some("Firefox on Linux".into())));
        assert_eq!(shown.note, Personal::Shown("met at the fair".into()));
    }

    #[test]
    fn an_event_loses_query_fragment_properties_and_browser_for_a_masked_viewer() {
        let mut e = Event::new(EventKind::PageView, Utc::now(), "tracker");
        e.url = Some("https://shop.example/p?email=ann@example.org#x".into());
        e.referrer = Some("not a url".into());
        e.agent = "Firefox on Linux".into();
        e.country = Some("DE".into());
        e.properties = r#"{"order":"4711"}"#.into();
        let masked = viewer(Role::Analyst).event(&e);
        assert_eq!(masked.url, Some(Address::Trimmed { address: "https://shop.example/p".into(), cut: true }));
        assert_eq!(masked.referrer, Some(Address::Unreadable));
        assert!(masked.agent.is_masked() && masked.properties.is_masked());
        assert_eq!(masked.facts.country.as_deref(), Some("DE"), "the country describes no one");
        assert!(masked.facts.url.is_none() && masked.facts.properties.is_empty() && masked.facts.agent.is_empty());
        let shown = viewer(Role::Admin).event(&e);
        assert_eq!(shown.url, Some(Address::Whole("https://shop.example/p?email=ann@example.org#x".into())));
        assert_eq!(shown.agent, Personal::Shown("Firefox on Linux".into()));
        let plain = Event { url: Some("https://shop.example/p".into()), ..e };
        assert_eq!(
            viewer(Role::Analyst).event(&plain).url,
            Some(Address::Trimmed { address: "https://shop.example/p".into(), cut: false })
        );
    }

    #[test]
    fn a_contact_is_masked_as_the_domain_masks_it() {
        let mut c = Contact::new(EmailAddress::parse("jane@example.com").unwrap(), Source::Admin, "cli".into());
        c.first_name = "Jane".into();
        let masked = viewer(Role::Analyst).contact(c.clone());
        assert_eq!((masked.email.as_str(), masked.first_name.as_str()), ("j•••@example.com", "J•••"));
        assert_eq!(viewer(Role::Admin).contact(c.clone()), c);
        assert_eq!(viewer(Role::Analyst).email(&c.email), "j•••@example.com");
        assert_eq!(viewer(Role::Analyst).server_reply("550 jane@example.com unknown"), Personal::Masked);
    }
}
