//! Lawyers imported in bulk from a CSV table (name, law firm, licence number): read and checked
//! row by row first — each row's error in words — and written only when asked and only when no
//! row has one, all in one transaction, firms added as they first appear.

use super::table::{cell, Table};
use super::Imports;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use app::error::AppError;
use app::model::{ImportReport, ImportRow, LawyersCsv};
use std::collections::HashSet;

/// Reads `request.csv`, checks every row, and writes the lawyers when `request.write` and no row
/// is wrong. 422 with the report when a row is wrong and writing was asked; 422 for a table
/// without the three columns or with more than [`super::table::MAX_ROWS`] rows.
pub async fn lawyers(imports: &Imports, caller: &Caller, request: LawyersCsv) -> Result<ImportReport, Failure> {
    let Imports { store, heavy } = imports;
    let user = caller.user()?;
    let t = caller.lang.messages();
    let table = Table::read(heavy, caller, request.csv.clone(), request.workbook.clone(), t.err_import_head).await?;
    let (Some(name_at), Some(firm_at), Some(licence_at)) = (
        table.column(&["律师姓名", "name"]),
        table.column(&["律师事务所", "firm"]),
        table.column(&["执业证号", "licence_no"]),
    ) else {
        return Err(AppError::invalid("csv", t.err_import_head).into());
    };
    let known: Vec<String> = sqlx::query_scalar("SELECT licence_no FROM lawyers").fetch_all(&store.pool).await?;
    let mut taken: HashSet<String> = known.into_iter().collect();
    let rows: Vec<ImportRow> = table
        .rows
        .into_iter()
        .map(|(line, cells)| {
            let (name, firm, licence_no) = (cell(&cells, name_at), cell(&cells, firm_at), cell(&cells, licence_at));
            let error = if name.is_empty() || name.chars().count() > 40 {
                Some(t.err_import_name)
            } else if firm.is_empty() || firm.chars().count() > 80 {
                Some(t.err_import_firm)
            } else if licence_no.len() != 17 || !licence_no.bytes().all(|b| b.is_ascii_digit()) {
                Some(t.err_import_licence)
            } else if !taken.insert(licence_no.clone()) {
                Some(t.err_import_duplicate)
            } else {
                None
            };
            ImportRow { line: line as i64, name, firm, licence_no, error: error.map(str::to_owned) }
        })
        .collect();
    let wrong = rows.iter().any(|r| r.error.is_some());
    if !request.write {
        return Ok(ImportReport { rows, written: false });
    }
    if wrong || rows.is_empty() {
        return Err(AppError::invalid("csv", t.err_import_rows).into());
    }
    let mut tx = store.writer().begin().await?;
    for row in &rows {
        sqlx::query(
            "INSERT INTO law_firms (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM law_firms WHERE name = $1)",
        )
        .bind(&row.firm)
        .execute(&mut *tx)
        .await?;
        // A licence number registered meanwhile makes the unique key refuse the whole import.
        sqlx::query("INSERT INTO lawyers (firm_id, name, licence_no) SELECT id, $2, $3 FROM law_firms WHERE name = $1")
            .bind(&row.firm)
            .bind(&row.name)
            .bind(&row.licence_no)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "lawyers_import", &format!("lawyers:{}", rows.len())).await?;
    Ok(ImportReport { rows, written: true })
}
