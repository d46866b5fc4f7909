//! The outbox: messages written in the transaction of the change they report, delivered by a
//! worker. Several app servers can run workers at once: a message is claimed with a conditional
//! update before it is sent.

use super::template::quiet_at;
use super::{FailureKind, Message, Outgoing, SmsSender, Template};
use crate::store::sql::Sql;
use crate::store::{now_ms, Store};
use sqlx::{Any, Transaction};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};

/// The outbox table and a bell to ring when something was added.
#[derive(Clone, Debug)]
pub struct Outbox {
    store: Store,
    bell: Arc<Notify>,
    /// Shanghai hours when only urgent messages go out; none: any message at any hour.
    quiet: Option<(u32, u32)>,
}

const BATCH: i64 = 50;
/// How long the worker lets messages gather once rung.
const GATHER: Duration = Duration::from_millis(50);
const CLAIM_MS: i64 = 60_000;
/// Deliveries tried before a message is given up (counted as failed in `/metrics`).
pub const MAX_ATTEMPTS: i64 = 8;

/// Inserts `message` to `to`; `user` is the SQL of the inbox it shows in (`NULL`: none).
async fn insert(tx: &mut Transaction<'_, Any>, to: &str, message: &Message, user: &str) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "INSERT INTO outbox (channel, recipient, body, created_at, next_attempt_at, user_id, template, params, link) \
         VALUES ('sms', $1, $2, $3, $3, {user}, $4, $5, $6)"
    ))
    .bind(to)
    .bind(&message.text)
    .bind(now_ms())
    .bind(message.template.key())
    .bind(message.params_json())
    .bind(&message.link)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A message due to be sent, as stored.
#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    recipient: String,
    body: String,
    attempts: i64,
    template: String,
    params: String,
}

impl Due {
    /// The message as a sender takes it; one queued as free text has no template.
    fn outgoing(&self) -> Outgoing {
        let message = Template::from_key(&self.template).map(|template| Message {
            template,
            params: serde_json::from_str::<BTreeMap<String, String>>(&self.params).unwrap_or_default(),
            text: self.body.clone(),
            link: None,
        });
        Outgoing { id: self.id, to: self.recipient.clone(), message, text: self.body.clone() }
    }
}

impl Outbox {
    /// The outbox of `store`.
    pub fn new(store: Store) -> Outbox {
        Outbox { store, bell: Arc::new(Notify::new()), quiet: None }
    }

    /// This outbox, holding messages that are not urgent during `hours` (Shanghai).
    pub fn quiet_during(self, hours: Option<(u32, u32)>) -> Outbox {
        Outbox { quiet: hours, ..self }
    }

    /// Adds an SMS inside the caller's transaction: it goes out only if that commits.
    pub async fn enqueue(tx: &mut Transaction<'_, Any>, to: &str, message: &Message) -> Result<(), sqlx::Error> {
        insert(tx, to, message, "NULL").await
    }

    /// Adds an SMS that the recipient's in-app inbox shows too (when the number belongs to an
    /// account), inside the caller's transaction: one row, so one statement.
    pub async fn enqueue_with_inbox(
        tx: &mut Transaction<'_, Any>,
        to: &str,
        message: &Message,
    ) -> Result<(), sqlx::Error> {
        insert(tx, to, message, "(SELECT id FROM users WHERE phone = $1)").await
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
        let mut select = Sql::new(
            "SELECT id, recipient, body, attempts, template, params FROM outbox \
             WHERE sent_at IS NULL AND next_attempt_at <= ",
        );
        select.bind(now).push(" AND attempts < ").bind(MAX_ATTEMPTS);
        if self.quiet.is_some_and(|hours| quiet_at(now, hours)) {
            // At night only urgent messages go; the rest wait in the queue for the morning.
            let waiting = Template::ALL.into_iter().filter(|t| !t.urgent()).map(|t| t.key().to_owned());
            select.push(" AND template NOT IN ").bind_list(waiting.collect::<Vec<_>>());
        }
        select.push(" ORDER BY id LIMIT ").bind(BATCH);
        let due: Vec<Due> = select.fetch_all(&self.store.pool).await?;
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
        for due in due.into_iter().filter(|d| claimed.contains(&d.id)) {
            match sender.send(&due.outgoing()).await {
                Ok(provider_id) => {
                    sent.push(due.id);
                    if let Some(provider_id) = provider_id {
                        sqlx::query("UPDATE outbox SET provider_id = $1 WHERE id = $2")
                            .bind(provider_id)
                            .bind(due.id)
                            .execute(self.store.writer())
                            .await?;
                    }
                }
                Err(error) => self.failed(due.id, due.attempts, error.failure, &error.reason).await?,
            }
        }
        if !sent.is_empty() {
            let mut sql = Sql::new("UPDATE outbox SET sent_at = ");
            sql.bind(now_ms()).push(" WHERE id IN ").bind_list(sent.iter().copied());
            sql.execute(self.store.writer()).await?;
        }
        Ok(sent.len())
    }

    /// Records a failed delivery: retried after a back-off that doubles with each attempt, or,
    /// when retrying cannot help, given up at once (its attempts used up, its reason kept).
    async fn failed(&self, id: i64, attempts: i64, failure: FailureKind, reason: &str) -> Result<(), sqlx::Error> {
        let (next, attempts_now, failed_at, error) = match failure {
            FailureKind::Retry => {
                tracing::warn!(outbox_id = id, error = %reason, "sms not delivered; will retry");
                (now_ms() + 30_000 * (1i64 << attempts.clamp(0, 6)), None, None, format!("retry: {reason}"))
            }
            FailureKind::GiveUp | FailureKind::WrongNumber => {
                let kind = if failure == FailureKind::WrongNumber { "wrong_number" } else { "give_up" };
                tracing::warn!(outbox_id = id, error = %reason, kind, "sms given up");
                (now_ms(), Some(MAX_ATTEMPTS), Some(now_ms()), format!("{kind}: {reason}"))
            }
        };
        sqlx::query(
            "UPDATE outbox SET last_error = $1, next_attempt_at = $2, attempts = COALESCE($3, attempts), failed_at = $4 \
             WHERE id = $5",
        )
        .bind(error)
        .bind(next)
        .bind(attempts_now)
        .bind(failed_at)
        .bind(id)
        .execute(self.store.writer())
        .await?;
        Ok(())
    }
}
