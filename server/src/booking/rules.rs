//! Booking rules as staff set them: the district's, and a community's own in place of the
//! district's. Bookings read them with their calendar ([`super::calendar_store`]); the lists of
//! bookings and the reminders read them with [`JOIN`] and [`column`]. Every change is audited
//! with the values set, which is their history.

use super::BookingService;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::now_ms;
use app::domain::BookingRules;
use app::error::{AppError, ErrorKind};
use app::model::{BookingRulesEdit, BookingRulesView, CommunityRequest, CommunityRules, Empty};

/// Joins the rules of a booking's community (`cr`) and the district's (`dr`) to bookings `b`.
pub const JOIN: &str = "LEFT JOIN booking_rules cr ON cr.community_id = b.community_id \
    LEFT JOIN booking_rules dr ON dr.community_id IS NULL";

/// The rule `name` of a booking's community as SQL over [`JOIN`]: the community's, else the
/// district's, else the default.
pub fn column(name: &str, default: i64) -> String {
    format!("COALESCE(cr.{name}, dr.{name}, {default})")
}

/// A set of rules as stored, with the community it belongs to (none: the district).
#[derive(sqlx::FromRow)]
struct Row {
    community_id: Option<i64>,
    community_name: Option<String>,
    street_name: Option<String>,
    min_notice_minutes: i64,
    window_days: i64,
    max_live_bookings: i64,
    change_cutoff_minutes: i64,
    first_reminder_minutes: i64,
    second_reminder_minutes: i64,
}

impl Row {
    fn rules(&self) -> BookingRules {
        BookingRules {
            min_notice_minutes: self.min_notice_minutes,
            window_days: self.window_days,
            max_live_bookings: self.max_live_bookings,
            change_cutoff_minutes: self.change_cutoff_minutes,
            first_reminder_minutes: self.first_reminder_minutes,
            second_reminder_minutes: self.second_reminder_minutes,
        }
    }
}

/// `staff/booking-rules`: the district's rules and the communities' own in the caller's scope.
pub async fn get(service: &BookingService, caller: &Caller, _: Empty) -> Result<BookingRulesView, Failure> {
    let user = caller.user()?;
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.community_id, c.name AS community_name, s.name AS street_name, r.min_notice_minutes, r.window_days, \
         r.max_live_bookings, r.change_cutoff_minutes, r.first_reminder_minutes, r.second_reminder_minutes \
         FROM booking_rules r LEFT JOIN communities c ON c.id = r.community_id LEFT JOIN streets s ON s.id = c.street_id \
         WHERE r.community_id IS NULL OR $1 IS NULL OR c.street_id = $1 ORDER BY s.sort_order, s.id, c.name, c.id",
    )
    .bind(user.street)
    .fetch_all(&service.store.pool)
    .await?;
    let district = rows.iter().find(|r| r.community_id.is_none());
    let communities = rows
        .iter()
        .filter_map(|row| {
            Some(CommunityRules {
                community_id: row.community_id?,
                community_name: row.community_name.clone().unwrap_or_default(),
                street_name: row.street_name.clone().unwrap_or_default(),
                rules: row.rules(),
            })
        })
        .collect();
    Ok(BookingRulesView {
        district: district.map_or(BookingRules::DEFAULT, Row::rules),
        district_set: district.is_some(),
        communities,
    })
}

/// `staff/save-booking-rules`. Refused, nothing written: a rule out of bounds (422 naming it),
/// the district's rules set by a street's staff (403), a community outside the caller's street
/// (403) or none (404).
pub async fn save(
    service: &BookingService,
    caller: &Caller,
    edit: BookingRulesEdit,
) -> Result<BookingRulesView, Failure> {
    let user = caller.user()?;
    check_scope(service, caller, edit.community_id).await?;
    let rules = edit.rules;
    rules.check().map_err(|problem| AppError::invalid(problem.field, caller.lang.messages().err_booking_rules))?;
    let mut tx = service.store.writer().begin().await?;
    delete(&mut tx, edit.community_id).await?;
    sqlx::query(
        "INSERT INTO booking_rules (community_id, min_notice_minutes, window_days, max_live_bookings, change_cutoff_minutes, \
         first_reminder_minutes, second_reminder_minutes, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(edit.community_id)
    .bind(rules.min_notice_minutes)
    .bind(rules.window_days)
    .bind(rules.max_live_bookings)
    .bind(rules.change_cutoff_minutes)
    .bind(rules.first_reminder_minutes)
    .bind(rules.second_reminder_minutes)
    .bind(now_ms())
    .bind(user.id)
    .execute(&mut *tx)
    .await?;
    service.commit(tx).await?;
    let subject = format!(
        "{} notice={} window={} live={} cutoff={} reminders={}/{}",
        scope_name(edit.community_id),
        rules.min_notice_minutes,
        rules.window_days,
        rules.max_live_bookings,
        rules.change_cutoff_minutes,
        rules.first_reminder_minutes,
        rules.second_reminder_minutes
    );
    audit::record_by(&service.store, caller, user.id, "booking_rules_save", &subject).await?;
    get(service, caller, Empty {}).await
}

/// `staff/clear-booking-rules`: the community follows the district's rules again (one without
/// rules of its own: 404).
pub async fn clear(
    service: &BookingService,
    caller: &Caller,
    request: CommunityRequest,
) -> Result<BookingRulesView, Failure> {
    let user = caller.user()?;
    check_scope(service, caller, Some(request.community_id)).await?;
    let mut tx = service.store.writer().begin().await?;
    if delete(&mut tx, Some(request.community_id)).await? == 0 {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    service.commit(tx).await?;
    let subject = scope_name(Some(request.community_id));
    audit::record_by(&service.store, caller, user.id, "booking_rules_clear", &subject).await?;
    get(service, caller, Empty {}).await
}

fn scope_name(community_id: Option<i64>) -> String {
    community_id.map_or_else(|| "district".to_owned(), |id| format!("community:{id}"))
}

/// The district's rules are the district's staff's; a community's, those whose scope covers it.
async fn check_scope(service: &BookingService, caller: &Caller, community_id: Option<i64>) -> Result<(), Failure> {
    let user = caller.user()?;
    match community_id {
        None if user.street.is_some() => Err(crate::scope::other_street(caller).into()),
        None => Ok(()),
        Some(id) => crate::scope::require_community(&service.store, caller, user, id).await,
    }
}

async fn delete(tx: &mut sqlx::Transaction<'_, sqlx::Any>, community_id: Option<i64>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM booking_rules WHERE COALESCE(community_id, 0) = $1")
        .bind(community_id.unwrap_or(0))
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}
