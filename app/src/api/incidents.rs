//! Emergency teams: staff form a team of lawyers for a named incident and close it; its members
//! log their services against it.

use super::endpoint::{endpoints, Access};
use crate::domain::Role;
use crate::model::{CloseIncident, Empty, Incident, IncidentRecord, IncidentTeam, OpenIncident, ServiceRecord};

endpoints! {
    /// The incidents of the caller's scope (a street's staff: their street's), open ones first,
    /// each with its team and what it did.
    StaffIncidents = "staff/incidents", Empty => Vec<Incident>, Access::STAFF;

    /// Opens an incident in a community in scope with its team.
    OpenIncidentTeam = "staff/open-incident", OpenIncident => Incident, Access::STAFF;

    /// Sets an open incident's team (a member who logged a service against it stays).
    SetIncidentTeam = "staff/incident-team", IncidentTeam => Incident, Access::STAFF;

    /// Closes an incident: no service may be logged against it after its last day.
    CloseIncidentTeam = "staff/close-incident", CloseIncident => Incident, Access::STAFF;

    /// The incidents the calling lawyer is a member of, open ones first.
    MyIncidents = "incidents/mine", Empty => Vec<Incident>, Access::Roles(&[Role::Lawyer]);

    /// The calling member logs a service against an incident, in its community.
    RecordIncidentService = "incidents/record", IncidentRecord => ServiceRecord, Access::Roles(&[Role::Lawyer]);
}
