//! A Word or Excel file: a ZIP from byte 0 to its end-of-directory record (no comment, nothing
//! before or after), unpacked within limits, holding the parts of a plain document. What a part
//! *is* comes from `[Content_Types].xml` and the relationships, not from its name: a macro
//! project, an ActiveX control or an embedded object is refused under any name, and so is a
//! relationship to something outside the file other than a web link (a remote template runs
//! whatever it holds).

use super::{Rejection, MAX_PACKING_RATIO, MAX_UNPACKED_BYTES};
use app::domain::FileKind;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// The most entries an Office file may hold.
const MAX_ZIP_ENTRIES: usize = 1_000;
/// The largest content-types or relationships part read.
const MAX_XML_PART_BYTES: u64 = 1 << 20;
/// Words in a content type or relationship type that mean active content.
const ACTIVE_TYPES: [&str; 7] =
    ["macroenabled", "vbaproject", "vbadata", "activex", "oleobject", "macrosheet", "/package"];

/// Checks an Office file and says which kind it is.
pub(super) fn check(bytes: &[u8]) -> Result<FileKind, Rejection> {
    let eocd = bytes.len().checked_sub(22).ok_or(Rejection::Damaged)?;
    if &bytes[eocd..eocd + 4] != b"PK\x05\x06" {
        return Err(Rejection::Damaged);
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Rejection::Damaged)?;
    if archive.offset() != 0 {
        return Err(Rejection::Damaged);
    }
    unpacked_within_limits(&mut archive, bytes.len())?;
    let names: Vec<String> = archive
        .file_names()
        .map(|name| name.map(|n| n.into_owned()))
        .collect::<Result<_, _>>()
        .map_err(|_| Rejection::Damaged)?;
    if names.iter().any(|n| n.starts_with('/') || n.contains("..") || n.contains('\\')) {
        return Err(Rejection::Damaged);
    }
    if names.iter().any(|n| n.to_ascii_lowercase().ends_with("vbaproject.bin")) {
        return Err(Rejection::Active);
    }
    let Some(types) = part(&mut archive, "[Content_Types].xml") else { return Err(Rejection::Type) };
    if attribute_values(&types, b"ContentType")?.iter().any(|t| is_active(t)) {
        return Err(Rejection::Active);
    }
    for name in names.iter().filter(|n| n.ends_with(".rels")) {
        let relations = part(&mut archive, name).ok_or(Rejection::Damaged)?;
        if relationships(&relations)?
            .iter()
            .any(|(kind, external)| is_active(kind) || (*external && !kind.ends_with("/hyperlink")))
        {
            return Err(Rejection::Active);
        }
    }
    if names.iter().any(|n| n == "word/document.xml") {
        Ok(FileKind::Docx)
    } else if names.iter().any(|n| n == "xl/workbook.xml") {
        Ok(FileKind::Xlsx)
    } else {
        Err(Rejection::Type)
    }
}

fn is_active(content_type: &str) -> bool {
    let lower = content_type.to_ascii_lowercase();
    ACTIVE_TYPES.iter().any(|word| lower.contains(word))
}

/// The text of the part `name`, within [`MAX_XML_PART_BYTES`].
fn part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let entry = archive.by_name(name).ok()?;
    let mut text = String::new();
    entry.take(MAX_XML_PART_BYTES).read_to_string(&mut text).ok()?;
    Some(text)
}

/// Every value of the attribute `name` in `xml`, unescaped (entities and character references
/// undone, so no spelling hides a word).
fn attribute_values(xml: &str, name: &[u8]) -> Result<Vec<String>, Rejection> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().map_err(|_| Rejection::Damaged)? {
            Event::Start(e) | Event::Empty(e) => {
                for attribute in e.attributes() {
                    let attribute = attribute.map_err(|_| Rejection::Damaged)?;
                    if attribute.key.local_name().as_ref() == name {
                        out.push(attribute.unescape_value().map_err(|_| Rejection::Damaged)?.into_owned());
                    }
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// Each relationship's type and whether it points outside the file.
fn relationships(xml: &str) -> Result<Vec<(String, bool)>, Rejection> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().map_err(|_| Rejection::Damaged)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let (mut kind, mut external) = (String::new(), false);
                for attribute in e.attributes() {
                    let attribute = attribute.map_err(|_| Rejection::Damaged)?;
                    let value = attribute.unescape_value().map_err(|_| Rejection::Damaged)?;
                    match attribute.key.local_name().as_ref() {
                        b"Type" => kind = value.to_ascii_lowercase(),
                        b"TargetMode" => external = value.eq_ignore_ascii_case("external"),
                        _ => {}
                    }
                }
                out.push((kind, external));
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
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
        let read = std::io::copy(&mut entry.take(left + 1), &mut std::io::sink()).map_err(|_| Rejection::Damaged)?;
        total += read;
        if total > allowed {
            return Err(Rejection::TooBig);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{inspect, samples, Rejection};
    use super::MAX_ZIP_ENTRIES;

    const TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>";

    fn docx_with(extra_types: &str, parts: &[(&str, &str)]) -> Vec<u8> {
        let mut all: Vec<(&str, String)> = vec![
            ("[Content_Types].xml", format!("{TYPES}{extra_types}</Types>")),
            ("word/document.xml", "<w:document/>".to_owned()),
        ];
        all.extend(parts.iter().map(|(n, t)| (*n, (*t).to_owned())));
        samples::office_zip(&all)
    }

    #[test]
    fn macros_and_active_parts_are_refused_under_any_name() {
        assert!(inspect(&docx_with("", &[])).is_ok());
        for (types, parts) in [
            // A macro project renamed: its content type says what it is.
            ("<Override PartName=\"/word/harmless.dat\" ContentType=\"application/vnd.ms-office.vbaProject\"/>", vec![("word/harmless.dat", "x")]),
            // A macro-enabled main document, spelled with a character reference.
            ("<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.ms-word.document.&#109;acroEnabled.main+xml\"/>", vec![]),
            ("<Default Extension=\"ocx\" ContentType=\"application/vnd.ms-office.activeX+xml\"/>", vec![]),
            ("<Default Extension=\"bin\" ContentType=\"application/vnd.openxmlformats-officedocument.oleObject\"/>", vec![]),
            // A remote template, fetched and run when the document opens.
            ("", vec![("word/_rels/settings.xml.rels", "<Relationships><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"http://evil.example/t.dotm\" TargetMode=\"External\"/></Relationships>")]),
            // An embedded package (a file inside the document).
            ("", vec![("word/_rels/document.xml.rels", "<Relationships><Relationship Id=\"r2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" Target=\"embeddings/x.bin\"/></Relationships>")]),
        ] {
            assert_eq!(inspect(&docx_with(types, &parts)).err(), Some(Rejection::Active), "{types} {parts:?}");
        }
        // A link to a web page is a link.
        let link = "<Relationships><Relationship Id=\"r3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.cn\" TargetMode=\"External\"/></Relationships>";
        assert!(inspect(&docx_with("", &[("word/_rels/document.xml.rels", link)])).is_ok());
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
}
