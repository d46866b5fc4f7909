//! The setup list of the workbench home: what a programme still lacks before residents can be
//! served — communities without an A lawyer or without weekly duty, lawyers who cannot sign in,
//! and a year without its holidays.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{today, Store};
use app::model::{Empty, Missing, SetupChecklist};

/// Communities serving today with no A lawyer today ($1 today).
const WITHOUT_A: &str = "SELECT c.name FROM communities c WHERE (c.last_day IS NULL OR c.last_day >= $1) \
     AND NOT EXISTS (SELECT 1 FROM assignments a \
     WHERE a.community_id = c.id AND a.role = 'a' AND a.starts_on <= $1 AND (a.ends_on IS NULL OR a.ends_on >= $1)) \
     ORDER BY c.street_id, c.name";
/// Communities serving today with no weekly duty from today on ($1 today).
const WITHOUT_SCHEDULE: &str = "SELECT c.name FROM communities c WHERE (c.last_day IS NULL OR c.last_day >= $1) \
     AND NOT EXISTS (SELECT 1 FROM duty_schedules d \
     WHERE d.community_id = c.id AND (d.valid_until IS NULL OR d.valid_until >= $1)) ORDER BY c.street_id, c.name";
/// Lawyers still in the programme with no account or no password.
const WITHOUT_PASSWORD: &str = "SELECT l.name FROM lawyers l LEFT JOIN users u ON u.id = l.user_id \
     WHERE l.last_day IS NULL AND (u.id IS NULL OR u.password_hash IS NULL) ORDER BY l.name";

/// How many names `sql` finds (with `day` as $1 when it takes one), and the first ten.
async fn missing(store: &Store, sql: &str, day: Option<String>) -> Result<Missing, sqlx::Error> {
    let mut query = sqlx::query_scalar(sql);
    if let Some(day) = day {
        query = query.bind(day);
    }
    let names: Vec<String> = query.fetch_all(&store.pool).await?;
    Ok(Missing { count: names.len() as i64, names: names.into_iter().take(10).collect() })
}

/// `staff/setup`.
pub async fn checklist(store: &Store, _: &Caller, _: Empty) -> Result<SetupChecklist, Failure> {
    let year = today().year;
    let communities: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM communities WHERE last_day IS NULL OR last_day >= $1")
            .bind(today().to_string())
            .fetch_one(&store.pool)
            .await?;
    let calendar_days: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM holidays WHERE on_date >= $1 AND on_date <= $2")
        .bind(format!("{year:04}-01-01"))
        .bind(format!("{year:04}-12-31"))
        .fetch_one(&store.pool)
        .await?;
    Ok(SetupChecklist {
        communities,
        without_a_lawyer: missing(store, WITHOUT_A, Some(today().to_string())).await?,
        without_schedule: missing(store, WITHOUT_SCHEDULE, Some(today().to_string())).await?,
        lawyers_without_password: missing(store, WITHOUT_PASSWORD, None).await?,
        year,
        calendar_days,
    })
}
