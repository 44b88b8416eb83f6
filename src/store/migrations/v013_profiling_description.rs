//! Version 13: the shipped description of the `profiling` purpose (version 11) said that
//! measurement only counts "where its own consent is given". That holds only when the shop asks
//! for consent before measuring; under the "unless withdrawn" policy a score also counts opens
//! and visits of a person who never answered. The score counts exactly what measurement was
//! allowed to record (`tracking::person_allowed`), so the description now says that. A purpose
//! whose description the shop edited keeps the shop's words.

use super::v011_profiling_purpose::Purpose;
use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 13, name: "profiling description", up };

const PURPOSES: &str = "purposes";
const KEY: &str = "profiling";

/// Version 11's shipped description.
pub(crate) const BEFORE: &str = "Working out from a person's email opens and clicks, website visits, orders and profile how interested they are in our offers (a lead score), to choose what to send them. The score is computed when needed, never stored; measurement only counts where its own consent is given.";
/// The description from version 13 on (`domain::consent::default_purposes` ships the same).
pub(crate) const AFTER: &str = "Working out from a person's email opens and clicks, website visits, orders and profile how interested they are in our offers (a lead score), to choose what to send them. The score is computed when needed, never stored; it counts only the opens, clicks and visits that the engagement and tracking settings allowed to be measured for that person.";

fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let err = |e: sled::Error| e.to_string();
    let purposes = db.open_tree(PURPOSES).map_err(err)?;
    let Some(v) = purposes.get(KEY).map_err(err)? else { return Ok(()) };
    let mut p: Purpose = postcard::from_bytes(&v).map_err(|e| format!("purpose {KEY}: {e}"))?;
    if p.description != BEFORE {
        return Ok(());
    }
    p.description = AFTER.into();
    purposes.insert(KEY, postcard::to_allocvec(&p).map_err(|e| e.to_string())?).map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_description_is_corrected_and_an_edited_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let inputs = Inputs { message_seed: |_| None };
        up(&db, &inputs).unwrap();
        let (mut seed, _) = crate::domain::consent::default_purposes().into_iter().find(|(p, _)| p.key == KEY).unwrap();
        // A new store ships what the migrations after this one write.
        assert_eq!(seed.description, super::super::v014_profiling_send_time::AFTER);
        seed.description = AFTER.into();
        let purposes = db.open_tree(PURPOSES).unwrap();
        let mut old = seed.clone();
        old.description = BEFORE.into();
        purposes.insert(KEY, postcard::to_allocvec(&old).unwrap()).unwrap();
        up(&db, &inputs).unwrap();
        let read: crate::domain::Purpose = postcard::from_bytes(&purposes.get(KEY).unwrap().unwrap()).unwrap();
        assert_eq!(read, seed, "only the description changed");
        let mut edited = seed.clone();
        edited.description = "Our own words.".into();
        purposes.insert(KEY, postcard::to_allocvec(&edited).unwrap()).unwrap();
        up(&db, &inputs).unwrap();
        let read: crate::domain::Purpose = postcard::from_bytes(&purposes.get(KEY).unwrap().unwrap()).unwrap();
        assert_eq!(read.description, "Our own words.");
    }
}
