//! A one-sheet Excel workbook, written by `rust_xlsxwriter` in its constant-memory mode: a bold,
//! shaded header row that stays in view while scrolling (a frozen pane) with a filter on it,
//! numbers as numbers, means with one decimal, text always as text (never a formula), and columns
//! wide enough for their Chinese. Rows are written as they arrive and the workbook is streamed
//! to `out`, so a sheet of any length holds one row in memory.

use super::Cell;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::io::Write;
use tokio::sync::mpsc;

/// Writes `head` and the rows `rows` receives (until it closes, or a row fails) as a sheet named
/// `name`, to `out`. Runs on a blocking thread.
pub fn write(
    name: &str,
    head: &[String],
    mut rows: mpsc::Receiver<Result<Vec<Cell>, String>>,
    out: impl Write + Send,
) -> Result<(), String> {
    let fail = |e: XlsxError| e.to_string();
    let mut book = Workbook::new();
    let heading = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE5_E7_EB))
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let decimal = Format::new().set_num_format("0.0");
    let page = book.add_worksheet_with_constant_memory().map_err(fail)?;
    // Sheet names are at most 31 characters, without []:*?/\.
    let name: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    page.set_name(name).map_err(fail)?;
    let mut widest: Vec<f64> = head.iter().map(|h| text_width(h)).collect();
    for (k, title) in head.iter().enumerate() {
        page.write_string_with_format(0, column(k), title, &heading).map_err(fail)?;
    }
    let mut last_row = 0;
    while let Some(row) = rows.blocking_recv() {
        last_row += 1;
        write_row(page, last_row, &row?, &decimal, &mut widest).map_err(fail)?;
    }
    for (k, width) in widest.into_iter().enumerate() {
        page.set_column_width(column(k), (width + 2.0).clamp(6.0, 40.0)).map_err(fail)?;
    }
    page.set_freeze_panes(1, 0).map_err(fail)?;
    page.autofilter(0, 0, last_row, column(head.len().saturating_sub(1))).map_err(fail)?;
    book.save_to_writer(out).map_err(fail)
}

fn column(k: usize) -> u16 {
    u16::try_from(k).unwrap_or(u16::MAX)
}

/// Row `r`'s cells, widening `widest` to fit them.
fn write_row(
    page: &mut Worksheet,
    r: u32,
    row: &[Cell],
    decimal: &Format,
    widest: &mut Vec<f64>,
) -> Result<(), XlsxError> {
    for (k, cell) in row.iter().enumerate() {
        match cell {
            Cell::Text(text) if text.is_empty() => {}
            Cell::Text(text) => {
                page.write_string(r, column(k), text)?;
            }
            Cell::Number(n) => {
                page.write_number(r, column(k), *n as f64)?;
            }
            Cell::Decimal(Some(x)) => {
                page.write_number_with_format(r, column(k), *x, decimal)?;
            }
            Cell::Decimal(None) => {}
        }
        if widest.len() <= k {
            widest.resize(k + 1, 0.0);
        }
        widest[k] = widest[k].max(cell.width());
    }
    Ok(())
}

fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.0 }).sum()
}

impl Cell {
    fn width(&self) -> f64 {
        match self {
            Cell::Text(text) => text_width(text),
            Cell::Number(n) => n.to_string().len() as f64,
            Cell::Decimal(_) => 4.0,
        }
    }
}
