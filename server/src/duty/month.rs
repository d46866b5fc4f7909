//! A lawyer's month: the figures the bureau reports, made from the logs themselves; confirmed or
//! disputed by the lawyer, locked by staff.

use super::{corrections, logs, records};
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::advisers;
use crate::store::today;
use crate::store::{now_ms, Store};
use app::domain::{month_bounds, required_text, MonthStatus, ServiceCategory, MAX_REASON_CHARS};
use app::error::{AppError, ErrorKind};
use app::model::{
    CategoryCount, CommunityMonth, DutyGap, DutyLog, MonthAction, MonthRequest, MonthReviewRequest, MonthSummary,
    ServiceRecord,
};
use app::time::{Instant, LocalDate};
use std::collections::{BTreeMap, BTreeSet};

fn bounds(caller: &Caller, month: &str) -> Result<(LocalDate, LocalDate), Failure> {
    month_bounds(month)
        .ok_or_else(|| AppError::invalid("month", caller.lang.messages().err_month))
        .map_err(Failure::from)
}

/// Dates in `first..=last` on which the schedule gives `lawyer_id` duty at `community_id`
/// (their own periods, and those they cover for a colleague on leave).
async fn scheduled(
    store: &Store,
    lawyer_id: i64,
    community_id: i64,
    first: LocalDate,
    last: LocalDate,
) -> Result<BTreeSet<String>, sqlx::Error> {
    let calendar = crate::booking::duty_schedule(store, community_id, first, last).await?;
    Ok(calendar
        .slots(first, last, Instant(0))
        .into_iter()
        .filter(|s| s.lawyer_id == lawyer_id)
        .map(|s| s.start.to_shanghai().0.to_string())
        .collect())
}

/// A month's review: status, comment and, once locked, the figures it was locked with.
#[derive(sqlx::FromRow)]
struct ReviewRow {
    status: String,
    comment: String,
    locked_duty_days: Option<i64>,
    locked_services: Option<i64>,
    locked_people: Option<i64>,
}

/// A lawyer's bookings of a month by outcome, and their ratings.
#[derive(sqlx::FromRow)]
struct BookingCounts {
    completed: i64,
    no_show: i64,
    ratings: i64,
    rating_sum: Option<i64>,
}

/// The month's figures, computed from its duties, records and bookings.
pub async fn figures(store: &Store, lawyer_id: i64, month: &str) -> Result<Option<MonthSummary>, sqlx::Error> {
    let Some((first, last)) = month_bounds(month) else { return Ok(None) };
    let Some(lawyer_name) = sqlx::query_scalar::<_, String>("SELECT name FROM lawyers WHERE id = $1")
        .bind(lawyer_id)
        .fetch_optional(&store.pool)
        .await?
    else {
        return Ok(None);
    };
    let duties = logs::of_lawyer(store, lawyer_id, first, last).await?;
    let records = records::of_lawyer(store, lawyer_id, first, last).await?;
    // Duty-days, from their one definition (the `duty_days` view).
    let days: Vec<(i64, String)> = sqlx::query_as(
        "SELECT community_id, served_on FROM duty_days WHERE lawyer_id = $1 AND served_on >= $2 AND served_on <= $3",
    )
    .bind(lawyer_id)
    .bind(first.to_string())
    .bind(last.to_string())
    .fetch_all(&store.pool)
    .await?;
    let days: BTreeSet<(i64, String)> = days.into_iter().collect();
    let (communities, gaps) = per_community(store, lawyer_id, first, last, &duties, &days).await?;
    let bookings = bookings_of(store, lawyer_id, first, last).await?;
    let (status, comment, locked) = review_of(store, lawyer_id, month).await?;
    Ok(Some(MonthSummary {
        lawyer_id,
        lawyer_name,
        month: month.to_owned(),
        status,
        comment,
        duty_days: days.len() as i64,
        communities,
        people_served: records.iter().map(|r| r.people_served).sum(),
        services: services_of(&records),
        bookings_completed: bookings.completed,
        bookings_no_show: bookings.no_show,
        ratings: bookings.ratings,
        rating_average: bookings
            .rating_sum
            .filter(|_| bookings.ratings > 0)
            .map(|sum| sum as f64 / bookings.ratings as f64),
        gaps,
        leave: leave_of(store, lawyer_id, first, last).await?,
        duties,
        records,
        corrections: corrections::of_month(store, lawyer_id, first, last).await?,
        locked_figures: locked,
    }))
}

/// Each community the lawyer served or was assigned in the month, with its duty-days against its
/// scheduled days, and the scheduled days before today without a duty (the gaps), by date.
async fn per_community(
    store: &Store,
    lawyer_id: i64,
    first: LocalDate,
    last: LocalDate,
    duties: &[DutyLog],
    days: &BTreeSet<(i64, String)>,
) -> Result<(Vec<CommunityMonth>, Vec<DutyGap>), sqlx::Error> {
    let assigned: Vec<(i64, String)> = sqlx::query_as(
        "SELECT DISTINCT c.id, c.name FROM assignments a JOIN communities c ON c.id = a.community_id \
         WHERE a.lawyer_id = $1 AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $3) ORDER BY c.id",
    )
    .bind(lawyer_id)
    .bind(last.to_string())
    .bind(first.to_string())
    .fetch_all(&store.pool)
    .await?;
    let mut names: BTreeMap<i64, String> = assigned.into_iter().collect();
    names.extend(duties.iter().map(|d| (d.community_id, d.community_name.clone())));
    let today = today().to_string();
    let (mut communities, mut gaps) = (Vec::new(), Vec::new());
    for (community_id, community_name) in names {
        let planned = scheduled(store, lawyer_id, community_id, first, last).await?;
        for date in planned.iter().filter(|d| d.as_str() < today.as_str()) {
            if !days.contains(&(community_id, date.clone())) {
                gaps.push(DutyGap { date: date.clone(), community_name: community_name.clone() });
            }
        }
        let duty_days = days.iter().filter(|(c, _)| *c == community_id).count() as i64;
        communities.push(CommunityMonth {
            community_id,
            community_name,
            duty_days,
            scheduled_days: planned.len() as i64,
        });
    }
    gaps.sort_by(|a, b| a.date.cmp(&b.date));
    Ok((communities, gaps))
}

/// Records and people served by category, the categories with any.
fn services_of(records: &[ServiceRecord]) -> Vec<CategoryCount> {
    ServiceCategory::ALL
        .iter()
        .map(|category| {
            let of: Vec<_> = records.iter().filter(|r| r.category == *category).collect();
            CategoryCount {
                category: *category,
                records: of.len() as i64,
                people: of.iter().map(|r| r.people_served).sum(),
            }
        })
        .filter(|c| c.records > 0)
        .collect()
}

async fn bookings_of(
    store: &Store,
    lawyer_id: i64,
    first: LocalDate,
    last: LocalDate,
) -> Result<BookingCounts, sqlx::Error> {
    // The month's ends in the text: see `store::day_in_text`.
    sqlx::query_as(&format!(
        "SELECT COUNT(CASE WHEN status = 'completed' THEN 1 END) AS completed, \
         COUNT(CASE WHEN status = 'no_show' THEN 1 END) AS no_show, COUNT(rating) AS ratings, \
         CAST(SUM(rating) AS BIGINT) AS rating_sum FROM bookings WHERE lawyer_id = $1 AND slot_start >= {} AND slot_start < {}",
        first.start().0,
        last.plus_days(1).start().0
    ))
    .bind(lawyer_id)
    .fetch_one(&store.pool)
    .await
}

/// The lawyer's leave that touches the month: first and last day.
async fn leave_of(
    store: &Store,
    lawyer_id: i64,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT starts_on, ends_on FROM leaves WHERE lawyer_id = $1 AND ends_on >= $2 AND starts_on <= $3 ORDER BY starts_on",
    )
    .bind(lawyer_id)
    .bind(first.to_string())
    .bind(last.to_string())
    .fetch_all(&store.pool)
    .await
}

/// The month's status, comment and locked figures (open, with none, before any review).
async fn review_of(
    store: &Store,
    lawyer_id: i64,
    month: &str,
) -> Result<(MonthStatus, String, Option<(i64, i64, i64)>), sqlx::Error> {
    let review: Option<ReviewRow> = sqlx::query_as(
        "SELECT status, comment, locked_duty_days, locked_services, locked_people FROM month_reviews \
         WHERE lawyer_id = $1 AND month = $2",
    )
    .bind(lawyer_id)
    .bind(month)
    .fetch_optional(&store.pool)
    .await?;
    Ok(match review {
        None => (MonthStatus::Open, String::new(), None),
        Some(r) => {
            let locked = match (r.locked_duty_days, r.locked_services, r.locked_people) {
                (Some(d), Some(s), Some(p)) => Some((d, s, p)),
                _ => None,
            };
            (MonthStatus::from_db(&r.status).unwrap_or(MonthStatus::Open), r.comment, locked)
        }
    })
}

pub async fn summary(store: &Store, caller: &Caller, request: MonthRequest) -> Result<MonthSummary, Failure> {
    bounds(caller, &request.month)?;
    advisers::reads_for(store, caller, request.lawyer_id).await?;
    figures(store, request.lawyer_id, &request.month)
        .await?
        .ok_or_else(|| caller.error(ErrorKind::NotFound))
        .map_err(Failure::from)
}

/// The lawyer confirms or disputes their month; not once it is locked.
pub async fn review(store: &Store, caller: &Caller, request: MonthReviewRequest) -> Result<MonthSummary, Failure> {
    bounds(caller, &request.month)?;
    advisers::logs_for(store, caller, request.lawyer_id).await?;
    let (status, comment) = match request.action {
        MonthAction::Confirm => {
            (MonthStatus::Confirmed, request.comment.trim().chars().take(MAX_REASON_CHARS).collect())
        }
        MonthAction::Dispute => (
            MonthStatus::Disputed,
            required_text(&request.comment, MAX_REASON_CHARS)
                .map_err(|_| AppError::invalid("comment", caller.lang.messages().err_reason))?,
        ),
    };
    write(store, caller, request.lawyer_id, &request.month, status, &comment, None).await
}

/// Staff lock a month with its figures as they are now; later changes come only as corrections,
/// shown beside these figures.
pub async fn lock(store: &Store, caller: &Caller, request: MonthRequest) -> Result<MonthSummary, Failure> {
    bounds(caller, &request.month)?;
    advisers::reads_for(store, caller, request.lawyer_id).await?;
    let current =
        figures(store, request.lawyer_id, &request.month).await?.ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    let services: i64 = current.services.iter().map(|c| c.records).sum();
    let locked = (current.duty_days, services, current.people_served);
    write(store, caller, request.lawyer_id, &request.month, MonthStatus::Locked, "", Some(locked)).await
}

async fn write(
    store: &Store,
    caller: &Caller,
    lawyer_id: i64,
    month: &str,
    status: MonthStatus,
    comment: &str,
    locked: Option<(i64, i64, i64)>,
) -> Result<MonthSummary, Failure> {
    let user = caller.user()?;
    // Written only where the month is not locked, so a lock wins every race and stays.
    let changed = sqlx::query(
        "INSERT INTO month_reviews (lawyer_id, month, status, comment, locked_duty_days, locked_services, locked_people, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (lawyer_id, month) DO UPDATE SET status = $3, comment = $4, locked_duty_days = $5, locked_services = $6, \
         locked_people = $7, updated_by = $8, updated_at = $9 WHERE month_reviews.status <> 'locked'",
    )
    .bind(lawyer_id)
    .bind(month)
    .bind(status.as_str())
    .bind(comment)
    .bind(locked.map(|l| l.0))
    .bind(locked.map(|l| l.1))
    .bind(locked.map(|l| l.2))
    .bind(user.id)
    .bind(now_ms())
    .execute(store.writer())
    .await?;
    if changed.rows_affected() == 0 {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_month_state).into());
    }
    let subject = format!("lawyer:{lawyer_id}:{month}");
    let action = format!("month_{}", status.as_str());
    audit::record_by(store, caller, user.id, &action, &subject).await?;
    figures(store, lawyer_id, month).await?.ok_or_else(|| caller.error(ErrorKind::NotFound)).map_err(Failure::from)
}
