//! Messages out. Whatever wants to send an SMS writes it to the outbox in its own transaction;
//! a worker delivers through an [`SmsSender`] and retries with back-off. Several app servers can
//! run workers at once: a message is claimed with a conditional update before it is sent.

use crate::config::SmsConfig;
use crate::store::sql::Sql;
use crate::store::{now_ms, Store};
use async_trait::async_trait;
use secrecy::{ExposeSecret, SecretString};
use sqlx::{Any, Transaction};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};

/// Delivers one text message.
#[async_trait]
pub trait SmsSender: Send + Sync {
    /// Sends `text` to the mainland mobile number `to`.
    async fn send(&self, to: &str, text: &str) -> Result<(), String>;
}

/// The development sender: one log line per message, with the recipient and the full text.
#[derive(Debug, Default)]
pub struct LogSender;

#[async_trait]
impl SmsSender for LogSender {
    async fn send(&self, to: &str, text: &str) -> Result<(), String> {
        tracing::info!(target: "sms", to, text, "sms sent (log sender)");
        Ok(())
    }
}

/// Posts `{"to": "...", "text": "..."}` to an SMS gateway with a bearer secret.
pub struct HttpSender {
    client: reqwest::Client,
    url: String,
    secret: SecretString,
}

impl HttpSender {
    /// Posts to `url` with `secret`; a gateway that has not answered within `timeout` counts as
    /// a failed attempt (the message stays queued and is retried later).
    pub fn new(url: &str, secret: SecretString, timeout: Duration) -> HttpSender {
        HttpSender {
            client: reqwest::Client::builder().timeout(timeout).build().unwrap_or_default(),
            url: url.to_owned(),
            secret,
        }
    }
}

#[async_trait]
impl SmsSender for HttpSender {
    async fn send(&self, to: &str, text: &str) -> Result<(), String> {
        let response = self
            .client
            .post(&self.url)
            .bearer_auth(self.secret.expose_secret())
            .json(&serde_json::json!({ "to": to, "text": text }))
            .send()
            .await
            .map_err(|e| format!("gateway unreachable: {e}"))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(format!("gateway answered {}", response.status()))
        }
    }
}

/// The sender the configuration asks for.
pub fn sender_from_config(config: &SmsConfig) -> Arc<dyn SmsSender> {
    match config {
        SmsConfig::Log => Arc::new(LogSender),
        SmsConfig::Http { url, secret } => Arc::new(HttpSender::new(url, secret.clone(), Duration::from_secs(10))),
    }
}

/// The outbox table and a bell to ring when something was added.
#[derive(Clone, Debug)]
pub struct Outbox {
    store: Store,
    bell: Arc<Notify>,
}

const BATCH: i64 = 50;
/// How long the worker lets messages gather once rung.
const GATHER: Duration = Duration::from_millis(50);
const CLAIM_MS: i64 = 60_000;
/// Deliveries tried before a message is given up (counted as failed in `/metrics`).
pub const MAX_ATTEMPTS: i64 = 8;

/// A message due to be sent, as stored.
#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    recipient: String,
    body: String,
    attempts: i64,
}

impl Outbox {
    /// The outbox of `store`.
    pub fn new(store: Store) -> Outbox {
        Outbox { store, bell: Arc::new(Notify::new()) }
    }

    /// Adds an SMS inside the caller's transaction: it goes out only if that commits.
    pub async fn enqueue(tx: &mut Transaction<'_, Any>, to: &str, text: &str) -> Result<(), sqlx::Error> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO outbox (channel, recipient, body, created_at, next_attempt_at) VALUES ('sms', $1, $2, $3, $3)",
        )
        .bind(to)
        .bind(text)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Adds an SMS that the recipient's in-app inbox shows too (when the number belongs to an
    /// account), inside the caller's transaction: one row, so one statement.
    pub async fn enqueue_with_inbox(tx: &mut Transaction<'_, Any>, to: &str, text: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO outbox (channel, recipient, body, created_at, next_attempt_at, user_id) \
             VALUES ('sms', $1, $2, $3, $3, (SELECT id FROM users WHERE phone = $1))",
        )
        .bind(to)
        .bind(text)
        .bind(now_ms())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Tells the worker to look now rather than at its next tick.
    pub fn wake(&self) {
        self.bell.notify_one();
    }

    /// Delivers due messages until `stop` turns true.
    pub async fn run(self, sender: Arc<dyn SmsSender>, mut stop: watch::Receiver<bool>) {
        loop {
            // Batch after batch while full ones keep coming.
            loop {
                match self.deliver_due(sender.as_ref()).await {
                    Ok(sent) if sent as i64 == BATCH => continue,
                    Ok(_) => break,
                    Err(error) => {
                        tracing::warn!(error = %error, "outbox pass failed");
                        break;
                    }
                }
            }
            tokio::select! {
                // Rung by every change that queued a message: waiting a moment lets the messages
                // of a busy moment go out in one pass (three statements) instead of one each.
                _ = self.bell.notified() => tokio::time::sleep(GATHER).await,
                _ = tokio::time::sleep(Duration::from_secs(2)) => {}
                _ = stop.changed() => return,
            }
        }
    }

    /// One pass: claim and send every due message. Returns how many were sent.
    pub async fn deliver_due(&self, sender: &dyn SmsSender) -> Result<usize, sqlx::Error> {
        let now = now_ms();
        let due: Vec<Due> = sqlx::query_as(
            "SELECT id, recipient, body, attempts FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 AND attempts < $2 ORDER BY id LIMIT $3",
        )
        .bind(now)
        .bind(MAX_ATTEMPTS)
        .bind(BATCH)
        .fetch_all(&self.store.pool)
        .await?;
        if due.is_empty() {
            return Ok(0);
        }
        // Claim the batch in one statement; what another server claimed first is not returned.
        let mut claim = Sql::new("UPDATE outbox SET next_attempt_at = ");
        claim.bind(now + CLAIM_MS).push(", attempts = attempts + 1 WHERE id IN ").bind_list(due.iter().map(|d| d.id));
        claim.push(" AND sent_at IS NULL AND next_attempt_at <= ").bind(now).push(" RETURNING id");
        let claimed: Vec<i64> =
            claim.fetch_all::<(i64,), _>(self.store.writer()).await?.into_iter().map(|(id,)| id).collect();
        // Sent messages are marked in one statement per batch, not one each: the writer's time
        // is the booking's. A crash mid-batch re-sends at most this batch's messages.
        let mut sent = Vec::new();
        for Due { id, recipient: to, body: text, attempts } in due.into_iter().filter(|d| claimed.contains(&d.id)) {
            match sender.send(&to, &text).await {
                Ok(()) => sent.push(id),
                Err(error) => {
                    let backoff = 30_000 * (1i64 << attempts.clamp(0, 6));
                    tracing::warn!(outbox_id = id, error = %error, "sms not delivered; will retry");
                    sqlx::query("UPDATE outbox SET last_error = $1, next_attempt_at = $2 WHERE id = $3")
                        .bind(&error)
                        .bind(now_ms() + backoff)
                        .bind(id)
                        .execute(self.store.writer())
                        .await?;
                }
            }
        }
        if !sent.is_empty() {
            let mut sql = Sql::new("UPDATE outbox SET sent_at = ");
            sql.bind(now_ms()).push(" WHERE id IN ").bind_list(sent.iter().copied());
            sql.execute(self.store.writer()).await?;
        }
        Ok(sent.len())
    }
}
