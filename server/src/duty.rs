//! Duty days and service records: the server's side of `app::ports::DutyPort`.
//!
//! A duty is a row of `duty_logs` from check-in to check-out; a duty-day is one lawyer at one
//! community on one date (the check-in's), however many duties it holds. The database allows one
//! open duty per lawyer (a unique index), so overlapping duties cannot be logged even by two
//! requests at once. Service records share one table with the consultations that completed
//! bookings record, each at most once (unique booking id; unique device key per person).

pub(crate) mod access;
mod corrections;
pub mod logs;
mod month;
mod records;

use crate::store::Store;
use app::error::AppError;
use app::model::{
    CheckInRequest, CheckOutRequest, Correction, CorrectionDecision, CorrectionRequest, DutyLog, LawyerRef,
    MonthRequest, MonthReviewRequest, MonthSummary, OnDuty, ServiceRecord, ServiceRecordRequest,
};
use app::ports::{Caller, DutyPort};
use async_trait::async_trait;

/// Duty logging over the store.
#[derive(Clone, Debug)]
pub struct DutyService {
    store: Store,
}

impl DutyService {
    /// Duty logging over `store`.
    pub fn new(store: Store) -> DutyService {
        DutyService { store }
    }
}

#[async_trait]
impl DutyPort for DutyService {
    async fn lawyers(&self, caller: &Caller) -> Result<Vec<LawyerRef>, AppError> {
        access::lawyers(&self.store, caller).await
    }

    async fn on_duty(&self, caller: &Caller, lawyer_id: i64) -> Result<OnDuty, AppError> {
        logs::on_duty(&self.store, caller, lawyer_id).await
    }

    async fn check_in(&self, caller: &Caller, request: CheckInRequest) -> Result<DutyLog, AppError> {
        logs::check_in(&self.store, caller, request).await
    }

    async fn check_out(&self, caller: &Caller, request: CheckOutRequest) -> Result<DutyLog, AppError> {
        logs::check_out(&self.store, caller, request).await
    }

    async fn record_service(&self, caller: &Caller, request: ServiceRecordRequest) -> Result<ServiceRecord, AppError> {
        records::record(&self.store, caller, request).await
    }

    async fn month(&self, caller: &Caller, request: MonthRequest) -> Result<MonthSummary, AppError> {
        month::summary(&self.store, caller, request).await
    }

    async fn review_month(&self, caller: &Caller, request: MonthReviewRequest) -> Result<MonthSummary, AppError> {
        month::review(&self.store, caller, request).await
    }

    async fn lock_month(&self, caller: &Caller, request: MonthRequest) -> Result<MonthSummary, AppError> {
        month::lock(&self.store, caller, request).await
    }

    async fn request_correction(&self, caller: &Caller, request: CorrectionRequest) -> Result<Correction, AppError> {
        corrections::request(&self.store, caller, request).await
    }

    async fn corrections(&self, caller: &Caller) -> Result<Vec<Correction>, AppError> {
        corrections::list(&self.store, caller).await
    }

    async fn decide_correction(&self, caller: &Caller, request: CorrectionDecision) -> Result<Correction, AppError> {
        corrections::decide(&self.store, caller, request).await
    }
}
