//! Praise and complaints about a lawyer's consultation or answer (表扬与投诉), and the letters of
//! thanks and banners (锦旗) that reach a lawyer offline.

use serde::{Deserialize, Serialize};

/// Praise or a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedbackKind {
    Praise,
    Complaint,
}

stored_names!(FeedbackKind { Praise = "praise", Complaint = "complaint" });

/// How it reached the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedbackChannel {
    /// Sent by the resident here.
    Online,
    /// A letter of thanks, recorded by staff.
    Letter,
    /// A banner (锦旗), recorded by staff.
    Banner,
}

stored_names!(FeedbackChannel { Online = "online", Letter = "letter", Banner = "banner" });

/// Where it stands: praise is received; a complaint is open until staff reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedbackStatus {
    Received,
    Open,
    Handled,
}

stored_names!(FeedbackStatus { Received = "received", Open = "open", Handled = "handled" });

/// The longest praise or account of what happened, what a resident wants, and a reply.
pub const MAX_FEEDBACK_CHARS: usize = 1000;
pub const MAX_WANTED_CHARS: usize = 500;
