//! Bookings a change of duty leaves without a desk (a period ended, a day closed, a lawyer away
//! with nobody to stand in), settled by staff in one transaction: each handed to the
//! community's stand-in (the B lawyer, then a coordinator, whoever is not away) or cancelled
//! with a message. A cancelled seat is not offered to the waitlist: its slot no longer runs.
//! And a day closed for a whole street at once.

use super::calendar_store;
use super::schedule::check_access;
use super::BookingService;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::sms::{Message, Outbox, Template};
use crate::store::sql::Sql;
use crate::store::{now_ms, today};
use app::domain::MAX_REASON_CHARS;
use app::error::{AppError, ErrorKind};
use app::i18n::Lang;
use app::model::{CloseStreetRequest, ClosedCommunity, SettleAction, SettleReport, SettleRequest, StreetClosed};
use app::time::{Instant, LocalDate};
use std::collections::BTreeSet;

/// The most bookings settled at once.
const MOST: usize = 500;

/// A booking to settle, as read in the transaction.
#[derive(sqlx::FromRow)]
pub(super) struct Live {
    id: i64,
    community_id: i64,
    lawyer_id: i64,
    slot_start: i64,
    code: String,
    status: String,
    phone: Option<String>,
    lang: String,
}

/// `desk/settle-bookings`. Refused, nothing changed: more than 500 ids or none (422), a
/// cancellation without a reason (422), a booking of another community or none (404), one that
/// has ended or is no longer live (409), a hand-over where the community has nobody to stand in
/// (409).
pub async fn settle(
    service: &BookingService,
    caller: &Caller,
    request: SettleRequest,
) -> Result<SettleReport, Failure> {
    let user = caller.user()?;
    check_access(service, caller, request.community_id).await?;
    let t = caller.lang.messages();
    let ids: BTreeSet<i64> = request.booking_ids.iter().copied().collect();
    if ids.is_empty() || request.booking_ids.len() > MOST {
        return Err(AppError::invalid("booking_ids", t.err_settle_count).into());
    }
    let reason = reason_for(caller, request.action, &request.reason)?;
    let mut tx = service.store.writer().begin().await?;
    let mut sql = Sql::new(&format!("{LIVE} WHERE b.id IN "));
    sql.bind_list(ids.iter().copied().collect::<Vec<_>>());
    let found: Vec<Live> = sql.fetch_all(&mut *tx).await?;
    let now = now_ms();
    if found.len() != ids.len() || found.iter().any(|b| b.community_id != request.community_id) {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    if found.iter().any(|b| !matches!(b.status.as_str(), "pending" | "confirmed") || b.slot_start <= now) {
        return Err(AppError::new(ErrorKind::Conflict, t.err_settle_booking).into());
    }
    let report = settle_in(service, &mut tx, caller, found, request.action, &reason).await?;
    service.commit(tx).await?;
    let subject =
        format!("community:{} handed_over={} cancelled={}", request.community_id, report.handed_over, report.cancelled);
    audit::record_by(&service.store, caller, user.id, "bookings_settle", &subject).await?;
    Ok(report)
}

/// Settles `bookings` in `tx`: each handed over or cancelled with `reason`.
pub(super) async fn settle_in(
    service: &BookingService,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    bookings: Vec<Live>,
    action: SettleAction,
    reason: &str,
) -> Result<SettleReport, Failure> {
    let mut report = SettleReport { handed_over: 0, cancelled: 0 };
    for booking in bookings {
        match action {
            SettleAction::HandOver => {
                hand_over(service, tx, caller, booking).await?;
                report.handed_over += 1;
            }
            SettleAction::Cancel => {
                cancel(tx, caller, booking, reason).await?;
                report.cancelled += 1;
            }
        }
    }
    Ok(report)
}

/// The reason a cancellation gives (required, as a resident's own), or none for a hand-over.
pub(super) fn reason_for(caller: &Caller, action: SettleAction, text: &str) -> Result<String, Failure> {
    match action {
        SettleAction::Cancel => BookingService::reason(caller, text),
        SettleAction::HandOver => Ok(String::new()),
    }
}

/// The columns of a booking to settle, for `FROM bookings b JOIN users u ON u.id = b.resident_id`.
pub(super) const LIVE: &str =
    "SELECT b.id, b.community_id, b.lawyer_id, b.slot_start, b.code, b.status, u.phone, u.lang \
    FROM bookings b JOIN users u ON u.id = b.resident_id";

async fn hand_over(
    service: &BookingService,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    booking: Live,
) -> Result<(), Failure> {
    let date = Instant(booking.slot_start).to_shanghai().0;
    let calendar = calendar_store::schedule(&service.store, booking.community_id, date, date).await?;
    let Some(backup) = calendar.backup_for(booking.lawyer_id, date) else {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_no_stand_in).into());
    };
    let moved = sqlx::query(
        "UPDATE bookings SET lawyer_id = $1, updated_at = $2 WHERE id = $3 AND status IN ('pending', 'confirmed')",
    )
    .bind(backup)
    .bind(now_ms())
    .bind(booking.id)
    .execute(&mut **tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_settle_booking).into());
    }
    tell(tx, &booking, Template::HandedOver, "").await?;
    Ok(())
}

async fn cancel(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    booking: Live,
    reason: &str,
) -> Result<(), Failure> {
    // Not offered to the waitlist: the slot no longer runs.
    if !super::changes::mark_cancelled(tx, booking.id, reason).await? {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_settle_booking).into());
    }
    tell(tx, &booking, Template::CancelledByOffice, reason).await?;
    Ok(())
}

/// The resident's SMS and inbox message, in their language.
async fn tell(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    booking: &Live,
    template: Template,
    reason: &str,
) -> Result<(), sqlx::Error> {
    let Some(phone) = booking.phone.as_deref() else { return Ok(()) };
    let when = Instant(booking.slot_start).format_shanghai();
    let lang = Lang::from_tag(&booking.lang);
    let message = Message::new(template, lang, &[("when", &when), ("code", &booking.code), ("reason", reason)])
        .about(format!("/bookings/{}", booking.id));
    Outbox::enqueue_with_inbox(tx, phone, &message).await
}

/// `staff/close-street`: every community of the street closed on the day (those closed already
/// left as they are), in one transaction; answers the communities with live bookings that day.
/// Refused, nothing written: no such street (404), another street for a street's staff (403), a
/// day before today or not a date (422), an overlong note (422).
pub async fn close_street(
    service: &BookingService,
    caller: &Caller,
    request: CloseStreetRequest,
) -> Result<StreetClosed, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let street: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets WHERE id = $1")
        .bind(request.street_id)
        .fetch_one(&service.store.pool)
        .await?;
    if street == 0 {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    crate::scope::street_shown(caller, user, Some(request.street_id))?;
    let date = LocalDate::parse(request.date.trim())
        .filter(|d| *d >= today())
        .ok_or_else(|| AppError::invalid("date", t.err_schedule_dates))?;
    let note = request.note.trim();
    if note.chars().count() > MAX_REASON_CHARS {
        return Err(AppError::invalid("note", t.err_reason).into());
    }
    let mut tx = service.store.writer().begin().await?;
    let closed = sqlx::query(
        "INSERT INTO duty_exceptions (community_id, on_date, kind, note, created_at) \
         SELECT c.id, $2, 'closed', $3, $4 FROM communities c WHERE c.street_id = $1 AND NOT EXISTS ( \
           SELECT 1 FROM duty_exceptions e WHERE e.community_id = c.id AND e.on_date = $2 AND e.kind = 'closed')",
    )
    .bind(request.street_id)
    .bind(date.to_string())
    .bind(note)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    service.commit(tx).await?;
    audit::record_by(&service.store, caller, user.id, "street_close", &format!("street:{} {date}", request.street_id))
        .await?;
    let bookings: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT c.id, c.name, COUNT(*) FROM bookings b JOIN communities c ON c.id = b.community_id \
         WHERE c.street_id = $1 AND b.slot_start >= $2 AND b.slot_start < $3 AND b.status IN ('pending', 'confirmed') \
         GROUP BY c.id, c.name ORDER BY c.name, c.id",
    )
    .bind(request.street_id)
    .bind(date.start().0.max(now_ms()))
    .bind(date.plus_days(1).start().0)
    .fetch_all(&service.store.pool)
    .await?;
    Ok(StreetClosed {
        closed: u32::try_from(closed).unwrap_or(u32::MAX),
        bookings: bookings
            .into_iter()
            .map(|(community_id, community_name, n)| ClosedCommunity {
                community_id,
                community_name,
                live_bookings: u32::try_from(n).unwrap_or(u32::MAX),
            })
            .collect(),
    })
}
