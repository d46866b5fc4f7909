//! A lawyer's sign-in to the workbench, given by the district's staff: an account of the lawyer
//! role with the lawyer's phone and a first password, linked to the register's lawyer. A change
//! of phone or password ends the lawyer's sessions; every change is audited.

use super::accounts::MIN_PASSWORD;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, Store};
use app::domain::PhoneNumber;
use app::error::{AppError, ErrorKind};
use app::model::{Empty, LawyerAccountEdit};

/// The register's lawyer and their account, if any.
#[derive(sqlx::FromRow)]
struct Lawyer {
    name: String,
    user_id: Option<i64>,
}

/// `staff/lawyer-account`.
pub async fn save(store: &Store, caller: &Caller, edit: LawyerAccountEdit) -> Result<Empty, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let phone = PhoneNumber::parse(edit.phone.trim()).map_err(|_| AppError::invalid("phone", t.err_account_phone))?;
    let lawyer: Option<Lawyer> = sqlx::query_as("SELECT name, user_id FROM lawyers WHERE id = $1")
        .bind(edit.lawyer_id)
        .fetch_optional(&store.pool)
        .await?;
    let Some(Lawyer { name, user_id: account }) = lawyer else { return Err(caller.error(ErrorKind::NotFound).into()) };
    if (account.is_none() || !edit.password.is_empty()) && edit.password.chars().count() < MIN_PASSWORD {
        return Err(AppError::invalid("password", t.err_account_password).into());
    }
    let hash = if edit.password.is_empty() {
        None
    } else {
        let password = edit.password.clone();
        let hashed = tokio::task::spawn_blocking(move || crate::auth::hash_password(&password)).await;
        Some(hashed.ok().and_then(Result::ok).ok_or_else(|| caller.error(ErrorKind::Internal))?)
    };
    let mut tx = store.writer().begin().await?;
    write(&mut tx, caller, edit.lawyer_id, &name, account, &phone, hash.as_deref()).await?;
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "lawyer_account", &format!("lawyer:{}", edit.lawyer_id)).await?;
    Ok(Empty {})
}

/// The account written: `account` changed (its sessions ended), or made and linked to the
/// lawyer. 409 when another account holds the phone.
async fn write(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    lawyer_id: i64,
    name: &str,
    account: Option<i64>,
    phone: &PhoneNumber,
    hash: Option<&str>,
) -> Result<(), Failure> {
    let holder: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE phone = $1")
        .bind(phone.as_str())
        .fetch_optional(&mut **tx)
        .await?;
    if holder.is_some_and(|holder| Some(holder) != account) {
        let taken = AppError::new(ErrorKind::Conflict, caller.lang.messages().err_account_taken);
        return Err(AppError { field: Some("phone".into()), ..taken }.into());
    }
    if let Some(id) = account {
        sqlx::query("UPDATE users SET phone = $1, password_hash = COALESCE($2, password_hash) WHERE id = $3")
            .bind(phone.as_str())
            .bind(hash)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
            .bind(now_ms())
            .bind(id)
            .execute(&mut **tx)
            .await?;
        return Ok(());
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (role, phone, display_name, password_hash, created_at) VALUES ('lawyer', $1, $2, $3, $4) RETURNING id",
    )
    .bind(phone.as_str())
    .bind(name)
    .bind(hash)
    .bind(now_ms())
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query("UPDATE lawyers SET user_id = $1 WHERE id = $2").bind(id).bind(lawyer_id).execute(&mut **tx).await?;
    Ok(())
}
