//! Webhooks: a referral's steps posted to partner systems (a legal-aid case system, the
//! mediation platform, the city's 12348 hotline) at the addresses admins registered. An event is
//! queued in the transaction that made the step, once per webhook that wants it, and delivered
//! from that queue by a job: signed, retried with a back-off that doubles, delivered at least
//! once. Its id is the same on every attempt, so a receiver drops a repeat.
//!
//! The request: `POST <url>` with the event as JSON and
//! `X-Fai-Event: referral.accepted`, `X-Fai-Event-Id: referral-12-accepted`,
//! `X-Fai-Timestamp: <unix seconds>` and `X-Fai-Signature: v1=<hex HMAC-SHA256 of
//! "<timestamp>.<body>" under the webhook's secret>`. A receiver checks the signature and that the
//! timestamp is recent.

mod referral_events;
/// Queues a referral's step for the webhooks that want it, in the step's transaction.
pub use referral_events::announce as announce_referral_step;

use crate::store::sql::Sql;
use crate::store::{now_ms, Store};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::{Any, Transaction};
use std::time::Duration;
use tokio::sync::watch;

/// Attempts before a delivery is given up.
pub const MAX_ATTEMPTS: i64 = 8;
/// Deliveries taken in one pass.
const BATCH: i64 = 50;
/// How long a receiver has to answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Queues `event` (its id `event_id`, its JSON `body`) for every webhook that wants the referrals
/// of `organisation_id`, inside the caller's transaction: it goes out only if that commits.
pub async fn enqueue(
    tx: &mut Transaction<'_, Any>,
    organisation_id: i64,
    event: &str,
    event_id: &str,
    body: &serde_json::Value,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO webhook_deliveries (webhook_id, event_id, event, body, created_at, next_attempt_at) \
         SELECT id, $1, $2, $3, $4, $4 FROM webhooks \
         WHERE disabled_at IS NULL AND (organisation_id IS NULL OR organisation_id = $5)",
    )
    .bind(event_id)
    .bind(event)
    .bind(body.to_string())
    .bind(now_ms())
    .bind(organisation_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// `v1=<hex>`: the signature of `body` sent at `timestamp` under `secret`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    format!("v1={}", hmac_hex(secret, &format!("{timestamp}.{body}")))
}

/// HMAC-SHA256 of `message` under `key`, in lower-case hex.
fn hmac_hex(key: &str, message: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("any key length");
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// A delivery due now.
#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    event_id: String,
    event: String,
    body: String,
    attempts: i64,
    url: String,
    secret: String,
}

/// Delivers due events until `stop` turns true.
pub async fn run(store: Store, client: reqwest::Client, mut stop: watch::Receiver<bool>) {
    loop {
        if let Err(error) = deliver_due(&store, &client).await {
            tracing::warn!(error = %error, "webhook pass failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
            _ = stop.changed() => return,
        }
    }
}

/// One pass: claims the due deliveries and posts each. Returns how many were answered 2xx.
pub async fn deliver_due(store: &Store, client: &reqwest::Client) -> Result<usize, sqlx::Error> {
    let now = now_ms();
    let due: Vec<Due> = sqlx::query_as(
        "SELECT d.id, d.event_id, d.event, d.body, d.attempts, w.url, w.secret FROM webhook_deliveries d \
         JOIN webhooks w ON w.id = d.webhook_id \
         WHERE d.delivered_at IS NULL AND d.failed_at IS NULL AND d.next_attempt_at <= $1 AND w.disabled_at IS NULL \
         ORDER BY d.id LIMIT $2",
    )
    .bind(now)
    .bind(BATCH)
    .fetch_all(&store.pool)
    .await?;
    if due.is_empty() {
        return Ok(0);
    }
    // Claimed for as long as an answer may take: another server's pass skips them meanwhile.
    let claim_until = now + 2 * i64::try_from(TIMEOUT.as_millis()).unwrap_or(60_000);
    let mut claim = Sql::new("UPDATE webhook_deliveries SET next_attempt_at = ");
    claim.bind(claim_until).push(", attempts = attempts + 1 WHERE id IN ").bind_list(due.iter().map(|d| d.id));
    claim.push(" AND delivered_at IS NULL AND next_attempt_at <= ").bind(now).push(" RETURNING id");
    let claimed: Vec<i64> = claim.fetch_all::<(i64,), _>(store.writer()).await?.into_iter().map(|(id,)| id).collect();
    let mut delivered = 0;
    for due in due.into_iter().filter(|d| claimed.contains(&d.id)) {
        match post(client, &due).await {
            Ok(()) => {
                delivered += 1;
                sqlx::query("UPDATE webhook_deliveries SET delivered_at = $1, last_error = NULL WHERE id = $2")
                    .bind(now_ms())
                    .bind(due.id)
                    .execute(store.writer())
                    .await?;
            }
            Err(reason) => failed(store, &due, &reason).await?,
        }
    }
    Ok(delivered)
}

/// Posts one delivery; `Err` says why it was not taken.
async fn post(client: &reqwest::Client, due: &Due) -> Result<(), String> {
    let timestamp = now_ms() / 1000;
    let answer = client
        .post(&due.url)
        .timeout(TIMEOUT)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("X-Fai-Event", &due.event)
        .header("X-Fai-Event-Id", &due.event_id)
        .header("X-Fai-Timestamp", timestamp.to_string())
        .header("X-Fai-Signature", signature(&due.secret, timestamp, &due.body))
        .body(due.body.clone())
        .send()
        .await
        .map_err(|e| if e.is_timeout() { "timed out".to_owned() } else { e.to_string() })?;
    if answer.status().is_success() {
        Ok(())
    } else {
        Err(format!("answered {}", answer.status().as_u16()))
    }
}

/// Retries after 30 s, then 1, 2, 4 … minutes; given up once its attempts are used up.
async fn failed(store: &Store, due: &Due, reason: &str) -> Result<(), sqlx::Error> {
    let attempts = due.attempts + 1;
    let given_up = attempts >= MAX_ATTEMPTS;
    tracing::warn!(delivery = due.id, event = %due.event_id, error = %reason, given_up, "webhook not delivered");
    sqlx::query("UPDATE webhook_deliveries SET next_attempt_at = $1, failed_at = $2, last_error = $3 WHERE id = $4")
        .bind(now_ms() + 30_000 * (1i64 << due.attempts.clamp(0, 10)))
        .bind(given_up.then(now_ms))
        .bind(reason)
        .bind(due.id)
        .execute(store.writer())
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_signature_is_hmac_sha256_of_the_timestamp_and_the_body() {
        // The published example of HMAC-SHA256.
        assert_eq!(
            super::hmac_hex("key", "The quick brown fox jumps over the lazy dog"),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        );
        assert_eq!(
            super::signature("key", 1_796_000_000, "{}"),
            format!("v1={}", super::hmac_hex("key", "1796000000.{}"))
        );
    }
}
