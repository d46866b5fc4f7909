//! Service records: every free service a lawyer gives, in the categories the bureau reports.

use super::access;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::advisers;
use crate::store::today;
use crate::store::{day_in_text, now_ms, Store};
use app::domain::{duty_rules, required_text, Need, ServiceCategory, SpecialGroup};
use app::error::AppError;
use app::model::{ServiceRecord, ServiceRecordRequest};
use app::time::LocalDate;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    lawyer_id: i64,
    community_id: i64,
    community_name: String,
    category: String,
    served_on: String,
    people_served: i64,
    topic: String,
    parties: String,
    outcome: String,
    summary: String,
    booking_id: Option<i64>,
    entered_by: String,
    special_group: Option<String>,
}

const SELECT: &str = "SELECT r.id, r.lawyer_id, r.community_id, c.name AS community_name, r.category, r.served_on, \
    r.people_served, r.topic, r.parties, r.outcome, r.summary, r.booking_id, r.special_group, \
    CASE WHEN u.id IS NULL OR u.id = l.user_id THEN '' ELSE u.display_name END AS entered_by \
    FROM service_records r JOIN communities c ON c.id = r.community_id JOIN lawyers l ON l.id = r.lawyer_id \
    LEFT JOIN users u ON u.id = r.recorded_by";

fn from_row(row: Row) -> Option<ServiceRecord> {
    Some(ServiceRecord {
        id: row.id,
        lawyer_id: row.lawyer_id,
        community_id: row.community_id,
        community_name: row.community_name,
        category: ServiceCategory::from_db(&row.category)?,
        served_on: row.served_on,
        people_served: row.people_served,
        topic: row.topic,
        parties: row.parties,
        outcome: row.outcome,
        summary: row.summary,
        booking_id: row.booking_id,
        entered_by: row.entered_by,
        special_group: row.special_group.as_deref().and_then(SpecialGroup::from_db),
    })
}

/// A lawyer's records dated `first..=last`, in order.
pub async fn of_lawyer(
    store: &Store,
    lawyer_id: i64,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<ServiceRecord>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE r.lawyer_id = $1 AND r.served_on >= {} AND r.served_on <= {} ORDER BY r.served_on, r.id",
        day_in_text(first),
        day_in_text(last)
    ))
    .bind(lawyer_id)
    .fetch_all(&store.pool)
    .await?;
    Ok(rows.into_iter().filter_map(from_row).collect())
}

async fn by_key(store: &Store, recorded_by: i64, key: &str) -> Result<Option<ServiceRecord>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE r.recorded_by = $1 AND r.client_key = $2"))
        .bind(recorded_by)
        .bind(key)
        .fetch_optional(&store.pool)
        .await?;
    Ok(row.and_then(from_row))
}

fn valid_key(key: &str) -> bool {
    (8..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The category's details, checked ([`ServiceCategory::details`]): what it needs is required,
/// what it may have is optional, and a detail that is not the category's is not kept (a draft
/// may still hold one from the category chosen before).
fn details(caller: &Caller, request: &ServiceRecordRequest) -> Result<(String, String, String), Failure> {
    let t = caller.lang.messages();
    let max = duty_rules::MAX_SHORT_CHARS;
    let field = |name: &str, text: &str, need: Need, message: &str| -> Result<String, Failure> {
        match (need, required_text(text, max)) {
            (Need::Absent, _) => Ok(String::new()),
            (_, Ok(text)) => Ok(text),
            (Need::Optional, Err(app::domain::TextProblem::Empty)) => Ok(String::new()),
            (_, Err(_)) => Err(AppError::invalid(name, message).into()),
        }
    };
    let [needs_topic, needs_parties, needs_outcome] = request.category.details();
    Ok((
        field("topic", &request.topic, needs_topic, t.err_topic)?,
        field("parties", &request.parties, needs_parties, t.err_parties)?,
        field("outcome", &request.outcome, needs_outcome, t.err_outcome)?,
    ))
}

pub async fn record(store: &Store, caller: &Caller, request: ServiceRecordRequest) -> Result<ServiceRecord, Failure> {
    record_for(store, caller, request, None).await
}

/// A service record, against an emergency team's `incident` when given: its member logs it in
/// the incident's community, which they need not serve (the caller checked the membership).
pub async fn record_for(
    store: &Store,
    caller: &Caller,
    request: ServiceRecordRequest,
    incident: Option<i64>,
) -> Result<ServiceRecord, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    if !valid_key(&request.client_key) {
        return Err(AppError::invalid("client_key", t.err_client_key).into());
    }
    advisers::logs_for(store, caller, request.lawyer_id).await?;
    // Sent again (a retry after a dropped connection): the record it made, unchanged.
    if let Some(done) = by_key(store, user.id, &request.client_key).await? {
        return Ok(done);
    }
    let date = LocalDate::parse(&request.served_on).ok_or_else(|| AppError::invalid("served_on", t.err_date))?;
    let today = today();
    if date > today {
        return Err(AppError::invalid("served_on", t.err_future_date).into());
    }
    if date < today.plus_days(-duty_rules::MAX_DAYS_BACK) {
        return Err(AppError::invalid("served_on", t.err_too_old).into());
    }
    if !(1..=duty_rules::MAX_PEOPLE).contains(&request.people_served) {
        return Err(AppError::invalid("people_served", t.err_people).into());
    }
    let summary = required_text(&request.summary, duty_rules::MAX_SUMMARY_CHARS)
        .map_err(|_| AppError::invalid("summary", t.err_summary))?;
    let (topic, parties, outcome) = details(caller, &request)?;
    if incident.is_none() {
        access::require_serves(store, caller, request.lawyer_id, request.community_id, date).await?;
    }
    access::require_open_month(store, caller, request.lawyer_id, date).await?;
    sqlx::query(
        "INSERT INTO service_records (community_id, lawyer_id, recorded_by, category, served_on, people_served, topic, parties, outcome, summary, client_key, created_at, special_group, incident_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (recorded_by, client_key) DO NOTHING",
    )
    .bind(request.community_id)
    .bind(request.lawyer_id)
    .bind(user.id)
    .bind(request.category.as_str())
    .bind(date.to_string())
    .bind(request.people_served)
    .bind(&topic)
    .bind(&parties)
    .bind(&outcome)
    .bind(&summary)
    .bind(&request.client_key)
    .bind(now_ms())
    .bind(request.special_group.map(|g| g.as_str()))
    .bind(incident)
    .execute(store.writer())
    .await?;
    by_key(store, user.id, &request.client_key)
        .await?
        .ok_or_else(|| caller.error(app::error::ErrorKind::Internal))
        .map_err(Failure::from)
}
