//! The bodies that receive referrals, as admins keep them: the legal-aid centre, mediation
//! committees (one may serve a single street), notary offices, and their accounts. A closed body
//! takes no new referrals; those it holds stay with it. Every change is audited.

use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, Store};
use app::domain::ReferralKind;
use app::error::{AppError, ErrorKind};
use app::i18n::ReferralTexts;
use app::model::{AgencyAccount, Empty, OrganisationEdit, OrganisationEntry};

/// The longest name of a body.
const MAX_NAME: usize = 50;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    name: String,
    street_id: Option<i64>,
    closed_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    organisation_id: i64,
    id: i64,
    login: Option<String>,
    display_name: String,
    disabled_at: Option<i64>,
}

/// Every body, by kind and name, with its accounts.
pub async fn list(store: &Store, _caller: &Caller, _: Empty) -> Result<Vec<OrganisationEntry>, Failure> {
    let rows: Vec<Row> =
        sqlx::query_as("SELECT id, kind, name, street_id, closed_at FROM organisations ORDER BY kind, name")
            .fetch_all(&store.pool)
            .await?;
    let accounts: Vec<AccountRow> = sqlx::query_as(
        "SELECT organisation_id, id, login, display_name, disabled_at FROM users \
         WHERE role = 'agency' AND organisation_id IS NOT NULL \
         AND id NOT IN (SELECT user_id FROM api_keys) ORDER BY login, id",
    )
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let accounts = accounts
                .iter()
                .filter(|a| a.organisation_id == row.id)
                .map(|a| AgencyAccount {
                    id: a.id,
                    login: a.login.clone().unwrap_or_default(),
                    display_name: a.display_name.clone(),
                    disabled: a.disabled_at.is_some(),
                })
                .collect();
            Some(OrganisationEntry {
                id: row.id,
                kind: ReferralKind::from_db(&row.kind)?,
                name: row.name,
                street_id: row.street_id,
                closed: row.closed_at.is_some(),
                accounts,
            })
        })
        .collect())
}

/// Adds or changes a body. Refused, nothing written: an empty or overlong name, an unknown
/// street (422); a name another body has (409); no such body (404).
pub async fn save(store: &Store, caller: &Caller, edit: OrganisationEdit) -> Result<Vec<OrganisationEntry>, Failure> {
    let user = caller.user()?;
    let t = ReferralTexts::of(caller.lang);
    let name = edit.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(AppError::invalid("name", t.err_organisation_name).into());
    }
    if let Some(street) = edit.street_id {
        let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets WHERE id = $1")
            .bind(street)
            .fetch_one(&store.pool)
            .await?;
        if known == 0 {
            return Err(AppError::invalid("street_id", caller.lang.messages().err_account_street).into());
        }
    }
    let mut tx = store.writer().begin().await?;
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE name = $1 AND id <> $2")
        .bind(name)
        .bind(edit.id.unwrap_or(0))
        .fetch_one(&mut *tx)
        .await?;
    if taken > 0 {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_organisation_taken).into());
    }
    let id = write(&mut tx, caller, &edit, name).await?;
    tx.commit().await?;
    let closed = if edit.closed { ":closed" } else { "" };
    audit::record_by(
        store,
        caller,
        user.id,
        "organisation_save",
        &format!("organisation:{id}:{}{closed}", edit.kind.as_str()),
    )
    .await?;
    list(store, caller, Empty {}).await
}

/// Writes the body `edit` names (a new one without an id); its id, or 404.
async fn write(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    edit: &OrganisationEdit,
    name: &str,
) -> Result<i64, Failure> {
    let now = now_ms();
    Ok(match edit.id {
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE organisations SET kind = $1, name = $2, street_id = $3, \
                 closed_at = CASE WHEN $4 = 1 THEN COALESCE(closed_at, $5) ELSE NULL END WHERE id = $6",
            )
            .bind(edit.kind.as_str())
            .bind(name)
            .bind(edit.street_id)
            .bind(i64::from(edit.closed))
            .bind(now)
            .bind(id)
            .execute(&mut **tx)
            .await?;
            if changed.rows_affected() != 1 {
                return Err(caller.error(ErrorKind::NotFound).into());
            }
            id
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO organisations (kind, name, street_id, created_at, closed_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(edit.kind.as_str())
            .bind(name)
            .bind(edit.street_id)
            .bind(now)
            .bind(edit.closed.then_some(now))
            .fetch_one(&mut **tx)
            .await?
        }
    })
}
