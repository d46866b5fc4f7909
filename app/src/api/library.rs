//! The public library (资料共享): templates and guides anyone may find and download; lawyers and
//! staff publish them and add versions.

use crate::error::AppError;
use crate::model::{DocumentDetail, DocumentRequest, DocumentSummary, LibraryQuery, PublishRequest, ReviseRequest};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

#[cfg(feature = "ssr")]
const PUBLISHERS: &[Role] = &[Role::Lawyer, Role::Staff, Role::Admin];

/// Documents matching words (in title, tags or summary) and/or a category.
#[server(prefix = "/api", endpoint = "library/search", input = server_fn::codec::Json)]
pub async fn search_library(#[server(flatten)] request: LibraryQuery) -> Result<Vec<DocumentSummary>, AppError> {
    let (ports, caller) = ports::current()?;
    ports.library.search(&caller, request).await
}

/// One document with every version.
#[server(prefix = "/api", endpoint = "library/document", input = server_fn::codec::Json)]
pub async fn get_document(#[server(flatten)] request: DocumentRequest) -> Result<DocumentDetail, AppError> {
    let (ports, caller) = ports::current()?;
    ports.library.document(&caller, request.document_id).await
}

/// Publishes an upload as a new document.
#[server(prefix = "/api", endpoint = "library/publish", input = server_fn::codec::Json)]
pub async fn publish_document(#[server(flatten)] request: PublishRequest) -> Result<DocumentDetail, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(PUBLISHERS)?;
    ports.library.publish(&caller, request).await
}

/// Adds a version (its publisher, or staff).
#[server(prefix = "/api", endpoint = "library/revise", input = server_fn::codec::Json)]
pub async fn revise_document(#[server(flatten)] request: ReviseRequest) -> Result<DocumentDetail, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(PUBLISHERS)?;
    ports.library.revise(&caller, request).await
}
