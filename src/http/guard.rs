//! Authentication and authorization at the edge.
//!
//! The `context` middleware resolves, once per request, the session cookie or bearer token into
//! a [`RequestCtx`]. Handlers then ask for what they need by type:
//! - [`Guard<P>`]: a signed-in principal (session at full stage, or API token) allowed `P`;
//! - [`CsrfForm<T>`]: a form body whose `csrf` field matches the session (or pre-login cookie);
//! - [`Ctx`]: the raw context for pages that work signed in or not (login, 2FA).
//!

//! Nothing else in the HTTP layer tests roles.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;

use super::client::ClientInfo;
use super::error::{ApiError, Code};
use crate::audit::Actor;
use crate::auth::sessions::Found;
use crate::auth::{ApiToken, Stage, User};
use crate::domain::Permission;
use crate::state::{blocking, AppState};

pub const SESSION_COOKIE: &str = "__Host-tidings_session";
pub const PRE_COOKIE: &str = "__Host-tidings_pre";

#[derive(Clone, Default)]
pub struct RequestCtx {
    pub client: ClientInfo,
    pub session: Option<Found>,
    /// The session's user (any stage), or the token's owner.
    pub user: Option<User>,
    pub token: Option<ApiToken>,
    /// The pre-login cookie value (CSRF for the login form).
    pub pre: Option<String>,
    /// The user's role must use a second factor, which they have not set up: only the
    /// enrolment pages are open to them.
    pub must_enrol: bool,
}

impl RequestCtx {
    pub fn expected_csrf(&self, state: &AppState) -> Option<String> {
        match (&self.session, &self.pre) {
            (Some(s), _) => Some(s.session.csrf.clone()),
            (None, Some(pre)) => Some(pre_csrf(state, pre)),
            _ => None,
        }
    }
}

pub fn pre_csrf(state: &AppState, pre: &str) -> String {
    hex::encode(&state.store.keyring().lookup_hash("tidings/pre-csrf", pre.as_bytes())[..16])
}

/// Resolves the caller once per request.
pub async fn context<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let path = req.path();
    // Assets, health checks and tracking hits (`/o/`, `/c/`: a signed token is their whole
    // authority, and a pixel must not cost a session lookup) need no caller. Nor does the
    // website tracker (`/t.js`, `/t/collect`): it is posted cross-origin from the shop's
    // pages by design, checks the origin against `tracking.sites` itself, and reads no cookie.
    if path.starts_with("/static/")
        || path == "/healthz"
        || path.starts_with("/o/")
        || path.starts_with("/c/")
        || path.starts_with("/t/")
        || path == "/t.js"
    {
        return next.call(req).await.map(|r| r.map_into_left_body());
    }
    let state = req.app_data::<web::Data<AppState>>().expect("state is registered").clone();
    let client = ClientInfo::from_request(req.request(), &state.config);
    let cookie = req.cookie(SESSION_COOKIE).map(|c| c.value().to_string());
    let pre = req.cookie(PRE_COOKIE).map(|c| c.value().to_string()).filter(|v| v.len() <= 64);
    let bearer = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|v| v.trim().to_string())
        // Only our own token format is an API token; `/metrics` has its own bearer secret.
        .filter(|v| v.starts_with("tdg_"));

    // A state change carried by cookies must come from our own pages. Exempt, because a signed
    // token or the form itself is their authority and no cookie is read: the RFC 8058
    // one-click unsubscribe (`/u/…`, posted by the mail provider or the reader's mail client)
    // and subscribe forms (`/f/…`, posted from the shop's own site by design).
    let public_post = path.starts_with("/u/") || path.starts_with("/f/");
    if !req.method().is_safe() && bearer.is_none() && !public_post {
        if let Some(origin) = req.headers().get("origin").and_then(|v| v.to_str().ok()) {
            let host = req.connection_info().host().to_string();
            let origin_host = origin.split("://").nth(1).unwrap_or("");
            if origin != "null" && origin_host != host {
                let err = ApiError::new(Code::CsrfFailed, "Cross-site request refused.");
                return Ok(req.error_response(err).map_into_right_body());
            }
        }
    }

    if bearer.is_none() && cookie.is_none() {
        // Signed-out visitors (login page, metrics scrapes) need no trip to the store.
        req.extensions_mut().insert(RequestCtx {
            client,
            session: None,
            user: None,
            token: None,
            pre,
            must_enrol: false,
        });
        return next.call(req).await.map(|r| r.map_into_left_body());
    }
    let st = state.clone();
    let bearer_present = bearer.is_some();
    let resolved = match blocking(move || -> Result<_, ApiError> {
        if let Some(b) = bearer {
            let Some(token) = st.tokens.authenticate(&b)? else { return Ok((None, None, None, true)) };
            let user = st.users.get(&token.owner)?.filter(|u| !u.disabled);
            return Ok((None, user, Some(token), false));
        }
        if let Some(c) = cookie {
            if let Some(found) = st.sessions.find(&c)? {
                let user = st.users.get(&found.session.user)?.filter(|u| !u.disabled);
                if let Some(u) = &user {
                    let must_enrol = u.totp.is_none() && st.settings.get()?.requires_two_factor(u.role);
                    return Ok((Some(found), user, None, must_enrol));
                }
                st.sessions.revoke(&found.key)?;
            }
        }
        Ok((None, None, None, false))
    })
    .await
    {
        Ok(r) => r,
        Err(e) => return Ok(req.error_response(e).map_into_right_body()),
    };
    let (session, user, token, must_enrol) = resolved;
    // Enrolment itself, the account page it starts from, and signing out stay open.
    let enrolling = path.starts_with("/account/2fa") || path == "/account" || path == "/logout";
    let must_enrol = must_enrol && !enrolling;
    let bearer_used = bearer_present;
    if bearer_used && token.is_none() {
        let err = ApiError::new(Code::Unauthenticated, "The API token is invalid, expired or revoked.");
        return Ok(req.error_response(err).map_into_right_body());
    }
    let ctx = RequestCtx { client, session, user, token, pre, must_enrol };
    super::observe::record_caller(&ctx);
    req.extensions_mut().insert(ctx);
    next.call(req).await.map(|r| r.map_into_left_body())
}

fn ctx_of(req: &HttpRequest) -> RequestCtx {
    req.extensions().get::<RequestCtx>().cloned().unwrap_or_default()
}

/// The request context, for pages that serve signed-out visitors too.
pub struct Ctx(pub RequestCtx);

impl FromRequest for Ctx {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(Ctx(ctx_of(req))))
    }
}

/// A caller that is fully signed in (or holds a token), whatever their role.
#[derive(Clone)]
pub struct Principal {
    pub user: User,
    pub token: Option<ApiToken>,
    pub session: Option<Found>,
    pub client: ClientInfo,
}

impl Principal {
    /// The role allows it and, for a token, so does the token's scope.
    pub fn can(&self, p: Permission) -> bool {
        self.user.role.allows(p) && self.token.as_ref().is_none_or(|t| t.scopes.contains(&p))
    }

    /// What this caller may see of people's personal data.
    pub fn viewer(&self) -> crate::contacts::viewer::Viewer {
        crate::contacts::viewer::Viewer::new(|p| self.can(p))
    }

    pub fn actor(&self) -> Actor {
        match &self.token {
            Some(t) => Actor::Token(t.id),
            None => Actor::User(self.user.id),
        }
    }

    /// Who acts, for the shared operations and their audit entries.
    pub fn by(&self) -> crate::ops::By {
        crate::ops::By { actor: self.actor(), ip: self.client.truncated(), role: Some(self.user.role) }
    }

    pub fn csrf(&self) -> String {
        self.session.as_ref().map(|s| s.session.csrf.clone()).unwrap_or_default()
    }

    fn from_ctx(ctx: RequestCtx) -> Result<Self, ApiError> {
        let Some(user) = ctx.user else { return Err(ApiError::unauthenticated()) };
        if let Some(s) = &ctx.session {
            match s.session.stage {
                Stage::NeedsSecondFactor => {
                    return Err(ApiError::new(Code::SecondFactorRequired, "Enter your authentication code first."))
                }
                Stage::NeedsPasswordChange => {
                    return Err(ApiError::new(Code::PasswordChangeRequired, "Choose a new password first."))
                }
                Stage::Full if ctx.must_enrol => {
                    return Err(ApiError::new(
                        Code::SecondFactorEnrolmentRequired,
                        "Your role requires two-factor authentication: set it up first.",
                    ))
                }
                Stage::Full => {}
            }
        }
        Ok(Principal { user, token: ctx.token, session: ctx.session, client: ctx.client })
    }
}

/// A JSON API call that changes state with a session cookie (not a token) must echo the
/// session's CSRF token in `X-CSRF-Token`: forms carry it in a field, scripts in the header.
fn check_api_csrf(req: &HttpRequest, p: &Principal) -> Result<(), ApiError> {
    if p.token.is_some() || req.method().is_safe() || !req.path().starts_with("/api/") {
        return Ok(());
    }
    let sent = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
    let want = p.csrf();
    if !want.is_empty() && bool::from(want.as_bytes().ct_eq(sent.as_bytes())) {
        Ok(())
    } else {
        Err(ApiError::new(Code::CsrfFailed, "Send the session's CSRF token in X-CSRF-Token, or use an API token."))
    }
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Principal::from_ctx(ctx_of(req)).and_then(|p| check_api_csrf(req, &p).map(|_| p)))
    }
}

/// A permission as a type, so a handler states what it needs in its signature.
pub trait Policy {
    const PERMISSION: Permission;
}

macro_rules! policies {
    ($($name:ident),* $(,)?) => {
        /// Marker types for [`Guard`], one per permission.
        pub mod perm {
            $(
                pub struct $name;
                impl super::Policy for $name {
                    const PERMISSION: crate::domain::Permission = crate::domain::Permission::$name;
                }
            )*
        }
        // A permission added to the domain without a marker here fails the build.
        const _: () = assert!([$(crate::domain::Permission::$name),*].len() == crate::domain::Permission::ALL.len());
    };
}

policies!(
    ViewDashboard,
    ManageUsers,
    ManageOwners,
    ManageOwnTokens,
    ManageAllTokens,
    ViewAudit,
    ManageSettings,
    ViewContacts,
    EditContacts,
    SendCampaigns,
    ViewPersonalData,
    UnmaskPersonalData,
    ManageGdpr,
    RunBackups,
    ViewMetrics,
    RecordEvents,
    ViewReports,
);

/// A principal allowed `P`; otherwise 401 (not signed in) or 403 (not allowed).
pub struct Guard<P: Policy>(pub Principal, PhantomData<P>);

impl<P: Policy> std::ops::Deref for Guard<P> {
    type Target = Principal;
    fn deref(&self) -> &Principal {
        &self.0
    }
}

impl<P: Policy> FromRequest for Guard<P> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Principal::from_ctx(ctx_of(req)).and_then(|p| {
            check_api_csrf(req, &p)?;
            if p.can(P::PERMISSION) {
                Ok(Guard(p, PhantomData))
            } else {
                Err(ApiError::forbidden())
            }
        }))
    }
}

/// A urlencoded form whose `csrf` field matches the caller's session (or, before login, the
/// pre-login cookie). Repeated keys (checkbox lists) deserialize into `Vec`s. The body is held
/// to `http.max_body_kb`.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let payload = payload.take();
        Box::pin(async move {
            let state = req.app_data::<web::Data<AppState>>().expect("state").clone();
            let limit = state.config.http.max_body_kb * 1024;
            let body = crate::http::limits::read_body(&req, payload, limit, "form").await?;
            let ctx = ctx_of(&req);
            #[derive(serde::Deserialize)]
            struct Token {
                csrf: Option<String>,
            }
            let sent = serde_html_form::from_bytes::<Token>(&body).ok().and_then(|t| t.csrf).unwrap_or_default();
            let ok = ctx
                .expected_csrf(&state)
                .is_some_and(|want| !sent.is_empty() && bool::from(want.as_bytes().ct_eq(sent.as_bytes())));
            if !ok {
                return Err(ApiError::new(
                    Code::CsrfFailed,
                    "The form has expired or did not come from this site. Reload the page and try again.",
                )
                .into());
            }
            let value = serde_html_form::from_bytes::<T>(&body)
                .map_err(|e| ApiError::new(Code::MalformedRequest, format!("Invalid form: {e}")))?;
            Ok(CsrfForm(value))
        })
    }
}
