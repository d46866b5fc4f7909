//! Reading back an exported workbook: its parts, and its cells row by row as the CSV shows them.

use std::io::Read;

/// The parts of a one-sheet workbook that the tests look into.
pub struct Workbook {
    /// `xl/worksheets/sheet1.xml`.
    pub sheet: String,
    /// `xl/styles.xml`.
    pub styles: String,
    /// The shared strings, in order.
    pub strings: Vec<String>,
}

/// The parts of a one-sheet workbook, after checking that it has what Excel needs to open it.
pub fn xlsx_parts(bytes: &[u8]) -> Workbook {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    // Written row by row, a sheet keeps its text in its cells (inline strings) and may have no
    // shared strings at all.
    let shared = archive.by_name("xl/sharedStrings.xml").is_ok();
    let mut part = |name: &str| {
        let mut text = String::new();
        archive.by_name(name).unwrap_or_else(|_| panic!("{name}")).read_to_string(&mut text).expect("utf-8");
        text
    };
    for name in ["[Content_Types].xml", "xl/workbook.xml", "_rels/.rels"] {
        part(name);
    }
    let strings = if shared { part("xl/sharedStrings.xml") } else { String::new() };
    let strings = strings
        .split("<si>")
        .skip(1)
        .map(|si| si.split_once('>').and_then(|(_, t)| t.split_once("</t>")).map_or("", |(t, _)| t))
        .map(unescape)
        .collect();
    Workbook { sheet: part("xl/worksheets/sheet1.xml"), styles: part("xl/styles.xml"), strings }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

impl Workbook {
    /// The `<xf>` cell formats, in order (a cell's `s` attribute is an index into them).
    fn cell_formats(&self) -> Vec<&str> {
        let xfs = self.styles.split_once("<cellXfs").map_or("", |(_, rest)| rest);
        let xfs = xfs.split_once("</cellXfs>").map_or(xfs, |(inner, _)| inner);
        xfs.split("<xf ").skip(1).collect()
    }

    /// Whether cell format `index` is bold (its font holds `<b/>`).
    pub fn is_bold(&self, index: usize) -> bool {
        let Some(xf) = self.cell_formats().get(index).copied() else { return false };
        let font: usize = attribute(xf, "fontId").and_then(|f| f.parse().ok()).unwrap_or(0);
        let fonts = self.styles.split_once("<fonts").map_or("", |(_, rest)| rest);
        fonts
            .split("<font>")
            .nth(font + 1)
            .or_else(|| fonts.split("<font ").nth(font + 1))
            .is_some_and(|f| f.split("</font>").next().is_some_and(|f| f.contains("<b/>")))
    }

    /// The cell format `ref` (such as `F1`) is written with.
    pub fn style_of(&self, reference: &str) -> usize {
        let cell = self.sheet.split(&format!("<c r=\"{reference}\"")).nth(1).expect("the cell");
        let cell = cell.split('>').next().unwrap_or_default();
        attribute(cell, "s").and_then(|s| s.parse().ok()).unwrap_or(0)
    }

    /// The sheet's cells row by row as text, empty cells included (as a CSV shows them); a number
    /// in the one-decimal format with one decimal.
    pub fn rows(&self) -> Vec<Vec<String>> {
        let formats = self.cell_formats();
        let mut rows = Vec::new();
        for row in self.sheet.split("<row ").skip(1) {
            let mut cells: Vec<String> = Vec::new();
            for cell in row.split("<c r=\"").skip(1) {
                let reference: String = cell.chars().take_while(|c| c.is_ascii_uppercase()).collect();
                let column = reference.bytes().fold(0, |n, b| n * 26 + usize::from(b - b'A' + 1)) - 1;
                cells.resize(column, String::new());
                let open = cell.split('>').next().unwrap_or_default();
                let value = cell.split_once("<v>").and_then(|(_, v)| v.split_once("</v>")).map_or("", |(v, _)| v);
                let style: usize = attribute(open, "s").and_then(|s| s.parse().ok()).unwrap_or(0);
                let one_decimal =
                    formats.get(style).is_some_and(|xf| attribute(xf, "numFmtId").as_deref() == Some("164"));
                cells.push(match attribute(open, "t").as_deref() {
                    Some("s") => {
                        value.parse().ok().and_then(|i: usize| self.strings.get(i).cloned()).unwrap_or_default()
                    }
                    Some("inlineStr") => cell
                        .split_once("<t")
                        .and_then(|(_, t)| t.split_once('>'))
                        .and_then(|(_, t)| t.split_once("</t>"))
                        .map_or(String::new(), |(t, _)| unescape(t)),
                    _ if one_decimal => value.parse::<f64>().map(|x| format!("{x:.1}")).unwrap_or_default(),
                    _ => unescape(value),
                });
            }
            rows.push(cells);
        }
        let width = rows.first().map_or(0, Vec::len);
        for row in &mut rows {
            row.resize(width, String::new());
        }
        rows
    }
}

/// The value of attribute `name` in the start of an element.
fn attribute(element: &str, name: &str) -> Option<String> {
    let element = format!(" {element}");
    let (_, rest) = element.split_once(&format!(" {name}=\""))?;
    rest.split_once('"').map(|(value, _)| value.to_owned())
}
