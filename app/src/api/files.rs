//! Private files between residents and their lawyers. The bytes go up through
//! `POST /api/files/upload` and come down through `GET /files/<token>` (plain HTTP, see the
//! server's `files` module); these functions attach, list and delete them.

use crate::error::AppError;
use crate::model::{Empty, FileRequest, ShareRequest, SharedFile};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

/// Who shares files on a matter: residents, and the lawyers (and assistants) who serve them.
#[cfg(feature = "ssr")]
const SHARERS: &[Role] = &[Role::Resident, Role::Lawyer, Role::Assistant];

/// Attaches an upload to a resident's matter: 我的资料, or a booking.
#[server(prefix = "/api", endpoint = "files/share", input = server_fn::codec::Json)]
pub async fn share_file(#[server(flatten)] request: ShareRequest) -> Result<SharedFile, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(SHARERS)?;
    ports.files.share(&caller, request).await
}

/// The calling resident's files (我的资料), with what their lawyers shared back.
#[server(prefix = "/api", endpoint = "files/mine", input = server_fn::codec::Json)]
pub async fn my_files(#[server(flatten)] _request: Empty) -> Result<Vec<SharedFile>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Resident])?;
    ports.files.mine(&caller).await
}

/// Residents' files on the matters the calling lawyer works on (all, for staff).
#[server(prefix = "/api", endpoint = "files/residents", input = server_fn::codec::Json)]
pub async fn residents_files(#[server(flatten)] _request: Empty) -> Result<Vec<SharedFile>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Lawyer, Role::Assistant, Role::Staff, Role::Admin])?;
    ports.files.shared_with_me(&caller).await
}

/// Deletes a file the caller shared (a resident may delete any file of theirs at any time).
#[server(prefix = "/api", endpoint = "files/delete", input = server_fn::codec::Json)]
pub async fn delete_file(#[server(flatten)] request: FileRequest) -> Result<Empty, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(SHARERS)?;
    ports.files.delete(&caller, &request.token).await.map(|()| Empty {})
}
