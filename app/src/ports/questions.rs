//! The port of online questions.

use super::Caller;
use crate::error::AppError;
use crate::model::{
    AskRequest, Faq, PublishFaqRequest, QuestionRating, QuestionReply, QuestionSummary, QuestionThread, ReassignRequest,
};
use async_trait::async_trait;

/// Questions residents ask in writing and the lawyers on their route answer.
#[async_trait]
pub trait QuestionsPort: Send + Sync {
    /// A resident asks; the question goes to the community's A lawyer (or the next on the route).
    async fn ask(&self, caller: &Caller, request: AskRequest) -> Result<QuestionThread, AppError>;
    /// The resident's questions, newest first.
    async fn mine(&self, caller: &Caller) -> Result<Vec<QuestionSummary>, AppError>;
    /// One question with its thread, to whoever may read it.
    async fn thread(&self, caller: &Caller, question_id: i64) -> Result<QuestionThread, AppError>;
    /// The resident adds to the question (after an answer or a request for information).
    async fn follow_up(&self, caller: &Caller, reply: QuestionReply) -> Result<QuestionThread, AppError>;
    /// The resident accepts the answer and closes the question.
    async fn accept(&self, caller: &Caller, question_id: i64) -> Result<QuestionThread, AppError>;
    /// The resident rates the answer, once.
    async fn rate(&self, caller: &Caller, rating: QuestionRating) -> Result<QuestionThread, AppError>;
    /// The questions waiting for the calling lawyer (all open ones, for staff).
    async fn queue(&self, caller: &Caller) -> Result<Vec<QuestionSummary>, AppError>;
    /// A lawyer on the route takes the question for themselves.
    async fn claim(&self, caller: &Caller, question_id: i64) -> Result<QuestionThread, AppError>;
    /// A lawyer answers.
    async fn answer(&self, caller: &Caller, reply: QuestionReply) -> Result<QuestionThread, AppError>;
    /// A lawyer asks the resident for more information.
    async fn request_info(&self, caller: &Caller, reply: QuestionReply) -> Result<QuestionThread, AppError>;
    /// A lawyer closes an answered question.
    async fn close(&self, caller: &Caller, question_id: i64) -> Result<QuestionThread, AppError>;
    /// Staff hand a question to a lawyer.
    async fn reassign(&self, caller: &Caller, request: ReassignRequest) -> Result<QuestionThread, AppError>;
    /// A lawyer who answered it (or staff) publishes a de-identified version, with the resident's consent.
    async fn publish_faq(&self, caller: &Caller, request: PublishFaqRequest) -> Result<Faq, AppError>;
    /// Common questions matching words, newest first.
    async fn faqs(&self, caller: &Caller, query: &str) -> Result<Vec<Faq>, AppError>;
}
