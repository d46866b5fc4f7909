//! Assignments imported in bulk from a CSV table (community, role, lawyer's licence number, start):
//! every row is tried in order inside one transaction, exactly as a change made by hand (the
//! current holder's assignment ends the day before, history kept), so a row sees the rows above
//! it. The transaction is kept only when writing was asked and no row is wrong; a check rolls it
//! back, so the preview is what the import would do.

use super::assignments::{hand_over, MAX_DAYS_AWAY};
use super::table::{cell, Table};
use super::Imports;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::today;
use app::domain::AssignmentRole;
use app::error::{AppError, ErrorKind};
use app::model::{AssignmentImportReport, AssignmentImportRow, AssignmentsCsv};
use app::time::LocalDate;
use std::collections::HashSet;

/// The role a cell names: A, B or the coordinator, in either language.
fn role(text: &str) -> Option<AssignmentRole> {
    match text.trim().to_lowercase().as_str() {
        "a" | "a角" | "a岗" => Some(AssignmentRole::A),
        "b" | "b角" | "b岗" => Some(AssignmentRole::B),
        "联络员" | "coordinator" => Some(AssignmentRole::Coordinator),
        _ => None,
    }
}

/// A date cell as `YYYY-MM-DD`: a workbook's date comes as its day number (days since
/// 1899-12-30); other text is kept as written.
fn excel_day(text: String) -> String {
    match text.parse::<i64>() {
        Ok(day @ 20_000..=80_000) => LocalDate::from_days(day - EXCEL_1970).to_string(),
        _ => text,
    }
}

/// 1970-01-01 as a workbook's day number.
const EXCEL_1970: i64 = 25_569;

/// Reads `request.csv` (or its workbook), tries every row, and keeps them when `request.write` and no row is
/// wrong. 422 when a row is wrong and writing was asked; 422 for a table without the four
/// columns or with too many rows.
pub async fn assignments(
    imports: &Imports,
    caller: &Caller,
    request: AssignmentsCsv,
) -> Result<AssignmentImportReport, Failure> {
    let Imports { store, heavy } = imports;
    let user = caller.user()?;
    let t = caller.lang.messages();
    let table =
        Table::read(heavy, caller, request.csv.clone(), request.workbook.clone(), t.err_import_assign_head).await?;
    let columns = Columns::of(&table).ok_or_else(|| AppError::invalid("csv", t.err_import_assign_head))?;
    let today = today();
    let mut tx = store.writer().begin().await?;
    let mut seen: HashSet<(i64, AssignmentRole)> = HashSet::new();
    let mut rows = Vec::with_capacity(table.rows.len());
    for (line, cells) in &table.rows {
        let (mut row, street) = columns.row(*line, cells);
        row.error = try_row(&mut tx, caller, user.street, today, &mut seen, &mut row, &street).await?;
        rows.push(row);
    }
    let wrong = rows.iter().any(|r| r.error.is_some());
    if !request.write || wrong || rows.is_empty() {
        tx.rollback().await?;
        if request.write {
            return Err(AppError::invalid("csv", t.err_import_assign_rows).into());
        }
        return Ok(AssignmentImportReport { rows, written: false });
    }
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "assignments_import", &format!("assignments:{}", rows.len())).await?;
    Ok(AssignmentImportReport { rows, written: true })
}

/// Where the table's columns are; the street is optional.
struct Columns {
    community: usize,
    role: usize,
    licence: usize,
    starts: usize,
    street: Option<usize>,
}

impl Columns {
    /// `None` without one of the four columns every row needs.
    fn of(table: &Table) -> Option<Columns> {
        Some(Columns {
            community: table.column(&["社区", "community"])?,
            role: table.column(&["角色", "role"])?,
            licence: table.column(&["执业证号", "licence_no"])?,
            starts: table.column(&["开始日期", "starts_on"])?,
            street: table.column(&["街道", "street"]),
        })
    }

    /// A row of the report as read, and the street it names (empty when none).
    fn row(&self, line: usize, cells: &[String]) -> (AssignmentImportRow, String) {
        let row = AssignmentImportRow {
            line,
            community: cell(cells, self.community),
            role: cell(cells, self.role),
            licence_no: cell(cells, self.licence),
            starts_on: excel_day(cell(cells, self.starts)),
            lawyer_name: None,
            error: None,
        };
        (row, self.street.map(|at| cell(cells, at)).unwrap_or_default())
    }
}

/// Tries one row inside `tx` through the same hand-over as a change by hand, so a row sees the
/// rows above it; why it is wrong, or `None` when it went in.
async fn try_row(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    own_street: Option<i64>,
    today: LocalDate,
    seen: &mut HashSet<(i64, AssignmentRole)>,
    row: &mut AssignmentImportRow,
    street: &str,
) -> Result<Option<String>, Failure> {
    let t = caller.lang.messages();
    // Communities of that name (in that street, when one is given).
    let found: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.id, c.street_id FROM communities c JOIN streets s ON s.id = c.street_id \
         WHERE c.name = $1 AND ($2 = '' OR s.name = $2)",
    )
    .bind(&row.community)
    .bind(street)
    .fetch_all(&mut **tx)
    .await?;
    let lawyer: Option<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, name, last_day FROM lawyers WHERE licence_no = $1")
            .bind(&row.licence_no)
            .fetch_optional(&mut **tx)
            .await?;
    row.lawyer_name = lawyer.as_ref().map(|l| l.1.clone());
    if lawyer.as_ref().is_some_and(|l| l.2.is_some()) {
        return Ok(Some(t.err_retired.into()));
    }
    let lawyer = lawyer.map(|(id, name, _)| (id, name));
    let starts = LocalDate::parse(&row.starts_on);
    Ok(match (found.as_slice(), role(&row.role), lawyer, starts) {
        ([], ..) => Some(t.err_import_community.into()),
        ([_, _, ..], ..) => Some(t.err_import_community_street.into()),
        ([(_, street)], ..) if own_street.is_some_and(|own| own != *street) => Some(t.err_other_street.into()),
        (_, None, ..) => Some(t.err_import_role.into()),
        (_, _, None, _) => Some(t.err_import_lawyer.into()),
        (_, _, _, None) => Some(t.err_date.into()),
        (_, _, _, Some(day)) if (day.to_days() - today.to_days()).abs() > MAX_DAYS_AWAY => {
            Some(t.err_assignment_range.into())
        }
        ([(community, _)], Some(role), Some((lawyer, _)), Some(day)) => {
            if !seen.insert((*community, role)) {
                return Ok(Some(t.err_import_repeat.into()));
            }
            sqlx::query("UPDATE communities SET id = id WHERE id = $1").bind(community).execute(&mut **tx).await?;
            match hand_over(tx, caller, *community, role, lawyer, day).await {
                Ok(()) => None,
                Err(e) if matches!(e.kind(), ErrorKind::Validation | ErrorKind::Conflict) => {
                    Some(e.answer(caller.lang).message)
                }
                Err(e) => return Err(e),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::role;
    use app::domain::AssignmentRole;

    #[test]
    fn a_workbooks_day_number_is_a_date() {
        assert_eq!(super::excel_day("46357".to_owned()), "2026-12-01");
        assert_eq!(super::excel_day("2026-12-01".to_owned()), "2026-12-01");
        assert_eq!(super::excel_day("12".to_owned()), "12");
    }

    #[test]
    fn roles_are_read_in_either_language() {
        assert_eq!(role(" A角 "), Some(AssignmentRole::A));
        assert_eq!(role("b"), Some(AssignmentRole::B));
        assert_eq!(role("联络员"), Some(AssignmentRole::Coordinator));
        assert_eq!(role("Coordinator"), Some(AssignmentRole::Coordinator));
        assert_eq!(role("C"), None);
    }
}
