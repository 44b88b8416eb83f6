//! Writes to several trees that land together or not at all, through a crash: one sled
//! transaction. The change feed appends its entries this way beside the change they describe,
//! and the clock moves a timer in the same transaction as the work it fired.
//!
//! sled serialises transactions with every other write once any transaction has run (a global
//! lock, taken briefly), so a transaction is for what must be atomic, not for bulk loading.

use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use super::{Result, Store, StoreError};

/// What one write does to its key.
enum Op {
    Put(sled::IVec),
    Remove,
    /// Adds to counters stored as big-endian `i64`s, read inside the transaction (see
    /// [`Writes::add`]).
    Add(Vec<i64>),
}

/// Puts, removes and counter additions, applied in order by [`Store::apply`].
#[derive(Default)]
pub struct Writes {
    ops: Vec<(sled::Tree, sled::IVec, Op)>,
    /// Values the transaction expects to find before it writes (a compare-and-swap across
    /// trees): (index of the write it guards, the value expected, `None` for absent).
    expect: Vec<(usize, Option<sled::IVec>)>,
}

impl Writes {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn put(&mut self, tree: &sled::Tree, key: impl Into<sled::IVec>, value: impl Into<sled::IVec>) -> &mut Self {
        self.ops.push((tree.clone(), key.into(), Op::Put(value.into())));
        self
    }

    /// Adds `deltas` to the counters at `key` (big-endian `i64`s, as many as the longer of the
    /// two; a missing key counts from zero) when the transaction runs: two transactions adding
    /// to the same counters both count, where a put computed from a read before would lose one.
    pub fn add(&mut self, tree: &sled::Tree, key: impl Into<sled::IVec>, deltas: &[i64]) -> &mut Self {
        self.ops.push((tree.clone(), key.into(), Op::Add(deltas.to_vec())));
        self
    }

    /// Puts `value` only if the key holds `expected` (`None`: absent) when the transaction
    /// runs (every guard is checked before any write of the transaction: two guarded writes of
    /// one key expecting the same value both pass, and the last one stands); else [`Store::apply`] writes nothing and fails with [`StoreError::Conflict`] (the
    /// caller reads again and retries).
    pub fn put_expecting(
        &mut self,
        tree: &sled::Tree,
        key: impl Into<sled::IVec>,
        expected: Option<sled::IVec>,
        value: impl Into<sled::IVec>,
    ) -> &mut Self {
        self.expect.push((self.ops.len(), expected));
        self.put(tree, key, value)
    }

    pub fn remove(&mut self, tree: &sled::Tree, key: impl Into<sled::IVec>) -> &mut Self {
        self.ops.push((tree.clone(), key.into(), Op::Remove));
        self
    }

    /// Appends `other`'s writes after these.
    pub fn extend(&mut self, other: Writes) -> &mut Self {
        let at = self.ops.len();
        self.expect.extend(other.expect.into_iter().map(|(i, v)| (i + at, v)));
        self.ops.extend(other.ops);
        self
    }

    /// Every (tree, key) these writes put or remove: what two sets of writes computed from
    /// the same reads must not both write. Counter additions are left out: two of them to one
    /// key both count (see [`Writes::add`]).
    pub fn touched(&self) -> impl Iterator<Item = (sled::IVec, &sled::IVec)> + '_ {
        self.ops.iter().filter(|(_, _, op)| !matches!(op, Op::Add(_))).map(|(t, k, _)| (t.name(), k))
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Drops the writes from the `len`th on (and their guards): a caller that staged more
    /// after its own writes and must stage them again.
    pub fn truncate(&mut self, len: usize) {
        self.ops.truncate(len);
        self.expect.retain(|(n, _)| *n < len);
    }
}

/// Counters (big-endian `i64`s) plus `deltas`, element by element.
pub fn add_counters(now: Option<&[u8]>, deltas: &[i64]) -> Vec<u8> {
    let now = now.unwrap_or(&[]);
    let n = (now.len() / 8).max(deltas.len());
    let mut out = Vec::with_capacity(n * 8);
    for i in 0..n {
        let was = now.get(i * 8..i * 8 + 8).map_or(0, |b| i64::from_be_bytes(b.try_into().expect("8 bytes")));
        out.extend_from_slice(&was.saturating_add(deltas.get(i).copied().unwrap_or(0)).to_be_bytes());
    }
    out
}

/// Counters as [`Writes::add`] stores them.
pub fn counters(v: &[u8]) -> Vec<i64> {
    v.chunks_exact(8).map(|b| i64::from_be_bytes(b.try_into().expect("8 bytes"))).collect()
}

impl Store {
    /// Applies `writes` atomically (uncommitted: [`Store::commit`] makes them durable). Nothing
    /// is written when it fails.
    pub fn apply(&self, writes: &Writes) -> Result<()> {
        match self.apply_guarded(writes)? {
            Ok(()) => Ok(()),
            Err(n) => {
                let (tree, key, _) = &writes.ops[n];
                Err(StoreError::Conflict(format!(
                    "{} changed under the write (key of {} bytes)",
                    String::from_utf8_lossy(&tree.name()),
                    key.len()
                )))
            }
        }
    }

    /// [`Store::apply`], telling which write's guard failed (`Ok(Err(n))`: the `n`th write, in
    /// staging order, found another value than it expected; nothing was written).
    pub fn apply_guarded(&self, writes: &Writes) -> Result<std::result::Result<(), usize>> {
        if writes.is_empty() {
            return Ok(Ok(()));
        }
        // The trees the transaction spans, each once, and which one each write goes to.
        let mut trees: Vec<&sled::Tree> = Vec::new();
        let mut slot = Vec::with_capacity(writes.ops.len());
        for (tree, _, _) in &writes.ops {
            let i = match trees.iter().position(|t| t.name() == tree.name()) {
                Some(i) => i,
                None => {
                    trees.push(tree);
                    trees.len() - 1
                }
            };
            slot.push(i);
        }
        let half = writes.ops.len() / 2;
        let _gate = self.write_gate();
        trees
            .as_slice()
            .transaction(|views| {
                for (n, expected) in &writes.expect {
                    let (_, key, _) = &writes.ops[*n];
                    if views[slot[*n]].get(key)? != *expected {
                        return Err(ConflictableTransactionError::Abort(Some(*n)));
                    }
                }
                for (n, ((_, key, value), &i)) in writes.ops.iter().zip(&slot).enumerate() {
                    // A test makes the transaction fail half-way: nothing of it may land.
                    if n == half && crate::fault::armed("store.fail_mid_apply") {
                        return Err(ConflictableTransactionError::Abort(None));
                    }
                    match value {
                        Op::Put(v) => {
                            views[i].insert(key.clone(), v.clone())?;
                        }
                        Op::Remove => {
                            views[i].remove(key.clone())?;
                        }
                        Op::Add(deltas) => {
                            let now = views[i].get(key)?;
                            views[i].insert(key.clone(), add_counters(now.as_deref(), deltas))?;
                        }
                    }
                }
                Ok::<_, ConflictableTransactionError<Option<usize>>>(())
            })
            .map_or_else(
                |e| match e {
                    TransactionError::Storage(e) => Err(StoreError::Sled(e)),
                    TransactionError::Abort(Some(n)) => Ok(Err(n)),
                    TransactionError::Abort(None) => Err(StoreError::Aborted),
                },
                |()| Ok(Ok(())),
            )
    }
}
