//! Account rows.

use crate::store::{now_ms, Store};
use app::domain::{PhoneNumber, Role};
use app::i18n::Lang;
use app::model::Me;

/// An account as stored, secrets included; never sent to a browser as it is.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    pub role: Role,
    pub phone: Option<PhoneNumber>,
    pub login: Option<String>,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub second_factor: bool,
    pub lang: Lang,
    pub community_id: Option<i64>,
    pub disabled: bool,
    pub article_sms: bool,
    /// A street's 司法所 staff member's street.
    pub street_id: Option<i64>,
}

/// An account as stored ([`COLUMNS`]).
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    role: String,
    phone: Option<String>,
    login: Option<String>,
    display_name: String,
    password_hash: Option<String>,
    second_factor: i64,
    lang: String,
    community_id: Option<i64>,
    disabled_at: Option<i64>,
    article_sms: i64,
    street_id: Option<i64>,
}

const COLUMNS: &str = "id, role, phone, login, display_name, password_hash, second_factor, lang, community_id, \
                       disabled_at, article_sms, street_id";

fn from_row(row: Row) -> Option<UserRow> {
    let role = Role::from_db(&row.role)?;
    Some(UserRow {
        id: row.id,
        role,
        phone: row.phone.and_then(|p| PhoneNumber::parse(&p).ok()),
        login: row.login,
        display_name: row.display_name,
        password_hash: row.password_hash,
        second_factor: row.second_factor == 1,
        lang: Lang::from_tag(&row.lang),
        community_id: row.community_id,
        disabled: row.disabled_at.is_some(),
        article_sms: row.article_sms == 1,
        street_id: row.street_id.filter(|_| role == Role::Staff),
    })
}

impl From<UserRow> for Me {
    fn from(user: UserRow) -> Me {
        Me {
            user_id: user.id,
            role: user.role,
            display_name: user.display_name,
            phone_masked: user.phone.map(|p| p.masked()),
            community_id: user.community_id,
            lang: user.lang,
            lawyer_id: None,
            street_id: user.street_id,
        }
    }
}

async fn one(store: &Store, filter: &str, value: &str) -> Result<Option<UserRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE {filter}");
    let row: Option<Row> = sqlx::query_as(&sql).bind(value).fetch_optional(&store.pool).await?;
    Ok(row.and_then(from_row))
}

pub async fn by_id(store: &Store, id: i64) -> Result<Option<UserRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    let row: Option<Row> = sqlx::query_as(&sql).bind(id).fetch_optional(&store.pool).await?;
    Ok(row.and_then(from_row))
}

pub async fn by_phone(store: &Store, phone: &PhoneNumber) -> Result<Option<UserRow>, sqlx::Error> {
    one(store, "phone = $1", phone.as_str()).await
}

/// A login name (case-insensitive) or, if it reads as one, a mobile number.
pub async fn by_login(store: &Store, login: &str) -> Result<Option<UserRow>, sqlx::Error> {
    match PhoneNumber::parse(login) {
        Ok(phone) => by_phone(store, &phone).await,
        Err(_) => one(store, "login = $1", &canonical_login(login)).await,
    }
}

/// A login as the accounts table keys it: a phone number's 11 digits in any spelling, else the
/// name with full-width letters folded and in lower case.
pub fn canonical_login(login: &str) -> String {
    match PhoneNumber::parse(login) {
        Ok(phone) => phone.as_str().to_owned(),
        Err(_) => login.trim().chars().map(app::domain::fold_width).collect::<String>().to_lowercase(),
    }
}

pub async fn me(store: &Store, id: i64) -> Result<Option<Me>, sqlx::Error> {
    let Some(user) = by_id(store, id).await? else { return Ok(None) };
    let lawyer_id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM lawyers WHERE user_id = $1").bind(id).fetch_optional(&store.pool).await?;
    Ok(Some(Me { lawyer_id, ..Me::from(user) }))
}

/// Creates a resident's account on their first sign-in; the number is all it holds.
pub async fn create_resident(store: &Store, phone: &PhoneNumber, lang: Lang) -> Result<i64, sqlx::Error> {
    // Two first sign-ins of one number at once: the second finds the first's row.
    sqlx::query("INSERT INTO users (role, phone, display_name, lang, created_at) VALUES ('resident', $1, $2, $3, $4) ON CONFLICT (phone) DO NOTHING")
        .bind(phone.as_str())
        .bind(phone.masked())
        .bind(lang.tag())
        .bind(now_ms())
        .execute(store.writer())
        .await?;
    sqlx::query_scalar("SELECT id FROM users WHERE phone = $1").bind(phone.as_str()).fetch_one(&store.pool).await
}

pub async fn set_lang(store: &Store, id: i64, lang: Lang) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET lang = $1 WHERE id = $2").bind(lang.tag()).bind(id).execute(store.writer()).await?;
    Ok(())
}

/// Sets the account's community; false when there is no such community serving `today`.
pub async fn set_community(store: &Store, id: i64, community_id: i64, today: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE users SET community_id = $1 WHERE id = $2 AND EXISTS (SELECT 1 FROM communities \
         WHERE id = $1 AND (last_day IS NULL OR last_day >= $3))",
    )
    .bind(community_id)
    .bind(id)
    .bind(today)
    .execute(store.writer())
    .await?;
    Ok(done.rows_affected() == 1)
}
