//! What bureau staff watch: the programme's coverage.

use super::endpoint::{endpoints, Access};
use crate::model::{
    AssignRequest, Assignments, AuditPage, AuditQuery, Board, BoardRequest, CommunityEdit, CommunityRequest, Empty,
    ImportReport, LawyersCsv, MessageCounts, MessagesRequest, ProgrammeOverview,
};

endpoints! {
    /// Counts and the communities that have no A lawyer today. Staff and admins only.
    GetProgrammeOverview = "staff/overview", Empty => ProgrammeOverview, Access::STAFF;

    /// The coverage board of a period: figures for the district, each street and each community,
    /// and the gaps. Staff and admins only.
    GetBoard = "staff/board", BoardRequest => Board, Access::STAFF;

    /// A community's assignments, newest first, and the lawyers who could take one. Staff and admins.
    GetAssignments = "staff/assignments", CommunityRequest => Assignments, Access::STAFF;

    /// Hands a community's A, B or coordinator role to a lawyer from a day on; the assignment it
    /// replaces ends the day before and stays in the history. Staff and admins.
    Assign = "staff/assign", AssignRequest => Assignments, Access::STAFF;

    /// Corrects a community's office address, position and monthly quota. Staff and admins.
    EditCommunity = "staff/community", CommunityEdit => Assignments, Access::STAFF;

    /// Checks a CSV table of lawyers row by row, and adds them when asked and no row is wrong.
    /// Staff and admins.
    ImportLawyers = "staff/import-lawyers", LawyersCsv => ImportReport, Access::District;

    /// A page of the audit log, newest first: who did what to which record, filtered by action,
    /// actor and subject. Staff and admins.
    ReadAudit = "staff/audit", AuditQuery => AuditPage, Access::District;

    /// Text messages of a period by kind: queued, sent, on the phone, failed, waiting; and why
    /// they failed. The district's staff and admins.
    GetMessageCounts = "staff/messages", MessagesRequest => MessageCounts, Access::District;
}
