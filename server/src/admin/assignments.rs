//! A community's A, B and coordinator lawyers over time. A change never overwrites: the
//! assignment it replaces ends the day before the new one starts and stays in the history, so
//! every past figure keeps the team it was counted with.

use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::today;
use crate::store::Store;
use app::domain::AssignmentRole;
use app::error::{AppError, ErrorKind};
use app::model::{AssignRequest, AssignmentLine, Assignments, CommunityRequest, LawyerRef};
use app::time::LocalDate;
use sqlx::{Any, Transaction};

/// A community's name, office address, position and monthly quota.
#[derive(sqlx::FromRow)]
struct CommunityRow {
    name: String,
    office_address: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    duty_days_per_month: i64,
}

/// An assignment of the history, with its lawyer's name.
#[derive(sqlx::FromRow)]
struct HistoryRow {
    id: i64,
    role: String,
    lawyer_id: i64,
    lawyer_name: String,
    starts_on: String,
    ends_on: Option<String>,
}

/// A lawyer by id and name.
#[derive(sqlx::FromRow)]
struct NamedRow {
    id: i64,
    name: String,
}

/// A role held now or later: who, and from when.
#[derive(sqlx::FromRow)]
struct HeldRow {
    id: i64,
    lawyer_id: i64,
    starts_on: String,
}

/// How far from today a change may start, either way.
pub(super) const MAX_DAYS_AWAY: i64 = 366;

/// A community's assignments, newest first, and the lawyers who could take one; 403 for another
/// street's community.
pub async fn list(store: &Store, caller: &Caller, request: CommunityRequest) -> Result<Assignments, Failure> {
    crate::scope::require_community(store, caller, caller.user()?, request.community_id).await?;
    of_community(store, caller, request.community_id).await
}

/// The history of `community_id`, newest first, with every lawyer; 404 for no such community.
pub async fn of_community(store: &Store, caller: &Caller, community_id: i64) -> Result<Assignments, Failure> {
    let row: Option<CommunityRow> = sqlx::query_as(
        "SELECT name, office_address, latitude, longitude, duty_days_per_month FROM communities WHERE id = $1",
    )
    .bind(community_id)
    .fetch_optional(&store.pool)
    .await?;
    let Some(CommunityRow { name: community_name, office_address, latitude, longitude, duty_days_per_month }) = row
    else {
        return Err(caller.error(ErrorKind::NotFound).into());
    };
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "SELECT a.id, a.role, a.lawyer_id, l.name AS lawyer_name, a.starts_on, a.ends_on FROM assignments a \
         JOIN lawyers l ON l.id = a.lawyer_id WHERE a.community_id = $1 ORDER BY a.starts_on DESC, a.id DESC",
    )
    .bind(community_id)
    .fetch_all(&store.pool)
    .await?;
    let history = rows
        .into_iter()
        .filter_map(|r| {
            Some(AssignmentLine {
                id: r.id,
                role: AssignmentRole::from_db(&r.role)?,
                lawyer_id: r.lawyer_id,
                lawyer_name: r.lawyer_name,
                starts_on: r.starts_on,
                ends_on: r.ends_on,
            })
        })
        .collect();
    let lawyers: Vec<NamedRow> =
        sqlx::query_as("SELECT id, name FROM lawyers WHERE last_day IS NULL ORDER BY name, id")
            .fetch_all(&store.pool)
            .await?;
    Ok(Assignments {
        community_id,
        community_name,
        office_address,
        latitude,
        longitude,
        duty_days_per_month,
        history,
        lawyers: lawyers.into_iter().map(|r| LawyerRef { id: r.id, name: r.name }).collect(),
    })
}

/// Hands `request.role` at the community to the lawyer from `starts_on`. Refused, with nothing
/// written: a date that does not exist or is more than a year away (422), an unknown lawyer
/// (422), a start not after the current holder's (422), the lawyer already holding this role
/// (409) or another role there (409), no such community (404).
pub async fn assign(store: &Store, caller: &Caller, request: AssignRequest) -> Result<Assignments, Failure> {
    let user = caller.user()?;
    crate::scope::require_community(store, caller, user, request.community_id).await?;
    let t = caller.lang.messages();
    let starts = LocalDate::parse(&request.starts_on).ok_or_else(|| AppError::invalid("starts_on", t.err_date))?;
    let today = today();
    if (starts.to_days() - today.to_days()).abs() > MAX_DAYS_AWAY {
        return Err(AppError::invalid("starts_on", t.err_assignment_range).into());
    }
    let known: Option<Option<String>> = sqlx::query_scalar("SELECT last_day FROM lawyers WHERE id = $1")
        .bind(request.lawyer_id)
        .fetch_optional(&store.pool)
        .await?;
    match known {
        None => return Err(AppError::invalid("lawyer_id", t.err_lawyer_unknown).into()),
        // A lawyer who has left is not given new work.
        Some(Some(_)) => return Err(AppError::invalid("lawyer_id", t.err_retired).into()),
        Some(None) => {}
    }
    let mut tx = store.writer().begin().await?;
    // The community's row is the lock: two changes of one community are made one after the other.
    let locked = sqlx::query("UPDATE communities SET id = id WHERE id = $1")
        .bind(request.community_id)
        .execute(&mut *tx)
        .await?;
    if locked.rows_affected() == 0 {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    hand_over(&mut tx, caller, request.community_id, request.role, request.lawyer_id, starts).await?;
    tx.commit().await?;
    let subject = format!(
        "community:{}:{}:lawyer:{}:from:{starts}",
        request.community_id,
        request.role.as_str(),
        request.lawyer_id
    );
    audit::record_by(store, caller, user.id, "assignment_change", &subject).await?;
    of_community(store, caller, request.community_id).await
}

/// Hands `role` at the community to the lawyer from `starts` inside `tx` (the community's row
/// already locked): the current holder's assignment ends the day before. Refused: the lawyer
/// already holding this role (409) or another role there (409), a start not after the current
/// holder's (422).
pub(super) async fn hand_over(
    tx: &mut Transaction<'_, Any>,
    caller: &Caller,
    community_id: i64,
    role: AssignmentRole,
    lawyer_id: i64,
    starts: LocalDate,
) -> Result<(), Failure> {
    let t = caller.lang.messages();
    let (starts_on, role) = (starts.to_string(), role.as_str());
    let current: Vec<HeldRow> = sqlx::query_as(
        "SELECT id, lawyer_id, starts_on FROM assignments WHERE community_id = $1 AND role = $2 \
         AND (ends_on IS NULL OR ends_on >= $3)",
    )
    .bind(community_id)
    .bind(role)
    .bind(&starts_on)
    .fetch_all(&mut **tx)
    .await?;
    if current.iter().any(|held| held.lawyer_id == lawyer_id) {
        return Err(AppError::new(ErrorKind::Conflict, t.err_already_assigned).into());
    }
    if current.iter().any(|held| held.starts_on >= starts_on) {
        return Err(AppError::invalid("starts_on", t.err_assignment_order).into());
    }
    let elsewhere: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM assignments WHERE community_id = $1 AND lawyer_id = $2 AND role <> $3 \
         AND (ends_on IS NULL OR ends_on >= $4)",
    )
    .bind(community_id)
    .bind(lawyer_id)
    .bind(role)
    .bind(&starts_on)
    .fetch_one(&mut **tx)
    .await?;
    if elsewhere > 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_two_roles).into());
    }
    let day_before = starts.plus_days(-1).to_string();
    for held in &current {
        sqlx::query("UPDATE assignments SET ends_on = $1 WHERE id = $2")
            .bind(&day_before)
            .bind(held.id)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("INSERT INTO assignments (lawyer_id, community_id, role, starts_on) VALUES ($1, $2, $3, $4)")
        .bind(lawyer_id)
        .bind(community_id)
        .bind(role)
        .bind(&starts_on)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
