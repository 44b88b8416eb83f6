//! Version 3: the email index moves from one record per address (`contact_email`, keyed by the
//! address's 32-byte keyed hash) to buckets of entries (`contact_email_buckets`, the contacts'
//! `email_index`), keyed by the hash's first 18 bits and holding its first 16 bytes: sled holds
//! a page-table entry in memory for every page of the tree, and the old layout had four times
//! the pages.
//!
//! Only the stored hashes move (the keyed hash is not recomputed, so no key is needed). Each
//! entry is added to its bucket before the old tree is dropped; a second run after a crash adds
//! the same entries again, which changes nothing.

use super::{Inputs, Migration};

pub const MIGRATION: Migration = Migration { version: 3, name: "email index in buckets", up };

const OLD: &str = "contact_email";
const NEW: &str = "contact_email_buckets";

// The bucket layout as version 3 writes it (the contacts' email index reads and writes the same
// bytes; the integration test `the_email_index_moves_into_buckets` holds the two together): a
// bucket's key is the hash's first 18 bits, its value the entries `hash (16 bytes) || contact id
// (16 bytes)` sorted by hash.
const HASH_LEN: usize = 16;
const ENTRY_LEN: usize = HASH_LEN + 16;
type Hash = [u8; HASH_LEN];

fn bucket_key(h: &Hash) -> [u8; 3] {
    [h[0], h[1], h[2] & 0xC0]
}

/// The bucket with `h` naming `id` (added, or replacing what it named).
fn with(bucket: &[u8], h: &Hash, id: &[u8]) -> Vec<u8> {
    let n = bucket.len() / ENTRY_LEN;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match bucket[mid * ENTRY_LEN..mid * ENTRY_LEN + HASH_LEN].cmp(h.as_slice()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                return [&bucket[..mid * ENTRY_LEN + HASH_LEN], id, &bucket[(mid + 1) * ENTRY_LEN..]].concat()
            }
        }
    }
    [&bucket[..lo * ENTRY_LEN], h.as_slice(), id, &bucket[lo * ENTRY_LEN..]].concat()
}

fn up(db: &sled::Db, _: &Inputs) -> Result<(), String> {
    let err = |e: sled::Error| e.to_string();
    if !db.tree_names().iter().any(|n| n.as_ref() == OLD.as_bytes()) {
        return Ok(());
    }
    let old = db.open_tree(OLD).map_err(err)?;
    let new = db.open_tree(NEW).map_err(err)?;
    let mut moved = 0u64;
    for item in old.iter() {
        let (key, id) = item.map_err(err)?;
        if key.len() < HASH_LEN || id.len() != 16 {
            continue;
        }
        let h: Hash = key[..HASH_LEN].try_into().map_err(|_| "short key".to_string())?;
        new.fetch_and_update(bucket_key(&h), |b| Some(with(b.unwrap_or_default(), &h, &id))).map_err(err)?;
        moved += 1;
    }
    new.flush().map_err(err)?;
    db.drop_tree(OLD).map_err(err)?;
    tracing::info!(moved, "email index moved into buckets");
    Ok(())
}
