//! PostgreSQL's roll-ups take each write's share through a queue (migration 43): writers append
//! to `board_pending` and wait for nobody; [`fold`] applies what is queued. The board folds
//! before it reads, so its figures are exact; [`run`] folds every few seconds so the queue stays
//! short. SQLite reads the board from views over the records and has no queue.

use crate::store::{Backend, Store};
use std::time::Duration;
use tokio::sync::watch;

/// How often the job folds.
const EVERY: Duration = Duration::from_secs(5);

/// Applies every queued share to the roll-ups (on PostgreSQL; nothing to do on SQLite).
pub async fn fold(store: &Store) -> Result<(), sqlx::Error> {
    if store.backend == Backend::Postgres {
        sqlx::query("SELECT board_fold()").execute(&store.pool).await?;
    }
    Ok(())
}

/// Folds every [`EVERY`] until `stop`.
pub async fn run(store: Store, mut stop: watch::Receiver<bool>) {
    if store.backend != Backend::Postgres {
        return;
    }
    loop {
        if let Err(error) = fold(&store).await {
            tracing::warn!(error = %error, "folding the board's queue failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(EVERY) => {}
            _ = stop.changed() => return,
        }
    }
}
