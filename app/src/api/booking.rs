//! Residents book consultations: free times, booking, their bookings, cancelling, moving, rating.

use super::endpoint::{endpoints, Access};
use crate::model::{
    Availability, AvailabilityRequest, BookRequest, BookingView, CancelRequest, Empty, MyBookings, RateRequest,
    RescheduleRequest, WaitlistJoined, WaitlistRequest,
};

endpoints! {
    /// A community's free slots for the next two weeks. Public.
    GetAvailability = "booking/availability", AvailabilityRequest => Availability, Access::Anyone;

    /// Books a slot. Residents only.
    BookSlot = "booking/book", BookRequest => BookingView, Access::RESIDENTS;

    /// The caller's bookings, upcoming and past. Residents only.
    ListMyBookings = "booking/mine", Empty => MyBookings, Access::RESIDENTS;

    /// Cancels one of the caller's bookings, with a reason, up to the cut-off.
    CancelBooking = "booking/cancel", CancelRequest => BookingView, Access::RESIDENTS;

    /// Moves one of the caller's bookings to another free slot of the same community.
    RescheduleBooking = "booking/reschedule", RescheduleRequest => BookingView, Access::RESIDENTS;

    /// Rates a completed consultation, once.
    RateBooking = "booking/rate", RateRequest => BookingView, Access::RESIDENTS;

    /// Joins the waitlist of a full slot; the first in line is told when a seat frees.
    JoinWaitlist = "booking/waitlist", WaitlistRequest => WaitlistJoined, Access::RESIDENTS;
}
