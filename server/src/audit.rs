//! The audit trail: who did what, when, from where. Written beside the action it records.

use crate::store::{now_ms, Store};

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
