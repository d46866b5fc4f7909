//! A one-sheet Excel workbook of a [`Sheet`], written by `rust_xlsxwriter`: a bold, shaded header
//! row that stays in view while scrolling (a frozen pane) with a filter on it, numbers as
//! numbers, means with one decimal, text always as text (never a formula), and columns wide
//! enough for their Chinese.

use super::{Cell, Sheet};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// The workbook's bytes.
pub fn workbook(sheet: &Sheet) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE5_E7_EB))
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let decimal = Format::new().set_num_format("0.0");
    let page = book.add_worksheet();
    // Sheet names are at most 31 characters, without []:*?/\.
    let name: String = sheet.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    page.set_name(name)?;
    for (k, title) in sheet.head.iter().enumerate() {
        let column = u16::try_from(k).unwrap_or(u16::MAX);
        page.write_string_with_format(0, column, title, &head)?;
        page.set_column_width(column, width_of(sheet, k))?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap_or(u32::MAX);
        for (k, cell) in row.iter().enumerate() {
            let column = u16::try_from(k).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(text) if text.is_empty() => {}
                Cell::Text(text) => {
                    page.write_string(r, column, text)?;
                }
                Cell::Number(n) => {
                    page.write_number(r, column, *n as f64)?;
                }
                Cell::Decimal(Some(x)) => {
                    page.write_number_with_format(r, column, *x, &decimal)?;
                }
                Cell::Decimal(None) => {}
            }
        }
    }
    page.set_freeze_panes(1, 0)?;
    let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
    let last_column = u16::try_from(sheet.head.len().saturating_sub(1)).unwrap_or(u16::MAX);
    page.autofilter(0, 0, last_row, last_column)?;
    book.save_to_buffer()
}

/// Column `k`'s width: its widest cell, Chinese characters counting two, within 6–40.
fn width_of(sheet: &Sheet, k: usize) -> f64 {
    let widest = std::iter::once(text_width(&sheet.head[k]))
        .chain(sheet.rows.iter().map(|row| row.get(k).map_or(0.0, Cell::width)))
        .fold(0.0, f64::max);
    (widest + 2.0).clamp(6.0, 40.0)
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
