//! Whose desk a caller works: the communities a lawyer or assistant serves today, the lawyers
//! they act as; a street's staff work their street's, the district's staff every one.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;

/// The communities whose desk the caller works: `None` means all of them (district staff and
/// admins); a street's staff work their street's.
pub async fn served(store: &Store, caller: &Caller) -> Result<Option<Vec<i64>>, Failure> {
    let user = caller.user()?;
    if user.role.is_staff() {
        let Some(street) = user.street else { return Ok(None) };
        let ids = sqlx::query_scalar("SELECT id FROM communities WHERE street_id = $1 ORDER BY id")
            .bind(street)
            .fetch_all(&store.pool)
            .await?;
        return Ok(Some(ids));
    }
    let today = crate::store::today().to_string();
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT a.community_id FROM assignments a \
         WHERE (a.lawyer_id IN (SELECT id FROM lawyers WHERE user_id = $1) OR a.lawyer_id IN (SELECT lawyer_id FROM team_members WHERE user_id = $1)) \
         AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2) ORDER BY a.community_id",
    )
    .bind(user.id)
    .bind(&today)
    .fetch_all(&store.pool)
    .await?;
    Ok(Some(ids))
}

/// The lawyers the caller acts as: their own lawyer record, and the lawyers they assist.
pub async fn own_lawyers(store: &Store, caller: &Caller) -> Result<Vec<i64>, Failure> {
    let user = caller.user()?;
    sqlx::query_scalar(
        "SELECT id FROM lawyers WHERE user_id = $1 UNION SELECT lawyer_id FROM team_members WHERE user_id = $1",
    )
    .bind(user.id)
    .fetch_all(&store.pool)
    .await
    .map_err(Failure::from)
}

/// Whether the caller works `community_id`'s desk.
pub async fn serves(store: &Store, caller: &Caller, community_id: i64) -> Result<bool, Failure> {
    Ok(served(store, caller).await?.is_none_or(|ids| ids.contains(&community_id)))
}
