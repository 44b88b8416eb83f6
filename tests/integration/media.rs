//! The media library over the real server: uploads through the page and the API, what is
//! refused (too large, not an image, SVG, a decompression bomb), what is kept (no EXIF, at
//! most the mail width), how images are served (public, typed, cached, no way out of the
//! folder), their use in a sent campaign, and their way through a backup and a restore.

use std::time::Duration;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, RgbImage};
use reqwest::blocking::{Client, Response};
use serde_json::{json, Value};
use tidings::media::MAX_UPLOAD_BYTES;
use tidings::store::backup::{self, RestoreOptions};

use crate::campaigns::{mail_config, Api};
use crate::helpers::*;
use crate::smtp_sink::{SinkOptions, SmtpSink};

fn picture(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 251) as u8, (y % 241) as u8, 90])))
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    picture(width, height).write_with_encoder(PngEncoder::new(&mut out)).unwrap();
    out
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    picture(width, height).write_with_encoder(JpegEncoder::new_with_quality(&mut out, 90)).unwrap();
    out
}

/// Marks a test puts in EXIF: neither may come back.
const GPS_MARK: &[u8] = b"GPS 48.8584N 2.2945E secret";

/// A JPEG with an APP1 EXIF segment right after SOI: a valid big-endian TIFF header with an
/// empty first IFD, then text a reader would find.
fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
    let plain = jpeg(width, height);
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0\0\0\0\0".to_vec();
    exif.extend_from_slice(GPS_MARK);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xff, 0xe1]);
    out.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&exif);
    out.extend_from_slice(&plain[2..]);
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A 1 × 1 PNG whose header (with a correct checksum) declares 50,000 × 50,000 pixels: 10 GB
/// of RGBA once decoded, from under a hundred bytes.
fn png_bomb() -> Vec<u8> {
    let mut bomb = png(1, 1);
    bomb[16..20].copy_from_slice(&50_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&50_000u32.to_be_bytes());
    let crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    bomb
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

struct Media<'a> {
    app: &'a TestApp,
    client: Client,
    token: String,
}

impl<'a> Media<'a> {
    fn new(app: &'a TestApp) -> Self {
        Media { app, client: app.client(), token: app.admin_token(&["send_campaigns"]) }
    }

    fn upload(&self, name: &str, body: Vec<u8>) -> (u16, Value) {
        let r = self
            .client
            .post(format!("{}/api/v1/media", self.app.url))
            .query(&[("name", name)])
            .bearer_auth(&self.token)
            .header("content-type", "application/octet-stream")
            .body(body)
            .send()
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().unwrap_or(Value::Null))
    }

    fn uploaded(&self, name: &str, body: Vec<u8>) -> Value {
        let (status, v) = self.upload(name, body);
        assert_eq!(status, 201, "{v}");
        v
    }

    fn list(&self) -> Vec<Value> {
        let r = self.client.get(format!("{}/api/v1/media", self.app.url)).bearer_auth(&self.token).send().unwrap();
        assert_eq!(r.status(), 200);
        r.json::<Value>().unwrap()["media"].as_array().unwrap().clone()
    }
}

/// Fetched as a mail client does: no session, no cookie.
fn fetch(app: &TestApp, path: &str) -> Response {
    bare_client().get(format!("{}{path}", app.url)).send().unwrap()
}

fn header(r: &Response, name: &str) -> String {
    r.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

fn assert_served(app: &TestApp, path: &str, content_type: &str, size: (u32, u32)) -> Vec<u8> {
    let r = fetch(app, path);
    assert_eq!(r.status(), 200, "{path}");
    assert_eq!(header(&r, "content-type"), content_type);
    assert_eq!(header(&r, "x-content-type-options"), "nosniff");
    assert!(header(&r, "cache-control").contains("max-age=31536000"), "{}", header(&r, "cache-control"));
    assert_eq!(header(&r, "cross-origin-resource-policy"), "cross-origin", "mail clients load it from elsewhere");
    assert!(header(&r, "set-cookie").is_empty(), "no cookie on a public image");
    let bytes = r.bytes().unwrap().to_vec();
    let img = image::load_from_memory(&bytes).unwrap();
    assert_eq!((img.width(), img.height()), size);
    bytes
}

/// A multipart body by hand (the page's form: `csrf`, then `file`).
fn multipart(csrf: &str, file_name: &str, file: &[u8]) -> Vec<u8> {
    let mut body =
        format!("--B0UNDARY\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n").into_bytes();
    body.extend_from_slice(
        format!(
            "--B0UNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: image/png\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(b"\r\n--B0UNDARY--\r\n");
    body
}

fn page_upload(app: &TestApp, c: &Client, file_name: &str, file: &[u8]) -> Response {
    let csrf = csrf_of(&app.get(c, "/media").text().unwrap());
    c.post(format!("{}/media", app.url))
        .header("content-type", "multipart/form-data; boundary=B0UNDARY")
        .body(multipart(&csrf, file_name, file))
        .send()
        .unwrap()
}

#[test]
fn png_and_jpeg_uploaded_through_the_page_and_the_api_are_served_back_typed_and_cached() {
    let app = spawn_app();
    let admin = app.login_admin(NEW_PASSWORD);
    let page = app.get(&admin, "/media").text().unwrap();
    assert!(page.contains("id=\"media-empty\""), "the empty state");

    // The page: a PNG, named as the browser sends it.
    let r = page_upload(&app, &admin, "Team photo.png", &png(300, 200));
    assert_eq!(r.status(), 303, "{}", r.text().unwrap());
    assert_eq!(location(&r), "/media?ok=uploaded");
    let page = app.get(&admin, "/media").text().unwrap();
    assert!(page.contains("Team photo") && page.contains("300 × 200 px"), "the grid shows it");

    // The API: a JPEG; the type is read from the bytes, not from the name.
    let api = Media::new(&app);
    let jpg = api.uploaded("holiday.png", jpeg(640, 480));
    assert_eq!(jpg["content_type"], "image/jpeg");
    assert_eq!(jpg["path"].as_str().unwrap().rsplit('/').next().unwrap(), "holiday.jpg");
    assert_eq!((jpg["width"].as_u64(), jpg["height"].as_u64()), (Some(640), Some(480)));
    assert_eq!(jpg["display_width"], 600);
    assert!(jpg["url"].as_str().unwrap().starts_with(&app.state.config.public_url()));

    let all = api.list();
    assert_eq!(all.len(), 2);
    let png_item = all.iter().find(|m| m["content_type"] == "image/png").unwrap();
    assert_served(&app, png_item["path"].as_str().unwrap(), "image/png", (300, 200));
    assert_served(&app, jpg["path"].as_str().unwrap(), "image/jpeg", (640, 480));
    // HEAD answers the same headers.
    let head = bare_client().head(format!("{}{}", app.url, jpg["path"].as_str().unwrap())).send().unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(header(&head, "content-type"), "image/jpeg");

    // Both uploads are in the audit log.
    let r = api
        .client
        .get(format!("{}/api/v1/audit?action=media.uploaded", app.url))
        .bearer_auth(app.admin_token(&["view_audit"]))
        .send()
        .unwrap();
    let entries = r.json::<Value>().unwrap()["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 2, "{entries:?}");

    // An analyst (no campaign editing) may neither see the library nor upload.
    let analyst = app.signed_in_user(&admin, "ana", "analyst");
    assert_eq!(app.get(&analyst, "/media").status(), 403);
    let r = analyst
        .post(format!("{}/media", app.url))
        .header("content-type", "multipart/form-data; boundary=B0UNDARY")
        .body(multipart("x", "a.png", &png(2, 2)))
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[test]
fn a_body_past_the_bound_is_refused_with_413_before_it_is_read() {
    let app = spawn_app();
    let api = Media::new(&app);
    // Declared length one byte over: refused before a byte of the body is read.
    let (status, v) = api.upload("big.png", vec![0u8; MAX_UPLOAD_BYTES + 1]);
    assert_eq!(status, 413, "{v}");
    assert!(v["message"].as_str().unwrap().contains("larger than 10 MiB"), "{v}");
    assert_eq!(v["field"], "file");
    // Chunked (no declared length): counted as it arrives.
    let r = api
        .client
        .post(format!("{}/api/v1/media", app.url))
        .bearer_auth(&api.token)
        .body(reqwest::blocking::Body::new(std::io::Cursor::new(vec![0u8; MAX_UPLOAD_BYTES + 1])))
        .send()
        .unwrap();
    assert_eq!(r.status(), 413);

    // The page's form, with the file over the bound.
    let admin = app.login_admin(NEW_PASSWORD);
    let r = page_upload(&app, &admin, "big.png", &vec![0u8; MAX_UPLOAD_BYTES + 1]);
    assert_eq!(r.status(), 413);
    let text = r.text().unwrap();
    assert!(text.contains("larger than 10 MiB") && text.contains("aria-invalid=\"true\""), "the form again");
    assert!(api.list().is_empty(), "nothing was kept");
    assert!(std::fs::read_dir(app.data_dir().join("media")).map_or(true, |mut d| d.next().is_none()));
}

/// A client that declares 100 MiB, sends 64 KiB and then stalls gets its 413 at once: the
/// declared length is refused before the body is read. (Over plain HTTP, as behind a proxy
/// that ends TLS, so that the test can stop writing at will.)
#[test]
fn a_declared_length_past_the_bound_is_answered_without_waiting_for_the_body() {
    use std::io::{Read, Write};
    let app = spawn_app_with(|c| c.tls.mode = tidings::config::TlsMode::Off);
    let token = app.admin_token(&["send_campaigns"]);
    let port = app.url.rsplit(':').next().unwrap();
    let mut s = std::net::TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let head = format!(
        "POST /api/v1/media?name=a.png HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: image/png\r\nContent-Length: {}\r\n\r\n",
        100 << 20
    );
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(&vec![0u8; 64 * 1024]).unwrap();
    let started = std::time::Instant::now();
    let mut answer = [0u8; 512];
    let n = s.read(&mut answer).expect("an answer while the body is still owed");
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn what_is_not_a_raster_image_of_a_sane_size_is_refused_naming_the_file_field() {
    let app = spawn_app();
    let api = Media::new(&app);
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("notes.png", b"just some text, with a .png name".to_vec(), "not an image"),
        (
            "logo.svg",
            b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .to_vec(),
            "SVG images are not accepted",
        ),
        ("bomb.png", png_bomb(), "50000 × 50000 pixels"),
        ("truncated.png", png(64, 64)[..60].to_vec(), "could not be read"),
    ];
    for (name, body, says) in cases {
        let (status, v) = api.upload(name, body);
        assert_eq!(status, 422, "{name}: {v}");
        assert_eq!(v["field"], "file", "{name}: {v}");
        assert!(v["message"].as_str().unwrap().contains(says), "{name}: {v}");
    }
    // The page says the same, on the form.
    let admin = app.login_admin(NEW_PASSWORD);
    let r = page_upload(&app, &admin, "logo.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
    assert_eq!(r.status(), 422);
    let text = r.text().unwrap();
    assert!(text.contains("SVG images are not accepted") && text.contains("aria-invalid=\"true\""), "{text}");
    assert!(api.list().is_empty());
}

#[test]
fn exif_is_stripped_and_wide_images_are_made_mail_wide() {
    let app = spawn_app();
    let api = Media::new(&app);
    let upload = jpeg_with_exif(800, 600);
    assert!(contains(&upload, b"Exif\0\0") && contains(&upload, GPS_MARK), "the upload carries EXIF");
    assert!(image::load_from_memory(&upload).is_ok(), "and is a valid JPEG");
    let m = api.uploaded("phone.jpg", upload);
    let served = assert_served(&app, m["path"].as_str().unwrap(), "image/jpeg", (800, 600));
    assert!(!contains(&served, GPS_MARK), "the EXIF text is gone");
    assert!(!contains(&served, b"Exif\0\0"), "no EXIF segment at all");

    // 2,400 px wide: stored 1,200 wide, the aspect kept.
    let m = api.uploaded("banner.png", png(2_400, 800));
    assert_eq!((m["width"].as_u64(), m["height"].as_u64()), (Some(1_200), Some(400)), "{m}");
    assert_eq!((m["original_width"].as_u64(), m["original_height"].as_u64()), (Some(2_400), Some(800)));
    assert_served(&app, m["path"].as_str().unwrap(), "image/png", (1_200, 400));
}

#[test]
fn a_campaign_with_an_inserted_image_sends_its_public_address_and_width() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = spawn_app_with(|c| {
        mail_config(c, sink.port());
        c.http.public_url = "https://news.example.com".into();
    });
    let api = Api::new(&app);
    api.list("News");
    api.contact("zoe@example.org", &["news"], &[], true);
    let media = Media::new(&app);
    let m = media.uploaded("banner.png", png(2_400, 800));
    let url = m["url"].as_str().unwrap().to_string();
    assert!(url.starts_with("https://news.example.com/media/"), "{url}");
    let html = m["html"].as_str().unwrap().to_string();
    assert!(
        html.contains(&format!("src=\"{url}\"")) && html.contains("width=\"600\"") && html.contains("alt=\"banner\"")
    );

    // The editor offers the picker.
    let admin = app.login_admin(NEW_PASSWORD);
    let v = api.ok(
        "POST",
        "/campaigns",
        Some(json!({"name": "With a picture", "subject": "Hi", "format": "markdown", "lists": ["news"],
                    "body": format!("Hello {{{{ first_name }}}}\n\n{html}\n\nBye")})),
    );
    let id = v["campaign"]["id"].as_str().unwrap().to_string();
    let page = app.get(&admin, &format!("/campaigns/{id}")).text().unwrap();
    assert!(page.contains("id=\"media-insert\"") && page.contains("/static/media.js"), "the Insert image button");

    api.ok("POST", &format!("/campaigns/{id}/send"), None);
    let got = sink.wait_for(1);
    let text = String::from_utf8_lossy(&got[0].data).replace("=\r\n", "").replace("=3D", "=");
    let at = text.find(&format!("src=\"{url}\"")).unwrap_or_else(|| panic!("no image address in:\n{text}"));
    let tag = &text[text[..at].rfind('<').unwrap()..at + text[at..].find('>').unwrap()];
    assert!(tag.starts_with("<img") && tag.contains("width=\"600\"") && tag.contains("alt=\"banner\""), "{tag}");
    api.wait_state(&id, "sent", Duration::from_secs(10));

    // In use: it cannot be deleted (mail already sent loads it), and says where it is used.
    let mid = m["id"].as_str().unwrap();
    let r = media.client.delete(format!("{}/api/v1/media/{mid}", app.url)).bearer_auth(&media.token).send().unwrap();
    assert_eq!(r.status(), 409);
    assert!(r.text().unwrap().contains("With a picture"));
    let r = app.post_form(&admin, "/media", &format!("/media/{mid}/delete"), &[]);
    assert_eq!(r.status(), 409);
    let text = r.text().unwrap();
    assert!(text.contains(&format!("id=\"error-{mid}\"")) && text.contains("With a picture"), "shown at the image");
    // Renamed, it keeps its address.
    let r = app.post_form(&admin, "/media", &format!("/media/{mid}/alt"), &[("alt", "Winter banner")]);
    assert_eq!(r.status(), 303);
    let page = app.get(&admin, "/media").text().unwrap();
    assert!(page.contains("Winter banner") && page.contains(&format!("{mid}&#x2f;banner.png")), "same address");
    let r = app.post_form(&admin, "/media", &format!("/media/{mid}/alt"), &[("alt", &"x".repeat(301))]);
    assert_eq!(r.status(), 422);
    assert!(r.text().unwrap().contains("longer than 300 characters"));
    // An image nobody uses goes, and its address answers 404.
    let other = media.uploaded("spare.png", png(10, 10));
    let r = media
        .client
        .delete(format!("{}/api/v1/media/{}", app.url, other["id"].as_str().unwrap()))
        .bearer_auth(&media.token)
        .send()
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(fetch(&app, other["path"].as_str().unwrap()).status(), 404);
}

#[test]
fn a_restore_brings_the_images_back() {
    let app = spawn_app();
    let api = Media::new(&app);
    let a = api.uploaded("a.png", png(120, 80));
    let b = api.uploaded("b.jpg", jpeg(90, 60));
    let before: Vec<Vec<u8>> =
        [&a, &b].iter().map(|m| fetch(&app, m["path"].as_str().unwrap()).bytes().unwrap().to_vec()).collect();

    let archive = app.data_dir().join("media.tdgbak");
    backup::create(&app.state.store, &archive, None).unwrap();
    let target = tempfile::tempdir().unwrap();
    let report = backup::restore(&RestoreOptions {
        archive: &archive,
        data_dir: target.path(),
        key: None,
        master_key: &app.data_dir().join("master.key"),
        journal: &target.path().join("j"),
        force: false,
        registry: tidings::wiring::registry(),
    })
    .unwrap();
    assert_eq!(report.content_files, 2);

    let mut cfg = test_config(target.path());
    cfg.store.master_key_file = app.data_dir().join("master.key");
    let restored = spawn_in(target, cfg);
    for (m, bytes) in [&a, &b].iter().zip(&before) {
        let r = fetch(&restored, m["path"].as_str().unwrap());
        assert_eq!(r.status(), 200);
        assert_eq!(&r.bytes().unwrap().to_vec(), bytes, "the same bytes at the same address");
    }
}

#[test]
fn the_serving_route_leads_nowhere_but_to_library_images() {
    let app = spawn_app();
    let api = Media::new(&app);
    let m = api.uploaded("a.png", png(20, 20));
    let path = m["path"].as_str().unwrap();
    let id = m["id"].as_str().unwrap();
    assert_eq!(fetch(&app, path).status(), 200);
    std::fs::write(app.data_dir().join("secret.txt"), b"not for you").unwrap();
    for probe in [
        format!("/media/{id}/..%2F..%2Fmaster.key"),
        format!("/media/{id}/..%2F..%2Fsecret.txt"),
        format!("/media/{id}/%2e%2e%2fsecret.txt"),
        format!("/media/{id}/a.png%00.txt"),
        format!("/media/{id}/b.png"),
        format!("/media/{}/a.png", id.to_uppercase()),
        "/media/..%2F..%2Fsecret.txt/a.png".to_string(),
        "/media/%2e%2e/secret.txt".to_string(),
        format!("/media/{}/a.png", "0".repeat(32)),
        format!("/media/{id}.png"),
        "/media/master.key".to_string(),
    ] {
        let r = fetch(&app, &probe);
        let status = r.status().as_u16();
        let body = r.bytes().unwrap();
        assert!(status == 404 || status == 405, "{probe}: {status}");
        assert!(!contains(&body, b"not for you"), "{probe}");
    }
}
