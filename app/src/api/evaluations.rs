//! Lawyers' yearly evaluation: staff read each lawyer's scorecard and conclude the year; the
//! lawyer reads it and may answer.

use super::endpoint::{endpoints, Access};
use crate::domain::Role;
use crate::model::{Conclude, EvaluationAnswer, Scorecard, ScorecardRequest, Scorecards, YearRequest};

endpoints! {
    /// The year's scorecards of the lawyers in scope who did anything, by name, with the scale.
    GetScorecards = "staff/scorecards", ScorecardRequest => Scorecards, Access::STAFF;

    /// Concludes a lawyer's year on the district's scale with a comment (until the lawyer answers).
    ConcludeYear = "staff/conclude", Conclude => Scorecard, Access::STAFF;

    /// The caller's own scorecard of a year, with the conclusion if there is one.
    MyScorecard = "evaluations/mine", YearRequest => Scorecard, Access::Roles(&[Role::Lawyer]);

    /// The lawyer answers the conclusion on their year.
    AnswerEvaluation = "evaluations/answer", EvaluationAnswer => Scorecard, Access::Roles(&[Role::Lawyer]);
}
