//! Taking a seat: the booking's insert (with the resident's cap counted by the insert itself),
//! the seat's insert that the database decides, and the booking's message in the same
//! transaction.

use super::{fill, internal, message, rules, slots::Slot, views, BookingService};
use crate::sms::Outbox;
use crate::store::now_ms;
use app::domain::{BookingStatus, PhoneNumber};
use app::error::{AppError, ErrorKind};
use app::i18n::Lang;
use app::model::{BookRequest, BookingView};
use app::ports::Caller;
use rand::Rng;
use sqlx::{Any, Transaction};

/// A code residents can read out: no 0/O or 1/I.
pub(super) fn new_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    (0..8).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect()
}

/// What taking a seat came to.
enum Taken {
    /// Booked: id and code.
    Seat(i64, String),
    /// Every seat is taken.
    Full,
    /// The resident already holds the most live bookings allowed.
    OverCap,
}

pub(super) fn is_unique_violation(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| e.is_unique_violation())
}

impl BookingService {
    /// Inserts a booking and takes a seat for it, inside `tx`. With a `cap`, the booking is
    /// inserted only while the resident holds fewer live bookings: counted by the insert itself,
    /// so on SQLite the count is read under the write lock the insert takes.
    async fn insert_booking(
        &self,
        tx: &mut Transaction<'_, Any>,
        resident_id: i64,
        slot: &Slot,
        request: &BookRequest,
        cap: Option<i64>,
    ) -> Result<Taken, sqlx::Error> {
        let now = now_ms();
        let status = if slot.instant { BookingStatus::Confirmed } else { BookingStatus::Pending };
        let code = new_code();
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, created_at, updated_at) \
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11 WHERE (SELECT COUNT(*) FROM bookings \
             WHERE resident_id = $2 AND status IN ('pending', 'confirmed') AND slot_end > $11) < $12 RETURNING id",
        )
        .bind(&code)
        .bind(resident_id)
        .bind(request.community_id)
        .bind(slot.lawyer_id)
        .bind(slot.start.0)
        .bind(slot.end.0)
        .bind(request.channel.as_str())
        .bind(request.topic.as_str())
        .bind(&request.description)
        .bind(status.as_str())
        .bind(now)
        .bind(cap.unwrap_or(i64::MAX))
        .fetch_optional(&mut **tx)
        .await?;
        let Some(id) = id else { return Ok(Taken::OverCap) };
        // Start at the first seat the calendar saw free, so a busy slot is not tried from seat 1.
        let seats = i64::from(slot.seats);
        let first = i64::from(slot.seats - slot.seats_left.min(slot.seats));
        for seat in (0..seats).map(|k| (first + k) % seats + 1) {
            let taken = sqlx::query("INSERT INTO booking_seats (community_id, slot_start, seat, booking_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .bind(request.community_id)
                .bind(slot.start.0)
                .bind(seat)
                .bind(id)
                .execute(&mut **tx)
                .await?;
            if taken.rows_affected() == 1 {
                return Ok(Taken::Seat(id, code));
            }
        }
        Ok(Taken::Full)
    }

    /// Inserts the booking and takes its seat in `tx`; 409 when the slot is full, the resident
    /// already holds it, or (with a `cap`) holds that many live bookings. On error the
    /// transaction is dropped, so nothing stays.
    pub(super) async fn take_seat(
        &self,
        tx: &mut Transaction<'_, Any>,
        caller: &Caller,
        resident_id: i64,
        slot: &Slot,
        request: &BookRequest,
        cap: Option<i64>,
    ) -> Result<(i64, String), AppError> {
        match self.insert_booking(tx, resident_id, slot, request, cap).await {
            Ok(Taken::Seat(id, code)) => Ok((id, code)),
            Ok(Taken::Full) => Err(message(caller, ErrorKind::Conflict, |t| t.err_slot_full)),
            Ok(Taken::OverCap) => Err(message(caller, ErrorKind::Conflict, |t| t.err_too_many_bookings)),
            Err(e) if is_unique_violation(&e) => Err(message(caller, ErrorKind::Conflict, |t| t.err_already_booked)),
            Err(e) => Err(internal(caller, e)),
        }
    }

    /// Tells the resident of a new booking (SMS and inbox) in the booking's own transaction, so
    /// the message exists exactly when the booking does; commits and returns it. `names` were
    /// read before the transaction, which then holds the write lock only for its writes.
    pub(super) async fn confirm_booked(
        &self,
        caller: &Caller,
        mut tx: Transaction<'_, Any>,
        (id, code): (i64, String),
        names: views::Names,
        slot: &Slot,
        request: &BookRequest,
    ) -> Result<BookingView, AppError> {
        let view = BookingView {
            id,
            code,
            status: if slot.instant { BookingStatus::Confirmed } else { BookingStatus::Pending },
            status_reason: String::new(),
            community_id: request.community_id,
            community_name: names.community_name,
            office_address: names.office_address,
            lawyer_name: names.lawyer_name,
            start: slot.start,
            end: slot.end,
            channel: request.channel,
            topic: request.topic,
            description: request.description.clone(),
            rating: None,
            changeable: slot.start.0 - now_ms() >= rules::CHANGE_CUTOFF_MINUTES * 60_000,
        };
        self.notify(&mut tx, &view, names.phone.as_ref(), caller.lang, |t| t.sms_booked, "")
            .await
            .map_err(|e| internal(caller, e))?;
        self.commit(caller, tx).await?;
        Ok(view)
    }

    /// Queues an SMS to a booking's resident, in `tx`.
    pub(super) async fn notify(
        &self,
        tx: &mut Transaction<'_, Any>,
        view: &BookingView,
        phone: Option<&PhoneNumber>,
        lang: Lang,
        template: fn(&app::i18n::Messages) -> &'static str,
        reason: &str,
    ) -> Result<(), sqlx::Error> {
        let Some(phone) = phone else { return Ok(()) };
        let t = lang.messages();
        let status =
            if view.status == BookingStatus::Pending { t.book_pending_note } else { lang.texts().status_confirmed };
        let text = fill(
            template(t),
            &[
                ("community", &view.community_name),
                ("when", &view.start.format_shanghai()),
                ("code", &view.code),
                ("status", status),
                ("reason", reason),
            ],
        );
        Outbox::enqueue_with_inbox(tx, phone.as_str(), &text).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booking_codes_are_eight_readable_characters() {
        let code = new_code();
        assert_eq!(code.len(), 8);
        assert!(code.chars().all(|c| c.is_ascii_alphanumeric() && !"01OI".contains(c)));
    }
}
