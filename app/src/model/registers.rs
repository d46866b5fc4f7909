//! The programme's registers kept by district staff and admins: staff accounts, lawyers and
//! their firms, and assignments imported from a table.

use crate::domain::Role;
use crate::model::Street;
use serde::{Deserialize, Serialize};

/// A staff or admin account as admins see it; no secret leaves the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct StaffAccount {
    /// Account id.
    pub id: i64,
    /// Sign-in name.
    pub login: String,
    /// Name shown, e.g. 沙井街道司法所.
    pub display_name: String,
    /// The mobile number second-factor codes go to, with its middle digits hidden.
    pub phone_masked: Option<String>,
    /// Staff or admin.
    pub role: Role,
    /// A street's staff: the street they see; `None` for the district.
    pub street_id: Option<i64>,
    /// Whether the account is disabled.
    pub disabled: bool,
}

/// Every staff and admin account, and the streets one may be given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct StaffAccounts {
    /// By role, then login.
    pub accounts: Vec<StaffAccount>,
    /// The programme's streets.
    pub streets: Vec<Street>,
}

/// An account to create (`id` none) or change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct StaffAccountEdit {
    /// The account changed; none to create one.
    #[serde(default)]
    pub id: Option<i64>,
    /// Sign-in name: 3–32 of a–z, 0–9, `.`, `_`, `-`.
    pub login: String,
    /// Name shown.
    pub display_name: String,
    /// Mainland mobile number; required of admins (their second factor), optional for staff.
    /// Empty keeps an account's current number.
    #[serde(default)]
    pub phone: String,
    /// Staff or admin.
    pub role: Role,
    /// The street of a street's staff; none for the district (always none for admins).
    #[serde(default)]
    pub street_id: Option<i64>,
    /// A new password (at least 10 characters); empty keeps the current one. Required to create.
    #[serde(default)]
    pub password: String,
    /// Disables (or enables again) the account; its sessions end at once.
    #[serde(default)]
    pub disabled: bool,
    /// The receiving body of an `agency` account (required of it, refused of any other).
    #[serde(default)]
    pub organisation_id: Option<i64>,
}

/// A table of assignments to check, and to write when `write` is set and no row is wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AssignmentsCsv {
    /// CSV text: 社区, 角色 (A/B/联络员), 执业证号, 开始日期 — or community, role, licence_no,
    /// starts_on — with a header row.
    pub csv: String,
    /// Write when no row is wrong; otherwise only check.
    pub write: bool,
    /// An Excel workbook (`.xlsx`, base64) whose first sheet is the table, read instead of `csv`.
    #[serde(default)]
    pub workbook: Option<String>,
}

/// One row of an assignments table as read, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AssignmentImportRow {
    /// Line number in the table (the header is line 1).
    pub line: usize,
    /// Community as written.
    pub community: String,
    /// Role as written.
    pub role: String,
    /// Licence number as written.
    pub licence_no: String,
    /// Start as written.
    pub starts_on: String,
    /// The lawyer's name, when the licence number is known.
    pub lawyer_name: Option<String>,
    /// Why the row cannot be written; none when it can.
    pub error: Option<String>,
}

/// What an assignments import found, and whether it was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AssignmentImportReport {
    /// Every row, in order.
    pub rows: Vec<AssignmentImportRow>,
    /// Whether the rows were written.
    pub written: bool,
}

/// Which lawyers of the register to show.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LawyersQuery {
    /// Part of a name, firm or licence number; empty for all.
    #[serde(default)]
    pub text: String,
}

/// A law firm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Firm {
    /// Firm id.
    pub id: i64,
    /// Name, e.g. 广东某某律师事务所.
    pub name: String,
    /// Office address.
    pub address: String,
}

/// A lawyer as the register holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct RegisterLawyer {
    /// Lawyer id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Their firm.
    pub firm_id: i64,
    /// … by name.
    pub firm: String,
    /// 执业证号, 17 digits.
    pub licence_no: String,
    /// When staff verified the licence against the bar's register; none until they have.
    pub verified_at: Option<crate::time::Instant>,
    /// Their roles today, e.g. "后亭社区 A".
    pub serving: Vec<String>,
    /// The last day they served, once they have left the programme.
    #[serde(default)]
    pub last_day: Option<String>,
    /// Their team: assistants, volunteers, experts.
    #[serde(default)]
    pub members: Vec<MemberLine>,
}

/// A member of a lawyer's team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MemberLine {
    /// Member id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// `assistant`, `volunteer` or `expert`.
    pub kind: String,
    /// Whether the member signs in (an assistant who works the lawyer's desk).
    pub signs_in: bool,
}

/// A member added to a lawyer's team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MemberAdd {
    /// The lawyer.
    pub lawyer_id: i64,
    /// Name, 1–40 characters.
    pub name: String,
    /// `assistant`, `volunteer` or `expert`.
    pub kind: String,
}

/// A member taken off a lawyer's team (an assistant who signs in loses the lawyer's desk).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct MemberRemove {
    /// The member.
    pub member_id: i64,
}

/// A page of the register, and every firm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LawyersRegister {
    /// By name; at most 200.
    pub lawyers: Vec<RegisterLawyer>,
    /// Whether more lawyers match than are listed.
    pub more: bool,
    /// Every firm, by name.
    pub firms: Vec<Firm>,
}

/// A lawyer's record corrected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LawyerEdit {
    /// The lawyer.
    pub lawyer_id: i64,
    /// Name, 1–40 characters.
    pub name: String,
    /// Their firm.
    pub firm_id: i64,
    /// 执业证号, 17 digits, unique.
    pub licence_no: String,
    /// Whether the licence has been verified (a change of licence number clears it).
    pub verified: bool,
}

/// A lawyer's sign-in to the workbench, set by the district's staff: the phone they sign in
/// with and a first password (a lawyer who has one keeps it when `password` is empty).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LawyerAccountEdit {
    /// The lawyer.
    pub lawyer_id: i64,
    /// Their mobile number.
    pub phone: String,
    /// At least 10 characters; empty keeps the current one.
    #[serde(default)]
    pub password: String,
}

/// A firm created (`firm_id` none) or corrected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct FirmEdit {
    /// The firm changed; none to create one.
    #[serde(default)]
    pub firm_id: Option<i64>,
    /// Name, 1–80 characters, unique.
    pub name: String,
    /// Address, up to 200 characters.
    #[serde(default)]
    pub address: String,
}

/// A street created (`street_id` none), renamed or put in another place in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct StreetEdit {
    /// The street changed; none to create one.
    #[serde(default)]
    pub street_id: Option<i64>,
    /// Name, 1–40 characters, unique, e.g. 沙井街道.
    pub name: String,
    /// Where it stands in lists (smaller first).
    #[serde(default)]
    pub sort_order: i64,
}

/// A community created in a street (`community_id` none), or renamed and moved to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CommunityPlace {
    /// The community changed; none to create one.
    #[serde(default)]
    pub community_id: Option<i64>,
    /// Its street.
    pub street_id: i64,
    /// Name, 1–40 characters, unique in its street.
    pub name: String,
    /// A new community's office address (its office is corrected on its team page afterwards).
    #[serde(default)]
    pub office_address: String,
}

/// Which street's communities to list with the streets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct PlacesRequest {
    /// The street; none for the streets alone.
    #[serde(default)]
    pub street_id: Option<i64>,
}

/// The streets with their communities, for the page that creates and moves them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Places {
    /// Streets in their order.
    pub streets: Vec<Street>,
    /// The communities of the street asked for.
    pub communities: Vec<crate::model::CommunitySummary>,
    /// Streets that have left the programme, with their last day.
    #[serde(default)]
    pub retired_streets: Vec<RetiredPlace>,
    /// The street's communities that have left the programme, with their last day.
    #[serde(default)]
    pub retired_communities: Vec<RetiredPlace>,
}

/// A street or community that has left the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct RetiredPlace {
    pub id: i64,
    pub name: String,
    /// Its last day of service, `YYYY-MM-DD`.
    pub last_day: String,
}
