//! Cron expressions from the config. Operators write 5-field Unix cron (`30 3 * * *`); the `cron`
//! crate wants seconds first and counts day-of-week from 1 = Sunday. Both forms are accepted:
//! 5 fields are converted, 6 or 7 are taken as the crate reads them.

use std::str::FromStr;

use cron::Schedule;

pub fn parse(expr: &str) -> Result<Schedule, String> {
    let fields: Vec<&str> = expr.split_whitespace().collect();
    let converted = match fields.len() {
        5 => {
            let dow = convert_dow(fields[4])?;
            format!("0 {} {} {} {} {}", fields[0], fields[1], fields[2], fields[3], dow)
        }
        6 | 7 => fields.join(" "),
        n => {
            return Err(format!(
                "`{expr}` has {n} fields; expected 5 (minute hour day month weekday) or 6-7 (with seconds first)"
            ))
        }
    };
    Schedule::from_str(&converted).map_err(|e| format!("`{expr}` is not a valid cron expression: {e}"))
}

/// Unix day-of-week (0 or 7 = Sunday, 1 = Monday) to the crate's (1 = Sunday). Names pass
/// through; numeric ranges are expanded because a Unix range like `5-7` wraps in the crate's
/// numbering.
fn convert_dow(field: &str) -> Result<String, String> {
    if field == "*" || field == "?" {
        return Ok(field.to_string());
    }
    let mut days: Vec<String> = Vec::new();
    for part in field.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => (r, s.parse::<u32>().map_err(|_| format!("bad step in weekday `{part}`"))?),
            None => (part, 1),
        };
        if step == 0 {
            return Err(format!("bad step in weekday `{part}`"));
        }
        let numeric = |s: &str| s.parse::<u32>().ok();
        let bounds = if range == "*" {
            Some((0, 6))
        } else if let Some((a, b)) = range.split_once('-') {
            match (numeric(a), numeric(b)) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            }
        } else {
            numeric(range).map(|n| (n, n))
        };
        match bounds {
            Some((a, b)) => {
                if a > 7 || b > 7 || a > b {
                    return Err(format!("weekday `{part}` is out of range 0-7"));
                }
                let mut d = a;
                while d <= b {
                    let crate_day = (d % 7) + 1;
                    let s = crate_day.to_string();
                    if !days.contains(&s) {
                        days.push(s);
                    }
                    d += step;
                }
            }
            // Names (MON-FRI) mean the same to both.
            None => days.push(part.to_string()),
        }
    }
    Ok(days.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, TimeZone, Timelike, Utc, Weekday};

    fn next(expr: &str) -> chrono::DateTime<Utc> {
        let after = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap(); // a Monday
        parse(expr).unwrap().after(&after).next().unwrap()
    }

    #[test]
    fn unix_five_fields_convert() {
        let t = next("30 3 * * *");
        assert_eq!((t.hour(), t.minute(), t.second()), (3, 30, 0));
        assert_eq!(next("0 9 * * 0").weekday(), Weekday::Sun);
        assert_eq!(next("0 9 * * 7").weekday(), Weekday::Sun);
        assert_eq!(next("0 9 * * 1").weekday(), Weekday::Mon);
        assert_eq!(next("0 9 * * 5-7").weekday(), Weekday::Fri);
        assert_eq!(next("0 9 * * SAT").weekday(), Weekday::Sat);
    }

    #[test]
    fn seconds_form_and_errors() {
        assert_eq!(next("15 0 0 * * *").second(), 15);
        assert!(parse("* * *").is_err());
        assert!(parse("0 25 * * *").is_err());
        assert!(parse("0 9 * * 8").is_err());
    }
}
