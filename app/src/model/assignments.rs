//! What staff send and read to keep the programme's register: a community's assignments and
//! its office, lawyers imported from a table.

use crate::domain::AssignmentRole;
use serde::{Deserialize, Serialize};

/// One assignment of a community's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AssignmentLine {
    /// Assignment id.
    pub id: i64,
    /// A, B or coordinator.
    pub role: AssignmentRole,
    /// The lawyer.
    pub lawyer_id: i64,
    /// … their name.
    pub lawyer_name: String,
    /// First day.
    pub starts_on: String,
    /// Last day; none while it runs.
    pub ends_on: Option<String>,
}

/// A community's assignments, newest first, and the lawyers who could take one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Assignments {
    /// Community id.
    pub community_id: i64,
    /// Its name.
    pub community_name: String,
    /// Where its office is.
    pub office_address: String,
    /// The office's position, when known.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Duty-days its quota asks a month.
    pub duty_days_per_month: i64,
    /// Every assignment it has had, newest first.
    pub history: Vec<AssignmentLine>,
    /// Every lawyer, by name.
    pub lawyers: Vec<crate::model::LawyerRef>,
}

/// Lawyers to add from a CSV table with the columns 律师姓名, 律师事务所, 执业证号 (or name,
/// firm, licence_no); checked only, or written too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LawyersCsv {
    pub csv: String,
    /// Write them (only when no row is wrong); otherwise only check.
    pub write: bool,
    /// An Excel workbook (`.xlsx`, base64) whose first sheet is the table, read instead of `csv`.
    #[serde(default)]
    pub workbook: Option<String>,
}

/// One row of an import as read, with what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ImportRow {
    /// Its line in the table (the header is line 1).
    pub line: i64,
    pub name: String,
    pub firm: String,
    pub licence_no: String,
    pub error: Option<String>,
}

/// Every row of an import, and whether they were written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ImportReport {
    pub rows: Vec<ImportRow>,
    pub written: bool,
}

/// A community's office and quota, as staff correct them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CommunityEdit {
    pub community_id: i64,
    pub office_address: String,
    /// Both or neither.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub duty_days_per_month: i64,
}

/// Hands a community's role to a lawyer from a day on; the assignment it replaces ends the day
/// before, and stays in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AssignRequest {
    /// Community id.
    pub community_id: i64,
    /// A, B or coordinator.
    pub role: AssignmentRole,
    /// The lawyer who takes it.
    pub lawyer_id: i64,
    /// From this day (`YYYY-MM-DD`).
    pub starts_on: String,
}
