//! Duty days and service records: checking in and out, services, the lawyer's month and its
//! corrections.
//!
//! A duty is a row of `duty_logs` from check-in to check-out; a duty-day is one lawyer at one
//! community on one date (the check-in's), however many duties it holds. The database allows one
//! open duty per lawyer (a unique index), so overlapping duties cannot be logged even by two
//! requests at once. Service records share one table with the consultations that completed
//! bookings record, each at most once (unique booking id; unique device key per person).

pub mod access;
pub mod corrections;
pub mod logs;
pub mod month;
pub mod records;

pub use records::record_for as record_service;
