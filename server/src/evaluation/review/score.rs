//! Scoring a sampled item against its review's checklist, listing a scope's reviews, and a
//! lawyer's own findings.

use super::super::EvaluationService;
use super::read::{items, reviews, street_of, Items};
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::store::now_ms;
use app::domain::required_text;
use app::error::{AppError, ErrorKind};
use app::i18n::EvaluationTexts;
use app::model::{Empty, Review, ReviewItem, ScoreItem};

const MAX_FINDINGS_CHARS: usize = 1000;

/// `staff/reviews`: a street's staff the reviews of their street, the district's every review.
pub async fn list(state: &EvaluationService, caller: &Caller, _: Empty) -> Result<Vec<Review>, Failure> {
    Ok(reviews(&state.store, caller.user()?.street).await?)
}

/// `reviews/mine`: the calling lawyer's scored items, in the order drawn.
pub async fn mine(state: &EvaluationService, caller: &Caller, _: Empty) -> Result<Vec<ReviewItem>, Failure> {
    let lawyer = crate::scope::own_lawyer(&state.store, caller).await?;
    Ok(items(&state.store, Items::OfLawyer(lawyer)).await?)
}

/// `staff/score-item`: a pass or fail per checklist item (422 on `checks` for another count),
/// findings saying what failed when anything did (422 on `findings`); scored again until right.
/// 404 no such item; 403 an item of a review drawn outside a street's staff member's street.
pub async fn score(state: &EvaluationService, caller: &Caller, request: ScoreItem) -> Result<ReviewItem, Failure> {
    let (user, t, store) = (caller.user()?, EvaluationTexts::of(caller.lang), &state.store);
    let item =
        items(store, Items::One(request.item_id)).await?.pop().ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    let drawn_in = street_of(store, item.review_id).await?.ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    if user.street.is_some() && user.street != drawn_in {
        return Err(scope::other_street(caller).into());
    }
    let checklist: String = sqlx::query_scalar("SELECT checklist FROM quality_reviews WHERE id = $1")
        .bind(item.review_id)
        .fetch_one(&store.pool)
        .await?;
    if request.checks.len() != checklist.lines().count() {
        return Err(AppError::invalid("checks", t.err_review_checks).into());
    }
    let all_pass = request.checks.iter().all(|pass| *pass);
    let findings = match required_text(&request.findings, MAX_FINDINGS_CHARS) {
        Ok(text) => text,
        Err(app::domain::TextProblem::Empty) if all_pass => String::new(),
        Err(_) => return Err(AppError::invalid("findings", t.err_review_findings).into()),
    };
    let passed = request.checks.iter().filter(|pass| **pass).count();
    let score = i64::try_from((passed * 100 + request.checks.len() / 2) / request.checks.len()).unwrap_or(0);
    let checks: String = request.checks.iter().map(|pass| if *pass { '1' } else { '0' }).collect();
    sqlx::query(
        "UPDATE quality_items SET checks = $1, score = $2, findings = $3, scored_by = $4, scored_at = $5 WHERE id = $6",
    )
    .bind(checks)
    .bind(score)
    .bind(&findings)
    .bind(user.id)
    .bind(now_ms())
    .bind(request.item_id)
    .execute(store.writer())
    .await?;
    audit::record_by(store, caller, user.id, "quality_review", &format!("review-item:{}", request.item_id)).await?;
    items(store, Items::One(request.item_id)).await?.pop().ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}
