//! Praise or a complaint as its resident and staff read it: staff also see the resident's name.

use crate::store::Store;
use app::domain::{FeedbackChannel, FeedbackKind, FeedbackStatus};
use app::model::FeedbackView;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    channel: String,
    status: String,
    lawyer: String,
    community: String,
    body: String,
    wanted: String,
    reply: String,
    received_on: String,
    resident: Option<String>,
}

const SELECT: &str =
    "SELECT f.id, f.kind, f.channel, f.status, l.name AS lawyer, c.name AS community, f.body, f.wanted, \
    f.reply, f.received_on, u.display_name AS resident FROM feedback f JOIN lawyers l ON l.id = f.lawyer_id \
    JOIN communities c ON c.id = f.community_id LEFT JOIN users u ON u.id = f.resident_id";

/// The feedback where `filter` (binding `$1` to `value`) holds, in `order`, at most `limit`;
/// `staff` read the resident's name.
pub async fn list(
    store: &Store,
    (filter, value): (&str, i64),
    order: &str,
    (limit, staff): (i64, bool),
) -> Result<Vec<FeedbackView>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE {filter} ORDER BY {order} LIMIT {limit}");
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(value).fetch_all(&store.pool).await?;
    Ok(rows
        .into_iter()
        .map(|r| FeedbackView {
            id: r.id,
            kind: FeedbackKind::from_db(&r.kind).unwrap_or(FeedbackKind::Praise),
            channel: FeedbackChannel::from_db(&r.channel).unwrap_or(FeedbackChannel::Online),
            status: FeedbackStatus::from_db(&r.status).unwrap_or(FeedbackStatus::Received),
            lawyer: r.lawyer,
            community: r.community,
            body: r.body,
            wanted: r.wanted,
            reply: r.reply,
            received_on: r.received_on,
            resident: r.resident.filter(|_| staff),
        })
        .collect())
}

/// Feedback `id` as `staff` or its resident read it.
pub async fn one(store: &Store, id: i64, staff: bool) -> Result<Option<FeedbackView>, sqlx::Error> {
    Ok(list(store, ("f.id = $1", id), "f.id", (1, staff)).await?.pop())
}
