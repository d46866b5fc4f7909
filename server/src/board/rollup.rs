//! Reading the board's roll-ups (migration 14): a period's figures per community from
//! `board_days`, and per street from whole months of `board_street_months` plus the days at
//! either end from `board_street_days`. A figure is a vector of [`COLUMNS`], summed. Each read
//! first folds what writers queued for the roll-ups ([`queue`]).

use super::{coverage, queue};
use crate::store::sql::Sql;
use crate::store::Store;
use app::domain::ServiceCategory;
use app::model::{Figures, ServiceCount, RESPONSE_STEPS};
use app::time::LocalDate;
use sqlx::Row;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Service categories in the order of their columns.
pub const CATEGORIES: [ServiceCategory; 7] = [
    ServiceCategory::Consultation,
    ServiceCategory::Publicity,
    ServiceCategory::Mediation,
    ServiceCategory::LegalOpinion,
    ServiceCategory::ReferralLegalAid,
    ServiceCategory::ReferralMediation,
    ServiceCategory::ReferralNotary,
];

/// The roll-ups' columns, in the order of a [`Vector`].
const COLUMNS: [&str; 37] = [
    "duty_days",
    "s_consultation",
    "s_publicity",
    "s_mediation",
    "s_legal_opinion",
    "s_referral_legal_aid",
    "s_referral_mediation",
    "s_referral_notary",
    "p_consultation",
    "p_publicity",
    "p_mediation",
    "p_legal_opinion",
    "p_referral_legal_aid",
    "p_referral_mediation",
    "p_referral_notary",
    "bookings_completed",
    "bookings_no_show",
    "bookings_cancelled",
    "bookings_waiting",
    "questions_asked",
    "questions_answered",
    "ratings",
    "rating_sum",
    "answered_within_0",
    "answered_within_1",
    "answered_within_2",
    "answered_within_3",
    "answered_within_4",
    "answered_within_5",
    "answered_within_6",
    "answered_within_7",
    "answered_within_8",
    "answered_within_9",
    "answered_within_10",
    "answered_within_11",
    "answered_within_12",
    "answered_within_13",
];

/// Where the first answers' counts by step start.
const STEPS_AT: usize = 23;

/// One place's summed figures, in the columns' order.
#[derive(Clone, Debug)]
pub struct Vector(pub [i64; COLUMNS.len()]);

impl Default for Vector {
    fn default() -> Self {
        Vector([0; COLUMNS.len()])
    }
}

impl Vector {
    pub fn add(&mut self, more: &Vector) {
        for (sum, more) in self.0.iter_mut().zip(more.0) {
            *sum += more;
        }
    }

    /// The figures these sum to; quota and questions past deadline are not in the roll-ups.
    pub fn figures(&self) -> Figures {
        let v = &self.0;
        let services: Vec<ServiceCount> = CATEGORIES
            .iter()
            .enumerate()
            .filter(|(k, _)| v[1 + k] > 0)
            .map(|(k, category)| ServiceCount { category: *category, services: v[1 + k], people: v[8 + k] })
            .collect();
        Figures {
            duty_days: v[0],
            people_served: v[8..15].iter().sum(),
            services,
            bookings_completed: v[15],
            bookings_no_show: v[16],
            bookings_cancelled: v[17],
            bookings_waiting: v[18],
            questions_asked: v[19],
            questions_answered: v[20],
            ratings: v[21],
            rating_sum: v[22],
            median_first_response_minutes: self.median_step(),
            ..Figures::default()
        }
    }

    /// The upper end of the step holding the median first answer (the lower of the middle two).
    fn median_step(&self) -> Option<i64> {
        let counts = &self.0[STEPS_AT..];
        let answered: i64 = counts.iter().sum();
        let middle = (answered - 1) / 2;
        let mut seen = 0;
        for (count, step) in counts.iter().zip(RESPONSE_STEPS) {
            seen += count;
            if answered > 0 && seen > middle {
                return Some(step);
            }
        }
        None
    }
}

/// `SUM` of every column, as 64-bit integers on both databases. The cells are summed as 32-bit
/// integers (a day's or a month's counts are small): PostgreSQL sums those in 64-bit integers,
/// where a sum of 64-bit ones would go through arbitrary-precision numbers, several times slower.
static SUMS: LazyLock<String> = LazyLock::new(|| {
    COLUMNS.iter().map(|c| format!("CAST(SUM(CAST({c} AS INTEGER)) AS BIGINT)")).collect::<Vec<_>>().join(", ")
});

fn vectors(rows: Vec<sqlx::any::AnyRow>) -> Result<HashMap<i64, Vector>, sqlx::Error> {
    rows.into_iter()
        .map(|row| {
            let mut vector = Vector::default();
            for (k, value) in vector.0.iter_mut().enumerate() {
                *value = row.try_get::<Option<i64>, _>(k + 1)?.unwrap_or(0);
            }
            Ok((row.try_get(0)?, vector))
        })
        .collect()
}

/// Days since 1970-01-01 of `date`, the roll-ups' day.
fn day(date: LocalDate) -> i64 {
    date.to_days()
}

/// `YYYYMM` of `date`, the roll-ups' month.
pub(super) fn month(date: LocalDate) -> i64 {
    i64::from(date.year) * 100 + i64::from(date.month)
}

/// The period's figures by community: of `street`'s communities, or of all.
pub async fn by_community(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
) -> Result<HashMap<i64, Vector>, sqlx::Error> {
    queue::fold(store).await?;
    let scope =
        if street.is_some() { " AND community_id IN (SELECT id FROM communities WHERE street_id = $3)" } else { "" };
    let sql = format!(
        "SELECT community_id, {} FROM board_days WHERE day >= $1 AND day <= $2{scope} GROUP BY community_id",
        *SUMS
    );
    let mut query = sqlx::query(&sql).bind(day(from)).bind(day(to));
    if let Some(street) = street {
        query = query.bind(street);
    }
    vectors(query.fetch_all(&store.pool).await?)
}

/// Whole months first..last, then the two runs of days around them (or all days, with no month).
fn period_binds(from: LocalDate, to: LocalDate) -> [i64; 6] {
    let first_full = if from.day == 1 { from } else { next_month(from) };
    let last_full = if next_month(to).plus_days(-1) == to { to } else { LocalDate { day: 1, ..to }.plus_days(-1) };
    if first_full <= last_full {
        [month(first_full), month(last_full), day(from), day(first_full) - 1, day(last_full) + 1, day(to)]
    } else {
        [1, 0, day(from), day(to), 1, 0]
    }
}

async fn period_query(
    store: &Store,
    sql: &str,
    from: LocalDate,
    to: LocalDate,
) -> Result<Vec<sqlx::any::AnyRow>, sqlx::Error> {
    let mut query = sqlx::query(sql);
    for value in period_binds(from, to) {
        query = query.bind(value);
    }
    query.fetch_all(&store.pool).await
}

/// The period's figures by street: of `streets`, or of all. Whole months come from the monthly
/// roll-up, the days around them from the daily one.
pub async fn by_street(
    store: &Store,
    from: LocalDate,
    to: LocalDate,
    streets: Option<&[i64]>,
) -> Result<HashMap<i64, Vector>, sqlx::Error> {
    queue::fold(store).await?;
    let only = |sql: &mut Sql| match streets {
        Some([]) => {
            sql.push(" AND 1 = 0");
        }
        Some(ids) => {
            sql.push(" AND street_id IN ").bind_list(ids.iter().copied());
        }
        None => {}
    };
    let [first_month, last_month, head_from, head_to, tail_from, tail_to] = period_binds(from, to);
    let columns = COLUMNS.join(", ");
    let mut sql = Sql::new(&format!(
        "SELECT street_id, {} FROM (SELECT street_id, {columns} FROM board_street_months WHERE month >= ",
        *SUMS
    ));
    sql.bind(first_month).push(" AND month <= ").bind(last_month);
    only(&mut sql);
    sql.push(&format!(" UNION ALL SELECT street_id, {columns} FROM board_street_days WHERE ((day >= "));
    sql.bind(head_from).push(" AND day <= ").bind(head_to).push(") OR (day >= ");
    sql.bind(tail_from).push(" AND day <= ").bind(tail_to).push("))");
    only(&mut sql);
    sql.push(") f GROUP BY street_id");
    vectors(sql.fetch_rows(&store.pool).await?)
}

/// A street as the board lists it: name, communities and the quota they ask of the period.
#[derive(sqlx::FromRow)]
pub struct StreetHead {
    pub id: i64,
    pub name: String,
    pub communities: i64,
    pub quota: i64,
}

/// The streets in their order, or — given `(chosen, n)` — the `n` least covered (duty-days per
/// day of quota; the chosen street first), ordered in the database so that only they come back.
/// `quotas` is a subquery of each street's communities and their quota of the period. Streets
/// that left before the period are not listed. The duty-days are each street's running totals
/// ([`coverage`]): a few rows per street whatever the period.
pub async fn streets(
    store: &Store,
    quotas: &str,
    least_covered: Option<(Option<i64>, usize)>,
    from: LocalDate,
    to: LocalDate,
) -> Result<Vec<StreetHead>, sqlx::Error> {
    let head =
        "SELECT s.id, s.name, COALESCE(q.communities, 0) AS communities, COALESCE(q.quota, 0) AS quota FROM streets s";
    let Some((chosen, n)) = least_covered else {
        let sql = format!(
            "{head} LEFT JOIN ({quotas}) q ON q.street_id = s.id WHERE s.last_day IS NULL OR s.last_day >= $1 \
             ORDER BY s.sort_order, s.id"
        );
        return sqlx::query_as(&sql).bind(from.to_string()).fetch_all(&store.pool).await;
    };
    queue::fold(store).await?;
    let sql = format!(
        "{head} LEFT JOIN ({quotas}) q ON q.street_id = s.id LEFT JOIN ({}) d ON d.street_id = s.id \
         WHERE s.last_day IS NULL OR s.last_day >= $2 ORDER BY CASE WHEN s.id = $1 THEN 0 ELSE 1 END, \
         CAST(COALESCE(d.days, 0) AS DOUBLE PRECISION) / CASE WHEN COALESCE(q.quota, 0) < 1 THEN 1 ELSE q.quota END, \
         s.sort_order, s.id LIMIT {n}",
        coverage::sql(from, to)
    );
    sqlx::query_as(&sql).bind(chosen.unwrap_or(-1)).bind(from.to_string()).fetch_all(&store.pool).await
}

/// The programme's figures of the period, from its own monthly and daily roll-ups.
pub async fn total(store: &Store, from: LocalDate, to: LocalDate) -> Result<Vector, sqlx::Error> {
    queue::fold(store).await?;
    let columns = COLUMNS.join(", ");
    let sql = format!(
        "SELECT 0, {sums} FROM (SELECT {columns} FROM board_programme_months WHERE month >= $1 AND month <= $2 \
         UNION ALL SELECT {columns} FROM board_programme_days WHERE (day >= $3 AND day <= $4) OR (day >= $5 AND day <= $6)) f",
        sums = *SUMS
    );
    Ok(vectors(period_query(store, &sql, from, to).await?)?.remove(&0).unwrap_or_default())
}

/// Duty-days by day of `street`'s communities (of all), in the period: (day, duty-days). Read
/// from the street's days (the programme's), a row per day, not one per community and day.
pub async fn duty_days_by_day(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    queue::fold(store).await?;
    let sql = if street.is_some() {
        "SELECT day, CAST(SUM(duty_days) AS BIGINT) FROM board_street_days WHERE day >= $1 AND day <= $2 AND street_id = $3 GROUP BY day"
    } else {
        "SELECT day, CAST(SUM(duty_days) AS BIGINT) FROM board_programme_days WHERE day >= $1 AND day <= $2 GROUP BY day"
    };
    let mut query = sqlx::query_as(sql).bind(day(from)).bind(day(to));
    if let Some(street) = street {
        query = query.bind(street);
    }
    query.fetch_all(&store.pool).await
}

/// The first day of the month after `date`'s.
pub fn next_month(date: LocalDate) -> LocalDate {
    if date.month == 12 {
        LocalDate { year: date.year + 1, month: 1, day: 1 }
    } else {
        LocalDate { month: date.month + 1, day: 1, ..date }
    }
}

#[cfg(test)]
mod tests {
    use super::{Vector, STEPS_AT};

    fn answered(counts: &[(usize, i64)]) -> Option<i64> {
        let mut vector = Vector::default();
        for (step, count) in counts {
            vector.0[STEPS_AT + step] = *count;
        }
        vector.figures().median_first_response_minutes
    }

    #[test]
    fn the_median_is_the_step_holding_the_middle_answer_or_the_lower_middle_one() {
        assert_eq!(answered(&[]), None);
        assert_eq!(answered(&[(3, 1)]), Some(30));
        // 10, 30, 90 minutes: the middle one is in the 30-minute step.
        assert_eq!(answered(&[(1, 1), (3, 1), (5, 1)]), Some(30));
        // 10, 20, 30, 40: the lower middle one (20) is in the 30-minute step.
        assert_eq!(answered(&[(1, 1), (3, 2), (4, 1)]), Some(30));
        assert_eq!(answered(&[(0, 2), (13, 2)]), Some(5));
    }
}
