//! Reading back an exported workbook: its one sheet, and its cells row by row as text.

/// The sheet of a one-sheet workbook.
pub fn xlsx_sheet(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut sheet = String::new();
    archive.by_name("xl/worksheets/sheet1.xml").expect("sheet1").read_to_string(&mut sheet).expect("utf-8");
    for part in ["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "_rels/.rels"] {
        assert!(archive.by_name(part).is_ok(), "{part}");
    }
    sheet
}

/// The sheet's cells row by row as text, empty cells included (as a CSV shows them).
pub fn xlsx_rows(sheet: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for row in sheet.split("<row ").skip(1) {
        let mut cells: Vec<String> = Vec::new();
        for cell in row.split("<c r=\"").skip(1) {
            let reference: String = cell.chars().take_while(|c| c.is_ascii_uppercase()).collect();
            let column = reference.bytes().fold(0, |n, b| n * 26 + usize::from(b - b'A' + 1)) - 1;
            cells.resize(column, String::new());
            let value =
                |open: &str, close: &str| cell.split_once(open).and_then(|(_, v)| v.split_once(close)).map(|(v, _)| v);
            let value = value("<t>", "</t>").or_else(|| value("<v>", "</v>")).unwrap_or_default();
            let value = match value.parse::<f64>() {
                Ok(x) if cell.contains("s=\"2\"") => format!("{x:.1}"),
                _ => value
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&"),
            };
            cells.push(value);
        }
        rows.push(cells);
    }
    let width = rows.first().map_or(0, Vec::len);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    rows
}
