//! Bookings a change of duty leaves without a desk, settled by staff; and a day closed for a
//! whole street.

use serde::{Deserialize, Serialize};

/// What becomes of the bookings settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SettleAction {
    /// Handed to the community's stand-in (the B lawyer, then a coordinator) at the same time.
    HandOver,
    /// Cancelled, the resident told why.
    Cancel,
}

/// Settles live bookings of one community, all or none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct SettleRequest {
    /// The community.
    pub community_id: i64,
    /// Its live bookings to settle (at most 500).
    pub booking_ids: Vec<i64>,
    /// What becomes of them.
    pub action: SettleAction,
    /// Why, as the resident reads it (required to cancel).
    #[serde(default)]
    pub reason: String,
}

/// What settling did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct SettleReport {
    /// Bookings handed to a stand-in.
    pub handed_over: u32,
    /// Bookings cancelled.
    pub cancelled: u32,
}

/// Closes every community of a street on a day (a street-wide event, a power cut).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CloseStreetRequest {
    /// The street.
    pub street_id: i64,
    /// `YYYY-MM-DD`, today or later.
    pub date: String,
    /// Why, for staff.
    #[serde(default)]
    pub note: String,
}

/// A street closed for a day: each community with the live bookings that day now leaves without
/// a desk, for staff to settle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct StreetClosed {
    /// Communities closed by this request (those already closed that day are not counted).
    pub closed: u32,
    /// Communities with bookings on that day, and how many.
    pub bookings: Vec<ClosedCommunity>,
}

/// A closed community with bookings to settle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ClosedCommunity {
    /// The community.
    pub community_id: i64,
    /// Its name.
    pub community_name: String,
    /// Live bookings on the closed day.
    pub live_bookings: u32,
}

/// A lawyer leaves the programme after `last_day`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct RetireLawyerRequest {
    /// The lawyer.
    pub lawyer_id: i64,
    /// Their last day of service, `YYYY-MM-DD`: yesterday or later.
    pub last_day: String,
    /// What becomes of their live bookings after it.
    pub bookings: SettleAction,
    /// Why, as residents read it (required to cancel).
    #[serde(default)]
    pub reason: String,
}

/// What a lawyer's retirement ended and settled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Retired {
    /// Assignments (A, B, coordinator) ended or, not yet begun, removed.
    pub assignments: u32,
    /// Weekly duty periods ended or, not yet begun, removed; extra days after it removed.
    pub periods: u32,
    /// Their bookings after it, handed over or cancelled.
    pub settled: SettleReport,
}

/// A community leaves the programme after `last_day` (merged into another, or closed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct RetireCommunityRequest {
    /// The community.
    pub community_id: i64,
    /// Its last day of service, `YYYY-MM-DD`: yesterday or later.
    pub last_day: String,
    /// The community that takes its residents and open questions.
    #[serde(default)]
    pub successor_id: Option<i64>,
    /// What becomes of its live bookings after the last day: only `Cancel` (there is no desk to
    /// hand them to).
    pub bookings: SettleAction,
    /// Why, as residents read it (required to cancel).
    #[serde(default)]
    pub reason: String,
}

/// What a community's retirement ended, moved and settled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct RetiredCommunity {
    /// Assignments ended or, not yet begun, removed.
    pub assignments: u32,
    /// Weekly duty periods ended or, not yet begun, removed; extra days after it removed.
    pub periods: u32,
    /// Residents whose community it was: moved to the successor, or left to choose again.
    pub residents: u32,
    /// Questions still open, moved to the successor.
    pub questions: u32,
    /// Its bookings after the last day, cancelled.
    pub settled: SettleReport,
}

/// A street leaves the programme after `last_day`, once every community of it has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct RetireStreetRequest {
    /// The street.
    pub street_id: i64,
    /// Its last day, `YYYY-MM-DD`: yesterday or later, and no earlier than its communities'.
    pub last_day: String,
}
