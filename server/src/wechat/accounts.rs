//! Residents' WeChat identities and what they allowed. An openid is bound to one resident's
//! account, after that resident proves their phone by a sign-in code: the entry page gives an
//! unknown openid a short-lived ticket (its hash stored, the ticket in a cookie), and the code
//! sign-in that follows binds it ([`bind`]). Each subscription the resident
//! accepts in the mini-program allows one message of that kind; sending one uses it.

use crate::sms::Template;
use crate::store::{now_ms, Store};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// How long a ticket waits for its sign-in.
pub const TICKET_SECS: i64 = 15 * 60;
/// The most unused subscriptions of one kind kept for a resident.
const MOST: i64 = 50;

/// A ticket as stored: its SHA-256, so a copy of the table binds nobody.
fn ticket_hash(ticket: &str) -> String {
    hex::encode(Sha256::digest(ticket.as_bytes()))
}

/// The resident bound to `openid`, unless disabled.
pub async fn resident_of(store: &Store, openid: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM users WHERE wechat_openid = $1 AND role = 'resident' AND disabled_at IS NULL")
        .bind(openid)
        .fetch_optional(&store.pool)
        .await
}

/// A ticket for `openid`, to be bound by the next code sign-in (expired ones are cleared).
pub async fn ticket(store: &Store, openid: &str) -> Result<String, sqlx::Error> {
    let mut raw = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut raw);
    let ticket = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
    let now = now_ms();
    sqlx::query("DELETE FROM wechat_tickets WHERE expires_at <= $1").bind(now).execute(store.writer()).await?;
    sqlx::query("INSERT INTO wechat_tickets (ticket_hash, openid, expires_at) VALUES ($1, $2, $3)")
        .bind(ticket_hash(&ticket))
        .bind(openid)
        .bind(now + TICKET_SECS * 1000)
        .execute(store.writer())
        .await?;
    Ok(ticket)
}

/// Records one more allowed message of each of `kinds` for `user_id` (up to a bound).
pub async fn subscribed(store: &Store, user_id: i64, kinds: &[Template]) -> Result<(), sqlx::Error> {
    let mut tx = store.writer().begin().await?;
    for kind in kinds {
        sqlx::query(
            "INSERT INTO wechat_subscriptions (user_id, template, remaining) VALUES ($1, $2, 1) \
             ON CONFLICT (user_id, template) DO UPDATE SET remaining = \
             CASE WHEN wechat_subscriptions.remaining < $3 THEN wechat_subscriptions.remaining + 1 ELSE $3 END",
        )
        .bind(user_id)
        .bind(kind.key())
        .bind(MOST)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Uses one allowed message of `kind` of the resident whose phone is `phone`: their openid and
/// id, or none when they have no WeChat or allowed none.
pub async fn take(store: &Store, phone: &str, kind: Template) -> Result<Option<(i64, String)>, sqlx::Error> {
    let bound: Option<(i64, String)> =
        sqlx::query_as("SELECT id, wechat_openid FROM users WHERE phone = $1 AND wechat_openid IS NOT NULL")
            .bind(phone)
            .fetch_optional(&store.pool)
            .await?;
    let Some((user_id, openid)) = bound else { return Ok(None) };
    let used = sqlx::query(
        "UPDATE wechat_subscriptions SET remaining = remaining - 1 WHERE user_id = $1 AND template = $2 AND remaining > 0",
    )
    .bind(user_id)
    .bind(kind.key())
    .execute(store.writer())
    .await?;
    Ok((used.rows_affected() == 1).then_some((user_id, openid)))
}

/// Forgets `user_id`'s allowed messages of `kind` (WeChat says there are none left).
pub async fn none_left(store: &Store, user_id: i64, kind: Template) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE wechat_subscriptions SET remaining = 0 WHERE user_id = $1 AND template = $2")
        .bind(user_id)
        .bind(kind.key())
        .execute(store.writer())
        .await?;
    Ok(())
}

/// Binds the WeChat identity waiting under `ticket` to `user_id` (taking it from any account that
/// held it) and spends the ticket, in one transaction; false when the ticket is unknown or expired.
pub async fn bind(store: &Store, ticket: &str, user_id: i64) -> Result<bool, sqlx::Error> {
    let hash = ticket_hash(ticket);
    let mut tx = store.writer().begin().await?;
    let openid: Option<String> =
        sqlx::query_scalar("DELETE FROM wechat_tickets WHERE ticket_hash = $1 AND expires_at > $2 RETURNING openid")
            .bind(&hash)
            .bind(now_ms())
            .fetch_optional(&mut *tx)
            .await?;
    let Some(openid) = openid else { return Ok(false) };
    sqlx::query("UPDATE users SET wechat_openid = NULL WHERE wechat_openid = $1 AND id <> $2")
        .bind(&openid)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE users SET wechat_openid = $1 WHERE id = $2")
        .bind(&openid)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}
