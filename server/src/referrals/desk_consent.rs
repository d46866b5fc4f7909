//! Consent at the desk: the resident sitting with the lawyer gets a code on their own phone (the
//! lawyer sees only its masked number) and reads it back; the referral is then handed over as it
//! is written, as if they had agreed in 我的, and the resident's 个人信息 shows who acted and how.

use super::lawyer::matter;
use super::ReferralsService;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use app::model::{CodeSent, ReferralSource};
use sqlx::{Any, Transaction};

/// `referrals/consent-code`: a code to the resident of a matter the caller's lawyer handles (404
/// otherwise), under the sign-in codes' limits.
pub async fn send_code(
    service: &ReferralsService,
    caller: &Caller,
    source: ReferralSource,
) -> Result<CodeSent, Failure> {
    let matter = matter(service, caller, (source.question_id, source.booking_id)).await?;
    service.auth.send_consent_code_to(caller, matter.resident_id).await
}

/// Checks (and uses up) the code resident `resident` read back; 422 on `code` otherwise.
pub(super) async fn verify(
    service: &ReferralsService,
    caller: &Caller,
    resident: i64,
    code: &str,
) -> Result<(), Failure> {
    service.auth.verify_consent_code_of(caller, resident, code).await
}

/// Hands referral `id` (to body `organisation`) over in `tx`, just written.
pub(super) async fn hand_over(tx: &mut Transaction<'_, Any>, (id, organisation): (i64, &str)) -> Result<(), Failure> {
    super::resident::hand_over(tx, (id, organisation), None).await?;
    crate::webhooks::announce_referral_step(tx, id).await?;
    Ok(())
}

/// Records, once committed, that the resident consented to referral `id` by code, in the access
/// log they read.
pub(super) async fn record(service: &ReferralsService, caller: &Caller, id: i64, resident: i64) -> Result<(), Failure> {
    let user = caller.user()?;
    let subject = format!("referral:{id}");
    audit::record_access(&service.store, caller, user.id, ("assisted_referral", &subject), resident, "code").await?;
    Ok(())
}
