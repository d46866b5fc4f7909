//! Asking: checked, limited per resident and day (counted in the writing transaction after
//! locking the account), sent once per device key, attachments taken from the resident's
//! uploads, and routed to the first lawyer on the community's route.

use super::{routing, views, QuestionsService};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::files::pending_upload;
use crate::store::{lock_user, now_ms, Store};
use app::domain::{
    required_text, RouteStep, MAX_QUESTION_ATTACHMENTS, MAX_QUESTION_TEXT_CHARS, MAX_QUESTION_TITLE_CHARS,
    QUESTIONS_PER_DAY,
};
use app::error::{AppError, ErrorKind};
use app::model::{AskRequest, Consent, QuestionThread};
use app::time::Instant;

/// The longest device key.
const MAX_KEY_CHARS: usize = 64;

/// A resident asks: the question is routed to its community's A lawyer (or the first on the route
/// who can take it), with its attachments; a retry with the same device key gets the first.
pub async fn ask(service: &QuestionsService, caller: &Caller, request: AskRequest) -> Result<QuestionThread, Failure> {
    let resident = caller.user()?.id;
    ask_for(service, caller, resident, request, None).await
}

/// Asks for `resident`: the caller themself, or (with `helper`: the worker's account and how the
/// resident agreed) a resident the caller asks for, who then finds it among their questions.
/// The same checks and daily limit as a resident's own question.
pub async fn ask_for(
    service: &QuestionsService,
    caller: &Caller,
    resident: i64,
    request: AskRequest,
    helper: Option<(i64, Consent)>,
) -> Result<QuestionThread, Failure> {
    let t = caller.lang.messages();
    let (key, title, body) = checked(caller, &request)?;
    let store = &service.store;
    let community_id = community_of(store, caller, resident, request.community_id).await?;
    let now = now_ms();
    let today = Instant(now).to_shanghai().0;
    let mut tx = store.writer().begin().await?;
    lock_user(&mut tx, resident).await?;
    // The same question sent again (a retry on a weak network): the first one.
    let earlier: Option<i64> =
        sqlx::query_scalar("SELECT id FROM questions WHERE resident_id = $1 AND client_key = $2")
            .bind(resident)
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some(id) = earlier {
        drop(tx);
        return views::thread(store, id, false).await;
    }
    let asked_today: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM questions WHERE resident_id = $1 AND created_at >= $2")
            .bind(resident)
            .bind(today.start().0)
            .fetch_one(&mut *tx)
            .await?;
    if asked_today >= QUESTIONS_PER_DAY {
        return Err(AppError::new(ErrorKind::RateLimited, t.err_too_many_questions).into());
    }
    let holidays = routing::holidays(&mut tx, today).await?;
    let (step, lawyer, passed) = routing::target(&mut tx, community_id, RouteStep::A, today).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO questions (resident_id, community_id, category, title, client_key, may_publish, status, route_step, routed_to, deadline_at, created_at, updated_at, assisted_by, assisted_consent, special_group) \
         VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7, $8, $9, $10, $10, $11, $12, $13) RETURNING id",
    )
    .bind(resident)
    .bind(community_id)
    .bind(request.category.as_str())
    .bind(&title)
    .bind(&key)
    .bind(i64::from(request.may_publish))
    .bind(step.index())
    .bind(lawyer)
    .bind(routing::deadline(now, service.deadlines.step_hours, &holidays))
    .bind(now)
    .bind(helper.map(|(by, _)| by))
    .bind(helper.map(|(_, consent)| consent.as_str()))
    .bind(request.special_group.map(|g| g.as_str()))
    .fetch_one(&mut *tx)
    .await?;
    super::add_message(&mut tx, id, resident, "question", &body, now).await?;
    attach(&mut tx, caller, resident, community_id, id, &request.attachments, now).await?;
    for (step, lawyer, why) in passed {
        routing::record(&mut tx, id, step, lawyer, why, None, now).await?;
    }
    routing::record(&mut tx, id, step, lawyer, "asked", None, now).await?;
    routing::tell_lawyer(&mut tx, lawyer, (id, &title), now).await?;
    tx.commit().await?;
    views::thread(store, id, false).await
}

/// The device key, title and text, checked; 422 for any that is wrong, for a question without
/// consent or with too many attachments.
pub fn checked(caller: &Caller, request: &AskRequest) -> Result<(String, String, String), Failure> {
    let t = caller.lang.messages();
    let key = request.client_key.trim();
    if key.is_empty() || key.chars().count() > MAX_KEY_CHARS {
        return Err(AppError::invalid("client_key", t.err_client_key).into());
    }
    let title =
        required_text(&request.title, MAX_QUESTION_TITLE_CHARS).map_err(|_| AppError::invalid("title", t.err_title))?;
    let body = required_text(&request.body, MAX_QUESTION_TEXT_CHARS)
        .map_err(|_| AppError::invalid("body", t.err_question_text))?;
    if !request.consent {
        return Err(AppError::invalid("consent", t.err_question_consent).into());
    }
    if request.attachments.len() > MAX_QUESTION_ATTACHMENTS {
        return Err(AppError::invalid("attachments", t.err_too_many_attachments).into());
    }
    Ok((key.to_owned(), title, body))
}

/// The community asked in, or the resident's own; 422 when they have none, 404 for no such.
async fn community_of(store: &Store, caller: &Caller, user_id: i64, asked: Option<i64>) -> Result<i64, Failure> {
    let community_id = match asked {
        Some(id) => id,
        None => sqlx::query_scalar::<_, Option<i64>>("SELECT community_id FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(&store.pool)
            .await?
            .ok_or_else(|| AppError::invalid("community_id", caller.lang.messages().err_choose_community))?,
    };
    let last_day: Option<Option<String>> = sqlx::query_scalar("SELECT last_day FROM communities WHERE id = $1")
        .bind(community_id)
        .fetch_optional(&store.pool)
        .await?;
    match last_day {
        None => return Err(caller.error(ErrorKind::NotFound).into()),
        Some(Some(last)) if last < crate::store::today().to_string() => {
            return Err(AppError::invalid("community_id", caller.lang.messages().err_community_retired).into())
        }
        Some(_) => {}
    }
    Ok(community_id)
}

/// The resident's pending uploads `tokens`, made the question's private files.
async fn attach(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    user_id: i64,
    community_id: i64,
    question_id: i64,
    tokens: &[String],
    now: i64,
) -> Result<(), Failure> {
    for token in tokens {
        let file = pending_upload(tx, caller, user_id, token).await?;
        sqlx::query(
            "UPDATE files SET purpose = 'private', resident_id = $1, community_id = $2, question_id = $3, shared_at = $4 \
             WHERE id = $5 AND purpose = 'pending'",
        )
        .bind(user_id)
        .bind(community_id)
        .bind(question_id)
        .bind(now)
        .bind(file.id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
