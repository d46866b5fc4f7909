//! A resident takes this month's quiz, once, and reads how they did.

use super::month_of;
use super::theme::answers;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, today, Store};
use app::error::{AppError, ErrorKind};
use app::i18n::QuizTexts;
use app::model::{QuizResult, TakeQuiz};

/// `themes/answer`: this month's quiz only (422 on `month`), a choice among each question's for
/// every question (422 on `choices`); once (409).
pub async fn take(store: &Store, caller: &Caller, request: TakeQuiz) -> Result<QuizResult, Failure> {
    let (user, t) = (caller.user()?, QuizTexts::of(caller.lang));
    let month = month_of(today());
    if request.month != month {
        return Err(AppError::invalid("month", t.err_not_current).into());
    }
    // Each question's choices and right answer, read once.
    let questions: Vec<(String, i64)> =
        sqlx::query_as("SELECT options, CAST(answer AS BIGINT) FROM quiz_questions WHERE month = $1 ORDER BY position")
            .bind(&month)
            .fetch_all(&store.pool)
            .await?;
    if questions.is_empty() {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    let fits = request.choices.len() == questions.len()
        && request
            .choices
            .iter()
            .zip(&questions)
            .all(|(choice, (options, _))| usize::try_from(*choice).is_ok_and(|c| c < options.lines().count()));
    if !fits {
        return Err(AppError::invalid("choices", t.err_choices).into());
    }
    let correct = request.choices.iter().zip(&questions).filter(|(choice, (_, answer))| *choice == answer).count();
    let community: Option<i64> =
        sqlx::query_scalar("SELECT community_id FROM users WHERE id = $1").bind(user.id).fetch_one(&store.pool).await?;
    let choices: Vec<String> = request.choices.iter().map(i64::to_string).collect();
    let taken = sqlx::query(
        "INSERT INTO quiz_entries (month, resident_id, community_id, choices, correct, total, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (month, resident_id) DO NOTHING",
    )
    .bind(&month)
    .bind(user.id)
    .bind(community)
    .bind(choices.join(","))
    .bind(i64::try_from(correct).unwrap_or(0))
    .bind(i64::try_from(questions.len()).unwrap_or(0))
    .bind(now_ms())
    .execute(store.writer())
    .await?
    .rows_affected();
    if taken == 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_answered).into());
    }
    result(store, &month, user.id).await?.ok_or_else(|| caller.error(ErrorKind::Internal).into())
}

/// `resident`'s result of `month`'s quiz, if they took it.
pub async fn result(store: &Store, month: &str, resident: i64) -> Result<Option<QuizResult>, sqlx::Error> {
    let entry: Option<(String, i64, i64)> = sqlx::query_as(
        "SELECT choices, CAST(correct AS BIGINT), CAST(total AS BIGINT) FROM quiz_entries WHERE month = $1 AND resident_id = $2",
    )
    .bind(month)
    .bind(resident)
    .fetch_optional(&store.pool)
    .await?;
    let Some((choices, correct, total)) = entry else { return Ok(None) };
    Ok(Some(QuizResult {
        // Emptied when the account was erased; the counts stay.
        choices: choices.split(',').filter_map(|c| c.parse().ok()).collect(),
        answers: answers(store, month).await?,
        correct,
        total,
    }))
}
