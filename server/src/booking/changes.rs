//! What residents do with their bookings: cancel, move, rate.

use super::{message, views, waitlist, BookingService, Found};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::now_ms;
use app::domain::{BookingStatus, MAX_DESCRIPTION_CHARS};
use app::error::{AppError, ErrorKind};
use app::model::{BookRequest, BookingView, CancelRequest, RateRequest, RescheduleRequest};
use sqlx::{Any, Transaction};

/// Cancels a live booking with `reason`, which frees its seat, inside `tx`. False when the booking
/// was no longer live (someone else changed it first).
async fn cancel_in(tx: &mut Transaction<'_, Any>, booking: &BookingView, reason: &str) -> Result<bool, sqlx::Error> {
    if !mark_cancelled(tx, booking.id, reason).await? {
        return Ok(false);
    }
    free_seat(tx, booking).await?;
    Ok(true)
}

/// Marks a live booking cancelled with `reason`, inside `tx`; false when it was no longer live.
/// The seat is free from then on; offering it to the waitlist is the caller's choice.
pub(super) async fn mark_cancelled(tx: &mut Transaction<'_, Any>, id: i64, reason: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE bookings SET status = 'cancelled', status_reason = $1, updated_at = $2 WHERE id = $3 AND status IN ('pending', 'confirmed')",
    )
    .bind(reason)
    .bind(now_ms())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Tells the first resident waiting for a seat that `booking`, just cancelled or declined in
/// `tx`, gave back (the status change itself freed the seat).
pub(super) async fn free_seat(tx: &mut Transaction<'_, Any>, booking: &BookingView) -> Result<(), sqlx::Error> {
    waitlist::offer_freed_seat(tx, booking.community_id, booking.start).await
}

#[tracing::instrument(skip(service, caller, request), fields(booking_id = request.booking_id))]
pub async fn cancel(service: &BookingService, caller: &Caller, request: CancelRequest) -> Result<BookingView, Failure> {
    let CancelRequest { booking_id, reason } = request;
    let loaded = service.own_booking(caller, booking_id).await?;
    BookingService::check_changeable(caller, &loaded.view)?;
    let reason = BookingService::reason(caller, &reason)?;
    let mut tx = service.store.writer().begin().await?;
    if !cancel_in(&mut tx, &loaded.view, &reason).await? {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_not_cancellable).into());
    }
    service
        .notify(&mut tx, &loaded.view, loaded.phone.as_ref(), caller.lang, crate::sms::Template::Cancelled, "")
        .await?;
    service.commit(tx).await?;
    views::one(&service.store, booking_id)
        .await?
        .map(|l| l.view)
        .ok_or_else(|| caller.error(ErrorKind::NotFound))
        .map_err(Failure::from)
}

#[tracing::instrument(skip_all, fields(booking_id = request.booking_id))]
pub async fn reschedule(
    service: &BookingService,
    caller: &Caller,
    request: RescheduleRequest,
) -> Result<BookingView, Failure> {
    let resident = caller.user()?;
    let old = service.own_booking(caller, request.booking_id).await?;
    BookingService::check_changeable(caller, &old.view)?;
    let reason = BookingService::reason(caller, &request.reason)?;
    let Found { slot, names, rules } = service.slot_at(caller, old.view.community_id, request.slot_start).await?;
    if !slot.channels.contains(&old.view.channel) {
        return Err(message(caller, ErrorKind::Validation, |t| t.err_channel).into());
    }
    let book = BookRequest {
        community_id: old.view.community_id,
        slot_start: slot.start,
        channel: old.view.channel,
        topic: old.view.topic,
        description: old.view.description.clone(),
    };
    // Moving is one transaction: the old seat is freed only if the new one is taken.
    let mut tx = service.store.writer().begin().await?;
    if !cancel_in(&mut tx, &old.view, &reason).await? {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_not_cancellable).into());
    }
    let booking = BookingService::new_booking(caller, resident.id, names, &slot, &book, &rules);
    let view = service.take_seat(&mut tx, caller, booking, &slot, (None, false)).await?;
    service.commit(tx).await?;
    Ok(view)
}

pub async fn rate(service: &BookingService, caller: &Caller, request: RateRequest) -> Result<BookingView, Failure> {
    let loaded = service.own_booking(caller, request.booking_id).await?;
    if !(1..=5).contains(&request.rating) {
        return Err(AppError::invalid("rating", caller.lang.messages().err_rating).into());
    }
    let comment = request.comment.trim();
    if comment.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(AppError::invalid("comment", caller.lang.messages().err_description).into());
    }
    if loaded.view.status != BookingStatus::Completed || loaded.view.rating.is_some() {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_not_ratable).into());
    }
    let done = sqlx::query("UPDATE bookings SET rating = $1, rating_comment = $2, updated_at = $3 WHERE id = $4 AND status = 'completed' AND rating IS NULL")
        .bind(i64::from(request.rating))
        .bind(comment)
        .bind(now_ms())
        .bind(request.booking_id)
        .execute(service.store.writer())
        .await?;
    if done.rows_affected() == 0 {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_not_ratable).into());
    }
    views::one(&service.store, request.booking_id)
        .await?
        .map(|l| l.view)
        .ok_or_else(|| caller.error(ErrorKind::NotFound))
        .map_err(Failure::from)
}
