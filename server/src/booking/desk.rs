//! The lawyers' desk: which bookings a caller may see, and their decisions on them.

use super::{message, views, BookingService};
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::desk::{own_lawyers, served, serves};
use crate::sms::{Message, Template};
use crate::store::now_ms;
use crate::store::sql::Sql;
use app::domain::{required_text, BookingStatus, SpecialGroup, MAX_REASON_CHARS};
use app::error::{AppError, ErrorKind};
use app::model::{
    CallNumber, CallRequest, CommunitySummary, DeskAction, DeskBooking, DeskListRequest, DeskRequest, Empty,
};
use app::time::Instant;

/// The longest private note.
const MAX_NOTE_CHARS: usize = 1000;

/// The communities whose desk the caller works, by street and name, those where one of the
/// caller's own lawyers sits on duty today first (the check-in list opens on the office the
/// lawyer is standing in).
pub async fn communities(
    service: &BookingService,
    caller: &Caller,
    _: Empty,
) -> Result<Vec<CommunitySummary>, Failure> {
    let scope = served(&service.store, caller).await?;
    let mut sql = Sql::new(
        "SELECT c.id, c.name, s.id AS street_id, s.name AS street_name FROM communities c JOIN streets s ON s.id = c.street_id",
    );
    match &scope {
        Some(ids) if ids.is_empty() => return Ok(Vec::new()),
        Some(ids) => {
            sql.push(" WHERE c.id IN ").bind_list(ids.clone());
        }
        None => {}
    }
    sql.push(" ORDER BY s.sort_order, c.id LIMIT 500");
    let mut rows: Vec<crate::store::rows::CommunityRow> = sql.fetch_all(&service.store.pool).await?;
    let own = own_lawyers(&service.store, caller).await?;
    if !own.is_empty() {
        let today = crate::store::today();
        let mut on_duty = Sql::new("SELECT DISTINCT community_id FROM duty_schedules WHERE weekday = ");
        on_duty.bind(i64::from(today.weekday())).push(" AND valid_from <= ").bind(today.to_string());
        on_duty.push(" AND (valid_until IS NULL OR valid_until >= ").bind(today.to_string());
        on_duty.push(") AND lawyer_id IN ").bind_list(own);
        let on_duty: Vec<(i64,)> = on_duty.fetch_all(&service.store.pool).await?;
        // A stable sort: the rest keep their street-and-name order.
        rows.sort_by_key(|row| !on_duty.iter().any(|(id,)| *id == row.id));
    }
    Ok(rows.into_iter().map(CommunitySummary::from).collect())
}

pub async fn list(
    service: &BookingService,
    caller: &Caller,
    request: DeskListRequest,
) -> Result<Vec<DeskBooking>, Failure> {
    let community_id = request.community_id;
    let mut scope = served(&service.store, caller).await?;
    if let Some(id) = community_id {
        if !serves(&service.store, caller, id).await? {
            return Err(caller.error(ErrorKind::NotFound).into());
        }
        scope = Some(vec![id]);
    }
    let since = crate::store::today().start().0;
    let own = own_lawyers(&service.store, caller).await?;
    views::for_desk(&service.store, scope.as_deref(), since, &own).await.map_err(Failure::from)
}

/// A lawyer's or staff member's decision on a booking: confirm, decline (with a reason),
/// complete, no-show, or a private note; the resident is told of a confirmation or a decline.
pub async fn decide(service: &BookingService, caller: &Caller, request: DeskRequest) -> Result<DeskBooking, Failure> {
    let user = caller.user()?;
    let store = &service.store;
    let loaded = views::one(store, request.booking_id).await?.ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    if !serves(store, caller, loaded.view.community_id).await? {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    let (note, reason, to) = checked(caller, &request, &loaded)?;
    let mut tx = store.writer().begin().await?;
    if request.action != DeskAction::Note {
        // The status must still be the one we read: two lawyers acting at once do not both win.
        let done = sqlx::query(
            "UPDATE bookings SET status = $1, status_reason = $2, updated_at = $3 WHERE id = $4 AND status = $5",
        )
        .bind(to.as_str())
        .bind(&reason)
        .bind(now_ms())
        .bind(request.booking_id)
        .bind(loaded.view.status.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(message(caller, ErrorKind::Conflict, |t| t.err_wrong_state).into());
        }
    }
    if let Some(note) = &note {
        sqlx::query("UPDATE bookings SET lawyer_note = $1 WHERE id = $2")
            .bind(note)
            .bind(request.booking_id)
            .execute(&mut *tx)
            .await?;
    }
    follow_up(&mut tx, user.id, (request.action, request.special_group), &loaded).await?;
    tell_resident(service, &mut tx, request.action, &loaded, &reason).await?;
    service.commit(tx).await?;
    let action = format!(
        "booking_{}",
        serde_json::to_value(request.action).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    );
    let subject = format!("booking:{}", request.booking_id);
    audit::record_by(store, caller, user.id, &action, &subject).await?;
    let own = own_lawyers(store, caller).await?;
    views::one(store, request.booking_id)
        .await?
        .map(|loaded| loaded.for_desk(&own))
        .ok_or_else(|| caller.error(ErrorKind::NotFound))
        .map_err(Failure::from)
}

/// The note, the decline's reason and the status the decision leads to; 422 for an overlong
/// note or a decline without a reason, 409 for a decision the booking's state or time forbids.
fn checked(
    caller: &Caller,
    request: &DeskRequest,
    loaded: &views::Loaded,
) -> Result<(Option<String>, String, BookingStatus), Failure> {
    let note = match &request.note {
        Some(note) if note.chars().count() > MAX_NOTE_CHARS => {
            return Err(AppError::invalid("note", caller.lang.messages().err_reason).into())
        }
        Some(note) => Some(note.trim().to_owned()),
        None => None,
    };
    let status = loaded.view.status;
    let (from, to): (&[BookingStatus], BookingStatus) = match request.action {
        DeskAction::Confirm => (&[BookingStatus::Pending], BookingStatus::Confirmed),
        DeskAction::Decline => (&[BookingStatus::Pending, BookingStatus::Confirmed], BookingStatus::Declined),
        DeskAction::Complete => (&[BookingStatus::Confirmed], BookingStatus::Completed),
        DeskAction::NoShow => (&[BookingStatus::Confirmed], BookingStatus::NoShow),
        DeskAction::Note => (&[], status),
    };
    // A group is recorded with the consultation it was served in, and nowhere else.
    if request.special_group.is_some() && request.action != DeskAction::Complete {
        return Err(AppError::invalid("special_group", caller.lang.messages().err_group_on_complete).into());
    }
    let reason = if request.action == DeskAction::Decline {
        required_text(&request.reason, MAX_REASON_CHARS)
            .map_err(|_| AppError::invalid("reason", caller.lang.messages().err_reason))?
    } else {
        String::new()
    };
    // A consultation is done, or missed, only once its time has come.
    if matches!(request.action, DeskAction::Complete | DeskAction::NoShow) && loaded.view.start > Instant(now_ms()) {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_not_started).into());
    }
    if request.action != DeskAction::Note && !from.contains(&status) {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_wrong_state).into());
    }
    Ok((note, reason, to))
}

/// What a decision changes besides the booking: a decline frees the seat (and offers it to the
/// waitlist); a completed consultation is one service record (the booking id is unique there).
async fn follow_up(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user_id: i64,
    (action, group): (DeskAction, Option<SpecialGroup>),
    loaded: &views::Loaded,
) -> Result<(), sqlx::Error> {
    match action {
        DeskAction::Decline => super::changes::free_seat(tx, &loaded.view).await,
        DeskAction::Complete => {
            let served_on = loaded.view.start.to_shanghai().0.to_string();
            sqlx::query("UPDATE bookings SET special_group = $1 WHERE id = $2")
                .bind(group.map(|g| g.as_str()))
                .bind(loaded.view.id)
                .execute(&mut **tx)
                .await?;
            sqlx::query(
                "INSERT INTO service_records (community_id, lawyer_id, recorded_by, category, served_on, people_served, summary, booking_id, created_at, special_group) \
                 SELECT community_id, lawyer_id, $1, 'consultation', $2, 1, category, id, $3, special_group FROM bookings WHERE id = $4 ON CONFLICT (booking_id) DO NOTHING",
            )
            .bind(user_id)
            .bind(&served_on)
            .bind(now_ms())
            .bind(loaded.view.id)
            .execute(&mut **tx)
            .await?;
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The resident's SMS and inbox message of a confirmation or a decline, in their language, in `tx`.
async fn tell_resident(
    service: &BookingService,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    action: DeskAction,
    loaded: &views::Loaded,
    reason: &str,
) -> Result<(), sqlx::Error> {
    let template = match action {
        DeskAction::Confirm => Template::Confirmed,
        DeskAction::Decline => Template::Declined,
        _ => return Ok(()),
    };
    let Some(phone) = loaded.phone.as_ref() else { return Ok(()) };
    let lang = service.resident_lang(loaded.view.id).await?;
    let when = loaded.view.start.format_shanghai();
    let message = Message::new(template, lang, &[("when", &when), ("code", &loaded.view.code), ("reason", reason)])
        .about(format!("/bookings/{}", loaded.view.id));
    crate::sms::Outbox::enqueue_with_inbox(tx, phone.as_str(), &message).await
}

/// `desk/call`: the resident's full number for their phone consultation, to the lawyer who will
/// see them or their assistant, from 15 minutes before its start to its end; each reveal is in
/// the audit log and the resident's access log. Another's booking or none: 404; outside the
/// window, not by phone, or no longer live: 409.
pub async fn call(service: &BookingService, caller: &Caller, request: CallRequest) -> Result<CallNumber, Failure> {
    let user = caller.user()?;
    let own = own_lawyers(&service.store, caller).await?;
    let loaded = views::one(&service.store, request.booking_id).await?;
    let Some(loaded) = loaded.filter(|l| own.contains(&l.lawyer_id)) else {
        return Err(caller.error(ErrorKind::NotFound).into());
    };
    if !loaded.callable_by(&own, now_ms()) {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_call_window).into());
    }
    let phone = loaded.phone.map(|p| p.as_str().to_owned()).unwrap_or_default();
    let subject = format!("booking:{}", request.booking_id);
    audit::record_access(&service.store, caller, user.id, ("phone_reveal", &subject), loaded.resident_id, "").await?;
    Ok(CallNumber { phone })
}
