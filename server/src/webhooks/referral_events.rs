//! A referral's steps as partner systems receive them: what a case system
//! needs to find and follow the referral — its kind, body, community, status, special group and
//! outcome — and nothing that names the resident.

use serde_json::json;
use sqlx::{Any, Transaction};

#[derive(sqlx::FromRow)]
struct Step {
    id: i64,
    kind: String,
    status: String,
    organisation_id: i64,
    organisation: String,
    community: String,
    special_group: Option<String>,
    outcome: Option<String>,
    sent_at: Option<i64>,
    answered_at: Option<i64>,
    closed_at: Option<i64>,
}

/// Queues the step referral `id` has just reached (`referral.<status>`) for the webhooks that
/// want it, in the transaction that made the step.
pub async fn announce(tx: &mut Transaction<'_, Any>, id: i64) -> Result<(), sqlx::Error> {
    let step: Step = sqlx::query_as(
        "SELECT r.id, r.kind, r.status, r.organisation_id, o.name AS organisation, c.name AS community, \
         r.special_group, r.outcome, r.sent_at, r.answered_at, r.closed_at FROM referrals r \
         JOIN organisations o ON o.id = r.organisation_id JOIN communities c ON c.id = r.community_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    let event = format!("referral.{}", step.status);
    // One id per referral and step: each step happens once, so a repeat is the same event.
    let event_id = format!("referral-{}-{}", step.id, step.status);
    let body = json!({
        "id": event_id,
        "event": event,
        "referral": {
            "id": step.id,
            "kind": step.kind,
            "status": step.status,
            "organisation_id": step.organisation_id,
            "organisation": step.organisation,
            "community": step.community,
            "special_group": step.special_group,
            "outcome": step.outcome,
            "sent_at": step.sent_at,
            "answered_at": step.answered_at,
            "closed_at": step.closed_at,
        },
    });
    super::enqueue(tx, step.organisation_id, &event, &event_id, &body).await
}
