//! The programme's registers: staff accounts (admins); lawyers and firms, streets and communities
//! (the district's staff); assignments in bulk (staff).

use crate::error::AppError;
use crate::model::{
    AssignmentImportReport, AssignmentsCsv, CommunityPlace, Empty, FirmEdit, LawyerEdit, LawyersQuery, LawyersRegister,
    MemberAdd, MemberRemove, Places, PlacesRequest, StaffAccountEdit, StaffAccounts, StreetEdit,
};
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

/// The lawyers' register: lawyers matching a filter, their roles today, every firm. The
/// district's staff and admins.
#[server(prefix = "/api", endpoint = "staff/lawyers", input = server_fn::codec::Json)]
pub async fn get_lawyers(#[server(flatten)] query: LawyersQuery) -> Result<LawyersRegister, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.lawyers(&caller, query).await
}

/// Corrects a lawyer's name, firm, licence number and verification. The district's staff.
#[server(prefix = "/api", endpoint = "staff/save-lawyer", input = server_fn::codec::Json)]
pub async fn save_lawyer(#[server(flatten)] edit: LawyerEdit) -> Result<LawyersRegister, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.save_lawyer(&caller, edit).await
}

/// Creates or corrects a law firm. The district's staff.
#[server(prefix = "/api", endpoint = "staff/save-firm", input = server_fn::codec::Json)]
pub async fn save_firm(#[server(flatten)] edit: FirmEdit) -> Result<LawyersRegister, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.save_firm(&caller, edit).await
}

/// Every street, and the communities of the street asked for. The district's staff and admins.
#[server(prefix = "/api", endpoint = "staff/places", input = server_fn::codec::Json)]
pub async fn get_places(#[server(flatten)] request: PlacesRequest) -> Result<Places, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.places(&caller, request).await
}

/// Creates, renames or reorders a street. The district's staff.
#[server(prefix = "/api", endpoint = "staff/save-street", input = server_fn::codec::Json)]
pub async fn save_street(#[server(flatten)] edit: StreetEdit) -> Result<Places, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.save_street(&caller, edit).await
}

/// Creates a community, or renames it and moves it to another street. The district's staff.
#[server(prefix = "/api", endpoint = "staff/save-community", input = server_fn::codec::Json)]
pub async fn save_community(#[server(flatten)] place: CommunityPlace) -> Result<Places, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.save_community(&caller, place).await
}

/// Adds a member (assistant, volunteer, expert) to a lawyer's team. The district's staff.
#[server(prefix = "/api", endpoint = "staff/add-member", input = server_fn::codec::Json)]
pub async fn add_member(#[server(flatten)] add: MemberAdd) -> Result<LawyersRegister, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.add_member(&caller, add).await
}

/// Takes a member off a lawyer's team. The district's staff.
#[server(prefix = "/api", endpoint = "staff/remove-member", input = server_fn::codec::Json)]
pub async fn remove_member(#[server(flatten)] remove: MemberRemove) -> Result<LawyersRegister, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.remove_member(&caller, remove).await
}
