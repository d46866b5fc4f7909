//! Wire types: what crosses between browser and server as JSON. Plain serde structs; the
//! server's row types convert into these, and no secret is ever a field here.

use crate::domain::{AssignmentRole, Role};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The signed-in account, as the browser sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Me {
    /// The account id.
    pub user_id: i64,
    /// What the account may do.
    pub role: Role,
    /// A name to greet with.
    pub display_name: String,
    /// The phone number with its middle digits hidden.
    pub phone_masked: Option<String>,
    /// The resident's own community, remembered across visits.
    pub community_id: Option<i64>,
    /// The language the account chose.
    pub lang: Lang,
    /// The lawyer record of a lawyer's account.
    #[serde(default)]
    pub lawyer_id: Option<i64>,
    /// The street of a street's 司法所 staff member; `None` for district staff.
    #[serde(default)]
    pub street_id: Option<i64>,
}

/// The answer to "who am I?": nobody, or an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Session {
    /// The account, when signed in.
    pub me: Option<Me>,
}

/// A message in the account's in-app inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Notice {
    /// The message's id where it is kept: in-app notices and SMS copies are numbered apart.
    pub id: i64,
    /// The text (the same as the SMS).
    pub body: String,
    /// When it was sent.
    pub created_at: crate::time::Instant,
    /// The page it is about (`/bookings/12`), if any.
    pub link: Option<String>,
}

/// A place the resident waits for on a full slot's waitlist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct WaitingPlace {
    /// The waitlist entry.
    pub id: i64,
    /// The community of the slot.
    pub community_id: i64,
    /// Its name.
    pub community_name: String,
    /// When the slot starts.
    pub slot_start: crate::time::Instant,
    /// A seat was offered (first come, first served): book it while it lasts.
    pub offered: bool,
}

/// A 街道 with the number of its communities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Street {
    /// Street id.
    pub id: i64,
    /// Its name, e.g. 沙井街道.
    pub name: String,
    /// How many communities it has.
    pub community_count: i64,
}

/// A 社区 in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CommunitySummary {
    /// Community id.
    pub id: i64,
    /// Its name, e.g. 后亭社区.
    pub name: String,
    /// The street it belongs to.
    pub street_id: i64,
    /// That street's name.
    pub street_name: String,
}

/// A community's page: where its office is and who its advisers are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CommunityDetail {
    /// Community id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// The street it belongs to.
    pub street_id: i64,
    /// The street's name.
    pub street_name: String,
    /// Where the community office (the lawyer's desk) is.
    pub office_address: String,
    /// The lawyers assigned today: A first, then B, then coordinators.
    pub lawyers: Vec<TeamLawyer>,
    /// Assistants, volunteers and experts (the "+1+N").
    pub members: Vec<TeamMember>,
    /// When the desk is staffed, by weekday.
    pub duty: Vec<DutyPeriod>,
}

/// A lawyer in a community's adviser team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct TeamLawyer {
    /// Lawyer id.
    pub lawyer_id: i64,
    /// Their name.
    pub name: String,
    /// A, B or coordinator.
    pub role: AssignmentRole,
    /// Their law firm.
    pub firm: String,
    /// What they know best.
    pub practice_areas: Vec<String>,
    /// Languages and dialects they consult in.
    pub languages: Vec<String>,
    /// A photo on the portal's own host, when there is one.
    pub photo_url: Option<String>,
}

/// A member of the "+1+N" around a community's lawyer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct TeamMember {
    /// Their name.
    pub name: String,
    /// What they do: assistant, volunteer or expert.
    pub kind: String,
}

/// Asks for a sign-in code by SMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct SendCodeRequest {
    /// The mobile number as typed.
    pub phone: String,
}

/// A code was sent; the browser may ask again after `resend_after_secs`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CodeSent {
    /// The number it went to, masked.
    pub phone_masked: String,
    /// Seconds until another code may be requested for this number.
    pub resend_after_secs: u32,
}

/// Signs a resident in (or up) with the code they received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CodeSignInRequest {
    /// The mobile number as typed.
    pub phone: String,
    /// The six digits as typed.
    pub code: String,
}

/// Signs a lawyer or staff member in with a password.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct PasswordSignInRequest {
    /// A login name or a mobile number.
    pub login: String,
    /// The password.
    pub password: String,
}

/// Completes a password sign-in with the second-factor code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct SecondFactorRequest {
    /// The six digits as typed.
    pub code: String,
}

/// The result of a password sign-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PasswordSignIn {
    /// Signed in.
    SignedIn {
        /// The account.
        me: Me,
    },
    /// The account uses a second factor: a code went to this (masked) number.
    SecondFactorSent {
        /// Where the code went.
        phone_masked: String,
    },
}

/// Lists communities, optionally of one street and/or matching a name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ListCommunitiesRequest {
    /// Only this street's communities.
    #[serde(default)]
    pub street_id: Option<i64>,
    /// Only names containing this text.
    #[serde(default)]
    pub query: Option<String>,
}

/// Names one community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct CommunityRequest {
    /// Community id.
    pub community_id: i64,
}

/// Changes the account's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct SetLanguageRequest {
    /// The new language.
    pub lang: Lang,
}

/// An empty request body, for endpoints that take nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Empty {}

/// The programme at a glance, for staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ProgrammeOverview {
    /// Streets in the district.
    pub streets: i64,
    /// Communities in the district.
    pub communities: i64,
    /// Lawyers with a current assignment.
    pub active_lawyers: i64,
    /// Communities with no current A lawyer: the gaps to fill first.
    pub without_a_lawyer: Vec<CommunitySummary>,
}

mod api_keys;
mod assignments;
mod assisted;
mod booking;
mod calendar;
mod documents;
mod duty;
mod evaluations;
mod feedback;
mod home_visits;
mod incidents;
mod messages;
mod points;
mod questions;
mod quizzes;
mod referrals;
mod registers;
mod reviews;
mod schedule;
mod settle;
mod staff;
pub use api_keys::*;
pub use assignments::*;
pub use assisted::*;
pub use booking::*;
pub use calendar::*;
pub use documents::*;
pub use duty::*;
pub use evaluations::*;
pub use feedback::*;
pub use home_visits::*;
pub use incidents::*;
pub use messages::*;
pub use points::*;
pub use questions::*;
pub use quizzes::*;
pub use referrals::*;
pub use registers::*;
pub use reviews::*;
pub use schedule::*;
pub use settle::*;
pub use staff::*;
