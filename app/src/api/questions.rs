//! Online questions (在线咨询): residents ask in writing; the community's lawyers answer, in
//! the order of their route, before each step's deadline.

use super::endpoint::{endpoints, Access};
use crate::model::{
    AskRequest, Empty, Faq, FaqQuery, InspectRequest, PublishFaqRequest, QuestionRating, QuestionReply,
    QuestionRequest, QuestionSummary, QuestionThread, ReassignRequest,
};

endpoints! {
    /// A resident asks a question.
    AskQuestion = "questions/ask", AskRequest => QuestionThread, Access::RESIDENTS;

    /// The calling resident's questions.
    MyQuestions = "questions/mine", Empty => Vec<QuestionSummary>, Access::RESIDENTS;

    /// One question and its thread, to its resident and the lawyers of its route.
    GetQuestion = "questions/thread", QuestionRequest => QuestionThread, Access::PARTIES;

    /// Staff open a question, saying why.
    InspectQuestion = "questions/inspect", InspectRequest => QuestionThread, Access::STAFF;

    /// The resident adds to their question.
    FollowUpQuestion = "questions/follow-up", QuestionReply => QuestionThread, Access::RESIDENTS;

    /// The resident accepts the answer.
    AcceptAnswer = "questions/accept", QuestionRequest => QuestionThread, Access::RESIDENTS;

    /// The resident rates the answer.
    RateAnswer = "questions/rate", QuestionRating => QuestionThread, Access::RESIDENTS;

    /// The questions waiting for the caller (all open ones, for staff).
    QuestionQueue = "questions/queue", Empty => Vec<QuestionSummary>, Access::DESK;

    /// A lawyer on the route claims the question.
    ClaimQuestion = "questions/claim", QuestionRequest => QuestionThread, Access::ADVISERS;

    /// A lawyer answers.
    AnswerQuestion = "questions/answer", QuestionReply => QuestionThread, Access::ADVISERS;

    /// A lawyer asks the resident for more information.
    RequestInformation = "questions/request-info", QuestionReply => QuestionThread, Access::ADVISERS;

    /// A lawyer closes an answered question.
    CloseQuestion = "questions/close", QuestionRequest => QuestionThread, Access::ADVISERS;

    /// Staff hand a question to a lawyer.
    ReassignQuestion = "questions/reassign", ReassignRequest => QuestionThread, Access::STAFF;

    /// A lawyer who answered the question (or staff) publishes a de-identified version.
    PublishFaq = "questions/publish", PublishFaqRequest => Faq, Access::LAWYERS_AND_STAFF;

    /// Common questions (常见问题), for anyone: search before asking.
    SearchFaqs = "questions/faq", FaqQuery => Vec<Faq>, Access::Anyone;
}
