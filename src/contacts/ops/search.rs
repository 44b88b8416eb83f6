//! Searching contacts as people mean it.

use super::*;

/// A search as people mean it: what was typed in full comes first, on the first page (later
/// pages leave it out), whatever the sort puts before it: the contact with exactly that
/// address, then those whose whole, first or last name is exactly the words. A prefix search
/// for `k9-1-1-1@example.org` matched thousands of contacts, newest first, and the one typed in
/// full could be on page 40; a search for `Ann Lee` listed every Anna and Annette Leeds first.
pub fn search(state: &AppState, q: &crate::search::ContactQuery) -> OpResult<crate::search::SearchPage> {
    search_pinned(state, q, q.cursor.is_none())
}

/// [`search`], with what was typed in full put first only when `pin` (the first page), and left
/// out otherwise (a page further on, or one read backwards from the end).
pub fn search_pinned(
    state: &AppState,
    q: &crate::search::ContactQuery,
    pin: bool,
) -> OpResult<crate::search::SearchPage> {
    let internal = |e: crate::search::SearchError| OpError::Internal(e.to_string());
    let mut page = state.search.index.search(q).map_err(internal)?;
    if q.text.trim().is_empty() {
        return Ok(page);
    }
    let mut pinned = Vec::new();
    if let Ok(email) = crate::domain::EmailAddress::parse(q.text.trim()) {
        if let Some(c) = state.contacts.find_by_email(&email)? {
            if page.ids.contains(&c.id) || state.search.index.contains(q, &c.id).map_err(internal)? {
                pinned.push(c.id);
            }
        }
    } else {
        // At most a page of them: a name shared by more than a page of contacts pins the
        // first page's worth, and the rest keep their place.
        pinned = state.search.index.exact_names(q, q.limit.clamp(1, 10_000)).map_err(internal)?;
    }
    if pinned.is_empty() {
        return Ok(page);
    }
    page.ids.retain(|id| !pinned.contains(id));
    if pin {
        page.ids.splice(0..0, pinned);
    }
    Ok(page)
}
