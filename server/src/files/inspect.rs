//! What an upload really is, decided from its bytes, and the cleaned bytes that are kept.
//!
//! The declared type and the name are ignored. Each accepted kind must be that kind from its
//! first byte to its last: a PDF starts with `%PDF-` and ends at its `%%EOF`; an Office file is a
//! ZIP that starts at byte 0, ends at its directory, and holds the parts of a Word or Excel file
//! and no macros; a photo must decode, and is then drawn again into new bytes, which drops EXIF
//! (location included), comments and anything appended. Bytes that are two formats at once
//! (polyglots) fail one of these.

mod office;
mod pdf;
mod photo;

use app::domain::FileKind;

/// Why an upload was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// No bytes.
    Empty,
    /// Not one of the accepted kinds.
    Type,
    /// Claims a kind but is not a whole, plain file of it.
    Damaged,
    /// Active content, however it is spelled: a macro, an ActiveX control, an embedded object
    /// or an external template in an Office file; a script, a launch action or an embedded file
    /// in a PDF.
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

/// The most an archive (an Office file) or a PDF's compressed streams may unpack to, and how much
/// smaller they may be than what they unpack to: Word, Excel and PDF files stay far inside them; a
/// ZIP bomb does not.
const MAX_UNPACKED_BYTES: u64 = 100 << 20;
const MAX_PACKING_RATIO: u64 = 100;

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
        return pdf::check(bytes).map(|()| Cleaned { kind: FileKind::Pdf, bytes: bytes.to_vec(), thumb: None });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office::check(bytes).map(|kind| Cleaned { kind, bytes: bytes.to_vec(), thumb: None });
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
    photo::clean(bytes, image_kind)
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

/// Where `needle` last occurs in `haystack`.
pub(super) fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Test and demo files, built the way the real programs write them.
pub mod samples;

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
