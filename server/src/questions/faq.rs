//! Common questions (常见问题): with the resident's consent, the lawyer who handled a question (or
//! staff) publishes a version with no names, numbers or addresses; anyone searches them before
//! asking. Numbers are checked by the server in every spelling (`app::domain::identifying`: no
//! number of six digits or more, no e-mail address, not the resident's number); names and
//! addresses are the lawyer's to take out, and the form says so.

use super::{access, QuestionsService};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::desk;
use crate::store::now_ms;
use crate::text::like_contains;
use app::domain::{
    identifying, required_text, SafeHtml, Topic, MAX_QUERY_CHARS, MAX_QUESTION_TEXT_CHARS, MAX_QUESTION_TITLE_CHARS,
};
use app::error::{AppError, ErrorKind};
use app::model::{Faq, FaqQuery, PublishFaqRequest};
use app::time::Instant;

/// A common question as stored.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    category: String,
    title: String,
    question: String,
    answer: String,
    created_at: i64,
}

fn faq(row: Row) -> Faq {
    Faq {
        id: row.id,
        category: Topic::from_db(&row.category).unwrap_or(Topic::Other),
        title: row.title,
        question: row.question,
        // Rendered by `crate::markdown` when it was published.
        answer: SafeHtml::from_sanitiser(row.answer),
        created_at: Instant(row.created_at),
    }
}

pub async fn publish(service: &QuestionsService, caller: &Caller, request: PublishFaqRequest) -> Result<Faq, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let title =
        required_text(&request.title, MAX_QUESTION_TITLE_CHARS).map_err(|_| AppError::invalid("title", t.err_title))?;
    let question = required_text(&request.question, MAX_QUESTION_TEXT_CHARS)
        .map_err(|_| AppError::invalid("question", t.err_question_text))?;
    let answer = required_text(&request.answer, MAX_QUESTION_TEXT_CHARS)
        .map_err(|_| AppError::invalid("answer", t.err_question_text))?;
    let store = &service.store;
    let q = access::facts(store, caller, request.question_id).await?;
    access::require_read(store, caller, &q).await?;
    if !user.role.is_staff() {
        let mine = desk::own_lawyers(store, caller).await?;
        if !q.claimed_by.is_some_and(|l| mine.contains(&l)) {
            return Err(AppError::new(ErrorKind::Conflict, t.err_question_not_yours).into());
        }
    }
    let (answered, may_publish, category, phone): (Option<i64>, i64, String, Option<String>) = sqlx::query_as(
        "SELECT q.first_answer_at, q.may_publish, q.category, u.phone FROM questions q JOIN users u ON u.id = q.resident_id WHERE q.id = $1",
    )
    .bind(q.id)
    .fetch_one(&store.pool)
    .await?;
    if answered.is_none() {
        return Err(AppError::new(ErrorKind::Conflict, t.err_question_state).into());
    }
    if may_publish != 1 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_no_publish_consent).into());
    }
    for (field, text) in [("title", &title), ("question", &question), ("answer", &answer)] {
        if identifying(text, phone.as_deref()) {
            return Err(AppError::invalid(field, t.err_not_deidentified).into());
        }
    }
    let html = crate::markdown::render(&answer);
    let search = format!("{title} {question} {answer}").to_lowercase();
    let row: Option<Row> = sqlx::query_as(
        "INSERT INTO faqs (question_id, category, title, question, answer, search_text, published_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (question_id) DO NOTHING \
         RETURNING id, category, title, question, answer, created_at",
    )
    .bind(q.id)
    .bind(&category)
    .bind(&title)
    .bind(&question)
    .bind(html.as_str())
    .bind(search)
    .bind(user.id)
    .bind(now_ms())
    .fetch_all(store.writer())
    .await?
    .pop();
    let row = row.ok_or_else(|| AppError::new(ErrorKind::Conflict, t.err_faq_published))?;
    crate::audit::record_by(store, caller, user.id, "faq_publish", &format!("question:{}", q.id)).await?;
    Ok(faq(row))
}

pub async fn search(service: &QuestionsService, caller: &Caller, query: FaqQuery) -> Result<Vec<Faq>, Failure> {
    let text = query.query.trim();
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::invalid("query", caller.lang.messages().err_query).into());
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, category, title, question, answer, created_at FROM faqs \
         WHERE ($1 = '' OR search_text LIKE $2 ESCAPE '\\') ORDER BY created_at DESC LIMIT 50",
    )
    .bind(text)
    .bind(like_contains(&text.to_lowercase()))
    .fetch_all(&service.store.pool)
    .await?;
    Ok(rows.into_iter().map(faq).collect())
}
