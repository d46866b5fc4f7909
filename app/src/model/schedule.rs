//! Wire types of duty schedules: recurring periods, their plan and preview, closed days and
//! leave.

use crate::domain::Channel;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// A recurring duty period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DutyPeriod {
    /// Schedule id (0 when adding).
    #[serde(default)]
    pub id: i64,
    /// The lawyer on duty.
    pub lawyer_id: i64,
    /// 1 (Monday) to 7 (Sunday).
    pub weekday: u8,
    /// `HH:MM`, Shanghai time.
    pub start: String,
    /// `HH:MM`, Shanghai time.
    pub end: String,
    /// Minutes per slot.
    pub slot_minutes: u32,
    /// Residents per slot.
    pub seats: u32,
    /// How consultations may take place.
    pub channels: Vec<Channel>,
    /// Bookings confirmed at once (otherwise the lawyer confirms each).
    pub instant: bool,
}

/// Adds a recurring duty period to a community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AddDutyRequest {
    /// The community.
    pub community_id: i64,
    /// The period.
    pub period: DutyPeriod,
    /// First day it applies, `YYYY-MM-DD`, today or later; none: today.
    #[serde(default)]
    pub valid_from: Option<String>,
    /// Last day it applies; none: until ended.
    #[serde(default)]
    pub valid_until: Option<String>,
}

/// A recurring period as staff plan it: with its lawyer's name and the days it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct PlannedPeriod {
    /// The period.
    pub period: DutyPeriod,
    /// Its lawyer.
    pub lawyer_name: String,
    /// First day, `YYYY-MM-DD`.
    pub valid_from: String,
    /// Last day, if it ends.
    pub valid_until: Option<String>,
}

/// A community's duty from today on, and the bookings a change left without their period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DutyPlan {
    /// The community.
    pub community_id: i64,
    /// Periods in force today or later, by weekday and time.
    pub periods: Vec<PlannedPeriod>,
    /// Live bookings from now on that no slot covers any more (a period ended, a day closed, a
    /// lawyer away with nobody to stand in): for staff to hand over or cancel.
    pub uncovered: Vec<UncoveredBooking>,
}

/// A live booking no slot covers any more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct UncoveredBooking {
    /// Booking id.
    pub id: i64,
    /// Its code.
    pub code: String,
    /// When.
    pub start: Instant,
}

/// Ends a period after `last_day` (the days before are kept as they were).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct EndDutyRequest {
    /// The community.
    pub community_id: i64,
    /// The period.
    pub period_id: i64,
    /// Its last day, `YYYY-MM-DD`: yesterday or later.
    pub last_day: String,
}

/// The next four weeks of a community's slots, as they would be with a period added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DutyPreview {
    /// Days with slots.
    pub days: Vec<PreviewDay>,
}

/// A day of a preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct PreviewDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 1 (Monday) to 7.
    pub weekday: u8,
    /// Each slot as `09:00–09:30 ×2` (seats).
    pub slots: Vec<String>,
}

/// Closes a community's desk on a date, or opens it extra.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DutyExceptionRequest {
    /// The community.
    pub community_id: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `None` closes the desk that day; a period opens it (its weekday is ignored).
    #[serde(default)]
    pub extra: Option<DutyPeriod>,
    /// Shown to staff.
    #[serde(default)]
    pub note: String,
}

/// Records a lawyer's leave; bookings go to the backup meanwhile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LeaveRequest {
    /// The lawyer (lawyers may only record their own).
    pub lawyer_id: i64,
    /// First day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Last day, `YYYY-MM-DD`.
    pub ends_on: String,
    /// Why (shown to staff).
    #[serde(default)]
    pub reason: String,
}

/// What leave did to existing bookings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LeaveRecorded {
    /// Leave id.
    pub leave_id: i64,
    /// Live bookings in the leave that were moved to the backup lawyer.
    pub moved_to_backup: u32,
    /// Live bookings left with no backup: staff must act on these.
    pub without_backup: u32,
}

/// A community's duty schedule as its desk sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DutySchedule {
    /// The community.
    pub community_id: i64,
    /// Recurring periods.
    pub periods: Vec<DutyPeriod>,
}
