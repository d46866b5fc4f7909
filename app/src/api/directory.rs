//! Streets, communities and their adviser teams. Public: residents look before signing in.

use crate::error::AppError;
use crate::model::{CommunityDetail, CommunityRequest, CommunitySummary, Empty, ListCommunitiesRequest, Street};
#[cfg(feature = "ssr")]
use crate::ports;
use leptos::server;

/// The longest name fragment a search accepts.
pub const MAX_QUERY_CHARS: usize = 32;

/// Every street with its number of communities.
#[server(prefix = "/api", endpoint = "directory/streets", input = server_fn::codec::Json)]
pub async fn list_streets(#[server(flatten)] _request: Empty) -> Result<Vec<Street>, AppError> {
    let (ports, caller) = ports::current()?;
    ports.directory.streets(&caller).await
}

/// Communities of a street, or matching a name.
#[server(prefix = "/api", endpoint = "directory/communities", input = server_fn::codec::Json)]
pub async fn list_communities(
    #[server(flatten)] request: ListCommunitiesRequest,
) -> Result<Vec<CommunitySummary>, AppError> {
    let (ports, caller) = ports::current()?;
    let query = request.query.as_deref().map(str::trim).filter(|q| !q.is_empty());
    if query.is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS) {
        return Err(AppError::invalid("query", caller.lang.texts().err_bad_request));
    }
    ports.directory.communities(&caller, request.street_id, query).await
}

/// One community: its office and its adviser team.
#[server(prefix = "/api", endpoint = "directory/community", input = server_fn::codec::Json)]
pub async fn get_community(#[server(flatten)] request: CommunityRequest) -> Result<CommunityDetail, AppError> {
    let (ports, caller) = ports::current()?;
    ports.directory.community(&caller, request.community_id).await
}
