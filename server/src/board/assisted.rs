//! Assisted service on the board: bookings of the period's slots and questions of the period made
//! for residents who walked in or phoned, in the district or one street. Few rows, each found
//! through the partial indexes of migration 32, so the count costs the same at any scale.

use crate::store::Store;
use app::model::Assisted;
use app::time::LocalDate;

/// The assisted bookings and questions of `from..=to`, in `street` or everywhere.
pub async fn read(store: &Store, street: Option<i64>, from: LocalDate, to: LocalDate) -> Result<Assisted, sqlx::Error> {
    let (start, end) = (from.start().0, to.plus_days(1).start().0);
    let bookings = sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings b JOIN communities c ON c.id = b.community_id WHERE b.assisted_by IS NOT NULL \
         AND b.slot_start >= $1 AND b.slot_start < $2 AND ($3 IS NULL OR c.street_id = $3)",
    )
    .bind(start)
    .bind(end)
    .bind(street)
    .fetch_one(&store.pool)
    .await?;
    let questions = sqlx::query_scalar(
        "SELECT COUNT(*) FROM questions q JOIN communities c ON c.id = q.community_id WHERE q.assisted_by IS NOT NULL \
         AND q.created_at >= $1 AND q.created_at < $2 AND ($3 IS NULL OR c.street_id = $3)",
    )
    .bind(start)
    .bind(end)
    .bind(street)
    .fetch_one(&store.pool)
    .await?;
    Ok(Assisted { bookings, questions })
}
