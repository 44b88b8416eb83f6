//! Everyday work on many contacts: bulk actions from the list and the API (tags, lists, export,
//! delete; ticked ids or everyone matching, resolved on the server), the id bound, role checks,
//! the column choice and the page count; and search finding what was typed in full (exact
//! names first, phone numbers as people type them).

use reqwest::blocking::Client;
use reqwest::Method;
use serde_json::{json, Value};
use tidings::domain::Role;

use crate::helpers::*;

const ALL_SCOPES: &[&str] = &["view_contacts", "edit_contacts", "view_personal_data", "view_audit", "manage_settings"];

struct Api<'a> {
    app: &'a TestApp,
    token: String,
    client: Client,
}

impl<'a> Api<'a> {
    fn new(app: &'a TestApp, token: String) -> Self {
        Self { app, token, client: app.client() }
    }

    fn admin(app: &'a TestApp) -> Self {
        Self::new(app, app.admin_token(ALL_SCOPES))
    }

    fn raw(&self, method: Method, path: &str, body: Option<Value>) -> reqwest::blocking::Response {
        let mut req = self.client.request(method, format!("{}/api/v1{path}", self.app.url)).bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send().unwrap()
    }

    fn call(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let r = self.raw(method, path, body);
        let status = r.status().as_u16();
        let text = r.text().unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    fn get(&self, path: &str) -> (u16, Value) {
        self.call(Method::GET, path, None)
    }

    fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::POST, path, Some(body))
    }

    fn contact(&self, body: Value) -> String {
        let (s, v) = self.post("/contacts", body);
        assert_eq!(s, 201, "{v}");
        v["id"].as_str().unwrap().to_string()
    }

    fn tags(&self, id: &str) -> Vec<String> {
        let (_, v) = self.get(&format!("/contacts/{id}"));
        v["tags"].as_array().map(|a| a.iter().map(|t| t.as_str().unwrap().to_string()).collect()).unwrap_or_default()
    }

    fn lists(&self, id: &str) -> Vec<String> {
        let (_, v) = self.get(&format!("/contacts/{id}"));
        v["lists"].as_array().map(|a| a.iter().map(|t| t.as_str().unwrap().to_string()).collect()).unwrap_or_default()
    }

    /// A bulk action that must finish: its job as JSON.
    fn bulk(&self, body: Value) -> Value {
        let (s, v) = self.post("/contacts/bulk-actions", body.clone());
        assert_eq!(s, 200, "{body}: {v}");
        assert_eq!(v["status"], "done", "{v}");
        v
    }
}

fn settle(app: &TestApp) {
    let seq = app.state.contacts.last_logged().unwrap();
    assert!(app.state.search.wait_for(seq), "the index caught up");
}

fn analyst_token(app: &TestApp, scopes: &[&str]) -> String {
    let user = app.state.users.create("ana", "Ana", Role::Analyst, "not a usable hash".into(), false).unwrap();
    let scopes = scopes.iter().map(|s| s.parse().unwrap()).collect();
    app.state.tokens.create(user.id, "analyst", scopes, None).unwrap().1
}

/// `n` contacts `{prefix}{i}@shop.example` in one bulk upsert; their ids in order.
fn seed(api: &Api, prefix: &str, n: usize, extra: Value) -> Vec<String> {
    let contacts: Vec<Value> = (0..n)
        .map(|i| {
            let mut c = json!({ "email": format!("{prefix}{i}@shop.example") });
            for (k, v) in extra.as_object().unwrap() {
                c[k] = v.clone();
            }
            c
        })
        .collect();
    let (s, v) = api.post("/contacts/bulk", json!({ "contacts": contacts }));
    assert_eq!(s, 200, "{v}");
    v["results"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

fn audit_of(api: &Api, action: &str) -> Vec<Value> {
    let (s, v) = api.get(&format!("/audit?action={action}"));
    assert_eq!(s, 200, "{v}");
    v["entries"].as_array().unwrap().clone()
}

fn detail<'v>(entry: &'v Value, key: &str) -> Option<&'v str> {
    entry["details"]
        .get(key)
        .and_then(Value::as_str)
        .or_else(|| entry["details"].as_array()?.iter().find(|d| d[0] == key).and_then(|d| d[1].as_str()))
}

#[test]
fn the_api_tags_lists_exports_and_deletes_ticked_contacts_or_everyone_matching() {
    let app = spawn_app();
    let api = Api::admin(&app);
    assert_eq!(api.post("/lists", json!({"name": "Winter sale"})).0, 201);
    let ids = seed(&api, "buyer", 4, json!({}));
    settle(&app);

    // Ticked ids: a tag on two, one audit entry for the action.
    let job = api.bulk(json!({"action": "add_tag", "ids": [ids[0], ids[1]], "tag": "VIP"}));
    assert_eq!((job["total"].as_u64(), job["changed"].as_u64()), (Some(2), Some(2)), "{job}");
    assert_eq!(api.tags(&ids[0]), ["vip"]);
    assert_eq!(api.tags(&ids[1]), ["vip"]);
    assert!(api.tags(&ids[2]).is_empty());
    let entries = audit_of(&api, "contacts.bulk_action");
    assert_eq!(entries.len(), 1, "{entries:?}");
    let e = entries[0].to_string();
    assert!(e.contains("add_tag") && e.contains("\"2\"") && e.contains("2 selected contacts"), "{e}");
    assert!(audit_of(&api, "contact.updated").is_empty(), "one entry for the action, not one per contact");

    api.bulk(json!({"action": "remove_tag", "ids": [ids[0]], "tag": "vip"}));
    assert!(api.tags(&ids[0]).is_empty());

    // Everyone matching, resolved when the action arrives: a contact tagged after the browser
    // could have seen the list is included, and no id is sent.
    let late = api.contact(json!({"email": "late@shop.example", "tags": ["vip"]}));
    settle(&app);
    let job = api.bulk(json!({"action": "add_to_list", "query": {"tag": "vip"}, "list": "winter-sale"}));
    assert_eq!(job["total"], 2, "{job}");
    assert_eq!(job["scope"], "all matching: tag vip");
    assert_eq!(api.lists(&ids[1]), ["winter-sale"]);
    assert_eq!(api.lists(&late), ["winter-sale"]);
    assert!(api.lists(&ids[0]).is_empty());
    api.bulk(json!({"action": "remove_from_list", "ids": [late], "list": "winter-sale"}));
    assert!(api.lists(&late).is_empty());

    // Export of the ticked ones: CSV through the export's rules, audited as an export.
    let r = api.raw(Method::POST, "/contacts/bulk-actions", Some(json!({"action": "export", "ids": [ids[1], late]})));
    assert_eq!(r.status(), 200);
    let csv = r.text().unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains("buyer1@shop.example") && csv.contains("late@shop.example") && !csv.contains("buyer0"));
    let exported = audit_of(&api, "contacts.exported");
    assert_eq!(detail(&exported[0], "count"), Some("2"), "{exported:?}");

    // Delete everyone a search matches, through the single delete (one entry per person, as a
    // single delete writes), and the index drops them.
    let job = api.bulk(json!({"action": "delete", "query": {"q": "buyer"}, "suppress": false}));
    assert_eq!(job["total"], 4, "{job}");
    for id in &ids {
        assert_eq!(api.get(&format!("/contacts/{id}")).0, 404);
    }
    assert_eq!(audit_of(&api, "contact.deleted").len(), 4);
    let (_, v) = api.get("/contacts");
    assert_eq!(v["total"], 1, "{v}");
    let deleted = audit_of(&api, "contacts.bulk_action");
    assert!(deleted[0].to_string().contains("search words"), "{:?}", deleted[0]);
    assert!(!deleted[0].to_string().contains("buyer"), "the search words are not in the log: {:?}", deleted[0]);
    let (s, v) = api.get(&format!("/contacts/bulk-actions/{}", job["id"].as_str().unwrap()));
    assert_eq!((s, v["status"].as_str(), v["done"].as_u64()), (200, Some("done"), Some(4)));
}

#[test]
fn the_api_names_the_field_at_fault_bounds_the_ids_and_checks_the_role() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let id = api.contact(json!({"email": "jane@shop.example"}));
    let cases = [
        (json!({"ids": [id], "tag": "x"}), "action"),
        (json!({"action": "paint", "ids": [id]}), "action"),
        (json!({"action": "add_tag", "ids": [id]}), "tag"),
        (json!({"action": "add_tag", "ids": [id], "tag": "a\nb"}), "tag"),
        (json!({"action": "add_to_list", "ids": [id], "list": "nope"}), "list"),
        (json!({"action": "delete"}), "ids"),
        (json!({"action": "delete", "ids": [id], "query": {}}), "ids"),
        (json!({"action": "delete", "ids": []}), "ids"),
        (json!({"action": "delete", "ids": [id, "not-an-id"]}), "ids.1"),
        (json!({"action": "delete", "query": {"cursor": "x"}}), "query.cursor"),
        (json!({"action": "delete", "query": {"status": "happy"}}), "query.status"),
        (json!({"action": "delete", "ids": [id], "colour": "red"}), "colour"),
    ];
    for (body, field) in cases {
        let (s, v) = api.post("/contacts/bulk-actions", body.clone());
        assert_eq!((s, v["field"].as_str()), (422, Some(field)), "{body}: {v}");
    }
    assert_eq!(api.tags(&id), Vec::<String>::new(), "nothing written");

    // At most 10,000 ids; a body far past that is refused as it streams in.
    let many: Vec<String> = (0..10_001).map(|_| id.clone()).collect();
    let (s, v) = api.post("/contacts/bulk-actions", json!({"action": "delete", "ids": many}));
    assert_eq!((s, v["field"].as_str()), (422, Some("ids")), "{v}");
    let huge: Vec<String> = (0..20_000).map(|_| id.clone()).collect();
    let (s, _) = api.post("/contacts/bulk-actions", json!({"action": "delete", "ids": huge}));
    assert_eq!(s, 413);
    assert_eq!(api.get(&format!("/contacts/{id}")).0, 200, "still there");

    // Roles as for one contact: an analyst may not tag, delete or export.
    let ana = Api::new(&app, analyst_token(&app, &["view_contacts", "edit_contacts", "view_personal_data"]));
    for action in ["add_tag", "delete", "export"] {
        let (s, _) = ana.post("/contacts/bulk-actions", json!({"action": action, "ids": [id], "tag": "x"}));
        assert_eq!(s, 403, "{action}");
    }
    // A token without the scope neither.
    let narrow = Api::new(&app, app.admin_token(&["view_contacts"]));
    assert_eq!(narrow.post("/contacts/bulk-actions", json!({"action": "add_tag", "ids": [id], "tag": "x"})).0, 403);
    assert_eq!(api.get(&format!("/contacts/{id}")).0, 200);
    assert!(api.tags(&id).is_empty());
}

/// Posts the bulk form of `/contacts?{query}` with the given fields.
fn bulk_form(app: &TestApp, c: &Client, query: &str, fields: &[(&str, &str)]) -> reqwest::blocking::Response {
    app.post_form(c, &format!("/contacts?{query}"), "/contacts/bulk", fields)
}

fn body_of(app: &TestApp, c: &Client, path: &str) -> String {
    let r = app.get(c, path);
    assert_eq!(r.status(), 200, "{path}");
    r.text().unwrap()
}

#[test]
fn the_list_page_ticks_rows_tags_them_asks_before_deleting_and_acts_on_all_matching() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let api = Api::admin(&app);
    let ids = seed(&api, "row", 3, json!({}));
    let others = seed(&api, "other", 2, json!({"tags": ["old"]}));
    settle(&app);

    let list = body_of(&app, &admin, "/contacts");
    assert!(list.contains("id=\"bulk-bar\"") && list.contains("name=\"id\" value=\""), "{list}");
    assert!(list.contains("id=\"select-page\""), "select all on this page");

    // Two ticked rows get a tag; the page shows the job's outcome.
    let r =
        bulk_form(&app, &admin, "", &[("id", &ids[0]), ("id", &ids[1]), ("action", "add_tag"), ("apply_tag", "vip")]);
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let job_page = location(&r);
    assert!(job_page.starts_with("/contacts/bulk/"), "{job_page}");
    let done = body_of(&app, &admin, &job_page);
    assert!(done.contains("Done: 2 of 2 contacts gone through, 2 changed."), "{done}");
    assert_eq!(api.tags(&ids[0]), ["vip"]);
    assert!(api.tags(&ids[2]).is_empty());

    // A bad tag re-renders with what was typed, 422, nothing written.
    let r = bulk_form(&app, &admin, "", &[("id", &ids[2]), ("action", "add_tag"), ("apply_tag", "  ")]);
    assert_eq!(r.status(), 422);
    let body = r.text().unwrap();
    assert!(body.contains("Tag: name the tag"), "{body}");
    assert!(body.contains(&format!("name=\"id\" value=\"{}\"", ids[2])), "the selection is kept");
    let r = bulk_form(&app, &admin, "", &[("action", "add_tag"), ("apply_tag", "x")]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("Tick at least one contact"));

    // Delete asks first, naming the count; "all matching" is the list's filter, resolved on
    // the server (no ids posted).
    let r = bulk_form(&app, &admin, "tag=old", &[("all", "1"), ("tag", "old"), ("action", "delete")]);
    assert_eq!(r.status(), 200);
    let confirm = r.text().unwrap();
    assert!(confirm.contains("Delete 2 contacts?"), "{confirm}");
    assert_eq!(api.get(&format!("/contacts/{}", others[0])).0, 200, "nothing deleted before the confirmation");
    let r =
        bulk_form(&app, &admin, "tag=old", &[("all", "1"), ("tag", "old"), ("action", "delete"), ("confirm", "yes")]);
    assert_eq!(r.status(), 303);
    let done = body_of(&app, &admin, &location(&r));
    assert!(done.contains("Done: 2 of 2"), "{done}");
    for id in &others {
        assert_eq!(api.get(&format!("/contacts/{id}")).0, 404);
    }
    assert_eq!(api.get(&format!("/contacts/{}", ids[0])).0, 200, "outside the filter: kept");

    // Export of ticked rows: a CSV download.
    let r = bulk_form(&app, &admin, "", &[("id", &ids[1]), ("action", "export")]);
    assert_eq!(r.status(), 200);
    let csv = r.text().unwrap();
    assert!(csv.starts_with("id,email") && csv.contains("row1@shop.example") && csv.lines().count() == 2, "{csv}");

    // A role that may only look is refused every action.
    let analyst = app.signed_in_user(&admin, "ana", "analyst");
    for action in ["add_tag", "delete", "export"] {
        let r = bulk_form(&app, &analyst, "", &[("id", &ids[0]), ("action", action), ("apply_tag", "x")]);
        assert_eq!(r.status(), 403, "{action}");
    }
    assert_eq!(api.get(&format!("/contacts/{}", ids[0])).0, 200);
}

#[test]
fn the_list_counts_pages_goes_first_prev_next_last_and_shows_the_chosen_columns() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let api = Api::admin(&app);
    let (s, v) = api.post("/fields", json!({"key": "size", "label": "Shoe size", "kind": "text"}));
    assert_eq!(s, 201, "{v}");
    seed(&api, "p", 120, json!({"phone": "+49 30 1234567", "custom": {"size": "42"}}));
    settle(&app);

    let first = body_of(&app, &admin, "/contacts");
    assert!(first.contains("Page 1 of 3 · 120 contacts"), "{first}");
    assert!(first.contains("Select all 120 matching this search"), "the page is full: all matching is offered");
    let link = |page: &str, label: &str| -> String {
        let at = page.find(&format!(">{label}</a>")).unwrap_or_else(|| panic!("no {label} link"));
        let start = page[..at].rfind("href=\"").unwrap() + 6;
        let end = start + page[start..].find('"').unwrap();
        page[start..end].replace("&amp;", "&").replace("&#x2f;", "/")
    };
    assert!(!first.contains(">Previous page</a>") && !first.contains(">First page</a>"));
    let second = body_of(&app, &admin, &link(&first, "Next page"));
    assert!(second.contains("Page 2 of 3 · 120 contacts"), "{second}");
    let last = body_of(&app, &admin, &link(&second, "Last page"));
    assert!(last.contains("Page 3 of 3 · 120 contacts"), "{last}");
    assert_eq!(last.matches("name=\"id\" value=").count(), 20, "the last page holds what is left");
    assert!(!last.contains(">Next page</a>") && !last.contains(">Last page</a>"));
    // Newest first: the last page ends with the oldest contact.
    assert!(last.rfind("p0@shop.example").unwrap() > last.find("p19@shop.example").unwrap());
    let back = body_of(&app, &admin, &link(&last, "Previous page"));
    assert!(back.contains("Page 2 of 3"), "{back}");
    let rows = |page: &str| -> Vec<String> {
        page.match_indices("name=\"id\" value=\"")
            .map(|(i, m)| page[i + m.len()..i + m.len() + 36].to_string())
            .collect()
    };
    assert_eq!(rows(&back), rows(&second), "the previous page of the last is the second");
    let top = body_of(&app, &admin, &link(&back, "Previous page"));
    assert_eq!(rows(&top), rows(&first));
    assert!(top.contains("Page 1 of 3"));

    // Columns: built-in and custom, as chosen; the choice rides along in the links.
    let chosen = body_of(&app, &admin, "/contacts?col=phone&col=custom.size");
    assert!(chosen.contains(">Phone</th>") && chosen.contains(">Shoe size</th>"), "{chosen}");
    assert!(chosen.contains("<td>+49301234567</td>") && chosen.contains("<td>42</td>"));
    assert!(!chosen.contains(">Added") && !chosen.contains(">Status</th>"), "only what was chosen");
    assert!(link(&chosen, "Next page").contains("col=phone&col=custom.size"));
    let plain = body_of(&app, &admin, "/contacts");
    assert!(!plain.contains(">Phone</th>") && plain.contains(">Status</th>"), "the usual columns by default");
    // Masking follows the viewer's role.
    let analyst = app.signed_in_user(&admin, "ana", "analyst");
    let masked = body_of(&app, &analyst, "/contacts?col=phone&col=custom.size");
    assert!(!masked.contains("+49301234567") && !masked.contains("<td>42</td>"), "masked for an analyst");
}

#[test]
fn search_puts_an_exact_name_first() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let exact = api.contact(json!({"email": "al@shop.example", "first_name": "Ann", "last_name": "Lee"}));
    // Newer, so first in the default order, and matched by the prefixes "ann" and "lee".
    for (i, (first, last)) in [("Anna", "Leeds"), ("Annette", "Leeman"), ("Ann", "Leeson")].iter().enumerate() {
        api.contact(json!({"email": format!("n{i}@shop.example"), "first_name": first, "last_name": last}));
    }
    let (_, v) = api.get("/contacts?q=ann%20lee");
    assert_eq!(v["total"], 4, "{v}");
    assert_eq!(v["contacts"][0]["id"], exact.as_str(), "the whole name typed comes first: {v}");
    let (_, v) = api.get("/contacts?q=Lee");
    assert_eq!(v["contacts"][0]["id"], exact.as_str(), "a last name typed in full comes first: {v}");
    let (_, v) = api.get("/contacts?q=ann%20lee&sort=email&order=desc");
    assert_eq!(v["contacts"][0]["id"], exact.as_str(), "whatever the order: {v}");
    assert_eq!(v["contacts"].as_array().unwrap().len(), 4, "listed once");
}

#[test]
fn search_finds_a_phone_number_typed_the_international_or_the_national_way() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let phone = api.contact(json!({"email": "call@shop.example", "phone": "+49301234567"}));
    api.contact(json!({"email": "other@shop.example", "phone": "+49 40 7654321"}));
    for typed in ["+49 30 1234567", "030 1234567", "0301234567", "030/123 45 67", "030 123"] {
        let (_, v) = api.get(&format!("/contacts?q={}", tidings::http::urlencode(typed)));
        let found: Vec<&str> = v["contacts"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert_eq!(found, [phone.as_str()], "{typed}: {v}");
    }
}
