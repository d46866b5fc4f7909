//! A community's duty as staff plan it: every period with the days it applies, a preview of the
//! next four weeks of slots with a new period (holidays, make-up days, closed days and leave
//! applied), and the end of a period from a day on — the days before kept as they were. The plan
//! lists the live bookings no slot covers any more, for staff to settle ([`super::settle`]).

use super::calendar_store::{self, PeriodRow};
use super::schedule::{assigned, check_access, checked};
use super::slots::DutyRule;
use super::{message, BookingService};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::today;
use app::error::{AppError, ErrorKind};
use app::model::{
    AddDutyRequest, CommunityRequest, DutyPlan, DutyPreview, EndDutyRequest, PlannedPeriod, PreviewDay,
    UncoveredBooking,
};
use app::time::{format_hh_mm, Instant, LocalDate};

/// How far a preview looks.
const PREVIEW_DAYS: i64 = 28;

/// A new period, checked: its minutes and the days it applies.
pub struct NewPeriod {
    pub start: u32,
    pub end: u32,
    pub from: LocalDate,
    pub until: Option<LocalDate>,
}

/// A live booking as stored.
#[derive(sqlx::FromRow)]
struct LiveBooking {
    id: i64,
    code: String,
    slot_start: i64,
}

/// A period as stored, with its lawyer and days.
#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    period: PeriodRow,
    lawyer_name: String,
    valid_from: String,
    valid_until: Option<String>,
}

/// Checks a period to add: the caller serves the community, the times and seats are whole, the
/// lawyer is assigned there, the days run forward from today, and neither the community nor the
/// lawyer (anywhere) has another period at that time on any of those days.
pub async fn check_new(
    service: &BookingService,
    caller: &Caller,
    request: &AddDutyRequest,
) -> Result<NewPeriod, Failure> {
    check_access(service, caller, request.community_id).await?;
    let period = &request.period;
    let (start, end) = checked(caller, period)?;
    let t = caller.lang.messages();
    if !assigned(service, request.community_id, period.lawyer_id).await? {
        return Err(AppError::invalid("lawyer_id", t.err_schedule).into());
    }
    let day = |text: &Option<String>, field: &'static str| match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => LocalDate::parse(text).map(Some).ok_or_else(|| AppError::invalid(field, t.err_schedule_dates)),
    };
    let from = day(&request.valid_from, "valid_from")?.unwrap_or_else(today);
    let until = day(&request.valid_until, "valid_until")?;
    if from < today() || until.is_some_and(|u| u < from) {
        return Err(AppError::invalid("valid_from", t.err_schedule_dates).into());
    }
    let clash: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM duty_schedules WHERE (community_id = $1 OR lawyer_id = $2) AND weekday = $3 \
         AND start_minute < $5 AND end_minute > $4 AND (valid_until IS NULL OR valid_until >= $6) \
         AND ($7 IS NULL OR valid_from <= $7)",
    )
    .bind(request.community_id)
    .bind(period.lawyer_id)
    .bind(i64::from(period.weekday))
    .bind(i64::from(start))
    .bind(i64::from(end))
    .bind(from.to_string())
    .bind(until.map(|d| d.to_string()))
    .fetch_one(&service.store.pool)
    .await?;
    if clash > 0 {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_schedule_overlap).into());
    }
    Ok(NewPeriod { start, end, from, until })
}

/// `desk/duty-plan`.
pub async fn plan(service: &BookingService, caller: &Caller, request: CommunityRequest) -> Result<DutyPlan, Failure> {
    check_access(service, caller, request.community_id).await?;
    let uncovered = uncovered(service, request.community_id).await?;
    read(service, request.community_id, uncovered).await
}

/// `desk/preview-duty`: the next four weeks as they would be; nothing is saved.
pub async fn preview(
    service: &BookingService,
    caller: &Caller,
    request: AddDutyRequest,
) -> Result<DutyPreview, Failure> {
    let new = check_new(service, caller, &request).await?;
    let (first, last) = (today(), today().plus_days(PREVIEW_DAYS - 1));
    let mut calendar = calendar_store::load(&service.store, request.community_id, first, last).await?;
    let p = &request.period;
    calendar.rules.push(DutyRule {
        lawyer_id: p.lawyer_id,
        weekday: p.weekday,
        start_minute: new.start,
        end_minute: new.end,
        slot_minutes: p.slot_minutes,
        seats: p.seats,
        channels: p.channels.clone(),
        instant: p.instant,
        valid_from: new.from,
        valid_until: new.until,
    });
    let mut days: Vec<PreviewDay> = Vec::new();
    for slot in calendar.slots(first, last, Instant(0)) {
        let (date, minute) = slot.start.to_shanghai();
        let end = slot.end.to_shanghai().1;
        let text = format!("{}–{} ×{}", format_hh_mm(minute), format_hh_mm(end), slot.seats);
        match days.last_mut() {
            Some(day) if day.date == date.to_string() => day.slots.push(text),
            _ => days.push(PreviewDay { date: date.to_string(), weekday: date.weekday(), slots: vec![text] }),
        }
    }
    Ok(DutyPreview { days })
}

/// `desk/end-duty`: the period applies up to `last_day` (yesterday at the earliest, so that no
/// day already worked changes), and the live bookings after it that no period covers are listed.
pub async fn end(service: &BookingService, caller: &Caller, request: EndDutyRequest) -> Result<DutyPlan, Failure> {
    check_access(service, caller, request.community_id).await?;
    let t = caller.lang.messages();
    let last = LocalDate::parse(request.last_day.trim())
        .filter(|d| *d >= today().plus_days(-1))
        .ok_or_else(|| AppError::invalid("last_day", t.err_schedule_dates))?;
    let ended = sqlx::query(
        "UPDATE duty_schedules SET valid_until = $1 WHERE id = $2 AND community_id = $3 \
         AND (valid_until IS NULL OR valid_until > $1)",
    )
    .bind(last.to_string())
    .bind(request.period_id)
    .bind(request.community_id)
    .execute(service.store.writer())
    .await?;
    if ended.rows_affected() == 0 {
        // Not one of this community's periods, or already ended by then.
        return Err(AppError::invalid("period_id", t.err_schedule).into());
    }
    service.recent.forget();
    let uncovered = uncovered(service, request.community_id).await?;
    read(service, request.community_id, uncovered).await
}

/// Live bookings at `community_id` from now on whose start no slot offers any more.
async fn uncovered(service: &BookingService, community_id: i64) -> Result<Vec<UncoveredBooking>, Failure> {
    let now = crate::store::now_ms();
    let from = Instant(now).to_shanghai().0;
    let live: Vec<LiveBooking> = sqlx::query_as(
        "SELECT id, code, slot_start FROM bookings WHERE community_id = $1 AND slot_start >= $2 \
         AND status IN ('pending', 'confirmed') ORDER BY slot_start",
    )
    .bind(community_id)
    .bind(now)
    .fetch_all(&service.store.pool)
    .await?;
    let Some(last) = live.last().map(|b| Instant(b.slot_start).to_shanghai().0) else { return Ok(Vec::new()) };
    let calendar = calendar_store::load(&service.store, community_id, from, last).await?;
    let offered: std::collections::HashSet<i64> =
        calendar.slots(from, last, Instant(0)).iter().map(|s| s.start.0).collect();
    Ok(live
        .into_iter()
        .filter(|b| !offered.contains(&b.slot_start))
        .map(|b| UncoveredBooking { id: b.id, code: b.code, start: Instant(b.slot_start) })
        .collect())
}

async fn read(
    service: &BookingService,
    community_id: i64,
    uncovered: Vec<UncoveredBooking>,
) -> Result<DutyPlan, Failure> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT d.id, d.lawyer_id, l.name AS lawyer_name, d.weekday, d.start_minute, d.end_minute, d.slot_minutes, \
         d.seats, d.channels, d.instant, d.valid_from, d.valid_until FROM duty_schedules d JOIN lawyers l ON l.id = d.lawyer_id \
         WHERE d.community_id = $1 AND (d.valid_until IS NULL OR d.valid_until >= $2) ORDER BY d.weekday, d.start_minute, d.valid_from",
    )
    .bind(community_id)
    .bind(today().to_string())
    .fetch_all(&service.store.pool)
    .await?;
    let periods = rows
        .into_iter()
        .map(|r| PlannedPeriod {
            period: r.period.period(),
            lawyer_name: r.lawyer_name,
            valid_from: r.valid_from,
            valid_until: r.valid_until,
        })
        .collect();
    Ok(DutyPlan { community_id, periods, uncovered })
}
