//! What bureau staff see and do, on the wire: the coverage board (a period's figures for the
//! district, each street and each community, with the gaps that need someone to act) and the
//! audit log.

use crate::domain::ServiceCategory;
use serde::{Deserialize, Serialize};

/// A period, first and last day inclusive (`YYYY-MM-DD`, Shanghai dates).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct BoardRequest {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// One street's communities; none for the whole programme.
    #[serde(default)]
    pub street: Option<i64>,
}

/// Services of one category in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ServiceCount {
    /// The category.
    pub category: ServiceCategory,
    /// Services recorded.
    pub services: i64,
    /// People they served.
    pub people: i64,
}

/// What the bureau reports of a period, for the district, a street or a community.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Figures {
    /// Duty-days: distinct (lawyer, community, date) with a duty logged.
    pub duty_days: i64,
    /// Duty-days the communities' monthly quotas ask of the period.
    pub quota: i64,
    /// Services by category, categories with none left out.
    pub services: Vec<ServiceCount>,
    /// People served by every service.
    pub people_served: i64,
    /// Bookings of the period's slots that took place.
    pub bookings_completed: i64,
    /// … whose resident did not come.
    pub bookings_no_show: i64,
    /// … cancelled by the resident.
    pub bookings_cancelled: i64,
    /// … still waiting for the lawyer to confirm.
    pub bookings_waiting: i64,
    /// Questions asked in the period.
    pub questions_asked: i64,
    /// … of them answered.
    pub questions_answered: i64,
    /// … waiting past their deadline now, unanswered.
    pub questions_past_deadline: i64,
    /// How soon half the answered questions had their first answer, in minutes: the upper end
    /// of the step of [`RESPONSE_STEPS`] that holds the median.
    pub median_first_response_minutes: Option<i64>,
    /// Ratings given (bookings and questions of the period), 1–5 each.
    pub ratings: i64,
    /// Their sum: satisfaction is `rating_sum / ratings`.
    pub rating_sum: i64,
}

/// Something about a community that needs someone to act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    /// No A lawyer assigned today.
    NoALawyer,
    /// Fewer duty-days so far than the quota asks of the days gone.
    BelowQuota,
    /// No duty logged for [`NO_DUTY_DAYS`] days.
    NoRecentDuty,
    /// Questions waiting past their deadline.
    QuestionsPastDeadline,
    /// Bookings waiting for the lawyer to confirm.
    BookingsWaiting,
}

impl Gap {
    /// The gap in words, as the board and its export show it.
    pub fn label(self, t: &crate::i18n::DeskTexts) -> &'static str {
        match self {
            Gap::NoALawyer => t.gap_no_a_lawyer,
            Gap::BelowQuota => t.gap_below_quota,
            Gap::NoRecentDuty => t.gap_no_recent_duty,
            Gap::QuestionsPastDeadline => t.gap_questions,
            Gap::BookingsWaiting => t.gap_bookings,
        }
    }
}

/// The steps, in minutes, in which times to a first answer are counted (the last: any longer).
pub const RESPONSE_STEPS: [i64; 14] = [5, 10, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 10080, 43200];

/// Days without any duty logged before a community is flagged.
pub const NO_DUTY_DAYS: i64 = 14;

/// A community's line of the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CommunityLine {
    /// Community id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Its street.
    pub street_id: i64,
    /// Its A lawyer today: id and name.
    pub a_lawyer_id: Option<i64>,
    /// … name.
    pub a_lawyer: Option<String>,
    /// Its B lawyer today.
    pub b_lawyer: Option<String>,
    /// Its coordinator today.
    pub coordinator: Option<String>,
    /// Lawyers on duty there now.
    pub on_duty: Vec<String>,
    /// The last day a duty was logged there, if ever.
    pub last_duty: Option<String>,
    /// Duty-days its quota asks a month.
    pub per_month: i64,
    /// Its last day of service, when it has left the programme (its quota asks nothing after it).
    #[serde(default)]
    pub last_day: Option<String>,
    /// Where its office is (latitude, longitude), when known: the board's map.
    #[serde(default)]
    pub position: Option<(f64, f64)>,
    /// The period's figures.
    pub figures: Figures,
    /// What needs acting on.
    pub gaps: Vec<Gap>,
}

/// A street's line of the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct StreetLine {
    /// Street id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Its communities.
    pub communities: i64,
    /// … of them with a gap; unknown when the board did not look at its communities (a
    /// programme too large to list them all, until the street is chosen).
    pub with_gaps: Option<i64>,
    /// The period's figures.
    pub figures: Figures,
}

/// Duty-days of a stretch of the period (a day, a week or a month, as the period is long)
/// against what the quotas ask of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct TimePoint {
    /// Its first day.
    pub first: String,
    /// Its last day.
    pub last: String,
    pub duty_days: i64,
    pub quota: i64,
}

/// The board for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Board {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// The paragraph a report of the period opens with, in the caller's language.
    pub summary: String,
    /// The district's figures.
    pub totals: Figures,
    /// Streets in their order; when there are more than a page, the least covered first.
    pub streets: Vec<StreetLine>,
    /// Streets in the programme.
    pub streets_total: i64,
    /// Communities in the programme.
    pub communities_total: i64,
    /// … of them with a gap, when known.
    pub with_gaps_total: Option<i64>,
    /// The communities of the street asked for, or of the whole programme when it is small
    /// enough to list; street by street.
    pub communities: Vec<CommunityLine>,
    /// The listed communities' duty-days over the period (none when none are listed).
    pub over_time: Vec<TimePoint>,
    /// Lawyers' months of the period locked for the report, and what changed after locking.
    #[serde(default)]
    pub locks: Locks,
    /// Bookings and questions made for residents who walked in or phoned, in the area shown.
    #[serde(default)]
    pub assisted: Assisted,
    /// The same period a year before, in the area the summary speaks of (its quota and what is
    /// waiting now are not compared: they are about today).
    #[serde(default)]
    pub year_before: Option<Figures>,
    /// Referrals written in the period in the area the summary speaks of, by kind, where they
    /// stand and special group.
    #[serde(default)]
    pub referrals: Vec<ReferralTally>,
    /// What each special group had of the period (services, questions, consultations), in the same area.
    #[serde(default)]
    pub special_groups: Vec<GroupServices>,
}

/// What one special group had: services and the people served, questions, consultations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct GroupServices {
    pub group: crate::domain::SpecialGroup,
    pub services: i64,
    pub people: i64,
    /// Questions asked by residents who said they belong to the group.
    #[serde(default)]
    pub questions: i64,
    /// Consultations completed for the group (as the lawyer recorded them).
    #[serde(default)]
    pub bookings: i64,
}

/// Referrals of one kind, status and special group (none: no group).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReferralTally {
    pub kind: crate::domain::ReferralKind,
    pub status: crate::domain::ReferralStatus,
    pub special_group: Option<crate::domain::SpecialGroup>,
    pub referrals: i64,
    /// Of them, waiting for the receiving body's answer past its due time.
    pub overdue: i64,
}

/// Service given on a resident's behalf (assisted service) over a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Assisted {
    /// Bookings of the period's slots made for a resident.
    pub bookings: i64,
    /// Questions asked for a resident in the period.
    pub questions: i64,
}

/// Locked months: their figures are the report's, so any change after locking is shown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Locks {
    /// Lawyers' months overlapping the period that staff have locked; not counted (none) on a
    /// board too large to list its communities, as gaps are not.
    pub locked_months: Option<i64>,
    /// Duties corrected after their month was locked (approved by staff), by day; at most 100.
    pub changed: Vec<LockedChange>,
}

/// A duty corrected after its month was locked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LockedChange {
    /// The correction's id.
    pub correction_id: i64,
    /// Where.
    pub community: String,
    /// Whose duty.
    pub lawyer: String,
    /// The day.
    pub served_on: String,
}

/// Which audit events to show: each filter optional, newest first, a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AuditQuery {
    /// Exactly this action (`file_read`, `assignment_change`…); empty: any.
    #[serde(default)]
    pub action: String,
    /// Words in the actor's name or login; empty: anyone.
    #[serde(default)]
    pub actor: String,
    /// Words in the subject (`question:12`, `community:3`…); empty: any.
    #[serde(default)]
    pub subject: String,
    /// Events older than this one (the last of the page before).
    #[serde(default)]
    pub before_id: Option<i64>,
}

/// One audited act.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AuditEntry {
    /// Event id.
    pub id: i64,
    /// When.
    pub at: crate::time::Instant,
    /// Who: name and login (none for the system).
    pub actor: Option<String>,
    /// What.
    pub action: String,
    /// To which record.
    pub subject: String,
    /// Why, when the actor had to say (staff opening a resident's question or file).
    #[serde(default)]
    pub reason: String,
    /// From which address.
    pub client_ip: Option<String>,
}

/// A page of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AuditPage {
    /// Newest first.
    pub entries: Vec<AuditEntry>,
    /// Whether older events match too.
    pub more: bool,
    /// Every action the log holds, for the filter.
    pub actions: Vec<String>,
}
