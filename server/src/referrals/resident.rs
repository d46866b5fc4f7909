//! The resident's side: their referrals, and their consent to hand one over.

use super::view::{self, Reader};
use super::ReferralsService;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::now_ms;
use app::domain::{add_working_hours, REFERRAL_ANSWER_DAYS};
use app::error::{AppError, ErrorKind};
use app::i18n::ReferralTexts;
use app::model::{AidApplication, Empty, ReferralConsent, ReferralView};
use app::time::Instant;
use sqlx::{Any, Transaction};

/// `referrals/mine`: the caller's referrals, newest first.
pub async fn mine(service: &ReferralsService, caller: &Caller, _: Empty) -> Result<Vec<ReferralView>, Failure> {
    let user = caller.user()?;
    Ok(view::list(&service.store, Reader::Resident, "r.resident_id = $1", user.id, "r.created_at DESC, r.id DESC")
        .await?)
}

/// `referrals/consent`: agreeing sends it to the receiving body, whose answer is due
/// [`REFERRAL_ANSWER_DAYS`] working days later, and counts it in the lawyer's services; not
/// agreeing withdraws it. Not theirs: 404; answered already: 409.
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
    let stated = super::application(caller, facts.kind(), request.application.filter(|_| request.agree))?;
    let mut tx = service.store.writer().begin().await?;
    let moved = if request.agree {
        hand_over(&mut tx, (facts.id, &facts.organisation), stated).await?
    } else {
        sqlx::query(
            "UPDATE referrals SET status = 'withdrawn', closed_at = $1 WHERE id = $2 AND status = 'awaiting_consent'",
        )
        .bind(now_ms())
        .bind(facts.id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
    };
    if moved != 1 {
        return Err(AppError::new(ErrorKind::Conflict, ReferralTexts::of(caller.lang).err_not_open).into());
    }
    if request.agree {
        crate::webhooks::announce_referral_step(&mut tx, facts.id).await?;
    }
    tx.commit().await?;
    Ok(view::one(&service.store, Reader::Resident, facts.id).await?)
}

/// Sends the referral on, with the resident's own statement of their circumstances (replacing
/// the lawyer's), and counts it as one referral service of its lawyer on the day the resident
/// agreed. Whether it was still waiting (1) or not (0).
pub(super) async fn hand_over(
    tx: &mut Transaction<'_, Any>,
    (id, organisation): (i64, &str),
    stated: Option<AidApplication>,
) -> Result<u64, sqlx::Error> {
    let now = now_ms();
    let today = Instant(now).to_shanghai().0;
    let calendar = crate::calendar::from(&mut **tx, today).await?;
    let due = add_working_hours(Instant(now), REFERRAL_ANSWER_DAYS * 24, |d| calendar.is_working_day(d));
    let moved = sqlx::query(
        "UPDATE referrals SET status = 'sent', sent_at = $1, due_at = $2, household = COALESCE($4, household), \
         monthly_income = COALESCE($5, monthly_income), hardship = CASE WHEN $4 IS NULL THEN hardship ELSE $6 END \
         WHERE id = $3 AND status = 'awaiting_consent'",
    )
    .bind(now)
    .bind(due.0)
    .bind(id)
    .bind(stated.map(|a| a.household))
    .bind(stated.map(|a| a.monthly_income))
    .bind(stated.and_then(|a| a.hardship).map(|h| h.as_str()))
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if moved == 1 {
        sqlx::query(
            "INSERT INTO service_records (community_id, lawyer_id, recorded_by, category, served_on, people_served, \
             summary, referral_id, created_at) \
             SELECT community_id, lawyer_id, written_by, 'referral_' || kind, $1, 1, $2, id, $3 FROM referrals WHERE id = $4",
        )
        .bind(today.to_string())
        .bind(organisation)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(moved)
}
