//! Who may see and change what, below every feature: a street's 司法所 staff their street's
//! board, communities and teams (here); a lawyer or assistant the desks they work ([`desk`]);
//! whoever logs for a lawyer ([`advisers`]). District staff and admins see the whole programme;
//! its registers are theirs alone (`Access::District`, checked before the handler). Each check
//! answers before anything is read or written.

pub mod advisers;
pub mod desk;

use crate::caller::{Caller, SessionUser};
use crate::failure::Failure;
use crate::store::Store;
use app::error::{AppError, ErrorKind};

/// The street a board or export shows: the one asked for; a street's staff always see theirs,
/// and asking for another is 403.
pub fn street_shown(caller: &Caller, user: SessionUser, asked: Option<i64>) -> Result<Option<i64>, Failure> {
    match (user.street, asked) {
        (None, asked) => Ok(asked),
        (Some(own), None) => Ok(Some(own)),
        (Some(own), Some(asked)) if asked == own => Ok(Some(own)),
        (Some(_), Some(_)) => Err(other_street(caller).into()),
    }
}

/// 404 for no such community; 403 when it lies outside a street staff member's street.
pub async fn require_community(
    store: &Store,
    caller: &Caller,
    user: SessionUser,
    community_id: i64,
) -> Result<(), Failure> {
    match covers(store, user, community_id).await? {
        None => Err(caller.error(ErrorKind::NotFound).into()),
        Some(false) => Err(other_street(caller).into()),
        Some(true) => Ok(()),
    }
}

/// Whether a staff member's scope covers `community_id` (every read of a private object by staff
/// asks this): the district's staff cover every community, a street's staff their street's.
/// `None` when there is no such community.
pub async fn covers(store: &Store, user: SessionUser, community_id: i64) -> Result<Option<bool>, Failure> {
    let street: Option<i64> = sqlx::query_scalar("SELECT street_id FROM communities WHERE id = $1")
        .bind(community_id)
        .fetch_optional(&store.pool)
        .await?;
    Ok(street.map(|street| user.street.is_none_or(|own| own == street)))
}

/// The refusal of another street's record.
pub fn other_street(caller: &Caller) -> AppError {
    AppError::new(ErrorKind::Forbidden, caller.lang.messages().err_other_street)
}

/// The lawyer the signed-in account is: a lawyer's own card, findings and emergency teams are
/// read through it. 403 for an account that is no lawyer's.
pub async fn own_lawyer(store: &Store, caller: &Caller) -> Result<i64, Failure> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM lawyers WHERE user_id = $1")
        .bind(caller.user()?.id)
        .fetch_optional(&store.pool)
        .await?;
    id.ok_or_else(|| caller.error(ErrorKind::Forbidden).into())
}
