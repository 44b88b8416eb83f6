//! A segment's filter as a query on the contacts' index, for counting a filter before it is
//! saved (the builder's count) without evaluating every contact.
//!
//! Each condition the index holds exactly (status, source, tags, lists, consent per purpose,
//! opens, clicks and orders, membership of another segment) becomes its query; any other condition becomes "everybody", and
//! the whole is then only a superset of the matches — the candidates, which the caller
//! evaluates one by one. The translation never narrows more than the filter: a candidate set
//! always holds every match.

use std::ops::Bound;

use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use super::{Result, SearchIndex};
use crate::domain::segment::{Condition, ConsentIs, Filter, Op};
use crate::domain::ContactId;

/// A filter on the index: the query, and whether its matches are exactly the filter's.
pub struct Narrowed {
    pub query: Box<dyn Query>,
    pub exact: bool,
}

fn everybody() -> Narrowed {
    Narrowed { query: Box::new(AllQuery), exact: false }
}

fn term(field: Field, v: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, v), IndexRecordOption::Basic))
}

fn any_of(qs: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(qs.into_iter().map(|q| (Occur::Should, q)).collect()))
}

fn not(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![(Occur::Must, Box::new(AllQuery)), (Occur::MustNot, q)]))
}

/// Values the index folds the way the filter does: ASCII (the index lowercases; the filter
/// lowercases too, and beyond ASCII the two need not agree).
fn plain(v: &str) -> Option<String> {
    v.is_ascii().then(|| v.to_lowercase())
}

impl SearchIndex {
    /// The filter as a query on the index (see the module's comment).
    pub fn narrow(&self, filter: &Filter) -> Narrowed {
        match filter {
            Filter::Is(c) => self.condition(c).map_or_else(everybody, |query| Narrowed { query, exact: true }),
            Filter::All(children) => {
                let mut exact = true;
                let mut must = Vec::new();
                for c in children {
                    let n = self.narrow(c);
                    exact &= n.exact;
                    must.push((Occur::Must, n.query));
                }
                if must.is_empty() {
                    return Narrowed { query: Box::new(AllQuery), exact };
                }
                Narrowed { query: Box::new(BooleanQuery::new(must)), exact }
            }
            Filter::Any(children) => {
                let all: Vec<Narrowed> = children.iter().map(|c| self.narrow(c)).collect();
                if all.iter().any(|n| !n.exact) {
                    // One branch that the index cannot say lets anybody in.
                    return everybody();
                }
                Narrowed { query: any_of(all.into_iter().map(|n| n.query).collect()), exact: true }
            }
            Filter::None(children) => {
                let all: Vec<Narrowed> = children.iter().map(|c| self.narrow(c)).collect();
                if all.iter().any(|n| !n.exact) {
                    return everybody();
                }
                if all.is_empty() {
                    return Narrowed { query: Box::new(AllQuery), exact: true };
                }
                Narrowed { query: not(any_of(all.into_iter().map(|n| n.query).collect())), exact: true }
            }
        }
    }

    /// One condition as an exact query, or None when the index does not hold it exactly.
    fn condition(&self, c: &Condition) -> Option<Box<dyn Query>> {
        let f = &self.f;
        match c {
            Condition::Field { field, op, .. } => match (field.as_str(), op) {
                ("status" | "source", Op::Equals(v)) => {
                    Some(term(if field == "status" { f.status } else { f.source }, &plain(v)?))
                }
                ("status" | "source", Op::NotEquals(v)) => {
                    Some(not(term(if field == "status" { f.status } else { f.source }, &plain(v)?)))
                }
                ("status" | "source", Op::OneOf(vs)) => {
                    let field = if field == "status" { f.status } else { f.source };
                    let terms: Option<Vec<_>> = vs.iter().map(|v| plain(v).map(|v| term(field, &v))).collect();
                    Some(any_of(terms?))
                }
                ("tags" | "lists", Op::Contains(v)) => {
                    Some(term(if field == "tags" { f.tag } else { f.list }, &plain(v)?))
                }
                ("tags" | "lists", Op::NotContains(v)) => {
                    Some(not(term(if field == "tags" { f.tag } else { f.list }, &plain(v)?)))
                }
                ("opens" | "clicks" | "orders", op) => {
                    let field = match field.as_str() {
                        "opens" => f.opens,
                        "clicks" => f.clicks,
                        _ => f.orders,
                    };
                    count_range(field, op)
                }
                _ => None,
            },
            Condition::Consent { purpose, state } => {
                let has = |s: &str| term(f.consent, &format!("{purpose}:{s}"));
                Some(match state {
                    ConsentIs::Granted => has("granted"),
                    ConsentIs::Withdrawn => has("withdrawn"),
                    ConsentIs::Never => not(any_of(vec![has("granted"), has("withdrawn")])),
                })
            }
            // The index holds each contact's segments as the segments' reader last decided
            // them (it follows every entry and exit), which is what the engine reads too.
            Condition::Segment { segment, member } => {
                let is = term(f.segment, &segment.to_string());
                Some(if *member { is } else { not(is) })
            }
            _ => None,
        }
    }

    /// How many contacts the index holds.
    pub fn count_all(&self) -> Result<usize> {
        self.count_of(&AllQuery)
    }

    /// How many contacts a query matches.
    pub fn count_of(&self, q: &dyn Query) -> Result<usize> {
        Ok(self.reader.searcher().search(q, &Count)?)
    }

    /// Every contact a query matches (at most `limit`), in no particular order.
    pub fn ids_of(&self, q: &dyn Query, limit: usize) -> Result<Vec<ContactId>> {
        let mut pairs = self.reader.searcher().search(q, &Ids(limit))?;
        pairs.truncate(limit);
        Ok(pairs
            .into_iter()
            .filter_map(|(h, l)| ContactId::from_slice(uuid::Uuid::from_u64_pair(h, l).as_bytes()))
            .collect())
    }

    /// Whether `id` is among a query's matches.
    pub fn matches(&self, q: &dyn Query, id: &ContactId) -> Result<bool> {
        let both = BooleanQuery::new(vec![
            (Occur::Must, q.box_clone()),
            (Occur::Must, Box::new(TermQuery::new(self.id_term(id), IndexRecordOption::Basic)) as Box<dyn Query>),
        ]);
        Ok(self.reader.searcher().search(&both, &Count)? > 0)
    }
}

/// A whole-number comparison on a count column (the filter compares the count as a number).
fn count_range(field: Field, op: &Op) -> Option<Box<dyn Query>> {
    let at = |n: u64| Term::from_field_u64(field, n);
    // The smallest whole number >= x, and the largest <= x (counts are never negative).
    let ceil = |x: f64| if x <= 0.0 { 0 } else { x.ceil() as u64 };
    let floor = |x: f64| if x < 0.0 { None } else { Some(x.floor() as u64) };
    let range = |lo: Bound<Term>, hi: Bound<Term>| -> Box<dyn Query> { Box::new(RangeQuery::new(lo, hi)) };
    let nothing = || -> Box<dyn Query> { not(Box::new(AllQuery)) };
    Some(match op {
        Op::Gte(x) => range(Bound::Included(at(ceil(*x))), Bound::Unbounded),
        Op::Gt(x) => match floor(*x) {
            Some(n) => range(Bound::Excluded(at(n)), Bound::Unbounded),
            None => Box::new(AllQuery),
        },
        Op::Lte(x) => match floor(*x) {
            Some(n) => range(Bound::Unbounded, Bound::Included(at(n))),
            None => nothing(),
        },
        Op::Lt(x) => range(Bound::Unbounded, Bound::Excluded(at(ceil(*x)))),
        Op::Between(a, b) => match floor(*b) {
            Some(hi) if ceil(*a) <= hi => range(Bound::Included(at(ceil(*a))), Bound::Included(at(hi))),
            _ => nothing(),
        },
        Op::Equals(v) => {
            let x: f64 = v.parse().ok()?;
            if x.fract() != 0.0 || x < 0.0 {
                nothing()
            } else {
                range(Bound::Included(at(x as u64)), Bound::Included(at(x as u64)))
            }
        }
        Op::NotEquals(v) => {
            let x: f64 = v.parse().ok()?;
            if x.fract() != 0.0 || x < 0.0 {
                Box::new(AllQuery)
            } else {
                not(range(Bound::Included(at(x as u64)), Bound::Included(at(x as u64))))
            }
        }
        _ => return None,
    })
}

/// Collects the matches' ids from the id columns (at most so many per index segment).
struct Ids(usize);

struct SegmentIds {
    hi: Column<u64>,
    lo: Column<u64>,
    limit: usize,
    out: Vec<(u64, u64)>,
}

impl Collector for Ids {
    type Fruit = Vec<(u64, u64)>;
    type Child = SegmentIds;

    fn for_segment(&self, _: SegmentOrdinal, r: &SegmentReader) -> tantivy::Result<SegmentIds> {
        let ff = r.fast_fields();
        Ok(SegmentIds { hi: ff.u64("id_hi")?, lo: ff.u64("id_lo")?, limit: self.0, out: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u64, u64)>>) -> tantivy::Result<Vec<(u64, u64)>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentIds {
    type Fruit = Vec<(u64, u64)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if self.out.len() >= self.limit {
            return;
        }
        if let (Some(h), Some(l)) = (self.hi.first(doc), self.lo.first(doc)) {
            self.out.push((h, l));
        }
    }

    fn harvest(self) -> Vec<(u64, u64)> {
        self.out
    }
}
