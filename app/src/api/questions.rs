//! Online questions (在线咨询): residents ask in writing; the community's lawyers answer, in
//! the order of their route, before each step's deadline.

use crate::error::AppError;
use crate::model::{
    AskRequest, Empty, Faq, FaqQuery, PublishFaqRequest, QuestionRating, QuestionReply, QuestionRequest,
    QuestionSummary, QuestionThread, ReassignRequest,
};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

#[cfg(feature = "ssr")]
const RESIDENTS: &[Role] = &[Role::Resident];
/// Lawyers answer; assistants work the queue for the lawyers they assist.
#[cfg(feature = "ssr")]
const ADVISERS: &[Role] = &[Role::Lawyer, Role::Assistant];
#[cfg(feature = "ssr")]
const READERS: &[Role] = &[Role::Resident, Role::Lawyer, Role::Assistant, Role::Staff, Role::Admin];

/// A resident asks a question.
#[server(prefix = "/api", endpoint = "questions/ask", input = server_fn::codec::Json)]
pub async fn ask_question(#[server(flatten)] request: AskRequest) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(RESIDENTS)?;
    ports.questions.ask(&caller, request).await
}

/// The calling resident's questions.
#[server(prefix = "/api", endpoint = "questions/mine", input = server_fn::codec::Json)]
pub async fn my_questions(#[server(flatten)] _request: Empty) -> Result<Vec<QuestionSummary>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(RESIDENTS)?;
    ports.questions.mine(&caller).await
}

/// One question and its thread.
#[server(prefix = "/api", endpoint = "questions/thread", input = server_fn::codec::Json)]
pub async fn get_question(#[server(flatten)] request: QuestionRequest) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(READERS)?;
    ports.questions.thread(&caller, request.question_id).await
}

/// The resident adds to their question.
#[server(prefix = "/api", endpoint = "questions/follow-up", input = server_fn::codec::Json)]
pub async fn follow_up_question(#[server(flatten)] request: QuestionReply) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(RESIDENTS)?;
    ports.questions.follow_up(&caller, request).await
}

/// The resident accepts the answer.
#[server(prefix = "/api", endpoint = "questions/accept", input = server_fn::codec::Json)]
pub async fn accept_answer(#[server(flatten)] request: QuestionRequest) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(RESIDENTS)?;
    ports.questions.accept(&caller, request.question_id).await
}

/// The resident rates the answer.
#[server(prefix = "/api", endpoint = "questions/rate", input = server_fn::codec::Json)]
pub async fn rate_answer(#[server(flatten)] request: QuestionRating) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(RESIDENTS)?;
    ports.questions.rate(&caller, request).await
}

/// The questions waiting for the caller (all open ones, for staff).
#[server(prefix = "/api", endpoint = "questions/queue", input = server_fn::codec::Json)]
pub async fn question_queue(#[server(flatten)] _request: Empty) -> Result<Vec<QuestionSummary>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Lawyer, Role::Assistant, Role::Staff, Role::Admin])?;
    ports.questions.queue(&caller).await
}

/// A lawyer on the route claims the question.
#[server(prefix = "/api", endpoint = "questions/claim", input = server_fn::codec::Json)]
pub async fn claim_question(#[server(flatten)] request: QuestionRequest) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(ADVISERS)?;
    ports.questions.claim(&caller, request.question_id).await
}

/// A lawyer answers.
#[server(prefix = "/api", endpoint = "questions/answer", input = server_fn::codec::Json)]
pub async fn answer_question(#[server(flatten)] request: QuestionReply) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(ADVISERS)?;
    ports.questions.answer(&caller, request).await
}

/// A lawyer asks the resident for more information.
#[server(prefix = "/api", endpoint = "questions/request-info", input = server_fn::codec::Json)]
pub async fn request_information(#[server(flatten)] request: QuestionReply) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(ADVISERS)?;
    ports.questions.request_info(&caller, request).await
}

/// A lawyer closes an answered question.
#[server(prefix = "/api", endpoint = "questions/close", input = server_fn::codec::Json)]
pub async fn close_question(#[server(flatten)] request: QuestionRequest) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(ADVISERS)?;
    ports.questions.close(&caller, request.question_id).await
}

/// Staff hand a question to a lawyer.
#[server(prefix = "/api", endpoint = "questions/reassign", input = server_fn::codec::Json)]
pub async fn reassign_question(#[server(flatten)] request: ReassignRequest) -> Result<QuestionThread, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.questions.reassign(&caller, request).await
}

/// A lawyer who answered the question (or staff) publishes a de-identified version.
#[server(prefix = "/api", endpoint = "questions/publish", input = server_fn::codec::Json)]
pub async fn publish_faq(#[server(flatten)] request: PublishFaqRequest) -> Result<Faq, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Lawyer, Role::Staff, Role::Admin])?;
    ports.questions.publish_faq(&caller, request).await
}

/// Common questions (常见问题), for anyone: search before asking.
#[server(prefix = "/api", endpoint = "questions/faq", input = server_fn::codec::Json)]
pub async fn search_faqs(#[server(flatten)] request: FaqQuery) -> Result<Vec<Faq>, AppError> {
    let (ports, caller) = ports::current()?;
    ports.questions.faqs(&caller, &request.query).await
}
