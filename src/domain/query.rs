//! What a search for contacts asks: the words, the filters, the order and the page. Pure
//! types shared by the search index (which answers them), saved searches (which store them)
//! and the viewer (which decides which orders a role may use).

use chrono::{DateTime, Utc};

use super::{ConsentState, SegmentId, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    #[default]
    Created,
    Updated,
    Email,
    Name,
}

impl SortBy {
    pub fn parse(s: &str) -> Option<SortBy> {
        Some(match s {
            "created" => SortBy::Created,
            "updated" => SortBy::Updated,
            "email" => SortBy::Email,
            "name" => SortBy::Name,
            _ => return None,
        })
    }
    pub fn as_str(&self) -> &'static str {
        match self {
            SortBy::Created => "created",
            SortBy::Updated => "updated",
            SortBy::Email => "email",
            SortBy::Name => "name",
        }
    }
}

/// What to find. Empty text and no filters match every contact.
#[derive(Debug, Clone, Default)]
pub struct ContactQuery {
    pub text: String,
    pub status: Option<Status>,
    pub tags: Vec<String>,
    pub lists: Vec<String>,
    /// Members of any of these segments (as the index holds them: it follows each entry and
    /// exit on the change feed).
    pub segments: Vec<SegmentId>,
    pub consent: Option<(String, ConsentState)>,
    /// Choice, multiple-choice and yes/no custom fields: `(key, value)`.
    pub custom: Vec<(String, String)>,
    pub created_after: Option<DateTime<Utc>>,
    pub created_before: Option<DateTime<Utc>>,
    pub updated_after: Option<DateTime<Utc>>,
    pub updated_before: Option<DateTime<Utc>>,
    /// Engagement: last human open, click, or any activity at or after / before an instant
    /// (before includes never).
    pub opened_after: Option<DateTime<Utc>>,
    pub opened_before: Option<DateTime<Utc>>,
    pub clicked_after: Option<DateTime<Utc>>,
    pub clicked_before: Option<DateTime<Utc>>,
    pub seen_after: Option<DateTime<Utc>>,
    pub seen_before: Option<DateTime<Utc>>,
    /// At least this many orders.
    pub min_orders: Option<u64>,
    /// Orders worth at least this much in all (minor units).
    pub min_revenue_cents: Option<i64>,
    pub sort: SortBy,
    pub descending: bool,
    /// The `next` cursor of the previous page.
    pub cursor: Option<String>,
    pub limit: usize,
}

impl ContactQuery {
    /// Whether the query narrows at all (an export without filters walks the store instead). Every
    /// filter is named, so that a new one cannot be left out: with the engagement ones missing,
    /// `?opened_after=…` exported every contact.
    pub fn narrows(&self) -> bool {
        let ContactQuery {
            text,
            status,
            tags,
            lists,
            segments,
            consent,
            custom,
            created_after,
            created_before,
            updated_after,
            updated_before,
            opened_after,
            opened_before,
            clicked_after,
            clicked_before,
            seen_after,
            seen_before,
            min_orders,
            min_revenue_cents,
            sort: _,
            descending: _,
            cursor: _,
            limit: _,
        } = self;
        let times = [
            created_after,
            created_before,
            updated_after,
            updated_before,
            opened_after,
            opened_before,
            clicked_after,
            clicked_before,
            seen_after,
            seen_before,
        ];
        !text.is_empty()
            || status.is_some()
            || !tags.is_empty()
            || !lists.is_empty()
            || !segments.is_empty()
            || consent.is_some()
            || !custom.is_empty()
            || times.iter().any(|t| t.is_some())
            || min_orders.is_some()
            || min_revenue_cents.is_some()
    }
}
