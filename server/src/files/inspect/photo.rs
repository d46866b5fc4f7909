//! A photo: decoded within limits checked from its header, turned upright, and drawn again into
//! new bytes, which drops EXIF (location included), comments and anything appended.

use super::{Cleaned, Rejection};
use app::domain::FileKind;
use image::{DynamicImage, ImageDecoder, ImageReader};
use std::io::Cursor;

/// The longest side of a thumbnail, in pixels.
const THUMB_PX: u32 = 320;
/// The largest picture decoded, per side and in all: larger ones are refused from their header,
/// before memory is spent (a 32-megapixel photo takes 128 MiB decoded; phones send 12 to 50).
const MAX_PIXELS_PER_SIDE: u32 = 12_000;
const MAX_PIXELS: u64 = 32_000_000;
/// The most memory one picture's decoding may take.
const MAX_DECODE_BYTES: u64 = 160 << 20;
/// JPEG quality of cleaned photos.
const JPEG_QUALITY: u8 = 85;

/// A photo: decoded within limits, turned upright, drawn into new bytes (JPEG, or PNG when it
/// has transparency or was a PNG), with a thumbnail.
pub(super) fn clean(bytes: &[u8], format: image::ImageFormat) -> Result<Cleaned, Rejection> {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_PIXELS_PER_SIDE);
    limits.max_image_height = Some(MAX_PIXELS_PER_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| Rejection::Damaged)?;
    // The header's size, before a pixel is decoded.
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODE_BYTES {
        return Err(Rejection::TooBig);
    }
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| Rejection::Damaged)?;
    picture.apply_orientation(orientation);
    let (kind, bytes) = if format == image::ImageFormat::Png || picture.color().has_alpha() {
        (FileKind::Png, encode(&picture, image::ImageFormat::Png)?)
    } else {
        (FileKind::Jpeg, jpeg(&picture)?)
    };
    let thumb = jpeg(&picture.thumbnail(THUMB_PX, THUMB_PX))?;
    Ok(Cleaned { kind, bytes, thumb: Some(thumb) })
}

fn jpeg(picture: &DynamicImage) -> Result<Vec<u8>, Rejection> {
    let mut out = Vec::new();
    let rgb = DynamicImage::ImageRgb8(picture.to_rgb8());
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    rgb.write_with_encoder(encoder).map_err(|_| Rejection::Damaged)?;
    Ok(out)
}

fn encode(picture: &DynamicImage, format: image::ImageFormat) -> Result<Vec<u8>, Rejection> {
    let mut out = Cursor::new(Vec::new());
    picture.write_to(&mut out, format).map_err(|_| Rejection::Damaged)?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::super::{inspect, samples};
    use super::Rejection;

    #[test]
    fn a_small_picture_that_claims_a_huge_size_is_refused_from_its_header() {
        let huge = samples::png_claiming(30_000, 30_000);
        assert!(matches!(inspect(&huge).err(), Some(Rejection::TooBig | Rejection::Damaged)));
        // 8 000 x 5 000 is within each side but over the pixels allowed.
        assert_eq!(inspect(&samples::png_claiming(8_000, 5_000)).err(), Some(Rejection::TooBig));
    }
}
