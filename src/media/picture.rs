//! Turning uploaded bytes into an image fit for mail: the type is decided by the bytes (never
//! by a file name or a Content-Type), the declared size is checked before anything is decoded,
//! the decoder runs under limits, and the picture is re-encoded from its pixels, so that
//! nothing but pixels survives (EXIF with its GPS position and camera serial, XMP, comments,
//! colour profiles).

use std::io::Cursor;

use image::codecs::gif::{GifDecoder, GifEncoder, Repeat};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{AnimationDecoder, DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::Format;

/// Widest side the decoder is allowed to open, either way.
pub const MAX_SIDE: u32 = 8_000;
/// Most pixels the decoder is allowed to open (a 8,000 × 5,000 photo).
pub const MAX_PIXELS: u64 = 40_000_000;
/// Stored images are at most this wide: a 600-px mail column at twice the density.
pub const MAIL_WIDTH: u32 = 1_200;
/// Frames of an animated GIF, and their pixels all frames together: the decoder composes each
/// frame on the full canvas, so this bounds the decoding work of an animation the way
/// [`MAX_PIXELS`] bounds a still image's.
pub const MAX_FRAMES: usize = 500;
pub const MAX_ANIMATION_PIXELS: u64 = 100_000_000;
/// What the decoder may allocate at once (a 40 Mpx image of 16-bit RGBA is 320 MB).
const MAX_ALLOC: u64 = 384 * 1024 * 1024;
/// JPEG quality of re-encoded photos: visually lossless for mail, a third of quality 100.
const JPEG_QUALITY: u8 = 85;

/// Why an upload is not taken. Every variant but `Encode` is the uploader's to fix.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("SVG images are not accepted: they can carry scripts. Export the picture as PNG and upload that.")]
    Svg,
    #[error("The file is not an image Tidings can read. Upload a PNG, JPEG, GIF or WebP image.")]
    NotAnImage,
    #[error("{0} images are not accepted. Upload a PNG, JPEG, GIF or WebP image.")]
    Unsupported(String),
    #[error(
        "The image is {width} × {height} pixels; at most {MAX_SIDE} pixels a side and {} megapixels are accepted.",
        MAX_PIXELS / 1_000_000
    )]
    TooLarge { width: u32, height: u32 },
    #[error(
        "The animation is too long to process: at most {MAX_FRAMES} frames and {} megapixels in all frames together.",
        MAX_ANIMATION_PIXELS / 1_000_000
    )]
    TooLong,
    #[error("The image could not be read: {0}")]
    Corrupt(String),
    #[error("the image could not be encoded: {0}")]
    Encode(String),
}

/// A re-encoded image, metadata-free, at most [`MAIL_WIDTH`] wide.
pub struct Processed {
    pub format: Format,
    pub width: u32,
    pub height: u32,
    /// As uploaded (after the camera's orientation is applied).
    pub original_width: u32,
    pub original_height: u32,
    pub bytes: Vec<u8>,
}

fn corrupt(e: image::ImageError) -> ImageError {
    match e {
        image::ImageError::Limits(_) => ImageError::TooLarge { width: 0, height: 0 },
        other => ImageError::Corrupt(other.to_string()),
    }
}

fn encode_err(e: impl std::fmt::Display) -> ImageError {
    ImageError::Encode(e.to_string())
}

/// SVG is text: an XML declaration, a comment or a doctype may come first.
fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    trimmed.starts_with('<') && text.contains("<svg")
}

fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(MAX_SIDE);
    l.max_image_height = Some(MAX_SIDE);
    l.max_alloc = Some(MAX_ALLOC);
    l
}

fn check_size(width: u32, height: u32) -> Result<(), ImageError> {
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError::TooLarge { width, height });
    }
    if width == 0 || height == 0 {
        return Err(ImageError::Corrupt("it has no pixels".into()));
    }
    Ok(())
}

/// The height that keeps the aspect at `width`, at least one pixel.
fn scaled_height(width: u32, height: u32, to: u32) -> u32 {
    let h = (u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width);
    u32::try_from(h.max(1)).unwrap_or(u32::MAX)
}

/// Decodes, checks, resizes and re-encodes an upload.
pub fn process(bytes: &[u8]) -> Result<Processed, ImageError> {
    let format = match image::guess_format(bytes) {
        Ok(f) => f,
        Err(_) if looks_like_svg(bytes) => return Err(ImageError::Svg),
        Err(_) => return Err(ImageError::NotAnImage),
    };
    let source = match format {
        ImageFormat::Png => Format::Png,
        ImageFormat::Jpeg => Format::Jpeg,
        ImageFormat::Gif => Format::Gif,
        ImageFormat::WebP => Format::WebP,
        other => return Err(ImageError::Unsupported(other.to_mime_type().trim_start_matches("image/").to_uppercase())),
    };
    // The header alone, before the decoder is given any limit: the refusal then names the size
    // the file declares (a few hundred bytes can declare 50,000 × 50,000 pixels).
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format).into_dimensions().map_err(corrupt)?;
    check_size(width, height)?;
    if source == Format::Gif {
        return gif(bytes, width, height);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    // Phones store photos sideways and say so in EXIF; the EXIF goes, so the turn is applied.
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    img.apply_orientation(orientation);
    let (original_width, original_height) = (img.width(), img.height());
    if img.width() > MAIL_WIDTH {
        let h = scaled_height(img.width(), img.height(), MAIL_WIDTH);
        img = img.resize_exact(MAIL_WIDTH, h, FilterType::Lanczos3);
    }
    // WebP is shown by too few mail clients (Outlook on Windows among them): it is stored as
    // PNG when it has transparency and as JPEG otherwise.
    let stored = match source {
        Format::WebP if has_transparency(&img) => Format::Png,
        Format::WebP => Format::Jpeg,
        other => other,
    };
    let mut out = Vec::new();
    match stored {
        Format::Jpeg => {
            let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
            rgb.write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)).map_err(encode_err)?;
        }
        _ => img.write_with_encoder(PngEncoder::new(&mut out)).map_err(encode_err)?,
    }
    Ok(Processed {
        format: stored,
        width: img.width(),
        height: img.height(),
        original_width,
        original_height,
        bytes: out,
    })
}

fn has_transparency(img: &DynamicImage) -> bool {
    img.color().has_alpha() && img.to_rgba8().pixels().any(|p| p.0[3] < 255)
}

/// An animated (or still) GIF: every frame resized, the loop kept; the comment and
/// application extensions (XMP among them) are not carried over.
fn gif(bytes: &[u8], width: u32, height: u32) -> Result<Processed, ImageError> {
    let mut decoder = GifDecoder::new(Cursor::new(bytes)).map_err(corrupt)?;
    decoder.set_limits(limits()).map_err(corrupt)?;
    let (w, h) =
        if width > MAIL_WIDTH { (MAIL_WIDTH, scaled_height(width, height, MAIL_WIDTH)) } else { (width, height) };
    let mut frames = Vec::new();
    let mut pixels = 0u64;
    for frame in decoder.into_frames() {
        let frame = frame.map_err(corrupt)?;
        pixels += u64::from(width) * u64::from(height);
        if frames.len() == MAX_FRAMES || pixels > MAX_ANIMATION_PIXELS {
            return Err(ImageError::TooLong);
        }
        let delay = frame.delay();
        let buffer = if (w, h) == (width, height) {
            frame.into_buffer()
        } else {
            image::imageops::resize(frame.buffer(), w, h, FilterType::Triangle)
        };
        frames.push(image::Frame::from_parts(buffer, 0, 0, delay));
    }
    if frames.is_empty() {
        return Err(ImageError::Corrupt("it has no frames".into()));
    }
    let mut out = Vec::new();
    {
        let mut encoder = GifEncoder::new_with_speed(&mut out, 10);
        encoder.set_repeat(Repeat::Infinite).map_err(encode_err)?;
        encoder.encode_frames(frames).map_err(encode_err)?;
    }
    Ok(Processed {
        format: Format::Gif,
        width: w,
        height: h,
        original_width: width,
        original_height: height,
        bytes: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        }));
        let mut out = Vec::new();
        img.write_with_encoder(PngEncoder::new(&mut out)).unwrap();
        out
    }

    #[test]
    fn wide_images_are_resized_to_the_mail_width_keeping_their_aspect() {
        let p = process(&png(2_400, 1_000)).unwrap();
        assert_eq!((p.width, p.height), (1_200, 500));
        assert_eq!((p.original_width, p.original_height), (2_400, 1_000));
        assert_eq!(p.format, Format::Png);
        let p = process(&png(300, 200)).unwrap();
        assert_eq!((p.width, p.height), (300, 200), "narrow images keep their size");
    }

    #[test]
    fn svg_and_text_are_told_apart() {
        assert!(matches!(process(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"x\"></svg>"), Err(ImageError::Svg)));
        assert!(matches!(process(b"hello, world"), Err(ImageError::NotAnImage)));
        assert!(matches!(process(b"BM\0\0\0\0\0\0\0\0\0\0\0\0"), Err(ImageError::Unsupported(_))));
    }

    #[test]
    fn a_declared_size_past_the_bound_is_refused_before_decoding() {
        let mut bomb = png(1, 1);
        // IHDR width and height, then its CRC (the decoder checks it).
        bomb[16..20].copy_from_slice(&50_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&50_000u32.to_be_bytes());
        let crc = crc32(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.to_be_bytes());
        match process(&bomb) {
            Err(ImageError::TooLarge { width: 50_000, height: 50_000 }) => {}
            Err(other) => panic!("{other}"),
            Ok(_) => panic!("a 50,000 × 50,000 image was taken"),
        }
    }

    pub(crate) fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
}
