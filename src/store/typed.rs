//! Typed views over sled trees. `SealedTree` is the only way personal data reaches disk.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{Result, SecretKey, Store};
use crate::domain::PersonId;

const PERSON_LEN: usize = 16;

/// A tree whose values belong to one person each and are sealed with that person's key.
/// On disk a value is `person id (16 bytes) || sealed(postcard(T))`.
pub struct SealedTree<T> {
    store: Store,
    tree: sled::Tree,
    name: &'static str,
    _t: PhantomData<fn() -> T>,
}

impl<T> Clone for SealedTree<T> {
    fn clone(&self) -> Self {
        Self { store: self.store.clone(), tree: self.tree.clone(), name: self.name, _t: PhantomData }
    }
}

pub(super) fn aad(tree: &str, key: &[u8]) -> Vec<u8> {
    let mut a = Vec::with_capacity(tree.len() + 1 + key.len());
    a.extend_from_slice(tree.as_bytes());
    a.push(0);
    a.extend_from_slice(key);
    a
}

/// The person a sealed value belongs to, without opening it.
pub(super) fn owner(raw: &[u8]) -> Option<PersonId> {
    raw.get(..PERSON_LEN).and_then(PersonId::from_slice)
}

impl<T: Serialize + DeserializeOwned> SealedTree<T> {
    pub(super) fn new(store: Store, name: &'static str) -> Result<Self> {
        let tree = store.tree(name)?;
        Ok(Self { store, tree, name, _t: PhantomData })
    }

    pub fn put(&self, person: &PersonId, key: &[u8], value: &T) -> Result<()> {
        let raw = self.encode(person, key, value)?;
        let _gate = self.store.write_gate();
        self.tree.insert(key, raw)?;
        Ok(())
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
        let raw = self.encode_with(dk, person, key, value)?;
        let _gate = self.store.write_gate();
        self.tree.insert(key, raw)?;
        Ok(())
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
        let plain = zeroize::Zeroizing::new(postcard::to_allocvec(value)?);
        let sealed = dk.seal(&aad(self.name, key), &plain);
        let mut raw = Vec::with_capacity(PERSON_LEN + sealed.len());
        raw.extend_from_slice(person.as_bytes());
        raw.extend_from_slice(&sealed);
        Ok(raw)
    }

    fn decode(&self, key: &[u8], raw: &[u8]) -> Result<Option<(PersonId, T)>> {
        let Some(person) = owner(raw) else { return Ok(None) };
        // A missing key means the person was erased: the bytes left behind are noise.
        let Some(dk) = self.store.existing_data_key(&person)? else { return Ok(None) };
        let plain = zeroize::Zeroizing::new(dk.open(&aad(self.name, key), &raw[PERSON_LEN..])?);
        Ok(Some((person, postcard::from_bytes(&plain)?)))
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

    pub fn get(&self, key: &[u8]) -> Result<Option<T>> {
        match self.tree.get(key)? {
            Some(raw) => Ok(Some(postcard::from_bytes(&raw)?)),
            None => Ok(None),
        }
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
