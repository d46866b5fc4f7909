//! Staff and admin accounts, as admins keep them: who signs in to the workbench, with which
//! role, for the whole district or one street. Every change is audited; a new password, a new
//! street or role, or disabling ends the account's sessions at once.

use crate::audit;
use crate::auth::passwords;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, Store};
use app::domain::{PhoneNumber, Role};
use app::error::{AppError, ErrorKind};
use app::model::{Empty, StaffAccount, StaffAccountEdit, StaffAccounts};

/// The shortest password an admin may set.
const MIN_PASSWORD: usize = 10;
/// The longest name shown.
const MAX_NAME: usize = 50;

/// An account row: id, login, name, phone, role, street, disabled at.
type Row = (i64, Option<String>, String, Option<String>, String, Option<i64>, Option<i64>);

/// An account as it is before a change: role, street, disabled at, phone.
type Current = (String, Option<i64>, Option<i64>, Option<String>);

/// Every staff and admin account, and the streets.
pub async fn list(store: &Store, caller: &Caller, _: Empty) -> Result<StaffAccounts, Failure> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, login, display_name, phone, role, street_id, disabled_at FROM users \
         WHERE role IN ('staff', 'admin') ORDER BY role, login, id",
    )
    .fetch_all(&store.pool)
    .await?;
    let accounts = rows
        .into_iter()
        .filter_map(|(id, login, display_name, phone, role, street_id, disabled_at)| {
            Some(StaffAccount {
                id,
                login: login.unwrap_or_default(),
                display_name,
                phone_masked: phone.and_then(|p| PhoneNumber::parse(&p).ok()).map(|p| p.masked()),
                role: Role::from_db(&role)?,
                street_id,
                disabled: disabled_at.is_some(),
            })
        })
        .collect();
    let streets = crate::directory::streets(store, caller, Empty {}).await?;
    Ok(StaffAccounts { accounts, streets })
}

/// Creates or changes an account (an empty phone keeps the current one). Refused, nothing
/// written: a login not of 3–32 of a–z 0–9 . _ - (422) or already taken (409); an empty or
/// overlong name (422); a phone that is not a mainland mobile (422) or is another account's
/// (409); an admin without a phone or with a street, a role
/// other than staff or admin, an unknown street (422); a password under 10 characters, or none
/// for a new account (422); an admin disabling or demoting themselves (422); no such account (404).
pub async fn save(store: &Store, caller: &Caller, edit: StaffAccountEdit) -> Result<StaffAccounts, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let login = edit.login.trim().to_lowercase();
    let login_ok = (3..=32).contains(&login.len())
        && login.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c));
    if !login_ok {
        return Err(AppError::invalid("login", t.err_account_login).into());
    }
    let name = edit.display_name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(AppError::invalid("display_name", t.err_account_name).into());
    }
    let phone = match edit.phone.trim() {
        "" => None,
        text => Some(PhoneNumber::parse(text).map_err(|_| AppError::invalid("phone", t.err_account_phone))?),
    };
    if !matches!(edit.role, Role::Staff | Role::Admin) {
        return Err(AppError::invalid("role", t.err_account_role).into());
    }
    if edit.role == Role::Admin && edit.street_id.is_some() {
        return Err(AppError::invalid("street_id", t.err_account_admin).into());
    }
    if let Some(street) = edit.street_id {
        let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets WHERE id = $1")
            .bind(street)
            .fetch_one(&store.pool)
            .await?;
        if known == 0 {
            return Err(AppError::invalid("street_id", t.err_account_street).into());
        }
    }
    let password = edit.password.as_str();
    if (edit.id.is_none() || !password.is_empty()) && password.chars().count() < MIN_PASSWORD {
        return Err(AppError::invalid("password", t.err_account_password).into());
    }
    if edit.id == Some(user.id) && (edit.disabled || edit.role != Role::Admin) {
        return Err(AppError::invalid("disabled", t.err_account_self).into());
    }
    let hash = if password.is_empty() {
        None
    } else {
        let password = password.to_owned();
        let hashed = tokio::task::spawn_blocking(move || passwords::hash(&password)).await;
        Some(hashed.ok().and_then(Result::ok).ok_or_else(|| caller.error(ErrorKind::Internal))?)
    };

    let mut tx = store.writer().begin().await?;
    let id = match edit.id {
        Some(id) => {
            let current: Option<Current> = sqlx::query_as(
                "SELECT role, street_id, disabled_at, phone FROM users WHERE id = $1 AND role IN ('staff', 'admin')",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((role, street, disabled_at, kept)) = current else {
                return Err(caller.error(ErrorKind::NotFound).into());
            };
            if edit.role == Role::Admin && phone.is_none() && kept.is_none() {
                return Err(AppError::invalid("phone", t.err_account_admin).into());
            }
            let taken = taken(&mut tx, &login, phone.as_ref(), Some(id)).await?;
            if let Some(field) = taken {
                return Err(AppError {
                    field: Some(field.into()),
                    ..AppError::new(ErrorKind::Conflict, t.err_account_taken)
                }
                .into());
            }
            let disabled_at = match (edit.disabled, disabled_at) {
                (true, Some(at)) => Some(at),
                (true, None) => Some(now_ms()),
                (false, _) => None,
            };
            sqlx::query(
                "UPDATE users SET login = $1, display_name = $2, phone = COALESCE($3, phone), role = $4, street_id = $5, \
                 second_factor = $6, disabled_at = $7, password_hash = COALESCE($8, password_hash) WHERE id = $9",
            )
            .bind(&login)
            .bind(name)
            .bind(phone.as_ref().map(|p| p.as_str().to_owned()))
            .bind(edit.role.as_str())
            .bind(edit.street_id)
            .bind(i64::from(edit.role == Role::Admin))
            .bind(disabled_at)
            .bind(hash.as_deref())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            // Whoever held this account signs in again under what it now is.
            let changed = role != edit.role.as_str() || street != edit.street_id || edit.disabled || hash.is_some();
            if changed {
                sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
                    .bind(now_ms())
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            id
        }
        None => {
            if edit.role == Role::Admin && phone.is_none() {
                return Err(AppError::invalid("phone", t.err_account_admin).into());
            }
            if let Some(field) = taken(&mut tx, &login, phone.as_ref(), None).await? {
                return Err(AppError {
                    field: Some(field.into()),
                    ..AppError::new(ErrorKind::Conflict, t.err_account_taken)
                }
                .into());
            }
            sqlx::query_scalar(
                "INSERT INTO users (role, login, phone, display_name, password_hash, second_factor, street_id, created_at, disabled_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(edit.role.as_str())
            .bind(&login)
            .bind(phone.as_ref().map(|p| p.as_str().to_owned()))
            .bind(name)
            .bind(hash.as_deref())
            .bind(i64::from(edit.role == Role::Admin))
            .bind(edit.street_id)
            .bind(now_ms())
            .bind(edit.disabled.then(now_ms))
            .fetch_one(&mut *tx)
            .await?
        }
    };
    tx.commit().await?;
    let action = if edit.id.is_some() { "staff_account_change" } else { "staff_account_create" };
    let street = edit.street_id.map_or_else(|| "district".to_owned(), |s| format!("street:{s}"));
    let subject = format!("user:{id}:{}:{street}{}", edit.role.as_str(), if edit.disabled { ":disabled" } else { "" });
    audit::record_by(store, caller, user.id, action, &subject).await?;
    list(store, caller, Empty {}).await
}

/// The field another account already holds: `login` or `phone`.
async fn taken(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    login: &str,
    phone: Option<&PhoneNumber>,
    except: Option<i64>,
) -> Result<Option<&'static str>, sqlx::Error> {
    let except = except.unwrap_or(0);
    let logins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE login = $1 AND id <> $2")
        .bind(login)
        .bind(except)
        .fetch_one(&mut **tx)
        .await?;
    if logins > 0 {
        return Ok(Some("login"));
    }
    let Some(phone) = phone else { return Ok(None) };
    let phones: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE phone = $1 AND id <> $2")
        .bind(phone.as_str())
        .bind(except)
        .fetch_one(&mut **tx)
        .await?;
    Ok((phones > 0).then_some("phone"))
}
