//! Booking a home visit: the resident for themselves, or their lawyer at the desk once the
//! resident read back the code sent to their phone. The visit takes the lowest free seat of its
//! slot in one insert that also counts the resident's booked visits, under a unique index, as a
//! consultation does; its SMS is queued in the same transaction.

use super::super::lawyer::matter;
use super::super::notify::tell_resident_at;
use super::super::ReferralsService;
use super::slots::{calendar, window};
use super::view::{one, Reader};
use super::MY_VISITS;
use crate::audit;
use crate::booking::Slot;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::sms::{Message, Template};
use crate::store::{now_ms, today, Backend};
use app::domain::{birth_date, free_visit, required_text, Role};
use app::error::{AppError, ErrorKind};
use app::i18n::{ReferralTexts, VisitTexts};
use app::model::{NewVisit, VisitView};
use app::time::{Instant, LocalDate};

/// Visits a resident may have booked at once.
const MAX_BOOKED: i64 = 3;
const MAX_ADDRESS_CHARS: usize = 200;
const MAX_NOTE_CHARS: usize = 500;

/// The lowest free seat of the slot ($13 seats), only while the resident has fewer than $14
/// visits to come; nothing inserted otherwise.
const INSERT_VISIT: &str = "\
    INSERT INTO home_visits (code, organisation_id, resident_id, booked_by, slot_start, slot_end, seat, matter, address, note, birth_date, free, status, created_at, updated_at) \
    SELECT $1, $2, $3, $4, $5, $6, free.seat, $7, $8, $9, $10, $11, 'booked', $12, $12 FROM ( \
      SELECT MIN(c.seat) AS seat FROM (SELECT 1 AS seat UNION SELECT seat + 1 FROM home_visits \
        WHERE organisation_id = $2 AND slot_start = $5 AND status <> 'cancelled') c \
      WHERE c.seat <= $13 AND NOT EXISTS (SELECT 1 FROM home_visits t WHERE t.organisation_id = $2 AND t.slot_start = $5 \
        AND t.seat = c.seat AND t.status <> 'cancelled')) free \
    WHERE free.seat IS NOT NULL AND (SELECT COUNT(*) FROM home_visits \
      WHERE resident_id = $3 AND status = 'booked' AND slot_end > $12) < $14 \
    RETURNING id";

/// The visit as asked, checked.
struct Asked {
    address: String,
    note: String,
    born: LocalDate,
}

/// `visits/book`.
pub async fn book(service: &ReferralsService, caller: &Caller, request: NewVisit) -> Result<VisitView, Failure> {
    let t = VisitTexts::of(caller.lang);
    let user = caller.user()?;
    let asked = check(caller, &request)?;
    let resident = match (user.role, request.source) {
        (Role::Resident, None) => user.id,
        (Role::Lawyer | Role::Assistant, Some(source)) => {
            matter(service, caller, (source.question_id, source.booking_id)).await?.resident_id
        }
        _ => return Err(AppError::invalid("source", ReferralTexts::of(caller.lang).err_source).into()),
    };
    let date = request.start.to_shanghai().0;
    let (first, last) = window();
    let found = calendar(&service.store, request.organisation_id, date, date).await?;
    let Some((office, calendar)) = found else { return Err(AppError::invalid("organisation_id", t.err_office).into()) };
    let slot = calendar.slots(date, date, Instant(0)).into_iter().find(|s| s.start == request.start);
    let Some(slot) = slot.filter(|_| first <= date && date <= last) else {
        return Err(AppError::invalid("start", t.err_slot).into());
    };
    if slot.seats_left == 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_full).into());
    }
    if resident != user.id {
        let code = request.consent_code.trim();
        if code.is_empty() {
            return Err(AppError::invalid("consent_code", t.err_consent).into());
        }
        service.auth.verify_consent_code_of(caller, resident, code).await?;
    }
    let visit = Visit { resident, booked_by: (resident != user.id).then_some(user.id), slot, office, asked };
    let id = insert(service, caller, &request, visit).await?;
    if resident != user.id {
        let subject = format!("home_visit:{id}");
        audit::record_access(&service.store, caller, user.id, ("assisted_visit", &subject), resident, "code").await?;
    }
    one(&service.store, Reader::Resident, id).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}

/// A visit about to be written.
struct Visit {
    resident: i64,
    booked_by: Option<i64>,
    slot: Slot,
    office: String,
    asked: Asked,
}

/// Writes `visit` with its seat and queues its SMS, in one transaction; 409 when the slot filled
/// or the resident has as many visits to come as allowed.
async fn insert(service: &ReferralsService, caller: &Caller, request: &NewVisit, visit: Visit) -> Result<i64, Failure> {
    let Visit { resident, booked_by, slot, office, asked } = visit;
    let code = crate::booking::new_code();
    let now = now_ms();
    let mut tx = service.store.writer().begin().await?;
    if service.store.backend == Backend::Postgres {
        // Two visits of one slot pick their seats one after the other (SQLite's writers take turns).
        sqlx::query("SELECT pg_advisory_xact_lock(CAST($1 AS INTEGER), CAST($2 AS INTEGER))")
            .bind(request.organisation_id)
            .bind(slot.start.0 / 60_000)
            .execute(&mut *tx)
            .await?;
    }
    let id: Option<i64> = sqlx::query_scalar(INSERT_VISIT)
        .bind(&code)
        .bind(request.organisation_id)
        .bind(resident)
        .bind(booked_by)
        .bind(slot.start.0)
        .bind(slot.end.0)
        .bind(request.matter.as_str())
        .bind(&asked.address)
        .bind(&asked.note)
        .bind(asked.born.to_string())
        .bind(i64::from(free_visit(request.matter, asked.born, slot.start.to_shanghai().0)))
        .bind(now)
        .bind(i64::from(slot.seats))
        .bind(MAX_BOOKED)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(id) = id else {
        let booked: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM home_visits WHERE resident_id = $1 AND status = 'booked' AND slot_end > $2",
        )
        .bind(resident)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let t = VisitTexts::of(caller.lang);
        let why = if booked >= MAX_BOOKED { t.err_too_many } else { t.err_full };
        return Err(AppError::new(ErrorKind::Conflict, why).into());
    };
    let when = slot.start.format_shanghai();
    tell_resident_at(&mut tx, resident, MY_VISITS, |lang| {
        let values = [("office", office.as_str()), ("when", &when), ("address", &asked.address), ("code", &code)];
        Message::new(Template::HomeVisitBooked, lang, &values)
    })
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The address, note and birth date, each whole (422 on the field otherwise).
fn check(caller: &Caller, request: &NewVisit) -> Result<Asked, Failure> {
    let t = VisitTexts::of(caller.lang);
    let address =
        required_text(&request.address, MAX_ADDRESS_CHARS).map_err(|_| AppError::invalid("address", t.err_address))?;
    let note = request.note.trim().to_owned();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::invalid("note", t.err_note).into());
    }
    let born =
        birth_date(&request.birth_date, today()).ok_or_else(|| AppError::invalid("birth_date", t.err_birth_date))?;
    Ok(Asked { address, note, born })
}
