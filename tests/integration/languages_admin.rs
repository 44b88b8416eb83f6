//! The admin pages in German, group by group: a staff member who chose German reads every page
//! of the group without English left over (`helpers::english_left`), and English stays English
//! for the others. One module per group of pages, each in its own file below.

#[path = "languages_admin/access.rs"]
mod access;
#[path = "languages_admin/campaigns.rs"]
mod campaigns;
#[path = "languages_admin/contacts.rs"]
mod contacts;
#[path = "languages_admin/privacy.rs"]
mod privacy;

use crate::helpers::{TestApp, NEW_PASSWORD};
use reqwest::blocking::Client;

/// An app with its administrator signed in, reading the admin pages in German.
pub fn german_admin() -> (TestApp, Client) {
    let app = crate::helpers::spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let r = app.post_form(&admin, "/account", "/account/language", &[("language", "de")]);
    assert_eq!(r.status(), 303);
    (app, admin)
}

/// The page at `path` in German, with no English left but `allowed`.
pub fn german_page(app: &TestApp, admin: &Client, path: &str, allowed: &[&str]) -> String {
    let r = app.get(admin, path);
    assert!(r.status().is_success(), "{path}: {}", r.status());
    let page = r.text().unwrap();
    assert!(page.contains("<html lang=\"de\">"), "{path} says it is German");
    let left = crate::helpers::english_left(&page, allowed);
    assert!(left.is_empty(), "{path} still has English: {left:#?}");
    page
}

/// The pages converted first: the frame, the dashboard, the account, the campaigns and contacts
/// lists.
#[test]
fn the_first_pages_are_german_throughout() {
    let (app, admin) = german_admin();
    for path in ["/account?ok=language_saved", "/campaigns", "/contacts", "/"] {
        german_page(&app, &admin, path, &[]);
    }
}
