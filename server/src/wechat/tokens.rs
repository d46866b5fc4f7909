//! The access token, shared by every server through the database and refreshed by one of them
//! at a time: the server that finds it stale takes a short lease on its row with a conditional
//! update, asks WeChat, and writes the new token; the others wait for it rather than asking too.
//! No lock is held while WeChat is asked.

use super::api::{ApiError, WechatApi};
use crate::store::{now_ms, Store};
use std::sync::Arc;
use std::time::Duration;

/// A token is renewed this long before WeChat says it expires.
const MARGIN_MS: i64 = 5 * 60_000;
/// How long a server may take to renew it before another may try.
const LEASE_MS: i64 = 15_000;
/// How often a waiting server looks whether the token has been renewed.
const POLL: Duration = Duration::from_millis(50);

/// The mini-program's access token.
#[derive(Clone)]
pub struct AccessTokens {
    store: Store,
    api: Arc<WechatApi>,
}

/// The token store failed: counted as WeChat busy (the message falls back or is retried).
fn stored(e: sqlx::Error) -> ApiError {
    ApiError { code: -1, message: format!("token store: {e}") }
}

/// The token's row.
#[derive(sqlx::FromRow)]
struct Row {
    token: String,
    expires_at: i64,
}

impl AccessTokens {
    /// The token of `api`'s mini-program, kept in `store`.
    pub fn new(store: Store, api: Arc<WechatApi>) -> AccessTokens {
        AccessTokens { store, api }
    }

    /// A valid token: the stored one, or a new one that this server or another has just asked for.
    pub async fn get(&self) -> Result<String, ApiError> {
        let app_id = self.api.config().app_id.clone();
        sqlx::query(
            "INSERT INTO wechat_tokens (app_id, token, expires_at, lease_until) VALUES ($1, '', 0, 0) \
             ON CONFLICT (app_id) DO NOTHING",
        )
        .bind(&app_id)
        .execute(self.store.writer())
        .await
        .map_err(stored)?;
        let deadline = now_ms() + 2 * LEASE_MS;
        loop {
            let row: Row = sqlx::query_as("SELECT token, expires_at FROM wechat_tokens WHERE app_id = $1")
                .bind(&app_id)
                .fetch_one(&self.store.pool)
                .await
                .map_err(stored)?;
            let now = now_ms();
            if row.expires_at > now + MARGIN_MS {
                return Ok(row.token);
            }
            // The lease goes only to a server that finds the token still stale: one that read the
            // row just before another renewed it must not renew it again.
            let leased = sqlx::query(
                "UPDATE wechat_tokens SET lease_until = $1 WHERE app_id = $2 AND lease_until <= $3 AND expires_at <= $4",
            )
            .bind(now + LEASE_MS)
            .bind(&app_id)
            .bind(now)
            .bind(now + MARGIN_MS)
            .execute(self.store.writer())
            .await
            .map_err(stored)?;
            if leased.rows_affected() == 1 {
                return self.renew(&app_id).await;
            }
            if now > deadline {
                return Err(ApiError { code: -1, message: "the token was not renewed in time".into() });
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Asks WeChat for a token and stores it; the lease is given back either way.
    async fn renew(&self, app_id: &str) -> Result<String, ApiError> {
        let asked = self.api.access_token().await;
        let written = match &asked {
            Ok((token, seconds)) => {
                sqlx::query("UPDATE wechat_tokens SET token = $1, expires_at = $2, lease_until = 0 WHERE app_id = $3")
                    .bind(token)
                    .bind(now_ms() + seconds * 1000)
                    .bind(app_id)
                    .execute(self.store.writer())
                    .await
            }
            Err(_) => {
                sqlx::query("UPDATE wechat_tokens SET lease_until = 0 WHERE app_id = $1")
                    .bind(app_id)
                    .execute(self.store.writer())
                    .await
            }
        };
        written.map_err(stored)?;
        asked.map(|(token, _)| token)
    }

    /// Marks `token` stale after WeChat refused it, unless another server has already renewed it:
    /// the next `get` renews it once.
    pub async fn refused(&self, token: &str) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE wechat_tokens SET expires_at = 0 WHERE app_id = $1 AND token = $2")
            .bind(&self.api.config().app_id)
            .bind(token)
            .execute(self.store.writer())
            .await?;
        Ok(())
    }
}
