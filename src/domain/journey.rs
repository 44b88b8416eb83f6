//! Journeys: event-driven workflows (see the issue-23 brief). Filled in by the domain work.
