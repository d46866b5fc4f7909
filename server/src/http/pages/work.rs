//! `/work`: the hub of the year's and special work, the one link the desk has to the server's
//! pages of it, listing those of the reader's role.

use super::layout::{reader, respond};
use crate::state::AppState;
use app::domain::Role;
use app::i18n::{EvaluationTexts, FeedbackTexts, IncidentTexts, PointTexts, QuizTexts};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;

/// `/work`: the links of the reader's role.
pub async fn hub(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let (incident, evaluation) = (IncidentTexts::of(lang), EvaluationTexts::of(lang));
    let links = if reader.is_staff() {
        vec![
            ("/staff/feedback", FeedbackTexts::of(lang).title_staff),
            ("/staff/evaluations", evaluation.title),
            ("/staff/reviews", evaluation.review_title),
            ("/staff/incidents", incident.title),
            ("/staff/themes", QuizTexts::of(lang).title_staff),
            ("/staff/points", PointTexts::of(lang).title),
        ]
    } else if reader.is(Role::Lawyer) {
        vec![
            ("/evaluation", evaluation.title_mine),
            ("/reviews", evaluation.review_title_mine),
            ("/incidents", incident.title_mine),
        ]
    } else {
        return reader.not_theirs(incident.hub_title);
    };
    respond(StatusCode::OK, reader.page(incident.hub_title, None, || app::pages::work::hub(lang, links)))
}
