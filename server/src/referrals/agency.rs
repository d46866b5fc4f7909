//! The receiving body's side: its queue, its answer, the outcome. An account of role `agency`
//! sees its own organisation's referrals once the resident agreed, and nothing else: another
//! organisation's referral does not exist for it (404).

use super::notify::tell_resident;
use super::view::{self, Facts, Reader};
use super::ReferralsService;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::sms::{Message, Template};
use crate::store::now_ms;
use app::domain::MAX_REFERRAL_TEXT_CHARS;
use app::error::{AppError, ErrorKind};
use app::i18n::Lang;
use app::i18n::ReferralTexts;
use app::model::{Empty, ReferralAnswer, ReferralResult, ReferralView};
use sqlx::{Any, Transaction};

/// The caller's organisation; 403 for an account that belongs to none.
async fn organisation(service: &ReferralsService, caller: &Caller) -> Result<i64, Failure> {
    let user = caller.user()?;
    let id: Option<i64> = sqlx::query_scalar("SELECT organisation_id FROM users WHERE id = $1")
        .bind(user.id)
        .fetch_optional(&service.store.pool)
        .await?
        .flatten();
    id.ok_or_else(|| AppError::new(ErrorKind::Forbidden, ReferralTexts::of(caller.lang).err_no_organisation).into())
}

/// The referral, if it was handed to the caller's organisation (the resident agreed); 404
/// otherwise.
async fn received(service: &ReferralsService, caller: &Caller, id: i64) -> Result<Facts, Failure> {
    let organisation = organisation(service, caller).await?;
    view::facts(&service.store.pool, id)
        .await?
        .filter(|f| f.organisation_id == organisation && f.sent_at.is_some())
        .ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}

/// `referrals/queue`: the organisation's referrals — waiting for an answer, then accepted, then
/// the rest — 绿色通道 first within each, oldest first.
pub async fn queue(service: &ReferralsService, caller: &Caller, _: Empty) -> Result<Vec<ReferralView>, Failure> {
    let organisation = organisation(service, caller).await?;
    let order = "CASE r.status WHEN 'sent' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END, \
                 CASE WHEN r.special_group IS NULL THEN 1 ELSE 0 END, r.sent_at, r.id";
    let filter = "r.organisation_id = $1 AND r.sent_at IS NOT NULL";
    Ok(view::list(&service.store, Reader::Agency, filter, organisation, order).await?)
}

/// `referrals/answer`: accepts, or declines with a reason; the resident is told either way.
pub async fn answer(
    service: &ReferralsService,
    caller: &Caller,
    request: ReferralAnswer,
) -> Result<ReferralView, Failure> {
    let t = ReferralTexts::of(caller.lang);
    let reason = request.reason.trim();
    if !request.accept && (reason.is_empty() || reason.chars().count() > MAX_REFERRAL_TEXT_CHARS) {
        return Err(AppError::invalid("reason", caller.lang.messages().err_reason).into());
    }
    let facts = received(service, caller, request.referral_id).await?;
    let (status, reason) = if request.accept { ("accepted", None) } else { ("declined", Some(reason)) };
    let mut tx = service.store.writer().begin().await?;
    let moved = sqlx::query(
        "UPDATE referrals SET status = $1, reason = $2, answered_at = $3 WHERE id = $4 AND status = 'sent'",
    )
    .bind(status)
    .bind(reason)
    .bind(now_ms())
    .bind(facts.id)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_not_open).into());
    }
    let body = facts.organisation.as_str();
    told(service, tx, &facts, |lang| match reason {
        None => Message::new(Template::ReferralAccepted, lang, &[("body", body)]),
        Some(reason) => Message::new(Template::ReferralDeclined, lang, &[("body", body), ("reason", reason)]),
    })
    .await
}

/// `referrals/close`: the outcome of an accepted referral, one of its kind's.
pub async fn close(
    service: &ReferralsService,
    caller: &Caller,
    request: ReferralResult,
) -> Result<ReferralView, Failure> {
    let t = ReferralTexts::of(caller.lang);
    let note = request.note.trim();
    if note.chars().count() > MAX_REFERRAL_TEXT_CHARS {
        return Err(AppError::invalid("note", t.err_note).into());
    }
    let facts = received(service, caller, request.referral_id).await?;
    if request.outcome.kind() != facts.kind() {
        return Err(AppError::invalid("outcome", t.err_outcome_kind).into());
    }
    let mut tx = service.store.writer().begin().await?;
    let moved = sqlx::query(
        "UPDATE referrals SET status = 'closed', outcome = $1, outcome_note = $2, closed_at = $3 \
         WHERE id = $4 AND status = 'accepted'",
    )
    .bind(request.outcome.as_str())
    .bind((!note.is_empty()).then_some(note))
    .bind(now_ms())
    .bind(facts.id)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_not_open).into());
    }
    let body = facts.organisation.as_str();
    told(service, tx, &facts, |lang| {
        let outcome = ReferralTexts::of(lang).outcome(request.outcome);
        Message::new(Template::ReferralClosed, lang, &[("body", body), ("outcome", outcome)])
    })
    .await
}

/// The step just written in `tx` is done: partner systems hear of it, the resident is told
/// `message`, and it commits. The referral as the body now sees it.
async fn told(
    service: &ReferralsService,
    mut tx: Transaction<'_, Any>,
    facts: &Facts,
    message: impl FnOnce(Lang) -> Message,
) -> Result<ReferralView, Failure> {
    crate::webhooks::announce_referral_step(&mut tx, facts.id).await?;
    tell_resident(&mut tx, facts.resident_id, message).await?;
    tx.commit().await?;
    service.outbox.wake();
    Ok(view::one(&service.store, Reader::Agency, facts.id).await?)
}
