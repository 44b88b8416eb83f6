//! One viewer decision: what a staff member may see of a person is the same through the REST
//! API and the admin pages — the profile, the consent ledger, the history, the timeline — for
//! an analyst (no `view_personal_data`) and for an admin; an unmask reveals the same through
//! both; a preview or a test message shows a caller what the contact page would.

use reqwest::blocking::Client;
use serde_json::{json, Value};
use tidings::domain::{ContactId, Event, EventKind, Permission};
use tidings::tracking::Record;

use crate::campaigns::mail_config;
use crate::helpers::*;
use crate::smtp_sink::{SinkOptions, SmtpSink};

/// The browser the consent is given from, and how the ledger records it.
const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const LEDGER_BROWSER: &str = "Firefox on Linux";
/// The browser of a tracked page view.
const EVENT_BROWSER: &str = "Safari on macOS";

struct Api<'a> {
    app: &'a TestApp,
    token: String,
    client: Client,
}

impl<'a> Api<'a> {
    fn new(app: &'a TestApp, token: String) -> Self {
        Self { app, token, client: app.client() }
    }

    fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self
            .client
            .request(method, format!("{}/api/v1{path}", self.app.url))
            .bearer_auth(&self.token)
            .header("user-agent", FIREFOX);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().unwrap();
        (r.status().as_u16(), r.json().unwrap_or(Value::Null))
    }

    fn ok(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let (s, v) = self.call(method.clone(), path, body);
        assert!((200..300).contains(&s), "{method} {path}: {s} {v}");
        v
    }
}

/// A token for a user (of any role) with the given scopes; the role still decides.
fn token_for(app: &TestApp, username: &str, scopes: &[Permission]) -> String {
    let user = app.state.users.find_by_username(username).unwrap().unwrap();
    app.state.tokens.create(user.id, "viewer test", scopes.to_vec(), None).unwrap().1
}

/// Jane, with a consent given from Firefox with a note, a changed name, a page view from
/// Safari with an address in its query and properties, and a soft bounce whose diagnostic
/// quotes her address.
fn jane(app: &TestApp, admin: &Api) -> String {
    let v = admin.ok(
        reqwest::Method::POST,
        "/contacts",
        Some(json!({"email": "jane@example.com", "first_name": "Jane", "phone": "+49 30 901820"})),
    );
    let id = v["id"].as_str().unwrap().to_string();
    for (purpose, note) in [("newsletter", "met at the fair"), ("website_tracking", "")] {
        admin.ok(
            reqwest::Method::POST,
            &format!("/contacts/{id}/consents"),
            Some(json!({"purpose": purpose, "granted": true, "note": note})),
        );
    }
    admin.ok(reqwest::Method::PATCH, &format!("/contacts/{id}"), Some(json!({"first_name": "Janet"})));
    let cid: ContactId = id.parse().unwrap();
    let mut view = Event::new(EventKind::PageView, chrono::Utc::now(), "tracker");
    view.url = Some("https://shop.example/basket?email=jane@example.com".into());
    view.agent = EVENT_BROWSER.into();
    view.country = Some("DE".into());
    view.properties = r#"{"basket":"B-4711"}"#.into();
    app.state.tracking.record_durable_blocking(vec![Record { contact: Some(cid), event: view, link: None }]).unwrap();
    let (s, v) = admin.call(
        reqwest::Method::POST,
        "/bounces",
        Some(json!({"contact_id": id, "type": "soft", "status": "4.2.2",
                    "diagnostic": "452 4.2.2 the mailbox of jane@example.com is full"})),
    );
    assert_eq!(s, 200, "{v}");
    id
}

/// What a viewer was shown of Jane (`false`: that part was withheld).
#[derive(Debug, PartialEq)]
struct Seen {
    email: String,
    phone: String,
    ledger_network: bool,
    ledger_browser: bool,
    ledger_note: bool,
    history_names_the_field: bool,
}

fn through_the_api(api: &Api, id: &str) -> Seen {
    let c = api.ok(reqwest::Method::GET, &format!("/contacts/{id}?include=ledger,history"), None);
    let ledger = c["ledger"].as_array().unwrap();
    let newsletter = ledger.iter().find(|e| e["purpose"] == "newsletter").unwrap();
    let history = c["history"].as_array().unwrap();
    Seen {
        email: c["email"].as_str().unwrap().to_string(),
        phone: c["phone"].as_str().unwrap().to_string(),
        ledger_network: newsletter["ip"] == "127.0.0.0/24",
        ledger_browser: newsletter["user_agent"] == LEDGER_BROWSER,
        ledger_note: newsletter["note"] == "met at the fair",
        history_names_the_field: history.iter().any(|h| h["fields"] == json!(["first_name"])),
    }
}

/// A page's text with the entities the templates write for `/`, `&`, quotes undone.
fn unescaped(html: String) -> String {
    html.replace("&#x2f;", "/").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&")
}

fn page(app: &TestApp, c: &Client, path: &str) -> String {
    let r = app.get(c, path);
    assert_eq!(r.status(), 200, "{path}");
    unescaped(r.text().unwrap())
}

/// The ledger and the timeline sections of a contact page.
fn sections(page: &str) -> (&str, &str) {
    let (ledger, timeline) = (page.find("id=\"ledger\"").unwrap(), page.find("id=\"timeline\"").unwrap());
    (&page[ledger..timeline], &page[timeline..])
}

fn through_the_page(page: &str) -> Seen {
    let (ledger, timeline) = sections(page);
    Seen {
        email: text_of_id(page, "contact-email").unwrap(),
        phone: text_of_id(page, "contact-phone").unwrap(),
        ledger_network: ledger.contains("127.0.0.0/24"),
        ledger_browser: ledger.contains(LEDGER_BROWSER),
        ledger_note: ledger.contains("met at the fair"),
        history_names_the_field: timeline.contains("Changed First name"),
    }
}

#[test]
fn an_analyst_and_an_admin_see_the_same_through_the_api_and_the_pages() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let admin_api = Api::new(&app, app.admin_token(&["view_contacts", "edit_contacts", "view_personal_data"]));
    let id = jane(&app, &admin_api);
    let analyst = app.signed_in_user(&admin, "ana", "analyst");
    // Scopes beyond the role give nothing: the role decides.
    let analyst_api = Api::new(
        &app,
        token_for(
            &app,
            "ana",
            &[Permission::ViewContacts, Permission::ViewPersonalData, Permission::UnmaskPersonalData],
        ),
    );
    let path = format!("/contacts/{id}");

    let masked = Seen {
        email: "j•••@example.com".into(),
        phone: "+•••".into(),
        ledger_network: false,
        ledger_browser: false,
        ledger_note: false,
        history_names_the_field: true,
    };
    let whole = Seen {
        email: "jane@example.com".into(),
        phone: "+4930901820".into(),
        ledger_network: true,
        ledger_browser: true,
        ledger_note: true,
        history_names_the_field: true,
    };
    let analyst_page = page(&app, &analyst, &path);
    let admin_page = page(&app, &admin, &path);
    assert_eq!(through_the_api(&analyst_api, &id), masked, "the analyst through the API");
    assert_eq!(through_the_page(&analyst_page), masked, "the analyst on the contact page");
    assert_eq!(through_the_api(&admin_api, &id), whole, "the admin through the API");
    assert_eq!(through_the_page(&admin_page), whole, "the admin on the contact page");

    // The timeline (the pages' own): the address of a visit without its query, no properties,
    // no browser, no words of the remote server; the country and the facts stay.
    let (_, timeline) = sections(&analyst_page);
    assert!(timeline.contains("https://shop.example/basket (query masked)"), "{timeline}");
    assert!(timeline.contains("properties hidden") && !timeline.contains("B-4711"), "{timeline}");
    assert!(!timeline.contains(EVENT_BROWSER) && timeline.contains("· DE"), "{timeline}");
    assert!(!timeline.contains("mailbox of") && timeline.contains("Soft bounce"), "{timeline}");
    assert!(!analyst_page.contains("jane@"), "the address nowhere on the page");
    let (_, timeline) = sections(&admin_page);
    assert!(timeline.contains("basket?email=jane@example.com") && timeline.contains("B-4711"), "{timeline}");
    assert!(timeline.contains(&format!("{EVENT_BROWSER} · DE")), "{timeline}");
    assert!(timeline.contains("the mailbox of jane@example.com is full"), "{timeline}");

    // The consent endpoint answers the analyst as the contact's ledger does.
    let v = analyst_api.ok(reqwest::Method::GET, &format!("/contacts/{id}/consents"), None);
    let newsletter = v["consents"].as_array().unwrap().iter().find(|e| e["purpose"] == "newsletter").unwrap().clone();
    assert_eq!(
        (&newsletter["ip"], &newsletter["user_agent"], &newsletter["note"]),
        (&Value::Null, &Value::Null, &Value::Null)
    );
    assert_eq!(newsletter["granted"], true);
}

/// An unmask reveals one contact as a viewer with `view_personal_data` sees it: the page shows
/// the ledger whole; the API answers as `GET` does, with the same `include`.
#[test]
fn an_unmask_reveals_the_same_through_the_api_and_the_page() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let admin_api = Api::new(&app, app.admin_token(&["view_contacts", "edit_contacts", "view_personal_data"]));
    let id = jane(&app, &admin_api);
    let analyst = app.signed_in_user(&admin, "ana", "analyst");
    let analyst_api =
        Api::new(&app, token_for(&app, "ana", &[Permission::ViewContacts, Permission::UnmaskPersonalData]));
    let path = format!("/contacts/{id}");

    let r = app.post_form(&analyst, &path, &format!("{path}/unmask"), &[("reason", "ticket 4711")]);
    assert_eq!(r.status(), 200);
    let on_the_page = through_the_page(&unescaped(r.text().unwrap()));

    let (s, v) = analyst_api.call(
        reqwest::Method::POST,
        &format!("{path}/unmask?include=ledger,history"),
        Some(json!({"reason": "ticket 4711"})),
    );
    assert_eq!(s, 200, "{v}");
    let ledger = v["ledger"].as_array().unwrap_or_else(|| panic!("the ledger, as asked: {v}"));
    let newsletter = ledger.iter().find(|e| e["purpose"] == "newsletter").unwrap();
    let by_the_api = Seen {
        email: v["email"].as_str().unwrap().to_string(),
        phone: v["phone"].as_str().unwrap().to_string(),
        ledger_network: newsletter["ip"] == "127.0.0.0/24",
        ledger_browser: newsletter["user_agent"] == LEDGER_BROWSER,
        ledger_note: newsletter["note"] == "met at the fair",
        history_names_the_field: v["history"].as_array().unwrap().iter().any(|h| h["fields"] == json!(["first_name"])),
    };
    assert_eq!(by_the_api, on_the_page);
    assert_eq!(on_the_page, through_the_page(&page(&app, &admin, &path)), "as the admin sees it");
    assert_eq!(
        analyst_api.call(reqwest::Method::POST, &format!("{path}/unmask?include=all"), Some(json!({"reason": "x"}))).0,
        400
    );
    // Once: the next answer is masked again.
    assert_eq!(through_the_api(&analyst_api, &id).email, "j•••@example.com");
}

/// A preview or a test message shows the caller the contact it is rendered for: a token
/// without `view_personal_data` gets it masked, as the campaign editor's preview is.
#[test]
fn a_preview_and_a_test_message_show_a_masked_caller_the_contact_masked() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| mail_config(c, sink.port()));
    let admin_api = Api::new(&app, app.admin_token(&["view_contacts", "edit_contacts", "view_personal_data"]));
    let id = jane(&app, &admin_api);
    let full = Api::new(&app, app.admin_token(&["send_campaigns", "view_personal_data"]));
    let narrow = Api::new(&app, app.admin_token(&["send_campaigns"]));
    let v = full.ok(
        reqwest::Method::POST,
        "/campaigns",
        Some(
            json!({"name": "Basket", "subject": "For {{ first_name }}", "body": "Hello {{ first_name }}, {{ email }}"}),
        ),
    );
    let campaign = v["campaign"]["id"].as_str().unwrap().to_string();
    let preview = |api: &Api| {
        let v =
            api.ok(reqwest::Method::POST, &format!("/campaigns/{campaign}/preview"), Some(json!({"contact_id": id})));
        v["text"].as_str().unwrap().to_string()
    };
    let whole = preview(&full);
    assert!(whole.contains("Hello Janet, jane@example.com"), "{whole}");
    let masked = preview(&narrow);
    assert!(masked.contains("Hello J•••, j•••@example.com") && !masked.contains("jane@"), "{masked}");

    let v = narrow.ok(
        reqwest::Method::POST,
        &format!("/campaigns/{campaign}/test"),
        Some(json!({"contact_id": id, "to": ["me@example.net"]})),
    );
    assert_eq!(v["results"].as_array().unwrap().len(), 1, "{v}");
    let got = sink.wait_for(1);
    let mail = String::from_utf8_lossy(&got[0].data).to_string();
    assert!(!mail.contains("jane@example.com") && !mail.contains("Janet"), "{mail}");
}
