//! A one-sheet Excel workbook (Office Open XML) of a [`Sheet`]: a bold, shaded header row that
//! stays in view while scrolling (a frozen pane) with a filter on it, numbers as numbers, text as
//! inline text (never a formula), and columns wide enough for their Chinese.

use super::{Cell, Sheet};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Styles: 0 plain, 1 the header (bold on light grey, a line under it), 2 one decimal.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE5E7EB"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"><alignment wrapText="1" vertical="center"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// The workbook's bytes.
pub fn workbook(sheet: &Sheet) -> Vec<u8> {
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("xl/workbook.xml", workbook_xml(&sheet.name)),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_owned()),
        ("xl/styles.xml", STYLES.to_owned()),
        ("xl/worksheets/sheet1.xml", sheet_xml(sheet)),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (path, xml) in parts {
        // Writing into memory cannot fail.
        zip.start_file(path, options).expect("zip entry");
        zip.write_all(xml.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

fn workbook_xml(name: &str) -> String {
    // Sheet names are at most 31 characters, without []:*?/\.
    let name: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        escape(&name)
    )
}

fn sheet_xml(sheet: &Sheet) -> String {
    let columns = sheet.head.len();
    let last = format!("{}{}", column(columns.saturating_sub(1)), sheet.rows.len() + 1);
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>"#,
    );
    for k in 0..columns {
        let widest = std::iter::once(sheet.head[k].chars().map(width).sum::<f64>())
            .chain(sheet.rows.iter().map(|row| row.get(k).map_or(0.0, Cell::width)))
            .fold(0.0, f64::max);
        let n = k + 1;
        xml.push_str(&format!(
            r#"<col min="{n}" max="{n}" width="{:.1}" customWidth="1"/>"#,
            (widest + 2.0).clamp(6.0, 40.0)
        ));
    }
    xml.push_str("</cols><sheetData><row r=\"1\">");
    for (k, head) in sheet.head.iter().enumerate() {
        xml.push_str(&format!(r#"<c r="{}1" t="inlineStr" s="1"><is><t>{}</t></is></c>"#, column(k), escape(head)));
    }
    xml.push_str("</row>");
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = i + 2;
        xml.push_str(&format!("<row r=\"{r}\">"));
        for (k, cell) in row.iter().enumerate() {
            let at = format!("{}{r}", column(k));
            match cell {
                Cell::Text(text) if text.is_empty() => {}
                Cell::Text(text) => {
                    xml.push_str(&format!(r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#, escape(text)))
                }
                Cell::Number(n) => xml.push_str(&format!(r#"<c r="{at}"><v>{n}</v></c>"#)),
                Cell::Decimal(Some(x)) => xml.push_str(&format!(r#"<c r="{at}" s="2"><v>{x}</v></c>"#)),
                Cell::Decimal(None) => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str(&format!(r#"</sheetData><autoFilter ref="A1:{last}"/></worksheet>"#));
    xml
}

/// The letters of the 0-based column `k`: A … Z, AA, AB …
fn column(k: usize) -> String {
    let mut k = k + 1;
    let mut letters = Vec::new();
    while k > 0 {
        let rest = (k - 1) % 26;
        letters.push(b'A' + rest as u8);
        k = (k - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Column width of a character: Chinese characters take two.
fn width(c: char) -> f64 {
    if c.is_ascii() {
        1.0
    } else {
        2.0
    }
}

impl Cell {
    fn width(&self) -> f64 {
        match self {
            Cell::Text(text) => text.chars().map(width).sum(),
            Cell::Number(n) => n.to_string().len() as f64,
            Cell::Decimal(_) => 4.0,
        }
    }
}

/// `text` safe inside XML: the pages' entities, and without the characters XML cannot hold
/// (control characters but tab and line ends, and the non-characters U+FFFE and U+FFFF).
fn escape(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| (!c.is_control() || matches!(c, '\t' | '\n' | '\r')) && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect();
    crate::http::pages::escape(&kept)
}

#[cfg(test)]
mod tests {
    use super::{column, escape};

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!((column(0), column(25), column(26), column(27)), ("A".into(), "Z".into(), "AA".into(), "AB".into()));
    }

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(escape("<a & \"b\">\u{1}\u{FFFF}\u{FFFE}"), "&lt;a &amp; &quot;b&quot;&gt;");
    }
}
