//! Sign-in rules: lockout, forced password change, TOTP, CSRF, session rotation and revocation,
//! role refusal.

use crate::helpers::*;

#[test]
fn one_time_password_must_be_changed_before_anything_else() {
    let app = spawn_app();
    let c = app.client();
    let r = app.login(&c, "admin", &app.admin_password);
    assert_eq!(location(&r), "/account/password");
    // The dashboard and the API are refused until the password is changed.
    let r = app.get(&c, "/");
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/account/password");
    let r = app.get(&c, "/api/v1/me");
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<serde_json::Value>().unwrap()["code"], "password_change_required");
    // A weak password is refused with a message naming the problem.
    let r = app.change_password(&c, &app.admin_password, "short");
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("at least 12 characters"));
    let r = app.change_password(&c, &app.admin_password, NEW_PASSWORD);
    assert_eq!(r.status(), 303);
    assert_eq!(app.get(&c, "/").status(), 200);
    // The one-time password no longer works.
    let c2 = app.client();
    assert_eq!(app.login(&c2, "admin", &app.admin_password).status(), 401);
}

/// Signs in as if from `from` (the test server trusts loopback as a proxy).
fn login_from(
    app: &TestApp,
    c: &reqwest::blocking::Client,
    from: &str,
    user: &str,
    password: &str,
) -> reqwest::blocking::Response {
    let page = c.get(format!("{}/login", app.url)).header("x-forwarded-for", from).send().unwrap().text().unwrap();
    let csrf = csrf_of(&page);
    c.post(format!("{}/login", app.url))
        .header("x-forwarded-for", from)
        .form(&[("csrf", csrf.as_str()), ("username", user), ("password", password)])
        .send()
        .unwrap()
}

fn behind_proxy() -> TestApp {
    spawn_app_with(|c| c.proxy.trusted = vec!["127.0.0.1".parse().unwrap()])
}

#[test]
fn a_stranger_locks_out_only_their_own_network_and_the_owner_is_told() {
    let app = behind_proxy();
    let admin = app.login_admin(NEW_PASSWORD);
    let _mallory = app.signed_in_user(&admin, "mallory@example.com", "marketer");
    let attacker = app.client();
    for i in 1..=4 {
        let r = login_from(&app, &attacker, "203.0.113.50", "mallory@example.com", "wrong password");
        assert_eq!(r.status(), 401, "attempt {i}");
    }
    let r = login_from(&app, &attacker, "203.0.113.51", "mallory@example.com", "wrong password");
    assert_eq!(r.status(), 423, "the fifth failure locks that network");
    assert!(r.text().unwrap().contains("locked"));
    // From that network even the right password is refused (no second factor to prove more).
    let r = login_from(&app, &attacker, "203.0.113.9", "mallory@example.com", NEW_PASSWORD);
    assert_eq!(r.status(), 423);

    // The owner, from another network, gets in: slowed down, not refused.
    let owner = app.client();
    let t = std::time::Instant::now();
    let r = login_from(&app, &owner, "198.51.100.7", "mallory@example.com", NEW_PASSWORD);
    assert_eq!(r.status(), 303);
    assert!(t.elapsed() >= std::time::Duration::from_millis(250), "an unfamiliar network is slowed down");
    // … and is told, once signed in, how many attempts there were and from where.
    assert_eq!(location(&r), "/login/notice?next=%2F");
    let notice = owner
        .get(format!("{}/login/notice?next=%2F", app.url))
        .header("x-forwarded-for", "198.51.100.7")
        .send()
        .unwrap();
    assert_eq!(notice.status(), 200);
    let page = notice.text().unwrap();
    assert!(page.contains("<strong>6 failed attempts</strong>"), "{page}");
    assert!(page.contains("<td>203.0.113.0&#x2f;24</td><td>6</td>"), "{page}");
    // A second sign-in has nothing new to report.
    let again = app.client();
    let r = login_from(&app, &again, "198.51.100.7", "mallory@example.com", NEW_PASSWORD);
    assert_eq!(location(&r), "/");

    // The lock is in the audit log, scoped to the network.
    let user = app.state.users.find_by_username("mallory@example.com").unwrap().unwrap();
    let entries = app
        .state
        .audit
        .query(&tidings::audit::Filter { action: Some("auth.lockout".into()), ..Default::default() }, 10)
        .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].target.as_deref(), Some(user.id.reference().as_str()));
    assert_eq!(entries[0].ip.map(|i| i.to_string()).as_deref(), Some("203.0.113.0/24"));

    // The owner's login name is an address: they were mailed (no relay here: the outbox folder).
    let mail = wait_for_mail(&app, "mallory@example.com");
    assert!(mail.contains("Failed sign-in attempts on your Tidings account"), "{mail}");
    assert!(mail.contains("203.0.113.0"), "{mail}");

    // An admin unlocks; the right password works from the attacker's network again.
    let r = app.post_form(&admin, &format!("/users/{}", user.id), &format!("/users/{}/unlock", user.id), &[]);
    assert_eq!(r.status(), 303);
    let r = login_from(&app, &attacker, "203.0.113.9", "mallory@example.com", NEW_PASSWORD);
    assert_eq!(r.status(), 303);
}

fn wait_for_mail(app: &TestApp, to: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        if let Ok(dir) = std::fs::read_dir(app.data_dir().join("outbox")) {
            for f in dir.flatten() {
                let text = std::fs::read_to_string(f.path()).unwrap_or_default();
                if text.contains(&format!("To: {to}")) || text.contains(&format!("To: <{to}>")) {
                    return text;
                }
            }
        }
        assert!(std::time::Instant::now() < deadline, "no mail to {to} in the outbox");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn a_right_password_and_second_factor_get_through_a_locked_network() {
    let app = behind_proxy();
    let c = app.login_admin(NEW_PASSWORD);
    let secret = enrol_totp(&app, &c);
    let attacker = app.client();
    for _ in 0..5 {
        login_from(&app, &attacker, "203.0.113.50", "admin", "wrong password");
    }
    assert_eq!(login_from(&app, &attacker, "203.0.113.50", "admin", "wrong password").status(), 423);
    // The owner is at the same network (a shared office NAT, say): password and code work.
    let owner = app.client();
    let r = login_from(&app, &owner, "203.0.113.50", "admin", NEW_PASSWORD);
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login/2fa"), "{}", location(&r));
    let page = owner
        .get(format!("{}/login/2fa", app.url))
        .header("x-forwarded-for", "203.0.113.50")
        .send()
        .unwrap()
        .text()
        .unwrap();
    let csrf = csrf_of(&page);
    // Guessing codes from that network has a budget of its own.
    let code_attempt = |client: &reqwest::blocking::Client, csrf: &str, code: &str| {
        client
            .post(format!("{}/login/2fa", app.url))
            .header("x-forwarded-for", "203.0.113.50")
            .form(&[("csrf", csrf), ("code", code)])
            .send()
            .unwrap()
    };
    // The enrolment used the current step: the next one (accepted for clock drift) is fresh.
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let code = tidings::auth::totp::code_at(&secret, now + 30);
    let r = code_attempt(&owner, &csrf, &code);
    assert_eq!(r.status(), 303, "a valid second factor gets through the locked network");
    assert_eq!(owner.get(format!("{}/api/v1/me", app.url)).send().unwrap().status(), 200);

    // Someone who knows the password still cannot guess codes without end from that network.
    let thief = app.client();
    assert!(location(&login_from(&app, &thief, "203.0.113.50", "admin", NEW_PASSWORD)).starts_with("/login/2fa"));
    let page = thief
        .get(format!("{}/login/2fa", app.url))
        .header("x-forwarded-for", "203.0.113.50")
        .send()
        .unwrap()
        .text()
        .unwrap();
    let csrf = csrf_of(&page);
    let statuses: Vec<u16> = (0..5).map(|_| code_attempt(&thief, &csrf, "000000").status().as_u16()).collect();
    assert_eq!(statuses, vec![401, 401, 401, 401, 423]);
}

#[test]
fn lockout_expires_with_time() {
    let app = spawn_app_with(|c| {
        c.auth.max_failed_logins = 2;
        c.auth.lockout_minutes = 0;
    });
    let c = app.client();
    app.login(&c, "admin", "nope nope nope");
    assert_eq!(app.login(&c, "admin", "nope nope nope").status(), 423);
    // A zero-minute lock has already expired: the right password works.
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(app.login(&c, "admin", &app.admin_password).status(), 303);
}

#[test]
fn unknown_user_costs_a_hash_and_answers_like_a_wrong_password() {
    let app = spawn_app();
    let c = app.client();
    let t = std::time::Instant::now();
    let r = app.login(&c, "nobody-here", "whatever password");
    let unknown = t.elapsed();
    assert_eq!(r.status(), 401);
    let unknown_body = r.text().unwrap();
    let t = std::time::Instant::now();
    let r = app.login(&c, "admin", "whatever password");
    let known = t.elapsed();
    assert_eq!(r.status(), 401);
    assert!(unknown_body.contains("Wrong user name or password."));
    assert!(r.text().unwrap().contains("Wrong user name or password."));
    // Both paths run argon2: the unknown one must not be an order of magnitude faster.
    assert!(unknown * 3 > known, "unknown user answered in {unknown:?}, known in {known:?}");
}

#[test]
fn csrf_token_is_required_on_every_form() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    // No token.
    let r = c.post(format!("{}/settings", app.url)).form(&[("organisation", "Evil")]).send().unwrap();
    assert_eq!(r.status(), 403);
    // A wrong token.
    let r = c.post(format!("{}/settings", app.url)).form(&[("csrf", "x"), ("organisation", "Evil")]).send().unwrap();
    assert_eq!(r.status(), 403);
    // A cross-site origin with a valid token.
    let page = app.get(&c, "/settings").text().unwrap();
    let csrf = csrf_of(&page);
    let r = c
        .post(format!("{}/settings", app.url))
        .header("origin", "https://evil.example")
        .form(&[("csrf", csrf.as_str()), ("organisation", "Evil")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_ne!(app.state.settings.get().unwrap().organisation, "Evil");
    // Login form too: a POST without the pre-login cookie's token is refused.
    let fresh = app.client();
    let r = fresh
        .post(format!("{}/login", app.url))
        .form(&[("username", "admin"), ("password", NEW_PASSWORD)])
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
    // And GET never changes state.
    assert!(matches!(app.get(&c, "/logout").status().as_u16(), 404 | 405));
    assert_eq!(app.get(&c, "/").status(), 200, "still signed in");
}

fn session_cookie(r: &reqwest::blocking::Response) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("__Host-tidings_session=") && !v.starts_with("__Host-tidings_session=;"))
}

#[test]
fn sessions_rotate_at_login_and_are_revoked() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    // The cookie is __Host-, Secure, HttpOnly, SameSite=Strict.
    let c2 = app.client();
    let r = app.login(&c2, "admin", NEW_PASSWORD);
    let cookie = session_cookie(&r).expect("session cookie set");
    for attr in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attr), "{cookie} lacks {attr}");
    }
    let second = cookie.split(';').next().unwrap().to_string();
    let stale = app.client();
    let r = stale.get(format!("{}/api/v1/me", app.url)).header("cookie", second.as_str()).send().unwrap();
    assert_eq!(r.status(), 200);

    // Logout revokes.
    let r = app.post_form(&c2, "/", "/logout", &[]);
    assert_eq!(r.status(), 303);
    let r = stale.get(format!("{}/api/v1/me", app.url)).header("cookie", second.as_str()).send().unwrap();
    assert_eq!(r.status(), 401);

    // A password change ends the other sessions but keeps the one that made it.
    let other = app.client();
    assert_eq!(app.login(&other, "admin", NEW_PASSWORD).status(), 303);
    assert_eq!(app.get(&other, "/api/v1/me").status(), 200);
    let newer = "another quite long passphrase";
    let r = app.change_password(&c, NEW_PASSWORD, newer);
    assert_eq!(r.status(), 303);
    assert_eq!(app.get(&other, "/api/v1/me").status(), 401);
    assert_eq!(app.get(&c, "/api/v1/me").status(), 200);
}

#[test]
fn disabling_a_user_ends_their_sessions() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let bob = app.signed_in_user(&admin, "bob", "analyst");
    assert_eq!(app.get(&bob, "/").status(), 200);
    let id = app.state.users.find_by_username("bob").unwrap().unwrap().id;
    let r = app.post_form(&admin, &format!("/users/{id}"), &format!("/users/{id}/disable"), &[]);
    assert_eq!(r.status(), 303);
    let r = app.get(&bob, "/");
    assert_eq!(location(&r), "/login?next=%2F");
    assert_eq!(app.login(&app.client(), "bob", NEW_PASSWORD).status(), 401);
}

#[test]
fn roles_are_enforced_with_403() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let ana = app.signed_in_user(&admin, "ana", "analyst");
    for path in ["/users", "/audit", "/settings", "/tokens", "/api/v1/users", "/api/v1/audit"] {
        assert_eq!(app.get(&ana, path).status(), 403, "{path}");
    }
    assert_eq!(app.get(&ana, "/").status(), 200);
    // The navigation does not offer what the role cannot open.
    let home = app.get(&ana, "/").text().unwrap();
    assert!(!home.contains("href=\"/users\""));
    assert!(!home.contains("href=\"/audit\""));
    // An admin cannot make someone owner; only an owner can.
    let adm2 = app.signed_in_user(&admin, "adm2", "admin");
    let ana_id = app.state.users.find_by_username("ana").unwrap().unwrap().id;
    let r = app.post_form(&adm2, &format!("/users/{ana_id}"), &format!("/users/{ana_id}/role"), &[("role", "owner")]);
    assert_eq!(r.status(), 403);
    let r = app.post_form(&admin, &format!("/users/{ana_id}"), &format!("/users/{ana_id}/role"), &[("role", "owner")]);
    assert_eq!(r.status(), 303);
}

#[test]
fn totp_enrol_then_login_needs_a_code_that_works_once() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(&c, "/account", "/account/2fa/start", &[]);
    assert_eq!(location(&r), "/account/2fa");
    let page = app.get(&c, "/account/2fa").text().unwrap();
    assert!(page.contains("<svg"), "QR code drawn by the server");
    let secret_b32: String = text_of_id(&page, "totp-secret").unwrap().chars().filter(|c| !c.is_whitespace()).collect();
    let secret = totp_rs::Secret::Encoded(secret_b32).to_bytes().unwrap();
    let now = || std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    // A wrong code is refused and enrolment stays pending.
    let r = app.post_form(&c, "/account/2fa", "/account/2fa/confirm", &[("code", "000000")]);
    assert_eq!(r.status(), 422);
    let code = tidings::auth::totp::code_at(&secret, now());
    let r = app.post_form(&c, "/account/2fa", "/account/2fa/confirm", &[("code", &code)]);
    assert_eq!(r.status(), 200);
    let page = r.text().unwrap();
    let codes: Vec<String> = page.match_indices("<li><code>").map(|(i, _)| page[i + 10..i + 24].to_string()).collect();
    assert_eq!(codes.len(), 10);

    // Sign in again: password, then second factor.
    let c2 = app.client();
    let r = app.login(&c2, "admin", NEW_PASSWORD);
    assert!(location(&r).starts_with("/login/2fa"));
    let partial = session_cookie(&r).unwrap().split(';').next().unwrap().to_string();
    assert_eq!(app.get(&c2, "/api/v1/me").status(), 401, "no access between the two steps");
    // The enrolment code was used for this step already: replay refused.
    let r = app.post_form(&c2, "/login/2fa", "/login/2fa", &[("code", &code)]);
    assert_eq!(r.status(), 401);
    // A recovery code works, once.
    let r = app.post_form(&c2, "/login/2fa", "/login/2fa", &[("code", &codes[0])]);
    assert_eq!(r.status(), 303);
    assert_eq!(app.get(&c2, "/api/v1/me").status(), 200);
    // The session id was replaced when the second factor was accepted; the old one is dead.
    let full = session_cookie(&r).unwrap().split(';').next().unwrap().to_string();
    assert_ne!(partial, full);
    let r = app.client().get(format!("{}/login/2fa", app.url)).header("cookie", partial.as_str()).send().unwrap();
    assert_eq!(location(&r), "/login", "the pre-2FA session id no longer exists");
    let c3 = app.client();
    app.login(&c3, "admin", NEW_PASSWORD);
    assert_eq!(app.post_form(&c3, "/login/2fa", "/login/2fa", &[("code", &codes[0])]).status(), 401);
    assert_eq!(app.post_form(&c3, "/login/2fa", "/login/2fa", &[("code", &codes[1])]).status(), 303);
    let used = app
        .state
        .audit
        .query(&tidings::audit::Filter { action: Some("auth.recovery_code_used".into()), ..Default::default() }, 10)
        .unwrap();
    assert_eq!(used.len(), 2);
}

#[test]
fn login_is_rate_limited_per_network() {
    let app = spawn_app();
    let c = app.client();
    let mut limited = false;
    for _ in 0..40 {
        let r = app.login(&c, "nobody", "x");
        if r.status() == 429 {
            limited = true;
            break;
        }
    }
    assert!(limited, "40 attempts in a minute from one network must hit the limit");
}

#[test]
fn an_expired_password_must_be_changed() {
    let app = spawn_app_with(|c| c.auth.password_max_age_days = 30);
    let _ = app.login_admin(NEW_PASSWORD);
    let mut admin = app.state.users.find_by_username("admin").unwrap().unwrap();
    admin.password_changed_at = chrono::Utc::now() - chrono::Duration::days(31);
    app.state.users.save_and_commit(&admin).unwrap();
    let c = app.client();
    let r = app.login(&c, "admin", NEW_PASSWORD);
    assert_eq!(location(&r), "/account/password");
    let page = app.get(&c, "/account/password").text().unwrap();
    assert!(page.contains("Your password has expired"));
    let newer = "a different long passphrase";
    let r = app.change_password(&c, NEW_PASSWORD, newer);
    assert_eq!(r.status(), 303);
    assert_eq!(app.get(&c, "/").status(), 200);
}

#[test]
fn sessions_end_after_the_absolute_timeout() {
    let app = spawn_app_with(|c| c.auth.session_absolute_hours = 0);
    let c = app.client();
    let r = app.login(&c, "admin", &app.admin_password);
    assert_eq!(r.status(), 303);
    std::thread::sleep(std::time::Duration::from_millis(10));
    let r = app.get(&c, "/account/password");
    assert_eq!(location(&r), "/login?next=%2Faccount%2Fpassword", "expired session is gone");
}

#[test]
fn the_dashboard_counts_sign_ins_and_failures_apart() {
    let app = spawn_app();
    assert_eq!(app.login(&app.client(), "admin", "not the password").status(), 401);
    let c = app.login_admin(NEW_PASSWORD);
    let home = app.get(&c, "/").text().unwrap();
    assert!(home.contains("1 successful sign-in, 1 failed attempt."), "{home}");
    // The audit filter keeps exact actions apart from their family too.
    let r = app.get(&c, "/audit?action=auth.login");
    let page = r.text().unwrap();
    assert!(page.contains("<code>auth.login</code>") && !page.contains("<code>auth.login_failed</code>"));
    let page = app.get(&c, "/audit?action=auth.").text().unwrap();
    assert!(page.contains("<code>auth.login_failed</code>"));
}

/// Enrols TOTP for the signed-in client; returns the secret.
pub fn enrol_totp(app: &TestApp, c: &reqwest::blocking::Client) -> Vec<u8> {
    app.post_form(c, "/account", "/account/2fa/start", &[]);
    let page = app.get(c, "/account/2fa").text().unwrap();
    let b32: String = text_of_id(&page, "totp-secret").unwrap().chars().filter(|c| !c.is_whitespace()).collect();
    let secret = totp_rs::Secret::Encoded(b32).to_bytes().unwrap();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let code = tidings::auth::totp::code_at(&secret, now);
    assert_eq!(app.post_form(c, "/account/2fa", "/account/2fa/confirm", &[("code", &code)]).status(), 200);
    secret
}

#[test]
fn account_recovery_codes_and_turning_2fa_off_need_the_password() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    enrol_totp(&app, &c);
    let r = app.post_form(&c, "/account", "/account/recovery-codes", &[("password", "wrong password!")]);
    assert_eq!(r.status(), 422);
    let r = app.post_form(&c, "/account", "/account/recovery-codes", &[("password", NEW_PASSWORD)]);
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().unwrap().matches("<li><code>").count(), 10);
    let r = app.post_form(&c, "/account", "/account/2fa/disable", &[("password", "wrong password!")]);
    assert_eq!(r.status(), 422);
    assert!(app.state.users.find_by_username("admin").unwrap().unwrap().totp.is_some());
    let r = app.post_form(&c, "/account", "/account/2fa/disable", &[("password", NEW_PASSWORD)]);
    assert_eq!(location(&r), "/account?ok=totp_disabled");
    let admin = app.state.users.find_by_username("admin").unwrap().unwrap();
    assert!(admin.totp.is_none() && admin.recovery_codes.is_empty());
    // Signing in needs no code any more.
    assert_eq!(location(&app.login(&app.client(), "admin", NEW_PASSWORD)), "/");
}

#[test]
fn admins_reset_passwords_and_second_factors_and_re_enable_accounts() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let bob = app.signed_in_user(&admin, "bob", "marketer");
    enrol_totp(&app, &bob);
    let id = app.state.users.find_by_username("bob").unwrap().unwrap().id;
    let user_page = format!("/users/{id}");
    // Bob lost his phone: an admin turns his second factor off.
    let r = app.post_form(&admin, &user_page, &format!("/users/{id}/disable-2fa"), &[]);
    assert_eq!(location(&r), format!("/users/{id}?ok=2fa_reset"));
    assert!(app.state.users.get(&id).unwrap().unwrap().totp.is_none());
    // A reset shows a new one-time password and ends Bob's sessions.
    let r = app.post_form(&admin, &user_page, &format!("/users/{id}/reset-password"), &[]);
    let otp = text_of_id(&r.text().unwrap(), "otp").unwrap();
    assert_eq!(app.get(&bob, "/api/v1/me").status(), 401);
    assert_eq!(location(&app.login(&app.client(), "bob", &otp)), "/account/password");
    // Disable, then enable again.
    app.post_form(&admin, &user_page, &format!("/users/{id}/disable"), &[]);
    assert_eq!(app.login(&app.client(), "bob", &otp).status(), 401);
    let r = app.post_form(&admin, &user_page, &format!("/users/{id}/enable"), &[]);
    assert_eq!(location(&r), format!("/users/{id}?ok=enabled"));
    assert_eq!(app.login(&app.client(), "bob", &otp).status(), 303);
    let actions: Vec<String> =
        app.state.audit.query(&Default::default(), 100).unwrap().into_iter().map(|e| e.action).collect();
    for a in ["auth.totp_disabled", "auth.password_reset", "user.disabled", "user.enabled"] {
        assert!(actions.iter().any(|x| x == a), "{a} not audited");
    }
}

#[test]
fn tokens_are_revoked_from_the_page() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(&c, "/tokens", "/tokens", &[("name", "shop backend"), ("scope", "view_audit")]);
    let secret = text_of_id(&r.text().unwrap(), "token-secret").unwrap();
    let use_it = || app.client().get(format!("{}/api/v1/audit", app.url)).bearer_auth(&secret).send().unwrap().status();
    assert_eq!(use_it(), 200);
    let id = app.state.tokens.list(None).unwrap().into_iter().find(|t| t.name == "shop backend").unwrap().id;
    let r = app.post_form(&c, "/tokens", &format!("/tokens/{id}/revoke"), &[]);
    assert_eq!(location(&r), "/tokens?ok=revoked");
    assert_eq!(use_it(), 401);
    // A bad scope or expiry is a field error, not a token.
    let r =
        app.post_form(&c, "/tokens", "/tokens", &[("name", "x"), ("scope", "view_audit"), ("expires_days", "soon")]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("number of days"));
}

/// Five failures lock a network out of a real account; a made-up name answers the same, so a
/// lock (or its absence) does not tell which login names exist.
#[test]
fn a_name_that_is_no_account_locks_like_one() {
    let app = behind_proxy();
    let _admin = app.login_admin(NEW_PASSWORD);
    let answers = |name: &str| -> Vec<u16> {
        let c = app.client();
        (0..6).map(|_| login_from(&app, &c, "203.0.113.50", name, "wrong password").status().as_u16()).collect()
    };
    let real = answers("admin");
    let made_up = answers("nobody-by-that-name");
    assert_eq!(real, vec![401, 401, 401, 401, 423, 423]);
    assert_eq!(made_up, real, "a made-up name must answer as a real one");
}
