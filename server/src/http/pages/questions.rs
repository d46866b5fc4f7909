//! `/questions` (在线咨询: the resident's questions and the common questions),
//! `/questions/ask` and `/questions/<id>` (a thread). `/questions.js` keeps the draft on the
//! phone, uploads attachments, sends (once per draft) and acts on a thread through the JSON API.

use super::layout::{reader, respond};
use crate::state::AppState;
use app::error::ErrorKind;
use app::model::{Empty, FaqQuery, QuestionRequest};
use app::pages::{ask, notice, questions, thread};
use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The common questions' search box.
#[derive(Debug, Default, Deserialize)]
pub struct FaqParams {
    #[serde(default)]
    q: String,
}

/// `/questions`: the resident's questions, and the common questions to search first.
pub async fn list(State(state): State<AppState>, Query(params): Query<FaqParams>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let mine = match reader.resident() {
        Some(_) => match crate::questions::mine(&state.questions, &reader.caller, Empty {}).await {
            Ok(mine) => Some(mine),
            Err(error) => return reader.trouble(error.answer(lang).message),
        },
        None => None,
    };
    let faq = crate::questions::faq::search(&state.questions, &reader.caller, FaqQuery { query: params.q.clone() })
        .await
        .map_err(|e| e.answer(lang).message);
    reader.private(lang.messages().q_title, || questions::list(lang, mine, params.q, faq))
}

/// `/questions/ask`: the form; the draft lives on the phone until it is sent.
pub async fn ask(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let title = lang.messages().q_ask;
    let Some(resident) = reader.resident() else {
        // The form is for a signed-in resident only: straight to signing in, and back here.
        if reader.caller.user().is_err() {
            return Redirect::to("/sign-in?next=/questions/ask").into_response();
        }
        return reader.private(title, || notice::sign_in_first(lang, title, None));
    };
    let community: Option<String> = match sqlx::query_scalar(
        "SELECT c.name FROM users u JOIN communities c ON c.id = u.community_id WHERE u.id = $1",
    )
    .bind(resident)
    .fetch_optional(&state.store.pool)
    .await
    {
        Ok(name) => name,
        Err(error) => return reader.trouble(error),
    };
    let Some(community) = community else { return reader.private(title, || ask::no_community(lang)) };
    let max = state.files.max_upload_bytes;
    respond(StatusCode::OK, reader.page(title, Some("/questions.js"), || ask::form(lang, community, max)))
}

/// `/questions/<id>`: the thread, with what the resident can do next.
pub async fn thread(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let Ok(id) = id.parse::<i64>() else { return reader.not_found() };
    if reader.resident().is_none() {
        let title = lang.messages().q_title;
        return reader.private(title, || notice::sign_in_first(lang, title, None));
    }
    let request = QuestionRequest { question_id: id };
    let thread = match crate::questions::replies::thread(&state.questions, &reader.caller, request).await {
        Ok(thread) => thread,
        Err(e) if e.kind() == ErrorKind::NotFound => return reader.not_found(),
        Err(error) => return reader.trouble(error.answer(lang).message),
    };
    let title = thread.question.title.clone();
    respond(StatusCode::OK, reader.page(&title, Some("/questions.js"), || thread::page(lang, thread)))
}
