//! Emergency teams (应急法律服务队): staff form a team of lawyers for a named incident, its members
//! log their services against it, and the incident is counted on its own line.

use super::ServiceRecordRequest;
use serde::{Deserialize, Serialize};

/// Staff open an incident in a community of their scope with its first team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct OpenIncident {
    /// What happened, as the bureau names it (such as 某厂欠薪群体纠纷).
    pub name: String,
    pub community_id: i64,
    /// The day the team was formed, `YYYY-MM-DD`, not after today.
    pub opened_on: String,
    #[serde(default)]
    pub note: String,
    pub lawyer_ids: Vec<i64>,
}

/// Staff set an open incident's team; a member who logged a service against it stays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct IncidentTeam {
    pub id: i64,
    pub lawyer_ids: Vec<i64>,
}

/// Staff close an incident: `closed_on` is the last day services may be logged against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CloseIncident {
    pub id: i64,
    pub closed_on: String,
}

/// A member of an incident's team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct IncidentMember {
    pub lawyer_id: i64,
    pub name: String,
    pub firm: String,
    /// Services this member logged against the incident.
    pub services: i64,
}

/// An incident as its line reads: where, when, the team and what it did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Incident {
    pub id: i64,
    pub name: String,
    pub community_id: i64,
    pub community: String,
    pub street: String,
    pub note: String,
    pub opened_on: String,
    pub closed_on: Option<String>,
    pub members: Vec<IncidentMember>,
    pub services: i64,
    pub people_served: i64,
}

/// A member logs a service against an incident: the record is the incident's community's, and
/// its lawyer the caller (`lawyer_id` and `community_id` of `record` are not read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct IncidentRecord {
    pub incident_id: i64,
    pub record: ServiceRecordRequest,
}
