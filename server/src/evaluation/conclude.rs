//! Staff conclude a lawyer's year on the district's scale, with a comment (again, until the
//! lawyer answers); the lawyer answers once.

use super::cards::{card_in_scope, card_of, checked_year};
use super::EvaluationService;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::now_ms;
use app::error::{AppError, ErrorKind};
use app::i18n::EvaluationTexts;
use app::model::{Conclude, EvaluationAnswer, Scorecard};

const MAX_TEXT_CHARS: usize = 1000;

/// `staff/conclude`: a lawyer who worked or was assigned in the caller's scope that year (404
/// otherwise), a
/// conclusion of the scale (422 on `conclusion`), not yet answered by the lawyer (409).
pub async fn conclude(state: &EvaluationService, caller: &Caller, request: Conclude) -> Result<Scorecard, Failure> {
    let t = EvaluationTexts::of(caller.lang);
    let user = caller.user()?;
    let year = checked_year(caller, request.year)?;
    let comment = request.comment.trim();
    if !state.settings.scale.contains(&request.conclusion) || comment.chars().count() > MAX_TEXT_CHARS {
        return Err(AppError::invalid("conclusion", t.err_conclusion).into());
    }
    let Some(card) = card_in_scope(state, user.street, year, request.lawyer_id).await? else {
        return Err(caller.error(ErrorKind::NotFound).into());
    };
    if card.conclusion.as_ref().is_some_and(|c| !c.answer.is_empty()) {
        return Err(AppError::new(ErrorKind::Conflict, t.err_answered).into());
    }
    let mut tx = state.store.writer().begin().await?;
    sqlx::query("DELETE FROM evaluations WHERE lawyer_id = $1 AND year = $2 AND answer = ''")
        .bind(request.lawyer_id)
        .bind(i64::from(year))
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO evaluations (lawyer_id, year, score, conclusion, comment, concluded_by, concluded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(request.lawyer_id)
    .bind(i64::from(year))
    .bind(card.score.map(i64::from))
    .bind(&request.conclusion)
    .bind(comment)
    .bind(user.id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let subject = format!("lawyer:{} year={year}", request.lawyer_id);
    audit::record_by(&state.store, caller, user.id, "evaluation_conclude", &subject).await?;
    card_in_scope(state, user.street, year, request.lawyer_id)
        .await?
        .ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}

/// `evaluations/answer`: the lawyer's answer to a concluded year (409 before it is concluded, or
/// once answered), 1 to 1 000 characters (422 on `answer`).
pub async fn answer(
    state: &EvaluationService,
    caller: &Caller,
    request: EvaluationAnswer,
) -> Result<Scorecard, Failure> {
    let t = EvaluationTexts::of(caller.lang);
    let year = checked_year(caller, request.year)?;
    let lawyer = crate::scope::own_lawyer(&state.store, caller).await?;
    let text = request.answer.trim();
    if text.is_empty() || text.chars().count() > MAX_TEXT_CHARS {
        return Err(AppError::invalid("answer", t.err_answer).into());
    }
    let moved = sqlx::query(
        "UPDATE evaluations SET answer = $1, answered_at = $2 WHERE lawyer_id = $3 AND year = $4 AND answer = ''",
    )
    .bind(text)
    .bind(now_ms())
    .bind(lawyer)
    .bind(i64::from(year))
    .execute(state.store.writer())
    .await?
    .rows_affected();
    if moved == 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_not_concluded).into());
    }
    card_of(state, None, year, lawyer).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}
