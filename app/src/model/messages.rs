//! Text messages as staff watch them: how many of each kind went out, reached the phone or failed.

use serde::{Deserialize, Serialize};

/// Messages queued from `from` to `to` (Shanghai dates, `YYYY-MM-DD`, at most a year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MessagesRequest {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
}

/// Counts by kind, and the commonest reasons for failure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MessageCounts {
    /// One line per kind that had messages, by key.
    pub kinds: Vec<KindCounts>,
    /// Why messages failed (given up, or not delivered), commonest first, at most ten.
    pub failures: Vec<FailureCount>,
}

/// One kind's messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct KindCounts {
    /// The template key (`code`, `reminder`…); empty for free text queued before templates.
    pub kind: String,
    /// Queued.
    pub queued: i64,
    /// Accepted by the provider.
    pub sent: i64,
    /// Reported on the phone.
    pub delivered: i64,
    /// Reported not delivered, or given up.
    pub failed: i64,
    /// Still waiting to go (retrying, or held for quiet hours).
    pub waiting: i64,
}

/// A reason and how many messages failed for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct FailureCount {
    /// The provider's code and words, or the portal's.
    pub reason: String,
    /// How many.
    pub count: i64,
}
