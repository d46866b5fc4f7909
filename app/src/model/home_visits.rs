//! 家门口公证: a notary office's hours for home visits, the slots they make, and the visits
//! residents book in them (themselves, or with their lawyer at the desk).

use crate::domain::{VisitMatter, VisitStatus};
use crate::model::ReferralSource;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// A weekly period in which an office visits residents, as the office edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct VisitPeriod {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`, after `start`.
    pub end: String,
    /// Minutes per visit, 30–240.
    pub slot_minutes: u32,
    /// Notaries out at once, 1–10.
    pub seats: u32,
}

/// An office's weekly home-visit hours (saving replaces them all).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct VisitHours {
    pub periods: Vec<VisitPeriod>,
}

/// A notary office that visits residents at home.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct NotaryOffice {
    pub id: i64,
    pub name: String,
}

/// An office asked about.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct OfficeRequest {
    pub organisation_id: i64,
}

/// A time an office can come, with the notaries still free then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct VisitSlot {
    pub start: Instant,
    pub end: Instant,
    pub seats_left: u32,
}

/// An office's slots of the next fortnight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct VisitSlots {
    pub office: String,
    pub slots: Vec<VisitSlot>,
}

/// A visit to book: for the caller (a resident), or — by a lawyer or assistant — for the resident
/// of a matter they handle, who reads back the code sent to their phone
/// (`referrals/consent-code`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct NewVisit {
    pub organisation_id: i64,
    /// The slot's start.
    pub start: Instant,
    pub matter: VisitMatter,
    /// Where the notary comes: the resident's home address.
    pub address: String,
    /// What the notary should know beforehand (may be empty).
    #[serde(default)]
    pub note: String,
    /// `YYYY-MM-DD`: a will is free from 65.
    pub birth_date: String,
    /// A lawyer's or assistant's matter whose resident the visit is for.
    #[serde(default)]
    pub source: Option<ReferralSource>,
    /// The code that resident read back.
    #[serde(default)]
    pub consent_code: String,
}

/// A home visit as its resident and its office see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct VisitView {
    pub id: i64,
    pub code: String,
    pub office: String,
    pub start: Instant,
    pub end: Instant,
    pub matter: VisitMatter,
    pub address: String,
    pub note: String,
    pub birth_date: String,
    /// A will for a resident 65 or older: no fee.
    pub free: bool,
    pub status: VisitStatus,
    /// Why it was called off.
    pub reason: String,
    /// The resident's name and number: to the office only.
    pub resident: Option<(String, String)>,
}

/// A visit acted on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct VisitRequest {
    pub id: i64,
}

/// What came of a visit, as its office records it: done, nobody at home, or called off with a
/// reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct VisitOutcome {
    pub id: i64,
    pub status: VisitStatus,
    #[serde(default)]
    pub reason: String,
}
