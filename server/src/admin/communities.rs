//! A community's office address, position and monthly quota, as staff correct them. The quota
//! is what the board holds duty-days against, so every change is in the audit log.

use super::assignments::of_community;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;
use app::error::{AppError, ErrorKind};
use app::model::{Assignments, CommunityEdit};

/// The longest office address.
const MAX_ADDRESS: usize = 200;

/// Saves `request` and returns the community as it now is. Refused, nothing written: an empty or
/// overlong address, one coordinate without the other or a position outside China, a quota
/// outside 1–31 (422); no such community (404).
pub async fn edit(store: &Store, caller: &Caller, request: CommunityEdit) -> Result<Assignments, Failure> {
    let user = caller.user()?;
    crate::scope::require_community(store, caller, user, request.community_id).await?;
    let t = caller.lang.messages();
    let address = request.office_address.trim();
    if address.is_empty() || address.chars().count() > MAX_ADDRESS {
        return Err(AppError::invalid("office_address", t.err_office_address).into());
    }
    // Roughly China: a latitude and a longitude swapped, or one left out, is caught here.
    let in_china = |lat: f64, lng: f64| (3.0..=54.0).contains(&lat) && (73.0..=136.0).contains(&lng);
    match (request.latitude, request.longitude) {
        (None, None) => {}
        (Some(lat), Some(lng)) if in_china(lat, lng) => {}
        _ => return Err(AppError::invalid("latitude", t.err_office_position).into()),
    }
    if !(1..=31).contains(&request.duty_days_per_month) {
        return Err(AppError::invalid("duty_days_per_month", t.err_quota).into());
    }
    let changed = sqlx::query(
        "UPDATE communities SET office_address = $1, latitude = $2, longitude = $3, duty_days_per_month = $4 WHERE id = $5",
    )
    .bind(address)
    .bind(request.latitude)
    .bind(request.longitude)
    .bind(request.duty_days_per_month)
    .bind(request.community_id)
    .execute(store.writer())
    .await?;
    if changed.rows_affected() == 0 {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    let subject = format!("community:{}:quota:{}", request.community_id, request.duty_days_per_month);
    audit::record_by(store, caller, user.id, "community_change", &subject).await?;
    of_community(store, caller, request.community_id).await
}
