//! Partner systems' API keys. A request to `/api/` with `Authorization: Bearer <secret>` is made
//! by the key's machine account (a receiving body's, role `agency`), never by a session, and may
//! call only the endpoints of the key's scopes. Each key has [`CALLS_PER_MINUTE`] calls in a
//! window of a minute that opens with its first call; the count lives in the key's row, so every
//! server of a deployment shares it.

use super::sessions::hash_token;
use crate::caller::SessionUser;
use crate::store::Store;
use app::api::referrals::{AnswerReferral, CloseReferral, ReferralQueue};
use app::api::Endpoint;
use app::domain::Role;
use axum::http::{header, HeaderMap};

/// Calls a key may make in a minute.
pub const CALLS_PER_MINUTE: i64 = 120;
const WINDOW_MS: i64 = 60_000;
/// Secrets are `fai_` and 64 hex digits; anything much longer is not looked up.
const MAX_SECRET: usize = 128;

/// What each scope lets a key call.
pub const SCOPE_PATHS: &[(&str, &[&str])] =
    &[("referrals:read", &[ReferralQueue::PATH]), ("referrals:write", &[AnswerReferral::PATH, CloseReferral::PATH])];

/// The key a request presented, once it is known to be valid and within its rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyGrant {
    pub id: i64,
    pub scopes: Vec<String>,
}

impl KeyGrant {
    /// Whether one of the key's scopes covers the endpoint at `path`.
    pub fn allows(&self, path: &str) -> bool {
        SCOPE_PATHS.iter().any(|(scope, paths)| self.scopes.iter().any(|s| s == scope) && paths.contains(&path))
    }
}

/// Why a key is not let in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a key, an unknown one, a revoked one, or one whose account is disabled.
    Unknown,
    /// Over its calls for the minute; the window closes in this many seconds.
    TooMany(i64),
}

/// The bearer token of the `Authorization` header, if the request presents one; an empty one
/// (which no key matches) when it is missing, unreadable or too long. Other schemes are not keys:
/// a proxy's Basic sign-in in front of the portal leaves its sessions alone.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?;
    let Ok(value) = value.to_str() else { return Some("") };
    let (scheme, token) = value.trim().split_once(' ').unwrap_or((value.trim(), ""));
    if !scheme.eq_ignore_ascii_case("bearer") {
        return None;
    }
    let token = token.trim();
    Some(if token.len() > MAX_SECRET { "" } else { token })
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    user_id: i64,
    scopes: String,
    window_start: i64,
    window_calls: i64,
}

/// Checks `secret` and counts the call, in one statement.
pub async fn authenticate(
    store: &Store,
    secret: &str,
    now: i64,
) -> Result<Result<(SessionUser, KeyGrant), Refusal>, sqlx::Error> {
    if secret.is_empty() {
        return Ok(Err(Refusal::Unknown));
    }
    // `fetch_all`, not `fetch_optional`: the statement runs to its end before the writer is free.
    let row: Option<Row> = sqlx::query_as(
        "UPDATE api_keys SET \
         window_calls = CASE WHEN window_start > $1 - $2 THEN window_calls + 1 ELSE 1 END, \
         window_start = CASE WHEN window_start > $1 - $2 THEN window_start ELSE $1 END, \
         last_used_at = $1 \
         WHERE secret_hash = $3 AND revoked_at IS NULL \
         AND user_id IN (SELECT id FROM users WHERE disabled_at IS NULL AND role = 'agency') \
         RETURNING id, user_id, scopes, window_start, window_calls",
    )
    .bind(now)
    .bind(WINDOW_MS)
    .bind(hash_token(secret))
    .fetch_all(store.writer())
    .await?
    .pop();
    let Some(row) = row else { return Ok(Err(Refusal::Unknown)) };
    if row.window_calls > CALLS_PER_MINUTE {
        let closes_in_ms = row.window_start + WINDOW_MS - now;
        return Ok(Err(Refusal::TooMany((closes_in_ms + 999) / 1000)));
    }
    let user = SessionUser { id: row.user_id, role: Role::Agency, complete: true, street: None };
    let scopes = row.scopes.split_whitespace().map(str::to_owned).collect();
    Ok(Ok((user, KeyGrant { id: row.id, scopes })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn a_key_reaches_only_its_scopes_endpoints() {
        let read = KeyGrant { id: 1, scopes: vec!["referrals:read".into()] };
        assert!(read.allows("/api/referrals/queue"));
        assert!(!read.allows("/api/referrals/answer"));
        assert!(!read.allows("/api/auth/session"));
        let write = KeyGrant { id: 2, scopes: vec!["referrals:write".into()] };
        assert!(write.allows("/api/referrals/close"));
        assert!(!write.allows("/api/referrals/queue"));
    }

    #[test]
    fn only_a_bearer_token_is_a_credential() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer(&headers), None);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic YWJj"));
        assert_eq!(bearer(&headers), None, "a proxy's sign-in, not a key");
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer"));
        assert_eq!(bearer(&headers), Some(""));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("bearer  fai_abc "));
        assert_eq!(bearer(&headers), Some("fai_abc"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer fai_abc"));
        assert_eq!(bearer(&headers), Some("fai_abc"));
        let long = format!("Bearer {}", "a".repeat(200));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_str(&long).expect("ascii"));
        assert_eq!(bearer(&headers), Some(""));
    }
}
