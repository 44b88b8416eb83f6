//! The journeys' admin pages over the real server: a journey made from the abandoned-cart
//! recipe through the form, its steps in words and in order, published, a contact added by
//! email, and the contact's run on the contact page; refused forms keep what was typed; the
//! pages in German have no English left.

use crate::campaigns::Api;
use crate::helpers::{location, spawn_app, TestApp, NEW_PASSWORD};
use reqwest::blocking::Client;

/// Creates a journey through the form; returns its id.
fn create(app: &TestApp, admin: &Client, name: &str, recipe: &str) -> String {
    let r = app.post_form(admin, "/journeys/new", "/journeys", &[("name", name), ("recipe", recipe)]);
    assert_eq!(r.status(), 303, "{}", r.text().unwrap());
    let to = location(&r);
    assert!(to.starts_with("/journeys/") && to.ends_with("?ok=created"), "{to}");
    to.trim_start_matches("/journeys/").trim_end_matches("?ok=created").to_string()
}

fn page(app: &TestApp, c: &Client, path: &str) -> String {
    let r = app.get(c, path);
    assert_eq!(r.status(), 200, "{path}");
    r.text().unwrap()
}

#[test]
fn a_journey_from_the_cart_recipe_in_words_published_and_a_contact_s_run_on_their_page() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let api = Api::new(&app);
    let ann = api.contact("ann@example.org", &[], &[], true);

    // Nothing yet: the list says what a journey is; the navigation leads there.
    let list = page(&app, &admin, "/journeys");
    assert!(list.contains("No journeys yet.") && list.contains("A journey is a workflow"), "{list}");
    assert!(list.contains("aria-current=\"page\">Journeys</a>"), "a nav item");
    let new = page(&app, &admin, "/journeys/new");
    assert!(new.contains("Abandoned cart") && new.contains("A cart event without an order within an hour"), "{new}");

    let id = create(&app, &admin, "Cart reminder", "abandoned_cart");
    let shown = page(&app, &admin, &format!("/journeys/{id}?ok=created"));
    assert!(shown.contains("The journey was created as a draft."), "{shown}");
    assert!(shown.contains(">Draft<"), "status in words");
    // The steps in words, each leading to the next by a link, in the editor's order.
    for words in [
        "Wait for an order, at most 1 hour",
        "if it comes → <a href=\"#step-done\">done</a>",
        "else → <a href=\"#step-reminder\">reminder</a>",
        "Send “You left something in your cart” (purpose ",
        "Wait for an order, at most 1 day",
        "Send “Still thinking it over?”",
        ">Exit<",
        "When the event “cart_added” is recorded",
        "Quiet hours 21:00–08:00 in the contact&#x27;s time zone",
        "may enter again 1 day after their last entry",
        "Reaching an order ends the run",
    ] {
        assert!(shown.contains(words), "{words:?} in {shown}");
    }
    let at = |step: &str| shown.find(&format!("id=\"step-{step}\"")).unwrap_or_else(|| panic!("step {step}"));
    // Breadth-first from the start (`steps_in_order`): the wait's two ways, then the reminder's.
    let order = ["wait_order", "done", "reminder", "wait_again", "last_call"];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{order:?}");
    assert!(!shown.contains("id=\"problems\""), "the recipe can be published as it is");

    let r = app.post_form(&admin, &format!("/journeys/{id}"), &format!("/journeys/{id}/publish"), &[]);
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/journeys/{id}?ok=published"));
    let shown = page(&app, &admin, &format!("/journeys/{id}"));
    assert!(shown.contains(">Live<") && shown.contains("version 1"), "{shown}");
    assert!(shown.contains("Waiting now by step"), "the chart");

    // A contact added by email starts a run; the notice says how many.
    let r = app.post_form(
        &admin,
        &format!("/journeys/{id}"),
        &format!("/journeys/{id}/enrol"),
        &[("segment", ""), ("emails", "ann@example.org\n")],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap());
    let notice = page(&app, &admin, &location(&r));
    assert!(notice.contains("One contact started the journey."), "{notice}");

    // An address nobody has is refused, naming it, with what was typed kept.
    let r = app.post_form(
        &admin,
        &format!("/journeys/{id}"),
        &format!("/journeys/{id}/enrol"),
        &[("emails", "ann@example.org\nnobody@example.org")],
    );
    assert_eq!(r.status(), 422);
    let refused = r.text().unwrap();
    assert!(refused.contains("no contact has these addresses: nobody@example.org"), "{refused}");
    assert!(refused.contains(">ann@example.org\nnobody@example.org</textarea>"), "{refused}");

    // The contact's page: the run, where it waits, and its timeline in words.
    let contact = page(&app, &admin, &format!("/contacts/{ann}"));
    let section = &contact[contact.find("id=\"journeys\"").expect("a journeys section")..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains(&format!("<a href=\"/journeys/{id}\">Cart reminder</a>")), "{section}");
    assert!(section.contains("waiting at wait_order until "), "{section}");
    assert!(section.contains("entered: ") && section.contains("waiting until "), "{section}");

    // The list counts who waits and who entered.
    let list = page(&app, &admin, "/journeys");
    let row = &list[list.find(&format!("data-journey=\"{id}\"")).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(">Live<") && row.matches("<td class=\"num\">1</td>").count() == 3, "{row}");

    // Tried for Ann without sending: the timeline it would take, an order coming in time.
    let r = app.post_form(
        &admin,
        &format!("/journeys/{id}"),
        &format!("/journeys/{id}/dry-run"),
        &[("contact", "ann@example.org"), ("comes", "yes")],
    );
    assert_eq!(r.status(), 200);
    let tried = r.text().unwrap();
    assert!(tried.contains("id=\"try-timeline\"") && tried.contains("nothing was sent"), "{tried}");
}

#[test]
fn refused_forms_keep_what_was_typed() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let id = create(&app, &admin, "Birthday wishes", "birthday");

    // The same name again: the form comes back with the name, description and recipe typed.
    let r = app.post_form(
        &admin,
        "/journeys/new",
        "/journeys",
        &[("name", "birthday wishes"), ("description", "Typed by hand"), ("recipe", "win_back")],
    );
    assert_eq!(r.status(), 422);
    let again = r.text().unwrap();
    assert!(again.contains("value=\"birthday wishes\"") && again.contains(">Typed by hand</textarea>"), "{again}");
    assert!(again.contains("id=\"recipe-win_back\" name=\"recipe\" value=\"win_back\" checked"), "{again}");
    assert!(again.contains("id=\"name-error\"") && again.contains("exists"), "{again}");

    // JSON that does not parse: the editor again with the text as typed and where it broke.
    let typed = "{\"triggers\": [ oops";
    let r = app.post_form(
        &admin,
        &format!("/journeys/{id}/edit"),
        &format!("/journeys/{id}/edit"),
        &[("name", "Birthday wishes"), ("description", ""), ("definition", typed)],
    );
    assert_eq!(r.status(), 422);
    let again = r.text().unwrap();
    assert!(again.contains("{&quot;triggers&quot;: [ oops</textarea>"), "{again}");
    assert!(again.contains("id=\"definition-error\"") && again.contains("not valid JSON (line 1"), "{again}");

    // A draft with a problem is saved, and the problem is named by its path above the JSON.
    let broken = r#"{"triggers":[{"manual":true}],"start":"hello","steps":{"hello":{"send":{"subject":"Hi","body":"Hello","preheader":"","sender":"","purpose":""},"next":"done"},"done":{"exit":true}},"rules":{"reentry":"never"},"goal":null}"#;
    let r = app.post_form(
        &admin,
        &format!("/journeys/{id}/edit"),
        &format!("/journeys/{id}/edit"),
        &[("name", "Birthday wishes"), ("description", ""), ("definition", broken)],
    );
    assert_eq!(r.status(), 303);
    let edit = page(&app, &admin, &format!("/journeys/{id}/edit"));
    assert!(edit.contains("id=\"problems\"") && edit.contains("<code>steps.hello"), "{edit}");
    let shown = page(&app, &admin, &format!("/journeys/{id}"));
    assert!(shown.contains("id=\"problems\"") && shown.contains("Send “Hi” (no consent purpose yet)"), "{shown}");
    let r = app.post_form(&admin, &format!("/journeys/{id}"), &format!("/journeys/{id}/publish"), &[]);
    assert_eq!(r.status(), 422, "a draft with problems is not published");
    assert!(r.text().unwrap().contains("steps.hello"));

    // Archiving needs the box ticked.
    let r = app.post_form(&admin, &format!("/journeys/{id}"), &format!("/journeys/{id}/archive"), &[]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("id=\"confirm-error\""));
}

#[test]
fn the_journey_pages_in_german_have_no_english_left() {
    let (app, admin) = crate::languages_admin::german_admin();
    let list = crate::languages_admin::german_page(&app, &admin, "/journeys", &[]);
    assert!(list.contains("Noch keine Journeys."), "{list}");
    crate::languages_admin::german_page(&app, &admin, "/journeys/new", &[]);
    let id = create(&app, &admin, "Warenkorb", "abandoned_cart");
    let r = app.post_form(&admin, &format!("/journeys/{id}"), &format!("/journeys/{id}/publish"), &[]);
    assert_eq!(r.status(), 303);
    // The recipe's subjects are the shop's words, not the page's.
    let subjects = ["You left something in your cart", "Still thinking it over?"];
    let shown = crate::languages_admin::german_page(&app, &admin, &format!("/journeys/{id}?ok=published"), &subjects);
    assert!(shown.contains("Warten auf") && shown.contains("Veröffentlicht"), "{shown}");
    crate::languages_admin::german_page(&app, &admin, "/journeys", &[]);
    // The editor (its words come with the page) and a send step's report.
    let edit = crate::languages_admin::german_page(&app, &admin, &format!("/journeys/{id}/edit"), &subjects);
    assert!(edit.contains("Erweitert: die Definition als JSON") && edit.contains("Wartet auf"), "{edit}");
    let report =
        crate::languages_admin::german_page(&app, &admin, &format!("/journeys/{id}/steps/reminder/report"), &subjects);
    assert!(
        report.contains("Der Schritt") && report.contains("Aus diesem Schritt wurde noch nichts gesendet."),
        "{report}"
    );
    // A contact's run, ended by a withdrawal: its causes and reasons are worded in German too.
    let api = crate::campaigns::Api::new(&app);
    api.list("news");
    let ann = crate::tracking::contact_with(&api, "ann@example.org", &["newsletter"]);
    api.ok("POST", &format!("/journeys/{id}/enrol"), Some(serde_json::json!({"contacts": [ann]})));
    api.ok(
        "POST",
        &format!("/contacts/{ann}/consents"),
        Some(serde_json::json!({"purpose": "newsletter", "granted": false, "note": "am Telefon"})),
    );
    let started = std::time::Instant::now();
    while app.state.journeys.runs_of(&ann.parse().unwrap()).unwrap().iter().any(|r| r.is_active()) {
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "the run never ended");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let page = crate::languages_admin::german_page(
        &app,
        &admin,
        &format!("/contacts/{ann}"),
        &["Ann", "ann@example.org", "am Telefon", "Warenkorb", "news", "wait_order"],
    );
    assert!(page.contains("von Hand hinzugefügt") && page.contains("widerrufen"), "{page}");
}

/// Waits (at most 10 s) until none of the contact's runs goes on.
fn until_ended(app: &TestApp, contact: &str) {
    let started = std::time::Instant::now();
    while app.state.journeys.runs_of(&contact.parse().unwrap()).unwrap().iter().any(|r| r.is_active()) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the run never ended: {:?} {:?}",
            app.state.journeys.runs_of(&contact.parse().unwrap()),
            app.state.contacts.get(&contact.parse().unwrap())
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The list's "entered in total" counts runs started over every version: not the published
/// version's first step, which runs that entered under the version before never reached and
/// runs moved to it by publishing would reach a second time.
#[test]
fn the_list_counts_every_entry_over_every_version() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let api = Api::new(&app);
    api.list("news");
    let ann = crate::tracking::contact_with(&api, "ann@example.org", &["newsletter"]);
    let bob = crate::tracking::contact_with(&api, "bob@example.org", &["newsletter"]);
    // The welcome series: a mail at once, then a wait of two days (where runs stay); without
    // its quiet hours, so that the mail does not wait at the first step at night.
    let id = create(&app, &admin, "Welcome", "welcome");
    let mut draft: serde_json::Value =
        serde_json::from_str(&app.state.journeys.get(&id.parse().unwrap()).unwrap().unwrap().draft).unwrap();
    draft["rules"].as_object_mut().unwrap().remove("quiet_hours");
    api.ok("PUT", &format!("/journeys/{id}"), Some(serde_json::json!({"definition": draft})));
    let publish = || {
        let r = app.post_form(&admin, &format!("/journeys/{id}"), &format!("/journeys/{id}/publish"), &[]);
        assert_eq!(r.status(), 303, "{}", r.text().unwrap());
    };
    let entered = || {
        let list = page(&app, &admin, "/journeys");
        let row = &list[list.find(&format!("data-journey=\"{id}\"")).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        let cells: Vec<&str> =
            row.split("<td class=\"num\">").skip(1).map(|c| &c[..c.find("</td>").unwrap()]).collect();
        cells[2].to_string()
    };
    publish();
    api.ok("POST", &format!("/journeys/{id}/enrol"), Some(serde_json::json!({"contacts": [ann]})));
    assert_eq!(entered(), "1");
    // Version 2: Ann's run moves to it where it waits; she did not enter again.
    publish();
    assert_eq!(entered(), "1", "Ann entered once, under version 1");
    api.ok("POST", &format!("/journeys/{id}/enrol"), Some(serde_json::json!({"contacts": [bob]})));
    assert_eq!(entered(), "2");
    let v = api.ok("GET", &format!("/journeys/{id}"), None);
    assert_eq!(v["entered"], 2, "{v}");
}

/// A form trigger names the form, not its id; a run ended by a status change says the status
/// in the reader's words (in German too), and a purpose by its name.
#[test]
fn a_form_trigger_and_a_run_s_reasons_are_in_words() {
    let (app, admin) = crate::languages_admin::german_admin();
    let api = Api::new(&app);
    api.list("news");
    let v = api.ok(
        "POST",
        "/forms",
        Some(serde_json::json!({"name": "Fußzeile", "title": "Newsletter", "purposes": ["newsletter"]})),
    );
    let form = v["form"]["id"].as_str().unwrap().to_string();
    let definition = serde_json::json!({
        "triggers": [{"form_submitted": form}, {"manual": true}],
        "start": "pause",
        "steps": {
            "pause": {"wait": {"days": 1}, "next": "hello"},
            "hello": {"send": {"subject": "Hallo", "body": "Hallo", "preheader": "", "sender": "", "purpose": "newsletter"}, "next": "done"},
            "done": {"exit": true}
        },
        "rules": {"reentry": "always"}
    });
    let v = api.ok("POST", "/journeys", Some(serde_json::json!({"name": "Anmeldung", "definition": definition})));
    let id = v["journey"]["id"].as_str().unwrap().to_string();
    let shown = crate::languages_admin::german_page(&app, &admin, &format!("/journeys/{id}"), &["Hallo"]);
    assert!(shown.contains("„Fußzeile“"), "the form by its name: {shown}");
    assert!(!shown.contains(&form), "not by its id: {shown}");
    api.ok("POST", &format!("/journeys/{id}/publish"), None);

    // Ann's run ends when she unsubscribes; Bob's when he withdraws his consent.
    let ann = crate::tracking::contact_with(&api, "ann@example.org", &["newsletter"]);
    let bob = crate::tracking::contact_with(&api, "bob@example.org", &["newsletter"]);
    api.ok("POST", &format!("/journeys/{id}/enrol"), Some(serde_json::json!({"contacts": [ann, bob]})));
    // As an unsubscribe link does it (an edit by staff is a contact update, not this change).
    tidings::contacts::ops::set_status(
        &app.state,
        tidings::audit::Actor::Anonymous,
        &ann.parse().unwrap(),
        tidings::domain::Status::Unsubscribed,
        "unsubscribe link",
    )
    .unwrap();
    until_ended(&app, &ann);
    let page = crate::languages_admin::german_page(
        &app,
        &admin,
        &format!("/contacts/{ann}"),
        &["Ann", "ann@example.org", "news"],
    );
    assert!(page.contains("Status geändert auf abgemeldet"), "{page}");
    assert!(!page.contains("unsubscribed"), "{page}");
    api.ok(
        "POST",
        &format!("/contacts/{bob}/consents"),
        Some(serde_json::json!({"purpose": "newsletter", "granted": false})),
    );
    until_ended(&app, &bob);
    let page = crate::languages_admin::german_page(
        &app,
        &admin,
        &format!("/contacts/{bob}"),
        &["Ann", "bob@example.org", "news"],
    );
    let purpose = app.state.purposes.get("newsletter").unwrap().unwrap();
    let name = app.state.purposes.name_in(&purpose, "de").unwrap();
    assert!(page.contains(&format!("Einwilligung in „{name}“ widerrufen")), "{name}: {page}");
}

/// A send step's report: its mail goes to a real SMTP server, the link in it is followed
/// through the tracking endpoint, and the step's report (page and API) counts the message and
/// the click; the journey's page links to it from the step.
#[test]
fn a_send_step_s_report_counts_its_mail_and_a_click_through_the_tracking_link() {
    use crate::smtp_sink::{SinkOptions, SmtpSink};
    let sink = SmtpSink::start(SinkOptions::default());
    let app = crate::helpers::spawn_app_with(|c| {
        crate::campaigns::mail_config(c, sink.port());
        c.tracking.scanner_window_secs = 0;
    });
    let admin = app.login_admin(NEW_PASSWORD);
    let api = Api::new(&app);
    api.list("news");
    let ann = crate::tracking::contact_with(&api, "ann@example.org", &["newsletter", "engagement"]);
    let definition = serde_json::json!({
        "triggers": [{"manual": true}],
        "start": "hello",
        "steps": {
            "hello": {"send": {"subject": "Our sale", "body": "[Shop the sale](https://shop.example/sale)", "preheader": "", "sender": "", "purpose": "newsletter"}, "next": "pause"},
            "pause": {"wait": {"days": 1}, "next": "done"},
            "done": {"exit": true}
        }
    });
    let v = api.ok("POST", "/journeys", Some(serde_json::json!({"name": "Sale", "definition": definition})));
    let id = v["journey"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/journeys/{id}/publish"), None);
    api.ok("POST", &format!("/journeys/{id}/enrol"), Some(serde_json::json!({"contacts": [ann]})));
    let got = sink.wait_for(1);
    let text = String::from_utf8_lossy(&got[0].data).replace("=\r\n", "").replace("=3D", "=");
    let at = text.find("/c/").expect("a tracked link");
    let link: String = text[at..].chars().take_while(|c| !c.is_whitespace() && *c != '"' && *c != ')').collect();
    let r = crate::helpers::bare_client()
        .get(format!("{}{link}", app.url))
        .header("user-agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
        .send()
        .unwrap();
    assert_eq!(r.status(), 302);
    app.state.tracking.record_durable_blocking(Vec::new()).unwrap();

    let reports = app.admin_token(&["view_reports"]);
    let report_api = |step: &str| {
        let r = crate::helpers::bare_client()
            .get(format!("{}/api/v1/journeys/{id}/steps/{step}/report", app.url))
            .bearer_auth(&reports)
            .send()
            .unwrap();
        (r.status().as_u16(), r.json::<serde_json::Value>().unwrap())
    };
    let (status, v) = report_api("hello");
    assert_eq!(status, 200, "{v}");
    let r = &v["report"];
    assert_eq!((r["delivery"]["sent"].as_u64(), r["delivery"]["delivered"].as_u64()), (Some(1), Some(1)), "{v}");
    assert_eq!(
        (r["engagement"]["clicks"].as_u64(), r["engagement"]["unique_clicks"].as_u64()),
        (Some(1), Some(1)),
        "{v}"
    );
    assert_eq!(r["links"][0]["url"], "https://shop.example/sale", "{v}");
    assert_eq!(v["counts"]["passed"], 1, "{v}");

    let shown = page(&app, &admin, &format!("/journeys/{id}"));
    let report = format!("/journeys/{id}/steps/hello/report");
    assert!(shown.contains(&format!("href=\"{report}\"")), "the send step links to its report: {shown}");
    assert!(!shown.contains(&format!("/journeys/{id}/steps/pause/report")), "only send steps have one");
    let html = page(&app, &admin, &report);
    assert!(html.contains("id=\"r-sent\">1<") && html.contains("id=\"r-clicks\">1<"), "{html}");
    assert!(html.contains("https:&#x2f;&#x2f;shop.example&#x2f;sale") && html.contains("“Our sale”"), "{html}");
    assert!(!html.contains("id=\"r-recipients\""), "no count of recipients it cannot know");

    // A step that sends nothing, or none at all: not found.
    for step in ["pause", "nope"] {
        assert_eq!(app.get(&admin, &format!("/journeys/{id}/steps/{step}/report")).status(), 404, "{step}");
        assert_eq!(report_api(step).0, 404, "{step}");
    }
}

/// The editor's check: what stands in the way of publishing a definition, asked without saving
/// it (the draft stays as it was); bad input is a 4xx naming the field.
#[test]
fn the_editor_s_check_names_problems_without_saving() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let api = Api::new(&app);
    let id = create(&app, &admin, "Cart", "abandoned_cart");
    let before = app.state.journeys.get(&id.parse().unwrap()).unwrap().unwrap().draft;
    let mut d: serde_json::Value = serde_json::from_str(&before).unwrap();
    d["steps"]["reminder"]["send"]["purpose"] = serde_json::json!("");
    let v = api.ok("POST", &format!("/journeys/{id}/problems"), Some(serde_json::json!({"definition": d})));
    let paths: Vec<&str> =
        v["problems"]["errors"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["steps.reminder.send.purpose"], "{v}");
    // A definition that does not parse is named by its place, too.
    d["steps"]["reminder"]["next"] = serde_json::json!("nowhere");
    let v = api.ok("POST", &format!("/journeys/{id}/problems"), Some(serde_json::json!({"definition": d})));
    assert_eq!(v["problems"]["errors"][0]["path"], "steps.reminder.next", "{v}");
    assert_eq!(app.state.journeys.get(&id.parse().unwrap()).unwrap().unwrap().draft, before, "nothing saved");
    let (s, v) = api.call("POST", &format!("/journeys/{id}/problems"), Some(serde_json::json!({"nothing": 1})));
    assert!((400..500).contains(&s), "{s} {v}");
    let (s, _) = api.call("POST", "/journeys/not-an-id/problems", Some(serde_json::json!({"definition": {}})));
    assert_eq!(s, 400);
}
