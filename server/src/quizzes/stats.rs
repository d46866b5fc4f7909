//! How many residents took a month's quiz and how well, per street in scope.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;
use app::error::AppError;
use app::i18n::QuizTexts;
use app::model::{QuizMonth, QuizStats, QuizStreet};

/// `staff/theme-stats`: every street in scope, those nobody from took it included (a street's
/// staff: theirs). Residents without a community count under no street.
pub async fn stats(store: &Store, caller: &Caller, request: QuizMonth) -> Result<QuizStats, Failure> {
    let (user, t) = (caller.user()?, QuizTexts::of(caller.lang));
    let valid = request.month.len() == 7 && app::time::LocalDate::parse(&format!("{}-01", request.month)).is_some();
    if !valid {
        return Err(AppError::invalid("month", t.err_month).into());
    }
    let title: Option<String> = sqlx::query_scalar("SELECT title FROM themes WHERE month = $1")
        .bind(&request.month)
        .fetch_optional(&store.pool)
        .await?;
    let rows: Vec<(i64, String, i64, Option<f64>)> = sqlx::query_as(
        "SELECT s.id, s.name, COUNT(e.resident_id), AVG(CAST(e.correct AS DOUBLE PRECISION) * 100.0 / e.total) \
         FROM streets s LEFT JOIN communities c ON c.street_id = s.id \
         LEFT JOIN quiz_entries e ON e.community_id = c.id AND e.month = $1 \
         WHERE $2 = 0 OR s.id = $2 GROUP BY s.id, s.name ORDER BY s.id",
    )
    .bind(&request.month)
    .bind(user.street.unwrap_or(0))
    .fetch_all(&store.pool)
    .await?;
    let streets = rows
        .into_iter()
        .map(|(street_id, street, residents, mean)| QuizStreet {
            street_id,
            street,
            residents,
            mean_score: mean.map(|m| (m * 10.0).round() / 10.0),
        })
        .collect();
    Ok(QuizStats { month: request.month, title, streets })
}
