//! A table pasted or uploaded for an import — CSV text, or an Excel workbook's first sheet — with
//! a header row, read into cells.

use app::error::AppError;
use app::i18n::Messages;
use base64::Engine;

/// The most rows one import takes.
pub const MAX_ROWS: usize = 2_000;

/// A header and its rows, each with its line number in the text (the header's is 1 or more).
pub struct Table {
    head: Vec<String>,
    /// Line number and cells of every row that is not blank.
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// Reads the first sheet of `workbook` (an `.xlsx`, base64) when there is one, else CSV
    /// `text` (a byte-order mark skipped); blank rows are skipped. 422 for a workbook that cannot
    /// be read, with `no_head` for a table without a header row, and for more than [`MAX_ROWS`]
    /// rows.
    pub fn read(text: &str, workbook: Option<&str>, t: &Messages, no_head: &str) -> Result<Table, AppError> {
        let all: Vec<(usize, Vec<String>)> = match workbook {
            Some(encoded) => base64::engine::general_purpose::STANDARD
                .decode(encoded.trim())
                .ok()
                .and_then(|bytes| super::xlsx::first_sheet(&bytes))
                .ok_or_else(|| AppError::invalid("workbook", t.err_import_workbook))?,
            None => {
                let text = text.trim_start_matches('\u{feff}');
                text.lines().enumerate().map(|(k, line)| (k + 1, fields(line))).collect()
            }
        };
        let mut rows = all.into_iter().filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
        let Some((_, head)) = rows.next() else { return Err(AppError::invalid("csv", no_head)) };
        let rows: Vec<(usize, Vec<String>)> = rows.collect();
        if rows.len() > MAX_ROWS {
            return Err(AppError::invalid("csv", t.err_import_too_many));
        }
        Ok(Table { head, rows })
    }

    /// Where the column with one of `names` (any case) is.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.head.iter().position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    }
}

/// The cell at `at` of `cells`, empty when the row is short.
pub fn cell(cells: &[String], at: usize) -> String {
    cells.get(at).cloned().unwrap_or_default()
}

/// Splits one CSV line into fields (quotes around a field, `""` inside one).
fn fields(line: &str) -> Vec<String> {
    let (mut out, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out.into_iter().map(|f| f.trim().to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::fields;

    #[test]
    fn csv_fields_are_split_with_their_quotes_undone() {
        assert_eq!(fields("张三, 广东某律师事务所 ,12345"), ["张三", "广东某律师事务所", "12345"]);
        assert_eq!(fields("\"李, 四\",\"说\"\"好\"\"\",1"), ["李, 四", "说\"好\"", "1"]);
    }
}
