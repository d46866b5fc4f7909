//! Telling the resident what became of their referral: an SMS with its inbox copy, opening
//! 我的转介, written in the transaction that makes the change.

use crate::sms::{Message, Outbox};
use app::i18n::Lang;
use sqlx::{Any, Transaction};

/// Where a referral's message leads.
pub const MY_REFERRALS: &str = "/me/referrals";

/// Queues `message` (made in the resident's language) for `resident_id`'s phone and inbox; an
/// account without a number (erased) gets nothing.
pub async fn tell_resident(
    tx: &mut Transaction<'_, Any>,
    resident_id: i64,
    message: impl FnOnce(Lang) -> Message,
) -> Result<(), sqlx::Error> {
    tell_resident_at(tx, resident_id, MY_REFERRALS, message).await
}

/// [`tell_resident`], the inbox copy opening `link`.
pub async fn tell_resident_at(
    tx: &mut Transaction<'_, Any>,
    resident_id: i64,
    link: &str,
    message: impl FnOnce(Lang) -> Message,
) -> Result<(), sqlx::Error> {
    let row: Option<(Option<String>, String)> = sqlx::query_as("SELECT phone, lang FROM users WHERE id = $1")
        .bind(resident_id)
        .fetch_optional(&mut **tx)
        .await?;
    if let Some((Some(phone), lang)) = row {
        let message = message(Lang::from_tag(&lang)).about(link.to_owned());
        Outbox::enqueue_with_inbox(tx, &phone, &message).await?;
    }
    Ok(())
}
