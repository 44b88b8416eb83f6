//! Version 14: send-time optimisation (`crate::sendtime`) is profiling too: it works out at
//! which hours of the week a person is usually active, to deliver a campaign or journey email
//! then. The shipped description of the `profiling` purpose (version 13) spoke of the lead score
//! only, so it now names both. A purpose whose description the shop edited keeps the shop's
//! words.

use super::v011_profiling_purpose::Purpose;
use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 14, name: "profiling describes send-time optimisation", up };

const PURPOSES: &str = "purposes";
const KEY: &str = "profiling";

/// Version 13's shipped description.
pub(crate) const BEFORE: &str = super::v013_profiling_description::AFTER;
/// The description from version 14 on (`domain::consent::default_purposes` ships the same).
pub(crate) const AFTER: &str = "Working out from a person's email opens and clicks, website visits, orders and profile how interested they are in our offers (a lead score), to choose what to send them, and at which hours of the week they are usually active, to deliver a campaign or automated email at such an hour when we choose to. Both are computed when needed, never stored; they count only the opens, clicks and visits that the engagement and tracking settings allowed to be measured for that person.";

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
    fn the_shipped_description_names_send_time_and_an_edited_one_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let inputs = Inputs { message_seed: |_| None };
        up(&db, &inputs).unwrap();
        let (seed, _) = crate::domain::consent::default_purposes().into_iter().find(|(p, _)| p.key == KEY).unwrap();
        assert_eq!(seed.description, AFTER, "a new store ships what the migration writes");
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
