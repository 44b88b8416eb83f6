//! Public pages in the reader's language (issue 20): the order of choice over the real server
//! — a choice on the page, the contact's own language, the browser's Accept-Language with
//! quality values and region fallback, the shop's default — and every public page rendered in
//! every shipped language without a missing message.

use reqwest::blocking::{Client, Response};
use serde_json::json;
use tidings::contacts::ops;
use tidings::domain::{ContactInput, EmailAddress, Source};
use tidings::i18n::catalogue;
use tidings::mail::links;
use tidings::ops::By;

use crate::helpers::{client_builder, spawn_app, TestApp};

fn client() -> Client {
    client_builder().danger_accept_invalid_certs(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

fn get(app: &TestApp, path: &str, accept: Option<&str>) -> Response {
    let mut r = client().get(format!("{}{path}", app.url));
    if let Some(a) = accept {
        r = r.header("accept-language", a);
    }
    r.send().unwrap()
}

/// (the `lang` the page says, its body)
fn served(r: Response) -> (String, String) {
    assert_eq!(r.status(), 200);
    let lang = r.headers()["content-language"].to_str().unwrap().to_string();
    let body = r.text().unwrap();
    assert!(body.contains(&format!("<html lang=\"{lang}\">")), "<html lang> says what was served");
    (lang, body)
}

fn t(code: &str, key: &str) -> String {
    catalogue().text(code, key, None)
}

fn form(app: &TestApp) -> String {
    let token = app.admin_token(&["send_campaigns"]);
    let r = app
        .client()
        .post(format!("{}/api/v1/forms", app.url))
        .bearer_auth(&token)
        .json(&json!({"name": "Footer", "title": "Newsletter", "purposes": ["newsletter"]}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 201);
    r.json::<serde_json::Value>().unwrap()["form"]["id"].as_str().unwrap().to_string()
}

#[test]
fn the_language_follows_the_page_the_contact_the_browser_and_the_shop_in_that_order() {
    let app = spawn_app();
    let f = format!("/f/{}", form(&app));

    // The browser: by quality, a region served by its language.
    let (lang, body) = served(get(&app, &f, Some("fr-CH;q=0.4, de-AT, en;q=0.5")));
    assert_eq!(lang, "de", "de-AT (1.0) before en (0.5) and fr-CH (0.4)");
    assert!(body.contains(&t("de", "form-submit")) && t("de", "form-submit") != t("en", "form-submit"));
    let (lang, _) = served(get(&app, &f, Some("xx, fr;q=0.9")));
    assert_eq!(lang, "fr", "an unknown language is passed over");
    let (lang, _) = served(get(&app, &f, Some("de;q=0, sv;q=0.2")));
    assert_eq!(lang, "sv", "q=0 means not this one");

    // The page's own choice wins over the browser, and its forms and links keep it.
    let (lang, body) = served(get(&app, &format!("{f}?lang=pl"), Some("de")));
    assert_eq!(lang, "pl");
    assert!(body.contains(&t("pl", "form-submit")));
    assert!(body.contains("href=\"/privacy?lang=pl\""), "the footer link carries the choice");
    for l in catalogue().languages() {
        assert!(body.contains(&format!("hreflang=\"{}\"", l.code)) || l.code == "pl", "the switch offers {}", l.code);
        assert!(body.contains(&l.name), "each language by its own name: {}", l.name);
    }

    // The shop's default when nothing else says.
    let (lang, _) = served(get(&app, &f, None));
    assert_eq!(lang, "en");
    let mut s = app.state.settings.get().unwrap();
    s.language = "it".into();
    app.state.settings.save(&s).unwrap();
    app.state.store.commit().unwrap();
    let (lang, body) = served(get(&app, &f, None));
    assert_eq!(lang, "it");
    assert!(body.contains(&t("it", "form-email")));
    let (lang, _) = served(get(&app, &f, Some("nl")));
    assert_eq!(lang, "nl", "the browser before the shop's default");

    // The contact's own language beats the browser on pages from their mail.
    let input = ContactInput {
        email: Some(EmailAddress::parse("ola@example.org").unwrap()),
        locale: Some(Some("pt".into())),
        ..Default::default()
    };
    let ola = ops::create(&app.state, By::cli(), &input, Source::Admin).unwrap();
    let l = links::message_links(&app.state.config, app.state.store.keyring(), &ola.id, None);
    let path = |url: &str| url[url.find("/u/").or(url.find("/p/")).unwrap()..].to_string();
    let (lang, body) = served(get(&app, &path(&l.unsubscribe_url), Some("de")));
    assert_eq!(lang, "pt", "the contact's language before the browser's");
    assert!(body.contains(&t("pt", "unsubscribe-button")));
    // Unsubscribing: the purposes withdrawn, named in the reader's language.
    ops::record_consent(&app.state, By::cli(), &ola.id, "newsletter", true, "", None, None).unwrap();
    let r = client().post(format!("{}{}", app.url, path(&l.unsubscribe_url))).form(&[("confirm", "1")]).send().unwrap();
    let body = r.text().unwrap();
    assert!(body.contains(&format!("<li>{}</li>", t("pt", "purpose-newsletter-name"))), "{body}");
    let (lang, _) = served(get(&app, &format!("{}?lang=es", path(&l.preferences_url)), Some("de")));
    assert_eq!(lang, "es", "the page's choice before the contact's");
}

/// Every public page a visitor can reach, in every shipped language: served in it, and no
/// message shown as its key (a key missing everywhere would print itself).
#[test]
fn every_public_page_renders_in_every_language() {
    let app = spawn_app();
    let f = format!("/f/{}", form(&app));
    let input = ContactInput { email: Some(EmailAddress::parse("ana@example.org").unwrap()), ..Default::default() };
    let ana = ops::create(&app.state, By::cli(), &input, Source::Admin).unwrap();
    let l = links::message_links(&app.state.config, app.state.store.keyring(), &ana.id, None);
    let path = |url: &str| url[url.find("/u/").or(url.find("/p/")).unwrap()..].to_string();
    let pages = [f.clone(), path(&l.unsubscribe_url), path(&l.preferences_url), "/privacy".into()];
    let keys = catalogue().keys();
    for lang in catalogue().languages() {
        for p in &pages {
            let (served_lang, body) = served(get(&app, &format!("{p}?lang={}", lang.code), None));
            assert_eq!(served_lang, lang.code, "{p}");
            for k in &keys {
                assert!(!body.contains(&format!(">{k}<")), "{p} in {} shows the key {k}", lang.code);
            }
        }
        // A page that stops the visitor, in the same language.
        let r = get(&app, &format!("/u/not-a-token?lang={}", lang.code), None);
        assert_eq!(r.status(), 404);
        assert!(r.text().unwrap().contains(&t(&lang.code, "link-broken")));
    }
}

/// Consent is informed in the reader's language: the shipped purposes come with their name and
/// text in every language; a shop writes its own per language; the ledger records the version
/// shown, and that version says its language.
#[test]
fn consent_texts_are_shown_and_recorded_in_the_reader_s_language() {
    let app = spawn_app();
    let st = &app.state;
    let newsletter = st.purposes.get("newsletter").unwrap().unwrap();
    for lang in catalogue().languages() {
        let w = st.purposes.wording_in(&newsletter, &lang.code).unwrap().unwrap();
        assert_eq!(w.language.as_deref(), Some(lang.code.as_str()), "a shipped text in {}", lang.code);
        assert_eq!(w.text, t(&lang.code, "purpose-newsletter-wording"));
        assert_eq!(st.purposes.name_in(&newsletter, &lang.code).unwrap(), t(&lang.code, "purpose-newsletter-name"));
    }

    // A French reader's preference centre: the French text, recorded as shown.
    let input = ContactInput {
        email: Some(EmailAddress::parse("camille@example.fr").unwrap()),
        locale: Some(Some("fr".into())),
        ..Default::default()
    };
    let camille = ops::create(st, By::cli(), &input, Source::Admin).unwrap();
    let l = links::message_links(&st.config, st.store.keyring(), &camille.id, None);
    let pref = l.preferences_url[l.preferences_url.find("/p/").unwrap()..].to_string();
    let (lang, body) = served(get(&app, &pref, Some("de")));
    assert_eq!(lang, "fr");
    assert!(body.contains(&t("fr", "purpose-newsletter-wording")), "the French consent text");
    assert!(!body.contains(&t("en", "purpose-newsletter-wording")), "not the English one");
    let csrf = {
        let at = body.find("name=\"csrf\" value=\"").unwrap() + 19;
        body[at..at + body[at..].find('"').unwrap()].to_string()
    };
    let r = client()
        .post(format!("{}{pref}", app.url))
        .form(&[("csrf", csrf.as_str()), ("purpose", "newsletter")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    let entry = st.contacts.ledger(&camille.id).unwrap().pop().unwrap();
    let (purpose, version) = entry.wording.unwrap();
    let shown = st.purposes.wording(&purpose, version).unwrap().unwrap();
    assert_eq!(shown.language.as_deref(), Some("fr"), "the ledger's version is the French text");
    // The archive proves it: the text read, and in which language.
    let files = dpo_archive(&app, &camille.id.to_string());
    let data: serde_json::Value = serde_json::from_str(&files["data.json"]).unwrap();
    assert_eq!(data["wording_languages"][format!("newsletter/{version}")], "fr");
    let html = &files["summary.html"];
    assert!(
        html.contains(&format!(
            "<td lang=\"fr\">{}<br><span class=\"muted\">(Français)</span>",
            t("fr", "purpose-newsletter-wording")
        )),
        "{html}"
    );

    // The shop writes its own Polish text: a Polish reader sees it; the page lists it.
    let admin = app.login_admin(crate::helpers::NEW_PASSWORD);
    let own = "Tak, proszę o newsletter Kaffeerösterei Müller.";
    let r = app.post_form(
        &admin,
        "/purposes/newsletter",
        "/purposes/newsletter/translations/pl",
        &[("name", "Newsletter palarni"), ("wording", own)],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let r = app.post_form(
        &admin,
        "/purposes/newsletter",
        "/purposes/newsletter/translations/xx",
        &[("name", "Nope"), ("wording", "nope")],
    );
    assert_eq!(r.status(), 422, "an unknown language is refused");
    let input = ContactInput {
        email: Some(EmailAddress::parse("ola@example.pl").unwrap()),
        locale: Some(Some("pl".into())),
        ..Default::default()
    };
    let ola = ops::create(st, By::cli(), &input, Source::Admin).unwrap();
    let l = links::message_links(&st.config, st.store.keyring(), &ola.id, None);
    let (_, body) = served(get(&app, &l.preferences_url[l.preferences_url.find("/p/").unwrap()..], None));
    assert!(body.contains(own), "the shop's own Polish text");
    assert_eq!(st.purposes.name_in(&newsletter, "pl").unwrap(), "Newsletter palarni");
    let page = app.get(&admin, "/purposes/newsletter").text().unwrap();
    assert!(page.contains(own) && page.contains("Polski"), "the purpose page lists the Polish version");
    // The API reads and writes the same.
    let token = app.admin_token(&["manage_gdpr", "view_contacts"]);
    let r = app
        .client()
        .put(format!("{}/api/v1/purposes/newsletter/translations/sv", app.url))
        .bearer_auth(&token)
        .json(&json!({"name": "Nyhetsbrev", "wording": "Ja tack, skicka nyhetsbrevet."}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: serde_json::Value = r.json().unwrap();
    assert_eq!(v["names"]["sv"], "Nyhetsbrev");
    assert!(v["wordings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["language"] == "sv" && w["text"] == "Ja tack, skicka nyhetsbrevet."));
}

/// A form speaks its own language when the reader's is not known, and shows the shop's texts
/// per language: heading, introduction, thank-you; set on the builder page or the API.
#[test]
fn a_form_has_its_own_language_and_its_texts_per_language() {
    let app = spawn_app();
    let id = form(&app);
    let f = format!("/f/{id}");
    let admin = app.login_admin(crate::helpers::NEW_PASSWORD);
    let mut fields: Vec<(&str, &str)> = vec![("language", "de")];
    for l in catalogue().languages() {
        let (title, intro, thanks) = match l.code.as_str() {
            "de" => ("Unser Newsletter", "Neue Röstungen zuerst.", "Danke! Bitte bestätigen Sie Ihre Anmeldung."),
            "fr" => ("Notre newsletter", "", ""),
            _ => ("", "", ""),
        };
        fields.extend([("code", l.code.as_str()), ("title", title), ("intro", intro), ("thank_you", thanks)]);
    }
    let r = app.post_form(&admin, &format!("/forms/{id}"), &format!("/forms/{id}/languages"), &fields);
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());

    // Nothing says the reader's language: the form's own, German, with its German texts.
    let (lang, body) = served(get(&app, &f, None));
    assert_eq!(lang, "de");
    assert!(body.contains("Unser Newsletter") && body.contains("Neue Röstungen zuerst."), "{body}");
    // A French browser: French heading, the form's own introduction (none given in French).
    let (lang, body) = served(get(&app, &f, Some("fr-FR")));
    assert_eq!(lang, "fr");
    assert!(body.contains("Notre newsletter") && !body.contains("Neue Röstungen"));
    // The German thank-you after a German sign-up.
    let wording = {
        let p = app.state.purposes.get("newsletter").unwrap().unwrap();
        app.state.purposes.wording_in(&p, "de").unwrap().unwrap().version
    };
    let r = client()
        .post(format!("{}{f}", app.url))
        .form(&[("email", "jan@example.de"), ("consent", &format!("newsletter:{wording}"))])
        .send()
        .unwrap();
    let body = r.text().unwrap();
    assert!(body.contains("Danke! Bitte bestätigen Sie Ihre Anmeldung."), "{body}");

    // A language Tidings has no catalogue for is refused, and the page keeps what was typed.
    let r = app.post_form(
        &admin,
        &format!("/forms/{id}"),
        &format!("/forms/{id}/languages"),
        &[("language", "tlh"), ("code", "de"), ("title", "Mein Titel"), ("intro", ""), ("thank_you", "")],
    );
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("value=\"Mein Titel\""), "typed values kept");
    // The API reads and replaces the same.
    let token = app.admin_token(&["send_campaigns"]);
    let v: serde_json::Value = app
        .client()
        .put(format!("{}/api/v1/forms/{id}/languages", app.url))
        .bearer_auth(&token)
        .json(&json!({"language": "", "texts": {"sv": {"title": "Vårt nyhetsbrev", "intro": "", "thank_you": ""}}}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(v["form"]["language"], serde_json::Value::Null);
    assert_eq!(v["form"]["translations"]["sv"]["title"], "Vårt nyhetsbrev");
    assert!(v["form"]["translations"].get("de").is_none(), "replaced whole");
}

/// The access archive the DPO produces for a contact, unpacked.
fn dpo_archive(app: &TestApp, contact: &str) -> std::collections::BTreeMap<String, String> {
    use reqwest::Method;
    let dpo = crate::gdpr::Dpo::new(app);
    let r = dpo.ok(Method::POST, "/requests", Some(json!({"kind": "access", "contact_id": contact})));
    let id = r["id"].as_str().unwrap().to_string();
    dpo.ok(Method::PATCH, &format!("/requests/{id}"), Some(json!({"verification": "verified"})));
    let resp = dpo.call(Method::POST, &format!("/requests/{id}/archive"), None);
    assert_eq!(resp.status(), 200);
    crate::gdpr::unzip(&resp.bytes().unwrap())
}

/// The archive is written in the person's language whoever asks for it (here the DPO, whose
/// admin pages are English): headings, labels, words, the README, and moments to the second
/// as the language writes them.
#[test]
fn the_access_archive_is_in_the_person_s_language_else_the_shop_s() {
    let app = spawn_app();
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    let ann = crate::tracking::contact_with(&api, "ann@example.org", &["newsletter"]);
    api.ok("PATCH", &format!("/contacts/{ann}"), Some(json!({"locale": "de-AT", "time_zone": "Europe/Berlin"})));
    let files = dpo_archive(&app, &ann);
    let html = &files["summary.html"];
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    for key in
        ["archive-profile", "archive-consents", "archive-why", "archive-where", "archive-rights", "store-contacts"]
    {
        assert!(html.contains(&t("de", key)), "{key} in German:\n{html}");
    }
    for needle in [
        format!(r#"<th scope="row">{}</th><td>ann@example.org</td>"#, t("de", "archive-email")),
        format!(r#"<th scope="row">{}</th><td>{}</td>"#, t("de", "archive-subscription"), t("de", "status-subscribed")),
        format!("<td>{}</td>", t("de", "archive-consent-given")),
        t("de", "basis-consent"),
        "Art. 77 DSGVO".to_string(),
        "365 Tage nach dem Ende der Einwilligung".to_string(),
    ] {
        assert!(html.contains(&needle), "{needle}:\n{html}");
    }
    for english in ["Your profile", "Lawful basis", "given</td>", "days after", "a member of staff", "Subscribed"] {
        assert!(!html.contains(english), "English left: {english}\n{html}");
    }
    // "7. Dezember 2026, 09:14:03 CET": the German order and month names, to the second.
    let local = regex::Regex::new(
        r"<td>\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}, \d{2}:\d{2}:\d{2} CES?T</td>",
    )
    .unwrap();
    assert!(local.is_match(html), "German moments to the second:\n{html}");
    let readme = &files["README.txt"];
    assert!(readme.contains(&t("de", "archive-readme-intro")) && readme.contains("„stores“"), "{readme}");
    assert!(!readme.contains("This archive"), "{readme}");
    let data: serde_json::Value = serde_json::from_str(&files["data.json"]).unwrap();
    assert_eq!(data["stores"]["contacts"][0]["email"], "ann@example.org", "the keys stay as documented");

    // No language of their own: the shop's default.
    let mut s = app.state.settings.get().unwrap();
    s.language = "fr".into();
    app.state.settings.save(&s).unwrap();
    app.state.store.commit().unwrap();
    let bob = crate::tracking::contact_with(&api, "bob@example.org", &["newsletter"]);
    let files = dpo_archive(&app, &bob);
    let html = &files["summary.html"];
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(html.contains(&t("fr", "archive-profile")) && html.contains(&t("fr", "archive-rights-text")), "{html}");
    let local = regex::Regex::new(r"<td>\d{1,2} [a-zéû]+ \d{4} à \d{2}:\d{2}:\d{2} [A-Z]+</td>").unwrap();
    assert!(local.is_match(html), "French moments to the second:\n{html}");
    assert!(files["README.txt"].contains(&t("fr", "archive-readme-intro")));
}

/// The portal's list of requests names each request's kind and state in the reader's language.
#[test]
fn the_portal_names_requests_in_the_person_s_language() {
    let app = spawn_app();
    let input = ContactInput {
        email: Some(EmailAddress::parse("ola@example.org").unwrap()),
        locale: Some(Some("pl".into())),
        ..Default::default()
    };
    let ola = ops::create(&app.state, By::cli(), &input, Source::Admin).unwrap();
    let token = tidings::gdpr::portal::sign_link(app.state.store.keyring(), &ola.id, chrono::Utc::now());
    let c = app.client();
    let r = c.post(format!("{}/privacy/open/{token}", app.url)).send().unwrap();
    assert_eq!(r.status(), 303);
    let me = app.get(&c, "/privacy/me").text().unwrap();
    let csrf = me.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    // Downloading the archive is an access request, closed at once.
    let r = c.post(format!("{}/privacy/me/archive", app.url)).form(&[("csrf", csrf.as_str())]).send().unwrap();
    assert_eq!(r.headers()["content-type"], "application/zip");
    let files = crate::gdpr::unzip(&r.bytes().unwrap());
    assert!(files["summary.html"].contains("<html lang=\"pl\">"), "the person's own download too");
    let me = app.get(&c, "/privacy/me").text().unwrap();
    let (kind, state) = (t("pl", "request-kind-access"), t("pl", "request-state-done"));
    assert!(me.contains(&kind) && me.contains(&state), "{kind} … {state}:\n{me}");
    assert!(me.contains(&t("pl", "store-contacts")), "where it is kept, in Polish:\n{me}");
    assert!(!me.contains("Access (Art. 15)") && !me.contains(": done"), "{me}");
}

/// The admin pages in the staff member's own language, chosen on their account page; another
/// member keeps theirs.
#[test]
fn each_staff_member_reads_the_admin_in_their_own_language() {
    let app = spawn_app();
    let admin = app.login_admin(crate::helpers::NEW_PASSWORD);
    let other = app.signed_in_user(&admin, "mara", "marketer");
    let page = app.get(&admin, "/account").text().unwrap();
    assert!(page.contains("<html lang=\"en\">") && page.contains(">Contacts</a>"));
    let r = app.post_form(&admin, "/account", "/account/language", &[("language", "de")]);
    assert_eq!(r.status(), 303);
    let page = app.get(&admin, "/account?ok=language_saved").text().unwrap();
    assert!(page.contains("<html lang=\"de\">"), "the page says its language");
    for de in ["Kontakte", "Ihr Konto", "Sprache dieser Seiten", "Zwei-Faktor-Authentifizierung", "Abmelden"] {
        assert!(page.contains(de), "{de}");
    }
    assert!(page.contains("Die Sprache dieser Seiten ist gespeichert."), "the notice in the language chosen");
    let dashboard = app.get(&admin, "/").text().unwrap();
    assert!(dashboard.contains(">Übersicht</a>"), "every page's frame follows");
    assert!(
        dashboard.contains("Anmeldungen der letzten 14 Tage") && dashboard.contains("Erste Schritte"),
        "the dashboard is German"
    );
    let r = app.post_form(&admin, "/campaigns", "/campaigns", &[("name", "Winter")]);
    assert_eq!(r.status(), 303);
    let campaigns = app.get(&admin, "/campaigns").text().unwrap();
    assert!(
        campaigns.contains("Alle Kampagnen") && campaigns.contains(">Entwurf</span>"),
        "the campaigns list is German"
    );
    let contacts = app.get(&admin, "/contacts").text().unwrap();
    assert!(
        contacts.contains("Kontakt hinzufügen") && contacts.contains("Gespeicherte Suchen"),
        "the contacts page is German"
    );
    let theirs = app.get(&other, "/").text().unwrap();
    assert!(theirs.contains(">Dashboard</a>") && theirs.contains("<html lang=\"en\">"), "another member keeps English");
    let r = app.post_form(&admin, "/account", "/account/language", &[("language", "tlh")]);
    assert_eq!(r.status(), 422, "a language the admin is not translated into");
}

/// A campaign in several languages: each contact gets their language's version (subject,
/// preheader, body, footer links, Content-Language), the others the campaign's own; each
/// version previewed; a broken one refused with its field named.
#[test]
fn a_campaign_goes_out_in_each_contact_s_language() {
    use crate::campaigns::{header, mail_config, Api};
    use crate::smtp_sink::{SinkOptions, SmtpSink};
    let sink = SmtpSink::start(SinkOptions::default());
    let app = crate::helpers::spawn_app_with(|c| mail_config(c, sink.port()));
    let api = Api::new(&app);
    api.list("News");
    let anna = api.contact("anna@example.de", &["news"], &[], true);
    api.contact("bob@example.com", &["news"], &[], true);
    api.ok("PATCH", &format!("/contacts/{anna}"), Some(json!({"locale": "de-AT"})));
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Winter", "subject": "Our winter roast", "body": "Hello {{ first_name }}, it is here.", "lists": ["news"]})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();

    // A broken version is refused with its field named; nothing is stored.
    let (status, v) = api.call(
        "PUT",
        &format!("/campaigns/{id}/variants/de"),
        Some(json!({"subject": "Unsere Winterröstung", "body": "Hallo {% if %}"})),
    );
    assert_eq!((status, v["field"].as_str()), (422, Some("body")), "{v}");
    let (status, v) =
        api.call("PUT", &format!("/campaigns/{id}/variants/xx"), Some(json!({"subject": "x", "body": "y"})));
    assert_eq!((status, v["field"].as_str()), (422, Some("language")), "{v}");
    let v = api.ok(
        "PUT",
        &format!("/campaigns/{id}/variants/de"),
        Some(json!({"subject": "Unsere Winterröstung", "preheader": "Frisch geröstet", "body": "Hallo {{ first_name }}, sie ist da."})),
    );
    assert_eq!(v["campaign"]["variants"]["de"]["subject"], "Unsere Winterröstung");

    // Previewed per language, on the page.
    let admin = app.login_admin(crate::helpers::NEW_PASSWORD);
    let page = app.get(&admin, &format!("/campaigns/{id}")).text().unwrap();
    assert!(page.contains("value=\"Unsere Winterröstung\""), "the German version in the editor");
    let preview = app.get(&admin, &format!("/campaigns/{id}/variants/de/preview")).text().unwrap();
    assert!(preview.contains("sie ist da") && preview.contains("<html lang=\"de\""), "{preview}");

    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let got = sink.wait_for(2);
    let to = |who: &str| got.iter().find(|m| m.to.iter().any(|t| t.contains(who))).unwrap();
    let (de, en) = (to("anna@"), to("bob@"));
    let parsed = mail_parser::MessageParser::default().parse(&de.data).unwrap();
    assert_eq!(parsed.subject(), Some("Unsere Winterröstung"));
    assert_eq!(header(de, "Content-Language").as_deref(), Some("de"));
    let html = parsed.body_html(0).unwrap().to_string();
    assert!(html.contains("sie ist da") && html.contains("Frisch geröstet"), "the German body and preheader");
    assert_eq!(header(en, "Subject").as_deref(), Some("Our winter roast"), "no language: the campaign's own");
    assert!(String::from_utf8_lossy(&en.data).contains("it is here"));
}
