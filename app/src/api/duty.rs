//! Duty days and service records: lawyers (and their assistants) log each duty and each free
//! service; lawyers confirm their month; staff lock it and decide corrections.

use super::endpoint::{endpoints, Access};
use crate::domain::Role;
use crate::model::{
    CheckInRequest, CheckOutRequest, Correction, CorrectionDecision, CorrectionRequest, DutyLog, Empty, LawyerRef,
    LawyerRequest, MonthRequest, MonthReviewRequest, MonthSummary, OnDuty, ServiceRecord, ServiceRecordRequest,
};

endpoints! {
    /// The lawyers the caller logs for: themselves, or those they assist.
    ListDutyLawyers = "duty/lawyers", Empty => Vec<LawyerRef>, Access::ADVISERS;

    /// The lawyer's duty in progress, if any.
    GetDutyStatus = "duty/status", LawyerRequest => OnDuty, Access::ADVISERS;

    /// Starts a duty at a community the lawyer serves; the position, when given, verifies it.
    CheckIn = "duty/check-in", CheckInRequest => DutyLog, Access::ADVISERS;

    /// Ends the lawyer's duty in progress.
    CheckOut = "duty/check-out", CheckOutRequest => DutyLog, Access::ADVISERS;

    /// Records a free service; the same `client_key` sent again records nothing new.
    RecordService = "duty/record", ServiceRecordRequest => ServiceRecord, Access::ADVISERS;

    /// A lawyer's month: duty-days, services, bookings, ratings, gaps and leave.
    GetDutyMonth = "duty/month", MonthRequest => MonthSummary, Access::DESK;

    /// The lawyer confirms or disputes their month.
    ReviewDutyMonth = "duty/review", MonthReviewRequest => MonthSummary, Access::Roles(&[Role::Lawyer]);

    /// Staff lock a lawyer's month for the report, keeping its figures as they are now.
    LockDutyMonth = "duty/lock", MonthRequest => MonthSummary, Access::STAFF;

    /// Asks staff to add or change a duty after the fact.
    RequestCorrection = "duty/correct", CorrectionRequest => Correction, Access::ADVISERS;

    /// Corrections: staff see those waiting; lawyers and assistants their own.
    ListCorrections = "duty/corrections", Empty => Vec<Correction>, Access::DESK;

    /// Staff approve (apply) or reject a correction.
    DecideCorrection = "duty/decide-correction", CorrectionDecision => Correction, Access::STAFF;
}
