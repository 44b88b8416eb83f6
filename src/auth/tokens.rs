//! API tokens for the REST API: `tdg_<id>_<secret>`, shown once, stored as a keyed hash of the
//! secret, scoped to a set of permissions (never more than the owner's role allows at the time of
//! use), revocable, optionally expiring.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::domain::{Permission, PersonId, TokenId};
use crate::store::registry::{Holds, Layout, Registration};
use crate::store::{Result, SealedTree, Store};

pub const TREE: &str = "api_tokens";
const PREFIX: &str = "tdg_";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "REST API tokens of admin users",
    holds: Holds::Personal {
        categories: &["token name", "owner id", "usage times"],
        layout: Layout::Sealed,
        export: Some(export_person),
    },
};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApiToken {
    pub id: TokenId,
    pub owner: PersonId,
    pub name: String,
    pub scopes: Vec<Permission>,
    pub secret_hash: [u8; 32],
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl ApiToken {
    pub fn is_active(&self, now: DateTime<Utc>) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|e| e > now)
    }
}

#[derive(Clone)]
pub struct Tokens {
    store: Store,
    tree: SealedTree<ApiToken>,
}

impl Tokens {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self { tree: store.sealed(TREE)?, store: store.clone() })
    }

    /// Creates a token and returns it with its one-time plaintext.
    pub fn create(
        &self,
        owner: PersonId,
        name: &str,
        scopes: Vec<Permission>,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<(ApiToken, String)> {
        let id = TokenId::new();
        let secret = super::sessions::random_token();
        let token = ApiToken {
            id,
            owner,
            name: name.trim().chars().take(80).collect(),
            scopes,
            secret_hash: self.store.keyring().token_hash(secret.as_bytes()),
            created_at: Utc::now(),
            expires_at,
            last_used_at: None,
            revoked_at: None,
        };
        self.tree.put(&owner, id.as_bytes(), &token)?;
        self.store.commit()?;
        Ok((
            token,
            format!("{PREFIX}{}_{secret}", id.as_bytes().iter().map(|b| format!("{b:02x}")).collect::<String>()),
        ))
    }

    /// The active token a bearer string names, if its secret matches.
    pub fn authenticate(&self, presented: &str) -> Result<Option<ApiToken>> {
        let Some(rest) = presented.strip_prefix(PREFIX) else { return Ok(None) };
        let Some((id_hex, secret)) = rest.split_once('_') else { return Ok(None) };
        let Ok(id_bytes) = hex::decode(id_hex) else { return Ok(None) };
        let Some(id) = TokenId::from_slice(&id_bytes) else { return Ok(None) };
        let Some((_, mut token)) = self.tree.get(id.as_bytes())? else { return Ok(None) };
        let presented_hash = self.store.keyring().token_hash(secret.as_bytes());
        if !bool::from(presented_hash.ct_eq(&token.secret_hash)) {
            return Ok(None);
        }
        let now = Utc::now();
        if !token.is_active(now) {
            return Ok(None);
        }
        if token.last_used_at.is_none_or(|t| now - t > chrono::Duration::seconds(60)) {
            token.last_used_at = Some(now);
            self.tree.put(&token.owner, id.as_bytes(), &token)?;
        }
        Ok(Some(token))
    }

    pub fn get(&self, id: &TokenId) -> Result<Option<ApiToken>> {
        Ok(self.tree.get(id.as_bytes())?.map(|(_, t)| t))
    }

    pub fn revoke(&self, id: &TokenId) -> Result<Option<ApiToken>> {
        let Some((_, mut token)) = self.tree.get(id.as_bytes())? else { return Ok(None) };
        if token.revoked_at.is_none() {
            token.revoked_at = Some(Utc::now());
            self.tree.put(&token.owner, id.as_bytes(), &token)?;
            self.store.commit()?;
        }
        Ok(Some(token))
    }

    /// Newest first; `owner = None` lists everyone's.
    pub fn list(&self, owner: Option<&PersonId>) -> Result<Vec<ApiToken>> {
        let mut out: Vec<ApiToken> = Vec::new();
        for item in self.tree.iter() {
            let (_, p, t) = item?;
            if owner.is_none_or(|o| o == &p) {
                out.push(t);
            }
        }
        out.reverse();
        Ok(out)
    }
}

fn export_person(store: &Store, person: &PersonId) -> Result<Vec<serde_json::Value>> {
    let tokens = Tokens::open(store)?;
    Ok(tokens
        .list(Some(person))?
        .into_iter()
        .map(|t| {
            serde_json::json!({
                "id": t.id, "name": t.name, "scopes": t.scopes, "created_at": t.created_at,
                "expires_at": t.expires_at, "last_used_at": t.last_used_at, "revoked_at": t.revoked_at,
            })
        })
        .collect())
}
