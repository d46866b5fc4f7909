//! A lawyer's yearly evaluation (履约评价): the scorecard staff read, their conclusion and
//! comment, and the lawyer's answer.

use super::ServiceCount;
use serde::{Deserialize, Serialize};

/// A year of the lawyers in scope (a street's staff: their street's; others may name a street).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ScorecardRequest {
    pub year: i32,
    #[serde(default)]
    pub street: Option<i64>,
}

/// One part of a score: what it measures (a key), its weight, and the points earned (none when
/// the year gave it nothing to measure; the other parts then count for the whole).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ScorePart {
    /// `duty`, `services`, `answers`, `satisfaction` or `complaints`.
    pub part: String,
    pub weight: u32,
    pub earned: Option<f64>,
}

/// Staff's conclusion on a lawyer's year, and the lawyer's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Conclusion {
    pub conclusion: String,
    pub comment: String,
    /// The score the card showed when it was concluded.
    pub score: Option<u32>,
    pub concluded_at: i64,
    pub answer: String,
}

/// A lawyer's year: the figures, the score from its parts, and the conclusion if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Scorecard {
    pub lawyer_id: i64,
    pub name: String,
    pub firm: String,
    /// The streets of the communities the lawyer was assigned to in the year, by name.
    pub streets: Vec<String>,
    pub year: i32,
    pub duty_days: i64,
    /// Duty-days the lawyer's A communities ask of the year (so far, for this year).
    pub quota: i64,
    pub services: i64,
    /// The services by category, those the lawyer gave only.
    pub services_by_category: Vec<ServiceCount>,
    pub people_served: i64,
    pub answered: i64,
    pub answered_within_a_day: i64,
    /// Minutes from a question to the lawyer's first answer, the middle one of the year's (the
    /// lower of the middle two).
    pub median_response_minutes: Option<i64>,
    pub mean_rating: Option<f64>,
    pub praise: i64,
    pub complaints: i64,
    /// Corrections asked to the lawyer's locked months.
    pub corrections: i64,
    pub referrals: i64,
    pub parts: Vec<ScorePart>,
    /// 0–100; none when no part had anything to measure.
    pub score: Option<u32>,
    pub conclusion: Option<Conclusion>,
}

/// The scorecards of a year, with the district's scale of conclusions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Scorecards {
    pub scale: Vec<String>,
    pub cards: Vec<Scorecard>,
}

/// Staff conclude a lawyer's year (again, until the lawyer answers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Conclude {
    pub lawyer_id: i64,
    pub year: i32,
    /// One of the scale's names.
    pub conclusion: String,
    #[serde(default)]
    pub comment: String,
}

/// The lawyer's answer to the conclusion on their year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct EvaluationAnswer {
    pub year: i32,
    pub answer: String,
}
