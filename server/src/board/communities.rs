//! The board's line for each community: its team, its figures for the period and the gaps it
//! shows today.

use super::team::Team;
use super::{quota, rollup};
use crate::store::sql::Sql;
use crate::store::Store;
use app::model::{CommunityLine, Figures, Gap, NO_DUTY_DAYS};
use app::time::LocalDate;
use std::collections::HashMap;

/// A community as its line starts.
#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    name: String,
    street_id: i64,
    duty_days_per_month: i64,
    last_day: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
}

/// What a community's line is read with, besides its roll-up.
struct Now<'a> {
    team: &'a Team,
    /// Questions waiting past their deadline: (asked in the period, asked at any time).
    overdue: &'a HashMap<i64, (i64, i64)>,
    /// Bookings waiting for the desk.
    waiting: &'a HashMap<i64, i64>,
    /// The last day a duty counts as recent.
    recent: String,
}

/// The lines of `street`'s communities (of all when none), with their gaps today; `quota` spreads
/// each monthly quota over the period's working days.
pub(super) async fn lines(
    store: &Store,
    quota: &quota::Quota,
    street: Option<i64>,
    (from, to): (LocalDate, LocalDate),
    today: LocalDate,
    now: i64,
) -> Result<Vec<CommunityLine>, sqlx::Error> {
    // A community that left before the period is not on its board.
    let mut sql = Sql::new(
        "SELECT c.id, c.name, c.street_id, c.duty_days_per_month, c.last_day, c.latitude, c.longitude FROM communities c \
         JOIN streets s ON s.id = c.street_id WHERE (c.last_day IS NULL OR c.last_day >= ",
    );
    sql.bind(from.to_string()).push(")");
    if let Some(street) = street {
        sql.push(" AND c.street_id = ").bind(street);
    }
    sql.push(" ORDER BY s.sort_order, s.id, c.id");
    let communities: Vec<LineRow> = sql.fetch_all(&store.pool).await?;
    let mut figures = rollup::by_community(store, street, from, to).await?;
    let team = Team::read(store, street, today).await?;
    let overdue = overdue_by_community(store, street, from, to, now).await?;
    let waiting = waiting_by_community(store, street, now).await?;
    let now =
        Now { team: &team, overdue: &overdue, waiting: &waiting, recent: today.plus_days(-NO_DUTY_DAYS).to_string() };
    Ok(communities
        .into_iter()
        .map(|row| {
            let mut figures = figures.remove(&row.id).unwrap_or_default().figures();
            // One that left in the period asks its quota up to its last day.
            let until = row.last_day.as_deref().and_then(LocalDate::parse).filter(|d| *d < to).unwrap_or(to);
            figures.quota = quota.of_period(row.duty_days_per_month, from, until);
            let below_quota = figures.duty_days < quota.so_far(row.duty_days_per_month, from, until, today);
            line(row, figures, below_quota, today, &now)
        })
        .collect())
}

/// `AND community_id IN (…street…)` when a street is chosen.
fn of_street(sql: &mut Sql, street: Option<i64>) {
    if let Some(street) = street {
        sql.push(" AND community_id IN (SELECT id FROM communities WHERE street_id = ").bind(street).push(")");
    }
}

/// Questions waiting past their deadline at `now`, by community: (asked in the period, at any time).
async fn overdue_by_community(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
    now: i64,
) -> Result<HashMap<i64, (i64, i64)>, sqlx::Error> {
    let mut sql = Sql::new("SELECT community_id, CASE WHEN created_at >= ");
    sql.bind(from.start().0).push(" AND created_at < ").bind(to.plus_days(1).start().0);
    sql.push(" THEN 1 ELSE 0 END, COUNT(*) FROM questions WHERE status = 'waiting' AND first_answer_at IS NULL AND deadline_at < ");
    sql.bind(now);
    of_street(&mut sql, street);
    sql.push(" GROUP BY 1, 2");
    let mut overdue: HashMap<i64, (i64, i64)> = HashMap::new();
    for (community, in_period, count) in sql.fetch_all::<(i64, i64, i64), _>(&store.pool).await? {
        let counts = overdue.entry(community).or_default();
        counts.0 += if in_period == 1 { count } else { 0 };
        counts.1 += count;
    }
    Ok(overdue)
}

/// Bookings waiting for the desk (pending, not yet over), by community.
async fn waiting_by_community(store: &Store, street: Option<i64>, now: i64) -> Result<HashMap<i64, i64>, sqlx::Error> {
    let mut sql = Sql::new("SELECT community_id, COUNT(*) FROM bookings WHERE status = 'pending' AND slot_end > ");
    sql.bind(now);
    of_street(&mut sql, street);
    sql.push(" GROUP BY community_id");
    Ok(sql.fetch_all::<(i64, i64), _>(&store.pool).await?.into_iter().collect())
}

/// A community's line: its team, figures and the gaps it shows today (none once it has left).
fn line(row: LineRow, mut figures: Figures, below_quota: bool, today: LocalDate, now: &Now) -> CommunityLine {
    let id = row.id;
    let (overdue_in_period, overdue_now) = now.overdue.get(&id).copied().unwrap_or_default();
    figures.questions_past_deadline = overdue_in_period;
    let roles = now.team.roles.get(&id);
    let role = |k: usize| roles.and_then(|r| r[k].clone());
    let last_duty = now.team.last_duty.get(&id).cloned();
    let gaps = [
        (role(0).is_none(), Gap::NoALawyer),
        (below_quota, Gap::BelowQuota),
        (last_duty.as_ref().is_none_or(|d| *d < now.recent), Gap::NoRecentDuty),
        (overdue_now > 0, Gap::QuestionsPastDeadline),
        (now.waiting.get(&id).is_some_and(|n| *n > 0), Gap::BookingsWaiting),
    ]
    .into_iter()
    .filter_map(|(open, gap)| open.then_some(gap))
    .filter(|_| row.last_day.as_deref().is_none_or(|last| *last >= *today.to_string()))
    .collect();
    CommunityLine {
        id,
        name: row.name,
        street_id: row.street_id,
        a_lawyer_id: now.team.a_ids.get(&id).copied(),
        a_lawyer: role(0),
        b_lawyer: role(1),
        coordinator: role(2),
        on_duty: now.team.on_duty.get(&id).cloned().unwrap_or_default(),
        last_duty,
        per_month: row.duty_days_per_month,
        last_day: row.last_day,
        position: row.latitude.zip(row.longitude),
        figures,
        gaps,
    }
}
