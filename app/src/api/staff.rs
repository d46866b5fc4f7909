//! What bureau staff watch: the programme's coverage.

use crate::error::AppError;
use crate::model::{
    AssignRequest, Assignments, AuditPage, AuditQuery, Board, BoardRequest, CommunityEdit, CommunityRequest, Empty,
    ImportReport, LawyersCsv, ProgrammeOverview,
};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

/// Counts and the communities that have no A lawyer today. Staff and admins only.
#[server(prefix = "/api", endpoint = "staff/overview", input = server_fn::codec::Json)]
pub async fn get_programme_overview(#[server(flatten)] _request: Empty) -> Result<ProgrammeOverview, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.directory.overview(&caller).await
}

/// The coverage board of a period: figures for the district, each street and each community,
/// and the gaps. Staff and admins only.
#[server(prefix = "/api", endpoint = "staff/board", input = server_fn::codec::Json)]
pub async fn get_board(#[server(flatten)] request: BoardRequest) -> Result<Board, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.directory.board(&caller, request).await
}

/// A community's assignments, newest first, and the lawyers who could take one. Staff and admins.
#[server(prefix = "/api", endpoint = "staff/assignments", input = server_fn::codec::Json)]
pub async fn get_assignments(#[server(flatten)] request: CommunityRequest) -> Result<Assignments, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.directory.assignments(&caller, request.community_id).await
}

/// Hands a community's A, B or coordinator role to a lawyer from a day on; the assignment it
/// replaces ends the day before and stays in the history. Staff and admins.
#[server(prefix = "/api", endpoint = "staff/assign", input = server_fn::codec::Json)]
pub async fn assign(#[server(flatten)] request: AssignRequest) -> Result<Assignments, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.directory.assign(&caller, request).await
}

/// Corrects a community's office address, position and monthly quota. Staff and admins.
#[server(prefix = "/api", endpoint = "staff/community", input = server_fn::codec::Json)]
pub async fn edit_community(#[server(flatten)] request: CommunityEdit) -> Result<Assignments, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.directory.edit_community(&caller, request).await
}

/// Checks a CSV table of lawyers row by row, and adds them when asked and no row is wrong.
/// Staff and admins.
#[server(prefix = "/api", endpoint = "staff/import-lawyers", input = server_fn::codec::Json)]
pub async fn import_lawyers(#[server(flatten)] request: LawyersCsv) -> Result<ImportReport, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.registers.import_lawyers(&caller, request).await
}

/// A page of the audit log, newest first: who did what to which record, filtered by action,
/// actor and subject. Staff and admins.
#[server(prefix = "/api", endpoint = "staff/audit", input = server_fn::codec::Json)]
pub async fn read_audit(#[server(flatten)] query: AuditQuery) -> Result<AuditPage, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.directory.audit(&caller, query).await
}
