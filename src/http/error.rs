//! One HTTP error type with a stable JSON shape `{message, code, type}`; every code and its
//! status is in the one table below. Pages get the same errors rendered as HTML (see
//! `http::render_error_pages`).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::auth::AuthError;
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    InvalidInput,
    MalformedRequest,
    Unauthenticated,
    SecondFactorRequired,
    PasswordChangeRequired,
    SecondFactorEnrolmentRequired,
    Forbidden,
    CsrfFailed,
    NotFound,
    Conflict,
    AccountLocked,
    RateLimited,
    PayloadTooLarge,
    UriTooLong,
    UnsupportedEncoding,
    Internal,
}

/// code, status, type.
const TABLE: &[(Code, StatusCode, &str)] = &[
    (Code::InvalidInput, StatusCode::UNPROCESSABLE_ENTITY, "invalid_request"),
    (Code::MalformedRequest, StatusCode::BAD_REQUEST, "invalid_request"),
    (Code::Unauthenticated, StatusCode::UNAUTHORIZED, "auth"),
    (Code::SecondFactorRequired, StatusCode::UNAUTHORIZED, "auth"),
    (Code::PasswordChangeRequired, StatusCode::FORBIDDEN, "auth"),
    (Code::SecondFactorEnrolmentRequired, StatusCode::FORBIDDEN, "auth"),
    (Code::Forbidden, StatusCode::FORBIDDEN, "auth"),
    (Code::CsrfFailed, StatusCode::FORBIDDEN, "auth"),
    (Code::NotFound, StatusCode::NOT_FOUND, "invalid_request"),
    (Code::Conflict, StatusCode::CONFLICT, "invalid_request"),
    (Code::AccountLocked, StatusCode::LOCKED, "auth"),
    (Code::RateLimited, StatusCode::TOO_MANY_REQUESTS, "rate_limit"),
    (Code::PayloadTooLarge, StatusCode::PAYLOAD_TOO_LARGE, "invalid_request"),
    (Code::UriTooLong, StatusCode::URI_TOO_LONG, "invalid_request"),
    (Code::UnsupportedEncoding, StatusCode::UNSUPPORTED_MEDIA_TYPE, "invalid_request"),
    (Code::Internal, StatusCode::INTERNAL_SERVER_ERROR, "internal"),
];

impl Code {
    fn row(&self) -> (StatusCode, &'static str) {
        TABLE.iter().find(|(c, _, _)| c == self).map(|(_, s, t)| (*s, *t)).expect("every code is in the table")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ApiError {
    pub message: String,
    pub code: Code,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The input field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self { message: message.into(), code, kind: code.row().1, field: None }
    }
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new(Code::InvalidInput, message);
        e.field = Some(field.to_string());
        e
    }
    pub fn not_found(what: &str) -> Self {
        Self::new(Code::NotFound, format!("{what} not found"))
    }
    pub fn forbidden() -> Self {
        Self::new(Code::Forbidden, "Your role does not allow this.")
    }
    pub fn unauthenticated() -> Self {
        Self::new(Code::Unauthenticated, "Sign in first, or send a valid API token.")
    }
    pub fn internal(e: impl std::fmt::Display) -> Self {
        tracing::error!(error = %e, "internal error");
        Self::new(Code::Internal, "Something went wrong on the server; it has been logged.")
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.code.row().0
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status_code()).json(self);
        // Kept so that page routes can render the same error as HTML.
        res.extensions_mut().insert(self.clone());
        res
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::internal(e)
    }
}

impl From<AuthError> for ApiError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::Invalid(m) => ApiError::new(Code::InvalidInput, m),
            AuthError::Exists => ApiError::new(Code::Conflict, "A user with that name already exists."),
            AuthError::NoSuchUser => ApiError::not_found("user"),
            other => ApiError::internal(other),
        }
    }
}

/// JSON and form extractor errors become 400s naming what was wrong.
pub fn json_error(err: actix_web::error::JsonPayloadError, _: &actix_web::HttpRequest) -> actix_web::Error {
    use actix_web::error::JsonPayloadError as J;
    let e = match &err {
        J::OverflowKnownLength { limit, .. } | J::Overflow { limit } => {
            crate::http::limits::too_large("request body", *limit)
        }
        J::ContentType => ApiError::new(Code::MalformedRequest, "Send JSON with Content-Type: application/json."),
        J::Deserialize(d) => ApiError::new(Code::MalformedRequest, format!("Invalid JSON: {d}")),
        other => ApiError::new(Code::MalformedRequest, format!("Invalid request body: {other}")),
    };
    e.into()
}

/// Errors of `web::Form` (the privacy portal's forms).
pub fn form_error(err: actix_web::error::UrlencodedError, _: &actix_web::HttpRequest) -> actix_web::Error {
    use actix_web::error::UrlencodedError as U;
    let e = match &err {
        U::Overflow { limit, .. } => crate::http::limits::too_large("form", *limit),
        other => ApiError::new(Code::MalformedRequest, format!("Invalid form: {other}")),
    };
    e.into()
}

pub fn query_error(err: actix_web::error::QueryPayloadError, _: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::new(Code::MalformedRequest, format!("Invalid query string: {err}")).into()
}

pub fn path_error(err: actix_web::error::PathError, _: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::new(Code::NotFound, format!("Not found: {err}")).into()
}

/// Operations speak in their own errors; this is where they become answers.
impl From<crate::ops::OpError> for ApiError {
    fn from(e: crate::ops::OpError) -> Self {
        use crate::ops::OpError;
        match e {
            OpError::Invalid { field, message } => ApiError::invalid(field, message),
            OpError::Forbidden(m) => ApiError::new(Code::Forbidden, m),
            OpError::NotFound(what) => ApiError::not_found(what),
            OpError::Conflict(m) => ApiError::new(Code::Conflict, m),
            OpError::Store(s) => ApiError::internal(s),
            OpError::Internal(m) => ApiError::internal(m),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_row() {
        for code in [
            Code::InvalidInput,
            Code::MalformedRequest,
            Code::Unauthenticated,
            Code::SecondFactorRequired,
            Code::PasswordChangeRequired,
            Code::SecondFactorEnrolmentRequired,
            Code::Forbidden,
            Code::CsrfFailed,
            Code::NotFound,
            Code::Conflict,
            Code::AccountLocked,
            Code::RateLimited,
            Code::PayloadTooLarge,
            Code::UriTooLong,
            Code::UnsupportedEncoding,
            Code::Internal,
        ] {
            let _ = code.row();
        }
    }
}
