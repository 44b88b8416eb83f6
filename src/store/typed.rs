//! Typed views over sled trees. `SealedTree` is the only way personal data reaches disk.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{CryptoError, Keyring, Result, SecretKey, Store};
use crate::domain::PersonId;

const PERSON_LEN: usize = 16;

/// A tree whose values belong to one person each and are sealed with that person's key.
/// On disk a value is `person id (16 bytes) || sealed(postcard(T))`.
pub struct SealedTree<T> {
    store: Store,
    tree: sled::Tree,
    name: &'static str,
    /// Registered as [`super::registry::Layout::Keyed`]: records may carry their person's key.
    keyed: bool,
    _t: PhantomData<fn() -> T>,
}

impl<T> Clone for SealedTree<T> {
    fn clone(&self) -> Self {
        Self { store: self.store.clone(), tree: self.tree.clone(), name: self.name, keyed: self.keyed, _t: PhantomData }
    }
}

pub(super) fn aad(tree: &str, key: &[u8]) -> Vec<u8> {
    let mut a = Vec::with_capacity(tree.len() + 1 + key.len());
    a.extend_from_slice(tree.as_bytes());
    a.push(0);
    a.extend_from_slice(key);
    a
}

/// Marks a sealed value that carries its person's data key (sealed values begin with their
/// seal version, 1, so the two never meet).
const KEYED: u8 = 2;

/// The parts of a value written by [`SealedTree::insert_keyed`]:
/// `person || KEYED || wrapped key length (u8) || wrapped key || attached length (u32, big
/// endian) || attached || sealed value`.
pub(crate) struct Keyed<'a> {
    pub wrapped: &'a [u8],
    pub attached: &'a [u8],
    pub sealed: &'a [u8],
    /// Where the sealed value begins: a rewrite keeps everything before it.
    pub body_at: usize,
}

impl<'a> Keyed<'a> {
    pub fn parse(raw: &'a [u8]) -> Option<Self> {
        if raw.get(PERSON_LEN) != Some(&KEYED) {
            return None;
        }
        let mut at = PERSON_LEN + 1;
        let wrapped_len = usize::from(*raw.get(at)?);
        at += 1;
        let wrapped = raw.get(at..at + wrapped_len)?;
        at += wrapped_len;
        let attached_len = u32::from_be_bytes(raw.get(at..at + 4)?.try_into().ok()?) as usize;
        at += 4;
        let attached = raw.get(at..at + attached_len)?;
        at += attached_len;
        Some(Self { wrapped, attached, sealed: raw.get(at..)?, body_at: at })
    }

    /// The bytes [`Keyed::parse`] reads back (`person` is the owner's 16-byte id).
    pub fn encode(person: &[u8], wrapped: &[u8], attached: &[u8], sealed: &[u8]) -> Result<Vec<u8>> {
        let wrapped_len = u8::try_from(wrapped.len()).map_err(|_| CryptoError::Malformed)?;
        let attached_len = u32::try_from(attached.len()).map_err(|_| CryptoError::Malformed)?;
        let mut raw = Vec::with_capacity(person.len() + 6 + wrapped.len() + attached.len() + sealed.len());
        raw.extend_from_slice(person);
        raw.push(KEYED);
        raw.push(wrapped_len);
        raw.extend_from_slice(wrapped);
        raw.extend_from_slice(&attached_len.to_be_bytes());
        raw.extend_from_slice(attached);
        raw.extend_from_slice(sealed);
        Ok(raw)
    }

    /// The data key this value carries, unwrapped for its owner `person`.
    pub fn data_key(&self, keyring: &Keyring, person: &PersonId) -> Result<SecretKey, CryptoError> {
        keyring.unwrap(person.as_bytes(), self.wrapped)
    }
}

/// A stored value's owner, its data key (carried by the value, or else the store's), the
/// sealed value and the attached bytes (empty unless the value carries its key).
struct Parts<'r> {
    person: PersonId,
    dk: SecretKey,
    sealed: &'r [u8],
    attached: &'r [u8],
}

/// The person a sealed value belongs to, without opening it.
pub(super) fn owner(raw: &[u8]) -> Option<PersonId> {
    raw.get(..PERSON_LEN).and_then(PersonId::from_slice)
}

impl<T: Serialize + DeserializeOwned> SealedTree<T> {
    pub(super) fn new(store: Store, name: &'static str) -> Result<Self> {
        let tree = store.tree(name)?;
        let keyed = store.registry().lookup(name).is_some_and(|r| r.is_keyed());
        Ok(Self { store, tree, name, keyed, _t: PhantomData })
    }

    /// Writes `value` for `person` at `key`. A record that carries its person's key
    /// ([`SealedTree::insert_keyed`]) keeps that key and its attachment byte for byte.
    pub fn put(&self, person: &PersonId, key: &[u8], value: &T) -> Result<()> {
        self.write(None, person, key, value)
    }

    /// Inserts only if the key is absent; returns false when it was taken.
    pub fn insert_new(&self, person: &PersonId, key: &[u8], value: &T) -> Result<bool> {
        let raw = self.encode(person, key, value)?;
        let _gate = self.store.write_gate();
        Ok(self.tree.compare_and_swap(key, None as Option<&[u8]>, Some(raw))?.is_ok())
    }

    /// Like `put`, with the person's data key already in hand (bulk paths fetch it once per
    /// person rather than once per tree).
    pub fn put_with(&self, dk: &SecretKey, person: &PersonId, key: &[u8], value: &T) -> Result<()> {
        self.write(Some(dk), person, key, value)
    }

    /// Replaces the value at `key` with a compare-and-swap, so that a record that carries its
    /// person's key is never overwritten without it, even by a racing writer.
    fn write(&self, dk: Option<&SecretKey>, person: &PersonId, key: &[u8], value: &T) -> Result<()> {
        let fresh = || match dk {
            Some(dk) => self.encode_with(dk, person, key, value),
            None => self.encode(person, key, value),
        };
        if !self.keyed {
            let raw = fresh()?;
            let _gate = self.store.write_gate();
            self.tree.insert(key, raw)?;
            return Ok(());
        }
        loop {
            let current = self.tree.get(key)?;
            let raw = match current.as_deref().map(|c| (c, Keyed::parse(c))) {
                Some((current, Some(k))) => {
                    // The caller's key when it brought one (bulk paths), else the record's.
                    let unwrapped;
                    let dk = match dk {
                        Some(dk) => dk,
                        None => {
                            unwrapped = k.data_key(self.store.keyring(), person)?;
                            &unwrapped
                        }
                    };
                    let mut raw = current[..k.body_at].to_vec();
                    raw.extend_from_slice(&self.seal_detached(dk, key, value)?);
                    raw
                }
                _ => fresh()?,
            };
            let _gate = self.store.write_gate();
            if self.tree.compare_and_swap(key, current, Some(raw))?.is_ok() {
                return Ok(());
            }
        }
    }

    /// Adds to `writes` what [`SealedTree::put`] would write. In a tree whose records may carry
    /// their person's key, the write is guarded by the value it replaces, so that the caller's
    /// transaction fails with a conflict (rather than drop the key) when a racing writer got
    /// there first: read again and retry. Elsewhere the last write wins, as with `put`.
    pub fn stage_put(&self, writes: &mut super::Writes, person: &PersonId, key: &[u8], value: &T) -> Result<()> {
        if !self.keyed {
            writes.put(&self.tree, key, self.encode(person, key, value)?);
            return Ok(());
        }
        let current = self.tree.get(key)?;
        let raw = match current.as_deref().and_then(Keyed::parse) {
            Some(k) => {
                let dk = k.data_key(self.store.keyring(), person)?;
                let mut raw = current.as_deref().expect("parsed above")[..k.body_at].to_vec();
                raw.extend_from_slice(&self.seal_detached(&dk, key, value)?);
                raw
            }
            _ => self.encode(person, key, value)?,
        };
        writes.put_expecting(&self.tree, key, current, raw);
        Ok(())
    }

    /// Adds to `writes` a new record at `key` (the transaction fails with a conflict when the
    /// key is taken), sealed with the data key in hand.
    pub fn stage_insert_new_with(
        &self,
        writes: &mut super::Writes,
        dk: &SecretKey,
        person: &PersonId,
        key: &[u8],
        value: &T,
    ) -> Result<()> {
        let raw = self.encode_with(dk, person, key, value)?;
        writes.put_expecting(&self.tree, key, None, raw);
        Ok(())
    }

    /// Writes a new record that carries its person's data key `dk`, wrapped by the master key,
    /// and `attached` bytes (another record sealed with [`SealedTree::seal_detached`], which
    /// every later write of this record keeps as it is): one sled record where a key in
    /// `person_keys`, this record and the attached one would take three. The tree must be
    /// registered with [`super::registry::Layout::Keyed`], so that the store looks for keys
    /// in it and erasure removes it last. Returns false when the key was taken.
    pub fn insert_keyed(
        &self,
        dk: &SecretKey,
        person: &PersonId,
        key: &[u8],
        value: &T,
        attached: &[u8],
    ) -> Result<bool> {
        assert!(self.keyed, "tree `{}` is not registered as Layout::Keyed", self.name);
        let wrapped = self.store.keyring().wrap(person.as_bytes(), dk);
        let raw = Keyed::encode(person.as_bytes(), &wrapped, attached, &self.seal_detached(dk, key, value)?)?;
        let _gate = self.store.write_gate();
        Ok(self.tree.compare_and_swap(key, None as Option<&[u8]>, Some(raw))?.is_ok())
    }

    /// Writes a new record that belongs to no stored person yet (a request queued before its
    /// address is looked up), sealed with a fresh data key that the record itself carries,
    /// wrapped by the master key under a fresh person id of its own. No other record shares the
    /// key, so removing the record destroys it; the store never looks for it elsewhere, so the
    /// tree needs no [`super::registry::Layout::Keyed`]. One write, whatever the value holds.
    /// Returns false when the key was taken.
    pub fn insert_self_keyed(&self, key: &[u8], value: &T) -> Result<bool> {
        let (person, dk) = (PersonId::new(), SecretKey::random());
        let wrapped = self.store.keyring().wrap(person.as_bytes(), &dk);
        let raw = Keyed::encode(person.as_bytes(), &wrapped, &[], &self.seal_detached(&dk, key, value)?)?;
        let _gate = self.store.write_gate();
        Ok(self.tree.compare_and_swap(key, None as Option<&[u8]>, Some(raw))?.is_ok())
    }

    /// The record at `key` with its person's data key and, for a record that carries its key,
    /// the attached bytes (empty otherwise): one read where [`SealedTree::get`] and a key lookup
    /// would take two.
    pub fn get_keyed(&self, key: &[u8]) -> Result<Option<(SecretKey, T, Vec<u8>)>> {
        let Some(raw) = self.tree.get(key)? else { return Ok(None) };
        let Some(p) = self.parts(&raw)? else { return Ok(None) };
        let value = self.open_detached(&p.dk, key, p.sealed)?;
        Ok(Some((p.dk, value, p.attached.to_vec())))
    }

    /// Like [`SealedTree::get_keyed`] without opening the value: the data key and the attached
    /// bytes (the consent ledger reads its first entry so, not the whole contact).
    pub fn key_and_attached(&self, key: &[u8]) -> Result<Option<(SecretKey, Vec<u8>)>> {
        let Some(raw) = self.tree.get(key)? else { return Ok(None) };
        Ok(self.parts(&raw)?.map(|p| (p.dk, p.attached.to_vec())))
    }

    /// A stored value opened as far as its key: None when the key is gone (the person was
    /// erased, and the bytes left behind are noise).
    fn parts<'r>(&self, raw: &'r [u8]) -> Result<Option<Parts<'r>>> {
        let Some(person) = owner(raw) else { return Ok(None) };
        if let Some(k) = Keyed::parse(raw) {
            let dk = k.data_key(self.store.keyring(), &person)?;
            return Ok(Some(Parts { person, dk, sealed: k.sealed, attached: k.attached }));
        }
        Ok(self.store.existing_data_key(&person)?.map(|dk| Parts {
            person,
            dk,
            sealed: &raw[PERSON_LEN..],
            attached: &[],
        }))
    }

    /// Like [`SealedTree::scan_prefix`] for one person's records, with their data key in hand
    /// (the prefix must begin with that person's id).
    pub fn scan_prefix_with(&self, dk: &SecretKey, prefix: &[u8]) -> Result<Vec<(sled::IVec, T)>> {
        let mut out = Vec::new();
        for item in self.tree.scan_prefix(prefix) {
            let (k, v) = item?;
            if v.len() > PERSON_LEN {
                let value = self.open_detached(dk, &k, &v[PERSON_LEN..])?;
                out.push((k, value));
            }
        }
        Ok(out)
    }

    /// One person's records under `prefix` (which begins with their id), newest key first, at
    /// most `limit`: opened from the scan itself with the data key read once, rather than each
    /// looked up again and its person's key unwrapped again (a contact's events, read for every
    /// event a segment or a score counts). None when the person has no key (erased).
    pub fn scan_prefix_rev(&self, person: &PersonId, prefix: &[u8], limit: usize) -> Result<Vec<T>> {
        let mut out = Vec::new();
        let Some(dk) = self.store.existing_data_key(person)? else { return Ok(out) };
        for item in self.tree.scan_prefix(prefix).rev() {
            let (k, v) = item?;
            let value = if !self.keyed && v.len() > PERSON_LEN && owner(&v).as_ref() == Some(person) {
                Some(self.open_detached(&dk, &k, &v[PERSON_LEN..])?)
            } else {
                // Another person's record under this prefix, or a keyed one: opened the long way.
                self.decode(&k, &v)?.map(|(_, t)| t)
            };
            if let Some(value) = value {
                out.push(value);
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// `value` sealed as this tree would seal it at `key`, for a record kept elsewhere (the
    /// attachment of a keyed record).
    pub fn seal_detached(&self, dk: &SecretKey, key: &[u8], value: &T) -> Result<Vec<u8>> {
        let plain = zeroize::Zeroizing::new(postcard::to_allocvec(value)?);
        Ok(dk.seal(&aad(self.name, key), &plain))
    }

    /// Opens what [`SealedTree::seal_detached`] sealed.
    pub fn open_detached(&self, dk: &SecretKey, key: &[u8], sealed: &[u8]) -> Result<T> {
        let plain = zeroize::Zeroizing::new(dk.open(&aad(self.name, key), sealed)?);
        Ok(postcard::from_bytes(&plain)?)
    }

    /// Like `insert_new`, with the data key in hand.
    pub fn insert_new_with(&self, dk: &SecretKey, person: &PersonId, key: &[u8], value: &T) -> Result<bool> {
        let raw = self.encode_with(dk, person, key, value)?;
        let _gate = self.store.write_gate();
        Ok(self.tree.compare_and_swap(key, None as Option<&[u8]>, Some(raw))?.is_ok())
    }

    /// Records whose key starts with `prefix` (for trees keyed by person id first), in key order.
    pub fn scan_prefix(&self, prefix: &[u8]) -> Result<Vec<(sled::IVec, T)>> {
        let mut out = Vec::new();
        for item in self.tree.scan_prefix(prefix) {
            let (k, v) = item?;
            if let Some((_, t)) = self.decode(&k, &v)? {
                out.push((k, t));
            }
        }
        Ok(out)
    }

    /// Records in key order starting after `after` (exclusive), or from the start/end.
    pub fn page(&self, after: Option<&[u8]>, limit: usize, reverse: bool) -> Result<Vec<(sled::IVec, T)>> {
        let mut out = Vec::new();
        let iter: Box<dyn Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>> = match (after, reverse) {
            (None, false) => Box::new(self.tree.iter()),
            (None, true) => Box::new(self.tree.iter().rev()),
            (Some(a), false) => {
                Box::new(self.tree.range::<&[u8], _>((std::ops::Bound::Excluded(a), std::ops::Bound::Unbounded)))
            }
            (Some(a), true) => Box::new(self.tree.range::<&[u8], _>(..a).rev()),
        };
        for item in iter {
            let (k, v) = item?;
            if let Some((_, t)) = self.decode(&k, &v)? {
                out.push((k, t));
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// The bytes `put` would store, for callers that write inside a multi-tree transaction.
    pub(crate) fn encode(&self, person: &PersonId, key: &[u8], value: &T) -> Result<Vec<u8>> {
        let dk = self.store.data_key(person)?;
        self.encode_with(&dk, person, key, value)
    }

    fn encode_with(&self, dk: &SecretKey, person: &PersonId, key: &[u8], value: &T) -> Result<Vec<u8>> {
        let sealed = self.seal_detached(dk, key, value)?;
        let mut raw = Vec::with_capacity(PERSON_LEN + sealed.len());
        raw.extend_from_slice(person.as_bytes());
        raw.extend_from_slice(&sealed);
        Ok(raw)
    }

    fn decode(&self, key: &[u8], raw: &[u8]) -> Result<Option<(PersonId, T)>> {
        let Some(p) = self.parts(raw)? else { return Ok(None) };
        Ok(Some((p.person, self.open_detached(&p.dk, key, p.sealed)?)))
    }

    pub fn get(&self, key: &[u8]) -> Result<Option<(PersonId, T)>> {
        match self.tree.get(key)? {
            Some(raw) => self.decode(key, &raw),
            None => Ok(None),
        }
    }

    pub fn remove(&self, key: &[u8]) -> Result<bool> {
        let _gate = self.store.write_gate();
        Ok(self.tree.remove(key)?.is_some())
    }

    /// Every readable record, in key order.
    pub fn iter(&self) -> impl Iterator<Item = Result<(sled::IVec, PersonId, T)>> + '_ {
        self.tree.iter().filter_map(move |item| match item {
            Err(e) => Some(Err(e.into())),
            Ok((k, v)) => match self.decode(&k, &v) {
                Ok(Some((p, t))) => Some(Ok((k, p, t))),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            },
        })
    }

    /// One person's records as JSON, for data-subject exports.
    pub fn export_person(&self, person: &PersonId) -> Result<Vec<serde_json::Value>> {
        let mut out = Vec::new();
        for item in self.iter() {
            let (_, p, value) = item?;
            if &p == person {
                out.push(serde_json::to_value(&value).unwrap_or(serde_json::Value::Null));
            }
        }
        Ok(out)
    }

    pub fn len(&self) -> usize {
        self.tree.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.is_empty()
    }

    pub(crate) fn raw(&self) -> &sled::Tree {
        &self.tree
    }

    /// Removes every record of `person`; returns how many.
    pub fn remove_person(&self, person: &PersonId, keep: Option<&[u8]>) -> Result<usize> {
        self.store.remove_where(&self.tree, |k, v| owner(v).as_ref() == Some(person) && keep != Some(k))
    }
}

/// A tree of values that hold no personal data, serialized with postcard.
pub struct PlainTree<T> {
    store: Store,
    tree: sled::Tree,
    _t: PhantomData<fn() -> T>,
}

impl<T> Clone for PlainTree<T> {
    fn clone(&self) -> Self {
        Self { store: self.store.clone(), tree: self.tree.clone(), _t: PhantomData }
    }
}

impl<T: Serialize + DeserializeOwned> PlainTree<T> {
    pub(super) fn new(store: Store, name: &'static str) -> Result<Self> {
        let tree = store.tree(name)?;
        Ok(Self { store, tree, _t: PhantomData })
    }

    pub fn put(&self, key: &[u8], value: &T) -> Result<()> {
        let raw = postcard::to_allocvec(value)?;
        let _gate = self.store.write_gate();
        self.tree.insert(key, raw)?;
        Ok(())
    }

    pub(crate) fn raw(&self) -> &sled::Tree {
        &self.tree
    }

    pub fn get(&self, key: &[u8]) -> Result<Option<T>> {
        match self.tree.get(key)? {
            Some(raw) => Ok(Some(postcard::from_bytes(&raw)?)),
            None => Ok(None),
        }
    }

    /// Adds to `w` the record at `key` as `change` leaves it, guarded by the value it replaces
    /// (a racing write fails the caller's transaction instead of being overwritten). False when
    /// there is no record.
    pub fn stage_update(&self, w: &mut super::Writes, key: &[u8], change: impl FnOnce(&mut T)) -> Result<bool> {
        let Some(raw) = self.tree.get(key)? else { return Ok(false) };
        let mut value: T = postcard::from_bytes(&raw)?;
        change(&mut value);
        w.put_expecting(&self.tree, key, Some(raw), postcard::to_allocvec(&value)?);
        Ok(true)
    }

    pub fn remove(&self, key: &[u8]) -> Result<bool> {
        let _gate = self.store.write_gate();
        Ok(self.tree.remove(key)?.is_some())
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Result<(sled::IVec, T)>> + '_ {
        self.tree.iter().map(|item| {
            let (k, v) = item?;
            Ok((k, postcard::from_bytes(&v)?))
        })
    }

    pub fn len(&self) -> usize {
        self.tree.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_values_round_trip_and_plain_sealed_values_are_not_taken_for_them() {
        let person = [7u8; PERSON_LEN];
        let raw = Keyed::encode(&person, &[1; 73], b"head", b"\x01sealed").unwrap();
        let k = Keyed::parse(&raw).expect("parses");
        assert_eq!((k.wrapped, k.attached, k.sealed), (&[1u8; 73][..], &b"head"[..], &b"\x01sealed"[..]));
        assert_eq!(&raw[k.body_at..], b"\x01sealed");
        // An ordinary sealed value: the person id, then seal version 1.
        let plain = [&person[..], b"\x01nonce-and-ciphertext"].concat();
        assert!(Keyed::parse(&plain).is_none());
        // Truncated: no panic, no parse.
        assert!(Keyed::parse(&raw[..PERSON_LEN + 10]).is_none());
    }
}
