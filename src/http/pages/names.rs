//! Names for the references that the audit log and a request's history store (`user:…`,
//! `campaign:…`, `import:…`): the log keeps ids only, so that erasing a person or renaming a
//! campaign never rewrites it, and pages show what a reader recognises instead, where the
//! reader may see it. Each name links to the thing's own page.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::Permission;
use crate::http::guard::Principal;
use crate::i18n::{args, Arg, Language};
use crate::state::AppState;

/// What a reference stands for, for this reader.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub name: String,
    /// The thing's page, when it has one and the reader may open it.
    pub href: Option<String>,
}

/// Names for `refs` that resolve and that `p` may see, in `ui`'s words; the rest are left out
/// (the page then shows the raw reference, which names nothing).
pub fn names<'a>(
    state: &AppState,
    p: &Principal,
    refs: impl IntoIterator<Item = &'a str>,
    ui: &Language,
) -> BTreeMap<String, Named> {
    let mut out = BTreeMap::new();
    for r in refs {
        if out.contains_key(r) {
            continue;
        }
        if let Some(n) = name_of(state, p, r, ui) {
            out.insert(r.to_string(), n);
        }
    }
    out
}

/// "campaign “Winter”": what kind of thing, and its name.
fn called(ui: &Language, key: &str, name: &str) -> String {
    ui.text(key, Some(&args([("name", Arg::from(name))])))
}

fn name_of(state: &AppState, p: &Principal, reference: &str, ui: &Language) -> Option<Named> {
    // The system, the command line, a visitor: no page, but words.
    if let Some(name) = super::history::actor_words(reference, ui) {
        return Some(Named { name, href: None });
    }
    let (kind, id) = reference.split_once(':')?;
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
            named(called(ui, "gdpr-name-token", &token.name), None)
        }
        "contact" => {
            if !p.can(Permission::ViewContacts) {
                return None;
            }
            let c = state.contacts.get(&id.parse().ok()?).ok()??;
            let who = p.viewer().email(&c.email);
            named(who, Some(format!("/contacts/{id}")))
        }
        // The names of things are not personal data: whoever reads the log reads them; the
        // link only for those who may open the page.
        "campaign" => {
            let c = state.sending.campaigns.get(&id.parse().ok()?).ok()??;
            let may = p.can(Permission::SendCampaigns) || p.can(Permission::ViewReports);
            named(called(ui, "gdpr-name-campaign", &c.name), may.then(|| format!("/campaigns/{id}")))
        }
        "import" => {
            let b = state.imports.get(id).ok()??;
            let may = p.can(Permission::EditContacts);
            named(called(ui, "gdpr-name-import", &b.file_name), may.then(|| format!("/contacts/import/{id}")))
        }
        "form" => {
            let f = state.forms.get(&id.parse().ok()?).ok()??;
            named(called(ui, "gdpr-name-form", &f.name), Some(format!("/forms/{id}")))
        }
        "list" => {
            let l = state.lists.get(id).ok()??;
            named(called(ui, "gdpr-name-list", &l.name), Some("/lists".into()))
        }
        "field" => {
            let f = state.fields.get(id)?;
            named(called(ui, "gdpr-name-field", &f.label), Some(format!("/settings/fields/{id}")))
        }
        "purpose" => {
            let pu = state.purposes.get(id).ok()??;
            let name = state.purposes.name_in(&pu, &ui.code).unwrap_or_else(|_| pu.name.clone());
            named(called(ui, "gdpr-name-purpose", &name), Some(format!("/purposes/{id}")))
        }
        "template" => {
            let t = state.sending.templates.get(id).ok()??;
            named(called(ui, "gdpr-name-template", &t.name), Some(format!("/templates/{id}")))
        }
        "saved_search" => {
            let s = state.saved_searches.get(&id.parse().ok()?).ok()??;
            named(called(ui, "gdpr-name-saved-search", &s.name), None)
        }
        "request" if p.can(Permission::ManageGdpr) => {
            let r = state.gdpr.requests.get(&id.parse().ok()?).ok()??;
            let day = state.settings.get().unwrap_or_default().today(r.received_at);
            let kind = ui.text(super::history::kind_key(r.kind), None);
            let name = ui
                .text("gdpr-name-request", Some(&args([("kind", Arg::from(kind)), ("day", Arg::from(ui.date(day)))])));
            named(name, Some(format!("/requests/{id}")))
        }
        "breach" if p.can(Permission::ManageGdpr) => {
            let b = state.gdpr.breaches.get(&id.parse().ok()?).ok()??;
            let day = ui.date(state.settings.get().unwrap_or_default().today(b.discovered_at));
            named(called_on(ui, "gdpr-name-breach", day), Some(format!("/breaches/{id}")))
        }
        _ => None,
    }
}

fn called_on(ui: &Language, key: &str, day: String) -> String {
    ui.text(key, Some(&args([("day", Arg::from(day))])))
}
