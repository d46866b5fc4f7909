//! Agreeing to the privacy notice. The notice's text is `privacy_notice_*` in the server's
//! messages; `NOTICE_VERSION` names it and changes with it. A resident agrees by signing in under
//! the sign-in page's line that links to it, or on 个人信息; each agreement to a version is kept
//! with its time, so a resident can see what they agreed to and when.

use crate::store::{now_ms, Store};

/// The version of the notice in force: the day its text last changed.
pub const NOTICE_VERSION: &str = "2026-12-05";

/// How a resident agreed.
#[derive(Debug, Clone, Copy)]
pub enum How {
    SignIn,
    Page,
}

/// Records that `user_id` agreed to the notice in force, unless they already have.
pub async fn agree(store: &Store, user_id: i64, how: How) -> Result<(), sqlx::Error> {
    let how = match how {
        How::SignIn => "sign_in",
        How::Page => "page",
    };
    sqlx::query(
        "INSERT INTO consents (user_id, version, agreed_at, how) SELECT $1, $2, $3, $4 \
         WHERE NOT EXISTS (SELECT 1 FROM consents WHERE user_id = $1 AND version = $2)",
    )
    .bind(user_id)
    .bind(NOTICE_VERSION)
    .bind(now_ms())
    .bind(how)
    .execute(store.writer())
    .await?;
    Ok(())
}

/// The version `user_id` last agreed to and when, if ever.
pub async fn latest(store: &Store, user_id: i64) -> Result<Option<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT version, agreed_at FROM consents WHERE user_id = $1 ORDER BY agreed_at DESC, id DESC LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(&store.pool)
    .await
}
