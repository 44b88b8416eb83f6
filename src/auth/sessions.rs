//! Server-side sessions. The browser holds 256 random bits; the store keeps only a keyed hash of
//! them, so a copy of the store cannot be replayed as a cookie. A session id is replaced at
//! every privilege step (password accepted, second factor accepted) and removed on logout,
//! password change and account disable.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::domain::{PersonId, TruncatedIp};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, SealedTree, Store};

pub const TREE: &str = "sessions";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "signed-in admin sessions",
    holds: Holds::Personal {
        categories: &["truncated IP address", "browser family", "sign-in times"],
        layout: Layout::Sealed,
        export: Some(export_person),
    },
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Password accepted; a TOTP or recovery code is still needed.
    NeedsSecondFactor,
    /// Signed in, but the password must be changed before anything else.
    NeedsPasswordChange,
    Full,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    pub user: PersonId,
    pub stage: Stage,
    /// Compared with the `csrf` field of every state-changing form.
    pub csrf: String,
    pub created_at: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    pub ip: Option<TruncatedIp>,
    pub agent: String,
}

#[derive(Clone)]
pub struct Sessions {
    store: Store,
    tree: SealedTree<Session>,
    idle: Duration,
    absolute: Duration,
}

/// A session as found from a cookie: the key to update or revoke it by.
#[derive(Debug, Clone)]
pub struct Found {
    pub key: [u8; 32],
    pub session: Session,
}

pub fn random_token() -> String {
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    URL_SAFE_NO_PAD.encode(b)
}

impl Sessions {
    pub fn open(store: &Store, idle_minutes: u64, absolute_hours: u64) -> Result<Self> {
        Ok(Self {
            tree: store.sealed(TREE)?,
            store: store.clone(),
            idle: Duration::minutes(idle_minutes as i64),
            absolute: Duration::hours(absolute_hours as i64),
        })
    }

    fn key(&self, token: &str) -> [u8; 32] {
        self.store.keyring().lookup_hash("tidings/session", token.as_bytes())
    }

    /// Starts a session and returns the cookie value.
    pub fn create(
        &self,
        user: PersonId,
        stage: Stage,
        ip: Option<TruncatedIp>,
        agent: &str,
    ) -> Result<(String, Session)> {
        let token = random_token();
        let now = Utc::now();
        let session = Session {
            user,
            stage,
            csrf: random_token(),
            created_at: now,
            last_seen: now,
            ip,
            agent: agent.chars().take(80).collect(),
        };
        self.tree.put(&user, &self.key(&token), &session)?;
        self.store.commit()?;
        Ok((token, session))
    }

    /// The live session for a cookie value; expired ones are removed on sight.
    pub fn find(&self, token: &str) -> Result<Option<Found>> {
        if token.len() > 64 {
            return Ok(None);
        }
        let key = self.key(token);
        let Some((_, mut session)) = self.tree.get(&key)? else { return Ok(None) };
        let now = Utc::now();
        if now - session.last_seen > self.idle || now - session.created_at > self.absolute {
            self.tree.remove(&key)?;
            return Ok(None);
        }
        // Touch at most once a minute: a write per request would cost more than it tells.
        if now - session.last_seen > Duration::seconds(60) {
            session.last_seen = now;
            self.tree.put(&session.user, &key, &session)?;
        }
        Ok(Some(Found { key, session }))
    }

    /// Replaces the session with a fresh id at a new stage (fixation defence).
    pub fn rotate(&self, old: &Found, stage: Stage) -> Result<(String, Session)> {
        self.tree.remove(&old.key)?;
        self.create(old.session.user, stage, old.session.ip, &old.session.agent)
    }

    pub fn revoke(&self, key: &[u8; 32]) -> Result<()> {
        self.tree.remove(key)?;
        self.store.commit()
    }

    /// Ends every session of a user, except `keep` (the one changing its own password).
    pub fn revoke_user(&self, user: &PersonId, keep: Option<&[u8; 32]>) -> Result<usize> {
        let n = self.tree.remove_person(user, keep.map(|k| &k[..]))?;
        self.store.commit()?;
        Ok(n)
    }

    pub fn list_user(&self, user: &PersonId) -> Result<Vec<Session>> {
        let mut out = Vec::new();
        for item in self.tree.iter() {
            let (_, p, s) = item?;
            if &p == user {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// Removes expired sessions; the scheduler runs this.
    pub fn purge_expired(&self) -> Result<usize> {
        let now = Utc::now();
        let mut doomed = Vec::new();
        for item in self.tree.iter() {
            let (k, _, s) = item?;
            if now - s.last_seen > self.idle || now - s.created_at > self.absolute {
                doomed.push(k);
            }
        }
        for k in &doomed {
            self.tree.remove(k)?;
        }
        self.store.commit()?;
        Ok(doomed.len())
    }

    pub fn count(&self) -> usize {
        self.tree.len()
    }
}

fn export_person(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let tree: SealedTree<Session> = store.sealed(TREE)?;
    let mut out = Vec::new();
    for item in tree.iter() {
        let (_, p, s) = item?;
        if &p == person {
            out.push(serde_json::json!({
                "created_at": s.created_at, "last_seen": s.last_seen,
                "ip": s.ip.map(|i| i.to_string()), "browser": s.agent,
            }));
        }
    }
    Ok(out)
}
