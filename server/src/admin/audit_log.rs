//! The audit log as staff read it: who did what to which record, newest first, filtered by
//! action, actor and subject, a page at a time.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;
use crate::text::like_contains;
use app::error::AppError;
use app::model::{AuditEntry, AuditPage, AuditQuery};
use app::time::Instant;

/// An event with its actor's name and login.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    at: i64,
    display_name: Option<String>,
    login: Option<String>,
    action: String,
    subject: String,
    detail: String,
    client_ip: Option<String>,
}

/// Events per page.
const PAGE: i64 = 100;
/// The longest filter text.
const MAX_FILTER_CHARS: usize = 100;

/// The events matching `query`; 422 for a filter longer than 100 characters.
pub async fn read(store: &Store, caller: &Caller, query: AuditQuery) -> Result<AuditPage, Failure> {
    let t = caller.lang.messages();
    for (field, text) in [("action", &query.action), ("actor", &query.actor), ("subject", &query.subject)] {
        if text.chars().count() > MAX_FILTER_CHARS {
            return Err(AppError::invalid(field, t.err_filter).into());
        }
    }
    let (action, actor, subject) = (query.action.trim(), query.actor.trim(), query.subject.trim());
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT e.id, e.at, u.display_name, u.login, e.action, e.subject, e.detail, e.client_ip FROM audit_events e \
         LEFT JOIN users u ON u.id = e.actor_user_id \
         WHERE ($1 = '' OR e.action = $1) \
         AND ($2 = '' OR LOWER(u.display_name) LIKE $3 ESCAPE '\\' OR LOWER(u.login) LIKE $3 ESCAPE '\\') \
         AND ($4 = '' OR LOWER(e.subject) LIKE $5 ESCAPE '\\') AND e.id < $6 \
         ORDER BY e.id DESC LIMIT $7",
    )
    .bind(action)
    .bind(actor)
    .bind(like_contains(&actor.to_lowercase()))
    .bind(subject)
    .bind(like_contains(&subject.to_lowercase()))
    .bind(query.before_id.unwrap_or(i64::MAX))
    .bind(PAGE + 1)
    .fetch_all(&store.pool)
    .await?;
    let more = rows.len() as i64 > PAGE;
    let entries = rows
        .into_iter()
        .take(PAGE as usize)
        .map(|row| AuditEntry {
            id: row.id,
            at: Instant(row.at),
            actor: row.display_name.map(|n| match row.login {
                Some(login) => format!("{n} ({login})"),
                None => n,
            }),
            action: row.action,
            subject: row.subject,
            reason: row.detail,
            client_ip: row.client_ip,
        })
        .collect();
    let actions: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT action FROM audit_events ORDER BY action").fetch_all(&store.pool).await?;
    Ok(AuditPage { entries, more, actions })
}
