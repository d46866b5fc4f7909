//! Answered questions close by themselves once nothing has happened on them for a while
//! (`QUESTION_CLOSE_DAYS`, 30), as a resident accepting the answer would close them. A resident
//! with more to ask can still follow up until then, and asks anew after. So the questions still
//! open — the lawyers' queue, the staff's — stay as many as the current work, however many
//! years of answered questions the programme holds, and a closed question's private files start
//! their retention.

use crate::store::Store;
use std::time::Duration;
use tokio::sync::watch;

/// How often the job looks; the first look is one interval after start.
const EVERY: Duration = Duration::from_secs(3600);

/// Closes the questions answered and idle since before `now - after_ms`; returns how many.
pub async fn close_idle(store: &Store, now: i64, after_ms: i64) -> Result<u64, sqlx::Error> {
    let closed = sqlx::query(
        "UPDATE questions SET status = 'closed', closed_at = $1, updated_at = $1 WHERE status = 'answered' AND updated_at < $2",
    )
    .bind(now)
    .bind(now.saturating_sub(after_ms))
    .execute(store.writer())
    .await?;
    Ok(closed.rows_affected())
}

/// Runs [`close_idle`] every [`EVERY`] until `stop`.
pub async fn run(store: Store, after_ms: i64, mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(EVERY) => {}
            _ = stop.changed() => return,
        }
        match close_idle(&store, crate::store::now_ms(), after_ms).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(questions = n, "answered questions closed after a quiet while"),
            Err(error) => tracing::warn!(error = %error, "closing answered questions failed"),
        }
    }
}
