//! A table pasted or uploaded for an import — CSV text, or an Excel workbook's first sheet — with
//! a header row, read into cells.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::heavy::Heavy;
use app::error::{AppError, ErrorKind};
use base64::Engine;

/// The most rows one import takes.
pub const MAX_ROWS: usize = 2_000;
/// The most columns read from a row: an import has a handful; a cell further right is refused
/// (a reference such as `XFD1` must not make every row sixteen thousand cells wide).
pub const MAX_COLUMNS: usize = 64;
/// The most text all cells of one table may hold together.
pub const MAX_TEXT_BYTES: usize = 4 << 20;

/// Why a table could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum TableError {
    /// Not a workbook that can be read.
    Unreadable,
    /// Over [`MAX_ROWS`], [`MAX_COLUMNS`] or [`MAX_TEXT_BYTES`], found while reading.
    TooBig,
}

/// Rows as they are read, each line number and cells, counted against the limits as they come.
#[derive(Default)]
pub struct Rows {
    /// Line number and cells of every row that is not blank.
    pub rows: Vec<(usize, Vec<String>)>,
    text_bytes: usize,
}

impl Rows {
    /// Adds a row; blank rows are skipped. More than the header and [`MAX_ROWS`] rows, a cell
    /// past [`MAX_COLUMNS`] or more than [`MAX_TEXT_BYTES`] of text is [`TableError::TooBig`].
    pub fn push(&mut self, line: usize, cells: Vec<String>) -> Result<(), TableError> {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return Ok(());
        }
        self.text_bytes += cells.iter().map(String::len).sum::<usize>();
        if cells.len() > MAX_COLUMNS || self.rows.len() > MAX_ROWS || self.text_bytes > MAX_TEXT_BYTES {
            return Err(TableError::TooBig);
        }
        self.rows.push((line, cells));
        Ok(())
    }
}

/// A header and its rows, each with its line number in the text (the header's is 1 or more).
pub struct Table {
    head: Vec<String>,
    /// Line number and cells of every row that is not blank.
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// Reads the first sheet of `workbook` (an `.xlsx`, base64) when there is one, else CSV
    /// `text` (a byte-order mark skipped), within `heavy`'s limit; blank rows are skipped. 422 for
    /// a workbook that cannot be read, with `no_head` for a table without a header row, and for
    /// more than [`MAX_ROWS`] rows (counted while reading, before the rest is read).
    pub async fn read(
        heavy: &Heavy,
        caller: &Caller,
        text: String,
        workbook: Option<String>,
        no_head: &str,
    ) -> Result<Table, Failure> {
        let t = caller.lang.messages();
        let read = heavy.run(move || match workbook {
            Some(encoded) => base64::engine::general_purpose::STANDARD
                .decode(encoded.trim())
                .map_err(|_| TableError::Unreadable)
                .and_then(|bytes| super::xlsx::first_sheet(&bytes)),
            None => csv(&text),
        });
        let mut rows = match read.await.ok_or_else(|| caller.error(ErrorKind::Internal))? {
            Ok(rows) => rows.rows.into_iter(),
            Err(TableError::Unreadable) => return Err(AppError::invalid("workbook", t.err_import_workbook).into()),
            Err(TableError::TooBig) => return Err(AppError::invalid("csv", t.err_import_too_many).into()),
        };
        let Some((_, head)) = rows.next() else { return Err(AppError::invalid("csv", no_head).into()) };
        Ok(Table { head, rows: rows.collect() })
    }

    /// The table of CSV `text` read as it is (a file the program ships): `None` when it cannot
    /// be read or has no header.
    pub fn of_csv(text: &str) -> Option<Table> {
        let mut rows = csv(text).ok()?.rows.into_iter();
        let (_, head) = rows.next()?;
        Some(Table { head, rows: rows.collect() })
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

/// CSV `text` read record by record with the `csv` crate (a quoted cell may hold commas, quotes
/// and line breaks; a byte-order mark is skipped), each counted against the limits as it comes.
/// A row's number is the text's line it starts on.
pub fn csv(text: &str) -> Result<Rows, TableError> {
    // Line ends as one character, so that a record's start is where its line starts.
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut rows = Rows::default();
    let mut record = csv::StringRecord::new();
    // Lines are counted here, before a record's first character (the crate's own count leaves
    // out the line breaks inside quoted cells; the position it gives may be a blank line's).
    let (mut counted, mut line) = (0, 1);
    while reader.read_record(&mut record).map_err(|_| TableError::Unreadable)? {
        let mut upto = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX)).min(text.len());
        while text.as_bytes().get(upto) == Some(&b'\n') {
            upto += 1;
        }
        if upto > counted {
            line += text.as_bytes()[counted..upto].iter().filter(|b| **b == b'\n').count();
            counted = upto;
        }
        rows.push(line, record.iter().map(str::to_owned).collect())?;
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::{csv, TableError, MAX_COLUMNS, MAX_ROWS};

    fn cells(text: &str) -> Vec<(usize, Vec<String>)> {
        csv(text).expect("csv").rows
    }

    #[test]
    fn csv_fields_are_split_with_their_quotes_undone() {
        assert_eq!(cells("张三, 广东某律师事务所 ,12345")[0].1, ["张三", "广东某律师事务所", "12345"]);
        assert_eq!(cells("\"李, 四\",\"说\"\"好\"\"\",1")[0].1, ["李, 四", "说\"好\"", "1"]);
    }

    #[test]
    fn a_quoted_cell_may_hold_a_line_break_and_rows_keep_their_line_numbers() {
        let read = cells("\u{feff}社区,说明\n后亭社区,\"第一行\n第二行\"\n\n海旺社区,x\n");
        assert_eq!(read[1], (2, vec!["后亭社区".to_owned(), "第一行\n第二行".to_owned()]));
        assert_eq!(read[2], (5, vec!["海旺社区".to_owned(), "x".to_owned()]), "the blank line is skipped");
        let crlf = cells("社区,说明\r\n后亭社区,\"a\r\nb\"\r\n\r\n海旺社区,x\r\n");
        assert_eq!(crlf.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [1, 2, 5], "CRLF lines count alike");
        assert_eq!(crlf[1].1[1], "a\nb");
    }

    #[test]
    fn tables_over_the_limits_are_refused_while_read() {
        let head = "name,firm,licence\n";
        let fits = format!("{head}{}", "a,b,c\n".repeat(MAX_ROWS));
        assert_eq!(csv(&fits).map(|r| r.rows.len()), Ok(MAX_ROWS + 1));
        let over = format!("{head}{}", "a,b,c\n".repeat(MAX_ROWS + 1));
        assert_eq!(csv(&over).err(), Some(TableError::TooBig));
        // Blank lines are not rows.
        let blanks = format!("{head}{}a,b,c\n", ",,\n".repeat(MAX_ROWS * 3));
        assert_eq!(csv(&blanks).map(|r| r.rows.len()), Ok(2));
        assert_eq!(csv(&",".repeat(MAX_COLUMNS + 1)).err(), None, "blank cells only");
        assert_eq!(csv(&format!("{}x", ",".repeat(MAX_COLUMNS))).err(), Some(TableError::TooBig));
    }
}
