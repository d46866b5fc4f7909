//! Personal data leaves when its time is up, by one hourly pass on any server (each statement is
//! safe to run twice or on two servers at once). Each rule's period is what the data map's "kept"
//! says; the files' own pass (`files::retention`) keeps theirs. `purge` takes the clock as an
//! argument, so a test can run it at any time.

use crate::store::{now_ms, Store};
use std::time::Duration;
use tokio::sync::watch;

const DAY_MS: i64 = 86_400_000;

/// What goes: a name for the log, a statement with `$1` the last instant kept, and how long.
pub const RULES: [(&str, &str, i64); 6] = [
    ("sign-in codes", "DELETE FROM one_time_codes WHERE created_at < $1", DAY_MS),
    ("ended sessions", "DELETE FROM sessions WHERE expires_at < $1", 0),
    ("WeChat tickets", "DELETE FROM wechat_tickets WHERE expires_at < $1", 0),
    (
        "message numbers and texts",
        "UPDATE outbox SET recipient = '', body = '', params = '{}', user_id = NULL \
         WHERE created_at < $1 AND (sent_at IS NOT NULL OR failed_at IS NOT NULL) AND recipient <> ''",
        180 * DAY_MS,
    ),
    ("in-app messages", "DELETE FROM notifications WHERE created_at < $1", 730 * DAY_MS),
    ("audit events", "DELETE FROM audit_events WHERE at < $1", 3 * 365 * DAY_MS),
];

/// Applies every rule as of `now`; answers how many rows each changed.
pub async fn purge(store: &Store, now: i64) -> Result<Vec<u64>, sqlx::Error> {
    let mut changed = Vec::with_capacity(RULES.len());
    for (_, sql, kept) in RULES {
        changed.push(sqlx::query(sql).bind(now - kept).execute(store.writer()).await?.rows_affected());
    }
    Ok(changed)
}

/// Runs [`purge`] every hour until `stop`.
pub async fn run(store: Store, mut stop: watch::Receiver<bool>) {
    loop {
        match purge(&store, now_ms()).await {
            Ok(changed) => {
                for ((what, _, _), n) in RULES.iter().zip(changed).filter(|(_, n)| *n > 0) {
                    tracing::info!(what, rows = n, "personal data past its time removed");
                }
            }
            Err(error) => tracing::warn!(error = %error, "retention pass failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
            _ = stop.changed() => return,
        }
    }
}
