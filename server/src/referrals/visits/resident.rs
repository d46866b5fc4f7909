//! A resident's own home visits: listed, and called off while they are still to come.

use super::super::ReferralsService;
use super::view::{list, one, Reader};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::now_ms;
use app::error::{AppError, ErrorKind};
use app::i18n::VisitTexts;
use app::model::{Empty, VisitRequest, VisitView};

/// `visits/mine`: those booked first, the soonest first; then the rest, the latest first.
pub async fn mine(service: &ReferralsService, caller: &Caller, _: Empty) -> Result<Vec<VisitView>, Failure> {
    let user = caller.user()?;
    let order = "CASE WHEN v.status = 'booked' THEN 0 ELSE 1 END, \
                 CASE WHEN v.status = 'booked' THEN v.slot_start ELSE -v.slot_start END, v.id";
    Ok(list(&service.store, Reader::Resident, ("v.resident_id = $1 AND $2 = $2", user.id, 0), order).await?)
}

/// `visits/cancel`: the resident's own visit, booked and not yet begun (409 otherwise; 404 for
/// another's). The seat is free again at once.
pub async fn cancel(service: &ReferralsService, caller: &Caller, request: VisitRequest) -> Result<VisitView, Failure> {
    let user = caller.user()?;
    let owner: Option<i64> = sqlx::query_scalar("SELECT resident_id FROM home_visits WHERE id = $1")
        .bind(request.id)
        .fetch_optional(&service.store.pool)
        .await?;
    if owner != Some(user.id) {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    let now = now_ms();
    let moved = sqlx::query(
        "UPDATE home_visits SET status = 'cancelled', updated_at = $1 WHERE id = $2 AND status = 'booked' AND slot_start > $1",
    )
    .bind(now)
    .bind(request.id)
    .execute(service.store.writer())
    .await?
    .rows_affected();
    if moved == 0 {
        return Err(AppError::new(ErrorKind::Conflict, VisitTexts::of(caller.lang).err_not_open).into());
    }
    one(&service.store, Reader::Resident, request.id).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}
