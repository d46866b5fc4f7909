//! What bureau staff watch: the programme's coverage.

use crate::error::AppError;
use crate::model::{Board, BoardRequest, Empty, ProgrammeOverview};
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
