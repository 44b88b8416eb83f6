//! The contacts pages in German (see ../languages_admin.rs): the list with its filters, saved
//! searches, bulk bar and live search; a contact with consents, ledger, timeline (changes,
//! consents, a campaign sent, tracked events, a bounce, a merge) and a restriction, masked and
//! not; the form, merge and bulk pages; lists; the CSV import from upload to progress; custom
//! fields and purposes.

use std::time::{Duration, Instant};

use reqwest::blocking::Client;
use serde_json::json;
use tidings::contacts::ops::{self, PurposeInput};
use tidings::domain::{Event, EventKind, OrderItem};
use tidings::ops::By;
use tidings::tracking::Record;

use super::german_page;
use crate::helpers::*;
use crate::smtp_sink::{SinkOptions, SmtpSink};

/// The staff member behind `c` reads the admin pages in German.
fn in_german(app: &TestApp, c: &Client) {
    let r = app.post_form(c, "/account", "/account/language", &[("language", "de")]);
    assert_eq!(r.status(), 303);
}

/// A German shop: its register of processing written in German (by the test), so that what the
/// pages show of it is German data; the shipped purposes keep their names, which the catalogue
/// gives in German.
fn german_shop(app: &TestApp) {
    let mut s = app.state.settings.get().unwrap();
    s.language = "de".into();
    app.state.settings.save(&s).unwrap();
    for (key, wording, categories, recipients) in [
        (
            "newsletter",
            Some("Ja, senden Sie mir den Newsletter."),
            vec!["Kontaktdaten", "Abonnement"],
            vec!["unser SMTP-Relay (Auftragsverarbeiter)"],
        ),
        ("engagement", Some("Ja, Sie dürfen Öffnungen und Klicks messen."), vec!["Interaktionen"], vec![]),
        ("website_tracking", Some("Ja, Sie dürfen meine Besuche im Shop erfassen."), vec!["Seitenaufrufe"], vec![]),
        ("transactional", None, vec!["Bestelldaten"], vec!["unser SMTP-Relay (Auftragsverarbeiter)"]),
        (
            "profiling",
            Some("Wir schätzen Ihr Interesse an unseren Angeboten ein."),
            vec!["Interaktionen", "Bestellungen"],
            vec![],
        ),
    ] {
        let input = PurposeInput {
            description: Some("Beschreibung auf Deutsch.".into()),
            categories: Some(categories.into_iter().map(String::from).collect()),
            recipients: Some(recipients.into_iter().map(String::from).collect()),
            wording: wording.map(String::from),
            ..Default::default()
        };
        ops::save_purpose(&app.state, By::cli(), Some(key), &input).unwrap();
    }
}

fn created_id(r: reqwest::blocking::Response) -> String {
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let to = location(&r);
    to.trim_start_matches("/contacts/").split(['?', '/']).next().unwrap().to_string()
}

fn settle(app: &TestApp) {
    let seq = app.state.contacts.last_logged().unwrap();
    assert!(app.state.search.wait_for(seq), "the index caught up");
}

/// Custom fields, a list, and two contacts with consents and history as a German shop would
/// have them (a change, consents by hand, a campaign sent, tracked events, a hard bounce);
/// returns (Anna, Ben).
fn anna_and_ben(app: &TestApp, admin: &Client, sink: &SmtpSink) -> (String, String) {
    for (label, key, kind, options) in [
        ("Kundennummer", "kundennr", "text", ""),
        ("Stammkunde", "stammkunde", "boolean", ""),
        ("Lieblingsfarbe", "farbe", "choice", "Rot\nBlau"),
    ] {
        let r = app.post_form(
            admin,
            "/settings/fields",
            "/settings/fields",
            &[("label", label), ("key", key), ("kind", kind), ("options", options), ("max_len", "")],
        );
        assert_eq!(r.status(), 303);
    }
    let r = app.post_form(admin, "/lists", "/lists", &[("name", "Kunden"), ("description", "Alle mit Bestellung")]);
    assert_eq!(r.status(), 303);
    let anna = created_id(app.post_form(
        admin,
        "/contacts/new",
        "/contacts",
        &[
            ("email", "anna@example.com"),
            ("first_name", "Anna"),
            ("last_name", "Müller"),
            ("phone", "+49 30 901820"),
            ("locale", "de"),
            ("time_zone", "Europe/Berlin"),
            ("status", "subscribed"),
            ("tags", "vip"),
            ("lists", "kunden"),
            ("custom.kundennr", "4711"),
            ("custom.stammkunde", "true"),
            ("custom.farbe", "Rot"),
        ],
    ));
    let ben = created_id(app.post_form(
        admin,
        "/contacts/new",
        "/contacts",
        &[("email", "ben@example.com"), ("first_name", "Ben"), ("status", "subscribed"), ("lists", "kunden")],
    ));
    // A change, and consents recorded by hand: granted, and one granted then withdrawn.
    let edit = format!("/contacts/{anna}/edit");
    let r = app.post_form(
        admin,
        &edit,
        &edit,
        &[
            ("email", "anna@example.com"),
            ("first_name", "Anna"),
            ("last_name", "Müller"),
            ("phone", "+49 30 901821"),
            ("locale", "de"),
            ("time_zone", "Europe/Berlin"),
            ("status", "subscribed"),
            ("tags", "vip, sommer"),
            ("lists", "kunden"),
            ("custom.kundennr", "4711"),
            ("custom.stammkunde", "true"),
            ("custom.farbe", "Rot"),
        ],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let page = format!("/contacts/{anna}");
    let consent = format!("/contacts/{anna}/consent");
    for (purpose, state, note) in [
        ("newsletter", "granted", "am Telefon, Anruf 118"),
        ("engagement", "granted", ""),
        ("website_tracking", "granted", ""),
        ("produktempfehlungen", "granted", ""),
        ("produktempfehlungen", "withdrawn", "per Brief"),
    ] {
        let r = app.post_form(admin, &page, &consent, &[("purpose", purpose), ("state", state), ("note", note)]);
        assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    }
    let r = app.post_form(admin, &page, &consent, &[("purpose", "newsletter"), ("state", "vielleicht"), ("note", "")]);
    assert_eq!(r.status(), 422);
    let refused = r.text().unwrap();
    assert!(refused.contains("wählen Sie „eingewilligt“ oder „widerrufen“"), "{refused}");
    assert_eq!(english_left(&refused, &[]), Vec::<String>::new(), "a consent without its state");
    let r = app.post_form(
        admin,
        &format!("/contacts/{ben}"),
        &format!("/contacts/{ben}/consent"),
        &[("purpose", "newsletter"), ("state", "granted"), ("note", "")],
    );
    assert_eq!(r.status(), 303);

    // A campaign to the list, sent.
    let api = crate::campaigns::Api::new(app);
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "Herbstaktion", "subject": "Neuigkeiten", "body": "Hallo", "lists": ["kunden"]})),
    );
    let campaign = v["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{campaign}/send"), None);
    sink.wait_for(2);
    assert_eq!(api.wait_state(&campaign, "sent", Duration::from_secs(20))["state"], "sent");

    // What Anna did where she allowed it to be measured.
    let anna_id: tidings::domain::ContactId = anna.parse().unwrap();
    let mailing: uuid::Uuid = campaign.parse().unwrap();
    let now = chrono::Utc::now();
    let at = |secs: i64| now - chrono::Duration::seconds(secs);
    let mut open = Event::new(EventKind::Open, at(50), "pixel");
    open.mailing = Some(mailing);
    let mut scanned = Event::new(EventKind::Click, at(49), "click");
    scanned.mailing = Some(mailing);
    scanned.url = Some("https://shop.example/herbst".into());
    scanned.machine = Some("no user agent".into());
    let mut click = Event::new(EventKind::Click, at(40), "click");
    click.mailing = Some(mailing);
    click.url = Some("https://shop.example/herbst".into());
    let mut view = Event::new(EventKind::PageView, at(30), "tracker");
    view.url = Some("https://shop.example/schuhe?farbe=rot".into());
    view.referrer = Some("https://suche.example/".into());
    let mut custom = Event::new(EventKind::Custom, at(20), "api");
    custom.name = Some("gutschein_eingeloest".into());
    custom.properties = r#"{"code":"HERBST"}"#.into();
    let mut order = Event::new(EventKind::Order, at(10), "api");
    order.amount_cents = Some(5990);
    order.currency = Some("EUR".into());
    order.mailing = Some(mailing);
    order.items = vec![OrderItem { sku: "SH-1".into(), name: "Laufschuh".into(), quantity: 1, price_cents: 5990 }];
    let records = [open, scanned, click, view, custom, order]
        .into_iter()
        .map(|event| Record { contact: Some(anna_id), event, link: None })
        .collect();
    app.state.tracking.record_durable_blocking(records).unwrap();

    // A hard bounce makes Anna undeliverable.
    let bounce =
        tidings::mail::bounce::BounceEvent::new(tidings::mail::bounce::BounceKind::Hard, "webhook").status("5.1.1");
    tidings::mail::bounce::record(&app.state, &anna_id, bounce).unwrap();
    (anna, ben)
}

#[test]
fn the_contacts_the_contact_and_its_form_merge_and_bulk_pages_are_german() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| crate::campaigns::mail_config(c, sink.port()));
    let admin = app.login_admin(NEW_PASSWORD);
    in_german(&app, &admin);
    german_shop(&app);
    let r = app.post_form(
        &admin,
        "/purposes",
        "/purposes",
        &[
            ("name", "Produktempfehlungen"),
            ("key", "produktempfehlungen"),
            ("description", "Empfehlungen nach Käufen."),
            ("basis", "consent"),
            ("wording", "Ja, empfehlen Sie mir passende Produkte."),
            ("categories", "Bestellungen"),
            ("retention_days", "365"),
            ("recipients", ""),
        ],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());

    // No contacts yet: the empty list.
    let empty = german_page(&app, &admin, "/contacts", &[]);
    assert!(empty.contains("Noch keine Kontakte"), "{empty}");

    let (anna, ben) = anna_and_ben(&app, &admin, &sink);
    settle(&app);

    // Merge: find the other contact, choose the values, merge.
    let merge = format!("/contacts/{anna}/merge");
    german_page(&app, &admin, &merge, &[]);
    let found = german_page(&app, &admin, &format!("{merge}?q=ben"), &[]);
    assert!(found.contains(&format!("merge?other={ben}")), "{found}");
    let none = german_page(&app, &admin, &format!("{merge}?q=niemand"), &[]);
    assert!(none.contains("Kein anderer Kontakt passt zu „niemand“"), "{none}");
    let choose = german_page(&app, &admin, &format!("{merge}?other={ben}"), &[]);
    assert!(choose.contains("Dieser Kontakt (bleibt)"), "{choose}");
    assert!(choose.contains("</span>ja</label>"), "yes and no in German: {choose}");
    let r = app.post_form(&admin, &format!("{merge}?other={ben}"), &merge, &[("other", ben.as_str())]);
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let anna_id: tidings::domain::ContactId = anna.parse().unwrap();
    tidings::gdpr::ops::restrict(&app.state, By::cli(), &anna_id, "Die Person bestreitet die Richtigkeit.", None)
        .unwrap();

    // The contact page in every part.
    let contact = german_page(&app, &admin, &format!("/contacts/{anna}"), &[]).replace("&#x2f;", "/");
    for german in [
        "Verarbeitung eingeschränkt",
        "Profil",
        "Unzustellbar",
        "Eigene Felder",
        "<dd>ja</dd>",
        "Newsletter per E-Mail",
        "Einwilligung (Art. 6 Abs. 1 lit. a)",
        "Vertrag (Art. 6 Abs. 1 lit. b)",
        "nicht erfragt",
        "Einwilligungsprotokoll",
        "Verwaltungsbenutzer admin",
        "übernommen aus Kontakt",
        "1 anderer Kontakt wurde in diesen übernommen",
        "Einwilligung in „Produktempfehlungen“ widerrufen",
        "Geändert: Telefon",
        "Zusammengeführt: Kontakt",
        "Versendet: Kampagne „Herbstaktion“",
        "Geöffnet: Kampagne „Herbstaktion“",
        "Link maschinell abgerufen (Kampagne „Herbstaktion“)",
        "als Maschine erkannt (kein User-Agent)",
        "Link geklickt (Kampagne „Herbstaktion“)",
        "Seite aufgerufen",
        "kam von https://suche.example/",
        "Ereignis gutschein_eingeloest",
        "Bestellung über 59,90 EUR",
        "1 × Laufschuh (SH-1) zu 59,90 EUR",
        "zugeordnet: Kampagne „Herbstaktion“",
        "Hardbounce 5.1.1",
        "Status von „Angemeldet“ zu „Unzustellbar“ geändert",
        "Angelegt (Quelle: Verwaltung)",
        "durch das Öffnungspixel",
        "durch den Versand",
        "durch das System",
    ] {
        assert!(contact.contains(german), "{german}:\n{contact}");
    }

    // Masked for an analyst who reads German too: the note, no query, no properties.
    let analyst = app.signed_in_user(&admin, "ana", "analyst");
    in_german(&app, &analyst);
    let masked = german_page(&app, &analyst, &format!("/contacts/{anna}"), &[]);
    assert!(masked.contains("Personenbezogene Daten sind maskiert"), "{masked}");
    assert!(masked.contains("(Parameter maskiert)") && masked.contains("Eigenschaften ausgeblendet"), "{masked}");

    // The form, new and editing.
    let new = german_page(&app, &admin, "/contacts/new", &[]);
    assert!(new.contains("Kontakt anlegen") && new.contains("Bestätigung ausstehend"), "{new}");
    let edit = german_page(&app, &admin, &format!("/contacts/{anna}/edit"), &[]);
    assert!(edit.contains("anna@example.com bearbeiten") && edit.contains("Zurück zum Kontakt"), "{edit}");

    // The list: every contact, then a filter that can be saved, a saved search, the live search.
    let cara = created_id(app.post_form(
        &admin,
        "/contacts/new",
        "/contacts",
        &[("email", "cara@example.com"), ("status", "pending"), ("tags", "vip")],
    ));
    settle(&app);
    let list = german_page(&app, &admin, "/contacts", &[]);
    assert!(list.contains("Seite 1 von 1 · 2 Kontakte"), "{list}");
    assert!(list.contains("data-t-one=\"1 ausgewählt\"") && list.contains("data-t-other=\"{count} ausgewählt\""));
    assert!(list.contains("Newsletter per E-Mail: erteilt"), "purposes by their German name: {list}");
    let filtered = german_page(&app, &admin, "/contacts?tag=vip&engagement=opened_30d", &[]);
    assert!(filtered.contains("„Tag vip, in den letzten 30 Tagen geöffnet“ speichern als"), "{filtered}");
    let r = app.post_form(
        &admin,
        "/contacts?tag=vip",
        "/contacts/saved",
        &[("name", "Stammkunden"), ("tag", "vip"), ("status", "subscribed")],
    );
    assert_eq!(r.status(), 303);
    let saved = german_page(&app, &admin, &location(&r), &[]);
    assert!(saved.contains("title=\"angemeldet, Tag vip\""), "{saved}");
    let partial = app.get(&admin, "/contacts?q=cara&partial=1").text().unwrap();
    assert!(partial.contains("1 Treffer"), "{partial}");
    assert_eq!(english_left(&partial, &[]), Vec::<String>::new(), "the live search's results");

    // Bulk: a correction (nothing ticked), a delete to confirm for everyone matching, a job.
    let r = app.post_form(&admin, "/contacts", "/contacts/bulk", &[("action", "add_tag"), ("apply_tag", "herbst")]);
    assert_eq!(r.status(), 422);
    let fix = r.text().unwrap();
    assert!(fix.contains("Markieren Sie mindestens einen Kontakt"), "{fix}");
    assert_eq!(english_left(&fix, &[]), Vec::<String>::new(), "the bulk form to correct");
    let r = app.post_form(&admin, "/contacts", "/contacts/bulk", &[("action", "delete"), ("all", "1"), ("tag", "vip")]);
    assert_eq!(r.status(), 200);
    let confirm = r.text().unwrap();
    assert!(confirm.contains("2 Kontakte löschen?") && confirm.contains("(alle Treffer: Tag vip)"), "{confirm}");
    assert_eq!(english_left(&confirm, &[]), Vec::<String>::new(), "the delete to confirm");
    let r = app.post_form(
        &admin,
        "/contacts",
        "/contacts/bulk",
        &[("action", "add_tag"), ("apply_tag", "herbst"), ("id", anna.as_str()), ("id", cara.as_str())],
    );
    assert_eq!(r.status(), 303);
    let job = location(&r);
    let deadline = Instant::now() + Duration::from_secs(10);
    let done = loop {
        let page = german_page(&app, &admin, &job, &[]);
        if page.contains("Fertig:") || Instant::now() > deadline {
            break page;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(done.contains("Tag „herbst“ hinzufügen</strong> — 2 ausgewählte Kontakte"), "{done}");
    assert!(done.contains("Fertig: 2 von 2 Kontakten"), "{done}");

    // An English reader still reads English.
    let eve = app.signed_in_user(&admin, "eve", "marketer");
    let english = app.get(&eve, &format!("/contacts/{anna}")).text().unwrap();
    assert!(english.contains("Consent ledger") && english.contains("Sent: campaign “Herbstaktion”"), "{english}");
}

/// Uploads `csv` through the import form; returns the import's id.
fn upload(app: &TestApp, c: &Client, name: &str, csv: &str) -> String {
    let page = app.get(c, "/contacts/import").text().unwrap();
    let form = reqwest::blocking::multipart::Form::new()
        .text("csrf", csrf_of(&page))
        .part("file", reqwest::blocking::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name(name.to_string()));
    let r = c.post(format!("{}/contacts/import", app.url)).multipart(form).send().unwrap();
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    location(&r).trim_start_matches("/contacts/import/").trim_end_matches("/map").to_string()
}

#[test]
fn the_import_from_upload_to_progress_is_german() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    in_german(&app, &admin);
    german_shop(&app);
    let empty = german_page(&app, &admin, "/contacts/import", &[]);
    assert!(empty.contains("Noch keine Importe"), "{empty}");

    // A file separated by tabs: the page names the separator, the form carries it back.
    let id = upload(&app, &admin, "kunden.tsv", "E-Mail\tVorname\nanna@example.com\tAnna\nkaputt\tX\n");
    let map = german_page(&app, &admin, &format!("/contacts/import/{id}/map"), &[]);
    for german in [
        "getrennt durch <strong>Tabulator</strong>",
        "name=\"delimiter\" value=\"tab\"",
        "Vorhandene Werte überschreiben",
        "Vertrag (Art. 6 Abs. 1 lit. b)",
        "Wo und wann wurde die Einwilligung in „Newsletter per E-Mail“ eingeholt?",
        "<option value=\"email\" selected>E-Mail</option>",
    ] {
        assert!(map.contains(german), "{german}:\n{map}");
    }
    let r = admin
        .post(format!("{}/contacts/import/{id}/start", app.url))
        .form(&[
            ("csrf", csrf_of(&map).as_str()),
            ("header", "1"),
            ("delimiter", "tab"),
            ("column", "email"),
            ("column", "first_name"),
            ("policy", "fill_blanks"),
            ("tags", ""),
            ("basis", "consent"),
            ("purpose", "newsletter"),
            ("collected_for", "newsletter"),
            ("collected", "Anmeldekästchen an der Kasse, 2025"),
            ("note", ""),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let deadline = Instant::now() + Duration::from_secs(20);
    let progress = loop {
        let page = german_page(&app, &admin, &format!("/contacts/import/{id}"), &[]);
        if !page.contains("Import läuft") || Instant::now() > deadline {
            break page;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    for german in [
        "Fertig.",
        "Rechtsgrundlage: Einwilligung in „Newsletter per E-Mail“, eingeholt: Anmeldekästchen an der Kasse, 2025.",
        "Umgang mit vorhandenen Kontakten: Nur leere Felder füllen.",
        "Fehlerhafte Zeilen",
        "Bericht der fehlerhaften Zeilen",
    ] {
        assert!(progress.contains(german), "{german}:\n{progress}");
    }
    assert!(progress.contains("data-t-percent=\"{value} %\""), "the script's pattern: {progress}");
    let index = german_page(&app, &admin, "/contacts/import", &[]);
    assert!(index.contains("Letzte Importe") && index.contains(">fertig<"), "{index}");

    // Too large a file: the page says so in German.
    let mut small = app.state.config.contacts.max_upload_mb;
    small = small.max(1);
    let big = "a".repeat(((small as usize) << 20) + 1);
    let page = app.get(&admin, "/contacts/import").text().unwrap();
    let form = reqwest::blocking::multipart::Form::new()
        .text("csrf", csrf_of(&page))
        .part("file", reqwest::blocking::multipart::Part::bytes(big.into_bytes()).file_name("gross.csv"));
    let r = admin.post(format!("{}/contacts/import", app.url)).multipart(form).send().unwrap();
    assert_eq!(r.status(), 422);
    let refused = r.text().unwrap();
    assert!(refused.contains(&format!("Die Datei ist größer als {small} MiB")), "{refused}");
    assert_eq!(english_left(&refused, &[]), Vec::<String>::new());

    // An English reader still reads English.
    let eve = app.signed_in_user(&admin, "eve", "marketer");
    let english = app.get(&eve, &format!("/contacts/import/{id}")).text().unwrap();
    assert!(english.contains("Lawful basis: consent to “Newsletter email”, collected:"), "{english}");
    assert!(english.contains("Policy for existing contacts: Only fill empty fields."), "{english}");
}

#[test]
fn lists_custom_fields_and_purposes_are_german() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    in_german(&app, &admin);
    german_shop(&app);

    let lists = german_page(&app, &admin, "/lists", &[]);
    assert!(lists.contains("Noch keine Listen.") && lists.contains("Liste anlegen"), "{lists}");
    let r = app.post_form(&admin, "/lists", "/lists", &[("name", "Kunden"), ("description", "Alle mit Bestellung")]);
    assert_eq!(r.status(), 303);
    let r = app.post_form(&admin, "/lists", "/lists/kunden/visibility", &[("visible", "1")]);
    assert_eq!(r.status(), 303);
    let lists = german_page(&app, &admin, &location(&r), &[]);
    for german in
        ["Allen angeboten", "Nur Mitgliedern zeigen", "Der Schlüssel <code>kunden</code> bleibt", "Umbenennen"]
    {
        assert!(lists.contains(german), "{german}:\n{lists}");
    }
    assert!(lists.contains("Die Liste „Kunden“ löschen? 0 Kontakte werden daraus entfernt"), "{lists}");

    let fields = german_page(&app, &admin, "/settings/fields", &[]);
    assert!(fields.contains("Noch keine eigenen Felder") && fields.contains("Mehrfachauswahl"), "{fields}");
    for (label, key, kind, options, max_len) in
        [("Kundennummer", "kundennr", "text", "", "20"), ("Lieblingsfarbe", "farbe", "multi_choice", "Rot\nBlau", "")]
    {
        let r = app.post_form(
            &admin,
            "/settings/fields",
            "/settings/fields",
            &[("label", label), ("key", key), ("kind", kind), ("options", options), ("max_len", max_len)],
        );
        assert_eq!(r.status(), 303);
    }
    let fields = german_page(&app, &admin, "/settings/fields?ok=field_created", &[]);
    assert!(fields.contains("bis zu 20 Zeichen") && fields.contains("<td>Mehrfachauswahl</td>"), "{fields}");
    let refused = app.post_form(
        &admin,
        "/settings/fields",
        "/settings/fields",
        &[("label", "Größe"), ("key", "groesse"), ("kind", "text"), ("options", ""), ("max_len", "viel")],
    );
    assert_eq!(refused.status(), 422);
    assert!(refused.text().unwrap().contains("„viel“ ist keine ganze Zahl"), "the page's own check says it in German");
    for key in ["kundennr", "farbe"] {
        let field = german_page(&app, &admin, &format!("/settings/fields/{key}"), &[]);
        assert!(field.contains("Schlüssel und Typ bleiben"), "{field}");
    }

    let purposes = german_page(&app, &admin, "/purposes", &[]);
    for german in ["Newsletter per E-Mail", "Einwilligung (Art. 6 Abs. 1 lit. a)", "730 Tage", "Version"] {
        assert!(purposes.contains(german), "{german}:\n{purposes}");
    }
    let r = app.post_form(
        &admin,
        "/purposes",
        "/purposes",
        &[
            ("name", "Produktempfehlungen"),
            ("key", "produktempfehlungen"),
            ("description", "Empfehlungen nach Käufen."),
            ("basis", "consent"),
            ("wording", "Ja, empfehlen Sie mir passende Produkte."),
            ("categories", "Bestellungen"),
            ("retention_days", "1"),
            ("recipients", ""),
        ],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let purpose = "/purposes/produktempfehlungen";
    let r = app.post_form(
        &admin,
        purpose,
        &format!("{purpose}/translations/en"),
        &[("name", "Product recommendations"), ("wording", "Yes, recommend products to me.")],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let page = german_page(&app, &admin, purpose, &[]);
    for german in [
        "Aktueller Wortlaut",
        "In anderen Sprachen",
        "Textversion 2",
        "noch kein Text",
        "Name (English)",
        "Versionen des Wortlauts",
        "aktuell",
    ] {
        assert!(page.contains(german), "{german}:\n{page}");
    }
    let purposes = german_page(&app, &admin, "/purposes", &[]);
    assert!(purposes.contains("1 Tag<"), "{purposes}");
    // A purpose on another basis: names only, no wording.
    let r = app.post_form(
        &admin,
        "/purposes",
        "/purposes",
        &[
            ("name", "Vertragsdaten"),
            ("key", "vertragsdaten"),
            ("description", "Was der Vertrag verlangt."),
            ("basis", "contract"),
            ("wording", ""),
            ("categories", "Bestellungen"),
            ("retention_days", "3650"),
            ("recipients", ""),
        ],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let contract = german_page(&app, &admin, "/purposes/vertragsdaten", &[]);
    assert!(contract.contains("Noch kein Wortlaut.") && contract.contains("kein Name angegeben"), "{contract}");
    // A shipped purpose is headed by its German name. (Not walked with `english_left`: its
    // other languages' names include the Italian "Email transazionali", which the English
    // word list takes for English.)
    let shipped = app.get(&admin, "/purposes/transactional").text().unwrap();
    assert!(shipped.contains("<h1>Transaktions-E-Mails</h1>"), "{shipped}");

    // An English reader still reads English.
    let eve = app.signed_in_user(&admin, "eve", "admin");
    let english = app.get(&eve, "/purposes").text().unwrap();
    assert!(english.contains("Newsletter email") && english.contains("1 day<"), "{english}");
}

/// The segment pages in German: the list, the builder (its own words come from the page), the
/// segment's page with its definition in words, and a member's reasons on the contact page.
#[test]
fn the_segment_pages_are_german() {
    let (app, admin) = super::german_admin();
    german_shop(&app);
    let api = crate::campaigns::Api::new(&app);
    let anna = api.contact("anna@example.org", &[], &["vip"], true);
    german_page(&app, &admin, "/segments", &[]);
    let v = api.ok(
        "POST",
        "/segments",
        Some(json!({"name": "Stammkundschaft", "filter": {"all": [
            {"field": "first_name", "op": "starts_with", "value": "an"},
            {"any": [{"field": "tags", "op": "contains", "value": "vip"}, {"performed": {"kind": "page_view", "url": "/schuhe"}, "at_least": 2, "within_days": 30}]},
            {"consent": "newsletter", "state": "granted"},
        ]}})),
    );
    let id = v["segment"]["id"].as_str().unwrap().to_string();
    let deadline = Instant::now() + Duration::from_secs(10);
    while api.ok("GET", &format!("/segments/{id}"), None)["segment"]["build"]["state"] != "ready" {
        assert!(Instant::now() < deadline, "never built");
        std::thread::sleep(Duration::from_millis(20));
    }
    let list = german_page(&app, &admin, "/segments", &[]);
    assert!(list.contains("1 Kontakt") || list.contains(">1<"), "{list}");
    let builder = german_page(&app, &admin, "/segments/new", &["{\"all\":[]}"]);
    assert!(builder.contains("\"add-condition\":\"Bedingung\""), "the builder's words are German");
    let page = german_page(&app, &admin, &format!("/segments/{id}"), &["Stammkundschaft"]);
    assert!(page.contains("Vorname beginnt mit „an“"), "{page}");
    assert!(
        page.contains(
            "Hat einen Seitenaufruf an einer Adresse mit „/schuhe“ mindestens 2-mal ausgelöst in den letzten 30 Tagen"
        ),
        "{page}"
    );
    let contact = german_page(&app, &admin, &format!("/contacts/{anna}"), &["Stammkundschaft"]);
    assert!(contact.contains("trifft zu") && contact.contains("Einwilligung in „"), "{contact}");
    // The contact list filtered by the segment, reached from its page.
    assert!(page.contains("Diese Mitglieder durchsuchen und exportieren"), "{page}");
    let members = german_page(&app, &admin, &format!("/contacts?segment={id}"), &["Stammkundschaft"]);
    assert!(members.contains("anna@example.org") && members.contains("im Segment Stammkundschaft"), "{members}");
    let gone = tidings::domain::SegmentId::new();
    let none = german_page(&app, &admin, &format!("/contacts?segment={gone}"), &[]);
    assert!(none.contains("Dieses Segment gibt es nicht"), "{none}");
}
