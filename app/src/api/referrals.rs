//! Referrals: a lawyer hands a resident's matter to legal aid, mediation or a notary; the
//! resident agrees; the receiving body answers and records the outcome.

use super::endpoint::{endpoints, Access};
use crate::model::{
    ApiKeyEdit, ApiKeys, CodeSent, Empty, NewReferral, Organisation, OrganisationEdit, OrganisationEntry,
    ReferralAnswer, ReferralConsent, ReferralRequest, ReferralResult, ReferralSource, ReferralView, WebhookEdit,
    Webhooks,
};

endpoints! {
    /// The receiving bodies a lawyer may refer to.
    ListOrganisations = "referrals/organisations", Empty => Vec<Organisation>, Access::ADVISERS;

    /// Refers a question or booking the caller's lawyer handles; it waits for the resident's consent.
    CreateReferral = "referrals/create", NewReferral => ReferralView, Access::ADVISERS;

    /// Sends the matter's resident, sitting with the lawyer, a code to read back so that the
    /// referral is handed over at once (`consent_code` of `referrals/create`).
    SendReferralConsentCode = "referrals/consent-code", ReferralSource => CodeSent, Access::ADVISERS;

    /// The referrals the caller's lawyer wrote, newest first.
    SentReferrals = "referrals/sent", Empty => Vec<ReferralView>, Access::ADVISERS;

    /// The lawyer withdraws a referral not yet answered.
    WithdrawReferral = "referrals/withdraw", ReferralRequest => ReferralView, Access::ADVISERS;

    /// The resident's referrals, newest first.
    MyReferrals = "referrals/mine", Empty => Vec<ReferralView>, Access::RESIDENTS;

    /// The resident agrees to the hand-over (it is sent) or does not (it is withdrawn).
    ConsentToReferral = "referrals/consent", ReferralConsent => ReferralView, Access::RESIDENTS;

    /// The caller's organisation's referrals: open ones first, 绿色通道 first among them.
    ReferralQueue = "referrals/queue", Empty => Vec<ReferralView>, Access::AGENCY;

    /// Accepts or declines (with a reason) a referral sent to the caller's organisation.
    AnswerReferral = "referrals/answer", ReferralAnswer => ReferralView, Access::AGENCY;

    /// Records what came of an accepted referral.
    CloseReferral = "referrals/close", ReferralResult => ReferralView, Access::AGENCY;

    /// The receiving bodies and their accounts (an account is saved as a staff account of role
    /// `agency`). Admins only.
    GetOrganisations = "admin/organisations", Empty => Vec<OrganisationEntry>, Access::ADMINS;

    /// Adds, renames, moves or closes a receiving body. Admins only.
    SaveOrganisation = "admin/save-organisation", OrganisationEdit => Vec<OrganisationEntry>, Access::ADMINS;

    /// Partner systems' webhooks and how their events fared. Admins only.
    GetWebhooks = "admin/webhooks", Empty => Webhooks, Access::ADMINS;

    /// Registers (its secret answered once), changes or disables a webhook. Admins only.
    SaveWebhook = "admin/save-webhook", WebhookEdit => Webhooks, Access::ADMINS;

    /// Partner systems' API keys. Admins only.
    GetApiKeys = "admin/api-keys", Empty => ApiKeys, Access::ADMINS;

    /// Issues (its secret answered once), renames, rescopes or revokes an API key. Admins only.
    SaveApiKey = "admin/save-api-key", ApiKeyEdit => ApiKeys, Access::ADMINS;
}
