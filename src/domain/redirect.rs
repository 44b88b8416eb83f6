//! Where a redirect may take a visitor.
//!
//! A browser does not read a `Location` header the way a string comparison does: it follows the
//! WHATWG URL rules, which strip tab, CR and LF anywhere, treat `\` as `/` in http(s) URLs, trim
//! leading control characters and spaces, and resolve what remains against the current page.
//! `/\t/evil.example` is therefore `//evil.example`, a protocol-relative URL to another host.
//! So a target is judged by parsing it with the same rules (the `url` crate implements them)
//! against our own origin, and only what stays on that origin is kept — and what is kept is the
//! parser's own serialisation of the path, query and fragment, never the text that was sent.

use std::sync::LazyLock;

use url::Url;

/// Stands in for the server's origin: only the comparison of origins matters, and an origin the
/// server cannot have (`.invalid` is reserved) cannot be matched by accident.
static OWN: LazyLock<Url> = LazyLock::new(|| Url::parse("https://tidings.invalid/").expect("a valid base URL"));

/// The same-origin path (with query and fragment) that `raw` leads a browser to, or `None`
/// when a browser would leave this site (another host, another scheme, `javascript:`, userinfo).
pub fn same_origin_path(raw: &str) -> Option<String> {
    let url = OWN.join(raw).ok()?;
    if url.origin() != OWN.origin() || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let path = url.path();
    // A path that begins with two slashes would be read as a host once it stands alone.
    if !path.starts_with('/') || path.starts_with("//") {
        return None;
    }
    let mut out = path.to_string();
    if let Some(q) = url.query() {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = url.fragment() {
        out.push('#');
        out.push_str(f);
    }
    Some(out)
}

/// An absolute `https://` address on any host, as a browser reads it (no userinfo, a host),
/// for targets the shop itself configures (a form's thank-you page). Returns the parsed form.
pub fn https_url(raw: &str) -> Option<String> {
    let url = Url::parse(raw).ok()?;
    if url.scheme() != "https" || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    url.host_str().filter(|h| !h.is_empty())?;
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every spelling a browser reads as another site, another scheme or credentials.
    const OFFSITE: &[&str] = &[
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/\t/evil.example",
        "/\t\\evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "\t//evil.example",
        " //evil.example",
        "\u{0}//evil.example",
        "\u{1f}//evil.example",
        "/ /evil.example",
        "/\u{b}/evil.example",
        "https://evil.example",
        "https:evil.example",
        "http://evil.example/",
        "HTTPS://evil.example",
        "https://tidings.invalid@evil.example/",
        "https://user:pass@tidings.invalid/",
        "//user@evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil。example",
        "//evil．example",
        "/\\/evil.example",
        "/.//evil.example",
        "/..//evil.example",
    ];

    #[test]
    fn no_spelling_leaves_the_site() {
        for raw in OFFSITE {
            match same_origin_path(raw) {
                None => {}
                // Some spellings are harmless paths once parsed; what is returned must be one.
                Some(p) => {
                    let resolved = Url::parse("https://shop.example/page").unwrap().join(&p).unwrap();
                    assert_eq!(resolved.host_str(), Some("shop.example"), "{raw:?} became {p:?}");
                    assert!(!p.starts_with("//") && p.starts_with('/'), "{raw:?} became {p:?}");
                }
            }
        }
    }

    #[test]
    fn own_paths_are_kept_in_their_parsed_form() {
        assert_eq!(same_origin_path("/users").as_deref(), Some("/users"));
        assert_eq!(same_origin_path("/contacts?q=a%20b&page=2#top").as_deref(), Some("/contacts?q=a%20b&page=2#top"));
        assert_eq!(same_origin_path("/a/../b").as_deref(), Some("/b"));
        // Percent-encoded slashes and full-width ones are path text, not separators.
        assert_eq!(same_origin_path("/%2F%2Fevil.example").as_deref(), Some("/%2F%2Fevil.example"));
        assert_eq!(same_origin_path("/%09/evil.example").as_deref(), Some("/%09/evil.example"));
        assert_eq!(same_origin_path("／／evil.example").as_deref(), Some("/%EF%BC%8F%EF%BC%8Fevil.example"));
        // Tab and newlines vanish, as they do in the browser.
        assert_eq!(same_origin_path("/us\ters").as_deref(), Some("/users"));
        assert_eq!(same_origin_path("").as_deref(), Some("/"));
    }

    #[test]
    fn https_targets_must_name_a_host_and_no_credentials() {
        assert_eq!(https_url("https://shop.example/thanks").as_deref(), Some("https://shop.example/thanks"));
        for raw in ["http://shop.example/", "https://user@shop.example/", "javascript:alert(1)", "/x"] {
            assert_eq!(https_url(raw), None, "{raw:?}");
        }
    }
}
