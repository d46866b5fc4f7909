//! What an upload really is, decided from its bytes, and the cleaned bytes that are kept.
//!
//! The declared type and the name are ignored. Each accepted kind must be that kind from its
//! first byte to its last: a PDF starts with `%PDF-` and ends at its `%%EOF`; an Office file is a
//! ZIP that starts at byte 0, ends at its directory, and holds the parts of a Word or Excel file
//! and no macros; a photo must decode, and is then drawn again into new bytes, which drops EXIF
//! (location included), comments and anything appended. Bytes that are two formats at once
//! (polyglots) fail one of these.

use app::domain::FileKind;
use image::{DynamicImage, ImageDecoder, ImageReader};
use std::io::Cursor;

/// Why an upload was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// No bytes.
    Empty,
    /// Not one of the accepted kinds.
    Type,
    /// Claims a kind but is not a whole, plain file of it.
    Damaged,
    /// A macro-enabled Office file or a PDF with scripts or launch actions.
    Active,
    /// A picture of too many pixels, or an archive that unpacks to too much.
    TooBig,
}

/// An accepted upload, ready to store.
#[derive(Debug)]
pub struct Cleaned {
    /// What it is (a WebP photo is kept as JPEG).
    pub kind: FileKind,
    /// The bytes to keep.
    pub bytes: Vec<u8>,
    /// A small JPEG for lists, for images.
    pub thumb: Option<Vec<u8>>,
}

/// The longest side of a thumbnail, in pixels.
const THUMB_PX: u32 = 320;
/// The largest picture decoded, per side and in all: larger ones are refused from their header,
/// before memory is spent (a 32-megapixel photo takes 128 MiB decoded; phones send 12 to 50).
const MAX_PIXELS_PER_SIDE: u32 = 12_000;
const MAX_PIXELS: u64 = 32_000_000;
/// The most memory one picture's decoding may take.
const MAX_DECODE_BYTES: u64 = 160 << 20;
/// An Office file's limits: entries, bytes once unpacked, and how much smaller its packed
/// parts may be than what they unpack to. Word and Excel files stay far inside them; a ZIP
/// bomb does not.
const MAX_ZIP_ENTRIES: usize = 1_000;
const MAX_UNPACKED_BYTES: u64 = 100 << 20;
const MAX_PACKING_RATIO: u64 = 100;
/// JPEG quality of cleaned photos.
const JPEG_QUALITY: u8 = 85;

/// Inspects and cleans an upload. CPU-heavy for photos: run it off the async threads.
pub fn inspect(bytes: &[u8]) -> Result<Cleaned, Rejection> {
    if bytes.is_empty() {
        return Err(Rejection::Empty);
    }
    let webp = bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP";
    let known = [&b"%PDF-"[..], b"PK\x03\x04", &[0xFF, 0xD8, 0xFF], b"\x89PNG\r\n\x1a\n"]
        .iter()
        .any(|sig| bytes.starts_with(sig));
    if !known && !webp {
        return Err(Rejection::Type);
    }
    if looks_like_another_format(bytes) {
        return Err(Rejection::Damaged);
    }
    if bytes.starts_with(b"%PDF-") {
        return pdf(bytes).map(|()| Cleaned { kind: FileKind::Pdf, bytes: bytes.to_vec(), thumb: None });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office(bytes).map(|kind| Cleaned { kind, bytes: bytes.to_vec(), thumb: None });
    }
    let image_kind = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        image::ImageFormat::Jpeg
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        image::ImageFormat::Png
    } else if webp {
        image::ImageFormat::WebP
    } else {
        return Err(Rejection::Type);
    };
    photo(bytes, image_kind)
}

/// Whether the bytes also read as something else: a ZIP directory at the very end (where ZIP
/// readers look) on anything but an Office file, `%PDF-` in the first kilobyte (where PDF
/// readers look) on anything but a PDF, or markup a browser would run.
fn looks_like_another_format(bytes: &[u8]) -> bool {
    let zip_at_end = bytes.len() >= 22 && &bytes[bytes.len() - 22..bytes.len() - 18] == b"PK\x05\x06";
    let pdf_header = find_last(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some_and(|at| at > 0);
    let office = bytes.starts_with(b"PK\x03\x04");
    let markup = !office
        && [&b"<script"[..], b"<html", b"<svg", b"<?php", b"<iframe"]
            .iter()
            .any(|needle| find_ignoring_case(bytes, needle));
    (zip_at_end && !office) || pdf_header || markup
}

fn find_ignoring_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

/// A PDF: one document from `%PDF-` to its last `%%EOF`, nothing after it but line ends, and no
/// scripts or launch actions (a resident's PDF is a scan or a letter).
fn pdf(bytes: &[u8]) -> Result<(), Rejection> {
    let end = find_last(bytes, b"%%EOF").ok_or(Rejection::Damaged)?;
    if !bytes[end + 5..].iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Rejection::Damaged);
    }
    for active in [&b"/JavaScript"[..], b"/JS", b"/Launch", b"/EmbeddedFile", b"/RichMedia"] {
        if find_last(bytes, active).is_some() {
            return Err(Rejection::Active);
        }
    }
    Ok(())
}

/// A Word or Excel file: a ZIP from byte 0 to its end-of-directory record (no comment, nothing
/// before or after), holding the Office parts, no macros and no odd entry names.
fn office(bytes: &[u8]) -> Result<FileKind, Rejection> {
    let eocd = bytes.len().checked_sub(22).ok_or(Rejection::Damaged)?;
    if &bytes[eocd..eocd + 4] != b"PK\x05\x06" {
        return Err(Rejection::Damaged);
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Rejection::Damaged)?;
    if archive.offset() != 0 {
        return Err(Rejection::Damaged);
    }
    unpacked_within_limits(&mut archive, bytes.len())?;
    let names: Vec<&str> = archive.file_names().collect();
    if names.iter().any(|n| n.starts_with('/') || n.contains("..") || n.contains('\\')) {
        return Err(Rejection::Damaged);
    }
    if names.iter().any(|n| n.to_ascii_lowercase().ends_with("vbaproject.bin")) {
        return Err(Rejection::Active);
    }
    if !names.contains(&"[Content_Types].xml") {
        return Err(Rejection::Type);
    }
    if names.contains(&"word/document.xml") {
        Ok(FileKind::Docx)
    } else if names.contains(&"xl/workbook.xml") {
        Ok(FileKind::Xlsx)
    } else {
        Err(Rejection::Type)
    }
}

/// Unpacks every entry of `archive` (`packed` bytes in all), counting what comes out, and stops
/// at the first limit crossed: entries, total size, or packing ratio. The sizes an archive
/// declares are not trusted; the bytes it inflates to are counted.
fn unpacked_within_limits(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, packed: usize) -> Result<(), Rejection> {
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(Rejection::TooBig);
    }
    let packed = u64::try_from(packed).unwrap_or(u64::MAX);
    let allowed = MAX_UNPACKED_BYTES.min(packed.saturating_mul(MAX_PACKING_RATIO));
    let mut total = 0u64;
    for k in 0..archive.len() {
        let entry = archive.by_index(k).map_err(|_| Rejection::Damaged)?;
        let left = allowed - total;
        let read = std::io::copy(&mut std::io::Read::take(entry, left + 1), &mut std::io::sink())
            .map_err(|_| Rejection::Damaged)?;
        total += read;
        if total > allowed {
            return Err(Rejection::TooBig);
        }
    }
    Ok(())
}

/// A photo: decoded within limits, turned upright, drawn into new bytes (JPEG, or PNG when it
/// has transparency or was a PNG), with a thumbnail.
fn photo(bytes: &[u8], format: image::ImageFormat) -> Result<Cleaned, Rejection> {
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

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Test and demo files, built the way the real programs write them.
pub mod samples {
    use std::io::{Cursor, Write};

    /// A small JPEG photo with an EXIF block holding a GPS position.
    pub fn jpeg_with_location() -> Vec<u8> {
        let picture = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([(x * 4) as u8, (y * 5) as u8, 90]));
        let mut plain = Vec::new();
        image::DynamicImage::ImageRgb8(picture)
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90))
            .expect("encode");
        // APP1 "Exif" segment right after SOI, with a GPS tag marker and a readable position.
        let payload = b"Exif\0\0MM\0*\0\0\0\x08GPSLatitude 22.7341 GPSLongitude 113.8202";
        let len = u16::try_from(payload.len() + 2).expect("short");
        let mut out = plain[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(payload);
        out.extend_from_slice(&plain[2..]);
        out
    }

    /// A small PNG.
    pub fn png() -> Vec<u8> {
        let picture = image::RgbaImage::from_fn(20, 20, |x, _| image::Rgba([200, (x * 10) as u8, 40, 255]));
        let mut out = Cursor::new(Vec::new());
        picture.write_to(&mut out, image::ImageFormat::Png).expect("encode");
        out.into_inner()
    }

    /// A one-page PDF with the given text (Latin letters; Chinese needs embedded fonts).
    pub fn pdf(text: &str) -> Vec<u8> {
        let stream = format!("BT /F1 18 Tf 72 720 Td ({text}) Tj ET");
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
            format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for offset in offsets {
            out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
        );
        out
    }

    /// A Word document whose paragraphs are `paragraphs` (a plain .docx, as Word writes one).
    pub fn docx(paragraphs: &[&str]) -> Vec<u8> {
        let body: String = paragraphs
            .iter()
            .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", xml_escape(p)))
            .collect();
        office_zip(&[
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_owned()),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_owned()),
            ("word/document.xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>")),
        ])
    }

    /// A ZIP of `parts`, as Office writes one.
    pub fn office_zip(parts: &[(&str, String)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in parts {
            writer.start_file(*name, options).expect("zip entry");
            writer.write_all(text.as_bytes()).expect("zip write");
        }
        writer.finish().expect("zip").into_inner()
    }

    fn xml_escape(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_lose_their_location_and_get_a_thumbnail() {
        let original = samples::jpeg_with_location();
        assert!(find_last(&original, b"GPSLatitude").is_some());
        let cleaned = inspect(&original).expect("accepted");
        assert_eq!(cleaned.kind, FileKind::Jpeg);
        assert!(find_last(&cleaned.bytes, b"GPSLatitude").is_none());
        assert!(find_last(&cleaned.bytes, b"Exif").is_none());
        assert!(cleaned.thumb.is_some_and(|t| t.starts_with(&[0xFF, 0xD8])));
        assert_eq!(inspect(&samples::png()).expect("png").kind, FileKind::Png);
    }

    #[test]
    fn documents_are_recognised_by_their_bytes() {
        assert_eq!(inspect(&samples::pdf("Hello")).expect("pdf").kind, FileKind::Pdf);
        assert_eq!(inspect(&samples::docx(&["借条"])).expect("docx").kind, FileKind::Docx);
        let xlsx = samples::office_zip(&[
            ("[Content_Types].xml", "<Types/>".into()),
            ("xl/workbook.xml", "<workbook/>".into()),
        ]);
        assert_eq!(inspect(&xlsx).expect("xlsx").kind, FileKind::Xlsx);
    }

    #[test]
    fn a_small_picture_that_claims_a_huge_size_is_refused_from_its_header() {
        // A valid PNG of 1x1 whose header is rewritten to 30 000 x 30 000 (CRC fixed up).
        let mut png = Vec::new();
        image::RgbImage::new(1, 1).write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png).expect("encode");
        png[16..20].copy_from_slice(&30_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&30_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        assert!(matches!(inspect(&png).err(), Some(Rejection::TooBig | Rejection::Damaged)));
        // 8 000 x 5 000 is within each side but over the pixels allowed.
        png[16..20].copy_from_slice(&8_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&5_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(inspect(&png).err(), Some(Rejection::TooBig));
    }

    #[test]
    fn an_office_file_that_unpacks_to_far_more_than_it_weighs_is_refused() {
        let bomb = samples::office_zip(&[
            ("[Content_Types].xml", "<Types/>".into()),
            ("word/document.xml", format!("<w:document>{}</w:document>", " ".repeat(30 << 20))),
        ]);
        assert!(bomb.len() < 100_000, "{} bytes", bomb.len());
        assert_eq!(inspect(&bomb).err(), Some(Rejection::TooBig));
        let many: Vec<(String, String)> =
            (0..=MAX_ZIP_ENTRIES).map(|k| (format!("word/p{k}.xml"), "x".into())).collect();
        let mut parts: Vec<(&str, String)> = many.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
        parts.push(("[Content_Types].xml", "<Types/>".into()));
        parts.push(("word/document.xml", "<w:document/>".into()));
        assert_eq!(inspect(&samples::office_zip(&parts)).err(), Some(Rejection::TooBig));
    }

    /// The CRC-32 of PNG chunks.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    #[test]
    fn everything_else_is_refused() {
        assert_eq!(inspect(b"").err(), Some(Rejection::Empty));
        assert_eq!(inspect(b"<html><script>alert(1)</script>").err(), Some(Rejection::Type));
        assert_eq!(inspect(b"MZ\x90\0 an executable").err(), Some(Rejection::Type));
        // A JPEG's header and then nothing a decoder can read.
        assert_eq!(inspect(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]).err(), Some(Rejection::Damaged));
        // A PDF with a ZIP appended after its end (a polyglot).
        let mut polyglot = samples::pdf("Hi");
        polyglot.extend_from_slice(&samples::docx(&["x"]));
        assert_eq!(inspect(&polyglot).err(), Some(Rejection::Damaged));
        // A PDF that runs a script.
        let scripted = String::from_utf8(samples::pdf("Hi"))
            .expect("ascii")
            .replace("/Type /Catalog", "/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>");
        assert_eq!(inspect(scripted.as_bytes()).err(), Some(Rejection::Active));
        // A macro-enabled workbook, and a ZIP that is no Office file.
        let macros = samples::office_zip(&[
            ("[Content_Types].xml", "<Types/>".into()),
            ("xl/workbook.xml", "<workbook/>".into()),
            ("xl/vbaProject.bin", "macro".into()),
        ]);
        assert_eq!(inspect(&macros).err(), Some(Rejection::Active));
        assert_eq!(inspect(&samples::office_zip(&[("a.txt", "hi".into())])).err(), Some(Rejection::Type));
        // A docx with something after its directory.
        let mut trailing = samples::docx(&["x"]);
        trailing.extend_from_slice(b"<script>");
        assert_eq!(inspect(&trailing).err(), Some(Rejection::Damaged));
        // Pictures that are also a ZIP, a PDF or a web page.
        let mut png_zip = samples::png();
        png_zip.extend_from_slice(&samples::docx(&["x"]));
        assert_eq!(inspect(&png_zip).err(), Some(Rejection::Damaged));
        let mut jpeg_pdf = samples::jpeg_with_location();
        jpeg_pdf.splice(20..20, b"%PDF-1.4".iter().copied());
        assert_eq!(inspect(&jpeg_pdf).err(), Some(Rejection::Damaged));
        let mut jpeg_html = samples::jpeg_with_location();
        jpeg_html.extend_from_slice(b"<SCRIPT>alert(1)</SCRIPT>");
        assert_eq!(inspect(&jpeg_html).err(), Some(Rejection::Damaged));
        // Bytes after a JPEG's end (as some phones add) are dropped, not kept.
        let mut trailer = samples::jpeg_with_location();
        trailer.extend_from_slice(b"MotionPhoto_Data");
        let cleaned = inspect(&trailer).expect("the picture part");
        assert!(find_last(&cleaned.bytes, b"MotionPhoto").is_none());
    }
}
