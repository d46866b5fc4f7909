//! Staff and admin accounts, as admins keep them: who signs in to the workbench, with which
//! role, for the whole district or one street; and the accounts of the bodies that receive
//! referrals (role `agency`, one organisation each), kept on the organisations' page. Every change is audited; a new password, a new
//! street or role, or disabling ends the account's sessions at once.

use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, Store};
use app::domain::{PhoneNumber, Role};
use app::error::{AppError, ErrorKind};
use app::model::{Empty, StaffAccount, StaffAccountEdit, StaffAccounts};

/// The shortest password an admin may set.
pub const MIN_PASSWORD: usize = 10;
/// The longest name shown.
pub const MAX_NAME: usize = 50;

/// An account row.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    login: Option<String>,
    display_name: String,
    phone: Option<String>,
    role: String,
    street_id: Option<i64>,
    disabled_at: Option<i64>,
}

/// An account as it is before a change.
#[derive(sqlx::FromRow)]
struct Current {
    role: String,
    street_id: Option<i64>,
    disabled_at: Option<i64>,
    phone: Option<String>,
}

/// Whether `login` (lower case) may name an account: 3–32 of a–z, 0–9, `.`, `_` and `-`.
pub fn valid_login(login: &str) -> bool {
    (3..=32).contains(&login.len())
        && login.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c))
}

/// An edit's fields, checked: the login as kept, the name, the phone and the password's hash.
struct Checked {
    login: String,
    name: String,
    phone: Option<PhoneNumber>,
    hash: Option<String>,
}

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
        .filter_map(|row| {
            Some(StaffAccount {
                id: row.id,
                login: row.login.unwrap_or_default(),
                display_name: row.display_name,
                phone_masked: row.phone.and_then(|p| PhoneNumber::parse(&p).ok()).map(|p| p.masked()),
                role: Role::from_db(&row.role)?,
                street_id: row.street_id,
                disabled: row.disabled_at.is_some(),
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
/// other than staff, admin or agency, an unknown street, an agency account without an open
/// organisation or any other with one (422); a password under 10 characters, or none
/// for a new account (422); an admin disabling or demoting themselves (422); no such account (404).
pub async fn save(store: &Store, caller: &Caller, edit: StaffAccountEdit) -> Result<StaffAccounts, Failure> {
    let user = caller.user()?;
    let checked = check(store, caller, user.id, &edit).await?;
    let mut tx = store.writer().begin().await?;
    let id = match edit.id {
        Some(id) => update(&mut tx, caller, id, &edit, &checked).await?,
        None => create(&mut tx, caller, &edit, &checked).await?,
    };
    tx.commit().await?;
    let action = if edit.id.is_some() { "staff_account_change" } else { "staff_account_create" };
    let street = edit.street_id.map_or_else(|| "district".to_owned(), |s| format!("street:{s}"));
    let subject = format!("user:{id}:{}:{street}{}", edit.role.as_str(), if edit.disabled { ":disabled" } else { "" });
    audit::record_by(store, caller, user.id, action, &subject).await?;
    list(store, caller, Empty {}).await
}

/// The edit's fields checked and the password hashed, or the first field that is wrong.
async fn check(store: &Store, caller: &Caller, own_id: i64, edit: &StaffAccountEdit) -> Result<Checked, Failure> {
    let t = caller.lang.messages();
    let login = edit.login.trim().to_lowercase();
    if !valid_login(&login) {
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
    if !matches!(edit.role, Role::Staff | Role::Admin | Role::Agency) {
        return Err(AppError::invalid("role", t.err_account_role).into());
    }
    // A receiving body's account belongs to one open organisation, and no other account does.
    let open_body = match edit.organisation_id {
        Some(id) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1 AND closed_at IS NULL")
                .bind(id)
                .fetch_one(&store.pool)
                .await?
        }
        None => 0i64,
    };
    if (edit.role == Role::Agency) != (open_body == 1) || (edit.role == Role::Agency && edit.street_id.is_some()) {
        return Err(AppError::invalid("organisation_id", t.err_account_organisation).into());
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
    if edit.id == Some(own_id) && (edit.disabled || edit.role != Role::Admin) {
        return Err(AppError::invalid("disabled", t.err_account_self).into());
    }
    let hash = if password.is_empty() {
        None
    } else {
        let password = password.to_owned();
        let hashed = tokio::task::spawn_blocking(move || crate::auth::hash_password(&password)).await;
        Some(hashed.ok().and_then(Result::ok).ok_or_else(|| caller.error(ErrorKind::Internal))?)
    };
    Ok(Checked { login, name: name.to_owned(), phone, hash })
}

/// 409 naming the field another account already holds.
async fn refuse_taken(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    checked: &Checked,
    except: Option<i64>,
) -> Result<(), Failure> {
    match taken(tx, &checked.login, checked.phone.as_ref(), except).await? {
        None => Ok(()),
        Some(field) => Err(AppError {
            field: Some(field.into()),
            ..AppError::new(ErrorKind::Conflict, caller.lang.messages().err_account_taken)
        }
        .into()),
    }
}

/// Changes account `id`; whoever held it signs in again when its role, street, state or
/// password changed.
async fn update(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    id: i64,
    edit: &StaffAccountEdit,
    checked: &Checked,
) -> Result<i64, Failure> {
    let current: Option<Current> = sqlx::query_as(
        "SELECT role, street_id, disabled_at, phone FROM users WHERE id = $1 AND role IN ('staff', 'admin', 'agency')",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(current) = current else { return Err(caller.error(ErrorKind::NotFound).into()) };
    if edit.role == Role::Admin && checked.phone.is_none() && current.phone.is_none() {
        return Err(AppError::invalid("phone", caller.lang.messages().err_account_admin).into());
    }
    refuse_taken(tx, caller, checked, Some(id)).await?;
    let disabled_at = match (edit.disabled, current.disabled_at) {
        (true, Some(at)) => Some(at),
        (true, None) => Some(now_ms()),
        (false, _) => None,
    };
    sqlx::query(
        "UPDATE users SET login = $1, display_name = $2, phone = COALESCE($3, phone), role = $4, street_id = $5, \
         second_factor = $6, disabled_at = $7, password_hash = COALESCE($8, password_hash), organisation_id = $10 \
         WHERE id = $9",
    )
    .bind(&checked.login)
    .bind(&checked.name)
    .bind(checked.phone.as_ref().map(|p| p.as_str().to_owned()))
    .bind(edit.role.as_str())
    .bind(edit.street_id)
    .bind(i64::from(edit.role == Role::Admin))
    .bind(disabled_at)
    .bind(checked.hash.as_deref())
    .bind(id)
    .bind(edit.organisation_id)
    .execute(&mut **tx)
    .await?;
    let changed = current.role != edit.role.as_str()
        || current.street_id != edit.street_id
        || edit.disabled
        || checked.hash.is_some();
    if changed {
        sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
            .bind(now_ms())
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(id)
}

/// Creates the account; its id.
async fn create(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    edit: &StaffAccountEdit,
    checked: &Checked,
) -> Result<i64, Failure> {
    if edit.role == Role::Admin && checked.phone.is_none() {
        return Err(AppError::invalid("phone", caller.lang.messages().err_account_admin).into());
    }
    refuse_taken(tx, caller, checked, None).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO users (role, login, phone, display_name, password_hash, second_factor, street_id, created_at, \
         disabled_at, organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(edit.role.as_str())
    .bind(&checked.login)
    .bind(checked.phone.as_ref().map(|p| p.as_str().to_owned()))
    .bind(&checked.name)
    .bind(checked.hash.as_deref())
    .bind(i64::from(edit.role == Role::Admin))
    .bind(edit.street_id)
    .bind(now_ms())
    .bind(edit.disabled.then(now_ms))
    .bind(edit.organisation_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
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
