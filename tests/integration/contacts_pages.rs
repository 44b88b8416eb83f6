//! The contact pages: the form's validation, custom fields, search as you type, masking and
//! unmasking, delete with suppression, merge, purposes with versioned wordings, lists.

use std::time::{Duration, Instant};

use reqwest::blocking::Client;

use crate::helpers::*;

/// Adds a contact through the form; returns its id.
fn add_contact(app: &TestApp, c: &Client, fields: &[(&str, &str)]) -> String {
    let r = app.post_form(c, "/contacts/new", "/contacts", fields);
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    id_from(&location(&r))
}

/// `/contacts/<id>?ok=…` → `<id>`
fn id_from(location: &str) -> String {
    let rest = location.strip_prefix("/contacts/").unwrap_or_else(|| panic!("not a contact: {location}"));
    rest.split(['?', '/']).next().unwrap().to_string()
}

fn page(app: &TestApp, c: &Client, path: &str) -> String {
    let r = app.get(c, path);
    assert_eq!(r.status(), 200, "{path}");
    r.text().unwrap()
}

/// The list, once the search index shows what `ready` looks for (it trails writes briefly).
fn list_until(app: &TestApp, c: &Client, path: &str, ready: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let body = page(app, c, path);
        if ready(&body) || Instant::now() > deadline {
            return body;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_form_refuses_a_bad_phone_keeps_the_values_then_creates_and_search_finds_it() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let empty = page(&app, &admin, "/contacts");
    assert!(empty.contains("No contacts yet"), "{empty}");
    assert!(empty.contains("href=\"/contacts/import\""), "the empty state offers the import");

    let bad = [("email", "Jane.Doe@Example.com"), ("first_name", "Jane"), ("last_name", "Doe"), ("phone", "030 1234")];
    let r = app.post_form(&admin, "/contacts/new", "/contacts", &bad);
    assert_eq!(r.status(), 422);
    let body = r.text().unwrap();
    assert!(body.contains("id=\"phone-error\""), "the message sits next to the phone field");
    assert!(body.contains("include the country code"), "{body}");
    assert!(body.contains("value=\"Jane\""), "what was typed is kept");
    assert!(body.contains("aria-invalid=\"true\" aria-describedby=\"phone-error\""));

    let id = add_contact(
        &app,
        &admin,
        &[
            ("email", "Jane.Doe@Example.com"),
            ("first_name", "Jane"),
            ("last_name", "Doe"),
            ("phone", "+49 30 901820"),
            ("tags", "VIP, shop"),
        ],
    );
    let detail = page(&app, &admin, &format!("/contacts/{id}?ok=contact_created"));
    assert!(detail.contains("The contact has been added."));
    assert_eq!(text_of_id(&detail, "contact-email").as_deref(), Some("jane.doe@example.com"));
    assert_eq!(text_of_id(&detail, "contact-phone").as_deref(), Some("+4930901820"));
    assert!(detail.contains(">vip</a>"), "tags are shown lower-cased");

    // A typed prefix finds the contact; the fragment for the live search has no layout.
    let found = list_until(&app, &admin, "/contacts?q=jan", |b| b.contains("jane.doe@example.com"));
    assert!(found.contains("jane.doe@example.com"), "{found}");
    assert!(found.contains("1 contact match"));
    let r = app.get(&admin, "/contacts?q=do&partial=1");
    assert_eq!(r.status(), 200);
    let fragment = r.text().unwrap();
    assert!(fragment.contains("jane.doe@example.com"), "{fragment}");
    assert!(fragment.contains("<table"));
    assert!(!fragment.contains("<html") && !fragment.contains("class=\"side\""), "{fragment}");
    let none = page(&app, &admin, "/contacts?q=zzz");
    assert!(none.contains("No contacts match this search"), "{none}");
    // The export link carries the search.
    let export = found.split("id=\"export-link\"").next().unwrap().rsplit("href=\"").next().unwrap();
    assert_eq!(export.replace("&#x2f;", "/").replace("&amp;", "&"), "/api/v1/contacts/export?format=csv&q=jan\" ");
}

#[test]
fn a_custom_field_appears_in_the_form_and_validates_by_type() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(
        &admin,
        "/settings/fields",
        "/settings/fields",
        &[("key", "tier"), ("label", "Tier"), ("kind", "choice"), ("options", "")],
    );
    assert_eq!(r.status(), 422, "a choice field without options is refused");
    assert!(r.text().unwrap().contains("at least one option"));
    let r = app.post_form(
        &admin,
        "/settings/fields",
        "/settings/fields",
        &[("key", "shoe_size"), ("label", "Shoe size"), ("kind", "number")],
    );
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/settings/fields?ok=field_created");
    let r = app.post_form(
        &admin,
        "/settings/fields",
        "/settings/fields",
        &[("key", "colours"), ("label", "Colours"), ("kind", "multi_choice"), ("options", "Red, dark\nBlue")],
    );
    assert_eq!(r.status(), 303);
    assert!(page(&app, &admin, "/settings/fields").contains("<code>shoe_size</code>"));

    let form = page(&app, &admin, "/contacts/new");
    assert!(form.contains("name=\"custom.shoe_size\" type=\"number\""), "{form}");
    assert!(form.contains("name=\"custom.colours\" value=\"Red, dark\""));

    let r = app.post_form(
        &admin,
        "/contacts/new",
        "/contacts",
        &[("email", "sam@example.com"), ("custom.shoe_size", "abc"), ("custom.colours", "Red, dark")],
    );
    assert_eq!(r.status(), 422);
    let body = r.text().unwrap();
    assert!(body.contains("id=\"f-shoe_size-error\">`abc` is not a number"), "{body}");
    assert!(body.contains("value=\"Red, dark\" checked"), "the ticked option stays ticked");

    // An option with a comma in it is one option, not two.
    let id = add_contact(
        &app,
        &admin,
        &[
            ("email", "sam@example.com"),
            ("custom.shoe_size", "42"),
            ("custom.colours", "Red, dark"),
            ("custom.colours", "Blue"),
        ],
    );
    let detail = page(&app, &admin, &format!("/contacts/{id}"));
    assert!(detail.contains("<dt>Shoe size</dt><dd>42</dd>"), "{detail}");
    assert!(detail.contains("<dt>Colours</dt><dd>Red, dark, Blue</dd>"));

    // The edit form shows what is stored; what it sends replaces it.
    let edit_path = format!("/contacts/{id}/edit");
    let edit = page(&app, &admin, &edit_path);
    assert!(edit.contains("name=\"custom.shoe_size\" type=\"number\" step=\"any\" inputmode=\"decimal\" value=\"42\""));
    assert!(edit.contains("value=\"Blue\" checked") && edit.contains("value=\"Red, dark\" checked"), "{edit}");
    let r = app.post_form(
        &admin,
        &edit_path,
        &edit_path,
        &[
            ("email", "sam@example.com"),
            ("status", "unsubscribed"),
            ("custom.shoe_size", "43"),
            ("custom.colours", "Blue"),
        ],
    );
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/contacts/{id}?ok=contact_saved"));
    let saved = page(&app, &admin, &format!("/contacts/{id}"));
    assert!(saved.contains("<dt>Colours</dt><dd>Blue</dd>") && saved.contains("Unsubscribed"), "{saved}");
    assert!(saved.contains("Changed Status, Colours, Shoe size"), "the timeline names the fields: {saved}");

    // Editing keeps the key and type and changes the label.
    let r = app.post_form(
        &admin,
        "/settings/fields/shoe_size",
        "/settings/fields/shoe_size",
        &[("label", "Shoe size (EU)")],
    );
    assert_eq!(r.status(), 303);
    assert!(page(&app, &admin, &format!("/contacts/{id}")).contains("<dt>Shoe size (EU)</dt><dd>43</dd>"));
}

#[test]
fn an_analyst_sees_contacts_masked_and_an_unmask_with_a_reason_is_audited() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let id =
        add_contact(&app, &admin, &[("email", "jane@example.com"), ("first_name", "Jane"), ("phone", "+49 30 901820")]);
    let analyst = app.signed_in_user(&admin, "ana@example.com", "analyst");

    let list = list_until(&app, &analyst, "/contacts", |b| b.contains("example.com"));
    assert!(list.contains("j•••@example.com"), "{list}");
    assert!(!list.contains("jane@example.com") && !list.contains(">Jane<"));
    assert!(!list.contains("name=\"q\""), "no search by name or address for a masked viewer");
    // Prefix search would spell the address out letter by letter: it is ignored.
    let probe = page(&app, &analyst, "/contacts?q=zzz&partial=1");
    assert!(probe.contains("j•••@example.com"));

    let detail = page(&app, &analyst, &format!("/contacts/{id}"));
    assert_eq!(text_of_id(&detail, "contact-email").as_deref(), Some("j•••@example.com"));
    assert!(!detail.contains("jane@example.com") && !detail.contains("+4930901820"));
    assert!(detail.contains(&format!("action=\"/contacts/{id}/unmask\"")));

    let detail_path = format!("/contacts/{id}");
    let unmask_path = format!("/contacts/{id}/unmask");
    let r = app.post_form(&analyst, &detail_path, &unmask_path, &[("reason", "  ")]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("id=\"reason-error\""));
    let r = app.post_form(&analyst, &detail_path, &unmask_path, &[("reason", "ticket 4711")]);
    assert_eq!(r.status(), 200);
    let shown = r.text().unwrap();
    assert_eq!(text_of_id(&shown, "contact-email").as_deref(), Some("jane@example.com"));
    assert_eq!(text_of_id(&shown, "contact-phone").as_deref(), Some("+4930901820"));

    let entries = app
        .state
        .audit
        .query(&tidings::audit::Filter { action: Some("contact.unmasked".into()), ..Default::default() }, 10)
        .unwrap();
    assert_eq!(entries.len(), 1);
    // Stored under the contact's pseudonym, shown with the id while the contact exists.
    assert!(entries[0].target.as_deref().unwrap().starts_with("subject:"), "{:?}", entries[0].target);
    let shown = app.state.audit.views(&entries).unwrap();
    assert_eq!(shown[0].target.as_deref(), Some(format!("contact:{id}").as_str()));
    // The reason is sealed with the contact's key in the log, and shown as written.
    assert!(entries[0].details.iter().any(|(k, v)| k == "reason" && v.starts_with("sealed:")));
    assert!(shown[0].details.iter().any(|(k, v)| k == "reason" && v == "ticket 4711"));
    // Once: the next view is masked again, and the timeline names the unmasking.
    let again = page(&app, &analyst, &detail_path);
    assert_eq!(text_of_id(&again, "contact-email").as_deref(), Some("j•••@example.com"));
    assert!(again.contains("Personal data revealed to a masked viewer"));
    // Analysts may not change contacts, nor order them by what they cannot see.
    assert_eq!(app.get(&analyst, &format!("/contacts/{id}/edit")).status(), 403);
    let by_email = page(&app, &analyst, "/contacts?sort=email");
    assert!(!by_email.contains("sort=email") && by_email.contains("aria-sort=\"descending\""), "{by_email}");
}

#[test]
fn delete_removes_the_contact_and_keeps_the_address_suppressed() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let id = add_contact(&app, &admin, &[("email", "gone@example.com")]);
    assert!(list_until(&app, &admin, "/contacts", |b| b.contains("gone@example.com")).contains("gone@example.com"));
    let detail = page(&app, &admin, &format!("/contacts/{id}"));
    assert!(detail.contains("name=\"suppress\" value=\"1\" checked"), "suppression is the default");
    assert!(detail.contains("data-confirm="));

    let r = app.post_form(&admin, &format!("/contacts/{id}"), &format!("/contacts/{id}/delete"), &[("suppress", "1")]);
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/contacts?ok=contact_deleted_suppressed");
    let list = page(&app, &admin, "/contacts?ok=contact_deleted_suppressed");
    assert!(!list.contains("gone@example.com"), "{list}");
    assert!(list.contains("cannot be imported again"));
    assert_eq!(app.get(&admin, &format!("/contacts/{id}")).status(), 404);

    let r = app.post_form(&admin, "/contacts/new", "/contacts", &[("email", "gone@example.com")]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("suppression list"));
}

#[test]
fn merge_picks_values_and_the_survivor_holds_both_ledgers() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let a = add_contact(&app, &admin, &[("email", "ann@example.com"), ("first_name", "Ann"), ("tags", "shop")]);
    let b = add_contact(
        &app,
        &admin,
        &[("email", "ann.other@example.org"), ("first_name", "Anne"), ("last_name", "Other"), ("tags", "fair")],
    );
    // The other granted the newsletter first; the survivor withdrew it later.
    for (id, purpose, state) in
        [(&b, "newsletter", "granted"), (&a, "newsletter", "withdrawn"), (&b, "engagement", "granted")]
    {
        let r = app.post_form(
            &admin,
            &format!("/contacts/{id}"),
            &format!("/contacts/{id}/consent"),
            &[("purpose", purpose), ("state", state), ("note", "at the fair")],
        );
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), format!("/contacts/{id}?ok=consent_recorded"));
    }

    let search = list_until(&app, &admin, &format!("/contacts/{a}/merge?q=ann.other"), |p| p.contains("ann.other@"));
    assert!(search.contains(&format!("/contacts/{a}/merge?other={b}")), "{search}");
    let choose = page(&app, &admin, &format!("/contacts/{a}/merge?other={b}"));
    assert!(choose.contains("name=\"first_name\" value=\"survivor\" checked"), "{choose}");
    assert!(choose.contains("name=\"last_name\" value=\"other\" checked"), "an empty value gives way");

    let r = app.post_form(
        &admin,
        &format!("/contacts/{a}/merge?other={b}"),
        &format!("/contacts/{a}/merge"),
        &[("other", b.as_str()), ("email", "other"), ("first_name", "survivor"), ("last_name", "other")],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    assert_eq!(location(&r), format!("/contacts/{a}?ok=contacts_merged"));

    let merged = page(&app, &admin, &format!("/contacts/{a}"));
    assert_eq!(text_of_id(&merged, "contact-email").as_deref(), Some("ann.other@example.org"));
    assert!(merged.contains("<h1>Ann Other</h1>"), "{merged}");
    assert!(merged.contains(">shop</a>") && merged.contains(">fair</a>"), "tags are combined");
    let ledger = &merged[merged.find("id=\"ledger\"").unwrap()..merged.find("id=\"timeline\"").unwrap()];
    assert!(ledger.contains("Newsletter email") && ledger.contains("Email engagement measurement"), "{ledger}");
    assert!(ledger.contains(&format!("merged from contact {b}")));
    // The older grant copied in does not outrank the survivor's later withdrawal.
    let consent = &merged[merged.find("id=\"consent\"").unwrap()..merged.find("id=\"ledger\"").unwrap()];
    let newsletter = &consent[consent.find("<td>Newsletter email</td>").unwrap()..];
    assert!(newsletter[..newsletter.find("</tr>").unwrap()].contains("withdrawn"), "{consent}");
    let withdrawn = list_until(&app, &admin, "/contacts?consent=newsletter:withdrawn", |p| p.contains("ann.other@"));
    assert!(withdrawn.contains("ann.other@example.org"), "{withdrawn}");
    // The merged contact's old address leads to the survivor.
    let r = app.get(&admin, &format!("/contacts/{b}"));
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/contacts/{a}"));
    let list = list_until(&app, &admin, "/contacts", |p| !p.contains("ann@example.com"));
    assert!(list.contains("1 contact") && !list.contains("ann@example.com"), "{list}");
}

#[test]
fn a_changed_wording_becomes_version_two_and_version_one_stays_readable() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let purposes = page(&app, &admin, "/purposes");
    assert!(purposes.contains("href=\"/purposes/newsletter\""));
    // The shipped text and its translations are the versions so far; a change is the next.
    let next = app.state.purposes.wordings("newsletter").unwrap().len() + 1;
    let before = page(&app, &admin, "/purposes/newsletter");
    assert!(before.contains("id=\"wording-v1\"") && !before.contains(&format!("id=\"wording-v{next}\"")));

    let form = [
        ("name", "Newsletter email"),
        ("description", "Our newsletter."),
        ("basis", "consent"),
        ("categories", "contact details"),
        ("retention_days", "730"),
        ("recipients", "our SMTP relay (processor)"),
        ("wording", "Yes, send me the weekly newsletter. I can unsubscribe at any time."),
    ];
    let r = app.post_form(&admin, "/purposes/newsletter", "/purposes/newsletter", &form);
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/purposes/newsletter?ok=purpose_saved");
    // Saving the same text again makes no third version.
    assert_eq!(app.post_form(&admin, "/purposes/newsletter", "/purposes/newsletter", &form).status(), 303);
    let after = page(&app, &admin, "/purposes/newsletter");
    assert!(
        after.contains(&format!("id=\"wording-v{next}\"")) && !after.contains(&format!("id=\"wording-v{}\"", next + 1)),
        "{after}"
    );
    let v1 = &after[after.find("id=\"wording-v1\"").unwrap()..];
    assert!(v1.contains("Yes, send me the newsletter with news and offers by email."), "{v1}");

    let bad: Vec<(&str, &str)> =
        form.iter().map(|&(k, v)| if k == "retention_days" { (k, "soon") } else { (k, v) }).collect();
    let r = app.post_form(&admin, "/purposes/newsletter", "/purposes/newsletter", &bad);
    assert_eq!(r.status(), 422);

    // A consent recorded now refers to the new version, in the shop's language.
    let id = add_contact(&app, &admin, &[("email", "v2@example.com")]);
    let r = app.post_form(
        &admin,
        &format!("/contacts/{id}"),
        &format!("/contacts/{id}/consent"),
        &[("purpose", "newsletter"), ("state", "granted")],
    );
    assert_eq!(r.status(), 303);
    let detail = page(&app, &admin, &format!("/contacts/{id}"));
    assert!(
        detail.contains(&format!(
            "<summary>version {next}, English</summary><blockquote lang=\"en\">Yes, send me the weekly newsletter."
        )),
        "{detail}"
    );
}

#[test]
fn lists_count_members_and_deleting_one_says_how_many_leave_it() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(&admin, "/lists", "/lists", &[("name", "VIP customers")]);
    assert_eq!(r.status(), 303);
    assert_eq!(app.post_form(&admin, "/lists", "/lists", &[("name", "vip customers")]).status(), 422);
    let form = page(&app, &admin, "/contacts/new");
    assert!(form.contains("name=\"lists\" value=\"vip-customers\""));
    let id = add_contact(&app, &admin, &[("email", "v@example.com"), ("lists", "vip-customers")]);
    assert!(page(&app, &admin, &format!("/contacts/{id}")).contains(">VIP customers</a>"));
    let lists = list_until(&app, &admin, "/lists", |p| p.contains("1 contact is removed"));
    assert!(lists.contains("1 contact is removed from it"), "{lists}");
    let r = app.post_form(&admin, "/lists", "/lists/vip-customers/delete", &[]);
    assert_eq!(r.status(), 303);
    assert!(!page(&app, &admin, &format!("/contacts/{id}")).contains(">VIP customers</a>"));
}

#[test]
fn pages_follow_a_sealed_cursor_that_names_nobody() {
    use tidings::domain::{ContactInput, EmailAddress, Source};
    let app = spawn_app();
    for i in 0..55 {
        let input = ContactInput {
            email: Some(EmailAddress::parse(&format!("person{i:02}@example.com")).unwrap()),
            ..Default::default()
        };
        tidings::contacts::ops::create(&app.state, tidings::ops::By::cli(), &input, Source::Api).unwrap();
    }
    let admin = app.login_admin(NEW_PASSWORD);
    let analyst = app.signed_in_user(&admin, "ana@example.com", "analyst");
    let first = list_until(&app, &admin, "/contacts?sort=email&dir=asc", |p| p.contains("55 contacts"));
    assert!(first.contains("55 contacts"), "{first}");
    assert!(first.contains("person00@") && first.contains("person49@") && !first.contains("person50@"));
    let next = first.split("rel=\"next\"").next().unwrap().rsplit("href=\"").next().unwrap();
    let next = next.trim_end_matches("\" ").replace("&#x2f;", "/").replace("&amp;", "&");
    assert!(next.contains("cursor=") && !next.contains("person"), "the sort key (an address) stays sealed: {next}");
    let second = page(&app, &admin, &next);
    assert!(second.contains("person50@") && second.contains("person54@") && !second.contains("person49@"));
    assert!(second.contains(">First page</a>") && !second.contains("rel=\"next\""));
    // An edited cursor starts again from the top.
    let forged = page(&app, &admin, "/contacts?sort=email&dir=asc&cursor=person49%40example.com");
    assert!(forged.contains("person00@"));

    // A masked viewer's links carry no address either.
    let masked = page(&app, &analyst, "/contacts?sort=email&dir=asc");
    assert!(masked.contains("p•••@example.com") && !masked.contains("person"), "{masked}");
}
