//! Send-time optimisation, the rule: when within a window a message should reach a person,
//! from the hours of the week they were seen active in and the shop's pattern. Pure: the
//! signals are counted by `crate::sendtime`, which reads them from the stored events.
//!
//! A histogram has 168 buckets, one per hour of the week in a time zone (Monday 00–01 is 0,
//! Sunday 23–24 is 167), each event counted at its own local hour (a person who clicks at 18:00
//! does so in summer and in winter alike; in UTC their habit would move by an hour at each
//! change of the clocks).
//!
//! Choosing: the contact's counts plus [`PSEUDO_COUNTS`] times the shop's pattern (normalised
//! to sum to 1) as prior counts, and the candidate with the highest total wins (the earliest on
//! a tie). The candidates are the window's start and every local full hour after it up to its
//! end. Fewer than [`MIN_SIGNALS`] signals: the shop's peak within the window; no shop data
//! either: the window's start. A person who objected to profiling gets the window's start.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use chrono_tz::Tz;

/// Hours in a week: the buckets of a histogram.
pub const HOURS: usize = 168;
/// The weight of the shop's pattern, in signals: with 3 signals of their own a contact's
/// histogram outweighs the shop's everywhere they were seen.
pub const PSEUDO_COUNTS: f64 = 2.0;
/// Signals a contact needs before their own hours count.
pub const MIN_SIGNALS: u32 = 3;
/// The longest window a marketer may choose, in hours.
pub const MAX_WINDOW_HOURS: u32 = 72;

/// Counts per local hour of the week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram(pub [u32; HOURS]);

impl Default for Histogram {
    fn default() -> Self {
        Self([0; HOURS])
    }
}

impl Histogram {
    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }

    /// Counts one signal at `at`, in its local hour of the week in `zone`.
    pub fn count(&mut self, at: DateTime<Utc>, zone: Tz) {
        let b = bucket(at, zone);
        self.0[b] = self.0[b].saturating_add(1);
    }
}

/// The local hour of the week of `at` in `zone` (Monday 00–01 is 0).
pub fn bucket(at: DateTime<Utc>, zone: Tz) -> usize {
    let local = at.with_timezone(&zone);
    local.weekday().num_days_from_monday() as usize * 24 + local.hour() as usize
}

/// What a choice was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The contact's own hours (with this many signals), smoothed toward the shop's.
    Learned { signals: u32 },
    /// Too few signals of their own (this many): the shop's peak within the window.
    ShopPeak { signals: u32 },
    /// Neither they nor the shop have signals: the window's start.
    NoData,
    /// They objected to profiling (GDPR Art. 21): the window's start, nothing read.
    Objected,
}

impl Basis {
    /// A stable code for the API and the records.
    pub fn code(&self) -> &'static str {
        match self {
            Basis::Learned { .. } => "learned",
            Basis::ShopPeak { .. } => "shop_peak",
            Basis::NoData => "no_data",
            Basis::Objected => "objected",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// When the message should go (within the window).
    pub at: DateTime<Utc>,
    pub basis: Basis,
}

/// The moment within `[start, start + hours]` to deliver at. `contact` is None when the person
/// objected to profiling; `zone` is theirs (the shop's when they have none), in which both
/// histograms are counted.
pub fn choose(contact: Option<&Histogram>, shop: &Histogram, start: DateTime<Utc>, hours: u32, zone: Tz) -> Choice {
    let Some(contact) = contact else { return Choice { at: start, basis: Basis::Objected } };
    let signals = contact.total();
    let shop_total = shop.total();
    let score: Box<dyn Fn(usize) -> f64> = if signals >= MIN_SIGNALS {
        let prior = if shop_total == 0 { 0.0 } else { PSEUDO_COUNTS / f64::from(shop_total) };
        Box::new(move |b| f64::from(contact.0[b]) + prior * f64::from(shop.0[b]))
    } else if shop_total > 0 {
        Box::new(|b| f64::from(shop.0[b]))
    } else {
        return Choice { at: start, basis: Basis::NoData };
    };
    let mut best = (start, score(bucket(start, zone)));
    for t in candidates(start, hours, zone).skip(1) {
        let s = score(bucket(t, zone));
        if s > best.1 {
            best = (t, s);
        }
    }
    let basis = if signals >= MIN_SIGNALS { Basis::Learned { signals } } else { Basis::ShopPeak { signals } };
    Choice { at: best.0, basis }
}

/// The window's start, then every local full hour after it up to `start + hours` (the DST
/// changes of `zone` included: a local hour that does not exist is not a candidate, one that
/// happens twice is two).
pub fn candidates(start: DateTime<Utc>, hours: u32, zone: Tz) -> impl Iterator<Item = DateTime<Utc>> {
    let end = start + Duration::hours(i64::from(hours.min(MAX_WINDOW_HOURS)));
    let mut next = Some(start);
    std::iter::from_fn(move || {
        let t = next?;
        next = next_local_hour(t, zone).filter(|n| *n <= end);
        Some(t)
    })
}

/// The first instant after `t` at which a local hour of `zone` begins. Offsets are multiples of
/// 15 minutes, so it is one of the next four quarter hours after the current one.
fn next_local_hour(t: DateTime<Utc>, zone: Tz) -> Option<DateTime<Utc>> {
    let secs = t.timestamp();
    let quarter = secs.div_euclid(900) * 900;
    (1..=4).map(|k| quarter + k * 900).filter_map(|s| DateTime::from_timestamp(s, 0)).find(|c| {
        let l = c.with_timezone(&zone);
        l.minute() == 0 && l.second() == 0
    })
}

/// A contact's habit in words' parts: the days and hours most of their signals fall in, in
/// their zone ("Tue–Thu 18–20 h, 7 of 9").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Habit {
    /// First and last day (0 = Monday), inclusive.
    pub days: (usize, usize),
    /// First hour, and the hour the span ends at (exclusive; 24 for midnight).
    pub hours: (usize, usize),
    /// Signals within those days and hours, and in all.
    pub within: u32,
    pub total: u32,
}

/// Where most of a histogram lies: the busiest hour of the day, widened to its neighbours that
/// have at least half as many (three hours at most), and the run of days around the busiest
/// day with a signal in those hours. None for an empty histogram.
pub fn habit(h: &Histogram) -> Option<Habit> {
    let total = h.total();
    if total == 0 {
        return None;
    }
    let per_hour: Vec<u32> = (0..24).map(|hr| (0..7).map(|d| h.0[d * 24 + hr]).sum()).collect();
    let peak = (0..24).max_by_key(|&hr| (per_hour[hr], std::cmp::Reverse(hr)))?;
    let (mut a, mut b) = (peak, peak + 1);
    while b - a < 3 {
        let left = (a > 0).then(|| per_hour[a - 1]).filter(|n| *n * 2 >= per_hour[peak] && *n > 0);
        let right = (b < 24).then(|| per_hour[b]).filter(|n| *n * 2 >= per_hour[peak] && *n > 0);
        match (left, right) {
            (Some(l), Some(r)) if l >= r => a -= 1,
            (_, Some(_)) => b += 1,
            (Some(_), None) => a -= 1,
            (None, None) => break,
        }
    }
    let per_day: Vec<u32> = (0..7).map(|d| (a..b).map(|hr| h.0[d * 24 + hr]).sum()).collect();
    let top = (0..7).max_by_key(|&d| (per_day[d], std::cmp::Reverse(d)))?;
    let (mut first, mut last) = (top, top);
    while first > 0 && per_day[first - 1] > 0 {
        first -= 1;
    }
    while last < 6 && per_day[last + 1] > 0 {
        last += 1;
    }
    let within = per_day[first..=last].iter().sum();
    Some(Habit { days: (first, last), hours: (a, b), within, total })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn at_local(h: &mut Histogram, zone: Tz, y: i32, m: u32, d: u32, hour: u32, n: u32) {
        let t = zone.with_ymd_and_hms(y, m, d, hour, 10, 0).single().unwrap().with_timezone(&Utc);
        for _ in 0..n {
            h.count(t, zone);
        }
    }

    const BERLIN: Tz = chrono_tz::Europe::Berlin;
    const NEW_YORK: Tz = chrono_tz::America::New_York;

    #[test]
    fn a_habit_learned_in_winter_is_kept_in_summer_across_the_spring_change() {
        // Clicks on Mondays at 18 h Berlin time, all in winter (UTC+1).
        let mut h = Histogram::default();
        at_local(&mut h, BERLIN, 2026, 1, 12, 18, 2);
        at_local(&mut h, BERLIN, 2026, 2, 9, 18, 2);
        // The window opens Sunday 29 March 2026 at 00:30 Berlin, the night the clocks go
        // forward at 02:00: Monday 18 h local is then 16:00 UTC (UTC+2), not 17:00.
        let start = utc("2026-03-28T23:30:00Z");
        let c = choose(Some(&h), &Histogram::default(), start, 48, BERLIN);
        assert_eq!(c.basis, Basis::Learned { signals: 4 });
        assert_eq!(c.at, utc("2026-03-30T16:00:00Z"));
        assert_eq!(c.at.with_timezone(&BERLIN).hour(), 18);
    }

    #[test]
    fn the_hour_skipped_by_the_spring_change_is_no_candidate_and_the_repeated_one_is_two() {
        let spring: Vec<_> = candidates(utc("2026-03-29T00:00:00Z"), 2, BERLIN).collect();
        // 01:00 CET, then 03:00 CEST (02:00 does not exist), 04:00 CEST.
        assert_eq!(spring, vec![utc("2026-03-29T00:00:00Z"), utc("2026-03-29T01:00:00Z"), utc("2026-03-29T02:00:00Z")]);
        let hours: Vec<u32> = spring.iter().map(|t| t.with_timezone(&BERLIN).hour()).collect();
        assert_eq!(hours, vec![1, 3, 4]);
        let autumn: Vec<u32> =
            candidates(utc("2026-10-25T00:00:00Z"), 2, BERLIN).map(|t| t.with_timezone(&BERLIN).hour()).collect();
        // 02:00 CEST, 02:00 CET (the hour happens twice), 03:00 CET.
        assert_eq!(autumn, vec![2, 2, 3]);
    }

    #[test]
    fn new_york_across_its_autumn_change() {
        // Orders on Tuesdays at 9 h New York time, in summer (UTC-4).
        let mut h = Histogram::default();
        at_local(&mut h, NEW_YORK, 2026, 7, 7, 9, 3);
        at_local(&mut h, NEW_YORK, 2026, 7, 14, 9, 1);
        // The clocks go back on Sunday 1 November 2026; Tuesday 3 November 9 h is 14:00 UTC.
        let start = utc("2026-11-01T12:00:00Z");
        let c = choose(Some(&h), &Histogram::default(), start, 72, NEW_YORK);
        assert_eq!(c.at, utc("2026-11-03T14:00:00Z"));
        // The same habit read in UTC would have said 13:00 UTC: an hour early in winter.
        assert_eq!(c.at.with_timezone(&NEW_YORK).hour(), 9);
    }

    #[test]
    fn too_few_signals_take_the_shops_peak_and_no_data_takes_the_start() {
        let mut shop = Histogram::default();
        at_local(&mut shop, BERLIN, 2026, 6, 2, 10, 50); // Tuesday 10 h
        at_local(&mut shop, BERLIN, 2026, 6, 3, 20, 30); // Wednesday 20 h
        let mut few = Histogram::default();
        at_local(&mut few, BERLIN, 2026, 6, 3, 7, 2);
        let start = utc("2026-06-08T22:00:00Z"); // Tuesday 00:00 Berlin
        let c = choose(Some(&few), &shop, start, 48, BERLIN);
        assert_eq!(c.basis, Basis::ShopPeak { signals: 2 });
        assert_eq!(c.at.with_timezone(&BERLIN).to_rfc3339(), "2026-06-09T10:00:00+02:00");
        // A window that misses Tuesday 10 h takes the best the window has.
        let later = utc("2026-06-09T12:00:00Z");
        let c = choose(Some(&few), &shop, later, 36, BERLIN);
        assert_eq!(c.at.with_timezone(&BERLIN).to_rfc3339(), "2026-06-10T20:00:00+02:00");
        let c = choose(Some(&few), &Histogram::default(), start, 48, BERLIN);
        assert_eq!(c, Choice { at: start, basis: Basis::NoData });
    }

    #[test]
    fn an_objection_takes_the_start_whatever_the_signals() {
        let mut shop = Histogram::default();
        at_local(&mut shop, BERLIN, 2026, 6, 2, 10, 50);
        let start = utc("2026-06-08T22:00:00Z");
        assert_eq!(choose(None, &shop, start, 48, BERLIN), Choice { at: start, basis: Basis::Objected });
    }

    #[test]
    fn the_shops_pattern_breaks_ties_and_the_contacts_own_hours_outweigh_it() {
        let mut shop = Histogram::default();
        at_local(&mut shop, BERLIN, 2026, 6, 2, 10, 1000);
        let mut own = Histogram::default();
        at_local(&mut own, BERLIN, 2026, 6, 3, 19, 3);
        let start = utc("2026-06-08T22:00:00Z");
        let c = choose(Some(&own), &shop, start, 72, BERLIN);
        // 3 of their own beat the shop's 2 pseudo-counts.
        assert_eq!(c.at.with_timezone(&BERLIN).to_rfc3339(), "2026-06-10T19:00:00+02:00");
        // Equal own counts at two hours: the shop's pattern decides.
        at_local(&mut own, BERLIN, 2026, 6, 2, 10, 3);
        let c = choose(Some(&own), &shop, start, 72, BERLIN);
        assert_eq!(c.at.with_timezone(&BERLIN).to_rfc3339(), "2026-06-09T10:00:00+02:00");
    }

    #[test]
    fn the_current_hour_is_the_start_itself() {
        let mut own = Histogram::default();
        at_local(&mut own, BERLIN, 2026, 6, 2, 10, 5);
        let start = utc("2026-06-09T08:25:00Z"); // Tuesday 10:25 Berlin
        let c = choose(Some(&own), &Histogram::default(), start, 24, BERLIN);
        assert_eq!(c.at, start);
    }

    #[test]
    fn a_habit_in_words() {
        let mut h = Histogram::default();
        at_local(&mut h, BERLIN, 2026, 6, 2, 18, 2); // Tue
        at_local(&mut h, BERLIN, 2026, 6, 3, 19, 3); // Wed
        at_local(&mut h, BERLIN, 2026, 6, 4, 18, 2); // Thu
        at_local(&mut h, BERLIN, 2026, 6, 6, 8, 2); // Sat morning
        let got = habit(&h).unwrap();
        assert_eq!(got, Habit { days: (1, 3), hours: (18, 20), within: 7, total: 9 });
        assert_eq!(habit(&Histogram::default()), None);
    }
}
