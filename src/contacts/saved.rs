//! Saved searches: named sets of contact filters (status, tag, list, consent, engagement,
//! segment), kept
//! so that a marketer can come back to "bought something, opened in the last 30 days" and a
//! campaign can be sent to it. A saved search is a rule over many contacts, never a person: the
//! free-text words of the contacts search, which could be a name or an address, are not saved.
//! Evaluated when used (the contacts page, a campaign's audience walk), so it always means the
//! contacts who match now.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::query::ContactQuery;
use crate::domain::{ConsentState, SegmentId, Status};
use crate::store::registry::{Holds, Registration};
use crate::store::{PlainTree, Result, Store};

pub const TREE: &str = "saved_searches";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "saved contact searches: a name and filters over status, tags, lists, consent, engagement and segments",
    holds: Holds::Nothing {
        why: "filters only; the free-text search words, which could name a person, are never saved",
    },
};

/// The engagement presets of the contacts page.
pub const ENGAGEMENT: &[(&str, &str)] = &[
    ("opened_30d", "opened in the last 30 days"),
    ("clicked_30d", "clicked in the last 30 days"),
    ("not_opened_90d", "not opened in 90 days (or never)"),
    ("inactive_180d", "no activity in 180 days (or never)"),
    ("buyers", "placed at least one order"),
];

/// Filters as the contacts page and the API take them, each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
// A misspelt key (`tags` for `tag`) would otherwise save a search wider than the one meant.
#[serde(deny_unknown_fields)]
pub struct Filters {
    pub status: Option<String>,
    pub tag: Option<String>,
    pub list: Option<String>,
    /// `purpose:granted` or `purpose:withdrawn`.
    pub consent: Option<String>,
    /// One of [`ENGAGEMENT`].
    pub engagement: Option<String>,
    /// A segment's id: its members (last, where store migration 12 put it; a saved search
    /// saved before has none).
    pub segment: Option<String>,
}

/// A filter that does not parse, named by its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadFilter {
    pub field: &'static str,
    pub message: String,
}

fn bad(field: &'static str, message: impl Into<String>) -> BadFilter {
    BadFilter { field, message: message.into() }
}

impl Filters {
    /// Trims every value and drops empty ones.
    pub fn normalised(self) -> Filters {
        let clean = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Filters {
            status: clean(self.status),
            tag: clean(self.tag),
            list: clean(self.list),
            consent: clean(self.consent),
            engagement: clean(self.engagement),
            segment: clean(self.segment),
        }
    }

    pub fn is_empty(&self) -> bool {
        self == &Filters::default()
    }

    /// The filters as query-string pairs, in a fixed order (links to the contacts page).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("status", &self.status),
            ("tag", &self.tag),
            ("list", &self.list),
            ("consent", &self.consent),
            ("engagement", &self.engagement),
            ("segment", &self.segment),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k, v)))
        .collect()
    }

    /// Narrows `q` by these filters (a tag or list adds to those `q` has), with engagement
    /// windows counted back from `now`.
    pub fn apply(&self, q: &mut ContactQuery, now: DateTime<Utc>) -> std::result::Result<(), BadFilter> {
        if let Some(s) = &self.status {
            q.status = Some(s.parse::<Status>().map_err(|m| bad("status", m))?);
        }
        if let Some(t) = &self.tag {
            q.tags.push(crate::domain::contact::parse_tag(t).map_err(|m| bad("tag", m))?);
        }
        if let Some(l) = &self.list {
            q.lists.push(l.clone());
        }
        if let Some(c) = &self.consent {
            let (purpose, st) = c.split_once(':').unwrap_or((c, ""));
            let st = match st {
                "granted" => ConsentState::Granted,
                "withdrawn" => ConsentState::Withdrawn,
                _ => return Err(bad("consent", "use purpose:granted or purpose:withdrawn")),
            };
            q.consent = Some((purpose.to_string(), st));
        }
        if let Some(s) = &self.segment {
            q.segments.push(s.parse::<SegmentId>().map_err(|_| bad("segment", "is not a segment id"))?);
        }
        match self.engagement.as_deref() {
            None => {}
            Some("opened_30d") => q.opened_after = Some(now - Duration::days(30)),
            Some("clicked_30d") => q.clicked_after = Some(now - Duration::days(30)),
            Some("not_opened_90d") => q.opened_before = Some(now - Duration::days(90)),
            Some("inactive_180d") => q.seen_before = Some(now - Duration::days(180)),
            Some("buyers") => q.min_orders = Some(1),
            Some(_) => {
                let keys: Vec<&str> = ENGAGEMENT.iter().map(|(k, _)| *k).collect();
                return Err(bad("engagement", format!("use one of {}", keys.join(", "))));
            }
        }
        Ok(())
    }

    /// Words for people: "subscribed, tag vip, opened in the last 30 days" (a segment by its id:
    /// its name is another room's, and may change).
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = &self.status {
            parts.push(s.replace('_', " "));
        }
        if let Some(t) = &self.tag {
            parts.push(format!("tag {t}"));
        }
        if let Some(l) = &self.list {
            parts.push(format!("list {l}"));
        }
        if let Some(c) = &self.consent {
            parts.push(format!("consent {}", c.replace(':', " ")));
        }
        if let Some(e) = &self.engagement {
            parts.push(ENGAGEMENT.iter().find(|(k, _)| k == e).map_or(e.clone(), |(_, label)| label.to_string()));
        }
        if let Some(s) = &self.segment {
            parts.push(format!("in segment {s}"));
        }
        if parts.is_empty() {
            "every contact".into()
        } else {
            parts.join(", ")
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedSearch {
    pub id: Uuid,
    pub name: String,
    pub filters: Filters,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone)]
pub struct SavedSearches {
    tree: PlainTree<SavedSearch>,
}

impl SavedSearches {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.plain(TREE)? })
    }

    /// All, by name.
    pub fn all(&self) -> Result<Vec<SavedSearch>> {
        let mut out: Vec<SavedSearch> = self.tree.iter().map(|r| r.map(|(_, s)| s)).collect::<Result<_>>()?;
        out.sort_by_key(|s| s.name.to_lowercase());
        Ok(out)
    }

    pub fn get(&self, id: &Uuid) -> Result<Option<SavedSearch>> {
        self.tree.get(id.as_bytes())
    }

    /// Stores (uncommitted).
    pub fn put(&self, s: &SavedSearch) -> Result<()> {
        self.tree.put(s.id.as_bytes(), s)
    }

    /// Removes (uncommitted); false when there was none.
    pub fn remove(&self, id: &Uuid) -> Result<bool> {
        self.tree.remove(id.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_narrow_the_query_and_name_a_bad_field() {
        let now = Utc::now();
        let f = Filters {
            status: Some("subscribed".into()),
            tag: Some("vip".into()),
            consent: Some("newsletter:granted".into()),
            engagement: Some("opened_30d".into()),
            ..Default::default()
        };
        let mut q = ContactQuery::default();
        f.apply(&mut q, now).unwrap();
        assert_eq!(q.status, Some(Status::Subscribed));
        assert_eq!(q.tags, ["vip"]);
        assert_eq!(q.consent, Some(("newsletter".into(), ConsentState::Granted)));
        assert_eq!(q.opened_after, Some(now - Duration::days(30)));
        assert_eq!(f.describe(), "subscribed, tag vip, consent newsletter granted, opened in the last 30 days");
        let e = Filters { engagement: Some("sometimes".into()), ..Default::default() }.apply(&mut q, now).unwrap_err();
        assert_eq!(e.field, "engagement");
        let e = Filters { consent: Some("newsletter".into()), ..Default::default() }.apply(&mut q, now).unwrap_err();
        assert_eq!(e.field, "consent");
        let blank = Filters { tag: Some("  ".into()), ..Default::default() }.normalised();
        assert!(blank.is_empty());
        let e = Filters { segment: Some("vip".into()), ..Default::default() }.apply(&mut q, now).unwrap_err();
        assert_eq!(e.field, "segment");
        let id = SegmentId::new();
        let seg = Filters { segment: Some(id.to_string()), ..Default::default() };
        let mut q = ContactQuery::default();
        seg.apply(&mut q, now).unwrap();
        assert_eq!(q.segments, [id]);
        assert_eq!(seg.describe(), format!("in segment {id}"));
        assert_eq!(seg.pairs(), [("segment", id.to_string())]);
    }
}
