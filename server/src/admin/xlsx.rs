//! The first sheet of an Excel workbook (`.xlsx`) as rows of text, for imports: shared and
//! inline strings, numbers as written, each row with its number in the sheet. Formulas give
//! their cached values; styles are ignored (a date typed as a date comes as its day number).

use super::table::{Rows, TableError, MAX_COLUMNS};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// The most a workbook part may hold once unpacked: a 2,000-row table is far smaller.
const MAX_PART_BYTES: u64 = 20 << 20;
/// The longest text of one cell: a name, a firm, a licence number or a date is far shorter.
const MAX_CELL_BYTES: usize = 4096;

/// Rows of the first sheet: line number (from 1) and cells by column (blank cells empty), within
/// the table's limits, which are checked as each cell is read.
pub fn first_sheet(bytes: &[u8]) -> Result<Rows, TableError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| TableError::Unreadable)?;
    let mut part = |name: &str| -> Option<String> {
        let file = archive.by_name(name).ok()?;
        let mut text = String::new();
        file.take(MAX_PART_BYTES).read_to_string(&mut text).ok()?;
        Some(text)
    };
    let shared = part("xl/sharedStrings.xml").map(|xml| shared_strings(&xml)).unwrap_or_default();
    let (workbook, relations) =
        part("xl/workbook.xml").zip(part("xl/_rels/workbook.xml.rels")).ok_or(TableError::Unreadable)?;
    let sheet = first_sheet_path(&workbook, &relations).unwrap_or_else(|| "xl/worksheets/sheet1.xml".to_owned());
    rows(&part(&sheet).ok_or(TableError::Unreadable)?, &shared)
}

/// The attribute `name` of `element`, unescaped.
fn attribute(element: &BytesStart, name: &[u8]) -> Option<String> {
    let found = element.try_get_attribute(name).ok()??;
    found.unescape_value().ok().map(|v| v.into_owned())
}

/// The text of a `Text` or entity event, added to `out`.
fn push_text(event: &Event, out: &mut String) {
    match event {
        Event::Text(text) => out.push_str(&text.decode().unwrap_or_default()),
        Event::CData(text) => out.push_str(&text.decode().unwrap_or_default()),
        Event::GeneralRef(reference) => {
            if let Ok(Some(c)) = reference.resolve_char_ref() {
                out.push(c);
            } else if let Some(text) = reference
                .decode()
                .ok()
                .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned))
            {
                out.push_str(&text);
            }
        }
        _ => {}
    }
}

/// Every `<si>` of the shared strings, its `<t>` runs joined.
fn shared_strings(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let (mut strings, mut current, mut in_text) = (Vec::new(), String::new(), false);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"t" => in_text = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"t" => in_text = false,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"si" => strings.push(std::mem::take(&mut current)),
            Ok(Event::Eof) | Err(_) => return strings,
            Ok(event) if in_text => push_text(&event, &mut current),
            Ok(_) => {}
        }
    }
}

/// The path of the workbook's first sheet, through its relationship id.
fn first_sheet_path(workbook: &str, relations: &str) -> Option<String> {
    let mut reader = Reader::from_str(workbook);
    let id = loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"sheet" => break attribute(&e, b"r:id")?,
            Event::Eof => return None,
            _ => {}
        }
    };
    let mut reader = Reader::from_str(relations);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == b"Relationship" && attribute(&e, b"Id").as_deref() == Some(&id) =>
            {
                let target = attribute(&e, b"Target")?;
                return Some(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None => format!("xl/{target}"),
                });
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The column index of a cell reference such as `C7` (A is 0).
fn column(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference.bytes().take_while(u8::is_ascii_alphabetic).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    Some(letters.iter().fold(0usize, |n, b| n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1) - 1)
}

/// The sheet's rows: each `<row r=…>`, its cells placed by their references, counted against
/// the table's limits as they are read.
fn rows(xml: &str, shared: &[String]) -> Result<Rows, TableError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Rows::default();
    // The row being read, and the cell being read: its column and type, and its value's text.
    let mut row: Option<(usize, Vec<String>)> = None;
    let (mut at, mut kind, mut value, mut in_value) = (0usize, String::new(), String::new(), false);
    let mut rows_seen = 0usize;
    loop {
        match reader.read_event().map_err(|_| TableError::Unreadable)? {
            Event::Start(e) if e.local_name().as_ref() == b"row" => {
                rows_seen += 1;
                let line = attribute(&e, b"r").and_then(|r| r.parse().ok()).unwrap_or(rows_seen);
                if let Some((line, cells)) = row.replace((line, Vec::new())) {
                    out.push(line, cells)?;
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"row" => {
                if let Some((line, cells)) = row.take() {
                    out.push(line, cells)?;
                }
            }
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                let cells = row.as_ref().map_or(0, |(_, cells)| cells.len());
                at = attribute(&e, b"r").as_deref().and_then(column).unwrap_or(cells);
                kind = attribute(&e, b"t").unwrap_or_default();
                value.clear();
            }
            Event::Start(e) if matches!(e.local_name().as_ref(), b"v" | b"t") => in_value = true,
            Event::End(e) if matches!(e.local_name().as_ref(), b"v" | b"t") => in_value = false,
            Event::End(e) if e.local_name().as_ref() == b"c" => {
                let text = match kind.as_str() {
                    "s" => value.trim().parse::<usize>().ok().and_then(|i| shared.get(i)).map_or("", String::as_str),
                    _ => value.as_str(),
                }
                .trim();
                if text.is_empty() {
                    continue;
                }
                if at >= MAX_COLUMNS || text.len() > MAX_CELL_BYTES {
                    return Err(TableError::TooBig);
                }
                if let Some((_, cells)) = row.as_mut() {
                    if cells.len() <= at {
                        cells.resize(at + 1, String::new());
                    }
                    cells[at] = text.to_owned();
                }
            }
            Event::Eof => {
                if let Some((line, cells)) = row.take() {
                    out.push(line, cells)?;
                }
                return Ok(out);
            }
            event if in_value && value.len() <= MAX_CELL_BYTES => push_text(&event, &mut value),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{column, rows, shared_strings, TableError};

    #[test]
    fn cell_references_name_their_columns() {
        assert_eq!((column("A1"), column("C7"), column("Z9"), column("AA10")), (Some(0), Some(2), Some(25), Some(26)));
        assert_eq!(column("12"), None);
    }

    #[test]
    fn shared_inline_and_number_cells_are_read_in_place() {
        let shared = shared_strings(
            "<sst><si><t>社区</t></si><si><r><t>后亭</t></r><r><t>社区</t></r></si><si><t>A&amp;B</t></si></sst>",
        );
        assert_eq!(shared, ["社区", "后亭社区", "A&B"]);
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\">\
                     <is><t>角色</t></is></c></row><row r=\"3\"><c r=\"B3\"><v>46000</v></c><c r=\"C3\" t=\"s\"><v>2</v></c>\
                     </row></sheetData></worksheet>";
        let read = rows(sheet, &shared).expect("rows").rows;
        assert_eq!(read[0], (1, vec!["社区".to_owned(), String::new(), "角色".to_owned()]));
        assert_eq!(read[1], (3, vec![String::new(), "46000".to_owned(), "A&B".to_owned()]));
    }

    #[test]
    fn a_small_sheet_that_addresses_far_away_cells_is_refused_as_it_is_read() {
        let far = "<worksheet><sheetData><row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row></sheetData></worksheet>";
        assert_eq!(rows(far, &[]).err(), Some(TableError::TooBig));
        // A million rows of one shared string: refused at the first row past the limit.
        let huge = vec!["x".repeat(4000)];
        let many = format!(
            "<worksheet><sheetData>{}</sheetData></worksheet>",
            "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>0</v></c></row>".repeat(1_000_000)
        );
        assert_eq!(rows(&many, &huge).err(), Some(TableError::TooBig));
        // Empty cells far to the right (formatting) are not cells.
        let styled = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>a</v></c><c r=\"XFD1\" s=\"1\"></c></row></sheetData></worksheet>";
        assert_eq!(rows(styled, &[]).map(|r| r.rows), Ok(vec![(1, vec!["a".to_owned()])]));
    }
}
