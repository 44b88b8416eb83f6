//! The web UI's files, embedded in the binary (read from disk in debug builds).

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "web/"]
#[exclude = "*.swp"]
pub struct Web;

/// `GET /static/{path}` with a content hash as ETag, so browsers revalidate cheaply.
pub async fn serve_static(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let name = format!("static/{}", path.into_inner());
    let Some(file) = Web::get(&name) else {
        return HttpResponse::NotFound().content_type("text/plain; charset=utf-8").body("not found");
    };
    let etag = format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..12]));
    if req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        return HttpResponse::NotModified().insert_header((header::ETAG, etag)).finish();
    }
    let mime = mime_guess::from_path(&name).first_or_octet_stream();
    let content_type = if mime.type_() == "text" || mime.subtype() == "javascript" || mime.subtype() == "svg" {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    // The proof-of-work script is loaded by form snippets on the shop's own site.
    let corp = if name == "static/pow.js" { "cross-origin" } else { "same-origin" };
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header(("cross-origin-resource-policy", corp))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(file.data.into_owned())
}

/// Every embedded static file's URL path (the asset test walks these).
pub fn static_paths() -> Vec<String> {
    Web::iter().filter(|p| p.starts_with("static/")).map(|p| format!("/{p}")).collect()
}
