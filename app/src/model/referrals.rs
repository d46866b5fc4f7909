//! Referrals to legal aid, mediation and notaries, as the lawyer writes them, the resident agrees
//! to them, the receiving body answers them and everyone follows them.

use crate::domain::{Hardship, ReferralKind, ReferralOutcome, ReferralStatus, SpecialGroup};
use serde::{Deserialize, Serialize};

/// A lawyer refers a resident's question or booking to a receiving body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct NewReferral {
    /// The question it comes from (this or `booking_id`).
    #[serde(default)]
    pub question_id: Option<i64>,
    /// The booking it comes from.
    #[serde(default)]
    pub booking_id: Option<i64>,
    /// The receiving body (its kind is the referral's).
    pub organisation_id: i64,
    /// The facts as the lawyer states them for the receiving body.
    pub facts: String,
    /// The special group the resident belongs to, if any (绿色通道).
    #[serde(default)]
    pub special_group: Option<SpecialGroup>,
    /// The matter's documents to hand over (tokens of the resident's own attachments).
    #[serde(default)]
    pub documents: Vec<String>,
    /// The legal-aid centre's pre-application, filled for the resident (legal aid only).
    #[serde(default)]
    pub application: Option<AidApplication>,
    /// The code the resident, sitting with the lawyer, read back (`referrals/consent-code`): the
    /// referral is then handed over at once. Empty: the resident agrees in 我的.
    #[serde(default)]
    pub consent_code: String,
}

/// The question or booking a referral would come from (one of the two).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReferralSource {
    #[serde(default)]
    pub question_id: Option<i64>,
    #[serde(default)]
    pub booking_id: Option<i64>,
}

/// The financial circumstances the legal-aid centre asks of an applicant, as stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AidApplication {
    /// People in the household, the applicant included (1–20).
    pub household: i64,
    /// The household's income a month, in yuan.
    pub monthly_income: i64,
    /// 低保 or 特困, if so.
    #[serde(default)]
    pub hardship: Option<Hardship>,
}

/// One referral, by its id.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReferralRequest {
    pub referral_id: i64,
}

/// The resident's answer: agree to the hand-over, or not.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReferralConsent {
    pub referral_id: i64,
    pub agree: bool,
    /// The pre-application as the resident states it, agreeing to a legal-aid referral (replaces
    /// the lawyer's).
    #[serde(default)]
    pub application: Option<AidApplication>,
}

/// The receiving body's answer to a referral sent to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReferralAnswer {
    pub referral_id: i64,
    /// Take it on, or decline it (with a reason).
    pub accept: bool,
    #[serde(default)]
    pub reason: String,
}

/// What came of an accepted referral.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReferralResult {
    pub referral_id: i64,
    pub outcome: ReferralOutcome,
    #[serde(default)]
    pub note: String,
}

/// A receiving body, as a lawyer chooses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Organisation {
    pub id: i64,
    pub kind: ReferralKind,
    pub name: String,
}

/// A document handed over with a referral.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReferralDocument {
    pub token: String,
    pub name: String,
    /// Where it downloads (each opening is checked and audited).
    pub link: String,
}

/// A referral as its parties see it: the lawyer who wrote it, the resident, the receiving body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReferralView {
    pub id: i64,
    pub kind: ReferralKind,
    pub status: ReferralStatus,
    pub organisation: String,
    pub community: String,
    pub lawyer: String,
    pub facts: String,
    pub special_group: Option<SpecialGroup>,
    /// The resident's name and number: the receiving body contacts them (others see them masked).
    pub resident: String,
    pub phone: Option<String>,
    pub documents: Vec<ReferralDocument>,
    /// The legal-aid pre-application, if one was filled.
    pub application: Option<AidApplication>,
    /// The question or booking it came from (`/questions/7`), for its resident and lawyer.
    pub source: Option<String>,
    /// Why it was declined.
    pub reason: Option<String>,
    pub outcome: Option<ReferralOutcome>,
    pub outcome_note: Option<String>,
    /// UTC ms of each step reached: written, handed over, answered, closed.
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub answered_at: Option<i64>,
    pub closed_at: Option<i64>,
    /// When the receiving body's answer is due; past it while still sent, it is overdue.
    pub due_at: Option<i64>,
}

/// A receiving body as admins keep it, with its accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct OrganisationEntry {
    pub id: i64,
    pub kind: ReferralKind,
    pub name: String,
    /// The street it serves alone (a street's mediation committee); none: the district.
    pub street_id: Option<i64>,
    /// It takes no more referrals.
    pub closed: bool,
    pub accounts: Vec<AgencyAccount>,
}

/// A receiving body's account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AgencyAccount {
    pub id: i64,
    pub login: String,
    pub display_name: String,
    pub disabled: bool,
}

/// Adds or changes a receiving body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct OrganisationEdit {
    #[serde(default)]
    pub id: Option<i64>,
    pub kind: ReferralKind,
    pub name: String,
    #[serde(default)]
    pub street_id: Option<i64>,
    #[serde(default)]
    pub closed: bool,
}

/// A partner system's webhook, as admins see it (never its secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Webhook {
    pub id: i64,
    /// The partner system, e.g. i调解.
    pub name: String,
    pub url: String,
    /// Only this receiving body's referrals; none: every referral.
    pub organisation_id: Option<i64>,
    pub disabled: bool,
    /// Its events delivered, still to deliver, and given up.
    pub delivered: i64,
    pub waiting: i64,
    pub failed: i64,
}

/// Registers or changes a webhook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct WebhookEdit {
    #[serde(default)]
    pub id: Option<i64>,
    pub name: String,
    /// `https://…` (or `http://` inside the bureau's network).
    pub url: String,
    #[serde(default)]
    pub organisation_id: Option<i64>,
    #[serde(default)]
    pub disabled: bool,
}

/// The webhooks, and the secret of the one just registered: shown this once, kept by the
/// partner to check each event's signature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Webhooks {
    pub hooks: Vec<Webhook>,
    pub secret: Option<String>,
}
