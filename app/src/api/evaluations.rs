//! Lawyers' yearly evaluation: staff read each lawyer's scorecard and conclude the year; the
//! lawyer reads it and may answer.

use super::endpoint::{endpoints, Access};
use crate::domain::Role;
use crate::model::{
    Conclude, DrawReview, Empty, EvaluationAnswer, Review, ReviewItem, ScoreItem, Scorecard, ScorecardRequest,
    Scorecards, YearRequest,
};

endpoints! {
    /// The year's scorecards of the lawyers in scope who did anything, by name, with the scale.
    GetScorecards = "staff/scorecards", ScorecardRequest => Scorecards, Access::STAFF;

    /// Concludes a lawyer's year on the district's scale with a comment (until the lawyer answers).
    ConcludeYear = "staff/conclude", Conclude => Scorecard, Access::STAFF;

    /// The caller's own scorecard of a year, with the conclusion if there is one.
    MyScorecard = "evaluations/mine", YearRequest => Scorecard, Access::Roles(&[Role::Lawyer]);

    /// The lawyer answers the conclusion on their year.
    AnswerEvaluation = "evaluations/answer", EvaluationAnswer => Scorecard, Access::Roles(&[Role::Lawyer]);

    /// Draws a quality review's sample of a period's answers and service records, stratified by
    /// street and reproducible from its seed.
    DrawQualityReview = "staff/draw-review", DrawReview => Review, Access::STAFF;

    /// The quality reviews of the caller's scope, the latest first, with their items.
    QualityReviews = "staff/reviews", Empty => Vec<Review>, Access::STAFF;

    /// Scores an item of a review against its checklist, with the findings.
    ScoreReviewItem = "staff/score-item", ScoreItem => ReviewItem, Access::STAFF;

    /// The scored items about the calling lawyer, with the findings.
    MyReviewFindings = "reviews/mine", Empty => Vec<ReviewItem>, Access::Roles(&[Role::Lawyer]);
}
