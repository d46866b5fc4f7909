//! A community leaves the programme after its last day (merged into another, or closed): its team and duty
//! end there; its residents and its open questions go to the community that succeeds it
//! (residents without one choose again); its live bookings after the day are cancelled with a
//! message — all in one transaction. (A booking is a seat at its community's desk: there is no
//! desk to hand it to after the last day, and another community's seats at that hour may be
//! taken. Staff who want to keep them choose a later last day.)
//! Its history stays where it was, and the board asks its quota up to its last day.

use super::retire::{end_service, last_day, still_serving, Ended};
use super::settle::{settle_in, Live, LIVE};
use super::BookingService;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::now_ms;
use app::error::{AppError, ErrorKind};
use app::model::{RetireCommunityRequest, RetiredCommunity, SettleAction, SettleReport};
use app::time::LocalDate;
use sqlx::{Any, Transaction};

/// `staff/retire-community`. Refused, nothing changed: no such community (404), one already
/// retired (409), a last day before yesterday or not a date (422), a successor that is the
/// community itself, unknown or retired by then (422), open questions without a successor (422),
/// a hand-over of its bookings or a cancellation without a reason (422).
pub async fn community(
    service: &BookingService,
    caller: &Caller,
    request: RetireCommunityRequest,
) -> Result<RetiredCommunity, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let id = request.community_id;
    still_serving(service, caller, Ended::Community(id), t.err_place_retired).await?;
    let last = last_day(caller, &request.last_day)?;
    if request.bookings == SettleAction::HandOver {
        return Err(AppError::invalid("bookings", t.err_community_bookings).into());
    }
    let reason = BookingService::reason(caller, &request.reason)?;
    let successor = match request.successor_id {
        Some(other) => Some(successor(service, caller, id, other, last).await?),
        None => None,
    };
    let mut tx = service.store.writer().begin().await?;
    let marked = sqlx::query("UPDATE communities SET last_day = $1 WHERE id = $2 AND last_day IS NULL")
        .bind(last.to_string())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if marked.rows_affected() == 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_place_retired).into());
    }
    let settled = cancel_later(service, &mut tx, caller, id, last, &reason).await?;
    let (residents, questions) = move_people(&mut tx, caller, id, successor).await?;
    let ended = end_service(&mut tx, Ended::Community(id), last).await?;
    service.commit(tx).await?;
    let subject = format!(
        "community:{id} last_day={last} successor={} handed_over={} cancelled={}",
        successor.map_or_else(|| "none".to_owned(), |s| s.to_string()),
        settled.handed_over,
        settled.cancelled
    );
    audit::record_by(&service.store, caller, user.id, "community_retire", &subject).await?;
    Ok(RetiredCommunity { assignments: ended.0, periods: ended.1, residents, questions, settled })
}

/// Cancels the community's live bookings after `last` with `reason`, and clears its waitlist.
async fn cancel_later(
    service: &BookingService,
    tx: &mut Transaction<'_, Any>,
    caller: &Caller,
    id: i64,
    last: LocalDate,
    reason: &str,
) -> Result<SettleReport, Failure> {
    let after = last.plus_days(1).start().0.max(now_ms());
    let bookings: Vec<Live> = sqlx::query_as(&format!(
        "{LIVE} WHERE b.community_id = $1 AND b.slot_start >= $2 AND b.status IN ('pending', 'confirmed') ORDER BY b.slot_start"
    ))
    .bind(id)
    .bind(after)
    .fetch_all(&mut **tx)
    .await?;
    let settled = settle_in(service, tx, caller, bookings, SettleAction::Cancel, reason).await?;
    sqlx::query("DELETE FROM waitlist WHERE community_id = $1 AND slot_start >= $2")
        .bind(id)
        .bind(after)
        .execute(&mut **tx)
        .await?;
    Ok(settled)
}

/// The successor `other` of community `id`: another community serving after `last`; 422 otherwise.
async fn successor(
    service: &BookingService,
    caller: &Caller,
    id: i64,
    other: i64,
    last: LocalDate,
) -> Result<i64, Failure> {
    let serving: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM communities WHERE id = $1 AND id <> $2 AND (last_day IS NULL OR last_day > $3)",
    )
    .bind(other)
    .bind(id)
    .bind(last.to_string())
    .fetch_one(&service.store.pool)
    .await?;
    if serving == 0 {
        return Err(AppError::invalid("successor_id", caller.lang.messages().err_successor).into());
    }
    Ok(other)
}

/// A question still in conversation: a resident may yet write to it.
const OPEN: &str = "status IN ('waiting', 'needs_info', 'answered')";

/// Moves the community's residents (to the successor, or to none) and its open questions (to
/// the successor; 422 when there are some and no successor). Answers how many of each.
async fn move_people(
    tx: &mut Transaction<'_, Any>,
    caller: &Caller,
    id: i64,
    successor: Option<i64>,
) -> Result<(u32, u32), Failure> {
    let n = |c: u64| u32::try_from(c).unwrap_or(u32::MAX);
    let residents = sqlx::query("UPDATE users SET community_id = $1 WHERE community_id = $2")
        .bind(successor)
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    let Some(to) = successor else {
        let left: i64 =
            sqlx::query_scalar(&format!("SELECT COUNT(*) FROM questions WHERE community_id = $1 AND {OPEN}"))
                .bind(id)
                .fetch_one(&mut **tx)
                .await?;
        if left > 0 {
            return Err(AppError::invalid("successor_id", caller.lang.messages().err_successor_needed).into());
        }
        return Ok((n(residents), 0));
    };
    let questions = sqlx::query(&format!("UPDATE questions SET community_id = $1 WHERE community_id = $2 AND {OPEN}"))
        .bind(to)
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    Ok((n(residents), n(questions)))
}
