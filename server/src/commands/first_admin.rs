//! `create-admin LOGIN PHONE NAME [--password-file FILE] [--force]`: the first administrator of a
//! portal that starts from an empty database. The password is never an argument (it would stay in
//! the shell's history): it is read from a file or typed at a prompt that does not echo it.

use crate::admin::accounts::{valid_login, MAX_NAME, MIN_PASSWORD};
use crate::config::Config;
use crate::store::{now_ms, Store};
use app::domain::PhoneNumber;

/// The administrator to create.
#[derive(Debug, PartialEq, Eq)]
pub struct NewAdmin {
    /// What they sign in with.
    pub login: String,
    /// Where their second-factor codes go.
    pub phone: String,
    /// Their name as others see it.
    pub name: String,
    /// A file whose first line is the password; `None`: ask for it.
    pub password_file: Option<String>,
    /// Create one even when an administrator exists.
    pub force: bool,
}

impl NewAdmin {
    /// Reads `LOGIN PHONE NAME [--password-file FILE] [--force]`.
    pub fn parse(args: &[&str]) -> Option<NewAdmin> {
        let [login, phone, name, options @ ..] = args else { return None };
        let mut new = NewAdmin {
            login: (*login).to_owned(),
            phone: (*phone).to_owned(),
            name: (*name).to_owned(),
            password_file: None,
            force: false,
        };
        let mut options = options.iter();
        while let Some(option) = options.next() {
            match *option {
                "--force" => new.force = true,
                "--password-file" => new.password_file = Some((*options.next()?).to_owned()),
                _ => return None,
            }
        }
        Some(new)
    }

    /// The password: the file's first line, or what is typed at the prompt.
    pub fn password(&self) -> Result<String, String> {
        let text = match &self.password_file {
            Some(file) => std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?,
            None => rpassword::prompt_password("password: ").map_err(|e| format!("password: {e}"))?,
        };
        Ok(text.lines().next().unwrap_or_default().to_owned())
    }
}

/// Creates the administrator (second factor by SMS to their phone). Refused, nothing written: an
/// administrator exists (unless forced), a login or phone another account holds, or a login,
/// phone, name or password that would be refused in the workbench.
pub async fn create_admin(config: &Config, new: &NewAdmin, password: &str) -> Result<String, String> {
    let login = new.login.trim().to_lowercase();
    if !valid_login(&login) {
        return Err("LOGIN: 3–32 of a–z, 0–9, '.', '_' and '-'".into());
    }
    let phone = PhoneNumber::parse(&new.phone).map_err(|_| "PHONE: not a mainland mobile number".to_owned())?;
    let name = new.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(format!("NAME: 1–{MAX_NAME} characters"));
    }
    if password.chars().count() < MIN_PASSWORD {
        return Err(format!("password: at least {MIN_PASSWORD} characters"));
    }
    let owned = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || crate::auth::hash_password(&owned))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let store = Store::open(&config.database_url, Some(1)).await.map_err(|e| format!("database: {e}"))?;
    let sql = |e: sqlx::Error| format!("database: {e}");
    let mut tx = store.writer().begin().await.map_err(sql)?;
    let (admins, taken): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM users WHERE role = 'admin'), \
         (SELECT COUNT(*) FROM users WHERE login = $1 OR phone = $2)",
    )
    .bind(&login)
    .bind(phone.as_str())
    .fetch_one(&mut *tx)
    .await
    .map_err(sql)?;
    if admins > 0 && !new.force {
        return Err("an administrator exists already: add more in the workbench, or use --force".into());
    }
    if taken > 0 {
        return Err("that login or phone belongs to another account".into());
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (role, login, phone, display_name, password_hash, second_factor, created_at) \
         VALUES ('admin', $1, $2, $3, $4, 1, $5) RETURNING id",
    )
    .bind(&login)
    .bind(phone.as_str())
    .bind(name)
    .bind(&hash)
    .bind(now_ms())
    .fetch_one(&mut *tx)
    .await
    .map_err(sql)?;
    sqlx::query("INSERT INTO audit_events (actor_user_id, action, subject, at) VALUES (NULL, 'admin_created', $1, $2)")
        .bind(format!("user:{id}"))
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .map_err(sql)?;
    tx.commit().await.map_err(sql)?;
    Ok(format!("administrator {login} created; signing in sends a code to {}", phone.masked()))
}
