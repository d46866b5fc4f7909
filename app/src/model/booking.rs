//! Wire types of bookings and duty schedules.

use crate::domain::{BookingStatus, Channel, Topic};
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// Asks for a community's bookable times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AvailabilityRequest {
    /// The community.
    pub community_id: i64,
}

/// A community's times, by day, within the booking window; full slots (no seat left) are listed
/// so that residents can join their waitlist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Availability {
    /// The community.
    pub community_id: i64,
    /// Days with duty, in order.
    pub days: Vec<AvailableDay>,
}

/// One day's free times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AvailableDay {
    /// `YYYY-MM-DD` in Asia/Shanghai.
    pub date: String,
    /// 1 (Monday) to 7 (Sunday).
    pub weekday: u8,
    /// The slots, free or full.
    pub slots: Vec<FreeSlot>,
}

/// A bookable slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct FreeSlot {
    /// When it starts.
    pub start: Instant,
    /// When it ends.
    pub end: Instant,
    /// Seats still free (0: full, waitlist only).
    pub seats_left: u32,
    /// How it can take place.
    pub channels: Vec<Channel>,
    /// Confirmed at once, or pending until the lawyer confirms.
    pub instant: bool,
}

/// Joins the waitlist of a full slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct WaitlistRequest {
    /// The community.
    pub community_id: i64,
    /// The full slot's start.
    pub slot_start: Instant,
}

/// A place on a waitlist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct WaitlistJoined {
    /// 1 for the first in line.
    pub position: u32,
}

/// Books a slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct BookRequest {
    /// The community.
    pub community_id: i64,
    /// The slot's start, as given by the availability.
    pub slot_start: Instant,
    /// How.
    pub channel: Channel,
    /// About what.
    pub topic: Topic,
    /// A few sentences from the resident.
    pub description: String,
}

/// A booking as its resident sees it; also the slip shown at the office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct BookingView {
    /// Booking id.
    pub id: i64,
    /// The code to show at the office.
    pub code: String,
    /// Where it stands.
    pub status: BookingStatus,
    /// Why it was cancelled or declined.
    pub status_reason: String,
    /// The community.
    pub community_id: i64,
    /// Its name.
    pub community_name: String,
    /// Its office.
    pub office_address: String,
    /// The lawyer who will see the resident.
    pub lawyer_name: String,
    /// Start.
    pub start: Instant,
    /// End.
    pub end: Instant,
    /// How.
    pub channel: Channel,
    /// About what.
    pub topic: Topic,
    /// The resident's words.
    pub description: String,
    /// The resident's rating, once given.
    pub rating: Option<u8>,
    /// Whether it can still be cancelled or moved (live and before the cut-off).
    pub changeable: bool,
    /// A video consultation's meeting address, from 15 minutes before its start to its end.
    #[serde(default)]
    pub meeting_url: Option<String>,
}

/// A resident's bookings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MyBookings {
    /// Live bookings that have not ended, soonest first.
    pub upcoming: Vec<BookingView>,
    /// Everything else, latest first.
    pub past: Vec<BookingView>,
}

/// Names one booking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct BookingRequest {
    /// Booking id.
    pub booking_id: i64,
}

/// Cancels a booking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CancelRequest {
    /// Booking id.
    pub booking_id: i64,
    /// Why.
    pub reason: String,
}

/// Moves a booking to another slot of the same community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct RescheduleRequest {
    /// Booking id.
    pub booking_id: i64,
    /// The new slot's start.
    pub slot_start: Instant,
    /// Why.
    pub reason: String,
}

/// Rates a completed consultation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct RateRequest {
    /// Booking id.
    pub booking_id: i64,
    /// 1 to 5.
    pub rating: u8,
    /// Optional words.
    #[serde(default)]
    pub comment: String,
}

/// What a lawyer does with a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeskAction {
    /// Confirm a pending booking.
    Confirm,
    /// Decline a pending or confirmed booking (a reason is required).
    Decline,
    /// The consultation took place: creates its service record.
    Complete,
    /// The resident did not come.
    NoShow,
    /// Only update the private note.
    Note,
}

/// A lawyer's (or staff member's) decision on a booking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DeskRequest {
    /// Booking id.
    pub booking_id: i64,
    /// What to do.
    pub action: DeskAction,
    /// Required to decline.
    #[serde(default)]
    pub reason: String,
    /// Replaces the private note when given.
    #[serde(default)]
    pub note: Option<String>,
    /// On `complete`: the special group the resident belongs to, if any; its service record
    /// takes it too.
    #[serde(default)]
    pub special_group: Option<crate::domain::SpecialGroup>,
}

/// Lists the desk's bookings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DeskListRequest {
    /// One community only (staff: any; lawyers: one of theirs).
    #[serde(default)]
    pub community_id: Option<i64>,
}

/// A booking on the lawyers' desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DeskBooking {
    /// The booking as the resident sees it.
    pub booking: BookingView,
    /// The resident's number, masked (138****0000): the full number is asked for with
    /// `desk/call`, which the log records.
    pub resident_phone: String,
    /// Whether the caller may call the resident now: the lawyer who will see them (or their
    /// assistant), a live phone consultation, from 15 minutes before its start to its end.
    #[serde(default)]
    pub can_call: bool,
    /// The lawyers' private note.
    pub note: String,
}

/// The lawyer of a video consultation gives its meeting address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MeetingLinkRequest {
    /// Booking id.
    pub booking_id: i64,
    /// The meeting's address (`https://…`).
    pub url: String,
}

/// Asks for a resident's number to call them for their phone consultation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CallRequest {
    /// The booking.
    pub booking_id: i64,
}

/// The number to call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CallNumber {
    /// The resident's full number.
    pub phone: String,
}

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
