//! Partner systems' API keys, as admins issue them. Issuing one makes its machine account (role
//! `agency`, of one receiving body, with no phone, login or password: nobody signs in as it) and
//! answers the secret once; only its hash is kept. A key can be renamed, rescoped and revoked; a
//! revoked key stays revoked. Every change is audited.

use crate::audit;
use crate::auth::hash_token;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, Store};
use app::error::{AppError, ErrorKind};
use app::model::{ApiKey, ApiKeyEdit, ApiKeys, Empty, API_SCOPES};
use rand::RngCore;

/// The longest name.
const MAX_NAME: usize = 50;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    organisation_id: i64,
    scopes: String,
    created_at: i64,
    last_used_at: Option<i64>,
    revoked_at: Option<i64>,
}

/// Every key, oldest first.
pub async fn list(store: &Store, _caller: &Caller, _: Empty) -> Result<ApiKeys, Failure> {
    Ok(ApiKeys { keys: keys(store).await?, secret: None })
}

async fn keys(store: &Store) -> Result<Vec<ApiKey>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT k.id, k.name, u.organisation_id, k.scopes, k.created_at, k.last_used_at, k.revoked_at \
         FROM api_keys k JOIN users u ON u.id = k.user_id WHERE u.organisation_id IS NOT NULL ORDER BY k.id",
    )
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ApiKey {
            id: r.id,
            name: r.name,
            organisation_id: r.organisation_id,
            scopes: r.scopes.split_whitespace().map(str::to_owned).collect(),
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked: r.revoked_at.is_some(),
        })
        .collect())
}

/// The edit's name and scopes as kept (known scopes, each once, in the table's order), or the
/// first thing wrong with them.
fn check(caller: &Caller, edit: &ApiKeyEdit) -> Result<(String, String), Failure> {
    let t = caller.lang.messages();
    let name = edit.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(AppError::invalid("name", t.err_webhook_name).into());
    }
    let known = edit.scopes.iter().all(|s| API_SCOPES.contains(&s.as_str()));
    let scopes: Vec<&str> = API_SCOPES.iter().copied().filter(|s| edit.scopes.iter().any(|e| e == s)).collect();
    if !known || scopes.is_empty() {
        return Err(AppError::invalid("scopes", t.err_api_key_scopes).into());
    }
    Ok((name.to_owned(), scopes.join(" ")))
}

/// Issues or changes a key. Refused, nothing written: an empty or overlong name, no scope or an
/// unknown one, an unknown or closed body, another body for an issued key (422); no such key
/// (404); un-revoking (409).
pub async fn save(store: &Store, caller: &Caller, edit: ApiKeyEdit) -> Result<ApiKeys, Failure> {
    let user = caller.user()?;
    let (name, scopes) = check(caller, &edit)?;
    let (id, secret, action) = match edit.id {
        Some(_) => (change(store, caller, &edit, (&name, &scopes)).await?, None, "api_key_save"),
        None => {
            let (id, secret) = issue(store, caller, &edit, (&name, &scopes)).await?;
            (id, Some(secret), "api_key_issue")
        }
    };
    let revoked = if edit.revoked { ":revoked" } else { "" };
    let subject = format!("api_key:{id}:organisation:{}:{}{revoked}", edit.organisation_id, scopes.replace(' ', ","));
    audit::record_by(store, caller, user.id, action, &subject).await?;
    Ok(ApiKeys { keys: keys(store).await?, secret })
}

/// A new key and its machine account, in one transaction; its id and secret.
async fn issue(
    store: &Store,
    caller: &Caller,
    edit: &ApiKeyEdit,
    (name, scopes): (&str, &str),
) -> Result<(i64, String), Failure> {
    let open: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1 AND closed_at IS NULL")
        .bind(edit.organisation_id)
        .fetch_one(&store.pool)
        .await?;
    if open == 0 {
        return Err(AppError::invalid("organisation_id", caller.lang.messages().err_api_key_organisation).into());
    }
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret = format!("fai_{}", hex::encode(bytes));
    let now = now_ms();
    let revoked = edit.revoked.then_some(now);
    let mut tx = store.writer().begin().await?;
    let account: i64 = sqlx::query_scalar(
        "INSERT INTO users (role, display_name, organisation_id, created_at) VALUES ('agency', $1, $2, $3) RETURNING id",
    )
    .bind(name)
    .bind(edit.organisation_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO api_keys (name, user_id, secret_hash, scopes, created_at, revoked_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(name)
    .bind(account)
    .bind(hash_token(&secret))
    .bind(scopes)
    .bind(now)
    .bind(revoked)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((id, secret))
}

/// Renames, rescopes or revokes key `edit.id` (its account's name follows); its id.
async fn change(
    store: &Store,
    caller: &Caller,
    edit: &ApiKeyEdit,
    (name, scopes): (&str, &str),
) -> Result<i64, Failure> {
    let Some(id) = edit.id else { return Err(caller.error(ErrorKind::NotFound).into()) };
    let key: Option<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT k.user_id, u.organisation_id, k.revoked_at FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = $1",
    )
    .bind(id)
    .fetch_optional(&store.pool)
    .await?;
    let Some((account, organisation, revoked_at)) = key else { return Err(caller.error(ErrorKind::NotFound).into()) };
    if organisation != Some(edit.organisation_id) {
        return Err(AppError::invalid("organisation_id", caller.lang.messages().err_api_key_organisation).into());
    }
    if revoked_at.is_some() && !edit.revoked {
        return Err(caller.error(ErrorKind::Conflict).into());
    }
    let mut tx = store.writer().begin().await?;
    sqlx::query("UPDATE api_keys SET name = $1, scopes = $2, revoked_at = COALESCE(revoked_at, $3) WHERE id = $4")
        .bind(name)
        .bind(scopes)
        .bind(edit.revoked.then_some(now_ms()))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2").bind(name).bind(account).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(id)
}
