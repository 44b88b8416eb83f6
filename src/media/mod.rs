//! The media library: images uploaded by staff for campaigns, stored in the data directory and
//! served by the appliance itself, so that a message never hot-links a picture from elsewhere
//! (a third party would learn who opened it, and when).
//!
//! Tree `media`: media id → [`Media`] (plain). Files: `<data dir>/media/<id>.<ext>`, one per
//! image, named by the id alone (nothing a client sends ever becomes part of a path). Only the
//! re-encoded mail-width image is kept, not the upload: the original may carry EXIF (a GPS
//! position, a camera serial) and the library exists to serve mail, for which a 1,200-px-wide
//! picture is already twice the width of the column. Backups carry the files
//! (`store::backup`, [`library::DIR`]). The records and files are [`library`]'s; this module
//! holds the operations the pages and the API call.

pub mod library;
pub mod picture;

use std::path::Path;

use chrono::{DateTime, Utc};
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::audit::Action;
use crate::config::Config;
use crate::ops::{By, OpError, OpResult};
use crate::state::AppState;

/// Largest upload taken, checked against the declared length before the body is read and
/// counted as it arrives.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// The `width` an inserted image is shown at: the usual 600-px mail column. Images stored
/// wider (up to [`picture::MAIL_WIDTH`]) are then sharp on high-density screens.
pub const DISPLAY_WIDTH: u32 = 600;
/// Alt text (the image's name in the library), in characters.
pub const MAX_ALT_CHARS: usize = 300;

/// The stored encodings. WebP uploads are stored as PNG or JPEG (see [`picture::process`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Png,
    Jpeg,
    Gif,
    WebP,
}

impl Format {
    pub fn mime(&self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Jpeg => "image/jpeg",
            Format::Gif => "image/gif",
            Format::WebP => "image/webp",
        }
    }
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::Gif => "gif",
            Format::WebP => "webp",
        }
    }
}

/// 128 random bits, in hex: the id is the address of a public file, so it must not be guessable
/// (a time-ordered id would be, in part).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MediaId([u8; 16]);

impl MediaId {
    pub fn random() -> Self {
        let mut b = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut b);
        Self(b)
    }
    /// Exactly 32 lowercase hex digits, or nothing.
    pub fn parse(s: &str) -> Option<Self> {
        if s.len() != 32 || !s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return None;
        }
        hex::decode(s).ok()?.try_into().ok().map(Self)
    }
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
    pub fn reference(&self) -> String {
        format!("media:{self}")
    }
}

impl std::fmt::Display for MediaId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Media {
    pub id: MediaId,
    /// The last segment of its address (`team-photo.jpg`), fixed at upload so that addresses
    /// in sent mail keep working when the image is renamed.
    pub slug: String,
    /// The file name it was uploaded under, for people to recognise it.
    pub file_name: String,
    /// Its name in the library and the `alt` text it is inserted with.
    pub alt: String,
    pub format: Format,
    pub width: u32,
    pub height: u32,
    pub original_width: u32,
    pub original_height: u32,
    pub bytes: u64,
    /// The staff account or token that uploaded it (`person:…`, `token:…`).
    pub uploaded_by: String,
    pub uploaded_at: DateTime<Utc>,
}

impl Media {
    /// The address mail clients load it from: under `http.public_url`.
    pub fn url(&self, config: &Config) -> String {
        format!("{}{}", config.public_url(), self.path())
    }
    /// The address on this server, for the admin pages.
    pub fn path(&self) -> String {
        format!("/media/{}/{}", self.id, self.slug)
    }
    /// The `width` it is inserted with.
    pub fn display_width(&self) -> u32 {
        self.width.min(DISPLAY_WIDTH)
    }
    /// The HTML it is inserted into a body with (Markdown passes HTML through).
    pub fn img_tag(&self, config: &Config) -> String {
        use html_escape::encode_double_quoted_attribute as attr;
        format!(
            "<img src=\"{}\" alt=\"{}\" width=\"{}\" style=\"max-width:100%;height:auto\">",
            attr(&self.url(config)),
            attr(&self.alt),
            self.display_width()
        )
    }
    pub fn to_json(&self, config: &Config) -> serde_json::Value {
        serde_json::json!({
            "id": self.id.to_string(), "url": self.url(config), "path": self.path(), "name": self.alt,
            "alt": self.alt, "file_name": self.file_name, "format": self.format, "content_type": self.format.mime(),
            "width": self.width, "height": self.height, "display_width": self.display_width(),
            "original_width": self.original_width, "original_height": self.original_height, "bytes": self.bytes,
            "uploaded_by": self.uploaded_by, "uploaded_at": self.uploaded_at, "html": self.img_tag(config),
        })
    }
}

/// The part of an upload's file name that goes into its address: ASCII letters, digits and
/// dashes, at most 60, then the stored type's extension.
fn slug(file_name: &str, format: Format) -> String {
    let stem = Path::new(file_name).file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let mut out = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    let stem = if out.is_empty() { "image" } else { out };
    format!("{stem}.{}", format.extension())
}

/// A file name as typed on the uploader's machine, made safe to show and store.
fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    base.chars().filter(|c| !c.is_control()).take(200).collect()
}

fn default_alt(file_name: &str) -> String {
    let stem = Path::new(file_name).file_stem().and_then(|s| s.to_str()).unwrap_or("");
    stem.replace(['-', '_'], " ").split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_ALT_CHARS).collect()
}

pub fn check_alt(alt: &str) -> OpResult<String> {
    let alt = alt.trim();
    if alt.chars().count() > MAX_ALT_CHARS {
        return Err(OpError::Invalid {
            field: "alt",
            message: format!("The name (alt text) is longer than {MAX_ALT_CHARS} characters."),
        });
    }
    if alt.chars().any(char::is_control) {
        return Err(OpError::Invalid { field: "alt", message: "The name (alt text) is one line of text.".into() });
    }
    Ok(alt.to_string())
}

impl From<picture::ImageError> for OpError {
    fn from(e: picture::ImageError) -> Self {
        match e {
            picture::ImageError::Encode(m) => OpError::Internal(format!("media: {m}")),
            refused => OpError::Invalid { field: "file", message: refused.to_string() },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Operations (the pages and the API call these, on the blocking pool).

/// Takes an upload: decoded, checked, resized and re-encoded, stored, audited.
pub fn upload(state: &AppState, by: By, file_name: &str, bytes: &[u8], alt: Option<&str>) -> OpResult<Media> {
    if bytes.is_empty() {
        return Err(OpError::Invalid { field: "file", message: "Choose an image to upload.".into() });
    }
    let file_name = clean_file_name(file_name);
    let alt = match alt.map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => check_alt(a)?,
        None => default_alt(&file_name),
    };
    let processed = {
        let _one = state.media.decoding();
        picture::process(bytes)?
    };
    let m = Media {
        id: MediaId::random(),
        slug: slug(&file_name, processed.format),
        file_name,
        alt,
        format: processed.format,
        width: processed.width,
        height: processed.height,
        original_width: processed.original_width,
        original_height: processed.original_height,
        bytes: processed.bytes.len() as u64,
        uploaded_by: by.actor.reference(),
        uploaded_at: Utc::now(),
    };
    state.media.add(&m, &processed.bytes)?;
    state.store.commit()?;
    state.audit.record(
        by.event(Action::MediaUploaded)
            .target(m.id.reference())
            .detail("name", &m.alt)
            .detail("size", format!("{}x{}", m.width, m.height))
            .detail("bytes", m.bytes),
    )?;
    Ok(m)
}

fn found(state: &AppState, id: &MediaId) -> OpResult<Media> {
    state.media.get(id)?.ok_or(OpError::NotFound("image"))
}

/// Renames an image (its alt text). Its address does not change.
pub fn rename(state: &AppState, by: By, id: &MediaId, alt: &str) -> OpResult<Media> {
    let mut m = found(state, id)?;
    let alt = check_alt(alt)?;
    if m.alt == alt {
        return Ok(m);
    }
    let from = std::mem::replace(&mut m.alt, alt);
    state.media.save(&m)?;
    state.store.commit()?;
    state
        .audit
        .record(by.event(Action::MediaChanged).target(m.id.reference()).detail("from", from).detail("to", &m.alt))?;
    Ok(m)
}

/// Campaigns and templates whose text holds the image's address, by name.
pub fn used_by(state: &AppState, m: &Media) -> OpResult<Vec<String>> {
    let needle = format!("/media/{}/", m.id);
    let mut out: Vec<String> = state
        .sending
        .campaigns
        .all()?
        .into_iter()
        .filter(|c| c.body.contains(&needle) || c.subject.contains(&needle))
        .map(|c| format!("campaign “{}”", c.name))
        .collect();
    out.extend(
        state
            .sending
            .templates
            .all()?
            .into_iter()
            .filter(|t| t.body.contains(&needle))
            .map(|t| format!("template “{}”", t.name)),
    );
    Ok(out)
}

/// Deletes an image no campaign or template uses: mail already sent may still show it, and
/// a sent campaign's record is what tells.
pub fn delete(state: &AppState, by: By, id: &MediaId) -> OpResult<()> {
    let m = found(state, id)?;
    let users = used_by(state, &m)?;
    if !users.is_empty() {
        return Err(OpError::Conflict(format!(
            "The image is used by {}: remove it there (or delete those) first; mail already sent still loads it from here.",
            users.join(", ")
        )));
    }
    state.media.remove(&state.store, &m)?;
    state.audit.record(by.event(Action::MediaDeleted).target(m.id.reference()).detail("name", &m.alt))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_made_of_the_id_and_a_tame_slug() {
        assert_eq!(slug("Team Photo (2).JPG", Format::Jpeg), "team-photo-2.jpg");
        assert_eq!(slug("../../etc/passwd", Format::Png), "passwd.png");
        assert_eq!(slug("日本.png", Format::Png), "image.png");
        assert_eq!(clean_file_name("C:\\Users\\me\\a.png"), "a.png");
        let id = MediaId::random();
        assert_eq!(MediaId::parse(&id.to_string()), Some(id));
        assert_eq!(MediaId::parse("../../master.key"), None);
        assert_eq!(MediaId::parse(&id.to_string().to_uppercase()), None);
    }
}
