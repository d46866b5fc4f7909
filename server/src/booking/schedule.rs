//! Managing duty: recurring periods, closed and extra days, leave.

use super::calendar_store::{self, channels_text};
use super::{valid_channels, BookingService};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::desk::serves;
use crate::sms::{Message, Template};
use crate::store::today;
use crate::store::{now_ms, Store};
use app::domain::{PhoneNumber, MAX_REASON_CHARS};
use app::error::{AppError, ErrorKind};
use app::model::{
    AddDutyRequest, CommunityRequest, DutyExceptionRequest, DutyPeriod, DutySchedule, LeaveRecorded, LeaveRequest,
};
use app::time::{parse_hh_mm, LocalDate};

/// A period's times in minutes, checked: start before end, whole slots of 10–240 minutes,
/// 1–20 seats, channels given once each, weekday 1–7.
pub(super) fn checked(caller: &Caller, period: &DutyPeriod) -> Result<(u32, u32), Failure> {
    let invalid = || AppError::invalid("period", caller.lang.messages().err_schedule);
    let (start, end) = (parse_hh_mm(&period.start).ok_or_else(invalid)?, parse_hh_mm(&period.end).ok_or_else(invalid)?);
    let ok = start < end
        && (10..=240).contains(&period.slot_minutes)
        && end - start >= period.slot_minutes
        && (1..=20).contains(&period.seats)
        && (1..=7).contains(&period.weekday)
        && valid_channels(&period.channels);
    if ok {
        Ok((start, end))
    } else {
        Err(invalid().into())
    }
}

pub(super) async fn check_access(service: &BookingService, caller: &Caller, community_id: i64) -> Result<(), Failure> {
    let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM communities WHERE id = $1")
        .bind(community_id)
        .fetch_one(&service.store.pool)
        .await?;
    if exists == 0 || !serves(&service.store, caller, community_id).await? {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    Ok(())
}

pub(super) async fn assigned(service: &BookingService, community_id: i64, lawyer_id: i64) -> Result<bool, Failure> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM assignments WHERE community_id = $1 AND lawyer_id = $2 AND starts_on <= $3 AND (ends_on IS NULL OR ends_on >= $3)",
    )
    .bind(community_id)
    .bind(lawyer_id)
    .bind(today().to_string())
    .fetch_one(&service.store.pool)
    .await?;
    Ok(n > 0)
}

pub async fn get(
    service: &BookingService,
    caller: &Caller,
    request: CommunityRequest,
) -> Result<DutySchedule, Failure> {
    let community_id = request.community_id;
    check_access(service, caller, community_id).await?;
    read(service, community_id).await
}

/// The recurring periods in force today or later.
pub async fn read(service: &BookingService, community_id: i64) -> Result<DutySchedule, Failure> {
    let periods = calendar_store::periods(&service.store, community_id, today()).await?;
    Ok(DutySchedule { community_id, periods })
}

pub async fn add(service: &BookingService, caller: &Caller, request: AddDutyRequest) -> Result<DutySchedule, Failure> {
    let checked = super::duty_plan::check_new(service, caller, &request).await?;
    let period = &request.period;
    sqlx::query(
        "INSERT INTO duty_schedules (community_id, lawyer_id, weekday, start_minute, end_minute, slot_minutes, seats, channels, instant, valid_from, valid_until, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(request.community_id)
    .bind(period.lawyer_id)
    .bind(i64::from(period.weekday))
    .bind(i64::from(checked.start))
    .bind(i64::from(checked.end))
    .bind(i64::from(period.slot_minutes))
    .bind(i64::from(period.seats))
    .bind(channels_text(&period.channels))
    .bind(i64::from(period.instant))
    .bind(checked.from.to_string())
    .bind(checked.until.map(|d| d.to_string()))
    .bind(now_ms())
    .execute(service.store.writer())
    .await?;
    service.recent.forget();
    read(service, request.community_id).await
}

pub async fn add_exception(
    service: &BookingService,
    caller: &Caller,
    request: DutyExceptionRequest,
) -> Result<(), Failure> {
    check_access(service, caller, request.community_id).await?;
    let date = LocalDate::parse(&request.date)
        .filter(|d| *d >= today())
        .ok_or_else(|| AppError::invalid("date", caller.lang.messages().err_schedule))?;
    if request.note.chars().count() > MAX_REASON_CHARS {
        return Err(AppError::invalid("note", caller.lang.messages().err_reason).into());
    }
    let query = match &request.extra {
        None => sqlx::query("INSERT INTO duty_exceptions (community_id, on_date, kind, note, created_at) VALUES ($1, $2, 'closed', $3, $4)")
            .bind(request.community_id)
            .bind(date.to_string())
            .bind(request.note.trim())
            .bind(now_ms()),
        Some(period) => {
            let (start, end) = checked(caller, &DutyPeriod { weekday: date.weekday(), ..period.clone() })?;
            if !assigned(service, request.community_id, period.lawyer_id).await? {
                return Err(AppError::invalid("lawyer_id", caller.lang.messages().err_schedule).into());
            }
            sqlx::query(
                "INSERT INTO duty_exceptions (community_id, on_date, kind, note, created_at, lawyer_id, start_minute, end_minute, slot_minutes, seats, channels) \
                 VALUES ($1, $2, 'extra', $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(request.community_id)
            .bind(date.to_string())
            .bind(request.note.trim())
            .bind(now_ms())
            .bind(period.lawyer_id)
            .bind(i64::from(start))
            .bind(i64::from(end))
            .bind(i64::from(period.slot_minutes))
            .bind(i64::from(period.seats))
            .bind(channels_text(&period.channels))
        }
    };
    query.execute(service.store.writer()).await?;
    service.recent.forget();
    Ok(())
}

/// Records leave. Live bookings of the lawyer in it are handed to the community's backup (B,
/// then coordinator) and the resident is told by SMS; with no backup they stay as they are and
/// are counted, for staff to act on. Nothing is dropped silently.
pub async fn record_leave(
    service: &BookingService,
    caller: &Caller,
    request: LeaveRequest,
) -> Result<LeaveRecorded, Failure> {
    let store = &service.store;
    let (from, to) = leave_checked(store, caller, &request).await?;
    let mut tx = store.writer().begin().await?;
    let leave_id: i64 = sqlx::query_scalar("INSERT INTO leaves (lawyer_id, starts_on, ends_on, reason, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .bind(request.lawyer_id)
        .bind(from.to_string())
        .bind(to.to_string())
        .bind(request.reason.trim())
        .bind(now_ms())
        .fetch_one(&mut *tx)
        .await?;
    let affected: Vec<Affected> = sqlx::query_as(
        "SELECT b.id, b.community_id, b.slot_start, b.code, u.phone, u.lang FROM bookings b JOIN users u ON u.id = b.resident_id \
         WHERE b.lawyer_id = $1 AND b.status IN ('pending', 'confirmed') AND b.slot_start >= $2 AND b.slot_start < $3",
    )
    .bind(request.lawyer_id)
    .bind(from.start().0)
    .bind(to.plus_days(1).start().0)
    .fetch_all(&mut *tx)
    .await?;
    let (mut moved, mut stranded) = (0u32, 0u32);
    for booking in affected {
        if hand_over(store, &mut tx, request.lawyer_id, (from, to), booking).await? {
            moved += 1;
        } else {
            stranded += 1;
        }
    }
    service.commit(tx).await?;
    Ok(LeaveRecorded { leave_id, moved_to_backup: moved, without_backup: stranded })
}

/// A live booking in a lawyer's leave.
#[derive(sqlx::FromRow)]
struct Affected {
    id: i64,
    community_id: i64,
    slot_start: i64,
    code: String,
    phone: Option<String>,
    lang: String,
}

/// The leave's first and last day. 404 unless the caller is the lawyer or staff (a street's, for
/// the lawyers of their street); 422 for dates that are not a range ending today or later, or an
/// overlong reason.
async fn leave_checked(
    store: &Store,
    caller: &Caller,
    request: &LeaveRequest,
) -> Result<(LocalDate, LocalDate), Failure> {
    let user = caller.user()?;
    let own: Option<i64> = sqlx::query_scalar("SELECT id FROM lawyers WHERE user_id = $1")
        .bind(user.id)
        .fetch_optional(&store.pool)
        .await?;
    let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM lawyers WHERE id = $1")
        .bind(request.lawyer_id)
        .fetch_one(&store.pool)
        .await?;
    if exists == 0 || !(user.role.is_staff() || own == Some(request.lawyer_id)) {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    if user.street.is_some() {
        crate::scope::advisers::reads_for(store, caller, request.lawyer_id).await?;
    }
    let invalid = || AppError::invalid("starts_on", caller.lang.messages().err_schedule);
    let from = LocalDate::parse(&request.starts_on).ok_or_else(invalid)?;
    let to = LocalDate::parse(&request.ends_on).ok_or_else(invalid)?;
    if to < from || to < today() || request.reason.chars().count() > MAX_REASON_CHARS {
        return Err(invalid().into());
    }
    Ok((from, to))
}

/// Hands `booking` to its community's stand-in (B lawyer, then coordinator, whoever is not away,
/// by the slots' own rule) and tells the resident; false when there is none.
async fn hand_over(
    store: &Store,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    lawyer_id: i64,
    (from, to): (LocalDate, LocalDate),
    booking: Affected,
) -> Result<bool, sqlx::Error> {
    let date = app::time::Instant(booking.slot_start).to_shanghai().0;
    // This leave is not committed yet, so it is added to the calendar by hand.
    let mut calendar = calendar_store::load(store, booking.community_id, date, date).await?;
    calendar.leave.push((lawyer_id, from, to));
    let Some(backup) = calendar.stand_in(lawyer_id, date) else { return Ok(false) };
    sqlx::query("UPDATE bookings SET lawyer_id = $1, updated_at = $2 WHERE id = $3")
        .bind(backup)
        .bind(now_ms())
        .bind(booking.id)
        .execute(&mut **tx)
        .await?;
    if let Some(phone) = booking.phone.as_deref().and_then(|p| PhoneNumber::parse(p).ok()) {
        let lang = app::i18n::Lang::from_tag(&booking.lang);
        let when = app::time::Instant(booking.slot_start).format_shanghai();
        let message = Message::new(Template::MovedToBackup, lang, &[("when", &when), ("code", &booking.code)])
            .about(format!("/bookings/{}", booking.id));
        crate::sms::Outbox::enqueue_with_inbox(tx, phone.as_str(), &message).await?;
    }
    Ok(true)
}
