//! Waitlists of full slots. A freed seat is offered to the first resident in line by SMS and
//! inbox; it stays open to everyone (first come, first served), so an unanswered offer never
//! blocks the seat.

use super::{message, BookingService};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::sms::{Message, Outbox, Template};
use crate::store::now_ms;
use app::domain::rules;
use app::error::ErrorKind;
use app::i18n::Lang;
use app::model::{WaitingPlace, WaitlistJoined, WaitlistRequest};
use app::time::Instant;
use sqlx::{Any, Transaction};

/// The first resident waiting for a slot, and how to tell them.
#[derive(sqlx::FromRow)]
struct Waiting {
    id: i64,
    phone: Option<String>,
    lang: String,
}

pub async fn join(
    service: &BookingService,
    caller: &Caller,
    request: WaitlistRequest,
) -> Result<WaitlistJoined, Failure> {
    let resident = caller.user()?;
    let slot = service.slot_at(caller, request.community_id, request.slot_start).await?.slot;
    if slot.seats_left > 0 {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_slot_has_seats).into());
    }
    // At most MAX_WAITING: counted after locking the resident's row, in the transaction that
    // joins (docs/ARCHITECTURE.md, "Limits"); one entry per slot is the table's unique key.
    let mut tx = service.store.writer().begin().await?;
    crate::store::lock_user(&mut tx, resident.id).await?;
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM waitlist WHERE resident_id = $1 AND offered_at IS NULL AND slot_start > $2",
    )
    .bind(resident.id)
    .bind(now_ms())
    .fetch_one(&mut *tx)
    .await?;
    if waiting >= rules::MAX_WAITING {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_too_many_waiting).into());
    }
    let joined = sqlx::query(
        "INSERT INTO waitlist (resident_id, community_id, slot_start, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(resident.id)
    .bind(request.community_id)
    .bind(slot.start.0)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    if joined.rows_affected() == 0 {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_already_waiting).into());
    }
    tx.commit().await?;
    let position: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM waitlist WHERE community_id = $1 AND slot_start = $2 AND offered_at IS NULL \
         AND id <= (SELECT id FROM waitlist WHERE resident_id = $3 AND community_id = $1 AND slot_start = $2)",
    )
    .bind(request.community_id)
    .bind(slot.start.0)
    .bind(resident.id)
    .fetch_one(&service.store.pool)
    .await?;
    Ok(WaitlistJoined { position: u32::try_from(position).unwrap_or(u32::MAX) })
}

/// Tells the next resident in line for this slot that a seat is free, inside the transaction
/// that frees it.
pub async fn offer_freed_seat(
    tx: &mut Transaction<'_, Any>,
    community_id: i64,
    slot_start: Instant,
) -> Result<(), sqlx::Error> {
    let next: Option<Waiting> = sqlx::query_as(
        "SELECT w.id, u.phone, u.lang FROM waitlist w JOIN users u ON u.id = w.resident_id \
         WHERE w.community_id = $1 AND w.slot_start = $2 AND w.offered_at IS NULL ORDER BY w.id LIMIT 1",
    )
    .bind(community_id)
    .bind(slot_start.0)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(Waiting { id, phone, lang }) = next else { return Ok(()) };
    sqlx::query("UPDATE waitlist SET offered_at = $1 WHERE id = $2").bind(now_ms()).bind(id).execute(&mut **tx).await?;
    if let Some(phone) = phone {
        let when = slot_start.format_shanghai();
        let message = Message::new(Template::WaitlistOffer, Lang::from_tag(&lang), &[("when", &when)])
            .about(format!("/communities/{community_id}/book?slot={}", slot_start.0));
        Outbox::enqueue_with_inbox(tx, &phone, &message).await?;
    }
    Ok(())
}

/// A waitlist entry as [`mine`] reads it.
#[derive(sqlx::FromRow)]
struct PlaceRow {
    id: i64,
    community_id: i64,
    community_name: String,
    slot_start: i64,
    offered_at: Option<i64>,
}

/// The resident's places on waitlists of slots still to come, soonest first.
pub async fn mine(service: &BookingService, caller: &Caller) -> Result<Vec<WaitingPlace>, Failure> {
    let resident = caller.user()?;
    let rows: Vec<PlaceRow> = sqlx::query_as(
        "SELECT w.id, w.community_id, c.name AS community_name, w.slot_start, w.offered_at FROM waitlist w \
         JOIN communities c ON c.id = w.community_id WHERE w.resident_id = $1 AND w.slot_start > $2 \
         ORDER BY w.slot_start, w.id",
    )
    .bind(resident.id)
    .bind(now_ms())
    .fetch_all(&service.store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| WaitingPlace {
            id: r.id,
            community_id: r.community_id,
            community_name: r.community_name,
            slot_start: Instant(r.slot_start),
            offered: r.offered_at.is_some(),
        })
        .collect())
}

/// The resident leaves waitlist entry `id`; 404 when it is not theirs (or gone). Nobody waits on
/// an offer (seats are first come, first served), so leaving holds up no one.
pub async fn leave(service: &BookingService, caller: &Caller, id: i64) -> Result<(), Failure> {
    let resident = caller.user()?;
    let left = sqlx::query("DELETE FROM waitlist WHERE id = $1 AND resident_id = $2")
        .bind(id)
        .bind(resident.id)
        .execute(service.store.writer())
        .await?;
    if left.rows_affected() == 0 {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    Ok(())
}
