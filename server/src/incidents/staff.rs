//! Staff's side: the incidents of their scope, opening one with its team, changing the team and
//! closing it. Each is audited; bad input is refused with its field and changes nothing.

use super::view::{list as listed, one, Which};
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::store::{now_ms, today, Store};
use app::domain::{duty_rules, required_text};
use app::error::{AppError, ErrorKind};
use app::i18n::IncidentTexts;
use app::model::{CloseIncident, Empty, Incident, IncidentTeam, OpenIncident};
use app::time::LocalDate;
use std::collections::BTreeSet;

const MAX_NAME_CHARS: usize = 60;
const MAX_NOTE_CHARS: usize = 500;
const MAX_TEAM: usize = 30;

/// `staff/incidents`: a street's staff their street's, the district's all.
pub async fn list(store: &Store, caller: &Caller, _: Empty) -> Result<Vec<Incident>, Failure> {
    let user = caller.user()?;
    Ok(listed(store, Which::Street(user.street.unwrap_or(0))).await?)
}

/// `staff/open-incident`: in a community in scope (404 none, 403 another street's).
pub async fn open(store: &Store, caller: &Caller, request: OpenIncident) -> Result<Incident, Failure> {
    let (user, t) = (caller.user()?, IncidentTexts::of(caller.lang));
    let name = required_text(&request.name, MAX_NAME_CHARS).map_err(|_| AppError::invalid("name", t.err_name))?;
    let note = request.note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::invalid("note", t.err_note).into());
    }
    let today = today();
    let opened = LocalDate::parse(&request.opened_on)
        .filter(|day| *day <= today && *day >= today.plus_days(-duty_rules::MAX_DAYS_BACK))
        .ok_or_else(|| AppError::invalid("opened_on", t.err_date))?;
    let team = team(store, caller, &request.lawyer_ids).await?;
    scope::require_community(store, caller, user, request.community_id).await?;
    let mut tx = store.writer().begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO incidents (name, community_id, note, opened_on, opened_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&name)
    .bind(request.community_id)
    .bind(note)
    .bind(opened.to_string())
    .bind(user.id)
    .bind(now_ms())
    .fetch_one(&mut *tx)
    .await?;
    for lawyer in &team {
        sqlx::query("INSERT INTO incident_members (incident_id, lawyer_id) VALUES ($1, $2)")
            .bind(id)
            .bind(lawyer)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "incident", &format!("incident:{id}")).await?;
    found(store, caller, id).await
}

/// `staff/incident-team`: an open incident in scope; a member who logged a service stays (422).
pub async fn set_team(store: &Store, caller: &Caller, request: IncidentTeam) -> Result<Incident, Failure> {
    let (user, t) = (caller.user()?, IncidentTexts::of(caller.lang));
    let incident = in_scope(store, caller, request.id).await?;
    if incident.closed_on.is_some() {
        return Err(AppError::new(ErrorKind::Conflict, t.err_closed).into());
    }
    let team = team(store, caller, &request.lawyer_ids).await?;
    if incident.members.iter().any(|m| m.services > 0 && !team.contains(&m.lawyer_id)) {
        return Err(AppError::invalid("lawyer_ids", t.err_member_logged).into());
    }
    let mut tx = store.writer().begin().await?;
    sqlx::query("DELETE FROM incident_members WHERE incident_id = $1").bind(request.id).execute(&mut *tx).await?;
    for lawyer in &team {
        sqlx::query("INSERT INTO incident_members (incident_id, lawyer_id) VALUES ($1, $2)")
            .bind(request.id)
            .bind(lawyer)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "incident", &format!("incident:{}", request.id)).await?;
    found(store, caller, request.id).await
}

/// `staff/close-incident`: its last day from the day it opened to today (422 otherwise); once.
pub async fn close(store: &Store, caller: &Caller, request: CloseIncident) -> Result<Incident, Failure> {
    let (user, t) = (caller.user()?, IncidentTexts::of(caller.lang));
    let incident = in_scope(store, caller, request.id).await?;
    let opened = LocalDate::parse(&incident.opened_on);
    let last = LocalDate::parse(&request.closed_on)
        .filter(|day| opened.is_some_and(|opened| *day >= opened) && *day <= today())
        .ok_or_else(|| AppError::invalid("closed_on", t.err_closed_on))?;
    // Services already logged after the last day would fall outside it.
    let later: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM service_records WHERE incident_id = $1 AND served_on > $2")
            .bind(request.id)
            .bind(last.to_string())
            .fetch_one(&store.pool)
            .await?;
    if later > 0 {
        return Err(AppError::invalid("closed_on", t.err_closed_on).into());
    }
    let closed = sqlx::query("UPDATE incidents SET closed_on = $1 WHERE id = $2 AND closed_on IS NULL")
        .bind(last.to_string())
        .bind(request.id)
        .execute(store.writer())
        .await?
        .rows_affected();
    if closed == 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_closed).into());
    }
    audit::record_by(store, caller, user.id, "incident", &format!("incident:{}", request.id)).await?;
    found(store, caller, request.id).await
}

/// The incident `id` if it is in the caller's scope: 404 none, 403 another street's.
async fn in_scope(store: &Store, caller: &Caller, id: i64) -> Result<Incident, Failure> {
    let incident = found(store, caller, id).await?;
    scope::require_community(store, caller, caller.user()?, incident.community_id).await?;
    Ok(incident)
}

async fn found(store: &Store, caller: &Caller, id: i64) -> Result<Incident, Failure> {
    one(store, id).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}

/// A team of 1 to 30 distinct lawyers on the register today (422 on `lawyer_ids` otherwise).
async fn team(store: &Store, caller: &Caller, ids: &[i64]) -> Result<BTreeSet<i64>, Failure> {
    let refused = || AppError::invalid("lawyer_ids", IncidentTexts::of(caller.lang).err_lawyers);
    let team: BTreeSet<i64> = ids.iter().copied().collect();
    if team.is_empty() || team.len() > MAX_TEAM || team.len() != ids.len() {
        return Err(refused().into());
    }
    let listed = team.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let known: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM lawyers WHERE id IN ({listed}) AND (last_day IS NULL OR last_day >= $1)"
    ))
    .bind(today().to_string())
    .fetch_one(&store.pool)
    .await?;
    if usize::try_from(known).ok() != Some(team.len()) {
        return Err(refused().into());
    }
    Ok(team)
}

/// What staff choose from on their page: the communities of their scope by street and name,
/// the lawyers on the register by name (with their firm: names repeat), and today.
pub async fn choices(store: &Store, caller: &Caller) -> Result<app::pages::incidents::Choices, Failure> {
    let user = caller.user()?;
    let communities: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT c.id, s.name, c.name FROM communities c JOIN streets s ON s.id = c.street_id \
         WHERE $1 = 0 OR c.street_id = $1 ORDER BY s.id, c.name",
    )
    .bind(user.street.unwrap_or(0))
    .fetch_all(&store.pool)
    .await?;
    let lawyers: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT l.id, l.name, f.name FROM lawyers l JOIN law_firms f ON f.id = l.firm_id \
         WHERE l.last_day IS NULL OR l.last_day >= $1 ORDER BY l.name, f.name, l.id",
    )
    .bind(today().to_string())
    .fetch_all(&store.pool)
    .await?;
    Ok(app::pages::incidents::Choices {
        communities: communities.into_iter().map(|(id, street, name)| (id, format!("{street} · {name}"))).collect(),
        lawyers: lawyers.into_iter().map(|(id, name, firm)| (id, format!("{name} · {firm}"))).collect(),
        today: today().to_string(),
    })
}
