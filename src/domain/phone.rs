//! Phone number validity: the rule of `phonenumber::is_valid` (the number's region is known
//! and one of its number types' patterns matches), over phonenumber's metadata, with the
//! patterns compiled and held here.
//!
//! phonenumber looks each pattern up in one global least-recently-used cache keyed by the
//! pattern's text, under a mutex held for the whole match: a German mobile number tries up to
//! eleven patterns (the general one, then premium rate, toll free, ... fixed line, mobile), each
//! costing a lock, two SipHashes of a pattern of ~200 characters and a compare of it. A profile
//! of a 1M-row import had 5% of all CPU in `is_valid`, on the thread that reads the file. Here
//! a pattern is found by its address in the static metadata (a hash of two words), readers
//! share the lock, and the most common types are tried first (the answer does not depend on
//! the order: a number is valid when any type matches).

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use phonenumber::metadata::{Descriptor, Descriptors, Metadata, DATABASE};
use phonenumber::PhoneNumber;
use regex::{Regex, RegexBuilder};

/// Compiled patterns at most; the whole set is dropped when full (every region with every type
/// is ~3,000 patterns, an address book of one or a few countries uses a few dozen).
const MAX_COMPILED: usize = 512;

/// Keyed by the pattern's (address, length) in the metadata, which lives as long as the process.
static COMPILED: LazyLock<RwLock<HashMap<(usize, usize), Regex>>> = LazyLock::new(Default::default);

/// Whether `pattern` matches at the start of `value`: phonenumber's test (`find`, then a match
/// that starts at 0), as one anchored search.
fn matches_at_start(pattern: &str, value: &str) -> bool {
    let key = (pattern.as_ptr() as usize, pattern.len());
    if let Some(re) = COMPILED.read().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return re.is_match(value);
    }
    // phonenumber builds its patterns with whitespace ignored; the closing parenthesis goes on
    // a line of its own so that no comment in a pattern could swallow it.
    let Ok(re) = RegexBuilder::new(&format!("^(?:{pattern}\n)")).ignore_whitespace(true).build() else {
        return false;
    };
    let found = re.is_match(value);
    let mut map = COMPILED.write().unwrap_or_else(|p| p.into_inner());
    if map.len() >= MAX_COMPILED {
        map.clear();
    }
    map.insert(key, re);
    found
}

/// `Descriptor::is_match`: a possible length, then the national number pattern.
fn describes(d: &Descriptor, national: &str) -> bool {
    let lengths = d.possible_length();
    (lengths.is_empty() || lengths.contains(&(national.len() as u16)))
        && matches_at_start(d.national_number().as_str(), national)
}

/// The number types phonenumber's `number_type` tells apart, the most common first.
fn number_types(d: &Descriptors) -> impl Iterator<Item = &Descriptor> {
    [
        d.mobile(),
        d.fixed_line(),
        d.toll_free(),
        d.premium_rate(),
        d.shared_cost(),
        d.voip(),
        d.personal_number(),
        d.pager(),
        d.uan(),
        d.voicemail(),
    ]
    .into_iter()
    .flatten()
}

/// phonenumber's `number_type(meta, national) != Type::Unknown`.
fn has_a_type(meta: &Metadata, national: &str) -> bool {
    let d = meta.descriptors();
    describes(d.general(), national) && number_types(d).any(|t| describes(t, national))
}

/// phonenumber's `source_for`: the metadata of the number's region. A country code of one
/// region names it; of several (+1, +7, +39, ...), the first region whose leading digits (or,
/// without those, whose number types) fit the national number.
fn region_metadata(code: u16, national: &str) -> Option<&'static Metadata> {
    let regions = DATABASE.region(&code)?;
    if let [only] = regions.as_slice() {
        return if *only == "001" {
            DATABASE.by_code(&code)?.into_iter().next()
        } else {
            only.parse::<phonenumber::country::Id>().ok()?;
            DATABASE.by_id(*only)
        };
    }
    regions.into_iter().filter_map(|r| DATABASE.by_id(r)).find(|meta| match meta.leading_digits() {
        Some(digits) => matches_at_start(digits.as_str(), national),
        None => has_a_type(meta, national),
    })
}

/// `phonenumber::is_valid`, the same answer for every number.
pub fn is_valid(number: &PhoneNumber) -> bool {
    let national = number.national().to_string();
    region_metadata(number.code().value(), &national).is_some_and(|meta| has_a_type(meta, &national))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example number in phonenumber's metadata (each region, each type), and variants of
    /// each that are often invalid (a digit fewer, a digit more, another first digit): this
    /// module answers as `phonenumber::is_valid` does.
    #[test]
    fn agrees_with_phonenumber_on_every_example_and_its_variants() {
        let (mut valid, mut invalid) = (0, 0);
        for meta in DATABASE.iter() {
            let code = meta.country_code();
            let d = meta.descriptors();
            let examples =
                std::iter::once(d.general()).chain(number_types(d)).filter_map(|x| x.example().map(str::to_string));
            for example in examples {
                let mut variants = vec![example.clone(), format!("{example}7")];
                if example.len() > 1 {
                    variants.push(example[..example.len() - 1].to_string());
                }
                for first in ['0', '1', '5', '9'] {
                    variants.push(format!("{first}{}", &example[1..]));
                }
                for v in variants {
                    let Ok(number) = phonenumber::parse(None, format!("+{code}{v}")) else { continue };
                    let theirs = phonenumber::is_valid(&number);
                    assert_eq!(is_valid(&number), theirs, "+{code} {v} ({})", meta.id());
                    if theirs {
                        valid += 1;
                    } else {
                        invalid += 1;
                    }
                }
            }
        }
        assert!(valid > 1000 && invalid > 1000, "{valid} valid, {invalid} invalid");
    }
}
