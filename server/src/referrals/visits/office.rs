//! A notary office's visits: its list, and what came of each — done, nobody at home (both once
//! it has begun), or called off with a reason the resident is sent.

use super::super::notify::tell_resident_at;
use super::super::ReferralsService;
use super::view::{list, one, Reader};
use super::{notary_office, MY_VISITS};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::sms::{Message, Template};
use crate::store::now_ms;
use app::domain::{required_text, VisitStatus};
use app::error::{AppError, ErrorKind};
use app::i18n::VisitTexts;
use app::model::{Empty, VisitOutcome, VisitView};
use app::time::Instant;

/// How far back the office's list reaches.
const SHOWN_DAYS: i64 = 30;
const MAX_REASON_CHARS: usize = 200;

/// `visits/office`: visits still booked first, the soonest first; then those of the last 30
/// days, the latest first.
pub async fn office_visits(service: &ReferralsService, caller: &Caller, _: Empty) -> Result<Vec<VisitView>, Failure> {
    let office = notary_office(service, caller).await?;
    let since = now_ms() - SHOWN_DAYS * 86_400_000;
    let filter = "v.organisation_id = $1 AND (v.status = 'booked' OR v.slot_start >= $2)";
    let order = "CASE WHEN v.status = 'booked' THEN 0 ELSE 1 END, \
                 CASE WHEN v.status = 'booked' THEN v.slot_start ELSE -v.slot_start END, v.id";
    Ok(list(&service.store, Reader::Office, (filter, office, since), order).await?)
}

/// `visits/finish`: a visit of the caller's office (404 otherwise) that is still booked (409
/// otherwise). Done or nobody at home only once it has begun; called off with a reason (422
/// without), which the resident is sent.
pub async fn finish(service: &ReferralsService, caller: &Caller, request: VisitOutcome) -> Result<VisitView, Failure> {
    let t = VisitTexts::of(caller.lang);
    let office = notary_office(service, caller).await?;
    let found: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT v.resident_id, v.slot_start, o.name FROM home_visits v JOIN organisations o ON o.id = v.organisation_id \
         WHERE v.id = $1 AND v.organisation_id = $2",
    )
    .bind(request.id)
    .bind(office)
    .fetch_optional(&service.store.pool)
    .await?;
    let Some((resident, start, office_name)) = found else { return Err(caller.error(ErrorKind::NotFound).into()) };
    let reason = match request.status {
        VisitStatus::Cancelled => {
            required_text(&request.reason, MAX_REASON_CHARS).map_err(|_| AppError::invalid("reason", t.err_reason))?
        }
        VisitStatus::Done | VisitStatus::NoShow => String::new(),
        VisitStatus::Booked => return Err(AppError::invalid("status", t.err_not_open).into()),
    };
    let now = now_ms();
    let begun = request.status == VisitStatus::Cancelled || start <= now;
    let mut tx = service.store.writer().begin().await?;
    let moved = sqlx::query(
        "UPDATE home_visits SET status = $1, reason = $2, updated_at = $3 WHERE id = $4 AND status = 'booked'",
    )
    .bind(request.status.as_str())
    .bind(&reason)
    .bind(now)
    .bind(request.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if moved == 0 || !begun {
        return Err(AppError::new(ErrorKind::Conflict, t.err_not_open).into());
    }
    if request.status == VisitStatus::Cancelled {
        let when = Instant(start).format_shanghai();
        tell_resident_at(&mut tx, resident, MY_VISITS, |lang| {
            let values = [("office", office_name.as_str()), ("when", &when), ("reason", &reason)];
            Message::new(Template::HomeVisitCancelled, lang, &values)
        })
        .await?;
    }
    tx.commit().await?;
    one(&service.store, Reader::Office, request.id).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}
