//! The REST API: token auth and scopes, one error shape, input errors naming the field.

use serde_json::{json, Value};

use crate::helpers::*;

fn api<'a>(app: &'a TestApp, token: &str) -> impl Fn(reqwest::Method, &str, Option<Value>) -> (u16, Value) + 'a {
    let token = token.to_string();
    move |method, path, body| {
        let c = app.client();
        let mut req = c.request(method, format!("{}/api/v1{path}", app.url)).bearer_auth(&token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().unwrap();
        let status = r.status().as_u16();
        let text = r.text().unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

#[test]
fn errors_have_one_shape() {
    let app = spawn_app();
    let c = app.client();
    let r = app.get(&c, "/api/v1/users");
    assert_eq!(r.status(), 401);
    let v: Value = r.json().unwrap();
    assert_eq!(v["code"], "unauthenticated");
    assert_eq!(v["type"], "auth");
    assert!(v["message"].as_str().unwrap().len() > 10);
    let r = c.get(format!("{}/api/v1/users", app.url)).bearer_auth("tdg_00_bogus").send().unwrap();
    assert_eq!(r.status(), 401);
    let token = app.admin_token(&["manage_users"]);
    let call = api(&app, &token);
    let (s, v) = call(reqwest::Method::GET, "/nope", None);
    assert_eq!((s, v["code"].as_str()), (404, Some("not_found")));
}

#[test]
fn users_through_the_api_with_field_errors() {
    let app = spawn_app();
    let token = app.admin_token(&["manage_users"]);
    let call = api(&app, &token);
    let (s, v) =
        call(reqwest::Method::POST, "/users", Some(json!({"username": "carol@example.com", "role": "marketer"})));
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["one_time_password"].as_str().unwrap().len(), 20);
    let id = v["user"]["id"].as_str().unwrap().to_string();
    let (s, v) =
        call(reqwest::Method::POST, "/users", Some(json!({"username": "carol@example.com", "role": "marketer"})));
    assert_eq!((s, v["code"].as_str()), (409, Some("conflict")));
    let (s, v) = call(reqwest::Method::POST, "/users", Some(json!({"username": "dave", "role": "wizard"})));
    assert_eq!((s, v["field"].as_str()), (422, Some("role")), "{v}");
    let (s, v) = call(reqwest::Method::POST, "/users", Some(json!({"username": "x", "role": "marketer"})));
    assert_eq!(s, 422, "{v}");
    let (s, v) = call(reqwest::Method::POST, "/users", Some(json!({"username": "dave", "role": "marketer", "rol": 1})));
    assert_eq!(s, 400);
    assert!(v["message"].as_str().unwrap().contains("rol"), "{v}");
    let (s, _) =
        call(reqwest::Method::PATCH, &format!("/users/{id}"), Some(json!({"role": "analyst", "disabled": true})));
    assert_eq!(s, 200);
    let (_, v) = call(reqwest::Method::GET, &format!("/users/{id}"), None);
    assert_eq!((v["role"].as_str(), v["disabled"].as_bool()), (Some("analyst"), Some(true)));
    // Malformed JSON is a 400 with a message, never a 500.
    let r = app
        .client()
        .post(format!("{}/api/v1/users", app.url))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{nope")
        .send()
        .unwrap();
    assert_eq!(r.status(), 400);
    // Oversized bodies are refused.
    let big = "x".repeat(400 * 1024);
    let r = app
        .client()
        .post(format!("{}/api/v1/users", app.url))
        .bearer_auth(&token)
        .json(&json!({"username": big, "role": "admin"}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 413);
}

#[test]
fn tokens_are_scoped_shown_once_and_revocable() {
    let app = spawn_app();
    let admin_token = app.admin_token(&["manage_own_tokens", "view_audit"]);
    let call = api(&app, &admin_token);
    // Scope limits: this token cannot manage users.
    assert_eq!(call(reqwest::Method::GET, "/users", None).0, 403);
    // A token cannot mint a token with more than it holds.
    let (s, v) = call(reqwest::Method::POST, "/tokens", Some(json!({"name": "x", "scopes": ["manage_users"]})));
    assert_eq!((s, v["field"].as_str()), (422, Some("scopes")));
    let (s, v) = call(reqwest::Method::POST, "/tokens", Some(json!({"name": "reader", "scopes": ["view_audit"]})));
    assert_eq!(s, 201);
    let secret = v["token"].as_str().unwrap().to_string();
    let id = v["id"].as_str().unwrap().to_string();
    // Shown once: listings never carry the secret.
    let (_, list) = call(reqwest::Method::GET, "/tokens", None);
    assert!(!list.to_string().contains(&secret));
    // `tdg_<id>_<secret>`: the secret part (base64url, which may itself hold `_`) is never listed.
    assert!(!list.to_string().contains(secret.splitn(3, '_').nth(2).unwrap()));
    let reader = api(&app, &secret);
    assert_eq!(reader(reqwest::Method::GET, "/audit", None).0, 200);
    assert_eq!(call(reqwest::Method::DELETE, &format!("/tokens/{id}"), None).0, 204);
    assert_eq!(reader(reqwest::Method::GET, "/audit", None).0, 401);
    // Creation and revocation are audited.
    let (_, audit) = call(reqwest::Method::GET, "/audit?action=token.", None);
    let actions: Vec<&str> =
        audit["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"token.created") && actions.contains(&"token.revoked"), "{actions:?}");
    // An expired token is refused.
    let (s, v) = call(
        reqwest::Method::POST,
        "/tokens",
        Some(json!({"name": "old", "scopes": ["view_audit"], "expires_at": "2001-01-01T00:00:00Z"})),
    );
    assert_eq!((s, v["field"].as_str()), (422, Some("expires_at")));
}

#[test]
fn settings_changes_are_validated_and_audited() {
    let app = spawn_app();
    let token = app.admin_token(&["manage_settings", "view_audit"]);
    let call = api(&app, &token);
    let (s, v) = call(reqwest::Method::PUT, "/settings", Some(json!({"organisation": ""})));
    assert_eq!((s, v["field"].as_str()), (422, Some("organisation")));
    // The organisation's name goes into a breach notice's subject: one line.
    let (s, v) = call(reqwest::Method::PUT, "/settings", Some(json!({"organisation": "Shop\nGmbH"})));
    assert_eq!((s, v["field"].as_str()), (422, Some("organisation")), "{v}");
    let (s, v) = call(
        reqwest::Method::PUT,
        "/settings",
        Some(json!({"organisation": "Shop GmbH", "dpo_contact": "dpo@shop.example"})),
    );
    assert_eq!(s, 200, "{v}");
    let (_, audit) = call(reqwest::Method::GET, "/audit?action=settings.changed", None);
    let e = &audit["entries"][0];
    assert_eq!(e["action"], "settings.changed");
    assert!(e["details"].to_string().contains("dpo_contact organisation"), "{e}");
    assert!(e["actor"].as_str().unwrap().starts_with("token:"));
    // Dates in filters are checked.
    let (s, v) = call(reqwest::Method::GET, "/audit?from=yesterday", None);
    assert_eq!((s, v["field"].as_str()), (422, Some("from")));
}

#[test]
fn the_settings_page_saves_validates_and_audits() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(
        &c,
        "/settings",
        "/settings",
        &[("organisation", "  Bakery Ltd  "), ("dpo_contact", "dpo@bakery.example")],
    );
    assert_eq!(r.status(), 303);
    let s = app.state.settings.get().unwrap();
    assert_eq!((s.organisation.as_str(), s.dpo_contact.as_str()), ("Bakery Ltd", "dpo@bakery.example"));
    let r = app.post_form(&c, "/settings", "/settings", &[("organisation", "")]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("must not be empty"));
    assert_eq!(app.state.settings.get().unwrap().organisation, "Bakery Ltd", "a refused form changes nothing");
    let entries = app
        .state
        .audit
        .query(&tidings::audit::Filter { action: Some("settings.changed".into()), ..Default::default() }, 10)
        .unwrap();
    assert_eq!(entries.len(), 1);
}

#[test]
fn unlock_and_reset_password_through_the_api() {
    let app = spawn_app();
    let token = app.admin_token(&["manage_users"]);
    let call = api(&app, &token);
    let (_, v) = call(reqwest::Method::POST, "/users", Some(json!({"username": "erin", "role": "analyst"})));
    let id = v["user"]["id"].as_str().unwrap().to_string();
    let c = app.client();
    for _ in 0..5 {
        app.login(&c, "erin", "wrong password");
    }
    let (_, v) = call(reqwest::Method::GET, &format!("/users/{id}"), None);
    assert_eq!(v["locked"], true);
    let (s, v) = call(reqwest::Method::POST, &format!("/users/{id}/unlock"), None);
    assert_eq!((s, v["locked"].as_bool()), (200, Some(false)));
    let (s, v) = call(reqwest::Method::POST, &format!("/users/{id}/reset-password"), None);
    assert_eq!(s, 200);
    let otp = v["one_time_password"].as_str().unwrap();
    assert_eq!(location(&app.login(&app.client(), "erin", otp)), "/account/password");
    assert_eq!(call(reqwest::Method::POST, "/users/not-an-id/unlock", None).0, 404);
}
