//! Streets, communities and their adviser teams. Public: residents look before signing in.

use super::endpoint::{endpoints, Access};
use crate::model::{CommunityDetail, CommunityRequest, CommunitySummary, Empty, ListCommunitiesRequest, Street};

endpoints! {
    /// Every street with its number of communities.
    ListStreets = "directory/streets", Empty => Vec<Street>, Access::Anyone;

    /// Communities of a street, or matching a name.
    ListCommunities = "directory/communities", ListCommunitiesRequest => Vec<CommunitySummary>, Access::Anyone;

    /// One community: its office and its adviser team.
    GetCommunity = "directory/community", CommunityRequest => CommunityDetail, Access::Anyone;
}
