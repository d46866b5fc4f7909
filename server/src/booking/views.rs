//! Reading bookings into their wire form.

use super::rules;
use crate::store::sql::Sql;
use crate::store::{now_ms, Store};
use app::domain::{BookingRules, BookingStatus, Channel, PhoneNumber, Topic};
use app::model::{BookingView, DeskBooking};
use app::time::Instant;
use std::sync::LazyLock;

/// A booking row with its community, lawyer and resident columns.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    code: String,
    status: String,
    status_reason: String,
    community_id: i64,
    lawyer_id: i64,
    community_name: String,
    office_address: String,
    lawyer_name: String,
    slot_start: i64,
    slot_end: i64,
    channel: String,
    category: String,
    description: String,
    rating: Option<i64>,
    lawyer_note: String,
    phone: Option<String>,
    resident_id: i64,
    meeting_url: Option<String>,
    change_cutoff_minutes: i64,
}

/// The booking columns, with the cancel and reschedule cut-off of its community's rules.
static SELECT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT b.id, b.code, b.status, b.status_reason, b.community_id, b.lawyer_id, c.name AS community_name, \
         c.office_address, l.name AS lawyer_name, b.slot_start, b.slot_end, b.channel, b.category, b.description, \
         b.rating, b.lawyer_note, u.phone, b.resident_id, b.meeting_url, {} AS change_cutoff_minutes \
         FROM bookings b JOIN communities c ON c.id = b.community_id JOIN lawyers l ON l.id = b.lawyer_id \
         JOIN users u ON u.id = b.resident_id {}",
        rules::column("change_cutoff_minutes", BookingRules::DEFAULT.change_cutoff_minutes),
        rules::JOIN
    )
});

/// A booking with the parts only the desk sees.
pub struct Loaded {
    /// What the resident sees.
    pub view: BookingView,
    /// The lawyers' private note.
    pub note: String,
    /// The resident's number.
    pub phone: Option<PhoneNumber>,
    /// The lawyer who will see the resident.
    pub lawyer_id: i64,
    /// Whose booking it is.
    pub resident_id: i64,
    /// Its meeting's address as stored (the view shows it only while it connects).
    pub meeting_url: Option<String>,
}

impl Loaded {
    /// The desk's form. The number is masked for everyone; the full number is asked for with
    /// `desk/call` (see [`Loaded::callable_by`]).
    pub fn for_desk(self, own_lawyers: &[i64]) -> DeskBooking {
        let can_call = self.callable_by(own_lawyers, now_ms());
        DeskBooking {
            resident_phone: self.phone.map(|p| p.masked()).unwrap_or_default(),
            can_call,
            note: self.note,
            booking: self.view,
        }
    }

    /// Whether one who works for `own_lawyers` may call the resident at `now`: a live phone
    /// consultation with one of them, from 15 minutes before its start to its end.
    pub fn callable_by(&self, own_lawyers: &[i64], now: i64) -> bool {
        self.view.channel == Channel::Phone
            && own_lawyers.contains(&self.lawyer_id)
            && self.phone.is_some()
            && connects_now(&self.view, now)
    }
}

/// Whether a consultation connects its two sides at `now`: live, from 15 minutes before its
/// start to its end (a phone call, a video meeting's link).
pub fn connects_now(view: &BookingView, now: i64) -> bool {
    view.status.is_live() && view.start.0 - CALL_LEAD_MS <= now && now <= view.end.0
}

/// How long before a phone consultation the lawyer may call.
const CALL_LEAD_MS: i64 = 15 * 60_000;

fn from_row(row: Row) -> Option<Loaded> {
    let mut loaded = loaded(row)?;
    // A video meeting's link shows only while the consultation connects.
    let meeting = loaded.meeting_url.take().filter(|_| connects_now(&loaded.view, now_ms()));
    loaded.view.meeting_url = meeting.filter(|_| loaded.view.channel == Channel::Video);
    Some(loaded)
}

fn loaded(row: Row) -> Option<Loaded> {
    let status = BookingStatus::from_db(&row.status)?;
    let changeable = status.is_live() && row.slot_start - now_ms() >= row.change_cutoff_minutes * 60_000;
    Some(Loaded {
        view: BookingView {
            id: row.id,
            code: row.code,
            status,
            status_reason: row.status_reason,
            community_id: row.community_id,
            community_name: row.community_name,
            office_address: row.office_address,
            lawyer_name: row.lawyer_name,
            start: Instant(row.slot_start),
            end: Instant(row.slot_end),
            channel: Channel::from_db(&row.channel)?,
            topic: Topic::from_db(&row.category)?,
            description: row.description,
            rating: row.rating.and_then(|r| u8::try_from(r).ok()),
            changeable,
            meeting_url: None,
        },
        note: row.lawyer_note,
        phone: row.phone.and_then(|p| PhoneNumber::parse(&p).ok()),
        lawyer_id: row.lawyer_id,
        resident_id: row.resident_id,
        meeting_url: row.meeting_url,
    })
}

/// One booking by id.
pub async fn one(store: &Store, booking_id: i64) -> Result<Option<Loaded>, sqlx::Error> {
    let row: Option<Row> =
        sqlx::query_as(&format!("{} WHERE b.id = $1", *SELECT)).bind(booking_id).fetch_optional(&store.pool).await?;
    Ok(row.and_then(from_row))
}

/// The names a new booking's view shows.
pub struct Names {
    pub community_name: String,
    pub office_address: String,
    pub lawyer_name: String,
}

/// A resident's newest 500 bookings, soonest first.
pub async fn of_resident(store: &Store, resident_id: i64) -> Result<Vec<BookingView>, sqlx::Error> {
    // The newest 500: a resident with years of bookings still sees the coming ones.
    let mut rows: Vec<Row> = sqlx::query_as(&format!(
        "{} WHERE b.resident_id = $1 ORDER BY b.slot_start DESC, b.id DESC LIMIT 500",
        *SELECT
    ))
    .bind(resident_id)
    .fetch_all(&store.pool)
    .await?;
    rows.reverse();
    Ok(rows.into_iter().filter_map(from_row).map(|l| l.view).collect())
}

/// Longer than any booking lasts (a slot is at most four hours).
const LONGEST_BOOKING_MS: i64 = 86_400_000;

/// Bookings from `since` on in the given communities (`None`: all), soonest first.
pub async fn for_desk(
    store: &Store,
    communities: Option<&[i64]>,
    since: i64,
    own_lawyers: &[i64],
) -> Result<Vec<DeskBooking>, sqlx::Error> {
    let mut sql = Sql::new(&SELECT);
    // Bounded by its start too, so that an index by start (each community's bookings', or all
    // bookings' for the district's staff) reads only those from the day before on, not years of
    // past ones.
    // In the text, not bound: see `store::day_in_text` (`since` is the start of a day).
    sql.push(&format!(" WHERE b.slot_start >= {} AND b.slot_end >= {since}", since - LONGEST_BOOKING_MS));
    match communities {
        None => {}
        Some([]) => return Ok(Vec::new()),
        Some(ids) => {
            sql.push(" AND b.community_id IN ").bind_list(ids.to_vec());
        }
    }
    sql.push(" ORDER BY b.slot_start, b.id LIMIT 500");
    let rows: Vec<Row> = sql.fetch_all(&store.pool).await?;
    Ok(rows.into_iter().filter_map(from_row).map(|loaded| loaded.for_desk(own_lawyers)).collect())
}
