//! Wire types of bookings: availability, booking and changing, the desk.

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
