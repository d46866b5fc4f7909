//! The bureau's coverage board: a period's figures for each community, summed by street and
//! for the district, and the gaps that need someone to act.
//!
//! Every figure is one grouped query over the tables the duty, booking and question services
//! write; nothing is stored twice. Gaps are about today, whatever the period.

pub mod export;
mod lawyers;
mod quota;
mod summary;

use crate::auth::internal;
use crate::booking::today;
use crate::store::{now_ms, Store};
use app::domain::ServiceCategory;
use app::error::AppError;
use app::model::{Board, BoardRequest, CommunityLine, Figures, Gap, ServiceCount, StreetLine, NO_DUTY_DAYS};
use app::ports::Caller;
use app::time::LocalDate;
use std::collections::HashMap;

/// A question of the period: community, ms to the first answer, deadline, status, rating.
type QuestionRow = (i64, Option<i64>, i64, String, Option<i64>);

/// The longest period the board shows at once.
const MAX_DAYS: i64 = 366;

/// What is read per community before it becomes a line.
#[derive(Default)]
struct Tally {
    figures: Figures,
    /// Minutes to the first answer of each answered question.
    responses: Vec<i64>,
    /// Questions waiting past their deadline now, whenever asked.
    overdue_now: i64,
    /// Bookings waiting for confirmation now, whenever their slot.
    waiting_now: i64,
}

/// The board for `request`'s period; 422 for dates that do not exist, out of order or more
/// than a year apart.
pub async fn board(store: &Store, caller: &Caller, request: BoardRequest) -> Result<Board, AppError> {
    let (from, to) = period(caller, &request)?;
    let mut board = read(store, from, to, today(), now_ms()).await.map_err(|e| internal(caller, e))?;
    board.summary = summary::paragraph(&board, caller.lang);
    Ok(board)
}

/// The first and last day of `request`; 422 for dates that do not exist, out of order or more
/// than a year apart.
fn period(caller: &Caller, request: &BoardRequest) -> Result<(LocalDate, LocalDate), AppError> {
    let t = caller.lang.messages();
    let from = LocalDate::parse(&request.from).ok_or_else(|| AppError::invalid("from", t.err_date))?;
    let to = LocalDate::parse(&request.to).ok_or_else(|| AppError::invalid("to", t.err_date))?;
    if to < from || to.to_days() - from.to_days() >= MAX_DAYS {
        return Err(AppError::invalid("to", t.err_period));
    }
    Ok((from, to))
}

/// The board of `from..=to` as it stands on `today` at `now`.
pub async fn read(
    store: &Store,
    from: LocalDate,
    to: LocalDate,
    today: LocalDate,
    now: i64,
) -> Result<Board, sqlx::Error> {
    let pool = &store.pool;
    let (first, last) = (from.to_string(), to.to_string());
    let (start, end) = (from.start().0, to.plus_days(1).start().0);
    let streets: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM streets ORDER BY sort_order, id").fetch_all(pool).await?;
    let communities: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT c.id, c.name, c.street_id, c.duty_days_per_month FROM communities c JOIN streets s ON s.id = c.street_id \
         ORDER BY s.sort_order, s.id, c.id",
    )
    .fetch_all(pool)
    .await?;
    let mut tally: HashMap<i64, Tally> = communities.iter().map(|c| (c.0, Tally::default())).collect();
    fn at(tally: &mut HashMap<i64, Tally>, community: i64) -> &mut Tally {
        tally.entry(community).or_default()
    }

    let duty_days: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT community_id, COUNT(*) FROM (SELECT DISTINCT community_id, lawyer_id, served_on FROM duty_logs \
         WHERE served_on >= $1 AND served_on <= $2) d GROUP BY community_id",
    )
    .bind(&first)
    .bind(&last)
    .fetch_all(pool)
    .await?;
    for (community, days) in duty_days {
        at(&mut tally, community).figures.duty_days = days;
    }
    let services: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT community_id, category, COUNT(*), CAST(SUM(people_served) AS BIGINT) FROM service_records \
         WHERE served_on >= $1 AND served_on <= $2 GROUP BY community_id, category",
    )
    .bind(&first)
    .bind(&last)
    .fetch_all(pool)
    .await?;
    for (community, category, services, people) in services {
        if let Some(category) = ServiceCategory::from_db(&category) {
            let figures = &mut at(&mut tally, community).figures;
            add_services(figures, &[ServiceCount { category, services, people }]);
            figures.people_served += people;
        }
    }
    let bookings: Vec<(i64, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT community_id, status, COUNT(*), COUNT(rating), CAST(COALESCE(SUM(rating), 0) AS BIGINT) FROM bookings \
         WHERE slot_start >= $1 AND slot_start < $2 GROUP BY community_id, status",
    )
    .bind(start)
    .bind(end)
    .fetch_all(pool)
    .await?;
    for (community, status, count, ratings, rating_sum) in bookings {
        let figures = &mut at(&mut tally, community).figures;
        match status.as_str() {
            "completed" => figures.bookings_completed += count,
            "no_show" => figures.bookings_no_show += count,
            "cancelled" => figures.bookings_cancelled += count,
            "pending" => figures.bookings_waiting += count,
            _ => {}
        }
        figures.ratings += ratings;
        figures.rating_sum += rating_sum;
    }
    let questions: Vec<QuestionRow> = sqlx::query_as(
        "SELECT community_id, first_answer_at - created_at, deadline_at, status, rating FROM questions \
         WHERE created_at >= $1 AND created_at < $2",
    )
    .bind(start)
    .bind(end)
    .fetch_all(pool)
    .await?;
    for (community, response_ms, deadline, status, rating) in questions {
        let line = at(&mut tally, community);
        line.figures.questions_asked += 1;
        match response_ms {
            Some(ms) => {
                line.figures.questions_answered += 1;
                line.responses.push(ms / 60_000);
            }
            None if status == "waiting" && deadline < now => line.figures.questions_past_deadline += 1,
            None => {}
        }
        if let Some(rating) = rating {
            line.figures.ratings += 1;
            line.figures.rating_sum += rating;
        }
    }
    let waiting: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT community_id, COUNT(*) FROM questions WHERE status = 'waiting' AND first_answer_at IS NULL \
         AND deadline_at < $1 GROUP BY community_id",
    )
    .bind(now)
    .fetch_all(pool)
    .await?;
    for (community, count) in waiting {
        at(&mut tally, community).overdue_now = count;
    }
    let pending: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT community_id, COUNT(*) FROM bookings WHERE status = 'pending' AND slot_end > $1 GROUP BY community_id",
    )
    .bind(now)
    .fetch_all(pool)
    .await?;
    for (community, count) in pending {
        at(&mut tally, community).waiting_now = count;
    }

    let team = Team::read(store, today).await?;
    let mut lines = Vec::with_capacity(communities.len());
    for (id, name, street_id, per_month) in communities {
        let mut tally = tally.remove(&id).unwrap_or_default();
        tally.figures.quota = quota::of_period(per_month, from, to);
        tally.figures.median_first_response_minutes = median(&mut tally.responses);
        let roles = team.roles.get(&id);
        let role = |k: usize| roles.and_then(|r| r[k].clone());
        let last_duty = team.last_duty.get(&id).cloned();
        let mut gaps = Vec::new();
        if role(0).is_none() {
            gaps.push(Gap::NoALawyer);
        }
        if tally.figures.duty_days < quota::so_far(per_month, from, to, today) {
            gaps.push(Gap::BelowQuota);
        }
        let recent = today.plus_days(-NO_DUTY_DAYS).to_string();
        if last_duty.as_ref().is_none_or(|d| *d < recent) {
            gaps.push(Gap::NoRecentDuty);
        }
        if tally.overdue_now > 0 {
            gaps.push(Gap::QuestionsPastDeadline);
        }
        if tally.waiting_now > 0 {
            gaps.push(Gap::BookingsWaiting);
        }
        let line = CommunityLine {
            id,
            name,
            street_id,
            a_lawyer_id: team.a_ids.get(&id).copied(),
            a_lawyer: role(0),
            b_lawyer: role(1),
            coordinator: role(2),
            on_duty: team.on_duty.get(&id).cloned().unwrap_or_default(),
            last_duty,
            figures: tally.figures,
            gaps,
        };
        lines.push((line, tally.responses));
    }

    let mut all_responses = Vec::new();
    let mut totals = Figures::default();
    let streets = streets
        .into_iter()
        .map(|(id, name)| {
            let mut figures = Figures::default();
            let mut responses = Vec::new();
            let (mut communities, mut with_gaps) = (0, 0);
            for (line, times) in lines.iter().filter(|(l, _)| l.street_id == id) {
                add(&mut figures, &line.figures);
                responses.extend_from_slice(times);
                communities += 1;
                with_gaps += i64::from(!line.gaps.is_empty());
            }
            figures.median_first_response_minutes = median(&mut responses);
            add(&mut totals, &figures);
            all_responses.extend(responses);
            StreetLine { id, name, communities, with_gaps, figures }
        })
        .collect();
    totals.median_first_response_minutes = median(&mut all_responses);
    Ok(Board {
        from: first,
        to: last,
        summary: String::new(),
        totals,
        streets,
        communities: lines.into_iter().map(|(l, _)| l).collect(),
    })
}

/// Who serves each community today, who is on duty now, and when each last had a duty.
struct Team {
    /// A, B and coordinator by community.
    roles: HashMap<i64, [Option<String>; 3]>,
    /// The A lawyer's id by community.
    a_ids: HashMap<i64, i64>,
    on_duty: HashMap<i64, Vec<String>>,
    last_duty: HashMap<i64, String>,
}

impl Team {
    async fn read(store: &Store, today: LocalDate) -> Result<Team, sqlx::Error> {
        let pool = &store.pool;
        let assigned: Vec<(i64, String, i64, String)> = sqlx::query_as(
            "SELECT a.community_id, a.role, l.id, l.name FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id \
             WHERE a.starts_on <= $1 AND (a.ends_on IS NULL OR a.ends_on >= $1) ORDER BY a.starts_on, a.id",
        )
        .bind(today.to_string())
        .fetch_all(pool)
        .await?;
        let mut roles: HashMap<i64, [Option<String>; 3]> = HashMap::new();
        let mut a_ids = HashMap::new();
        for (community, role, id, name) in assigned {
            let k = match role.as_str() {
                "a" => 0,
                "b" => 1,
                _ => 2,
            };
            if k == 0 {
                a_ids.entry(community).or_insert(id);
            }
            roles.entry(community).or_default()[k].get_or_insert(name);
        }
        let open: Vec<(i64, String)> = sqlx::query_as(
            "SELECT d.community_id, l.name FROM duty_logs d JOIN lawyers l ON l.id = d.lawyer_id WHERE d.ended_at IS NULL ORDER BY d.id",
        )
        .fetch_all(pool)
        .await?;
        let mut on_duty: HashMap<i64, Vec<String>> = HashMap::new();
        for (community, name) in open {
            on_duty.entry(community).or_default().push(name);
        }
        let last: Vec<(i64, String)> =
            sqlx::query_as("SELECT community_id, MAX(served_on) FROM duty_logs GROUP BY community_id")
                .fetch_all(pool)
                .await?;
        Ok(Team { roles, a_ids, on_duty, last_duty: last.into_iter().collect() })
    }
}

/// The services of each category in `figures`.
fn services_of(figures: &Figures) -> impl Fn(ServiceCategory) -> i64 + '_ {
    |category| figures.services.iter().find(|c| c.category == category).map_or(0, |c| c.services)
}

/// Services of every category in `figures`.
fn services_of_all(figures: &Figures) -> i64 {
    figures.services.iter().map(|c| c.services).sum()
}

/// Adds `more` services into `figures`, a line per category in the categories' order.
fn add_services(figures: &mut Figures, more: &[ServiceCount]) {
    for count in more {
        match figures.services.iter_mut().find(|c| c.category == count.category) {
            Some(known) => {
                known.services += count.services;
                known.people += count.people;
            }
            None => figures.services.push(count.clone()),
        }
    }
    figures.services.sort_by_key(|c| c.category as u8);
}

/// Adds `more` into `sum` (every figure but the median, which is not additive).
fn add(sum: &mut Figures, more: &Figures) {
    sum.duty_days += more.duty_days;
    sum.quota += more.quota;
    add_services(sum, &more.services);
    sum.people_served += more.people_served;
    sum.bookings_completed += more.bookings_completed;
    sum.bookings_no_show += more.bookings_no_show;
    sum.bookings_cancelled += more.bookings_cancelled;
    sum.bookings_waiting += more.bookings_waiting;
    sum.questions_asked += more.questions_asked;
    sum.questions_answered += more.questions_answered;
    sum.questions_past_deadline += more.questions_past_deadline;
    sum.ratings += more.ratings;
    sum.rating_sum += more.rating_sum;
}

/// The median (the lower of the middle two), none of nothing.
fn median(values: &mut [i64]) -> Option<i64> {
    values.sort_unstable();
    values.get(values.len().saturating_sub(1) / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn the_median_is_the_middle_value_or_the_lower_middle_one() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [30]), Some(30));
        assert_eq!(median(&mut [90, 10, 30]), Some(30));
        assert_eq!(median(&mut [40, 10, 30, 20]), Some(20));
    }
}
