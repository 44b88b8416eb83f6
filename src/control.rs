//! The control socket: while the server runs it holds sled's lock, so the CLI's store commands
//! (`user`, `backup`, `audit verify`) are sent here instead, over a Unix socket in the data
//! directory that only the service user can open. One JSON request per connection, one JSON
//! response. With no server running, the CLI executes the same requests against the store itself.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};

use crate::audit::Verification;
use crate::domain::Role;
use crate::ops::{self, By};
use crate::state::AppState;

pub const SOCKET: &str = "control.sock";
/// One request line. The largest the CLI sends, an import's options (a mapping entry per
/// column), is a few KiB; more is refused without being held.
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    Ping,
    UserAdd {
        username: String,
        display_name: String,
        role: Role,
    },
    UserList,
    UserResetPassword {
        username: String,
    },
    UserUnlock {
        username: String,
    },
    UserDisable {
        username: String,
    },
    UserEnable {
        username: String,
    },
    AuditVerify,
    Backup {
        out: Option<PathBuf>,
        key_file: Option<PathBuf>,
    },
    /// Starts an import of a file the server can read; answers with the batch id at once.
    ImportStart {
        path: PathBuf,
        options: crate::contacts::import::ImportOptions,
    },
    /// The batch as JSON (progress and counts).
    ImportStatus {
        id: String,
    },
    /// Rebuilds the search index from the store.
    Reindex,
    /// The custom-field schema as JSON.
    Fields,
    /// Writes contacts (all, or those matching the filter) to a file the server can write.
    Export {
        out: PathBuf,
        format: String,
        filter: Option<ExportFilter>,
    },
    /// Polls the bounce mailbox once (async: answered by `serve`, not `execute`).
    BouncesPoll,
}

/// The filters `tidings export` offers (a subset of the search's).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExportFilter {
    pub text: String,
    pub status: Option<String>,
    pub tags: Vec<String>,
    pub lists: Vec<String>,
    /// Segment ids: members of any of them.
    #[serde(default)]
    pub segments: Vec<String>,
}

impl ExportFilter {
    pub fn query(&self) -> Result<crate::search::ContactQuery, String> {
        let segments = self
            .segments
            .iter()
            .map(|s| s.trim().parse().map_err(|_| format!("--segment {s}: not a segment id")))
            .collect::<Result<_, _>>()?;
        Ok(crate::search::ContactQuery {
            text: self.text.clone(),
            status: self.status.as_deref().map(str::parse).transpose()?,
            tags: self.tags.clone(),
            lists: self.lists.clone(),
            segments,
            ..Default::default()
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Response {
    pub ok: bool,
    pub output: String,
}

impl Response {
    fn ok(output: impl Into<String>) -> Self {
        Self { ok: true, output: output.into() }
    }
    fn err(output: impl Into<String>) -> Self {
        Self { ok: false, output: output.into() }
    }
}

fn find(state: &AppState, username: &str) -> Result<crate::auth::User, String> {
    state
        .users
        .find_by_username(username)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no user named `{username}`"))
}

/// Runs one request (blocking).
pub fn execute(state: &AppState, req: Request) -> Response {
    let by = By::cli();
    let result: Result<String, String> = (|| match req {
        Request::Ping => Ok("pong".to_string()),
        Request::UserAdd { username, display_name, role } => {
            let created = ops::create_user(state, by, &username, &display_name, role).map_err(|e| e.to_string())?;
            Ok(format!(
                "created {} ({}), role {}\none-time password: {}\n(it must be changed at first login)",
                created.user.username,
                created.user.id,
                role.as_str(),
                created.one_time_password
            ))
        }
        Request::UserList => {
            let mut out = format!("{:<24} {:<10} {:<9} {:<5} {}\n", "USER", "ROLE", "STATE", "2FA", "LAST LOGIN");
            let now = chrono::Utc::now();
            for u in state.users.list().map_err(|e| e.to_string())? {
                let st = if u.disabled {
                    "disabled"
                } else if u.is_locked(now) {
                    "locked"
                } else {
                    "active"
                };
                out.push_str(&format!(
                    "{:<24} {:<10} {:<9} {:<5} {}\n",
                    u.username,
                    u.role.as_str(),
                    st,
                    if u.totp.is_some() { "yes" } else { "no" },
                    u.last_login_at.map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_else(|| "never".into())
                ));
            }
            Ok(out.trim_end().to_string())
        }
        Request::UserResetPassword { username } => {
            let u = find(state, &username)?;
            let (_, otp) = ops::reset_password(state, by, &u.id).map_err(|e| e.to_string())?;
            Ok(format!(
                "new one-time password for {username}: {otp}\n(sessions ended; it must be changed at next login)"
            ))
        }
        Request::UserUnlock { username } => {
            let u = find(state, &username)?;
            ops::unlock(state, by, &u.id).map_err(|e| e.to_string())?;
            Ok(format!("{username} unlocked"))
        }
        Request::UserDisable { username } => {
            let u = find(state, &username)?;
            ops::set_disabled(state, by, &u.id, true).map_err(|e| e.to_string())?;
            Ok(format!("{username} disabled; its sessions have ended"))
        }
        Request::UserEnable { username } => {
            let u = find(state, &username)?;
            ops::set_disabled(state, by, &u.id, false).map_err(|e| e.to_string())?;
            Ok(format!("{username} enabled"))
        }
        Request::AuditVerify => match state.audit.verify().map_err(|e| e.to_string())? {
            Verification::Intact { entries } => Ok(format!(
                "audit log intact: {entries} entr{}, chain and head verified",
                if entries == 1 { "y" } else { "ies" }
            )),
            Verification::Broken { seq, reason } => Err(format!("audit log BROKEN at entry {seq}: {reason}")),
        },
        Request::ImportStart { path, options } => {
            let size = std::fs::metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?.len();
            let batch = crate::contacts::import::begin(state, &by, None, &options, size).map_err(|e| e.to_string())?;
            let done =
                crate::contacts::import::run(state, by, &path, &options, batch, &|_| {}).map_err(|e| e.to_string())?;
            Ok(done.id)
        }
        Request::ImportStatus { id } => {
            let b = state.imports.get(&id).map_err(|e| e.to_string())?.ok_or_else(|| format!("no import {id}"))?;
            serde_json::to_string(&b).map_err(|e| e.to_string())
        }
        Request::Fields => serde_json::to_string(&state.fields.all()).map_err(|e| e.to_string()),
        Request::Export { out, format, filter } => {
            let format: crate::contacts::export::Format = format.parse()?;
            // A filter that narrows nothing is the whole store, walked without the index.
            let query = filter.as_ref().map(|f| f.query()).transpose()?.filter(|q| q.narrows());
            if let Some(q) = &query {
                // The index follows the feed in batches: let it take in what was just written
                // (a segment's last entries, a contact added a moment ago). An export is a long
                // job run by hand, so it may wait: 2 s was too short on a busy machine (CI, with
                // a segment's entries all arriving at once), and the file came out empty.
                if !state.search.catch_up(std::time::Duration::from_secs(15)) {
                    return Err("the search index is behind the store; try again in a moment".into());
                }
                // Only a built segment's members are its members.
                crate::segments::ops::check_listable(state, &q.segments).map_err(|e| format!("--segment: {e}"))?;
            }
            let file = std::fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?;
            let w = std::io::BufWriter::new(file);
            let n = crate::contacts::export::export(state, by, format, query.as_ref(), w).map_err(|e| e.to_string())?;
            Ok(format!("{n} contacts written to {}", out.display()))
        }
        Request::BouncesPoll => Err("the bounce mailbox is polled through the running server".into()),
        Request::Reindex => {
            let started = std::time::Instant::now();
            let n = state.search.index.rebuild(&state.contacts, &|_| {}).map_err(|e| e.to_string())?;
            state
                .audit
                .record(by.event(crate::audit::Action::SearchReindexed).detail("contacts", n))
                .map_err(|e| e.to_string())?;
            Ok(format!("search index rebuilt: {n} contacts in {:.1} s", started.elapsed().as_secs_f64()))
        }
        Request::Backup { out, key_file } => {
            let report = ops::take_backup(state, by, out.as_deref(), key_file.as_deref()).map_err(|e| e.to_string())?;
            Ok(format!(
                "backup written to {} ({} entries, {} bytes{}; writers paused {} ms)",
                report.path.display(),
                report.entries,
                report.bytes,
                if report.encrypted { ", encrypted" } else { "" },
                report.paused_ms
            ))
        }
    })();
    match result {
        Ok(o) => Response::ok(o),
        Err(e) => Response::err(e),
    }
}

fn start_import(state: Arc<AppState>, path: PathBuf, options: crate::contacts::import::ImportOptions) -> Response {
    let by = By::cli();
    let size = match std::fs::metadata(&path) {
        Ok(m) => m.len(),
        Err(e) => return Response::err(format!("the server cannot read {}: {e}", path.display())),
    };
    match crate::contacts::import::begin(&state, &by, None, &options, size) {
        Ok(batch) => {
            let id = batch.id.clone();
            crate::contacts::import::spawn(state, by, path, options, batch, false);
            Response::ok(id)
        }
        Err(e) => Response::err(e.to_string()),
    }
}

/// Serves the socket until the process ends.
pub async fn serve(state: Arc<AppState>, path: PathBuf) -> std::io::Result<()> {
    let _ = std::fs::remove_file(&path);
    let listener = tokio::net::UnixListener::bind(&path)?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            let state = state.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut line = Vec::new();
                let mut reader = tokio::io::BufReader::new(read.take(MAX_REQUEST_BYTES as u64 + 1));
                if reader.read_until(b'\n', &mut line).await.is_err() || line.is_empty() {
                    return;
                }
                let request = if line.len() > MAX_REQUEST_BYTES && !line.ends_with(b"\n") {
                    Err(format!("the request is longer than {}", crate::units::human(MAX_REQUEST_BYTES)))
                } else {
                    serde_json::from_slice::<Request>(&line).map_err(|e| e.to_string())
                };
                let response = match request {
                    // Imports run on their own thread; the CLI polls ImportStatus.
                    Ok(Request::ImportStart { path, options }) => {
                        let st = state.clone();
                        tokio::task::spawn_blocking(move || start_import(st, path, options))
                            .await
                            .unwrap_or_else(|e| Response::err(e.to_string()))
                    }
                    Ok(Request::BouncesPoll) => match crate::mail::mailbox::poll_and_log(&state).await {
                        Ok(report) => Response::ok(report.describe()),
                        Err(e) => Response::err(e.to_string()),
                    },
                    Ok(req) => {
                        let st = state.clone();
                        tokio::task::spawn_blocking(move || execute(&st, req))
                            .await
                            .unwrap_or_else(|e| Response::err(e.to_string()))
                    }
                    Err(e) => Response::err(format!("bad request: {e}")),
                };
                let mut out = serde_json::to_string(&response).unwrap_or_default();
                out.push('\n');
                let _ = write.write_all(out.as_bytes()).await;
            });
        }
    });
    Ok(())
}

/// Sends one request to a running server. `Ok(None)` when no server listens.
pub fn call(data_dir: &Path, req: &Request) -> std::io::Result<Option<Response>> {
    let path = data_dir.join(SOCKET);
    let mut stream = match std::os::unix::net::UnixStream::connect(&path) {
        Ok(s) => s,
        Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused) => {
            return Ok(None)
        }
        Err(e) => return Err(e),
    };
    let mut line = serde_json::to_string(req).map_err(std::io::Error::other)?;
    line.push('\n');
    stream.write_all(line.as_bytes())?;
    let mut reply = String::new();
    BufReader::new(stream).read_line(&mut reply)?;
    serde_json::from_str(&reply).map(Some).map_err(std::io::Error::other)
}
