//! Starts the real application in-process on port 0 with a temporary data directory, and
//! drives it over real HTTPS with a cookie-keeping client.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use reqwest::blocking::{Client, Response};
use tidings::config::Config;
use tidings::startup::Application;
use tidings::state::AppState;

pub struct TestApp {
    pub url: String,
    pub dir: tempfile::TempDir,
    pub admin_password: String,
    pub state: Arc<AppState>,
    handle: actix_web::dev::ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
}

pub fn test_config(dir: &std::path::Path) -> Config {
    let mut c = Config { data_dir: dir.to_path_buf(), listen: "127.0.0.1:0".parse().unwrap(), ..Default::default() };
    c.jobs.backup = String::new();
    c.jobs.session_cleanup = String::new();
    c.http.workers = 2;
    c
}

pub fn spawn_app() -> TestApp {
    spawn_app_with(|_| {})
}

pub fn spawn_app_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(dir.path());
    tweak(&mut config);
    spawn_in(dir, config)
}

pub fn spawn_in(dir: tempfile::TempDir, config: Config) -> TestApp {
    // Server-side errors show in the failing test's output.
    tidings::telemetry::init(&tidings::config::LogConfig { level: "warn".into(), ..Default::default() });
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let mut app = Application::build(config).await.expect("app builds");
            let password = app.first_admin().await.unwrap().map(|a| a.password).unwrap_or_default();
            tx.send((app.port(), app.handle(), app.state(), password)).unwrap();
            app.run_until_stopped().await.unwrap();
        })
    });
    let (port, handle, state, admin_password) = rx.recv_timeout(Duration::from_secs(30)).expect("app started");
    TestApp { url: format!("https://127.0.0.1:{port}"), dir, admin_password, state, handle, thread: Some(thread) }
}

impl TestApp {
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    /// A fresh browser-like client: keeps cookies, trusts the test server's self-signed
    /// certificate, does not follow redirects (tests look at them).
    pub fn client(&self) -> Client {
        client_builder()
            .cookie_store(true)
            .danger_accept_invalid_certs(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap()
    }

    pub fn get(&self, c: &Client, path: &str) -> Response {
        c.get(format!("{}{path}", self.url)).send().unwrap()
    }

    /// Posts a form with the CSRF token scraped from `form_page`.
    pub fn post_form(&self, c: &Client, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let page = self.get(c, form_page).text().unwrap();
        let csrf = csrf_of(&page);
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        c.post(format!("{}{action}", self.url)).form(&all).send().unwrap()
    }

    /// Signs in; returns the response to the password step.
    pub fn login(&self, c: &Client, username: &str, password: &str) -> Response {
        self.post_form(c, "/login", "/login", &[("username", username), ("password", password)])
    }

    /// Posts the password form: `current` (or the one-time password) to `new`, confirmed.
    pub fn change_password(&self, c: &Client, current: &str, new: &str) -> Response {
        self.post_form(
            c,
            "/account/password",
            "/account/password",
            &[("current", current), ("new", new), ("confirm", new)],
        )
    }

    /// Signs in as the first admin and replaces the one-time password with `new`.
    pub fn login_admin(&self, new: &str) -> Client {
        let c = self.client();
        sign_in_first_admin(&self.url, &c, &self.admin_password, new);
        c
    }

    /// An admin adds a user through the UI; the user signs in with the one-time password and
    /// sets `NEW_PASSWORD`. Returns the user's signed-in client.
    pub fn signed_in_user(&self, admin: &Client, username: &str, role: &str) -> Client {
        let page =
            self.post_form(admin, "/users/new", "/users", &[("username", username), ("role", role)]).text().unwrap();
        let otp = text_of_id(&page, "otp").expect("one-time password shown");
        let c = self.client();
        assert_eq!(self.login(&c, username, &otp).status(), 303);
        let r = self.change_password(&c, &otp, NEW_PASSWORD);
        assert_eq!(r.status(), 303);
        c
    }

    /// Creates an API token for the admin with the given scopes; returns the bearer secret.
    pub fn admin_token(&self, scopes: &[&str]) -> String {
        let admin = self.state.users.find_by_username("admin").unwrap().unwrap();
        let scopes = scopes.iter().map(|s| s.parse().unwrap()).collect();
        let (_, secret) = self.state.tokens.create(admin.id, "test", scopes, None).unwrap();
        secret
    }

    pub fn stop(mut self) -> tempfile::TempDir {
        self.shutdown();
        std::mem::replace(&mut self.dir, tempfile::tempdir().unwrap())
    }

    fn shutdown(&mut self) {
        if let Some(t) = self.thread.take() {
            actix_web::rt::System::new().block_on(self.handle.stop(true));
            t.join().unwrap();
        }
        // The state may outlive the server (tests hold it): stop the indexer before the
        // temporary data directory goes, or it reports the vanished files.
        self.state.search.stop();
        self.state.clock.stop();
        self.state.feed.stop();
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Signs `c` (a cookie-keeping client) in as the first admin of the server at `url` and
/// replaces the one-time password with `new`: for servers started as a process of their own.
pub fn sign_in_first_admin(url: &str, c: &Client, one_time: &str, new: &str) {
    let post = |path: &str, fields: &[(&str, &str)]| {
        let csrf = csrf_of(&c.get(format!("{url}{path}")).send().unwrap().text().unwrap());
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        c.post(format!("{url}{path}")).form(&all).send().unwrap()
    };
    let r = post("/login", &[("username", "admin"), ("password", one_time)]);
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/account/password");
    let r = post("/account/password", &[("current", one_time), ("new", new), ("confirm", new)]);
    assert_eq!(r.status(), 303, "password change: {}", r.text().unwrap_or_default());
}

pub fn csrf_of(page: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker).unwrap_or_else(|| panic!("no csrf field in page:\n{page}")) + marker.len();
    let end = page[start..].find('"').unwrap();
    page[start..start + end].to_string()
}

pub fn location(r: &Response) -> String {
    r.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

/// Text of the element with `id="…"` (first occurrence), tags stripped.
pub fn text_of_id(page: &str, id: &str) -> Option<String> {
    let marker = format!("id=\"{id}\"");
    let at = page.find(&marker)?;
    let open_end = at + page[at..].find('>')? + 1;
    let close = open_end + page[open_end..].find("</")?;
    Some(page[open_end..close].trim().to_string())
}

pub const NEW_PASSWORD: &str = "a long and sensible passphrase";

/// Every test client starts here: reqwest is built without a crypto provider of its own, so the
/// process-wide default is set to aws-lc-rs (the server's one provider) first.
pub fn client_builder() -> reqwest::blocking::ClientBuilder {
    static PROVIDER: std::sync::Once = std::sync::Once::new();
    PROVIDER.call_once(|| {
        // Err only when another thread installed one first, which is the same provider.
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    });
    Client::builder()
}

/// A client that accepts the test certificate, follows no redirect (so a test sees the 302 of a
/// click or the 303 of a form), and keeps no cookies.
pub fn bare_client() -> Client {
    client_builder()
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// The first admin's one-time password of a `tidings serve` child: off a terminal the server
/// writes it to `<data_dir>/first-admin-password` (0600), never to its log.
pub fn first_admin_password(data_dir: &std::path::Path) -> String {
    let file = data_dir.join("first-admin-password");
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let password = std::fs::read_to_string(&file).unwrap_or_default().trim().to_string();
        if !password.is_empty() {
            return password;
        }
        assert!(std::time::Instant::now() < deadline, "the server wrote no first admin's password");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `n` subscribers (`r0000@example.org` …) with newsletter consent on a new list `news`, written
/// the way a bulk upsert writes them (one commit for all), as the crash tests start from.
pub fn seed_news_subscribers(state: &AppState, n: usize) {
    use tidings::domain::{ConsentEntry, ContactInput, EmailAddress, MergePolicy, Source, Via};
    tidings::contacts::ops::create_list(state, tidings::ops::By::cli(), "News", "").unwrap();
    let fields = state.fields.all();
    let mut last = 0;
    for i in 0..n {
        let input = ContactInput {
            email: Some(EmailAddress::parse(&format!("r{i:04}@example.org")).unwrap()),
            lists: Some(["news".to_string()].into()),
            ..Default::default()
        };
        let consent = ConsentEntry {
            purpose: "newsletter".into(),
            granted: true,
            at: chrono::Utc::now(),
            via: Via::Import("test".into()),
            wording: None,
            ip: None,
            user_agent: None,
            note: String::new(),
        };
        let (_, _, seq) = tidings::contacts::ops::upsert_uncommitted(
            state,
            &input,
            MergePolicy::Overwrite,
            Source::Import,
            "test",
            std::slice::from_ref(&consent),
            &fields,
        )
        .unwrap();
        last = last.max(seq);
    }
    state.store.commit().unwrap();
    state.contacts.announce(last);
}

/// A free loopback port (closed again at once) for a `tidings serve` child.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The real binary serving `dir` with `config` on loopback `port`, as the crash tests kill it;
/// `fault` arms a fault point (`TIDINGS_FAULT`, see `tidings::fault`).
pub fn serve_binary(
    port: u16,
    dir: &std::path::Path,
    config: &std::path::Path,
    fault: Option<&str>,
) -> std::process::Child {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"));
    cmd.args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
        .arg(dir)
        .arg("--config")
        .arg(config)
        .env("TIDINGS_LOG__LEVEL", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit());
    if let Some(f) = fault {
        cmd.env("TIDINGS_FAULT", f);
    }
    cmd.spawn().unwrap()
}

/// English left on a page meant to be in another language: each piece of visible text (and
/// each `placeholder`, `title`, `aria-label`, `alt`, and button `value`) that holds a word
/// only English uses. Scripts, styles and comments are skipped; `allowed` names texts the
/// test put there itself (a contact's name, a campaign's subject).
pub fn english_left(html: &str, allowed: &[&str]) -> Vec<String> {
    const ENGLISH: &[&str] = &[
        "the", "and", "of", "is", "are", "with", "your", "has", "been", "this", "that", "which", "will", "from",
        "when", "there", "should", "not", "yet", "you", "no", "none", "save", "delete", "add", "new", "edit", "cancel",
        "send", "search", "email", "created", "show", "all", "back", "download",
    ];
    let mut rest = html.to_string();
    for (open, close) in [("<script", "</script>"), ("<style", "</style>"), ("<!--", "-->"), ("<svg", "</svg>")] {
        while let Some(a) = rest.find(open) {
            let Some(b) = rest[a..].find(close) else { break };
            rest.replace_range(a..a + b + close.len(), " ");
        }
    }
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' {
            text.push(c);
            continue;
        }
        pieces.push(std::mem::take(&mut text));
        let mut tag = String::new();
        for c in chars.by_ref() {
            if c == '>' {
                break;
            }
            tag.push(c);
        }
        let is_button =
            tag.starts_with("input") && (tag.contains("type=\"submit\"") || tag.contains("type=\"button\""));
        for attr in ["placeholder=\"", "title=\"", "aria-label=\"", "alt=\"", "value=\""] {
            if attr == "value=\"" && !is_button {
                continue;
            }
            let mut from = 0;
            while let Some(i) = tag[from..].find(attr) {
                let start = from + i + attr.len();
                let end = tag[start..].find('"').map_or(tag.len(), |e| start + e);
                // ` title=` and not `data-title=`.
                if from + i == 0 || tag[..from + i].ends_with(' ') {
                    pieces.push(tag[start..end].to_string());
                }
                from = end;
            }
        }
    }
    pieces.push(text);
    let decode = |s: &str| {
        s.replace("&amp;", "&")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&#x2f;", "/")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
    };
    pieces
        .into_iter()
        .map(|p| decode(p.trim()))
        .filter(|p| !p.is_empty() && !allowed.iter().any(|a| p.contains(a)))
        // Words only: a token with a digit in it is an id or a code (`add51c43` in a uuid).
        .filter(|p| {
            p.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
                .any(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
        })
        .collect()
}

#[test]
fn english_left_finds_english_text_and_attributes_only() {
    let page = r#"<html><head><style>.the { }</style><script>let the = 1;</script></head><body>
        <h1>Kontakte</h1><p>Show all</p><input type="text" placeholder="Search the list" data-title="the">
        <input type="submit" value="Speichern"><input type="submit" value="Save"><img alt="Logo">
        <p>Anna and Bob</p><!-- the comment --><p>message:01a250a5-b574-add51c43e888</p></body></html>"#;
    assert_eq!(english_left(page, &["Anna and Bob"]), vec!["Show all", "Search the list", "Save"]);
}

/// The application on the data directory `dir` with the config file `config_file`, with no
/// server: what the command line opens, for crash tests that look at the store after a kill.
pub fn offline_state(dir: &std::path::Path, config_file: &std::path::Path) -> AppState {
    let mut config = Config::load(Some(config_file), &Default::default()).unwrap().config;
    config.data_dir = dir.to_path_buf();
    let options = tidings::store::OpenOptions::from_config(&config, tidings::wiring::registry());
    let store = tidings::store::Store::open(dir, &options).unwrap();
    AppState::new(config, store).unwrap()
}
