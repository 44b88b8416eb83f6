//! A real browser (headless Chromium through chromedriver) signs in, replaces the one-time
//! password, turns on two-factor authentication and signs in again with a TOTP code; and
//! works with contacts: a custom field, a CSV import with mapping, search as you type, edit.
//!
//! The WebDriver protocol (W3C, JSON over HTTP) is spoken directly with the blocking reqwest
//! client: fantoccini is built without a TLS feature here and its `ClientBuilder::new` needs a
//! hyper-util connector, which this package cannot name (hyper-util is not a direct dependency).
//!
//! Needs /usr/bin/chromedriver and /usr/bin/chromium; set `TIDINGS_SKIP_BROWSER=1` to skip when
//! they are missing.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, NEW_PASSWORD};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// The W3C web element identifier key.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// chromedriver, killed when dropped (also on panic).
struct Driver {
    child: Child,
    port: u16,
    profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start_driver(http: &reqwest::blocking::Client) -> Driver {
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let mut driver = Driver { child, port, profile: tempfile::tempdir().unwrap() };
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(r) = http.get(format!("http://127.0.0.1:{port}/status")).send() {
            if r.json::<Value>().is_ok_and(|v| v["value"]["ready"] == true) {
                return driver;
            }
        }
        if let Ok(Some(status)) = driver.child.try_wait() {
            panic!("chromedriver exited early ({status}); is port {port} taken?");
        }
        assert!(Instant::now() < deadline, "chromedriver not ready after 15 s on port {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// One WebDriver session; deleted (Chromium quits) when dropped, before chromedriver is killed.
struct Browser {
    http: reqwest::blocking::Client,
    session: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.http.delete(&self.session).send();
    }
}

impl Browser {
    fn open(http: reqwest::blocking::Client, driver: &Driver) -> Browser {
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "acceptInsecureCerts": true,
            "timeouts": { "implicit": 5000, "pageLoad": 30000, "script": 10000 },
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic",
                    "--ignore-certificate-errors", "--window-size=1280,900",
                    format!("--user-data-dir={}", driver.profile.path().display()),
                ],
                // Downloads land in the profile's `downloads` folder, without a prompt.
                "prefs": {
                    "download.default_directory": driver.profile.path().join("downloads").display().to_string(),
                    "download.prompt_for_download": false,
                },
            },
        }}});
        let base = format!("http://127.0.0.1:{}/session", driver.port);
        let r = http.post(&base).json(&caps).send().expect("new session request");
        let v: Value = r.json().expect("new session reply");
        let id = v["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no WebDriver session: {v}")).to_string();
        Browser { http, session: format!("{base}/{id}") }
    }

    fn cmd(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut req = self.http.request(method.clone(), format!("{}{path}", self.session));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        let ok = r.status().is_success();
        let v: Value = r.json().unwrap_or_else(|e| panic!("WebDriver {method} {path}: bad reply: {e}"));
        if !ok {
            panic!("WebDriver {method} {path} failed: {}: {}", v["value"]["error"], v["value"]["message"]);
        }
        v["value"].clone()
    }

    /// Like `text`, but None when the element went away meanwhile (the page script replaced it).
    fn try_text(&self, css: &str) -> Option<String> {
        let v =
            self.try_cmd(reqwest::Method::POST, "/element", Some(json!({ "using": "css selector", "value": css })))?;
        let el = v[ELEMENT].as_str()?.to_string();
        Some(self.try_cmd(reqwest::Method::GET, &format!("/element/{el}/text"), None)?.as_str()?.to_string())
    }

    fn try_cmd(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Option<Value> {
        let mut req = self.http.request(method, format!("{}{path}", self.session));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().ok()?;
        let ok = r.status().is_success();
        let v: Value = r.json().ok()?;
        ok.then(|| v["value"].clone())
    }

    fn post(&self, path: &str, body: Value) -> Value {
        self.cmd(reqwest::Method::POST, path, Some(body))
    }

    fn get(&self, path: &str) -> Value {
        self.cmd(reqwest::Method::GET, path, None)
    }

    fn goto(&self, url: &str) {
        self.post("/url", json!({ "url": url }));
    }

    fn url(&self) -> String {
        self.get("/url").as_str().unwrap_or_default().to_string()
    }

    fn source(&self) -> String {
        self.get("/source").as_str().unwrap_or_default().to_string()
    }

    fn find_by(&self, using: &str, value: &str) -> String {
        let v = self.post("/element", json!({ "using": using, "value": value }));
        v[ELEMENT].as_str().unwrap_or_else(|| panic!("no element id for {value}: {v}")).to_string()
    }

    fn find(&self, css: &str) -> String {
        self.find_by("css selector", css)
    }

    fn fill(&self, css: &str, text: &str) {
        let el = self.find(css);
        self.post(&format!("/element/{el}/clear"), json!({}));
        self.post(&format!("/element/{el}/value"), json!({ "text": text }));
    }

    fn click_button(&self, label: &str) {
        let el = self.find_by("xpath", &format!("//button[normalize-space()='{label}']"));
        self.post(&format!("/element/{el}/click"), json!({}));
    }

    fn text(&self, css: &str) -> String {
        let el = self.find(css);
        self.get(&format!("/element/{el}/text")).as_str().unwrap_or_default().to_string()
    }

    /// Clicks, looking the element up again if the page replaced it in between.
    fn click(&self, css: &str) {
        for _ in 0..20 {
            let found =
                self.try_cmd(reqwest::Method::POST, "/element", Some(json!({ "using": "css selector", "value": css })));
            if let Some(el) = found.as_ref().and_then(|v| v[ELEMENT].as_str()) {
                if self.try_cmd(reqwest::Method::POST, &format!("/element/{el}/click"), Some(json!({}))).is_some() {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("could not click {css}; page:\n{}", self.source());
    }

    /// Types into a field key by key (as a person would), without clearing it.
    fn type_keys(&self, css: &str, text: &str) {
        let el = self.find(css);
        self.post(&format!("/element/{el}/value"), json!({ "text": text }));
    }

    fn select(&self, css: &str, value: &str) {
        let el = self.find(&format!("{css} option[value='{value}']"));
        self.post(&format!("/element/{el}/click"), json!({}));
    }

    /// Waits until `css` matches at least one element whose text contains `needle`.
    fn wait_for_text(&self, css: &str, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            // Elements may be replaced between the lookup and the read (live search): a stale
            // one is simply looked up again on the next round.
            let found = self.try_cmd(
                reqwest::Method::POST,
                "/elements",
                Some(json!({ "using": "css selector", "value": css })),
            );
            let hit = found.as_ref().and_then(Value::as_array).into_iter().flatten().any(|e| {
                let id = e[ELEMENT].as_str().unwrap_or_default();
                self.try_cmd(reqwest::Method::GET, &format!("/element/{id}/text"), None)
                    .and_then(|v| v.as_str().map(|t| t.contains(needle)))
                    .unwrap_or(false)
            });
            if hit {
                return;
            }
            if Instant::now() > deadline {
                panic!("no {css} containing {needle:?}; page:\n{}", self.source());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn attribute(&self, css: &str, name: &str) -> String {
        let el = self.find(css);
        self.get(&format!("/element/{el}/attribute/{name}")).as_str().unwrap_or_default().to_string()
    }

    fn count(&self, css: &str) -> usize {
        self.post("/elements", json!({ "using": "css selector", "value": css })).as_array().map_or(0, Vec::len)
    }

    /// Waits until the page's path (query and fragment ignored) is `path`.
    fn wait_for_path(&self, app_url: &str, path: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let url = self.url();
            let here = url.strip_prefix(app_url).unwrap_or(&url);
            let here = here.split(['?', '#']).next().unwrap_or_default();
            if here == path {
                return;
            }
            if Instant::now() > deadline {
                panic!("expected {path}, still on {url}; page:\n{}", self.source());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A screenshot of one element (all of it, also what lies below the window).
    fn screenshot_of(&self, css: &str, to: &Path) -> usize {
        let el = self.find(css);
        let b64 = self.get(&format!("/element/{el}/screenshot"));
        let png = base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap()).unwrap();
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, &png).unwrap();
        png.len()
    }

    fn screenshot(&self, to: &Path) -> usize {
        let b64 = self.get("/screenshot");
        let png = base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap()).unwrap();
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, &png).unwrap();
        png.len()
    }
}

/// The first admin signs in with the one-time password and sets `NEW_PASSWORD`.
fn first_sign_in(b: &Browser, app: &crate::helpers::TestApp) {
    let url = app.url.as_str();
    b.goto(&format!("{url}/login"));
    b.fill("#username", "admin");
    b.fill("#password", &app.admin_password);
    b.click_button("Sign in");
    b.wait_for_path(url, "/account/password");
    b.fill("#current", &app.admin_password);
    b.fill("#new", NEW_PASSWORD);
    b.fill("#confirm", NEW_PASSWORD);
    b.click_button("Save password");
    b.wait_for_path(url, "/");
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

/// False (test skipped) when the browser is missing and `TIDINGS_SKIP_BROWSER=1`.
fn browser_available() -> bool {
    for tool in [CHROMEDRIVER, CHROMIUM] {
        if !Path::new(tool).exists() {
            if std::env::var("TIDINGS_SKIP_BROWSER").as_deref() == Ok("1") {
                println!("browser test skipped: {tool} is missing (TIDINGS_SKIP_BROWSER=1)");
                return false;
            }
            panic!("{tool} is missing: apt-get install -y chromium chromium-driver, or set TIDINGS_SKIP_BROWSER=1");
        }
    }
    true
}

fn shot_path(name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "screenshots", name].iter().collect()
}

/// A shop's pages on another origin than the appliance (plain HTTP on loopback), embedding the
/// tracker from the appliance (whose address is set once it runs): `/landing.html` asks for
/// consent and sells a shoe; `/gpc.html` turns Global Privacy Control on, then consents and
/// asks for a page view at once. Returns the port and where to put the appliance's address.
fn serve_shop() -> (u16, std::sync::Arc<std::sync::OnceLock<String>>) {
    use std::io::{Read, Write};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let app = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let app_url = app.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 8192];
            let n = s.read(&mut buf).unwrap_or(0);
            let req = String::from_utf8_lossy(&buf[..n]);
            let path = req.split_whitespace().nth(1).unwrap_or("/").split('?').next().unwrap_or("/").to_string();
            let tracker = format!(
                "<script>window.tidings=window.tidings||function(){{(tidings.q=tidings.q||[]).push(arguments)}};</script>\
                 <script src=\"{}/t.js\" async></script>",
                app_url.get().map(String::as_str).unwrap_or("")
            );
            let body = match path.as_str() {
                "/landing.html" => format!(
                    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Shoe shop</title>{tracker}</head>\
                     <body style=\"font:18px sans-serif;margin:3em\"><h1>Shoe shop</h1>\
                     <p>Red running shoe, 59.90 EUR</p><p id=state>May we measure your visit?</p>\
                     <button id=accept>Accept</button> <button id=buy>Buy</button>\
                     <script>\
                     document.getElementById('accept').onclick=function(){{tidings('consent',true);tidings('page');\
                     tidings('event','product_viewed',{{sku:'SH-1'}});\
                     document.getElementById('state').textContent='Thank you: your visit is measured.';}};\
                     document.getElementById('buy').onclick=function(){{tidings('order',{{id:'W-1',amount:'59.90',\
                     currency:'EUR',items:[{{sku:'SH-1',name:'Red running shoe',quantity:1,price:'59.90'}}]}});\
                     document.getElementById('state').textContent='Order placed: W-1';}};\
                     </script></body></html>"
                ),
                "/gpc.html" => format!(
                    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Private shop</title>\
                     <script>Object.defineProperty(Navigator.prototype,'globalPrivacyControl',\
                     {{get:function(){{return true}}}});</script>{tracker}</head><body><h1>Private shop</h1>\
                     <script>tidings('consent',true);tidings('page');</script></body></html>"
                ),
                _ => String::new(),
            };
            let status = if body.is_empty() { "404 Not Found" } else { "200 OK" };
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (port, app)
}

#[test]
fn browser_shop_page_with_the_tracker_links_a_clicking_reader_and_records_an_order() {
    if !browser_available() {
        return;
    }
    let started = Instant::now();
    let sink = crate::smtp_sink::SmtpSink::start(Default::default());
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let (port, app_url) = serve_shop();
    // Two origins for the same pages: 127.0.0.1 (the shop) and localhost (a second shop
    // whose visitor has Global Privacy Control on; listed too, so a hit would be recorded).
    let shop = format!("http://127.0.0.1:{port}");
    let app = crate::helpers::spawn_app_with(|c| {
        crate::campaigns::mail_config(c, sink.port());
        c.tracking.scanner_window_secs = 0;
        c.tracking.sites = vec![shop.clone(), format!("http://localhost:{port}")];
    });
    app_url.set(app.url.clone()).unwrap();
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    let ann = crate::tracking::contact_with(&api, "ann@example.org", &["newsletter", "engagement", "website_tracking"]);
    let ann: tidings::domain::ContactId = ann.parse().unwrap();

    // A campaign links to the shop's page; Ann's mail arrives with a tracked link.
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({
            "name": "Shoes", "subject": "New shoes", "format": "markdown", "lists": ["news"],
            "body": format!("# New shoes\n\n[See the shoe]({shop}/landing.html)"),
        })),
    );
    let campaign = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{campaign}/send"), None);
    let mails = sink.wait_for(1);
    let text = String::from_utf8_lossy(&mails[0].data).replace("=\r\n", "").replace("=3D", "=");
    let at = text.find("/c/").expect("a tracked link");
    let click: String = text[at..].chars().take_while(|c| !c.is_whitespace() && *c != '"' && *c != ')').collect();

    // She clicks: the redirect lands on the shop with a token, which the tracker takes out of
    // the address bar at once; before consent nothing is stored.
    let b = Browser::open(http.clone(), &driver);
    // Headless Chromium says so in its user agent, which the click redirect rightly takes for
    // a machine's; Ann's browser is an ordinary one.
    b.post(
        "/goog/cdp/execute",
        json!({"cmd": "Emulation.setUserAgentOverride", "params": {"userAgent":
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"}}),
    );
    b.goto(&format!("{}{click}", app.url));
    b.wait_for_text("h1", "Shoe shop");
    let deadline = Instant::now() + Duration::from_secs(10);
    while b.url().contains("_tdg=") {
        assert!(Instant::now() < deadline, "the token stays in the address bar: {}", b.url());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(b.url(), format!("{shop}/landing.html"));
    let stored = |b: &Browser| {
        b.post("/execute/sync", json!({"script": "return localStorage.getItem('tidings_visitor')", "args": []}))
    };
    assert_eq!(stored(&b), Value::Null, "nothing stored before consent");

    // Consent, a page view and a product view; then an order.
    b.click("#accept");
    b.wait_for_text("#state", "Thank you");
    assert!(stored(&b).as_str().is_some_and(|v| v.len() == 32), "a random visitor id after consent");
    let wait_for = |what: &str, ok: &dyn Fn(&[tidings::domain::Event]) -> bool| {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            app.state.tracking.record_durable_blocking(Vec::new()).unwrap();
            let events = app.state.tracking.store.events_of(&ann, 50).unwrap();
            if ok(&events) {
                return events;
            }
            assert!(Instant::now() < deadline, "{what}: {events:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    use tidings::domain::EventKind;
    wait_for("a page view and a product view as Ann's", &|e| {
        e.iter().any(|e| e.kind == EventKind::PageView) && e.iter().any(|e| e.name.as_deref() == Some("product_viewed"))
    });
    b.click("#buy");
    b.wait_for_text("#state", "Order placed");
    let events = wait_for("the order as Ann's", &|e| e.iter().any(|e| e.kind == EventKind::Order));
    let order = events.iter().find(|e| e.kind == EventKind::Order).unwrap();
    assert_eq!((order.amount_cents, order.currency.as_deref()), (Some(5990), Some("EUR")));
    assert_eq!(order.mailing.map(|m| m.to_string()).as_deref(), Some(campaign.as_str()), "attributed to the campaign");
    assert_eq!(order.ip.map(|i| i.to_string()).as_deref(), Some("127.0.0.0/24"));
    assert!(order.agent.starts_with("Chrome"), "{}", order.agent);
    b.screenshot(&shot_path("website-shop.png"));

    // The report's numbers, through the API the other pages use.
    let (totals, _) = app.state.tracking.store.totals(&campaign.parse().unwrap()).unwrap();
    assert_eq!((totals.orders, totals.revenue_cents, totals.clicks), (1, 5990, 1), "{totals:?}");

    // Global Privacy Control: the script stores nothing and sends nothing, consent or not.
    let before = app.state.tracking.store.totals(&tidings::tracking::OVERALL).unwrap().0.page_views;
    b.goto(&format!("http://localhost:{port}/gpc.html"));
    b.wait_for_text("h1", "Private shop");
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(stored(&b), Value::Null, "no visitor id under GPC");
    app.state.tracking.record_durable_blocking(Vec::new()).unwrap();
    let after = app.state.tracking.store.totals(&tidings::tracking::OVERALL).unwrap().0.page_views;
    assert_eq!(after, before, "no hit under GPC");

    // The admin sees it all: the page view and the order in Ann's timeline, the order in the
    // campaign's report, and the day's page views and orders on the dashboard.
    let growth = &app.state.store;
    let now = chrono::Utc::now();
    for days_ago in 1..=6 {
        // As the hourly list_growth job would have left the week before Ann signed up.
        let at = now - chrono::Duration::days(days_ago);
        tidings::reports::growth::save(growth, &tidings::reports::growth::Snapshot { at, ..Default::default() })
            .unwrap();
    }
    tidings::jobs::list_growth(&app.state).unwrap();
    // Tall enough for whole pages in the screenshots.
    b.post("/window/rect", json!({ "width": 1280, "height": 2400 }));
    first_sign_in(&b, &app);
    b.goto(&format!("{}/contacts/{ann}", app.url));
    b.wait_for_text("#timeline", "Order of 59.90 EUR");
    let timeline = b.text("#timeline");
    assert!(timeline.contains("1 × Red running shoe (SH-1) at 59.90 EUR"), "{timeline}");
    assert!(timeline.contains(&format!("Viewed a page: {shop}/landing.html")), "{timeline}");
    assert!(timeline.contains("Event product_viewed") && timeline.contains("sku: SH-1"), "{timeline}");
    assert!(timeline.contains("Clicked a link in campaign “Shoes”"), "{timeline}");
    assert!(timeline.find("Order of").unwrap() < timeline.find("Viewed a page").unwrap(), "newest first");
    // The send is kept in whole seconds, often the second the contact was created in.
    assert!(
        timeline.find("Sent: campaign “Shoes”").unwrap() < timeline.find("Created (source").unwrap(),
        "sent after created: {timeline}"
    );
    b.screenshot_of("#timeline", &shot_path("contact-timeline.png"));

    b.goto(&format!("{}/campaigns/{campaign}/report", app.url));
    b.wait_for_text("h1", "Report: Shoes");
    assert_eq!(b.text("#r-orders"), "1");
    assert_eq!(b.text("#r-revenue"), "59.90 EUR");
    assert!(b.text("#headline").contains("clicks per delivered message"), "the headline leads");
    assert_eq!(b.text("#r-unique-clicks"), "1");
    assert_eq!(b.count("svg.plot[role=img]"), 1, "the opens-and-clicks chart");
    b.screenshot_of("main", &shot_path("campaign-report.png"));

    b.goto(&format!("{}/reports", app.url));
    b.wait_for_text("h1", "Reports");
    let compared = b.text("#recent-h + *");
    assert!(compared.contains("Shoes"), "the sent campaign is compared: {compared}");
    b.screenshot_of("main", &shot_path("reports.png"));

    b.goto(&format!("{}/", app.url));
    b.wait_for_text("#engagement-totals", "page view");
    let totals = b.text("#engagement-totals");
    let views = app.state.tracking.store.totals(&tidings::tracking::OVERALL).unwrap().0.page_views;
    assert!(views >= 1 && totals.contains(&format!("{views} page view")), "{totals}");
    assert!(totals.contains("1 order, 59.90") && totals.contains("1 click"), "{totals}");
    assert_eq!(b.count("#audience svg.plot[role=img]"), 4, "list growth, email, website, orders");
    b.screenshot_of("main", &shot_path("dashboard-reports.png"));
    println!("website browser test: {:.1?}", started.elapsed());
}

#[test]
fn browser_login_enrol_2fa_and_login_again() {
    if !browser_available() {
        return;
    }
    let started = Instant::now();
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let b = Browser::open(http, &driver);
    let url = app.url.as_str();

    // First sign-in with the one-time password, then the forced password change.
    first_sign_in(&b, &app);

    // Turn on two-factor authentication.
    b.goto(&format!("{url}/account"));
    b.click_button("Turn on two-factor authentication");
    b.wait_for_path(url, "/account/2fa");
    let secret: String = b.text("#totp-secret").chars().filter(|c| !c.is_whitespace()).collect();
    let secret =
        totp_rs::Secret::Encoded(secret.clone()).to_bytes().unwrap_or_else(|e| panic!("secret {secret:?}: {e:?}"));
    let t = now();
    let enrol_step = t / 30;
    b.fill("#code", &tidings::auth::totp::code_at(&secret, t));
    b.click_button("Confirm");
    b.wait_for_path(url, "/account/2fa/confirm");
    assert_eq!(b.count("#recovery-codes li"), 10, "recovery codes page:\n{}", b.source());
    assert_eq!(b.count("#codes-download"), 1, "a download button:\n{}", b.source());
    b.screenshot(&shot_path("recovery_codes.png"));

    // Sign out and in again: now the second factor is asked for.
    b.click_button("Sign out");
    b.wait_for_path(url, "/login");
    b.fill("#username", "admin");
    b.fill("#password", NEW_PASSWORD);
    b.click_button("Sign in");
    b.wait_for_path(url, "/login/2fa");
    // A code is accepted once, so the enrolment's step is spent. The next step's code is what a
    // phone whose clock runs a little ahead shows; the server accepts one step of skew either
    // way, so it works now, and still in the following 30 s.
    b.fill("#code", &tidings::auth::totp::code_at(&secret, (enrol_step + 1) * 30));
    b.click_button("Verify");
    b.wait_for_path(url, "/");
    assert!(b.source().contains("Dashboard"));

    let size = b.screenshot(&shot_path("dashboard.png"));
    assert!(size > 10 * 1024, "dashboard screenshot is only {size} bytes");

    // Settings -> Email: with no relay the test message goes to the outbox, and the page says so.
    b.goto(&format!("{url}/settings/email"));
    b.fill("#to", "ops@example.org");
    b.click_button("Send test message");
    b.wait_for_text("[role=status]", "Sent.");
    b.screenshot(&shot_path("settings-email.png"));

    let entries = app.state.audit.query(&tidings::audit::Filter::default(), 100).unwrap();
    assert!(entries.iter().any(|e| e.action == "auth.totp_enrolled"), "no auth.totp_enrolled in the audit log");
    assert!(
        entries
            .iter()
            .any(|e| e.action == "auth.login" && e.details.iter().any(|(k, v)| k == "second_factor" && v == "totp")),
        "no auth.login with second_factor=totp in the audit log"
    );
    println!("browser test: {:.1?}", started.elapsed());
}

#[test]
fn browser_custom_field_csv_import_search_as_you_type_and_edit() {
    if !browser_available() {
        return;
    }
    let started = Instant::now();
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let b = Browser::open(http, &driver);
    let url = app.url.as_str();
    first_sign_in(&b, &app);

    // A custom field.
    b.goto(&format!("{url}/settings/fields"));
    b.fill("#key", "shoe_size");
    b.fill("#label", "Shoe size");
    b.select("#kind", "number");
    b.click_button("Add field");
    b.wait_for_text("main", "Shoe size");

    // A CSV through the import page, with one column mapped by hand.
    let csv = "Mail;Vorname;Nachname;Schuhgröße\nwilhelmina.zapata@example.com;Wilhelmina;Zapata;39\n\
               yusuf.okafor@example.com;Yusuf;Okafor;44\nnot-an-address;Bad;Row;1\n";
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(file.path(), csv).unwrap();
    b.goto(&format!("{url}/contacts/import"));
    b.type_keys("#file", &file.path().display().to_string());
    b.click_button("Upload and preview");
    b.wait_for_text("h1", "Import");
    b.select("#col3", "custom.shoe_size");
    b.fill("#collected-newsletter", "newsletter box at checkout, 2026");
    b.screenshot(&shot_path("import-mapping.png"));
    b.click_button("Start the import");
    b.wait_for_text("#import-state", "Done");
    assert_eq!(b.text("[data-count=created]"), "2");
    assert_eq!(b.text("[data-count=invalid]"), "1");
    b.screenshot(&shot_path("import-done.png"));

    // Search as you type: no submit, the results follow the keys.
    b.goto(&format!("{url}/contacts"));
    assert!(b.text("#contact-results").contains("yusuf"), "both contacts listed before typing");
    b.type_keys("#q", "wilh");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let results = b.try_text("#contact-results").unwrap_or_default();
        if results.contains("wilhelmina.zapata@example.com") && !results.contains("yusuf") {
            break;
        }
        assert!(Instant::now() < deadline, "the list did not narrow as the user typed:\n{results}");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(b.url().contains("q=wilh"), "the query is kept in the address: {}", b.url());
    b.screenshot(&shot_path("contacts-search.png"));

    // Sorted by name through the column header, then the other way round (sorting is by a
    // name column with ties broken by id).
    b.goto(&format!("{url}/contacts"));
    b.click("#contact-results th a[href*='sort=name']");
    b.wait_for_text("#contact-results th[aria-sort=ascending] a[href*='sort=name']", "");
    let listed = b.text("#contact-results tbody");
    let (okafor, zapata) = (listed.find("Okafor").unwrap(), listed.find("Zapata").unwrap());
    assert!(okafor < zapata, "Okafor before Zapata by name:\n{listed}");
    b.screenshot(&shot_path("contacts-by-name.png"));
    b.click("#contact-results th a[href*='sort=name']");
    b.wait_for_text("#contact-results th[aria-sort=descending] a[href*='sort=name']", "");
    let listed = b.text("#contact-results tbody");
    assert!(listed.find("Zapata").unwrap() < listed.find("Okafor").unwrap(), "reversed:\n{listed}");
    b.goto(&format!("{url}/contacts?q=wilh"));

    // Open it and edit it.
    b.click("#contact-results a[href^='/contacts/']");
    b.wait_for_text("main", "Zapata");
    assert!(b.source().contains("39"), "custom field imported");
    b.click("a[href$='/edit']");
    b.wait_for_text("h1", "");
    b.fill("#last_name", "Zapata-Ruiz");
    b.fill("#f-shoe_size", "40");
    b.click_button("Save");
    b.wait_for_text("main", "Zapata-Ruiz");
    b.screenshot(&shot_path("contact.png"));
    let c = app
        .state
        .contacts
        .find_by_email(&tidings::domain::EmailAddress::parse("wilhelmina.zapata@example.com").unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(c.last_name, "Zapata-Ruiz");
    assert_eq!(c.custom.get("shoe_size").map(|v| v.display()), Some("40".to_string()));
    println!("contacts browser test: {:.1?}", started.elapsed());
}

#[test]
fn browser_unsubscribe_then_preference_centre() {
    use tidings::contacts::ops;
    use tidings::domain::{ContactInput, EmailAddress, Source, Status, Via};
    if !browser_available() {
        return;
    }
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let st = &app.state;
    let by = tidings::ops::By::cli();
    ops::create_list(st, by, "Weekly deals", "Offers every Friday").unwrap();
    ops::create_list(st, by, "Members news", "").unwrap();
    ops::set_list_visibility(st, by, "weekly-deals", true).unwrap();
    let input = ContactInput {
        email: Some(EmailAddress::parse("marguerite.perey@example.com").unwrap()),
        add_lists: ["members-news".to_string()].into(),
        ..Default::default()
    };
    let id = ops::create(st, by, &input, Source::Form).unwrap().id;
    ops::record_consent(st, by, &id, "newsletter", true, "", None, None).unwrap();
    let links = tidings::mail::links::message_links(&st.config, st.store.keyring(), &id, Some("spring"));
    let at = links.unsubscribe_url.find("/u/").unwrap();
    let b = Browser::open(http, &driver);
    let url = app.url.as_str();

    // The link from the mail: a confirm page that changes nothing until the button.
    b.goto(&format!("{url}{}", &links.unsubscribe_url[at..]));
    b.wait_for_text("h1", "Unsubscribe m•••@example.com from My shop?");
    b.screenshot(&shot_path("unsubscribe.png"));
    assert_eq!(st.contacts.get(&id).unwrap().unwrap().status, Status::Subscribed);
    b.click_button("Unsubscribe");
    b.wait_for_text("h1", "You are unsubscribed");
    b.screenshot(&shot_path("unsubscribed.png"));
    assert_eq!(st.contacts.get(&id).unwrap().unwrap().status, Status::Unsubscribed);

    // Changed their mind: the preference centre, one topic ticked again.
    b.click("a[href^='/p/']");
    b.wait_for_text("h1", "Your email preferences");
    b.click("#purpose-newsletter");
    b.click("#list-weekly-deals");
    b.click_button("Save my choices");
    b.wait_for_text("[role=status]", "Your choices are saved.");
    b.screenshot(&shot_path("preferences.png"));
    let c = st.contacts.get(&id).unwrap().unwrap();
    assert_eq!(c.status, Status::Subscribed);
    assert!(c.lists.contains("weekly-deals") && c.lists.contains("members-news"));
    let last = st.contacts.ledger(&id).unwrap().into_iter().rfind(|e| e.purpose == "newsletter").unwrap();
    assert!(last.granted);
    assert_eq!(last.via, Via::Subject("preferences".into()));

    // The same page on a phone.
    b.post("/window/rect", json!({ "width": 390, "height": 844 }));
    b.goto(&b.url());
    b.wait_for_text("h1", "Your email preferences");
    b.screenshot(&shot_path("preferences-phone.png"));
}

/// In the signed-in browser: a campaign written in Markdown for `list`, previewed for
/// `preview_as` (the preview follows the typing), saved, sent, and followed to "Sent".
/// Screenshots of the editor and of the finished campaign.
fn write_preview_and_send_campaign(b: &Browser, url: &str, list: &str, preview_as: &str) {
    b.goto(&format!("{url}/campaigns"));
    b.wait_for_text("h1", "Campaigns");
    b.fill("#new-name", "Spring news");
    b.click_button("Create draft");
    b.wait_for_text("#editor h2", "Message");
    b.fill("#subject", "Spring news for {{ first_name | default('you') }}");
    b.fill(
        "#body",
        "# Spring is here\n\nHello {{ first_name | default('there') }},\n\nthis week **everything green is 20% off**.\n\n\
         - fresh herbs\n- seedlings\n- [our garden guide](https://shop.example.com/guide)\n",
    );
    b.click(&format!("input[name=lists][value='{list}']"));
    b.fill("#contact", preview_as);
    b.click("#preview-button");
    // The preview is a document of its own in the frame: look inside it.
    let frame = b.find("#preview-frame");
    let mut seen = false;
    for _ in 0..50 {
        b.post("/frame", json!({ "id": { (ELEMENT): frame } }));
        let inside = b.try_text("h1").unwrap_or_default();
        b.post("/frame/parent", json!({}));
        if inside.contains("Spring is here") {
            seen = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(seen, "the preview shows the Markdown rendered");
    b.screenshot(&shot_path("campaign-editor.png"));
    b.click_button("Save draft");
    b.wait_for_text("[role=status]", "The campaign has been saved.");
    b.click("#send-now");
    // "Send … now?" is asked with the browser's own dialog.
    let _ = b.try_cmd(reqwest::Method::POST, "/alert/accept", Some(json!({})));
    b.wait_for_text("#campaign-state", "Sent");
    b.screenshot(&shot_path("campaign-sent.png"));
}

#[test]
fn browser_builds_a_form_subscribes_through_the_hosted_page_and_confirms_from_the_mail() {
    if !browser_available() {
        return;
    }
    let started = Instant::now();
    let sink = crate::smtp_sink::SmtpSink::start(Default::default());
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = crate::helpers::spawn_app_with(|c| {
        c.mail.from = "news@example.com".into();
        c.mail.relays = vec![tidings::config::RelayConfig {
            name: "sink".into(),
            host: "127.0.0.1".into(),
            port: sink.port(),
            tls: tidings::config::RelayTls::None,
            ..Default::default()
        }];
    });
    tidings::contacts::ops::create_list(&app.state, tidings::ops::By::cli(), "Newsletter", "").unwrap();
    let b = Browser::open(http, &driver);
    let url = app.url.as_str();
    first_sign_in(&b, &app);

    // Build the form: a name, the first name asked, the list; the newsletter purpose is ticked
    // by default in the builder and its wording is shown beside it.
    b.goto(&format!("{url}/forms"));
    b.click("a[href='/forms/new']");
    b.wait_for_path(url, "/forms/new");
    b.fill("#name", "Website footer");
    b.fill("#title", "Get our newsletter");
    b.fill("#intro", "News about our shop, once a month.");
    b.click("input[name=lists][value=newsletter]");
    b.click_button("Create form");
    b.wait_for_text("[role=status]", "The form has been created");
    assert_eq!(b.count("textarea#snippet"), 1, "the snippet is shown");
    b.screenshot(&shot_path("form-builder.png"));
    let hosted = b.text("#hosted-url");
    let path = &hosted[hosted.find("/f/").unwrap()..];

    // Subscribe through the hosted page.
    b.goto(&format!("{url}{path}"));
    b.wait_for_text("h1", "Get our newsletter");
    b.fill("#tf-email", "grace.hopper@example.org");
    b.fill("#tf-first_name", "Grace");
    // A new form requires the newsletter box: the browser will not send the form without it.
    assert_eq!(b.count("input[name=consent][required]"), 1, "{}", b.source());
    b.click("input[name=consent]");
    b.screenshot(&shot_path("form-hosted.png"));
    b.click_button("Subscribe");
    b.wait_for_text("h1", "Check your inbox");

    // The confirmation arrives at the SMTP sink; open its link and press the button.
    let mails = sink.wait_for(1);
    assert_eq!(mails.len(), 1, "the confirmation mail arrived");
    let msg = mail_parser::MessageParser::default().parse(&mails[0].data).unwrap();
    let text = msg.body_text(0).unwrap().to_string();
    // Who is writing, and why: the organisation in the From name, the subject and the reason.
    assert_eq!(msg.from().unwrap().first().unwrap().name(), Some("My shop"));
    assert_eq!(msg.subject(), Some("Please confirm your subscription to My shop"));
    assert!(text.contains("entered in a sign-up form of My shop"), "{text}");
    let at = text.find("/f/confirm/").expect("a confirmation link");
    let link: String = text[at..].chars().take_while(|c| !c.is_whitespace() && *c != ')' && *c != '>').collect();
    b.goto(&format!("{url}{link}"));
    b.wait_for_text("h1", "Confirm your subscription");
    b.click_button("Yes, confirm my subscription");
    b.wait_for_text("h1", "Subscription confirmed");
    b.screenshot(&shot_path("form-confirmed.png"));

    let c = app
        .state
        .contacts
        .find_by_email(&tidings::domain::EmailAddress::parse("grace.hopper@example.org").unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(c.status, tidings::domain::Status::Subscribed);
    assert!(c.lists.contains("newsletter"));
    assert_eq!(c.first_name, "Grace");
    let ledger = app.state.contacts.ledger(&c.id).unwrap();
    assert!(ledger.iter().any(|e| e.granted && e.purpose == "newsletter" && e.wording.is_some()));

    // The confirmed subscriber is the audience of a campaign written in Markdown, previewed as
    // her, and sent.
    write_preview_and_send_campaign(&b, url, "newsletter", "grace.hopper@example.org");
    let mails = sink.wait_for(2);
    assert_eq!(mails.len(), 2, "the campaign arrived");
    assert_eq!(mails[1].to, vec!["grace.hopper@example.org"]);
    let campaign = String::from_utf8_lossy(&mails[1].data);
    assert!(campaign.contains("Subject: Spring news for Grace"), "{campaign}");
    assert!(campaign.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    println!("forms browser test: {:.1?}", started.elapsed());
}

/// A data subject uses the privacy portal end to end: asks for a link, opens it from the mail,
/// sees what is held, downloads the archive, corrects a name and asks for erasure (held for
/// review by this configuration); the DPO finds the request in the register, erases the person
/// after re-entering the password, and closes it. Screenshots of each step.
#[test]
fn browser_privacy_portal_then_the_dpo_erases_and_closes() {
    use crate::smtp_sink::{SinkOptions, SmtpSink};
    if !browser_available() {
        return;
    }
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let sink = SmtpSink::start(SinkOptions::default());
    let app = crate::helpers::spawn_app_with(|c| {
        crate::campaigns::mail_config(c, sink.port());
        c.gdpr.portal_erasure_review = true;
    });
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    let ann = crate::tracking::contact_with(&api, "irene.joliot@example.org", &["newsletter", "engagement"]);
    // A lead score, which the portal shows the person with what it is made of.
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "interest", "name": "Interest", "half_life_days": 30, "rules": [{"on": "opened", "points": 5}]})),
    );
    let b = Browser::open(http, &driver);
    let url = app.url.as_str();

    // The public page, reached from the footer of any marketing mail.
    b.goto(&format!("{url}/privacy"));
    b.wait_for_text("h1", "Your personal data at");
    b.fill("#email", "Irene.Joliot@example.org");
    b.screenshot(&shot_path("portal-ask.png"));
    b.click_button("Send me a link");
    b.wait_for_text("main", "link");
    let mail = sink.wait_for(1);
    let body = String::from_utf8_lossy(&mail[0].data).replace("=\r\n", "").replace("=3D", "=");
    let at = body.find("/privacy/open/").expect("a portal link in the mail");
    let path = body[at..].split(['"', ')', ' ', '\r', '\n']).next().unwrap().to_string();

    // The link shows a button first (mail scanners only GET); the person continues.
    b.goto(&format!("{url}{path}"));
    b.wait_for_text("h1", "Open your personal data");
    b.click_button("Continue");
    b.wait_for_text("h1", "Your personal data");
    assert!(b.source().contains("irene.joliot@example.org"));
    let shown = b.text("main");
    assert!(shown.contains("Your lead scores") && shown.contains("Interest"), "{shown}");
    b.screenshot(&shot_path("portal-me.png"));

    // Download everything: a zip with the data in JSON.
    b.click_button("Download everything (.zip)");
    let downloads = driver.profile.path().join("downloads");
    let deadline = Instant::now() + Duration::from_secs(15);
    // Chromium reserves the final name with an empty file while the bytes go to a
    // `.crdownload` beside it: the archive is there once that one is gone and the zip reads.
    let bytes = loop {
        let names: Vec<_> = std::fs::read_dir(&downloads)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        let pending = names.iter().any(|p| p.extension().is_some_and(|x| x == "crdownload"));
        let zip = names.iter().find(|p| p.extension().is_some_and(|x| x == "zip"));
        if let (false, Some(zip)) = (pending, zip) {
            let bytes = std::fs::read(zip).unwrap();
            if zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).is_ok() {
                break bytes;
            }
        }
        assert!(Instant::now() < deadline, "no whole archive downloaded into {}: {names:?}", downloads.display());
        std::thread::sleep(Duration::from_millis(100));
    };
    let files = crate::gdpr::unzip(&bytes);
    assert!(files["data.json"].contains("irene.joliot@example.org"), "{:?}", files.keys());

    b.fill("#first_name", "Irène");
    b.click_button("Save");
    b.wait_for_text("[role=status]", "");
    assert_eq!(api.ok("GET", &format!("/contacts/{ann}"), None)["first_name"], "Irène");

    b.click("input[name=confirm]");
    b.click_button("Erase my data");
    b.wait_for_text("[role=status]", "Your erasure request is registered");
    b.screenshot(&shot_path("portal-erasure-queued.png"));
    assert_eq!(api.call("GET", &format!("/contacts/{ann}"), None).0, 200, "held for the DPO's review");

    // The DPO: the register lists it; the request page erases after the password, then closes.
    b.click_button("Sign out");
    b.wait_for_text("h1", "Your personal data at");
    first_sign_in(&b, &app);
    b.goto(&format!("{url}/requests"));
    b.wait_for_text("main", "Erasure (Art. 17)");
    b.screenshot(&shot_path("requests.png"));
    b.click("a[href^='/requests/']:not([href*='?'])");
    b.wait_for_text("h1", "Erasure");
    b.screenshot(&shot_path("request-erasure.png"));
    b.fill("#password", NEW_PASSWORD);
    b.click_button("Erase this person");
    let _ = b.try_cmd(reqwest::Method::POST, "/alert/accept", Some(json!({})));
    b.wait_for_text("main", "erasure carried out");
    assert_eq!(api.call("GET", &format!("/contacts/{ann}"), None).0, 404);
    b.click_button("Close as done");
    b.wait_for_text("main", "done since");
    assert!(!b.text("main").contains("nobody yet"), "who closed it handled it");
    b.screenshot(&shot_path("request-closed.png"));
    assert!(!b.source().contains("irene.joliot@example.org"));
    let v = crate::gdpr::Dpo::new(&app).ok(reqwest::Method::GET, "/requests?state=done", None);
    let kinds: Vec<&str> = v["requests"].as_array().unwrap().iter().filter_map(|r| r["kind"].as_str()).collect();
    assert!(kinds.contains(&"erasure") && kinds.contains(&"access") && kinds.contains(&"rectification"), "{v}");
}

/// The DPO's pages: the register of privacy requests, one request, the retention page after a
/// dry run, a breach with its 72 hours running, and the dashboard's privacy block.
#[test]
fn browser_privacy_register_retention_dry_run_and_breach() {
    if !browser_available() {
        return;
    }
    use chrono::{Duration as Days, Utc};
    use tidings::domain::{Event, EventKind};
    use tidings::gdpr::ops::{create_request, NewRequest};
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let st = &app.state;
    let by = tidings::ops::By::cli();
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    let ann = crate::tracking::contact_with(&api, "ann@example.org", &["newsletter", "engagement", "website_tracking"]);
    crate::tracking::contact_with(&api, "bob@example.org", &["newsletter"]);
    let request = |kind: &str, email: &str, days_ago: i64| {
        let input = NewRequest {
            kind: kind.into(),
            channel: Some("email".into()),
            email: Some(email.into()),
            received_at: Some(Utc::now() - Days::days(days_ago)),
            message: Some("Please tell me what you hold about me.".into()),
            ..Default::default()
        };
        create_request(st, by, &input).unwrap().id
    };
    let overdue = request("erasure", "ann@example.org", 40);
    request("access", "bob@example.org", 26);
    request("objection", "carol@example.org", 3);
    // Events older than their purposes' year, for the dry run to count.
    let old = Utc::now() - Days::days(400);
    let ann_id: tidings::domain::ContactId = ann.parse().unwrap();
    let records = [EventKind::Open, EventKind::PageView, EventKind::Order]
        .into_iter()
        .map(|k| tidings::tracking::Record { contact: Some(ann_id), event: Event::new(k, old, "api"), link: None })
        .collect();
    st.tracking.record_durable_blocking(records).unwrap();
    let breach = tidings::gdpr::breaches::record(
        st,
        by,
        &tidings::gdpr::breaches::BreachInput {
            discovered_at: Some(Utc::now() - Days::hours(50)),
            window_start: Some(Utc::now() - Days::days(3)),
            window_end: Some(Utc::now()),
            affected: vec!["contacts".into(), "events".into()],
            description: Some(
                "A laptop with an unencrypted export of the newsletter list was stolen from a car.".into(),
            ),
            consequences: Some("Phishing mails to the people on the list.".into()),
            measures: Some("Export rights withdrawn from shared accounts; disks are encrypted from now on.".into()),
            ..Default::default()
        },
    )
    .unwrap();

    let b = Browser::open(http, &driver);
    let url = app.url.as_str();
    first_sign_in(&b, &app);
    b.wait_for_text("#privacy-due", "overdue");
    b.screenshot(&shot_path("dashboard-privacy.png"));

    b.goto(&format!("{url}/requests"));
    b.wait_for_text("h1", "Privacy requests");
    assert_eq!(b.count("tbody tr"), 3, "{}", b.source());
    b.screenshot(&shot_path("requests.png"));

    b.goto(&format!("{url}/requests/{overdue}"));
    b.wait_for_text("h1", "Erasure");
    b.screenshot(&shot_path("request.png"));

    // A request received "today" in a shop whose day is ahead of UTC (registered at any hour),
    // then assigned to oneself with the identity verified in the same save.
    let mut settings = st.settings.get().unwrap();
    settings.time_zone = "Pacific/Kiritimati".into();
    st.settings.save(&settings).unwrap();
    b.goto(&format!("{url}/requests"));
    b.fill("#email", "dora@example.org");
    b.fill("#message", "Please send me a copy of my data.");
    b.click_button("Register request");
    b.wait_for_text("[role=status]", "The request is registered");
    b.click("input[name=assignee]");
    b.select("#verification", "verified");
    b.click_button("Save");
    b.wait_for_text("[role=status]", "The request has been updated");
    let facts = b.text("dl.facts");
    assert!(facts.contains("Administrator") && facts.contains("verified"), "{facts}");
    b.screenshot(&shot_path("request-assigned.png"));

    b.goto(&format!("{url}/retention"));
    b.click("a[href='/retention?dry_run=1']");
    b.wait_for_text("#dry-run", "nothing was changed");
    assert!(
        b.text("#rule-email_events").contains('1') && b.text("#rule-website_events").contains('2'),
        "{}",
        b.source()
    );
    b.screenshot(&shot_path("retention-dry-run.png"));

    // The whole page: the deadline, the counts, the draft and the notice.
    b.post("/window/rect", json!({ "width": 1280, "height": 2600 }));
    b.goto(&format!("{url}/breaches/{}", breach.id));
    b.wait_for_text("#deadline", "left");
    b.screenshot(&shot_path("breach.png"));
    b.post("/window/rect", json!({ "width": 1280, "height": 900 }));
    b.goto(&format!("{url}/breaches"));
    b.wait_for_text("h1", "breaches");
    b.screenshot(&shot_path("breaches.png"));
}

/// The media library in a real browser: a file chosen in the upload form lands in the grid, and
/// the campaign editor's "Insert image" puts its <img> (public address, alt, width) into the body.
#[test]
fn browser_uploads_an_image_and_inserts_it_into_a_campaign() {
    if !browser_available() {
        return;
    }
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let api = crate::campaigns::Api::new(&app);
    let v = api.ok("POST", "/campaigns", Some(json!({"name": "Spring", "subject": "Hi", "body": "Hello\n\n"})));
    let campaign = v["campaign"]["id"].as_str().unwrap().to_string();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("Spring banner.png");
    let img = image::RgbImage::from_fn(1_600, 400, |x, y| image::Rgb([(x / 7 % 256) as u8, (y % 256) as u8, 160]));
    img.save(&file).unwrap();

    let b = Browser::open(http, &driver);
    first_sign_in(&b, &app);
    let url = app.url.as_str();
    b.goto(&format!("{url}/media"));
    assert_eq!(b.count("#media-empty"), 1, "the empty state");
    let input = b.find("#file");
    b.post(&format!("/element/{input}/value"), json!({ "text": file.display().to_string() }));
    b.click_button("Upload");
    b.wait_for_text(".media-name", "Spring banner");
    assert!(b.text(".media-item").contains("1200 × 300 px (from 1600 × 400)"), "{}", b.text(".media-item"));
    b.screenshot(&shot_path("media-library.png"));

    b.goto(&format!("{url}/campaigns/{campaign}"));
    b.click("#media-insert");
    b.wait_for_text("#media-picker-items button", "Spring banner");
    b.screenshot(&shot_path("media-picker.png"));
    b.click("#media-picker-items button");
    let body = b.find("#body");
    let typed = b.get(&format!("/element/{body}/property/value")).as_str().unwrap_or_default().to_string();
    let item = &api.ok("GET", "/media", None)["media"][0];
    assert!(typed.starts_with("Hello") && typed.trim_end().ends_with('>'), "at the end of the body: {typed}");
    assert!(typed.contains(item["url"].as_str().unwrap()) && typed.contains("width=\"600\""), "{typed}");
    assert!(typed.contains("alt=\"Spring banner\""), "{typed}");
}

#[test]
fn browser_ticks_contacts_and_tags_them_from_the_bulk_bar() {
    use tidings::contacts::ops;
    use tidings::domain::{ContactInput, EmailAddress, Source};
    if !browser_available() {
        return;
    }
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let (st, by) = (&app.state, tidings::ops::By::cli());
    ops::create_list(st, by, "Winter sale", "").unwrap();
    for (email, first, last) in [
        ("ada.lovelace@example.com", "Ada", "Lovelace"),
        ("grace.hopper@example.com", "Grace", "Hopper"),
        ("katherine.johnson@example.com", "Katherine", "Johnson"),
    ] {
        let input = ContactInput {
            email: Some(EmailAddress::parse(email).unwrap()),
            first_name: Some(first.into()),
            last_name: Some(last.into()),
            ..Default::default()
        };
        ops::create(st, by, &input, Source::Admin).unwrap();
    }
    let b = Browser::open(http, &driver);
    first_sign_in(&b, &app);
    let url = app.url.as_str();
    b.goto(&format!("{url}/contacts"));
    b.wait_for_text("#bulk-count", "Tick contacts");
    b.click("#contact-results tbody tr:nth-child(1) input[name=id]");
    b.click("#contact-results tbody tr:nth-child(2) input[name=id]");
    b.wait_for_text("#bulk-count", "2 selected");
    b.select("#bulk-action", "add_tag");
    b.fill("#bulk-bar input[name=apply_tag]", "winter");
    b.screenshot(&shot_path("contacts-bulk.png"));
    // "Select all on this page" ticks the third as well, and unticks all.
    b.click("#select-page");
    b.wait_for_text("#bulk-count", "3 selected");
    b.click("#select-page");
    b.wait_for_text("#bulk-count", "Tick contacts");
    b.click("#contact-results tbody tr:nth-child(1) input[name=id]");
    b.click("#contact-results tbody tr:nth-child(2) input[name=id]");
    b.click("#bulk-apply");
    b.wait_for_text("#bulk-state", "Done: 2 of 2");
    let tagged =
        st.search.index.count(&tidings::search::ContactQuery { tags: vec!["winter".into()], ..Default::default() });
    assert_eq!(tagged.unwrap(), 2);
}

/// The editor's audience count follows the ticked lists before saving (app script, server
/// count); then a real sent campaign's HTML, rendered by Chromium, carries the organisation and
/// its one-line postal address in the footer (`campaign-footer.png`).
#[test]
fn browser_live_audience_count_and_the_campaign_footer() {
    if !browser_available() {
        return;
    }
    use tidings::ops::By;
    let sink = crate::smtp_sink::SmtpSink::start(Default::default());
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = crate::helpers::spawn_app_with(|c| crate::campaigns::mail_config(c, sink.port()));
    let settings = tidings::settings::Settings {
        organisation: "Kaffeerösterei Müller GmbH".into(),
        postal_address: "Hauptstraße 1\n10115 Berlin\nGermany".into(),
        ..Default::default()
    };
    tidings::ops::update_settings(&app.state, By::cli(), settings).unwrap();
    let api = crate::campaigns::Api::new(&app);
    api.list("Coffee");
    api.list("Tea");
    api.contact("ada@example.org", &["coffee"], &[], true);
    api.contact("bob@example.org", &["coffee", "tea"], &[], true);
    api.contact("cy@example.org", &["tea"], &[], true);
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Roast of the month", "subject": "Our roast of the month", "body": "# Ethiopia Guji\n\nFloral and bright."})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();

    let b = Browser::open(http, &driver);
    let url = app.url.as_str();
    first_sign_in(&b, &app);
    // Who is writing: a sender added in Settings → Email, the default from then on.
    b.goto(&format!("{url}/settings/email"));
    b.fill("#sender-address", "kaffee@roesterei.example");
    b.fill("#sender-name", "Rösterei Müller");
    b.click_button("Save sender");
    b.wait_for_text("[role=status]", "The sender has been saved");
    b.wait_for_text("#default-sender", "kaffee@roesterei.example");
    b.screenshot_of("#senders", &shot_path("settings-senders.png"));
    b.goto(&format!("{url}/campaigns/{id}"));
    b.wait_for_text("h1", "Roast of the month");
    b.click("input[name=lists][value=coffee]");
    b.wait_for_text("#audience-size", "2 subscribed contacts");
    b.click("input[name=lists][value=tea]");
    b.wait_for_text("#audience-size", "3 subscribed contacts");
    b.screenshot_of("#audience-size", &shot_path("campaign-audience-count.png"));
    b.click_button("Save draft");
    b.wait_for_text("[role=status]", "saved");

    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    assert_eq!(api.wait_state(&id, "sent", Duration::from_secs(20))["progress"]["sent"], 3);
    let mails = sink.wait_for(3);
    let msg = mail_parser::MessageParser::default().parse(&mails[0].data).unwrap();
    let from = msg.from().unwrap().first().unwrap();
    assert_eq!((from.name(), from.address()), (Some("Rösterei Müller"), Some("kaffee@roesterei.example")));
    let html = msg.body_html(0).unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("message.html");
    std::fs::write(&file, &html).unwrap();
    b.goto(&format!("file://{}", file.display()));
    b.wait_for_text("h1", "Ethiopia Guji");
    let footer = b.text(".footer");
    assert!(footer.contains("Kaffeerösterei Müller GmbH"), "{footer}");
    assert!(footer.contains("Hauptstraße 1, 10115 Berlin, Germany"), "the address on one line: {footer}");
    b.screenshot(&shot_path("campaign-footer.png"));
}

/// The public pages in German and French as a customer sees them: the hosted form chosen by
/// the language switch, the preference centre in the contact's own language, the privacy
/// portal; each says its language in `<html lang>`.
#[test]
fn browser_public_pages_in_german_and_french() {
    use tidings::contacts::ops;
    use tidings::domain::{ContactInput, EmailAddress, Source};
    if !browser_available() {
        return;
    }
    let t = |code: &str, key: &str| tidings::i18n::catalogue().text(code, key, None);
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let st = &app.state;
    let by = tidings::ops::By::cli();
    let mut s = st.settings.get().unwrap();
    s.organisation = "Kaffeerösterei Müller".into();
    s.postal_address = "Hauptstraße 1\n10115 Berlin".into();
    st.settings.save(&s).unwrap();
    let list = ops::create_list(st, by, "Röstfrisch", "Neue Kaffees jeden Monat").unwrap();
    ops::set_list_visibility(st, by, &list.slug, true).unwrap();
    st.store.commit().unwrap();
    let api = crate::campaigns::Api::new(&app);
    let v = api.ok(
        "POST",
        "/forms",
        Some(json!({"name": "Footer", "title": "Unser Newsletter", "intro": "Neue Röstungen zuerst.", "ask_first_name": true, "purposes": ["newsletter", "engagement"]})),
    );
    let form = v["form"]["id"].as_str().unwrap().to_string();
    let b = Browser::open(http, &driver);
    let url = app.url.as_str();

    // The hosted form, switched to German on the page.
    b.goto(&format!("{url}/f/{form}"));
    b.click("a[hreflang=de]");
    b.wait_for_text("button[type=submit]", &t("de", "form-submit"));
    assert_eq!(b.attribute("html", "lang"), "de");
    assert!(b.text("label[for=tf-email]").contains(&t("de", "form-email")));
    b.screenshot(&shot_path("form-hosted-de.png"));

    // A French customer's preference centre, from their mail: their language, unasked.
    let input = ContactInput {
        email: Some(EmailAddress::parse("camille@example.fr").unwrap()),
        locale: Some(Some("fr".into())),
        ..Default::default()
    };
    let id = ops::create(st, by, &input, Source::Form).unwrap().id;
    let links = tidings::mail::links::message_links(&st.config, st.store.keyring(), &id, None);
    let at = links.preferences_url.find("/p/").unwrap();
    b.goto(&format!("{url}{}", &links.preferences_url[at..]));
    b.wait_for_text("h1", &t("fr", "preferences-title"));
    assert_eq!(b.attribute("html", "lang"), "fr");
    b.screenshot(&shot_path("preferences-fr.png"));

    // The privacy portal, in German and in French.
    for code in ["de", "fr"] {
        b.goto(&format!("{url}/privacy?lang={code}"));
        b.wait_for_text("button[type=submit]", &t(code, "portal-send-link"));
        assert_eq!(b.attribute("html", "lang"), code);
        b.screenshot(&shot_path(&format!("portal-{code}.png")));
    }
}

/// A German sign-up's confirmation as the person's mail program shows it
/// (`confirm-mail-de.png`): the text and the footer in German, `<html lang="de">`.
#[test]
fn browser_a_german_confirmation_mail() {
    if !browser_available() {
        return;
    }
    let t = |key: &str| tidings::i18n::catalogue().text("de", key, None);
    let sink = crate::smtp_sink::SmtpSink::start(Default::default());
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = crate::helpers::spawn_app_with(|c| crate::campaigns::mail_config(c, sink.port()));
    let st = &app.state;
    let mut s = st.settings.get().unwrap();
    s.organisation = "Kaffeerösterei Müller".into();
    s.postal_address = "Hauptstraße 1\n10115 Berlin".into();
    st.settings.save(&s).unwrap();
    let token = app.admin_token(&["send_campaigns"]);
    let r = app
        .client()
        .post(format!("{}/api/v1/forms", app.url))
        .bearer_auth(&token)
        .json(&json!({"name": "Footer", "title": "Newsletter", "ask_first_name": true, "purposes": ["newsletter"]}))
        .send()
        .unwrap();
    let form = r.json::<Value>().unwrap()["form"]["id"].as_str().unwrap().to_string();
    let r = app
        .client()
        .post(format!("{}/f/{form}?lang=de", app.url))
        .form(&[("email", "anna@example.org"), ("first_name", "Anna"), ("consent", "newsletter")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let mails = sink.wait_for(1);
    let msg = mail_parser::MessageParser::default().parse(&mails[0].data).unwrap();
    let html = msg.body_html(0).unwrap().to_string();
    assert!(html.contains("<html lang=\"de\""), "{html}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("message.html");
    std::fs::write(&file, &html).unwrap();

    let b = Browser::open(http, &driver);
    b.goto(&format!("file://{}", file.display()));
    b.wait_for_text(".card a", &t("mail-confirm-button"));
    assert!(b.text(".card").starts_with("Hallo Anna,"), "{}", b.text(".card"));
    assert!(b.text(".footer").contains(&t("mail-footer-privacy")), "{}", b.text(".footer"));
    b.screenshot(&shot_path("confirm-mail-de.png"));
}

/// The admin pages where a shop gives its texts per language, and the admin in German: the
/// purpose's languages, a form's languages, a campaign's versions, the account page.
#[test]
fn browser_texts_per_language_and_the_admin_in_german() {
    if !browser_available() {
        return;
    }
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    let v = api.ok(
        "POST",
        "/forms",
        Some(json!({"name": "Footer", "title": "Our newsletter", "purposes": ["newsletter"]})),
    );
    let form = v["form"]["id"].as_str().unwrap().to_string();
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Winter", "subject": "Our winter roast", "body": "It is here.", "lists": ["news"]})),
    );
    let campaign = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok(
        "PUT",
        &format!("/campaigns/{campaign}/variants/de"),
        Some(json!({"subject": "Unsere Winterröstung", "body": "Sie ist da."})),
    );
    let b = Browser::open(http, &driver);
    first_sign_in(&b, &app);
    let url = app.url.as_str();

    b.goto(&format!("{url}/purposes/newsletter#translations"));
    b.wait_for_text("#translations h2", "In other languages");
    b.click("#lang-de summary");
    b.screenshot(&shot_path("purpose-languages.png"));

    b.goto(&format!("{url}/forms/{form}#languages"));
    b.wait_for_text("#languages h2", "Languages");
    b.select("#form-language", "de");
    b.click("#languages details:nth-of-type(2) summary");
    b.fill("#lt-de-title", "Unser Newsletter");
    b.click_button("Save languages");
    b.wait_for_text(".notice", "saved");
    b.screenshot(&shot_path("form-languages.png"));

    b.goto(&format!("{url}/campaigns/{campaign}#variants"));
    b.wait_for_text("#variants h2", "In other languages");
    assert!(b.attribute("#var-de-subject", "value").contains("Winterröstung"));
    b.screenshot(&shot_path("campaign-variants.png"));

    b.goto(&format!("{url}/account"));
    b.select("#ui-language", "de");
    b.click_button("Save language");
    b.wait_for_text("h1", "Ihr Konto");
    assert_eq!(b.attribute("html", "lang"), "de");
    b.screenshot(&shot_path("account-de.png"));
    b.goto(&format!("{url}/"));
    b.wait_for_text("h1", "Übersicht");
    b.screenshot(&shot_path("dashboard-de.png"));
    // The rest of the admin in German, looked at page by page.
    let contact = api.contact("anna@example.org", &["news"], &["vip"], true);
    let now = chrono::Utc::now();
    let dpo = app.admin_token(&["manage_gdpr"]);
    let gdpr_call = |method: reqwest::Method, path: &str, body: serde_json::Value| -> serde_json::Value {
        let r =
            app.client().request(method, format!("{url}/api/v1{path}")).bearer_auth(&dpo).json(&body).send().unwrap();
        assert!(r.status().is_success(), "{path}: {}", r.status());
        r.json().unwrap()
    };
    let breach = gdpr_call(
        reqwest::Method::POST,
        "/breaches",
        json!({"discovered_at": now - chrono::Duration::hours(2), "window_start": now - chrono::Duration::hours(5),
               "window_end": now, "affected": ["contacts"], "list": "news",
               "description": "Eine Kopie der Kontaktliste ging an einen falschen Empfänger."}),
    );
    let breach = breach["id"].as_str().unwrap().to_string();
    gdpr_call(
        reqwest::Method::PUT,
        &format!("/breaches/{breach}/notice/de"),
        json!({"subject": "Wichtige Information zu Ihren Daten", "body": "Leider ist Folgendes passiert."}),
    );
    for (path, h1, shot) in [
        (format!("{url}/breaches/{breach}"), "Datenpanne", "breach-de.png"),
        (format!("{url}/campaigns/{campaign}"), "Winter", "campaign-de.png"),
        (format!("{url}/contacts"), "Kontakte", "contacts-de.png"),
        (format!("{url}/contacts/{contact}"), "anna", "contact-de.png"),
        (format!("{url}/requests"), "Datenschutzanfragen", "requests-de.png"),
        (format!("{url}/records"), "Verzeichnis", "records-de.png"),
        (format!("{url}/settings"), "Einstellungen", "settings-de.png"),
        (format!("{url}/settings#legal-footer"), "Einstellungen", "legal-footer-de.png"),
    ] {
        b.goto(&path);
        b.wait_for_text("h1", h1);
        assert_eq!(b.attribute("html", "lang"), "de", "{path}");
        b.screenshot(&shot_path(shot));
    }
}

/// Segments in the browser: a nested segment built with the builder (the count follows as
/// conditions are added), saved, built, and a member's page saying why it is in it.
#[test]
fn browser_segment_builder_count_save_and_why() {
    if !browser_available() {
        return;
    }
    let started = Instant::now();
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let api = crate::campaigns::Api::new(&app);
    let anna = api.contact("anna.berg@example.org", &[], &["vip"], true);
    api.contact("andreas.kurz@example.org", &[], &[], true);
    api.contact("bob.stone@example.org", &[], &["vip"], true);
    let b = Browser::open(http, &driver);
    let url = app.url.as_str();
    b.post("/window/rect", json!({ "width": 1280, "height": 1600 }));
    first_sign_in(&b, &app);

    b.goto(&format!("{url}/segments"));
    b.wait_for_text("main", "No segments yet");
    b.click("a[href='/segments/new']");
    b.wait_for_text("#preview-count", "3 of 3 contacts match");
    b.fill("#name", "Ann-ish VIPs");

    // First name starts with "an".
    b.click_button("+ Condition");
    let first = "#builder .depth-0 > ul.conds > li:nth-child(1) .cond";
    b.select(&format!("{first} > select:nth-of-type(1)"), "field:first_name");
    b.select(&format!("{first} > select:nth-of-type(2)"), "starts_with");
    b.fill(&format!("{first} > input"), "an");
    b.wait_for_text("#preview-count", "2 of 3 contacts match");

    // A nested group: any of (tag vip, consent withdrawn).
    b.click("#builder .depth-0 > .group-actions button:nth-child(2)");
    let group = "#builder .depth-0 > ul.conds > li:nth-child(2) > .group";
    b.select(&format!("{group} > .group-head > select"), "any");
    b.click(&format!("{group} > .group-actions button:nth-child(1)"));
    let inner = format!("{group} > ul.conds > li:nth-child(1) .cond");
    b.select(&format!("{inner} > select:nth-of-type(1)"), "field:tags");
    b.select(&format!("{inner} > select:nth-of-type(2)"), "contains");
    b.fill(&format!("{inner} > input"), "vip");
    b.wait_for_text("#preview-count", "1 of 3 contacts match");
    b.wait_for_text("#preview-sample", "anna.berg@example.org");
    b.screenshot_of("main", &shot_path("segment-builder.png"));

    b.click("#save");
    b.wait_for_text("#build-text", "Built");
    assert_eq!(b.text("#segment-size"), "1");
    let words = b.text("#definition");
    assert!(words.contains("First name starts with “an”") && words.contains("Tags contains “vip”"), "{words}");
    b.wait_for_text("#members", "anna.berg@example.org");
    b.screenshot_of("main", &shot_path("segment.png"));

    // Its members as a filter of the contact list, to search and export.
    b.click("#members-search");
    b.wait_for_text("#contact-count", "1");
    let listed = b.text("main");
    assert!(
        listed.contains("anna.berg@example.org")
            && !listed.contains("bob.stone@example.org")
            && !listed.contains("andreas.kurz@example.org"),
        "{listed}"
    );
    b.screenshot_of("main", &shot_path("contacts-in-segment.png"));

    b.goto(&format!("{url}/contacts/{anna}"));
    b.click("#segments summary");
    b.wait_for_text("#segments", "First name starts with “an”");
    let why = b.text("#segments");
    assert!(why.contains("Ann-ish VIPs") && why.contains("anna.berg"), "why, with the value seen: {why}");
    b.screenshot_of("#segments", &shot_path("contact-segments.png"));

    // A scoring model: its page, and the contact's breakdown beside the segments.
    api.ok(
        "POST",
        "/scoring/models",
        Some(json!({"key": "vip_interest", "name": "VIP interest", "half_life_days": 30, "rules": [
            {"on": "field", "field": "tags", "op": "contains", "value": "vip", "points": 20},
            {"on": "page_viewed", "url": "/pricing", "points": 5, "cap": {"points": 50, "days": 7}},
        ]})),
    );
    b.goto(&format!("{url}/scoring"));
    b.wait_for_text("main", "VIP interest");
    b.screenshot_of("main", &shot_path("scoring.png"));
    b.goto(&format!("{url}/contacts/{anna}"));
    b.wait_for_text("#scores", "VIP interest");
    b.screenshot_of("#scores", &shot_path("contact-scores.png"));
    println!("segments browser test: {:.1?}", started.elapsed());
}

#[test]
fn browser_journey_from_the_cart_recipe_reminds_and_shows_the_run() {
    if !browser_available() {
        return;
    }
    let started = Instant::now();
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let sink = crate::smtp_sink::SmtpSink::start(crate::smtp_sink::SinkOptions::default());
    let app = crate::helpers::spawn_app_with(|c| crate::campaigns::mail_config(c, sink.port()));
    let api = crate::campaigns::Api::new(&app);
    api.list("news");
    let ann = crate::tracking::contact_with(&api, "ann@example.org", &["newsletter", "website_tracking"]);
    let b = Browser::open(http, &driver);
    let url = app.url.as_str();
    b.post("/window/rect", json!({ "width": 1280, "height": 1600 }));
    first_sign_in(&b, &app);

    // From the recipe, through the form.
    b.goto(&format!("{url}/journeys"));
    b.wait_for_text("#journeys-empty", "No journeys yet");
    b.screenshot_of("main", &shot_path("journeys-empty.png"));
    b.click("#journey-new");
    b.fill("#name", "Cart reminder");
    b.click("#recipe-abandoned_cart");
    b.screenshot(&shot_path("journey-new.png"));
    b.click("#create");
    b.wait_for_text("#steps", "Wait for an order, at most 1 hour");
    b.wait_for_text("#rules", "Quiet hours 21:00–08:00");

    // Tests run at any hour: the quiet hours go, edited in the JSON.
    let recipes = api.ok("GET", "/journeys/recipes", None);
    let mut definition = recipes["recipes"].as_array().unwrap().iter().find(|r| r["key"] == "abandoned_cart").unwrap()
        ["definition"]
        .clone();
    definition["rules"].as_object_mut().unwrap().remove("quiet_hours");
    b.click("#journey-edit");
    b.wait_for_text("main", "JSON");
    b.screenshot(&shot_path("journey-edit.png"));
    // The JSON is the advanced view, folded under the visual editor; both edit one draft.
    b.click("#json-box summary");
    b.fill("#definition", &definition.to_string());
    b.click("#save");
    b.wait_for_text("#editor-status", "The draft was saved.");
    b.click("#to-publish");
    b.wait_for_text("#rules", "No quiet hours.");
    b.click("#journey-publish");
    b.wait_for_text("#journey-status", "Live");

    // Ann puts something in her cart: her run waits an hour for an order.
    let token = app.admin_token(&["record_events"]);
    let r = crate::helpers::bare_client()
        .post(format!("{url}/api/v1/events"))
        .bearer_auth(&token)
        .json(&json!({"events": [{"type": "custom", "name": "cart_added", "email": "ann@example.org"}]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let deadline = Instant::now() + Duration::from_secs(10);
    let until = loop {
        let v = api.ok("GET", &format!("/contacts/{ann}/journeys"), None);
        if let Some(u) = v["runs"][0]["waiting_until"].as_str() {
            break chrono::DateTime::parse_from_rfc3339(u).unwrap().with_timezone(&chrono::Utc);
        }
        assert!(Instant::now() < deadline, "no run: {v}");
        std::thread::sleep(Duration::from_millis(50));
    };
    // The hour passes: the reminder is queued and handed to the relay.
    app.state.clock.fire_due(until + chrono::Duration::seconds(1)).unwrap();
    let got = sink.wait_for(1);
    let mail = String::from_utf8_lossy(&got[0].data).to_string();
    assert!(mail.contains("You left something in your cart"), "{mail}");

    b.goto(&format!("{url}/contacts/{ann}"));
    b.wait_for_text("#journeys", "queued the message");
    let run = b.text("#journeys");
    assert!(
        run.contains("Cart reminder")
            && run.contains("waiting at wait_again until")
            && run.contains("nothing came in time"),
        "{run}"
    );
    // The section as it scrolls into view (it sits low on the contact's page).
    b.goto(&format!("{url}/contacts/{ann}#journeys"));
    b.wait_for_text("#journeys", "queued the message");
    b.screenshot(&shot_path("journey-contact.png"));
    // The contact's timeline names the journey and step its mail came from, not a key.
    let page = b.text("main");
    assert!(page.contains("Message of the journey “Cart reminder”, step reminder"), "{page}");
    assert!(!page.contains("journey:"), "{page}");

    b.click("#journeys a[href^='/journeys/']");
    b.wait_for_text("#steps", "Waiting now");
    let reminder = b.text("#step-reminder");
    assert!(reminder.contains("Entered\n1") || reminder.contains("Entered 1"), "{reminder}");
    b.screenshot(&shot_path("journey.png"));
    b.goto(&format!("{url}/journeys"));
    b.wait_for_text("#journeys", "Cart reminder");
    b.screenshot_of("main", &shot_path("journeys.png"));
    println!("journeys browser test: {:.1?}", started.elapsed());
}

/// The visual editor: a journey from the abandoned-cart recipe gets a wait before its second
/// reminder and a field changed, is saved, shows a problem in place when a send loses its
/// purpose (the server's check), is fixed and published; the reminder's mail goes out and its
/// step's report counts it.
#[test]
fn browser_journey_editor_adds_a_step_names_a_problem_publishes_and_reports() {
    if !browser_available() {
        return;
    }
    let started = Instant::now();
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let sink = crate::smtp_sink::SmtpSink::start(crate::smtp_sink::SinkOptions::default());
    let app = crate::helpers::spawn_app_with(|c| crate::campaigns::mail_config(c, sink.port()));
    let api = crate::campaigns::Api::new(&app);
    api.list("news");
    let ann = crate::tracking::contact_with(&api, "ann@example.org", &["newsletter", "website_tracking"]);
    let b = Browser::open(http, &driver);
    let url = app.url.as_str();
    b.post("/window/rect", json!({ "width": 1280, "height": 3000 }));
    first_sign_in(&b, &app);

    b.goto(&format!("{url}/journeys/new"));
    b.fill("#name", "Cart reminder");
    b.click("#recipe-abandoned_cart");
    b.click("#create");
    b.wait_for_text("#steps", "Wait for an order, at most 1 hour");
    let id = b.url().split("/journeys/").nth(1).unwrap().split('?').next().unwrap().to_string();
    b.click("#journey-edit");
    b.wait_for_text("#journey-editor", "Wait for an event or a segment");
    assert_eq!(b.attribute("#json-box", "open"), "", "the JSON is folded away");
    b.wait_for_text("#ed-problems", "Nothing stands in the way of publishing.");

    // A wait before the second reminder: on the way "if it does not come in time" of the second
    // wait for an order, then two days instead of one.
    b.click("#ed-add-wait_again-1");
    b.select("#ed-add-wait_again-1-kind", "wait");
    b.click("#ed-add-wait_again-1-go");
    b.wait_for_text("#ed-card-wait", "Wait");
    b.fill("#ed-s-wait-wait-days", "2");
    // Tests run at any hour: no quiet hours.
    b.click("#ed-quiet-on");
    b.click("#save");
    b.wait_for_text("#editor-status", "The draft was saved.");
    let draft = &api.ok("GET", &format!("/journeys/{id}"), None)["journey"]["definition"];
    assert_eq!(draft["steps"]["wait_again"]["no"], "wait", "{draft}");
    assert_eq!(draft["steps"]["wait"], json!({"wait": {"days": 2, "hours": 0, "minutes": 0}, "next": "last_call"}));
    assert!(draft["rules"].get("quiet_hours").is_none(), "{draft}");

    // The reminder loses its purpose: the server's check names it on the card.
    b.select("#ed-s-reminder-purpose", "");
    b.wait_for_text("#ed-card-reminder .ed-problems", "consent purpose");
    b.wait_for_text("#ed-problems", "steps.reminder.send.purpose");
    b.screenshot_of("#ed-steps", &shot_path("journey-editor.png"));
    b.select("#ed-s-reminder-purpose", "newsletter");
    b.wait_for_text("#ed-problems", "Nothing stands in the way of publishing.");
    b.click("#save");
    b.wait_for_text("#editor-status", "The draft was saved.");

    // A step with two ways out cannot be removed (where would its runs go?); a step that goes
    // straight on can, its successor taking its place.
    b.click("#ed-remove-wait_again");
    b.wait_for_text("#ed-refusal-wait_again", "several ways out");
    b.click("#ed-add-after-last_call");
    b.select("#ed-add-after-last_call-kind", "notify");
    b.click("#ed-add-after-last_call-go");
    b.wait_for_text("#ed-card-notify", "Notify staff");
    b.click("#ed-remove-notify");
    b.wait_for_text("#editor-status", "Step notify removed.");
    assert_eq!(b.count("#ed-card-notify"), 0);
    b.click("#save");
    b.wait_for_text("#editor-status", "The draft was saved.");
    let draft = &api.ok("GET", &format!("/journeys/{id}"), None)["journey"]["definition"];
    assert_eq!(draft["steps"]["last_call"]["next"], "done", "{draft}");
    assert!(draft["steps"].get("notify").is_none(), "{draft}");

    b.click("#to-publish");
    b.wait_for_text("#steps", "Wait 2 days");
    b.click("#journey-publish");
    b.wait_for_text("#journey-status", "Live");

    // Ann's cart: an hour later the reminder goes; its step's report counts it.
    let token = app.admin_token(&["record_events"]);
    let r = crate::helpers::bare_client()
        .post(format!("{url}/api/v1/events"))
        .bearer_auth(&token)
        .json(&json!({"events": [{"type": "custom", "name": "cart_added", "email": "ann@example.org"}]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let deadline = Instant::now() + Duration::from_secs(10);
    let until = loop {
        let v = api.ok("GET", &format!("/contacts/{ann}/journeys"), None);
        if let Some(u) = v["runs"][0]["waiting_until"].as_str() {
            break chrono::DateTime::parse_from_rfc3339(u).unwrap().with_timezone(&chrono::Utc);
        }
        assert!(Instant::now() < deadline, "no run: {v}");
        std::thread::sleep(Duration::from_millis(50));
    };
    app.state.clock.fire_due(until + chrono::Duration::seconds(1)).unwrap();
    sink.wait_for(1);
    b.post("/window/rect", json!({ "width": 1280, "height": 1400 }));
    b.goto(&format!("{url}/journeys/{id}"));
    b.click("#report-reminder");
    b.wait_for_path(url, &format!("/journeys/{id}/steps/reminder/report"));
    b.wait_for_text("#r-sent", "1");
    b.screenshot_of("main", &shot_path("journey-step-report.png"));
    println!("journey editor browser test: {:.1?}", started.elapsed());
}

/// A campaign's A/B test set up through the API and looked at on its page, with the send-time
/// option: both sections are screenshotted to be looked at.
#[test]
fn browser_campaign_ab_test_and_send_time_sections() {
    if !browser_available() {
        return;
    }
    let http = crate::helpers::client_builder().timeout(Duration::from_secs(60)).build().unwrap();
    let driver = start_driver(&http);
    let app = spawn_app();
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Spring", "subject": "Spring is here", "body": "Hello", "lists": ["news"], "send_time_hours": 24})),
    );
    let campaign = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok(
        "PUT",
        &format!("/campaigns/{campaign}/ab"),
        Some(json!({"variants": [{"subject": "Spring has come"}, {"subject": "20% off all seedlings"}],
                    "test_percent": 20, "metric": "clicks", "wait_hours": 4})),
    );
    let b = Browser::open(http, &driver);
    first_sign_in(&b, &app);
    b.goto(&format!("{}/campaigns/{campaign}#ab-test", app.url));
    b.wait_for_text("#ab-test-h", "A/B test");
    assert_eq!(b.attribute("#ab-subject-b", "value"), "Spring has come");
    assert_eq!(b.attribute("#send_time_hours", "value"), "24");
    b.screenshot_of("#ab-test", &shot_path("campaign-ab.png"));
}
