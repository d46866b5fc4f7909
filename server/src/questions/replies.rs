//! Everything after asking: reading, claiming, answering, asking for more, following up,
//! accepting, rating, closing, reassigning. Each change and the message that reports it are
//! written in one transaction; the first answer records one consultation in the lawyer's figures.

use super::{access, routing, views, QuestionsService};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::desk;
use crate::sms::{Message, Outbox, Template};
use crate::store::now_ms;
use crate::store::sql::Sql;
use app::domain::{required_text, QuestionStatus, Role, MAX_QUESTION_TEXT_CHARS};
use app::error::{AppError, ErrorKind};
use app::model::{
    Empty, InspectRequest, QuestionRating, QuestionReply, QuestionRequest, QuestionSummary, QuestionThread,
    ReassignRequest,
};
use app::time::Instant;

/// The thread as the caller may see it.
pub async fn thread(
    service: &QuestionsService,
    caller: &Caller,
    request: QuestionRequest,
) -> Result<QuestionThread, Failure> {
    let id = request.question_id;
    let q = access::facts(&service.store, caller, id).await?;
    access::require_read(&service.store, caller, &q).await?;
    view(service, caller, &q).await
}

/// `questions/inspect`: staff open a question of their street (404 otherwise), saying why (422 on
/// `reason`, nothing recorded); the resident sees who opened it, when and why.
pub async fn inspect(
    service: &QuestionsService,
    caller: &Caller,
    request: InspectRequest,
) -> Result<QuestionThread, Failure> {
    let user = caller.user()?;
    let q = access::facts(&service.store, caller, request.question_id).await?;
    access::require_read(&service.store, caller, &q).await?;
    let reason = crate::audit::access_reason(caller, &request.reason)?;
    let subject = format!("question:{}", q.id);
    crate::audit::record_access(&service.store, caller, user.id, ("question_read", &subject), q.resident_id, &reason)
        .await?;
    views::thread(&service.store, q.id, true).await
}

/// The thread after a change, for a caller already checked.
async fn view(service: &QuestionsService, caller: &Caller, q: &access::Facts) -> Result<QuestionThread, Failure> {
    let worker = caller.user()?.role != Role::Resident;
    views::thread(&service.store, q.id, worker).await
}

fn text(caller: &Caller, body: &str) -> Result<String, Failure> {
    required_text(body, MAX_QUESTION_TEXT_CHARS)
        .map_err(|_| AppError::invalid("body", caller.lang.messages().err_question_text))
        .map_err(Failure::from)
}

/// The questions the caller acts on now (lawyers) or every open one (staff), most urgent first.
pub async fn queue(service: &QuestionsService, caller: &Caller, _: Empty) -> Result<Vec<QuestionSummary>, Failure> {
    let user = caller.user()?;
    let mut sql = Sql::new(views::SUMMARY);
    sql.push(" WHERE q.status <> 'closed'");
    if user.role.is_staff() {
        // A street's staff watch their street's questions.
        if let Some(street) = user.street {
            sql.push(" AND q.community_id IN (SELECT id FROM communities WHERE street_id = ").bind(street).push(")");
        }
    } else {
        let mine = desk::own_lawyers(&service.store, caller).await?;
        if mine.is_empty() {
            return Ok(Vec::new());
        }
        // Claimed by the caller's lawyers, routed to them, or open to the whole street they
        // serve: each way read from its index of open questions (migration 52), whose
        // conditions these repeat word for word.
        sql.push(" AND q.id IN (SELECT id FROM questions WHERE status <> 'closed' AND claimed_by IN ");
        sql.bind_list(mine.clone());
        sql.push(" UNION SELECT id FROM questions WHERE status <> 'closed' AND claimed_by IS NULL AND routed_to IN ");
        sql.bind_list(mine.clone());
        sql.push(
            " UNION SELECT id FROM questions WHERE status <> 'closed' AND claimed_by IS NULL AND route_step = 3 \
             AND community_id IN (SELECT sc.id FROM communities sc JOIN communities ac ON ac.street_id = sc.street_id \
             JOIN assignments a ON a.community_id = ac.id WHERE a.lawyer_id IN ",
        );
        sql.bind_list(mine);
        let today = crate::store::today().to_string();
        sql.push(" AND a.starts_on <= ").bind(today.clone());
        sql.push(" AND (a.ends_on IS NULL OR a.ends_on >= ").bind(today).push(")))");
    }
    sql.push(" ORDER BY q.deadline_at LIMIT 500");
    let rows: Vec<views::Row> = sql.fetch_all(&service.store.pool).await?;
    Ok(rows.into_iter().map(views::summary).collect())
}

/// A lawyer on the route takes the question: exclusive, by a conditional update.
pub async fn claim(
    service: &QuestionsService,
    caller: &Caller,
    request: QuestionRequest,
) -> Result<QuestionThread, Failure> {
    let id = request.question_id;
    let q = access::facts(&service.store, caller, id).await?;
    let lawyer = access::acting_lawyer(&service.store, caller, &q).await?;
    let now = now_ms();
    let mut tx = service.store.writer().begin().await?;
    let taken = sqlx::query(
        "UPDATE questions SET claimed_by = $1, claim_active_at = $2, updated_at = $2 WHERE id = $3 AND claimed_by IS NULL AND status <> 'closed'",
    )
    .bind(lawyer)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if taken.rows_affected() == 1 {
        let step = app::domain::RouteStep::from_index(q.step).unwrap_or(app::domain::RouteStep::Street);
        routing::record(&mut tx, id, step, Some(lawyer), "claimed", None, now).await?;
    }
    tx.commit().await?;
    let q = access::facts(&service.store, caller, id).await?;
    if q.claimed_by != Some(lawyer) {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_question_claimed).into());
    }
    view(service, caller, &q).await
}

/// Answers a question the caller's lawyer holds.
pub async fn answer(
    service: &QuestionsService,
    caller: &Caller,
    reply: QuestionReply,
) -> Result<QuestionThread, Failure> {
    respond(service, caller, reply, true).await
}

/// Asks the resident for more information.
pub async fn request_info(
    service: &QuestionsService,
    caller: &Caller,
    reply: QuestionReply,
) -> Result<QuestionThread, Failure> {
    respond(service, caller, reply, false).await
}

/// A lawyer answers (`answer`) or asks for more information; either claims the question.
async fn respond(
    service: &QuestionsService,
    caller: &Caller,
    reply: QuestionReply,
    answer: bool,
) -> Result<QuestionThread, Failure> {
    let user = caller.user()?;
    let body = text(caller, &reply.body)?;
    let q = access::facts(&service.store, caller, reply.question_id).await?;
    let lawyer = access::acting_lawyer(&service.store, caller, &q).await?;
    let html = crate::markdown::render(&body);
    let now = now_ms();
    let t = caller.lang.messages();
    let mut tx = service.store.writer().begin().await?;
    let (status, kind) = if answer { ("answered", "answer") } else { ("needs_info", "info_request") };
    let changed = sqlx::query(&format!(
        "UPDATE questions SET status = $1, claimed_by = $2, claim_active_at = $3, updated_at = $3{} \
         WHERE id = $4 AND status <> 'closed' AND (claimed_by IS NULL OR claimed_by = $2)",
        if answer { ", first_answer_at = COALESCE(first_answer_at, $3)" } else { "" }
    ))
    .bind(status)
    .bind(lawyer)
    .bind(now)
    .bind(q.id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_question_claimed).into());
    }
    super::add_message(&mut tx, q.id, user.id, kind, html.as_str(), now).await?;
    if answer {
        // One consultation in the figures, however many answers follow.
        sqlx::query(
            "INSERT INTO service_records (community_id, lawyer_id, recorded_by, category, served_on, people_served, summary, question_id, created_at) \
             VALUES ($1, $2, $3, 'consultation', $4, 1, $5, $6, $7) ON CONFLICT (question_id) DO NOTHING",
        )
        .bind(q.community_id)
        .bind(lawyer)
        .bind(user.id)
        .bind(Instant(now).to_shanghai().0.to_string())
        .bind(&q.title)
        .bind(q.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    let phone: Option<String> =
        sqlx::query_scalar("SELECT phone FROM users WHERE id = $1").bind(q.resident_id).fetch_one(&mut *tx).await?;
    if let Some(phone) = phone {
        let template = if answer { Template::QuestionAnswered } else { Template::QuestionNeedsInfo };
        let message =
            Message::new(template, app::i18n::Lang::Zh, &[("title", &q.title)]).about(format!("/questions/{}", q.id));
        Outbox::enqueue_with_inbox(&mut tx, &phone, &message).await?;
    }
    tx.commit().await?;
    service.outbox.wake();
    let q = access::facts(&service.store, caller, q.id).await?;
    view(service, caller, &q).await
}

/// The resident adds to the question; it waits for the lawyer again.
pub async fn follow_up(
    service: &QuestionsService,
    caller: &Caller,
    reply: QuestionReply,
) -> Result<QuestionThread, Failure> {
    let user = caller.user()?;
    let body = text(caller, &reply.body)?;
    let q = access::facts(&service.store, caller, reply.question_id).await?;
    access::require_read(&service.store, caller, &q).await?;
    let now = now_ms();
    let mut tx = service.store.writer().begin().await?;
    let changed =
        sqlx::query("UPDATE questions SET status = 'waiting', updated_at = $1 WHERE id = $2 AND status <> 'closed'")
            .bind(now)
            .bind(q.id)
            .execute(&mut *tx)
            .await?;
    if changed.rows_affected() != 1 {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_question_closed).into());
    }
    super::add_message(&mut tx, q.id, user.id, "follow_up", &body, now).await?;
    let holder = q.claimed_by.or(q.routed_to);
    routing::tell_lawyer(&mut tx, holder, (q.id, &q.title), now).await?;
    tx.commit().await?;
    let q = access::facts(&service.store, caller, q.id).await?;
    view(service, caller, &q).await
}

/// Closes an answered question: the resident accepting, or the lawyer holding it.
async fn close_answered(
    service: &QuestionsService,
    caller: &Caller,
    q: &access::Facts,
) -> Result<QuestionThread, Failure> {
    let now = now_ms();
    let closed = sqlx::query(
        "UPDATE questions SET status = 'closed', closed_at = $1, updated_at = $1 WHERE id = $2 AND status = 'answered'",
    )
    .bind(now)
    .bind(q.id)
    .execute(service.store.writer())
    .await?;
    if closed.rows_affected() != 1 {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_question_state).into());
    }
    let q = access::facts(&service.store, caller, q.id).await?;
    view(service, caller, &q).await
}

/// The resident accepts the answer.
pub async fn accept(
    service: &QuestionsService,
    caller: &Caller,
    request: QuestionRequest,
) -> Result<QuestionThread, Failure> {
    let id = request.question_id;
    let q = access::facts(&service.store, caller, id).await?;
    access::require_read(&service.store, caller, &q).await?;
    close_answered(service, caller, &q).await
}

/// The lawyer holding an answered question closes it.
pub async fn close(
    service: &QuestionsService,
    caller: &Caller,
    request: QuestionRequest,
) -> Result<QuestionThread, Failure> {
    let id = request.question_id;
    let q = access::facts(&service.store, caller, id).await?;
    access::acting_lawyer(&service.store, caller, &q).await?;
    close_answered(service, caller, &q).await
}

/// The resident rates the answer: once, after an answer.
pub async fn rate(
    service: &QuestionsService,
    caller: &Caller,
    rating: QuestionRating,
) -> Result<QuestionThread, Failure> {
    if !(1..=5).contains(&rating.rating) {
        return Err(AppError::invalid("rating", caller.lang.messages().err_rating).into());
    }
    let q = access::facts(&service.store, caller, rating.question_id).await?;
    access::require_read(&service.store, caller, &q).await?;
    let rated = sqlx::query("UPDATE questions SET rating = $1, updated_at = $2 WHERE id = $3 AND rating IS NULL AND first_answer_at IS NOT NULL")
        .bind(rating.rating)
        .bind(now_ms())
        .bind(q.id)
        .execute(service.store.writer())
        .await?;
    if rated.rows_affected() != 1 {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_not_ratable).into());
    }
    view(service, caller, &q).await
}

/// Staff hand an open question to a lawyer, by hand; recorded with who did it.
pub async fn reassign(
    service: &QuestionsService,
    caller: &Caller,
    request: ReassignRequest,
) -> Result<QuestionThread, Failure> {
    let user = caller.user()?;
    let q = access::facts(&service.store, caller, request.question_id).await?;
    crate::scope::require_community(&service.store, caller, user, q.community_id).await?;
    let lawyer: Option<i64> = sqlx::query_scalar("SELECT id FROM lawyers WHERE id = $1")
        .bind(request.lawyer_id)
        .fetch_optional(&service.store.pool)
        .await?;
    let lawyer = lawyer.ok_or_else(|| AppError::invalid("lawyer_id", caller.lang.texts().err_not_found))?;
    if q.status == QuestionStatus::Closed {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_question_closed).into());
    }
    let now = now_ms();
    let mut tx = service.store.writer().begin().await?;
    let today = Instant(now).to_shanghai().0;
    let holidays = routing::holidays(&mut tx, today).await?;
    sqlx::query(
        "UPDATE questions SET routed_to = $1, claimed_by = NULL, claim_active_at = NULL, deadline_at = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(lawyer)
    .bind(routing::deadline(now, service.deadlines.step_hours, &holidays))
    .bind(now)
    .bind(q.id)
    .execute(&mut *tx)
    .await?;
    let step = app::domain::RouteStep::from_index(q.step).unwrap_or(app::domain::RouteStep::Street);
    routing::record(&mut tx, q.id, step, Some(lawyer), "reassigned", Some(user.id), now).await?;
    routing::tell_lawyer(&mut tx, Some(lawyer), (q.id, &q.title), now).await?;
    tx.commit().await?;
    crate::audit::record_by(&service.store, caller, user.id, "question_reassign", &format!("question:{}", q.id))
        .await?;
    views::thread(&service.store, q.id, true).await
}
