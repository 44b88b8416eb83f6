//! Lists: created, renamed, offered in the preference centre or not, deleted.

use super::*;

pub fn create_list(state: &AppState, by: By, name: &str, description: &str) -> OpResult<List> {
    by.require(Permission::EditContacts)?;
    let name = name.trim();
    if name.is_empty() || name.len() > 100 {
        return Err(invalid("name", "a name of 1 to 100 characters is required"));
    }
    let slug = slugify(name);
    if slug.is_empty() {
        return Err(invalid("name", "the name needs at least one letter or digit"));
    }
    if state.lists.get(&slug)?.is_some() {
        return Err(invalid("name", format!("a list `{slug}` already exists")));
    }
    let l = List {
        slug,
        name: name.into(),
        description: description.trim().chars().take(500).collect(),
        created_at: Utc::now(),
    };
    state.lists.put(&l)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::ListCreated).target(format!("list:{}", l.slug)))?;
    Ok(l)
}

/// Renames a list or changes its description. Its key (what contacts, campaigns, forms and
/// imports refer to) stays, so nothing that names the list has to change.
pub fn update_list(
    state: &AppState,
    by: By,
    slug: &str,
    name: Option<&str>,
    description: Option<&str>,
) -> OpResult<List> {
    by.require(Permission::EditContacts)?;
    let mut l = state.lists.get(slug)?.ok_or(OpError::NotFound("list"))?;
    let mut changed = Vec::new();
    if let Some(name) = name.map(str::trim) {
        if name.is_empty() || name.chars().count() > 100 {
            return Err(invalid("name", "a name of 1 to 100 characters is required"));
        }
        if name.chars().any(char::is_control) {
            return Err(invalid("name", "must not contain control characters"));
        }
        if name != l.name {
            l.name = name.into();
            changed.push("name");
        }
    }
    if let Some(d) = description.map(str::trim) {
        if d.chars().count() > 500 {
            return Err(invalid("description", "must be at most 500 characters"));
        }
        if d != l.description {
            l.description = d.into();
            changed.push("description");
        }
    }
    if changed.is_empty() {
        return Ok(l);
    }
    state.lists.put(&l)?;
    state.store.commit()?;
    state
        .audit
        .record(by.event(Action::ListChanged).target(format!("list:{slug}")).detail("changed", changed.join(",")))?;
    Ok(l)
}

/// Offers a list in the preference centre to everyone, or only to its members.
pub fn set_list_visibility(state: &AppState, by: By, slug: &str, visible: bool) -> OpResult<()> {
    by.require(Permission::EditContacts)?;
    if state.lists.get(slug)?.is_none() {
        return Err(OpError::NotFound("list"));
    }
    state.lists.set_visible(slug, visible)?;
    state.store.commit()?;
    state
        .audit
        .record(by.event(Action::ListChanged).target(format!("list:{slug}")).detail("preference_centre", visible))?;
    Ok(())
}

/// Deletes a list and removes every contact from it. Returns how many contacts were on it.
pub fn delete_list(state: &AppState, by: By, slug: &str) -> OpResult<usize> {
    by.require(Permission::EditContacts)?;
    if state.lists.get(slug)?.is_none() {
        return Err(OpError::NotFound("list"));
    }
    let mut n = 0;
    let input = ContactInput { remove_lists: [slug.to_string()].into(), ..Default::default() };
    loop {
        let q = crate::search::ContactQuery { lists: vec![slug.into()], limit: 1000, ..Default::default() };
        let page = state.search.index.search(&q).map_err(|e| OpError::Internal(e.to_string()))?;
        if page.ids.is_empty() {
            break;
        }
        let mut last = 0;
        for id in &page.ids {
            if let Some(mut c) = state.contacts.get(id)? {
                let before = c.email.clone();
                if !input.apply(&mut c, MergePolicy::Overwrite).is_empty() {
                    last = state.contacts.save(&before, &c)?;
                    n += 1;
                }
            }
        }
        state.store.commit()?;
        state.contacts.announce(last);
        if last == 0 || !state.search.wait_for(last) {
            break;
        }
    }
    state.lists.remove(slug)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::ListDeleted).target(format!("list:{slug}")).detail("members", n))?;
    Ok(n)
}
