//! The first sheet of an Excel workbook (`.xlsx`), read with `calamine` cell by cell, each cell
//! counted against the table's limits as it comes: a small file that addresses far-away cells or
//! repeats one long string a million times is refused before it costs memory. Before calamine
//! opens it, the archive is unpacked once into nothing, counting what really comes out, so no
//! part (the shared strings calamine keeps whole, a sheet) can be bigger than [`MAX_UNPACKED`].

use super::table::{Rows, TableError, MAX_COLUMNS};
use app::time::LocalDate;
use calamine::{DataRef, Reader, Xlsx};
use std::io::{Cursor, Read};

/// The most bytes all parts of a workbook may unpack to together.
const MAX_UNPACKED: u64 = 64 << 20;
/// The most parts a workbook may hold.
const MAX_PARTS: usize = 1_000;
/// The most text one cell may hold.
const MAX_CELL_BYTES: usize = 4096;
/// 1970-01-01 as a workbook's day number.
const EXCEL_1970: f64 = 25_569.0;

/// The rows of the workbook's first sheet, cells placed by their column (blank rows skipped).
/// [`TableError::Unreadable`] for what is not a workbook; [`TableError::TooBig`] for a table
/// over the limits, or an archive that unpacks to more than [`MAX_UNPACKED`].
pub fn first_sheet(bytes: &[u8]) -> Result<Rows, TableError> {
    unpacked_within_limits(bytes)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|_| TableError::Unreadable)?;
    let name = book.sheet_names().first().cloned().ok_or(TableError::Unreadable)?;
    let mut cells = book.worksheet_cells_reader(&name).map_err(|_| TableError::Unreadable)?;
    let mut out = Rows::default();
    let mut row: Option<(u32, Vec<String>)> = None;
    while let Some(cell) = cells.next_cell().map_err(|_| TableError::Unreadable)? {
        let (at_row, at_column) = cell.get_position();
        let text = text_of(cell.get_value());
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let column = usize::try_from(at_column).unwrap_or(usize::MAX);
        if column >= MAX_COLUMNS || text.len() > MAX_CELL_BYTES {
            return Err(TableError::TooBig);
        }
        if row.as_ref().is_some_and(|(r, _)| *r != at_row) {
            if let Some((r, done)) = row.take() {
                out.push(line(r), done)?;
            }
        }
        let (_, values) = row.get_or_insert_with(|| (at_row, Vec::new()));
        if values.len() <= column {
            values.resize(column + 1, String::new());
        }
        values[column] = text.to_owned();
    }
    if let Some((r, done)) = row {
        out.push(line(r), done)?;
    }
    Ok(out)
}

/// A sheet row's number as people see it (the first is 1).
fn line(row: u32) -> usize {
    usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1)
}

/// A cell as text: a date as `YYYY-MM-DD`, a whole number without a decimal point.
fn text_of(value: &DataRef) -> String {
    match value {
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => text.clone(),
        DataRef::SharedString(text) => (*text).to_owned(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
        DataRef::Float(x) => x.to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(when) if when.is_datetime() => {
            let day = (when.as_f64() - EXCEL_1970).floor();
            if day.abs() < 1e6 {
                LocalDate::from_days(day as i64).to_string()
            } else {
                String::new()
            }
        }
        DataRef::DateTime(when) => when.as_f64().to_string(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// Unpacks every part into nothing, counting: more than [`MAX_PARTS`] parts or
/// [`MAX_UNPACKED`] bytes is [`TableError::TooBig`].
fn unpacked_within_limits(bytes: &[u8]) -> Result<(), TableError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| TableError::Unreadable)?;
    if archive.len() > MAX_PARTS {
        return Err(TableError::TooBig);
    }
    let mut left = MAX_UNPACKED;
    for index in 0..archive.len() {
        let part = archive.by_index(index).map_err(|_| TableError::Unreadable)?;
        let out = std::io::copy(&mut part.take(left + 1), &mut std::io::sink()).map_err(|_| TableError::Unreadable)?;
        left = left.checked_sub(out).ok_or(TableError::TooBig)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{first_sheet, TableError};
    use std::io::Write;

    const PACKAGE_RELS: &str = "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

    /// A workbook of `sheet` (its `sheetData`) and shared strings `shared` (their `si`s).
    fn book(sheet: &str, shared: &str) -> Vec<u8> {
        let parts = [
            ("_rels/.rels", PACKAGE_RELS.to_owned()),
            ("xl/workbook.xml", "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_owned()),
            ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_owned()),
            ("xl/worksheets/sheet1.xml", format!("<worksheet><sheetData>{sheet}</sheetData></worksheet>")),
            ("xl/sharedStrings.xml", format!("<sst>{shared}</sst>")),
        ];
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, text) in parts {
            zip.start_file(name, zip::write::SimpleFileOptions::default()).expect("part");
            zip.write_all(text.as_bytes()).expect("write");
        }
        zip.finish().expect("zip").into_inner()
    }

    #[test]
    fn shared_inline_and_number_cells_are_read_in_place() {
        let shared = "<si><t>社区</t></si><si><r><t>后亭</t></r><r><t>社区</t></r></si><si><t>A&amp;B</t></si>";
        let sheet = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>角色</t></is></c></row>\
                     <row r=\"3\"><c r=\"B3\"><v>46000</v></c><c r=\"C3\" t=\"s\"><v>2</v></c><c r=\"D3\" t=\"s\"><v>1</v></c></row>";
        let read = first_sheet(&book(sheet, shared)).expect("rows").rows;
        assert_eq!(read[0], (1, vec!["社区".to_owned(), String::new(), "角色".to_owned()]));
        assert_eq!(read[1], (3, vec![String::new(), "46000".to_owned(), "A&B".to_owned(), "后亭社区".to_owned()]));
    }

    #[test]
    fn a_small_sheet_that_addresses_far_away_cells_is_refused_as_it_is_read() {
        let far = "<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>";
        assert_eq!(first_sheet(&book(far, "")).err(), Some(TableError::TooBig));
        // A million rows of one shared string: refused at the first row past the limit.
        let many = "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>0</v></c></row>".repeat(1_000_000);
        let huge = format!("<si><t>{}</t></si>", "x".repeat(4000));
        assert_eq!(first_sheet(&book(&many, &huge)).err(), Some(TableError::TooBig));
        // Empty cells far to the right (formatting) are not cells.
        let styled = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"XFD1\" s=\"1\"></c></row>";
        assert_eq!(first_sheet(&book(styled, "")).map(|r| r.rows), Ok(vec![(1, vec!["a".to_owned()])]));
    }

    #[test]
    fn an_archive_that_unpacks_too_far_or_is_not_one_is_refused() {
        let strings = format!("<si><t>{}</t></si>", "y".repeat(1 << 20)).repeat(70);
        assert_eq!(first_sheet(&book("", &strings)).err(), Some(TableError::TooBig));
        assert_eq!(first_sheet(b"not a workbook").err(), Some(TableError::Unreadable));
    }
}
