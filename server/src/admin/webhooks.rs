//! Partner systems' webhooks, as admins register them: a name, an address, optionally one
//! receiving body whose referrals alone it hears of. The secret is made here and answered once.
//! Every change is audited.

use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, Store};
use app::error::{AppError, ErrorKind};
use app::model::{Empty, Webhook, WebhookEdit, Webhooks};
use rand::RngCore;

/// The longest address taken.
const MAX_URL: usize = 500;
/// The longest name.
const MAX_NAME: usize = 50;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    url: String,
    organisation_id: Option<i64>,
    disabled_at: Option<i64>,
    delivered: i64,
    waiting: i64,
    failed: i64,
}

/// Every webhook with how its events fared.
pub async fn list(store: &Store, _caller: &Caller, _: Empty) -> Result<Webhooks, Failure> {
    Ok(Webhooks { hooks: hooks(store).await?, secret: None })
}

async fn hooks(store: &Store) -> Result<Vec<Webhook>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT w.id, w.name, w.url, w.organisation_id, w.disabled_at, \
         CAST(COALESCE(SUM(CASE WHEN d.delivered_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS delivered, \
         CAST(COALESCE(SUM(CASE WHEN d.id IS NOT NULL AND d.delivered_at IS NULL AND d.failed_at IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS waiting, \
         CAST(COALESCE(SUM(CASE WHEN d.failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS failed \
         FROM webhooks w LEFT JOIN webhook_deliveries d ON d.webhook_id = w.id \
         GROUP BY w.id, w.name, w.url, w.organisation_id, w.disabled_at ORDER BY w.id",
    )
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Webhook {
            id: r.id,
            name: r.name,
            url: r.url,
            organisation_id: r.organisation_id,
            disabled: r.disabled_at.is_some(),
            delivered: r.delivered,
            waiting: r.waiting,
            failed: r.failed,
        })
        .collect())
}

/// `url` as kept (parsed and written back, as the sender will read it), if it is an address a
/// webhook may post to: http(s), a host, no credentials.
fn address(url: &str) -> Option<String> {
    let parsed = reqwest::Url::parse(url).ok().filter(|u| {
        matches!(u.scheme(), "https" | "http")
            && u.host_str().is_some_and(|h| !h.is_empty())
            && u.username().is_empty()
            && u.password().is_none()
    })?;
    Some(parsed.to_string()).filter(|kept| kept.len() <= MAX_URL)
}

/// The edit's name and address as kept, or the first thing wrong with it.
async fn check(store: &Store, caller: &Caller, edit: &WebhookEdit) -> Result<(String, String), Failure> {
    let t = caller.lang.messages();
    let name = edit.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(AppError::invalid("name", t.err_webhook_name).into());
    }
    let Some(url) = address(edit.url.trim()) else {
        return Err(AppError::invalid("url", t.err_webhook_url).into());
    };
    if let Some(organisation) = edit.organisation_id {
        let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1")
            .bind(organisation)
            .fetch_one(&store.pool)
            .await?;
        if known == 0 {
            return Err(AppError::invalid("organisation_id", t.err_webhook_organisation).into());
        }
    }
    Ok((name.to_owned(), url))
}

/// Registers or changes a webhook. Refused, nothing written: an empty or overlong name, an
/// address that is not http(s) (422), an unknown body (422); no such webhook (404).
pub async fn save(store: &Store, caller: &Caller, edit: WebhookEdit) -> Result<Webhooks, Failure> {
    let user = caller.user()?;
    let (name, url) = check(store, caller, &edit).await?;
    let name = name.as_str();
    let now = now_ms();
    let (id, secret) = match edit.id {
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE webhooks SET name = $1, url = $2, organisation_id = $3, \
                 disabled_at = CASE WHEN $4 = 1 THEN COALESCE(disabled_at, $5) ELSE NULL END WHERE id = $6",
            )
            .bind(name)
            .bind(&url)
            .bind(edit.organisation_id)
            .bind(i64::from(edit.disabled))
            .bind(now)
            .bind(id)
            .execute(store.writer())
            .await?;
            if changed.rows_affected() != 1 {
                return Err(caller.error(ErrorKind::NotFound).into());
            }
            (id, None)
        }
        None => {
            let mut bytes = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let secret = hex::encode(bytes);
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO webhooks (name, url, secret, organisation_id, created_at, disabled_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(name)
            .bind(&url)
            .bind(&secret)
            .bind(edit.organisation_id)
            .bind(now)
            .bind(edit.disabled.then_some(now))
            .fetch_all(store.writer())
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| caller.error(ErrorKind::Internal))?;
            (id, Some(secret))
        }
    };
    let state = if edit.disabled { ":disabled" } else { "" };
    audit::record_by(store, caller, user.id, "webhook_save", &format!("webhook:{id}{state}")).await?;
    Ok(Webhooks { hooks: hooks(store).await?, secret })
}
