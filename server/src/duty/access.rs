//! Where a lawyer may log: the communities they serve on a day, the months not yet locked. Who
//! may log for which lawyer is `scope::advisers`.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;
use app::error::{AppError, ErrorKind};
use app::time::LocalDate;

/// Whether `lawyer_id` is assigned to `community_id` (as A, B or coordinator) on `date`.
pub async fn serves_on(store: &Store, lawyer_id: i64, community_id: i64, date: LocalDate) -> Result<bool, Failure> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM assignments WHERE lawyer_id = $1 AND community_id = $2 AND starts_on <= $3 \
         AND (ends_on IS NULL OR ends_on >= $3)",
    )
    .bind(lawyer_id)
    .bind(community_id)
    .bind(date.to_string())
    .fetch_one(&store.pool)
    .await?;
    Ok(n > 0)
}

/// 404 with a message saying so, unless `lawyer_id` serves `community_id` on `date`.
pub async fn require_serves(
    store: &Store,
    caller: &Caller,
    lawyer_id: i64,
    community_id: i64,
    date: LocalDate,
) -> Result<(), Failure> {
    if serves_on(store, lawyer_id, community_id, date).await? {
        Ok(())
    } else {
        Err(AppError::new(ErrorKind::NotFound, caller.lang.messages().err_not_your_community).into())
    }
}

/// 409 when staff have locked `lawyer_id`'s month of `date`.
pub async fn require_open_month(
    store: &Store,
    caller: &Caller,
    lawyer_id: i64,
    date: LocalDate,
) -> Result<(), Failure> {
    if month_locked(store, lawyer_id, date).await? {
        Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_month_locked).into())
    } else {
        Ok(())
    }
}

/// Whether `lawyer_id`'s month of `date` is locked.
pub async fn month_locked(store: &Store, lawyer_id: i64, date: LocalDate) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM month_reviews WHERE lawyer_id = $1 AND month = $2 AND status = 'locked'",
    )
    .bind(lawyer_id)
    .bind(app::domain::month_of(date))
    .fetch_one(&store.pool)
    .await?;
    Ok(n > 0)
}
