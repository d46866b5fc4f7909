//! Online questions on the wire.

use crate::domain::{QuestionStatus, RouteStep, SafeHtml, Topic};
use crate::model::FileRef;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// A resident's question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AskRequest {
    /// The device's key for this question (sending it again asks once).
    pub client_key: String,
    /// The community whose lawyers answer; the resident's own when absent.
    #[serde(default)]
    pub community_id: Option<i64>,
    /// Category (the booking topics).
    pub category: Topic,
    /// A short title.
    pub title: String,
    /// The question itself.
    pub body: String,
    /// Uploads to attach (tokens of the resident's pending uploads).
    #[serde(default)]
    pub attachments: Vec<String>,
    /// The resident read who will see the question (required).
    pub consent: bool,
    /// The resident allows a de-identified version to become a common question.
    #[serde(default)]
    pub may_publish: bool,
    /// The special group the resident says they belong to, if any (counted on the board).
    #[serde(default)]
    pub special_group: Option<crate::domain::SpecialGroup>,
}

/// A question in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuestionSummary {
    /// Question id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Category.
    pub category: Topic,
    /// Where it stands.
    pub status: QuestionStatus,
    /// The community it was asked at.
    pub community: String,
    /// Its id.
    pub community_id: i64,
    /// Who it waits for now.
    pub step: RouteStep,
    /// The lawyer it is routed to (none: the whole street), by name.
    pub routed_to: Option<String>,
    /// The lawyer who claimed it, by name.
    pub claimed_by: Option<String>,
    /// When the current step's lawyer must answer by.
    pub deadline_at: Instant,
    /// When it was asked.
    pub created_at: Instant,
    /// When a lawyer first answered.
    pub first_answer_at: Option<Instant>,
}

/// One message of a question's thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuestionMessage {
    /// What it is: `question`, `answer`, `info_request`, `follow_up`.
    pub kind: String,
    /// Who wrote it (a lawyer's name; the resident's masked number).
    pub author: String,
    /// Residents' text as written; lawyers' as sanitised HTML.
    pub body: String,
    /// When.
    pub created_at: Instant,
}

impl QuestionMessage {
    /// Whether a lawyer wrote it (an answer or a request for more).
    pub fn from_lawyer(&self) -> bool {
        matches!(self.kind.as_str(), "answer" | "info_request")
    }

    /// A lawyer's body as the HTML the server's renderer made of it when it was written (no
    /// other path stores a lawyer's message), or `None` for a resident's text.
    pub fn lawyer_html(&self) -> Option<SafeHtml> {
        self.from_lawyer().then(|| SafeHtml::from_sanitiser(self.body.clone()))
    }
}

/// A hand-over of the question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct RouteEvent {
    /// The step it moved to.
    pub step: RouteStep,
    /// To whom (none: the whole street).
    pub lawyer: Option<String>,
    /// Why: `asked`, `deadline`, `on_leave`, `no_lawyer`, `claimed`, `claim_lapsed`, `reassigned`.
    pub reason: String,
    /// When.
    pub at: Instant,
}

/// A question with its thread, as the resident, a lawyer on its route, or staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuestionThread {
    /// The question.
    pub question: QuestionSummary,
    /// The resident's number, masked (138****0000): a question is answered in writing.
    pub resident_phone: String,
    /// Every message, oldest first.
    pub messages: Vec<QuestionMessage>,
    /// Attached files.
    pub attachments: Vec<FileRef>,
    /// Every hand-over, oldest first (lawyers and staff only).
    pub routes: Vec<RouteEvent>,
    /// The resident's rating, once given.
    pub rating: Option<i64>,
    /// Whether the resident allows publishing a de-identified version.
    pub may_publish: bool,
}

/// Names one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuestionRequest {
    /// Question id.
    pub question_id: i64,
}

/// Staff open a resident's question, saying why: the resident sees who opened it, when and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct InspectRequest {
    /// Question id.
    pub question_id: i64,
    /// Why it is opened.
    pub reason: String,
}

/// A message to a question: a lawyer's answer or request for information, a resident's
/// follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuestionReply {
    /// Question id.
    pub question_id: i64,
    /// The text (lawyers may use simple Markdown).
    pub body: String,
}

/// The resident rates the answer, once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuestionRating {
    /// Question id.
    pub question_id: i64,
    /// 1–5.
    pub rating: i64,
}

/// Staff hand a question to a lawyer by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReassignRequest {
    /// Question id.
    pub question_id: i64,
    /// The lawyer.
    pub lawyer_id: i64,
}

/// A de-identified version of a question, to publish as a common question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct PublishFaqRequest {
    /// The question it comes from (the resident allowed it).
    pub question_id: i64,
    /// Title.
    pub title: String,
    /// The question, with no names, numbers or addresses left in it.
    pub question: String,
    /// The answer (simple Markdown), likewise.
    pub answer: String,
}

/// A common question (常见问题).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Faq {
    /// Id.
    pub id: i64,
    /// Category.
    pub category: Topic,
    /// Title.
    pub title: String,
    /// The question.
    pub question: String,
    /// The answer, as sanitised HTML.
    pub answer: SafeHtml,
    /// When it was published.
    pub created_at: Instant,
}

/// A search of the common questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct FaqQuery {
    /// Words to find (Chinese or not); empty: the newest.
    #[serde(default)]
    pub query: String,
}
