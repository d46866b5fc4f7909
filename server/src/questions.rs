//! Online questions (在线咨询): a resident asks in writing; the question goes to the community's
//! A lawyer, then B, then the coordinator, then every lawyer of the street, each with a deadline
//! in working hours ([`routing`]); a lawyer claims and answers, or asks for more; the resident
//! follows up, accepts and rates. Who may read and act is decided in [`access`].

pub mod access;
pub use access::{facts as question_facts, require_read as require_question_read};
pub mod ask;
pub mod closing;
pub use ask::{ask_for, checked as check_question};
pub mod faq;
pub mod replies;
pub mod routing;
mod views;

use crate::caller::Caller;
use crate::failure::Failure;
use crate::sms::Outbox;
use crate::store::Store;
use app::model::{Empty, QuestionSummary};
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

/// The calling resident's questions, newest first.
pub async fn mine(service: &QuestionsService, caller: &Caller, _: Empty) -> Result<Vec<QuestionSummary>, Failure> {
    let user = caller.user()?;
    views::of_resident(&service.store, user.id).await
}
