//! Corrections: a duty added or changed after the fact. Asked for with a reason, applied only
//! when staff approve, audited both times; a correction to a locked month is marked so, and the
//! month shows it beside its locked figures.

use super::access;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::scope::advisers;
use crate::store::sql::Sql;
use crate::store::today;
use crate::store::{day_in_text, now_ms, Store};
use app::domain::{duty_rules, required_text, CorrectionStatus, MAX_REASON_CHARS};
use app::error::{AppError, ErrorKind};
use app::model::{Correction, CorrectionDecision, CorrectionRequest, Empty};
use app::time::{format_hh_mm, parse_hh_mm, Instant, LocalDate};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    lawyer_id: i64,
    lawyer_name: String,
    community_name: String,
    served_on: String,
    started_at: i64,
    ended_at: i64,
    duty_log_id: Option<i64>,
    reason: String,
    status: String,
    after_lock: i64,
    note: String,
}

const SELECT: &str =
    "SELECT k.id, k.lawyer_id, l.name AS lawyer_name, c.name AS community_name, k.served_on, k.started_at, \
    k.ended_at, k.duty_log_id, k.reason, k.status, k.after_lock, k.note \
    FROM duty_corrections k JOIN lawyers l ON l.id = k.lawyer_id JOIN communities c ON c.id = k.community_id";

fn hh_mm(at: i64) -> String {
    format_hh_mm(Instant(at).to_shanghai().1)
}

fn from_row(row: Row) -> Option<Correction> {
    Some(Correction {
        id: row.id,
        lawyer_id: row.lawyer_id,
        lawyer_name: row.lawyer_name,
        community_name: row.community_name,
        served_on: row.served_on,
        start: hh_mm(row.started_at),
        end: hh_mm(row.ended_at),
        duty_id: row.duty_log_id,
        reason: row.reason,
        status: CorrectionStatus::from_db(&row.status)?,
        after_lock: row.after_lock == 1,
        note: row.note,
    })
}

/// Corrections matching `filter`, which binds `$1` to `value`; newest first.
async fn fetch<T>(store: &Store, filter: &str, value: T) -> Result<Vec<Correction>, sqlx::Error>
where
    T: for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Send + 'static,
{
    let rows: Vec<Row> = sqlx::query_as(&format!("{SELECT} WHERE {filter} ORDER BY k.id DESC LIMIT 200"))
        .bind(value)
        .fetch_all(&store.pool)
        .await?;
    Ok(rows.into_iter().filter_map(from_row).collect())
}

/// A lawyer's corrections of duties dated `first..=last`.
pub async fn of_month(
    store: &Store,
    lawyer_id: i64,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<Correction>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE k.lawyer_id = $1 AND k.served_on >= {} AND k.served_on <= {} ORDER BY k.id",
        day_in_text(first),
        day_in_text(last)
    ))
    .bind(lawyer_id)
    .fetch_all(&store.pool)
    .await?;
    Ok(rows.into_iter().filter_map(from_row).collect())
}

async fn audit(store: &Store, caller: &Caller, actor: i64, action: &str, id: i64) -> Result<(), Failure> {
    let subject = format!("correction:{id}");
    audit::record_by(store, caller, actor, action, &subject).await.map_err(Failure::from)
}

pub async fn request(store: &Store, caller: &Caller, request: CorrectionRequest) -> Result<Correction, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    advisers::logs_for(store, caller, request.lawyer_id).await?;
    let date = LocalDate::parse(&request.served_on).ok_or_else(|| AppError::invalid("served_on", t.err_date))?;
    let today = today();
    if date > today {
        return Err(AppError::invalid("served_on", t.err_future_date).into());
    }
    if date < today.plus_days(-duty_rules::MAX_DAYS_BACK) {
        return Err(AppError::invalid("served_on", t.err_too_old).into());
    }
    let (start, end) = match (parse_hh_mm(&request.start), parse_hh_mm(&request.end)) {
        (Some(start), Some(end)) if start < end => (date.at_minute(start).0, date.at_minute(end).0),
        _ => return Err(AppError::invalid("end", t.err_times).into()),
    };
    if start > now_ms() {
        return Err(AppError::invalid("start", t.err_future_date).into());
    }
    if end > now_ms() {
        return Err(AppError::invalid("end", t.err_future_date).into());
    }
    let reason =
        required_text(&request.reason, MAX_REASON_CHARS).map_err(|_| AppError::invalid("reason", t.err_reason))?;
    access::require_serves(store, caller, request.lawyer_id, request.community_id, date).await?;
    if let Some(duty) = request.duty_id {
        let owner: Option<i64> = sqlx::query_scalar("SELECT lawyer_id FROM duty_logs WHERE id = $1")
            .bind(duty)
            .fetch_optional(&store.pool)
            .await?;
        if owner != Some(request.lawyer_id) {
            return Err(caller.error(ErrorKind::NotFound).into());
        }
    }
    let after_lock = access::month_locked(store, request.lawyer_id, date).await?;
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO duty_corrections (lawyer_id, community_id, served_on, started_at, ended_at, duty_log_id, reason, after_lock, requested_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(request.lawyer_id)
    .bind(request.community_id)
    .bind(date.to_string())
    .bind(start)
    .bind(end)
    .bind(request.duty_id)
    .bind(&reason)
    .bind(i64::from(after_lock))
    .bind(user.id)
    .bind(now_ms())
    .fetch_all(store.writer())
    .await?
    .pop();
    let id = id.ok_or_else(|| caller.error(ErrorKind::Internal))?;
    audit(store, caller, user.id, "duty_correction_requested", id).await?;
    one(store, caller, id).await
}

async fn one(store: &Store, caller: &Caller, id: i64) -> Result<Correction, Failure> {
    fetch(store, "k.id = $1", id).await?.pop().ok_or_else(|| caller.error(ErrorKind::NotFound)).map_err(Failure::from)
}

pub async fn list(store: &Store, caller: &Caller, _: Empty) -> Result<Vec<Correction>, Failure> {
    let user = caller.user()?;
    let found = if user.role.is_staff() {
        // A street's staff decide their street's corrections.
        let mut sql = Sql::new(SELECT);
        sql.push(" WHERE k.status = ").bind(CorrectionStatus::Pending.as_str().to_owned());
        if let Some(street) = user.street {
            sql.push(" AND k.community_id IN (SELECT id FROM communities WHERE street_id = ").bind(street).push(")");
        }
        sql.push(" ORDER BY k.id DESC LIMIT 200");
        sql.fetch_all::<Row, _>(&store.pool).await.map(|rows| rows.into_iter().filter_map(from_row).collect())
    } else {
        fetch(
            store,
            "(k.lawyer_id IN (SELECT id FROM lawyers WHERE user_id = $1) OR k.lawyer_id IN (SELECT lawyer_id FROM team_members WHERE user_id = $1))",
            user.id,
        )
        .await
    };
    found.map_err(Failure::from)
}

/// A correction as asked.
#[derive(sqlx::FromRow)]
struct Asked {
    lawyer_id: i64,
    community_id: i64,
    served_on: String,
    started_at: i64,
    ended_at: i64,
    duty_log_id: Option<i64>,
    requested_by: i64,
    reason: String,
}

/// Staff approve (the duty is changed or added, its old times kept on the correction) or reject
/// (with a reason) a pending correction of their scope; decided once.
pub async fn decide(store: &Store, caller: &Caller, decision: CorrectionDecision) -> Result<Correction, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let note = if decision.approve {
        decision.note.trim().chars().take(MAX_REASON_CHARS).collect()
    } else {
        required_text(&decision.note, MAX_REASON_CHARS).map_err(|_| AppError::invalid("note", t.err_reason))?
    };
    let asked: Option<Asked> = sqlx::query_as(
        "SELECT lawyer_id, community_id, served_on, started_at, ended_at, duty_log_id, requested_by, reason \
         FROM duty_corrections WHERE id = $1",
    )
    .bind(decision.correction_id)
    .fetch_optional(&store.pool)
    .await?;
    let asked = asked.ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    scope::require_community(store, caller, user, asked.community_id).await?;
    let status = if decision.approve { CorrectionStatus::Approved } else { CorrectionStatus::Rejected };
    let mut tx = store.writer().begin().await?;
    // Decided once: the second of two staff deciding at once finds it no longer pending.
    let done = sqlx::query(
        "UPDATE duty_corrections SET status = $1, note = $2, decided_by = $3, decided_at = $4 WHERE id = $5 AND status = 'pending'",
    )
    .bind(status.as_str())
    .bind(&note)
    .bind(user.id)
    .bind(now_ms())
    .bind(decision.correction_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_correction_state).into());
    }
    if decision.approve {
        apply(&mut tx, decision.correction_id, &asked).await?;
    }
    tx.commit().await?;
    audit(store, caller, user.id, &format!("duty_correction_{}", status.as_str()), decision.correction_id).await?;
    one(store, caller, decision.correction_id).await
}

/// An approved correction made: the duty it names changed (its old times kept on the correction,
/// so the change is visible, never silent), or a new duty logged.
async fn apply(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    correction_id: i64,
    asked: &Asked,
) -> Result<(), sqlx::Error> {
    match asked.duty_log_id {
        Some(duty) => {
            sqlx::query(
                "UPDATE duty_corrections SET old_started_at = (SELECT started_at FROM duty_logs WHERE id = $1), \
                 old_ended_at = (SELECT ended_at FROM duty_logs WHERE id = $1) WHERE id = $2",
            )
            .bind(duty)
            .bind(correction_id)
            .execute(&mut **tx)
            .await?;
            sqlx::query(
                "UPDATE duty_logs SET community_id = $1, served_on = $2, started_at = $3, ended_at = $4, ended_by = 'correction' WHERE id = $5",
            )
            .bind(asked.community_id)
            .bind(&asked.served_on)
            .bind(asked.started_at)
            .bind(asked.ended_at)
            .bind(duty)
            .execute(&mut **tx)
            .await?;
        }
        None => {
            sqlx::query(
                "INSERT INTO duty_logs (lawyer_id, community_id, served_on, started_at, ended_at, ended_by, reason, entered_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, 'correction', $6, $7, $8)",
            )
            .bind(asked.lawyer_id)
            .bind(asked.community_id)
            .bind(&asked.served_on)
            .bind(asked.started_at)
            .bind(asked.ended_at)
            .bind(&asked.reason)
            .bind(asked.requested_by)
            .bind(now_ms())
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}
