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
