//! The language of a public page (see `crate::i18n` for the order of choice) and the pieces
//! every public page shows: the shop, the language switch, `<html lang>`.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpRequest, HttpResponse};
use minijinja::{context, Value};

use crate::http::error::ApiError;
use crate::i18n::{self, Language, Wish};
use crate::state::AppState;

/// A public page being answered, in the language chosen for its reader.
pub struct PublicPage<'a> {
    state: &'a AppState,
    pub lang: &'static Language,
    /// The page's own path, for the language switch.
    path: String,
    /// The reader chose the language on the page (`?lang=`): its links and forms carry it on.
    explicit: bool,
}

/// `?lang=` on the page's address (the language switch, and every form's action on a page
/// that was switched).
fn explicit(req: &HttpRequest) -> Option<String> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.chars().take(35).collect())
}

impl<'a> PublicPage<'a> {
    /// The page for `req`; `contact` is the reader's own language when the page knows who
    /// reads it (a link from a mail).
    pub fn new(state: &'a AppState, req: &HttpRequest, contact: Option<&str>) -> Self {
        Self::with_default(state, req, contact, None)
    }

    /// As [`PublicPage::new`], with the page's own default language (a form's) before the
    /// shop's.
    pub fn with_default(state: &'a AppState, req: &HttpRequest, contact: Option<&str>, own: Option<&str>) -> Self {
        let explicit = explicit(req);
        let accept = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        let default = own.map(str::to_string).or_else(|| state.settings.get().ok().map(|s| s.language));
        let lang = i18n::catalogue().choose(&Wish {
            explicit: explicit.as_deref(),
            contact,
            accept_language: accept,
            default: default.as_deref(),
        });
        let explicit = explicit.is_some_and(|e| i18n::catalogue().find(&e).is_some());
        Self { state, lang, path: req.path().to_string(), explicit }
    }

    /// The same page for a reader whose own language is now known.
    pub fn for_contact(self, req: &HttpRequest, contact: Option<&str>) -> Self {
        Self::new(self.state, req, contact)
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.text(key, None)
    }

    pub fn t_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        let args = i18n::args(args.iter().map(|(k, v)| (*k, i18n::Arg::from(*v))));
        self.lang.text(key, Some(&args))
    }

    /// `?lang=xx` when the reader switched the language, for the page's own forms and links
    /// so that it stays switched; empty otherwise (the next page chooses the same way).
    pub fn query(&self) -> String {
        if self.explicit {
            format!("?lang={}", self.lang.code)
        } else {
            String::new()
        }
    }

    /// `&lang=xx` to add to a query, as [`PublicPage::query`].
    pub fn and_query(&self) -> String {
        self.query().replacen('?', "&", 1)
    }

    fn switch(&self) -> Vec<Value> {
        i18n::catalogue()
            .languages()
            .iter()
            .map(|l| {
                context! {
                    code => l.code, name => l.name, current => l.code == self.lang.code,
                    href => format!("{}?lang={}", self.path, l.code),
                }
            })
            .collect()
    }

    pub fn render(&self, status: StatusCode, template: &str, ctx: Value) -> Result<HttpResponse, ApiError> {
        let settings = self.state.settings.get().unwrap_or_default();
        let shop = context! {
            name => settings.organisation.clone(), postal_address => settings.address_line(),
            dpo_contact => settings.dpo_contact.clone(),
        };
        let body = crate::http::templates::templates().render(
            template,
            context! {
                shop => shop, lang => self.lang.code, languages => self.switch(), lang_query => self.query(),
                tz => settings.time_zone, ..ctx
            },
        )?;
        // An HTML body keeps the error handler from replacing it with the admin error page.
        Ok(HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CONTENT_LANGUAGE, self.lang.code.clone()))
            .body(body))
    }

    /// None when the client may go ahead; the 429 page otherwise (public pages share one
    /// limit per network).
    pub fn limited(&self, ctx: &crate::http::guard::Ctx) -> Option<Result<HttpResponse, ApiError>> {
        if self.state.public_limiter.check(ctx.0.client.ip) {
            return None;
        }
        Some(self.message(StatusCode::TOO_MANY_REQUESTS, "too-many-requests").map(|mut r| {
            r.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("60"));
            r
        }))
    }

    /// A page with a heading and a text: the message `key` and its `.text`.
    pub fn message(&self, status: StatusCode, key: &str) -> Result<HttpResponse, ApiError> {
        self.message_text(status, &self.t(key), &self.t(&format!("{key}.text")))
    }

    pub fn message_text(&self, status: StatusCode, title: &str, text: &str) -> Result<HttpResponse, ApiError> {
        self.render(
            status,
            "public_message.html",
            context! { title => title, text => text, kind => if status.is_success() { "ok" } else { "error" } },
        )
    }
}
