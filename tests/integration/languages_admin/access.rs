//! The access pages in German (see ../languages_admin.rs): sign-in (in the browser's language
//! until the staff member is known), the second factor, passwords, users and roles, API
//! tokens, Settings and Settings → Email, the sender's confirmation and the error pages.

use reqwest::blocking::{Client, Response};
use serde_json::json;

use super::{german_admin, german_page};
use crate::helpers::{csrf_of, location, text_of_id, TestApp, NEW_PASSWORD};

/// A browser that asks for `language` (and keeps cookies, follows no redirect).
fn browser(language: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("accept-language", language.parse().unwrap());
    crate::helpers::client_builder()
        .cookie_store(true)
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(30))
        .default_headers(headers)
        .build()
        .unwrap()
}

/// A page answered to a form (a refusal, a result shown at once) in German, with no English
/// left but `allowed`.
fn german(r: Response, status: u16, allowed: &[&str]) -> String {
    let (got, url) = (r.status().as_u16(), r.url().to_string());
    let page = r.text().unwrap();
    assert_eq!(got, status, "{url}: {page}");
    assert!(page.contains("<html lang=\"de\">"), "{url} says it is German: {page}");
    let left = crate::helpers::english_left(&page, allowed);
    assert!(left.is_empty(), "{url} still has English: {left:#?}");
    page
}

fn post(app: &TestApp, c: &Client, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
    app.post_form(c, form_page, action, fields)
}

/// Signs `c` in with a password (the form's token taken from the sign-in page).
fn sign_in(app: &TestApp, c: &Client, username: &str, password: &str) -> Response {
    post(app, c, "/login", "/login", &[("username", username), ("password", password)])
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

/// Before anyone is known the sign-in pages speak the browser's language; once a staff member
/// is, their own choice. A browser that asks for nothing the admin speaks gets English.
#[test]
fn signing_in_speaks_the_browser_s_language_until_the_staff_member_is_known() {
    let (app, admin) = german_admin();
    let de = browser("de-AT, en;q=0.5");
    let page = german_page(&app, &de, "/login", &["My shop"]);
    assert!(page.contains("<h1>Bei My shop anmelden</h1>"), "{page}");
    assert!(page.contains("<code>tidings user reset-password NAME</code>"), "the command stays code: {page}");
    let page = german(sign_in(&app, &de, "admin", "not the password"), 401, &["My shop", "admin"]);
    assert!(page.contains("Benutzername oder Passwort ist falsch."), "{page}");
    let page = german_page(&app, &browser("de"), "/login?ok=logged_out", &["My shop"]);
    assert!(page.contains("Sie wurden abgemeldet."), "{page}");

    // English for a browser that asks for French (the admin has no French), and for one that
    // asks for nothing.
    for c in [browser("fr-FR, fr;q=0.9"), app.client()] {
        let page = app.get(&c, "/login").text().unwrap();
        assert!(page.contains("<html lang=\"en\">") && page.contains("<h1>Sign in to My shop</h1>"), "{page}");
    }

    // A new user signs in with the one-time password from a German browser: the forced change
    // is German (they have chosen nothing yet).
    let r = post(&app, &admin, "/users/new", "/users", &[("username", "mia@example.org"), ("role", "marketer")]);
    let created = r.text().unwrap();
    let otp = text_of_id(&created, "otp").unwrap();
    let mia = browser("de");
    assert_eq!(location(&sign_in(&app, &mia, "mia@example.org", &otp)), "/account/password");
    let page = german_page(&app, &mia, "/account/password", &["mia@example.org"]);
    assert!(page.contains("Sie haben sich mit einem Einmalpasswort angemeldet."), "{page}");
    let r = app.change_password(&mia, &otp, NEW_PASSWORD);
    assert_eq!(r.status(), 303);

    // Failed attempts lock the network out, said in German.
    let thief = browser("de");
    for _ in 0..4 {
        assert_eq!(sign_in(&app, &thief, "mia@example.org", "a wrong guess").status(), 401);
    }
    let page = german(sign_in(&app, &thief, "mia@example.org", "a wrong guess"), 423, &["My shop", "mia@example.org"]);
    assert!(page.contains("Dieses Konto ist nach zu vielen fehlgeschlagenen Versuchen gesperrt."), "{page}");

    // The administrator unlocks her; she signs in and is told of the attempts, in the browser's
    // language (she chose none).
    let mia_id = app.state.users.find_by_username("mia@example.org").unwrap().unwrap().id;
    let user_page = format!("/users/{mia_id}");
    // The audit log's codes (`user.created`) are identifiers, as on the dashboard.
    let page = german_page(&app, &admin, &user_page, &["mia@example.org", "user.created"]);
    assert!(page.contains("Anmeldungen per Passwort aus einem Netzwerk"), "the locked state: {page}");
    assert_eq!(post(&app, &admin, &user_page, &format!("/users/{mia_id}/unlock"), &[]).status(), 303);
    let mia = browser("de");
    let r = sign_in(&app, &mia, "mia@example.org", NEW_PASSWORD);
    assert_eq!(location(&r), "/login/notice?next=%2F");
    let page = german_page(&app, &mia, "/login/notice?next=%2F", &[]);
    assert!(page.contains("<strong>5 fehlgeschlagene Versuche</strong>"), "{page}");
    assert!(page.contains("jetzt einrichten</a>"), "{page}");
}

/// The second factor: enrolment, the recovery codes, the code at sign-in and a wrong one, and
/// the notice after failed attempts, for a staff member who chose German (whatever the
/// browser asks for).
#[test]
fn the_second_factor_pages_are_german() {
    let (app, admin) = german_admin();
    assert_eq!(location(&post(&app, &admin, "/account", "/account/2fa/start", &[])), "/account/2fa");
    let page = german_page(&app, &admin, "/account/2fa", &[]);
    let b32: String = text_of_id(&page, "totp-secret").unwrap().chars().filter(|c| !c.is_whitespace()).collect();
    let secret = totp_rs::Secret::Encoded(b32).to_bytes().unwrap();
    let code = tidings::auth::totp::code_at(&secret, now());
    let r = post(&app, &admin, "/account/2fa", "/account/2fa/confirm", &[("code", &code)]);
    let codes_page = r.text().unwrap();
    let codes: Vec<String> =
        codes_page.split("<li><code>").skip(1).map(|c| c[..c.find('<').unwrap()].to_string()).collect();
    let allowed: Vec<&str> = codes.iter().map(String::as_str).collect();
    assert!(codes_page.contains("<html lang=\"de\">"), "{codes_page}");
    assert!(crate::helpers::english_left(&codes_page, &allowed).is_empty(), "{codes_page}");
    assert!(codes_page.contains("Die Zwei-Faktor-Authentifizierung ist eingeschaltet"), "{codes_page}");
    assert!(codes_page.contains("data-t-download=\"Als Datei herunterladen\""), "the script's words: {codes_page}");

    // A failed attempt, then the password and a code, from an English browser: the staff
    // member's choice rules once the password has said who they are.
    let english = app.client();
    assert_eq!(sign_in(&app, &english, "admin", "not the password").status(), 401);
    let r = sign_in(&app, &english, "admin", NEW_PASSWORD);
    assert!(location(&r).starts_with("/login/2fa"), "{}", location(&r));
    let page = german_page(&app, &english, "/login/2fa?next=%2F", &[]);
    assert!(page.contains("Geben Sie Ihren Authentifizierungscode ein"), "{page}");
    let r = post(&app, &english, "/login/2fa?next=%2F", "/login/2fa", &[("code", "000000"), ("next", "/")]);
    let page = german(r, 401, &[]);
    assert!(page.contains("Dieser Code stimmt nicht"), "{page}");
    let code = tidings::auth::totp::code_at(&secret, now() + 30);
    let r = post(&app, &english, "/login/2fa?next=%2F", "/login/2fa", &[("code", &code), ("next", "/")]);
    assert_eq!(location(&r), "/login/notice?next=%2F");
    let page = german_page(&app, &english, "/login/notice?next=%2F", &[]);
    assert!(page.contains("wurden <strong>2 fehlgeschlagene Versuche</strong>"), "the password and the code: {page}");
    assert!(page.contains("Ihr zweiter Faktor schützt das Konto"), "{page}");

    // The password change (not forced) from the account.
    let page = german_page(&app, &admin, "/account/password", &[]);
    assert!(page.contains("Zurück zu Ihrem Konto"), "{page}");
    // New recovery codes replace the old ones.
    let r = post(&app, &admin, "/account", "/account/recovery-codes", &[("password", NEW_PASSWORD)]);
    let page = r.text().unwrap();
    assert!(page.contains("Ihre alten Codes gelten nicht mehr"), "{page}");
}

/// Users and roles, tokens and the organisation's settings, each in its states.
#[test]
fn users_tokens_and_settings_are_german_throughout() {
    let (app, admin) = german_admin();
    // Users in every state: awaiting the first sign-in, disabled, signed in.
    let page = german_page(&app, &admin, "/users/new", &[]);
    assert!(page.contains("<strong>Datenschutzbeauftragter</strong>"), "roles by their German names: {page}");
    let r = post(&app, &admin, "/users/new", "/users", &[("username", "olaf@example.org"), ("role", "analyst")]);
    let created = r.text().unwrap();
    let otp = text_of_id(&created, "otp").unwrap();
    assert!(created.contains("<html lang=\"de\">") && created.contains("Benutzer angelegt: olaf@example.org"));
    assert!(crate::helpers::english_left(&created, &["olaf@example.org", &otp]).is_empty(), "{created}");
    post(&app, &admin, "/users/new", "/users", &[("username", "dora@example.org"), ("role", "dpo")]);
    let dora = app.state.users.find_by_username("dora@example.org").unwrap().unwrap().id;
    let r = post(&app, &admin, &format!("/users/{dora}"), &format!("/users/{dora}/disable"), &[]);
    assert_eq!(r.status(), 303);
    let users = ["olaf@example.org", "dora@example.org", "admin"];
    let page = german_page(&app, &admin, "/users", &users);
    for text in ["wartet auf die erste Anmeldung", "gesperrt", "Analyst", "Datenschutzbeauftragter", "Inhaber"] {
        assert!(page.contains(text), "{text}: {page}");
    }
    // Each user's page: the audit codes are identifiers (`user.created`), not words.
    let me = app.state.users.find_by_username("admin").unwrap().unwrap().id;
    let page = german_page(&app, &admin, &format!("/users/{me}"), &["admin", "user.created", "user.disabled"]);
    assert!(page.contains("<span class=\"tag\">Sie</span>"), "{page}");
    let page = german_page(
        &app,
        &admin,
        &format!("/users/{dora}?ok=disabled"),
        &["dora@example.org", "admin", "user.created"],
    );
    assert!(page.contains(">Konto freigeben</button>"), "{page}");
    let r = post(&app, &admin, &format!("/users/{dora}"), &format!("/users/{dora}/reset-password"), &[]);
    let page = r.text().unwrap();
    let otp = text_of_id(&page, "otp").unwrap();
    assert!(page.contains("Passwort zurückgesetzt für dora@example.org"), "{page}");
    assert!(crate::helpers::english_left(&page, &["dora@example.org", &otp]).is_empty(), "{page}");

    // Tokens: one just created, one revoked, one expired. The scopes' names are identifiers.
    let scopes = ["manage_all_tokens", "edit_contacts", "send_campaigns", "view_contacts"];
    let page = german_page(&app, &admin, "/tokens", &scopes);
    assert!(page.contains("Noch keine Tokens."), "{page}");
    assert!(page.contains("die REST-API unter <code>&#x2f;api&#x2f;v1</code>"), "{page}");
    let r = post(&app, &admin, "/tokens", "/tokens", &[("name", "Shop backend"), ("scope", "view_contacts")]);
    let page = r.text().unwrap();
    let secret = text_of_id(&page, "token-secret").unwrap();
    let mut allowed = scopes.to_vec();
    allowed.extend(["Shop backend", secret.as_str(), "admin"]);
    assert!(page.contains("Token „Shop backend“ angelegt"), "{page}");
    assert!(crate::helpers::english_left(&page, &allowed).is_empty(), "{page}");
    let r = post(&app, &admin, "/tokens", "/tokens", &[("name", "Old script"), ("scope", "view_contacts")]);
    assert_eq!(r.status(), 200);
    let old = app.state.tokens.list(None).unwrap().into_iter().find(|t| t.name == "Old script").unwrap();
    assert_eq!(post(&app, &admin, "/tokens", &format!("/tokens/{}/revoke", old.id), &[]).status(), 303);
    let past = chrono::Utc::now() - chrono::Duration::days(1);
    app.state.tokens.create(me, "Expired job", vec!["view_contacts".parse().unwrap()], Some(past)).unwrap();
    allowed.extend(["Old script", "Expired job"]);
    let page = german_page(&app, &admin, "/tokens?ok=revoked", &allowed);
    for text in ["widerrufen", "abgelaufen", "Das Token wurde widerrufen."] {
        assert!(page.contains(text), "{text}: {page}");
    }
    let r = post(&app, &admin, "/tokens", "/tokens", &[("name", "Later"), ("expires_days", "forever")]);
    allowed.push("Later");
    let page = german(r, 422, &allowed);
    assert!(page.contains("Geben Sie eine Anzahl Tage zwischen 1 und 3650 ein"), "{page}");

    // Settings, with two-factor authentication required of two roles (not the administrator's,
    // who would be taken to set it up first). The time zones' names
    // are the IANA identifiers (`America/New_York`).
    let zones: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
    let mut allowed = zones.clone();
    allowed.push("My shop");
    let r = post(
        &app,
        &admin,
        "/settings",
        "/settings",
        &[
            ("organisation", "My shop"),
            ("time_zone", "Europe/Berlin"),
            ("currency", "EUR"),
            ("language", "en"),
            ("two_factor_required", "analyst"),
            ("two_factor_required", "dpo"),
        ],
    );
    assert_eq!(location(&r), "/settings?ok=saved");
    let page = german_page(&app, &admin, "/settings?ok=saved", &allowed);
    assert!(
        page.contains("Derzeit: verlangt von: Analyst, Datenschutzbeauftragter; für alle anderen verfügbar."),
        "{page}"
    );
    assert!(page.contains("Einstellungen gespeichert."), "{page}");

    // The error pages: a user that is not there, for the staff member; a page that is not
    // there, for a German browser.
    let r = app.get(&admin, "/users/00000000-0000-0000-0000-000000000000");
    let page = german(r, 404, &[]);
    assert!(page.contains("404 · Nicht gefunden") && page.contains("Zur Übersicht"), "{page}");
    let page = german(app.get(&browser("de"), "/no/such/page"), 404, &[]);
    assert!(page.contains("Unter dieser Adresse gibt es keine Seite."), "{page}");

    // A colleague who chose nothing reads the same pages in English.
    let english = app.signed_in_user(&admin, "eve@example.org", "admin");
    let page = app.get(&english, "/users").text().unwrap();
    assert!(page.contains("<h1>Users &amp; roles</h1>") && page.contains("<dt>Data-protection officer</dt>"), "{page}");
    let page = app.get(&english, "/settings").text().unwrap();
    assert!(
        page.contains("Now: required of Analyst, Data-protection officer; available to every other user."),
        "{page}"
    );
}

/// Settings → Email without a relay (the outbox), with a sender waiting for its link, a
/// bounce and a test message.
#[test]
fn the_email_settings_are_german_without_a_relay() {
    let (app, admin) = german_admin();
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    api.contact("bounced@example.org", &["news"], &[], true);
    let token = app.admin_token(&["edit_contacts"]);
    let r = app
        .client()
        .post(format!("{}/api/v1/bounces", app.url))
        .bearer_auth(&token)
        .json(&json!({"email": "bounced@example.org", "type": "hard", "status": "5.1.1", "diagnostic": "Postfach unbekannt"}))
        .send()
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().unwrap());
    let fields = [("address", "team@shop.example"), ("name", "Team"), ("reply_to", "")];
    assert_eq!(post(&app, &admin, "/settings/email", "/settings/email/senders", &fields).status(), 303);
    let r =
        post(&app, &admin, "/settings/email", "/settings/email/senders/verify", &[("address", "team@shop.example")]);
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let allowed =
        ["team@shop.example", "Team", "My shop", "b•••", "Postfach unbekannt", "5.1.1", "example.org", "tidings@"];
    let page = german_page(&app, &admin, "/settings/email?ok=sender_link_sent", &allowed);
    for text in [
        "Kein SMTP-Relay konfiguriert:",
        "<code>[[mail.relays]]</code>",
        "nicht bestätigt",
        "(Link verschickt; gültig bis",
        "hart",
        "Webhook",
        "An die Adresse des Absenders wurde ein Bestätigungslink geschickt",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    let r = post(&app, &admin, "/settings/email", "/settings/email/test", &[("to", "me@shop.example")]);
    let mut allowed = allowed.to_vec();
    allowed.push("me@shop.example");
    let page = german(r, 200, &allowed);
    assert!(page.contains("Kein Relay konfiguriert: Die Nachricht wurde nach"), "{page}");
    // A refusal that the page words itself.
    let r = post(&app, &admin, "/settings/email", "/settings/email/senders/default", &[("address", "no@shop.example")]);
    let page = german(r, 404, &allowed);
    assert!(page.contains("Diesen Absender gibt es nicht."), "{page}");
}

/// Settings → Email with a relay: the relays' table, a sender confirmed from its mailbox on the
/// page its link opens (in the browser's language), and shown as confirmed.
#[test]
fn the_email_settings_with_a_relay_and_a_confirmed_sender_are_german() {
    use crate::smtp_sink::{SinkOptions, SmtpSink};
    let sink = SmtpSink::start(SinkOptions::default());
    let app = crate::helpers::spawn_app_with(|c| crate::campaigns::mail_config(c, sink.port()));
    let admin = app.login_admin(NEW_PASSWORD);
    assert_eq!(post(&app, &admin, "/account", "/account/language", &[("language", "de")]).status(), 303);
    let fields = [("address", "offers@shop.example"), ("name", ""), ("reply_to", "help@shop.example")];
    assert_eq!(post(&app, &admin, "/settings/email", "/settings/email/senders", &fields).status(), 303);
    let r =
        post(&app, &admin, "/settings/email", "/settings/email/senders/verify", &[("address", "offers@shop.example")]);
    assert_eq!(r.status(), 303);
    let got = sink.wait_for(1);
    let text = mail_parser::MessageParser::default().parse(&got[0].data).unwrap().body_text(0).unwrap().into_owned();
    let link = text[text.find("https://").unwrap()..].split_whitespace().next().unwrap().to_string();
    let path = link[link.find("/sender/confirm/").unwrap()..].to_string();

    let mailbox = browser("de");
    let page = german_page(&app, &mailbox, &path, &["offers@shop.example", "My shop"]);
    assert!(page.contains("<span class=\"address\">offers@shop.example</span> als Absender für My shop bestätigen?"));
    let r = mailbox.post(format!("{}{path}", app.url)).header("content-length", "0").send().unwrap();
    let page = german(r, 200, &["offers@shop.example", "My shop"]);
    assert!(page.contains("Absender bestätigt"), "{page}");
    let r = mailbox.post(format!("{}{path}", app.url)).header("content-length", "0").send().unwrap();
    let page = german(r, 404, &["My shop"]);
    assert!(page.contains("Dieser Link funktioniert nicht"), "{page}");

    let allowed = ["offers@shop.example", "help@shop.example", "My shop", "news@example.com", "local", "127.0.0.1"];
    let page = german_page(&app, &admin, "/settings/email", &allowed);
    for text in
        ["ja: aus dem Postfach bestätigt am", "Antworten an <code>help@shop.example</code>", "kein TLS (Loopback)"]
    {
        assert!(page.contains(text), "{text}: {page}");
    }
    let csrf = csrf_of(&page);
    assert!(!csrf.is_empty());
}
