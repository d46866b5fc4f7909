//! Duty schedules and bookings: the server's side of `app::ports::BookingPort`.
//!
//! No double booking: a booking holds a row of `booking_seats`, whose primary key is
//! (community, slot start, seat number). Taking a seat is an insert that does nothing when the
//! seat is taken, so under any concurrency each seat has one holder, on SQLite and PostgreSQL.

pub mod calendar_store;
mod changes;
mod desk;
pub mod recent;
pub mod reminders;
mod schedule;
pub mod slots;
mod views;
mod waitlist;

use crate::auth::internal;
use crate::sms::Outbox;
use crate::store::{now_ms, Backend, Store};
use app::domain::{required_text, rules, BookingStatus, Channel, PhoneNumber, MAX_DESCRIPTION_CHARS, MAX_REASON_CHARS};
use app::error::{AppError, ErrorKind};
use app::i18n::Lang;
use app::model::{
    AddDutyRequest, Availability, AvailableDay, BookRequest, BookingView, CommunitySummary, DeskBooking, DeskRequest,
    DutyExceptionRequest, DutySchedule, FreeSlot, LeaveRecorded, LeaveRequest, MyBookings, RateRequest,
    RescheduleRequest, WaitlistJoined, WaitlistRequest,
};
use app::ports::{BookingPort, Caller};
use app::time::{Instant, LocalDate};
use async_trait::async_trait;
use rand::Rng;
use recent::RecentAnswers;
use slots::Slot;
use sqlx::{Any, Transaction};
use std::sync::Arc;

/// Bookings over the store, with SMS through the outbox.
#[derive(Clone, Debug)]
pub struct BookingService {
    store: Store,
    outbox: Outbox,
    recent: RecentAnswers,
}

/// Today's date in Shanghai.
pub fn today() -> LocalDate {
    Instant(now_ms()).to_shanghai().0
}

/// The earliest start a resident can book now.
fn earliest_bookable() -> Instant {
    Instant(now_ms() + rules::MIN_NOTICE_MINUTES * 60_000)
}

fn message(caller: &Caller, kind: ErrorKind, pick: fn(&app::i18n::Messages) -> &'static str) -> AppError {
    AppError::new(kind, pick(caller.lang.messages()))
}

/// A code residents can read out: no 0/O or 1/I.
fn new_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    (0..8).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect()
}

/// Fills `{name}` placeholders of an SMS template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

impl BookingService {
    /// Bookings over `store`, notifying through `outbox`, keeping availability answers in
    /// `recent`.
    pub fn new(store: Store, outbox: Outbox, recent: RecentAnswers) -> BookingService {
        BookingService { store, outbox, recent }
    }

    /// Commits a change to bookings or schedules: recent availability answers are forgotten and
    /// the messages written with the change are sent.
    async fn commit(&self, caller: &Caller, tx: Transaction<'_, Any>) -> Result<(), AppError> {
        tx.commit().await.map_err(|e| internal(caller, e))?;
        self.recent.forget();
        self.outbox.wake();
        Ok(())
    }

    /// The slots of `community_id` on `from..=to` that can be booked now.
    async fn bookable(&self, community_id: i64, from: LocalDate, to: LocalDate) -> Result<Vec<Slot>, sqlx::Error> {
        let calendar = calendar_store::load(&self.store, community_id, from, to).await?;
        Ok(calendar.slots(from, to, earliest_bookable()))
    }

    /// The bookable slot starting at `start`, or a 422 saying it cannot be booked.
    async fn slot_at(&self, caller: &Caller, community_id: i64, start: Instant) -> Result<Slot, AppError> {
        let date = start.to_shanghai().0;
        let today = today();
        if date < today || date > today.plus_days(rules::WINDOW_DAYS - 1) {
            return Err(message(caller, ErrorKind::Validation, |t| t.err_slot_unavailable));
        }
        let calendar =
            calendar_store::for_slot(&self.store, community_id, start).await.map_err(|e| internal(caller, e))?;
        calendar
            .slots(date, date, earliest_bookable())
            .into_iter()
            .find(|s| s.start == start)
            .ok_or_else(|| message(caller, ErrorKind::Validation, |t| t.err_slot_unavailable))
    }

    async fn community_exists(&self, community_id: i64) -> Result<bool, sqlx::Error> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM communities WHERE id = $1")
            .bind(community_id)
            .fetch_one(&self.store.pool)
            .await?;
        Ok(n == 1)
    }

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
    async fn take_seat(
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
    async fn confirm_booked(
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
    async fn notify(
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

    async fn own_booking(&self, caller: &Caller, booking_id: i64) -> Result<views::Loaded, AppError> {
        let user = caller.user()?;
        let owner: Option<i64> = sqlx::query_scalar("SELECT resident_id FROM bookings WHERE id = $1")
            .bind(booking_id)
            .fetch_optional(&self.store.pool)
            .await
            .map_err(|e| internal(caller, e))?;
        // Someone else's booking is reported exactly like one that does not exist.
        if owner != Some(user.id) {
            return Err(caller.error(ErrorKind::NotFound));
        }
        views::one(&self.store, booking_id)
            .await
            .map_err(|e| internal(caller, e))?
            .ok_or_else(|| caller.error(ErrorKind::NotFound))
    }

    fn check_changeable(caller: &Caller, view: &BookingView) -> Result<(), AppError> {
        if !view.status.is_live() {
            return Err(message(caller, ErrorKind::Conflict, |t| t.err_not_cancellable));
        }
        if !view.changeable {
            return Err(message(caller, ErrorKind::Conflict, |t| t.err_too_late));
        }
        Ok(())
    }

    fn reason(caller: &Caller, text: &str) -> Result<String, AppError> {
        required_text(text, MAX_REASON_CHARS)
            .map_err(|_| AppError::invalid("reason", caller.lang.messages().err_reason))
    }

    async fn resident_lang(&self, booking_id: i64) -> Result<Lang, sqlx::Error> {
        let tag: Option<String> =
            sqlx::query_scalar("SELECT u.lang FROM bookings b JOIN users u ON u.id = b.resident_id WHERE b.id = $1")
                .bind(booking_id)
                .fetch_optional(&self.store.pool)
                .await?;
        Ok(tag.map(|t| Lang::from_tag(&t)).unwrap_or_default())
    }
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

fn is_unique_violation(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| e.is_unique_violation())
}

#[async_trait]
impl BookingPort for BookingService {
    #[tracing::instrument(skip(self, caller))]
    async fn availability(&self, caller: &Caller, community_id: i64) -> Result<Availability, AppError> {
        let now = now_ms();
        if let Some(answer) = self.recent.get(community_id, now) {
            return Ok(Availability::clone(&answer));
        }
        let generation = self.recent.generation();
        if !self.community_exists(community_id).await.map_err(|e| internal(caller, e))? {
            return Err(caller.error(ErrorKind::NotFound));
        }
        let from = today();
        let slots = self
            .bookable(community_id, from, from.plus_days(rules::WINDOW_DAYS - 1))
            .await
            .map_err(|e| internal(caller, e))?;
        let mut days: Vec<AvailableDay> = Vec::new();
        for slot in slots {
            let date = slot.start.to_shanghai().0;
            let free = FreeSlot {
                start: slot.start,
                end: slot.end,
                seats_left: slot.seats_left,
                channels: slot.channels,
                instant: slot.instant,
            };
            match days.last_mut() {
                Some(day) if day.date == date.to_string() => day.slots.push(free),
                _ => days.push(AvailableDay { date: date.to_string(), weekday: date.weekday(), slots: vec![free] }),
            }
        }
        let answer = Availability { community_id, days };
        self.recent.put(community_id, generation, now, Arc::new(answer.clone()));
        Ok(answer)
    }

    #[tracing::instrument(skip_all, fields(community_id = request.community_id))]
    async fn book(&self, caller: &Caller, request: BookRequest) -> Result<BookingView, AppError> {
        let resident = caller.user()?;
        let description = required_text(&request.description, MAX_DESCRIPTION_CHARS)
            .map_err(|_| AppError::invalid("description", caller.lang.messages().err_description))?;
        let slot = match self.slot_at(caller, request.community_id, request.slot_start).await {
            Ok(slot) => slot,
            Err(_) if !self.community_exists(request.community_id).await.map_err(|e| internal(caller, e))? => {
                return Err(caller.error(ErrorKind::NotFound));
            }
            Err(error) => return Err(error),
        };
        if !slot.channels.contains(&request.channel) {
            return Err(AppError {
                field: Some("channel".into()),
                ..message(caller, ErrorKind::Validation, |t| t.err_channel)
            });
        }
        if slot.seats_left == 0 {
            return Err(message(caller, ErrorKind::Conflict, |t| t.err_slot_full));
        }
        let names = views::names(&self.store, request.community_id, slot.lawyer_id, resident.id)
            .await
            .map_err(|e| internal(caller, e))?;
        let request = BookRequest { description, ..request };
        // The turn before the connection: a connection held while queueing could be the one the
        // writer ahead needs.
        let _turn = self.store.write_turn().await;
        let mut tx = self.store.pool.begin().await.map_err(|e| internal(caller, e))?;
        // The cap is counted by the insert, inside this transaction. PostgreSQL first locks the
        // resident's row, so concurrent bookings of one resident are counted one after the
        // other; on SQLite the insert's own write lock does that (docs/ARCHITECTURE.md).
        if self.store.backend == Backend::Postgres {
            crate::store::lock_user(&mut tx, resident.id).await.map_err(|e| internal(caller, e))?;
        }
        let booked =
            self.take_seat(&mut tx, caller, resident.id, &slot, &request, Some(rules::MAX_LIVE_BOOKINGS)).await?;
        self.confirm_booked(caller, tx, booked, names, &slot, &request).await
    }

    async fn join_waitlist(&self, caller: &Caller, request: WaitlistRequest) -> Result<WaitlistJoined, AppError> {
        waitlist::join(self, caller, request).await
    }

    async fn my_bookings(&self, caller: &Caller) -> Result<MyBookings, AppError> {
        let resident = caller.user()?;
        let all = views::of_resident(&self.store, resident.id).await.map_err(|e| internal(caller, e))?;
        let now = Instant(now_ms());
        let (upcoming, mut past): (Vec<_>, Vec<_>) = all.into_iter().partition(|b| b.status.is_live() && b.end > now);
        past.reverse();
        Ok(MyBookings { upcoming, past })
    }

    async fn cancel(&self, caller: &Caller, booking_id: i64, reason: String) -> Result<BookingView, AppError> {
        changes::cancel(self, caller, booking_id, reason).await
    }

    async fn reschedule(&self, caller: &Caller, request: RescheduleRequest) -> Result<BookingView, AppError> {
        changes::reschedule(self, caller, request).await
    }

    async fn rate(&self, caller: &Caller, request: RateRequest) -> Result<BookingView, AppError> {
        changes::rate(self, caller, request).await
    }

    async fn desk(&self, caller: &Caller, community_id: Option<i64>) -> Result<Vec<DeskBooking>, AppError> {
        desk::list(self, caller, community_id).await
    }

    async fn decide(&self, caller: &Caller, request: DeskRequest) -> Result<DeskBooking, AppError> {
        desk::decide(self, caller, request).await
    }

    async fn desk_communities(&self, caller: &Caller) -> Result<Vec<CommunitySummary>, AppError> {
        desk::communities(self, caller).await
    }

    async fn schedule(&self, caller: &Caller, community_id: i64) -> Result<DutySchedule, AppError> {
        schedule::get(self, caller, community_id).await
    }

    async fn add_duty(&self, caller: &Caller, request: AddDutyRequest) -> Result<DutySchedule, AppError> {
        schedule::add(self, caller, request).await
    }

    async fn add_exception(&self, caller: &Caller, request: DutyExceptionRequest) -> Result<(), AppError> {
        schedule::add_exception(self, caller, request).await
    }

    async fn record_leave(&self, caller: &Caller, request: LeaveRequest) -> Result<LeaveRecorded, AppError> {
        schedule::record_leave(self, caller, request).await
    }
}

/// Whether a channel list is usable: at least one, no repeats.
pub fn valid_channels(channels: &[Channel]) -> bool {
    !channels.is_empty() && channels.iter().enumerate().all(|(i, c)| !channels[..i].contains(c))
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

    #[test]
    fn sms_templates_are_filled() {
        assert_eq!(fill("{code} at {when}", &[("code", "AB23"), ("when", "09:00")]), "AB23 at 09:00");
    }
}
