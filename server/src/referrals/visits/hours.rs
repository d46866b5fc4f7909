//! An office's weekly home-visit hours: read, and replaced as a whole. Visits already booked
//! keep their times.

use super::super::ReferralsService;
use super::notary_office;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::now_ms;
use app::error::AppError;
use app::i18n::VisitTexts;
use app::model::{Empty, VisitHours, VisitPeriod};
use app::time::{format_hh_mm, parse_hh_mm};

/// At most this many periods a week.
const MAX_PERIODS: usize = 14;

/// A period checked: weekday, start and end minutes, minutes a visit, seats.
type Checked = (u8, u32, u32, u32, u32);

/// `visits/hours`.
pub async fn hours(service: &ReferralsService, caller: &Caller, _: Empty) -> Result<VisitHours, Failure> {
    let office = notary_office(service, caller).await?;
    read(service, office).await
}

async fn read(service: &ReferralsService, office: i64) -> Result<VisitHours, Failure> {
    let rows: Vec<(i64, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT weekday, start_minute, end_minute, slot_minutes, seats FROM home_visit_hours \
         WHERE organisation_id = $1 ORDER BY weekday, start_minute",
    )
    .bind(office)
    .fetch_all(&service.store.pool)
    .await?;
    let minutes = |n: i64| format_hh_mm(u32::try_from(n).unwrap_or(0));
    let periods = rows
        .into_iter()
        .map(|(weekday, start, end, slot, seats)| VisitPeriod {
            weekday: u8::try_from(weekday).unwrap_or(0),
            start: minutes(start),
            end: minutes(end),
            slot_minutes: u32::try_from(slot).unwrap_or(0),
            seats: u32::try_from(seats).unwrap_or(0),
        })
        .collect();
    Ok(VisitHours { periods })
}

/// `visits/save-hours`: every period checked first (422 on `periods`, nothing changed), then
/// the office's hours replaced in one transaction.
pub async fn save_hours(
    service: &ReferralsService,
    caller: &Caller,
    request: VisitHours,
) -> Result<VisitHours, Failure> {
    let office = notary_office(service, caller).await?;
    let checked =
        check(&request.periods).ok_or_else(|| AppError::invalid("periods", VisitTexts::of(caller.lang).err_hours))?;
    let mut tx = service.store.writer().begin().await?;
    sqlx::query("DELETE FROM home_visit_hours WHERE organisation_id = $1").bind(office).execute(&mut *tx).await?;
    for (weekday, start, end, slot, seats) in &checked {
        sqlx::query(
            "INSERT INTO home_visit_hours (organisation_id, weekday, start_minute, end_minute, slot_minutes, seats, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(office)
        .bind(i64::from(*weekday))
        .bind(i64::from(*start))
        .bind(i64::from(*end))
        .bind(i64::from(*slot))
        .bind(i64::from(*seats))
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    let user = caller.user()?;
    audit::record_by(&service.store, caller, user.id, "visit_hours", &format!("organisation:{office}")).await?;
    read(service, office).await
}

/// The periods as numbers, if every one is whole and none overlaps another of its weekday.
fn check(periods: &[VisitPeriod]) -> Option<Vec<Checked>> {
    if periods.len() > MAX_PERIODS {
        return None;
    }
    let mut checked: Vec<Checked> = Vec::with_capacity(periods.len());
    for p in periods {
        let (start, end) = (parse_hh_mm(&p.start)?, parse_hh_mm(&p.end)?);
        let whole = (1..=7).contains(&p.weekday)
            && start < end
            && (30..=240).contains(&p.slot_minutes)
            && (1..=10).contains(&p.seats)
            && start + p.slot_minutes <= end;
        let overlaps = checked.iter().any(|c| c.0 == p.weekday && c.1 < end && start < c.2);
        if !whole || overlaps {
            return None;
        }
        checked.push((p.weekday, start, end, p.slot_minutes, p.seats));
    }
    Some(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(weekday: u8, start: &str, end: &str, slot_minutes: u32, seats: u32) -> VisitPeriod {
        VisitPeriod { weekday, start: start.into(), end: end.into(), slot_minutes, seats }
    }

    #[test]
    fn hours_are_whole_and_do_not_overlap() {
        assert!(check(&[period(2, "09:00", "12:00", 60, 1), period(2, "14:00", "17:00", 90, 2)]).is_some());
        assert!(check(&[]).is_some(), "an office may stop visiting");
        for bad in [
            vec![period(0, "09:00", "12:00", 60, 1)],
            vec![period(8, "09:00", "12:00", 60, 1)],
            vec![period(1, "12:00", "09:00", 60, 1)],
            vec![period(1, "09:00", "09:20", 30, 1)],
            vec![period(1, "09:00", "12:00", 20, 1)],
            vec![period(1, "09:00", "12:00", 60, 0)],
            vec![period(1, "09:00", "12:00", 60, 11)],
            vec![period(1, "9点", "12:00", 60, 1)],
            vec![period(1, "24:00", "25:00", 60, 1)],
            vec![period(1, "09:00", "12:00", 60, 1), period(1, "11:00", "13:00", 60, 1)],
            vec![period(1, "09:00", "10:00", 60, 1); 15],
        ] {
            assert!(check(&bad).is_none(), "{bad:?}");
        }
    }
}
