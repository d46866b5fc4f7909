//! The times an office can come: its weekly hours turned into slots by the booking engine's
//! calendar, with the district's holidays closed and its make-up working days worked, and the
//! seats its visits hold.

use super::super::ReferralsService;
use crate::booking::{Calendar, DutyRule};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, today, Store};
use app::domain::Channel;
use app::model::{Empty, NotaryOffice, OfficeRequest, VisitSlot, VisitSlots};
use app::time::{Instant, LocalDate};

/// How many days ahead a visit can be booked; the first is tomorrow, so that the office can plan
/// its rounds.
pub(super) const WINDOW_DAYS: i64 = 14;

/// `visits/offices`: the open notary offices that publish visit hours.
pub async fn offices(service: &ReferralsService, _: &Caller, _: Empty) -> Result<Vec<NotaryOffice>, Failure> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT o.id, o.name FROM organisations o WHERE o.kind = 'notary' AND o.closed_at IS NULL \
         AND EXISTS (SELECT 1 FROM home_visit_hours h WHERE h.organisation_id = o.id) ORDER BY o.id",
    )
    .fetch_all(&service.store.pool)
    .await?;
    Ok(rows.into_iter().map(|(id, name)| NotaryOffice { id, name }).collect())
}

/// `visits/slots`: the office's times with a notary free, tomorrow to the end of the window.
pub async fn slots(service: &ReferralsService, caller: &Caller, request: OfficeRequest) -> Result<VisitSlots, Failure> {
    let (first, last) = window();
    let Some((office, calendar)) = calendar(&service.store, request.organisation_id, first, last).await? else {
        return Err(caller.error(app::error::ErrorKind::NotFound).into());
    };
    let slots = calendar
        .slots(first, last, Instant(now_ms()))
        .into_iter()
        .filter(|s| s.seats_left > 0)
        .map(|s| VisitSlot { start: s.start, end: s.end, seats_left: s.seats_left })
        .collect();
    Ok(VisitSlots { office, slots })
}

/// The dates a visit can be booked on.
pub(super) fn window() -> (LocalDate, LocalDate) {
    (today().plus_days(1), today().plus_days(WINDOW_DAYS))
}

/// An open notary office's name and calendar from `from` to `to`, with the seats taken; none
/// when there is no such office.
pub(super) async fn calendar(
    store: &Store,
    office: i64,
    from: LocalDate,
    to: LocalDate,
) -> Result<Option<(String, Calendar)>, sqlx::Error> {
    let name: Option<String> =
        sqlx::query_scalar("SELECT name FROM organisations WHERE id = $1 AND kind = 'notary' AND closed_at IS NULL")
            .bind(office)
            .fetch_optional(&store.pool)
            .await?;
    let Some(name) = name else { return Ok(None) };
    let hours: Vec<(i64, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT weekday, start_minute, end_minute, slot_minutes, seats FROM home_visit_hours \
         WHERE organisation_id = $1 ORDER BY start_minute, id",
    )
    .bind(office)
    .fetch_all(&store.pool)
    .await?;
    let days: Vec<(String, String, Option<i64>)> =
        sqlx::query_as("SELECT on_date, kind, works_as FROM holidays WHERE on_date >= $1 AND on_date <= $2")
            .bind(from.to_string())
            .bind(to.to_string())
            .fetch_all(&store.pool)
            .await?;
    let taken: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT slot_start, COUNT(*) FROM home_visits WHERE organisation_id = $1 AND slot_start >= $2 \
         AND slot_start < $3 AND status <> 'cancelled' GROUP BY slot_start",
    )
    .bind(office)
    .bind(from.start().0)
    .bind(to.plus_days(1).start().0)
    .fetch_all(&store.pool)
    .await?;
    let mut calendar = Calendar {
        rules: hours.into_iter().map(|h| rule(h, from)).collect(),
        taken: taken.into_iter().map(|(at, n)| (Instant(at), u32::try_from(n).unwrap_or(u32::MAX))).collect(),
        ..Calendar::default()
    };
    for (date, kind, works_as) in days {
        let Some(date) = LocalDate::parse(&date) else { continue };
        if kind == "workday" {
            calendar.workdays.insert(date, works_as.and_then(|d| u8::try_from(d).ok()).unwrap_or(1));
        } else {
            calendar.closed.insert(date);
        }
    }
    Ok(Some((name, calendar)))
}

/// A stored period as the engine's rule: in person, confirmed at once, from `from` on.
fn rule((weekday, start, end, minutes, seats): (i64, i64, i64, i64, i64), from: LocalDate) -> DutyRule {
    let number = |n: i64| u32::try_from(n).unwrap_or(0);
    DutyRule {
        lawyer_id: 0,
        weekday: u8::try_from(weekday).unwrap_or(0),
        start_minute: number(start),
        end_minute: number(end),
        slot_minutes: number(minutes).max(1),
        seats: number(seats),
        channels: vec![Channel::InPerson],
        instant: true,
        valid_from: from,
        valid_until: None,
    }
}
