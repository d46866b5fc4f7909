//! Duty schedules and bookings: free slots, booking, changing and rating a booking.
//!
//! No double booking: a booking holds a seat number of its slot, and a unique index on
//! (community, slot start, seat) over the bookings that hold seats lets the database refuse a
//! second holder, whatever the concurrency, on SQLite and PostgreSQL.

pub mod calendar_store;
pub mod changes;
pub mod desk;
pub mod duty_plan;
pub mod meeting;
pub mod recent;
pub mod reminders;
pub mod retire;
pub mod retire_place;
pub mod rules;
pub mod schedule;
mod seats;
pub use seats::{new_code, Helper};
pub mod settle;
pub mod slots;
mod views;
pub mod waitlist;

/// What other features read of the duty schedule: a community's recurring periods, and its
/// calendar of a span of days without seats.
pub use calendar_store::{periods as duty_periods, schedule as duty_schedule};
/// A seat freed elsewhere (an erased account's booking) goes to the next resident waiting.
pub use slots::{Calendar, DutyRule, Slot};
pub use waitlist::offer_freed_seat;

use crate::caller::Caller;
use crate::failure::Failure;
use crate::sms::Outbox;
use crate::store::{now_ms, today, Store};
use app::domain::{required_text, BookingRules, Channel, MAX_DESCRIPTION_CHARS, MAX_REASON_CHARS, MAX_WINDOW_DAYS};
use app::error::{AppError, ErrorKind};
use app::i18n::Lang;
use app::model::{
    Availability, AvailabilityRequest, AvailableDay, BookRequest, BookingView, Empty, FreeSlot, MyBookings,
};
use app::time::Instant;
use recent::RecentAnswers;
use sqlx::{Any, Transaction};
use std::sync::Arc;

/// Bookings over the store, with SMS through the outbox.
#[derive(Clone, Debug)]
pub struct BookingService {
    store: Store,
    outbox: Outbox,
    recent: RecentAnswers,
    /// `MEETING_URL_PATTERN`: a video booking's room is made from it.
    meetings: Option<Arc<str>>,
}

/// The earliest start a resident can book now under `rules`.
fn earliest_bookable(rules: &BookingRules) -> Instant {
    Instant(now_ms() + rules.min_notice_minutes * 60_000)
}

/// A slot that can be booked, the names its booking shows and the rules it is booked under.
pub(super) struct Found {
    slot: Slot,
    names: views::Names,
    rules: BookingRules,
}

fn message(caller: &Caller, kind: ErrorKind, pick: fn(&app::i18n::Messages) -> &'static str) -> AppError {
    AppError::new(kind, pick(caller.lang.messages()))
}

impl BookingService {
    /// Bookings over `store`, notifying through `outbox`, keeping availability answers in
    /// `recent`.
    pub fn new(store: Store, outbox: Outbox, recent: RecentAnswers) -> BookingService {
        BookingService { store, outbox, recent, meetings: None }
    }

    /// Video bookings meet in a room made from `pattern` (`https://…{room}…`).
    pub fn with_meetings(self, pattern: Option<String>) -> BookingService {
        BookingService { meetings: pattern.map(Arc::from), ..self }
    }

    /// Commits a change to bookings or schedules: recent availability answers are forgotten and
    /// the messages written with the change are sent.
    async fn commit(&self, tx: Transaction<'_, Any>) -> Result<(), Failure> {
        tx.commit().await?;
        self.changed();
        Ok(())
    }

    /// After a change committed: recent availability answers are forgotten and the messages
    /// written with the change are sent.
    fn changed(&self) {
        self.recent.forget();
        self.outbox.wake();
    }

    /// The slots of `community_id` that can be booked now, within its booking window. The
    /// calendar is read for the default window, and once more when the community's is longer.
    async fn bookable(&self, community_id: i64) -> Result<Vec<Slot>, sqlx::Error> {
        let from = today();
        let mut days = BookingRules::DEFAULT.window_days;
        loop {
            let calendar = calendar_store::load(&self.store, community_id, from, from.plus_days(days - 1)).await?;
            let rules = calendar.booking_rules;
            if rules.window_days <= days {
                let last = from.plus_days(rules.window_days - 1);
                return Ok(calendar.slots(from, last, earliest_bookable(&rules)));
            }
            days = rules.window_days;
        }
    }

    /// The bookable slot starting at `start`, or a 422 saying it cannot be booked (404 when
    /// there is no such community).
    async fn slot_at(&self, caller: &Caller, community_id: i64, start: Instant) -> Result<Found, Failure> {
        let date = start.to_shanghai().0;
        let today = today();
        let unavailable = || Failure::from(message(caller, ErrorKind::Validation, |t| t.err_slot_unavailable));
        // Beyond any window, refused before the calendar is read (the far future does not read).
        if date < today || date > today.plus_days(MAX_WINDOW_DAYS) {
            return Err(unavailable());
        }
        let calendar = calendar_store::for_slot(&self.store, community_id, start).await?;
        let Some((community_name, office_address)) = calendar.community.clone() else {
            return Err(caller.error(ErrorKind::NotFound).into());
        };
        let rules = calendar.booking_rules;
        if date > today.plus_days(rules.window_days - 1) {
            return Err(unavailable());
        }
        let slot = calendar
            .slots(date, date, earliest_bookable(&rules))
            .into_iter()
            .find(|s| s.start == start)
            .ok_or_else(unavailable)?;
        let lawyer_name = calendar.lawyer_names.get(&slot.lawyer_id).cloned().unwrap_or_default();
        Ok(Found { slot, names: views::Names { community_name, office_address, lawyer_name }, rules })
    }

    async fn community_exists(&self, community_id: i64) -> Result<bool, sqlx::Error> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM communities WHERE id = $1")
            .bind(community_id)
            .fetch_one(&self.store.pool)
            .await?;
        Ok(n == 1)
    }

    async fn own_booking(&self, caller: &Caller, booking_id: i64) -> Result<views::Loaded, Failure> {
        let user = caller.user()?;
        let owner: Option<i64> = sqlx::query_scalar("SELECT resident_id FROM bookings WHERE id = $1")
            .bind(booking_id)
            .fetch_optional(&self.store.pool)
            .await?;
        // Someone else's booking is reported exactly like one that does not exist.
        if owner != Some(user.id) {
            return Err(caller.error(ErrorKind::NotFound).into());
        }
        views::one(&self.store, booking_id)
            .await?
            .ok_or_else(|| caller.error(ErrorKind::NotFound))
            .map_err(Failure::from)
    }

    fn check_changeable(caller: &Caller, view: &BookingView) -> Result<(), Failure> {
        if !view.status.is_live() {
            return Err(message(caller, ErrorKind::Conflict, |t| t.err_not_cancellable).into());
        }
        if !view.changeable {
            return Err(message(caller, ErrorKind::Conflict, |t| t.err_too_late).into());
        }
        Ok(())
    }

    fn reason(caller: &Caller, text: &str) -> Result<String, Failure> {
        required_text(text, MAX_REASON_CHARS)
            .map_err(|_| AppError::invalid("reason", caller.lang.messages().err_reason))
            .map_err(Failure::from)
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

impl BookingService {
    /// A community's free slots within the booking window. Public.
    #[tracing::instrument(skip(self, caller))]
    pub async fn availability(&self, caller: &Caller, request: AvailabilityRequest) -> Result<Availability, Failure> {
        let community_id = request.community_id;
        let now = now_ms();
        if let Some(answer) = self.recent.get(community_id, now) {
            return Ok(Availability::clone(&answer));
        }
        let generation = self.recent.generation();
        if !self.community_exists(community_id).await? {
            return Err(caller.error(ErrorKind::NotFound).into());
        }
        let slots = self.bookable(community_id).await?;
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

    /// Books a slot for the calling resident.
    #[tracing::instrument(skip_all, fields(community_id = request.community_id))]
    pub async fn book(&self, caller: &Caller, request: BookRequest) -> Result<BookingView, Failure> {
        let resident = caller.user()?.id;
        self.book_for(caller, resident, request, None).await
    }

    /// Books a slot for `resident`: the caller themself, or (with a `helper`) a resident the
    /// caller books for. Every rule a resident's own booking keeps holds, the cap included.
    pub(crate) async fn book_for(
        &self,
        caller: &Caller,
        resident: i64,
        request: BookRequest,
        helper: Option<Helper>,
    ) -> Result<BookingView, Failure> {
        let description = required_text(&request.description, MAX_DESCRIPTION_CHARS)
            .map_err(|_| AppError::invalid("description", caller.lang.messages().err_description))?;
        let Found { slot, names, rules } = match self.slot_at(caller, request.community_id, request.slot_start).await {
            Ok(found) => found,
            Err(_) if !self.community_exists(request.community_id).await? => {
                return Err(caller.error(ErrorKind::NotFound).into());
            }
            Err(error) => return Err(error),
        };
        if !slot.channels.contains(&request.channel) {
            return Err(AppError {
                field: Some("channel".into()),
                ..message(caller, ErrorKind::Validation, |t| t.err_channel)
            }
            .into());
        }
        if slot.seats_left == 0 {
            return Err(message(caller, ErrorKind::Conflict, |t| t.err_slot_full).into());
        }
        let request = BookRequest { description, ..request };
        let mut booking = Self::new_booking(caller, resident, names, &slot, &request, &rules);
        if let Some(helper) = helper {
            booking = Self::helped(booking, helper);
        }
        // The cap is counted by the insert, and the booking is one round trip, its own
        // transaction: on SQLite the insert, under the write lock; on PostgreSQL `take_seat`,
        // which first locks the resident's row, so concurrent bookings of one resident are counted
        // one after the other (docs/ARCHITECTURE.md).
        let mut conn = self.store.writer().acquire().await?;
        let view = self.take_seat(&mut conn, caller, booking, &slot, (Some(rules.max_live_bookings), true)).await?;
        self.changed();
        Ok(view)
    }

    /// The calling resident's bookings.
    pub async fn my_bookings(&self, caller: &Caller, _: Empty) -> Result<MyBookings, Failure> {
        let resident = caller.user()?;
        let all = views::of_resident(&self.store, resident.id).await?;
        let now = Instant(now_ms());
        let (upcoming, mut past): (Vec<_>, Vec<_>) = all.into_iter().partition(|b| b.status.is_live() && b.end > now);
        past.reverse();
        Ok(MyBookings { upcoming, past })
    }
}

/// Whether a channel list is usable: at least one, no repeats.
pub fn valid_channels(channels: &[Channel]) -> bool {
    !channels.is_empty() && channels.iter().enumerate().all(|(i, c)| !channels[..i].contains(c))
}
