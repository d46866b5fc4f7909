//! Server-wide values kept in the database, so that every app server shares them.

use super::Store;
use base64::Engine;
use rand::RngCore;

/// The key for sign-in code hashes, created once on first start.
///
/// Codes are short, so a plain hash of one is guessed in a million tries; keyed with this
/// secret, a copy of the table alone does not give the codes away.
pub async fn code_key(store: &Store) -> Result<Vec<u8>, sqlx::Error> {
    let mut fresh = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut fresh);
    let encoded = base64::engine::general_purpose::STANDARD.encode(fresh);
    // Two servers starting at once both insert; the first wins and both read it back.
    sqlx::query("INSERT INTO settings (name, value) VALUES ('code_key', $1) ON CONFLICT (name) DO NOTHING")
        .bind(&encoded)
        .execute(store.writer())
        .await?;
    let stored: String =
        sqlx::query_scalar("SELECT value FROM settings WHERE name = 'code_key'").fetch_one(&store.pool).await?;
    base64::engine::general_purpose::STANDARD.decode(stored).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}
