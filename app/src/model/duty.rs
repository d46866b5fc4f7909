//! Duty days, service records and the lawyer's month, on the wire.

use crate::domain::{CorrectionStatus, DutyEnd, MonthStatus, ServiceCategory};
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// Where the browser says the phone is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Position {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
}

/// Names a lawyer: the caller themselves, or the lawyer an assistant works for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LawyerRequest {
    /// Lawyer id.
    pub lawyer_id: i64,
}

/// A lawyer the caller may log for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LawyerRef {
    /// Lawyer id.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// Starts a duty at a community office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CheckInRequest {
    /// Whose duty.
    pub lawyer_id: i64,
    /// Where.
    pub community_id: i64,
    /// The phone's position, when the lawyer allowed it.
    #[serde(default)]
    pub position: Option<Position>,
    /// Why there is no position, or why it is elsewhere (optional).
    #[serde(default)]
    pub reason: String,
}

/// Ends the lawyer's open duty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CheckOutRequest {
    /// Whose duty.
    pub lawyer_id: i64,
}

/// One duty at a community: check-in to check-out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DutyLog {
    /// Id.
    pub id: i64,
    /// The lawyer.
    pub lawyer_id: i64,
    /// The community.
    pub community_id: i64,
    /// Its name.
    pub community_name: String,
    /// The duty-day it counts for (the date of the check-in), `YYYY-MM-DD`.
    pub served_on: String,
    /// Checked in.
    pub started_at: Instant,
    /// Checked out, if it has ended.
    pub ended_at: Option<Instant>,
    /// How it ended.
    pub ended_by: Option<DutyEnd>,
    /// Checked in within reach of the office.
    pub verified: bool,
    /// Metres from the office, when a position was given and the office has coordinates.
    pub distance_m: Option<i64>,
    /// Why it is not verified.
    pub reason: String,
    /// Who entered it, when not the lawyer.
    pub entered_by: String,
}

/// The lawyer's open duty, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct OnDuty {
    /// The duty in progress.
    pub open: Option<DutyLog>,
}

/// A free service to record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ServiceRecordRequest {
    /// Made by the device when the form is opened; sending twice records once.
    pub client_key: String,
    /// The lawyer who gave the service.
    pub lawyer_id: i64,
    /// Where.
    pub community_id: i64,
    /// What kind.
    pub category: ServiceCategory,
    /// When, `YYYY-MM-DD`.
    pub served_on: String,
    /// People served (attendees of a lecture).
    pub people_served: i64,
    /// A lecture's topic; a legal opinion's subject.
    #[serde(default)]
    pub topic: String,
    /// A mediation's parties; for whom an opinion was written.
    #[serde(default)]
    pub parties: String,
    /// A mediation's outcome.
    #[serde(default)]
    pub outcome: String,
    /// What was done.
    pub summary: String,
    /// The special group the person served belongs to, if any.
    #[serde(default)]
    pub special_group: Option<crate::domain::SpecialGroup>,
}

/// A recorded service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ServiceRecord {
    /// Id.
    pub id: i64,
    /// The lawyer.
    pub lawyer_id: i64,
    /// The community.
    pub community_id: i64,
    /// Its name.
    pub community_name: String,
    /// What kind.
    pub category: ServiceCategory,
    /// When.
    pub served_on: String,
    /// People served.
    pub people_served: i64,
    /// Topic or subject.
    pub topic: String,
    /// Parties, or for whom.
    pub parties: String,
    /// Outcome.
    pub outcome: String,
    /// Summary.
    pub summary: String,
    /// The booking it came from, if any.
    pub booking_id: Option<i64>,
    /// Who entered it.
    pub entered_by: String,
    /// The special group served, if any.
    #[serde(default)]
    pub special_group: Option<crate::domain::SpecialGroup>,
}

/// A lawyer's month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MonthRequest {
    /// The lawyer.
    pub lawyer_id: i64,
    /// `YYYY-MM`.
    pub month: String,
}

/// Duty-days at one community in a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CommunityMonth {
    /// Community id.
    pub community_id: i64,
    /// Its name.
    pub community_name: String,
    /// Days with a logged duty.
    pub duty_days: i64,
    /// Days the schedule gives this lawyer there.
    pub scheduled_days: i64,
}

/// Services of one category in a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CategoryCount {
    /// The category.
    pub category: ServiceCategory,
    /// Records.
    pub records: i64,
    /// People served.
    pub people: i64,
}

/// A scheduled day that passed with no duty logged (and no leave).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DutyGap {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where the duty was scheduled.
    pub community_name: String,
}

/// The lawyer's own figures for a month, and what they are made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MonthSummary {
    /// The lawyer.
    pub lawyer_id: i64,
    /// Name.
    pub lawyer_name: String,
    /// `YYYY-MM`.
    pub month: String,
    /// Where the month stands.
    pub status: MonthStatus,
    /// The lawyer's comment when disputing; staff's when locking.
    pub comment: String,
    /// Lawyer-days at a community with a logged duty.
    pub duty_days: i64,
    /// The same per community.
    pub communities: Vec<CommunityMonth>,
    /// Services per category.
    pub services: Vec<CategoryCount>,
    /// People served by all services.
    pub people_served: i64,
    /// Bookings that took place.
    pub bookings_completed: i64,
    /// Bookings the resident missed.
    pub bookings_no_show: i64,
    /// Ratings given to the month's consultations.
    pub ratings: i64,
    /// Their average, 1–5.
    pub rating_average: Option<f64>,
    /// Scheduled days with no duty logged.
    pub gaps: Vec<DutyGap>,
    /// Leave in the month: first and last day.
    pub leave: Vec<(String, String)>,
    /// The duties.
    pub duties: Vec<DutyLog>,
    /// The services.
    pub records: Vec<ServiceRecord>,
    /// Corrections asked for this month.
    pub corrections: Vec<Correction>,
    /// The figures as locked, when locked: duty-days, services, people served.
    pub locked_figures: Option<(i64, i64, i64)>,
}

/// What a lawyer says of their month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MonthAction {
    /// The figures are right.
    Confirm,
    /// A figure is wrong (comment required).
    Dispute,
}

/// The lawyer confirms or disputes a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MonthReviewRequest {
    /// The lawyer.
    pub lawyer_id: i64,
    /// `YYYY-MM`.
    pub month: String,
    /// What to do.
    pub action: MonthAction,
    /// Why (required to dispute).
    #[serde(default)]
    pub comment: String,
}

/// A duty to add or change after the fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CorrectionRequest {
    /// The lawyer.
    pub lawyer_id: i64,
    /// The community.
    pub community_id: i64,
    /// The duty-day, `YYYY-MM-DD`.
    pub served_on: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
    /// The logged duty it changes; none to add a missing one.
    #[serde(default)]
    pub duty_id: Option<i64>,
    /// Why (required).
    pub reason: String,
}

/// A correction and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Correction {
    /// Id.
    pub id: i64,
    /// The lawyer.
    pub lawyer_id: i64,
    /// Name.
    pub lawyer_name: String,
    /// The community.
    pub community_name: String,
    /// The duty-day.
    pub served_on: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
    /// The duty it changes.
    pub duty_id: Option<i64>,
    /// Why.
    pub reason: String,
    /// Where it stands.
    pub status: CorrectionStatus,
    /// Asked for after the month was locked: shown beside the locked figures.
    pub after_lock: bool,
    /// Staff's note on the decision.
    pub note: String,
}

/// Staff's decision on a correction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CorrectionDecision {
    /// Which.
    pub correction_id: i64,
    /// Apply it, or refuse it.
    pub approve: bool,
    /// Why (required to refuse).
    #[serde(default)]
    pub note: String,
}
