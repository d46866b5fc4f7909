//! The bureau's coverage board: a period's figures for each community, summed by street and
//! for the district, and the gaps that need someone to act.
//!
//! The period's figures are summed from the roll-ups (see `rollup`): per community and day, per
//! street by day and by month. What is about now — questions past their deadline, bookings
//! waiting, who is on duty, the team — is read live from short backlogs. Gaps are about today,
//! whatever the period. A programme too large to list every community (a country's) shows its
//! streets, least covered first, and the communities of the street chosen.

mod assisted;
mod communities;
pub mod coverage;
pub mod lawyers;
mod locks;
mod over_time;
mod queue;
mod quota;
mod referrals;
mod special_groups;
pub use lawyers::{stream as lawyer_lines, LawyerLine};
pub use queue::run as run_queue;
pub use referrals::read as referral_tallies;
pub use special_groups::read as special_group_figures;
pub mod rollup;
mod summary;
mod team;
pub mod year_before;

use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::store::today;
use crate::store::{now_ms, Store};
use app::domain::ServiceCategory;
use app::error::AppError;
use app::model::{Board, BoardRequest, CommunityLine, Figures, StreetLine};
use app::time::LocalDate;
use std::collections::HashMap;

/// The longest period the board shows at once.
const MAX_DAYS: i64 = 731;

/// Every community of a programme up to this size is listed; beyond it, the chosen street's.
const LIST_ALL_UP_TO: i64 = 2_000;

/// Streets listed at once; beyond it, the least covered first.
const STREETS_SHOWN: usize = 200;

/// The board for `request`'s period; 422 for dates that do not exist, out of order or more
/// than two years apart.
pub async fn board(store: &Store, caller: &Caller, request: BoardRequest) -> Result<Board, Failure> {
    let user = caller.user()?;
    let street = scope::street_shown(caller, user, request.street)?;
    let (from, to) = period(caller, &request)?;
    let mut board = read(store, street, from, to, today(), now_ms()).await?;
    // Locks go with the totals: the district's, or a street's staff member's street; counted
    // where gaps are (a district, or a street).
    let count = board.with_gaps_total.is_some() || user.street.is_some();
    board.locks = locks::read(store, user.street, from, to, count).await?;
    // The area the summary speaks of: a street staff member's street, the street drilled into,
    // or the district.
    let area = user.street.or(street);
    board.assisted = assisted::read(store, area, from, to).await?;
    board.year_before = Some(year_before::totals(store, area, from, to).await?);
    board.referrals = referrals::read(store, area, from, to, now_ms()).await?;
    board.special_groups = special_groups::read(store, area, from, to).await?;
    board.summary = match (user.street, street) {
        (Some(own), _) => {
            let area = narrow(&mut board, own);
            summary::paragraph(&board, area.as_deref(), caller.lang)
        }
        // District staff looking into one street: the paragraph speaks of that street, while
        // the board keeps every street's line to compare it with.
        (None, Some(one)) => {
            let mut view = board.clone();
            let area = narrow(&mut view, one);
            summary::paragraph(&view, area.as_deref(), caller.lang)
        }
        (None, None) => summary::paragraph(&board, None, caller.lang),
    };
    let teams = crate::incidents::in_period(store, area.unwrap_or(0), (&from.to_string(), &to.to_string())).await?;
    board.summary.push_str(&summary::incidents(teams, caller.lang));
    let lectures = crate::points::lectures_so_far(store, area.unwrap_or(0), to).await?;
    board.summary.push_str(&summary::lectures(lectures, caller.lang));
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
/// than two years apart.
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
    // The district calendar, read once: every quota of the board spreads months over its working days.
    let quota = quota::Quota::read(store, from).await?;
    let quotas = Quotas::read(store, &quota, from, to).await?;
    let communities_total = quotas.communities;
    let list_all = communities_total <= LIST_ALL_UP_TO;
    let communities = if list_all || street.is_some() {
        communities::lines(store, &quota, street.filter(|_| !list_all), (from, to), today, now).await?
    } else {
        Vec::new()
    };
    let shown: Vec<&CommunityLine> = communities.iter().filter(|c| street.is_none_or(|s| c.street_id == s)).collect();
    let over_time = if shown.is_empty() {
        Vec::new()
    } else {
        let until = |c: &CommunityLine| c.last_day.as_deref().and_then(LocalDate::parse).filter(|d| *d < to);
        let asking: Vec<(i64, LocalDate)> = shown.iter().map(|c| (c.per_month, until(c).unwrap_or(to))).collect();
        over_time::read(store, &quota, street, &asking, from, to).await?
    };

    let streets_total: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM streets WHERE last_day IS NULL OR last_day >= $1")
            .bind(from.to_string())
            .fetch_one(pool)
            .await?;
    let shown = Shown { street, list_all, many: streets_total > STREETS_SHOWN as i64 };
    let (streets, totals) = street_lines(store, &quotas, shown, (from, to), now, &communities).await?;
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
        assisted: Default::default(),
        year_before: None,
        referrals: Vec::new(),
        special_groups: Vec::new(),
    })
}

/// Which streets and communities a board shows.
#[derive(Clone, Copy)]
struct Shown {
    /// The street chosen, if any.
    street: Option<i64>,
    /// Every community is listed (a small programme).
    list_all: bool,
    /// Too many streets to list all: the least covered are shown.
    many: bool,
}

/// The streets shown — all, or the least covered of many — with their figures, and the
/// programme's totals.
async fn street_lines(
    store: &Store,
    quotas: &Quotas,
    shown: Shown,
    (from, to): (LocalDate, LocalDate),
    now: i64,
    communities: &[CommunityLine],
) -> Result<(Vec<StreetLine>, Figures), sqlx::Error> {
    let heads =
        rollup::streets(store, &quotas.sql, shown.many.then_some((shown.street, STREETS_SHOWN)), from, to).await?;
    let ids: Vec<i64> = heads.iter().map(|h| h.id).collect();
    let mut figures = rollup::by_street(store, from, to, shown.many.then_some(&ids[..])).await?;
    let totals = if shown.many {
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
    let streets = heads
        .into_iter()
        .map(|head| {
            let id = head.id;
            let mut figures = figures.remove(&id).unwrap_or_default().figures();
            figures.quota = head.quota;
            figures.questions_past_deadline = overdue.get(&id).copied().unwrap_or(0);
            let listed = shown.list_all || shown.street == Some(id);
            StreetLine {
                id,
                name: head.name,
                communities: head.communities,
                with_gaps: listed.then(|| with_gaps.get(&id).copied().unwrap_or(0)),
                figures,
            }
        })
        .collect();
    let mut totals = totals.figures();
    totals.quota = quotas.total;
    totals.questions_past_deadline = overdue.values().sum();
    Ok((streets, totals))
}

/// What the quotas ask of a period: the communities serving in it, their duty-days in all, and
/// an SQL subquery of each street's communities and quota (numbers the code computed, never input).
struct Quotas {
    communities: i64,
    total: i64,
    sql: String,
}

/// A community that left the programme before the period's end, as its quota is corrected.
#[derive(sqlx::FromRow)]
struct Retired {
    street_id: i64,
    per_month: i64,
    last_day: String,
}

impl Quotas {
    /// Communities by monthly quota, and what each quota asks of `from..=to` (rounded per
    /// community, as a community's line rounds it). The roll-up counts every community; those
    /// that left before `to` (few, found by their index) ask only up to their last day, and those
    /// that left before `from` are not counted.
    async fn read(store: &Store, quota: &quota::Quota, from: LocalDate, to: LocalDate) -> Result<Quotas, sqlx::Error> {
        let per_month: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT per_month, CAST(SUM(communities) AS BIGINT) FROM board_street_quotas GROUP BY per_month",
        )
        .fetch_all(&store.pool)
        .await?;
        let retired: Vec<Retired> = sqlx::query_as(
            "SELECT street_id, duty_days_per_month AS per_month, last_day FROM communities \
             WHERE last_day IS NOT NULL AND last_day < $1",
        )
        .bind(to.to_string())
        .fetch_all(&store.pool)
        .await?;
        let mut corrections: HashMap<i64, (i64, i64)> = HashMap::new();
        for community in retired {
            let last = LocalDate::parse(&community.last_day).unwrap_or(to);
            let asked = if last < from { 0 } else { quota.of_period(community.per_month, from, last) };
            let correction = corrections.entry(community.street_id).or_default();
            correction.0 -= i64::from(last < from);
            correction.1 += asked - quota.of_period(community.per_month, from, to);
        }
        let cases: String =
            per_month.iter().map(|(p, _)| format!("WHEN {p} THEN {} ", quota.of_period(*p, from, to))).collect();
        let quota_of = if per_month.is_empty() { "0".to_owned() } else { format!("CASE per_month {cases}ELSE 0 END") };
        let corrected: String =
            corrections.iter().map(|(street, (n, q))| format!(" UNION ALL SELECT {street}, {n}, {q}")).collect();
        Ok(Quotas {
            communities: per_month.iter().map(|p| p.1).sum::<i64>() + corrections.values().map(|c| c.0).sum::<i64>(),
            total: per_month.iter().map(|(p, n)| n * quota.of_period(*p, from, to)).sum::<i64>()
                + corrections.values().map(|c| c.1).sum::<i64>(),
            sql: format!(
                "SELECT street_id, CAST(SUM(communities) AS BIGINT) AS communities, CAST(SUM(quota) AS BIGINT) AS quota \
                 FROM (SELECT street_id, communities, communities * {quota_of} AS quota FROM board_street_quotas{corrected}) \
                 q GROUP BY street_id"
            ),
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

/// The services of each category in `figures`.
pub fn services_of(figures: &Figures) -> impl Fn(ServiceCategory) -> i64 + '_ {
    |category| figures.services.iter().find(|c| c.category == category).map_or(0, |c| c.services)
}

/// Services of every category in `figures`.
pub fn services_of_all(figures: &Figures) -> i64 {
    figures.services.iter().map(|c| c.services).sum()
}
