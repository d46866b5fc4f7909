//! The bureau's coverage board: a period's figures for each community, summed by street and
//! for the district, and the gaps that need someone to act.
//!
//! The period's figures are summed from the roll-ups (see `rollup`): per community and day, per
//! street by day and by month. What is about now — questions past their deadline, bookings
//! waiting, who is on duty, the team — is read live from short backlogs. Gaps are about today,
//! whatever the period. A programme too large to list every community (a country's) shows its
//! streets, least covered first, and the communities of the street chosen.

pub mod lawyers;
mod locks;
mod over_time;
mod quota;
pub mod rollup;
mod summary;
mod team;

use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::store::sql::Sql;
use crate::store::today;
use crate::store::{now_ms, Store};
use app::domain::ServiceCategory;
use app::error::AppError;
use app::model::{Board, BoardRequest, CommunityLine, Figures, Gap, StreetLine, NO_DUTY_DAYS};
use app::time::LocalDate;
use std::collections::HashMap;
use team::Team;

/// The longest period the board shows at once.
const MAX_DAYS: i64 = 366;

/// Every community of a programme up to this size is listed; beyond it, the chosen street's.
const LIST_ALL_UP_TO: i64 = 2_000;

/// Streets listed at once; beyond it, the least covered first.
const STREETS_SHOWN: usize = 200;

/// The board for `request`'s period; 422 for dates that do not exist, out of order or more
/// than a year apart.
pub async fn board(store: &Store, caller: &Caller, request: BoardRequest) -> Result<Board, Failure> {
    let user = caller.user()?;
    let street = scope::street_shown(caller, user, request.street)?;
    let (from, to) = period(caller, &request)?;
    let mut board = read(store, street, from, to, today(), now_ms()).await?;
    // Locks go with the totals: the district's, or a street's staff member's street; counted
    // where gaps are (a district, or a street).
    let count = board.with_gaps_total.is_some() || user.street.is_some();
    board.locks = locks::read(store, user.street, from, to, count).await?;
    let area = match user.street {
        Some(own) => narrow(&mut board, own),
        None => None,
    };
    board.summary = summary::paragraph(&board, area.as_deref(), caller.lang);
    Ok(board)
}

/// A street's staff member's board: their street alone, its figures as the totals. Returns the
/// street's name.
fn narrow(board: &mut Board, street: i64) -> Option<String> {
    board.streets.retain(|s| s.id == street);
    let line = board.streets.first()?;
    board.totals = line.figures.clone();
    board.streets_total = 1;
    board.communities_total = line.communities;
    board.with_gaps_total = line.with_gaps;
    Some(line.name.clone())
}

/// The first and last day of `request`; 422 for dates that do not exist, out of order or more
/// than a year apart.
pub fn period(caller: &Caller, request: &BoardRequest) -> Result<(LocalDate, LocalDate), Failure> {
    let t = caller.lang.messages();
    let from = LocalDate::parse(&request.from).ok_or_else(|| AppError::invalid("from", t.err_date))?;
    let to = LocalDate::parse(&request.to).ok_or_else(|| AppError::invalid("to", t.err_date))?;
    if to < from || to.to_days() - from.to_days() >= MAX_DAYS {
        return Err(AppError::invalid("to", t.err_period).into());
    }
    Ok((from, to))
}

/// The board of `from..=to` as it stands on `today` at `now`: every street, and the
/// communities of `street` (of all when the programme is small enough to list).
pub async fn read(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
    today: LocalDate,
    now: i64,
) -> Result<Board, sqlx::Error> {
    let pool = &store.pool;
    let quotas = Quotas::read(store, from, to).await?;
    let communities_total = quotas.communities;
    let list_all = communities_total <= LIST_ALL_UP_TO;
    let communities = if list_all || street.is_some() {
        lines(store, street.filter(|_| !list_all), from, to, today, now).await?
    } else {
        Vec::new()
    };
    let shown: Vec<&CommunityLine> = communities.iter().filter(|c| street.is_none_or(|s| c.street_id == s)).collect();
    let over_time = if shown.is_empty() {
        Vec::new()
    } else {
        let per_month: Vec<i64> = shown.iter().map(|c| c.per_month).collect();
        over_time::read(store, street, &per_month, from, to).await?
    };

    // The streets shown — all, or the least covered of many — and their figures; the programme's.
    let streets_total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets").fetch_one(pool).await?;
    let many = streets_total > STREETS_SHOWN as i64;
    let heads = rollup::streets(store, &quotas.sql, many.then_some((street, STREETS_SHOWN)), from, to).await?;
    let ids: Vec<i64> = heads.iter().map(|h| h.id).collect();
    let mut figures = rollup::by_street(store, from, to, many.then_some(&ids[..])).await?;
    let totals = if many {
        rollup::total(store, from, to).await?
    } else {
        let mut totals = rollup::Vector::default();
        figures.values().for_each(|v| totals.add(v));
        totals
    };
    let overdue = overdue_by_street(store, from, to, now).await?;

    let mut with_gaps: HashMap<i64, i64> = HashMap::new();
    for line in communities.iter().filter(|c| !c.gaps.is_empty()) {
        *with_gaps.entry(line.street_id).or_default() += 1;
    }
    let streets: Vec<StreetLine> = heads
        .into_iter()
        .map(|head| {
            let id = head.id;
            let mut figures = figures.remove(&id).unwrap_or_default().figures();
            figures.quota = head.quota;
            figures.questions_past_deadline = overdue.get(&id).copied().unwrap_or(0);
            let listed = list_all || street == Some(id);
            StreetLine {
                id,
                name: head.name,
                communities: head.communities,
                with_gaps: listed.then(|| with_gaps.get(&id).copied().unwrap_or(0)),
                figures,
            }
        })
        .collect();
    let overdue_total = overdue.values().sum();
    let mut totals = totals.figures();
    totals.quota = quotas.total;
    totals.questions_past_deadline = overdue_total;
    Ok(Board {
        from: from.to_string(),
        to: to.to_string(),
        summary: String::new(),
        totals,
        streets,
        streets_total,
        communities_total,
        with_gaps_total: list_all.then(|| communities.iter().filter(|c| !c.gaps.is_empty()).count() as i64),
        communities: communities.into_iter().filter(|c| street.is_none_or(|s| c.street_id == s)).collect(),
        over_time,
        locks: Default::default(),
    })
}

/// What the quotas ask of a period: the communities, their duty-days in all, and an SQL
/// expression of a street's quota by its `per_month` (numbers the code computed, never input).
struct Quotas {
    communities: i64,
    total: i64,
    sql: String,
}

impl Quotas {
    /// Communities by monthly quota, and what each quota asks of `from..=to` (rounded per
    /// community, as a community's line rounds it).
    async fn read(store: &Store, from: LocalDate, to: LocalDate) -> Result<Quotas, sqlx::Error> {
        let per_month: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT per_month, CAST(SUM(communities) AS BIGINT) FROM board_street_quotas GROUP BY per_month",
        )
        .fetch_all(&store.pool)
        .await?;
        let sql = if per_month.is_empty() {
            "0".to_owned()
        } else {
            let cases: String =
                per_month.iter().map(|(p, _)| format!("WHEN {p} THEN {} ", quota::of_period(*p, from, to))).collect();
            format!("CASE per_month {cases}ELSE 0 END")
        };
        Ok(Quotas {
            communities: per_month.iter().map(|p| p.1).sum(),
            total: per_month.iter().map(|(p, n)| n * quota::of_period(*p, from, to)).sum(),
            sql,
        })
    }
}

/// Questions asked in the period and still waiting past their deadline at `now`, by street.
async fn overdue_by_street(
    store: &Store,
    from: LocalDate,
    to: LocalDate,
    now: i64,
) -> Result<HashMap<i64, i64>, sqlx::Error> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.street_id, COUNT(*) FROM questions q JOIN communities c ON c.id = q.community_id \
         WHERE q.status = 'waiting' AND q.first_answer_at IS NULL AND q.deadline_at < $1 \
         AND q.created_at >= $2 AND q.created_at < $3 GROUP BY c.street_id",
    )
    .bind(now)
    .bind(from.start().0)
    .bind(to.plus_days(1).start().0)
    .fetch_all(&store.pool)
    .await?;
    Ok(rows.into_iter().collect())
}

/// A community as its line starts.
#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    name: String,
    street_id: i64,
    duty_days_per_month: i64,
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

/// The lines of `street`'s communities (of all when none), with their gaps today.
async fn lines(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
    today: LocalDate,
    now: i64,
) -> Result<Vec<CommunityLine>, sqlx::Error> {
    let mut sql = Sql::new(
        "SELECT c.id, c.name, c.street_id, c.duty_days_per_month, c.latitude, c.longitude FROM communities c \
         JOIN streets s ON s.id = c.street_id",
    );
    if let Some(street) = street {
        sql.push(" WHERE c.street_id = ").bind(street);
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
            figures.quota = quota::of_period(row.duty_days_per_month, from, to);
            let below_quota = figures.duty_days < quota::so_far(row.duty_days_per_month, from, to, today);
            line(row, figures, below_quota, &now)
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

/// A community's line: its team, figures and the gaps it shows today.
fn line(row: LineRow, mut figures: Figures, below_quota: bool, now: &Now) -> CommunityLine {
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
        position: row.latitude.zip(row.longitude),
        figures,
        gaps,
    }
}

/// The services of each category in `figures`.
pub fn services_of(figures: &Figures) -> impl Fn(ServiceCategory) -> i64 + '_ {
    |category| figures.services.iter().find(|c| c.category == category).map_or(0, |c| c.services)
}

/// Services of every category in `figures`.
fn services_of_all(figures: &Figures) -> i64 {
    figures.services.iter().map(|c| c.services).sum()
}
