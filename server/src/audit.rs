//! The audit trail: who did what, when, from where. Written beside the action it records.

use crate::failure::Failure;
use crate::store::{now_ms, Store};
use app::domain::{required_text, MAX_REASON_CHARS};
use app::error::AppError;

/// One event to record.
#[derive(Debug)]
pub struct AuditEvent<'a> {
    /// The account acting, if known.
    pub actor: Option<i64>,
    /// What happened, e.g. `sign_in`.
    pub action: &'a str,
    /// What it happened to, e.g. a login name or `document:17`.
    pub subject: &'a str,
    /// The client's address.
    pub client_ip: Option<String>,
}

/// Records that the signed-in `actor` did `action` to `subject`, from the caller's address.
pub async fn record_by(
    store: &Store,
    caller: &crate::caller::Caller,
    actor: i64,
    action: &str,
    subject: &str,
) -> Result<(), sqlx::Error> {
    let client_ip = caller.client_ip.map(|ip| ip.to_string());
    record(store, AuditEvent { actor: Some(actor), action, subject, client_ip }).await
}

/// Why staff open a resident's matter, as they wrote it: trimmed, at most 200 characters, with
/// at least two letters or digits (spaces, dots or invisible marks alone say nothing). 422 on
/// `reason` otherwise.
pub fn access_reason(caller: &crate::caller::Caller, text: &str) -> Result<String, Failure> {
    required_text(text, MAX_REASON_CHARS)
        .ok()
        .filter(|reason| reason.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
        .ok_or_else(|| AppError::invalid("reason", caller.lang.messages().err_access_reason).into())
}

/// Records that worker `actor` opened resident `about`'s matter (`action` on `subject`), with
/// the reason they gave: the resident reads these on 个人信息 (`access_log`).
pub async fn record_access(
    store: &Store,
    caller: &crate::caller::Caller,
    actor: i64,
    (action, subject): (&str, &str),
    about: i64,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_events (at, actor_user_id, action, subject, client_ip, about_user_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(now_ms())
    .bind(actor)
    .bind(action)
    .bind(subject)
    .bind(caller.client_ip.map(|ip| ip.to_string()))
    .bind(about)
    .bind(reason)
    .execute(store.writer())
    .await?;
    Ok(())
}

/// The opening of a resident's matter by someone else, as the resident reads it.
#[derive(Debug, sqlx::FromRow)]
pub struct Access {
    pub at: i64,
    pub action: String,
    /// Who opened it: their name and role.
    pub name: Option<String>,
    pub role: Option<String>,
    pub reason: String,
}

/// The latest 100 openings of resident `about`'s matters by anyone else, newest first.
pub async fn access_log(store: &Store, about: i64) -> Result<Vec<Access>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.at, a.action, u.display_name AS name, u.role, a.detail AS reason \
         FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id \
         WHERE a.about_user_id = $1 AND (a.actor_user_id IS NULL OR a.actor_user_id <> $1) \
         ORDER BY a.at DESC, a.id DESC LIMIT 100",
    )
    .bind(about)
    .fetch_all(&store.pool)
    .await
}

/// Appends an event.
pub async fn record(store: &Store, event: AuditEvent<'_>) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO audit_events (at, actor_user_id, action, subject, client_ip) VALUES ($1, $2, $3, $4, $5)")
        .bind(now_ms())
        .bind(event.actor)
        .bind(event.action)
        .bind(event.subject)
        .bind(event.client_ip)
        .execute(store.writer())
        .await?;
    Ok(())
}
