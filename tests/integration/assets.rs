//! Every embedded asset is served; no page references another host; metrics are guarded.

use crate::helpers::*;

#[test]
fn every_embedded_asset_is_served_with_a_type() {
    let app = spawn_app();
    let c = app.client();
    let paths = tidings::http::assets::static_paths();
    assert!(paths.len() >= 3, "{paths:?}");
    for p in paths {
        let r = app.get(&c, &p);
        assert_eq!(r.status(), 200, "{p}");
        let ct = r.headers()["content-type"].to_str().unwrap().to_string();
        assert!(!ct.starts_with("application/octet-stream"), "{p}: {ct}");
        let etag = r.headers()["etag"].to_str().unwrap().to_string();
        let again = c.get(format!("{}{p}", app.url)).header("if-none-match", etag).send().unwrap();
        assert_eq!(again.status(), 304, "{p} revalidates");
    }
    assert_eq!(app.get(&c, "/static/nope.css").status(), 404);
}

fn offsite_references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["src=\"", "href=\"", "action=\"", "url(", "srcset=\"", "poster=\"", "data=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let value: String = rest.chars().take_while(|c| *c != '"' && *c != ')').collect();
            let v = value.trim().trim_matches('\'');
            if v.starts_with("//") || v.contains("://") {
                found.push(v.to_string());
            }
        }
    }
    found
}

#[test]
fn no_served_page_references_another_host() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    app.post_form(&c, "/account", "/account/2fa/start", &[]);
    let id = app.state.users.find_by_username("admin").unwrap().unwrap().id;
    let mut pages = vec![
        "/",
        "/users",
        "/users/new",
        "/tokens",
        "/audit",
        "/audit?verify=1",
        "/account",
        "/account/2fa",
        "/settings",
        "/account/password",
    ];
    let user_page = format!("/users/{id}");
    pages.push(&user_page);
    for p in &pages {
        let r = app.get(&c, p);
        assert_eq!(r.status(), 200, "{p}");
        let csp = r.headers()["content-security-policy"].to_str().unwrap().to_string();
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "{p}: {csp}");
        assert!(!csp.contains("unsafe-inline"));
        let body = r.text().unwrap();
        assert!(!body.contains("<script>") && !body.contains(" onclick="), "{p} has inline script");
        assert_eq!(offsite_references(&body), Vec::<String>::new(), "{p}");
    }
    let anon = app.client();
    for p in ["/login", "/nonexistent"] {
        let body = app.get(&anon, p).text().unwrap();
        assert_eq!(offsite_references(&body), Vec::<String>::new(), "{p}");
    }
    for p in tidings::http::assets::static_paths() {
        let body = app.get(&anon, &p).text().unwrap_or_default();
        assert_eq!(offsite_references(&body), Vec::<String>::new(), "{p}");
    }
}

#[test]
fn security_headers_on_every_response() {
    let app = spawn_app();
    let c = app.client();
    for p in ["/login", "/healthz", "/static/app.css", "/api/v1/me", "/nope"] {
        let r = app.get(&c, p);
        let h = r.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{p}");
        assert!(h.contains_key("content-security-policy"), "{p}");
        assert!(h["strict-transport-security"].to_str().unwrap().contains("max-age"), "{p}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{p}");
    }
}

#[test]
fn metrics_are_for_loopback_or_the_token() {
    let app = spawn_app();
    let c = app.client();
    app.get(&c, "/healthz");
    app.get(&c, "/login");
    let r = app.get(&c, "/metrics");
    assert_eq!(r.status(), 200, "loopback without a configured token");
    let text = r.text().unwrap();
    assert!(text.contains("tidings_http_requests_total{method=\"GET\",route=\"/login\",status=\"200\"}"), "{text}");
    assert!(text.contains("tidings_build_info"));

    let guarded = spawn_app_with(|c| c.metrics.token = "metrics-secret".into());
    let c = guarded.client();
    assert_eq!(guarded.get(&c, "/metrics").status(), 403);
    let r = c.get(format!("{}/metrics", guarded.url)).bearer_auth("metrics-secret").send().unwrap();
    assert_eq!(r.status(), 200);
    let r = c.get(format!("{}/metrics", guarded.url)).bearer_auth("wrong").send().unwrap();
    assert_eq!(r.status(), 403);
}

#[test]
fn healthz_answers_json() {
    let app = spawn_app();
    let r = app.get(&app.client(), "/healthz");
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<serde_json::Value>().unwrap()["status"], "ok");
}
