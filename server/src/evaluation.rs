//! Lawyers' yearly evaluation (履约评价): a scorecard per lawyer and year from the same records as
//! the board and the by-lawyer export, a score from weighted parts (the district's weights, shown
//! on the card), staff's conclusion on the district's scale with a comment, and the lawyer's
//! answer. A street's staff conclude their street's lawyers; a lawyer reads only their own.

mod cards;
mod conclude;
mod extras;
mod review;
mod score;

pub use cards::{mine, scorecards};
pub use conclude::{answer, conclude};
pub use review::{draw as draw_review, list as reviews, mine as my_findings, score as score_item};

use crate::config::evaluation::Evaluation;
use crate::store::Store;

/// Scorecards from the store, scored and concluded by the district's settings.
#[derive(Clone)]
pub struct EvaluationService {
    store: Store,
    settings: Evaluation,
}

impl EvaluationService {
    pub fn new(store: Store, settings: Evaluation) -> EvaluationService {
        EvaluationService { store, settings }
    }
}
