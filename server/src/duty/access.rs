//! Who may log for which lawyer, and where. A lawyer logs for themselves, an assistant for the
//! lawyers they assist; staff read every lawyer's month (a street's staff, of its lawyers). Anything else is reported as not found,
//! exactly like an id that does not exist.

use crate::admin::scope;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;
use app::error::{AppError, ErrorKind};
use app::model::{Empty, LawyerRef};
use app::time::LocalDate;

/// The lawyers the caller logs for, by name.
pub async fn lawyers(store: &Store, caller: &Caller, _: Empty) -> Result<Vec<LawyerRef>, Failure> {
    let user = caller.user()?;
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, name FROM lawyers WHERE user_id = $1 \
         UNION SELECT l.id, l.name FROM lawyers l JOIN team_members t ON t.lawyer_id = l.id WHERE t.user_id = $1 ORDER BY 1",
    )
    .bind(user.id)
    .fetch_all(&store.pool)
    .await?;
    Ok(rows.into_iter().map(|(id, name)| LawyerRef { id, name }).collect())
}

/// 404 unless the caller logs for `lawyer_id` (the lawyer, or their assistant).
pub async fn logs_for(store: &Store, caller: &Caller, lawyer_id: i64) -> Result<(), Failure> {
    if lawyers(store, caller, Empty {}).await?.iter().any(|l| l.id == lawyer_id) {
        Ok(())
    } else {
        Err(caller.error(ErrorKind::NotFound).into())
    }
}

/// 404 unless the caller may read `lawyer_id`'s month: staff, the lawyer, their assistant.
/// A street's staff read the months of lawyers who serve or served there (403 for others).
pub async fn reads_for(store: &Store, caller: &Caller, lawyer_id: i64) -> Result<(), Failure> {
    let user = caller.user()?;
    if user.role.is_staff() {
        // Whether the lawyer exists, and whether they ever served in the caller's street.
        let (exists, in_street): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM lawyers WHERE id = $1), (SELECT COUNT(*) FROM assignments a \
             JOIN communities c ON c.id = a.community_id WHERE a.lawyer_id = $1 AND c.street_id = $2)",
        )
        .bind(lawyer_id)
        .bind(user.street.unwrap_or(0))
        .fetch_one(&store.pool)
        .await?;
        return match (exists, user.street) {
            (0, _) => Err(caller.error(ErrorKind::NotFound).into()),
            (_, Some(_)) if in_street == 0 => Err(scope::other_street(caller).into()),
            _ => Ok(()),
        };
    }
    logs_for(store, caller, lawyer_id).await
}

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
