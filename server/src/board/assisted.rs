//! Assisted service on the board: bookings of the period's slots and questions of the period made
//! for residents who walked in or phoned, in the district or one street. Few rows, each found
//! through the partial indexes of migration 32, so the count costs the same at any scale.

use crate::store::Store;
use app::model::Assisted;
use app::time::LocalDate;

/// The assisted bookings and questions of `from..=to`, in `street` or everywhere.
pub async fn read(store: &Store, street: Option<i64>, from: LocalDate, to: LocalDate) -> Result<Assisted, sqlx::Error> {
    let (start, end) = (from.start().0, to.plus_days(1).start().0);
    let mut counts = [0i64; 2];
    // A booking counts by its slot, a question by when it was asked, as on the rest of the board.
    for (count, (table, at)) in counts.iter_mut().zip([("bookings", "slot_start"), ("questions", "created_at")]) {
        *count = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM {table} t JOIN communities c ON c.id = t.community_id WHERE t.assisted_by IS NOT NULL \
             AND t.{at} >= $1 AND t.{at} < $2 AND ($3 IS NULL OR c.street_id = $3)"
        ))
        .bind(start)
        .bind(end)
        .bind(street)
        .fetch_one(&store.pool)
        .await?;
    }
    let [bookings, questions] = counts;
    Ok(Assisted { bookings, questions })
}
