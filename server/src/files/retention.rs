//! Files leave when their time is up: a booking's private files a set time after the booking
//! closed (180 days by default, `FILE_RETENTION_DAYS`), uploads never attached after a day, and
//! any file its owner deletes at once, and every file of an erased account. Safe on several servers: each file is marked deleted by a
//! conditional update (one server wins), and bytes leave the blob store only while the blob's
//! lock is held and no live file names them.

use super::blobs::Blobs;
use crate::failure::Failure;
use crate::store::{lock_key, now_ms, Store};
use std::time::Duration;
use tokio::sync::watch;

/// How long an upload may wait to be attached.
pub const PENDING_MS: i64 = 24 * 3_600_000;

/// Why removing a file failed.
#[derive(Debug, thiserror::Error)]
pub enum RemoveError {
    /// The database.
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    /// The blob store.
    #[error(transparent)]
    Blob(#[from] object_store::Error),
}

impl From<RemoveError> for Failure {
    fn from(error: RemoveError) -> Failure {
        match error {
            RemoveError::Sql(e) => e.into(),
            RemoveError::Blob(e) => e.into(),
        }
    }
}

/// Marks file `id` deleted at `now` and drops its bytes when nothing else names them. Returns
/// whether this call deleted it (false: already gone).
pub async fn remove(store: &Store, blobs: &Blobs, id: i64, now: i64) -> Result<bool, RemoveError> {
    let keys: Option<(String, Option<String>)> = sqlx::query_as("SELECT blob_key, thumb_key FROM files WHERE id = $1")
        .bind(id)
        .fetch_optional(&store.pool)
        .await?;
    let Some((key, thumb)) = keys else { return Ok(false) };
    let mut tx = store.writer().begin().await?;
    for blob in std::iter::once(&key).chain(thumb.as_ref()) {
        lock_key(&mut tx, &format!("blob:{blob}")).await?;
    }
    let marked = sqlx::query("UPDATE files SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if marked.rows_affected() != 1 {
        return Ok(false);
    }
    for blob in std::iter::once(&key).chain(thumb.as_ref()) {
        let live: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM files WHERE (blob_key = $1 OR thumb_key = $1) AND deleted_at IS NULL",
        )
        .bind(blob)
        .fetch_one(&mut *tx)
        .await?;
        if live == 0 {
            blobs.delete(blob).await?;
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// Removes every file whose time is up at `now`; returns how many.
pub async fn purge(store: &Store, blobs: &Blobs, now: i64, retention_ms: i64) -> Result<usize, RemoveError> {
    let due: Vec<i64> = sqlx::query_scalar(
        "SELECT f.id FROM files f LEFT JOIN bookings b ON b.id = f.booking_id LEFT JOIN questions q ON q.id = f.question_id \
         WHERE f.deleted_at IS NULL AND ( \
           (f.purpose = 'pending' AND f.created_at < $1) \
           OR (f.purpose = 'private' AND b.status IN ('declined', 'cancelled', 'completed', 'no_show') \
               AND (CASE WHEN b.updated_at > b.slot_end THEN b.updated_at ELSE b.slot_end END) < $2) \
           OR (f.purpose = 'private' AND q.status = 'closed' AND q.closed_at < $2) \
           OR f.uploaded_by IN (SELECT id FROM users WHERE erased_at IS NOT NULL) \
           OR f.resident_id IN (SELECT id FROM users WHERE erased_at IS NOT NULL)) \
         ORDER BY f.id LIMIT 1000",
    )
    .bind(now - PENDING_MS)
    .bind(now - retention_ms)
    .fetch_all(&store.pool)
    .await?;
    let mut removed = 0;
    for id in due {
        if remove(store, blobs, id, now).await? {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Runs [`purge`] every hour until `stop`.
pub async fn run(store: Store, blobs: Blobs, retention_ms: i64, mut stop: watch::Receiver<bool>) {
    loop {
        match purge(&store, &blobs, now_ms(), retention_ms).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(files = n, "expired files removed"),
            Err(error) => tracing::warn!(error = %error, "removing expired files failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
            _ = stop.changed() => return,
        }
    }
}
