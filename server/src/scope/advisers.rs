//! Who may log for which lawyer. A lawyer logs for themselves, an assistant for the lawyers they
//! assist; staff read every lawyer's month (a street's staff, of its lawyers). Anything else is
//! reported as not found, exactly like an id that does not exist.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;
use app::error::ErrorKind;
use app::model::{Empty, LawyerRef};

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
            (_, Some(_)) if in_street == 0 => Err(super::other_street(caller).into()),
            _ => Ok(()),
        };
    }
    logs_for(store, caller, lawyer_id).await
}
