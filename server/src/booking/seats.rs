//! Taking a seat: an insert that takes the seat the slot's calendar read says is next, or else
//! searches for the lowest free one, counts the resident's cap and carries the booking's SMS,
//! which the database queues with the row (migration 13), under a unique index the database
//! enforces.

use super::{message, slots::Slot, views, BookingService};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::sms::{Message, Outbox, Template};
use crate::store::{now_ms, Backend};
use app::domain::{BookingRules, BookingStatus, Channel, PhoneNumber};
use app::error::ErrorKind;
use app::i18n::Lang;
use app::model::{BookRequest, BookingView, Consent};
use rand::Rng;
use sqlx::any::AnyArguments;
use sqlx::query::QueryScalar;
use sqlx::{Any, AnyConnection, Transaction};

/// A code residents can read out: no 0/O or 1/I.
pub fn new_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    (0..8).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect()
}

/// What taking a seat came to.
enum Taken {
    /// Booked: its id.
    Seat(i64),
    /// Every seat is taken.
    Full,
    /// The resident already holds the most live bookings allowed.
    OverCap,
}

/// The booking's insert with the seat as read ($19: the one after those the slot's calendar
/// counted taken), only while that seat is free and within the slot's $13 seats and the resident
/// holds fewer than $12 live bookings: all read in the insert, so on SQLite under the write lock
/// the insert takes. One probe of `bookings_one_per_seat`; when it inserts nothing, the seat was
/// taken meanwhile (or a cancelled seat left a gap below it) or the cap is reached, and
/// [`INSERT_BOOKING`] follows. $14 and $15 are the SMS the database queues with it: its text and
/// its template's parameters; $16 a video consultation's room; $17 and $18 the worker who booked
/// for the resident and how the resident agreed.
const INSERT_AS_READ: &str = "\
    INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, created_at, updated_at, seat, booked_sms, booked_params, meeting_url, assisted_by, assisted_consent) \
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $19, $14, $15, $16, $17, $18 \
    WHERE $19 <= $13 AND NOT EXISTS (SELECT 1 FROM bookings WHERE community_id = $3 AND slot_start = $5 AND seat = $19 \
      AND status NOT IN ('cancelled', 'declined')) AND (SELECT COUNT(*) FROM bookings \
      WHERE resident_id = $2 AND status IN ('pending', 'confirmed') AND slot_end > $11) < $12 \
    RETURNING id";

/// The booking's insert that searches: the lowest free seat of the slot, found by the statement
/// itself, on the same terms as [`INSERT_AS_READ`] (whose parameters it takes; $19 it does not
/// need). Nothing is inserted when the slot is full or the cap is reached.
const INSERT_BOOKING: &str = "\
    INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, created_at, updated_at, seat, booked_sms, booked_params, meeting_url, assisted_by, assisted_consent) \
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, free.seat, $14, $15, $16, $17, $18 FROM ( \
      SELECT MIN(c.seat) AS seat FROM (SELECT 1 AS seat UNION SELECT seat + 1 FROM bookings \
        WHERE community_id = $3 AND slot_start = $5 AND status NOT IN ('cancelled', 'declined')) c \
      WHERE c.seat <= $13 AND NOT EXISTS (SELECT 1 FROM bookings t WHERE t.community_id = $3 AND t.slot_start = $5 \
        AND t.seat = c.seat AND t.status NOT IN ('cancelled', 'declined'))) free \
    WHERE free.seat IS NOT NULL AND (SELECT COUNT(*) FROM bookings \
      WHERE resident_id = $2 AND status IN ('pending', 'confirmed') AND slot_end > $11) < $12 \
    RETURNING id";

/// PostgreSQL's booking in one round trip (migration 54): the resident's lock, the slot's lock,
/// [`INSERT_AS_READ`] and, when it inserted nothing, [`INSERT_BOOKING`] in one call, its own
/// transaction; $20 is the slot's lock key.
const TAKE_SEAT: &str =
    "SELECT take_seat($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)";

/// A room of its own on the meeting server of `pattern`, for a video consultation: its name
/// unguessable, so that only those shown the link find it.
fn meeting_room(pattern: &str) -> String {
    let mut rng = rand::thread_rng();
    let room: String = (0..20).map(|_| char::from(b"abcdefghijkmnpqrstuvwxyz23456789"[rng.gen_range(0..32)])).collect();
    pattern.replace("{room}", &format!("fai-{room}"))
}

/// A booking about to be made: the view it will have once it has its id, its resident, and the
/// SMS that tells the resident.
pub(super) struct NewBooking {
    view: BookingView,
    resident_id: i64,
    sms: Message,
    helper: Option<Helper>,
}

/// The worker who books for a resident, and how the resident agreed.
#[derive(Debug, Clone, Copy)]
pub struct Helper {
    /// The worker's account.
    pub user_id: i64,
    /// The resident's consent.
    pub consent: Consent,
    /// The resident's language (their SMS is in it).
    pub lang: Lang,
}

impl BookingService {
    /// The booking `request` makes of `slot` for `resident_id` under `rules`, with its code and SMS.
    pub(super) fn new_booking(
        caller: &Caller,
        resident_id: i64,
        names: views::Names,
        slot: &Slot,
        request: &BookRequest,
        rules: &BookingRules,
    ) -> NewBooking {
        let view = BookingView {
            id: 0,
            code: new_code(),
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
            changeable: slot.start.0 - now_ms() >= rules.change_cutoff_minutes * 60_000,
            meeting_url: None,
        };
        let sms = sms_message(&view, caller.lang, Template::Booked, "");
        NewBooking { view, resident_id, sms, helper: None }
    }

    /// `booking` made by `helper` for its resident: the SMS in the resident's language.
    pub(super) fn helped(booking: NewBooking, helper: Helper) -> NewBooking {
        let sms = sms_message(&booking.view, helper.lang, Template::Booked, "");
        NewBooking { sms, helper: Some(helper), ..booking }
    }

    /// Inserts `booking` holding a seat of `slot` on `conn`; with a `cap`, only while the
    /// resident holds fewer live bookings. `alone`: `conn` is in no transaction, and the booking
    /// is one of its own (on SQLite each insert is; on PostgreSQL [`TAKE_SEAT`], which first
    /// locks the resident's row). Otherwise `conn` is a transaction's, and PostgreSQL takes the
    /// slot's lock in it first. Two bookings of one slot take their seats one after the other;
    /// SQLite's writers already take turns.
    async fn insert_booking(
        &self,
        conn: &mut AnyConnection,
        booking: &NewBooking,
        slot: &Slot,
        (cap, alone): (Option<i64>, bool),
    ) -> Result<Taken, sqlx::Error> {
        let view = &booking.view;
        let key = view.community_id.wrapping_mul(1_000_003) ^ view.start.0;
        let postgres = self.store.backend == Backend::Postgres;
        if postgres && !alone {
            sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(key).execute(&mut *conn).await?;
        }
        let now = now_ms();
        let cap = cap.unwrap_or(i64::MAX);
        let room = self.meetings.as_deref().filter(|_| view.channel == Channel::Video).map(meeting_room);
        // The seat after those the calendar counted taken: free, unless taken since or a cancelled
        // seat left a gap below it (then the search finds another).
        let as_read = i64::from(slot.seats.saturating_sub(slot.seats_left)) + 1;
        let query = |sql| insert_query(sql, booking, slot, (now, cap), room.clone());
        // Read to its end: on SQLite the insert is its own transaction, which commits only when
        // the statement has run to its end, and a commit that fails there (a full disk) must
        // fail the booking, not be dropped with a row already read (see `Store::writer`).
        let id = if postgres && alone {
            query(TAKE_SEAT).bind(as_read).bind(key).fetch_all(&mut *conn).await?.pop().flatten()
        } else {
            match query(INSERT_AS_READ).bind(as_read).fetch_all(&mut *conn).await?.pop().flatten() {
                Some(id) => Some(id),
                None => query(INSERT_BOOKING).fetch_all(&mut *conn).await?.pop().flatten(),
            }
        };
        if let Some(id) = id {
            return Ok(Taken::Seat(id));
        }
        // Nothing inserted: say why.
        let live: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE resident_id = $1 AND status IN ('pending', 'confirmed') AND slot_end > $2",
        )
        .bind(booking.resident_id)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        Ok(if live >= cap { Taken::OverCap } else { Taken::Full })
    }

    /// Inserts `booking` with its seat and SMS on `conn` (see [`Self::insert_booking`], with
    /// `cap` and `alone`) and returns its view; 409 when the slot is full, the resident already
    /// holds it, or (with a `cap`) holds that many live bookings. Nothing is written then.
    pub(super) async fn take_seat(
        &self,
        conn: &mut AnyConnection,
        caller: &Caller,
        booking: NewBooking,
        slot: &Slot,
        cap_alone: (Option<i64>, bool),
    ) -> Result<BookingView, Failure> {
        match self.insert_booking(conn, &booking, slot, cap_alone).await {
            Ok(Taken::Seat(id)) => Ok(BookingView { id, ..booking.view }),
            Ok(Taken::Full) => Err(message(caller, ErrorKind::Conflict, |t| t.err_slot_full).into()),
            Ok(Taken::OverCap) => Err(message(caller, ErrorKind::Conflict, |t| t.err_too_many_bookings).into()),
            // A unique key that refuses the row (the resident's slot, the seat) answers itself.
            Err(e) => Err(Failure::from(e)),
        }
    }

    /// Queues an SMS to a booking's resident, in `tx`.
    pub(super) async fn notify(
        &self,
        tx: &mut Transaction<'_, Any>,
        view: &BookingView,
        phone: Option<&PhoneNumber>,
        lang: Lang,
        template: Template,
        reason: &str,
    ) -> Result<(), sqlx::Error> {
        let Some(phone) = phone else { return Ok(()) };
        let message = sms_message(view, lang, template, reason).about(format!("/bookings/{}", view.id));
        Outbox::enqueue_with_inbox(tx, phone.as_str(), &message).await
    }
}

/// `sql` ([`INSERT_AS_READ`], [`INSERT_BOOKING`] or [`TAKE_SEAT`]) with the booking's first 18
/// parameters bound, at `now` and under `cap`; the rest are the caller's.
fn insert_query<'q>(
    sql: &'q str,
    booking: &'q NewBooking,
    slot: &Slot,
    (now, cap): (i64, i64),
    room: Option<String>,
) -> QueryScalar<'q, Any, Option<i64>, AnyArguments<'q>> {
    let view = &booking.view;
    sqlx::query_scalar(sql)
        .bind(&view.code)
        .bind(booking.resident_id)
        .bind(view.community_id)
        .bind(slot.lawyer_id)
        .bind(view.start.0)
        .bind(view.end.0)
        .bind(view.channel.as_str())
        .bind(view.topic.as_str())
        .bind(&view.description)
        .bind(view.status.as_str())
        .bind(now)
        .bind(cap)
        .bind(i64::from(slot.seats))
        .bind(&booking.sms.text)
        .bind(booking.sms.params_json())
        .bind(room)
        .bind(booking.helper.map(|h| h.user_id))
        .bind(booking.helper.map(|h| h.consent.as_str()))
}

/// A booking's SMS in `lang`, from its `template`.
fn sms_message(view: &BookingView, lang: Lang, template: Template, reason: &str) -> Message {
    let t = lang.messages();
    let status =
        if view.status == BookingStatus::Pending { t.book_pending_note } else { lang.texts().status_confirmed };
    Message::new(
        template,
        lang,
        &[
            ("community", &view.community_name),
            ("when", &view.start.format_shanghai()),
            ("code", &view.code),
            ("status", status),
            ("reason", reason),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_takes_a_seat_with_the_same_inserts_as_sqlite() {
        let migration = include_str!("../../migrations/0054_cheaper_booking.postgres.sql");
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let inserts: Vec<String> = migration
            .match_indices("INSERT INTO bookings")
            .map(|(start, _)| {
                let end = migration[start..].find("RETURNING id").expect("its end") + start + "RETURNING id".len();
                words(&migration[start..end])
            })
            .collect();
        assert_eq!(inserts, [words(INSERT_AS_READ), words(INSERT_BOOKING)], "change migration 54's function with them");
    }

    #[test]
    fn booking_codes_are_eight_readable_characters() {
        let code = new_code();
        assert_eq!(code.len(), 8);
        assert!(code.chars().all(|c| c.is_ascii_alphanumeric() && !"01OI".contains(c)));
    }
}
