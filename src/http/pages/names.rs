//! Names for the references that the audit log and a request's history store (`user:…`,
//! `campaign:…`, `import:…`): the log keeps ids only, so that erasing a person or renaming a
//! campaign never rewrites it, and pages show what a reader recognises instead, where the
//! reader may see it. Each name links to the thing's own page.

use std::collections::BTreeMap;

use serde::Serialize;

use super::contacts::say;
use crate::domain::Permission;
use crate::gdpr::requests::Kind;
use crate::http::guard::Principal;
use crate::state::AppState;

/// What a reference stands for, for this reader.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub name: String,
    /// The thing's page, when it has one and the reader may open it.
    pub href: Option<String>,
}

/// Names for `refs` that resolve and that `p` may see; the rest are left out (the page then
/// shows the raw reference, which names nothing).
pub fn names<'a>(state: &AppState, p: &Principal, refs: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, Named> {
    let mut out = BTreeMap::new();
    for r in refs {
        if out.contains_key(r) {
            continue;
        }
        if let Some(n) = name_of(state, p, r) {
            out.insert(r.to_string(), n);
        }
    }
    out
}

/// The message naming a privacy request by its kind and the day it was received.
fn request_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Access => "c-name-request-access",
        Kind::Portability => "c-name-request-portability",
        Kind::Rectification => "c-name-request-rectification",
        Kind::Erasure => "c-name-request-erasure",
        Kind::Restriction => "c-name-request-restriction",
        Kind::Objection => "c-name-request-objection",
        Kind::Withdrawal => "c-name-request-withdrawal",
    }
}

fn name_of(state: &AppState, p: &Principal, reference: &str) -> Option<Named> {
    let (kind, id) = reference.split_once(':')?;
    // The names are said in the reader's language; the things' own names are as written.
    let ui = super::ui_language(state, p);
    let quoted = |key: &str, name: &str| say(ui, key, [("name", name.into())]);
    let named = |name: String, href: Option<String>| Some(Named { name, href });
    match kind {
        // Staff see each other's login names (the users page lists them to everyone with
        // audit access); a user page needs ManageUsers.
        "person" | "user" => {
            let user = state.users.get(&id.parse().ok()?).ok()??;
            named(user.username, p.can(Permission::ManageUsers).then(|| format!("/users/{id}")))
        }
        "token" => {
            let token = state.tokens.get(&id.parse().ok()?).ok()??;
            named(quoted("c-name-token", &token.name), None)
        }
        "contact" => {
            if !p.can(Permission::ViewContacts) {
                return None;
            }
            let c = state.contacts.get(&id.parse().ok()?).ok()??;
            let who = if p.can(Permission::ViewPersonalData) { c.email.to_string() } else { c.email.masked() };
            named(who, Some(format!("/contacts/{id}")))
        }
        // The names of things are not personal data: whoever reads the log reads them; the
        // link only for those who may open the page.
        "campaign" => {
            let c = state.sending.campaigns.get(&id.parse().ok()?).ok()??;
            let may = p.can(Permission::SendCampaigns) || p.can(Permission::ViewReports);
            named(quoted("c-name-campaign", &c.name), may.then(|| format!("/campaigns/{id}")))
        }
        "import" => {
            let b = state.imports.get(id).ok()??;
            let may = p.can(Permission::EditContacts);
            named(quoted("c-name-import", &b.file_name), may.then(|| format!("/contacts/import/{id}")))
        }
        "form" => {
            let f = state.forms.get(&id.parse().ok()?).ok()??;
            named(quoted("c-name-form", &f.name), Some(format!("/forms/{id}")))
        }
        "list" => {
            let l = state.lists.get(id).ok()??;
            named(quoted("c-name-list", &l.name), Some("/lists".into()))
        }
        "field" => {
            let f = state.fields.get(id)?;
            named(quoted("c-name-field", &f.label), Some(format!("/settings/fields/{id}")))
        }
        "purpose" => {
            let pu = state.purposes.get(id).ok()??;
            let name = state.purposes.name_in(&pu, &ui.code).ok()?;
            named(quoted("c-name-purpose", &name), Some(format!("/purposes/{id}")))
        }
        "template" => {
            let t = state.sending.templates.get(id).ok()??;
            named(quoted("c-name-template", &t.name), Some(format!("/templates/{id}")))
        }
        "saved_search" => {
            let s = state.saved_searches.get(&id.parse().ok()?).ok()??;
            named(quoted("c-name-saved-search", &s.name), None)
        }
        "request" if p.can(Permission::ManageGdpr) => {
            let r = state.gdpr.requests.get(&id.parse().ok()?).ok()??;
            let day = state.settings.get().unwrap_or_default().today(r.received_at);
            named(say(ui, request_key(r.kind), [("day", ui.date(day).into())]), Some(format!("/requests/{id}")))
        }
        _ => None,
    }
}
