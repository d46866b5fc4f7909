//! Residents book consultations: free times, booking, their bookings, cancelling, moving, rating.

use crate::error::AppError;
use crate::model::{
    Availability, AvailabilityRequest, BookRequest, BookingView, CancelRequest, Empty, MyBookings, RateRequest,
    RescheduleRequest, WaitlistJoined, WaitlistRequest,
};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

/// A community's free slots for the next two weeks. Public.
#[server(prefix = "/api", endpoint = "booking/availability", input = server_fn::codec::Json)]
pub async fn get_availability(#[server(flatten)] request: AvailabilityRequest) -> Result<Availability, AppError> {
    let (ports, caller) = ports::current()?;
    ports.booking.availability(&caller, request.community_id).await
}

/// Books a slot. Residents only.
#[server(prefix = "/api", endpoint = "booking/book", input = server_fn::codec::Json)]
pub async fn book_slot(#[server(flatten)] request: BookRequest) -> Result<BookingView, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Resident])?;
    ports.booking.book(&caller, request).await
}

/// The caller's bookings, upcoming and past. Residents only.
#[server(prefix = "/api", endpoint = "booking/mine", input = server_fn::codec::Json)]
pub async fn list_my_bookings(#[server(flatten)] _request: Empty) -> Result<MyBookings, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Resident])?;
    ports.booking.my_bookings(&caller).await
}

/// Cancels one of the caller's bookings, with a reason, up to the cut-off.
#[server(prefix = "/api", endpoint = "booking/cancel", input = server_fn::codec::Json)]
pub async fn cancel_booking(#[server(flatten)] request: CancelRequest) -> Result<BookingView, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Resident])?;
    ports.booking.cancel(&caller, request.booking_id, request.reason).await
}

/// Moves one of the caller's bookings to another free slot of the same community.
#[server(prefix = "/api", endpoint = "booking/reschedule", input = server_fn::codec::Json)]
pub async fn reschedule_booking(#[server(flatten)] request: RescheduleRequest) -> Result<BookingView, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Resident])?;
    ports.booking.reschedule(&caller, request).await
}

/// Rates a completed consultation, once.
#[server(prefix = "/api", endpoint = "booking/rate", input = server_fn::codec::Json)]
pub async fn rate_booking(#[server(flatten)] request: RateRequest) -> Result<BookingView, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Resident])?;
    ports.booking.rate(&caller, request).await
}

/// Joins the waitlist of a full slot; the first in line is told when a seat frees.
#[server(prefix = "/api", endpoint = "booking/waitlist", input = server_fn::codec::Json)]
pub async fn join_waitlist(#[server(flatten)] request: WaitlistRequest) -> Result<WaitlistJoined, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Resident])?;
    ports.booking.join_waitlist(&caller, request).await
}
