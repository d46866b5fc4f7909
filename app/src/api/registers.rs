//! The programme's registers: staff accounts (admins) and assignments in bulk (staff).

use crate::error::AppError;
use crate::model::{AssignmentImportReport, AssignmentsCsv, Empty, StaffAccountEdit, StaffAccounts};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

/// Every staff and admin account, and the streets. Admins only.
#[server(prefix = "/api", endpoint = "admin/staff-accounts", input = server_fn::codec::Json)]
pub async fn get_staff_accounts(#[server(flatten)] _request: Empty) -> Result<StaffAccounts, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Admin])?;
    ports.registers.staff_accounts(&caller).await
}

/// Creates or changes a staff or admin account: role, street, phone, password, disabled. Admins.
#[server(prefix = "/api", endpoint = "admin/save-staff-account", input = server_fn::codec::Json)]
pub async fn save_staff_account(#[server(flatten)] edit: StaffAccountEdit) -> Result<StaffAccounts, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Admin])?;
    ports.registers.save_staff_account(&caller, edit).await
}

/// Checks a CSV table of assignments row by row, and makes them when asked and no row is wrong.
/// Staff and admins (a street's staff, for their street).
#[server(prefix = "/api", endpoint = "staff/import-assignments", input = server_fn::codec::Json)]
pub async fn import_assignments(
    #[server(flatten)] request: AssignmentsCsv,
) -> Result<AssignmentImportReport, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.import_assignments(&caller, request).await
}
