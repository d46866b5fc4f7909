//! Server-side sessions. The cookie holds a random token; the database holds only its SHA-256,
//! so a copy of the table cannot be replayed as cookies.

use crate::caller::SessionUser;
use crate::store::{now_ms, Store};
use app::domain::Role;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// How long a signed-in session lasts.
pub const SESSION_SECS: i64 = 30 * 24 * 3600;
/// How long a password sign-in may wait for its second-factor code.
pub const PENDING_SECS: i64 = 10 * 60;

/// The stored form of a token.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Opens a session and returns its token and lifetime in seconds.
pub async fn create(store: &Store, user_id: i64, complete: bool) -> Result<(String, i64), sqlx::Error> {
    let mut raw = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut raw);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
    let lifetime = if complete { SESSION_SECS } else { PENDING_SECS };
    let now = now_ms();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, complete, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_token(&token))
    .bind(user_id)
    .bind(i64::from(complete))
    .bind(now)
    .bind(now + lifetime * 1000)
    .execute(store.writer())
    .await?;
    Ok((token, lifetime))
}

/// Revokes the session with this token, if it is live.
pub async fn revoke(store: &Store, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL")
        .bind(now_ms())
        .bind(hash_token(token))
        .execute(store.writer())
        .await?;
    Ok(())
}

/// A live session's account as stored.
#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    role: String,
    complete: i64,
    lang: String,
    street_id: Option<i64>,
}

/// The account behind a live session token.
pub async fn resolve(store: &Store, token: &str) -> Result<Option<(SessionUser, String)>, sqlx::Error> {
    let row: Option<SessionRow> = sqlx::query_as(
        "SELECT u.id, u.role, s.complete, u.lang, u.street_id FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL",
    )
    .bind(hash_token(token))
    .bind(now_ms())
    .fetch_optional(&store.pool)
    .await?;
    Ok(row.and_then(|row| {
        let street = row.street_id.filter(|_| row.role == Role::Staff.as_str());
        let user = |role| SessionUser { id: row.id, role, complete: row.complete == 1, street };
        Role::from_db(&row.role).map(|role| (user(role), row.lang))
    }))
}
