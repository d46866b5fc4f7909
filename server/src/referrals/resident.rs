//! The resident's side: their referrals, and their consent to hand one over.

use super::view::{self, Reader};
use super::ReferralsService;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::now_ms;
use app::domain::{add_working_hours, REFERRAL_ANSWER_DAYS};
use app::error::{AppError, ErrorKind};
use app::i18n::ReferralTexts;
use app::model::{Empty, ReferralConsent, ReferralView};
use app::time::Instant;

/// `referrals/mine`: the caller's referrals, newest first.
pub async fn mine(service: &ReferralsService, caller: &Caller, _: Empty) -> Result<Vec<ReferralView>, Failure> {
    let user = caller.user()?;
    Ok(view::list(&service.store, Reader::Resident, "r.resident_id = $1", user.id, "r.created_at DESC, r.id DESC")
        .await?)
}

/// `referrals/consent`: agreeing sends it to the receiving body, whose answer is due
/// [`REFERRAL_ANSWER_DAYS`] working days later; not agreeing withdraws it. Not theirs: 404;
/// answered already: 409.
pub async fn consent(
    service: &ReferralsService,
    caller: &Caller,
    request: ReferralConsent,
) -> Result<ReferralView, Failure> {
    let user = caller.user()?;
    let facts = view::facts(&service.store.pool, request.referral_id)
        .await?
        .filter(|f| f.resident_id == user.id)
        .ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    let now = now_ms();
    let moved = if request.agree {
        let today = Instant(now).to_shanghai().0;
        let calendar = crate::calendar::from(&service.store.pool, today).await?;
        let due = add_working_hours(Instant(now), REFERRAL_ANSWER_DAYS * 24, |d| calendar.is_working_day(d));
        sqlx::query(
            "UPDATE referrals SET status = 'sent', sent_at = $1, due_at = $2 WHERE id = $3 AND status = 'awaiting_consent'",
        )
        .bind(now)
        .bind(due.0)
        .bind(facts.id)
        .execute(service.store.writer())
        .await?
    } else {
        sqlx::query(
            "UPDATE referrals SET status = 'withdrawn', closed_at = $1 WHERE id = $2 AND status = 'awaiting_consent'",
        )
        .bind(now)
        .bind(facts.id)
        .execute(service.store.writer())
        .await?
    };
    if moved.rows_affected() != 1 {
        return Err(AppError::new(ErrorKind::Conflict, ReferralTexts::of(caller.lang).err_not_open).into());
    }
    Ok(view::one(&service.store, Reader::Resident, facts.id).await?)
}
