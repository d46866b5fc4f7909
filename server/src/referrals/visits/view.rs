//! A home visit as its resident and its office read it: the office also sees the resident's name
//! and number, to ring before it comes.

use crate::store::Store;
use app::domain::{VisitMatter, VisitStatus};
use app::model::VisitView;
use app::time::Instant;

/// What the office sees besides the visit.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Reader {
    Resident,
    Office,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    code: String,
    office: String,
    slot_start: i64,
    slot_end: i64,
    matter: String,
    address: String,
    note: String,
    birth_date: String,
    free: i64,
    status: String,
    reason: String,
    resident_name: String,
    resident_phone: Option<String>,
}

const SELECT: &str = "SELECT v.id, v.code, o.name AS office, v.slot_start, v.slot_end, v.matter, v.address, v.note, \
    v.birth_date, v.free, v.status, v.reason, u.display_name AS resident_name, u.phone AS resident_phone \
    FROM home_visits v JOIN organisations o ON o.id = v.organisation_id JOIN users u ON u.id = v.resident_id";

/// The visits where `filter` (on `v`, binding `$1` to `value` and `$2` to `since`) holds, in
/// `order`, as `reader` sees them.
pub(super) async fn list(
    store: &Store,
    reader: Reader,
    (filter, value, since): (&str, i64, i64),
    order: &str,
) -> Result<Vec<VisitView>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE {filter} ORDER BY {order}");
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(value).bind(since).fetch_all(&store.pool).await?;
    Ok(rows.into_iter().map(|row| view(row, reader)).collect())
}

/// Visit `id` as `reader` sees it, if it exists.
pub(super) async fn one(store: &Store, reader: Reader, id: i64) -> Result<Option<VisitView>, sqlx::Error> {
    Ok(list(store, reader, ("v.id = $1 AND $2 = $2", id, 0), "v.id").await?.pop())
}

fn view(row: Row, reader: Reader) -> VisitView {
    VisitView {
        id: row.id,
        code: row.code,
        office: row.office,
        start: Instant(row.slot_start),
        end: Instant(row.slot_end),
        matter: VisitMatter::from_db(&row.matter).unwrap_or(VisitMatter::Will),
        address: row.address,
        note: row.note,
        birth_date: row.birth_date,
        free: row.free != 0,
        status: VisitStatus::from_db(&row.status).unwrap_or(VisitStatus::Booked),
        reason: row.reason,
        resident: (reader == Reader::Office).then(|| (row.resident_name, row.resident_phone.unwrap_or_default())),
    }
}
