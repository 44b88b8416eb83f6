//! Size bounds on what a client sends over HTTP, each enforced before what it bounds is held:
//!
//! - the request head: actix-http reads about [`HEAD_BUFFER_BYTES`] of it (request line and
//!   headers, at most [`MAX_HEADERS`] headers) and answers 431 past that, before any of our
//!   code runs; the request target is then held to [`MAX_URI_BYTES`] here (414), since path
//!   and query are copied into handlers, links and logs;
//! - compressed bodies are refused (415): actix inflates a `Content-Encoding: gzip` chunk whole
//!   before any body limit sees it, so a few kilobytes could become a hundred megabytes;
//! - bodies: the extractors' limits (`http.max_body_kb` for JSON and admin forms, per-route
//!   limits where a door needs more or less) and [`read_body`], which refuses a Content-Length
//!   over its limit before reading a byte and counts a body without one as it arrives.
//!
//! Every refusal names what was too large and the bound.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, ResponseError};
use futures_util::{Stream, StreamExt};

use super::error::{ApiError, Code};

/// actix-http's own bound on a request head (request line and headers), fixed in actix-http 3
/// (`h1::decoder::MAX_BUFFER_SIZE`): it stops reading from the socket once its buffer holds
/// this much, and a head not complete in what it read is answered 431 and the connection
/// closed. The read that crossed the bound may have filled the buffer's spare capacity, so a
/// head of up to twice this can get through, never more. Nothing here can raise or lower it;
/// `tests/integration/limits.rs` pins it.
pub const HEAD_BUFFER_BYTES: usize = 128 * 1024;
/// actix-http's bound on the number of request headers (431 past it).
pub const MAX_HEADERS: usize = 96;
/// The request target (path and query string). Browsers and proxies stop near 8 KiB too.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Public form posts: subscribe forms, unsubscribe, the preference centre and the privacy
/// portal. A subscribe form holds at most 100 fields of 2,000 characters; real ones send a
/// few hundred bytes.
pub const MAX_PUBLIC_FORM_BYTES: usize = 64 * 1024;
/// A provider's bounce webhook (one event, on a public address).
pub const MAX_WEBHOOK_BYTES: usize = 256 * 1024;
/// Bytes of a CSV upload that may be anything but its fields' content: boundaries, part
/// headers, and what the multipart parser has read ahead of the field being read.
/// actix-multipart keeps all of that in one buffer, and searches it for the end of a part's
/// headers with no bound of its own: without this one, a part whose headers never end would be
/// held whole. (The file itself is bounded by `contacts.max_upload_mb` and goes to disk.)
pub const MAX_MULTIPART_OVERHEAD: usize = 1024 * 1024;

pub use crate::units::human;

/// 413 naming what was too large: "The form is larger than 64 KiB."
pub fn too_large(what: &str, limit: usize) -> ApiError {
    ApiError::new(Code::PayloadTooLarge, format!("The {what} is larger than {}.", human(limit)))
}

/// The declared body length, if the request declares one.
pub fn content_length(req: &HttpRequest) -> Option<u64> {
    req.headers().get(header::CONTENT_LENGTH)?.to_str().ok()?.trim().parse().ok()
}

/// Reads a request body of at most `limit` bytes (`what` names it in the refusal): a declared
/// length over the limit is refused before anything is read, and the body is counted as it
/// arrives, so no more than `limit` bytes (and one network chunk) are ever held.
pub async fn read_body(
    req: &HttpRequest,
    mut payload: impl Stream<Item = Result<web::Bytes, PayloadError>> + Unpin,
    limit: usize,
    what: &str,
) -> Result<web::Bytes, ApiError> {
    if content_length(req).is_some_and(|n| n > limit as u64) {
        return Err(too_large(what, limit));
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::new(Code::MalformedRequest, "The request body could not be read."))?;
        if body.len() + chunk.len() > limit {
            return Err(too_large(what, limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Refuses, before any handler or session lookup, a request target longer than
/// [`MAX_URI_BYTES`] (414) and a compressed body (415).
pub async fn check_request<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let uri = req.uri();
    let target =
        uri.path_and_query().map_or(0, |pq| pq.as_str().len()) + uri.authority().map_or(0, |a| a.as_str().len());
    let refused = if target > MAX_URI_BYTES {
        Some(ApiError::new(
            Code::UriTooLong,
            format!("The address (path and query string) is longer than {}.", human(MAX_URI_BYTES)),
        ))
    } else if let Some(encoding) = req.headers().get(header::CONTENT_ENCODING) {
        let identity = encoding.to_str().is_ok_and(|e| e.trim().eq_ignore_ascii_case("identity"));
        (!identity).then(|| {
            ApiError::new(
                Code::UnsupportedEncoding,
                "Request bodies are accepted uncompressed only: send them without Content-Encoding.",
            )
        })
    } else {
        None
    };
    match refused {
        Some(e) => {
            let res = e.error_response();
            Ok(req.into_response(res).map_into_right_body())
        }
        None => Ok(next.call(req).await?.map_into_left_body()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human(64 * 1024), "64 KiB");
        assert_eq!(human(4 * 1024 * 1024), "4 MiB");
        assert_eq!(human(1536 * 1024), "1536 KiB");
        assert_eq!(human(1000), "1000 bytes");
    }
}

/// What a multipart parser has pulled from the connection, against what it has handed on as
/// field content: the difference is what it holds, bounded by [`MAX_MULTIPART_OVERHEAD`].
#[derive(Default)]
pub struct MultipartBudget {
    pulled: std::cell::Cell<u64>,
    delivered: std::cell::Cell<u64>,
    exceeded: std::cell::Cell<bool>,
}

impl MultipartBudget {
    /// `n` bytes of field content were handed on (written to disk or kept by the caller).
    pub fn deliver(&self, n: usize) {
        self.delivered.set(self.delivered.get() + n as u64);
    }

    /// The error for a parser failure: the bound named when it was the bound, else malformed.
    pub fn malformed(&self, e: actix_multipart::MultipartError) -> ApiError {
        if self.exceeded.get() {
            too_large("upload's form structure (boundaries and part headers)", MAX_MULTIPART_OVERHEAD)
        } else {
            ApiError::new(Code::MalformedRequest, format!("The upload is malformed: {e}"))
        }
    }
}

/// A multipart form over `payload` that never holds more than [`MAX_MULTIPART_OVERHEAD`]
/// beyond the field content its caller has taken ([`MultipartBudget::deliver`]): boundaries and
/// part headers cannot grow without bound.
pub fn bounded_multipart(
    req: &HttpRequest,
    payload: web::Payload,
) -> (actix_multipart::Multipart, std::rc::Rc<MultipartBudget>) {
    let budget = std::rc::Rc::new(MultipartBudget::default());
    let counted = {
        let budget = budget.clone();
        payload.map(move |chunk| {
            let chunk = chunk?;
            budget.pulled.set(budget.pulled.get() + chunk.len() as u64);
            if budget.pulled.get() - budget.delivered.get() > MAX_MULTIPART_OVERHEAD as u64 {
                budget.exceeded.set(true);
                return Err(PayloadError::Overflow);
            }
            Ok(chunk)
        })
    };
    (actix_multipart::Multipart::new(req.headers(), counted), budget)
}
