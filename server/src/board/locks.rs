//! Locked months on the board: how many of the period's lawyer-months staff have locked for the
//! report, and the duties corrected after locking, so that a locked figure never changes silently.

use crate::store::Store;
use app::domain::month_of;
use app::model::{LockedChange, Locks};
use app::time::LocalDate;

/// The most corrections listed.
const LISTED: i64 = 100;

/// The locks of `from..=to` (of `street`'s lawyers and communities, when given); the locked
/// months are counted only when `count` (a count grows with the lawyers, a country's 600 000).
pub async fn read(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
    count: bool,
) -> Result<Locks, sqlx::Error> {
    // Street 0 stands for every street.
    let street = street.unwrap_or(0);
    let changed = changed(store, street, from, to).await?;
    if !count {
        return Ok(Locks { locked_months: None, changed });
    }
    let locked_months: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM month_reviews WHERE status = 'locked' AND month >= $1 AND month <= $2 \
         AND ($3 = 0 OR lawyer_id IN (SELECT a.lawyer_id FROM assignments a JOIN communities c ON c.id = a.community_id \
         WHERE c.street_id = $3))",
    )
    .bind(month_of(from))
    .bind(month_of(to))
    .bind(street)
    .fetch_one(&store.pool)
    .await?;
    Ok(Locks { locked_months: Some(locked_months), changed })
}

/// A correction made after its month was locked, as stored.
#[derive(sqlx::FromRow)]
struct ChangeRow {
    id: i64,
    community: String,
    lawyer: String,
    served_on: String,
}

/// Duties corrected after their month was locked, in `from..=to` (of `street`, 0 for all), by
/// day, at most [`LISTED`] (a partial index holds only these).
async fn changed(store: &Store, street: i64, from: LocalDate, to: LocalDate) -> Result<Vec<LockedChange>, sqlx::Error> {
    let rows: Vec<ChangeRow> = sqlx::query_as(
        "SELECT k.id, c.name AS community, l.name AS lawyer, k.served_on FROM duty_corrections k JOIN communities c ON c.id = k.community_id \
         JOIN lawyers l ON l.id = k.lawyer_id WHERE k.after_lock = 1 AND k.status = 'approved' \
         AND k.served_on >= $1 AND k.served_on <= $2 AND ($3 = 0 OR c.street_id = $3) ORDER BY k.served_on, k.id LIMIT $4",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(street)
    .bind(LISTED)
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| LockedChange { correction_id: r.id, community: r.community, lawyer: r.lawyer, served_on: r.served_on })
        .collect())
}
