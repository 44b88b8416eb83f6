//! What a new shop meets in its first hour (issue 19): dates in the shop's time zone, refused
//! forms that keep what was typed, "assign to me", the postal address as people write it.

use crate::helpers::*;

/// The request register's pages as a DPO uses them.
fn settings(app: &TestApp, c: &reqwest::blocking::Client, fields: &[(&str, &str)]) {
    let mut all = vec![("organisation", "Kaffeerösterei Müller")];
    all.extend_from_slice(fields);
    let r = app.post_form(c, "/settings", "/settings", &all);
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
}

#[test]
fn a_request_received_today_registers_at_any_hour_and_a_refused_one_keeps_what_was_typed() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    // UTC+14: the shop's "today" is always a day whose noon in UTC is still to come, which is
    // what the register refused before 12:00 UTC.
    settings(&app, &c, &[("time_zone", "Pacific/Kiritimati")]);
    let tz: chrono_tz::Tz = "Pacific/Kiritimati".parse().unwrap();
    let today = chrono::Utc::now().with_timezone(&tz).date_naive().format("%Y-%m-%d").to_string();
    let page = app.get(&c, "/requests").text().unwrap();
    assert!(page.contains(&format!("value=\"{today}\"")), "the form is pre-filled with the shop's today");
    let r = app.post_form(
        &c,
        "/requests",
        "/requests",
        &[
            ("kind", "access"),
            ("channel", "email"),
            ("email", "kunde@example.org"),
            ("received_on", &today),
            ("message", "Bitte Auskunft"),
        ],
    );
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    assert!(location(&r).starts_with("/requests/"));

    // A date to come is refused: the page comes back with the field named and everything kept.
    let r = app.post_form(
        &c,
        "/requests",
        "/requests",
        &[
            ("kind", "erasure"),
            ("channel", "letter"),
            ("email", "brief@example.org"),
            ("received_on", "2099-01-01"),
            ("message", "Ich möchte gelöscht werden, Zeile zwei"),
        ],
    );
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("in the future"), "the reason is shown");
    assert!(page.contains("Ich möchte gelöscht werden, Zeile zwei"), "the message is kept");
    assert!(page.contains("value=\"brief@example.org\""), "the address is kept");
    assert!(page.contains("value=\"2099-01-01\""), "the date is kept");
    assert!(page.contains(r#"<option value="erasure" selected>"#), "the kind is kept");
    assert!(page.contains(r#"<option value="letter" selected>"#), "the channel is kept");
    assert!(page.contains(r#"id="received_on" name="received_on" type="date" value="2099-01-01""#));
}

#[test]
fn assign_to_me_assigns_and_keeps_the_other_changes() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(
        &c,
        "/requests",
        "/requests",
        &[("kind", "access"), ("channel", "email"), ("email", "a@example.org")],
    );
    let at = location(&r);
    let path = at.split('?').next().unwrap().to_string();
    let page = app.get(&c, &path).text().unwrap();
    let marker = "name=\"assignee\" value=\"";
    let start = page.find(marker).expect("an Assign to me box") + marker.len();
    let value = &page[start..start + page[start..].find('"').unwrap()];
    assert!(value.starts_with("person:"), "the box names the user, not their whole record: {value}");
    let r = app.post_form(&c, &path, &path, &[("verification", "verified"), ("assignee", value)]);
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let id: tidings::domain::RequestId = path.trim_start_matches("/requests/").parse().unwrap();
    let saved = app.state.gdpr.requests.get(&id).unwrap().unwrap();
    let me = app.state.users.find_by_username("admin").unwrap().unwrap();
    assert_eq!(saved.assignee.as_deref(), Some(me.id.reference().as_str()));
    assert_eq!(saved.verification.as_str(), "verified");
    let page = app.get(&c, &path).text().unwrap();
    assert!(page.contains("Handled by</dt><dd>admin") || page.contains("Handled by</dt><dd>Admin"), "{page}");
}

#[test]
fn the_postal_address_prints_as_it_is_written() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    settings(&app, &c, &[("postal_address", "Hauptstraße 1 \r\n 10115 Berlin\r\n\r\nGermany\r\n")]);
    let s = app.state.settings.get().unwrap();
    assert_eq!(s.postal_address, "Hauptstraße 1\n10115 Berlin\nGermany");
    let public = bare_client().get(format!("{}/privacy", app.url)).send().unwrap().text().unwrap();
    assert!(public.contains("Hauptstraße 1, 10115 Berlin, Germany"), "{public}");
    assert!(!public.contains(" ,"), "no blank before a comma");
}

/// Two-factor authentication required by role: enforced at sign-in (enrolment before anything
/// else), and the records of processing say what is configured, not what could be.
#[test]
fn two_factor_required_by_role_is_enforced_and_the_records_say_so() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let dpo = app.admin_token(&["manage_gdpr"]);
    let records = || {
        let r =
            bare_client().get(format!("{}/api/v1/records-of-processing", app.url)).bearer_auth(&dpo).send().unwrap();
        assert_eq!(r.status(), 200);
        r.json::<serde_json::Value>().unwrap()["technical_and_organisational_measures"].to_string()
    };
    assert!(records().contains("available to every user, required of none"), "{}", records());

    settings(&app, &admin, &[("two_factor_required", "marketer")]);
    assert!(records().contains("required of Marketer"), "{}", records());
    let page = app.get(&admin, "/settings").text().unwrap();
    assert!(page.contains(r#"value="marketer" checked"#), "the box stays ticked");

    // A marketer without a second factor goes to enrolment first, whatever they open.
    let mara = app.signed_in_user(&admin, "mara", "marketer");
    for path in ["/", "/contacts", "/campaigns"] {
        let r = app.get(&mara, path);
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/account?ok=two_factor_required".to_string()), "{path}");
    }
    let r = app.get(&mara, "/api/v1/me");
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<serde_json::Value>().unwrap()["code"], "second_factor_enrolment_required");
    let page = app.get(&mara, "/account?ok=two_factor_required").text().unwrap();
    assert!(page.contains("Your role requires two-factor authentication"), "{page}");
    // Enrolled, the marketer works as before; roles not ticked were never stopped.
    crate::auth::enrol_totp(&app, &mara);
    let r = app.get(&mara, "/contacts");
    assert_eq!(r.status(), 200, "{}", location(&r));
    assert_eq!(app.get(&admin, "/contacts").status(), 200);

    settings(&app, &admin, &[("two_factor_everyone", "1")]);
    assert!(records().contains("required of every user"), "{}", records());
    // The admin has no second factor: the next page is enrolment.
    assert_eq!(location(&app.get(&admin, "/contacts")), "/account?ok=two_factor_required");
}

/// The dashboard (for those who manage settings) and `tidings check` say, in words, what will
/// go wrong as configured: here, links to localhost, a sender other servers refuse, no relay.
#[test]
fn the_dashboard_and_check_warn_about_what_will_go_wrong() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let page = app.get(&admin, "/").text().unwrap();
    let at = page.find(r#"id="config-warnings""#).expect("a warnings list");
    let block = &page[at..at + page[at..].find("</ul>").unwrap()];
    assert!(block.contains("only this machine can open"), "{block}");
    assert!(block.contains("No SMTP relay is configured"), "{block}");
    assert!(block.contains("other mail servers refuse"), "{block}");
    // An analyst (no settings permission) is not shown configuration advice.
    let ana = app.signed_in_user(&admin, "ana", "analyst");
    assert!(!app.get(&ana, "/").text().unwrap().contains("config-warnings"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["check", "--data-dir"])
        .arg(app.data_dir())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[mail.relays] No SMTP relay is configured"), "{text}");
}

/// A campaign's page and the list say who it goes to and why in people's words (list and
/// saved-search names, the purpose's name), and a finished campaign no longer says it is
/// being sent.
#[test]
fn campaigns_name_their_audience_and_purpose_and_a_sent_one_says_so() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let by = tidings::ops::By::cli();
    tidings::contacts::ops::create_list(&app.state, by, "Coffee lovers", "").unwrap();
    let saved = tidings::contacts::ops::save_search(
        &app.state,
        by,
        None,
        "Roasters",
        tidings::contacts::saved::Filters { status: Some("subscribed".into()), ..Default::default() },
    )
    .unwrap();
    let c = tidings::sending::ops::create_campaign(
        &app.state,
        by,
        &tidings::sending::ops::CampaignInput {
            name: Some("Only the saved search".into()),
            subject: Some("Hello".into()),
            body: Some("Hello".into()),
            saved_search: Some(saved.id.to_string()),
            ..Default::default()
        },
    )
    .unwrap();
    let list = app.get(&admin, "/campaigns").text().unwrap();
    assert!(list.contains("saved search “Roasters”"), "the list names the saved search");
    let slug = app.state.lists.all().unwrap()[0].slug.clone();
    tidings::sending::ops::update_campaign(
        &app.state,
        by,
        &c.id,
        &tidings::sending::ops::CampaignInput { lists: Some(vec![slug]), ..Default::default() },
    )
    .unwrap();
    let list = app.get(&admin, "/campaigns").text().unwrap();
    assert!(list.contains("lists Coffee lovers, within saved search “Roasters”"), "list names, not keys");

    // Sent (to nobody: the list is empty): the page says sent, not "being sent".
    tidings::sending::ops::schedule_campaign(&app.state, by, &c.id, None).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !app.state.sending.campaigns.get(&c.id).unwrap().unwrap().state.finished() {
        assert!(std::time::Instant::now() < deadline, "the campaign did not finish");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let page = app.get(&admin, &format!("/campaigns/{}?ok=campaign_started", c.id)).text().unwrap();
    assert!(!page.contains("The campaign is being sent."), "a finished campaign is not being sent");
    assert!(page.contains("<dt>Purpose</dt><dd>Newsletter email</dd>"), "the purpose by its name: {page}");
    assert!(page.contains("<dt>Audience</dt><dd>lists Coffee lovers, within saved search “Roasters”</dd>"), "{page}");
}

/// `/metrics` tells "mail is stuck" and "backups stopped" apart from a healthy server: messages
/// by outcome, bounces, the outbox, campaigns running, tracking hits, imports, backup age.
#[test]
fn metrics_count_mail_bounces_imports_and_the_backup_age() {
    fn refuse_bob(rcpt: &str) -> Option<&'static str> {
        rcpt.contains("bob").then_some("550 5.1.1 no such user")
    }
    let sink = crate::smtp_sink::SmtpSink::start(crate::smtp_sink::SinkOptions {
        rcpt_reply: refuse_bob,
        ..Default::default()
    });
    let app = spawn_app_with(|c| crate::campaigns::mail_config(c, sink.port()));
    let admin = app.login_admin(NEW_PASSWORD);
    let metric = |name: &str| -> i64 {
        let text = app.get(&admin, "/metrics").text().unwrap();
        text.lines()
            .find(|l| l.starts_with(name) && l[name.len()..].starts_with(' '))
            .map(|l| l.rsplit(' ').next().unwrap().parse::<f64>().unwrap() as i64)
            .unwrap_or(0)
    };
    assert_eq!(metric("tidings_backup_age_seconds"), -1, "no backup yet");
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    api.contact("ann@example.org", &["news"], &[], true);
    api.contact("bob@example.org", &["news"], &[], true);
    let c = api.ok(
        "POST",
        "/campaigns",
        Some(serde_json::json!({"name": "M", "subject": "Hi", "body": "Hi", "lists": ["news"]})),
    );
    let id = c["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    api.wait_state(&id, "sent", std::time::Duration::from_secs(20));
    assert_eq!(metric(r#"tidings_messages_total{outcome="sent"}"#), 1);
    assert_eq!(metric(r#"tidings_messages_total{outcome="failed"}"#), 1);
    assert_eq!(metric(r#"tidings_bounces_total{outcome="hard"}"#), 1);
    assert_eq!(metric("tidings_campaigns_running"), 0);
    assert_eq!(metric("tidings_outbox_depth"), 0);
    let imported = crate::erasure::import_csv(
        &app,
        &admin,
        "email,first_name,last_name\ncleo@example.org,Cleo,B\nnot-an-address,X,Y\n",
    );
    assert_eq!(imported["status"], "done", "{imported}");
    assert_eq!(metric(r#"tidings_import_rows_total{outcome="created"}"#), 1);
    assert_eq!(metric(r#"tidings_import_rows_total{outcome="invalid"}"#), 1);
    tidings::store::backup::create_in_dir(&app.state.store, &app.state.config.backup_dir(), None).unwrap();
    let age = metric("tidings_backup_age_seconds");
    assert!((0..60).contains(&age), "{age}");
}

/// Every marketing mail's footer says who is writing and where they are (Impressum,
/// CAN-SPAM), and so does every system mail (a sign-up confirmation, a portal link).
#[test]
fn every_mail_names_the_organisation_and_its_postal_address() {
    let sink = crate::smtp_sink::SmtpSink::start(Default::default());
    let app = spawn_app_with(|c| crate::campaigns::mail_config(c, sink.port()));
    let admin = app.login_admin(NEW_PASSWORD);
    settings(&app, &admin, &[("postal_address", "Hauptstraße 1\r\n10115 Berlin")]);
    let api = crate::campaigns::Api::new(&app);
    api.list("News");
    api.contact("ann@example.org", &["news"], &[], true);
    let c = api.ok(
        "POST",
        "/campaigns",
        Some(serde_json::json!({"name": "F", "subject": "Hi", "body": "Hi", "lists": ["news"]})),
    );
    let id = c["campaign"]["id"].as_str().unwrap().to_string();
    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    api.wait_state(&id, "sent", std::time::Duration::from_secs(20));
    // A system message too: the privacy portal's link.
    bare_client().post(format!("{}/privacy", app.url)).form(&[("email", "ann@example.org")]).send().unwrap();
    let mails = sink.wait_for_within(2, std::time::Duration::from_secs(20));
    assert_eq!(mails.len(), 2);
    for m in &mails {
        let msg = mail_parser::MessageParser::default().parse(&m.data).unwrap();
        let html = msg.body_html(0).unwrap().to_string();
        let text = msg.body_text(0).unwrap().to_string();
        for part in [&html, &text] {
            assert!(part.contains("Kaffeerösterei Müller"), "{part}");
            assert!(part.contains("Hauptstraße 1, 10115 Berlin"), "{part}");
        }
    }
}

/// Lists can be renamed and described (page and API); their key stays, so campaigns, forms
/// and contacts that name the list keep working; a refused name comes back with what was typed.
#[test]
fn lists_are_renamed_and_described_and_keep_their_key() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let l = tidings::contacts::ops::create_list(&app.state, tidings::ops::By::cli(), "Kaffee", "").unwrap();
    let r = app.post_form(
        &admin,
        "/lists",
        &format!("/lists/{}", l.slug),
        &[("name", "Kaffeefreunde"), ("description", "Monatlich, neue Röstungen")],
    );
    assert_eq!(r.status(), 303);
    let saved = app.state.lists.get(&l.slug).unwrap().unwrap();
    assert_eq!((saved.name.as_str(), saved.description.as_str()), ("Kaffeefreunde", "Monatlich, neue Röstungen"));
    let r = app.post_form(
        &admin,
        "/lists",
        &format!("/lists/{}", l.slug),
        &[("name", "  "), ("description", "typed text kept")],
    );
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("typed text kept"));
    let token = app.admin_token(&["edit_contacts"]);
    let r = bare_client()
        .patch(format!("{}/api/v1/lists/{}", app.url, l.slug))
        .bearer_auth(token)
        .json(&serde_json::json!({"name": "Kaffee & Kuchen"}))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: serde_json::Value = r.json().unwrap();
    assert_eq!((v["name"].as_str(), v["slug"].as_str()), (Some("Kaffee & Kuchen"), Some(l.slug.as_str())));
}

/// A whole address typed into the search finds that contact first, on the page and in the API,
/// however many others match it as a prefix; the following pages do not repeat it.
#[test]
fn a_whole_address_typed_into_the_search_comes_first() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let api = crate::campaigns::Api::new(&app);
    // The one typed in full is the oldest: newest first would put it last.
    api.contact("k9-1-1-1@example.org", &[], &[], false);
    for i in 0..30 {
        api.contact(&format!("k9-1-1-1{i}@example.org"), &[], &[], false);
    }
    assert!(app.state.search.wait_for(app.state.contacts.last_logged().unwrap()), "the index caught up");
    let (_, first) = api.call("GET", "/contacts?q=k9-1-1-1%40example.org&limit=5", None);
    assert_eq!(first["contacts"][0]["email"], "k9-1-1-1@example.org", "{first}");
    let mut next = first["next"].as_str().map(str::to_string);
    while let Some(cursor) = next {
        let (_, page) = api.call(
            "GET",
            &format!("/contacts?q=k9-1-1-1%40example.org&limit=5&cursor={}", tidings::http::urlencode(&cursor)),
            None,
        );
        assert!(!page.to_string().contains("\"k9-1-1-1@example.org\""), "repeated on a later page: {page}");
        next = page["next"].as_str().map(str::to_string);
    }
    let html = app.get(&admin, "/contacts?q=k9-1-1-1%40example.org").text().unwrap();
    let at = |needle: &str| html.find(needle).unwrap_or(usize::MAX);
    assert!(at(">k9-1-1-1@example.org<") < at(">k9-1-1-129@example.org<"), "first on the page too");
}

/// The audit log can be filtered by every family of actions (contacts, campaigns, requests …),
/// and names users by their login name.
#[test]
fn the_audit_log_filters_by_contacts_campaigns_and_requests() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let api = crate::campaigns::Api::new(&app);
    api.contact("ann@example.org", &[], &[], false);
    let page = app.get(&admin, "/audit").text().unwrap();
    for family in ["contact.", "campaign.", "request.", "breach."] {
        assert!(page.contains(&format!(r#"<option value="{family}""#)), "{family} offered");
    }
    let contacts = app.get(&admin, "/audit?action=contact.").text().unwrap();
    assert!(contacts.contains("<code>contact.created</code>"), "{contacts}");
    assert!(!contacts.contains("<code>auth.login</code>"), "only contact entries");
}

/// A new shop sees a getting-started checklist on its dashboard; steps tick off as they are
/// done (read off the store and the config), and the list goes once all are.
#[test]
fn the_dashboard_has_a_getting_started_checklist_until_done() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let page = app.get(&admin, "/").text().unwrap();
    assert!(page.contains(r#"id="getting-started""#));
    assert!(page.contains(">Create a list</a>"), "not done yet: a link");
    tidings::contacts::ops::create_list(&app.state, tidings::ops::By::cli(), "News", "").unwrap();
    let page = app.get(&admin, "/").text().unwrap();
    assert!(page.contains("<s>Create a list</s>"), "done: struck through");
    assert!(!app.get(&app.signed_in_user(&admin, "mia", "marketer"), "/").text().unwrap().contains("getting-started"));
}

/// The audit log and a request's history name what they refer to (user names, campaign and
/// file names) instead of raw ids; a contact's address only for readers who may see it.
#[test]
fn the_audit_log_and_request_history_show_names_not_ids() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let api = crate::campaigns::Api::new(&app);
    api.contact("ann@example.org", &[], &[], false);
    let v = api.ok("POST", "/campaigns", Some(serde_json::json!({"name": "Winter roast", "subject": "Hi"})));
    let campaign = v["campaign"]["id"].as_str().unwrap().to_string();
    let page = app.get(&admin, "/audit").text().unwrap();
    assert!(page.contains("campaign “Winter roast”"), "the campaign by name:\n{page}");
    assert!(page.contains(&format!("campaigns&#x2f;{campaign}\"")), "and a link to it");
    assert!(page.contains(">ann@example.org</a>"), "the contact's address for an admin");

    let dpo = app.signed_in_user(&admin, "dora", "dpo");
    let r = app.post_form(
        &dpo,
        "/requests",
        "/requests",
        &[("kind", "access"), ("channel", "email"), ("email", "ann@example.org")],
    );
    let path = location(&r).split('?').next().unwrap().to_string();
    let me = app.state.users.find_by_username("dora").unwrap().unwrap().id.reference();
    let r = app.post_form(&dpo, &path, &path, &[("assignee", me.as_str())]);
    assert_eq!(r.status(), 303, "{}", r.text().unwrap_or_default());
    let page = app.get(&dpo, &path).text().unwrap();
    assert!(!page.contains("person:"), "no raw user reference in the history:\n{page}");
    assert!(page.contains("assigned to dora") && page.contains("(dora)"), "{page}");
}

/// (form path, fields posted, the field refused, what the page must show again)
type RefusedForm<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str, Vec<&'a str>);

/// Every admin form that refuses input comes back with what was typed and the field named:
/// users, API tokens, custom fields, purposes and lists.
#[test]
fn refused_admin_forms_keep_what_was_typed() {
    let app = spawn_app();
    let c = app.login_admin(NEW_PASSWORD);
    let cases: [RefusedForm; 5] = [
        (
            "/users",
            vec![("username", "x y!"), ("display_name", "Greta Gärtner"), ("role", "marketer")],
            "username",
            vec![r#"value="x y!""#, r#"value="Greta Gärtner""#, r#"value="marketer" checked"#],
        ),
        (
            "/tokens",
            vec![
                ("name", "shop backend"),
                ("scope", "view_contacts"),
                ("scope", "record_events"),
                ("expires_days", "9999"),
            ],
            "expires_days",
            vec![
                r#"value="shop backend""#,
                r#"value="view_contacts" checked"#,
                r#"value="record_events" checked"#,
                r#"value="9999""#,
            ],
        ),
        (
            "/settings/fields",
            vec![("key", "Shoe Size"), ("label", "Schuhgröße"), ("kind", "number"), ("options", ""), ("max_len", "")],
            "key",
            vec![r#"value="Shoe Size""#, r#"value="Schuhgröße""#],
        ),
        (
            "/purposes",
            vec![
                ("key", "loyalty"),
                ("name", ""),
                ("description", "Punkte sammeln"),
                ("basis", "consent"),
                ("retention_days", "400"),
            ],
            "name",
            vec!["Punkte sammeln", r#"value="400""#],
        ),
        ("/lists", vec![("name", ""), ("description", "Stammkunden in Berlin")], "name", vec!["Stammkunden in Berlin"]),
    ];
    for (path, fields, field, kept) in cases {
        let page_path = if path == "/users" { "/users/new" } else { path };
        let r = app.post_form(&c, page_path, path, &fields);
        assert_eq!(r.status(), 422, "{path}");
        let body = r.text().unwrap();
        assert!(body.contains(&format!(r#"id="{field}""#)) && body.contains("aria-invalid"), "{path}: {field} named");
        for k in kept {
            assert!(body.contains(k), "{path} keeps {k}:\n{body}");
        }
    }
}
