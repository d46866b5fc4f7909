//! Duty days and service records: lawyers (and their assistants) log each duty and each free
//! service; lawyers confirm their month; staff lock it and decide corrections.

use crate::error::AppError;
use crate::model::{
    CheckInRequest, CheckOutRequest, Correction, CorrectionDecision, CorrectionRequest, DutyLog, Empty, LawyerRef,
    LawyerRequest, MonthRequest, MonthReviewRequest, MonthSummary, OnDuty, ServiceRecord, ServiceRecordRequest,
};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

/// Who logs duty: lawyers, and assistants for their lawyers.
#[cfg(feature = "ssr")]
const LOGGERS: &[Role] = &[Role::Lawyer, Role::Assistant];
#[cfg(feature = "ssr")]
const DESK: &[Role] = &[Role::Lawyer, Role::Assistant, Role::Staff, Role::Admin];

/// The lawyers the caller logs for: themselves, or those they assist.
#[server(prefix = "/api", endpoint = "duty/lawyers", input = server_fn::codec::Json)]
pub async fn list_duty_lawyers(#[server(flatten)] _request: Empty) -> Result<Vec<LawyerRef>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(LOGGERS)?;
    ports.duty.lawyers(&caller).await
}

/// The lawyer's duty in progress, if any.
#[server(prefix = "/api", endpoint = "duty/status", input = server_fn::codec::Json)]
pub async fn get_duty_status(#[server(flatten)] request: LawyerRequest) -> Result<OnDuty, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(LOGGERS)?;
    ports.duty.on_duty(&caller, request.lawyer_id).await
}

/// Starts a duty at a community the lawyer serves; the position, when given, verifies it.
#[server(prefix = "/api", endpoint = "duty/check-in", input = server_fn::codec::Json)]
pub async fn check_in(#[server(flatten)] request: CheckInRequest) -> Result<DutyLog, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(LOGGERS)?;
    ports.duty.check_in(&caller, request).await
}

/// Ends the lawyer's duty in progress.
#[server(prefix = "/api", endpoint = "duty/check-out", input = server_fn::codec::Json)]
pub async fn check_out(#[server(flatten)] request: CheckOutRequest) -> Result<DutyLog, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(LOGGERS)?;
    ports.duty.check_out(&caller, request).await
}

/// Records a free service; the same `client_key` sent again records nothing new.
#[server(prefix = "/api", endpoint = "duty/record", input = server_fn::codec::Json)]
pub async fn record_service(#[server(flatten)] request: ServiceRecordRequest) -> Result<ServiceRecord, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(LOGGERS)?;
    ports.duty.record_service(&caller, request).await
}

/// A lawyer's month: duty-days, services, bookings, ratings, gaps and leave.
#[server(prefix = "/api", endpoint = "duty/month", input = server_fn::codec::Json)]
pub async fn get_duty_month(#[server(flatten)] request: MonthRequest) -> Result<MonthSummary, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(DESK)?;
    ports.duty.month(&caller, request).await
}

/// The lawyer confirms or disputes their month.
#[server(prefix = "/api", endpoint = "duty/review", input = server_fn::codec::Json)]
pub async fn review_duty_month(#[server(flatten)] request: MonthReviewRequest) -> Result<MonthSummary, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Lawyer])?;
    ports.duty.review_month(&caller, request).await
}

/// Staff lock a lawyer's month for the report, keeping its figures as they are now.
#[server(prefix = "/api", endpoint = "duty/lock", input = server_fn::codec::Json)]
pub async fn lock_duty_month(#[server(flatten)] request: MonthRequest) -> Result<MonthSummary, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.duty.lock_month(&caller, request).await
}

/// Asks staff to add or change a duty after the fact.
#[server(prefix = "/api", endpoint = "duty/correct", input = server_fn::codec::Json)]
pub async fn request_correction(#[server(flatten)] request: CorrectionRequest) -> Result<Correction, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(LOGGERS)?;
    ports.duty.request_correction(&caller, request).await
}

/// Corrections: staff see those waiting; lawyers and assistants their own.
#[server(prefix = "/api", endpoint = "duty/corrections", input = server_fn::codec::Json)]
pub async fn list_corrections(#[server(flatten)] _request: Empty) -> Result<Vec<Correction>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(DESK)?;
    ports.duty.corrections(&caller).await
}

/// Staff approve (apply) or reject a correction.
#[server(prefix = "/api", endpoint = "duty/decide-correction", input = server_fn::codec::Json)]
pub async fn decide_correction(#[server(flatten)] request: CorrectionDecision) -> Result<Correction, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.duty.decide_correction(&caller, request).await
}
