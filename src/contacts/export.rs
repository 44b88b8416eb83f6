//! Contact export as CSV or NDJSON, streamed.
