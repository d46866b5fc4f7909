//! The district calendar as the features read it: holidays and make-up working days from a date
//! on. Staff keep it in the workbench (`admin::calendar`); booking availability reads it with a
//! community's duty (`booking::calendar_store`), question deadlines and the routing job here.

use app::domain::{DayKind, DistrictCalendar};
use app::time::LocalDate;
use sqlx::Any;

/// A day as stored.
#[derive(sqlx::FromRow)]
struct Row {
    on_date: String,
    kind: String,
    works_as: Option<i64>,
}

/// The calendar from `from` on.
pub async fn from<'e, E>(executor: E, from: LocalDate) -> Result<DistrictCalendar, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let rows: Vec<Row> = sqlx::query_as("SELECT on_date, kind, works_as FROM holidays WHERE on_date >= $1")
        .bind(from.to_string())
        .fetch_all(executor)
        .await?;
    let mut calendar = DistrictCalendar::default();
    for row in rows {
        let Some(date) = LocalDate::parse(&row.on_date) else { continue };
        match DayKind::from_db(&row.kind) {
            Some(DayKind::Workday) => {
                let weekday = row.works_as.and_then(|d| u8::try_from(d).ok()).unwrap_or(1);
                calendar.workdays.insert(date, weekday);
            }
            _ => {
                calendar.holidays.insert(date);
            }
        }
    }
    Ok(calendar)
}
