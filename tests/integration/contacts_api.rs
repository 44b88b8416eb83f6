//! The contacts REST API: validation on every write path, the consent ledger, search and paging,
//! masking for analysts, merge, bulk upsert, streamed export, and the schema endpoints.

use reqwest::blocking::Client;
use reqwest::Method;
use serde_json::{json, Value};
use tidings::domain::Role;

use crate::helpers::*;

const ALL_SCOPES: &[&str] = &[
    "view_contacts",
    "edit_contacts",
    "view_personal_data",
    "unmask_personal_data",
    "manage_settings",
    "manage_gdpr",
    "view_audit",
];

/// One bearer token, one connection.
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

    fn call(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self.client.request(method, format!("{}/api/v1{path}", self.app.url)).bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().unwrap();
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
    fn patch(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::PATCH, path, Some(body))
    }
    fn delete(&self, path: &str) -> u16 {
        self.call(Method::DELETE, path, None).0
    }

    /// Creates a contact; returns its id.
    fn contact(&self, body: Value) -> String {
        let (s, v) = self.post("/contacts", body);
        assert_eq!(s, 201, "{v}");
        v["id"].as_str().unwrap().to_string()
    }

    /// The ids a listing returns, in order.
    fn ids(&self, query: &str) -> (Vec<String>, Value) {
        let (s, v) = self.get(&format!("/contacts?{query}"));
        assert_eq!(s, 200, "{query}: {v}");
        let ids = v["contacts"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect();
        (ids, v)
    }

    fn export(&self, query: &str) -> reqwest::blocking::Response {
        self.client
            .get(format!("{}/api/v1/contacts/export?{query}", self.app.url))
            .bearer_auth(&self.token)
            .send()
            .unwrap()
    }
}

/// Writes return once committed to sled; the index follows within milliseconds. Tests that
/// search right after a write wait for it here (the delete waits by itself).
fn settle(app: &TestApp) {
    let seq = app.state.contacts.last_logged().unwrap();
    assert!(app.state.search.wait_for(seq), "the index caught up");
}

/// A token of a user with the analyst role (no sign-in needed, so no password hashing).
fn analyst_token(app: &TestApp, scopes: &[&str]) -> String {
    let user = app.state.users.create("ana", "Ana", Role::Analyst, "not a usable hash".into(), false).unwrap();
    let scopes = scopes.iter().map(|s| s.parse().unwrap()).collect();
    app.state.tokens.create(user.id, "analyst", scopes, None).unwrap().1
}

fn urlencode(s: &str) -> String {
    tidings::http::urlencode(s)
}

#[test]
fn every_write_path_validates_and_names_the_field() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let (s, v) = api.post("/fields", json!({"key": "shoe_size", "label": "Shoe size", "kind": "number"}));
    assert_eq!(s, 201, "{v}");
    let (s, _) =
        api.post("/fields", json!({"key": "tier", "label": "Tier", "kind": "choice", "options": ["Gold", "Silver"]}));
    assert_eq!(s, 201);

    // The same mistakes, as they arrive through create, patch and bulk.
    let mistakes = [
        (json!({"email": "not-an-email"}), "email"),
        (json!({"phone": "call me"}), "phone"),
        (json!({"custom": {"hat_size": 3}}), "custom.hat_size"),
        (json!({"custom": {"shoe_size": "big"}}), "custom.shoe_size"),
        (json!({"custom": {"shoe_size": true}}), "custom.shoe_size"),
        (json!({"custom": {"tier": "Bronze"}}), "custom.tier"),
        (json!({"nickname": "x"}), "nickname"),
    ];
    let with_email = |body: &Value, email: &str| {
        let mut b = body.clone();
        if b.get("email").is_none() {
            b["email"] = json!(email);
        }
        b
    };
    for (body, field) in &mistakes {
        let (s, v) = api.post("/contacts", with_email(body, "a@example.com"));
        assert_eq!((s, v["field"].as_str()), (422, Some(*field)), "create {body}: {v}");
        assert_eq!(v["code"], "invalid_input");
    }
    let (s, v) = api.post("/contacts", json!({"first_name": "No Address"}));
    assert_eq!((s, v["field"].as_str()), (422, Some("email")), "{v}");
    assert_eq!(app.state.contacts.iter().count(), 0, "nothing refused was written");

    let (s, v) = api.post(
        "/contacts",
        json!({"email": "ok@example.com", "phone": "+49 30 901820", "custom": {"shoe_size": 42, "tier": "gold"}}),
    );
    assert_eq!(s, 201, "{v}");
    assert_eq!((v["phone"].as_str(), v["custom"]["tier"].as_str()), (Some("+4930901820"), Some("Gold")));
    let id = v["id"].as_str().unwrap().to_string();
    for (body, field) in &mistakes {
        let (s, v) = api.patch(&format!("/contacts/{id}"), body.clone());
        assert_eq!((s, v["field"].as_str()), (422, Some(*field)), "patch {body}: {v}");
    }
    let (_, v) = api.get(&format!("/contacts/{id}"));
    assert_eq!((v["email"].as_str(), v["custom"]["shoe_size"].as_f64()), (Some("ok@example.com"), Some(42.0)));

    let items: Vec<Value> =
        mistakes.iter().enumerate().map(|(i, (b, _))| with_email(b, &format!("b{i}@x.io"))).collect();
    let mut all = vec![json!({"email": "good@example.com"})];
    all.extend(items);
    let (s, v) = api.post("/contacts/bulk", json!({ "contacts": all }));
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["results"][0]["outcome"], "created");
    for (i, (_, field)) in mistakes.iter().enumerate() {
        let r = &v["results"][i + 1];
        assert_eq!((r["index"].as_u64(), r["error"]["field"].as_str()), (Some(i as u64 + 1), Some(*field)), "{r}");
        assert!(r["error"]["message"].as_str().unwrap().len() > 3);
    }
    assert_eq!(v["counts"], json!({"created": 1, "invalid": mistakes.len()}));
    let (s, v) = api.post("/contacts/bulk", json!({"contacts": [], "policy": "clobber"}));
    assert_eq!((s, v["field"].as_str()), (422, Some("policy")));
    let too_many: Vec<Value> = (0..1001).map(|i| json!({ "email": format!("u{i}@x.io") })).collect();
    let (s, v) = api.post("/contacts/bulk", json!({ "contacts": too_many }));
    assert_eq!((s, v["field"].as_str()), (400, Some("contacts")), "{v}");
    let (s, v) = api.get("/contacts/bulk");
    assert_eq!((s, v["code"].as_str()), (404, Some("not_found")), "one error shape for a wrong method too");
}

#[test]
fn duplicate_addresses_are_refused_and_erasure_suppresses() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let jane = api.contact(json!({"email": "jane@example.com"}));
    let (s, v) = api.post("/contacts", json!({"email": " JANE@Example.com"}));
    assert_eq!((s, v["field"].as_str()), (422, Some("email")), "{v}");
    let other = api.contact(json!({"email": "other@example.com"}));
    let (s, v) = api.patch(&format!("/contacts/{other}"), json!({"email": "jane@example.com"}));
    assert_eq!((s, v["field"].as_str()), (422, Some("email")), "{v}");

    assert_eq!(api.call(Method::DELETE, &format!("/contacts/{jane}?suppress=maybe"), None).0, 400);
    assert_eq!(api.delete(&format!("/contacts/{jane}")), 204);
    let (s, v) = api.post("/contacts", json!({"email": "jane@example.com"}));
    assert_eq!((s, v["code"].as_str()), (409, Some("conflict")), "suppressed by default: {v}");
    let (s, _) = api.patch(&format!("/contacts/{other}"), json!({"email": "jane@example.com"}));
    assert_eq!(s, 409, "nor does it come back by renaming another contact");
    assert_eq!(api.delete(&format!("/contacts/{other}?suppress=false")), 204);
    api.contact(json!({"email": "other@example.com"}));
}

#[test]
fn the_consent_ledger_only_grows_and_the_latest_entry_decides() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let (s, v) = api.post(
        "/contacts",
        json!({"email": "jane@example.com", "consents": [{"purpose": "newsletter", "granted": true, "note": "at the fair"}]}),
    );
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["consents"]["newsletter"]["state"], "granted");
    let id = v["id"].as_str().unwrap().to_string();
    let (_, first) = api.get(&format!("/contacts/{id}/consents"));
    let granted = first["consents"][0].clone();

    let (s, v) = api.post(&format!("/contacts/{id}/consents"), json!({"purpose": "newsletter", "granted": false}));
    assert_eq!(s, 201, "{v}");
    assert_eq!((v["granted"].as_bool(), v["ip"].as_str()), (Some(false), Some("127.0.0.0/24")));
    assert!(v["user_agent"].as_str().unwrap().contains(" on "), "browser family only: {v}");

    let (s, v) = api.get(&format!("/contacts/{id}/consents"));
    assert_eq!(s, 200);
    let ledger = v["consents"].as_array().unwrap();
    assert_eq!(ledger.len(), 2);
    assert_eq!(ledger[0], granted, "earlier entries are never rewritten");
    assert_eq!((ledger[0]["granted"].as_bool(), ledger[1]["granted"].as_bool()), (Some(true), Some(false)));
    assert_eq!(ledger[0]["note"], "at the fair");
    let wording = ledger[0]["wording"]["text"].as_str().unwrap();
    assert!(wording.contains("newsletter"), "the text agreed to: {wording}");
    assert_eq!(v["state"]["newsletter"]["state"], "withdrawn");
    let (_, c) = api.get(&format!("/contacts/{id}?include=ledger,history"));
    assert_eq!(c["consents"]["newsletter"]["state"], "withdrawn");
    assert_eq!(c["ledger"].as_array().unwrap().len(), 2);
    assert!(c["history"].is_array());
    assert_eq!(api.get(&format!("/contacts/{id}?include=everything")).0, 400);

    let (s, v) = api.post(&format!("/contacts/{id}/consents"), json!({"purpose": "telepathy", "granted": true}));
    assert_eq!((s, v["field"].as_str()), (422, Some("purpose")));
    let (s, v) = api.post(
        "/contacts",
        json!({"email": "joe@example.com", "consents": [{"purpose": "telepathy", "granted": true}]}),
    );
    assert_eq!((s, v["field"].as_str()), (422, Some("consents.0.purpose")), "{v}");
    assert_eq!(app.state.contacts.iter().count(), 1, "a refused consent leaves no contact behind");

    settle(&app);
    assert_eq!(api.ids("consent=newsletter:withdrawn").0, vec![id.clone()]);
    assert!(api.ids("consent=newsletter:granted").0.is_empty());
    let (s, v) = api.get("/contacts?consent=telepathy:granted");
    assert_eq!((s, v["field"].as_str()), (400, Some("consent")));
}

#[test]
fn search_by_prefix_filters_and_pages_with_a_cursor() {
    let app = spawn_app();
    let api = Api::admin(&app);
    api.post("/fields", json!({"key": "tier", "label": "Tier", "kind": "choice", "options": ["Gold", "Silver"]}));
    let janina = api.contact(json!({
        "email": "janina@example.com", "first_name": "Janina", "last_name": "Kowalska",
        "tags": ["vip"], "lists": ["customers"], "custom": {"tier": "Gold"}
    }));
    let jan = api.contact(json!({"email": "jan@shop.test", "first_name": "Jan", "status": "unsubscribed"}));
    let peter = api.contact(json!({"email": "peter@example.org", "first_name": "Peter", "tags": ["VIP"]}));
    let anna = api.contact(json!({"email": "anna@elsewhere.net", "first_name": "Anna", "lists": ["Customers"]}));
    let zed = api.contact(json!({"email": "zed@zed.io"}));
    settle(&app);

    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let set = |ids: &[&String]| sorted(ids.iter().map(|s| s.to_string()).collect());
    assert_eq!(sorted(api.ids("q=jan").0), set(&[&janina, &jan]));
    assert_eq!(api.ids("q=Jani").0, vec![janina.clone()]);
    assert_eq!(sorted(api.ids("q=exam").0), set(&[&janina, &peter]), "by the address's domain");
    assert_eq!(api.ids("q=kowal").0, vec![janina.clone()]);
    assert_eq!(api.ids("status=unsubscribed").0, vec![jan.clone()]);
    assert_eq!(sorted(api.ids("tag=vip").0), set(&[&janina, &peter]));
    assert_eq!(api.ids("tag=vip&q=jan").0, vec![janina.clone()]);
    assert!(api.ids("tag=vip&tag=nobody").0.is_empty(), "tags are all required");
    assert!(api.ids("tag=vip,nobody").0.is_empty());
    assert_eq!(sorted(api.ids("list=customers").0), set(&[&janina, &anna]));
    assert_eq!(api.ids("custom=tier:gold").0, vec![janina.clone()]);
    assert_eq!(api.ids("created_after=2999-01-01").0.len(), 0);
    assert_eq!(api.ids(&format!("created_before={}", urlencode("2999-01-01T00:00:00+02:00"))).0.len(), 5);

    // Cursor paging: no overlap, everything once, `next` null at the end.
    let mut seen = Vec::new();
    let mut query = "limit=2&sort=created&order=asc".to_string();
    let mut pages = 0;
    loop {
        let (ids, v) = api.ids(&query);
        assert_eq!(v["total"], 5);
        pages += 1;
        seen.extend(ids);
        match v["next"].as_str() {
            Some(next) => query = format!("limit=2&sort=created&order=asc&cursor={}", urlencode(next)),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, vec![janina.clone(), jan.clone(), peter.clone(), anna.clone(), zed.clone()]);
    let (newest, _) = api.ids("limit=1");
    assert_eq!(newest, vec![zed.clone()], "newest first by default");
    let (by_email, v) = api.ids("sort=email&limit=2");
    assert_eq!(by_email, vec![anna.clone(), jan.clone()]);
    let cursor = v["next"].as_str().unwrap().to_string();
    assert!(!cursor.contains('@') && !cursor.contains("jan"), "the cursor is opaque: {cursor}");
    assert_eq!(api.ids(&format!("sort=email&limit=2&cursor={cursor}")).0, vec![janina.clone(), peter.clone()]);

    for (query, param) in [
        ("created_after=yesterday", "created_after"),
        ("updated_before=2026-13-01", "updated_before"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("sort=shoe_size", "sort"),
        ("order=up", "order"),
        ("status=asleep", "status"),
        ("custom=shoe:1", "custom"),
        ("cursor=bm9wZQ", "cursor"),
        (&format!("sort=created&cursor={cursor}"), "cursor"),
    ] {
        let (s, v) = api.get(&format!("/contacts?{query}"));
        assert_eq!((s, v["field"].as_str()), (400, Some(param)), "{query}: {v}");
    }
    assert_eq!(api.get("/contacts?colour=red").0, 400, "unknown parameters are refused");
}

/// Contacts created in one bulk request share milliseconds, so their ids (UUIDv7) tie on the
/// first 8 bytes and differ in the last; with no names, they tie on the name; their update
/// times may tie too. Every order is by its key, then by the whole id, and a cursor starts
/// strictly after the last row: paging in both directions sees everyone once, in that order.
#[test]
fn every_order_pages_through_ties_once_each() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let all: Vec<Value> = (0..300).map(|i| json!({"email": format!("same-ms-{}@example.com", 299 - i)})).collect();
    let (s, v) = api.post("/contacts/bulk", json!({ "contacts": all }));
    assert_eq!(s, 200, "{v}");
    settle(&app);
    let contacts: Vec<_> = app.state.contacts.iter().map(|c| c.unwrap()).collect();
    assert_eq!(contacts.len(), 300);
    let halves = |id: &str| id.parse::<uuid::Uuid>().unwrap().as_u64_pair();
    let ids: Vec<String> = contacts.iter().map(|c| c.id.to_string()).collect();
    assert!(ids.windows(2).any(|w| halves(&w[0]).0 == halves(&w[1]).0), "some ids share their first half");
    let by = |key: &dyn Fn(&tidings::domain::Contact) -> String| {
        let mut rows: Vec<(String, String)> = contacts.iter().map(|c| (key(c), c.id.to_string())).collect();
        rows.sort();
        rows.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
    };
    let micros = |c: &tidings::domain::Contact| format!("{:020}", c.updated_at.timestamp_micros());
    for (sort, expected) in [
        ("created", ids.clone()),
        ("email", by(&|c| c.email.as_str().to_string())),
        ("name", by(&|_| String::new())),
        ("updated", by(&micros)),
    ] {
        for order in ["asc", "desc"] {
            let expected: Vec<String> =
                if order == "asc" { expected.clone() } else { expected.iter().rev().cloned().collect() };
            let mut seen = Vec::new();
            let mut cursor = None::<String>;
            loop {
                let mut query = format!("limit=7&sort={sort}&order={order}&q=same");
                if let Some(c) = &cursor {
                    query.push_str(&format!("&cursor={}", urlencode(c)));
                }
                let (page, v) = api.ids(&query);
                assert_eq!(v["total"], 300);
                seen.extend(page);
                match v["next"].as_str() {
                    Some(next) => cursor = Some(next.to_string()),
                    None => break,
                }
            }
            assert_eq!(seen, expected, "every contact once, by {sort} then id ({order})");
        }
    }
}

#[test]
fn a_deleted_contact_is_gone_from_search_at_once() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let id = api.contact(json!({"email": "gone@example.com", "first_name": "Gonzalo"}));
    settle(&app);
    assert_eq!(api.ids("q=gonz").0, vec![id.clone()]);
    assert_eq!(api.delete(&format!("/contacts/{id}")), 204);
    let (ids, v) = api.ids("q=gonz");
    assert!(ids.is_empty() && v["total"] == 0, "{v}");
    assert_eq!(api.get(&format!("/contacts/{id}")).0, 404);
    assert_eq!(api.delete(&format!("/contacts/{id}")), 404);
    assert_eq!(api.get("/contacts/not-an-id").0, 404);
}

#[test]
fn analysts_see_masked_data_cannot_export_and_unmasking_is_audited() {
    let app = spawn_app();
    let admin = Api::admin(&app);
    let id = admin.contact(json!({"email": "jane@example.com", "first_name": "Jane", "last_name": "Doe"}));
    settle(&app);
    // Scopes beyond the role give nothing: the role decides.
    let ana = Api::new(&app, analyst_token(&app, &["view_contacts", "view_personal_data", "unmask_personal_data"]));

    let (s, v) = ana.get("/contacts");
    assert_eq!(s, 200, "{v}");
    let c = &v["contacts"][0];
    assert_eq!((c["email"].as_str(), c["first_name"].as_str()), (Some("j•••@example.com"), Some("J•••")));
    let (_, c) = ana.get(&format!("/contacts/{id}"));
    assert_eq!(c["email"], "j•••@example.com");
    assert!(!c.to_string().contains("jane@"), "{c}");
    let (s, v) = ana.get("/contacts?q=jan");
    assert_eq!((s, v["field"].as_str()), (403, Some("q")), "no guessing through the search");
    assert_eq!(ana.get("/contacts?sort=email").0, 403);
    let r = ana.export("");
    assert_eq!(r.status(), 403);
    assert_eq!(ana.post("/contacts", json!({"email": "x@example.com"})).0, 403);

    let (s, v) = ana.post(&format!("/contacts/{id}/unmask"), json!({"reason": "  "}));
    assert_eq!((s, v["field"].as_str()), (422, Some("reason")));
    let (s, v) = ana.post(&format!("/contacts/{id}/unmask"), json!({"reason": "customer asked by phone"}));
    assert_eq!((s, v["email"].as_str()), (200, Some("jane@example.com")), "{v}");

    let (_, audit) = admin.get("/audit?action=contact.unmasked");
    let entries = audit["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["target"], format!("contact:{id}"));
    assert!(entries[0]["actor"].as_str().unwrap().starts_with("token:"));
    let text = entries[0].to_string();
    assert!(!text.contains("jane") && !text.contains("Doe"), "no personal data in the audit log: {text}");

    // An admin's token without the personal-data scope sees masked data too.
    let narrow = Api::new(&app, app.admin_token(&["view_contacts"]));
    assert_eq!(narrow.get(&format!("/contacts/{id}")).1["email"], "j•••@example.com");
    assert_eq!(narrow.export("").status(), 403);
}

#[test]
fn merge_keeps_both_ledgers_and_the_old_id_leads_to_the_survivor() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let ann = api.contact(json!({
        "email": "ann@example.com", "first_name": "Ann", "tags": ["a"],
        "consents": [{"purpose": "newsletter", "granted": true}]
    }));
    let dup = api.contact(json!({
        "email": "ann.smith@example.com", "first_name": "Annie", "last_name": "Smith", "tags": ["b"],
        "consents": [{"purpose": "engagement", "granted": true}]
    }));
    let (s, v) = api.post("/contacts/merge", json!({"survivor": ann, "other": dup, "picks": {"shoe": "other"}}));
    assert_eq!((s, v["field"].as_str()), (422, Some("picks.shoe")));
    let (s, v) = api.post("/contacts/merge", json!({"survivor": ann, "other": ann}));
    assert_eq!((s, v["field"].as_str()), (422, Some("other")));

    let (s, v) = api.post("/contacts/merge", json!({"survivor": ann, "other": dup, "picks": {"first_name": "other"}}));
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        (v["id"].as_str(), v["email"].as_str(), v["first_name"].as_str(), v["last_name"].as_str()),
        (Some(ann.as_str()), Some("ann@example.com"), Some("Annie"), Some("Smith"))
    );
    assert_eq!(v["tags"], json!(["a", "b"]));
    assert_eq!(v["consents"]["newsletter"]["state"], "granted");
    assert_eq!(v["consents"]["engagement"]["state"], "granted");

    let (s, v) = api.get(&format!("/contacts/{dup}"));
    assert_eq!((s, v["id"].as_str()), (200, Some(ann.as_str())), "the old id resolves to the survivor");
    let (_, v) = api.get(&format!("/contacts/{dup}/consents"));
    let ledger = v["consents"].as_array().unwrap();
    let purposes: Vec<&str> = ledger.iter().map(|e| e["purpose"].as_str().unwrap()).collect();
    assert_eq!(purposes, ["newsletter", "engagement"]);
    assert!(ledger[1]["note"].as_str().unwrap().contains(&dup), "{}", ledger[1]);
    // The merge waits for the index: the other is gone from search, the survivor found by its new name.
    assert_eq!(api.ids("q=annie").0, vec![ann.clone()]);
    assert_eq!(api.ids("q=smith").0, vec![ann.clone()]);
    assert_eq!(api.ids("").1["total"], 1);
}

#[test]
fn export_streams_every_contact_and_neutralises_formulas() {
    let app = spawn_app();
    let api = Api::admin(&app);
    for chunk in 0..2 {
        let items: Vec<Value> = (0..550)
            .map(|i| json!({"email": format!("u{chunk}-{i}@example.com"), "first_name": "Bulk", "tags": ["bulk"]}))
            .collect();
        let (s, v) = api.post("/contacts/bulk", json!({ "contacts": items }));
        assert_eq!((s, v["counts"]["created"].as_u64()), (200, Some(550)), "{}", v["counts"]);
    }
    let evil = api.contact(json!({
        "email": "evil@example.com", "first_name": "=HYPERLINK(\"http://evil.example\",\"x\")",
        "consents": [{"purpose": "newsletter", "granted": true}]
    }));

    let r = api.export("");
    assert_eq!(r.status(), 200);
    assert!(r.content_length().is_none(), "streamed, not buffered");
    let header = |r: &reqwest::blocking::Response, h: &str| r.headers()[h].to_str().unwrap().to_string();
    assert!(header(&r, "content-type").starts_with("text/csv"));
    assert!(header(&r, "content-disposition").starts_with("attachment; filename=\"contacts-"));
    let body = r.text().unwrap();
    let mut csv = csv::Reader::from_reader(body.as_bytes());
    let columns: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| columns.iter().position(|c| c == name).unwrap_or_else(|| panic!("{name} in {columns:?}"));
    let rows: Vec<csv::StringRecord> = csv.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1101);
    let row = rows.iter().find(|r| r[col("id")] == evil).unwrap();
    assert_eq!(&row[col("first_name")], "'=HYPERLINK(\"http://evil.example\",\"x\")");
    assert_eq!(&row[col("email")], "evil@example.com");
    assert_eq!(&row[col("consent.newsletter")], "granted");
    assert!(!body.contains(",=HYPERLINK"), "no cell starts with a formula");

    settle(&app);
    let r = api.export("format=ndjson&tag=bulk");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/x-ndjson");
    let lines: Vec<Value> = r.text().unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1100, "filtered exports page through the search");
    assert!(lines.iter().all(|l| l["tags"] == json!(["bulk"])));

    assert_eq!(api.export("format=xml").status(), 400);
    assert_eq!(api.export("sort=email").status(), 400);
    let (_, audit) = api.get("/audit?action=contacts.exported");
    let details: Vec<String> = audit["entries"].as_array().unwrap().iter().map(|e| e["details"].to_string()).collect();
    assert_eq!(details.len(), 2, "one entry per export: {details:?}");
    assert!(details[1].contains("[\"count\",\"1101\"]") && details[1].contains("[\"filtered\",\"false\"]"));
    assert!(details[0].contains("[\"count\",\"1100\"]") && details[0].contains("[\"format\",\"ndjson\"]"));
    assert!(!details.concat().contains("example.com"));
}

#[test]
fn bulk_upsert_follows_the_merge_policy() {
    let app = spawn_app();
    let api = Api::admin(&app);
    let bulk = |policy: &str, contacts: Value| {
        let (s, v) = api.post("/contacts/bulk", json!({"policy": policy, "contacts": contacts}));
        assert_eq!(s, 200, "{v}");
        v
    };
    let v = bulk("overwrite", json!([{"email": "a@example.com", "first_name": "Ann"}, {"email": "b@example.com"}]));
    assert_eq!(v["counts"], json!({"created": 2}));
    let a = v["results"][0]["id"].as_str().unwrap().to_string();
    let b = v["results"][1]["id"].as_str().unwrap().to_string();
    let name = |id: &str| {
        let (_, v) = api.get(&format!("/contacts/{id}"));
        (v["first_name"].as_str().unwrap().to_string(), v["last_name"].as_str().unwrap().to_string())
    };

    let v = bulk("overwrite", json!([{"email": "A@example.com", "first_name": "Anna"}]));
    assert_eq!(
        (v["results"][0]["outcome"].as_str(), v["results"][0]["id"].as_str()),
        (Some("updated"), Some(a.as_str()))
    );
    assert_eq!(name(&a), ("Anna".into(), "".into()));

    let v = bulk("fill_blanks", json!([{"email": "a@example.com", "first_name": "X", "last_name": "Smith"}]));
    assert_eq!(v["results"][0]["outcome"], "updated");
    assert_eq!(name(&a), ("Anna".into(), "Smith".into()), "only blanks are filled");
    let v = bulk("fill_blanks", json!([{"email": "a@example.com", "first_name": "X"}]));
    assert_eq!(v["results"][0]["outcome"], "unchanged");

    let v = bulk("skip_existing", json!([{"email": "a@example.com", "first_name": "Y"}, {"email": "c@example.com"}]));
    assert_eq!(v["counts"], json!({"created": 1, "skipped": 1}));
    assert_eq!(name(&a).0, "Anna");

    assert_eq!(api.delete(&format!("/contacts/{b}")), 204);
    let v = bulk("overwrite", json!([{"email": "b@example.com"}]));
    assert_eq!((v["results"][0]["outcome"].as_str(), &v["results"][0]["id"]), (Some("suppressed"), &Value::Null));
}

#[test]
fn fields_purposes_and_lists_through_the_api() {
    let app = spawn_app();
    let api = Api::admin(&app);

    let (s, v) = api.post("/fields", json!({"key": "shoe_size", "label": "Shoe size", "kind": "number"}));
    assert_eq!((s, v["kind"].as_str()), (201, Some("number")), "{v}");
    for (body, field) in [
        (json!({"key": "shoe_size", "label": "Again", "kind": "number"}), "key"),
        (json!({"key": "email", "label": "Email", "kind": "text"}), "key"),
        (json!({"key": "colour", "label": "Colour", "kind": "paint"}), "kind"),
        (json!({"key": "tier", "label": "Tier", "kind": "choice"}), "options"),
    ] {
        let (s, v) = api.post("/fields", body.clone());
        assert_eq!((s, v["field"].as_str()), (422, Some(field)), "{body}: {v}");
    }
    let (s, v) = api.patch("/fields/shoe_size", json!({"label": "Shoe size (EU)"}));
    assert_eq!((s, v["label"].as_str()), (200, Some("Shoe size (EU)")));
    assert_eq!(api.patch("/fields/nope", json!({"label": "x"})).0, 404);
    let (_, v) = api.get("/fields");
    assert_eq!(v["fields"][0]["key"], "shoe_size");
    let id = api.contact(json!({"email": "jane@example.com", "custom": {"shoe_size": 39}, "lists": ["later"]}));
    assert_eq!(api.delete("/fields/shoe_size"), 204);
    let (_, v) = api.get(&format!("/contacts/{id}"));
    assert_eq!(v["custom"], json!({}), "values of a deleted field are not shown");

    let (_, v) = api.get("/purposes");
    let newsletter = v["purposes"].as_array().unwrap().iter().find(|p| p["key"] == "newsletter").unwrap();
    assert_eq!(newsletter["wordings"][0]["version"], 1);
    let (s, v) = api.post("/purposes", json!({"key": "sms", "name": "SMS offers", "basis": "consent"}));
    assert_eq!((s, v["field"].as_str()), (422, Some("wording")), "{v}");
    let (s, v) = api.post("/purposes", json!({"key": "sms", "name": "SMS offers", "wording": "Text me offers."}));
    assert_eq!((s, v["current_wording"].as_u64()), (201, Some(1)), "{v}");
    let (s, v) = api.patch("/purposes/sms", json!({"wording": "Text me offers, at most weekly."}));
    assert_eq!((s, v["current_wording"].as_u64()), (200, Some(2)));
    let (_, v) = api.get("/purposes/sms");
    let texts: Vec<&str> = v["wordings"].as_array().unwrap().iter().map(|w| w["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Text me offers.", "Text me offers, at most weekly."]);
    assert_eq!(api.get("/purposes/nope").0, 404);

    let (s, v) = api.post("/lists", json!({"name": "VIP Customers"}));
    assert_eq!((s, v["slug"].as_str()), (201, Some("vip-customers")), "{v}");
    assert_eq!(api.post("/lists", json!({"name": "vip customers"})).1["field"], "name");
    api.patch(&format!("/contacts/{id}"), json!({"add_lists": ["vip-customers"]}));
    settle(&app);
    let (_, v) = api.get("/lists");
    let vip = v["lists"].as_array().unwrap().iter().find(|l| l["slug"] == "vip-customers").unwrap().clone();
    assert_eq!(vip["members"], 1);
    let (s, v) = api.call(Method::DELETE, "/lists/vip-customers", None);
    assert_eq!((s, v["members_removed"].as_u64()), (200, Some(1)));
    let (_, v) = api.get(&format!("/contacts/{id}"));
    assert_eq!(v["lists"], json!(["later"]));
    assert!(api.get("/lists").1["lists"].as_array().unwrap().iter().all(|l| l["slug"] != "vip-customers"));

    // Changing the schema needs its own scope.
    let editor = Api::new(&app, app.admin_token(&["view_contacts", "edit_contacts"]));
    assert_eq!(editor.post("/fields", json!({"key": "x", "label": "X", "kind": "text"})).0, 403);
    assert_eq!(editor.patch("/purposes/sms", json!({"name": "Texts"})).0, 403);
}
