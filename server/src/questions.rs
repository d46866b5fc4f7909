//! Online questions (在线咨询): a resident asks in writing; the question goes to the community's
//! A lawyer, then B, then the coordinator, then every lawyer of the street, each with a deadline
//! in working hours ([`routing`]); a lawyer claims and answers, or asks for more; the resident
//! follows up, accepts and rates. Who may read and act is decided in [`access`].

pub mod access;
mod ask;
mod faq;
mod replies;
pub mod routing;
mod views;

use crate::sms::Outbox;
use crate::store::Store;
use app::error::AppError;
use app::model::{
    AskRequest, Faq, PublishFaqRequest, QuestionRating, QuestionReply, QuestionSummary, QuestionThread, ReassignRequest,
};
use app::ports::{Caller, QuestionsPort};
use async_trait::async_trait;
pub use routing::Deadlines;

/// Adds a message of `kind` to question `question_id`'s thread, inside `tx`.
pub(crate) async fn add_message(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    question_id: i64,
    author_id: i64,
    kind: &str,
    body: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO question_messages (question_id, author_id, kind, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(question_id)
    .bind(author_id)
    .bind(kind)
    .bind(body)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Questions over the store.
#[derive(Clone, Debug)]
pub struct QuestionsService {
    store: Store,
    outbox: Outbox,
    deadlines: Deadlines,
}

impl QuestionsService {
    /// Questions of `store`, messages through `outbox`, with these deadlines.
    pub fn new(store: Store, outbox: Outbox, deadlines: Deadlines) -> QuestionsService {
        QuestionsService { store, outbox, deadlines }
    }
}

#[async_trait]
impl QuestionsPort for QuestionsService {
    async fn ask(&self, caller: &Caller, request: AskRequest) -> Result<QuestionThread, AppError> {
        ask::ask(self, caller, request).await
    }

    async fn mine(&self, caller: &Caller) -> Result<Vec<QuestionSummary>, AppError> {
        let user = caller.user()?;
        views::list(&self.store, caller, "q.resident_id = $1", user.id, "q.created_at DESC").await
    }

    async fn thread(&self, caller: &Caller, question_id: i64) -> Result<QuestionThread, AppError> {
        replies::thread(self, caller, question_id).await
    }

    async fn follow_up(&self, caller: &Caller, reply: QuestionReply) -> Result<QuestionThread, AppError> {
        replies::follow_up(self, caller, reply).await
    }

    async fn accept(&self, caller: &Caller, question_id: i64) -> Result<QuestionThread, AppError> {
        replies::accept(self, caller, question_id).await
    }

    async fn rate(&self, caller: &Caller, rating: QuestionRating) -> Result<QuestionThread, AppError> {
        replies::rate(self, caller, rating).await
    }

    async fn queue(&self, caller: &Caller) -> Result<Vec<QuestionSummary>, AppError> {
        replies::queue(self, caller).await
    }

    async fn claim(&self, caller: &Caller, question_id: i64) -> Result<QuestionThread, AppError> {
        replies::claim(self, caller, question_id).await
    }

    async fn answer(&self, caller: &Caller, reply: QuestionReply) -> Result<QuestionThread, AppError> {
        replies::respond(self, caller, reply, true).await
    }

    async fn request_info(&self, caller: &Caller, reply: QuestionReply) -> Result<QuestionThread, AppError> {
        replies::respond(self, caller, reply, false).await
    }

    async fn close(&self, caller: &Caller, question_id: i64) -> Result<QuestionThread, AppError> {
        replies::close(self, caller, question_id).await
    }

    async fn reassign(&self, caller: &Caller, request: ReassignRequest) -> Result<QuestionThread, AppError> {
        replies::reassign(self, caller, request).await
    }

    async fn publish_faq(&self, caller: &Caller, request: PublishFaqRequest) -> Result<Faq, AppError> {
        faq::publish(self, caller, request).await
    }

    async fn faqs(&self, caller: &Caller, query: &str) -> Result<Vec<Faq>, AppError> {
        faq::search(self, caller, query).await
    }
}
