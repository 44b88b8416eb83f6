//! No parameter can send a visitor to another site: every `next` the server answers with is
//! resolved here as a browser resolves a `Location` (WHATWG URL rules), and must stay on the
//! server's own origin.

use crate::helpers::*;

/// Spellings that browsers read as another host, scheme or credentials, once tab, CR and LF
/// are stripped, backslashes turned into slashes and leading blanks trimmed.
const SPELLINGS: &[&str] = &[
    "//evil.example",
    "/\t/evil.example",
    "/\t\\evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\r\n/evil.example",
    "/\n\\evil.example",
    " //evil.example",
    "\t//evil.example",
    "\u{1}//evil.example",
    "/\u{b}/evil.example",
    "///evil.example",
    "/.//evil.example",
    "/%09/evil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "//evil\u{3002}example",
    "//evil\u{ff0e}example",
    "\u{ff0f}\u{ff0f}evil.example",
    "https://evil.example/",
    "https:\\\\evil.example",
    "HTTPS://evil.example",
    "http://evil.example",
    "javascript:alert(document.domain)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,hi",
    "//admin@evil.example",
    "https://127.0.0.1@evil.example/",
];

fn stays_home(app: &TestApp, location: &str) -> bool {
    let base = url::Url::parse(&format!("{}/login", app.url)).unwrap();
    match base.join(location) {
        Ok(u) => u.origin() == base.origin() && u.username().is_empty(),
        Err(_) => false,
    }
}

#[test]
fn login_next_never_leaves_the_site_in_any_spelling() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    for raw in SPELLINGS {
        // Signed in: the login page sends the visitor on to `next` at once.
        let r = c.get(format!("{}/login", app.url)).query(&[("next", raw)]).send().unwrap();
        assert_eq!(r.status(), 303, "{raw:?}");
        let to = location(&r);
        assert!(stays_home(&app, &to), "next={raw:?} redirected to {to:?}");
    }
    // The password form's hidden field: a fresh sign-in with a hostile `next`.
    for raw in ["/\t/evil.example", "/\t\\evil.example", "\\\\evil.example", "javascript:alert(1)"] {
        let fresh = app.client();
        let page = app.get(&fresh, "/login").text().unwrap();
        let csrf = csrf_of(&page);
        let r = fresh
            .post(format!("{}/login", app.url))
            .form(&[("csrf", csrf.as_str()), ("username", "admin"), ("password", NEW_PASSWORD), ("next", raw)])
            .send()
            .unwrap();
        assert_eq!(r.status(), 303, "{raw:?}");
        let to = location(&r);
        assert!(stays_home(&app, &to), "next={raw:?} redirected to {to:?}");
    }
    // An ordinary path with a query survives.
    let r = c.get(format!("{}/login", app.url)).query(&[("next", "/contacts?q=a b")]).send().unwrap();
    assert_eq!(location(&r), "/contacts?q=a%20b");
}

#[test]
fn a_form_redirect_is_stored_as_the_browser_reads_it() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    let token = app.admin_token(&["send_campaigns"]);
    for raw in ["/\t/evil.example", "//evil.example", "https://user@evil.example/", "javascript:alert(1)"] {
        let r = bare_client()
            .post(format!("{}/api/v1/forms", app.url))
            .bearer_auth(&token)
            .json(&serde_json::json!({ "name": "Newsletter", "redirect_url": raw }))
            .send()
            .unwrap();
        assert_eq!(r.status(), 422, "{raw:?}");
        assert!(r.text().unwrap().contains("redirect_url"), "{raw:?}");
    }
    drop(c);
}
