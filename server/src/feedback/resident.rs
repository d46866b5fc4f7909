//! A resident's praise and complaints: what they may speak of, sending one, and reading theirs.

use super::view::{list, one};
use super::SPOKEN_OF_DAYS;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, today, Store};
use app::domain::{required_text, FeedbackKind, MAX_FEEDBACK_CHARS, MAX_WANTED_CHARS};
use app::error::{AppError, ErrorKind};
use app::i18n::FeedbackTexts;
use app::model::{Empty, FeedbackMatter, FeedbackView, NewFeedback};
use app::time::Instant;

/// A consultation: one of the resident's that has begun and was not called off.
const BOOKINGS: &str = "SELECT b.id, b.slot_start, c.name AS community, l.name AS lawyer, b.lawyer_id, b.community_id \
    FROM bookings b JOIN communities c ON c.id = b.community_id JOIN lawyers l ON l.id = b.lawyer_id \
    WHERE b.status IN ('confirmed', 'completed', 'no_show') AND b.slot_start <= $2 AND b.slot_start >= $3";

/// An answered question, and the lawyer who has it.
const QUESTIONS: &str = "SELECT q.id, q.title, l.name AS lawyer, l.id AS lawyer_id, q.community_id \
    FROM questions q JOIN lawyers l ON l.id = COALESCE(q.claimed_by, q.routed_to) \
    WHERE q.first_answer_at IS NOT NULL AND q.first_answer_at >= $3 AND $2 = $2";

#[derive(sqlx::FromRow)]
struct Consultation {
    id: i64,
    slot_start: i64,
    community: String,
    lawyer: String,
    lawyer_id: i64,
    community_id: i64,
}

#[derive(sqlx::FromRow)]
struct Answered {
    id: i64,
    title: String,
    lawyer: String,
    lawyer_id: i64,
    community_id: i64,
}

/// `(now, the earliest moment spoken of)`.
fn window() -> (i64, i64) {
    let now = now_ms();
    (now, now - SPOKEN_OF_DAYS * 86_400_000)
}

/// `feedback/matters`: the resident's consultations and answers of the window, the latest first.
pub async fn matters(store: &Store, caller: &Caller, _: Empty) -> Result<Vec<FeedbackMatter>, Failure> {
    let user = caller.user()?;
    let (now, since) = window();
    let consultations: Vec<Consultation> =
        sqlx::query_as(&format!("{BOOKINGS} AND b.resident_id = $1 ORDER BY b.slot_start DESC LIMIT 50"))
            .bind(user.id)
            .bind(now)
            .bind(since)
            .fetch_all(&store.pool)
            .await?;
    let answered: Vec<Answered> =
        sqlx::query_as(&format!("{QUESTIONS} AND q.resident_id = $1 ORDER BY q.first_answer_at DESC LIMIT 50"))
            .bind(user.id)
            .bind(now)
            .bind(since)
            .fetch_all(&store.pool)
            .await?;
    let booked = consultations.into_iter().map(|b| FeedbackMatter {
        booking_id: Some(b.id),
        question_id: None,
        label: format!("{} · {}", Instant(b.slot_start).format_shanghai(), b.community),
        lawyer: b.lawyer,
    });
    let asked = answered.into_iter().map(|q| FeedbackMatter {
        booking_id: None,
        question_id: Some(q.id),
        label: q.title,
        lawyer: q.lawyer,
    });
    Ok(booked.chain(asked).collect())
}

/// `feedback/send`: about the resident's own consultation or answer of the window (404 for
/// another's, 422 for one outside it), once of each kind (409).
pub async fn send(store: &Store, caller: &Caller, request: NewFeedback) -> Result<FeedbackView, Failure> {
    let t = FeedbackTexts::of(caller.lang);
    let user = caller.user()?;
    let body = required_text(&request.body, MAX_FEEDBACK_CHARS).map_err(|_| AppError::invalid("body", t.err_body))?;
    let wanted = match request.kind {
        FeedbackKind::Complaint => {
            required_text(&request.wanted, MAX_WANTED_CHARS).map_err(|_| AppError::invalid("wanted", t.err_wanted))?
        }
        FeedbackKind::Praise => String::new(),
    };
    let (lawyer, community) = matter(store, caller, &request).await?;
    let status = if request.kind == FeedbackKind::Complaint { "open" } else { "received" };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO feedback (kind, channel, resident_id, booking_id, question_id, lawyer_id, community_id, body, wanted, \
         status, received_on, created_at) VALUES ($1, 'online', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(request.kind.as_str())
    .bind(user.id)
    .bind(request.booking_id)
    .bind(request.question_id)
    .bind(lawyer)
    .bind(community)
    .bind(&body)
    .bind(&wanted)
    .bind(status)
    .bind(today().to_string())
    .bind(now_ms())
    .fetch_one(store.writer())
    .await?;
    one(store, id, false).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}

/// The lawyer and community of the consultation or answer `request` names: 404 for none or
/// another's, 422 for one of theirs that is not in the window (or not held, not answered).
async fn matter(store: &Store, caller: &Caller, request: &NewFeedback) -> Result<(i64, i64), Failure> {
    let invalid = || AppError::invalid("booking_id", FeedbackTexts::of(caller.lang).err_matter);
    let user = caller.user()?;
    let (table, id) = match (request.booking_id, request.question_id) {
        (Some(id), None) => ("bookings", id),
        (None, Some(id)) => ("questions", id),
        _ => return Err(invalid().into()),
    };
    let owner: Option<i64> = sqlx::query_scalar(&format!("SELECT resident_id FROM {table} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&store.pool)
        .await?;
    if owner != Some(user.id) {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    let (now, since) = window();
    let found = if table == "bookings" {
        sqlx::query_as::<_, Consultation>(&format!("{BOOKINGS} AND b.id = $1"))
            .bind(id)
            .bind(now)
            .bind(since)
            .fetch_optional(&store.pool)
            .await?
            .map(|b| (b.lawyer_id, b.community_id))
    } else {
        sqlx::query_as::<_, Answered>(&format!("{QUESTIONS} AND q.id = $1"))
            .bind(id)
            .bind(now)
            .bind(since)
            .fetch_optional(&store.pool)
            .await?
            .map(|q| (q.lawyer_id, q.community_id))
    };
    found.ok_or_else(|| invalid().into())
}

/// `feedback/mine`: open complaints first, then the newest.
pub async fn mine(store: &Store, caller: &Caller, _: Empty) -> Result<Vec<FeedbackView>, Failure> {
    let user = caller.user()?;
    let order = "CASE WHEN f.status = 'open' THEN 0 ELSE 1 END, f.created_at DESC, f.id DESC";
    Ok(list(store, ("f.resident_id = $1", user.id), order, (200, false)).await?)
}
