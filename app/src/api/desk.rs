//! The lawyers' desk: bookings to handle and the duty schedule. Lawyers and assistants act on
//! the communities they serve; staff and admins on any.

use crate::error::AppError;
use crate::model::{
    AddDutyRequest, CommunityRequest, CommunitySummary, DeskBooking, DeskListRequest, DeskRequest,
    DutyExceptionRequest, DutySchedule, Empty, LeaveRecorded, LeaveRequest,
};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

#[cfg(feature = "ssr")]
const DESK_ROLES: &[Role] = &[Role::Lawyer, Role::Assistant, Role::Staff, Role::Admin];

/// Bookings from today on, soonest first.
#[server(prefix = "/api", endpoint = "desk/bookings", input = server_fn::codec::Json)]
pub async fn list_desk_bookings(#[server(flatten)] request: DeskListRequest) -> Result<Vec<DeskBooking>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(DESK_ROLES)?;
    ports.booking.desk(&caller, request.community_id).await
}

/// Confirm, decline, complete, no-show, or note a booking.
#[server(prefix = "/api", endpoint = "desk/decide", input = server_fn::codec::Json)]
pub async fn decide_booking(#[server(flatten)] request: DeskRequest) -> Result<DeskBooking, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(DESK_ROLES)?;
    ports.booking.decide(&caller, request).await
}

/// The communities whose desk the caller works.
#[server(prefix = "/api", endpoint = "desk/communities", input = server_fn::codec::Json)]
pub async fn list_desk_communities(#[server(flatten)] _request: Empty) -> Result<Vec<CommunitySummary>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(DESK_ROLES)?;
    ports.booking.desk_communities(&caller).await
}

/// A community's recurring duty.
#[server(prefix = "/api", endpoint = "desk/schedule", input = server_fn::codec::Json)]
pub async fn get_duty_schedule(#[server(flatten)] request: CommunityRequest) -> Result<DutySchedule, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(DESK_ROLES)?;
    ports.booking.schedule(&caller, request.community_id).await
}

/// Adds a recurring duty period. Lawyers and staff.
#[server(prefix = "/api", endpoint = "desk/add-duty", input = server_fn::codec::Json)]
pub async fn add_duty_period(#[server(flatten)] request: AddDutyRequest) -> Result<DutySchedule, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Lawyer, Role::Staff, Role::Admin])?;
    ports.booking.add_duty(&caller, request).await
}

/// Closes a desk on a date, or opens it extra. Lawyers and staff.
#[server(prefix = "/api", endpoint = "desk/add-exception", input = server_fn::codec::Json)]
pub async fn add_duty_exception(#[server(flatten)] request: DutyExceptionRequest) -> Result<(), AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Lawyer, Role::Staff, Role::Admin])?;
    ports.booking.add_exception(&caller, request).await
}

/// Records a lawyer's leave. Lawyers for themselves; staff for anyone.
#[server(prefix = "/api", endpoint = "desk/leave", input = server_fn::codec::Json)]
pub async fn record_leave(#[server(flatten)] request: LeaveRequest) -> Result<LeaveRecorded, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Lawyer, Role::Staff, Role::Admin])?;
    ports.booking.record_leave(&caller, request).await
}
