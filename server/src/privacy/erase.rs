//! A resident erases their account, in one transaction: everything that names them is deleted
//! or emptied as the data map says, and what counts in the programme's figures stays (a booking
//! kept its time, place, outcome and rating; a question its category, times and rating), so
//! duty-days, services, people served and every count stay exactly as they were. Live bookings
//! from now on are cancelled (each seat offered to the next resident waiting for it), open
//! questions closed, referrals not yet taken on withdrawn (partner systems told of those they
//! had). Their files' names go
//! at once and their bytes with the file store's next pass (`files::retention`), which also
//! finishes a pass interrupted before it.

use crate::store::{now_ms, Store};

/// What an erasure did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Erased {
    pub bookings_cancelled: u64,
    pub questions_closed: u64,
}

/// What a statement's placeholders stand for, in order.
#[derive(Clone, Copy)]
enum Value {
    /// The account.
    Account,
    /// Now.
    Now,
    /// The phone number it had.
    Phone,
}
use Value::{Account, Now, Phone};

/// The statements, in order, each with what its `$1, $2…` stand for.
const STATEMENTS: [(&str, &[Value]); 22] = [
    (
        "UPDATE bookings SET status = 'cancelled', updated_at = $2 \
         WHERE resident_id = $1 AND status IN ('pending', 'confirmed') AND slot_start > $2",
        &[Account, Now],
    ),
    (
        "UPDATE questions SET status = 'closed', closed_at = $2, updated_at = $2 WHERE resident_id = $1 AND status <> 'closed'",
        &[Account, Now],
    ),
    (
        "UPDATE bookings SET description = '', status_reason = '', booked_sms = '', booked_params = '{}' WHERE resident_id = $1",
        &[Account],
    ),
    (
        "UPDATE question_messages SET body = '' WHERE question_id IN (SELECT id FROM questions WHERE resident_id = $1)",
        &[Account],
    ),
    // The device's key goes too; each question keeps a key of its own (they are unique).
    (
        "UPDATE questions SET title = '', may_publish = 0, client_key = 'erased-' || CAST(id AS TEXT) WHERE resident_id = $1",
        &[Account],
    ),
    ("UPDATE files SET name = '' WHERE uploaded_by = $1 OR resident_id = $1", &[Account]),
    // A referral not yet taken on is withdrawn; every referral keeps its kind, body and outcome
    // for the figures, and loses its facts and the files handed over.
    (
        "UPDATE referrals SET status = 'withdrawn', closed_at = $2 WHERE resident_id = $1 AND status IN ('awaiting_consent', 'sent')",
        &[Account, Now],
    ),
    (
        "UPDATE referrals SET facts = '', reason = NULL, outcome_note = NULL, household = NULL, monthly_income = NULL, \
         hardship = NULL WHERE resident_id = $1",
        &[Account],
    ),
    ("DELETE FROM referral_files WHERE referral_id IN (SELECT id FROM referrals WHERE resident_id = $1)", &[Account]),
    // Home visits to come are called off; every visit loses the address, note and birth date.
    (
        "UPDATE home_visits SET status = 'cancelled', updated_at = $2 WHERE resident_id = $1 AND status = 'booked' AND slot_start > $2",
        &[Account, Now],
    ),
    ("UPDATE home_visits SET address = '', note = '', birth_date = '' WHERE resident_id = $1", &[Account]),
    // Praise and complaints keep their kind and lawyer for the lawyer's year, not their words.
    ("UPDATE feedback SET body = '', wanted = '' WHERE resident_id = $1", &[Account]),
    // Quiz entries keep their counts for the street's participation, not the choices.
    ("UPDATE quiz_entries SET choices = '' WHERE resident_id = $1", &[Account]),
    ("DELETE FROM waitlist WHERE resident_id = $1", &[Account]),
    ("DELETE FROM notifications WHERE user_id = $1", &[Account]),
    // Lawyers' inbox messages that quote their questions' titles.
    ("DELETE FROM notifications WHERE question_id IN (SELECT id FROM questions WHERE resident_id = $1)", &[Account]),
    ("DELETE FROM sessions WHERE user_id = $1", &[Account]),
    ("DELETE FROM wechat_subscriptions WHERE user_id = $1", &[Account]),
    ("DELETE FROM one_time_codes WHERE phone = $1", &[Phone]),
    ("DELETE FROM outbox WHERE (user_id = $1 OR recipient = $2) AND sent_at IS NULL", &[Account, Phone]),
    (
        "UPDATE outbox SET recipient = '', body = '', params = '{}', user_id = NULL WHERE user_id = $1 OR recipient = $2",
        &[Account, Phone],
    ),
    (
        "UPDATE users SET phone = NULL, display_name = '', wechat_openid = NULL, community_id = NULL, \
         password_hash = NULL, article_sms = 0, disabled_at = $2, erased_at = $2 WHERE id = $1",
        &[Account, Now],
    ),
];

/// Erases resident `user_id`'s account; `None` when there is no such resident or the account is
/// already erased (nothing changed).
pub async fn account(store: &Store, user_id: i64) -> Result<Option<Erased>, sqlx::Error> {
    let mut tx = store.writer().begin().await?;
    let phone: Option<Option<String>> =
        sqlx::query_scalar("SELECT phone FROM users WHERE id = $1 AND role = 'resident' AND erased_at IS NULL")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(phone) = phone else { return Ok(None) };
    let phone = phone.unwrap_or_default();
    let now = now_ms();
    // The seats the first statement frees, offered to whoever waits for them once it is done.
    let freed: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT community_id, slot_start FROM bookings \
         WHERE resident_id = $1 AND status IN ('pending', 'confirmed') AND slot_start > $2",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(&mut *tx)
    .await?;
    // The referrals already handed over: their partners hear that they are withdrawn.
    let handed: Vec<i64> = sqlx::query_scalar("SELECT id FROM referrals WHERE resident_id = $1 AND status = 'sent'")
        .bind(user_id)
        .fetch_all(&mut *tx)
        .await?;
    let mut counts = Vec::with_capacity(STATEMENTS.len());
    for (sql, values) in STATEMENTS {
        let mut query = sqlx::query(sql);
        for value in values {
            query = match value {
                Account => query.bind(user_id),
                Now => query.bind(now),
                Phone => query.bind(phone.clone()),
            };
        }
        counts.push(query.execute(&mut *tx).await?.rows_affected());
    }
    for (community, start) in freed {
        crate::booking::offer_freed_seat(&mut tx, community, app::time::Instant(start)).await?;
    }
    for id in handed {
        crate::webhooks::announce_referral_step(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok(Some(Erased { bookings_cancelled: counts[0], questions_closed: counts[1] }))
}
