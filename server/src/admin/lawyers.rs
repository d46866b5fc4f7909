//! The lawyers' register and their firms, as district staff keep them: names, firms, licence
//! numbers, whether each licence has been verified against the bar's register, and each
//! lawyer's team. Every change is audited; a new licence number must be verified again.

use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::sql::Sql;
use crate::store::{now_ms, Store};
use crate::text::like_contains;
use app::error::{AppError, ErrorKind};
use app::model::{
    Firm, FirmEdit, LawyerEdit, LawyersQuery, LawyersRegister, MemberAdd, MemberLine, MemberRemove, RegisterLawyer,
};
use app::time::Instant;
use std::collections::HashMap;

/// Lawyers per page.
const PAGE: i64 = 200;
/// The longest filter.
const MAX_FILTER_CHARS: usize = 100;

/// A law firm as stored.
#[derive(sqlx::FromRow)]
struct FirmRow {
    id: i64,
    name: String,
    address: String,
}

/// A lawyer of the register.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    firm_id: i64,
    firm: String,
    licence_no: String,
    verified_at: Option<i64>,
    last_day: Option<String>,
}

/// The lawyers matching `query` by name, with their roles today, and every firm.
pub async fn list(store: &Store, caller: &Caller, query: LawyersQuery) -> Result<LawyersRegister, Failure> {
    let text = query.text.trim();
    if text.chars().count() > MAX_FILTER_CHARS {
        return Err(AppError::invalid("text", caller.lang.messages().err_filter).into());
    }
    let mut rows: Vec<Row> = sqlx::query_as(
        "SELECT l.id, l.name, f.id AS firm_id, f.name AS firm, l.licence_no, l.verified_at, l.last_day FROM lawyers l \
         JOIN law_firms f ON f.id = l.firm_id \
         WHERE $1 = '' OR LOWER(l.name) LIKE $2 ESCAPE '\\' OR LOWER(f.name) LIKE $2 ESCAPE '\\' OR l.licence_no LIKE $2 ESCAPE '\\' \
         ORDER BY l.name, l.id LIMIT $3",
    )
    .bind(text)
    .bind(like_contains(&text.to_lowercase()))
    .bind(PAGE + 1)
    .fetch_all(&store.pool)
    .await?;
    let more = rows.len() as i64 > PAGE;
    rows.truncate(PAGE as usize);
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut serving = serving(store, caller, &ids).await?;
    let mut members = members(store, &ids).await?;
    let lawyers = rows
        .into_iter()
        .map(|row| RegisterLawyer {
            serving: serving.remove(&row.id).unwrap_or_default(),
            members: members.remove(&row.id).unwrap_or_default(),
            id: row.id,
            name: row.name,
            firm_id: row.firm_id,
            firm: row.firm,
            licence_no: row.licence_no,
            verified_at: row.verified_at.map(Instant),
            last_day: row.last_day,
        })
        .collect();
    let firms: Vec<FirmRow> =
        sqlx::query_as("SELECT id, name, address FROM law_firms ORDER BY name, id").fetch_all(&store.pool).await?;
    let firms = firms.into_iter().map(|f| Firm { id: f.id, name: f.name, address: f.address }).collect();
    Ok(LawyersRegister { lawyers, more, firms })
}

/// Where each of the `lawyers` serves today: "community role".
async fn serving(store: &Store, caller: &Caller, lawyers: &[i64]) -> Result<HashMap<i64, Vec<String>>, sqlx::Error> {
    let mut serving: HashMap<i64, Vec<String>> = HashMap::new();
    if lawyers.is_empty() {
        return Ok(serving);
    }
    let today = crate::store::today().to_string();
    let mut sql = Sql::new(
        "SELECT a.lawyer_id, c.name, a.role FROM assignments a JOIN communities c ON c.id = a.community_id WHERE a.lawyer_id IN ",
    );
    sql.bind_list(lawyers.to_vec()).push(" AND a.starts_on <= ").bind(today.clone());
    sql.push(" AND (a.ends_on IS NULL OR a.ends_on >= ").bind(today).push(") ORDER BY c.id");
    let t = caller.lang.messages();
    for (lawyer, community, role) in sql.fetch_all::<(i64, String, String), _>(&store.pool).await? {
        let role = if role == "coordinator" { t.role_coordinator_short.to_owned() } else { role.to_uppercase() };
        serving.entry(lawyer).or_default().push(format!("{community} {role}"));
    }
    Ok(serving)
}

/// The team members of each of the `lawyers`.
async fn members(store: &Store, lawyers: &[i64]) -> Result<HashMap<i64, Vec<MemberLine>>, sqlx::Error> {
    let mut members: HashMap<i64, Vec<MemberLine>> = HashMap::new();
    if lawyers.is_empty() {
        return Ok(members);
    }
    let mut sql = Sql::new(
        "SELECT id, lawyer_id, name, kind, CASE WHEN user_id IS NULL THEN 0 ELSE 1 END FROM team_members WHERE lawyer_id IN ",
    );
    sql.bind_list(lawyers.to_vec()).push(" ORDER BY id");
    for (id, lawyer, name, kind, signs_in) in sql.fetch_all::<(i64, i64, String, String, i64), _>(&store.pool).await? {
        members.entry(lawyer).or_default().push(MemberLine { id, name, kind, signs_in: signs_in == 1 });
    }
    Ok(members)
}

/// Corrects a lawyer's record. Refused, nothing written: a name not of 1–40 characters, an
/// unknown firm, a licence number not of 17 digits (422), one another lawyer holds (409); no such
/// lawyer (404).
pub async fn save_lawyer(store: &Store, caller: &Caller, edit: LawyerEdit) -> Result<LawyersRegister, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let name = edit.name.trim();
    if name.is_empty() || name.chars().count() > 40 {
        return Err(AppError::invalid("name", t.err_import_name).into());
    }
    let licence = edit.licence_no.trim();
    if licence.len() != 17 || !licence.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::invalid("licence_no", t.err_import_licence).into());
    }
    let firm: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM law_firms WHERE id = $1")
        .bind(edit.firm_id)
        .fetch_one(&store.pool)
        .await?;
    if firm == 0 {
        return Err(AppError::invalid("firm_id", t.err_firm_unknown).into());
    }
    let mut tx = store.writer().begin().await?;
    let current: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT licence_no, verified_at FROM lawyers WHERE id = $1")
            .bind(edit.lawyer_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((old_licence, verified_at)) = current else { return Err(caller.error(ErrorKind::NotFound).into()) };
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM lawyers WHERE licence_no = $1 AND id <> $2")
        .bind(licence)
        .bind(edit.lawyer_id)
        .fetch_one(&mut *tx)
        .await?;
    if taken > 0 {
        return Err(AppError {
            field: Some("licence_no".into()),
            ..AppError::new(ErrorKind::Conflict, t.err_licence_taken)
        }
        .into());
    }
    // Verified stays as it was, unless set or cleared now; a new number is unverified.
    let verified_at = match (edit.verified && old_licence == licence, verified_at) {
        (true, Some(at)) => Some(at),
        (true, None) => Some(now_ms()),
        (false, _) => None,
    };
    sqlx::query(
        "UPDATE lawyers SET name = $1, firm_id = $2, licence_no = $3, verified_at = $4, \
         verified_by = CASE WHEN $4 IS NULL THEN NULL WHEN verified_at IS NULL THEN $5 ELSE verified_by END WHERE id = $6",
    )
    .bind(name)
    .bind(edit.firm_id)
    .bind(licence)
    .bind(verified_at)
    .bind(user.id)
    .bind(edit.lawyer_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let state = if verified_at.is_some() { "verified" } else { "unverified" };
    audit::record_by(store, caller, user.id, "lawyer_change", &format!("lawyer:{}:{state}", edit.lawyer_id)).await?;
    list(store, caller, LawyersQuery { text: licence.to_owned() }).await
}

/// Creates or corrects a firm. Refused, nothing written: a name not of 1–80 characters or an
/// address over 200 (422), a name another firm has (409), no such firm (404).
pub async fn save_firm(store: &Store, caller: &Caller, edit: FirmEdit) -> Result<LawyersRegister, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let (name, address) = (edit.name.trim(), edit.address.trim());
    if name.is_empty() || name.chars().count() > 80 {
        return Err(AppError::invalid("name", t.err_import_firm).into());
    }
    if address.chars().count() > 200 {
        return Err(AppError::invalid("address", t.err_firm_address).into());
    }
    let mut tx = store.writer().begin().await?;
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM law_firms WHERE name = $1 AND id <> $2")
        .bind(name)
        .bind(edit.firm_id.unwrap_or(0))
        .fetch_one(&mut *tx)
        .await?;
    if taken > 0 {
        return Err(
            AppError { field: Some("name".into()), ..AppError::new(ErrorKind::Conflict, t.err_firm_taken) }.into()
        );
    }
    let id: i64 = match edit.firm_id {
        Some(id) => {
            let done = sqlx::query("UPDATE law_firms SET name = $1, address = $2 WHERE id = $3")
                .bind(name)
                .bind(address)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(caller.error(ErrorKind::NotFound).into());
            }
            id
        }
        None => {
            sqlx::query_scalar("INSERT INTO law_firms (name, address) VALUES ($1, $2) RETURNING id")
                .bind(name)
                .bind(address)
                .fetch_one(&mut *tx)
                .await?
        }
    };
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "firm_change", &format!("firm:{id}")).await?;
    list(store, caller, LawyersQuery { text: name.to_owned() }).await
}

/// The register around `lawyer_id` (found by licence number).
async fn around(store: &Store, caller: &Caller, lawyer_id: i64) -> Result<LawyersRegister, Failure> {
    let licence: String = sqlx::query_scalar("SELECT licence_no FROM lawyers WHERE id = $1")
        .bind(lawyer_id)
        .fetch_one(&store.pool)
        .await?;
    list(store, caller, LawyersQuery { text: licence }).await
}

/// Adds a member to a lawyer's team (one who signs in is linked to their account elsewhere).
/// Refused, nothing written: a name not of 1–40 characters, a kind other than assistant,
/// volunteer or expert (422); no such lawyer (404).
pub async fn add_member(store: &Store, caller: &Caller, add: MemberAdd) -> Result<LawyersRegister, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let name = add.name.trim();
    if name.is_empty() || name.chars().count() > 40 {
        return Err(AppError::invalid("name", t.err_import_name).into());
    }
    if !["assistant", "volunteer", "expert"].contains(&add.kind.as_str()) {
        return Err(AppError::invalid("kind", t.err_member_kind).into());
    }
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO team_members (lawyer_id, name, kind) SELECT id, $2, $3 FROM lawyers WHERE id = $1 RETURNING id",
    )
    .bind(add.lawyer_id)
    .bind(name)
    .bind(&add.kind)
    .fetch_all(store.writer())
    .await?
    .pop();
    let Some(id) = id else { return Err(caller.error(ErrorKind::NotFound).into()) };
    audit::record_by(store, caller, user.id, "member_add", &format!("lawyer:{}:member:{id}", add.lawyer_id)).await?;
    around(store, caller, add.lawyer_id).await
}

/// Takes a member off their lawyer's team; an assistant who signs in no longer works that
/// lawyer's desk. 404 for no such member.
pub async fn remove_member(store: &Store, caller: &Caller, remove: MemberRemove) -> Result<LawyersRegister, Failure> {
    let user = caller.user()?;
    let lawyer: Option<i64> = sqlx::query_scalar("DELETE FROM team_members WHERE id = $1 RETURNING lawyer_id")
        .bind(remove.member_id)
        .fetch_all(store.writer())
        .await?
        .pop();
    let Some(lawyer) = lawyer else { return Err(caller.error(ErrorKind::NotFound).into()) };
    let subject = format!("lawyer:{lawyer}:member:{}", remove.member_id);
    audit::record_by(store, caller, user.id, "member_remove", &subject).await?;
    around(store, caller, lawyer).await
}
