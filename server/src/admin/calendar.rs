//! The district calendar kept by the district's staff and administrators: one day at a time, or a year from a small table
//! (date, kind, name, and for a make-up working day the weekday it runs as), checked row by row
//! and written in place of the year in one transaction. Availability answered from memory sees
//! a change within `AVAILABILITY_CACHE_MS` (a second), as it sees one made on another server.

use super::table::{cell, Table};
use super::Imports;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;
use app::domain::{check_day, DayKind, DayProblem};
use app::error::AppError;
use app::i18n::Messages;
use app::model::{CalendarDay, CalendarImport, CalendarReport, CalendarRow, CalendarYear, DayRequest, YearRequest};
use app::time::LocalDate;
use sqlx::{Any, Transaction};
use std::collections::HashSet;

/// The years a calendar may be kept for.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A day as stored.
#[derive(sqlx::FromRow)]
struct Row {
    on_date: String,
    kind: String,
    name: String,
    works_as: Option<i64>,
}

/// `calendar/year`: a year's days, in date order.
pub async fn year(store: &Store, caller: &Caller, request: YearRequest) -> Result<CalendarYear, Failure> {
    check_year(caller, request.year)?;
    read(store, request.year).await
}

/// `calendar/save`: adds or changes one day.
pub async fn save(store: &Store, caller: &Caller, day: CalendarDay) -> Result<CalendarYear, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let date = LocalDate::parse(&day.date).ok_or_else(|| AppError::invalid("date", t.err_calendar_date))?;
    check_year(caller, date.year)?;
    check_day(date.year, date, day.kind, &day.name, day.works_as).map_err(|p| invalid(t, p))?;
    let mut tx = store.writer().begin().await?;
    write_day(&mut tx, date, &day).await?;
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "calendar_save", &format!("day:{date}")).await?;
    read(store, date.year).await
}

/// `calendar/remove`: takes a day off the calendar (a day not on it: 404).
pub async fn remove(store: &Store, caller: &Caller, request: DayRequest) -> Result<CalendarYear, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let date = LocalDate::parse(&request.date).ok_or_else(|| AppError::invalid("date", t.err_calendar_date))?;
    let removed = sqlx::query("DELETE FROM holidays WHERE on_date = $1")
        .bind(date.to_string())
        .execute(store.writer())
        .await?
        .rows_affected();
    if removed == 0 {
        return Err(caller.error(app::error::ErrorKind::NotFound).into());
    }
    audit::record_by(store, caller, user.id, "calendar_remove", &format!("day:{date}")).await?;
    read(store, date.year).await
}

/// `calendar/import`: checks every row of the table; when asked and no row is wrong, the year's
/// days are replaced by them in one transaction. 422 with nothing changed otherwise.
pub async fn import(imports: &Imports, caller: &Caller, request: CalendarImport) -> Result<CalendarReport, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    check_year(caller, request.year)?;
    let table = Table::read(&imports.heavy, caller, request.csv, request.workbook, t.err_calendar_head).await?;
    let days = days_of(&table, request.year, t)?;
    let wrong = days.iter().any(|(row, _)| row.error.is_some());
    let rows: Vec<CalendarRow> = days.iter().map(|(row, _)| row.clone()).collect();
    if !request.write {
        return Ok(CalendarReport { rows, written: false });
    }
    if wrong || rows.is_empty() {
        return Err(AppError::invalid("csv", t.err_calendar_rows).into());
    }
    let mut tx = imports.store.writer().begin().await?;
    replace_year(&mut tx, request.year, days.iter().filter_map(|(_, day)| day.as_ref())).await?;
    tx.commit().await?;
    let target = format!("year:{}:{}", request.year, rows.len());
    audit::record_by(&imports.store, caller, user.id, "calendar_import", &target).await?;
    Ok(CalendarReport { rows, written: true })
}

/// A row as read, with its error or else the day it makes.
pub type ReadRow = (CalendarRow, Option<(LocalDate, CalendarDay)>);

/// Each row of `table` for `year`, with its error or the day it makes; 422 without the columns.
pub fn days_of(table: &Table, year: i32, t: &Messages) -> Result<Vec<ReadRow>, Failure> {
    let (Some(date_at), Some(kind_at), Some(name_at)) =
        (table.column(&["日期", "date"]), table.column(&["类型", "kind"]), table.column(&["名称", "name"]))
    else {
        return Err(AppError::invalid("csv", t.err_calendar_head).into());
    };
    let works_at = table.column(&["按星期", "works_as"]);
    let mut seen = HashSet::new();
    Ok(table
        .rows
        .iter()
        .map(|(line, cells)| {
            let mut row = CalendarRow {
                line: *line as i64,
                date: cell(cells, date_at).trim().to_owned(),
                kind: cell(cells, kind_at).trim().to_owned(),
                name: cell(cells, name_at).trim().to_owned(),
                works_as: works_at.map(|at| cell(cells, at).trim().to_owned()).unwrap_or_default(),
                error: None,
            };
            let day = read_row(&row, year, t, &mut seen);
            row.error = day.as_ref().err().map(|e| (*e).to_owned());
            (row, day.ok())
        })
        .collect())
}

/// One row checked: the date, the kind (English or Chinese), the name and the weekday.
fn read_row(
    row: &CalendarRow,
    year: i32,
    t: &Messages,
    seen: &mut HashSet<LocalDate>,
) -> Result<(LocalDate, CalendarDay), &'static str> {
    let date = LocalDate::parse(&row.date).ok_or(t.err_calendar_date)?;
    let kind = match row.kind.to_ascii_lowercase().as_str() {
        "holiday" | "放假" | "休" => DayKind::Holiday,
        "workday" | "上班" | "班" => DayKind::Workday,
        _ => return Err(t.err_calendar_kind),
    };
    let works_as = match row.works_as.as_str() {
        "" => None,
        text => Some(text.parse::<u8>().map_err(|_| t.err_calendar_works_as)?),
    };
    check_day(year, date, kind, &row.name, works_as).map_err(|p| message(t, p))?;
    if !seen.insert(date) {
        return Err(t.err_calendar_twice);
    }
    Ok((date, CalendarDay { date: date.to_string(), kind, name: row.name.clone(), works_as }))
}

/// The year's days replaced by `days`.
pub async fn replace_year<'a>(
    tx: &mut Transaction<'_, Any>,
    year: i32,
    days: impl Iterator<Item = &'a (LocalDate, CalendarDay)>,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM holidays WHERE on_date >= $1 AND on_date <= $2")
        .bind(format!("{year:04}-01-01"))
        .bind(format!("{year:04}-12-31"))
        .execute(&mut **tx)
        .await?;
    for (date, day) in days {
        write_day(tx, *date, day).await?;
    }
    Ok(())
}

/// One day written over whatever the date held (a checked day).
pub async fn write_day(tx: &mut Transaction<'_, Any>, date: LocalDate, day: &CalendarDay) -> Result<(), sqlx::Error> {
    let works_as = (day.kind == DayKind::Workday).then_some(day.works_as).flatten().map(i64::from);
    sqlx::query("DELETE FROM holidays WHERE on_date = $1").bind(date.to_string()).execute(&mut **tx).await?;
    sqlx::query("INSERT INTO holidays (on_date, kind, name, works_as) VALUES ($1, $2, $3, $4)")
        .bind(date.to_string())
        .bind(day.kind.as_str())
        .bind(day.name.trim())
        .bind(works_as)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn read(store: &Store, year: i32) -> Result<CalendarYear, Failure> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT on_date, kind, name, works_as FROM holidays WHERE on_date >= $1 AND on_date <= $2 ORDER BY on_date",
    )
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{year:04}-12-31"))
    .fetch_all(&store.pool)
    .await?;
    let days = rows
        .into_iter()
        .map(|r| CalendarDay {
            date: r.on_date,
            kind: DayKind::from_db(&r.kind).unwrap_or(DayKind::Holiday),
            name: r.name,
            works_as: r.works_as.and_then(|d| u8::try_from(d).ok()),
        })
        .collect();
    Ok(CalendarYear { year, days })
}

fn check_year(caller: &Caller, year: i32) -> Result<(), Failure> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(AppError::invalid("year", caller.lang.messages().err_calendar_year).into())
    }
}

fn message(t: &Messages, problem: DayProblem) -> &'static str {
    match problem {
        DayProblem::OutsideYear => t.err_calendar_outside_year,
        DayProblem::WorkdayOnWeekday => t.err_calendar_weekday,
        DayProblem::WorksAs => t.err_calendar_works_as,
        DayProblem::Name => t.err_calendar_name,
        DayProblem::Twice => t.err_calendar_twice,
    }
}

fn invalid(t: &Messages, problem: DayProblem) -> AppError {
    let field = match problem {
        DayProblem::OutsideYear | DayProblem::WorkdayOnWeekday | DayProblem::Twice => "date",
        DayProblem::WorksAs => "works_as",
        DayProblem::Name => "name",
    };
    AppError::invalid(field, message(t, problem))
}
