//! Reading bookings into their wire form.

use crate::store::{now_ms, Store};
use app::domain::{rules, BookingStatus, Channel, PhoneNumber, Topic};
use app::model::{BookingView, DeskBooking};
use app::time::Instant;

type Row = (
    i64,
    String,
    String,
    String,
    i64,
    String,
    String,
    String,
    i64,
    i64,
    String,
    String,
    String,
    Option<i64>,
    String,
    Option<String>,
);

const SELECT: &str = "SELECT b.id, b.code, b.status, b.status_reason, b.community_id, c.name, c.office_address, l.name, \
    b.slot_start, b.slot_end, b.channel, b.category, b.description, b.rating, b.lawyer_note, u.phone \
    FROM bookings b JOIN communities c ON c.id = b.community_id JOIN lawyers l ON l.id = b.lawyer_id JOIN users u ON u.id = b.resident_id";

/// A booking with the parts only the desk sees.
pub struct Loaded {
    /// What the resident sees.
    pub view: BookingView,
    /// The lawyers' private note.
    pub note: String,
    /// The resident's number.
    pub phone: Option<PhoneNumber>,
}

impl Loaded {
    /// The desk's form: the number masked.
    pub fn for_desk(self) -> DeskBooking {
        DeskBooking {
            resident_phone: self.phone.map(|p| p.masked()).unwrap_or_default(),
            note: self.note,
            booking: self.view,
        }
    }
}

fn from_row(row: Row) -> Option<Loaded> {
    let (
        id,
        code,
        status,
        status_reason,
        community_id,
        community_name,
        office_address,
        lawyer_name,
        start,
        end,
        channel,
        topic,
        description,
        rating,
        note,
        phone,
    ) = row;
    let status = BookingStatus::from_db(&status)?;
    let changeable = status.is_live() && start - now_ms() >= rules::CHANGE_CUTOFF_MINUTES * 60_000;
    Some(Loaded {
        view: BookingView {
            id,
            code,
            status,
            status_reason,
            community_id,
            community_name,
            office_address,
            lawyer_name,
            start: Instant(start),
            end: Instant(end),
            channel: Channel::from_db(&channel)?,
            topic: Topic::from_db(&topic)?,
            description,
            rating: rating.and_then(|r| u8::try_from(r).ok()),
            changeable,
        },
        note,
        phone: phone.and_then(|p| PhoneNumber::parse(&p).ok()),
    })
}

/// One booking by id.
pub async fn one(store: &Store, booking_id: i64) -> Result<Option<Loaded>, sqlx::Error> {
    let row: Option<Row> =
        sqlx::query_as(&format!("{SELECT} WHERE b.id = $1")).bind(booking_id).fetch_optional(&store.pool).await?;
    Ok(row.and_then(from_row))
}

/// A resident's bookings, soonest first.
pub async fn of_resident(store: &Store, resident_id: i64) -> Result<Vec<BookingView>, sqlx::Error> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("{SELECT} WHERE b.resident_id = $1 ORDER BY b.slot_start, b.id LIMIT 500"))
            .bind(resident_id)
            .fetch_all(&store.pool)
            .await?;
    Ok(rows.into_iter().filter_map(from_row).map(|l| l.view).collect())
}

/// Bookings from `since` on in the given communities (`None`: all), soonest first.
pub async fn for_desk(store: &Store, communities: Option<&[i64]>, since: i64) -> Result<Vec<DeskBooking>, sqlx::Error> {
    let rows: Vec<Row> = match communities {
        None => {
            sqlx::query_as(&format!("{SELECT} WHERE b.slot_end >= $1 ORDER BY b.slot_start, b.id LIMIT 500"))
                .bind(since)
                .fetch_all(&store.pool)
                .await?
        }
        Some([]) => Vec::new(),
        Some(ids) => {
            // The list is short (a lawyer serves a handful of communities) and made of integers.
            let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            sqlx::query_as(&format!(
                "{SELECT} WHERE b.slot_end >= $1 AND b.community_id IN ({list}) ORDER BY b.slot_start, b.id LIMIT 500"
            ))
            .bind(since)
            .fetch_all(&store.pool)
            .await?
        }
    };
    Ok(rows.into_iter().filter_map(from_row).map(Loaded::for_desk).collect())
}
