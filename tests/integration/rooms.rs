//! Rooms by role (issue 21): a repository owns storage (it opens sled trees or holds them) and
//! never names `AppState`, the application's service locator; operations that need several
//! repositories take `&AppState` and open no tree themselves; and one room does not open
//! another room's trees, it asks that room's repository.
//!
//! These read the source, since the rules are about where code lives. The edge and the wiring
//! (src/http/, src/cli/, state.rs, startup.rs, control.rs, wiring.rs) are left out: they build
//! or hand out the state by design.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use regex::Regex;

/// Paths under src/ the rules do not apply to.
const LEFT_OUT: [&str; 6] = ["http/", "cli/", "state.rs", "startup.rs", "control.rs", "wiring.rs"];

/// Opening or holding storage (the issue's own expression).
const STORAGE: &str = r"\.(tree|sealed|plain)(::<[^>]*>)?\(|SealedTree<|PlainTree<|sled::Tree";

/// A tree opened: the method, then the argument's path.
const OPENS: &str = r"\.(?:tree|sealed|plain)(?:::<[^>]*>)?\(\s*&?\s*((?:crate|super|self)?(?:::)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)";

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every checked file under src/: its path relative to src/ (with `/`) and its code.
fn sources() -> Vec<(String, String)> {
    let root = src_dir();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut out: Vec<(String, String)> = files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .filter(|(rel, _)| !LEFT_OUT.iter().any(|l| rel == l || (l.ends_with('/') && rel.starts_with(l))))
        .map(|(rel, text)| (rel, code_only(&text)))
        .collect();
    out.sort();
    out
}

/// The source without its comments (line, doc and block comments), strings and character
/// literals kept as they are, so that a `//` inside a string is not taken for a comment and
/// prose that mentions `AppState` does not count.
fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if c[i] == '\n' {
                            out.push('\n');
                        }
                        i += 1;
                    }
                }
            }
            'r' if (i == 0 || !ident(c[i - 1]) || (c[i - 1] == 'b' && (i < 2 || !ident(c[i - 2]))))
                && matches!(c.get(i + 1), Some('"') | Some('#')) =>
            {
                // A raw string: r"…" or r#"…"#, ended by the quote and as many hashes.
                let mut j = i + 1;
                let mut hashes = 0;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    out.push(c[i]);
                    i += 1;
                    continue;
                }
                j += 1;
                while j < c.len() && !(c[j] == '"' && (1..=hashes).all(|h| c.get(j + h) == Some(&'#'))) {
                    j += 1;
                }
                let end = (j + 1 + hashes).min(c.len());
                out.extend(&c[i..end]);
                i = end;
            }
            '"' => {
                let mut j = i + 1;
                while j < c.len() && c[j] != '"' {
                    j += if c[j] == '\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(c.len());
                out.extend(&c[i..end]);
                i = end;
            }
            '\'' => {
                // A character literal ('x', '\n', '\u{1F600}', '"'), or else a lifetime.
                let end = if c.get(i + 1) == Some(&'\\') {
                    (i + 3..c.len()).find(|&j| c[j] == '\'').map(|j| j + 1)
                } else if c.get(i + 2) == Some(&'\'') {
                    Some(i + 3)
                } else {
                    None
                };
                let end = end.unwrap_or(i + 1);
                out.extend(&c[i..end]);
                i = end;
            }
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

/// The room a file belongs to: its first directory under src/, or the file itself
/// (`gdpr/retention.rs` → `gdpr`, `intake.rs` → `intake`).
fn room_of(rel: &str) -> String {
    rel.split('/').next().unwrap().trim_end_matches(".rs").to_string()
}

/// The module path of a file (`gdpr/breaches/mod.rs` → [gdpr, breaches]).
fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel.trim_end_matches(".rs").split('/').map(String::from).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib" || p == "main") {
        parts.pop();
    }
    parts
}

/// The room a path written in `rel` names, when it names one (`crate::tracking::store::BY_TIME`
/// → tracking; `super::super::contacts::X` from src/mail/bounce/mod.rs → contacts).
fn room_named(rel: &str, path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    match segments.first() {
        Some(&"crate") => segments.get(1).filter(|_| segments.len() > 2).map(|s| s.to_string()),
        Some(&"super") => {
            let mut module = module_of(rel);
            let mut rest = &segments[..];
            while rest.first() == Some(&"super") {
                module.pop();
                rest = &rest[1..];
            }
            match module.first() {
                Some(room) => Some(room.clone()),
                None => rest.first().filter(|_| rest.len() > 1).map(|s| s.to_string()),
            }
        }
        _ => None,
    }
}

/// Constants a file imports from another room with `use crate::<room>::…` (name → room).
fn imported_constants(rel: &str, code: &str) -> HashMap<String, String> {
    let uses = Regex::new(r"\buse\s+crate::([A-Za-z_][A-Za-z0-9_]*)::([^;]*);").unwrap();
    let names = Regex::new(r"\b([A-Z][A-Z0-9_]*)\b(?:\s+as\s+([A-Za-z_][A-Za-z0-9_]*))?").unwrap();
    let own = room_of(rel);
    let mut out = HashMap::new();
    for u in uses.captures_iter(code) {
        let room = &u[1];
        if room == own {
            continue;
        }
        for n in names.captures_iter(&u[2]) {
            let bound = n.get(2).map_or(&n[1], |m| m.as_str());
            out.insert(bound.to_string(), room.to_string());
        }
    }
    out
}

/// Files that name `AppState` in code and open or hold storage.
fn locators_holding_storage(files: &[(String, String)]) -> Vec<String> {
    let app_state = Regex::new(r"\bAppState\b").unwrap();
    let storage = Regex::new(STORAGE).unwrap();
    files
        .iter()
        .filter(|(_, code)| app_state.is_match(code) && storage.is_match(code))
        .map(|(rel, _)| format!("src/{rel}"))
        .collect()
}

/// Trees a file opens that belong to another room: `file: .tree(path) (room's)`.
fn foreign_opens(files: &[(String, String)]) -> Vec<String> {
    let opens = Regex::new(OPENS).unwrap();
    let mut out = Vec::new();
    for (rel, code) in files {
        let own = room_of(rel);
        let imported = imported_constants(rel, code);
        for m in opens.captures_iter(code) {
            let arg = &m[1];
            let room = room_named(rel, arg).or_else(|| imported.get(arg).cloned());
            if let Some(room) = room.filter(|r| *r != own) {
                let call = m[0].split_whitespace().collect::<String>();
                out.push(format!("src/{rel}: {call}) opens a tree of `{room}`"));
            }
        }
    }
    out
}

#[test]
fn the_checks_read_the_source_and_see_what_they_look_for() {
    let files = sources();
    assert!(files.len() > 100, "src/ read from {}: {} files", src_dir().display(), files.len());
    assert!(files.iter().all(|(rel, _)| !rel.starts_with("http/") && rel != "state.rs"));

    let sample = r#"
        //! Holds AppState? Only in a comment: `state.store.tree(X)`.
        use crate::state::AppState;
        use crate::tracking::website::{Visitor, VISITORS as SEEN_VISITORS};
        const URL: &str = "https://example.org/*not a comment*/";
        fn a<'a>(state: &'a AppState) -> char {
            let _ = state.store.tree(crate::tracking::store::BY_TIME);
            let _ = state.store.sealed::<Visitor>(SEEN_VISITORS);
            let _ = state.store.plain(super::super::contacts::CONTACTS);
            let _ = state.store.tree(super::OWN);
            '"'
        }
    "#;
    let code = code_only(sample);
    assert!(!code.contains("Only in a comment"), "{code}");
    assert!(code.contains("https://example.org/*not a comment*/"), "{code}");
    assert!(code.contains("'\"'"), "{code}");

    let files = vec![("gdpr/breaches/mod.rs".to_string(), code.clone())];
    assert_eq!(locators_holding_storage(&files), ["src/gdpr/breaches/mod.rs"]);
    let found = foreign_opens(&files);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].contains("crate::tracking::store::BY_TIME") && found[0].ends_with("`tracking`"), "{found:#?}");
    assert!(found[1].contains("SEEN_VISITORS") && found[1].ends_with("`tracking`"), "{found:#?}");
    assert!(found[2].ends_with("`contacts`"), "{found:#?}");

    let comment_only =
        vec![("jobs/log.rs".to_string(), code_only("//! Not AppState.\nfn f(s: &Store) { s.plain(TREE); }"))];
    assert!(locators_holding_storage(&comment_only).is_empty());
}

#[test]
fn repositories_never_name_the_app_state() {
    let found = locators_holding_storage(&sources());
    assert!(
        found.is_empty(),
        "these files open or hold storage (a repository's work) and name AppState (an operation's): move the \
         storage into a repository module that does not know the state, and keep the operations apart:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_room_opens_another_room_s_trees() {
    let found = foreign_opens(&sources());
    assert!(
        found.is_empty(),
        "these open another room's tree; give that room's repository the read it needs and call it:\n{}",
        found.join("\n")
    );
}
