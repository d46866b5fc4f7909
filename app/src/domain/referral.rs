//! Referrals: a matter a community lawyer hands to the legal-aid centre, a people's mediation
//! committee or a notary office, followed until the receiving body records its outcome.

use serde::{Deserialize, Serialize};

/// Where a matter is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReferralKind {
    /// 法律援助: to the legal-aid centre.
    LegalAid,
    /// 人民调解: to a mediation committee.
    Mediation,
    /// 公证: to a notary office.
    Notary,
}

stored_names!(ReferralKind { LegalAid = "legal_aid", Mediation = "mediation", Notary = "notary" });

/// Where a referral stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// Written by the lawyer; the resident has not yet agreed that it be handed over.
    AwaitingConsent,
    /// With the receiving body, waiting for its answer.
    Sent,
    /// The receiving body took the matter on.
    Accepted,
    /// The receiving body would not take it, with its reason.
    Declined,
    /// The receiving body recorded its outcome.
    Closed,
    /// The resident did not agree, or the lawyer withdrew it before it was answered.
    Withdrawn,
}

stored_names!(ReferralStatus {
    AwaitingConsent = "awaiting_consent",
    Sent = "sent",
    Accepted = "accepted",
    Declined = "declined",
    Closed = "closed",
    Withdrawn = "withdrawn",
});

/// What came of a referral, each of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReferralOutcome {
    /// Legal aid granted.
    AidGranted,
    /// Legal aid refused.
    AidRefused,
    /// Mediated to an agreement.
    Agreed,
    /// Mediation ended without agreement.
    NotAgreed,
    /// Notarised.
    Notarised,
    /// Not notarised.
    NotNotarised,
}

stored_names!(ReferralOutcome {
    AidGranted = "aid_granted",
    AidRefused = "aid_refused",
    Agreed = "agreed",
    NotAgreed = "not_agreed",
    Notarised = "notarised",
    NotNotarised = "not_notarised",
});

impl ReferralOutcome {
    /// The kind of referral this outcome closes.
    pub fn kind(self) -> ReferralKind {
        match self {
            ReferralOutcome::AidGranted | ReferralOutcome::AidRefused => ReferralKind::LegalAid,
            ReferralOutcome::Agreed | ReferralOutcome::NotAgreed => ReferralKind::Mediation,
            ReferralOutcome::Notarised | ReferralOutcome::NotNotarised => ReferralKind::Notary,
        }
    }
}

/// The groups the legal-aid programme serves first (绿色通道), as the bureau counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpecialGroup {
    /// 农民工.
    MigrantWorker,
    /// 残疾人.
    Disabled,
    /// 军人军属.
    MilitaryFamily,
    /// 未成年人.
    Minor,
    /// 老年人.
    Elderly,
}

stored_names!(SpecialGroup {
    MigrantWorker = "migrant_worker",
    Disabled = "disabled",
    MilitaryFamily = "military_family",
    Minor = "minor",
    Elderly = "elderly",
});

/// Working days a receiving body has to answer a referral before the board shows it overdue.
pub const REFERRAL_ANSWER_DAYS: i64 = 3;

/// Documents a referral may carry.
pub const MAX_REFERRAL_DOCUMENTS: usize = 10;

/// The longest statement of facts, reason or outcome note.
pub const MAX_REFERRAL_TEXT_CHARS: usize = 2_000;

/// A household's standing the legal-aid centre asks about (经济困难).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Hardship {
    /// 低保: receives the minimum living allowance.
    LowIncome,
    /// 特困: supported as extremely poor.
    Destitute,
}

stored_names!(Hardship { LowIncome = "low_income", Destitute = "destitute" });

/// The most people a household may count.
pub const MAX_HOUSEHOLD: i64 = 20;

/// The highest monthly income (yuan) a pre-application may state.
pub const MAX_MONTHLY_INCOME: i64 = 10_000_000;
