//! Saved searches: named sets of contact filters, also campaign audiences.

use super::*;

/// Saves a named set of contact filters (a new one, or `replace` an existing one).
pub fn save_search(
    state: &AppState,
    by: By,
    replace: Option<uuid::Uuid>,
    name: &str,
    filters: crate::contacts::saved::Filters,
) -> OpResult<crate::contacts::saved::SavedSearch> {
    by.require(Permission::EditContacts)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(invalid("name", "a name of 1 to 100 characters is required"));
    }
    let filters = filters.normalised();
    if filters.is_empty() {
        return Err(invalid(
            "filters",
            "choose at least one filter (status, tag, list, consent, engagement or segment) to save",
        ));
    }
    // Checks every filter the way a search would.
    let mut q = crate::search::ContactQuery::default();
    filters.apply(&mut q, Utc::now()).map_err(|e| invalid(e.field, format!("{}: {}", e.field, e.message)))?;
    // A segment is asked of its room; one still being built may be saved (it is checked again
    // whenever the search is used).
    for id in &q.segments {
        if state.segments.segments().get(id)?.is_none() {
            return Err(invalid("segment", format!("segment: there is no segment {id}")));
        }
    }
    let all = state.saved_searches.all()?;
    if all.iter().any(|s| s.name.eq_ignore_ascii_case(name) && Some(s.id) != replace) {
        return Err(invalid("name", format!("a saved search “{name}” exists already")));
    }
    let s = match replace {
        Some(id) => {
            let old = state.saved_searches.get(&id)?.ok_or(OpError::NotFound("saved search"))?;
            crate::contacts::saved::SavedSearch { name: name.into(), filters, ..old }
        }
        None => crate::contacts::saved::SavedSearch {
            id: uuid::Uuid::now_v7(),
            name: name.into(),
            filters,
            created_by: by.actor.reference(),
            created_at: Utc::now(),
        },
    };
    state.saved_searches.put(&s)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::SavedSearchSaved)
            .target(format!("saved_search:{}", s.id))
            .detail("filters", s.filters.describe()),
    )?;
    Ok(s)
}

/// Deletes a saved search; refused while a campaign that has not gone out yet uses it.
pub fn delete_search(state: &AppState, by: By, id: &uuid::Uuid) -> OpResult<()> {
    by.require(Permission::EditContacts)?;
    let s = state.saved_searches.get(id)?.ok_or(OpError::NotFound("saved search"))?;
    for c in state.sending.campaigns.all()? {
        let done = c.state.finished();
        if !done && state.sending.campaigns.saved_search(&c.id)? == Some(*id) {
            return Err(OpError::Conflict(format!(
                "The campaign “{}” sends to this search; choose another audience there first.",
                c.name
            )));
        }
    }
    state.saved_searches.remove(id)?;
    state.store.commit()?;
    state.audit.record(by.event(Action::SavedSearchDeleted).target(format!("saved_search:{}", s.id)))?;
    Ok(())
}
