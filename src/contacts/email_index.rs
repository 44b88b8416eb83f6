//! Which contact holds an email address: a keyed hash of the address (never the address), in
//! buckets.
//!
//! A bucket's key is the first [`BUCKET_BITS`] bits of the hash; its value is the entries
//! `hash (16 bytes) || contact id (16 bytes)` whose hashes begin so, sorted by hash. One sled
//! record per address made this tree the largest in pages: sled keeps a page-table entry of
//! a few hundred bytes in memory for every page of at most 16 records, whether or not the page
//! is cached, and a random address touches a random page. With 2^18 buckets a million addresses
//! hold about four entries per bucket, so the tree has about a quarter of the pages: sled opened
//! the store of a 1M-row import with 47 MB resident instead of 77, and the import peaked 20-30
//! MB lower. Ten million addresses would hold ~38 per bucket (1.2 KB values), still one write
//! per claim.
//!
//! Every change is a compare-and-swap of one bucket, retried when another writer changed it
//! first, so claims stay atomic per address as they were with one record each.

use crate::domain::{ContactId, EmailAddress};
use crate::store::{Result, Store};

/// How many leading bits of the hash name the bucket (the key's last byte keeps its top two).
pub const BUCKET_BITS: u32 = 18;
pub const HASH_LEN: usize = 16;
const ENTRY_LEN: usize = HASH_LEN + 16;

pub type Hash = [u8; HASH_LEN];

/// The keyed hash of a normalised address (the first half of the HMAC: 128 bits leave no room
/// for two addresses to meet).
pub fn hash(store: &Store, email: &EmailAddress) -> Hash {
    let full = store.keyring().lookup_hash("contact-email", email.as_str().as_bytes());
    let mut h = [0u8; HASH_LEN];
    h.copy_from_slice(&full[..HASH_LEN]);
    h
}

pub fn bucket_key(h: &Hash) -> [u8; 3] {
    const _: () = assert!(BUCKET_BITS == 18, "bucket_key keeps 8 + 8 + 2 bits");
    [h[0], h[1], h[2] & 0xC0]
}

/// Where `h` is in a bucket: `Ok(entry index)` or `Err(where it would go)`.
fn position(bucket: &[u8], h: &Hash) -> std::result::Result<usize, usize> {
    let n = bucket.len() / ENTRY_LEN;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match bucket[mid * ENTRY_LEN..mid * ENTRY_LEN + HASH_LEN].cmp(h.as_slice()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

/// The contact a bucket names for `h`.
fn lookup(bucket: &[u8], h: &Hash) -> Option<ContactId> {
    let i = position(bucket, h).ok()?;
    ContactId::from_slice(&bucket[i * ENTRY_LEN + HASH_LEN..(i + 1) * ENTRY_LEN])
}

/// The bucket with `h` naming `id` (added, or replacing what it named).
pub fn with(bucket: &[u8], h: &Hash, id: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bucket.len() + ENTRY_LEN);
    match position(bucket, h) {
        Ok(i) => {
            out.extend_from_slice(&bucket[..i * ENTRY_LEN + HASH_LEN]);
            out.extend_from_slice(id);
            out.extend_from_slice(&bucket[(i + 1) * ENTRY_LEN..]);
        }
        Err(i) => {
            out.extend_from_slice(&bucket[..i * ENTRY_LEN]);
            out.extend_from_slice(h);
            out.extend_from_slice(id);
            out.extend_from_slice(&bucket[i * ENTRY_LEN..]);
        }
    }
    out
}

/// The bucket without `h` (the same bytes when it has no entry for `h`).
fn without(bucket: &[u8], h: &Hash) -> Vec<u8> {
    match position(bucket, h) {
        Ok(i) => [&bucket[..i * ENTRY_LEN], &bucket[(i + 1) * ENTRY_LEN..]].concat(),
        Err(_) => bucket.to_vec(),
    }
}

#[derive(Clone)]
pub struct EmailIndex {
    store: Store,
    tree: sled::Tree,
}

impl EmailIndex {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { store: store.clone(), tree: store.tree(super::BY_EMAIL)? })
    }

    /// The contact the address is claimed for (its record may be missing after a crash between
    /// the claim and the write: callers check).
    pub fn holder(&self, email: &EmailAddress) -> Result<Option<ContactId>> {
        let h = hash(&self.store, email);
        Ok(self.tree.get(bucket_key(&h))?.and_then(|b| lookup(&b, &h)))
    }

    /// Claims the address for `id` when no one holds it (one read and one compare-and-swap);
    /// otherwise returns the holder and changes nothing.
    pub fn claim_if_free(&self, email: &EmailAddress, id: &ContactId) -> Result<Option<ContactId>> {
        let h = hash(&self.store, email);
        self.update(&h, |bucket| {
            Ok(match lookup(bucket, &h) {
                Some(holder) => Err(holder),
                None => Ok(Some(with(bucket, &h, id.as_bytes()))),
            })
        })
        .map(|r| r.err())
    }

    /// Claims the address for `id` unless `live` says its holder (another contact) still has
    /// it; returns that holder then.
    pub fn claim(
        &self,
        email: &EmailAddress,
        id: &ContactId,
        live: impl Fn(&ContactId) -> Result<bool>,
    ) -> Result<std::result::Result<(), ContactId>> {
        let h = hash(&self.store, email);
        self.update(&h, |bucket| {
            Ok(match lookup(bucket, &h) {
                Some(holder) if &holder == id => Ok(None),
                Some(holder) if live(&holder)? => Err(holder),
                _ => Ok(Some(with(bucket, &h, id.as_bytes()))),
            })
        })
    }

    /// Drops the address's claim when it is `id`'s. Returns whether it was.
    pub fn release(&self, email: &EmailAddress, id: &ContactId) -> Result<bool> {
        let h = hash(&self.store, email);
        self.update(&h, |bucket| {
            Ok(match lookup(bucket, &h) {
                Some(holder) if &holder == id => Ok(Some(without(bucket, &h))),
                _ => Err(()),
            })
        })
        .map(|r| r.is_ok())
    }

    /// Applies `change` to the bucket of `h` until the compare-and-swap holds (every claim and
    /// release goes through here). `change` returns the new bucket (`Ok(None)` leaves it alone)
    /// or an answer that ends the attempt unchanged; it is called again after a lost race.
    fn update<E>(
        &self,
        h: &Hash,
        change: impl Fn(&[u8]) -> Result<std::result::Result<Option<Vec<u8>>, E>>,
    ) -> Result<std::result::Result<(), E>> {
        let mut current = self.tree.get(bucket_key(h))?;
        loop {
            let new = match change(current.as_deref().unwrap_or_default())? {
                Ok(Some(new)) => new,
                Ok(None) => return Ok(Ok(())),
                Err(e) => return Ok(Err(e)),
            };
            // An empty bucket is removed.
            let new = (!new.is_empty()).then_some(new);
            let _gate = self.store.write_gate();
            match self.tree.compare_and_swap(bucket_key(h), current, new)? {
                Ok(()) => return Ok(Ok(())),
                Err(race) => current = race.current,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(first: u8, last: u8) -> Hash {
        let mut h = [0u8; HASH_LEN];
        h[0] = first;
        h[15] = last;
        h
    }

    #[test]
    fn a_bucket_keeps_its_entries_sorted_and_replaces_in_place() {
        let (a, b, c) = (ContactId::new(), ContactId::new(), ContactId::new());
        let mut bucket = Vec::new();
        for (hash, id) in [(h(1, 9), &a), (h(1, 3), &b), (h(1, 5), &c)] {
            bucket = with(&bucket, &hash, id.as_bytes());
        }
        assert_eq!(bucket.len(), 3 * ENTRY_LEN);
        let hashes: Vec<u8> = bucket.chunks(ENTRY_LEN).map(|e| e[15]).collect();
        assert_eq!(hashes, [3, 5, 9]);
        assert_eq!(lookup(&bucket, &h(1, 9)), Some(a));
        assert_eq!(lookup(&bucket, &h(1, 4)), None);

        bucket = with(&bucket, &h(1, 5), a.as_bytes());
        assert_eq!(bucket.len(), 3 * ENTRY_LEN, "a second claim of one hash replaces the first");
        assert_eq!(lookup(&bucket, &h(1, 5)), Some(a));

        bucket = without(&bucket, &h(1, 3));
        assert_eq!(lookup(&bucket, &h(1, 3)), None);
        assert_eq!(lookup(&bucket, &h(1, 9)), Some(a));
        assert_eq!(without(&bucket, &h(1, 4)), bucket);
    }

    #[test]
    fn the_bucket_is_the_hash_first_eighteen_bits() {
        let mut x = h(0xAB, 1);
        x[1] = 0xCD;
        x[2] = 0xFF;
        assert_eq!(bucket_key(&x), [0xAB, 0xCD, 0xC0]);
        x[2] = 0x3F;
        assert_eq!(bucket_key(&x), [0xAB, 0xCD, 0x00]);
    }
}
