//! What a scorecard needs beyond the by-lawyer export's line, by lawyer: the quota of their A
//! communities, their answers and how fast they came, corrections, referrals, the streets they
//! served and staff's conclusion.

use crate::store::Store;
use app::model::Conclusion;
use app::time::LocalDate;
use futures_util::TryStreamExt;
use std::collections::HashMap;

/// Keeps records of street `$1`'s communities; 0 stands for every street.
const IN_STREET: &str = "($1 = 0 OR community_id IN (SELECT id FROM communities WHERE street_id = $1))";

/// What the export's line does not carry, by lawyer.
#[derive(Default)]
pub(super) struct Extras {
    /// Duty-days a month the lawyer's A communities ask.
    pub quota_a_month: HashMap<i64, i64>,
    /// Questions answered, within a day, ratings and their sum.
    pub answers: HashMap<i64, (i64, i64, i64, i64)>,
    /// Minutes to the first answer, the middle one.
    pub median_minutes: HashMap<i64, i64>,
    pub corrections: HashMap<i64, i64>,
    pub referrals: HashMap<i64, i64>,
    pub conclusions: HashMap<i64, Conclusion>,
    /// Every lawyer assigned to a community in scope during the year: id, name, firm.
    pub assigned: Vec<(i64, String, String)>,
    /// The streets each of them was assigned in, in the district's order.
    pub streets: HashMap<i64, Vec<String>>,
}

impl Extras {
    pub async fn read(store: &Store, street: i64, (from, to): (LocalDate, LocalDate)) -> Result<Extras, sqlx::Error> {
        let (first, last) = (from.to_string(), to.to_string());
        let (start, end) = (from.start().0, to.plus_days(1).start().0);
        let pairs = |rows: Vec<(i64, i64)>| rows.into_iter().collect::<HashMap<_, _>>();
        let quota: Vec<(i64, i64)> = sqlx::query_as(&format!(
            "SELECT a.lawyer_id, CAST(SUM(c.duty_days_per_month) AS BIGINT) FROM assignments a \
             JOIN communities c ON c.id = a.community_id WHERE a.role = 'a' AND a.starts_on <= $3 \
             AND (a.ends_on IS NULL OR a.ends_on >= $2) AND {} GROUP BY a.lawyer_id",
            IN_STREET.replace("community_id", "a.community_id")
        ))
        .bind(street)
        .bind(&first)
        .bind(&last)
        .fetch_all(&store.pool)
        .await?;
        let answers: Vec<(i64, i64, i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT COALESCE(claimed_by, routed_to) AS lawyer_id, COUNT(*), \
             SUM(CASE WHEN first_answer_at - created_at <= 86400000 THEN 1 ELSE 0 END), COUNT(rating), \
             CAST(COALESCE(SUM(rating), 0) AS BIGINT) FROM questions \
             WHERE first_answer_at >= $2 AND first_answer_at < $3 AND COALESCE(claimed_by, routed_to) IS NOT NULL \
             AND {IN_STREET} GROUP BY COALESCE(claimed_by, routed_to)"
        ))
        .bind(street)
        .bind(start)
        .bind(end)
        .fetch_all(&store.pool)
        .await?;
        let (assigned, streets) = assigned(store, street, (&first, &last)).await?;
        let counted = |table: &str, when: &str| {
            format!("SELECT lawyer_id, COUNT(*) FROM {table} WHERE {when} AND {IN_STREET} GROUP BY lawyer_id")
        };
        let corrections: Vec<(i64, i64)> =
            sqlx::query_as(&counted("duty_corrections", "served_on >= $2 AND served_on <= $3"))
                .bind(street)
                .bind(&first)
                .bind(&last)
                .fetch_all(&store.pool)
                .await?;
        let referrals: Vec<(i64, i64)> = sqlx::query_as(&counted("referrals", "created_at >= $2 AND created_at < $3"))
            .bind(street)
            .bind(start)
            .bind(end)
            .fetch_all(&store.pool)
            .await?;
        Ok(Extras {
            assigned,
            streets,
            median_minutes: median_minutes(store, street, (start, end)).await?,
            quota_a_month: pairs(quota),
            answers: answers.into_iter().map(|(l, n, day, r, sum)| (l, (n, day, r, sum))).collect(),
            corrections: pairs(corrections),
            referrals: pairs(referrals),
            conclusions: conclusions(store, from.year).await?,
        })
    }
}

/// Every lawyer assigned to a community of street `street` (0: any) between `first` and `last`
/// (id, name, firm), and the streets they were assigned in.
async fn assigned(
    store: &Store,
    street: i64,
    (first, last): (&str, &str),
) -> Result<(Vec<(i64, String, String)>, HashMap<i64, Vec<String>>), sqlx::Error> {
    let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT DISTINCT l.id, l.name, f.name, s.name, s.id FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id \
         JOIN law_firms f ON f.id = l.firm_id JOIN communities c ON c.id = a.community_id \
         JOIN streets s ON s.id = c.street_id \
         WHERE a.starts_on <= $3 AND (a.ends_on IS NULL OR a.ends_on >= $2) AND {} ORDER BY l.id, s.id",
        IN_STREET.replace("community_id", "a.community_id")
    ))
    .bind(street)
    .bind(first)
    .bind(last)
    .fetch_all(&store.pool)
    .await?;
    let (mut lawyers, mut streets) = (Vec::new(), HashMap::<i64, Vec<String>>::new());
    for (id, name, firm, street, _) in rows {
        if lawyers.last().is_none_or(|(last, _, _)| *last != id) {
            lawyers.push((id, name, firm));
        }
        streets.entry(id).or_default().push(street);
    }
    Ok((lawyers, streets))
}

/// Each lawyer's middle first answer, in minutes, of questions answered from `start` to before
/// `end` in street `street` (0: any). The answers are read in order and only one lawyer's are
/// held at a time.
async fn median_minutes(
    store: &Store,
    street: i64,
    (start, end): (i64, i64),
) -> Result<HashMap<i64, i64>, sqlx::Error> {
    let sql = format!(
        "SELECT COALESCE(claimed_by, routed_to), first_answer_at - created_at FROM questions \
         WHERE first_answer_at >= $2 AND first_answer_at < $3 AND COALESCE(claimed_by, routed_to) IS NOT NULL \
         AND {IN_STREET} ORDER BY 1, 2"
    );
    let mut rows = sqlx::query_as::<_, (i64, i64)>(&sql).bind(street).bind(start).bind(end).fetch(&store.pool);
    let (mut medians, mut current, mut waits) = (HashMap::new(), None, Vec::new());
    let mut close = |lawyer: Option<i64>, waits: &mut Vec<i64>| {
        if let (Some(lawyer), Some(middle)) = (lawyer, middle(waits)) {
            medians.insert(lawyer, middle / 60_000);
        }
        waits.clear();
    };
    while let Some((lawyer, wait)) = rows.try_next().await? {
        if current != Some(lawyer) {
            close(current, &mut waits);
            current = Some(lawyer);
        }
        waits.push(wait);
    }
    close(current, &mut waits);
    Ok(medians)
}

/// The middle of sorted `waits`, the lower of the middle two; none of none.
fn middle(waits: &[i64]) -> Option<i64> {
    waits.get(waits.len().checked_sub(1)? / 2).copied()
}

/// The year's conclusions by lawyer.
async fn conclusions(store: &Store, year: i32) -> Result<HashMap<i64, Conclusion>, sqlx::Error> {
    let rows: Vec<(i64, String, String, Option<i64>, i64, String)> = sqlx::query_as(
        "SELECT lawyer_id, conclusion, comment, score, concluded_at, answer FROM evaluations WHERE year = $1",
    )
    .bind(i64::from(year))
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(lawyer, conclusion, comment, score, concluded_at, answer)| {
            let score = score.and_then(|s| u32::try_from(s).ok());
            (lawyer, Conclusion { conclusion, comment, score, concluded_at, answer })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::middle;

    #[test]
    fn the_middle_wait_is_the_lower_of_the_middle_two() {
        assert_eq!(middle(&[]), None);
        assert_eq!(middle(&[5]), Some(5));
        assert_eq!(middle(&[1, 9]), Some(1));
        assert_eq!(middle(&[1, 2, 9]), Some(2));
        assert_eq!(middle(&[1, 2, 3, 9]), Some(2));
    }
}
