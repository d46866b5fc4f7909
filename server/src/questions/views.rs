//! Questions as lists and threads.

use crate::failure::Failure;
use crate::files::{file_ref, FileRow, FILE_COLUMNS};
use crate::store::Store;
use app::domain::{PhoneNumber, QuestionStatus, RouteStep, Topic};
use app::model::{FileRef, QuestionMessage, QuestionSummary, QuestionThread, RouteEvent};
use app::time::Instant;

/// The columns of a summary (alias `q`), for `SELECT`s.
pub const SUMMARY: &str = "SELECT q.id, q.title, q.category, q.status, c.name AS community, q.community_id, \
    q.route_step, lr.name AS routed_to, lc.name AS claimed_by, q.deadline_at, q.created_at, q.first_answer_at \
    FROM questions q JOIN communities c ON c.id = q.community_id \
    LEFT JOIN lawyers lr ON lr.id = q.routed_to LEFT JOIN lawyers lc ON lc.id = q.claimed_by";

/// A summary row ([`SUMMARY`]).
#[derive(sqlx::FromRow)]
pub struct Row {
    id: i64,
    title: String,
    category: String,
    status: String,
    community: String,
    community_id: i64,
    route_step: i64,
    routed_to: Option<String>,
    claimed_by: Option<String>,
    deadline_at: i64,
    created_at: i64,
    first_answer_at: Option<i64>,
}

/// A message of a thread.
#[derive(sqlx::FromRow)]
struct MessageRow {
    kind: String,
    /// The author's display name.
    author: String,
    /// The author's name as a lawyer, when they are one.
    lawyer: Option<String>,
    body: String,
    created_at: i64,
}

/// A hand-over of a question.
#[derive(sqlx::FromRow)]
struct RouteRow {
    step: i64,
    lawyer: Option<String>,
    reason: String,
    at: i64,
}

/// A summary row on the wire.
pub fn summary(row: Row) -> QuestionSummary {
    QuestionSummary {
        id: row.id,
        title: row.title,
        category: Topic::from_db(&row.category).unwrap_or(Topic::Other),
        status: QuestionStatus::from_db(&row.status).unwrap_or(QuestionStatus::Closed),
        community: row.community,
        community_id: row.community_id,
        step: RouteStep::from_index(row.route_step).unwrap_or(RouteStep::Street),
        routed_to: row.routed_to,
        claimed_by: row.claimed_by,
        deadline_at: Instant(row.deadline_at),
        created_at: Instant(row.created_at),
        first_answer_at: row.first_answer_at.map(Instant),
    }
}

/// A resident's questions, newest first.
pub async fn of_resident(store: &Store, resident_id: i64) -> Result<Vec<QuestionSummary>, Failure> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("{SUMMARY} WHERE q.resident_id = $1 ORDER BY q.created_at DESC LIMIT 500"))
            .bind(resident_id)
            .fetch_all(&store.pool)
            .await?;
    Ok(rows.into_iter().map(summary).collect())
}

/// The whole thread of question `id`, the resident's number masked for everyone (a question is
/// answered in writing); `routes`: the caller sees the hand-overs (lawyers, staff).
pub async fn thread(store: &Store, id: i64, routes: bool) -> Result<QuestionThread, Failure> {
    let row: Row = sqlx::query_as(&format!("{SUMMARY} WHERE q.id = $1")).bind(id).fetch_one(&store.pool).await?;
    let (phone, rating, may_publish): (Option<String>, Option<i64>, i64) = sqlx::query_as(
        "SELECT u.phone, q.rating, q.may_publish FROM questions q JOIN users u ON u.id = q.resident_id WHERE q.id = $1",
    )
    .bind(id)
    .fetch_one(&store.pool)
    .await?;
    let phone = phone.and_then(|p| PhoneNumber::parse(&p).ok());
    let resident_phone = phone.map(|p| p.masked()).unwrap_or_default();
    let (messages, attachments) = (messages_of(store, id).await?, attachments_of(store, id).await?);
    let routes = if routes { routes_of(store, id).await? } else { Vec::new() };
    Ok(QuestionThread {
        question: summary(row),
        resident_phone,
        messages,
        attachments,
        routes,
        rating,
        may_publish: may_publish == 1,
    })
}

/// The thread's messages, each signed with its author's lawyer name when they are one.
async fn messages_of(store: &Store, id: i64) -> Result<Vec<QuestionMessage>, sqlx::Error> {
    let messages: Vec<MessageRow> = sqlx::query_as(
        "SELECT m.kind, u.display_name AS author, l.name AS lawyer, m.body, m.created_at FROM question_messages m \
         JOIN users u ON u.id = m.author_id \
         LEFT JOIN lawyers l ON l.user_id = u.id WHERE m.question_id = $1 ORDER BY m.id",
    )
    .bind(id)
    .fetch_all(&store.pool)
    .await?;
    Ok(messages
        .into_iter()
        .map(|m| QuestionMessage {
            kind: m.kind,
            author: m.lawyer.unwrap_or(m.author),
            body: m.body,
            created_at: Instant(m.created_at),
        })
        .collect())
}

/// The question's files, in the order they came.
async fn attachments_of(store: &Store, id: i64) -> Result<Vec<FileRef>, sqlx::Error> {
    let files: Vec<FileRow> = sqlx::query_as(&format!(
        "SELECT {FILE_COLUMNS} FROM files f WHERE f.question_id = $1 AND f.deleted_at IS NULL ORDER BY f.id"
    ))
    .bind(id)
    .fetch_all(&store.pool)
    .await?;
    Ok(files.iter().map(file_ref).collect())
}

/// The question's hand-overs along its route.
async fn routes_of(store: &Store, id: i64) -> Result<Vec<RouteEvent>, sqlx::Error> {
    let hand_overs: Vec<RouteRow> = sqlx::query_as(
        "SELECT r.step, l.name AS lawyer, r.reason, r.at FROM question_routes r LEFT JOIN lawyers l ON l.id = r.lawyer_id \
         WHERE r.question_id = $1 ORDER BY r.id",
    )
    .bind(id)
    .fetch_all(&store.pool)
    .await?;
    Ok(hand_overs
        .into_iter()
        .map(|r| RouteEvent {
            step: RouteStep::from_index(r.step).unwrap_or(RouteStep::Street),
            lawyer: r.lawyer,
            reason: r.reason,
            at: Instant(r.at),
        })
        .collect())
}
