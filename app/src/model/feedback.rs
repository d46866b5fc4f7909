//! Praise and complaints as residents send them and staff handle and record them.

use crate::domain::{FeedbackChannel, FeedbackKind, FeedbackStatus};
use serde::{Deserialize, Serialize};

/// A resident's praise or complaint about their consultation (`booking_id`) or answered question
/// (`question_id`): one of the two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct NewFeedback {
    pub kind: FeedbackKind,
    #[serde(default)]
    pub booking_id: Option<i64>,
    #[serde(default)]
    pub question_id: Option<i64>,
    /// The praise, or what happened.
    pub body: String,
    /// A complaint: what the resident wants done.
    #[serde(default)]
    pub wanted: String,
}

/// A consultation or answer the resident may praise or complain about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct FeedbackMatter {
    #[serde(default)]
    pub booking_id: Option<i64>,
    #[serde(default)]
    pub question_id: Option<i64>,
    /// What it was, as the resident knows it (a time and a community, or a question's title).
    pub label: String,
    pub lawyer: String,
}

/// Praise or a complaint as its resident and staff read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct FeedbackView {
    pub id: i64,
    pub kind: FeedbackKind,
    pub channel: FeedbackChannel,
    pub status: FeedbackStatus,
    pub lawyer: String,
    pub community: String,
    pub body: String,
    pub wanted: String,
    pub reply: String,
    /// `YYYY-MM-DD`.
    pub received_on: String,
    /// The resident's name: staff only, and none for what came offline.
    pub resident: Option<String>,
}

/// Staff's reply to a complaint, which handles it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct FeedbackReply {
    pub id: i64,
    pub reply: String,
}

/// A letter of thanks or a banner a lawyer received offline, as staff record it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct OfflineThanks {
    /// `letter` or `banner`.
    pub channel: FeedbackChannel,
    pub lawyer_id: i64,
    pub community_id: i64,
    /// `YYYY-MM-DD`, not after today.
    pub received_on: String,
    /// What it says, or who sent it.
    pub note: String,
}
