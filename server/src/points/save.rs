//! Opening a service point and setting a street's lecture target (the district's staff).

use super::read::read;
use super::KINDS;
use crate::admin::save_place;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, today, Store};
use app::error::AppError;
use app::i18n::PointTexts;
use app::model::{CommunityPlace, LectureTarget, NewServicePoint, ServicePoints};

/// `staff/save-point`: a place of a kind of [`KINDS`] (422 on `kind`), checked as a new
/// community is (its name unique in its street, an office address, a known street).
pub async fn save(store: &Store, caller: &Caller, request: NewServicePoint) -> Result<ServicePoints, Failure> {
    let Some(kind) = KINDS.iter().find(|k| **k == request.kind) else {
        return Err(AppError::invalid("kind", PointTexts::of(caller.lang).err_kind).into());
    };
    let place = CommunityPlace {
        community_id: None,
        street_id: request.street_id,
        name: request.name,
        office_address: request.office_address,
    };
    save_place(store, caller, place, kind).await?;
    Ok(read(store, 0, today().year).await?)
}

/// `staff/lecture-target`: 0 to 10 000 lectures for this year or the next (422 on `target`), for a
/// known street (404); 0 clears it. Audited.
pub async fn set_target(store: &Store, caller: &Caller, request: LectureTarget) -> Result<ServicePoints, Failure> {
    let user = caller.user()?;
    let this = today().year;
    if !(0..=10_000).contains(&request.target) || !(this..=this + 1).contains(&request.year) {
        return Err(AppError::invalid("target", PointTexts::of(caller.lang).err_target).into());
    }
    let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets WHERE id = $1")
        .bind(request.street_id)
        .fetch_one(&store.pool)
        .await?;
    if known == 0 {
        return Err(caller.error(app::error::ErrorKind::NotFound).into());
    }
    let mut tx = store.writer().begin().await?;
    sqlx::query("DELETE FROM lecture_targets WHERE street_id = $1 AND year = $2")
        .bind(request.street_id)
        .bind(i64::from(request.year))
        .execute(&mut *tx)
        .await?;
    if request.target > 0 {
        sqlx::query(
            "INSERT INTO lecture_targets (street_id, year, target, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(request.street_id)
        .bind(i64::from(request.year))
        .bind(request.target)
        .bind(user.id)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    let subject = format!("street:{}:year:{}:target:{}", request.street_id, request.year, request.target);
    audit::record_by(store, caller, user.id, "lecture_target", &subject).await?;
    Ok(read(store, 0, request.year).await?)
}
