//! A lawyer leaves the programme after their last day: their assignments and weekly duty end
//! there (those not yet begun are removed, as are their extra days after it), and their live
//! bookings after it are handed to each community's stand-in or cancelled with a message — all in
//! one transaction, so a hand-over that finds nobody changes nothing. Their history (duty,
//! services, answers) stays theirs, and the register shows the day they left.

use super::settle::{reason_for, settle_in, Live, LIVE};
use super::BookingService;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, today};
use app::error::{AppError, ErrorKind};
use app::model::{RetireLawyerRequest, Retired};
use app::time::LocalDate;
use sqlx::{Any, Transaction};

/// `staff/retire-lawyer`. Refused, nothing changed: no such lawyer (404), one already retired
/// (409), a last day before yesterday or not a date (422), a cancellation without a reason
/// (422), a hand-over where a community has nobody to stand in (409).
pub async fn lawyer(
    service: &BookingService,
    caller: &Caller,
    request: RetireLawyerRequest,
) -> Result<Retired, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    still_serving(service, caller, Ended::Lawyer(request.lawyer_id), t.err_retired).await?;
    let last = last_day(caller, &request.last_day)?;
    let reason = reason_for(caller, request.bookings, &request.reason)?;
    let mut tx = service.store.writer().begin().await?;
    let marked = sqlx::query("UPDATE lawyers SET last_day = $1 WHERE id = $2 AND last_day IS NULL")
        .bind(last.to_string())
        .bind(request.lawyer_id)
        .execute(&mut *tx)
        .await?;
    if marked.rows_affected() == 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_retired).into());
    }
    let after = last.plus_days(1).start().0.max(now_ms());
    let bookings: Vec<Live> = sqlx::query_as(&format!(
        "{LIVE} WHERE b.lawyer_id = $1 AND b.slot_start >= $2 AND b.status IN ('pending', 'confirmed') ORDER BY b.slot_start"
    ))
    .bind(request.lawyer_id)
    .bind(after)
    .fetch_all(&mut *tx)
    .await?;
    let settled = settle_in(service, &mut tx, caller, bookings, request.bookings, &reason).await?;
    let (assignments, periods) = end_service(&mut tx, Ended::Lawyer(request.lawyer_id), last).await?;
    service.commit(tx).await?;
    let subject = format!(
        "lawyer:{} last_day={last} handed_over={} cancelled={}",
        request.lawyer_id, settled.handed_over, settled.cancelled
    );
    audit::record_by(&service.store, caller, user.id, "lawyer_retire", &subject).await?;
    Ok(Retired { assignments, periods, settled })
}

/// A last day of service: yesterday or later; 422 otherwise.
pub(super) fn last_day(caller: &Caller, text: &str) -> Result<LocalDate, Failure> {
    LocalDate::parse(text.trim())
        .filter(|d| *d >= today().plus_days(-1))
        .ok_or_else(|| AppError::invalid("last_day", caller.lang.messages().err_schedule_dates).into())
}

/// Whose service ends.
#[derive(Clone, Copy)]
pub(super) enum Ended {
    Lawyer(i64),
    Community(i64),
}

impl Ended {
    /// Its table, the column that names it elsewhere, and its id (names from this code only).
    fn names(self) -> (&'static str, &'static str, i64) {
        match self {
            Ended::Lawyer(id) => ("lawyers", "lawyer_id", id),
            Ended::Community(id) => ("communities", "community_id", id),
        }
    }
}

/// Nothing when `whose` is still serving; 404 when there is no such lawyer or community, 409
/// (`already`) when it has left.
pub(super) async fn still_serving(
    service: &BookingService,
    caller: &Caller,
    whose: Ended,
    already: &'static str,
) -> Result<(), Failure> {
    let (table, _, id) = whose.names();
    let retired: Option<Option<String>> = sqlx::query_scalar(&format!("SELECT last_day FROM {table} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&service.store.pool)
        .await?;
    match retired {
        None => Err(caller.error(ErrorKind::NotFound).into()),
        Some(Some(_)) => Err(AppError::new(ErrorKind::Conflict, already).into()),
        Some(None) => Ok(()),
    }
}

/// Ends the lawyer's or the community's assignments and duty after `last`; removes those not yet
/// begun and the extra days after it. Answers how many assignments and how many periods and days.
pub(super) async fn end_service(
    tx: &mut Transaction<'_, Any>,
    whose: Ended,
    last: LocalDate,
) -> Result<(u32, u32), sqlx::Error> {
    let (_, column, id) = whose.names();
    let last = last.to_string();
    let mut counts = [0u64; 2];
    let statements: [(usize, &str); 5] = [
        (0, "UPDATE assignments SET ends_on = $2 WHERE {who} = $1 AND starts_on <= $2 AND (ends_on IS NULL OR ends_on > $2)"),
        (0, "DELETE FROM assignments WHERE {who} = $1 AND starts_on > $2"),
        (
            1,
            "UPDATE duty_schedules SET valid_until = $2 WHERE {who} = $1 AND valid_from <= $2 \
             AND (valid_until IS NULL OR valid_until > $2)",
        ),
        (1, "DELETE FROM duty_schedules WHERE {who} = $1 AND valid_from > $2"),
        (1, "DELETE FROM duty_exceptions WHERE {who} = $1 AND kind = 'extra' AND on_date > $2"),
    ];
    for (count, sql) in statements {
        // The column is one of two names from this code, never input.
        let sql = sql.replace("{who}", column);
        counts[count] += sqlx::query(&sql).bind(id).bind(&last).execute(&mut **tx).await?.rows_affected();
    }
    let n = |c: u64| u32::try_from(c).unwrap_or(u32::MAX);
    Ok((n(counts[0]), n(counts[1])))
}
