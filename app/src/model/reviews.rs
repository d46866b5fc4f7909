//! Quality review (质量评查): a seeded sample of a period's answers and service records, stratified
//! by street, each scored against the district's checklist; the lawyer reads their findings.

use serde::{Deserialize, Serialize};

/// Staff draw a sample of `size` from the answers and records of `from..=to` in their scope (a
/// district's staff may name a street). The same seed over the same records draws the same
/// sample; none: the server chooses one and records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DrawReview {
    pub from: String,
    pub to: String,
    pub size: i64,
    #[serde(default)]
    pub seed: Option<i64>,
    #[serde(default)]
    pub street: Option<i64>,
}

/// One answer or service record of a sample, and its score once given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReviewItem {
    pub id: i64,
    pub review_id: i64,
    /// `answer` or `record`.
    pub kind: String,
    pub question_id: Option<i64>,
    pub record_id: Option<i64>,
    pub lawyer_id: i64,
    pub lawyer: String,
    pub street: String,
    pub community: String,
    /// The answer's words, or the record's summary, as the lawyer wrote them.
    pub text: String,
    /// A pass or a fail per item of the review's checklist, once scored.
    pub checks: Option<Vec<bool>>,
    pub score: Option<i64>,
    pub findings: String,
}

/// A drawn sample: its period, seed, checklist and items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Review {
    pub id: i64,
    pub from: String,
    pub to: String,
    pub seed: i64,
    pub size: i64,
    /// The street drawn from; none: every street.
    pub street: Option<String>,
    pub checklist: Vec<String>,
    pub drawn_at: i64,
    pub items: Vec<ReviewItem>,
}

/// Staff score an item: a pass or a fail per checklist item, and what they found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ScoreItem {
    pub item_id: i64,
    pub checks: Vec<bool>,
    #[serde(default)]
    pub findings: String,
}
