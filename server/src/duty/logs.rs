//! Checking in and out, and closing the duties someone forgot to check out of.

use super::access;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::advisers;
use crate::store::{day_in_text, now_ms, Store};
use app::domain::{distance_m, duty_rules, valid_position, DutyEnd};
use app::error::{AppError, ErrorKind};
use app::model::{CheckInRequest, CheckOutRequest, DutyLog, LawyerRequest, OnDuty};
use app::time::{Instant, LocalDate};
use std::time::Duration;
use tokio::sync::watch;

/// A duty row with its community's name and the name of whoever entered it for the lawyer.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    lawyer_id: i64,
    community_id: i64,
    community_name: String,
    served_on: String,
    started_at: i64,
    ended_at: Option<i64>,
    ended_by: Option<String>,
    verified: i64,
    distance_m: Option<i64>,
    reason: String,
    entered_by: String,
}

/// Duties with their names; add a `WHERE`.
pub const SELECT: &str =
    "SELECT d.id, d.lawyer_id, d.community_id, c.name AS community_name, d.served_on, d.started_at, \
    d.ended_at, d.ended_by, d.verified, d.distance_m, d.reason, \
    CASE WHEN l.user_id = d.entered_by THEN '' ELSE u.display_name END AS entered_by \
    FROM duty_logs d JOIN communities c ON c.id = d.community_id JOIN lawyers l ON l.id = d.lawyer_id \
    JOIN users u ON u.id = d.entered_by";

fn from_row(row: Row) -> DutyLog {
    DutyLog {
        id: row.id,
        lawyer_id: row.lawyer_id,
        community_id: row.community_id,
        community_name: row.community_name,
        served_on: row.served_on,
        started_at: Instant(row.started_at),
        ended_at: row.ended_at.map(Instant),
        ended_by: row.ended_by.as_deref().and_then(DutyEnd::from_db),
        verified: row.verified == 1,
        distance_m: row.distance_m,
        reason: row.reason,
        entered_by: row.entered_by,
    }
}

/// Duties read by `sql` (`SELECT` above with its `WHERE`), binding `$1`.
async fn fetch(store: &Store, sql: &str, lawyer_or_id: i64) -> Result<Vec<DutyLog>, sqlx::Error> {
    let rows = sqlx::query_as::<_, Row>(sql).bind(lawyer_or_id).fetch_all(&store.pool).await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// A lawyer's duties counted for `first..=last`, in order.
pub async fn of_lawyer(
    store: &Store,
    lawyer_id: i64,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<DutyLog>, sqlx::Error> {
    let sql = format!(
        "{SELECT} WHERE d.lawyer_id = $1 AND d.served_on >= {} AND d.served_on <= {} ORDER BY d.started_at, d.id",
        day_in_text(first),
        day_in_text(last)
    );
    fetch(store, &sql, lawyer_id).await
}

async fn one(store: &Store, caller: &Caller, id: i64) -> Result<DutyLog, Failure> {
    fetch(store, &format!("{SELECT} WHERE d.id = $1"), id)
        .await?
        .pop()
        .ok_or_else(|| caller.error(ErrorKind::Internal))
        .map_err(Failure::from)
}

pub async fn on_duty(store: &Store, caller: &Caller, request: LawyerRequest) -> Result<OnDuty, Failure> {
    let lawyer_id = request.lawyer_id;
    advisers::logs_for(store, caller, lawyer_id).await?;
    let open = fetch(store, &format!("{SELECT} WHERE d.lawyer_id = $1 AND d.ended_at IS NULL"), lawyer_id).await?.pop();
    Ok(OnDuty { open })
}

/// Verified when the phone was within reach of the office; otherwise the distance and a reason.
fn verify(
    caller: &Caller,
    office: Option<(f64, f64)>,
    request: &CheckInRequest,
) -> Result<(bool, Option<i64>, String), Failure> {
    let t = caller.lang.messages();
    let given = request.reason.trim();
    if given.chars().count() > duty_rules::MAX_SHORT_CHARS {
        return Err(AppError::invalid("reason", t.err_reason).into());
    }
    let position = match request.position {
        Some(p) if !valid_position(p.latitude, p.longitude) => {
            return Err(AppError::invalid("position", t.err_position).into())
        }
        Some(p) => Some((p.latitude, p.longitude)),
        None => None,
    };
    let or = |fallback: &str| if given.is_empty() { fallback.to_owned() } else { given.to_owned() };
    Ok(match (position, office) {
        (Some(at), Some(office)) => {
            let distance = distance_m(at, office).round();
            let verified = distance <= duty_rules::RADIUS_M;
            (verified, Some(distance as i64), if verified { given.to_owned() } else { or(t.duty_far_from_office) })
        }
        (None, _) => (false, None, or(t.duty_no_position)),
        (Some(_), None) => (false, None, or(t.duty_office_unplaced)),
    })
}

pub async fn check_in(store: &Store, caller: &Caller, request: CheckInRequest) -> Result<DutyLog, Failure> {
    let user = caller.user()?;
    advisers::logs_for(store, caller, request.lawyer_id).await?;
    let now = now_ms();
    let date = Instant(now).to_shanghai().0;
    access::require_serves(store, caller, request.lawyer_id, request.community_id, date).await?;
    access::require_open_month(store, caller, request.lawyer_id, date).await?;
    let office: (Option<f64>, Option<f64>) =
        sqlx::query_as("SELECT latitude, longitude FROM communities WHERE id = $1")
            .bind(request.community_id)
            .fetch_one(&store.pool)
            .await?;
    let office = office.0.zip(office.1);
    let (verified, distance, reason) = verify(caller, office, &request)?;
    // The unique index on open duties refuses a second one, however many requests race.
    let inserted: Result<Vec<i64>, sqlx::Error> = sqlx::query_scalar(
        "INSERT INTO duty_logs (lawyer_id, community_id, served_on, started_at, verified, distance_m, reason, entered_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $4) RETURNING id",
    )
    .bind(request.lawyer_id)
    .bind(request.community_id)
    .bind(date.to_string())
    .bind(now)
    .bind(i64::from(verified))
    .bind(distance)
    .bind(&reason)
    .bind(user.id)
    .fetch_all(store.writer())
    .await;
    match inserted.map(|mut ids| ids.pop()) {
        Ok(Some(id)) => one(store, caller, id).await,
        Ok(None) => Err(caller.error(ErrorKind::Internal).into()),
        // One open duty per lawyer: the unique key's refusal says so (`failure::UNIQUE_KEYS`).
        Err(e) => Err(Failure::from(e)),
    }
}

pub async fn check_out(store: &Store, caller: &Caller, request: CheckOutRequest) -> Result<DutyLog, Failure> {
    advisers::logs_for(store, caller, request.lawyer_id).await?;
    let closed: Option<i64> = sqlx::query_scalar(
        "UPDATE duty_logs SET ended_at = $1, ended_by = 'checked_out' WHERE lawyer_id = $2 AND ended_at IS NULL RETURNING id",
    )
    .bind(now_ms())
    .bind(request.lawyer_id)
    .fetch_all(store.writer())
    .await?
    .pop();
    match closed {
        Some(id) => one(store, caller, id).await,
        None => Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_not_on_duty).into()),
    }
}

/// When a duty begun at `started` on `date` is due to end: the end of the lawyer's last
/// scheduled slot there that day, if that is later than the check-in; else midnight.
async fn scheduled_end(
    store: &Store,
    lawyer_id: i64,
    community_id: i64,
    date: LocalDate,
    started: i64,
) -> Result<i64, sqlx::Error> {
    let calendar = crate::booking::duty_schedule(store, community_id, date, date).await?;
    let last =
        calendar.slots(date, date, Instant(0)).into_iter().filter(|s| s.lawyer_id == lawyer_id).map(|s| s.end.0).max();
    Ok(last.filter(|end| *end > started).unwrap_or(date.plus_days(1).start().0))
}

/// A duty still open, as stored.
#[derive(sqlx::FromRow)]
struct OpenDuty {
    id: i64,
    lawyer_id: i64,
    community_id: i64,
    served_on: String,
    started_at: i64,
}

/// Closes every open duty whose scheduled end has passed at `now`, marked as closed
/// automatically. Each is closed by a conditional update, so several servers close it once.
pub async fn close_forgotten(store: &Store, now: i64) -> Result<usize, sqlx::Error> {
    let open: Vec<OpenDuty> = sqlx::query_as(
        "SELECT id, lawyer_id, community_id, served_on, started_at FROM duty_logs WHERE ended_at IS NULL AND started_at < $1",
    )
    .bind(now)
    .fetch_all(&store.pool)
    .await?;
    let mut closed = 0;
    for OpenDuty { id, lawyer_id: lawyer, community_id: community, served_on, started_at: started } in open {
        let Some(date) = LocalDate::parse(&served_on) else { continue };
        let end = scheduled_end(store, lawyer, community, date, started).await?;
        if now < end {
            continue;
        }
        let done =
            sqlx::query("UPDATE duty_logs SET ended_at = $1, ended_by = 'auto' WHERE id = $2 AND ended_at IS NULL")
                .bind(end)
                .bind(id)
                .execute(store.writer())
                .await?;
        closed += usize::try_from(done.rows_affected()).unwrap_or(0);
    }
    Ok(closed)
}

/// Closes forgotten duties every five minutes until `stop` turns true.
pub async fn run_closer(store: Store, mut stop: watch::Receiver<bool>) {
    loop {
        if let Err(error) = close_forgotten(&store, now_ms()).await {
            tracing::warn!(error = %error, "closing forgotten duties failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(300)) => {}
            _ = stop.changed() => return,
        }
    }
}
