//! Bulk actions on many contacts at once: add or remove a tag or a list, delete. The admin page
//! and the API hand over either the ids the user ticked (at most [`MAX_IDS`]) or a search, which
//! is resolved here, on the server, at the moment the action starts.
//!
//! A job runs on a thread of its own in chunks of [`CHUNK`] contacts; each chunk is committed
//! together with the job's record of how far it got, so a job of 100,000 contacts never holds a
//! request thread, and a process that dies mid-way leaves a record that says exactly how many
//! contacts were done (shown as interrupted). Running the same action again finishes it: adding
//! or removing a tag or a list is idempotent, and deleted contacts no longer match.
//!
//! Each contact goes through the same steps its single operation takes: a tag or list change is
//! saved, logged for the search index and noted in the contact's history; a deletion is
//! [`super::ops::delete`] itself (suppression, erasure journal, per-person audit entry, index).
//! The action as a whole is one audit entry: what, how many, and the filter in words (never the
//! search words, which may be a name or an address).
//!
//! The jobs' records are [`jobs`]'s; this module resolves selections and runs the actions.

pub mod jobs;

use std::collections::HashSet;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::audit::Action;
use crate::domain::contact::{check_contact, parse_tag};
use crate::domain::{ContactId, ContactInput, MergePolicy, Permission};
use crate::ops::{invalid, By, OpError, OpResult};
use crate::search::{ContactQuery, SortBy};
use crate::state::AppState;
use jobs::BulkJobs;

/// The most ids one request may name; more is a search ("all matching").
pub const MAX_IDS: usize = 10_000;
/// Contacts per committed step.
pub const CHUNK: usize = 500;

/// Jobs running in this process. A record that says running but is not here was cut short by a
/// restart.
static RUNNING: LazyLock<Mutex<HashSet<Uuid>>> = LazyLock::new(Default::default);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BulkAction {
    AddTag(String),
    RemoveTag(String),
    AddToList(String),
    RemoveFromList(String),
    /// `suppress`: keep a keyed hash of each address so it cannot be imported again.
    Delete {
        suppress: bool,
    },
}

/// The action names the page and the API use.
pub const ACTIONS: [&str; 5] = ["add_tag", "remove_tag", "add_to_list", "remove_from_list", "delete"];

impl BulkAction {
    /// Reads an action from its name and argument, checked: the tag must be a valid tag, the
    /// list must exist.
    pub fn parse(state: &AppState, action: &str, tag: &str, list: &str, suppress: bool) -> OpResult<BulkAction> {
        let tag = || -> OpResult<String> {
            if tag.trim().is_empty() {
                return Err(invalid("tag", "name the tag"));
            }
            parse_tag(tag).map_err(|m| invalid("tag", m))
        };
        let list = || -> OpResult<String> {
            let slug = list.trim();
            if slug.is_empty() {
                return Err(invalid("list", "choose a list"));
            }
            if state.lists.get(slug)?.is_none() {
                return Err(invalid("list", format!("there is no list `{slug}`")));
            }
            Ok(slug.to_string())
        };
        Ok(match action.trim() {
            "add_tag" => BulkAction::AddTag(tag()?),
            "remove_tag" => BulkAction::RemoveTag(tag()?),
            "add_to_list" => BulkAction::AddToList(list()?),
            "remove_from_list" => BulkAction::RemoveFromList(list()?),
            "delete" => BulkAction::Delete { suppress },
            "" => return Err(invalid("action", "choose an action")),
            other => return Err(invalid("action", format!("`{other}` is not one of {}", ACTIONS.join(", ")))),
        })
    }

    pub fn name(&self) -> &'static str {
        match self {
            BulkAction::AddTag(_) => "add_tag",
            BulkAction::RemoveTag(_) => "remove_tag",
            BulkAction::AddToList(_) => "add_to_list",
            BulkAction::RemoveFromList(_) => "remove_from_list",
            BulkAction::Delete { .. } => "delete",
        }
    }

    /// "add the tag vip", for the progress page and the audit log.
    pub fn describe(&self) -> String {
        match self {
            BulkAction::AddTag(t) => format!("add the tag {t}"),
            BulkAction::RemoveTag(t) => format!("remove the tag {t}"),
            BulkAction::AddToList(l) => format!("add to the list {l}"),
            BulkAction::RemoveFromList(l) => format!("remove from the list {l}"),
            BulkAction::Delete { suppress: true } => "delete (addresses kept on the suppression list)".into(),
            BulkAction::Delete { suppress: false } => "delete".into(),
        }
    }

    fn input(&self) -> Option<ContactInput> {
        let one = |s: &String| [s.clone()].into();
        Some(match self {
            BulkAction::AddTag(t) => ContactInput { add_tags: one(t), ..Default::default() },
            BulkAction::RemoveTag(t) => ContactInput { remove_tags: one(t), ..Default::default() },
            BulkAction::AddToList(l) => ContactInput { add_lists: one(l), ..Default::default() },
            BulkAction::RemoveFromList(l) => ContactInput { remove_lists: one(l), ..Default::default() },
            BulkAction::Delete { .. } => return None,
        })
    }
}

/// Which contacts: ticked ones, or whoever matches a search when the action starts.
pub enum Selection {
    Ids(Vec<ContactId>),
    // Boxed: a query is ten times the size of the other variant.
    Matching(Box<ContactQuery>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobState {
    Running,
    Done,
    Failed,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BulkJob {
    pub id: Uuid,
    pub action: BulkAction,
    /// "12 selected contacts" or "all matching: subscribed, tag vip".
    pub scope: String,
    pub total: u64,
    /// Contacts gone through (committed).
    pub done: u64,
    /// Of those, how many it changed (the others already were so, or are gone).
    pub changed: u64,
    pub state: JobState,
    pub message: String,
    pub by: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl BulkJob {
    /// `running`, `done`, `failed`, or `interrupted` (the process stopped while it ran).
    pub fn status(&self) -> &'static str {
        match self.state {
            JobState::Done => "done",
            JobState::Failed => "failed",
            JobState::Running if RUNNING.lock().unwrap_or_else(|p| p.into_inner()).contains(&self.id) => "running",
            JobState::Running => "interrupted",
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "id": self.id, "action": self.action.name(), "describe": self.action.describe(),
            "scope": self.scope, "status": self.status(), "total": self.total, "done": self.done,
            "changed": self.changed, "message": self.message, "started_at": self.started_at,
            "finished_at": self.finished_at,
        })
    }
}

pub fn get(state: &AppState, id: &Uuid) -> OpResult<BulkJob> {
    BulkJobs::open(&state.store)?.get(id)?.ok_or(OpError::NotFound("bulk action"))
}

/// The contacts a selection names, now: ticked ids as given (duplicates dropped), a search
/// read to its end in creation order.
pub fn resolve(state: &AppState, selection: &Selection) -> OpResult<Vec<ContactId>> {
    match selection {
        Selection::Ids(ids) => {
            if ids.len() > MAX_IDS {
                return Err(invalid("ids", format!("name at most {MAX_IDS} contacts")));
            }
            let mut seen = HashSet::with_capacity(ids.len());
            Ok(ids.iter().filter(|id| seen.insert(**id)).copied().collect())
        }
        Selection::Matching(q) => {
            let mut q = ContactQuery {
                sort: SortBy::Created,
                descending: false,
                cursor: None,
                limit: MAX_IDS,
                ..(**q).clone()
            };
            let mut out = Vec::new();
            loop {
                let page = state.search.index.search(&q).map_err(|e| OpError::Internal(e.to_string()))?;
                out.extend(page.ids);
                match page.next {
                    Some(next) => q.cursor = Some(next),
                    None => break,
                }
            }
            Ok(out)
        }
    }
}

/// Starts an action on the selected contacts and returns its job at once; the work goes on in
/// the background. The role is checked here, the contacts are resolved here.
pub fn start(state: Arc<AppState>, by: By, action: BulkAction, selection: Selection, scope: &str) -> OpResult<BulkJob> {
    by.require(Permission::EditContacts)?;
    let ids = resolve(&state, &selection)?;
    let job = BulkJob {
        id: Uuid::now_v7(),
        action,
        scope: scope.to_string(),
        total: ids.len() as u64,
        done: 0,
        changed: 0,
        state: JobState::Running,
        message: String::new(),
        by: by.actor.reference(),
        started_at: Utc::now(),
        finished_at: None,
    };
    let records = BulkJobs::open(&state.store)?;
    records.put(&job)?;
    state.store.commit()?;
    // Recorded when asked for, with the count resolved: the job's record says how it ended.
    let mut ev = by
        .event(Action::ContactsBulkAction)
        .target(format!("bulk:{}", job.id))
        .detail("action", job.action.name())
        .detail("count", job.total)
        .detail("filter", scope);
    match &job.action {
        BulkAction::AddTag(t) | BulkAction::RemoveTag(t) => ev = ev.detail("tag", t),
        BulkAction::AddToList(l) | BulkAction::RemoveFromList(l) => ev = ev.detail("list", l),
        BulkAction::Delete { suppress } => ev = ev.detail("suppressed", suppress),
    }
    state.audit.record(ev)?;
    RUNNING.lock().unwrap_or_else(|p| p.into_inner()).insert(job.id);
    // A child of the request's span (the thread outlives the request): its lines carry the
    // request's id.
    let span = tracing::info_span!("contacts_bulk", job = %job.id, action = job.action.name(), contacts = job.total);
    let mut running = job.clone();
    let spawned = std::thread::Builder::new().name("bulk-action".into()).spawn(move || {
        span.in_scope(|| {
            let result = run(&state, by, &mut running, &ids);
            running.finished_at = Some(Utc::now());
            match result {
                Ok(()) => running.state = JobState::Done,
                Err(e) => {
                    tracing::warn!(error = %e, job = %running.id, "bulk action stopped");
                    running.state = JobState::Failed;
                    running.message = e.to_string();
                }
            }
            if let Err(e) = records.put(&running).and_then(|_| state.store.commit()) {
                tracing::error!(error = %e, job = %running.id, "recording the end of a bulk action failed");
            }
            RUNNING.lock().unwrap_or_else(|p| p.into_inner()).remove(&running.id);
        })
    });
    if let Err(e) = spawned {
        RUNNING.lock().unwrap_or_else(|p| p.into_inner()).remove(&job.id);
        return Err(OpError::Internal(format!("could not start the bulk action: {e}")));
    }
    Ok(job)
}

/// Waits (at most `within`) for a job to end; returns it as it is then.
pub fn wait(state: &AppState, id: &Uuid, within: Duration) -> OpResult<BulkJob> {
    let until = Instant::now() + within;
    loop {
        let job = get(state, id)?;
        if job.status() != "running" || Instant::now() >= until {
            return Ok(job);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run(state: &AppState, by: By, job: &mut BulkJob, ids: &[ContactId]) -> OpResult<()> {
    let records = BulkJobs::open(&state.store)?;
    let input = job.action.input();
    let fields = state.fields.all();
    for chunk in ids.chunks(CHUNK) {
        let mut last = 0;
        let mut changed = 0;
        match (&job.action, &input) {
            (BulkAction::Delete { suppress }, _) => {
                for id in chunk {
                    match super::ops::delete_unindexed(state, by, id, *suppress) {
                        Ok(seq) => {
                            last = last.max(seq);
                            changed += 1;
                        }
                        // Deleted meanwhile (or merged away): nothing left to do.
                        Err(OpError::NotFound(_)) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
            (_, Some(input)) => {
                for id in chunk {
                    let Some(mut c) = state.contacts.get(id)? else { continue };
                    let before = c.email.clone();
                    let fields_changed = input.apply(&mut c, MergePolicy::Overwrite);
                    if fields_changed.is_empty() {
                        continue;
                    }
                    // A contact the change would make invalid (too many tags) keeps what it had.
                    if check_contact(&mut c, &fields).is_err() {
                        continue;
                    }
                    last = state.contacts.save(&before, &c)?;
                    super::ops::history(state, &by, id, "updated", fields_changed, format!("bulk action {}", job.id))?;
                    changed += 1;
                }
            }
            (_, None) => {}
        }
        job.done += chunk.len() as u64;
        job.changed += changed;
        // The chunk's changes and how far the job got are committed together.
        records.put(job)?;
        state.store.commit()?;
        if last > 0 {
            state.contacts.announce(last);
            // The list the user returns to shows the change; a deletion is final in the index
            // before the next chunk, as a single deletion is before it answers.
            if !state.search.wait_for(last) {
                return Err(OpError::Internal("the search index did not keep up; the rest was not done".into()));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_named_as_the_api_spells_them() {
        let all = [
            BulkAction::AddTag("t".into()),
            BulkAction::RemoveTag("t".into()),
            BulkAction::AddToList("l".into()),
            BulkAction::RemoveFromList("l".into()),
            BulkAction::Delete { suppress: false },
        ];
        assert_eq!(all.iter().map(|a| a.name()).collect::<Vec<_>>(), ACTIONS);
    }
}
