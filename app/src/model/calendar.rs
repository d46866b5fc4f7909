//! The district calendar on the wire: holidays and make-up working days, one year at a time.

use crate::domain::{BookingRules, DayKind};
use serde::{Deserialize, Serialize};

/// A day of the calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CalendarDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Off or worked.
    pub kind: DayKind,
    /// 国庆节, 春节调休…
    pub name: String,
    /// For a make-up working day, the weekday (1 Monday – 5 Friday) whose duty it runs.
    #[serde(default)]
    pub works_as: Option<u8>,
}

/// Names a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct YearRequest {
    /// 2026.
    pub year: i32,
}

/// Names a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DayRequest {
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// A year's calendar, with what needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CalendarYear {
    /// The year.
    pub year: i32,
    /// Its days, in date order.
    pub days: Vec<CalendarDay>,
}

/// A year's calendar from a small table (date, kind, name, and for a make-up day the weekday it
/// runs as): checked row by row, and when asked and no row is wrong, written in place of the
/// year's days in one transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CalendarImport {
    /// The year every row must fall in.
    pub year: i32,
    /// CSV text with a header row (`date,kind,name,works_as` or 日期,类型,名称,按星期).
    pub csv: String,
    /// An Excel workbook (`.xlsx`, base64) whose first sheet is the table, read instead of `csv`.
    #[serde(default)]
    pub workbook: Option<String>,
    /// Write it (only when no row is wrong); otherwise only check.
    pub write: bool,
}

/// One row of a calendar table as read, with what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CalendarRow {
    /// Its line in the table (the header is line 1).
    pub line: i64,
    /// The date as written.
    pub date: String,
    /// The kind as written.
    pub kind: String,
    /// The name.
    pub name: String,
    /// The weekday as written.
    pub works_as: String,
    /// What is wrong, in words.
    pub error: Option<String>,
}

/// Every row of a calendar table, and whether the year was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CalendarReport {
    /// The rows.
    pub rows: Vec<CalendarRow>,
    /// Whether the year's calendar was replaced by them.
    pub written: bool,
}

/// What is still missing before residents can be served: the workbench home's setup list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct SetupChecklist {
    /// Communities in the programme.
    pub communities: i64,
    /// Communities with no A lawyer today.
    pub without_a_lawyer: Missing,
    /// Communities with no weekly duty from today on (residents cannot book them).
    pub without_schedule: Missing,
    /// Lawyers who cannot sign in (no account, or no password set).
    pub lawyers_without_password: Missing,
    /// This year.
    pub year: i32,
    /// Days of this year's calendar (none: holidays are not known).
    pub calendar_days: i64,
}

/// How many things lack something, and the first few by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Missing {
    /// How many.
    pub count: i64,
    /// The first ten, by name.
    pub names: Vec<String>,
}

impl SetupChecklist {
    /// Nothing missing.
    pub fn complete(&self) -> bool {
        self.communities > 0
            && self.without_a_lawyer.count == 0
            && self.without_schedule.count == 0
            && self.lawyers_without_password.count == 0
            && self.calendar_days > 0
    }
}

/// The booking rules in force: the district's, and those of the communities (in the caller's
/// scope) that have their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct BookingRulesView {
    /// The district's rules (the defaults until set).
    pub district: BookingRules,
    /// Whether the district has set its own.
    pub district_set: bool,
    /// Communities with rules of their own, by street and name.
    pub communities: Vec<CommunityRules>,
}

/// A community's own booking rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CommunityRules {
    /// The community.
    pub community_id: i64,
    /// Its name.
    pub community_name: String,
    /// Its street's name.
    pub street_name: String,
    /// Its rules, in place of the district's.
    pub rules: BookingRules,
}

/// Sets the district's rules (no community) or one community's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct BookingRulesEdit {
    /// The community, or none for the whole district.
    #[serde(default)]
    pub community_id: Option<i64>,
    /// The rules.
    pub rules: BookingRules,
}
